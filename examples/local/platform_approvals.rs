//! The Cedar HITL routes of the local platform API, behind the Cognito authorizer, with the
//! deployed handlers' rules (CONTRACT-platform-api.md §7) over an in-memory store that tests
//! seed ([`Approvals::seed`]):
//!
//! - `POST /tasks/{task_id}/approve` `{request_id, decision:"approve", scope?}` → 202;
//!   `POST /tasks/{task_id}/deny` `{request_id, decision:"deny", reason?}` → 202. 400
//!   `VALIDATION_ERROR` (bad JSON, fields, scope), 429 `RATE_LIMIT_EXCEEDED` (30/min per user,
//!   shared, counted before the attempt), 404 `REQUEST_NOT_FOUND` (missing, not the caller's,
//!   already decided), 409 `TASK_NOT_AWAITING_APPROVAL` (the task row's guard failed).
//! - `GET /pending` → 200 `{pending:[…]}` (the caller's PENDING requests, at most 100; 10/min).
//! - `GET /repos/{repo_id}/policies` → 200 `{repo_id, policies:{hard, soft}}`; 422
//!   `REPO_NOT_ONBOARDED` unless the repo is `active` in the stack's RepoTable; 503
//!   `SERVICE_UNAVAILABLE` when the repo's blueprint policies are marked invalid; 30/min.
//! - [`Approvals::set_unavailable`] makes every route answer 503 `SERVICE_UNAVAILABLE`.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use aws_sdk_dynamodb::types::AttributeValue;
use serde_json::{Value, json};

use super::platform_api::{Ctx, Request, Response, Route, block_on};
use super::platform_authorizer::{Authorizer, Claims};
use super::platform_envelope::{data, error, iso, now_iso};

/// One approval request (a row of `TaskApprovalsTable` plus its task row's guard).
#[derive(Debug, Clone)]
pub struct Approval {
    pub task_id: String,
    pub request_id: String,
    pub user_id: String,
    /// PENDING, APPROVED, DENIED, TIMED_OUT, STRANDED.
    pub status: String,
    pub tool_name: String,
    pub tool_input_preview: String,
    pub severity: String,
    pub reason: String,
    pub created_at: String,
    pub timeout_s: i64,
    pub matching_rule_ids: Vec<String>,
    /// The task row is AWAITING_APPROVAL for this request (else approve/deny answer 409).
    pub task_awaiting: bool,
    pub decided_at: Option<String>,
    pub scope: Option<String>,
    pub deny_reason: Option<String>,
}

impl Approval {
    pub fn pending(task_id: &str, request_id: &str, user_id: &str) -> Approval {
        Approval {
            task_id: task_id.into(),
            request_id: request_id.into(),
            user_id: user_id.into(),
            status: "PENDING".into(),
            tool_name: "Bash".into(),
            tool_input_preview: "rm -rf build/".into(),
            severity: "high".into(),
            reason: "destructive shell command".into(),
            created_at: now_iso(),
            timeout_s: 300,
            matching_rule_ids: vec!["bash_destructive".into()],
            task_awaiting: true,
            decided_at: None,
            scope: None,
            deny_reason: None,
        }
    }
}

pub const APPROVE_LIMIT: u32 = 30;
pub const PENDING_LIMIT: u32 = 10;
pub const POLICIES_LIMIT: u32 = 30;
const VALID_PREFIXES: &str = "tool_type:, tool_group:, bash_pattern:, write_path:, rule:";

pub struct Approvals {
    items: Mutex<Vec<Approval>>,
    limits: Mutex<HashMap<&'static str, u32>>,
    counters: Mutex<HashMap<(String, &'static str, i64), u32>>,
    unavailable: AtomicBool,
    invalid_policies: Mutex<HashSet<String>>,
}

impl Default for Approvals {
    fn default() -> Self {
        Approvals {
            items: Mutex::new(Vec::new()),
            limits: Mutex::new(HashMap::from([
                ("APPROVE", APPROVE_LIMIT),
                ("PENDING", PENDING_LIMIT),
                ("POLICIES", POLICIES_LIMIT),
            ])),
            counters: Mutex::new(HashMap::new()),
            unavailable: AtomicBool::new(false),
            invalid_policies: Mutex::new(HashSet::new()),
        }
    }
}

impl Approvals {
    pub fn seed(&self, a: Approval) {
        self.items.lock().unwrap().push(a);
    }

    pub fn get(&self, task_id: &str, request_id: &str) -> Option<Approval> {
        self.items
            .lock()
            .unwrap()
            .iter()
            .find(|a| a.task_id == task_id && a.request_id == request_id)
            .cloned()
    }

    /// Per-user per-minute limit of `APPROVE` (approve + deny), `PENDING` or `POLICIES`.
    pub fn set_limit(&self, kind: &'static str, per_minute: u32) {
        self.limits.lock().unwrap().insert(kind, per_minute);
    }

    pub fn set_unavailable(&self, on: bool) {
        self.unavailable.store(on, Ordering::SeqCst);
    }

    /// Marks a repo's blueprint Cedar policies as unparsable (policies → 503).
    pub fn set_policies_invalid(&self, repo: &str) {
        self.invalid_policies.lock().unwrap().insert(repo.into());
    }

    fn over_limit(&self, sub: &str, kind: &'static str) -> bool {
        let minute = time::OffsetDateTime::now_utc().unix_timestamp() / 60;
        let limit = self.limits.lock().unwrap()[kind];
        let mut c = self.counters.lock().unwrap();
        let n = c.entry((sub.to_string(), kind, minute)).or_insert(0);
        *n += 1;
        *n > limit
    }
}

pub fn route(auth: Arc<Authorizer>, store: Arc<Approvals>) -> Route {
    Box::new(move |req: &Request, ctx: &Ctx| {
        let segs: Vec<String> = req
            .path
            .trim_start_matches('/')
            .split('/')
            .map(|s| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8_lossy()
                    .into_owned()
            })
            .collect();
        let seg: Vec<&str> = segs.iter().map(String::as_str).collect();
        let which = match (req.method.as_str(), seg.as_slice()) {
            ("POST", ["tasks", t, "approve"]) => Kind::Decide(t.to_string(), "approve"),
            ("POST", ["tasks", t, "deny"]) => Kind::Decide(t.to_string(), "deny"),
            ("GET", ["pending"]) => Kind::Pending,
            ("GET", ["repos", r, "policies"]) => Kind::Policies(r.to_string()),
            (_, ["tasks", _, "approve" | "deny"] | ["pending"] | ["repos", _, "policies"]) => {
                return Some(Response::message(403, "Missing Authentication Token"));
            }
            _ => return None,
        };
        let claims = match auth.authorize(req, ctx) {
            Ok(c) => c,
            Err(r) => return Some(r),
        };
        if store.unavailable.load(Ordering::SeqCst) {
            return Some(error(
                503,
                "SERVICE_UNAVAILABLE",
                "Service temporarily unavailable.",
            ));
        }
        Some(match which {
            Kind::Decide(task, decision) => decide(req, &store, &claims, &task, decision),
            Kind::Pending => pending(&store, &claims),
            Kind::Policies(repo) => block_on(policies(ctx, &store, &claims, &repo)),
        })
    })
}

enum Kind {
    Decide(String, &'static str),
    Pending,
    Policies(String),
}

/// The server's scope validation (`approval-scope.ts`): `Err(reason)`.
pub fn validate_scope(scope: &str) -> Result<(), String> {
    let s = scope.trim();
    if s.is_empty() {
        return Err("scope is empty".into());
    }
    if s.chars().count() > 128 {
        return Err("scope exceeds 128 characters".into());
    }
    if [
        "this_call",
        "tool_type_session",
        "tool_group_session",
        "all_session",
    ]
    .contains(&s)
    {
        return Ok(());
    }
    let Some((prefix, value)) = s.split_once(':') else {
        return Err(format!("unknown scope '{s}'"));
    };
    if value.is_empty() {
        return Err(format!("scope prefix '{prefix}:' needs a value"));
    }
    match prefix {
        "tool_type" => [
            "Bash", "Read", "Write", "Edit", "Glob", "Grep", "WebFetch", "Task",
        ]
        .contains(&value)
        .then_some(())
        .ok_or_else(|| format!("unknown tool type '{value}'")),
        "tool_group" => (value == "file_write")
            .then_some(())
            .ok_or_else(|| format!("unknown tool group '{value}'")),
        "bash_pattern" | "write_path" | "rule" => Ok(()),
        _ => Err(format!("unknown scope prefix '{prefix}:'")),
    }
}

fn decide(
    req: &Request,
    store: &Approvals,
    claims: &Claims,
    task: &str,
    decision: &str,
) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
        return error(400, "VALIDATION_ERROR", "Request body must be valid JSON.");
    };
    let Some(request_id) = body["request_id"].as_str().map(str::to_string) else {
        return error(
            400,
            "VALIDATION_ERROR",
            &format!(
                "Missing or invalid required fields: request_id (string), decision (\"{decision}\")."
            ),
        );
    };
    if body["decision"] != decision {
        return error(
            400,
            "VALIDATION_ERROR",
            &format!(
                "Missing or invalid required fields: request_id (string), decision (\"{decision}\")."
            ),
        );
    }
    let scope = body["scope"].as_str().unwrap_or("this_call").to_string();
    if decision == "approve"
        && let Err(why) = validate_scope(&scope)
    {
        return error(
            400,
            "VALIDATION_ERROR",
            &format!("Invalid scope: {why}. Valid prefixes: {VALID_PREFIXES}."),
        );
    }
    let reason = match body.get("reason") {
        None | Some(Value::Null) => None,
        Some(Value::String(r)) => Some(r.chars().take(2000).collect::<String>()),
        Some(_) => return error(500, "INTERNAL_ERROR", "Internal server error."),
    };
    if store.over_limit(&claims.sub, "APPROVE") {
        return error(
            429,
            "RATE_LIMIT_EXCEEDED",
            &format!(
                "Rate limit exceeded: at most {} approve/deny decisions per minute.",
                store.limits.lock().unwrap()["APPROVE"]
            ),
        );
    }
    let mut items = store.items.lock().unwrap();
    let Some(a) = items.iter_mut().find(|a| {
        a.task_id == task
            && a.request_id == request_id
            && a.status == "PENDING"
            && a.user_id == claims.sub
    }) else {
        return error(
            404,
            "REQUEST_NOT_FOUND",
            "Approval request not found or not owned by caller.",
        );
    };
    if !a.task_awaiting {
        return error(
            409,
            "TASK_NOT_AWAITING_APPROVAL",
            "Task is not currently awaiting approval for this request.",
        );
    }
    let decided_at = now_iso();
    a.decided_at = Some(decided_at.clone());
    a.task_awaiting = false;
    if decision == "approve" {
        a.status = "APPROVED".into();
        a.scope = Some(scope.clone());
        data(
            202,
            json!({"task_id": task, "request_id": request_id, "status": "APPROVED", "scope": scope, "decided_at": decided_at}),
        )
    } else {
        a.status = "DENIED".into();
        a.deny_reason = reason;
        data(
            202,
            json!({"task_id": task, "request_id": request_id, "status": "DENIED", "decided_at": decided_at}),
        )
    }
}

fn pending(store: &Approvals, claims: &Claims) -> Response {
    if store.over_limit(&claims.sub, "PENDING") {
        return error(
            429,
            "RATE_LIMIT_EXCEEDED",
            &format!(
                "Rate limit exceeded: at most {} pending-list queries per minute.",
                store.limits.lock().unwrap()["PENDING"]
            ),
        );
    }
    let items = store.items.lock().unwrap();
    let list: Vec<Value> = items
        .iter()
        .filter(|a| a.user_id == claims.sub && a.status == "PENDING")
        .take(100)
        .map(|a| {
            let expires_at = time::OffsetDateTime::parse(
                &a.created_at,
                &time::format_description::well_known::Rfc3339,
            )
            .map(|t| iso(t + time::Duration::seconds(a.timeout_s)))
            .unwrap_or_else(|_| a.created_at.clone());
            json!({
                "task_id": a.task_id, "request_id": a.request_id, "tool_name": a.tool_name,
                "tool_input_preview": a.tool_input_preview, "severity": a.severity,
                "reason": a.reason, "created_at": a.created_at, "timeout_s": a.timeout_s,
                "expires_at": expires_at, "matching_rule_ids": a.matching_rule_ids,
            })
        })
        .collect();
    data(200, json!({ "pending": list }))
}

/// The built-in Cedar rule sets, as `PolicyRuleSummary` lists.
pub fn builtin_policies() -> (Value, Value) {
    (
        json!([
            {"rule_id": "deny_force_push_protected", "summary": "git push --force to a protected branch", "category": "git"},
            {"rule_id": "deny_secrets_exfiltration", "summary": "reading credential files or the instance metadata service", "category": "secrets"},
        ]),
        json!([
            {"rule_id": "bash_destructive", "summary": "destructive shell commands (rm -rf, git reset --hard)", "category": "shell", "severity": "high", "approval_timeout_s": 300},
            {"rule_id": "write_outside_src", "summary": "writes outside src/ and tests/", "category": "filesystem", "severity": "medium", "approval_timeout_s": 600},
        ]),
    )
}

async fn policies(ctx: &Ctx, store: &Approvals, claims: &Claims, repo: &str) -> Response {
    if store.over_limit(&claims.sub, "POLICIES") {
        return error(
            429,
            "RATE_LIMIT_EXCEEDED",
            &format!(
                "Rate limit exceeded: at most {} policy-list queries per minute.",
                store.limits.lock().unwrap()["POLICIES"]
            ),
        );
    }
    let Some(table) = ctx.output("RepoTableName") else {
        return error(500, "INTERNAL_ERROR", "Internal server error.");
    };
    let row = ctx
        .dynamodb()
        .get_item()
        .table_name(table)
        .key("repo", AttributeValue::S(repo.to_string()))
        .send()
        .await;
    let active = match row {
        Ok(r) => r
            .item
            .as_ref()
            .and_then(|i| i.get("status"))
            .and_then(|s| s.as_s().ok())
            .is_some_and(|s| s == "active"),
        Err(_) => return error(500, "INTERNAL_ERROR", "Internal server error."),
    };
    if !active {
        return error(
            422,
            "REPO_NOT_ONBOARDED",
            &format!(
                "Repository '{repo}' is not onboarded. Register it with a Blueprint before querying policies."
            ),
        );
    }
    if store.invalid_policies.lock().unwrap().contains(repo) {
        return error(
            503,
            "SERVICE_UNAVAILABLE",
            "Policy set for this repo is currently invalid.",
        );
    }
    let (hard, soft) = builtin_policies();
    data(
        200,
        json!({"repo_id": repo, "policies": {"hard": hard, "soft": soft}}),
    )
}
