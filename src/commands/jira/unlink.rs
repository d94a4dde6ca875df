use crate::cli::{GlobalArgs, UnlinkArgs};
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub async fn run(_a: UnlinkArgs, _g: &GlobalArgs, _ui: &Ui) -> Result<()> {
    Err(Error::failure("not yet"))
}
