//! Validators for the identifiers of the wire contract. Each returns the value to use or a
//! message that says what a valid value looks like; clap turns an `Err` into a usage error (exit 2).

/// A Jira cloud id: a UUID in canonical hyphenated lowercase form (the platform keys rows by it
/// byte for byte, so other spellings are refused rather than silently rewritten).
pub fn cloud_id(s: &str) -> Result<String, String> {
    let parsed = uuid::Uuid::try_parse(s).map_err(|_| {
        "expected a cloud id like 1a2b3c4d-0000-4000-8000-123456789abc (a UUID); `bgagent jira tenants` lists them".to_string()
    })?;
    let canonical = parsed.hyphenated().to_string();
    if canonical != s {
        return Err(format!("write the cloud id in canonical form: {canonical}"));
    }
    Ok(canonical)
}

/// A Jira project key: `^[A-Z][A-Z0-9_]{1,99}$`.
pub fn project_key(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let ok = (2..=100).contains(&bytes.len())
        && bytes[0].is_ascii_uppercase()
        && bytes[1..]
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_');
    if ok {
        Ok(s.to_string())
    } else if !s.is_empty()
        && s.to_ascii_uppercase() != s
        && project_key(&s.to_ascii_uppercase()).is_ok()
    {
        Err(format!(
            "project keys are upper case: {}",
            s.to_ascii_uppercase()
        ))
    } else {
        Err("expected a Jira project key: an upper-case letter, then 1-99 of A-Z, 0-9 or _ (e.g. ENG)".into())
    }
}

fn repo_part_ok(p: &str) -> bool {
    !p.is_empty()
        && p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A repository: `^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+$`.
pub fn repo(s: &str) -> Result<String, String> {
    match s.split_once('/') {
        Some((owner, name)) if repo_part_ok(owner) && repo_part_ok(name) => Ok(s.to_string()),
        _ => Err(
            "expected owner/repo (letters, digits, '.', '_' or '-' on each side of one '/')".into(),
        ),
    }
}

/// A value that must not be blank; surrounding whitespace is dropped.
pub fn non_blank(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        Err("must not be blank".into())
    } else {
        Ok(t.to_string())
    }
}

/// Optional free text (a Jira status name): trimmed; blank means "not given".
pub fn optional_text(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_ids() {
        assert!(cloud_id("1a2b3c4d-0000-4000-8000-123456789abc").is_ok());
        assert!(cloud_id("not-a-uuid").is_err());
        assert!(cloud_id("").is_err());
        let upper = cloud_id("1A2B3C4D-0000-4000-8000-123456789ABC").unwrap_err();
        assert!(
            upper.contains("1a2b3c4d-0000-4000-8000-123456789abc"),
            "{upper}"
        );
        assert!(cloud_id("1a2b3c4d000040008000123456789abc").is_err());
        assert!(cloud_id("{1a2b3c4d-0000-4000-8000-123456789abc}").is_err());
    }

    #[test]
    fn project_keys() {
        for ok in ["EN", "ENG", "A1", "A_B", &format!("A{}", "B".repeat(99))] {
            assert!(project_key(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "E",
            "1AB",
            "_AB",
            "EN-G",
            "ÉNG",
            &format!("A{}", "B".repeat(100)),
        ] {
            assert!(project_key(bad).is_err(), "{bad}");
        }
        assert!(project_key("eng").unwrap_err().contains("ENG"));
    }

    #[test]
    fn repos() {
        for ok in ["acme/widgets", "a/b", "A-b_c.d/e.f-G_1"] {
            assert!(repo(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "acme",
            "/x",
            "x/",
            "a/b/c",
            "a b/c",
            "a/ü",
            "https://github.com/a/b",
        ] {
            assert!(repo(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn text() {
        assert_eq!(non_blank("  x "), Ok("x".into()));
        assert!(non_blank("   ").is_err());
        assert_eq!(
            optional_text(Some("  In Progress ")),
            Some("In Progress".into())
        );
        assert_eq!(optional_text(Some("  ")), None);
        assert_eq!(optional_text(None), None);
    }
}
