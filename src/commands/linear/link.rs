//! `bgagent linear link <code>`: redeem a one-time code directly (operator IAM on the user
//! table). Unlike the platform's link Lambda, the read is consistent, `ttl` is checked, and the
//! link and the deletion of the invite are one transaction, conditional on the invite still
//! being pending and unexpired: exactly one of several concurrent redemptions wins.

use aws_sdk_dynamodb::types::{Delete, Put, TransactWriteItem};

use crate::aws::{Output, ddb, sdk_error};
use crate::cli::{GlobalArgs, LinkArgs};
use crate::commands::jira::link::check_pending;
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

fn ask_for_new(code: &str) -> String {
    format!(
        "ask your Linear admin for a new code (`bgagent linear invite-user <slug> <you>`); {code} cannot be used"
    )
}

pub async fn run(a: LinkArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    if crate::commands::jira::link_api::use_api(&a)? {
        return super::link_api::run(a, ui).await;
    }
    let ctx = super::ctx(g, ui, &[Output::LinearUsers, Output::LinearRegistry]).await?;
    let platform_user =
        crate::platform::credentials::platform_user_id(a.platform_user_id.as_deref(), ui).await?;
    let pending_key = format!("pending#{}", a.code);
    let row = ctx
        .get(ui, Output::LinearUsers, "linear_identity", &pending_key)
        .await?;
    let now = timefmt::now();
    check_pending(row.as_ref(), timefmt::epoch_secs(now)).map_err(|why| {
        Error::conflict(format!("invite code {} is {why}", a.code))
            .not_written("nothing")
            .hint(ask_for_new(&a.code))
    })?;
    let row = row.expect("checked above");
    let f = |k: &str| ddb::get_s(&row, k).unwrap_or_default().to_string();
    let (ws_id, user_id) = (f("linear_workspace_id"), f("linear_user_id"));
    if ws_id.is_empty() || user_id.is_empty() {
        return Err(Error::conflict(format!(
            "invite {} is malformed (no workspace or user)",
            a.code
        ))
        .not_written("nothing")
        .hint(ask_for_new(&a.code)));
    }
    let link_key = format!("{ws_id}#{user_id}");
    let (ws, current) = tokio::join!(
        super::workspace_by_id(&ctx, ui, &ws_id),
        ctx.get(ui, Output::LinearUsers, "linear_identity", &link_key),
    );
    let ws = ws?.filter(super::Workspace::is_usable).ok_or_else(|| {
        Error::conflict(format!("the workspace of invite {} is not active", a.code))
            .not_written("nothing")
            .hint("ask your Linear admin to re-authorize the workspace (`bgagent linear setup <slug>`), then for a new code")
    })?;
    let replaced = current?
        .and_then(|r| ddb::get_s(&r, "platform_user_id").map(str::to_string))
        .filter(|p| *p != platform_user);
    let (name, email) = (f("linear_user_name"), f("linear_user_email"));
    let who = match (name.is_empty(), email.is_empty()) {
        (false, false) => format!("{name} ({email})"),
        (false, true) => name.clone(),
        (true, false) => email.clone(),
        (true, true) => user_id.clone(),
    };
    ui.say("About to link this Linear user to your platform account:");
    ui.say(format!("  Linear user:       {who} [{user_id}]"));
    ui.say(format!("  Linear workspace:  {}", ws.slug));
    ui.say(format!("  Platform user:     {platform_user}"));
    if let Some(p) = &replaced {
        ui.warn(format!(
            "this Linear user is linked to platform user {p} now; linking moves it to you"
        ));
    }
    let linked_at = timefmt::iso_ms(now);
    let summary = |dry: bool| {
        serde_json::json!({
            "dry_run": dry,
            "linear_workspace_id": ws_id,
            "linear_workspace_slug": ws.slug,
            "linear_user_id": user_id,
            "linear_user_name": name,
            "linear_user_email": email,
            "platform_user_id": platform_user,
            "linked_at": if dry { None } else { Some(&linked_at) },
            "replaced_platform_user_id": replaced,
        })
    };
    if a.dry_run {
        ui.say("Dry run: nothing was written; the code is still valid.");
        ui.emit_json(&summary(true));
        return Ok(());
    }
    if !prompt::confirm(ui, "Link these accounts?")? {
        ui.say("Not linked. Nothing was written; the code stays valid until it expires.");
        return Ok(());
    }
    let table = ctx.out.get(Output::LinearUsers);
    let active = ddb::Item::from([
        ("linear_identity".to_string(), ddb::s(&link_key)),
        ("platform_user_id".to_string(), ddb::s(&platform_user)),
        ("linear_workspace_id".to_string(), ddb::s(&ws_id)),
        ("linear_user_id".to_string(), ddb::s(&user_id)),
        ("linked_at".to_string(), ddb::s(&linked_at)),
        ("status".to_string(), ddb::s("active")),
        ("link_method".to_string(), ddb::s("cli")),
    ]);
    let build = |e: aws_sdk_dynamodb::error::BuildError| {
        Error::failure("could not build the link transaction").cause(e)
    };
    let put = Put::builder()
        .table_name(table)
        .set_item(Some(active))
        .build()
        .map_err(build)?;
    let delete = Delete::builder()
        .table_name(table)
        .set_key(Some(ddb::key("linear_identity", &pending_key)))
        .condition_expression("#s = :pending AND #ttl > :now")
        .expression_attribute_names("#s", "status")
        .expression_attribute_names("#ttl", "ttl")
        .expression_attribute_values(":pending", ddb::s("pending"))
        .expression_attribute_values(":now", ddb::n(timefmt::epoch_secs(timefmt::now())))
        .build()
        .map_err(build)?;
    ui.debug(format!(
        "dynamodb:TransactWriteItems {table} put {link_key}, delete {pending_key}"
    ));
    let result = ctx
        .ddb
        .transact_write_items()
        .transact_items(TransactWriteItem::builder().put(put).build())
        .transact_items(TransactWriteItem::builder().delete(delete).build())
        .send()
        .await;
    if let Err(e) = result {
        if e.as_service_error()
            .is_some_and(|s| s.is_transaction_canceled_exception())
        {
            return Err(Error::conflict(format!(
                "invite code {} was redeemed or expired a moment ago",
                a.code
            ))
            .not_written("the link (nothing was written)")
            .hint(ask_for_new(&a.code)));
        }
        return Err(sdk_error("could not redeem the invite", e)
            .not_written("the link (the transaction writes all or nothing)")
            .hint(format!(
                "re-run `bgagent linear link {}` (safe to repeat)",
                a.code
            )));
    }
    ui.result(format!(
        "Linked Linear user {who} to platform user {platform_user}"
    ));
    ui.say(format!("  Linked at: {linked_at}"));
    ui.emit_json(&summary(false));
    Ok(())
}
