//! The Cognito User Pools authorizer of the local platform API, as API Gateway runs it in front
//! of the Cognito-only routes (`/jira/link`, `/tasks/{id}/approve|deny`, `/pending`,
//! `/repos/{id}/policies`): the raw ID token in `Authorization` (an optional `Bearer ` is
//! stripped), its RS256 signature verified against the user pool's JWKS (moto serves
//! `/<pool-id>/.well-known/jwks.json`), then `iss` (`https://cognito-idp.<region>.amazonaws.com/<pool>`),
//! `aud` (the stack's `AppClientId`), `token_use == "id"` and `exp` checked. Any failure is API
//! Gateway's own `401 {"message":"Unauthorized"}` (not the platform's error envelope).
//!
//! Test side: [`mint_id_token`] signs a token with the same key moto's Cognito uses (read from
//! the moto installation), so tests can present a genuinely expired or foreign token.

use std::sync::Mutex;

use base64::Engine;
use serde_json::Value;

use super::platform_api::{Ctx, Request, Response};

/// The caller as the Lambdas see it (`requestContext.authorizer.claims`).
#[derive(Debug, Clone)]
pub struct Claims {
    pub sub: String,
    pub email: String,
}

/// The pool's JWKS, fetched once per platform.
#[derive(Default)]
pub struct Authorizer {
    jwks: Mutex<Option<Value>>,
}

fn unauthorized() -> Response {
    Response::message(401, "Unauthorized")
}

fn b64(s: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s.trim_end_matches('='))
        .ok()
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Authorizer {
    fn jwks(&self, ctx: &Ctx, pool: &str) -> Option<Value> {
        let mut cached = self.jwks.lock().unwrap_or_else(|p| p.into_inner());
        if cached.is_none() {
            let endpoint = ctx.sdk.endpoint_url()?.trim_end_matches('/').to_string();
            let url = format!("{endpoint}/{pool}/.well-known/jwks.json");
            let got = super::platform_api::block_on(async {
                reqwest::get(&url).await.ok()?.json::<Value>().await.ok()
            })?;
            *cached = Some(got);
        }
        cached.clone()
    }

    /// The verified claims of the request's ID token, or API Gateway's 401.
    pub fn authorize(&self, req: &Request, ctx: &Ctx) -> Result<Claims, Response> {
        let token = req
            .header("authorization")
            .map(|t| t.trim())
            .map(|t| t.strip_prefix("Bearer ").unwrap_or(t))
            .filter(|t| !t.is_empty())
            .ok_or_else(unauthorized)?;
        let pool = ctx.output("UserPoolId").ok_or_else(unauthorized)?;
        let client = ctx.output("AppClientId").ok_or_else(unauthorized)?;
        let mut parts = token.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(unauthorized());
        };
        let header: Value = b64(h)
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or_else(unauthorized)?;
        if header["alg"] != "RS256" {
            return Err(unauthorized());
        }
        let jwks = self.jwks(ctx, pool).ok_or_else(|| {
            Response::message(500, "the authorizer could not read the pool's JWKS")
        })?;
        let key = jwks["keys"]
            .as_array()
            .and_then(|ks| ks.iter().find(|k| k["kid"] == header["kid"]))
            .ok_or_else(unauthorized)?;
        let (Some(n), Some(e), Some(sig)) = (
            key["n"].as_str().and_then(b64),
            key["e"].as_str().and_then(b64),
            b64(s),
        ) else {
            return Err(unauthorized());
        };
        let public = ring::signature::RsaPublicKeyComponents { n, e };
        public
            .verify(
                &ring::signature::RSA_PKCS1_2048_8192_SHA256,
                format!("{h}.{p}").as_bytes(),
                &sig,
            )
            .map_err(|_| unauthorized())?;
        let claims: Value = b64(p)
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or_else(unauthorized)?;
        let region = pool.split_once('_').map(|(r, _)| r).unwrap_or_default();
        let iss = format!("https://cognito-idp.{region}.amazonaws.com/{pool}");
        let ok = claims["iss"] == iss.as_str()
            && claims["aud"] == client
            && claims["token_use"] == "id"
            && claims["exp"].as_i64().is_some_and(|exp| exp > now_secs());
        let sub = claims["sub"].as_str().unwrap_or_default();
        if !ok || sub.is_empty() {
            return Err(unauthorized());
        }
        Ok(Claims {
            sub: sub.to_string(),
            email: claims["email"].as_str().unwrap_or_default().to_string(),
        })
    }
}

/// Signs `claims` as an RS256 ID token with moto's Cognito key (kid `dummy`), using the Python
/// next to `moto_server` (moto's own dependency `joserfc`). For tests that need a token the
/// pool would have issued but with chosen claims, e.g. an `exp` in the past.
pub fn mint_id_token(moto_server: &std::path::Path, claims: &Value) -> String {
    let python = moto_server
        .parent()
        .map(|d| d.join("python3"))
        .filter(|p| p.exists())
        .unwrap_or_else(|| "python3".into());
    let script = r#"
import gzip, json, os, sys
import moto
from joserfc import jwk, jwt
p = os.path.join(os.path.dirname(moto.__file__), "cognitoidp", "resources", "jwks-private.json.gz")
with gzip.open(p) as f:
    key = jwk.RSAKey.import_key(json.loads(f.read()))
sys.stdout.write(jwt.encode({"kid": "dummy", "alg": "RS256"}, json.loads(sys.argv[1]), key))
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script, &claims.to_string()])
        .output()
        .unwrap_or_else(|e| panic!("running {} to mint a token: {e}", python.display()));
    assert!(
        out.status.success(),
        "minting a token with {} failed (moto and joserfc are needed): {}",
        python.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("a JWT is ASCII")
}
