//! `bgagent jira unlink <cloud-id> <account-id>`: removes a link and says what it removed.

use crate::aws::Ctx;
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::{GlobalArgs, UnlinkArgs};
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub async fn run(a: UnlinkArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(g, ui, &[Output::Users]).await?;
    let key = format!("{}#{}", a.cloud_id, a.account_id.trim());
    let Some(row) = ctx.get(ui, Output::Users, "jira_identity", &key).await? else {
        return Err(Error::conflict(format!(
            "Jira account {} is not linked in tenant {}",
            a.account_id, a.cloud_id
        ))
        .not_written("nothing")
        .hint(format!(
            "`bgagent jira users {}` lists the linked accounts",
            a.cloud_id
        )));
    };
    let platform_user = ddb::get_s(&row, "platform_user_id")
        .unwrap_or("?")
        .to_string();
    if a.dry_run {
        ui.result(format!("Dry run: would remove the link {key} → platform user {platform_user}. Nothing was written."));
        ui.emit_json(&serde_json::json!({"dry_run": true, "removed": ddb::to_json(&row)}));
        return Ok(());
    }
    let t = ctx.out.get(Output::Users);
    ui.debug(format!("dynamodb:DeleteItem {t} {key}"));
    crate::terminal::interrupt::writes_begin(
        &[format!("removal of the link {key}")],
        &format!("bgagent jira unlink {} {}", a.cloud_id, a.account_id.trim()),
    );
    let r = ctx
        .ddb
        .delete_item()
        .table_name(t)
        .set_key(Some(ddb::key("jira_identity", &key)))
        .condition_expression("attribute_exists(jira_identity)")
        .return_values(aws_sdk_dynamodb::types::ReturnValue::AllOld)
        .send()
        .await;
    let old = match r {
        Ok(o) => o.attributes.unwrap_or_default(),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_conditional_check_failed_exception()) =>
        {
            return Err(Error::conflict(format!(
                "the link {key} was removed by someone else just now"
            ))
            .not_written("nothing"));
        }
        Err(e) => {
            return Err(sdk_error(format!("could not remove the link {key}"), e)
                .not_written("nothing (the link is unchanged)"));
        }
    };
    ui.result(format!(
        "Removed the link of Jira account {} (was → platform user {platform_user})",
        a.account_id
    ));
    ui.say(
        "  Their labelled issues no longer start runs as that user; invite them again to re-link.",
    );
    ui.emit_json(&serde_json::json!({"dry_run": false, "removed": ddb::to_json(&old)}));
    Ok(())
}
