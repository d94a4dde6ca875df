//! `bgagent login`: Cognito `USER_PASSWORD_AUTH`, then the challenges a real pool sends —
//! `NEW_PASSWORD_REQUIRED` (first login of an invited user: a new password, asked twice) and
//! `SOFTWARE_TOKEN_MFA` / `SMS_MFA` (a code). The password never comes from argv: a masked prompt,
//! `--password-stdin` or `BGAGENT_PASSWORD`. Writes `credentials.json` (0600, atomic).
//! Wrong username or password exits 6.

use std::io::BufRead;

use super::LoginArgs;
use crate::domain::jwt;
use crate::error::{Error, Result};
use crate::platform::cognito::{Cognito, Step};
use crate::platform::{config, credentials};
use crate::terminal::{Ui, prompt};

/// One line from stdin with only the line terminator removed (passwords may hold spaces).
fn stdin_secret(what: &str, flag: &str) -> Result<String> {
    let mut s = String::new();
    let n = std::io::stdin()
        .lock()
        .read_line(&mut s)
        .map_err(|e| Error::failure(format!("could not read the {what} from stdin")).cause(e))?;
    let v = s.trim_end_matches(['\r', '\n']).to_string();
    if n == 0 || v.is_empty() {
        return Err(Error::usage(format!(
            "{flag} was given but stdin had no {what} (one line expected)"
        ))
        .hint(format!(
            "pipe it in, e.g. `printf '%s\\n' \"$VALUE\" | bgagent login … {flag}`"
        )));
    }
    Ok(v)
}

fn env_secret(name: &str) -> Option<String> {
    crate::env::secret(name)
}

fn password(a: &LoginArgs, ui: &Ui) -> Result<String> {
    if a.password_stdin {
        return stdin_secret("password", "--password-stdin");
    }
    if let Some(p) = env_secret(crate::env::PASSWORD) {
        return Ok(p);
    }
    if !ui.interactive() {
        return Err(Error::usage(
            "the password is required and there is no terminal to ask for it",
        )
        .hint("pass --password-stdin (or set BGAGENT_PASSWORD)"));
    }
    // Not `prompt::secret`: a password is used exactly as typed (no trimming).
    prompt::restore_terminal_on_interrupt();
    let p = dialoguer::Password::new()
        .with_prompt("Password")
        .interact()
        .map_err(terminal_error)?;
    if p.is_empty() {
        return Err(Error::usage("the password must not be empty"));
    }
    Ok(p)
}

fn terminal_error(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = e;
    if io.kind() == std::io::ErrorKind::Interrupted {
        Error::new(
            crate::error::Exit::Interrupted,
            "interrupted; nothing was written",
        )
    } else {
        Error::failure("could not read from the terminal").cause(io)
    }
}

fn new_password(a: &LoginArgs, ui: &Ui) -> Result<String> {
    if a.new_password_stdin {
        return stdin_secret("new password", "--new-password-stdin");
    }
    if let Some(p) = env_secret(crate::env::NEW_PASSWORD) {
        return Ok(p);
    }
    if !ui.interactive() {
        return Err(Error::usage(
            "Cognito requires a new password for this account (first login) and there is no terminal to ask",
        )
        .not_written("credentials.json")
        .hint("pass --new-password-stdin (a second stdin line after the password) or set BGAGENT_NEW_PASSWORD"));
    }
    prompt::restore_terminal_on_interrupt();
    ui.say("This is the account's first login: choose a new password.");
    dialoguer::Password::new()
        .with_prompt("New password")
        .with_confirmation("Repeat the new password", "The passwords do not match")
        .interact()
        .map_err(terminal_error)
}

fn mfa_code(a: &LoginArgs, ui: &Ui, kind: &str) -> Result<String> {
    if let Some(c) = a
        .mfa_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        return Ok(c.to_string());
    }
    prompt::line(
        ui,
        &format!("{kind} code"),
        "the MFA code",
        "--mfa-code <code>",
    )
}

pub async fn run(a: LoginArgs, ui: &Ui) -> Result<()> {
    let cfg = config::require()?;
    let username = match a
        .username
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(u) => u.to_string(),
        None => prompt::line(ui, "Username (email)", "the username", "--username <user>")?,
    };
    let pw = password(&a, ui)?;
    let cognito = Cognito::new(&cfg, ui).await?;
    ui.step(format!("Logging in as {username}"));
    let mut step = cognito.password_auth(ui, &username, &pw).await?;
    let mut challenges = Vec::new();
    let tokens = loop {
        match step {
            Step::Done(t) => break t,
            Step::Challenge {
                name,
                session,
                params,
            } => {
                if challenges.len() >= 4 {
                    return Err(Error::failure("Cognito kept asking for challenges")
                        .cause(challenges.join(", ")));
                }
                challenges.push(name.clone());
                let user = params
                    .get("USERNAME")
                    .or_else(|| params.get("USER_ID_FOR_SRP"))
                    .cloned()
                    .unwrap_or_else(|| username.clone());
                step = match name.as_str() {
                    "NEW_PASSWORD_REQUIRED" => {
                        let np = new_password(&a, ui)?;
                        let s = cognito
                            .respond(
                                ui,
                                &name,
                                &session,
                                &[("USERNAME", &user), ("NEW_PASSWORD", &np)],
                                &[&np, &pw],
                                &username,
                            )
                            .await?;
                        ui.ok("New password set");
                        s
                    }
                    "SOFTWARE_TOKEN_MFA" | "SMS_MFA" => {
                        let kind = if name == "SMS_MFA" {
                            "SMS"
                        } else {
                            "Authenticator app"
                        };
                        let code = mfa_code(&a, ui, kind)?;
                        let key = format!("{name}_CODE");
                        cognito
                            .respond(
                                ui,
                                &name,
                                &session,
                                &[("USERNAME", &user), (&key, &code)],
                                &[&pw],
                                &username,
                            )
                            .await?
                    }
                    other => {
                        return Err(Error::failure(format!(
                            "Cognito asked for the {other} challenge, which bgagent does not support"
                        ))
                        .not_written("credentials.json")
                        .hint("finish the account setup in the platform's web sign-in, then run `bgagent login` again"));
                    }
                };
            }
        }
    };
    let Some(refresh) = tokens.refresh_token.clone().filter(|r| !r.is_empty()) else {
        return Err(Error::failure(
            "unexpected authentication response from Cognito (no refresh token)",
        )
        .not_written("credentials.json"));
    };
    let creds = credentials::Credentials::from_tokens(&tokens, &refresh);
    let path = credentials::save(&creds)?;
    let claims = jwt::payload(&creds.id_token).unwrap_or_default();
    let claim = |k: &str| {
        claims
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let (sub, email) = (claim("sub"), claim("email"));
    ui.ok(format!(
        "Logged in; credentials saved to {}",
        path.display()
    ));
    ui.result(format!(
        "Logged in as {username}{} (platform user {sub}); token valid until {}",
        if email.is_empty() || email == username {
            String::new()
        } else {
            format!(" <{email}>")
        },
        creds.token_expiry
    ));
    ui.emit_json(&serde_json::json!({
        "username": username,
        "sub": sub,
        "email": email,
        "token_expiry": creds.token_expiry,
        "challenges": challenges,
        "credentials_path": path.display().to_string(),
    }));
    Ok(())
}
