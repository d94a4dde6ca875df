//! `bgagent linear onboard-project <project-id> --repo owner/repo`: route a Linear project's
//! labelled issues to a repository. The workspace must be active and own the project (checked
//! over GraphQL), the repository must be active on the platform, a project mapped to another
//! repository is only re-pointed with `--force`, and `onboarded_at` and unknown attributes are
//! kept. The row also records the workspace (`linear_workspace_id`, `workspace_slug`).

use aws_sdk_dynamodb::types::AttributeValue;

use super::args::OnboardProjectArgs;
use super::{Workspace, graphql_err};
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
    let w = choose_workspace(&ctx, ui, a.slug.as_deref(), "onboard-project").await?;
    let (repo_row, existing) = tokio::join!(
        ctx.get(ui, Output::Repos, "repo", &a.repo),
        ctx.get(
            ui,
            Output::LinearProjects,
            "linear_project_id",
            &a.project_id
        ),
    );
    check_active_repo(&a.repo, repo_row?)?;
    let existing = existing?;
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
    let s = |v: &str| AttributeValue::S(v.to_string());
    let mut row = existing.clone().unwrap_or_default();
    if let Some(old) = &existing {
        let old_repo = ddb::get_s(old, "repo").unwrap_or_default();
        if old_repo != a.repo && ddb::get_s(old, "status") == Some("active") && !a.force {
            return Err(Error::conflict(format!(
                "Linear project {} is already mapped to {old_repo}",
                a.project_id
            ))
            .not_written("the project mapping (unchanged)")
            .hint(format!(
                "to re-point it, run `bgagent linear onboard-project {} --repo {} --force`",
                a.project_id, a.repo
            )));
        }
    }
    row.insert("linear_project_id".into(), s(&a.project_id));
    row.insert("repo".into(), s(&a.repo));
    let label = label
        .or_else(|| {
            existing
                .as_ref()
                .and_then(|e| ddb::get_s(e, "label_filter"))
                .map(str::to_string)
        })
        .unwrap_or_else(|| DEFAULT_LABEL.to_string());
    row.insert("label_filter".into(), s(&label));
    if let Some(t) = a
        .team_id
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        row.insert("team_id".into(), s(t));
    }
    row.insert("linear_workspace_id".into(), s(&w.id));
    row.insert("workspace_slug".into(), s(&w.slug));
    row.insert("status".into(), s("active"));
    row.entry("onboarded_at".into()).or_insert_with(|| s(&now));
    let action = match &existing {
        Some(old) if *old == row => "unchanged",
        Some(_) => "updated",
        None => "created",
    };
    if action != "unchanged" {
        row.insert("updated_at".into(), s(&now));
    }
    let doc = |dry: bool| {
        serde_json::json!({
            "action": action,
            "dry_run": dry,
            "project_name": project.name,
            "mapping": ddb::to_json(&row),
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
        ui.say(serde_json::to_string_pretty(&ddb::to_json(&row)).unwrap_or_default());
        ui.emit_json(&doc(a.dry_run));
        return Ok(());
    }
    let table = ctx.out.get(Output::LinearProjects);
    let mut put = ctx
        .ddb
        .put_item()
        .table_name(table)
        .set_item(Some(row.clone()));
    // Written only over the row we read: a concurrent change makes this fail, not vanish.
    put = match existing.as_ref().and_then(|e| e.get("updated_at")) {
        None if existing.is_none() => {
            put.condition_expression("attribute_not_exists(linear_project_id)")
        }
        None => put.condition_expression("attribute_not_exists(updated_at)"),
        Some(u) => put
            .condition_expression("updated_at = :u")
            .expression_attribute_values(":u", u.clone()),
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
