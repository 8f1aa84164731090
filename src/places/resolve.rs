//! Resolution: each distinct name -> one gazetteer entry, from the evidence of the whole
//! document, not the most populous namesake alone (which sends "Kashmir" to Washington State):
//! - what the name is: countries, capitals and regions before towns, then population; a
//!   region word ("Anbar province") wants a region;
//! - the document's country focus: the countries its other places lie in;
//! - containment: "Karma in Anbar province", "Rosario, Santa Fe", a region named elsewhere
//!   in the text;
//! - distance and bearing: "Balad, 80 km north of Baghdad";
//! - proximity to the other places of the document;
//! - a reader's country hint for the document, when there is one ([`resolve_scored`]).
//!
//! [`resolve_scored`] also keeps each name's best other candidates with their scores, so a
//! reader can see what else the name could be and choose it.

use super::detect::{Mention, Token};
use super::fold;
use super::gazetteer::{Entry, Gazetteer};
use super::index_format::feature;
use super::words::{attributive, FACILITY};
use crate::vocab::ScoreParts;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::rc::Rc;

/// Candidates considered per name.
const MAX_CANDIDATES: usize = 60;

/// Every weight of the resolution score, in one place. A candidate's score is the sum of
/// what the name alone says ([`base_score`], own name, region word) and the evidence of the
/// document (focus, containment, relations, distance).
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    /// Per log10 of population ("Basra" the city of 1.3 M before a village of 2,000).
    pub population: f64,
    /// The candidate's own name is the name written, not an alternate ("Farah" for "Farah").
    pub own_name: f64,
    /// ... and spelled letter for letter as written, where folding only makes names meet
    /// ("Samarra" is Sāmarrā’ in Iraq, not Samara in Russia, whose name folds alike: doubled
    /// letters collapse). Added to the own-name part.
    pub spelled: f64,
    /// A region word follows ("Mon district", "Kabul city"): an area or district gains
    /// this ...
    pub region_word_area: f64,
    /// ... or this, where the word names a first-level division ("the Kyiv region", "Konya
    /// province", [`super::aliases::PROVINCE_WORDS`]): more than a town of the name gains
    /// from its size and the places of the story around it (the town of Kyiv, beside
    /// Bucha, is not "the Kyiv region") ...
    pub province_word_area: f64,
    /// ... and a town loses this.
    pub region_word_town: f64,
    /// Focus votes of a mention of a country (a town's mention votes 1).
    pub country_vote: f64,
    /// Focus votes of a dateline ("BAGHDAD (Wire) -"), added once per name.
    pub dateline_vote: f64,
    /// Focus votes of each adjective of nationality ("Colombian police"), ...
    pub demonym_vote: f64,
    /// ... at most this much per country (an adjective is weaker evidence than a place).
    pub demonym_vote_cap: f64,
    /// Times the share of the other names' votes for the candidate's country.
    pub focus_share: f64,
    /// The candidate lies in the country with the most votes.
    pub focus_top: f64,
    /// A first-level region the document names contains the candidate.
    pub region_named: f64,
    /// "a in b": a candidate for `a` inside the pick for `b`.
    pub inside: f64,
    /// "a in b": a candidate for `b` that holds the pick for `a`.
    pub holds: f64,
    /// "a, 80 km north of b": at most this, less the error as a share of the distance.
    pub offset: f64,
    /// Another (non-area) place of the story within 150 km ...
    pub near_150km: f64,
    /// ... or within 500 km.
    pub near_500km: f64,
    /// A minor place farther than [`Weights::far_km`] from every other place the story
    /// names (countries and regions included) loses this: "San Miguel" in a Colombian
    /// story is not the town in El Salvador, "Mansour" in a Baghdad story is no US namesake.
    /// Countries, regions, and capitals and cities of a million under their own name are
    /// exempt (a story may name a far capital: "Washington said"; but "San Miguel" is no
    /// strong evidence for a big city that merely has it as an alternate name).
    pub far: f64,
    /// See [`Weights::far`].
    pub far_km: f64,
    /// A first-level region named with the word its country uses for them ("Plateau state":
    /// Nigeria's, [`super::aliases::DIVISION_WORDS`]).
    pub division_word: f64,
    /// The document's country hint (a reader's choice, [`crate::Options::country`]): a
    /// candidate in that country gains this, more than any evidence of the text gives a
    /// namesake (focus, dateline), less than a stated relation and a better name together.
    pub country_hint: f64,
}

/// The weights in use.
pub const W: Weights = Weights {
    population: 0.6,
    own_name: 0.5,
    spelled: 3.0,
    region_word_area: 4.0,
    province_word_area: 8.0,
    region_word_town: -2.0,
    country_vote: 2.0,
    dateline_vote: 4.0,
    demonym_vote: 0.5,
    demonym_vote_cap: 1.5,
    focus_share: 3.0,
    focus_top: 1.0,
    region_named: 2.0,
    inside: 5.0,
    holds: 3.0,
    offset: 6.0,
    near_150km: 1.5,
    near_500km: 0.75,
    far: 3.0,
    far_km: 1500.0,
    division_word: 2.0,
    country_hint: 6.0,
};

/// Whether a place mention names a border: "the Ecuador border", "Ecuador's border", "the
/// border with Ecuador", "across the border in Ecuador".
fn names_a_border(text: &str, span: &Range<usize>) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    let next = after.trim_start().get(..6).unwrap_or("");
    if next.eq_ignore_ascii_case("border") {
        return true;
    }
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let mut from = before.len().saturating_sub(20);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = before.get(from..).unwrap_or("");
    let tail = tail.to_ascii_lowercase();
    [
        "border with",
        "border with the",
        "frontier with",
        "border in",
    ]
    .iter()
    .any(|p| tail.ends_with(p))
}

/// Other candidates kept per name ([`Resolution::alternatives`]).
pub const MAX_ALTERNATIVES: usize = 4;

/// The picks of [`resolve_scored`] with, per mention, the best other candidates of its name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    /// The entry chosen for each mention (None where no candidate is usable).
    pub picks: Vec<Option<u32>>,
    /// Per mention: up to [`MAX_ALTERNATIVES`] other entries of its name with their final
    /// scores, best first.
    pub alternatives: Vec<Vec<(u32, f64)>>,
    /// Per mention, when traced ([`resolve_traced`]; else empty): its name's trace.
    pub traces: Vec<Option<Rc<NameTrace>>>,
    /// The relations the text states between mentions (mention `a`, the next mention `b`):
    /// "a in b", "a, b", "a, 80 km north of b".
    pub(super) relations: Vec<(usize, usize, Relation)>,
}

/// How one name was resolved: its best candidates with their scores part by part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NameTrace {
    /// How many candidates were scored.
    pub considered: usize,
    /// The pick first, then up to [`MAX_ALTERNATIVES`] others, best first: entry id and
    /// score parts ([`ScoreParts::total`] is the score compared).
    pub candidates: Vec<(u32, ScoreParts)>,
}

/// Great-circle distance in km.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dp = p2 - p1;
    let dl = (b.1 - a.1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// The point `km` away from `from` towards bearing `deg` (0 = north, 90 = east).
fn offset(from: (f64, f64), km: f64, deg: f64) -> (f64, f64) {
    let d = km / 6371.0;
    let b = deg.to_radians();
    let (lat1, lon1) = (from.0.to_radians(), from.1.to_radians());
    let lat2 = (lat1.sin() * d.cos() + lat1.cos() * d.sin() * b.cos()).asin();
    let lon2 = lon1 + (b.sin() * d.sin() * lat1.cos()).atan2(d.cos() - lat1.sin() * lat2.sin());
    (lat2.to_degrees(), lon2.to_degrees())
}

fn bearing(w: &str) -> Option<f64> {
    super::fold::with_lower(w, |l| {
        Some(match l {
            "north" => 0.0,
            "northeast" | "north-east" => 45.0,
            "east" => 90.0,
            "southeast" | "south-east" => 135.0,
            "south" => 180.0,
            "southwest" | "south-west" => 225.0,
            "west" => 270.0,
            "northwest" | "north-west" => 315.0,
            _ => return None,
        })
    })
}

/// What the name alone says of an entry: kind, population, own name, region word (the first
/// parts of [`ScoreParts`]), whether the entry's own name is the name written, and whether
/// it is spelled so letter for letter (the [`Weights::spelled`] bonus is the caller's).
/// `written` is the name as written ([`fold::spelled_into`]).
fn stat_parts(
    e: &Entry,
    m: &Mention,
    written: &str,
    folded: &mut String,
) -> (ScoreParts, bool, bool) {
    let mut p = ScoreParts {
        kind: kind_score(e),
        population: W.population * (f64::from(e.population) + 1.0).log10(),
        ..ScoreParts::default()
    };
    folded.clear();
    fold::fold_name_into(e.name, folded);
    let own_name = *folded == m.key;
    let mut spelled = false;
    if own_name {
        p.own_name = W.own_name;
        folded.clear();
        fold::spelled_into(e.name, folded);
        spelled = *folded == written;
    }
    if m.region_word {
        p.region_word = if e.is_area() || e.feature == feature::SECTION {
            if m.province_word {
                W.province_word_area
            } else {
                W.region_word_area
            }
        } else {
            W.region_word_town
        };
    }
    (p, own_name, spelled)
}

/// What the name alone says: [`kind_score`] and the weighted population.
fn base_score(e: &Entry) -> f64 {
    kind_score(e) + W.population * (f64::from(e.population) + 1.0).log10()
}

/// What kind of place an entry is: countries, capitals and regions before towns.
fn kind_score(e: &Entry) -> f64 {
    match e.feature {
        feature::COUNTRY => 5.0,
        feature::CAPITAL => 4.0,
        feature::ADMIN1 => 3.0,
        // A hand-kept region (a sea, a belt, "Darfur") is what news means by the name when
        // no evidence favours a namesake province or town: "the Red Sea port city of
        // Hodeidah" in a Yemen story is not the Red Sea governorate of Egypt, "Southern
        // Sinai" not Sinnai in Sardinia.
        feature::REGION => 4.0,
        feature::SEAT1 => 2.5,
        feature::DISTRICT | feature::SITE => 2.5,
        feature::ADMIN2 => 2.0,
        feature::SEAT2 => 1.5,
        feature::SEAT3 => 1.0,
        feature::TOWN => 0.5,
        _ => 0.3,
    }
}

/// A relation stated in the text between mention `a` and a later mention `b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Relation {
    /// "a in b", "a, b": a lies inside b (or near it when b is a town).
    Inside,
    /// "a, 80 km north of b".
    Offset { km: f64, bearing: f64 },
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.start..t.end).unwrap_or("")
}

/// Words that name a part of the place after them in a stated containment: "Nawa district
/// of southern Helmand", "Maarat in northern Idlib", "Sangin in the northern Helmand".
const COMPASS_PARTS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Relations from each mention to the mention right after it: `(a, b, relation)`, "a in b"
/// (a possessive names the container first: "Mosul's Old City" is `(Old City, Mosul)`).
fn relations(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<(usize, usize, Relation)> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for (ai, a) in mentions.iter().enumerate() {
        let Some(b_i) = ai.checked_add(1).filter(|&b| b < mentions.len()) else {
            continue;
        };
        let b = &mentions[b_i];
        let (a_last, b_first) = (a.tokens.1, b.tokens.0);
        if b_first <= a_last || b_first - a_last > 8 {
            continue;
        }
        if tokens.get(a_last).map(|t| t.sentence) != tokens.get(b_first).map(|t| t.sentence) {
            continue;
        }
        let between = text.get(a.span.end..b.span.start).unwrap_or("");
        // The words between, lower case (at most seven: `b_first - a_last <= 8`).
        lower.clear();
        let mut ends = [0usize; 8];
        let between_tokens = tokens.get(a_last + 1..b_first).unwrap_or(&[]);
        for (k, t) in between_tokens.iter().enumerate() {
            let w = word(text, t);
            if w.is_ascii() {
                lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                lower.push_str(&w.to_lowercase());
            }
            if let Some(e) = ends.get_mut(k) {
                *e = lower.len();
            }
        }
        let mut lw: [&str; 8] = [""; 8];
        let mut from = 0;
        for (k, &e) in ends.iter().enumerate().take(between_tokens.len()) {
            lw[k] = lower.get(from..e).unwrap_or("");
            from = e;
        }
        let words = &lw[..between_tokens.len().min(8)];
        // "in northern", "of southern", "in the central": the part of the container.
        let core = match words {
            [rest @ .., part] if COMPASS_PARTS.contains(part) => rest,
            _ => words,
        };
        if matches!(core, ["in"] | ["in", "the"] | ["of"] | ["province", "of"])
            && core.len() < words.len()
        {
            out.push((ai, b_i, Relation::Inside));
            continue;
        }
        // "Mosul's Old City": the place after a possessive lies in the place before it (not
        // a facility named after a person: "Saint Mark's Church").
        if matches!(between, "'s " | "\u{2019}s ")
            && tokens.get(a_last).is_some_and(|t| t.end != t.full_end)
            && !tokens
                .get(b_first..=b.tokens.1)
                .is_some_and(|ts| ts.iter().any(|t| t.is(FACILITY)))
        {
            out.push((b_i, ai, Relation::Inside));
            continue;
        }
        match words {
            [] if between.trim() == "," => out.push((ai, b_i, Relation::Inside)),
            ["in"] | ["in", "the"] | ["of"] | ["province", "of"] => {
                out.push((ai, b_i, Relation::Inside))
            }
            [.., n, unit, dir, "of"]
                if matches!(*unit, "km" | "kilometers" | "kilometres" | "miles" | "mi") =>
            {
                let km = n.replace(',', "").parse::<f64>().unwrap_or(0.0)
                    * if unit.starts_with('m') { 1.609 } else { 1.0 };
                if let Some(deg) = bearing(dir) {
                    if km > 0.0 && km < 2000.0 {
                        out.push((ai, b_i, Relation::Offset { km, bearing: deg }));
                    }
                }
            }
            [.., dir, "of"] if bearing(dir).is_some() => out.push((ai, b_i, Relation::Inside)),
            // "Sha'ab, a neighbourhood of Baghdad", "Karrada, a district of Baghdad".
            [.., quarter, "of"]
                if words.len() <= 4
                    && [
                        "neighbourhood",
                        "neighborhood",
                        "suburb",
                        "district",
                        "quarter",
                    ]
                    .contains(quarter) =>
            {
                out.push((ai, b_i, Relation::Inside))
            }
            // "Palma in the northern Mozambican province of Cabo Delgado": "in", at most
            // three words (article, compass part, adjective), a first-level word, "of".
            ["in", mid @ .., region, "of"]
                if mid.len() <= 3 && super::aliases::PROVINCE_WORDS.contains(region) =>
            {
                out.push((ai, b_i, Relation::Inside))
            }
            _ => {}
        }
    }
    out
}

/// Whether the mention opens the story as a dateline: "BAGHDAD (Reuters) -",
/// "San Salvador, 5 Jan 90 (Radio ...) --".
pub fn is_dateline(text: &str, tokens: &[Token], m: &Mention) -> bool {
    let first = m.tokens.0;
    if m.span.start > 400 || !tokens.get(first).is_some_and(|t| t.initial) {
        return false;
    }
    let after = text.get(m.span.end..).unwrap_or("");
    let line_start = text
        .get(..m.span.start)
        .map_or(0, |b| b.rfind('\n').map_or(0, |p| p + 1));
    let lead = text.get(line_start..m.span.start).unwrap_or("x");
    lead.trim().is_empty()
        && (after.starts_with(',')
            || after.starts_with(" (")
            || after.starts_with(" -")
            || after.starts_with(" —")
            || after.starts_with(" –"))
}

/// Chooses one entry for every mention (None where no candidate is usable).
pub fn resolve(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    gaz: &Gazetteer,
) -> Vec<Option<u32>> {
    let datelines: Vec<bool> = mentions
        .iter()
        .map(|m| is_dateline(text, tokens, m))
        .collect();
    let hints = super::detect::country_votes(text, tokens);
    resolve_with(text, tokens, mentions, &datelines, &hints, gaz)
}

/// [`resolve`] with each mention's [`is_dateline`] already known.
pub fn resolve_with(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    datelines: &[bool],
    hints: &[([u8; 2], u32)],
    gaz: &Gazetteer,
) -> Vec<Option<u32>> {
    resolve_scored(text, tokens, mentions, datelines, hints, None, gaz).picks
}

/// [`resolve_with`] keeping the other candidates, and preferring candidates in `country`
/// (a reader's hint; [`Weights::country_hint`]). Without a hint the picks are
/// [`resolve_with`]'s.
pub fn resolve_scored(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    datelines: &[bool],
    hints: &[([u8; 2], u32)],
    country: Option<[u8; 2]>,
    gaz: &Gazetteer,
) -> Resolution {
    resolve_inner(
        text, tokens, mentions, datelines, hints, country, gaz, false,
    )
}

/// [`resolve_scored`] with each name's trace ([`Resolution::traces`]): the same picks and
/// scores, and the parts of each candidate's score.
pub fn resolve_traced(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    datelines: &[bool],
    hints: &[([u8; 2], u32)],
    country: Option<[u8; 2]>,
    gaz: &Gazetteer,
) -> Resolution {
    resolve_inner(text, tokens, mentions, datelines, hints, country, gaz, true)
}

#[allow(clippy::too_many_arguments)]
fn resolve_inner(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    datelines: &[bool],
    hints: &[([u8; 2], u32)],
    country: Option<[u8; 2]>,
    gaz: &Gazetteer,
    trace: bool,
) -> Resolution {
    let hinted = |c: &Cand| {
        if country.is_some() && c.country == country {
            W.country_hint
        } else {
            0.0
        }
    };
    // Distinct names: the same folded name gets the same place throughout.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_key: FxHashMap<(&str, usize), usize> = FxHashMap::default();
    for (mi, m) in mentions.iter().enumerate() {
        let g = *by_key
            .entry((m.key.as_str(), word_side(m)))
            .or_insert_with(|| {
                groups.push(Vec::with_capacity(4));
                groups.len() - 1
            });
        groups[g].push(mi);
    }
    let group_of: Vec<usize> = {
        let mut v = vec![0; mentions.len()];
        for (g, ms) in groups.iter().enumerate() {
            for &m in ms {
                v[m] = g;
            }
        }
        v
    };
    // Each name's candidates as the scoring reads them (remembered per thread: a name's
    // candidates and their static scores do not depend on the document).
    let cands: Vec<Rc<[Cand]>> = groups
        .iter()
        .map(|ms| {
            let m = &mentions[ms[0]];
            let division = division_countries(text, tokens, m);
            name_cands(gaz, m, &written_name(text, tokens, m), division)
        })
        .collect();
    // Same region (the names are read only for the few pairs that need them).
    let same_admin1 = |e: &Cand, o: &Cand| {
        let a = gaz.admin1(e.id);
        a.is_some() && a == gaz.admin1(o.id)
    };

    let rels = relations(text, tokens, mentions);
    let mut rels_of: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (r, &(a, b, _)) in rels.iter().enumerate() {
        for g in [group_of[a], group_of[b]] {
            if let Some(v) = rels_of.get_mut(g) {
                if v.len() < 64 && !v.contains(&r) {
                    v.push(r);
                }
            }
        }
    }
    let dateline: Vec<bool> = groups
        .iter()
        .map(|ms| {
            ms.iter()
                .any(|&m| datelines.get(m).copied().unwrap_or(false))
        })
        .collect();
    // Each name's mentions that vote for its country: "the Ecuador border", "the border
    // with Ecuador" name a neighbour of the story's country, not the story's country; "US
    // troops", "the US embassy in Lima" whose people or building it is (a country's name).
    let voting: Vec<f64> = groups
        .iter()
        .zip(&cands)
        .map(|(ms, cs)| {
            let country = cs.first().is_some_and(|c| c.feature == feature::COUNTRY);
            ms.iter()
                .filter(|&&m| !names_a_border(text, &mentions[m].span))
                .filter(|&&m| !(country && attributive(text, &mentions[m].span)))
                .count() as f64
        })
        .collect();
    let mut scores: Vec<f64> = Vec::new();
    let mut pick: Vec<usize> = cands
        .iter()
        .map(|cs| {
            scores.clear();
            scores.extend(cs.iter().map(|c| c.stat + hinted(c)));
            argmax(&scores).unwrap_or(0)
        })
        .collect();
    let mut final_scores: Vec<Vec<f64>> = vec![Vec::new(); groups.len()];
    // (Traced only: each candidate's evidence of the document, part by part.)
    let mut final_parts: Vec<Vec<ScoreParts>> = vec![Vec::new(); groups.len()];
    let mut parts: Vec<ScoreParts> = Vec::new();
    for _round in 0..3 {
        // Country focus from the current picks, each name counted by its mentions.
        // Ordered, so that a tie between countries breaks the same way on every run.
        let mut votes: BTreeMap<[u8; 2], f64> = BTreeMap::new();
        let mut total = 0.0;
        for g in 0..groups.len() {
            if let Some(e) = cands[g].get(pick[g]) {
                if let Some(c) = e.country {
                    let w = if e.feature == feature::COUNTRY {
                        W.country_vote
                    } else {
                        1.0
                    } * voting[g]
                        + if dateline[g] { W.dateline_vote } else { 0.0 };
                    *votes.entry(c).or_default() += w;
                    total += w;
                }
            }
        }
        // Adjectives of nationality: weaker votes, never a place themselves.
        for &(c, n) in hints {
            let w = (W.demonym_vote * f64::from(n)).min(W.demonym_vote_cap);
            *votes.entry(c).or_default() += w;
            total += w;
        }
        let mut next = pick.clone();
        for g in 0..groups.len() {
            scores.clear();
            scores.extend(cands[g].iter().map(|c| c.stat + hinted(c)));
            // Votes from the other names only: this name's own vote (its current pick's
            // country) comes out of its country's votes and of the total.
            let (own_c, own_w) = match cands[g].get(pick[g]) {
                Some(p) if p.country.is_some() => (
                    p.country,
                    if p.feature == feature::COUNTRY {
                        W.country_vote
                    } else {
                        1.0
                    } * voting[g]
                        + if dateline[g] { W.dateline_vote } else { 0.0 },
                ),
                _ => (None, 0.0),
            };
            let others = |c: &[u8; 2], n: f64| if own_c == Some(*c) { n - own_w } else { n };
            // (Ordered: a tie between countries breaks the same way on every run.)
            let top = votes
                .iter()
                .map(|(c, n)| (*c, others(c, *n)))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(c, _)| c);
            let t = total - own_w;
            parts.clear();
            for (ci, e) in cands[g].iter().enumerate() {
                let mut s = 0.0;
                let mut part = ScoreParts::default();
                // (A dateline is the anchor itself.)
                if let Some(c) = e.country.filter(|_| !dateline[g]) {
                    let v = others(&c, votes.get(&c).copied().unwrap_or(0.0));
                    if t > 0.0 {
                        s += W.focus_share * (v / t).max(0.0);
                        part.focus += W.focus_share * (v / t).max(0.0);
                    }
                    if top == Some(c) && v > 0.0 {
                        s += W.focus_top;
                        part.focus += W.focus_top;
                    }
                }
                // Far from every other place of the story (see `Weights::far`): unknown
                // until another place with coordinates is seen.
                let mut far = if e.major { None } else { e.point.map(|_| true) };
                // A region of the document contains it. (Read from the names nearest in the
                // text: see [`NEAR_NAMES`].)
                let (lo, hi) = near_names(g, cands.len());
                for (h, other) in cands.iter().enumerate().take(hi).skip(lo) {
                    if h == g {
                        continue;
                    }
                    let Some(o) = other.get(pick[h]) else {
                        continue;
                    };
                    if o.feature == feature::ADMIN1
                        && e.country == o.country
                        && e.feature != feature::ADMIN1
                        && same_admin1(e, o)
                    {
                        s += W.region_named;
                        part.region_named += W.region_named;
                    }
                    if let (Some(a), Some(b)) = (&e.point, &o.point) {
                        if !e.is_area() && !o.is_area() {
                            let n = nearness(a, b);
                            s += n;
                            part.near += n;
                        }
                        if far == Some(true) && voting[h] > 0.0 && within(a, b, W.far_km) {
                            far = Some(false);
                        }
                    }
                }
                // (A country named only for whose people or arms, "US Air Force personnel",
                // is no place of the story: `voting`.)
                if far == Some(true)
                    && seen_points(&cands[lo..hi], &pick[lo..hi], &voting[lo..hi], g - lo)
                {
                    s -= W.far;
                    part.far -= W.far;
                }
                // Stated relations.
                for &(a, b, rel) in rels_of[g].iter().map(|&r| &rels[r]) {
                    let (me, them) = if group_of[a] == g {
                        (true, group_of[b])
                    } else if group_of[b] == g {
                        (false, group_of[a])
                    } else {
                        continue;
                    };
                    if them == g {
                        continue;
                    }
                    let Some(o) = cands[them].get(pick[them]) else {
                        continue;
                    };
                    match rel {
                        Relation::Inside if me => {
                            if inside(e, o, same_admin1) {
                                s += W.inside;
                                part.relations += W.inside;
                            }
                        }
                        Relation::Inside => {
                            // "Karma in Anbar": Anbar is the region that holds Karma.
                            if inside(o, e, same_admin1) {
                                s += W.holds;
                                part.relations += W.holds;
                            }
                        }
                        Relation::Offset { km, bearing } if me => {
                            if let (Some(p), Some(q)) = (e.coords, o.coords) {
                                let want = offset(q, km, bearing);
                                let err = distance_km(p, want);
                                let off = W.offset * (1.0 - err / km.max(30.0)).max(0.0);
                                s += off;
                                part.relations += off;
                            }
                        }
                        Relation::Offset { .. } => {}
                    }
                }
                scores[ci] += s;
                if trace {
                    part.hint = hinted(e);
                    part.total = scores[ci];
                    parts.push(part);
                }
            }
            next[g] = argmax(&scores).unwrap_or(0);
            final_scores[g].clone_from(&scores);
            if trace {
                final_parts[g].clone_from(&parts);
            }
        }
        if next == pick {
            break;
        }
        pick = next;
    }
    // The best other candidates of each name, by their last scores.
    let alternatives: Vec<Vec<(u32, f64)>> = final_scores
        .iter()
        .enumerate()
        .map(|(g, sc)| {
            let mut order: Vec<usize> = (0..sc.len().min(cands[g].len()))
                .filter(|&i| i != pick[g])
                .collect();
            order.sort_by(|&a, &b| sc[b].total_cmp(&sc[a]).then(a.cmp(&b)));
            order
                .into_iter()
                .take(MAX_ALTERNATIVES)
                .map(|i| (cands[g][i].id, sc[i]))
                .collect()
        })
        .collect();
    // Traced: each name's pick and best others, with the static parts read again.
    let traces: Vec<Option<Rc<NameTrace>>> = if trace {
        let mut folded = String::new();
        let per_group: Vec<Option<Rc<NameTrace>>> = (0..groups.len())
            .map(|g| {
                let m = &mentions[groups[g][0]];
                let written = written_name(text, tokens, m);
                let sc = final_scores.get(g)?;
                let ps = final_parts.get(g)?;
                let mut order: Vec<usize> = (0..sc.len().min(cands[g].len()).min(ps.len()))
                    .filter(|&i| i != pick[g])
                    .collect();
                order.sort_by(|&a, &b| sc[b].total_cmp(&sc[a]).then(a.cmp(&b)));
                order.truncate(MAX_ALTERNATIVES);
                let candidates = std::iter::once(pick[g])
                    .chain(order)
                    .filter_map(|i| {
                        let c = cands[g].get(i)?;
                        let e = gaz.entry(c.id)?;
                        let (st, _, _) = stat_parts(&e, m, &written, &mut folded);
                        let spelled = if c.spelled { W.spelled } else { 0.0 };
                        let division = if c.division { W.division_word } else { 0.0 };
                        let d = ps.get(i)?;
                        Some((
                            c.id,
                            ScoreParts {
                                kind: st.kind,
                                population: st.population,
                                own_name: st.own_name + spelled,
                                region_word: st.region_word + division,
                                ..*d
                            },
                        ))
                    })
                    .collect();
                Some(Rc::new(NameTrace {
                    considered: cands[g].len(),
                    candidates,
                }))
            })
            .collect();
        (0..mentions.len())
            .map(|mi| per_group.get(group_of[mi]).cloned().flatten())
            .collect()
    } else {
        Vec::new()
    };
    Resolution {
        traces,
        picks: mentions
            .iter()
            .enumerate()
            .map(|(mi, _)| {
                let g = group_of[mi];
                cands[g].get(pick[g]).map(|e| e.id)
            })
            .collect(),
        alternatives: (0..mentions.len())
            .map(|mi| alternatives[group_of[mi]].clone())
            .collect(),
        relations: rels,
    }
}

/// A position with the parts of [`distance_km`] that depend on it alone (computed the same
/// way, so that distances come out bit for bit the same).
#[derive(Clone, Copy)]
struct Point {
    lat: f64,
    lon: f64,
    /// Latitude in radians.
    p: f64,
    /// Its cosine.
    cos_p: f64,
}

impl Point {
    fn new((lat, lon): (f64, f64)) -> Point {
        let p = lat.to_radians();
        Point {
            lat,
            lon,
            p,
            cos_p: p.cos(),
        }
    }
}

/// The proximity score of two places: 1.5 within 150 km, 0.75 within 500 km, else 0.
/// Equal to scoring `distance_km(a, b)`, without the trigonometry for places far apart in
/// latitude alone (more than 4.6 degrees: over 511 km).
fn nearness(a: &Point, b: &Point) -> f64 {
    let valid = |x: &Point| x.lat.abs() <= 90.0;
    if valid(a) && valid(b) && (b.lat - a.lat).abs() > 4.6 {
        return 0.0;
    }
    let dp = b.p - a.p;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + a.cos_p * b.cos_p * (dl / 2.0).sin().powi(2);
    let d = 2.0 * 6371.0 * h.sqrt().min(1.0).asin();
    if d < 150.0 {
        W.near_150km
    } else if d < 500.0 {
        W.near_500km
    } else {
        0.0
    }
}

/// Whether another name than group `g` has a pick with coordinates.
/// How many distinct names before and after a name (in order of first mention) its
/// distance evidence reads: every name of a news story (the dev set's most is 18), and in a
/// long report the places of its own part, so that a document's cost stays linear in its
/// length.
pub const NEAR_NAMES: usize = 64;

/// The range of names (indices in order of first mention) within [`NEAR_NAMES`] of name `g`.
fn near_names(g: usize, len: usize) -> (usize, usize) {
    (g.saturating_sub(NEAR_NAMES), (g + NEAR_NAMES + 1).min(len))
}

fn seen_points(cands: &[Rc<[Cand]>], pick: &[usize], voting: &[f64], g: usize) -> bool {
    cands
        .iter()
        .zip(pick)
        .zip(voting)
        .enumerate()
        .any(|(h, ((c, &p), &v))| h != g && v > 0.0 && c.get(p).is_some_and(|o| o.point.is_some()))
}

/// Whether two points lie within `km` of each other (an equirectangular estimate, within a
/// few per cent at the distances [`Weights::far_km`] asks about; no trigonometry).
fn within(a: &Point, b: &Point, km: f64) -> bool {
    const KM_PER_DEG: f64 = 111.195;
    let dy = (b.lat - a.lat).abs() * KM_PER_DEG;
    if dy > km {
        return false;
    }
    let mut dl = (b.lon - a.lon).abs();
    if dl > 180.0 {
        dl = 360.0 - dl;
    }
    // The smaller cosine of the two latitudes: never says "far" for a near pair.
    let dx = dl * KM_PER_DEG * a.cos_p.min(b.cos_p);
    dx * dx + dy * dy <= km * km
}

/// A candidate entry as the scoring reads it.
#[derive(Clone, Copy)]
struct Cand {
    id: u32,
    feature: u8,
    /// ISO alpha-2 code.
    country: Option<[u8; 2]>,
    coords: Option<(f64, f64)>,
    point: Option<Point>,
    /// What the name alone says: [`base_score`], own name, region word.
    stat: f64,
    /// A country or region, or a capital or city of a million under its own name
    /// ([`Weights::far`]).
    major: bool,
    /// Its own name is the name written ([`stat_parts`]).
    own_name: bool,
    /// ... spelled as written, where another own name only folds alike: [`Weights::spelled`]
    /// is in `stat`.
    spelled: bool,
    /// A first-level region named with its country's word for them:
    /// [`Weights::division_word`] is in `stat`.
    division: bool,
}

impl Cand {
    /// [`Entry::is_area`].
    fn is_area(&self) -> bool {
        matches!(
            self.feature,
            feature::COUNTRY | feature::ADMIN1 | feature::REGION | feature::ADMIN2
        )
    }
}

/// A name's candidates (the first [`MAX_CANDIDATES`] ids) and what the scoring reads of them
/// (region names are read from the gazetteer where a rule needs them).
type NameCands = (Vec<u32>, Rc<[Cand]>);

/// Names remembered per thread (then the memo starts afresh).
const NAME_MEMO: usize = 1 << 14;

/// Per thread: (gazetteer id, per [`word_side`]: folded name -> candidates).
type Names = (u64, [FxHashMap<Box<str>, NameCands>; 3]);

/// What word follows the name, as the static scores read it: none, a region word, or a
/// first-level region word.
fn word_side(m: &Mention) -> usize {
    usize::from(m.region_word) + usize::from(m.province_word)
}

thread_local! {
    static NAMES: RefCell<Names> = RefCell::new((0, Default::default()));
}

/// A mention's name as written, letter for letter ([`fold::spelled_into`]), without the
/// region word its span holds ("Anbar" of "Anbar province").
fn written_name(text: &str, tokens: &[Token], m: &Mention) -> String {
    let mut out = String::new();
    fold::spelled_into(text.get(m.name_span(tokens)).unwrap_or(""), &mut out);
    out
}

/// The countries whose first-level divisions the mention's region word names ("state",
/// "governorate": [`super::aliases::DIVISION_WORDS`]), if it has one.
fn division_countries(
    text: &str,
    tokens: &[Token],
    m: &Mention,
) -> Option<&'static [&'static str]> {
    if !m.province_word {
        return None;
    }
    let w = tokens
        .get(m.tokens.1)
        .and_then(|t| text.get(t.start..t.end))?;
    let singular = w.strip_suffix('s').unwrap_or(w);
    super::aliases::DIVISION_WORDS
        .iter()
        .find_map(|(word, cs)| {
            (word.eq_ignore_ascii_case(w) || word.eq_ignore_ascii_case(singular)).then_some(*cs)
        })
}

/// The candidates of a mention's name with their static scores (remembered by the name as
/// written: two spellings that fold alike score apart, see [`Weights::spelled`]).
fn name_cands(
    gaz: &Gazetteer,
    m: &Mention,
    written: &str,
    division: Option<&'static [&'static str]>,
) -> Rc<[Cand]> {
    // (The memo's key: the name as written, and the division word's countries when the
    // name has one; no copy of the name otherwise.)
    let key: std::borrow::Cow<str> = match division {
        Some(cs) => format!("{written}\u{0}{}", cs.first().copied().unwrap_or("")).into(),
        None => written.into(),
    };
    let input = m.candidates.get(..MAX_CANDIDATES).unwrap_or(&m.candidates);
    let gid = gaz.instance_id();
    let side = word_side(m);
    // (`try_with`, `try_borrow`: a memo that cannot be read is simply not used.)
    let known = NAMES
        .try_with(|n| {
            let n = n.try_borrow().ok()?;
            if n.0 != gid {
                return None;
            }
            n.1[side]
                .get(key.as_ref())
                .filter(|(ids, _)| ids.as_slice() == input)
                .map(|(_, c)| c.clone())
        })
        .ok()
        .flatten();
    if let Some(c) = known {
        return c;
    }
    let mut folded = String::new();
    let mut cands: Vec<Cand> = input
        .iter()
        .filter_map(|&c| gaz.entry(c))
        .map(|e| {
            let mut s = base_score(&e);
            let (p, own_name, spelled) = stat_parts(&e, m, written, &mut folded);
            if own_name {
                s += p.own_name;
            }
            if m.region_word {
                s += p.region_word;
            }
            Cand {
                id: e.id,
                feature: e.feature,
                country: e.country.and_then(|c| c.as_bytes().try_into().ok()),
                coords: e.coords,
                point: e.coords.map(Point::new),
                stat: s,
                major: e.is_area()
                    || own_name && (e.feature == feature::CAPITAL || e.population >= 1_000_000),
                own_name,
                spelled,
                division: false,
            }
        })
        .collect();
    // Two own names that only fold alike ("Samarra", "Samara"): the one spelled as written
    // gains (the mark is kept where it counts only).
    let split = cands.iter().any(|c| c.own_name && !c.spelled);
    for c in &mut cands {
        c.spelled &= split;
        if c.spelled {
            c.stat += W.spelled;
        }
    }
    // "Plateau state": a first-level region in a country that calls them so.
    if let Some(cs) = division {
        for c in &mut cands {
            let named = c
                .country
                .is_some_and(|cc| cs.iter().any(|x| x.as_bytes() == cc));
            if c.feature == feature::ADMIN1 && named {
                c.stat += W.division_word;
                c.division = true;
            }
        }
    }
    let cands: Rc<[Cand]> = cands.into();
    let _ = NAMES.try_with(|n| {
        if let Ok(mut n) = n.try_borrow_mut() {
            if n.0 != gid || n.1.iter().map(FxHashMap::len).sum::<usize>() >= NAME_MEMO {
                n.0 = gid;
                n.1.iter_mut().for_each(FxHashMap::clear);
            }
            n.1[side].insert(key.as_ref().into(), (input.to_vec(), cands.clone()));
        }
    });
    cands
}

/// Whether `e` lies inside (or, for a town, near) `o`.
fn inside(e: &Cand, o: &Cand, same_admin1: impl Fn(&Cand, &Cand) -> bool) -> bool {
    match o.feature {
        feature::COUNTRY => e.country == o.country,
        feature::ADMIN1 => e.country == o.country && same_admin1(e, o),
        _ => match (e.coords, o.coords) {
            (Some(a), Some(b)) => e.country == o.country && distance_km(a, b) < 100.0,
            _ => false,
        },
    }
}

fn argmax(v: &[f64]) -> Option<usize> {
    v.iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_bearings() {
        let baghdad = (33.34, 44.40);
        let p = offset(baghdad, 80.0, 0.0);
        assert!((distance_km(baghdad, p) - 80.0).abs() < 0.5);
        assert!(p.0 > baghdad.0);
        assert!(distance_km((0.0, 0.0), (0.0, 0.0)) < 1e-9);
    }

    #[test]
    fn nearness_scores_distance_km() {
        let score = |d: f64| {
            if d < 150.0 {
                1.5
            } else if d < 500.0 {
                0.75
            } else {
                0.0
            }
        };
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |span: f64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 1_000_000) as f64 / 1_000_000.0 * span
        };
        for _ in 0..20_000 {
            let a = (next(180.0) - 90.0, next(360.0) - 180.0);
            // Mostly nearby points, around the thresholds.
            let b = (a.0 + next(12.0) - 6.0, a.1 + next(12.0) - 6.0);
            let want = score(distance_km(a, b));
            assert_eq!(
                nearness(&Point::new(a), &Point::new(b)),
                want,
                "{a:?} {b:?}"
            );
        }
    }
}
