//! `jira link --via api` against the local platform API (Cognito authorizer verifying moto's
//! tokens, `POST /jira/link` with the platform's semantics) and the shared REST error classes.

use serde_json::{Value, json};

use crate::moto::MotoServer;
use crate::moto::platform_authorizer::mint_id_token;
use crate::support::*;

use super::auth::fresh;

/// A logged-in teammate, a tenant, and an invite code for Sam Rivera. Returns (sub, cloud, code).
fn invited(w: &World) -> (String, String, String) {
    let sub = w.logged_in("sam@acme.io");
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    // The admin's invite records an explicit inviter; the teammate redeems with their login.
    let r = w.run(&[
        "jira",
        "invite-user",
        &cloud,
        "sam.rivera@acme.example",
        "--platform-user-id",
        PLATFORM_USER,
        "--output",
        "json",
    ]);
    r.ok();
    let code = r.json()["code"].as_str().unwrap().to_string();
    drop(o);
    (sub, cloud, code)
}

fn link_posts(w: &World) -> Vec<u16> {
    w.platform
        .api
        .requests()
        .into_iter()
        .filter(|(m, p, _)| m == "POST" && p == "/v1/jira/link")
        .map(|(_, _, s)| s)
        .collect()
}

const SAM_ACCOUNT: &str = "712020:0b9e4f27-5c3a-4d18-a6e2-71f8c90d3b54";

#[test]
fn link_via_api_previews_then_links_the_logged_in_user() {
    let w = fresh();
    let (sub, cloud, code) = invited(&w);
    let pending = format!("pending#{code}");

    // Default path with a login: the API. The preview writes nothing.
    let r = w.run(&["jira", "link", &code, "--dry-run", "--output", "json"]);
    r.ok();
    let doc = r.json();
    assert_eq!(doc["via"], "api");
    assert_eq!(doc["dry_run"], true);
    assert_eq!(doc["platform_user_id"], sub);
    assert_eq!(doc["jira_account_id"], SAM_ACCOUNT);
    assert_eq!(doc["cloud_id"], cloud);
    assert!(w.user_row(&pending).is_some());

    // No terminal and no --yes: asks for --yes after the preview; still nothing written.
    w.run(&["jira", "link", &code]).fails(2, "--yes");
    assert!(w.user_row(&pending).is_some());
    assert_eq!(link_posts(&w), vec![200, 200]);

    let r = w.run(&["jira", "link", &code, "-y"]);
    r.ok();
    assert!(r.stdout.contains("(via api"), "{}", r.show());
    let row = w
        .user_row(&format!("{cloud}#{SAM_ACCOUNT}"))
        .expect("link row");
    assert_eq!(row["platform_user_id"], sub);
    assert_eq!(row["status"], "active");
    assert_eq!(row["link_method"], "cli");
    assert!(w.user_row(&pending).is_none());
    // Preview, then the real call.
    assert_eq!(link_posts(&w), vec![200, 200, 200, 200]);

    // The code is spent: the API's 404 is a conflict with the fix.
    let r = w.run(&["jira", "link", &code, "-y", "--output", "json"]);
    r.fails(3, "invalid, expired or already used (via api)");
    assert_eq!(r.json()["error"]["exit_code"], 3);
    assert!(
        r.json()["error"]["causes"][0]
            .as_str()
            .unwrap()
            .contains("Invalid or expired link code. (VALIDATION_ERROR)")
    );
}

#[test]
fn link_via_api_needs_a_login_and_the_direct_path_needs_none() {
    let w = fresh();
    w.run(&["configure"]).ok();
    w.run(&["jira", "link", "link-zzzzzzzz", "--via", "api", "-y"])
        .fails(4, "bgagent login");
    // --via api and an explicit platform user contradict each other.
    w.run(&[
        "jira",
        "link",
        "link-zzzzzzzz",
        "--via",
        "api",
        "--platform-user-id",
        PLATFORM_USER,
    ])
    .fails(2, "--via direct");
    // No login: the default is direct (AWS credentials), which says so.
    let r = w.run(&[
        "jira",
        "link",
        "link-zzzzzzzz",
        "--platform-user-id",
        PLATFORM_USER,
    ]);
    r.fails(3, "is unknown");
    assert!(link_posts(&w).is_empty());
}

#[test]
fn an_expired_token_is_refreshed_once_and_the_call_retried() {
    let w = fresh();
    let (sub, _cloud, code) = invited(&w);
    let creds = w.read_cfg("credentials.json");
    let real = creds["id_token"].as_str().unwrap();
    // The pool's own key signs a token that expired a minute ago; token_expiry says it is fresh.
    let mut claims: Value = serde_json::from_slice(
        &base64::Engine::decode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            real.split('.').nth(1).unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    claims["exp"] = json!(now - 60);
    claims["iat"] = json!(now - 3660);
    let expired = mint_id_token(&MotoServer::shared().executable, &claims);
    w.secret(&expired);
    let mut c = creds.clone();
    c["id_token"] = json!(expired);
    std::fs::write(w.cfg_dir().join("credentials.json"), c.to_string()).unwrap();

    let r = w.run(&["jira", "link", &code, "--dry-run", "--output", "json"]);
    w.register_login_secrets();
    r.ok();
    assert!(r.stderr.contains("answered 401"), "{}", r.show());
    assert_eq!(r.json()["platform_user_id"], sub);
    assert_eq!(link_posts(&w), vec![401, 200]);
    let now_token = w.read_cfg("credentials.json")["id_token"].clone();
    assert_ne!(now_token, json!(expired));
    assert_eq!(
        w.read_cfg("credentials.json")["refresh_token"],
        creds["refresh_token"]
    );

    // A token the authorizer can never accept (another platform's API): refreshed and retried
    // once, then API Gateway's non-envelope 401 says to log in.
    let other = World::new();
    let mut cfg = w.read_cfg("config.json");
    cfg["api_url"] = json!(other.platform.outputs["ApiUrl"]);
    std::fs::write(w.cfg_dir().join("config.json"), cfg.to_string()).unwrap();
    let r = w.run(&["jira", "link", &code, "--dry-run", "--output", "json"]);
    w.register_login_secrets();
    r.fails(4, "API Gateway rejected the login token");
    assert!(
        r.stderr.contains("hint: run `bgagent login`"),
        "{}",
        r.show()
    );
    assert_eq!(r.json()["error"]["causes"][0], "HTTP 401: Unauthorized");
    let statuses: Vec<u16> = other
        .platform
        .api
        .requests()
        .into_iter()
        .map(|(_, _, s)| s)
        .collect();
    assert_eq!(statuses, vec![401, 401]);
    w.assert_no_secrets();
}

#[test]
fn unreachable_and_silent_apis_fail_clearly_with_a_timeout() {
    let w = fresh();
    w.logged_in("sam@acme.io");
    // A server that accepts and never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let mut cfg = w.read_cfg("config.json");
    cfg["api_url"] = json!(format!("http://127.0.0.1:{port}/v1/"));
    std::fs::write(w.cfg_dir().join("config.json"), cfg.to_string()).unwrap();
    w.env("BGAGENT_HTTP_TIMEOUT", "0.5");
    let started = std::time::Instant::now();
    w.run(&["pending"]).fails(5, "did not answer within 0.5s");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    drop(silent);
    // Nothing listening: a failure naming the API and the fix.
    w.run(&["pending"])
        .fails(1, "could not reach the platform API");
    // A route the API does not have (wrong stage in api_url).
    let mut cfg = w.read_cfg("config.json");
    let real = w.platform.outputs["ApiUrl"].replace("/v1/", "/v9/");
    cfg["api_url"] = json!(real);
    std::fs::write(w.cfg_dir().join("config.json"), cfg.to_string()).unwrap();
    // API Gateway answers an unknown route with its own 403, not the envelope.
    let r = w.run(&["pending", "--output", "json"]);
    r.fails(4, "API Gateway refused the request");
    assert_eq!(
        r.json()["error"]["causes"][0],
        "HTTP 403: Missing Authentication Token"
    );
    assert!(r.stderr.contains("bgagent whoami"), "{}", r.show());
}
