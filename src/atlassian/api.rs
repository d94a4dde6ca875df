//! Atlassian REST calls made with a bearer access token.

use serde::{Deserialize, Serialize};

use super::http;
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

async fn get_json(
    ui: &Ui,
    what: &str,
    url: &str,
    token: &str,
) -> Result<(reqwest::StatusCode, String)> {
    let client = http::client()?;
    let resp = http::send(ui, what, true, || {
        client
            .get(url)
            .bearer_auth(token)
            .header(reqwest::header::ACCEPT, "application/json")
    })
    .await?;
    let status = resp.status();
    let body = resp
        .text()
        .await
        .map_err(|e| Error::failure(format!("{what}: could not read the answer")).cause(e))?;
    Ok((status, body))
}

fn http_error(what: &str, status: reqwest::StatusCode) -> Error {
    let e = Error::failure(format!("{what} failed: Atlassian answered HTTP {status}"));
    match status.as_u16() {
        401 => e.hint("the access token was refused; re-run `bgagent jira setup` if this persists"),
        403 => e.hint("the OAuth app lacks a Jira scope (read:jira-work, write:jira-work, read:jira-user) or the account lacks permission"),
        _ => e,
    }
}

pub async fn accessible_resources(ui: &Ui, token: &str) -> Result<Vec<Site>> {
    let what = "listing accessible Atlassian sites";
    let url = format!("{}/oauth/token/accessible-resources", super::api_base());
    let (status, body) = get_json(ui, what, &url, token).await?;
    if !status.is_success() {
        return Err(http_error(what, status));
    }
    serde_json::from_str(&body)
        .map_err(|e| Error::failure(format!("{what}: unexpected answer")).cause(e))
}

fn jira_base(cloud_id: &str) -> String {
    format!("{}/ex/jira/{cloud_id}/rest/api/3", super::api_base())
}

pub async fn myself(ui: &Ui, cloud_id: &str, token: &str) -> Result<JiraUser> {
    let what = "reading the Jira account of the token (/myself)";
    let (status, body) =
        get_json(ui, what, &format!("{}/myself", jira_base(cloud_id)), token).await?;
    if !status.is_success() {
        return Err(http_error(what, status));
    }
    serde_json::from_str(&body)
        .map_err(|e| Error::failure(format!("{what}: unexpected answer")).cause(e))
}

/// A user by account id; `None` when Jira answers 404.
pub async fn user_by_id(
    ui: &Ui,
    cloud_id: &str,
    token: &str,
    account_id: &str,
) -> Result<Option<JiraUser>> {
    let what = "looking up the Jira user";
    let mut url = url::Url::parse(&format!("{}/user", jira_base(cloud_id)))
        .map_err(|e| Error::failure(what).cause(e))?;
    url.query_pairs_mut().append_pair("accountId", account_id);
    let (status, body) = get_json(ui, what, url.as_str(), token).await?;
    if status == reqwest::StatusCode::NOT_FOUND {
        return Ok(None);
    }
    if !status.is_success() {
        return Err(http_error(what, status));
    }
    serde_json::from_str(&body)
        .map(Some)
        .map_err(|e| Error::failure(format!("{what}: unexpected answer")).cause(e))
}

pub async fn user_search(
    ui: &Ui,
    cloud_id: &str,
    token: &str,
    query: &str,
) -> Result<Vec<JiraUser>> {
    let what = "searching Jira users";
    let mut url = url::Url::parse(&format!("{}/user/search", jira_base(cloud_id)))
        .map_err(|e| Error::failure(what).cause(e))?;
    url.query_pairs_mut()
        .append_pair("query", query)
        .append_pair("maxResults", "20");
    let (status, body) = get_json(ui, what, url.as_str(), token).await?;
    if !status.is_success() {
        return Err(http_error(what, status));
    }
    serde_json::from_str(&body)
        .map_err(|e| Error::failure(format!("{what}: unexpected answer")).cause(e))
}
