//! `bgagent linear webhook-info`: where and how to create the Linear webhook of a workspace.

use crate::aws::Output;
use crate::cli::GlobalArgs;
use crate::error::Result;
use crate::terminal::Ui;

pub const RESOURCE_TYPES: [&str; 2] = ["Issues", "Comments"];

pub fn webhook_url(api_url: &str) -> String {
    format!("{}/linear/webhook", api_url.trim_end_matches('/'))
}

pub async fn run(g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = super::ctx(g, ui, &[Output::ApiUrl]).await?;
    let url = webhook_url(ctx.out.get(Output::ApiUrl));
    if ui.json {
        ui.emit_json(&serde_json::json!({
            "url": url,
            "resource_types": RESOURCE_TYPES,
            "secret_command": "bgagent linear update-webhook-secret <slug>",
        }));
        return Ok(());
    }
    let rule = "═".repeat(72);
    for l in [
        rule.clone(),
        ui.bold("Linear webhook configuration"),
        rule.clone(),
        "In each Linear workspace: Settings → API → Webhooks → + New webhook".into(),
        format!("  URL:             {url}"),
        format!("  Resource types:  {}", RESOURCE_TYPES.join(", ")),
        "                   Issues: the trigger label starts a task (and epic orchestration);"
            .into(),
        "                   Comments: @bgagent in a comment re-iterates on the task.".into(),
        "  Team:            whichever team owns the projects you map (or all public teams)".into(),
        String::new(),
        "Linear then shows the webhook's signing secret (lin_wh_…). Store it with:".into(),
        "  bgagent linear update-webhook-secret <slug> --webhook-secret-stdin".into(),
        "(or give it to `bgagent linear setup <slug>` / `add-workspace <slug>` directly).".into(),
        "Every workspace needs its own webhook and its own signing secret.".into(),
        rule,
    ] {
        ui.result(l);
    }
    Ok(())
}
