//! Property tests: every validator and parser takes any input without panicking, and the round
//! trips hold.

use bgagent::browser::redirect::{Outcome, classify, parse_redirect, pasted_query};
use bgagent::domain::bundle::Bundle;
use bgagent::domain::{duration, invite_code, jwt, validate};
use proptest::prelude::*;

fn project_key_regex(s: &str) -> bool {
    let b = s.as_bytes();
    (2..=100).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn validators_never_panic(s in any::<String>()) {
        let _ = validate::cloud_id(&s);
        let _ = validate::project_key(&s);
        let _ = validate::repo(&s);
        let _ = validate::non_blank(&s);
        let _ = invite_code::parse(&s);
        let _ = duration::parse_duration(&s);
        let _ = duration::parse_invite_ttl(&s);
        let _ = jwt::sub_claim(&s);
        let _ = Bundle::parse(&s);
        let _ = parse_redirect(&s);
    }

    #[test]
    fn project_keys_match_the_contract_regex(s in "[A-Za-z0-9_-]{0,102}") {
        prop_assert_eq!(validate::project_key(&s).is_ok(), project_key_regex(&s));
    }

    #[test]
    fn repos_match_the_contract_regex(owner in "[A-Za-z0-9._-]{0,5}", name in "[A-Za-z0-9._/-]{0,5}") {
        let s = format!("{owner}/{name}");
        let ok = !owner.is_empty() && !name.is_empty() && !name.contains('/');
        prop_assert_eq!(validate::repo(&s).is_ok(), ok);
    }

    #[test]
    fn every_uuid_is_a_cloud_id(bytes in any::<[u8; 16]>()) {
        let u = uuid::Uuid::from_bytes(bytes).hyphenated().to_string();
        prop_assert_eq!(validate::cloud_id(&u), Ok(u.clone()));
        prop_assert!(validate::cloud_id(&u.to_uppercase()).is_err() || u == u.to_uppercase());
    }

    #[test]
    fn generated_codes_parse(seed in any::<u64>()) {
        use rand::SeedableRng;
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let c = invite_code::generate(&mut rng);
        prop_assert_eq!(invite_code::parse(&format!("  {c}\n")), Ok(c));
    }

    #[test]
    fn codes_with_any_foreign_character_are_refused(prefix in "[a-z2-9]{0,7}", bad in "[^abcdefghjkmnpqrstuvwxyz23456789]", suffix in "[a-z2-9]{0,7}") {
        let c = format!("link-{prefix}{bad}{suffix}");
        prop_assume!(c.trim() == c);
        prop_assert!(invite_code::parse(&c).is_err());
    }

    #[test]
    fn durations_round_trip(n in 1u64..100_000, unit in prop::sample::select(vec!["s", "m", "h", "d"])) {
        let d = duration::parse_duration(&format!("{n}{unit}")).unwrap();
        prop_assert_eq!(duration::parse_duration(&duration::human(d)), Ok(d));
    }

    #[test]
    fn callback_queries_never_panic_and_need_our_state(q in any::<String>(), state in "[A-Za-z0-9_-]{43}") {
        match classify(&q, &state) {
            Outcome::Code(_) | Outcome::Denied { .. } => prop_assert!(q.contains(&state)),
            Outcome::StateMismatch | Outcome::Incomplete => {}
        }
    }

    #[test]
    fn callback_code_round_trips(code in any::<String>(), state in "[A-Za-z0-9_-]{43}") {
        prop_assume!(!code.is_empty());
        let q = url::form_urlencoded::Serializer::new(String::new()).append_pair("code", &code).append_pair("state", &state).finish();
        prop_assert_eq!(classify(&q, &state), Outcome::Code(code));
        let last = if state.ends_with('x') { 'y' } else { 'x' };
        let other = format!("{}{last}", &state[..42]);
        prop_assert_eq!(classify(&q, &other), Outcome::StateMismatch);
    }

    #[test]
    fn pasted_urls_never_panic(s in any::<String>()) {
        let r = parse_redirect("http://localhost:8080/oauth/callback").unwrap();
        let _ = pasted_query(&r, &s);
    }

    #[test]
    fn bundles_round_trip(fields in prop::collection::btree_map("[a-z_]{1,12}", any::<String>(), 0..20)) {
        let mut b = Bundle(Default::default());
        for (k, v) in &fields {
            b.set(k, v.as_str());
        }
        let again = Bundle::parse_lenient(&b.to_json()).unwrap();
        prop_assert_eq!(&again, &b);
        prop_assert!(!b.to_json().contains('\n'));
    }
}
