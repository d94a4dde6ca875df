//! The platform identity and REST API: `config.json` / `credentials.json` in the config dir
//! (shared with the TypeScript CLI), Cognito login and refresh, and the REST client with the
//! platform's error envelope.

pub mod api;
pub mod cognito;
pub mod config;
pub mod credentials;
pub mod files;
