//! Document totals per category.

use crate::figures::RawFigure;
use crate::report::model::{Category, Total};
use crate::Policy;
use std::collections::BTreeMap;

/// Totals per category: figures that are parts of another are not added again.
pub fn totals(figures: &[RawFigure], _policy: Policy) -> BTreeMap<Category, Total> {
    let mut out: BTreeMap<Category, Total> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        if f.part_of.is_some() {
            continue;
        }
        let t = out.entry(f.category).or_insert(Total {
            value: 0,
            min: Some(0),
            max: Some(0),
            figures: Vec::new(),
        });
        t.value = t.value.saturating_add(f.value);
        t.min = t.min.map(|m| m.saturating_add(f.value));
        t.max = match (t.max, f.max.or(Some(f.value))) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            _ => None,
        };
        t.figures.push(i);
    }
    out
}
