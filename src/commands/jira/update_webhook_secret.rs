//! `bgagent jira update-webhook-secret <cloud-id>`: rotate the webhook signing secret in the
//! tenant bundle and the stack-wide verifier together (rollback of the bundle on failure).

use super::tenant::{active_tenants, require_active_tenant, second_tenant_error};
use super::webhook_secret::{self, Input};
use crate::aws::Ctx;
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
    Bundle::parse(&current.value).map_err(|e| {
        Error::conflict(format!(
            "the OAuth bundle of tenant {} is unusable",
            a.cloud_id
        ))
        .cause(e)
        .hint("re-run `bgagent jira setup`")
    })?;
    let webhook = webhook_secret::collect(&a.webhook, ui, false)?;
    let Some(secret) = webhook.secret() else {
        unreachable!("collect(may_defer = false) always yields a secret")
    };
    if a.dry_run {
        ui.result(format!("Dry run: would write a new webhook_signing_secret to {id} and to {}. Nothing was written.", ctx.out.get(Output::WebhookSecret)));
        ui.emit_json(&serde_json::json!({"dry_run": true, "cloud_id": a.cloud_id, "webhook_secret": webhook.source()}));
        return Ok(());
    }
    // Re-read right before writing and change only the fields this command owns: the platform's
    // Lambdas rotate the refresh token at any time, and a stale copy would undo that.
    let rerun = format!("bgagent jira update-webhook-secret {}", a.cloud_id);
    let not_written = |e: Error| {
        e.not_written("tenant bundle and stack-wide secret (both unchanged)")
            .hint(format!("re-run `{rerun}`"))
    };
    ui.debug(format!("secretsmanager:GetSecretValue {id}"));
    let latest = secrets::get(&sm, &id)
        .await
        .map_err(not_written)?
        .ok_or_else(|| {
            not_written(Error::conflict(format!(
                "the OAuth bundle of tenant {} was deleted meanwhile",
                a.cloud_id
            )))
        })?;
    let read_version = latest.version.clone();
    let mut latest = Bundle::parse_lenient(&latest.value).map_err(|e| {
        not_written(
            Error::conflict(format!(
                "the OAuth bundle of tenant {} became unusable meanwhile",
                a.cloud_id
            ))
            .cause(e),
        )
    })?;
    let restore = webhook_secret::Restore::of(&latest);
    let stack_arn = ctx.out.get(Output::WebhookSecret);
    crate::terminal::interrupt::writes_begin(
        &[
            format!("webhook_signing_secret of tenant bundle {id}"),
            format!("stack-wide webhook secret {stack_arn}"),
        ],
        &rerun,
    );
    let now = timefmt::iso_ms(timefmt::now());
    let apply = |b: &mut Bundle| {
        b.set("webhook_signing_secret", secret);
        b.set("updated_at", now.as_str());
    };
    apply(&mut latest);
    ui.debug(format!("secretsmanager:PutSecretValue {id}"));
    // A version another writer put since the re-read (a refresh by a Lambda) gets this change too.
    let put = secrets::put_over(&sm, &id, &read_version, &latest.to_json(), |other| {
        let mut o = Bundle::parse_lenient(other).ok()?;
        apply(&mut o);
        Some(o.to_json())
    })
    .await
    .map_err(not_written)?;
    crate::terminal::interrupt::written(format!("webhook_signing_secret of tenant bundle {id}"));
    webhook_secret::write_stack_wide_or_restore(
        &sm,
        ui,
        ctx.out.get(Output::WebhookSecret),
        secret,
        &id,
        Some(&restore),
        &rerun,
    )
    .await?;
    if let Some(e) = put.unmerged {
        // The new secret is in both places; what another writer (the platform's token refresh)
        // stored meanwhile is not, so the bundle may hold a spent refresh token.
        return Err(e
            .written(format!(
                "webhook_signing_secret of tenant bundle {id} and the stack-wide webhook secret (synchronized)"
            ))
            .hint(format!(
                "run `bgagent jira doctor {} --verify-refresh`; if its token check fails, re-authorize with `bgagent jira setup`",
                a.cloud_id
            )));
    }
    ui.result(format!(
        "Updated the webhook signing secret of tenant {}",
        a.cloud_id
    ));
    ui.result("  The tenant bundle and the stack-wide verifier are synchronized.");
    if let Input::Generated(s) = &webhook {
        webhook_secret::show_generated(ui, secrecy::ExposeSecret::expose_secret(s));
    } else {
        ui.result("  Make sure the Jira webhook uses the same secret.");
    }
    ui.emit_json(&serde_json::json!({"dry_run": false, "cloud_id": a.cloud_id, "webhook_secret": webhook.source(), "written": ["tenant_bundle", "stack_wide_webhook_secret"]}));
    Ok(())
}
