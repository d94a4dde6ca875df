//! `POST /v1/jira/link` and `POST /v1/linear/link` of the local platform API: one handler with the
//! deployed link Lambdas' semantics (`cdk/src/handlers/jira-link.ts`, `linear-link.ts`;
//! CONTRACT-platform-api.md §6, CONTRACT-linear.md), parameterised by a [`LinkProvider`] (route,
//! table, key and field names, consistency of the read, success message). Behind the Cognito
//! authorizer: the caller's `sub` — not anything in the body — is the platform user linked.
//!
//! - body absent / not JSON / `code` falsy: 400 `VALIDATION_ERROR`; `code` not a string: 500;
//! - `GetItem pending#<trimmed code>` (consistent for Jira, eventually consistent for Linear, as
//!   deployed) missing or `status != "pending"`: 404 `VALIDATION_ERROR` "Invalid or expired link
//!   code." (the Lambdas do not check `ttl`);
//! - `"dry_run": true` (strictly): 200 with who would be linked, nothing written;
//! - else an unconditional PutItem of the active link (`link_method=cli`), then DeleteItem of the
//!   pending row (not a transaction), 200 with `message` and `linked_at`.

use std::collections::HashMap;
use std::sync::Arc;

use aws_sdk_dynamodb::types::AttributeValue;
use serde_json::{Map, Value};

use super::platform_api::{Ctx, Request, Response, Route, block_on};
use super::platform_authorizer::{Authorizer, Claims};
use super::platform_envelope::{data, error, now_iso};

/// What differs between the Jira and the Linear link Lambda.
#[derive(Debug)]
pub struct LinkProvider {
    /// The route, relative to the stage.
    pub path: &'static str,
    /// The stack output naming the user-mapping table.
    pub table_output: &'static str,
    /// The table's key attribute.
    pub key: &'static str,
    /// Whether the pending row is read with `ConsistentRead`.
    pub consistent_read: bool,
    /// Invite-row attributes echoed in the answer, in this order: the site or workspace id, its
    /// URL or slug, the account or user id, the name, the email. The first and third make the
    /// link row's key `<id>#<user>` and are written on it.
    pub fields: [&'static str; 5],
    /// `message` of a successful link.
    pub linked_message: &'static str,
}

pub const JIRA: LinkProvider = LinkProvider {
    path: "/jira/link",
    table_output: "JiraUserMappingTableName",
    key: "jira_identity",
    consistent_read: true,
    fields: [
        "jira_cloud_id",
        "jira_site_url",
        "jira_account_id",
        "jira_user_name",
        "jira_user_email",
    ],
    linked_message: "Jira account linked successfully.",
};

pub const LINEAR: LinkProvider = LinkProvider {
    path: "/linear/link",
    table_output: "LinearUserMappingTableName",
    key: "linear_identity",
    consistent_read: false,
    fields: [
        "linear_workspace_id",
        "linear_workspace_slug",
        "linear_user_id",
        "linear_user_name",
        "linear_user_email",
    ],
    linked_message: "Linear account linked successfully.",
};

/// `POST /jira/link`.
pub fn route(auth: Arc<Authorizer>) -> Route {
    link_route(&JIRA, auth)
}

/// `POST <p.path>`; other methods get API Gateway's 403.
pub fn link_route(p: &'static LinkProvider, auth: Arc<Authorizer>) -> Route {
    Box::new(move |req: &Request, ctx: &Ctx| {
        if req.path != p.path {
            return None;
        }
        if req.method != "POST" {
            return Some(Response::message(403, "Missing Authentication Token"));
        }
        Some(match auth.authorize(req, ctx) {
            Ok(claims) => block_on(link(p, req, ctx, &claims)),
            Err(r) => r,
        })
    })
}

/// A string attribute of an item, empty when absent or not a string.
pub fn s(item: &HashMap<String, AttributeValue>, k: &str) -> String {
    item.get(k)
        .and_then(|v| v.as_s().ok())
        .cloned()
        .unwrap_or_default()
}

fn internal() -> Response {
    error(500, "INTERNAL_ERROR", "Internal server error.")
}

/// The trimmed `code` of the body, or the Lambda's answer to a body without one.
fn code_of(body: &[u8]) -> Result<(String, Value), Response> {
    let invalid = || {
        error(
            400,
            "VALIDATION_ERROR",
            "Request body must include a \"code\" field.",
        )
    };
    let body = serde_json::from_slice::<Value>(body).map_err(|_| invalid())?;
    let code = match body.get("code") {
        None | Some(Value::Null) | Some(Value::Bool(false)) => return Err(invalid()),
        Some(Value::String(c)) if c.is_empty() => return Err(invalid()),
        Some(Value::String(c)) => c.trim().to_string(),
        Some(_) => return Err(internal()),
    };
    Ok((code, body))
}

/// Who the invite row links: the five [`LinkProvider::fields`] (missing ones empty).
fn who(p: &LinkProvider, row: &HashMap<String, AttributeValue>) -> Map<String, Value> {
    p.fields
        .iter()
        .map(|f| (f.to_string(), Value::from(s(row, f))))
        .collect()
}

async fn link(p: &LinkProvider, req: &Request, ctx: &Ctx, claims: &Claims) -> Response {
    let (code, body) = match code_of(&req.body) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(table) = ctx.output(p.table_output) else {
        return internal();
    };
    let ddb = ctx.dynamodb();
    let pending_key = format!("pending#{code}");
    let mut get = ddb
        .get_item()
        .table_name(table)
        .key(p.key, AttributeValue::S(pending_key.clone()));
    if p.consistent_read {
        get = get.consistent_read(true);
    }
    let row = match get.send().await {
        Ok(r) => r.item,
        Err(_) => return internal(),
    };
    let Some(row) = row.filter(|r| s(r, "status") == "pending") else {
        return error(404, "VALIDATION_ERROR", "Invalid or expired link code.");
    };
    let mut d = who(p, &row);
    if body.get("dry_run") == Some(&Value::Bool(true)) {
        d.insert("dry_run".into(), Value::Bool(true));
        return data(200, Value::Object(d));
    }
    let [place_attr, _, user_attr, _, _] = p.fields;
    let (place, user) = (s(&row, place_attr), s(&row, user_attr));
    let linked_at = now_iso();
    let put = ddb
        .put_item()
        .table_name(table)
        .item(p.key, AttributeValue::S(format!("{place}#{user}")))
        .item("platform_user_id", AttributeValue::S(claims.sub.clone()))
        .item(place_attr, AttributeValue::S(place))
        .item(user_attr, AttributeValue::S(user))
        .item("linked_at", AttributeValue::S(linked_at.clone()))
        .item("status", AttributeValue::S("active".into()))
        .item("link_method", AttributeValue::S("cli".into()))
        .send()
        .await;
    if put.is_err() {
        return internal();
    }
    let delete = ddb
        .delete_item()
        .table_name(table)
        .key(p.key, AttributeValue::S(pending_key))
        .send()
        .await;
    if delete.is_err() {
        return internal();
    }
    d.insert("message".into(), Value::from(p.linked_message));
    d.insert("linked_at".into(), Value::from(linked_at));
    data(200, Value::Object(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(r: &Response) -> Value {
        serde_json::from_slice(&r.body).unwrap()
    }

    #[test]
    fn the_code_is_required_trimmed_and_a_string() {
        for bad in [
            &b""[..],
            b"not json",
            b"{}",
            br#"{"code":null}"#,
            br#"{"code":false}"#,
            br#"{"code":""}"#,
        ] {
            let r = code_of(bad).unwrap_err();
            assert_eq!(r.status, 400, "{}", String::from_utf8_lossy(bad));
            assert_eq!(body(&r)["error"]["code"], "VALIDATION_ERROR");
        }
        assert_eq!(code_of(br#"{"code":7}"#).unwrap_err().status, 500);
        let (code, b) = code_of(br#"{"code":" link-k7m2qz9a ","dry_run":true}"#).unwrap();
        assert_eq!(code, "link-k7m2qz9a");
        assert_eq!(b["dry_run"], true);
    }

    #[test]
    fn each_provider_echoes_its_own_invite_fields() {
        let row: HashMap<String, AttributeValue> = [
            ("jira_cloud_id", "c-1"),
            ("jira_account_id", "acc-1"),
            ("linear_workspace_id", "ws-1"),
            ("linear_user_name", "Sam"),
            ("status", "pending"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), AttributeValue::S(v.to_string())))
        .collect();
        let jira = Value::Object(who(&JIRA, &row));
        assert_eq!(
            jira,
            serde_json::json!({"jira_cloud_id": "c-1", "jira_site_url": "",
                "jira_account_id": "acc-1", "jira_user_name": "", "jira_user_email": ""})
        );
        let linear = Value::Object(who(&LINEAR, &row));
        assert_eq!(
            linear,
            serde_json::json!({"linear_workspace_id": "ws-1", "linear_workspace_slug": "",
                "linear_user_id": "", "linear_user_name": "Sam", "linear_user_email": ""})
        );
    }
}
