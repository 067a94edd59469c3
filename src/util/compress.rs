//! Compression: gzip bodies are made once at load, brotli bodies once per
//! page off the request path; never per request (except pages rendered per
//! request, at a fast level).

use flate2::{Compress, Compression, FlushCompress, Status};
use std::cell::RefCell;

/// gzip at level 5. Measured on the 9,500 pages of 1,000 generated
/// pathways (172 MB): level 5 makes 44.12 MB, level 6 44.05 MB (0.16% less)
/// for about 7% more of the load's CPU time; level 9 is no smaller than 6
/// within 0.2% and takes far longer.
pub fn gzip(body: &[u8]) -> Vec<u8> {
    gzip_at(body, Compression::new(5))
}

thread_local! {
    /// Each thread keeps one deflate state (a few hundred KB of window and
    /// tables) and resets it between bodies: making a new one per page was
    /// a quarter of the system time of a 1,000-pathway load.
    static DEFLATE: RefCell<Option<(u32, Compress)>> = const { RefCell::new(None) };
}

/// gzip (RFC 1952) of `body`: a fixed header (no name, no time), the raw
/// deflate stream, then the CRC-32 and length of the body.
fn gzip_at(body: &[u8], level: Compression) -> Vec<u8> {
    const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let mut out = Vec::with_capacity(body.len() / 3 + 64);
    out.extend_from_slice(&HEADER);
    let done = DEFLATE.with_borrow_mut(|slot| {
        let deflate = match slot {
            Some((l, d)) if *l == level.level() => {
                d.reset();
                d
            }
            _ => &mut slot.insert((level.level(), Compress::new(level, false))).1,
        };
        let start = deflate.total_in();
        loop {
            let read = usize::try_from(deflate.total_in() - start).unwrap_or(body.len());
            if out.capacity() - out.len() < 64 {
                out.reserve(out.capacity().max(1024));
            }
            match deflate.compress_vec(
                &body[read.min(body.len())..],
                &mut out,
                FlushCompress::Finish,
            ) {
                Ok(Status::StreamEnd) => return true,
                Ok(_) => {}
                Err(_) => {
                    // Never seen; start afresh next time and answer below.
                    *slot = None;
                    return false;
                }
            }
        }
    });
    if !done {
        use std::io::Write as _;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), level);
        let _ = enc.write_all(body);
        return enc.finish().unwrap_or_default();
    }
    let mut crc = flate2::Crc::new();
    crc.update(body);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    // ISIZE: the length modulo 2^32, as the format says.
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out
}

/// brotli at the highest quality: for assets (few, cached for a year).
pub fn brotli(body: &[u8]) -> Vec<u8> {
    brotli_at(body, 11)
}

/// brotli at a chosen quality. Measured on a 17 KB section page: quality 11
/// takes 24 ms for 3,735 bytes, quality 10 takes 9 ms for 3,868 bytes (3%
/// more), quality 5 takes 1 ms for 4,313 bytes.
pub fn brotli_at(body: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::new();
    // A window about the size of the body: the same output for small
    // bodies, far less memory while compressing. (Below 18 the encoder gets
    // much slower at quality 5, so 18 is the floor.)
    let lgwin = (usize::BITS - body.len().max(1).leading_zeros()).clamp(18, 22) as i32;
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &body[..], &mut out, &params)
        .expect("compressing from memory cannot fail");
    out
}

/// Decompress gzip (to derive the plain body from the stored gzip one).
pub fn gunzip(body: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut out = Vec::with_capacity(body.len() * 4);
    flate2::read::GzDecoder::new(body).read_to_end(&mut out)?;
    Ok(out)
}

/// gzip at a fast level, for pages rendered per request.
pub fn gzip_fast(body: &[u8]) -> Vec<u8> {
    gzip_at(body, Compression::fast())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_round_trips_at_every_size_and_level_in_turn() {
        let page = "<p>Health information management: records, coding, privacy.</p>\n";
        for n in [0, 1, 10, 1_000, 20_000] {
            let body = page.repeat(n).into_bytes();
            // Alternate levels so the kept state is reset and replaced.
            for packed in [gzip(&body), gzip_fast(&body), gzip(&body)] {
                assert_eq!(&packed[..3], &[0x1f, 0x8b, 8]);
                assert_eq!(gunzip(&packed).unwrap(), body, "{n} lines");
            }
            assert_eq!(gzip(&body), gzip(&body), "the same bytes every time");
        }
    }
}
