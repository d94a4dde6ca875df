//! Approval scopes of the Cedar HITL gates, validated client-side with the server's rules
//! (`approval-scope.ts`): trimmed, non-empty, at most 128 characters; a literal (`this_call`,
//! `tool_type_session`, `tool_group_session`, `all_session`) or a known prefix with a value
//! (`tool_type:<Bash|Read|Write|Edit|Glob|Grep|WebFetch|Task>`, `tool_group:file_write`,
//! `bash_pattern:<glob>`, `write_path:<glob>`, `rule:<id>`).

pub const MAX_LEN: usize = 128;
pub const LITERALS: [&str; 4] = [
    "this_call",
    "tool_type_session",
    "tool_group_session",
    "all_session",
];
pub const TOOL_TYPES: [&str; 8] = [
    "Bash", "Read", "Write", "Edit", "Glob", "Grep", "WebFetch", "Task",
];
pub const TOOL_GROUPS: [&str; 1] = ["file_write"];
pub const FORMS: &str = "this_call, tool_type_session, tool_group_session, all_session (needs --yes), \
tool_type:<Bash|Read|Write|Edit|Glob|Grep|WebFetch|Task>, tool_group:file_write, bash_pattern:<glob>, \
write_path:<glob>, rule:<rule-id>";

/// The trimmed scope, or why it is invalid.
pub fn parse(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("the scope is empty".into());
    }
    let n = t.chars().count();
    if n > MAX_LEN {
        return Err(format!(
            "the scope is {n} characters long; at most {MAX_LEN}"
        ));
    }
    if LITERALS.contains(&t) {
        return Ok(t.to_string());
    }
    let Some((prefix, value)) = t.split_once(':') else {
        return Err(format!("'{t}' is not a scope"));
    };
    if value.trim().is_empty() {
        return Err(format!("'{prefix}:' needs a value"));
    }
    match prefix {
        "tool_type" if TOOL_TYPES.contains(&value) => Ok(t.to_string()),
        "tool_type" => Err(format!(
            "unknown tool type '{value}' (one of {})",
            TOOL_TYPES.join(", ")
        )),
        "tool_group" if TOOL_GROUPS.contains(&value) => Ok(t.to_string()),
        "tool_group" => Err(format!("unknown tool group '{value}' (only file_write)")),
        "bash_pattern" | "write_path" | "rule" => Ok(t.to_string()),
        _ => Err(format!("unknown scope prefix '{prefix}:'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form() {
        for ok in [
            "this_call",
            " all_session ",
            "tool_type_session",
            "tool_group_session",
            "tool_type:Bash",
            "tool_type:WebFetch",
            "tool_group:file_write",
            "bash_pattern:npm test*",
            "write_path:src/**",
            "rule:bash_destructive",
        ] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(parse(" this_call ").unwrap(), "this_call");
        for bad in [
            "",
            "  ",
            "everything",
            "tool_type:bash",
            "tool_type:",
            "tool_group:reads",
            "rule:",
            "session:x",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let long = format!("rule:{}", "x".repeat(124));
        assert!(parse(&long).is_err());
        assert!(parse(&long[..MAX_LEN]).is_ok());
    }
}
