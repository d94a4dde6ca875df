//! A local platform for trying `bgagent` without AWS: a moto server with the platform
//! stack (`examples/local/platform-stack.yaml`), the platform API on loopback at output
//! `ApiUrl` (`examples/local/platform_api.rs`: the webhook receiver) and repo
//! `acme/widgets` marked active.
//!
//! ```sh
//! cargo run --example local-platform -- --env-file /tmp/bgagent-local.env [--stack-name NAME] &
//! # wait for the env file to appear (it is written in one step, complete), then:
//! . /tmp/bgagent-local.env && bgagent ...
//! ```
//!
//! It runs until SIGINT/SIGTERM or until its stdin closes (stdin that is /dev/null, as
//! for `cmd &` in a script, is ignored). moto dies with it in every case, SIGKILL
//! included. On a signal the process ends at once and leaves the env file behind; on
//! stdin EOF it removes the env file and stops moto.

#[path = "local/atlassian_standin.rs"]
#[allow(dead_code)]
mod atlassian_standin;
#[path = "local/forge_standin.rs"]
#[allow(dead_code)]
mod forge_standin;
#[path = "local/linear_standin.rs"]
#[allow(dead_code)]
mod linear_standin;
#[path = "local/moto.rs"]
#[allow(dead_code)]
mod moto;
#[path = "local/oauth_standin.rs"]
#[allow(dead_code)]
mod oauth_standin;

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use moto::{MotoServer, Platform};

const USAGE: &str =
    "usage: cargo run --example local-platform -- --env-file PATH [--stack-name NAME]

Starts moto on a loopback port, deploys the platform stack, marks repo acme/widgets
active and writes PATH as shell `export K='V'` lines (AWS_* for moto and
BGAGENT_STACK_NAME). Runs until SIGINT/SIGTERM or stdin EOF.

  --env-file PATH     where to write the environment (required)
  --stack-name NAME   stack name (default: backgroundagent-dev, bgagent's default)
  --callback-url URL  callback registered with the Atlassian stand-in
                      (default: http://localhost:8080/oauth/callback)

It also starts the Atlassian stand-in (auto-consent) with a demo OAuth app and adds
BGAGENT_ATLASSIAN_AUTH_URL/API_URL, BGAGENT_JIRA_CLIENT_ID/SECRET to the env file,
and two users of the stack's Cognito pool (BGAGENT_DEMO_ADMIN_USER/_PASSWORD,
BGAGENT_DEMO_TEAMMATE_USER/_PASSWORD) for `bgagent login`, and the Forge proxy stand-in
(BGAGENT_FORGE_PROBE_URL, BGAGENT_PROXY_SECRET) for app-setup.";

const DEFAULT_STACK: &str = "backgroundagent-dev";
const DEMO_REPO: &str = "acme/widgets";
/// Platform (Cognito) users of the demo.
const DEMO_ADMIN: &str = "admin@acme.example";
const DEMO_TEAMMATE: &str = "sam.rivera@acme.example";

struct Args {
    env_file: PathBuf,
    stack_name: String,
    callback_url: String,
}

/// The demo OAuth app registered in the stand-in.
const DEMO_CLIENT_ID: &str = "bgagent-demo-client";

fn parse_args() -> Result<Args, String> {
    let mut env_file = None;
    let mut stack_name = None;
    let mut callback_url = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--env-file" => env_file = Some(PathBuf::from(value("--env-file")?)),
            "--callback-url" => callback_url = Some(value("--callback-url")?),
            "--stack-name" => stack_name = Some(value("--stack-name")?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Args {
        env_file: env_file.ok_or("--env-file is required")?,
        callback_url: callback_url
            .unwrap_or_else(|| "http://localhost:8080/oauth/callback".to_string()),
        stack_name: stack_name.unwrap_or_else(|| DEFAULT_STACK.to_string()),
    })
}

/// `'...'` for POSIX shells.
fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// Writes the file next to its final place and renames it, so a reader never sees it
/// half written.
fn write_env_file(path: &Path, env: &[(String, String)]) -> std::io::Result<()> {
    let mut text = String::from("# Written by `cargo run --example local-platform`; source it.\n");
    for (key, value) in env {
        text.push_str(&format!("export {key}={}\n", shell_quote(value)));
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

/// True when stdin is /dev/null or not open: then EOF means nothing.
fn stdin_is_null() -> bool {
    let (Ok(stdin), Ok(null)) = (
        std::fs::metadata("/proc/self/fd/0"),
        std::fs::metadata("/dev/null"),
    ) else {
        return true;
    };
    stdin.file_type().is_char_device() && stdin.rdev() == null.rdev()
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(why) => {
            eprintln!("local-platform: {why}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };

    let started = Instant::now();
    let moto = MotoServer::start();
    let moto_up = started.elapsed();
    let platform = Platform::create(&moto, &args.stack_name);
    platform.put_repo(DEMO_REPO, "active");
    let elapsed = started.elapsed();

    let mut env: Vec<(String, String)> = moto
        .aws_env()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    env.push(("BGAGENT_STACK_NAME".to_string(), args.stack_name.clone()));

    // Two platform users in the stack's Cognito pool, with random passwords for the demo's
    // `bgagent login`: the admin who connects the site and the teammate who links.
    for (who, email) in [("ADMIN", DEMO_ADMIN), ("TEAMMATE", DEMO_TEAMMATE)] {
        let password = format!("Demo-{}-9a!", hex::encode(rand::random::<[u8; 8]>()));
        platform.create_user(email, &password);
        env.push((format!("BGAGENT_DEMO_{who}_USER"), email.to_string()));
        env.push((format!("BGAGENT_DEMO_{who}_PASSWORD"), password));
    }

    // The Atlassian side: a stand-in that consents automatically, with a demo OAuth app.
    let client_secret = std::env::var("STANDIN_CLIENT_SECRET").unwrap_or_else(|_| {
        let b: [u8; 16] = rand::random();
        format!("demo-{}", hex::encode(b))
    });
    let standin = atlassian_standin::Standin::start(atlassian_standin::Config::new(
        DEMO_CLIENT_ID,
        &client_secret,
        &args.callback_url,
    ));
    for (k, v) in [
        ("BGAGENT_ATLASSIAN_AUTH_URL", standin.url()),
        ("BGAGENT_ATLASSIAN_API_URL", standin.url()),
        ("BGAGENT_JIRA_CLIENT_ID", DEMO_CLIENT_ID.to_string()),
        ("BGAGENT_JIRA_CLIENT_SECRET", client_secret),
    ] {
        env.push((k.to_string(), v));
    }
    // The Forge app proxy (for `jira app-setup`): the probe goes to this stand-in through the
    // test-only BGAGENT_FORGE_PROBE_URL; the proxy secret is random for every run.
    let forge_secret = hex::encode(rand::random::<[u8; 32]>());
    let forge = forge_standin::ForgeStandin::start(
        Some(&forge_secret),
        forge_standin::Identity::app("https://acme.atlassian.net"),
    );
    env.push(("BGAGENT_FORGE_PROBE_URL".to_string(), forge.url()));
    env.push(("BGAGENT_PROXY_SECRET".to_string(), forge_secret));

    // The Linear side: a stand-in workspace `acme-demo` that consents automatically, with a demo
    // OAuth app and a demo webhook signing secret (random for every run).
    let linear_secret = format!("demo-lin-{}", hex::encode(rand::random::<[u8; 16]>()));
    let linear = linear_standin::LinearStandin::start(linear_standin::Config::new(
        "demo-linear-client",
        &linear_secret,
        &args.callback_url,
        "acme-demo",
    ));
    for (k, v) in [
        ("BGAGENT_LINEAR_AUTH_URL", linear.url()),
        ("BGAGENT_LINEAR_API_URL", linear.url()),
        ("BGAGENT_LINEAR_CLIENT_ID", "demo-linear-client".to_string()),
        ("BGAGENT_LINEAR_CLIENT_SECRET", linear_secret),
        (
            "BGAGENT_LINEAR_WEBHOOK_SECRET",
            format!("lin_wh_{}", hex::encode(rand::random::<[u8; 16]>())),
        ),
        ("BGAGENT_DEMO_LINEAR_SLUG", "acme-demo".to_string()),
        (
            "BGAGENT_DEMO_LINEAR_PROJECT",
            linear.config().projects[0].id.clone(),
        ),
    ] {
        env.push((k.to_string(), v));
    }

    if let Err(e) = write_env_file(&args.env_file, &env) {
        eprintln!(
            "local-platform: cannot write {}: {e}",
            args.env_file.display()
        );
        return ExitCode::FAILURE;
    }

    eprintln!(
        "local platform ready in {:.1}s (moto up in {:.1}s)",
        elapsed.as_secs_f64(),
        moto_up.as_secs_f64()
    );
    eprintln!(
        "  moto      {} ({})",
        moto.endpoint,
        moto.executable.display()
    );
    eprintln!("  stack     {}", platform.stack_name);
    for (key, value) in &platform.outputs {
        eprintln!("    {key:<31} {value}");
    }
    eprintln!(
        "  api       {} (local platform API; webhook receiver {})",
        platform.api.url(),
        platform.api.webhook_url()
    );
    eprintln!("  repo      {DEMO_REPO} (active)");
    eprintln!(
        "  atlassian {} (stand-in; app {DEMO_CLIENT_ID}, callback {})",
        standin.url(),
        args.callback_url
    );
    eprintln!(
        "  forge     {} (Forge proxy stand-in; BGAGENT_FORGE_PROBE_URL, BGAGENT_PROXY_SECRET)",
        forge.url()
    );
    eprintln!("  env file  {}   (. {0})", args.env_file.display());
    eprintln!("Stop with Ctrl-C, SIGTERM, or by closing stdin.");

    if stdin_is_null() {
        // Nothing to watch: run until a signal ends the process (moto dies with it).
        loop {
            std::thread::park();
        }
    }
    let mut sink = [0u8; 1024];
    let mut stdin = std::io::stdin().lock();
    while matches!(stdin.read(&mut sink), Ok(n) if n > 0) {}

    eprintln!("stdin closed; stopping moto");
    let _ = std::fs::remove_file(&args.env_file);
    drop(standin);
    drop(linear);
    drop(platform);
    drop(moto);
    ExitCode::SUCCESS
}
