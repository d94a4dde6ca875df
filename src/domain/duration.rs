//! Durations on the command line: `90s`, `5m`, `24h`, `7d`, or plain seconds.

use std::time::Duration;

pub const MAX_INVITE_TTL: Duration = Duration::from_secs(7 * 24 * 3600);

pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("expected a duration like 90s, 5m, 24h or 7d, got '{s}'"))?;
    let mult = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("unknown unit '{unit}': use s, m, h or d")),
    };
    let secs = n.checked_mul(mult).ok_or("duration too large")?;
    if secs == 0 {
        return Err("duration must be greater than zero".into());
    }
    Ok(Duration::from_secs(secs))
}

pub fn parse_invite_ttl(s: &str) -> Result<Duration, String> {
    let d = parse_duration(s)?;
    if d > MAX_INVITE_TTL {
        return Err("an invite may live at most 7d".into());
    }
    Ok(d)
}

/// `86400` → `24h`, `90` → `90s`: the shortest exact spelling.
pub fn human(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        s if s % 86_400 == 0 && s >= 86_400 * 2 => format!("{}d", s / 86_400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("24h"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_duration("7d"), Ok(MAX_INVITE_TTL));
        for bad in ["", "m", "5x", "-5m", "0", "1.5h", "99999999999999999999d"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert!(parse_invite_ttl("8d").is_err());
        assert!(parse_invite_ttl("169h").is_err());
        assert!(parse_invite_ttl("168h").is_ok());
        assert_eq!(human(Duration::from_secs(86_400)), "24h");
        assert_eq!(human(MAX_INVITE_TTL), "7d");
        assert_eq!(human(Duration::from_secs(90)), "90s");
    }
}
