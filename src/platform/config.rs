//! `config.json` in the config dir, shared with the TypeScript CLI: `api_url`, optional
//! `registry_api_url`, `region`, `user_pool_id`, `client_id`. Keys this tool does not know are kept.

use std::path::PathBuf;

use serde_json::{Map, Value};

use super::files::{self, Read};
use crate::error::{Error, Result};

pub const CORE: [&str; 4] = ["api_url", "region", "user_pool_id", "client_id"];
pub const ALL: [&str; 5] = [
    "api_url",
    "registry_api_url",
    "region",
    "user_pool_id",
    "client_id",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlatformConfig(pub Map<String, Value>);

pub fn path() -> Result<PathBuf> {
    Ok(files::dir()?.join("config.json"))
}

impl PlatformConfig {
    pub fn get(&self, k: &str) -> Option<&str> {
        self.0
            .get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    pub fn set(&mut self, k: &str, v: &str) {
        self.0.insert(k.to_string(), Value::String(v.to_string()));
    }

    /// The four core fields that are missing, as flag names.
    pub fn missing_core(&self) -> Vec<&'static str> {
        CORE.iter()
            .filter(|k| self.get(k).is_none())
            .map(|k| match *k {
                "api_url" => "--api-url",
                "region" => "--region",
                "user_pool_id" => "--user-pool-id",
                _ => "--client-id",
            })
            .collect()
    }

    /// `api_url` without its trailing slash (the stage, e.g. `/v1`, is part of it).
    pub fn api_base(&self) -> Result<String> {
        self.get("api_url")
            .map(|u| u.trim_end_matches('/').to_string())
            .ok_or_else(|| {
                Error::conflict("config.json has no api_url")
                    .hint("run `bgagent configure --api-url <url>` (or `--stack-name <stack>`)")
            })
    }

    /// The Cognito region: the pool id's prefix (`<region>_<id>`), else `region`.
    pub fn cognito_region(&self) -> Option<String> {
        self.get("user_pool_id")
            .and_then(pool_region)
            .or_else(|| self.get("region").map(str::to_string))
    }

    pub fn save(&self) -> Result<PathBuf> {
        let p = path()?;
        files::write_atomic(&p, &files::pretty(&Value::Object(self.0.clone())), 0o644)?;
        Ok(p)
    }
}

/// `us-east-1_AbC` → `us-east-1` (None when the id has no region-shaped prefix).
pub fn pool_region(pool_id: &str) -> Option<String> {
    let (r, rest) = pool_id.split_once('_')?;
    let ok = !rest.is_empty()
        && r.split('-').count() >= 3
        && r.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    ok.then(|| r.to_string())
}

/// config.json, if present.
pub fn load() -> Result<Option<PlatformConfig>> {
    let p = path()?;
    match files::read_object(&p)? {
        Read::Missing => Ok(None),
        Read::Object(m) => Ok(Some(PlatformConfig(m))),
        Read::Corrupt(why) => Err(Error::failure(format!("{} is {why}", p.display())).hint(
            "run `bgagent configure` with --stack-name, --from-bundle or the flags to rewrite it",
        )),
    }
}

/// config.json with every core field, else an error saying how to configure.
pub fn require() -> Result<PlatformConfig> {
    let Some(c) = load()? else {
        return Err(Error::conflict("not configured: no config.json in the config dir").hint(
            "run `bgagent configure` (reads the platform stack's outputs; or --from-bundle <b64>)",
        ));
    };
    let missing = c.missing_core();
    if !missing.is_empty() {
        return Err(Error::conflict(format!(
            "config.json lacks {}",
            missing.join(", ").replace("--", "")
        ))
        .hint(format!("run `bgagent configure {}`", missing.join(" … "))));
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_from_pool_prefix() {
        assert_eq!(pool_region("eu-west-1_AbCd"), Some("eu-west-1".into()));
        assert_eq!(pool_region("us-gov-west-1_x"), Some("us-gov-west-1".into()));
        assert_eq!(pool_region("AbCd"), None);
        assert_eq!(pool_region("eu-west-1_"), None);
        assert_eq!(pool_region("local_pool"), None);
        let mut c = PlatformConfig::default();
        c.set("region", "us-east-1");
        assert_eq!(c.cognito_region(), Some("us-east-1".into()));
        c.set("user_pool_id", "eu-central-1_Q");
        assert_eq!(c.cognito_region(), Some("eu-central-1".into()));
        assert_eq!(
            c.missing_core(),
            vec!["--api-url", "--client-id"],
            "region and pool are set"
        );
    }
}
