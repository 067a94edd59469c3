//! The site's base URL, checked in one place for every way it arrives
//! (`site.toml`, `--base-url`, `PATHWAYS_BASE_URL`). It ends up in the
//! canonical link, `og:url`, `og:image`, share links and the sitemap, so
//! only a plain `http(s)://host[:port][/path]` is accepted.

use std::fmt;

/// A checked base URL, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Check and normalise (`HTTPS://Example.org/` → `https://example.org`).
    /// The error is a sentence saying what is wrong.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let lower = raw.to_ascii_lowercase();
        let (scheme, rest) = if lower.starts_with("https://") {
            ("https://", &raw[8..])
        } else if lower.starts_with("http://") {
            ("http://", &raw[7..])
        } else {
            return Err(format!(
                "`{}` is not a web address: the base URL must start with https:// or http://",
                shorten(raw)
            ));
        };
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || authority.starts_with('[') => (h, Some(p)),
            _ => (authority, None),
        };
        let host_ok = if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            !v6.is_empty()
                && v6
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        } else {
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                && !host.starts_with(['.', '-'])
        };
        if !host_ok {
            return Err(format!(
                "`{}` has no plain host name after the scheme; write it like https://example.org",
                shorten(raw)
            ));
        }
        if let Some(p) = port
            && (p.is_empty() || p.len() > 5 || !p.chars().all(|c| c.is_ascii_digit()))
        {
            return Err(format!(
                "`{}` has a port that is not a number",
                shorten(raw)
            ));
        }
        let path_ok = path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~/%".contains(c));
        if !path_ok || path.contains("//") {
            return Err(format!(
                "`{}` has characters a base URL cannot carry (only a plain path may follow the host: no spaces, quotes, `?` or `#`)",
                shorten(raw)
            ));
        }
        let host = host.to_ascii_lowercase();
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let path = path.trim_end_matches('/');
        Ok(Self(format!("{scheme}{host}{port}{path}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Is it served over https (so browsers may be told to insist on it)?
    pub fn is_https(&self) -> bool {
        self.0.starts_with("https://")
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for BaseUrl {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::parse(s)
    }
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_addresses_are_accepted_and_normalised() {
        for (raw, want) in [
            ("https://example.org", "https://example.org"),
            ("HTTPS://Example.ORG/", "https://example.org"),
            ("http://127.0.0.1:3000", "http://127.0.0.1:3000"),
            (
                "https://example.org/careers/",
                "https://example.org/careers",
            ),
            ("http://[::1]:8080", "http://[::1]:8080"),
        ] {
            assert_eq!(BaseUrl::parse(raw).unwrap().as_str(), want, "{raw}");
        }
    }

    #[test]
    fn anything_that_could_inject_markup_or_leave_the_site_is_refused() {
        for raw in [
            "javascript:alert(document.domain)//",
            "https://example.org\"><script>",
            "https://ex ample.org",
            "https://user@example.org",
            "https://example.org/?q=1",
            "https://example.org/#x",
            "https:///path",
            "https://example.org:80a",
            "//example.org",
            "data:text/html,hi",
            "",
        ] {
            assert!(BaseUrl::parse(raw).is_err(), "{raw} was accepted");
        }
    }
}
