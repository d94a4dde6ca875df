//! Linear's GraphQL API (`POST <api>/graphql`, `Authorization: Bearer <access token>`).
//! Connections are read to the end (`pageInfo.hasNextPage`), never capped at one page.
//! Linear reports authentication errors either as 401/403 or as 200 with `errors` and no data;
//! both are [`GqlError::Unauthenticated`].

use serde_json::{Value, json};

use crate::atlassian::http;
use crate::domain::linear::is_app_bot;
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub enum GqlError {
    /// The access token was refused (expired, revoked, app uninstalled).
    Unauthenticated(String),
    Other(Error),
}

impl GqlError {
    /// As an error of a command, with the fix for a refused token.
    pub fn into_error(self, slug: &str) -> Error {
        match self {
            GqlError::Other(e) => e,
            GqlError::Unauthenticated(d) => Error::conflict(format!(
                "Linear refused the access token of workspace {slug}"
            ))
            .cause(d)
            .hint(format!(
                "re-authorize the workspace: bgagent linear setup {slug}"
            )),
        }
    }
}

const PAGE: usize = 100;

async fn call(
    ui: &Ui,
    token: &str,
    what: &str,
    query: &str,
    after: Option<&str>,
) -> Result<Value, GqlError> {
    let client = http::client().map_err(GqlError::Other)?;
    let url = format!("{}/graphql", super::api_base());
    let body = json!({"query": query, "variables": {"after": after}});
    let resp = http::send(ui, what, true, || {
        client.post(&url).bearer_auth(token).json(&body)
    })
    .await
    .map_err(GqlError::Other)?;
    let status = resp.status();
    let v: Value = resp.json().await.unwrap_or(Value::Null);
    let first_error = v["errors"][0]["message"].as_str().unwrap_or("").to_string();
    let auth_error = v["errors"].as_array().is_some_and(|es| {
        es.iter()
            .any(|e| e["extensions"]["code"] == "AUTHENTICATION_ERROR")
    });
    if status == 401 || status == 403 || (auth_error && v["data"].is_null()) {
        return Err(GqlError::Unauthenticated(format!(
            "HTTP {status} {first_error}"
        )));
    }
    if !status.is_success() || v["data"].is_null() {
        return Err(GqlError::Other(
            Error::failure(format!("Linear GraphQL {what} failed"))
                .cause(format!("HTTP {status} {first_error}").trim().to_string())
                .hint("retry; if it persists check status.linear.app (or BGAGENT_LINEAR_API_URL)"),
        ));
    }
    Ok(v["data"].clone())
}

/// Every node of connection `field`; `query` must take `$after: String` and select
/// `nodes { … } pageInfo { hasNextPage endCursor }` of `field`.
async fn all_nodes(
    ui: &Ui,
    token: &str,
    what: &str,
    field: &str,
    query: &str,
) -> Result<Vec<Value>, GqlError> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..1000 {
        let data = call(ui, token, what, query, after.as_deref()).await?;
        let c = &data[field];
        out.extend(c["nodes"].as_array().cloned().unwrap_or_default());
        let next = c["pageInfo"]["endCursor"].as_str().map(str::to_string);
        if c["pageInfo"]["hasNextPage"] != Value::Bool(true) || next.is_none() || next == after {
            break;
        }
        after = next;
    }
    Ok(out)
}

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub url_key: String,
}

#[derive(Debug, Clone)]
pub struct Viewer {
    pub id: String,
    pub name: String,
    pub email: String,
}

/// Who the token acts as (with `actor=app`: the app's bot) and which workspace it is for.
pub async fn identity(ui: &Ui, token: &str) -> Result<(Viewer, Organization), GqlError> {
    let d = call(
        ui,
        token,
        "identity",
        "query { viewer { id name email } organization { id name urlKey } }",
        None,
    )
    .await?;
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let (vid, oid) = (s(&d["viewer"]["id"]), s(&d["organization"]["id"]));
    if vid.is_empty() || oid.is_empty() {
        return Err(GqlError::Unauthenticated(
            "the viewer/organization query returned no ids".into(),
        ));
    }
    Ok((
        Viewer {
            id: vid,
            name: s(&d["viewer"]["name"]),
            email: s(&d["viewer"]["email"]),
        },
        Organization {
            id: oid,
            name: s(&d["organization"]["name"]),
            url_key: s(&d["organization"]["urlKey"]),
        },
    ))
}

/// The workspace's team keys (raw; see `domain::linear::team_keys`).
pub async fn team_keys(ui: &Ui, token: &str) -> Result<Vec<String>, GqlError> {
    let q = format!(
        "query($after: String) {{ teams(first: {PAGE}, after: $after) {{ nodes {{ key }} pageInfo {{ hasNextPage endCursor }} }} }}"
    );
    Ok(all_nodes(ui, token, "teams", "teams", &q)
        .await?
        .iter()
        .filter_map(|n| n["key"].as_str().map(str::to_string))
        .collect())
}

#[derive(Debug, Clone)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub email: String,
}

impl Member {
    pub fn label(&self) -> String {
        if self.email.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.email)
        }
    }
}

/// Active human members (the app's bot users are left out).
pub async fn members(ui: &Ui, token: &str) -> Result<Vec<Member>, GqlError> {
    let q = format!(
        "query($after: String) {{ users(first: {PAGE}, after: $after, filter: {{ active: {{ eq: true }} }}) {{ nodes {{ id name email }} pageInfo {{ hasNextPage endCursor }} }} }}"
    );
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    Ok(all_nodes(ui, token, "users", "users", &q)
        .await?
        .iter()
        .map(|n| Member {
            id: s(&n["id"]),
            name: s(&n["name"]),
            email: s(&n["email"]),
        })
        .filter(|m| !m.id.is_empty() && !is_app_bot(&m.email))
        .collect())
}

#[derive(Debug, Clone)]
pub struct ProjectInfo {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
}

pub async fn projects(ui: &Ui, token: &str) -> Result<Vec<ProjectInfo>, GqlError> {
    let q = format!(
        "query($after: String) {{ projects(first: {PAGE}, after: $after) {{ nodes {{ id name teams(first: 1) {{ nodes {{ name }} }} }} pageInfo {{ hasNextPage endCursor }} }} }}"
    );
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    Ok(all_nodes(ui, token, "projects", "projects", &q)
        .await?
        .iter()
        .map(|n| ProjectInfo {
            id: s(&n["id"]),
            name: s(&n["name"]),
            team: n["teams"]["nodes"][0]["name"].as_str().map(str::to_string),
        })
        .collect())
}
