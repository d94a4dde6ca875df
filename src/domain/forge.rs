//! The Forge app identity (`jira app-setup`): the platform's proxy-URL rule, the shared-secret
//! rule, the request signature, and the checks on the proxy's identity answer. Pure functions,
//! shared by `app-setup` and `doctor`.
//!
//! The URL rule is the one the platform's Lambdas and agent apply to a stored
//! `app_actor_proxy_url` (`https`, host `*.webtrigger.atlassian.app`, no userinfo, no query or
//! fragment, path under `/public/`). It is slightly stricter on two edges the platform lets
//! through (an explicit port, a bare trailing `?` or `#`), which real Forge v2 URLs never have: a
//! URL accepted here is always accepted by the platform, never the reverse.

use serde_json::Value;

/// `jira_app_actor.forge_webtrigger_suffix` of the platform's constants.
pub const WEBTRIGGER_SUFFIX: &str = ".webtrigger.atlassian.app";
/// `jira_app_actor.min_secret_length` of the platform's constants.
pub const MIN_SECRET_LEN: usize = 32;
/// The shape every error message shows.
pub const URL_SHAPE: &str = "https://<installation>.webtrigger.atlassian.app/public/<id>";

/// Which part of the proxy-URL rule a value breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlRule {
    NotAUrl,
    NotHttps,
    Host,
    Userinfo,
    Port,
    QueryOrFragment,
    Path,
}

impl std::fmt::Display for UrlRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            UrlRule::NotAUrl => "not a URL (an absolute https:// URL is expected)",
            UrlRule::NotHttps => "not https",
            UrlRule::Host => "the host is not *.webtrigger.atlassian.app (<installation>.webtrigger.atlassian.app)",
            UrlRule::Userinfo => "has userinfo (a user name or password)",
            UrlRule::Port => "names a port",
            UrlRule::QueryOrFragment => "has a query (?…) or a fragment (#…)",
            UrlRule::Path => "the path does not start with /public/ (a Forge v2 web-trigger URL)",
        })
    }
}

/// The platform's own rule (Lambda, agent), as they apply it to a stored URL: also accepts an
/// explicit port and a bare trailing `?` or `#` (WHATWG `search`/`hash` are then empty). Use it
/// to judge a stored value; use [`validate_proxy_url`] before writing one.
pub fn platform_rule(input: &str) -> Result<url::Url, UrlRule> {
    let u = url::Url::parse(input.trim()).map_err(|_| UrlRule::NotAUrl)?;
    if u.scheme() != "https" {
        return Err(UrlRule::NotHttps);
    }
    match u.host() {
        Some(url::Host::Domain(d))
            if d.len() > WEBTRIGGER_SUFFIX.len()
                && d.ends_with(WEBTRIGGER_SUFFIX)
                && !d[..d.len() - WEBTRIGGER_SUFFIX.len()].ends_with('.') => {}
        _ => return Err(UrlRule::Host),
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(UrlRule::Userinfo);
    }
    if u.query().is_some_and(|q| !q.is_empty()) || u.fragment().is_some_and(|f| !f.is_empty()) {
        return Err(UrlRule::QueryOrFragment);
    }
    if !u.path().starts_with("/public/") {
        return Err(UrlRule::Path);
    }
    Ok(u)
}

/// Checks a Forge v2 web-trigger URL before it is stored: the platform's rule, and no explicit
/// port and no `?` or `#` at all. Returns the normalised (WHATWG-serialised) URL to store.
pub fn validate_proxy_url(input: &str) -> Result<String, UrlRule> {
    let u = platform_rule(input)?;
    if u.port().is_some() {
        return Err(UrlRule::Port);
    }
    if u.query().is_some() || u.fragment().is_some() {
        return Err(UrlRule::QueryOrFragment);
    }
    Ok(u.to_string())
}

/// The shared secret, trimmed; at least [`MIN_SECRET_LEN`] characters. Characters are counted as
/// code points, so a value accepted here is also long enough for the platform's JavaScript
/// (UTF-16 units) and Python (code points) checks. Returns the length on failure.
pub fn check_shared_secret(s: &str) -> Result<String, usize> {
    let t = s.trim();
    let n = t.chars().count();
    if n < MIN_SECRET_LEN {
        Err(n)
    } else {
        Ok(t.to_string())
    }
}

/// `sha256=` + lower-case hex HMAC-SHA256(key = secret, message = `<timestamp>.<body>`).
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let ts = timestamp.to_string();
    format!(
        "sha256={}",
        super::hmac_sha256_hex(secret, &[ts.as_bytes(), b".", body])
    )
}

/// The identity probe's body, compact and in the proxy's key order.
pub fn probe_body(cloud_id: &str) -> String {
    format!(
        r#"{{"version":1,"operation":"identity","cloud_id":{}}}"#,
        Value::String(cloud_id.to_string())
    )
}

/// The Jira app account the proxy writes as.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Identity {
    pub account_id: String,
    pub account_type: String,
    pub display_name: String,
    pub site_url: String,
}

/// Why a proxy's identity answer is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentityError {
    /// Not an app account (or fields missing): writes could be attributed to a person.
    NotApp { account_type: Option<String> },
    /// `which` is not an https URL without userinfo.
    BadSite { which: &'static str, value: String },
    /// The proxy's app is installed on another site than the tenant's.
    SiteMismatch { actual: String, expected: String },
}

impl std::fmt::Display for IdentityError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdentityError::NotApp { account_type } => write!(
                f,
                "the Forge proxy did not answer for a Jira app account (account_type: {}); refusing a credential that could attribute writes to a person",
                account_type.as_deref().unwrap_or("<missing>")
            ),
            IdentityError::BadSite { which, value } => {
                write!(f, "{which} is not a valid https Jira site URL: {value:?}")
            }
            IdentityError::SiteMismatch { actual, expected } => write!(
                f,
                "the Forge app is installed on {actual}, not on this tenant's site {expected}"
            ),
        }
    }
}

fn https_origin(which: &'static str, s: &str) -> Result<String, IdentityError> {
    let bad = || IdentityError::BadSite {
        which,
        value: s.to_string(),
    };
    let u = url::Url::parse(s).map_err(|_| bad())?;
    if u.scheme() != "https" || !u.username().is_empty() || u.password().is_some() {
        return Err(bad());
    }
    Ok(u.origin().ascii_serialization())
}

/// Checks the proxy's answer: an app account with non-empty id, name and site, on the tenant's
/// site (same origin: scheme, host and port).
pub fn check_identity(answer: &Value, tenant_site_url: &str) -> Result<Identity, IdentityError> {
    let s = |k: &str| {
        answer
            .get(k)
            .and_then(Value::as_str)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_string)
    };
    let account_type = answer
        .get("account_type")
        .and_then(Value::as_str)
        .map(str::to_string);
    let (Some(account_id), Some(display_name), Some(site_url)) =
        (s("account_id"), s("display_name"), s("site_url"))
    else {
        return Err(IdentityError::NotApp { account_type });
    };
    if account_type.as_deref() != Some("app") {
        return Err(IdentityError::NotApp { account_type });
    }
    let actual = https_origin("the site the Forge proxy answered for", &site_url)?;
    let expected = https_origin("the tenant's stored site_url", tenant_site_url)?;
    if actual != expected {
        return Err(IdentityError::SiteMismatch { actual, expected });
    }
    Ok(Identity {
        account_id,
        account_type: "app".into(),
        display_name,
        site_url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn signature_matches_the_platform_test_vector() {
        assert_eq!(
            signature("secret", 123, br#"{"a":1}"#),
            "sha256=979e3c2c30ebc0b46dd7165b75ee282921dd508ff4a0b4a4e072ba27b16970ae"
        );
    }

    #[test]
    fn probe_body_is_compact_in_order() {
        assert_eq!(
            probe_body("abc"),
            r#"{"version":1,"operation":"identity","cloud_id":"abc"}"#
        );
    }

    #[test]
    fn accepts_and_normalises_v2_urls() {
        assert_eq!(
            validate_proxy_url("https://ABC-123.WebTrigger.Atlassian.app/public/xyz"),
            Ok("https://abc-123.webtrigger.atlassian.app/public/xyz".into())
        );
        assert_eq!(
            validate_proxy_url("  https://a.b.webtrigger.atlassian.app:443/public/a/./b  "),
            Ok("https://a.b.webtrigger.atlassian.app/public/a/b".into())
        );
    }

    #[test]
    fn each_rule_is_enforced() {
        use UrlRule::*;
        for (u, rule) in [
            ("", NotAUrl),
            ("webtrigger.atlassian.app/public/x", NotAUrl),
            ("http://a.webtrigger.atlassian.app/public/x", NotHttps),
            ("ftp://a.webtrigger.atlassian.app/public/x", NotHttps),
            ("https://webtrigger.atlassian.app/public/x", Host),
            ("https://.webtrigger.atlassian.app/public/x", Host),
            ("https://a.webtrigger.atlassian.app.evil.com/public/x", Host),
            ("https://awebtrigger.atlassian.app/public/x", Host),
            ("https://127.0.0.1/public/x", Host),
            ("https://u@a.webtrigger.atlassian.app/public/x", Userinfo),
            ("https://u:p@a.webtrigger.atlassian.app/public/x", Userinfo),
            ("https://:p@a.webtrigger.atlassian.app/public/x", Userinfo),
            ("https://a.webtrigger.atlassian.app:8443/public/x", Port),
            (
                "https://a.webtrigger.atlassian.app/public/x?a=1",
                QueryOrFragment,
            ),
            (
                "https://a.webtrigger.atlassian.app/public/x?",
                QueryOrFragment,
            ),
            (
                "https://a.webtrigger.atlassian.app/public/x#f",
                QueryOrFragment,
            ),
            (
                "https://a.webtrigger.atlassian.app/public/x#",
                QueryOrFragment,
            ),
            ("https://a.webtrigger.atlassian.app/x/public/y", Path),
            ("https://a.webtrigger.atlassian.app/publicx", Path),
            ("https://a.webtrigger.atlassian.app/public", Path),
            ("https://a.webtrigger.atlassian.app/", Path),
        ] {
            assert_eq!(validate_proxy_url(u), Err(rule.clone()), "{u}");
            if !matches!(rule, Port) && !u.ends_with(['?', '#']) {
                assert_eq!(platform_rule(u).err(), Some(rule), "{u}");
            }
        }
        // The platform itself lets these through; bgagent does not store them.
        for u in [
            "https://a.webtrigger.atlassian.app:8443/public/x",
            "https://a.webtrigger.atlassian.app/public/x?",
            "https://a.webtrigger.atlassian.app/public/x#",
        ] {
            assert!(platform_rule(u).is_ok(), "{u}");
        }
    }

    #[test]
    fn secret_length_in_code_points_after_trim() {
        let s32 = "a".repeat(32);
        assert_eq!(check_shared_secret(&format!("  {s32}\n")), Ok(s32.clone()));
        assert_eq!(check_shared_secret(&"a".repeat(31)), Err(31));
        assert_eq!(
            check_shared_secret(&format!(" {} ", "a".repeat(31))),
            Err(31)
        );
        assert_eq!(check_shared_secret(&"é".repeat(31)), Err(31));
        assert!(check_shared_secret(&"é".repeat(32)).is_ok());
    }

    fn app(site: &str) -> Value {
        json!({"account_id":"557058:app","account_type":"app","display_name":"bgagent","site_url":site})
    }

    #[test]
    fn identity_must_be_an_app_on_the_tenant_site() {
        let ok = check_identity(
            &app("https://acme.atlassian.net"),
            "https://acme.atlassian.net/",
        )
        .unwrap();
        assert_eq!(ok.display_name, "bgagent");
        let mut human = app("https://acme.atlassian.net");
        human["account_type"] = json!("atlassian");
        assert_eq!(
            check_identity(&human, "https://acme.atlassian.net"),
            Err(IdentityError::NotApp {
                account_type: Some("atlassian".into())
            })
        );
        let mut no_name = app("https://acme.atlassian.net");
        no_name["display_name"] = json!(" ");
        assert!(matches!(
            check_identity(&no_name, "https://acme.atlassian.net"),
            Err(IdentityError::NotApp { .. })
        ));
        assert_eq!(
            check_identity(
                &app("https://other.atlassian.net"),
                "https://acme.atlassian.net"
            ),
            Err(IdentityError::SiteMismatch {
                actual: "https://other.atlassian.net".into(),
                expected: "https://acme.atlassian.net".into()
            })
        );
        assert!(matches!(
            check_identity(
                &app("http://acme.atlassian.net"),
                "https://acme.atlassian.net"
            ),
            Err(IdentityError::BadSite { .. })
        ));
        assert!(matches!(
            check_identity(
                &app("https://acme.atlassian.net:8443"),
                "https://acme.atlassian.net"
            ),
            Err(IdentityError::SiteMismatch { .. })
        ));
        assert!(matches!(
            check_identity(&json!([1]), "https://acme.atlassian.net"),
            Err(IdentityError::NotApp { account_type: None })
        ));
    }
}
