//! Document totals per category: what one document says was the harm in all.
//!
//! Rules (GUIDELINES.md, and how coders read a story):
//! * parts are not added to their whole (`part_of` set);
//! * counts of one sentence add up ("killing 10 policemen and 2 civilians" is 12), and so do
//!   counts that say they come on top ("another 25", "13 more");
//! * a story repeats its counts (headline, lead, summary box) and updates them ("the toll
//!   rose to 13"), so across sentences the largest statement stands for the rest;
//! * where the text says no one was harmed ("no one was hurt", "no casualties") and gives no
//!   count of that kind, the total is zero.

use crate::figures::bounds::bounds;
use crate::figures::{zero, RawFigure};
use crate::report::model::{Category, Total};
use crate::text::Document;
use crate::Policy;
use std::collections::BTreeMap;

/// One statement: the counts of one sentence, plus those that add to it.
struct Statement {
    value: u64,
    min: Option<u64>,
    max: Option<u64>,
    figures: Vec<usize>,
}

fn add(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    Some(a?.saturating_add(b?))
}

/// Totals per category: `Total.figures` lists the figures each total is made of.
pub fn totals(doc: &Document, figures: &[RawFigure], policy: Policy) -> BTreeMap<Category, Total> {
    let mut out: BTreeMap<Category, Total> = BTreeMap::new();
    for cat in Category::ALL {
        let mut statements: Vec<Statement> = Vec::new();
        let mut last_sentence = usize::MAX;
        for (i, f) in figures.iter().enumerate() {
            if f.category != cat || f.part_of.is_some() {
                continue;
            }
            let (lo, hi) = bounds(f.value, f.qualifier, f.max, policy);
            let lo = Some(lo.unwrap_or(0));
            let joins = f.sentence == last_sentence || f.additive;
            match statements.last_mut() {
                Some(s) if joins => {
                    // The same count said twice in one sentence is one count.
                    if !s.figures.iter().rev().take(20).any(|&j| {
                        figures[j].value == f.value && figures[j].group != f.group && !f.additive
                    }) {
                        s.value = s.value.saturating_add(f.value);
                        s.min = add(s.min, lo);
                        s.max = add(s.max, hi);
                    }
                    s.figures.push(i);
                }
                _ => statements.push(Statement {
                    value: f.value,
                    min: lo,
                    max: hi,
                    figures: vec![i],
                }),
            }
            last_sentence = f.sentence;
        }
        // The largest statement stands for the story (repeats and updates).
        if let Some(best) = statements.into_iter().max_by_key(|s| s.value) {
            out.insert(
                cat,
                Total {
                    value: best.value,
                    min: best.min,
                    max: best.max,
                    figures: best.figures,
                },
            );
        }
    }
    for z in zero::find(doc.text) {
        for &cat in z.categories {
            out.entry(cat).or_insert(Total {
                value: 0,
                min: Some(0),
                max: Some(0),
                figures: Vec::new(),
            });
        }
    }
    out
}
