//! Opening the authorize URL: `$BROWSER` first, else the platform opener (`open` crate); on a
//! machine without a display (SSH, headless Linux) nothing is opened and the caller pastes back.

pub enum Launch {
    Opened(String),
    NotOpened(String),
}

/// Why no browser should be tried here, if there is a reason.
fn headless_reason() -> Option<&'static str> {
    let env = crate::env::get();
    if env.ssh {
        return Some("this is an SSH session");
    }
    if cfg!(all(unix, not(target_os = "macos"))) && !env.display {
        return Some("no graphical display (DISPLAY/WAYLAND_DISPLAY unset)");
    }
    None
}

pub fn open(url: &str) -> Launch {
    if let Some(list) = crate::env::get().browser.clone() {
        for candidate in list.split(':').map(str::trim).filter(|c| !c.is_empty()) {
            let mut words: Vec<String> = candidate.split_whitespace().map(str::to_string).collect();
            if words.iter().any(|w| w.contains("%s")) {
                for w in &mut words {
                    *w = w.replace("%s", url);
                }
            } else {
                words.push(url.to_string());
            }
            let spawned = std::process::Command::new(&words[0])
                .args(&words[1..])
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
            if spawned.is_ok() {
                return Launch::Opened(format!("$BROWSER ({})", words[0]));
            }
        }
        return Launch::NotOpened("$BROWSER could not be started".into());
    }
    if let Some(why) = headless_reason() {
        return Launch::NotOpened(why.into());
    }
    match open::that_detached(url) {
        Ok(()) => Launch::Opened("the default browser".into()),
        Err(e) => Launch::NotOpened(format!("no browser could be opened ({e})")),
    }
}
