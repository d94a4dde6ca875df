//! `bgagent pending`: `GET /pending`, the approvals waiting for you, each with the exact
//! approve and deny commands. The server returns at most 100 (no pagination).

use reqwest::Method;
use serde_json::Value;

use super::{PendingArgs, api, shell_word};
use crate::error::{Exit, Result};
use crate::platform::api::classify;
use crate::terminal::Ui;

pub async fn run(_a: PendingArgs, ui: &Ui) -> Result<()> {
    let api = api()?;
    let d = api
        .call(ui, Method::GET, &["pending"], None)
        .await?
        .map_err(|e| match e.status {
            429 => e
                .error(Exit::Failure, format!("rate limit exceeded ({})", e.code))
                .hint("`bgagent pending` is limited per user per minute; poll less often"),
            503 => e
                .error(
                    Exit::Failure,
                    format!("service temporarily unavailable ({})", e.code),
                )
                .hint("retry in a minute"),
            _ => classify(&e, &api.api_url),
        })?;
    let items = d["pending"].as_array().cloned().unwrap_or_default();
    let s = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    if items.is_empty() {
        ui.result("(no pending approvals)");
    } else {
        ui.result(format!("{} pending approval(s):", items.len()));
        for it in &items {
            let (task, req) = (s(it, "task_id"), s(it, "request_id"));
            let rules: Vec<String> = it["matching_rule_ids"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            ui.result("");
            ui.result(format!("  task_id:    {task}"));
            ui.result(format!("  request_id: {req}"));
            ui.result(format!(
                "  tool:       {}    severity: {}",
                s(it, "tool_name"),
                s(it, "severity")
            ));
            ui.result(format!("  reason:     {}", s(it, "reason")));
            if !rules.is_empty() {
                ui.result(format!("  rules:      {}", rules.join(", ")));
            }
            ui.result(format!("  preview:    {}", s(it, "tool_input_preview")));
            ui.result(format!("  created:    {}", s(it, "created_at")));
            ui.result(format!(
                "  expires:    {} (timeout_s={})",
                s(it, "expires_at"),
                it["timeout_s"].as_i64().unwrap_or(0)
            ));
            let (t, r) = (shell_word(&task), shell_word(&req));
            ui.result(format!("  approve:    bgagent approve {t} {r}"));
            ui.result(format!(
                "  deny:       bgagent deny {t} {r} --reason \"...\""
            ));
        }
        if items.len() >= 100 {
            ui.warn("the API returns at most 100 pending approvals; decide some to see the rest");
        }
    }
    ui.emit_json(&d);
    Ok(())
}
