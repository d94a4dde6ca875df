//! Secrets Manager: read a secret's current value, create-or-put a new version.

use aws_sdk_secretsmanager::Client;
use aws_sdk_secretsmanager::types::Tag;

use super::sdk_error;
use crate::error::{Error, Result};

pub struct Current {
    pub arn: String,
    pub value: String,
    /// The version read (`VersionId`), for [`put_over`].
    pub version: String,
}

/// The current value, or `None` when the secret does not exist.
pub async fn get(sm: &Client, id: &str) -> Result<Option<Current>> {
    match sm.get_secret_value().secret_id(id).send().await {
        Ok(r) => Ok(Some(Current {
            arn: r.arn().unwrap_or(id).to_string(),
            value: r.secret_string().unwrap_or_default().to_string(),
            version: r.version_id().unwrap_or_default().to_string(),
        })),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_resource_not_found_exception()) =>
        {
            Ok(None)
        }
        Err(e) => Err(sdk_error(format!("could not read secret {id}"), e)),
    }
}

/// Writes a new version of an existing secret; returns its ARN.
pub async fn put(sm: &Client, id: &str, value: &str) -> Result<String> {
    let r = sm
        .put_secret_value()
        .secret_id(id)
        .secret_string(value)
        .send()
        .await
        .map_err(|e| sdk_error(format!("could not write secret {id}"), e))?;
    Ok(r.arn().unwrap_or(id).to_string())
}

/// What [`put_over`] stored.
pub struct PutOver {
    pub arn: String,
    /// Set when another writer's version landed between the read and the write and this change
    /// could not be re-applied onto it: this command's value is stored, and that writer's change
    /// (e.g. a rotated refresh token) is not; the error says so (`not written`), and the caller
    /// adds what it did write.
    pub unmerged: Option<Error>,
}

/// Writes `value`, built from version `read` of the secret. Secrets Manager has no
/// compare-and-swap, so the write is checked afterwards: if another writer's version landed
/// between that read and this write (e.g. a Lambda storing a rotated refresh token), this write
/// replaced it, and `merge` re-applies this change onto that version, which is written again
/// (a few times at most). The check needs only `GetSecretValue`; if it cannot be made, the write
/// stands. An error means nothing was written; a re-application that fails after the first write
/// landed is [`PutOver::unmerged`].
pub async fn put_over(
    sm: &Client,
    id: &str,
    read: &str,
    value: &str,
    merge: impl Fn(&str) -> Option<String>,
) -> Result<PutOver> {
    let (mut expected, mut value) = (read.to_string(), value.to_string());
    let mut arn = id.to_string();
    // The other writer's version being re-applied onto, once the first write has landed.
    let mut displaced: Option<String> = None;
    let lost = "the other writer's change (e.g. a refresh token the platform rotated meanwhile)";
    for _ in 0..3 {
        let r = match sm
            .put_secret_value()
            .secret_id(id)
            .secret_string(&value)
            .send()
            .await
        {
            Ok(r) => r,
            Err(e) => {
                let Some(other) = displaced else {
                    return Err(sdk_error(format!("could not write secret {id}"), e));
                };
                let e = sdk_error(
                    format!(
                        "could not re-apply this change onto version {other} of secret {id}, which another writer stored between this command's read and its write"
                    ),
                    e,
                );
                return Ok(PutOver {
                    arn,
                    unmerged: Some(e.not_written(lost)),
                });
            }
        };
        arn = r.arn().unwrap_or(id).to_string();
        let ours = r.version_id().unwrap_or_default().to_string();
        let Ok(prev) = sm
            .get_secret_value()
            .secret_id(id)
            .version_stage("AWSPREVIOUS")
            .send()
            .await
        else {
            break;
        };
        let prev_id = prev.version_id().unwrap_or_default();
        // Ours replaced the version we read, or a later write already replaced ours.
        if expected.is_empty() || prev_id == expected || prev_id == ours {
            break;
        }
        match merge(prev.secret_string().unwrap_or_default()) {
            Some(v) => (expected, value) = (ours, v),
            None => {
                let e = Error::conflict(format!(
                    "version {prev_id} of secret {id}, which another writer stored between this command's read and its write, is not a value this command can update, and this write replaced it"
                ));
                return Ok(PutOver {
                    arn,
                    unmerged: Some(e.not_written(lost)),
                });
            }
        }
        displaced = Some(prev_id.to_string());
    }
    Ok(PutOver {
        arn,
        unmerged: None,
    })
}

/// Creates the secret with description and tags; when it already exists, puts a new version.
pub async fn create_or_put(
    sm: &Client,
    name: &str,
    value: &str,
    description: &str,
    tags: &[(&str, &str)],
) -> Result<String> {
    let tags: Vec<Tag> = tags
        .iter()
        .map(|(k, v)| Tag::builder().key(*k).value(*v).build())
        .collect();
    match sm
        .create_secret()
        .name(name)
        .description(description)
        .secret_string(value)
        .set_tags(Some(tags))
        .send()
        .await
    {
        Ok(r) => Ok(r.arn().unwrap_or(name).to_string()),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_resource_exists_exception()) =>
        {
            put(sm, name, value).await
        }
        Err(e) => Err(sdk_error(format!("could not create secret {name}"), e)),
    }
}

/// [`create_or_put`], and a secret of that name that is scheduled for deletion is restored
/// first (`CreateSecret` and `PutSecretValue` both refuse such a name).
pub async fn create_put_or_restore(
    sm: &Client,
    name: &str,
    value: &str,
    description: &str,
    tags: &[(&str, &str)],
) -> Result<String> {
    match create_or_put(sm, name, value, description, tags).await {
        Err(e)
            if e.causes
                .iter()
                .any(|c| c.contains("scheduled for deletion")) =>
        {
            sm.restore_secret()
                .secret_id(name)
                .send()
                .await
                .map_err(|e| sdk_error(format!("could not restore secret {name}"), e))?;
            put(sm, name, value).await
        }
        other => other,
    }
}

/// Whether an error text says the secret is scheduled for deletion (AWS and moto wordings).
pub fn marked_deleted(text: &str) -> bool {
    [
        "scheduled for deletion",
        "marked for deletion",
        "marked deleted",
    ]
    .iter()
    .any(|p| text.contains(p))
}

/// [`get`], with a secret that is scheduled for deletion reported as `Ok(None)` and `true`.
pub async fn get_unless_deleted(sm: &Client, id: &str) -> Result<(Option<Current>, bool)> {
    match get(sm, id).await {
        Err(e) if e.causes.iter().any(|c| marked_deleted(c)) => Ok((None, true)),
        other => other.map(|c| (c, false)),
    }
}

/// Cancels the scheduled deletion of a secret.
pub async fn restore(sm: &Client, id: &str) -> Result<()> {
    sm.restore_secret()
        .secret_id(id)
        .send()
        .await
        .map_err(|e| sdk_error(format!("could not restore secret {id}"), e))?;
    Ok(())
}

/// Deleting a bundle (`jira revoke --delete-secret`, `linear remove-workspace`): with a recovery
/// window (restorable until then) or at once (`--force-delete`, irreversible).
pub struct Deletion<'a> {
    pub id: &'a str,
    pub force: bool,
    /// 7 to 30 (checked by the argument parser); unused with `force`.
    pub recovery_days: i64,
    /// What the secret is called in the messages ("Tenant bundle", "Bundle").
    pub noun: &'a str,
}

/// What a [`Deletion`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deleted {
    /// Deleted at once.
    Now,
    /// Deletion scheduled (the date AWS reported, ISO).
    Scheduled(Option<String>),
    /// There was no such secret.
    Absent,
}

impl Deletion<'_> {
    /// The command that cancels a scheduled deletion.
    pub fn restore_command(&self) -> String {
        format!("aws secretsmanager restore-secret --secret-id {}", self.id)
    }

    /// Sends `DeleteSecret` and reports the outcome (the restore command for a scheduled
    /// deletion). Any failure but a missing secret awaits `record` (best effort: it may note the
    /// orphan somewhere and returns what it wrote), and the error lists that write.
    pub async fn run(
        &self,
        sm: &Client,
        ui: &crate::terminal::Ui,
        record: impl AsyncFnOnce(&crate::error::Error) -> Option<String>,
    ) -> Result<Deleted> {
        let id = self.id;
        let mut req = sm.delete_secret().secret_id(id);
        req = if self.force {
            req.force_delete_without_recovery(true)
        } else {
            req.recovery_window_in_days(self.recovery_days)
        };
        ui.debug(format!("secretsmanager:DeleteSecret {id}"));
        match req.send().await {
            Ok(_) if self.force => {
                ui.ok(format!("{} {id} deleted", self.noun));
                Ok(Deleted::Now)
            }
            Ok(r) => {
                let date = r
                    .deletion_date()
                    .and_then(|d| crate::domain::timefmt::from_epoch(d.secs()))
                    .map(crate::domain::timefmt::iso_ms);
                ui.ok(format!(
                    "{} {id}: deletion scheduled in {} days; restore it before then with:",
                    self.noun, self.recovery_days
                ));
                ui.say(format!("    {}", self.restore_command()));
                Ok(Deleted::Scheduled(date))
            }
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_resource_not_found_exception()) =>
            {
                Ok(Deleted::Absent)
            }
            // Scheduled by an earlier run (e.g. one whose later step failed and is re-run).
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_invalid_request_exception())
                    && marked_deleted(
                        &aws_smithy_types::error::display::DisplayErrorContext(&e).to_string(),
                    ) =>
            {
                ui.warn(format!(
                    "{} {id} was already scheduled for deletion; restore it before then with: {}",
                    self.noun,
                    self.restore_command()
                ));
                Ok(Deleted::Scheduled(None))
            }
            Err(e) => {
                let mut err = sdk_error(format!("could not delete secret {id}"), e);
                if let Some(w) = record(&err).await {
                    err = err.written(w);
                }
                Err(err)
            }
        }
    }
}
