//! Figures -> incidents within one document (GUIDELINES.md "Incidents and document totals").
//!
//! In text order, each incident figure joins an incident:
//! * a part joins the incident of its whole;
//! * a figure whose sentence names its place joins the incident at a compatible place (the
//!   same place, a place within it, a place that holds it, within [`NEAR_KM`]); a place apart
//!   from every incident opens a new incident ("separate attacks in separate towns"), where
//!   the place is trustworthy ([`opens_incident`]);
//! * a figure with no place of its own goes on with the incident told last, unless a heading
//!   that names a place stands between them (a situation report's "MYANMAR" section);
//! * arrests told on their own after a deadly event are an incident of their own (a wave of
//!   arrests).
//!
//! Then each incident's count per category is read from its statements ([`count`]), its
//! place is the most specific one of its figures, its date the first its sentences give.

use super::background::Role;
use super::count::{count, Geo, Stmt};
use super::dates::{sentence_date, Date, Precision};
use super::link::is_heading;
use crate::figures::RawFigure;
use crate::places::{specificity, ResolvedPlace};
use crate::text::phrases::Phrases;
use crate::text::Document;
use crate::vocab::{Category, PlaceKind, Total};
use crate::Policy;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Words that make a sentence tell another event than the one before ("in a separate
/// attack", "a second blast", "an earlier raid").
static ANOTHER: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new([
        "another",
        "separate",
        "separately",
        "second",
        "earlier",
        "previous",
    ])
});

/// The automaton of [`SINGLE_EVENTS`].
static SINGLE_EVENT_WORDS: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::new(SINGLE_EVENTS.iter().map(|r| r.0)));

/// Places at most this far apart (km) are one place for incidents (a district and its town).
pub const NEAR_KM: f64 = 25.0;

/// One incident of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    /// Indices of its figures, in text order (parts included).
    pub figures: Vec<usize>,
    /// Index into the document's places.
    pub place: Option<usize>,
    /// The day of the harm and how precisely it is known.
    pub date: Option<(Date, Precision)>,
    /// Count per category: value, bounds, the figures of the chosen statement and the
    /// history of the values stated.
    pub counts: BTreeMap<Category, Total>,
    /// 0..1: how sure the grouping is.
    pub confidence: f32,
}

/// How two places relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// One place (or near enough).
    Same,
    /// The first holds the second (a country and its town).
    Holds,
    /// The first lies within the second.
    Within,
    /// Different places.
    Apart,
}

/// Lower-case name without the words a region's name often carries.
fn bare(name: &str) -> String {
    let mut s = name.to_lowercase();
    for suffix in [
        " province",
        " governorate",
        " state",
        " region",
        " district",
    ] {
        if let Some(t) = s.strip_suffix(suffix) {
            s = t.to_string();
        }
    }
    s
}

/// Great-circle distance in km.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let (dp, dl) = (p2 - p1, (b.1 - a.1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn is_area(kind: PlaceKind) -> bool {
    matches!(
        kind,
        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Region
    )
}

/// How place `a` relates to place `b`.
pub fn relation(a: &ResolvedPlace, b: &ResolvedPlace) -> Relation {
    if a.name.eq_ignore_ascii_case(&b.name)
        || (a.geonames_id.is_some() && a.geonames_id == b.geonames_id)
    {
        return Relation::Same;
    }
    let holds = |x: &ResolvedPlace, y: &ResolvedPlace| match x.kind {
        PlaceKind::Country => x.country.is_some() && x.country == y.country,
        PlaceKind::Admin1 => {
            y.kind != PlaceKind::Country
                && x.country == y.country
                && y.admin1.as_deref().is_none_or(|a| bare(a) == bare(&x.name))
        }
        // A region (Darfur, the Sahel) has no codes: it holds what lies in it, as far as we
        // can tell.
        PlaceKind::Region => y.kind != PlaceKind::Country && y.kind != PlaceKind::Region,
        _ => false,
    };
    if holds(a, b) {
        return Relation::Holds;
    }
    if holds(b, a) {
        return Relation::Within;
    }
    if !is_area(a.kind) && !is_area(b.kind) {
        if let (Some(la), Some(lo), Some(lb), Some(ob)) = (a.lat, a.lon, b.lat, b.lon) {
            if haversine_km((la, lo), (lb, ob)) <= NEAR_KM {
                return Relation::Same;
            }
        }
    }
    Relation::Apart
}

/// Where a wire or news dateline ends ("KABUL: ...", "TOWN, Country – ..."): place mentions
/// before it are where the story was filed, not where harm happened. 0 when there is none.
pub fn dateline_end(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split('\n').take(12) {
        let here = offset;
        offset += line.len() + 1;
        if here > 1200 {
            break;
        }
        let head = line
            .char_indices()
            .nth(60)
            .map_or(line, |(end, _)| line.get(..end).unwrap_or(line));
        for sep in [": ", " – ", " - ", " — ", " -- "] {
            // (A byte search: a substring searcher costs more to build than this line.)
            if let Some(i) = head
                .as_bytes()
                .windows(sep.len())
                .position(|w| w == sep.as_bytes())
            {
                let prefix = head[..i].trim();
                let words = prefix.split_whitespace().count();
                let upper = prefix.starts_with(|c: char| c.is_uppercase());
                if (1..=4).contains(&words) && upper && !prefix.ends_with('.') {
                    return here + i + sep.len();
                }
            }
        }
    }
    0
}

/// Whether a place named in a figure's sentence may open an incident of its own: a town,
/// site or region does where the story's countries hold it (a lookalike name from elsewhere,
/// "the Al-Fara family home" read as a town abroad, does not); a country only where the
/// sentence puts the harm in it ("in", "across").
pub fn opens_incident(
    text: &str,
    place: &ResolvedPlace,
    places: &[ResolvedPlace],
    sentence: &std::ops::Range<usize>,
) -> bool {
    let in_sentence = place
        .mentions
        .iter()
        .filter(|m| m.start >= sentence.start && m.end <= sentence.end);
    let harm_role = in_sentence.clone().any(|m| {
        let before = text.get(sentence.start..m.start).unwrap_or("");
        let last = before.split_whitespace().next_back().unwrap_or("");
        ["in", "at", "near", "across", "of", "outside"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(last))
    });
    match place.kind {
        PlaceKind::Country => harm_role,
        PlaceKind::Admin1 | PlaceKind::Admin2 => true,
        _ => {
            let home = place.country.is_none()
                || places.iter().any(|p| {
                    !std::ptr::eq(p, place)
                        && p.country == place.country
                        && p.kind != PlaceKind::Other
                });
            home || harm_role || place.mentions.len() > 1
        }
    }
}

/// Groups the figures whose role is [`Role::Incident`] or [`Role::Summary`] into incidents;
/// summaries that total several incidents are taken out again (their roles set to
/// [`Role::Summary`]; the others to [`Role::Incident`]).
pub fn group(
    doc: &Document,
    figures: &[RawFigure],
    places: &[ResolvedPlace],
    links: &[Option<usize>],
    roles: &mut [Role],
    pub_date: Option<Date>,
    policy: Policy,
) -> Vec<Incident> {
    let text = doc.text;
    let dl_end = dateline_end(text);
    let place_of = |i: usize| {
        links
            .get(i)
            .copied()
            .flatten()
            .filter(|&p| p < places.len())
    };
    // The place a figure's own sentence names for it (not the dateline's).
    let explicit = |i: usize| {
        let f = &figures[i];
        let sent = doc.sentences.get(f.sentence).cloned().unwrap_or(0..0);
        place_of(i).filter(|&p| {
            places[p]
                .mentions
                .iter()
                .any(|m| m.start >= sent.start && m.end <= sent.end && m.start >= dl_end)
        })
    };
    // Where each heading that names a place starts, in text order.
    let mut headings: Vec<usize> = places
        .iter()
        .flat_map(|p| p.mentions.iter())
        .filter(|m| is_heading(text, m))
        .map(|m| m.start)
        .collect();
    headings.sort_unstable();
    // Whether a heading stands between two offsets.
    let heading_between = |a: usize, b: usize| {
        let k = headings.partition_point(|&h| h < a);
        headings.get(k).is_some_and(|&h| h < b)
    };
    // A story whose headline or lead names one of [`SINGLE_EVENTS`].
    let single_event = {
        let first = figures
            .iter()
            .zip(roles.iter())
            .find(|(_, r)| **r != Role::Background)
            .map(|(f, _)| f.sentence);
        let lead_end = first
            .and_then(|si| doc.sentences.get(si))
            .map_or(0, |r| r.end);
        SINGLE_EVENT_WORDS.any_in(text.get(..lead_end).unwrap_or(""))
    };
    // Per incident: figures, anchor place.
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut anchors: Vec<Option<usize>> = Vec::new();
    let mut of_figure: Vec<Option<usize>> = vec![None; figures.len()];
    // Per incident: opened by a count of an earlier event ([`EARLIER_EVENT`]).
    let mut earlier: Vec<bool> = Vec::new();
    // Per incident: the kinds of event its sentences name ([`EVENT_KINDS`], a bit each).
    let mut kinds: Vec<u8> = Vec::new();
    // The sentence last read for event cues, whether it tells another event, its kinds.
    let (mut cue_sentence, mut another, mut mine): (Option<usize>, bool, u8) = (None, false, 0);
    let mut current: Option<usize> = None;
    for i in 0..figures.len() {
        if roles.get(i).is_none_or(|r| *r == Role::Background) {
            continue;
        }
        let f = &figures[i];
        let sent = doc.sentences.get(f.sentence).cloned().unwrap_or(0..0);
        let whole = f.part_of.and_then(|p| of_figure.get(p).copied().flatten());
        // "The abduction came four days after gunmen stormed another school, kidnapping
        // 25": a count told after such a phrase is another, earlier event.
        let earlier_event = whole.is_none()
            && text.get(sent.start..f.span.start).is_some_and(|before| {
                let lower = before.to_ascii_lowercase();
                // "X came/comes N days after Y": Y is the earlier event ("Hours after the
                // threat, a bomb killed 9" is the story's own).
                EARLIER_EVENT.iter().any(|(p, _)| {
                    super::dates::find_phrase(&lower, p).is_some_and(|at| {
                        let head = lower.get(..at).unwrap_or("");
                        ["came", "comes", "follows", "followed"]
                            .iter()
                            .any(|v| super::dates::find_phrase(head, v).is_some())
                    })
                })
            })
            && !figures[..i]
                .iter()
                .rev()
                .take_while(|g| g.sentence == f.sentence)
                .any(|g| !g.implicit && g.part_of.is_none());
        // What the sentence says of its event, read once a sentence.
        if cue_sentence != Some(f.sentence) {
            cue_sentence = Some(f.sentence);
            let sentence = text.get(sent.clone()).unwrap_or("");
            another = ANOTHER.any_in(sentence);
            mine = event_kinds(sentence);
        }
        // The place the figure's sentence names; or, after a heading that names a place,
        // the figure's place, as if its sentence named it (true).
        let stated = explicit(i).map(|p| (p, false)).or_else(|| {
            let last = current.and_then(|k| members[k].last().copied())?;
            place_of(i)
                .filter(|_| heading_between(figures[last].span.end, f.span.start))
                .map(|p| (p, true))
        });
        let target = if let Some(k) = whole {
            Some(k)
        } else if earlier_event {
            None
        } else if single_event && !another && current.is_some() {
            // One earthquake or storm is one event wherever it struck.
            current
        } else if let Some((p, headed)) = stated {
            let fits = |k: usize| match anchors[k] {
                None => true,
                Some(a) => relation(&places[a], &places[p]) != Relation::Apart,
            };
            let found = current
                .filter(|&k| fits(k))
                .or_else(|| (0..members.len()).rev().find(|&k| fits(k)));
            match found {
                Some(k) => {
                    if anchors[k].is_none() {
                        anchors[k] = Some(p);
                    }
                    Some(k)
                }
                None if current.is_none()
                    || headed
                    || opens_incident(text, &places[p], places, &sent) =>
                {
                    None
                }
                None => current,
            }
        } else {
            current
        };
        // Arrests told on their own, after a deadly event: their own incident (not the
        // confinement of the event's own victims: "21 civilians described unlawful
        // confinement").
        let wave_of_arrests = |k: usize| {
            f.category == Category::Detained
                && is_arrest(text, f)
                && !members[k]
                    .iter()
                    .any(|&j| figures[j].category == Category::Detained)
                && !figures.iter().any(|g| {
                    g.sentence == f.sentence
                        && matches!(g.category, Category::Killed | Category::Injured)
                })
        };
        let target = target.filter(|&k| !wave_of_arrests(k));
        // Another kind of event than its incident's (bombings, then "troops killed several
        // insurgents in these battles"): an incident of that kind, or a new one.
        let clash = |k: usize| kinds[k] != 0 && mine != 0 && kinds[k] & mine == 0;
        let target = match target {
            Some(k) if whole.is_none() && clash(k) => (0..members.len()).rev().find(|&j| {
                kinds[j] & mine != 0
                    && match (anchors[j], explicit(i)) {
                        (Some(a), Some(p)) => relation(&places[a], &places[p]) != Relation::Apart,
                        _ => true,
                    }
            }),
            t => t,
        };
        let k = match target {
            Some(k) => k,
            None => {
                members.push(Vec::new());
                kinds.push(0);
                earlier.push(earlier_event);
                anchors.push(stated.map(|(p, _)| p).or_else(|| {
                    current
                        .and_then(|c| anchors[c])
                        .filter(|_| f.category == Category::Detained)
                }));
                members.len() - 1
            }
        };
        // An incident opened without a place of its own takes its figure's place from the
        // story, where that is a town or province ("Assam: ... 76 deaths reported"), so that
        // a count named in another province ("In Gujarat, 94 ...") opens its own incident.
        if anchors[k].is_none() && members[k].is_empty() {
            anchors[k] = place_of(i).filter(|&p| {
                !matches!(places[p].kind, PlaceKind::Country | PlaceKind::Region)
                    && places[p].mentions.iter().any(|m| m.start >= dl_end)
            });
        }
        members[k].push(i);
        kinds[k] |= mine;
        of_figure[i] = Some(k);
        current = Some(k);
    }
    // An earlier event told in one sentence only is context, not news (GUIDELINES.md:
    // background); one the story goes on to report is an incident of its own.
    for (k, m) in members.iter_mut().enumerate() {
        let one_sentence = m.first().is_some_and(|&a| {
            m.iter()
                .all(|&j| figures[j].sentence == figures[a].sentence)
        });
        if earlier.get(k).copied().unwrap_or(false) && one_sentence {
            for &j in m.iter() {
                roles[j] = Role::Background;
            }
            m.clear();
        }
    }
    // Summaries: a total of several events where two or more incidents hold its category
    // without it.
    for i in 0..figures.len() {
        if roles[i] != Role::Summary {
            continue;
        }
        let cat = figures[i].category;
        // Only incidents at the summary's place count: "200 were killed in Baghdad in five
        // bombings" sums Baghdad's bombings, not a clash in another town the story adds.
        // Nor incidents of another kind of event ("in five bombings" sums no battle).
        // (A place the summary's own sentence names: "killed in a series of attacks across
        // the north" has none, whatever place the next sentence lends its figure.)
        let own = doc
            .sentences
            .get(figures[i].sentence)
            .cloned()
            .unwrap_or(0..0);
        let here =
            place_of(i).filter(|&p| places[p].mentions.iter().any(|m| own.contains(&m.start)));
        let sk = event_kinds(text.get(own).unwrap_or(""));
        let holders = members
            .iter()
            .zip(&anchors)
            .zip(&kinds)
            .filter(|((m, a), &kd)| {
                let apart = matches!((here, **a), (Some(p), Some(q))
                    if relation(&places[p], &places[q]) == Relation::Apart);
                let other_kind = sk != 0 && kd != 0 && sk & kd == 0;
                !apart
                    && !other_kind
                    && m.iter().any(|&j| {
                        j != i && figures[j].category == cat && figures[j].part_of != Some(i)
                    })
            })
            .count();
        if holders >= 2 {
            for m in &mut members {
                m.retain(|&j| j != i && figures[j].part_of != Some(i));
            }
        } else {
            roles[i] = Role::Incident;
        }
    }
    let mut out = Vec::new();
    let geo = geo_of(
        doc,
        figures,
        |i| place_of(i).and_then(|p| places[p].country.as_deref()),
        places
            .iter()
            .filter(|p| p.kind == PlaceKind::Country)
            .filter_map(|p| Some((p.country.as_deref()?, &p.mentions)))
            .flat_map(|(c, ms)| ms.iter().map(move |m| (c, m.start))),
    );
    for (k, figs) in members.into_iter().enumerate() {
        if figs.is_empty() {
            continue;
        }
        let counts = counts_of(doc, figures, &figs, policy, &geo);
        if counts.is_empty() {
            continue;
        }
        let place = incident_place(doc, figures, places, &figs, anchors[k], &place_of, dl_end);
        // Each sentence once: an incident's figures often share one.
        let mut last = None;
        let date = figs
            .iter()
            .filter_map(|&i| figures.get(i).map(|f| f.sentence))
            .filter(|&s| last.replace(s) != Some(s))
            .filter_map(|s| doc.sentences.get(s))
            .find_map(|r| sentence_date(text.get(r.clone()).unwrap_or(""), pub_date));
        let confidence = confidence(figures, &figs, place.is_some(), date.is_some());
        out.push(Incident {
            figures: figs,
            place,
            date,
            counts,
            confidence,
        });
    }
    out
}

/// Disasters that are one event wherever they strike (unlike floods or rains, told region
/// by region): a story whose lead names one keeps its counts in one incident unless a
/// sentence tells another or separate event. Each with an example of our own.
const SINGLE_EVENTS: &[(&str, &str)] = &[
    (
        "earthquake",
        "the earthquake killed 300 in the north and 40 across the border",
    ),
    ("quake", "a 6.8 quake killed 90 people"),
    ("tsunami", "the tsunami left 2,000 dead along the coast"),
    ("cyclone", "the cyclone killed 45 in two provinces"),
    ("hurricane", "the hurricane killed 12 on the islands"),
    ("typhoon", "the typhoon killed 30 and displaced 80,000"),
    ("eruption", "the eruption killed 7 climbers"),
];

/// Kinds of event that are never one incident: a count whose sentence names only another
/// kind than its incident's belongs to another incident. Each row: the kind, its words.
const EVENT_KINDS: &[(&str, &[&str])] = &[
    // "a car bomb killed 140 in the market"
    (
        "bombing",
        &[
            "bomb",
            "bombs",
            "bombing",
            "bombings",
            "blast",
            "blasts",
            "explosion",
            "explosions",
            "bomber",
            "bombers",
        ],
    ),
    // "troops killed several insurgents in these battles"
    (
        "battle",
        &[
            "battle",
            "battles",
            "clash",
            "clashes",
            "fighting",
            "firefight",
            "gunbattle",
            "gunfight",
            "skirmish",
            "skirmishes",
        ],
    ),
];

/// The words of [`EVENT_KINDS`], each with the bit of its row.
static EVENT_KIND_WORDS: LazyLock<(Phrases, Vec<u8>)> = LazyLock::new(|| {
    let rows = EVENT_KINDS
        .iter()
        .enumerate()
        .flat_map(|(k, (_, words))| words.iter().map(move |w| (*w, 1u8 << k)));
    let (words, bits): (Vec<&'static str>, Vec<u8>) = rows.unzip();
    (Phrases::new(words), bits)
});

/// The kinds of event a sentence names, a bit per row of [`EVENT_KINDS`].
fn event_kinds(sentence: &str) -> u8 {
    let (words, kind) = &*EVENT_KIND_WORDS;
    let mut bits = 0u8;
    words.each(sentence, |w, _| {
        bits |= kind.get(w).copied().unwrap_or(0);
        true
    });
    bits
}

/// Phrases that tell an earlier event after the story's own, after "came", "comes" or
/// "follows": a count after one is that event's. Each with an example of our own.
const EARLIER_EVENT: &[(&str, &str)] = &[
    (
        "days after",
        "the raid came two days after gunmen killed 9 in a nearby town",
    ),
    ("day after", "a day after a bomb killed 4 at the market"),
    (
        "weeks after",
        "three weeks after 30 were abducted from a school",
    ),
    ("week after", "a week after a blast killed 12"),
    ("hours after", "hours after an ambush left 6 soldiers dead"),
];

/// Trigger words of arrests by the authorities (a wave of arrests after an attack), as
/// against captivity and confinement. Each with an example of our own.
const ARREST_WORDS: &[(&str, &str)] = &[
    ("arrest", "police arrested 12 suspects after the blast"),
    ("apprehend", "troops apprehended 4 men"),
    ("custody", "5 were taken into custody"),
    ("rounded up", "soldiers rounded up 30 youths"),
    ("captured", "the army captured 6 militants"),
    ("detained", "security forces detained 9 people"),
    ("held for questioning", "3 are held for questioning"),
];

/// Whether a detained figure's trigger is an arrest ([`ARREST_WORDS`]).
fn is_arrest(text: &str, f: &RawFigure) -> bool {
    let t = text
        .get(f.trigger.clone())
        .unwrap_or("")
        .to_ascii_lowercase();
    ARREST_WORDS.iter().any(|(w, _)| t.contains(w))
}

/// Each figure's [`Geo`]: the country of its place (`place_of`), and the countries whose
/// name its sentence holds (`country_mentions`: each mention of a country, as its code and
/// byte offset).
pub fn geo_of<'p>(
    doc: &Document,
    figures: &[RawFigure],
    place_of: impl Fn(usize) -> Option<&'p str>,
    country_mentions: impl Iterator<Item = (&'p str, usize)>,
) -> Vec<Geo> {
    let code = |c: &str| -> Option<[u8; 2]> { c.as_bytes().try_into().ok() };
    // Per sentence: the countries named in it.
    let mut named: BTreeMap<usize, Vec<[u8; 2]>> = BTreeMap::new();
    for (country, at) in country_mentions {
        let Some(c) = code(country) else { continue };
        let v = named.entry(doc.sentence_of(at)).or_default();
        if !v.contains(&c) {
            v.push(c);
            v.sort_unstable();
        }
    }
    figures
        .iter()
        .enumerate()
        .map(|(i, f)| Geo {
            country: place_of(i).and_then(code),
            named: named.get(&f.sentence).cloned().unwrap_or_default(),
        })
        .collect()
}

/// Counts per category of one incident's figures (parts never added to their whole); `geo`
/// as [`geo_of`] gives it (empty: every figure in one country).
pub fn counts_of(
    doc: &Document,
    figures: &[RawFigure],
    members: &[usize],
    policy: Policy,
    geo: &[Geo],
) -> BTreeMap<Category, Total> {
    let mut out = BTreeMap::new();
    for cat in Category::ALL {
        let stmts: Vec<Stmt> = Stmt::build(doc, figures, members, cat, policy, geo);
        if let Some(t) = count(&stmts) {
            out.insert(cat, t);
        }
    }
    // The missing of an abduction are its captives not yet back ("25 were kidnapped ... 24
    // are still missing"): already counted as kidnapped (GUIDELINES.md, hostages).
    let captives = out.get(&Category::Kidnapped).map(|t| t.value);
    if captives.is_some_and(|k| out.get(&Category::Missing).is_some_and(|m| m.value <= k)) {
        out.remove(&Category::Missing);
    }
    out
}

/// The incident's place: the most specific place its figures are linked to (not the
/// dateline's alone), the anchor on a tie; a country or region refined to the town its story
/// names as where an event happened ("near the town of X").
fn incident_place(
    doc: &Document,
    figures: &[RawFigure],
    places: &[ResolvedPlace],
    figs: &[usize],
    anchor: Option<usize>,
    place_of: &dyn Fn(usize) -> Option<usize>,
    dl_end: usize,
) -> Option<usize> {
    let mut best: Option<(u8, usize, usize)> = None; // (specificity, -count, place)
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for &i in figs {
        if let Some(p) = place_of(i) {
            let from_dateline = places[p].mentions.iter().all(|m| m.start < dl_end);
            if from_dateline && places[p].mentions.len() == 1 {
                continue;
            }
            match seen.iter_mut().find(|(q, _)| *q == p) {
                Some(e) => e.1 += 1,
                None => seen.push((p, 1)),
            }
        }
    }
    for &(p, n) in &seen {
        let key = (
            specificity(places[p].kind),
            usize::MAX - n - usize::from(Some(p) == anchor),
            p,
        );
        if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
            best = Some(key);
        }
    }
    let chosen = best.map(|b| b.2).or(anchor);
    let coarse = chosen.is_none_or(|p| {
        matches!(
            places[p].kind,
            PlaceKind::Country | PlaceKind::Region | PlaceKind::Admin1
        )
    });
    if coarse {
        if let Some(r) = refine(doc, figures, places, figs, chosen, dl_end) {
            return Some(r);
        }
    }
    chosen
}

/// Event words: a sentence with one tells where an event happened.
const EVENT_WORDS: &[&str] = &[
    "attack",
    "attacked",
    "ambush",
    "clash",
    "blast",
    "bomb",
    "bombing",
    "strike",
    "strikes",
    "raid",
    "raided",
    "explosion",
    "shooting",
    "collapse",
    "collapsed",
    "mudslide",
    "landslide",
    "fire",
    "earthquake",
    "flood",
    "floods",
    "stormed",
    "encounter",
    "gunfight",
    "abduction",
];

/// A town, site or district within `place` that the incident's story names as where an
/// event happened ("the village of X", "near the town of X", "in X"), looked for in the
/// incident's sentences first, then in the whole text when the document has one incident.
fn refine(
    doc: &Document,
    figures: &[RawFigure],
    places: &[ResolvedPlace],
    figs: &[usize],
    place: Option<usize>,
    dl_end: usize,
) -> Option<usize> {
    let text = doc.text;
    let mut cands: Vec<(usize, usize)> = Vec::new(); // (mention start, place)
    for (q, p) in places.iter().enumerate() {
        if is_area(p.kind) || p.kind == PlaceKind::Other || Some(q) == place {
            continue;
        }
        if let Some(c) = place {
            if relation(&places[c], p) != Relation::Holds {
                continue;
            }
        }
        for m in &p.mentions {
            if m.start < dl_end {
                continue;
            }
            let before = text.get(m.start.saturating_sub(24)..m.start).unwrap_or("");
            let last: Vec<&str> = before.split_whitespace().rev().take(2).collect();
            let role = last.first().is_some_and(|w| {
                ["in", "at", "near", "of"]
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(w))
            });
            if !role {
                continue;
            }
            let si = doc.sentence_of(m.start);
            let s = doc
                .sentences
                .get(si)
                .and_then(|r| text.get(r.clone()))
                .unwrap_or("")
                .to_ascii_lowercase();
            let eventful = crate::text::tokens::alnum_runs(&s).any(|w| EVENT_WORDS.contains(&w));
            if eventful {
                cands.push((m.start, q));
            }
        }
    }
    cands.sort_unstable();
    let own: Vec<usize> = figs.iter().map(|&i| figures[i].sentence).collect();
    cands
        .iter()
        .find(|(at, _)| own.contains(&doc.sentence_of(*at)))
        .or_else(|| cands.first())
        .map(|&(_, q)| q)
}

/// 0..1: high for an incident with a place, a date and agreeing figures.
fn confidence(figures: &[RawFigure], figs: &[usize], placed: bool, dated: bool) -> f32 {
    let mean = figs.iter().map(|&i| figures[i].confidence).sum::<f32>() / figs.len().max(1) as f32;
    let mut c = 0.5 * mean + 0.2;
    if placed {
        c += 0.15;
    }
    if dated {
        c += 0.1;
    }
    if figs.len() > 1 {
        c += 0.05;
    }
    c.clamp(0.0, 1.0)
}
