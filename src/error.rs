//! One error type for the whole tool: what went wrong, why, what was and was not written, and
//! the command or flag that fixes it. `main` renders it and maps it to a documented exit code.

use std::fmt::Write as _;

/// Documented exit codes (README, `bgagent --help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 1: an AWS, Atlassian or local operation failed.
    Failure = 1,
    /// 2: bad or missing input (also clap's own usage errors).
    Usage = 2,
    /// 3: the stores are not in a state that allows the operation (inactive tenant, mapped
    /// elsewhere, code used or expired, second tenant, ...).
    Conflict = 3,
    /// 4: the person declined authorization in the browser, or Atlassian returned an OAuth error.
    Denied = 4,
    /// 5: timed out waiting (for the browser callback).
    Timeout = 5,
    /// 6: Cognito refused the login: wrong username or password (or MFA code).
    LoginRefused = 6,
    /// 130: interrupted (Ctrl-C).
    Interrupted = 130,
}

/// Boxed so `Result<T>` stays one pointer wide on the happy path.
#[derive(Debug)]
pub struct Error(Box<ErrorData>);

#[derive(Debug)]
pub struct ErrorData {
    pub exit: Exit,
    pub message: String,
    pub causes: Vec<String>,
    pub hints: Vec<String>,
    /// Writes that completed before the failure (so the operator knows the state).
    pub written: Vec<String>,
    /// Writes that were not made.
    pub not_written: Vec<String>,
    /// The command already printed its result (e.g. a doctor report with failures); only
    /// the exit code is left to apply.
    pub reported: bool,
    /// The underlying error, if there is one (`std::error::Error::source`).
    pub origin: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Error(Box::new(ErrorData {
            exit,
            message: message.into(),
            causes: Vec::new(),
            hints: Vec::new(),
            written: Vec::new(),
            not_written: Vec::new(),
            reported: false,
            origin: None,
        }))
    }
    /// Exit with `exit` without printing anything more: the command's output already said
    /// what went wrong.
    pub fn already_reported(exit: Exit, message: impl Into<String>) -> Self {
        let mut e = Self::new(exit, message);
        e.reported = true;
        e
    }
    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(Exit::Failure, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Exit::Usage, message)
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(Exit::Conflict, message)
    }
    pub fn cause(mut self, c: impl std::fmt::Display) -> Self {
        let c = c.to_string();
        if !c.is_empty() && !self.causes.contains(&c) {
            self.causes.push(c);
        }
        self
    }
    /// Keeps `e` as the error's source (its chain stays reachable through
    /// `std::error::Error::source`) and adds its text as a cause.
    pub fn with_source(mut self, e: impl std::error::Error + Send + Sync + 'static) -> Self {
        self = self.cause(&e);
        self.origin = Some(Box::new(e));
        self
    }
    pub fn hint(mut self, h: impl Into<String>) -> Self {
        self.hints.push(h.into());
        self
    }
    pub fn written(mut self, w: impl Into<String>) -> Self {
        self.written.push(w.into());
        self
    }
    pub fn not_written(mut self, w: impl Into<String>) -> Self {
        self.not_written.push(w.into());
        self
    }
    /// Prepends writes already done by the caller (errors raised deeper know less).
    pub fn with_progress(mut self, written: &[String]) -> Self {
        let mut w = written.to_vec();
        w.append(&mut self.written);
        self.written = w;
        self
    }

    /// The text printed on stderr (without colour).
    pub fn render(&self) -> String {
        let mut s = format!("error: {}\n", self.message);
        for c in &self.causes {
            let _ = writeln!(s, "  caused by: {c}");
        }
        for w in &self.written {
            let _ = writeln!(s, "  written: {w}");
        }
        for w in &self.not_written {
            let _ = writeln!(s, "  not written: {w}");
        }
        for h in &self.hints {
            let _ = writeln!(s, "hint: {h}");
        }
        s
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "error": {
                "message": self.message,
                "causes": self.causes,
                "hints": self.hints,
                "written": self.written,
                "not_written": self.not_written,
                "exit_code": self.exit as i32,
            }
        })
    }
}

impl std::ops::Deref for Error {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .origin
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Whether the raw arguments ask for `--output json` (checked before clap has parsed them, so
/// that clap's own usage errors can be reported as a JSON document too).
pub fn json_requested<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> bool {
    let mut prev_output = false;
    for a in args {
        let a = a.to_string_lossy();
        if a == "--" {
            break;
        }
        if (prev_output && a == "json") || a == "--output=json" {
            return true;
        }
        prev_output = a == "--output";
    }
    false
}

/// The JSON error document for one of clap's usage errors.
pub fn clap_error_json(e: &clap::Error) -> serde_json::Value {
    if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return Error::usage("a subcommand is required")
            .hint("run the command with --help to list the subcommands")
            .to_json();
    }
    let text = e.render().to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let message = lines
        .next()
        .unwrap_or("invalid usage")
        .trim_start_matches("error:")
        .trim()
        .to_string();
    let mut err = Error::usage(message);
    for l in lines {
        match l.strip_prefix("tip:") {
            Some(t) => err = err.hint(t.trim()),
            None if l.starts_with("For more information") => err = err.hint(l),
            None => err = err.cause(l),
        }
    }
    err.to_json()
}

/// Reports a clap parse failure and exits: `--help`/`--version` as clap does; a usage error as
/// clap's text on stderr, plus (under `--output json`) one JSON error document on stdout.
pub fn exit_on_clap_error<I: IntoIterator<Item = std::ffi::OsString>>(
    e: clap::Error,
    args: I,
) -> ! {
    use clap::error::ErrorKind;
    let usage = !matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    if usage && json_requested(args) {
        let _ = e.print();
        println!(
            "{}",
            serde_json::to_string_pretty(&clap_error_json(&e)).expect("serialisable")
        );
        std::process::exit(Exit::Usage as i32);
    }
    e.exit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_part() {
        let e = Error::conflict("project ENG is mapped to a/b")
            .cause("x")
            .cause("x")
            .written("w1")
            .not_written("n1")
            .hint("pass --force");
        assert_eq!(
            e.render(),
            "error: project ENG is mapped to a/b\n  caused by: x\n  written: w1\n  not written: n1\nhint: pass --force\n"
        );
        assert_eq!(e.to_json()["error"]["exit_code"], 3);
    }

    #[test]
    fn is_a_std_error_with_its_source_chain() {
        let io = std::io::Error::new(std::io::ErrorKind::TimedOut, "socket timed out");
        let e = Error::failure("could not read").with_source(io);
        let dyn_e: &dyn std::error::Error = &e;
        let src = dyn_e.source().expect("a source");
        assert_eq!(src.to_string(), "socket timed out");
        assert_eq!(e.causes, vec!["socket timed out".to_string()]);
        assert!(Error::failure("x").origin.is_none());
    }

    #[test]
    fn output_json_is_detected_before_parsing() {
        let a = |v: &[&str]| json_requested(v.iter().map(std::ffi::OsString::from));
        assert!(a(&[
            "bgagent", "jira", "map", "--output", "json", "--bogus"
        ]));
        assert!(a(&["bgagent", "--output=json", "x"]));
        assert!(!a(&["bgagent", "--output", "text", "json"]));
        assert!(!a(&["bgagent", "--", "--output", "json"]));
    }
}
