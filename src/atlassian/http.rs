//! One reqwest client with timeouts, and a send loop that honours `429`/`Retry-After` and
//! retries transient failures of idempotent requests.

use std::time::Duration;

use crate::env::backoff;
use crate::error::{Error, Result};
use crate::terminal::Ui;

/// The process's one HTTP client (connection pool, TLS set-up), built on first use. It never
/// follows a redirect: a `307` from the token endpoint would re-post `client_secret` and
/// `code_verifier` to wherever it points, and the API has no reason to redirect either.
pub fn client() -> Result<reqwest::Client> {
    static CLIENT: std::sync::OnceLock<std::result::Result<reqwest::Client, String>> =
        std::sync::OnceLock::new();
    CLIENT
        .get_or_init(|| {
            BUILT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let t = crate::aws::attempt_timeout();
            crate::tls::init();
            reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(5).min(t))
                .timeout(t)
                .redirect(reqwest::redirect::Policy::none())
                .user_agent(concat!("bgagent/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| e.to_string())
        })
        .clone()
        // reqwest::Client is a handle (an Arc): clones share one pool.
        .map_err(|e| Error::failure("could not start the HTTP client").cause(e))
}

/// How many clients this process built (one).
static BUILT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A `3xx` answer is an error, never followed.
pub fn redirect_error(what: &str, resp: &reqwest::Response) -> Error {
    Error::failure(format!(
        "{what}: Atlassian answered HTTP {} (a redirect), which bgagent does not follow",
        resp.status()
    ))
    .cause("redirects are refused so that credentials are never re-sent to another address")
    .hint("check BGAGENT_ATLASSIAN_AUTH_URL / BGAGENT_ATLASSIAN_API_URL and any proxy in between")
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
                Some(retry_after(r).unwrap_or(backoff(Duration::from_secs(1 << attempt))))
            }
            Ok(r) if r.status().is_server_error() && idempotent => {
                Some(retry_after(r).unwrap_or(backoff(Duration::from_millis(250 << attempt))))
            }
            Err(_) if idempotent => Some(backoff(Duration::from_millis(250 << attempt))),
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
                    let kind = if e.is_timeout() {
                        "timed out"
                    } else if e.is_connect() {
                        "could not connect"
                    } else {
                        "failed"
                    };
                    Error::failure(format!("{what} {kind}"))
                        .cause(without_url(&e))
                        .hint(network_hint(e.url()))
                });
            }
        }
    }
}

/// What to check when a call got no answer: the service the URL belongs to (this client serves
/// Atlassian and Linear alike), compared by origin with the configured base URLs.
fn network_hint(url: Option<&reqwest::Url>) -> &'static str {
    let env = crate::env::get();
    let linear = [&env.linear_api_url, &env.linear_auth_url]
        .into_iter()
        .any(|base| {
            url::Url::parse(base).is_ok_and(|b| url.is_some_and(|u| u.origin() == b.origin()))
        });
    if linear {
        "check network access to Linear (or BGAGENT_LINEAR_API_URL / BGAGENT_LINEAR_AUTH_URL) and retry"
    } else {
        "check network access to Atlassian (or BGAGENT_ATLASSIAN_*_URL) and retry"
    }
}

/// reqwest's error text includes the URL; ours carry no secrets in URLs, but keep messages short.
/// The transport error's source chain is appended (the cause a person can act on).
pub fn without_url(e: &reqwest::Error) -> String {
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

#[cfg(test)]
mod tests {
    #[test]
    fn one_client_per_process() {
        for _ in 0..3 {
            super::client().unwrap();
        }
        assert_eq!(super::BUILT.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn the_network_hint_names_the_service_by_origin() {
        let hint = |u: &str| super::network_hint(Some(&reqwest::Url::parse(u).unwrap()));
        for linear in [
            "https://api.linear.app/graphql",
            "https://linear.app/api/oauth/token",
        ] {
            assert!(hint(linear).contains("to Linear"), "{linear}");
        }
        for atlassian in [
            "https://api.atlassian.com/oauth/token/accessible-resources",
            "https://auth.atlassian.com/oauth/token",
            "https://api.linear.app.example.com/graphql",
            "http://api.linear.app/graphql",
        ] {
            assert!(hint(atlassian).contains("to Atlassian"), "{atlassian}");
        }
        assert!(super::network_hint(None).contains("to Atlassian"));
    }
}
