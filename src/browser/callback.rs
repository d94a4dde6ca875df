//! The localhost callback server. It listens (on both 127.0.0.1 and ::1 for `localhost`) before
//! the browser is opened, serves only the registered path, ignores stale or forged callbacks, and
//! finishes on the first callback that carries our state. A URL pasted on stdin is accepted the
//! same way, for machines without a browser.
//!
//! It is hardened as any listening socket must be: `Host` must be the registered host (else 400:
//! no DNS-rebinding page can drive it), the request line and headers are bounded ([`MAX_HEAD`],
//! parsed by `httparse`), open connections are bounded ([`MAX_CONNECTIONS`]) and every read has a
//! timeout ([`READ_TIMEOUT`]). tiny_http offers none of these bounds, so the few lines of socket
//! handling are ours. The browser's tab is answered with the real outcome, once it is known.

use std::io::{BufRead, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::redirect::{Outcome, Redirect, classify, pasted_query};
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

/// The request line and headers may take at most this many bytes.
pub const MAX_HEAD: usize = 8 * 1024;
/// At most this many connections are open at once; more are closed at once.
pub const MAX_CONNECTIONS: usize = 16;
/// A connection that sends nothing for this long is closed.
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// One parsed HTTP request, with its connection (answered once, then closed).
pub struct Request {
    stream: TcpStream,
    method: String,
    target: String,
    _slot: Slot,
}

/// A connection slot; freed when the connection is done.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Request {
    fn respond(mut self, status: u16, title: &str, text: &str) {
        let _ = self.stream.write_all(&page(status, title, text));
        let _ = self.stream.flush();
    }
}

/// The browser tab of the callback, answered once the outcome is known: success only after the
/// token exchange worked. Dropped unanswered, it tells the browser to look at the terminal.
pub struct BrowserReply(Option<Request>);

impl BrowserReply {
    /// Shows the real outcome in the browser.
    pub fn finish(mut self, outcome: std::result::Result<(), &str>) {
        if let Some(r) = self.0.take() {
            match outcome {
                Ok(()) => r.respond(200, "Authorization received", "bgagent received the authorization and obtained the tokens. You can close this tab and return to the terminal."),
                Err(why) => r.respond(500, "Sign-in failed", &format!("bgagent could not complete the sign-in: {}. Return to the terminal for details.", html_escape(why))),
            }
        }
    }
}

impl BrowserReply {
    /// Shows the outcome of the token exchange in the browser and hands it on: success only
    /// once the tokens are obtained, else the error's message.
    pub fn settle<T>(self, r: crate::error::Result<T>) -> crate::error::Result<T> {
        match &r {
            Ok(_) => self.finish(Ok(())),
            Err(e) => self.finish(Err(&crate::domain::text::printable(&e.message))),
        }
        r
    }
}

impl Drop for BrowserReply {
    fn drop(&mut self) {
        if let Some(r) = self.0.take() {
            r.respond(
                500,
                "Sign-in not completed",
                "bgagent stopped before the sign-in completed. Return to the terminal for details.",
            );
        }
    }
}

enum Event {
    Request(Request),
    Pasted(String),
    PasteClosed,
}

pub struct Callback {
    redirect: Redirect,
    listening: Vec<SocketAddr>,
    stop: Arc<AtomicBool>,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    pasting: bool,
}

/// The `Host` values a browser sends for the registered callback (anything else, e.g. a DNS
/// rebinding page, gets 400).
fn allowed_hosts(port: u16) -> [String; 3] {
    [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ]
}

/// Reads and parses one request head (bounded, with a read timeout). Answers malformed, oversized
/// or foreign-host requests itself and returns `None` for them.
fn read_request(mut stream: TcpStream, port: u16, slot: Slot) -> Option<Request> {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let _ = stream.set_write_timeout(Some(READ_TIMEOUT));
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    let head_len = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > MAX_HEAD {
            let _ = stream.write_all(&page(
                431,
                "Request too large",
                "The request line and headers are limited to 8 KiB.",
            ));
            return None;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    if head_len > MAX_HEAD {
        let _ = stream.write_all(&page(
            431,
            "Request too large",
            "The request line and headers are limited to 8 KiB.",
        ));
        return None;
    }
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    let (method, target) = match req.parse(&buf[..head_len]) {
        Ok(httparse::Status::Complete(_)) => (
            req.method.unwrap_or_default().to_string(),
            req.path.unwrap_or_default().to_string(),
        ),
        _ => {
            let _ = stream.write_all(&page(
                400,
                "Bad request",
                "This is not a request bgagent understands.",
            ));
            return None;
        }
    };
    let host = req
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("host"))
        .map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase());
    if !host.is_some_and(|h| allowed_hosts(port).contains(&h)) {
        let _ = stream.write_all(&page(
            400,
            "Wrong host",
            "This address is not part of the sign-in.",
        ));
        return None;
    }
    Some(Request {
        stream,
        method,
        target,
        _slot: slot,
    })
}

/// Accepts connections until `stop`, at most [`MAX_CONNECTIONS`] at once, each on its own
/// short-lived thread.
fn serve(listener: TcpListener, port: u16, stop: Arc<AtomicBool>, tx: Sender<Event>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            drop(stream);
            continue;
        }
        let (slot, tx) = (Slot(open.clone()), tx.clone());
        std::thread::spawn(move || {
            if let Some(req) = read_request(stream, port, slot) {
                let _ = tx.send(Event::Request(req));
            }
        });
    }
}

fn port_busy(redirect: &Redirect, addr: SocketAddr) -> Error {
    Error::failure(format!("port {} on {} is already in use, so the OAuth callback cannot be received", redirect.port, addr.ip()))
        .hint(format!(
            "find the process with `ss -ltnp 'sport = :{p}'` (or `lsof -i :{p}`) and stop it, then re-run; \
             or register another callback in the Atlassian console and pass it with --callback-url",
            p = redirect.port
        ))
        .hint("on a machine without a browser, --no-browser works even with the port busy: open the URL anywhere and paste the redirected address back")
        .not_written("nothing (no browser was opened, no AWS write was made)")
}

impl Callback {
    /// Binds every address of the redirect. `required` = false (paste-back mode) tolerates a
    /// busy port: the pasted URL still completes the flow.
    pub fn bind(ui: &Ui, redirect: &Redirect, required: bool) -> Result<Callback> {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let mut listening = Vec::new();
        for ip in &redirect.hosts {
            let addr = SocketAddr::new(*ip, redirect.port);
            match TcpListener::bind(addr) {
                Ok(l) => {
                    let (t, st, port) = (tx.clone(), stop.clone(), redirect.port);
                    std::thread::spawn(move || serve(l, port, st, t));
                    ui.debug(format!("listening on http://{addr}{}", redirect.path));
                    listening.push(addr);
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
            listening,
            stop,
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

    /// Waits for the authorization code. The browser's callback request is returned unanswered
    /// (answer it with [`BrowserReply::finish`] once the token exchange is done).
    pub fn wait(
        mut self,
        ui: &Ui,
        state: &str,
        timeout: Duration,
    ) -> Result<(String, BrowserReply)> {
        let deadline = Instant::now() + timeout;
        let spinner = waiting_spinner(ui, self.pasting);
        let result = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            spinner.set_message(format!(
                "Waiting for the browser: {}:{:02} left (Ctrl-C to cancel)",
                left.as_secs() / 60,
                left.as_secs() % 60
            ));
            let event = match self.rx.recv_timeout(left.min(Duration::from_secs(1))) {
                Ok(e) => e,
                Err(_) if !left.is_zero() => continue,
                Err(_) => {
                    break Err(Error::new(Exit::Timeout, format!("no OAuth callback arrived within {}s", timeout.as_secs()))
                        .not_written("nothing (no AWS write was made)")
                        .hint("re-run `bgagent jira setup` and finish the browser step in time (or raise --timeout); on a machine without a browser use --no-browser"));
                }
            };
            match event {
                Event::Request(req) => {
                    if let Some(done) = spinner.suspend(|| self.handle_request(ui, req, state)) {
                        break done;
                    }
                }
                Event::Pasted(line) => match pasted_query(&self.redirect, &line).map(|q| classify(&q, state)) {
                    Ok(Outcome::Code(c)) => break Ok((c, BrowserReply(None))),
                    Ok(Outcome::Denied { error, description }) => break Err(denied(&error, &description)),
                    Ok(Outcome::StateMismatch) => ui.warn("that URL belongs to another sign-in attempt (state differs); paste the URL from this run"),
                    Ok(Outcome::Incomplete) => ui.warn("that URL has no code and state; paste the full address after the redirect"),
                    Err(e) => ui.warn(e),
                },
                Event::PasteClosed => {
                    self.pasting = false;
                    if self.listening.is_empty() {
                        break Err(Error::usage("stdin closed before a redirected URL was pasted")
                            .hint("paste the full URL the browser was redirected to (one line on stdin)"));
                    }
                }
            }
        };
        spinner.finish_and_clear();
        // Stop listening: wake each accept loop so it sees the flag.
        self.stop.store(true, Ordering::SeqCst);
        for addr in &self.listening {
            let _ = TcpStream::connect_timeout(addr, Duration::from_millis(200));
        }
        result
    }

    /// Answers one HTTP request; returns the flow's result when this request ends it.
    fn handle_request(
        &mut self,
        ui: &Ui,
        req: Request,
        state: &str,
    ) -> Option<Result<(String, BrowserReply)>> {
        let url = req.target.clone();
        let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
        if req.method != "GET" || path != self.redirect.path {
            if path != "/favicon.ico" {
                ui.debug(format!(
                    "callback server: ignored {} {}",
                    req.method,
                    crate::domain::text::printable(&path.chars().take(80).collect::<String>())
                ));
            }
            req.respond(404, "Not found", "This address is not part of the sign-in.");
            return None;
        }
        match classify(query, state) {
            Outcome::Code(code) => Some(Ok((code, BrowserReply(Some(req))))),
            Outcome::Denied { error, description } => {
                req.respond(
                    400,
                    "Authorization not granted",
                    "The sign-in was not completed. Return to the terminal for details.",
                );
                Some(Err(denied(&error, &description)))
            }
            Outcome::StateMismatch => {
                ui.warn("ignored a callback from another sign-in attempt (state differs); still waiting");
                req.respond(400, "Stale sign-in link", "This sign-in does not belong to the bgagent command that is waiting. Return to the terminal and use the link it printed.");
                None
            }
            Outcome::Incomplete => {
                req.respond(
                    400,
                    "Incomplete callback",
                    "The callback carried no authorization code. Return to the terminal.",
                );
                None
            }
        }
    }
}

/// A spinner with the time left, on stderr, only where a person watches a terminal: hidden under
/// `-q`, in JSON mode, without a TTY, and while a URL is being pasted on the terminal.
fn waiting_spinner(ui: &Ui, pasting: bool) -> indicatif::ProgressBar {
    if ui.quiet || ui.json || !ui.stderr_tty || pasting {
        return indicatif::ProgressBar::hidden();
    }
    let pb =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    pb.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
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

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A complete HTTP/1.1 answer with a small HTML page; the connection is closed after it.
fn page(status: u16, title: &str, text: &str) -> Vec<u8> {
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>bgagent: {title}</title></head>\
         <body style=\"font-family:sans-serif;max-width:36em;margin:4em auto\"><h1>{title}</h1><p>{text}</p></body></html>"
    );
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        431 => "Request Header Fields Too Large",
        _ => "Internal Server Error",
    };
    format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{html}",
        html.len()
    )
    .into_bytes()
}
