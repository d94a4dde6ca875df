//! A usable Jira access token for a tenant, refreshed rotation-safely: refresh only when the
//! token expires within 60 s, persist the rotated refresh token at once (read-modify-write), and
//! on `invalid_grant` adopt another writer's rotation if there was one.

use crate::atlassian::oauth::{self, TokenError, TokenSet};
use crate::aws::secrets;
use crate::domain::bundle::Bundle;
use crate::domain::timefmt;
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub const REFRESH_MARGIN_SECS: i64 = 60;

/// Whether the bundle's access token is still good for at least the margin (pure).
pub fn is_fresh(bundle: &Bundle, now: time::OffsetDateTime) -> bool {
    bundle
        .str("expires_at")
        .and_then(timefmt::parse)
        .is_some_and(|exp| exp - now > time::Duration::seconds(REFRESH_MARGIN_SECS))
}

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

/// Writes the rotated tokens onto the latest bundle (keeping every field refresh does not own).
async fn persist(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
    t: &TokenSet,
    used_refresh: &str,
) -> Result<Bundle> {
    let now = timefmt::now();
    let mut b = read(sm, ui, id, cloud_id).await?;
    b.set("access_token", t.access_token.as_str());
    b.set(
        "refresh_token",
        t.refresh_token
            .clone()
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| used_refresh.to_string()),
    );
    b.set(
        "expires_at",
        timefmt::iso_ms(now + time::Duration::seconds(t.expires_in)),
    );
    if let Some(s) = t.scope.as_deref().filter(|s| !s.is_empty()) {
        b.set("scope", s);
    }
    b.set("updated_at", timefmt::iso_ms(now));
    ui.debug(format!(
        "secretsmanager:PutSecretValue {id} (rotated tokens)"
    ));
    secrets::put(sm, id, &b.to_json()).await.map_err(|e| {
        e.not_written(format!(
            "the rotated refresh token of tenant {cloud_id}: the previous one is no longer valid"
        ))
        .hint(setup_again(cloud_id))
    })?;
    Ok(b)
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

async fn obtain(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
    mut bundle: Bundle,
    force: bool,
) -> Result<Bundle> {
    // One refresh of our own, plus one more if another writer rotated the token under us.
    for _ in 0..2 {
        if !force && is_fresh(&bundle, timefmt::now()) {
            return Ok(bundle);
        }
        ui.step("Refreshing the tenant's Jira access token");
        let rt = bundle.str("refresh_token").unwrap_or_default().to_string();
        let (id_c, secret) = (
            bundle.str("client_id").unwrap_or_default().to_string(),
            bundle.str("client_secret").unwrap_or_default().to_string(),
        );
        match oauth::refresh(ui, &id_c, &secret, &rt).await {
            Ok(t) => return persist(sm, ui, id, cloud_id, &t, &rt).await,
            Err(TokenError::Other(e)) => {
                return Err(e.not_written("nothing (the stored tokens are unchanged)"));
            }
            Err(TokenError::InvalidGrant(detail)) => {
                let latest = read(sm, ui, id, cloud_id).await?;
                if latest.str("refresh_token") == Some(rt.as_str()) {
                    return Err(Error::conflict(format!("Atlassian no longer accepts the refresh token of tenant {cloud_id}"))
                        .cause(detail)
                        .cause("the grant was revoked, expired after 90 days without use, or the account's password changed")
                        .not_written("nothing")
                        .hint(setup_again(cloud_id)));
                }
                ui.debug("another writer rotated the refresh token; using its rotation");
                bundle = latest;
            }
        }
    }
    if is_fresh(&bundle, timefmt::now()) {
        return Ok(bundle);
    }
    Err(Error::failure(format!("could not obtain a fresh access token for tenant {cloud_id}: the token kept being rotated by another writer"))
        .hint("retry in a few seconds"))
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

    #[test]
    fn freshness_margin() {
        let now = timefmt::parse("2026-11-23T12:00:00.000Z").unwrap();
        let mut b = Bundle(Default::default());
        assert!(!is_fresh(&b, now), "no expiry → refresh");
        b.set("expires_at", "2026-11-23T12:01:00.000Z");
        assert!(!is_fresh(&b, now), "exactly 60 s left → refresh");
        b.set("expires_at", "2026-11-23T12:01:01.000Z");
        assert!(is_fresh(&b, now));
        b.set("expires_at", "garbage");
        assert!(!is_fresh(&b, now));
    }
}
