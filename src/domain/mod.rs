//! Pure logic: formats, validation, code generation, bundle rules. No I/O here.

pub mod bundle;
pub mod cr_gate;
pub mod cr_signature;
pub mod duration;
pub mod forge;
pub mod invite_code;
pub mod jira_checks;
pub mod jwt;
pub mod linear;
pub mod scope;
pub mod text;
pub mod timefmt;
pub mod validate;

/// Lower-case hex HMAC-SHA256 of the concatenated `parts` under `key`: the one primitive behind
/// Jira's `X-Hub-Signature`, Linear's `Linear-Signature` and the Forge proxy's request signature.
pub fn hmac_sha256_hex(key: &str, parts: &[&[u8]]) -> String {
    use hmac::{KeyInit, Mac};
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes())
        .expect("HMAC takes a key of any length");
    for p in parts {
        mac.update(p);
    }
    hex::encode(mac.finalize().into_bytes())
}
