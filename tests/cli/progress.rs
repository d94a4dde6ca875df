//! Issue 9 part 7: while setup waits for the browser, a terminal shows a spinner with the time
//! left and how to cancel; it is hidden under `-q`, without a TTY and in JSON mode.

use crate::setup::WEBHOOK;
use crate::support::*;

const SPINNER_TEXT: &str = "left (Ctrl-C to cancel)";

/// Runs setup (secrets from the environment, no prompt) under a pseudo-terminal made by
/// util-linux `script`; returns everything the terminal showed.
fn setup_on_a_pty(w: &World, o: &Oauth, extra: &[&str]) -> (i32, String) {
    let mut args = vec![
        BIN.to_string(),
        "jira".into(),
        "setup".into(),
        "--client-id".into(),
        o.client_id.clone(),
        "--callback-url".into(),
        o.redirect.clone(),
        "--timeout".into(),
        "30s".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let line = args
        .iter()
        .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
        .collect::<Vec<_>>()
        .join(" ");
    w.env("TERM", "xterm");
    w.env("BGAGENT_JIRA_CLIENT_SECRET", &o.client_secret);
    w.env("BGAGENT_JIRA_WEBHOOK_SECRET", WEBHOOK);
    w.secret(WEBHOOK);
    let env_of = w.command(&[]);
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qfec", &line, "/dev/null"]).env_clear();
    for (k, v) in env_of.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    let child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux `script` is needed for this test (apt-get install util-linux)");
    let url = o.browser_url();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    http::get(&o.authorize(&url)).unwrap();
    let out = child.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    w.outputs.borrow_mut().push(shown.clone());
    w.assert_no_secrets();
    (out.status.code().unwrap_or(-1), shown)
}

#[test]
fn a_terminal_shows_a_spinner_with_the_time_left() {
    let w = World::new();
    let o = w.oauth(|_| {});
    let (code, shown) = setup_on_a_pty(&w, &o, &[]);
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains(SPINNER_TEXT), "{shown}");
    assert!(shown.contains("0:2"), "the time left counts down: {shown}");
}

#[test]
fn the_spinner_is_hidden_under_quiet_json_and_without_a_terminal() {
    for extra in [&["-q"][..], &["--output", "json"][..]] {
        let w = World::new();
        let o = w.oauth(|_| {});
        let (code, shown) = setup_on_a_pty(&w, &o, extra);
        assert_eq!(code, 0, "{shown}");
        assert!(!shown.contains(SPINNER_TEXT), "{extra:?}: {shown}");
    }
    let w = World::new();
    let o = w.oauth(|_| {});
    w.secret(WEBHOOK);
    let s = w.spawn(&crate::setup::setup_args(&o, &[]), &crate::setup::stdin(&o));
    let url = o.browser_url();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    http::get(&o.authorize(&url)).unwrap();
    let r = w.finish(s);
    r.ok();
    assert!(!r.stderr.contains(SPINNER_TEXT), "{}", r.show());
}
