//! Pure logic: formats, validation, code generation, bundle rules. No I/O here.

pub mod bundle;
pub mod duration;
pub mod invite_code;
pub mod jwt;
pub mod text;
pub mod timefmt;
pub mod validate;
