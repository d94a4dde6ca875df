//! The command line, declared once with clap derive. `docs` renders completions and man pages from it.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Default OAuth redirect registered in the Atlassian console; `app-template` and `setup` share it.
pub const DEFAULT_CALLBACK_URL: &str = "http://localhost:8080/oauth/callback";
pub const DEFAULT_STACK_NAME: &str = "backgroundagent-dev";

#[derive(Debug, Parser)]
#[command(
    name = "bgagent",
    version,
    about = "Connect a Jira Cloud site to the background coding-agent platform",
    long_about = "Connect a Jira Cloud site to the background coding-agent platform.\n\n\
        bgagent talks directly to the platform's AWS stores (CloudFormation outputs, DynamoDB, \
        Secrets Manager) with your AWS credentials, and to Atlassian for the OAuth 2.0 (3LO) login.",
    after_help = "Exit codes: 0 ok, 1 operational failure, 2 usage error, 3 conflict or unmet precondition, \
        4 authorization denied, 5 timed out, 130 interrupted.",
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
    Jira(JiraCommand),
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
    #[command(flatten)]
    pub webhook: WebhookSecretArgs,
    /// Drop the client id and secret remembered in the OS keychain, then continue
    #[arg(long)]
    pub forget_client: bool,
    /// Show the authorize URL parameters and the writes, touch nothing
    #[arg(long)]
    pub dry_run: bool,
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
