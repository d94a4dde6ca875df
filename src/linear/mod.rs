//! Linear edge: endpoints (overridable for tests and proxies), the OAuth provider description
//! for the shared core (`crate::oauth`: form-encoded token calls, `actor=app`,
//! `prompt=consent`), and the GraphQL queries (`graphql`).

pub mod graphql;

use crate::oauth::{BodyEncoding, Provider};

/// Scopes, space-separated in the URL (a comma-joined scope makes Linear answer with a
/// misleading "Invalid redirect_uri"). `admin` is incompatible with `actor=app`.
pub const SCOPES: [&str; 4] = ["read", "write", "app:assignable", "app:mentionable"];

/// `BGAGENT_LINEAR_AUTH_URL`, default `https://linear.app` (authorize at `<it>/oauth/authorize`).
pub fn auth_base() -> String {
    crate::env::get().linear_auth_url.clone()
}

/// `BGAGENT_LINEAR_API_URL`, default `https://api.linear.app` (token and GraphQL).
pub fn api_base() -> String {
    crate::env::get().linear_api_url.clone()
}

/// The authorize options of `setup` / `add-workspace`.
#[derive(Debug, Clone, Copy)]
pub struct AuthorizeOptions {
    /// `actor=app`: install the app as a workspace bot (default on).
    pub actor_app: bool,
    /// `prompt=consent`: always show the consent screen (default on; without it an
    /// installed app short-circuits and no code is returned).
    pub force_consent: bool,
}

impl Default for AuthorizeOptions {
    fn default() -> Self {
        AuthorizeOptions {
            actor_app: true,
            force_consent: true,
        }
    }
}

pub fn provider(o: AuthorizeOptions) -> Provider {
    let mut extra = Vec::new();
    if o.actor_app {
        extra.push(("actor", "app"));
    }
    if o.force_consent {
        extra.push(("prompt", "consent"));
    }
    Provider {
        name: "Linear",
        auth_env: "BGAGENT_LINEAR_AUTH_URL",
        authorize_url: format!("{}/oauth/authorize", auth_base()),
        token_url: format!("{}/oauth/token", api_base()),
        encoding: BodyEncoding::Form,
        scopes: &SCOPES,
        extra_params: extra,
        client_hint: "check the client id and secret of the Linear OAuth app (Linear → Settings → API → OAuth applications; `bgagent linear app-template`)",
        rerun_hint: "re-run `bgagent linear setup <slug>`; the code is single-use and expires after a few minutes",
        no_refresh_hint: "Linear apps created after 2025-10-01 always get refresh tokens; check the app in Linear → Settings → API, then re-run setup",
        dead_grant_cause: "the app was uninstalled or its access revoked in the workspace, or the refresh token was already used",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorize_url_has_every_parameter() {
        let p = provider(AuthorizeOptions::default());
        let r = crate::oauth::authorize_request(&p, "cid", "http://localhost:8080/oauth/callback")
            .unwrap();
        let q: std::collections::HashMap<String, String> =
            r.url.query_pairs().into_owned().collect();
        assert_eq!(q["client_id"], "cid");
        assert_eq!(q["redirect_uri"], "http://localhost:8080/oauth/callback");
        assert_eq!(q["response_type"], "code");
        assert_eq!(q["scope"], "read write app:assignable app:mentionable");
        assert!(
            r.url
                .as_str()
                .contains("scope=read+write+app%3Aassignable+app%3Amentionable"),
            "space-separated, form-encoded: {}",
            r.url
        );
        assert_eq!(q["actor"], "app");
        assert_eq!(q["prompt"], "consent");
        assert_eq!(q["code_challenge_method"], "S256");
        assert!(!q.contains_key("audience"));
        assert!(
            r.url
                .as_str()
                .starts_with("https://linear.app/oauth/authorize?")
        );
        let p = provider(AuthorizeOptions {
            actor_app: false,
            force_consent: false,
        });
        let r = crate::oauth::authorize_request(&p, "cid", "http://localhost:8080/oauth/callback")
            .unwrap();
        let q: std::collections::HashMap<String, String> =
            r.url.query_pairs().into_owned().collect();
        assert!(!q.contains_key("actor") && !q.contains_key("prompt"));
        assert_eq!(p.encoding, BodyEncoding::Form);
    }
}
