//! Pure logic: formats, validation, code generation, bundle rules. No I/O here.

pub mod bundle;
pub mod cr_gate;
pub mod cr_signature;
pub mod duration;
pub mod forge;
pub mod invite_code;
pub mod jira_checks;
pub mod jwt;
pub mod linear;
pub mod scope;
pub mod text;
pub mod timefmt;
pub mod validate;
