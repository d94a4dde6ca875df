//! `bgagent jira cr …`: the change-request approval gate for CI (`check`), and the approver's
//! signing keys (`keygen`, `sign`). Ed25519 keys in standard PEM that openssl reads.

pub mod check;
pub mod keys;

use crate::cli::{CrCommand, GlobalArgs};
use crate::error::Result;
use crate::terminal::Ui;

pub fn run(cmd: CrCommand, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    match cmd {
        CrCommand::Check(a) => crate::commands::block_on(check::run(*a, g, ui)),
        CrCommand::Keygen(a) => keys::keygen(a, ui),
        CrCommand::Sign(a) => keys::sign(a, ui),
    }
}
