//! Ctrl-C. One handler for the whole process: it turns terminal echo back on (a masked prompt
//! may have turned it off), says exactly what was written, and exits 130. Before the first write
//! nothing was written; during the writes, the commands record each completed write here, so the
//! message lists what was written and what was not (or not confirmed).

use std::sync::Mutex;

#[derive(Default)]
struct Progress {
    writing: bool,
    written: Vec<String>,
    pending: Vec<String>,
    rerun: String,
}

static PROGRESS: Mutex<Progress> = Mutex::new(Progress {
    writing: false,
    written: Vec::new(),
    pending: Vec::new(),
    rerun: String::new(),
});

/// Installs the handler (once per process).
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if let Ok(tty) = std::fs::File::open("/dev/tty") {
                let _ = std::process::Command::new("stty")
                    .arg("echo")
                    .stdin(tty)
                    .status();
            }
            let msg = PROGRESS
                .lock()
                .map(|p| message(&p))
                .unwrap_or_else(|_| "\ninterrupted".to_string());
            eprintln!("{msg}");
            std::process::exit(crate::error::Exit::Interrupted as i32);
        });
    });
}

fn message(p: &Progress) -> String {
    if !p.writing {
        return "\ninterrupted before any write: nothing was written; re-running the command is safe"
            .to_string();
    }
    let mut s = String::from("\ninterrupted during the writes\n");
    for w in &p.written {
        s.push_str(&format!("  written: {w}\n"));
    }
    for (i, w) in p.pending.iter().enumerate() {
        if i == 0 {
            s.push_str(&format!(
                "  not confirmed: {w} (the write was under way; it may or may not have been applied)\n"
            ));
        } else {
            s.push_str(&format!("  not written: {w}\n"));
        }
    }
    s.push_str(&format!(
        "hint: re-run `{}` to finish (safe to repeat)",
        p.rerun
    ));
    s
}

/// The writes are starting: `planned` in order; `rerun` is the command that finishes them.
pub fn writes_begin(planned: &[String], rerun: &str) {
    if let Ok(mut p) = PROGRESS.lock() {
        p.writing = true;
        p.written.clear();
        p.pending = planned.to_vec();
        p.rerun = rerun.to_string();
    }
}

/// The next planned write completed (described as `what`).
pub fn written(what: impl Into<String>) {
    if let Ok(mut p) = PROGRESS.lock() {
        if !p.pending.is_empty() {
            p.pending.remove(0);
        }
        p.written.push(what.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_was_written() {
        let mut p = Progress::default();
        assert!(message(&p).contains("nothing was written"));
        p.writing = true;
        p.written = vec!["tenant bundle b".into()];
        p.pending = vec!["registry row r".into(), "stack-wide secret".into()];
        p.rerun = "bgagent jira setup".into();
        let m = message(&p);
        assert!(!m.contains("nothing was written"), "{m}");
        assert!(m.contains("written: tenant bundle b"));
        assert!(m.contains("not confirmed: registry row r"));
        assert!(m.contains("not written: stack-wide secret"));
    }
}
