//! Completions and man pages generated from the clap definition. `cargo run --example gen-docs`
//! writes them into `completions/` and `man/`; a test fails when the committed files drift.

use clap_complete::Shell;

/// Every generated file: (path relative to the repository, contents).
pub fn render_all() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut cmd = crate::cli::full_command();
    cmd.build();
    for (shell, name) in [
        (Shell::Bash, "bgagent.bash"),
        (Shell::Zsh, "_bgagent"),
        (Shell::Fish, "bgagent.fish"),
        (Shell::PowerShell, "_bgagent.ps1"),
        (Shell::Elvish, "bgagent.elv"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "bgagent", &mut buf);
        files.push((format!("completions/{name}"), buf));
    }
    man_pages(&cmd, "bgagent", &mut files);
    files
}

fn man_pages(cmd: &clap::Command, name: &str, files: &mut Vec<(String, Vec<u8>)>) {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone().name(name.to_string()))
        .render(&mut buf)
        .expect("man page renders to memory");
    files.push((format!("man/{name}.1"), buf));
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files);
    }
}
