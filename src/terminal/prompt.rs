//! Prompts. Every prompt has a flag: without a terminal a missing value is a usage error that
//! names the flag. Values piped through stdin (`--*-stdin`) are read one line each, in order.

use std::io::BufRead;

use crate::error::{Error, Result};
use crate::terminal::Ui;

/// Reads one line from stdin (shared buffer, so several `--*-stdin` values can follow each other).
pub fn read_stdin_line(what: &str, flag: &str) -> Result<String> {
    let mut s = String::new();
    let n = std::io::stdin()
        .lock()
        .read_line(&mut s)
        .map_err(|e| Error::failure(format!("could not read {what} from stdin")).cause(e))?;
    let v = s.trim_end_matches(['\r', '\n']).trim().to_string();
    if n == 0 || v.is_empty() {
        return Err(Error::usage(format!(
            "{flag} was given but stdin had no {what} (one line expected)"
        ))
        .hint(format!(
            "pipe the value in, e.g. `printf '%s\\n' \"$VALUE\" | bgagent … {flag}`"
        )));
    }
    Ok(v)
}

fn no_terminal(what: &str, flag: &str) -> Error {
    Error::usage(format!(
        "{what} is required and there is no terminal to ask for it"
    ))
    .hint(format!("pass {flag}"))
}

fn map_prompt_err(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = e;
    if io.kind() == std::io::ErrorKind::Interrupted {
        Error::new(
            crate::error::Exit::Interrupted,
            "interrupted; nothing more was written",
        )
    } else {
        Error::failure("could not read from the terminal").cause(io)
    }
}

/// Ctrl-C at a masked prompt would kill the process with terminal echo still off (the prompt
/// turns echo off and keeps signals on). The process's interrupt handler turns echo back on,
/// says what was written, and exits 130.
pub fn restore_terminal_on_interrupt() {
    crate::terminal::interrupt::install();
}

/// Runs an interactive prompt for a required value (trimmed, not empty).
fn required(
    ui: &Ui,
    what: &str,
    flag: &str,
    ask: impl FnOnce() -> dialoguer::Result<String>,
) -> Result<String> {
    if !ui.interactive() {
        return Err(no_terminal(what, flag));
    }
    restore_terminal_on_interrupt();
    let v = ask().map_err(map_prompt_err)?.trim().to_string();
    if v.is_empty() {
        return Err(
            Error::usage(format!("{what} must not be empty")).hint(format!("or pass {flag}"))
        );
    }
    Ok(v)
}

/// A masked prompt for a secret.
pub fn secret(ui: &Ui, label: &str, what: &str, flag: &str) -> Result<String> {
    required(ui, what, flag, || {
        dialoguer::Password::new().with_prompt(label).interact()
    })
}

/// A visible prompt for a plain value.
pub fn line(ui: &Ui, label: &str, what: &str, flag: &str) -> Result<String> {
    required(ui, what, flag, || {
        dialoguer::Input::new().with_prompt(label).interact_text()
    })
}

/// Asks to confirm; `--yes` accepts. Without a terminal and without `--yes` it is a usage error.
pub fn confirm(ui: &Ui, question: &str) -> Result<bool> {
    if ui.yes {
        return Ok(true);
    }
    if !ui.interactive() {
        return Err(
            Error::usage("confirmation needed and there is no terminal to ask")
                .hint("pass --yes to accept"),
        );
    }
    dialoguer::Confirm::new()
        .with_prompt(question)
        .default(true)
        .interact()
        .map_err(map_prompt_err)
}

/// A picker over `items`; without a terminal it is a usage error naming `flag`.
pub fn select(ui: &Ui, label: &str, items: &[String], flag_hint: Error) -> Result<usize> {
    if !ui.interactive() {
        return Err(flag_hint);
    }
    dialoguer::Select::new()
        .with_prompt(label)
        .items(items)
        .default(0)
        .interact()
        .map_err(map_prompt_err)
}
