//! `bgagent linear link <code> --via api`: the shared API-link driver
//! ([`crate::commands::link_api`]) with Linear's route `POST <api_url>linear/link`, field names
//! and wording. `--via` defaults as for `jira link` (`api` when logged in and no platform user
//! was given).

use crate::cli::LinkArgs;
use crate::commands::link_api::{ApiLink, Field};
use crate::error::Result;
use crate::terminal::Ui;

/// Linear's answer and our JSON document use the same names.
const fn same(name: &'static str) -> Field {
    Field {
        from: name,
        key: name,
    }
}

pub const LINEAR: ApiLink = ApiLink {
    route: "linear",
    place_id: same("linear_workspace_id"),
    place_name: same("linear_workspace_slug"),
    user_id: same("linear_user_id"),
    user_name: same("linear_user_name"),
    user_email: same("linear_user_email"),
    intro: "About to link this Linear user to YOUR platform account (the logged-in user):",
    user_label: "Linear user:",
    place_label: "Linear workspace:",
    show_platform_email: false,
    consequence: None,
    dry_run_tail: "",
    done_prefix: "Linked Linear user",
    done_suffix: "(via api)",
    new_code_hint: "ask your Linear admin for a new code (`bgagent linear invite-user <slug> <you>`)",
};

pub async fn run(a: LinkArgs, ui: &Ui) -> Result<()> {
    crate::commands::link_api::run(&LINEAR, a, ui).await
}
