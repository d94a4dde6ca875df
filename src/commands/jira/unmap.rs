//! `bgagent jira unmap <cloud-id> <PROJECT-KEY>`: sets `status=removed` and keeps the row.

use super::map::mapping_key;
use crate::aws::Ctx;
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::{GlobalArgs, UnmapArgs};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub async fn run(a: UnmapArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(g, ui, &[Output::Projects]).await?;
    let key = mapping_key(&a.cloud_id, &a.project_key);
    let Some(row) = ctx
        .get(ui, Output::Projects, "jira_project_identity", &key)
        .await?
    else {
        return Err(
            Error::conflict(format!("Jira project {key} is not mapped")).hint(format!(
                "`bgagent jira projects {}` lists the mapped projects",
                a.cloud_id
            )),
        );
    };
    let repo = ddb::get_s(&row, "repo").unwrap_or_default().to_string();
    if ddb::get_s(&row, "status") == Some("removed") {
        ui.result(format!(
            "Jira project {key} is already unmapped (nothing written)"
        ));
        ui.emit_json(&serde_json::json!({"action": "unchanged", "dry_run": a.dry_run, "mapping": ddb::to_json(&row)}));
        return Ok(());
    }
    if a.dry_run {
        ui.result(format!(
            "Dry run: would set status=removed on {key} (→ {repo}). Nothing was written."
        ));
        ui.emit_json(&serde_json::json!({"action": "removed", "dry_run": true, "mapping": ddb::to_json(&row)}));
        return Ok(());
    }
    let now = timefmt::iso_ms(timefmt::now());
    let table = ctx.out.get(Output::Projects);
    ui.debug(format!("dynamodb:UpdateItem {table} {key}"));
    crate::terminal::interrupt::writes_begin(
        &[format!("status=removed on {key}")],
        &format!("bgagent jira unmap {} {}", a.cloud_id, a.project_key),
    );
    let r = ctx
        .ddb
        .update_item()
        .table_name(table)
        .set_key(Some(ddb::key("jira_project_identity", &key)))
        .update_expression("SET #s = :removed, #u = :now")
        .condition_expression("attribute_exists(jira_project_identity)")
        .expression_attribute_names("#s", "status")
        .expression_attribute_names("#u", "updated_at")
        .expression_attribute_values(":removed", ddb::s("removed"))
        .expression_attribute_values(":now", ddb::s(&now))
        .return_values(aws_sdk_dynamodb::types::ReturnValue::AllNew)
        .send()
        .await
        .map_err(|e| {
            sdk_error(format!("could not unmap {key}"), e).not_written("the mapping (unchanged)")
        })?;
    ui.result(format!(
        "Unmapped Jira project {key} (was → {repo}); the row is kept with status=removed"
    ));
    ui.say(format!(
        "  Undo: bgagent jira map {} {} --repo {repo}",
        a.cloud_id, a.project_key
    ));
    let new_row = r.attributes.unwrap_or_default();
    ui.emit_json(&serde_json::json!({"action": "removed", "dry_run": false, "mapping": ddb::to_json(&new_row)}));
    Ok(())
}
