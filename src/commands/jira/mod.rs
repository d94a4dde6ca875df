//! `bgagent jira …`: one file per subcommand.

pub mod app_setup;
pub mod app_template;
pub mod cr;
pub mod doctor;
pub mod invite_user;
pub mod link;
pub mod link_api;
pub mod map;
pub mod projects;
pub mod revoke;
pub mod setup;
pub mod tenant;
pub mod tenant_token;
pub mod tenants;
pub mod unlink;
pub mod unmap;
pub mod update_webhook_secret;
pub mod users;
pub mod webhook_secret;
pub mod webhook_test;

use crate::cli::{GlobalArgs, JiraCommand};
use crate::error::Result;
use crate::terminal::Ui;

// Moved out of this file (it keeps dispatch only); the old paths keep working.
#[doc(hidden)]
pub use crate::aws::Ctx;
#[doc(hidden)]
pub use crate::terminal::ui::table;
#[doc(hidden)]
pub use tenant::{
    ActiveTenant, active_tenants, check_active_tenant, linked_platform_user, require_active_tenant,
    second_tenant_error,
};

pub fn run(cmd: JiraCommand, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    use JiraCommand::*;
    if !matches!(cmd, AppTemplate(_)) {
        // Ctrl-C says what was written (commands record their writes as they go).
        crate::terminal::interrupt::install();
    }
    match cmd {
        AppTemplate(a) => app_template::run(&a, ui),
        Setup(a) => super::block_on(setup::run(a, g, ui)),
        UpdateWebhookSecret(a) => super::block_on(update_webhook_secret::run(a, g, ui)),
        Tenants(_) => super::block_on(tenants::run(g, ui)),
        Map(a) => super::block_on(map::run(a, g, ui)),
        Unmap(a) => super::block_on(unmap::run(a, g, ui)),
        Projects(a) => super::block_on(projects::run(a, g, ui)),
        InviteUser(a) => super::block_on(invite_user::run(a, g, ui)),
        Link(a) => super::block_on(link::run(a, g, ui)),
        Users(a) => super::block_on(users::run(a, g, ui)),
        Unlink(a) => super::block_on(unlink::run(a, g, ui)),
        AppSetup(a) => super::block_on(app_setup::run(a, g, ui)),
        Cr(c) => cr::run(c.0, g, ui),
        Doctor(a) => super::block_on(doctor::run(a, g, ui)),
        Webhook(crate::cli::Deferred(crate::cli::WebhookCommand::Test(a))) => {
            super::block_on(webhook_test::run(a, g, ui))
        }
        Revoke(a) => super::block_on(revoke::run(a, g, ui)),
    }
}

/// The paths other code used before the move keep compiling.
#[cfg(test)]
#[allow(unused_imports)]
mod old_paths {
    use super::{
        ActiveTenant, Ctx, active_tenants, check_active_tenant, linked_platform_user,
        require_active_tenant, second_tenant_error, table,
    };
    use crate::aws::ddb::{Item, get_s, key, s, scan_all};
}
