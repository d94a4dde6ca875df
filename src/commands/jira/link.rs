//! `bgagent jira link <code>`: redeem a one-time code. The pending row is checked (consistent
//! read, `ttl` checked here since DynamoDB deletes expired items only eventually), shown, confirmed,
//! and redeemed in one transaction: put the active link, delete the invite on condition that it is
//! still pending and unexpired. A lost race writes nothing.

use super::tenant::{check_active_tenant, linked_platform_user, require_active_tenant};
use crate::aws::Ctx;
use crate::aws::redeem::{LinkedWhen, Redeem, Target, check_pending};
use crate::aws::rows::{InviteRow, LinkRow, Row};
use crate::aws::{Output, ddb};
use crate::cli::{GlobalArgs, LinkArgs};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

fn ask_for_new(code: &str) -> String {
    format!(
        "ask your Jira admin for a new code (`bgagent jira invite-user <cloud-id> <you>`); {code} cannot be used"
    )
}

pub async fn run(a: LinkArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    if super::link_api::use_api(&a)? {
        return super::link_api::run(a, ui).await;
    }
    let ctx = Ctx::new(g, ui, &[Output::Users, Output::Registry]).await?;
    let platform_user =
        crate::platform::credentials::platform_user_id(a.platform_user_id.as_deref(), ui).await?;
    let pending_key = format!("pending#{}", a.code);
    let row = ctx
        .get(ui, Output::Users, "jira_identity", &pending_key)
        .await?;
    let now = timefmt::now();
    check_pending(row.as_ref(), timefmt::epoch_secs(now)).map_err(|why| {
        Error::conflict(format!("invite code {} is {why}", a.code))
            .not_written("nothing")
            .hint(ask_for_new(&a.code))
    })?;
    let invite = InviteRow::from_item(row.expect("checked above"))
        .map_err(|e| e.not_written("nothing").hint(ask_for_new(&a.code)))?;
    let (cloud_id, account_id) = (invite.jira_cloud_id.clone(), invite.jira_account_id.clone());
    if cloud_id.is_empty() || account_id.is_empty() {
        return Err(Error::conflict(format!(
            "invite {} is malformed (no tenant or account)",
            a.code
        ))
        .not_written("nothing")
        .hint(ask_for_new(&a.code)));
    }
    // With --yes (and not --dry-run) nothing waits for the operator, so the tenant check and
    // the current link are not read first: the transaction checks the tenant and reports an
    // existing link in its cancellation reasons (2 round trips). Otherwise they are read in
    // parallel to be shown before the confirmation (3 round trips).
    let fast = ui.yes && !a.dry_run;
    let (site, mut replaced) = if fast {
        (invite.jira_site_url.clone(), None)
    } else {
        let (tenant, current) = tokio::join!(
            require_active_tenant(&ctx, ui, &cloud_id),
            linked_platform_user(&ctx, ui, &cloud_id, &account_id),
        );
        let tenant = tenant?;
        let site = if tenant.site_url.is_empty() {
            invite.jira_site_url.clone()
        } else {
            tenant.site_url.clone()
        };
        (site, current?.filter(|p| *p != platform_user))
    };
    // Written by another tool or person: shown without control characters.
    let printable = crate::domain::text::printable;
    let (name, email) = (
        printable(&invite.jira_user_name),
        printable(&invite.jira_user_email),
    );
    let who = match (name.is_empty(), email.is_empty()) {
        (false, false) => format!("{name} ({email})"),
        (false, true) => name.clone(),
        (true, false) => email.clone(),
        (true, true) => account_id.clone(),
    };
    let link_key = format!("{cloud_id}#{account_id}");

    // The dry run's result; otherwise what the confirmation is about (shown even under -q when
    // a person is asked).
    let asking = !a.dry_run && !ui.yes && ui.interactive();
    let show = |l: String| {
        if a.dry_run {
            ui.result(l)
        } else if asking {
            ui.ask(l)
        } else {
            ui.say(l)
        }
    };
    show("About to link this Jira identity to your platform account:".into());
    show(format!("  Jira user:      {who} [{account_id}]"));
    show(format!(
        "  Jira site:      {}",
        if site.is_empty() { &cloud_id } else { &site }
    ));
    show(format!("  Platform user:  {platform_user}"));
    let warn_replaced = |p: &str| {
        ui.warn(format!(
            "this Jira account is linked to platform user {p} now; linking moves it to you"
        ))
    };
    if let Some(p) = &replaced {
        warn_replaced(p);
    }
    show("Issues this Jira user labels will run as your platform account.".into());
    let linked_at = timefmt::iso_ms(now);
    let summary = |dry: bool, replaced: &Option<String>| {
        serde_json::json!({
            "dry_run": dry,
            "cloud_id": cloud_id,
            "site_url": site,
            "jira_account_id": account_id,
            "jira_user_name": name,
            "jira_user_email": email,
            "platform_user_id": platform_user,
            "linked_at": if dry { None } else { Some(&linked_at) },
            "replaced_platform_user_id": replaced,
            "via": "direct",
        })
    };
    if a.dry_run {
        ui.result("Dry run (via direct): nothing was written; the code is still valid.");
        ui.emit_json(&summary(true, &replaced));
        return Ok(());
    }
    if !prompt::confirm(ui, "Link these accounts?")? {
        ui.say("Not linked. Nothing was written; the code stays valid until it expires.");
        return Ok(());
    }

    crate::terminal::interrupt::writes_begin(
        &[format!(
            "the link {link_key} and the redeemed code (one transaction: both or neither)"
        )],
        &format!("bgagent jira link {}", a.code),
    );
    let refused = |row: Option<ddb::Item>| {
        check_active_tenant(&cloud_id, row)
            .err()
            .unwrap_or_else(|| {
                Error::conflict(format!("Jira tenant {cloud_id} changed during the link"))
            })
    };
    let redeem = Redeem {
        ddb: &ctx.ddb,
        ui,
        table: ctx.out.get(Output::Users),
        key_attr: "jira_identity",
        pending_key: &pending_key,
        link_key: &link_key,
        link: LinkRow {
            jira_identity: link_key.clone(),
            platform_user_id: platform_user.clone(),
            jira_cloud_id: cloud_id.clone(),
            jira_account_id: account_id.clone(),
            linked_at: linked_at.clone(),
            status: "active".into(),
            link_method: "cli".into(),
            extra: Default::default(),
        }
        .to_item(),
        platform_user: &platform_user,
        linked_when: LinkedWhen::Active,
        target: Target {
            table: ctx.out.get(Output::Registry),
            key_attr: "jira_cloud_id",
            key: &cloud_id,
            condition: "#s = :active",
            values: vec![(":active", ddb::s("active"))],
        },
        code: &a.code,
        command: format!("bgagent jira link {}", a.code),
        ask_for_new: ask_for_new(&a.code),
        refused: &refused,
    };
    if let Some(p) = redeem.redeem(fast, |p| warn_replaced(p)).await? {
        replaced = Some(p);
    }
    ui.result(format!(
        "Linked Jira account {who} to platform user {platform_user} (via direct: one DynamoDB transaction)"
    ));
    ui.result(format!("  Linked at: {linked_at}"));
    ui.emit_json(&summary(false, &replaced));
    Ok(())
}
