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

/// What splits a sentence into clauses: ";", " — ", " -- ", " – ", and ", while" /
/// ", whereas" / " while" (two incidents in one sentence).
const CLAUSE_BREAKS: &[&str] = &[
    ";",
    " — ",
    " -- ",
    " – ",
    ", while ",
    ", whereas ",
    " while ",
];

/// The clause breaks of one sentence (byte ranges into the text), in order of start, each
/// break's occurrences taken left to right without overlap. One pass over the sentence's
/// bytes: every break holds ';', '-', 'w' or the lead byte of a dash, so only those bytes
/// are looked at closely.
fn breaks_in(text: &str, sent: &Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(sent.clone()) else {
        return;
    };
    let b = s.as_bytes();
    let first = out.len();
    // End of the last kept occurrence, per break.
    let mut last_end = [0usize; CLAUSE_BREAKS.len()];
    let mut push = |pid: usize, start: usize, out: &mut Vec<Range<usize>>| {
        let (Some(pat), Some(end)) = (CLAUSE_BREAKS.get(pid), last_end.get_mut(pid)) else {
            return;
        };
        if start >= *end
            && b.get(start..)
                .is_some_and(|t| t.starts_with(pat.as_bytes()))
        {
            *end = start + pat.len();
            out.push(sent.start + start..sent.start + *end);
        }
    };
    for (i, &c) in b.iter().enumerate() {
        match c {
            b';' => push(0, i, out),
            b'-' if i > 0 => push(2, i - 1, out),
            0xE2 if i > 0 => {
                push(1, i - 1, out);
                push(3, i - 1, out);
            }
            b'w' if i > 0 => {
                if i > 1 {
                    push(4, i - 2, out);
                    push(5, i - 2, out);
                }
                push(6, i - 1, out);
            }
            _ => {}
        }
    }
    out[first..].sort_by_key(|r| r.start);
}

/// The clause around byte `at` given its sentence's breaks: from the end of the last break
/// before `at` to the start of the first break after it.
fn clause(sent: &Range<usize>, breaks: &[Range<usize>], at: usize) -> Range<usize> {
    let mut start = sent.start;
    let mut end = sent.end;
    for b in breaks {
        if b.start < at {
            start = start.max(b.end);
        } else if b.start > at {
            end = end.min(b.start);
        }
    }
    start..end.max(start)
}

/// The last two words before byte `end` within the 40 bytes before it (no allocation).
fn words_before(text: &str, end: usize) -> [&str; 2] {
    let mut from = end.saturating_sub(40);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..end).unwrap_or("").trim_end();
    let mut it = before.split_whitespace().rev();
    [it.next().unwrap_or(""), it.next().unwrap_or("")]
}

fn is_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The role the words before a mention give it: 0 the harm's place ("in", "at", "near"),
/// 2 a reference point or origin ("north of", "from", "to"), 1 otherwise.
fn role(text: &str, span: &Range<usize>) -> i32 {
    let [w0, w1] = words_before(text, span.start);
    let after = text.get(span.end..).unwrap_or("");
    if after.starts_with("-led") || after.starts_with("-backed") || after.starts_with("-based") {
        return 3;
    }
    if w0.eq_ignore_ascii_case("of")
        && is_any(
            w1,
            &[
                "north",
                "south",
                "east",
                "west",
                "northeast",
                "northwest",
                "southeast",
                "southwest",
                "km",
                "kilometers",
                "kilometres",
                "miles",
                "outskirts",
            ],
        )
    {
        return 2;
    }
    if is_any(
        w0,
        &[
            "from", "to", "towards", "toward", "into", "with", "and", "by",
        ],
    ) {
        return 2;
    }
    if is_any(
        w0,
        &[
            "in",
            "at",
            "near",
            "outside",
            "inside",
            "across",
            "throughout",
        ],
    ) || is_any(w0, &["the", "of"]) && is_any(w1, &["in", "at", "near"])
    {
        return 0;
    }
    1
}

/// For each figure, the index of the place where the harm happened, or None.
///
/// Work per document, not per figure: every mention's role once, every clause break of the
/// sentences that hold figures once (one automaton pass a sentence), and the story so far in
/// one sweep over the mentions in text order.
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

    // Clause breaks of the sentences that hold figures and places, each sentence scanned
    // once (a clause matters only where its sentence names a place).
    let mut sents: Vec<usize> = figures
        .iter()
        .map(|f| doc.sentence_of(f.span.start))
        .collect();
    sents.sort_unstable();
    sents.dedup();
    let mut breaks: Vec<Range<usize>> = Vec::new();
    for &si in &sents {
        let Some(sent) = doc.sentences.get(si) else {
            continue;
        };
        let k = cands.partition_point(|c| c.span.start < sent.start);
        if cands.get(k).is_some_and(|c| c.span.start < sent.end) {
            breaks_in(text, sent, &mut breaks);
        }
    }

    // The story so far: for each figure, the place named most before it (not as a reference
    // point or origin), the latest on a tie; one sweep over the mentions in text order.
    let mut order: Vec<(usize, usize)> = figures
        .iter()
        .enumerate()
        .map(|(i, f)| (cands.partition_point(|c| c.span.start < f.span.start), i))
        .collect();
    order.sort_unstable();
    let mut story: Vec<Option<usize>> = vec![None; figures.len()];
    let mut running = vec![(0usize, 0usize); places.len()];
    // The best (count, latest mention, place) so far: only the place just counted can
    // overtake it, so it is kept without rescanning.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut k = 0;
    for &(upto, fi) in &order {
        while k < upto && k < cands.len() {
            let c = &cands[k];
            if c.role < 2 {
                if let Some(e) = running.get_mut(c.place) {
                    e.0 += 1;
                    e.1 = c.span.start;
                    let key = (e.0, e.1, c.place);
                    if best.is_none_or(|b| key > b) {
                        best = Some(key);
                    }
                }
            }
            k += 1;
        }
        if let Some(s) = story.get_mut(fi) {
            *s = best.map(|b| b.2);
        }
    }

    figures
        .iter()
        .zip(&story)
        .map(|(f, story)| {
            let at = f.span.start;
            let si = doc.sentence_of(at);
            let sent = doc.sentences.get(si).cloned().unwrap_or(0..0);
            let b0 = breaks.partition_point(|b| b.start < sent.start);
            let b1 = b0 + breaks[b0..].partition_point(|b| b.start < sent.end);
            let cl = clause(&sent, &breaks[b0..b1], at);
            let best_in = |r: &Range<usize>| {
                let from = cands.partition_point(|c| c.span.start < r.start);
                cands[from..]
                    .iter()
                    .take_while(|c| c.span.start < r.end)
                    .filter(|c| c.span.end <= r.end)
                    .min_by_key(|c| (c.rank, c.span.start.abs_diff(at)))
                    .map(|c| c.place)
            };
            best_in(&cl)
                .or_else(|| best_in(&sent))
                .or(*story)
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
            additive: true,
            sentence: 0,
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
