//! Regenerates `completions/` and `man/` from the clap definition:
//! `cargo run --example gen-docs`.

fn main() -> std::io::Result<()> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["completions", "man"] {
        let d = root.join(dir);
        if d.exists() {
            std::fs::remove_dir_all(&d)?;
        }
        std::fs::create_dir_all(&d)?;
    }
    for (path, bytes) in bgagent::docs::render_all() {
        std::fs::write(root.join(&path), bytes)?;
        eprintln!("wrote {path}");
    }
    Ok(())
}
