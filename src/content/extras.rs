//! The career map and the self-check of a pathway.

/// The career map of a pathway.
#[derive(Debug, Clone)]
pub struct CareerMap {
    pub levels: Vec<Level>,
    pub titles: Vec<JobTitle>,
}

impl CareerMap {
    /// Most levels a map may have: a diagram a student can read, whose
    /// layout search stays within a fixed amount of work (issue 25).
    pub const MAX_LEVELS: usize = 8;
    /// Most titles at one level.
    pub const MAX_TITLES_PER_LEVEL: usize = 12;
    /// Most moves from one title.
    pub const MAX_MOVES_PER_TITLE: usize = 4;

    pub fn title(&self, id: &str) -> Option<&JobTitle> {
        self.titles.iter().find(|t| t.id == id)
    }

    pub fn titles_at<'a>(&'a self, level: &'a str) -> impl Iterator<Item = &'a JobTitle> + 'a {
        self.titles.iter().filter(move |t| t.education == level)
    }

    /// Levels that have at least one title.
    pub fn used_levels(&self) -> impl Iterator<Item = &Level> {
        self.levels
            .iter()
            .filter(|l| self.titles.iter().any(|t| t.education == l.id))
    }
}

/// An education level on the career map.
#[derive(Debug, Clone, Default)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub length: String,
    pub prepares: String,
}

/// A job title on the career map.
#[derive(Debug, Clone, Default)]
pub struct JobTitle {
    pub id: String,
    pub name: String,
    pub occupation: String,
    pub education: String,
    pub credentials: Vec<String>,
    pub summary: String,
    pub moves: Vec<Move>,
}

/// A move from one title to another.
#[derive(Debug, Clone)]
pub struct Move {
    pub to: String,
    pub kind: MoveKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveKind {
    Advance,
    Lateral,
}

/// The "is it right for me?" self-check.
#[derive(Debug, Clone, Default)]
pub struct SelfCheck {
    pub intro: String,
    pub statements: Vec<Statement>,
    pub next_steps: Vec<Link>,
    /// What most-yes, mixed and most-no answers mean, and what to read next.
    pub outcomes: [Outcome; 3],
    /// Where the file is (a self-check no section shows is an error).
    pub file: std::path::PathBuf,
}

/// The summary of one shape of answers, and the one page to read next.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub summary: String,
    pub read_next: Link,
}

#[derive(Debug, Clone, Default)]
pub struct Statement {
    pub id: u32,
    pub text: String,
    pub yes: String,
    pub unsure: String,
    pub no: String,
    pub read_more: Vec<Link>,
}

#[derive(Debug, Clone, Default)]
pub struct Link {
    pub text: String,
    pub href: String,
}
