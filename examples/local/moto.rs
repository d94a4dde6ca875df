//! A local AWS for tests and demos: a `moto_server` child process plus the
//! platform stack (`platform-stack.yaml`) deployed into it.
//!
//! This file is a module, not a crate root. Include it with
//! `#[path = "../examples/local/moto.rs"] mod moto;` from `tests/*.rs` (paths are
//! relative to the including file's directory) or
//! `#[path = "local/moto.rs"] mod moto;` from `examples/*.rs`. Put
//! `#[allow(dead_code)]` on the `mod` item: no includer uses every helper (the file
//! has no inner `#![allow]`, which would clash with that outer one under clippy).
//!
//! Everything here talks to `127.0.0.1` only, with static test credentials and
//! region `us-east-1`; nothing reads the AWS environment or profile files.
//!
//! moto 5.2.1 gaps that this module makes up for (see also the comments at the
//! top of `platform-stack.yaml`):
//! - its CloudFormation does not implement `AWS::SecretsManager::Secret`, so the
//!   webhook secret is created through the Secrets Manager API and its ARN is
//!   passed to the stack as parameter `ExistingJiraWebhookSecretArn`;
//! - it ignores `TimeToLiveSpecification`, so TTL on `ttl` is switched on with
//!   `UpdateTimeToLive` after the stack is created (moto never expires items);
//! - it has no `AWS::Cognito::*` resources, so the user pool and app client are
//!   created through the Cognito API and passed as `ExistingUserPoolId` /
//!   `ExistingAppClientId`.
//!
//! - its server handles requests on many threads, and `TransactWriteItems` is not isolated
//!   from them: a cancelled transaction restores a copy of the tables taken before it ran,
//!   wiping what another request wrote meanwhile (a racer's winning link vanished that way).
//!   So moto is started through [`MOTO_LAUNCHER`], which lets one DynamoDB write at a time
//!   into moto's backend.
//!
//! Every [`Platform`] also runs the local platform API (`platform_api.rs`, included
//! below as a child module): a loopback server whose URL the stack's `ApiUrl` output
//! holds (template parameter `PlatformApiUrl`), serving the webhook receiver.

#[path = "platform_api.rs"]
pub mod platform_api;
// The Cognito-only routes of the platform API: the authorizer, `POST /jira/link`, approvals.
#[path = "platform_approvals.rs"]
pub mod platform_approvals;
#[path = "platform_authorizer.rs"]
pub mod platform_authorizer;
#[path = "platform_envelope.rs"]
pub mod platform_envelope;
#[path = "platform_link.rs"]
pub mod platform_link;
// The Linear routes: `POST /linear/webhook` (the receiver's rules) and `POST /linear/link`.
#[path = "platform_linear.rs"]
pub mod platform_linear;

use std::collections::{BTreeMap, VecDeque};
use std::ffi::OsString;
use std::future::Future;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use aws_sdk_cloudformation::types::{Parameter, StackStatus};
use aws_sdk_dynamodb::config::{Credentials, SharedCredentialsProvider};
use aws_sdk_dynamodb::types::{AttributeValue, TimeToLiveSpecification, TimeToLiveStatus};
use serde_json::Value;

/// How to get moto, repeated in every "not found" panic.
pub const INSTALL_HINT: &str = "moto_server (moto 5.2.1) is needed for the local AWS stand-in. \
Install it into the repository's venv with \
`python3 -m venv .venv && .venv/bin/pip install 'moto[server]==5.2.1'` \
(run in the repository root), or run `bash .ci/run`, which does that. \
Alternatively point BGAGENT_MOTO_SERVER at a moto_server executable.";

/// Environment variable naming the `moto_server` executable to use.
pub const MOTO_ENV: &str = "BGAGENT_MOTO_SERVER";

/// Region every client here uses.
pub const REGION: &str = "us-east-1";

/// Initial value of the stack-wide webhook secret: the CDK placeholder. Must equal
/// the `SecretString` in `platform-stack.yaml` (the self-test checks that).
pub const WEBHOOK_PLACEHOLDER: &str =
    r#"{"abca_jira_webhook_placeholder":true,"value":"local-placeholder-not-a-secret"}"#;

/// Description of the webhook secret, as in `platform-stack.yaml`.
pub const WEBHOOK_SECRET_DESCRIPTION: &str =
    "Stack-wide Jira webhook signing secret (local stand-in)";

/// Template parameter through which the webhook secret's ARN is handed to moto.
pub const WEBHOOK_SECRET_PARAMETER: &str = "ExistingJiraWebhookSecretArn";
/// The same for the stack-wide Linear webhook secret (a bare random string at first).
pub const LINEAR_WEBHOOK_SECRET_PARAMETER: &str = "ExistingLinearWebhookSecretArn";
pub const LINEAR_WEBHOOK_SECRET_DESCRIPTION: &str =
    "Stack-wide Linear webhook signing secret (local stand-in)";

/// Runs moto's server (moto 5.2.1) with five adjustments, none of which changes an answer:
/// - one DynamoDB write at a time (see the module docs): a transaction, its copy of the
///   tables and its cancellation's restore never interleave with another write. Reads, other
///   services and DynamoDB's control plane stay concurrent, as before: serializing everything
///   (or every DynamoDB call) queued the fault tables' reads behind slow scans and
///   `CreateStack`s until their one-second attempts timed out;
/// - every user pool gets the one RSA key moto ships (as before), imported once rather than
///   once per pool: importing it was a fifth of moto's CPU in the test suite;
/// - no access log line per request (a tenth of moto's CPU); warnings and errors still show;
/// - the backend for a service name is looked up once, not on every request (moto scans
///   its module list each time: 8 % of its CPU);
/// - a CloudFormation template is parsed once (every `World` deploys the same one; moto's
///   YAML parse was another 8 %), each stack getting its own deep copy.
pub const MOTO_LAUNCHER: &str = r#"
import functools, logging, sys, threading, types
logging.getLogger("werkzeug").setLevel(logging.WARNING)
from moto.dynamodb.models import DynamoDBBackend
import moto.cognitoidp.models as cognito
from moto.server import main

lock = threading.RLock()
def serialized(f):
    @functools.wraps(f)
    def g(*args, **kwargs):
        with lock:
            return f(*args, **kwargs)
    return g
for name in ("put_item", "update_item", "delete_item", "batch_write_item",
             "transact_write_items", "execute_statement", "execute_transaction",
             "batch_execute_statement"):
    setattr(DynamoDBBackend, name, serialized(getattr(DynamoDBBackend, name)))

class RSAKey(cognito.jwk.RSAKey):
    imported = {}
    @classmethod
    def import_key(cls, data, *args, **kwargs):
        k = repr((data, args, kwargs))
        if k not in cls.imported:
            cls.imported[k] = super().import_key(data, *args, **kwargs)
        return cls.imported[k]
cognito.jwk = types.SimpleNamespace(RSAKey=RSAKey)

import copy
from moto.cloudformation.models import Stack
parse_template = Stack.parse_template
def cached_parse_template(template, memo={}):
    if template not in memo:
        memo[template] = parse_template(template)
    return copy.deepcopy(memo[template])
Stack.parse_template = staticmethod(cached_parse_template)

from moto.moto_server.werkzeug_app import DomainDispatcherApplication as app
backend_for_host = app.get_backend_for_host
def cached_backend_for_host(self, host, memo={}):
    if host not in memo:
        memo[host] = backend_for_host(self, host)
    return memo[host]
app.get_backend_for_host = cached_backend_for_host

sys.argv[0] = "moto_server"
sys.exit(main())
"#;

/// The Python interpreter of a `moto_server` console script (its `#!` line).
pub fn moto_python(executable: &Path) -> Result<PathBuf, String> {
    let mut first = String::new();
    std::fs::File::open(executable)
        .and_then(|f| BufReader::new(f).read_line(&mut first))
        .map_err(|e| format!("cannot read {}: {e}", executable.display()))?;
    first
        .strip_prefix("#!")
        .map(str::trim)
        .filter(|p| p.contains("python") && !p.contains(' '))
        .map(PathBuf::from)
        .ok_or_else(|| {
            format!(
                "{} is not a moto_server Python console script (its first line is {first:?})",
                executable.display()
            )
        })
}

const START_TIMEOUT: Duration = Duration::from_secs(30);
const STACK_TIMEOUT: Duration = Duration::from_secs(60);
const LOG_TAIL_LINES: usize = 40;

/// Runs the server (first argument and the rest) in the background and kills it as soon
/// as our stdin reaches EOF, which happens when the parent closes the pipe or dies (even
/// by SIGKILL). The watcher reads a copy of stdin on fd 3, because an asynchronous list's
/// own stdin is /dev/null in a non-interactive shell; moto gets neither. The shell exits
/// with the server's status, so an early death (e.g. port taken) is visible to the parent.
const SUPERVISOR_SCRIPT: &str = r#"exec 3<&0
"$@" </dev/null 3<&- &
server=$!
( read -r _ <&3; kill "$server" 2>/dev/null ) &
watcher=$!
exec 3<&-
wait "$server"
status=$?
kill "$watcher" 2>/dev/null
exit "$status""#;

/// A `moto_server` child listening on a loopback port. It dies with this value's drop
/// or, when no destructor runs (statics, SIGKILL), with this process.
pub struct MotoServer {
    /// `http://127.0.0.1:PORT`
    pub endpoint: String,
    /// The moto executable that was started.
    pub executable: PathBuf,
    child: Mutex<Child>,
    /// Closing (dropping) this pipe end makes the supervisor shell kill moto.
    lifeline: Mutex<Option<ChildStdin>>,
    log: Arc<Mutex<VecDeque<String>>>,
}

impl MotoServer {
    /// Finds `moto_server` (`$BGAGENT_MOTO_SERVER`, then `<repo>/.venv/bin/moto_server`,
    /// then `PATH`), starts it on a free loopback port and waits until it answers.
    /// Panics with install instructions if it is not found.
    pub fn start() -> MotoServer {
        let executable = find_moto_server(std::env::var_os(MOTO_ENV))
            .unwrap_or_else(|why| panic!("{why}\n{INSTALL_HINT}"));
        let deadline = Instant::now() + START_TIMEOUT;
        let mut failures = Vec::new();
        // A port picked as free can be taken before moto binds it; try a few.
        for _ in 0..5 {
            match Self::try_start(&executable, deadline) {
                Ok(server) => return server,
                Err(why) => failures.push(why),
            }
            if Instant::now() >= deadline {
                break;
            }
        }
        panic!(
            "moto_server ({}) did not come up:\n{}",
            executable.display(),
            failures.join("\n---\n")
        );
    }

    /// One server per process, started on first use. Never stopped explicitly; it
    /// dies with the process.
    pub fn shared() -> &'static MotoServer {
        static SHARED: OnceLock<MotoServer> = OnceLock::new();
        SHARED.get_or_init(MotoServer::start)
    }

    fn try_start(executable: &Path, deadline: Instant) -> Result<MotoServer, String> {
        let port = free_loopback_port().map_err(|e| format!("no free port: {e}"))?;
        let python = moto_python(executable)?;
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(SUPERVISOR_SCRIPT)
            .arg("bgagent-moto-supervisor")
            .arg(python)
            .args(["-c", MOTO_LAUNCHER])
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run sh to start {}: {e}", executable.display()))?;
        let lifeline = child.stdin.take();
        let log = Arc::new(Mutex::new(VecDeque::new()));
        if let Some(stderr) = child.stderr.take() {
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    let mut log = log.lock().unwrap_or_else(|p| p.into_inner());
                    if log.len() == LOG_TAIL_LINES {
                        log.pop_front();
                    }
                    log.push_back(line);
                }
            });
        }
        let server = MotoServer {
            endpoint: format!("http://127.0.0.1:{port}"),
            executable: executable.to_path_buf(),
            child: Mutex::new(child),
            lifeline: Mutex::new(lifeline),
            log,
        };
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        loop {
            if let Some(status) = server.exited() {
                return Err(format!(
                    "moto_server exited early ({status}); its last output:\n{}",
                    server.log_tail()
                ));
            }
            if answers_http(addr) {
                return Ok(server);
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "moto_server did not answer on {addr} within {}s; its last output:\n{}",
                    START_TIMEOUT.as_secs(),
                    server.log_tail()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn exited(&self) -> Option<std::process::ExitStatus> {
        let mut child = self.child.lock().unwrap_or_else(|p| p.into_inner());
        child.try_wait().ok().flatten()
    }

    /// The last lines moto printed on stderr (request log, tracebacks).
    pub fn log_tail(&self) -> String {
        let log = self.log.lock().unwrap_or_else(|p| p.into_inner());
        log.iter().cloned().collect::<Vec<_>>().join("\n")
    }

    /// Environment for a child process (e.g. the `bgagent` binary) that should talk to
    /// this server and nothing else. `AWS_SESSION_TOKEN` and `AWS_PROFILE` are not set;
    /// callers that inherit an environment should remove them.
    pub fn aws_env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ENDPOINT_URL", self.endpoint.clone()),
            ("AWS_ACCESS_KEY_ID", "testing".to_string()),
            ("AWS_SECRET_ACCESS_KEY", "testing".to_string()),
            ("AWS_REGION", REGION.to_string()),
            ("AWS_DEFAULT_REGION", REGION.to_string()),
            ("AWS_EC2_METADATA_DISABLED", "true".to_string()),
            ("AWS_CONFIG_FILE", "/dev/null".to_string()),
            ("AWS_SHARED_CREDENTIALS_FILE", "/dev/null".to_string()),
        ]
    }

    /// SDK configuration for this server: static credentials, region, endpoint. Reads
    /// no environment variables or files.
    pub fn sdk_config(&self) -> aws_config::SdkConfig {
        let credentials = Credentials::new("testing", "testing", None, None, "bgagent-moto");
        aws_config::SdkConfig::builder()
            .http_client(bgagent::tls::aws_http_client())
            .behavior_version(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::from_static(REGION))
            .endpoint_url(self.endpoint.clone())
            .credentials_provider(SharedCredentialsProvider::new(credentials))
            .build()
    }
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        // Closing the pipe makes the supervisor kill moto and exit.
        drop(
            self.lifeline
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take(),
        );
        let mut child = self.child.lock().unwrap_or_else(|p| p.into_inner());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if !matches!(child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// `$BGAGENT_MOTO_SERVER` (given as `env_override`), else `<repo>/.venv/bin/moto_server`,
/// else the first `moto_server` on `PATH`.
pub fn find_moto_server(env_override: Option<OsString>) -> Result<PathBuf, String> {
    if let Some(path) = env_override.filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return if is_executable(&path) {
            Ok(path)
        } else {
            Err(format!(
                "{MOTO_ENV}={} is not an executable file.",
                path.display()
            ))
        };
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/moto_server");
    if is_executable(&venv) {
        return Ok(venv);
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join("moto_server");
            if is_executable(&candidate) {
                return Ok(candidate);
            }
        }
    }
    Err(format!(
        "moto_server not found ({MOTO_ENV} unset, no {}, none on PATH).",
        venv.display()
    ))
}

fn is_executable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

fn free_loopback_port() -> std::io::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// True when something on `addr` answers an HTTP request.
fn answers_http(addr: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /moto-api/ HTTP/1.0\r\nHost: {addr}\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 8];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.")
}

/// Runs a future to completion on a fresh current-thread runtime; on a separate thread
/// when called from inside a runtime (e.g. a `#[tokio::test]`).
fn block_on<F>(future: F) -> F::Output
where
    F: Future + Send,
    F::Output: Send,
{
    let run = move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("cannot build a tokio runtime")
            .block_on(future)
    };
    if tokio::runtime::Handle::try_current().is_err() {
        return run();
    }
    std::thread::scope(|scope| match scope.spawn(run).join() {
        Ok(output) => output,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

/// The platform stack deployed into a moto server.
pub struct Platform {
    pub stack_name: String,
    /// Stack outputs by key, as `DescribeStacks` returns them.
    pub outputs: BTreeMap<String, String>,
    pub sdk: aws_config::SdkConfig,
    pub endpoint: String,
    /// The platform's HTTP API at output `ApiUrl` (the webhook receiver, …).
    pub api: platform_api::PlatformApi,
    /// The in-memory approvals store behind the HITL routes (tests seed it).
    pub approvals: std::sync::Arc<platform_approvals::Approvals>,
    /// What `POST /linear/webhook` accepted.
    pub linear_webhook: std::sync::Arc<platform_linear::LinearWebhook>,
}

impl Platform {
    /// The template, `platform-stack.yaml`.
    pub fn template() -> &'static str {
        include_str!("platform-stack.yaml")
    }

    /// Deploys `platform-stack.yaml` as `stack_name`. Stack names must be unique per
    /// server.
    pub fn create(moto: &MotoServer, stack_name: &str) -> Platform {
        Self::create_with_template(moto, stack_name, Self::template())
    }

    /// Deploys `template` as `stack_name`, e.g. the default template with an output
    /// removed. If the template declares parameter `ExistingJiraWebhookSecretArn`, the
    /// webhook secret is created through the API first (moto's CloudFormation cannot);
    /// if it has output `JiraUserMappingTableName`, TTL on `ttl` is enabled on that table.
    /// The platform API is started first and its URL passed as parameter `PlatformApiUrl`
    /// when the template declares it.
    pub fn create_with_template(moto: &MotoServer, stack_name: &str, template: &str) -> Platform {
        let sdk = moto.sdk_config();
        let api = platform_api::PlatformApi::start();
        let outputs = block_on(deploy(&sdk, stack_name, template, &api.url()));
        api.configure(sdk.clone(), outputs.clone());
        let authorizer = std::sync::Arc::new(platform_authorizer::Authorizer::default());
        let approvals = std::sync::Arc::new(platform_approvals::Approvals::default());
        api.add_route(platform_link::route(authorizer.clone()));
        let linear_webhook = std::sync::Arc::new(platform_linear::LinearWebhook::default());
        api.add_route(platform_linear::webhook_route(linear_webhook.clone()));
        api.add_route(platform_linear::link_route(authorizer.clone()));
        api.add_route(platform_approvals::route(authorizer, approvals.clone()));
        Platform {
            stack_name: stack_name.to_string(),
            outputs,
            sdk,
            endpoint: moto.endpoint.clone(),
            api,
            approvals,
            linear_webhook,
        }
    }

    /// The physical name behind a table output, e.g. `RepoTableName`.
    pub fn table(&self, table_output: &str) -> &str {
        self.outputs.get(table_output).unwrap_or_else(|| {
            panic!(
                "stack {} has no output {table_output} (outputs: {:?})",
                self.stack_name,
                self.outputs.keys().collect::<Vec<_>>()
            )
        })
    }

    fn dynamodb(&self) -> aws_sdk_dynamodb::Client {
        aws_sdk_dynamodb::Client::new(&self.sdk)
    }

    fn secrets(&self) -> aws_sdk_secretsmanager::Client {
        aws_sdk_secretsmanager::Client::new(&self.sdk)
    }

    /// Puts `{repo, status}` into the repo table (`RepoTableName`).
    pub fn put_repo(&self, repo: &str, status: &str) {
        self.put_item_json(
            "RepoTableName",
            &serde_json::json!({ "repo": repo, "status": status }),
        );
    }

    /// The item whose `key_attr` (a string key) is `key`, as plain JSON.
    pub fn get_item(&self, table_output: &str, key_attr: &str, key: &str) -> Option<Value> {
        let table = self.table(table_output).to_string();
        let client = self.dynamodb();
        let result = block_on(
            client
                .get_item()
                .table_name(&table)
                .key(key_attr, AttributeValue::S(key.to_string()))
                .consistent_read(true)
                .send(),
        )
        .unwrap_or_else(|e| panic!("GetItem {table} {key_attr}={key}: {}", sdk_error(&e)));
        result.item.map(|item| item_to_json(&item))
    }

    /// Puts a plain-JSON object as an item (strings → S, numbers → N, bools → BOOL,
    /// null → NULL, arrays → L, objects → M).
    pub fn put_item_json(&self, table_output: &str, item: &Value) {
        let table = self.table(table_output).to_string();
        let Value::Object(fields) = item else {
            panic!("put_item_json needs a JSON object, got {item}");
        };
        let item = fields
            .iter()
            .map(|(k, v)| (k.clone(), json_to_attribute(v)))
            .collect();
        let client = self.dynamodb();
        block_on(
            client
                .put_item()
                .table_name(&table)
                .set_item(Some(item))
                .send(),
        )
        .unwrap_or_else(|e| panic!("PutItem {table}: {}", sdk_error(&e)));
    }

    /// Every item of the table, as plain JSON.
    pub fn scan(&self, table_output: &str) -> Vec<Value> {
        let table = self.table(table_output).to_string();
        let client = self.dynamodb();
        block_on(async {
            let mut items = Vec::new();
            let mut start = None;
            loop {
                let page = client
                    .scan()
                    .table_name(&table)
                    .consistent_read(true)
                    .set_exclusive_start_key(start)
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("Scan {table}: {}", sdk_error(&e)));
                items.extend(page.items().iter().map(item_to_json));
                start = page.last_evaluated_key;
                if start.is_none() {
                    return items;
                }
            }
        })
    }

    /// The current `SecretString`, or `None` if there is no such secret.
    pub fn get_secret_string(&self, name_or_arn: &str) -> Option<String> {
        self.secret_store().get(name_or_arn)
    }

    /// Creates the secret (by name) if it does not exist, else puts a new version.
    pub fn put_secret_string(&self, name_or_arn: &str, value: &str) {
        self.secret_store().put(name_or_arn, value)
    }

    /// A handle on the platform's secrets that can move to another thread (e.g. a test proxy
    /// that plays one of the platform's Lambdas).
    pub fn secret_store(&self) -> SecretStore {
        SecretStore(self.sdk.clone())
    }

    /// The secret's tags, sorted by key. Panics if the secret does not exist.
    pub fn secret_tags(&self, name_or_arn: &str) -> Vec<(String, String)> {
        let secret = self.describe_secret(name_or_arn);
        let mut tags: Vec<(String, String)> = secret
            .tags()
            .iter()
            .map(|t| {
                (
                    t.key().unwrap_or_default().to_string(),
                    t.value().unwrap_or_default().to_string(),
                )
            })
            .collect();
        tags.sort();
        tags
    }

    /// The secret's description. Panics if the secret does not exist.
    pub fn secret_description(&self, name_or_arn: &str) -> Option<String> {
        self.describe_secret(name_or_arn).description
    }

    fn describe_secret(
        &self,
        name_or_arn: &str,
    ) -> aws_sdk_secretsmanager::operation::describe_secret::DescribeSecretOutput {
        let client = self.secrets();
        block_on(client.describe_secret().secret_id(name_or_arn).send())
            .unwrap_or_else(|e| panic!("DescribeSecret {name_or_arn}: {}", sdk_error(&e)))
    }

    /// Deletes the secret at once (no recovery window). A missing secret is fine.
    pub fn delete_secret(&self, name_or_arn: &str) {
        let client = self.secrets();
        let result = block_on(
            client
                .delete_secret()
                .secret_id(name_or_arn)
                .force_delete_without_recovery(true)
                .send(),
        );
        match result {
            Ok(_) => {}
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_resource_not_found_exception()) => {}
            Err(e) => panic!("DeleteSecret {name_or_arn}: {}", sdk_error(&e)),
        }
    }
}

/// An SDK error with its whole source chain (the `Display` of an `SdkError` alone is
/// just "service error").
fn sdk_error(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

async fn deploy(
    sdk: &aws_config::SdkConfig,
    stack_name: &str,
    template: &str,
    api_url: &str,
) -> BTreeMap<String, String> {
    let cfn = aws_sdk_cloudformation::Client::new(sdk);
    let mut create = cfn
        .create_stack()
        .stack_name(stack_name)
        .template_body(template);
    if template.contains(platform_api::API_URL_PARAMETER) {
        create = create.parameters(
            Parameter::builder()
                .parameter_key(platform_api::API_URL_PARAMETER)
                .parameter_value(api_url)
                .build(),
        );
    }
    if template.contains(WEBHOOK_SECRET_PARAMETER) {
        let secrets = aws_sdk_secretsmanager::Client::new(sdk);
        let name = format!("{stack_name}-JiraWebhookSecret");
        let created = secrets
            .create_secret()
            .name(&name)
            .description(WEBHOOK_SECRET_DESCRIPTION)
            .secret_string(WEBHOOK_PLACEHOLDER)
            .send()
            .await
            .unwrap_or_else(|e| panic!("CreateSecret {name}: {}", sdk_error(&e)));
        let arn = created.arn.expect("CreateSecret returned no ARN");
        create = create.parameters(
            Parameter::builder()
                .parameter_key(WEBHOOK_SECRET_PARAMETER)
                .parameter_value(arn)
                .build(),
        );
    }
    if template.contains(LINEAR_WEBHOOK_SECRET_PARAMETER) {
        // The CDK's stack-wide Linear secret starts as a bare random password (not `lin_wh_…`).
        let secrets = aws_sdk_secretsmanager::Client::new(sdk);
        let name = format!("{stack_name}-LinearWebhookSecret");
        let mut random = [0u8; 16];
        rand::fill(&mut random[..]);
        let created = secrets
            .create_secret()
            .name(&name)
            .description(LINEAR_WEBHOOK_SECRET_DESCRIPTION)
            .secret_string(hex::encode(random))
            .send()
            .await
            .unwrap_or_else(|e| panic!("CreateSecret {name}: {}", sdk_error(&e)));
        create = create.parameters(
            Parameter::builder()
                .parameter_key(LINEAR_WEBHOOK_SECRET_PARAMETER)
                .parameter_value(created.arn.expect("CreateSecret returned no ARN"))
                .build(),
        );
    }
    if template.contains(USER_POOL_PARAMETER) {
        let (pool, client) = create_user_pool(sdk, stack_name).await;
        for (k, v) in [(USER_POOL_PARAMETER, pool), (APP_CLIENT_PARAMETER, client)] {
            create = create.parameters(
                Parameter::builder()
                    .parameter_key(k)
                    .parameter_value(v)
                    .build(),
            );
        }
    }
    create
        .send()
        .await
        .unwrap_or_else(|e| panic!("CreateStack {stack_name}: {}", sdk_error(&e)));

    let deadline = Instant::now() + STACK_TIMEOUT;
    let stack = loop {
        let described = cfn
            .describe_stacks()
            .stack_name(stack_name)
            .send()
            .await
            .unwrap_or_else(|e| panic!("DescribeStacks {stack_name}: {}", sdk_error(&e)));
        let stack = described
            .stacks
            .and_then(|s| s.into_iter().next())
            .unwrap_or_else(|| panic!("DescribeStacks {stack_name}: no stack"));
        match stack.stack_status() {
            Some(StackStatus::CreateComplete) => break stack,
            Some(StackStatus::CreateInProgress) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            status => panic!(
                "stack {stack_name} is {status:?} ({})",
                stack.stack_status_reason().unwrap_or("no reason given")
            ),
        }
    };
    let outputs: BTreeMap<String, String> = stack
        .outputs()
        .iter()
        .filter_map(|o| Some((o.output_key()?.to_string(), o.output_value()?.to_string())))
        .collect();

    if let Some(table) = outputs.get("JiraUserMappingTableName") {
        enable_ttl(sdk, table).await;
    }
    if let Some(table) = outputs.get("LinearUserMappingTableName") {
        enable_ttl(sdk, table).await;
    }
    outputs
}

/// Template parameters through which the Cognito pool and app client are handed to moto.
pub const USER_POOL_PARAMETER: &str = "ExistingUserPoolId";
pub const APP_CLIENT_PARAMETER: &str = "ExistingAppClientId";

/// One Cognito admin call against moto: a JSON POST with `X-Amz-Target`, as the SDK would send
/// it (moto reads the service and region from the credential scope and checks no signature).
/// bgagent itself only makes the unsigned user calls (`src/platform/cognito.rs`), so the harness
/// does not pull `aws-sdk-cognitoidentityprovider` into the build either.
async fn idp(sdk: &aws_config::SdkConfig, op: &str, body: Value) -> Value {
    let endpoint = sdk
        .endpoint_url()
        .expect("the harness sets AWS_ENDPOINT_URL");
    bgagent::tls::init();
    let r = reqwest::Client::new()
        .post(endpoint)
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", format!("AWSCognitoIdentityProviderService.{op}"))
        .header(
            "Authorization",
            format!(
                "AWS4-HMAC-SHA256 Credential=testing/20260101/{REGION}/cognito-idp/aws4_request, SignedHeaders=host, Signature=00"
            ),
        )
        .body(body.to_string())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{op}: {e}"));
    let status = r.status();
    let text = r.text().await.unwrap_or_default();
    assert!(status.is_success(), "{op}: HTTP {status}: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{op}: {e}: {text}"))
}

/// The platform's user pool (email as username) and CLI app client (no secret,
/// USER_PASSWORD_AUTH + SRP + refresh), as the template would create them.
async fn create_user_pool(sdk: &aws_config::SdkConfig, stack_name: &str) -> (String, String) {
    let pool = idp(
        sdk,
        "CreateUserPool",
        serde_json::json!({"PoolName": format!("{stack_name}-users"), "UsernameAttributes": ["email"]}),
    )
    .await["UserPool"]["Id"]
        .as_str()
        .expect("CreateUserPool returned no id")
        .to_string();
    let client = idp(
        sdk,
        "CreateUserPoolClient",
        serde_json::json!({
            "UserPoolId": pool,
            "ClientName": "bgagent-cli",
            "GenerateSecret": false,
            "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        }),
    )
    .await["UserPoolClient"]["ClientId"]
        .as_str()
        .expect("CreateUserPoolClient returned no id")
        .to_string();
    (pool, client)
}

impl Platform {
    /// Creates a confirmed user (email as username) with a permanent password; returns its `sub`.
    pub fn create_user(&self, email: &str, password: &str) -> String {
        self.admin_create_user(email, password, true)
    }

    /// Creates an invited user still in FORCE_CHANGE_PASSWORD with `temporary_password`
    /// (its first login gets the NEW_PASSWORD_REQUIRED challenge); returns its `sub`.
    pub fn invite_user(&self, email: &str, temporary_password: &str) -> String {
        self.admin_create_user(email, temporary_password, false)
    }

    /// Turns on SMS MFA as the user's preferred method: `USER_PASSWORD_AUTH` then answers with
    /// the `SMS_MFA` challenge (moto accepts any code; no SMS is sent).
    pub fn enable_sms_mfa(&self, email: &str) {
        let pool = self.table("UserPoolId").to_string();
        block_on(idp(
            &self.sdk,
            "AdminSetUserMFAPreference",
            serde_json::json!({
                "UserPoolId": pool,
                "Username": email,
                "SMSMfaSettings": {"Enabled": true, "PreferredMfa": true},
            }),
        ));
    }

    fn admin_create_user(&self, email: &str, password: &str, permanent: bool) -> String {
        let pool = self.table("UserPoolId").to_string();
        block_on(async {
            let user = idp(
                &self.sdk,
                "AdminCreateUser",
                serde_json::json!({
                    "UserPoolId": pool,
                    "Username": email,
                    "TemporaryPassword": password,
                    "MessageAction": "SUPPRESS",
                    "UserAttributes": [
                        {"Name": "email", "Value": email},
                        {"Name": "email_verified", "Value": "true"},
                    ],
                }),
            )
            .await["User"]
                .clone();
            if permanent {
                idp(
                    &self.sdk,
                    "AdminSetUserPassword",
                    serde_json::json!({
                        "UserPoolId": pool, "Username": email, "Password": password, "Permanent": true,
                    }),
                )
                .await;
            }
            user["Attributes"]
                .as_array()
                .and_then(|a| a.iter().find(|a| a["Name"] == "sub"))
                .and_then(|a| a["Value"].as_str())
                .or_else(|| user["Username"].as_str())
                .unwrap_or_default()
                .to_string()
        })
    }
}

/// moto ignores `TimeToLiveSpecification` in templates; apply the template's setting.
async fn enable_ttl(sdk: &aws_config::SdkConfig, table: &str) {
    let ddb = aws_sdk_dynamodb::Client::new(sdk);
    let current = ddb
        .describe_time_to_live()
        .table_name(table)
        .send()
        .await
        .unwrap_or_else(|e| panic!("DescribeTimeToLive {table}: {}", sdk_error(&e)));
    let status = current
        .time_to_live_description()
        .and_then(|d| d.time_to_live_status());
    if status == Some(&TimeToLiveStatus::Enabled) {
        return;
    }
    let spec = TimeToLiveSpecification::builder()
        .attribute_name("ttl")
        .enabled(true)
        .build()
        .expect("TTL specification is complete");
    ddb.update_time_to_live()
        .table_name(table)
        .time_to_live_specification(spec)
        .send()
        .await
        .unwrap_or_else(|e| panic!("UpdateTimeToLive {table}: {}", sdk_error(&e)));
}

/// DynamoDB item → plain JSON object.
pub fn item_to_json(item: &std::collections::HashMap<String, AttributeValue>) -> Value {
    Value::Object(
        item.iter()
            .map(|(k, v)| (k.clone(), attribute_to_json(v)))
            .collect(),
    )
}

/// S → string, N → number, BOOL → bool, NULL → null, L → array, M → object,
/// SS/NS → arrays, B/BS → arrays of byte values.
pub fn attribute_to_json(value: &AttributeValue) -> Value {
    match value {
        AttributeValue::S(s) => Value::String(s.clone()),
        AttributeValue::N(n) => number_to_json(n),
        AttributeValue::Bool(b) => Value::Bool(*b),
        AttributeValue::Null(_) => Value::Null,
        AttributeValue::L(list) => Value::Array(list.iter().map(attribute_to_json).collect()),
        AttributeValue::M(map) => item_to_json(map),
        AttributeValue::Ss(list) => Value::Array(list.iter().cloned().map(Value::String).collect()),
        AttributeValue::Ns(list) => Value::Array(list.iter().map(|n| number_to_json(n)).collect()),
        AttributeValue::B(blob) => bytes_to_json(blob.as_ref()),
        AttributeValue::Bs(list) => {
            Value::Array(list.iter().map(|b| bytes_to_json(b.as_ref())).collect())
        }
        other => panic!("unsupported DynamoDB attribute value {other:?}"),
    }
}

fn number_to_json(n: &str) -> Value {
    if let Ok(i) = n.parse::<i64>() {
        return Value::from(i);
    }
    if let Ok(u) = n.parse::<u64>() {
        return Value::from(u);
    }
    n.parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .unwrap_or_else(|| Value::String(n.to_string()))
}

fn bytes_to_json(bytes: &[u8]) -> Value {
    Value::Array(bytes.iter().map(|b| Value::from(*b)).collect())
}

/// Plain JSON → DynamoDB attribute value (the inverse of [`attribute_to_json`] for
/// strings, numbers, bools, null, arrays and objects).
pub fn json_to_attribute(value: &Value) -> AttributeValue {
    match value {
        Value::String(s) => AttributeValue::S(s.clone()),
        Value::Number(n) => AttributeValue::N(n.to_string()),
        Value::Bool(b) => AttributeValue::Bool(*b),
        Value::Null => AttributeValue::Null(true),
        Value::Array(list) => AttributeValue::L(list.iter().map(json_to_attribute).collect()),
        Value::Object(map) => AttributeValue::M(
            map.iter()
                .map(|(k, v)| (k.clone(), json_to_attribute(v)))
                .collect(),
        ),
    }
}

/// Reads and writes the platform's secrets in moto; cheap to clone, `Send`.
#[derive(Clone)]
pub struct SecretStore(aws_config::SdkConfig);

impl SecretStore {
    /// The current `SecretString`, or `None` if there is no such secret.
    pub fn get(&self, name_or_arn: &str) -> Option<String> {
        let client = aws_sdk_secretsmanager::Client::new(&self.0);
        match block_on(client.get_secret_value().secret_id(name_or_arn).send()) {
            Ok(out) => out.secret_string,
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_resource_not_found_exception()) =>
            {
                None
            }
            Err(e) => panic!("GetSecretValue {name_or_arn}: {}", sdk_error(&e)),
        }
    }

    /// Creates the secret (by name) if it does not exist, else puts a new version.
    pub fn put(&self, name_or_arn: &str, value: &str) {
        let client = aws_sdk_secretsmanager::Client::new(&self.0);
        block_on(async {
            let exists = match client.describe_secret().secret_id(name_or_arn).send().await {
                Ok(_) => true,
                Err(e)
                    if e.as_service_error()
                        .is_some_and(|s| s.is_resource_not_found_exception()) =>
                {
                    false
                }
                Err(e) => panic!("DescribeSecret {name_or_arn}: {}", sdk_error(&e)),
            };
            if exists {
                client
                    .put_secret_value()
                    .secret_id(name_or_arn)
                    .secret_string(value)
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("PutSecretValue {name_or_arn}: {}", sdk_error(&e)));
            } else {
                assert!(
                    !name_or_arn.starts_with("arn:"),
                    "secret {name_or_arn} does not exist, and a secret cannot be created by ARN"
                );
                client
                    .create_secret()
                    .name(name_or_arn)
                    .secret_string(value)
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("CreateSecret {name_or_arn}: {}", sdk_error(&e)));
            }
        });
    }
}
