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
use crate::figures::parts::head_noun;
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
                    // "One policeman and one civilian": other people joined by "and", two
                    // counts ("1 person was killed ..., killing one policeman" is one).
                    let same_people = |j: usize| {
                        let g = &figures[j];
                        let from = g.victims.as_ref().map_or(g.span.end, |v| v.end);
                        let joined = doc
                            .text
                            .get(from..f.span.start)
                            .is_some_and(|t| t.trim().eq_ignore_ascii_case("and"));
                        let differ = match (head_noun(doc.text, g), head_noun(doc.text, f)) {
                            (Some(a), Some(b)) => !a.eq_ignore_ascii_case(b),
                            _ => false,
                        };
                        !(joined && differ)
                    };
                    if !s.figures.iter().rev().take(20).any(|&j| {
                        figures[j].value == f.value
                            && figures[j].group != f.group
                            && !f.additive
                            && same_people(j)
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

#[cfg(test)]
mod tests {
    use super::totals;
    use crate::figures::extract;
    use crate::report::model::Category::{self, *};
    use crate::text::Document;
    use crate::Policy;

    fn total(text: &str, cat: Category) -> Option<u64> {
        let doc = Document::new(text);
        let figs = extract(&doc);
        totals(&doc, &figs, Policy::Literal)
            .get(&cat)
            .map(|t| t.value)
    }

    #[test]
    fn a_repeated_count_is_counted_once() {
        let t = "Car bomb kills 22\n\nA car bomb killed 22 people in the city on Monday.";
        assert_eq!(total(t, Killed), Some(22));
    }

    #[test]
    fn an_updated_toll_replaces_the_earlier_one() {
        let t = "A bomb killed 13 people on Monday. By Tuesday the death toll had risen to 20.";
        assert_eq!(total(t, Killed), Some(20));
    }

    #[test]
    fn counts_of_one_sentence_add_up_and_parts_do_not() {
        let t = "The raid killed 10 policemen and 2 civilians. The blast killed 8 people, including 2 children.";
        assert_eq!(total(t, Killed), Some(12));
        let t = "The blast killed 8 people, including 2 children.";
        assert_eq!(total(t, Killed), Some(8));
    }

    #[test]
    fn another_adds_to_the_count_before() {
        let t = "Five soldiers were wounded on Monday. Another 3 were wounded on Tuesday.";
        assert_eq!(total(t, Injured), Some(8));
    }

    #[test]
    fn no_one_hurt_is_a_zero_total() {
        let t = "A bomb exploded outside the bank but no one was hurt.";
        assert_eq!(total(t, Injured), Some(0));
        assert_eq!(total(t, Killed), Some(0));
        let t = "The attack killed 4 people; no one was kidnapped.";
        assert_eq!(total(t, Killed), Some(4));
    }
}
