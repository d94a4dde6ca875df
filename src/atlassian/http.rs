//! One reqwest client with timeouts, and a send loop that honours `429`/`Retry-After` and
//! retries transient failures of idempotent requests.

use std::time::Duration;

use crate::error::{Error, Result};
use crate::terminal::Ui;

pub fn client() -> Result<reqwest::Client> {
    let t = crate::aws::attempt_timeout();
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5).min(t))
        .timeout(t)
        .user_agent(concat!("bgagent/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Error::failure("could not start the HTTP client").cause(e))
}

const MAX_ATTEMPTS: u32 = 4;
const MAX_WAIT: Duration = Duration::from_secs(30);

fn retry_after(resp: &reqwest::Response) -> Option<Duration> {
    resp.headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
}

/// Sends `build()` until it gets an answer worth returning. `429` is always retried after
/// `Retry-After` (the request was not processed); `5xx` and transport errors only when
/// `idempotent`. Returns the final response, whatever its status.
pub async fn send(
    ui: &Ui,
    what: &str,
    idempotent: bool,
    build: impl Fn() -> reqwest::RequestBuilder,
) -> Result<reqwest::Response> {
    let mut attempt = 1;
    loop {
        ui.debug(format!("{what} (attempt {attempt})"));
        let res = build().send().await;
        let wait = match &res {
            Ok(r) if r.status() == reqwest::StatusCode::TOO_MANY_REQUESTS => {
                Some(retry_after(r).unwrap_or(Duration::from_secs(1 << attempt)))
            }
            Ok(r) if r.status().is_server_error() && idempotent => {
                Some(retry_after(r).unwrap_or(Duration::from_millis(250 << attempt)))
            }
            Err(_) if idempotent => Some(Duration::from_millis(250 << attempt)),
            _ => None,
        };
        match (wait, attempt < MAX_ATTEMPTS) {
            (Some(w), true) if w <= MAX_WAIT => {
                ui.debug(format!("{what}: retrying in {:.1}s", w.as_secs_f32()));
                tokio::time::sleep(w).await;
                attempt += 1;
            }
            _ => {
                return res.map_err(|e| {
                    let kind = if e.is_timeout() { "timed out" } else if e.is_connect() { "could not connect" } else { "failed" };
                    Error::failure(format!("{what} {kind}"))
                        .cause(without_url(&e))
                        .hint("check network access to Atlassian (or BGAGENT_ATLASSIAN_*_URL) and retry")
                });
            }
        }
    }
}

/// reqwest's error text includes the URL; ours carry no secrets in URLs, but keep messages short.
fn without_url(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    if let Some(u) = e.url() {
        s = s.replace(&format!(" ({u})"), "").replace(
            u.as_str(),
            &format!("{}{}", u.origin().ascii_serialization(), u.path()),
        );
    }
    let mut src = std::error::Error::source(e);
    while let Some(c) = src {
        s.push_str(&format!(": {c}"));
        src = c.source();
    }
    s
}
