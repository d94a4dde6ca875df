//! Output routing, as in gh, jj and cargo: a command's **result** (tables, templates, the invite
//! code, a summary of what was written) goes to stdout via [`Ui::result`] / [`Ui::table`];
//! **status** (steps, progress, warnings, hints) goes to stderr via [`Ui::say`], [`Ui::ok`],
//! [`Ui::step`], [`Ui::warn`]. `-q` silences status only, never a result. With `--output json`
//! stdout carries exactly one JSON document instead of the text result. Colour follows `--color`,
//! `NO_COLOR` and whether the stream written to is a terminal.

use std::io::{IsTerminal, Write};

use crate::cli::{ColorChoice, GlobalArgs, OutputFormat};

#[derive(Debug, Clone)]
pub struct Ui {
    pub json: bool,
    pub quiet: bool,
    pub verbose: bool,
    pub color: bool,
    pub yes: bool,
    pub stdin_tty: bool,
    pub stderr_tty: bool,
}

const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const RED: &str = "\x1b[31m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

impl Ui {
    pub fn new(g: &GlobalArgs) -> Ui {
        let stderr_tty = std::io::stderr().is_terminal();
        let color = match g.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stderr_tty && !crate::env::get().no_color,
        };
        Ui {
            json: g.output == OutputFormat::Json,
            quiet: g.quiet,
            verbose: g.verbose,
            color,
            yes: g.yes,
            stdin_tty: std::io::stdin().is_terminal(),
            stderr_tty,
        }
    }

    /// Whether a person can answer a prompt.
    pub fn interactive(&self) -> bool {
        self.stdin_tty && self.stderr_tty
    }

    fn paint(&self, style: &str, s: &str) -> String {
        if self.color {
            format!("{style}{s}{RESET}")
        } else {
            s.to_string()
        }
    }

    pub fn bold(&self, s: &str) -> String {
        self.paint(BOLD, s)
    }

    pub fn dim(&self, s: &str) -> String {
        self.paint(DIM, s)
    }

    fn line(&self, s: &str) {
        let mut e = std::io::stderr().lock();
        let _ = writeln!(e, "{s}");
    }

    /// A normal line of human output (suppressed by --quiet).
    pub fn say(&self, s: impl AsRef<str>) {
        if !self.quiet {
            self.line(s.as_ref());
        }
    }

    /// A completed step: `✓ …`.
    pub fn ok(&self, s: impl AsRef<str>) {
        if !self.quiet {
            self.line(&format!("{} {}", self.paint(GREEN, "✓"), s.as_ref()));
        }
    }

    /// A step that is starting: `→ …`.
    pub fn step(&self, s: impl AsRef<str>) {
        if !self.quiet {
            self.line(&format!("{} {}", self.dim("→"), s.as_ref()));
        }
    }

    pub fn warn(&self, s: impl AsRef<str>) {
        self.line(&format!(
            "{} {}",
            self.paint(YELLOW, "warning:"),
            s.as_ref()
        ));
    }

    /// Call-level detail for `--verbose`.
    pub fn debug(&self, s: impl AsRef<str>) {
        if self.verbose {
            self.line(&self.dim(&format!("[debug] {}", s.as_ref())));
        }
    }

    pub fn error(&self, rendered: &str) {
        let mut out = String::new();
        for l in rendered.lines() {
            if let Some(rest) = l.strip_prefix("error:") {
                out.push_str(&format!("{}{rest}\n", self.paint(RED, "error:")));
            } else if let Some(rest) = l.strip_prefix("hint:") {
                out.push_str(&format!("{}{rest}\n", self.paint(GREEN, "hint:")));
            } else {
                out.push_str(l);
                out.push('\n');
            }
        }
        let _ = std::io::stderr().lock().write_all(out.as_bytes());
    }

    /// A line of the command's text result on stdout. Never silenced by `-q`; in JSON mode the
    /// result is the JSON document instead, so this prints nothing.
    pub fn result(&self, s: impl AsRef<str>) {
        if !self.json {
            let mut o = std::io::stdout().lock();
            let _ = writeln!(o, "{}", s.as_ref());
        }
    }

    /// A value the operator must see exactly once (a generated secret), even under `-q`: on
    /// stdout in text mode, on stderr when stdout carries JSON (it is never put in the JSON).
    pub fn show_once(&self, s: impl AsRef<str>) {
        if self.json {
            self.line(s.as_ref());
        } else {
            let mut o = std::io::stdout().lock();
            let _ = writeln!(o, "{}", s.as_ref());
        }
    }

    /// Text a person must act on (a URL to open and paste back): stderr, not silenced by `-q`.
    pub fn ask(&self, s: impl AsRef<str>) {
        self.line(s.as_ref());
    }

    /// Renders rows as an aligned text table: the command's result, on stdout (text mode only).
    pub fn table(&self, headers: &[&str], rows: &[Vec<String>]) {
        if self.json {
            return;
        }
        let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
        for r in rows {
            for (i, c) in r.iter().enumerate() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
        let fmt = |cells: &[String]| {
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_string()
        };
        let head: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        let mut out = String::new();
        let bold = std::io::stdout().is_terminal() && self.color;
        let h = fmt(&head);
        out.push_str(&if bold { format!("{BOLD}{h}{RESET}") } else { h });
        out.push('\n');
        for r in rows {
            out.push_str(&fmt(r));
            out.push('\n');
        }
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
    }

    /// Prints the command's JSON document on stdout (only in `--output json` mode).
    pub fn emit_json(&self, v: &serde_json::Value) {
        if self.json {
            let mut o = std::io::stdout().lock();
            let _ = writeln!(
                o,
                "{}",
                serde_json::to_string_pretty(v).expect("serialisable")
            );
        }
    }
}

/// Renders rows as an aligned text table: the command's result, on stdout (see [`Ui::table`]).
pub fn table(ui: &Ui, headers: &[&str], rows: &[Vec<String>]) {
    ui.table(headers, rows);
}
