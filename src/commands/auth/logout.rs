//! `bgagent logout`: removes `credentials.json`. `--everywhere` first revokes the login at
//! Cognito: a `REFRESH_TOKEN_AUTH` yields an access token, and `GlobalSignOut` with it revokes every
//! refresh token of the user (Cognito has no revoke call that needs no access token).

use super::LogoutArgs;
use crate::error::{Error, Result};
use crate::platform::cognito::Cognito;
use crate::platform::{config, credentials};
use crate::terminal::Ui;

pub async fn run(a: LogoutArgs, ui: &Ui) -> Result<()> {
    let path = credentials::path()?;
    // A corrupt file is removed all the same.
    let creds = credentials::load().unwrap_or(None);
    let mut revoked = false;
    if a.everywhere {
        let Some(c) = creds.as_ref().filter(|c| !c.refresh_token.is_empty()) else {
            return Err(Error::conflict(
                "not logged in (or no refresh token): nothing to revoke at Cognito",
            )
            .hint("run `bgagent logout` without --everywhere to remove local credentials"));
        };
        let revoke = async {
            let cfg = config::require()?;
            let cognito = Cognito::new(&cfg, ui).await?;
            let t = cognito.refresh(ui, &c.refresh_token).await?;
            cognito.global_sign_out(ui, &t.access_token).await
        };
        if let Err(e) = revoke.await {
            let removed = credentials::remove()?;
            let mut e = e.not_written("the revocation at Cognito");
            if removed {
                e = e.written(format!("removed {}", path.display()));
            }
            return Err(e);
        }
        revoked = true;
        ui.ok("Revoked the login at Cognito (signed out on every device)");
    }
    let removed = credentials::remove()?;
    if removed {
        ui.result(format!("Logged out; removed {}", path.display()));
    } else {
        ui.result("Not logged in; there were no credentials to remove");
    }
    ui.emit_json(&serde_json::json!({
        "removed": removed,
        "revoked": revoked,
        "credentials_path": path.display().to_string(),
    }));
    Ok(())
}
