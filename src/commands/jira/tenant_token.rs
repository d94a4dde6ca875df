//! A usable Jira access token for a tenant, through the shared rotation-safe refresh
//! (`crate::oauth::stored`).

use crate::atlassian::oauth::provider;
use crate::domain::bundle::{Bundle, REQUIRED};
use crate::error::Result;
use crate::oauth::stored::Stored;
use crate::terminal::Ui;

async fn obtain(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
    force: bool,
) -> Result<Bundle> {
    let p = provider();
    Stored {
        provider: &p,
        sm,
        id,
        label: format!("tenant {cloud_id}"),
        required: &REQUIRED,
        setup_again: format!(
            "the tenant must be set up again: run `bgagent jira setup --site {cloud_id}`"
        ),
    }
    .obtain(ui, force)
    .await
}

/// Returns a bundle whose access token is fresh.
pub async fn fresh_bundle(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
) -> Result<Bundle> {
    obtain(sm, ui, id, cloud_id, false).await
}

/// Refreshes once even when the access token is fresh (proves the refresh token works; it
/// rotates it), persisting the rotation like [`fresh_bundle`].
pub async fn refresh_now(
    sm: &aws_sdk_secretsmanager::Client,
    ui: &Ui,
    id: &str,
    cloud_id: &str,
) -> Result<Bundle> {
    obtain(sm, ui, id, cloud_id, true).await
}
