//! One HTTP/TLS stack: the AWS SDK and reqwest must share hyper, h2, http, rustls, hyper-rustls and
//! tokio-rustls, and only one crypto provider may be linked: *ring* (aws-lc-rs's C build was the
//! longest step of a clean build). Checked with `cargo tree` on the
//! locked dependency graph (offline), so a feature flag that brings back the SDK's legacy client
//! fails here.

use std::process::Command;

fn cargo_tree(args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(&cargo)
        .args(["tree", "--locked", "--offline", "-e", "normal"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("could not run `{cargo} tree`: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "`cargo tree {}` failed:\n{}{}",
        args.join(" "),
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Crate names of a `cargo tree --prefix none` listing.
fn names(listing: &str) -> Vec<String> {
    listing
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn one_http_tls_stack_and_one_crypto_provider() {
    let dups = names(&cargo_tree(&["-d", "--depth", "0", "--prefix", "none"]));
    for stack in [
        "hyper",
        "h2",
        "http",
        "http-body",
        "rustls",
        "rustls-webpki",
        "hyper-rustls",
        "tokio-rustls",
    ] {
        assert!(
            !dups.iter().any(|d| d == stack),
            "two versions of {stack} in the build (`cargo tree -d -e normal -i {stack}` shows who \
             pulls the second; the AWS SDK crates need default-features = false and the client \
             of src/tls.rs): {dups:?}"
        );
    }
    let all = names(&cargo_tree(&["--prefix", "none"]));
    assert!(
        all.iter().any(|n| n == "ring"),
        "ring is not linked: {all:?}"
    );
    for other in ["aws-lc-rs", "aws-lc-sys"] {
        assert!(
            !all.iter().any(|n| n == other),
            "{other} is linked (`cargo tree -e normal -i {other}` shows who pulls it: a crate's \
             default features, e.g. the SDK's `default-https-client` or reqwest's `rustls`)"
        );
    }
}

#[test]
fn aws_sdk_and_reqwest_share_the_tls_client() {
    for shared in ["hyper-rustls", "hyper", "rustls"] {
        let users = names(&cargo_tree(&[
            "-i", shared, "--depth", "1", "--prefix", "none",
        ]));
        for user in ["aws-smithy-http-client", "reqwest"] {
            assert!(
                users.iter().any(|u| u == user),
                "{user} does not use the one {shared}: {users:?}"
            );
        }
    }
}
