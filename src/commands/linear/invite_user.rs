//! `bgagent linear invite-user <slug> <user>`: resolve the Linear user (with a token refreshed
//! rotation-safely when due), mint a one-time code and write the pending row — never over
//! another one (`attribute_not_exists`).

use super::args::LinearInviteUserArgs;
use super::graphql_err;
use crate::aws::linear_rows::{LinearInviteRow, LinearLinkRow};
use crate::aws::rows::Row;
use crate::aws::{Output, ddb};
use crate::cli::GlobalArgs;
use crate::commands::jira::invite_user::put_invite;
use crate::domain::{duration, timefmt};
use crate::error::{Error, Result};
use crate::linear::graphql::{self, Member};
use crate::terminal::{Ui, prompt};

/// The member `query` names: an exact id or email, else the one whose name contains it
/// (case-insensitive). Several: `Err` with the candidates (pure).
pub fn pick(query: &str, members: &[Member]) -> Result<Member, Vec<Member>> {
    let q = query.trim().to_lowercase();
    if let Some(m) = members
        .iter()
        .find(|m| m.id == query.trim() || (!m.email.is_empty() && m.email.to_lowercase() == q))
    {
        return Ok(m.clone());
    }
    let found: Vec<Member> = members
        .iter()
        .filter(|m| !q.is_empty() && m.name.to_lowercase().contains(&q))
        .cloned()
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(found),
    }
}

pub async fn run(a: LinearInviteUserArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let ctx = super::ctx(g, ui, &[Output::LinearRegistry, Output::LinearUsers]).await?;
    let inviter =
        crate::platform::credentials::platform_user_id(a.invite.platform_user_id.as_deref(), ui)
            .await?;
    let w = super::require_active(&ctx, ui, &a.slug).await?;
    let bundle = super::fresh_bundle(&ctx, ui, &w, false).await?;
    let members = graphql::members(ui, bundle.str("access_token").unwrap_or_default())
        .await
        .map_err(|e| graphql_err(e, &w.slug))?;
    let user = match pick(&a.user, &members) {
        Ok(u) => u,
        Err(cands) if cands.is_empty() => {
            return Err(Error::usage(format!(
                "no active member of workspace '{}' matches '{}'",
                a.slug, a.user
            ))
            .cause(format!(
                "members: {}",
                members
                    .iter()
                    .map(Member::label)
                    .collect::<Vec<_>>()
                    .join("; ")
            ))
            .not_written("nothing")
            .hint("pass the member's Linear user id, email or a unique part of the name"));
        }
        Err(cands) => {
            let items: Vec<String> = cands
                .iter()
                .map(|m| format!("{} [{}]", m.label(), m.id))
                .collect();
            let e = Error::usage(format!("{} members match '{}'", cands.len(), a.user))
                .cause(items.join("; "))
                .not_written("nothing")
                .hint("pass the member's email or Linear user id");
            let i = prompt::select(ui, "Which one is the teammate?", &items, e)?;
            cands[i].clone()
        }
    };
    let link_key = format!("{}#{}", w.id, user.id);
    let current = ctx
        .get(ui, Output::LinearUsers, "linear_identity", &link_key)
        .await?
        .map(LinearLinkRow::from_item)
        .transpose()?
        .filter(|r| r.status != "pending" && !r.platform_user_id.is_empty())
        .map(|r| r.platform_user_id);
    if let Some(p) = &current {
        ui.warn(format!(
            "this Linear user is linked to platform user {p} now; redeeming the code moves the link"
        ));
    }
    let now = timefmt::now();
    let expires = now + time::Duration::seconds(a.invite.ttl.as_secs() as i64);
    let row_for = |code: &str| {
        LinearInviteRow {
            linear_identity: format!("pending#{code}"),
            status: "pending".into(),
            linear_workspace_id: w.id.clone(),
            linear_workspace_slug: w.slug.clone(),
            linear_user_id: user.id.clone(),
            linear_user_name: user.name.clone(),
            linear_user_email: user.email.clone(),
            invited_at: timefmt::iso_ms(now),
            invited_by_platform_user_id: inviter.clone(),
            ttl: Some(timefmt::epoch_secs(expires)),
            extra: Default::default(),
        }
        .to_item()
    };
    let summary = |code: Option<&str>, dry: bool| {
        serde_json::json!({
            "dry_run": dry,
            "code": code,
            "link_command": code.map(|c| format!("bgagent linear link {c}")),
            "expires_at": timefmt::iso_ms(expires),
            "ttl": timefmt::epoch_secs(expires),
            "workspace_slug": w.slug,
            "workspace_id": w.id,
            "linear_user_id": user.id,
            "linear_user_name": user.name,
            "linear_user_email": user.email,
            "invited_by_platform_user_id": inviter,
            "already_linked_to": current,
        })
    };
    if a.invite.dry_run {
        ui.say("Dry run: would write this invite (with a fresh code). Nothing was written.");
        ui.say(
            serde_json::to_string_pretty(&ddb::to_json(&row_for("link-XXXXXXXX")))
                .unwrap_or_default(),
        );
        ui.emit_json(&summary(None, true));
        return Ok(());
    }
    let table = ctx.out.get(Output::LinearUsers);
    let code = put_invite(&ctx.ddb, ui, table, "linear_identity", row_for).await?;
    ui.ok("Invite created");
    ui.say("Send this to the teammate:");
    ui.result(format!("    bgagent linear link {code}"));
    ui.say(format!("  Linear user:  {}", user.label()));
    ui.say(format!("  Workspace:    {}", w.slug));
    ui.say(format!(
        "  Expires:      {} ({})",
        timefmt::iso_ms(expires),
        duration::human(a.invite.ttl)
    ));
    ui.emit_json(&summary(Some(&code), false));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, name: &str, email: &str) -> Member {
        Member {
            id: id.into(),
            name: name.into(),
            email: email.into(),
        }
    }

    #[test]
    fn picks_id_email_then_unique_name() {
        let ms = [
            m("u1", "Sam Dev", "sam@acme.io"),
            m("u2", "Samantha Ops", "sa@acme.io"),
        ];
        assert_eq!(pick("u2", &ms).unwrap().id, "u2");
        assert_eq!(pick("SAM@acme.io", &ms).unwrap().id, "u1");
        assert_eq!(pick("ops", &ms).unwrap().id, "u2");
        assert_eq!(pick("sam", &ms).unwrap_err().len(), 2);
        assert!(pick("nobody", &ms).unwrap_err().is_empty());
    }
}
