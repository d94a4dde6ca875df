//! `bgagent jira doctor [<cloud-id>]`: every link of the Jira trigger chain, read-only (except
//! `--verify-refresh`), independent reads concurrently. The verdicts are the pure functions
//! of `domain::jira_checks`; this file only reads and sequences.
//!
//! Phases: the stack (one live `DescribeStacks`) → tables, registry, projects, users and the
//! stack-wide secret at once → the bundle and the mapped repos at once → the token and the
//! signed webhook probe at once.

use std::collections::{BTreeSet, HashMap};

use serde_json::json;

use super::Ctx;
use crate::atlassian::{self, http};
use crate::aws::{Aws, Output, Outputs, ddb, sdk_error, secrets, stack};
use crate::cli::{DoctorArgs, GlobalArgs};
use crate::doctor::{Check, Report};
use crate::domain::bundle::Bundle;
use crate::domain::jira_checks::{self as jc, TenantRow};
use crate::domain::timefmt;
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

/// Every output the Jira integration uses.
pub const OUTPUTS: [Output; 6] = [
    Output::Registry,
    Output::Projects,
    Output::Users,
    Output::WebhookSecret,
    Output::Repos,
    Output::ApiUrl,
];

pub async fn run(a: DoctorArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
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

/// A failed read as a failing check: the error's message, its first hint as the fix.
fn read_failed(id: &'static str, e: &Error) -> Check {
    let detail = match e.causes.first() {
        Some(c) => format!("{}: {}", e.message, first_line(c)),
        None => e.message.clone(),
    };
    Check::fail(
        id,
        detail,
        e.hints
            .first()
            .cloned()
            .unwrap_or_else(|| "retry; see README \"IAM\" for the permissions doctor needs".into()),
    )
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or_default()
}

/// Skips the checks in `ids` that were not reported yet.
fn skip_rest(r: &mut Report, ids: &[&'static str], why: &str) {
    for id in ids {
        if r.get(id).is_none() {
            r.push(Check::skip(id, why));
        }
    }
}

/// The outputs among `need` that the stack lacks, as a skip verdict.
fn needs(out: &Outputs, id: &'static str, need: &[Output]) -> Option<Check> {
    let missing: Vec<&str> = need
        .iter()
        .filter(|o| out.try_get(**o).is_none())
        .map(|o| o.key())
        .collect();
    (!missing.is_empty()).then(|| {
        Check::skip(
            id,
            format!("needs stack output(s) {} (see stack)", missing.join(", ")),
        )
    })
}

async fn scan(ctx: &Ctx, ui: &Ui, o: Output) -> Option<Result<Vec<ddb::Item>>> {
    let t = ctx.out.try_get(o)?;
    ui.debug(format!("dynamodb:Scan {t}"));
    Some(
        ddb::scan_all(&ctx.ddb, t, None)
            .await
            .map_err(|e| sdk_error(format!("could not scan {t}"), e)),
    )
}

pub async fn diagnose(a: &DoctorArgs, g: &GlobalArgs, ui: &Ui) -> Result<Report> {
    let aws = Aws::connect(g, ui).await?;
    let mut r = Report::default();

    // 1. stack
    let (out, missing) = match stack::describe_partial(&aws, ui, &OUTPUTS).await {
        Ok(x) => x,
        Err(e) => {
            r.push(read_failed(jc::STACK, &e));
            skip_rest(&mut r, &jc::IDS, "needs the stack (see stack)");
            return Ok(r);
        }
    };
    r.push(if missing.is_empty() {
        Check::pass(
            jc::STACK,
            format!(
                "stack '{}' has all {} outputs the Jira integration uses",
                aws.stack_name,
                OUTPUTS.len()
            ),
        )
    } else {
        Check::fail(
            jc::STACK,
            format!(
                "stack '{}' lacks output(s): {}",
                aws.stack_name,
                missing.join(", ")
            ),
            "deploy the platform stack with the Jira integration enabled, or pass the right --stack-name / --region",
        )
    });
    let ddb_client = aws.ddb();
    let ctx = Ctx {
        aws,
        out,
        ddb: ddb_client,
    };
    let sm = ctx.aws.secrets();

    // 2. Independent reads at once.
    let stack_secret = async {
        let arn = ctx.out.try_get(Output::WebhookSecret)?;
        ui.debug(format!("secretsmanager:GetSecretValue {arn}"));
        Some(secrets::get(&sm, arn).await)
    };
    let (tables, registry, mappings, users, stack_secret) = tokio::join!(
        tables_check(&ctx, ui),
        scan(&ctx, ui, Output::Registry),
        scan(&ctx, ui, Output::Projects),
        scan(&ctx, ui, Output::Users),
        stack_secret,
    );
    r.push(tables);

    // 3. tenant
    let rows = match registry {
        None => {
            r.push(needs(&ctx.out, jc::TENANT, &[Output::Registry]).expect("missing"));
            skip_rest(&mut r, &jc::IDS, "needs the registry (see tenant)");
            return Ok(r);
        }
        Some(Err(e)) => {
            r.push(read_failed(jc::TENANT, &e));
            skip_rest(&mut r, &jc::IDS, "needs the registry (see tenant)");
            return Ok(r);
        }
        Some(Ok(rows)) => rows,
    };
    let registry_items = rows.clone();
    let rows: Vec<TenantRow> = rows
        .iter()
        .map(|i| TenantRow {
            cloud_id: ddb::get_s(i, "jira_cloud_id")
                .unwrap_or_default()
                .to_string(),
            site_url: ddb::get_s(i, "site_url").map(str::to_string),
            oauth_secret_arn: ddb::get_s(i, "oauth_secret_arn").map(str::to_string),
            status: ddb::get_s(i, "status").map(str::to_string),
        })
        .collect();
    let (tenant_check, tenant) = jc::tenant(&rows, a.cloud_id.as_deref());
    let tenant_ok = tenant_check.status != crate::doctor::Status::Fail;
    r.push(tenant_check);
    // With several active tenants and none named, nothing below can be attributed.
    let Some(tenant) = tenant.filter(|t| t.is_active() || tenant_ok) else {
        skip_rest(
            &mut r,
            &jc::IDS,
            "needs one active tenant (see tenant; name one: bgagent jira doctor <cloud-id>)",
        );
        return Ok(r);
    };
    let active: BTreeSet<String> = rows
        .iter()
        .filter(|t| t.is_active())
        .map(|t| t.cloud_id.clone())
        .collect();

    // 4. The bundle and the mapped repos at once.
    let bundle_id = tenant.bundle_id();
    let bundle_read = async {
        ui.debug(format!("secretsmanager:GetSecretValue {bundle_id}"));
        secrets::get(&sm, &bundle_id).await
    };
    let mappings = mappings.map(|m| m.map(|rows| active_mappings(&rows)));
    let repo_names: Vec<String> = match &mappings {
        Some(Ok(m)) => m
            .iter()
            .filter(|m| m.cloud_id == tenant.cloud_id)
            .map(|m| m.repo.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    let (bundle_value, repos) = tokio::join!(bundle_read, repo_statuses(&ctx, ui, &repo_names));
    let bundle = match bundle_value {
        Ok(v) => {
            let (c, b) = jc::bundle(&tenant, v.as_ref().map(|c| c.value.as_str()));
            r.push(c);
            b
        }
        Err(e) => {
            r.push(read_failed(jc::BUNDLE, &e));
            None
        }
    };

    // 5./6./7. The token and the probe at once; the secret comparison is pure.
    let stack_value = match stack_secret {
        None => None,
        Some(Ok(v)) => Some(v.map(|c| c.value)),
        Some(Err(e)) => {
            r.push(read_failed(jc::WEBHOOK_SECRET, &e));
            None
        }
    };
    let tenant_secret = bundle
        .as_ref()
        .and_then(|b| b.str("webhook_signing_secret"))
        .map(str::to_string);
    let signing_key = jc::usable(tenant_secret.as_deref())
        .map(str::to_string)
        .or_else(|| {
            stack_value
                .clone()
                .flatten()
                .filter(|s| !s.trim().is_empty() && !jc::is_json_placeholder(s))
        });
    // One HTTP client (TLS set-up is the costly part) for the Atlassian calls and the probe.
    let client = http::client()?;
    let token = token_check(a, ui, &client, &sm, &tenant, bundle.as_ref());
    let probe = async {
        if a.skip_webhook_probe {
            return Check::skip(jc::WEBHOOK_RECEIVER, "--skip-webhook-probe: not probed");
        }
        if let Some(c) = needs(&ctx.out, jc::WEBHOOK_RECEIVER, &[Output::ApiUrl]) {
            return c;
        }
        let Some(key) = &signing_key else {
            return Check::skip(
                jc::WEBHOOK_RECEIVER,
                "no usable webhook secret to sign a probe with (see webhook-secret)",
            );
        };
        probe(
            ui,
            &client,
            ctx.out.get(Output::ApiUrl),
            &tenant.cloud_id,
            key,
        )
        .await
    };
    let (token, probe) = tokio::join!(token, probe);
    r.push(token);
    if r.get(jc::WEBHOOK_SECRET).is_none() {
        r.push(
            match needs(&ctx.out, jc::WEBHOOK_SECRET, &[Output::WebhookSecret]) {
                Some(skip) => skip,
                None if bundle.is_none() => Check::skip(
                    jc::WEBHOOK_SECRET,
                    "needs a valid tenant bundle (see bundle)",
                ),
                None => jc::webhook_secret(
                    &tenant.cloud_id,
                    tenant_secret.as_deref(),
                    stack_value.flatten().as_deref(),
                ),
            },
        );
    }
    r.push(probe);

    // 8. projects
    r.push(match (mappings, repos) {
        (None, _) => needs(&ctx.out, jc::PROJECTS, &[Output::Projects]).expect("missing"),
        (Some(Err(e)), _) => read_failed(jc::PROJECTS, &e),
        (_, Err(e)) => read_failed(jc::PROJECTS, &e),
        (Some(Ok(m)), Ok(repos)) => projects_verdict(&tenant.cloud_id, &active, &m, &repos),
    });

    // 9. users
    r.push(match users {
        None => needs(&ctx.out, jc::USERS, &[Output::Users]).expect("missing"),
        Some(Err(e)) => read_failed(jc::USERS, &e),
        Some(Ok(rows)) => {
            users_verdict(&tenant.cloud_id, &rows, timefmt::epoch_secs(timefmt::now()))
        }
    });

    // 10. app-identity: the Forge app identity, its signed probe re-run.
    let row = registry_items
        .iter()
        .find(|i| ddb::get_s(i, "jira_cloud_id") == Some(tenant.cloud_id.as_str()));
    r.push(super::app_setup::doctor_check(ui, &tenant.cloud_id, row, bundle.as_ref()).await);
    Ok(r)
}

// ------------------------------------------------------------------------------------------
// tables
// ------------------------------------------------------------------------------------------

/// One table's key schema problems (and, for the user table, the GSI), or why it could not be read.
async fn describe_key(ctx: &Ctx, ui: &Ui, o: Output, key: &str) -> Vec<String> {
    use aws_sdk_dynamodb::error::ProvideErrorMetadata;
    let Some(t) = ctx.out.try_get(o) else {
        return Vec::new();
    };
    ui.debug(format!("dynamodb:DescribeTable {t}"));
    let d = match ctx.ddb.describe_table().table_name(t).send().await {
        Ok(d) => d,
        Err(e) if e.code() == Some("ResourceNotFoundException") => {
            return vec![format!("table {t} ({}) does not exist", o.key())];
        }
        Err(e) => {
            let e = sdk_error(format!("could not describe {t}"), e);
            return vec![format!(
                "{}{}",
                e.message,
                e.causes
                    .first()
                    .map(|c| format!(": {}", first_line(c)))
                    .unwrap_or_default()
            )];
        }
    };
    let Some(desc) = d.table() else {
        return vec![format!("DescribeTable {t} returned no table")];
    };
    let types: HashMap<&str, &str> = desc
        .attribute_definitions()
        .iter()
        .map(|a| (a.attribute_name(), a.attribute_type().as_str()))
        .collect();
    let schema = |ks: &[aws_sdk_dynamodb::types::KeySchemaElement]| -> jc::KeySchema {
        ks.iter()
            .map(|k| {
                (
                    k.attribute_name().to_string(),
                    k.key_type().as_str().to_string(),
                    types
                        .get(k.attribute_name())
                        .copied()
                        .unwrap_or("?")
                        .to_string(),
                )
            })
            .collect()
    };
    let mut p = jc::key_schema_problems(o.key(), key, &schema(desc.key_schema()));
    if o == Output::Users {
        let gsi = desc
            .global_secondary_indexes()
            .iter()
            .find(|g| g.index_name() == Some("PlatformUserIndex"));
        let want: jc::KeySchema = vec![
            ("platform_user_id".into(), "HASH".into(), "S".into()),
            ("linked_at".into(), "RANGE".into(), "S".into()),
        ];
        match gsi {
            None => p.push(format!("{} has no GSI PlatformUserIndex", o.key())),
            Some(g) if schema(g.key_schema()) != want => p.push(format!(
                "{}'s GSI PlatformUserIndex is not (platform_user_id HASH, linked_at RANGE)",
                o.key()
            )),
            Some(_) => {}
        }
    }
    p
}

async fn ttl_problem(ctx: &Ctx, ui: &Ui) -> Option<(String, String)> {
    use aws_sdk_dynamodb::types::TimeToLiveStatus;
    let t = ctx.out.try_get(Output::Users)?;
    ui.debug(format!("dynamodb:DescribeTimeToLive {t}"));
    let fix = format!(
        "aws dynamodb update-time-to-live --table-name {t} --time-to-live-specification Enabled=true,AttributeName=ttl"
    );
    match ctx.ddb.describe_time_to_live().table_name(t).send().await {
        Ok(d) => {
            let d = d.time_to_live_description();
            let on = d.and_then(|d| d.time_to_live_status()) == Some(&TimeToLiveStatus::Enabled)
                && d.and_then(|d| d.attribute_name()) == Some("ttl");
            (!on).then(|| {
                (
                    format!("TTL on `ttl` is not enabled on {t} (expired invites are never swept)"),
                    fix,
                )
            })
        }
        Err(_) => None, // A missing table is reported by describe_key.
    }
}

async fn tables_check(ctx: &Ctx, ui: &Ui) -> Check {
    let (reg, proj, users, repos, ttl) = tokio::join!(
        describe_key(ctx, ui, Output::Registry, "jira_cloud_id"),
        describe_key(ctx, ui, Output::Projects, "jira_project_identity"),
        describe_key(ctx, ui, Output::Users, "jira_identity"),
        describe_key(ctx, ui, Output::Repos, "repo"),
        ttl_problem(ctx, ui),
    );
    let problems: Vec<String> = [reg, proj, users, repos].concat();
    let checked = [
        Output::Registry,
        Output::Projects,
        Output::Users,
        Output::Repos,
    ]
    .iter()
    .filter(|o| ctx.out.try_get(**o).is_some())
    .count();
    if checked == 0 {
        return Check::skip(jc::TABLES, "needs the table outputs (see stack)");
    }
    if !problems.is_empty() {
        return Check::fail(
            jc::TABLES,
            problems.join("; "),
            "redeploy the platform stack: the tables must have the keys of the wire contract (README \"Checking an installation\")",
        );
    }
    if let Some((detail, fix)) = ttl {
        return Check::fail(jc::TABLES, detail, fix);
    }
    Check::pass(
        jc::TABLES,
        format!(
            "{checked} table(s) with the contract's keys; TTL on ttl and PlatformUserIndex present"
        ),
    )
}

// ------------------------------------------------------------------------------------------
// token
// ------------------------------------------------------------------------------------------

async fn token_check(
    a: &DoctorArgs,
    ui: &Ui,
    client: &reqwest::Client,
    sm: &aws_sdk_secretsmanager::Client,
    tenant: &TenantRow,
    bundle: Option<&Bundle>,
) -> Check {
    let Some(b) = bundle else {
        return Check::skip(jc::TOKEN, "needs a valid tenant bundle (see bundle)");
    };
    let cloud = &tenant.cloud_id;
    let (token, note) = if a.verify_refresh {
        match super::tenant_token::refresh_now(sm, ui, &tenant.bundle_id(), cloud).await {
            Ok(nb) => (
                nb.str("access_token").unwrap_or_default().to_string(),
                format!(
                    "refreshed: the rotated refresh token is stored, new access token valid until {}",
                    nb.str("expires_at").unwrap_or_default()
                ),
            ),
            Err(e) => {
                let mut c = read_failed(jc::TOKEN, &e);
                c.fix = Some(jc::setup_fix(cloud));
                return c;
            }
        }
    } else {
        match jc::token_expiry(b, timefmt::now()) {
            Ok(note) => (b.str("access_token").unwrap_or_default().to_string(), note),
            Err(warn) => return warn,
        }
    };
    let fix = jc::setup_fix(cloud);
    let sites_url = sites_url();
    let (sites, me) = tokio::join!(
        atlassian_get(ui, client, "accessible-resources", &sites_url, &token),
        async {
            match atlassian::api::jira_url(cloud, "/myself", &[]) {
                Ok(u) => atlassian_get(ui, client, "/myself", &u, &token).await,
                Err(e) => Err(e.message.clone()),
            }
        }
    );
    match me {
        Ok((401, _)) => {
            return Check::fail(
                jc::TOKEN,
                "Atlassian refused the access token (HTTP 401 on /myself): the grant was revoked",
                fix,
            );
        }
        Ok((200, _)) => {}
        Ok((s, _)) => {
            return Check::fail(jc::TOKEN, format!("/myself answered HTTP {s}"), fix);
        }
        Err(e) => return Check::fail(jc::TOKEN, e, "check network access to Atlassian and retry"),
    }
    let sites: Vec<atlassian::api::Site> = match sites {
        Ok((200, body)) => serde_json::from_str(&body).unwrap_or_default(),
        Ok((s, _)) => {
            return Check::fail(
                jc::TOKEN,
                format!("accessible-resources answered HTTP {s}"),
                fix,
            );
        }
        Err(e) => return Check::fail(jc::TOKEN, e, "check network access to Atlassian and retry"),
    };
    match sites.iter().find(|s| &s.id == cloud) {
        None => Check::fail(
            jc::TOKEN,
            format!("the grant no longer lists site {cloud} (accessible-resources)"),
            fix,
        ),
        Some(s) if !s.has_jira_scopes() => Check::fail(
            jc::TOKEN,
            format!("site {cloud} is listed without Jira scopes"),
            fix,
        ),
        Some(_) => Check::pass(
            jc::TOKEN,
            format!("{note}; the grant lists the site with Jira scopes and /myself answers"),
        ),
    }
}

fn sites_url() -> String {
    format!("{}/oauth/token/accessible-resources", atlassian::api_base())
}

/// GET with the bearer token: (status, body), or a one-line transport error.
async fn atlassian_get(
    ui: &Ui,
    client: &reqwest::Client,
    what: &str,
    url: &str,
    token: &str,
) -> std::result::Result<(u16, String), String> {
    let resp = http::send(ui, what, true, || {
        client
            .get(url)
            .bearer_auth(token)
            .header(reqwest::header::ACCEPT, "application/json")
    })
    .await
    .map_err(|e| {
        let origin = url::Url::parse(url)
            .map(|u| format!("{}{}", u.origin().ascii_serialization(), u.path()))
            .unwrap_or_default();
        format!(
            "{} ({origin}){}",
            e.message,
            e.causes
                .first()
                .map(|c| format!(": {}", first_line(c)))
                .unwrap_or_default()
        )
    })?;
    let status = resp.status().as_u16();
    Ok((status, resp.text().await.unwrap_or_default()))
}

// ------------------------------------------------------------------------------------------
// webhook receiver
// ------------------------------------------------------------------------------------------

/// `<ApiUrl>jira/webhook`.
pub fn receiver_url(api_url: &str) -> String {
    format!("{}/jira/webhook", api_url.trim_end_matches('/'))
}

/// The probe delivery: an event type the platform ignores (no task is created), a current
/// timestamp in ms, and the tenant's cloud id.
pub fn probe_body(cloud_id: &str) -> Vec<u8> {
    json!({
        "webhookEvent": "bgagent:doctor_probe",
        "timestamp": (timefmt::now().unix_timestamp_nanos() / 1_000_000) as i64,
        "cloudId": cloud_id,
    })
    .to_string()
    .into_bytes()
}

/// Check 7: the stored secret's signature must get 200, a random key's 401.
pub async fn probe(
    ui: &Ui,
    client: &reqwest::Client,
    api_url: &str,
    cloud_id: &str,
    key: &str,
) -> Check {
    let url = receiver_url(api_url);
    let body = probe_body(cloud_id);
    let wrong = crate::commands::jira::webhook_secret::generate();
    ui.debug(format!("POST {url} (signed probe, then a forged one)"));
    let (good_sig, bad_sig) = (
        jc::hub_signature(key, &body),
        jc::hub_signature(&wrong, &body),
    );
    let (real, forged) = tokio::join!(
        crate::doctor::post_signed(client, &url, "X-Hub-Signature", &body, &good_sig),
        crate::doctor::post_signed(client, &url, "X-Hub-Signature", &body, &bad_sig),
    );
    jc::receiver_verdict(&url, cloud_id, real, forged)
}

// ------------------------------------------------------------------------------------------
// projects and users
// ------------------------------------------------------------------------------------------

pub struct Mapping {
    pub cloud_id: String,
    pub project_key: String,
    pub repo: String,
}

fn active_mappings(rows: &[ddb::Item]) -> Vec<Mapping> {
    rows.iter()
        .filter(|r| ddb::get_s(r, "status") == Some("active"))
        .map(|r| {
            let id = ddb::get_s(r, "jira_project_identity").unwrap_or_default();
            let (c, k) = id.split_once('#').unwrap_or((id, ""));
            Mapping {
                cloud_id: ddb::get_s(r, "cloud_id").unwrap_or(c).to_string(),
                project_key: ddb::get_s(r, "project_key").unwrap_or(k).to_string(),
                repo: ddb::get_s(r, "repo").unwrap_or_default().to_string(),
            }
        })
        .collect()
}

/// The `status` of each repo (absent: not in the repo table).
async fn repo_statuses(
    ctx: &Ctx,
    ui: &Ui,
    repos: &[String],
) -> Result<HashMap<String, Option<String>>> {
    let mut out = HashMap::new();
    if ctx.out.try_get(Output::Repos).is_none() {
        return Ok(out);
    }
    for chunk in repos.chunks(100) {
        let wanted: Vec<(Output, &str, &str)> = chunk
            .iter()
            .map(|r| (Output::Repos, "repo", r.as_str()))
            .collect();
        let items = ctx.batch_get(ui, &wanted).await?;
        for (repo, item) in chunk.iter().zip(items) {
            out.insert(
                repo.clone(),
                item.as_ref()
                    .and_then(|i| ddb::get_s(i, "status"))
                    .map(str::to_string),
            );
        }
    }
    Ok(out)
}

fn projects_verdict(
    cloud: &str,
    active: &BTreeSet<String>,
    mappings: &[Mapping],
    repos: &HashMap<String, Option<String>>,
) -> Check {
    let mine: Vec<&Mapping> = mappings.iter().filter(|m| m.cloud_id == cloud).collect();
    let broken: Vec<&&Mapping> = mine
        .iter()
        .filter(|m| repos.get(&m.repo).and_then(|s| s.as_deref()) != Some("active"))
        .collect();
    if !broken.is_empty() {
        let detail = broken
            .iter()
            .map(|m| {
                format!(
                    "{} → {} (repo {})",
                    m.project_key,
                    m.repo,
                    match repos.get(&m.repo).and_then(|s| s.as_deref()) {
                        Some(s) => format!("status {s}"),
                        None => "not onboarded".into(),
                    }
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let m = broken[0];
        return Check::fail(
            jc::PROJECTS,
            format!("mapped to a repo that is not active: {detail}"),
            format!(
                "onboard the repo on the platform, or re-point: bgagent jira map {cloud} {} --repo <owner/repo> --force, or stop routing: bgagent jira unmap {cloud} {}",
                m.project_key, m.project_key
            ),
        );
    }
    let orphans: Vec<String> = mappings
        .iter()
        .filter(|m| !active.contains(&m.cloud_id))
        .map(|m| format!("{}#{}", m.cloud_id, m.project_key))
        .collect();
    if !orphans.is_empty() {
        return Check::warn(
            jc::PROJECTS,
            format!(
                "{} active mapping(s) of this tenant; active mappings of tenants that are not active: {}",
                mine.len(),
                orphans.join(", ")
            ),
            "bgagent jira unmap <cloud-id> <KEY> for each, if they are no longer wanted",
        );
    }
    if mine.is_empty() {
        return Check::warn(
            jc::PROJECTS,
            "no active project mapping: labelled issues have nowhere to go",
            format!("bgagent jira map {cloud} <PROJECT-KEY> --repo owner/repo"),
        );
    }
    Check::pass(
        jc::PROJECTS,
        format!(
            "{} active mapping(s), each to an active repo: {}",
            mine.len(),
            mine.iter()
                .map(|m| format!("{} → {}", m.project_key, m.repo))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}

fn users_verdict(cloud: &str, rows: &[ddb::Item], now: i64) -> Check {
    let mine = rows
        .iter()
        .filter(|r| ddb::get_s(r, "jira_cloud_id") == Some(cloud));
    let (mut linked, mut open, mut expired) = (0, 0, 0);
    for r in mine {
        let key = ddb::get_s(r, "jira_identity").unwrap_or_default();
        if key.starts_with("pending#") {
            if ddb::get_n(r, "ttl").unwrap_or(0) <= now {
                expired += 1;
            } else {
                open += 1;
            }
        } else if ddb::get_s(r, "status") == Some("active") {
            linked += 1;
        }
    }
    let detail = format!("{linked} linked user(s), {open} open invite(s)");
    if expired > 0 {
        Check::info(
            jc::USERS,
            format!(
                "{detail}; {expired} invite(s) past their ttl that DynamoDB has not swept yet (they cannot be redeemed)"
            ),
        )
    } else {
        Check::pass(jc::USERS, detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probe_body_is_an_ignored_event_with_a_ms_timestamp_and_the_cloud_id() {
        let v: serde_json::Value = serde_json::from_slice(&probe_body("c-1")).unwrap();
        assert_eq!(v["webhookEvent"], "bgagent:doctor_probe");
        assert_eq!(v["cloudId"], "c-1");
        let now_ms = timefmt::now().unix_timestamp() * 1000;
        let ts = v["timestamp"].as_i64().expect("a number");
        assert!((now_ms - 5_000..=now_ms + 5_000).contains(&ts), "{ts}");
        assert_eq!(
            receiver_url("http://127.0.0.1:9/v1/"),
            "http://127.0.0.1:9/v1/jira/webhook"
        );
        assert_eq!(receiver_url("https://x/v1"), "https://x/v1/jira/webhook");
    }
}
