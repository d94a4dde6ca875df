//! A usable access token from a bundle stored in Secrets Manager, refreshed rotation-safely
//! (for every provider): refresh only when the token expires within 60 s, persist the rotated
//! refresh token at once onto a fresh read of the bundle (keeping every other field), and on
//! `invalid_grant` adopt another writer's rotation if there was one.

use super::{Provider, TokenError, TokenSet};
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

/// A stored grant: where its bundle is and how to name it in messages.
pub struct Stored<'a> {
    pub provider: &'a Provider,
    pub sm: &'a aws_sdk_secretsmanager::Client,
    /// Secret name or ARN.
    pub id: &'a str,
    /// "tenant <cloud id>", "workspace <slug>".
    pub label: String,
    /// The fields the platform requires of this provider's bundle.
    pub required: &'a [&'static str],
    /// The command that installs the grant again.
    pub setup_again: String,
}

impl Stored<'_> {
    async fn read(&self, ui: &Ui) -> Result<Bundle> {
        ui.debug(format!("secretsmanager:GetSecretValue {}", self.id));
        let cur = secrets::get(self.sm, self.id).await?.ok_or_else(|| {
            Error::conflict(format!("the OAuth bundle of {} does not exist", self.label))
                .hint(self.setup_again.clone())
        })?;
        Bundle::parse_required(&cur.value, self.required).map_err(|e| {
            Error::conflict(format!("the OAuth bundle of {} is unusable", self.label))
                .cause(e)
                .hint(self.setup_again.clone())
        })
    }

    /// Writes the rotated tokens onto the latest bundle (keeping every field refresh does not own).
    /// `before` is the bundle the refresh started from: if the fresh read fails, the rotation is
    /// written onto it rather than lost (the spent refresh token would strand the grant).
    async fn persist(
        &self,
        ui: &Ui,
        t: &TokenSet,
        used_refresh: &str,
        before: &Bundle,
    ) -> Result<Bundle> {
        let now = timefmt::now();
        let mut b = match self.read(ui).await {
            Ok(b) => b,
            Err(e) => {
                ui.warn(format!(
                    "could not re-read the OAuth bundle of {} before storing its rotated tokens ({}); storing them onto the copy read just before the refresh",
                    self.label, e.message
                ));
                before.clone()
            }
        };
        t.store_in(&mut b, now, used_refresh, None);
        b.set("updated_at", timefmt::iso_ms(now));
        ui.debug(format!(
            "secretsmanager:PutSecretValue {} (rotated tokens)",
            self.id
        ));
        secrets::put(self.sm, self.id, &b.to_json())
            .await
            .map_err(|e| {
                e.not_written(format!(
                    "the rotated refresh token of {}: the previous one is no longer valid",
                    self.label
                ))
                .hint(self.setup_again.clone())
            })?;
        Ok(b)
    }

    /// A bundle whose access token is fresh; with `force`, refreshes once even when it is
    /// (proves the refresh token works; it rotates it).
    pub async fn obtain(&self, ui: &Ui, force: bool) -> Result<Bundle> {
        let bundle = self.read(ui).await?;
        self.obtain_from(ui, bundle, force).await
    }

    /// [`Stored::obtain`] starting from `bundle`, just read from the secret by the caller.
    pub async fn obtain_from(&self, ui: &Ui, mut bundle: Bundle, force: bool) -> Result<Bundle> {
        // One refresh of our own, plus one more if another writer rotated the token under us.
        for _ in 0..2 {
            if !force && is_fresh(&bundle, timefmt::now()) {
                return Ok(bundle);
            }
            ui.step(format!(
                "Refreshing the {} access token of {}",
                self.provider.name, self.label
            ));
            let rt = bundle.str("refresh_token").unwrap_or_default().to_string();
            let (id_c, secret) = (
                bundle.str("client_id").unwrap_or_default().to_string(),
                bundle.str("client_secret").unwrap_or_default().to_string(),
            );
            match super::refresh(ui, self.provider, &id_c, &secret, &rt).await {
                Ok(t) => return self.persist(ui, &t, &rt, &bundle).await,
                Err(TokenError::Other(e)) => {
                    return Err(e.not_written("nothing (the stored tokens are unchanged)"));
                }
                Err(TokenError::InvalidGrant(detail)) => {
                    let latest = self.read(ui).await?;
                    if latest.str("refresh_token") == Some(rt.as_str()) {
                        return Err(Error::conflict(format!(
                            "{} no longer accepts the refresh token of {}",
                            self.provider.name, self.label
                        ))
                        .cause(detail)
                        .cause(self.provider.dead_grant_cause)
                        .not_written("nothing")
                        .hint(self.setup_again.clone()));
                    }
                    ui.debug("another writer rotated the refresh token; using its rotation");
                    bundle = latest;
                }
            }
        }
        if is_fresh(&bundle, timefmt::now()) {
            return Ok(bundle);
        }
        Err(Error::failure(format!(
            "could not obtain a fresh access token for {}: the token kept being rotated by another writer",
            self.label
        ))
        .hint("retry in a few seconds"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
