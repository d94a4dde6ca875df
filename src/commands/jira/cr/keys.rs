//! `jira cr keygen` and `jira cr sign` (offline: no AWS, no network).
//!
//! Ed25519 rather than RSA-PSS 2048: one fixed algorithm with no parameters to agree on (no salt
//! length, MGF or hash choice between signer and verifier), deterministic signatures (no random
//! number needed when signing), about 128-bit security against RSA-2048's 112, and 64-byte
//! signatures that fit any Jira text field. OpenSSL 1.1.1 and later read and verify it.
//!
//! The private key is PKCS#8, encrypted with the passphrase (PBES2: scrypt with OpenSSL-compatible
//! parameters, AES-256-CBC), PEM `ENCRYPTED PRIVATE KEY`, mode 0600; the public key is PEM
//! `PUBLIC KEY` (SubjectPublicKeyInfo).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};
use pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, LineEnding};

use crate::cli::{CrKeygenArgs, CrSignArgs};
use crate::domain::{cr_signature, timefmt};
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

pub const PASSPHRASE_ENV: &str = crate::env::CR_KEY_PASSPHRASE;
const PASSPHRASE_FLAGS: &str = "--passphrase-stdin (or BGAGENT_CR_KEY_PASSPHRASE)";
pub const MIN_PASSPHRASE: usize = 8;

/// `Change Manager` → `change-manager`.
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "cr-signing".into()
    } else {
        out
    }
}

/// The passphrase from stdin, env or a masked prompt (`confirm`: asked twice on a terminal).
fn passphrase(ui: &Ui, from_stdin: bool, confirm: bool) -> Result<String> {
    if from_stdin {
        return prompt::read_stdin_line("key passphrase", "--passphrase-stdin");
    }
    if let Some(v) = crate::env::secret(PASSPHRASE_ENV) {
        return Ok(v);
    }
    if !ui.interactive() {
        return Err(Error::usage(
            "the key passphrase is required and there is no terminal to ask for it",
        )
        .hint(format!("pass {PASSPHRASE_FLAGS}")));
    }
    prompt::restore_terminal_on_interrupt();
    let mut p = dialoguer::Password::new().with_prompt("Key passphrase");
    if confirm {
        p = p.with_confirmation("Repeat the passphrase", "the two passphrases differ");
    }
    p.interact()
        .map_err(|e| Error::failure("could not read the passphrase from the terminal").cause(e))
}

fn write_file(path: &Path, data: &[u8], mode: u32, force: bool) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut o = std::fs::OpenOptions::new();
    o.write(true).mode(mode);
    if force {
        o.create(true).truncate(true);
    } else {
        o.create_new(true);
    }
    let mut f = o.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::conflict(format!("{} already exists", path.display()))
                .not_written("anything")
                .hint("choose another --out or --name, or pass --force to replace the key pair")
        } else {
            Error::failure(format!("could not write {}", path.display())).cause(e)
        }
    })?;
    // A replaced file keeps its old mode: set it explicitly.
    use std::os::unix::fs::PermissionsExt;
    f.set_permissions(std::fs::Permissions::from_mode(mode))
        .and_then(|_| f.write_all(data))
        .map_err(|e| Error::failure(format!("could not write {}", path.display())).cause(e))
}

pub fn keygen(a: CrKeygenArgs, ui: &Ui) -> Result<()> {
    let stem = file_stem(&a.name);
    let (key_path, pub_path): (PathBuf, PathBuf) = (
        a.out.join(format!("{stem}.key")),
        a.out.join(format!("{stem}.pub")),
    );
    if !a.force {
        for p in [&key_path, &pub_path] {
            if p.exists() {
                return Err(Error::conflict(format!("{} already exists", p.display()))
                    .not_written("anything")
                    .hint(
                        "choose another --out or --name, or pass --force to replace the key pair",
                    ));
            }
        }
    }
    let pass = passphrase(ui, a.passphrase_stdin, true)?;
    if pass.chars().count() < MIN_PASSPHRASE {
        return Err(Error::usage(format!(
            "the passphrase must have at least {MIN_PASSPHRASE} characters"
        ))
        .not_written("anything"));
    }
    let mut seed = [0u8; 32];
    rand::fill(&mut seed);
    let key = SigningKey::from_bytes(&seed);
    seed.fill(0);
    // PKCS#8 v1 (no embedded public key): OpenSSL 3.0 does not read the v2 form.
    let v1 = ed25519_dalek::pkcs8::KeypairBytes {
        secret_key: key.to_bytes(),
        public_key: None,
    };
    let private_pem = v1
        .to_pkcs8_encrypted_pem(pass.as_bytes(), LineEnding::LF)
        .map_err(|e| Error::failure("could not encrypt the private key").cause(e))?;
    let public = key.verifying_key();
    let public_pem = public
        .to_public_key_pem(LineEnding::LF)
        .map_err(|e| Error::failure("could not encode the public key").cause(e))?;
    std::fs::create_dir_all(&a.out)
        .map_err(|e| Error::failure(format!("could not create {}", a.out.display())).cause(e))?;
    write_file(&key_path, private_pem.as_bytes(), 0o600, a.force)?;
    write_file(&pub_path, public_pem.as_bytes(), 0o644, a.force)
        .map_err(|e| e.written(format!("{} (the private key)", key_path.display())))?;
    let fp = cr_signature::fingerprint(&public);
    ui.ok(format!("Wrote an Ed25519 key pair for {:?}", a.name));
    ui.result(format!(
        "private key: {} (0600, encrypted with the passphrase)",
        key_path.display()
    ));
    ui.result(format!("public key:  {}", pub_path.display()));
    ui.result(format!("public_key_sha256: {fp}"));
    ui.say("Keep the private key with the approver; give the public key to the CI gate (`jira cr check --public-key`).");
    ui.emit_json(&serde_json::json!({
        "name": a.name,
        "algorithm": cr_signature::ALGORITHM,
        "private_key": key_path,
        "public_key": pub_path,
        "public_key_sha256": fp,
    }));
    Ok(())
}

/// Reads a passphrase-encrypted PKCS#8 Ed25519 private key.
pub fn read_private_key(path: &Path, pass: &str) -> Result<SigningKey> {
    let pem = std::fs::read_to_string(path).map_err(|e| {
        Error::usage(format!("could not read the private key {}", path.display())).cause(e)
    })?;
    if !pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        return Err(Error::usage(format!(
            "{} is not a passphrase-encrypted PKCS#8 PEM private key",
            path.display()
        ))
        .hint("use the .key file that `bgagent jira cr keygen` wrote"));
    }
    SigningKey::from_pkcs8_encrypted_pem(&pem, pass.as_bytes()).map_err(|_| {
        Error::usage(format!(
            "could not decrypt {}: wrong passphrase, or not an Ed25519 key",
            path.display()
        ))
    })
}

/// Reads a PEM public key (SubjectPublicKeyInfo).
pub fn read_public_key(path: &Path) -> Result<VerifyingKey> {
    let pem = std::fs::read_to_string(path).map_err(|e| {
        Error::usage(format!("could not read the public key {}", path.display())).cause(e)
    })?;
    VerifyingKey::from_public_key_pem(pem.trim()).map_err(|e| {
        Error::usage(format!(
            "{} is not an Ed25519 public key in PEM (-----BEGIN PUBLIC KEY-----)",
            path.display()
        ))
        .cause(e)
        .hint("use the .pub file that `bgagent jira cr keygen` wrote")
    })
}

pub fn sign(a: CrSignArgs, ui: &Ui) -> Result<()> {
    for (flag, v) in [("--approver", &a.approver), ("--status", &a.status)] {
        if !cr_signature::single_line(v) {
            return Err(Error::usage(format!("{flag} must be one non-blank line")));
        }
    }
    let pass = passphrase(ui, a.passphrase_stdin, false)?;
    let key = read_private_key(&a.key, &pass)?;
    let doc = cr_signature::sign(
        &key,
        &a.issue_key,
        a.status.trim(),
        a.approver.trim(),
        &timefmt::iso_ms(timefmt::now()),
    );
    ui.result(doc.to_json());
    ui.say(format!(
        "Paste the line above into the signature field of {}. It is valid only for {} in status {:?}.",
        a.issue_key, a.issue_key, doc.status
    ));
    ui.emit_json(&serde_json::from_str(&doc.to_json()).expect("a JSON document"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("Change Manager"), "change-manager");
        assert_eq!(file_stem("  Sécurité / Lead!! "), "s-curit-lead");
        assert_eq!(file_stem("///"), "cr-signing");
    }
}
