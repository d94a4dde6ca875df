//! `bgagent configure`: writes `config.json` (the TypeScript CLI's keys) from the platform stack's
//! outputs (`ApiUrl`, `UserPoolId`, `AppClientId`, optional `RegistryApiUrl`; the default source),
//! from an admin's `--from-bundle`, or from the flags alone (`--no-stack`, or all of
//! `--api-url`/`--user-pool-id`/`--client-id`). Flags override stack values; keys already in the file
//! that are not given again are kept, unknown keys too. Atomic write, dir 0700.

use base64::Engine;
use serde_json::{Map, Value};

use super::ConfigureArgs;
use crate::aws::{Aws, sdk_error};
use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::platform::config::{self, ALL, pool_region};
use crate::terminal::Ui;

/// Decodes a bundle: standard (or URL-safe) base64 of a JSON object whose four core fields are
/// non-empty strings; other keys are dropped.
pub fn decode_bundle(b64: &str) -> Result<Map<String, Value>> {
    let t = b64.trim();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(t)
        .or_else(|_| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(t.trim_end_matches('='))
        })
        .map_err(|_| {
            Error::usage("invalid bundle: not base64")
                .hint("paste the whole `--from-bundle` value your admin sent (one line, no spaces)")
        })?;
    let v: Value = serde_json::from_slice(&bytes).map_err(|_| {
        Error::usage("invalid bundle: the decoded payload is not JSON")
            .hint("ask your admin for the bundle again")
    })?;
    let Value::Object(m) = v else {
        return Err(
            Error::usage("invalid bundle: the decoded payload is not a JSON object")
                .hint("ask your admin for the bundle again"),
        );
    };
    let s = |k: &str| {
        m.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let missing: Vec<&str> = config::CORE
        .iter()
        .copied()
        .filter(|k| s(k).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Error::usage(format!(
            "invalid bundle: missing or empty fields {}",
            missing.join(", ")
        ))
        .hint("ask your admin for the bundle again"));
    }
    Ok(ALL
        .iter()
        .filter_map(|k| s(k).map(|v| (k.to_string(), Value::String(v.to_string()))))
        .collect())
}

fn check_url(flag: &str, v: &str) -> Result<String> {
    let u = url::Url::parse(v.trim())
        .map_err(|e| Error::usage(format!("{flag} is not a URL: {v}")).cause(e))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(Error::usage(format!("{flag} must be an http(s) URL: {v}")));
    }
    let mut s = u.to_string();
    if !s.ends_with('/') {
        s.push('/');
    }
    Ok(s)
}

fn check_id(flag: &str, v: &str) -> Result<String> {
    let t = v.trim();
    if t.is_empty() || t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::usage(format!(
            "{flag} must be a non-empty id without spaces"
        )));
    }
    Ok(t.to_string())
}

/// One `DescribeStacks`: the configure outputs that exist.
async fn stack_values(g: &GlobalArgs, ui: &Ui) -> Result<(String, Map<String, Value>)> {
    let aws = Aws::connect(g, ui).await?;
    ui.debug(format!("cloudformation:DescribeStacks {}", aws.stack_name));
    let cfn = aws_sdk_cloudformation::Client::new(&aws.sdk);
    let r = cfn
        .describe_stacks()
        .stack_name(&aws.stack_name)
        .send()
        .await
        .map_err(|e| {
            sdk_error(
                format!(
                    "could not describe stack '{}' in {}",
                    aws.stack_name, aws.region
                ),
                e,
            )
            .hint("pass --stack-name <name> and --region, or configure from --from-bundle or the flags (--no-stack)")
        })?;
    let mut m = Map::new();
    for o in r.stacks().first().map(|s| s.outputs()).unwrap_or_default() {
        let key = match o.output_key() {
            Some("ApiUrl") => "api_url",
            Some("RegistryApiUrl") => "registry_api_url",
            Some("UserPoolId") => "user_pool_id",
            Some("AppClientId") => "client_id",
            _ => continue,
        };
        if let Some(v) = o.output_value().filter(|v| !v.is_empty()) {
            m.insert(key.into(), Value::String(v.into()));
        }
    }
    let missing: Vec<&str> = [
        ("api_url", "ApiUrl"),
        ("user_pool_id", "UserPoolId"),
        ("client_id", "AppClientId"),
    ]
    .iter()
    .filter(|(k, _)| !m.contains_key(*k))
    .map(|(_, o)| *o)
    .collect();
    if !missing.is_empty() {
        return Err(Error::failure(format!(
            "stack '{}' is missing configure outputs in {}: {}",
            aws.stack_name,
            aws.region,
            missing.join(", ")
        ))
        .not_written("config.json")
        .hint("deploy the stack, or pass --no-stack --api-url … --user-pool-id … --client-id …"));
    }
    m.insert("region".into(), Value::String(aws.region.clone()));
    Ok((aws.stack_name, m))
}

pub async fn run(a: ConfigureArgs, g: &GlobalArgs, ui: &Ui) -> Result<()> {
    let existing = config::load()?;
    let mut provided = Map::new();
    let source;
    if let Some(b) = &a.from_bundle {
        provided = decode_bundle(b)?;
        source = "bundle".to_string();
    } else {
        let mut flags = Map::new();
        let mut put = |k: &str, v: String| {
            flags.insert(k.to_string(), Value::String(v));
        };
        if let Some(v) = &a.api_url {
            put("api_url", check_url("--api-url", v)?);
        }
        if let Some(v) = &a.registry_api_url {
            put("registry_api_url", check_url("--registry-api-url", v)?);
        }
        if let Some(v) = &a.user_pool_id {
            put("user_pool_id", check_id("--user-pool-id", v)?);
        }
        if let Some(v) = &a.client_id {
            put("client_id", check_id("--client-id", v)?);
        }
        if let Some(r) = g.region.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            put("region", r.to_string());
        }
        let all_flags = ["api_url", "user_pool_id", "client_id"]
            .iter()
            .all(|k| flags.contains_key(*k));
        if a.no_stack || all_flags {
            source = "flags".to_string();
        } else {
            let (stack, values) = stack_values(g, ui).await?;
            ui.ok(format!("Read the outputs of stack {stack}"));
            provided = values;
            source = format!("stack {stack}");
        }
        provided.extend(flags);
    }
    let mut merged = existing.clone().unwrap_or_default();
    for (k, v) in &provided {
        merged.0.insert(k.clone(), v.clone());
    }
    if merged.get("region").is_none()
        && let Some(r) = merged
            .get("user_pool_id")
            .and_then(pool_region)
            .or_else(|| std::env::var("AWS_REGION").ok().filter(|r| !r.is_empty()))
    {
        merged.set("region", &r);
    }
    let missing = merged.missing_core();
    if !missing.is_empty() {
        return Err(Error::usage(format!(
            "missing required configuration: {}",
            missing.join(", ")
        ))
        .not_written("config.json")
        .hint("give all four on the first `bgagent configure`, or read them from the stack (`bgagent configure --stack-name <stack> --region <region>`) or an admin's `--from-bundle`"));
    }
    let path = config::path()?;
    let changed = existing.as_ref() != Some(&merged);
    if changed {
        merged.save()?;
        ui.ok(format!("Configuration saved to {}", path.display()));
    } else {
        ui.say("No configuration changes; config.json already holds these values.");
    }
    if let (Some(r), Some(cr)) = (merged.get("region"), merged.cognito_region())
        && r != cr
    {
        ui.warn(format!(
            "the user pool is in {cr}, the platform in {r}; Cognito calls go to {cr}"
        ));
    }
    let shown = |k: &str| merged.get(k).map(str::to_string);
    for k in ALL {
        if let Some(v) = shown(k) {
            ui.result(format!("{k:<18} {v}"));
        }
    }
    ui.emit_json(&serde_json::json!({
        "config_path": path.display().to_string(),
        "changed": changed,
        "source": source,
        "api_url": shown("api_url"),
        "registry_api_url": shown("registry_api_url"),
        "region": shown("region"),
        "user_pool_id": shown("user_pool_id"),
        "client_id": shown("client_id"),
    }));
    if crate::platform::credentials::load()
        .ok()
        .flatten()
        .is_none()
    {
        ui.say("Next: `bgagent login`");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    #[test]
    fn bundles() {
        let ok = decode_bundle(&b64(
            r#"{"api_url":"https://a/v1/","region":"us-east-1","user_pool_id":"us-east-1_X","client_id":"c","extra":1}"#,
        ))
        .unwrap();
        assert_eq!(ok.len(), 4);
        assert!(!ok.contains_key("extra"));
        let e = decode_bundle(&b64(r#"{"api_url":"https://a/v1/","region":""}"#)).unwrap_err();
        assert!(
            e.message.contains("region, user_pool_id, client_id"),
            "{}",
            e.message
        );
        assert!(
            decode_bundle("!!!")
                .unwrap_err()
                .message
                .contains("not base64")
        );
        assert!(
            decode_bundle(&b64("nope"))
                .unwrap_err()
                .message
                .contains("not JSON")
        );
        assert!(
            decode_bundle(&b64("[1]"))
                .unwrap_err()
                .message
                .contains("not a JSON object")
        );
    }
}
