//! `bgagent policies list|show --repo <owner/repo>`: `GET /repos/{repo}/policies` (the slash
//! sent as `%2F`), filtered here. A repo that is not onboarded is the server's 422
//! `REPO_NOT_ONBOARDED` (404 is read the same way).

use reqwest::Method;
use serde_json::{Value, json};

use super::{PoliciesCommand, Tier, api};
use crate::error::{Error, Exit, Result};
use crate::platform::api::classify;
use crate::terminal::Ui;

async fn fetch(ui: &Ui, repo: &str) -> Result<Value> {
    let api = api()?;
    api.call(ui, Method::GET, &["repos", repo, "policies"], None)
        .await?
        .map_err(|e| match e.status {
            404 | 422 if e.envelope => e
                .error(
                    Exit::Conflict,
                    format!("repository {repo} is not onboarded ({})", e.code),
                )
                .hint("onboard the repository (register it with a Blueprint), then retry"),
            429 => e
                .error(Exit::Failure, format!("rate limit exceeded ({})", e.code))
                .hint("`bgagent policies` is limited per user per minute; wait a minute and retry"),
            503 => e
                .error(
                    Exit::Failure,
                    format!("policy service temporarily unavailable ({})", e.code),
                )
                .hint("the repository's blueprint Cedar policies may not parse; fix the blueprint, or retry later"),
            _ => classify(&e, &api.api_url),
        })
}

fn rule_line(r: &Value) -> (String, String) {
    let mut head = format!("  {}", r["rule_id"].as_str().unwrap_or_default());
    if let Some(s) = r["severity"].as_str() {
        head.push_str(&format!("  severity={s}"));
    }
    if let Some(t) = r["approval_timeout_s"].as_i64() {
        head.push_str(&format!("  timeout_s={t}"));
    }
    if let Some(c) = r["category"].as_str() {
        head.push_str(&format!("  category={c}"));
    }
    (
        head,
        format!("      {}", r["summary"].as_str().unwrap_or_default()),
    )
}

fn section(ui: &Ui, title: &str, rules: &Value) {
    ui.result(title);
    match rules.as_array().filter(|a| !a.is_empty()) {
        None => ui.result("  (none)"),
        Some(list) => {
            for r in list {
                let (h, s) = rule_line(r);
                ui.result(h);
                ui.result(s);
            }
        }
    }
}

pub async fn run(cmd: PoliciesCommand, ui: &Ui) -> Result<()> {
    match cmd {
        PoliciesCommand::List(a) => {
            let mut d = fetch(ui, &a.repo).await?;
            if let Some(t) = a.tier {
                let other = if t == Tier::Hard { "soft" } else { "hard" };
                d["policies"][other] = json!([]);
            }
            if a.tier != Some(Tier::Soft) {
                section(
                    ui,
                    "Hard-deny rules (absolute; --pre-approve cannot bypass):",
                    &d["policies"]["hard"],
                );
            }
            if a.tier.is_none() {
                ui.result("");
            }
            if a.tier != Some(Tier::Hard) {
                section(
                    ui,
                    "Soft-deny rules (require approval; pre-approve with --pre-approve rule:<id>):",
                    &d["policies"]["soft"],
                );
            }
            ui.emit_json(&d);
        }
        PoliciesCommand::Show(a) => {
            let d = fetch(ui, &a.repo).await?;
            let find = |tier: &str| {
                d["policies"][tier]
                    .as_array()
                    .and_then(|l| l.iter().find(|r| r["rule_id"] == a.rule.as_str()).cloned())
            };
            let (tier, rule) = match (find("hard"), find("soft")) {
                (Some(r), _) => ("hard", r),
                (None, Some(r)) => ("soft", r),
                (None, None) => {
                    return Err(Error::new(
                        Exit::Conflict,
                        format!("rule {} not found for repo {}", a.rule, a.repo),
                    )
                    .hint(format!(
                        "run `bgagent policies list --repo {}` to see the rules",
                        a.repo
                    )));
                }
            };
            let line = |k: &str, v: String| ui.result(format!("{:<22}{v}", format!("{k}:")));
            line("rule_id", a.rule.clone());
            line("tier", tier.to_string());
            for k in ["severity", "approval_timeout_s", "category"] {
                match &rule[k] {
                    Value::Null => {}
                    Value::String(s) => line(k, s.clone()),
                    v => line(k, v.to_string()),
                }
            }
            line(
                "summary",
                rule["summary"].as_str().unwrap_or_default().to_string(),
            );
            let mut doc = rule.clone();
            doc["tier"] = json!(tier);
            ui.emit_json(&doc);
        }
    }
    Ok(())
}
