//! `bgagent jira update-webhook-secret <cloud-id>`: rotate the webhook signing secret in the
//! tenant bundle and the stack-wide verifier together (rollback of the bundle on failure).

use super::webhook_secret::{self, Input};
use super::{Ctx, active_tenants, require_active_tenant, second_tenant_error};
use crate::aws::{Output, secrets};
use crate::cli::{GlobalArgs, UpdateWebhookSecretArgs};
use crate::domain::bundle::Bundle;
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub async fn run(a: UpdateWebhookSecretArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new_live(g, ui, &[Output::Registry, Output::WebhookSecret]).await?;
    let tenant = require_active_tenant(&ctx, ui, &a.cloud_id).await?;
    let others: Vec<_> = active_tenants(&ctx, ui)
        .await?
        .into_iter()
        .filter(|(c, _)| *c != a.cloud_id)
        .collect();
    if !others.is_empty() {
        return Err(second_tenant_error(&ctx, &a.cloud_id, &others));
    }
    let sm = ctx.aws.secrets();
    let id = tenant.bundle_id();
    ui.debug(format!("secretsmanager:GetSecretValue {id}"));
    let current = secrets::get(&sm, &id).await?.ok_or_else(|| {
        Error::conflict(format!(
            "the OAuth bundle of tenant {} does not exist",
            a.cloud_id
        ))
        .hint("re-run `bgagent jira setup`")
    })?;
    let mut bundle = Bundle::parse(&current.value).map_err(|e| {
        Error::conflict(format!(
            "the OAuth bundle of tenant {} is unusable",
            a.cloud_id
        ))
        .cause(e)
        .hint("re-run `bgagent jira setup`")
    })?;
    let webhook = webhook_secret::collect(&a.webhook, ui, false)?;
    let (Input::Given(secret) | Input::Generated(secret)) = &webhook else {
        unreachable!("collect(may_defer = false) always yields a secret")
    };
    if a.dry_run {
        ui.say(format!("Dry run: would write a new webhook_signing_secret to {id} and to {}. Nothing was written.", ctx.out.get(Output::WebhookSecret)));
        ui.emit_json(&serde_json::json!({"dry_run": true, "cloud_id": a.cloud_id, "webhook_secret": webhook.source()}));
        return Ok(());
    }
    bundle.set("webhook_signing_secret", secret.as_str());
    bundle.set("updated_at", timefmt::iso_ms(timefmt::now()));
    ui.debug(format!("secretsmanager:PutSecretValue {id}"));
    secrets::put(&sm, &id, &bundle.to_json())
        .await
        .map_err(|e| {
            e.not_written("tenant bundle and stack-wide secret (both unchanged)")
                .hint(format!(
                    "re-run `bgagent jira update-webhook-secret {}`",
                    a.cloud_id
                ))
        })?;
    let rerun = format!("bgagent jira update-webhook-secret {}", a.cloud_id);
    webhook_secret::write_stack_wide_or_restore(
        &sm,
        ui,
        ctx.out.get(Output::WebhookSecret),
        secret,
        &id,
        Some(&current.value),
        &rerun,
    )
    .await?;
    ui.ok(format!(
        "Updated the webhook signing secret of tenant {}",
        a.cloud_id
    ));
    ui.say("  The tenant bundle and the stack-wide verifier are synchronized.");
    if let Input::Generated(s) = &webhook {
        ui.say(format!("  Secret: {s}"));
        ui.say("          (generated now and shown only once: paste it into the Jira webhook's Secret field)");
    } else {
        ui.say("  Make sure the Jira webhook uses the same secret.");
    }
    ui.emit_json(&serde_json::json!({"dry_run": false, "cloud_id": a.cloud_id, "webhook_secret": webhook.source(), "written": ["tenant_bundle", "stack_wide_webhook_secret"]}));
    Ok(())
}
