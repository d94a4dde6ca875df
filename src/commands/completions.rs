use crate::error::Result;

pub fn run(shell: clap_complete::Shell) -> Result<()> {
    let mut cmd = crate::cli::full_command();
    clap_complete::generate(shell, &mut cmd, "bgagent", &mut std::io::stdout());
    Ok(())
}
