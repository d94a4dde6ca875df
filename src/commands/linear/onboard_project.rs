//! `bgagent linear onboard-project <project-id> --repo owner/repo`: route a Linear project's
//! labelled issues to a repository. The workspace must be active and own the project (checked
//! over GraphQL), the repository must be active on the platform, a project mapped to another
//! repository is only re-pointed with `--force`, and `onboarded_at` and unknown attributes are
//! kept. The row also records the workspace (`linear_workspace_id`, `workspace_slug`).

use super::args::OnboardProjectArgs;
use super::{Workspace, graphql_err};
use crate::aws::linear_rows::LinearProjectRow;
use crate::aws::rows::Row;
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::GlobalArgs;
use crate::commands::jira::map::{DEFAULT_LABEL, check_active_repo};
use crate::domain::{timefmt, validate};
use crate::error::{Error, Result};
use crate::linear::graphql;
use crate::terminal::Ui;

/// The workspace a command is about: `--slug`, else the sole active one.
pub async fn choose_workspace(
    ctx: &super::Ctx,
    ui: &Ui,
    slug: Option<&str>,
    cmd: &str,
) -> Result<Workspace> {
    if let Some(s) = slug {
        return super::require_active(ctx, ui, s).await;
    }
    let active: Vec<Workspace> = super::all_workspaces(ctx, ui)
        .await?
        .into_iter()
        .filter(Workspace::is_usable)
        .collect();
    match active.len() {
        1 => Ok(active.into_iter().next().expect("one")),
        0 => Err(Error::conflict("no active Linear workspace is registered")
            .hint("connect one with `bgagent linear setup <slug>`")),
        _ => Err(Error::usage(format!(
            "{} Linear workspaces are active; say which one",
            active.len()
        ))
        .cause(format!(
            "active: {}",
            active
                .iter()
                .map(|w| w.slug.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .hint(format!("re-run `bgagent linear {cmd}` with --slug <slug>"))),
    }
}

pub async fn run(a: OnboardProjectArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = super::ctx(
        g,
        ui,
        &[
            Output::LinearRegistry,
            Output::LinearProjects,
            Output::Repos,
        ],
    )
    .await?;
    let label = a
        .label
        .as_deref()
        .map(validate::non_blank)
        .transpose()
        .map_err(|e| Error::usage(format!("--label: {e}")))?;
    // The workspace, the repo and the current mapping do not depend on each other: one round
    // trip for all three (the registry scan and one BatchGetItem).
    let wanted = [
        (Output::Repos, "repo", a.repo.as_str()),
        (
            Output::LinearProjects,
            "linear_project_id",
            a.project_id.as_str(),
        ),
    ];
    let (w, rows) = tokio::join!(
        choose_workspace(&ctx, ui, a.slug.as_deref(), "onboard-project"),
        ctx.batch_get(ui, &wanted),
    );
    let w = w?;
    let mut rows = rows?.into_iter();
    let (repo_row, existing) = (rows.next().flatten(), rows.next().flatten());
    check_active_repo(&a.repo, repo_row)?;
    let existing = existing.map(LinearProjectRow::from_item).transpose()?;
    // The project must be one of the workspace's (a token refresh, if due, is rotation-safe).
    let bundle = super::fresh_bundle(&ctx, ui, &w, false).await?;
    let token = bundle.str("access_token").unwrap_or_default().to_string();
    let projects = graphql::projects(ui, &token)
        .await
        .map_err(|e| graphql_err(e, &w.slug))?;
    let Some(project) = projects.iter().find(|p| p.id == a.project_id) else {
        return Err(Error::conflict(format!(
            "workspace '{}' has no project {}",
            w.slug, a.project_id
        ))
        .not_written("the project mapping")
        .hint(format!(
            "list its projects and their full ids with `bgagent linear projects --slug {}`",
            w.slug
        )));
    };

    let now = timefmt::iso_ms(timefmt::now());
    if let Some(old) = &existing
        && old.repo != a.repo
        && old.status == "active"
        && !a.force
    {
        return Err(Error::conflict(format!(
            "Linear project {} is already mapped to {}",
            a.project_id, old.repo
        ))
        .not_written("the project mapping (unchanged)")
        .hint(format!(
            "to re-point it, run `bgagent linear onboard-project {} --repo {} --force`",
            a.project_id, a.repo
        )));
    }
    let mut row = existing.clone().unwrap_or_default();
    row.linear_project_id = a.project_id.clone();
    row.repo = a.repo.clone();
    let label = label
        .or_else(|| {
            existing
                .as_ref()
                .map(|e| e.label_filter.clone())
                .filter(|l| !l.is_empty())
        })
        .unwrap_or_else(|| DEFAULT_LABEL.to_string());
    row.label_filter = label.clone();
    if let Some(t) = a
        .team_id
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        row.team_id = Some(t.to_string());
    }
    row.linear_workspace_id = Some(w.id.clone());
    row.workspace_slug = Some(w.slug.clone());
    row.status = "active".into();
    row.onboarded_at.get_or_insert_with(|| now.clone());
    let action = match &existing {
        Some(old) if *old == row => "unchanged",
        Some(_) => "updated",
        None => "created",
    };
    if action != "unchanged" {
        row.updated_at = Some(now.clone());
    }
    let item = row.to_item();
    let doc = |dry: bool| {
        serde_json::json!({
            "action": action,
            "dry_run": dry,
            "project_name": project.name,
            "mapping": ddb::to_json(&item),
        })
    };
    if a.dry_run || action == "unchanged" {
        if a.dry_run {
            ui.say(format!(
                "Dry run: would {} this mapping; nothing was written.",
                action.trim_end_matches('d')
            ));
        } else {
            ui.ok("The mapping is already so; nothing to write");
        }
        ui.say(serde_json::to_string_pretty(&ddb::to_json(&item)).unwrap_or_default());
        ui.emit_json(&doc(a.dry_run));
        return Ok(());
    }
    let table = ctx.out.get(Output::LinearProjects);
    let mut put = ctx
        .ddb
        .put_item()
        .table_name(table)
        .set_item(Some(item.clone()));
    // Written only over the row we read: a concurrent change makes this fail, not vanish.
    put = match existing.as_ref().map(|e| e.updated_at.as_deref()) {
        None => put.condition_expression("attribute_not_exists(linear_project_id)"),
        Some(None) => put.condition_expression("attribute_not_exists(updated_at)"),
        Some(Some(u)) => put
            .condition_expression("updated_at = :u")
            .expression_attribute_values(":u", ddb::s(u)),
    };
    ui.debug(format!("dynamodb:PutItem {table} {}", a.project_id));
    put.send().await.map_err(|e| {
        if e.as_service_error()
            .is_some_and(|s| s.is_conditional_check_failed_exception())
        {
            Error::conflict(format!(
                "the mapping of project {} changed while this ran",
                a.project_id
            ))
            .not_written("the project mapping")
            .hint("re-run the same command")
        } else {
            sdk_error("could not write the project mapping", e)
                .not_written("the project mapping")
                .hint("re-run the same command (safe to repeat)")
        }
    })?;
    ui.result(format!(
        "Mapped Linear project {} ({}) → {}",
        project.name, a.project_id, a.repo
    ));
    ui.say(format!("  Trigger label: {label}"));
    ui.say(format!("  Workspace:     {}", w.slug));
    ui.emit_json(&doc(false));
    Ok(())
}
