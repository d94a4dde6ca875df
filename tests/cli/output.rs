//! Output routing (issue 9 part 1): a command's result goes to stdout and is never silenced by
//! `-q`; status goes to stderr and `-q` silences it; a generated secret is shown exactly once;
//! `--output json` makes every failure, clap's usage errors included, a JSON document on stdout.

use crate::setup::WEBHOOK;
use crate::support::*;

fn hex64_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_hexdigit())
        .filter(|w| w.len() == 64)
        .map(str::to_string)
        .collect()
}

#[test]
fn setup_generate_quiet_shows_the_secret_once_and_results_on_stdout() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = o.standin.sites()[0].id.clone();
    let args = vec![
        "jira",
        "setup",
        "--client-id",
        &o.client_id,
        "--client-secret-stdin",
        "--generate-webhook-secret",
        "--callback-url",
        &o.redirect,
        "--timeout",
        "30s",
        "-q",
    ];
    let s = w.spawn(&args, &format!("{}\n", o.client_secret));
    http::get(&o.authorize(&o.browser_url())).unwrap();
    let run = w.finish(s);
    run.ok();
    let stored = w.bundle(&cloud).unwrap()["webhook_signing_secret"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        hex64_in(&run.stdout),
        vec![stored.clone()],
        "{}",
        run.show()
    );
    assert!(!run.stderr.contains(&stored));
    assert!(run.stdout.contains("Next steps") && run.stdout.contains(&cloud));
    assert!(
        !run.stderr.contains("Authorization received") && !run.stderr.contains("Waiting"),
        "-q silences status:\n{}",
        run.show()
    );

    // update-webhook-secret --generate-webhook-secret -q: the new value is on stdout, once.
    let r = w.run(&[
        "jira",
        "update-webhook-secret",
        &cloud,
        "--generate-webhook-secret",
        "-q",
    ]);
    r.ok();
    let rotated = w.bundle(&cloud).unwrap()["webhook_signing_secret"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(rotated, stored);
    assert_eq!(hex64_in(&r.stdout), vec![rotated.clone()], "{}", r.show());
    assert_eq!(w.stack_secret(), rotated);
    // The same in JSON mode: on stderr once, never in the document.
    let r = w.run(&[
        "jira",
        "update-webhook-secret",
        &cloud,
        "--generate-webhook-secret",
        "-q",
        "--output",
        "json",
    ]);
    r.ok();
    let third = w.bundle(&cloud).unwrap()["webhook_signing_secret"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(hex64_in(&r.stderr), vec![third.clone()]);
    assert!(!r.stdout.contains(&third));
    assert_eq!(r.json()["webhook_secret"], "generated");
}

#[test]
fn lists_and_templates_are_results_on_stdout_even_under_quiet() {
    let w = World::new();
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    let map = w.run(&["jira", "map", &c, "ENG", "--repo", REPO, "-q"]);
    map.ok();
    assert!(map.stdout.contains(&format!("Mapped Jira project {c}#ENG")));
    assert!(map.stderr.is_empty(), "{}", map.show());

    let t = w.run(&["jira", "tenants", "-q"]);
    t.ok();
    assert!(t.stderr.is_empty(), "{}", t.show());
    let active: Vec<&str> = t.stdout.lines().filter(|l| l.contains("active")).collect();
    assert_eq!(active.len(), 1, "`tenants | grep active`:\n{}", t.show());
    assert!(active[0].contains(&c));

    let p = w.run(&["jira", "projects"]);
    p.ok();
    assert_eq!(
        p.stdout.lines().count(),
        2,
        "header + one row:\n{}",
        p.show()
    );
    assert!(p.stdout.lines().nth(1).unwrap().starts_with("ENG "));

    let a = w.run(&["jira", "app-template", "-q"]);
    a.ok();
    assert!(
        a.stdout
            .contains("read:jira-work, write:jira-work, read:jira-user")
    );
    assert!(a.stderr.is_empty());

    let un = w.run(&["jira", "unmap", &c, "ENG", "-q"]);
    un.ok();
    assert!(un.stdout.contains("Unmapped Jira project"), "{}", un.show());
}

#[test]
fn invite_code_and_link_result_survive_quiet() {
    let (w, o) = crate::invite_link::world();
    let cloud = w.seed_tenant(&o, 3600);
    let inv = w.run(&["jira", "invite-user", &cloud, "sam.lee@acme.io", "-q"]);
    inv.ok();
    assert!(inv.stderr.is_empty(), "{}", inv.show());
    let line = inv
        .stdout
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("bgagent jira link link-"))
        .unwrap_or_else(|| panic!("no link command on stdout:\n{}", inv.show()))
        .to_string();
    let code = line.rsplit(' ').next().unwrap();
    let link = w.run(&[
        "jira",
        "link",
        code,
        "--yes",
        "-q",
        "--platform-user-id",
        "teammate-1",
    ]);
    link.ok();
    assert!(
        link.stdout.contains("to platform user teammate-1"),
        "{}",
        link.show()
    );
    assert!(link.stderr.is_empty(), "{}", link.show());
    let _ = WEBHOOK;
}

#[test]
fn usage_errors_are_json_documents_under_output_json() {
    let w = World::new();
    for args in [
        vec![
            "jira",
            "map",
            "not-a-uuid",
            "ENG",
            "--repo",
            REPO,
            "--output",
            "json",
        ],
        vec!["--output=json", "jira", "tenants", "--bogus"],
        vec!["jira", "--output", "json", "nope"],
    ] {
        let r = w.run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.show());
        let doc = r.json();
        assert_eq!(doc["error"]["exit_code"], 2, "{}", r.show());
        assert!(
            !doc["error"]["message"].as_str().unwrap().is_empty(),
            "{}",
            r.show()
        );
        assert!(r.stderr.contains("error:"), "text stays on stderr");
    }
    // Without --output json a usage error stays text only.
    let r = w.run(&["jira", "tenants", "--bogus"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
}
