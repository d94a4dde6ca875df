//! Atlassian REST calls made with a bearer access token.

use serde::{Deserialize, Serialize};

use super::http;
use crate::domain::text::{printable, printable_opt};
use crate::error::{Error, Result};
use crate::terminal::Ui;

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Site {
    pub id: String,
    #[serde(default)]
    pub name: String,
    pub url: String,
    #[serde(default)]
    pub scopes: Vec<String>,
}

impl Site {
    /// The display fields without control characters.
    fn clean(mut self) -> Site {
        self.name = printable(&self.name);
        self.url = printable(&self.url);
        self
    }

    /// Whether the id is a canonical UUID: it becomes a secret name, a table key and a URL path
    /// segment, so nothing else may pass.
    pub fn has_valid_id(&self) -> bool {
        crate::domain::validate::cloud_id(&self.id).is_ok()
    }

    pub fn has_jira_scopes(&self) -> bool {
        self.scopes
            .iter()
            .any(|s| super::JIRA_SCOPES.contains(&s.as_str()))
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JiraUser {
    pub account_id: String,
    #[serde(default)]
    pub account_type: Option<String>,
    #[serde(default)]
    pub active: Option<bool>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub email_address: Option<String>,
}

impl JiraUser {
    /// The display fields without control characters.
    pub fn clean(mut self) -> JiraUser {
        self.display_name = printable_opt(self.display_name);
        self.email_address = printable_opt(self.email_address);
        self
    }

    /// Can be linked: an active person (not an app, not deactivated).
    pub fn linkable(&self) -> bool {
        !self.account_id.is_empty()
            && self.active != Some(false)
            && self.account_type.as_deref() != Some("app")
    }

    /// `Name (email) [accountId]`.
    pub fn label(&self) -> String {
        let name = self
            .display_name
            .as_deref()
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.account_id);
        match self.email_address.as_deref().filter(|e| !e.is_empty()) {
            Some(e) => format!("{name} ({e}) [{}]", self.account_id),
            None => format!("{name} [{}]", self.account_id),
        }
    }
}

/// GETs `url` with the bearer token; `Ok(None)` for a 404 when `allow_404`, an actionable error
/// for any other non-2xx answer, else the decoded JSON body.
async fn get_json<T: serde::de::DeserializeOwned>(
    ui: &Ui,
    what: &str,
    url: &str,
    token: &str,
    allow_404: bool,
) -> Result<Option<T>> {
    let client = http::client()?;
    let resp = http::send(ui, what, true, || {
        client
            .get(url)
            .bearer_auth(token)
            .header(reqwest::header::ACCEPT, "application/json")
    })
    .await?;
    let status = resp.status();
    if status.is_redirection() {
        return Err(http::redirect_error(what, &resp));
    }
    if allow_404 && status == reqwest::StatusCode::NOT_FOUND {
        return Ok(None);
    }
    if !status.is_success() {
        return Err(http_error(what, status));
    }
    let body = resp
        .text()
        .await
        .map_err(|e| Error::failure(format!("{what}: could not read the answer")).cause(e))?;
    serde_json::from_str(&body)
        .map(Some)
        .map_err(|e| Error::failure(format!("{what}: unexpected answer")).cause(e))
}

fn http_error(what: &str, status: reqwest::StatusCode) -> Error {
    let e = Error::failure(format!("{what} failed: Atlassian answered HTTP {status}"));
    match status.as_u16() {
        401 => e.hint("the access token was refused; re-run `bgagent jira setup` if this persists"),
        403 => e.hint("the OAuth app lacks a Jira scope (read:jira-work, write:jira-work, read:jira-user) or the account lacks permission"),
        _ => e,
    }
}

/// A Jira REST URL of the tenant: `<api>/ex/jira/<cloudId>/rest/api/3<path>?<query>`.
pub fn jira_url(cloud_id: &str, path: &str, query: &[(&str, &str)]) -> Result<String> {
    let base = format!("{}/ex/jira/{cloud_id}/rest/api/3{path}", super::api_base());
    let mut url = url::Url::parse(&base)
        .map_err(|e| Error::usage("BGAGENT_ATLASSIAN_API_URL is not a URL").cause(e))?;
    if !query.is_empty() {
        url.query_pairs_mut().extend_pairs(query);
    }
    Ok(url.into())
}

fn present<T>(v: Option<T>) -> T {
    v.expect("a 404 is an error unless allowed")
}

pub async fn accessible_resources(ui: &Ui, token: &str) -> Result<Vec<Site>> {
    let url = format!("{}/oauth/token/accessible-resources", super::api_base());
    get_json::<Vec<Site>>(ui, "listing accessible Atlassian sites", &url, token, false)
        .await
        .map(|s| present(s).into_iter().map(Site::clean).collect())
}

pub async fn myself(ui: &Ui, cloud_id: &str, token: &str) -> Result<JiraUser> {
    let url = jira_url(cloud_id, "/myself", &[])?;
    get_json(
        ui,
        "reading the Jira account of the token (/myself)",
        &url,
        token,
        false,
    )
    .await
    .map(|u: Option<JiraUser>| present(u).clean())
}

/// A user by account id; `None` when Jira answers 404.
pub async fn user_by_id(
    ui: &Ui,
    cloud_id: &str,
    token: &str,
    account_id: &str,
) -> Result<Option<JiraUser>> {
    let url = jira_url(cloud_id, "/user", &[("accountId", account_id)])?;
    Ok(
        get_json::<JiraUser>(ui, "looking up the Jira user", &url, token, true)
            .await?
            .map(JiraUser::clean),
    )
}

pub async fn user_search(
    ui: &Ui,
    cloud_id: &str,
    token: &str,
    query: &str,
) -> Result<Vec<JiraUser>> {
    let url = jira_url(
        cloud_id,
        "/user/search",
        &[("query", query), ("maxResults", "20")],
    )?;
    get_json::<Vec<JiraUser>>(ui, "searching Jira users", &url, token, false)
        .await
        .map(|u| present(u).into_iter().map(JiraUser::clean).collect())
}

/// An issue with the given fields (`GET /issue/<key>?fields=…`), as JSON; `None` when Jira
/// answers 404 (the issue does not exist or the token cannot see it).
pub async fn issue(
    ui: &Ui,
    cloud_id: &str,
    token: &str,
    key: &str,
    fields: &[&str],
) -> Result<Option<serde_json::Value>> {
    let url = jira_url(
        cloud_id,
        &format!("/issue/{key}"),
        &[("fields", &fields.join(","))],
    )?;
    get_json(ui, &format!("reading Jira issue {key}"), &url, token, true).await
}
