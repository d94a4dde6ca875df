//! The webhook signing secret: how it is given (stdin, env, prompt, generated) and the two-secret
//! sync of the contract (tenant bundle first, then the stack-wide verifier; on failure of the
//! second write the bundle's previous value is restored).

use secrecy::{ExposeSecret, SecretString};

use crate::aws::secrets;
use crate::cli::WebhookSecretArgs;
use crate::domain::bundle::Bundle;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

pub const ENV: &str = crate::env::WEBHOOK_SECRET;
const FLAGS: &str =
    "--webhook-secret-stdin (or BGAGENT_JIRA_WEBHOOK_SECRET) or --generate-webhook-secret";

/// The secret values are `SecretString`s: their `Debug` is redacted.
#[derive(Debug)]
pub enum Input {
    Given(SecretString),
    Generated(SecretString),
    /// Not given: keep the tenant's current secret, or ask later.
    Deferred,
}

impl Input {
    /// The secret, when there is one.
    pub fn secret(&self) -> Option<&str> {
        match self {
            Input::Given(s) | Input::Generated(s) => Some(s.expose_secret()),
            Input::Deferred => None,
        }
    }

    pub fn source(&self) -> &'static str {
        match self {
            Input::Given(_) => "provided",
            Input::Generated(_) => "generated",
            Input::Deferred => "kept",
        }
    }
}

/// 32 random bytes from the CSPRNG, hex encoded.
pub fn generate() -> String {
    let mut b = [0u8; 32];
    rand::fill(&mut b);
    hex::encode(b)
}

/// Collects the secret from flags, env or a masked prompt. With `may_defer`, an empty answer (or
/// no terminal) means "keep the current one".
pub fn collect(a: &WebhookSecretArgs, ui: &Ui, may_defer: bool) -> Result<Input> {
    if a.generate_webhook_secret {
        return Ok(Input::Generated(generate().into()));
    }
    if a.webhook_secret_stdin {
        return Ok(Input::Given(
            prompt::read_stdin_line("webhook signing secret", "--webhook-secret-stdin")?.into(),
        ));
    }
    if let Some(v) = &crate::env::get().webhook_secret {
        return Ok(Input::Given(v.expose_secret().into()));
    }
    if ui.interactive() {
        let label = if may_defer {
            "Webhook signing secret (Enter: keep the tenant's current one, or generate one)"
        } else {
            "New webhook signing secret (Enter: generate one)"
        };
        prompt::restore_terminal_on_interrupt();
        let v = dialoguer::Password::new()
            .with_prompt(label)
            .allow_empty_password(true)
            .interact()
            .map_err(|e| {
                Error::failure("could not read the webhook signing secret from the terminal")
                    .cause(e)
            })?;
        let v = v.trim().to_string();
        return Ok(match (v.is_empty(), may_defer) {
            (false, _) => Input::Given(v.into()),
            (true, true) => Input::Deferred,
            (true, false) => Input::Generated(generate().into()),
        });
    }
    if may_defer {
        return Ok(Input::Deferred);
    }
    Err(
        Error::usage("a webhook signing secret is required and there is no terminal to ask for it")
            .hint(format!("pass {FLAGS}")),
    )
}

/// Shows a generated secret exactly once, even under `-q`: with the text result on stdout, or on
/// stderr when stdout carries the JSON document (the secret is never put in the JSON).
pub fn show_generated(ui: &Ui, secret: &str) {
    if ui.json {
        ui.show_once(format!(
            "Generated webhook signing secret (shown only once; paste it into the Jira webhook's Secret field): {secret}"
        ));
    } else {
        ui.show_once(format!("  Secret:  {secret}"));
        ui.result(
            "           (generated now and shown only once: paste it into the Jira webhook's Secret field)",
        );
    }
}

/// The usage error for a new tenant when no secret was given in a non-interactive run.
pub fn needed_for_new_tenant() -> Error {
    Error::usage("this tenant has no webhook signing secret yet and none was given")
        .hint(format!("pass {FLAGS}"))
}

/// The two bundle fields a rollback puts back: their values right before our write (`None`: the
/// field was absent). Nothing else of the bundle is ever restored, so a refresh-token rotation by
/// the platform's Lambdas in the meantime is kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Restore {
    pub webhook_signing_secret: Option<String>,
    pub updated_at: Option<String>,
}

impl Restore {
    pub fn of(b: &Bundle) -> Restore {
        Restore {
            webhook_signing_secret: b.str("webhook_signing_secret").map(str::to_string),
            updated_at: b.str("updated_at").map(str::to_string),
        }
    }

    /// Applies the rollback to the latest bundle, if it still holds the secret we wrote (pure).
    /// Returns false (and leaves the bundle alone) when another writer changed the secret since.
    pub fn apply(&self, latest: &mut Bundle, wrote: &str) -> bool {
        if latest.str("webhook_signing_secret") != Some(wrote) {
            return false;
        }
        for (k, v) in [
            ("webhook_signing_secret", &self.webhook_signing_secret),
            ("updated_at", &self.updated_at),
        ] {
            match v {
                Some(v) => latest.set(k, v.as_str()),
                None => {
                    latest.0.remove(k);
                }
            }
        }
        true
    }
}

enum Rolled {
    Restored,
    ChangedSince,
}

/// Re-reads the bundle and puts back only `webhook_signing_secret` and `updated_at`.
async fn roll_back(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    bundle_id: &str,
    wrote: &str,
    r: &Restore,
) -> Result<Rolled> {
    ui.debug(format!(
        "secretsmanager:GetSecretValue {bundle_id} (rollback)"
    ));
    let cur = secrets::get(sm, bundle_id)
        .await?
        .ok_or_else(|| Error::failure("the tenant bundle no longer exists"))?;
    let mut b = Bundle::parse_lenient(&cur.value)
        .map_err(|e| Error::failure("the tenant bundle is no longer a JSON object").cause(e))?;
    if !r.apply(&mut b, wrote) {
        return Ok(Rolled::ChangedSince);
    }
    ui.debug(format!(
        "secretsmanager:PutSecretValue {bundle_id} (rollback of webhook_signing_secret)"
    ));
    secrets::put(sm, bundle_id, &b.to_json()).await?;
    Ok(Rolled::Restored)
}

/// Writes the stack-wide verifier; if that fails, puts the bundle's previous
/// `webhook_signing_secret` (and `updated_at`) back (`restore` is `None` when the bundle was
/// created by this run) and reports exactly what state the stores are in.
pub async fn write_stack_wide_or_restore(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    stack_secret_arn: &str,
    secret: &str,
    bundle_id: &str,
    restore: Option<&Restore>,
    rerun: &str,
) -> Result<()> {
    ui.debug(format!("secretsmanager:PutSecretValue {stack_secret_arn}"));
    let Err(e) = secrets::put(sm, stack_secret_arn, secret).await else {
        return Ok(());
    };
    let mut err = Error::failure("could not write the stack-wide webhook secret")
        .cause(e.causes.join("; "))
        .not_written(format!(
            "stack-wide webhook secret {stack_secret_arn} (unchanged)"
        ));
    match restore {
        Some(r) => match roll_back(sm, ui, bundle_id, secret, r).await {
            Ok(Rolled::Restored) => {
                err = err.written(format!(
                    "tenant bundle {bundle_id}: webhook signing secret restored to its previous value (its other fields are kept as they are now)"
                ))
            }
            Ok(Rolled::ChangedSince) => {
                err = err.written(format!(
                    "tenant bundle {bundle_id}: its webhook signing secret was changed by another writer meanwhile and was left alone"
                ))
            }
            Err(re) => {
                err = err
                    .written(format!("tenant bundle {bundle_id}: holds the NEW webhook secret; restoring it failed ({}{})", re.message, if re.causes.is_empty() { String::new() } else { format!(": {}", re.causes.join("; ")) }))
                    .hint("the two secrets differ: webhooks will be refused until they match");
            }
        },
        None => {
            err = err.written(format!(
                "tenant bundle {bundle_id} (new; holds the new webhook secret)"
            ));
        }
    }
    Err(err.hint(format!(
        "fix the cause above, then re-run `{rerun}` (safe to repeat)"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_holders_have_a_redacted_debug() {
        let d = format!(
            "{:?} {:?} {:?}",
            Input::Given("given-s3cr3t".to_string().into()),
            Input::Generated("generated-s3cr3t".to_string().into()),
            crate::keychain::Remembered {
                client_id: "cid".into(),
                client_secret: "kc-s3cr3t".to_string().into(),
            }
        );
        assert!(!d.contains("s3cr3t"), "{d}");
        assert!(d.contains("cid"));
    }

    #[test]
    fn rollback_restores_only_the_secret_and_updated_at() {
        let mut latest = Bundle::parse_lenient(
            r#"{"webhook_signing_secret":"new","updated_at":"T2","refresh_token":"rotated","x":1}"#,
        )
        .unwrap();
        let r = Restore {
            webhook_signing_secret: Some("old".into()),
            updated_at: None,
        };
        assert!(r.apply(&mut latest, "new"));
        assert_eq!(
            latest.to_json(),
            r#"{"refresh_token":"rotated","webhook_signing_secret":"old","x":1}"#
        );
        // Changed by someone else since: left alone.
        let mut other = Bundle::parse_lenient(r#"{"webhook_signing_secret":"theirs"}"#).unwrap();
        assert!(!r.apply(&mut other, "new"));
        assert_eq!(other.str("webhook_signing_secret"), Some("theirs"));
    }
}
