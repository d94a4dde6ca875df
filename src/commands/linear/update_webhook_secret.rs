//! `bgagent linear update-webhook-secret <slug>`: replace the workspace's webhook signing
//! secret in its bundle. The input is collected first; then the bundle is read and written
//! back at once with only `webhook_signing_secret` and `updated_at` changed (a refresh by a
//! Lambda between an early read and the write would otherwise be overwritten). The stack-wide
//! fallback secret is never touched.

use super::args::LinearUpdateWebhookSecretArgs;
use crate::aws::{Aws, secrets};
use crate::cli::GlobalArgs;
use crate::domain::bundle::Bundle;
use crate::domain::linear::{self as rules, REQUIRED, secret_name};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

pub async fn run(a: LinearUpdateWebhookSecretArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let flag = "--webhook-secret-stdin (or BGAGENT_LINEAR_WEBHOOK_SECRET)";
    let raw = if a.webhook_secret_stdin {
        prompt::read_stdin_line("webhook signing secret", "--webhook-secret-stdin")?
    } else if let Some(v) =
        crate::env::secret(crate::env::LINEAR_WEBHOOK_SECRET).filter(|v| !v.trim().is_empty())
    {
        v
    } else {
        prompt::secret(
            ui,
            "Webhook signing secret (lin_wh_…)",
            "the webhook signing secret",
            flag,
        )?
    };
    let value = rules::webhook_secret(&raw).map_err(|e| {
        Error::usage(e)
            .not_written("nothing")
            .hint(format!("pass the lin_wh_… value with {flag}"))
    })?;
    let aws = Aws::connect(g, ui).await?;
    let sm = aws.secrets();
    let name = secret_name(&a.slug);
    ui.debug(format!("secretsmanager:GetSecretValue {name}"));
    let cur = secrets::get(&sm, &name).await?.ok_or_else(|| {
        Error::conflict(format!(
            "Linear workspace '{}' is not installed (no secret {name})",
            a.slug
        ))
        .not_written("nothing")
        .hint(format!("connect it first: bgagent linear setup {}", a.slug))
    })?;
    let mut b = Bundle::parse_required(&cur.value, &REQUIRED).map_err(|e| {
        Error::conflict(format!("the bundle of workspace '{}' is unusable", a.slug))
            .cause(e)
            .not_written("nothing")
            .hint(format!("re-authorize it: bgagent linear setup {}", a.slug))
    })?;
    let previous = b
        .str("webhook_signing_secret")
        .filter(|s| rules::is_configured_webhook_secret(s))
        .map(str::to_string);
    let changed = previous.as_deref() != Some(value.as_str());
    let workspace_id = b.str("workspace_id").unwrap_or_default().to_string();
    let summary = |dry: bool, written: bool| {
        serde_json::json!({
            "dry_run": dry,
            "workspace_slug": a.slug,
            "workspace_id": workspace_id,
            "previous": if previous.is_some() { "set" } else { "missing" },
            "changed": changed,
            "written": written,
            "stack_wide_webhook_secret": "untouched",
        })
    };
    if a.dry_run || !changed {
        let doc = summary(a.dry_run, false);
        if !changed {
            ui.ok("The workspace already has this webhook signing secret; nothing to write");
        } else {
            ui.say(format!(
                "Dry run: would write webhook_signing_secret and updated_at of {name}"
            ));
        }
        ui.emit_json(&doc);
        return Ok(());
    }
    let now = timefmt::iso_ms(timefmt::now());
    let apply = |b: &mut Bundle| {
        b.set("webhook_signing_secret", value.as_str());
        b.set("updated_at", now.as_str());
    };
    apply(&mut b);
    ui.debug(format!("secretsmanager:PutSecretValue {name}"));
    // A version another writer put since the read (a refresh by a Lambda) gets this change too.
    let put = secrets::put_over(&sm, &cur.arn, &cur.version, &b.to_json(), |other| {
        let mut o = Bundle::parse_lenient(other).ok()?;
        apply(&mut o);
        Some(o.to_json())
    })
    .await
    .map_err(|e| {
        e.not_written("the new webhook signing secret")
            .hint(format!(
                "re-run `bgagent linear update-webhook-secret {}`",
                a.slug
            ))
    })?;
    if let Some(e) = put.unmerged {
        // The new secret is stored; what another writer (the platform's token refresh) stored
        // meanwhile is not, so the bundle may hold a spent refresh token.
        return Err(e
            .written(format!(
                "webhook_signing_secret of {name} (the new webhook signing secret)"
            ))
            .hint(format!(
                "run `bgagent linear doctor {} --verify-refresh`; if its token check fails, re-authorize with `bgagent linear setup {}`",
                a.slug, a.slug
            )));
    }
    ui.ok(format!(
        "Stored the new webhook signing secret of workspace '{}'",
        a.slug
    ));
    ui.say("Deliveries signed with the old secret are now refused (no fallback for a registered workspace).");
    ui.emit_json(&summary(false, true));
    Ok(())
}
