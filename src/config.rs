//! The bgagent config dir (`$BGAGENT_CONFIG_DIR`, else `~/.bgagent`): `config.json` (`region`,
//! `api_url`) and `credentials.json` (the cached Cognito `id_token` of `bgagent login`).

use std::path::PathBuf;

use crate::domain::jwt;
use crate::error::{Error, Result};

pub fn dir() -> Option<PathBuf> {
    if let Some(d) = &crate::env::get().config_dir {
        return Some(d.clone());
    }
    std::env::home_dir().map(|h| h.join(".bgagent"))
}

fn read_json(name: &str) -> Result<Option<serde_json::Value>> {
    let Some(path) = dir().map(|d| d.join(name)) else {
        return Ok(None);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::failure(format!("could not read {}", path.display())).cause(e)),
    };
    serde_json::from_str(&text).map(Some).map_err(|e| {
        Error::failure(format!("{} is not valid JSON", path.display()))
            .cause(e)
            .hint(format!("fix or remove {}", path.display()))
    })
}

/// `region` from config.json, if any.
pub fn region() -> Result<Option<String>> {
    Ok(read_json("config.json")?
        .and_then(|v| v.get("region").and_then(|r| r.as_str()).map(str::to_string))
        .filter(|r| !r.trim().is_empty()))
}

/// The platform user: `--platform-user-id` / `BGAGENT_PLATFORM_USER_ID`, else the `sub` of the
/// cached `id_token`.
pub fn platform_user_id(explicit: Option<&str>) -> Result<String> {
    if let Some(id) = explicit.map(str::trim).filter(|s| !s.is_empty()) {
        return Ok(id.to_string());
    }
    let fix = "run `bgagent login`, or pass --platform-user-id <cognito-sub> (env BGAGENT_PLATFORM_USER_ID)";
    let creds = read_json("credentials.json")?.ok_or_else(|| {
        Error::usage("no platform identity: not logged in (no credentials.json in the config dir)")
            .hint(fix)
    })?;
    let token = creds
        .get("id_token")
        .and_then(|t| t.as_str())
        .ok_or_else(|| {
            Error::usage("no platform identity: credentials.json has no id_token").hint(fix)
        })?;
    jwt::sub_claim(token).map_err(|e| {
        Error::usage("no platform identity in the cached login")
            .cause(e)
            .hint(fix)
    })
}
