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

    /// Registers a secret value: no output so far, and none to come, may contain it. Each
    /// (output, secret) pair is checked once, when the later of the two arrives (checking every
    /// pair on every run made the long fault tables quadratic).
    #[track_caller]
    pub fn secret(&self, s: &str) {
        if !s.is_empty() {
            for o in self.outputs.borrow().iter() {
                assert_no_leak(o, s);
            }
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
        // Retries wait 20 ms instead of a second (the fault tables retry hundreds of times); a
        // test of the waits themselves sets its own value.
        c.env("BGAGENT_RETRY_BACKOFF", "0.02");
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
        self.finish(self.spawn(args, stdin))
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in(args, "")
    }

    /// Every output so far is free of every secret registered so far.
    #[track_caller]
    pub fn assert_no_secrets(&self) {
        for s in self.secrets.borrow().iter() {
            for o in self.outputs.borrow().iter() {
                assert_no_leak(o, s);
            }
        }
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

/// A minimal HTTP/1.1 client (the tests play the browser; no redirects are followed).
pub mod http {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::Duration;

    #[derive(Debug)]
    pub struct Resp {
        pub status: u16,
        pub headers: Vec<(String, String)>,
        pub body: String,
    }

    impl Resp {
        pub fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }
    }

    /// Sends raw bytes to `host:port` and parses the answer (None if the connection was dropped).
    pub fn raw(addr: &str, request: &[u8]) -> Option<Resp> {
        let mut s = TcpStream::connect(addr).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
        s.write_all(request).ok()?;
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        let text = String::from_utf8_lossy(&buf).into_owned();
        let (head, body) = text.split_once("\r\n\r\n")?;
        let mut lines = head.lines();
        let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        Some(Resp {
            status,
            headers,
            body: body.to_string(),
        })
    }

    /// GET an absolute http:// URL.
    pub fn get(url: &str) -> Option<Resp> {
        let u = url::Url::parse(url).ok()?;
        let host = match u.host()? {
            url::Host::Ipv6(ip) => format!("[{ip}]"),
            h => h.to_string(),
        };
        // As browsers send it: host:port unless the port is the scheme's default.
        let host_header = match u.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.clone(),
        };
        let addr = format!(
            "{}:{}",
            if host == "localhost" {
                "127.0.0.1".to_string()
            } else {
                host.clone()
            },
            u.port_or_known_default()?
        );
        let path = match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        };
        raw(
            &addr,
            format!("GET {path} HTTP/1.1\r\nHost: {host_header}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until `f` returns Some, or panics after `secs`.
pub fn wait_for<T>(secs: u64, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The Atlassian side of a test: a stand-in bound to this world's callback URL.
pub struct Oauth {
    pub standin: crate::atlassian_standin::Standin,
    pub port: u16,
    pub redirect: String,
    pub client_id: String,
    pub client_secret: String,
    pub url_file: std::path::PathBuf,
}

impl World {
    /// Starts a stand-in whose app is registered with `http://localhost:<free port>/oauth/callback`,
    /// points bgagent at it, and installs a `$BROWSER` that only records the URL it is given.
    pub fn oauth(&self, tweak: impl FnOnce(&mut crate::atlassian_standin::Config)) -> Oauth {
        let port = free_port();
        let redirect = format!("http://localhost:{port}/oauth/callback");
        let client_id = unique("client");
        let client_secret = format!("cs-{}", hex::encode(rand::random::<[u8; 16]>()));
        let mut cfg = crate::atlassian_standin::Config::new(&client_id, &client_secret, &redirect);
        // Every world gets its own cloud id: secrets are global in the shared moto server.
        for site in &mut cfg.sites {
            site.id = random_uuid();
        }
        tweak(&mut cfg);
        let standin = crate::atlassian_standin::Standin::start(cfg);
        self.env("BGAGENT_ATLASSIAN_AUTH_URL", &standin.url());
        self.env("BGAGENT_ATLASSIAN_API_URL", &standin.url());
        self.secret(&client_secret);
        let url_file = self.record_browser();
        Oauth {
            standin,
            port,
            redirect,
            client_id,
            client_secret,
            url_file,
        }
    }

    /// Installs a real headless Chromium as `$BROWSER` (its final page's DOM goes to the file
    /// returned); fails the test saying what to install when there is none.
    pub fn chromium_browser(&self) -> std::path::PathBuf {
        let chromium = ["chromium", "chromium-browser"]
            .iter()
            .find(|c| std::process::Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()))
            .unwrap_or_else(|| panic!("this test drives a real headless Chromium: install Debian's `chromium` package (apt-get install chromium), or run scripts/test which installs it"));
        let profile = self.dir.path().join("chromium-profile");
        let script = self.dir.path().join("chromium-browser.sh");
        let dom = self.dir.path().join("dom.html");
        write_executable(
            &script,
            &format!(
                "#!/bin/sh\nexec {chromium} --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
                 --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage \
                 --user-data-dir='{}' --dump-dom \"$1\" > '{}' 2>/dev/null\n",
                profile.display(),
                dom.display()
            ),
        );
        self.env("BROWSER", script.to_str().unwrap());
        dom
    }

    /// Installs a `$BROWSER` that only records the URL it is given; returns that file.
    pub fn record_browser(&self) -> std::path::PathBuf {
        let url_file = self.dir.path().join("browser-url.txt");
        let script = self.dir.path().join("record-browser.sh");
        write_executable(
            &script,
            &format!(
                "#!/bin/sh\nprintf '%s' \"$1\" > '{}.tmp' && mv '{0}.tmp' '{0}'\n",
                url_file.display()
            ),
        );
        self.env("BROWSER", script.to_str().unwrap());
        url_file
    }

    /// Starts bgagent in the background with stdin piped (for the browser leg to run meanwhile).
    pub fn spawn(&self, args: &[&str], stdin: &str) -> Spawned {
        self.spawn_command(self.command(args), stdin)
    }

    /// Starts bgagent on a pseudo-terminal (util-linux `script`): prompts are interactive, and
    /// stdout carries everything the terminal showed (echoed input included).
    pub fn spawn_on_terminal(&self, args: &[&str]) -> Spawned {
        let inner = self.command(args);
        let line = std::iter::once(BIN.to_string())
            .chain(
                args.iter()
                    .map(|a| format!("'{}'", a.replace('\'', r"'\''"))),
            )
            .collect::<Vec<_>>()
            .join(" ");
        let mut c = Command::new("script");
        c.args(["-qec", &line, "/dev/null"]).env_clear();
        for (k, v) in inner.get_envs() {
            if let Some(v) = v {
                c.env(k, v);
            }
        }
        c.env("TERM", "dumb");
        self.spawn_command(c, "")
    }

    fn spawn_command(&self, mut command: Command, stdin: &str) -> Spawned {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start bgagent");
        let mut sin = child.stdin.take().unwrap();
        // The child may exit without reading (e.g. a usage error): a broken pipe is fine.
        let _ = sin.write_all(stdin.as_bytes());
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let collect = |mut r: Box<dyn std::io::Read + Send>| {
            let buf = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
            let b2 = buf.clone();
            let h = std::thread::spawn(move || {
                let mut chunk = [0u8; 4096];
                while let Ok(n) = r.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    b2.lock().unwrap().extend_from_slice(&chunk[..n]);
                }
            });
            (buf, h)
        };
        let (out, oh) = collect(Box::new(stdout));
        let (err, eh) = collect(Box::new(stderr));
        Spawned {
            child,
            stdin: Some(sin),
            out,
            err,
            handles: vec![oh, eh],
        }
    }

    pub fn finish(&self, mut s: Spawned) -> Run {
        drop(s.stdin.take());
        let status = s.child.wait().unwrap();
        for h in s.handles.drain(..) {
            h.join().unwrap();
        }
        let run = Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&s.out.lock().unwrap()).into_owned(),
            stderr: String::from_utf8_lossy(&s.err.lock().unwrap()).into_owned(),
        };
        let output = format!("{}\n{}", run.stdout, run.stderr);
        for secret in self.secrets.borrow().iter() {
            assert_no_leak(&output, secret);
        }
        self.outputs.borrow_mut().push(output);
        run
    }

    pub fn bundle(&self, cloud_id: &str) -> Option<Value> {
        self.platform
            .get_secret_string(&format!("bgagent-jira-oauth-{cloud_id}"))
            .map(|s| serde_json::from_str(&s).expect("bundle is JSON"))
    }

    pub fn stack_secret(&self) -> String {
        self.platform
            .get_secret_string(&self.platform.outputs["JiraWebhookSecretArn"])
            .expect("stack-wide secret")
    }

    /// Registers every token value of a bundle as a secret for the output scan.
    pub fn register_bundle_secrets(&self, cloud_id: &str) {
        if let Some(b) = self.bundle(cloud_id) {
            for k in [
                "access_token",
                "refresh_token",
                "client_secret",
                "webhook_signing_secret",
                "app_actor_shared_secret",
            ] {
                if let Some(v) = b[k].as_str() {
                    self.secret(v);
                }
            }
        }
    }
}

pub struct Spawned {
    pub child: std::process::Child,
    pub stdin: Option<std::process::ChildStdin>,
    out: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    err: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    handles: Vec<std::thread::JoinHandle<()>>,
}

impl Spawned {
    pub fn stdout_so_far(&self) -> String {
        String::from_utf8_lossy(&self.out.lock().unwrap()).into_owned()
    }
    pub fn stderr_so_far(&self) -> String {
        String::from_utf8_lossy(&self.err.lock().unwrap()).into_owned()
    }
    pub fn write_stdin(&mut self, s: &str) {
        let i = self.stdin.as_mut().expect("stdin open");
        i.write_all(s.as_bytes()).unwrap();
        i.flush().unwrap();
    }
}

impl Oauth {
    /// The authorize URL the browser was given.
    pub fn browser_url(&self) -> String {
        wait_for(20, "bgagent to open the browser", || {
            std::fs::read_to_string(&self.url_file).ok()
        })
    }

    /// Plays the browser's first hop: GET the authorize URL on the stand-in, return the redirect.
    pub fn authorize(&self, url: &str) -> String {
        let r = http::get(url).expect("stand-in answered");
        assert_eq!(r.status, 302, "authorize was refused: {r:?}");
        r.header("Location").expect("Location").to_string()
    }
}

pub fn iso(t: time::OffsetDateTime) -> String {
    let f = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    t.format(&f).unwrap()
}

pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

impl World {
    /// An active tenant as `setup` leaves it, with real tokens from the stand-in whose access
    /// token expires in `expires_in` seconds (negative: already expired). Returns the cloud id.
    pub fn seed_tenant(&self, o: &Oauth, expires_in: i64) -> String {
        let cloud = o.standin.sites()[0].id.clone();
        let (access, refresh) = o.standin.mint_tokens();
        self.secret(&access);
        self.secret(&refresh);
        let now = time::OffsetDateTime::now_utc();
        let bundle = serde_json::json!({
            "access_token": access,
            "refresh_token": refresh,
            "expires_at": iso(now + time::Duration::seconds(expires_in)),
            "scope": "read:jira-work write:jira-work read:jira-user offline_access",
            "client_id": o.client_id,
            "client_secret": o.client_secret,
            "cloud_id": cloud,
            "site_url": "https://acme.atlassian.net",
            "installed_at": iso(now),
            "updated_at": iso(now),
            "installed_by_platform_user_id": PLATFORM_USER,
            "webhook_signing_secret": "seeded-webhook-secret-xyz",
            "x_future": {"kept": true},
        });
        self.secret("seeded-webhook-secret-xyz");
        let sm = aws_sdk_secretsmanager::Client::new(&self.platform.sdk);
        let arn = block_on(
            sm.create_secret()
                .name(format!("bgagent-jira-oauth-{cloud}"))
                .secret_string(bundle.to_string())
                .send(),
        )
        .expect("create bundle")
        .arn
        .unwrap();
        let mut row = serde_json::json!({
            "jira_cloud_id": cloud, "site_url": "https://acme.atlassian.net", "oauth_secret_arn": arn,
            "installed_by_platform_user_id": PLATFORM_USER, "installed_at": iso(now), "updated_at": iso(now), "status": "active",
        });
        row["status"] = serde_json::json!("active");
        self.platform
            .put_item_json("JiraWorkspaceRegistryTableName", &row);
        cloud
    }
}

/// Writes an executable script through a child `sh`, so that no file descriptor open for
/// writing on it ever exists in this (multi-threaded) test process: another test's fork at
/// that moment would inherit it, and executing the script would then fail with ETXTBSY
/// ("Text file busy"), a flake seen under the full suite's load.
pub fn write_executable(path: &std::path::Path, content: &str) {
    use std::io::Write;
    let mut child = Command::new("sh")
        .args(["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh"])
        .arg(path)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("sh");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(content.as_bytes())
        .unwrap();
    assert!(
        child.wait().unwrap().success(),
        "writing {}",
        path.display()
    );
}

/// The one leak check of [`World`]: `output` (a run's stdout and stderr) does not contain `secret`.
#[track_caller]
fn assert_no_leak(output: &str, secret: &str) {
    assert!(
        !output.contains(secret),
        "a secret value leaked into bgagent's output:\n{output}"
    );
}
