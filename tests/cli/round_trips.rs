//! Sequential round trips per command, and the stack-output cache.
//!
//! A latency proxy (every request held `HOP` before it is forwarded) sits in front of moto and of
//! the Atlassian stand-in and records when each request arrived and when it was answered. A
//! request that arrives after another was answered may have waited for it; its depth is one more
//! than the deepest such request. The deepest request is the command's number of sequential round
//! trips, and the requests at each depth are the command's dependency chain (README, "Round
//! trips"). Requests sent in parallel overlap by nearly `HOP`, so they share a depth.

use std::time::Duration;

use crate::moto::MotoServer;
use crate::proxy::{Action, Hit, Log, Proxy};
use crate::setup::setup_via_callback;
use crate::support::*;

pub(crate) const HOP: Duration = Duration::from_millis(150);

pub(crate) struct Wire {
    log: Log,
    _proxies: Vec<Proxy>,
}

impl Wire {
    /// Puts latency proxies in front of moto and (when given) the Atlassian stand-in.
    pub(crate) fn new(w: &World, atlassian: Option<&Oauth>) -> Wire {
        let log = Log::default();
        let hold = |_: &crate::proxy::Req| Action::Delay(HOP);
        let aws = Proxy::start_logged(&MotoServer::shared().endpoint, log.clone(), hold);
        w.env("AWS_ENDPOINT_URL", &aws.url);
        let mut proxies = vec![aws];
        if let Some(o) = atlassian {
            let atl = Proxy::start_logged(&o.standin.url(), log.clone(), hold);
            w.env("BGAGENT_ATLASSIAN_AUTH_URL", &atl.url);
            w.env("BGAGENT_ATLASSIAN_API_URL", &atl.url);
            proxies.push(atl);
        }
        Wire {
            log,
            _proxies: proxies,
        }
    }

    /// The requests so far (and forgets them).
    pub(crate) fn take(&self) -> Vec<Hit> {
        std::mem::take(&mut *self.log.lock().unwrap())
    }
}

/// The requests grouped by depth: `chain(..)[d]` are the requests of round trip `d + 1`.
pub(crate) fn chain(hits: &[Hit]) -> Vec<Vec<String>> {
    let mut hits: Vec<&Hit> = hits.iter().collect();
    hits.sort_by_key(|h| h.start);
    let mut depth = vec![0usize; hits.len()];
    for i in 0..hits.len() {
        depth[i] = 1
            + (0..i)
                .filter(|&j| hits[j].end <= hits[i].start)
                .map(|j| depth[j])
                .max()
                .unwrap_or(0);
    }
    let max = depth.iter().copied().max().unwrap_or(0);
    (1..=max)
        .map(|d| {
            let mut names: Vec<String> = (0..hits.len())
                .filter(|&i| depth[i] == d)
                .map(|i| short(&hits[i].what))
                .collect();
            names.sort();
            names
        })
        .collect()
}

/// `GET /ex/jira/<cloud>/rest/api/3/user/search` → `GET user/search` (Atlassian paths shortened).
fn short(what: &str) -> String {
    match what.split_once(' ') {
        Some((m, path)) => {
            let tail = path.rsplit("/rest/api/3/").next().unwrap_or(path);
            format!("{m} {}", tail.trim_start_matches('/'))
        }
        None => what.to_string(),
    }
}

#[track_caller]
pub(crate) fn assert_chain(hits: &[Hit], want: &[&[&str]], what: &str) {
    assert_chain_is(&chain(hits), want, what)
}

/// [`assert_chain`] for a chain already computed (to compare it with another run too).
#[track_caller]
pub(crate) fn assert_chain_is(got: &[Vec<String>], want: &[&[&str]], what: &str) {
    let want: Vec<Vec<String>> = want
        .iter()
        .map(|w| {
            let mut v: Vec<String> = w.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        })
        .collect();
    assert_eq!(
        got, want,
        "{what}: round trips (one list per sequential round trip) differ"
    );
}

pub(crate) fn cache_file(w: &World) -> std::path::PathBuf {
    w.dir.path().join("config").join("stack-outputs.json")
}

#[test]
fn map_is_two_round_trips_warm_and_three_cold() {
    let w = World::new();
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    let wire = Wire::new(&w, None);
    w.run(&["jira", "map", &c, "ENG", "--repo", REPO]).ok();
    assert_chain(
        &wire.take(),
        &[&["DescribeStacks"], &["BatchGetItem"], &["PutItem"]],
        "map, cold",
    );
    assert!(cache_file(&w).exists(), "the cold run fills the cache");
    w.run(&["jira", "map", &c, "OPS", "--repo", REPO]).ok();
    assert_chain(
        &wire.take(),
        &[&["BatchGetItem"], &["PutItem"]],
        "map, warm",
    );
    assert_eq!(w.project(&c, "OPS").unwrap()["repo"], REPO);
    // An unchanged mapping writes nothing: one round trip.
    w.run(&["jira", "map", &c, "OPS", "--repo", REPO]).ok();
    assert_chain(&wire.take(), &[&["BatchGetItem"]], "map, unchanged");
    // unmap: the row, then the conditional update.
    w.run(&["jira", "unmap", &c, "OPS"]).ok();
    assert_chain(
        &wire.take(),
        &[&["GetItem"], &["UpdateItem"]],
        "unmap, warm",
    );
}

#[test]
fn cold_runs_cost_exactly_one_round_trip_more_than_warm_runs() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    let wire = Wire::new(&w, Some(&o));
    let commands: Vec<Vec<String>> = [
        vec!["jira", "tenants"],
        vec!["jira", "projects"],
        vec!["jira", "users", &cloud],
        vec!["jira", "map", &c, "ENG", "--repo", REPO, "--dry-run"],
    ]
    .iter()
    .map(|v| v.iter().map(|s| s.to_string()).collect())
    .collect();
    for args in &commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let _ = std::fs::remove_file(cache_file(&w));
        w.run(&args).ok();
        let cold = chain(&wire.take());
        w.run(&args).ok();
        let warm = chain(&wire.take());
        assert_eq!(cold[0], ["DescribeStacks"], "{args:?} cold: {cold:?}");
        assert_eq!(
            cold.len(),
            warm.len() + 1,
            "{args:?}: cold {cold:?} vs warm {warm:?}"
        );
        assert_eq!(cold[1..], warm[..], "{args:?}");
    }
    w.run(&["jira", "projects"]).ok();
    assert_chain(&wire.take(), &[&["Scan"]], "projects, warm");
    w.run(&["jira", "users", &cloud]).ok();
    assert_chain(&wire.take(), &[&["Scan"]], "users, warm");
}

#[test]
fn tenants_reads_every_bundle_in_parallel() {
    let w = World::new();
    for _ in 0..3 {
        w.registry_put(&random_uuid(), "https://acme.atlassian.net", "active");
    }
    let wire = Wire::new(&w, None);
    w.run(&["jira", "tenants"]).ok();
    wire.take();
    w.run(&["jira", "tenants"]).ok();
    assert_chain(
        &wire.take(),
        &[&["Scan"], &["GetSecretValue"; 3]],
        "tenants, warm",
    );
}

#[test]
fn invite_user_is_three_round_trips_and_link_yes_two() {
    let w = World::new();
    let o = w.oauth(|c| {
        c.users = vec![crate::atlassian_standin::User {
            account_id: "acc-sam".into(),
            display_name: "Sam Lee".into(),
            email: Some("sam@acme.io".into()),
            active: true,
            account_type: "atlassian".into(),
        }]
    });
    let cloud = w.seed_tenant(&o, 3600);
    // The cache is keyed by endpoint: warm it through the proxy.
    let wire = Wire::new(&w, Some(&o));
    w.run(&["jira", "users", &cloud]).ok();
    wire.take();
    let out = w.run(&[
        "jira",
        "invite-user",
        &cloud,
        "sam@acme.io",
        "--output",
        "json",
    ]);
    out.ok();
    assert_chain(
        &wire.take(),
        &[
            &["GetItem", "GetSecretValue"],
            &["GET user/search"],
            &["GetItem", "PutItem"],
        ],
        "invite-user, warm, fresh token",
    );
    let code = out.json()["code"].as_str().unwrap().to_string();
    w.run(&["jira", "link", &code, "--yes"]).ok();
    assert_chain(
        &wire.take(),
        &[&["GetItem"], &["TransactWriteItems"]],
        "link --yes, warm",
    );
    let row = w
        .user_row(&format!("{cloud}#acc-sam"))
        .expect("the link was written");
    assert_eq!(row["platform_user_id"], PLATFORM_USER);
    assert!(w.user_row(&format!("pending#{code}")).is_none());

    // Linked to someone else: the fast transaction names the existing link (with its owner),
    // which is reported and then moved, one transaction more.
    let other = "99999999-2222-4333-8444-555555555555";
    let code = w
        .run(&["jira", "invite-user", &cloud, "acc-sam", "--output", "json"])
        .ok()
        .json()["code"]
        .as_str()
        .unwrap()
        .to_string();
    wire.take();
    let out = w.run(&[
        "jira",
        "link",
        &code,
        "--yes",
        "--platform-user-id",
        other,
        "--output",
        "json",
    ]);
    out.ok();
    assert_eq!(out.json()["replaced_platform_user_id"], PLATFORM_USER);
    assert!(
        out.stderr.contains("linking moves it to you"),
        "{}",
        out.show()
    );
    assert_chain(
        &wire.take(),
        &[
            &["GetItem"],
            &["TransactWriteItems"],
            &["TransactWriteItems"],
        ],
        "link --yes over another link",
    );
    assert_eq!(
        w.user_row(&format!("{cloud}#acc-sam")).unwrap()["platform_user_id"],
        other
    );

    // An inactive tenant: the transaction's tenant check refuses, nothing is written.
    let code = w
        .run(&["jira", "invite-user", &cloud, "acc-sam", "--output", "json"])
        .ok()
        .json()["code"]
        .as_str()
        .unwrap()
        .to_string();
    w.registry_put(&cloud, "https://acme.atlassian.net", "revoked");
    w.run(&["jira", "link", &code, "--yes"])
        .fails(3, "is not active (status: revoked)");
    assert!(
        w.user_row(&format!("pending#{code}")).is_some(),
        "the code stays valid"
    );
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
}

#[test]
fn setup_after_the_callback_waits_only_on_what_it_depends_on() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let wire = Wire::new(&w, Some(&o));
    let run = setup_via_callback(&w, &o, &[]);
    run.ok();
    let hits = wire.take();
    // The browser's visit to the consent page marks the callback; what follows is setup's.
    let consent = hits
        .iter()
        .find(|h| h.what.starts_with("GET /authorize"))
        .expect("the browser went through the proxy")
        .end;
    let after: Vec<Hit> = hits.into_iter().filter(|h| h.start > consent).collect();
    // The registry scan needs nothing from the login and the consenting user is only shown:
    // neither is on the chain, and no write waits for them.
    assert_chain(
        &after,
        &[
            &["POST oauth/token", "Scan"],
            &["GET oauth/token/accessible-resources"],
            &["GET myself", "GetSecretValue"],
            &["CreateSecret"],
            &["UpdateItem"],
            &["PutSecretValue"],
        ],
        "setup after the callback",
    );
    let cloud = o.standin.sites()[0].id.clone();
    w.register_bundle_secrets(&cloud);
    w.assert_no_secrets();
}

#[test]
fn a_stale_cached_table_name_is_refreshed_once_and_retried() {
    let w = World::new();
    let c = random_uuid();
    w.registry_put(&c, "https://acme.atlassian.net", "active");
    let wire = Wire::new(&w, None);
    w.run(&["jira", "projects"]).ok(); // fills the cache
    wire.take();
    let file = cache_file(&w);
    let text = std::fs::read_to_string(&file).unwrap();
    let projects = w.platform.outputs["JiraProjectMappingTableName"].clone();
    assert!(text.contains(&projects), "{text}");
    // The stack was updated since: the cached projects table no longer exists.
    std::fs::write(&file, text.replace(&projects, "renamed-away-projects")).unwrap();
    w.run(&["jira", "map", &c, "ENG", "--repo", REPO]).ok();
    assert_chain(
        &wire.take(),
        &[
            &["BatchGetItem"],
            &["DescribeStacks"],
            &["BatchGetItem"],
            &["PutItem"],
        ],
        "map on a stale cache",
    );
    assert_eq!(w.project(&c, "ENG").unwrap()["repo"], REPO);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains(&projects) && !text.contains("renamed-away"),
        "{text}"
    );

    // BGAGENT_NO_CACHE=1: live, and the cache is neither used nor written.
    std::fs::write(&file, text.replace(&projects, "renamed-away-projects")).unwrap();
    w.env("BGAGENT_NO_CACHE", "1");
    w.run(&["jira", "projects"]).ok();
    assert_chain(
        &wire.take(),
        &[&["DescribeStacks"], &["Scan"]],
        "BGAGENT_NO_CACHE=1 reads the stack live",
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("renamed-away"),
        "--no-cache leaves the cache alone"
    );
}

#[test]
fn no_cache_flag_and_an_expired_entry_read_the_stack() {
    let w = World::new();
    let wire = Wire::new(&w, None);
    w.run(&["jira", "projects", "--no-cache"]).ok();
    assert!(!cache_file(&w).exists(), "--no-cache writes no cache");
    w.run(&["jira", "projects"]).ok();
    w.run(&["jira", "projects"]).ok();
    assert_eq!(
        wire.take()
            .iter()
            .filter(|h| h.what == "DescribeStacks")
            .count(),
        2,
        "--no-cache, then cold; the third run is warm"
    );
    // An entry older than the time limit is not used.
    let file = cache_file(&w);
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    for (_, e) in doc["entries"].as_object_mut().unwrap() {
        let t = e["fetched_at"].as_i64().unwrap();
        e["fetched_at"] = (t - 3601).into();
    }
    std::fs::write(&file, doc.to_string()).unwrap();
    w.run(&["jira", "projects"]).ok();
    assert_chain(
        &wire.take(),
        &[&["DescribeStacks"], &["Scan"]],
        "expired entry",
    );
    // Another stack name is another key.
    w.run(&["jira", "projects", "--stack-name", "no-such-stack"])
        .fails(1, "does not exist");
}
