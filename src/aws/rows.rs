//! The wire rows of `CONTRACT.md` as typed structs, converted to and from DynamoDB items by
//! `serde_dynamo`: the registry row, the project mapping, the pending invite and the active link.
//!
//! Every row keeps the attributes it does not know in `extra` (not serialised by serde, merged
//! back by [`Row::to_item`]), so a read-modify-write never drops another writer's fields.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_dynamo::aws_sdk_dynamodb_1 as dynamo;

use super::ddb::Item;
use crate::error::{Error, Result};

/// A typed row: its known attribute names, and the attributes it does not know.
pub trait Row: Serialize + DeserializeOwned {
    /// What the row is called in messages.
    const WHAT: &'static str;
    /// Attribute names the struct knows (everything else goes to `extra`).
    const FIELDS: &'static [&'static str];
    fn extra(&self) -> &Item;
    fn extra_mut(&mut self) -> &mut Item;

    /// Reads a row; attributes the struct does not know are kept in `extra`.
    fn from_item(item: Item) -> Result<Self> {
        let mut row: Self = dynamo::from_item(item.clone()).map_err(|e| {
            Error::failure(format!(
                "a {} in DynamoDB has an unexpected shape",
                Self::WHAT
            ))
            .cause(e)
            .hint("fix the row by hand (see CONTRACT.md for its attributes) and re-run")
        })?;
        *row.extra_mut() = item
            .into_iter()
            .filter(|(k, _)| !Self::FIELDS.contains(&k.as_str()))
            .collect();
        Ok(row)
    }

    /// The item to write: the known attributes plus the kept unknown ones.
    fn to_item(&self) -> Item {
        let mut item: Item = dynamo::to_item(self).expect("a row serialises to an item");
        for (k, v) in self.extra() {
            item.entry(k.clone()).or_insert_with(|| v.clone());
        }
        item
    }
}

macro_rules! row {
    ($t:ty, $what:literal, [$($f:literal),* $(,)?]) => {
        impl Row for $t {
            const WHAT: &'static str = $what;
            const FIELDS: &'static [&'static str] = &[$($f),*];
            fn extra(&self) -> &Item {
                &self.extra
            }
            fn extra_mut(&mut self) -> &mut Item {
                &mut self.extra
            }
        }
    };
}
pub(crate) use row;

/// `JiraWorkspaceRegistryTable`: one row per tenant, keyed by `jira_cloud_id`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RegistryRow {
    pub jira_cloud_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_url: Option<String>,
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
    #[serde(skip)]
    pub extra: Item,
}
row!(
    RegistryRow,
    "tenant registry row",
    [
        "jira_cloud_id",
        "site_url",
        "oauth_secret_arn",
        "installed_by_platform_user_id",
        "installed_at",
        "updated_at",
        "status"
    ]
);

/// `JiraProjectMappingTable`: keyed by `jira_project_identity` = `<cloud id>#<project key>`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MappingRow {
    pub jira_project_identity: String,
    #[serde(default)]
    pub cloud_id: String,
    #[serde(default)]
    pub project_key: String,
    #[serde(default)]
    pub repo: String,
    #[serde(default)]
    pub label_filter: String,
    #[serde(default)]
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_on_start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_on_pr: Option<String>,
    #[serde(default)]
    pub onboarded_at: String,
    /// Absent on rows written by hand or by older tooling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(skip)]
    pub extra: Item,
}
row!(
    MappingRow,
    "project mapping row",
    [
        "jira_project_identity",
        "cloud_id",
        "project_key",
        "repo",
        "label_filter",
        "status",
        "status_on_start",
        "status_on_pr",
        "onboarded_at",
        "updated_at"
    ]
);

/// `JiraUserMappingTable`, a pending invite: keyed by `pending#<code>`, expiring at `ttl`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InviteRow {
    pub jira_identity: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub jira_cloud_id: String,
    #[serde(default)]
    pub jira_site_url: String,
    #[serde(default)]
    pub jira_account_id: String,
    #[serde(default)]
    pub jira_user_name: String,
    #[serde(default)]
    pub jira_user_email: String,
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
    InviteRow,
    "pending invite row",
    [
        "jira_identity",
        "status",
        "jira_cloud_id",
        "jira_site_url",
        "jira_account_id",
        "jira_user_name",
        "jira_user_email",
        "invited_at",
        "invited_by_platform_user_id",
        "ttl"
    ]
);

/// `JiraUserMappingTable`, an active link: keyed by `<cloud id>#<account id>`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinkRow {
    pub jira_identity: String,
    #[serde(default)]
    pub platform_user_id: String,
    #[serde(default)]
    pub jira_cloud_id: String,
    #[serde(default)]
    pub jira_account_id: String,
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
    LinkRow,
    "user link row",
    [
        "jira_identity",
        "platform_user_id",
        "jira_cloud_id",
        "jira_account_id",
        "linked_at",
        "status",
        "link_method"
    ]
);

/// An item as a JSON object (for `--output json` and dry runs), through the same serde mapping.
pub fn to_json(item: &Item) -> serde_json::Value {
    dynamo::from_item::<serde_json::Value>(item.clone()).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::types::AttributeValue;

    #[test]
    fn unknown_attributes_survive_a_round_trip() {
        let item = Item::from([
            (
                "jira_project_identity".into(),
                AttributeValue::S("c#ENG".into()),
            ),
            ("repo".into(), AttributeValue::S("a/b".into())),
            (
                "x_set".into(),
                AttributeValue::Ss(vec!["p".into(), "q".into()]),
            ),
            ("x_num".into(), AttributeValue::N("7".into())),
        ]);
        let mut row = MappingRow::from_item(item).unwrap();
        assert_eq!(row.repo, "a/b");
        assert_eq!(row.updated_at, None);
        row.repo = "c/d".into();
        let out = row.to_item();
        assert_eq!(out["repo"], AttributeValue::S("c/d".into()));
        assert_eq!(
            out["x_set"],
            AttributeValue::Ss(vec!["p".into(), "q".into()])
        );
        assert_eq!(out["x_num"], AttributeValue::N("7".into()));
        assert!(!out.contains_key("updated_at"));
    }

    #[test]
    fn ttl_is_a_number_and_json_matches() {
        let row = InviteRow {
            jira_identity: "pending#link-abc".into(),
            status: "pending".into(),
            ttl: Some(1_800_000_000),
            ..Default::default()
        };
        let item = row.to_item();
        assert_eq!(item["ttl"], AttributeValue::N("1800000000".into()));
        assert_eq!(to_json(&item)["ttl"], 1_800_000_000);
        assert_eq!(InviteRow::from_item(item).unwrap(), row);
        let bad = Item::from([
            ("jira_identity".into(), AttributeValue::S("x".into())),
            ("ttl".into(), AttributeValue::S("soon".into())),
        ]);
        assert!(InviteRow::from_item(bad).is_err());
    }
}
