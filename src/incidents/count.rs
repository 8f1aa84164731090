//! One incident's count in one category: the number a careful coder would enter.
//!
//! The incident's figures of the category make **statements**: the counts of one list in a
//! sentence add up ("10 children and 5 women"), and so does a count that says it comes on top
//! ("another 6", "3 more"); two counts of one sentence that are not one list are two
//! statements ("rose to 45 from 18"). Parts never add to their whole.
//!
//! The count is the first statement of the body (a headline gives way to the body; a vague
//! word gives way to a stated number: "Dozens killed" then "killed 11"), replaced by a later,
//! larger statement that says the toll moved ([`UPDATE`]: "rose to", "has risen to").
//! Where the statements come from different countries (one earthquake: "19,136 died and
//! 42,397 were injured in Pakistan" ... "India reported 360 killed and 900 injured"), the
//! count adds each other country's first statement, unless the chosen statement's sentence
//! names that country too ("struck Pakistan and India, killing about 19,500": it covers both).
//! `history` lists the values stated, in text order.

use crate::figures::bounds::bounds;
use crate::figures::parts::POSSESSIVES;
use crate::figures::RawFigure;
use crate::text::phrases::Phrases;
use crate::text::Document;
use crate::vocab::{Category, Qualifier, Total};
use crate::Policy;
use std::sync::LazyLock;

/// Words that say a toll moved (each with an example of our own): a later statement with one
/// replaces the count when it is larger.
pub const UPDATE: &[(&str, &str)] = &[
    ("rose to", "the toll rose to 21"),
    ("risen to", "the death toll has risen to 30"),
    ("rises to", "toll rises to 12"),
    ("climbed to", "the number of dead climbed to 40"),
    ("increased to", "deaths increased to 9"),
    ("jumped to", "the toll jumped to 60"),
    ("up from", "now 45, up from 18"),
    ("now stands", "the toll now stands at 17"),
    ("updated", "officials updated the count to 25"),
    ("revised", "the revised toll is 33"),
    ("bringing", "bringing the toll to 14"),
    ("raising", "raising the death toll to 19"),
    ("total of", "a total of 52 people died"),
    ("in all", "in all, 70 people were killed"),
];

/// The automaton of [`UPDATE`].
static UPDATE_SET: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(UPDATE.iter().map(|r| r.0)));

/// An exact count at most this share (PRECISE_NUM / PRECISE_DEN) above an earlier open count
/// ("more than 300", "at least 40") makes it precise rather than revising it.
const PRECISE_NUM: u64 = 5;
const PRECISE_DEN: u64 = 4;

/// Where a figure stands, as the count reads it: the country of its place, and the countries
/// its sentence names as countries ("Pakistan", "India"; not a province of one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Geo {
    /// ISO alpha-2 code of the figure's place.
    pub country: Option<[u8; 2]>,
    /// Countries its sentence names, sorted, each once.
    pub named: Vec<[u8; 2]>,
}

/// One statement: the counts of one list, plus those added on top.
#[derive(Debug, Clone)]
pub struct Stmt {
    /// Sum of the values.
    pub value: u64,
    /// Sum of the lower bounds (None: one is open).
    pub min: Option<u64>,
    /// Sum of the upper bounds (None: one is open).
    pub max: Option<u64>,
    /// Its figures.
    pub figures: Vec<usize>,
    /// All its figures are vague words.
    pub vague: bool,
    /// It stands in the headline.
    pub headline: bool,
    /// Its sentence says the toll moved.
    pub update: bool,
    /// Where its first figure stands ([`Geo`]; default where unknown).
    pub geo: Geo,
}

fn add(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    Some(a?.saturating_add(b?))
}

/// Whether sentence 0 is a headline: a first line with no closing full stop.
fn is_headline(doc: &Document, si: usize) -> bool {
    if si != 0 || doc.sentences.len() < 2 {
        return false;
    }
    let Some(s) = doc.sentences.first().and_then(|r| doc.text.get(r.clone())) else {
        return false;
    };
    let t = s.trim_end();
    !(t.ends_with('.') || t.ends_with('!') || t.ends_with('?'))
}

impl Stmt {
    /// The statements of the figures `members` in category `cat`, in text order. `geo`
    /// holds each figure's [`Geo`] (empty: unknown, one country).
    pub fn build(
        doc: &Document,
        figures: &[RawFigure],
        members: &[usize],
        cat: Category,
        policy: Policy,
        geo: &[Geo],
    ) -> Vec<Stmt> {
        let mut out: Vec<Stmt> = Vec::new();
        let mut last_sentence = usize::MAX;
        for (pos, &i) in members.iter().enumerate() {
            let Some(f) = figures.get(i) else { continue };
            if f.category != cat {
                continue;
            }
            // Parts of a figure of this incident stay inside it.
            if f.part_of.is_some_and(|p| members.contains(&p)) {
                continue;
            }
            let (lo, hi) = bounds(f.value, f.qualifier, f.max, policy);
            let value = if policy == Policy::AcledConservative && f.qualifier == Qualifier::Vague {
                lo.unwrap_or(f.value)
            } else {
                f.value
            };
            let lo = Some(lo.unwrap_or(0));
            // "N others" after a count of another category restating the count before
            // ("wounded 8 others" ... "killed 11 ... 8 others were injured") means people
            // other than the dead, not 8 more wounded; a new number after another
            // attack's dead still adds ("killing 2 and wounding 4 others").
            // (Members are in text order: the one before is the figure before.)
            let prev_other_category = pos
                .checked_sub(1)
                .and_then(|p| members.get(p))
                .and_then(|&j| figures.get(j))
                .is_some_and(|p| p.category != cat);
            let restated = out.last().is_some_and(|s| s.value == value);
            let additive =
                f.additive && !(says_others(doc.text, f) && prev_other_category && restated);
            // One list: the same group, or a singular victim sharing its harm word with the
            // count before ("killing a soldier and 2 civilians", "the death of the driver and
            // a passenger").
            let same_list = out.last().is_some_and(|s| {
                last_sentence == f.sentence
                    && s.figures.iter().any(|&j| {
                        figures.get(j).is_some_and(|g| {
                            g.group == f.group
                                || ((g.implicit || f.implicit)
                                    && g.trigger == f.trigger
                                    && coordinated(doc.text, g, f))
                        })
                    })
            });
            match out.last_mut() {
                Some(s) if additive || same_list => {
                    s.value = s.value.saturating_add(value);
                    s.min = add(s.min, lo);
                    s.max = add(s.max, hi);
                    s.vague &= f.qualifier == Qualifier::Vague;
                    s.figures.push(i);
                }
                _ => {
                    let sentence = doc
                        .sentences
                        .get(f.sentence)
                        .and_then(|r| doc.text.get(r.clone()))
                        .unwrap_or("");
                    out.push(Stmt {
                        value,
                        min: lo,
                        max: hi,
                        figures: vec![i],
                        vague: f.qualifier == Qualifier::Vague,
                        headline: is_headline(doc, f.sentence),
                        update: UPDATE_SET.any_in(sentence),
                        geo: geo.get(i).cloned().unwrap_or_default(),
                    })
                }
            }
            last_sentence = f.sentence;
        }
        out
    }
}

/// Whether two figures stand as items of one list: only "and" or a comma between them ("a
/// soldier and 2 civilians", "killing 2 soldiers and a civilian", "the driver and a
/// passenger").
fn coordinated(text: &str, a: &RawFigure, b: &RawFigure) -> bool {
    let (first, second) = if a.span.start <= b.span.start {
        (a, b)
    } else {
        (b, a)
    };
    // After the first one's victims ("2 soldiers"), where they are read; victims that run
    // on over the second ("2 guards and Captain Ali") make one list.
    if first
        .victims
        .as_ref()
        .is_some_and(|v| v.start < second.span.start && second.span.end <= v.end)
    {
        return true;
    }
    let end = first
        .victims
        .as_ref()
        .map_or(first.span.end, |v| v.end.max(first.span.end));
    let gap = text.get(end..second.span.start).unwrap_or("").trim();
    matches!(gap, "and" | "," | ", and" | "as well as") || joined_by_along_with(gap)
}

/// Whether a gap joins a singular victim's harm word to a count "along with" it: "[a
/// peacekeeper] was killed along with [two] civilians", "... along with his [two] sons".
fn joined_by_along_with(gap: &str) -> bool {
    let mut words = gap.rsplit(' ').filter(|w| !w.is_empty());
    let mut last = words.next();
    if last.is_some_and(|w| POSSESSIVES.iter().any(|p| w.eq_ignore_ascii_case(p))) {
        last = words.next();
    }
    let joined = last.is_some_and(|w| w.eq_ignore_ascii_case("with"))
        && words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("along") || w.eq_ignore_ascii_case("together"));
    // (One clause: "was killed", "was shot dead", no stop between.)
    joined && gap.len() <= 48 && !gap.contains(['.', ';', ',', ':'])
}

/// Whether the figure's count is followed by "other(s)" ("8 others", "two other men").
fn says_others(text: &str, f: &RawFigure) -> bool {
    let after = text.get(f.span.end..).unwrap_or("").trim_start();
    after
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("other"))
}

/// The count of a list of statements (see the module's rule), or None when there are none.
pub fn count(stmts: &[Stmt]) -> Option<Total> {
    let body: Vec<&Stmt> = stmts.iter().filter(|s| !s.headline).collect();
    let pool: Vec<&Stmt> = if body.is_empty() {
        stmts.iter().collect()
    } else {
        body
    };
    let stated: Vec<&Stmt> = pool.iter().copied().filter(|s| !s.vague).collect();
    let pool = if stated.is_empty() { pool } else { stated };
    let mut best = *pool.first()?;
    for s in &pool[1..] {
        if s.update && s.value > best.value {
            best = s;
        }
        // An open count made exact soon after ("more than 300 students abducted" ...
        // "taking 303 children and 12 teachers"): the same toll, told precisely.
        let open = best.max.is_none() && !best.vague;
        let exact = s.min.is_some() && s.min == s.max && !s.vague;
        if open
            && exact
            && s.value > best.value
            && s.value.saturating_mul(PRECISE_DEN) <= best.value.saturating_mul(PRECISE_NUM)
        {
            best = s;
        }
    }
    // Other countries' statements add on top, where the chosen one does not cover them.
    let (mut value, mut min, mut max) = (best.value, best.min, best.max);
    let mut figures = best.figures.clone();
    if let Some(own) = best.geo.country {
        let mut seen: Vec<[u8; 2]> = vec![own];
        for s in &pool {
            let Some(c) = s.geo.country else { continue };
            // (Its sentence must name its country, and no other: "India reported 360
            // killed", not "Pakistan and India", nor a count linked to a country its
            // sentence does not name.)
            let alone = s.geo.named == [c];
            if seen.contains(&c) || best.geo.named.contains(&c) || !alone {
                continue;
            }
            seen.push(c);
            value = value.saturating_add(s.value);
            min = add(min, s.min);
            max = add(max, s.max);
            figures.extend_from_slice(&s.figures);
        }
    }
    let mut history: Vec<u64> = Vec::new();
    for s in stmts {
        if history.last() != Some(&s.value) {
            history.push(s.value);
        }
    }
    Some(Total {
        value,
        min,
        max,
        figures,
        history,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::extract;

    fn count_of(text: &str, cat: Category) -> Option<(u64, Vec<u64>)> {
        let doc = Document::new(text);
        let figs = extract(&doc);
        let all: Vec<usize> = (0..figs.len()).collect();
        count(&Stmt::build(&doc, &figs, &all, cat, Policy::Literal, &[]))
            .map(|t| (t.value, t.history))
    }

    #[test]
    fn update_table_examples_hold_their_phrase() {
        for (p, ex) in UPDATE {
            assert!(super::super::dates::find_phrase(ex, p).is_some(), "{p}");
        }
    }

    #[test]
    fn a_revised_toll_replaces_the_first_and_keeps_the_history() {
        let t = "A bomb killed 18 people in the market on Monday. By Tuesday the death toll \
                 had risen to 45.";
        assert_eq!(count_of(t, Category::Killed), Some((45, vec![18, 45])));
    }

    #[test]
    fn the_body_and_stated_numbers_come_before_headlines_and_vague_words() {
        let t = "Dozens killed in strike on village\nA strike killed 11 villagers on Sunday. \
                 Local media said 19 died.";
        assert_eq!(count_of(t, Category::Killed).map(|c| c.0), Some(11));
    }

    #[test]
    fn singular_victims_join_their_list_or_come_on_top() {
        // One list: a singular victim and a count sharing the harm word.
        let t = "A car bomb exploded near the gate, killing a soldier and 2 civilians.";
        assert_eq!(count_of(t, Category::Killed).map(|c| c.0), Some(3));
        let t = "The blast caused the death of the driver and a passenger.";
        assert_eq!(count_of(t, Category::Killed).map(|c| c.0), Some(2));
        // ... also where the count's victims run on over a named one.
        let t = "Two guards and Captain Ali Hassan were wounded in the blast.";
        assert_eq!(count_of(t, Category::Injured).map(|c| c.0), Some(3));
        // On top: "also", "another".
        let t = "Gunmen killed 5 villagers in the raid. A policeman was also killed.";
        assert_eq!(count_of(t, Category::Killed).map(|c| c.0), Some(6));
        // ... and a count after a sentence that told both kinds.
        let t = "A police major was killed and another officer injured in the attack. Two \
                 gunmen were also killed in the exchange of fire.";
        assert_eq!(count_of(t, Category::Killed).map(|c| c.0), Some(3));
        // Counter-example: after a sentence of the other kind only, "also" sets the count
        // beside it.
        let t = "At least 40 people died and 300 were injured. The toll is now 40. About 300 \
                 people have also been treated in hospital.";
        assert_eq!(count_of(t, Category::Injured).map(|c| c.0), Some(300));
        // Counter-example: not one list when other words stand between. (The extractor
        // reads "193 pistols" as wounded here, a known miss; it must not join the guard.)
        let t = "The raiders wounded a conscript soldier and stole the cargo, including 193 \
                 pistols.";
        assert_eq!(count_of(t, Category::Injured).map(|c| c.0), Some(1));
    }

    #[test]
    fn one_list_adds_up_and_another_adds_on_top() {
        let t = "Gunmen killed 10 police officers and 2 civilians. Another 3 died in hospital.";
        assert_eq!(count_of(t, Category::Killed).map(|c| c.0), Some(15));
        // Counter-example: a part is not added to its whole.
        let t = "The blast killed 8 people, including 2 children.";
        assert_eq!(count_of(t, Category::Killed).map(|c| c.0), Some(8));
    }

    #[test]
    fn others_after_another_category_are_not_more_of_the_same() {
        let t = "A strike killed 11 villagers and wounded eight others on Sunday. At least 11 \
                 villagers were killed in the strike. Eight others were injured in the raid, \
                 a local chief said.";
        assert_eq!(count_of(t, Category::Injured).map(|c| c.0), Some(8));
        // Counter-examples: after a count of its own category, or with a new number,
        // "others" adds on top.
        let t = "A bomb killed 2 people and wounded 3 others in the market. A second bomb \
                 killed 4 people and wounded 5 others near the mosque.";
        assert_eq!(count_of(t, Category::Injured).map(|c| c.0), Some(8));
        let t = "Two people were wounded in the morning blast. Three others were wounded in \
                 the afternoon.";
        assert_eq!(count_of(t, Category::Injured).map(|c| c.0), Some(5));
    }

    #[test]
    fn an_open_count_is_made_precise_by_a_close_exact_one() {
        let t = "More than 300 pupils were abducted from the school on Friday. The gunmen \
                 raided the school at night, taking 303 children and 12 teachers.";
        assert_eq!(count_of(t, Category::Kidnapped).map(|c| c.0), Some(315));
        // Counter-example: a far larger number is another toll, not the same one told
        // precisely.
        let t = "At least 11 people were killed in the blast. A local official said 19 \
                 people were killed.";
        assert_eq!(count_of(t, Category::Killed).map(|c| c.0), Some(11));
    }

    #[test]
    fn a_later_smaller_or_unrevised_count_does_not_replace() {
        let t = "The attack killed 45 people, officials said. A police officer said he was \
                 sure of 36 deaths.";
        assert_eq!(count_of(t, Category::Killed).map(|c| c.0), Some(45));
    }

    #[test]
    fn the_acled_policy_counts_vague_words_at_their_fixed_low_count() {
        let t = "Hundreds were killed when the dam burst.";
        let doc = Document::new(t);
        let figs = extract(&doc);
        let all: Vec<usize> = (0..figs.len()).collect();
        let acled = count(&Stmt::build(
            &doc,
            &figs,
            &all,
            Category::Killed,
            Policy::AcledConservative,
            &[],
        ));
        assert_eq!(acled.map(|c| (c.value, c.min)), Some((100, Some(100))));
        let literal = count(&Stmt::build(
            &doc,
            &figs,
            &all,
            Category::Killed,
            Policy::Literal,
            &[],
        ));
        assert_eq!(literal.map(|c| (c.value, c.min)), Some((200, Some(200))));
        // Counter-example: a stated number is the same under both policies.
        let t = "At least 200 were killed when the dam burst.";
        let doc = Document::new(t);
        let figs = extract(&doc);
        let all: Vec<usize> = (0..figs.len()).collect();
        let acled = count(&Stmt::build(
            &doc,
            &figs,
            &all,
            Category::Killed,
            Policy::AcledConservative,
            &[],
        ));
        assert_eq!(acled.map(|c| c.value), Some(200));
    }
}
