use crate::cli::{GlobalArgs, LinkArgs};
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub async fn run(_a: LinkArgs, _g: &GlobalArgs, _ui: &Ui) -> Result<()> {
    Err(Error::failure("not yet"))
}
