//! Provider-neutral OAuth 2.0 + PKCE, shared by every integration: the authorize request
//! (the `oauth2` crate builds the URL, a 256-bit state and the S256 pair), the token calls with
//! the body encoding the provider documents (Atlassian: JSON; Linear: form), and — in
//! [`stored`] — the rotation-safe refresh of a token bundle kept in Secrets Manager.
//! A provider is described once by a [`Provider`] value in its edge module
//! (`atlassian::oauth::provider`, `linear::provider`).

pub mod stored;

use oauth2::basic::BasicClient;
use oauth2::{
    AuthUrl, ClientId, CsrfToken, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
};
use serde::Deserialize;

use crate::atlassian::http;
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

/// How the token endpoint wants its body. Both put the client credentials in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    /// `application/json` (Atlassian).
    Json,
    /// `application/x-www-form-urlencoded` (Linear).
    Form,
}

/// One OAuth provider: where its endpoints are and how to talk about it.
#[derive(Debug, Clone)]
pub struct Provider {
    /// "Atlassian", "Linear".
    pub name: &'static str,
    /// The env var that overrides the authorize base (for the error of a bad value).
    pub auth_env: &'static str,
    pub authorize_url: String,
    pub token_url: String,
    pub encoding: BodyEncoding,
    pub scopes: &'static [&'static str],
    /// Extra authorize parameters, in order (`audience`, `actor`, `prompt` …).
    pub extra_params: Vec<(&'static str, &'static str)>,
    /// Hint when the client credentials are refused.
    pub client_hint: &'static str,
    /// Hint when a code is refused (how to start over).
    pub rerun_hint: &'static str,
    /// Hint when the grant comes without a refresh token.
    pub no_refresh_hint: &'static str,
    /// Why a refresh token can stop working, for the dead-grant error.
    pub dead_grant_cause: &'static str,
}

pub struct AuthorizeRequest {
    pub url: url::Url,
    pub state: CsrfToken,
    pub verifier: PkceCodeVerifier,
}

/// The authorize URL: `client_id`, `redirect_uri` (byte-exact), `response_type=code`, the
/// provider's scopes (space-separated), a 256-bit `state`, S256 PKCE, then the extra params.
pub fn authorize_request(
    p: &Provider,
    client_id: &str,
    redirect_uri: &str,
) -> Result<AuthorizeRequest> {
    let auth = AuthUrl::new(p.authorize_url.clone())
        .map_err(|e| Error::usage(format!("{} is not a URL", p.auth_env)).cause(e))?;
    let redirect = RedirectUrl::new(redirect_uri.to_string()).map_err(|e| {
        Error::usage(format!("--callback-url '{redirect_uri}' is not a URL")).cause(e)
    })?;
    let client = BasicClient::new(ClientId::new(client_id.to_string()))
        .set_auth_uri(auth)
        .set_redirect_uri(redirect);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut req = client
        .authorize_url(|| CsrfToken::new_random_len(32))
        .add_scopes(p.scopes.iter().map(|s| Scope::new(s.to_string())))
        .set_pkce_challenge(challenge);
    for (k, v) in &p.extra_params {
        req = req.add_extra_param(*k, *v);
    }
    let (url, state) = req.url();
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

impl TokenSet {
    /// Writes the token fields into `b` as obtained at `obtained`: `access_token`,
    /// `refresh_token` (`refresh_fallback` when the response has none: a refresh that does not
    /// rotate), `expires_at` (obtained + `expires_in`) and `scope` (`scope_fallback` when the
    /// response has none; `None` keeps the bundle's). Returns the `expires_at` written.
    pub fn store_in(
        &self,
        b: &mut crate::domain::bundle::Bundle,
        obtained: time::OffsetDateTime,
        refresh_fallback: &str,
        scope_fallback: Option<&str>,
    ) -> String {
        use crate::domain::timefmt;
        let expires = timefmt::iso_ms(obtained + time::Duration::seconds(self.expires_in));
        b.set("access_token", self.access_token.as_str());
        b.set(
            "refresh_token",
            self.refresh_token
                .as_deref()
                .filter(|r| !r.is_empty())
                .unwrap_or(refresh_fallback),
        );
        b.set("expires_at", expires.as_str());
        if let Some(s) = self
            .scope
            .as_deref()
            .filter(|s| !s.is_empty())
            .or(scope_fallback)
        {
            b.set("scope", s);
        }
        expires
    }
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

async fn token_call(
    ui: &Ui,
    p: &Provider,
    what: &str,
    fields: &[(&str, &str)],
) -> Result<TokenSet, TokenError> {
    let client = http::client().map_err(TokenError::Other)?;
    let json: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    let form = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    // Not idempotent: a code is single-use and a refresh token rotates, so only 429 is retried.
    let resp = http::send(ui, what, false, || {
        let r = client.post(&p.token_url);
        match p.encoding {
            BodyEncoding::Json => r.json(&json),
            BodyEncoding::Form => r
                .header(
                    reqwest::header::CONTENT_TYPE,
                    "application/x-www-form-urlencoded",
                )
                .body(form.clone()),
        }
    })
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
                "{what}: {} answered HTTP {status} with an unexpected body",
                p.name
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
    let mut e = Error::failure(format!("{what} was rejected by {}", p.name)).cause(detail);
    if status == 401
        || err.error == "access_denied"
        || err.error == "unauthorized_client"
        || err.error == "invalid_client"
    {
        e = e.hint(p.client_hint);
    }
    Err(TokenError::Other(e))
}

/// Exchanges the authorization code; a grant without a refresh token is an error.
pub async fn exchange_code(
    ui: &Ui,
    p: &Provider,
    client_id: &str,
    client_secret: &str,
    code: &str,
    verifier: &PkceCodeVerifier,
    redirect_uri: &str,
) -> Result<TokenSet> {
    let fields = [
        ("grant_type", "authorization_code"),
        ("client_id", client_id),
        ("client_secret", client_secret),
        ("code", code),
        ("code_verifier", verifier.secret().as_str()),
        ("redirect_uri", redirect_uri),
    ];
    let t = token_call(ui, p, "token exchange", &fields)
        .await
        .map_err(|e| match e {
            TokenError::InvalidGrant(d) => Error::new(
                Exit::Denied,
                format!("{} refused the authorization code", p.name),
            )
            .cause(d)
            .hint(p.rerun_hint),
            TokenError::Other(e) => e,
        })?;
    if t.refresh_token.as_deref().is_none_or(str::is_empty) {
        return Err(
            Error::failure(format!("{} returned no refresh token", p.name)).hint(p.no_refresh_hint),
        );
    }
    Ok(t)
}

pub async fn refresh(
    ui: &Ui,
    p: &Provider,
    client_id: &str,
    client_secret: &str,
    refresh_token: &str,
) -> Result<TokenSet, TokenError> {
    let fields = [
        ("grant_type", "refresh_token"),
        ("client_id", client_id),
        ("client_secret", client_secret),
        ("refresh_token", refresh_token),
    ];
    token_call(ui, p, "token refresh", &fields).await
}
