//! `bgagent jira link <code> --via api`: redeems the code through the platform's
//! Cognito-authenticated `POST <api_url>jira/link`, so a teammate needs a login, not AWS
//! credentials, and the server — not the caller — decides whose account is linked. First the
//! dry-run preview (`"dry_run": true`: who will be linked, nothing written), then the confirmation,
//! then the real call. A 401 refreshes the login once and retries (in `platform::api`).

use reqwest::Method;
use serde_json::{Value, json};

use crate::cli::{LinkArgs, LinkVia};
use crate::domain::jwt;
use crate::error::{Error, Exit, Result};
use crate::platform::api::{Api, ApiError, classify};
use crate::platform::{config, credentials};
use crate::terminal::{Ui, prompt};

/// `--via`, else `api` when a login (config.json + credentials.json with a refresh token) exists
/// and no platform user was given explicitly, else `direct`.
pub fn use_api(a: &LinkArgs) -> Result<bool> {
    let explicit = a
        .platform_user_id
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty());
    match a.via {
        Some(LinkVia::Api) if explicit => Err(Error::usage(
            "--via api links the logged-in user; --platform-user-id (or BGAGENT_PLATFORM_USER_ID) only applies to --via direct",
        )
        .hint("drop --platform-user-id / unset BGAGENT_PLATFORM_USER_ID, or pass --via direct")),
        Some(v) => Ok(v == LinkVia::Api),
        None => Ok(!explicit && has_login()),
    }
}

fn has_login() -> bool {
    let configured = config::load()
        .ok()
        .flatten()
        .is_some_and(|c| c.missing_core().is_empty());
    configured
        && credentials::load()
            .ok()
            .flatten()
            .is_some_and(|c| !c.refresh_token.is_empty())
}

fn link_error(e: &ApiError, code: &str, api_url: &str) -> Error {
    let new_code = format!(
        "ask your Jira admin for a new code (`bgagent jira invite-user <cloud-id> <you>`); {code} cannot be used"
    );
    match e.status {
        404 if e.envelope => e
            .error(
                Exit::Conflict,
                format!("invite code {code} is invalid, expired or already used (via api)"),
            )
            .not_written("nothing")
            .hint(new_code),
        400 => e
            .error(Exit::Usage, format!("the API rejected the code {code}"))
            .hint(new_code),
        _ => classify(e, api_url).not_written("the link"),
    }
}

pub async fn run(a: LinkArgs, ui: &Ui) -> Result<()> {
    let cfg = config::require()?;
    let api = Api::new(&cfg)?;
    let s = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };

    ui.step(format!("Previewing {} through the platform API", a.code));
    let preview = api
        .call(
            ui,
            Method::POST,
            &["jira", "link"],
            Some(&json!({"code": a.code, "dry_run": true})),
        )
        .await?
        .map_err(|e| link_error(&e, &a.code, &api.api_url))?;
    let me = credentials::load()?
        .and_then(|c| jwt::payload(&c.id_token).ok())
        .unwrap_or_default();
    let sub = s(&me, "sub");
    let email = s(&me, "email");
    let (cloud_id, site, account) = (
        s(&preview, "jira_cloud_id"),
        s(&preview, "jira_site_url"),
        s(&preview, "jira_account_id"),
    );
    let (name, mail) = (
        s(&preview, "jira_user_name"),
        s(&preview, "jira_user_email"),
    );
    let who = match (name.is_empty(), mail.is_empty()) {
        (false, false) => format!("{name} ({mail})"),
        (false, true) => name.clone(),
        (true, false) => mail.clone(),
        (true, true) => account.clone(),
    };
    ui.say("About to link this Jira identity to YOUR platform account (the logged-in user):");
    ui.say(format!("  Jira user:      {who} [{account}]"));
    ui.say(format!(
        "  Jira site:      {}",
        if site.is_empty() { &cloud_id } else { &site }
    ));
    ui.say(format!(
        "  Platform user:  {sub}{}",
        if email.is_empty() {
            String::new()
        } else {
            format!(" ({email})")
        }
    ));
    ui.say("Issues this Jira user labels will run as your platform account.");
    let doc = |dry: bool, linked_at: Option<String>| {
        json!({
            "dry_run": dry,
            "cloud_id": cloud_id,
            "site_url": site,
            "jira_account_id": account,
            "jira_user_name": name,
            "jira_user_email": mail,
            "platform_user_id": sub,
            "linked_at": linked_at,
            "replaced_platform_user_id": Value::Null,
            "via": "api",
        })
    };
    if a.dry_run {
        ui.result(format!(
            "Dry run (via api): {who} would be linked to {sub}; nothing was written, the code is still valid"
        ));
        ui.emit_json(&doc(true, None));
        return Ok(());
    }
    if !prompt::confirm(ui, "Link these accounts?")? {
        ui.result("Not linked. Nothing was written; the code stays valid until it expires.");
        return Ok(());
    }
    let done = api
        .call(
            ui,
            Method::POST,
            &["jira", "link"],
            Some(&json!({"code": a.code})),
        )
        .await?
        .map_err(|e| link_error(&e, &a.code, &api.api_url))?;
    let linked_at = s(&done, "linked_at");
    ui.result(format!(
        "Linked Jira account {who} to platform user {sub} (via api: the platform API linked the logged-in user)"
    ));
    ui.say(format!("  Linked at: {linked_at}"));
    ui.emit_json(&doc(false, Some(linked_at)));
    Ok(())
}
