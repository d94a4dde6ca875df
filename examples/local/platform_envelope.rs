//! The platform Lambdas' response envelope (`cdk/src/handlers/shared/response.ts`): success
//! `{"data": …}`, error `{"error": {"code", "message", "request_id"}}`, both with
//! `X-Request-Id` (a ULID-shaped id) and `Access-Control-Allow-Origin: *`.

use serde_json::{Value, json};

use super::platform_api::Response;

fn request_id() -> String {
    const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    (0..26)
        .map(|_| CROCKFORD[rand::random_range(0..CROCKFORD.len())] as char)
        .collect()
}

fn with_headers(status: u16, body: &Value, rid: &str) -> Response {
    let mut r = Response::json(status, body);
    r.headers.push(("X-Request-Id".into(), rid.to_string()));
    r.headers
        .push(("Access-Control-Allow-Origin".into(), "*".into()));
    r
}

pub fn data(status: u16, data: Value) -> Response {
    with_headers(status, &json!({ "data": data }), &request_id())
}

pub fn error(status: u16, code: &str, message: &str) -> Response {
    let rid = request_id();
    with_headers(
        status,
        &json!({ "error": { "code": code, "message": message, "request_id": rid } }),
        &rid,
    )
}

/// Now as the Lambdas write it: ISO-8601 UTC with milliseconds and `Z`.
pub fn now_iso() -> String {
    iso(time::OffsetDateTime::now_utc())
}

pub fn iso(t: time::OffsetDateTime) -> String {
    let f = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    t.format(&f).expect("formattable")
}
