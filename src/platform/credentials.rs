//! `credentials.json` (`id_token`, `refresh_token`, `token_expiry`; mode 0600, atomic writes) and
//! the refresh rule: a token within 5 minutes of `token_expiry` (or with an unparsable expiry) is
//! refreshed with `REFRESH_TOKEN_AUTH` before use. Refreshes are serialised across processes with an
//! exclusive lock on `credentials.lock`; whoever gets the lock re-reads the file first, so a token
//! another process just refreshed is used instead of refreshing again. A rotated refresh token (if
//! the pool rotates them) is kept; otherwise the old one is.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::cognito::{Cognito, Tokens};
use super::config::PlatformConfig;
use super::files::{self, Read};
use crate::domain::timefmt;
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

/// Refresh this long before `token_expiry`.
pub const REFRESH_MARGIN: time::Duration = time::Duration::minutes(5);

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Credentials {
    pub id_token: String,
    #[serde(default)]
    pub refresh_token: String,
    #[serde(default)]
    pub token_expiry: String,
}

impl Credentials {
    pub fn from_tokens(t: &Tokens, keep_refresh: &str) -> Credentials {
        let expiry = timefmt::now() + time::Duration::seconds(t.expires_in.max(0));
        Credentials {
            id_token: t.id_token.clone(),
            refresh_token: t
                .refresh_token
                .clone()
                .filter(|r| !r.is_empty())
                .unwrap_or_else(|| keep_refresh.to_string()),
            token_expiry: timefmt::iso_ms(expiry),
        }
    }

    /// Whether the ID token must be refreshed before use at `now`.
    pub fn due(&self, now: time::OffsetDateTime) -> bool {
        match timefmt::parse(&self.token_expiry) {
            Some(exp) => now >= exp - REFRESH_MARGIN,
            None => true,
        }
    }

    /// Secret values, for scrubbing.
    pub fn secrets(&self) -> [&str; 2] {
        [&self.id_token, &self.refresh_token]
    }
}

pub fn path() -> Result<PathBuf> {
    Ok(files::dir()?.join("credentials.json"))
}

fn not_logged_in() -> Error {
    Error::new(
        Exit::Denied,
        "not logged in: no credentials.json in the config dir",
    )
    .hint("run `bgagent login`")
}

/// credentials.json, if present.
pub fn load() -> Result<Option<Credentials>> {
    let p = path()?;
    let corrupt = |why: String| {
        Error::failure(format!("{} is corrupt: {why}", p.display()))
            .hint("run `bgagent login` to write it again")
    };
    match files::read_object(&p)? {
        Read::Missing => Ok(None),
        Read::Corrupt(why) => Err(corrupt(why)),
        Read::Object(m) => serde_json::from_value::<Credentials>(serde_json::Value::Object(m))
            .map(Some)
            .map_err(|e| corrupt(e.to_string())),
    }
}

pub fn save(c: &Credentials) -> Result<PathBuf> {
    let p = path()?;
    files::write_atomic(
        &p,
        &files::pretty(&serde_json::to_value(c).expect("serialisable")),
        0o600,
    )?;
    Ok(p)
}

/// Removes credentials.json; whether there was one.
pub fn remove() -> Result<bool> {
    let p = path()?;
    match std::fs::remove_file(&p) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::failure(format!("could not remove {}", p.display())).cause(e)),
    }
}

/// Holds the cross-process refresh lock until dropped.
pub struct Lock(#[allow(dead_code)] std::fs::File);

pub fn lock() -> Result<Lock> {
    let d = files::dir()?;
    files::ensure_dir(&d)?;
    let p = d.join("credentials.lock");
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&p)
        .map_err(|e| Error::failure(format!("could not open {}", p.display())).cause(e))?;
    f.lock()
        .map_err(|e| Error::failure(format!("could not lock {}", p.display())).cause(e))?;
    Ok(Lock(f))
}

/// The current login, refreshed first when due. `stale` forces a refresh unless the file's token
/// already differs from it (after the API answered 401 for that token).
pub async fn current(ui: &Ui, stale: Option<&str>) -> Result<Credentials> {
    let c = load()?.ok_or_else(not_logged_in)?;
    let needs = |c: &Credentials| c.due(timefmt::now()) || stale.is_some_and(|s| s == c.id_token);
    if !needs(&c) {
        return Ok(c);
    }
    if c.refresh_token.is_empty() {
        return Err(Error::new(
            Exit::Denied,
            "the login has expired and credentials.json holds no refresh token",
        )
        .hint("run `bgagent login`"));
    }
    let cfg = super::config::require()?;
    refresh_locked(ui, &cfg, needs).await
}

async fn refresh_locked(
    ui: &Ui,
    cfg: &PlatformConfig,
    needs: impl Fn(&Credentials) -> bool,
) -> Result<Credentials> {
    let _guard = lock()?;
    // Another process may have refreshed while we waited for the lock.
    let c = load()?.ok_or_else(not_logged_in)?;
    if !needs(&c) {
        ui.debug("the login was refreshed by another process");
        return Ok(c);
    }
    ui.step("Refreshing the login (Cognito REFRESH_TOKEN_AUTH)");
    let cognito = Cognito::new(cfg, ui).await?;
    let t = cognito.refresh(ui, &c.refresh_token).await?;
    let fresh = Credentials::from_tokens(&t, &c.refresh_token);
    save(&fresh)?;
    Ok(fresh)
}

/// The platform user for audit fields: `--platform-user-id` / `BGAGENT_PLATFORM_USER_ID`, else
/// the `sub` of the login's ID token, refreshed first when due (a login written without a refresh
/// token, e.g. by hand, is used as it is).
pub async fn platform_user_id(explicit: Option<&str>, ui: &Ui) -> Result<String> {
    if let Some(id) = explicit.map(str::trim).filter(|s| !s.is_empty()) {
        return Ok(id.to_string());
    }
    let fix = "run `bgagent login`, or pass --platform-user-id <cognito-sub> (env BGAGENT_PLATFORM_USER_ID)";
    let c = match load()? {
        Some(c) => c,
        None => {
            return Err(Error::usage(
                "no platform identity: not logged in (no credentials.json in the config dir)",
            )
            .hint(fix));
        }
    };
    let c = if c.refresh_token.is_empty() {
        c
    } else {
        current(ui, None).await?
    };
    crate::domain::jwt::sub_claim(&c.id_token).map_err(|e| {
        Error::usage("no platform identity in the cached login")
            .cause(e)
            .hint(fix)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_within_five_minutes_or_unparsable() {
        let now = timefmt::parse("2026-11-29T12:00:00.000Z").unwrap();
        let c = |exp: &str| Credentials {
            id_token: "i".into(),
            refresh_token: "r".into(),
            token_expiry: exp.into(),
        };
        assert!(!c("2026-11-29T12:05:00.001Z").due(now));
        assert!(c("2026-11-29T12:05:00.000Z").due(now));
        assert!(c("2026-11-29T11:00:00.000Z").due(now));
        assert!(c("soon").due(now));
        assert!(c("").due(now));
    }

    #[test]
    fn keeps_refresh_token_unless_rotated() {
        let t = |r: Option<&str>| Tokens {
            id_token: "id".into(),
            access_token: "a".into(),
            refresh_token: r.map(str::to_string),
            expires_in: 3600,
        };
        assert_eq!(
            Credentials::from_tokens(&t(None), "old").refresh_token,
            "old"
        );
        assert_eq!(
            Credentials::from_tokens(&t(Some("")), "old").refresh_token,
            "old"
        );
        assert_eq!(
            Credentials::from_tokens(&t(Some("new")), "old").refresh_token,
            "new"
        );
    }
}
