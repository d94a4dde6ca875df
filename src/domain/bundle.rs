//! The per-tenant OAuth bundle stored in Secrets Manager (`bgagent-jira-oauth-<cloudId>`).
//! It is kept as a JSON object so that every rewrite keeps the fields this tool does not own.

use serde_json::{Map, Value};

pub const REQUIRED: [&str; 11] = [
    "access_token",
    "refresh_token",
    "expires_at",
    "scope",
    "client_id",
    "client_secret",
    "cloud_id",
    "site_url",
    "installed_at",
    "updated_at",
    "installed_by_platform_user_id",
];

pub const APP_ACTOR: [&str; 5] = [
    "app_actor_proxy_url",
    "app_actor_shared_secret",
    "app_actor_account_id",
    "app_actor_display_name",
    "app_actor_configured_at",
];

pub fn secret_name(cloud_id: &str) -> String {
    format!("bgagent-jira-oauth-{cloud_id}")
}

/// Holds tokens and secrets: its `Debug` lists the field names only.
#[derive(Clone, PartialEq)]
pub struct Bundle(pub Map<String, Value>);

impl std::fmt::Debug for Bundle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bundle")
            .field("fields", &self.0.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, PartialEq)]
pub enum BundleError {
    NotJson,
    NotObject,
    /// Required fields that are absent, not strings, or empty.
    Missing(Vec<&'static str>),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::NotJson => write!(f, "the stored bundle is not JSON"),
            BundleError::NotObject => write!(f, "the stored bundle is not a JSON object"),
            BundleError::Missing(m) => write!(
                f,
                "the stored bundle lacks required field(s): {}",
                m.join(", ")
            ),
        }
    }
}

impl Bundle {
    /// Parses any JSON object (no field checks): what read-modify-write starts from.
    pub fn parse_lenient(s: &str) -> Result<Bundle, BundleError> {
        match serde_json::from_str::<Value>(s) {
            Ok(Value::Object(m)) => Ok(Bundle(m)),
            Ok(_) => Err(BundleError::NotObject),
            Err(_) => Err(BundleError::NotJson),
        }
    }

    /// Parses and checks the eleven required fields the platform's Jira Lambdas insist on.
    pub fn parse(s: &str) -> Result<Bundle, BundleError> {
        Self::parse_required(s, &REQUIRED)
    }

    /// Parses and checks a provider's required fields (each a non-empty string).
    pub fn parse_required(s: &str, required: &[&'static str]) -> Result<Bundle, BundleError> {
        let b = Self::parse_lenient(s)?;
        let missing = b.missing_of(required);
        if missing.is_empty() {
            Ok(b)
        } else {
            Err(BundleError::Missing(missing))
        }
    }

    pub fn missing_required(&self) -> Vec<&'static str> {
        self.missing_of(&REQUIRED)
    }

    /// The fields of `required` that are absent, not strings, or empty.
    pub fn missing_of<'a>(&self, required: &[&'a str]) -> Vec<&'a str> {
        required
            .iter()
            .copied()
            .filter(|k| self.str(k).is_none_or(|v| v.is_empty()))
            .collect()
    }

    pub fn str(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }

    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        self.0.insert(key.to_string(), Value::String(value.into()));
    }

    /// Drops an incomplete `app_actor_*` set (the platform treats a partial set as a broken
    /// outbound identity). Returns the keys removed.
    pub fn drop_partial_app_actor(&mut self) -> Vec<&'static str> {
        let present: Vec<&'static str> = APP_ACTOR
            .iter()
            .copied()
            .filter(|k| self.0.contains_key(*k))
            .collect();
        if present.is_empty() || present.len() == APP_ACTOR.len() {
            return Vec::new();
        }
        for k in &present {
            self.0.remove(*k);
        }
        present
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).expect("a JSON map serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Bundle {
        let mut b = Bundle(Map::new());
        for k in REQUIRED {
            b.set(k, format!("v-{k}"));
        }
        b
    }

    #[test]
    fn required_fields() {
        let b = full();
        assert_eq!(Bundle::parse(&b.to_json()), Ok(b.clone()));
        let mut m = b.clone();
        m.0.remove("scope");
        m.set("installed_at", "");
        m.0.insert("updated_at".into(), Value::from(5));
        assert_eq!(
            Bundle::parse(&m.to_json()),
            Err(BundleError::Missing(vec![
                "scope",
                "installed_at",
                "updated_at"
            ]))
        );
        assert_eq!(Bundle::parse("[1]"), Err(BundleError::NotObject));
        assert_eq!(Bundle::parse("{"), Err(BundleError::NotJson));
    }

    #[test]
    fn keeps_unknown_fields_and_is_compact() {
        let mut b = Bundle::parse_lenient(r#"{"x_future":{"a":1},"scope":"s"}"#).unwrap();
        b.set("scope", "t");
        assert_eq!(b.to_json(), r#"{"scope":"t","x_future":{"a":1}}"#);
    }

    #[test]
    fn partial_app_actor_is_dropped_complete_kept() {
        let mut b = full();
        for k in APP_ACTOR {
            b.set(k, "x");
        }
        assert!(b.drop_partial_app_actor().is_empty());
        assert_eq!(b.0.len(), 16);
        b.0.remove("app_actor_display_name");
        assert_eq!(b.drop_partial_app_actor().len(), 4);
        assert!(APP_ACTOR.iter().all(|k| !b.0.contains_key(*k)));
    }

    #[test]
    fn debug_shows_field_names_only() {
        let d = format!("{:?}", full());
        assert!(
            d.contains("refresh_token") && !d.contains("v-refresh_token"),
            "{d}"
        );
    }

    #[test]
    fn name() {
        assert_eq!(secret_name("abc"), "bgagent-jira-oauth-abc");
    }
}
