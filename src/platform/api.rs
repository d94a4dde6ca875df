//! The platform's REST client: `Authorization: <raw Cognito ID token>` (no `Bearer`), JSON bodies,
//! a per-request timeout (`BGAGENT_HTTP_TIMEOUT`), the `{"data": …}` / `{"error": {code, message,
//! request_id}}` envelope, and API Gateway's own non-envelope answers (`{"message":
//! "Unauthorized"}`). A 401 refreshes the login once and retries; a second 401 is final.

use reqwest::Method;
use serde_json::Value;

use super::config::PlatformConfig;
use super::credentials;
use crate::error::{Error, Exit, Result};
use crate::terminal::Ui;

/// A non-2xx answer of the API.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: u16,
    /// The envelope's `error.code`, else `HTTP_<status>`.
    pub code: String,
    pub message: String,
    pub request_id: String,
    /// Whether the body was the platform's error envelope (else API Gateway / a proxy answered).
    pub envelope: bool,
}

impl ApiError {
    /// `<message> (<CODE>)`, plus the request id when there is one.
    pub fn text(&self) -> String {
        if self.envelope {
            format!("{} ({})", self.message, self.code)
        } else {
            format!("HTTP {}: {}", self.status, self.message)
        }
    }

    fn request_cause(&self) -> Option<String> {
        (!self.request_id.is_empty()).then(|| format!("request id {}", self.request_id))
    }

    /// An error with the given exit code and message, carrying the server's text as a cause.
    pub fn error(&self, exit: Exit, message: impl Into<String>) -> Error {
        let mut e = Error::new(exit, message).cause(self.text());
        if let Some(r) = self.request_cause() {
            e = e.cause(r);
        }
        e
    }
}

pub struct Api {
    http: reqwest::Client,
    base: url::Url,
    pub api_url: String,
}

impl Api {
    pub fn new(cfg: &PlatformConfig) -> Result<Api> {
        let api_url = cfg.api_base()?;
        let base = url::Url::parse(&format!("{api_url}/")).map_err(|e| {
            Error::conflict(format!("api_url in config.json is not a URL: {api_url}"))
                .cause(e)
                .hint("run `bgagent configure --api-url <url>`")
        })?;
        crate::tls::init();
        let http = reqwest::Client::builder()
            .timeout(crate::aws::attempt_timeout())
            .connect_timeout(std::time::Duration::from_secs(5).min(crate::aws::attempt_timeout()))
            .build()
            .map_err(|e| Error::failure("could not build the HTTP client").cause(e))?;
        Ok(Api {
            http,
            base,
            api_url,
        })
    }

    /// The URL of `segments` under the API base; each segment is percent-encoded (`/` → `%2F`).
    pub fn url(&self, segments: &[&str]) -> url::Url {
        let mut u = self.base.clone();
        {
            let mut p = u.path_segments_mut().expect("http URL");
            p.pop_if_empty();
            for s in segments {
                p.push(s);
            }
        }
        u
    }

    async fn send_once(
        &self,
        ui: &Ui,
        method: &Method,
        segments: &[&str],
        body: Option<&Value>,
        token: &str,
    ) -> Result<std::result::Result<Value, ApiError>> {
        let url = self.url(segments);
        ui.debug(format!("{method} {url}"));
        let mut req = self
            .http
            .request(method.clone(), url.clone())
            .header("Authorization", token)
            .header("Content-Type", "application/json");
        if let Some(b) = body {
            req = req.body(b.to_string());
        }
        let resp = req.send().await.map_err(|e| {
            let secs = crate::aws::attempt_timeout().as_secs_f64();
            if e.is_timeout() {
                Error::new(
                    Exit::Timeout,
                    format!("the platform API did not answer within {secs}s ({method} {url})"),
                )
                .hint("retry; set BGAGENT_HTTP_TIMEOUT=<seconds> for a longer timeout")
            } else {
                Error::failure(format!("could not reach the platform API at {}", self.api_url))
                    .cause(super::cognito::scrub(&e.to_string(), &[token]))
                    .hint("check the network and api_url (`bgagent whoami` shows it; `bgagent configure` resets it)")
            }
        })?;
        let status = resp.status().as_u16();
        let header_rid = resp
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let reason = resp.status().canonical_reason().unwrap_or("").to_string();
        let text = resp
            .text()
            .await
            .map_err(|e| Error::failure("could not read the API's answer").cause(e))?;
        ui.debug(format!("→ HTTP {status}"));
        let json: Option<Value> = serde_json::from_str(&text).ok();
        if (200..300).contains(&status) {
            return match json {
                Some(mut v) => Ok(Ok(v.get_mut("data").map(Value::take).unwrap_or(v))),
                None => Err(Error::failure(format!(
                    "HTTP {status}: the platform API answered with a non-JSON body"
                ))
                .hint(
                    "check api_url in config.json points at the platform's API (`bgagent whoami`)",
                )),
            };
        }
        let env = json
            .as_ref()
            .and_then(|v| v.get("error"))
            .filter(|e| e.get("code").is_some_and(Value::is_string));
        Ok(Err(match env {
            Some(e) => ApiError {
                status,
                code: e["code"].as_str().unwrap_or_default().to_string(),
                message: e
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                request_id: e
                    .get("request_id")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or(header_rid),
                envelope: true,
            },
            None => ApiError {
                status,
                code: format!("HTTP_{status}"),
                message: json
                    .as_ref()
                    .and_then(|v| v.get("message").or_else(|| v.get("Message")))
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or(if json.is_some() {
                        reason
                    } else {
                        format!("{reason} (non-JSON response)")
                    }),
                request_id: header_rid,
                envelope: false,
            },
        }))
    }

    /// One authenticated call with the login (refreshed when due); a 401 refreshes once and retries.
    pub async fn call(
        &self,
        ui: &Ui,
        method: Method,
        segments: &[&str],
        body: Option<&Value>,
    ) -> Result<std::result::Result<Value, ApiError>> {
        let creds = credentials::current(ui, None).await?;
        let first = self
            .send_once(ui, &method, segments, body, &creds.id_token)
            .await?;
        match first {
            Err(e) if e.status == 401 => {
                ui.step("The API answered 401; refreshing the login and retrying once");
                let fresh = credentials::current(ui, Some(&creds.id_token)).await?;
                self.send_once(ui, &method, segments, body, &fresh.id_token)
                    .await
            }
            other => Ok(other),
        }
    }
}

/// The classification shared by every command, for statuses a command does not map itself.
pub fn classify(e: &ApiError, api_url: &str) -> Error {
    match e.status {
        401 => e
            .error(
                Exit::Denied,
                if e.envelope {
                    format!("not authenticated ({})", e.code)
                } else {
                    "not authenticated: API Gateway rejected the login token".to_string()
                },
            )
            .hint("run `bgagent login` (the token was refreshed and retried once already)"),
        403 if !e.envelope => e
            .error(
                Exit::Denied,
                "API Gateway refused the request (no such route on this API, or the token is not accepted)",
            )
            .hint(format!(
                "check api_url ({api_url}) with `bgagent whoami`; re-run `bgagent configure`, then `bgagent login`; unset BGAGENT_API_KEY for these Cognito-only routes"
            )),
        403 => e
            .error(Exit::Denied, format!("forbidden ({})", e.code))
            .hint("ask a platform admin for access"),
        404 if !e.envelope => e
            .error(Exit::Failure, format!("the platform API has no such route ({})", e.text()))
            .hint(format!(
                "check api_url ({api_url}) with `bgagent whoami`; re-run `bgagent configure` for this platform"
            )),
        400 => e
            .error(Exit::Usage, format!("the API rejected the request: {}", e.text()))
            .hint("fix the value named above and retry"),
        404 | 409 | 422 => e.error(Exit::Conflict, e.text()),
        429 => e
            .error(Exit::Failure, format!("rate limit exceeded ({})", e.code))
            .hint("wait a minute and retry"),
        503 => e
            .error(
                Exit::Failure,
                format!("service temporarily unavailable ({})", e.code),
            )
            .hint("retry in a few minutes"),
        _ => e
            .error(
                Exit::Failure,
                format!("the platform API failed: {}", e.text()),
            )
            .hint("retry; if it persists, give the request id to the platform team"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_path_segments() {
        let mut c = PlatformConfig::default();
        c.set("api_url", "http://127.0.0.1:9/v1/");
        let api = Api::new(&c).unwrap();
        assert_eq!(
            api.url(&["repos", "acme/widgets", "policies"]).as_str(),
            "http://127.0.0.1:9/v1/repos/acme%2Fwidgets/policies"
        );
        assert_eq!(
            api.url(&["tasks", "t 1", "approve"]).as_str(),
            "http://127.0.0.1:9/v1/tasks/t%201/approve"
        );
    }

    #[test]
    fn classifies_statuses() {
        let e = |status, envelope| ApiError {
            status,
            code: if envelope {
                "X".into()
            } else {
                format!("HTTP_{status}")
            },
            message: "m".into(),
            request_id: String::new(),
            envelope,
        };
        assert_eq!(classify(&e(401, false), "u").exit, Exit::Denied);
        assert!(classify(&e(401, false), "u").hints[0].contains("bgagent login"));
        assert_eq!(classify(&e(403, false), "u").exit, Exit::Denied);
        assert_eq!(classify(&e(400, true), "u").exit, Exit::Usage);
        assert_eq!(classify(&e(404, true), "u").exit, Exit::Conflict);
        assert_eq!(classify(&e(422, true), "u").exit, Exit::Conflict);
        assert_eq!(classify(&e(429, true), "u").exit, Exit::Failure);
        assert_eq!(classify(&e(503, true), "u").exit, Exit::Failure);
        assert_eq!(classify(&e(500, true), "u").exit, Exit::Failure);
    }
}
