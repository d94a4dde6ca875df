//! Self-test of the local AWS stand-in (`examples/local/moto.rs` and
//! `examples/local/platform-stack.yaml`) against a real `moto_server`.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::moto::{self, MotoServer, Platform};
use aws_sdk_dynamodb::types::{KeyType, ProjectionType, TimeToLiveStatus};
use serde_json::json;

const OUTPUTS: [&str; 6] = [
    "JiraWorkspaceRegistryTableName",
    "JiraProjectMappingTableName",
    "JiraUserMappingTableName",
    "JiraWebhookSecretArn",
    "RepoTableName",
    "ApiUrl",
];

/// Set in the environment of this test binary when it re-runs itself as a subprocess.
const CHILD_MODE: &str = "BGAGENT_MOTO_SELFTEST_CHILD";

fn unique_stack(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn server_starts_and_answers() {
    let moto = MotoServer::shared();
    assert!(
        moto.endpoint.starts_with("http://127.0.0.1:"),
        "{}",
        moto.endpoint
    );
    let ddb = aws_sdk_dynamodb::Client::new(&moto.sdk_config());
    runtime()
        .block_on(ddb.list_tables().send())
        .expect("ListTables against moto");
    let env = moto.aws_env();
    let get = |k: &str| {
        env.iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("AWS_ENDPOINT_URL"), Some(moto.endpoint.as_str()));
    assert_eq!(get("AWS_REGION"), Some("us-east-1"));
    assert_eq!(get("AWS_EC2_METADATA_DISABLED"), Some("true"));
    assert_eq!(get("AWS_SESSION_TOKEN"), None);
}

#[test]
fn two_stacks_coexist_with_all_outputs() {
    let moto = MotoServer::shared();
    let a = Platform::create(moto, &unique_stack("coexist-a"));
    let b = Platform::create(moto, &unique_stack("coexist-b"));
    for platform in [&a, &b] {
        let keys: Vec<&str> = platform.outputs.keys().map(String::as_str).collect();
        for output in OUTPUTS {
            assert!(keys.contains(&output), "{output} missing from {keys:?}");
        }
        // The local platform API: a loopback server of this process, ending in the stage.
        assert_eq!(platform.outputs["ApiUrl"], platform.api.url());
        assert!(
            platform.outputs["ApiUrl"].starts_with("http://127.0.0.1:")
                && platform.outputs["ApiUrl"].ends_with("/v1/"),
            "{}",
            platform.outputs["ApiUrl"]
        );
        assert!(platform.outputs["JiraWebhookSecretArn"].starts_with("arn:aws:secretsmanager:"));
    }
    for output in OUTPUTS {
        assert_ne!(a.outputs[output], b.outputs[output], "{output} shared");
    }
    // Rows do not leak between stacks.
    a.put_repo("acme/only-in-a", "active");
    assert!(
        b.get_item("RepoTableName", "repo", "acme/only-in-a")
            .is_none()
    );
}

#[test]
fn user_table_has_ttl_and_platform_user_index() {
    let moto = MotoServer::shared();
    let platform = Platform::create(moto, &unique_stack("usertable"));
    let table = platform.table("JiraUserMappingTableName").to_string();
    let ddb = aws_sdk_dynamodb::Client::new(&platform.sdk);
    let rt = runtime();

    let ttl = rt
        .block_on(ddb.describe_time_to_live().table_name(&table).send())
        .unwrap();
    let ttl = ttl.time_to_live_description().unwrap();
    assert_eq!(ttl.time_to_live_status(), Some(&TimeToLiveStatus::Enabled));
    assert_eq!(ttl.attribute_name(), Some("ttl"));

    let described = rt
        .block_on(ddb.describe_table().table_name(&table).send())
        .unwrap();
    let desc = described.table().unwrap();
    let key: Vec<_> = desc
        .key_schema()
        .iter()
        .map(|k| (k.attribute_name(), k.key_type().clone()))
        .collect();
    assert_eq!(key, [("jira_identity", KeyType::Hash)]);
    let gsis = desc.global_secondary_indexes();
    assert_eq!(gsis.len(), 1);
    let gsi = &gsis[0];
    assert_eq!(gsi.index_name(), Some("PlatformUserIndex"));
    let gsi_key: Vec<_> = gsi
        .key_schema()
        .iter()
        .map(|k| (k.attribute_name(), k.key_type().clone()))
        .collect();
    assert_eq!(
        gsi_key,
        [
            ("platform_user_id", KeyType::Hash),
            ("linked_at", KeyType::Range)
        ]
    );
    assert_eq!(
        gsi.projection().and_then(|p| p.projection_type()),
        Some(&ProjectionType::All)
    );

    // The other tables have the contract's string partition keys and no sort keys.
    for (output, attr) in [
        ("JiraWorkspaceRegistryTableName", "jira_cloud_id"),
        ("JiraProjectMappingTableName", "jira_project_identity"),
        ("RepoTableName", "repo"),
    ] {
        let described = rt
            .block_on(
                ddb.describe_table()
                    .table_name(platform.table(output))
                    .send(),
            )
            .unwrap();
        let key: Vec<_> = described
            .table()
            .unwrap()
            .key_schema()
            .iter()
            .map(|k| (k.attribute_name(), k.key_type().clone()))
            .collect();
        assert_eq!(key, [(attr, KeyType::Hash)], "{output}");
    }
}

#[test]
fn webhook_secret_holds_the_cdk_placeholder() {
    assert!(Platform::template().contains(moto::WEBHOOK_PLACEHOLDER));
    assert!(Platform::template().contains(moto::WEBHOOK_SECRET_DESCRIPTION));
    let moto = MotoServer::shared();
    let platform = Platform::create(moto, &unique_stack("webhook"));
    let arn = &platform.outputs["JiraWebhookSecretArn"];
    let value = platform
        .get_secret_string(arn)
        .expect("webhook secret exists");
    let parsed: serde_json::Value = serde_json::from_str(&value).unwrap();
    assert_eq!(parsed["abca_jira_webhook_placeholder"], json!(true));
    assert!(parsed["value"].is_string());
    assert_eq!(
        platform.secret_description(arn).as_deref(),
        Some(moto::WEBHOOK_SECRET_DESCRIPTION)
    );
    // The CLI replaces it with the bare signing secret, by ARN.
    platform.put_secret_string(arn, "bare-signing-secret");
    assert_eq!(
        platform.get_secret_string(arn).as_deref(),
        Some("bare-signing-secret")
    );
}

#[test]
fn item_helpers_round_trip() {
    let moto = MotoServer::shared();
    let platform = Platform::create(moto, &unique_stack("items"));
    platform.put_repo("acme/widgets", "active");
    assert_eq!(
        platform.get_item("RepoTableName", "repo", "acme/widgets"),
        Some(json!({ "repo": "acme/widgets", "status": "active" }))
    );
    assert_eq!(
        platform.get_item("RepoTableName", "repo", "acme/none"),
        None
    );
    platform.put_repo("acme/widgets", "removed");
    assert_eq!(
        platform
            .get_item("RepoTableName", "repo", "acme/widgets")
            .unwrap()["status"],
        "removed"
    );

    let invite = json!({
        "jira_identity": "pending#link-abcdefgh",
        "status": "pending",
        "ttl": 1_795_000_000u64,
        "ratio": 0.5,
        "negative": -3,
        "flag": false,
        "nothing": null,
        "list": ["a", 1, true],
        "nested": { "k": "v", "n": 2 }
    });
    platform.put_item_json("JiraUserMappingTableName", &invite);
    assert_eq!(
        platform.get_item(
            "JiraUserMappingTableName",
            "jira_identity",
            "pending#link-abcdefgh"
        ),
        Some(invite.clone())
    );
    let link = json!({
        "jira_identity": "c0ffee00-0000-4000-8000-000000000000#acc-1",
        "platform_user_id": "sub-1",
        "linked_at": "2026-11-23T12:00:00.000Z",
        "status": "active"
    });
    platform.put_item_json("JiraUserMappingTableName", &link);
    let mut all = platform.scan("JiraUserMappingTableName");
    all.sort_by_key(|item| item["jira_identity"].as_str().unwrap().to_string());
    assert_eq!(all, vec![link, invite]);
    assert!(platform.scan("JiraProjectMappingTableName").is_empty());
}

#[test]
fn secret_helpers() {
    let moto = MotoServer::shared();
    let platform = Platform::create(moto, &unique_stack("secrets"));
    let name = format!("bgagent-jira-oauth-{}", platform.stack_name);
    assert_eq!(platform.get_secret_string(&name), None);
    platform.put_secret_string(&name, r#"{"a":"1"}"#);
    assert_eq!(
        platform.get_secret_string(&name).as_deref(),
        Some(r#"{"a":"1"}"#)
    );
    platform.put_secret_string(&name, r#"{"a":"2"}"#);
    assert_eq!(
        platform.get_secret_string(&name).as_deref(),
        Some(r#"{"a":"2"}"#)
    );
    assert_eq!(platform.secret_tags(&name), Vec::<(String, String)>::new());
    assert_eq!(platform.secret_description(&name), None);

    // Tags and description as the CLI would set them, read back through the helpers.
    let sm = aws_sdk_secretsmanager::Client::new(&platform.sdk);
    let tagged = format!("{name}-tagged");
    runtime()
        .block_on(
            sm.create_secret()
                .name(&tagged)
                .description("Jira OAuth token for tenant 'x'")
                .secret_string("{}")
                .tags(
                    aws_sdk_secretsmanager::types::Tag::builder()
                        .key("bgagent:integration")
                        .value("jira")
                        .build(),
                )
                .tags(
                    aws_sdk_secretsmanager::types::Tag::builder()
                        .key("bgagent:jira:cloud_id")
                        .value("x")
                        .build(),
                )
                .send(),
        )
        .unwrap();
    assert_eq!(
        platform.secret_tags(&tagged),
        vec![
            ("bgagent:integration".to_string(), "jira".to_string()),
            ("bgagent:jira:cloud_id".to_string(), "x".to_string()),
        ]
    );
    assert_eq!(
        platform.secret_description(&tagged).as_deref(),
        Some("Jira OAuth token for tenant 'x'")
    );

    platform.delete_secret(&name);
    assert_eq!(platform.get_secret_string(&name), None);
    platform.delete_secret(&name); // already gone: fine
    // A force-deleted name can be created again at once.
    platform.put_secret_string(&name, "again");
    assert_eq!(platform.get_secret_string(&name).as_deref(), Some("again"));
}

#[test]
fn create_with_template_without_an_output() {
    let repo_output = "  RepoTableName:\n    Value: !Ref RepoTable\n";
    assert!(Platform::template().contains(repo_output));
    let template = Platform::template().replace(repo_output, "");
    let moto = MotoServer::shared();
    let platform = Platform::create_with_template(moto, &unique_stack("dropped"), &template);
    assert!(!platform.outputs.contains_key("RepoTableName"));
    for output in OUTPUTS.iter().filter(|o| **o != "RepoTableName") {
        assert!(platform.outputs.contains_key(*output), "{output} missing");
    }
}

/// Re-runs this test binary, filtered to `test`, with `env` added; returns the child.
fn rerun_self(test: &str, env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_MODE, test);
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

fn in_child_mode(test: &str) -> bool {
    std::env::var(CHILD_MODE).is_ok_and(|t| t == test)
}

/// Runs in a subprocess so that setting BGAGENT_MOTO_SERVER cannot disturb the other
/// tests, which share this process's environment.
#[test]
fn missing_moto_panics_with_install_hint() {
    const TEST: &str = "moto_selftest::missing_moto_panics_with_install_hint";
    if in_child_mode(TEST) {
        let _ = MotoServer::start();
        return;
    }
    let output = rerun_self(TEST, &[(moto::MOTO_ENV, "/nonexistent")])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!output.status.success(), "child passed:\n{text}");
    assert!(
        text.contains("BGAGENT_MOTO_SERVER=/nonexistent is not an executable file"),
        "{text}"
    );
    assert!(
        text.contains("python3 -m venv .venv && .venv/bin/pip install 'moto[server]==5.2.1'"),
        "{text}"
    );
    assert!(text.contains("bash .ci/run"), "{text}");
}

/// The server must die with the process that started it, even on SIGKILL (no destructor).
#[test]
fn moto_dies_with_its_parent() {
    const TEST: &str = "moto_selftest::moto_dies_with_its_parent";
    if in_child_mode(TEST) {
        let moto = MotoServer::shared();
        println!("ENDPOINT={}", moto.endpoint);
        loop {
            std::thread::sleep(Duration::from_secs(60));
        }
    }
    let mut child = rerun_self(TEST, &[])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut endpoint = None;
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        // libtest prints "test NAME ... " without a newline before the test's output.
        if let Some((_, e)) = line.unwrap().split_once("ENDPOINT=") {
            endpoint = Some(e.trim().to_string());
            break;
        }
    }
    let Some(endpoint) = endpoint else {
        let _ = child.kill();
        panic!("child printed no endpoint: {:?}", child.wait());
    };
    let addr = endpoint.trim_start_matches("http://").to_string();
    assert!(TcpStream::connect(&addr).is_ok(), "moto not up at {addr}");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(&addr).is_ok() {
        assert!(
            Instant::now() < deadline,
            "moto still answers at {addr} 10 s after its parent was killed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// moto's threaded server restores a snapshot of the tables when it cancels a transaction;
/// unserialized, that wiped writes which other requests made meanwhile (a racer's winning link
/// vanished). Cancelled transactions race plain writes here; every plain write must survive.
/// (Without the lock this failed in one run out of two to five; the check that moto was
/// started through the launcher is the sure one.)
#[test]
fn a_cancelled_transaction_never_wipes_a_concurrent_write() {
    // A server of its own: this flood of writes would hold up every other test's writes.
    let moto = MotoServer::start();
    let port = moto.endpoint.rsplit(':').next().unwrap().to_string();
    let serialized = std::fs::read_dir("/proc").unwrap().any(|e| {
        let Ok(e) = e else { return false };
        let c = std::fs::read(e.path().join("cmdline")).unwrap_or_default();
        let c = String::from_utf8_lossy(&c);
        c.contains(&format!("\0{port}")) && c.contains(moto::MOTO_LAUNCHER)
    });
    assert!(
        serialized,
        "moto_server on port {port} was not started through MOTO_LAUNCHER"
    );
    use aws_sdk_dynamodb::types::{AttributeValue, Put, TransactWriteItem};
    let platform = Platform::create(&moto, &unique_stack("bgagent-iso"));
    let table = platform.table("RepoTableName").to_string();
    let client = aws_sdk_dynamodb::Client::new(&moto.sdk_config());
    let rt = runtime();
    rt.block_on(async {
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..400 {
            let (client, table) = (client.clone(), table.clone());
            tasks.spawn(async move {
                let item = |k: String| {
                    [("repo".to_string(), AttributeValue::S(k))]
                        .into_iter()
                        .collect::<std::collections::HashMap<_, _>>()
                };
                if i % 2 == 0 {
                    // Always cancelled, by its last put's condition, after moto applied the
                    // first 24 (the longer the window, the likelier a race without the lock).
                    let put = |k: String, cond: &str| {
                        let p = Put::builder().table_name(&table).set_item(Some(item(k)));
                        let p = if cond.is_empty() {
                            p
                        } else {
                            p.condition_expression(cond)
                        };
                        TransactWriteItem::builder().put(p.build().unwrap()).build()
                    };
                    let mut items: Vec<_> =
                        (0..9).map(|j| put(format!("never-{i}-{j}"), "")).collect();
                    items.push(put(format!("never-{i}"), "attribute_exists(repo)"));
                    let r = client
                        .transact_write_items()
                        .set_transact_items(Some(items))
                        .send()
                        .await;
                    assert!(r.is_err(), "the transaction was not cancelled");
                } else {
                    client
                        .put_item()
                        .table_name(&table)
                        .set_item(Some(item(format!("kept-{i}"))))
                        .send()
                        .await
                        .expect("PutItem");
                }
            });
        }
        while let Some(r) = tasks.join_next().await {
            r.unwrap();
        }
    });
    let rows = platform.scan("RepoTableName");
    let kept = rows
        .iter()
        .filter(|r| r["repo"].as_str().is_some_and(|k| k.starts_with("kept-")))
        .count();
    assert_eq!(kept, 200, "a cancelled transaction wiped concurrent writes");
    assert!(
        rows.iter()
            .all(|r| !r["repo"].as_str().unwrap_or("").starts_with("never")),
        "a cancelled transaction left writes behind"
    );
}
