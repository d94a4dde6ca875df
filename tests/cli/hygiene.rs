//! The smaller defects of issue 9 part 6: each has a test here (or next to the code it fixes).

use crate::support::*;

/// `scripts/test` and `examples/demo.sh` stop at once when the venv cannot be made.
#[test]
fn scripts_fail_at_once_when_the_venv_cannot_be_made() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for script in ["scripts/test", "examples/demo.sh"] {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join(script);
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        std::fs::create_dir_all(dir.path().join("scripts")).unwrap();
        std::fs::copy(root.join(script), &copy).unwrap();
        let venv = dir.path().join("scripts/venv");
        write_executable(
            &venv,
            "#!/bin/sh\necho 'venv: no python3-venv here' >&2\nexit 7\n",
        );
        // Anything run after the venv step leaves a marker.
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let marker = dir.path().join("went-on");
        for tool in ["cargo", "chromium", "python3", "mktemp", "apt-get", "sudo"] {
            write_executable(
                &bin.join(tool),
                &format!("#!/bin/sh\ntouch '{}'\n", marker.display()),
            );
        }
        let out = std::process::Command::new("bash")
            .arg(&copy)
            .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "{script} went on after the venv failed"
        );
        assert!(
            !marker.exists(),
            "{script} ran a later step after the venv failed"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no python3-venv here"),
            "{script} did not show the venv's error:\n{err}"
        );
    }
}

/// A loopback listener that counts the connections it gets (it should get none).
fn trap() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    let n = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let n2 = n.clone();
    std::thread::spawn(move || {
        for c in l.incoming() {
            n2.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            drop(c);
        }
    });
    (url, n)
}

#[test]
fn redirects_are_never_followed_on_the_token_endpoint_or_the_api() {
    use crate::proxy::{Action, Proxy};
    for redirected in ["/oauth/token", "/oauth/token/accessible-resources"] {
        let w = World::new();
        let o = w.oauth(|_| {});
        let (elsewhere, hits) = trap();
        let to = format!("{elsewhere}{redirected}");
        let p = Proxy::start(&o.standin.url(), move |req| {
            if req.path == redirected {
                Action::Respond(307, vec![("Location".into(), to.clone())], String::new())
            } else {
                Action::Forward
            }
        });
        w.env("BGAGENT_ATLASSIAN_AUTH_URL", &p.url);
        w.env("BGAGENT_ATLASSIAN_API_URL", &p.url);
        let r = crate::setup::setup_via_callback(&w, &o, &[]);
        r.fails(1, "redirect");
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert_eq!(
            hits.load(std::sync::atomic::Ordering::SeqCst),
            0,
            "{redirected}: the redirect was followed"
        );
        assert!(w.bundle(&o.standin.sites()[0].id).is_none());
    }
}

#[test]
fn child_processes_do_not_inherit_secret_variables() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = o.standin.sites()[0].id.clone();
    let env_file = w.dir.path().join("browser-env.txt");
    let script = w.dir.path().join("env-browser.sh");
    write_executable(
        &script,
        &format!(
            "#!/bin/sh\nenv > '{}'\nprintf '%s' \"$1\" > '{u}.tmp' && mv '{u}.tmp' '{u}'\n",
            env_file.display(),
            u = o.url_file.display()
        ),
    );
    w.env("BROWSER", script.to_str().unwrap());
    w.env("BGAGENT_JIRA_CLIENT_SECRET", &o.client_secret);
    w.env("BGAGENT_JIRA_WEBHOOK_SECRET", crate::setup::WEBHOOK);
    w.env("BGAGENT_EXTRA_SECRET", "extra-secret-value-0011");
    w.secret(crate::setup::WEBHOOK);
    w.secret("extra-secret-value-0011");
    let args = [
        "jira",
        "setup",
        "--client-id",
        &o.client_id,
        "--callback-url",
        &o.redirect,
        "--timeout",
        "30s",
        "--output",
        "json",
    ];
    let s = w.spawn(&args, "");
    http::get(&o.authorize(&o.browser_url())).unwrap();
    w.finish(s).ok();
    let child_env = std::fs::read_to_string(&env_file).unwrap();
    assert!(
        child_env.contains("BGAGENT_STACK_NAME="),
        "the env dump works"
    );
    for (k, v) in [
        ("BGAGENT_JIRA_CLIENT_SECRET", o.client_secret.as_str()),
        ("BGAGENT_JIRA_WEBHOOK_SECRET", crate::setup::WEBHOOK),
        ("BGAGENT_EXTRA_SECRET", "extra-secret-value-0011"),
    ] {
        assert!(!child_env.contains(k), "$BROWSER inherited {k}");
        assert!(!child_env.contains(v), "$BROWSER saw the value of {k}");
    }
    // bgagent itself did read them.
    let b = w.bundle(&cloud).unwrap();
    assert_eq!(b["client_secret"], o.client_secret.as_str());
    assert_eq!(b["webhook_signing_secret"], crate::setup::WEBHOOK);
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
}

#[test]
fn environment_is_validated_and_listed_in_help() {
    let w = World::new();
    w.env("BGAGENT_HTTP_TIMEOUT", "5s");
    let r = w.run(&["jira", "projects"]);
    r.fails(2, "BGAGENT_HTTP_TIMEOUT=5s");
    let r = w.run(&["jira", "projects", "--output", "json"]);
    assert_eq!(r.code, 2);
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("BGAGENT_HTTP_TIMEOUT")
    );
    let help = w.run(&["--help"]);
    help.ok();
    for var in [
        "BGAGENT_HTTP_TIMEOUT",
        "BGAGENT_KEYCHAIN",
        "BGAGENT_CONFIG_DIR",
        "BGAGENT_ATLASSIAN_AUTH_URL",
        "BGAGENT_ATLASSIAN_API_URL",
        "BGAGENT_JIRA_CLIENT_SECRET",
        "BGAGENT_JIRA_WEBHOOK_SECRET",
        "BGAGENT_STACK_NAME",
        "BROWSER",
        "NO_COLOR",
    ] {
        assert!(help.stdout.contains(var), "--help lacks {var}");
    }
}

#[test]
fn a_cloud_id_that_is_not_a_canonical_uuid_is_refused_before_any_use() {
    let w = World::new();
    let o = w.oauth(|c| {
        c.sites[0].id = "../../secrets/x".into();
    });
    let r = crate::setup::setup_via_callback(&w, &o, &[]);
    r.fails(1, "no Jira site with a valid cloud id");
    assert!(r.stderr.contains("not written: nothing"), "{}", r.show());
    assert!(w.platform.scan("JiraWorkspaceRegistryTableName").is_empty());
    assert!(
        w.platform
            .get_secret_string("bgagent-jira-oauth-../../secrets/x")
            .is_none()
    );
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let w = World::new();
    let o = w.oauth(|c| {
        c.users = vec![crate::atlassian_standin::User {
            account_id: "acc-evil".into(),
            display_name: "Eve\u{1b}]0;pwned\u{7}\u{1b}[2J Evil".into(),
            email: Some("eve\r@acme.io".into()),
            active: true,
            account_type: "atlassian".into(),
        }];
        c.sites[0].name = "Acme\u{1b}[31m".into();
    });
    let cloud = w.seed_tenant(&o, 3600);
    let inv = w.run(&["jira", "invite-user", &cloud, "acc-evil"]);
    inv.ok();
    let code = inv
        .stdout
        .split_whitespace()
        .find(|t| t.starts_with("link-"))
        .unwrap()
        .to_string();
    assert!(inv.stdout.contains("Eve]0;pwned[2J Evil"), "{}", inv.show());
    let link = w.run(&[
        "jira",
        "link",
        &code,
        "--dry-run",
        "--platform-user-id",
        "x",
    ]);
    link.ok();
    let users = w.run(&["jira", "users", &cloud]);
    users.ok();
    for r in [&inv, &link, &users] {
        for bad in ['\u{1b}', '\u{7}', '\r'] {
            assert!(
                !r.stdout.contains(bad) && !r.stderr.contains(bad),
                "{bad:?} reached the terminal:\n{}",
                r.show()
            );
        }
    }
}

#[test]
fn unprocessed_keys_are_retried_with_backoff() {
    use crate::proxy::{Action, Proxy};
    use std::sync::{Arc, Mutex};
    use std::time::Instant;
    let w = World::new();
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    let times: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let t2 = times.clone();
    let p = Proxy::start(&crate::moto::MotoServer::shared().endpoint, move |req| {
        if req.aws_op() == "BatchGetItem" {
            let mut t = t2.lock().unwrap();
            t.push(Instant::now());
            if t.len() <= 3 {
                // Throttled: nothing processed, every key handed back.
                let body: serde_json::Value = serde_json::from_slice(&req.body).unwrap();
                let answer =
                    serde_json::json!({"Responses": {}, "UnprocessedKeys": body["RequestItems"]});
                return Action::Respond(
                    200,
                    vec![("Content-Type".into(), "application/x-amz-json-1.0".into())],
                    answer.to_string(),
                );
            }
        }
        Action::Forward
    });
    w.env("AWS_ENDPOINT_URL", &p.url);
    // The default back-off (the harness shortens it for every other test).
    w.env("BGAGENT_RETRY_BACKOFF", "1");
    w.run(&["jira", "map", &c, "ENG", "--repo", REPO]).ok();
    assert_eq!(w.project(&c, "ENG").unwrap()["repo"], REPO);
    let gaps = |t: &mut Vec<Instant>| -> Vec<u128> {
        let g = t.windows(2).map(|p| (p[1] - p[0]).as_millis()).collect();
        t.clear();
        g
    };
    let g = gaps(&mut times.lock().unwrap());
    assert_eq!(g.len(), 3, "{g:?}");
    assert!(
        g[0] >= 80 && g[1] >= 180 && g[2] >= 380,
        "no growing backoff between retries: {g:?} ms"
    );
    // BGAGENT_RETRY_BACKOFF scales the waits: a tenth of a second → a tenth of the waits.
    w.env("BGAGENT_RETRY_BACKOFF", "0.1");
    w.run(&["jira", "map", &c, "OPS", "--repo", REPO]).ok();
    assert_eq!(w.project(&c, "OPS").unwrap()["repo"], REPO);
    let g = gaps(&mut times.lock().unwrap());
    assert_eq!(g.len(), 3, "{g:?}");
    assert!(
        g[0] >= 8 && g[1] >= 18 && g[2] >= 38 && g[2] < 380,
        "BGAGENT_RETRY_BACKOFF=0.1 did not scale the waits: {g:?} ms"
    );
}

#[test]
fn aws_errors_are_classified_by_code_and_variant_not_message() {
    use crate::proxy::{Action, Proxy};
    let w = World::new();
    // No credentials anywhere: the SDK's credentials error, found by type.
    let out = w
        .command(&["jira", "projects"])
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env_remove("AWS_SESSION_TOKEN")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("hint: configure AWS credentials"), "{err}");
    // By error code: AccessDeniedException whose message says nothing of the kind; a validation
    // error whose message mentions credentials gets no credentials hint.
    for (code, message, want, not) in [
        (
            "AccessDeniedException",
            "nope",
            Some("lacks a permission"),
            "configure AWS credentials",
        ),
        (
            "ValidationException",
            "the credentials attribute timeout is bad",
            None,
            "hint:",
        ),
    ] {
        let p = Proxy::start(&crate::moto::MotoServer::shared().endpoint, move |req| {
            if req.aws_op() == "Scan" {
                return Action::Respond(
                    400,
                    vec![
                        ("Content-Type".into(), "application/x-amz-json-1.0".into()),
                        ("x-amzn-ErrorType".into(), code.into()),
                    ],
                    format!(r#"{{"__type":"{code}","message":"{message}"}}"#),
                );
            }
            Action::Forward
        });
        let w = World::new();
        w.env("AWS_ENDPOINT_URL", &p.url);
        let r = w.run(&["jira", "projects"]);
        assert_eq!(r.code, 1, "{}", r.show());
        if let Some(want) = want {
            assert!(r.stderr.contains(want), "{code}: {}", r.show());
        }
        assert!(!r.stderr.contains(not), "{code}: {}", r.show());
    }
}

fn interrupt(s: &Spawned) {
    let ok = std::process::Command::new("kill")
        .args(["-INT", &s.child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -INT failed");
}

#[test]
fn ctrl_c_says_what_was_written() {
    use crate::proxy::{Action, Proxy};
    // Before the first write (waiting for the browser): nothing was written.
    let w = World::new();
    let o = w.oauth(|_| {});
    w.secret(crate::setup::WEBHOOK);
    let s = w.spawn(&crate::setup::setup_args(&o, &[]), &crate::setup::stdin(&o));
    o.browser_url();
    interrupt(&s);
    let r = w.finish(s);
    r.fails(130, "nothing was written");

    // During the writes: the bundle is written, the registry write is under way.
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = o.standin.sites()[0].id.clone();
    let p = Proxy::start(&crate::moto::MotoServer::shared().endpoint, |req| {
        if req.aws_op() == "UpdateItem" {
            return Action::Delay(std::time::Duration::from_secs(5));
        }
        Action::Forward
    });
    w.env("AWS_ENDPOINT_URL", &p.url);
    w.secret(crate::setup::WEBHOOK);
    let s = w.spawn(&crate::setup::setup_args(&o, &[]), &crate::setup::stdin(&o));
    http::get(&o.authorize(&o.browser_url())).unwrap();
    wait_for(20, "the bundle write", || {
        s.stderr_so_far()
            .contains("Stored the tenant's OAuth bundle")
            .then_some(())
    });
    interrupt(&s);
    let r = w.finish(s);
    assert_eq!(r.code, 130, "{}", r.show());
    assert!(!r.stderr.contains("nothing was written"), "{}", r.show());
    assert!(
        r.stderr.contains(&format!(
            "written: tenant bundle bgagent-jira-oauth-{cloud}"
        )) && r.stderr.contains("not confirmed: registry row")
            && r.stderr.contains("not written: stack-wide webhook secret"),
        "{}",
        r.show()
    );
    assert!(r.stderr.contains("re-run `bgagent jira setup`"));
    assert!(w.bundle(&cloud).is_some());
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
}

fn threads_of(pid: u32) -> usize {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn callback_server_checks_host_bounds_requests_and_connections() {
    use std::io::Read;
    let w = World::new();
    let o = w.oauth(|_| {});
    w.secret(crate::setup::WEBHOOK);
    let s = w.spawn(&crate::setup::setup_args(&o, &[]), &crate::setup::stdin(&o));
    let url = o.browser_url();
    let state = url::Url::parse(&url)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .into_owned();
    let addr = format!("127.0.0.1:{}", o.port);
    // The right state from a foreign Host (a DNS-rebinding page): 400, and the flow goes on.
    let foreign = http::raw(
        &addr,
        format!(
            "GET /oauth/callback?code=forged&state={state} HTTP/1.1\r\nHost: evil.example:{}\r\n\r\n",
            o.port
        )
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(foreign.status, 400);
    let no_host = http::raw(
        &addr,
        format!("GET /oauth/callback?code=forged&state={state} HTTP/1.1\r\n\r\n").as_bytes(),
    )
    .unwrap();
    assert_eq!(no_host.status, 400);
    // Headers beyond 8 KiB: refused without reading on.
    let big = format!(
        "GET /oauth/callback HTTP/1.1\r\nHost: localhost:{}\r\nX-Pad: {}\r\n\r\n",
        o.port,
        "a".repeat(20_000)
    );
    assert_eq!(http::raw(&addr, big.as_bytes()).unwrap().status, 431);
    // 60 idle connections: a bounded number of threads serves them, and they are timed out.
    let before = threads_of(s.child.id());
    let idle: Vec<std::net::TcpStream> = (0..60)
        .map(|_| std::net::TcpStream::connect(&addr).unwrap())
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let during = threads_of(s.child.id());
    assert!(
        during <= before + 16 + 2,
        "one thread per connection: {before} → {during}"
    );
    let mut first = idle.into_iter().next().unwrap();
    first
        .set_read_timeout(Some(std::time::Duration::from_secs(15)))
        .unwrap();
    let started = std::time::Instant::now();
    let mut buf = [0u8; 16];
    let n = first.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "an idle connection is closed");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    // The real browser leg still completes.
    let page = http::get(&o.authorize(&url)).unwrap();
    assert_eq!(page.status, 200, "{page:?}");
    w.finish(s).ok();
    assert_eq!(o.standin.counts().code_exchanges, 1);
}

#[test]
fn the_browser_page_shows_the_real_outcome() {
    let w = World::new();
    let o = w.oauth(|_| {});
    o.standin.fail_next("/oauth/token", 500, None, 1);
    w.secret(crate::setup::WEBHOOK);
    let s = w.spawn(&crate::setup::setup_args(&o, &[]), &crate::setup::stdin(&o));
    let page = http::get(&o.authorize(&o.browser_url())).unwrap();
    let r = w.finish(s);
    r.fails(1, "token exchange was rejected");
    assert_eq!(page.status, 500, "{page:?}");
    assert!(page.body.contains("Sign-in failed"), "{}", page.body);
    assert!(page.body.contains("token exchange was rejected"));
}

#[test]
fn a_busy_port_says_no_browser_works() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let _holder = std::net::TcpListener::bind(("127.0.0.1", o.port)).unwrap();
    w.secret(crate::setup::WEBHOOK);
    let r = w.run_in(&crate::setup::setup_args(&o, &[]), &crate::setup::stdin(&o));
    r.fails(1, "already in use");
    assert!(r.stderr.contains("--no-browser works"), "{}", r.show());
}
