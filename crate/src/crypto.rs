//! The only callers of HMAC, SHA and Base64: every signer goes through these helpers.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha1::Sha1;

/// HMAC-SHA1 of `data` under `key`.
pub fn hmac_sha1(key: &[u8], data: &[u8]) -> [u8; 20] {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail.
    let mut mac = match Hmac::<Sha1>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable_key_length(),
    };
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// Standard Base64 with padding.
pub fn base64(data: &[u8]) -> String {
    STANDARD.encode(data)
}

/// Base64 of HMAC-SHA1: the signature format of RPC V1, OSS V1 and PostObject.
pub fn hmac_sha1_base64(key: &[u8], data: &[u8]) -> String {
    base64(&hmac_sha1(key, data))
}

#[cold]
fn unreachable_key_length() -> ! {
    // hmac's `InvalidLength` is only returned for fixed-key MACs; HMAC takes any key length.
    unreachable!("HMAC accepts keys of every length")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_sha1_public_vector() {
        // reference/signing.md: key `secret`, data `source`.
        assert_eq!(
            hmac_sha1_base64(b"secret", b"source"),
            "Jv4yi8SobFhg5t1C7nWLbhBSFZQ="
        );
    }
}
