//! bgagent: connect a Jira Cloud site to the background coding-agent platform.
//!
//! Layout: `cli` (the command line), `commands/` (one file per subcommand), the edges
//! (`aws/`, `atlassian/`, `browser/`, `terminal/`, `config`, `keychain`), and `domain/` (pure logic).

pub mod atlassian;
pub mod aws;
pub mod browser;
pub mod cli;
pub mod commands;
pub mod config;
pub mod docs;
pub mod doctor;
pub mod domain;
pub mod env;
pub mod error;
pub mod keychain;
pub mod linear;
pub mod oauth;
pub mod platform;
pub mod terminal;
pub mod tls;
