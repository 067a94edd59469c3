//! Compression: gzip bodies are made once at load, brotli bodies once per
//! page off the request path; never per request (except pages rendered per
//! request, at a fast level).

use std::io::Write as _;

/// gzip at the default level: measured on 1,000 generated section pages
/// (17 KB each), level 6 makes the same size as level 9 (within 0.2%) in
/// 60% of the time (0.15 ms a page).
pub fn gzip(body: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 3),
        flate2::Compression::default(),
    );
    enc.write_all(body).expect("writing to a Vec cannot fail");
    enc.finish().expect("writing to a Vec cannot fail")
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
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(body).expect("writing to a Vec cannot fail");
    enc.finish().expect("writing to a Vec cannot fail")
}
