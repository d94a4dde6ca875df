//! `bgagent linear projects [--slug <slug>]`: the projects of every active registered workspace
//! (from the registry, not from secret names), read to the end over GraphQL with a fresh token
//! (refreshed rotation-safely when due), joined with the project mappings.

use std::collections::HashMap;

use super::args::LinearProjectsArgs;
use super::{Workspace, graphql_err};
use crate::aws::linear_rows::LinearProjectRow;
use crate::aws::rows::Row;
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::linear::graphql;
use crate::terminal::Ui;

pub async fn run(a: LinearProjectsArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = super::ctx(g, ui, &[Output::LinearRegistry, Output::LinearProjects]).await?;
    let workspaces: Vec<Workspace> = match &a.slug {
        Some(s) => vec![super::require_active(&ctx, ui, s).await?],
        None => super::all_workspaces(&ctx, ui)
            .await?
            .into_iter()
            .filter(Workspace::is_usable)
            .collect(),
    };
    if workspaces.is_empty() {
        return Err(Error::conflict("no active Linear workspace is registered")
            .hint("connect one with `bgagent linear setup <slug>`"));
    }
    let t = ctx.out.get(Output::LinearProjects);
    ui.debug(format!("dynamodb:Scan {t}"));
    let mut mappings: HashMap<String, LinearProjectRow> = HashMap::new();
    for item in ddb::scan_all(&ctx.ddb, t, None)
        .await
        .map_err(|e| sdk_error(format!("could not scan {t}"), e))?
    {
        let key = ddb::get_s(&item, "linear_project_id").map(str::to_string);
        match LinearProjectRow::from_item(item) {
            Ok(r) => {
                mappings.insert(r.linear_project_id.clone(), r);
            }
            // Listed as unmapped, and said so: the processor cannot use such a row either.
            Err(e) => ui.warn(format!(
                "project mapping {}: {}",
                key.as_deref().unwrap_or("<no id>"),
                e.message
            )),
        }
    }
    let mut list = Vec::new();
    let mut failed = Vec::new();
    for w in &workspaces {
        let result = async {
            let b = super::fresh_bundle(&ctx, ui, w, false).await?;
            graphql::projects(ui, b.str("access_token").unwrap_or_default())
                .await
                .map_err(|e| graphql_err(e, &w.slug))
        }
        .await;
        match result {
            Ok(ps) => {
                for p in ps {
                    let m = mappings.get(&p.id);
                    // An attribute the row lacks is null, as before the rows were typed.
                    let ms = |f: fn(&LinearProjectRow) -> &str| {
                        m.map(f).filter(|v| !v.is_empty()).map(str::to_string)
                    };
                    list.push(serde_json::json!({
                        "workspace_slug": w.slug,
                        "workspace_id": w.id,
                        "id": p.id,
                        "name": p.name,
                        "team": p.team,
                        "repo": ms(|r| &r.repo),
                        "label_filter": ms(|r| &r.label_filter),
                        "mapping_status": ms(|r| &r.status),
                    }));
                }
            }
            Err(e) => {
                ui.warn(format!("workspace '{}': {}", w.slug, e.render().trim_end()));
                failed.push(
                    serde_json::json!({"workspace_slug": w.slug, "error": e.message.clone()}),
                );
            }
        }
    }
    if ui.json {
        ui.emit_json(&serde_json::json!({ "projects": list, "failed": failed }));
    } else if list.is_empty() {
        ui.say("No projects in the registered workspaces.");
    } else {
        let s = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or("-").to_string();
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|v| {
                vec![
                    s(v, "workspace_slug"),
                    s(v, "id"),
                    s(v, "name"),
                    s(v, "team"),
                    s(v, "repo"),
                ]
            })
            .collect();
        ui.table(
            &["WORKSPACE", "PROJECT ID", "NAME", "TEAM", "MAPPED TO"],
            &rows,
        );
        ui.say("Map one with `bgagent linear onboard-project <project-id> --repo owner/repo`.");
    }
    if !failed.is_empty() {
        return Err(Error::already_reported(
            crate::error::Exit::Failure,
            format!("{} workspace(s) could not be listed", failed.len()),
        ));
    }
    Ok(())
}
