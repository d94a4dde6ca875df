//! `bgagent jira webhook test [<cloud-id>]`: doctor's signed probe of the deployed receiver on
//! its own, plus what to compare on the Jira side. For a revoked tenant the expected answer is
//! 401 (the revoke has reached the receiver).

use serde_json::json;

use super::Ctx;
use super::doctor::{probe, receiver_url};
use super::setup::WEBHOOK_EVENTS;
use crate::aws::{Output, ddb, secrets};
use crate::cli::{GlobalArgs, WebhookTestArgs};
use crate::doctor::{Check, Report, Status};
use crate::domain::bundle::{Bundle, secret_name};
use crate::domain::jira_checks as jc;
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

pub async fn run(a: WebhookTestArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(
        g,
        ui,
        &[Output::Registry, Output::WebhookSecret, Output::ApiUrl],
    )
    .await?;
    let (cloud, row) = match &a.cloud_id {
        Some(c) => {
            let row = ctx
                .get(ui, Output::Registry, "jira_cloud_id", c)
                .await?
                .ok_or_else(|| {
                    Error::conflict(format!("Jira tenant {c} is not registered"))
                        .hint("`bgagent jira tenants` lists the registered tenants")
                })?;
            (c.clone(), row)
        }
        None => {
            let active = super::active_tenants(&ctx, ui).await?;
            match &active[..] {
                [] => {
                    return Err(Error::conflict("no active Jira tenant")
                        .hint("connect a site with `bgagent jira setup`"));
                }
                [(c, _)] => {
                    let row = ctx
                        .get(ui, Output::Registry, "jira_cloud_id", c)
                        .await?
                        .unwrap_or_default();
                    (c.clone(), row)
                }
                many => {
                    return Err(Error::usage(format!(
                        "several active Jira tenants: {}",
                        many.iter()
                            .map(|(c, _)| c.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                    .hint("name one: bgagent jira webhook test <cloud-id>"));
                }
            }
        }
    };
    let active = ddb::get_s(&row, "status") == Some("active");
    let bundle_id = ddb::get_s(&row, "oauth_secret_arn")
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| secret_name(&cloud));
    let sm = ctx.aws.secrets();
    let stack_arn = ctx.out.get(Output::WebhookSecret);
    ui.debug(format!(
        "secretsmanager:GetSecretValue {bundle_id} and {stack_arn}"
    ));
    let (bundle, stack) = tokio::join!(secrets::get(&sm, &bundle_id), secrets::get(&sm, stack_arn));
    let tenant_secret = bundle?
        .and_then(|c| Bundle::parse_lenient(&c.value).ok())
        .and_then(|b| b.str("webhook_signing_secret").map(str::to_string));
    let key = jc::usable(tenant_secret.as_deref())
        .map(str::to_string)
        .or_else(|| {
            stack
                .ok()
                .flatten()
                .map(|c| c.value)
                .filter(|s| !s.trim().is_empty() && !jc::is_json_placeholder(s))
        })
        .ok_or_else(|| {
            Error::conflict(format!(
                "tenant {cloud} has no usable webhook secret to sign a probe with"
            ))
            .hint(format!("bgagent jira update-webhook-secret {cloud}"))
        })?;
    let api = ctx.out.get(Output::ApiUrl);
    let url = receiver_url(api);
    let client = crate::atlassian::http::client()?;
    let mut check = probe(ui, &client, api, &cloud, &key).await;
    if !active {
        // After a revoke the receiver must refuse the tenant's deliveries.
        check = if check.detail.contains("rejects the stored secret") {
            Check::pass(
                jc::WEBHOOK_RECEIVER,
                format!("tenant {cloud} is not active and {url} refuses its deliveries (HTTP 401)"),
            )
        } else {
            Check::fail(
                jc::WEBHOOK_RECEIVER,
                format!(
                    "tenant {cloud} is not active but {url} did not refuse its signed delivery"
                ),
                "the receiver caches registry rows for about 60 s: retry in a minute; if it persists, check the JiraWebhookFn deployment",
            )
        };
    }
    let mut report = Report::default();
    report.push(check.clone());
    if ui.json {
        ui.emit_json(&json!({
            "cloud_id": cloud,
            "tenant_status": ddb::get_s(&row, "status"),
            "url": url,
            "events": WEBHOOK_EVENTS,
            "check": check.to_json(),
            "ok": check.status == Status::Pass,
        }));
    } else {
        for l in report.lines().iter().take(report.lines().len() - 1) {
            ui.result(l);
        }
        ui.result("In Jira → Settings → System → WebHooks, the webhook must have:");
        ui.result(format!("  URL:     {url}"));
        ui.result(format!("  Events:  {}", WEBHOOK_EVENTS.join(", ")));
        ui.result(
            "  Secret:  the tenant's webhook signing secret (set a new one on both sides with `bgagent jira update-webhook-secret`)",
        );
    }
    if check.status != Status::Pass {
        return Err(Error::already_reported(
            Exit::Failure,
            "the webhook probe failed",
        ));
    }
    Ok(())
}
