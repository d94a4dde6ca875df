//! `jira setup`, `update-webhook-secret` and `tenants` against moto and the Atlassian stand-in.

use serde_json::{Value, json};

use crate::atlassian_standin::{Consent, Site};
use crate::support::*;

pub const WEBHOOK: &str = "wh-secret-0123456789abcdef0123456789abcdef";

pub fn setup_args<'a>(o: &'a Oauth, extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec![
        "jira",
        "setup",
        "--client-id",
        &o.client_id,
        "--client-secret-stdin",
        "--webhook-secret-stdin",
        "--callback-url",
        &o.redirect,
        "--output",
        "json",
    ];
    if !extra.contains(&"--timeout") {
        a.extend_from_slice(&["--timeout", "30s"]);
    }
    a.extend_from_slice(extra);
    a
}

pub fn stdin(o: &Oauth) -> String {
    format!("{}\n{WEBHOOK}\n", o.client_secret)
}

/// Runs setup with the recording browser and completes the redirect with an HTTP client.
pub fn setup_via_callback(w: &World, o: &Oauth, extra: &[&str]) -> Run {
    w.secret(WEBHOOK);
    let s = w.spawn(&setup_args(o, extra), &stdin(o));
    let url = o.browser_url();
    let location = o.authorize(&url);
    let page = http::get(&location).expect("callback server answered");
    let run = w.finish(s);
    if run.code == 0 {
        assert_eq!(page.status, 200, "{page:?}");
        assert!(
            page.body.contains("return to the terminal"),
            "{}",
            page.body
        );
        assert!(!page.body.to_lowercase().contains("linear"));
    }
    run
}

fn site_id(o: &Oauth) -> String {
    o.standin.sites()[0].id.clone()
}

#[test]
fn setup_writes_bundle_registry_and_stack_secret_exactly() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = site_id(&o);
    let before = std::time::SystemTime::now();
    let run = setup_via_callback(&w, &o, &[]);
    run.ok();
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();

    let doc = run.json();
    assert_eq!(doc["cloud_id"], cloud);
    assert_eq!(doc["webhook_url"], w.platform.api.webhook_url());
    assert_eq!(doc["webhook_secret"], "provided");
    assert_eq!(
        doc["next_steps"][0],
        format!("bgagent jira map {cloud} <PROJECT-KEY> --repo owner/repo")
    );
    assert!(
        !run.stderr.contains("Next steps"),
        "JSON mode: the result is the document"
    );

    let b = w.bundle(&cloud).expect("bundle");
    let mut keys: Vec<&str> = b.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "access_token",
            "client_id",
            "client_secret",
            "cloud_id",
            "expires_at",
            "installed_at",
            "installed_by_platform_user_id",
            "refresh_token",
            "scope",
            "site_url",
            "updated_at",
            "webhook_signing_secret"
        ]
    );
    for k in keys {
        assert!(!b[k].as_str().unwrap().is_empty(), "{k} is empty");
    }
    assert_eq!(b["client_id"], o.client_id.as_str());
    assert_eq!(b["client_secret"], o.client_secret.as_str());
    assert_eq!(b["cloud_id"], cloud);
    assert_eq!(b["site_url"], "https://acme.atlassian.net");
    assert_eq!(b["installed_by_platform_user_id"], PLATFORM_USER);
    assert_eq!(b["webhook_signing_secret"], WEBHOOK);
    assert_eq!(b["installed_at"], b["updated_at"]);
    let exp = time::OffsetDateTime::parse(
        b["expires_at"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    let start = time::OffsetDateTime::from(before);
    assert!(
        (exp - start).whole_seconds() >= 3595 && (exp - start).whole_seconds() <= 3660,
        "expires_at = now + expires_in"
    );
    let raw = w
        .platform
        .get_secret_string(&format!("bgagent-jira-oauth-{cloud}"))
        .unwrap();
    assert!(!raw.contains('\n') && !raw.contains(": "), "compact JSON");
    let mut tags = w
        .platform
        .secret_tags(&format!("bgagent-jira-oauth-{cloud}"));
    tags.sort();
    assert_eq!(
        tags,
        [
            ("bgagent:integration".to_string(), "jira".to_string()),
            ("bgagent:jira:cloud_id".to_string(), cloud.clone())
        ]
    );
    assert_eq!(
        w.platform
            .secret_description(&format!("bgagent-jira-oauth-{cloud}"))
            .unwrap(),
        format!("Jira OAuth token for tenant '{cloud}'")
    );

    let reg = w
        .platform
        .get_item("JiraWorkspaceRegistryTableName", "jira_cloud_id", &cloud)
        .expect("registry row");
    assert_eq!(reg["status"], "active");
    assert_eq!(reg["site_url"], "https://acme.atlassian.net");
    assert_eq!(reg["installed_by_platform_user_id"], PLATFORM_USER);
    assert_eq!(reg["installed_at"], b["installed_at"]);
    assert!(
        reg["oauth_secret_arn"]
            .as_str()
            .unwrap()
            .starts_with("arn:aws:secretsmanager:us-east-1:")
    );
    assert_eq!(doc["oauth_secret_arn"], reg["oauth_secret_arn"]);
    assert_eq!(w.stack_secret(), WEBHOOK);

    let c = o.standin.counts();
    assert_eq!(
        (c.code_exchanges, c.rejected.len()),
        (1, 0),
        "{:?}",
        c.rejected
    );

    // tenants shows the expiry, never a token.
    let t = w.run(&["jira", "tenants", "--output", "json"]);
    t.ok();
    assert_eq!(t.json()["tenants"][0]["token_expires_at"], b["expires_at"]);
    assert_eq!(t.json()["tenants"][0]["bundle"], "ok");
    let text = w.run(&["jira", "tenants"]);
    text.ok();
    assert!(text.stdout.contains(&cloud), "{}", text.show());
}

#[test]
fn callback_server_ignores_other_paths_and_foreign_state() {
    let w = World::new();
    let o = w.oauth(|_| {});
    w.secret(WEBHOOK);
    let s = w.spawn(&setup_args(&o, &[]), &stdin(&o));
    let url = o.browser_url();
    let base = format!("http://127.0.0.1:{}", o.port);
    assert_eq!(
        http::get(&format!("{base}/favicon.ico")).unwrap().status,
        404
    );
    assert_eq!(http::get(&format!("{base}/")).unwrap().status, 404);
    assert_eq!(
        http::get(&format!("{base}/oauth/callback?code=x&state=not-ours"))
            .unwrap()
            .status,
        400
    );
    assert_eq!(
        http::get(&format!("{base}/oauth/callback")).unwrap().status,
        400
    );
    let huge = "a".repeat(60_000);
    let _ = http::get(&format!("{base}/oauth/callback?code={huge}&state={huge}"));
    let _ = http::raw(
        &format!("127.0.0.1:{}", o.port),
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage-tls-hello",
    );
    let _ = http::raw(
        &format!("127.0.0.1:{}", o.port),
        b"GET /oauth/callback?code=\xff\xfe&state=\xff HTTP/1.1\r\nHost: x\r\n\r\n",
    );
    // The real browser leg still completes, over IPv6 this time.
    let location = o.authorize(&url).replace("localhost", "[::1]");
    let page = http::get(&location).expect("answer on ::1");
    assert_eq!(page.status, 200);
    let run = w.finish(s);
    run.ok();
    assert!(
        run.stderr.contains("another sign-in attempt"),
        "{}",
        run.show()
    );
    // A repeated callback after completion is not accepted by anyone.
    assert!(http::get(&location.replace("[::1]", "127.0.0.1")).is_none_or(|r| r.status != 200));
}

#[test]
fn consent_denied_writes_nothing_and_has_its_own_exit_code() {
    let w = World::new();
    let o = w.oauth(|c| c.consent = Consent::Deny);
    let run = setup_via_callback(&w, &o, &[]);
    run.fails(4, "authorization was not granted (access_denied)");
    assert!(run.stderr.contains("not written: nothing"));
    assert_eq!(run.json()["error"]["exit_code"], 4);
    assert!(w.bundle(&site_id(&o)).is_none());
    assert!(w.platform.scan("JiraWorkspaceRegistryTableName").is_empty());
}

#[test]
fn timeout_and_busy_port_fail_clearly() {
    let w = World::new();
    let o = w.oauth(|_| {});
    w.secret(WEBHOOK);
    let run = w.run_in(&setup_args(&o, &["--timeout", "1s"]), &stdin(&o));
    run.fails(5, "no OAuth callback arrived within 1s");
    assert!(run.stderr.contains("--timeout"));

    let _blocker = std::net::TcpListener::bind(("127.0.0.1", o.port)).unwrap();
    std::fs::remove_file(&o.url_file).ok();
    let run = w.run_in(&setup_args(&o, &[]), &stdin(&o));
    run.fails(
        1,
        &format!("port {} on 127.0.0.1 is already in use", o.port),
    );
    assert!(run.stderr.contains("ss -ltnp"));
    assert!(
        !o.url_file.exists(),
        "the browser must not open when the callback cannot be received"
    );
    assert!(w.platform.scan("JiraWorkspaceRegistryTableName").is_empty());
}

fn jira_site(id: &str, url: &str) -> Site {
    Site {
        id: id.into(),
        name: url.trim_start_matches("https://").into(),
        url: url.into(),
        scopes: vec![
            "read:jira-work".into(),
            "write:jira-work".into(),
            "read:jira-user".into(),
        ],
    }
}

#[test]
fn site_choice_zero_one_several() {
    let w = World::new();
    let (a, b) = (random_uuid(), random_uuid());
    let o = w.oauth(|c| {
        c.sites = vec![Site {
            id: random_uuid(),
            name: "Wiki".into(),
            url: "https://wiki.atlassian.net".into(),
            scopes: vec!["read:confluence-content.all".into()],
        }]
    });
    let run = setup_via_callback(&w, &o, &[]);
    run.fails(1, "no Jira site this app can use");
    assert!(run.stderr.contains("wiki.atlassian.net"));

    o.standin.set_sites(vec![
        jira_site(&a, "https://one.atlassian.net"),
        jira_site(&b, "https://two.atlassian.net"),
    ]);
    std::fs::remove_file(&o.url_file).ok();
    let run = setup_via_callback(&w, &o, &[]);
    run.fails(2, "the login can use 2 Jira sites");
    assert!(
        run.stderr.contains("--site") && run.stderr.contains("https://two.atlassian.net"),
        "{}",
        run.show()
    );
    assert!(w.platform.scan("JiraWorkspaceRegistryTableName").is_empty());

    std::fs::remove_file(&o.url_file).ok();
    let run = setup_via_callback(&w, &o, &["--site", "https://two.atlassian.net/"]);
    run.ok();
    assert_eq!(run.json()["cloud_id"], b);
    assert!(w.bundle(&a).is_none());
    assert_eq!(
        w.bundle(&b).unwrap()["site_url"],
        "https://two.atlassian.net"
    );
}

#[test]
fn a_second_active_tenant_is_refused_before_any_write() {
    let w = World::new();
    let other = random_uuid();
    w.registry_put(&other, "https://first.atlassian.net", "active");
    let o = w.oauth(|_| {});
    let run = setup_via_callback(&w, &o, &[]);
    run.fails(3, "another Jira tenant is active");
    assert!(
        run.stderr.contains(&format!(
            "hint: to replace it, revoke the active tenant first: bgagent jira revoke {other}"
        )),
        "{}",
        run.show()
    );
    assert!(!run.stderr.contains("aws dynamodb"), "{}", run.show());
    assert!(w.bundle(&site_id(&o)).is_none());
    assert_eq!(w.platform.scan("JiraWorkspaceRegistryTableName").len(), 1);
}

#[test]
fn rerun_keeps_app_actor_unknown_fields_and_the_current_webhook_secret() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = site_id(&o);
    setup_via_callback(&w, &o, &[]).ok();
    // Someone else (app-setup, a future version) added fields to the bundle and the registry.
    let mut b = w.bundle(&cloud).unwrap();
    for (k, v) in [
        (
            "app_actor_proxy_url",
            "https://x.webtrigger.atlassian.app/public/1",
        ),
        (
            "app_actor_shared_secret",
            "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3",
        ),
        ("app_actor_account_id", "app-1"),
        ("app_actor_display_name", "bgagent app"),
        ("app_actor_configured_at", "2026-11-01T00:00:00.000Z"),
        ("x_future", "kept"),
    ] {
        b[k] = json!(v);
    }
    w.secret("s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3");
    w.platform
        .put_secret_string(&format!("bgagent-jira-oauth-{cloud}"), &b.to_string());
    let mut reg = w
        .platform
        .get_item("JiraWorkspaceRegistryTableName", "jira_cloud_id", &cloud)
        .unwrap();
    reg["outbound_identity"] = json!("app");
    w.platform
        .put_item_json("JiraWorkspaceRegistryTableName", &reg);

    // Re-run without any webhook input (no terminal): the current secret is kept.
    std::fs::remove_file(&o.url_file).ok();
    let args = vec![
        "jira",
        "setup",
        "--client-id",
        &o.client_id,
        "--client-secret-stdin",
        "--callback-url",
        &o.redirect,
        "--output",
        "json",
    ];
    let s = w.spawn(&args, &format!("{}\n", o.client_secret));
    let loc = o.authorize(&o.browser_url());
    http::get(&loc).unwrap();
    let run = w.finish(s);
    run.ok();
    assert_eq!(run.json()["webhook_secret"], "kept");
    let after = w.bundle(&cloud).unwrap();
    for k in [
        "app_actor_proxy_url",
        "app_actor_shared_secret",
        "app_actor_account_id",
        "app_actor_display_name",
        "app_actor_configured_at",
        "x_future",
    ] {
        assert_eq!(after[k], b[k], "{k} must be kept");
    }
    assert_eq!(after["webhook_signing_secret"], WEBHOOK);
    assert_ne!(
        after["refresh_token"], b["refresh_token"],
        "new tokens were stored"
    );
    assert_eq!(w.stack_secret(), WEBHOOK);
    let reg2 = w
        .platform
        .get_item("JiraWorkspaceRegistryTableName", "jira_cloud_id", &cloud)
        .unwrap();
    assert_eq!(reg2["outbound_identity"], "app");
    assert_eq!(reg2["status"], "active");
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
}

#[test]
fn stack_secret_failure_restores_the_bundle() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = site_id(&o);
    setup_via_callback(&w, &o, &[]).ok();
    let before = w
        .platform
        .get_secret_string(&format!("bgagent-jira-oauth-{cloud}"))
        .unwrap();
    w.platform
        .delete_secret(&w.platform.outputs["JiraWebhookSecretArn"].clone());
    std::fs::remove_file(&o.url_file).ok();
    let s = w.spawn(
        &setup_args(&o, &[]),
        &format!("{}\nnew-webhook-secret-value-123456\n", o.client_secret),
    );
    w.secret("new-webhook-secret-value-123456");
    http::get(&o.authorize(&o.browser_url())).unwrap();
    let run = w.finish(s);
    run.fails(1, "could not write the stack-wide webhook secret");
    assert!(
        run.stderr.contains("restored to its previous value"),
        "{}",
        run.show()
    );
    assert!(run.stderr.contains("re-run `bgagent jira setup`"));
    // Only the webhook secret (and updated_at) is rolled back; the new login's tokens stay.
    let before: Value = serde_json::from_str(&before).unwrap();
    let after = w.bundle(&cloud).unwrap();
    assert_eq!(
        after["webhook_signing_secret"],
        before["webhook_signing_secret"]
    );
    assert_eq!(after["updated_at"], before["updated_at"]);
    assert_ne!(after["refresh_token"], before["refresh_token"]);
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
}

#[test]
fn paste_back_mode_completes_without_a_browser() {
    let w = World::new();
    let o = w.oauth(|_| {});
    w.secret(WEBHOOK);
    let mut s = w.spawn(&setup_args(&o, &["--no-browser"]), &stdin(&o));
    let url = wait_for(20, "the printed authorize URL", || {
        s.stderr_so_far()
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with(&o.standin.url()))
            .map(str::to_string)
    });
    assert!(
        !o.url_file.exists(),
        "--no-browser must not start a browser"
    );
    let location = o.authorize(&url);
    let mut forged = url::Url::parse(&location).unwrap();
    let pairs: Vec<(String, String)> = forged.query_pairs().into_owned().collect();
    forged.query_pairs_mut().clear();
    for (k, v) in pairs {
        forged
            .query_pairs_mut()
            .append_pair(&k, if k == "state" { "stale" } else { &v });
    }
    s.write_stdin("not a url\n");
    s.write_stdin(&format!("{forged}\n"));
    s.write_stdin(&format!("{location}\n"));
    let run = w.finish(s);
    run.ok();
    assert!(
        run.stderr.contains("not a URL") && run.stderr.contains("another sign-in attempt"),
        "{}",
        run.show()
    );
    assert_eq!(w.stack_secret(), WEBHOOK);
}

#[test]
fn inputs_are_checked_before_the_browser_and_dry_run_touches_nothing() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let r = w.run(&["jira", "setup", "--callback-url", &o.redirect]);
    r.fails(2, "--client-id");
    let r = w.run(&[
        "jira",
        "setup",
        "--client-id",
        "x",
        "--callback-url",
        &o.redirect,
        "--generate-webhook-secret",
    ]);
    r.fails(2, "--client-secret-stdin");
    let r = w.run_in(
        &[
            "jira",
            "setup",
            "--client-id",
            "x",
            "--client-secret-stdin",
            "--callback-url",
            &o.redirect,
        ],
        "",
    );
    r.fails(2, "stdin had no OAuth client secret");
    let r = w.run(&["jira", "setup", "--callback-url", "https://example.com/cb"]);
    r.fails(2, "--callback-url");
    std::fs::remove_file(w.dir.path().join("config/credentials.json")).unwrap();
    let r = w.run_in(&setup_args(&o, &[]), &stdin(&o));
    r.fails(2, "no platform identity");
    assert!(r.stderr.contains("--platform-user-id"));
    assert!(!o.url_file.exists());

    let r = w.run_in(
        &setup_args(&o, &["--dry-run", "--platform-user-id", "admin-sub"]),
        &stdin(&o),
    );
    r.ok();
    let d = r.json();
    assert_eq!(d["dry_run"], true);
    assert_eq!(d["authorize_params"]["audience"], "api.atlassian.com");
    assert_eq!(d["authorize_params"]["redirect_uri"], o.redirect.as_str());
    assert_eq!(
        d["authorize_params"]["scope"],
        "read:jira-work write:jira-work read:jira-user offline_access"
    );
    assert_eq!(d["authorize_params"]["prompt"], "consent");
    assert_eq!(d["authorize_params"]["code_challenge_method"], "S256");
    assert!(!o.url_file.exists(), "dry run opened a browser");
    assert_eq!(o.standin.counts().authorize, 0);
    assert!(w.platform.scan("JiraWorkspaceRegistryTableName").is_empty());
}

#[test]
fn generated_webhook_secret_is_shown_once_and_never_in_json() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = site_id(&o);
    let args = vec![
        "jira",
        "setup",
        "--client-id",
        &o.client_id,
        "--client-secret-stdin",
        "--generate-webhook-secret",
        "--callback-url",
        &o.redirect,
        "--output",
        "json",
    ];
    let s = w.spawn(&args, &format!("{}\n", o.client_secret));
    http::get(&o.authorize(&o.browser_url())).unwrap();
    let run = w.finish(s);
    run.ok();
    let secret = w.bundle(&cloud).unwrap()["webhook_signing_secret"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(secret.len(), 64);
    assert!(secret.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(run.stderr.matches(&secret).count(), 1);
    assert!(!run.stdout.contains(&secret));
    assert_eq!(run.json()["webhook_secret"], "generated");
    assert_eq!(w.stack_secret(), secret);

    // Rotate it: both secrets change together.
    let r = w.run(&[
        "jira",
        "update-webhook-secret",
        &cloud,
        "--webhook-secret-stdin",
        "--output",
        "json",
    ]);
    r.fails(2, "stdin had no webhook signing secret");
    w.secret("rotated-secret-abcdefabcdefabcdef");
    let r = w.run_in(
        &[
            "jira",
            "update-webhook-secret",
            &cloud,
            "--webhook-secret-stdin",
            "--output",
            "json",
        ],
        "rotated-secret-abcdefabcdefabcdef\n",
    );
    r.ok();
    assert_eq!(r.json()["webhook_secret"], "provided");
    assert_eq!(
        w.bundle(&cloud).unwrap()["webhook_signing_secret"],
        "rotated-secret-abcdefabcdefabcdef"
    );
    assert_eq!(w.stack_secret(), "rotated-secret-abcdefabcdefabcdef");
    let unknown = random_uuid();
    w.run_in(
        &[
            "jira",
            "update-webhook-secret",
            &unknown,
            "--generate-webhook-secret",
        ],
        "",
    )
    .fails(3, "is not registered");
}

#[test]
fn chromium_end_to_end() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = site_id(&o);
    w.chromium_browser();
    w.secret(WEBHOOK);
    let run = w.run_in(&setup_args(&o, &["--timeout", "60s"]), &stdin(&o));
    run.ok();
    let dom = wait_for(30, "Chromium to save the page", || {
        std::fs::read_to_string(w.dir.path().join("dom.html"))
            .ok()
            .filter(|d| d.contains("</html>"))
    });
    assert!(dom.contains("Authorization received"), "{dom}");
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
    let b: Value = w.bundle(&cloud).unwrap();
    assert_eq!(b["cloud_id"], cloud);
    assert_eq!(b["webhook_signing_secret"], WEBHOOK);
    assert_eq!(w.stack_secret(), WEBHOOK);
    let reg = w
        .platform
        .get_item("JiraWorkspaceRegistryTableName", "jira_cloud_id", &cloud)
        .unwrap();
    assert_eq!(reg["status"], "active");
    assert_eq!(o.standin.counts().code_exchanges, 1);
}

/// Turns the keychain code path on for `w`'s runs, but never against the machine's real keychain:
/// the session bus (Secret Service) is a fake socket of the test that counts connections and
/// hangs up, and no default bus path leads elsewhere. Returns the connection count.
pub fn fake_session_bus(w: &World) -> std::sync::Arc<std::sync::atomic::AtomicUsize> {
    w.env("BGAGENT_KEYCHAIN", "");
    let bus_dir = w.dir.path().join("run");
    std::fs::create_dir_all(&bus_dir).unwrap();
    let bus = bus_dir.join("bus");
    let listener = std::os::unix::net::UnixListener::bind(&bus).unwrap();
    let connections = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let c2 = connections.clone();
    std::thread::spawn(move || {
        for s in listener.incoming() {
            c2.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            drop(s);
        }
    });
    w.env(
        "DBUS_SESSION_BUS_ADDRESS",
        &format!("unix:path={}", bus.display()),
    );
    w.env(
        "DBUS_SYSTEM_BUS_ADDRESS",
        "unix:path=/nonexistent/bgagent-test-bus",
    );
    w.env("XDG_RUNTIME_DIR", bus_dir.to_str().unwrap());
    connections
}

#[test]
fn without_a_keychain_setup_degrades_to_asking() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let connections = fake_session_bus(&w);
    let started = std::time::Instant::now();
    let run = setup_via_callback(&w, &o, &["--forget-client"]);
    run.ok();
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert!(
        !run.stderr.to_lowercase().contains("keychain") || run.stderr.contains("Forgot"),
        "{}",
        run.show()
    );
    // Nothing was remembered, so the next run asks — and without a terminal names the flag.
    let again = w.run(&[
        "jira",
        "setup",
        "--callback-url",
        &o.redirect,
        "--webhook-secret-stdin",
    ]);
    again.fails(2, "--client-id");
    assert!(
        connections.load(std::sync::atomic::Ordering::SeqCst) >= 1,
        "the keychain was not tried against the test's fake session bus"
    );
}

#[test]
fn a_rerun_keeps_the_install_record() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = site_id(&o);
    setup_via_callback(&w, &o, &[]).ok();
    let reg = |w: &World| {
        w.platform
            .get_item("JiraWorkspaceRegistryTableName", "jira_cloud_id", &cloud)
            .unwrap()
    };
    let (b1, r1) = (w.bundle(&cloud).unwrap(), reg(&w));
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::remove_file(&o.url_file).ok();
    let run = setup_via_callback(&w, &o, &["--platform-user-id", "another-admin-sub"]);
    run.ok();
    assert_eq!(run.json()["installed_by_platform_user_id"], PLATFORM_USER);
    let (b2, r2) = (w.bundle(&cloud).unwrap(), reg(&w));
    for k in ["installed_at", "installed_by_platform_user_id"] {
        assert_eq!(b2[k], b1[k], "bundle {k}");
        assert_eq!(r2[k], r1[k], "registry {k}");
    }
    assert_eq!(r1["installed_by_platform_user_id"], PLATFORM_USER);
    assert_ne!(b2["updated_at"], b1["updated_at"]);
    assert_ne!(r2["updated_at"], r1["updated_at"]);
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
}
