//! Integration tests: the real `bgagent` binary against a real AWS-API server (moto, with the
//! platform stack deployed through CloudFormation) and the strict Atlassian stand-in.

#[path = "../../examples/local/atlassian_standin.rs"]
#[allow(dead_code)]
mod atlassian_standin;
#[path = "../../examples/local/moto.rs"]
#[allow(dead_code)]
mod moto;

mod proxy;
mod support;

mod faults;
mod foundation;
mod invite_link;
mod setup;

// Sequential round trips and the stack-output cache; one HTTP/TLS stack (`cargo tree`).
mod deps;
mod round_trips;

// Formerly separate test binaries, folded in so that the suite links one test binary
// (the stand-ins and the bgagent library are linked once instead of five times).
mod docs_drift;
mod moto_selftest;
mod properties;
mod standin_selftest;
