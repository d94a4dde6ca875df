//! A strict local stand-in for Linear's OAuth 2.0 server (`linear.app/oauth/authorize`,
//! `api.linear.app/oauth/token`) and the parts of its GraphQL API (`api.linear.app/graphql`)
//! that `bgagent linear` uses: `viewer`, `organization`, `teams`, `users`, `projects`.
//!
//! This file is a module, not a crate root. Include it with
//! `#[path = "../../examples/local/linear_standin.rs"] #[allow(dead_code)] mod linear_standin;`
//! (paths relative to the including file), and `oauth_standin.rs` next to it as
//! `mod oauth_standin` (the code and token bookkeeping shared with the Atlassian stand-in).
//! One loopback HTTP server serves both hosts: point
//! `BGAGENT_LINEAR_AUTH_URL` and `BGAGENT_LINEAR_API_URL` at [`LinearStandin::url`].
//!
//! Strict where the real service is lenient or undocumented (each refusal is recorded in
//! [`Counts::rejected`] under a short reason):
//! - `/oauth/authorize`: the client is known, `redirect_uri` is byte-equal to the registered
//!   one (else an error page, no redirect — Linear shows "Invalid redirect_uri"), `scope` is
//!   space-separated (a comma gets the same misleading error page, as observed in PR #160),
//!   `state` is present, PKCE `S256` with a 43-character challenge is mandatory, and `admin`
//!   is refused together with `actor=app`. `actor` and `prompt` are recorded.
//! - `/oauth/token`: form bodies only (`application/x-www-form-urlencoded`; JSON is refused),
//!   client credentials in the body only (a Basic header is refused), the code is single-use
//!   (burnt by the first exchange that names it, successful or not), `code_verifier` and
//!   `redirect_uri` must match, and refresh tokens rotate on every use with no grace.
//! - `/graphql`: `Authorization: Bearer <live access token>` (else 401 with a GraphQL
//!   `errors` array), JSON bodies only. Connections are paginated (`first`, `after` from the
//!   `$after` variable; `pageInfo { hasNextPage endCursor }`).
//!
//! Requests larger than [`MAX_BODY`] are refused with 413 before the body is read.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::{Value, json};

// The code, token and rotation bookkeeping, shared with the Atlassian stand-in (the includer
// includes `oauth_standin.rs` next to this file).
use super::oauth_standin as oauth;
pub use oauth::random_uuid;
use oauth::{CodeRefusal, OAuthBook, TokenStyle};

pub const MAX_BODY: usize = 1 << 20;
/// Scopes the app may request (space-separated).
pub const KNOWN_SCOPES: [&str; 5] = [
    "read",
    "write",
    "app:assignable",
    "app:mentionable",
    "admin",
];
/// What `bgagent` asks for and [`LinearStandin::mint_tokens`] grants.
pub const DEFAULT_SCOPE: &str = "read write app:assignable app:mentionable";
pub const ACCESS_TOKEN_PREFIX: &str = "lin_oauth_";
pub const REFRESH_TOKEN_PREFIX: &str = "lin_refresh_";
pub const CODE_PREFIX: &str = "lin_code_";
/// Linear's access tokens live 24 h.
pub const ACCESS_TOKEN_TTL_SECS: u64 = 86_399;
pub const CODE_TTL_SECS: u64 = 600;
/// The page Linear shows for an unregistered redirect, a comma-separated scope or a
/// misconfigured `actor=app` app.
pub const INVALID_REDIRECT_TEXT: &str = "Invalid redirect_uri";

#[derive(Debug, Clone)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub url_key: String,
}

#[derive(Debug, Clone)]
pub struct LUser {
    pub id: String,
    pub name: String,
    pub email: String,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct Team {
    pub id: String,
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    Approve,
    Deny,
}

/// The registered app and the workspace behind it.
#[derive(Clone)]
pub struct Config {
    pub client_id: String,
    pub client_secret: String,
    pub redirect_uri: String,
    pub org: Org,
    /// The app's bot user (`viewer` of an `actor=app` token).
    pub bot: LUser,
    pub users: Vec<LUser>,
    pub teams: Vec<Team>,
    pub projects: Vec<Project>,
    pub consent: Consent,
    pub access_token_ttl_secs: u64,
}

impl Config {
    /// A workspace with a random org id and the given `urlKey`: three active people, one
    /// deactivated person, two teams and three projects.
    pub fn new(client_id: &str, client_secret: &str, redirect_uri: &str, url_key: &str) -> Config {
        let user = |name: &str, email: &str, active: bool| LUser {
            id: random_uuid(),
            name: name.to_string(),
            email: email.to_string(),
            active,
        };
        let bot_id = random_uuid();
        Config {
            client_id: client_id.to_string(),
            client_secret: client_secret.to_string(),
            redirect_uri: redirect_uri.to_string(),
            org: Org {
                id: random_uuid(),
                name: "Acme".to_string(),
                url_key: url_key.to_string(),
            },
            bot: LUser {
                id: bot_id.clone(),
                name: "bgagent".to_string(),
                email: format!("{bot_id}@oauthapp.linear.app"),
                active: true,
            },
            users: vec![
                user("Alice Admin", "alice@acme.io", true),
                user("Sam Dev", "sam@acme.io", true),
                user("Pat Ops", "pat@acme.io", true),
                user("Old Timer", "old@acme.io", false),
            ],
            teams: vec![
                Team {
                    id: random_uuid(),
                    key: "eng".to_string(),
                    name: "Engineering".to_string(),
                },
                Team {
                    id: random_uuid(),
                    key: "OPS".to_string(),
                    name: "Operations".to_string(),
                },
            ],
            projects: vec![
                Project {
                    id: random_uuid(),
                    name: "Widgets".to_string(),
                    team: Some("Engineering".to_string()),
                },
                Project {
                    id: random_uuid(),
                    name: "Gadgets".to_string(),
                    team: Some("Operations".to_string()),
                },
                Project {
                    id: random_uuid(),
                    name: "Loose ends".to_string(),
                    team: None,
                },
            ],
            consent: Consent::Approve,
            access_token_ttl_secs: ACCESS_TOKEN_TTL_SECS,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub authorize: u32,
    pub code_exchanges: u32,
    pub refreshes: u32,
    pub graphql: u32,
    pub rejected: Vec<String>,
    pub faulted: u32,
}

/// Linear's token shapes: a prefix and 32 random bytes, hex.
const TOKENS: TokenStyle = TokenStyle {
    access_prefix: ACCESS_TOKEN_PREFIX,
    refresh_prefix: REFRESH_TOKEN_PREFIX,
    code_prefix: CODE_PREFIX,
    mint: oauth::token_hex,
};

struct State {
    cfg: Config,
    /// Codes, access tokens and (always rotating) refresh tokens.
    book: OAuthBook,
    faults: Vec<(String, u16, u32)>,
    counts: Counts,
    last_authorize: Option<Vec<(String, String)>>,
}

impl State {
    fn reject(&mut self, reason: &str) {
        self.counts.rejected.push(reason.to_string());
    }

    fn token_ttl(&self) -> Duration {
        Duration::from_secs(self.cfg.access_token_ttl_secs)
    }

    /// A fresh (access, refresh) pair for `scope`; refresh tokens are always issued.
    fn issue(&mut self, scope: &[String]) -> (String, String) {
        let (client, ttl) = (self.cfg.client_id.clone(), self.token_ttl());
        let i = self.book.issue(&client, scope, ttl, true);
        (i.access, i.refresh.expect("issued with a refresh token"))
    }

    /// Uses a current refresh token (dead at once) for a fresh pair.
    fn rotate(&mut self, current: &str) -> Option<(String, String)> {
        let i = self.book.rotate(current, self.token_ttl())?;
        Some((i.access, i.refresh.expect("issued with a refresh token")))
    }
}

fn default_scope() -> Vec<String> {
    DEFAULT_SCOPE.split(' ').map(str::to_string).collect()
}

pub struct LinearStandin {
    state: Arc<Mutex<State>>,
    server: Arc<tiny_http::Server>,
    stop: Arc<AtomicBool>,
    port: u16,
}

impl Drop for LinearStandin {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.server.unblock();
    }
}

struct Req {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Req {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

struct Reply {
    status: u16,
    content_type: &'static str,
    location: Option<String>,
    body: String,
}

impl Reply {
    fn json(status: u16, v: Value) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            location: None,
            body: v.to_string(),
        }
    }
    fn oauth(status: u16, error: &str, description: &str) -> Reply {
        Reply::json(
            status,
            json!({"error": error, "error_description": description}),
        )
    }
    fn page(status: u16, text: &str) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            location: None,
            body: format!("<!doctype html><title>Linear</title><p>{text}</p>"),
        }
    }
    fn redirect(to: String) -> Reply {
        Reply {
            status: 302,
            content_type: "text/plain",
            location: Some(to),
            body: String::new(),
        }
    }
    fn gql_auth_error() -> Reply {
        Reply::json(
            401,
            json!({"errors": [{"message": "Authentication required, not authenticated",
                "extensions": {"code": "AUTHENTICATION_ERROR"}}]}),
        )
    }
}

impl LinearStandin {
    pub fn start(cfg: Config) -> LinearStandin {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("an IP listener").port();
        let state = Arc::new(Mutex::new(State {
            cfg,
            book: OAuthBook::new(TOKENS, Duration::from_secs(CODE_TTL_SECS)),
            faults: Vec::new(),
            counts: Counts::default(),
            last_authorize: None,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        for _ in 0..4 {
            let (server, state, stop) = (server.clone(), state.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match server.recv() {
                        Ok(r) => serve(&state, r),
                        Err(_) => break,
                    }
                }
            });
        }
        LinearStandin {
            state,
            server,
            stop,
            port,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
    pub fn config(&self) -> Config {
        self.lock().cfg.clone()
    }
    pub fn org(&self) -> Org {
        self.lock().cfg.org.clone()
    }
    pub fn set_org(&self, org: Org) {
        self.lock().cfg.org = org;
    }
    pub fn set_consent(&self, c: Consent) {
        self.lock().cfg.consent = c;
    }
    pub fn set_users(&self, users: Vec<LUser>) {
        self.lock().cfg.users = users;
    }
    pub fn set_projects(&self, projects: Vec<Project>) {
        self.lock().cfg.projects = projects;
    }
    pub fn set_access_token_ttl(&self, secs: u64) {
        self.lock().cfg.access_token_ttl_secs = secs;
    }
    pub fn counts(&self) -> Counts {
        self.lock().counts.clone()
    }
    pub fn last_authorize_query(&self) -> Option<Vec<(String, String)>> {
        self.lock().last_authorize.clone()
    }
    /// A fresh (access, refresh) pair, as if a setup had happened.
    pub fn mint_tokens(&self) -> (String, String) {
        self.lock().issue(&default_scope())
    }
    /// Rotates a refresh token as another writer (a Lambda) would.
    pub fn rotate_refresh_token_externally(&self, current: &str) -> Option<(String, String)> {
        self.lock().rotate(current)
    }
    pub fn is_current_refresh_token(&self, t: &str) -> bool {
        self.lock().book.is_current_refresh(t)
    }
    /// The workspace admin revoked the app: every token stops working.
    pub fn revoke_all(&self) {
        self.lock().book.revoke_tokens();
    }
    /// The next `times` requests whose path starts with `prefix` get `status`.
    pub fn fail_next(&self, prefix: &str, status: u16, times: u32) {
        self.lock().faults.push((prefix.to_string(), status, times));
    }
}

fn serve(state: &Arc<Mutex<State>>, mut raw: tiny_http::Request) {
    let too_big = raw.body_length().is_some_and(|n| n > MAX_BODY);
    let (path, query) = match raw.url().split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (raw.url().to_string(), String::new()),
    };
    let mut body = Vec::new();
    if !too_big {
        use std::io::Read;
        let _ = raw
            .as_reader()
            .take(MAX_BODY as u64 + 1)
            .read_to_end(&mut body);
    }
    let req = Req {
        method: raw.method().as_str().to_string(),
        path,
        query: url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect(),
        headers: raw
            .headers()
            .iter()
            .map(|h| (h.field.as_str().to_string(), h.value.as_str().to_string()))
            .collect(),
        body,
    };
    let reply = if too_big || req.body.len() > MAX_BODY {
        Reply::oauth(413, "invalid_request", "request body too large")
    } else {
        let mut st = state.lock().unwrap_or_else(|p| p.into_inner());
        route(&mut st, &req)
    };
    let mut resp = tiny_http::Response::from_string(reply.body)
        .with_status_code(reply.status)
        .with_header(
            tiny_http::Header::from_bytes("Content-Type", reply.content_type).expect("header"),
        )
        .with_header(tiny_http::Header::from_bytes("Connection", "close").expect("header"));
    if let Some(l) = reply.location {
        resp = resp.with_header(tiny_http::Header::from_bytes("Location", l).expect("header"));
    }
    // A request whose body was not read (413) must not be drained.
    let _ = raw.respond(resp);
}

fn route(st: &mut State, req: &Req) -> Reply {
    if let Some(i) = st
        .faults
        .iter()
        .position(|(p, _, n)| req.path.starts_with(p.as_str()) && *n > 0)
    {
        st.faults[i].2 -= 1;
        let status = st.faults[i].1;
        st.counts.faulted += 1;
        return Reply::json(
            status,
            json!({"errors": [{"message": "injected fault"}], "error": "server_error"}),
        );
    }
    match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/oauth/authorize") => authorize(st, req),
        ("POST", "/oauth/token") => token_endpoint(st, req),
        ("POST", "/graphql") => graphql(st, req),
        (_, "/oauth/authorize" | "/oauth/token" | "/graphql") => {
            st.reject("method_not_allowed");
            Reply::oauth(405, "invalid_request", "method not allowed")
        }
        _ => Reply::page(404, "Not found"),
    }
}

fn q<'a>(pairs: &'a [(String, String)], k: &str) -> Option<&'a str> {
    pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

fn authorize(st: &mut State, req: &Req) -> Reply {
    st.counts.authorize += 1;
    st.last_authorize = Some(req.query.clone());
    let p = &req.query;
    if q(p, "client_id") != Some(st.cfg.client_id.as_str()) {
        st.reject("unknown_client");
        return Reply::page(400, "Invalid client_id");
    }
    if q(p, "redirect_uri") != Some(st.cfg.redirect_uri.as_str()) {
        st.reject("redirect_uri_mismatch");
        return Reply::page(400, INVALID_REDIRECT_TEXT);
    }
    let scope = q(p, "scope").unwrap_or_default().to_string();
    if scope.contains(',') {
        st.reject("comma_scope");
        return Reply::page(400, INVALID_REDIRECT_TEXT);
    }
    let scopes: Vec<&str> = scope.split(' ').filter(|s| !s.is_empty()).collect();
    if scopes.is_empty() || scopes.iter().any(|s| !KNOWN_SCOPES.contains(s)) {
        st.reject("invalid_scope");
        return Reply::page(400, "Invalid scope");
    }
    let actor_app = q(p, "actor") == Some("app");
    if actor_app && scopes.contains(&"admin") {
        st.reject("admin_with_actor_app");
        return Reply::page(400, INVALID_REDIRECT_TEXT);
    }
    if q(p, "response_type") != Some("code") {
        st.reject("response_type");
        return Reply::page(400, "Invalid response_type");
    }
    let Some(state) = q(p, "state").filter(|s| !s.is_empty()) else {
        st.reject("missing_state");
        return Reply::page(400, "Missing state");
    };
    let challenge = q(p, "code_challenge").unwrap_or_default();
    if q(p, "code_challenge_method") != Some("S256") || !oauth::is_s256_challenge(challenge) {
        st.reject("pkce_required");
        return Reply::page(400, "PKCE with S256 is required");
    }
    let mut to = url::Url::parse(&st.cfg.redirect_uri).expect("registered redirect is a URL");
    if st.cfg.consent == Consent::Deny {
        to.query_pairs_mut()
            .append_pair("error", "access_denied")
            .append_pair("error_description", "The user denied the request")
            .append_pair("state", state);
        return Reply::redirect(to.to_string());
    }
    let (client, redirect) = (st.cfg.client_id.clone(), st.cfg.redirect_uri.clone());
    let scopes = scopes.iter().map(|s| s.to_string()).collect();
    let code = st.book.grant_code(&client, &redirect, challenge, scopes);
    to.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", state);
    Reply::redirect(to.to_string())
}

fn token_endpoint(st: &mut State, req: &Req) -> Reply {
    let ct = req.header("content-type").unwrap_or_default();
    if !ct
        .to_ascii_lowercase()
        .starts_with("application/x-www-form-urlencoded")
    {
        st.reject("not_form_body");
        return Reply::oauth(
            400,
            "invalid_request",
            "Body must be application/x-www-form-urlencoded",
        );
    }
    if req
        .header("authorization")
        .is_some_and(|a| a.to_ascii_lowercase().starts_with("basic "))
    {
        st.reject("basic_auth");
        return Reply::oauth(
            400,
            "invalid_request",
            "Client credentials must be in the request body",
        );
    }
    let f: Vec<(String, String)> = url::form_urlencoded::parse(&req.body)
        .into_owned()
        .collect();
    if q(&f, "client_id") != Some(st.cfg.client_id.as_str())
        || q(&f, "client_secret") != Some(st.cfg.client_secret.as_str())
    {
        st.reject("invalid_client");
        return Reply::oauth(401, "invalid_client", "Invalid client credentials");
    }
    match q(&f, "grant_type") {
        Some("authorization_code") => {
            st.counts.code_exchanges += 1;
            let code = q(&f, "code").unwrap_or_default();
            let g = match st.book.redeem_code(code) {
                Ok(g) => g,
                Err(CodeRefusal::Unknown) => {
                    st.reject("unknown_code");
                    return Reply::oauth(400, "invalid_grant", "Invalid authorization code");
                }
                Err(CodeRefusal::Reused) => {
                    st.reject("code_reused");
                    return Reply::oauth(400, "invalid_grant", "Authorization code already used");
                }
                Err(CodeRefusal::Expired) => {
                    st.reject("code_expired");
                    return Reply::oauth(400, "invalid_grant", "Authorization code expired");
                }
            };
            if q(&f, "redirect_uri") != Some(g.redirect_uri.as_str()) {
                st.reject("redirect_uri_mismatch");
                return Reply::oauth(400, "invalid_grant", "redirect_uri does not match");
            }
            if !g.verifies(q(&f, "code_verifier").unwrap_or_default()) {
                st.reject("pkce_mismatch");
                return Reply::oauth(400, "invalid_grant", "code_verifier does not match");
            }
            let (a, r) = st.issue(&g.scope);
            token_reply(st, &a, &r, &g.scope.join(" "))
        }
        Some("refresh_token") => {
            st.counts.refreshes += 1;
            let rt = q(&f, "refresh_token").unwrap_or_default();
            let Some((a, r)) = st.rotate(rt) else {
                st.reject("refresh_token_invalid");
                return Reply::oauth(400, "invalid_grant", "Invalid refresh token");
            };
            token_reply(st, &a, &r, DEFAULT_SCOPE)
        }
        _ => {
            st.reject("unsupported_grant_type");
            Reply::oauth(400, "unsupported_grant_type", "Unsupported grant_type")
        }
    }
}

fn token_reply(st: &State, access: &str, refresh: &str, scope: &str) -> Reply {
    Reply::json(
        200,
        json!({
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": st.cfg.access_token_ttl_secs,
            "refresh_token": refresh,
            "scope": scope,
        }),
    )
}

/// `first: N` of the connection named `field` in the query text (default 50).
fn first_of(query: &str, field: &str) -> usize {
    query
        .find(&format!("{field}("))
        .map(|i| &query[i..])
        .and_then(|s| s.split_once("first:"))
        .and_then(|(_, rest)| {
            rest.trim_start()
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(50)
}

fn page(items: Vec<Value>, first: usize, after: Option<&str>) -> Value {
    let start = after.and_then(|a| a.parse::<usize>().ok()).unwrap_or(0);
    let end = (start + first.max(1)).min(items.len());
    let nodes: Vec<Value> = items
        .get(start.min(items.len())..end)
        .unwrap_or_default()
        .to_vec();
    json!({
        "nodes": nodes,
        "pageInfo": {"hasNextPage": end < items.len(), "endCursor": end.to_string()},
    })
}

fn has_field(query: &str, field: &str) -> bool {
    query
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|w| w == field)
}

fn graphql(st: &mut State, req: &Req) -> Reply {
    st.counts.graphql += 1;
    let token = req
        .header("authorization")
        .and_then(|a| a.strip_prefix("Bearer "))
        .unwrap_or_default();
    if st.book.access(token).is_err() {
        st.reject("graphql_unauthenticated");
        return Reply::gql_auth_error();
    }
    if !req
        .header("content-type")
        .unwrap_or_default()
        .starts_with("application/json")
    {
        st.reject("graphql_not_json");
        return Reply::json(
            400,
            json!({"errors": [{"message": "Content-Type must be application/json"}]}),
        );
    }
    let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
        st.reject("graphql_bad_body");
        return Reply::json(400, json!({"errors": [{"message": "Body is not JSON"}]}));
    };
    let query = body["query"].as_str().unwrap_or_default();
    let after = body["variables"]["after"].as_str();
    let cfg = &st.cfg;
    let mut data = serde_json::Map::new();
    if has_field(query, "viewer") {
        data.insert(
            "viewer".into(),
            json!({"id": cfg.bot.id, "name": cfg.bot.name, "email": cfg.bot.email}),
        );
    }
    if has_field(query, "organization") {
        data.insert(
            "organization".into(),
            json!({"id": cfg.org.id, "name": cfg.org.name, "urlKey": cfg.org.url_key}),
        );
    }
    if has_field(query, "teams") {
        let items = cfg
            .teams
            .iter()
            .map(|t| json!({"id": t.id, "key": t.key, "name": t.name}))
            .collect();
        data.insert("teams".into(), page(items, first_of(query, "teams"), after));
    }
    if has_field(query, "users") {
        let active_only = query.contains("active: { eq: true }");
        let items = std::iter::once(&cfg.bot)
            .chain(cfg.users.iter())
            .filter(|u| u.active || !active_only)
            .map(|u| json!({"id": u.id, "name": u.name, "email": u.email, "active": u.active}))
            .collect();
        data.insert("users".into(), page(items, first_of(query, "users"), after));
    }
    if has_field(query, "projects") {
        let items = cfg
            .projects
            .iter()
            .map(|p| {
                let teams: Vec<Value> = p.team.iter().map(|t| json!({"name": t})).collect();
                json!({"id": p.id, "name": p.name, "teams": {"nodes": teams}})
            })
            .collect();
        data.insert(
            "projects".into(),
            page(items, first_of(query, "projects"), after),
        );
    }
    if data.is_empty() {
        st.reject("graphql_unknown_field");
        return Reply::json(
            400,
            json!({"errors": [{"message": "Cannot query an unknown field"}]}),
        );
    }
    Reply::json(200, json!({ "data": data }))
}
