//! `approve`, `deny`, `pending`, `policies` against the local platform API's HITL routes (an
//! in-memory approvals store seeded here, the real RepoTable in moto), each error class included.

use serde_json::json;

use crate::moto::platform_approvals::Approval;
use crate::support::*;

use super::auth::fresh;

/// A logged-in operator with one pending approval of theirs. Returns (world, sub).
fn operator() -> (World, String) {
    let w = fresh();
    let sub = w.logged_in("sam@acme.io");
    w.platform
        .approvals
        .seed(Approval::pending("task-01", "req-01", &sub));
    (w, sub)
}

fn hitl_calls(w: &World) -> usize {
    w.platform
        .api
        .requests()
        .iter()
        .filter(|(_, p, _)| {
            p.starts_with("/v1/tasks/") || p == "/v1/pending" || p.starts_with("/v1/repos/")
        })
        .count()
}

#[test]
fn approve_validates_the_scope_locally_then_records_the_decision() {
    let (w, sub) = operator();
    for bad in [
        "everything",
        "tool_type:bash",
        "rule:",
        &format!("rule:{}", "x".repeat(130)),
    ] {
        w.run(&["approve", "task-01", "req-01", "--scope", bad])
            .fails(2, "invalid --scope");
    }
    w.run(&["approve", "task-01", "req-01", "--scope", "all_session"])
        .fails(2, "--yes");
    assert_eq!(hitl_calls(&w), 0, "nothing is sent for a bad scope");

    let r = w.run(&[
        "approve",
        "task-01",
        "req-01",
        "--scope",
        " tool_type:Bash ",
    ]);
    r.ok();
    assert!(
        r.stdout
            .starts_with("Approved req-01 on task task-01 with scope=tool_type:Bash at "),
        "{}",
        r.show()
    );
    let a = w.platform.approvals.get("task-01", "req-01").unwrap();
    assert_eq!(a.status, "APPROVED");
    assert_eq!(a.scope.as_deref(), Some("tool_type:Bash"));

    // Decided already: 404 REQUEST_NOT_FOUND, with the command that lists what is open.
    let r = w.run(&["approve", "task-01", "req-01", "--output", "json"]);
    r.fails(
        3,
        "not found, is not yours, or was already decided (REQUEST_NOT_FOUND)",
    );
    assert!(r.stderr.contains("bgagent pending"));
    assert_eq!(r.json()["error"]["exit_code"], 3);

    // all_session with --yes is sent; the JSON document is the API's data.
    w.platform
        .approvals
        .seed(Approval::pending("task-02", "req-02", &sub));
    let r = w.run(&[
        "approve",
        "task-02",
        "req-02",
        "--scope",
        "all_session",
        "--yes",
        "--output",
        "json",
    ]);
    r.ok();
    let d = r.json();
    assert_eq!(d["status"], "APPROVED");
    assert_eq!(d["scope"], "all_session");
    assert_eq!(d["task_id"], "task-02");
    assert!(d["decided_at"].as_str().is_some());
}

#[test]
fn approve_and_deny_classify_409_429_and_503() {
    let (w, sub) = operator();
    // Someone else's request is indistinguishable from a missing one.
    w.platform
        .approvals
        .seed(Approval::pending("task-x", "req-x", "someone-else"));
    w.run(&["deny", "task-x", "req-x"])
        .fails(3, "REQUEST_NOT_FOUND");
    // The task moved on: 409.
    let mut gone = Approval::pending("task-09", "req-09", &sub);
    gone.task_awaiting = false;
    w.platform.approvals.seed(gone);
    let r = w.run(&["approve", "task-09", "req-09"]);
    r.fails(
        3,
        "is not awaiting approval for req-09 (TASK_NOT_AWAITING_APPROVAL)",
    );
    w.run(&["deny", "task-09", "req-09"])
        .fails(3, "Denial cannot be recorded");
    // 503.
    w.platform.approvals.set_unavailable(true);
    w.run(&["approve", "task-01", "req-01"]).fails(
        1,
        "Approval service temporarily unavailable (SERVICE_UNAVAILABLE)",
    );
    w.platform.approvals.set_unavailable(false);
    // 429 once the shared approve/deny limit is used up (failed attempts count too).
    w.platform.approvals.set_limit("APPROVE", 3);
    let r = w.run(&["approve", "task-01", "req-01", "--output", "json"]);
    r.fails(1, "rate limit exceeded (RATE_LIMIT_EXCEEDED)");
    assert!(r.stderr.contains("wait a minute"));
    assert_eq!(r.json()["error"]["exit_code"], 1);
    assert_eq!(
        w.platform
            .approvals
            .get("task-01", "req-01")
            .unwrap()
            .status,
        "PENDING"
    );
}

#[test]
fn deny_sends_a_trimmed_reason_within_2000_utf16_units() {
    let (w, _) = operator();
    w.run(&[
        "deny",
        "task-01",
        "req-01",
        "--reason",
        "a",
        "--reason-file",
        "x",
    ])
    .fails(2, "cannot be used with");
    // 1000 emoji are 2000 UTF-16 units: fine; one more character is too long.
    let long = format!("{}x", "😀".repeat(1000));
    w.run(&["deny", "task-01", "req-01", "--reason", &long])
        .fails(2, "2001 characters long; at most 2000");
    w.run(&[
        "deny",
        "task-01",
        "req-01",
        "--reason-file",
        "/nonexistent/why.txt",
    ])
    .fails(2, "cannot read --reason-file");
    assert_eq!(hitl_calls(&w), 0);
    let file = w.dir.path().join("why.txt");
    std::fs::write(&file, "\n  touches prod config  \n").unwrap();
    let r = w.run(&[
        "deny",
        "task-01",
        "req-01",
        "--reason-file",
        file.to_str().unwrap(),
    ]);
    r.ok();
    assert!(
        r.stdout.starts_with("Denied req-01 on task task-01 at "),
        "{}",
        r.show()
    );
    let a = w.platform.approvals.get("task-01", "req-01").unwrap();
    assert_eq!(a.status, "DENIED");
    assert_eq!(a.deny_reason.as_deref(), Some("touches prod config"));
}

#[test]
fn pending_prints_each_request_with_its_commands() {
    let (w, sub) = operator();
    let mut b = Approval::pending("task-02", "req 02", &sub);
    b.tool_name = "Write".into();
    b.severity = "medium".into();
    b.matching_rule_ids = vec!["write_outside_src".into(), "rule_b".into()];
    w.platform.approvals.seed(b);
    w.platform
        .approvals
        .seed(Approval::pending("task-03", "req-03", "someone-else"));
    let r = w.run(&["pending"]);
    r.ok();
    let out = &r.stdout;
    assert!(out.starts_with("2 pending approval(s):"), "{out}");
    assert!(
        out.contains("  approve:    bgagent approve task-01 req-01\n"),
        "{out}"
    );
    assert!(
        out.contains("  deny:       bgagent deny task-01 req-01 --reason \"...\"\n"),
        "{out}"
    );
    assert!(
        out.contains("  approve:    bgagent approve task-02 'req 02'\n"),
        "{out}"
    );
    assert!(
        out.contains("  rules:      write_outside_src, rule_b\n"),
        "{out}"
    );
    assert!(out.contains("(timeout_s=300)"), "{out}");
    assert!(!out.contains("task-03"), "{out}");
    let r = w.run(&["pending", "--output", "json"]);
    r.ok();
    let items = r.json()["pending"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    for k in [
        "task_id",
        "request_id",
        "tool_name",
        "tool_input_preview",
        "severity",
        "reason",
        "created_at",
        "timeout_s",
        "expires_at",
        "matching_rule_ids",
    ] {
        assert!(items[0].get(k).is_some(), "{k}");
    }
    // Decide both: the list is empty.
    w.run(&["approve", "task-01", "req-01"]).ok();
    w.run(&["deny", "task-02", "req 02"]).ok();
    let r = w.run(&["pending"]);
    r.ok();
    assert_eq!(r.stdout.trim(), "(no pending approvals)");
    // 10/min by default; here 5 queries were made.
    w.platform.approvals.set_limit("PENDING", 3);
    w.run(&["pending"])
        .fails(1, "rate limit exceeded (RATE_LIMIT_EXCEEDED)");
    w.platform.approvals.set_unavailable(true);
    w.run(&["pending"])
        .fails(1, "service temporarily unavailable (SERVICE_UNAVAILABLE)");
}

#[test]
fn policies_list_show_and_the_not_onboarded_repo() {
    let (w, _) = operator();
    let r = w.run(&["policies", "list", "--repo", REPO]);
    r.ok();
    assert!(
        r.stdout
            .starts_with("Hard-deny rules (absolute; --pre-approve cannot bypass):\n"),
        "{}",
        r.show()
    );
    assert!(r.stdout.contains(
        "\nSoft-deny rules (require approval; pre-approve with --pre-approve rule:<id>):\n"
    ));
    assert!(
        r.stdout
            .contains("  bash_destructive  severity=high  timeout_s=300  category=shell\n"),
        "{}",
        r.stdout
    );
    let r = w.run(&[
        "policies", "list", "--repo", REPO, "--tier", "hard", "--output", "json",
    ]);
    r.ok();
    let d = r.json();
    assert_eq!(d["repo_id"], REPO);
    assert_eq!(d["policies"]["soft"], json!([]));
    assert!(!d["policies"]["hard"].as_array().unwrap().is_empty());
    // The slash travels as %2F in one path segment.
    assert!(
        w.platform
            .api
            .requests()
            .iter()
            .any(|(_, p, s)| p == "/v1/repos/acme%2Fwidgets/policies" && *s == 200)
    );

    let r = w.run(&[
        "policies",
        "show",
        "--repo",
        REPO,
        "--rule",
        "write_outside_src",
    ]);
    r.ok();
    assert!(
        r.stdout.contains("tier:                 soft\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("approval_timeout_s:   600\n"),
        "{}",
        r.stdout
    );
    w.run(&["policies", "show", "--repo", REPO, "--rule", "nope"])
        .fails(3, "rule nope not found for repo acme/widgets");
    w.run(&["policies", "list", "--repo", "not a repo"])
        .fails(2, "owner/repo");

    // 422 REPO_NOT_ONBOARDED (the TypeScript CLI expects 404 here).
    w.platform.put_repo("acme/legacy", "removed");
    let r = w.run(&[
        "policies",
        "list",
        "--repo",
        "acme/legacy",
        "--output",
        "json",
    ]);
    r.fails(
        3,
        "repository acme/legacy is not onboarded (REPO_NOT_ONBOARDED)",
    );
    assert!(r.stderr.contains("Blueprint"));
    // 503 when the blueprint's policies do not parse.
    w.platform.approvals.set_policies_invalid(REPO);
    w.run(&["policies", "list", "--repo", REPO]).fails(
        1,
        "policy service temporarily unavailable (SERVICE_UNAVAILABLE)",
    );
    w.platform.approvals.set_limit("POLICIES", 1);
    w.run(&["policies", "list", "--repo", REPO])
        .fails(1, "rate limit exceeded");
    w.assert_no_secrets();
}

#[test]
fn approval_commands_without_a_login_or_config_say_what_to_run() {
    let w = fresh();
    w.run(&["pending"]).fails(3, "bgagent configure");
    w.run(&["configure"]).ok();
    let r = w.run(&["approve", "task-01", "req-01", "--output", "json"]);
    r.fails(4, "not logged in");
    assert_eq!(r.json()["error"]["hints"][0], "run `bgagent login`");
    w.run(&["policies", "list", "--repo", REPO])
        .fails(4, "bgagent login");
}

#[test]
fn a_login_the_api_never_accepts_is_retried_once_then_sent_to_login() {
    let (w, _) = operator();
    // api_url of another platform, whose authorizer trusts another pool.
    let other = World::new();
    let mut cfg = w.read_cfg("config.json");
    cfg["api_url"] = json!(other.platform.outputs["ApiUrl"]);
    std::fs::write(w.cfg_dir().join("config.json"), cfg.to_string()).unwrap();
    for args in [
        vec!["approve", "task-01", "req-01"],
        vec!["deny", "task-01", "req-01"],
        vec!["pending"],
        vec!["policies", "list", "--repo", REPO],
    ] {
        let mut a = args.clone();
        a.extend(["--output", "json"]);
        let r = w.run(&a);
        w.register_login_secrets();
        r.fails(4, "API Gateway rejected the login token");
        assert_eq!(
            r.json()["error"]["hints"][0]
                .as_str()
                .map(|h| h.contains("bgagent login")),
            Some(true)
        );
    }
    // Each command: one call, one refresh, one retry.
    assert_eq!(other.platform.api.requests().len(), 8);
    assert!(
        other
            .platform
            .api
            .requests()
            .iter()
            .all(|(_, _, s)| *s == 401)
    );
    assert_eq!(
        w.platform
            .approvals
            .get("task-01", "req-01")
            .unwrap()
            .status,
        "PENDING"
    );
    w.assert_no_secrets();
}
