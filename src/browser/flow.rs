//! The browser leg of an OAuth login, shared by every provider: listen on the registered
//! callback first, then open the browser (or print the URL and accept a pasted redirect),
//! and wait for the callback that carries our state.

use std::time::Duration;

use super::callback::{BrowserReply, Callback};
use super::launch::{self, Launch};
use super::redirect::Redirect;
use crate::error::Result;
use crate::terminal::Ui;

/// Returns the authorization code and the browser's pending reply, which the caller finishes
/// with the real outcome once the code is exchanged. `provider` names the consent page
/// ("Atlassian", "Linear").
pub fn obtain_code(
    ui: &Ui,
    provider: &str,
    redirect: &Redirect,
    authorize_url: &url::Url,
    state: &str,
    no_browser: bool,
    timeout: Duration,
) -> Result<(String, BrowserReply)> {
    let paste_only_reason = no_browser.then(|| "--no-browser".to_string());
    let mut callback = Callback::bind(ui, redirect, paste_only_reason.is_none())?;
    let launch = match &paste_only_reason {
        Some(r) => Launch::NotOpened(r.clone()),
        None => launch::open(authorize_url.as_str()),
    };
    match &launch {
        Launch::Opened(how) => {
            ui.step(format!(
                "Opened {how} for the {provider} consent page. If it did not appear, open:"
            ));
            ui.say(format!("  {authorize_url}"));
        }
        Launch::NotOpened(why) => {
            // The operator must act on these lines, so -q does not hide them.
            ui.ask(format!(
                "No browser opened ({why}). Open this URL in a browser on any machine:"
            ));
            ui.ask(format!("  {authorize_url}"));
            ui.ask(format!(
                "After you click Accept, the browser is sent to {} — that page may fail to load, which is expected. \
                 Paste the full address from the address bar here and press Enter:",
                redirect.raw
            ));
            callback.accept_paste();
        }
    }
    ui.step(format!(
        "Waiting for the authorization (up to {})…",
        crate::domain::duration::human(timeout)
    ));
    let (code, browser) = callback.wait(ui, state, timeout)?;
    ui.ok("Authorization received");
    Ok((code, browser))
}
