//! Timestamps of the contract: UTC ISO-8601 with milliseconds and `Z`.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;

pub fn iso_ms(t: OffsetDateTime) -> String {
    let fmt =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
    t.to_offset(time::UtcOffset::UTC)
        .format(&fmt)
        .expect("formattable timestamp")
}

pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

pub fn parse(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

pub fn epoch_secs(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

pub fn from_epoch(secs: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(secs).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_millis_and_z() {
        let t = OffsetDateTime::from_unix_timestamp_nanos(1_795_435_200_123_456_789).unwrap();
        assert_eq!(iso_ms(t), "2026-11-23T12:00:00.123Z");
        assert_eq!(
            parse("2026-11-23T12:00:00.123Z").map(iso_ms),
            Some("2026-11-23T12:00:00.123Z".into())
        );
        assert_eq!(
            iso_ms(OffsetDateTime::UNIX_EPOCH),
            "1970-01-01T00:00:00.000Z"
        );
        assert!(parse("yesterday").is_none());
    }
}
