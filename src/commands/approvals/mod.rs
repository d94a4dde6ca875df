//! The Cedar HITL commands: `approve`, `deny`, `pending`, `policies list|show`, through the
//! platform API with the login (`platform::api`). Scopes and deny reasons are checked before any
//! request; every API error class gets its own message, exit code and fix.

pub mod approve;
pub mod deny;
pub mod pending;
pub mod policies;

use clap::{Args, Subcommand, ValueEnum};

use crate::error::{Error, Exit, Result};
use crate::platform::api::{Api, ApiError, classify};
use crate::platform::config;

#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// Task id (from `bgagent pending`)
    pub task_id: String,
    /// Approval request id (from `bgagent pending`)
    pub request_id: String,
    /// How far the approval reaches: this_call, tool_type_session, tool_group_session,
    /// all_session (needs --yes), tool_type:<Bash|Read|Write|Edit|Glob|Grep|WebFetch|Task>,
    /// tool_group:file_write, bash_pattern:<glob>, write_path:<glob>, rule:<rule-id> (≤ 128 chars)
    #[arg(long, default_value = "this_call", value_name = "SCOPE")]
    pub scope: String,
}

#[derive(Debug, Args)]
pub struct DenyArgs {
    /// Task id (from `bgagent pending`)
    pub task_id: String,
    /// Approval request id (from `bgagent pending`)
    pub request_id: String,
    /// Why (shown to the agent; at most 2000 characters)
    #[arg(long, value_name = "TEXT", conflicts_with = "reason_file")]
    pub reason: Option<String>,
    /// Read the reason from a file (UTF-8)
    #[arg(long, value_name = "PATH")]
    pub reason_file: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct PendingArgs {}

#[derive(Debug, Subcommand)]
pub enum PoliciesCommand {
    /// List a repository's Cedar rules (hard-deny and soft-deny)
    List(PoliciesListArgs),
    /// Show one rule of a repository
    Show(PoliciesShowArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Tier {
    Hard,
    Soft,
}

#[derive(Debug, Args)]
pub struct PoliciesListArgs {
    /// Repository (owner/repo)
    #[arg(long, value_name = "OWNER/REPO", value_parser = crate::domain::validate::repo)]
    pub repo: String,
    /// Only this tier
    #[arg(long, value_enum, value_name = "TIER")]
    pub tier: Option<Tier>,
}

#[derive(Debug, Args)]
pub struct PoliciesShowArgs {
    /// Repository (owner/repo)
    #[arg(long, value_name = "OWNER/REPO", value_parser = crate::domain::validate::repo)]
    pub repo: String,
    /// Rule id (from `bgagent policies list`)
    #[arg(long, value_name = "RULE_ID")]
    pub rule: String,
}

pub fn api() -> Result<Api> {
    Api::new(&config::require()?)
}

/// A rate limit, with the fix.
fn rate_limited(e: &ApiError, what: &str) -> Error {
    e.error(
        Exit::Failure,
        format!("rate limit exceeded ({}): {what}", e.code),
    )
    .hint("wait a minute and retry")
}

/// Errors of approve/deny (`verb` = "Approval" | "Denial").
pub fn decision_error(e: &ApiError, verb: &str, task: &str, req: &str, api_url: &str) -> Error {
    match e.status {
        400 => e
            .error(Exit::Usage, format!("{verb} rejected: {}", e.text()))
            .hint("fix the value named above and retry"),
        404 if e.envelope => e
            .error(
                Exit::Conflict,
                format!(
                    "approval request {req} on task {task} was not found, is not yours, or was already decided ({})",
                    e.code
                ),
            )
            .hint("run `bgagent pending` to see the approvals waiting for you"),
        409 => e
            .error(
                Exit::Conflict,
                format!(
                    "{verb} cannot be recorded: task {task} is not awaiting approval for {req} ({})",
                    e.code
                ),
            )
            .hint("the task was cancelled, timed out or moved on; run `bgagent pending` for what is still open"),
        429 => rate_limited(e, "approve and deny share a per-user limit per minute"),
        503 => e
            .error(
                Exit::Failure,
                format!("{verb} service temporarily unavailable ({})", e.code),
            )
            .hint("retry in a minute; nothing was recorded"),
        _ => classify(e, api_url),
    }
}

/// `'…'`-quotes a value for a shell command line when it needs it.
pub fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:/@+=".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words() {
        assert_eq!(shell_word("01JABC-x"), "01JABC-x");
        assert_eq!(shell_word("a b"), "'a b'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word(""), "''");
    }
}
