//! The Forge app proxy (the `bgagent-outbound` web trigger of the Jira Forge app): the signed
//! identity probe that `jira app-setup` and `jira doctor` run.
//!
//! `BGAGENT_FORGE_PROBE_URL` (test only) sends the probe to a loopback stand-in instead of the
//! proxy URL. The probe is signed exactly as for the real URL, and the URL that is validated and
//! stored is never the override.

use std::time::Duration;

use crate::domain::forge::{self, Identity, IdentityError};
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

/// Test-only override of where the identity probe is sent (loopback URLs only).
pub const PROBE_URL_ENV: &str = "BGAGENT_FORGE_PROBE_URL";
/// The platform's own client gives the proxy 5 s.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(5);

const VERIFY: &str = "verify the web-trigger URL (`forge webtrigger list`), the Forge variable BGAGENT_PROXY_SECRET (same value as given here, then `forge deploy`), the app's installation on this site, and its Jira scopes";

/// Where the probe for `proxy_url` goes: the URL itself, or the loopback override.
pub fn probe_target(ui: &Ui, proxy_url: &str) -> Result<String> {
    let Some(v) = std::env::var(PROBE_URL_ENV)
        .ok()
        .filter(|v| !v.trim().is_empty())
    else {
        return Ok(proxy_url.to_string());
    };
    let bad = || {
        Error::usage(format!(
            "{PROBE_URL_ENV} must be an http(s) URL on a loopback address (it is a test-only override)"
        ))
        .hint(format!("unset {PROBE_URL_ENV}"))
    };
    let u = url::Url::parse(v.trim()).map_err(|_| bad())?;
    let loopback = match u.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    };
    if !loopback || !matches!(u.scheme(), "http" | "https") {
        return Err(bad());
    }
    ui.warn(format!(
        "{PROBE_URL_ENV} is set (test only): the identity probe goes to {u}; the stored URL stays {proxy_url}"
    ));
    Ok(u.to_string())
}

/// Posts the signed identity probe for `cloud_id` to `target` and checks the answer: an app
/// account on `tenant_site_url`. Exit codes: 4 when the proxy refuses the signature, 3 when the
/// answer is not an app account of this site, 1 for any other failure.
pub async fn probe(
    ui: &Ui,
    target: &str,
    secret: &str,
    cloud_id: &str,
    tenant_site_url: &str,
) -> Result<Identity> {
    let body = forge::probe_body(cloud_id);
    let ts = crate::domain::timefmt::epoch_secs(crate::domain::timefmt::now());
    let sig = forge::signature(secret, ts, body.as_bytes());
    crate::tls::init();
    let client = reqwest::Client::builder()
        .connect_timeout(PROBE_TIMEOUT)
        .timeout(PROBE_TIMEOUT.min(crate::aws::attempt_timeout()))
        .user_agent(concat!("bgagent/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Error::failure("could not start the HTTP client").cause(e))?;
    ui.debug(format!("POST {target} (Forge identity probe)"));
    let resp = client
        .post(target)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("X-Bgagent-Timestamp", ts.to_string())
        .header("X-Bgagent-Signature", sig)
        .body(body)
        .send()
        .await
        .map_err(|e| {
            let kind = if e.is_timeout() {
                "timed out after 5 s"
            } else if e.is_connect() {
                "could not connect"
            } else {
                "failed"
            };
            Error::failure(format!("the Forge app identity probe {kind}"))
                .cause(e.without_url())
                .hint(VERIFY)
        })?;
    let status = resp.status();
    let text = resp.text().await.map_err(|e| {
        Error::failure("the Forge app identity probe: could not read the answer").cause(e)
    })?;
    let Ok(answer) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Err(Error::failure(format!(
            "the Forge app identity probe got a non-JSON answer (HTTP {status})"
        ))
        .hint(VERIFY));
    };
    if !status.is_success() {
        let code = answer.get("error").and_then(|c| c.as_str()).unwrap_or("");
        let shown: String = text.chars().take(200).collect();
        let e = Error::failure(format!(
            "the Forge app identity probe failed: HTTP {status} {shown}"
        ));
        return Err(match (status.as_u16(), code) {
            (401, "invalid_signature") => {
                let mut e = e.hint("the shared secret differs from the Forge variable BGAGENT_PROXY_SECRET, or this machine's clock is more than 5 minutes off: set the same value with `forge variables set --encrypt BGAGENT_PROXY_SECRET <value> --environment production`, run `forge deploy`, then re-run");
                e.exit = Exit::Denied;
                e
            }
            (503, "proxy_not_configured") => e.hint("the Forge app has no BGAGENT_PROXY_SECRET of 32+ characters: `forge variables set --encrypt BGAGENT_PROXY_SECRET <value> --environment production`, then `forge deploy`"),
            _ => e.hint(VERIFY),
        });
    }
    forge::check_identity(&answer, tenant_site_url).map_err(|ie| {
        let msg = match &ie {
            IdentityError::NotApp { .. } => {
                "the Forge proxy's identity is not a Jira app account; refusing to configure it"
            }
            IdentityError::SiteMismatch { .. } => {
                "the Forge app answers for another Jira site than this tenant's"
            }
            IdentityError::BadSite { .. } => "the Forge app identity could not be bound to the tenant's site",
        };
        Error::conflict(msg).cause(ie).hint(
            "point --proxy-url at the web trigger of the bgagent Forge app installed on this tenant's site (`forge install --site <site>`, then `forge webtrigger create`)",
        )
    })
}
