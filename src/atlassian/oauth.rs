//! Atlassian's OAuth 2.0 (3LO): the provider description for the shared OAuth core
//! (`crate::oauth`). Token calls are JSON bodies with the client secret in the body.

use oauth2::PkceCodeVerifier;

use crate::error::Result;
use crate::oauth::{self, BodyEncoding, Provider};
use crate::terminal::Ui;

pub use crate::oauth::{AuthorizeRequest, TokenError, TokenSet};

pub fn provider() -> Provider {
    Provider {
        name: "Atlassian",
        auth_env: "BGAGENT_ATLASSIAN_AUTH_URL",
        authorize_url: format!("{}/authorize", super::auth_base()),
        token_url: format!("{}/oauth/token", super::auth_base()),
        encoding: BodyEncoding::Json,
        scopes: &super::SCOPES,
        extra_params: vec![("audience", "api.atlassian.com"), ("prompt", "consent")],
        client_hint: "check the client id and secret of the OAuth app in the Atlassian developer console (`bgagent jira app-template`)",
        rerun_hint: "re-run `bgagent jira setup`; the code is single-use and expires after a few minutes",
        no_refresh_hint: "the authorize request asks for offline_access; check that the app is an OAuth 2.0 (3LO) integration with Jira API scopes, then re-run setup",
        dead_grant_cause: "the grant was revoked, expired after 90 days without use, or the account's password changed",
    }
}

/// Builds the authorize URL: `audience`, `client_id`, `redirect_uri` (byte-exact),
/// `response_type=code`, the four scopes, a 256-bit `state`, S256 PKCE and `prompt=consent`.
pub fn authorize_request(client_id: &str, redirect_uri: &str) -> Result<AuthorizeRequest> {
    oauth::authorize_request(&provider(), client_id, redirect_uri)
}

pub async fn exchange_code(
    ui: &Ui,
    client_id: &str,
    client_secret: &str,
    code: &str,
    verifier: &PkceCodeVerifier,
    redirect_uri: &str,
) -> Result<TokenSet> {
    oauth::exchange_code(
        ui,
        &provider(),
        client_id,
        client_secret,
        code,
        verifier,
        redirect_uri,
    )
    .await
}

pub async fn refresh(
    ui: &Ui,
    client_id: &str,
    client_secret: &str,
    refresh_token: &str,
) -> Result<TokenSet, TokenError> {
    oauth::refresh(ui, &provider(), client_id, client_secret, refresh_token).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorize_url_has_every_parameter() {
        let r = authorize_request("cid", "http://localhost:8080/oauth/callback").unwrap();
        let q: std::collections::HashMap<String, String> =
            r.url.query_pairs().into_owned().collect();
        assert_eq!(q["audience"], "api.atlassian.com");
        assert_eq!(q["client_id"], "cid");
        assert_eq!(q["redirect_uri"], "http://localhost:8080/oauth/callback");
        assert_eq!(q["response_type"], "code");
        assert_eq!(
            q["scope"],
            "read:jira-work write:jira-work read:jira-user offline_access"
        );
        assert_eq!(q["prompt"], "consent");
        assert_eq!(q["code_challenge_method"], "S256");
        assert_eq!(q["state"], r.state.secret().as_str());
        assert!(
            r.state.secret().len() >= 43,
            "state carries at least 256 bits"
        );
        use base64::Engine;
        use sha2::Digest;
        let expect = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(sha2::Sha256::digest(r.verifier.secret().as_bytes()));
        assert_eq!(q["code_challenge"], expect);
        assert!(
            r.url
                .as_str()
                .starts_with("https://auth.atlassian.com/authorize?")
        );
    }
}
