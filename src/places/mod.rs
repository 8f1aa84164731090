//! Places stage: detect place names, resolve them against the gazetteer.
//!
//! [`detect`] finds gazetteer names with the case and context rules, [`context`] finds the
//! places the gazetteer lacks from the words around them ("the Sadriya district",
//! "Lurigancho Prison"), [`resolve`] picks one entry per name from the document's evidence.

pub mod aliases;
pub mod context;
pub mod detect;
pub mod fold;
pub mod gazetteer;
pub mod index_format;
pub mod resolve;

use crate::report::model::PlaceKind;
use crate::text::Document;
use gazetteer::Gazetteer;
use std::collections::HashMap;
use std::ops::Range;

/// A distinct resolved place with its mentions (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedPlace {
    /// Resolved name.
    pub name: String,
    /// ISO 3166 alpha-2 code.
    pub country: Option<String>,
    /// First-level region name.
    pub admin1: Option<String>,
    /// Precision.
    pub kind: PlaceKind,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// Mentions in text order.
    pub mentions: Vec<Range<usize>>,
}

/// Finds and resolves the places a document names, in order of first mention.
pub fn find(doc: &Document, gazetteer: &Gazetteer) -> Vec<ResolvedPlace> {
    let tokens = detect::tokenize(doc);
    let mentions = detect::find_mentions(doc, &tokens, gazetteer);
    let mut made = context::find(doc.text, &tokens, &mentions);
    let mut picks = resolve::resolve(doc.text, &tokens, &mentions, gazetteer);
    local_places(
        doc.text, &tokens, &mentions, &mut picks, &mut made, gazetteer,
    );

    let mut places: Vec<ResolvedPlace> = Vec::new();
    let mut by_record: HashMap<u32, usize> = HashMap::new();
    // Which place each gazetteer mention went to (for context places' containers).
    let mut mention_place: Vec<Option<usize>> = vec![None; mentions.len()];
    for (mi, m) in mentions.iter().enumerate() {
        if made.iter().any(|c| overlaps(&c.span, &m.span)) {
            continue;
        }
        let Some(rec) = picks.get(mi).copied().flatten() else {
            continue;
        };
        let Some(e) = gazetteer.entry(rec) else {
            continue;
        };
        let pi = *by_record.entry(rec).or_insert_with(|| {
            places.push(ResolvedPlace {
                name: e.name.to_string(),
                country: e.country.map(str::to_string),
                admin1: e
                    .admin1
                    .filter(|_| e.feature != index_format::feature::COUNTRY)
                    .map(str::to_string),
                kind: e.kind(),
                lat: e.coords.map(|c| c.0),
                lon: e.coords.map(|c| c.1),
                geonames_id: e.geonames_id,
                mentions: Vec::new(),
            });
            places.len() - 1
        });
        places[pi].mentions.push(m.span.clone());
        mention_place[mi] = Some(pi);
    }

    // Places made from context take the coordinates of the place that contains them.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for c in &made {
        // "LaGuardia Airport" and "La Guardia Airport" are one place.
        let key: String = fold::fold_name(&c.name).split(' ').collect();
        if let Some(&pi) = by_name.get(&key) {
            places[pi].mentions.push(c.span.clone());
            continue;
        }
        let container = c
            .inner
            .and_then(|m| mention_place.get(m).copied().flatten())
            .or_else(|| container_of(doc, &tokens, &mentions, &mention_place, &places, c));
        let src = container.and_then(|p| places.get(p));
        let place = ResolvedPlace {
            name: c.name.clone(),
            country: src.and_then(|p| p.country.clone()),
            admin1: src.and_then(|p| p.admin1.clone()),
            kind: c.kind,
            lat: src.and_then(|p| p.lat),
            lon: src.and_then(|p| p.lon),
            geonames_id: None,
            mentions: vec![c.span.clone()],
        };
        places.push(place);
        by_name.insert(key, places.len() - 1);
    }
    for p in &mut places {
        p.mentions.sort_by_key(|m| m.start);
    }
    places.retain(|p| !p.mentions.is_empty());
    places.sort_by_key(|p| p.mentions.first().map_or(usize::MAX, |m| m.start));
    places
}

/// Words after a name that make it a part of a town ("the Malaga neighborhood").
const NEIGHBOURHOOD_WORDS: &[&str] = &[
    "neighborhood",
    "neighbourhood",
    "suburb",
    "quarter",
    "district",
    "area",
    "colonia",
    "barrio",
];

/// Names that the gazetteer knows only as a far-away namesake are local places of the story:
/// in a story set in El Salvador, "the Malaga neighborhood" is not Málaga in Spain, and a
/// village that shares a spelling with a small foreign town is not that town. Such a
/// mention becomes a place made from context (coordinates of its container) when its pick
/// lies in a country nothing else in the story points to, while the story's places point to
/// another country, and it is a neighbourhood by the words after it, or a minor place, or
/// matched only by a foreign alternate name.
fn local_places(
    text: &str,
    tokens: &[detect::Token],
    mentions: &[detect::Mention],
    picks: &mut [Option<u32>],
    made: &mut Vec<context::ContextPlace>,
    gaz: &Gazetteer,
) {
    use index_format::feature;
    // Each mention votes for its pick's country; a dateline counts four times.
    let weight = |m: &detect::Mention| {
        if resolve::is_dateline(text, tokens, m) {
            4
        } else {
            1
        }
    };
    let mut votes: HashMap<&str, usize> = HashMap::new();
    for (m, p) in mentions.iter().zip(picks.iter()) {
        if let Some(c) = p.and_then(|p| gaz.entry(p)).and_then(|e| e.country) {
            *votes.entry(c).or_default() += weight(m);
        }
    }
    let mut changed = false;
    for (mi, m) in mentions.iter().enumerate() {
        let Some(e) = picks[mi].and_then(|p| gaz.entry(p)) else {
            continue;
        };
        let Some(c) = e.country else { continue };
        if e.is_area() {
            continue;
        }
        // Votes of the other names only.
        let mut others = votes.clone();
        for (o, p) in mentions.iter().zip(picks.iter()) {
            if o.key == m.key && p.is_some() {
                if let Some(v) = others.get_mut(c) {
                    *v = v.saturating_sub(weight(o));
                }
            }
        }
        let Some((top, top_n)) = others
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(c, n)| (*c, *n))
        else {
            continue;
        };
        // The pick's country must be far less supported than the story's country.
        if c == top || top_n < 2 || others.get(c).copied().unwrap_or(0) * 2 >= top_n {
            continue;
        }
        let next_word = tokens
            .get(m.tokens.1 + 1)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("");
        let neighbourhood = aliases::contains(NEIGHBOURHOOD_WORDS, next_word);
        let major =
            matches!(e.feature, feature::CAPITAL | feature::SEAT1) || e.population >= 100_000;
        let alternate = fold::fold_name(e.name) != m.key;
        if neighbourhood || !major || alternate {
            picks[mi] = None;
            made.push(context::ContextPlace {
                span: m.span.clone(),
                name: text.get(m.span.clone()).unwrap_or("").to_string(),
                kind: if neighbourhood {
                    PlaceKind::District
                } else {
                    PlaceKind::City
                },
                inner: None,
            });
            changed = true;
        }
    }
    if changed {
        made.sort_by_key(|c| c.span.start);
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Precision order: smaller is more specific.
pub fn specificity(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Site => 0,
        PlaceKind::District => 1,
        PlaceKind::City => 2,
        PlaceKind::Other => 3,
        PlaceKind::Admin2 => 4,
        PlaceKind::Admin1 => 5,
        PlaceKind::Region => 6,
        PlaceKind::Country => 7,
    }
}

/// The place that holds a context-made place: the next gazetteer place in its sentence
/// ("the Sadriya district of Baghdad", "Lurigancho Prison in Lima"), else the nearest one
/// before it in the sentence, else the document's most mentioned town.
fn container_of(
    doc: &Document,
    tokens: &[detect::Token],
    mentions: &[detect::Mention],
    mention_place: &[Option<usize>],
    places: &[ResolvedPlace],
    c: &context::ContextPlace,
) -> Option<usize> {
    let sent = doc.sentence_of(c.span.start);
    let in_sentence =
        |m: &detect::Mention| tokens.get(m.tokens.0).map(|t| t.sentence) == Some(sent);
    let has_coords = |p: usize| places.get(p).is_some_and(|p| p.lat.is_some());
    let after = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.span.start >= c.span.end && m.span.start - c.span.end < 60 && in_sentence(m)
        })
        .filter_map(|(i, _)| mention_place.get(i).copied().flatten())
        .find(|&p| has_coords(p));
    if after.is_some() {
        return after;
    }
    let before = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.end <= c.span.start && in_sentence(m))
        .filter_map(|(i, _)| mention_place.get(i).copied().flatten())
        .filter(|&p| has_coords(p))
        .min_by_key(|&p| places.get(p).map_or(9, |p| specificity(p.kind)));
    if before.is_some() {
        return before;
    }
    places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.lat.is_some() && specificity(p.kind) <= 2)
        .max_by_key(|(i, p)| (p.mentions.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
        .or_else(|| {
            places
                .iter()
                .enumerate()
                .filter(|(_, p)| p.lat.is_some())
                .min_by_key(|(_, p)| specificity(p.kind))
                .map(|(i, _)| i)
        })
}
