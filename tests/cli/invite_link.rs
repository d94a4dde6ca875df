//! `jira invite-user`, `link`, `users`, `unlink`: refresh paths, user resolution, codes, races.

use std::time::Duration;

use serde_json::json;

use crate::atlassian_standin::User;
use crate::proxy::{Action, Proxy};
use crate::support::*;

fn user(id: &str, name: &str, email: Option<&str>, active: bool, kind: &str) -> User {
    User {
        account_id: id.into(),
        display_name: name.into(),
        email: email.map(Into::into),
        active,
        account_type: kind.into(),
    }
}

fn people() -> Vec<User> {
    vec![
        user(
            "acc-admin",
            "Ada Admin",
            Some("ada@acme.io"),
            true,
            "atlassian",
        ),
        user(
            "acc-sam-lee",
            "Sam Lee",
            Some("sam.lee@acme.io"),
            true,
            "atlassian",
        ),
        user(
            "acc-sam-park",
            "Sam Park",
            Some("sam.park@acme.io"),
            true,
            "atlassian",
        ),
        user(
            "acc-gone",
            "Gone Person",
            Some("gone@acme.io"),
            false,
            "atlassian",
        ),
        user("acc-bot", "Build Bot", None, true, "app"),
    ]
}

pub fn world() -> (World, Oauth) {
    let w = World::new();
    let o = w.oauth(|c| c.users = people());
    (w, o)
}

fn is_code(c: &str) -> bool {
    c.len() == 13
        && c.starts_with("link-")
        && c[5..]
            .bytes()
            .all(|b| b"abcdefghjkmnpqrstuvwxyz23456789".contains(&b))
}

#[test]
fn invite_writes_the_pending_row_and_link_redeems_it_once() {
    let (w, o) = world();
    let cloud = w.seed_tenant(&o, 3600);
    let out = w.run(&[
        "jira",
        "invite-user",
        &cloud,
        "sam.lee@acme.io",
        "--output",
        "json",
    ]);
    out.ok();
    let doc = out.json();
    let code = doc["code"].as_str().unwrap().to_string();
    assert!(is_code(&code), "{code}");
    assert_eq!(doc["link_command"], format!("bgagent jira link {code}"));
    assert!(
        !out.stderr.contains(&code),
        "JSON mode: the code is in the document only"
    );
    let row = w.user_row(&format!("pending#{code}")).expect("pending row");
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let ttl = row["ttl"].as_i64().expect("ttl is a number");
    assert!((ttl - now - 86_400).abs() <= 5, "24h default");
    assert_eq!(doc["ttl"], ttl);
    let mut keys: Vec<&str> = row
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "invited_at",
            "invited_by_platform_user_id",
            "jira_account_id",
            "jira_cloud_id",
            "jira_identity",
            "jira_site_url",
            "jira_user_email",
            "jira_user_name",
            "status",
            "ttl"
        ]
    );
    assert_eq!(row["status"], "pending");
    assert_eq!(row["jira_account_id"], "acc-sam-lee");
    assert_eq!(row["jira_user_name"], "Sam Lee");
    assert_eq!(row["jira_user_email"], "sam.lee@acme.io");
    assert_eq!(row["jira_site_url"], "https://acme.atlassian.net");
    assert_eq!(row["invited_by_platform_user_id"], PLATFORM_USER);
    assert_eq!(
        o.standin.counts().refreshes,
        0,
        "a fresh token is not refreshed"
    );

    // Redeem as another platform user.
    let teammate = "99999999-0000-4000-8000-000000000001";
    let dry = w.run(&[
        "jira",
        "link",
        &code,
        "--platform-user-id",
        teammate,
        "--dry-run",
        "--output",
        "json",
    ]);
    dry.ok();
    assert_eq!(dry.json()["jira_user_name"], "Sam Lee");
    assert!(
        w.user_row(&format!("pending#{code}")).is_some(),
        "dry run consumed the code"
    );
    w.run(&["jira", "link", &code, "--platform-user-id", teammate])
        .fails(2, "--yes");
    assert!(w.user_row(&format!("{cloud}#acc-sam-lee")).is_none());

    let out = w.run(&[
        "jira",
        "link",
        &code,
        "--platform-user-id",
        teammate,
        "--yes",
        "--output",
        "json",
    ]);
    out.ok();
    assert!(
        out.stderr.contains("Sam Lee (sam.lee@acme.io)")
            && out.stderr.contains("https://acme.atlassian.net"),
        "{}",
        out.show()
    );
    let active = w
        .user_row(&format!("{cloud}#acc-sam-lee"))
        .expect("active row");
    let mut keys: Vec<&str> = active
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "jira_account_id",
            "jira_cloud_id",
            "jira_identity",
            "link_method",
            "linked_at",
            "platform_user_id",
            "status"
        ]
    );
    assert_eq!(active["platform_user_id"], teammate);
    assert_eq!(active["status"], "active");
    assert_eq!(active["link_method"], "cli");
    assert_eq!(out.json()["linked_at"], active["linked_at"]);
    assert!(
        w.user_row(&format!("pending#{code}")).is_none(),
        "the invite is consumed"
    );
    w.run(&[
        "jira",
        "link",
        &code,
        "--yes",
        "--platform-user-id",
        teammate,
    ])
    .fails(3, "unknown or already used");

    // users lists it; a new invite for the same account warns; unlink removes it.
    let users = w.run(&["jira", "users", &cloud, "--output", "json"]);
    users.ok();
    assert_eq!(users.json()["links"][0]["platform_user_id"], teammate);
    let again = w.run(&["jira", "invite-user", &cloud, "acc-sam-lee"]);
    again.ok();
    assert!(
        again
            .stderr
            .contains(&format!("already linked to platform user {teammate}")),
        "{}",
        again.show()
    );
    let users = w.run(&["jira", "users", &cloud, "--output", "json"]);
    assert_eq!(users.json()["invites"].as_array().unwrap().len(), 1);
    w.run(&["jira", "unlink", &cloud, "acc-nobody"])
        .fails(3, "is not linked");
    let un = w.run(&["jira", "unlink", &cloud, "acc-sam-lee", "--output", "json"]);
    un.ok();
    assert_eq!(un.json()["removed"]["platform_user_id"], teammate);
    assert!(w.user_row(&format!("{cloud}#acc-sam-lee")).is_none());
}

#[test]
fn user_resolution_id_email_name_ambiguous_inactive_app() {
    let (w, o) = world();
    let cloud = w.seed_tenant(&o, 3600);
    let ok = |q: &str| {
        let r = w.run(&[
            "jira",
            "invite-user",
            &cloud,
            q,
            "--dry-run",
            "--output",
            "json",
        ]);
        r.ok();
        r.json()["jira_account_id"].as_str().unwrap().to_string()
    };
    assert_eq!(ok("acc-admin"), "acc-admin");
    assert_eq!(ok("SAM.PARK@acme.io"), "acc-sam-park");
    assert_eq!(ok("Ada Admin"), "acc-admin");
    let amb = w.run(&["jira", "invite-user", &cloud, "Sam"]);
    amb.fails(2, "matches 2 Jira users");
    assert!(
        amb.stderr
            .contains("Sam Lee (sam.lee@acme.io) [acc-sam-lee]")
            && amb.stderr.contains("[acc-sam-park]"),
        "{}",
        amb.show()
    );
    assert!(amb.stderr.contains("account id"));
    w.run(&["jira", "invite-user", &cloud, "acc-gone"])
        .fails(2, "is inactive");
    w.run(&["jira", "invite-user", &cloud, "acc-bot"])
        .fails(2, "is an app account");
    w.run(&["jira", "invite-user", &cloud, "Build"])
        .fails(2, "no active Jira user matches 'Build'");
    w.run(&["jira", "invite-user", &cloud, "nobody@acme.io"])
        .fails(2, "no active Jira user matches");
    w.run(&["jira", "invite-user", &cloud, "acc-admin", "--ttl", "8d"])
        .fails(2, "at most 7d");
    let short = w.run(&[
        "jira",
        "invite-user",
        &cloud,
        "acc-admin",
        "--ttl",
        "1h",
        "--output",
        "json",
    ]);
    short.ok();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    assert!((short.json()["ttl"].as_i64().unwrap() - now - 3600).abs() <= 5);
    let pending = w.platform.scan("JiraUserMappingTableName");
    assert_eq!(
        pending.len(),
        1,
        "dry runs and failures wrote nothing: {pending:?}"
    );
    w.run(&["jira", "invite-user", &random_uuid(), "acc-admin"])
        .fails(3, "is not registered");
}

#[test]
fn due_refresh_is_persisted_keeping_other_fields() {
    let (w, o) = world();
    let cloud = w.seed_tenant(&o, 30); // inside the 60 s margin
    let before = w.bundle(&cloud).unwrap();
    let out = w.run(&[
        "jira",
        "invite-user",
        &cloud,
        "acc-admin",
        "--output",
        "json",
    ]);
    out.ok();
    let after = w.bundle(&cloud).unwrap();
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
    assert_eq!(o.standin.counts().refreshes, 1);
    assert_ne!(after["refresh_token"], before["refresh_token"]);
    assert_ne!(after["access_token"], before["access_token"]);
    assert_ne!(after["expires_at"], before["expires_at"]);
    for k in [
        "x_future",
        "webhook_signing_secret",
        "client_secret",
        "installed_at",
        "cloud_id",
    ] {
        assert_eq!(after[k], before[k], "{k} kept");
    }
    // The stored refresh token is the live one: a second refresh with it works.
    assert!(
        o.standin
            .rotate_refresh_token_externally(after["refresh_token"].as_str().unwrap())
            .is_some()
    );
}

#[test]
fn invalid_grant_adopts_a_concurrent_rotation_or_asks_for_setup() {
    let (w, o) = world();
    let cloud = w.seed_tenant(&o, -10);
    // Another writer (a platform Lambda) rotates the token just as bgagent tries to.
    let before = w.bundle(&cloud).unwrap();
    let (standin, platform_sdk, name) = (
        o.standin.clone_handle(),
        w.platform.sdk.clone(),
        format!("bgagent-jira-oauth-{cloud}"),
    );
    let old_refresh = before["refresh_token"].as_str().unwrap().to_string();
    let mut bundle_for_lambda = before.clone();
    let mut fired = false;
    let proxy = Proxy::start(&o.standin.url(), move |req| {
        if !fired
            && req.path.starts_with("/oauth/token")
            && req.body_text().contains("refresh_token")
        {
            fired = true;
            let (a, r) = standin
                .rotate_refresh_token_externally(&old_refresh)
                .expect("lambda rotation");
            bundle_for_lambda["access_token"] = json!(a);
            bundle_for_lambda["refresh_token"] = json!(r);
            bundle_for_lambda["expires_at"] = json!(iso(
                time::OffsetDateTime::now_utc() + time::Duration::hours(1)
            ));
            let sm = aws_sdk_secretsmanager::Client::new(&platform_sdk);
            block_on(
                sm.put_secret_value()
                    .secret_id(&name)
                    .secret_string(bundle_for_lambda.to_string())
                    .send(),
            )
            .unwrap();
        }
        Action::Forward
    });
    w.env("BGAGENT_ATLASSIAN_AUTH_URL", &proxy.url);
    let out = w.run(&[
        "jira",
        "invite-user",
        &cloud,
        "acc-admin",
        "--output",
        "json",
    ]);
    out.ok();
    let after = w.bundle(&cloud).unwrap();
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
    assert!(
        o.standin
            .counts()
            .rejected
            .iter()
            .any(|r| r == "refresh_reuse"),
        "bgagent's refresh lost the race"
    );
    assert_ne!(
        after["refresh_token"], before["refresh_token"],
        "the Lambda's rotation is kept"
    );
    assert!(
        o.standin
            .rotate_refresh_token_externally(after["refresh_token"].as_str().unwrap())
            .is_some(),
        "stored token is live"
    );

    // Without a concurrent writer: the grant is dead, say to set up again.
    let (w2, o2) = world();
    let cloud2 = w2.seed_tenant(&o2, -10);
    o2.standin.revoke_all();
    let out = w2.run(&["jira", "invite-user", &cloud2, "acc-admin"]);
    out.fails(3, "no longer accepts the refresh token");
    assert!(out.stderr.contains("bgagent jira setup"), "{}", out.show());
    assert!(w2.platform.scan("JiraUserMappingTableName").is_empty());
}

#[test]
fn expired_unknown_and_malformed_codes() {
    let (w, o) = world();
    let cloud = w.seed_tenant(&o, 3600);
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    w.platform.put_item_json(
        "JiraUserMappingTableName",
        &json!({
            "jira_identity": "pending#link-abcdefgh", "status": "pending", "jira_cloud_id": cloud,
            "jira_site_url": "https://acme.atlassian.net", "jira_account_id": "acc-admin", "jira_user_name": "Ada Admin",
            "jira_user_email": "ada@acme.io", "invited_at": "2026-11-01T00:00:00.000Z",
            "invited_by_platform_user_id": PLATFORM_USER, "ttl": now - 5,
        }),
    );
    let out = w.run(&["jira", "link", "link-abcdefgh", "--yes"]);
    out.fails(3, "invite code link-abcdefgh is expired at");
    assert!(out.stderr.contains("ask your Jira admin for a new code"));
    assert!(w.user_row(&format!("{cloud}#acc-admin")).is_none());
    w.run(&["jira", "link", "link-zzzzzzzz", "--yes"])
        .fails(3, "unknown or already used");
    // Malformed codes never reach AWS (a missing stack would be exit 1).
    for bad in ["link-ABCDEFGH", "link-abc", "abcdefgh", "link-abcdefg1"] {
        w.run(&[
            "jira",
            "link",
            bad,
            "--yes",
            "--stack-name",
            "no-such-stack",
        ])
        .fails(2, "<CODE>");
    }
}

#[test]
fn concurrent_redemptions_link_exactly_once() {
    let (w, o) = world();
    let cloud = w.seed_tenant(&o, 3600);
    let code = w
        .run(&[
            "jira",
            "invite-user",
            &cloud,
            "acc-sam-park",
            "--output",
            "json",
        ])
        .json()["code"]
        .as_str()
        .unwrap()
        .to_string();
    let racers: Vec<_> = (0..8)
        .map(|i| {
            w.spawn(
                &[
                    "jira",
                    "link",
                    &code,
                    "--yes",
                    "--platform-user-id",
                    &format!("racer-{i}"),
                ],
                "",
            )
        })
        .collect();
    let runs: Vec<Run> = racers.into_iter().map(|s| w.finish(s)).collect();
    let winners: Vec<&Run> = runs.iter().filter(|r| r.code == 0).collect();
    assert_eq!(
        winners.len(),
        1,
        "{:#?}",
        runs.iter().map(Run::show).collect::<Vec<_>>()
    );
    for r in runs.iter().filter(|r| r.code != 0) {
        assert_eq!(r.code, 3, "{}", r.show());
    }
    let rows = w.platform.scan("JiraUserMappingTableName");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["status"], "active");
    let won = rows[0]["platform_user_id"].as_str().unwrap();
    assert!(
        winners[0]
            .stdout
            .contains(&format!("to platform user {won}")),
        "{}",
        winners[0].show()
    );
    let _ = Duration::ZERO;
}

/// DynamoDB's answer when a transaction collides with another one on the same items.
fn transaction_conflict(_: &crate::proxy::Req) -> Action {
    Action::Respond(
        400,
        vec![
            ("Content-Type".into(), "application/x-amz-json-1.0".into()),
            (
                "x-amzn-ErrorType".into(),
                "TransactionCanceledException".into(),
            ),
        ],
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]","CancellationReasons":[{"Code":"None"},{"Code":"TransactionConflict","Message":"Transaction is ongoing for the item"}]}"#.into(),
    )
}

#[test]
fn link_retries_a_transaction_conflict_and_tells_it_from_a_used_code() {
    let (w, o) = world();
    let cloud = w.seed_tenant(&o, 3600);
    let invite = |w: &World| {
        w.run(&[
            "jira",
            "invite-user",
            &cloud,
            "acc-sam-park",
            "--output",
            "json",
        ])
        .json()["code"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // Conflicts on every attempt: a clear "try again", nothing written, the code still good.
    let code = invite(&w);
    let hits = std::sync::Arc::new(std::sync::Mutex::new(0));
    let (h, limit) = (
        hits.clone(),
        std::sync::Arc::new(std::sync::Mutex::new(u32::MAX)),
    );
    let l2 = limit.clone();
    let p = Proxy::start(&crate::moto::MotoServer::shared().endpoint, move |req| {
        if req.aws_op() == "TransactWriteItems" {
            let mut n = h.lock().unwrap();
            *n += 1;
            if *n <= *l2.lock().unwrap() {
                return transaction_conflict(req);
            }
        }
        Action::Forward
    });
    w.env("AWS_ENDPOINT_URL", &p.url);
    let r = w.run(&[
        "jira",
        "link",
        &code,
        "--yes",
        "--platform-user-id",
        "mate-1",
    ]);
    r.fails(3, "try again");
    assert!(!r.stderr.contains("redeemed or expired"), "{}", r.show());
    assert!(r.stderr.contains("still valid"), "{}", r.show());
    assert_eq!(*hits.lock().unwrap(), 4, "retried with backoff");
    assert_eq!(
        w.user_row(&format!("pending#{code}")).unwrap()["status"],
        "pending"
    );
    // One conflict, then DynamoDB lets it through: linked.
    *hits.lock().unwrap() = 0;
    *limit.lock().unwrap() = 1;
    let r = w.run(&[
        "jira",
        "link",
        &code,
        "--yes",
        "--platform-user-id",
        "mate-1",
    ]);
    r.ok();
    assert_eq!(*hits.lock().unwrap(), 2);
    assert!(w.user_row(&format!("pending#{code}")).is_none());
    // A used code is still "cannot be used" (ConditionalCheckFailed → exit 3), no retry.
    *limit.lock().unwrap() = 0;
    let r = w.run(&[
        "jira",
        "link",
        &code,
        "--yes",
        "--platform-user-id",
        "mate-2",
    ]);
    r.fails(3, "ask your Jira admin for a new code");
}
