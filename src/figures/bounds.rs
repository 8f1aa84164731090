//! min/max from value and qualifier, under a coding policy.

use crate::report::model::Qualifier;
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
        Qualifier::About => (Some(value - value / 10), Some(value + value.div_ceil(10))),
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
