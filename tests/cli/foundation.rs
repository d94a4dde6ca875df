//! app-template, completions, map / unmap / projects, stack discovery, region, exit codes.

use serde_json::json;

use crate::moto::{MotoServer, Platform};
use crate::support::*;

#[test]
fn app_template_works_offline_in_text_and_json() {
    // No AWS variables, no config dir, no HOME: must not need any of it.
    let run = |args: &[&str]| {
        let out = std::process::Command::new(BIN)
            .args(args)
            .env_clear()
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, stdout, stderr) = run(&[
        "jira",
        "app-template",
        "--developer-name",
        "Acme",
        "--callback-url",
        "http://127.0.0.1:9000/cb",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "the template is the result: stdout only");
    for needle in [
        "bgagent — Acme",
        "read:jira-work, write:jira-work, read:jira-user",
        "http://127.0.0.1:9000/cb",
        "Sharing: OFF",
        "offline_access",
        "developer.atlassian.com/console/myapps",
    ] {
        assert!(stdout.contains(needle), "missing {needle:?} in:\n{stdout}");
    }
    let (code, stdout, _) = run(&["jira", "app-template", "--output", "json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["callback_url"], "http://localhost:8080/oauth/callback");
    assert_eq!(
        v["scopes"],
        json!(["read:jira-work", "write:jira-work", "read:jira-user"])
    );
    assert_eq!(v["sharing"], "off");
    assert_eq!(v["name"], "bgagent — ABCA");
    let (code, _, stderr) = run(&[
        "jira",
        "app-template",
        "--callback-url",
        "https://example.com/cb",
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("--callback-url"));
}

#[test]
fn completions_for_every_shell() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (shell, file) in [
        ("bash", "bgagent.bash"),
        ("zsh", "_bgagent"),
        ("fish", "bgagent.fish"),
        ("powershell", "_bgagent.ps1"),
        ("elvish", "bgagent.elv"),
    ] {
        let out = std::process::Command::new(BIN)
            .args(["completions", shell])
            .env_clear()
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("invite-user") && text.contains("app-template"),
            "{shell}"
        );
        // The whole tree, the groups that start-up builds lazily (`cli::Deferred`) included:
        // the same as the committed file (which docs_drift checks against the definition).
        let committed = std::fs::read_to_string(root.join("completions").join(file)).unwrap();
        assert!(
            text == committed,
            "`bgagent completions {shell}` differs from completions/{file}"
        );
    }
}

#[test]
fn map_rejects_bad_values_before_any_call() {
    let w = World::new();
    // A stack that does not exist: any AWS call would end in exit 1, not 2.
    w.env("BGAGENT_STACK_NAME", "no-such-stack");
    let c = random_uuid();
    for (args, needle) in [
        (
            vec!["jira", "map", "not-a-uuid", "ENG", "--repo", REPO],
            "<CLOUD_ID>",
        ),
        (
            vec!["jira", "map", &c.to_uppercase(), "ENG", "--repo", REPO],
            "canonical form",
        ),
        (
            vec!["jira", "map", &c, "eng", "--repo", REPO],
            "project keys are upper case: ENG",
        ),
        (
            vec!["jira", "map", &c, "E", "--repo", REPO],
            "<PROJECT_KEY>",
        ),
        (
            vec!["jira", "map", &c, "ENG", "--repo", "acme"],
            "owner/repo",
        ),
        (
            vec!["jira", "map", &c, "ENG", "--repo", "a/b/c"],
            "owner/repo",
        ),
        (vec!["jira", "map", &c, "ENG"], "--repo"),
        (
            vec!["jira", "map", &c, "ENG", "--repo", REPO, "--label", "  "],
            "--label",
        ),
        (
            vec!["jira", "map", &c, "ENG", "--repo", REPO, "--output", "yaml"],
            "--output",
        ),
        (vec!["jira", "bogus"], "unrecognized subcommand"),
    ] {
        w.run(&args).fails(2, needle);
    }
    assert!(w.platform.scan("JiraProjectMappingTableName").is_empty());
}

#[test]
fn map_requires_active_tenant_and_active_repo() {
    let w = World::new();
    let (active, revoked, unknown) = (random_uuid(), random_uuid(), random_uuid());
    w.registry_put(&active, "https://acme.atlassian.net", "active");
    w.registry_put(&revoked, "https://old.atlassian.net", "revoked");
    w.platform.put_repo("acme/retired", "removed");
    w.run(&["jira", "map", &unknown, "ENG", "--repo", REPO])
        .fails(3, "is not registered");
    w.run(&["jira", "map", &revoked, "ENG", "--repo", REPO])
        .fails(3, "is not active (status: revoked)");
    w.run(&["jira", "map", &active, "ENG", "--repo", "acme/unknown"])
        .fails(3, "'acme/unknown' is not onboarded")
        .fails(3, "not written: the project mapping");
    w.run(&["jira", "map", &active, "ENG", "--repo", "acme/retired"])
        .fails(3, "status is 'removed'");
    assert!(w.platform.scan("JiraProjectMappingTableName").is_empty());
}

#[test]
fn map_writes_the_contract_row_and_reruns_are_idempotent() {
    let w = World::new();
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    let out = w.run(&[
        "jira",
        "map",
        &c,
        "ENG",
        "--repo",
        REPO,
        "--status-on-start",
        "In Progress",
        "--output",
        "json",
    ]);
    out.ok();
    let doc = out.json();
    assert_eq!(doc["action"], "created");
    let row = w.project(&c, "ENG").expect("row written");
    let obj = row.as_object().unwrap();
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "cloud_id",
            "jira_project_identity",
            "label_filter",
            "onboarded_at",
            "project_key",
            "repo",
            "status",
            "status_on_start",
            "updated_at"
        ]
    );
    assert_eq!(row["jira_project_identity"], format!("{c}#ENG"));
    assert_eq!(
        (
            row["cloud_id"].as_str(),
            row["project_key"].as_str(),
            row["repo"].as_str()
        ),
        (Some(c.as_str()), Some("ENG"), Some(REPO))
    );
    assert_eq!(row["label_filter"], "bgagent");
    assert_eq!(row["status"], "active");
    assert_eq!(row["status_on_start"], "In Progress");
    let ts = row["onboarded_at"].as_str().unwrap();
    assert!(
        ts.len() == 24 && ts.ends_with('Z') && ts.as_bytes()[19] == b'.',
        "ISO with millis: {ts}"
    );
    assert_eq!(doc["mapping"], row);

    // Same mapping again: a no-op that says so.
    let again = w.run(&["jira", "map", &c, "ENG", "--repo", REPO]);
    again.ok();
    assert!(
        again.stdout.contains("nothing to change"),
        "{}",
        again.show()
    );
    assert_eq!(w.project(&c, "ENG").unwrap(), row);

    // A new status_on_pr keeps onboarded_at, the label and status_on_start.
    w.run(&[
        "jira",
        "map",
        &c,
        "ENG",
        "--repo",
        REPO,
        "--status-on-pr",
        "In Review",
    ])
    .ok();
    let r2 = w.project(&c, "ENG").unwrap();
    assert_eq!(r2["onboarded_at"], row["onboarded_at"]);
    assert_eq!(r2["status_on_start"], "In Progress");
    assert_eq!(r2["status_on_pr"], "In Review");
    assert_ne!(r2["updated_at"], row["updated_at"]);
}

#[test]
fn map_refuses_to_repoint_without_force_and_dry_run_writes_nothing() {
    let w = World::new();
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    w.platform.put_repo("acme/other", "active");
    let dry = w.run(&[
        "jira",
        "map",
        &c,
        "OPS",
        "--repo",
        REPO,
        "--dry-run",
        "--output",
        "json",
    ]);
    dry.ok();
    assert_eq!(dry.json()["dry_run"], true);
    assert_eq!(dry.json()["mapping"]["repo"], REPO);
    assert!(w.project(&c, "OPS").is_none(), "--dry-run wrote a row");

    w.run(&["jira", "map", &c, "OPS", "--repo", REPO]).ok();
    let before = w.project(&c, "OPS").unwrap();
    w.run(&["jira", "map", &c, "OPS", "--repo", "acme/other"])
        .fails(3, "already mapped to acme/widgets")
        .fails(3, "--force");
    assert_eq!(w.project(&c, "OPS").unwrap(), before);
    w.run(&[
        "jira",
        "map",
        &c,
        "OPS",
        "--repo",
        "acme/other",
        "--dry-run",
    ])
    .fails(3, "--force");
    let forced = w.run(&["jira", "map", &c, "OPS", "--repo", "acme/other", "--force"]);
    forced.ok();
    assert!(forced.stdout.contains("Re-pointed"), "{}", forced.show());
    let after = w.project(&c, "OPS").unwrap();
    assert_eq!(after["repo"], "acme/other");
    assert_eq!(after["onboarded_at"], before["onboarded_at"]);
}

#[test]
fn unmap_keeps_the_row_and_projects_lists_it() {
    let w = World::new();
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    w.run(&["jira", "unmap", &c, "ENG"])
        .fails(3, "is not mapped");
    w.run(&["jira", "map", &c, "ENG", "--repo", REPO]).ok();
    w.run(&["jira", "map", &c, "WEB", "--repo", REPO, "--label", "agent"])
        .ok();
    w.run(&["jira", "unmap", &c, "ENG", "--dry-run"]).ok();
    assert_eq!(w.project(&c, "ENG").unwrap()["status"], "active");
    let out = w.run(&["jira", "unmap", &c, "ENG", "--output", "json"]);
    out.ok();
    assert_eq!(out.json()["action"], "removed");
    let row = w.project(&c, "ENG").unwrap();
    assert_eq!(row["status"], "removed");
    assert_eq!(row["repo"], REPO);
    let again = w.run(&["jira", "unmap", &c, "ENG"]);
    again.ok();
    assert!(again.stdout.contains("already unmapped"));

    let list = w.run(&["jira", "projects", &c, "--output", "json"]);
    list.ok();
    let projects = list.json()["projects"].as_array().unwrap().clone();
    assert_eq!(projects.len(), 2);
    assert_eq!(projects[0]["project_key"], "ENG");
    assert_eq!(projects[0]["status"], "removed");
    assert_eq!(projects[1]["label_filter"], "agent");
    let text = w.run(&["jira", "projects"]);
    text.ok();
    assert!(text.stderr.is_empty(), "{}", text.show());
    assert!(
        text.stdout.contains("WEB") && text.stdout.contains("PROJECT"),
        "{}",
        text.show()
    );
    let other = w.run(&["jira", "projects", &random_uuid(), "--output", "json"]);
    assert_eq!(other.json()["projects"], json!([]));
}

#[test]
fn stack_discovery_names_what_is_missing() {
    let moto = MotoServer::shared();
    let template: String = Platform::template()
        .lines()
        .scan(false, |skip, l| {
            if l.starts_with("  RepoTableName:") {
                *skip = true;
                return Some(None);
            }
            if *skip && l.starts_with("    ") {
                return Some(None);
            }
            *skip = false;
            Some(Some(l))
        })
        .flatten()
        .collect::<Vec<_>>()
        .join("\n");
    let p = Platform::create_with_template(moto, &unique("bgagent-no-repo-output"), &template);
    assert!(!p.outputs.contains_key("RepoTableName"));
    let w = World::with_platform(p);
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    let out = w.run(&["jira", "map", &c, "ENG", "--repo", REPO]);
    out.fails(1, "is missing output(s): RepoTableName");
    assert!(
        out.stderr.contains(&w.platform.stack_name),
        "{}",
        out.show()
    );
    assert!(out.stderr.contains("hint:"));

    let out = w.run(&[
        "jira",
        "projects",
        "--stack-name",
        "nope-not-here",
        "--output",
        "json",
    ]);
    out.fails(1, "stack 'nope-not-here' does not exist");
    assert!(
        out.json()["error"]["hints"][0]
            .as_str()
            .unwrap()
            .contains("--stack-name")
    );
}

#[test]
fn a_region_is_required_and_config_json_supplies_one() {
    let w = World::new();
    let mut cmd = w.command(&["jira", "projects"]);
    cmd.env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no AWS region") && err.contains("--region"),
        "{err}"
    );

    std::fs::write(
        w.dir.path().join("config/config.json"),
        r#"{"region":"us-east-1"}"#,
    )
    .unwrap();
    let mut cmd = w.command(&["jira", "projects", "--output", "json"]);
    cmd.env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION");
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn map_updates_a_hand_written_row_without_updated_at() {
    let w = World::new();
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    // As the setup guide's own `aws dynamodb put-item` writes it: no updated_at.
    w.platform.put_item_json(
        "JiraProjectMappingTableName",
        &json!({
            "jira_project_identity": format!("{c}#ENG"), "cloud_id": c, "project_key": "ENG",
            "repo": REPO, "label_filter": "bgagent", "status": "active",
            "onboarded_at": "2026-01-01T00:00:00.000Z", "x_by_hand": "kept",
        }),
    );
    let r = w.run(&[
        "jira",
        "map",
        &c,
        "ENG",
        "--repo",
        REPO,
        "--status-on-pr",
        "In Review",
    ]);
    r.ok();
    let row = w.project(&c, "ENG").unwrap();
    assert_eq!(row["status_on_pr"], "In Review");
    assert_eq!(row["onboarded_at"], "2026-01-01T00:00:00.000Z");
    assert_eq!(row["x_by_hand"], "kept");
    assert!(row["updated_at"].is_string(), "{row}");
}
