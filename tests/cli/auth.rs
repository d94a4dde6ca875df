//! `configure`, `login`, `logout`, `whoami` against moto's Cognito (the pool and app client of
//! each test's stack), and the login's use by the commands that record a platform user.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use base64::Engine;
use serde_json::Value;

use crate::support::*;

pub const PASSWORD: &str = "Corr3ct-Horse-Battery!";

/// A world whose config dir has no login yet.
pub fn fresh() -> World {
    let w = World::new();
    let _ = std::fs::remove_file(w.cfg_dir().join("credentials.json"));
    w.secret(PASSWORD);
    w
}

impl World {
    pub fn cfg_dir(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn read_cfg(&self, name: &str) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.cfg_dir().join(name)).unwrap()).unwrap()
    }

    /// Registers the tokens now in credentials.json as secrets.
    pub fn register_login_secrets(&self) {
        if let Ok(t) = std::fs::read_to_string(self.cfg_dir().join("credentials.json"))
            && let Ok(v) = serde_json::from_str::<Value>(&t)
        {
            for k in ["id_token", "refresh_token"] {
                if let Some(s) = v[k].as_str() {
                    self.secret(s);
                }
            }
        }
    }

    pub fn login(&self, email: &str, password: &str) -> Run {
        let r = self.run_in(
            &["login", "--username", email, "--password-stdin"],
            &format!("{password}\n"),
        );
        self.register_login_secrets();
        r
    }

    /// configure from the stack, a user, and a login. Returns the user's `sub`.
    pub fn logged_in(&self, email: &str) -> String {
        self.run(&["configure"]).ok();
        let sub = self.platform.create_user(email, PASSWORD);
        self.secret(PASSWORD);
        self.login(email, PASSWORD).ok();
        sub
    }

    /// Rewrites `token_expiry` in credentials.json to now + `secs`.
    pub fn set_expiry(&self, secs: i64) {
        let mut c = self.read_cfg("credentials.json");
        c["token_expiry"] = Value::String(iso(
            time::OffsetDateTime::now_utc() + time::Duration::seconds(secs)
        ));
        std::fs::write(
            self.cfg_dir().join("credentials.json"),
            serde_json::to_string_pretty(&c).unwrap(),
        )
        .unwrap();
    }
}

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn configure_from_the_stack_keeps_unknown_keys_and_is_idempotent() {
    let w = fresh();
    // A config dir that does not exist yet is created 0700.
    let dir = w.dir.path().join("new-config");
    w.env("BGAGENT_CONFIG_DIR", dir.to_str().unwrap());
    let r = w.run(&["configure", "--output", "json"]);
    r.ok();
    let doc = r.json();
    assert_eq!(doc["changed"], true);
    assert_eq!(doc["source"], format!("stack {}", w.platform.stack_name));
    let cfg: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    let out = &w.platform.outputs;
    assert_eq!(cfg["api_url"], out["ApiUrl"].as_str());
    assert_eq!(cfg["user_pool_id"], out["UserPoolId"].as_str());
    assert_eq!(cfg["client_id"], out["AppClientId"].as_str());
    assert_eq!(cfg["region"], "us-east-1");
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("config.json")), 0o644);

    // Unknown keys survive; a re-run changes nothing.
    let mut with_extra = cfg.clone();
    with_extra["x_future"] = Value::from("kept");
    std::fs::write(
        dir.join("config.json"),
        serde_json::to_string_pretty(&with_extra).unwrap(),
    )
    .unwrap();
    let r = w.run(&["configure", "--output", "json"]);
    r.ok();
    assert_eq!(r.json()["changed"], false);
    let again: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    assert_eq!(again["x_future"], "kept");

    // A flag overrides the stack's value.
    w.run(&["configure", "--api-url", "http://127.0.0.1:9/v2"])
        .ok();
    let c: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    assert_eq!(c["api_url"], "http://127.0.0.1:9/v2/");
    assert_eq!(c["user_pool_id"], out["UserPoolId"].as_str());

    // A stack without the outputs: an error naming them, nothing written.
    let r = w.run(&["configure", "--stack-name", "no-such-stack"]);
    r.fails(1, "could not describe stack 'no-such-stack'");
}

#[test]
fn configure_from_a_bundle_and_from_flags() {
    let w = fresh();
    let bundle = serde_json::json!({
        "api_url": "https://x.execute-api.eu-west-1.amazonaws.com/v1/",
        "region": "eu-west-1",
        "user_pool_id": "eu-west-1_AbCdEf",
        "client_id": "client123",
        "ignored": "x",
    });
    let b64 = base64::engine::general_purpose::STANDARD.encode(bundle.to_string());
    w.run(&["configure", "--from-bundle", &b64]).ok();
    let c = w.read_cfg("config.json");
    assert_eq!(c["user_pool_id"], "eu-west-1_AbCdEf");
    assert_eq!(c["region"], "eu-west-1");
    assert!(c.get("ignored").is_none());

    // Bad bundles change nothing.
    let before = std::fs::read(w.cfg_dir().join("config.json")).unwrap();
    let short = base64::engine::general_purpose::STANDARD.encode(r#"{"api_url":"https://a/"}"#);
    w.run(&["configure", "--from-bundle", &short])
        .fails(2, "missing or empty fields region, user_pool_id, client_id");
    w.run(&["configure", "--from-bundle", "%%%"])
        .fails(2, "not base64");
    w.run(&["configure", "--from-bundle", &b64, "--api-url", "http://a/"])
        .fails(2, "cannot be used with");
    assert_eq!(
        std::fs::read(w.cfg_dir().join("config.json")).unwrap(),
        before
    );

    // Flags only: the region comes from the pool id's prefix; missing fields are named.
    let w = fresh();
    let r = w.run(&[
        "configure",
        "--no-stack",
        "--api-url",
        "http://127.0.0.1:9/v1/",
    ]);
    r.fails(
        2,
        "missing required configuration: --user-pool-id, --client-id",
    );
    assert!(!w.cfg_dir().join("config.json").exists());
    let mut c = w.command(&[
        "configure",
        "--api-url",
        "http://127.0.0.1:9/v1/",
        "--user-pool-id",
        "ap-southeast-2_Zz",
        "--client-id",
        "c1",
    ]);
    c.env_remove("AWS_REGION").env_remove("AWS_DEFAULT_REGION");
    let out = c.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let c = w.read_cfg("config.json");
    assert_eq!(c["region"], "ap-southeast-2");
    assert_eq!(c["client_id"], "c1");
}

#[test]
fn login_writes_0600_credentials_and_whoami_shows_the_user() {
    let w = fresh();
    w.run(&["configure"]).ok();
    let sub = w.platform.create_user("sam@acme.io", PASSWORD);
    // Not logged in yet.
    w.run(&["whoami"]).fails(4, "not logged in");
    let r = w.run_in(
        &[
            "login",
            "--username",
            "sam@acme.io",
            "--password-stdin",
            "--output",
            "json",
        ],
        &format!("{PASSWORD}\n"),
    );
    w.register_login_secrets();
    r.ok();
    assert_eq!(r.json()["sub"], sub);
    let path = w.cfg_dir().join("credentials.json");
    assert_eq!(mode(&path), 0o600);
    let c = w.read_cfg("credentials.json");
    let keys: Vec<&String> = c.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3, "{keys:?}");
    for k in ["id_token", "refresh_token", "token_expiry"] {
        assert!(c[k].as_str().is_some_and(|v| !v.is_empty()), "{k}");
    }
    let exp = time::OffsetDateTime::parse(
        c["token_expiry"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    let left = exp - time::OffsetDateTime::now_utc();
    assert!(left > time::Duration::minutes(55), "{left}");

    let r = w.run(&["whoami", "--output", "json"]);
    r.ok();
    let doc = r.json();
    assert_eq!(doc["sub"], sub);
    assert_eq!(doc["email"], "sam@acme.io");
    assert_eq!(doc["api_url"], w.platform.outputs["ApiUrl"].as_str());
    assert_eq!(doc["token_expiry"], c["token_expiry"]);
    let r = w.run(&["whoami"]);
    r.ok();
    assert!(r.stdout.contains(&sub) && r.stdout.contains("sam@acme.io"));

    // The password from the environment works too, and the prompt-less run names the flags.
    let mut cmd = w.command(&["login", "--username", "sam@acme.io"]);
    cmd.env("BGAGENT_PASSWORD", PASSWORD);
    assert!(cmd.output().unwrap().status.success());
    w.register_login_secrets();
    w.run(&["login", "--username", "sam@acme.io"])
        .fails(2, "--password-stdin (or set BGAGENT_PASSWORD)");
    w.run(&["login"]).fails(2, "--username");
    w.assert_no_secrets();
}

#[test]
fn on_a_terminal_login_prompts_and_the_password_is_not_echoed() {
    assert!(
        std::process::Command::new("script")
            .arg("--version")
            .output()
            .is_ok(),
        "this test needs `script` from util-linux (apt-get install util-linux)"
    );
    let w = fresh();
    w.run(&["configure"]).ok();
    let sub = w.platform.create_user("sam@acme.io", PASSWORD);
    let mut s = w.spawn_on_terminal(&["login"]);
    wait_for(20, "the username prompt", || {
        s.stdout_so_far().contains("Username").then_some(())
    });
    s.write_stdin("sam@acme.io\n");
    wait_for(20, "the password prompt", || {
        s.stdout_so_far().contains("Password").then_some(())
    });
    s.write_stdin(&format!("{PASSWORD}\n"));
    wait_for(20, "the login to finish", || {
        s.stdout_so_far().contains("Logged in as").then_some(())
    });
    let r = w.finish(s);
    w.register_login_secrets();
    assert!(r.stdout.contains("sam@acme.io"), "{}", r.show());
    assert!(r.stdout.contains(&sub), "{}", r.show());
    // finish() already scanned the whole terminal transcript for the password.
    w.assert_no_secrets();
    assert_eq!(mode(&w.cfg_dir().join("credentials.json")), 0o600);
}

#[test]
fn on_a_terminal_a_first_login_asks_for_the_new_password_twice() {
    let w = fresh();
    w.run(&["configure"]).ok();
    let (temp, new) = ("Temp-Passw0rd!", "Brand-New-Passw0rd!");
    w.secret(temp);
    w.secret(new);
    w.platform.invite_user("kim@acme.io", temp);
    let mut s = w.spawn_on_terminal(&["login", "--username", "kim@acme.io"]);
    let mut answer = |prompt: &str, value: &str| {
        wait_for(20, prompt, || {
            s.stdout_so_far().contains(prompt).then_some(())
        });
        s.write_stdin(&format!("{value}\n"));
    };
    answer("Password", temp);
    answer("New password", new);
    answer("Repeat the new password", new);
    wait_for(20, "the login to finish", || {
        s.stdout_so_far().contains("Logged in as").then_some(())
    });
    let r = w.finish(s);
    w.register_login_secrets();
    assert!(r.stdout.contains("New password set"), "{}", r.show());
    w.assert_no_secrets();
    w.login("kim@acme.io", new).ok();
}

#[test]
fn wrong_password_exits_6_and_writes_nothing() {
    let w = fresh();
    w.run(&["configure"]).ok();
    w.platform.create_user("sam@acme.io", PASSWORD);
    w.secret("Wrong-Password-123");
    let r = w.login("sam@acme.io", "Wrong-Password-123");
    r.fails(6, "wrong username or password");
    assert!(!w.cfg_dir().join("credentials.json").exists());
    w.login("nobody@acme.io", PASSWORD)
        .fails(6, "wrong username or password");
    // Without configure: says so.
    let w2 = fresh();
    w2.login("sam@acme.io", PASSWORD)
        .fails(3, "bgagent configure");
}

#[test]
fn first_login_of_an_invited_user_sets_a_new_password() {
    let w = fresh();
    w.run(&["configure"]).ok();
    let temp = "Temp-Passw0rd!";
    let new = "Brand-New-Passw0rd!";
    w.secret(temp);
    w.secret(new);
    let sub = w.platform.invite_user("kim@acme.io", temp);
    // No terminal and no new password: a usage error naming the flag, nothing written.
    w.login("kim@acme.io", temp)
        .fails(2, "--new-password-stdin");
    assert!(!w.cfg_dir().join("credentials.json").exists());
    let r = w.run_in(
        &[
            "login",
            "--username",
            "kim@acme.io",
            "--password-stdin",
            "--new-password-stdin",
            "--output",
            "json",
        ],
        &format!("{temp}\n{new}\n"),
    );
    w.register_login_secrets();
    r.ok();
    assert_eq!(
        r.json()["challenges"],
        serde_json::json!(["NEW_PASSWORD_REQUIRED"])
    );
    assert_eq!(r.json()["sub"], sub);
    // The new password is now the password; the temporary one is not.
    w.login("kim@acme.io", new).ok();
    w.login("kim@acme.io", temp)
        .fails(6, "wrong username or password");
}

#[test]
fn an_mfa_challenge_asks_for_the_code() {
    let w = fresh();
    w.run(&["configure"]).ok();
    let sub = w.platform.create_user("mfa@acme.io", PASSWORD);
    w.platform.enable_sms_mfa("mfa@acme.io");
    w.login("mfa@acme.io", PASSWORD).fails(2, "--mfa-code");
    assert!(!w.cfg_dir().join("credentials.json").exists());
    let r = w.run_in(
        &[
            "login",
            "--username",
            "mfa@acme.io",
            "--password-stdin",
            "--mfa-code",
            "123456",
            "--output",
            "json",
        ],
        &format!("{PASSWORD}\n"),
    );
    w.register_login_secrets();
    r.ok();
    assert_eq!(r.json()["challenges"], serde_json::json!(["SMS_MFA"]));
    assert_eq!(r.json()["sub"], sub);
}

/// A command that uses the login before anything else: `jira link` of an unknown code (direct).
fn use_login(w: &World) -> Run {
    w.run(&["jira", "link", "link-zzzzzzzz", "--via", "direct", "-y"])
}

#[test]
fn a_login_near_expiry_is_refreshed_keeping_the_refresh_token() {
    let w = fresh();
    w.logged_in("sam@acme.io");
    let before = w.read_cfg("credentials.json");
    // 10 minutes left: used as is.
    w.set_expiry(600);
    let r = use_login(&w);
    r.fails(3, "link-zzzzzzzz is unknown");
    assert!(!r.stderr.contains("Refreshing the login"), "{}", r.show());
    assert_eq!(
        w.read_cfg("credentials.json")["id_token"],
        before["id_token"]
    );
    // 4 minutes left: refreshed first.
    w.set_expiry(240);
    let r = use_login(&w);
    w.register_login_secrets();
    r.fails(3, "link-zzzzzzzz is unknown");
    assert!(r.stderr.contains("Refreshing the login"), "{}", r.show());
    let after = w.read_cfg("credentials.json");
    assert_ne!(after["id_token"], before["id_token"]);
    assert_eq!(after["refresh_token"], before["refresh_token"]);
    assert_ne!(after["token_expiry"], before["token_expiry"]);
    assert_eq!(mode(&w.cfg_dir().join("credentials.json")), 0o600);
}

#[test]
fn concurrent_refreshes_leave_one_valid_file_and_refresh_once() {
    let w = fresh();
    w.logged_in("sam@acme.io");
    let before = w.read_cfg("credentials.json");
    w.set_expiry(-60);
    let procs: Vec<_> = (0..4)
        .map(|_| {
            w.spawn(
                &["jira", "link", "link-zzzzzzzz", "--via", "direct", "-y"],
                "",
            )
        })
        .collect();
    let runs: Vec<Run> = procs.into_iter().map(|p| w.finish(p)).collect();
    w.register_login_secrets();
    w.assert_no_secrets();
    let refreshed = runs
        .iter()
        .filter(|r| r.stderr.contains("Refreshing the login"))
        .count();
    for r in &runs {
        r.fails(3, "is unknown");
    }
    assert_eq!(refreshed, 1, "exactly one process refreshes: {runs:#?}");
    let after = w.read_cfg("credentials.json");
    assert_ne!(after["id_token"], before["id_token"]);
    assert_eq!(after["refresh_token"], before["refresh_token"]);
    let names: Vec<String> = std::fs::read_dir(w.cfg_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "temp files left: {names:?}");
}

#[test]
fn invite_and_link_record_the_logged_in_user() {
    let w = fresh();
    // Not logged in and no --platform-user-id: a usage error naming both ways.
    w.run(&["jira", "link", "link-zzzzzzzz", "--via", "direct"])
        .fails(2, "bgagent login");
    let sub = w.logged_in("sam@acme.io");
    let o = w.oauth(|_| {});
    let cloud = w.seed_tenant(&o, 3600);
    let r = w.run(&[
        "jira",
        "invite-user",
        &cloud,
        "sam.rivera@acme.example",
        "--output",
        "json",
    ]);
    r.ok();
    let doc = r.json();
    assert_eq!(doc["invited_by_platform_user_id"], sub);
    let code = doc["code"].as_str().unwrap().to_string();
    let r = w.run(&[
        "jira", "link", &code, "--via", "direct", "-y", "--output", "json",
    ]);
    r.ok();
    assert_eq!(r.json()["platform_user_id"], sub);
    assert_eq!(r.json()["via"], "direct");
}

#[test]
fn logout_removes_the_login_and_everywhere_revokes_it() {
    let w = fresh();
    w.logged_in("sam@acme.io");
    let creds = std::fs::read_to_string(w.cfg_dir().join("credentials.json")).unwrap();
    let r = w.run(&["logout", "--output", "json"]);
    r.ok();
    assert_eq!(r.json()["removed"], true);
    assert_eq!(r.json()["revoked"], false);
    assert!(!w.cfg_dir().join("credentials.json").exists());
    w.run(&["logout"]).ok();
    w.run(&["whoami"]).fails(4, "not logged in");
    // The old refresh token still works after a local logout …
    std::fs::write(w.cfg_dir().join("credentials.json"), &creds).unwrap();
    w.set_expiry(-1);
    use_login(&w).fails(3, "is unknown");
    w.register_login_secrets();
    // … but not after --everywhere.
    let saved = std::fs::read_to_string(w.cfg_dir().join("credentials.json")).unwrap();
    let r = w.run(&["logout", "--everywhere", "--output", "json"]);
    r.ok();
    assert_eq!(r.json()["revoked"], true);
    std::fs::write(w.cfg_dir().join("credentials.json"), &saved).unwrap();
    w.set_expiry(-1);
    use_login(&w).fails(4, "expired or was revoked");
    w.assert_no_secrets();
}

#[test]
fn cognito_faults_are_retried_and_a_persistent_one_ends_clearly() {
    use crate::faults::{Fault, aws_proxy, faulty_world};
    let w = fresh();
    w.run(&["configure"]).ok();
    let email = "faulty@example.com";
    w.platform.create_user(email, PASSWORD);
    // Each transient fault once on InitiateAuth: retried, the login succeeds.
    for f in [Fault::ServerError, Fault::Throttle, Fault::Drop] {
        let (p, hits) = aws_proxy("InitiateAuth", "USER_PASSWORD_AUTH", f, 1);
        faulty_world(&w, &p);
        w.login(email, PASSWORD).ok();
        assert!(
            *hits.lock().unwrap() >= 2,
            "{f:?}: the call was not retried"
        );
        assert!(w.cfg_dir().join("credentials.json").exists());
    }
    // Failing every time: a clear error after the retries, and no credentials written.
    let _ = std::fs::remove_file(w.cfg_dir().join("credentials.json"));
    let (p, hits) = aws_proxy(
        "InitiateAuth",
        "USER_PASSWORD_AUTH",
        Fault::ServerError,
        100,
    );
    faulty_world(&w, &p);
    let r = w.login(email, PASSWORD);
    r.fails(1, "Cognito could not process the login right now");
    assert!(r.stderr.contains("InternalFailure"), "{}", r.show());
    assert!(r.stderr.contains("bgagent login"), "{}", r.show());
    assert_eq!(*hits.lock().unwrap(), 3, "three attempts");
    assert!(!w.cfg_dir().join("credentials.json").exists());
    w.assert_no_secrets();
}
