//! Pure parsing of the registered redirect URL and of what comes back on it.

use subtle::ConstantTimeEq;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// Exactly as registered (sent byte for byte as `redirect_uri`).
    pub raw: String,
    /// Loopback addresses to listen on.
    pub hosts: Vec<std::net::IpAddr>,
    pub host_label: String,
    pub port: u16,
    pub path: String,
}

/// Accepts `http://localhost|127.0.0.1|[::1][:port]/path` (no query or fragment).
pub fn parse_redirect(raw: &str) -> Result<Redirect, String> {
    let u = url::Url::parse(raw).map_err(|e| format!("not a URL ({e})"))?;
    if u.scheme() != "http" {
        return Err(
            "the callback must be a plain http:// loopback URL (bgagent listens on this machine)"
                .into(),
        );
    }
    if u.query().is_some()
        || u.fragment().is_some()
        || !u.username().is_empty()
        || u.password().is_some()
    {
        return Err("the callback URL must not carry a query, fragment or credentials".into());
    }
    let v4 = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
    let v6 = std::net::IpAddr::V6(std::net::Ipv6Addr::LOCALHOST);
    let (hosts, label) = match u.host() {
        Some(url::Host::Domain("localhost")) => (vec![v4, v6], "localhost".to_string()),
        Some(url::Host::Ipv4(ip)) if ip.is_loopback() => {
            (vec![std::net::IpAddr::V4(ip)], ip.to_string())
        }
        Some(url::Host::Ipv6(ip)) if ip.is_loopback() => (vec![v6], format!("[{ip}]")),
        _ => return Err("the callback host must be localhost, 127.0.0.1 or [::1]".into()),
    };
    let port = u.port_or_known_default().unwrap_or(80);
    Ok(Redirect {
        raw: raw.to_string(),
        hosts,
        host_label: label,
        port,
        path: u.path().to_string(),
    })
}

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Code(String),
    /// The provider reported an error (e.g. consent denied) for this flow.
    Denied {
        error: String,
        description: String,
    },
    /// A state that is not ours: a stale tab or a forged request. Ignored.
    StateMismatch,
    /// Neither a code nor an error.
    Incomplete,
}

/// Classifies a callback query string against the expected state (constant-time compare).
pub fn classify(query: &str, expected_state: &str) -> Outcome {
    let mut code = None;
    let mut state = None;
    let mut error = None;
    let mut description = String::new();
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        match k.as_ref() {
            "code" if code.is_none() => code = Some(v.into_owned()),
            "state" if state.is_none() => state = Some(v.into_owned()),
            "error" if error.is_none() => error = Some(v.into_owned()),
            "error_description" => description = v.chars().take(300).collect(),
            _ => {}
        }
    }
    let Some(state) = state else {
        return Outcome::Incomplete;
    };
    let same = state.len() == expected_state.len()
        && bool::from(state.as_bytes().ct_eq(expected_state.as_bytes()));
    if !same {
        return Outcome::StateMismatch;
    }
    if let Some(error) = error {
        return Outcome::Denied {
            error: error.chars().take(100).collect(),
            description,
        };
    }
    match code {
        Some(c) if !c.is_empty() => Outcome::Code(c),
        _ => Outcome::Incomplete,
    }
}

/// A URL pasted back by the operator: it must be the registered callback (same host, port and
/// path); returns its query string.
pub fn pasted_query(redirect: &Redirect, pasted: &str) -> Result<String, String> {
    let p = url::Url::parse(pasted.trim()).map_err(|_| {
        "that is not a URL; paste the whole address from the browser's address bar".to_string()
    })?;
    let r = url::Url::parse(&redirect.raw).map_err(|e| e.to_string())?;
    if p.host_str() != r.host_str()
        || p.port_or_known_default() != r.port_or_known_default()
        || p.path() != r.path()
    {
        return Err(format!(
            "that URL is not the callback {}; paste the address the browser was sent to after you clicked Accept",
            redirect.raw
        ));
    }
    Ok(p.query().unwrap_or_default().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects() {
        let r = parse_redirect("http://localhost:8080/oauth/callback").unwrap();
        assert_eq!(r.hosts.len(), 2);
        assert_eq!((r.port, r.path.as_str()), (8080, "/oauth/callback"));
        assert_eq!(parse_redirect("http://127.0.0.1/cb").unwrap().port, 80);
        assert_eq!(parse_redirect("http://[::1]:9/cb").unwrap().hosts.len(), 1);
        for bad in [
            "https://localhost:8080/cb",
            "http://example.com:8080/cb",
            "http://localhost:8080/cb?x=1",
            "nope",
            "http://10.0.0.1/cb",
        ] {
            assert!(parse_redirect(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn classifies() {
        assert_eq!(
            classify("code=abc&state=s1", "s1"),
            Outcome::Code("abc".into())
        );
        assert_eq!(classify("code=abc&state=s2", "s1"), Outcome::StateMismatch);
        assert_eq!(classify("code=abc&state=s", "s1"), Outcome::StateMismatch);
        assert_eq!(classify("code=abc", "s1"), Outcome::Incomplete);
        assert_eq!(classify("state=s1", "s1"), Outcome::Incomplete);
        assert_eq!(classify("", "s1"), Outcome::Incomplete);
        assert_eq!(
            classify(
                "error=access_denied&error_description=User%20did%20not%20authorize&state=s1",
                "s1"
            ),
            Outcome::Denied {
                error: "access_denied".into(),
                description: "User did not authorize".into()
            }
        );
        assert_eq!(
            classify("error=access_denied&state=zz", "s1"),
            Outcome::StateMismatch
        );
        assert_eq!(
            classify("code=a&code=b&state=s1&state=s2", "s1"),
            Outcome::Code("a".into())
        );
        assert_eq!(
            classify("code=%FF%FE&state=s1", "s1"),
            Outcome::Code("\u{fffd}\u{fffd}".into())
        );
    }

    #[test]
    fn pasted() {
        let r = parse_redirect("http://localhost:8080/oauth/callback").unwrap();
        assert_eq!(
            pasted_query(
                &r,
                " http://localhost:8080/oauth/callback?code=c&state=s \n"
            ),
            Ok("code=c&state=s".into())
        );
        assert!(pasted_query(&r, "http://localhost:8081/oauth/callback?code=c").is_err());
        assert!(pasted_query(&r, "http://localhost:8080/other?code=c").is_err());
        assert!(pasted_query(&r, "code=c&state=s").is_err());
    }
}
