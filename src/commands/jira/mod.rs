//! `bgagent jira …`: one file per subcommand.

pub mod app_template;
pub mod invite_user;
pub mod link;
pub mod map;
pub mod projects;
pub mod setup;
pub mod tenant_token;
pub mod tenants;
pub mod unlink;
pub mod unmap;
pub mod update_webhook_secret;
pub mod users;
pub mod webhook_secret;

use crate::aws::{Aws, Output, Outputs, ddb, sdk_error};
use crate::cli::{GlobalArgs, JiraCommand};
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub fn run(cmd: JiraCommand, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    use JiraCommand::*;
    match cmd {
        AppTemplate(a) => app_template::run(&a, ui),
        Setup(a) => super::block_on(setup::run(a, g, ui)),
        UpdateWebhookSecret(a) => super::block_on(update_webhook_secret::run(a, g, ui)),
        Tenants(_) => super::block_on(tenants::run(g, ui)),
        Map(a) => super::block_on(map::run(a, g, ui)),
        Unmap(a) => super::block_on(unmap::run(a, g, ui)),
        Projects(a) => super::block_on(projects::run(a, g, ui)),
        InviteUser(a) => super::block_on(invite_user::run(a, g, ui)),
        Link(a) => super::block_on(link::run(a, g, ui)),
        Users(a) => super::block_on(users::run(a, g, ui)),
        Unlink(a) => super::block_on(unlink::run(a, g, ui)),
    }
}

/// AWS clients plus the stack outputs a command needs.
pub struct Ctx {
    pub aws: Aws,
    pub out: Outputs,
    pub ddb: aws_sdk_dynamodb::Client,
}

impl Ctx {
    /// Stack outputs from the cache when warm (see `Aws::outputs`).
    pub async fn new(g: &GlobalArgs, ui: &Ui, needed: &[Output]) -> Result<Ctx> {
        let aws = Aws::connect(g, ui).await?;
        let out = aws.outputs(ui, needed).await?;
        let ddb = aws.ddb();
        Ok(Ctx { aws, out, ddb })
    }

    /// Stack outputs always read live from CloudFormation (see `Aws::outputs_live`): for
    /// `doctor`, `setup` and `update-webhook-secret`.
    pub async fn new_live(g: &GlobalArgs, ui: &Ui, needed: &[Output]) -> Result<Ctx> {
        let aws = Aws::connect(g, ui).await?;
        let out = aws.outputs_live(ui, needed).await?;
        let ddb = aws.ddb();
        Ok(Ctx { aws, out, ddb })
    }

    /// A consistent GetItem on a table given by its stack output.
    pub async fn get(
        &self,
        ui: &Ui,
        table: Output,
        key_name: &str,
        key: &str,
    ) -> Result<Option<ddb::Item>> {
        let t = self.out.get(table);
        ui.debug(format!("dynamodb:GetItem {t} {key_name}={key}"));
        let r = self
            .ddb
            .get_item()
            .table_name(t)
            .set_key(Some(ddb::key(key_name, key)))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| sdk_error(format!("could not read {key_name}={key} from {t}"), e))?;
        Ok(r.item)
    }

    /// Several consistent reads in one `BatchGetItem` (one round trip): one item per
    /// (table, key name, key), in the order asked.
    pub async fn batch_get(
        &self,
        ui: &Ui,
        wanted: &[(Output, &str, &str)],
    ) -> Result<Vec<Option<ddb::Item>>> {
        use aws_sdk_dynamodb::types::KeysAndAttributes;
        use std::collections::HashMap;
        let mut request: HashMap<String, KeysAndAttributes> = HashMap::new();
        for (table, key_name, key) in wanted {
            let t = self.out.get(*table).to_string();
            let entry = request.remove(&t).map(|k| k.keys).unwrap_or_default();
            let mut keys = entry;
            keys.push(ddb::key(key_name, key));
            let ka = KeysAndAttributes::builder()
                .set_keys(Some(keys))
                .consistent_read(true)
                .build()
                .map_err(|e| Error::failure("could not build a read request").cause(e))?;
            request.insert(t, ka);
        }
        ui.debug(format!("dynamodb:BatchGetItem {} key(s)", wanted.len()));
        let mut found: HashMap<String, Vec<ddb::Item>> = HashMap::new();
        let mut pending = Some(request);
        for _ in 0..8 {
            let Some(req) = pending.take().filter(|r| !r.is_empty()) else {
                break;
            };
            let r = self
                .ddb
                .batch_get_item()
                .set_request_items(Some(req))
                .send()
                .await
                .map_err(|e| sdk_error("could not read the platform tables", e))?;
            for (t, items) in r.responses.unwrap_or_default() {
                found.entry(t).or_default().extend(items);
            }
            pending = r.unprocessed_keys;
        }
        if pending.is_some_and(|p| !p.is_empty()) {
            return Err(Error::failure(
                "DynamoDB kept throttling the reads of the platform tables",
            )
            .hint("retry in a few seconds"));
        }
        Ok(wanted
            .iter()
            .map(|(table, key_name, key)| {
                found.get(self.out.get(*table)).and_then(|items| {
                    items
                        .iter()
                        .find(|i| ddb::get_s(i, key_name) == Some(*key))
                        .cloned()
                })
            })
            .collect())
    }
}

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
        .as_ref()
        .filter(|r| ddb::get_s(r, "status") == Some("active"))
        .and_then(|r| ddb::get_s(r, "platform_user_id"))
        .map(str::to_string))
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
    let status = ddb::get_s(&row, "status").unwrap_or("<none>");
    if status != "active" {
        return Err(Error::conflict(format!(
            "Jira tenant {cloud_id} is not active (status: {status})"
        ))
        .hint("re-run `bgagent jira setup` to activate it"));
    }
    Ok(ActiveTenant {
        cloud_id: cloud_id.to_string(),
        site_url: ddb::get_s(&row, "site_url").unwrap_or_default().to_string(),
        oauth_secret_arn: ddb::get_s(&row, "oauth_secret_arn")
            .unwrap_or_default()
            .to_string(),
    })
}

/// Renders rows as an aligned text table (for humans, on stderr).
pub fn table(ui: &Ui, headers: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let fmt = |cells: Vec<String>| {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    ui.say(ui.bold(&fmt(headers.iter().map(|h| h.to_string()).collect())));
    for r in rows {
        ui.say(fmt(r.clone()));
    }
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
    Ok(rows
        .iter()
        .map(|r| {
            (
                ddb::get_s(r, "jira_cloud_id")
                    .unwrap_or_default()
                    .to_string(),
                ddb::get_s(r, "site_url").unwrap_or_default().to_string(),
            )
        })
        .collect())
}

/// The platform routes admin-created webhooks (which carry no cloud id) to the sole active
/// tenant, so a second active tenant is refused before anything is written.
pub fn second_tenant_error(ctx: &Ctx, cloud_id: &str, others: &[(String, String)]) -> Error {
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
            "to replace it, revoke the active tenant first: aws dynamodb update-item --table-name {} --key '{{\"jira_cloud_id\":{{\"S\":\"{first}\"}}}}' --update-expression 'SET #s = :r' --expression-attribute-names '{{\"#s\":\"status\"}}' --expression-attribute-values '{{\":r\":{{\"S\":\"revoked\"}}}}'",
            ctx.out.get(Output::Registry)
        ))
}
