//! A strict local stand-in for the Jira Forge app's outbound proxy (the `bgagent-outbound` v2 web
//! trigger of `integrations/jira-forge-app`, `src/proxy.js`), on `127.0.0.1:<port>`.
//!
//! This file is a module, not a crate root: include it with
//! `#[path = "../../examples/local/forge_standin.rs"] #[allow(dead_code)] mod forge_standin;`
//! (or the matching relative path).
//!
//! It applies the proxy's checks in the proxy's order, each answering at once with
//! `{"error":"<code>"}` (`Content-Type: application/json`):
//! 1. its secret (`BGAGENT_PROXY_SECRET`) missing or shorter than 32 → 503 `proxy_not_configured`;
//! 2. a body over 256 KiB → 413 `payload_too_large` (before any HMAC);
//! 3. authenticity → 401 `invalid_signature`: both `X-Bgagent-Timestamp` and
//!    `X-Bgagent-Signature` present (first value of each), the timestamp all digits and at most
//!    2^53 − 1, within ±300 s of the stand-in's clock, and the signature equal (constant time, as
//!    whole strings) to `sha256=` + hex HMAC-SHA256(secret, `<timestamp>.<raw body>`);
//! 4. method not POST → 405 `method_not_allowed` (only after authentication, as the proxy does);
//! 5. body not JSON → 400 `invalid_json`; not an object with number `version` 1 → 400
//!    `invalid_payload`; `cloud_id` not a non-empty string → 400 `cloud_id_required`;
//! 6. the operation: `identity` (the canned Jira `/myself` + `/serverInfo` answer),
//!    `comment`, `update_comment`, `get_transitions`, `transition` (each validated as the proxy
//!    does, then answered with a canned Jira success), anything else → 400
//!    `unsupported_operation`;
//! 7. [`Handle::set_jira_fails`] → 502 `jira_request_failed` for operations that reach Jira.
//!
//! Every refusal is recorded in [`Seen::rejected`] with a short reason, so tests can assert why.
//! Its clock can be shifted ([`Handle::set_clock_offset`]) to test the window.

use std::io::Read;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use hmac::{KeyInit, Mac};
use serde_json::{Value, json};
use subtle::ConstantTimeEq;

/// The proxy's body limit (UTF-8 bytes).
pub const MAX_BODY: usize = 256 * 1024;
/// Accepted clock difference, seconds.
pub const WINDOW_SECS: i64 = 300;
/// The proxy's minimum secret length.
pub const MIN_SECRET_LEN: usize = 32;
/// Largest JavaScript safe integer.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// What Jira's `/myself` and `/serverInfo` report when called as the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub account_id: String,
    /// `app` for the Forge app's account; `atlassian` would be a person.
    pub account_type: String,
    pub display_name: String,
    pub site_url: String,
}

impl Identity {
    /// The Forge app account `bgagent` on `site_url`.
    pub fn app(site_url: &str) -> Identity {
        Identity {
            account_id: "557058:bgagent-forge-app".into(),
            account_type: "app".into(),
            display_name: "bgagent".into(),
            site_url: site_url.into(),
        }
    }

    /// A person's account (what a misconfigured proxy calling Jira `asUser` would report).
    pub fn human(site_url: &str) -> Identity {
        Identity {
            account_id: "712020:6a1f0c3e-2b7d-4e95-8c41-d93a5b07e2f1".into(),
            account_type: "atlassian".into(),
            display_name: "Alex Admin".into(),
            site_url: site_url.into(),
        }
    }
}

/// What the stand-in has seen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// Every request, whatever its outcome.
    pub requests: u32,
    /// Why each refused request was refused (e.g. `bad_signature`, `stale_timestamp`).
    pub rejected: Vec<String>,
    /// The operation of each request that passed every check.
    pub operations: Vec<String>,
}

struct State {
    secret: Option<String>,
    clock_offset: i64,
    identity: Identity,
    jira_fails: bool,
    seen: Seen,
}

/// A running stand-in; dropping it stops the server.
pub struct ForgeStandin {
    handle: Handle,
    server: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
}

/// Controls of a running stand-in (cheap to clone).
#[derive(Clone)]
pub struct Handle {
    state: Arc<Mutex<State>>,
    url: String,
}

impl ForgeStandin {
    /// Starts on an OS-chosen loopback port with `secret` as the app's `BGAGENT_PROXY_SECRET`
    /// (`None`: not configured) answering as `identity`.
    pub fn start(secret: Option<&str>, identity: Identity) -> ForgeStandin {
        let server =
            Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind the Forge stand-in"));
        let port = server.server_addr().to_ip().expect("an IP listener").port();
        let handle = Handle {
            state: Arc::new(Mutex::new(State {
                secret: secret.map(str::to_string),
                clock_offset: 0,
                identity,
                jira_fails: false,
                seen: Seen::default(),
            })),
            url: format!("http://127.0.0.1:{port}/public/bgagent-outbound"),
        };
        let (srv, h) = (Arc::clone(&server), handle.clone());
        let thread = std::thread::Builder::new()
            .name("forge-standin".into())
            .spawn(move || {
                while let Ok(req) = srv.recv() {
                    let h = h.clone();
                    let _ = std::thread::Builder::new()
                        .name("forge-standin-req".into())
                        .spawn(move || serve(&h, req));
                }
            })
            .expect("start the Forge stand-in thread");
        ForgeStandin {
            handle,
            server,
            thread: Some(thread),
        }
    }
}

impl std::ops::Deref for ForgeStandin {
    type Target = Handle;
    fn deref(&self) -> &Handle {
        &self.handle
    }
}

impl Drop for ForgeStandin {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Handle {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `http://127.0.0.1:<port>/public/bgagent-outbound` (for `BGAGENT_FORGE_PROBE_URL`).
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> String {
        self.url
            .trim_end_matches("/public/bgagent-outbound")
            .to_string()
    }

    pub fn set_secret(&self, secret: Option<&str>) {
        self.lock().secret = secret.map(str::to_string);
    }

    /// The stand-in's clock runs `secs` ahead of the real one (negative: behind).
    pub fn set_clock_offset(&self, secs: i64) {
        self.lock().clock_offset = secs;
    }

    pub fn set_identity(&self, identity: Identity) {
        self.lock().identity = identity;
    }

    /// Operations that would reach Jira answer 502 `jira_request_failed`.
    pub fn set_jira_fails(&self, fails: bool) {
        self.lock().jira_fails = fails;
    }

    pub fn seen(&self) -> Seen {
        self.lock().seen.clone()
    }
}

fn reply(req: tiny_http::Request, status: u16, body: Value) {
    let ct = tiny_http::Header::from_bytes("Content-Type", "application/json").expect("header");
    let _ = req.respond(
        tiny_http::Response::from_string(body.to_string())
            .with_status_code(status)
            .with_header(ct),
    );
}

fn header(req: &tiny_http::Request, name: &str) -> Option<String> {
    req.headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str().to_string())
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Why a request's authenticity fails, or `None` when it is authentic.
fn authenticity(
    secret: &str,
    now: i64,
    ts: Option<&str>,
    sig: Option<&str>,
    body: &[u8],
) -> Option<&'static str> {
    let (Some(ts), Some(sig)) = (ts, sig) else {
        return Some("missing_signature_headers");
    };
    if ts.is_empty() || !ts.bytes().all(|b| b.is_ascii_digit()) {
        return Some("bad_timestamp");
    }
    let Some(t) = ts.parse::<u64>().ok().filter(|t| *t <= MAX_SAFE_INTEGER) else {
        return Some("bad_timestamp");
    };
    if (now - t as i64).abs() > WINDOW_SECS {
        return Some("stale_timestamp");
    }
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("any key");
    mac.update(ts.as_bytes());
    mac.update(b".");
    mac.update(body);
    let expected = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    let same = expected.len() == sig.len() && bool::from(expected.as_bytes().ct_eq(sig.as_bytes()));
    if same { None } else { Some("bad_signature") }
}

fn issue_key_ok(v: Option<&Value>) -> bool {
    let Some(k) = v.and_then(Value::as_str) else {
        return false;
    };
    let Some((proj, num)) = k.rsplit_once('-') else {
        return false;
    };
    let mut p = proj.chars();
    p.next().is_some_and(|c| c.is_ascii_alphabetic())
        && p.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !num.is_empty()
        && num.bytes().all(|b| b.is_ascii_digit())
}

fn reject(st: &mut State, reason: &str) {
    st.seen.rejected.push(reason.to_string());
}

fn serve(h: &Handle, mut req: tiny_http::Request) {
    let mut st = h.lock();
    st.seen.requests += 1;
    // 1. Configured?
    let secret = match st
        .secret
        .clone()
        .filter(|s| s.chars().count() >= MIN_SECRET_LEN)
    {
        Some(s) => s,
        None => {
            reject(&mut st, "proxy_not_configured");
            drop(st);
            return reply(req, 503, json!({"error": "proxy_not_configured"}));
        }
    };
    // 2. Size, before any HMAC.
    if req.body_length().is_some_and(|n| n > MAX_BODY) {
        reject(&mut st, "payload_too_large");
        drop(st);
        return reply(req, 413, json!({"error": "payload_too_large"}));
    }
    let mut body = Vec::new();
    let read = req
        .as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut body);
    if read.is_err() || body.len() > MAX_BODY {
        reject(&mut st, "payload_too_large");
        drop(st);
        return reply(req, 413, json!({"error": "payload_too_large"}));
    }
    // 3. Authenticity.
    let now = now_secs() + st.clock_offset;
    let (ts, sig) = (
        header(&req, "x-bgagent-timestamp"),
        header(&req, "x-bgagent-signature"),
    );
    if let Some(reason) = authenticity(&secret, now, ts.as_deref(), sig.as_deref(), &body) {
        reject(&mut st, reason);
        drop(st);
        return reply(req, 401, json!({"error": "invalid_signature"}));
    }
    // 4. Method, only after authentication.
    if *req.method() != tiny_http::Method::Post {
        reject(&mut st, "method_not_allowed");
        drop(st);
        return reply(req, 405, json!({"error": "method_not_allowed"}));
    }
    // 5. Payload.
    let Ok(v) = serde_json::from_slice::<Value>(&body) else {
        reject(&mut st, "invalid_json");
        drop(st);
        return reply(req, 400, json!({"error": "invalid_json"}));
    };
    if !v.is_object() || v.get("version").and_then(Value::as_f64) != Some(1.0) {
        reject(&mut st, "invalid_payload");
        drop(st);
        return reply(req, 400, json!({"error": "invalid_payload"}));
    }
    if v.get("cloud_id")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        reject(&mut st, "cloud_id_required");
        drop(st);
        return reply(req, 400, json!({"error": "cloud_id_required"}));
    }
    // 6. Operation.
    let op = v
        .get("operation")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let key_ok = issue_key_ok(v.get("issue_key"));
    let invalid = match op.as_str() {
        "identity" => None,
        "comment" if !key_ok || !v.get("body").is_some_and(Value::is_object) => {
            Some("invalid_comment_request")
        }
        "update_comment"
            if !key_ok
                || !v.get("body").is_some_and(Value::is_object)
                || !v
                    .get("comment_id")
                    .and_then(Value::as_str)
                    .is_some_and(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit())) =>
        {
            Some("invalid_update_comment_request")
        }
        "get_transitions" if !key_ok => Some("invalid_issue_key"),
        "transition"
            if !key_ok
                || !v
                    .get("transition_id")
                    .and_then(Value::as_str)
                    .is_some_and(|t| {
                        (1..=128).contains(&t.len())
                            && t.bytes()
                                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                    }) =>
        {
            Some("invalid_transition_request")
        }
        "comment" | "update_comment" | "get_transitions" | "transition" => None,
        _ => Some("unsupported_operation"),
    };
    if let Some(code) = invalid {
        reject(&mut st, code);
        drop(st);
        return reply(req, 400, json!({"error": code}));
    }
    // 7. Jira.
    if st.jira_fails {
        reject(&mut st, "jira_request_failed");
        drop(st);
        return reply(req, 502, json!({"error": "jira_request_failed"}));
    }
    st.seen.operations.push(op.clone());
    let id = st.identity.clone();
    drop(st);
    match op.as_str() {
        "identity" => reply(
            req,
            200,
            json!({"account_id": id.account_id, "account_type": id.account_type,
                   "display_name": id.display_name, "site_url": id.site_url}),
        ),
        "comment" => reply(
            req,
            201,
            json!({"id": "10000", "author": {"accountId": id.account_id}}),
        ),
        "update_comment" => reply(
            req,
            200,
            json!({"id": v["comment_id"], "author": {"accountId": id.account_id}}),
        ),
        "get_transitions" => reply(
            req,
            200,
            json!({"key": v["issue_key"], "fields": {"status": {"name": "To Do"}},
                   "transitions": [{"id": "21", "name": "In Progress"}, {"id": "31", "name": "Done"}]}),
        ),
        _ => {
            let ct =
                tiny_http::Header::from_bytes("Content-Type", "application/json").expect("header");
            let _ = req.respond(tiny_http::Response::empty(204).with_header(ct));
        }
    }
}
