//! Content encodings and the client's choice among them.

use axum::http::{HeaderMap, HeaderValue, header};

/// Content encodings we send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    pub fn header(self) -> Option<HeaderValue> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Brotli => Some(HeaderValue::from_static("br")),
        }
    }

    /// Suffix of the ETag for this encoding: each representation has its own
    /// strong validator.
    pub(crate) fn etag_suffix(self) -> &'static str {
        match self {
            Encoding::Identity => "",
            Encoding::Gzip => "-gz",
            Encoding::Brotli => "-br",
        }
    }
}

/// What the client accepts: the q-value of each encoding (0 = refused).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accepts {
    pub br: f32,
    pub gzip: f32,
}

impl Accepts {
    /// The best encoding, given whether brotli is ready: brotli when the
    /// client likes it at least as much as gzip, else gzip, else identity
    /// (acceptable unless refused).
    pub fn best(self, brotli_ready: bool) -> Encoding {
        if brotli_ready && self.br > 0.0 && self.br >= self.gzip {
            Encoding::Brotli
        } else if self.gzip > 0.0 {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    /// Whether the client would rather have brotli than what it gets now.
    pub fn prefers_brotli(self) -> bool {
        self.br > 0.0 && self.br >= self.gzip
    }
}

/// Read `Accept-Encoding`, honouring q-values (`gzip;q=0` refuses gzip;
/// `*` covers the rest).
pub fn accepts(headers: &HeaderMap) -> Accepts {
    let Some(value) = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return Accepts { br: 0.0, gzip: 0.0 };
    };
    let mut br = None;
    let mut gzip = None;
    let mut star = None;
    for part in value.split(',') {
        let mut it = part.split(';');
        let name = it.next().unwrap_or("").trim();
        let mut q = 1.0f32;
        for param in it {
            let param = param.trim();
            if param.len() > 2 && param[..2].eq_ignore_ascii_case("q=") {
                q = param[2..].trim().parse().unwrap_or(0.0);
            }
        }
        if name.eq_ignore_ascii_case("br") {
            br = Some(q);
        } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
            gzip = Some(q);
        } else if name == "*" {
            star = Some(q);
        }
    }
    Accepts {
        br: br.or(star).unwrap_or(0.0),
        gzip: gzip.or(star).unwrap_or(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn negotiation_honours_q_values_and_refusals() {
        assert_eq!(accepts(&HeaderMap::new()).best(true), Encoding::Identity);
        assert_eq!(
            accepts(&accept("gzip, deflate, br")).best(true),
            Encoding::Brotli
        );
        assert_eq!(accepts(&accept("gzip")).best(true), Encoding::Gzip);
        assert_eq!(
            accepts(&accept("br;q=0.5, gzip;q=0.8")).best(true),
            Encoding::Gzip
        );
        assert_eq!(
            accepts(&accept("br;q=0, gzip;q=0")).best(true),
            Encoding::Identity
        );
        assert_eq!(accepts(&accept("identity")).best(true), Encoding::Identity);
        assert_eq!(accepts(&accept("*")).best(true), Encoding::Brotli);
        assert_eq!(accepts(&accept("*;q=0")).best(true), Encoding::Identity);
        assert_eq!(
            accepts(&accept("garbage;;q=x,,")).best(true),
            Encoding::Identity
        );
        assert_eq!(accepts(&accept("br;Q=0, gzip")).best(true), Encoding::Gzip);
        assert_eq!(
            accepts(&accept("GZIP;Q=0.5, br;q=0.1")).best(true),
            Encoding::Gzip
        );
    }

    #[test]
    fn until_brotli_is_ready_a_brotli_client_gets_gzip_if_it_takes_it() {
        assert_eq!(accepts(&accept("gzip, br")).best(false), Encoding::Gzip);
        assert_eq!(accepts(&accept("br")).best(false), Encoding::Identity);
        assert!(accepts(&accept("br")).prefers_brotli());
        assert!(!accepts(&accept("br;q=0.1, gzip")).prefers_brotli());
    }
}
