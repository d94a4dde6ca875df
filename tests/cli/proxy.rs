//! A fault-injecting HTTP proxy on loopback: bgagent is pointed at it (AWS_ENDPOINT_URL or the
//! Atlassian base URLs) and each request is forwarded to the real local server, answered with a
//! fault, delayed, or dropped, as the test's rule decides.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Req {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    /// The AWS operation (`X-Amz-Target` of JSON protocols, or `Action=` of query protocols).
    pub fn aws_op(&self) -> String {
        if let Some(t) = self.header("x-amz-target") {
            return t.rsplit('.').next().unwrap_or(t).to_string();
        }
        let body = String::from_utf8_lossy(&self.body);
        body.split('&')
            .find_map(|kv| kv.strip_prefix("Action="))
            .unwrap_or_default()
            .to_string()
    }
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub enum Action {
    Forward,
    /// Answer without forwarding: status, extra headers, body.
    Respond(u16, Vec<(String, String)>, String),
    /// Close the connection without answering.
    Drop,
    /// Wait, then forward.
    Delay(Duration),
}

type Rule = Box<dyn FnMut(&Req) -> Action + Send>;

pub struct Proxy {
    pub url: String,
    stop: Arc<AtomicBool>,
}

/// One request through a proxy: what it was and how long it was in flight.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The AWS operation, else `METHOD path` (without the query).
    pub what: String,
    pub start: Instant,
    pub end: Instant,
}

/// The requests of one or more proxies on one timeline.
pub type Log = Arc<Mutex<Vec<Hit>>>;

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.url.trim_start_matches("http://"));
    }
}

fn read_request(stream: &mut BufReader<TcpStream>) -> Option<Req> {
    let mut line = String::new();
    stream.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        stream.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    stream.read_exact(&mut body).ok()?;
    Some(Req {
        method,
        path,
        headers,
        body,
    })
}

fn forward(upstream: &str, req: &Req) -> Option<Vec<u8>> {
    let mut up = TcpStream::connect(upstream).ok()?;
    up.set_read_timeout(Some(Duration::from_secs(60))).ok()?;
    let mut head = format!("{} {} HTTP/1.1\r\n", req.method, req.path);
    for (k, v) in &req.headers {
        if !k.eq_ignore_ascii_case("connection") {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    head.push_str("Connection: close\r\n\r\n");
    up.write_all(head.as_bytes()).ok()?;
    up.write_all(&req.body).ok()?;
    let mut resp = Vec::new();
    up.read_to_end(&mut resp).ok()?;
    Some(resp)
}

impl Proxy {
    /// Proxies to `upstream` (`http://127.0.0.1:PORT`), asking `rule` about every request.
    pub fn start(upstream: &str, rule: impl FnMut(&Req) -> Action + Send + 'static) -> Proxy {
        Self::start_logged(upstream, Log::default(), rule)
    }

    /// Like `start`, recording every request in `hits` (which several proxies may share).
    pub fn start_logged(
        upstream: &str,
        hits: Log,
        rule: impl FnMut(&Req) -> Action + Send + 'static,
    ) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let upstream = upstream
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        let rule: Arc<Mutex<Rule>> = Arc::new(Mutex::new(Box::new(rule)));
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = stop.clone();
        let hits2 = hits;
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(conn) = conn else { continue };
                let (rule, upstream, hits) = (rule.clone(), upstream.clone(), hits2.clone());
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(conn.try_clone().unwrap());
                    let mut conn = conn;
                    if let Some(req) = read_request(&mut reader) {
                        let start = Instant::now();
                        let action = (rule.lock().unwrap())(&req);
                        let resp = match action {
                            Action::Forward => forward(&upstream, &req),
                            Action::Delay(d) => {
                                std::thread::sleep(d);
                                forward(&upstream, &req)
                            }
                            Action::Drop => return,
                            Action::Respond(status, headers, body) => {
                                let mut r = format!(
                                    "HTTP/1.1 {status} Fault\r\nContent-Length: {}\r\n",
                                    body.len()
                                );
                                for (k, v) in headers {
                                    r.push_str(&format!("{k}: {v}\r\n"));
                                }
                                r.push_str("Connection: close\r\n\r\n");
                                r.push_str(&body);
                                Some(r.into_bytes())
                            }
                        };
                        let Some(resp) = resp else { return };
                        let what = match req.aws_op() {
                            op if !op.is_empty() => op,
                            _ => format!(
                                "{} {}",
                                req.method,
                                req.path.split('?').next().unwrap_or_default()
                            ),
                        };
                        hits.lock().unwrap().push(Hit {
                            what,
                            start,
                            end: Instant::now(),
                        });
                        // One request per connection: every answer says `Connection: close`.
                        let _ = conn.write_all(&resp);
                    }
                });
            }
        });
        Proxy { url, stop }
    }
}
