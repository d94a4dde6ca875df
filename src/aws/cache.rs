//! The stack-output cache: the outputs of the last `DescribeStacks` in the config dir
//! (`stack-outputs.json`), keyed by endpoint, profile, access key id, region and stack, good for
//! [`TTL_SECS`]. A warm command skips one sequential round trip (often the slowest one:
//! CloudFormation). The values are table names and ARNs, never secrets.
//!
//! Staleness is handled where it shows: a command whose outputs came from the cache and that
//! fails with `ResourceNotFoundException` (a table or secret renamed by a stack update) drops the
//! entry and runs once more with live outputs ([`crate::commands::run`]). `--no-cache` or
//! `BGAGENT_NO_CACHE=1` bypasses the cache (nothing read, nothing written).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// How long cached outputs are used without asking CloudFormation again.
pub const TTL_SECS: i64 = 3600;
pub const FILE: &str = "stack-outputs.json";

/// Set when this process answered a stack-output read from the cache.
static SERVED: AtomicBool = AtomicBool::new(false);
/// Set for the retry after a stale hit: every read is live.
static FORCE_LIVE: AtomicBool = AtomicBool::new(false);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub endpoint: String,
    /// `--profile`, else `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`, else `default`.
    pub profile: String,
    /// [`key_id_digest`] of `AWS_ACCESS_KEY_ID` when credentials come from the environment
    /// (never the secret key; the file does not even hold the key id).
    pub access_key_id: String,
    pub region: String,
    pub stack: String,
}

impl Key {
    fn text(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}",
            self.endpoint, self.profile, self.access_key_id, self.region, self.stack
        )
    }
}

/// A short SHA-256 digest of an access key id: enough to tell keys apart in the cache key.
pub fn key_id_digest(id: &str) -> String {
    use sha2::Digest as _;
    hex::encode(&sha2::Sha256::digest(id.as_bytes())[..8])
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    #[serde(default)]
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    /// Unix seconds of the `DescribeStacks` these outputs came from.
    fetched_at: i64,
    outputs: BTreeMap<String, String>,
}

fn path() -> Option<PathBuf> {
    crate::config::dir().map(|d| d.join(FILE))
}

fn load() -> File {
    path()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn save(f: &File) -> std::io::Result<()> {
    let Some(p) = path() else { return Ok(()) };
    if let Some(d) = p.parent() {
        std::fs::create_dir_all(d)?;
    }
    let tmp = p.with_extension(format!("json.{}", std::process::id()));
    std::fs::write(&tmp, serde_json::to_vec_pretty(f).unwrap_or_default())?;
    std::fs::rename(&tmp, &p)
}

/// Cached outputs for `key` that are younger than the time limit at `now` (Unix seconds).
pub fn get(key: &Key, now: i64) -> Option<HashMap<String, String>> {
    if FORCE_LIVE.load(Ordering::SeqCst) {
        return None;
    }
    let e = load().entries.remove(&key.text())?;
    let age = now - e.fetched_at;
    if !(0..TTL_SECS).contains(&age) {
        return None;
    }
    SERVED.store(true, Ordering::SeqCst);
    Some(e.outputs.into_iter().collect())
}

/// Stores the outputs of a live `DescribeStacks` (best effort: a read-only config dir only
/// costs the next command a round trip).
pub fn put(key: &Key, now: i64, outputs: &HashMap<String, String>) -> std::io::Result<()> {
    let mut f = load();
    f.entries.retain(|_, e| now - e.fetched_at < TTL_SECS);
    f.entries.insert(
        key.text(),
        Entry {
            fetched_at: now,
            outputs: outputs
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        },
    );
    save(&f)
}

/// Drops every cached entry (the retry after a stale hit re-reads the stack anyway).
pub fn invalidate() {
    if let Some(p) = path() {
        let _ = std::fs::remove_file(p);
    }
}

/// Whether `err` says a resource named by cached outputs is gone: then the caller drops the
/// cache and runs the command once more with live outputs ([`force_live`]).
pub fn is_stale(err: &Error) -> bool {
    SERVED.load(Ordering::SeqCst)
        && !FORCE_LIVE.load(Ordering::SeqCst)
        && std::iter::once(&err.message)
            .chain(err.causes.iter())
            .any(|t| t.contains("ResourceNotFoundException"))
}

/// From now on, every stack-output read of this process is live.
pub fn force_live() {
    FORCE_LIVE.store(true, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_separates_every_part() {
        let k = |e: &str, p: &str, a: &str, r: &str, s: &str| {
            Key {
                endpoint: e.into(),
                profile: p.into(),
                access_key_id: a.into(),
                region: r.into(),
                stack: s.into(),
            }
            .text()
        };
        let base = k("", "default", "", "us-east-1", "st");
        for other in [
            k("http://127.0.0.1:1", "default", "", "us-east-1", "st"),
            k("", "prod", "", "us-east-1", "st"),
            k("", "default", "AKIAEXAMPLE", "us-east-1", "st"),
            k("", "default", "", "eu-west-1", "st"),
            k("", "default", "", "us-east-1", "st2"),
        ] {
            assert_ne!(base, other);
        }
    }
}
