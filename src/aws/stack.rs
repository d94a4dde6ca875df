//! Stack discovery: one CloudFormation `DescribeStacks`, every missing output named at once.
//! The cache in front of it is `super::cache`.

use std::collections::HashMap;

use aws_sdk_cloudformation::error::ProvideErrorMetadata;

use super::{Aws, sdk_error};
use crate::error::{Error, Result};
use crate::terminal::Ui;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Registry,
    Projects,
    Users,
    WebhookSecret,
    Repos,
    ApiUrl,
    LinearRegistry,
    LinearUsers,
    LinearProjects,
    LinearWebhookSecret,
}

impl Output {
    /// An output of the Linear integration (a missing one names the Linear fix).
    pub fn is_linear(self) -> bool {
        matches!(
            self,
            Output::LinearRegistry
                | Output::LinearUsers
                | Output::LinearProjects
                | Output::LinearWebhookSecret
        )
    }

    pub fn key(self) -> &'static str {
        match self {
            Output::Registry => "JiraWorkspaceRegistryTableName",
            Output::Projects => "JiraProjectMappingTableName",
            Output::Users => "JiraUserMappingTableName",
            Output::WebhookSecret => "JiraWebhookSecretArn",
            Output::Repos => "RepoTableName",
            Output::ApiUrl => "ApiUrl",
            Output::LinearRegistry => "LinearWorkspaceRegistryTableName",
            Output::LinearUsers => "LinearUserMappingTableName",
            Output::LinearProjects => "LinearProjectMappingTableName",
            Output::LinearWebhookSecret => "LinearWebhookSecretArn",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Outputs(HashMap<&'static str, String>);

impl Outputs {
    /// The value of an output that `describe` was asked for (so it is present).
    pub fn get(&self, o: Output) -> &str {
        self.0
            .get(o.key())
            .map(String::as_str)
            .expect("output requested from describe()")
    }

    /// The value of an output, if the stack has it (after [`describe_partial`]).
    pub fn try_get(&self, o: Output) -> Option<&str> {
        self.0.get(o.key()).map(String::as_str)
    }
}

/// One live `DescribeStacks` (never the cache: `jira doctor` uses it): the outputs of `needed`
/// that the stack has, and the keys of those it lacks. A missing stack is an error.
pub async fn describe_partial(
    aws: &Aws,
    ui: &Ui,
    needed: &[Output],
) -> Result<(Outputs, Vec<&'static str>)> {
    Ok(split(&describe_all(aws, ui).await?, needed))
}

/// Every non-empty output of the stack, from one live `DescribeStacks`.
pub async fn describe_all(aws: &Aws, ui: &Ui) -> Result<HashMap<String, String>> {
    ui.debug(format!("cloudformation:DescribeStacks {}", aws.stack_name));
    let cfn = aws_sdk_cloudformation::Client::new(&aws.sdk);
    let resp = match cfn
        .describe_stacks()
        .stack_name(&aws.stack_name)
        .send()
        .await
    {
        Ok(r) => r,
        Err(e)
            if e.as_service_error()
                .and_then(|s| s.message())
                .is_some_and(|m| m.contains("does not exist")) =>
        {
            return Err(Error::failure(format!(
                "stack '{}' does not exist in region {}",
                aws.stack_name, aws.region
            ))
            .hint("pass --stack-name <name> (or set BGAGENT_STACK_NAME) and --region for the deployed platform stack"));
        }
        Err(e) => {
            return Err(sdk_error(
                format!("could not describe stack '{}'", aws.stack_name),
                e,
            ));
        }
    };
    let mut all = HashMap::new();
    for o in resp
        .stacks()
        .first()
        .map(|s| s.outputs())
        .unwrap_or_default()
    {
        if let (Some(k), Some(v)) = (o.output_key(), o.output_value())
            && !v.is_empty()
        {
            all.insert(k.to_string(), v.to_string());
        }
    }
    Ok(all)
}

/// The `needed` outputs found in `all`, and the keys of those missing.
fn split(all: &HashMap<String, String>, needed: &[Output]) -> (Outputs, Vec<&'static str>) {
    let mut found = HashMap::new();
    for n in needed {
        if let Some(v) = all.get(n.key()) {
            found.insert(n.key(), v.clone());
        }
    }
    let missing: Vec<&'static str> = needed
        .iter()
        .map(|n| n.key())
        .filter(|k| !found.contains_key(k))
        .collect();
    (Outputs(found), missing)
}

/// The `needed` outputs out of all of them, or an error naming every missing one.
pub fn select(aws: &Aws, all: &HashMap<String, String>, needed: &[Output]) -> Result<Outputs> {
    let (found, missing) = split(all, needed);
    if !missing.is_empty() {
        let hint = if needed
            .iter()
            .any(|n| n.is_linear() && missing.contains(&n.key()))
        {
            "deploy the platform stack with the Linear integration (its 2.0b outputs), or pass the right --stack-name/--region"
        } else {
            "deploy the platform stack with the Jira integration enabled, or pass the right --stack-name"
        };
        return Err(Error::failure(format!(
            "stack '{}' is missing output(s): {}",
            aws.stack_name,
            missing.join(", ")
        ))
        .hint(hint));
    }
    Ok(found)
}

/// Whether every `needed` output is in `all`.
pub fn has_all(all: &HashMap<String, String>, needed: &[Output]) -> bool {
    needed.iter().all(|n| all.contains_key(n.key()))
}
