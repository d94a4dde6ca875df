//! Runs the local Atlassian OAuth 2.0 (3LO) + Jira REST stand-in until killed.
//!
//! ```text
//! STANDIN_CLIENT_SECRET=... cargo run --example atlassian-standin -- \
//!     --port 0 --client-id X --redirect-uri http://localhost:8080/oauth/callback \
//!     [--site-count N] [--deny]
//! ```
//!
//! Prints `ATLASSIAN_STANDIN_URL=http://127.0.0.1:<port>` on stdout once it listens;
//! point `BGAGENT_ATLASSIAN_AUTH_URL` and `BGAGENT_ATLASSIAN_API_URL` at that URL.
//! The client secret comes from the environment only, never from the command line.

#[path = "local/atlassian_standin.rs"]
#[allow(dead_code)]
mod atlassian_standin;
#[path = "local/oauth_standin.rs"]
#[allow(dead_code)]
mod oauth_standin;

use std::io::Write;
use std::process::ExitCode;

use atlassian_standin::{Config, Consent, Site, Standin};

const USAGE: &str = "usage: STANDIN_CLIENT_SECRET=<secret> atlassian-standin --client-id <id> \
--redirect-uri <url> [--port <port>] [--site-count <n>] [--deny]";

struct Args {
    port: u16,
    client_id: String,
    redirect_uri: String,
    site_count: usize,
    deny: bool,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut port = 0u16;
    let mut client_id = None;
    let mut redirect_uri = None;
    let mut site_count = 1usize;
    let mut deny = false;
    while let Some(arg) = argv.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| argv.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--port" => {
                port = value("--port")?
                    .parse()
                    .map_err(|_| "--port must be 0..65535".to_string())?
            }
            "--client-id" => client_id = Some(value("--client-id")?),
            "--redirect-uri" => redirect_uri = Some(value("--redirect-uri")?),
            "--site-count" => {
                site_count = value("--site-count")?
                    .parse()
                    .map_err(|_| "--site-count must be a non-negative integer".to_string())?
            }
            "--deny" if inline.is_none() => deny = true,
            "--client-secret" => {
                return Err(
                    "the client secret is read from STANDIN_CLIENT_SECRET, not the command line"
                        .into(),
                );
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    Ok(Args {
        port,
        client_id: client_id.ok_or("--client-id is required")?,
        redirect_uri: redirect_uri.ok_or("--redirect-uri is required")?,
        site_count,
        deny,
    })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if e.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("atlassian-standin: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let secret = match std::env::var("STANDIN_CLIENT_SECRET") {
        Ok(s) if !s.is_empty() => s,
        _ => {
            eprintln!("atlassian-standin: set STANDIN_CLIENT_SECRET to the app's client secret");
            return ExitCode::from(2);
        }
    };
    let mut cfg = Config::new(&args.client_id, &secret, &args.redirect_uri);
    cfg.sites = Site::defaults(args.site_count);
    if args.deny {
        cfg.consent = Consent::Deny;
    }
    let standin = match Standin::start_on(cfg, args.port) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "atlassian-standin: cannot listen on 127.0.0.1:{}: {e}",
                args.port
            );
            return ExitCode::from(1);
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "ATLASSIAN_STANDIN_URL={}", standin.url());
    let _ = out.flush();
    drop(out);
    loop {
        std::thread::park();
    }
}
