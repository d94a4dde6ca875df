//! `jira cr check | keygen | sign`: the real binary against moto and the Atlassian stand-in,
//! whose issues (status, approver field, signature field) each test sets.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sha2::Digest as _;

use crate::support::*;

const KEY: &str = "CR-2025-1042";
const ROLE_FIELD: &str = "customfield_10100";
const SIG_FIELD: &str = "customfield_10103";
const PASS: &str = "correct horse battery staple";

struct Env {
    w: World,
    o: Oauth,
    cloud: String,
    keys: tempfile::TempDir,
}

fn env_with_token(expires_in: i64) -> Env {
    let w = World::new();
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, expires_in);
    w.secret(PASS);
    Env {
        w,
        o,
        cloud,
        keys: tempfile::tempdir().unwrap(),
    }
}

fn env() -> Env {
    env_with_token(3600)
}

/// An ADF paragraph field holding `text` (how Jira REST v3 returns a multi-line text field).
fn adf(text: &str) -> Value {
    json!({"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":text}]}]})
}

impl Env {
    fn dir(&self) -> &Path {
        self.keys.path()
    }

    /// `jira cr keygen --name <name>`; returns (private key, public key).
    fn keygen(&self, name: &str) -> (PathBuf, PathBuf) {
        let out = self.dir().to_str().unwrap().to_string();
        self.w
            .run_in(
                &[
                    "jira",
                    "cr",
                    "keygen",
                    "--name",
                    name,
                    "--out",
                    &out,
                    "--passphrase-stdin",
                ],
                &format!("{PASS}\n"),
            )
            .ok();
        let stem = name.to_lowercase().replace(' ', "-");
        (
            self.dir().join(format!("{stem}.key")),
            self.dir().join(format!("{stem}.pub")),
        )
    }

    /// `jira cr sign`: the signature JSON it printed.
    fn sign(&self, issue: &str, key: &Path, extra: &[&str]) -> String {
        let mut args = vec![
            "jira",
            "cr",
            "sign",
            issue,
            "--key",
            key.to_str().unwrap(),
            "--approver",
            "Change Manager",
            "--passphrase-stdin",
        ];
        args.extend_from_slice(extra);
        let run = self.w.run_in(&args, &format!("{PASS}\n"));
        run.ok();
        run.stdout.trim().to_string()
    }

    fn issue(&self, status: &str, role: Option<Value>, signature: Option<&str>) {
        let mut f = json!({"status": {"name": status}, "summary": "Deploy the security agent"});
        if let Some(r) = role {
            f[ROLE_FIELD] = r;
        }
        if let Some(s) = signature {
            f[SIG_FIELD] = adf(s);
        }
        self.o.standin.set_issue(KEY, f);
    }

    /// `jira cr check KEY` with the role and signature options and `extra`.
    fn check(&self, public: &[&Path], extra: &[&str]) -> Run {
        let mut args: Vec<String> = [
            "jira",
            "cr",
            "check",
            KEY,
            "--approver-field",
            ROLE_FIELD,
            "--approver-role",
            "Change Manager",
            "--signature-field",
            SIG_FIELD,
            "--require-signature",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for p in public {
            args.push("--public-key".into());
            args.push(p.to_str().unwrap().into());
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        self.w.run(&a)
    }

    fn check_json(&self, public: &[&Path], extra: &[&str]) -> (Run, Value) {
        let mut e = vec!["--output", "json"];
        e.extend_from_slice(extra);
        let run = self.check(public, &e);
        let doc = run.json();
        (run, doc)
    }
}

#[track_caller]
fn result_of(doc: &Value, check: &str) -> (String, String) {
    let c = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == check)
        .unwrap_or_else(|| panic!("no check {check}: {doc:#}"));
    (
        c["result"].as_str().unwrap().to_string(),
        c["detail"].as_str().unwrap().to_string(),
    )
}

fn openssl() -> &'static str {
    let p = "/usr/bin/openssl";
    assert!(
        Path::new(p).exists(),
        "this test needs openssl: install it (apt-get install openssl)"
    );
    p
}

#[test]
fn keygen_writes_pem_that_openssl_reads_and_sign_is_verifiable_by_openssl() {
    use std::os::unix::fs::PermissionsExt;
    let e = env();
    let (key, public) = e.keygen("Change Manager");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&key), 0o600);
    assert_eq!(mode(&public), 0o644);
    let pem = std::fs::read_to_string(&key).unwrap();
    assert!(
        pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"),
        "{pem}"
    );
    assert!(
        std::fs::read_to_string(&public)
            .unwrap()
            .starts_with("-----BEGIN PUBLIC KEY-----\n")
    );

    let ssl = openssl();
    let out = std::process::Command::new(ssl)
        .args([
            "pkey",
            "-in",
            key.to_str().unwrap(),
            "-passin",
            &format!("pass:{PASS}"),
            "-pubout",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openssl pkey: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        std::fs::read_to_string(&public).unwrap()
    );
    let text = std::process::Command::new(ssl)
        .args([
            "pkey",
            "-in",
            key.to_str().unwrap(),
            "-passin",
            &format!("pass:{PASS}"),
            "-noout",
            "-text",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).starts_with("ED25519 Private-Key:"));
    // The wrong passphrase does not open it, for openssl either.
    let bad = std::process::Command::new(ssl)
        .args([
            "pkey",
            "-in",
            key.to_str().unwrap(),
            "-passin",
            "pass:wrong-passphrase",
            "-noout",
        ])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    // The fingerprint is the SHA-256 of the DER public key.
    let der = std::process::Command::new(ssl)
        .args([
            "pkey",
            "-pubin",
            "-in",
            public.to_str().unwrap(),
            "-outform",
            "DER",
        ])
        .output()
        .unwrap();
    let fp = hex::encode(sha2::Sha256::digest(&der.stdout));

    // sign: the README's statement, byte for byte, verifies with openssl.
    let sig = e.sign(KEY, &key, &[]);
    let d: Value = serde_json::from_str(&sig).unwrap();
    assert_eq!(d["public_key_sha256"], fp.as_str());
    assert_eq!(d["issue_key"], KEY);
    assert_eq!(d["status"], "Approved");
    assert_eq!(d["algorithm"], "ed25519");
    let statement = format!(
        "bgagent-cr-approval/v1\nissue_key={}\nstatus={}\napprover={}\nsigned_at={}\nalgorithm={}\npublic_key_sha256={}\n",
        d["issue_key"].as_str().unwrap(),
        d["status"].as_str().unwrap(),
        d["approver"].as_str().unwrap(),
        d["signed_at"].as_str().unwrap(),
        d["algorithm"].as_str().unwrap(),
        d["public_key_sha256"].as_str().unwrap()
    );
    use base64::Engine as _;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(d["signature"].as_str().unwrap())
        .unwrap();
    std::fs::write(e.dir().join("statement"), statement).unwrap();
    std::fs::write(e.dir().join("sig.bin"), raw).unwrap();
    let v = std::process::Command::new(ssl)
        .args([
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            public.to_str().unwrap(),
            "-rawin",
            "-in",
        ])
        .arg(e.dir().join("statement"))
        .arg("-sigfile")
        .arg(e.dir().join("sig.bin"))
        .output()
        .unwrap();
    assert!(
        v.status.success(),
        "openssl pkeyutl -verify: {}",
        String::from_utf8_lossy(&v.stdout)
    );

    // Refusals: existing files, a short passphrase, none without a terminal, the wrong one.
    let out = e.dir().to_str().unwrap();
    e.w.run_in(
        &[
            "jira",
            "cr",
            "keygen",
            "--name",
            "Change Manager",
            "--out",
            out,
            "--passphrase-stdin",
        ],
        &format!("{PASS}\n"),
    )
    .fails(3, "already exists");
    assert_eq!(
        std::fs::read_to_string(&key).unwrap(),
        pem,
        "not overwritten"
    );
    e.w.secret("short");
    e.w.run_in(
        &[
            "jira",
            "cr",
            "keygen",
            "--name",
            "Other",
            "--out",
            out,
            "--passphrase-stdin",
        ],
        "short\n",
    )
    .fails(2, "at least 8 characters");
    e.w.run(&["jira", "cr", "keygen", "--name", "Other", "--out", out])
        .fails(2, "--passphrase-stdin (or BGAGENT_CR_KEY_PASSPHRASE)");
    e.w.secret("not-the-passphrase");
    e.w.run_in(
        &[
            "jira",
            "cr",
            "sign",
            KEY,
            "--key",
            key.to_str().unwrap(),
            "--approver",
            "CM",
            "--passphrase-stdin",
        ],
        "not-the-passphrase\n",
    )
    .fails(2, "wrong passphrase");
    e.w.run_in(
        &[
            "jira",
            "cr",
            "sign",
            KEY,
            "--key",
            public.to_str().unwrap(),
            "--approver",
            "CM",
            "--passphrase-stdin",
        ],
        &format!("{PASS}\n"),
    )
    .fails(2, "not a passphrase-encrypted PKCS#8 PEM private key");
    // --force replaces the pair; the passphrase may come from the environment.
    e.w.env("BGAGENT_CR_KEY_PASSPHRASE", PASS);
    let run = e.w.run(&[
        "jira",
        "cr",
        "keygen",
        "--name",
        "Change Manager",
        "--out",
        out,
        "--force",
        "--output",
        "json",
    ]);
    run.ok();
    assert_ne!(run.json()["public_key_sha256"], fp.as_str());
    assert_eq!(mode(&key), 0o600);
    e.w.assert_no_secrets();
}

#[test]
fn approved_with_role_and_signature_and_every_check_printed() {
    let e = env();
    let (key, public) = e.keygen("Change Manager");
    e.issue(
        "Approved",
        Some(json!({"value": "Change Manager", "id": "10001"})),
        Some(&e.sign(KEY, &key, &[])),
    );
    let (run, doc) = e.check_json(&[&public], &["--max-age", "1h"]);
    run.ok();
    assert_eq!(doc["verdict"], "approved");
    assert_eq!(doc["approved"], true);
    assert_eq!(doc["issue_key"], KEY);
    assert_eq!(doc["cloud_id"], e.cloud);
    assert_eq!(doc["status"], "Approved");
    assert_eq!(doc["approver"], json!(["Change Manager"]));
    assert_eq!(doc["reasons"], json!([]));
    for c in [
        "status",
        "approver",
        "signature",
        "signature_issue",
        "signature_status",
        "signature_age",
    ] {
        assert_eq!(result_of(&doc, c).0, "pass", "{c}: {doc:#}");
    }
    assert_eq!(doc["signature"]["public_key"], public.to_str().unwrap());
    // Text mode: the verdict and one line per check on stdout.
    let run = e.check(&[&public], &[]);
    run.ok();
    assert!(
        run.stdout.starts_with(&format!("{KEY}: APPROVED\n")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("✓ signature "), "{}", run.stdout);
    // Any of several keys may sign.
    let (_, other_pub) = e.keygen("Security Lead");
    e.check(&[&other_pub, &public], &[]).ok();
    // Without role or signature options only the status counts; a user-picker approver is shown.
    e.o.standin.set_issue(KEY, json!({"status": {"name": "Done"}, ROLE_FIELD: {"accountId": "a-1", "displayName": "Dana Approver"}}));
    let run = e.w.run(&[
        "jira",
        "cr",
        "check",
        KEY,
        "--approved-status",
        "Approved",
        "--approved-status",
        "Done",
        "--approver-field",
        ROLE_FIELD,
        "--output",
        "json",
    ]);
    run.ok();
    assert_eq!(run.json()["approver"], json!(["Dana Approver"]));
    e.w.assert_no_secrets();
}

#[test]
fn wrong_status_or_approver_is_not_approved_with_the_reason() {
    let e = env();
    let (key, public) = e.keygen("Change Manager");
    let sig = e.sign(KEY, &key, &[]);
    e.issue(
        "Pending Approval",
        Some(json!("Change Manager")),
        Some(&sig),
    );
    let (run, doc) = e.check_json(&[&public], &[]);
    assert_eq!(run.code, 1, "{}", run.show());
    assert_eq!(doc["verdict"], "not_approved");
    let (r, d) = result_of(&doc, "status");
    assert_eq!(r, "fail");
    assert!(
        d.contains("\"Pending Approval\", not an approved status (Approved)"),
        "{d}"
    );
    // The signature was for Approved, the issue is not: that fails too, and both are listed.
    assert_eq!(result_of(&doc, "signature_status").0, "fail");
    assert_eq!(doc["reasons"].as_array().unwrap().len(), 2, "{doc:#}");
    let text = e.check(&[&public], &[]);
    assert_eq!(text.code, 1);
    assert!(
        text.stdout.starts_with(&format!("{KEY}: NOT APPROVED")),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("✗ status"));

    e.issue(
        "Approved",
        Some(json!([{"value": "Security Lead"}, {"value": "Auditor"}])),
        Some(&sig),
    );
    let (run, doc) = e.check_json(&[&public], &[]);
    assert_eq!(run.code, 1);
    let (r, d) = result_of(&doc, "approver");
    assert_eq!(r, "fail");
    assert!(
        d.contains("holds Security Lead, Auditor, not the required role \"Change Manager\""),
        "{d}"
    );
    // The role matches trimmed and case-insensitively, in any element of a list.
    e.issue(
        "Approved",
        Some(json!([{"value": "Auditor"}, {"value": " change MANAGER "}])),
        Some(&sig),
    );
    e.check(&[&public], &[]).ok();
}

#[test]
fn missing_fields_warn_unless_required() {
    let e = env();
    let (_, public) = e.keygen("Change Manager");
    e.issue("Approved", None, None);
    // Required role and signature: both fail.
    let (run, doc) = e.check_json(&[&public], &[]);
    assert_eq!(run.code, 1);
    assert!(
        result_of(&doc, "approver")
            .1
            .contains("missing or empty, and role \"Change Manager\" is required")
    );
    assert!(
        result_of(&doc, "signature")
            .1
            .contains("--require-signature")
    );
    // Not required: warnings, approved.
    let run = e.w.run(&[
        "jira",
        "cr",
        "check",
        KEY,
        "--approver-field",
        ROLE_FIELD,
        "--signature-field",
        SIG_FIELD,
        "--public-key",
        public.to_str().unwrap(),
        "--output",
        "json",
    ]);
    run.ok();
    let doc = run.json();
    assert_eq!(doc["verdict"], "approved");
    assert_eq!(
        doc["warnings"],
        json!([
            format!("no approver information found in field {ROLE_FIELD}"),
            format!("no signature in field {SIG_FIELD}")
        ])
    );
    assert!(
        run.stderr.is_empty() || !run.stderr.contains("error"),
        "{}",
        run.stderr
    );
    // A malformed signature field is a failure with its reason.
    e.issue(
        "Approved",
        Some(json!("Change Manager")),
        Some("{\"version\":1,\"issue_key\":"),
    );
    let (run, doc) = e.check_json(&[&public], &[]);
    assert_eq!(run.code, 1);
    assert!(
        result_of(&doc, "signature")
            .1
            .contains("does not hold JSON")
    );
}

#[test]
fn signatures_for_another_issue_or_status_tampered_unknown_or_too_old_fail() {
    let e = env();
    let (key, public) = e.keygen("Change Manager");
    let role = Some(json!("Change Manager"));

    // For another issue.
    e.issue(
        "Approved",
        role.clone(),
        Some(&e.sign("CR-2025-1041", &key, &[])),
    );
    let (run, doc) = e.check_json(&[&public], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        result_of(&doc, "signature").0,
        "pass",
        "the signature itself is genuine"
    );
    assert!(
        result_of(&doc, "signature_issue")
            .1
            .contains("is for CR-2025-1041, not CR-2025-1042")
    );

    // For another status.
    e.issue(
        "Approved",
        role.clone(),
        Some(&e.sign(KEY, &key, &["--status", "Pending Approval"])),
    );
    let (run, doc) = e.check_json(&[&public], &[]);
    assert_eq!(run.code, 1);
    assert!(
        result_of(&doc, "signature_status")
            .1
            .contains("is for status \"Pending Approval\", but the issue is in \"Approved\"")
    );

    // Tampered: the approver edited after signing, or the signature bytes changed.
    let good = e.sign(KEY, &key, &[]);
    let mut t: Value = serde_json::from_str(&good).unwrap();
    t["approver"] = json!("Mallory");
    e.issue("Approved", role.clone(), Some(&t.to_string()));
    let (run, doc) = e.check_json(&[&public], &[]);
    assert_eq!(run.code, 1);
    assert!(
        result_of(&doc, "signature").1.contains("does not verify"),
        "{doc:#}"
    );
    let mut t: Value = serde_json::from_str(&good).unwrap();
    let s = t["signature"].as_str().unwrap().to_string();
    let flipped = format!("{}{}", if s.starts_with('A') { "B" } else { "A" }, &s[1..]);
    t["signature"] = json!(flipped);
    e.issue("Approved", role.clone(), Some(&t.to_string()));
    assert_eq!(e.check(&[&public], &[]).code, 1);

    // Signed by a key the gate does not trust.
    let (other_key, _) = e.keygen("Somebody Else");
    e.issue(
        "Approved",
        role.clone(),
        Some(&e.sign(KEY, &other_key, &[])),
    );
    let (run, doc) = e.check_json(&[&public], &[]);
    assert_eq!(run.code, 1);
    assert!(
        result_of(&doc, "signature")
            .1
            .contains("signed by an unknown key")
    );

    // Too old for --max-age.
    e.issue("Approved", role, Some(&good));
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let (run, doc) = e.check_json(&[&public], &["--max-age", "1s"]);
    assert_eq!(run.code, 1);
    assert!(
        result_of(&doc, "signature_age")
            .1
            .contains("older than --max-age 1s"),
        "{doc:#}"
    );
    e.check(&[&public], &["--max-age", "1h"]).ok();
}

#[test]
fn an_expired_token_is_refreshed_once_and_rotation_safely_during_the_check() {
    let e = env_with_token(-60);
    e.issue("Approved", Some(json!("Change Manager")), None);
    let before = e.w.bundle(&e.cloud).unwrap();
    let run = e.w.run(&["jira", "cr", "check", KEY, "--output", "json"]);
    run.ok();
    assert_eq!(e.o.standin.counts().refreshes, 1);
    let after = e.w.bundle(&e.cloud).unwrap();
    e.w.register_bundle_secrets(&e.cloud);
    assert_ne!(
        after["refresh_token"], before["refresh_token"],
        "the rotated refresh token was stored"
    );
    assert!(
        e.o.standin
            .is_current_refresh_token(after["refresh_token"].as_str().unwrap())
    );
    assert_eq!(
        after["x_future"], before["x_future"],
        "fields refresh does not own are kept"
    );
    // Now fresh: no second refresh.
    e.w.run(&["jira", "cr", "check", KEY]).ok();
    assert_eq!(e.o.standin.counts().refreshes, 1);
    e.w.assert_no_secrets();
}

#[test]
fn network_aws_and_atlassian_faults_never_exit_0() {
    let e = env();
    e.issue("Approved", Some(json!("Change Manager")), None);
    let audit = e.dir().join("audit.json");
    let audit_s = audit.to_str().unwrap().to_string();
    let args = [
        "jira",
        "cr",
        "check",
        KEY,
        "--audit-file",
        &audit_s,
        "--output",
        "json",
    ];
    e.w.run(&args).ok();

    let assert_error = |run: &Run, code: i32, needle: &str| {
        assert_eq!(run.code, code, "{}", run.show());
        assert!(run.stderr.contains(needle), "{}", run.show());
        assert!(
            run.json().get("error").is_some(),
            "an error document, not a verdict"
        );
        let a: Value = serde_json::from_str(&std::fs::read_to_string(&audit).unwrap()).unwrap();
        assert_eq!(a["verdict"], "error");
        assert_eq!(a["approved"], false);
        assert_eq!(a["error"]["exit_code"], code);
    };
    e.w.env("BGAGENT_HTTP_TIMEOUT", "2");
    // Atlassian answers 500 on every attempt.
    e.o.standin.fail_next(
        &format!("/ex/jira/{}/rest/api/3/issue/", e.cloud),
        500,
        None,
        4,
    );
    assert_error(&e.w.run(&args), 1, "Atlassian answered HTTP 500");
    // 401 and 403.
    e.o.standin.fail_next("/ex/jira/", 401, None, 1);
    assert_error(&e.w.run(&args), 1, "HTTP 401");
    e.o.standin.fail_next("/ex/jira/", 403, None, 1);
    assert_error(&e.w.run(&args), 1, "HTTP 403");
    // An unknown issue (or one the token cannot see): 404.
    e.o.standin.remove_issue(KEY);
    assert_error(
        &e.w.run(&args),
        1,
        "does not exist, or the tenant's token cannot see it",
    );
    e.issue("Approved", None, None);
    // The grant was revoked at Atlassian and the token is due: refresh refused.
    let mut b = e.w.bundle(&e.cloud).unwrap();
    b["expires_at"] = json!("2020-01-01T00:00:00.000Z");
    e.w.platform
        .put_secret_string(&format!("bgagent-jira-oauth-{}", e.cloud), &b.to_string());
    e.o.standin.revoke_all();
    assert_error(&e.w.run(&args), 3, "no longer accepts the refresh token");
    // Atlassian unreachable.
    e.w.env(
        "BGAGENT_ATLASSIAN_API_URL",
        &format!("http://127.0.0.1:{}", free_port()),
    );
    e.w.env(
        "BGAGENT_ATLASSIAN_AUTH_URL",
        &format!("http://127.0.0.1:{}", free_port()),
    );
    assert_error(&e.w.run(&args), 1, "could not connect");
    // AWS unreachable.
    e.w.env(
        "AWS_ENDPOINT_URL",
        &format!("http://127.0.0.1:{}", free_port()),
    );
    let run = e.w.run(&args);
    assert_ne!(run.code, 0, "{}", run.show());
    assert_eq!(
        serde_json::from_str::<Value>(&std::fs::read_to_string(&audit).unwrap()).unwrap()["verdict"],
        "error"
    );
    e.w.assert_no_secrets();
}

#[test]
fn the_audit_file_holds_the_verdict_the_time_and_a_hash_of_the_fields() {
    let e = env();
    let (key, public) = e.keygen("Change Manager");
    let sig = e.sign(KEY, &key, &[]);
    e.issue(
        "Approved",
        Some(json!({"value": "Change Manager"})),
        Some(&sig),
    );
    let audit = e.dir().join("audit").join("cr.json");
    std::fs::create_dir_all(audit.parent().unwrap()).unwrap();
    let a = audit.to_str().unwrap();
    let start = time::OffsetDateTime::now_utc();
    let (run, doc) = e.check_json(&[&public], &["--audit-file", a]);
    run.ok();
    let record: Value = serde_json::from_str(&std::fs::read_to_string(&audit).unwrap()).unwrap();
    // The same document as --output json, plus the time and the tool.
    for (k, v) in doc.as_object().unwrap() {
        assert_eq!(&record[k], v, "{k}");
    }
    let at = time::OffsetDateTime::parse(
        record["checked_at"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    assert!((at - start).whole_seconds().abs() < 60);
    assert!(record["tool"].as_str().unwrap().starts_with("bgagent "));
    // The hash covers exactly the fields Jira returned for the verdict (status, approver, signature).
    let fields = json!({"status": {"name": "Approved"}, ROLE_FIELD: {"value": "Change Manager"}, SIG_FIELD: adf(&sig)});
    assert_eq!(
        record["fields_sha256"],
        hex::encode(sha2::Sha256::digest(fields.to_string().as_bytes()))
    );
    assert_eq!(record["verdict"], "approved");
    assert_eq!(record["checks"].as_array().unwrap().len(), 6);

    // Not approved: the record is written too, and the exit code is 1.
    e.issue(
        "Rejected",
        Some(json!({"value": "Change Manager"})),
        Some(&sig),
    );
    let run = e.check(&[&public], &["--audit-file", a]);
    assert_eq!(run.code, 1);
    let record: Value = serde_json::from_str(&std::fs::read_to_string(&audit).unwrap()).unwrap();
    assert_eq!(record["verdict"], "not_approved");
    assert!(
        record["reasons"][0]
            .as_str()
            .unwrap()
            .contains("\"Rejected\"")
    );
    assert_ne!(record["fields_sha256"], doc["fields_sha256"]);
    // An audit file that cannot be written fails the gate even when approved.
    e.issue(
        "Approved",
        Some(json!({"value": "Change Manager"})),
        Some(&sig),
    );
    let bad = e.dir().join("no-such-dir").join("a.json");
    let run = e.check(&[&public], &["--audit-file", bad.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.show());
    assert!(run.stderr.contains("could not write the audit file"));
}

#[test]
fn usage_and_configuration_errors_exit_2() {
    let e = env();
    let (_, public) = e.keygen("Change Manager");
    let p = public.to_str().unwrap();
    for (args, needle) in [
        (
            vec!["jira", "cr", "check", "not a key"],
            "expected an issue key",
        ),
        (
            vec!["jira", "cr", "check", KEY, "--approver-role", "CM"],
            "--approver-field",
        ),
        (
            vec!["jira", "cr", "check", KEY, "--signature-field", SIG_FIELD],
            "--public-key",
        ),
        (
            vec!["jira", "cr", "check", KEY, "--public-key", p],
            "--signature-field",
        ),
        (
            vec![
                "jira",
                "cr",
                "check",
                KEY,
                "--approver-field",
                "custom field",
            ],
            "expected a field id",
        ),
        (
            vec![
                "jira",
                "cr",
                "check",
                KEY,
                "--signature-field",
                SIG_FIELD,
                "--public-key",
                "/nonexistent.pub",
            ],
            "could not read the public key",
        ),
        (
            vec![
                "jira",
                "cr",
                "check",
                KEY,
                "--signature-field",
                SIG_FIELD,
                "--public-key",
                "/etc/hostname",
            ],
            "is not an Ed25519 public key",
        ),
        (
            vec!["jira", "cr", "check", KEY, "--approved-status", " "],
            "must not be blank",
        ),
    ] {
        let run = e.w.run(&args);
        assert_eq!(run.code, 2, "{args:?}\n{}", run.show());
        assert!(run.stderr.contains(needle), "{args:?}: {}", run.stderr);
    }
    // No active tenant to read with.
    let w2 = World::new();
    w2.run(&["jira", "cr", "check", KEY])
        .fails(2, "no active Jira tenant");
    assert_eq!(e.o.standin.counts().api_calls, 0, "nothing reached Jira");
}
