//! Fault injection: a proxy between bgagent and moto / the Atlassian stand-in answers with 5xx,
//! throttling, dropped connections or slow answers. bgagent retries what is safe to retry, ends
//! with a clear error otherwise, and the stores stay in a state the contract allows.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::moto::MotoServer;
use crate::proxy::{Action, Proxy, Req};
use crate::setup::{WEBHOOK, setup_args, setup_via_callback, stdin};
use crate::support::*;

#[derive(Clone, Copy, Debug)]
pub enum Fault {
    ServerError,
    Throttle,
    Drop,
    Slow,
}

pub const ALL: [Fault; 4] = [
    Fault::ServerError,
    Fault::Throttle,
    Fault::Drop,
    Fault::Slow,
];

pub fn answer(req: &Req, f: Fault) -> Action {
    let query = req.header("x-amz-target").is_none();
    let (status, code) = match f {
        Fault::ServerError => (500, "InternalFailure"),
        Fault::Throttle => (
            400,
            if query {
                "Throttling"
            } else {
                "ThrottlingException"
            },
        ),
        Fault::Drop => return Action::Drop,
        Fault::Slow => return Action::Delay(Duration::from_millis(1800)),
    };
    if query {
        let body = format!(
            "<ErrorResponse><Error><Type>Receiver</Type><Code>{code}</Code><Message>injected</Message></Error><RequestId>x</RequestId></ErrorResponse>"
        );
        Action::Respond(
            status,
            vec![("Content-Type".into(), "text/xml".into())],
            body,
        )
    } else {
        let body = format!(r#"{{"__type":"{code}","message":"injected"}}"#);
        Action::Respond(
            status,
            vec![
                ("Content-Type".into(), "application/x-amz-json-1.0".into()),
                ("x-amzn-ErrorType".into(), code.into()),
            ],
            body,
        )
    }
}

/// Faults `times` requests of AWS operation `op` (whose body contains `needle`), forwards the rest.
pub fn aws_proxy(
    op: &'static str,
    needle: &'static str,
    fault: Fault,
    times: u32,
) -> (Proxy, Arc<Mutex<u32>>) {
    let hits = Arc::new(Mutex::new(0));
    let h = hits.clone();
    let mut left = times;
    let p = Proxy::start(&MotoServer::shared().endpoint, move |req| {
        if req.aws_op() == op && req.body_text().contains(needle) {
            *h.lock().unwrap() += 1;
            if left > 0 {
                left -= 1;
                return answer(req, fault);
            }
        }
        Action::Forward
    });
    (p, hits)
}

pub fn faulty_world(w: &World, p: &Proxy) {
    w.env("AWS_ENDPOINT_URL", &p.url);
    w.env("BGAGENT_HTTP_TIMEOUT", "1");
}

#[test]
fn map_survives_transient_faults_and_reports_persistent_ones() {
    for op in ["DescribeStacks", "BatchGetItem", "PutItem"] {
        for f in ALL {
            let w = World::new();
            let c = random_uuid();
            w.registry_put(&c, "https://acme.atlassian.net", "active");
            let (p, hits) = aws_proxy(op, "", f, 1);
            faulty_world(&w, &p);
            let r = w.run(&["jira", "map", &c, "ENG", "--repo", REPO]);
            assert_eq!(r.code, 0, "{op} {f:?} once must be retried:\n{}", r.show());
            assert!(*hits.lock().unwrap() >= 2, "{op} {f:?}: no retry happened");
            assert_eq!(w.project(&c, "ENG").unwrap()["repo"], REPO);
        }
        let w = World::new();
        let c = random_uuid();
        w.registry_put(&c, "https://acme.atlassian.net", "active");
        let (p, _) = aws_proxy(op, "", Fault::ServerError, 100);
        faulty_world(&w, &p);
        let r = w.run(&["jira", "map", &c, "ENG", "--repo", REPO]);
        assert_eq!(r.code, 1, "{op}: {}", r.show());
        assert!(
            r.stderr.contains("error:") && r.stderr.contains("caused by:"),
            "{}",
            r.show()
        );
        assert!(w.project(&c, "ENG").is_none());
    }
    // Persistently slow: ends on the per-attempt timeout with a hint, instead of hanging.
    let w = World::new();
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    let (p, _) = aws_proxy("PutItem", "", Fault::Slow, 100);
    faulty_world(&w, &p);
    let started = std::time::Instant::now();
    let r = w.run(&["jira", "map", &c, "ENG", "--repo", REPO]);
    assert_eq!(r.code, 1, "{}", r.show());
    assert!(
        r.stderr.contains("could not write the mapping") && r.stderr.contains("timeout"),
        "{}",
        r.show()
    );
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn link_never_burns_a_code_without_linking() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    let me = o.standin.users()[0].account_id.clone();
    for f in ALL {
        let code = w
            .run(&["jira", "invite-user", &cloud, &me, "--output", "json"])
            .json()["code"]
            .as_str()
            .unwrap()
            .to_string();
        let (p, hits) = aws_proxy("TransactWriteItems", "", f, 1);
        faulty_world(&w, &p);
        let r = w.run(&["jira", "link", &code, "--yes"]);
        assert!(*hits.lock().unwrap() >= 1);
        w.extra_env
            .borrow_mut()
            .retain(|(k, _)| k != "AWS_ENDPOINT_URL" && k != "BGAGENT_HTTP_TIMEOUT");
        let pending = w.user_row(&format!("pending#{code}"));
        let active = w.user_row(&format!("{cloud}#{me}"));
        // Either the transaction went through (a retry succeeded) or nothing changed.
        match r.code {
            0 => assert!(pending.is_none() && active.is_some(), "{f:?}"),
            _ => assert!(pending.is_some() && active.is_none(), "{f:?}: {}", r.show()),
        }
        if r.code != 0 {
            assert!(
                r.stderr.contains("re-run `bgagent jira link"),
                "{}",
                r.show()
            );
        }
        w.run(&["jira", "unlink", &cloud, &me]);
    }
    // Persistent failure: the code stays usable.
    let code = w
        .run(&["jira", "invite-user", &cloud, &me, "--output", "json"])
        .json()["code"]
        .as_str()
        .unwrap()
        .to_string();
    let (p, _) = aws_proxy("TransactWriteItems", "", Fault::ServerError, 100);
    faulty_world(&w, &p);
    w.run(&["jira", "link", &code, "--yes"])
        .fails(1, "not written: the link");
    w.extra_env
        .borrow_mut()
        .retain(|(k, _)| k != "AWS_ENDPOINT_URL" && k != "BGAGENT_HTTP_TIMEOUT");
    assert!(w.user_row(&format!("pending#{code}")).is_some());
    w.run(&["jira", "link", &code, "--yes"]).ok();
}

#[test]
fn invite_survives_faults_on_aws_and_atlassian() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    let me = o.standin.users()[0].account_id.clone();
    for (op, f) in [
        ("GetSecretValue", Fault::ServerError),
        ("PutItem", Fault::Throttle),
        ("GetItem", Fault::Drop),
    ] {
        let (p, _) = aws_proxy(op, "", f, 1);
        faulty_world(&w, &p);
        w.run(&["jira", "invite-user", &cloud, &me]).ok();
        w.extra_env
            .borrow_mut()
            .retain(|(k, _)| k != "AWS_ENDPOINT_URL" && k != "BGAGENT_HTTP_TIMEOUT");
    }
    assert_eq!(w.platform.scan("JiraUserMappingTableName").len(), 3);
    // Atlassian: 429 with Retry-After and 503 are retried on the Jira API.
    o.standin.fail_next("/ex/jira", 429, Some(1), 1);
    o.standin.fail_next("/ex/jira", 503, None, 1);
    w.run(&["jira", "invite-user", &cloud, &me]).ok();
    assert!(o.standin.counts().faulted >= 2);
    // A persistently failing API: clear error, no invite.
    o.standin.fail_next("/ex/jira", 500, None, 20);
    let r = w.run(&["jira", "invite-user", &cloud, &me]);
    r.fails(1, "failed: Atlassian answered HTTP 500");
    assert_eq!(w.platform.scan("JiraUserMappingTableName").len(), 4);
    // The refresh is not retried on 5xx (a rotation may have happened); the tokens stay as they were.
    let w2 = World::new();
    let o2 = w2.oauth(|_| {});
    let cloud2 = w2.seed_tenant(&o2, -5);
    let before = w2.bundle(&cloud2).unwrap();
    o2.standin.fail_next("/oauth/token", 500, None, 1);
    w2.run(&[
        "jira",
        "invite-user",
        &cloud2,
        &o2.standin.users()[0].account_id,
    ])
    .fails(1, "token refresh was rejected");
    assert_eq!(w2.bundle(&cloud2).unwrap(), before);
    o2.standin.fail_next("/oauth/token", 429, Some(1), 1);
    w2.run(&[
        "jira",
        "invite-user",
        &cloud2,
        &o2.standin.users()[0].account_id,
    ])
    .ok();
}

/// Runs setup through a proxy that faults AWS operation `op` (body containing `needle`).
fn setup_with_fault(
    op: &'static str,
    needle: &'static str,
    f: Fault,
    times: u32,
) -> (World, Oauth, Run) {
    let w = World::new();
    let o = w.oauth(|_| {});
    let (p, _) = aws_proxy(op, needle, f, times);
    faulty_world(&w, &p);
    let r = setup_via_callback(&w, &o, &[]);
    drop(p);
    (w, o, r)
}

#[test]
fn setup_retries_transient_faults_and_says_how_to_finish_after_persistent_ones() {
    for (op, needle) in [
        ("CreateSecret", ""),
        ("UpdateItem", ""),
        ("PutSecretValue", "JiraWebhookSecret"),
        ("Scan", ""),
    ] {
        let (w, o, r) = setup_with_fault(op, needle, Fault::ServerError, 1);
        assert_eq!(r.code, 0, "{op}: {}", r.show());
        let cloud = o.standin.sites()[0].id.clone();
        assert_eq!(w.stack_secret(), WEBHOOK);
        assert_eq!(w.bundle(&cloud).unwrap()["webhook_signing_secret"], WEBHOOK);
    }
    // Registry write keeps failing: the bundle is written, the message says so and how to finish.
    let (w, o, r) = setup_with_fault("UpdateItem", "", Fault::ServerError, 100);
    r.fails(1, "could not record the tenant in the registry");
    assert!(
        r.stderr.contains("written: tenant bundle")
            && r.stderr.contains("not written: registry row"),
        "{}",
        r.show()
    );
    assert!(r.stderr.contains("re-run `bgagent jira setup`"));
    assert!(w.bundle(&o.standin.sites()[0].id).is_some());
    assert!(w.platform.scan("JiraWorkspaceRegistryTableName").is_empty());
    // Stack-wide write keeps failing on a new tenant: said plainly, with how to finish.
    let (w, _o, r) = setup_with_fault("PutSecretValue", "JiraWebhookSecret", Fault::Throttle, 100);
    r.fails(1, "could not write the stack-wide webhook secret");
    assert!(
        r.stderr.contains("written: registry row") && r.stderr.contains("safe to repeat"),
        "{}",
        r.show()
    );
    assert!(w.stack_secret().contains("abca_jira_webhook_placeholder"));
    // The token endpoint failing: nothing is written at all.
    let w = World::new();
    let o = w.oauth(|_| {});
    o.standin.fail_next("/oauth/token", 500, None, 1);
    let r = setup_via_callback(&w, &o, &[]);
    r.fails(1, "token exchange was rejected");
    assert!(w.bundle(&o.standin.sites()[0].id).is_none());
    // accessible-resources: a 503 is retried.
    std::fs::remove_file(&o.url_file).ok();
    o.standin
        .fail_next("/oauth/token/accessible-resources", 503, Some(1), 1);
    setup_via_callback(&w, &o, &[]).ok();
}

#[test]
fn no_secret_reaches_a_child_process_argv() {
    let w = World::new();
    let o = w.oauth(|_| {});
    w.secret(WEBHOOK);
    let s = w.spawn(&setup_args(&o, &[]), &stdin(&o));
    let url = o.browser_url();
    for secret in w.secrets.borrow().iter() {
        assert!(
            !url.contains(secret.as_str()),
            "the browser's argv carries a secret"
        );
    }
    http::get(&o.authorize(&url)).unwrap();
    w.finish(s).ok();
}

/// What the proxy of [`rotate_on_put`] does with the writes it matches, after the rotation.
#[derive(Clone, Copy, PartialEq)]
pub enum Then {
    /// Every one goes through.
    Forward,
    /// Every one fails (the first write and each retry of it).
    FailAll,
    /// The first goes through (replacing the rotation); every later one fails.
    FailLater,
}

/// A proxy that plays the platform's Lambda: on the first `PutSecretValue` whose body contains
/// `needle`, it rotates the refresh token of the OAuth bundle `bundle` (a secret name) straight
/// in moto first; `then` says what becomes of that write and the later matching ones. Returns
/// the proxy and the rotated token.
pub fn rotate_on_put(w: &World, bundle: &str, needle: &str, then: Then) -> (Proxy, String) {
    let rotated = format!(
        "rt-rotated-by-lambda-{}",
        hex::encode(rand::random::<[u8; 8]>())
    );
    w.secret(&rotated);
    let platform = w.platform.secret_store();
    let (name, token) = (bundle.to_string(), rotated.clone());
    let needle = needle.to_string();
    let mut done = false;
    let p = Proxy::start(&MotoServer::shared().endpoint, move |req| {
        if req.aws_op() == "PutSecretValue" && req.body_text().contains(needle.as_str()) {
            let first = !done;
            if first {
                done = true;
                let mut b: serde_json::Value =
                    serde_json::from_str(&platform.get(&name).unwrap()).unwrap();
                b["refresh_token"] = serde_json::json!(token);
                platform.put(&name, &b.to_string());
            }
            if then == Then::FailAll || (then == Then::FailLater && !first) {
                return answer(req, Fault::ServerError);
            }
        }
        Action::Forward
    });
    (p, rotated)
}

/// The rotation lands just before the stack-wide write, which then fails.
fn rotate_then_fail_stack_write(w: &World, cloud: &str) -> (Proxy, String) {
    let bundle = format!("bgagent-jira-oauth-{cloud}");
    rotate_on_put(w, &bundle, "JiraWebhookSecret", Then::FailAll)
}

#[test]
fn a_rollback_keeps_a_refresh_token_rotated_meanwhile() {
    // update-webhook-secret on a tenant whose Lambda rotates the refresh token mid-command.
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    let stack_before = w.stack_secret();
    let (p, rotated) = rotate_then_fail_stack_write(&w, &cloud);
    faulty_world(&w, &p);
    w.secret("new-webhook-secret-value-abcdef123456");
    let r = w.run_in(
        &[
            "jira",
            "update-webhook-secret",
            &cloud,
            "--webhook-secret-stdin",
        ],
        "new-webhook-secret-value-abcdef123456\n",
    );
    r.fails(1, "could not write the stack-wide webhook secret");
    assert!(
        r.stderr.contains("restored to its previous value"),
        "{}",
        r.show()
    );
    drop(p);
    let b = w.bundle(&cloud).unwrap();
    assert_eq!(
        b["refresh_token"],
        rotated.as_str(),
        "the rotation was undone"
    );
    assert_eq!(b["webhook_signing_secret"], "seeded-webhook-secret-xyz");
    assert_eq!(b["x_future"]["kept"], true);
    assert_eq!(w.stack_secret(), stack_before);

    // setup re-run: the same.
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = o.standin.sites()[0].id.clone();
    setup_via_callback(&w, &o, &[]).ok();
    std::fs::remove_file(&o.url_file).ok();
    let (p, rotated) = rotate_then_fail_stack_write(&w, &cloud);
    faulty_world(&w, &p);
    w.env("BGAGENT_HTTP_TIMEOUT", "5");
    w.secret("another-webhook-secret-value-987654");
    let s = w.spawn(
        &setup_args(&o, &[]),
        &format!("{}\nanother-webhook-secret-value-987654\n", o.client_secret),
    );
    http::get(&o.authorize(&o.browser_url())).unwrap();
    let r = w.finish(s);
    r.fails(1, "could not write the stack-wide webhook secret");
    drop(p);
    let b = w.bundle(&cloud).unwrap();
    assert_eq!(
        b["refresh_token"],
        rotated.as_str(),
        "the rotation was undone"
    );
    assert_eq!(b["webhook_signing_secret"], WEBHOOK);
    assert_eq!(w.stack_secret(), WEBHOOK);
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
}

/// `jira update-webhook-secret` of `new` on a fresh tenant whose Lambda rotates the refresh
/// token just before bgagent's bundle write; `then` is what becomes of that write and the later
/// ones. Returns the world, the tenant, the refresh tokens before (spent by the rotation) and
/// after the rotation, and the run.
fn update_webhook_secret_mid_rotation(new: &str, then: Then) -> (World, String, Tokens, Run) {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    let spent = w.bundle(&cloud).unwrap()["refresh_token"].clone();
    w.secret(new);
    let bundle = format!("bgagent-jira-oauth-{cloud}");
    let (p, rotated) = rotate_on_put(&w, &bundle, &bundle, then);
    faulty_world(&w, &p);
    w.env("BGAGENT_HTTP_TIMEOUT", "10");
    let r = w.run_in(
        &[
            "jira",
            "update-webhook-secret",
            &cloud,
            "--webhook-secret-stdin",
        ],
        &format!("{new}\n"),
    );
    drop(p);
    (w, cloud, Tokens { spent, rotated }, r)
}

/// A bundle's refresh token before and after a Lambda's rotation.
struct Tokens {
    spent: serde_json::Value,
    rotated: String,
}

/// The platform's Lambda refreshes just as `update-webhook-secret`'s write of the bundle is on its
/// way: the rotated token is stored first, then bgagent's write (built from its read before)
/// lands. bgagent sees that it replaced a version it never read and writes its change again on
/// top of the Lambda's, so neither the rotation nor the new webhook secret is lost.
#[test]
fn a_rotation_landing_between_update_webhook_secrets_read_and_write_is_kept() {
    let new = "new-webhook-secret-written-mid-rotation-42";
    let (w, cloud, Tokens { rotated, .. }, r) =
        update_webhook_secret_mid_rotation(new, Then::Forward);
    r.ok();
    let b = w.bundle(&cloud).unwrap();
    assert_eq!(b["webhook_signing_secret"], new);
    assert_eq!(
        b["refresh_token"],
        rotated.as_str(),
        "the Lambda's rotation was overwritten with the spent token"
    );
    assert_eq!(b["x_future"]["kept"], true);
    assert_eq!(w.stack_secret(), new);
    w.assert_no_secrets();
}

#[test]
fn a_rotation_that_cannot_be_re_applied_is_reported_as_not_written() {
    // The rotation lands between the re-read and the bundle write, as above, but writing the
    // merged version fails: the new secret stands in both places, the rotated token is lost, and
    // the error says so instead of "nothing written".
    let new = "new-webhook-secret-written-mid-rotation-43";
    let (w, cloud, Tokens { spent, rotated }, r) =
        update_webhook_secret_mid_rotation(new, Then::FailLater);
    r.fails(1, "could not re-apply this change onto version");
    for needle in [
        "which another writer stored between this command's read and its write",
        "written: webhook_signing_secret of tenant bundle",
        "and the stack-wide webhook secret (synchronized)",
        "not written: the other writer's change (e.g. a refresh token the platform rotated meanwhile)",
        &format!("`bgagent jira doctor {cloud} --verify-refresh`"),
    ] {
        assert!(
            r.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            r.show()
        );
    }
    assert!(!r.stderr.contains("both unchanged"), "{}", r.show());
    let b = w.bundle(&cloud).unwrap();
    assert_eq!(b["webhook_signing_secret"], new);
    assert_eq!(
        b["refresh_token"], spent,
        "the report must match what is stored"
    );
    assert_ne!(b["refresh_token"], rotated.as_str());
    assert_eq!(w.stack_secret(), new);
    w.assert_no_secrets();
}
