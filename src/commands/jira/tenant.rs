//! The tenant rules: a tenant must be registered and `active`; only one tenant may be active
//! (admin webhooks carry no cloud id); who a Jira account is linked to.

use crate::aws::rows::{LinkRow, RegistryRow, Row};
use crate::aws::{Ctx, Output, ddb, sdk_error};
use crate::error::{Error, Result};
use crate::terminal::Ui;

/// The platform user a Jira account is actively linked to, if any.
pub async fn linked_platform_user(
    ctx: &Ctx,
    ui: &Ui,
    cloud_id: &str,
    account_id: &str,
) -> Result<Option<String>> {
    let row = ctx
        .get(
            ui,
            Output::Users,
            "jira_identity",
            &format!("{cloud_id}#{account_id}"),
        )
        .await?;
    Ok(row
        .map(LinkRow::from_item)
        .transpose()?
        .filter(|r| r.status == "active")
        .map(|r| r.platform_user_id))
}

/// The registry row of a tenant that must be `active`.
pub struct ActiveTenant {
    pub cloud_id: String,
    pub site_url: String,
    pub oauth_secret_arn: String,
}

impl ActiveTenant {
    /// How to address the tenant's bundle: the ARN the registry recorded, else its name.
    pub fn bundle_id(&self) -> String {
        if self.oauth_secret_arn.is_empty() {
            crate::domain::bundle::secret_name(&self.cloud_id)
        } else {
            self.oauth_secret_arn.clone()
        }
    }
}

pub async fn require_active_tenant(ctx: &Ctx, ui: &Ui, cloud_id: &str) -> Result<ActiveTenant> {
    let row = ctx
        .get(ui, Output::Registry, "jira_cloud_id", cloud_id)
        .await?;
    check_active_tenant(cloud_id, row)
}

/// The registry row must exist and be `active` (pure).
pub fn check_active_tenant(cloud_id: &str, row: Option<ddb::Item>) -> Result<ActiveTenant> {
    let fix =
        "run `bgagent jira tenants` to list tenants, or `bgagent jira setup` to connect this site";
    let Some(row) = row else {
        return Err(Error::conflict(format!("Jira tenant {cloud_id} is not registered")).hint(fix));
    };
    let row = RegistryRow::from_item(row)?;
    let status = row.status.as_deref().unwrap_or("<none>");
    if status != "active" {
        return Err(Error::conflict(format!(
            "Jira tenant {cloud_id} is not active (status: {status})"
        ))
        .hint("re-run `bgagent jira setup` to activate it"));
    }
    Ok(ActiveTenant {
        cloud_id: cloud_id.to_string(),
        site_url: row.site_url.unwrap_or_default(),
        oauth_secret_arn: row.oauth_secret_arn.unwrap_or_default(),
    })
}

/// Every `active` tenant in the registry: (cloud id, site url).
pub async fn active_tenants(ctx: &Ctx, ui: &Ui) -> Result<Vec<(String, String)>> {
    use std::collections::HashMap;
    let t = ctx.out.get(Output::Registry);
    ui.debug(format!("dynamodb:Scan {t} (status = active)"));
    let filter = (
        "#s = :a",
        HashMap::from([("#s".to_string(), "status".to_string())]),
        HashMap::from([(":a".to_string(), ddb::s("active"))]),
    );
    let rows = ddb::scan_all(&ctx.ddb, t, Some(filter))
        .await
        .map_err(|e| sdk_error(format!("could not scan {t}"), e))?;
    rows.into_iter()
        .map(|r| {
            RegistryRow::from_item(r).map(|r| (r.jira_cloud_id, r.site_url.unwrap_or_default()))
        })
        .collect()
}

/// The platform routes admin-created webhooks (which carry no cloud id) to the sole active
/// tenant, so a second active tenant is refused before anything is written.
pub fn second_tenant_error(_ctx: &Ctx, cloud_id: &str, others: &[(String, String)]) -> Error {
    let list = others
        .iter()
        .map(|(c, s)| format!("{c} ({s})"))
        .collect::<Vec<_>>()
        .join(", ");
    let (first, _) = &others[0];
    Error::conflict(format!("another Jira tenant is active: {list}; only one active tenant is supported"))
        .cause("admin-created Jira webhooks carry no cloud id, so the platform routes them to the sole active tenant")
        .not_written(format!("anything for {cloud_id}"))
        .hint(format!(
            "to replace it, revoke the active tenant first: bgagent jira revoke {first}"
        ))
}
