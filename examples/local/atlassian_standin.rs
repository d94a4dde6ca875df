//! A strict local stand-in for Atlassian's OAuth 2.0 (3LO) authorization server
//! (`auth.atlassian.com`) and the parts of the API gateway (`api.atlassian.com`) that
//! `bgagent` uses: `accessible-resources` and Jira REST v3 `/myself`, `/user`,
//! `/user/search` and `/issue/<key>` (issues the tests set, for `jira cr check`).
//!
//! This file is a module, not a crate root. Include it with
//! `#[path = "../../examples/local/atlassian_standin.rs"] mod atlassian_standin;` from
//! `tests/<dir>/*.rs`, `#[path = "../examples/local/atlassian_standin.rs"]` from
//! `tests/*.rs`, or `#[path = "local/atlassian_standin.rs"]` from `examples/*.rs`
//! (each with `#[allow(dead_code)]`), and `oauth_standin.rs` next to it as `mod oauth_standin`
//! (the shared code and token bookkeeping).
//!
//! One HTTP/1.1 server on `127.0.0.1:<port>` serves both hosts, so point both
//! `BGAGENT_ATLASSIAN_AUTH_URL` and `BGAGENT_ATLASSIAN_API_URL` at [`Standin::url`].
//!
//! It is stricter than the real service wherever the real behaviour is undocumented:
//! - the token endpoint accepts JSON bodies only (a form body is rejected);
//! - the client secret must be in the body (a Basic header does not count);
//! - PKCE (`S256`) is mandatory and verified;
//! - refresh tokens rotate with no reuse leeway (the real service allows 10 minutes);
//! - an authorization code is burned by the first exchange attempt that names it,
//!   whether or not that attempt succeeds.
//!
//! Every rejection is recorded in [`Counts::rejected`] under a short reason string
//! (the `REASON_*`-style strings listed on each handler), so tests can assert on *why*
//! a request failed, not only that it did.
//!
//! The HTTP server is a small std-only one (one thread per connection, `Connection:
//! close` on every answer) rather than `tiny_http`: `tiny_http` 0.12 drains an unread
//! request body by allocating its whole declared `Content-Length` at once, so a bogus
//! huge length would abort the process instead of getting a 413.
//!
//! The module has no `#![allow(dead_code)]` of its own (clippy would flag it as a
//! duplicate of the usual outer one): put `#[allow(dead_code)]` on the `mod` item.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::{Value, json};

// The code, token and rotation bookkeeping, shared with the Linear stand-in (the includer
// includes `oauth_standin.rs` next to this file).
use super::oauth_standin as oauth;
pub use oauth::random_uuid;
use oauth::{AccessRefusal, CodeRefusal, OAuthBook, RefreshStatus, TokenStyle};

/// Largest request body read; anything longer gets `413`.
pub const MAX_BODY: usize = 1 << 20;
/// Largest request head (request line and headers); anything longer gets `431`.
const MAX_HEAD: usize = 64 * 1024;
/// Most header lines accepted in one request.
const MAX_HEADERS: usize = 100;
/// Read/write timeout per connection: a stalled client only holds its own thread.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// How long an authorization code stays exchangeable (the default; see
/// [`Standin::set_code_ttl`]).
pub const CODE_TTL_SECS: u64 = 600;
/// Default access-token lifetime, as Atlassian's `expires_in`.
pub const ACCESS_TOKEN_TTL_SECS: u64 = 3600;

/// The only accepted `audience`.
pub const AUDIENCE: &str = "api.atlassian.com";
/// Scopes `/authorize` insists on.
pub const REQUIRED_SCOPES: [&str; 2] = ["read:jira-work", "read:jira-user"];
/// Scopes the stand-in's "app" has been given in the developer console (plus
/// `offline_access`, which is requested in the URL only). Anything else is `invalid_scope`.
pub const KNOWN_SCOPES: [&str; 8] = [
    "read:jira-work",
    "write:jira-work",
    "read:jira-user",
    "manage:jira-project",
    "manage:jira-configuration",
    "manage:jira-webhook",
    "read:me",
    "offline_access",
];
/// The scope set `bgagent` requests, used by [`Standin::mint_tokens`].
pub const DEFAULT_SCOPES: [&str; 4] = [
    "read:jira-work",
    "write:jira-work",
    "read:jira-user",
    "offline_access",
];
/// Scopes each default site carries in `accessible-resources`.
pub const SITE_SCOPES: [&str; 3] = ["read:jira-work", "write:jira-work", "read:jira-user"];

/// Text of the page shown (with HTTP 400 and no redirect) for an unknown client or an
/// unregistered `redirect_uri`.
pub const INVALID_CALLBACK_TEXT: &str = "The app's callback URL is invalid";
/// `error_description` on the redirect after the user clicks Cancel.
pub const DENY_DESCRIPTION: &str = "User did not authorize the request";
/// `error_description` of every refused refresh token.
pub const INVALID_REFRESH_DESCRIPTION: &str = "Unknown or invalid refresh token.";

/// Prefix of access tokens (for secret-leak scans).
pub const ACCESS_TOKEN_PREFIX: &str = "sa_at_";
/// Prefix of refresh tokens (for secret-leak scans).
pub const REFRESH_TOKEN_PREFIX: &str = "sa_rt_";
/// Prefix of authorization codes.
pub const CODE_PREFIX: &str = "sa_ac_";

/// Id of the first site of [`Site::defaults`] (the example binary's "Acme"). [`Config::new`]
/// does not use it: its site gets a fresh random id, so that tests sharing one AWS stand-in
/// (where per-site secret names are global) do not collide.
pub const ACME_CLOUD_ID: &str = "3f2c8a91-6d4e-4b7a-9e15-c0a8d7b2f463";
/// Account id of the default "myself" (a site admin).
pub const ADMIN_ACCOUNT_ID: &str = "712020:6a1f0c3e-2b7d-4e95-8c41-d93a5b07e2f1";

const AVATAR_URL: &str =
    "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/flag.png";

// ---------------------------------------------------------------------------------------
// Public configuration types
// ---------------------------------------------------------------------------------------

/// One entry of `accessible-resources`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The cloudId.
    pub id: String,
    pub name: String,
    pub url: String,
    pub scopes: Vec<String>,
}

impl Site {
    /// A Jira site with [`SITE_SCOPES`].
    pub fn jira(id: &str, name: &str, url: &str) -> Site {
        Site {
            id: id.to_string(),
            name: name.to_string(),
            url: url.to_string(),
            scopes: SITE_SCOPES.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// "Acme" (`https://acme.atlassian.net`) with a fresh random cloudId.
    pub fn acme_random() -> Site {
        Site::jira(&random_uuid(), "Acme", "https://acme.atlassian.net")
    }

    /// `n` Jira sites with fixed ids: "Acme" ([`ACME_CLOUD_ID`], `https://acme.atlassian.net`), then
    /// "Acme 2" (`https://acme-2.atlassian.net`) and so on, each with a fixed id.
    pub fn defaults(n: usize) -> Vec<Site> {
        (0..n)
            .map(|i| {
                if i == 0 {
                    Site::jira(ACME_CLOUD_ID, "Acme", "https://acme.atlassian.net")
                } else {
                    let k = i + 1;
                    Site::jira(
                        &format!(
                            "3f2c8a91-6d4e-4b7a-9e15-{:012x}",
                            0xc0a8_d7b2_f463_u64 + i as u64
                        ),
                        &format!("Acme {k}"),
                        &format!("https://acme-{k}.atlassian.net"),
                    )
                }
            })
            .collect()
    }
}

/// A Jira user as `/myself`, `/user` and `/user/search` report it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub account_id: String,
    pub display_name: String,
    /// `None`: hidden by the user's privacy settings (the field is omitted).
    pub email: Option<String>,
    pub active: bool,
    /// `"atlassian"`, `"app"` or `"customer"`.
    pub account_type: String,
}

impl User {
    fn new(id: &str, name: &str, email: Option<&str>, active: bool, kind: &str) -> User {
        User {
            account_id: id.to_string(),
            display_name: name.to_string(),
            email: email.map(str::to_string),
            active,
            account_type: kind.to_string(),
        }
    }

    /// The default directory: an admin (myself), two people whose names start with
    /// "Sam", one more active person with a hidden email, a deactivated person and an
    /// app account.
    pub fn defaults() -> Vec<User> {
        vec![
            User::new(
                ADMIN_ACCOUNT_ID,
                "Alex Admin",
                Some("alex.admin@acme.example"),
                true,
                "atlassian",
            ),
            User::new(
                "712020:0b9e4f27-5c3a-4d18-a6e2-71f8c90d3b54",
                "Sam Rivera",
                Some("sam.rivera@acme.example"),
                true,
                "atlassian",
            ),
            User::new(
                "712020:c4d81a6f-93e2-4b07-8f5d-2a6b1e0c97d3",
                "Samantha Lee",
                Some("samantha.lee@acme.example"),
                true,
                "atlassian",
            ),
            User::new(
                "5d8f2a1b9c3e4f0012ab34cd",
                "Jordan Quinn",
                None,
                true,
                "atlassian",
            ),
            User::new(
                "712020:e7a3b5c9-1d24-4f6e-b80a-5c9d2e4f1a67",
                "Pat Former",
                Some("pat.former@acme.example"),
                false,
                "atlassian",
            ),
            User::new(
                "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077",
                "Automation for Jira",
                None,
                true,
                "app",
            ),
        ]
    }
}

/// What the (simulated) user does on the consent screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    Allow,
    Deny,
}

/// The registered app and the directory behind it.
#[derive(Clone)]
pub struct Config {
    pub client_id: String,
    pub client_secret: String,
    /// The one registered callback; `/authorize` and the code exchange compare byte for byte.
    pub redirect_uri: String,
    pub sites: Vec<Site>,
    pub users: Vec<User>,
    pub consent: Consent,
    pub access_token_ttl_secs: u64,
    /// Whom `/myself` answers for; should be one of `users`.
    pub myself_account_id: String,
}

impl Config {
    /// One site ("Acme", `https://acme.atlassian.net`, a random-looking cloudId that is
    /// fresh for every `Config`; read it back with [`Handle::sites`]), the default users
    /// ([`User::defaults`]), consent given, 1 h tokens.
    pub fn new(client_id: &str, client_secret: &str, redirect_uri: &str) -> Config {
        Config {
            client_id: client_id.to_string(),
            client_secret: client_secret.to_string(),
            redirect_uri: redirect_uri.to_string(),
            sites: vec![Site::acme_random()],
            users: User::defaults(),
            consent: Consent::Allow,
            access_token_ttl_secs: ACCESS_TOKEN_TTL_SECS,
            myself_account_id: ADMIN_ACCOUNT_ID.to_string(),
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("redirect_uri", &self.redirect_uri)
            .field("sites", &self.sites)
            .field("users", &self.users)
            .field("consent", &self.consent)
            .field("access_token_ttl_secs", &self.access_token_ttl_secs)
            .field("myself_account_id", &self.myself_account_id)
            .finish()
    }
}

/// What the stand-in has seen so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Requests to `/authorize` (any outcome, including injected faults).
    pub authorize: u32,
    /// `POST /oauth/token` requests whose body names `grant_type=authorization_code`
    /// (any outcome; JSON or form body). Injected faults are not counted here.
    pub code_exchanges: u32,
    /// `POST /oauth/token` requests whose body names `grant_type=refresh_token`
    /// (any outcome). [`Standin::rotate_refresh_token_externally`] is not counted.
    pub refreshes: u32,
    /// Reason of every rejection, in order (e.g. `"pkce_mismatch"`).
    pub rejected: Vec<String>,
    /// Requests to `accessible-resources` and `/ex/jira/...` (any outcome, including
    /// injected faults).
    pub api_calls: u32,
    /// Requests answered by [`Standin::fail_next`] fault injection.
    pub faulted: u32,
}

// ---------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------

struct Fault {
    prefix: String,
    status: u16,
    retry_after: Option<u64>,
    remaining: u32,
}

struct State {
    cfg: Config,
    /// Codes (and their lifetime), access and refresh tokens.
    book: OAuthBook,
    faults: Vec<Fault>,
    counts: Counts,
    last_authorize: Option<Vec<(String, String)>>,
    /// Jira issues by key: their `fields` object (see [`Handle::set_issue`]).
    issues: HashMap<String, Value>,
}

struct Inner {
    state: Mutex<State>,
    base: String,
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Atlassian's token shapes: a prefix and 36 random bytes, base64url.
const TOKENS: TokenStyle = TokenStyle {
    access_prefix: ACCESS_TOKEN_PREFIX,
    refresh_prefix: REFRESH_TOKEN_PREFIX,
    code_prefix: CODE_PREFIX,
    mint: oauth::token_b64,
};

impl State {
    fn reject(&mut self, reason: &str) {
        self.counts.rejected.push(reason.to_string());
    }

    /// Issues an access token, plus a refresh token when `offline_access` is in `scope`.
    fn issue(&mut self, client_id: &str, scope: &[String]) -> (String, Option<String>) {
        let ttl = Duration::from_secs(self.cfg.access_token_ttl_secs);
        let offline = scope.iter().any(|s| s == "offline_access");
        let i = self.book.issue(client_id, scope, ttl, offline);
        (i.access, i.refresh)
    }

    /// Rotates a current refresh token: the old one is disabled at once.
    fn rotate(&mut self, current: &str) -> Option<(String, String, Vec<String>)> {
        let ttl = Duration::from_secs(self.cfg.access_token_ttl_secs);
        let i = self.book.rotate(current, ttl)?;
        Some((i.access, i.refresh?, i.scope))
    }

    /// Takes one shot of the first matching fault, bumping the path-based counters.
    fn take_fault(&mut self, path: &str) -> Option<Reply> {
        let f = self
            .faults
            .iter_mut()
            .find(|f| f.remaining > 0 && path.starts_with(&f.prefix))?;
        f.remaining -= 1;
        let (status, retry_after) = (f.status, f.retry_after);
        self.faults.retain(|f| f.remaining > 0);
        self.counts.faulted += 1;
        if path == "/authorize" {
            self.counts.authorize += 1;
        }
        if is_api_path(path) {
            self.counts.api_calls += 1;
        }
        let desc = format!("Injected fault: HTTP {status} {}", reason_phrase(status));
        let error = match status {
            429 => "rate_limited",
            401 => "access_denied",
            403 => "forbidden",
            404 => "not_found",
            400..=499 => "invalid_request",
            _ => "server_error",
        };
        let mut r = Reply::json(
            status,
            json!({"error": error, "error_description": desc, "errorMessages": [desc]}),
        );
        if let Some(secs) = retry_after {
            r.headers.push(("Retry-After".into(), secs.to_string()));
        }
        if status == 429 && path.starts_with("/ex/") {
            r.headers
                .push(("RateLimit-Reason".into(), "jira-burst-based".into()));
        }
        Some(r)
    }
}

fn is_api_path(path: &str) -> bool {
    path == "/oauth/token/accessible-resources" || path.starts_with("/ex/")
}

// ---------------------------------------------------------------------------------------
// The server handle
// ---------------------------------------------------------------------------------------

/// A running stand-in. Dropping it stops accepting connections. All the controls live on
/// [`Handle`], which `Standin` derefs to; [`Standin::clone_handle`] gives a `Send + Sync`
/// copy for other threads (e.g. a proxy simulating another writer).
pub struct Standin {
    handle: Handle,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

/// Controls and inspection of a running stand-in; cheap to clone. Using a handle after
/// its [`Standin`] was dropped only touches the (now unserved) state.
#[derive(Clone)]
pub struct Handle {
    inner: Arc<Inner>,
}

impl Standin {
    /// Starts on `127.0.0.1` with an OS-chosen port. Panics if it cannot bind.
    pub fn start(cfg: Config) -> Standin {
        Standin::start_on(cfg, 0).expect("binding the Atlassian stand-in to 127.0.0.1")
    }

    /// Starts on `127.0.0.1:port` (`0`: OS-chosen).
    pub fn start_on(cfg: Config, port: u16) -> io::Result<Standin> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))?;
        let addr = listener.local_addr()?;
        let inner = Arc::new(Inner {
            state: Mutex::new(State {
                cfg,
                book: OAuthBook::new(TOKENS, Duration::from_secs(CODE_TTL_SECS)),
                faults: Vec::new(),
                counts: Counts::default(),
                last_authorize: None,
                issues: HashMap::new(),
            }),
            base: format!("http://{addr}"),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let acceptor = {
            let inner = Arc::clone(&inner);
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("atlassian-standin-accept".into())
                .spawn(move || accept_loop(listener, inner, stop))?
        };
        Ok(Standin {
            handle: Handle { inner },
            addr,
            stop,
            acceptor: Some(acceptor),
        })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A clonable, `Send + Sync` handle with all the controls.
    pub fn clone_handle(&self) -> Handle {
        self.handle.clone()
    }
}

impl std::ops::Deref for Standin {
    type Target = Handle;

    fn deref(&self) -> &Handle {
        &self.handle
    }
}

impl Handle {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub fn url(&self) -> String {
        self.inner.base.clone()
    }

    pub fn set_consent(&self, c: Consent) {
        self.inner.lock().cfg.consent = c;
    }

    pub fn set_sites(&self, sites: Vec<Site>) {
        self.inner.lock().cfg.sites = sites;
    }

    /// The sites `accessible-resources` lists now.
    pub fn sites(&self) -> Vec<Site> {
        self.inner.lock().cfg.sites.clone()
    }

    pub fn set_users(&self, users: Vec<User>) {
        self.inner.lock().cfg.users = users;
    }

    /// The users the Jira endpoints know now.
    pub fn users(&self) -> Vec<User> {
        self.inner.lock().cfg.users.clone()
    }

    /// Lifetime of access tokens issued from now on (`0`: already expired when issued).
    pub fn set_access_token_ttl(&self, secs: u64) {
        self.inner.lock().cfg.access_token_ttl_secs = secs;
    }

    /// How long codes stay exchangeable, for codes issued before or after (checked at the
    /// exchange; `0`: every code is expired).
    pub fn set_code_ttl(&self, secs: u64) {
        self.inner.lock().book.code_ttl = Duration::from_secs(secs);
    }

    /// A valid (access, refresh) pair for [`DEFAULT_SCOPES`], as if a code exchange had
    /// happened. Not counted.
    pub fn mint_tokens(&self) -> (String, String) {
        let mut st = self.inner.lock();
        let client = st.cfg.client_id.clone();
        let scope: Vec<String> = DEFAULT_SCOPES.iter().map(|s| s.to_string()).collect();
        let (access, refresh) = st.issue(&client, &scope);
        (access, refresh.expect("DEFAULT_SCOPES has offline_access"))
    }

    /// Another writer (e.g. a Lambda) refreshes with `current`: returns the new (access,
    /// refresh) pair, and `current` is disabled. `None` if `current` is not a current
    /// refresh token. Not counted in [`Counts::refreshes`].
    pub fn rotate_refresh_token_externally(&self, current: &str) -> Option<(String, String)> {
        let (access, refresh, _) = self.inner.lock().rotate(current)?;
        Some((access, refresh))
    }

    /// Every code, access token and refresh token issued so far becomes invalid.
    pub fn revoke_all(&self) {
        let mut st = self.inner.lock();
        st.book.burn_codes();
        st.book.revoke_tokens();
    }

    /// The next `times` requests whose path starts with `path_prefix` get HTTP `status`
    /// with a JSON error body (and `Retry-After: <secs>` when given), before any other
    /// handling. Rules queue up; the oldest matching one is used first.
    pub fn fail_next(&self, path_prefix: &str, status: u16, retry_after: Option<u64>, times: u32) {
        if times == 0 {
            return;
        }
        self.inner.lock().faults.push(Fault {
            prefix: path_prefix.to_string(),
            status,
            retry_after,
            remaining: times,
        });
    }

    pub fn counts(&self) -> Counts {
        self.inner.lock().counts.clone()
    }

    /// The decoded query of the latest `/authorize` request (even a rejected one), in order.
    pub fn last_authorize_query(&self) -> Option<Vec<(String, String)>> {
        self.inner.lock().last_authorize.clone()
    }

    /// Creates or replaces Jira issue `key` (e.g. `CR-2025-1042`) with its `fields` object, e.g.
    /// `{"status": {"name": "Approved"}, "customfield_10100": {"value": "Change Manager"}}`.
    /// `GET /ex/jira/<cloudId>/rest/api/3/issue/<key>?fields=a,b` answers with the requested
    /// fields that exist (like Jira, unknown or empty fields are left out).
    pub fn set_issue(&self, key: &str, fields: Value) {
        self.inner.lock().issues.insert(key.to_string(), fields);
    }

    /// Deletes an issue (it then answers 404, as do issues the token cannot see).
    pub fn remove_issue(&self, key: &str) {
        self.inner.lock().issues.remove(key);
    }

    /// Whether `token` is a refresh token that can be used right now.
    pub fn is_current_refresh_token(&self, token: &str) -> bool {
        self.inner.lock().book.is_current_refresh(token)
    }
}

impl Drop for Standin {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept().
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(h) = self.acceptor.take() {
            let _ = h.join();
        }
    }
}

fn accept_loop(listener: TcpListener, inner: Arc<Inner>, stop: Arc<AtomicBool>) {
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = conn else {
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        let inner = Arc::clone(&inner);
        // If no thread can be spawned the connection is dropped (closed).
        let _ = std::thread::Builder::new()
            .name("atlassian-standin-conn".into())
            .spawn(move || serve_connection(&inner, stream));
    }
}

// ---------------------------------------------------------------------------------------
// HTTP/1.1 plumbing
// ---------------------------------------------------------------------------------------

struct Request {
    method: String,
    path: String,
    query: Option<String>,
    /// Names lower-cased, values trimmed, in order.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn query_pairs(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(self.query.as_deref().unwrap_or("").as_bytes())
            .into_owned()
            .collect()
    }
}

struct Reply {
    status: u16,
    content_type: &'static str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn json(status: u16, v: Value) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            headers: Vec::new(),
            body: v.to_string().into_bytes(),
        }
    }

    /// An OAuth-style error: `{"error", "error_description"}`.
    fn oauth(status: u16, error: &str, description: &str) -> Reply {
        Reply::json(
            status,
            json!({"error": error, "error_description": description}),
        )
    }

    /// A Jira-style error: `{"errorMessages": [...], "errors": {}}`.
    fn jira(status: u16, message: &str) -> Reply {
        Reply::json(status, json!({"errorMessages": [message], "errors": {}}))
    }

    /// The API gateway's 401.
    fn gateway_401(message: &str) -> Reply {
        let mut r = Reply::json(401, json!({"code": 401, "message": message}));
        r.headers.push((
            "WWW-Authenticate".into(),
            "Bearer realm=\"api.atlassian.com\"".into(),
        ));
        r
    }

    fn html(status: u16, title: &str, text: &str) -> Reply {
        let body = format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{t}</title></head>\
             <body><h1>{t}</h1><p>{x}</p></body></html>\n",
            t = html_escape(title),
            x = html_escape(text)
        );
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            headers: Vec::new(),
            body: body.into_bytes(),
        }
    }

    fn redirect(location: String) -> Reply {
        Reply {
            status: 302,
            content_type: "text/plain; charset=utf-8",
            headers: vec![("Location".into(), location)],
            body: b"Found".to_vec(),
        }
    }

    fn no_store(mut self) -> Reply {
        self.headers
            .push(("Cache-Control".into(), "no-store".into()));
        self.headers.push(("Pragma".into(), "no-cache".into()));
        self
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

/// Why a request could not be read.
enum ReadFail {
    /// The peer went away or timed out: nothing to answer.
    Gone,
    /// Malformed or too large: answer this and record the reason.
    Reply(Reply, &'static str),
}

fn bad_request(reason: &'static str, what: &str) -> ReadFail {
    ReadFail::Reply(Reply::oauth(400, "invalid_request", what), reason)
}

fn too_large() -> ReadFail {
    ReadFail::Reply(
        Reply::oauth(413, "invalid_request", "Request body is larger than 1 MiB"),
        "body_too_large",
    )
}

fn serve_connection(inner: &Inner, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let reply = match read_request(&mut stream) {
        Ok(req) => route(inner, &req),
        Err(ReadFail::Gone) => return,
        Err(ReadFail::Reply(r, reason)) => {
            inner.lock().reject(reason);
            r
        }
    };
    if write_reply(&mut stream, &reply).is_err() {
        return;
    }
    // Let the client see the answer before the socket goes away: stop writing, then
    // swallow (a bounded amount of) whatever it still sends, e.g. a body we refused.
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 8192];
    let mut drained = 0usize;
    while drained < 8 * MAX_BODY {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

fn find_subslice(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn is_token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn read_request(stream: &mut TcpStream) -> Result<Request, ReadFail> {
    // Head: up to the blank line.
    let mut buf: Vec<u8> = Vec::with_capacity(2048);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(pos) = find_subslice(&buf, b"\r\n\r\n") {
            break pos;
        }
        if buf.len() > MAX_HEAD {
            return Err(ReadFail::Reply(
                Reply::oauth(431, "invalid_request", "Request head is too large"),
                "head_too_large",
            ));
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(ReadFail::Gone),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let leftover = buf[head_end + 4..].to_vec();
    let head = std::str::from_utf8(&buf[..head_end])
        .map_err(|_| bad_request("bad_http", "Request head is not valid UTF-8"))?;
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or("");
    let parts: Vec<&str> = request_line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return Err(bad_request("bad_http", "Malformed request line"));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(bad_request("bad_http", "Malformed method"));
    }
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return Err(bad_request("bad_http", "Unsupported HTTP version"));
    }
    if !target.starts_with('/') || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(bad_request("bad_http", "Malformed request target"));
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), Some(q.to_string())),
        None => (target.to_string(), None),
    };
    let mut headers = Vec::new();
    for line in lines {
        if headers.len() >= MAX_HEADERS {
            return Err(ReadFail::Reply(
                Reply::oauth(431, "invalid_request", "Too many header fields"),
                "head_too_large",
            ));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(bad_request("bad_http", "Malformed header line"));
        };
        if name.is_empty() || !name.bytes().all(is_token_char) {
            return Err(bad_request("bad_http", "Malformed header name"));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    let mut req = Request {
        method: method.to_string(),
        path,
        query,
        headers,
        body: Vec::new(),
    };

    // Body.
    let lengths = req.headers_named("content-length");
    let chunked = match req.headers_named("transfer-encoding")[..] {
        [] => false,
        [te] if te.eq_ignore_ascii_case("chunked") => true,
        _ => {
            return Err(ReadFail::Reply(
                Reply::oauth(501, "invalid_request", "Unsupported Transfer-Encoding"),
                "bad_http",
            ));
        }
    };
    if chunked && !lengths.is_empty() {
        return Err(bad_request(
            "bad_http",
            "Both Content-Length and Transfer-Encoding",
        ));
    }
    let length: Option<u64> = match lengths[..] {
        [] => None,
        [first, ..] => {
            if lengths.iter().any(|l| *l != first)
                || first.is_empty()
                || !first.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(bad_request("bad_http", "Malformed Content-Length"));
            }
            Some(first.parse::<u64>().unwrap_or(u64::MAX))
        }
    };
    if length.is_some_and(|l| l > MAX_BODY as u64) {
        return Err(too_large());
    }
    let expects_continue = match req.header("expect") {
        None => false,
        Some(v) if v.eq_ignore_ascii_case("100-continue") => true,
        Some(_) => {
            return Err(ReadFail::Reply(
                Reply::oauth(417, "invalid_request", "Unsupported Expect"),
                "bad_http",
            ));
        }
    };
    if expects_continue && (chunked || length.is_some_and(|l| l > 0)) {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    if let Some(len) = length {
        let len = len as usize;
        let mut body = leftover;
        body.truncate(len);
        while body.len() < len {
            let want = (len - body.len()).min(chunk.len());
            match stream.read(&mut chunk[..want]) {
                Ok(0) | Err(_) => return Err(ReadFail::Gone),
                Ok(n) => body.extend_from_slice(&chunk[..n]),
            }
        }
        req.body = body;
    } else if chunked {
        req.body = read_chunked(io::Cursor::new(leftover).chain(&mut *stream))?;
    }
    Ok(req)
}

fn read_chunked<R: Read>(src: R) -> Result<Vec<u8>, ReadFail> {
    let mut r = BufReader::new(src);
    let mut body = Vec::new();
    let mut line = Vec::new();
    let read_line = |r: &mut BufReader<R>, line: &mut Vec<u8>| -> Result<(), ReadFail> {
        line.clear();
        match (&mut *r).take(4096).read_until(b'\n', line) {
            Ok(0) | Err(_) => Err(ReadFail::Gone),
            Ok(_) if !line.ends_with(b"\n") => Err(bad_request("bad_http", "Chunk line too long")),
            Ok(_) => {
                while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    line.pop();
                }
                Ok(())
            }
        }
    };
    loop {
        read_line(&mut r, &mut line)?;
        let size_text = line.split(|b| *b == b';').next().unwrap_or(&[]);
        let size_text = std::str::from_utf8(size_text)
            .map_err(|_| bad_request("bad_http", "Malformed chunk size"))?
            .trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| bad_request("bad_http", "Malformed chunk size"))?;
        if size == 0 {
            // Trailer section, up to the blank line.
            for _ in 0..MAX_HEADERS {
                read_line(&mut r, &mut line)?;
                if line.is_empty() {
                    return Ok(body);
                }
            }
            return Err(bad_request("bad_http", "Too many trailer fields"));
        }
        if size > MAX_BODY || body.len() + size > MAX_BODY {
            return Err(too_large());
        }
        let start = body.len();
        body.resize(start + size, 0);
        if r.read_exact(&mut body[start..]).is_err() {
            return Err(ReadFail::Gone);
        }
        read_line(&mut r, &mut line)?;
        if !line.is_empty() {
            return Err(bad_request("bad_http", "Chunk data overruns its size"));
        }
    }
}

fn write_reply(stream: &mut TcpStream, r: &Reply) -> io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        r.status,
        reason_phrase(r.status),
        r.content_type,
        r.body.len()
    );
    for (k, v) in &r.headers {
        // Header values here are built by this module; keep them on one line regardless.
        let v: String = v.chars().filter(|c| *c != '\r' && *c != '\n').collect();
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(&r.body);
    stream.write_all(&bytes)?;
    stream.flush()
}

/// Percent-encodes everything but RFC 3986 unreserved characters (spaces become `%20`).
fn pct(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn with_query(base: &str, params: &[(&str, &str)]) -> String {
    let mut out = base.to_string();
    let mut sep = if base.contains('?') { '&' } else { '?' };
    for (k, v) in params {
        out.push(sep);
        out.push_str(&pct(k));
        out.push('=');
        out.push_str(&pct(v));
        sep = '&';
    }
    out
}

// ---------------------------------------------------------------------------------------
// Routing and handlers
// ---------------------------------------------------------------------------------------

fn route(inner: &Inner, req: &Request) -> Reply {
    if let Some(r) = inner.lock().take_fault(&req.path) {
        return r;
    }
    match req.path.as_str() {
        "/authorize" => authorize(inner, req),
        "/oauth/token" => token(inner, req),
        "/oauth/token/accessible-resources" => accessible_resources(inner, req),
        p if p.starts_with("/ex/jira/") => jira(inner, req),
        p => {
            let mut st = inner.lock();
            if p.starts_with("/ex/") {
                st.counts.api_calls += 1;
            }
            st.reject("unknown_path");
            Reply::oauth(404, "not_found", &format!("No such resource: {p}"))
        }
    }
}

fn method_not_allowed(st: &mut State, allowed: &str) -> Reply {
    st.reject("method_not_allowed");
    let mut r = Reply::oauth(405, "invalid_request", "Method not allowed");
    r.headers.push(("Allow".into(), allowed.into()));
    r
}

/// `GET /authorize`. Reasons: `method_not_allowed`, `duplicate_param`, `unknown_client`,
/// `redirect_uri_invalid` (these two: HTML 400, no redirect), `bad_audience`,
/// `bad_response_type`, `missing_scope`, `unknown_scope`, `missing_required_scope`,
/// `missing_state`, `bad_prompt`, `pkce_challenge_missing`, `pkce_challenge_invalid`,
/// `pkce_method`. A denied consent is not a rejection.
fn authorize(inner: &Inner, req: &Request) -> Reply {
    let mut st = inner.lock();
    st.counts.authorize += 1;
    let pairs = req.query_pairs();
    st.last_authorize = Some(pairs.clone());
    if req.method != "GET" {
        return method_not_allowed(&mut st, "GET");
    }
    let mut seen = HashSet::new();
    if let Some((dup, _)) = pairs.iter().find(|(k, _)| !seen.insert(k.as_str())) {
        st.reject("duplicate_param");
        return Reply::oauth(
            400,
            "invalid_request",
            &format!("Parameter '{dup}' is given more than once"),
        );
    }
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let invalid_callback = || {
        Reply::html(
            400,
            "Something went wrong",
            &format!(
                "{INVALID_CALLBACK_TEXT}. Contact the app developer to fix the redirect URL in \
                 the app's settings."
            ),
        )
    };
    if get("client_id") != Some(st.cfg.client_id.as_str()) {
        st.reject("unknown_client");
        return invalid_callback();
    }
    if get("redirect_uri") != Some(st.cfg.redirect_uri.as_str()) {
        st.reject("redirect_uri_invalid");
        return invalid_callback();
    }
    let mut bad = |reason: &str, error: &str, desc: &str| {
        st.reject(reason);
        Reply::oauth(400, error, desc)
    };
    if get("audience") != Some(AUDIENCE) {
        return bad(
            "bad_audience",
            "invalid_request",
            "audience must be api.atlassian.com",
        );
    }
    if get("response_type") != Some("code") {
        return bad(
            "bad_response_type",
            "unsupported_response_type",
            "response_type must be code",
        );
    }
    let scope: Vec<String> = get("scope")
        .unwrap_or("")
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if scope.is_empty() {
        return bad("missing_scope", "invalid_scope", "scope is required");
    }
    if let Some(unknown) = scope.iter().find(|s| !KNOWN_SCOPES.contains(&s.as_str())) {
        return bad(
            "unknown_scope",
            "invalid_scope",
            &format!("Scope '{unknown}' is not configured for this app"),
        );
    }
    if let Some(missing) = REQUIRED_SCOPES
        .iter()
        .find(|r| !scope.iter().any(|s| s == *r))
    {
        return bad(
            "missing_required_scope",
            "invalid_scope",
            &format!("Scope '{missing}' is required"),
        );
    }
    let state = get("state").unwrap_or("");
    if state.is_empty() {
        return bad("missing_state", "invalid_request", "state is required");
    }
    if get("prompt") != Some("consent") {
        return bad("bad_prompt", "invalid_request", "prompt must be consent");
    }
    let Some(challenge) = get("code_challenge") else {
        return bad(
            "pkce_challenge_missing",
            "invalid_request",
            "code_challenge is required",
        );
    };
    if !oauth::is_s256_challenge(challenge) {
        return bad(
            "pkce_challenge_invalid",
            "invalid_request",
            "code_challenge must be 43 characters of base64url",
        );
    }
    if get("code_challenge_method") != Some("S256") {
        return bad(
            "pkce_method",
            "invalid_request",
            "code_challenge_method must be S256",
        );
    }
    let redirect = st.cfg.redirect_uri.clone();
    match st.cfg.consent {
        Consent::Deny => Reply::redirect(with_query(
            &redirect,
            &[
                ("error", "access_denied"),
                ("error_description", DENY_DESCRIPTION),
                ("state", state),
            ],
        )),
        Consent::Allow => {
            let client_id = st.cfg.client_id.clone();
            let code = st.book.grant_code(&client_id, &redirect, challenge, scope);
            Reply::redirect(with_query(&redirect, &[("code", &code), ("state", state)]))
        }
    }
}

/// `POST /oauth/token`. Reasons: `method_not_allowed`, `form_body`, `bad_content_type`,
/// `invalid_json`, `missing_client_id`, `unknown_client`, `missing_client_secret`,
/// `bad_client_secret`, `missing_grant_type`, `unsupported_grant_type`, then those of
/// [`exchange_code`] and [`refresh`].
fn token(inner: &Inner, req: &Request) -> Reply {
    let mut st = inner.lock();
    if req.method != "POST" {
        return method_not_allowed(&mut st, "POST");
    }
    let mime = req
        .header("content-type")
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let count = |st: &mut State, grant: Option<&str>| match grant {
        Some("authorization_code") => st.counts.code_exchanges += 1,
        Some("refresh_token") => st.counts.refreshes += 1,
        _ => {}
    };
    if mime == "application/x-www-form-urlencoded" {
        let grant = url::form_urlencoded::parse(&req.body)
            .find(|(k, _)| k == "grant_type")
            .map(|(_, v)| v.into_owned());
        count(&mut st, grant.as_deref());
        st.reject("form_body");
        return Reply::oauth(
            400,
            "invalid_request",
            "The request body must be JSON (Content-Type: application/json)",
        )
        .no_store();
    }
    if mime != "application/json" {
        st.reject("bad_content_type");
        return Reply::oauth(
            400,
            "invalid_request",
            "The request body must be JSON (Content-Type: application/json)",
        )
        .no_store();
    }
    let body: serde_json::Map<String, Value> = match serde_json::from_slice(&req.body) {
        Ok(Value::Object(m)) => m,
        _ => {
            st.reject("invalid_json");
            return Reply::oauth(
                400,
                "invalid_request",
                "The request body is not a JSON object",
            )
            .no_store();
        }
    };
    let field = |k: &str| {
        body.get(k)
            .and_then(Value::as_str)
            .filter(|v| !v.is_empty())
    };
    let grant = field("grant_type");
    count(&mut st, grant);
    let unauthorized = |st: &mut State, reason: &str| {
        st.reject(reason);
        Reply::oauth(401, "access_denied", "Unauthorized").no_store()
    };
    let client_id = match field("client_id") {
        None => return unauthorized(&mut st, "missing_client_id"),
        Some(c) if c != st.cfg.client_id => return unauthorized(&mut st, "unknown_client"),
        Some(c) => c.to_string(),
    };
    match field("client_secret") {
        None => return unauthorized(&mut st, "missing_client_secret"),
        Some(s) if s != st.cfg.client_secret => {
            return unauthorized(&mut st, "bad_client_secret");
        }
        Some(_) => {}
    }
    let reply = match grant {
        None => {
            st.reject("missing_grant_type");
            Reply::oauth(400, "invalid_request", "grant_type is required")
        }
        Some("authorization_code") => exchange_code(&mut st, &client_id, &field),
        Some("refresh_token") => refresh(&mut st, &client_id, field("refresh_token")),
        Some(other) => {
            st.reject("unsupported_grant_type");
            Reply::oauth(
                400,
                "unsupported_grant_type",
                &format!("Grant type '{other}' is not supported"),
            )
        }
    };
    reply.no_store()
}

fn token_reply(st: &State, access: &str, refresh: Option<&str>, scope: &[String]) -> Reply {
    let mut v = json!({
        "access_token": access,
        "expires_in": st.cfg.access_token_ttl_secs,
        "scope": scope.join(" "),
        "token_type": "Bearer",
    });
    if let Some(r) = refresh {
        v["refresh_token"] = json!(r);
    }
    Reply::json(200, v)
}

/// `grant_type=authorization_code`. Reasons: `missing_code`, `unknown_code`,
/// `code_reuse`, `code_expired`, `code_client_mismatch`, `redirect_missing`,
/// `redirect_mismatch`, `pkce_missing`, `pkce_bad_verifier`, `pkce_mismatch`.
/// The first attempt that names a live code burns it, successful or not.
fn exchange_code<'a>(
    st: &mut State,
    client_id: &str,
    field: &dyn Fn(&str) -> Option<&'a str>,
) -> Reply {
    let invalid = |st: &mut State, reason: &str, desc: &str| {
        st.reject(reason);
        Reply::oauth(403, "invalid_grant", desc)
    };
    let Some(code) = field("code") else {
        st.reject("missing_code");
        return Reply::oauth(400, "invalid_request", "code is required");
    };
    let grant = match st.book.redeem_code(code) {
        Ok(g) => g,
        Err(refusal) => {
            let reason = match refusal {
                CodeRefusal::Unknown => "unknown_code",
                CodeRefusal::Reused => "code_reuse",
                CodeRefusal::Expired => "code_expired",
            };
            return invalid(st, reason, "Invalid authorization code");
        }
    };
    if grant.client_id != client_id {
        return invalid(st, "code_client_mismatch", "Invalid authorization code");
    }
    match field("redirect_uri") {
        None => {
            return invalid(
                st,
                "redirect_missing",
                "redirect_uri is required and must match the authorization request",
            );
        }
        Some(r) if r != grant.redirect_uri => {
            return invalid(
                st,
                "redirect_mismatch",
                "redirect_uri does not match the authorization request",
            );
        }
        Some(_) => {}
    }
    let Some(verifier) = field("code_verifier") else {
        return invalid(st, "pkce_missing", "Parameter 'code_verifier' is required");
    };
    if !oauth::is_well_formed_verifier(verifier) {
        return invalid(st, "pkce_bad_verifier", "Failed to verify code verifier");
    }
    if !grant.verifies(verifier) {
        return invalid(st, "pkce_mismatch", "Failed to verify code verifier");
    }
    let (access, refresh) = st.issue(client_id, &grant.scope);
    token_reply(st, &access, refresh.as_deref(), &grant.scope)
}

/// `grant_type=refresh_token`. Reasons: `missing_refresh_token`, `unknown_refresh`,
/// `refresh_reuse` (a rotated token), `revoked_refresh`, `refresh_client_mismatch`.
fn refresh(st: &mut State, client_id: &str, token: Option<&str>) -> Reply {
    let Some(token) = token else {
        st.reject("missing_refresh_token");
        return Reply::oauth(400, "invalid_request", "refresh_token is required");
    };
    let reason = match st.book.refresh_grant(token) {
        None => Some("unknown_refresh"),
        Some(g) if g.status == RefreshStatus::Rotated => Some("refresh_reuse"),
        Some(g) if g.status == RefreshStatus::Revoked => Some("revoked_refresh"),
        Some(g) if g.client_id != client_id => Some("refresh_client_mismatch"),
        Some(_) => None,
    };
    if let Some(reason) = reason {
        st.reject(reason);
        return Reply::oauth(403, "invalid_grant", INVALID_REFRESH_DESCRIPTION);
    }
    match st.rotate(token) {
        Some((access, refresh, scope)) => token_reply(st, &access, Some(&refresh), &scope),
        None => {
            st.reject("unknown_refresh");
            Reply::oauth(403, "invalid_grant", INVALID_REFRESH_DESCRIPTION)
        }
    }
}

/// Checks `Authorization: Bearer <token>`; returns the token's scope. Reasons:
/// `missing_bearer`, `bad_bearer`, `revoked_bearer`, `expired_bearer`.
fn authenticate(st: &mut State, req: &Request) -> Result<Vec<String>, Reply> {
    let values = req.headers_named("authorization");
    let reason = match values[..] {
        [] => "missing_bearer",
        [v] => match v.split_once(' ') {
            Some((scheme, tok)) if scheme.eq_ignore_ascii_case("bearer") => {
                match st.book.access(tok.trim()) {
                    Err(AccessRefusal::Unknown) => "bad_bearer",
                    Err(AccessRefusal::Revoked) => "revoked_bearer",
                    Err(AccessRefusal::Expired) => "expired_bearer",
                    Ok(g) => return Ok(g.scope.clone()),
                }
            }
            _ => "bad_bearer",
        },
        _ => "bad_bearer",
    };
    st.reject(reason);
    Err(Reply::gateway_401("Unauthorized"))
}

/// `GET /oauth/token/accessible-resources`.
fn accessible_resources(inner: &Inner, req: &Request) -> Reply {
    let mut st = inner.lock();
    st.counts.api_calls += 1;
    if req.method != "GET" {
        return method_not_allowed(&mut st, "GET");
    }
    if let Err(r) = authenticate(&mut st, req) {
        return r;
    }
    let sites: Vec<Value> = st
        .cfg
        .sites
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "name": s.name,
                "url": s.url,
                "scopes": s.scopes,
                "avatarUrl": AVATAR_URL,
            })
        })
        .collect();
    Reply::json(200, Value::Array(sites))
}

fn user_json(base: &str, cloud_id: &str, u: &User) -> Value {
    let mut v = json!({
        "self": format!("{base}/ex/jira/{cloud_id}/rest/api/3/user?accountId={}", pct(&u.account_id)),
        "accountId": u.account_id,
        "accountType": u.account_type,
        "active": u.active,
        "displayName": u.display_name,
        "timeZone": "Etc/UTC",
    });
    if let Some(e) = &u.email {
        v["emailAddress"] = json!(e);
    }
    v
}

/// Jira's user search matches the start of the display name, of any word in it, or of
/// the email address, case-insensitively.
fn user_matches(u: &User, query: &str) -> bool {
    let q = query.to_lowercase();
    let name = u.display_name.to_lowercase();
    name.starts_with(&q)
        || name.split_whitespace().any(|w| w.starts_with(&q))
        || u.email
            .as_deref()
            .is_some_and(|e| e.to_lowercase().starts_with(&q))
}

/// `GET /ex/jira/<cloudId>/rest/api/3/{myself,user,user/search}`. Reasons: those of
/// [`authenticate`], `method_not_allowed`, `unknown_cloud_id`, `scope_mismatch`,
/// `unknown_path`, `missing_account_id`, `unknown_user`, `missing_query`,
/// `bad_max_results`, `bad_start_at`, `myself_unknown`.
fn jira(inner: &Inner, req: &Request) -> Reply {
    let mut st = inner.lock();
    st.counts.api_calls += 1;
    if req.method != "GET" {
        return method_not_allowed(&mut st, "GET");
    }
    let scope = match authenticate(&mut st, req) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let rest = &req.path["/ex/jira/".len()..];
    let (cloud_id, tail) = rest.split_once('/').unwrap_or((rest, ""));
    if !st.cfg.sites.iter().any(|s| s.id == cloud_id) {
        st.reject("unknown_cloud_id");
        return Reply::jira(404, &format!("No Jira site with cloudId '{cloud_id}'"));
    }
    if !scope.iter().any(|s| s == "read:jira-user") {
        st.reject("scope_mismatch");
        return Reply::gateway_401("Unauthorized; scope does not match");
    }
    let q = req.query_pairs();
    let param = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let base = inner.base.as_str();
    match tail {
        "rest/api/3/myself" => {
            let me = st.cfg.myself_account_id.clone();
            match st.cfg.users.iter().find(|u| u.account_id == me) {
                Some(u) => {
                    let mut v = user_json(base, cloud_id, u);
                    v["locale"] = json!("en_US");
                    Reply::json(200, v)
                }
                None => {
                    st.reject("myself_unknown");
                    Reply::jira(404, "The current user does not exist")
                }
            }
        }
        "rest/api/3/user" => {
            let Some(id) = param("accountId").filter(|s| !s.is_empty()) else {
                st.reject("missing_account_id");
                return Reply::jira(400, "The query parameter 'accountId' is required.");
            };
            match st.cfg.users.iter().find(|u| u.account_id == id) {
                Some(u) => Reply::json(200, user_json(base, cloud_id, u)),
                None => {
                    st.reject("unknown_user");
                    Reply::jira(
                        404,
                        "Specified user does not exist or you do not have required permissions",
                    )
                }
            }
        }
        "rest/api/3/user/search" => {
            let Some(query) = param("query").filter(|s| !s.trim().is_empty()) else {
                st.reject("missing_query");
                return Reply::jira(400, "The query parameter 'query' is required.");
            };
            let max = match param("maxResults").map(str::parse::<usize>) {
                None => 50,
                Some(Ok(n)) => n.min(1000),
                Some(Err(_)) => {
                    st.reject("bad_max_results");
                    return Reply::jira(400, "maxResults must be a non-negative integer.");
                }
            };
            let start = match param("startAt").map(str::parse::<usize>) {
                None => 0,
                Some(Ok(n)) => n,
                Some(Err(_)) => {
                    st.reject("bad_start_at");
                    return Reply::jira(400, "startAt must be a non-negative integer.");
                }
            };
            let found: Vec<Value> = st
                .cfg
                .users
                .iter()
                .filter(|u| u.active && user_matches(u, query))
                .skip(start)
                .take(max)
                .map(|u| user_json(base, cloud_id, u))
                .collect();
            Reply::json(200, Value::Array(found))
        }
        t if t.starts_with("rest/api/3/issue/") => {
            let key = &t["rest/api/3/issue/".len()..];
            issue_reply(&mut st, &scope, base, cloud_id, key, param("fields"))
        }
        _ => {
            st.reject("unknown_path");
            Reply::jira(404, "No such Jira REST resource")
        }
    }
}

/// `GET …/rest/api/3/issue/<key>?fields=…`. Reasons: `scope_mismatch` (no `read:jira-work`),
/// `unknown_issue`. Keys are matched case-insensitively, as Jira does, and answered in their
/// stored form.
fn issue_reply(
    st: &mut State,
    scope: &[String],
    base: &str,
    cloud_id: &str,
    key: &str,
    fields: Option<&str>,
) -> Reply {
    if !scope.iter().any(|s| s == "read:jira-work") {
        st.reject("scope_mismatch");
        return Reply::gateway_401("Unauthorized; scope does not match");
    }
    let Some((stored_key, all)) = st
        .issues
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(k, v)| (k.clone(), v.clone()))
    else {
        st.reject("unknown_issue");
        return Reply::jira(
            404,
            "Issue does not exist or you do not have permission to see it.",
        );
    };
    let mut out = serde_json::Map::new();
    if let Value::Object(m) = &all {
        let wanted: Option<Vec<&str>> = fields.map(|f| {
            f.split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect()
        });
        for (k, v) in m {
            if v.is_null() || wanted.as_ref().is_some_and(|w| !w.contains(&k.as_str())) {
                continue;
            }
            out.insert(k.clone(), v.clone());
        }
    }
    let id = 10000 + stored_key.bytes().map(u64::from).sum::<u64>();
    Reply::json(
        200,
        json!({
            "expand": "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            "id": id.to_string(),
            "self": format!("{base}/ex/jira/{cloud_id}/rest/api/3/issue/{id}"),
            "key": stored_key,
            "fields": Value::Object(out),
        }),
    )
}
