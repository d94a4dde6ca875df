//! Self-tests of the strict Linear stand-in (`examples/local/linear_standin.rs`) and of the
//! local stack's Linear resources: each rule the stand-in enforces is shown to refuse the
//! request that breaks it, and to accept the one that follows it.

use crate::linear_standin::{Config, Consent, LinearStandin};
use crate::moto;
use base64::Engine;
use serde_json::{Value, json};
use sha2::Digest;

const REDIRECT: &str = "http://localhost:8080/oauth/callback";

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn client() -> reqwest::Client {
    {
        bgagent::tls::init();
        reqwest::Client::builder()
    }
    .redirect(reqwest::redirect::Policy::none())
    .build()
    .unwrap()
}

fn standin() -> LinearStandin {
    LinearStandin::start(Config::new("cid", "csecret", REDIRECT, "acme"))
}

fn pkce() -> (String, String) {
    let verifier = "v".repeat(43);
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

fn authorize_url(s: &LinearStandin, tweak: &[(&str, &str)]) -> String {
    let (_, challenge) = pkce();
    let mut params = vec![
        ("client_id", "cid".to_string()),
        ("redirect_uri", REDIRECT.to_string()),
        ("response_type", "code".to_string()),
        (
            "scope",
            "read write app:assignable app:mentionable".to_string(),
        ),
        ("state", "st4te".to_string()),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256".to_string()),
        ("actor", "app".to_string()),
        ("prompt", "consent".to_string()),
    ];
    for (k, v) in tweak {
        params.retain(|(n, _)| n != k);
        if !v.is_empty() {
            params.push((k, v.to_string()));
        }
    }
    let mut u = url::Url::parse(&format!("{}/oauth/authorize", s.url())).unwrap();
    for (k, v) in params {
        u.query_pairs_mut().append_pair(k, &v);
    }
    u.to_string()
}

/// GET authorize; returns (status, Location).
fn get(url: &str) -> (u16, Option<String>) {
    block_on(async {
        let r = client().get(url).send().await.unwrap();
        let loc = r
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_string());
        (r.status().as_u16(), loc)
    })
}

fn code_of(location: &str) -> String {
    url::Url::parse(location)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("code in redirect")
}

fn token_form(s: &LinearStandin, fields: &[(&str, &str)]) -> (u16, Value) {
    block_on(async {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let r = client()
            .post(format!("{}/oauth/token", s.url()))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    })
}

fn gql(s: &LinearStandin, token: &str, query: &str, after: Option<&str>) -> (u16, Value) {
    block_on(async {
        let r = client()
            .post(format!("{}/graphql", s.url()))
            .bearer_auth(token)
            .json(&json!({"query": query, "variables": {"after": after}}))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap())
    })
}

fn exchange(s: &LinearStandin, code: &str, verifier: &str) -> (u16, Value) {
    token_form(
        s,
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("code_verifier", verifier),
            ("redirect_uri", REDIRECT),
            ("client_id", "cid"),
            ("client_secret", "csecret"),
        ],
    )
}

#[test]
fn full_flow_and_single_use_code() {
    let s = standin();
    let (status, loc) = get(&authorize_url(&s, &[]));
    assert_eq!(status, 302);
    let loc = loc.unwrap();
    assert!(loc.starts_with(REDIRECT) && loc.contains("state=st4te"));
    let q = s.last_authorize_query().unwrap();
    assert!(q.contains(&("actor".into(), "app".into())));
    assert!(q.contains(&("prompt".into(), "consent".into())));
    let code = code_of(&loc);
    let (verifier, _) = pkce();
    let (st, t) = exchange(&s, &code, &verifier);
    assert_eq!(st, 200, "{t}");
    assert!(
        t["access_token"]
            .as_str()
            .unwrap()
            .starts_with("lin_oauth_")
    );
    assert!(
        t["refresh_token"]
            .as_str()
            .unwrap()
            .starts_with("lin_refresh_")
    );
    assert_eq!(t["token_type"], "Bearer");
    assert_eq!(t["scope"], "read write app:assignable app:mentionable");
    assert!(t["expires_in"].as_u64().unwrap() > 80_000);
    // Single use: the second exchange is refused.
    let (st, e) = exchange(&s, &code, &verifier);
    assert_eq!((st, e["error"].as_str()), (400, Some("invalid_grant")));
    assert!(s.counts().rejected.contains(&"code_reused".to_string()));
}

#[test]
fn authorize_refusals() {
    let s = standin();
    for (tweak, reason) in [
        (
            vec![("redirect_uri", "http://localhost:8080/oauth/callback/")],
            "redirect_uri_mismatch",
        ),
        (vec![("scope", "read,write")], "comma_scope"),
        (vec![("scope", "read write admin")], "admin_with_actor_app"),
        (vec![("code_challenge_method", "plain")], "pkce_required"),
        (vec![("code_challenge", "")], "pkce_required"),
        (vec![("state", "")], "missing_state"),
        (vec![("client_id", "other")], "unknown_client"),
    ] {
        let (status, loc) = get(&authorize_url(&s, &tweak));
        assert_eq!((status, loc), (400, None), "{tweak:?}");
        assert_eq!(s.counts().rejected.last().unwrap(), reason, "{tweak:?}");
    }
    s.set_consent(Consent::Deny);
    let (status, loc) = get(&authorize_url(&s, &[]));
    assert_eq!(status, 302);
    assert!(loc.unwrap().contains("error=access_denied"));
}

#[test]
fn token_body_rules_and_pkce() {
    let s = standin();
    let (_, loc) = get(&authorize_url(&s, &[]));
    let code = code_of(&loc.unwrap());
    // JSON body refused (and it does not burn the code: it never got that far).
    let st = block_on(async {
        client()
            .post(format!("{}/oauth/token", s.url()))
            .json(&json!({"grant_type": "authorization_code", "code": code, "client_id": "cid", "client_secret": "csecret"}))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    });
    assert_eq!(st, 400);
    assert_eq!(s.counts().rejected.last().unwrap(), "not_form_body");
    // Basic auth refused.
    let st = block_on(async {
        client()
            .post(format!("{}/oauth/token", s.url()))
            .basic_auth("cid", Some("csecret"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("grant_type=authorization_code&code={code}"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    });
    assert_eq!(st, 400);
    assert_eq!(s.counts().rejected.last().unwrap(), "basic_auth");
    // Wrong secret.
    let (st, e) = token_form(
        &s,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("client_id", "cid"),
            ("client_secret", "nope"),
        ],
    );
    assert_eq!((st, e["error"].as_str()), (401, Some("invalid_client")));
    // Wrong verifier burns the code.
    let (st, _) = exchange(&s, &code, &"w".repeat(43));
    assert_eq!(st, 400);
    assert_eq!(s.counts().rejected.last().unwrap(), "pkce_mismatch");
    let (verifier, _) = pkce();
    let (st, _) = exchange(&s, &code, &verifier);
    assert_eq!(st, 400, "a burnt code stays burnt");
}

#[test]
fn refresh_rotates_without_reuse_and_revocation() {
    let s = standin();
    let (_, r1) = s.mint_tokens();
    let refresh = |rt: &str| {
        token_form(
            &s,
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", rt),
                ("client_id", "cid"),
                ("client_secret", "csecret"),
            ],
        )
    };
    let (st, t) = refresh(&r1);
    assert_eq!(st, 200);
    let r2 = t["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(r1, r2);
    assert!(!s.is_current_refresh_token(&r1));
    let (st, e) = refresh(&r1);
    assert_eq!((st, e["error"].as_str()), (400, Some("invalid_grant")));
    let (r3_access, r3) = s.rotate_refresh_token_externally(&r2).unwrap();
    assert!(!s.is_current_refresh_token(&r2) && s.is_current_refresh_token(&r3));
    assert_eq!(gql(&s, &r3_access, "{ viewer { id } }", None).0, 200);
    s.revoke_all();
    assert_eq!(gql(&s, &r3_access, "{ viewer { id } }", None).0, 401);
    assert_eq!(refresh(&r3).0, 400);
}

#[test]
fn graphql_fields_pagination_and_auth() {
    let s = standin();
    let (access, _) = s.mint_tokens();
    let (st, v) = gql(&s, "lin_oauth_unknown", "{ viewer { id } }", None);
    assert_eq!(st, 401);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Authentication")
    );
    let (st, v) = gql(
        &s,
        &access,
        "{ viewer { id name email } organization { id name urlKey } }",
        None,
    );
    assert_eq!(st, 200);
    assert_eq!(v["data"]["organization"]["urlKey"], "acme");
    assert_eq!(v["data"]["organization"]["id"], s.org().id);
    assert!(
        v["data"]["viewer"]["email"]
            .as_str()
            .unwrap()
            .ends_with("@oauthapp.linear.app")
    );
    // users: the bot and three active humans, two per page.
    let q = "query($after: String) { users(first: 2, after: $after, filter: { active: { eq: true } }) { nodes { id name email } pageInfo { hasNextPage endCursor } } }";
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let (_, v) = gql(&s, &access, q, after.as_deref());
        let c = &v["data"]["users"];
        all.extend(c["nodes"].as_array().unwrap().clone());
        if !c["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = c["pageInfo"]["endCursor"].as_str().map(str::to_string);
    }
    assert_eq!(all.len(), 4);
    let (_, v) = gql(
        &s,
        &access,
        "{ teams(first: 100) { nodes { key } } projects(first: 100) { nodes { id name teams(first: 1) { nodes { name } } } } }",
        None,
    );
    assert_eq!(v["data"]["teams"]["nodes"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["data"]["projects"]["nodes"][0]["teams"]["nodes"][0]["name"],
        "Engineering"
    );
    s.fail_next("/graphql", 503, 1);
    assert_eq!(gql(&s, &access, "{ viewer { id } }", None).0, 503);
    assert_eq!(gql(&s, &access, "{ viewer { id } }", None).0, 200);
}

#[test]
fn stack_has_linear_tables_secret_and_outputs() {
    let moto = moto::MotoServer::shared();
    let name = format!("linear-selftest-{}", std::process::id());
    let p = moto::Platform::create(moto, &name);
    for o in [
        "LinearWorkspaceRegistryTableName",
        "LinearUserMappingTableName",
        "LinearProjectMappingTableName",
        "LinearWebhookSecretArn",
    ] {
        assert!(p.outputs.contains_key(o), "{o} missing");
    }
    let stack_secret = p
        .get_secret_string(&p.outputs["LinearWebhookSecretArn"])
        .unwrap();
    assert!(!stack_secret.starts_with("lin_wh_") && stack_secret.len() >= 32);
    let ddb = aws_sdk_dynamodb::Client::new(&p.sdk);
    let users = p.outputs["LinearUserMappingTableName"].clone();
    let (ttl, table) = block_on(async {
        (
            ddb.describe_time_to_live()
                .table_name(&users)
                .send()
                .await
                .unwrap(),
            ddb.describe_table()
                .table_name(&users)
                .send()
                .await
                .unwrap(),
        )
    });
    assert_eq!(
        ttl.time_to_live_description().unwrap().attribute_name(),
        Some("ttl")
    );
    let t = table.table().unwrap();
    assert_eq!(t.key_schema()[0].attribute_name(), "linear_identity");
    assert_eq!(
        t.global_secondary_indexes()[0].index_name(),
        Some("PlatformUserIndex")
    );
    p.put_item_json(
        "LinearWorkspaceRegistryTableName",
        &json!({"linear_workspace_id": "w", "team_keys": ["ENG"]}),
    );
    assert_eq!(
        p.get_item(
            "LinearWorkspaceRegistryTableName",
            "linear_workspace_id",
            "w"
        )
        .unwrap()["team_keys"],
        json!(["ENG"])
    );
}
