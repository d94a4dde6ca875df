//! The webhook signing secret: how it is given (stdin, env, prompt, generated) and the two-secret
//! sync of the contract (tenant bundle first, then the stack-wide verifier; on failure of the
//! second write the bundle's previous value is restored).

use crate::aws::secrets;
use crate::cli::WebhookSecretArgs;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

pub const ENV: &str = "BGAGENT_JIRA_WEBHOOK_SECRET";
const FLAGS: &str =
    "--webhook-secret-stdin (or BGAGENT_JIRA_WEBHOOK_SECRET) or --generate-webhook-secret";

#[derive(Debug, PartialEq)]
pub enum Input {
    Given(String),
    Generated(String),
    /// Not given: keep the tenant's current secret, or ask later.
    Deferred,
}

impl Input {
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
        return Ok(Input::Generated(generate()));
    }
    if a.webhook_secret_stdin {
        return Ok(Input::Given(prompt::read_stdin_line(
            "webhook signing secret",
            "--webhook-secret-stdin",
        )?));
    }
    if let Some(v) = std::env::var(ENV)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    {
        return Ok(Input::Given(v));
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
            (false, _) => Input::Given(v),
            (true, true) => Input::Deferred,
            (true, false) => Input::Generated(generate()),
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

/// Writes the stack-wide verifier; if that fails, puts `previous_bundle` back on the tenant
/// bundle (when there was one) and reports exactly what state the stores are in.
pub async fn write_stack_wide_or_restore(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    stack_secret_arn: &str,
    secret: &str,
    bundle_id: &str,
    previous_bundle: Option<&str>,
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
    match previous_bundle {
        Some(prev) => match secrets::put(sm, bundle_id, prev).await {
            Ok(_) => {
                err = err.written(format!(
                    "tenant bundle {bundle_id}: restored to its previous value"
                ))
            }
            Err(re) => {
                err = err
                    .written(format!("tenant bundle {bundle_id}: holds the NEW webhook secret; restoring it failed ({})", re.causes.join("; ")))
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
