//! The command line of `bgagent linear …` (clap derive; mounted by `cli.rs`).

use clap::{Args, Subcommand};

use crate::cli::DEFAULT_CALLBACK_URL;

#[derive(Debug, Subcommand)]
pub enum LinearCommand {
    /// Print what to enter in Linear's OAuth application form (offline)
    AppTemplate(LinearAppTemplateArgs),
    /// Print where and how to create the Linear webhook
    WebhookInfo(WebhookInfoArgs),
    /// Install the OAuth app in a Linear workspace (actor=app) and register it with the platform
    Setup(LinearSetupArgs),
    /// Install the already-registered OAuth app in a further Linear workspace
    AddWorkspace(LinearSetupArgs),
    /// List registered Linear workspaces
    Workspaces(WorkspacesArgs),
    /// Replace a workspace's webhook signing secret (its bundle only; the stack-wide fallback is untouched)
    UpdateWebhookSecret(LinearUpdateWebhookSecretArgs),
    /// Map a Linear project to a repository
    OnboardProject(OnboardProjectArgs),
    /// List the projects of the registered workspaces, with their mappings
    Projects(LinearProjectsArgs),
    /// Create a one-time code that links a Linear user to a teammate's platform account
    InviteUser(LinearInviteUserArgs),
    /// Redeem a one-time code: bind its Linear user to your platform account
    Link(crate::cli::LinkArgs),
    /// Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row
    RemoveWorkspace(RemoveWorkspaceArgs),
    /// Check the trigger chain of a workspace and name the fix for every broken link
    Doctor(LinearDoctorArgs),
}

#[derive(Debug, Args)]
pub struct LinearAppTemplateArgs {
    /// The app's GitHub username; Linear requires it to end in `[bot]` for actor=app
    #[arg(long, default_value = "bgagent[bot]", value_name = "NAME")]
    pub bot_name: String,
    /// Developer name shown on the consent screen
    #[arg(long, default_value = "ABCA", value_name = "NAME")]
    pub developer_name: String,
    /// Developer URL shown on the consent screen
    #[arg(
        long,
        default_value = "https://github.com/aws-samples/sample-autonomous-cloud-coding-agents",
        value_name = "URL"
    )]
    pub developer_url: String,
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
pub struct WebhookInfoArgs {}

#[derive(Debug, Args)]
pub struct LinearSetupArgs {
    /// Workspace slug: Linear's URL key (linear.app/<slug>/…); names the secret bgagent-linear-oauth-<slug>
    #[arg(value_parser = crate::domain::linear::slug, value_name = "SLUG")]
    pub slug: String,
    /// OAuth app client id (add-workspace: else the registered app's)
    #[arg(
        long,
        env = "BGAGENT_LINEAR_CLIENT_ID",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub client_id: Option<String>,
    /// Read the OAuth client secret from stdin (or set BGAGENT_LINEAR_CLIENT_SECRET)
    #[arg(long)]
    pub client_secret_stdin: bool,
    /// Drop the client id and secret remembered in the OS keychain, then continue
    #[arg(long)]
    pub forget_client: bool,
    /// Read the workspace's webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)
    #[arg(long)]
    pub webhook_secret_stdin: bool,
    /// Registered OAuth callback URL (must equal the app's value byte for byte)
    #[arg(long, default_value = DEFAULT_CALLBACK_URL, value_name = "URL")]
    pub callback_url: String,
    /// Do not open a browser: print the URL and paste back the redirected URL
    #[arg(long)]
    pub no_browser: bool,
    /// Authorize as the signed-in user instead of installing the app as a workspace bot (no actor=app)
    #[arg(long)]
    pub no_actor_app: bool,
    /// Do not force the consent screen (no prompt=consent; an installed app then returns no code)
    #[arg(long)]
    pub no_force_consent: bool,
    #[command(flatten)]
    pub install: crate::cli::InstallArgs,
    /// Proceed although the slug is not the workspace's URL key, or the slug's secret or the
    /// workspace's row belongs to another slug/workspace
    #[arg(long)]
    pub force: bool,
    /// Show the authorize URL parameters and the writes, touch nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct WorkspacesArgs {}

#[derive(Debug, Args)]
pub struct LinearUpdateWebhookSecretArgs {
    /// Workspace slug
    #[arg(value_parser = crate::domain::linear::slug, value_name = "SLUG")]
    pub slug: String,
    /// Read the webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)
    #[arg(long)]
    pub webhook_secret_stdin: bool,
    /// Show what would be written, touch nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct OnboardProjectArgs {
    /// Full Linear project id (a UUID; see `bgagent linear projects`)
    #[arg(value_parser = crate::domain::linear::project_id, value_name = "PROJECT-ID")]
    pub project_id: String,
    /// Repository to run tasks in (owner/repo, onboarded and active on the platform)
    #[arg(long, value_parser = crate::domain::validate::repo, value_name = "OWNER/REPO")]
    pub repo: String,
    /// Workspace the project belongs to (needed when several are registered)
    #[arg(long, value_parser = crate::domain::linear::slug, value_name = "SLUG")]
    pub slug: Option<String>,
    /// Trigger label (default bgagent; kept on re-runs when not given)
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,
    /// Linear team id to record with the mapping (informational)
    #[arg(long, value_name = "TEAM-ID")]
    pub team_id: Option<String>,
    /// Re-point a project that is mapped to another repository
    #[arg(long)]
    pub force: bool,
    /// Show the mapping that would be written, touch nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct LinearProjectsArgs {
    /// Only this workspace
    #[arg(long, value_parser = crate::domain::linear::slug, value_name = "SLUG")]
    pub slug: Option<String>,
}

#[derive(Debug, Args)]
pub struct LinearInviteUserArgs {
    /// Workspace slug
    #[arg(value_parser = crate::domain::linear::slug, value_name = "SLUG")]
    pub slug: String,
    /// Linear user id, email or name of the teammate
    pub user: String,
    #[command(flatten)]
    pub invite: crate::cli::InviteCodeArgs,
}

#[derive(Debug, Args)]
pub struct RemoveWorkspaceArgs {
    /// Workspace slug (typed again to confirm, unless --yes)
    #[arg(value_parser = crate::domain::linear::slug, value_name = "SLUG")]
    pub slug: String,
    /// Also delete the registry row (after the bundle's deletion succeeded)
    #[arg(long)]
    pub purge: bool,
    /// Recovery window of the deleted bundle, in days (7 to 30)
    #[arg(long, conflicts_with = "force_delete", default_value_t = 7,
          value_parser = clap::value_parser!(i64).range(7..=30), value_name = "DAYS")]
    pub recovery_days: i64,
    /// Delete the bundle immediately, without a recovery window (IRREVERSIBLE; the slug can be set up again at once)
    #[arg(long)]
    pub force_delete: bool,
    /// Platform user recorded as remover (else the logged-in identity)
    #[arg(
        long,
        env = "BGAGENT_PLATFORM_USER_ID",
        hide_env_values = true,
        value_name = "SUB"
    )]
    pub platform_user_id: Option<String>,
    /// Show what would change, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct LinearDoctorArgs {
    /// Workspace slug [default: the sole active workspace]
    #[arg(value_parser = crate::domain::linear::slug, value_name = "SLUG")]
    pub slug: Option<String>,
    /// Also refresh the token once; this ROTATES the refresh token (the new one is stored)
    #[arg(long)]
    pub verify_refresh: bool,
    /// Do not POST the signed probe to the webhook receiver (reported as skipped)
    #[arg(long)]
    pub skip_webhook_probe: bool,
}
