//! Content diagnostics: every problem found while loading content, with the
//! file, line and column it points at and a plain sentence on what to fix.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is. Errors stop the load; warnings are reported and
/// the site still loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(
            f,
            "{}:{}:{}: {level}{}",
            printable(&self.path.display().to_string()),
            self.line,
            self.col,
            printable(&self.message)
        )
    }
}

/// Text safe to print on a terminal: control characters (an escape
/// sequence in a file name or in quoted content could clear the editor's
/// screen or worse) are shown as `\u{1b}` and the like.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A content file held in memory with its display path, so byte offsets can
/// be turned into `line:col`.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// Where lines start, and characters counted so far, made on first
    /// use: a file with many problems is not rescanned for each one.
    lines: std::sync::OnceLock<LineIndex>,
}

/// Byte offset of each line's start, and the number of characters before
/// every [`LineIndex::STEP`]th byte: a column is counted from the nearest
/// mark, so 150,000 problems on one long line cost no more than on many.
#[derive(Clone, Debug)]
struct LineIndex {
    starts: Vec<usize>,
    chars: Vec<usize>,
}

impl LineIndex {
    const STEP: usize = 256;

    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut chars = vec![0];
        for chunk in text.as_bytes().chunks(Self::STEP) {
            chars.push(chars[chars.len() - 1] + count_chars(chunk));
        }
        Self { starts, chars }
    }

    /// Characters in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let mark = offset / Self::STEP;
        self.chars[mark] + count_chars(&text.as_bytes()[mark * Self::STEP..offset])
    }
}

/// Characters in UTF-8 bytes: every byte that does not continue one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        Self {
            path: path.into(),
            text,
            lines: std::sync::OnceLock::new(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let index = self.lines.get_or_init(|| LineIndex::new(&self.text));
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = index.starts.partition_point(|&start| start <= offset);
        let start = index.starts[line - 1];
        let col =
            index.chars_before(&self.text, offset) - index.chars_before(&self.text, start) + 1;
        (line, col)
    }

    /// A diagnostic at a byte offset in this file.
    pub fn at(&self, offset: usize, severity: Severity, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.line_col(offset);
        Diagnostic {
            path: self.path.clone(),
            line,
            col,
            severity,
            message: message.into(),
        }
    }

    pub fn error(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        self.at(offset, Severity::Error, message)
    }

    pub fn warning(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        self.at(offset, Severity::Warning, message)
    }

    /// Byte offset of the first occurrence of `needle` at or after `from`,
    /// or `from` itself when it is not found.
    pub fn find_from(&self, from: usize, needle: &str) -> usize {
        let from = from.min(self.text.len());
        self.text
            .get(from..)
            .and_then(|rest| rest.find(needle))
            .map_or(from, |i| from + i)
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// A diagnostic for a whole file (line 1, column 1).
pub fn file_error(path: &Path, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line: 1,
        col: 1,
        severity: Severity::Error,
        message: message.into(),
    }
}

/// Most problems listed for one file (the README's promise); the rest are
/// summed up in one line.
pub const MAX_PER_FILE: usize = 100;
/// Most items one message lists.
pub const MAX_LISTED: usize = 10;
/// Longest message printed, in characters.
const MAX_MESSAGE: usize = 1000;

/// Items for a message, at most [`MAX_LISTED`] of them, then how many more.
pub fn listed(items: impl IntoIterator<Item = String>) -> String {
    let mut items = items.into_iter();
    let shown: Vec<String> = items.by_ref().take(MAX_LISTED).collect();
    let more = items.count();
    let mut out = shown.join(", ");
    if more > 0 {
        out.push_str(&format!(" and {more} more"));
    }
    out
}

/// Keep at most [`MAX_PER_FILE`] diagnostics per file (errors first, then
/// in file order), each message at most [`MAX_MESSAGE`] characters; a file
/// with more ends with one line saying how many were left out. `items`
/// must be sorted by file.
pub fn cap_per_file(items: &mut Vec<Diagnostic>) {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(items.len().min(1024));
    let mut rest = std::mem::take(items).into_iter().peekable();
    while let Some(first) = rest.next() {
        let mut file = vec![first];
        while let Some(d) = rest.next_if(|d| d.path == file[0].path) {
            file.push(d);
        }
        if file.len() <= MAX_PER_FILE {
            out.extend(file);
            continue;
        }
        // Errors stop the load: they are listed before warnings.
        file.sort_by_key(|d| (d.severity != Severity::Error, d.line, d.col));
        let left: Vec<Diagnostic> = file.split_off(MAX_PER_FILE);
        file.sort_by_key(|d| (d.line, d.col));
        let last = file.last().map_or((1, 1), |d| (d.line, d.col));
        let errors = left
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let path = file[0].path.clone();
        out.extend(file);
        out.push(Diagnostic {
            path,
            line: last.0,
            col: last.1,
            severity: if errors > 0 {
                Severity::Error
            } else {
                Severity::Warning
            },
            message: format!(
                "{} more problems in this file ({errors} errors) are not listed; fix the ones above and check again",
                left.len()
            ),
        });
    }
    for d in &mut out {
        if d.message.chars().count() > MAX_MESSAGE {
            d.message = d.message.chars().take(MAX_MESSAGE).collect::<String>() + "...";
        }
    }
    *items = out;
}

/// Collects diagnostics during a load.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// Sorts by file, line and column so reports read top to bottom.
    pub fn sort(&mut self) {
        self.items
            .sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        self.items.dedup();
        cap_per_file(&mut self.items);
    }
}

/// The content failed to load: every error found, in file order.
#[derive(Debug)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        write!(
            f,
            "{errors} error{} in content; nothing was loaded",
            if errors == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters_from_one() {
        let text = "ab\ncdé f\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'f' comes after a two-byte character: column counts characters.
        assert_eq!(line_col(text, text.find('f').unwrap()), (2, 5));
    }

    #[test]
    fn line_index_agrees_with_the_plain_count() {
        // Long lines of two- and three-byte characters cross the index's
        // marks in the middle of a character.
        let long = format!(
            "ab\ncdé f\n\n{}\nx{}y\nlast",
            "é".repeat(300),
            "ẞa".repeat(200)
        );
        for text in ["ab\ncdé f\n\nlast", long.as_str()] {
            let f = SourceFile::new("x", text.to_string());
            for offset in 0..=text.len() + 2 {
                assert_eq!(
                    f.line_col(offset),
                    line_col(text, offset),
                    "offset {offset}"
                );
            }
        }
    }

    #[test]
    fn control_characters_are_escaped_when_printed() {
        let f = SourceFile::new("content/x\u{1b}[2J.md", "a".into());
        let d = f.error(0, "the alias `/\u{1b}[2J` is odd\u{7}");
        let shown = d.to_string();
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(shown.contains("\\u{1b}[2J"), "{shown}");
    }

    #[test]
    fn diagnostic_prints_path_line_col_and_message() {
        let f = SourceFile::new("content/site.toml", "a = 1\nb = 2\n".into());
        let d = f.error(6, "unknown field `b`");
        assert_eq!(d.to_string(), "content/site.toml:2:1: unknown field `b`");
    }
}
