//! The Linear wire rows of `CONTRACT-linear.md` §7 as typed structs, the same way as the Jira
//! rows of [`super::rows`]: `serde_dynamo` for the known attributes, and every attribute a
//! struct does not know kept in `extra` and written back by [`Row::to_item`], so a
//! read-modify-write never drops another writer's fields.
//!
//! `team_keys` of the registry row stays in `extra` on purpose: the Lambdas only read it as a
//! list of strings (`L`), and a row written by hand may hold a string set (`SS`) or something
//! else; kept untyped, it survives exactly as it is and [`LinearWorkspaceRow::team_keys`] reads
//! it as the Lambdas do.

use serde::{Deserialize, Serialize};

use super::ddb::Item;
use super::rows::{Row, row};

/// `LinearWorkspaceRegistryTable`: one row per workspace, keyed by `linear_workspace_id` (the
/// Linear organization id).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinearWorkspaceRow {
    pub linear_workspace_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oauth_secret_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub installed_by_platform_user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub installed_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_by_platform_user_id: Option<String>,
    #[serde(skip)]
    pub extra: Item,
}
row!(
    LinearWorkspaceRow,
    "Linear workspace registry row",
    [
        "linear_workspace_id",
        "workspace_slug",
        "oauth_secret_arn",
        "installed_by_platform_user_id",
        "installed_at",
        "updated_at",
        "status",
        "revoked_at",
        "revoked_reason",
        "revoked_by_platform_user_id"
    ]
);

impl LinearWorkspaceRow {
    /// `team_keys` as the issue lookup reads it: a list (`L`) of strings; anything else
    /// (a string set, a non-string element) counts for nothing.
    pub fn team_keys(&self) -> Vec<String> {
        self.extra
            .get("team_keys")
            .and_then(|v| v.as_l().ok())
            .map(|l| l.iter().filter_map(|k| k.as_s().ok().cloned()).collect())
            .unwrap_or_default()
    }
}

/// `LinearProjectMappingTable`: keyed by `linear_project_id` (the full project UUID).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinearProjectRow {
    pub linear_project_id: String,
    #[serde(default)]
    pub repo: String,
    #[serde(default)]
    pub label_filter: String,
    /// Debug only: no Lambda reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<String>,
    /// Recorded by bgagent (absent on rows of the TypeScript CLI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linear_workspace_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_slug: Option<String>,
    #[serde(default)]
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onboarded_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(skip)]
    pub extra: Item,
}
row!(
    LinearProjectRow,
    "Linear project mapping row",
    [
        "linear_project_id",
        "repo",
        "label_filter",
        "team_id",
        "linear_workspace_id",
        "workspace_slug",
        "status",
        "onboarded_at",
        "updated_at"
    ]
);

/// `LinearUserMappingTable`, a pending invite: keyed by `pending#<code>`, expiring at `ttl`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinearInviteRow {
    pub linear_identity: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub linear_workspace_id: String,
    #[serde(default)]
    pub linear_workspace_slug: String,
    #[serde(default)]
    pub linear_user_id: String,
    #[serde(default)]
    pub linear_user_name: String,
    #[serde(default)]
    pub linear_user_email: String,
    #[serde(default)]
    pub invited_at: String,
    #[serde(default)]
    pub invited_by_platform_user_id: String,
    /// Epoch seconds (DynamoDB TTL attribute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<i64>,
    #[serde(skip)]
    pub extra: Item,
}
row!(
    LinearInviteRow,
    "Linear pending invite row",
    [
        "linear_identity",
        "status",
        "linear_workspace_id",
        "linear_workspace_slug",
        "linear_user_id",
        "linear_user_name",
        "linear_user_email",
        "invited_at",
        "invited_by_platform_user_id",
        "ttl"
    ]
);

/// `LinearUserMappingTable`, a link: keyed by `<workspace id>#<Linear user id>`. The processor
/// counts every row that is not `pending` as linked.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinearLinkRow {
    pub linear_identity: String,
    #[serde(default)]
    pub platform_user_id: String,
    #[serde(default)]
    pub linear_workspace_id: String,
    #[serde(default)]
    pub linear_user_id: String,
    #[serde(default)]
    pub linked_at: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub link_method: String,
    #[serde(skip)]
    pub extra: Item,
}
row!(
    LinearLinkRow,
    "Linear user link row",
    [
        "linear_identity",
        "platform_user_id",
        "linear_workspace_id",
        "linear_user_id",
        "linked_at",
        "status",
        "link_method"
    ]
);

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::types::AttributeValue as A;

    fn s(v: &str) -> A {
        A::S(v.into())
    }

    #[test]
    fn registry_row_keeps_team_keys_and_unknown_attributes_as_they_are() {
        let item = Item::from([
            ("linear_workspace_id".into(), s("org-1")),
            ("workspace_slug".into(), s("acme")),
            ("status".into(), s("active")),
            ("team_keys".into(), A::L(vec![s("ENG"), s("OPS")])),
            ("secret_deletion_failed".into(), A::Bool(true)),
        ]);
        let row = LinearWorkspaceRow::from_item(item.clone()).unwrap();
        assert_eq!(row.workspace_slug.as_deref(), Some("acme"));
        assert_eq!(row.oauth_secret_arn, None);
        assert_eq!(row.team_keys(), ["ENG", "OPS"]);
        assert_eq!(
            row.to_item(),
            item,
            "a read-write round trip changes nothing"
        );
        // A string set is kept as it is, and read as no keys (as the Lambdas do).
        let mut ss = item.clone();
        ss.insert("team_keys".into(), A::Ss(vec!["ENG".into()]));
        let row = LinearWorkspaceRow::from_item(ss.clone()).unwrap();
        assert!(row.team_keys().is_empty());
        assert_eq!(row.to_item()["team_keys"], ss["team_keys"]);
    }

    #[test]
    fn project_row_writes_the_contract_keys_and_keeps_the_rest() {
        let item = Item::from([
            ("linear_project_id".into(), s("p-1")),
            ("repo".into(), s("acme/widgets")),
            ("label_filter".into(), s("bgagent")),
            ("status".into(), s("active")),
            ("onboarded_at".into(), s("2026-01-01T00:00:00.000Z")),
            ("x_owner".into(), s("ops")),
        ]);
        let mut row = LinearProjectRow::from_item(item).unwrap();
        assert_eq!(row.updated_at, None);
        row.repo = "acme/other".into();
        let out = row.to_item();
        assert_eq!(out["repo"], s("acme/other"));
        assert_eq!(out["x_owner"], s("ops"));
        assert!(!out.contains_key("updated_at") && !out.contains_key("team_id"));
    }

    #[test]
    fn invite_ttl_is_a_number_and_link_row_has_the_contract_keys() {
        let invite = LinearInviteRow {
            linear_identity: "pending#link-abcdefgh".into(),
            status: "pending".into(),
            ttl: Some(1_800_000_000),
            ..Default::default()
        };
        let item = invite.to_item();
        assert_eq!(item["ttl"], A::N("1800000000".into()));
        assert_eq!(
            item["linear_user_name"],
            s(""),
            "'' when none, as the contract says"
        );
        assert_eq!(LinearInviteRow::from_item(item).unwrap(), invite);
        let link = LinearLinkRow {
            linear_identity: "org#u".into(),
            status: "active".into(),
            link_method: "cli".into(),
            ..Default::default()
        }
        .to_item();
        let mut keys: Vec<&str> = link.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "linear_identity",
                "linear_user_id",
                "linear_workspace_id",
                "link_method",
                "linked_at",
                "platform_user_id",
                "status"
            ]
        );
    }
}
