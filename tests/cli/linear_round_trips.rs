//! Sequential AWS round trips of the Linear commands, which read their stack outputs through
//! the same cache as the Jira ones (`round_trips.rs` has the latency proxy and the depth
//! rule): a cold run costs exactly one round trip more than a warm one, and a cached table that
//! turns out missing is refreshed once and the command re-run. Only AWS goes through the
//! proxy; the Linear stand-in answers directly. Also the bundle deletion Linear shares with
//! `jira revoke`.

use serde_json::json;

use crate::linear::{first_workspace, linear, registry};
use crate::round_trips::{Wire, assert_chain, assert_chain_is, cache_file, chain};
use crate::support::*;

fn world() -> (World, crate::linear::Lin, String, String) {
    let w = World::new();
    let key = format!("acme{}", hex::encode(rand::random::<[u8; 4]>()));
    let lin = linear(&w, &key);
    let (slug, org) = first_workspace(&w, &lin);
    (w, lin, slug, org)
}

fn invite(w: &World, slug: &str) -> String {
    w.run(&[
        "--output",
        "json",
        "linear",
        "invite-user",
        slug,
        "sam@acme.io",
    ])
    .ok()
    .json()["code"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A row of the Linear user table (an invite `pending#<code>`, or a link `<org>#<user>`).
fn user_row(w: &World, key: &str) -> Option<serde_json::Value> {
    w.platform
        .get_item("LinearUserMappingTableName", "linear_identity", key)
}

/// Replaces a cached output's value (the stack was updated since the cache was filled).
fn rename_in_cache(w: &World, output: &str) {
    let file = cache_file(w);
    let text = std::fs::read_to_string(&file).unwrap();
    let value = w.platform.outputs[output].clone();
    assert!(text.contains(&value), "{output} is cached: {text}");
    std::fs::write(&file, text.replace(&value, "renamed-away-by-an-update")).unwrap();
}

#[test]
fn onboard_project_is_three_round_trips_warm_and_four_cold_and_a_stale_table_is_refreshed_once() {
    let (w, lin, _, org) = world();
    let projects = lin.standin.config().projects.clone();
    let wire = Wire::new(&w, None);
    let onboard = |pid: &str| {
        let r = w.run(&[
            "--output",
            "json",
            "linear",
            "onboard-project",
            pid,
            "--repo",
            REPO,
        ]);
        r.ok();
        assert_eq!(r.json()["action"], "created");
    };
    onboard(&projects[0].id);
    let cold = chain(&wire.take());
    assert!(cache_file(&w).exists(), "the cold run fills the cache");
    onboard(&projects[1].id);
    let warm = chain(&wire.take());
    // The workspace (registry scan), the repo and the current mapping (one BatchGetItem) are
    // read at once; then the bundle; then the write.
    assert_chain_is(
        &warm,
        &[&["BatchGetItem", "Scan"], &["GetSecretValue"], &["PutItem"]],
        "onboard-project, warm",
    );
    assert_eq!(cold[0], ["DescribeStacks"], "cold: {cold:?}");
    assert_eq!(cold.len(), warm.len() + 1, "cold {cold:?} vs warm {warm:?}");
    assert_eq!(cold[1..], warm[..]);

    // The project table was renamed by a stack update: the cached name fails, the stack is read
    // again once, and the command runs again on live outputs.
    rename_in_cache(&w, "LinearProjectMappingTableName");
    onboard(&projects[2].id);
    assert_chain(
        &wire.take(),
        &[
            &["BatchGetItem", "Scan"],
            &["DescribeStacks"],
            &["BatchGetItem", "Scan"],
            &["GetSecretValue"],
            &["PutItem"],
        ],
        "onboard-project on a stale cache",
    );
    let row = w
        .platform
        .get_item(
            "LinearProjectMappingTableName",
            "linear_project_id",
            &projects[2].id,
        )
        .expect("written to the live table");
    assert_eq!(row["linear_workspace_id"], org.as_str());
    let text = std::fs::read_to_string(cache_file(&w)).unwrap();
    assert!(
        !text.contains("renamed-away"),
        "the cache is refreshed: {text}"
    );
    lin.register_tokens(&w);
    w.assert_no_secrets();
}

#[test]
fn link_direct_yes_is_two_round_trips_warm_three_cold_and_checks_the_workspace_in_the_transaction()
{
    let (w, lin, slug, org) = world();
    let sam = lin.standin.config().users[1].id.clone();
    let wire = Wire::new(&w, None);
    let link = |code: &str, extra: &[&str]| {
        let mut args = vec![
            "--output", "json", "--yes", "linear", "link", code, "--via", "direct",
        ];
        args.extend_from_slice(extra);
        w.run(&args)
    };
    // Cold: no cache for this endpoint yet (the invite fills it, so drop it again).
    let code = invite(&w, &slug);
    let _ = std::fs::remove_file(cache_file(&w));
    wire.take();
    link(&code, &[]).ok();
    let cold = chain(&wire.take());
    assert_chain_is(
        &cold,
        &[&["DescribeStacks"], &["GetItem"], &["TransactWriteItems"]],
        "link --via direct --yes, cold",
    );
    let row = user_row(&w, &format!("{org}#{sam}")).expect("linked");
    assert_eq!(row["platform_user_id"], PLATFORM_USER);
    assert_eq!(row["link_method"], "cli");

    // Warm, and the account is linked to someone else: the transaction names the owner, who is
    // reported, and the link is moved by one more transaction.
    let other = "99999999-2222-4333-8444-555555555555";
    let code = invite(&w, &slug);
    wire.take();
    let out = link(&code, &["--platform-user-id", other]);
    out.ok();
    assert_eq!(out.json()["replaced_platform_user_id"], PLATFORM_USER);
    assert_eq!(out.json()["linear_workspace_slug"], slug.as_str());
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
        "link --yes over another link, warm",
    );
    // Warm and plain: two round trips, one less than cold.
    let code = invite(&w, &slug);
    wire.take();
    link(&code, &["--platform-user-id", other]).ok();
    let warm = chain(&wire.take());
    assert_eq!(cold.len(), warm.len() + 1, "cold {cold:?} vs warm {warm:?}");
    assert_eq!(cold[1..], warm[..]);

    // A registry row the Lambdas cannot use (no oauth_secret_arn) fails the transaction's
    // workspace check: nothing is written, the code stays valid.
    let code = invite(&w, &slug);
    let mut reg = registry(&w, &org).unwrap();
    let arn = reg.as_object_mut().unwrap().remove("oauth_secret_arn");
    w.platform
        .put_item_json("LinearWorkspaceRegistryTableName", &reg);
    link(&code, &[]).fails(3, "is not active");
    assert!(
        user_row(&w, &format!("pending#{code}")).is_some(),
        "the code stays valid"
    );
    assert_eq!(
        user_row(&w, &format!("{org}#{sam}")).unwrap()["platform_user_id"],
        other,
        "the link is untouched"
    );
    // Revoked: the same.
    reg["oauth_secret_arn"] = arn.unwrap();
    reg["status"] = json!("revoked");
    w.platform
        .put_item_json("LinearWorkspaceRegistryTableName", &reg);
    link(&code, &[]).fails(3, "is not active");
    reg["status"] = json!("active");
    w.platform
        .put_item_json("LinearWorkspaceRegistryTableName", &reg);
    wire.take();

    // The user table was renamed by a stack update: refreshed once, re-run, linked.
    rename_in_cache(&w, "LinearUserMappingTableName");
    link(&code, &["--platform-user-id", other]).ok();
    assert_chain(
        &wire.take(),
        &[
            &["GetItem"],
            &["DescribeStacks"],
            &["GetItem"],
            &["TransactWriteItems"],
        ],
        "link on a stale user table",
    );
    // The registry table was renamed: the transaction's check fails as a whole (nothing is
    // written), refreshed once, re-run, linked.
    let code = invite(&w, &slug);
    wire.take();
    rename_in_cache(&w, "LinearWorkspaceRegistryTableName");
    link(&code, &["--platform-user-id", other]).ok();
    assert_chain(
        &wire.take(),
        &[
            &["GetItem"],
            &["TransactWriteItems"],
            &["DescribeStacks"],
            &["GetItem"],
            &["TransactWriteItems"],
        ],
        "link on a stale registry table",
    );
    assert!(
        user_row(&w, &format!("pending#{code}")).is_none(),
        "redeemed"
    );
    lin.register_tokens(&w);
    w.assert_no_secrets();
}

/// The one bundle deletion behind `linear remove-workspace` and `jira revoke --delete-secret`:
/// a deletion AWS keeps refusing is reported with what was written and the fix; Linear also
/// records it on the registry row, Jira does not touch the row beyond the revoke.
#[test]
fn a_failed_bundle_deletion_is_reported_and_recorded_on_the_linear_row() {
    use crate::faults::{Fault, aws_proxy, faulty_world};
    let (w, lin, slug, org) = world();
    let cloud = random_uuid();
    w.registry_put(&cloud, "https://acme.atlassian.net", "active");
    let (p, hits) = aws_proxy("DeleteSecret", "", Fault::ServerError, 100);
    faulty_world(&w, &p);
    let r = w.run(&["--yes", "linear", "remove-workspace", &slug, "--purge"]);
    r.fails(1, "could not delete secret");
    assert!(*hits.lock().unwrap() >= 1);
    for needle in [
        "status=revoked",
        "secret_deletion_failed=true",
        "kept for --purge",
        &format!("bgagent linear remove-workspace {slug} --purge"),
    ] {
        assert!(r.stderr.contains(needle), "{needle}: {}", r.show());
    }
    let row = registry(&w, &org).expect("kept: --purge waits for the bundle");
    assert_eq!(row["status"], "revoked");
    assert_eq!(row["secret_deletion_failed"], true);
    assert!(
        row["orphaned_oauth_secret_arn"]
            .as_str()
            .unwrap()
            .contains(&format!("bgagent-linear-oauth-{slug}")),
        "{row}"
    );
    assert!(!row["secret_deletion_error"].as_str().unwrap().is_empty());

    let r = w.run(&[
        "--yes",
        "jira",
        "revoke",
        &cloud,
        "--delete-secret",
        "--force-delete",
    ]);
    r.fails(1, "could not delete secret");
    assert!(
        r.stderr.contains("--force-delete-without-recovery"),
        "{}",
        r.show()
    );
    let jira_row = w
        .platform
        .get_item("JiraWorkspaceRegistryTableName", "jira_cloud_id", &cloud)
        .unwrap();
    assert_eq!(jira_row["status"], "revoked");
    assert!(
        jira_row.get("secret_deletion_failed").is_none(),
        "{jira_row}"
    );
    lin.register_tokens(&w);
    w.assert_no_secrets();
}

/// The cache key also tells apart credentials from the environment (by a digest of the access
/// key id; neither the id nor the secret key is stored) and `AWS_DEFAULT_PROFILE`.
#[test]
fn the_cache_key_includes_the_access_key_id_and_aws_default_profile() {
    let w = World::new();
    let wire = Wire::new(&w, None);
    let runs = |what: &str, want: &[&[&str]]| {
        w.run(&["linear", "workspaces"]).ok();
        assert_chain(&wire.take(), want, what);
    };
    let cold: &[&[&str]] = &[&["DescribeStacks"], &["Scan"]];
    let warm: &[&[&str]] = &[&["Scan"]];
    runs("cold", cold);
    runs("warm", warm);
    // Another access key (moto accepts any): another entry, so cold, then warm.
    w.env("AWS_ACCESS_KEY_ID", "AKIAOTHERKEY00000001");
    runs("another access key id, cold", cold);
    runs("another access key id, warm", warm);
    w.env("AWS_DEFAULT_PROFILE", "ops");
    runs("AWS_DEFAULT_PROFILE, cold", cold);
    runs("AWS_DEFAULT_PROFILE, warm", warm);
    let text = std::fs::read_to_string(cache_file(&w)).unwrap();
    assert!(
        !text.contains("AKIAOTHERKEY") && !text.contains("testing"),
        "neither key id nor secret is stored: {text}"
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&text).unwrap()["entries"]
            .as_object()
            .unwrap()
            .len(),
        3
    );
}
