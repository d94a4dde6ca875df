//! Integration tests: the real `bgagent` binary against a real AWS-API server (moto, with the
//! platform stack deployed through CloudFormation) and the strict Atlassian stand-in.

#[path = "../../examples/local/atlassian_standin.rs"]
#[allow(dead_code)]
mod atlassian_standin;
#[path = "../../examples/local/linear_standin.rs"]
#[allow(dead_code)]
mod linear_standin;
#[path = "../../examples/local/moto.rs"]
#[allow(dead_code)]
mod moto;
#[path = "../../examples/local/oauth_standin.rs"]
#[allow(dead_code)]
mod oauth_standin;

mod proxy;
mod support;

mod approvals;
mod auth;
mod doctor;
mod faults;
mod foundation;
mod hygiene;
mod invite_link;
mod linear;
// Faults on every AWS call of every `linear` command; rotation races; paginated registry reads.
mod linear_faults;
mod link_api;
mod output;
mod progress;
mod setup;

// Forge app identity (`jira app-setup`) and its proxy stand-in.
mod app_setup;
// The change-request gate (`jira cr`).
mod cr;
#[path = "../../examples/local/forge_standin.rs"]
#[allow(dead_code)]
mod forge_standin;
// Sequential round trips and the stack-output cache; one HTTP/TLS stack (`cargo tree`).
mod deps;
mod round_trips;
// The same for `bgagent linear` (the shared cache and the shared redeem transaction).
mod linear_round_trips;

// Formerly separate test binaries, folded in so that the suite links one test binary
// (the stand-ins and the bgagent library are linked once instead of five times).
mod docs_drift;
mod linear_standin_selftest;
mod moto_selftest;
mod platform_api_selftest;
mod properties;
mod standin_selftest;
