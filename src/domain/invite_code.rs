//! One-time invite codes: `link-` + 8 characters drawn uniformly from a CSPRNG over a
//! 31-character alphabet without look-alikes (no 0/o, 1/l/i).

use rand::distr::{Distribution, Uniform};

pub const PREFIX: &str = "link-";
pub const ALPHABET: &[u8; 31] = b"abcdefghjkmnpqrstuvwxyz23456789";
pub const LEN: usize = 8;

/// Draws a code from `rng`. `Uniform` samples by rejection, so every character is equally
/// likely (no modulo bias); callers pass a cryptographically secure generator.
pub fn generate<R: rand::CryptoRng + ?Sized>(rng: &mut R) -> String {
    let pick = Uniform::new(0, ALPHABET.len()).expect("non-empty alphabet");
    let mut code = String::with_capacity(PREFIX.len() + LEN);
    code.push_str(PREFIX);
    for _ in 0..LEN {
        code.push(ALPHABET[pick.sample(rng)] as char);
    }
    code
}

/// A fresh code from the thread-local CSPRNG (ChaCha, seeded and reseeded from the OS).
pub fn new_code() -> String {
    generate(&mut rand::rng())
}

/// Checks a code's format (surrounding whitespace from copy-paste is dropped; case is kept).
pub fn parse(s: &str) -> Result<String, String> {
    let t = s.trim();
    let valid = t
        .strip_prefix(PREFIX)
        .is_some_and(|rest| rest.len() == LEN && rest.bytes().all(|b| ALPHABET.contains(&b)));
    if valid {
        Ok(t.to_string())
    } else {
        Err(
            "expected a code like link-k7m2qz9a: 'link-' and 8 characters from a-z and 2-9 \
             (no i, l, o, 0 or 1); copy it exactly from the invite"
                .into(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn format_and_parse_round_trip() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for _ in 0..1000 {
            let c = generate(&mut rng);
            assert_eq!(c.len(), 13);
            assert_eq!(parse(&c), Ok(c.clone()));
        }
        assert_eq!(parse(" link-abcdefgh\n"), Ok("link-abcdefgh".into()));
        for bad in [
            "",
            "link-",
            "link-abcdefg",
            "link-abcdefghj",
            "LINK-abcdefgh",
            "link-ABCDEFGH",
            "link-abcdefg1",
            "link-abcdefgl",
            "code-abcdefgh",
            "link-abcdéfgh",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    /// Chi-square over 310 000 characters: with 30 degrees of freedom the 99.9th percentile is
    /// 59.7; a biased draw (e.g. `byte % 31`, which favours the first 8 characters by 1/256)
    /// would not be caught here, so `modulo_bias_is_detectable` checks the test's power.
    fn chi_square(counts: &[u64; 31]) -> f64 {
        let total: u64 = counts.iter().sum();
        let expected = total as f64 / 31.0;
        counts
            .iter()
            .map(|&c| (c as f64 - expected).powi(2) / expected)
            .sum()
    }

    #[test]
    fn characters_are_uniform() {
        let mut rng = rand::rng();
        let mut counts = [0u64; 31];
        for _ in 0..50_000 {
            let c = generate(&mut rng);
            for b in c[PREFIX.len()..].bytes() {
                counts[ALPHABET.iter().position(|&a| a == b).unwrap()] += 1;
            }
        }
        let x2 = chi_square(&counts);
        assert!(x2 < 59.7, "chi-square {x2} over {counts:?}");
    }

    #[test]
    fn modulo_bias_is_detectable() {
        // Same sample size, drawn the biased way: the statistic must exceed the threshold.
        let mut counts = [0u64; 31];
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        for _ in 0..400_000 {
            let b: u8 = rand::RngExt::random(&mut rng);
            counts[(b % 31) as usize] += 1;
        }
        assert!(chi_square(&counts) > 59.7);
    }
}
