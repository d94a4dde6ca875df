//! `POST /v1/jira/link` of the local platform API, with the deployed Lambda's semantics
//! (`cdk/src/handlers/jira-link.ts`, CONTRACT-platform-api.md §6), behind the Cognito authorizer:
//! the caller's `sub` — not anything in the body — is the platform user linked.
//!
//! - body absent / not JSON / `code` falsy: 400 `VALIDATION_ERROR`; `code` not a string: 500;
//! - `GetItem pending#<trimmed code>` (consistent) missing or `status != "pending"`: 404
//!   `VALIDATION_ERROR` "Invalid or expired link code." (the Lambda does not check `ttl`);
//! - `"dry_run": true` (strictly): 200 with who would be linked, nothing written;
//! - else an unconditional PutItem of the active link, then DeleteItem of the pending row (not a
//!   transaction), 200 with `message` and `linked_at`.

use std::sync::Arc;

use aws_sdk_dynamodb::types::AttributeValue;
use serde_json::{Value, json};

use super::platform_api::{Ctx, Request, Response, Route, block_on};
use super::platform_authorizer::{Authorizer, Claims};
use super::platform_envelope::{data, error, now_iso};

pub fn route(auth: Arc<Authorizer>) -> Route {
    Box::new(move |req: &Request, ctx: &Ctx| {
        if req.path != "/jira/link" {
            return None;
        }
        if req.method != "POST" {
            return Some(Response::message(403, "Missing Authentication Token"));
        }
        Some(match auth.authorize(req, ctx) {
            Ok(claims) => block_on(link(req, ctx, &claims)),
            Err(r) => r,
        })
    })
}

fn s(item: &std::collections::HashMap<String, AttributeValue>, k: &str) -> String {
    item.get(k)
        .and_then(|v| v.as_s().ok())
        .cloned()
        .unwrap_or_default()
}

async fn link(req: &Request, ctx: &Ctx, claims: &Claims) -> Response {
    let invalid = || {
        error(
            400,
            "VALIDATION_ERROR",
            "Request body must include a \"code\" field.",
        )
    };
    let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
        return invalid();
    };
    let code = match body.get("code") {
        None | Some(Value::Null) | Some(Value::Bool(false)) => return invalid(),
        Some(Value::String(c)) if c.is_empty() => return invalid(),
        Some(Value::String(c)) => c.trim().to_string(),
        Some(_) => return error(500, "INTERNAL_ERROR", "Internal server error."),
    };
    let Some(table) = ctx.output("JiraUserMappingTableName") else {
        return error(500, "INTERNAL_ERROR", "Internal server error.");
    };
    let ddb = ctx.dynamodb();
    let pending_key = format!("pending#{code}");
    let row = match ddb
        .get_item()
        .table_name(table)
        .key("jira_identity", AttributeValue::S(pending_key.clone()))
        .consistent_read(true)
        .send()
        .await
    {
        Ok(r) => r.item,
        Err(_) => return error(500, "INTERNAL_ERROR", "Internal server error."),
    };
    let Some(row) = row.filter(|r| s(r, "status") == "pending") else {
        return error(404, "VALIDATION_ERROR", "Invalid or expired link code.");
    };
    let (cloud, account) = (s(&row, "jira_cloud_id"), s(&row, "jira_account_id"));
    let who = json!({
        "jira_cloud_id": cloud,
        "jira_site_url": s(&row, "jira_site_url"),
        "jira_account_id": account,
        "jira_user_name": s(&row, "jira_user_name"),
        "jira_user_email": s(&row, "jira_user_email"),
    });
    if body.get("dry_run") == Some(&Value::Bool(true)) {
        let mut d = who;
        d["dry_run"] = Value::Bool(true);
        return data(200, d);
    }
    let linked_at = now_iso();
    let put = ddb
        .put_item()
        .table_name(table)
        .item(
            "jira_identity",
            AttributeValue::S(format!("{cloud}#{account}")),
        )
        .item("platform_user_id", AttributeValue::S(claims.sub.clone()))
        .item("jira_cloud_id", AttributeValue::S(cloud.clone()))
        .item("jira_account_id", AttributeValue::S(account.clone()))
        .item("linked_at", AttributeValue::S(linked_at.clone()))
        .item("status", AttributeValue::S("active".into()))
        .item("link_method", AttributeValue::S("cli".into()))
        .send()
        .await;
    let delete = match put {
        Ok(_) => {
            ddb.delete_item()
                .table_name(table)
                .key("jira_identity", AttributeValue::S(pending_key))
                .send()
                .await
        }
        Err(_) => return error(500, "INTERNAL_ERROR", "Internal server error."),
    };
    if delete.is_err() {
        return error(500, "INTERNAL_ERROR", "Internal server error.");
    }
    let mut d = who;
    d["message"] = Value::from("Jira account linked successfully.");
    d["linked_at"] = Value::from(linked_at);
    data(200, d)
}
