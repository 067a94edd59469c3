//! Reading content files safely and parsing TOML with positions.

use super::{Loader, MAX_ANSWER, MAX_DESCRIPTION, MAX_FILE_BYTES};
use crate::diag::{SourceFile, file_error};
use serde::de::DeserializeOwned;
use std::fs;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

impl Loader {
    /// Is `path`, with every symbolic link followed, inside the content
    /// folder? Reports an error when it is not.
    pub(super) fn inside_root(&mut self, path: &Path) -> bool {
        let inside = match (fs::canonicalize(path), &self.canonical_root) {
            (Ok(real), Some(root)) => real.starts_with(root),
            _ => false,
        };
        if !inside {
            self.push(file_error(
                path,
                "leads outside the content folder (through a symbolic link); copy the files into the content folder instead",
            ));
        }
        inside
    }

    /// Read a file as UTF-8 text, refusing what cannot be content: paths
    /// that lead outside the content folder, anything but a regular file
    /// (a FIFO or a device is never opened for a blocking read), files over
    /// the size limit, text that is not UTF-8, and empty files.
    pub(super) fn read(&mut self, path: &Path) -> Option<Arc<SourceFile>> {
        if let Err(e) = fs::symlink_metadata(path) {
            self.push(file_error(path, format!("cannot be read: {e}")));
            return None;
        }
        if !self.inside_root(path) {
            return None;
        }
        let bytes = match read_regular_file(path, MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(ReadError::NotRegular) => {
                self.push(file_error(
                    path,
                    "is not a regular file (a folder, pipe or device); content must be plain text files",
                ));
                return None;
            }
            Err(ReadError::TooBig(len)) => {
                self.push(file_error(
                    path,
                    format!(
                        "is {:.1} MB; content files must be under {} MB, so split it or remove what does not belong",
                        len as f64 / 1_048_576.0,
                        MAX_FILE_BYTES / 1_048_576
                    ),
                ));
                return None;
            }
            Err(ReadError::Io(e)) => {
                self.push(file_error(path, format!("cannot be read: {e}")));
                return None;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let valid = String::from_utf8_lossy(&bytes[..at]).into_owned();
                let f = SourceFile::new(path, valid);
                self.push(f.error(
                    at,
                    format!(
                        "is not valid UTF-8 here (byte 0x{:02X}); save the file as UTF-8",
                        bytes[at]
                    ),
                ));
                return None;
            }
        };
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text);
        let unprintable = text.char_indices().find(|&(_, c)| is_unprintable(c));
        if let Some((at, c)) = unprintable {
            let f = SourceFile::new(path, text);
            self.push(f.error(
                at,
                format!(
                    "holds the control character {} here, which no page can show; delete it",
                    c.escape_unicode()
                ),
            ));
            return None;
        }
        if text.trim().is_empty() {
            self.push(file_error(
                path,
                "is empty; write its content or delete the file",
            ));
            return None;
        }
        Some(Arc::new(SourceFile::new(path, text)))
    }

    /// Parse TOML text that starts at byte `base` of `file`.
    pub(super) fn parse<T: DeserializeOwned>(
        &mut self,
        file: &SourceFile,
        text: &str,
        base: usize,
    ) -> Option<T> {
        match toml::from_str::<T>(text) {
            Ok(v) => {
                self.plain_values(file, text, base);
                Some(v)
            }
            Err(e) => {
                let offset = base + e.span().map_or(0, |s| s.start);
                let msg = e.message().trim().to_string();
                let hint = toml_hint(&msg);
                self.push(file.error(offset, format!("{msg}{hint}")));
                None
            }
        }
    }

    /// Every string in TOML text is words a page prints: none may be blank
    /// or hold a control character (an escape such as `\b` in
    /// `"C:\backup"` is one), and every float must be a number a page can
    /// show (`nan` and `inf` are not). Each problem is reported at its value.
    fn plain_values(&mut self, file: &SourceFile, text: &str, base: usize) {
        let Ok(table) = toml::de::DeTable::parse(text) else {
            return;
        };
        let mut stack: Vec<&Spanned<toml::de::DeValue<'_>>> = table.get_ref().values().collect();
        while let Some(v) = stack.pop() {
            let at = base + v.span().start;
            match v.get_ref() {
                toml::de::DeValue::String(s) => {
                    if let Some(c) = s.chars().find(|c| is_unprintable(*c)) {
                        self.push(file.error(
                            at,
                            format!(
                                "this text holds the control character {}, which no page can show; in \"double quotes\" a backslash starts an escape (`\\b` is one), so write `\\\\` for a backslash or use 'single quotes'",
                                c.escape_unicode()
                            ),
                        ));
                    } else if is_blank(s) {
                        self.push(file.error(
                            at,
                            "this text is blank; write the words, or remove the field if it is optional",
                        ));
                    }
                }
                toml::de::DeValue::Float(f) if !is_finite(f.as_str()) => {
                    self.push(file.error(
                        at,
                        format!(
                            "`{}` is not a number a page can show; write the figure",
                            f.as_str()
                        ),
                    ));
                }
                toml::de::DeValue::Array(a) => stack.extend(a.iter()),
                toml::de::DeValue::Table(t) => stack.extend(t.values()),
                _ => {}
            }
        }
    }

    /// Read and parse a whole TOML file.
    pub(super) fn toml_file<T: DeserializeOwned>(
        &mut self,
        path: &Path,
    ) -> Option<(Arc<SourceFile>, T)> {
        let file = self.read(path)?;
        let value = self.parse(&file, &file.text, 0)?;
        Some((file, value))
    }

    /// A link-preview text: not empty, at most [`MAX_DESCRIPTION`] characters.
    pub(super) fn check_description(&mut self, file: &SourceFile, text: &Spanned<String>) {
        let n = text.get_ref().chars().count();
        let at = text.span().start;
        if n > MAX_DESCRIPTION {
            self.push(file.error(
                at,
                format!("this text is {n} characters; link previews cut it at {MAX_DESCRIPTION}, so shorten it"),
            ));
        }
        if text.get_ref().trim().is_empty() {
            self.push(file.error(at, "this text is empty; write one or two plain sentences"));
        }
    }

    /// A section's one-line answer: short enough for one or two lines on a
    /// phone, and not empty.
    pub(super) fn check_answer(&mut self, file: &SourceFile, text: &Spanned<String>) {
        let n = text.get_ref().trim().chars().count();
        let at = text.span().start;
        if n > MAX_ANSWER {
            self.push(file.error(
                at,
                format!("this answer is {n} characters; the overview's contents show it on one line, so keep it to {MAX_ANSWER}"),
            ));
        } else if n == 0 {
            self.push(file.error(
                at,
                "this answer is empty; write the section's answer in a few words, or remove `answer` to show the summary",
            ));
        }
    }

    /// An outside address: a full `https://` (or `http://`) URL.
    pub(super) fn check_url(&mut self, file: &SourceFile, url: &Spanned<String>) {
        let u = url.get_ref();
        if !(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace)
            || u.contains(['"', '<', '>'])
        {
            self.push(file.error(
                url.span().start,
                format!("`{u}` is not a web address; write the full https:// address"),
            ));
        }
    }
}

/// Empty, or only spaces and line breaks. A no-break or thin space alone
/// is not blank: it is a number format's separator (`[numbers] group`).
fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}'))
}

/// A control character other than the whitespace of plain text (tab, line
/// feed, carriage return): nothing a page, a title or an image can show.
fn is_unprintable(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Is a TOML float's text a finite number (`nan` and `inf` are not)?
fn is_finite(float: &str) -> bool {
    float
        .replace('_', "")
        .parse::<f64>()
        .is_ok_and(f64::is_finite)
}

pub(super) enum ReadError {
    NotRegular,
    TooBig(u64),
    Io(std::io::Error),
}

/// Open without blocking (a FIFO would otherwise wait for a writer
/// forever), check on the open file that it is a regular file of at most
/// `max` bytes, then read it.
pub(super) fn read_regular_file(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // O_NONBLOCK on Linux.
        options.custom_flags(0o4000);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > max {
        return Err(ReadError::TooBig(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Split `+++\nTOML\n+++\nbody`: (front matter start, front matter, body start).
pub fn split_front_matter(text: &str) -> Option<(usize, &str, usize)> {
    let first_line_end = text.find('\n')?;
    if text[..first_line_end].trim_end() != "+++" {
        return None;
    }
    let fm_start = first_line_end + 1;
    let mut pos = fm_start;
    while pos <= text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..line_end].trim_end() == "+++" {
            let body_start = (line_end + 1).min(text.len());
            return Some((fm_start, &text[fm_start..pos], body_start));
        }
        if line_end >= text.len() {
            break;
        }
        pos = line_end + 1;
    }
    None
}

/// A plain sentence on what to do, after toml's own message.
fn toml_hint(msg: &str) -> &'static str {
    if msg.contains("unknown field") {
        "; remove the field or fix its spelling"
    } else if msg.contains("missing field `source`") || msg.contains("missing field `year`") {
        "; every figure needs `year` (its data year) and `source` (an id from sources.toml)"
    } else if msg.contains("missing field") {
        "; add it"
    } else if msg.contains("invalid type") {
        "; check the value's type (text in quotes, numbers without)"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_splits_at_plus_lines() {
        let text = "+++\ntitle = \"x\"\n+++\nBody\n";
        let (start, fm, body) = split_front_matter(text).unwrap();
        assert_eq!(start, 4);
        assert_eq!(fm, "title = \"x\"\n");
        assert_eq!(&text[body..], "Body\n");
    }

    #[test]
    fn front_matter_without_closing_line_is_none() {
        assert!(split_front_matter("+++\ntitle = \"x\"\nBody\n").is_none());
        assert!(split_front_matter("title = \"x\"\n").is_none());
    }
}
