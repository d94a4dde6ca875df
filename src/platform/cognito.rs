//! Cognito user-pool calls for `login`, token refresh and `logout --everywhere`: `InitiateAuth`
//! (`USER_PASSWORD_AUTH`, `REFRESH_TOKEN_AUTH`), `RespondToAuthChallenge` and `GlobalSignOut`.
//! These calls are unsigned (the app client has no secret), so no AWS credentials are needed; the
//! endpoint follows the standard chain (`AWS_ENDPOINT_URL` in tests). The region is the pool id's
//! prefix. Cognito's error messages are scrubbed of every token and password sent in the call.

use std::collections::HashMap;
use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::timeout::TimeoutConfig;
use aws_sdk_cognitoidentityprovider::Client;
use aws_sdk_cognitoidentityprovider::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_cognitoidentityprovider::types::{AuthFlowType, ChallengeNameType};
use aws_types::region::Region;

use super::config::PlatformConfig;
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

pub struct Cognito {
    client: Client,
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

/// What Cognito said (code and message), scrubbed.
fn describe<E, R>(e: &SdkError<E, R>, secrets: &[&str]) -> (String, String)
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    match e {
        SdkError::ServiceError(s) => (
            s.err().code().unwrap_or("Unknown").to_string(),
            scrub(s.err().message().unwrap_or(""), secrets),
        ),
        SdkError::TimeoutError(_) => ("Timeout".into(), "the call timed out".into()),
        other => (
            "Network".into(),
            scrub(
                &aws_smithy_types::error::display::DisplayErrorContext(other).to_string(),
                secrets,
            ),
        ),
    }
}

fn network_error(what: &str, code: &str, msg: &str) -> Error {
    let exit = if code == "Timeout" {
        Exit::Timeout
    } else {
        Exit::Failure
    };
    Error::new(exit, format!("{what}: {msg}"))
        .hint("check network access to Cognito (or AWS_ENDPOINT_URL) and retry; BGAGENT_HTTP_TIMEOUT sets the timeout")
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
        let t = crate::aws::attempt_timeout();
        let timeouts = TimeoutConfig::builder()
            .connect_timeout(Duration::from_secs(5).min(t))
            .operation_attempt_timeout(t)
            .operation_timeout(t * 3)
            .build();
        let sdk = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new(region.clone()))
            .timeout_config(timeouts)
            .no_credentials()
            .load()
            .await;
        ui.debug(format!(
            "Cognito region {region}, app client {client_id}{}",
            sdk.endpoint_url()
                .map(|e| format!(", endpoint {e}"))
                .unwrap_or_default()
        ));
        Ok(Cognito {
            client: Client::new(&sdk),
            client_id,
        })
    }

    fn step(
        r: Option<&aws_sdk_cognitoidentityprovider::types::AuthenticationResultType>,
        challenge: Option<&ChallengeNameType>,
        session: Option<&str>,
        params: Option<&HashMap<String, String>>,
    ) -> Result<Step> {
        if let Some(r) = r {
            let (Some(id), Some(access)) = (r.id_token(), r.access_token()) else {
                return Err(Error::failure(
                    "unexpected authentication response from Cognito (no ID token)",
                ));
            };
            return Ok(Step::Done(Tokens {
                id_token: id.to_string(),
                access_token: access.to_string(),
                refresh_token: r.refresh_token().map(str::to_string),
                expires_in: i64::from(r.expires_in()),
            }));
        }
        match (challenge, session) {
            (Some(c), Some(s)) => Ok(Step::Challenge {
                name: c.as_str().to_string(),
                session: s.to_string(),
                params: params.cloned().unwrap_or_default(),
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
        let r = self
            .client
            .initiate_auth()
            .auth_flow(AuthFlowType::UserPasswordAuth)
            .client_id(&self.client_id)
            .auth_parameters("USERNAME", username)
            .auth_parameters("PASSWORD", password)
            .send()
            .await
            .map_err(|e| login_error(&describe(&e, &[password]), username))?;
        Self::step(
            r.authentication_result(),
            r.challenge_name(),
            r.session(),
            r.challenge_parameters(),
        )
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
        let mut req = self
            .client
            .respond_to_auth_challenge()
            .client_id(&self.client_id)
            .challenge_name(ChallengeNameType::from(name))
            .session(session);
        for (k, v) in responses {
            req = req.challenge_responses(*k, *v);
        }
        let r = req
            .send()
            .await
            .map_err(|e| login_error(&describe(&e, secrets), username))?;
        Self::step(
            r.authentication_result(),
            r.challenge_name(),
            r.session(),
            r.challenge_parameters(),
        )
    }

    /// `InitiateAuth` with `REFRESH_TOKEN_AUTH`.
    pub async fn refresh(&self, ui: &Ui, refresh_token: &str) -> Result<Tokens> {
        ui.debug("cognito-idp:InitiateAuth REFRESH_TOKEN_AUTH");
        let r = self
            .client
            .initiate_auth()
            .auth_flow(AuthFlowType::RefreshTokenAuth)
            .client_id(&self.client_id)
            .auth_parameters("REFRESH_TOKEN", refresh_token)
            .send()
            .await
            .map_err(|e| {
                let (code, msg) = describe(&e, &[refresh_token]);
                match code.as_str() {
                    "NotAuthorizedException" | "UserNotFoundException" => {
                        Error::new(Exit::Denied, "the login session has expired or was revoked")
                            .cause(format!("{code}: {msg}"))
                            .hint("run `bgagent login`")
                    }
                    "Timeout" | "Network" => {
                        network_error("could not refresh the login", &code, &msg)
                    }
                    _ => Error::failure("token refresh failed")
                        .cause(format!("{code}: {msg}"))
                        .hint("retry, or run `bgagent login` if it persists"),
                }
            })?;
        match Self::step(r.authentication_result(), None, None, None)? {
            Step::Done(t) => Ok(t),
            Step::Challenge { .. } => {
                Err(Error::failure("unexpected refresh response from Cognito"))
            }
        }
    }

    /// `GlobalSignOut`: revokes every refresh token of the user.
    pub async fn global_sign_out(&self, ui: &Ui, access_token: &str) -> Result<()> {
        ui.debug("cognito-idp:GlobalSignOut");
        self.client
            .global_sign_out()
            .access_token(access_token)
            .send()
            .await
            .map_err(|e| {
                let (code, msg) = describe(&e, &[access_token]);
                Error::failure("Cognito refused to sign out everywhere")
                    .cause(format!("{code}: {msg}"))
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
        _ => Error::failure("Cognito refused the login").cause(format!("{code}: {msg}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_secrets() {
        assert_eq!(
            scrub("Invalid token abcdef123 given", &["abcdef123", "x"]),
            "Invalid token [redacted] given"
        );
    }
}
