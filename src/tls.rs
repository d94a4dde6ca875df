//! The process's TLS set-up: rustls with the *ring* crypto provider, for reqwest and the AWS SDK
//! (one stack, one provider; Cargo.toml says why not aws-lc-rs).

use std::sync::Once;

use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};
use aws_types::sdk_config::SharedHttpClient;

/// Installs *ring* as the process-wide rustls provider, which reqwest's clients use. Idempotent
/// and cheap; every function that builds a reqwest client calls it first.
pub fn init() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Err only when a provider is already installed (then that one is used).
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// The HTTPS client for the AWS SDK: hyper 1 + rustls with *ring* (the SDK's own default would
/// bring aws-lc-rs). Timeouts come from the SDK's timeout config.
pub fn aws_http_client() -> SharedHttpClient {
    aws_smithy_http_client::Builder::new()
        .tls_provider(Provider::Rustls(CryptoMode::Ring))
        .build_https()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reqwest_clients_build_with_the_ring_provider() {
        super::init();
        super::init();
        assert!(rustls::crypto::CryptoProvider::get_default().is_some());
        reqwest::Client::builder().build().unwrap();
    }
}
