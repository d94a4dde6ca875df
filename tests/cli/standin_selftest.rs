//! Self-test of the local Atlassian stand-in (`examples/local/atlassian_standin.rs`):
//! the happy path and every rejection rule, over real HTTP on 127.0.0.1.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::atlassian_standin::{
    ACME_CLOUD_ID, ADMIN_ACCOUNT_ID, Config, Consent, Site, Standin, User, random_uuid,
};
use base64::Engine as _;
use serde_json::{Value, json};
use sha2::Digest as _;

const CLIENT_ID: &str = "test-client-id";
const SECRET: &str = "test-client-secret";
const REDIRECT: &str = "http://localhost:8080/oauth/callback";

// ---------------------------------------------------------------------------------------
// A minimal HTTP/1.1 client (one request per connection).
// ---------------------------------------------------------------------------------------

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "status {}: body is not JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn host_port(base: &str) -> &str {
    base.strip_prefix("http://").unwrap()
}

/// Sends raw bytes and reads the answer until the server closes the connection.
fn raw(base: &str, bytes: &[u8]) -> Resp {
    let mut s = TcpStream::connect(host_port(base)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // The server may answer (and stop reading) before a refused body is fully sent.
    let _ = s.write_all(bytes);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    parse_response(&out)
}

fn parse_response(out: &[u8]) -> Resp {
    let end = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(out)));
    let head = std::str::from_utf8(&out[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status: u16 = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (k, v) = l.split_once(':').unwrap();
            (k.trim().to_string(), v.trim().to_string())
        })
        .collect();
    let mut body = out[end + 4..].to_vec();
    if let Some(len) = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.parse::<usize>().unwrap())
    {
        assert_eq!(body.len(), len, "body length matches Content-Length");
        body.truncate(len);
    }
    Resp {
        status,
        headers,
        body,
    }
}

fn request(base: &str, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
    let mut req = format!(
        "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
        host_port(base)
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    let mut bytes = req.into_bytes();
    bytes.extend_from_slice(body);
    raw(base, &bytes)
}

fn get(base: &str, target: &str) -> Resp {
    request(base, "GET", target, &[], b"")
}

fn get_bearer(base: &str, target: &str, token: &str) -> Resp {
    request(
        base,
        "GET",
        target,
        &[("Authorization", &format!("Bearer {token}"))],
        b"",
    )
}

fn post_json(base: &str, path: &str, v: &Value) -> Resp {
    request(
        base,
        "POST",
        path,
        &[("Content-Type", "application/json")],
        v.to_string().as_bytes(),
    )
}

// ---------------------------------------------------------------------------------------
// OAuth helpers
// ---------------------------------------------------------------------------------------

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

struct Pkce {
    verifier: String,
    challenge: String,
}

fn pkce() -> Pkce {
    let mut raw = [0u8; 32];
    rand::fill(&mut raw[..]);
    let verifier = b64(&raw);
    let challenge = b64(&sha2::Sha256::digest(verifier.as_bytes()));
    Pkce {
        verifier,
        challenge,
    }
}

fn authorize_params(p: &Pkce, state: &str) -> Vec<(String, String)> {
    [
        ("audience", "api.atlassian.com"),
        ("client_id", CLIENT_ID),
        (
            "scope",
            "read:jira-work write:jira-work read:jira-user offline_access",
        ),
        ("redirect_uri", REDIRECT),
        ("state", state),
        ("response_type", "code"),
        ("prompt", "consent"),
        ("code_challenge", &p.challenge),
        ("code_challenge_method", "S256"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn authorize_target(params: &[(String, String)]) -> String {
    let q: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    format!("/authorize?{q}")
}

fn with_param(
    params: &[(String, String)],
    key: &str,
    value: Option<&str>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = params.iter().filter(|(k, _)| k != key).cloned().collect();
    if let Some(v) = value {
        out.push((key.to_string(), v.to_string()));
    }
    out
}

/// Location's query as pairs, checking it goes to the registered callback.
fn callback_query(r: &Resp) -> Vec<(String, String)> {
    assert_eq!(r.status, 302, "{}", r.text());
    let loc = r.header("Location").expect("Location header");
    let u = url::Url::parse(loc).unwrap();
    assert!(loc.starts_with(&format!("{REDIRECT}?")), "{loc}");
    u.query_pairs().into_owned().collect()
}

fn param<'a>(pairs: &'a [(String, String)], k: &str) -> Option<&'a str> {
    pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

/// Runs /authorize with consent and returns the code.
fn get_code(base: &str, p: &Pkce) -> String {
    let r = get(base, &authorize_target(&authorize_params(p, "st-1")));
    let q = callback_query(&r);
    assert_eq!(param(&q, "state"), Some("st-1"));
    param(&q, "code").expect("code").to_string()
}

fn exchange_body(code: &str, verifier: Option<&str>, redirect: &str) -> Value {
    let mut v = json!({
        "grant_type": "authorization_code",
        "client_id": CLIENT_ID,
        "client_secret": SECRET,
        "code": code,
        "redirect_uri": redirect,
    });
    if let Some(ver) = verifier {
        v["code_verifier"] = json!(ver);
    }
    v
}

fn refresh_body(rt: &str) -> Value {
    json!({
        "grant_type": "refresh_token",
        "client_id": CLIENT_ID,
        "client_secret": SECRET,
        "refresh_token": rt,
    })
}

fn standin() -> Standin {
    Standin::start(Config::new(CLIENT_ID, SECRET, REDIRECT))
}

fn last_rejection(s: &Standin) -> String {
    s.counts().rejected.last().cloned().unwrap_or_default()
}

fn assert_oauth_error(r: &Resp, status: u16, error: &str) {
    assert_eq!(r.status, status, "{}", r.text());
    assert_eq!(r.json()["error"], error, "{}", r.text());
    assert!(r.json()["error_description"].is_string(), "{}", r.text());
}

fn regex_free_uuid_check(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && id
            .bytes()
            .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && id != random_uuid()
}

fn jira_path(cloud: &str, rest: &str) -> String {
    format!("/ex/jira/{cloud}/rest/api/3/{rest}")
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[test]
fn happy_path_authorize_exchange_resources_myself_users() {
    let s = standin();
    let cloud = s.sites()[0].id.clone();
    let base = s.url();
    assert!(base.starts_with("http://127.0.0.1:"));
    let p = pkce();
    // A state with characters that need encoding is echoed exactly.
    let state = "a+b/c=d&e f~";
    let params = authorize_params(&p, state);
    let r = get(&base, &authorize_target(&params));
    let q = callback_query(&r);
    assert_eq!(param(&q, "state"), Some(state));
    let code = param(&q, "code").unwrap().to_string();
    assert!(code.starts_with("sa_ac_"));
    assert_eq!(s.last_authorize_query().unwrap(), params);

    let r = post_json(
        &base,
        "/oauth/token",
        &exchange_body(&code, Some(&p.verifier), REDIRECT),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("Cache-Control"), Some("no-store"));
    let t = r.json();
    let at = t["access_token"].as_str().unwrap().to_string();
    let rt = t["refresh_token"].as_str().unwrap().to_string();
    assert!(at.starts_with("sa_at_") && at.len() >= 40, "{at}");
    assert!(rt.starts_with("sa_rt_") && rt.len() >= 40, "{rt}");
    assert_eq!(t["expires_in"], 3600);
    assert_eq!(t["token_type"], "Bearer");
    assert_eq!(
        t["scope"],
        "read:jira-work write:jira-work read:jira-user offline_access"
    );

    let r = get_bearer(&base, "/oauth/token/accessible-resources", &at);
    assert_eq!(r.status, 200, "{}", r.text());
    let sites = r.json();
    assert_eq!(sites.as_array().unwrap().len(), 1);
    assert_eq!(sites[0]["id"], cloud.as_str());
    let uuid = regex_free_uuid_check(&cloud);
    assert!(uuid, "{cloud}");
    assert_ne!(
        Config::new("a", "b", "c").sites[0].id,
        cloud,
        "fresh per Config"
    );
    assert_eq!(sites[0]["name"], "Acme");
    assert_eq!(sites[0]["url"], "https://acme.atlassian.net");
    assert_eq!(
        sites[0]["scopes"],
        json!(["read:jira-work", "write:jira-work", "read:jira-user"])
    );
    assert!(sites[0]["avatarUrl"].is_string());

    let r = get_bearer(&base, &jira_path(&cloud, "myself"), &at);
    assert_eq!(r.status, 200, "{}", r.text());
    let me = r.json();
    assert_eq!(me["accountId"], ADMIN_ACCOUNT_ID);
    assert_eq!(me["accountType"], "atlassian");
    assert_eq!(me["active"], true);
    assert_eq!(me["displayName"], "Alex Admin");
    assert_eq!(me["emailAddress"], "alex.admin@acme.example");
    assert!(me["self"].as_str().unwrap().starts_with(&base));

    // /user by id, including an inactive user and one with a hidden email.
    let users = User::defaults();
    let inactive = users.iter().find(|u| !u.active).unwrap();
    let r = get_bearer(
        &base,
        &format!(
            "{}?accountId={}",
            jira_path(&cloud, "user"),
            url::form_urlencoded::byte_serialize(inactive.account_id.as_bytes())
                .collect::<String>()
        ),
        &at,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["active"], false);
    let hidden = users
        .iter()
        .find(|u| u.email.is_none() && u.account_type == "atlassian")
        .unwrap();
    let r = get_bearer(
        &base,
        &format!(
            "{}?accountId={}",
            jira_path(&cloud, "user"),
            hidden.account_id
        ),
        &at,
    );
    assert_eq!(r.status, 200);
    assert!(r.json().get("emailAddress").is_none(), "{}", r.text());

    let r = get_bearer(
        &base,
        &format!("{}?accountId=nobody", jira_path(&cloud, "user")),
        &at,
    );
    assert_eq!(r.status, 404);
    assert!(r.json()["errorMessages"][0].is_string());

    // /user/search: case-insensitive prefix on name, word or email; only active users; apps included.
    let search = |q: &str, extra: &str| {
        let r = get_bearer(
            &base,
            &format!("{}?query={q}{extra}", jira_path(&cloud, "user/search")),
            &at,
        );
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["displayName"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(search("sAm", ""), ["Sam Rivera", "Samantha Lee"]);
    assert_eq!(search("sam", "&maxResults=1"), ["Sam Rivera"]);
    assert_eq!(search("sam", "&startAt=1&maxResults=5"), ["Samantha Lee"]);
    assert_eq!(search("lee", ""), ["Samantha Lee"]);
    assert_eq!(search("alex.admin%40", ""), ["Alex Admin"]);
    assert_eq!(
        search("pat", ""),
        Vec::<String>::new(),
        "inactive users are not found"
    );
    assert_eq!(search("automation", ""), ["Automation for Jira"]);

    let c = s.counts();
    assert_eq!(c.authorize, 1);
    assert_eq!(c.code_exchanges, 1);
    assert_eq!(c.refreshes, 0);
    assert_eq!(c.rejected, ["unknown_user"]);
    assert_eq!(c.api_calls, 2 + 3 + 7);
    assert_eq!(c.faulted, 0);
}

#[test]
fn token_endpoint_rejects_a_form_body() {
    let s = standin();
    let p = pkce();
    let code = get_code(&s.url(), &p);
    let form = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("grant_type", "authorization_code"),
            ("client_id", CLIENT_ID),
            ("client_secret", SECRET),
            ("code", code.as_str()),
            ("redirect_uri", REDIRECT),
            ("code_verifier", p.verifier.as_str()),
        ])
        .finish();
    let r = request(
        &s.url(),
        "POST",
        "/oauth/token",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        form.as_bytes(),
    );
    assert_oauth_error(&r, 400, "invalid_request");
    assert_eq!(last_rejection(&s), "form_body");
    assert_eq!(s.counts().code_exchanges, 1, "the attempt is counted");

    // JSON without the JSON content type is refused too.
    let body = exchange_body(&code, Some(&p.verifier), REDIRECT).to_string();
    let r = request(
        &s.url(),
        "POST",
        "/oauth/token",
        &[("Content-Type", "text/plain")],
        body.as_bytes(),
    );
    assert_oauth_error(&r, 400, "invalid_request");
    assert_eq!(last_rejection(&s), "bad_content_type");

    // The code was not burned by requests that never got to it.
    let r = post_json(
        &s.url(),
        "/oauth/token",
        &exchange_body(&code, Some(&p.verifier), REDIRECT),
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

#[test]
fn token_endpoint_requires_the_client_secret_in_the_body() {
    let s = standin();
    let p = pkce();
    let code = get_code(&s.url(), &p);
    let mut body = exchange_body(&code, Some(&p.verifier), REDIRECT);
    body.as_object_mut().unwrap().remove("client_secret");
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{SECRET}"))
    );
    let r = request(
        &s.url(),
        "POST",
        "/oauth/token",
        &[
            ("Content-Type", "application/json"),
            ("Authorization", &basic),
        ],
        body.to_string().as_bytes(),
    );
    assert_oauth_error(&r, 401, "access_denied");
    assert_eq!(r.json()["error_description"], "Unauthorized");
    assert_eq!(last_rejection(&s), "missing_client_secret");

    let mut wrong = exchange_body(&code, Some(&p.verifier), REDIRECT);
    wrong["client_secret"] = json!("not-the-secret");
    assert_oauth_error(
        &post_json(&s.url(), "/oauth/token", &wrong),
        401,
        "access_denied",
    );
    assert_eq!(last_rejection(&s), "bad_client_secret");

    let mut other = exchange_body(&code, Some(&p.verifier), REDIRECT);
    other["client_id"] = json!("someone-else");
    assert_oauth_error(
        &post_json(&s.url(), "/oauth/token", &other),
        401,
        "access_denied",
    );
    assert_eq!(last_rejection(&s), "unknown_client");
}

#[test]
fn code_exchange_verifies_pkce() {
    let s = standin();
    let p = pkce();

    let code = get_code(&s.url(), &p);
    let wrong = pkce();
    let r = post_json(
        &s.url(),
        "/oauth/token",
        &exchange_body(&code, Some(&wrong.verifier), REDIRECT),
    );
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "pkce_mismatch");

    let code = get_code(&s.url(), &p);
    let r = post_json(
        &s.url(),
        "/oauth/token",
        &exchange_body(&code, None, REDIRECT),
    );
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "pkce_missing");

    let code = get_code(&s.url(), &p);
    let r = post_json(
        &s.url(),
        "/oauth/token",
        &exchange_body(&code, Some("short"), REDIRECT),
    );
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "pkce_bad_verifier");

    // Sending the challenge itself as the verifier does not work.
    let code = get_code(&s.url(), &p);
    let r = post_json(
        &s.url(),
        "/oauth/token",
        &exchange_body(&code, Some(&p.challenge), REDIRECT),
    );
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "pkce_mismatch");
}

#[test]
fn code_exchange_requires_the_same_redirect_uri() {
    let s = standin();
    let p = pkce();
    for (redirect, reason) in [
        ("http://localhost:8080/oauth/callback/", "redirect_mismatch"),
        ("http://127.0.0.1:8080/oauth/callback", "redirect_mismatch"),
    ] {
        let code = get_code(&s.url(), &p);
        let r = post_json(
            &s.url(),
            "/oauth/token",
            &exchange_body(&code, Some(&p.verifier), redirect),
        );
        assert_oauth_error(&r, 403, "invalid_grant");
        assert_eq!(last_rejection(&s), reason);
    }
    let code = get_code(&s.url(), &p);
    let mut body = exchange_body(&code, Some(&p.verifier), REDIRECT);
    body.as_object_mut().unwrap().remove("redirect_uri");
    assert_oauth_error(
        &post_json(&s.url(), "/oauth/token", &body),
        403,
        "invalid_grant",
    );
    assert_eq!(last_rejection(&s), "redirect_missing");
}

#[test]
fn codes_are_single_use_and_expire() {
    let s = standin();
    let p = pkce();
    let code = get_code(&s.url(), &p);
    let body = exchange_body(&code, Some(&p.verifier), REDIRECT);
    assert_eq!(post_json(&s.url(), "/oauth/token", &body).status, 200);
    let r = post_json(&s.url(), "/oauth/token", &body);
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "code_reuse");

    // A failed attempt burns the code as well.
    let code = get_code(&s.url(), &p);
    let _ = post_json(
        &s.url(),
        "/oauth/token",
        &exchange_body(&code, None, REDIRECT),
    );
    let r = post_json(
        &s.url(),
        "/oauth/token",
        &exchange_body(&code, Some(&p.verifier), REDIRECT),
    );
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "code_reuse");

    let r = post_json(
        &s.url(),
        "/oauth/token",
        &exchange_body("sa_ac_made-up", Some(&p.verifier), REDIRECT),
    );
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "unknown_code");

    s.set_code_ttl(0);
    let code = get_code(&s.url(), &p);
    let r = post_json(
        &s.url(),
        "/oauth/token",
        &exchange_body(&code, Some(&p.verifier), REDIRECT),
    );
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "code_expired");
    assert_eq!(s.counts().code_exchanges, 6);
}

#[test]
fn refresh_tokens_rotate_without_leeway() {
    let s = standin();
    let (_, rt0) = s.mint_tokens();
    let r = post_json(&s.url(), "/oauth/token", &refresh_body(&rt0));
    assert_eq!(r.status, 200, "{}", r.text());
    let t = r.json();
    let at1 = t["access_token"].as_str().unwrap().to_string();
    let rt1 = t["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(rt1, rt0);
    assert_eq!(t["expires_in"], 3600);
    assert_eq!(
        get_bearer(&s.url(), "/oauth/token/accessible-resources", &at1).status,
        200
    );

    // Reusing the rotated token fails at once, with Atlassian's body.
    let r = post_json(&s.url(), "/oauth/token", &refresh_body(&rt0));
    assert_eq!(r.status, 403);
    assert_eq!(
        r.json(),
        json!({"error": "invalid_grant", "error_description": "Unknown or invalid refresh token."})
    );
    assert_eq!(last_rejection(&s), "refresh_reuse");

    // Another writer rotates rt1; rt1 is then dead and the externally issued one works.
    let handle = s.clone_handle();
    let rt1_copy = rt1.clone();
    let (_, rt2) = std::thread::spawn(move || handle.rotate_refresh_token_externally(&rt1_copy))
        .join()
        .unwrap()
        .unwrap();
    assert!(s.rotate_refresh_token_externally(&rt1).is_none());
    let r = post_json(&s.url(), "/oauth/token", &refresh_body(&rt1));
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "refresh_reuse");
    let r = post_json(&s.url(), "/oauth/token", &refresh_body(&rt2));
    assert_eq!(r.status, 200, "{}", r.text());

    let r = post_json(&s.url(), "/oauth/token", &refresh_body("sa_rt_unknown"));
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "unknown_refresh");

    let mut no_secret = refresh_body(&rt2);
    no_secret.as_object_mut().unwrap().remove("client_secret");
    assert_oauth_error(
        &post_json(&s.url(), "/oauth/token", &no_secret),
        401,
        "access_denied",
    );
    assert_eq!(last_rejection(&s), "missing_client_secret");

    let bogus = json!({"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": SECRET});
    assert_oauth_error(
        &post_json(&s.url(), "/oauth/token", &bogus),
        400,
        "unsupported_grant_type",
    );
    assert_eq!(s.counts().refreshes, 6);
}

#[test]
fn revoke_all_invalidates_everything() {
    let s = standin();
    let (at, rt) = s.mint_tokens();
    assert_eq!(
        get_bearer(&s.url(), "/oauth/token/accessible-resources", &at).status,
        200
    );
    s.revoke_all();
    let r = get_bearer(&s.url(), "/oauth/token/accessible-resources", &at);
    assert_eq!(r.status, 401);
    assert_eq!(last_rejection(&s), "revoked_bearer");
    let r = post_json(&s.url(), "/oauth/token", &refresh_body(&rt));
    assert_oauth_error(&r, 403, "invalid_grant");
    assert_eq!(last_rejection(&s), "revoked_refresh");
    assert!(!s.is_current_refresh_token(&rt));
}

#[test]
fn api_requires_a_valid_bearer_and_a_known_cloud_id() {
    let s = standin();
    let cloud = s.sites()[0].id.clone();
    let base = s.url();
    let (at, _) = s.mint_tokens();
    let myself = jira_path(&cloud, "myself");

    let r = get(&base, &myself);
    assert_eq!(r.status, 401);
    assert_eq!(last_rejection(&s), "missing_bearer");
    let r = get_bearer(&base, &myself, "sa_at_not-a-real-token");
    assert_eq!(r.status, 401);
    assert!(r.header("WWW-Authenticate").is_some());
    assert_eq!(last_rejection(&s), "bad_bearer");
    let r = request(
        &base,
        "GET",
        &myself,
        &[("Authorization", &format!("Basic {at}"))],
        b"",
    );
    assert_eq!(r.status, 401);
    assert_eq!(last_rejection(&s), "bad_bearer");
    let r = get_bearer(&base, "/oauth/token/accessible-resources", "nope");
    assert_eq!(r.status, 401);

    let r = get_bearer(
        &base,
        &jira_path("00000000-0000-0000-0000-000000000000", "myself"),
        &at,
    );
    assert_eq!(r.status, 404);
    assert_eq!(last_rejection(&s), "unknown_cloud_id");
    let r = get_bearer(&base, &jira_path(&cloud, "issue/ABC-1"), &at);
    assert_eq!(r.status, 404);
    let r = get_bearer(
        &base,
        &format!("{}?query=", jira_path(&cloud, "user/search")),
        &at,
    );
    assert_eq!(r.status, 400);
    assert_eq!(last_rejection(&s), "missing_query");

    // Expired tokens.
    s.set_access_token_ttl(0);
    let (expired, _) = s.mint_tokens();
    let r = get_bearer(&base, &myself, &expired);
    assert_eq!(r.status, 401);
    assert_eq!(last_rejection(&s), "expired_bearer");
    // Tokens issued before keep working.
    assert_eq!(get_bearer(&base, &myself, &at).status, 200);

    // Sites can change; several sites are listed in order.
    s.set_sites(Site::defaults(3));
    assert_eq!(s.sites(), Site::defaults(3));
    let r = get_bearer(&base, "/oauth/token/accessible-resources", &at);
    let ids: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 3);
    assert_eq!(ids[0], ACME_CLOUD_ID);
    assert_eq!(
        get_bearer(&base, &jira_path(&ids[2], "myself"), &at).status,
        200
    );

    assert_eq!(get(&base, "/nothing/here").status, 404);
    assert_eq!(last_rejection(&s), "unknown_path");
}

#[test]
fn authorize_rejects_what_atlassian_rejects() {
    let s = standin();
    let base = s.url();
    let p = pkce();
    let good = authorize_params(&p, "st");

    // Unknown client or unregistered redirect: an HTML error page, never a redirect.
    for (key, value, reason) in [
        ("client_id", Some("other-client"), "unknown_client"),
        ("client_id", None, "unknown_client"),
        (
            "redirect_uri",
            Some("http://localhost:8081/oauth/callback"),
            "redirect_uri_invalid",
        ),
        (
            "redirect_uri",
            Some("http://localhost:8080/oauth/callback/"),
            "redirect_uri_invalid",
        ),
        (
            "redirect_uri",
            Some("http://127.0.0.1:8080/oauth/callback"),
            "redirect_uri_invalid",
        ),
    ] {
        let r = get(&base, &authorize_target(&with_param(&good, key, value)));
        assert_eq!(r.status, 400, "{key}={value:?}");
        assert!(r.header("Location").is_none());
        assert!(r.header("Content-Type").unwrap().starts_with("text/html"));
        assert!(
            r.text().contains("The app&#39;s callback URL is invalid"),
            "{}",
            r.text()
        );
        assert_eq!(last_rejection(&s), reason);
    }

    for (key, value, reason) in [
        ("audience", None, "bad_audience"),
        ("audience", Some("api.atlassian.com/"), "bad_audience"),
        ("response_type", Some("token"), "bad_response_type"),
        ("scope", None, "missing_scope"),
        (
            "scope",
            Some("read:jira-work write:jira-work"),
            "missing_required_scope",
        ),
        (
            "scope",
            Some("read:jira-work read:jira-user openid"),
            "unknown_scope",
        ),
        ("state", None, "missing_state"),
        ("state", Some(""), "missing_state"),
        ("prompt", None, "bad_prompt"),
        ("prompt", Some("none"), "bad_prompt"),
        ("code_challenge", None, "pkce_challenge_missing"),
        (
            "code_challenge",
            Some("too-short"),
            "pkce_challenge_invalid",
        ),
        ("code_challenge_method", None, "pkce_method"),
        ("code_challenge_method", Some("plain"), "pkce_method"),
    ] {
        let r = get(&base, &authorize_target(&with_param(&good, key, value)));
        assert_eq!(r.status, 400, "{key}={value:?}: {}", r.text());
        assert!(r.header("Location").is_none());
        assert!(r.json()["error"].is_string());
        assert_eq!(last_rejection(&s), reason, "{key}={value:?}");
    }

    let mut dup = good.clone();
    dup.push(("state".into(), "second".into()));
    assert_eq!(get(&base, &authorize_target(&dup)).status, 400);
    assert_eq!(last_rejection(&s), "duplicate_param");

    // Without offline_access there is no refresh token, and the granted scope is echoed.
    let no_offline = with_param(&good, "scope", Some("read:jira-work read:jira-user"));
    let q = callback_query(&get(&base, &authorize_target(&no_offline)));
    let code = param(&q, "code").unwrap();
    let r = post_json(
        &base,
        "/oauth/token",
        &exchange_body(code, Some(&p.verifier), REDIRECT),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.json().get("refresh_token").is_none());
    assert_eq!(r.json()["scope"], "read:jira-work read:jira-user");
    assert_eq!(s.counts().authorize, 5 + 14 + 2);
}

#[test]
fn denied_consent_redirects_with_access_denied() {
    let s = standin();
    s.set_consent(Consent::Deny);
    let p = pkce();
    let r = get(&s.url(), &authorize_target(&authorize_params(&p, "st/1 2")));
    assert_eq!(r.status, 302);
    assert_eq!(
        r.header("Location").unwrap(),
        format!(
            "{REDIRECT}?error=access_denied&error_description=User%20did%20not%20authorize%20the%20request&state=st%2F1%202"
        )
    );
    assert!(s.counts().rejected.is_empty());
    s.set_consent(Consent::Allow);
    assert!(
        param(
            &callback_query(&get(
                &s.url(),
                &authorize_target(&authorize_params(&p, "x"))
            )),
            "code"
        )
        .is_some()
    );
}

#[test]
fn fail_next_injects_faults_with_retry_after() {
    let s = standin();
    let cloud = s.sites()[0].id.clone();
    let (at, _) = s.mint_tokens();
    let myself = jira_path(&cloud, "myself");
    s.fail_next("/ex/jira/", 429, Some(7), 2);
    for _ in 0..2 {
        let r = get_bearer(&s.url(), &myself, &at);
        assert_eq!(r.status, 429);
        assert_eq!(r.header("Retry-After"), Some("7"));
        assert!(r.json()["error"].is_string());
    }
    assert_eq!(get_bearer(&s.url(), &myself, &at).status, 200);

    // Faults apply before any other check, on any path, without Retry-After when not given.
    s.fail_next("/oauth/token", 503, None, 1);
    let r = post_json(&s.url(), "/oauth/token", &json!({}));
    assert_eq!(r.status, 503);
    assert!(r.header("Retry-After").is_none());
    assert!(r.json()["error_description"].is_string());
    let c = s.counts();
    assert_eq!(c.faulted, 3);
    assert_eq!(c.api_calls, 3);
    assert!(c.rejected.is_empty(), "{:?}", c.rejected);
}

#[test]
fn malformed_and_oversized_requests_get_errors_not_panics() {
    let s = standin();
    let base = s.url();

    // Declared body over 1 MiB: refused before reading.
    let r = raw(
        &base,
        b"POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999\r\n\r\n{}",
    );
    assert_eq!(r.status, 413);
    // An actual 2 MiB body.
    let big = vec![b'a'; 2 << 20];
    let r = request(
        &base,
        "POST",
        "/oauth/token",
        &[("Content-Type", "application/json")],
        &big,
    );
    assert_eq!(r.status, 413);
    // A chunked body that grows past the cap.
    let mut chunked = b"POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..20 {
        chunked.extend_from_slice(b"10000\r\n");
        chunked.extend_from_slice(&[b' '; 0x10000]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(raw(&base, &chunked).status, 413);
    // A small chunked JSON body is fine.
    let mut ok = b"POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    let body = refresh_body("sa_rt_x").to_string();
    ok.extend_from_slice(format!("{:x}\r\n{body}\r\n0\r\n\r\n", body.len()).as_bytes());
    let r = raw(&base, &ok);
    assert_oauth_error(&r, 403, "invalid_grant");

    // Bad UTF-8 in the head, the target and the body.
    assert_eq!(
        raw(&base, b"GET /authorize?x=\xff HTTP/1.1\r\nHost: x\r\n\r\n").status,
        400
    );
    assert_eq!(
        raw(&base, b"GET / HTTP/1.1\r\nX-Bad: \xfe\xff\r\n\r\n").status,
        400
    );
    let r = request(
        &base,
        "POST",
        "/oauth/token",
        &[("Content-Type", "application/json")],
        b"{\"a\":\"\xff\"}",
    );
    assert_oauth_error(&r, 400, "invalid_request");
    assert_eq!(last_rejection(&s), "invalid_json");
    // Percent-encoded invalid UTF-8 in a query is just a wrong value.
    let r = get(&base, "/authorize?client_id=%FF%FE");
    assert_eq!(r.status, 400);
    // Garbage.
    assert_eq!(raw(&base, b"\x00\x01\x02 nonsense\r\n\r\n").status, 400);
    assert_eq!(raw(&base, b"GET /authorize HTTP/9.9\r\n\r\n").status, 400);
    let r = request(
        &base,
        "POST",
        "/oauth/token",
        &[("Content-Type", "application/json")],
        b"[1,2,3]",
    );
    assert_eq!(r.status, 400);
    let r = request(
        &base,
        "POST",
        "/oauth/token",
        &[("Content-Type", "application/json")],
        b"{\"client_id\": 5}",
    );
    assert_oauth_error(&r, 401, "access_denied");
    // A client that connects and goes away.
    drop(TcpStream::connect(host_port(&base)).unwrap());
    // Wrong methods.
    assert_eq!(get(&base, "/oauth/token").status, 405);
    assert_eq!(
        request(
            &base,
            "DELETE",
            "/oauth/token/accessible-resources",
            &[],
            b""
        )
        .status,
        405
    );

    // Still serving.
    let (at, _) = s.mint_tokens();
    assert_eq!(
        get_bearer(&base, "/oauth/token/accessible-resources", &at).status,
        200
    );
    assert!(s.counts().rejected.iter().any(|r| r == "body_too_large"));
}

#[test]
fn a_stalled_client_does_not_block_others() {
    let s = standin();
    let mut stalled = TcpStream::connect(host_port(&s.url())).unwrap();
    stalled
        .write_all(b"POST /oauth/token HTTP/1.1\r\nContent-Length: 100\r\n\r\n{")
        .unwrap();
    let (at, _) = s.mint_tokens();
    assert_eq!(
        get_bearer(&s.url(), "/oauth/token/accessible-resources", &at).status,
        200
    );
    drop(stalled);
}

#[test]
fn start_on_a_taken_port_fails_and_drop_frees_the_port() {
    let s = standin();
    let port: u16 = s.url().rsplit(':').next().unwrap().parse().unwrap();
    assert!(Standin::start_on(Config::new(CLIENT_ID, SECRET, REDIRECT), port).is_err());
    drop(s);
    let again = Standin::start_on(Config::new(CLIENT_ID, SECRET, REDIRECT), port).unwrap();
    assert_eq!(again.url(), format!("http://127.0.0.1:{port}"));
}

// ---------------------------------------------------------------------------------------
// The Forge proxy stand-in (`examples/local/forge_standin.rs`): the proxy's check order.
// ---------------------------------------------------------------------------------------

mod forge {
    use super::{Resp, request};
    use crate::forge_standin::{ForgeStandin, Identity, MAX_BODY};
    use hmac::{KeyInit, Mac};
    use serde_json::json;

    const SECRET: &str = "0123456789abcdef0123456789abcdef-forge";
    const PATH: &str = "/public/bgagent-outbound";

    fn now() -> i64 {
        time::OffsetDateTime::now_utc().unix_timestamp()
    }

    fn sign(secret: &str, ts: &str, body: &[u8]) -> String {
        let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        m.update(format!("{ts}.").as_bytes());
        m.update(body);
        format!("sha256={}", hex::encode(m.finalize().into_bytes()))
    }

    fn send(f: &ForgeStandin, method: &str, ts: &str, sig: &str, body: &[u8]) -> Resp {
        request(
            &f.base(),
            method,
            PATH,
            &[
                ("Content-Type", "application/json"),
                ("X-Bgagent-Timestamp", ts),
                ("X-Bgagent-Signature", sig),
            ],
            body,
        )
    }

    fn signed(f: &ForgeStandin, body: &serde_json::Value) -> Resp {
        let b = body.to_string();
        let ts = now().to_string();
        send(
            f,
            "POST",
            &ts,
            &sign(SECRET, &ts, b.as_bytes()),
            b.as_bytes(),
        )
    }

    fn error_of(r: &Resp) -> String {
        assert_eq!(r.header("Content-Type"), Some("application/json"));
        r.json()["error"].as_str().unwrap_or_default().to_string()
    }

    fn standin() -> ForgeStandin {
        ForgeStandin::start(Some(SECRET), Identity::app("https://acme.atlassian.net"))
    }

    #[test]
    fn identity_answers_for_a_correctly_signed_probe() {
        let f = standin();
        let r = signed(
            &f,
            &json!({"version":1,"operation":"identity","cloud_id":"c"}),
        );
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(
            r.json(),
            json!({"account_id":"557058:bgagent-forge-app","account_type":"app","display_name":"bgagent","site_url":"https://acme.atlassian.net"})
        );
        assert_eq!(f.seen().operations, ["identity"]);
    }

    #[test]
    fn secret_is_checked_first_then_size_then_signature_then_method() {
        let f = standin();
        let big = vec![b' '; MAX_BODY + 1];
        // Not configured beats everything.
        f.set_secret(Some("short"));
        assert_eq!(
            error_of(&send(&f, "GET", "x", "y", &big)),
            "proxy_not_configured"
        );
        f.set_secret(None);
        assert_eq!(send(&f, "POST", "1", "y", b"{}").status, 503);
        f.set_secret(Some(SECRET));
        // Size is checked before the signature (a badly signed oversize body is 413).
        let r = send(&f, "POST", "1", "sha256=00", &big);
        assert_eq!((r.status, error_of(&r)), (413, "payload_too_large".into()));
        // Exactly the limit is not too large (it then fails on the signature).
        let ts = now().to_string();
        let r = send(&f, "POST", &ts, "sha256=00", &big[..MAX_BODY]);
        assert_eq!((r.status, error_of(&r)), (401, "invalid_signature".into()));
        // The method is checked only after authentication.
        assert_eq!(send(&f, "GET", "1", "sha256=00", b"").status, 401);
        let r = send(&f, "GET", &ts, &sign(SECRET, &ts, b""), b"");
        assert_eq!((r.status, error_of(&r)), (405, "method_not_allowed".into()));
        let seen = f.seen().rejected;
        assert_eq!(
            seen,
            [
                "proxy_not_configured",
                "proxy_not_configured",
                "payload_too_large",
                "bad_signature",
                "stale_timestamp",
                "method_not_allowed"
            ]
        );
    }

    #[test]
    fn signature_rules() {
        let f = standin();
        let body = br#"{"version":1,"operation":"identity","cloud_id":"c"}"#;
        let ts = now().to_string();
        let good = sign(SECRET, &ts, body);
        let cases: Vec<(String, String, &str)> = vec![
            (
                ts.clone(),
                sign("another-secret-another-secret-xx", &ts, body),
                "bad_signature",
            ),
            (
                ts.clone(),
                good.to_uppercase().replacen("SHA256", "sha256", 1),
                "bad_signature",
            ),
            (
                ts.clone(),
                good.trim_start_matches("sha256=").to_string(),
                "bad_signature",
            ),
            (ts.clone(), format!("{good}0"), "bad_signature"),
            (
                format!("{ts}.0"),
                sign(SECRET, &format!("{ts}.0"), body),
                "bad_timestamp",
            ),
            ("-1".into(), sign(SECRET, "-1", body), "bad_timestamp"),
            (
                "9007199254740992".into(),
                sign(SECRET, "9007199254740992", body),
                "bad_timestamp",
            ),
        ];
        for (t, s, reason) in &cases {
            let r = send(&f, "POST", t, s, body);
            assert_eq!(
                (r.status, error_of(&r)),
                (401, "invalid_signature".into()),
                "{t} {s}"
            );
            assert_eq!(f.seen().rejected.last().unwrap(), reason);
        }
        let r = request(
            &f.base(),
            "POST",
            PATH,
            &[("X-Bgagent-Timestamp", &ts)],
            body,
        );
        assert_eq!(r.status, 401);
        assert_eq!(
            f.seen().rejected.last().unwrap(),
            "missing_signature_headers"
        );
        // Header names are case-insensitive.
        let r = request(
            &f.base(),
            "POST",
            PATH,
            &[("x-bgagent-timestamp", &ts), ("X-BGAGENT-SIGNATURE", &good)],
            body,
        );
        assert_eq!(r.status, 200, "{}", r.text());
    }

    #[test]
    fn clock_window_is_300_seconds_either_way() {
        let f = standin();
        let body = br#"{"version":1,"operation":"identity","cloud_id":"c"}"#;
        for (offset, ok) in [(290, true), (-290, true), (310, false), (-310, false)] {
            let ts = (now() - offset).to_string();
            let r = send(&f, "POST", &ts, &sign(SECRET, &ts, body), body);
            assert_eq!(r.status == 200, ok, "offset {offset}: {}", r.text());
        }
        f.set_clock_offset(400);
        let r = signed(
            &f,
            &json!({"version":1,"operation":"identity","cloud_id":"c"}),
        );
        assert_eq!(r.status, 401);
        assert_eq!(f.seen().rejected.last().unwrap(), "stale_timestamp");
    }

    #[test]
    fn payload_and_operations() {
        let f = standin();
        let ts = now().to_string();
        let r = send(&f, "POST", &ts, &sign(SECRET, &ts, b"{nope"), b"{nope");
        assert_eq!((r.status, error_of(&r)), (400, "invalid_json".into()));
        for (body, status, code) in [
            (json!([1]), 400, "invalid_payload"),
            (
                json!({"version":"1","cloud_id":"c"}),
                400,
                "invalid_payload",
            ),
            (json!({"version":2,"cloud_id":"c"}), 400, "invalid_payload"),
            (
                json!({"version":1,"operation":"identity"}),
                400,
                "cloud_id_required",
            ),
            (
                json!({"version":1,"operation":"identity","cloud_id":""}),
                400,
                "cloud_id_required",
            ),
            (
                json!({"version":1,"operation":"delete_issue","cloud_id":"c"}),
                400,
                "unsupported_operation",
            ),
            (
                json!({"version":1,"operation":"comment","cloud_id":"c","issue_key":"1-ENG","body":{}}),
                400,
                "invalid_comment_request",
            ),
            (
                json!({"version":1,"operation":"comment","cloud_id":"c","issue_key":"ENG-1","body":[]}),
                400,
                "invalid_comment_request",
            ),
            (
                json!({"version":1,"operation":"update_comment","cloud_id":"c","issue_key":"ENG-1","body":{},"comment_id":"x1"}),
                400,
                "invalid_update_comment_request",
            ),
            (
                json!({"version":1,"operation":"get_transitions","cloud_id":"c","issue_key":"ENG"}),
                400,
                "invalid_issue_key",
            ),
            (
                json!({"version":1,"operation":"transition","cloud_id":"c","issue_key":"ENG-1","transition_id":"a b"}),
                400,
                "invalid_transition_request",
            ),
        ] {
            let r = signed(&f, &body);
            assert_eq!(
                (r.status, error_of(&r)),
                (status, code.to_string()),
                "{body}"
            );
        }
        for (body, status) in [
            (
                json!({"version":1,"operation":"comment","cloud_id":"c","issue_key":"ENG-1","body":{"type":"doc"}}),
                201,
            ),
            (
                json!({"version":1,"operation":"update_comment","cloud_id":"c","issue_key":"ENG_2-10","body":{},"comment_id":"100"}),
                200,
            ),
            (
                json!({"version":1,"operation":"get_transitions","cloud_id":"c","issue_key":"ENG-1"}),
                200,
            ),
            (
                json!({"version":1,"operation":"transition","cloud_id":"c","issue_key":"ENG-1","transition_id":"31"}),
                204,
            ),
        ] {
            assert_eq!(signed(&f, &body).status, status, "{body}");
        }
        assert_eq!(
            f.seen().operations,
            ["comment", "update_comment", "get_transitions", "transition"]
        );
        f.set_jira_fails(true);
        let r = signed(
            &f,
            &json!({"version":1,"operation":"identity","cloud_id":"c"}),
        );
        assert_eq!(
            (r.status, error_of(&r)),
            (502, "jira_request_failed".into())
        );
        f.set_identity(Identity::human("https://acme.atlassian.net"));
        f.set_jira_fails(false);
        let r = signed(
            &f,
            &json!({"version":1,"operation":"identity","cloud_id":"c"}),
        );
        assert_eq!(r.json()["account_type"], "atlassian");
    }
}
