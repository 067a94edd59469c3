//! How an edition searches, from `[vocabulary]` in `ui/<lang>.toml`: the
//! stemmer (one the search engine has), the stop words (dropped from a
//! query unless nothing else is left) and everyday synonyms of the words
//! the site uses. The engine names no language: a new edition brings its
//! own.

use serde::de::{Deserializer, Error as _, IntoDeserializer};
use serde::{Deserialize, de::value::Error as ValueError};
use tantivy::tokenizer::Language;

/// Search words of one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// The stemmer's name, as the search engine calls it (`English`).
    pub stemmer: Stemmer,
    /// Words too common to carry meaning.
    pub stop: Vec<String>,
    /// Words readers type and the words the site uses for them.
    #[serde(default)]
    pub synonyms: Vec<Synonym>,
}

impl Vocabulary {
    /// Is `word` (lowercased, accents folded) a stop word?
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.iter().any(|s| s == word)
    }

    /// The site's words for `word`, when it is a synonym.
    pub fn synonyms_of(&self, word: &str) -> Option<&[String]> {
        self.synonyms
            .iter()
            .find(|s| s.words.iter().any(|w| w == word))
            .map(|s| s.means.as_slice())
    }
}

/// One `[[vocabulary.synonyms]]`: any of `words` also searches `means`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synonym {
    pub words: Vec<String>,
    pub means: Vec<String>,
}

/// A stemmer the search engine has; any other name is an error at its
/// `path:line:col` that lists the ones it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stemmer(pub Language);

impl<'de> Deserialize<'de> for Stemmer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        let parsed: Result<Language, ValueError> =
            Language::deserialize(name.as_str().into_deserializer());
        parsed.map(Stemmer).map_err(|e| {
            let known = e.to_string();
            let known = known
                .split_once("expected one of ")
                .map_or(known.as_str(), |(_, list)| list);
            D::Error::custom(format!(
                "the search engine has no stemmer `{name}`; it has {known}"
            ))
        })
    }
}
