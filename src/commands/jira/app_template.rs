//! `bgagent jira app-template`: what to enter in the Atlassian developer console. Offline.

use crate::browser::redirect::parse_redirect;
use crate::cli::AppTemplateArgs;
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub const CONSOLE_URL: &str = "https://developer.atlassian.com/console/myapps/";
pub const CONSOLE_SCOPES: [&str; 3] = ["read:jira-work", "write:jira-work", "read:jira-user"];

pub fn run(a: &AppTemplateArgs, ui: &Ui) -> Result<()> {
    parse_redirect(&a.callback_url).map_err(|e| {
        Error::usage(format!("invalid --callback-url '{}': {e}", a.callback_url))
            .hint("use e.g. --callback-url http://localhost:8080/oauth/callback")
    })?;
    let name = format!("bgagent — {}", a.developer_name);
    if ui.json {
        ui.emit_json(&serde_json::json!({
            "console_url": CONSOLE_URL,
            "app_type": "OAuth 2.0 integration",
            "name": name,
            "description": a.description,
            "scopes": CONSOLE_SCOPES,
            "callback_url": a.callback_url,
            "sharing": "off",
            "offline_access": "requested at authorize time; do not add it in the console",
        }));
        return Ok(());
    }
    let rule = "═".repeat(72);
    let lines = [
        rule.clone(),
        "Atlassian OAuth 2.0 (3LO) app for bgagent".to_string(),
        rule.clone(),
        format!("1. Open {CONSOLE_URL} → Create → OAuth 2.0 integration"),
        format!("   Name:         {name}"),
        format!("   Description:  {}", a.description),
        "2. Permissions → Jira API → Add, then Configure and add these scopes:".into(),
        format!("   {}", CONSOLE_SCOPES.join(", ")),
        "3. Authorization → OAuth 2.0 (3LO) → Callback URL (exactly, byte for byte):".into(),
        format!("   {}", a.callback_url),
        "4. Distribution → Sharing: OFF (the app is for your organisation only)".into(),
        "5. Settings → copy the Client ID and Secret for `bgagent jira setup`".into(),
        String::new(),
        "Note: offline_access (refresh tokens) is requested by bgagent at authorize time;".into(),
        "      there is nothing to toggle for it in the console.".into(),
        format!("Next: bgagent jira setup --callback-url {}", a.callback_url),
        rule,
    ];
    // The template is the command's result: stdout (`app-template > app.txt` works).
    for l in lines {
        ui.result(l);
    }
    Ok(())
}
