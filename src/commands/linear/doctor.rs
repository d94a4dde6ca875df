//! `bgagent linear doctor [<slug>]`: the checks of `jira doctor` for Linear, on the shared
//! scaffold (`crate::doctor`): stack outputs, table keys, the registry row, the bundle's 11
//! fields, token liveness over GraphQL `viewer`, the webhook secrets, a signed probe of
//! `<ApiUrl>linear/webhook` by Linear's signature rules, and the project mappings. Read-only
//! unless `--verify-refresh`.

use serde_json::json;

use super::Workspace;
use super::args::LinearDoctorArgs;
use crate::aws::{Aws, Output, ddb, secrets};
use crate::cli::GlobalArgs;
use crate::doctor::{Check, Report};
use crate::domain::bundle::{Bundle, BundleError};
use crate::domain::linear::{REQUIRED, is_configured_webhook_secret, secret_name};
use crate::domain::timefmt;
use crate::error::{Error, Exit, Result};
use crate::linear::graphql::{self, GqlError};
use crate::terminal::Ui;

pub const OUTPUTS: [Output; 5] = [
    Output::LinearRegistry,
    Output::LinearUsers,
    Output::LinearProjects,
    Output::LinearWebhookSecret,
    Output::ApiUrl,
];
const IDS: [&str; 8] = [
    "stack",
    "tables",
    "workspace",
    "bundle",
    "token",
    "webhook-secret",
    "webhook-receiver",
    "projects",
];

pub async fn run(a: LinearDoctorArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let report = diagnose(&a, g, ui).await?;
    report.print(ui);
    if report.failed() {
        return Err(Error::already_reported(
            Exit::Failure,
            format!("{} check(s) failed", report.summary().fail),
        ));
    }
    Ok(())
}

fn skip_rest(r: &mut Report, why: &str) {
    for id in IDS {
        if r.get(id).is_none() {
            r.push(Check::skip(id, why.to_string()));
        }
    }
}

fn read_failed(id: &'static str, e: &Error) -> Check {
    Check::fail(
        id,
        format!(
            "{}{}",
            e.message,
            e.causes
                .first()
                .map(|c| format!(": {}", c.lines().next().unwrap_or_default()))
                .unwrap_or_default()
        ),
        e.hints
            .first()
            .cloned()
            .unwrap_or_else(|| "retry; see README \"IAM\"".into()),
    )
}

/// The Linear signature: bare lower-case hex HMAC-SHA256 of the raw body.
pub fn signature(key: &str, body: &[u8]) -> String {
    crate::domain::hmac_sha256_hex(key, &[body])
}

pub async fn diagnose(a: &LinearDoctorArgs, g: &GlobalArgs, ui: &Ui) -> Result<Report> {
    let mut r = Report::default();
    let aws = Aws::connect(g, ui).await?;
    // 1. stack
    let (out, missing) = match crate::aws::stack::describe_partial(&aws, ui, &OUTPUTS).await {
        Ok(x) => x,
        Err(e) => {
            r.push(read_failed("stack", &e));
            skip_rest(&mut r, "needs the stack (see `stack`)");
            return Ok(r);
        }
    };
    if !missing.is_empty() {
        r.push(Check::fail(
            "stack",
            format!("stack '{}' lacks output(s): {}", aws.stack_name, missing.join(", ")),
            "deploy the platform stack with the Linear integration, or pass the right --stack-name/--region",
        ));
        skip_rest(&mut r, "needs every Linear output (see `stack`)");
        return Ok(r);
    }
    r.push(Check::pass(
        "stack",
        format!("stack '{}' has the Linear outputs", aws.stack_name),
    ));
    let ddb_c = aws.ddb();
    let ctx = super::Ctx {
        aws,
        out,
        ddb: ddb_c,
    };

    // 2. tables
    let tables = [
        (Output::LinearRegistry, "linear_workspace_id"),
        (Output::LinearUsers, "linear_identity"),
        (Output::LinearProjects, "linear_project_id"),
    ];
    let mut problems = Vec::new();
    for (o, key) in tables {
        let t = ctx.out.get(o);
        match ctx.ddb.describe_table().table_name(t).send().await {
            Ok(d) => {
                let ks = d
                    .table()
                    .map(|t| t.key_schema().to_vec())
                    .unwrap_or_default();
                if ks.len() != 1 || ks[0].attribute_name() != key {
                    problems.push(format!("{t}: key is not {key} alone"));
                }
                if o == Output::LinearUsers
                    && !d
                        .table()
                        .map(|t| t.global_secondary_indexes())
                        .unwrap_or_default()
                        .iter()
                        .any(|i| i.index_name() == Some("PlatformUserIndex"))
                {
                    problems.push(format!("{t}: no GSI PlatformUserIndex"));
                }
            }
            Err(e) => problems.push(format!(
                "{t}: {}",
                crate::aws::sdk_error("DescribeTable", e)
                    .causes
                    .first()
                    .cloned()
                    .unwrap_or_default()
                    .lines()
                    .next()
                    .unwrap_or_default()
            )),
        }
    }
    match ctx
        .ddb
        .describe_time_to_live()
        .table_name(ctx.out.get(Output::LinearUsers))
        .send()
        .await
    {
        Ok(t) => {
            let d = t.time_to_live_description();
            let on = d.and_then(|d| d.time_to_live_status()).map(|s| s.as_str()) == Some("ENABLED")
                && d.and_then(|d| d.attribute_name()) == Some("ttl");
            if !on {
                problems.push(
                    "user table: TTL on `ttl` is off (expired invites are never swept)".into(),
                );
            }
        }
        // Not a pass: the TTL was not seen.
        Err(e) => problems.push(format!(
            "user table: could not read its TTL setting: {}",
            crate::aws::sdk_error("DescribeTimeToLive", e)
                .causes
                .first()
                .and_then(|c| c.lines().next())
                .unwrap_or_default()
        )),
    }
    r.push(if problems.is_empty() {
        Check::pass(
            "tables",
            "registry, user and project tables have their keys; TTL and GSI on the user table",
        )
    } else {
        Check::fail(
            "tables",
            problems.join("; "),
            "redeploy the stack with the Linear integration",
        )
    });

    // 3. workspace
    let rows = match super::all_workspaces(&ctx, ui).await {
        Ok(rows) => rows,
        Err(e) => {
            r.push(read_failed("workspace", &e));
            skip_rest(&mut r, "needs the registry (see `workspace`)");
            return Ok(r);
        }
    };
    let active: Vec<&Workspace> = rows.iter().filter(|w| w.status == "active").collect();
    let chosen: std::result::Result<&Workspace, Check> = match &a.slug {
        Some(s) => rows.iter().find(|w| &w.slug == s).ok_or_else(|| {
            Check::fail(
                "workspace",
                format!("no registry row has slug '{s}'"),
                format!("bgagent linear setup {s}"),
            )
        }),
        None => match active.as_slice() {
            [one] => Ok(*one),
            [] => Err(Check::fail(
                "workspace",
                "no active workspace in the registry",
                "bgagent linear setup <slug>",
            )),
            many => Err(Check::fail(
                "workspace",
                format!(
                    "{} active workspaces: {}",
                    many.len(),
                    many.iter()
                        .map(|w| w.slug.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "name one: bgagent linear doctor <slug>",
            )),
        },
    };
    let w = match chosen {
        Ok(w) => w.clone(),
        Err(c) => {
            r.push(c);
            skip_rest(&mut r, "needs one workspace (see `workspace`)");
            return Ok(r);
        }
    };
    let odd: Vec<String> = rows
        .iter()
        .filter(|x| {
            !matches!(x.status.as_str(), "active" | "revoked")
                || x.slug.is_empty()
                || x.oauth_secret_arn.is_empty()
        })
        .map(|x| {
            format!(
                "{} ({})",
                x.id,
                if x.status.is_empty() {
                    "no status"
                } else {
                    &x.status
                }
            )
        })
        .collect();
    r.push(if w.status != "active" {
        Check::fail(
            "workspace",
            format!(
                "'{}' ({}) is {}",
                w.slug,
                w.id,
                if w.status.is_empty() {
                    "without status"
                } else {
                    &w.status
                }
            ),
            format!("bgagent linear setup {}", w.slug),
        )
    } else if !w.is_usable() {
        Check::fail(
            "workspace",
            format!(
                "'{}' ({}) lacks oauth_secret_arn: the Lambdas treat it as absent",
                w.slug, w.id
            ),
            format!("bgagent linear setup {}", w.slug),
        )
    } else if !odd.is_empty() {
        Check::warn(
            "workspace",
            format!(
                "'{}' active; rows the Lambdas cannot use: {}",
                w.slug,
                odd.join(", ")
            ),
            "bgagent linear remove-workspace <slug> --purge for stale rows",
        )
    } else {
        Check::pass("workspace", format!("'{}' ({}) is active", w.slug, w.id))
    });
    if r.failed() {
        skip_rest(&mut r, "needs an active workspace (see `workspace`)");
        return Ok(r);
    }

    // 4. bundle
    let sm = ctx.aws.secrets();
    let fix = format!("bgagent linear setup {}", w.slug);
    let bundle = match secrets::get(&sm, &w.bundle_id()).await {
        Err(e) => {
            r.push(read_failed("bundle", &e));
            None
        }
        Ok(None) => {
            r.push(Check::fail(
                "bundle",
                format!(
                    "{} does not exist (every delivery would be a 500)",
                    w.bundle_id()
                ),
                fix.clone(),
            ));
            None
        }
        Ok(Some(cur)) => match Bundle::parse_required(&cur.value, &REQUIRED) {
            Err(BundleError::Missing(m)) => {
                r.push(Check::fail("bundle", format!("lacks {} (the Lambdas drop its events; the receiver falls back to the stack-wide secret)", m.join(", ")), fix.clone()));
                None
            }
            Err(e) => {
                r.push(Check::fail("bundle", e.to_string(), fix.clone()));
                None
            }
            Ok(b) => {
                let name_ok = cur
                    .arn
                    .contains(&format!(":secret:{}-", secret_name(&w.slug)))
                    || w.bundle_id() == secret_name(&w.slug);
                let mut bad = Vec::new();
                if b.str("workspace_id") != Some(w.id.as_str()) {
                    bad.push("workspace_id differs from the registry".to_string());
                }
                if b.str("workspace_slug") != Some(w.slug.as_str()) {
                    bad.push("workspace_slug differs from the registry".to_string());
                }
                if !name_ok {
                    bad.push(format!(
                        "not named {} (the Lambdas may only read that prefix)",
                        secret_name(&w.slug)
                    ));
                }
                for k in ["expires_at", "installed_at", "updated_at"] {
                    if b.str(k).and_then(timefmt::parse).is_none() {
                        bad.push(format!("{k} is not an ISO timestamp"));
                    }
                }
                r.push(if bad.is_empty() {
                    Check::pass(
                        "bundle",
                        format!("{} has the 11 fields", secret_name(&w.slug)),
                    )
                } else {
                    Check::fail("bundle", bad.join("; "), fix.clone())
                });
                Some(b)
            }
        },
    };
    let Some(mut bundle) = bundle else {
        skip_rest(&mut r, "needs a valid bundle (see `bundle`)");
        return Ok(r);
    };

    // 5. token
    if a.verify_refresh {
        match super::fresh_bundle(&ctx, ui, &w, true).await {
            Ok(b) => bundle = b,
            Err(e) => r.push(read_failed("token", &e)),
        }
    }
    if r.get("token").is_none() {
        let fresh = crate::oauth::stored::is_fresh(&bundle, timefmt::now());
        if !fresh {
            r.push(Check::warn(
                "token",
                format!(
                    "the access token expired at {} (the Lambdas refresh on demand)",
                    bundle.str("expires_at").unwrap_or_default()
                ),
                format!("bgagent linear doctor {} --verify-refresh", w.slug),
            ));
        } else {
            match graphql::identity(ui, bundle.str("access_token").unwrap_or_default()).await {
                Ok((_, org)) if org.id == w.id => r.push(Check::pass(
                    "token",
                    format!(
                        "live: viewer answers for workspace {}{}",
                        org.url_key,
                        if a.verify_refresh {
                            "; refresh verified (rotated and stored)"
                        } else {
                            ""
                        }
                    ),
                )),
                Ok((_, org)) => r.push(Check::fail(
                    "token",
                    format!(
                        "the token is for workspace {} ({}), not {}",
                        org.url_key, org.id, w.id
                    ),
                    fix.clone(),
                )),
                Err(GqlError::Unauthenticated(d)) => r.push(Check::fail(
                    "token",
                    format!(
                        "Linear refuses the access token ({d}): the app was uninstalled or revoked"
                    ),
                    fix.clone(),
                )),
                Err(GqlError::Other(e)) => r.push(read_failed("token", &e)),
            }
        }
    }

    // 6. webhook secrets
    let ws_secret = bundle.str("webhook_signing_secret").map(str::to_string);
    let stack = secrets::get(&sm, ctx.out.get(Output::LinearWebhookSecret)).await;
    let stack_ok = matches!(&stack, Ok(Some(c)) if is_configured_webhook_secret(&c.value));
    let key = match (&ws_secret, bundle.0.get("webhook_signing_secret")) {
        (Some(s), _) if is_configured_webhook_secret(s) => {
            r.push(Check::pass(
                "webhook-secret",
                format!(
                    "the workspace has its own lin_wh_ secret{}",
                    match &stack {
                        _ if stack_ok => "; a stack-wide fallback is set".to_string(),
                        Err(e) => format!(
                            "; the stack-wide fallback could not be read ({})",
                            e.message
                        ),
                        _ => String::new(),
                    }
                ),
            ));
            Some(s.clone())
        }
        (_, Some(_)) => {
            r.push(Check::fail("webhook-secret", "webhook_signing_secret is present but not a lin_wh_ secret: every delivery is refused", format!("bgagent linear update-webhook-secret {}", w.slug)));
            None
        }
        (None, None) if stack_ok => {
            r.push(Check::warn(
                "webhook-secret",
                "no per-workspace secret: deliveries verify with the stack-wide fallback only",
                format!("bgagent linear update-webhook-secret {}", w.slug),
            ));
            stack.ok().flatten().map(|c| c.value)
        }
        _ => {
            r.push(Check::fail("webhook-secret", "neither the workspace nor the stack has a lin_wh_ secret: every delivery is refused", format!("bgagent linear update-webhook-secret {}", w.slug)));
            None
        }
    };

    // 7. the receiver probe
    if a.skip_webhook_probe {
        r.push(Check::skip("webhook-receiver", "--skip-webhook-probe"));
    } else if let Some(key) = key {
        let url = super::webhook_info::webhook_url(ctx.out.get(Output::ApiUrl));
        let body = json!({
            "type": "BgagentDoctorProbe",
            "action": "probe",
            "organizationId": w.id,
            "webhookTimestamp": (timefmt::now().unix_timestamp_nanos() / 1_000_000) as i64,
            "data": {"id": "bgagent-doctor-probe"},
        })
        .to_string()
        .into_bytes();
        let mut wrong = [0u8; 24];
        rand::fill(&mut wrong[..]);
        let client = crate::atlassian::http::client()?;
        let (good_sig, forged_sig) = (
            signature(&key, &body),
            signature(&format!("lin_wh_{}", hex::encode(wrong)), &body),
        );
        let (good, forged) = tokio::join!(
            crate::doctor::post_signed(&client, &url, "Linear-Signature", &body, &good_sig),
            crate::doctor::post_signed(&client, &url, "Linear-Signature", &body, &forged_sig),
        );
        r.push(match (good, forged) {
            (Ok(200), Ok(401)) => Check::pass("webhook-receiver", format!("{url}: signed probe 200, forged 401")),
            (Ok(401), _) => Check::fail("webhook-receiver", format!("{url} rejects the stored secret (401)"), format!("bgagent linear update-webhook-secret {} with the secret Linear shows for the webhook", w.slug)),
            (Ok(200), Ok(200)) => Check::fail("webhook-receiver", format!("{url} accepts a forged signature"), "redeploy the platform stack"),
            (Ok(s), f) => Check::fail("webhook-receiver", format!("{url}: signed probe {s}, forged {}", f.map(|x| x.to_string()).unwrap_or_else(|e| e)), "check the stack's ApiUrl and the receiver's logs"),
            (Err(e), _) => Check::fail("webhook-receiver", format!("{url}: {e}"), "check network access to the stack's ApiUrl"),
        });
    } else {
        r.push(Check::skip(
            "webhook-receiver",
            "no usable signing secret (see `webhook-secret`)",
        ));
    }

    // 8. projects
    let t = ctx.out.get(Output::LinearProjects);
    match ddb::scan_all(&ctx.ddb, t, None).await {
        Err(e) => r.push(read_failed(
            "projects",
            &crate::aws::sdk_error(format!("could not scan {t}"), e),
        )),
        Ok(rows) => {
            let active: Vec<&ddb::Item> = rows
                .iter()
                .filter(|m| ddb::get_s(m, "status") == Some("active"))
                .collect();
            let mut bad = Vec::new();
            for m in &active {
                let id = ddb::get_s(m, "linear_project_id").unwrap_or_default();
                let repo = ddb::get_s(m, "repo").unwrap_or_default();
                if crate::domain::validate::repo(repo).is_err() {
                    bad.push(format!("{id}: repo '{repo}' is not owner/repo"));
                }
                if m.get("label_filter").is_some_and(|v| v.as_s().is_err()) {
                    bad.push(format!(
                        "{id}: label_filter is not a string (the processor throws)"
                    ));
                }
            }
            let mine = active
                .iter()
                .filter(|m| ddb::get_s(m, "linear_workspace_id") == Some(w.id.as_str()))
                .count();
            r.push(if !bad.is_empty() {
                Check::fail("projects", bad.join("; "), "bgagent linear onboard-project <project-id> --repo owner/repo --force")
            } else if active.is_empty() {
                Check::warn("projects", "no active project mapping: labelled issues start nothing", format!("bgagent linear projects --slug {}, then bgagent linear onboard-project <id> --repo owner/repo", w.slug))
            } else {
                Check::pass("projects", format!("{} active mapping(s), {mine} recorded for this workspace", active.len()))
            });
        }
    }
    Ok(r)
}
