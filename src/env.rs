//! Every environment variable bgagent reads, resolved in one place at start-up (`main` calls
//! [`init`]). An invalid value is a usage error (exit 2) naming the variable, never silently
//! ignored. The list is shown in `--help` ([`HELP`]). Variables clap reads itself
//! (`BGAGENT_STACK_NAME`, `BGAGENT_JIRA_CLIENT_ID`, `BGAGENT_PLATFORM_USER_ID`) are shown next to
//! their flags. The secrets (`BGAGENT_*SECRET*`) are taken out of the process environment, so no
//! child process (`$BROWSER`, the system opener, `stty`) inherits them.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use secrecy::SecretString;

use crate::error::{Error, Result};

pub const HTTP_TIMEOUT: &str = "BGAGENT_HTTP_TIMEOUT";
pub const RETRY_BACKOFF: &str = "BGAGENT_RETRY_BACKOFF";
pub const KEYCHAIN: &str = "BGAGENT_KEYCHAIN";
pub const AUTH_URL: &str = "BGAGENT_ATLASSIAN_AUTH_URL";
pub const API_URL: &str = "BGAGENT_ATLASSIAN_API_URL";
pub const CONFIG_DIR: &str = "BGAGENT_CONFIG_DIR";
pub const CLIENT_SECRET: &str = "BGAGENT_JIRA_CLIENT_SECRET";
pub const WEBHOOK_SECRET: &str = "BGAGENT_JIRA_WEBHOOK_SECRET";
pub const PROXY_SECRET: &str = "BGAGENT_PROXY_SECRET";
pub const PASSWORD: &str = "BGAGENT_PASSWORD";
pub const NEW_PASSWORD: &str = "BGAGENT_NEW_PASSWORD";
pub const CR_KEY_PASSPHRASE: &str = "BGAGENT_CR_KEY_PASSPHRASE";
pub const LINEAR_AUTH_URL: &str = "BGAGENT_LINEAR_AUTH_URL";
pub const LINEAR_API_URL: &str = "BGAGENT_LINEAR_API_URL";
pub const LINEAR_CLIENT_SECRET: &str = "BGAGENT_LINEAR_CLIENT_SECRET";
pub const LINEAR_WEBHOOK_SECRET: &str = "BGAGENT_LINEAR_WEBHOOK_SECRET";

/// Secret variables besides the two setup reads: taken verbatim (not trimmed: a password is
/// used exactly as given), kept as `SecretString`s, and removed from the process environment.
pub const OTHER_SECRETS: [&str; 6] = [
    PROXY_SECRET,
    PASSWORD,
    NEW_PASSWORD,
    CR_KEY_PASSPHRASE,
    LINEAR_CLIENT_SECRET,
    LINEAR_WEBHOOK_SECRET,
];

/// The `Environment:` section of `--help`.
pub const HELP: &str = "Environment:\n  \
    BGAGENT_STACK_NAME, BGAGENT_JIRA_CLIENT_ID, BGAGENT_PLATFORM_USER_ID  see the flags they stand for\n  \
    BGAGENT_JIRA_CLIENT_SECRET   OAuth client secret for `setup` (instead of --client-secret-stdin)\n  \
    BGAGENT_JIRA_WEBHOOK_SECRET  webhook signing secret for `setup` / `update-webhook-secret`\n  \
    BGAGENT_PROXY_SECRET         Forge proxy shared secret for `jira app-setup`\n  \
    BGAGENT_USERNAME, BGAGENT_PASSWORD, BGAGENT_NEW_PASSWORD  for `login` (instead of prompts)\n  \
    BGAGENT_CR_KEY_PASSPHRASE    key passphrase for `jira cr keygen` / `sign`\n  \
    BGAGENT_LINEAR_CLIENT_ID, BGAGENT_LINEAR_CLIENT_SECRET  the Linear OAuth app for `linear setup`\n  \
    BGAGENT_LINEAR_WEBHOOK_SECRET  lin_wh_ webhook secret for `linear setup` / `update-webhook-secret`\n  \
    BGAGENT_LINEAR_AUTH_URL, BGAGENT_LINEAR_API_URL  Linear base URLs (default https://linear.app, https://api.linear.app)\n  \
    BGAGENT_FORGE_PROBE_URL      test-only: send `app-setup`'s identity probe to this loopback URL\n  \
    BGAGENT_CONFIG_DIR           config dir (default ~/.bgagent)\n  \
    BGAGENT_HTTP_TIMEOUT         seconds per attempt of an AWS or Atlassian call (default 20)\n  \
    BGAGENT_RETRY_BACKOFF        seconds before the first retry of a failed call (default 1; later ones double)\n  \
    BGAGENT_KEYCHAIN             `off` (or 0) skips the OS keychain; `on` (or 1) is the default\n  \
    BGAGENT_ATLASSIAN_AUTH_URL   Atlassian auth base URL (default https://auth.atlassian.com)\n  \
    BGAGENT_ATLASSIAN_API_URL    Atlassian API base URL (default https://api.atlassian.com)\n  \
    BROWSER                      browser command for `setup` (%s is replaced by the URL)\n  \
    NO_COLOR                     no colour (same as --color never)\n  \
    AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, AWS_*  the standard AWS chain";

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
pub const DEFAULT_BACKOFF: Duration = Duration::from_secs(1);

/// A retry loop's wait `base` (designed for the default back-off of one second), scaled by
/// `BGAGENT_RETRY_BACKOFF`.
pub fn backoff(base: Duration) -> Duration {
    base.mul_f64(get().retry_backoff.as_secs_f64() / DEFAULT_BACKOFF.as_secs_f64())
}

/// The resolved environment. The secrets are `SecretString`s, so `Debug` never shows them.
#[derive(Debug, Clone)]
pub struct Env {
    pub http_timeout: Duration,
    /// The first retry's back-off (the AWS SDK's initial back-off; our own retry loops scale
    /// their waits by it). A server's `Retry-After` is never scaled.
    pub retry_backoff: Duration,
    pub keychain: bool,
    pub auth_url: String,
    pub api_url: String,
    pub linear_auth_url: String,
    pub linear_api_url: String,
    pub config_dir: Option<PathBuf>,
    pub client_secret: Option<SecretString>,
    pub webhook_secret: Option<SecretString>,
    /// The values of [`OTHER_SECRETS`] that are set (non-empty), by variable name.
    pub other_secrets: Vec<(&'static str, SecretString)>,
    pub browser: Option<String>,
    pub no_color: bool,
    /// `SSH_CONNECTION` / `SSH_TTY` set.
    pub ssh: bool,
    /// `DISPLAY` / `WAYLAND_DISPLAY` set.
    pub display: bool,
}

fn invalid(var: &str, value: &str, want: &str) -> Error {
    Error::usage(format!("{var}={value} is not valid: {want}")).hint(format!(
        "fix or unset {var} (see `bgagent --help`, Environment)"
    ))
}

fn base_url(var: &str, value: Option<String>, default: &str) -> Result<String> {
    let Some(v) = value else {
        return Ok(default.to_string());
    };
    match url::Url::parse(&v) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
            Ok(v.trim_end_matches('/').to_string())
        }
        _ => Err(invalid(var, &v, "expected an http(s) URL")),
    }
}

/// A duration in (fractional) seconds: `default` when unset, else a finite number `ok` accepts.
fn seconds(
    var: &str,
    value: Option<String>,
    default: Duration,
    ok: impl Fn(f64) -> bool,
    want: &str,
) -> Result<Duration> {
    let Some(v) = value else {
        return Ok(default);
    };
    match v.parse::<f64>() {
        Ok(s) if s.is_finite() && ok(s) => Ok(Duration::from_secs_f64(s)),
        _ => Err(invalid(var, &v, want)),
    }
}

impl Env {
    /// Resolves the environment from `lookup` (pure: tests pass a map).
    pub fn resolve(lookup: impl Fn(&str) -> Option<OsString>) -> Result<Env> {
        let text = |k: &str| {
            lookup(k)
                .map(|v| v.to_string_lossy().trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let http_timeout = seconds(
            HTTP_TIMEOUT,
            text(HTTP_TIMEOUT),
            DEFAULT_TIMEOUT,
            |s| s > 0.0 && s <= 3600.0,
            "expected a number of seconds between 0 and 3600, e.g. 20 or 2.5",
        )?;
        let retry_backoff = seconds(
            RETRY_BACKOFF,
            text(RETRY_BACKOFF),
            DEFAULT_BACKOFF,
            |s| (0.0..=60.0).contains(&s),
            "expected a number of seconds between 0 and 60, e.g. 1 or 0.2",
        )?;
        let keychain = match text(KEYCHAIN).as_deref() {
            None | Some("on" | "1") => true,
            Some("off" | "0") => false,
            Some(v) => return Err(invalid(KEYCHAIN, v, "expected off, 0, on or 1")),
        };
        Ok(Env {
            http_timeout,
            retry_backoff,
            keychain,
            auth_url: base_url(AUTH_URL, text(AUTH_URL), "https://auth.atlassian.com")?,
            api_url: base_url(API_URL, text(API_URL), "https://api.atlassian.com")?,
            linear_auth_url: base_url(
                LINEAR_AUTH_URL,
                text(LINEAR_AUTH_URL),
                "https://linear.app",
            )?,
            linear_api_url: base_url(
                LINEAR_API_URL,
                text(LINEAR_API_URL),
                "https://api.linear.app",
            )?,
            config_dir: lookup(CONFIG_DIR)
                .filter(|d| !d.is_empty())
                .map(PathBuf::from),
            client_secret: text(CLIENT_SECRET).map(SecretString::from),
            webhook_secret: text(WEBHOOK_SECRET).map(SecretString::from),
            other_secrets: OTHER_SECRETS
                .iter()
                .filter_map(|k| {
                    let v = lookup(k)?.to_string_lossy().into_owned();
                    (!v.is_empty()).then(|| (*k, SecretString::from(v)))
                })
                .collect(),
            browser: text("BROWSER"),
            no_color: lookup("NO_COLOR").is_some_and(|v| !v.is_empty()),
            ssh: text("SSH_CONNECTION").is_some() || text("SSH_TTY").is_some(),
            display: text("DISPLAY").is_some() || text("WAYLAND_DISPLAY").is_some(),
        })
    }
}

static ENV: OnceLock<Env> = OnceLock::new();

/// Resolves the process environment once and takes every `BGAGENT_*SECRET*` variable out of it.
///
/// Call it from `main` before any thread is started (it edits the process environment).
pub fn init() -> Result<()> {
    let env = Env::resolve(|k| std::env::var_os(k))?;
    let secret_vars: Vec<OsString> = std::env::vars_os()
        .map(|(k, _)| k)
        .filter(|k| {
            let k = k.to_string_lossy();
            (k.starts_with("BGAGENT_") && k.contains("SECRET")) || OTHER_SECRETS.contains(&&*k)
        })
        .collect();
    for k in secret_vars {
        // SAFETY: `main` calls this first thing, while the process has a single thread, so no
        // other thread can be reading the environment concurrently.
        unsafe { std::env::remove_var(k) };
    }
    let _ = ENV.set(env);
    Ok(())
}

/// The resolved environment. Outside `main` (unit tests) it is resolved on first use, with the
/// defaults in place of invalid values.
pub fn get() -> &'static Env {
    ENV.get_or_init(|| {
        Env::resolve(|k| std::env::var_os(k))
            .unwrap_or_else(|_| Env::resolve(|_| None).expect("defaults are valid"))
    })
}

/// One of [`OTHER_SECRETS`], as resolved at start-up (the variable itself is gone by then).
pub fn secret(name: &str) -> Option<String> {
    use secrecy::ExposeSecret;
    get()
        .other_secrets
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.expose_secret().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> Result<Env> {
        let m: HashMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        Env::resolve(|k| m.get(k).cloned())
    }

    #[test]
    fn invalid_values_are_usage_errors() {
        let e = env(&[(HTTP_TIMEOUT, "5s")]).unwrap_err();
        assert_eq!(e.exit, crate::error::Exit::Usage);
        assert!(e.message.contains("BGAGENT_HTTP_TIMEOUT=5s"));
        assert!(env(&[(HTTP_TIMEOUT, "-1")]).is_err());
        assert!(env(&[(KEYCHAIN, "maybe")]).is_err());
        assert!(env(&[(AUTH_URL, "auth.example")]).is_err());
        let ok = env(&[
            (HTTP_TIMEOUT, "2.5"),
            (KEYCHAIN, "off"),
            (API_URL, "http://127.0.0.1:9/"),
        ])
        .unwrap();
        assert_eq!(ok.http_timeout, Duration::from_millis(2500));
        assert!(!ok.keychain);
        assert_eq!(ok.api_url, "http://127.0.0.1:9");
        assert_eq!(env(&[]).unwrap().http_timeout, DEFAULT_TIMEOUT);
        assert_eq!(env(&[]).unwrap().retry_backoff, DEFAULT_BACKOFF);
        assert_eq!(
            env(&[(RETRY_BACKOFF, "0.05")]).unwrap().retry_backoff,
            Duration::from_millis(50)
        );
        assert_eq!(
            env(&[(RETRY_BACKOFF, "0")]).unwrap().retry_backoff,
            Duration::ZERO
        );
        for bad in ["-1", "61", "1s", "NaN"] {
            let e = env(&[(RETRY_BACKOFF, bad)]).unwrap_err();
            assert_eq!(e.exit, crate::error::Exit::Usage, "{bad}");
            assert!(e.message.contains("BGAGENT_RETRY_BACKOFF"), "{bad}");
        }
    }

    #[test]
    fn debug_never_shows_a_secret() {
        let e = env(&[
            (CLIENT_SECRET, "cs-very-secret"),
            (WEBHOOK_SECRET, "wh-very-secret"),
            (PASSWORD, "pw-very-secret"),
        ])
        .unwrap();
        let d = format!("{e:?}");
        assert!(!d.contains("very-secret") && d.contains("REDACTED"), "{d}");
    }
}
