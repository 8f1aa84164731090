//! Figure -> place: the place where the harm happened (GUIDELINES.md "place": the most
//! specific place the text gives for it, a neighbourhood or town before a province or
//! country).
//!
//! Where to look, in order: the figure's clause, then its sentence, then the story so far
//! (the place it has named most), then the dateline. Within one
//! scope the most specific place wins; a place named only as a reference point ("80 km
//! north of Baghdad"), an origin ("refugees from Syria") or an adjective-like form
//! ("US-led") gives way to others.

use crate::figures::RawFigure;
use crate::places::{specificity, ResolvedPlace};
use crate::text::Document;
use std::ops::Range;

/// One place mention with what the words around it say about it.
struct Cand {
    place: usize,
    span: Range<usize>,
    /// Lower is better: specificity and the role the words give it.
    rank: i32,
    /// See [`role`].
    role: i32,
}

/// The clause of the sentence that holds byte `at`: split at ";", " — ", " -- ", and at
/// ", while" / ", and" only when a number follows (two incidents in one sentence).
fn clause(text: &str, sent: &Range<usize>, at: usize) -> Range<usize> {
    let s = text.get(sent.clone()).unwrap_or("");
    let mut start = sent.start;
    let mut end = sent.end;
    for sep in [
        ";",
        " — ",
        " -- ",
        " – ",
        ", while ",
        ", whereas ",
        " while ",
    ] {
        let mut from = 0;
        while let Some(p) = s.get(from..).and_then(|r| r.find(sep)) {
            let abs = sent.start + from + p;
            if abs < at {
                start = start.max(abs + sep.len());
            } else if abs > at {
                end = end.min(abs);
                break;
            }
            from += p + sep.len();
        }
    }
    start..end.max(start)
}

/// The role the words before a mention give it: 0 the harm's place ("in", "at", "near"),
/// 2 a reference point or origin ("north of", "from", "to"), 1 otherwise.
fn role(text: &str, span: &Range<usize>) -> i32 {
    let mut from = span.start.saturating_sub(40);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text
        .get(from..span.start)
        .unwrap_or("")
        .trim_end()
        .to_lowercase();
    let last: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let w0 = last.first().copied().unwrap_or("");
    let w1 = last.get(1).copied().unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    if after.starts_with("-led") || after.starts_with("-backed") || after.starts_with("-based") {
        return 3;
    }
    if w0 == "of"
        && matches!(
            w1,
            "north"
                | "south"
                | "east"
                | "west"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
                | "km"
                | "kilometers"
                | "kilometres"
                | "miles"
                | "outskirts"
        )
    {
        return 2;
    }
    if matches!(
        w0,
        "from" | "to" | "towards" | "toward" | "into" | "with" | "and" | "by"
    ) {
        return 2;
    }
    if matches!(
        w0,
        "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout"
    ) || matches!(w0, "the" | "of") && matches!(w1, "in" | "at" | "near")
    {
        return 0;
    }
    1
}

/// For each figure, the index of the place where the harm happened, or None.
pub fn link_places(
    doc: &Document,
    figures: &[RawFigure],
    places: &[ResolvedPlace],
) -> Vec<Option<usize>> {
    let text = doc.text;
    let mut cands: Vec<Cand> = Vec::new();
    for (pi, p) in places.iter().enumerate() {
        for m in &p.mentions {
            let r = role(text, m);
            cands.push(Cand {
                place: pi,
                span: m.clone(),
                rank: i32::from(specificity(p.kind)) + 4 * r,
                role: r,
            });
        }
    }
    cands.sort_by_key(|c| c.span.start);
    // The dateline: a place at the very start of the text.
    let dateline = cands
        .iter()
        .find(|c| c.span.start < 200 && doc.sentence_of(c.span.start) == 0)
        .map(|c| c.place);
    // Mentions of each place (not as reference point or origin) before each candidate:
    // counts[k] covers cands[..k]. Kept sparse: a snapshot per candidate would be
    // quadratic, so snapshots are taken only where a figure needs one.
    let mut wanted: Vec<usize> = figures
        .iter()
        .map(|f| cands.partition_point(|c| c.span.start < f.span.start))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut counts: std::collections::HashMap<usize, Vec<(usize, usize)>> = Default::default();
    let mut running = vec![(0usize, 0usize); places.len()];
    let mut k = 0;
    for &w in &wanted {
        while k < w && k < cands.len() {
            let c = &cands[k];
            if c.role < 2 {
                if let Some(e) = running.get_mut(c.place) {
                    e.0 += 1;
                    e.1 = c.span.start;
                }
            }
            k += 1;
        }
        counts.insert(w, running.clone());
    }
    figures
        .iter()
        .map(|f| {
            let at = f.span.start;
            let si = doc.sentence_of(at);
            let sent = doc.sentences.get(si).cloned().unwrap_or(0..0);
            let cl = clause(text, &sent, at);
            let best_in = |r: &Range<usize>| {
                let from = cands.partition_point(|c| c.span.start < r.start);
                cands[from..]
                    .iter()
                    .take_while(|c| c.span.start < r.end)
                    .filter(|c| c.span.end <= r.end)
                    .min_by_key(|c| (c.rank, c.span.start.abs_diff(at)))
                    .map(|c| c.place)
            };
            if let Some(p) = best_in(&cl).or_else(|| best_in(&sent)) {
                return Some(p);
            }
            // The story so far: the place it has named most (not as a reference point or
            // origin), the latest on a tie.
            let upto = cands.partition_point(|c| c.span.start < at);
            let empty = Vec::new();
            let count = counts.get(&upto).unwrap_or(&empty);
            count
                .iter()
                .enumerate()
                .filter(|(_, c)| c.0 > 0)
                .max_by_key(|(_, c)| (c.0, c.1))
                .map(|(p, _)| p)
                .or(dateline)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{Category, PlaceKind, Qualifier};

    fn place(name: &str, kind: PlaceKind, text: &str) -> ResolvedPlace {
        let mentions = text
            .match_indices(name)
            .map(|(i, _)| i..i + name.len())
            .collect();
        ResolvedPlace {
            name: name.into(),
            country: None,
            admin1: None,
            kind,
            lat: None,
            lon: None,
            geonames_id: None,
            mentions,
        }
    }

    fn figure(text: &str, number: &str) -> RawFigure {
        let i = text.find(number).unwrap_or(0);
        RawFigure {
            span: i..i + number.len(),
            category: Category::Killed,
            value: 1,
            max: None,
            qualifier: Qualifier::Exact,
            victims: None,
            trigger: i..i,
            part_of: None,
            confidence: 1.0,
            additive: false,
            sentence: Document::new(text).sentence_of(i),
            group: 0,
        }
    }

    #[test]
    fn most_specific_place_in_the_sentence() {
        let text = "In northern Ruritania, a bomb killed 12 people in Oldtown on Monday.";
        let doc = Document::new(text);
        let places = vec![
            place("Ruritania", PlaceKind::Country, text),
            place("Oldtown", PlaceKind::City, text),
        ];
        let links = link_places(&doc, &[figure(text, "12")], &places);
        assert_eq!(links, vec![Some(1)]);
    }

    #[test]
    fn reference_points_give_way() {
        let text = "Gunmen killed 7 in Smallville, 80 km north of Bigcity.";
        let doc = Document::new(text);
        let places = vec![
            place("Smallville", PlaceKind::City, text),
            place("Bigcity", PlaceKind::City, text),
        ];
        assert_eq!(
            link_places(&doc, &[figure(text, "7")], &places),
            vec![Some(0)]
        );
    }

    #[test]
    fn clause_then_story_so_far() {
        let text = "A blast hit Oldtown. Police said 4 died. Later 2 died; in Newport 3 were hurt.";
        let doc = Document::new(text);
        let places = vec![
            place("Oldtown", PlaceKind::City, text),
            place("Newport", PlaceKind::City, text),
        ];
        let figs = [figure(text, "4"), figure(text, "3")];
        assert_eq!(link_places(&doc, &figs, &places), vec![Some(0), Some(1)]);
        // A clause without a place takes the sentence's.
        assert_eq!(
            link_places(&doc, &[figure(text, "2")], &places),
            vec![Some(1)]
        );
    }
}
