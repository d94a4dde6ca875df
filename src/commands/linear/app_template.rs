//! `bgagent linear app-template`: what to enter in Linear's OAuth application form. Offline.

use super::args::LinearAppTemplateArgs;
use crate::browser::redirect::parse_redirect;
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub const CONSOLE_URL: &str = "https://linear.app/settings/api/applications/new";

pub fn run(a: &LinearAppTemplateArgs, ui: &Ui) -> Result<()> {
    parse_redirect(&a.callback_url).map_err(|e| {
        Error::usage(format!("invalid --callback-url '{}': {e}", a.callback_url))
            .hint("use e.g. --callback-url http://localhost:8080/oauth/callback")
    })?;
    if !a.bot_name.ends_with("[bot]") || a.bot_name.len() <= "[bot]".len() {
        return Err(Error::usage(format!(
            "--bot-name '{}' must end with [bot]",
            a.bot_name
        ))
        .cause("Linear refuses actor=app installs (\"Invalid redirect_uri\") unless the app's GitHub username ends with [bot]")
        .hint("pass e.g. --bot-name 'bgagent[bot]'"));
    }
    let scopes = crate::linear::SCOPES.join(" ");
    if ui.json {
        ui.emit_json(&serde_json::json!({
            "console_url": CONSOLE_URL,
            "name": "bgagent",
            "developer_name": a.developer_name,
            "developer_url": a.developer_url,
            "description": a.description,
            "callback_url": a.callback_url,
            "github_username": a.bot_name,
            "webhooks": "on",
            "public": false,
            "scopes": crate::linear::SCOPES,
        }));
        return Ok(());
    }
    let rule = "═".repeat(72);
    let lines = [
        rule.clone(),
        ui.bold("Linear OAuth application for bgagent"),
        rule.clone(),
        format!("1. Open {CONSOLE_URL} (Linear → Settings → API → OAuth applications → New)"),
        "   Application name:  bgagent".into(),
        format!("   Developer name:    {}", a.developer_name),
        format!("   Developer URL:     {}", a.developer_url),
        format!("   Description:       {}", a.description),
        "2. Callback URLs (exactly, byte for byte):".into(),
        format!("   {}", a.callback_url),
        format!("3. GitHub username:  {}", a.bot_name),
        "   (must end with [bot]; otherwise Linear answers actor=app installs with \"Invalid redirect_uri\")".into(),
        "4. Webhooks: ON (required for actor=app). The webhook itself is created per workspace:".into(),
        "   see `bgagent linear webhook-info`.".into(),
        "5. Public: OFF. Save, then copy the Client ID and Client Secret.".into(),
        String::new(),
        format!("bgagent requests the scopes `{scopes}` with actor=app and prompt=consent."),
        "`admin` is not requested: Linear refuses it together with actor=app.".into(),
        format!(
            "Next: bgagent linear setup <workspace-slug> --callback-url {}",
            a.callback_url
        ),
        rule,
    ];
    for l in lines {
        ui.result(l);
    }
    Ok(())
}
