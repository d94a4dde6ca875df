//! `bgagent linear link <code>`: redeem a one-time code directly (operator IAM on the user
//! table). Unlike the platform's link Lambda, the read is consistent, `ttl` is checked, and the
//! link and the deletion of the invite are one transaction, conditional on the invite still
//! being pending and unexpired: exactly one of several concurrent redemptions wins. The
//! transaction is the one `jira link` uses (`aws::redeem`), with its `--yes` fast path (the
//! workspace check and an existing link are in the transaction: two round trips) and its retry
//! on `TransactionConflict`.

use crate::aws::linear_rows::{LinearInviteRow, LinearLinkRow};
use crate::aws::redeem::{LinkedWhen, Redeem, Target, check_pending};
use crate::aws::rows::Row;
use crate::aws::{Output, ddb};
use crate::cli::{GlobalArgs, LinkArgs};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

fn ask_for_new(code: &str) -> String {
    format!(
        "ask your Linear admin for a new code (`bgagent linear invite-user <slug> <you>`); {code} cannot be used"
    )
}

fn workspace_not_active(code: &str) -> Error {
    Error::conflict(format!("the workspace of invite {code} is not active"))
        .hint("ask your Linear admin to re-authorize the workspace (`bgagent linear setup <slug>`), then for a new code")
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
    let invite = LinearInviteRow::from_item(row.expect("checked above"))
        .map_err(|e| e.not_written("nothing").hint(ask_for_new(&a.code)))?;
    let (ws_id, user_id) = (
        invite.linear_workspace_id.clone(),
        invite.linear_user_id.clone(),
    );
    if ws_id.is_empty() || user_id.is_empty() {
        return Err(Error::conflict(format!(
            "invite {} is malformed (no workspace or user)",
            a.code
        ))
        .not_written("nothing")
        .hint(ask_for_new(&a.code)));
    }
    let link_key = format!("{ws_id}#{user_id}");
    // With --yes (and not --dry-run) nothing waits for the operator, so the workspace and the
    // current link are not read first: the transaction checks the workspace and reports an
    // existing link in its cancellation reasons (2 round trips). Otherwise they are read in
    // parallel to be shown before the confirmation (3 round trips).
    let fast = ui.yes && !a.dry_run;
    let (ws_slug, mut replaced) = if fast {
        let slug = if invite.linear_workspace_slug.is_empty() {
            ws_id.clone()
        } else {
            invite.linear_workspace_slug.clone()
        };
        (slug, None)
    } else {
        let (ws, current) = tokio::join!(
            super::workspace_by_id(&ctx, ui, &ws_id),
            ctx.get(ui, Output::LinearUsers, "linear_identity", &link_key),
        );
        let ws = ws?
            .filter(super::Workspace::is_usable)
            .ok_or_else(|| workspace_not_active(&a.code).not_written("nothing"))?;
        let replaced = current?
            .map(LinearLinkRow::from_item)
            .transpose()?
            .map(|r| r.platform_user_id)
            .filter(|p| !p.is_empty() && *p != platform_user);
        (ws.slug, replaced)
    };
    let (name, email) = (
        invite.linear_user_name.clone(),
        invite.linear_user_email.clone(),
    );
    let who = match (name.is_empty(), email.is_empty()) {
        (false, false) => format!("{name} ({email})"),
        (false, true) => name.clone(),
        (true, false) => email.clone(),
        (true, true) => user_id.clone(),
    };
    ui.say("About to link this Linear user to your platform account:");
    ui.say(format!("  Linear user:       {who} [{user_id}]"));
    ui.say(format!("  Linear workspace:  {ws_slug}"));
    ui.say(format!("  Platform user:     {platform_user}"));
    let warn_replaced = |p: &str| {
        ui.warn(format!(
            "this Linear user is linked to platform user {p} now; linking moves it to you"
        ))
    };
    if let Some(p) = &replaced {
        warn_replaced(p);
    }
    let linked_at = timefmt::iso_ms(now);
    let summary = |dry: bool, replaced: &Option<String>| {
        serde_json::json!({
            "dry_run": dry,
            "linear_workspace_id": ws_id,
            "linear_workspace_slug": ws_slug,
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
        ui.emit_json(&summary(true, &replaced));
        return Ok(());
    }
    if !prompt::confirm(ui, "Link these accounts?")? {
        ui.say("Not linked. Nothing was written; the code stays valid until it expires.");
        return Ok(());
    }
    let refused = |_: Option<ddb::Item>| workspace_not_active(&a.code);
    let redeem = Redeem {
        ddb: &ctx.ddb,
        ui,
        table: ctx.out.get(Output::LinearUsers),
        key_attr: "linear_identity",
        pending_key: &pending_key,
        link_key: &link_key,
        link: LinearLinkRow {
            linear_identity: link_key.clone(),
            platform_user_id: platform_user.clone(),
            linear_workspace_id: ws_id.clone(),
            linear_user_id: user_id.clone(),
            linked_at: linked_at.clone(),
            status: "active".into(),
            link_method: "cli".into(),
            extra: Default::default(),
        }
        .to_item(),
        platform_user: &platform_user,
        // The processor counts every row that is not pending as a link.
        linked_when: LinkedWhen::AnyStatus,
        target: Target {
            table: ctx.out.get(Output::LinearRegistry),
            key_attr: "linear_workspace_id",
            key: &ws_id,
            // Usable by the Lambdas: active, with a slug and a secret ARN.
            condition: "#s = :active AND attribute_exists(workspace_slug) AND attribute_exists(oauth_secret_arn) AND size(workspace_slug) > :zero AND size(oauth_secret_arn) > :zero",
            values: vec![(":active", ddb::s("active")), (":zero", ddb::n(0))],
        },
        code: &a.code,
        command: format!("bgagent linear link {}", a.code),
        ask_for_new: ask_for_new(&a.code),
        refused: &refused,
    };
    if let Some(p) = redeem.redeem(fast, |p| warn_replaced(p)).await? {
        replaced = Some(p);
    }
    ui.result(format!(
        "Linked Linear user {who} to platform user {platform_user}"
    ));
    ui.say(format!("  Linked at: {linked_at}"));
    ui.emit_json(&summary(false, &replaced));
    Ok(())
}
