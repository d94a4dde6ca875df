//! Test harness: one moto server per test process, one stack per test, the binary run with an
//! isolated environment, and a secret scan over everything the binary printed.

use std::cell::RefCell;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

use crate::moto::{MotoServer, Platform};

pub const BIN: &str = env!("CARGO_BIN_EXE_bgagent");
pub const PLATFORM_USER: &str = "11111111-2222-4333-8444-555555555555";
pub const REPO: &str = "acme/widgets";

static COUNTER: AtomicUsize = AtomicUsize::new(0);

pub fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

pub fn random_uuid() -> String {
    let b: [u8; 16] = rand::random();
    format!(
        "{}-{}-4{}-8{}-{}",
        hex::encode(&b[0..4]),
        hex::encode(&b[4..6]),
        &hex::encode(&b[6..8])[1..],
        &hex::encode(&b[8..10])[1..],
        hex::encode(&b[10..16])
    )
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{self:?}"))
    }
    #[track_caller]
    pub fn ok(&self) -> &Self {
        assert_eq!(self.code, 0, "expected success:\n{}", self.show());
        self
    }
    #[track_caller]
    pub fn fails(&self, code: i32, needle: &str) -> &Self {
        assert_eq!(self.code, code, "expected exit {code}:\n{}", self.show());
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.show()
        );
        self
    }
    pub fn show(&self) -> String {
        format!(
            "exit {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// One test's world: a stack of its own in the shared moto server, a config dir, and the
/// secrets it used (scanned for in every output).
pub struct World {
    pub platform: Platform,
    pub dir: tempfile::TempDir,
    pub extra_env: RefCell<Vec<(String, String)>>,
    pub secrets: RefCell<Vec<String>>,
    pub outputs: RefCell<Vec<String>>,
}

pub fn fake_id_token(sub: &str) -> String {
    use base64::Engine;
    let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    format!(
        "{}.{}.c2ln",
        e.encode(r#"{"alg":"RS256","kid":"k"}"#),
        e.encode(format!(r#"{{"sub":"{sub}","token_use":"id"}}"#))
    )
}

impl World {
    pub fn new() -> World {
        Self::with_platform(Platform::create(
            MotoServer::shared(),
            &unique("bgagent-test"),
        ))
    }

    pub fn with_platform(platform: Platform) -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        let cfg = dir.path().join("config");
        std::fs::create_dir_all(&cfg).unwrap();
        std::fs::write(
            cfg.join("credentials.json"),
            format!(r#"{{"id_token":"{}"}}"#, fake_id_token(PLATFORM_USER)),
        )
        .unwrap();
        if platform.outputs.contains_key("RepoTableName") {
            platform.put_repo(REPO, "active");
        }
        World {
            platform,
            dir,
            extra_env: RefCell::new(Vec::new()),
            secrets: RefCell::new(Vec::new()),
            outputs: RefCell::new(Vec::new()),
        }
    }

    pub fn env(&self, k: &str, v: &str) {
        self.extra_env
            .borrow_mut()
            .push((k.to_string(), v.to_string()));
    }

    pub fn secret(&self, s: &str) {
        if !s.is_empty() {
            self.secrets.borrow_mut().push(s.to_string());
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args).env_clear();
        c.env("PATH", std::env::var("PATH").unwrap_or_default());
        c.env("HOME", self.dir.path());
        c.env("BGAGENT_CONFIG_DIR", self.dir.path().join("config"));
        c.env("BGAGENT_STACK_NAME", &self.platform.stack_name);
        c.env("BGAGENT_KEYCHAIN", "off");
        c.env("NO_COLOR", "1");
        for (k, v) in MotoServer::shared().aws_env() {
            c.env(k, v);
        }
        for (k, v) in self.extra_env.borrow().iter() {
            c.env(k, v);
        }
        c
    }

    /// Runs bgagent with `stdin` piped in (closed after), records its output, and fails the test
    /// if a known secret appears in it.
    pub fn run_in(&self, args: &[&str], stdin: &str) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start bgagent");
        let mut sin = child.stdin.take().unwrap();
        let input = stdin.to_string();
        let writer = std::thread::spawn(move || {
            let _ = sin.write_all(input.as_bytes());
        });
        let out = child.wait_with_output().expect("bgagent ran");
        let _ = writer.join();
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        self.outputs
            .borrow_mut()
            .push(format!("{}\n{}", run.stdout, run.stderr));
        self.assert_no_secrets();
        run
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in(args, "")
    }

    /// Every output so far is free of every secret registered so far.
    #[track_caller]
    pub fn assert_no_secrets(&self) {
        for s in self.secrets.borrow().iter() {
            for o in self.outputs.borrow().iter() {
                assert!(
                    !o.contains(s.as_str()),
                    "a secret value leaked into bgagent's output:\n{o}"
                );
            }
        }
    }

    pub fn table(&self, output: &str) -> String {
        self.platform.table(output).to_string()
    }

    pub fn registry_put(&self, cloud_id: &str, site: &str, status: &str) {
        self.platform.put_item_json(
            "JiraWorkspaceRegistryTableName",
            &serde_json::json!({
                "jira_cloud_id": cloud_id,
                "site_url": site,
                "oauth_secret_arn": format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:bgagent-jira-oauth-{cloud_id}-AbCdEf"),
                "installed_by_platform_user_id": PLATFORM_USER,
                "installed_at": "2026-11-01T00:00:00.000Z",
                "updated_at": "2026-11-01T00:00:00.000Z",
                "status": status,
            }),
        );
    }

    pub fn project(&self, cloud_id: &str, key: &str) -> Option<Value> {
        self.platform.get_item(
            "JiraProjectMappingTableName",
            "jira_project_identity",
            &format!("{cloud_id}#{key}"),
        )
    }

    pub fn user_row(&self, key: &str) -> Option<Value> {
        self.platform
            .get_item("JiraUserMappingTableName", "jira_identity", key)
    }
}
