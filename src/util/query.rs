//! The one query-string reader for every page that reads one (search, the
//! self-check): `+` and `%`-escapes are decoded, a broken escape or text
//! that is not UTF-8 is refused, and keys a page does not know are left for
//! it to ignore (a shared link often gains tracking keys).

/// Why a query string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadQuery {
    #[error("the address has a broken %-escape")]
    Escape,
    #[error("the address is not valid UTF-8 text")]
    Utf8,
}

/// Every `key=value` pair, decoded, in order.
pub fn pairs(raw: Option<&str>) -> Result<Vec<(String, String)>, BadQuery> {
    raw.unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(k)?, decode(v)?))
        })
        .collect()
}

fn decode(s: &str) -> Result<String, BadQuery> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or(BadQuery::Escape)?;
                let hi = (hex[0] as char).to_digit(16).ok_or(BadQuery::Escape)?;
                let lo = (hex[1] as char).to_digit(16).ok_or(BadQuery::Escape)?;
                out.push((hi * 16 + lo) as u8);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| BadQuery::Utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_decode_and_keep_their_order() {
        assert_eq!(
            pairs(Some("q=coder+salary%21&page=2&utm_source=x")).unwrap(),
            [
                ("q".to_string(), "coder salary!".to_string()),
                ("page".into(), "2".into()),
                ("utm_source".into(), "x".into())
            ]
        );
    }

    #[test]
    fn broken_escapes_and_invalid_utf8_are_refused() {
        assert_eq!(pairs(Some("q=%ZZ")), Err(BadQuery::Escape));
        assert_eq!(pairs(Some("q=abc%2")), Err(BadQuery::Escape));
        assert_eq!(pairs(Some("q=%FF")), Err(BadQuery::Utf8));
    }
}
