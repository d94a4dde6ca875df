//! `bgagent whoami`: the login (user, `sub`, email, token expiry) and the platform config (API URL,
//! pool, config dir). Offline: it reads the two files and calls nothing.

use super::WhoamiArgs;
use crate::domain::{jwt, timefmt};
use crate::error::{Error, Exit, Result};
use crate::platform::{config, credentials, files};
use crate::terminal::Ui;

pub fn run(_a: WhoamiArgs, ui: &Ui) -> Result<()> {
    let dir = files::dir()?;
    let cfg = config::load()?.unwrap_or_default();
    let Some(c) = credentials::load()? else {
        return Err(Error::new(
            Exit::Denied,
            "not logged in: no credentials.json in the config dir",
        )
        .cause(format!("config dir {}", dir.display()))
        .hint("run `bgagent login`"));
    };
    let claims = jwt::payload(&c.id_token).map_err(|e| {
        Error::failure("credentials.json holds no readable ID token")
            .cause(e)
            .hint("run `bgagent login`")
    })?;
    let claim = |k: &str| {
        claims
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let username = match claim("cognito:username") {
        u if u.is_empty() => claim("email"),
        u => u,
    };
    let now = timefmt::now();
    let status = match timefmt::parse(&c.token_expiry) {
        Some(exp) if now >= exp => "expired (refreshed on next use)".to_string(),
        Some(_) if c.due(now) => "expires within 5 minutes (refreshed on next use)".to_string(),
        Some(exp) => format!("valid for {} more minutes", (exp - now).whole_minutes()),
        None => "unknown expiry (refreshed on next use)".to_string(),
    };
    let get = |k: &str| cfg.get(k).unwrap_or_default().to_string();
    let rows = [
        ("user", username.clone()),
        ("sub", claim("sub")),
        ("email", claim("email")),
        ("token expiry", format!("{} ({status})", c.token_expiry)),
        ("api url", get("api_url")),
        ("user pool", get("user_pool_id")),
        ("config dir", dir.display().to_string()),
    ];
    for (k, v) in &rows {
        ui.result(format!("{k:<13} {v}"));
    }
    ui.emit_json(&serde_json::json!({
        "username": username,
        "sub": claim("sub"),
        "email": claim("email"),
        "token_expiry": c.token_expiry,
        "token_status": status,
        "api_url": get("api_url"),
        "region": get("region"),
        "user_pool_id": get("user_pool_id"),
        "client_id": get("client_id"),
        "config_dir": dir.display().to_string(),
    }));
    Ok(())
}
