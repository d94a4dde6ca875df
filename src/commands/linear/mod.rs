//! `bgagent linear …`: one file per subcommand, on the same core as `bgagent jira` (AWS
//! context, shared OAuth flow and rotation-safe refresh, bundle rules, output rules).

pub mod app_template;
pub mod args;
pub mod doctor;
pub mod invite_user;
pub mod link;
pub mod link_api;
pub mod onboard_project;
pub mod projects;
pub mod remove_workspace;
pub mod setup;
pub mod update_webhook_secret;
pub mod webhook_info;
pub mod workspaces;

use args::LinearCommand;

use crate::aws::linear_rows::LinearWorkspaceRow;
use crate::aws::rows::Row;
use crate::aws::{Ctx, Output, ddb, sdk_error};
use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub fn run(cmd: LinearCommand, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    use LinearCommand::*;
    match cmd {
        AppTemplate(a) => app_template::run(&a, ui),
        WebhookInfo(_) => super::block_on(webhook_info::run(g, ui)),
        Setup(a) => super::block_on(setup::run(a, g, ui, setup::Mode::Setup)),
        AddWorkspace(a) => super::block_on(setup::run(a, g, ui, setup::Mode::AddWorkspace)),
        Workspaces(_) => super::block_on(workspaces::run(g, ui)),
        UpdateWebhookSecret(a) => super::block_on(update_webhook_secret::run(a, g, ui)),
        OnboardProject(a) => super::block_on(onboard_project::run(a, g, ui)),
        Projects(a) => super::block_on(projects::run(a, g, ui)),
        InviteUser(a) => super::block_on(invite_user::run(a, g, ui)),
        Link(a) => super::block_on(link::run(a, g, ui)),
        RemoveWorkspace(a) => super::block_on(remove_workspace::run(a, g, ui)),
        Doctor(a) => super::block_on(doctor::run(a, g, ui)),
    }
}

/// The AWS context with the Linear outputs a command needs, through the stack-output cache
/// (as every Jira command but `doctor` and `setup`): a missing output is named, with the fix for
/// a stack deployed without the Linear integration; a cached table that turns out missing
/// refreshes the cache once and re-runs the command (`commands::run`).
pub async fn ctx(g: &GlobalArgs, ui: &Ui, needed: &[Output]) -> Result<Ctx> {
    Ctx::new(g, ui, needed).await
}

/// A registry row (`LinearWorkspaceRegistryTableName`), as the Lambdas read it.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub id: String,
    pub slug: String,
    pub status: String,
    pub oauth_secret_arn: String,
    /// The typed row (unknown attributes kept).
    pub row: LinearWorkspaceRow,
}

impl Workspace {
    pub fn from_item(item: ddb::Item) -> Result<Workspace> {
        let row = LinearWorkspaceRow::from_item(item)?;
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        Ok(Workspace {
            id: row.linear_workspace_id.clone(),
            slug: s(&row.workspace_slug),
            status: s(&row.status),
            oauth_secret_arn: s(&row.oauth_secret_arn),
            row,
        })
    }

    /// Usable by the Lambdas: `active`, with a slug and a secret ARN (a row lacking either
    /// counts as absent to them).
    pub fn is_usable(&self) -> bool {
        self.status == "active" && !self.slug.is_empty() && !self.oauth_secret_arn.is_empty()
    }

    /// The bundle's id: the recorded ARN, else the name that follows from the slug.
    pub fn bundle_id(&self) -> String {
        if self.oauth_secret_arn.is_empty() {
            crate::domain::linear::secret_name(&self.slug)
        } else {
            self.oauth_secret_arn.clone()
        }
    }
}

/// Every registry row: a full, paginated scan (never a filtered scan with `Limit`).
pub async fn all_workspaces(ctx: &Ctx, ui: &Ui) -> Result<Vec<Workspace>> {
    let t = ctx.out.get(Output::LinearRegistry);
    ui.debug(format!("dynamodb:Scan {t}"));
    let mut rows: Vec<Workspace> = ddb::scan_all(&ctx.ddb, t, None)
        .await
        .map_err(|e| sdk_error(format!("could not scan {t}"), e))?
        .into_iter()
        .map(Workspace::from_item)
        .collect::<Result<_>>()?;
    rows.sort_by(|a, b| a.slug.cmp(&b.slug).then(a.id.cmp(&b.id)));
    Ok(rows)
}

/// The registry row of a workspace id (a consistent GetItem).
pub async fn workspace_by_id(ctx: &Ctx, ui: &Ui, id: &str) -> Result<Option<Workspace>> {
    ctx.get(ui, Output::LinearRegistry, "linear_workspace_id", id)
        .await?
        .map(Workspace::from_item)
        .transpose()
}

/// The one registry row whose `workspace_slug` is `slug` (full scan; two rows with the same
/// slug are reported, not guessed between).
pub async fn workspace_by_slug(ctx: &Ctx, ui: &Ui, slug: &str) -> Result<Option<Workspace>> {
    let mut found: Vec<Workspace> = all_workspaces(ctx, ui)
        .await?
        .into_iter()
        .filter(|w| w.slug == slug)
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(Error::conflict(format!(
            "{} registry rows claim the slug '{slug}': {}",
            found.len(),
            found.iter().map(|w| format!("{} ({})", w.id, w.status)).collect::<Vec<_>>().join(", ")
        ))
        .hint(format!(
            "`bgagent linear workspaces` shows both; delete the stale row with `aws dynamodb delete-item --table-name {} --key '{{\"linear_workspace_id\":{{\"S\":\"<id>\"}}}}'`, then re-run",
            ctx.out.get(Output::LinearRegistry)
        ))),
    }
}

/// The row of `slug`, which must be active and usable.
pub async fn require_active(ctx: &Ctx, ui: &Ui, slug: &str) -> Result<Workspace> {
    let w = workspace_by_slug(ctx, ui, slug).await?.ok_or_else(|| {
        Error::conflict(format!("Linear workspace '{slug}' is not registered"))
            .hint(format!("list workspaces with `bgagent linear workspaces`, or connect it with `bgagent linear setup {slug}`"))
    })?;
    if w.status != "active" {
        return Err(Error::conflict(format!(
            "Linear workspace '{slug}' is not active (status: {})",
            if w.status.is_empty() {
                "<none>"
            } else {
                &w.status
            }
        ))
        .hint(format!(
            "re-authorize it with `bgagent linear setup {slug}`"
        )));
    }
    if !w.is_usable() {
        return Err(Error::conflict(format!(
            "the registry row of Linear workspace '{slug}' has no oauth_secret_arn"
        ))
        .hint(format!("re-run `bgagent linear setup {slug}`")));
    }
    Ok(w)
}

/// The workspace's bundle with a fresh access token: refreshed only when it expires within
/// 60 s, and then rotation-safely (the new refresh token is persisted at once).
pub async fn fresh_bundle(
    ctx: &Ctx,
    ui: &Ui,
    w: &Workspace,
    force: bool,
) -> Result<crate::domain::bundle::Bundle> {
    let p = crate::linear::provider(Default::default());
    let sm = ctx.aws.secrets();
    let id = w.bundle_id();
    crate::oauth::stored::Stored {
        provider: &p,
        sm: &sm,
        id: &id,
        label: format!("workspace {}", w.slug),
        required: &crate::domain::linear::REQUIRED,
        setup_again: format!(
            "the workspace must be authorized again: run `bgagent linear setup {}`",
            w.slug
        ),
    }
    .obtain(ui, force)
    .await
}

/// A GraphQL failure as a command error (a refused token names `setup`).
pub fn graphql_err(e: crate::linear::graphql::GqlError, slug: &str) -> Error {
    e.into_error(slug)
}
