//! Figure -> place: the place where the harm happened (GUIDELINES.md "place": the most
//! specific place the text gives for it, a neighbourhood or town before a province or
//! country).
//!
//! Where to look, in order: the figure's clause, then its sentence, then the story so far
//! (the place it has named most), then the dateline. Within one
//! scope the most specific place wins; a place named only as a reference point ("80 km
//! north of Baghdad"), an origin ("refugees from Syria") or an adjective-like form
//! ("US-led") gives way to others.

use super::scope;
use crate::figures::RawFigure;
use crate::places::words::attributive;
use crate::places::{specificity, ResolvedPlace};
use crate::text::Document;
use crate::vocab::PlaceKind;
use memchr::memmem;
use std::ops::Range;
use std::sync::OnceLock;

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
/// ", whereas" / " while" (two incidents in one sentence) and " and that " (two reported
/// statements).
const CLAUSE_BREAKS: &[&str] = &[
    ";",
    " — ",
    " -- ",
    " – ",
    ", while ",
    ", whereas ",
    " while ",
    // Two reported statements: "police said 4 died in A and that 6 died in B".
    " and that ",
];

/// The clause breaks of one sentence (byte ranges into the text), in order of start, each
/// break's occurrences taken left to right without overlap. A few SIMD searches over the
/// sentence: every break holds ';', '-' or the lead byte of a dash, "wh", or is " and that ".
fn breaks_in(text: &str, sent: &Range<usize>, out: &mut Vec<Range<usize>>) {
    static WH: OnceLock<memmem::Finder<'static>> = OnceLock::new();
    static AND_THAT: OnceLock<memmem::Finder<'static>> = OnceLock::new();
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
    for i in memchr::memchr3_iter(b';', b'-', 0xE2, b) {
        match b.get(i) {
            Some(b';') => push(0, i, out),
            Some(b'-') if i > 0 => push(2, i - 1, out),
            Some(0xE2) if i > 0 => {
                push(1, i - 1, out);
                push(3, i - 1, out);
            }
            _ => {}
        }
    }
    for i in WH.get_or_init(|| memmem::Finder::new("wh")).find_iter(b) {
        if i > 1 {
            push(4, i - 2, out);
            push(5, i - 2, out);
        }
        if i > 0 {
            push(6, i - 1, out);
        }
    }
    for i in AND_THAT
        .get_or_init(|| memmem::Finder::new(" and that "))
        .find_iter(b)
    {
        push(7, i, out);
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

/// Words after "border" that make "the X border ..." a place of its own, where harm can
/// happen ("the Taba border crossing", "a border town").
const BORDER_PLACES: &[&str] = &[
    "crossing",
    "crossings",
    "town",
    "towns",
    "city",
    "village",
    "villages",
    "post",
    "posts",
    "checkpoint",
    "gate",
    "point",
];

/// Whether the words right after a mention make it a border's name: "near the Ecuador
/// border", "across the Syrian border into", "along the Afghan borders". A border says
/// where something is from a country, not that the harm happened in it (which side, the
/// words do not say): a reference point. Not "the Taba border crossing" ([`BORDER_PLACES`]).
fn names_a_border(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix(" border")
        .map(|t| t.strip_prefix('s').unwrap_or(t))
    else {
        return false;
    };
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return false; // "borderline", "bordered"
    }
    let next = rest
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !is_any(next, BORDER_PLACES)
}

/// The role the words around a mention give it: 0 the harm's place ("in", "at", "near"),
/// 2 a reference point or origin ("north of", "from", "to", "the X border"), 3 a form like "US-led" or
/// "Saudi-backed" (never the harm's place: "killed in strikes by a Saudi-led coalition"
/// happened where the strikes fell), 1 otherwise.
fn role(text: &str, span: &Range<usize>) -> i32 {
    let [w0, w1] = words_before(text, span.start);
    let after = text.get(span.end..).unwrap_or("");
    if after.starts_with("-led") || after.starts_with("-backed") || after.starts_with("-based") {
        return 3;
    }
    if names_a_border(after) {
        return 2;
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
        // An apposition that names the place the words before describe: "the worst-hit
        // city was its capital, Muzaffarabad, where 11,000 died". (Not "30 km west of the
        // Somali capital, Mogadishu", a reference point; nor "in the heart of the
        // provincial capital, Kandahar" after a count of the whole province.)
        || w0.eq_ignore_ascii_case("capital,") && is_any(w1, &["its", "their"])
    {
        return 0;
    }
    1
}

/// How many sentences the paragraph rules look back or ahead.
const PARAGRAPH_LOOK: usize = 4;

/// How many sentences a count that opens the story (no place named before it) looks ahead
/// for its place.
const OPENING_LOOK: usize = 6;

/// Whether `text[from..to]` holds a blank line (a paragraph break).
fn blank_line(text: &str, from: usize, to: usize) -> bool {
    let Some(t) = text.get(from..to) else {
        return false;
    };
    let mut newlines = 0;
    for c in t.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            newlines = 0;
        }
    }
    false
}

/// Whether a paragraph ends between two sentences (a blank line from the end of the
/// first one's words to the start of the second one's).
fn paragraph_break(text: &str, prev: &Range<usize>, next: &Range<usize>) -> bool {
    let end = text
        .get(prev.clone())
        .map_or(prev.end, |t| prev.start + t.trim_end().len());
    let start = text
        .get(next.clone())
        .map_or(next.start, |t| next.end - t.trim_start().len());
    blank_line(text, end.min(start), start)
}

/// A wire-service dateline: the place opens the text, and its line goes on to an agency in
/// brackets and a dash ("TOWNVILLE, 3 May (Agency) -- ...", "TOWNVILLE (Agency) - ...").
fn is_wire_dateline(text: &str, span: &Range<usize>) -> bool {
    if !text.get(..span.start).is_some_and(|t| t.trim().is_empty()) {
        return false;
    }
    let rest = text.get(span.end..).unwrap_or("");
    let line = rest.split('\n').next().unwrap_or("");
    let Some(open) = line.find('(') else {
        return false;
    };
    // Only a short date may stand between the place and the agency.
    if open > 30 {
        return false;
    }
    let Some(close) = line.get(open..).and_then(|t| t.find(')')) else {
        return false;
    };
    line.get(open + close + 1..)
        .map(str::trim_start)
        .is_some_and(|t| t.starts_with('-') || t.starts_with('—') || t.starts_with('–'))
}

/// Whether a place mention is a heading: the whole of its line, perhaps with a colon
/// ("MYANMAR", "Gaza Strip:"), in a text of several lines.
///
/// Reads only the white space (and colons) beside the mention, never the rest of its line: a
/// long one-line text costs no more per mention.
pub fn is_heading(text: &str, span: &Range<usize>) -> bool {
    let blank = |c: char| c != '\n' && c.is_whitespace();
    // Only white space back to a line break (not the text's start).
    let before = text.get(..span.start).unwrap_or("");
    let opens_line = before.trim_end_matches(blank).ends_with('\n');
    // Then white space, colons, white space and a line break.
    let after = text.get(span.end..).unwrap_or("");
    let closes_line = after
        .trim_start_matches(blank)
        .trim_start_matches(':')
        .trim_start_matches(blank)
        .starts_with('\n');
    opens_line && closes_line
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
            let r = if p.kind == PlaceKind::Country && attributive(text, m) {
                3
            } else {
                role(text, m)
            };
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
    let first = cands
        .iter()
        .position(|c| c.span.start < 200 && doc.sentence_of(c.span.start) == 0 && c.role < 3);
    let dateline = first.and_then(|i| cands.get(i)).map(|c| c.place);
    // A wire-service dateline is where the report was filed, not where the harm happened:
    // it is no mention of the harm's place, only the last resort.
    let wire = first
        .and_then(|i| cands.get(i))
        .is_some_and(|c| is_wire_dateline(text, &c.span));
    if wire {
        if let Some(i) = first {
            cands.remove(i);
        }
    }
    // The country the story happens in, as a place it names: the dateline's, else the
    // country the story names most.
    let country_place = |code: Option<&str>| {
        places.iter().position(|p| {
            p.kind == PlaceKind::Country && code.is_some() && p.country.as_deref() == code
        })
    };
    let story_country = dateline
        .and_then(|d| country_place(places.get(d).and_then(|p| p.country.as_deref())))
        .or_else(|| {
            places
                .iter()
                .enumerate()
                .filter(|(_, p)| p.kind == PlaceKind::Country)
                .max_by_key(|(_, p)| p.mentions.len())
                .map(|(i, _)| i)
        });

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
            // A heading that names a place opens a new section: what came before it is
            // another story ("MYANMAR" after a section on floods in Assam).
            if is_heading(text, &c.span) {
                running.iter_mut().for_each(|e| *e = (0, 0));
                best = None;
            }
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

    // Whether a clause tells a national toll, read once for the figures of one clause.
    let mut national_memo: Option<(Range<usize>, bool)> = None;
    let mut national = |cl: &Range<usize>| match &national_memo {
        Some((r, yes)) if r == cl => *yes,
        _ => {
            let yes = scope::is_national(text, doc.tokens(), cl.clone());
            national_memo = Some((cl.clone(), yes));
            yes
        }
    };
    figures
        .iter()
        .zip(&story)
        .map(|(f, story)| -> Option<usize> {
            let at = f.span.start;
            let si = doc.sentence_of(at);
            let sent = doc.sentences.get(si).cloned().unwrap_or(0..0);
            let b0 = breaks.partition_point(|b| b.start < sent.start);
            let b1 = b0 + breaks[b0..].partition_point(|b| b.start < sent.end);
            let cl = clause(&sent, &breaks[b0..b1], at);
            let best_in = |r: &Range<usize>, max_role: i32| {
                let from = cands.partition_point(|c| c.span.start < r.start);
                cands[from..]
                    .iter()
                    .take_while(|c| c.span.start < r.end)
                    .filter(|c| c.span.end <= r.end && c.role <= max_role)
                    .min_by_key(|c| (c.rank, c.span.start.abs_diff(at)))
                    .map(|c| c.place)
            };
            if let Some(p) = best_in(&cl, 2) {
                return Some(p);
            }
            // A toll of the whole country over a period ("since 1980", "the bloodiest
            // month"), with no place of its own: the country. (Where the sentence names no
            // place at all its breaks are not looked for: the clause is the sentence.)
            if story_country.is_some() && national(&cl) {
                return story_country;
            }
            if let Some(p) = best_in(&sent, 2) {
                return Some(p);
            }
            // The paragraph so far: the latest sentence before with a figure that names
            // where harm happened (the same incident goes on).
            let mut j = si;
            while j > 0 && si - j < PARAGRAPH_LOOK {
                let (Some(prev), Some(next)) = (doc.sentences.get(j - 1), doc.sentences.get(j))
                else {
                    break;
                };
                if paragraph_break(text, prev, next) {
                    break;
                }
                // Only a sentence that reports harm itself (holds a figure) carries its
                // place on: a list of places around a story is no incident.
                if sents.binary_search(&(j - 1)).is_ok() {
                    if let Some(p) = best_in(prev, 1) {
                        return Some(p);
                    }
                }
                j -= 1;
            }
            if story.is_some() {
                return *story;
            }
            // Nothing named before: the story may name the harm's place just after
            // ("20 were hurt in a blast. The bomb went off in a market in A."), within the
            // paragraph, as the place where something happened ("in", "at").
            for k in si + 1..(si + 1 + PARAGRAPH_LOOK).min(doc.sentences.len()) {
                let (Some(prev), Some(next)) = (doc.sentences.get(k - 1), doc.sentences.get(k))
                else {
                    break;
                };
                // A sentence with counts of its own reports another incident.
                if paragraph_break(text, prev, next) || sents.binary_search(&k).is_ok() {
                    break;
                }
                if let Some(p) = best_in(next, 0) {
                    return Some(p);
                }
            }
            // The opening of a story (no place named before at all): a headline or lede's
            // count is the incident that the next sentences place, across paragraphs and
            // their own counts ("Blast kills 12" / "A car bomb killed 12 people in the
            // northern town of A on Friday").
            // (Not in a wire story: there the dateline's country is the fallback.)
            for k in si + 1..(si + 1 + OPENING_LOOK).min(doc.sentences.len()) {
                if wire {
                    break;
                }
                if let Some(p) = doc.sentences.get(k).and_then(|next| best_in(next, 1)) {
                    return Some(p);
                }
            }
            if wire {
                story_country.or(dateline)
            } else {
                dateline
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{Category, Qualifier};

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
            candidates: Vec::new(),
            why: None,
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
            implicit: false,
            rule: crate::figures::rule::Rule::of(crate::figures::rule::Construction::Given),
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
    fn a_headline_takes_the_place_the_story_gives_next() {
        let text = "Bomb kills 9 at wedding\n\nA bomb killed 9 guests on Saturday, police \
                    said.\n\nThe blast tore through a hall in Oldtown, where 30 were hurt.";
        let places = vec![place("Oldtown", PlaceKind::City, text)];
        assert_eq!(links(text, &places, &["9 at"]), vec![Some(0)]);
        // Counter-example: a "-led" form is never where the harm happened.
        let text = "Air strikes by a Ruritania-led coalition killed 14 people.";
        let places = vec![country("Ruritania", "RU", text)];
        assert_eq!(links(text, &places, &["14"]), vec![None]);
    }

    #[test]
    fn its_capital_names_the_place_it_describes() {
        let text = "The worst-hit city in Ruritania Province was its capital, Oldtown, where \
                    70 died.";
        let places = vec![
            place("Ruritania Province", PlaceKind::Admin1, text),
            place("Oldtown", PlaceKind::City, text),
        ];
        assert_eq!(links(text, &places, &["70"]), vec![Some(1)]);
        // Counter-example: "of the ... capital, X" after a distance is a reference point.
        let text = "Gunmen killed 8 in Smallville, 30 km west of the Ruritanian capital, \
                    Oldtown.";
        let places = vec![
            place("Smallville", PlaceKind::City, text),
            place("Oldtown", PlaceKind::City, text),
        ];
        assert_eq!(links(text, &places, &["8"]), vec![Some(0)]);
    }

    #[test]
    fn a_country_that_qualifies_people_or_arms_is_not_where() {
        let text = "Ruritania drones killed 12 people on Monday.";
        let places = vec![country("Ruritania", "RU", text)];
        assert_eq!(links(text, &places, &["12"]), vec![None]);
        // Capitalised, and its arms: "Ruritania Army personnel", "a Ruritania missile".
        let text = "Four Ruritania Army personnel and 5 guards were killed in Borduria.";
        let places = vec![
            country("Ruritania", "RU", text),
            country("Borduria", "BO", text),
        ];
        assert_eq!(links(text, &places, &["5"]), vec![Some(1)]);
        let text = "A Ruritania missile strike killed 5 militants on Tuesday.";
        let places = vec![country("Ruritania", "RU", text)];
        assert_eq!(links(text, &places, &["5"]), vec![None]);
        // Counter-example: the country where the harm happened.
        let text = "Shelling killed 12 people in Ruritania on Monday.";
        let places = vec![country("Ruritania", "RU", text)];
        assert_eq!(links(text, &places, &["12"]), vec![Some(0)]);
    }

    #[test]
    fn a_heading_is_a_place_alone_on_its_line() {
        let at = |text: &str, name: &str| {
            let i = text.find(name).unwrap_or(0);
            is_heading(text, &(i..i + name.len()))
        };
        assert!(at("Floods\n\nMYANMAR\n\nRains fell.", "MYANMAR"));
        assert!(at("Floods\n  Gaza Strip : \nRains fell.", "Gaza Strip"));
        // Counter-examples: words beside it, the text's first or last line.
        assert!(!at("Floods\nRains in Myanmar\nMore.", "Myanmar"));
        assert!(!at("MYANMAR\nRains fell.", "MYANMAR"));
        assert!(!at("Rains fell.\nMYANMAR", "MYANMAR"));
        assert!(!at("Floods\nMYANMAR: : x\nMore.", "MYANMAR"));
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

    fn country(name: &str, code: &str, text: &str) -> ResolvedPlace {
        let mut p = place(name, PlaceKind::Country, text);
        p.country = Some(code.into());
        p
    }

    fn city_in(name: &str, code: &str, text: &str) -> ResolvedPlace {
        let mut p = place(name, PlaceKind::City, text);
        p.country = Some(code.into());
        p
    }

    fn links(text: &str, places: &[ResolvedPlace], numbers: &[&str]) -> Vec<Option<usize>> {
        let doc = Document::new(text);
        let figs: Vec<RawFigure> = numbers.iter().map(|n| figure(text, n)).collect();
        link_places(&doc, &figs, places)
    }

    #[test]
    fn clause_breaks_match_the_substring_searches() {
        let text = "A -- -- B; C, while D — E and that F";
        let sent = 0..text.len();
        let mut out = Vec::new();
        breaks_in(text, &sent, &mut out);
        let got: Vec<&str> = out.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            got,
            vec![" -- ", ";", ", while ", " while ", " — ", " and that "]
        );
    }

    #[test]
    fn two_reported_statements_are_two_clauses() {
        let text = "Officials said seven soldiers died at the edge of Westland and that \
                    three rebels died in Oldtown.";
        let places = vec![
            place("Westland", PlaceKind::Admin1, text),
            place("Oldtown", PlaceKind::City, text),
        ];
        assert_eq!(
            links(text, &places, &["seven", "three"]),
            vec![Some(0), Some(1)]
        );
        // Counter-example: one statement is one clause, the most specific place wins.
        let text = "Officials said seven soldiers died in Westland, in Oldtown.";
        let places = vec![
            place("Westland", PlaceKind::Admin1, text),
            place("Oldtown", PlaceKind::City, text),
        ];
        assert_eq!(links(text, &places, &["seven"]), vec![Some(1)]);
    }

    #[test]
    fn wire_datelines_are_recognised() {
        let t = "PORTVILLE, 3 May (Wirepress) -- Gunmen shot four guards.";
        assert!(is_wire_dateline(t, &(0..9)));
        let t = "  Portville (Newsdesk) - Gunmen shot four guards.";
        assert!(is_wire_dateline(t, &(2..11)));
        // Not a dateline: a headline, or a place in running text.
        let t = "Portville mourns four guards (photos)";
        assert!(!is_wire_dateline(t, &(0..9)));
        let t = "Gunmen in Portville (a port) -- four died.";
        assert!(!is_wire_dateline(t, &(10..19)));
    }

    #[test]
    fn a_border_is_a_reference_point() {
        assert!(names_a_border(" border, killing three"));
        assert!(names_a_border(" borders."));
        assert!(names_a_border(" border into the north"));
        assert!(!names_a_border(" border crossing in the south"));
        assert!(!names_a_border(" border town of Hillcrest"));
        assert!(!names_a_border(" borderline case"));
        assert!(!names_a_border(""));
        // The country of the story, not the one whose border it is (our own wording).
        let text = "Ostland's army says gunmen attacked a post in the north near the \
                    Westmark border, killing three soldiers.";
        let places = vec![
            place("Ostland", PlaceKind::Country, text),
            place("Westmark", PlaceKind::Country, text),
        ];
        assert_eq!(links(text, &places, &["three"]), vec![Some(0)]);
        // Counter-example: a border crossing is a place where harm happens.
        let text = "A bomb went off as a bus passed the Westmark border crossing, killing \
                    three tourists. Ostland condemned it.";
        assert_eq!(links(text, &places, &["three"]), vec![Some(1)]);
    }

    #[test]
    fn a_wire_dateline_gives_way_to_the_place_named_next() {
        let text = "PORTVILLE, 3 May (Wirepress) -- Fourteen passengers were hurt when a \
                    bus caught fire. The fire broke out at Hillcrest, a mining village.";
        let places = vec![
            place("PORTVILLE", PlaceKind::City, text),
            place("Hillcrest", PlaceKind::City, text),
        ];
        assert_eq!(links(text, &places, &["Fourteen"]), vec![Some(1)]);
        // Counter-example: the dateline town named again as the harm's place.
        let text = "PORTVILLE, 3 May (Wirepress) -- Fourteen passengers were hurt in \
                    PORTVILLE when a bus caught fire. Hillcrest sent doctors.";
        assert_eq!(links(text, &places, &["Fourteen"]), vec![Some(0)]);
        // Counter-example: a sentence with its own count is another incident.
        let text = "PORTVILLE, 3 May (Wirepress) -- Fourteen passengers were hurt when a \
                    bus caught fire. A blast killed two at Hillcrest.";
        assert_eq!(
            links(text, &places, &["Fourteen", "two"]),
            vec![Some(0), Some(1)]
        );
    }

    #[test]
    fn a_wire_story_with_no_place_for_the_harm_gets_the_country() {
        let text = "BIGTOWN, 9 June (Wirepress) -- A rebel offensive left eleven soldiers \
                    dead.\n\nThe army of Ruritania vowed to respond.";
        let places = vec![
            city_in("BIGTOWN", "RR", text),
            country("Ruritania", "RR", text),
        ];
        assert_eq!(links(text, &places, &["eleven"]), vec![Some(1)]);
        // Counter-example: an ordinary dateline (no agency) stays the place.
        let text = "BIGTOWN -- A rebel offensive left eleven soldiers dead.\n\nThe army of \
                    Ruritania vowed to respond.";
        let places = vec![
            city_in("BIGTOWN", "RR", text),
            country("Ruritania", "RR", text),
        ];
        assert_eq!(links(text, &places, &["eleven"]), vec![Some(0)]);
    }

    #[test]
    fn a_national_toll_goes_to_the_country() {
        let text = "A bomb hit Lakeside in Ruritania. Lakeside is calm.\n\nThe conflict \
                    has cost some 4,000 lives since 1991.";
        let places = vec![
            city_in("Lakeside", "RR", text),
            country("Ruritania", "RR", text),
        ];
        assert_eq!(links(text, &places, &["4,000"]), vec![Some(1)]);
        // Counter-example: a toll since the day of one attack stays with the story.
        let text = "A bomb hit Lakeside in Ruritania. Lakeside is calm.\n\nThe toll has \
                    risen to 31 since Monday's blast.";
        assert_eq!(links(text, &places, &["31"]), vec![Some(0)]);
    }

    #[test]
    fn the_paragraph_goes_on_with_the_last_reported_incident() {
        let text = "Westland is tense. Westland police are on alert.\n\nIn Westland, gunmen \
                    killed five farmers in Oldtown. Another two bodies were found later.";
        let places = vec![
            place("Westland", PlaceKind::Admin1, text),
            place("Oldtown", PlaceKind::City, text),
        ];
        assert_eq!(
            links(text, &places, &["five", "two"]),
            vec![Some(1), Some(1)]
        );
        // Counter-example: a sentence that only lists places reports no incident.
        let text = "Westland is tense. Westland police are on alert.\n\nRallies were held \
                    in Oldtown and Newbury. Another two protesters were detained later.";
        let places = vec![
            place("Westland", PlaceKind::Admin1, text),
            place("Oldtown", PlaceKind::City, text),
            place("Newbury", PlaceKind::City, text),
        ];
        assert_eq!(links(text, &places, &["two"]), vec![Some(0)]);
    }
}
