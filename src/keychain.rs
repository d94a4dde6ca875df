//! The OS keychain (`keyring`): remembers the OAuth app's client id and secret between `setup`
//! runs. Unavailable keychains (headless Linux without a Secret Service) degrade to prompting:
//! every call has a short deadline and every failure is reported as "not remembered".

use std::sync::mpsc;
use std::time::Duration;

const SERVICE: &str = "bgagent-jira-oauth-app";
const DEADLINE: Duration = Duration::from_secs(3);

fn disabled() -> bool {
    !crate::env::get().keychain
}

/// Runs a keychain call on a helper thread so a hanging Secret Service cannot hang bgagent.
fn with_deadline<T: Send + 'static>(f: impl FnOnce() -> Option<T> + Send + 'static) -> Option<T> {
    if disabled() {
        return None;
    }
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(DEADLINE).ok().flatten()
}

/// The secret is a `SecretString`: `Debug` never shows it.
#[derive(Debug)]
pub struct Remembered {
    pub client_id: String,
    pub client_secret: secrecy::SecretString,
}

pub fn load() -> Option<Remembered> {
    with_deadline(|| {
        let id = keyring::Entry::new(SERVICE, "client_id")
            .ok()?
            .get_password()
            .ok()?;
        let secret = keyring::Entry::new(SERVICE, "client_secret")
            .ok()?
            .get_password()
            .ok()?;
        Some(Remembered {
            client_id: id,
            client_secret: secret.into(),
        })
    })
}

/// Returns whether the keychain took both values.
pub fn store(client_id: &str, client_secret: &str) -> bool {
    let (id, secret) = (client_id.to_string(), client_secret.to_string());
    with_deadline(move || {
        keyring::Entry::new(SERVICE, "client_id")
            .ok()?
            .set_password(&id)
            .ok()?;
        keyring::Entry::new(SERVICE, "client_secret")
            .ok()?
            .set_password(&secret)
            .ok()?;
        Some(())
    })
    .is_some()
}

pub fn forget() -> bool {
    with_deadline(|| {
        for user in ["client_id", "client_secret"] {
            if let Ok(e) = keyring::Entry::new(SERVICE, user) {
                let _ = e.delete_credential();
            }
        }
        Some(())
    })
    .is_some()
}
