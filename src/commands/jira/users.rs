use crate::cli::{GlobalArgs, UsersArgs};
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub async fn run(_a: UsersArgs, _g: &GlobalArgs, _ui: &Ui) -> Result<()> {
    Err(Error::failure("not yet"))
}
