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
    for z in zero_statements(text, &out) {
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

/// The words a statement that no one was harmed opens with ([`zero`]): "no (one)",
/// "nobody", "none", "nor (any)", "without", "zero".
const ZERO_OPENERS: &[&str] = &["no", "nobody", "none", "nor", "without", "zero"];

/// The harm words of [`zero`]'s statements, by the category they can set to zero.
const ZERO_WORDS: &[(Category, &[&str])] = &[
    (
        Category::Killed,
        &[
            "killed",
            "hurt",
            "harmed",
            "died",
            "dead",
            "deaths",
            "fatalities",
            "casualties",
        ],
    ),
    (
        Category::Injured,
        &[
            "hurt",
            "harmed",
            "injured",
            "wounded",
            "injuries",
            "casualties",
        ],
    ),
    (Category::Kidnapped, &["kidnapped", "abducted"]),
    (Category::Detained, &["arrested", "detained", "arrests"]),
];

/// Byte classes for the opener scan: 0 not a word byte, 1 a word byte, 2 the first letter
/// of an opener (n, w, z in either case).
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() || b == b'_' {
            t[i] = 1;
        }
        if matches!(b | 0x20, b'n' | b'w' | b'z') && b.is_ascii_alphabetic() {
            t[i] = 2;
        }
        i += 1;
    }
    t
};

/// Whether `hay` holds `needle`, ASCII case-insensitively.
fn contains_ci(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// The statements of [`zero::find`]`(text)` that can still set a total (a category
/// `have` lacks), without running its pattern over the whole text. A statement opens with
/// one of [`ZERO_OPENERS`] as a word and holds only letters, spaces and hyphens, so the
/// pattern runs only on the stretch from such a word to the next digit or ASCII
/// punctuation mark (plus one character either side, for its word boundaries), and only
/// where that stretch holds a harm word of a category without a total. (A harm word
/// spelt with non-ASCII look-alikes matches the pattern but sets nothing there either.)
fn zero_statements(text: &str, have: &BTreeMap<Category, Total>) -> Vec<zero::Zero> {
    let mut out = Vec::new();
    let wanted: Vec<&str> = ZERO_WORDS
        .iter()
        .filter(|(c, _)| !have.contains_key(c))
        .flat_map(|(_, w)| w.iter().copied())
        .collect();
    if wanted.is_empty() {
        return out;
    }
    let b = text.as_bytes();
    // Bytes before this are already searched.
    let mut covered = 0;
    let mut prev_word = false;
    for (c, &x) in b.iter().enumerate() {
        let class = CLASS[usize::from(x)];
        let starts = class == 2 && !prev_word;
        prev_word = class != 0;
        if !starts || c < covered {
            continue;
        }
        let word_end = c + b[c..]
            .iter()
            .take_while(|&&x| CLASS[usize::from(x)] != 0)
            .count();
        let word = text.get(c..word_end).unwrap_or("");
        if !ZERO_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(word)) {
            continue;
        }
        let stop = b[word_end..]
            .iter()
            .position(|&x| x.is_ascii_digit() || (x.is_ascii_punctuation() && x != b'-'))
            .map_or(b.len(), |p| word_end + p + 1);
        covered = stop;
        if !wanted.iter().any(|w| contains_ci(&b[word_end..stop], w)) {
            continue;
        }
        let mut from = c.saturating_sub(1);
        while from > 0 && !text.is_char_boundary(from) {
            from -= 1;
        }
        let Some(window) = text.get(from..stop) else {
            continue;
        };
        for mut z in zero::find(window) {
            z.span = z.span.start + from..z.span.end + from;
            out.push(z);
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

    #[test]
    fn zero_statements_are_those_of_the_pattern() {
        use super::zero_statements;
        use crate::figures::zero;
        use crate::vocab::Total;
        use std::collections::BTreeMap;
        let texts = [
            "A blast shook the depot. No one was hurt, officials said.",
            "NOBODY WAS KILLED in 2019; none were injured and there were no deaths.",
            "Snow one day, knowhow the next: nothing was hurt. Zero casualties.",
            "The raid ended without casualties\u{a0}and no\u{a0}one was abducted.",
            "Police said no-one else was seriously injured -- nor any arrests.",
            "No 4 people were hurt; nobody, we think, was killed.",
            "Ano one was hurt? éno one was hurt. no one was",
        ];
        let none = BTreeMap::new();
        for t in texts {
            assert_eq!(zero_statements(t, &none), zero::find(t), "{t}");
        }
        // Only statements that can still set a total are looked for.
        let mut have = BTreeMap::new();
        for c in [Killed, Injured] {
            have.insert(
                c,
                Total {
                    value: 1,
                    min: Some(1),
                    max: Some(1),
                    figures: vec![],
                    history: vec![],
                },
            );
        }
        let t = "No one was hurt. Nobody was arrested.";
        let got = zero_statements(t, &have);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].categories, &[Detained]);
    }
}
