//! OAuth 2.0 (3LO) with PKCE: the `oauth2` crate builds the authorize URL, state and PKCE pair;
//! the token calls are sent as JSON (Atlassian documents JSON bodies, with the client secret in
//! the body).

use oauth2::basic::BasicClient;
use oauth2::{
    AuthUrl, ClientId, CsrfToken, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
};
use serde::Deserialize;

use super::http;
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

pub struct AuthorizeRequest {
    pub url: url::Url,
    pub state: CsrfToken,
    pub verifier: PkceCodeVerifier,
}

/// Builds the authorize URL: `audience`, `client_id`, `redirect_uri` (byte-exact),
/// `response_type=code`, the four scopes, a 256-bit `state`, S256 PKCE and `prompt=consent`.
pub fn authorize_request(client_id: &str, redirect_uri: &str) -> Result<AuthorizeRequest> {
    let auth = AuthUrl::new(format!("{}/authorize", super::auth_base()))
        .map_err(|e| Error::usage("BGAGENT_ATLASSIAN_AUTH_URL is not a URL").cause(e))?;
    let redirect = RedirectUrl::new(redirect_uri.to_string()).map_err(|e| {
        Error::usage(format!("--callback-url '{redirect_uri}' is not a URL")).cause(e)
    })?;
    let client = BasicClient::new(ClientId::new(client_id.to_string()))
        .set_auth_uri(auth)
        .set_redirect_uri(redirect);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state) = client
        .authorize_url(|| CsrfToken::new_random_len(32))
        .add_scopes(super::SCOPES.iter().map(|s| Scope::new(s.to_string())))
        .set_pkce_challenge(challenge)
        .add_extra_param("audience", "api.atlassian.com")
        .add_extra_param("prompt", "consent")
        .url();
    Ok(AuthorizeRequest {
        url,
        state,
        verifier,
    })
}

/// What the token endpoint returns (secrets are kept out of Debug).
#[derive(Deserialize)]
pub struct TokenSet {
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: Option<String>,
    pub expires_in: i64,
    #[serde(default)]
    pub scope: Option<String>,
}

impl std::fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSet")
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize, Default)]
struct OAuthErrorBody {
    #[serde(default)]
    error: String,
    #[serde(default)]
    error_description: String,
}

pub enum TokenError {
    /// `invalid_grant`: the code or refresh token is unknown, used or expired.
    InvalidGrant(String),
    Other(Error),
}

async fn token_call(ui: &Ui, what: &str, body: serde_json::Value) -> Result<TokenSet, TokenError> {
    let client = http::client().map_err(TokenError::Other)?;
    let url = format!("{}/oauth/token", super::auth_base());
    // Not idempotent: a code is single-use and a refresh token rotates, so only 429 is retried.
    let resp = http::send(ui, what, false, || client.post(&url).json(&body))
        .await
        .map_err(TokenError::Other)?;
    let status = resp.status();
    if status.is_redirection() {
        return Err(TokenError::Other(http::redirect_error(what, &resp)));
    }
    let text = resp.text().await.unwrap_or_default();
    if status.is_success() {
        return serde_json::from_str::<TokenSet>(&text).map_err(|_| {
            TokenError::Other(Error::failure(format!(
                "{what}: Atlassian answered HTTP {status} with an unexpected body"
            )))
        });
    }
    let err: OAuthErrorBody = serde_json::from_str(&text).unwrap_or_default();
    let detail = crate::domain::text::printable(&format!(
        "HTTP {status} {} {}",
        err.error, err.error_description
    ))
    .trim()
    .to_string();
    if err.error == "invalid_grant" {
        return Err(TokenError::InvalidGrant(detail));
    }
    let mut e = Error::failure(format!("{what} was rejected by Atlassian")).cause(detail);
    if status == 401
        || err.error == "access_denied"
        || err.error == "unauthorized_client"
        || err.error == "invalid_client"
    {
        e = e.hint("check the client id and secret of the OAuth app in the Atlassian developer console (`bgagent jira app-template`)");
    }
    Err(TokenError::Other(e))
}

pub async fn exchange_code(
    ui: &Ui,
    client_id: &str,
    client_secret: &str,
    code: &str,
    verifier: &PkceCodeVerifier,
    redirect_uri: &str,
) -> Result<TokenSet> {
    let body = serde_json::json!({
        "grant_type": "authorization_code",
        "client_id": client_id,
        "client_secret": client_secret,
        "code": code,
        "code_verifier": verifier.secret(),
        "redirect_uri": redirect_uri,
    });
    let t = token_call(ui, "token exchange", body).await.map_err(|e| match e {
        TokenError::InvalidGrant(d) => Error::new(Exit::Denied, "Atlassian refused the authorization code")
            .cause(d)
            .hint("re-run `bgagent jira setup`; the code is single-use and expires after a few minutes"),
        TokenError::Other(e) => e,
    })?;
    if t.refresh_token.as_deref().is_none_or(str::is_empty) {
        return Err(Error::failure("Atlassian returned no refresh token")
            .hint("the authorize request asks for offline_access; check that the app is an OAuth 2.0 (3LO) integration with Jira API scopes, then re-run setup"));
    }
    Ok(t)
}

pub async fn refresh(
    ui: &Ui,
    client_id: &str,
    client_secret: &str,
    refresh_token: &str,
) -> Result<TokenSet, TokenError> {
    let body = serde_json::json!({
        "grant_type": "refresh_token",
        "client_id": client_id,
        "client_secret": client_secret,
        "refresh_token": refresh_token,
    });
    token_call(ui, "token refresh", body).await
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
