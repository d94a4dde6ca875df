//! `bgagent linear remove-workspace <slug> [--purge]`: what upstream's unmerged PR #681 does
//! behind a new API route, done with operator IAM (deployed stacks have no such route):
//! confirm by typing the slug (or `--yes`), revoke the registry row first, delete the bundle
//! (recovery window by default, `--force-delete` at once), and delete the row only with
//! `--purge` and only after the bundle's deletion went through. A failed deletion is recorded
//! on the row. Project mappings and user links are kept, and the output says so.

use aws_sdk_dynamodb::types::AttributeValue;
use serde_json::json;

use super::args::RemoveWorkspaceArgs;
use crate::aws::secrets::{Deleted, Deletion};
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::GlobalArgs;
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

pub const CONSOLE_STEPS: [&str; 2] = [
    "delete the workspace's webhook in Linear → Settings → API → Webhooks",
    "uninstall the app in Linear → Settings → Installed applications (revokes its tokens)",
];

pub async fn run(a: RemoveWorkspaceArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = super::ctx(g, ui, &[Output::LinearRegistry, Output::LinearProjects]).await?;
    let remover =
        crate::platform::credentials::platform_user_id(a.platform_user_id.as_deref(), ui).await?;
    let slug = &a.slug;
    let w = super::workspace_by_slug(&ctx, ui, slug)
        .await?
        .ok_or_else(|| {
            Error::conflict(format!("Linear workspace '{slug}' is not registered"))
                .not_written("anything")
                .hint("`bgagent linear workspaces` lists the registered workspaces")
        })?;
    let t = ctx.out.get(Output::LinearProjects);
    ui.debug(format!("dynamodb:Scan {t}"));
    let mappings = ddb::scan_all(&ctx.ddb, t, None)
        .await
        .map_err(|e| sdk_error(format!("could not scan {t}"), e))?
        .iter()
        .filter(|r| ddb::get_s(r, "linear_workspace_id") == Some(w.id.as_str()))
        .count();
    let bundle_id = w.bundle_id();
    let restore = format!("aws secretsmanager restore-secret --secret-id {bundle_id}");
    let previous = if w.status.is_empty() {
        "<none>".to_string()
    } else {
        w.status.clone()
    };
    let mut plan = vec![format!(
        "registry row {} ('{slug}'): status {previous} → revoked",
        w.id
    )];
    plan.push(if a.force_delete {
        format!("bundle {bundle_id}: deleted immediately, without recovery (IRREVERSIBLE)")
    } else {
        format!(
            "bundle {bundle_id}: deletion scheduled, restorable for {} days",
            a.recovery_days
        )
    });
    if a.purge {
        plan.push(format!("registry row {}: deleted after the bundle", w.id));
    }
    let kept = vec![
        format!(
            "{mappings} project mapping(s) recorded for this workspace (and any older mappings without a workspace)"
        ),
        "user links and invites of the workspace".to_string(),
        "the stack-wide fallback webhook secret".to_string(),
    ];
    ui.say(ui.bold(&format!("Removing Linear workspace '{slug}':")));
    for p in &plan {
        ui.say(format!("  • {p}"));
    }
    for k in &kept {
        ui.say(format!("  • kept: {k}"));
    }
    let doc =
        |dry: bool, status: &str, action: &str, deletion_date: Option<&str>, written: &[String]| {
            json!({
                "dry_run": dry,
                "workspace_slug": slug,
                "linear_workspace_id": w.id,
                "previous_status": previous,
                "status": status,
                "secret": {
                    "id": bundle_id,
                    "action": action,
                    "recovery_days": (action == "scheduled_deletion").then_some(a.recovery_days),
                    "deletion_date": deletion_date,
                    "restore_command": (action == "scheduled_deletion").then_some(&restore),
                },
                "mappings_kept": mappings,
                "written": written,
                "next_steps": CONSOLE_STEPS,
            })
        };
    let planned_action = if a.force_delete {
        "deleted"
    } else {
        "scheduled_deletion"
    };
    let planned_status = if a.purge { "purged" } else { "revoked" };
    if a.dry_run {
        ui.result("Dry run: nothing was written.");
        ui.emit_json(&doc(true, planned_status, planned_action, None, &[]));
        return Ok(());
    }
    if !ui.yes {
        let typed = prompt::line(
            ui,
            &format!("Type the workspace slug ({slug}) to confirm"),
            "the confirmation",
            "--yes",
        )?;
        if typed.trim() != slug {
            ui.result("Aborted: the confirmation did not match the slug. Nothing was removed.");
            return Ok(());
        }
    }

    // 1. Revoke first: deliveries stop verifying even if a later step fails.
    let table = ctx.out.get(Output::LinearRegistry);
    let now = timefmt::iso_ms(timefmt::now());
    ui.debug(format!(
        "dynamodb:UpdateItem {table} {} (status=revoked)",
        w.id
    ));
    ctx.ddb
        .update_item()
        .table_name(table)
        .set_key(Some(ddb::key("linear_workspace_id", &w.id)))
        .update_expression("SET #s = :revoked, revoked_at = :now, revoked_by_platform_user_id = :by, revoked_reason = :why, updated_at = :now")
        .condition_expression("attribute_exists(linear_workspace_id)")
        .expression_attribute_names("#s", "status")
        .expression_attribute_values(":revoked", ddb::s("revoked"))
        .expression_attribute_values(":now", ddb::s(&now))
        .expression_attribute_values(":by", ddb::s(&remover))
        .expression_attribute_values(":why", ddb::s("admin_removed"))
        .send()
        .await
        .map_err(|e| {
            sdk_error(format!("could not revoke workspace '{slug}'"), e)
                .not_written("anything")
                .hint(format!("re-run `bgagent linear remove-workspace {slug}` (safe to repeat)"))
        })?;
    let mut written = vec![format!("registry {}: status=revoked", w.id)];
    ui.ok(format!("Registry: workspace '{slug}' is revoked"));

    // 2. The bundle. A failed deletion is recorded on the row, so the orphan can be found
    // later (best effort).
    let deletion = Deletion {
        id: &bundle_id,
        force: a.force_delete,
        recovery_days: a.recovery_days,
        noun: "Bundle",
    };
    let record = async |err: &Error| {
        let name = err.causes.first().cloned().unwrap_or_default();
        ctx.ddb
            .update_item()
            .table_name(table)
            .set_key(Some(ddb::key("linear_workspace_id", &w.id)))
            .update_expression("SET secret_deletion_failed = :t, secret_deletion_error = :e, orphaned_oauth_secret_arn = :arn")
            .expression_attribute_values(":t", AttributeValue::Bool(true))
            .expression_attribute_values(":e", ddb::s(name.chars().take(200).collect::<String>()))
            .expression_attribute_values(":arn", ddb::s(&bundle_id))
            .send()
            .await
            .ok()
            .map(|_| format!("registry {}: secret_deletion_failed=true", w.id))
    };
    let mut deletion_date = None;
    let action = match deletion.run(&ctx.aws.secrets(), ui, record).await {
        Ok(Deleted::Absent) => {
            ui.warn(format!("bundle {bundle_id} was already absent"));
            "already_absent"
        }
        Ok(done) => {
            if let Deleted::Scheduled(date) = done {
                deletion_date = date;
            }
            written.push(format!("secret {bundle_id}: {planned_action}"));
            planned_action
        }
        Err(err) => {
            return Err(err
                .with_progress(&written)
                .not_written(format!("the deletion of {bundle_id}{}", if a.purge { "; the registry row (kept for --purge until the bundle is gone)" } else { "" }))
                .hint(format!("re-run `bgagent linear remove-workspace {slug}{}` once the cause is fixed (safe to repeat)", if a.purge { " --purge" } else { "" })));
        }
    };

    // A failure recorded by an earlier run is stale now that the bundle is gone (a purged row
    // goes below anyway). Best effort: the removal itself is done.
    if !a.purge && w.row.extra.contains_key("secret_deletion_failed") {
        ui.debug(format!("dynamodb:UpdateItem {table} {}", w.id));
        let cleared = ctx
            .ddb
            .update_item()
            .table_name(table)
            .set_key(Some(ddb::key("linear_workspace_id", &w.id)))
            .update_expression(
                "REMOVE secret_deletion_failed, secret_deletion_error, orphaned_oauth_secret_arn",
            )
            .condition_expression("attribute_exists(linear_workspace_id)")
            .send()
            .await;
        match cleared {
            Ok(_) => written.push(format!(
                "registry {}: the earlier secret_deletion_failed record removed",
                w.id
            )),
            Err(e) => ui.warn(format!(
                "the bundle is gone, but the registry row still says secret_deletion_failed from an earlier run (could not update it: {}); re-run `bgagent linear remove-workspace {slug}` to clear it",
                aws_smithy_types::error::display::DisplayErrorContext(&e)
            )),
        }
    }

    // 3. The row, only with --purge and only now that the bundle is gone.
    let mut status = "revoked";
    if a.purge {
        ui.debug(format!("dynamodb:DeleteItem {table} {}", w.id));
        ctx.ddb
            .delete_item()
            .table_name(table)
            .set_key(Some(ddb::key("linear_workspace_id", &w.id)))
            .send()
            .await
            .map_err(|e| {
                sdk_error("could not delete the registry row", e)
                    .with_progress(&written)
                    .not_written("the deletion of the registry row (it is revoked)")
                    .hint(format!(
                        "re-run `bgagent linear remove-workspace {slug} --purge --yes`"
                    ))
            })?;
        written.push(format!("registry {}: deleted", w.id));
        ui.ok("Registry row deleted");
        status = "purged";
    }
    ui.say("The webhook receiver caches registry rows for about 60 s: deliveries can still be accepted for up to a minute.");
    ui.say(format!("Kept: {mappings} project mapping(s), user links and invites (they route nothing while the workspace is not registered)."));
    ui.say(ui.bold("Still to do in Linear:"));
    for s in CONSOLE_STEPS {
        ui.say(format!("  • {s}"));
    }
    ui.result(format!("Removed Linear workspace '{slug}' ({status})."));
    ui.emit_json(&doc(
        false,
        status,
        action,
        deletion_date.as_deref(),
        &written,
    ));
    Ok(())
}
