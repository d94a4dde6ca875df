use clap::Parser;

fn main() {
    let cli = bgagent::cli::Cli::parse();
    let ui = bgagent::terminal::Ui::new(&cli.global);
    let code = match bgagent::commands::run(cli, &ui) {
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
