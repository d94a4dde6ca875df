//! Signed change-request approvals (`jira cr sign` / `jira cr check`): the signature document,
//! the canonical statement it signs, its parser, and reading Jira field values (plain text or
//! Atlassian Document Format, select/user/list shapes). Pure: no I/O.
//!
//! The statement (UTF-8, every line ending in `\n`, values never contain a line break):
//!
//! ```text
//! bgagent-cr-approval/v1
//! issue_key=<issue key>
//! status=<status name>
//! approver=<approver>
//! signed_at=<UTC ISO-8601 with ms and Z>
//! algorithm=ed25519
//! public_key_sha256=<hex SHA-256 of the DER SubjectPublicKeyInfo>
//! ```

use base64::Engine as _;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use pkcs8::EncodePublicKey;
use serde_json::{Map, Value};
use sha2::Digest as _;

pub const ALGORITHM: &str = "ed25519";
pub const STATEMENT_HEADER: &str = "bgagent-cr-approval/v1";
/// The document's keys, in the order they are written.
pub const KEYS: [&str; 8] = [
    "version",
    "issue_key",
    "status",
    "approver",
    "signed_at",
    "algorithm",
    "public_key_sha256",
    "signature",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureDoc {
    pub issue_key: String,
    pub status: String,
    pub approver: String,
    pub signed_at: String,
    pub algorithm: String,
    pub public_key_sha256: String,
    /// Standard base64 of the 64-byte Ed25519 signature.
    pub signature: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    NotJson,
    NotObject,
    Version,
    /// A field that is missing, not a string, empty, or contains a line break.
    Field(&'static str),
    Algorithm(String),
    SignedAt,
    Fingerprint,
    SignatureEncoding,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::Empty => write!(f, "the signature field is empty"),
            ParseError::NotJson => write!(f, "the signature field does not hold JSON"),
            ParseError::NotObject => write!(f, "the signature JSON is not an object"),
            ParseError::Version => write!(f, "the signature JSON has no \"version\": 1"),
            ParseError::Field(k) => write!(
                f,
                "the signature JSON's {k:?} is missing, empty, not a string, or spans lines"
            ),
            ParseError::Algorithm(a) => write!(
                f,
                "the signature algorithm {a:?} is not supported (only {ALGORITHM})"
            ),
            ParseError::SignedAt => write!(f, "the signature's signed_at is not an ISO-8601 time"),
            ParseError::Fingerprint => write!(
                f,
                "the signature's public_key_sha256 is not 64 lower-case hex digits"
            ),
            ParseError::SignatureEncoding => write!(
                f,
                "the signature is not the base64 of a 64-byte Ed25519 signature"
            ),
        }
    }
}

impl SignatureDoc {
    /// The exact bytes that are signed.
    pub fn statement(&self) -> String {
        statement(
            &self.issue_key,
            &self.status,
            &self.approver,
            &self.signed_at,
            &self.algorithm,
            &self.public_key_sha256,
        )
    }

    /// The document as compact JSON, keys in [`KEYS`] order.
    pub fn to_json(&self) -> String {
        let mut m = Map::new();
        m.insert("version".into(), Value::from(1));
        for (k, v) in [
            ("issue_key", &self.issue_key),
            ("status", &self.status),
            ("approver", &self.approver),
            ("signed_at", &self.signed_at),
            ("algorithm", &self.algorithm),
            ("public_key_sha256", &self.public_key_sha256),
            ("signature", &self.signature),
        ] {
            m.insert(k.into(), Value::String(v.clone()));
        }
        // serde_json's map keeps keys sorted; write them in document order instead.
        let parts: Vec<String> = KEYS
            .iter()
            .map(|k| format!("{}:{}", Value::String((*k).into()), m[*k]))
            .collect();
        format!("{{{}}}", parts.join(","))
    }

    /// The raw signature bytes (checked by [`parse`]).
    pub fn signature_bytes(&self) -> Option<Signature> {
        let raw = base64::engine::general_purpose::STANDARD
            .decode(self.signature.as_bytes())
            .ok()?;
        Signature::from_slice(&raw).ok()
    }

    /// Whether `key` made this signature over this document's statement (strict verification:
    /// no malleable signatures, no weak keys).
    pub fn verifies_with(&self, key: &VerifyingKey) -> bool {
        self.signature_bytes()
            .is_some_and(|s| key.verify_strict(self.statement().as_bytes(), &s).is_ok())
    }
}

pub fn statement(
    issue_key: &str,
    status: &str,
    approver: &str,
    signed_at: &str,
    algorithm: &str,
    fingerprint: &str,
) -> String {
    format!(
        "{STATEMENT_HEADER}\nissue_key={issue_key}\nstatus={status}\napprover={approver}\nsigned_at={signed_at}\nalgorithm={algorithm}\npublic_key_sha256={fingerprint}\n"
    )
}

/// Hex SHA-256 of the key's DER SubjectPublicKeyInfo (what `openssl pkey -pubin -outform DER |
/// sha256sum` prints).
pub fn fingerprint(key: &VerifyingKey) -> String {
    let der = key
        .to_public_key_der()
        .expect("an Ed25519 public key encodes");
    hex::encode(sha2::Sha256::digest(der.as_bytes()))
}

/// A value that can go on one statement line: not blank, no line break.
pub fn single_line(v: &str) -> bool {
    !v.trim().is_empty() && !v.contains(['\n', '\r'])
}

/// Signs `issue_key` in `status` as `approver` at `signed_at`.
pub fn sign(
    key: &SigningKey,
    issue_key: &str,
    status: &str,
    approver: &str,
    signed_at: &str,
) -> SignatureDoc {
    let fp = fingerprint(&key.verifying_key());
    let st = statement(issue_key, status, approver, signed_at, ALGORITHM, &fp);
    let sig = key.sign(st.as_bytes());
    SignatureDoc {
        issue_key: issue_key.into(),
        status: status.into(),
        approver: approver.into(),
        signed_at: signed_at.into(),
        algorithm: ALGORITHM.into(),
        public_key_sha256: fp,
        signature: base64::engine::general_purpose::STANDARD.encode(sig.to_bytes()),
    }
}

/// Parses a signature document (text as pasted in the field). Unknown keys are ignored: they are
/// not covered by the signature and play no part in the verdict.
pub fn parse(text: &str) -> Result<SignatureDoc, ParseError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ParseError::Empty);
    }
    let v: Value = serde_json::from_str(t).map_err(|_| ParseError::NotJson)?;
    let Value::Object(m) = v else {
        return Err(ParseError::NotObject);
    };
    if m.get("version").and_then(Value::as_u64) != Some(1) {
        return Err(ParseError::Version);
    }
    let field = |k: &'static str| -> Result<String, ParseError> {
        m.get(k)
            .and_then(Value::as_str)
            .filter(|s| single_line(s))
            .map(str::to_string)
            .ok_or(ParseError::Field(k))
    };
    let doc = SignatureDoc {
        issue_key: field("issue_key")?,
        status: field("status")?,
        approver: field("approver")?,
        signed_at: field("signed_at")?,
        algorithm: field("algorithm")?,
        public_key_sha256: field("public_key_sha256")?,
        signature: field("signature")?,
    };
    if doc.algorithm != ALGORITHM {
        return Err(ParseError::Algorithm(doc.algorithm));
    }
    if crate::domain::timefmt::parse(&doc.signed_at).is_none() {
        return Err(ParseError::SignedAt);
    }
    let fp = doc.public_key_sha256.as_bytes();
    if fp.len() != 64
        || !fp
            .iter()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
    {
        return Err(ParseError::Fingerprint);
    }
    if doc.signature_bytes().is_none() {
        return Err(ParseError::SignatureEncoding);
    }
    Ok(doc)
}

/// The plain text of a field value: a string as is, Atlassian Document Format flattened (text
/// nodes joined, `hardBreak` and block boundaries as line breaks). `None` for null/absent/other.
pub fn field_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) if o.get("type").and_then(Value::as_str) == Some("doc") => {
            let mut out = String::new();
            adf_into(v, &mut out);
            Some(out.trim_end_matches('\n').to_string())
        }
        _ => None,
    }
}

fn adf_into(node: &Value, out: &mut String) {
    let kind = node.get("type").and_then(Value::as_str).unwrap_or("");
    match kind {
        "text" => out.push_str(node.get("text").and_then(Value::as_str).unwrap_or("")),
        "hardBreak" => out.push('\n'),
        _ => {
            if let Some(children) = node.get("content").and_then(Value::as_array) {
                for c in children {
                    adf_into(c, out);
                }
            }
            // Block nodes (paragraph, codeBlock, …) end a line.
            if kind != "doc" && !out.is_empty() && !out.ends_with('\n') && is_block(kind) {
                out.push('\n');
            }
        }
    }
}

fn is_block(kind: &str) -> bool {
    matches!(
        kind,
        "paragraph" | "codeBlock" | "heading" | "blockquote" | "listItem" | "panel" | "rule"
    )
}

/// The names an approver-field value carries: a plain string; `value`, `name` or `displayName`
/// of an object (select option, user); every element of a list.
pub fn role_candidates(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(role_candidates).collect(),
        Value::Object(o) => ["value", "name", "displayName"]
            .iter()
            .filter_map(|k| o.get(*k).and_then(Value::as_str))
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// Trimmed, case-insensitive comparison against any candidate.
pub fn role_matches(v: &Value, role: &str) -> bool {
    let want = role.trim().to_lowercase();
    role_candidates(v)
        .iter()
        .any(|c| c.trim().to_lowercase() == want)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    #[test]
    fn sign_parse_verify_round_trip() {
        let k = key(7);
        let d = sign(
            &k,
            "CR-2025-1042",
            "Approved",
            "Change Manager",
            "2026-11-23T12:00:00.000Z",
        );
        assert!(
            d.to_json()
                .starts_with(r#"{"version":1,"issue_key":"CR-2025-1042","status":"Approved""#)
        );
        let p = parse(&d.to_json()).unwrap();
        assert_eq!(p, d);
        assert!(p.verifies_with(&k.verifying_key()));
        assert!(!p.verifies_with(&key(8).verifying_key()));
        assert_eq!(p.public_key_sha256, fingerprint(&k.verifying_key()));
        assert_eq!(
            p.statement(),
            format!(
                "bgagent-cr-approval/v1\nissue_key=CR-2025-1042\nstatus=Approved\napprover=Change Manager\nsigned_at=2026-11-23T12:00:00.000Z\nalgorithm=ed25519\npublic_key_sha256={}\n",
                p.public_key_sha256
            )
        );
    }

    #[test]
    fn any_change_of_a_signed_field_breaks_the_signature() {
        let k = key(1);
        let d = sign(&k, "CR-1", "Approved", "CM", "2026-11-23T12:00:00.000Z");
        let vk = k.verifying_key();
        for m in [
            SignatureDoc {
                issue_key: "CR-2".into(),
                ..d.clone()
            },
            SignatureDoc {
                status: "Done".into(),
                ..d.clone()
            },
            SignatureDoc {
                approver: "CM2".into(),
                ..d.clone()
            },
            SignatureDoc {
                signed_at: "2026-11-23T12:00:01.000Z".into(),
                ..d.clone()
            },
        ] {
            assert!(!m.verifies_with(&vk), "{m:?}");
        }
        let mut sig = base64::engine::general_purpose::STANDARD
            .decode(&d.signature)
            .unwrap();
        sig[0] ^= 1;
        let tampered = SignatureDoc {
            signature: base64::engine::general_purpose::STANDARD.encode(sig),
            ..d.clone()
        };
        assert!(!tampered.verifies_with(&vk));
    }

    #[test]
    fn parse_rejects_malformed_documents() {
        let d = sign(
            &key(2),
            "CR-1",
            "Approved",
            "CM",
            "2026-11-23T12:00:00.000Z",
        );
        let good: Value = serde_json::from_str(&d.to_json()).unwrap();
        assert_eq!(parse("  "), Err(ParseError::Empty));
        assert_eq!(parse("{"), Err(ParseError::NotJson));
        assert_eq!(parse("[1]"), Err(ParseError::NotObject));
        let with = |k: &str, v: Value| {
            let mut g = good.clone();
            g[k] = v;
            parse(&g.to_string())
        };
        assert_eq!(with("version", json!(2)), Err(ParseError::Version));
        assert_eq!(with("status", json!("")), Err(ParseError::Field("status")));
        assert_eq!(with("status", json!(5)), Err(ParseError::Field("status")));
        assert_eq!(
            with("approver", json!("a\nb")),
            Err(ParseError::Field("approver"))
        );
        assert_eq!(
            with("algorithm", json!("rsa-pss")),
            Err(ParseError::Algorithm("rsa-pss".into()))
        );
        assert_eq!(
            with("signed_at", json!("yesterday")),
            Err(ParseError::SignedAt)
        );
        assert_eq!(
            with("public_key_sha256", json!("ABC")),
            Err(ParseError::Fingerprint)
        );
        assert_eq!(
            with("signature", json!("AAAA")),
            Err(ParseError::SignatureEncoding)
        );
        assert!(with("x_unknown", json!({"a": 1})).is_ok());
    }

    #[test]
    fn adf_and_plain_text() {
        let doc = sign(
            &key(3),
            "CR-1",
            "Approved",
            "CM",
            "2026-11-23T12:00:00.000Z",
        );
        let d = doc.to_json();
        // Pretty-printed JSON pasted into a paragraph field: lines become hardBreaks.
        let pretty =
            serde_json::to_string_pretty(&serde_json::from_str::<Value>(&d).unwrap()).unwrap();
        let mut content = Vec::new();
        for (i, line) in pretty.lines().enumerate() {
            if i > 0 {
                content.push(json!({"type":"hardBreak"}));
            }
            content.push(json!({"type":"text","text":line}));
        }
        let adf =
            json!({"type":"doc","version":1,"content":[{"type":"paragraph","content":content}]});
        let text = field_text(&adf).unwrap();
        assert_eq!(text, pretty);
        assert_eq!(parse(&text), Ok(doc.clone()));
        // One paragraph per line works too.
        let paras: Vec<Value> = pretty
            .lines()
            .map(|l| json!({"type":"paragraph","content":[{"type":"text","text":l}]}))
            .collect();
        let adf = json!({"type":"doc","version":1,"content":paras});
        assert_eq!(parse(&field_text(&adf).unwrap()), Ok(doc));
        let adf2 = json!({"type":"doc","version":1,"content":[
            {"type":"paragraph","content":[{"type":"text","text":"first"}]},
            {"type":"codeBlock","content":[{"type":"text","text":d}]}
        ]});
        assert_eq!(field_text(&adf2).unwrap(), format!("first\n{d}"));
        assert_eq!(field_text(&json!("plain")), Some("plain".into()));
        assert_eq!(field_text(&Value::Null), None);
        assert_eq!(field_text(&json!({"type":"paragraph"})), None);
    }

    #[test]
    fn role_shapes() {
        for v in [
            json!("Change Manager"),
            json!("  change manager "),
            json!({"value":"Change Manager","id":"10001"}),
            json!([{"value":"Security Lead"},{"value":"CHANGE MANAGER"}]),
            json!({"accountId":"a","displayName":"Change Manager"}),
            json!([{"accountId":"a","displayName":"x"},{"name":"change manager"}]),
        ] {
            assert!(role_matches(&v, "Change Manager"), "{v}");
        }
        for v in [
            json!("Change Managers"),
            json!({"id":"Change Manager"}),
            json!(null),
            json!(3),
            json!([]),
        ] {
            assert!(!role_matches(&v, "Change Manager"), "{v}");
        }
    }
}
