//! `bgagent jira map <cloud-id> <PROJECT-KEY> --repo owner/repo`: route a Jira project's
//! labelled issues to a repository. Keeps `onboarded_at` and any `status_on_*` not given again,
//! refuses to re-point an active mapping to another repo without `--force`.

use super::tenant::check_active_tenant;
use crate::aws::Ctx;
use crate::aws::rows::{MappingRow, Row};
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::{GlobalArgs, MapArgs};
use crate::domain::{timefmt, validate};
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub const DEFAULT_LABEL: &str = "bgagent";

pub fn mapping_key(cloud_id: &str, project_key: &str) -> String {
    format!("{cloud_id}#{project_key}")
}

/// The repository must be onboarded and active in the platform's repo table (pure).
pub fn check_active_repo(repo: &str, row: Option<ddb::Item>) -> Result<()> {
    match row {
        None => Err(Error::conflict(format!("repository '{repo}' is not onboarded on the platform"))
            .not_written("the project mapping")
            .hint("onboard the repository (register it with a Blueprint so it appears in the repo table), then re-run `bgagent jira map`")),
        Some(row) => match ddb::get_s(&row, "status") {
            Some("active") => Ok(()),
            other => Err(Error::conflict(format!(
                "repository '{repo}' is onboarded but its status is '{}'; only active repositories can be targeted",
                other.unwrap_or("<none>")
            ))
            .not_written("the project mapping")
            .hint("re-activate the repository on the platform, or map the project to another --repo")),
        },
    }
}

/// What `map` will do, decided from the existing row (pure).
#[derive(Debug, PartialEq)]
pub enum Plan {
    Create(MappingRow),
    Update(MappingRow),
    Unchanged(MappingRow),
}

pub struct Wanted<'a> {
    pub cloud_id: &'a str,
    pub project_key: &'a str,
    pub repo: &'a str,
    pub label: Option<&'a str>,
    pub status_on_start: Option<&'a str>,
    pub status_on_pr: Option<&'a str>,
    pub force: bool,
    pub now: &'a str,
}

pub fn plan(existing: Option<&MappingRow>, w: &Wanted) -> Result<Plan> {
    let mut row = existing.cloned().unwrap_or_default();
    if let Some(old) = existing
        && old.repo != w.repo
        && old.status == "active"
        && !w.force
    {
        return Err(Error::conflict(format!(
            "project {} of tenant {} is already mapped to {}",
            w.project_key, w.cloud_id, old.repo
        ))
        .not_written("the project mapping (unchanged)")
        .hint(format!(
            "to re-point it, run `bgagent jira map {} {} --repo {} --force`",
            w.cloud_id, w.project_key, w.repo
        )));
    }
    row.jira_project_identity = mapping_key(w.cloud_id, w.project_key);
    row.cloud_id = w.cloud_id.to_string();
    row.project_key = w.project_key.to_string();
    row.repo = w.repo.to_string();
    row.label_filter = w
        .label
        .map(str::to_string)
        .or_else(|| {
            existing
                .map(|e| e.label_filter.clone())
                .filter(|l| !l.is_empty())
        })
        .unwrap_or_else(|| DEFAULT_LABEL.to_string());
    row.status = "active".to_string();
    if let Some(v) = validate::optional_text(w.status_on_start) {
        row.status_on_start = Some(v);
    }
    if let Some(v) = validate::optional_text(w.status_on_pr) {
        row.status_on_pr = Some(v);
    }
    if row.onboarded_at.is_empty() {
        row.onboarded_at = w.now.to_string();
    }
    match existing {
        Some(old) if *old == row => Ok(Plan::Unchanged(row)),
        Some(_) => {
            row.updated_at = Some(w.now.to_string());
            Ok(Plan::Update(row))
        }
        None => {
            row.updated_at = Some(w.now.to_string());
            Ok(Plan::Create(row))
        }
    }
}

pub async fn run(a: MapArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(g, ui, &[Output::Registry, Output::Projects, Output::Repos]).await?;
    let key = mapping_key(&a.cloud_id, &a.project_key);
    // The tenant, the repo and the current mapping in one round trip.
    let mut rows = ctx
        .batch_get(
            ui,
            &[
                (Output::Registry, "jira_cloud_id", &a.cloud_id),
                (Output::Repos, "repo", &a.repo),
                (Output::Projects, "jira_project_identity", &key),
            ],
        )
        .await?
        .into_iter();
    let (tenant, repo, existing) = (
        rows.next().flatten(),
        rows.next().flatten(),
        rows.next().flatten(),
    );
    check_active_tenant(&a.cloud_id, tenant)?;
    check_active_repo(&a.repo, repo)?;
    let current = existing.clone().map(MappingRow::from_item).transpose()?;
    let now = timefmt::iso_ms(timefmt::now());
    let wanted = Wanted {
        cloud_id: &a.cloud_id,
        project_key: &a.project_key,
        repo: &a.repo,
        label: a.label.as_deref(),
        status_on_start: a.status_on_start.as_deref(),
        status_on_pr: a.status_on_pr.as_deref(),
        force: a.force,
        now: &now,
    };
    let plan = plan(current.as_ref(), &wanted)?;
    let (action, row) = match &plan {
        Plan::Create(r) => ("created", r),
        Plan::Update(r) => ("updated", r),
        Plan::Unchanged(r) => ("unchanged", r),
    };
    let repointed = current
        .as_ref()
        .map(|e| e.repo.clone())
        .filter(|r| *r != a.repo);
    let item = row.to_item();
    if a.dry_run {
        ui.result(format!(
            "Dry run: would {} {key}:",
            match action {
                "created" => "create",
                "updated" => "update",
                _ => "leave unchanged",
            }
        ));
        ui.result(serde_json::to_string_pretty(&ddb::to_json(&item)).unwrap_or_default());
        ui.say("Nothing was written.");
        ui.emit_json(
            &serde_json::json!({"action": action, "dry_run": true, "mapping": ddb::to_json(&item)}),
        );
        return Ok(());
    }
    if let Plan::Unchanged(_) = plan {
        ui.result(format!(
            "Jira project {key} is already mapped to {} (nothing to change, nothing written)",
            a.repo
        ));
        ui.emit_json(
            &serde_json::json!({"action": action, "dry_run": false, "mapping": ddb::to_json(&item)}),
        );
        return Ok(());
    }
    // Optimistic concurrency: write only if the row is still what we read.
    let table = ctx.out.get(Output::Projects);
    let mut put = ctx
        .ddb
        .put_item()
        .table_name(table)
        .set_item(Some(item.clone()));
    put = match &existing {
        None => put.condition_expression("attribute_not_exists(jira_project_identity)"),
        // A row written by hand (the setup guide's `aws dynamodb put-item`) or by older tooling
        // may have no `updated_at`: then it must still have none.
        Some(old) => match old.get("updated_at") {
            Some(u) => put
                .condition_expression("#u = :u")
                .expression_attribute_names("#u", "updated_at")
                .expression_attribute_values(":u", u.clone()),
            None => put
                .condition_expression(
                    "attribute_exists(jira_project_identity) AND attribute_not_exists(#u)",
                )
                .expression_attribute_names("#u", "updated_at"),
        },
    };
    ui.debug(format!("dynamodb:PutItem {table} {key}"));
    crate::terminal::interrupt::writes_begin(
        &[format!("the mapping {key}")],
        &format!(
            "bgagent jira map {} {} --repo {}",
            a.cloud_id, a.project_key, a.repo
        ),
    );
    if let Err(e) = put.send().await {
        if e.as_service_error()
            .is_some_and(|s| s.is_conditional_check_failed_exception())
        {
            return Err(Error::conflict(format!(
                "the mapping {key} was changed by someone else while bgagent was writing it"
            ))
            .not_written("the project mapping")
            .hint(
                "re-run the same `bgagent jira map` command to apply it on top of the new state",
            ));
        }
        return Err(sdk_error(format!("could not write the mapping {key}"), e)
            .not_written("the project mapping"));
    }
    if let Some(old) = &repointed {
        ui.result(format!("Re-pointed Jira project {key}: {old} → {}", a.repo));
    } else {
        ui.result(format!("Mapped Jira project {key} → {}", a.repo));
    }
    ui.result(format!("  Trigger label: {}", row.label_filter));
    if let Some(v) = &row.status_on_start {
        ui.result(format!("  Status on task start: {v}"));
    }
    if let Some(v) = &row.status_on_pr {
        ui.result(format!("  Status on PR opened: {v}"));
    }
    ui.emit_json(
        &serde_json::json!({"action": action, "dry_run": false, "mapping": ddb::to_json(&item)}),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: &str = "1a2b3c4d-0000-4000-8000-123456789abc";

    fn wanted<'a>(repo: &'a str, now: &'a str) -> Wanted<'a> {
        Wanted {
            cloud_id: C,
            project_key: "ENG",
            repo,
            label: None,
            status_on_start: None,
            status_on_pr: None,
            force: false,
            now,
        }
    }

    fn row(plan: Plan) -> MappingRow {
        match plan {
            Plan::Create(r) | Plan::Update(r) | Plan::Unchanged(r) => r,
        }
    }

    #[test]
    fn create_then_rerun_is_unchanged() {
        let first = plan(None, &wanted("a/b", "T1")).unwrap();
        assert!(matches!(first, Plan::Create(_)));
        let r = row(first);
        assert_eq!(r.jira_project_identity, format!("{C}#ENG"));
        assert_eq!(r.label_filter, "bgagent");
        assert_eq!(r.onboarded_at, "T1");
        assert_eq!(r.status_on_start, None);
        assert!(!r.to_item().contains_key("status_on_start"));
        let again = plan(Some(&r), &wanted("a/b", "T2")).unwrap();
        assert_eq!(again, Plan::Unchanged(r));
    }

    #[test]
    fn keeps_onboarded_at_status_fields_and_unknown_attributes() {
        let mut w = wanted("a/b", "T1");
        w.status_on_start = Some(" In Progress ");
        let mut item = row(plan(None, &w).unwrap()).to_item();
        item.insert("x_extra".into(), ddb::s("keep"));
        let r = MappingRow::from_item(item).unwrap();
        let mut w2 = wanted("a/b", "T2");
        w2.status_on_pr = Some("In Review");
        w2.label = Some("agent");
        let r2 = row(plan(Some(&r), &w2).unwrap());
        assert_eq!(r2.onboarded_at, "T1");
        assert_eq!(r2.updated_at.as_deref(), Some("T2"));
        assert_eq!(r2.status_on_start.as_deref(), Some("In Progress"));
        assert_eq!(r2.status_on_pr.as_deref(), Some("In Review"));
        assert_eq!(r2.label_filter, "agent");
        assert_eq!(ddb::get_s(&r2.to_item(), "x_extra"), Some("keep"));
        // label not given again: kept
        let r3 = row(plan(Some(&r2), &wanted("a/b", "T3")).unwrap());
        assert_eq!(r3.label_filter, "agent");
    }

    #[test]
    fn repointing_needs_force_unless_removed() {
        let r = row(plan(None, &wanted("a/b", "T1")).unwrap());
        let e = plan(Some(&r), &wanted("c/d", "T2")).unwrap_err();
        assert_eq!(e.exit, crate::error::Exit::Conflict);
        assert!(e.hints[0].contains("--force"));
        let mut w = wanted("c/d", "T2");
        w.force = true;
        assert_eq!(row(plan(Some(&r), &w).unwrap()).repo, "c/d");
        let mut removed = r.clone();
        removed.status = "removed".into();
        let p = plan(Some(&removed), &wanted("c/d", "T2")).unwrap();
        assert!(matches!(p, Plan::Update(_)));
    }
}
