//! `bgagent jira revoke <cloud-id>`: the setup guide's "Removing the integration", done safely.
//! Shows what will change and asks (or `--yes`); sets the registry `status=revoked` on
//! condition that the row exists and is not revoked; with `--delete-secret` schedules deletion
//! of the tenant bundle (recovery window, or `--force-delete`). Mappings and links are kept.

use serde_json::json;

use super::Ctx;
use crate::aws::secrets::{Deleted, Deletion};
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::{GlobalArgs, RevokeArgs};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

/// What remains to be done by hand after a revoke.
pub const CONSOLE_STEPS: [&str; 2] = [
    "delete the webhook in Jira → Settings → System → WebHooks",
    "remove the OAuth app (or its credentials) in the Atlassian developer console, https://developer.atlassian.com/console/myapps/",
];

pub async fn run(a: RevokeArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(g, ui, &[Output::Registry]).await?;
    let cloud = &a.cloud_id;
    let Some(row) = ctx
        .get(ui, Output::Registry, "jira_cloud_id", cloud)
        .await?
    else {
        return Err(
            Error::conflict(format!("Jira tenant {cloud} is not registered"))
                .not_written("anything")
                .hint("`bgagent jira tenants` lists the registered tenants"),
        );
    };
    let previous = ddb::get_s(&row, "status").unwrap_or("<none>").to_string();
    if previous == "revoked" {
        return Err(
            Error::conflict(format!("Jira tenant {cloud} is already revoked"))
                .not_written("anything")
                .hint(format!(
                    "to delete its bundle too: aws secretsmanager delete-secret --secret-id {} --recovery-window-in-days 7",
                    bundle_id_of(cloud, &row)
                )),
        );
    }
    let site = ddb::get_s(&row, "site_url").unwrap_or_default().to_string();
    let bundle_id = bundle_id_of(cloud, &row);
    let secret_action = match (a.delete_secret, a.force_delete) {
        (false, _) => "kept",
        (true, false) => "scheduled_deletion",
        (true, true) => "deleted",
    };
    let restore = format!("aws secretsmanager restore-secret --secret-id {bundle_id}");
    let mut plan = vec![format!(
        "registry row {cloud} ({site}): status {previous} → revoked"
    )];
    match secret_action {
        "scheduled_deletion" => plan.push(format!(
            "tenant bundle {bundle_id}: deletion scheduled, restorable for {} days",
            a.recovery_days
        )),
        "deleted" => plan.push(format!(
            "tenant bundle {bundle_id}: deleted immediately, without recovery (IRREVERSIBLE)"
        )),
        _ => plan.push(format!(
            "tenant bundle {bundle_id}: kept (--delete-secret to delete it)"
        )),
    }
    let kept = vec![
        "project mappings of the tenant (bgagent jira unmap stops routing a project)".to_string(),
        "user links and invites of the tenant".to_string(),
    ];
    let doc = |dry_run: bool, written: &[String], deletion_date: Option<String>| {
        json!({
            "dry_run": dry_run,
            "cloud_id": cloud,
            "site_url": site,
            "previous_status": previous,
            "status": "revoked",
            "secret": {
                "id": bundle_id,
                "action": secret_action,
                "recovery_days": (secret_action == "scheduled_deletion").then_some(a.recovery_days),
                "deletion_date": deletion_date,
                "restore_command": (secret_action == "scheduled_deletion").then_some(&restore),
            },
            "written": written,
            "kept": kept,
            "next_steps": CONSOLE_STEPS,
        })
    };
    ui.say(ui.bold(&format!("Revoking Jira tenant {cloud}:")));
    for p in &plan {
        ui.say(format!("  • {p}"));
    }
    for k in &kept {
        ui.say(format!("  • kept: {k}"));
    }
    if a.dry_run {
        ui.result("Dry run: nothing was written.");
        ui.emit_json(&doc(true, &[], None));
        return Ok(());
    }
    let question = if a.force_delete {
        "Revoke this tenant and delete its bundle IRREVERSIBLY?"
    } else {
        "Revoke this tenant?"
    };
    if !prompt::confirm(ui, question)? {
        ui.say("Not revoked. Nothing was written.");
        return Ok(());
    }

    let table = ctx.out.get(Output::Registry);
    let now = timefmt::iso_ms(timefmt::now());
    ui.debug(format!(
        "dynamodb:UpdateItem {table} {cloud} (status=revoked)"
    ));
    ctx.ddb
        .update_item()
        .table_name(table)
        .set_key(Some(ddb::key("jira_cloud_id", cloud)))
        .update_expression("SET #s = :revoked, #u = :now")
        .condition_expression("attribute_exists(jira_cloud_id) AND #s <> :revoked")
        .expression_attribute_names("#s", "status")
        .expression_attribute_names("#u", "updated_at")
        .expression_attribute_values(":revoked", ddb::s("revoked"))
        .expression_attribute_values(":now", ddb::s(&now))
        .send()
        .await
        .map_err(|e| {
            if e.as_service_error()
                .is_some_and(|s| s.is_conditional_check_failed_exception())
            {
                Error::conflict(format!(
                    "Jira tenant {cloud} was revoked or removed by someone else meanwhile"
                ))
                .not_written("anything")
                .hint("`bgagent jira tenants` shows its current state")
            } else {
                sdk_error(format!("could not revoke tenant {cloud}"), e).not_written("anything")
            }
        })?;
    let mut written = vec![format!("registry {cloud}: status=revoked")];
    ui.ok(format!("Registry: tenant {cloud} is revoked"));

    let mut deletion_date = None;
    if a.delete_secret {
        let deletion = Deletion {
            id: &bundle_id,
            force: a.force_delete,
            recovery_days: a.recovery_days,
            noun: "Tenant bundle",
        };
        match deletion.run(&ctx.aws.secrets(), ui, async |_| None).await {
            Ok(Deleted::Now) => written.push(format!("secret {bundle_id}: deleted")),
            Ok(Deleted::Scheduled(date)) => {
                written.push(format!(
                    "secret {bundle_id}: deletion scheduled{}",
                    date.as_deref()
                        .map(|d| format!(" for {d}"))
                        .unwrap_or_default()
                ));
                deletion_date = date;
            }
            Ok(Deleted::Absent) => ui.warn(format!(
                "tenant bundle {bundle_id} did not exist (nothing to delete)"
            )),
            Err(e) => {
                return Err(e
                    .with_progress(&written)
                    .not_written(format!("the deletion of {bundle_id}"))
                    .hint(format!(
                        "aws secretsmanager delete-secret --secret-id {bundle_id} {}",
                        if a.force_delete {
                            "--force-delete-without-recovery".to_string()
                        } else {
                            format!("--recovery-window-in-days {}", a.recovery_days)
                        }
                    )));
            }
        }
    }
    ui.say("The webhook receiver caches registry rows for about 60 s: deliveries for this tenant can still be accepted for up to a minute.");
    ui.say("Kept: the tenant's project mappings, user links and invites.");
    ui.result(format!("Revoked Jira tenant {cloud} ({site})."));
    ui.result("Remaining console steps:");
    for s in CONSOLE_STEPS {
        ui.result(format!("  - {s}"));
    }
    ui.emit_json(&doc(false, &written, deletion_date));
    Ok(())
}

/// The tenant bundle: the ARN the registry recorded, else the contract's name.
fn bundle_id_of(cloud: &str, row: &ddb::Item) -> String {
    ddb::get_s(row, "oauth_secret_arn")
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| crate::domain::bundle::secret_name(cloud))
}
