//! Redeeming a one-time invite code directly in DynamoDB, for `jira link` and
//! `linear link --via direct`: the pending row is checked (consistent read, `ttl` checked here
//! since DynamoDB deletes expired items only eventually), then one `TransactWriteItems` deletes
//! the invite on condition that it is still pending and unexpired and puts the active link. A
//! lost race writes nothing. The cancellation reasons say why DynamoDB cancelled it:
//! `ConditionalCheckFailed` (the code was used or expired), `TransactionConflict` (another write
//! on the same rows: retried with backoff), anything else.
//!
//! With `checks` (the `--yes` fast path, where nothing waits for the operator) the transaction
//! also requires the tenant or workspace to be usable (a `ConditionCheck` on its registry row)
//! and the account not to be linked to someone else (a condition on the put), and reports which
//! of these failed, with the old items: two sequential round trips for the whole command.

use aws_sdk_dynamodb::types::{
    AttributeValue, ConditionCheck, Delete, Put, ReturnValuesOnConditionCheckFailure,
    TransactWriteItem,
};

use super::{ddb, sdk_error};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::Ui;

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

/// Which existing link rows belong to someone (the fast path refuses to move those silently).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkedWhen {
    /// Only `status = active` rows (Jira's processor).
    Active,
    /// Every row with a platform user (Linear's processor rejects only `pending` rows).
    AnyStatus,
}

/// The registry row the fast path requires, as a `ConditionCheck`.
pub struct Target<'a> {
    pub table: &'a str,
    pub key_attr: &'static str,
    pub key: &'a str,
    /// The condition (`#s` is `status`), with its values.
    pub condition: &'static str,
    pub values: Vec<(&'static str, AttributeValue)>,
}

/// The redeeming transaction and what it needs.
pub struct Redeem<'a> {
    pub ddb: &'a aws_sdk_dynamodb::Client,
    pub ui: &'a Ui,
    /// The user table and its key attribute (`jira_identity`, `linear_identity`).
    pub table: &'a str,
    pub key_attr: &'static str,
    pub pending_key: &'a str,
    pub link_key: &'a str,
    /// The active link row to put (keyed by `link_key`).
    pub link: ddb::Item,
    pub platform_user: &'a str,
    pub linked_when: LinkedWhen,
    pub target: Target<'a>,
    /// The code, for messages.
    pub code: &'a str,
    /// `bgagent <integration> link <code>`, for the re-run hints.
    pub command: String,
    /// The hint when the code cannot be used any more.
    pub ask_for_new: String,
    /// The error when the fast path's target check failed, from the old registry row.
    pub refused: &'a (dyn Fn(Option<ddb::Item>) -> Error + Sync),
}

pub enum Redeemed {
    Done,
    /// (fast path) the account is linked to this other platform user; nothing written.
    LinkedTo(String),
}

impl Redeem<'_> {
    fn rerun(&self) -> String {
        format!("re-run `{}` (safe to repeat)", self.command)
    }

    /// Redeems: with `checks` (the fast path) an account found linked to another platform
    /// user is reported through `moved` and then moved by a second transaction without the
    /// checks (as the confirmed path does). Returns that other platform user, if any.
    pub async fn redeem(&self, checks: bool, moved: impl FnOnce(&str)) -> Result<Option<String>> {
        match self.send(checks).await? {
            Redeemed::Done => Ok(None),
            Redeemed::LinkedTo(p) => {
                moved(&p);
                match self.send(false).await? {
                    Redeemed::Done => Ok(Some(p)),
                    Redeemed::LinkedTo(_) => unreachable!("no link condition without the checks"),
                }
            }
        }
    }

    /// The transaction, retried with backoff while DynamoDB cancels it with
    /// `TransactionConflict` (at most [`CONFLICT_ATTEMPTS`] tries).
    pub async fn send(&self, checks: bool) -> Result<Redeemed> {
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
                .hint(format!("try again in a few seconds: {}", self.rerun())));
            }
            // Jittered, so racers that collided once do not collide again in lockstep.
            let wait = crate::env::backoff(std::time::Duration::from_millis(100 << attempt))
                .mul_f64(rand::random_range(0.5..1.5));
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
        let (table, k) = (self.table, self.key_attr);
        let build = |e: aws_sdk_dynamodb::error::BuildError| {
            Error::failure("could not build the link transaction").cause(e)
        };
        let old = ReturnValuesOnConditionCheckFailure::AllOld;
        let mut put = Put::builder()
            .table_name(table)
            .set_item(Some(self.link.clone()));
        if checks {
            let condition = match self.linked_when {
                LinkedWhen::Active => {
                    format!("attribute_not_exists({k}) OR platform_user_id = :me OR #s <> :active")
                }
                LinkedWhen::AnyStatus => format!(
                    "attribute_not_exists({k}) OR attribute_not_exists(platform_user_id) OR platform_user_id = :me"
                ),
            };
            put = put
                .condition_expression(condition)
                .expression_attribute_values(":me", ddb::s(self.platform_user))
                .return_values_on_condition_check_failure(old.clone());
            if self.linked_when == LinkedWhen::Active {
                put = put
                    .expression_attribute_names("#s", "status")
                    .expression_attribute_values(":active", ddb::s("active"));
            }
        }
        let delete = Delete::builder()
            .table_name(table)
            .set_key(Some(ddb::key(k, self.pending_key)))
            .condition_expression("#s = :pending AND #ttl > :now")
            .expression_attribute_names("#s", "status")
            .expression_attribute_names("#ttl", "ttl")
            .expression_attribute_values(":pending", ddb::s("pending"))
            .expression_attribute_values(":now", ddb::n(timefmt::epoch_secs(timefmt::now())))
            .build()
            .map_err(build)?;
        let mut tx = self
            .ddb
            .transact_write_items()
            .transact_items(TransactWriteItem::builder().delete(delete).build())
            .transact_items(
                TransactWriteItem::builder()
                    .put(put.build().map_err(build)?)
                    .build(),
            );
        if checks {
            let t = &self.target;
            let mut check = ConditionCheck::builder()
                .table_name(t.table)
                .set_key(Some(ddb::key(t.key_attr, t.key)))
                .condition_expression(t.condition)
                .expression_attribute_names("#s", "status")
                .return_values_on_condition_check_failure(old);
            for (name, value) in &t.values {
                check = check.expression_attribute_values(*name, value.clone());
            }
            tx = tx.transact_items(
                TransactWriteItem::builder()
                    .condition_check(check.build().map_err(build)?)
                    .build(),
            );
        }
        self.ui.debug(format!(
            "dynamodb:TransactWriteItems {table} put {}, delete {}{} (attempt {attempt})",
            self.link_key,
            self.pending_key,
            if checks {
                ", check the registry row"
            } else {
                ""
            }
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
                .hint(self.rerun()));
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
                    .hint(self.rerun()));
            }
        }
        // Reasons come in the order of the items: delete invite, put link, check the registry.
        let failed = |i: usize| {
            reasons
                .get(i)
                .is_some_and(|r| r.code() == Some("ConditionalCheckFailed"))
        };
        let item = |i: usize| reasons.get(i).and_then(|r| r.item()).cloned();
        if checks && failed(2) {
            return Err((self.refused)(item(2))
                .not_written("the link (nothing was written; the code is still valid)"));
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
        .hint(self.ask_for_new.clone()))
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
