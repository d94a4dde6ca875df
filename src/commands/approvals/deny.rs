//! `bgagent deny <task-id> <request-id> [--reason … | --reason-file …]`: `POST
//! /tasks/{task}/deny`. The reason is trimmed and must fit the server's 2000 characters (counted
//! in UTF-16 units, as the server does); an empty reason is not sent.

use reqwest::Method;
use serde_json::json;

use super::{DenyArgs, api, decision_error};
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub const MAX_REASON: usize = 2000;

pub async fn run(a: DenyArgs, ui: &Ui) -> Result<()> {
    let reason = match (&a.reason, &a.reason_file) {
        (Some(r), _) => r.trim().to_string(),
        (None, Some(p)) => std::fs::read_to_string(p)
            .map_err(|e| {
                Error::usage(format!("cannot read --reason-file {}", p.display()))
                    .cause(e)
                    .not_written("nothing (no request was sent)")
            })?
            .trim()
            .to_string(),
        (None, None) => String::new(),
    };
    let units = reason.encode_utf16().count();
    if units > MAX_REASON {
        return Err(Error::usage(format!(
            "the reason is {units} characters long; at most {MAX_REASON}"
        ))
        .not_written("nothing (no request was sent)")
        .hint("shorten it (the agent sees it; keep it to the point)"));
    }
    let api = api()?;
    let mut body = json!({"request_id": a.request_id, "decision": "deny"});
    if !reason.is_empty() {
        body["reason"] = json!(reason);
    }
    let d = api
        .call(
            ui,
            Method::POST,
            &["tasks", &a.task_id, "deny"],
            Some(&body),
        )
        .await?
        .map_err(|e| decision_error(&e, "Denial", &a.task_id, &a.request_id, &api.api_url))?;
    ui.result(format!(
        "Denied {} on task {} at {}.",
        a.request_id,
        a.task_id,
        d.get("decided_at")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
    ));
    ui.emit_json(&d);
    Ok(())
}
