//! The local platform's HTTP API: a loopback server at the stack's `ApiUrl`
//! (`http://127.0.0.1:PORT/v1/`) that behaves like the deployed API Gateway + Lambdas
//! where `bgagent` and its tests can see it.
//!
//! Included by `moto.rs` (`#[path = "platform_api.rs"] pub mod platform_api;`), so every
//! [`crate::moto::Platform`] owns one: it is started before the stack is deployed, its URL
//! is passed to the stack as parameter `PlatformApiUrl` (output `ApiUrl`), and once the
//! stack exists it is given the SDK configuration and the stack outputs ([`Ctx`]).
//!
//! # Routes (the extension point)
//!
//! Request parsing (method, path under the stage prefix `/v1`, query, lower-cased headers,
//! raw body bytes) and response writing live in one place, [`serve`]. Everything else is a
//! [`Route`]: a function `(&Request, &Ctx) -> Option<Response>` that answers the requests
//! it owns and returns `None` for the rest. Routes are tried in order; the first `Some`
//! wins; no match is what API Gateway answers for an unknown route, `403 {"message":"Missing
//! Authentication Token"}`. To add a route (an authorizer, `POST
//! /jira/link`, approvals …), put it in a file of its own next to this one, include it
//! from here with `#[path]`, and register it in [`default_routes`] or at run time with
//! [`PlatformApi::add_route`]. A wrapper route (e.g. an authorizer) is registered first and
//! answers 401/403 itself, or returns `None` to let the next route run.
//!
//! # `POST /v1/jira/webhook`: the deployed receiver's rules
//!
//! (CONTRACT.md, "How the deployed webhook receiver behaves")
//! - `X-Hub-Signature` is the hex HMAC-SHA256 of the raw body bytes, with or without a
//!   `sha256=` prefix, compared in constant time. No signature: 401.
//! - A body that is not a JSON object: 400.
//! - Per-tenant verification first, for the payload's `cloudId`, else the sole active tenant:
//!   a registry row whose `status` is not `active` is 401 "Tenant not active"; a bundle that
//!   passes the 11-field check and has a `webhook_signing_secret` is the only key tried (a
//!   wrong signature is 401, no fallback). Otherwise the stack-wide secret is the key.
//! - An empty or whitespace-only secret never verifies.
//! - `timestamp` (ms) older than 1 h or more than 5 min in the future: 401.
//! - `webhookEvent` other than `jira:issue_created`, `jira:issue_updated`,
//!   `comment_created`: 200 `{"ok":true}`. The supported ones are recorded
//!   ([`PlatformApi::accepted_deliveries`]) and answered 200 `{"ok":true,"queued":true}`.
//!
//! Tests can make the receiver misbehave with [`PlatformApi::set_webhook_mode`].
//!
//! The server only binds `127.0.0.1` and never calls out except to the moto endpoint of
//! the SDK configuration it is given.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread::JoinHandle;

use aws_sdk_dynamodb::types::AttributeValue;
use hmac::{KeyInit, Mac};
use serde_json::{Value, json};
use subtle::ConstantTimeEq;

/// The API Gateway stage; `ApiUrl` ends with it.
pub const STAGE: &str = "v1";
/// The stack parameter through which the server's URL becomes output `ApiUrl`.
pub const API_URL_PARAMETER: &str = "PlatformApiUrl";
/// Event types the receiver turns into tasks; every other type gets 200 `{"ok":true}`.
pub const SUPPORTED_EVENTS: [&str; 3] = [
    "jira:issue_created",
    "jira:issue_updated",
    "comment_created",
];
/// Largest body read.
const MAX_BODY: usize = 1 << 20;
/// Timestamp window of the receiver.
const MAX_AGE_MS: i64 = 3_600_000;
const MAX_AHEAD_MS: i64 = 300_000;

/// The eleven bundle fields the Lambdas insist on (each a non-empty string).
const REQUIRED_BUNDLE_FIELDS: [&str; 11] = [
    "access_token",
    "refresh_token",
    "expires_at",
    "scope",
    "client_id",
    "client_secret",
    "cloud_id",
    "site_url",
    "installed_at",
    "updated_at",
    "installed_by_platform_user_id",
];

/// One parsed request. `path` is relative to the stage (`/jira/webhook` for
/// `/v1/jira/webhook`); requests outside the stage never reach a route.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    /// Lower-cased names, in order.
    pub headers: Vec<(String, String)>,
    /// The raw body bytes, exactly as sent.
    pub body: Vec<u8>,
}

impl Request {
    /// The first header with this (case-insensitive) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn json(status: u16, body: &Value) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.to_string().into_bytes(),
        }
    }

    /// `{"message": …}`, as API Gateway and the Lambdas answer errors.
    pub fn message(status: u16, message: &str) -> Response {
        Response::json(status, &json!({ "message": message }))
    }
}

/// What a route may use: the AWS side of the platform. `None` until the stack exists.
#[derive(Clone)]
pub struct Ctx {
    pub sdk: aws_config::SdkConfig,
    /// Stack outputs by key.
    pub outputs: BTreeMap<String, String>,
}

impl Ctx {
    pub fn dynamodb(&self) -> aws_sdk_dynamodb::Client {
        aws_sdk_dynamodb::Client::new(&self.sdk)
    }

    pub fn secrets(&self) -> aws_sdk_secretsmanager::Client {
        aws_sdk_secretsmanager::Client::new(&self.sdk)
    }

    pub fn output(&self, key: &str) -> Option<&str> {
        self.outputs.get(key).map(String::as_str)
    }
}

/// Runs a future to completion on a runtime of its own (routes are synchronous).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(f)
}

/// A route: answers the requests it owns, `None` for the rest.
pub type Route = Box<dyn Fn(&Request, &Ctx) -> Option<Response> + Send + Sync>;

/// How `POST /jira/webhook` behaves; tests switch it to break that link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookMode {
    /// The deployed receiver's rules (above).
    Platform,
    /// Verifies every delivery with this secret instead of the stored ones (a receiver that
    /// still holds an old secret); all other rules as deployed.
    StaleSecret(String),
    /// Answers 200 `{"ok":true}` to anything, signed or not (forgeries accepted).
    AcceptAll,
    /// Answers this status to every delivery.
    Status(u16),
}

/// One webhook delivery the receiver accepted for processing (a supported event).
#[derive(Debug, Clone)]
pub struct Delivery {
    pub cloud_id: Option<String>,
    pub event: String,
}

/// State of the webhook route that tests control and inspect.
pub struct WebhookState {
    mode: Mutex<WebhookMode>,
    accepted: Mutex<Vec<Delivery>>,
}

struct Shared {
    ctx: RwLock<Option<Ctx>>,
    routes: RwLock<Vec<Arc<Route>>>,
    /// (method, path, status) of every request answered.
    log: Mutex<Vec<(String, String, u16)>>,
}

/// A running local platform API. Dropping it stops the server.
pub struct PlatformApi {
    shared: Arc<Shared>,
    webhook: Arc<WebhookState>,
    server: Arc<tiny_http::Server>,
    port: u16,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl PlatformApi {
    /// Binds `127.0.0.1:<free port>` and serves [`default_routes`]. Routes answer 503 until
    /// [`PlatformApi::configure`] is called.
    pub fn start() -> PlatformApi {
        let server = Arc::new(
            tiny_http::Server::http("127.0.0.1:0").expect("binding the platform API to 127.0.0.1"),
        );
        let port = server.server_addr().to_ip().expect("an IP listener").port();
        let webhook = Arc::new(WebhookState {
            mode: Mutex::new(WebhookMode::Platform),
            accepted: Mutex::new(Vec::new()),
        });
        let shared = Arc::new(Shared {
            ctx: RwLock::new(None),
            routes: RwLock::new(default_routes(&webhook).into_iter().map(Arc::new).collect()),
            log: Mutex::new(Vec::new()),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let acceptor = {
            let (server, shared, stop) = (Arc::clone(&server), Arc::clone(&shared), stop.clone());
            std::thread::Builder::new()
                .name("platform-api-accept".into())
                .spawn(move || {
                    while !stop.load(Ordering::SeqCst) {
                        let Ok(request) = server.recv() else { break };
                        let shared = Arc::clone(&shared);
                        let _ = std::thread::Builder::new()
                            .name("platform-api-conn".into())
                            .spawn(move || serve(&shared, request));
                    }
                })
                .expect("spawning the platform API thread")
        };
        PlatformApi {
            shared,
            webhook,
            server,
            port,
            stop,
            acceptor: Some(acceptor),
        }
    }

    /// `http://127.0.0.1:PORT/v1/` — what the stack's `ApiUrl` output holds.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/{STAGE}/", self.port)
    }

    /// The receiver URL, `<ApiUrl>jira/webhook`.
    pub fn webhook_url(&self) -> String {
        format!("{}jira/webhook", self.url())
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Gives the routes the deployed stack (SDK configuration and outputs).
    pub fn configure(&self, sdk: aws_config::SdkConfig, outputs: BTreeMap<String, String>) {
        *self.shared.ctx.write().unwrap_or_else(|p| p.into_inner()) = Some(Ctx { sdk, outputs });
    }

    /// Adds a route, tried before the existing ones.
    pub fn add_route(&self, route: Route) {
        self.shared
            .routes
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(0, Arc::new(route));
    }

    pub fn set_webhook_mode(&self, mode: WebhookMode) {
        *self.webhook.mode.lock().unwrap_or_else(|p| p.into_inner()) = mode;
    }

    /// Supported-event deliveries the receiver accepted (would have become tasks).
    pub fn accepted_deliveries(&self) -> Vec<Delivery> {
        self.webhook
            .accepted
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// (method, path, status) of every request answered so far.
    pub fn requests(&self) -> Vec<(String, String, u16)> {
        self.shared
            .log
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

impl Drop for PlatformApi {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.server.unblock();
        if let Some(h) = self.acceptor.take() {
            let _ = h.join();
        }
    }
}

/// The routes every local platform serves, in the order they are tried.
pub fn default_routes(webhook_state: &Arc<WebhookState>) -> Vec<Route> {
    let state = Arc::clone(webhook_state);
    vec![Box::new(move |req: &Request, ctx: &Ctx| {
        // Only POST is routed; other methods fall through to API Gateway's 403.
        (req.method == "POST" && req.path == "/jira/webhook").then(|| webhook(req, ctx, &state))
    })]
}

/// Parses one request, runs the routes, writes the answer.
fn serve(shared: &Shared, mut raw: tiny_http::Request) {
    let method = raw.method().as_str().to_ascii_uppercase();
    let url = raw.url().to_string();
    let (path, query) = match url.split_once('?') {
        Some((p, q)) => (p.to_string(), Some(q.to_string())),
        None => (url.clone(), None),
    };
    let headers = raw
        .headers()
        .iter()
        .map(|h| {
            (
                h.field.as_str().as_str().to_ascii_lowercase(),
                h.value.as_str().to_string(),
            )
        })
        .collect();
    let too_big = raw.body_length().is_some_and(|l| l > MAX_BODY);
    let mut body = Vec::new();
    let read_ok = !too_big
        && std::io::Read::read_to_end(
            &mut std::io::Read::take(raw.as_reader(), MAX_BODY as u64 + 1),
            &mut body,
        )
        .is_ok()
        && body.len() <= MAX_BODY;
    let stage_prefix = format!("/{STAGE}");
    let response = if !read_ok {
        Response::message(413, "Request Entity Too Large")
    } else if let Some(rest) = path
        .strip_prefix(&stage_prefix)
        .filter(|r| r.starts_with('/'))
    {
        let request = Request {
            method: method.clone(),
            path: rest.to_string(),
            query,
            headers,
            body,
        };
        let ctx = shared.ctx.read().unwrap_or_else(|p| p.into_inner()).clone();
        match ctx {
            None => Response::message(503, "platform not deployed yet"),
            Some(ctx) => {
                let routes: Vec<Arc<Route>> = shared
                    .routes
                    .read()
                    .unwrap_or_else(|p| p.into_inner())
                    .clone();
                routes
                    .iter()
                    .find_map(|r| r(&request, &ctx))
                    .unwrap_or_else(|| Response::message(403, "Missing Authentication Token"))
            }
        }
    } else {
        Response::message(403, "Missing Authentication Token")
    };
    shared
        .log
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push((method, path, response.status));
    let mut out = tiny_http::Response::from_data(response.body).with_status_code(response.status);
    for (k, v) in response.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            out.add_header(h);
        }
    }
    let _ = raw.respond(out);
}

/// Hex HMAC-SHA256 of `body` keyed with `secret`.
pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac =
        hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Whether `header` (with or without `sha256=`) is the signature of `body` under `secret`.
/// An empty or whitespace-only secret never verifies.
pub fn verify(secret: &str, body: &[u8], header: &str) -> bool {
    if secret.trim().is_empty() {
        return false;
    }
    let given = header.trim();
    let given = given.strip_prefix("sha256=").unwrap_or(given);
    let expected = sign(secret, body);
    given.len() == expected.len()
        && bool::from(
            given
                .to_ascii_lowercase()
                .as_bytes()
                .ct_eq(expected.as_bytes()),
        )
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// `POST /jira/webhook`, by the rules at the top of this file.
fn webhook(req: &Request, ctx: &Ctx, state: &WebhookState) -> Response {
    let mode = state.mode.lock().unwrap_or_else(|p| p.into_inner()).clone();
    match &mode {
        WebhookMode::AcceptAll => return Response::json(200, &json!({ "ok": true })),
        WebhookMode::Status(s) => return Response::message(*s, "injected by the test"),
        WebhookMode::Platform | WebhookMode::StaleSecret(_) => {}
    }
    let Some(signature) = req.header("x-hub-signature") else {
        return Response::message(401, "Missing signature");
    };
    let Ok(Value::Object(payload)) = serde_json::from_slice::<Value>(&req.body) else {
        return Response::message(400, "Invalid JSON");
    };
    let key = match &mode {
        WebhookMode::StaleSecret(s) => Ok(s.clone()),
        _ => block_on(signing_key(
            ctx,
            payload.get("cloudId").and_then(Value::as_str),
        )),
    };
    let key = match key {
        Ok(k) => k,
        Err(r) => return r,
    };
    if !verify(&key, &req.body, signature) {
        return Response::message(401, "Invalid signature");
    }
    if let Some(ts) = payload.get("timestamp").and_then(Value::as_i64) {
        let now = now_ms();
        if ts < now - MAX_AGE_MS || ts > now + MAX_AHEAD_MS {
            return Response::message(401, "Stale or future timestamp");
        }
    }
    let event = payload
        .get("webhookEvent")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !SUPPORTED_EVENTS.contains(&event) {
        return Response::json(200, &json!({ "ok": true }));
    }
    state
        .accepted
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(Delivery {
            cloud_id: payload
                .get("cloudId")
                .and_then(Value::as_str)
                .map(str::to_string),
            event: event.to_string(),
        });
    Response::json(200, &json!({ "ok": true, "queued": true }))
}

/// The key a delivery is verified with: the tenant's own secret when its registry row is
/// active and its bundle is valid and has one, else the stack-wide secret. `Err` is the
/// answer to send instead (tenant not active, store unreadable).
async fn signing_key(ctx: &Ctx, cloud_id: Option<&str>) -> Result<String, Response> {
    let unavailable = |what: &str| Response::message(500, &format!("could not read {what}"));
    let registry = ctx
        .output("JiraWorkspaceRegistryTableName")
        .ok_or_else(|| unavailable("the registry"))?
        .to_string();
    let ddb = ctx.dynamodb();
    let row = match cloud_id {
        Some(id) => {
            ddb.get_item()
                .table_name(&registry)
                .key("jira_cloud_id", AttributeValue::S(id.to_string()))
                .consistent_read(true)
                .send()
                .await
                .map_err(|_| unavailable("the registry"))?
                .item
        }
        None => {
            let scan = ddb
                .scan()
                .table_name(&registry)
                .consistent_read(true)
                .send()
                .await
                .map_err(|_| unavailable("the registry"))?;
            let active: Vec<_> = scan
                .items()
                .iter()
                .filter(|i| s(i, "status") == Some("active"))
                .cloned()
                .collect();
            match <[_; 1]>::try_from(active) {
                Ok([row]) => Some(row),
                Err(_) => None,
            }
        }
    };
    if let Some(row) = &row {
        if s(row, "status") != Some("active") {
            return Err(Response::message(401, "Tenant not active"));
        }
        if let Some(arn) = s(row, "oauth_secret_arn")
            && let Ok(got) = ctx.secrets().get_secret_value().secret_id(arn).send().await
            && let Some(Ok(Value::Object(bundle))) =
                got.secret_string().map(serde_json::from_str::<Value>)
            && REQUIRED_BUNDLE_FIELDS.iter().all(|k| {
                bundle
                    .get(*k)
                    .and_then(Value::as_str)
                    .is_some_and(|v| !v.is_empty())
            })
            && let Some(secret) = bundle
                .get("webhook_signing_secret")
                .and_then(Value::as_str)
                .filter(|v| !v.is_empty())
        {
            return Ok(secret.to_string());
        }
    }
    let arn = ctx
        .output("JiraWebhookSecretArn")
        .ok_or_else(|| unavailable("the stack-wide secret"))?;
    let got = ctx
        .secrets()
        .get_secret_value()
        .secret_id(arn)
        .send()
        .await
        .map_err(|_| unavailable("the stack-wide secret"))?;
    Ok(got.secret_string().unwrap_or_default().to_string())
}

fn s<'a>(item: &'a std::collections::HashMap<String, AttributeValue>, k: &str) -> Option<&'a str> {
    item.get(k).and_then(|v| v.as_s().ok()).map(String::as_str)
}
