//! `bgagent jira link <code>`: redeem a one-time code. The pending row is checked (consistent
//! read, `ttl` checked here since DynamoDB deletes expired items only eventually), shown, confirmed,
//! and redeemed in one transaction: put the active link, delete the invite on condition that it is
//! still pending and unexpired. A lost race writes nothing.

use aws_sdk_dynamodb::types::{ConditionCheck, ReturnValuesOnConditionCheckFailure};
use aws_sdk_dynamodb::types::{Delete, Put, TransactWriteItem};

use super::tenant::{check_active_tenant, linked_platform_user, require_active_tenant};
use crate::aws::Ctx;
use crate::aws::rows::{InviteRow, LinkRow, Row};
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::{GlobalArgs, LinkArgs};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

fn ask_for_new(code: &str) -> String {
    format!(
        "ask your Jira admin for a new code (`bgagent jira invite-user <cloud-id> <you>`); {code} cannot be used"
    )
}

/// How many times a transaction cancelled by `TransactionConflict` is tried in all.
pub const CONFLICT_ATTEMPTS: u32 = 4;

/// Why DynamoDB cancelled the redeem transaction.
#[derive(Debug, PartialEq)]
pub enum Cancel {
    /// A condition failed: the code was used or expired meanwhile (the code is gone).
    Used,
    /// Another transaction touched the same items; the code is still good, retry.
    Conflict,
    /// Anything else (throttling, validation …), with the reason codes.
    Other(String),
}

/// Classifies the cancellation reasons, one per transaction item (pure).
pub fn classify_cancel(codes: &[Option<String>]) -> Cancel {
    let has = |c: &str| codes.iter().any(|x| x.as_deref() == Some(c));
    if has("ConditionalCheckFailed") {
        Cancel::Used
    } else if has("TransactionConflict") {
        Cancel::Conflict
    } else {
        Cancel::Other(
            codes
                .iter()
                .map(|c| c.as_deref().unwrap_or("None"))
                .filter(|c| *c != "None")
                .collect::<Vec<_>>()
                .join(", "),
        )
    }
}

/// Why a pending row cannot be redeemed at `now` (pure).
pub fn check_pending(row: Option<&ddb::Item>, now_epoch: i64) -> Result<(), String> {
    let Some(row) = row else {
        return Err("unknown or already used".into());
    };
    if ddb::get_s(row, "status") != Some("pending") {
        return Err("already used".into());
    }
    match ddb::get_n(row, "ttl") {
        Some(t) if t > now_epoch => Ok(()),
        Some(t) => Err(format!(
            "expired at {}",
            timefmt::from_epoch(t)
                .map(timefmt::iso_ms)
                .unwrap_or_else(|| t.to_string())
        )),
        None => Err("has no expiry and is treated as expired".into()),
    }
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
    let redeem = Redeem {
        ctx: &ctx,
        ui,
        code: &a.code,
        cloud_id: &cloud_id,
        pending_key: &pending_key,
        link_key: &link_key,
        platform_user: &platform_user,
        account_id: &account_id,
        linked_at: &linked_at,
    };
    match redeem.send(fast).await? {
        Redeemed::Done => {}
        Redeemed::LinkedTo(p) => {
            // Only in the fast path: the account is linked to someone else; move it (as the
            // confirmed path does), now that the operator has been told.
            warn_replaced(&p);
            replaced = Some(p);
            match redeem.send(false).await? {
                Redeemed::Done => {}
                Redeemed::LinkedTo(_) => unreachable!("no link condition without the fast path"),
            }
        }
    }
    ui.result(format!(
        "Linked Jira account {who} to platform user {platform_user} (via direct: one DynamoDB transaction)"
    ));
    ui.result(format!("  Linked at: {linked_at}"));
    ui.emit_json(&summary(false, &replaced));
    Ok(())
}

/// The redeeming transaction and what it needs.
struct Redeem<'a> {
    ctx: &'a Ctx,
    ui: &'a Ui,
    code: &'a str,
    cloud_id: &'a str,
    pending_key: &'a str,
    link_key: &'a str,
    platform_user: &'a str,
    account_id: &'a str,
    linked_at: &'a str,
}

enum Redeemed {
    Done,
    /// (fast path) the account is actively linked to this other platform user; nothing written.
    LinkedTo(String),
}

impl Redeem<'_> {
    /// One `TransactWriteItems`: put the active link, delete the invite on condition that it is
    /// still pending and unexpired. With `checks` (the fast path) it also requires the tenant
    /// to be active and the account not to be linked to someone else, and the cancellation
    /// reasons (with the old items) say which of these failed.
    async fn send(&self, checks: bool) -> Result<Redeemed> {
        let rerun = format!("re-run `bgagent jira link {}` (safe to repeat)", self.code);
        let mut attempt = 0;
        loop {
            attempt += 1;
            if let Some(r) = self.send_once(checks, attempt).await? {
                return Ok(r);
            }
            if attempt >= CONFLICT_ATTEMPTS {
                return Err(Error::conflict(format!(
                    "invite code {} could not be redeemed: other writes to the same rows kept colliding with it",
                    self.code
                ))
                .cause(format!("DynamoDB cancelled the transaction {CONFLICT_ATTEMPTS} times with TransactionConflict"))
                .not_written("the link (nothing was written; the code is still valid)")
                .hint(format!("try again in a few seconds: {rerun}")));
            }
            let wait = std::time::Duration::from_millis(100 << attempt);
            self.ui.debug(format!(
                "the transaction collided with another write to the same rows; retrying in {} ms",
                wait.as_millis()
            ));
            tokio::time::sleep(wait).await;
        }
    }

    /// One attempt; `None` when DynamoDB cancelled it with `TransactionConflict` (the code is
    /// still good: retry).
    async fn send_once(&self, checks: bool, attempt: u32) -> Result<Option<Redeemed>> {
        let (ctx, ui) = (self.ctx, self.ui);
        let table = ctx.out.get(Output::Users);
        let active = LinkRow {
            jira_identity: self.link_key.to_string(),
            platform_user_id: self.platform_user.to_string(),
            jira_cloud_id: self.cloud_id.to_string(),
            jira_account_id: self.account_id.to_string(),
            linked_at: self.linked_at.to_string(),
            status: "active".into(),
            link_method: "cli".into(),
            extra: Default::default(),
        }
        .to_item();
        let build = |e: aws_sdk_dynamodb::error::BuildError| {
            Error::failure("could not build the link transaction").cause(e)
        };
        let old = ReturnValuesOnConditionCheckFailure::AllOld;
        let mut put = Put::builder().table_name(table).set_item(Some(active));
        if checks {
            put = put
                .condition_expression(
                    "attribute_not_exists(jira_identity) OR platform_user_id = :me OR #s <> :active",
                )
                .expression_attribute_names("#s", "status")
                .expression_attribute_values(":me", ddb::s(self.platform_user))
                .expression_attribute_values(":active", ddb::s("active"))
                .return_values_on_condition_check_failure(old.clone());
        }
        let delete = Delete::builder()
            .table_name(table)
            .set_key(Some(ddb::key("jira_identity", self.pending_key)))
            .condition_expression("#s = :pending AND #ttl > :now")
            .expression_attribute_names("#s", "status")
            .expression_attribute_names("#ttl", "ttl")
            .expression_attribute_values(":pending", ddb::s("pending"))
            .expression_attribute_values(":now", ddb::n(timefmt::epoch_secs(timefmt::now())))
            .build()
            .map_err(build)?;
        let mut tx = ctx
            .ddb
            .transact_write_items()
            .transact_items(TransactWriteItem::builder().delete(delete).build())
            .transact_items(
                TransactWriteItem::builder()
                    .put(put.build().map_err(build)?)
                    .build(),
            );
        if checks {
            let registry = ctx.out.get(Output::Registry);
            let tenant = ConditionCheck::builder()
                .table_name(registry)
                .set_key(Some(ddb::key("jira_cloud_id", self.cloud_id)))
                .condition_expression("#s = :active")
                .expression_attribute_names("#s", "status")
                .expression_attribute_values(":active", ddb::s("active"))
                .return_values_on_condition_check_failure(old)
                .build()
                .map_err(build)?;
            tx = tx.transact_items(TransactWriteItem::builder().condition_check(tenant).build());
        }
        ui.debug(format!(
            "dynamodb:TransactWriteItems {table} put {}, delete {}{} (attempt {attempt})",
            self.link_key,
            self.pending_key,
            if checks { ", check the tenant" } else { "" }
        ));
        let e = match tx.send().await {
            Ok(_) => return Ok(Some(Redeemed::Done)),
            Err(e) => e,
        };
        let Some(reasons) = e
            .as_service_error()
            .filter(|s| s.is_transaction_canceled_exception())
            .map(|s| match s {
                aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError::TransactionCanceledException(c) => {
                    c.cancellation_reasons().to_vec()
                }
                _ => Vec::new(),
            })
        else {
            return Err(sdk_error("could not redeem the invite", e)
                .not_written("the link (the transaction writes all or nothing)")
                .hint(format!(
                    "re-run `bgagent jira link {}` (safe to repeat)",
                    self.code
                )));
        };
        let codes: Vec<Option<String>> = reasons
            .iter()
            .map(|r| r.code().map(str::to_string))
            .collect();
        match classify_cancel(&codes) {
            Cancel::Used => {}
            Cancel::Conflict => return Ok(None),
            Cancel::Other(why) => {
                return Err(Error::failure("could not redeem the invite")
                    .cause(format!("DynamoDB cancelled the transaction: {why}"))
                    .not_written("the link (nothing was written; the code is still valid)")
                    .hint(format!(
                        "re-run `bgagent jira link {}` (safe to repeat)",
                        self.code
                    )));
            }
        }
        // Reasons come in the order of the items: delete invite, put link, check tenant.
        let failed = |i: usize| {
            reasons
                .get(i)
                .is_some_and(|r| r.code() == Some("ConditionalCheckFailed"))
        };
        let item = |i: usize| reasons.get(i).and_then(|r| r.item()).cloned();
        if checks && failed(2) {
            let err = check_active_tenant(self.cloud_id, item(2))
                .err()
                .unwrap_or_else(|| {
                    Error::conflict(format!(
                        "Jira tenant {} changed during the link",
                        self.cloud_id
                    ))
                });
            return Err(err.not_written("the link (nothing was written; the code is still valid)"));
        }
        if !failed(0)
            && checks
            && failed(1)
            && let Some(p) = item(1)
                .as_ref()
                .and_then(|r| ddb::get_s(r, "platform_user_id"))
        {
            return Ok(Some(Redeemed::LinkedTo(p.to_string())));
        }
        Err(Error::conflict(format!(
            "invite code {} was redeemed or expired a moment ago",
            self.code
        ))
        .not_written("the link (nothing was written)")
        .hint(ask_for_new(self.code)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(status: &str, ttl: Option<i64>) -> ddb::Item {
        let mut r = ddb::Item::from([("status".to_string(), ddb::s(status))]);
        if let Some(t) = ttl {
            r.insert("ttl".into(), ddb::n(t));
        }
        r
    }

    #[test]
    fn cancellation_reasons() {
        let c = |v: &[Option<&str>]| {
            classify_cancel(&v.iter().map(|x| x.map(str::to_string)).collect::<Vec<_>>())
        };
        assert_eq!(
            c(&[Some("None"), Some("ConditionalCheckFailed")]),
            Cancel::Used
        );
        assert_eq!(
            c(&[Some("TransactionConflict"), Some("None")]),
            Cancel::Conflict
        );
        assert_eq!(
            c(&[Some("TransactionConflict"), Some("ConditionalCheckFailed")]),
            Cancel::Used
        );
        assert_eq!(
            c(&[None, Some("ThrottlingError")]),
            Cancel::Other("ThrottlingError".into())
        );
    }

    #[test]
    fn pending_checks() {
        assert!(check_pending(Some(&row("pending", Some(101))), 100).is_ok());
        assert!(
            check_pending(Some(&row("pending", Some(100))), 100)
                .unwrap_err()
                .starts_with("expired at")
        );
        assert!(check_pending(Some(&row("pending", None)), 100).is_err());
        assert_eq!(
            check_pending(Some(&row("active", Some(1000))), 100),
            Err("already used".into())
        );
        assert_eq!(
            check_pending(None, 100),
            Err("unknown or already used".into())
        );
    }
}
