//! Faults on every AWS call of every `bgagent linear` command, and on the Linear calls of
//! `invite-user`'s refresh; rotation races; the registry read past one Scan page.
//!
//! The AWS side is table-driven: each command is run once through a recording proxy to learn
//! the calls it makes (operation and occurrence, e.g. the second `GetSecretValue`); then each
//! call is faulted in turn — once (every fault kind on writes, one kind on reads), which must
//! be retried and succeed with the right stores, and persistently, which must end with exit 1,
//! an error with its cause, what was and was not written, a hint, and stores in a state the
//! contract allows (checked on the actual rows and secrets). Where the hint says to re-run,
//! the re-run (without faults) must complete.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use crate::faults::{ALL, Fault, Then, answer, faulty_world, rotate_on_put};
use crate::linear::{Lin, WEBHOOK, bundle, first_workspace, linear, registry};
use crate::linear_standin::{Org, random_uuid};
use crate::moto::MotoServer;
use crate::proxy::{Action, Proxy};
use crate::support::{PLATFORM_USER, REPO, Run, World, block_on, wait_for};

const REQUIRED: [&str; 11] = [
    "access_token",
    "refresh_token",
    "expires_at",
    "scope",
    "client_id",
    "client_secret",
    "workspace_id",
    "workspace_slug",
    "installed_at",
    "updated_at",
    "installed_by_platform_user_id",
];

fn is_write(op: &str) -> bool {
    [
        "Put",
        "Update",
        "Delete",
        "Create",
        "Restore",
        "TransactWrite",
        "BatchWrite",
    ]
    .iter()
    .any(|p| op.starts_with(p))
}

fn clear_faults(w: &World) {
    w.extra_env
        .borrow_mut()
        .retain(|(k, _)| k != "AWS_ENDPOINT_URL" && k != "BGAGENT_HTTP_TIMEOUT");
}

/// Faults the `k`-th request (0-based) of AWS operation `op`, and with `persistent` every later
/// one too; forwards the rest. Returns the proxy and how many requests of `op` it saw.
fn kth_proxy(op: &str, k: usize, f: Fault, persistent: bool) -> (Proxy, Arc<Mutex<usize>>) {
    let seen = Arc::new(Mutex::new(0usize));
    let s = seen.clone();
    let op = op.to_string();
    let p = Proxy::start(&MotoServer::shared().endpoint, move |req| {
        if req.aws_op() == op {
            let mut n = s.lock().unwrap();
            let i = *n;
            *n += 1;
            if i == k || (persistent && i > k) {
                return answer(req, f);
            }
        }
        Action::Forward
    });
    (p, seen)
}

/// The complete bundle check: the 11 fields, non-empty strings.
fn assert_complete(b: &Value, what: &str) {
    for k in REQUIRED {
        assert!(
            b[k].as_str().is_some_and(|s| !s.is_empty()),
            "{what}: bundle lacks {k}: {b}"
        );
    }
}

/// The error shape every persistent AWS failure must have (text on stderr, the same in the
/// JSON error document when `--output json`): the cause, a hint, and for a failed write what
/// was not written.
#[track_caller]
fn assert_error_shape(r: &Run, what: &str, op: &str) {
    assert_eq!(r.code, 1, "{what}: {}", r.show());
    let mut parts = vec!["error:", "caused by:", "hint:"];
    if is_write(op) {
        parts.push("not written:");
    }
    for part in parts {
        assert!(r.stderr.contains(part), "{what}: no `{part}`\n{}", r.show());
    }
    if r.stdout.trim_start().starts_with('{') && r.json().get("error").is_some() {
        let e = &r.json()["error"];
        assert!(
            !e["causes"].as_array().unwrap().is_empty()
                && !e["hints"].as_array().unwrap().is_empty(),
            "{what}: the JSON error lacks causes or hints: {e}"
        );
    }
}

fn hints(r: &Run) -> Vec<String> {
    r.stderr
        .lines()
        .filter_map(|l| l.strip_prefix("hint: "))
        .map(str::to_string)
        .collect()
}

/// One command of the table.
struct Case<'a> {
    name: &'static str,
    /// Brings the stores back to the state the command starts from.
    reset: &'a dyn Fn(),
    run: &'a dyn Fn() -> Run,
    /// The command succeeded: the stores are right.
    ok: &'a dyn Fn(&Run),
    /// A persistent fault on call (`op`, occurrence): the error and the stores. Returns whether
    /// a re-run (without faults) must then complete.
    failed: &'a dyn Fn(&Run, &str, usize) -> bool,
}

fn exercise(w: &World, lin: &Lin, c: &Case) {
    // 1. The calls the command makes.
    (c.reset)();
    // In the order the requests arrive (as `kth_proxy` counts them).
    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    let l = log.clone();
    let p = Proxy::start(&MotoServer::shared().endpoint, move |req| {
        l.lock().unwrap().push(req.aws_op());
        Action::Forward
    });
    faulty_world(w, &p);
    let r = (c.run)();
    clear_faults(w);
    drop(p);
    lin.register_tokens(w);
    assert_eq!(r.code, 0, "{}: without faults:\n{}", c.name, r.show());
    (c.ok)(&r);
    let mut count: HashMap<String, usize> = HashMap::new();
    let calls: Vec<(String, usize)> = log
        .lock()
        .unwrap()
        .iter()
        .map(|op| {
            let k = count.entry(op.clone()).or_default();
            *k += 1;
            (op.clone(), *k - 1)
        })
        .collect();
    assert!(!calls.is_empty(), "{}: no AWS call seen", c.name);
    eprintln!("{}: {} AWS calls: {calls:?}", c.name, calls.len());

    for (i, (op, k)) in calls.iter().enumerate() {
        let what = format!("{} {op}#{k}", c.name);
        // 2. Once: retried, and the command succeeds with the right stores.
        let kinds: Vec<Fault> = if is_write(op) {
            ALL.to_vec()
        } else {
            vec![ALL[i % ALL.len()]]
        };
        for f in kinds {
            (c.reset)();
            let (p, seen) = kth_proxy(op, *k, f, false);
            faulty_world(w, &p);
            let r = (c.run)();
            clear_faults(w);
            if matches!(f, Fault::Slow) {
                // The delayed first attempt (1.8 s, at least 1 s before the command ended) is
                // still forwarded; let it land before the next reset.
                std::thread::sleep(Duration::from_millis(1200));
            }
            drop(p);
            lin.register_tokens(w);
            assert_eq!(
                r.code,
                0,
                "{what} {f:?} once must be retried:\n{}",
                r.show()
            );
            assert!(
                *seen.lock().unwrap() > k + 1,
                "{what} {f:?}: no retry happened"
            );
            (c.ok)(&r);
        }
        // 3. Persistently: a clear error, stores the contract allows, a re-run that completes.
        let f = [Fault::ServerError, Fault::Throttle, Fault::Drop][i % 3];
        (c.reset)();
        let (p, _) = kth_proxy(op, *k, f, true);
        faulty_world(w, &p);
        let r = (c.run)();
        clear_faults(w);
        drop(p);
        lin.register_tokens(w);
        let rerun = (c.failed)(&r, op, *k);
        if rerun {
            assert!(
                hints(&r)
                    .iter()
                    .any(|h| h.contains("re-run") || h.contains("retry")),
                "{what} persistent {f:?}: the hint does not say to re-run:\n{}",
                r.show()
            );
            let again = (c.run)();
            lin.register_tokens(w);
            assert_eq!(
                again.code,
                0,
                "{what}: the re-run after a persistent {f:?} failed:\n{}",
                again.show()
            );
            (c.ok)(&again);
        }
    }
    w.assert_no_secrets();
}

fn new_world() -> (World, Lin, String) {
    let w = World::new();
    let key = format!("acme{}", hex::encode(rand::random::<[u8; 4]>()));
    let lin = linear(&w, &key);
    (w, lin, key)
}

fn ddb(w: &World) -> aws_sdk_dynamodb::Client {
    aws_sdk_dynamodb::Client::new(&w.platform.sdk)
}

fn sm(w: &World) -> aws_sdk_secretsmanager::Client {
    aws_sdk_secretsmanager::Client::new(&w.platform.sdk)
}

/// Deletes every item of a table whose key attribute is `key`.
fn empty_table(w: &World, output: &str, key: &str) {
    let t = w.platform.table(output).to_string();
    for row in w.platform.scan(output) {
        let id = row[key].as_str().unwrap().to_string();
        block_on(
            ddb(w)
                .delete_item()
                .table_name(&t)
                .key(key, aws_sdk_dynamodb::types::AttributeValue::S(id))
                .send(),
        )
        .unwrap();
    }
}

fn delete_row(w: &World, output: &str, key: &str, id: &str) {
    let t = w.platform.table(output).to_string();
    block_on(
        ddb(w)
            .delete_item()
            .table_name(&t)
            .key(
                key,
                aws_sdk_dynamodb::types::AttributeValue::S(id.to_string()),
            )
            .send(),
    )
    .unwrap();
}

fn scheduled_for_deletion(w: &World, name: &str) -> bool {
    block_on(sm(w).describe_secret().secret_id(name).send())
        .map(|d| d.deleted_date.is_some())
        .unwrap_or(false)
}

fn stack_secret(w: &World) -> String {
    w.platform
        .get_secret_string(&w.platform.outputs["LinearWebhookSecretArn"])
        .unwrap()
}

/// Runs a `linear setup`-like command, playing the browser if it gets that far.
fn install(w: &World, lin: &Lin, args: &[&str], stdin: &str) -> Run {
    let _ = std::fs::remove_file(&lin.url_file);
    let redirect = lin.redirect();
    let mut full: Vec<&str> = args.to_vec();
    full.extend(["--callback-url", &redirect, "--timeout", "30s"]);
    let s = w.spawn(&full, stdin);
    let url = wait_for(30, "bgagent to open the browser or fail", || {
        if let Ok(u) = std::fs::read_to_string(&lin.url_file) {
            return Some(Some(u));
        }
        s.stderr_so_far().contains("error:").then_some(None)
    });
    if let Some(url) = url {
        let r = crate::support::http::get(&url).expect("stand-in answered");
        if r.status == 302 {
            let _ = crate::support::http::get(r.header("Location").unwrap());
        }
    }
    let run = w.finish(s);
    lin.register_tokens(w);
    run
}

#[test]
fn setup_first_install_every_aws_call_faulted() {
    let (w, lin, slug) = new_world();
    let org = lin.standin.org();
    let name = format!("bgagent-linear-oauth-{slug}");
    let stack_before = stack_secret(&w);
    let stdin = format!("{}\n{WEBHOOK}\n", lin.client_secret);
    let reset = || {
        w.platform.delete_secret(&name);
        empty_table(
            &w,
            "LinearWorkspaceRegistryTableName",
            "linear_workspace_id",
        );
        w.platform
            .put_secret_string(&w.platform.outputs["LinearWebhookSecretArn"], &stack_before);
    };
    let run = || {
        install(
            &w,
            &lin,
            &[
                "--output",
                "json",
                "linear",
                "setup",
                &slug,
                "--client-id",
                &lin.client_id,
                "--client-secret-stdin",
                "--webhook-secret-stdin",
            ],
            &stdin,
        )
    };
    let ok = |r: &Run| {
        let b = bundle(&w, &slug).expect("bundle");
        assert_complete(&b, "setup");
        assert_eq!(b["workspace_id"], org.id.as_str());
        assert_eq!(b["webhook_signing_secret"], WEBHOOK);
        assert!(
            lin.standin
                .is_current_refresh_token(b["refresh_token"].as_str().unwrap())
        );
        let row = registry(&w, &org.id).expect("registry row");
        assert_eq!(row["status"], "active");
        assert_eq!(row["workspace_slug"], slug.as_str());
        assert_eq!(row["oauth_secret_arn"], r.json()["oauth_secret_arn"]);
        assert!(row["oauth_secret_arn"].as_str().unwrap().contains(&name));
        assert_eq!(stack_secret(&w), WEBHOOK);
        assert_eq!(r.json()["stack_wide_webhook_secret"], "written");
    };
    let failed = |r: &Run, op: &str, k: usize| {
        let (b, row) = (bundle(&w, &slug), registry(&w, &org.id));
        if op == "PutSecretValue" && k == 0 {
            // The stack-wide fallback (the last write): the workspace works without it, so
            // setup ends with a warning, and says the fallback was not written.
            assert_eq!(r.code, 0, "{}", r.show());
            assert!(
                r.stderr
                    .contains("could not write the stack-wide fallback webhook secret"),
                "{}",
                r.show()
            );
            assert_eq!(r.json()["stack_wide_webhook_secret"], "untouched");
            assert_eq!(stack_secret(&w), stack_before);
            assert_complete(&b.unwrap(), "setup");
            assert_eq!(row.unwrap()["status"], "active");
            return false;
        }
        assert_error_shape(r, &format!("setup {op}#{k}"), op);
        // Never a row without its bundle, never the stack-wide secret before the row.
        match (&b, &row) {
            (None, None) => assert!(
                !is_write(op) || r.stderr.contains("not written: workspace bundle"),
                "{}",
                r.show()
            ),
            (Some(b), None) => {
                assert_complete(b, "setup");
                assert!(
                    r.stderr.contains("written: workspace bundle"),
                    "{}",
                    r.show()
                );
                assert!(
                    r.stderr.contains("not written: registry row"),
                    "{}",
                    r.show()
                );
            }
            _ => panic!(
                "setup {op}#{k}: a row without a bundle, or both: {}",
                r.show()
            ),
        }
        assert_eq!(stack_secret(&w), stack_before);
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "setup",
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

#[test]
fn add_workspace_every_aws_call_faulted() {
    let (w, lin, _) = new_world();
    let (first_slug, first_id) = first_workspace(&w, &lin);
    let second = Org {
        id: random_uuid(),
        name: "Beta".into(),
        url_key: format!("beta{}", hex::encode(rand::random::<[u8; 4]>())),
    };
    lin.standin.set_org(second.clone());
    let name = format!("bgagent-linear-oauth-{}", second.url_key);
    let wh2 = "lin_wh_second0123456789abcdef";
    w.secret(wh2);
    let first_row = registry(&w, &first_id).unwrap();
    let reset = || {
        w.platform.delete_secret(&name);
        delete_row(
            &w,
            "LinearWorkspaceRegistryTableName",
            "linear_workspace_id",
            &second.id,
        );
    };
    let run = || {
        install(
            &w,
            &lin,
            &[
                "--output",
                "json",
                "linear",
                "add-workspace",
                &second.url_key,
                "--webhook-secret-stdin",
            ],
            &format!("{wh2}\n"),
        )
    };
    let unchanged = || {
        assert_eq!(registry(&w, &first_id).unwrap(), first_row);
        assert_eq!(stack_secret(&w), WEBHOOK, "stack-wide untouched");
    };
    let ok = |r: &Run| {
        assert_eq!(r.json()["client_reused_from"], first_slug.as_str());
        let b = bundle(&w, &second.url_key).expect("bundle");
        assert_complete(&b, "add-workspace");
        assert_eq!(b["webhook_signing_secret"], wh2);
        assert_eq!(b["client_id"], lin.client_id.as_str());
        assert_eq!(b["workspace_id"], second.id.as_str());
        let row = registry(&w, &second.id).expect("row");
        assert_eq!(row["status"], "active");
        assert!(row["oauth_secret_arn"].as_str().unwrap().contains(&name));
        unchanged();
    };
    let failed = |r: &Run, op: &str, k: usize| {
        assert_error_shape(r, &format!("add-workspace {op}#{k}"), op);
        match (bundle(&w, &second.url_key), registry(&w, &second.id)) {
            (None, None) => {}
            (Some(b), None) => {
                assert_complete(&b, "add-workspace");
                assert!(
                    r.stderr.contains("written: workspace bundle"),
                    "{}",
                    r.show()
                );
            }
            _ => panic!("a row without a bundle: {}", r.show()),
        }
        unchanged();
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "add-workspace",
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

#[test]
fn update_webhook_secret_every_aws_call_faulted() {
    let (w, lin, _) = new_world();
    let (slug, _) = first_workspace(&w, &lin);
    let name = format!("bgagent-linear-oauth-{slug}");
    let new = "lin_wh_rotated_by_operator_0123456789";
    w.secret(new);
    let before = RefCell::new(Value::Null);
    let reset = || {
        let mut b = bundle(&w, &slug).unwrap();
        b["webhook_signing_secret"] = json!(WEBHOOK);
        b["x_future"] = json!({"kept": true});
        w.platform.put_secret_string(&name, &b.to_string());
        *before.borrow_mut() = b;
    };
    let run = || {
        w.run_in(
            &[
                "--output",
                "json",
                "linear",
                "update-webhook-secret",
                &slug,
                "--webhook-secret-stdin",
            ],
            &format!("{new}\n"),
        )
    };
    let ok = |r: &Run| {
        assert_eq!(r.json()["written"], true);
        let mut after = bundle(&w, &slug).unwrap();
        assert_eq!(after["webhook_signing_secret"], new);
        assert_ne!(after["updated_at"], before.borrow()["updated_at"]);
        // Every other field as it was.
        let mut expect = before.borrow().clone();
        for b in [&mut after, &mut expect] {
            let o = b.as_object_mut().unwrap();
            o.remove("webhook_signing_secret");
            o.remove("updated_at");
        }
        assert_eq!(after, expect);
        assert_eq!(stack_secret(&w), WEBHOOK);
    };
    let failed = |r: &Run, op: &str, k: usize| {
        if op == "GetSecretValue" && k == 1 {
            // The check for a version written meanwhile, after the write: best effort.
            assert_eq!(r.code, 0, "{}", r.show());
            ok(r);
            return false;
        }
        assert_error_shape(r, &format!("update-webhook-secret {op}#{k}"), op);
        assert_eq!(
            bundle(&w, &slug).unwrap(),
            *before.borrow(),
            "one write or none"
        );
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "update-webhook-secret",
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

/// Puts a fresh grant of the stand-in into the bundle, already expired (the next use refreshes).
fn reseat_expired(w: &World, lin: &Lin, slug: &str) -> String {
    let (access, refresh) = lin.standin.mint_tokens();
    w.secret(&access);
    w.secret(&refresh);
    let mut b = bundle(w, slug).unwrap();
    b["access_token"] = json!(access);
    b["refresh_token"] = json!(refresh);
    b["expires_at"] = json!("2020-01-01T00:00:00.000Z");
    w.platform
        .put_secret_string(&format!("bgagent-linear-oauth-{slug}"), &b.to_string());
    refresh
}

#[test]
fn invite_user_with_a_due_refresh_every_aws_call_faulted() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let seeded = RefCell::new(String::new());
    let reset = || {
        empty_table(&w, "LinearUserMappingTableName", "linear_identity");
        *seeded.borrow_mut() = reseat_expired(&w, &lin, &slug);
    };
    let run = || {
        w.run(&[
            "--output",
            "json",
            "linear",
            "invite-user",
            &slug,
            "sam@acme.io",
        ])
    };
    let ok = |r: &Run| {
        let rows = w.platform.scan("LinearUserMappingTableName");
        assert_eq!(rows.len(), 1, "{rows:?}");
        let code = r.json()["code"].as_str().unwrap().to_string();
        assert_eq!(rows[0]["linear_identity"], format!("pending#{code}"));
        assert_eq!(rows[0]["status"], "pending");
        assert_eq!(rows[0]["linear_workspace_id"], org_id.as_str());
        let b = bundle(&w, &slug).unwrap();
        assert_complete(&b, "invite-user");
        assert_ne!(b["refresh_token"], seeded.borrow().as_str());
        assert!(
            lin.standin
                .is_current_refresh_token(b["refresh_token"].as_str().unwrap())
        );
        assert_eq!(b["webhook_signing_secret"], WEBHOOK);
    };
    let failed = |r: &Run, op: &str, k: usize| {
        if r.code == 0 && op == "GetSecretValue" && k == 1 {
            // The re-read before storing the rotation failed: the rotation is stored onto the
            // bundle read before the refresh instead of being lost.
            assert!(r.stderr.contains("could not re-read"), "{}", r.show());
            ok(r);
            return false;
        }
        assert_error_shape(r, &format!("invite-user {op}#{k}"), op);
        let pending = w.platform.scan("LinearUserMappingTableName");
        assert!(pending.is_empty(), "no invite on a failure: {pending:?}");
        let b = bundle(&w, &slug).unwrap();
        let rt = b["refresh_token"].as_str().unwrap();
        if op == "PutSecretValue" {
            // Linear rotated the token but it could not be stored: said plainly, with the fix.
            assert!(
                r.stderr.contains("not written: the rotated refresh token"),
                "{}",
                r.show()
            );
            assert!(r.stderr.contains(&format!("bgagent linear setup {slug}")));
            assert_eq!(rt, seeded.borrow().as_str());
            return false;
        }
        // Otherwise the stored refresh token is still usable: never a spent one.
        assert!(
            lin.standin.is_current_refresh_token(rt),
            "invite-user {op}#{k} left a spent refresh token"
        );
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "invite-user",
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

#[test]
fn link_direct_every_aws_call_faulted() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let sam = lin.standin.config().users[1].id.clone();
    let active = format!("{org_id}#{sam}");
    let code = RefCell::new(String::new());
    let reset = || {
        empty_table(&w, "LinearUserMappingTableName", "linear_identity");
        let r = w.run(&[
            "--output",
            "json",
            "linear",
            "invite-user",
            &slug,
            "sam@acme.io",
        ]);
        r.ok();
        *code.borrow_mut() = r.json()["code"].as_str().unwrap().to_string();
    };
    let run = || {
        let c = code.borrow().clone();
        w.run(&[
            "--output",
            "json",
            "--yes",
            "linear",
            "link",
            &c,
            "--via",
            "direct",
            "--platform-user-id",
            PLATFORM_USER,
        ])
    };
    let row = |k: &str| {
        w.platform
            .get_item("LinearUserMappingTableName", "linear_identity", k)
    };
    let ok = |_: &Run| {
        let a = row(&active).expect("link row");
        assert_eq!(a["platform_user_id"], PLATFORM_USER);
        assert_eq!(a["status"], "active");
        assert_eq!(a["link_method"], "cli");
        assert!(row(&format!("pending#{}", code.borrow())).is_none());
    };
    let failed = |r: &Run, op: &str, k: usize| {
        assert_error_shape(r, &format!("link {op}#{k}"), op);
        // All or nothing: the code stays usable.
        assert!(row(&format!("pending#{}", code.borrow())).is_some());
        assert!(row(&active).is_none());
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "link --via direct",
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

#[test]
fn onboard_project_every_aws_call_faulted() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let pid = lin.standin.config().projects[0].id.clone();
    let reset = || empty_table(&w, "LinearProjectMappingTableName", "linear_project_id");
    let run = || {
        w.run(&[
            "--output",
            "json",
            "linear",
            "onboard-project",
            &pid,
            "--repo",
            REPO,
        ])
    };
    let mapping = || {
        w.platform
            .get_item("LinearProjectMappingTableName", "linear_project_id", &pid)
    };
    let ok = |r: &Run| {
        assert_eq!(r.json()["action"], "created");
        let m = mapping().expect("mapping");
        assert_eq!(m["repo"], REPO);
        assert_eq!(m["status"], "active");
        assert_eq!(m["label_filter"], "bgagent");
        assert_eq!(m["linear_workspace_id"], org_id.as_str());
        assert_eq!(m["workspace_slug"], slug.as_str());
    };
    let failed = |r: &Run, op: &str, k: usize| {
        assert_error_shape(r, &format!("onboard-project {op}#{k}"), op);
        assert!(mapping().is_none());
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "onboard-project",
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

/// Every Linear store, for the read-only commands: nothing may change.
fn snapshot(w: &World, slug: &str) -> (Vec<Value>, Vec<Value>, Vec<Value>, Option<Value>) {
    (
        w.platform.scan("LinearWorkspaceRegistryTableName"),
        w.platform.scan("LinearUserMappingTableName"),
        w.platform.scan("LinearProjectMappingTableName"),
        bundle(w, slug),
    )
}

#[test]
fn read_only_commands_every_aws_call_faulted() {
    let (w, lin, _) = new_world();
    let (slug, _) = first_workspace(&w, &lin);
    let pid = lin.standin.config().projects[0].id.clone();
    w.run(&["linear", "onboard-project", &pid, "--repo", REPO])
        .ok();
    let before = snapshot(&w, &slug);
    let noop = || {};

    // projects
    let run = || w.run(&["--output", "json", "linear", "projects"]);
    let ok = |r: &Run| {
        let ps = r.json()["projects"].as_array().unwrap().clone();
        assert_eq!(ps.len(), 3);
        assert_eq!(ps.iter().filter(|p| p["repo"] == REPO).count(), 1);
        assert_eq!(snapshot(&w, &slug), before);
    };
    let failed = |r: &Run, op: &str, k: usize| {
        assert_error_shape(r, &format!("projects {op}#{k}"), op);
        assert_eq!(snapshot(&w, &slug), before);
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "projects",
            reset: &noop,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );

    // webhook-info (the stack's ApiUrl)
    let run = || w.run(&["--output", "json", "linear", "webhook-info"]);
    let ok = |r: &Run| {
        assert_eq!(
            r.json()["url"],
            format!("{}linear/webhook", w.platform.outputs["ApiUrl"])
        );
    };
    let failed = |r: &Run, op: &str, k: usize| {
        assert_error_shape(r, &format!("webhook-info {op}#{k}"), op);
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "webhook-info",
            reset: &noop,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );

    // workspaces
    let run = || w.run(&["--output", "json", "linear", "workspaces"]);
    let ok = |r: &Run| {
        let ws = &r.json()["workspaces"];
        assert_eq!(ws.as_array().unwrap().len(), 1);
        assert_eq!(ws[0]["bundle"], "ok");
        assert_eq!(ws[0]["webhook_secret"], "set");
        assert_eq!(snapshot(&w, &slug), before);
    };
    let failed = |r: &Run, op: &str, k: usize| {
        assert_eq!(snapshot(&w, &slug), before);
        if op == "GetSecretValue" {
            // A listing: the row is shown with its bundle unreadable, and the listing ends.
            assert_eq!(r.code, 0, "{}", r.show());
            let b = r.json()["workspaces"][0]["bundle"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(b.starts_with("unreadable: "), "{b}");
            return false;
        }
        assert_error_shape(r, &format!("workspaces {op}#{k}"), op);
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "workspaces",
            reset: &noop,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

fn checks(r: &Run) -> HashMap<String, (String, String)> {
    r.json()["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                (
                    c["status"].as_str().unwrap().to_string(),
                    c["fix"].as_str().unwrap_or_default().to_string(),
                ),
            )
        })
        .collect()
}

#[test]
fn doctor_verify_refresh_every_aws_call_faulted() {
    let (w, lin, _) = new_world();
    let (slug, _) = first_workspace(&w, &lin);
    let pid = lin.standin.config().projects[0].id.clone();
    w.run(&["linear", "onboard-project", &pid, "--repo", REPO])
        .ok();
    let seeded = RefCell::new(String::new());
    let reset = || {
        *seeded.borrow_mut() = reseat_expired(&w, &lin, &slug);
    };
    let run = || {
        w.run(&[
            "--output",
            "json",
            "linear",
            "doctor",
            &slug,
            "--verify-refresh",
        ])
    };
    let ok = |r: &Run| {
        let c = checks(r);
        assert!(c.values().all(|(s, _)| s == "pass"), "{}", r.stdout);
        let rt = bundle(&w, &slug).unwrap()["refresh_token"]
            .as_str()
            .unwrap()
            .to_string();
        assert_ne!(rt, *seeded.borrow());
        assert!(lin.standin.is_current_refresh_token(&rt));
    };
    let failed = |r: &Run, op: &str, k: usize| {
        if r.code == 0 && op == "GetSecretValue" {
            // The re-read before storing the rotation failed (stored onto the earlier copy),
            // or the stack-wide fallback could not be read (the workspace has its own secret):
            // either is said.
            let detail = r.json()["checks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == "webhook-secret")
                .unwrap()["detail"]
                .to_string();
            assert!(
                r.stderr.contains("could not re-read") || detail.contains("could not be read"),
                "doctor {op}#{k}: {}",
                r.show()
            );
            ok(r);
            return false;
        }
        // The report names the failed check and its fix; the process ends with 1.
        assert_eq!(r.code, 1, "doctor {op}#{k}: {}", r.show());
        let c = checks(r);
        let fails: Vec<_> = c.iter().filter(|(_, (s, _))| s == "fail").collect();
        assert!(!fails.is_empty(), "doctor {op}#{k}: {}", r.stdout);
        for (id, (_, fix)) in &fails {
            assert!(!fix.is_empty(), "doctor {op}#{k}: check {id} has no fix");
        }
        let rt = bundle(&w, &slug).unwrap()["refresh_token"]
            .as_str()
            .unwrap()
            .to_string();
        if op == "PutSecretValue" {
            assert_eq!(rt, *seeded.borrow());
            return false;
        }
        assert!(
            lin.standin.is_current_refresh_token(&rt),
            "doctor {op}#{k} left a spent refresh token"
        );
        false
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "doctor --verify-refresh",
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

// One test per mode: each is a long table, and two tests run side by side.
#[test]
fn remove_workspace_every_aws_call_faulted() {
    remove_workspace_table(false);
}

#[test]
fn remove_workspace_purge_every_aws_call_faulted() {
    remove_workspace_table(true);
}

fn remove_workspace_table(purge: bool) {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let name = format!("bgagent-linear-oauth-{slug}");
    let row_before = registry(&w, &org_id).unwrap();
    let bundle_before = bundle(&w, &slug).unwrap();
    let reset = || {
        if scheduled_for_deletion(&w, &name) {
            block_on(sm(&w).restore_secret().secret_id(&name).send()).unwrap();
        }
        w.platform
            .put_item_json("LinearWorkspaceRegistryTableName", &row_before);
        assert_eq!(bundle(&w, &slug).unwrap(), bundle_before);
    };
    let mut args = vec!["--output", "json", "--yes", "linear", "remove-workspace"];
    args.push(slug.as_str());
    if purge {
        args.push("--purge");
    }
    let run = || w.run(&args);
    let ok = |r: &Run| {
        let v = r.json();
        assert_eq!(v["status"], if purge { "purged" } else { "revoked" });
        assert_eq!(v["secret"]["action"], "scheduled_deletion");
        assert!(scheduled_for_deletion(&w, &name));
        match registry(&w, &org_id) {
            None => assert!(purge),
            Some(row) => {
                assert!(!purge, "--purge kept the row");
                assert_eq!(row["status"], "revoked");
                assert_eq!(row["revoked_reason"], "admin_removed");
                // A deletion failure recorded by a failed run is gone once a re-run deleted it.
                for stale in [
                    "secret_deletion_failed",
                    "secret_deletion_error",
                    "orphaned_oauth_secret_arn",
                ] {
                    assert!(row.get(stale).is_none(), "{stale} left behind: {row}");
                }
            }
        }
    };
    let failed = |r: &Run, op: &str, k: usize| {
        let what = format!("remove-workspace (purge {purge}) {op}#{k}");
        assert_error_shape(r, &what, op);
        let row = registry(&w, &org_id).expect("the row is kept on a failure");
        let scheduled = scheduled_for_deletion(&w, &name);
        match row["status"].as_str() {
            // Nothing happened yet.
            Some("active") => {
                assert!(!scheduled, "{what}: a bundle deleted behind an active row");
                assert!(
                    op != "UpdateItem" || r.stderr.contains("not written: anything"),
                    "{}",
                    r.show()
                );
            }
            // Revoked first; the bundle's deletion failed and is recorded, or only the
            // row's deletion (--purge) failed.
            Some("revoked") => {
                assert!(r.stderr.contains("written: registry"), "{}", r.show());
                if scheduled {
                    assert!(purge && op == "DeleteItem", "{what}");
                } else {
                    assert_eq!(row["secret_deletion_failed"], true, "{what}: {row}");
                    assert_eq!(row["orphaned_oauth_secret_arn"], row["oauth_secret_arn"]);
                }
            }
            s => panic!("{what}: status {s:?}"),
        }
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: if purge {
                "remove-workspace --purge"
            } else {
                "remove-workspace"
            },
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

/// A proxy in front of the Linear stand-in's API (token endpoint and GraphQL); returns the proxy
/// and the paths it saw. The world's `BGAGENT_LINEAR_API_URL` points at it until `unproxy`.
fn linear_proxy(
    w: &World,
    lin: &Lin,
    rule: impl FnMut(&crate::proxy::Req) -> Action + Send + 'static,
) -> (Proxy, Arc<Mutex<Vec<String>>>) {
    let paths: Arc<Mutex<Vec<String>>> = Arc::default();
    let p2 = paths.clone();
    let mut rule = rule;
    let p = Proxy::start(&lin.standin.url(), move |req| {
        p2.lock().unwrap().push(req.path.clone());
        rule(req)
    });
    w.env("BGAGENT_LINEAR_API_URL", &p.url);
    (p, paths)
}

fn unproxy(w: &World, lin: &Lin) {
    w.extra_env
        .borrow_mut()
        .retain(|(k, _)| k != "BGAGENT_LINEAR_API_URL");
    w.env("BGAGENT_LINEAR_API_URL", &lin.standin.url());
}

fn too_many(after_secs: u64) -> Action {
    Action::Respond(
        429,
        vec![
            ("Retry-After".into(), after_secs.to_string()),
            ("Content-Type".into(), "application/json".into()),
        ],
        r#"{"error":"rate_limited","errors":[{"message":"rate limited"}]}"#.into(),
    )
}

#[test]
fn invite_users_refresh_and_graphql_faults_on_linear() {
    let (w, lin, _) = new_world();
    let (slug, _) = first_workspace(&w, &lin);
    let invite = || {
        w.run(&[
            "--output",
            "json",
            "linear",
            "invite-user",
            &slug,
            "sam@acme.io",
        ])
    };
    let invites = || w.platform.scan("LinearUserMappingTableName").len();

    // 5xx from the token endpoint: not retried (the refresh token may have rotated), and the
    // stored tokens stay as they were.
    let seeded = reseat_expired(&w, &lin, &slug);
    let before = bundle(&w, &slug).unwrap();
    let c0 = lin.standin.counts();
    lin.standin.fail_next("/oauth/token", 500, 1);
    let r = invite();
    r.fails(1, "token refresh was rejected by Linear");
    assert!(r.stderr.contains("not written: nothing"), "{}", r.show());
    let c1 = lin.standin.counts();
    assert_eq!(c1.faulted, c0.faulted + 1);
    assert_eq!(c1.refreshes, c0.refreshes, "a 5xx refresh was retried");
    assert_eq!(bundle(&w, &slug).unwrap(), before);
    assert!(lin.standin.is_current_refresh_token(&seeded));
    assert_eq!(invites(), 0);

    // 429 with Retry-After: waited for, retried once, and the rotation is stored.
    let mut first = true;
    let (p, paths) = linear_proxy(&w, &lin, move |req| {
        if req.path.starts_with("/oauth/token") && std::mem::take(&mut first) {
            return too_many(1);
        }
        Action::Forward
    });
    let started = std::time::Instant::now();
    let r = invite();
    unproxy(&w, &lin);
    drop(p);
    lin.register_tokens(&w);
    r.ok();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After ignored"
    );
    let tokens = paths
        .lock()
        .unwrap()
        .iter()
        .filter(|p| p.starts_with("/oauth/token"))
        .count();
    assert_eq!(tokens, 2);
    let rt = bundle(&w, &slug).unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(rt, seeded);
    assert!(lin.standin.is_current_refresh_token(&rt));
    assert_eq!(invites(), 1);

    // GraphQL is idempotent: a 503 and a 429 with Retry-After are retried.
    lin.standin.fail_next("/graphql", 503, 1);
    invite().ok();
    let mut first = true;
    let (p, _) = linear_proxy(&w, &lin, move |req| {
        if req.path.starts_with("/graphql") && std::mem::take(&mut first) {
            return too_many(1);
        }
        Action::Forward
    });
    let r = invite();
    unproxy(&w, &lin);
    drop(p);
    r.ok();
    assert_eq!(invites(), 3);

    // A persistent GraphQL outage after a due refresh: a clear error, no invite, and the
    // rotation that already happened is stored (the workspace is not stranded).
    let seeded = reseat_expired(&w, &lin, &slug);
    lin.standin.fail_next("/graphql", 503, 50);
    let r = invite();
    lin.register_tokens(&w);
    r.fails(1, "Linear GraphQL");
    assert!(r.stderr.contains("caused by: HTTP 503"), "{}", r.show());
    assert!(r.stderr.contains("hint: retry"), "{}", r.show());
    let rt = bundle(&w, &slug).unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(rt, seeded);
    assert!(lin.standin.is_current_refresh_token(&rt));
    assert_eq!(invites(), 3);
    w.assert_no_secrets();
}

/// Plays the platform's Lambda: rotates the workspace's refresh token at Linear and stores the
/// new pair in the bundle (keeping every other field), with `expires_in` seconds left.
fn lambda_rotates(w: &World, lin: &Lin, slug: &str, expires_in: i64) -> String {
    let mut b = bundle(w, slug).unwrap();
    let (access, refresh) = lin
        .standin
        .rotate_refresh_token_externally(b["refresh_token"].as_str().unwrap())
        .expect("the stored refresh token is current");
    w.secret(&access);
    w.secret(&refresh);
    b["access_token"] = json!(access);
    b["refresh_token"] = json!(refresh);
    b["expires_at"] = json!(crate::support::iso(
        time::OffsetDateTime::now_utc() + time::Duration::seconds(expires_in)
    ));
    w.platform
        .put_secret_string(&format!("bgagent-linear-oauth-{slug}"), &b.to_string());
    refresh
}

#[test]
fn a_lambda_rotation_during_invite_users_refresh_is_adopted_not_overwritten() {
    let (w, lin, _) = new_world();
    let (slug, _) = first_workspace(&w, &lin);
    for lambda_expiry in [3600, 30] {
        reseat_expired(&w, &lin, &slug);
        // The Lambda refreshes just before bgagent's refresh reaches Linear: bgagent's refresh
        // token is spent (invalid_grant); it must re-read, find the rotation and use it (or,
        // when that token is due too, refresh once more with it). The proxy holds bgagent's
        // first token request until the test has played the Lambda.
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
        let mut held = false;
        let (p, paths) = linear_proxy(&w, &lin, move |req| {
            if req.path.starts_with("/oauth/token") && !held {
                held = true;
                tx.send(()).unwrap();
                done_rx.recv().unwrap();
            }
            Action::Forward
        });
        let s = w.spawn(
            &[
                "--output",
                "json",
                "linear",
                "invite-user",
                &slug,
                "sam@acme.io",
            ],
            "",
        );
        rx.recv_timeout(Duration::from_secs(30))
            .expect("bgagent to refresh");
        let lambdas = lambda_rotates(&w, &lin, &slug, lambda_expiry);
        done_tx.send(()).unwrap();
        let r = w.finish(s);
        unproxy(&w, &lin);
        drop(p);
        lin.register_tokens(&w);
        r.ok();
        let b = bundle(&w, &slug).unwrap();
        assert_complete(&b, "invite-user");
        let rt = b["refresh_token"].as_str().unwrap();
        assert!(
            lin.standin.is_current_refresh_token(rt),
            "the stored refresh token is spent (Lambda's rotation lost)"
        );
        let tokens = paths
            .lock()
            .unwrap()
            .iter()
            .filter(|p| p.starts_with("/oauth/token"))
            .count();
        if lambda_expiry > 60 {
            // Fresh: used as the Lambda left it.
            assert_eq!(rt, lambdas);
            assert_eq!(tokens, 1);
        } else {
            // Due: refreshed once more with the Lambda's token.
            assert_ne!(rt, lambdas);
            assert_eq!(tokens, 2);
        }
        assert_eq!(b["webhook_signing_secret"], WEBHOOK);
    }
    w.assert_no_secrets();
}

#[test]
fn update_webhook_secret_reads_after_the_input_so_a_rotation_meanwhile_is_kept() {
    let (w, lin, _) = new_world();
    let (slug, _) = first_workspace(&w, &lin);
    let new = "lin_wh_typed_while_the_lambda_rotates_0123";
    w.secret(new);
    // Every AWS request, with the time it arrived.
    let log: Arc<Mutex<Vec<(String, std::time::Instant)>>> = Arc::default();
    let l = log.clone();
    let p = Proxy::start(&MotoServer::shared().endpoint, move |req| {
        l.lock()
            .unwrap()
            .push((req.aws_op(), std::time::Instant::now()));
        Action::Forward
    });
    faulty_world(&w, &p);
    w.env("BGAGENT_HTTP_TIMEOUT", "10");
    let mut s = w.spawn(
        &[
            "--output",
            "json",
            "linear",
            "update-webhook-secret",
            &slug,
            "--webhook-secret-stdin",
        ],
        "",
    );
    // While the operator is still typing, the Lambda rotates the refresh token.
    std::thread::sleep(Duration::from_millis(1500));
    let rotated = lambda_rotates(&w, &lin, &slug, 3600);
    let typed = std::time::Instant::now();
    s.write_stdin(&format!("{new}\n"));
    let r = w.finish(s);
    clear_faults(&w);
    drop(p);
    r.ok();
    let b = bundle(&w, &slug).unwrap();
    assert_eq!(b["webhook_signing_secret"], new);
    assert_eq!(
        b["refresh_token"],
        rotated.as_str(),
        "the rotation was overwritten"
    );
    assert!(lin.standin.is_current_refresh_token(&rotated));
    let early: Vec<String> = log
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, t)| *t < typed)
        .map(|(op, _)| op.clone())
        .collect();
    assert!(early.is_empty(), "AWS was read before the input: {early:?}");
    w.assert_no_secrets();
}

#[test]
fn update_webhook_secret_reports_a_rotation_it_could_not_re_apply() {
    // A Lambda's rotation lands between the read and the bundle write, and writing the merged
    // version fails: the new secret stands, the rotated token is lost, and the error says so
    // (written / not written) instead of "nothing written".
    let (w, lin, _) = new_world();
    let (slug, _) = first_workspace(&w, &lin);
    let name = format!("bgagent-linear-oauth-{slug}");
    let spent = bundle(&w, &slug).unwrap()["refresh_token"].clone();
    let new = "lin_wh_written_while_a_rotation_is_lost_0123";
    w.secret(new);
    let (p, rotated) = rotate_on_put(&w, &name, &name, Then::FailLater);
    faulty_world(&w, &p);
    w.env("BGAGENT_HTTP_TIMEOUT", "10");
    let r = w.run_in(
        &[
            "linear",
            "update-webhook-secret",
            &slug,
            "--webhook-secret-stdin",
        ],
        &format!("{new}\n"),
    );
    clear_faults(&w);
    drop(p);
    r.fails(1, "could not re-apply this change onto version");
    for needle in [
        "which another writer stored between this command's read and its write",
        &format!("written: webhook_signing_secret of {name}"),
        "not written: the other writer's change (e.g. a refresh token the platform rotated meanwhile)",
        &format!("`bgagent linear doctor {slug} --verify-refresh`"),
    ] {
        assert!(
            r.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            r.show()
        );
    }
    let b = bundle(&w, &slug).unwrap();
    assert_eq!(b["webhook_signing_secret"], new);
    assert_eq!(
        b["refresh_token"], spent,
        "the report must match what is stored"
    );
    assert_ne!(b["refresh_token"], rotated.as_str());
    w.assert_no_secrets();
}

#[test]
fn every_registry_read_finds_a_row_past_the_first_scan_page() {
    let (w, lin, _) = new_world();
    // More than 1 MB of other (revoked) workspaces whose ids sort first, so that DynamoDB — and
    // moto, which keeps the 1 MB page limit and scans in key order — returns the real row on a
    // later Scan page (checked below).
    let filler = "x".repeat(4000);
    let t = w
        .platform
        .table("LinearWorkspaceRegistryTableName")
        .to_string();
    block_on(async {
        for i in 0..300 {
            let item = json!({
                "linear_workspace_id": format!("00000000-0000-4000-8000-{i:012}"),
                "workspace_slug": format!("old-{i:04}"),
                "oauth_secret_arn": format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:bgagent-linear-oauth-old-{i:04}-AbCdEf"),
                "status": "revoked",
                "note": filler,
            });
            let av = |v: &Value| {
                aws_sdk_dynamodb::types::AttributeValue::S(v.as_str().unwrap().to_string())
            };
            let item = item
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), av(v)))
                .collect();
            ddb(&w)
                .put_item()
                .table_name(&t)
                .set_item(Some(item))
                .send()
                .await
                .unwrap();
        }
    });
    let (slug, org_id) = first_workspace(&w, &lin);
    let page = block_on(ddb(&w).scan().table_name(&t).send()).unwrap();
    assert!(
        page.last_evaluated_key.is_some(),
        "one page holds everything"
    );
    assert!(
        !page
            .items()
            .iter()
            .any(|i| i.get("linear_workspace_id").and_then(|v| v.as_s().ok()) == Some(&org_id)),
        "the workspace's row is on the first page; the test proves nothing"
    );

    // By slug (invite-user, remove-workspace): found.
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "invite-user",
        &slug,
        "sam@acme.io",
    ]);
    r.ok();
    assert_eq!(r.json()["workspace_id"], org_id.as_str());
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "remove-workspace",
        &slug,
        "--dry-run",
    ]);
    r.ok();
    assert_eq!(r.json()["linear_workspace_id"], org_id.as_str());
    // The sole active workspace (onboard-project, projects, doctor): found.
    let pid = lin.standin.config().projects[0].id.clone();
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "onboard-project",
        &pid,
        "--repo",
        REPO,
    ]);
    r.ok();
    assert_eq!(r.json()["mapping"]["linear_workspace_id"], org_id.as_str());
    let r = w.run(&["--output", "json", "linear", "projects"]);
    r.ok();
    assert_eq!(r.json()["projects"].as_array().unwrap().len(), 3);
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "doctor",
        "--skip-webhook-probe",
    ]);
    r.ok();
    assert_eq!(checks(&r)["workspace"].0, "pass");
    // add-workspace: the app to reuse is on a later page, and so is a duplicate.
    let (run, _) = lin.install(
        &w,
        &["linear", "add-workspace", &slug, "--webhook-secret-stdin"],
        &format!("{WEBHOOK}\n"),
    );
    run.fails(3, "already registered and active");
    let second = Org {
        id: random_uuid(),
        name: "Beta".into(),
        url_key: format!("beta{}", hex::encode(rand::random::<[u8; 4]>())),
    };
    lin.standin.set_org(second.clone());
    let (run, _) = lin.install(
        &w,
        &[
            "--output",
            "json",
            "linear",
            "add-workspace",
            &second.url_key,
            "--webhook-secret-stdin",
        ],
        "lin_wh_second_workspace_0123456789\n",
    );
    w.secret("lin_wh_second_workspace_0123456789");
    run.ok();
    assert_eq!(run.json()["client_reused_from"], slug.as_str());
    // workspaces lists every row.
    let r = w.run(&["--output", "json", "linear", "workspaces"]);
    r.ok();
    assert_eq!(r.json()["workspaces"].as_array().unwrap().len(), 302);
    w.assert_no_secrets();
}

/// Every Linear store, including the stack-wide secret and every bundle, for "changes nothing".
fn everything(w: &World) -> Vec<Value> {
    let mut all = vec![
        json!(w.platform.scan("LinearWorkspaceRegistryTableName")),
        json!(w.platform.scan("LinearUserMappingTableName")),
        json!(w.platform.scan("LinearProjectMappingTableName")),
        json!(stack_secret(w)),
    ];
    for row in w.platform.scan("LinearWorkspaceRegistryTableName") {
        let slug = row["workspace_slug"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        all.push(json!(bundle(w, &slug)));
    }
    all
}

/// A refused command: its arguments, how to prepare the stores and undo that, exit code, text.
type Refusal<'a> = (
    Vec<String>,
    Box<dyn Fn() + 'a>,
    Box<dyn Fn() + 'a>,
    i32,
    &'static str,
);

#[test]
fn each_refusal_names_the_fix_and_changes_nothing() {
    let (w, lin, key) = new_world();
    let org = lin.standin.org();
    // A workspace registered under another slug (with --force) is not re-registered under its
    // URL key: that would leave a second secret and orphan the first.
    let other = format!("{key}-old");
    let (run, _) = lin.install(
        &w,
        &[
            "linear",
            "setup",
            &other,
            "--client-id",
            &lin.client_id,
            "--client-secret-stdin",
            "--webhook-secret-stdin",
            "--force",
        ],
        &format!("{}\n{WEBHOOK}\n", lin.client_secret),
    );
    run.ok();
    let before = everything(&w);
    let (run, _) = lin.install(
        &w,
        &[
            "linear",
            "setup",
            &key,
            "--client-id",
            &lin.client_id,
            "--client-secret-stdin",
        ],
        &format!("{}\n", lin.client_secret),
    );
    run.fails(3, &format!("is registered as '{other}'"));
    assert!(
        run.stderr
            .contains(&format!("bgagent linear setup {other}")),
        "{}",
        run.show()
    );
    assert!(bundle(&w, &key).is_none());
    assert_eq!(everything(&w), before);
    let slug = other;

    let cases: Vec<Refusal> = {
        let name = format!("bgagent-linear-oauth-{slug}");
        let b = bundle(&w, &slug).unwrap();
        let row = registry(&w, &org.id).unwrap();
        let pid = lin.standin.config().projects[0].id.clone();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (wr, br, nr, rr) = (&w, b.clone(), name.clone(), row.clone());
        let unusable: Box<dyn Fn()> = Box::new(move || {
            let mut b = br.clone();
            b.as_object_mut().unwrap().remove("scope");
            wr.platform.put_secret_string(&nr, &b.to_string());
        });
        let (br, nr) = (b.clone(), name.clone());
        let restore_bundle: Box<dyn Fn()> =
            Box::new(move || wr.platform.put_secret_string(&nr, &br.to_string()));
        let rr2 = rr.clone();
        let revoke: Box<dyn Fn()> = Box::new(move || {
            let mut r = rr2.clone();
            r["status"] = json!("revoked");
            wr.platform
                .put_item_json("LinearWorkspaceRegistryTableName", &r);
        });
        let rr3 = rr.clone();
        let restore_row: Box<dyn Fn()> = Box::new(move || {
            wr.platform
                .put_item_json("LinearWorkspaceRegistryTableName", &rr3)
        });
        let rr4 = rr.clone();
        let twin: Box<dyn Fn()> = Box::new(move || {
            let mut r = rr4.clone();
            r["linear_workspace_id"] = json!("00000000-0000-4000-8000-000000000001");
            wr.platform
                .put_item_json("LinearWorkspaceRegistryTableName", &r);
        });
        let untwin: Box<dyn Fn()> = Box::new(move || {
            delete_row(
                wr,
                "LinearWorkspaceRegistryTableName",
                "linear_workspace_id",
                "00000000-0000-4000-8000-000000000001",
            )
        });
        let rr5 = rr.clone();
        let second_active: Box<dyn Fn()> = Box::new(move || {
            let mut r = rr5.clone();
            r["linear_workspace_id"] = json!("00000000-0000-4000-8000-000000000002");
            r["workspace_slug"] = json!("second-ws");
            wr.platform
                .put_item_json("LinearWorkspaceRegistryTableName", &r);
        });
        let no_second: Box<dyn Fn()> = Box::new(move || {
            delete_row(
                wr,
                "LinearWorkspaceRegistryTableName",
                "linear_workspace_id",
                "00000000-0000-4000-8000-000000000002",
            )
        });
        let nothing = || -> Box<dyn Fn()> { Box::new(|| {}) };
        vec![
            (
                s(&[
                    "linear",
                    "update-webhook-secret",
                    &slug,
                    "--webhook-secret-stdin",
                ]),
                unusable,
                restore_bundle,
                3,
                "is unusable",
            ),
            (
                s(&["linear", "invite-user", &slug, "sam@acme.io"]),
                revoke,
                restore_row,
                3,
                "is not active",
            ),
            (
                s(&["linear", "invite-user", &slug, "sam@acme.io"]),
                twin,
                untwin,
                3,
                "registry rows claim the slug",
            ),
            (
                s(&["linear", "onboard-project", &pid, "--repo", REPO]),
                second_active,
                no_second,
                2,
                "--slug",
            ),
            (
                s(&[
                    "linear",
                    "onboard-project",
                    &pid,
                    "--repo",
                    REPO,
                    "--label",
                    "  ",
                ]),
                nothing(),
                nothing(),
                2,
                "--label",
            ),
            (
                s(&["linear", "invite-user", &slug, "a"]),
                nothing(),
                nothing(),
                2,
                "members match 'a'",
            ),
            (
                s(&["linear", "invite-user", &slug, "old@acme.io"]),
                nothing(),
                nothing(),
                2,
                "no active member",
            ),
            (
                s(&["linear", "invite-user", "bad slug!", "sam@acme.io"]),
                nothing(),
                nothing(),
                2,
                "invalid workspace slug",
            ),
            (
                s(&["linear", "remove-workspace", "no"]),
                nothing(),
                nothing(),
                2,
                "invalid workspace slug",
            ),
        ]
    };
    for (args, prepare, undo, code, needle) in &cases {
        prepare();
        let before = everything(&w);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = w.run_in(&args, "lin_wh_never_written_0123456789\n");
        r.fails(*code, needle);
        assert!(
            r.stderr.contains("hint:") || *code == 2,
            "{args:?}: no fix named\n{}",
            r.show()
        );
        assert_eq!(everything(&w), before, "{args:?} changed something");
        undo();
    }

    // Codes: an expired one, and one whose workspace was revoked since, are refused and kept.
    let code = w
        .run(&[
            "--output",
            "json",
            "linear",
            "invite-user",
            &slug,
            "sam@acme.io",
        ])
        .json()["code"]
        .as_str()
        .unwrap()
        .to_string();
    let link = |c: &str| {
        w.run(&[
            "--yes",
            "linear",
            "link",
            c,
            "--via",
            "direct",
            "--platform-user-id",
            PLATFORM_USER,
        ])
    };
    let pending = |c: &str| {
        w.platform.get_item(
            "LinearUserMappingTableName",
            "linear_identity",
            &format!("pending#{c}"),
        )
    };
    let mut row = pending(&code).unwrap();
    let ttl = row["ttl"].clone();
    row["ttl"] = json!(time::OffsetDateTime::now_utc().unix_timestamp() - 10);
    w.platform.put_item_json("LinearUserMappingTableName", &row);
    let before = everything(&w);
    link(&code).fails(3, "expired");
    assert_eq!(everything(&w), before);
    row["ttl"] = ttl;
    w.platform.put_item_json("LinearUserMappingTableName", &row);
    let mut reg = registry(&w, &org.id).unwrap();
    reg["status"] = json!("revoked");
    w.platform
        .put_item_json("LinearWorkspaceRegistryTableName", &reg);
    let before = everything(&w);
    let r = link(&code);
    r.fails(3, "is not active");
    assert!(r.stderr.contains("bgagent linear setup"), "{}", r.show());
    assert_eq!(everything(&w), before);
    assert!(pending(&code).is_some());
    w.assert_no_secrets();
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect();
    k.sort();
    k
}

#[track_caller]
fn assert_keys(v: &Value, documented: &[&str], what: &str) {
    let mut d: Vec<String> = documented.iter().map(|s| s.to_string()).collect();
    d.sort();
    assert_eq!(
        keys(v),
        d,
        "{what}: the JSON keys differ from README's: {v}"
    );
}

#[track_caller]
fn assert_iso_ms(v: &Value, what: &str) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what}: not a string: {v}"));
    let b = s.as_bytes();
    let ok = s.len() == 24
        && s.ends_with('Z')
        && b[10] == b'T'
        && b[19] == b'.'
        && time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok();
    assert!(ok, "{what}: not an ISO UTC time with milliseconds: {s}");
}

#[test]
fn every_contract_field_and_every_documented_json_key() {
    let (w, lin, _) = new_world();
    let j = |args: &[&str]| {
        let mut full = vec!["--output", "json"];
        full.extend_from_slice(args);
        let r = w.run(&full);
        r.ok();
        r.json()
    };
    assert_keys(
        &j(&["linear", "app-template"]),
        &[
            "console_url",
            "name",
            "developer_name",
            "developer_url",
            "description",
            "callback_url",
            "github_username",
            "webhooks",
            "public",
            "scopes",
        ],
        "app-template",
    );
    assert_keys(
        &j(&["linear", "webhook-info"]),
        &["url", "resource_types", "secret_command"],
        "webhook-info",
    );
    let slug = lin.standin.org().url_key;
    let dry = w.run_in(
        &[
            "--output",
            "json",
            "linear",
            "setup",
            &slug,
            "--client-id",
            &lin.client_id,
            "--client-secret-stdin",
            "--dry-run",
        ],
        &format!("{}\n", lin.client_secret),
    );
    dry.ok();
    assert_keys(
        &dry.json(),
        &[
            "dry_run",
            "workspace_slug",
            "authorize_url",
            "authorize_params",
            "writes",
            "installed_by_platform_user_id",
            "client_reused_from",
        ],
        "setup --dry-run",
    );
    let (run, _) = lin.install(
        &w,
        &[
            "--output",
            "json",
            "linear",
            "setup",
            &slug,
            "--client-id",
            &lin.client_id,
            "--client-secret-stdin",
            "--webhook-secret-stdin",
        ],
        &format!("{}\n{WEBHOOK}\n", lin.client_secret),
    );
    run.ok();
    assert_keys(
        &run.json(),
        &[
            "workspace_id",
            "workspace_slug",
            "workspace_name",
            "url_key",
            "oauth_secret_arn",
            "installed_by_platform_user_id",
            "token_expires_at",
            "team_keys",
            "actor_app",
            "client_reused_from",
            "webhook_url",
            "webhook_secret",
            "stack_wide_webhook_secret",
            "written",
            "next_steps",
        ],
        "setup",
    );
    let org = lin.standin.org();
    // The bundle (§5): the 11 fields and the optional webhook secret, times in JS ISO form.
    let b = bundle(&w, &slug).unwrap();
    assert_complete(&b, "bundle");
    for k in ["expires_at", "installed_at", "updated_at"] {
        assert_iso_ms(&b[k], k);
    }
    assert_eq!(b["scope"], "read write app:assignable app:mentionable");
    assert!(
        w.platform
            .secret_description(&format!("bgagent-linear-oauth-{slug}"))
            .unwrap()
            .contains(&format!("Linear OAuth token for workspace '{slug}'"))
    );
    // The registry row (§7.1).
    let row = registry(&w, &org.id).unwrap();
    assert_keys(
        &row,
        &[
            "linear_workspace_id",
            "workspace_slug",
            "oauth_secret_arn",
            "installed_by_platform_user_id",
            "installed_at",
            "updated_at",
            "status",
            "team_keys",
        ],
        "registry row",
    );
    assert_iso_ms(&row["installed_at"], "installed_at");
    assert_eq!(row["installed_at"], b["installed_at"]);
    assert!(
        row["team_keys"]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_string)
    );

    let ws = j(&["linear", "workspaces"]);
    assert_keys(&ws, &["workspaces"], "workspaces");
    assert_keys(
        &ws["workspaces"][0],
        &[
            "workspace_id",
            "workspace_slug",
            "status",
            "installed_at",
            "installed_by_platform_user_id",
            "updated_at",
            "team_keys",
            "token_expires_at",
            "bundle",
            "webhook_secret",
        ],
        "workspaces[]",
    );
    let new = "lin_wh_for_the_keys_test_0123456789";
    w.secret(new);
    let r = w.run_in(
        &[
            "--output",
            "json",
            "linear",
            "update-webhook-secret",
            &slug,
            "--webhook-secret-stdin",
        ],
        &format!("{new}\n"),
    );
    r.ok();
    assert_keys(
        &r.json(),
        &[
            "dry_run",
            "workspace_slug",
            "workspace_id",
            "previous",
            "changed",
            "written",
            "stack_wide_webhook_secret",
        ],
        "update-webhook-secret",
    );
    let pid = lin.standin.config().projects[0].id.clone();
    let v = j(&[
        "linear",
        "onboard-project",
        &pid,
        "--repo",
        REPO,
        "--team-id",
        "team-1",
    ]);
    assert_keys(
        &v,
        &["action", "dry_run", "project_name", "mapping"],
        "onboard-project",
    );
    // The project mapping (§7.3) as stored.
    let m = w
        .platform
        .get_item("LinearProjectMappingTableName", "linear_project_id", &pid)
        .unwrap();
    assert_keys(
        &m,
        &[
            "linear_project_id",
            "repo",
            "label_filter",
            "team_id",
            "status",
            "onboarded_at",
            "updated_at",
            "linear_workspace_id",
            "workspace_slug",
        ],
        "project mapping",
    );
    assert_eq!(m, v["mapping"]);
    assert_iso_ms(&m["onboarded_at"], "onboarded_at");
    let ps = j(&["linear", "projects"]);
    assert_keys(&ps, &["projects", "failed"], "projects");
    assert_keys(
        &ps["projects"][0],
        &[
            "workspace_slug",
            "workspace_id",
            "id",
            "name",
            "team",
            "repo",
            "label_filter",
            "mapping_status",
        ],
        "projects[]",
    );
    let inv = j(&["linear", "invite-user", &slug, "sam@acme.io"]);
    assert_keys(
        &inv,
        &[
            "dry_run",
            "code",
            "link_command",
            "expires_at",
            "ttl",
            "workspace_slug",
            "workspace_id",
            "linear_user_id",
            "linear_user_name",
            "linear_user_email",
            "invited_by_platform_user_id",
            "already_linked_to",
        ],
        "invite-user",
    );
    // The pending invite (§7.2): every field, `ttl` a number, codes of the contract's alphabet.
    let code = inv["code"].as_str().unwrap().to_string();
    assert!(
        code.len() == 13
            && code.starts_with("link-")
            && code[5..]
                .chars()
                .all(|c| "abcdefghjkmnpqrstuvwxyz23456789".contains(c)),
        "{code}"
    );
    let p = w
        .platform
        .get_item(
            "LinearUserMappingTableName",
            "linear_identity",
            &format!("pending#{code}"),
        )
        .unwrap();
    assert_keys(
        &p,
        &[
            "linear_identity",
            "status",
            "linear_workspace_id",
            "linear_workspace_slug",
            "linear_user_id",
            "linear_user_name",
            "linear_user_email",
            "invited_at",
            "invited_by_platform_user_id",
            "ttl",
        ],
        "pending invite",
    );
    assert_eq!(p["linear_user_name"], "Sam Dev");
    assert_eq!(p["invited_by_platform_user_id"], PLATFORM_USER);
    assert_iso_ms(&p["invited_at"], "invited_at");
    let ttl = p["ttl"].as_i64().expect("ttl is a number (N)");
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    assert!(
        (now + 86_400 - 120..=now + 86_400 + 5).contains(&ttl),
        "{ttl}"
    );
    let l = j(&[
        "--yes",
        "linear",
        "link",
        &code,
        "--via",
        "direct",
        "--platform-user-id",
        PLATFORM_USER,
    ]);
    assert_keys(
        &l,
        &[
            "dry_run",
            "linear_workspace_id",
            "linear_workspace_slug",
            "linear_user_id",
            "linear_user_name",
            "linear_user_email",
            "platform_user_id",
            "linked_at",
            "replaced_platform_user_id",
        ],
        "link",
    );
    // The active mapping, as the processor reads it.
    let a = w
        .platform
        .get_item(
            "LinearUserMappingTableName",
            "linear_identity",
            &format!("{}#{}", org.id, p["linear_user_id"].as_str().unwrap()),
        )
        .unwrap();
    assert_keys(
        &a,
        &[
            "linear_identity",
            "platform_user_id",
            "linear_workspace_id",
            "linear_user_id",
            "linked_at",
            "status",
            "link_method",
        ],
        "active mapping",
    );
    assert_eq!(a["link_method"], "cli");
    assert_iso_ms(&a["linked_at"], "linked_at");
    let d = j(&["linear", "doctor", &slug]);
    assert_keys(&d, &["checks", "summary"], "doctor");
    for c in d["checks"].as_array().unwrap() {
        assert_keys(c, &["id", "status", "detail", "fix"], "doctor checks[]");
    }
    let rm = j(&["--yes", "linear", "remove-workspace", &slug]);
    assert_keys(
        &rm,
        &[
            "dry_run",
            "workspace_slug",
            "linear_workspace_id",
            "previous_status",
            "status",
            "secret",
            "mappings_kept",
            "written",
            "next_steps",
        ],
        "remove-workspace",
    );
    assert_keys(
        &rm["secret"],
        &[
            "id",
            "action",
            "recovery_days",
            "deletion_date",
            "restore_command",
        ],
        "remove-workspace secret",
    );
    let row = registry(&w, &org.id).unwrap();
    assert_iso_ms(&row["revoked_at"], "revoked_at");
    assert_eq!(row["revoked_reason"], "admin_removed");
    lin.register_tokens(&w);
    w.assert_no_secrets();
}

#[test]
fn setup_rerun_every_aws_call_faulted() {
    // Re-authorizing an installed workspace: the bundle is put (not created), its webhook secret
    // and the fields setup does not own are kept.
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let name = format!("bgagent-linear-oauth-{slug}");
    let before = RefCell::new(Value::Null);
    let reset = || {
        let mut b = bundle(&w, &slug).unwrap();
        b["x_future"] = json!({"kept": true});
        w.platform.put_secret_string(&name, &b.to_string());
        *before.borrow_mut() = b;
    };
    let args = [
        "--output",
        "json",
        "linear",
        "setup",
        slug.as_str(),
        "--client-id",
        lin.client_id.as_str(),
        "--client-secret-stdin",
    ];
    let stdin = format!("{}\n", lin.client_secret);
    let run = || install(&w, &lin, &args, &stdin);
    let ok = |r: &Run| {
        assert_eq!(r.json()["webhook_secret"], "kept");
        let b = bundle(&w, &slug).unwrap();
        assert_complete(&b, "setup re-run");
        assert_eq!(b["webhook_signing_secret"], WEBHOOK);
        assert_eq!(b["x_future"], json!({"kept": true}));
        assert!(
            lin.standin
                .is_current_refresh_token(b["refresh_token"].as_str().unwrap())
        );
        assert_eq!(registry(&w, &org_id).unwrap()["status"], "active");
        assert_eq!(stack_secret(&w), WEBHOOK);
    };
    let failed = |r: &Run, op: &str, k: usize| {
        assert_error_shape(r, &format!("setup re-run {op}#{k}"), op);
        let b = bundle(&w, &slug).unwrap();
        // The old bundle, or the new one whole: never a mix, never without the webhook secret.
        if b != *before.borrow() {
            assert_complete(&b, "setup re-run");
            assert!(
                r.stderr.contains("written: workspace bundle"),
                "{}",
                r.show()
            );
        }
        assert_eq!(b["webhook_signing_secret"], WEBHOOK);
        assert_eq!(b["x_future"], json!({"kept": true}));
        assert_eq!(registry(&w, &org_id).unwrap()["status"], "active");
        assert_eq!(stack_secret(&w), WEBHOOK);
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "setup re-run",
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

/// Setup of a removed workspace: the bundle scheduled for deletion is restored with the new
/// tokens, and the row is re-activated.
#[test]
fn setup_of_a_removed_workspace_every_aws_call_faulted() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let name = format!("bgagent-linear-oauth-{slug}");
    w.run(&["--yes", "linear", "remove-workspace", &slug]).ok();
    let revoked_row = registry(&w, &org_id).unwrap();
    let reset = || {
        if !scheduled_for_deletion(&w, &name) {
            block_on(
                sm(&w)
                    .delete_secret()
                    .secret_id(&name)
                    .recovery_window_in_days(7)
                    .send(),
            )
            .unwrap();
        }
        w.platform
            .put_item_json("LinearWorkspaceRegistryTableName", &revoked_row);
    };
    let wh = "lin_wh_after_removal_0123456789";
    w.secret(wh);
    let stdin = format!("{}\n{wh}\n", lin.client_secret);
    let args = [
        "--output",
        "json",
        "linear",
        "setup",
        slug.as_str(),
        "--client-id",
        lin.client_id.as_str(),
        "--client-secret-stdin",
        "--webhook-secret-stdin",
    ];
    let run = || install(&w, &lin, &args, &stdin);
    let ok = |_: &Run| {
        assert!(!scheduled_for_deletion(&w, &name));
        let b = bundle(&w, &slug).unwrap();
        assert_complete(&b, "setup after removal");
        assert_eq!(b["webhook_signing_secret"], wh);
        let row = registry(&w, &org_id).unwrap();
        assert_eq!(row["status"], "active");
        assert!(row.get("revoked_at").is_none(), "{row}");
    };
    let failed = |r: &Run, op: &str, k: usize| {
        assert_error_shape(r, &format!("setup after removal {op}#{k}"), op);
        let row = registry(&w, &org_id).unwrap();
        if row["status"] == "active" {
            panic!("setup after removal {op}#{k}: re-activated without its write finishing");
        }
        // Still revoked: the Lambdas refuse the workspace whatever the bundle's state.
        assert_eq!(row["status"], "revoked");
        if !scheduled_for_deletion(&w, &name) {
            assert_complete(&bundle(&w, &slug).unwrap(), "restored bundle");
        }
        true
    };
    exercise(
        &w,
        &lin,
        &Case {
            name: "setup after removal",
            reset: &reset,
            run: &run,
            ok: &ok,
            failed: &failed,
        },
    );
}

#[test]
fn a_rotation_landing_between_update_webhook_secrets_read_and_write_is_kept() {
    let (w, lin, _) = new_world();
    let (slug, _) = first_workspace(&w, &lin);
    let name = format!("bgagent-linear-oauth-{slug}");
    let new = "lin_wh_written_mid_rotation_0123456789";
    w.secret(new);
    // The Lambda refreshes just as bgagent's write of the bundle is on its way: its rotated
    // tokens are stored first, then bgagent's write (built from the read before) lands.
    let mut b = bundle(&w, &slug).unwrap();
    let (access, refresh) = lin
        .standin
        .rotate_refresh_token_externally(b["refresh_token"].as_str().unwrap())
        .unwrap();
    w.secret(&access);
    w.secret(&refresh);
    b["access_token"] = json!(access);
    b["refresh_token"] = json!(refresh);
    let (store, lambda_bundle) = (w.platform.secret_store(), b.to_string());
    let n2 = name.clone();
    let mut done = false;
    let p = Proxy::start(&MotoServer::shared().endpoint, move |req| {
        if req.aws_op() == "PutSecretValue" && !done {
            done = true;
            store.put(&n2, &lambda_bundle);
        }
        Action::Forward
    });
    faulty_world(&w, &p);
    w.env("BGAGENT_HTTP_TIMEOUT", "10");
    let r = w.run_in(
        &[
            "--output",
            "json",
            "linear",
            "update-webhook-secret",
            &slug,
            "--webhook-secret-stdin",
        ],
        &format!("{new}\n"),
    );
    clear_faults(&w);
    drop(p);
    r.ok();
    let after = bundle(&w, &slug).unwrap();
    assert_eq!(after["webhook_signing_secret"], new);
    assert_eq!(
        after["refresh_token"],
        refresh.as_str(),
        "the Lambda's rotation was overwritten with the spent token"
    );
    assert!(lin.standin.is_current_refresh_token(&refresh));
    w.assert_no_secrets();
}
