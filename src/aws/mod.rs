//! The AWS edge: one `SdkConfig` from the standard chain (credentials, profile, region,
//! `AWS_ENDPOINT_URL`), clients built on demand, and the stack outputs from one `DescribeStacks`.

pub mod cache;
pub mod ctx;
pub mod ddb;
pub mod linear_rows;
pub mod redeem;
pub mod rows;
pub mod secrets;
pub mod stack;

use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::timeout::TimeoutConfig;
use aws_types::region::Region;

use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};

use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::terminal::Ui;

pub use ctx::Ctx;
pub use stack::{Output, Outputs};

pub struct Aws {
    pub sdk: aws_types::SdkConfig,
    pub region: String,
    pub stack_name: String,
    /// Where the stack outputs are cached (None: `--no-cache` / `BGAGENT_NO_CACHE`).
    cache_key: Option<cache::Key>,
}

/// Per-attempt timeout for HTTP calls (AWS and Atlassian): `BGAGENT_HTTP_TIMEOUT` seconds, default 20.
pub fn attempt_timeout() -> Duration {
    crate::env::get().http_timeout
}

async fn resolve_region(g: &GlobalArgs) -> Result<String> {
    if let Some(r) = g.region.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        return Ok(r.to_string());
    }
    // The SDK's default region chain (environment, profile, EC2 instance metadata), built here
    // because its last link needs our HTTP client and the ready-made chain cannot be given one.
    use aws_config::meta::region::RegionProviderChain;
    let pc = aws_config::provider_config::ProviderConfig::default()
        .with_http_client(crate::tls::aws_http_client());
    let mut profile =
        aws_config::profile::region::ProfileFileRegionProvider::builder().configure(&pc);
    if let Some(p) = &g.profile {
        profile = profile.profile_name(p);
    }
    let chain = RegionProviderChain::first_try(
        aws_config::environment::region::EnvironmentVariableRegionProvider::new(),
    )
    .or_else(profile.build())
    .or_else(
        aws_config::imds::region::ImdsRegionProvider::builder()
            .configure(&pc)
            .build(),
    );
    if let Some(r) = chain.region().await {
        return Ok(r.to_string());
    }
    if let Some(r) = crate::config::region()? {
        return Ok(r);
    }
    Err(Error::usage("no AWS region: none given and none found in the AWS configuration or bgagent's config.json")
        .hint("pass --region <region> (e.g. --region us-east-1), or set AWS_REGION, or `region` in your AWS profile"))
}

impl Aws {
    pub async fn connect(g: &GlobalArgs, ui: &Ui) -> Result<Aws> {
        let region = resolve_region(g).await?;
        let t = attempt_timeout();
        let timeouts = TimeoutConfig::builder()
            .connect_timeout(Duration::from_secs(5).min(t))
            .operation_attempt_timeout(t)
            .operation_timeout(t * 3)
            .build();
        // The SDK's standard retries (three attempts), with `BGAGENT_RETRY_BACKOFF` as the
        // initial back-off (the SDK's default is one second).
        let retries = aws_config::retry::RetryConfig::standard()
            .with_initial_backoff(crate::env::get().retry_backoff);
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .http_client(crate::tls::aws_http_client())
            .region(Region::new(region.clone()))
            .timeout_config(timeouts)
            .retry_config(retries);
        if let Some(p) = &g.profile {
            loader = loader.profile_name(p);
        }
        let sdk = loader.load().await;
        ui.debug(format!(
            "AWS region {region}{}, stack {}",
            sdk.endpoint_url()
                .map(|e| format!(", endpoint {e}"))
                .unwrap_or_default(),
            g.stack_name
        ));
        let cache_key = (!g.no_cache).then(|| {
            let env = |k: &str| {
                std::env::var(k)
                    .ok()
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
            };
            cache::Key {
                endpoint: sdk.endpoint_url().unwrap_or_default().to_string(),
                profile: g
                    .profile
                    .clone()
                    .filter(|p| !p.is_empty())
                    .or_else(|| env("AWS_PROFILE"))
                    .or_else(|| env("AWS_DEFAULT_PROFILE"))
                    .unwrap_or_else(|| "default".into()),
                // Credentials from the environment name their account through the key id (never
                // the secret key); another key may be another account with another stack.
                access_key_id: env("AWS_ACCESS_KEY_ID")
                    .map(|id| cache::key_id_digest(&id))
                    .unwrap_or_default(),
                region: region.clone(),
                stack: g.stack_name.clone(),
            }
        });
        Ok(Aws {
            sdk,
            region,
            stack_name: g.stack_name.clone(),
            cache_key,
        })
    }

    pub fn ddb(&self) -> aws_sdk_dynamodb::Client {
        aws_sdk_dynamodb::Client::new(&self.sdk)
    }

    pub fn secrets(&self) -> aws_sdk_secretsmanager::Client {
        aws_sdk_secretsmanager::Client::new(&self.sdk)
    }

    /// The stack outputs a command needs, from the stack-output cache when it holds all of
    /// them and is younger than its time limit, else from a live `DescribeStacks` (which then
    /// refreshes the cache). A command using this must touch the tables and secrets it got
    /// before writing anything, so that a stale name fails early with
    /// `ResourceNotFoundException` and the command can be re-run live (see `aws::cache`).
    pub async fn outputs(&self, ui: &Ui, needed: &[Output]) -> Result<Outputs> {
        let now = crate::domain::timefmt::epoch_secs(crate::domain::timefmt::now());
        if let Some(key) = &self.cache_key
            && let Some(all) = cache::get(key, now)
            && stack::has_all(&all, needed)
        {
            ui.debug(format!(
                "stack outputs of {} from the cache ({})",
                self.stack_name,
                cache::FILE
            ));
            return stack::select(self, &all, needed);
        }
        self.outputs_live(ui, needed).await
    }

    /// The stack outputs read live from CloudFormation, never from the cache (the result
    /// still refreshes the cache unless `--no-cache`). Use this wherever the answer must
    /// describe the stack as deployed right now: `jira doctor` (diagnosis must never report a
    /// cached view), `setup` and `update-webhook-secret` (they check the stack before the
    /// browser step or before a two-secret write that cannot simply be re-run).
    pub async fn outputs_live(&self, ui: &Ui, needed: &[Output]) -> Result<Outputs> {
        let all = stack::describe_all(self, ui).await?;
        if let Some(key) = &self.cache_key {
            let now = crate::domain::timefmt::epoch_secs(crate::domain::timefmt::now());
            if let Err(e) = cache::put(key, now, &all) {
                ui.debug(format!("could not write the stack-output cache: {e}"));
            }
        }
        stack::select(self, &all, needed)
    }
}

/// What kind of AWS failure an SDK error is, from its variant and error code (never from its
/// message text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwsFailure {
    /// No usable credentials (resolution failed, or AWS refused them as unknown or expired).
    Credentials,
    /// The identity lacks a permission.
    Denied,
    /// Timeouts, connection and I/O failures.
    Network,
    /// Throttling that outlasted the SDK's retries.
    Throttled,
    /// An internal error of the service that outlasted the SDK's retries.
    Server,
    Other,
}

/// Classifies by error code (service errors) and by `SdkError` variant (everything else).
pub fn classify<E, R>(e: &SdkError<E, R>) -> AwsFailure
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    match e {
        SdkError::TimeoutError(_) => AwsFailure::Network,
        SdkError::DispatchFailure(d) => {
            if d.is_timeout() || d.is_io() {
                AwsFailure::Network
            } else if source_chain_has::<aws_credential_types::provider::error::CredentialsError>(e)
            {
                AwsFailure::Credentials
            } else {
                AwsFailure::Network
            }
        }
        SdkError::ConstructionFailure(_) => {
            if source_chain_has::<aws_credential_types::provider::error::CredentialsError>(e) {
                AwsFailure::Credentials
            } else {
                AwsFailure::Other
            }
        }
        _ => code_failure(e.code()),
    }
}

/// Classifies an AWS error code (pure).
pub fn code_failure(code: Option<&str>) -> AwsFailure {
    match code {
        Some(
            "UnrecognizedClientException"
            | "InvalidClientTokenId"
            | "InvalidSignatureException"
            | "SignatureDoesNotMatch"
            | "ExpiredToken"
            | "ExpiredTokenException"
            | "MissingAuthenticationToken"
            | "MissingAuthenticationTokenException"
            | "IncompleteSignature",
        ) => AwsFailure::Credentials,
        Some(
            "AccessDenied"
            | "AccessDeniedException"
            | "UnauthorizedOperation"
            | "AuthorizationError",
        ) => AwsFailure::Denied,
        Some(
            "Throttling"
            | "ThrottlingException"
            | "ProvisionedThroughputExceededException"
            | "RequestLimitExceeded"
            | "TooManyRequestsException",
        ) => AwsFailure::Throttled,
        Some(
            "InternalFailure"
            | "InternalServerError"
            | "InternalServiceError"
            | "InternalServiceErrorException"
            | "ServiceUnavailable"
            | "ServiceUnavailableException",
        ) => AwsFailure::Server,
        _ => AwsFailure::Other,
    }
}

fn source_chain_has<T: std::error::Error + 'static>(e: &dyn std::error::Error) -> bool {
    let mut cur = e.source();
    while let Some(c) = cur {
        if c.is::<T>() {
            return true;
        }
        cur = c.source();
    }
    false
}

/// Turns an SDK error into an actionable error: the full error chain as the cause (and as the
/// `source`), and a hint chosen by [`classify`].
pub fn sdk_error<E, R>(what: impl Into<String>, e: SdkError<E, R>) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    let text = aws_smithy_types::error::display::DisplayErrorContext(&e).to_string();
    let kind = classify(&e);
    let mut err = Error::failure(what).cause(&text);
    err.origin = Some(Box::new(e));
    match kind {
        AwsFailure::Credentials => err.hint("configure AWS credentials (AWS_PROFILE or --profile, `aws configure`, SSO login) and retry"),
        AwsFailure::Denied => err.hint("your AWS identity lacks a permission for this call; see README \"IAM\""),
        AwsFailure::Network => err.hint("check network access to AWS (or AWS_ENDPOINT_URL) and retry"),
        AwsFailure::Throttled => err.hint("AWS is throttling these calls: retry in a few seconds"),
        AwsFailure::Server => err.hint("AWS reported an internal error: retry in a few seconds"),
        AwsFailure::Other => err,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_classified() {
        assert_eq!(
            code_failure(Some("AccessDeniedException")),
            AwsFailure::Denied
        );
        assert_eq!(
            code_failure(Some("UnrecognizedClientException")),
            AwsFailure::Credentials
        );
        assert_eq!(
            code_failure(Some("ProvisionedThroughputExceededException")),
            AwsFailure::Throttled
        );
        // The message text plays no part: a "timeout" in a validation message is not a network error.
        assert_eq!(code_failure(Some("InternalFailure")), AwsFailure::Server);
        assert_eq!(code_failure(Some("ValidationException")), AwsFailure::Other);
        assert_eq!(code_failure(None), AwsFailure::Other);
    }

    #[test]
    fn variants_are_classified() {
        use aws_sdk_dynamodb::error::ConnectorError;
        use aws_sdk_dynamodb::operation::get_item::GetItemError;
        let io: SdkError<GetItemError, ()> = SdkError::dispatch_failure(ConnectorError::io(
            std::io::Error::other("connection refused").into(),
        ));
        assert_eq!(classify(&io), AwsFailure::Network);
        let creds: SdkError<GetItemError, ()> = SdkError::dispatch_failure(ConnectorError::other(
            aws_credential_types::provider::error::CredentialsError::not_loaded("no provider")
                .into(),
            None,
        ));
        assert_eq!(classify(&creds), AwsFailure::Credentials);
        let e = sdk_error("could not read", creds);
        assert!(e.hints[0].contains("credentials"));
        assert!(std::error::Error::source(&e).is_some());
    }
}
