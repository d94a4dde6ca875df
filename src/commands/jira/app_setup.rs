//! `bgagent jira app-setup <cloud-id>`: make the Jira Forge app (through its signed web-trigger
//! proxy) the writer of the agent's comments and transitions, or (`--remove`) go back to writes
//! as the OAuth user.
//!
//! Order: every input is checked before the first network call (URL rule, secret length); then
//! the tenant, its bundle (all eleven required fields), the signed identity probe; then, after a
//! re-read of the bundle, the five `app_actor_*` fields in one write and the registry metadata.

use super::{Ctx, check_active_tenant};
use crate::atlassian::forge as proxy;
use crate::aws::{Output, ddb, sdk_error, secrets};
use crate::cli::{AppSetupArgs, GlobalArgs};
use crate::domain::bundle::{APP_ACTOR, Bundle};
use crate::domain::forge::{self, Identity};
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

/// The variable the Forge setup guide has the operator export (the Forge app's own variable name).
pub const SECRET_ENV: &str = crate::env::PROXY_SECRET;
const SECRET_FLAGS: &str = "--shared-secret-stdin (or BGAGENT_PROXY_SECRET)";
/// Registry attributes `app-setup` owns (besides `updated_at`).
pub const REGISTRY_ATTRS: [&str; 4] = [
    "outbound_identity",
    "app_actor_account_id",
    "app_actor_display_name",
    "app_actor_configured_at",
];

pub async fn run(a: AppSetupArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    if a.remove {
        return remove(a, g, ui).await;
    }
    // 1. Inputs, before any network call.
    let raw_url = a.proxy_url.as_deref().unwrap_or_default();
    let proxy_url = forge::validate_proxy_url(raw_url).map_err(|rule| {
        Error::usage(format!(
            "Forge proxy URL must be a v2 installation URL like {}",
            forge::URL_SHAPE
        ))
        .cause(rule)
        .not_written("anything")
        .hint("pass the v2 URL that `forge webtrigger create` printed for the bgagent-outbound trigger")
    })?;
    let secret = collect_secret(&a, ui)?;
    let target = proxy::probe_target(ui, &proxy_url)?;

    // 2. The tenant and its bundle.
    let ctx = Ctx::new(g, ui, &[Output::Registry]).await?;
    let row = ctx
        .get(ui, Output::Registry, "jira_cloud_id", &a.cloud_id)
        .await?;
    let tenant = check_active_tenant(&a.cloud_id, row)?;
    let sm = ctx.aws.secrets();
    let id = tenant.bundle_id();
    let bundle = read_full_bundle(&sm, ui, &id, &a.cloud_id, false).await?;
    let site_url = bundle.str("site_url").unwrap_or_default().to_string();

    // 3. The signed identity probe.
    ui.step("Verifying the Forge app identity");
    let who = proxy::probe(ui, &target, &secret, &a.cloud_id, &site_url)
        .await
        .map_err(|e| e.not_written("anything (tenant bundle and registry unchanged)"))?;
    ui.ok(format!(
        "Forge proxy answers as {} ({}), accountType=app, on {}",
        who.display_name, who.account_id, who.site_url
    ));

    if a.dry_run {
        ui.say(format!(
            "Dry run: would write the five app_actor_* fields to {id} and set outbound_identity=app on registry row {}. Nothing was written.",
            a.cloud_id
        ));
        ui.result(format!(
            "Dry run: {} would write as {} ({})",
            a.cloud_id, who.display_name, who.account_id
        ));
        ui.emit_json(&doc(&a.cloud_id, true, &proxy_url, &who, None, &[]));
        return Ok(());
    }

    // 4. Writes: bundle (re-read right before), then the registry metadata.
    let now = timefmt::iso_ms(timefmt::now());
    let mut fresh = read_full_bundle(&sm, ui, &id, &a.cloud_id, true).await?;
    for (k, v) in [
        ("app_actor_proxy_url", proxy_url.as_str()),
        ("app_actor_shared_secret", secret.as_str()),
        ("app_actor_account_id", who.account_id.as_str()),
        ("app_actor_display_name", who.display_name.as_str()),
        ("app_actor_configured_at", now.as_str()),
        ("updated_at", now.as_str()),
    ] {
        fresh.set(k, v);
    }
    ui.debug(format!("secretsmanager:PutSecretValue {id} (app_actor_*)"));
    secrets::put(&sm, &id, &fresh.to_json())
        .await
        .map_err(|e| {
            e.not_written(format!(
                "tenant bundle {id} (unchanged: no app_actor_* field was written)"
            ))
            .not_written(format!("registry row {}", a.cloud_id))
            .hint(format!(
                "re-run `bgagent jira app-setup {} --proxy-url {proxy_url}` (safe to repeat)",
                a.cloud_id
            ))
        })?;
    ui.ok(format!("Stored the app identity in {id}"));
    let mut written = vec![format!("tenant bundle {id}: all five app_actor_* fields")];

    let table = ctx.out.get(Output::Registry);
    ui.debug(format!("dynamodb:UpdateItem {table} {}", a.cloud_id));
    ctx.ddb
        .update_item()
        .table_name(table)
        .set_key(Some(ddb::key("jira_cloud_id", &a.cloud_id)))
        .update_expression("SET outbound_identity = :app, app_actor_account_id = :aid, app_actor_display_name = :name, app_actor_configured_at = :now, updated_at = :now")
        .condition_expression("attribute_exists(jira_cloud_id) AND #s = :active")
        .expression_attribute_names("#s", "status")
        .expression_attribute_values(":app", ddb::s("app"))
        .expression_attribute_values(":aid", ddb::s(&who.account_id))
        .expression_attribute_values(":name", ddb::s(&who.display_name))
        .expression_attribute_values(":now", ddb::s(&now))
        .expression_attribute_values(":active", ddb::s("active"))
        .send()
        .await
        .map_err(|e| {
            let raced = e
                .as_service_error()
                .is_some_and(|s| s.is_conditional_check_failed_exception());
            let err = if raced {
                Error::conflict(format!(
                    "tenant {} stopped being active while app-setup ran",
                    a.cloud_id
                ))
            } else {
                sdk_error("could not record the app identity in the registry", e)
            };
            err.with_progress(&written)
                .not_written(format!("registry row {} (outbound_identity, app_actor_*)", a.cloud_id))
                .cause("the Lambdas route by the bundle, so outbound writes already use the app; only `platform doctor`'s view is stale")
                .hint(format!(
                    "re-run `bgagent jira app-setup {} --proxy-url {proxy_url}` (safe to repeat)",
                    a.cloud_id
                ))
        })?;
    ui.ok(format!(
        "Recorded outbound_identity=app on registry row {}",
        a.cloud_id
    ));
    written.push(format!("registry row {}", a.cloud_id));

    ui.result(format!(
        "Jira outbound app identity configured for tenant {}",
        a.cloud_id
    ));
    ui.result(format!(
        "  identity: {} ({}), accountType=app",
        who.display_name, who.account_id
    ));
    ui.result(format!("  proxy:    {proxy_url}"));
    ui.result("  3LO remains for inbound reads; outbound failures will not fall back to it.");
    ui.emit_json(&doc(
        &a.cloud_id,
        false,
        &proxy_url,
        &who,
        Some(&now),
        &["tenant_bundle", "registry"],
    ));
    Ok(())
}

fn doc(
    cloud_id: &str,
    dry_run: bool,
    proxy_url: &str,
    who: &Identity,
    configured_at: Option<&str>,
    written: &[&str],
) -> serde_json::Value {
    serde_json::json!({
        "dry_run": dry_run,
        "action": "configured",
        "cloud_id": cloud_id,
        "outbound_identity": "app",
        "proxy_url": proxy_url,
        "account_id": who.account_id,
        "display_name": who.display_name,
        "site_url": who.site_url,
        "configured_at": configured_at,
        "written": written,
    })
}

/// The shared secret from stdin, env or a masked prompt; trimmed and at least 32 characters.
fn collect_secret(a: &AppSetupArgs, ui: &Ui) -> Result<String> {
    let raw = if a.shared_secret_stdin {
        prompt::read_stdin_line("Forge proxy shared secret", "--shared-secret-stdin")?
    } else if let Some(v) = crate::env::secret(SECRET_ENV).filter(|v| !v.trim().is_empty()) {
        v
    } else {
        prompt::secret(
            ui,
            "Forge BGAGENT_PROXY_SECRET",
            "the Forge proxy shared secret",
            SECRET_FLAGS,
        )?
    };
    forge::check_shared_secret(&raw).map_err(|n| {
        Error::usage(format!(
            "the Forge proxy shared secret must be at least {} characters (it has {n})",
            forge::MIN_SECRET_LEN
        ))
        .not_written("anything")
        .hint("generate one with `openssl rand -hex 32`, set it with `forge variables set --encrypt BGAGENT_PROXY_SECRET <value> --environment production`, run `forge deploy`, then give the same value here")
    })
}

/// Reads the bundle and checks all eleven fields the Lambdas require, and its cloud id.
async fn read_full_bundle(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
    reread: bool,
) -> Result<Bundle> {
    let setup_again = format!("re-run `bgagent jira setup --site {cloud_id}` first");
    ui.debug(format!("secretsmanager:GetSecretValue {id}"));
    let cur = secrets::get(sm, id).await?.ok_or_else(|| {
        Error::conflict(format!(
            "the OAuth bundle of tenant {cloud_id} does not exist"
        ))
        .not_written("anything")
        .hint(setup_again.clone())
    })?;
    let b = Bundle::parse(&cur.value).map_err(|e| {
        Error::conflict(format!(
            "the OAuth bundle of tenant {cloud_id} would be rejected by the platform's Lambdas"
        ))
        .cause(e)
        .not_written("anything")
        .hint(setup_again.clone())
    })?;
    let stored = b.str("cloud_id").unwrap_or_default();
    if stored != cloud_id {
        let what = if reread {
            "changed while app-setup ran; retry"
        } else {
            "does not match the tenant"
        };
        return Err(Error::conflict(format!(
            "the OAuth bundle's cloud_id {stored:?} {what} ({cloud_id})"
        ))
        .not_written("anything")
        .hint(setup_again));
    }
    Ok(b)
}

/// `--remove`: drops all five `app_actor_*` fields from the bundle (whatever subset is there) and
/// the app identity attributes of the registry row.
async fn remove(a: AppSetupArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(g, ui, &[Output::Registry]).await?;
    let row = ctx
        .get(ui, Output::Registry, "jira_cloud_id", &a.cloud_id)
        .await?
        .ok_or_else(|| {
            Error::conflict(format!("Jira tenant {} is not registered", a.cloud_id))
                .hint("run `bgagent jira tenants` to list tenants")
        })?;
    let arn = ddb::get_s(&row, "oauth_secret_arn").unwrap_or_default();
    let id = if arn.is_empty() {
        crate::domain::bundle::secret_name(&a.cloud_id)
    } else {
        arn.to_string()
    };
    let sm = ctx.aws.secrets();
    let in_bundle = |b: &Bundle| -> Vec<&'static str> {
        APP_ACTOR
            .iter()
            .copied()
            .filter(|k| b.0.contains_key(*k))
            .collect()
    };
    let bundle = read_lenient(&sm, ui, &id, &a.cloud_id).await?;
    let bundle_keys = bundle.as_ref().map(in_bundle).unwrap_or_default();
    let row_attrs: Vec<&str> = REGISTRY_ATTRS
        .iter()
        .copied()
        .filter(|k| row.contains_key(*k))
        .collect();
    let emit = |dry: bool, action: &str, written: &[&str]| {
        ui.emit_json(&serde_json::json!({
            "dry_run": dry,
            "action": action,
            "cloud_id": a.cloud_id,
            "removed_bundle_fields": bundle_keys,
            "removed_registry_attributes": row_attrs,
            "written": written,
        }))
    };
    if bundle_keys.is_empty() && row_attrs.is_empty() {
        ui.result(format!(
            "Tenant {} has no app identity; outbound writes already use the OAuth user. Nothing to change.",
            a.cloud_id
        ));
        emit(false, "unchanged", &[]);
        return Ok(());
    }
    let what = format!(
        "remove {} from {id} and {} from registry row {}",
        if bundle_keys.is_empty() {
            "nothing".to_string()
        } else {
            bundle_keys.join(", ")
        },
        if row_attrs.is_empty() {
            "nothing".to_string()
        } else {
            row_attrs.join(", ")
        },
        a.cloud_id
    );
    if a.dry_run {
        ui.result(format!("Dry run: would {what}. Nothing was written."));
        emit(true, "removed", &[]);
        return Ok(());
    }
    if !prompt::confirm(
        ui,
        &format!(
            "Outbound Jira comments and transitions of tenant {} will be written as the OAuth user who ran setup. Remove the app identity?",
            a.cloud_id
        ),
    )? {
        ui.say("Nothing was changed.");
        return Ok(());
    }
    let mut written: Vec<&str> = Vec::new();
    // Re-read right before the write: keep every field another writer changed meanwhile.
    if let Some(mut fresh) = read_lenient(&sm, ui, &id, &a.cloud_id)
        .await?
        .filter(|b| !in_bundle(b).is_empty())
    {
        for k in APP_ACTOR {
            fresh.0.remove(k);
        }
        fresh.set("updated_at", timefmt::iso_ms(timefmt::now()));
        ui.debug(format!(
            "secretsmanager:PutSecretValue {id} (without app_actor_*)"
        ));
        secrets::put(&sm, &id, &fresh.to_json())
            .await
            .map_err(|e| {
                e.not_written(format!("tenant bundle {id} (unchanged)"))
                    .not_written(format!("registry row {}", a.cloud_id))
                    .hint(format!(
                        "re-run `bgagent jira app-setup --remove {}` (safe to repeat)",
                        a.cloud_id
                    ))
            })?;
        ui.ok(format!("Removed the app_actor_* fields from {id}"));
        written.push("tenant_bundle");
    }
    let table = ctx.out.get(Output::Registry);
    ui.debug(format!("dynamodb:UpdateItem {table} {}", a.cloud_id));
    ctx.ddb
        .update_item()
        .table_name(table)
        .set_key(Some(ddb::key("jira_cloud_id", &a.cloud_id)))
        .update_expression("REMOVE outbound_identity, app_actor_account_id, app_actor_display_name, app_actor_configured_at SET updated_at = :now")
        .condition_expression("attribute_exists(jira_cloud_id)")
        .expression_attribute_values(":now", ddb::s(timefmt::iso_ms(timefmt::now())))
        .send()
        .await
        .map_err(|e| {
            let done: Vec<String> = written
                .iter()
                .map(|w| format!("{w} {id}: app_actor_* removed"))
                .collect();
            sdk_error("could not remove the app identity from the registry", e)
                .with_progress(&done)
                .not_written(format!("registry row {}", a.cloud_id))
                .hint(format!(
                    "re-run `bgagent jira app-setup --remove {}` (safe to repeat)",
                    a.cloud_id
                ))
        })?;
    written.push("registry");
    ui.result(format!(
        "Removed the app identity of tenant {}: outbound writes use the OAuth user again",
        a.cloud_id
    ));
    emit(false, "removed", &written);
    Ok(())
}

/// The bundle as any JSON object (`--remove` must work on a bundle setup would reject).
async fn read_lenient(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
) -> Result<Option<Bundle>> {
    ui.debug(format!("secretsmanager:GetSecretValue {id}"));
    match secrets::get(sm, id).await? {
        None => Ok(None),
        Some(c) => Bundle::parse_lenient(&c.value).map(Some).map_err(|e| {
            Error::conflict(format!(
                "the OAuth bundle of tenant {cloud_id} is not a JSON object"
            ))
            .cause(e)
            .not_written("anything")
            .hint(format!(
                "re-run `bgagent jira setup --site {cloud_id}` to rewrite it"
            ))
        }),
    }
}

/// What `doctor` reports about a tenant's stored app identity.
#[derive(Debug)]
pub enum StoredIdentity {
    /// No `app_actor_*` field: the Lambdas fall back to 3LO writes (the platform doctor warns).
    Missing,
    /// All five fields, the URL and secret pass the platform's rules, and the proxy answered
    /// again for the same app account on the tenant's site.
    Verified(Identity),
}

/// Re-checks a stored app identity the way the Lambdas would use it, then re-runs the signed
/// probe (through `BGAGENT_FORGE_PROBE_URL` when set). An `Err` says exactly what is broken.
pub async fn verify_stored(ui: &Ui, bundle: &Bundle, cloud_id: &str) -> Result<StoredIdentity> {
    let present: Vec<&str> = APP_ACTOR
        .iter()
        .copied()
        .filter(|k| bundle.0.contains_key(*k))
        .collect();
    if present.is_empty() {
        return Ok(StoredIdentity::Missing);
    }
    let rerun = format!(
        "re-run `bgagent jira app-setup {cloud_id} --proxy-url <url>`, or `bgagent jira app-setup --remove {cloud_id}` to go back to OAuth-user writes"
    );
    if present.len() != APP_ACTOR.len() {
        return Err(Error::conflict(format!(
            "tenant {cloud_id} has a partial app identity ({}): the Lambdas refuse every outbound write",
            present.join(", ")
        ))
        .hint(rerun));
    }
    let url = forge::validate_proxy_url(bundle.str("app_actor_proxy_url").unwrap_or_default())
        .map_err(|rule| {
            Error::conflict("the stored app_actor_proxy_url fails the platform's rule: the Lambdas refuse every outbound write")
                .cause(rule)
                .hint(rerun.clone())
        })?;
    let secret = forge::check_shared_secret(bundle.str("app_actor_shared_secret").unwrap_or_default())
        .map_err(|n| {
            Error::conflict(format!("the stored app_actor_shared_secret has {n} characters (32 needed): the Lambdas refuse every outbound write"))
                .hint(rerun.clone())
        })?;
    let target = proxy::probe_target(ui, &url)?;
    let who = proxy::probe(
        ui,
        &target,
        &secret,
        cloud_id,
        bundle.str("site_url").unwrap_or_default(),
    )
    .await?;
    let stored = bundle.str("app_actor_account_id").unwrap_or_default();
    if who.account_id != stored {
        return Err(Error::conflict(format!(
            "the Forge proxy now answers as {} ({}), not as the stored app account {stored}",
            who.display_name, who.account_id
        ))
        .hint(rerun));
    }
    Ok(StoredIdentity::Verified(who))
}

/// `jira doctor`'s `app-identity` check. Missing is a warning, as in the platform's own doctor
/// (writes then go out as the OAuth user). When present, the stored set is re-checked against the
/// platform's rules and the signed identity probe is run again: a failure there means the
/// Lambdas refuse every outbound write.
pub async fn doctor_check(
    ui: &Ui,
    cloud_id: &str,
    row: Option<&ddb::Item>,
    bundle: Option<&Bundle>,
) -> crate::doctor::Check {
    use crate::doctor::Check;
    use crate::domain::jira_checks::APP_IDENTITY as ID;
    let Some(b) = bundle else {
        return Check::skip(ID, "needs a valid tenant bundle (see bundle)");
    };
    let setup = format!(
        "bgagent jira app-setup {cloud_id} --proxy-url https://<installation>.webtrigger.atlassian.app/public/<id>"
    );
    let registry_says_app = row.is_some_and(|r| {
        ddb::get_s(r, "outbound_identity") == Some("app")
            && REGISTRY_ATTRS[1..]
                .iter()
                .all(|k| ddb::get_s(r, k).is_some_and(|v| !v.is_empty()))
    });
    match verify_stored(ui, b, cloud_id).await {
        Ok(StoredIdentity::Missing) if registry_says_app => Check::warn(
            ID,
            "the registry says outbound_identity=app, but the bundle has no app_actor_* fields: outbound writes go out as the OAuth user",
            setup,
        ),
        Ok(StoredIdentity::Missing) => Check::warn(
            ID,
            "no Forge app identity: the agent's comments and transitions are written as the OAuth user who ran setup",
            setup,
        ),
        Ok(StoredIdentity::Verified(who)) if !registry_says_app => Check::warn(
            ID,
            format!(
                "the Forge proxy answers as {} ({}), but the registry row lacks outbound_identity=app and its app_actor_* metadata (the platform's doctor warns)",
                who.display_name, who.account_id
            ),
            format!(
                "bgagent jira app-setup {cloud_id} --proxy-url {}",
                b.str("app_actor_proxy_url").unwrap_or_default()
            ),
        ),
        Ok(StoredIdentity::Verified(who)) => Check::pass(
            ID,
            format!(
                "the Forge proxy answers the signed probe as {} ({}), accountType=app, on {}",
                who.display_name, who.account_id, who.site_url
            ),
        ),
        Err(e) => {
            let detail = match e.causes.first() {
                Some(c) => format!("{}: {c}", e.message),
                None => e.message.clone(),
            };
            Check::fail(ID, detail, e.hints.first().cloned().unwrap_or(setup))
        }
    }
}
