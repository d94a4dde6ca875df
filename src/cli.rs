//! The command line, declared once with clap derive. `docs` renders completions and man pages from it.

use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Default OAuth redirect registered in the Atlassian console; `app-template` and `setup` share it.
pub const DEFAULT_CALLBACK_URL: &str = "http://localhost:8080/oauth/callback";
pub const DEFAULT_STACK_NAME: &str = "backgroundagent-dev";

/// `--help`'s epilogue: the exit codes and every environment variable bgagent reads.
fn long_help() -> String {
    format!(
        "Exit codes: 0 ok, 1 operational failure, 2 usage error, 3 conflict or unmet precondition, \
         4 authorization denied, 5 timed out, 130 interrupted.\n\n{}",
        crate::env::HELP
    )
}

/// A group of subcommands that clap builds only when the command line enters it
/// (`clap::Command::defer`): `bgagent jira map` builds the top level and `jira`, never the
/// Linear, approval, `cr` or `webhook` commands and their arguments. Building the whole tree
/// was a good part of bgagent's own start-up work (measured: `jira app-template` 0.3 ms
/// faster). `--help` and `help` still see every command; completions and man pages are made
/// from [`full_command`].
#[derive(Debug)]
pub struct Deferred<T>(pub T);

impl<T: FromArgMatches> FromArgMatches for Deferred<T> {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(m).map(Deferred)
    }
    fn from_arg_matches_mut(m: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(m).map(Deferred)
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(m)
    }
    fn update_from_arg_matches_mut(&mut self, m: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(m)
    }
}

/// Set by [`full_command`]: build every group at once.
static EAGER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The whole command tree, nothing deferred, for shell completions and man pages: clap's
/// generated `help` subcommand copies the tree when it is built, so a deferred group would be
/// missing from `help`'s completions.
pub fn full_command() -> clap::Command {
    EAGER.store(true, std::sync::atomic::Ordering::Relaxed);
    <Cli as clap::CommandFactory>::command()
}

/// `augment` applied now under [`full_command`], else when clap enters the group.
fn augment_later(cmd: clap::Command, augment: fn(clap::Command) -> clap::Command) -> clap::Command {
    if EAGER.load(std::sync::atomic::Ordering::Relaxed) {
        augment(cmd)
    } else {
        cmd.defer(augment)
    }
}

impl<T: Subcommand> Subcommand for Deferred<T> {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        augment_later(cmd, T::augment_subcommands)
    }
    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        augment_later(cmd, T::augment_subcommands_for_update)
    }
    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "bgagent",
    version,
    about = "Connect a Jira Cloud site to the background coding-agent platform",
    long_about = "Connect a Jira Cloud site to the background coding-agent platform.\n\n\
        bgagent talks directly to the platform's AWS stores (CloudFormation outputs, DynamoDB, \
        Secrets Manager) with your AWS credentials, and to Atlassian for the OAuth 2.0 (3LO) login.",
    after_help = "Exit codes: 0 ok, 1 operational failure, 2 usage error, 3 conflict or unmet precondition, \
        4 authorization denied or not logged in, 5 timed out, 6 login refused (wrong username or password), 130 interrupted.",
    after_long_help = long_help(),
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// AWS region (else the standard AWS chain, else `region` in the config dir's config.json)
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// AWS shared-config profile
    #[arg(long, global = true, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// CloudFormation stack of the platform
    #[arg(long, global = true, env = "BGAGENT_STACK_NAME", hide_env_values = true, default_value = DEFAULT_STACK_NAME, value_name = "NAME")]
    pub stack_name: String,
    /// Output format; json prints one JSON document on stdout
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Text, value_name = "FORMAT")]
    pub output: OutputFormat,
    /// Only print errors and warnings
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print each AWS and Atlassian call as it happens
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// When to use colour (NO_COLOR is honoured by `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Accept confirmations without asking
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
    /// Read the platform stack's outputs live instead of from the cache in the config dir
    #[arg(long, global = true, env = "BGAGENT_NO_CACHE", hide_env_values = true, value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Connect and manage a Jira Cloud site
    #[command(subcommand)]
    Jira(Deferred<JiraCommand>),
    /// Connect and manage Linear workspaces
    #[command(subcommand)]
    Linear(Deferred<crate::commands::linear::args::LinearCommand>),
    /// Write the platform config (config.json) from the stack's outputs, an admin's bundle, or flags
    Configure(crate::commands::auth::ConfigureArgs),
    /// Log in to the platform (Cognito user pool); writes credentials.json
    Login(crate::commands::auth::LoginArgs),
    /// Remove the login (--everywhere also revokes it at Cognito)
    Logout(crate::commands::auth::LogoutArgs),
    /// Show the login (user, sub, email, token expiry) and the platform config
    Whoami(crate::commands::auth::WhoamiArgs),
    /// Approve a pending Cedar HITL gate of a task (see `bgagent pending`)
    Approve(crate::commands::approvals::ApproveArgs),
    /// Deny a pending Cedar HITL gate of a task
    Deny(crate::commands::approvals::DenyArgs),
    /// List the approvals waiting for you, with the command to approve or deny each
    Pending(crate::commands::approvals::PendingArgs),
    /// Show a repository's Cedar approval rules
    #[command(subcommand)]
    Policies(Deferred<crate::commands::approvals::PoliciesCommand>),
    /// Print shell completions
    Completions {
        /// Shell to generate completions for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum JiraCommand {
    /// Print what to enter in the Atlassian developer console (offline)
    AppTemplate(AppTemplateArgs),
    /// Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform's tenant
    Setup(SetupArgs),
    /// Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)
    UpdateWebhookSecret(UpdateWebhookSecretArgs),
    /// List registered Jira tenants
    Tenants(TenantsArgs),
    /// Map a Jira project to a repository
    Map(MapArgs),
    /// Stop routing a Jira project (sets status=removed, keeps the row)
    Unmap(UnmapArgs),
    /// List project mappings
    Projects(ProjectsArgs),
    /// Create a one-time code that links a Jira account to a teammate's platform account
    InviteUser(InviteUserArgs),
    /// Redeem a one-time code: bind its Jira account to your platform account
    Link(LinkArgs),
    /// List linked Jira accounts and open invites of a tenant
    Users(UsersArgs),
    /// Remove the link of a Jira account
    Unlink(UnlinkArgs),
    /// Make the Jira Forge app (signed web-trigger proxy) the writer of the agent's comments and transitions
    AppSetup(AppSetupArgs),
    /// Change-request approval gate for CI: check an issue's approval; make and use approval-signing keys
    #[command(subcommand)]
    Cr(Deferred<CrCommand>),
    /// Check the whole trigger chain of a tenant and name the fix for every broken link
    Doctor(DoctorArgs),
    /// The Jira webhook receiver
    #[command(subcommand)]
    Webhook(Deferred<WebhookCommand>),
    /// Take a tenant out of service (registry status=revoked; optionally delete its bundle)
    Revoke(RevokeArgs),
}

#[derive(Debug, Args)]
pub struct AppTemplateArgs {
    /// Developer or organisation name shown in the app name
    #[arg(long, default_value = "ABCA", value_name = "NAME")]
    pub developer_name: String,
    /// App description
    #[arg(
        long,
        default_value = "Autonomous Background Coding Agent",
        value_name = "TEXT"
    )]
    pub description: String,
    /// OAuth callback URL to register (use the same value with `setup`)
    #[arg(long, default_value = DEFAULT_CALLBACK_URL, value_name = "URL")]
    pub callback_url: String,
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// OAuth app client id (else remembered in the OS keychain, else prompted)
    #[arg(
        long,
        env = "BGAGENT_JIRA_CLIENT_ID",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub client_id: Option<String>,
    /// Read the OAuth client secret from stdin (or set BGAGENT_JIRA_CLIENT_SECRET)
    #[arg(long)]
    pub client_secret_stdin: bool,
    /// Registered OAuth callback URL (must equal the console value byte for byte)
    #[arg(long, default_value = DEFAULT_CALLBACK_URL, value_name = "URL")]
    pub callback_url: String,
    /// Do not open a browser: print the URL and paste back the redirected URL
    #[arg(long)]
    pub no_browser: bool,
    /// Site to connect when the grant covers several (site URL or cloud id)
    #[arg(long, value_name = "SITE")]
    pub site: Option<String>,
    #[command(flatten)]
    pub install: InstallArgs,
    #[command(flatten)]
    pub webhook: WebhookSecretArgs,
    /// Drop the client id and secret remembered in the OS keychain, then continue
    #[arg(long)]
    pub forget_client: bool,
    /// Show the authorize URL parameters and the writes, touch nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// The flags `jira setup` and `linear setup|add-workspace` share: how long the browser leg
/// waits, and who is recorded as installer.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// How long to wait for the browser callback (e.g. 300s, 5m)
    #[arg(long, default_value = "5m", value_parser = crate::domain::duration::parse_duration, value_name = "DURATION")]
    pub timeout: std::time::Duration,
    /// Platform user recorded as installer (else the logged-in identity)
    #[arg(
        long,
        env = "BGAGENT_PLATFORM_USER_ID",
        hide_env_values = true,
        value_name = "SUB"
    )]
    pub platform_user_id: Option<String>,
}

#[derive(Debug, Args)]
pub struct WebhookSecretArgs {
    /// Read the webhook signing secret from stdin (or set BGAGENT_JIRA_WEBHOOK_SECRET)
    #[arg(long, conflicts_with = "generate_webhook_secret")]
    pub webhook_secret_stdin: bool,
    /// Generate a webhook signing secret (32 random bytes, hex) and show it once
    #[arg(long)]
    pub generate_webhook_secret: bool,
}

#[derive(Debug, Args)]
pub struct UpdateWebhookSecretArgs {
    /// Cloud id of the tenant (a UUID)
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: String,
    #[command(flatten)]
    pub webhook: WebhookSecretArgs,
    /// Show what would be written, touch nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct TenantsArgs {}

#[derive(Debug, Args)]
pub struct MapArgs {
    /// Cloud id of the tenant (a UUID)
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: String,
    /// Jira project key, e.g. ENG
    #[arg(value_parser = crate::domain::validate::project_key)]
    pub project_key: String,
    /// Repository the project's issues go to (owner/repo)
    #[arg(long, value_name = "OWNER/REPO", value_parser = crate::domain::validate::repo)]
    pub repo: String,
    /// Label that triggers a run [default for a new mapping: bgagent]
    #[arg(long, value_name = "LABEL", value_parser = crate::domain::validate::non_blank)]
    pub label: Option<String>,
    /// Jira status to move an issue to when a task starts
    #[arg(long, value_name = "STATUS")]
    pub status_on_start: Option<String>,
    /// Jira status to move an issue to when a PR is opened
    #[arg(long, value_name = "STATUS")]
    pub status_on_pr: Option<String>,
    /// Re-point a project that is mapped to a different repository
    #[arg(long)]
    pub force: bool,
    /// Show the row that would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct UnmapArgs {
    /// Cloud id of the tenant (a UUID)
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: String,
    /// Jira project key
    #[arg(value_parser = crate::domain::validate::project_key)]
    pub project_key: String,
    /// Show what would change, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ProjectsArgs {
    /// Only this tenant's projects
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: Option<String>,
}

#[derive(Debug, Args)]
pub struct InviteUserArgs {
    /// Cloud id of the tenant (a UUID)
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: String,
    /// Jira account id, email or display name of the teammate
    pub user: String,
    #[command(flatten)]
    pub invite: InviteCodeArgs,
}

/// The flags `jira invite-user` and `linear invite-user` share: the code's lifetime, who
/// invites, and the dry run.
#[derive(Debug, Args)]
pub struct InviteCodeArgs {
    /// How long the code stays valid (at most 7d)
    #[arg(long, default_value = "24h", value_parser = crate::domain::duration::parse_invite_ttl, value_name = "DURATION")]
    pub ttl: std::time::Duration,
    /// Platform user recorded as inviter (else the logged-in identity)
    #[arg(
        long,
        env = "BGAGENT_PLATFORM_USER_ID",
        hide_env_values = true,
        value_name = "SUB"
    )]
    pub platform_user_id: Option<String>,
    /// Resolve the user and show the invite row, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The one-time code, e.g. link-k7m2qz9a
    #[arg(value_parser = crate::domain::invite_code::parse)]
    pub code: String,
    /// Platform user to link (else the logged-in identity)
    #[arg(
        long,
        env = "BGAGENT_PLATFORM_USER_ID",
        hide_env_values = true,
        value_name = "SUB"
    )]
    pub platform_user_id: Option<String>,
    /// Show what would be linked, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// `api`: the platform API links the logged-in user (needs `bgagent login`, no AWS
    /// credentials); `direct`: one DynamoDB transaction with your AWS credentials
    /// [default: api when logged in, else direct]
    #[arg(long, value_enum, value_name = "PATH")]
    pub via: Option<LinkVia>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LinkVia {
    Api,
    Direct,
}

#[derive(Debug, Args)]
pub struct UsersArgs {
    /// Cloud id of the tenant (a UUID)
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: String,
}

#[derive(Debug, Args)]
pub struct UnlinkArgs {
    /// Cloud id of the tenant (a UUID)
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: String,
    /// Jira account id to unlink
    pub account_id: String,
    /// Show what would be removed, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
#[command(
    long_about = "Check the whole trigger chain of a tenant: stack outputs, table keys, the \
        registry row, the OAuth bundle, the token, the webhook secrets, a signed probe of the \
        deployed webhook receiver, project mappings and user links. One line per check \
        (✓ pass, ! warn, ✗ fail) with the fix under every warn or fail. Writes nothing \
        unless --verify-refresh is given.",
    after_help = "Exit codes: 0 nothing failed (warnings allowed), 1 a check failed. Check ids: \
        stack, tables, tenant, bundle, token, webhook-secret, webhook-receiver, projects, users, app-identity."
)]
pub struct DoctorArgs {
    /// Cloud id of the tenant (a UUID) [default: the sole active tenant]
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: Option<String>,
    /// Also refresh the token once; this ROTATES the refresh token (the new one is stored)
    #[arg(long)]
    pub verify_refresh: bool,
    /// Do not POST the signed probe to the webhook receiver (reported as skipped)
    #[arg(long)]
    pub skip_webhook_probe: bool,
}

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401
    Test(WebhookTestArgs),
}

#[derive(Debug, Args)]
pub struct WebhookTestArgs {
    /// Cloud id of the tenant (a UUID) [default: the sole active tenant]
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: Option<String>,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// Cloud id of the tenant (a UUID)
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: String,
    /// Also schedule deletion of the tenant's OAuth bundle (restorable during the recovery window)
    #[arg(long)]
    pub delete_secret: bool,
    /// Recovery window of the deleted bundle, in days (7 to 30)
    #[arg(long, requires = "delete_secret", conflicts_with = "force_delete", default_value_t = 7,
          value_parser = clap::value_parser!(i64).range(7..=30), value_name = "DAYS")]
    pub recovery_days: i64,
    /// Delete the bundle immediately, without a recovery window (IRREVERSIBLE)
    #[arg(long, requires = "delete_secret")]
    pub force_delete: bool,
    /// Show what would change, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "The shared secret is never taken from argv: use --shared-secret-stdin, \
    BGAGENT_PROXY_SECRET, or the masked prompt. BGAGENT_FORGE_PROBE_URL (test only, loopback URLs \
    only) sends the identity probe to a local stand-in; the stored URL is still --proxy-url."
)]
pub struct AppSetupArgs {
    /// Cloud id of the tenant (a UUID)
    #[arg(value_parser = crate::domain::validate::cloud_id)]
    pub cloud_id: String,
    /// Forge v2 web-trigger URL: https://<installation>.webtrigger.atlassian.app/public/<id>
    #[arg(
        long,
        value_name = "URL",
        required_unless_present = "remove",
        conflicts_with = "remove"
    )]
    pub proxy_url: Option<String>,
    /// Read the Forge proxy shared secret (BGAGENT_PROXY_SECRET of the Forge app) from stdin
    #[arg(long, conflicts_with = "remove")]
    pub shared_secret_stdin: bool,
    /// Go back to writes as the OAuth user: remove all five app_actor_* fields and outbound_identity
    #[arg(long)]
    pub remove: bool,
    /// Check the inputs and probe the proxy (or show what --remove would remove), write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum CrCommand {
    /// Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)
    Check(Box<CrCheckArgs>),
    /// Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)
    Keygen(CrKeygenArgs),
    /// Sign the approval of an issue in a status: prints the signature JSON for the signature field
    Sign(CrSignArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 approved, 1 not approved (every reason is printed), 2 usage or \
    configuration; a failure to read the issue (AWS, network, Atlassian) exits with the usual codes \
    (1, 3, 4 …) and never 0."
)]
pub struct CrCheckArgs {
    /// The change request's issue key, e.g. CR-2025-1042
    #[arg(value_parser = crate::domain::cr_gate::issue_key)]
    pub issue_key: String,
    /// Tenant whose stored token reads the issue [default: the sole active tenant]
    #[arg(long, value_parser = crate::domain::validate::cloud_id, value_name = "CLOUD_ID")]
    pub cloud_id: Option<String>,
    /// A status that counts as approved (repeatable)
    #[arg(
        long = "approved-status",
        value_name = "NAME",
        default_value = "Approved"
    )]
    pub approved_statuses: Vec<String>,
    /// Role the approver field must hold (a missing field then fails instead of warning)
    #[arg(long, value_name = "ROLE", requires = "approver_field")]
    pub approver_role: Option<String>,
    /// Field holding the approver or role, e.g. customfield_10100 (text, select, user or lists of them)
    #[arg(long, value_name = "FIELD", value_parser = crate::domain::cr_gate::field_id)]
    pub approver_field: Option<String>,
    /// Field holding the signature JSON of `jira cr sign`, e.g. customfield_10103
    #[arg(long, value_name = "FIELD", value_parser = crate::domain::cr_gate::field_id, requires = "public_key")]
    pub signature_field: Option<String>,
    /// A public key (PEM) whose signature is accepted (repeatable; any of them may sign)
    #[arg(long, value_name = "FILE", requires = "signature_field")]
    pub public_key: Vec<std::path::PathBuf>,
    /// Fail when the signature field is empty (else a warning)
    #[arg(long, requires = "signature_field")]
    pub require_signature: bool,
    /// Oldest acceptable signature (e.g. 24h, 7d)
    #[arg(long, value_name = "DURATION", value_parser = crate::domain::duration::parse_duration, requires = "signature_field")]
    pub max_age: Option<std::time::Duration>,
    /// Also write the verdict, the time and a SHA-256 of the issue fields to this JSON file
    #[arg(long, value_name = "PATH")]
    pub audit_file: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct CrKeygenArgs {
    /// Who signs with the key, e.g. "Change Manager" (also names the files)
    #[arg(long, value_parser = crate::domain::validate::non_blank)]
    pub name: String,
    /// Directory for <name>.key (0600) and <name>.pub
    #[arg(long, value_name = "DIR")]
    pub out: std::path::PathBuf,
    /// Read the passphrase from stdin (or set BGAGENT_CR_KEY_PASSPHRASE)
    #[arg(long)]
    pub passphrase_stdin: bool,
    /// Replace existing key files
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CrSignArgs {
    /// The change request's issue key, e.g. CR-2025-1042
    #[arg(value_parser = crate::domain::cr_gate::issue_key)]
    pub issue_key: String,
    /// The private key of `jira cr keygen` (passphrase-encrypted PKCS#8 PEM)
    #[arg(long, value_name = "FILE")]
    pub key: std::path::PathBuf,
    /// Who approves, e.g. "Change Manager"
    #[arg(long, value_parser = crate::domain::validate::non_blank)]
    pub approver: String,
    /// The status the approval is for (the check requires the issue to be in it)
    #[arg(long, value_name = "NAME", default_value = "Approved")]
    pub status: String,
    /// Read the key's passphrase from stdin (or set BGAGENT_CR_KEY_PASSPHRASE)
    #[arg(long)]
    pub passphrase_stdin: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::linear::args::LinearCommand;

    fn parse(args: &[&str]) -> std::result::Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("bgagent").chain(args.iter().copied()))
    }

    const CLOUD: &str = "3f2c8a91-6d4e-4b7a-9e15-c0a8d7b2f463";

    /// The invite block of `jira invite-user` and `linear invite-user`, parsed from the same flags.
    fn invites(flags: &[&str]) -> [std::result::Result<InviteCodeArgs, clap::error::ErrorKind>; 2] {
        let jira = [&["jira", "invite-user", CLOUD, "sam"][..], flags].concat();
        let linear = [&["linear", "invite-user", "acme-ws", "sam"][..], flags].concat();
        [
            parse(&jira)
                .map(|c| match c.command {
                    Command::Jira(Deferred(JiraCommand::InviteUser(a))) => a.invite,
                    other => panic!("{other:?}"),
                })
                .map_err(|e| e.kind()),
            parse(&linear)
                .map(|c| match c.command {
                    Command::Linear(Deferred(LinearCommand::InviteUser(a))) => a.invite,
                    other => panic!("{other:?}"),
                })
                .map_err(|e| e.kind()),
        ]
    }

    #[test]
    fn both_invite_commands_share_the_code_flags() {
        for got in invites(&[]) {
            let a = got.unwrap();
            assert_eq!(a.ttl, std::time::Duration::from_secs(24 * 3600));
            assert!(!a.dry_run);
        }
        for got in invites(&["--ttl", "2h", "--platform-user-id", "sub-1", "--dry-run"]) {
            let a = got.unwrap();
            assert_eq!(a.ttl, std::time::Duration::from_secs(2 * 3600));
            assert_eq!(a.platform_user_id.as_deref(), Some("sub-1"));
            assert!(a.dry_run);
        }
        // More than 7 days is refused by both, as a usage error.
        for got in invites(&["--ttl", "8d"]) {
            assert_eq!(got.unwrap_err(), clap::error::ErrorKind::ValueValidation);
        }
    }

    #[test]
    fn jira_setup_and_linear_setup_share_the_install_flags() {
        let flags = ["--timeout", "90s", "--platform-user-id", "sub-9"];
        let jira = parse(&[&["jira", "setup"][..], &flags].concat()).unwrap();
        let Command::Jira(Deferred(JiraCommand::Setup(j))) = jira.command else {
            panic!("jira setup")
        };
        for cmd in ["setup", "add-workspace"] {
            let linear = parse(&[&["linear", cmd, "acme-ws"][..], &flags].concat()).unwrap();
            let l = match linear.command {
                Command::Linear(Deferred(
                    LinearCommand::Setup(l) | LinearCommand::AddWorkspace(l),
                )) => l,
                other => panic!("{other:?}"),
            };
            for a in [&j.install, &l.install] {
                assert_eq!(a.timeout, std::time::Duration::from_secs(90));
                assert_eq!(a.platform_user_id.as_deref(), Some("sub-9"));
            }
        }
        let defaults = parse(&["jira", "setup"]).unwrap();
        let Command::Jira(Deferred(JiraCommand::Setup(d))) = defaults.command else {
            panic!("jira setup")
        };
        assert_eq!(d.install.timeout, std::time::Duration::from_secs(300));
    }

    #[test]
    fn both_link_commands_take_the_same_link_flags() {
        for cmd in ["jira", "linear"] {
            let c = parse(&[cmd, "link", "link-k7m2qz9a", "--via", "direct", "--dry-run"]).unwrap();
            let a = match c.command {
                Command::Jira(Deferred(JiraCommand::Link(a)))
                | Command::Linear(Deferred(LinearCommand::Link(a))) => a,
                other => panic!("{other:?}"),
            };
            assert_eq!(a.via, Some(LinkVia::Direct));
            assert!(a.dry_run);
            let e = parse(&[cmd, "link", "link-k7m2qz9a", "--via", "both"]).unwrap_err();
            assert_eq!(e.kind(), clap::error::ErrorKind::InvalidValue);
        }
    }
}
