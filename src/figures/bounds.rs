//! min/max from value and qualifier, under a coding policy.

use crate::vocab::Qualifier;
use crate::Policy;

/// The bounds (min, max) a figure's value and qualifier imply.
///
/// Literal policy (the guidelines): exact n -> n..n; about n -> 90%..110% of n, rounded
/// outwards; at least n -> n..open; more than n -> n+1..open; at most n -> open..n;
/// less than n -> open..n-1; range -> low..high; vague -> the table's low and high ends.
/// ACLED-conservative differs only for vague words: the minimum is the fixed low count.
pub fn bounds(
    value: u64,
    qualifier: Qualifier,
    max: Option<u64>,
    policy: Policy,
) -> (Option<u64>, Option<u64>) {
    match qualifier {
        Qualifier::Exact => (Some(value), Some(value)),
        Qualifier::About => (
            Some(value - value / 10),
            Some(value.saturating_add(value.div_ceil(10))),
        ),
        Qualifier::AtLeast => (Some(value), None),
        Qualifier::MoreThan => (Some(value.saturating_add(1)), None),
        Qualifier::AtMost => (None, Some(value)),
        Qualifier::LessThan => (None, Some(value.saturating_sub(1))),
        Qualifier::Range => (Some(value), max.or(Some(value))),
        Qualifier::Vague => {
            let low = match policy {
                Policy::Literal => value,
                Policy::AcledConservative => acled_low(value),
            };
            (Some(low), max)
        }
    }
}

/// ACLED's fixed low counts for vague words, keyed by the guidelines' low end.
fn acled_low(value: u64) -> u64 {
    match value {
        3 => 3,
        20 => 10,
        24 => 12,
        200 => 100,
        2_000 => 1_000,
        20_000 => 10_000,
        200_000 => 100_000,
        v => v,
    }
}

#[cfg(test)]
mod tests {
    use super::bounds;
    use crate::vocab::Qualifier::*;
    use crate::Policy::*;

    #[test]
    fn literal_bounds_follow_the_guidelines() {
        assert_eq!(bounds(13, Exact, None, Literal), (Some(13), Some(13)));
        assert_eq!(bounds(13, AtLeast, None, Literal), (Some(13), None));
        assert_eq!(bounds(200, MoreThan, None, Literal), (Some(201), None));
        // Absurd values saturate instead of overflowing (found by the property tests).
        assert_eq!(bounds(u64::MAX, About, None, Literal).1, Some(u64::MAX));
        assert_eq!(bounds(200, AtMost, None, Literal), (None, Some(200)));
        assert_eq!(bounds(20, LessThan, None, Literal), (None, Some(19)));
        assert_eq!(bounds(10, Range, Some(15), Literal), (Some(10), Some(15)));
        assert_eq!(bounds(50, About, None, Literal), (Some(45), Some(55)));
        assert_eq!(bounds(24, Vague, Some(99), Literal), (Some(24), Some(99)));
        assert_eq!(bounds(0, About, None, Literal), (Some(0), Some(0)));
        assert_eq!(bounds(0, LessThan, None, Literal), (None, Some(0)));
    }

    #[test]
    fn acled_policy_takes_fixed_low_counts_for_vague_words() {
        assert_eq!(
            bounds(3, Vague, Some(9), AcledConservative),
            (Some(3), Some(9))
        );
        assert_eq!(
            bounds(20, Vague, Some(99), AcledConservative),
            (Some(10), Some(99))
        );
        assert_eq!(
            bounds(24, Vague, Some(99), AcledConservative),
            (Some(12), Some(99))
        );
        assert_eq!(
            bounds(200, Vague, Some(999), AcledConservative),
            (Some(100), Some(999))
        );
        assert_eq!(
            bounds(2000, Vague, Some(9999), AcledConservative),
            (Some(1000), Some(9999))
        );
        // Stated numbers are not touched.
        assert_eq!(
            bounds(200, AtLeast, None, AcledConservative),
            (Some(200), None)
        );
    }
}
