//! `bgagent jira link <code> --via api`: the shared API-link driver
//! ([`crate::commands::link_api`]) with Jira's route `POST <api_url>jira/link`, field names and
//! wording.

use crate::cli::LinkArgs;
use crate::commands::link_api::{ApiLink, Field};
use crate::error::Result;
use crate::terminal::Ui;

pub use crate::commands::link_api::use_api;

pub const JIRA: ApiLink = ApiLink {
    route: "jira",
    place_id: Field {
        from: "jira_cloud_id",
        key: "cloud_id",
    },
    place_name: Field {
        from: "jira_site_url",
        key: "site_url",
    },
    user_id: Field {
        from: "jira_account_id",
        key: "jira_account_id",
    },
    user_name: Field {
        from: "jira_user_name",
        key: "jira_user_name",
    },
    user_email: Field {
        from: "jira_user_email",
        key: "jira_user_email",
    },
    intro: "About to link this Jira identity to YOUR platform account (the logged-in user):",
    user_label: "Jira user:",
    place_label: "Jira site:",
    show_platform_email: true,
    consequence: Some("Issues this Jira user labels will run as your platform account."),
    dry_run_tail: ", the code is still valid",
    done_prefix: "Linked Jira account",
    done_suffix: "(via api: the platform API linked the logged-in user)",
    new_code_hint: "ask your Jira admin for a new code (`bgagent jira invite-user <cloud-id> <you>`)",
};

pub async fn run(a: LinkArgs, ui: &Ui) -> Result<()> {
    crate::commands::link_api::run(&JIRA, a, ui).await
}
