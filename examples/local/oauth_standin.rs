//! The OAuth 2.0 bookkeeping both strict stand-ins share (`atlassian_standin.rs`,
//! `linear_standin.rs`): authorization codes bound to a client, a redirect URI and a PKCE S256
//! challenge, burnt by the first exchange that names them; access tokens with an expiry and
//! revocation; refresh tokens that rotate on every use with no grace (a rotated token is dead at
//! once). What a stand-in answers — status codes, error bodies, rejection reasons, the order of
//! its checks, body encodings — stays in the stand-in; this module only keeps the books and
//! says why a code or token is not good.
//!
//! A module, not a crate root: whoever includes a stand-in includes this file next to it, as
//! `#[path = ".../examples/local/oauth_standin.rs"] #[allow(dead_code)] mod oauth_standin;`
//! (the stand-ins `use super::oauth_standin`). Included once, it is compiled and tested once.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::Engine as _;
use sha2::Digest as _;

/// How a stand-in's tokens and codes look: their prefixes (for secret-leak scans) and the
/// random part.
#[derive(Clone, Copy)]
pub struct TokenStyle {
    pub access_prefix: &'static str,
    pub refresh_prefix: &'static str,
    pub code_prefix: &'static str,
    /// `prefix` + a random part.
    pub mint: fn(&str) -> String,
}

/// `prefix` + 36 random bytes, base64url (Atlassian's shape).
pub fn token_b64(prefix: &str) -> String {
    let mut bytes = [0u8; 36];
    rand::fill(&mut bytes[..]);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// `prefix` + 32 random bytes, lower-case hex (Linear's shape).
pub fn token_hex(prefix: &str) -> String {
    let mut b = [0u8; 32];
    rand::fill(&mut b[..]);
    format!("{prefix}{}", hex::encode(b))
}

/// A random version-4 UUID, lower-case, hyphenated (a cloudId, an organization id).
pub fn random_uuid() -> String {
    let mut b = [0u8; 16];
    rand::fill(&mut b[..]);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// The S256 challenge of a verifier: base64url(SHA-256(verifier)), unpadded.
pub fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()))
}

/// Whether `challenge` can be an S256 challenge: 43 characters of base64url.
pub fn is_s256_challenge(challenge: &str) -> bool {
    challenge.len() == 43
        && challenge
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether `verifier` has RFC 7636's shape: 43 to 128 unreserved characters.
pub fn is_well_formed_verifier(verifier: &str) -> bool {
    (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// What an authorization code was issued for.
#[derive(Clone, Debug)]
pub struct CodeGrant {
    pub client_id: String,
    pub redirect_uri: String,
    pub challenge: String,
    pub scope: Vec<String>,
    issued: Instant,
    used: bool,
}

impl CodeGrant {
    /// Whether `verifier` hashes (S256) to this grant's challenge.
    pub fn verifies(&self, verifier: &str) -> bool {
        s256(verifier) == self.challenge
    }
}

/// Why a code cannot be exchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeRefusal {
    /// Never issued.
    Unknown,
    /// Named by an earlier exchange (or burnt by a revocation).
    Reused,
    /// Older than the code lifetime (it is burnt all the same).
    Expired,
}

#[derive(Clone, Debug)]
pub struct AccessGrant {
    pub client_id: String,
    pub scope: Vec<String>,
    expires: Instant,
    revoked: bool,
}

/// Why an access token is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessRefusal {
    Unknown,
    Revoked,
    Expired,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefreshStatus {
    Current,
    /// Used once; dead (no reuse leeway).
    Rotated,
    Revoked,
}

#[derive(Clone, Debug)]
pub struct RefreshGrant {
    pub client_id: String,
    pub scope: Vec<String>,
    pub status: RefreshStatus,
}

/// Newly issued tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issued {
    pub access: String,
    pub refresh: Option<String>,
    pub scope: Vec<String>,
}

/// The codes and tokens a stand-in has issued.
pub struct OAuthBook {
    style: TokenStyle,
    /// How long codes stay exchangeable (checked at the exchange).
    pub code_ttl: Duration,
    codes: HashMap<String, CodeGrant>,
    access: HashMap<String, AccessGrant>,
    refresh: HashMap<String, RefreshGrant>,
}

impl OAuthBook {
    pub fn new(style: TokenStyle, code_ttl: Duration) -> OAuthBook {
        OAuthBook {
            style,
            code_ttl,
            codes: HashMap::new(),
            access: HashMap::new(),
            refresh: HashMap::new(),
        }
    }

    /// A new code for this client, redirect URI, challenge and scope.
    pub fn grant_code(
        &mut self,
        client_id: &str,
        redirect_uri: &str,
        challenge: &str,
        scope: Vec<String>,
    ) -> String {
        let code = (self.style.mint)(self.style.code_prefix);
        self.codes.insert(
            code.clone(),
            CodeGrant {
                client_id: client_id.to_string(),
                redirect_uri: redirect_uri.to_string(),
                challenge: challenge.to_string(),
                scope,
                issued: Instant::now(),
                used: false,
            },
        );
        code
    }

    /// The exchange of `code`: the first attempt that names a live code burns it, whatever the
    /// outcome; the caller checks client, redirect URI and verifier against the grant.
    pub fn redeem_code(&mut self, code: &str) -> Result<CodeGrant, CodeRefusal> {
        let ttl = self.code_ttl;
        let grant = self.codes.get_mut(code).ok_or(CodeRefusal::Unknown)?;
        if grant.used {
            return Err(CodeRefusal::Reused);
        }
        grant.used = true;
        if grant.issued.elapsed() >= ttl {
            return Err(CodeRefusal::Expired);
        }
        Ok(grant.clone())
    }

    /// Issues an access token living `ttl`, and a refresh token when `with_refresh`.
    pub fn issue(
        &mut self,
        client_id: &str,
        scope: &[String],
        ttl: Duration,
        with_refresh: bool,
    ) -> Issued {
        let access = (self.style.mint)(self.style.access_prefix);
        self.access.insert(
            access.clone(),
            AccessGrant {
                client_id: client_id.to_string(),
                scope: scope.to_vec(),
                expires: Instant::now() + ttl,
                revoked: false,
            },
        );
        let refresh = with_refresh.then(|| {
            let t = (self.style.mint)(self.style.refresh_prefix);
            self.refresh.insert(
                t.clone(),
                RefreshGrant {
                    client_id: client_id.to_string(),
                    scope: scope.to_vec(),
                    status: RefreshStatus::Current,
                },
            );
            t
        });
        Issued {
            access,
            refresh,
            scope: scope.to_vec(),
        }
    }

    /// The grant of a refresh token, whatever its status.
    pub fn refresh_grant(&self, token: &str) -> Option<&RefreshGrant> {
        self.refresh.get(token)
    }

    pub fn is_current_refresh(&self, token: &str) -> bool {
        self.refresh
            .get(token)
            .is_some_and(|g| g.status == RefreshStatus::Current)
    }

    /// Uses a current refresh token: it is dead at once, and a new pair (same client and
    /// scope, access token living `ttl`) is issued. `None` if `current` is not current.
    pub fn rotate(&mut self, current: &str, ttl: Duration) -> Option<Issued> {
        let grant = self.refresh.get_mut(current)?;
        if grant.status != RefreshStatus::Current {
            return None;
        }
        grant.status = RefreshStatus::Rotated;
        let (client, scope) = (grant.client_id.clone(), grant.scope.clone());
        Some(self.issue(&client, &scope, ttl, true))
    }

    /// The grant of a live access token, or why it is refused.
    pub fn access(&self, token: &str) -> Result<&AccessGrant, AccessRefusal> {
        match self.access.get(token) {
            None => Err(AccessRefusal::Unknown),
            Some(g) if g.revoked => Err(AccessRefusal::Revoked),
            Some(g) if Instant::now() >= g.expires => Err(AccessRefusal::Expired),
            Some(g) => Ok(g),
        }
    }

    /// Every access and refresh token issued so far stops working.
    pub fn revoke_tokens(&mut self) {
        for a in self.access.values_mut() {
            a.revoked = true;
        }
        for r in self.refresh.values_mut() {
            r.status = RefreshStatus::Revoked;
        }
    }

    /// Every code issued so far counts as used.
    pub fn burn_codes(&mut self) {
        for c in self.codes.values_mut() {
            c.used = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLE: TokenStyle = TokenStyle {
        access_prefix: "at_",
        refresh_prefix: "rt_",
        code_prefix: "ac_",
        mint: token_hex,
    };
    const HOUR: Duration = Duration::from_secs(3600);

    fn book() -> OAuthBook {
        OAuthBook::new(STYLE, Duration::from_secs(600))
    }

    fn scope() -> Vec<String> {
        vec!["read".to_string(), "offline_access".to_string()]
    }

    #[test]
    fn s256_matches_rfc_7636_appendix_b() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert_eq!(s256(verifier), challenge);
        assert!(is_s256_challenge(challenge));
        assert!(!is_s256_challenge(&challenge[1..]));
        assert!(!is_s256_challenge(&challenge.replace('-', "+")));
        assert!(is_well_formed_verifier(verifier));
        assert!(!is_well_formed_verifier(&verifier[1..]));
        assert!(!is_well_formed_verifier(&"a".repeat(129)));
        assert!(!is_well_formed_verifier(&format!("{}!", &verifier[1..])));
    }

    #[test]
    fn a_code_is_burnt_by_the_first_exchange_that_names_it() {
        let mut b = book();
        let challenge = s256(&"v".repeat(43));
        let code = b.grant_code("client", "http://localhost:8080/cb", &challenge, scope());
        assert!(code.starts_with("ac_"));
        assert_eq!(b.redeem_code("ac_nope").unwrap_err(), CodeRefusal::Unknown);
        let g = b.redeem_code(&code).unwrap();
        assert_eq!(
            (g.client_id.as_str(), g.redirect_uri.as_str()),
            ("client", "http://localhost:8080/cb")
        );
        assert!(g.verifies(&"v".repeat(43)));
        assert!(!g.verifies(&"w".repeat(43)));
        assert_eq!(b.redeem_code(&code).unwrap_err(), CodeRefusal::Reused);
    }

    #[test]
    fn an_expired_code_is_refused_and_burnt() {
        let mut b = book();
        let code = b.grant_code("client", "r", &s256(&"v".repeat(43)), scope());
        b.code_ttl = Duration::ZERO;
        assert_eq!(b.redeem_code(&code).unwrap_err(), CodeRefusal::Expired);
        b.code_ttl = HOUR;
        assert_eq!(b.redeem_code(&code).unwrap_err(), CodeRefusal::Reused);
        let other = b.grant_code("client", "r", &s256(&"v".repeat(43)), scope());
        b.burn_codes();
        assert_eq!(b.redeem_code(&other).unwrap_err(), CodeRefusal::Reused);
    }

    #[test]
    fn refresh_tokens_rotate_with_no_grace() {
        let mut b = book();
        let first = b.issue("client", &scope(), HOUR, true);
        let r1 = first.refresh.clone().unwrap();
        assert!(r1.starts_with("rt_") && first.access.starts_with("at_"));
        assert!(b.is_current_refresh(&r1));
        let second = b.rotate(&r1, HOUR).unwrap();
        let r2 = second.refresh.clone().unwrap();
        assert_eq!(second.scope, scope());
        assert_ne!(r1, r2);
        assert!(!b.is_current_refresh(&r1));
        assert_eq!(b.refresh_grant(&r1).unwrap().status, RefreshStatus::Rotated);
        assert!(b.rotate(&r1, HOUR).is_none(), "a rotated token is dead");
        assert!(b.is_current_refresh(&r2));
        assert!(b.access(&first.access).is_ok(), "old access tokens live on");
        b.revoke_tokens();
        assert_eq!(b.refresh_grant(&r2).unwrap().status, RefreshStatus::Revoked);
        assert!(b.rotate(&r2, HOUR).is_none());
        assert_eq!(
            b.access(&second.access).unwrap_err(),
            AccessRefusal::Revoked
        );
    }

    #[test]
    fn access_tokens_expire_and_refresh_tokens_are_optional() {
        let mut b = book();
        let i = b.issue("client", &scope(), Duration::ZERO, false);
        assert_eq!(i.refresh, None);
        assert_eq!(b.access(&i.access).unwrap_err(), AccessRefusal::Expired);
        assert_eq!(b.access("at_nope").unwrap_err(), AccessRefusal::Unknown);
        let live = b.issue("client", &scope(), HOUR, false);
        assert_eq!(b.access(&live.access).unwrap().scope, scope());
    }
}
