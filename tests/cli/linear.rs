//! `bgagent linear …` through the real binary, against moto (the platform stack with its Linear
//! tables and secrets) and the strict Linear stand-in.

use serde_json::{Value, json};

use crate::linear_standin::{Config, LinearStandin, Org, random_uuid};
use crate::support::{PLATFORM_USER, Run, World, free_port, http, unique, wait_for};

pub const WEBHOOK: &str = "lin_wh_first0123456789abcdef";

/// The Linear side of a test: a stand-in whose app is registered with this world's callback.
pub struct Lin {
    pub standin: LinearStandin,
    pub client_id: String,
    pub client_secret: String,
    pub url_file: std::path::PathBuf,
}

pub fn linear(w: &World, url_key: &str) -> Lin {
    let port = free_port();
    let redirect = format!("http://localhost:{port}/oauth/callback");
    let client_id = unique("lin-client");
    let client_secret = format!("lcs-{}", hex::encode(rand::random::<[u8; 16]>()));
    let standin = LinearStandin::start(Config::new(&client_id, &client_secret, &redirect, url_key));
    w.env("BGAGENT_LINEAR_AUTH_URL", &standin.url());
    w.env("BGAGENT_LINEAR_API_URL", &standin.url());
    w.secret(&client_secret);
    w.secret(WEBHOOK);
    let url_file = w.record_browser();
    Lin {
        standin,
        client_id,
        client_secret,
        url_file,
    }
}

impl Lin {
    pub fn redirect(&self) -> String {
        self.standin.config().redirect_uri
    }

    /// `linear <cmd> <slug> …` with the client on argv and the secrets on stdin, playing the
    /// browser against the stand-in. Returns the run and the authorize query.
    pub fn install(&self, w: &World, args: &[&str], stdin: &str) -> (Run, Vec<(String, String)>) {
        let _ = std::fs::remove_file(&self.url_file);
        let redirect = self.redirect();
        let mut full: Vec<&str> = args.to_vec();
        full.extend(["--callback-url", &redirect, "--timeout", "30s"]);
        let s = w.spawn(&full, stdin);
        let url = wait_for(30, "bgagent to open the browser", || {
            std::fs::read_to_string(&self.url_file).ok()
        });
        let query: Vec<(String, String)> = url::Url::parse(&url)
            .unwrap()
            .query_pairs()
            .into_owned()
            .collect();
        let r = http::get(&url).expect("stand-in answered");
        if r.status == 302 {
            let loc = r.header("Location").unwrap().to_string();
            let _ = http::get(&loc);
        }
        let run = w.finish(s);
        self.register_tokens(w);
        (run, query)
    }

    /// Every token of every Linear bundle in the world is a secret for the output scan.
    pub fn register_tokens(&self, w: &World) {
        for b in bundles(w) {
            for k in [
                "access_token",
                "refresh_token",
                "client_secret",
                "webhook_signing_secret",
            ] {
                if let Some(v) = b[k].as_str() {
                    w.secret(v);
                }
            }
        }
    }
}

fn bundles(w: &World) -> Vec<Value> {
    w.platform
        .scan("LinearWorkspaceRegistryTableName")
        .iter()
        .filter(|r| r["status"] == "active")
        .filter_map(|r| r["oauth_secret_arn"].as_str().map(str::to_string))
        .filter_map(|arn| {
            let sm = aws_sdk_secretsmanager::Client::new(&w.platform.sdk);
            // A secret scheduled for deletion has no readable value (and no live tokens).
            crate::support::block_on(sm.get_secret_value().secret_id(arn).send())
                .ok()
                .and_then(|r| r.secret_string)
        })
        .filter_map(|s| serde_json::from_str(&s).ok())
        .collect()
}

pub fn bundle(w: &World, slug: &str) -> Option<Value> {
    w.platform
        .get_secret_string(&format!("bgagent-linear-oauth-{slug}"))
        .map(|s| serde_json::from_str(&s).unwrap())
}

pub fn registry(w: &World, id: &str) -> Option<Value> {
    w.platform.get_item(
        "LinearWorkspaceRegistryTableName",
        "linear_workspace_id",
        id,
    )
}

fn stack_secret(w: &World) -> String {
    w.platform
        .get_secret_string(&w.platform.outputs["LinearWebhookSecretArn"])
        .unwrap()
}

fn setup_args<'a>(lin: &'a Lin, slug: &'a str) -> Vec<&'a str> {
    vec![
        "--output",
        "json",
        "linear",
        "setup",
        slug,
        "--client-id",
        &lin.client_id,
        "--client-secret-stdin",
    ]
}

/// A first workspace installed with `setup`; returns (slug, org id).
pub fn first_workspace(w: &World, lin: &Lin) -> (String, String) {
    let slug = lin.standin.org().url_key;
    let mut args = setup_args(lin, &slug);
    args.push("--webhook-secret-stdin");
    let (run, _) = lin.install(w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    run.ok();
    (slug, lin.standin.org().id)
}

fn new_world() -> (World, Lin, String) {
    let w = World::new();
    let key = format!("acme{}", hex::encode(rand::random::<[u8; 4]>()));
    let lin = linear(&w, &key);
    (w, lin, key)
}

#[test]
fn app_template_offline_and_bot_name_rule() {
    let w = World::new();
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "app-template",
        "--callback-url",
        "http://localhost:9999/cb",
    ]);
    r.ok();
    let v = r.json();
    assert_eq!(v["callback_url"], "http://localhost:9999/cb");
    assert_eq!(v["github_username"], "bgagent[bot]");
    assert_eq!(
        v["scopes"],
        json!(["read", "write", "app:assignable", "app:mentionable"])
    );
    assert_eq!(v["webhooks"], "on");
    let r = w.run(&["linear", "app-template"]);
    r.ok();
    assert!(
        r.stdout.contains("http://localhost:8080/oauth/callback") && r.stdout.contains("[bot]")
    );
    w.run(&["linear", "app-template", "--bot-name", "bgagent"])
        .fails(2, "must end with [bot]");
}

#[test]
fn webhook_info_names_the_stack_url() {
    let w = World::new();
    let r = w.run(&["--output", "json", "linear", "webhook-info"]);
    r.ok();
    let url = r.json()["url"].as_str().unwrap().to_string();
    assert_eq!(
        url,
        format!("{}linear/webhook", w.platform.outputs["ApiUrl"])
    );
    let r = w.run(&["linear", "webhook-info"]);
    assert!(r.stdout.contains(&url) && r.stdout.contains("Issues, Comments"));
}

#[test]
fn setup_full_flow_writes_bundle_row_and_first_stack_secret() {
    let (w, lin, slug) = new_world();
    let before_stack = stack_secret(&w);
    let mut args = setup_args(&lin, &slug);
    args.push("--webhook-secret-stdin");
    let (run, q) = lin.install(&w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    run.ok();
    // The authorize request: actor=app, prompt=consent, space-separated scopes, S256.
    let get = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    assert_eq!(get("actor"), Some("app"));
    assert_eq!(get("prompt"), Some("consent"));
    assert_eq!(
        get("scope"),
        Some("read write app:assignable app:mentionable")
    );
    assert_eq!(get("code_challenge_method"), Some("S256"));
    let c = lin.standin.counts();
    assert_eq!((c.code_exchanges, c.rejected.len()), (1, 0), "{c:?}");
    let org = lin.standin.org();
    let v = run.json();
    for k in [
        "workspace_id",
        "workspace_slug",
        "workspace_name",
        "url_key",
        "oauth_secret_arn",
        "installed_by_platform_user_id",
        "token_expires_at",
        "team_keys",
        "webhook_url",
        "webhook_secret",
        "stack_wide_webhook_secret",
        "written",
        "next_steps",
    ] {
        assert!(v.get(k).is_some(), "JSON lacks {k}: {v}");
    }
    assert_eq!(v["workspace_id"], org.id.as_str());
    assert_eq!(v["webhook_secret"], "provided");
    assert_eq!(v["stack_wide_webhook_secret"], "written");
    assert_eq!(v["team_keys"], json!(["ENG", "OPS"]));
    // The bundle: the 11 fields, compact JSON, the webhook secret.
    let raw = w
        .platform
        .get_secret_string(&format!("bgagent-linear-oauth-{slug}"))
        .unwrap();
    assert!(!raw.contains(": ") && !raw.contains('\n'), "compact JSON");
    let b: Value = serde_json::from_str(&raw).unwrap();
    for k in [
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
    ] {
        assert!(
            b[k].as_str().is_some_and(|s| !s.is_empty()),
            "bundle lacks {k}"
        );
    }
    assert_eq!(b["workspace_id"], org.id.as_str());
    assert_eq!(b["workspace_slug"], slug.as_str());
    assert_eq!(b["client_id"], lin.client_id.as_str());
    assert_eq!(b["installed_by_platform_user_id"], PLATFORM_USER);
    assert_eq!(b["webhook_signing_secret"], WEBHOOK);
    assert!(
        lin.standin
            .is_current_refresh_token(b["refresh_token"].as_str().unwrap())
    );
    assert!(b["expires_at"].as_str().unwrap().ends_with('Z'));
    let name = format!("bgagent-linear-oauth-{slug}");
    assert_eq!(
        w.platform.secret_tags(&name),
        vec![
            ("bgagent:integration".to_string(), "linear".to_string()),
            ("bgagent:linear:workspace_slug".to_string(), slug.clone())
        ]
    );
    // The registry row: keyed by the org id, team_keys a list of strings.
    let row = registry(&w, &org.id).unwrap();
    assert_eq!(row["workspace_slug"], slug.as_str());
    assert_eq!(row["status"], "active");
    assert_eq!(row["oauth_secret_arn"], v["oauth_secret_arn"]);
    assert!(row["oauth_secret_arn"].as_str().unwrap().contains(&name));
    assert_eq!(row["team_keys"], json!(["ENG", "OPS"]));
    assert_eq!(row["installed_by_platform_user_id"], PLATFORM_USER);
    // First install: the stack-wide fallback is set to the bare lin_wh_ string.
    assert_ne!(before_stack, WEBHOOK);
    assert_eq!(stack_secret(&w), WEBHOOK);
    // workspaces lists it (tokens never shown).
    let r = w.run(&["--output", "json", "linear", "workspaces"]);
    r.ok();
    let ws = &r.json()["workspaces"];
    assert_eq!(ws.as_array().unwrap().len(), 1);
    assert_eq!(ws[0]["workspace_slug"], slug.as_str());
    assert_eq!(ws[0]["bundle"], "ok");
    assert_eq!(ws[0]["webhook_secret"], "set");
    assert_eq!(ws[0]["team_keys"], json!(["ENG", "OPS"]));
    let r = w.run(&["linear", "workspaces"]);
    r.ok();
    assert!(r.stdout.contains(&slug) && r.stdout.contains("SLUG"));
    w.assert_no_secrets();
}

#[test]
fn slug_must_match_the_grants_workspace_unless_forced() {
    let (w, lin, slug) = new_world();
    let wrong = format!("{slug}x");
    let mut args = setup_args(&lin, &wrong);
    args.push("--webhook-secret-stdin");
    let (run, _) = lin.install(&w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    run.fails(3, &format!("not '{wrong}'"));
    assert!(
        run.stderr.contains(&format!("bgagent linear setup {slug}")),
        "{}",
        run.show()
    );
    assert!(bundle(&w, &wrong).is_none());
    assert!(
        w.platform
            .scan("LinearWorkspaceRegistryTableName")
            .is_empty()
    );
    args.push("--force");
    let (run, _) = lin.install(&w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    run.ok();
    assert_eq!(
        bundle(&w, &wrong).unwrap()["workspace_slug"],
        wrong.as_str()
    );
}

#[test]
fn invalid_slug_and_webhook_secret_are_usage_errors_before_anything() {
    let (w, lin, slug) = new_world();
    w.run(&["linear", "setup", "ab", "--client-id", "x"])
        .fails(2, "4-50 characters");
    w.run(&["linear", "setup", "acme co", "--client-id", "x"])
        .fails(2, "invalid workspace slug");
    let r = w.run_in(
        &[
            "linear",
            "setup",
            &slug,
            "--client-id",
            &lin.client_id,
            "--client-secret-stdin",
            "--webhook-secret-stdin",
        ],
        &format!("{}\nwhsec_nope\n", lin.client_secret),
    );
    r.fails(2, "must start with lin_wh_");
    assert_eq!(lin.standin.counts().authorize, 0, "no browser step");
    // No terminal and no client secret: exit 2 naming the flag.
    w.run(&["linear", "setup", &slug, "--client-id", "x"])
        .fails(2, "--client-secret-stdin");
}

#[test]
fn rerun_keeps_the_webhook_secret_and_foreign_fields() {
    let (w, lin, slug) = new_world();
    let (_, org_id) = first_workspace(&w, &lin);
    // Another writer added a field; a re-run must keep it and the webhook secret.
    let name = format!("bgagent-linear-oauth-{slug}");
    let mut b = bundle(&w, &slug).unwrap();
    b["x_future"] = json!({"kept": true});
    w.platform.put_secret_string(&name, &b.to_string());
    let old_refresh = b["refresh_token"].as_str().unwrap().to_string();
    let (run, _) = lin.install(
        &w,
        &setup_args(&lin, &slug),
        &format!("{}\n", lin.client_secret),
    );
    run.ok();
    let v = run.json();
    assert_eq!(v["webhook_secret"], "kept");
    assert_eq!(v["stack_wide_webhook_secret"], "untouched");
    let b = bundle(&w, &slug).unwrap();
    assert_eq!(b["x_future"], json!({"kept": true}));
    assert_eq!(b["webhook_signing_secret"], WEBHOOK);
    assert_ne!(b["refresh_token"].as_str().unwrap(), old_refresh);
    assert_eq!(w.platform.scan("LinearWorkspaceRegistryTableName").len(), 1);
    assert_eq!(registry(&w, &org_id).unwrap()["status"], "active");
}

#[test]
fn add_workspace_reuses_the_app_and_never_mirrors_the_stack_secret() {
    let (w, lin, _slug) = new_world();
    let (first_slug, first_id) = first_workspace(&w, &lin);
    // The same app, installed in a second workspace.
    let second = Org {
        id: random_uuid(),
        name: "Beta".into(),
        url_key: format!("beta{}", hex::encode(rand::random::<[u8; 4]>())),
    };
    lin.standin.set_org(second.clone());
    // setup without a webhook secret for a second workspace: no mirroring, exit 2 naming the flag.
    let (run, _) = lin.install(
        &w,
        &setup_args(&lin, &second.url_key),
        &format!("{}\n", lin.client_secret),
    );
    run.fails(2, "--webhook-secret-stdin");
    assert!(bundle(&w, &second.url_key).is_none());
    assert!(registry(&w, &second.id).is_none());
    // add-workspace: the client comes from the first workspace's bundle.
    let wh2 = "lin_wh_second0123456789";
    w.secret(wh2);
    let (run, _) = lin.install(
        &w,
        &[
            "--output",
            "json",
            "linear",
            "add-workspace",
            &second.url_key,
            "--webhook-secret-stdin",
        ],
        &format!("{wh2}\n"),
    );
    run.ok();
    let v = run.json();
    assert_eq!(v["client_reused_from"], first_slug.as_str());
    assert_eq!(v["stack_wide_webhook_secret"], "untouched");
    let b = bundle(&w, &second.url_key).unwrap();
    assert_eq!(b["webhook_signing_secret"], wh2);
    assert_eq!(b["client_id"], lin.client_id.as_str());
    assert_eq!(b["workspace_id"], second.id.as_str());
    assert_eq!(stack_secret(&w), WEBHOOK, "stack-wide secret untouched");
    assert_eq!(registry(&w, &first_id).unwrap()["status"], "active");
    // add-workspace of an active workspace is refused; setup re-authorizes.
    let (run, _) = lin.install(
        &w,
        &[
            "linear",
            "add-workspace",
            &second.url_key,
            "--webhook-secret-stdin",
        ],
        &format!("{wh2}\n"),
    );
    run.fails(3, "already registered and active");
    // A slug whose secret holds another workspace is refused even with the right url key.
    let mut other = bundle(&w, &second.url_key).unwrap();
    other["workspace_id"] = json!(random_uuid());
    w.platform.put_secret_string(
        &format!("bgagent-linear-oauth-{}", second.url_key),
        &other.to_string(),
    );
    let (run, _) = lin.install(
        &w,
        &setup_args(&lin, &second.url_key),
        &format!("{}\n", lin.client_secret),
    );
    run.fails(3, "holds the tokens of another workspace");
}

#[test]
fn add_workspace_without_a_registered_app_says_setup_first() {
    let (w, lin, slug) = new_world();
    let r = w.run_in(
        &["linear", "add-workspace", &slug, "--webhook-secret-stdin"],
        &format!("{WEBHOOK}\n"),
    );
    r.fails(3, "bgagent linear setup <slug>");
    assert_eq!(lin.standin.counts().authorize, 0);
}

#[test]
fn denied_consent_and_dry_run_write_nothing() {
    let (w, lin, slug) = new_world();
    let r = w.run_in(
        &[
            "--output",
            "json",
            "linear",
            "setup",
            &slug,
            "--client-id",
            &lin.client_id,
            "--client-secret-stdin",
            "--dry-run",
        ],
        &format!("{}\n", lin.client_secret),
    );
    r.ok();
    let v = r.json();
    assert_eq!(v["dry_run"], true);
    assert_eq!(v["authorize_params"]["actor"], "app");
    assert_eq!(
        v["authorize_params"]["scope"],
        "read write app:assignable app:mentionable"
    );
    assert!(
        w.platform
            .scan("LinearWorkspaceRegistryTableName")
            .is_empty()
    );
    lin.standin
        .set_consent(crate::linear_standin::Consent::Deny);
    let mut args = setup_args(&lin, &slug);
    args.push("--webhook-secret-stdin");
    let (run, _) = lin.install(&w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    assert_eq!(run.code, 4, "{}", run.show());
    assert!(bundle(&w, &slug).is_none());
    assert!(
        w.platform
            .scan("LinearWorkspaceRegistryTableName")
            .is_empty()
    );
}

fn expire_token(w: &World, slug: &str) {
    let mut b = bundle(w, slug).unwrap();
    b["expires_at"] = json!("2020-01-01T00:00:00.000Z");
    w.platform
        .put_secret_string(&format!("bgagent-linear-oauth-{slug}"), &b.to_string());
}

#[test]
fn update_webhook_secret_changes_only_that_field() {
    let (w, lin, _) = new_world();
    let (slug, _) = first_workspace(&w, &lin);
    let name = format!("bgagent-linear-oauth-{slug}");
    let mut b = bundle(&w, &slug).unwrap();
    b["x_future"] = json!(1);
    w.platform.put_secret_string(&name, &b.to_string());
    let new = "lin_wh_rotated0123456789";
    w.secret(new);
    w.run_in(
        &[
            "linear",
            "update-webhook-secret",
            &slug,
            "--webhook-secret-stdin",
        ],
        "whsec_x\n",
    )
    .fails(2, "must start with lin_wh_");
    let r = w.run_in(
        &[
            "--output",
            "json",
            "linear",
            "update-webhook-secret",
            &slug,
            "--webhook-secret-stdin",
        ],
        &format!("{new}\n"),
    );
    r.ok();
    assert_eq!(r.json()["written"], true);
    assert_eq!(r.json()["stack_wide_webhook_secret"], "untouched");
    let after = bundle(&w, &slug).unwrap();
    assert_eq!(after["webhook_signing_secret"], new);
    assert_eq!(after["x_future"], 1);
    for k in [
        "access_token",
        "refresh_token",
        "expires_at",
        "client_secret",
        "installed_at",
    ] {
        assert_eq!(after[k], b[k], "{k} kept");
    }
    assert_eq!(stack_secret(&w), WEBHOOK, "stack-wide untouched");
    let r = w.run_in(
        &[
            "--output",
            "json",
            "linear",
            "update-webhook-secret",
            &slug,
            "--webhook-secret-stdin",
        ],
        &format!("{new}\n"),
    );
    r.ok();
    assert_eq!(r.json()["changed"], false);
    w.run_in(
        &[
            "linear",
            "update-webhook-secret",
            "nosuchws",
            "--webhook-secret-stdin",
        ],
        &format!("{new}\n"),
    )
    .fails(3, "bgagent linear setup nosuchws");
}

#[test]
fn onboard_project_checks_workspace_project_and_repo() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let project = lin.standin.config().projects[0].clone();
    let pid = project.id.to_uppercase();
    w.run(&[
        "linear",
        "onboard-project",
        "1a2b3c4d",
        "--repo",
        crate::support::REPO,
    ])
    .fails(2, "bgagent linear projects");
    w.run(&[
        "linear",
        "onboard-project",
        &pid,
        "--repo",
        "acme/not-onboarded",
    ])
    .fails(3, "not onboarded");
    w.run(&[
        "linear",
        "onboard-project",
        &random_uuid(),
        "--repo",
        crate::support::REPO,
    ])
    .fails(3, "has no project");
    // Due token: refreshed on the way, rotation persisted.
    expire_token(&w, &slug);
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "onboard-project",
        &pid,
        "--repo",
        crate::support::REPO,
    ]);
    lin.register_tokens(&w);
    r.ok();
    assert_eq!(r.json()["action"], "created");
    assert!(
        lin.standin.is_current_refresh_token(
            bundle(&w, &slug).unwrap()["refresh_token"]
                .as_str()
                .unwrap()
        )
    );
    let row = w
        .platform
        .get_item(
            "LinearProjectMappingTableName",
            "linear_project_id",
            &project.id,
        )
        .unwrap();
    assert_eq!(row["repo"], crate::support::REPO);
    assert_eq!(row["label_filter"], "bgagent");
    assert_eq!(row["status"], "active");
    assert_eq!(row["linear_workspace_id"], org_id.as_str());
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "onboard-project",
        &project.id,
        "--repo",
        crate::support::REPO,
    ]);
    assert_eq!(r.json()["action"], "unchanged");
    w.platform.put_repo("acme/other", "active");
    w.run(&[
        "linear",
        "onboard-project",
        &project.id,
        "--repo",
        "acme/other",
    ])
    .fails(3, "--force");
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "onboard-project",
        &project.id,
        "--repo",
        "acme/other",
        "--force",
        "--label",
        "agent",
    ]);
    r.ok();
    let row2 = w
        .platform
        .get_item(
            "LinearProjectMappingTableName",
            "linear_project_id",
            &project.id,
        )
        .unwrap();
    assert_eq!(
        (row2["repo"].as_str(), row2["label_filter"].as_str()),
        (Some("acme/other"), Some("agent"))
    );
    assert_eq!(row2["onboarded_at"], row["onboarded_at"]);
    // projects lists every project with its mapping.
    let r = w.run(&["--output", "json", "linear", "projects"]);
    r.ok();
    let ps = r.json()["projects"].as_array().unwrap().clone();
    assert_eq!(ps.len(), 3);
    let mapped: Vec<&Value> = ps.iter().filter(|p| p["repo"].is_string()).collect();
    assert_eq!(mapped.len(), 1);
    assert_eq!(mapped[0]["id"], project.id.as_str());
    assert_eq!(mapped[0]["repo"], "acme/other");
    assert_eq!(mapped[0]["team"], "Engineering");
}

#[test]
fn invite_refreshes_rotation_safely_then_link_redeems_once() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    expire_token(&w, &slug);
    let before = bundle(&w, &slug).unwrap();
    w.run(&["linear", "invite-user", &slug, "nobody-here"])
        .fails(2, "no active member");
    lin.register_tokens(&w);
    // The bot user is never offered.
    let r = w.run(&["linear", "invite-user", &slug, "bgagent"]);
    r.fails(2, "no active member");
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "invite-user",
        &slug,
        "sam@acme.io",
    ]);
    r.ok();
    let v = r.json();
    let code = v["code"].as_str().unwrap().to_string();
    let after = bundle(&w, &slug).unwrap();
    assert_ne!(after["refresh_token"], before["refresh_token"]);
    assert!(
        lin.standin
            .is_current_refresh_token(after["refresh_token"].as_str().unwrap())
    );
    assert_eq!(after["webhook_signing_secret"], WEBHOOK);
    let sam = lin.standin.config().users[1].clone();
    assert_eq!(v["linear_user_id"], sam.id.as_str());
    let pending = w
        .platform
        .get_item(
            "LinearUserMappingTableName",
            "linear_identity",
            &format!("pending#{code}"),
        )
        .unwrap();
    assert_eq!(pending["status"], "pending");
    assert_eq!(pending["linear_workspace_id"], org_id.as_str());
    assert_eq!(pending["linear_workspace_slug"], slug.as_str());
    assert_eq!(pending["linear_user_email"], "sam@acme.io");
    assert!(pending["ttl"].as_i64().unwrap() > time::OffsetDateTime::now_utc().unix_timestamp());
    // Redeem: without a terminal the confirmation needs --yes.
    w.run(&["linear", "link", &code]).fails(2, "--yes");
    let r = w.run(&["--output", "json", "--yes", "linear", "link", &code]);
    r.ok();
    assert_eq!(r.json()["linear_user_id"], sam.id.as_str());
    let link = w
        .platform
        .get_item(
            "LinearUserMappingTableName",
            "linear_identity",
            &format!("{org_id}#{}", sam.id),
        )
        .unwrap();
    assert_eq!(link["platform_user_id"], PLATFORM_USER);
    assert_eq!(link["status"], "active");
    assert_eq!(link["link_method"], "cli");
    assert!(
        w.platform
            .get_item(
                "LinearUserMappingTableName",
                "linear_identity",
                &format!("pending#{code}")
            )
            .is_none()
    );
    w.run(&["--yes", "linear", "link", &code])
        .fails(3, "unknown or already used");
}

fn scheduled_for_deletion(w: &World, name: &str) -> bool {
    let sm = aws_sdk_secretsmanager::Client::new(&w.platform.sdk);
    crate::support::block_on(sm.describe_secret().secret_id(name).send())
        .map(|d| d.deleted_date.is_some())
        .unwrap_or(false)
}

#[test]
fn remove_workspace_revokes_first_schedules_deletion_and_setup_restores() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let name = format!("bgagent-linear-oauth-{slug}");
    w.run(&["linear", "remove-workspace", "nosuchws"])
        .fails(3, "not registered");
    // No terminal, no --yes: a usage error naming --yes, nothing written.
    w.run(&["linear", "remove-workspace", &slug])
        .fails(2, "--yes");
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "remove-workspace",
        &slug,
        "--dry-run",
    ]);
    r.ok();
    assert_eq!(r.json()["dry_run"], true);
    assert_eq!(registry(&w, &org_id).unwrap()["status"], "active");
    assert!(!scheduled_for_deletion(&w, &name));
    let r = w.run(&[
        "--output",
        "json",
        "--yes",
        "linear",
        "remove-workspace",
        &slug,
    ]);
    r.ok();
    let v = r.json();
    assert_eq!(v["status"], "revoked");
    assert_eq!(v["secret"]["action"], "scheduled_deletion");
    assert_eq!(v["secret"]["recovery_days"], 7);
    assert!(v["next_steps"].as_array().unwrap().len() == 2);
    let row = registry(&w, &org_id).unwrap();
    assert_eq!(row["status"], "revoked");
    assert_eq!(row["revoked_reason"], "admin_removed");
    assert_eq!(row["revoked_by_platform_user_id"], PLATFORM_USER);
    assert!(row["revoked_at"].is_string());
    assert!(scheduled_for_deletion(&w, &name));
    // setup of the same slug restores the scheduled secret and re-activates the row.
    let (run, _) = lin.install(
        &w,
        &setup_args(&lin, &slug),
        &format!("{}\n", lin.client_secret),
    );
    // A removed workspace is a fresh install (its old bundle is not reused); as the sole
    // workspace it gets the stack-wide secret, which was configured for it.
    run.ok();
    assert_eq!(run.json()["webhook_secret"], "mirrored");
    assert_eq!(
        bundle(&w, &slug).unwrap()["webhook_signing_secret"],
        WEBHOOK
    );
    assert!(!scheduled_for_deletion(&w, &name));
    let row = registry(&w, &org_id).unwrap();
    assert_eq!(row["status"], "active");
    assert!(
        row.get("revoked_at").is_none(),
        "re-activation clears the revocation: {row}"
    );
    // --purge --force-delete: the secret goes at once, then the row.
    let r = w.run(&[
        "--output",
        "json",
        "--yes",
        "linear",
        "remove-workspace",
        &slug,
        "--purge",
        "--force-delete",
    ]);
    r.ok();
    assert_eq!(r.json()["status"], "purged");
    assert_eq!(r.json()["secret"]["action"], "deleted");
    assert!(registry(&w, &org_id).is_none());
    assert!(w.platform.get_secret_string(&name).is_none());
    let r = w.run(&["--output", "json", "linear", "workspaces"]);
    assert!(r.json()["workspaces"].as_array().unwrap().is_empty());
}

#[test]
fn link_via_api_links_the_logged_in_user() {
    let w = crate::auth::fresh();
    let key = format!("acme{}", hex::encode(rand::random::<[u8; 4]>()));
    let lin = linear(&w, &key);
    let mut args = setup_args(&lin, &key);
    args.extend([
        "--webhook-secret-stdin",
        "--platform-user-id",
        PLATFORM_USER,
    ]);
    let (run, _) = lin.install(&w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    run.ok();
    let org = lin.standin.org();
    let sub = w.logged_in("sam@acme.io");
    let r = w.run(&[
        "--output",
        "json",
        "linear",
        "invite-user",
        &key,
        "pat@acme.io",
        "--platform-user-id",
        PLATFORM_USER,
    ]);
    r.ok();
    let code = r.json()["code"].as_str().unwrap().to_string();
    let pending = format!("pending#{code}");
    let r = w.run(&["--output", "json", "linear", "link", &code, "--dry-run"]);
    r.ok();
    let v = r.json();
    assert_eq!(v["via"], "api");
    assert_eq!(v["platform_user_id"], sub.as_str());
    assert_eq!(v["linear_user_email"], "pat@acme.io");
    assert!(
        w.platform
            .get_item("LinearUserMappingTableName", "linear_identity", &pending)
            .is_some()
    );
    let r = w.run(&["linear", "link", &code, "-y"]);
    r.ok();
    assert!(r.stdout.contains("(via api)"), "{}", r.show());
    let pat = lin.standin.config().users[2].id.clone();
    let row = w
        .platform
        .get_item(
            "LinearUserMappingTableName",
            "linear_identity",
            &format!("{}#{pat}", org.id),
        )
        .unwrap();
    assert_eq!(row["platform_user_id"], sub.as_str());
    assert_eq!(row["link_method"], "cli");
    assert!(
        w.platform
            .get_item("LinearUserMappingTableName", "linear_identity", &pending)
            .is_none()
    );
    w.run(&["linear", "link", &code, "-y"])
        .fails(3, "invalid, expired or already used");
    // --via direct with an explicit platform user still works without the API.
    w.run(&[
        "linear",
        "link",
        &code,
        "--via",
        "direct",
        "--platform-user-id",
        PLATFORM_USER,
        "-y",
    ])
    .fails(3, "unknown or already used");
}

/// POSTs a Linear delivery to the local receiver; returns the status.
fn deliver(w: &World, secret: &str, body: &Value) -> u16 {
    let raw = body.to_string();
    let sig = crate::moto::platform_api::sign(secret, raw.as_bytes());
    let url = format!("{}linear/webhook", w.platform.outputs["ApiUrl"]);
    crate::support::block_on(async {
        {
            bgagent::tls::init();
            reqwest::Client::new()
        }
        .post(url)
        .header("Linear-Signature", sig)
        .header("content-type", "application/json")
        .body(raw)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
    })
}

#[test]
fn local_receiver_verifies_per_workspace_then_stack_wide() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let now = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
    let issue = |org: Option<&str>, ts: i64| {
        let mut v = json!({"type": "Issue", "action": "create", "data": {"id": "i1"}, "webhookTimestamp": ts});
        if let Some(o) = org {
            v["organizationId"] = json!(o);
        }
        v
    };
    assert_eq!(deliver(&w, WEBHOOK, &issue(Some(&org_id), now)), 200);
    assert_eq!(deliver(&w, "lin_wh_wrong", &issue(Some(&org_id), now)), 401);
    assert_eq!(
        deliver(&w, WEBHOOK, &issue(Some(&org_id), now - 120_000)),
        401,
        "stale"
    );
    // Rotated per-workspace secret: only the new one verifies for that workspace (no fallback).
    let new = "lin_wh_rotated_for_receiver";
    w.secret(new);
    w.run_in(
        &[
            "linear",
            "update-webhook-secret",
            &slug,
            "--webhook-secret-stdin",
        ],
        &format!("{new}\n"),
    )
    .ok();
    assert_eq!(deliver(&w, new, &issue(Some(&org_id), now)), 200);
    assert_eq!(deliver(&w, WEBHOOK, &issue(Some(&org_id), now)), 401);
    // No organizationId, or an unregistered one: the stack-wide secret.
    assert_eq!(deliver(&w, WEBHOOK, &issue(None, now)), 200);
    assert_eq!(deliver(&w, WEBHOOK, &issue(Some(&random_uuid()), now)), 200);
    let accepted = w.platform.linear_webhook.accepted();
    assert_eq!(accepted.iter().filter(|a| a.2 == "workspace").count(), 2);
    assert_eq!(accepted.iter().filter(|a| a.2 == "stack").count(), 2);
    // A removed workspace is refused outright.
    w.run(&["--yes", "linear", "remove-workspace", &slug]).ok();
    assert_eq!(deliver(&w, new, &issue(Some(&org_id), now)), 401);
}

fn checks(r: &Run) -> std::collections::BTreeMap<String, (String, Value)> {
    r.json()["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                (c["status"].as_str().unwrap().to_string(), c["fix"].clone()),
            )
        })
        .collect()
}

#[test]
fn doctor_all_green_then_each_broken_link_named() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let pid = lin.standin.config().projects[0].id.clone();
    w.run(&[
        "linear",
        "onboard-project",
        &pid,
        "--repo",
        crate::support::REPO,
    ])
    .ok();
    let snapshot = || {
        (
            w.platform.scan("LinearWorkspaceRegistryTableName"),
            bundle(&w, &slug),
            w.platform.scan("LinearProjectMappingTableName"),
        )
    };
    let before = snapshot();
    let r = w.run(&["--output", "json", "linear", "doctor"]);
    r.ok();
    let c = checks(&r);
    for id in [
        "stack",
        "tables",
        "workspace",
        "bundle",
        "token",
        "webhook-secret",
        "webhook-receiver",
        "projects",
    ] {
        assert_eq!(c[id].0, "pass", "{id}: {}", r.stdout);
    }
    assert_eq!(r.json()["summary"]["fail"], 0);
    assert_eq!(before, snapshot(), "doctor writes nothing");
    let text = w.run(&["linear", "doctor", &slug]);
    text.ok();
    assert!(
        text.stdout.contains("✓ webhook-receiver") && text.stdout.contains("8 passed"),
        "{}",
        text.stdout
    );

    // --verify-refresh rotates and stores the refresh token.
    let old = bundle(&w, &slug).unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    let r = w.run(&["--output", "json", "linear", "doctor", "--verify-refresh"]);
    lin.register_tokens(&w);
    r.ok();
    let new = bundle(&w, &slug).unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(old, new);
    assert!(lin.standin.is_current_refresh_token(&new));

    // The app is uninstalled in Linear: the token check fails and names setup.
    lin.standin.revoke_all();
    let r = w.run(&["--output", "json", "linear", "doctor"]);
    assert_eq!(r.code, 1, "{}", r.show());
    let c = checks(&r);
    assert_eq!(c["token"].0, "fail");
    assert_eq!(c["token"].1, json!(format!("bgagent linear setup {slug}")));
    assert_eq!(
        c["webhook-receiver"].0, "pass",
        "the receiver does not need the token"
    );

    // A bundle without `scope`: fail, and the later checks are skipped.
    let mut b = bundle(&w, &slug).unwrap();
    b.as_object_mut().unwrap().remove("scope");
    w.platform
        .put_secret_string(&format!("bgagent-linear-oauth-{slug}"), &b.to_string());
    let r = w.run(&["--output", "json", "linear", "doctor"]);
    assert_eq!(r.code, 1);
    let c = checks(&r);
    assert_eq!(c["bundle"].0, "fail");
    assert_eq!(c["token"].0, "skip");
    // Revoked workspace: `workspace` fails.
    w.run(&["--yes", "linear", "remove-workspace", &slug]).ok();
    let r = w.run(&["--output", "json", "linear", "doctor", &slug]);
    assert_eq!(r.code, 1);
    assert_eq!(checks(&r)["workspace"].0, "fail");
    assert!(registry(&w, &org_id).is_some());
    // No workspace at all (another stack): the fix is setup.
    let w2 = World::new();
    let r = w2.run(&["--output", "json", "linear", "doctor"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        checks(&r)["workspace"].1,
        json!("bgagent linear setup <slug>")
    );
}

#[test]
fn chromium_end_to_end() {
    let (w, lin, slug) = new_world();
    let dom_file = w.chromium_browser();
    let redirect = lin.redirect();
    let r = w.run_in(
        &[
            "--output",
            "json",
            "linear",
            "setup",
            &slug,
            "--client-id",
            &lin.client_id,
            "--client-secret-stdin",
            "--webhook-secret-stdin",
            "--callback-url",
            &redirect,
            "--timeout",
            "60s",
        ],
        &format!("{}\n{WEBHOOK}\n", lin.client_secret),
    );
    lin.register_tokens(&w);
    r.ok();
    let dom = wait_for(30, "Chromium to save the page", || {
        std::fs::read_to_string(&dom_file)
            .ok()
            .filter(|d| d.contains("</html>"))
    });
    assert!(dom.contains("Authorization received"), "{dom}");
    assert_eq!(
        bundle(&w, &slug).unwrap()["workspace_id"],
        lin.standin.org().id.as_str()
    );
    assert_eq!(lin.standin.counts().code_exchanges, 1);
    assert_eq!(lin.standin.counts().rejected, Vec::<String>::new());
    w.assert_no_secrets();
}

#[test]
fn linear_faults_are_retried_or_end_clearly_with_nothing_written() {
    let (w, lin, slug) = new_world();
    // GraphQL is idempotent: two 503s are retried and setup succeeds.
    lin.standin.fail_next("/graphql", 503, 2);
    let mut args = setup_args(&lin, &slug);
    args.push("--webhook-secret-stdin");
    let (run, _) = lin.install(&w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    run.ok();
    assert_eq!(lin.standin.counts().faulted, 2);
    // The token endpoint is not retried on 5xx (a code is single-use): a clear error, nothing new.
    let before = bundle(&w, &slug).unwrap();
    lin.standin.fail_next("/oauth/token", 500, 1);
    let (run, _) = lin.install(&w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    run.fails(1, "token exchange was rejected by Linear");
    assert_eq!(bundle(&w, &slug).unwrap(), before, "nothing written");
    // A persistent GraphQL outage after the exchange: a clear error, nothing written.
    lin.standin.fail_next("/graphql", 503, 20);
    let (run, _) = lin.install(&w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    assert_eq!(run.code, 1, "{}", run.show());
    assert!(
        run.stderr.contains("no AWS write was made"),
        "{}",
        run.show()
    );
    assert_eq!(bundle(&w, &slug).unwrap(), before);
}

#[test]
fn secrets_from_the_environment() {
    let (w, lin, slug) = new_world();
    w.env("BGAGENT_LINEAR_CLIENT_SECRET", &lin.client_secret);
    w.env("BGAGENT_LINEAR_WEBHOOK_SECRET", WEBHOOK);
    let (run, _) = lin.install(
        &w,
        &[
            "--output",
            "json",
            "linear",
            "setup",
            &slug,
            "--client-id",
            &lin.client_id,
        ],
        "",
    );
    run.ok();
    assert_eq!(run.json()["webhook_secret"], "provided");
    assert_eq!(
        bundle(&w, &slug).unwrap()["webhook_signing_secret"],
        WEBHOOK
    );
    assert_eq!(
        bundle(&w, &slug).unwrap()["client_secret"],
        lin.client_secret.as_str()
    );
    w.env("BGAGENT_LINEAR_API_URL", "not a url");
    w.run(&["linear", "workspaces"])
        .fails(2, "BGAGENT_LINEAR_API_URL");
}

#[test]
fn concurrent_direct_redemptions_link_exactly_once() {
    let (w, lin, _) = new_world();
    let (slug, org_id) = first_workspace(&w, &lin);
    let code = w
        .run(&[
            "--output",
            "json",
            "linear",
            "invite-user",
            &slug,
            "sam@acme.io",
        ])
        .json()["code"]
        .as_str()
        .unwrap()
        .to_string();
    let racers: Vec<_> = (0..8)
        .map(|i| {
            w.spawn(
                &[
                    "--yes",
                    "linear",
                    "link",
                    &code,
                    "--via",
                    "direct",
                    "--platform-user-id",
                    &format!("racer-{i}"),
                ],
                "",
            )
        })
        .collect();
    let runs: Vec<Run> = racers.into_iter().map(|s| w.finish(s)).collect();
    let winners: Vec<&Run> = runs.iter().filter(|r| r.code == 0).collect();
    assert_eq!(
        winners.len(),
        1,
        "{:#?}",
        runs.iter().map(Run::show).collect::<Vec<_>>()
    );
    for r in runs.iter().filter(|r| r.code != 0) {
        assert_eq!(r.code, 3, "{}", r.show());
    }
    let rows = w.platform.scan("LinearUserMappingTableName");
    assert_eq!(rows.len(), 1, "{rows:?}");
    let sam = lin.standin.config().users[1].id.clone();
    assert_eq!(rows[0]["linear_identity"], format!("{org_id}#{sam}"));
    let won = rows[0]["platform_user_id"].as_str().unwrap();
    assert!(
        winners[0]
            .stdout
            .contains(&format!("to platform user {won}")),
        "{}",
        winners[0].show()
    );
}

#[test]
fn aws_faults_on_setups_writes_are_retried_or_reported_with_progress() {
    use crate::faults::{ALL, Fault, aws_proxy, faulty_world};
    let (w, lin, slug) = new_world();
    let mut args = setup_args(&lin, &slug);
    args.push("--webhook-secret-stdin");
    let stdin = format!("{}\n{WEBHOOK}\n", lin.client_secret);
    // Each transient fault once on the registry write: retried, setup succeeds.
    for f in ALL {
        let (p, hits) = aws_proxy("UpdateItem", "", f, 1);
        faulty_world(&w, &p);
        let (run, _) = lin.install(&w, &args, &stdin);
        assert_eq!(run.code, 0, "{f:?} once must be retried:\n{}", run.show());
        assert!(*hits.lock().unwrap() >= 2, "{f:?}: no retry happened");
        w.extra_env
            .borrow_mut()
            .retain(|(k, _)| k != "AWS_ENDPOINT_URL" && k != "BGAGENT_HTTP_TIMEOUT");
    }
    // A persistent failure of the registry write: the error lists what was written (the
    // bundle) and what was not, and names the re-run; the re-run completes.
    let row_before = registry(&w, &lin.standin.org().id).unwrap();
    let (p, _) = aws_proxy("UpdateItem", "", Fault::ServerError, 100);
    faulty_world(&w, &p);
    let (run, _) = lin.install(&w, &args, &stdin);
    assert_eq!(run.code, 1, "{}", run.show());
    assert!(run.stderr.contains("workspace bundle"), "{}", run.show());
    assert!(run.stderr.contains("registry row"), "{}", run.show());
    assert!(
        run.stderr.contains(&format!("bgagent linear setup {slug}")),
        "{}",
        run.show()
    );
    assert_eq!(registry(&w, &lin.standin.org().id).unwrap(), row_before);
    w.extra_env
        .borrow_mut()
        .retain(|(k, _)| k != "AWS_ENDPOINT_URL" && k != "BGAGENT_HTTP_TIMEOUT");
    let (run, _) = lin.install(&w, &args, &stdin);
    run.ok();
    assert!(
        lin.standin.is_current_refresh_token(
            bundle(&w, &slug).unwrap()["refresh_token"]
                .as_str()
                .unwrap()
        )
    );
}

#[test]
fn without_a_keychain_linear_setup_degrades_to_asking() {
    let (w, lin, slug) = new_world();
    let connections = crate::setup::fake_session_bus(&w);
    let started = std::time::Instant::now();
    let mut args = setup_args(&lin, &slug);
    args.extend(["--webhook-secret-stdin", "--forget-client"]);
    let (run, _) = lin.install(&w, &args, &format!("{}\n{WEBHOOK}\n", lin.client_secret));
    run.ok();
    assert!(started.elapsed() < std::time::Duration::from_secs(25));
    assert!(bundle(&w, &slug).is_some());
    // Nothing could be remembered, so the next run asks — and without a terminal names the flag.
    let again = w.run(&["linear", "setup", &slug, "--webhook-secret-stdin"]);
    again.fails(2, "--client-id");
    assert!(
        connections.load(std::sync::atomic::Ordering::SeqCst) >= 1,
        "the keychain was not tried against the test's fake session bus"
    );
    w.assert_no_secrets();
}

/// A Linear call that gets no answer says to check the network to Linear (the HTTP client is
/// shared with Atlassian's calls, whose hint names Atlassian).
#[test]
fn an_unreachable_linear_api_is_named_in_the_hint() {
    let (w, lin, _) = new_world();
    first_workspace(&w, &lin);
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    w.env("BGAGENT_LINEAR_API_URL", &closed);
    let r = w.run(&["linear", "projects"]);
    assert_eq!(r.code, 1, "{}", r.show());
    assert!(
        r.stderr
            .contains("hint: check network access to Linear (or BGAGENT_LINEAR_API_URL"),
        "{}",
        r.show()
    );
    assert!(!r.stderr.contains("Atlassian"), "{}", r.show());
}
