//! The bgagent config dir (`$BGAGENT_CONFIG_DIR`, else `~/.bgagent`) and the AWS region fallback
//! from its `config.json`. The platform files themselves (`config.json`, `credentials.json`, the
//! login and the platform user) are in `crate::platform`.

use std::path::PathBuf;

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
