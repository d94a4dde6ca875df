//! The localhost callback server. It listens (on both 127.0.0.1 and ::1 for `localhost`) before
//! the browser is opened, serves only the registered path, ignores stale or forged callbacks, and
//! finishes on the first callback that carries our state. A URL pasted on stdin is accepted the
//! same way, for machines without a browser.

use std::io::BufRead;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::redirect::{Outcome, Redirect, classify, pasted_query};
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

enum Event {
    Request(tiny_http::Request),
    Pasted(String),
    PasteClosed,
}

pub struct Callback {
    redirect: Redirect,
    servers: Vec<Arc<tiny_http::Server>>,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    pasting: bool,
}

fn port_busy(redirect: &Redirect, addr: SocketAddr) -> Error {
    Error::failure(format!("port {} on {} is already in use, so the OAuth callback cannot be received", redirect.port, addr.ip()))
        .hint(format!(
            "find the process with `ss -ltnp 'sport = :{p}'` (or `lsof -i :{p}`) and stop it, then re-run; \
             or register another callback in the Atlassian console and pass it with --callback-url",
            p = redirect.port
        ))
        .not_written("nothing (no browser was opened, no AWS write was made)")
}

impl Callback {
    /// Binds every address of the redirect. `required` = false (paste-back mode) tolerates a
    /// busy port: the pasted URL still completes the flow.
    pub fn bind(ui: &Ui, redirect: &Redirect, required: bool) -> Result<Callback> {
        let (tx, rx) = channel();
        let mut servers = Vec::new();
        for ip in &redirect.hosts {
            let addr = SocketAddr::new(*ip, redirect.port);
            match TcpListener::bind(addr) {
                Ok(l) => {
                    let server =
                        Arc::new(tiny_http::Server::from_listener(l, None).map_err(|e| {
                            Error::failure(format!("could not listen on {addr}")).cause(e)
                        })?);
                    let (s, t) = (server.clone(), tx.clone());
                    std::thread::spawn(move || {
                        for req in s.incoming_requests() {
                            if t.send(Event::Request(req)).is_err() {
                                break;
                            }
                        }
                    });
                    ui.debug(format!("listening on http://{addr}{}", redirect.path));
                    servers.push(server);
                }
                // No IPv6 on this machine: IPv4 alone serves `localhost`.
                Err(e)
                    if e.kind() == std::io::ErrorKind::AddrNotAvailable
                        && ip.is_ipv6()
                        && redirect.hosts.len() > 1 =>
                {
                    ui.debug(format!("no IPv6 loopback ({e}); listening on IPv4 only"));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && !required => {
                    ui.warn(format!(
                        "port {} on {} is in use; paste the redirected URL instead",
                        redirect.port, ip
                    ));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                    return Err(port_busy(redirect, addr));
                }
                Err(e) => {
                    return Err(Error::failure(format!("could not listen on {addr}"))
                        .cause(e)
                        .hint("pass --no-browser to paste the redirected URL instead"));
                }
            }
        }
        Ok(Callback {
            redirect: redirect.clone(),
            servers,
            tx,
            rx,
            pasting: false,
        })
    }

    /// Also accept the redirected URL pasted on stdin (one line per attempt).
    pub fn accept_paste(&mut self) {
        self.pasting = true;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let stdin = std::io::stdin();
            loop {
                let mut line = String::new();
                match stdin.lock().read_line(&mut line) {
                    Ok(0) | Err(_) => {
                        let _ = tx.send(Event::PasteClosed);
                        return;
                    }
                    Ok(_) if line.trim().is_empty() => continue,
                    Ok(_) => {
                        if tx.send(Event::Pasted(line)).is_err() {
                            return;
                        }
                    }
                }
            }
        });
    }

    /// Waits for the authorization code.
    pub fn wait(mut self, ui: &Ui, state: &str, timeout: Duration) -> Result<String> {
        let deadline = Instant::now() + timeout;
        let result = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let event = match self.rx.recv_timeout(left) {
                Ok(e) => e,
                Err(_) => {
                    break Err(Error::new(Exit::Timeout, format!("no OAuth callback arrived within {}s", timeout.as_secs()))
                        .not_written("nothing (no AWS write was made)")
                        .hint("re-run `bgagent jira setup` and finish the browser step in time (or raise --timeout); on a machine without a browser use --no-browser"));
                }
            };
            match event {
                Event::Request(req) => {
                    if let Some(done) = self.handle_request(ui, req, state) {
                        break done;
                    }
                }
                Event::Pasted(line) => match pasted_query(&self.redirect, &line).map(|q| classify(&q, state)) {
                    Ok(Outcome::Code(c)) => break Ok(c),
                    Ok(Outcome::Denied { error, description }) => break Err(denied(&error, &description)),
                    Ok(Outcome::StateMismatch) => ui.warn("that URL belongs to another sign-in attempt (state differs); paste the URL from this run"),
                    Ok(Outcome::Incomplete) => ui.warn("that URL has no code and state; paste the full address after the redirect"),
                    Err(e) => ui.warn(e),
                },
                Event::PasteClosed => {
                    self.pasting = false;
                    if self.servers.is_empty() {
                        break Err(Error::usage("stdin closed before a redirected URL was pasted")
                            .hint("paste the full URL the browser was redirected to (one line on stdin)"));
                    }
                }
            }
        };
        for s in &self.servers {
            s.unblock();
        }
        result
    }

    /// Answers one HTTP request; returns the flow's result when this request ends it.
    fn handle_request(
        &mut self,
        ui: &Ui,
        req: tiny_http::Request,
        state: &str,
    ) -> Option<Result<String>> {
        let url = req.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
        if req.method() != &tiny_http::Method::Get || path != self.redirect.path {
            if path != "/favicon.ico" {
                ui.debug(format!(
                    "callback server: ignored {} {}",
                    req.method(),
                    path.chars().take(80).collect::<String>()
                ));
            }
            let _ = req.respond(page(
                404,
                "Not found",
                "This address is not part of the sign-in.",
            ));
            return None;
        }
        match classify(query, state) {
            Outcome::Code(code) => {
                let _ = req.respond(page(200, "Authorization received", "bgagent received the authorization. You can close this tab and return to the terminal."));
                Some(Ok(code))
            }
            Outcome::Denied { error, description } => {
                let _ = req.respond(page(
                    400,
                    "Authorization not granted",
                    "The sign-in was not completed. Return to the terminal for details.",
                ));
                Some(Err(denied(&error, &description)))
            }
            Outcome::StateMismatch => {
                ui.warn("ignored a callback from another sign-in attempt (state differs); still waiting");
                let _ = req.respond(page(400, "Stale sign-in link", "This sign-in does not belong to the bgagent command that is waiting. Return to the terminal and use the link it printed."));
                None
            }
            Outcome::Incomplete => {
                let _ = req.respond(page(
                    400,
                    "Incomplete callback",
                    "The callback carried no authorization code. Return to the terminal.",
                ));
                None
            }
        }
    }
}

fn denied(error: &str, description: &str) -> Error {
    use crate::domain::text::printable;
    let (error, description) = (printable(error), printable(description));
    let (error, description) = (error.as_str(), description.as_str());
    let mut e = Error::new(
        Exit::Denied,
        format!("authorization was not granted ({error})"),
    );
    if !description.is_empty() {
        e = e.cause(description);
    }
    e.not_written("nothing (no AWS write was made)")
        .hint("re-run `bgagent jira setup` and click Accept on the consent page; if the page said the app is not available, turn Sharing on for your account or use the app owner's account")
}

fn page(status: u16, title: &str, text: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>bgagent: {title}</title></head>\
         <body style=\"font-family:sans-serif;max-width:36em;margin:4em auto\"><h1>{title}</h1><p>{text}</p></body></html>"
    );
    tiny_http::Response::from_string(html)
        .with_status_code(status)
        .with_header(
            tiny_http::Header::from_bytes("Content-Type", "text/html; charset=utf-8")
                .expect("static header"),
        )
        .with_header(
            tiny_http::Header::from_bytes("Cache-Control", "no-store").expect("static header"),
        )
}
