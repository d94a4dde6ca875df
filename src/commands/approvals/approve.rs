//! `bgagent approve <task-id> <request-id> [--scope …]`: `POST /tasks/{task}/approve`.
//! The scope is validated here first; `all_session` needs `--yes`.

use reqwest::Method;
use serde_json::json;

use super::{ApproveArgs, api, decision_error};
use crate::domain::scope;
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub async fn run(a: ApproveArgs, ui: &Ui) -> Result<()> {
    let scope = scope::parse(&a.scope).map_err(|why| {
        Error::usage(format!("invalid --scope: {why}"))
            .not_written("nothing (no request was sent)")
            .hint(format!("use one of: {}", scope::FORMS))
    })?;
    if scope == "all_session" && !ui.yes {
        return Err(Error::usage(
            "--scope all_session approves every later gate of this task's session without asking",
        )
        .not_written("nothing (no request was sent)")
        .hint("re-run with --yes to confirm, or pick a narrower scope (e.g. tool_type:Bash or rule:<rule-id>)"));
    }
    let api = api()?;
    let body = json!({"request_id": a.request_id, "decision": "approve", "scope": scope});
    let d = api
        .call(
            ui,
            Method::POST,
            &["tasks", &a.task_id, "approve"],
            Some(&body),
        )
        .await?
        .map_err(|e| decision_error(&e, "Approval", &a.task_id, &a.request_id, &api.api_url))?;
    let s = |k: &str| {
        d.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    ui.result(format!(
        "Approved {} on task {} with scope={} at {}.",
        a.request_id,
        a.task_id,
        s("scope"),
        s("decided_at")
    ));
    ui.emit_json(&d);
    Ok(())
}
