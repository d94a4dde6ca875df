//! Self-test of the local platform API (`examples/local/platform_api.rs`): the webhook
//! receiver follows the deployed platform's rules (CONTRACT.md, "How the deployed webhook
//! receiver behaves"), against a real moto with the platform stack.

use crate::moto::platform_api::{self, WebhookMode};
use crate::moto::{MotoServer, Platform};
use serde_json::{Value, json};

const TENANT_SECRET: &str = "tenant-webhook-secret-0123456789";
const STACK_SECRET: &str = "stack-wide-webhook-secret-abcdef";

fn platform() -> Platform {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    Platform::create(
        MotoServer::shared(),
        &format!("api-selftest-{}-{n}", std::process::id()),
    )
}

fn uuid() -> String {
    let b: [u8; 16] = rand::random();
    let h = hex::encode(b);
    format!(
        "{}-{}-4{}-8{}-{}",
        &h[0..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// A tenant as setup leaves it: a valid bundle (optionally changed by `tweak`) and a row.
fn tenant(p: &Platform, status: &str, tweak: impl FnOnce(&mut Value)) -> String {
    let cloud = uuid();
    let mut bundle = json!({});
    for k in [
        "access_token",
        "refresh_token",
        "expires_at",
        "scope",
        "client_id",
        "client_secret",
        "site_url",
        "installed_at",
        "updated_at",
        "installed_by_platform_user_id",
    ] {
        bundle[k] = json!(format!("v-{k}"));
    }
    bundle["cloud_id"] = json!(cloud);
    bundle["webhook_signing_secret"] = json!(TENANT_SECRET);
    tweak(&mut bundle);
    let name = format!("bgagent-jira-oauth-{cloud}");
    p.put_secret_string(&name, &bundle.to_string());
    p.put_item_json(
        "JiraWorkspaceRegistryTableName",
        &json!({"jira_cloud_id": cloud, "site_url": "https://acme.atlassian.net",
                "oauth_secret_arn": name, "status": status}),
    );
    cloud
}

fn body(cloud: Option<&str>, event: &str, ts: i64) -> Vec<u8> {
    let mut b = json!({"webhookEvent": event, "timestamp": ts});
    if let Some(c) = cloud {
        b["cloudId"] = json!(c);
    }
    b.to_string().into_bytes()
}

/// POSTs to the receiver; returns (status, body).
fn post(p: &Platform, body: &[u8], signature: Option<String>) -> (u16, String) {
    let url = format!("{}jira/webhook", p.outputs["ApiUrl"]);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let client = {
        bgagent::tls::init();
        reqwest::Client::new()
    };
    let mut req = client
        .post(&url)
        .header("Content-Type", "application/json")
        .body(body.to_vec());
    if let Some(s) = signature {
        req = req.header("X-Hub-Signature", s);
    }
    platform_api::block_on(async {
        let r = req.send().await.expect("the platform API answers");
        (r.status().as_u16(), r.text().await.unwrap())
    })
}

fn signed(secret: &str, body: &[u8]) -> Option<String> {
    Some(format!("sha256={}", platform_api::sign(secret, body)))
}

#[test]
fn receiver_verifies_per_tenant_first_without_fallback() {
    let p = platform();
    p.put_secret_string(&p.outputs["JiraWebhookSecretArn"], STACK_SECRET);
    let cloud = tenant(&p, "active", |_| {});
    let ignored = body(Some(&cloud), "jira:worklog_updated", now_ms());

    // The tenant's own secret: 200 {"ok":true}; with or without the sha256= prefix.
    let (status, text) = post(&p, &ignored, signed(TENANT_SECRET, &ignored));
    assert_eq!((status, text.as_str()), (200, r#"{"ok":true}"#));
    let bare = platform_api::sign(TENANT_SECRET, &ignored);
    assert_eq!(post(&p, &ignored, Some(bare)).0, 200);
    // The stack-wide secret is not a fallback once the tenant has its own: 401.
    assert_eq!(post(&p, &ignored, signed(STACK_SECRET, &ignored)).0, 401);
    // Nor for a payload without cloudId (the sole active tenant is used).
    let no_cloud = body(None, "jira:worklog_updated", now_ms());
    assert_eq!(post(&p, &no_cloud, signed(STACK_SECRET, &no_cloud)).0, 401);
    assert_eq!(post(&p, &no_cloud, signed(TENANT_SECRET, &no_cloud)).0, 200);
    // No signature: 401. A signature over other bytes: 401.
    assert_eq!(post(&p, &ignored, None).0, 401);
    let other = body(Some(&cloud), "jira:worklog_updated", now_ms() + 1);
    assert_eq!(post(&p, &other, signed(TENANT_SECRET, &ignored)).0, 401);
    // Not JSON: 400.
    assert_eq!(
        post(&p, b"not json", signed(TENANT_SECRET, b"not json")).0,
        400
    );
    // Timestamp window: older than 1 h or more than 5 min ahead is 401.
    for ts in [now_ms() - 3_700_000, now_ms() + 400_000] {
        let b = body(Some(&cloud), "jira:worklog_updated", ts);
        assert_eq!(post(&p, &b, signed(TENANT_SECRET, &b)).0, 401, "ts {ts}");
    }
    // A supported event is queued; ignored ones never are.
    assert!(p.api.accepted_deliveries().is_empty());
    let created = body(Some(&cloud), "jira:issue_created", now_ms());
    let (status, text) = post(&p, &created, signed(TENANT_SECRET, &created));
    assert_eq!(status, 200, "{text}");
    let accepted = p.api.accepted_deliveries();
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].cloud_id.as_deref(), Some(cloud.as_str()));
}

#[test]
fn receiver_falls_back_to_the_stack_secret_only_without_a_valid_tenant_secret() {
    let p = platform();
    p.put_secret_string(&p.outputs["JiraWebhookSecretArn"], STACK_SECRET);
    // A bundle that fails the 11-field check (numeric expires_at) is skipped silently.
    let broken = tenant(&p, "active", |b| b["expires_at"] = json!(1234));
    let b = body(Some(&broken), "jira:worklog_updated", now_ms());
    assert_eq!(post(&p, &b, signed(STACK_SECRET, &b)).0, 200);
    assert_eq!(post(&p, &b, signed(TENANT_SECRET, &b)).0, 401);
    // A bundle without a webhook secret: the stack-wide one.
    let bare = tenant(&p, "active", |b| {
        b.as_object_mut().unwrap().remove("webhook_signing_secret");
    });
    let b = body(Some(&bare), "jira:worklog_updated", now_ms());
    assert_eq!(post(&p, &b, signed(STACK_SECRET, &b)).0, 200);
    // A revoked tenant: 401 whatever the signature.
    let revoked = tenant(&p, "revoked", |_| {});
    let b = body(Some(&revoked), "jira:worklog_updated", now_ms());
    let (status, text) = post(&p, &b, signed(TENANT_SECRET, &b));
    assert_eq!(status, 401);
    assert!(text.contains("Tenant not active"), "{text}");
    // A whitespace secret never verifies, not even against its own HMAC.
    p.put_secret_string(&p.outputs["JiraWebhookSecretArn"], "   ");
    assert_eq!(post(&p, &b"{}"[..], signed("   ", b"{}")).0, 401);
}

#[test]
fn receiver_can_be_made_to_misbehave_and_unknown_routes_are_403_like_api_gateway() {
    let p = platform();
    let cloud = tenant(&p, "active", |_| {});
    let b = body(Some(&cloud), "jira:worklog_updated", now_ms());
    p.api
        .set_webhook_mode(WebhookMode::StaleSecret("old-secret".into()));
    assert_eq!(post(&p, &b, signed(TENANT_SECRET, &b)).0, 401);
    assert_eq!(post(&p, &b, signed("old-secret", &b)).0, 200);
    p.api.set_webhook_mode(WebhookMode::AcceptAll);
    assert_eq!(post(&p, &b, None).0, 200);
    p.api.set_webhook_mode(WebhookMode::Status(502));
    assert_eq!(post(&p, &b, signed(TENANT_SECRET, &b)).0, 502);
    p.api.set_webhook_mode(WebhookMode::Platform);
    assert_eq!(post(&p, &b, signed(TENANT_SECRET, &b)).0, 200);

    let url = p.outputs["ApiUrl"].replace("/v1/", "/v1/nope");
    let status = platform_api::block_on(async {
        {
            bgagent::tls::init();
            reqwest::Client::new()
        }
        .get(&url)
        .send()
        .await
        .unwrap()
        .status()
    });
    assert_eq!(status.as_u16(), 403);
    assert!(
        p.api
            .requests()
            .iter()
            .any(|(m, path, s)| m == "GET" && path == "/v1/nope" && *s == 403)
    );
}
