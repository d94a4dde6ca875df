//! `jira app-setup`: the real binary against moto and the Forge proxy stand-in
//! (`examples/local/forge_standin.rs`), reached through the test-only `BGAGENT_FORGE_PROBE_URL`.

use serde_json::{Value, json};

use crate::forge_standin::{ForgeStandin, Identity};
use crate::moto::MotoServer;
use crate::proxy::{Action, Proxy};
use crate::support::*;

/// A production-shaped proxy URL (what is validated and stored); the probe goes to the stand-in.
const PROXY_URL: &str =
    "https://9f3c2a71-bgagent.webtrigger.atlassian.app/public/6d1e0b4c-outbound";
const SITE: &str = "https://acme.atlassian.net";
const APP_ACTOR: [&str; 5] = [
    "app_actor_proxy_url",
    "app_actor_shared_secret",
    "app_actor_account_id",
    "app_actor_display_name",
    "app_actor_configured_at",
];
const REGISTRY_ATTRS: [&str; 4] = [
    "outbound_identity",
    "app_actor_account_id",
    "app_actor_display_name",
    "app_actor_configured_at",
];

struct Env {
    w: World,
    o: Oauth,
    cloud: String,
    forge: ForgeStandin,
    secret: String,
}

fn env() -> Env {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    let secret = hex::encode(rand::random::<[u8; 32]>());
    w.secret(&secret);
    let forge = ForgeStandin::start(Some(&secret), Identity::app(SITE));
    w.env("BGAGENT_FORGE_PROBE_URL", &forge.url());
    w.register_bundle_secrets(&cloud);
    Env {
        w,
        o,
        cloud,
        forge,
        secret,
    }
}

impl Env {
    fn args<'a>(&'a self, url: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
        let mut a = vec![
            "jira",
            "app-setup",
            &self.cloud,
            "--proxy-url",
            url,
            "--shared-secret-stdin",
            "--output",
            "json",
        ];
        a.extend_from_slice(extra);
        a
    }

    fn app_setup(&self, extra: &[&str]) -> Run {
        self.w
            .run_in(&self.args(PROXY_URL, extra), &format!("{}\n", self.secret))
    }

    fn bundle(&self) -> Value {
        self.w.bundle(&self.cloud).expect("bundle")
    }

    fn registry(&self) -> Value {
        self.w
            .platform
            .get_item(
                "JiraWorkspaceRegistryTableName",
                "jira_cloud_id",
                &self.cloud,
            )
            .expect("registry row")
    }

    #[track_caller]
    fn assert_no_app_identity(&self, bundle_before: &Value) {
        let b = self.bundle();
        assert_eq!(&b, bundle_before, "the bundle is unchanged");
        for k in APP_ACTOR {
            assert!(b.get(k).is_none(), "{k} must not be written");
        }
        let r = self.registry();
        for k in REGISTRY_ATTRS {
            assert!(r.get(k).is_none(), "registry {k} must not be written");
        }
    }
}

#[test]
fn app_setup_writes_all_five_fields_and_the_registry_metadata() {
    let e = env();
    let before = e.bundle();
    let reg_before = e.registry();
    let run = e.app_setup(&["-v"]);
    run.ok();
    assert!(
        run.stderr
            .contains("BGAGENT_FORGE_PROBE_URL is set (test only)"),
        "{}",
        run.stderr
    );
    let doc = run.json();
    assert_eq!(doc["action"], "configured");
    assert_eq!(doc["dry_run"], false);
    assert_eq!(doc["cloud_id"], e.cloud);
    assert_eq!(doc["outbound_identity"], "app");
    assert_eq!(doc["proxy_url"], PROXY_URL);
    assert_eq!(doc["account_id"], "557058:bgagent-forge-app");
    assert_eq!(doc["display_name"], "bgagent");
    assert_eq!(doc["site_url"], SITE);
    assert_eq!(doc["written"], json!(["tenant_bundle", "registry"]));
    assert!(doc.to_string().find(&e.secret).is_none());

    // The stand-in accepted exactly one signed identity probe.
    let seen = e.forge.seen();
    assert_eq!(seen.operations, ["identity"]);
    assert!(seen.rejected.is_empty(), "{:?}", seen.rejected);

    let b = e.bundle();
    assert_eq!(
        b["app_actor_proxy_url"], PROXY_URL,
        "the stored URL is --proxy-url, never the probe override"
    );
    assert_eq!(b["app_actor_shared_secret"], e.secret.as_str());
    assert_eq!(b["app_actor_account_id"], "557058:bgagent-forge-app");
    assert_eq!(b["app_actor_display_name"], "bgagent");
    assert_eq!(b["app_actor_configured_at"], doc["configured_at"]);
    assert_eq!(b["updated_at"], doc["configured_at"]);
    // Every other field (required, webhook secret, unknown) is kept as it was.
    for (k, v) in before.as_object().unwrap() {
        if k != "updated_at" {
            assert_eq!(&b[k], v, "{k} kept");
        }
    }
    assert_eq!(
        b.as_object().unwrap().len(),
        before.as_object().unwrap().len() + 5
    );
    let raw =
        e.w.platform
            .get_secret_string(&format!("bgagent-jira-oauth-{}", e.cloud))
            .unwrap();
    assert!(!raw.contains('\n') && !raw.contains(": "), "compact JSON");

    let r = e.registry();
    assert_eq!(r["outbound_identity"], "app");
    assert_eq!(r["app_actor_account_id"], "557058:bgagent-forge-app");
    assert_eq!(r["app_actor_display_name"], "bgagent");
    assert_eq!(r["app_actor_configured_at"], doc["configured_at"]);
    assert_eq!(r["updated_at"], doc["configured_at"]);
    for k in [
        "status",
        "site_url",
        "oauth_secret_arn",
        "installed_at",
        "installed_by_platform_user_id",
    ] {
        assert_eq!(r[k], reg_before[k], "registry {k} kept");
    }
    assert!(
        r.as_object()
            .unwrap()
            .values()
            .all(|v| v != e.secret.as_str()),
        "no secret in DynamoDB"
    );

    // Text mode: the result on stdout; re-running (rotation) is safe and replaces the set.
    let again = e.w.run_in(
        &[
            "jira",
            "app-setup",
            &e.cloud,
            "--proxy-url",
            PROXY_URL,
            "--shared-secret-stdin",
        ],
        &format!("{}\n", e.secret),
    );
    again.ok();
    assert!(
        again
            .stdout
            .contains("Jira outbound app identity configured"),
        "{}",
        again.stdout
    );
    assert!(again.stdout.contains("bgagent (557058:bgagent-forge-app)"));
    e.w.assert_no_secrets();
}

#[test]
fn each_url_rule_violation_is_a_usage_error_before_any_call() {
    let e = env();
    let before = e.bundle();
    for (url, why) in [
        ("not a url", "not a URL"),
        ("http://x.webtrigger.atlassian.app/public/1", "not https"),
        (
            "https://webtrigger.atlassian.app/public/1",
            "host is not *.webtrigger.atlassian.app",
        ),
        (
            "https://x.webtrigger.atlassian.app.evil.example/public/1",
            "host is not *.webtrigger.atlassian.app",
        ),
        (
            "https://127.0.0.1/public/1",
            "host is not *.webtrigger.atlassian.app",
        ),
        (
            "https://u:p@x.webtrigger.atlassian.app/public/1",
            "has userinfo",
        ),
        (
            "https://x.webtrigger.atlassian.app:8443/public/1",
            "names a port",
        ),
        ("https://x.webtrigger.atlassian.app/public/1?a=b", "query"),
        (
            "https://x.webtrigger.atlassian.app/public/1#frag",
            "fragment",
        ),
        (
            "https://x.webtrigger.atlassian.app/private/1",
            "path does not start with /public/",
        ),
        (&e.forge.url(), "not https"),
    ] {
        // Empty stdin: the URL is refused before the secret is even read.
        let run = e.w.run_in(&e.args(url, &[]), "");
        run.fails(2, "Forge proxy URL must be a v2 installation URL like https://<installation>.webtrigger.atlassian.app/public/<id>");
        assert!(run.stderr.contains(why), "{url}: {}", run.stderr);
        assert!(run.stderr.contains("not written: anything"));
        assert_eq!(run.json()["error"]["exit_code"], 2);
    }
    // Before any AWS call too: with a stack that does not exist the error is still the URL's.
    let run = e.w.run_in(
        &e.args(
            "http://x.webtrigger.atlassian.app/public/1",
            &["--stack-name", "no-such-stack"],
        ),
        "",
    );
    run.fails(2, "v2 installation URL");
    assert_eq!(e.forge.seen().requests, 0, "nothing reached the proxy");
    e.assert_no_app_identity(&before);
}

#[test]
fn a_short_or_missing_secret_is_refused_before_any_call() {
    let e = env();
    let before = e.bundle();
    let short = "s".repeat(31);
    e.w.secret(&short);
    let run =
        e.w.run_in(&e.args(PROXY_URL, &[]), &format!("  {short}  \n"));
    run.fails(2, "must be at least 32 characters (it has 31)");
    assert!(run.stderr.contains("openssl rand -hex 32"));
    // From the environment.
    e.w.env("BGAGENT_PROXY_SECRET", &short);
    let run = e.w.run(&[
        "jira",
        "app-setup",
        &e.cloud,
        "--proxy-url",
        PROXY_URL,
        "--stack-name",
        "no-such-stack",
    ]);
    run.fails(2, "at least 32 characters");
    // Not given and no terminal: a usage error naming the flag.
    let w2 = World::new();
    let run = w2.run(&["jira", "app-setup", &e.cloud, "--proxy-url", PROXY_URL]);
    run.fails(2, "--shared-secret-stdin (or BGAGENT_PROXY_SECRET)");
    // Never from argv: there is no flag that takes the value.
    let run = e.w.run(&[
        "jira",
        "app-setup",
        &e.cloud,
        "--proxy-url",
        PROXY_URL,
        "--shared-secret",
        &e.secret,
    ]);
    assert_eq!(run.code, 2, "{}", run.show());
    assert_eq!(e.forge.seen().requests, 0);
    e.assert_no_app_identity(&before);
}

#[test]
fn a_human_account_is_refused_and_nothing_is_written() {
    let e = env();
    let before = e.bundle();
    e.forge.set_identity(Identity::human(SITE));
    let run = e.app_setup(&[]);
    run.fails(3, "the Forge proxy's identity is not a Jira app account");
    assert!(
        run.stderr.contains("account_type: atlassian"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("attribute writes to a person"));
    assert_eq!(e.forge.seen().operations, ["identity"]);
    e.assert_no_app_identity(&before);
}

#[test]
fn a_site_mismatch_is_refused() {
    let e = env();
    let before = e.bundle();
    e.forge
        .set_identity(Identity::app("https://other-company.atlassian.net"));
    let run = e.app_setup(&[]);
    run.fails(3, "answers for another Jira site");
    assert!(
        run.stderr.contains("installed on https://other-company.atlassian.net, not on this tenant's site https://acme.atlassian.net"),
        "{}",
        run.stderr
    );
    e.assert_no_app_identity(&before);
}

#[test]
fn the_standin_refuses_a_wrong_signature_a_skewed_clock_and_an_unconfigured_proxy() {
    let e = env();
    let before = e.bundle();
    // The Forge variable holds another value than the one given.
    e.forge
        .set_secret(Some("another-secret-of-at-least-32-characters"));
    e.w.secret("another-secret-of-at-least-32-characters");
    let run = e.app_setup(&[]);
    run.fails(4, "HTTP 401 Unauthorized {\"error\":\"invalid_signature\"}");
    assert!(
        run.stderr
            .contains("forge variables set --encrypt BGAGENT_PROXY_SECRET")
    );
    assert_eq!(e.forge.seen().rejected, ["bad_signature"]);
    // Right secret, but the clocks are 400 s apart.
    e.forge.set_secret(Some(&e.secret));
    e.forge.set_clock_offset(400);
    e.app_setup(&[]).fails(4, "invalid_signature");
    assert_eq!(e.forge.seen().rejected.last().unwrap(), "stale_timestamp");
    // The Forge app has no secret configured.
    e.forge.set_clock_offset(0);
    e.forge.set_secret(None);
    let run = e.app_setup(&[]);
    run.fails(1, "proxy_not_configured");
    assert!(run.stderr.contains("forge deploy"));
    // Jira behind the proxy fails.
    e.forge.set_secret(Some(&e.secret));
    e.forge.set_jira_fails(true);
    e.app_setup(&[]).fails(1, "HTTP 502");
    // Nothing listens at the probe URL.
    e.w.env(
        "BGAGENT_FORGE_PROBE_URL",
        &format!("http://127.0.0.1:{}/public/x", free_port()),
    );
    e.app_setup(&[])
        .fails(1, "the Forge app identity probe could not connect");
    // The override accepts loopback targets only (it is a test hook, not a redirect).
    e.w.env("BGAGENT_FORGE_PROBE_URL", "https://example.com/public/x");
    e.app_setup(&[]).fails(
        2,
        "BGAGENT_FORGE_PROBE_URL must be an http(s) URL on a loopback address",
    );
    e.assert_no_app_identity(&before);
}

#[test]
fn a_partial_app_actor_set_is_never_written() {
    let e = env();
    let id = format!("bgagent-jira-oauth-{}", e.cloud);
    // 1. A bundle the Lambdas would reject (10 of 11 fields) is refused before the probe.
    let full = e.bundle();
    let mut b = full.clone();
    b.as_object_mut()
        .unwrap()
        .remove("installed_by_platform_user_id");
    e.w.platform.put_secret_string(&id, &b.to_string());
    let run = e.app_setup(&[]);
    run.fails(3, "would be rejected by the platform's Lambdas");
    assert!(
        run.stderr.contains("installed_by_platform_user_id"),
        "{}",
        run.stderr
    );
    assert_eq!(e.forge.seen().requests, 0, "no probe for a broken bundle");
    e.assert_no_app_identity(&b);

    // 2. The bundle write fails: no app_actor_* field at all, and the registry is untouched.
    e.w.platform.put_secret_string(&id, &full.to_string());
    let proxy = Proxy::start(&MotoServer::shared().endpoint, |req| {
        if req.aws_op() == "PutSecretValue" {
            return Action::Respond(
                400,
                vec![
                    ("Content-Type".into(), "application/x-amz-json-1.1".into()),
                    ("x-amzn-ErrorType".into(), "AccessDeniedException".into()),
                ],
                r#"{"__type":"AccessDeniedException","message":"injected"}"#.into(),
            );
        }
        Action::Forward
    });
    e.w.env("AWS_ENDPOINT_URL", &proxy.url);
    let run = e.app_setup(&[]);
    run.fails(1, "could not write secret");
    assert!(
        run.stderr.contains("no app_actor_* field was written"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("  written:"), "{}", run.stderr);
    e.assert_no_app_identity(&full);

    // 3. A partial set left by a manual edit is completed (all five), never kept partial.
    e.w.env("AWS_ENDPOINT_URL", &MotoServer::shared().endpoint);
    let mut partial = full.clone();
    partial["app_actor_proxy_url"] = json!("https://old.webtrigger.atlassian.app/public/old");
    e.w.platform.put_secret_string(&id, &partial.to_string());
    e.app_setup(&[]).ok();
    let after = e.bundle();
    for k in APP_ACTOR {
        assert!(after[k].as_str().is_some_and(|v| !v.is_empty()), "{k}");
    }
    assert_eq!(after["app_actor_proxy_url"], PROXY_URL);
}

#[test]
fn remove_drops_all_five_fields_and_outbound_identity() {
    let e = env();
    let seeded = e.bundle();
    e.app_setup(&[]).ok();
    // Without a terminal the confirmation needs --yes.
    e.w.run(&["jira", "app-setup", "--remove", &e.cloud])
        .fails(2, "--yes");
    assert_eq!(e.registry()["outbound_identity"], "app");
    // --remove takes no proxy URL or secret.
    let run = e.w.run(&[
        "jira",
        "app-setup",
        "--remove",
        &e.cloud,
        "--proxy-url",
        PROXY_URL,
    ]);
    assert_eq!(run.code, 2, "{}", run.show());
    // Dry run.
    let run = e.w.run(&[
        "jira",
        "app-setup",
        "--remove",
        &e.cloud,
        "--dry-run",
        "--output",
        "json",
    ]);
    run.ok();
    assert_eq!(run.json()["dry_run"], true);
    assert_eq!(run.json()["removed_bundle_fields"], json!(APP_ACTOR));
    assert_eq!(e.registry()["outbound_identity"], "app");

    let run = e.w.run(&[
        "jira",
        "app-setup",
        "--remove",
        &e.cloud,
        "--yes",
        "--output",
        "json",
    ]);
    run.ok();
    let doc = run.json();
    assert_eq!(doc["action"], "removed");
    assert_eq!(doc["removed_bundle_fields"], json!(APP_ACTOR));
    assert_eq!(doc["removed_registry_attributes"], json!(REGISTRY_ATTRS));
    assert_eq!(doc["written"], json!(["tenant_bundle", "registry"]));
    let b = e.bundle();
    for (k, v) in seeded.as_object().unwrap() {
        if k != "updated_at" {
            assert_eq!(&b[k], v, "{k} kept");
        }
    }
    assert_eq!(
        b.as_object().unwrap().len(),
        seeded.as_object().unwrap().len()
    );
    let r = e.registry();
    for k in REGISTRY_ATTRS {
        assert!(r.get(k).is_none(), "registry {k} removed");
    }
    assert_eq!(r["status"], "active");

    // Again: nothing to change.
    let run = e.w.run(&[
        "jira",
        "app-setup",
        "--remove",
        &e.cloud,
        "--yes",
        "--output",
        "json",
    ]);
    run.ok();
    assert_eq!(run.json()["action"], "unchanged");

    // A partial set (manual edit) is removed entirely.
    let mut partial = e.bundle();
    partial["app_actor_shared_secret"] = json!("x".repeat(40));
    partial["app_actor_account_id"] = json!("a");
    e.w.platform.put_secret_string(
        &format!("bgagent-jira-oauth-{}", e.cloud),
        &partial.to_string(),
    );
    let run = e.w.run(&[
        "jira",
        "app-setup",
        "--remove",
        &e.cloud,
        "-y",
        "--output",
        "json",
    ]);
    run.ok();
    assert_eq!(
        run.json()["removed_bundle_fields"],
        json!(["app_actor_shared_secret", "app_actor_account_id"])
    );
    let b = e.bundle();
    assert!(APP_ACTOR.iter().all(|k| b.get(*k).is_none()), "{b}");
    // An unknown tenant.
    e.w.run(&["jira", "app-setup", "--remove", &random_uuid(), "-y"])
        .fails(3, "is not registered");
}

#[test]
fn dry_run_probes_and_writes_nothing_and_an_inactive_tenant_is_refused() {
    let e = env();
    let before = e.bundle();
    let run = e.app_setup(&["--dry-run"]);
    run.ok();
    let doc = run.json();
    assert_eq!(doc["dry_run"], true);
    assert_eq!(doc["written"], json!([]));
    assert_eq!(doc["display_name"], "bgagent");
    assert_eq!(e.forge.seen().operations, ["identity"]);
    e.assert_no_app_identity(&before);

    let mut row = e.registry();
    row["status"] = json!("revoked");
    e.w.platform
        .put_item_json("JiraWorkspaceRegistryTableName", &row);
    e.app_setup(&[]).fails(3, "is not active (status: revoked)");
    let other = random_uuid();
    let run = e.w.run_in(
        &[
            "jira",
            "app-setup",
            &other,
            "--proxy-url",
            PROXY_URL,
            "--shared-secret-stdin",
        ],
        &format!("{}\n", e.secret),
    );
    run.fails(3, "is not registered");
    assert_eq!(
        e.forge.seen().requests,
        1,
        "no probe for an inactive or unknown tenant"
    );
}

#[test]
fn setup_afterwards_keeps_the_app_identity() {
    let e = env();
    e.app_setup(&[]).ok();
    let configured = e.bundle();
    let reg = e.registry();
    // Re-run the whole OAuth setup for the same site.
    let run = crate::setup::setup_via_callback(&e.w, &e.o, &[]);
    run.ok();
    e.w.register_bundle_secrets(&e.cloud);
    let after = e.bundle();
    for k in APP_ACTOR {
        assert_eq!(after[k], configured[k], "{k} kept by setup");
    }
    assert_ne!(
        after["access_token"], configured["access_token"],
        "setup did re-mint the tokens"
    );
    let r = e.registry();
    for k in REGISTRY_ATTRS {
        assert_eq!(r[k], reg[k], "registry {k} kept by setup");
    }
    e.w.assert_no_secrets();
}

fn app_identity_check(e: &Env) -> (Run, Value) {
    let run = e.w.run(&[
        "jira",
        "doctor",
        &e.cloud,
        "--skip-webhook-probe",
        "--output",
        "json",
    ]);
    let doc = run.json();
    let c = doc["checks"]
        .as_array()
        .expect("checks[]")
        .iter()
        .find(|c| c["id"] == "app-identity")
        .cloned()
        .unwrap_or_else(|| panic!("no app-identity check: {doc:#}"));
    (run, c)
}

#[test]
fn doctor_warns_when_missing_and_re_runs_the_probe_when_present() {
    let e = env();
    // Missing: a warning, as in the platform's own doctor, with the command that fixes it.
    let (_, c) = app_identity_check(&e);
    assert_eq!(c["status"], "warn", "{c:#}");
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .contains("written as the OAuth user")
    );
    assert!(
        c["fix"]
            .as_str()
            .unwrap()
            .starts_with(&format!("bgagent jira app-setup {} --proxy-url", e.cloud))
    );
    assert_eq!(e.forge.seen().requests, 0);

    // Present: the signed probe is run again.
    e.app_setup(&[]).ok();
    let (_, c) = app_identity_check(&e);
    assert_eq!(c["status"], "pass", "{c:#}");
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .contains("bgagent (557058:bgagent-forge-app), accountType=app")
    );
    assert_eq!(e.forge.seen().operations, ["identity", "identity"]);

    // The registry lost its metadata (the platform's doctor would warn).
    let mut row = e.registry();
    row.as_object_mut().unwrap().remove("outbound_identity");
    e.w.platform
        .put_item_json("JiraWorkspaceRegistryTableName", &row);
    let (_, c) = app_identity_check(&e);
    assert_eq!(c["status"], "warn", "{c:#}");
    assert!(c["fix"].as_str().unwrap().contains(PROXY_URL));

    // The Forge variable was changed on the Forge side only: outbound writes now fail closed.
    e.forge
        .set_secret(Some("rotated-on-the-forge-side-only-0123456789"));
    e.w.secret("rotated-on-the-forge-side-only-0123456789");
    let (run, c) = app_identity_check(&e);
    assert_ne!(run.code, 0, "{}", run.show());
    assert_eq!(c["status"], "fail", "{c:#}");
    assert!(
        c["detail"].as_str().unwrap().contains("invalid_signature"),
        "{c:#}"
    );
    assert!(c["fix"].as_str().unwrap().contains("BGAGENT_PROXY_SECRET"));
    e.w.assert_no_secrets();
}
