//! `bgagent linear workspaces`: the registry (full paginated scan), with each bundle's state
//! and token expiry (never a token).

use crate::aws::{Output, secrets};
use crate::cli::GlobalArgs;
use crate::domain::bundle::{Bundle, BundleError};
use crate::domain::linear::{REQUIRED, is_configured_webhook_secret};
use crate::error::Result;
use crate::terminal::Ui;

pub async fn run(g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = super::ctx(g, ui, &[Output::LinearRegistry]).await?;
    let rows = super::all_workspaces(&ctx, ui).await?;
    let sm = ctx.aws.secrets();
    let mut list = Vec::new();
    for w in &rows {
        let id = w.bundle_id();
        ui.debug(format!("secretsmanager:GetSecretValue {id}"));
        let (expiry, health, webhook) = match secrets::get(&sm, &id).await {
            Ok(Some(cur)) => match Bundle::parse_required(&cur.value, &REQUIRED) {
                Ok(b) => (
                    b.str("expires_at").map(str::to_string),
                    if b.str("workspace_id") == Some(w.id.as_str()) {
                        "ok".to_string()
                    } else {
                        "invalid: workspace_id differs from the registry".to_string()
                    },
                    b.str("webhook_signing_secret")
                        .is_some_and(is_configured_webhook_secret),
                ),
                Err(BundleError::Missing(m)) => {
                    (None, format!("invalid: missing {}", m.join(", ")), false)
                }
                Err(e) => (None, format!("invalid: {e}"), false),
            },
            Ok(None) => (None, "missing".into(), false),
            Err(e) => (None, format!("unreadable: {}", e.message), false),
        };
        list.push(serde_json::json!({
            "workspace_id": w.id,
            "workspace_slug": w.slug,
            "status": w.status,
            "installed_at": w.row.installed_at,
            "installed_by_platform_user_id": w.row.installed_by_platform_user_id,
            "updated_at": w.row.updated_at,
            "team_keys": w.row.team_keys(),
            "token_expires_at": expiry,
            "bundle": health,
            "webhook_secret": if webhook { "set" } else { "missing" },
        }));
    }
    if ui.json {
        ui.emit_json(&serde_json::json!({ "workspaces": list }));
        return Ok(());
    }
    if list.is_empty() {
        ui.say("No Linear workspaces. Connect one with `bgagent linear setup <slug>`.");
        return Ok(());
    }
    let s = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or("-").to_string();
    let data: Vec<Vec<String>> = list
        .iter()
        .map(|v| {
            vec![
                s(v, "workspace_slug"),
                s(v, "workspace_id"),
                s(v, "status"),
                s(v, "installed_at"),
                s(v, "token_expires_at"),
                s(v, "bundle"),
                s(v, "webhook_secret"),
            ]
        })
        .collect();
    ui.table(
        &[
            "SLUG",
            "WORKSPACE ID",
            "STATUS",
            "INSTALLED AT",
            "TOKEN EXPIRES",
            "BUNDLE",
            "WEBHOOK SECRET",
        ],
        &data,
    );
    Ok(())
}
