//! `jira doctor`, `jira webhook test` and `jira revoke` against moto, the Atlassian stand-in and
//! the local platform API (the webhook receiver at the stack's `ApiUrl`). Each doctor test
//! breaks exactly one link of a healthy installation and asserts the verdict and its fix.

use serde_json::{Value, json};

use crate::moto::platform_api::WebhookMode;
use crate::moto::{MotoServer, Platform};
use crate::setup::setup_via_callback;
use crate::support::*;

const SEEDED_SECRET: &str = "seeded-webhook-secret-xyz";
const IDS: [&str; 10] = [
    "stack",
    "tables",
    "tenant",
    "bundle",
    "token",
    "webhook-secret",
    "webhook-receiver",
    "projects",
    "users",
    "app-identity",
];

/// The Forge proxy secret of the healthy installation's app identity.
const FORGE_SECRET: &str = "forge-proxy-secret-0123456789abcdef-healthy";
/// The app account the Forge stand-in answers as.
const FORGE_ACCOUNT: &str = "557058:bgagent-forge-app";

/// A healthy installation: tenant bundle + row as setup leaves them, the stack-wide secret
/// synchronized, project ENG mapped to the active repo, one linked user, and the Forge app
/// identity configured by `jira app-setup` (its probe goes to a Forge proxy stand-in that lives
/// until the test process ends).
fn healthy_in(w: &World) -> (Oauth, String) {
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    let forge: &'static crate::forge_standin::ForgeStandin =
        Box::leak(Box::new(crate::forge_standin::ForgeStandin::start(
            Some(FORGE_SECRET),
            crate::forge_standin::Identity::app("https://acme.atlassian.net"),
        )));
    w.secret(FORGE_SECRET);
    w.env("BGAGENT_FORGE_PROBE_URL", &forge.url());
    w.run_in(
        &[
            "jira",
            "app-setup",
            &cloud,
            "--proxy-url",
            "https://healthy.webtrigger.atlassian.app/public/outbound",
            "--shared-secret-stdin",
        ],
        &format!("{FORGE_SECRET}\n"),
    )
    .ok();
    w.platform
        .put_secret_string(&w.platform.outputs["JiraWebhookSecretArn"], SEEDED_SECRET);
    w.platform.put_item_json(
        "JiraProjectMappingTableName",
        &json!({"jira_project_identity": format!("{cloud}#ENG"), "cloud_id": cloud, "project_key": "ENG",
                "repo": REPO, "label_filter": "bgagent", "status": "active",
                "onboarded_at": "2026-11-01T00:00:00.000Z", "updated_at": "2026-11-01T00:00:00.000Z"}),
    );
    w.platform.put_item_json(
        "JiraUserMappingTableName",
        &json!({"jira_identity": format!("{cloud}#acct-1"), "platform_user_id": PLATFORM_USER,
                "jira_cloud_id": cloud, "jira_account_id": "acct-1", "linked_at": "2026-11-01T00:00:00.000Z",
                "status": "active", "link_method": "cli"}),
    );
    (o, cloud)
}

fn healthy() -> (World, Oauth, String) {
    let w = World::new();
    let (o, cloud) = healthy_in(&w);
    (w, o, cloud)
}

fn doctor(w: &World, extra: &[&str]) -> (Run, Value) {
    let mut args = vec!["jira", "doctor", "--output", "json"];
    args.extend_from_slice(extra);
    let run = w.run(&args);
    let doc = run.json();
    (run, doc)
}

#[track_caller]
fn check<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["checks"]
        .as_array()
        .expect("checks[]")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {doc:#}"))
}

/// Asserts check `id` has `status`, a detail containing `detail` and a fix containing `fix`.
#[track_caller]
fn expect(doc: &Value, id: &str, status: &str, detail: &str, fix: &str) {
    let c = check(doc, id);
    assert_eq!(c["status"], status, "{id}: {c:#}\n{doc:#}");
    let d = c["detail"].as_str().unwrap_or_default();
    assert!(d.contains(detail), "{id} detail lacks {detail:?}: {c:#}");
    if !fix.is_empty() {
        let f = c["fix"].as_str().unwrap_or_default();
        assert!(f.contains(fix), "{id} fix lacks {fix:?}: {c:#}");
    }
}

/// Every item of every table and the value of every secret the stack and tenant use.
fn snapshot(w: &World, cloud: &str) -> Vec<String> {
    let mut s = Vec::new();
    for t in [
        "JiraWorkspaceRegistryTableName",
        "JiraProjectMappingTableName",
        "JiraUserMappingTableName",
        "RepoTableName",
    ] {
        let mut items: Vec<String> = w.platform.scan(t).iter().map(Value::to_string).collect();
        items.sort();
        s.push(format!("{t}: {}", items.join(",")));
    }
    s.push(format!("stack secret: {}", w.stack_secret()));
    s.push(format!(
        "bundle: {:?}",
        w.platform
            .get_secret_string(&format!("bgagent-jira-oauth-{cloud}"))
    ));
    s
}

#[test]
fn healthy_installation_is_all_green_and_doctor_writes_nothing() {
    let (w, _o, cloud) = healthy();
    let before = snapshot(&w, &cloud);
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 0, "{}", run.show());
    let ids: Vec<&str> = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, IDS);
    for id in IDS {
        expect(&doc, id, "pass", "", "");
    }
    assert_eq!(doc["summary"], json!({"pass": 10, "warn": 0, "fail": 0}));
    expect(&doc, "projects", "pass", &format!("ENG → {REPO}"), "");
    expect(
        &doc,
        "users",
        "pass",
        "1 linked user(s), 0 open invite(s)",
        "",
    );
    // The probe reached the receiver: one signed delivery accepted, one forged refused; no task.
    let hooks: Vec<u16> = w
        .platform
        .api
        .requests()
        .iter()
        .filter(|(m, p, _)| m == "POST" && p == "/v1/jira/webhook")
        .map(|(_, _, s)| *s)
        .collect();
    let mut sorted = hooks.clone();
    sorted.sort();
    assert_eq!(sorted, [200, 401], "{hooks:?}");
    assert!(w.platform.api.accepted_deliveries().is_empty());

    // Text mode: one line per check on stdout, nothing but status on stderr.
    let text = w.run(&["jira", "doctor", &cloud]);
    text.ok();
    for id in IDS {
        assert!(
            text.stdout
                .lines()
                .any(|l| l.starts_with(&format!("✓ {id} "))),
            "no ✓ line for {id}:\n{}",
            text.show()
        );
    }
    assert!(text.stdout.contains("10 passed, 0 warning(s), 0 failed"));
    assert!(!text.stdout.contains("fix:"));

    assert_eq!(before, snapshot(&w, &cloud), "doctor wrote something");
    w.assert_no_secrets();
}

#[test]
fn a_missing_output_is_named_and_the_checks_needing_it_are_skipped() {
    let template = Platform::template().replace("  ApiUrl:\n    Value: !Ref PlatformApiUrl\n", "");
    assert_ne!(template, Platform::template(), "template layout changed");
    let p = Platform::create_with_template(MotoServer::shared(), &unique("doc-no-api"), &template);
    let w = World::with_platform(p);
    let (_o, _cloud) = healthy_in(&w);
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1, "{}", run.show());
    expect(
        &doc,
        "stack",
        "fail",
        "lacks output(s): ApiUrl",
        "--stack-name",
    );
    expect(
        &doc,
        "webhook-receiver",
        "skip",
        "needs stack output(s) ApiUrl",
        "",
    );
    expect(&doc, "bundle", "pass", "", "");
    // JSON mode: stdout is exactly the report (no error document appended).
    assert_eq!(doc["summary"]["fail"], 1, "{doc:#}");
    assert!(
        run.stderr.is_empty() || !run.stderr.contains("error:"),
        "{}",
        run.show()
    );
}

#[test]
fn wrong_key_schema_and_ttl_off_fail_tables() {
    let template = Platform::template().replacen(
        "        - AttributeName: jira_cloud_id\n          AttributeType: S\n      KeySchema:\n        - AttributeName: jira_cloud_id\n",
        "        - AttributeName: cloud_id\n          AttributeType: N\n      KeySchema:\n        - AttributeName: cloud_id\n",
        1,
    );
    assert_ne!(template, Platform::template(), "template layout changed");
    let p = Platform::create_with_template(MotoServer::shared(), &unique("doc-key"), &template);
    let w = World::with_platform(p);
    let (run, doc) = doctor(&w, &["--skip-webhook-probe"]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "tables",
        "fail",
        "JiraWorkspaceRegistryTableName's key is cloud_id HASH N, not jira_cloud_id",
        "redeploy",
    );

    let (w, _o, _cloud) = healthy();
    let table = w.platform.outputs["JiraUserMappingTableName"].clone();
    let ddb = aws_sdk_dynamodb::Client::new(&w.platform.sdk);
    block_on(
        ddb.update_time_to_live()
            .table_name(&table)
            .time_to_live_specification(
                aws_sdk_dynamodb::types::TimeToLiveSpecification::builder()
                    .attribute_name("ttl")
                    .enabled(false)
                    .build()
                    .unwrap(),
            )
            .send(),
    )
    .unwrap();
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "tables",
        "fail",
        "TTL on `ttl` is not enabled",
        &format!(
            "aws dynamodb update-time-to-live --table-name {table} --time-to-live-specification Enabled=true,AttributeName=ttl"
        ),
    );
}

#[test]
fn zero_and_two_active_tenants_fail_tenant() {
    let w = World::new();
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "tenant",
        "fail",
        "no active Jira tenant",
        "bgagent jira setup",
    );
    expect(&doc, "bundle", "skip", "needs one active tenant", "");

    let (w, _o, cloud) = healthy();
    let other = random_uuid();
    w.registry_put(&other, "https://second.atlassian.net", "active");
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "tenant",
        "fail",
        "2 active tenants",
        "bgagent jira revoke",
    );
    let d = check(&doc, "tenant")["detail"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(d.contains(&cloud) && d.contains(&other), "{d}");
    // Naming the tenant to keep: the fix revokes the other one; the other checks still run.
    let (_, doc) = doctor(&w, &[&cloud]);
    expect(
        &doc,
        "tenant",
        "fail",
        "2 active tenants",
        &format!("bgagent jira revoke {other}"),
    );
    expect(&doc, "bundle", "pass", "", "");
}

#[test]
fn registry_row_without_oauth_secret_arn_fails_tenant() {
    let (w, _o, cloud) = healthy();
    let mut row = w
        .platform
        .get_item("JiraWorkspaceRegistryTableName", "jira_cloud_id", &cloud)
        .unwrap();
    row.as_object_mut().unwrap().remove("oauth_secret_arn");
    w.platform
        .put_item_json("JiraWorkspaceRegistryTableName", &row);
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "tenant",
        "fail",
        "lacks oauth_secret_arn",
        &format!("bgagent jira setup --site {cloud}"),
    );
}

/// Rewrites the tenant bundle with `f` applied.
fn edit_bundle(w: &World, cloud: &str, f: impl FnOnce(&mut Value)) {
    let mut b = w.bundle(cloud).unwrap();
    f(&mut b);
    w.platform
        .put_secret_string(&format!("bgagent-jira-oauth-{cloud}"), &b.to_string());
}

#[test]
fn bundle_missing_scope_or_with_a_foreign_cloud_id_fails_bundle() {
    let (w, _o, cloud) = healthy();
    edit_bundle(&w, &cloud, |b| {
        b.as_object_mut().unwrap().remove("scope");
    });
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "bundle",
        "fail",
        "lacks required field(s) (each must be a non-empty string): scope",
        &format!("bgagent jira setup --site {cloud}"),
    );
    // The receiver then silently falls back to the stack-wide secret: still 200, which is why
    // the bundle is checked itself.
    expect(&doc, "webhook-receiver", "pass", "", "");

    let (w, _o, cloud) = healthy();
    edit_bundle(&w, &cloud, |b| b["cloud_id"] = json!(random_uuid()));
    let (_, doc) = doctor(&w, &[]);
    expect(
        &doc,
        "bundle",
        "fail",
        "cloud_id differs from the registry's",
        "bgagent jira setup --site",
    );
}

#[test]
fn partial_and_invalid_app_actor_fail_bundle() {
    let (w, _o, cloud) = healthy();
    let full = |b: &mut Value, url: &str| {
        b["app_actor_proxy_url"] = json!(url);
        b["app_actor_shared_secret"] = json!(FORGE_SECRET);
        b["app_actor_account_id"] = json!(FORGE_ACCOUNT);
        b["app_actor_display_name"] = json!("Agent");
        b["app_actor_configured_at"] = json!("2026-11-01T00:00:00.000Z");
    };
    edit_bundle(&w, &cloud, |b| {
        full(b, "https://x.webtrigger.atlassian.app/public/abc");
        b.as_object_mut().unwrap().remove("app_actor_account_id");
    });
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "bundle",
        "fail",
        "partial app_actor_* set (missing or empty: app_actor_account_id)",
        "all five",
    );

    edit_bundle(&w, &cloud, |b| {
        full(b, "https://proxy.example.com/public/abc")
    });
    let (_, doc) = doctor(&w, &[]);
    expect(
        &doc,
        "bundle",
        "fail",
        "not *.webtrigger.atlassian.app",
        "app_actor_",
    );

    edit_bundle(&w, &cloud, |b| {
        full(b, "https://x.webtrigger.atlassian.app/public/abc")
    });
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 0, "{}", run.show());
    expect(&doc, "bundle", "pass", "app identity configured", "");
}

#[test]
fn a_grant_revoked_at_atlassian_fails_token() {
    let (w, o, cloud) = healthy();
    o.standin.revoke_all();
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "token",
        "fail",
        "HTTP 401 on /myself",
        &format!("bgagent jira setup --site {cloud}"),
    );
}

#[test]
fn an_expired_token_is_a_warning_and_verify_refresh_rotates_and_stores() {
    let w = World::new();
    let (o, cloud) = healthy_in(&w);
    edit_bundle(&w, &cloud, |b| {
        b["expires_at"] = json!("2026-01-01T00:00:00.000Z")
    });
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 0, "a warning is not a failure: {}", run.show());
    expect(&doc, "token", "warn", "expired", "--verify-refresh");
    assert_eq!(doc["summary"]["warn"], 1);
    let refreshes = o.standin.counts().refreshes;

    let old_refresh = w.bundle(&cloud).unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    let run = w.run(&["jira", "doctor", "--verify-refresh", "--output", "json"]);
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
    let doc = run.json();
    assert_eq!(run.code, 0, "{}", run.show());
    expect(&doc, "token", "pass", "refreshed", "");
    let b = w.bundle(&cloud).unwrap();
    let new_refresh = b["refresh_token"].as_str().unwrap();
    assert_ne!(new_refresh, old_refresh);
    assert!(o.standin.is_current_refresh_token(new_refresh));
    assert_eq!(o.standin.counts().refreshes, refreshes + 1);
    assert_eq!(b["x_future"], json!({"kept": true}), "foreign fields kept");
}

#[test]
fn invalid_grant_under_verify_refresh_fails_token() {
    let (w, o, cloud) = healthy();
    let current = w.bundle(&cloud).unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    // Someone rotated without storing the result: the stored refresh token is dead.
    let (a, r) = o.standin.rotate_refresh_token_externally(&current).unwrap();
    w.secret(&a);
    w.secret(&r);
    let before = snapshot(&w, &cloud);
    let (run, doc) = doctor(&w, &["--verify-refresh"]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "token",
        "fail",
        "no longer accepts the refresh token",
        &format!("bgagent jira setup --site {cloud}"),
    );
    assert_eq!(
        before,
        snapshot(&w, &cloud),
        "nothing written on invalid_grant"
    );
}

#[test]
fn the_stack_secret_still_the_placeholder_fails_webhook_secret() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "webhook-secret",
        "fail",
        "still the deployed JSON placeholder",
        &format!("bgagent jira update-webhook-secret {cloud}"),
    );
    // A differing stack secret while the tenant has its own: a warning only.
    w.platform.put_secret_string(
        &w.platform.outputs["JiraWebhookSecretArn"],
        "another-bare-secret",
    );
    w.secret("another-bare-secret");
    let (_, doc) = doctor(&w, &[]);
    expect(
        &doc,
        "webhook-secret",
        "warn",
        "differs",
        "update-webhook-secret",
    );
}

#[test]
fn a_receiver_with_a_stale_secret_or_accepting_anything_fails_the_probe() {
    let (w, _o, cloud) = healthy();
    w.platform
        .api
        .set_webhook_mode(WebhookMode::StaleSecret("old-secret-from-last-year".into()));
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "webhook-receiver",
        "fail",
        "the deployed receiver rejects the stored secret",
        &format!("bgagent jira update-webhook-secret {cloud}"),
    );
    // `webhook test` alone says the same, plus what to compare in Jira.
    let t = w.run(&["jira", "webhook", "test"]);
    assert_eq!(t.code, 1, "{}", t.show());
    assert!(t.stdout.contains("✗ webhook-receiver"), "{}", t.show());
    assert!(t.stdout.contains(&w.platform.api.webhook_url()));
    assert!(
        t.stdout
            .contains("Issue: created, Issue: updated, Comment: created")
    );

    w.platform.api.set_webhook_mode(WebhookMode::AcceptAll);
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "webhook-receiver",
        "fail",
        "accepts forged deliveries",
        "redeploy",
    );

    w.platform.api.set_webhook_mode(WebhookMode::Status(502));
    let (_, doc) = doctor(&w, &[]);
    expect(
        &doc,
        "webhook-receiver",
        "fail",
        "answered HTTP 502, expected 200",
        "",
    );
    let d = check(&doc, "webhook-receiver")["detail"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(d.contains(&w.platform.api.webhook_url()), "{d}");

    // --skip-webhook-probe: reported as skipped, nothing sent.
    let sent = w.platform.api.requests().len();
    let (run, doc) = doctor(&w, &["--skip-webhook-probe"]);
    assert_eq!(run.code, 0, "{}", run.show());
    expect(&doc, "webhook-receiver", "skip", "--skip-webhook-probe", "");
    assert_eq!(w.platform.api.requests().len(), sent);

    w.platform.api.set_webhook_mode(WebhookMode::Platform);
    let t = w.run(&["jira", "webhook", "test", "--output", "json"]);
    t.ok();
    assert_eq!(t.json()["ok"], true);
    assert_eq!(t.json()["url"], w.platform.api.webhook_url());
}

#[test]
fn mapping_to_a_removed_repo_fails_projects_and_no_mapping_warns() {
    let (w, _o, cloud) = healthy();
    w.platform.put_repo(REPO, "removed");
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 1);
    expect(
        &doc,
        "projects",
        "fail",
        &format!("ENG → {REPO} (repo status removed)"),
        &format!("bgagent jira map {cloud} ENG --repo <owner/repo> --force"),
    );

    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    w.platform
        .put_secret_string(&w.platform.outputs["JiraWebhookSecretArn"], SEEDED_SECRET);
    // An expired invite DynamoDB has not swept yet is reported as info.
    w.platform.put_item_json(
        "JiraUserMappingTableName",
        &json!({"jira_identity": "pending#link-abcdefgh", "status": "pending", "jira_cloud_id": cloud,
                "jira_account_id": "acct-2", "ttl": 1_000_000_000}),
    );
    let (run, doc) = doctor(&w, &[]);
    assert_eq!(run.code, 0, "{}", run.show());
    expect(
        &doc,
        "projects",
        "warn",
        "no active project mapping",
        &format!("bgagent jira map {cloud}"),
    );
    expect(&doc, "users", "info", "1 invite(s) past their ttl", "");
}

// ------------------------------------------------------------------------------------------
// revoke
// ------------------------------------------------------------------------------------------

#[test]
fn revoke_asks_and_dry_run_and_unknown_or_revoked_change_nothing() {
    let (w, _o, cloud) = healthy();
    let before = snapshot(&w, &cloud);
    // No terminal, no --yes: usage error naming the flag.
    w.run(&["jira", "revoke", &cloud]).fails(2, "--yes");
    let dry = w.run(&[
        "jira",
        "revoke",
        &cloud,
        "--delete-secret",
        "--dry-run",
        "--output",
        "json",
    ]);
    dry.ok();
    let d = dry.json();
    assert_eq!(d["dry_run"], true);
    assert_eq!(d["previous_status"], "active");
    assert_eq!(d["secret"]["action"], "scheduled_deletion");
    assert_eq!(d["secret"]["recovery_days"], 7);
    assert_eq!(before, snapshot(&w, &cloud));

    w.run(&["jira", "revoke", &random_uuid(), "--yes"])
        .fails(3, "is not registered");
    // --recovery-days needs --delete-secret, and is 7..=30.
    w.run(&["jira", "revoke", &cloud, "--recovery-days", "10"])
        .fails(2, "--delete-secret");
    w.run(&[
        "jira",
        "revoke",
        &cloud,
        "--delete-secret",
        "--recovery-days",
        "3",
    ])
    .fails(2, "3");
    assert_eq!(before, snapshot(&w, &cloud));

    let run = w.run(&["jira", "revoke", &cloud, "--yes"]);
    run.ok();
    assert!(
        run.stdout.contains("delete the webhook in Jira"),
        "{}",
        run.show()
    );
    assert!(run.stderr.contains("up to a minute"), "{}", run.show());
    assert!(
        run.stderr.contains("Kept: the tenant's project mappings"),
        "{}",
        run.show()
    );
    let row = w
        .platform
        .get_item("JiraWorkspaceRegistryTableName", "jira_cloud_id", &cloud)
        .unwrap();
    assert_eq!(row["status"], "revoked");
    assert_eq!(
        w.project(&cloud, "ENG").unwrap()["status"],
        "active",
        "mappings kept"
    );
    assert!(
        w.bundle(&cloud).is_some(),
        "bundle kept without --delete-secret"
    );

    let after = snapshot(&w, &cloud);
    w.run(&["jira", "revoke", &cloud, "--yes"])
        .fails(3, "already revoked");
    assert_eq!(after, snapshot(&w, &cloud));
}

#[test]
fn revoke_then_the_probe_is_refused_and_a_second_site_can_be_set_up() {
    let (w, _o, cloud) = healthy();
    let run = w.run(&[
        "jira",
        "revoke",
        &cloud,
        "--yes",
        "--delete-secret",
        "--output",
        "json",
    ]);
    run.ok();
    let d = run.json();
    assert_eq!(d["secret"]["action"], "scheduled_deletion");
    assert_eq!(
        d["secret"]["restore_command"],
        format!(
            "aws secretsmanager restore-secret --secret-id {}",
            d["secret"]["id"].as_str().unwrap()
        )
    );
    assert!(d["secret"]["deletion_date"].is_string(), "{d:#}");
    // Scheduled for deletion: no longer readable, still restorable.
    let sm = aws_sdk_secretsmanager::Client::new(&w.platform.sdk);
    assert!(
        block_on(
            sm.get_secret_value()
                .secret_id(format!("bgagent-jira-oauth-{cloud}"))
                .send()
        )
        .is_err()
    );
    let desc = block_on(
        sm.describe_secret()
            .secret_id(format!("bgagent-jira-oauth-{cloud}"))
            .send(),
    )
    .expect("still exists during the recovery window");
    assert!(desc.deleted_date().is_some());

    // Doctor: no active tenant now.
    let (_, doc) = doctor(&w, &[]);
    expect(
        &doc,
        "tenant",
        "fail",
        "no active Jira tenant",
        "bgagent jira setup",
    );

    // A second site can be set up now.
    let o2 = w.oauth(|_| {});
    let second = o2.standin.sites()[0].id.clone();
    setup_via_callback(&w, &o2, &[]).ok();
    w.register_bundle_secrets(&second);
    let row = w
        .platform
        .get_item("JiraWorkspaceRegistryTableName", "jira_cloud_id", &second)
        .unwrap();
    assert_eq!(row["status"], "active");
}

#[test]
fn revoke_with_force_delete_removes_the_bundle_and_the_probe_gets_401() {
    let (w, _o, cloud) = healthy();
    // Keep the per-tenant secret reachable for the probe: revoke without deleting first.
    w.run(&["jira", "revoke", &cloud, "--yes"]).ok();
    let t = w.run(&["jira", "webhook", "test", &cloud, "--output", "json"]);
    t.ok();
    let j = t.json();
    assert_eq!(j["tenant_status"], "revoked");
    assert!(
        j["check"]["detail"]
            .as_str()
            .unwrap()
            .contains("refuses its deliveries (HTTP 401)"),
        "{j:#}"
    );
    let statuses: Vec<u16> = w
        .platform
        .api
        .requests()
        .iter()
        .filter(|(_, p, _)| p == "/v1/jira/webhook")
        .map(|(_, _, s)| *s)
        .collect();
    assert_eq!(statuses, [401, 401]);

    // A fresh installation, revoked with --force-delete: the bundle is gone for good.
    let (w, _o, cloud) = healthy();
    let run = w.run(&[
        "jira",
        "revoke",
        &cloud,
        "--yes",
        "--delete-secret",
        "--force-delete",
        "--output",
        "json",
    ]);
    run.ok();
    assert_eq!(run.json()["secret"]["action"], "deleted");
    let sm = aws_sdk_secretsmanager::Client::new(&w.platform.sdk);
    assert!(
        block_on(
            sm.describe_secret()
                .secret_id(format!("bgagent-jira-oauth-{cloud}"))
                .send()
        )
        .is_err(),
        "force-deleted secret still exists"
    );
}
