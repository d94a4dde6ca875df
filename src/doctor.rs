//! A diagnosis scaffold shared by every `… doctor` command (not Jira-specific): a check has
//! a stable id, a status, a one-line detail and, for a warn or fail, the exact command or
//! console step that fixes it. A [`Report`] collects checks in a fixed order, counts them,
//! and renders them as text lines (`✓`/`!`/`✗`) or as the JSON document
//! `{"checks":[{"id","status","detail","fix"}],"summary":{"pass","warn","fail"}}`.
//!
//! Integrations write their checks as functions returning [`Check`] (pure where possible)
//! and run the independent ones concurrently; this module does no I/O except [`Report::print`].

use serde_json::{Value, json};

use crate::terminal::Ui;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pass,
    Warn,
    Fail,
    /// Not run (a flag asked so, or what it needs is broken: see the detail).
    Skip,
    /// Worth knowing, neither good nor bad.
    Info,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Skip => "skip",
            Status::Info => "info",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Status::Pass => "✓",
            Status::Warn => "!",
            Status::Fail => "✗",
            Status::Skip => "-",
            Status::Info => "i",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Stable id (documented in the README), e.g. `bundle`.
    pub id: &'static str,
    pub status: Status,
    /// One line; never a secret value.
    pub detail: String,
    /// What fixes a warn or fail: a command or a console step.
    pub fix: Option<String>,
}

impl Check {
    pub fn new(id: &'static str, status: Status, detail: impl Into<String>) -> Check {
        Check {
            id,
            status,
            detail: detail.into(),
            fix: None,
        }
    }
    pub fn pass(id: &'static str, detail: impl Into<String>) -> Check {
        Check::new(id, Status::Pass, detail)
    }
    pub fn warn(id: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check::new(id, Status::Warn, detail).fix(fix)
    }
    pub fn fail(id: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check::new(id, Status::Fail, detail).fix(fix)
    }
    pub fn skip(id: &'static str, detail: impl Into<String>) -> Check {
        Check::new(id, Status::Skip, detail)
    }
    pub fn info(id: &'static str, detail: impl Into<String>) -> Check {
        Check::new(id, Status::Info, detail)
    }
    pub fn fix(mut self, fix: impl Into<String>) -> Check {
        let fix = fix.into();
        self.fix = (!fix.is_empty()).then_some(fix);
        self
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "status": self.status.as_str(),
            "detail": self.detail,
            "fix": self.fix,
        })
    }
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub checks: Vec<Check>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub pass: usize,
    pub warn: usize,
    pub fail: usize,
}

impl Report {
    pub fn push(&mut self, c: Check) {
        self.checks.push(c);
    }

    pub fn get(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    pub fn summary(&self) -> Summary {
        let n = |s: Status| self.checks.iter().filter(|c| c.status == s).count();
        Summary {
            pass: n(Status::Pass),
            warn: n(Status::Warn),
            fail: n(Status::Fail),
        }
    }

    /// Whether anything failed (the command then exits 1).
    pub fn failed(&self) -> bool {
        self.summary().fail > 0
    }

    pub fn to_json(&self) -> Value {
        let s = self.summary();
        json!({
            "checks": self.checks.iter().map(Check::to_json).collect::<Vec<_>>(),
            "summary": {"pass": s.pass, "warn": s.warn, "fail": s.fail},
        })
    }

    /// The text lines: `✓ id  detail`, and under a warn/fail `    fix: …`; then a summary.
    pub fn lines(&self) -> Vec<String> {
        self.lines_painted(false)
    }

    /// [`Report::lines`], with the status marks in colour when `color`.
    pub fn lines_painted(&self, color: bool) -> Vec<String> {
        let width = self.checks.iter().map(|c| c.id.len()).max().unwrap_or(0);
        let mut out = Vec::new();
        for c in &self.checks {
            let mark = match (color, c.status) {
                (false, _) | (true, Status::Skip | Status::Info) => c.status.symbol().to_string(),
                (true, Status::Pass) => format!("\x1b[32m{}\x1b[0m", c.status.symbol()),
                (true, Status::Warn) => format!("\x1b[33m{}\x1b[0m", c.status.symbol()),
                (true, Status::Fail) => format!("\x1b[31m{}\x1b[0m", c.status.symbol()),
            };
            out.push(format!("{mark} {:<width$}  {}", c.id, c.detail));
            if let Some(f) = &c.fix
                && matches!(c.status, Status::Warn | Status::Fail)
            {
                out.push(format!("  {:<width$}  fix: {f}", ""));
            }
        }
        let s = self.summary();
        out.push(format!(
            "{} passed, {} warning(s), {} failed",
            s.pass, s.warn, s.fail
        ));
        out
    }

    /// The command's result: the lines on stdout, or the JSON document.
    pub fn print(&self, ui: &Ui) {
        if ui.json {
            ui.emit_json(&self.to_json());
        } else {
            use std::io::IsTerminal;
            let color = ui.color && std::io::stdout().is_terminal();
            for l in self.lines_painted(color) {
                ui.result(l);
            }
        }
    }
}

/// POSTs a signed webhook probe (JSON `body`, `signature` in `header`) and returns the status,
/// or the transport error with its source chain.
pub async fn post_signed(
    client: &reqwest::Client,
    url: &str,
    header: &str,
    body: &[u8],
    signature: &str,
) -> std::result::Result<u16, String> {
    client
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(header, signature)
        .body(body.to_vec())
        .send()
        .await
        .map(|r| r.status().as_u16())
        .map_err(|e| {
            let mut s = e.to_string();
            let mut src = std::error::Error::source(&e);
            while let Some(c) = src {
                s.push_str(&format!(": {c}"));
                src = c.source();
            }
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_json_and_lines() {
        let mut r = Report::default();
        r.push(Check::pass("stack", "all outputs"));
        r.push(Check::warn("token", "expired", "nothing to do"));
        r.push(Check::fail("bundle", "lacks scope", "bgagent jira setup"));
        r.push(Check::skip("webhook-receiver", "--skip-webhook-probe"));
        r.push(Check::info("users", "2 expired invites"));
        assert!(r.failed());
        assert_eq!(
            r.summary(),
            Summary {
                pass: 1,
                warn: 1,
                fail: 1
            }
        );
        let j = r.to_json();
        assert_eq!(
            j["summary"],
            serde_json::json!({"pass":1,"warn":1,"fail":1})
        );
        assert_eq!(j["checks"][2]["id"], "bundle");
        assert_eq!(j["checks"][2]["status"], "fail");
        assert_eq!(j["checks"][2]["fix"], "bgagent jira setup");
        assert_eq!(j["checks"][0]["fix"], Value::Null);
        let lines = r.lines();
        assert_eq!(lines[0], "✓ stack             all outputs");
        assert_eq!(lines[3], "✗ bundle            lacks scope");
        assert_eq!(lines[4], "                    fix: bgagent jira setup");
        assert_eq!(lines[5], "- webhook-receiver  --skip-webhook-probe");
        assert_eq!(lines.last().unwrap(), "1 passed, 1 warning(s), 1 failed");
        assert_eq!(
            r.lines_painted(true)[0],
            "\x1b[32m✓\x1b[0m stack             all outputs"
        );
        let mut ok = Report::default();
        ok.push(Check::pass("a", "b"));
        ok.push(Check::info("c", "d"));
        assert!(!ok.failed());
    }
}
