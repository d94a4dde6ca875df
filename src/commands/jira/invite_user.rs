//! `bgagent jira invite-user <cloud-id> <account-id|email|name>`: resolve the Jira user, mint a
//! one-time code and write the pending row (never over another one).

use std::future::Future;

use super::tenant::{linked_platform_user, require_active_tenant};
use super::tenant_token;
use crate::atlassian::api::{self, JiraUser};
use crate::aws::Ctx;
use crate::aws::rows::{InviteRow, Row};
use crate::aws::{Output, ddb, sdk_error};
use crate::cli::{GlobalArgs, InviteUserArgs};
use crate::domain::{duration, invite_code, timefmt};
use crate::error::{Error, Result};
use crate::terminal::{Ui, prompt};

/// How many fresh codes to try when a code collides with an existing pending row.
pub const MINT_ATTEMPTS: usize = 5;

/// Mints codes until `try_put` accepts one (returns Ok(false) on a collision).
pub async fn mint_unique<G, P, F>(mut generate: G, mut try_put: P) -> Result<String>
where
    G: FnMut() -> String,
    P: FnMut(String) -> F,
    F: Future<Output = Result<bool>>,
{
    for _ in 0..MINT_ATTEMPTS {
        let code = generate();
        if try_put(code.clone()).await? {
            return Ok(code);
        }
    }
    Err(Error::failure(format!(
        "{MINT_ATTEMPTS} invite codes in a row collided with existing invites"
    ))
    .not_written("the invite")
    .hint("this should not happen with random codes: check the random source, then re-run"))
}

/// Writes the pending invite row `row_for(code)` under a fresh code: `PutItem` on `table`,
/// never over an existing row (`attribute_not_exists(<key>)`); a collision draws another code.
/// Returns the code. Used by `jira invite-user` and `linear invite-user`.
pub async fn put_invite(
    ddb: &aws_sdk_dynamodb::Client,
    ui: &Ui,
    table: &str,
    key: &str,
    row_for: impl Fn(&str) -> ddb::Item,
) -> Result<String> {
    let condition = format!("attribute_not_exists({key})");
    mint_unique(invite_code::new_code, |code| {
        let put = ddb
            .put_item()
            .table_name(table)
            .set_item(Some(row_for(&code)))
            .condition_expression(&condition);
        async move {
            ui.debug(format!("dynamodb:PutItem {table} pending#…"));
            match put.send().await {
                Ok(_) => Ok(true),
                Err(e)
                    if e.as_service_error()
                        .is_some_and(|s| s.is_conditional_check_failed_exception()) =>
                {
                    ui.debug("invite code collided with an existing invite; drawing another");
                    Ok(false)
                }
                Err(e) => Err(sdk_error("could not write the invite", e).not_written("the invite")),
            }
        }
    })
    .await
}

fn list(users: &[JiraUser]) -> String {
    users
        .iter()
        .map(|u| format!("- {}", u.label()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Picks the Jira user from a search result (pure): exact account id, exact email, exact name,
/// or the single remaining candidate. `Err(candidates)` when it is ambiguous.
pub fn pick(query: &str, found: Vec<JiraUser>) -> Result<JiraUser, Vec<JiraUser>> {
    let q = query.trim();
    let candidates: Vec<JiraUser> = found.into_iter().filter(JiraUser::linkable).collect();
    if let Some(u) = candidates.iter().find(|u| u.account_id == q) {
        return Ok(u.clone());
    }
    let by = |f: &dyn Fn(&JiraUser) -> Option<String>| -> Vec<JiraUser> {
        candidates
            .iter()
            .filter(|u| f(u).is_some_and(|v| v.eq_ignore_ascii_case(q)))
            .cloned()
            .collect()
    };
    for exact in [
        by(&|u| u.email_address.clone()),
        by(&|u| u.display_name.clone()),
    ] {
        if exact.len() == 1 {
            return Ok(exact.into_iter().next().expect("one"));
        }
    }
    if candidates.len() == 1 {
        return Ok(candidates.into_iter().next().expect("one"));
    }
    Err(candidates)
}

async fn resolve_user(ui: &Ui, cloud_id: &str, token: &str, query: &str) -> Result<JiraUser> {
    let q = query.trim();
    let looks_like_id = !q.contains('@') && !q.contains(char::is_whitespace);
    if looks_like_id && let Some(u) = api::user_by_id(ui, cloud_id, token, q).await? {
        if !u.linkable() {
            return Err(Error::usage(format!(
                "Jira account {} is {}; only active people can be linked",
                u.label(),
                if u.account_type.as_deref() == Some("app") {
                    "an app account"
                } else {
                    "inactive"
                }
            ))
            .not_written("the invite"));
        }
        return Ok(u);
    }
    let found = api::user_search(ui, cloud_id, token, q).await?;
    let skipped = found.iter().filter(|u| !u.linkable()).count();
    match pick(q, found) {
        Ok(u) => Ok(u),
        Err(c) if c.is_empty() => {
            let mut e = Error::usage(format!(
                "no active Jira user matches '{q}' in tenant {cloud_id}"
            ))
            .not_written("the invite");
            if skipped > 0 {
                e = e.cause(format!(
                    "{skipped} match(es) left out: inactive or app accounts"
                ));
            }
            Err(e.hint("check the spelling, or pass the Jira account id (Jira → profile → the id in the URL); user search also needs the 'Browse users and groups' permission"))
        }
        Err(c) => {
            let items: Vec<String> = c.iter().map(JiraUser::label).collect();
            let e = Error::usage(format!("'{q}' matches {} Jira users:\n{}", c.len(), list(&c)))
                .not_written("the invite")
                .hint("pass the account id of the right user, e.g. `bgagent jira invite-user <cloud-id> <accountId>`");
            let i = prompt::select(ui, "Which Jira user is the teammate?", &items, e)?;
            Ok(c[i].clone())
        }
    }
}

pub async fn run(a: InviteUserArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = Ctx::new(g, ui, &[Output::Registry, Output::Users]).await?;
    let inviter =
        crate::platform::credentials::platform_user_id(a.invite.platform_user_id.as_deref(), ui)
            .await?;
    // The registry row and the bundle by its fixed name, in parallel (one round trip). The
    // bundle is only used once the row says the tenant is active and names that secret.
    let sm = ctx.aws.secrets();
    let name = crate::domain::bundle::secret_name(&a.cloud_id);
    ui.debug(format!("secretsmanager:GetSecretValue {name}"));
    let (tenant, by_name) = tokio::join!(
        require_active_tenant(&ctx, ui, &a.cloud_id),
        crate::aws::secrets::get(&sm, &name),
    );
    let tenant = tenant?;
    let id = tenant.bundle_id();
    let bundle = match by_name {
        Ok(cur) if tenant_token::arn_names(&tenant.oauth_secret_arn, &name) => {
            tenant_token::parse(cur, &a.cloud_id)?
        }
        // The registry points at another secret (or the read failed): read what it names.
        _ => tenant_token::read(&sm, ui, &id, &a.cloud_id).await?,
    };
    let bundle = tenant_token::freshen(&sm, ui, &id, &a.cloud_id, bundle).await?;
    let token = bundle.str("access_token").unwrap_or_default().to_string();
    let user = resolve_user(ui, &a.cloud_id, &token, &a.user).await?;
    ui.ok(format!("Jira user: {}", user.label()));

    let now = timefmt::now();
    let expires = now + time::Duration::seconds(a.invite.ttl.as_secs() as i64);
    let site_url = if tenant.site_url.is_empty() {
        bundle.str("site_url").unwrap_or_default().to_string()
    } else {
        tenant.site_url.clone()
    };
    let row_for = |code: &str| -> ddb::Item {
        InviteRow {
            jira_identity: format!("pending#{code}"),
            status: "pending".into(),
            jira_cloud_id: a.cloud_id.clone(),
            jira_site_url: site_url.clone(),
            jira_account_id: user.account_id.clone(),
            jira_user_name: user.display_name.clone().unwrap_or_default(),
            jira_user_email: user.email_address.clone().unwrap_or_default(),
            invited_at: timefmt::iso_ms(now),
            invited_by_platform_user_id: inviter.clone(),
            ttl: Some(timefmt::epoch_secs(expires)),
            extra: Default::default(),
        }
        .to_item()
    };
    // The account's current link and the invite write need only the account id: in parallel.
    let table = ctx.out.get(Output::Users);
    let mint = async {
        if a.invite.dry_run {
            return Ok(None);
        }
        crate::terminal::interrupt::writes_begin(
            &["the invite (a pending row with a fresh code)".to_string()],
            &format!(
                "bgagent jira users {}` to check, then `bgagent jira invite-user {} …",
                a.cloud_id, a.cloud_id
            ),
        );
        put_invite(&ctx.ddb, ui, table, "jira_identity", row_for)
            .await
            .map(Some)
    };
    let (linked_to, code) = tokio::join!(
        linked_platform_user(&ctx, ui, &a.cloud_id, &user.account_id),
        mint
    );
    let code = code?;
    let linked_to = match (linked_to, &code) {
        (Ok(l), _) => l,
        (Err(e), None) => return Err(e),
        (Err(e), Some(_)) => {
            ui.warn(format!(
                "the invite was written, but the account's current link could not be read: {}",
                e.message
            ));
            None
        }
    };
    if let Some(p) = &linked_to {
        ui.warn(format!(
            "{} is already linked to platform user {p}; redeeming this code re-links the account to whoever runs `bgagent jira link`",
            user.label()
        ));
    }
    let summary = |code: Option<&str>, dry: bool| {
        serde_json::json!({
            "dry_run": dry,
            "code": code,
            "link_command": code.map(|c| format!("bgagent jira link {c}")),
            "expires_at": timefmt::iso_ms(expires),
            "ttl": timefmt::epoch_secs(expires),
            "cloud_id": a.cloud_id,
            "site_url": site_url,
            "jira_account_id": user.account_id,
            "jira_user_name": user.display_name,
            "jira_user_email": user.email_address,
            "invited_by_platform_user_id": inviter,
            "already_linked_to": linked_to,
        })
    };
    if a.invite.dry_run {
        let preview = row_for("link-XXXXXXXX");
        ui.result("Dry run: would write this invite (with a fresh code). Nothing was written.");
        ui.result(serde_json::to_string_pretty(&ddb::to_json(&preview)).unwrap_or_default());
        ui.emit_json(&summary(None, true));
        return Ok(());
    }

    let code = code.expect("written unless --dry-run");

    ui.ok("Invite created");
    ui.result("Send this to the teammate (chat, email, …):");
    ui.result("");
    ui.result(format!("    bgagent jira link {code}"));
    ui.result("");
    ui.result(format!("  Jira user:    {}", user.label()));
    ui.result(format!(
        "  Jira tenant:  {}",
        if site_url.is_empty() {
            &a.cloud_id
        } else {
            &site_url
        }
    ));
    ui.result(format!(
        "  Expires:      {} ({})",
        timefmt::iso_ms(expires),
        duration::human(a.invite.ttl)
    ));
    ui.result("  The code works once; the teammate sees who it links before confirming.");
    ui.emit_json(&summary(Some(&code), false));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(id: &str, name: &str, email: Option<&str>, active: bool, kind: &str) -> JiraUser {
        JiraUser {
            account_id: id.into(),
            account_type: Some(kind.into()),
            active: Some(active),
            display_name: Some(name.into()),
            email_address: email.map(Into::into),
        }
    }

    #[test]
    fn picks_exact_then_single() {
        let sam1 = u("1", "Sam Lee", Some("sam.lee@x.io"), true, "atlassian");
        let sam2 = u("2", "Sam Park", Some("sam.park@x.io"), true, "atlassian");
        let bot = u("3", "Sam Bot", None, true, "app");
        let gone = u("4", "Sam Gone", None, false, "atlassian");
        let all = vec![sam1.clone(), sam2.clone(), bot, gone];
        assert_eq!(pick("sam.park@X.io", all.clone()), Ok(sam2.clone()));
        assert_eq!(pick("sam lee", all.clone()), Ok(sam1.clone()));
        assert_eq!(pick("2", all.clone()), Ok(sam2.clone()));
        assert_eq!(
            pick("Sam", all.clone()).unwrap_err().len(),
            2,
            "inactive and app accounts are left out"
        );
        assert_eq!(
            pick(
                "Sam",
                vec![sam1.clone(), u("3", "Sam Bot", None, true, "app")]
            ),
            Ok(sam1)
        );
        assert!(pick("x", vec![]).unwrap_err().is_empty());
    }

    #[test]
    fn mint_retries_collisions_then_gives_up() {
        let mut n = 0;
        let got = crate::commands::block_on(mint_unique(
            || {
                n += 1;
                format!("code{n}")
            },
            |c| async move { Ok(c == "code3") },
        ));
        assert_eq!(got.unwrap(), "code3");
        let never =
            crate::commands::block_on(mint_unique(|| "same".to_string(), |_| async { Ok(false) }));
        assert!(never.unwrap_err().message.contains("collided"));
    }
}
