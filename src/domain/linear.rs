//! Pure Linear rules: the workspace slug and project id validators, the bundle's required
//! fields and secret name, webhook signing secrets, team keys and the app's bot users.

/// The eleven bundle fields the platform's Linear Lambdas insist on (non-empty strings).
pub const REQUIRED: [&str; 11] = [
    "access_token",
    "refresh_token",
    "expires_at",
    "scope",
    "client_id",
    "client_secret",
    "workspace_id",
    "workspace_slug",
    "installed_at",
    "updated_at",
    "installed_by_platform_user_id",
];

pub const SECRET_PREFIX: &str = "bgagent-linear-oauth-";
pub const WEBHOOK_SECRET_PREFIX: &str = "lin_wh_";

pub fn secret_name(slug: &str) -> String {
    format!("{SECRET_PREFIX}{slug}")
}

/// A workspace slug: `^[a-zA-Z0-9_-]{4,50}$` (keeps the secret name within Secrets Manager's
/// limits and the IAM prefix `bgagent-linear-oauth-*`).
pub fn slug(s: &str) -> Result<String, String> {
    let ok = (4..=50).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!(
            "invalid workspace slug '{}': must be 4-50 characters of [a-zA-Z0-9_-] (Linear's URL key, as in linear.app/<slug>/…)",
            s.escape_debug()
        ))
    }
}

/// A full Linear project id (a UUID, any case; returned lower-case). Project URLs carry a
/// shortened id, which is refused with a pointer to `bgagent linear projects`.
pub fn project_id(s: &str) -> Result<String, String> {
    let t = s.trim();
    let groups: Vec<&str> = t.split('-').collect();
    let lens = [8, 4, 4, 4, 12];
    let ok = groups.len() == 5
        && groups
            .iter()
            .zip(lens)
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
    if ok {
        Ok(t.to_ascii_lowercase())
    } else {
        Err(format!(
            "'{}' is not a full Linear project id (a UUID such as 1a2b3c4d-0000-4000-8000-123456789abc); project URLs carry a shortened id — list the full ids with `bgagent linear projects`",
            s.escape_debug()
        ))
    }
}

/// A Linear webhook signing secret (`lin_wh_…`, no whitespace).
pub fn webhook_secret(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.len() > WEBHOOK_SECRET_PREFIX.len()
        && t.starts_with(WEBHOOK_SECRET_PREFIX)
        && !t.chars().any(char::is_whitespace)
    {
        Ok(t.to_string())
    } else {
        Err("the webhook signing secret must start with lin_wh_ (copy it from Linear → Settings → API → Webhooks → your webhook)".into())
    }
}

/// Whether a stored value is a configured Linear signing secret.
pub fn is_configured_webhook_secret(s: &str) -> bool {
    webhook_secret(s).is_ok()
}

/// Team keys as the registry stores them: non-empty, upper-case, de-duplicated, sorted.
pub fn team_keys(raw: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = raw
        .iter()
        .map(|k| k.trim().to_ascii_uppercase())
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The synthetic users of OAuth apps installed with `actor=app`.
pub fn is_app_bot(email: &str) -> bool {
    email.to_ascii_lowercase().ends_with("@oauthapp.linear.app")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["acme", "ACME_co-1", &"a".repeat(50)] {
            assert_eq!(slug(ok).as_deref(), Ok(ok));
        }
        for bad in [
            "abc",
            "",
            "acme co",
            "acme/x",
            "ac.me",
            &"a".repeat(51),
            "acmé1",
        ] {
            assert!(slug(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn project_ids() {
        assert_eq!(
            project_id(" 1A2B3C4D-0000-4000-8000-123456789ABC ").as_deref(),
            Ok("1a2b3c4d-0000-4000-8000-123456789abc")
        );
        for bad in [
            "1a2b3c4d",
            "1a2b3c4d-0000-4000-8000-123456789ab",
            "g a2b3c4d-0000-4000-8000-123456789abc",
            "widgets-1a2b3c4d5e6f",
        ] {
            assert!(project_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn webhook_secrets_and_keys() {
        assert!(webhook_secret("lin_wh_abc").is_ok());
        assert!(webhook_secret("lin_wh_").is_err());
        assert!(webhook_secret("whsec_abc").is_err());
        assert!(webhook_secret("lin_wh_a b").is_err());
        assert_eq!(
            team_keys(&["eng".into(), "OPS".into(), "".into(), "ENG".into()]),
            vec!["ENG", "OPS"]
        );
        assert!(is_app_bot("X@OAuthApp.Linear.App"));
        assert!(!is_app_bot("sam@acme.io"));
        assert_eq!(secret_name("acme"), "bgagent-linear-oauth-acme");
    }
}
