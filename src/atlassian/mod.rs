//! The Atlassian edge: OAuth 2.0 (3LO) authorize URL, token exchange and refresh, accessible
//! resources, and the Jira user endpoints. Base URLs can be redirected for tests and proxies with
//! `BGAGENT_ATLASSIAN_AUTH_URL` and `BGAGENT_ATLASSIAN_API_URL`.

pub mod api;
pub mod forge;
pub mod http;
pub mod oauth;

pub const SCOPES: [&str; 4] = [
    "read:jira-work",
    "write:jira-work",
    "read:jira-user",
    "offline_access",
];
/// Scopes a site must carry to be offered (the grant may include other products' sites).
pub const JIRA_SCOPES: [&str; 3] = ["read:jira-work", "write:jira-work", "read:jira-user"];

pub fn auth_base() -> String {
    crate::env::get().auth_url.clone()
}

pub fn api_base() -> String {
    crate::env::get().api_url.clone()
}
