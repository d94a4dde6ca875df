//! `bgagent jira projects [<cloud-id>]`: lists project mappings.

use std::collections::HashMap;

use crate::aws::Ctx;
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::{GlobalArgs, ProjectsArgs};
use crate::error::Result;
use crate::terminal::Ui;

pub async fn run(a: ProjectsArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(g, ui, &[Output::Projects]).await?;
    let t = ctx.out.get(Output::Projects);
    let filter = a.cloud_id.as_ref().map(|c| {
        (
            "#c = :c",
            HashMap::from([("#c".to_string(), "cloud_id".to_string())]),
            HashMap::from([(":c".to_string(), ddb::s(c))]),
        )
    });
    ui.debug(format!("dynamodb:Scan {t}"));
    let mut rows = ddb::scan_all(&ctx.ddb, t, filter)
        .await
        .map_err(|e| sdk_error(format!("could not list {t}"), e))?;
    rows.sort_by(|x, y| {
        ddb::get_s(x, "jira_project_identity").cmp(&ddb::get_s(y, "jira_project_identity"))
    });
    let field = |r: &ddb::Item, k: &str| ddb::get_s(r, k).unwrap_or("").to_string();
    if ui.json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "cloud_id": field(r, "cloud_id"),
                    "project_key": field(r, "project_key"),
                    "repo": field(r, "repo"),
                    "label_filter": field(r, "label_filter"),
                    "status": field(r, "status"),
                    "status_on_start": ddb::get_s(r, "status_on_start"),
                    "status_on_pr": ddb::get_s(r, "status_on_pr"),
                    "onboarded_at": field(r, "onboarded_at"),
                    "updated_at": field(r, "updated_at"),
                })
            })
            .collect();
        ui.emit_json(&serde_json::json!({ "projects": list }));
        return Ok(());
    }
    if rows.is_empty() {
        ui.say("No project mappings. Add one with `bgagent jira map <cloud-id> <PROJECT-KEY> --repo owner/repo`.");
        return Ok(());
    }
    let data: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                field(r, "project_key"),
                field(r, "repo"),
                field(r, "label_filter"),
                field(r, "status"),
                field(r, "cloud_id"),
                field(r, "updated_at"),
            ]
        })
        .collect();
    ui.table(
        &["PROJECT", "REPO", "LABEL", "STATUS", "CLOUD ID", "UPDATED"],
        &data,
    );
    Ok(())
}
