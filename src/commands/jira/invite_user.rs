use crate::cli::{GlobalArgs, InviteUserArgs};
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub async fn run(_a: InviteUserArgs, _g: &GlobalArgs, _ui: &Ui) -> Result<()> {
    Err(Error::failure("not yet"))
}
