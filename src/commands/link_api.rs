//! `bgagent jira|linear link <code> --via api`: one driver for both integrations. The code is
//! redeemed through the platform's Cognito-authenticated `POST <api_url><route>/link`, so a
//! teammate needs a login, not AWS credentials, and the server — not the caller — decides whose
//! account is linked. First the dry-run preview (`"dry_run": true`: who will be linked, nothing
//! written), then the confirmation, then the real call. A 401 refreshes the login once and
//! retries (in `platform::api`).
//!
//! What differs between Jira and Linear — the route, the JSON field names of the preview and of
//! our `--output json` document, the labels and sentences — is an [`ApiLink`] description
//! (`commands::jira::link_api::JIRA`, `commands::linear::link_api::LINEAR`).

use reqwest::Method;
use serde_json::{Map, Value, json};

use crate::cli::{LinkArgs, LinkVia};
use crate::domain::jwt;
use crate::error::{Error, Exit, Result};
use crate::platform::api::{Api, ApiError, classify};
use crate::platform::{config, credentials};
use crate::terminal::{Ui, prompt};

/// One identity field of the link: the key in the API's answer (`from`), the key in our JSON
/// document (`key`).
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub from: &'static str,
    pub key: &'static str,
}

/// What one integration's API link looks like.
#[derive(Debug)]
pub struct ApiLink {
    /// The route's first segment: `POST <api_url><route>/link`.
    pub route: &'static str,
    /// The site or workspace id (shown when `place_name` is empty).
    pub place_id: Field,
    /// The site URL or workspace slug.
    pub place_name: Field,
    /// The account or user id.
    pub user_id: Field,
    pub user_name: Field,
    pub user_email: Field,
    /// First preview line.
    pub intro: &'static str,
    /// Labels of the user and place preview lines (e.g. `Jira user:`, `Jira site:`).
    pub user_label: &'static str,
    pub place_label: &'static str,
    /// Whether the platform user line shows the login's email too.
    pub show_platform_email: bool,
    /// A last preview line, if any.
    pub consequence: Option<&'static str>,
    /// Appended to the dry run's result line after "nothing was written".
    pub dry_run_tail: &'static str,
    /// `<done_prefix> <who> to platform user <sub> <done_suffix>`.
    pub done_prefix: &'static str,
    pub done_suffix: &'static str,
    /// The hint for a refused code, before `; <code> cannot be used`.
    pub new_code_hint: &'static str,
}

const PLATFORM_LABEL: &str = "Platform user:";

/// `--via`, else `api` when a login (config.json + credentials.json with a refresh token) exists
/// and no platform user was given explicitly, else `direct`.
pub fn use_api(a: &LinkArgs) -> Result<bool> {
    via_api(a, has_login)
}

fn via_api(a: &LinkArgs, logged_in: impl FnOnce() -> bool) -> Result<bool> {
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
        None => Ok(!explicit && logged_in()),
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

fn link_error(p: &ApiLink, e: &ApiError, code: &str, api_url: &str) -> Error {
    let new_code = format!("{}; {code} cannot be used", p.new_code_hint);
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

fn text(v: &Value, k: &str) -> String {
    v.get(k)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Who is linked: the identity of the preview and the logged-in platform user.
#[derive(Debug, Clone, PartialEq)]
struct Preview {
    place_id: String,
    place_name: String,
    user_id: String,
    user_name: String,
    user_email: String,
    sub: String,
    email: String,
}

impl Preview {
    fn new(p: &ApiLink, answer: &Value, me: &Value) -> Preview {
        Preview {
            place_id: text(answer, p.place_id.from),
            place_name: text(answer, p.place_name.from),
            user_id: text(answer, p.user_id.from),
            user_name: text(answer, p.user_name.from),
            user_email: text(answer, p.user_email.from),
            sub: text(me, "sub"),
            email: text(me, "email"),
        }
    }

    /// `Name (mail)`, else whichever is known, else the id.
    fn who(&self) -> String {
        let (name, mail) = (&self.user_name, &self.user_email);
        match (name.is_empty(), mail.is_empty()) {
            (false, false) => format!("{name} ({mail})"),
            (false, true) => name.clone(),
            (true, false) => mail.clone(),
            (true, true) => self.user_id.clone(),
        }
    }

    /// The status lines shown before the confirmation.
    fn lines(&self, p: &ApiLink) -> Vec<String> {
        let width = [p.user_label, p.place_label, PLATFORM_LABEL]
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
            + 2;
        let place = if self.place_name.is_empty() {
            &self.place_id
        } else {
            &self.place_name
        };
        let email = if p.show_platform_email && !self.email.is_empty() {
            format!(" ({})", self.email)
        } else {
            String::new()
        };
        let mut lines = vec![
            p.intro.to_string(),
            format!(
                "  {:<width$}{} [{}]",
                p.user_label,
                self.who(),
                self.user_id
            ),
            format!("  {:<width$}{place}", p.place_label),
            format!("  {PLATFORM_LABEL:<width$}{}{email}", self.sub),
        ];
        lines.extend(p.consequence.map(str::to_string));
        lines
    }

    /// The `--output json` document.
    fn document(&self, p: &ApiLink, dry_run: bool, linked_at: Option<&str>) -> Value {
        let mut d = Map::new();
        d.insert("dry_run".into(), json!(dry_run));
        for (f, v) in [
            (p.place_id, &self.place_id),
            (p.place_name, &self.place_name),
            (p.user_id, &self.user_id),
            (p.user_name, &self.user_name),
            (p.user_email, &self.user_email),
        ] {
            d.insert(f.key.into(), json!(v));
        }
        d.insert("platform_user_id".into(), json!(self.sub));
        d.insert("linked_at".into(), json!(linked_at));
        d.insert("replaced_platform_user_id".into(), Value::Null);
        d.insert("via".into(), json!("api"));
        Value::Object(d)
    }
}

pub async fn run(p: &ApiLink, a: LinkArgs, ui: &Ui) -> Result<()> {
    let cfg = config::require()?;
    let api = Api::new(&cfg)?;
    let route = [p.route, "link"];

    ui.step(format!("Previewing {} through the platform API", a.code));
    let answer = api
        .call(
            ui,
            Method::POST,
            &route,
            Some(&json!({"code": a.code, "dry_run": true})),
        )
        .await?
        .map_err(|e| link_error(p, &e, &a.code, &api.api_url))?;
    let me = credentials::load()?
        .and_then(|c| jwt::payload(&c.id_token).ok())
        .unwrap_or_default();
    let preview = Preview::new(p, &answer, &me);
    let (who, sub) = (preview.who(), &preview.sub);
    for line in preview.lines(p) {
        ui.say(line);
    }
    if a.dry_run {
        ui.result(format!(
            "Dry run (via api): {who} would be linked to {sub}; nothing was written{}",
            p.dry_run_tail
        ));
        ui.emit_json(&preview.document(p, true, None));
        return Ok(());
    }
    if !prompt::confirm(ui, "Link these accounts?")? {
        ui.result("Not linked. Nothing was written; the code stays valid until it expires.");
        return Ok(());
    }
    let done = api
        .call(ui, Method::POST, &route, Some(&json!({"code": a.code})))
        .await?
        .map_err(|e| link_error(p, &e, &a.code, &api.api_url))?;
    let linked_at = text(&done, "linked_at");
    ui.result(format!(
        "{} {who} to platform user {sub} {}",
        p.done_prefix, p.done_suffix
    ));
    ui.say(format!("  Linked at: {linked_at}"));
    ui.emit_json(&preview.document(p, false, Some(&linked_at)));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::jira::link_api::JIRA;
    use crate::commands::linear::link_api::LINEAR;

    fn args(via: Option<LinkVia>, user: Option<&str>) -> LinkArgs {
        LinkArgs {
            code: "link-k7m2qz9a".into(),
            platform_user_id: user.map(str::to_string),
            dry_run: false,
            via,
        }
    }

    #[test]
    fn via_defaults_to_api_only_when_logged_in_and_no_user_given() {
        assert!(via_api(&args(None, None), || true).unwrap());
        assert!(!via_api(&args(None, None), || false).unwrap());
        assert!(!via_api(&args(None, Some("sub-1")), || true).unwrap());
        // A blank platform user is not an explicit one.
        assert!(via_api(&args(None, Some("  ")), || true).unwrap());
        assert!(!via_api(&args(Some(LinkVia::Direct), None), || true).unwrap());
        assert!(via_api(&args(Some(LinkVia::Api), None), || false).unwrap());
        let e = via_api(&args(Some(LinkVia::Api), Some("sub-1")), || true).unwrap_err();
        assert_eq!(e.exit, Exit::Usage);
        assert!(e.message.contains("--via api links the logged-in user"));
    }

    fn me() -> Value {
        json!({"sub": "sub-1", "email": "me@acme.io"})
    }

    /// For each provider: the API's preview answer, the lines shown, the `--output json`
    /// document (with `linked_at` when not a dry run).
    #[test]
    fn preview_lines_and_document_of_each_provider() {
        let cases = [
            (
                &JIRA,
                json!({
                    "jira_cloud_id": "c-1", "jira_site_url": "https://acme.atlassian.net",
                    "jira_account_id": "acc-1", "jira_user_name": "Sam",
                    "jira_user_email": "sam@acme.io",
                }),
                "Sam (sam@acme.io)",
                vec![
                    "About to link this Jira identity to YOUR platform account (the logged-in user):",
                    "  Jira user:      Sam (sam@acme.io) [acc-1]",
                    "  Jira site:      https://acme.atlassian.net",
                    "  Platform user:  sub-1 (me@acme.io)",
                    "Issues this Jira user labels will run as your platform account.",
                ],
                Some("2026-01-01T00:00:00Z"),
                json!({
                    "dry_run": false, "cloud_id": "c-1", "site_url": "https://acme.atlassian.net",
                    "jira_account_id": "acc-1", "jira_user_name": "Sam",
                    "jira_user_email": "sam@acme.io", "platform_user_id": "sub-1",
                    "linked_at": "2026-01-01T00:00:00Z", "replaced_platform_user_id": null,
                    "via": "api",
                }),
            ),
            // No name or mail: the id; no slug: the workspace id; no platform email on Linear.
            (
                &LINEAR,
                json!({
                    "linear_workspace_id": "ws-1", "linear_workspace_slug": "",
                    "linear_user_id": "u-1", "linear_user_name": "", "linear_user_email": "",
                }),
                "u-1",
                vec![
                    "About to link this Linear user to YOUR platform account (the logged-in user):",
                    "  Linear user:       u-1 [u-1]",
                    "  Linear workspace:  ws-1",
                    "  Platform user:     sub-1",
                ],
                None,
                json!({
                    "dry_run": true, "linear_workspace_id": "ws-1", "linear_workspace_slug": "",
                    "linear_user_id": "u-1", "linear_user_name": "", "linear_user_email": "",
                    "platform_user_id": "sub-1", "linked_at": null,
                    "replaced_platform_user_id": null, "via": "api",
                }),
            ),
        ];
        for (p, answer, who, lines, linked_at, doc) in cases {
            let preview = Preview::new(p, &answer, &me());
            assert_eq!(preview.who(), who);
            assert_eq!(preview.lines(p), lines);
            assert_eq!(preview.document(p, linked_at.is_none(), linked_at), doc);
        }
    }

    #[test]
    fn a_400_is_a_usage_error_with_the_same_hint() {
        let e = validation_error(400, "Request body must include a \"code\" field.");
        let err = link_error(&LINEAR, &e, "link-k7m2qz9a", "http://127.0.0.1:1/v1/");
        assert_eq!(err.exit, Exit::Usage);
        assert!(err.hints[0].starts_with("ask your Linear admin for a new code"));
    }

    #[test]
    fn who_prefers_name_and_mail() {
        let answer = json!({"jira_account_id": "acc", "jira_user_email": "x@y.z"});
        assert_eq!(Preview::new(&JIRA, &answer, &me()).who(), "x@y.z");
        let answer = json!({"linear_user_id": "u", "linear_user_name": "Pat"});
        assert_eq!(Preview::new(&LINEAR, &answer, &me()).who(), "Pat");
    }

    /// The platform's envelope answer `VALIDATION_ERROR` with this status.
    fn validation_error(status: u16, message: &str) -> ApiError {
        ApiError {
            status,
            code: "VALIDATION_ERROR".into(),
            message: message.into(),
            request_id: String::new(),
            envelope: true,
        }
    }

    #[test]
    fn refused_codes_name_each_providers_invite_command() {
        let e = validation_error(404, "Invalid or expired link code.");
        for (p, hint) in [
            (&JIRA, "bgagent jira invite-user <cloud-id> <you>"),
            (&LINEAR, "bgagent linear invite-user <slug> <you>"),
        ] {
            let err = link_error(p, &e, "link-k7m2qz9a", "http://127.0.0.1:1/v1/");
            assert_eq!(err.exit, Exit::Conflict);
            assert_eq!(err.not_written, ["nothing"]);
            let [shown] = &err.hints[..] else {
                panic!("one hint: {:?}", err.hints)
            };
            assert!(shown.contains(hint), "{shown}");
            assert!(shown.ends_with("; link-k7m2qz9a cannot be used"), "{shown}");
        }
    }
}
