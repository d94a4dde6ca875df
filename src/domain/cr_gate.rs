//! The change-request verdict (`jira cr check`): from an issue as Jira REST v3 returns it and the
//! gate's policy to a list of checks, each pass / warn / fail / skipped with its reason. Approved
//! only when no check fails. Pure: no I/O.

use ed25519_dalek::VerifyingKey;
use serde_json::{Value, json};
use sha2::Digest as _;
use time::OffsetDateTime;

use super::cr_signature::{self, SignatureDoc};
use super::timefmt;

/// An issue key: `-`-separated parts of letters, digits and `_`, the first starting with a letter,
/// the last all digits (`ENG-12`, and the guide's `CR-2025-1042` form), as given.
pub fn issue_key(s: &str) -> Result<String, String> {
    let parts: Vec<&str> = s.split('-').collect();
    let ok = parts.len() >= 2
        && s.len() <= 255
        && parts[0].starts_with(|c: char| c.is_ascii_alphabetic())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(s.to_string())
    } else {
        Err("expected an issue key like CR-2025-1042 or ENG-12".into())
    }
}

/// A Jira field id, e.g. `customfield_10100` or `assignee`.
pub fn field_id(s: &str) -> Result<String, String> {
    let mut c = s.chars();
    if c.next().is_some_and(|f| f.is_ascii_alphabetic())
        && c.all(|x| x.is_ascii_alphanumeric() || x == '_')
        && s.len() <= 64
    {
        Ok(s.to_string())
    } else {
        Err("expected a field id like customfield_10100 (GET /rest/api/3/field lists them)".into())
    }
}

/// Signatures dated more than this in the future are refused (clock skew allowance).
pub const FUTURE_SKEW_SECS: i64 = 300;

#[derive(Debug, Clone, Default)]
pub struct Policy {
    pub approved_statuses: Vec<String>,
    pub approver_field: Option<String>,
    pub approver_role: Option<String>,
    pub signature_field: Option<String>,
    pub require_signature: bool,
    pub max_age: Option<std::time::Duration>,
}

impl Policy {
    /// The fields to ask Jira for.
    pub fn fields(&self) -> Vec<&str> {
        let mut f = vec!["status"];
        f.extend(self.approver_field.as_deref());
        f.extend(self.signature_field.as_deref());
        f
    }
}

/// A public key given with `--public-key`.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    /// Where it came from (shown in the verdict).
    pub source: String,
    pub key: VerifyingKey,
    pub fingerprint: String,
}

impl TrustedKey {
    pub fn new(source: impl Into<String>, key: VerifyingKey) -> TrustedKey {
        TrustedKey {
            source: source.into(),
            fingerprint: cr_signature::fingerprint(&key),
            key,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Pass,
    Warn,
    Fail,
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    pub check: &'static str,
    pub result: Outcome,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub issue_key: String,
    pub status: Option<String>,
    pub approver: Option<Vec<String>>,
    pub signature: Option<SignatureDoc>,
    pub signed_with: Option<String>,
    pub checks: Vec<Check>,
    /// SHA-256 (hex) of the compact JSON of the issue's `fields` the verdict was based on.
    pub fields_sha256: String,
}

impl Verdict {
    pub fn approved(&self) -> bool {
        !self.checks.iter().any(|c| c.result == Outcome::Fail)
    }

    fn with(&self, o: Outcome) -> Vec<String> {
        self.checks
            .iter()
            .filter(|c| c.result == o)
            .map(|c| c.detail.clone())
            .collect()
    }

    /// The verdict document (`--output json`; the audit record adds to it).
    pub fn to_json(&self, policy: &Policy) -> Value {
        json!({
            "issue_key": self.issue_key,
            "verdict": if self.approved() { "approved" } else { "not_approved" },
            "approved": self.approved(),
            "status": self.status,
            "approved_statuses": policy.approved_statuses,
            "approver": self.approver,
            "signature": self.signature.as_ref().map(|s| json!({
                "approver": s.approver,
                "status": s.status,
                "issue_key": s.issue_key,
                "signed_at": s.signed_at,
                "public_key_sha256": s.public_key_sha256,
                "public_key": self.signed_with,
            })),
            "checks": self.checks,
            "reasons": self.with(Outcome::Fail),
            "warnings": self.with(Outcome::Warn),
        })
    }
}

fn check(v: &mut Vec<Check>, check: &'static str, result: Outcome, detail: impl Into<String>) {
    v.push(Check {
        check,
        result,
        detail: detail.into(),
    });
}

fn human_age(d: time::Duration) -> String {
    let s = d.whole_seconds();
    match s {
        s if s >= 2 * 86_400 => format!("{}d", s / 86_400),
        s if s >= 2 * 3600 => format!("{}h", s / 3600),
        s if s >= 120 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

/// Decides on `issue` (`{"key": …, "fields": {…}}`) at `now`.
pub fn evaluate(
    issue: &Value,
    policy: &Policy,
    keys: &[TrustedKey],
    now: OffsetDateTime,
) -> Verdict {
    let fields = issue.get("fields").cloned().unwrap_or(Value::Null);
    let key = issue
        .get("key")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let mut checks = Vec::new();

    // Status.
    let status = fields
        .pointer("/status/name")
        .and_then(Value::as_str)
        .map(str::to_string);
    let accepted = policy.approved_statuses.join(", ");
    match &status {
        None => check(
            &mut checks,
            "status",
            Outcome::Fail,
            "the issue has no status",
        ),
        Some(s) if policy.approved_statuses.iter().any(|a| a == s) => check(
            &mut checks,
            "status",
            Outcome::Pass,
            format!("status is {s:?} (accepted: {accepted})"),
        ),
        Some(s) => check(
            &mut checks,
            "status",
            Outcome::Fail,
            format!("status is {s:?}, not an approved status ({accepted})"),
        ),
    }

    // Approver.
    let mut approver = None;
    match &policy.approver_field {
        None => check(
            &mut checks,
            "approver",
            Outcome::Skipped,
            "no --approver-field given",
        ),
        Some(f) => {
            let v = fields.get(f).unwrap_or(&Value::Null);
            let names: Vec<String> = cr_signature::role_candidates(v)
                .into_iter()
                .filter(|n| !n.trim().is_empty())
                .collect();
            match (&policy.approver_role, names.is_empty()) {
                (Some(role), true) => check(
                    &mut checks,
                    "approver",
                    Outcome::Fail,
                    format!(
                        "the approver field {f} is missing or empty, and role {role:?} is required"
                    ),
                ),
                (None, true) => check(
                    &mut checks,
                    "approver",
                    Outcome::Warn,
                    format!("no approver information found in field {f}"),
                ),
                (Some(role), false) if cr_signature::role_matches(v, role) => check(
                    &mut checks,
                    "approver",
                    Outcome::Pass,
                    format!("approver field {f} holds the required role {role:?}"),
                ),
                (Some(role), false) => check(
                    &mut checks,
                    "approver",
                    Outcome::Fail,
                    format!(
                        "approver field {f} holds {}, not the required role {role:?}",
                        names.join(", ")
                    ),
                ),
                (None, false) => check(
                    &mut checks,
                    "approver",
                    Outcome::Pass,
                    format!("approver: {} (no role required)", names.join(", ")),
                ),
            }
            if !names.is_empty() {
                approver = Some(names);
            }
        }
    }

    // Signature.
    let (mut signature, mut signed_with) = (None, None);
    if let Some(f) = &policy.signature_field {
        let text = fields
            .get(f)
            .and_then(cr_signature::field_text)
            .filter(|t| !t.trim().is_empty());
        match text {
            None if policy.require_signature => check(
                &mut checks,
                "signature",
                Outcome::Fail,
                format!("no signature in field {f}, and --require-signature is set"),
            ),
            None => check(
                &mut checks,
                "signature",
                Outcome::Warn,
                format!("no signature in field {f}"),
            ),
            Some(t) => match cr_signature::parse(&t) {
                Err(e) => check(
                    &mut checks,
                    "signature",
                    Outcome::Fail,
                    format!("field {f}: {e}"),
                ),
                Ok(doc) => {
                    signature_checks(
                        &mut checks,
                        &doc,
                        &key,
                        status.as_deref(),
                        policy,
                        keys,
                        now,
                        &mut signed_with,
                    );
                    signature = Some(doc);
                }
            },
        }
    } else {
        check(
            &mut checks,
            "signature",
            Outcome::Skipped,
            "no --signature-field given",
        );
    }

    let fields_sha256 = hex::encode(sha2::Sha256::digest(fields.to_string().as_bytes()));
    Verdict {
        issue_key: key,
        status,
        approver,
        signature,
        signed_with,
        checks,
        fields_sha256,
    }
}

#[allow(clippy::too_many_arguments)]
fn signature_checks(
    checks: &mut Vec<Check>,
    doc: &SignatureDoc,
    issue_key: &str,
    status: Option<&str>,
    policy: &Policy,
    keys: &[TrustedKey],
    now: OffsetDateTime,
    signed_with: &mut Option<String>,
) {
    match keys.iter().find(|k| k.fingerprint == doc.public_key_sha256) {
        None => check(
            checks,
            "signature",
            Outcome::Fail,
            format!(
                "signed by an unknown key (public_key_sha256 {}): none of the --public-key files",
                doc.public_key_sha256
            ),
        ),
        Some(k) if doc.verifies_with(&k.key) => {
            *signed_with = Some(k.source.clone());
            check(
                checks,
                "signature",
                Outcome::Pass,
                format!("signed by {:?} with {}", doc.approver, k.source),
            )
        }
        Some(k) => check(
            checks,
            "signature",
            Outcome::Fail,
            format!(
                "the signature does not verify with {} (the document was altered or the signature tampered with)",
                k.source
            ),
        ),
    }
    if doc.issue_key == issue_key {
        check(
            checks,
            "signature_issue",
            Outcome::Pass,
            format!("signed for {issue_key}"),
        );
    } else {
        check(
            checks,
            "signature_issue",
            Outcome::Fail,
            format!("the signature is for {}, not {issue_key}", doc.issue_key),
        );
    }
    match status {
        Some(s) if s == doc.status => check(
            checks,
            "signature_status",
            Outcome::Pass,
            format!("signed for status {s:?}"),
        ),
        s => check(
            checks,
            "signature_status",
            Outcome::Fail,
            format!(
                "the signature is for status {:?}, but the issue is in {:?}",
                doc.status,
                s.unwrap_or("<none>")
            ),
        ),
    }
    let signed_at = timefmt::parse(&doc.signed_at).expect("checked by the parser");
    let age = now - signed_at;
    if age < time::Duration::seconds(-FUTURE_SKEW_SECS) {
        check(
            checks,
            "signature_age",
            Outcome::Fail,
            format!("the signature is dated {} in the future", human_age(-age)),
        );
    } else if let Some(max) = policy.max_age {
        let max_d = time::Duration::try_from(max).unwrap_or(time::Duration::MAX);
        if age > max_d {
            check(
                checks,
                "signature_age",
                Outcome::Fail,
                format!(
                    "the signature is {} old, older than --max-age {}",
                    human_age(age),
                    human_age(max_d)
                ),
            );
        } else {
            check(
                checks,
                "signature_age",
                Outcome::Pass,
                format!(
                    "signed {} ago (max {})",
                    human_age(age.max(time::Duration::ZERO)),
                    human_age(max_d)
                ),
            );
        }
    } else {
        check(
            checks,
            "signature_age",
            Outcome::Skipped,
            "no --max-age given",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::SigningKey;

    fn now() -> OffsetDateTime {
        timefmt::parse("2026-11-23T12:00:00.000Z").unwrap()
    }

    fn policy() -> Policy {
        Policy {
            approved_statuses: vec!["Approved".into()],
            approver_field: Some("customfield_10100".into()),
            approver_role: Some("Change Manager".into()),
            signature_field: Some("customfield_10103".into()),
            require_signature: true,
            max_age: Some(std::time::Duration::from_secs(86_400)),
        }
    }

    fn issue(status: &str, role: Value, sig: Option<&SignatureDoc>) -> Value {
        let mut f = json!({"status": {"name": status}, "customfield_10100": role});
        if let Some(s) = sig {
            f["customfield_10103"] = json!({"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":s.to_json()}]}]});
        }
        json!({"key": "CR-2025-1042", "fields": f})
    }

    fn results(v: &Verdict) -> Vec<(&'static str, Outcome)> {
        v.checks.iter().map(|c| (c.check, c.result)).collect()
    }

    #[test]
    fn approved_with_a_valid_signature() {
        let k = SigningKey::from_bytes(&[9; 32]);
        let keys = [TrustedKey::new("cm.pub", k.verifying_key())];
        let s = cr_signature::sign(
            &k,
            "CR-2025-1042",
            "Approved",
            "Change Manager",
            "2026-11-23T10:00:00.000Z",
        );
        let v = evaluate(
            &issue("Approved", json!({"value":"Change Manager"}), Some(&s)),
            &policy(),
            &keys,
            now(),
        );
        assert!(v.approved(), "{v:?}");
        assert_eq!(
            results(&v),
            [
                ("status", Outcome::Pass),
                ("approver", Outcome::Pass),
                ("signature", Outcome::Pass),
                ("signature_issue", Outcome::Pass),
                ("signature_status", Outcome::Pass),
                ("signature_age", Outcome::Pass),
            ]
        );
        assert_eq!(v.signed_with.as_deref(), Some("cm.pub"));
        let doc = v.to_json(&policy());
        assert_eq!(doc["verdict"], "approved");
        assert_eq!(doc["reasons"], json!([]));
    }

    #[test]
    fn every_failure_is_listed() {
        let k = SigningKey::from_bytes(&[9; 32]);
        let other = SigningKey::from_bytes(&[10; 32]);
        let keys = [TrustedKey::new("cm.pub", k.verifying_key())];
        // Wrong status, wrong role, a signature for another issue, status and too old.
        let s = cr_signature::sign(
            &k,
            "CR-1",
            "Pending Approval",
            "CM",
            "2026-11-20T12:00:00.000Z",
        );
        let v = evaluate(
            &issue("Approved", json!("Security Lead"), Some(&s)),
            &Policy {
                approved_statuses: vec!["Done".into()],
                ..policy()
            },
            &keys,
            now(),
        );
        assert!(!v.approved());
        assert_eq!(
            results(&v),
            [
                ("status", Outcome::Fail),
                ("approver", Outcome::Fail),
                ("signature", Outcome::Pass),
                ("signature_issue", Outcome::Fail),
                ("signature_status", Outcome::Fail),
                ("signature_age", Outcome::Fail),
            ]
        );
        assert_eq!(v.to_json(&policy())["reasons"].as_array().unwrap().len(), 5);
        // An unknown key.
        let s2 = cr_signature::sign(
            &other,
            "CR-2025-1042",
            "Approved",
            "CM",
            "2026-11-23T11:00:00.000Z",
        );
        let v = evaluate(
            &issue("Approved", json!("Change Manager"), Some(&s2)),
            &policy(),
            &keys,
            now(),
        );
        assert_eq!(v.checks[2].result, Outcome::Fail);
        assert!(v.checks[2].detail.contains("unknown key"));
        // Dated in the future.
        let s3 = cr_signature::sign(
            &k,
            "CR-2025-1042",
            "Approved",
            "CM",
            "2026-11-23T13:00:00.000Z",
        );
        let v = evaluate(
            &issue("Approved", json!("Change Manager"), Some(&s3)),
            &policy(),
            &keys,
            now(),
        );
        assert!(
            v.checks[5].detail.contains("in the future"),
            "{:?}",
            v.checks[5]
        );
    }

    #[test]
    fn missing_fields() {
        let keys: [TrustedKey; 0] = [];
        let v = evaluate(
            &issue("Approved", Value::Null, None),
            &policy(),
            &keys,
            now(),
        );
        assert_eq!(
            results(&v)[1..],
            [("approver", Outcome::Fail), ("signature", Outcome::Fail)]
        );
        // Without a required role or signature they are warnings.
        let lax = Policy {
            approver_role: None,
            require_signature: false,
            ..policy()
        };
        let v = evaluate(&issue("Approved", Value::Null, None), &lax, &keys, now());
        assert!(v.approved());
        assert_eq!(v.to_json(&lax)["warnings"].as_array().unwrap().len(), 2);
        // No status at all.
        let v = evaluate(&json!({"key":"CR-1","fields":{}}), &lax, &keys, now());
        assert!(!v.approved());
        // A malformed signature field is a failure with its reason.
        let mut i = issue("Approved", json!("Change Manager"), None);
        i["fields"]["customfield_10103"] = json!("{not json");
        let v = evaluate(&i, &lax, &keys, now());
        assert!(!v.approved());
        assert!(v.checks[2].detail.contains("does not hold JSON"));
    }

    #[test]
    fn fields_hash_is_of_the_fields_seen() {
        let keys: [TrustedKey; 0] = [];
        let a = evaluate(
            &issue("Approved", json!("x"), None),
            &policy(),
            &keys,
            now(),
        );
        let b = evaluate(
            &issue("Approved", json!("y"), None),
            &policy(),
            &keys,
            now(),
        );
        assert_ne!(a.fields_sha256, b.fields_sha256);
        assert_eq!(a.fields_sha256.len(), 64);
    }
}
