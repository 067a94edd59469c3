//! The `/search` query string, read strictly: `q` and `page`.
//!
//! Invalid percent-encoding or bytes that are not UTF-8 are refused (the
//! handler answers 400); anything odd about `page` means page 1.

/// What the query string asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    pub q: String,
    /// 1-based; values that are not a positive number give 1.
    pub page: usize,
}

pub use crate::util::query::BadQuery as BadParams;

/// Parse the raw query string (`uri.query()`). The first `q` and the first
/// `page` count; other keys are ignored.
pub fn parse(raw: Option<&str>) -> Result<Params, BadParams> {
    let mut q = None;
    let mut page = None;
    for (key, value) in crate::util::query::pairs(raw)? {
        match key.as_str() {
            "q" if q.is_none() => q = Some(value),
            "page" if page.is_none() => page = Some(page_number(&value)),
            _ => {}
        }
    }
    Ok(Params {
        q: q.unwrap_or_default(),
        page: page.unwrap_or(1),
    })
}

/// `0`, `-1`, `abc` and empty give 1; numbers too big to hold give the
/// largest (the search answers with its last page).
fn page_number(v: &str) -> usize {
    let v = v.trim();
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return 1;
    }
    match v.parse::<usize>() {
        Ok(0) => 1,
        Ok(n) => n,
        Err(_) => usize::MAX,
    }
}

/// Form decoding: `+` is a space, `%XX` a byte; the result must be UTF-8.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_and_escapes_decode_to_text() {
        let p = parse(Some("q=coder+salary%21&page=2")).unwrap();
        assert_eq!(
            p,
            Params {
                q: "coder salary!".into(),
                page: 2
            }
        );
    }

    #[test]
    fn broken_escapes_and_invalid_utf8_are_refused() {
        assert_eq!(parse(Some("q=%ZZ")), Err(BadParams::Escape));
        assert_eq!(parse(Some("q=abc%2")), Err(BadParams::Escape));
        assert_eq!(parse(Some("q=%FF")), Err(BadParams::Utf8));
    }

    #[test]
    fn odd_page_values_give_page_one_and_huge_ones_the_largest() {
        for v in ["0", "-1", "abc", "", "1.5"] {
            assert_eq!(
                parse(Some(&format!("q=x&page={v}"))).unwrap().page,
                1,
                "{v}"
            );
        }
        assert_eq!(
            parse(Some("page=99999999999999999999999")).unwrap().page,
            usize::MAX
        );
        assert_eq!(
            parse(None).unwrap(),
            Params {
                q: String::new(),
                page: 1
            }
        );
    }
}
