//! Reads the `sub` claim from the payload of a cached Cognito `id_token` (no signature check:
//! the token identifies the operator for audit fields; authorization is AWS IAM's job).

use base64::Engine;

pub fn sub_claim(id_token: &str) -> Result<String, String> {
    let v = payload(id_token)?;
    match v.get("sub").and_then(|s| s.as_str()) {
        Some(s) if !s.trim().is_empty() => Ok(s.to_string()),
        _ => Err("id_token has no `sub` claim".into()),
    }
}

/// The decoded payload (claims) of a JWT, unverified.
pub fn payload(id_token: &str) -> Result<serde_json::Value, String> {
    let mut parts = id_token.trim().split('.');
    let (Some(_), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("id_token is not a JWT (expected three dot-separated parts)".into());
    };
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| "id_token payload is not base64url".to_string())?;
    serde_json::from_slice(&bytes).map_err(|_| "id_token payload is not JSON".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(payload: &str) -> String {
        let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.sig",
            e.encode("{\"alg\":\"RS256\"}"),
            e.encode(payload)
        )
    }

    #[test]
    fn reads_sub() {
        assert_eq!(
            sub_claim(&token(r#"{"sub":"abc-123","email":"a@b"}"#)),
            Ok("abc-123".into())
        );
        assert!(sub_claim(&token(r#"{"email":"a@b"}"#)).is_err());
        assert!(sub_claim(&token(r#"{"sub":""}"#)).is_err());
        assert!(sub_claim("a.b").is_err());
        assert!(sub_claim("a.!!!.c").is_err());
        assert!(sub_claim("").is_err());
    }
}
