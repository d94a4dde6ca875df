//! `bgagent jira cr check <ISSUE-KEY>`: reads the change request with the tenant's stored token
//! (refreshed rotation-safely, only when due), decides with `domain::cr_gate`, prints every
//! reason, and exits 0 approved / 1 not approved / 2 usage or configuration. Any failure to read
//! the issue is an error with the tool's usual exit code, never 0.

use std::io::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use super::keys::read_public_key;
use crate::atlassian::api;
use crate::aws::Output;
use crate::cli::{CrCheckArgs, GlobalArgs};
use crate::commands::jira::{Ctx, active_tenants, require_active_tenant, tenant_token};
use crate::domain::cr_gate::{self, Outcome, Policy, TrustedKey};
use crate::domain::timefmt;
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

pub async fn run(a: CrCheckArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let audit = a.audit_file.clone();
    let key = a.issue_key.clone();
    match decide(a, g, ui).await {
        Ok((doc, approved, lines)) => {
            if let Some(path) = &audit {
                let mut record = doc.clone();
                record["checked_at"] = json!(timefmt::iso_ms(timefmt::now()));
                record["tool"] = json!(concat!("bgagent ", env!("CARGO_PKG_VERSION")));
                write_audit(path, &record)?;
                ui.debug(format!("audit record written to {}", path.display()));
            }
            for l in lines {
                ui.result(l);
            }
            ui.emit_json(&doc);
            if !approved {
                let _ = std::io::stdout().flush();
                std::process::exit(Exit::Failure as i32);
            }
            Ok(())
        }
        Err(e) => {
            if let Some(path) = &audit {
                let record = json!({
                    "issue_key": key,
                    "verdict": "error",
                    "approved": false,
                    "checked_at": timefmt::iso_ms(timefmt::now()),
                    "tool": concat!("bgagent ", env!("CARGO_PKG_VERSION")),
                    "error": e.to_json()["error"],
                });
                if let Err(we) = write_audit(path, &record) {
                    return Err(e.cause(format!("also: {}", we.message)));
                }
            }
            Err(e)
        }
    }
}

/// Writes the audit record whole (temporary file, then rename).
fn write_audit(path: &Path, record: &Value) -> Result<()> {
    let tmp = path.with_extension("tmp-bgagent");
    let text = serde_json::to_string_pretty(record).expect("serialisable") + "\n";
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::failure(format!("could not write the audit file {}", path.display()))
                .cause(e)
                .hint("fix the --audit-file path; the gate does not pass without its audit record")
        })
}

fn symbol(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "✓",
        Outcome::Warn => "!",
        Outcome::Fail => "✗",
        Outcome::Skipped => "-",
    }
}

/// Returns the verdict document, whether the issue is approved, and the text result lines.
async fn decide(a: CrCheckArgs, g: &GlobalArgs, ui: &Ui) -> Result<(Value, bool, Vec<String>)> {
    // Configuration first (exit 2), before any call.
    if a.approved_statuses.iter().any(|s| s.trim().is_empty()) {
        return Err(Error::usage("--approved-status must not be blank"));
    }
    if a.approver_role
        .as_deref()
        .is_some_and(|r| r.trim().is_empty())
    {
        return Err(Error::usage("--approver-role must not be blank"));
    }
    let mut keys = Vec::new();
    for p in &a.public_key {
        let k = read_public_key(p)?;
        keys.push(TrustedKey::new(p.display().to_string(), k));
    }
    let policy = Policy {
        approved_statuses: a.approved_statuses.clone(),
        approver_field: a.approver_field.clone(),
        approver_role: a.approver_role.clone(),
        signature_field: a.signature_field.clone(),
        require_signature: a.require_signature,
        max_age: a.max_age,
    };

    let ctx = Ctx::new(g, ui, &[Output::Registry]).await?;
    let tenant = match &a.cloud_id {
        Some(c) => require_active_tenant(&ctx, ui, c).await?,
        None => {
            let active = active_tenants(&ctx, ui).await?;
            match active.as_slice() {
                [(c, _)] => require_active_tenant(&ctx, ui, c).await?,
                [] => {
                    return Err(Error::usage("no active Jira tenant to read the issue with")
                        .hint("run `bgagent jira setup` first, or pass --cloud-id"));
                }
                several => {
                    return Err(Error::usage(format!(
                        "{} active tenants: say which one reads the issue",
                        several.len()
                    ))
                    .hint(format!("pass --cloud-id {}", several[0].0)));
                }
            }
        }
    };
    let sm = ctx.aws.secrets();
    let bundle = tenant_token::fresh_bundle(&sm, ui, &tenant.bundle_id(), &tenant.cloud_id).await?;
    let token = bundle.str("access_token").unwrap_or_default();
    let issue = api::issue(ui, &tenant.cloud_id, token, &a.issue_key, &policy.fields())
        .await?
        .ok_or_else(|| {
            Error::failure(format!(
                "Jira issue {} does not exist, or the tenant's token cannot see it",
                a.issue_key
            ))
            .hint("check the issue key, and that the account that ran `bgagent jira setup` can browse the change-request project")
        })?;
    let verdict = cr_gate::evaluate(&issue, &policy, &keys, timefmt::now());
    let approved = verdict.approved();

    let mut lines = vec![format!(
        "{}: {}",
        verdict.issue_key,
        if approved { "APPROVED" } else { "NOT APPROVED" }
    )];
    for c in &verdict.checks {
        lines.push(format!(
            "  {} {:<17} {}",
            symbol(c.result),
            c.check,
            c.detail
        ));
    }
    let mut doc = verdict.to_json(&policy);
    doc["cloud_id"] = json!(tenant.cloud_id);
    doc["site_url"] = json!(tenant.site_url);
    doc["fields_sha256"] = json!(verdict.fields_sha256);
    Ok((doc, approved, lines))
}
