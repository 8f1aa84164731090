//! Document totals per category: the sums of the document's incidents' counts
//! (GUIDELINES.md "Incidents and document totals"). Background figures (a war's toll, an
//! earlier attack) and summaries are in no incident, so never in a total; parts are never
//! added to their whole. Where the text says no one was harmed ("no one was hurt", "no
//! casualties") and no incident counts that kind of harm, the total is zero.

use super::group::Incident;
use crate::figures::{zero, RawFigure};
use crate::text::Document;
use crate::vocab::{Category, Total};
use crate::Policy;
use std::collections::BTreeMap;

fn add(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    Some(a?.saturating_add(b?))
}

/// The document totals of a document's figures with no places known (every figure that is
/// not background goes on with the incident before it): what the app recomputes after
/// corrections. The extractor's report uses [`super::analyse`], which also splits incidents
/// by place.
pub fn totals(doc: &Document, figures: &[RawFigure], policy: Policy) -> BTreeMap<Category, Total> {
    let links = vec![None; figures.len()];
    super::analyse(doc, figures, &[], &links, policy).totals
}

/// Per category, the sum of the incidents' counts (value, bounds, figures), plus zero totals
/// for the "no one was hurt" statements of `text`.
pub fn from_incidents(text: &str, incidents: &[Incident]) -> BTreeMap<Category, Total> {
    let mut out: BTreeMap<Category, Total> = BTreeMap::new();
    for inc in incidents {
        for (&cat, c) in &inc.counts {
            match out.get_mut(&cat) {
                Some(t) => {
                    t.value = t.value.saturating_add(c.value);
                    t.min = add(t.min, c.min);
                    t.max = add(t.max, c.max);
                    t.figures.extend_from_slice(&c.figures);
                }
                None => {
                    out.insert(
                        cat,
                        Total {
                            value: c.value,
                            min: c.min,
                            max: c.max,
                            figures: c.figures.clone(),
                            history: Vec::new(),
                        },
                    );
                }
            }
        }
    }
    for t in out.values_mut() {
        t.figures.sort_unstable();
    }
    for z in zero::find_for(text, |c| !out.contains_key(&c)) {
        for &cat in z.categories {
            out.entry(cat).or_insert(Total {
                value: 0,
                min: Some(0),
                max: Some(0),
                figures: Vec::new(),
                history: Vec::new(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::totals;
    use crate::figures::extract;
    use crate::text::Document;
    use crate::vocab::Category::{self, *};
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
        let t = "The raid killed 10 policemen and 2 civilians.";
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
