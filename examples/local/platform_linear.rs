//! The Linear routes of the local platform API (CONTRACT-linear.md §6.2, §8.6):
//!
//! `POST /v1/linear/webhook` (unauthenticated; HMAC in the "Lambda"):
//! - `Linear-Signature` (any case) is required, else 401 `Missing signature`; it is the bare
//!   lower-case hex HMAC-SHA256 of the raw body (no `sha256=` prefix). A body that is not a
//!   JSON object: 400.
//! - With `organizationId`: the registry row (`linear_workspace_id`) is read. A row lacking
//!   `workspace_slug` or `oauth_secret_arn` counts as absent. A usable row whose `status` is not
//!   `active`: 401 `Workspace not active` (no fallback). An active row: its bundle is read (a
//!   missing secret is a 500); a bundle that fails the 11-field check or has no
//!   `webhook_signing_secret` falls through; a present but blank secret is a 401 on every
//!   delivery; otherwise that secret is the only key (mismatch: 401 `Invalid signature`).
//! - Otherwise (no `organizationId`, no usable row, no per-workspace secret): the stack-wide
//!   secret (`LinearWebhookSecretArn`, a bare string). Blank secrets never verify.
//! - `webhookTimestamp` (ms, a JSON number) must be within ±60 s: else 401
//!   `Stale webhook timestamp`.
//! - `type` other than `Issue`/`Comment`: 200 ignored; otherwise recorded
//!   ([`LinearWebhook::accepted`]) and 200 `{"ok":true,"queued":true}`.
//!
//! `POST /v1/linear/link` (Cognito authorizer): the link Lambda's semantics, served by the same
//! handler as `/jira/link` (`platform_link.rs`): 400 without a `code`, 404 `VALIDATION_ERROR` for
//! a missing or non-pending invite (no `ttl` check, as deployed), `dry_run: true` previews, else
//! an unconditional PutItem of the active link (`link_method=cli`) then DeleteItem of the invite.

use std::sync::{Arc, Mutex};

use aws_sdk_dynamodb::types::AttributeValue;
use serde_json::{Value, json};

use super::platform_api::{Ctx, Request, Response, Route, block_on, sign};
use super::platform_authorizer::Authorizer;
use super::platform_link::s;

pub const REQUIRED_BUNDLE_FIELDS: [&str; 11] = [
    "access_token",
    "refresh_token",
    "expires_at",
    "scope",
    "client_id",
    "client_secret",
    "workspace_id",
    "workspace_slug",
    "installed_at",
    "updated_at",
    "installed_by_platform_user_id",
];
const WINDOW_MS: i64 = 60_000;

/// Deliveries the receiver accepted (type, organizationId, which key verified them).
#[derive(Default)]
pub struct LinearWebhook {
    accepted: Mutex<Vec<(String, Option<String>, &'static str)>>,
}

impl LinearWebhook {
    pub fn accepted(&self) -> Vec<(String, Option<String>, &'static str)> {
        self.accepted
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

pub fn webhook_route(state: Arc<LinearWebhook>) -> Route {
    Box::new(move |req: &Request, ctx: &Ctx| {
        (req.path == "/linear/webhook" && req.method == "POST")
            .then(|| block_on(webhook(req, ctx, &state)))
    })
}

fn verifies(secret: &str, body: &[u8], header: &str) -> bool {
    use subtle::ConstantTimeEq;
    if secret.trim().is_empty() {
        return false;
    }
    let expected = sign(secret, body);
    header.len() == expected.len() && bool::from(header.as_bytes().ct_eq(expected.as_bytes()))
}

/// The per-workspace key: `Ok(Some)` to use, `Ok(None)` to fall back, `Err` to answer.
async fn workspace_key(ctx: &Ctx, org: &str) -> Result<Option<String>, Response> {
    let Some(table) = ctx.output("LinearWorkspaceRegistryTableName") else {
        return Ok(None);
    };
    let row = ctx
        .dynamodb()
        .get_item()
        .table_name(table)
        .key("linear_workspace_id", AttributeValue::S(org.to_string()))
        .send()
        .await
        .map_err(|_| Response::message(500, "Internal server error"))?
        .item;
    let Some(row) = row else { return Ok(None) };
    let arn = s(&row, "oauth_secret_arn");
    if arn.is_empty() || s(&row, "workspace_slug").is_empty() {
        return Ok(None);
    }
    if s(&row, "status") != "active" {
        return Err(Response::message(401, "Workspace not active"));
    }
    let secret = match ctx
        .secrets()
        .get_secret_value()
        .secret_id(&arn)
        .send()
        .await
    {
        Ok(r) => r.secret_string.unwrap_or_default(),
        Err(_) => return Err(Response::message(500, "Internal server error")),
    };
    let Ok(Value::Object(b)) = serde_json::from_str::<Value>(&secret) else {
        return Ok(None);
    };
    let complete = REQUIRED_BUNDLE_FIELDS.iter().all(|k| {
        b.get(*k)
            .and_then(Value::as_str)
            .is_some_and(|v| !v.is_empty())
    });
    if !complete {
        return Ok(None);
    }
    match b.get("webhook_signing_secret") {
        None => Ok(None),
        Some(Value::String(v)) if !v.trim().is_empty() => Ok(Some(v.clone())),
        // Present but blank or not a string: every delivery is refused, no fallback.
        Some(_) => Err(Response::message(401, "Invalid signature")),
    }
}

async fn webhook(req: &Request, ctx: &Ctx, state: &LinearWebhook) -> Response {
    let Some(sig) = req.header("linear-signature").map(str::to_string) else {
        return Response::message(401, "Missing signature");
    };
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&req.body) else {
        return Response::message(400, "Invalid JSON body");
    };
    let org = body
        .get("organizationId")
        .and_then(Value::as_str)
        .map(str::to_string);
    let (key, which) = match &org {
        Some(o) => match workspace_key(ctx, o).await {
            Err(r) => return r,
            Ok(Some(k)) => (k, "workspace"),
            Ok(None) => (String::new(), "stack"),
        },
        None => (String::new(), "stack"),
    };
    let key = if which == "stack" {
        let Some(arn) = ctx.output("LinearWebhookSecretArn") else {
            return Response::message(500, "Internal server error");
        };
        match ctx.secrets().get_secret_value().secret_id(arn).send().await {
            Ok(r) => r.secret_string.unwrap_or_default(),
            Err(_) => return Response::message(500, "Internal server error"),
        }
    } else {
        key
    };
    if !verifies(&key, &req.body, &sig) {
        return Response::message(401, "Invalid signature");
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    match body.get("webhookTimestamp").and_then(Value::as_i64) {
        Some(ts) if (now - ts).abs() <= WINDOW_MS => {}
        _ => return Response::message(401, "Stale webhook timestamp"),
    }
    let kind = body.get("type").and_then(Value::as_str).unwrap_or_default();
    if kind != "Issue" && kind != "Comment" {
        return Response::json(200, &json!({"ok": true, "ignored": true}));
    }
    state
        .accepted
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push((kind.to_string(), org, which));
    Response::json(200, &json!({"ok": true, "queued": true}))
}

/// `POST /linear/link`: the shared link handler ([`super::platform_link`]) with Linear's table,
/// key and fields.
pub fn link_route(auth: Arc<Authorizer>) -> Route {
    super::platform_link::link_route(&super::platform_link::LINEAR, auth)
}
