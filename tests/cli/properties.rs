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

// The platform login and approvals: scope, bundle and pool-id parsers.
proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn platform_parsers_never_panic(s in any::<String>()) {
        let _ = bgagent::domain::scope::parse(&s);
        let _ = bgagent::commands::auth::configure::decode_bundle(&s);
        let _ = bgagent::platform::config::pool_region(&s);
        let _ = jwt::payload(&s);
    }

    #[test]
    fn accepted_scopes_are_trimmed_and_short(s in any::<String>()) {
        if let Ok(v) = bgagent::domain::scope::parse(&s) {
            prop_assert_eq!(v.as_str(), s.trim());
            prop_assert!(v.chars().count() <= bgagent::domain::scope::MAX_LEN);
        }
    }

    #[test]
    fn prefixed_scopes_with_free_values_are_accepted(
        prefix in prop::sample::select(vec!["bash_pattern", "write_path", "rule"]),
        value in "[!-~]{1,100}",
    ) {
        let s = format!("{prefix}:{value}");
        prop_assert!(bgagent::domain::scope::parse(&s).is_ok(), "{}", s);
    }
}

// Linear: the slug and project-id validators against the contract's regexes.
proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn linear_validators_never_panic(s in any::<String>()) {
        use bgagent::domain::linear;
        let _ = linear::slug(&s);
        let _ = linear::project_id(&s);
        let _ = linear::webhook_secret(&s);
        let _ = linear::team_keys(std::slice::from_ref(&s));
    }

    #[test]
    fn linear_slugs_match_the_contract_regex(s in "[A-Za-z0-9_. é/-]{0,55}") {
        // ^[a-zA-Z0-9_-]{4,50}$
        let expect = (4..=50).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        prop_assert_eq!(bgagent::domain::linear::slug(&s).is_ok(), expect);
        if expect {
            prop_assert_eq!(bgagent::domain::linear::slug(&s).unwrap(), s);
        }
    }

    #[test]
    fn linear_project_ids_are_full_uuids_any_case(bytes in any::<[u8; 16]>(), upper in any::<bool>()) {
        let h = hex::encode(bytes);
        let id = format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..]);
        let given = if upper { id.to_uppercase() } else { id.clone() };
        prop_assert_eq!(bgagent::domain::linear::project_id(&given), Ok(id.clone()));
        // A shortened id (as in project URLs) is refused.
        prop_assert!(bgagent::domain::linear::project_id(&id[..id.len() - 1]).is_err());
        prop_assert!(bgagent::domain::linear::project_id(&h).is_err());
    }

    #[test]
    fn linear_project_ids_match_the_contract_regex(s in "[0-9a-fA-FgG-]{30,40}") {
        // ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$, case-insensitive
        let g: Vec<&str> = s.split('-').collect();
        let expect = g.len() == 5
            && g.iter().zip([8, 4, 4, 4, 12]).all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()));
        prop_assert_eq!(bgagent::domain::linear::project_id(&s).is_ok(), expect);
    }
}

// Linear: whitespace around ids, the secret name the slug makes, webhook secrets and team keys.
proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn linear_project_ids_are_trimmed(bytes in any::<[u8; 16]>(), pre in "[ \t\n]{0,3}", post in "[ \t\n]{0,3}") {
        let id = uuid::Uuid::from_bytes(bytes).hyphenated().to_string();
        prop_assert_eq!(bgagent::domain::linear::project_id(&format!("{pre}{}{post}", id.to_uppercase())), Ok(id));
    }

    #[test]
    fn valid_slugs_make_secret_names_under_the_iam_prefix(s in "[A-Za-z0-9_-]{4,50}") {
        use bgagent::domain::linear;
        let slug = linear::slug(&s).unwrap();
        let name = linear::secret_name(&slug);
        // Secrets Manager allows 512 characters; the Lambdas' grants are on bgagent-linear-oauth-*.
        prop_assert!(name.starts_with("bgagent-linear-oauth-") && name.len() <= 512);
        prop_assert_eq!(&name["bgagent-linear-oauth-".len()..], s.as_str());
    }

    #[test]
    fn slug_errors_quote_the_input_on_one_line(s in any::<String>()) {
        if let Err(e) = bgagent::domain::linear::slug(&s) {
            prop_assert!(!e.contains('\n') && !e.contains('\r'));
        }
    }

    #[test]
    fn webhook_secrets_are_lin_wh_without_whitespace(rest in "[!-~]{1,60}", pad in "[ \t]{0,2}") {
        use bgagent::domain::linear::{is_configured_webhook_secret, webhook_secret};
        let v = format!("lin_wh_{rest}");
        prop_assert_eq!(webhook_secret(&format!("{pad}{v}{pad}")), Ok(v.clone()));
        let spaced = format!("lin_wh_{rest} x");
        prop_assert!(webhook_secret(&spaced).is_err());
        prop_assert!(!is_configured_webhook_secret(&rest) || rest.starts_with("lin_wh_"));
        prop_assert!(webhook_secret("lin_wh_").is_err());
    }

    #[test]
    fn team_keys_are_upper_unique_sorted_and_stable(raw in prop::collection::vec("[ a-zA-Z0-9_]{0,6}", 0..12)) {
        use bgagent::domain::linear::team_keys;
        let k = team_keys(&raw);
        prop_assert!(k.windows(2).all(|p| p[0] < p[1]), "sorted, no duplicates: {:?}", k);
        prop_assert!(k.iter().all(|x| !x.is_empty() && x.trim() == x && *x == x.to_ascii_uppercase()));
        prop_assert_eq!(team_keys(&k), k.clone());
        for r in &raw {
            let t = r.trim().to_ascii_uppercase();
            prop_assert!(t.is_empty() || k.contains(&t), "{} lost", r);
        }
    }
}

// The change-request signature document (`jira cr`) and the Forge proxy-URL rule (`app-setup`).
mod cr_and_forge {
    use bgagent::domain::cr_signature::{self, ParseError, SignatureDoc};
    use bgagent::domain::{cr_gate, forge};
    use ed25519_dalek::SigningKey;
    use proptest::prelude::*;
    use serde_json::{Value, json};

    fn line() -> impl Strategy<Value = String> {
        "[^\r\n]{0,40}".prop_filter("not blank", |s| !s.trim().is_empty())
    }

    fn doc(seed: [u8; 32], issue: &str, status: &str, approver: &str, secs: i64) -> SignatureDoc {
        let t = time::OffsetDateTime::from_unix_timestamp(secs).unwrap();
        let at = bgagent::domain::timefmt::iso_ms(t);
        cr_signature::sign(&SigningKey::from_bytes(&seed), issue, status, approver, &at)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn the_parsers_never_panic(s in any::<String>()) {
            let _ = cr_signature::parse(&s);
            let _ = cr_gate::issue_key(&s);
            let _ = cr_gate::field_id(&s);
            let _ = forge::validate_proxy_url(&s);
            let _ = forge::platform_rule(&s);
            let _ = forge::check_shared_secret(&s);
            if let Ok(v) = serde_json::from_str::<Value>(&s) {
                let _ = cr_signature::field_text(&v);
                let _ = cr_signature::role_candidates(&v);
                let _ = forge::check_identity(&v, "https://acme.atlassian.net");
            }
        }

        #[test]
        fn json_shaped_garbage_is_refused_not_accepted(
            fields in prop::collection::btree_map("[a-z_]{1,18}", any::<String>(), 0..10),
            version in any::<i64>(),
        ) {
            let mut m = serde_json::Map::new();
            m.insert("version".into(), json!(version));
            for (k, v) in fields {
                m.insert(k, json!(v));
            }
            // Random strings never make a valid signature document (the signature check is not
            // even reached: some field is missing or malformed).
            prop_assert!(cr_signature::parse(&Value::Object(m).to_string()).is_err());
        }

        #[test]
        fn signed_documents_round_trip_and_verify(
            seed in any::<[u8; 32]>(), issue in line(), status in line(), approver in line(),
            secs in 0i64..4_000_000_000,
        ) {
            let d = doc(seed, &issue, &status, &approver, secs);
            let parsed = cr_signature::parse(&d.to_json()).unwrap();
            prop_assert_eq!(&parsed, &d);
            prop_assert!(parsed.verifies_with(&SigningKey::from_bytes(&seed).verifying_key()));
            // Pretty-printed (as pasted by hand) it parses to the same document.
            let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&d.to_json()).unwrap()).unwrap();
            prop_assert_eq!(cr_signature::parse(&pretty).unwrap(), d);
        }

        #[test]
        fn the_signature_binds_every_field(
            seed in any::<[u8; 32]>(), issue in line(), status in line(), other in line(),
            which in 0usize..4,
        ) {
            let d = doc(seed, &issue, &status, "Change Manager", 1_795_435_200);
            let mut m = d.clone();
            match which {
                0 => m.issue_key = other.clone(),
                1 => m.status = other.clone(),
                2 => m.approver = other.clone(),
                _ => m.signed_at = "2030-01-01T00:00:00.000Z".into(),
            }
            prop_assume!(m != d);
            prop_assert!(!m.verifies_with(&SigningKey::from_bytes(&seed).verifying_key()));
        }

        #[test]
        fn a_missing_or_multi_line_field_is_named(
            seed in any::<[u8; 32]>(), drop in 1usize..8, bad in "[^\r\n]{0,5}[\r\n][^\r\n]{0,5}",
        ) {
            let d = doc(seed, "CR-1", "Approved", "CM", 1_795_435_200);
            let key = cr_signature::KEYS[drop];
            let mut v: Value = serde_json::from_str(&d.to_json()).unwrap();
            v.as_object_mut().unwrap().remove(key);
            prop_assert_eq!(cr_signature::parse(&v.to_string()), Err(ParseError::Field(key)));
            v[key] = json!(bad);
            prop_assert_eq!(cr_signature::parse(&v.to_string()), Err(ParseError::Field(key)));
        }

        #[test]
        fn adf_text_nodes_join_back_to_the_text(s in "[^\r\n]{0,200}", cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..5)) {
            let chars: Vec<char> = s.chars().collect();
            let mut idx: Vec<usize> = cuts.iter().map(|i| i.index(chars.len() + 1)).collect();
            idx.sort();
            idx.dedup();
            let mut nodes = Vec::new();
            let mut prev = 0;
            for i in idx.into_iter().chain([chars.len()]) {
                nodes.push(json!({"type": "text", "text": chars[prev..i].iter().collect::<String>()}));
                prev = i;
            }
            let adf = json!({"type":"doc","version":1,"content":[{"type":"paragraph","content":nodes}]});
            prop_assert_eq!(cr_signature::field_text(&adf), Some(s));
        }

        #[test]
        fn accepted_proxy_urls_are_normalised_and_accepted_by_the_platform(
            label in "[a-zA-Z0-9-]{1,20}", path in "[a-zA-Z0-9/._~%-]{0,30}",
        ) {
            let u = format!("https://{label}.webtrigger.atlassian.app/public/{path}");
            if let Ok(n) = forge::validate_proxy_url(&u) {
                prop_assert!(forge::platform_rule(&n).is_ok());
                prop_assert_eq!(forge::validate_proxy_url(&n), Ok(n.clone()));
                prop_assert!(n.starts_with("https://") && n.contains(".webtrigger.atlassian.app/public/"));
            }
        }
    }
}
