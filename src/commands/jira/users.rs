//! `bgagent jira users <cloud-id>`: linked Jira accounts and open invites of a tenant.

use std::collections::HashMap;

use crate::aws::Ctx;
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::{GlobalArgs, UsersArgs};
use crate::domain::timefmt;
use crate::error::Result;
use crate::terminal::Ui;

pub async fn run(a: UsersArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(g, ui, &[Output::Users]).await?;
    let t = ctx.out.get(Output::Users);
    let filter = (
        "#c = :c",
        HashMap::from([("#c".to_string(), "jira_cloud_id".to_string())]),
        HashMap::from([(":c".to_string(), ddb::s(&a.cloud_id))]),
    );
    ui.debug(format!("dynamodb:Scan {t}"));
    let rows = ddb::scan_all(&ctx.ddb, t, Some(filter))
        .await
        .map_err(|e| sdk_error(format!("could not list {t}"), e))?;
    let now = timefmt::epoch_secs(timefmt::now());
    let f = |r: &ddb::Item, k: &str| {
        crate::domain::text::printable(ddb::get_s(r, k).unwrap_or_default())
    };
    let mut links = Vec::new();
    let mut invites = Vec::new();
    for r in &rows {
        let key = f(r, "jira_identity");
        if let Some(code) = key.strip_prefix("pending#") {
            let ttl = ddb::get_n(r, "ttl").unwrap_or(0);
            invites.push(serde_json::json!({
                "code": code,
                "jira_account_id": f(r, "jira_account_id"),
                "jira_user_name": f(r, "jira_user_name"),
                "jira_user_email": f(r, "jira_user_email"),
                "invited_at": f(r, "invited_at"),
                "invited_by_platform_user_id": f(r, "invited_by_platform_user_id"),
                "expires_at": timefmt::from_epoch(ttl).map(timefmt::iso_ms),
                "expired": ttl <= now,
            }));
        } else {
            links.push(serde_json::json!({
                "jira_account_id": f(r, "jira_account_id"),
                "platform_user_id": f(r, "platform_user_id"),
                "status": f(r, "status"),
                "linked_at": f(r, "linked_at"),
                "link_method": f(r, "link_method"),
            }));
        }
    }
    let key = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    links.sort_by_key(|v| key(v, "jira_account_id"));
    invites.sort_by_key(|v| key(v, "invited_at"));
    if ui.json {
        ui.emit_json(
            &serde_json::json!({"cloud_id": a.cloud_id, "links": links, "invites": invites}),
        );
        return Ok(());
    }
    if links.is_empty() && invites.is_empty() {
        ui.say(format!("No linked accounts or invites for {}. Invite someone with `bgagent jira invite-user {} <email>`.", a.cloud_id, a.cloud_id));
        return Ok(());
    }
    let rows: Vec<Vec<String>> = links
        .iter()
        .map(|v| {
            vec![
                "linked".into(),
                key(v, "jira_account_id"),
                key(v, "platform_user_id"),
                key(v, "linked_at"),
                key(v, "status"),
            ]
        })
        .chain(invites.iter().map(|v| {
            vec![
                "invite".into(),
                format!("{} {}", key(v, "jira_account_id"), key(v, "jira_user_name"))
                    .trim()
                    .to_string(),
                key(v, "code"),
                key(v, "expires_at"),
                if v["expired"] == true {
                    "expired".into()
                } else {
                    "open".into()
                },
            ]
        }))
        .collect();
    ui.table(
        &[
            "KIND",
            "JIRA ACCOUNT",
            "PLATFORM USER / CODE",
            "LINKED AT / EXPIRES",
            "STATUS",
        ],
        &rows,
    );
    Ok(())
}
