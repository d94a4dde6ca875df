//! The OS keychain (`keyring`): remembers an OAuth app's client id and secret between `setup`
//! runs, one keychain service per integration ([`JIRA`], [`LINEAR`]). Unavailable keychains
//! (headless Linux without a Secret Service) degrade to prompting: every call has a short
//! deadline and every failure is reported as "not remembered".

use std::sync::mpsc;
use std::time::Duration;

/// Whose OAuth app: the keychain service its client id and secret are stored under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct App(&'static str);

pub const JIRA: App = App("bgagent-jira-oauth-app");
pub const LINEAR: App = App("bgagent-linear-oauth-app");
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

pub fn load(app: App) -> Option<Remembered> {
    let service = app.0;
    with_deadline(move || {
        let id = keyring::Entry::new(service, "client_id")
            .ok()?
            .get_password()
            .ok()?;
        let secret = keyring::Entry::new(service, "client_secret")
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
pub fn store(app: App, client_id: &str, client_secret: &str) -> bool {
    let (service, id, secret) = (app.0, client_id.to_string(), client_secret.to_string());
    with_deadline(move || {
        keyring::Entry::new(service, "client_id")
            .ok()?
            .set_password(&id)
            .ok()?;
        keyring::Entry::new(service, "client_secret")
            .ok()?
            .set_password(&secret)
            .ok()?;
        Some(())
    })
    .is_some()
}

pub fn forget(app: App) -> bool {
    let service = app.0;
    with_deadline(move || {
        for user in ["client_id", "client_secret"] {
            if let Ok(e) = keyring::Entry::new(service, user) {
                let _ = e.delete_credential();
            }
        }
        Some(())
    })
    .is_some()
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_integration_has_its_own_keychain_service() {
        assert_ne!(super::JIRA, super::LINEAR);
        // The Jira service name predates Linear: changing it would forget every stored client.
        assert_eq!(super::JIRA.0, "bgagent-jira-oauth-app");
        assert_eq!(super::LINEAR.0, "bgagent-linear-oauth-app");
    }
}
