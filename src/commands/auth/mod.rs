//! `bgagent configure`, `login`, `logout`, `whoami`: the platform identity (Cognito) that
//! `jira link --via api`, the approval commands and the audit fields of `setup` / `invite-user` /
//! `link` use. Files and calls live in `crate::platform`.

pub mod configure;
pub mod login;
pub mod logout;
pub mod whoami;

use clap::Args;

#[derive(Debug, Args)]
pub struct ConfigureArgs {
    /// Platform REST API URL, with its stage (the stack's `ApiUrl` output, e.g. https://…/v1/)
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
    /// Registry API URL (the stack's optional `RegistryApiUrl` output)
    #[arg(long, value_name = "URL")]
    pub registry_api_url: Option<String>,
    /// Cognito user pool id, `<region>_<id>` (the stack's `UserPoolId` output)
    #[arg(long, value_name = "ID")]
    pub user_pool_id: Option<String>,
    /// Cognito app client id (the stack's `AppClientId` output)
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Configuration bundle from an admin: base64 of {api_url, region, user_pool_id, client_id}
    #[arg(
        long,
        value_name = "BASE64",
        conflicts_with_all = ["api_url", "registry_api_url", "user_pool_id", "client_id", "no_stack"]
    )]
    pub from_bundle: Option<String>,
    /// Do not read the stack's outputs: use only the flags and the existing config.json
    #[arg(long)]
    pub no_stack: bool,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Cognito username (usually your email); prompted when absent
    #[arg(long, env = "BGAGENT_USERNAME", value_name = "USER")]
    pub username: Option<String>,
    /// Read the password from stdin, one line (or set BGAGENT_PASSWORD; else a masked prompt)
    #[arg(long)]
    pub password_stdin: bool,
    /// When Cognito asks for a new password (first login of an invited user), read it from stdin
    /// (after the password line with --password-stdin; or set BGAGENT_NEW_PASSWORD)
    #[arg(long)]
    pub new_password_stdin: bool,
    /// MFA code (authenticator app or SMS) when the pool asks for one; prompted when absent
    #[arg(long, value_name = "CODE")]
    pub mfa_code: Option<String>,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Also revoke the refresh token at Cognito (signs this user out on every device)
    #[arg(long)]
    pub everywhere: bool,
}

#[derive(Debug, Args)]
pub struct WhoamiArgs {}
