//! A usable Jira access token for a tenant, through the shared rotation-safe refresh
//! (`crate::oauth::stored`): refresh only when the token expires within 60 s, persist the rotated
//! refresh token at once (read-modify-write), and on `invalid_grant` adopt another writer's
//! rotation if there was one.

use crate::atlassian::oauth::provider;
use crate::aws::secrets;
use crate::domain::bundle::{Bundle, REQUIRED};
use crate::error::{Error, Result};
use crate::oauth::stored::Stored;
use crate::terminal::Ui;

pub use crate::oauth::stored::{REFRESH_MARGIN_SECS, is_fresh};

fn setup_again(cloud_id: &str) -> String {
    format!("the tenant must be set up again: run `bgagent jira setup --site {cloud_id}`")
}

pub async fn read(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
) -> Result<Bundle> {
    ui.debug(format!("secretsmanager:GetSecretValue {id}"));
    parse(secrets::get(sm, id).await?, cloud_id)
}

/// The bundle out of a `secrets::get` answer (`None`: the secret does not exist).
pub fn parse(cur: Option<secrets::Current>, cloud_id: &str) -> Result<Bundle> {
    let cur = cur.ok_or_else(|| {
        Error::conflict(format!(
            "the OAuth bundle of tenant {cloud_id} does not exist"
        ))
        .hint(setup_again(cloud_id))
    })?;
    Bundle::parse(&cur.value).map_err(|e| {
        Error::conflict(format!("the OAuth bundle of tenant {cloud_id} is unusable"))
            .cause(e)
            .hint(setup_again(cloud_id))
    })
}

/// Whether a registry's `oauth_secret_arn` names the secret `name` (an ARN ends in the name
/// and a 6-character suffix; an empty ARN means the name itself) (pure).
pub fn arn_names(arn: &str, name: &str) -> bool {
    let Some((_, tail)) = arn.split_once(":secret:") else {
        return arn.is_empty() || arn == name;
    };
    tail == name
        || tail
            .strip_prefix(name)
            .and_then(|s| s.strip_prefix('-'))
            .is_some_and(|suffix| suffix.len() == 6)
}

async fn obtain(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
    bundle: Bundle,
    force: bool,
) -> Result<Bundle> {
    let p = provider();
    Stored {
        provider: &p,
        sm,
        id,
        label: format!("tenant {cloud_id}"),
        required: &REQUIRED,
        setup_again: setup_again(cloud_id),
    }
    .obtain_from(ui, bundle, force)
    .await
}

/// Returns a bundle whose access token is fresh.
pub async fn fresh_bundle(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
) -> Result<Bundle> {
    let bundle = read(sm, ui, id, cloud_id).await?;
    freshen(sm, ui, id, cloud_id, bundle).await
}

/// `bundle` (just read from secret `id`) with a fresh access token: returned as is when
/// fresh, else refreshed and persisted.
pub async fn freshen(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
    bundle: Bundle,
) -> Result<Bundle> {
    obtain(sm, ui, id, cloud_id, bundle, false).await
}

/// Refreshes once even when the access token is fresh (proves the refresh token works; it
/// rotates it), persisting the rotation like [`fresh_bundle`].
pub async fn refresh_now(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
) -> Result<Bundle> {
    let bundle = read(sm, ui, id, cloud_id).await?;
    obtain(sm, ui, id, cloud_id, bundle, true).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arn_names_the_fixed_secret() {
        let name = "bgagent-jira-oauth-c1";
        let arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:bgagent-jira-oauth-c1";
        assert!(arn_names("", name));
        assert!(arn_names(name, name));
        assert!(arn_names(&format!("{arn}-AbCdEf"), name));
        assert!(arn_names(arn, name));
        assert!(!arn_names(&format!("{arn}-AbCdE"), name));
        assert!(!arn_names(&format!("{arn}0-AbCdEf"), name));
        assert!(!arn_names(
            "arn:aws:secretsmanager:us-east-1:1:secret:other-AbCdEf",
            name
        ));
        assert!(!arn_names("other", name));
    }
}
