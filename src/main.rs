use clap::Parser;

fn main() {
    let cli = match bgagent::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => bgagent::error::exit_on_clap_error(e, std::env::args_os()),
    };
    // Still single-threaded here: the environment is resolved and its secrets taken out of it.
    let env = bgagent::env::init();
    let ui = bgagent::terminal::Ui::new(&cli.global);
    let code = match env.and_then(|()| bgagent::commands::run(cli, &ui)) {
        Ok(()) => 0,
        Err(e) if e.reported => e.exit as i32,
        Err(e) => {
            ui.error(&e.render());
            if ui.json {
                ui.emit_json(&e.to_json());
            }
            e.exit as i32
        }
    };
    std::process::exit(code);
}
