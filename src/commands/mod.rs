//! Dispatch. Offline commands never build an async runtime or load AWS configuration.

pub mod approvals;
pub mod auth;
pub mod completions;
pub mod jira;
pub mod linear;
pub mod link_api;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub fn run(cli: Cli, ui: &Ui) -> Result<()> {
    match dispatch(cli, ui) {
        // A table or secret named by cached stack outputs is gone (the stack was updated):
        // drop the cache and run the command once more on live outputs. Every command that
        // reads outputs from the cache touches those resources before its first write.
        Err(e) if crate::aws::cache::is_stale(&e) => {
            ui.debug("a cached stack output names a missing resource; re-reading the stack");
            crate::aws::cache::invalidate();
            crate::aws::cache::force_live();
            use clap::Parser as _;
            dispatch(Cli::parse(), ui)
        }
        r => r,
    }
}

fn dispatch(cli: Cli, ui: &Ui) -> Result<()> {
    match cli.command {
        Command::Completions { shell } => completions::run(shell),
        Command::Jira(cmd) => jira::run(cmd.0, &cli.global, ui),
        Command::Linear(cmd) => linear::run(cmd.0, &cli.global, ui),
        Command::Configure(a) => block_on(auth::configure::run(a, &cli.global, ui)),
        Command::Login(a) => block_on(auth::login::run(a, ui)),
        Command::Logout(a) => block_on(auth::logout::run(a, ui)),
        Command::Whoami(a) => auth::whoami::run(a, ui),
        Command::Approve(a) => block_on(approvals::approve::run(a, ui)),
        Command::Deny(a) => block_on(approvals::deny::run(a, ui)),
        Command::Pending(a) => block_on(approvals::pending::run(a, ui)),
        Command::Policies(c) => block_on(approvals::policies::run(c.0, ui)),
    }
}

/// A single-threaded runtime for the commands that do network I/O.
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::failure("could not start the async runtime").cause(e))
        .expect("tokio runtime")
        .block_on(f)
}
