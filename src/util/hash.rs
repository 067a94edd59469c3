//! A stable content hash: ETags and asset fingerprints do not change when
//! the bytes do not, across runs and builds.

/// A 64-bit hash read eight bytes at a time (an FNV-style multiply and
/// rotate per word, then a final mix), about eight times faster than
/// byte-wise FNV-1a on the megabytes of pages hashed at start. Not for
/// adversarial input: it only has to tell versions of our own files apart.
pub fn hash64(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (bytes.len() as u64).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(word))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    for b in words.remainder() {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0xd6e8_feb8_6659_fd93);
    h ^ (h >> 32)
}

/// [`hash64`] as 16 hex digits.
pub fn hash_hex(bytes: &[u8]) -> String {
    format!("{:016x}", hash64(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_bytes_hash_equal_and_a_changed_byte_changes_the_hash() {
        let page = b"<!doctype html><title>Health information</title>".repeat(9);
        assert_eq!(hash64(&page), hash64(&page.clone()));
        for i in [0, 7, 8, 100, page.len() - 1] {
            let mut changed = page.clone();
            changed[i] ^= 1;
            assert_ne!(hash64(&page), hash64(&changed), "byte {i}");
        }
        // Length counts: a trailing zero byte is a different file.
        let mut longer = page.clone();
        longer.push(0);
        assert_ne!(hash64(&page), hash64(&longer));
        assert_eq!(hash_hex(b"").len(), 16);
    }
}
