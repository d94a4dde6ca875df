//! The terminal edge: human output on stderr, the JSON document on stdout, prompts.

pub mod interrupt;
pub mod prompt;
pub mod ui;

pub use ui::Ui;
