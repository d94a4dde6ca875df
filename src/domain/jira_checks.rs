//! The verdicts of `bgagent jira doctor`, as pure functions of what was read (no I/O): each
//! returns a [`Check`] with the stable id documented in the README and the exact fix.

use serde_json::Value;

use crate::doctor::Check;
use crate::domain::bundle::{APP_ACTOR, Bundle, BundleError, secret_name};
use crate::domain::timefmt;

pub const STACK: &str = "stack";
pub const TABLES: &str = "tables";
pub const TENANT: &str = "tenant";
pub const BUNDLE: &str = "bundle";
pub const TOKEN: &str = "token";
pub const WEBHOOK_SECRET: &str = "webhook-secret";
pub const WEBHOOK_RECEIVER: &str = "webhook-receiver";
pub const PROJECTS: &str = "projects";
pub const USERS: &str = "users";
/// The Forge app identity (`jira app-setup`; the check lives in `commands/jira/app_setup.rs`).
pub const APP_IDENTITY: &str = "app-identity";

/// Every check id, in the order doctor reports them.
pub const IDS: [&str; 10] = [
    STACK,
    TABLES,
    TENANT,
    BUNDLE,
    TOKEN,
    WEBHOOK_SECRET,
    WEBHOOK_RECEIVER,
    PROJECTS,
    USERS,
    APP_IDENTITY,
];

/// The smallest `app_actor_shared_secret` the platform accepts.
pub const MIN_APP_ACTOR_SECRET: usize = 32;

pub fn setup_fix(cloud_id: &str) -> String {
    format!("bgagent jira setup --site {cloud_id}")
}

/// A registry row as doctor needs it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TenantRow {
    pub cloud_id: String,
    pub site_url: Option<String>,
    pub oauth_secret_arn: Option<String>,
    pub status: Option<String>,
}

impl TenantRow {
    pub fn is_active(&self) -> bool {
        self.status.as_deref() == Some("active")
    }
    /// How to address the bundle: the recorded ARN, else the contract's name.
    pub fn bundle_id(&self) -> String {
        self.oauth_secret_arn
            .clone()
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| secret_name(&self.cloud_id))
    }
}

/// Check 3: exactly one active tenant (or the named one), with `site_url` and
/// `oauth_secret_arn`, and no status other than `active`/`revoked`. Returns the tenant the
/// following checks are about, if one can be chosen.
pub fn tenant(rows: &[TenantRow], wanted: Option<&str>) -> (Check, Option<TenantRow>) {
    let active: Vec<&TenantRow> = rows.iter().filter(|r| r.is_active()).collect();
    let odd: Vec<String> = rows
        .iter()
        .filter(|r| !matches!(r.status.as_deref(), Some("active" | "revoked")))
        .map(|r| {
            format!(
                "{} (status {})",
                r.cloud_id,
                r.status.as_deref().unwrap_or("<none>")
            )
        })
        .collect();
    let chosen = match wanted {
        Some(w) => rows.iter().find(|r| r.cloud_id == w).cloned(),
        None if active.len() == 1 => Some(active[0].clone()),
        None => None,
    };
    let check = (|| {
        if let Some(w) = wanted {
            let Some(row) = &chosen else {
                return Check::fail(
                    TENANT,
                    format!("tenant {w} is not in the registry"),
                    "bgagent jira tenants (to list tenants), or bgagent jira setup to connect the site",
                );
            };
            if !row.is_active() {
                return Check::fail(
                    TENANT,
                    format!(
                        "tenant {w} is not active (status {})",
                        row.status.as_deref().unwrap_or("<none>")
                    ),
                    setup_fix(w),
                );
            }
        }
        match active.len() {
            0 => {
                return Check::fail(
                    TENANT,
                    "no active Jira tenant in the registry",
                    "bgagent jira setup",
                );
            }
            1 => {}
            _ => {
                let list: Vec<&str> = active.iter().map(|r| r.cloud_id.as_str()).collect();
                let keep = chosen
                    .as_ref()
                    .map(|c| c.cloud_id.as_str())
                    .unwrap_or("<cloud-id>");
                let others: Vec<&str> = list.iter().copied().filter(|c| *c != keep).collect();
                return Check::fail(
                    TENANT,
                    format!(
                        "{} active tenants ({}): admin-created webhooks carry no cloud id and cannot be routed",
                        list.len(),
                        list.join(", ")
                    ),
                    others
                        .iter()
                        .map(|c| format!("bgagent jira revoke {c}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                );
            }
        }
        if !odd.is_empty() {
            return Check::fail(
                TENANT,
                format!(
                    "registry rows with a status other than active/revoked (the Lambdas treat them as revoked): {}",
                    odd.join(", ")
                ),
                "bgagent jira revoke <cloud-id> for each, or bgagent jira setup --site <cloud-id> to activate it",
            );
        }
        let row = chosen.as_ref().expect("one active tenant");
        let missing: Vec<&str> = [
            ("site_url", &row.site_url),
            ("oauth_secret_arn", &row.oauth_secret_arn),
        ]
        .into_iter()
        .filter(|(_, v)| v.as_deref().is_none_or(str::is_empty))
        .map(|(k, _)| k)
        .collect();
        if !missing.is_empty() {
            return Check::fail(
                TENANT,
                format!(
                    "the registry row of {} lacks {} (the Lambdas ignore such rows)",
                    row.cloud_id,
                    missing.join(" and ")
                ),
                setup_fix(&row.cloud_id),
            );
        }
        Check::pass(
            TENANT,
            format!(
                "{} ({}) is the one active tenant",
                row.cloud_id,
                row.site_url.as_deref().unwrap_or_default()
            ),
        )
    })();
    (check, chosen)
}

/// The secret name inside an ARN (`arn:aws:secretsmanager:…:secret:NAME-AbCdEf`); a plain
/// name is returned as is.
pub fn secret_name_of(arn_or_name: &str) -> &str {
    match arn_or_name.split_once(":secret:") {
        Some((_, rest)) => match rest.rsplit_once('-') {
            Some((name, suffix)) if suffix.len() == 6 => name,
            _ => rest,
        },
        None => arn_or_name,
    }
}

/// Why an `app_actor_proxy_url` is refused by the platform, if it is (the platform's exact rule,
/// shared with `jira app-setup`: `domain::forge::platform_rule`).
pub fn proxy_url_problem(raw: &str) -> Option<String> {
    crate::domain::forge::platform_rule(raw)
        .err()
        .map(|rule| format!("app_actor_proxy_url {rule}"))
}

/// Problems of the `app_actor_*` set: all five or none, a valid proxy URL, a long enough
/// shared secret.
pub fn app_actor_problems(b: &Bundle) -> Vec<String> {
    let present: Vec<&str> = APP_ACTOR
        .iter()
        .copied()
        .filter(|k| b.0.contains_key(*k))
        .collect();
    if present.is_empty() {
        return Vec::new();
    }
    let missing: Vec<&str> = APP_ACTOR
        .iter()
        .copied()
        .filter(|k| b.str(k).is_none_or(str::is_empty))
        .collect();
    if !missing.is_empty() {
        return vec![format!(
            "partial app_actor_* set (missing or empty: {})",
            missing.join(", ")
        )];
    }
    let mut p = Vec::new();
    if let Some(why) = proxy_url_problem(b.str("app_actor_proxy_url").unwrap_or_default()) {
        p.push(why);
    }
    if b.str("app_actor_shared_secret")
        .unwrap_or_default()
        .chars()
        .count()
        < MIN_APP_ACTOR_SECRET
    {
        p.push(format!(
            "app_actor_shared_secret is shorter than {MIN_APP_ACTOR_SECRET} characters"
        ));
    }
    p
}

/// Check 4 on the bundle that was read (`None`: no such secret). Returns the parsed bundle
/// when it passes the 11-field check (further checks use it).
pub fn bundle(t: &TenantRow, value: Option<&str>) -> (Check, Option<Bundle>) {
    let id = t.bundle_id();
    let fix = setup_fix(&t.cloud_id);
    let Some(value) = value else {
        return (
            Check::fail(BUNDLE, format!("secret {id} does not exist"), fix),
            None,
        );
    };
    let want = secret_name(&t.cloud_id);
    let name = secret_name_of(&id);
    if name != want {
        return (
            Check::fail(
                BUNDLE,
                format!(
                    "the registry points at secret {name}, not {want}: the Lambdas may only read bgagent-jira-oauth-* secrets"
                ),
                fix,
            ),
            None,
        );
    }
    let b = match Bundle::parse(value) {
        Ok(b) => b,
        Err(BundleError::Missing(m)) => {
            return (
                Check::fail(
                    BUNDLE,
                    format!(
                        "{want} lacks required field(s) (each must be a non-empty string): {}",
                        m.join(", ")
                    ),
                    fix,
                ),
                None,
            );
        }
        Err(e) => return (Check::fail(BUNDLE, format!("{want}: {e}"), fix), None),
    };
    let mut problems = Vec::new();
    if b.str("cloud_id") != Some(t.cloud_id.as_str()) {
        problems.push("its cloud_id differs from the registry's".to_string());
    }
    if let Some(site) = t.site_url.as_deref()
        && b.str("site_url") != Some(site)
    {
        problems.push(format!(
            "its site_url {} differs from the registry's {site}",
            b.str("site_url").unwrap_or_default()
        ));
    }
    let bad_times: Vec<&str> = ["expires_at", "installed_at", "updated_at"]
        .into_iter()
        .filter(|k| b.str(k).and_then(timefmt::parse).is_none())
        .collect();
    if !bad_times.is_empty() {
        problems.push(format!(
            "timestamp(s) that do not parse: {}",
            bad_times.join(", ")
        ));
    }
    if !problems.is_empty() {
        return (
            Check::fail(BUNDLE, format!("{want}: {}", problems.join("; ")), fix),
            Some(b),
        );
    }
    let actor = app_actor_problems(&b);
    if !actor.is_empty() {
        return (
            Check::fail(
                BUNDLE,
                format!(
                    "{want}: {} (the platform then refuses outbound writes and does not fall back to OAuth)",
                    actor.join("; ")
                ),
                format!(
                    "complete all five app_actor_* fields of {want} (https://<app>.webtrigger.atlassian.app/public/…, a shared secret of at least {MIN_APP_ACTOR_SECRET} characters) or remove all five"
                ),
            ),
            Some(b),
        );
    }
    let actor = if b.0.contains_key(APP_ACTOR[0]) {
        ", app identity configured"
    } else {
        ""
    };
    (
        Check::pass(
            BUNDLE,
            format!("{want}: all 11 fields, agrees with the registry{actor}"),
        ),
        Some(b),
    )
}

/// Whether a stack-wide secret value is JSON (the deployed placeholder is a JSON object)
/// rather than the bare signing secret setup writes.
pub fn is_json_placeholder(value: &str) -> bool {
    matches!(
        serde_json::from_str::<Value>(value.trim()),
        Ok(Value::Object(_) | Value::Array(_))
    )
}

/// A usable secret: non-empty and not only whitespace.
pub fn usable(secret: Option<&str>) -> Option<&str> {
    secret.filter(|s| !s.trim().is_empty())
}

/// Check 6: the tenant's `webhook_signing_secret` and the stack-wide secret (`None`: could
/// not be read; the values never appear in the verdict).
pub fn webhook_secret(cloud_id: &str, tenant: Option<&str>, stack: Option<&str>) -> Check {
    let fix = format!(
        "bgagent jira update-webhook-secret {cloud_id} (writes the bundle and the stack-wide secret together), then enter the same secret in Jira → Settings → System → WebHooks"
    );
    let tenant = usable(tenant);
    let Some(stack) = stack else {
        return Check::fail(
            WEBHOOK_SECRET,
            "the stack-wide webhook secret (JiraWebhookSecretArn) does not exist",
            "redeploy the platform stack, then ".to_string() + &fix,
        );
    };
    if tenant.is_none() {
        return Check::fail(
            WEBHOOK_SECRET,
            "the tenant bundle has no usable webhook_signing_secret",
            fix,
        );
    }
    if is_json_placeholder(stack) {
        return Check::fail(
            WEBHOOK_SECRET,
            "the stack-wide secret is still the deployed JSON placeholder: setup never synchronized it",
            fix,
        );
    }
    if stack.trim().is_empty() {
        return Check::fail(WEBHOOK_SECRET, "the stack-wide secret is empty", fix);
    }
    if tenant != Some(stack) {
        return Check::warn(
            WEBHOOK_SECRET,
            "the stack-wide secret differs from the tenant's (the receiver uses the tenant's own)",
            fix,
        );
    }
    Check::pass(
        WEBHOOK_SECRET,
        "the tenant has a webhook secret and the stack-wide secret matches it",
    )
}

/// Check 5's first part: the access token's expiry. `Err` is the warn to report (no live
/// calls with an expired token).
pub fn token_expiry(b: &Bundle, now: time::OffsetDateTime) -> Result<String, Check> {
    let exp = b.str("expires_at").and_then(timefmt::parse);
    match exp {
        Some(e) if e > now => Ok(format!(
            "access token valid until {}",
            b.str("expires_at").unwrap_or_default()
        )),
        _ => Err(Check::warn(
            TOKEN,
            format!(
                "the access token expired at {} (the platform's Lambdas refresh it on demand)",
                b.str("expires_at").unwrap_or("<unknown>")
            ),
            "nothing needed; bgagent jira doctor --verify-refresh proves the refresh token works (it rotates it)",
        )),
    }
}

/// `X-Hub-Signature` for `body` under `secret`: `sha256=<hex HMAC-SHA256 of the exact bytes>`.
pub fn hub_signature(secret: &str, body: &[u8]) -> String {
    format!("sha256={}", super::hmac_sha256_hex(secret, &[body]))
}

/// Check 7 from the two probe answers (status, or a transport error): the stored secret's
/// signature must get 200 and a random key's 401.
pub fn receiver_verdict(
    url: &str,
    cloud_id: &str,
    real: Result<u16, String>,
    forged: Result<u16, String>,
) -> Check {
    let ops = "check the platform's API deployment (output ApiUrl) and the JiraWebhookFn logs in CloudWatch";
    let sync = format!(
        "bgagent jira update-webhook-secret {cloud_id} (writes the bundle and the stack-wide secret together), then enter the same secret in Jira → Settings → System → WebHooks"
    );
    match (real, forged) {
        (Err(e), _) | (_, Err(e)) => {
            Check::fail(WEBHOOK_RECEIVER, format!("POST {url} failed: {e}"), ops)
        }
        (Ok(200), Ok(401)) => Check::pass(
            WEBHOOK_RECEIVER,
            format!(
                "{url} accepts a delivery signed with the stored secret and rejects a forged one"
            ),
        ),
        (Ok(401), _) => Check::fail(
            WEBHOOK_RECEIVER,
            format!("the deployed receiver rejects the stored secret (HTTP 401 from {url})"),
            sync,
        ),
        (Ok(200), Ok(200)) => Check::fail(
            WEBHOOK_RECEIVER,
            format!(
                "the receiver accepts forged deliveries (HTTP 200 from {url} for a wrong signature)"
            ),
            "redeploy the platform stack: JiraWebhookFn does not verify X-Hub-Signature",
        ),
        (Ok(200), Ok(s)) => Check::fail(
            WEBHOOK_RECEIVER,
            format!("a forged delivery got HTTP {s} from {url}, expected 401"),
            ops,
        ),
        (Ok(s), _) => Check::fail(
            WEBHOOK_RECEIVER,
            format!("POST {url} answered HTTP {s}, expected 200"),
            ops,
        ),
    }
}

/// A key schema as `DescribeTable` reports it: (attribute, key type, attribute type).
pub type KeySchema = Vec<(String, String, String)>;

/// What differs from a single string partition key `key` (empty: matches the contract).
pub fn key_schema_problems(table: &str, key: &str, actual: &KeySchema) -> Vec<String> {
    let want = vec![(key.to_string(), "HASH".to_string(), "S".to_string())];
    if *actual == want {
        return Vec::new();
    }
    let got = actual
        .iter()
        .map(|(a, k, t)| format!("{a} {k} {t}"))
        .collect::<Vec<_>>()
        .join(", ");
    vec![format!(
        "{table}'s key is {}, not {key} (HASH, string)",
        if got.is_empty() { "<none>" } else { &got }
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::Status;
    use serde_json::json;

    const C: &str = "3f2c8a91-6d4e-4b7a-9e15-c0a8d7b2f463";

    fn row(id: &str, status: &str) -> TenantRow {
        TenantRow {
            cloud_id: id.into(),
            site_url: Some("https://acme.atlassian.net".into()),
            oauth_secret_arn: Some(format!(
                "arn:aws:secretsmanager:us-east-1:1:secret:bgagent-jira-oauth-{id}-AbCdEf"
            )),
            status: Some(status.into()),
        }
    }

    fn good_bundle() -> Value {
        let mut b = json!({});
        for k in crate::domain::bundle::REQUIRED {
            b[k] = json!(format!("v-{k}"));
        }
        for k in ["expires_at", "installed_at", "updated_at"] {
            b[k] = json!("2026-11-23T12:00:00.000Z");
        }
        b["cloud_id"] = json!(C);
        b["site_url"] = json!("https://acme.atlassian.net");
        b
    }

    #[test]
    fn tenant_verdicts() {
        let (c, t) = tenant(&[], None);
        assert_eq!(
            (c.status, c.fix.as_deref()),
            (Status::Fail, Some("bgagent jira setup"))
        );
        assert!(t.is_none());

        let (c, t) = tenant(&[row("a", "active"), row("b", "revoked")], None);
        assert_eq!(c.status, Status::Pass, "{c:?}");
        assert_eq!(t.unwrap().cloud_id, "a");

        let (c, _) = tenant(&[row("a", "active"), row("b", "active")], None);
        assert_eq!(c.status, Status::Fail);
        assert!(c.detail.contains("a, b"), "{c:?}");
        assert_eq!(
            c.fix.as_deref(),
            Some("bgagent jira revoke a; bgagent jira revoke b")
        );
        let (c, _) = tenant(&[row("a", "active"), row("b", "active")], Some("a"));
        assert_eq!(c.fix.as_deref(), Some("bgagent jira revoke b"));

        let (c, _) = tenant(&[row("a", "active"), row("b", "paused")], None);
        assert_eq!(c.status, Status::Fail);
        assert!(c.detail.contains("b (status paused)"), "{c:?}");

        let mut r = row("a", "active");
        r.oauth_secret_arn = None;
        let (c, t) = tenant(&[r], None);
        assert_eq!(c.status, Status::Fail);
        assert!(c.detail.contains("lacks oauth_secret_arn"), "{c:?}");
        assert_eq!(c.fix.as_deref(), Some("bgagent jira setup --site a"));
        assert!(t.is_some());

        let (c, _) = tenant(&[row("a", "revoked")], Some("a"));
        assert!(c.detail.contains("not active (status revoked)"), "{c:?}");
        let (c, _) = tenant(&[row("a", "active")], Some("z"));
        assert!(c.detail.contains("not in the registry"), "{c:?}");
    }

    #[test]
    fn secret_names_from_arns() {
        assert_eq!(
            secret_name_of("arn:aws:secretsmanager:us-east-1:1:secret:bgagent-jira-oauth-x-AbCdEf"),
            "bgagent-jira-oauth-x"
        );
        assert_eq!(
            secret_name_of("bgagent-jira-oauth-x"),
            "bgagent-jira-oauth-x"
        );
    }

    #[test]
    fn bundle_verdicts() {
        let t = row(C, "active");
        let (c, b) = bundle(&t, Some(&good_bundle().to_string()));
        assert_eq!(c.status, Status::Pass, "{c:?}");
        assert!(b.is_some());

        let (c, _) = bundle(&t, None);
        assert!(c.detail.contains("does not exist"));

        let mut other = t.clone();
        other.oauth_secret_arn =
            Some("arn:aws:secretsmanager:us-east-1:1:secret:my-own-secret-AbCdEf".into());
        let (c, _) = bundle(&other, Some(&good_bundle().to_string()));
        assert!(c.detail.contains("not bgagent-jira-oauth-"), "{c:?}");

        let mut v = good_bundle();
        v.as_object_mut().unwrap().remove("scope");
        v["expires_at"] = json!(5);
        let (c, b) = bundle(&t, Some(&v.to_string()));
        assert_eq!(c.status, Status::Fail);
        assert!(c.detail.ends_with("expires_at, scope"), "{c:?}");
        assert!(b.is_none());

        let mut v = good_bundle();
        v["cloud_id"] = json!("someone-else");
        v["installed_at"] = json!("yesterday");
        let (c, _) = bundle(&t, Some(&v.to_string()));
        assert!(c.detail.contains("cloud_id differs"), "{c:?}");
        assert!(c.detail.contains("installed_at"), "{c:?}");
        assert_eq!(c.fix, Some(setup_fix(C)));
    }

    #[test]
    fn app_actor_rules() {
        let mut v = good_bundle();
        v["app_actor_proxy_url"] = json!("https://x.webtrigger.atlassian.app/public/abc");
        v["app_actor_shared_secret"] = json!("s".repeat(32));
        v["app_actor_account_id"] = json!("acct");
        v["app_actor_display_name"] = json!("Bot");
        v["app_actor_configured_at"] = json!("2026-11-23T12:00:00.000Z");
        let b = Bundle::parse(&v.to_string()).unwrap();
        assert!(app_actor_problems(&b).is_empty());
        let (c, _) = bundle(&row(C, "active"), Some(&v.to_string()));
        assert_eq!(c.status, Status::Pass, "{c:?}");

        let mut p = b.clone();
        p.0.remove("app_actor_display_name");
        assert!(app_actor_problems(&p)[0].contains("partial"));
        let mut s = b.clone();
        s.set("app_actor_shared_secret", "short");
        assert!(app_actor_problems(&s)[0].contains("shorter than 32"));

        for (u, why) in [
            ("http://x.webtrigger.atlassian.app/public/a", "not https"),
            ("https://x.example.com/public/a", "host"),
            ("https://webtrigger.atlassian.app.evil.io/public/a", "host"),
            ("https://x.webtrigger.atlassian.app/private/a", "/public/"),
            (
                "https://u:p@x.webtrigger.atlassian.app/public/a",
                "userinfo",
            ),
            ("https://x.webtrigger.atlassian.app/public/a?q=1", "query"),
            ("https://x.webtrigger.atlassian.app/public/a#f", "fragment"),
            ("not a url", "not a URL"),
        ] {
            let got = proxy_url_problem(u).unwrap_or_default();
            assert!(got.contains(why), "{u}: {got}");
        }
    }

    #[test]
    fn webhook_secret_verdicts() {
        let s = "a-secret";
        assert_eq!(webhook_secret(C, Some(s), Some(s)).status, Status::Pass);
        let c = webhook_secret(C, Some(s), Some("other"));
        assert_eq!(c.status, Status::Warn);
        assert!(
            c.fix
                .unwrap()
                .contains("bgagent jira update-webhook-secret")
        );
        assert_eq!(webhook_secret(C, Some("  "), Some(s)).status, Status::Fail);
        assert_eq!(webhook_secret(C, None, Some(s)).status, Status::Fail);
        let c = webhook_secret(
            C,
            Some(s),
            Some(r#"{"abca_jira_webhook_placeholder":true}"#),
        );
        assert_eq!(c.status, Status::Fail);
        assert!(c.detail.contains("placeholder"));
        assert_eq!(webhook_secret(C, Some(s), None).status, Status::Fail);
        assert!(is_json_placeholder(r#" {"a":1} "#));
        assert!(!is_json_placeholder("0123abcd"));
        assert!(
            !is_json_placeholder("12345"),
            "a numeric secret is a bare string"
        );
    }

    #[test]
    fn signature_and_receiver_verdicts() {
        // RFC 4231 test case 2.
        assert_eq!(
            hub_signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let u = "http://127.0.0.1:1/v1/jira/webhook";
        assert_eq!(
            receiver_verdict(u, C, Ok(200), Ok(401)).status,
            Status::Pass
        );
        let c = receiver_verdict(u, C, Ok(401), Ok(401));
        assert!(c.detail.contains("rejects the stored secret"), "{c:?}");
        let c = receiver_verdict(u, C, Ok(200), Ok(200));
        assert!(c.detail.contains("accepts forged deliveries"), "{c:?}");
        let c = receiver_verdict(u, C, Ok(502), Ok(502));
        assert!(c.detail.contains(u) && c.detail.contains("502"), "{c:?}");
        let c = receiver_verdict(u, C, Err("connection refused".into()), Ok(401));
        assert_eq!(c.status, Status::Fail);
    }

    #[test]
    fn expiry_and_key_schema() {
        let now = timefmt::parse("2026-11-23T12:00:00.000Z").unwrap();
        let mut b = Bundle(Default::default());
        b.set("expires_at", "2026-11-23T12:30:00.000Z");
        assert!(token_expiry(&b, now).is_ok());
        b.set("expires_at", "2026-11-23T11:30:00.000Z");
        assert_eq!(token_expiry(&b, now).unwrap_err().status, Status::Warn);

        let ok: KeySchema = vec![("repo".into(), "HASH".into(), "S".into())];
        assert!(key_schema_problems("RepoTable", "repo", &ok).is_empty());
        let wrong: KeySchema = vec![
            ("repo".into(), "HASH".into(), "S".into()),
            ("at".into(), "RANGE".into(), "S".into()),
        ];
        assert!(
            key_schema_problems("RepoTable", "repo", &wrong)[0].contains("repo HASH S, at RANGE S")
        );
        let n: KeySchema = vec![("repo".into(), "HASH".into(), "N".into())];
        assert_eq!(key_schema_problems("RepoTable", "repo", &n).len(), 1);
    }
}
