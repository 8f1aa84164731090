//! The app's data: documents, reviewer corrections, and the corrected ("effective") report the
//! views and every export use. Pure logic, no browser calls.

use crate::figures::bounds::bounds;
use crate::report::model::{
    Candidate, Category, DocumentReport, Figure, Incident, Place, PlaceKind, Qualifier, Report,
    Span,
};
use crate::report::regroup::regroup;
use crate::Policy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The article's headline, where the text starts with one: a first line of 3 to 140
/// characters that does not end a sentence, followed by more text.
pub fn headline(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
    let first = lines.next()?;
    let n = first.chars().count();
    let rest = lines.any(|l| !l.is_empty());
    (rest && (3..=140).contains(&n) && !first.ends_with(['.', ',', ';', ':']))
        .then(|| first.to_string())
}

/// Where a document is in its processing.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Sent to the worker, no result yet.
    Reading,
    /// Extracted.
    Done,
    /// Could not be read; the reason.
    Failed(String),
}

/// One input document.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// Stable id (also the IndexedDB key).
    pub id: u32,
    /// File name or given name.
    pub name: String,
    /// Decoded text (empty until the worker has read a dropped file).
    pub text: Rc<str>,
    /// Processing state.
    pub status: Status,
    /// The extractor's report, untouched.
    pub raw: Option<Rc<DocumentReport>>,
    /// The report with the reviewer's corrections applied.
    pub eff: Option<Rc<DocumentReport>>,
    /// Review state and origin of each figure of `eff`.
    pub review: Rc<Vec<FigState>>,
    /// For a PDF, the code point offset where each page starts (empty otherwise).
    pub pages: Rc<Vec<usize>>,
}

/// The documents, compared by pointer so unchanged lists skip re-rendering.
#[derive(Clone, Default)]
pub struct Docs(pub Rc<Vec<Rc<Doc>>>);

impl PartialEq for Docs {
    fn eq(&self, other: &Docs) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Doc {
    /// A document waiting for its result.
    pub fn new(id: u32, name: String, text: Rc<str>) -> Doc {
        Doc {
            id,
            name,
            text,
            status: Status::Reading,
            raw: None,
            eff: None,
            review: Rc::new(Vec::new()),
            pages: Rc::new(Vec::new()),
        }
    }

    /// The 1-based page of a code point offset (None for documents without pages).
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        crate::text::pdf::page_of(&self.pages, offset)
    }
}

/// A figure's review state and where it came from (how a correction finds it again).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigState {
    /// What the reviewer said.
    pub verdict: Verdict,
    /// Code point start as extracted (or added).
    pub start: usize,
    /// Code point end.
    pub end: usize,
    /// The extractor's category (for added figures, the reviewer's).
    pub category: Category,
    /// When the reviewer said it (ms since the Unix epoch), if they did.
    pub at: Option<f64>,
}

/// What the reviewer said about a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Not reviewed.
    Unreviewed,
    /// Confirmed as extracted.
    Accepted,
    /// Changed by the reviewer.
    Edited,
    /// Added by the reviewer (the extractor missed it).
    Added,
    /// Rejected by the reviewer: listed (struck through), never counted or published.
    Rejected,
}

impl Verdict {
    /// The review state as exports name it ("machine" for a figure nobody reviewed).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Unreviewed => "machine",
            Verdict::Accepted => "accepted",
            Verdict::Edited => "edited",
            Verdict::Added => "added",
            Verdict::Rejected => "rejected",
        }
    }

    /// Every state, for filters.
    pub const ALL: [Verdict; 5] = [
        Verdict::Unreviewed,
        Verdict::Accepted,
        Verdict::Edited,
        Verdict::Added,
        Verdict::Rejected,
    ];

    /// Parses [`Verdict::as_str`].
    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The reviewer's version of a figure's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// Kind of harm.
    pub category: Category,
    /// Stated number (low end of a range).
    pub value: u64,
    /// High end, for ranges and vague words.
    pub max: Option<u64>,
    /// How the number bounds the truth.
    pub qualifier: Qualifier,
    /// Place name, or none.
    pub place: Option<String>,
}

/// A correction of one extracted figure, found again by its span and original category.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Review {
    /// Code point start of the figure.
    pub start: usize,
    /// Code point end.
    pub end: usize,
    /// The category the extractor gave.
    pub category: Category,
    /// Accepted, rejected (`None` edit and `rejected`), or edited.
    pub rejected: bool,
    /// The reviewer's fields; `None` means accepted (or rejected) as is.
    pub edit: Option<Edit>,
    /// When (ms since the Unix epoch; absent in corrections saved before it was kept).
    #[serde(default)]
    pub at: Option<f64>,
}

impl PartialEq for Review {
    /// The same decision, whenever it was taken (so a repeated click changes nothing).
    fn eq(&self, o: &Review) -> bool {
        (
            self.start,
            self.end,
            self.category,
            self.rejected,
            &self.edit,
        ) == (o.start, o.end, o.category, o.rejected, &o.edit)
    }
}

/// A figure the reviewer added.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Added {
    /// Code point start.
    pub start: usize,
    /// Code point end.
    pub end: usize,
    /// Its fields.
    pub edit: Edit,
    /// When (ms since the Unix epoch).
    #[serde(default)]
    pub at: Option<f64>,
}

impl PartialEq for Added {
    /// The same figure, whenever it was added.
    fn eq(&self, o: &Added) -> bool {
        (self.start, self.end, &self.edit) == (o.start, o.end, &o.edit)
    }
}

/// A figure as corrections find it again: its span and its original category (for added
/// figures, the reviewer's), as in [`FigState`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigKey {
    /// Code point start.
    pub start: usize,
    /// Code point end.
    pub end: usize,
    /// Original category.
    pub category: Category,
}

impl FigKey {
    /// The key of a figure's review state.
    pub fn of(s: &FigState) -> FigKey {
        FigKey {
            start: s.start,
            end: s.end,
            category: s.category,
        }
    }
}

/// A reviewer's change to which figures make one incident (split and merge), applied in order
/// after the figure corrections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum IncidentEdit {
    /// Move figure `fig` into the incident of figure `with`, or (None) into a new incident of
    /// its own (a split). A background figure moved so is counted.
    Move {
        /// The figure moved.
        fig: FigKey,
        /// A figure of the incident it joins.
        with: Option<FigKey>,
    },
    /// Merge the incident of figure `from` into the incident of figure `into`.
    Merge {
        /// A figure of the incident merged away.
        from: FigKey,
        /// A figure of the incident that stays.
        into: FigKey,
    },
}

/// A reader's choice of another reading of a place name; it applies to every mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceChoice {
    /// The place's name as the extractor resolved it (its `name` in the raw report).
    pub machine: String,
    /// The reading chosen instead (one of the place's candidates).
    pub chosen: Candidate,
    /// When (ms since the Unix epoch).
    pub at: Option<f64>,
}

/// Every correction of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocCorrections {
    /// Reviews of extracted figures.
    pub reviews: Vec<Review>,
    /// Figures added by hand.
    pub added: Vec<Added>,
    /// Incident splits and merges, in the order they were made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<IncidentEdit>,
    /// Other readings chosen for place names.
    #[serde(default)]
    pub places: Vec<PlaceChoice>,
    /// The reader's country hint for the document (ISO alpha-2): the worker re-reads the
    /// document preferring places there (`Options::country`).
    #[serde(default)]
    pub country: Option<String>,
}

impl DocCorrections {
    /// True when there is nothing to apply to the extractor's report (the country hint is
    /// applied by the extractor itself).
    pub fn is_empty(&self) -> bool {
        self.reviews.is_empty()
            && self.added.is_empty()
            && self.incidents.is_empty()
            && self.places.is_empty()
    }

    /// Sets (replacing) the reading of the place the extractor named `choice.machine`.
    pub fn choose_place(&mut self, choice: PlaceChoice) {
        self.places.retain(|c| c.machine != choice.machine);
        self.places.push(choice);
    }

    /// Sets (replacing) the review of the figure at `start..end` with original `category`.
    pub fn set_review(&mut self, review: Review) {
        self.reviews.retain(|r| {
            !(r.start == review.start && r.end == review.end && r.category == review.category)
        });
        self.reviews.push(review);
    }

    /// Drops the review of the figure at `start..end` with original `category` (back to the
    /// machine's reading).
    pub fn clear_review(&mut self, start: usize, end: usize, category: Category) {
        self.reviews
            .retain(|r| !(r.start == start && r.end == end && r.category == category));
    }
}

/// Corrections of all documents, by document name (names survive re-extraction and reloads).
pub type Corrections = BTreeMap<String, DocCorrections>;

fn text_of(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn place_index(places: &mut Vec<Place>, name: &str) -> usize {
    if let Some(i) = places.iter().position(|p| p.name == name) {
        return i;
    }
    places.push(Place {
        name: name.to_string(),
        country: None,
        admin1: None,
        kind: PlaceKind::Other,
        lat: None,
        lon: None,
        geonames_id: None,
        candidates: Vec::new(),
        why: None,
        mentions: Vec::new(),
    });
    places.len() - 1
}

fn apply_edit(f: &mut Figure, e: &Edit, places: &mut Vec<Place>, policy: Policy) {
    f.category = e.category;
    f.value = e.value;
    f.qualifier = e.qualifier;
    let (min, max) = bounds(e.value, e.qualifier, e.max, policy);
    f.min = min;
    f.max = max;
    f.place = e
        .place
        .as_deref()
        .filter(|p| !p.trim().is_empty())
        .map(|p| place_index(places, p.trim()));
}

/// The sentence (code points) around code point `start`, as the core cuts sentences
/// ([`crate::text::sentences::around`]): the sentence the report gives a figure found there.
fn sentence_around(text: &str, start: usize) -> Span {
    let r = crate::text::sentences::around(text, byte_range(text, start, start).start);
    let idx = crate::text::offsets::CharIndex::new(text);
    Span {
        start: idx.char_offset(r.start),
        end: idx.char_offset(r.end),
        text: text.get(r).unwrap_or("").to_string(),
    }
}

/// Applies corrections to a report: edits replace fields, added figures join in text order,
/// rejected figures stay listed but count nowhere; indices (`part_of`, totals) are remapped and
/// totals recomputed with the core's rule over the figures not rejected. Returns the report and
/// each figure's review state ([`published`] drops the rejected ones).
pub fn apply(
    raw: &DocumentReport,
    text: &str,
    corr: Option<&DocCorrections>,
    policy: Policy,
) -> (DocumentReport, Vec<FigState>) {
    let Some(corr) = corr.filter(|c| !c.is_empty()) else {
        return (raw.clone(), unreviewed(raw));
    };
    let mut out = raw.clone();
    let mut places = std::mem::take(&mut out.places);
    // (figure, verdict, original index)
    let mut kept: Vec<(Figure, FigState, Option<usize>)> = Vec::new();
    for (i, f) in raw.figures.iter().enumerate() {
        let review = corr
            .reviews
            .iter()
            .find(|r| r.start == f.start && r.end == f.end && r.category == f.category);
        let key = (f.start, f.end, f.category);
        let mut f = f.clone();
        let verdict = match review {
            Some(r) if r.rejected => Verdict::Rejected,
            Some(Review { edit: Some(e), .. }) => {
                apply_edit(&mut f, e, &mut places, policy);
                Verdict::Edited
            }
            Some(_) => Verdict::Accepted,
            None => Verdict::Unreviewed,
        };
        let state = FigState {
            verdict,
            start: key.0,
            end: key.1,
            category: key.2,
            at: review.and_then(|r| r.at),
        };
        kept.push((f, state, Some(i)));
    }
    for a in &corr.added {
        let mut f = Figure {
            start: a.start,
            end: a.end,
            text: text_of(text, a.start, a.end),
            category: a.edit.category,
            value: a.edit.value,
            qualifier: a.edit.qualifier,
            min: None,
            max: None,
            victims: None,
            trigger: Span {
                start: a.start,
                end: a.start,
                text: String::new(),
            },
            place: None,
            part_of: None,
            confidence: 1.0,
            sentence: sentence_around(text, a.start),
            implicit: false,
            rule: "reviewer: added by hand".to_string(),
        };
        apply_edit(&mut f, &a.edit, &mut places, policy);
        let state = FigState {
            verdict: Verdict::Added,
            start: a.start,
            end: a.end,
            category: a.edit.category,
            at: a.at,
        };
        kept.push((f, state, None));
    }
    kept.sort_by_key(|(f, _, _)| (f.start, f.end));
    // Old index -> new index, for part_of.
    let remap: BTreeMap<usize, usize> = kept
        .iter()
        .enumerate()
        .filter_map(|(new, (_, _, old))| old.map(|o| (o, new)))
        .collect();
    let rejected: Vec<bool> = kept
        .iter()
        .map(|(_, s, _)| s.verdict == Verdict::Rejected)
        .collect();
    for (f, _, _) in kept.iter_mut() {
        // A part of a rejected figure is part of nothing counted.
        f.part_of = f
            .part_of
            .and_then(|p| remap.get(&p).copied())
            .filter(|p| !rejected[*p]);
    }
    // Incidents: each kept figure stays in the extractor's incident (an added figure joins
    // the incident of the figure before it), rejected figures leave theirs; then the
    // reviewer's splits and merges; counts and totals are recomputed by the core's rules.
    // Labels: the extractor's incident indices, then fresh ones above them.
    let mut next = raw.incidents.len().max(kept.len());
    let mut members: Vec<Option<usize>> = Vec::with_capacity(kept.len());
    let mut bg: Vec<bool> = Vec::with_capacity(kept.len());
    for (k, (_, st, old)) in kept.iter().enumerate() {
        let machine = old.and_then(|o| {
            raw.incidents
                .iter()
                .position(|inc| inc.figures.contains(&o))
        });
        let m = match (st.verdict, old) {
            (Verdict::Rejected, _) => None,
            (_, Some(_)) => machine,
            (_, None) => members[..k].iter().rev().find_map(|m| *m).or_else(|| {
                next += 1;
                Some(next)
            }),
        };
        members.push(m);
        bg.push(
            st.verdict != Verdict::Rejected && old.is_some_and(|o| raw.background.contains(&o)),
        );
    }
    let mut templates: BTreeMap<usize, Incident> =
        raw.incidents.iter().cloned().enumerate().collect();
    let keys: Vec<FigKey> = kept.iter().map(|(_, st, _)| FigKey::of(st)).collect();
    let find = |k: &FigKey| keys.iter().position(|x| x == k);
    for e in &corr.incidents {
        match e {
            IncidentEdit::Move { fig, with } => {
                let Some(i) = find(fig).filter(|&i| !rejected[i]) else {
                    continue;
                };
                let target = match with.as_ref().and_then(find) {
                    Some(j) if rejected[j] => continue, // a rejected figure counts nowhere
                    Some(j) if j != i => match members[j] {
                        Some(l) => l,
                        None => {
                            // Joining a figure in no incident: the two make a new one.
                            next += 1;
                            members[j] = Some(next);
                            bg[j] = false;
                            next
                        }
                    },
                    Some(_) => continue,
                    None if with.is_some() => continue,
                    None => {
                        next += 1;
                        if let Some(t) = members[i].and_then(|l| templates.get(&l)).cloned() {
                            templates.insert(next, t);
                        }
                        next
                    }
                };
                members[i] = Some(target);
                bg[i] = false;
            }
            IncidentEdit::Merge { from, into } => {
                let (Some(a), Some(b)) = (find(from), find(into)) else {
                    continue;
                };
                let (Some(la), Some(lb)) = (members[a], members[b]) else {
                    continue;
                };
                for m in members.iter_mut().filter(|m| **m == Some(la)) {
                    *m = Some(lb);
                }
            }
        }
    }
    let background: Vec<usize> = (0..kept.len())
        .filter(|&i| bg[i] && members[i].is_none())
        .collect();
    out.summary = out
        .summary
        .iter()
        .filter_map(|o| remap.get(o).copied())
        .filter(|&i| !rejected[i] && members[i].is_none())
        .collect();
    for choice in &corr.places {
        choose_place(&mut places, choice);
    }
    out.places = places;
    let verdicts = kept.iter().map(|(_, v, _)| *v).collect();
    out.figures = kept.into_iter().map(|(f, _, _)| f).collect();
    regroup(text, &mut out, &members, &templates, background, policy);
    (out, verdicts)
}

/// Gives the place the extractor named `choice.machine` the chosen reading (name, region,
/// country, coordinates, GeoNames id): every mention and linked figure follows, as the
/// figures refer to the place by index. The chosen reading leaves the candidates.
fn choose_place(places: &mut [Place], choice: &PlaceChoice) {
    let Some(p) = places.iter_mut().find(|p| p.name == choice.machine) else {
        return;
    };
    let c = &choice.chosen;
    p.name = c.name.clone();
    p.country = c.country.clone();
    p.admin1 = c.admin1.clone();
    p.kind = c.kind;
    p.lat = c.lat;
    p.lon = c.lon;
    p.geonames_id = c.geonames_id;
    p.candidates
        .retain(|o| o.geonames_id != c.geonames_id || o.name != c.name);
}

/// [`apply`] that shares the extractor's report when there is nothing to apply (no copy: a
/// thousand documents arrive without doubling their memory or their main-thread time).
pub fn effective(
    raw: &Rc<DocumentReport>,
    text: &str,
    corr: Option<&DocCorrections>,
    policy: Policy,
) -> (Rc<DocumentReport>, Vec<FigState>) {
    if corr.is_none_or(|c| c.is_empty()) {
        return (raw.clone(), unreviewed(raw));
    }
    let (eff, states) = apply(raw, text, corr, policy);
    (Rc::new(eff), states)
}

/// Code point range -> byte range of `text` (clamped to the text).
pub fn byte_range(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let at = |cp: usize| {
        text.char_indices()
            .nth(cp)
            .map(|(b, _)| b)
            .unwrap_or(text.len())
    };
    let s = at(start);
    let e = at(end).max(s);
    s..e
}

/// The report of all finished documents, corrections applied and rejected figures dropped
/// ([`published`]), in list order.
pub fn report(docs: &[Rc<Doc>]) -> Report {
    Report::new(
        docs.iter()
            .filter_map(|d| match (&d.status, &d.eff) {
                (Status::Done, Some(r)) => Some(published(r, &d.review).into_owned()),
                (Status::Failed(e), _) => Some(DocumentReport {
                    name: d.name.clone(),
                    date: None,
                    figures: Vec::new(),
                    places: Vec::new(),
                    totals: BTreeMap::new(),
                    incidents: Vec::new(),
                    background: Vec::new(),
                    summary: Vec::new(),
                    text_hash: None,
                    pages: Vec::new(),
                    error: Some(e.clone()),
                }),
                _ => None,
            })
            .collect(),
    )
}

/// A sum of totals: the stated value and the bounds (`None` max = open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sum {
    /// Sum of values.
    pub value: u64,
    /// Sum of lower bounds.
    pub min: u64,
    /// Sum of upper bounds, `None` once any is open.
    pub max: Option<u64>,
    /// How many documents contribute.
    pub docs: usize,
}

impl Default for Sum {
    fn default() -> Sum {
        Sum {
            value: 0,
            min: 0,
            max: Some(0),
            docs: 0,
        }
    }
}

impl Sum {
    fn add(&mut self, value: u64, min: Option<u64>, max: Option<u64>) {
        self.value = self.value.saturating_add(value);
        self.min = self.min.saturating_add(min.unwrap_or(0));
        self.max = match (self.max, max) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            _ => None,
        };
        self.docs += 1;
    }
}

/// Totals across documents: per category, and per (place, category). Built only from each
/// document's `totals` and the figures they list, so parts and repeats are never counted twice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aggregate {
    /// Per category.
    pub by_category: BTreeMap<Category, Sum>,
    /// Per place name then category; figures with no place go under "".
    pub by_place: BTreeMap<String, BTreeMap<Category, Sum>>,
}

/// Adds up the documents' totals.
pub fn aggregate(reports: &[&DocumentReport]) -> Aggregate {
    let mut agg = Aggregate::default();
    for r in reports {
        for (cat, t) in &r.totals {
            agg.by_category
                .entry(*cat)
                .or_default()
                .add(t.value, t.min, t.max);
            for &fi in &t.figures {
                let Some(f) = r.figures.get(fi) else {
                    continue;
                };
                let place = f
                    .place
                    .and_then(|p| r.places.get(p))
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                agg.by_place
                    .entry(place)
                    .or_default()
                    .entry(*cat)
                    .or_default()
                    .add(f.value, f.min, f.max);
            }
        }
    }
    agg
}

/// "12", "12–15", "12+" for a value and bounds.
pub fn bounds_text(min: Option<u64>, max: Option<u64>) -> String {
    let t = super::thousands;
    match (min, max) {
        (Some(a), Some(b)) if a == b => t(a),
        (Some(a), Some(b)) => format!("{}–{}", t(a), t(b)),
        (Some(a), None) => format!("{} or more", t(a)),
        (None, Some(b)) => format!("up to {}", t(b)),
        (None, None) => "unknown".to_string(),
    }
}

/// Human name of a qualifier.
pub fn qualifier_label(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::About => "about",
        Qualifier::AtLeast => "at least",
        Qualifier::MoreThan => "more than",
        Qualifier::AtMost => "at most",
        Qualifier::LessThan => "less than",
        Qualifier::Range => "range",
        Qualifier::Vague => "vague",
    }
}

/// Every qualifier, for pickers.
pub const QUALIFIERS: [Qualifier; 8] = [
    Qualifier::Exact,
    Qualifier::About,
    Qualifier::AtLeast,
    Qualifier::MoreThan,
    Qualifier::AtMost,
    Qualifier::LessThan,
    Qualifier::Range,
    Qualifier::Vague,
];

/// Parses a qualifier's report name.
pub fn parse_qualifier(s: &str) -> Option<Qualifier> {
    QUALIFIERS.into_iter().find(|q| q.as_str() == s)
}

/// Every figure of a report as extracted, with nothing reviewed yet.
fn unreviewed(report: &DocumentReport) -> Vec<FigState> {
    report
        .figures
        .iter()
        .map(|f| FigState {
            verdict: Verdict::Unreviewed,
            start: f.start,
            end: f.end,
            category: f.category,
            at: None,
        })
        .collect()
}

/// The report as published (map, HTML, Markdown, GeoJSON): rejected figures dropped, `part_of`
/// and totals indices remapped. Borrows when nothing is rejected.
pub fn published<'a>(
    r: &'a DocumentReport,
    states: &[FigState],
) -> std::borrow::Cow<'a, DocumentReport> {
    let gone = |i: usize| {
        states
            .get(i)
            .is_some_and(|s| s.verdict == Verdict::Rejected)
    };
    if !(0..r.figures.len()).any(gone) {
        return std::borrow::Cow::Borrowed(r);
    }
    let mut map = vec![None; r.figures.len()];
    let mut next = 0;
    for (i, m) in map.iter_mut().enumerate() {
        if !gone(i) {
            *m = Some(next);
            next += 1;
        }
    }
    let mut out = r.clone();
    out.figures = r
        .figures
        .iter()
        .enumerate()
        .filter(|(i, _)| !gone(*i))
        .map(|(_, f)| {
            let mut f = f.clone();
            f.part_of = f.part_of.and_then(|p| map.get(p).copied().flatten());
            f
        })
        .collect();
    let keep = |v: &[usize]| -> Vec<usize> {
        v.iter()
            .filter_map(|i| map.get(*i).copied().flatten())
            .collect()
    };
    for t in out.totals.values_mut() {
        t.figures = keep(&t.figures);
    }
    for inc in &mut out.incidents {
        inc.figures = keep(&inc.figures);
        for t in inc.totals.values_mut() {
            t.figures = keep(&t.figures);
        }
    }
    out.background = keep(&out.background);
    out.summary = keep(&out.summary);
    std::borrow::Cow::Owned(out)
}

/// Review progress of a document: (figures reviewed, figures). Added figures count as
/// reviewed; rejected ones too (a decision was taken).
pub fn progress(states: &[FigState]) -> (usize, usize) {
    let done = states
        .iter()
        .filter(|s| s.verdict != Verdict::Unreviewed)
        .count();
    (done, states.len())
}

/// A total as a value and bounds that never contradict each other: the value shown is the
/// stated sum clamped into its bounds ("more than 200" sums to 200 but is at least 201).
pub fn total_text(value: u64, min: u64, max: Option<u64>) -> String {
    let t = super::thousands;
    let v = value.max(min).min(max.unwrap_or(u64::MAX));
    match max {
        Some(m) if m == min => t(v),
        Some(m) => format!("{} ({}–{})", t(v), t(min), t(m)),
        None if v == min => format!("at least {}", t(min)),
        None => format!("{} (at least {})", t(v), t(min)),
    }
}
