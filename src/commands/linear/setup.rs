//! `bgagent linear setup <slug>` and `add-workspace <slug>`: install the OAuth app in a Linear
//! workspace through the shared OAuth core (loopback PKCE, form-encoded token exchange), find
//! out which workspace the grant is for over GraphQL, then write the workspace's bundle, its
//! registry row and — on the first install only — the stack-wide webhook secret.
//!
//! Beyond the TypeScript CLI: the slug must be the workspace's URL key (else `--force`); a
//! slug whose secret holds another workspace, or a workspace registered under another slug,
//! is refused (no cross-workspace tokens, no orphaned secrets); every input is collected
//! before the first write; the bundle keeps the fields setup does not own; a secret scheduled
//! for deletion is restored; the stack-wide secret is never mirrored into a second workspace.

use super::Workspace;
use super::args::LinearSetupArgs;
use crate::aws::{Output, ddb, sdk_error, secrets};
use crate::browser::redirect::parse_redirect;
use crate::cli::GlobalArgs;
use crate::domain::bundle::Bundle;
use crate::domain::linear::{self as rules, REQUIRED, secret_name};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::linear::{self, AuthorizeOptions, graphql};
use crate::oauth;
use crate::terminal::{Ui, prompt};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Setup,
    AddWorkspace,
}

impl Mode {
    fn command(self) -> &'static str {
        match self {
            Mode::Setup => "setup",
            Mode::AddWorkspace => "add-workspace",
        }
    }
}

const WEBHOOK_FLAG: &str = "--webhook-secret-stdin (or BGAGENT_LINEAR_WEBHOOK_SECRET)";

/// A secret variable as resolved at start-up (`crate::env` takes it out of the environment).
fn env_value(k: &str) -> Option<String> {
    crate::env::secret(k)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

struct Client {
    id: String,
    secret: String,
    /// Reused from this registered workspace's bundle.
    reused_from: Option<String>,
    /// Read from the OS keychain (so not stored there again).
    from_keychain: bool,
}

/// The client secret given by the operator: stdin (line 1), env, the OS keychain (when it
/// remembers this client id), or a masked prompt. Also says whether the keychain gave it.
fn given_client_secret(
    a: &LinearSetupArgs,
    ui: &Ui,
    remembered: Option<crate::keychain::Remembered>,
) -> Result<(String, bool)> {
    if a.client_secret_stdin {
        return Ok((
            prompt::read_stdin_line("OAuth client secret", "--client-secret-stdin")?,
            false,
        ));
    }
    if let Some(s) = env_value(crate::env::LINEAR_CLIENT_SECRET) {
        return Ok((s, false));
    }
    if let Some(r) = remembered {
        use secrecy::ExposeSecret;
        return Ok((r.client_secret.expose_secret().to_string(), true));
    }
    prompt::secret(
        ui,
        "Linear Client Secret",
        "the OAuth client secret",
        "--client-secret-stdin (or BGAGENT_LINEAR_CLIENT_SECRET)",
    )
    .map(|s| (s, false))
}

/// add-workspace: the app's credentials from an active workspace's bundle.
async fn reusable_client(ctx: &super::Ctx, ui: &Ui, rows: &[Workspace]) -> Result<Option<Client>> {
    let sm = ctx.aws.secrets();
    for w in rows.iter().filter(|w| w.is_usable()) {
        ui.debug(format!("secretsmanager:GetSecretValue {}", w.bundle_id()));
        if let Some(cur) = secrets::get(&sm, &w.bundle_id()).await?
            && let Ok(b) = Bundle::parse_lenient(&cur.value)
            && let (Some(id), Some(secret)) = (b.str("client_id"), b.str("client_secret"))
            && !id.is_empty()
            && !secret.is_empty()
        {
            return Ok(Some(Client {
                id: id.to_string(),
                secret: secret.to_string(),
                reused_from: Some(w.slug.clone()),
                from_keychain: false,
            }));
        }
    }
    Ok(None)
}

async fn collect_client(
    a: &LinearSetupArgs,
    ui: &Ui,
    mode: Mode,
    ctx: &super::Ctx,
    rows: &[Workspace],
) -> Result<Client> {
    let given_id = a
        .client_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if mode == Mode::AddWorkspace && given_id.is_none() {
        return match reusable_client(ctx, ui, rows).await? {
            Some(c) => {
                ui.say(format!(
                    "Using the OAuth app of workspace '{}' (client id {}); --client-id uses another",
                    c.reused_from.as_deref().unwrap_or_default(),
                    c.id
                ));
                Ok(c)
            }
            None => Err(Error::conflict(
                "no active Linear workspace has a readable OAuth app to reuse",
            )
            .not_written("nothing")
            .hint(format!(
                "connect the first workspace with `bgagent linear setup <slug>`, or pass --client-id and --client-secret-stdin to add-workspace {}",
                a.slug
            ))),
        };
    }
    use crate::keychain::{self, LINEAR};
    if a.forget_client {
        if keychain::forget(LINEAR) {
            ui.ok("Forgot the Linear OAuth client remembered in the OS keychain");
        } else {
            ui.debug("no keychain available; nothing to forget");
        }
    }
    let remembered = if a.forget_client {
        None
    } else {
        keychain::load(LINEAR)
    };
    let id = match (given_id, &remembered) {
        (Some(id), _) => id.to_string(),
        (None, Some(r)) => {
            ui.say(format!(
                "Using the Linear OAuth client id remembered in the OS keychain ({}); --forget-client drops it",
                r.client_id
            ));
            r.client_id.clone()
        }
        (None, None) => prompt::line(
            ui,
            "Linear Client ID",
            "the OAuth client id",
            "--client-id <ID> (or BGAGENT_LINEAR_CLIENT_ID)",
        )?,
    };
    let (secret, from_keychain) =
        given_client_secret(a, ui, remembered.filter(|r| r.client_id == id))?;
    Ok(Client {
        id,
        secret,
        reused_from: None,
        from_keychain,
    })
}

/// The webhook signing secret given up front: stdin (line 2 after a client secret), env.
fn given_webhook_secret(a: &LinearSetupArgs) -> Result<Option<String>> {
    let raw = if a.webhook_secret_stdin {
        Some(prompt::read_stdin_line(
            "webhook signing secret",
            "--webhook-secret-stdin",
        )?)
    } else {
        env_value(crate::env::LINEAR_WEBHOOK_SECRET)
    };
    raw.map(|s| {
        rules::webhook_secret(&s).map_err(|e| {
            Error::usage(e)
                .not_written("nothing")
                .hint(format!("pass the lin_wh_… value with {WEBHOOK_FLAG}"))
        })
    })
    .transpose()
}

/// Where the workspace's webhook secret comes from (JSON `webhook_secret`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WebhookSource {
    Provided,
    Kept,
    Mirrored,
}

impl WebhookSource {
    fn as_str(self) -> &'static str {
        match self {
            WebhookSource::Provided => "provided",
            WebhookSource::Kept => "kept",
            WebhookSource::Mirrored => "mirrored",
        }
    }
}

pub async fn run(a: LinearSetupArgs, g: &GlobalArgs, ui: &Ui, mode: Mode) -> Result<()> {
    let cmd = mode.command();
    let redirect = parse_redirect(&a.callback_url).map_err(|e| {
        Error::usage(format!("invalid --callback-url '{}': {e}", a.callback_url))
            .hint("pass the callback URL registered in the Linear app (see `bgagent linear app-template`)")
    })?;
    // 1. Everything that can fail without a browser fails first.
    let mut needed = vec![Output::LinearRegistry, Output::ApiUrl];
    if mode == Mode::Setup {
        needed.push(Output::LinearWebhookSecret);
    }
    // Live, as for `jira setup`: the stack is checked before the browser step.
    let ctx = crate::aws::Ctx::new_live(g, ui, &needed).await?;
    let platform_user =
        crate::platform::credentials::platform_user_id(a.install.platform_user_id.as_deref(), ui)
            .await?;
    let rows = super::all_workspaces(&ctx, ui).await?;
    // 2. Inputs (the rest, if any is needed, is asked after the login but before any write).
    let client = collect_client(&a, ui, mode, &ctx, &rows).await?;
    let mut webhook = given_webhook_secret(&a)?;
    let provider = linear::provider(AuthorizeOptions {
        actor_app: !a.no_actor_app,
        force_consent: !a.no_force_consent,
    });
    let auth = oauth::authorize_request(&provider, &client.id, &redirect.raw)?;
    let name = secret_name(&a.slug);

    if a.dry_run {
        let q: Vec<(String, String)> = auth
            .url
            .query_pairs()
            .into_owned()
            .filter(|(k, _)| k != "state" && k != "code_challenge")
            .collect();
        let mut writes = vec![
            format!("secretsmanager: create or put {name} (workspace bundle)"),
            format!(
                "dynamodb: UpdateItem {} (linear_workspace_id = <the grant's organization id>, status = active)",
                ctx.out.get(Output::LinearRegistry)
            ),
        ];
        if mode == Mode::Setup {
            writes.push(format!(
                "secretsmanager: PutSecretValue {} only if it holds no lin_wh_ secret yet (stack-wide fallback)",
                ctx.out.get(Output::LinearWebhookSecret)
            ));
        }
        ui.say("Dry run: nothing will be opened or written.");
        ui.say(format!(
            "Authorize endpoint: {}",
            auth.url.as_str().split('?').next().unwrap_or_default()
        ));
        for (k, v) in &q {
            ui.say(format!("  {k} = {v}"));
        }
        ui.say("  state, code_challenge = fresh random values per run");
        ui.say("Writes after the login:");
        for w in &writes {
            ui.say(format!("  {w}"));
        }
        ui.emit_json(&serde_json::json!({
            "dry_run": true,
            "workspace_slug": a.slug,
            "authorize_url": auth.url.as_str().split('?').next(),
            "authorize_params": q.into_iter().collect::<std::collections::BTreeMap<_, _>>(),
            "writes": writes,
            "installed_by_platform_user_id": platform_user,
            "client_reused_from": client.reused_from,
        }));
        return Ok(());
    }

    // 3. The browser leg and the token exchange (form body, client secret in the body).
    let (code, browser) = crate::browser::flow::obtain_code(
        ui,
        "Linear",
        &redirect,
        &auth.url,
        auth.state.secret(),
        a.no_browser,
        a.install.timeout,
    )?;
    let tokens = oauth::exchange_code(
        ui,
        &provider,
        &client.id,
        &client.secret,
        &code,
        &auth.verifier,
        &redirect.raw,
    )
    .await;
    // The browser tab shows the real outcome: success only once the tokens are obtained.
    let tokens = browser.settle(tokens)?;
    let obtained = timefmt::now();
    let nothing = "nothing (no AWS write was made)";

    // 4. Which workspace the grant is for; independent reads in parallel.
    let sm = ctx.aws.secrets();
    let (ident, keys, previous) = tokio::join!(
        graphql::identity(ui, &tokens.access_token),
        graphql::team_keys(ui, &tokens.access_token),
        secrets::get_unless_deleted(&sm, &name),
    );
    let (viewer, org) = ident.map_err(|e| {
        e.into_error(&a.slug)
            .not_written(nothing)
            .hint("check that the app was installed in the workspace, then re-run")
    })?;
    ui.ok(format!(
        "Authorized for Linear workspace {} (url key {}, id {}) as {}",
        org.name, org.url_key, org.id, viewer.name
    ));
    let team_keys = match keys {
        Ok(k) => rules::team_keys(&k),
        Err(_) => {
            ui.warn("could not read the workspace's team keys; issue-key routing (ENG-42) stays off until a re-run");
            Vec::new()
        }
    };
    if org.url_key != a.slug && !a.force {
        return Err(Error::conflict(format!(
            "the grant is for workspace '{}' (url key {}), not '{}'",
            org.name, org.url_key, a.slug
        ))
        .cause("the secret name and registry slug follow the slug; a mismatch mixes workspaces' tokens")
        .not_written(nothing)
        .hint(format!(
            "re-run as `bgagent linear {cmd} {}`; to connect '{}' instead, sign in to that workspace (a private window helps); --force keeps the slug anyway",
            org.url_key, a.slug
        )));
    }
    let (previous, was_deleted) = previous?;
    if was_deleted {
        ui.say(format!(
            "  {name} is scheduled for deletion (removed workspace); it is restored with the new tokens, as a fresh install"
        ));
    }
    let old = previous.as_ref().map(|p| Bundle::parse_lenient(&p.value));
    let old_same = match &old {
        Some(Ok(b)) => {
            let other = b
                .str("workspace_id")
                .filter(|w| !w.is_empty() && *w != org.id);
            if let Some(other) = other
                && !a.force
            {
                return Err(Error::conflict(format!(
                    "secret {name} holds the tokens of another workspace ({other})"
                ))
                .not_written(nothing)
                .hint(format!("use that workspace's own slug, or take it out first with `bgagent linear remove-workspace {}`; --force overwrites", a.slug)));
            }
            other.is_none()
        }
        Some(Err(e)) => {
            ui.warn(format!(
                "the existing secret {name} is not a JSON object ({e}); writing a fresh bundle"
            ));
            false
        }
        None => false,
    };
    let row = rows.iter().find(|w| w.id == org.id).cloned();
    if let Some(r) = &row {
        if r.slug != a.slug && !r.slug.is_empty() && !a.force {
            return Err(Error::conflict(format!(
                "workspace {} is registered as '{}', not '{}'",
                org.id, r.slug, a.slug
            ))
            .cause("a second slug would create a second secret and orphan the first")
            .not_written(nothing)
            .hint(format!(
                "re-run as `bgagent linear {cmd} {}`; --force re-points the workspace",
                r.slug
            )));
        }
        if mode == Mode::AddWorkspace && r.status == "active" {
            return Err(Error::conflict(format!(
                "workspace '{}' is already registered and active",
                a.slug
            ))
            .not_written(nothing)
            .hint(format!(
                "to re-authorize it, run `bgagent linear setup {}`",
                a.slug
            )));
        }
    }
    let stack_wide = if mode == Mode::Setup {
        let arn = ctx.out.get(Output::LinearWebhookSecret);
        ui.debug(format!("secretsmanager:GetSecretValue {arn}"));
        secrets::get(&sm, arn).await?.map(|c| c.value)
    } else {
        None
    };
    let stack_configured = stack_wide
        .as_deref()
        .is_some_and(rules::is_configured_webhook_secret);

    // 5. The webhook secret decision — still before the first write.
    let kept = old_same
        .then(|| old.as_ref().and_then(|o| o.as_ref().ok()))
        .flatten()
        .and_then(|b| b.str("webhook_signing_secret"))
        .filter(|s| rules::is_configured_webhook_secret(s))
        .map(str::to_string);
    let other_active = rows.iter().any(|w| w.id != org.id && w.is_usable());
    let source = if webhook.is_some() {
        WebhookSource::Provided
    } else if let Some(k) = kept {
        webhook = Some(k);
        WebhookSource::Kept
    } else if mode == Mode::Setup && stack_configured && !other_active {
        // The sole workspace: the stack-wide secret was configured for it.
        webhook = stack_wide.clone();
        WebhookSource::Mirrored
    } else {
        let s = prompt::secret(
            ui,
            "Webhook signing secret of this workspace (lin_wh_…)",
            "the workspace's webhook signing secret",
            WEBHOOK_FLAG,
        )
        .map_err(|e| {
            e.not_written(nothing)
                .hint("create the workspace's webhook first (`bgagent linear webhook-info`) and copy its lin_wh_ signing secret")
        })?;
        webhook =
            Some(rules::webhook_secret(&s).map_err(|e| Error::usage(e).not_written(nothing))?);
        WebhookSource::Provided
    };
    let webhook = webhook.unwrap_or_default();

    // 6. The bundle: the current one of this workspace, with setup's fields replaced.
    let mut bundle = match old {
        Some(Ok(b)) if old_same => b,
        _ => Bundle(Default::default()),
    };
    let now = timefmt::iso_ms(obtained);
    let expires = tokens.store_in(&mut bundle, obtained, "", Some(&linear::SCOPES.join(" ")));
    bundle.set("client_id", client.id.as_str());
    bundle.set("client_secret", client.secret.as_str());
    bundle.set("workspace_id", org.id.as_str());
    bundle.set("workspace_slug", a.slug.as_str());
    bundle.set("installed_at", now.as_str());
    bundle.set("updated_at", now.as_str());
    bundle.set("installed_by_platform_user_id", platform_user.as_str());
    bundle.set("webhook_signing_secret", webhook.as_str());
    debug_assert!(bundle.missing_of(&REQUIRED).is_empty());

    // 7. Writes: bundle, registry row, then (first install only) the stack-wide fallback.
    let mut written: Vec<String> = Vec::new();
    if was_deleted {
        ui.debug(format!("secretsmanager:RestoreSecret {name}"));
        secrets::restore(&sm, &name).await.map_err(|e| {
            e.not_written("workspace bundle, registry row")
                .hint(format!(
                    "re-run `bgagent linear {cmd} {}` (safe to repeat)",
                    a.slug
                ))
        })?;
    }
    ui.debug(format!("secretsmanager:CreateSecret/PutSecretValue {name}"));
    let arn = secrets::create_put_or_restore(
        &sm,
        &name,
        &bundle.to_json(),
        &format!("Linear OAuth token for workspace '{}'", a.slug),
        &[
            ("bgagent:integration", "linear"),
            ("bgagent:linear:workspace_slug", a.slug.as_str()),
        ],
    )
    .await
    .map_err(|e| {
        e.not_written("workspace bundle, registry row")
            .hint(format!(
                "re-run `bgagent linear {cmd} {}` (safe to repeat)",
                a.slug
            ))
    })?;
    ui.ok(format!("Stored the workspace's OAuth bundle ({name})"));
    written.push(format!("workspace bundle {name}"));

    let registry = ctx.out.get(Output::LinearRegistry);
    ui.debug(format!("dynamodb:UpdateItem {registry} {}", org.id));
    let mut set = "SET workspace_slug = :slug, oauth_secret_arn = :arn, installed_by_platform_user_id = :by, installed_at = :now, updated_at = :now, #s = :active".to_string();
    if !team_keys.is_empty() {
        set.push_str(", team_keys = :keys");
    }
    set.push_str(" REMOVE revoked_at, revoked_reason, revoked_by_platform_user_id");
    let mut update = ctx
        .ddb
        .update_item()
        .table_name(registry)
        .set_key(Some(ddb::key("linear_workspace_id", &org.id)))
        .update_expression(set)
        .expression_attribute_names("#s", "status")
        .expression_attribute_values(":slug", ddb::s(&a.slug))
        .expression_attribute_values(":arn", ddb::s(&arn))
        .expression_attribute_values(":by", ddb::s(&platform_user))
        .expression_attribute_values(":now", ddb::s(&now))
        .expression_attribute_values(":active", ddb::s("active"));
    if !team_keys.is_empty() {
        // A list of strings (L): the issue lookup ignores a string set.
        update = update.expression_attribute_values(
            ":keys",
            aws_sdk_dynamodb::types::AttributeValue::L(team_keys.iter().map(ddb::s).collect()),
        );
    }
    update.send().await.map_err(|e| {
        sdk_error("could not record the workspace in the registry", e)
            .with_progress(&written)
            .not_written("registry row")
            .hint(format!(
                "re-run `bgagent linear {cmd} {}` (safe to repeat)",
                a.slug
            ))
    })?;
    ui.ok(format!(
        "Recorded workspace '{}' ({}) as active in the registry",
        a.slug, org.id
    ));
    written.push(format!("registry row {}", org.id));

    let mut stack_wide_action = "untouched";
    if mode == Mode::Setup && !stack_configured && source == WebhookSource::Provided {
        let stack_arn = ctx.out.get(Output::LinearWebhookSecret);
        ui.debug(format!("secretsmanager:PutSecretValue {stack_arn}"));
        match secrets::put(&sm, stack_arn, &webhook).await {
            Ok(_) => {
                ui.ok("Stored it as the stack-wide fallback webhook secret too (first install)");
                stack_wide_action = "written";
            }
            Err(e) => ui.warn(format!(
                "could not write the stack-wide fallback webhook secret ({}); the workspace's own secret is in place, so its deliveries verify anyway",
                e.message
            )),
        }
    }

    // The app's credentials worked: remember them for the next `setup` (never a client reused
    // from a bundle, which add-workspace finds there again).
    if client.reused_from.is_none() && !client.from_keychain {
        if crate::keychain::store(crate::keychain::LINEAR, &client.id, &client.secret) {
            ui.debug("remembered the Linear OAuth client in the OS keychain");
        } else {
            ui.debug(
                "no OS keychain available; the client id/secret will be asked again next time",
            );
        }
    }

    // 8. What to do next.
    let webhook_url = super::webhook_info::webhook_url(ctx.out.get(Output::ApiUrl));
    let next = [
        format!(
            "bgagent linear onboard-project <project-id> --repo owner/repo   (ids: bgagent linear projects --slug {})",
            a.slug
        ),
        format!("bgagent linear invite-user {} <email|name>", a.slug),
    ];
    ui.result(format!(
        "Linear workspace '{}' ({}) is connected.",
        a.slug, org.name
    ));
    ui.say("");
    ui.say(ui.bold("Linear webhook (Settings → API → Webhooks → + New webhook):"));
    ui.say(format!("  URL:             {webhook_url}"));
    ui.say(format!(
        "  Resource types:  {}",
        super::webhook_info::RESOURCE_TYPES.join(", ")
    ));
    ui.say(match source {
        WebhookSource::Provided => "  Signing secret:  the lin_wh_ value you provided",
        WebhookSource::Kept => "  Signing secret:  unchanged (the workspace's current one)",
        WebhookSource::Mirrored => "  Signing secret:  the stack-wide one, copied to the workspace",
    });
    ui.say("");
    ui.say(ui.bold("Next steps:"));
    for (i, n) in next.iter().enumerate() {
        ui.say(format!("  {}. {n}", i + 1));
    }
    ui.emit_json(&serde_json::json!({
        "workspace_id": org.id,
        "workspace_slug": a.slug,
        "workspace_name": org.name,
        "url_key": org.url_key,
        "oauth_secret_arn": arn,
        "installed_by_platform_user_id": platform_user,
        "token_expires_at": expires,
        "team_keys": team_keys,
        "actor_app": !a.no_actor_app,
        "client_reused_from": client.reused_from,
        "webhook_url": webhook_url,
        "webhook_secret": source.as_str(),
        "stack_wide_webhook_secret": stack_wide_action,
        "written": written,
        "next_steps": next,
    }));
    Ok(())
}
