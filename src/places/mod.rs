//! Places stage: detect place names, resolve them against the gazetteer.
//!
//! [`detect`] finds gazetteer names with the case and context rules, [`context`] finds the
//! places the gazetteer lacks from the words around them ("the Sadriya district",
//! "Lurigancho Prison"), [`resolve`] picks one entry per name from the document's evidence.

pub mod actors;
pub mod aliases;
pub mod context;
pub mod demonyms;
pub mod detect;
#[cfg(test)]
mod examples;
pub mod fold;
pub mod gazetteer;
pub mod index_format;
pub mod resolve;
pub mod words;

use crate::text::Document;
use crate::vocab::{Candidate, Considered, PlaceKind, PlaceWhy};
use gazetteer::Gazetteer;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
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
    /// The best other gazetteer entries for the name, best first (empty for places found
    /// from context).
    pub candidates: Vec<Candidate>,
    /// How the name was resolved, when traced ([`find_traced`]; None for places found from
    /// context).
    pub why: Option<PlaceWhy>,
}

/// Finds and resolves the places a document names, in order of first mention.
pub fn find(doc: &Document, gazetteer: &Gazetteer) -> Vec<ResolvedPlace> {
    find_with(doc, gazetteer, None)
}

/// [`find`], preferring places in `country` (ISO alpha-2, a reader's hint for the document)
/// where a name has candidates there.
pub fn find_with(
    doc: &Document,
    gazetteer: &Gazetteer,
    country: Option<[u8; 2]>,
) -> Vec<ResolvedPlace> {
    find_opt(doc, gazetteer, country, false)
}

/// [`find_with`], each gazetteer place with its resolution trace ([`ResolvedPlace::why`]):
/// the same places, and the candidates each name had with their score parts.
pub fn find_traced(
    doc: &Document,
    gazetteer: &Gazetteer,
    country: Option<[u8; 2]>,
) -> Vec<ResolvedPlace> {
    find_opt(doc, gazetteer, country, true)
}

fn find_opt(
    doc: &Document,
    gazetteer: &Gazetteer,
    country: Option<[u8; 2]>,
    trace: bool,
) -> Vec<ResolvedPlace> {
    thread_local! {
        /// The token buffer, reused from text to text.
        static TOKENS: std::cell::RefCell<Vec<detect::Token>> = Default::default();
    }
    // (`try_with`, `try_borrow_mut`: without the buffer, a new one.)
    let mut tokens = TOKENS
        .try_with(|t| t.try_borrow_mut().map(|mut t| std::mem::take(&mut *t)))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    detect::tokenize_into(doc, &mut tokens);
    let places = find_in(doc, &tokens, gazetteer, country, trace);
    // (A buffer grown by a huge text is let go.)
    if tokens.capacity() <= 1 << 20 {
        let _ = TOKENS.try_with(|t| {
            if let Ok(mut t) = t.try_borrow_mut() {
                *t = tokens;
            }
        });
    }
    places
}

/// A gazetteer entry as a candidate reading of a name, with its resolution score.
fn candidate(e: &gazetteer::Entry, score: f64) -> Candidate {
    Candidate {
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
        score: (score * 100.0).round() / 100.0,
    }
}

/// A name's resolution trace as the report gives it.
fn why(text: &str, m: &detect::Mention, t: &resolve::NameTrace, gazetteer: &Gazetteer) -> PlaceWhy {
    PlaceWhy {
        mention: text.get(m.span.clone()).unwrap_or("").to_string(),
        considered: t.considered,
        candidates: t
            .candidates
            .iter()
            .filter_map(|&(id, parts)| {
                let e = gazetteer.entry(id)?;
                Some(Considered {
                    name: e.name.to_string(),
                    country: e.country.map(str::to_string),
                    admin1: e
                        .admin1
                        .filter(|_| e.feature != index_format::feature::COUNTRY)
                        .map(str::to_string),
                    kind: e.kind(),
                    population: u64::from(e.population),
                    geonames_id: e.geonames_id,
                    parts: parts.rounded(),
                })
            })
            .collect(),
    }
}

fn find_in(
    doc: &Document,
    tokens: &[detect::Token],
    gazetteer: &Gazetteer,
    country: Option<[u8; 2]>,
    trace: bool,
) -> Vec<ResolvedPlace> {
    let mentions = detect::find_mentions(doc, tokens, gazetteer);
    let mut made = context::find(doc.text, tokens, &mentions);
    let datelines: Vec<bool> = mentions
        .iter()
        .map(|m| resolve::is_dateline(doc.text, tokens, m))
        .collect();
    let hints = detect::country_votes(doc.text, tokens);
    let resolution = if trace {
        resolve::resolve_traced(
            doc.text, tokens, &mentions, &datelines, &hints, country, gazetteer,
        )
    } else {
        resolve::resolve_scored(
            doc.text, tokens, &mentions, &datelines, &hints, country, gazetteer,
        )
    };
    let mut picks = resolution.picks;
    // The entries of the picks (before `local_places` drops some).
    let entries = local_places(
        doc.text,
        tokens,
        &mentions,
        &datelines,
        &hints,
        &resolution.relations,
        &mut picks,
        &mut made,
        gazetteer,
    );

    let mut places: Vec<ResolvedPlace> = Vec::new();
    let mut by_record: FxHashMap<u32, usize> = FxHashMap::default();
    // Which place each gazetteer mention went to (for context places' containers).
    let mut mention_place: Vec<Option<usize>> = vec![None; mentions.len()];
    for (mi, m) in mentions.iter().enumerate() {
        // `made` is sorted by start: only the few made places starting before this
        // mention's end can overlap it.
        let upto = made.partition_point(|c| c.span.start < m.span.end);
        if made[..upto]
            .iter()
            .rev()
            .take(4)
            .any(|c| overlaps(&c.span, &m.span))
        {
            continue;
        }
        let Some(rec) = picks.get(mi).copied().flatten() else {
            continue;
        };
        let Some(e) = entries.get(mi).copied().flatten() else {
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
                mentions: Vec::with_capacity(4),
                candidates: resolution
                    .alternatives
                    .get(mi)
                    .into_iter()
                    .flatten()
                    .filter(|(id, _)| *id != rec)
                    .filter_map(|&(id, score)| Some(candidate(&gazetteer.entry(id)?, score)))
                    .collect(),
                why: resolution
                    .traces
                    .get(mi)
                    .cloned()
                    .flatten()
                    .map(|t| why(doc.text, m, &t, gazetteer)),
            });
            places.len() - 1
        });
        places[pi].mentions.push(m.span.clone());
        mention_place[mi] = Some(pi);
    }

    // Places made from context take the coordinates of the place that contains them.
    let sorted = mentions.is_sorted_by_key(|m| m.span.start);
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    for c in &made {
        // "LaGuardia Airport" and "La Guardia Airport" are one place.
        let key: String = fold::fold_name(&c.name).split(' ').collect();
        if let Some(&pi) = by_name.get(&key) {
            places[pi].mentions.push(c.span.clone());
            continue;
        }
        // The gazetteer place inside the name ("Herat" of "Herat airport"), even where the
        // name was its only mention; not a possessive ("Saint Mary's School" is named after a
        // saint, not after a parish in the Caribbean).
        let inner = c
            .inner
            .filter(|&m| picks.get(m).copied().flatten().is_some())
            .filter(|&m| {
                mentions
                    .get(m)
                    .and_then(|m| tokens.get(m.tokens.1))
                    .is_some_and(|t| t.end == t.full_end)
            })
            .and_then(|m| entries.get(m).copied().flatten())
            .filter(|e| e.coords.is_some());
        let container = c
            .inner
            .and_then(|m| mention_place.get(m).copied().flatten())
            .or_else(|| container_of(doc, tokens, &mentions, &mention_place, &places, c, sorted));
        let src = container.and_then(|p| places.get(p));
        let place = match inner {
            Some(e) => ResolvedPlace {
                name: c.name.clone(),
                country: e.country.map(str::to_string),
                admin1: e
                    .admin1
                    .filter(|_| e.feature != index_format::feature::COUNTRY)
                    .map(str::to_string),
                kind: c.kind,
                lat: e.coords.map(|c| c.0),
                lon: e.coords.map(|c| c.1),
                geonames_id: None,
                mentions: vec![c.span.clone()],
                candidates: Vec::new(),
                why: None,
            },
            None => ResolvedPlace {
                name: c.name.clone(),
                country: src.and_then(|p| p.country.clone()),
                admin1: src.and_then(|p| p.admin1.clone()),
                kind: c.kind,
                lat: src.and_then(|p| p.lat),
                lon: src.and_then(|p| p.lon),
                geonames_id: None,
                mentions: vec![c.span.clone()],
                candidates: Vec::new(),
                why: None,
            },
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
pub(crate) const NEIGHBOURHOOD_WORDS: &[&str] = &[
    "neighborhood",
    "neighbourhood",
    "suburb",
    "quarter",
    "district",
    "area",
    "colonia",
    "barrio",
];

/// Words after a country that make "X, Country" a source, not a containment: "shelling
/// hit Gaza, Israel said".
const REPORTING: &[&str] = &[
    "said", "says", "claimed", "claims", "reported", "reports", "stated",
];

/// Names that the gazetteer knows only as a far-away namesake are local places of the story:
/// in a story set in El Salvador, "the Malaga neighborhood" is not Málaga in Spain, and a
/// village that shares a spelling with a small foreign town is not that town. Such a
/// mention becomes a place made from context (coordinates of its container) when its pick
/// lies in a country nothing else in the story points to, while the story's places point to
/// another country, and it is a neighbourhood by the words after it, or a minor place, or
/// matched only by a foreign alternate name.
///
/// Also a place the text puts inside a region or country of another country than its pick
/// ("Nawa district in Helmand province", "El Wak, Somalia").
#[allow(clippy::too_many_arguments)]
fn local_places<'g>(
    text: &str,
    tokens: &[detect::Token],
    mentions: &[detect::Mention],
    datelines: &[bool],
    hints: &[([u8; 2], u32)],
    relations: &[(usize, usize, resolve::Relation)],
    picks: &mut [Option<u32>],
    made: &mut Vec<context::ContextPlace>,
    gaz: &'g Gazetteer,
) -> Vec<Option<gazetteer::Entry<'g>>> {
    use index_format::feature;
    // Each mention votes for its pick's country; a dateline counts four times.
    let weight = |mi: usize| {
        if datelines.get(mi).copied().unwrap_or(false) {
            4
        } else {
            1
        }
    };
    // Each pick's entry, read once.
    let entries: Vec<Option<gazetteer::Entry>> =
        picks.iter().map(|p| p.and_then(|p| gaz.entry(p))).collect();
    // Countries as their two-letter codes (compared and ordered as the strings are).
    let code = |e: &Option<gazetteer::Entry>| -> Option<[u8; 2]> {
        e.and_then(|e| e.country)
            .and_then(|c| c.as_bytes().try_into().ok())
    };
    // A country's name that says whose people or arms ("US troops", "the US embassy") says
    // nothing of where the story is: no vote, no anchor.
    // (Read once per mention: the anchor check below asks it inside a loop over them.)
    let qualifier: Vec<bool> = mentions
        .iter()
        .zip(&entries)
        .map(|(m, e)| {
            e.is_some_and(|e| e.feature == feature::COUNTRY) && words::attributive(text, &m.span)
        })
        .collect();
    let qualifier_only = |mi: usize| qualifier.get(mi).copied().unwrap_or(false);
    // Ordered, so that a tie between countries breaks the same way on every run.
    let mut votes: BTreeMap<[u8; 2], usize> = BTreeMap::new();
    for (mi, e) in entries.iter().enumerate() {
        if let Some(c) = code(e).filter(|_| !qualifier_only(mi)) {
            *votes.entry(c).or_default() += weight(mi);
        }
    }
    // Adjectives of nationality vote too ("American troops" supports a US town).
    for &(c, n) in hints {
        *votes.entry(c).or_default() += n.min(2) as usize;
    }
    // Each name's own weight per country, to take out of the votes (linear time).
    let mut own: FxHashMap<(&str, [u8; 2]), usize> = FxHashMap::default();
    for (mi, (o, e)) in mentions.iter().zip(&entries).enumerate() {
        if let Some(c) = code(e).filter(|_| !qualifier_only(mi)) {
            *own.entry((o.key.as_str(), c)).or_default() += weight(mi);
        }
    }
    // "Nawa district in Helmand province", "El Wak, Somalia", "the town of Palma in northern
    // Mozambique": a place the text puts inside a region or country of another country than
    // its pick is that region's own place ("Gaza, Israel said" is no such statement).
    let mut contained_elsewhere = vec![false; mentions.len()];
    for &(a, b, rel) in relations {
        let (Some(ea), Some(eb)) = (entries[a], entries[b]) else {
            continue;
        };
        // (A city holds what its possessive names: "Mosul's Old City".)
        let possessive = mentions[b].span.end <= mentions[a].span.start;
        let after = text.get(mentions[b].span.end..).unwrap_or("");
        // (And a city of a million the small place a comma puts it in, from far away:
        // "Kenilworth, Cape Town" is a suburb, not the English town; not a list: "Kenilworth,
        // Cape Town and Durban".)
        let big_city_after_comma = || {
            let comma = text
                .get(mentions[a].span.end..mentions[b].span.start)
                .is_some_and(|g| g.trim() == ",");
            let rest = after.trim_start();
            let list = rest.starts_with("and ")
                || rest.starts_with("or ")
                || rest
                    .strip_prefix(", ")
                    .is_some_and(|t| t.starts_with(char::is_uppercase));
            comma
                && !list
                && !eb.is_area()
                && eb.population >= 1_000_000
                && ea.population < 100_000
                && matches!((ea.coords, eb.coords), (Some(p), Some(q))
                    if resolve::distance_km(p, q) > resolve::W.far_km)
        };
        // (And a town the neighbourhood of a foreign namesake is put in: "the Old City of
        // Mosul", "the Zahra district of Homs".)
        // So is a small town abroad that the text puts in or beside a town far from it:
        // "al-Shaab district northeast of Baghdad", "Sha'ab, a neighbourhood of Baghdad".
        let far_small = || {
            ea.population < 100_000
                && matches!((ea.coords, eb.coords), (Some(p), Some(q))
                    if resolve::distance_km(p, q) > 500.0)
        };
        let quarter_of_town = (feature::CAPITAL..=feature::TOWN).contains(&eb.feature)
            && (matches!(ea.feature, feature::SECTION | feature::DISTRICT) || far_small());
        let container = matches!(eb.feature, feature::COUNTRY | feature::ADMIN1)
            || possessive
            || quarter_of_town
            || big_city_after_comma();
        // "Gaza, Israel said"; "In Beirut, US Ambassador ...": no containment.
        let not_containment = REPORTING.iter().any(|w| after.trim_start().starts_with(w))
            || after
                .strip_prefix(' ')
                .is_some_and(|t| t.starts_with(char::is_uppercase));
        // Another reading of the container's name that holds the pick ("Fayetteville,
        // Georgia": the US state, not the country).
        let other_reading = || {
            mentions[b]
                .candidates
                .iter()
                .filter_map(|&id| gaz.entry(id))
                .any(|o| {
                    o.country == ea.country
                        && matches!(o.feature, feature::COUNTRY | feature::ADMIN1)
                })
        };
        // "al-Shaab district northeast of Baghdad": a pick in another country, far from
        // where the stated distance puts it, is a place of the story's own.
        if let resolve::Relation::Offset { km, .. } = rel {
            let off = matches!((ea.coords, eb.coords), (Some(p), Some(q))
                if resolve::distance_km(p, q) > 3.0 * km + 100.0);
            if off && !ea.is_area() && eb.country.is_some() && ea.country != eb.country {
                contained_elsewhere[a] = true;
            }
            continue;
        }
        if matches!(rel, resolve::Relation::Inside)
            && container
            && !ea.is_area()
            // (Not a capital or a city of half a million: "east of Jerusalem, in the West
            // Bank" places what comes before it.)
            && ea.feature != feature::CAPITAL
            && ea.population < 500_000
            && eb.country.is_some()
            && ea.country != eb.country
            && !not_containment
            && !other_reading()
        {
            contained_elsewhere[a] = true;
        }
    }
    let mut changed = false;
    let mut folded = String::new();
    for (mi, m) in mentions.iter().enumerate() {
        let Some(e) = entries.get(mi).copied().flatten() else {
            continue;
        };
        let Some(c) = code(&Some(e)) else { continue };
        if e.feature == feature::COUNTRY {
            continue;
        }
        let area = e.is_area();
        if contained_elsewhere[mi] {
            picks[mi] = None;
            // Named without its region word ("Nawa district": Nawa, a district).
            made.push(context::ContextPlace {
                span: m.span.clone(),
                name: text.get(m.name_span(tokens)).unwrap_or("").to_string(),
                kind: match (m.region_word, m.province_word) {
                    (true, true) => PlaceKind::Admin1,
                    (true, false) => PlaceKind::Admin2,
                    // (A neighbourhood's namesake stays a neighbourhood: "Old City".)
                    _ if matches!(e.feature, feature::SECTION | feature::DISTRICT) => {
                        PlaceKind::District
                    }
                    _ => PlaceKind::City,
                },
                inner: None,
            });
            changed = true;
            continue;
        }
        // Votes of the other names only.
        let mine = own.get(&(m.key.as_str(), c)).copied().unwrap_or(0);
        // (Read through `votes` rather than a copy per mention; same order, same ties.)
        let other = |k: &[u8; 2], n: usize| if *k == c { n.saturating_sub(mine) } else { n };
        let Some((top, top_n)) = votes
            .iter()
            .map(|(k, n)| (*k, other(k, *n)))
            .max_by_key(|(_, n)| *n)
        else {
            continue;
        };
        let own_n = votes.get(&c).map_or(0, |n| other(&c, *n));
        // The pick's country must be far less supported than the story's country; or, with
        // nothing else in the story for its country, the pick lies farther than
        // `resolve::W.far_km` from every other place the story names ("North Canton" in a
        // story set in Bogotá is no town in Ohio).
        let far_from_all = || {
            let Some(p) = e.coords else { return false };
            let mut others = entries
                .iter()
                .enumerate()
                .filter(|(j, o)| *j != mi && o.is_some_and(|o| o.name != e.name))
                .filter_map(|(_, o)| o.and_then(|o| o.coords))
                .peekable();
            others.peek().is_some()
                && others.all(|q| resolve::distance_km(p, q) > resolve::W.far_km)
        };
        let supported = !(c == top || top_n < 2 || own_n * 2 >= top_n);
        // (The story's country must rest on two names, or on a country, a capital or a
        // dateline: two lone far-apart towns tell nothing about each other.)
        let anchored = top_n >= 2
            || entries.iter().enumerate().any(|(j, o)| {
                j != mi
                    && !qualifier_only(j)
                    && o.is_some_and(|o| {
                        code(&Some(o)) == Some(top)
                            && (matches!(o.feature, feature::COUNTRY | feature::CAPITAL)
                                || datelines.get(j).copied().unwrap_or(false))
                    })
            });
        let stray = c != top && own_n == 0 && top_n >= 1 && anchored && far_from_all();
        if !supported && !stray {
            continue;
        }
        let neighbourhood = tokens
            .get(m.tokens.1 + 1)
            .is_some_and(|t| t.is(words::NEIGHBOURHOOD));
        let major =
            matches!(e.feature, feature::CAPITAL | feature::SEAT1) || e.population >= 100_000;
        // (Read only where the other reasons do not already decide.)
        let mut alternate = || {
            folded.clear();
            fold::fold_name_into(e.name, &mut folded);
            folded != m.key
        };
        if area {
            // A region of another country that only one of its alternate names matches, in
            // a story whose other names lie elsewhere, is a word, not that region: "the
            // Capital of Afghanistan" names no Capital Region of Denmark, "Federal Police" no
            // Federal District. (One word only: a longer alternate name is a name, not a
            // word. No place is made of it: it names none.)
            if supported && m.name_last() == m.tokens.0 && alternate() {
                picks[mi] = None;
            }
            continue;
        }
        if neighbourhood || !major || alternate() {
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
    entries
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
    sorted: bool,
) -> Option<usize> {
    let sent = doc.sentence_of(c.span.start);
    let in_sentence =
        |m: &detect::Mention| tokens.get(m.tokens.0).map(|t| t.sentence) == Some(sent);
    let has_coords = |p: usize| places.get(p).is_some_and(|p| p.lat.is_some());
    // Only the mentions that start inside the sentence can be in it (a token's sentence is
    // the first whose end lies after it): read those, not the whole document's.
    let (lo, hi) = if sorted {
        let from = sent
            .checked_sub(1)
            .and_then(|s| doc.sentences.get(s))
            .map_or(0, |r| r.end);
        let to = doc.sentences.get(sent).map_or(usize::MAX, |r| r.end);
        (
            mentions.partition_point(|m| m.span.start < from),
            mentions.partition_point(|m| m.span.start < to),
        )
    } else {
        (0, mentions.len())
    };
    let after = mentions
        .iter()
        .enumerate()
        .take(hi)
        .skip(lo)
        .filter(|(_, m)| {
            m.span.start >= c.span.end && m.span.start - c.span.end < 60 && in_sentence(m)
        })
        .filter(|(_, m)| !words::attributive(doc.text, &m.span))
        .filter_map(|(i, _)| mention_place.get(i).copied().flatten())
        .filter(|&p| has_coords(p))
        // The most specific of the names right after it: "the school in north-central
        // Nigeria's Niger State" lies in the state, not at the country's centre.
        .enumerate()
        .min_by_key(|&(k, p)| (places.get(p).map_or(9, |p| specificity(p.kind)), k))
        .map(|(_, p)| p);
    if after.is_some() {
        return after;
    }
    let before = mentions
        .iter()
        .enumerate()
        .take(hi)
        .skip(lo)
        .filter(|(_, m)| m.span.end <= c.span.start && in_sentence(m))
        // (Not a country named for whose people or arms: "a US soldier was killed in the
        // province of X" puts X in no part of the US.)
        .filter(|(_, m)| !words::attributive(doc.text, &m.span))
        .filter_map(|(i, _)| mention_place.get(i).copied().flatten())
        .filter(|&p| has_coords(p))
        .min_by_key(|&p| places.get(p).map_or(9, |p| specificity(p.kind)));
    if before.is_some() {
        return before;
    }
    let only_qualifies = |p: &ResolvedPlace| {
        p.kind == PlaceKind::Country && p.mentions.iter().all(|m| words::attributive(doc.text, m))
    };
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
                .filter(|(_, p)| p.lat.is_some() && !only_qualifies(p))
                .min_by_key(|(_, p)| specificity(p.kind))
                .map(|(i, _)| i)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> &'static Gazetteer {
        Gazetteer::embedded_shared()
    }

    fn places(text: &str) -> Vec<ResolvedPlace> {
        let doc = Document::new(text);
        let out = find(&doc, gazetteer());
        for p in &out {
            for m in &p.mentions {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                assert!(m.start < m.end && m.end <= text.len());
            }
        }
        out
    }

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        places(text)
            .into_iter()
            .map(|p| (p.name, p.country))
            .collect()
    }

    fn mention_texts(text: &str) -> Vec<String> {
        places(text)
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| text[m.clone()].to_string()))
            .collect()
    }

    fn country_of(text: &str, mention: &str) -> Option<String> {
        places(text)
            .into_iter()
            .find(|p| p.mentions.iter().any(|m| &text[m.clone()] == mention))
            .and_then(|p| p.country)
    }

    #[test]
    fn possessives_and_hyphenated_forms() {
        let t = "Baghdad's mayor said US-led forces would leave Iraq's north.";
        assert_eq!(mention_texts(t), vec!["Baghdad", "US", "Iraq"]);
        assert_eq!(country_of(t, "US").as_deref(), Some("US"));
    }

    #[test]
    fn articles_and_transliteration_variants() {
        let t = "Fighting spread from al-Hawijah to Falluja and then to Hodeidah in Yemen.";
        assert_eq!(country_of(t, "al-Hawijah").as_deref(), Some("IQ"));
        assert_eq!(country_of(t, "Falluja").as_deref(), Some("IQ"));
        assert_eq!(country_of(t, "Hodeidah").as_deref(), Some("YE"));
    }

    #[test]
    fn datelines_in_capitals() {
        assert_eq!(
            country_of("BAGHDAD (Wire) - Two bombs went off.", "BAGHDAD").as_deref(),
            Some("IQ")
        );
        let t = "SAN SALVADOR, 5 JAN 90 (RADIO NACIONAL) -- [Text] Troops clashed.";
        assert_eq!(country_of(t, "SAN SALVADOR").as_deref(), Some("SV"));
        // A capitals headline word that is a common word is not a place.
        assert!(names("MORE than 50 people were hurt.").is_empty());
    }

    #[test]
    fn common_words_and_people_are_not_places() {
        assert!(names("Most residents left early.").is_empty());
        assert!(names("Gates said President Obama met Michael Jordan and Bush.").is_empty());
        assert!(names("Iraqi and American officials met.").is_empty());
        assert!(names("Reading the statement, he paused.").is_empty());
        // A first mention with a given name makes the later surname a person too.
        assert!(names("President Daniel Ortega spoke. Later Ortega left.").is_empty());
    }

    #[test]
    fn organisations_hold_no_place() {
        assert!(names("Al Qaeda in Iraq claimed the attack.").is_empty());
        assert!(names("The Belfast Telegraph reported the blast.").is_empty());
        assert!(names("The Kurdistan Workers' Party denied it.").is_empty());
        assert!(names("Fighters of al-Shabab withdrew.").is_empty());
        assert!(names("The Jerusalem Post and Kabul Radio reported it.").is_empty());
        // Counter-example: a prefix with its hyphen.
        assert_eq!(
            country_of("They fled Mosul Post-war.", "Mosul").as_deref(),
            Some("IQ")
        );
    }

    #[test]
    fn adjectives_of_nationality_are_no_places_but_name_capitals() {
        // "the Somali capital" is Mogadishu, not Ethiopia's Somali Region.
        let t = "Gunmen stormed a hotel in the Somali capital on Sunday.";
        let p = places(t);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Mogadishu");
        assert_eq!(p[0].country.as_deref(), Some("SO"));
        assert_eq!(mention_texts(t), vec!["Somali capital"]);
        // The capital named twice is one place.
        let t = "Officials in the Iraqi capital said Baghdad was calm.";
        assert_eq!(places(t).len(), 1);
        // Adjectives alone: no place.
        assert!(names("Somali troops and Yemeni officials met Somalis.").is_empty());
        assert!(names("Iranian-backed militias withdrew.").is_empty());
        // A form that is also the country's short name: "Saudi-led" as "US-led".
        let t = "A Saudi-led coalition bombed the port.";
        assert_eq!(country_of(t, "Saudi").as_deref(), Some("SA"));
        // "Philippines" is the country, not a plural of "Philippine".
        assert_eq!(
            country_of("Floods hit the Philippines.", "Philippines").as_deref(),
            Some("PH")
        );
    }

    #[test]
    fn every_demonym_row_names_its_capital() {
        for row in demonyms::DEMONYMS {
            let code = Some(row.country.to_string());
            for form in row.forms {
                let mut cap = form.to_string();
                // "South Sudanese": every word capitalised.
                cap = cap
                    .split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_uppercase().chain(c).collect::<String>())
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                let t = format!("Officials in the {cap} capital said so.");
                let p = places(&t);
                if row.capital.is_empty() {
                    assert!(p.is_empty(), "{t}: {p:?}");
                    continue;
                }
                assert_eq!(p.len(), 1, "{t}: {p:?}");
                assert_eq!(p[0].country, code, "{t}");
                assert_eq!(p[0].kind, PlaceKind::City, "{t}");
            }
        }
    }

    #[test]
    fn adjectives_of_nationality_point_to_the_country() {
        // "San Miguel" has namesakes from El Salvador to the Philippines; a story about
        // Colombian police near Ecuador means a Colombian one.
        let t = "Colombian rebels attacked police in San Miguel on Sunday. Colombian troops \
                 gave chase.";
        assert_eq!(country_of(t, "San Miguel").as_deref(), Some("CO"));
    }

    #[test]
    fn a_minor_place_is_not_sent_far_from_every_other_place() {
        // The town in El Salvador (a region seat) lies some 2,000 km from every other
        // place of this story; the Colombian namesake does not.
        let t = "Colombian rebels attacked police in San Miguel, near the Ecuador border. \
                 Colombia sent troops.";
        assert_eq!(country_of(t, "San Miguel").as_deref(), Some("CO"));
        // Counter-example: a well-known far place keeps its pick ("Washington said").
        let t = "A bomb hit Kabul. Washington condemned it.";
        assert_eq!(country_of(t, "Washington").as_deref(), Some("US"));
    }

    #[test]
    fn a_lone_far_namesake_becomes_a_local_place() {
        // Only a town in Ohio bears the name; the story is set in Bogotá.
        let t = "Guerrillas looted the arsenal at North Canton. Bogotá's mayor condemned it.";
        assert_eq!(country_of(t, "North Canton").as_deref(), Some("CO"));
        // Counter-example: the text says where it is.
        let t = "A gunman opened fire in North Canton, Ohio. Bogotá sent condolences.";
        assert_eq!(country_of(t, "North Canton").as_deref(), Some("US"));
    }

    #[test]
    fn an_acronym_opening_the_text_is_no_dateline() {
        assert!(!names("ETA set off a bomb in Bilbao.")
            .iter()
            .any(|(n, _)| n == "Etah"));
        assert_eq!(
            country_of("KABUL: A bomb went off.", "KABUL").as_deref(),
            Some("AF")
        );
    }

    #[test]
    fn criminal_groups_are_no_places() {
        assert!(names("Gunmen of the Sinaloa cartel fled.").is_empty());
        assert!(names("Sinaloa and Jalisco cartels fight on.").is_empty());
        // Counter-example: the place of the violence.
        assert_eq!(
            country_of("Cartel violence shook Sinaloa again.", "Sinaloa").as_deref(),
            Some("MX")
        );
    }

    #[test]
    fn family_names_are_no_places() {
        assert!(names("A shell hit the Farah family home.").is_empty());
        assert!(names("Elders of the Kandahar clan met.").is_empty());
        // Counter-example: a family of a place.
        assert_eq!(
            country_of("A Gaza family lost its home.", "Gaza").as_deref(),
            Some("PS")
        );
    }

    #[test]
    fn a_facility_takes_the_most_specific_place_after_it() {
        let t = "Gunmen raided the Saint Anne's College in north-western Nigeria's Kebbi State.";
        let ps = places(t);
        let school = ps.iter().find(|p| p.name.contains("College"));
        let state = ps.iter().find(|p| p.name.starts_with("Kebbi"));
        assert!(school.is_some() && state.is_some(), "{ps:?}");
        assert_eq!(
            school.map(|p| (p.lat, p.lon)),
            state.map(|p| (p.lat, p.lon))
        );
    }

    #[test]
    fn a_border_names_a_neighbour_not_the_story_country() {
        let t = "Colombian rebels killed 8 police officers near the Ecuador border, in the \
                 town of San Miguel. The rebels use Ecuador as a refuge, the Colombian \
                 minister said, and Colombia will protest.";
        assert_eq!(country_of(t, "San Miguel").as_deref(), Some("CO"));
        // Counter-example: a story set in Ecuador keeps its San Miguel.
        let t = "Ecuadorean police said 3 people died in floods in San Miguel, in Ecuador's \
                 Cotopaxi province.";
        assert_eq!(country_of(t, "San Miguel").as_deref(), Some("EC"));
    }

    #[test]
    fn congo_follows_the_story() {
        let t = "Rebels attacked farms near Butembo in North Kivu, in eastern Congo.";
        assert_eq!(country_of(t, "Congo").as_deref(), Some("CD"));
        let t = "Fighting in Brazzaville and Pointe-Noire shook Congo.";
        assert_eq!(country_of(t, "Congo").as_deref(), Some("CG"));
    }

    #[test]
    fn a_connector_word_is_a_place_after_a_locative_word() {
        assert_eq!(
            country_of("Militants raided homes in Beni overnight.", "Beni").as_deref(),
            Some("CD")
        );
        assert_eq!(
            country_of("Raids hit the territory of Beni again.", "Beni").as_deref(),
            Some("CD")
        );
        assert!(names("Beni said nothing.").is_empty());
        assert!(names("The son of Beni spoke.").is_empty());
    }

    #[test]
    fn facilities_in_lower_case_and_with_possessives() {
        let has = |t: &str, name: &str| places(t).iter().any(|p| p.name == name);
        let t = "A rocket landed near Herat airport on Monday.";
        assert!(has(t, "Herat airport"), "{:?}", names(t));
        assert_eq!(country_of(t, "Herat airport").as_deref(), Some("AF"));
        assert!(has(
            "A blast shook the gate of Kandahar air base.",
            "Kandahar air base"
        ));
        assert!(has(
            "Gunmen raided Saint Anne's Catholic School in Kaduna.",
            "Saint Anne's Catholic School"
        ));
        // Counter-examples: one of a kind, no lead word, a name an office word opens.
        assert!(!has("He was taken to a Kabul hospital.", "Kabul hospital"));
        assert!(!has("Kabul hospitals were full.", "Kabul hospitals"));
        assert!(!places("He spoke at the Public Security Military Academy.")
            .iter()
            .any(|p| p.name.contains("Academy")));
    }

    #[test]
    fn abbreviations() {
        let t = "UN envoys met UK and U.S. officials.";
        let got = names(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(country_of(t, "UK").as_deref(), Some("GB"));
        assert_eq!(country_of(t, "U.S.").as_deref(), Some("US"));
    }

    #[test]
    fn places_made_from_context() {
        let t = "A car bomb hit the Nahrawiyya district of Baghdad on Sunday.";
        let p = places(t);
        let made = p.iter().find(|p| p.name == "Nahrawiyya").expect("district");
        assert_eq!(made.kind, PlaceKind::District);
        assert_eq!(made.country.as_deref(), Some("IQ"));
        let t = "Gunmen raided the village of Tel Qurnawi, in Basra province.";
        let p = places(t);
        let made = p.iter().find(|p| p.name == "Tel Qurnawi").expect("village");
        assert_eq!(made.kind, PlaceKind::City);
        assert_eq!(made.country.as_deref(), Some("IQ"));
        let t = "A blast hit the Zubaidi Hospital in Mosul.";
        let p = places(t);
        let site = p
            .iter()
            .find(|p| p.name == "Zubaidi Hospital")
            .expect("site");
        assert_eq!(site.kind, PlaceKind::Site);
        assert!(site.lat.is_some());
        // One of a kind, not a named place.
        assert!(!names("They bombed a Baptist Church in Lima.")
            .iter()
            .any(|(n, _)| n.contains("Church")));
    }

    #[test]
    fn resolution_uses_containment_distance_and_focus() {
        let t = "Police said Karma, in Anbar province, was shelled.";
        assert_eq!(country_of(t, "Karma").as_deref(), Some("IQ"));
        let t = "A bomb in Balad, 80 km north of Baghdad, killed four.";
        let p = places(t);
        let balad = p.iter().find(|p| p.name == "Balad").expect("Balad");
        assert_eq!(balad.country.as_deref(), Some("IQ"));
        // Kashmir is not sent to Washington State; "Washington said" is the US capital.
        let t = "Troops in Kashmir were attacked, India said. Washington said it was concerned.";
        assert_eq!(country_of(t, "Kashmir").as_deref(), Some("IN"));
        let w = places(t)
            .into_iter()
            .find(|p| p.name == "Washington")
            .expect("Washington");
        assert_eq!(w.kind, PlaceKind::City);
        assert!(w.lon.is_some_and(|lon| lon > -78.0 && lon < -76.0));
        // Spellings of one place make one place.
        let t = "Basra was quiet. Later Basrah saw protests.";
        assert_eq!(places(t).len(), 1);
    }

    #[test]
    fn empty_gazetteer_and_odd_text_do_not_panic() {
        let doc = Document::new("Baghdad is large.");
        assert!(find(&doc, &Gazetteer::empty()).is_empty());
        for t in [
            "",
            "'",
            "’s",
            "al-",
            "A",
            "\u{0}\u{ffff}",
            "É'’-- --,, .",
            "US",
            "U.S",
        ] {
            let _ = places(t);
        }
        // Pseudo-random text built from a fixed seed.
        let alphabet: Vec<char> = "aAbBlL -'’.,\nİßé😀Us".chars().collect();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200 {
            let mut s = String::new();
            for _ in 0..60 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            let _ = places(&s);
        }
    }

    #[test]
    fn remembered_walks_and_names_give_the_same_places() {
        // The per-thread memos (gazetteer walks, a name's candidates) must not change
        // anything: the same text gives the same places on every run and with another
        // loaded copy of the gazetteer.
        let t = "Gunmen attacked a market in Kismayo. Later Kismayo's mayor flew to Mogadishu, \
                 and troops in Anbar province moved on Karma, 40 km west of Falluja.";
        let first = find(&Document::new(t), gazetteer());
        assert!(!first.is_empty());
        assert_eq!(find(&Document::new(t), gazetteer()), first);
        let copy = Gazetteer::from_bytes(Gazetteer::embedded_bytes().to_vec()).expect("copy");
        assert_ne!(copy.instance_id(), gazetteer().instance_id());
        assert_eq!(find(&Document::new(t), &copy), first);
        // (Without names, only places made from context remain.)
        assert!(find(&Document::new(t), &Gazetteer::empty())
            .iter()
            .all(|p| p.geonames_id.is_none()));
        assert_eq!(find(&Document::new(t), gazetteer()), first);
    }

    /// Detection speed: `cargo test --release -- --ignored --nocapture detection_speed`.
    #[test]
    #[ignore]
    fn detection_speed() {
        let g = Gazetteer::embedded();
        let para = "BAGHDAD (Wire) - A car bomb killed 12 people in the Nahrawiyya district of \
                    Baghdad on Monday, police said. In Mosul, 300 km north of Baghdad, gunmen \
                    shot dead two soldiers. Most residents of Basra stayed home, and the \
                    President said US-led forces would leave Iraq by June. Officials in \
                    Anbar province reported clashes near Karma and Falluja.\n\n";
        let text = para.repeat(4_000_000 / para.len());
        let started = std::time::Instant::now();
        let doc = Document::new(&text);
        let found = find(&doc, &g);
        let secs = started.elapsed().as_secs_f64();
        let mb = text.len() as f64 / 1e6;
        println!(
            "places::find: {mb:.1} MB in {secs:.2} s = {:.1} MB/s, {} places",
            mb / secs,
            found.len()
        );
        let started = std::time::Instant::now();
        let bytes = Gazetteer::embedded_bytes().to_vec();
        let g2 = Gazetteer::from_bytes(bytes);
        println!(
            "Gazetteer::from_bytes: {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
        assert!(g2.is_ok());
    }
}
