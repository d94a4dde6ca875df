//! Cognito user-pool calls for `login`, token refresh and `logout --everywhere`: `InitiateAuth`
//! (`USER_PASSWORD_AUTH`, `REFRESH_TOKEN_AUTH`), `RespondToAuthChallenge` and `GlobalSignOut`.
//!
//! These three operations are unsigned (the app client has no secret, the caller has no AWS
//! credentials): each is one JSON POST with an `X-Amz-Target` header. They go through the
//! process's one reqwest client instead of `aws-sdk-cognitoidentityprovider`, whose ~150 other
//! operations cost a fifth of a clean release build (issue 11, bench/last-run.md). Anything that
//! must be SigV4-signed (the admin API) belongs on the SDK.
//!
//! The endpoint follows the SDK's environment rules: `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`,
//! then `AWS_ENDPOINT_URL` (tests), else `https://cognito-idp.<region>.amazonaws.com/` with the
//! region the pool id's prefix. Cognito's error messages are scrubbed of every token and password
//! sent in the call.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::config::PlatformConfig;
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

pub struct Cognito {
    endpoint: String,
    client_id: String,
}

/// Tokens of a successful authentication (the access token is only kept for `GlobalSignOut`).
pub struct Tokens {
    pub id_token: String,
    pub access_token: String,
    /// Absent on refresh unless the pool rotates refresh tokens.
    pub refresh_token: Option<String>,
    pub expires_in: i64,
}

pub enum Step {
    Done(Tokens),
    Challenge {
        name: String,
        session: String,
        params: HashMap<String, String>,
    },
}

/// Replaces every secret in `msg` with `[redacted]` (Cognito echoes tokens in some messages).
pub fn scrub(msg: &str, secrets: &[&str]) -> String {
    let mut m = msg.to_string();
    for s in secrets.iter().filter(|s| s.len() >= 4) {
        m = m.replace(s, "[redacted]");
    }
    m
}

/// The user-pool endpoint for `region`, given the two endpoint variables' values.
pub fn endpoint(region: &str, service_url: Option<&str>, global_url: Option<&str>) -> String {
    match service_url.or(global_url).filter(|u| !u.trim().is_empty()) {
        Some(u) => u.trim().to_string(),
        None if region.starts_with("cn-") => {
            format!("https://cognito-idp.{region}.amazonaws.com.cn/")
        }
        None => format!("https://cognito-idp.{region}.amazonaws.com/"),
    }
}

/// The error code of a failed call: the `x-amzn-ErrorType` header or the body's `__type`,
/// without a namespace prefix (`com.amazonaws…#NotAuthorizedException`) or a `:uri` suffix.
pub fn error_code(header: Option<&str>, body: &Value) -> String {
    let raw = header
        .or_else(|| body.get("__type").and_then(Value::as_str))
        .unwrap_or("Unknown");
    let raw = raw.split(':').next().unwrap_or(raw);
    raw.rsplit('#').next().unwrap_or(raw).to_string()
}

/// What a failed call said: its code and scrubbed message (`Network`/`Timeout` for no answer).
type Failure = (String, String);

fn network_error(what: &str, code: &str, msg: &str) -> Error {
    let exit = if code == "Timeout" {
        Exit::Timeout
    } else {
        Exit::Failure
    };
    Error::new(exit, format!("{what}: {msg}"))
        .hint("check network access to Cognito (or AWS_ENDPOINT_URL) and retry; BGAGENT_HTTP_TIMEOUT sets the timeout")
}

/// Cognito could not serve the call right now (throttled or failing): worth another try.
fn busy(code: &str) -> bool {
    matches!(
        code,
        "TooManyRequestsException"
            | "ThrottlingException"
            | "InternalErrorException"
            | "InternalFailure"
            | "ServiceUnavailable"
    )
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

impl Cognito {
    pub async fn new(cfg: &PlatformConfig, ui: &Ui) -> Result<Cognito> {
        let region = cfg.cognito_region().ok_or_else(|| {
            Error::conflict("config.json has no region or user_pool_id")
                .hint("run `bgagent configure`")
        })?;
        let client_id = cfg
            .get("client_id")
            .ok_or_else(|| {
                Error::conflict("config.json has no client_id (the Cognito app client)")
                    .hint("run `bgagent configure`")
            })?
            .to_string();
        let var = |k: &str| std::env::var(k).ok();
        let endpoint = endpoint(
            &region,
            var("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER").as_deref(),
            var("AWS_ENDPOINT_URL").as_deref(),
        );
        ui.debug(format!(
            "Cognito region {region}, app client {client_id}, endpoint {endpoint}"
        ));
        Ok(Cognito {
            endpoint,
            client_id,
        })
    }

    /// One call of operation `op`. Throttling, `5xx` and transport failures are retried only
    /// when `retry` (the SDK's standard retry does the same for these operations; a challenge
    /// answer is sent once, its session and MFA code being single-use).
    async fn call(
        &self,
        ui: &Ui,
        op: &str,
        body: Value,
        secrets: &[&str],
        retry: bool,
    ) -> std::result::Result<Value, Failure> {
        let http =
            crate::atlassian::http::client().map_err(|e| ("Network".into(), e.to_string()))?;
        let body = body.to_string();
        let target = format!("AWSCognitoIdentityProviderService.{op}");
        let mut attempt = 1;
        loop {
            ui.debug(format!("cognito-idp:{op} (attempt {attempt})"));
            let res = http
                .post(&self.endpoint)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", &target)
                .body(body.clone())
                .send()
                .await;
            let failure = match res {
                Err(e) => {
                    let code = if e.is_timeout() { "Timeout" } else { "Network" };
                    let msg = crate::atlassian::http::without_url(&e);
                    (code.to_string(), scrub(&msg, secrets))
                }
                Ok(r) => {
                    let status = r.status();
                    let header = r
                        .headers()
                        .get("x-amzn-errortype")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_string);
                    let raw = r.text().await.unwrap_or_default();
                    let v: Value = serde_json::from_str(&raw).unwrap_or(Value::Null);
                    if status.is_success() && v.is_object() {
                        return Ok(v);
                    }
                    if status.is_success() {
                        return Err((
                            "Unknown".into(),
                            "Cognito answered with something other than a JSON object".into(),
                        ));
                    }
                    let msg = text(&v, "message")
                        .or_else(|| text(&v, "Message"))
                        .unwrap_or_else(|| format!("HTTP {status}"));
                    (error_code(header.as_deref(), &v), scrub(&msg, secrets))
                }
            };
            let transient = busy(&failure.0) || failure.0 == "Network" || failure.0 == "Timeout";
            if retry && transient && attempt < 3 {
                tokio::time::sleep(crate::env::backoff(std::time::Duration::from_millis(
                    200 << attempt,
                )))
                .await;
                attempt += 1;
                continue;
            }
            return Err(failure);
        }
    }

    fn step(v: &Value) -> Result<Step> {
        if let Some(r) = v.get("AuthenticationResult").filter(|r| r.is_object()) {
            let (Some(id), Some(access)) = (text(r, "IdToken"), text(r, "AccessToken")) else {
                return Err(Error::failure(
                    "unexpected authentication response from Cognito (no ID token)",
                ));
            };
            return Ok(Step::Done(Tokens {
                id_token: id,
                access_token: access,
                refresh_token: text(r, "RefreshToken"),
                expires_in: r.get("ExpiresIn").and_then(Value::as_i64).unwrap_or(0),
            }));
        }
        match (text(v, "ChallengeName"), text(v, "Session")) {
            (Some(name), Some(session)) => Ok(Step::Challenge {
                name,
                session,
                params: v
                    .get("ChallengeParameters")
                    .and_then(Value::as_object)
                    .map(|m| {
                        m.iter()
                            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                            .collect()
                    })
                    .unwrap_or_default(),
            }),
            _ => Err(Error::failure(
                "unexpected authentication response from Cognito (neither tokens nor a challenge)",
            )),
        }
    }

    /// `InitiateAuth` with `USER_PASSWORD_AUTH`.
    pub async fn password_auth(&self, ui: &Ui, username: &str, password: &str) -> Result<Step> {
        ui.debug(format!(
            "cognito-idp:InitiateAuth USER_PASSWORD_AUTH user {username}"
        ));
        let body = json!({
            "AuthFlow": "USER_PASSWORD_AUTH",
            "ClientId": self.client_id,
            "AuthParameters": {"USERNAME": username, "PASSWORD": password},
        });
        let v = self
            .call(ui, "InitiateAuth", body, &[password], true)
            .await
            .map_err(|f| login_error(&f, username))?;
        Self::step(&v)
    }

    /// `RespondToAuthChallenge` (NEW_PASSWORD_REQUIRED, SOFTWARE_TOKEN_MFA, SMS_MFA).
    pub async fn respond(
        &self,
        ui: &Ui,
        name: &str,
        session: &str,
        responses: &[(&str, &str)],
        secrets: &[&str],
        username: &str,
    ) -> Result<Step> {
        ui.debug(format!("cognito-idp:RespondToAuthChallenge {name}"));
        let answers: serde_json::Map<String, Value> = responses
            .iter()
            .map(|(k, v)| (k.to_string(), Value::from(*v)))
            .collect();
        let body = json!({
            "ClientId": self.client_id,
            "ChallengeName": name,
            "Session": session,
            "ChallengeResponses": answers,
        });
        let v = self
            .call(ui, "RespondToAuthChallenge", body, secrets, false)
            .await
            .map_err(|f| login_error(&f, username))?;
        Self::step(&v)
    }

    /// `InitiateAuth` with `REFRESH_TOKEN_AUTH`.
    pub async fn refresh(&self, ui: &Ui, refresh_token: &str) -> Result<Tokens> {
        ui.debug("cognito-idp:InitiateAuth REFRESH_TOKEN_AUTH");
        let body = json!({
            "AuthFlow": "REFRESH_TOKEN_AUTH",
            "ClientId": self.client_id,
            "AuthParameters": {"REFRESH_TOKEN": refresh_token},
        });
        let v = self
            .call(ui, "InitiateAuth", body, &[refresh_token], true)
            .await
            .map_err(|(code, msg)| match code.as_str() {
                "NotAuthorizedException" | "UserNotFoundException" => {
                    Error::new(Exit::Denied, "the login session has expired or was revoked")
                        .cause(format!("{code}: {msg}"))
                        .hint("run `bgagent login`")
                }
                "Timeout" | "Network" => network_error("could not refresh the login", &code, &msg),
                _ => Error::failure("token refresh failed")
                    .cause(format!("{code}: {msg}"))
                    .hint("retry, or run `bgagent login` if it persists"),
            })?;
        match Self::step(&v)? {
            Step::Done(t) => Ok(t),
            Step::Challenge { .. } => {
                Err(Error::failure("unexpected refresh response from Cognito"))
            }
        }
    }

    /// `GlobalSignOut`: revokes every refresh token of the user.
    pub async fn global_sign_out(&self, ui: &Ui, access_token: &str) -> Result<()> {
        ui.debug("cognito-idp:GlobalSignOut");
        self.call(
            ui,
            "GlobalSignOut",
            json!({"AccessToken": access_token}),
            &[access_token],
            true,
        )
        .await
        .map_err(|(code, msg)| {
            Error::failure("Cognito refused to sign out everywhere").cause(format!("{code}: {msg}"))
        })?;
        Ok(())
    }
}

/// Errors of the login calls, classified: wrong credentials get their own exit code (6).
fn login_error((code, msg): &(String, String), username: &str) -> Error {
    match code.as_str() {
        "NotAuthorizedException" | "UserNotFoundException" => Error::new(
            Exit::LoginRefused,
            format!("login refused for {username}: wrong username or password"),
        )
        .cause(format!("{code}: {msg}"))
        .not_written("credentials.json")
        .hint("check the username (usually your email) and password; an admin can reset it (`bgagent admin reset-password`)"),
        "CodeMismatchException" | "ExpiredCodeException" => Error::new(
            Exit::LoginRefused,
            "login refused: the MFA code is wrong or expired",
        )
        .cause(format!("{code}: {msg}"))
        .hint("run `bgagent login` again with a fresh code"),
        "InvalidPasswordException" => Error::usage("the new password does not meet the pool's password policy")
            .cause(msg)
            .hint("choose a longer password with upper- and lower-case letters, digits and symbols"),
        "PasswordResetRequiredException" => Error::conflict(format!("the password of {username} must be reset first"))
            .cause(msg)
            .hint("ask an admin to reset it, then log in with the temporary password"),
        "UserNotConfirmedException" => Error::conflict(format!("user {username} is not confirmed"))
            .cause(msg)
            .hint("confirm the account (see the invitation email) or ask an admin"),
        "ResourceNotFoundException" => Error::conflict("Cognito does not know the app client or session in config.json")
            .cause(format!("{code}: {msg}"))
            .hint("re-run `bgagent configure` for this platform, then `bgagent login`"),
        "Timeout" | "Network" => network_error("could not reach Cognito", code, msg),
        c if busy(c) => Error::failure("Cognito could not process the login right now (retried)")
            .cause(format!("{code}: {msg}"))
            .not_written("credentials.json")
            .hint("wait a minute and run `bgagent login` again"),
        _ => Error::failure("Cognito refused the login").cause(format!("{code}: {msg}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_follows_the_sdk_environment_rules() {
        assert_eq!(
            endpoint("eu-west-1", None, None),
            "https://cognito-idp.eu-west-1.amazonaws.com/"
        );
        assert_eq!(
            endpoint("cn-north-1", None, None),
            "https://cognito-idp.cn-north-1.amazonaws.com.cn/"
        );
        assert_eq!(
            endpoint("eu-west-1", None, Some("http://127.0.0.1:9")),
            "http://127.0.0.1:9"
        );
        assert_eq!(
            endpoint(
                "eu-west-1",
                Some("http://127.0.0.1:8"),
                Some("http://127.0.0.1:9")
            ),
            "http://127.0.0.1:8"
        );
        assert_eq!(
            endpoint("eu-west-1", Some(" "), None),
            "https://cognito-idp.eu-west-1.amazonaws.com/"
        );
    }

    #[test]
    fn error_codes_lose_namespace_and_uri() {
        let body =
            json!({"__type": "com.amazonaws.cognito#NotAuthorizedException", "message": "x"});
        assert_eq!(error_code(None, &body), "NotAuthorizedException");
        assert_eq!(
            error_code(
                Some("UserNotFoundException:http://internal.amazon.com/"),
                &body
            ),
            "UserNotFoundException"
        );
        assert_eq!(error_code(None, &Value::Null), "Unknown");
    }

    #[test]
    fn a_challenge_or_tokens_or_an_error() {
        let done = Cognito::step(&json!({"AuthenticationResult": {
            "IdToken": "i", "AccessToken": "a", "RefreshToken": "r", "ExpiresIn": 3600}}));
        assert!(
            matches!(done, Ok(Step::Done(Tokens { ref id_token, expires_in: 3600, .. })) if id_token == "i")
        );
        let ch = Cognito::step(
            &json!({"ChallengeName": "SOFTWARE_TOKEN_MFA", "Session": "s",
            "ChallengeParameters": {"USER_ID_FOR_SRP": "u"}}),
        );
        assert!(
            matches!(ch, Ok(Step::Challenge { ref name, ref params, .. })
            if name == "SOFTWARE_TOKEN_MFA" && params["USER_ID_FOR_SRP"] == "u")
        );
        assert!(Cognito::step(&json!({"AuthenticationResult": {"AccessToken": "a"}})).is_err());
        assert!(Cognito::step(&json!({})).is_err());
    }

    #[test]
    fn scrubs_secrets() {
        assert_eq!(
            scrub("Invalid token abcdef123 given", &["abcdef123", "x"]),
            "Invalid token [redacted] given"
        );
    }
}
