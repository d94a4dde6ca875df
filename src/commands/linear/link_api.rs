//! `bgagent linear link <code> --via api`: redeems the code through the platform's
//! Cognito-authenticated `POST <api_url>linear/link` (the login links itself; no AWS
//! credentials needed): the dry-run preview, the confirmation, then the real call. `--via`
//! defaults as for `jira link` (`api` when logged in and no platform user was given).

use reqwest::Method;
use serde_json::{Value, json};

use crate::cli::LinkArgs;
use crate::domain::jwt;
use crate::error::{Error, Exit, Result};
use crate::platform::api::{Api, ApiError, classify};
use crate::platform::{config, credentials};
use crate::terminal::{Ui, prompt};

fn link_error(e: &ApiError, code: &str, api_url: &str) -> Error {
    let new_code = format!(
        "ask your Linear admin for a new code (`bgagent linear invite-user <slug> <you>`); {code} cannot be used"
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
            &["linear", "link"],
            Some(&json!({"code": a.code, "dry_run": true})),
        )
        .await?
        .map_err(|e| link_error(&e, &a.code, &api.api_url))?;
    let me = credentials::load()?
        .and_then(|c| jwt::payload(&c.id_token).ok())
        .unwrap_or_default();
    let sub = s(&me, "sub");
    let (ws_id, slug, user) = (
        s(&preview, "linear_workspace_id"),
        s(&preview, "linear_workspace_slug"),
        s(&preview, "linear_user_id"),
    );
    let (name, mail) = (
        s(&preview, "linear_user_name"),
        s(&preview, "linear_user_email"),
    );
    let who = match (name.is_empty(), mail.is_empty()) {
        (false, false) => format!("{name} ({mail})"),
        (false, true) => name.clone(),
        (true, false) => mail.clone(),
        (true, true) => user.clone(),
    };
    ui.say("About to link this Linear user to YOUR platform account (the logged-in user):");
    ui.say(format!("  Linear user:       {who} [{user}]"));
    ui.say(format!(
        "  Linear workspace:  {}",
        if slug.is_empty() { &ws_id } else { &slug }
    ));
    ui.say(format!("  Platform user:     {sub}"));
    let doc = |dry: bool, linked_at: Option<String>| {
        json!({
            "dry_run": dry,
            "linear_workspace_id": ws_id,
            "linear_workspace_slug": slug,
            "linear_user_id": user,
            "linear_user_name": name,
            "linear_user_email": mail,
            "platform_user_id": sub,
            "linked_at": linked_at,
            "replaced_platform_user_id": Value::Null,
            "via": "api",
        })
    };
    if a.dry_run {
        ui.result(format!(
            "Dry run (via api): {who} would be linked to {sub}; nothing was written"
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
            &["linear", "link"],
            Some(&json!({"code": a.code})),
        )
        .await?
        .map_err(|e| link_error(&e, &a.code, &api.api_url))?;
    let linked_at = s(&done, "linked_at");
    ui.result(format!(
        "Linked Linear user {who} to platform user {sub} (via api)"
    ));
    ui.say(format!("  Linked at: {linked_at}"));
    ui.emit_json(&doc(false, Some(linked_at)));
    Ok(())
}
