//! `bgagent jira setup`: the OAuth 2.0 (3LO) + PKCE login through a localhost callback, then the
//! tenant's bundle, registry row and the stack-wide webhook secret.

use std::time::Instant;

use secrecy::{ExposeSecret, SecretString};

use super::tenant::{active_tenants, second_tenant_error};
use super::webhook_secret::{self, Input};
use crate::atlassian::{api, oauth};
use crate::aws::Ctx;
use crate::aws::{Output, ddb, sdk_error, secrets};
use crate::browser::redirect::parse_redirect;
use crate::cli::{GlobalArgs, SetupArgs};
use crate::domain::bundle::{Bundle, secret_name};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::keychain;
use crate::terminal::{Ui, interrupt, prompt};

pub const WEBHOOK_EVENTS: [&str; 3] = ["Issue: created", "Issue: updated", "Comment: created"];

/// The secret is a `SecretString`: `Debug` never shows it.
#[derive(Debug)]
struct ClientCreds {
    id: String,
    secret: SecretString,
    from_keychain: bool,
}

fn collect_client(a: &SetupArgs, ui: &Ui) -> Result<ClientCreds> {
    if a.forget_client {
        if keychain::forget(keychain::JIRA) {
            ui.ok("Forgot the OAuth client remembered in the OS keychain");
        } else {
            ui.debug("no keychain available; nothing to forget");
        }
    }
    let remembered = if a.forget_client {
        None
    } else {
        keychain::load(keychain::JIRA)
    };
    let id = match (&a.client_id, &remembered) {
        (Some(id), _) => id.trim().to_string(),
        (None, Some(r)) => {
            ui.say(format!("Using the OAuth client id remembered in the OS keychain ({}); --forget-client drops it", r.client_id));
            r.client_id.clone()
        }
        (None, None) => prompt::line(
            ui,
            "Atlassian OAuth client ID",
            "the OAuth client id",
            "--client-id <ID> (or BGAGENT_JIRA_CLIENT_ID)",
        )?,
    };
    if id.is_empty() {
        return Err(Error::usage("--client-id must not be empty"));
    }
    let env_secret = crate::env::get()
        .client_secret
        .as_ref()
        .map(|s| s.expose_secret().to_string());
    let (secret, from_keychain) = if a.client_secret_stdin {
        (
            prompt::read_stdin_line("OAuth client secret", "--client-secret-stdin")?,
            false,
        )
    } else if let Some(s) = env_secret {
        (s, false)
    } else if let Some(r) = remembered.filter(|r| r.client_id == id) {
        (r.client_secret.expose_secret().to_string(), true)
    } else {
        (
            prompt::secret(
                ui,
                "Atlassian OAuth client secret",
                "the OAuth client secret",
                "--client-secret-stdin (or BGAGENT_JIRA_CLIENT_SECRET)",
            )?,
            false,
        )
    };
    Ok(ClientCreds {
        id,
        secret: secret.into(),
        from_keychain,
    })
}

fn choose_site(ui: &Ui, sites: &[api::Site], wanted: Option<&str>) -> Result<api::Site> {
    let listing = || {
        sites
            .iter()
            .map(|s| format!("{} ({}) cloud id {}", s.name, s.url, s.id))
            .collect::<Vec<_>>()
    };
    if let Some(w) = wanted {
        let norm = |u: &str| u.trim().trim_end_matches('/').to_ascii_lowercase();
        return sites
            .iter()
            .find(|s| s.id == w.trim() || norm(&s.url) == norm(w))
            .cloned()
            .ok_or_else(|| {
                Error::usage(format!(
                    "--site {w} is not among the sites this login can use"
                ))
                .cause(format!("available: {}", listing().join("; ")))
                .not_written("nothing (no AWS write was made)")
                .hint("pass --site with one of the URLs or cloud ids above")
            });
    }
    match sites {
        [one] => Ok(one.clone()),
        many => {
            let items = listing();
            let e = Error::usage(format!(
                "the login can use {} Jira sites; choose one",
                many.len()
            ))
            .cause(format!("available: {}", items.join("; ")))
            .not_written("nothing (no AWS write was made)")
            .hint(format!(
                "re-run with --site {} (or another URL / cloud id above)",
                many[0].url
            ));
            let i = prompt::select(ui, "Which Jira site should the platform use?", &items, e)?;
            Ok(many[i].clone())
        }
    }
}

pub async fn run(a: SetupArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let redirect = parse_redirect(&a.callback_url).map_err(|e| {
        Error::usage(format!("invalid --callback-url '{}': {e}", a.callback_url))
            .hint("pass the callback registered in the Atlassian console (see `bgagent jira app-template`)")
    })?;
    // 1. Everything that can fail without a browser fails first.
    let ctx = Ctx::new_live(
        g,
        ui,
        &[Output::Registry, Output::WebhookSecret, Output::ApiUrl],
    )
    .await?;
    let platform_user =
        crate::platform::credentials::platform_user_id(a.install.platform_user_id.as_deref(), ui)
            .await?;
    // 2. Every input before the first write.
    let client = collect_client(&a, ui)?;
    let mut webhook = webhook_secret::collect(&a.webhook, ui, true)?;
    let auth = oauth::authorize_request(&client.id, &redirect.raw)?;

    if a.dry_run {
        let active = active_tenants(&ctx, ui).await?;
        let q: Vec<(String, String)> = auth
            .url
            .query_pairs()
            .into_owned()
            .filter(|(k, _)| k != "state" && k != "code_challenge")
            .collect();
        ui.result("Dry run: nothing will be opened or written.");
        ui.result(format!(
            "Authorize endpoint: {}",
            auth.url.as_str().split('?').next().unwrap_or_default()
        ));
        for (k, v) in &q {
            ui.result(format!("  {k} = {v}"));
        }
        ui.result("  state, code_challenge = fresh random values per run");
        let writes = [
            "secretsmanager: create or put bgagent-jira-oauth-<cloud id of the chosen site> (tenant bundle)".to_string(),
            format!("dynamodb: UpdateItem {} (jira_cloud_id = <cloud id>, status = active)", ctx.out.get(Output::Registry)),
            format!("secretsmanager: PutSecretValue {} (stack-wide webhook secret)", ctx.out.get(Output::WebhookSecret)),
        ];
        ui.result("Writes after the login:");
        for w in &writes {
            ui.result(format!("  {w}"));
        }
        if !active.is_empty() {
            ui.result(format!(
                "Currently active tenant(s): {}",
                active
                    .iter()
                    .map(|(c, s)| format!("{c} ({s})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        ui.emit_json(&serde_json::json!({
            "dry_run": true,
            "authorize_url": auth.url.as_str().split('?').next(),
            "authorize_params": q.into_iter().collect::<std::collections::BTreeMap<_, _>>(),
            "writes": writes,
            "active_tenants": active.iter().map(|(c, _)| c).collect::<Vec<_>>(),
            "installed_by_platform_user_id": platform_user,
            "webhook_secret": webhook.source(),
        }));
        return Ok(());
    }

    // 3. Listen before the browser opens; wait for the callback (or a pasted redirect).
    let (code, browser) = crate::browser::flow::obtain_code(
        ui,
        "Atlassian",
        &redirect,
        &auth.url,
        auth.state.secret(),
        a.no_browser,
        a.install.timeout,
    )?;
    let arrived = Instant::now();

    // 4. Tokens and site. The registry scan for active tenants depends on none of it: it
    // runs alongside (its result is only used once the site is known).
    let tokens_and_sites = async {
        let tokens = oauth::exchange_code(
            ui,
            &client.id,
            client.secret.expose_secret(),
            &code,
            &auth.verifier,
            &redirect.raw,
        )
        .await;
        // The browser tab shows the real outcome: success only once the tokens are obtained.
        let tokens = browser.settle(tokens)?;
        let obtained = timefmt::now();
        let all_sites = api::accessible_resources(ui, &tokens.access_token).await?;
        Ok::<_, Error>((tokens, obtained, all_sites))
    };
    let (got, active) = tokio::join!(tokens_and_sites, active_tenants(&ctx, ui));
    let (tokens, obtained, all_sites) = got?;
    let (sites, malformed): (Vec<api::Site>, Vec<api::Site>) = all_sites
        .iter()
        .filter(|s| s.has_jira_scopes())
        .cloned()
        .partition(api::Site::has_valid_id);
    for s in &malformed {
        ui.warn(format!(
            "left out site {} ({}): its cloud id is not a canonical UUID",
            s.name, s.url
        ));
    }
    if sites.is_empty() && !malformed.is_empty() {
        return Err(Error::failure(
            "Atlassian listed no Jira site with a valid cloud id",
        )
        .cause(format!(
            "cloud ids that are not canonical UUIDs: {}",
            malformed
                .iter()
                .map(|s| format!("{:?}", crate::domain::text::printable(&s.id)))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .not_written("nothing (no AWS write was made)")
        .hint("check BGAGENT_ATLASSIAN_API_URL and any proxy in between; the ids come from /oauth/token/accessible-resources"));
    }
    if sites.is_empty() {
        let others = all_sites.iter().map(|s| s.url.clone()).collect::<Vec<_>>();
        return Err(Error::failure("the Atlassian account you consented with has no Jira site this app can use")
            .cause(if others.is_empty() { "the grant lists no sites at all".to_string() } else { format!("sites without Jira scopes: {}", others.join(", ")) })
            .not_written("nothing (no AWS write was made)")
            .hint("sign in as an account that is a Jira admin of the site (use a private window to switch accounts), and check the app has the Jira API scopes (`bgagent jira app-template`)"));
    }
    let site = choose_site(ui, &sites, a.site.as_deref())?;
    // Who consented is only shown: that call runs alongside the reads and writes below, none
    // of which waits for it.
    let sm = ctx.aws.secrets();
    let name = secret_name(&site.id);
    let me_call = api::myself(ui, &site.id, &tokens.access_token);
    tokio::pin!(me_call);
    let mut me_slot = None;
    ui.ok(format!("Connected to {} ({})", site.name, site.url));
    ui.say(format!("  cloud id: {}", site.id));

    // 5. Refuse a second active tenant before writing.
    let others: Vec<(String, String)> =
        active?.into_iter().filter(|(c, _)| *c != site.id).collect();
    if !others.is_empty() {
        return Err(second_tenant_error(&ctx, &site.id, &others));
    }

    // 6. Build the bundle from the current one, read right before the write (keeping every field
    // setup does not own: the platform's Lambdas rotate the refresh token at any time).
    ui.debug(format!("secretsmanager:GetSecretValue {name}"));
    let previous = alongside(&mut me_call, &mut me_slot, secrets::get(&sm, &name))
        .await
        .map_err(|e| {
            e.not_written("nothing (no AWS write was made)")
                .hint("re-run `bgagent jira setup` (safe to repeat)")
        })?;
    let parsed = previous.as_ref().map(|p| Bundle::parse_lenient(&p.value));
    let restore = match &parsed {
        Some(Ok(b)) => Some(webhook_secret::Restore::of(b)),
        _ => None,
    };
    let mut bundle = match parsed {
        Some(Ok(b)) => b,
        Some(Err(e)) => {
            ui.warn(format!(
                "the existing bundle {name} could not be read ({e}); writing a fresh one"
            ));
            Bundle(Default::default())
        }
        None => Bundle(Default::default()),
    };
    let dropped = bundle.drop_partial_app_actor();
    if !dropped.is_empty() {
        ui.warn(format!("dropped an incomplete app-actor set from the bundle ({}); configure the app actor again", dropped.join(", ")));
    }
    if matches!(webhook, Input::Deferred) {
        if bundle
            .str("webhook_signing_secret")
            .is_some_and(|s| !s.is_empty())
        {
            ui.say("  Keeping the tenant's current webhook signing secret.");
        } else if ui.interactive() {
            webhook = Input::Generated(webhook_secret::generate().into());
        } else {
            return Err(webhook_secret::needed_for_new_tenant()
                .not_written("nothing (no AWS write was made)"));
        }
    }
    let now = timefmt::iso_ms(obtained);
    let expires = tokens.store_in(
        &mut bundle,
        obtained,
        "",
        Some(&crate::atlassian::SCOPES.join(" ")),
    );
    bundle.set("client_id", client.id.as_str());
    bundle.set("client_secret", client.secret.expose_secret());
    bundle.set("cloud_id", site.id.as_str());
    bundle.set("site_url", site.url.as_str());
    // A re-run keeps the first install's record; only updated_at moves.
    for (k, v) in [
        ("installed_at", now.as_str()),
        ("installed_by_platform_user_id", platform_user.as_str()),
    ] {
        if bundle.str(k).is_none_or(str::is_empty) {
            bundle.set(k, v);
        }
    }
    bundle.set("updated_at", now.as_str());
    let installed_by = bundle
        .str("installed_by_platform_user_id")
        .unwrap_or_default()
        .to_string();
    if let Some(s) = webhook.secret() {
        bundle.set("webhook_signing_secret", s);
    }
    let webhook_value = bundle
        .str("webhook_signing_secret")
        .unwrap_or_default()
        .to_string();

    // 7. Writes, in the contract's order.
    let mut written: Vec<String> = Vec::new();
    let stack_arn = ctx.out.get(Output::WebhookSecret);
    interrupt::writes_begin(
        &[
            format!("tenant bundle {name}"),
            format!("registry row {}", site.id),
            format!("stack-wide webhook secret {stack_arn}"),
        ],
        "bgagent jira setup",
    );
    ui.debug(format!("secretsmanager:CreateSecret/PutSecretValue {name}"));
    let arn = alongside(
        &mut me_call,
        &mut me_slot,
        secrets::create_or_put(
            &sm,
            &name,
            &bundle.to_json(),
            &format!("Jira OAuth token for tenant '{}'", site.id),
            &[
                ("bgagent:integration", "jira"),
                ("bgagent:jira:cloud_id", site.id.as_str()),
            ],
        ),
    )
    .await
    .map_err(|e| {
        e.not_written("tenant bundle, registry row, stack-wide webhook secret")
            .hint("re-run `bgagent jira setup` (safe to repeat)")
    })?;
    ui.ok(format!("Stored the tenant's OAuth bundle ({name})"));
    written.push(format!("tenant bundle {name}"));
    interrupt::written(format!("tenant bundle {name}"));

    let registry = ctx.out.get(Output::Registry);
    ui.debug(format!("dynamodb:UpdateItem {registry} {}", site.id));
    let update = ctx
        .ddb
        .update_item()
        .table_name(registry)
        .set_key(Some(ddb::key("jira_cloud_id", &site.id)))
        .update_expression("SET site_url = :site, oauth_secret_arn = :arn, installed_by_platform_user_id = if_not_exists(installed_by_platform_user_id, :by), installed_at = if_not_exists(installed_at, :now), updated_at = :now, #s = :active")
        .expression_attribute_names("#s", "status")
        .expression_attribute_values(":site", ddb::s(&site.url))
        .expression_attribute_values(":arn", ddb::s(&arn))
        .expression_attribute_values(":by", ddb::s(&platform_user))
        .expression_attribute_values(":now", ddb::s(&now))
        .expression_attribute_values(":active", ddb::s("active"))
        .send();
    alongside(&mut me_call, &mut me_slot, update)
        .await
        .map_err(|e| {
            sdk_error("could not record the tenant in the registry", e)
                .with_progress(&written)
                .not_written("registry row, stack-wide webhook secret")
                .hint("re-run `bgagent jira setup` (safe to repeat)")
        })?;
    ui.ok(format!(
        "Recorded tenant {} as active in the registry",
        site.id
    ));
    written.push(format!("registry row {}", site.id));
    interrupt::written(format!("registry row {}", site.id));

    alongside(
        &mut me_call,
        &mut me_slot,
        webhook_secret::write_stack_wide_or_restore(
            &sm,
            ui,
            stack_arn,
            &webhook_value,
            &arn,
            restore.as_ref(),
            "bgagent jira setup",
        ),
    )
    .await
    .map_err(|e| e.with_progress(&written[1..]))?;
    ui.ok("Synchronized the stack-wide webhook secret with the tenant's");
    let me = match me_slot {
        Some(me) => me,
        None => me_call.await,
    }
    .ok();
    if let Some(m) = &me {
        ui.say(format!("  Consented as {}", m.label()));
    }
    ui.debug(format!(
        "post-callback work took {} ms",
        arrived.elapsed().as_millis()
    ));

    if !client.from_keychain {
        if keychain::store(keychain::JIRA, &client.id, client.secret.expose_secret()) {
            ui.debug("remembered the OAuth client in the OS keychain");
        } else {
            ui.debug(
                "no OS keychain available; the client id/secret will be asked again next time",
            );
        }
    }

    // 8. What to do next.
    let webhook_url = format!(
        "{}/jira/webhook",
        ctx.out.get(Output::ApiUrl).trim_end_matches('/')
    );
    let next = [
        format!(
            "bgagent jira map {} <PROJECT-KEY> --repo owner/repo",
            site.id
        ),
        format!("bgagent jira invite-user {} <account-id|email>", site.id),
    ];
    ui.result(format!(
        "Connected Jira site {} ({}), cloud id {}: wrote the tenant bundle, the registry row and the stack-wide webhook secret.",
        site.name, site.url, site.id
    ));
    ui.result("");
    ui.result("Jira webhook (Jira → Settings → System → WebHooks → Create a WebHook):");
    ui.result(format!("  URL:     {webhook_url}"));
    ui.result(format!("  Events:  {}", WEBHOOK_EVENTS.join(", ")));
    match &webhook {
        Input::Generated(s) => webhook_secret::show_generated(ui, s.expose_secret()),
        Input::Given(_) => ui.result("  Secret:  the webhook signing secret you provided"),
        Input::Deferred => ui.result("  Secret:  unchanged (the one already configured)"),
    }
    ui.result("");
    ui.result("Next steps:");
    for (i, n) in next.iter().enumerate() {
        ui.result(format!("  {}. {n}", i + 1));
    }
    ui.result("  3. add the label `bgagent` to a Jira issue");
    ui.emit_json(&serde_json::json!({
        "cloud_id": site.id,
        "site_url": site.url,
        "site_name": site.name,
        "oauth_secret_arn": arn,
        "installed_by_platform_user_id": installed_by,
        "token_expires_at": expires,
        "webhook_url": webhook_url,
        "webhook_events": WEBHOOK_EVENTS,
        "webhook_secret": webhook.source(),
        "jira_account_id": me.as_ref().map(|m| m.account_id.clone()),
        "written": ["tenant_bundle", "registry_row", "stack_wide_webhook_secret"],
        "next_steps": next,
    }));
    Ok(())
}

/// Runs `main` while also driving `side` (a call nothing here depends on): `side`'s result is
/// kept in `slot` when it finishes first, so neither waits for the other.
async fn alongside<S: std::future::Future, M: std::future::Future>(
    side: &mut std::pin::Pin<&mut S>,
    slot: &mut Option<S::Output>,
    main: M,
) -> M::Output {
    tokio::pin!(main);
    loop {
        if slot.is_some() {
            return main.await;
        }
        tokio::select! {
            biased;
            out = &mut main => return out,
            got = side.as_mut() => *slot = Some(got),
        }
    }
}
