//! `bgagent jira tenants`: the workspace registry, with each bundle's token expiry (never a token).

use crate::aws::Ctx;
use crate::aws::{Output, ddb, sdk_error, secrets};
use crate::cli::GlobalArgs;
use crate::domain::bundle::{Bundle, BundleError, secret_name};
use crate::error::Result;
use crate::terminal::Ui;

pub async fn run(g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(g, ui, &[Output::Registry]).await?;
    let t = ctx.out.get(Output::Registry);
    ui.debug(format!("dynamodb:Scan {t}"));
    let mut rows = ddb::scan_all(&ctx.ddb, t, None)
        .await
        .map_err(|e| sdk_error(format!("could not list {t}"), e))?;
    rows.sort_by(|a, b| ddb::get_s(a, "jira_cloud_id").cmp(&ddb::get_s(b, "jira_cloud_id")));
    let sm = ctx.aws.secrets();
    let bundle_id = |r: &ddb::Item| {
        ddb::get_s(r, "oauth_secret_arn")
            .map(str::to_string)
            .unwrap_or_else(|| secret_name(ddb::get_s(r, "jira_cloud_id").unwrap_or_default()))
    };
    // Every bundle read depends only on its row: all in parallel (one round trip).
    let mut reads = tokio::task::JoinSet::new();
    for (i, r) in rows.iter().enumerate() {
        let (sm, id) = (sm.clone(), bundle_id(r));
        ui.debug(format!("secretsmanager:GetSecretValue {id}"));
        reads.spawn(async move { (i, secrets::get(&sm, &id).await) });
    }
    let mut bundles: Vec<Option<_>> = (0..rows.len()).map(|_| None).collect();
    while let Some(done) = reads.join_next().await {
        let (i, got) =
            done.map_err(|e| crate::error::Error::failure("a bundle read failed").cause(e))?;
        bundles[i] = Some(got);
    }
    let mut list = Vec::new();
    for (r, got) in rows.iter().zip(bundles) {
        let cloud_id = ddb::get_s(r, "jira_cloud_id")
            .unwrap_or_default()
            .to_string();
        let (expiry, health) = match got.expect("every read joined") {
            Ok(Some(cur)) => match Bundle::parse(&cur.value) {
                Ok(b) => (b.str("expires_at").map(str::to_string), "ok".to_string()),
                Err(BundleError::Missing(m)) => {
                    (None, format!("invalid: missing {}", m.join(", ")))
                }
                Err(e) => (None, format!("invalid: {e}")),
            },
            Ok(None) => (None, "missing".into()),
            Err(e) => (None, format!("unreadable: {}", e.message)),
        };
        list.push(serde_json::json!({
            "cloud_id": cloud_id,
            "site_url": ddb::get_s(r, "site_url"),
            "status": ddb::get_s(r, "status"),
            "installed_at": ddb::get_s(r, "installed_at"),
            "installed_by_platform_user_id": ddb::get_s(r, "installed_by_platform_user_id"),
            "updated_at": ddb::get_s(r, "updated_at"),
            "token_expires_at": expiry,
            "bundle": health,
        }));
    }
    if ui.json {
        ui.emit_json(&serde_json::json!({ "tenants": list }));
        return Ok(());
    }
    if list.is_empty() {
        ui.say("No Jira tenants. Connect a site with `bgagent jira setup`.");
        return Ok(());
    }
    let s = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or("-").to_string();
    let data: Vec<Vec<String>> = list
        .iter()
        .map(|v| {
            vec![
                s(v, "cloud_id"),
                s(v, "site_url"),
                s(v, "status"),
                s(v, "installed_at"),
                s(v, "installed_by_platform_user_id"),
                s(v, "token_expires_at"),
                s(v, "bundle"),
            ]
        })
        .collect();
    ui.table(
        &[
            "CLOUD ID",
            "SITE",
            "STATUS",
            "INSTALLED AT",
            "INSTALLED BY",
            "TOKEN EXPIRES",
            "BUNDLE",
        ],
        &data,
    );
    Ok(())
}
