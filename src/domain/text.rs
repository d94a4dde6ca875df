//! Text from elsewhere (Jira display names and emails, site names, an OAuth provider's error
//! description, rows written by other tools) is made safe for a terminal before it is shown:
//! control characters (escape sequences, carriage returns, bells …) and bidirectional overrides
//! are dropped.

/// `s` without control characters or bidirectional formatting characters.
pub fn printable(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// [`printable`] for an optional value.
pub fn printable_opt(s: Option<String>) -> Option<String> {
    s.map(|v| printable(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escapes_and_overrides() {
        assert_eq!(
            printable("Sam\u{1b}[31m Lee\r\n\u{7}\u{202E}gnp.exe"),
            "Sam[31m Leegnp.exe"
        );
        assert_eq!(printable("Zoë Ångström"), "Zoë Ångström");
    }
}
