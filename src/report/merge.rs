//! Incidents across documents: the same event told by several sources is one incident.
//!
//! Two incidents of different documents merge when
//! * their places are one (same name or GeoNames id, within [`MERGE_KM`], or one holds the
//!   other by country / admin1 codes),
//! * their dates are at most [`MERGE_DAYS`] apart (an unknown date does not block), and
//! * they share a category and its counts are compatible (the smaller at least
//!   1/[`MERGE_RATIO`] of the larger: tolls rise, they do not jump tenfold).
//!
//! The merged count is the highest consistent report, with the min/max range across sources
//! (IBC's practice). A document whose text hash repeats an earlier document's is a duplicate:
//! listed, not counted.

use crate::incidents::dates::{Date, Precision};
use crate::report::model::{
    Category, CorpusIncident, DocIncidents, DocumentReport, Duplicate, EventCount, EventPlace,
    PlaceKind, Report, SourceIncident, SourceRef,
};
use std::collections::BTreeMap;

/// Places at most this far apart (km) can be one event's.
pub const MERGE_KM: f64 = 50.0;
/// Dates at most this many days apart can be one event's.
pub const MERGE_DAYS: i64 = 2;
/// Counts within this factor of each other are compatible.
pub const MERGE_RATIO: u64 = 4;

/// The merged incidents and the duplicate documents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Corpus {
    /// Corpus-level incidents.
    pub incidents: Vec<CorpusIncident>,
    /// Documents that repeat an earlier one's text.
    pub duplicates: Vec<Duplicate>,
}

impl Report {
    /// A report over the given documents with their incidents merged across documents
    /// (where there is more than one document).
    pub fn merged(documents: Vec<DocumentReport>) -> Report {
        let mut r = Report::new(documents);
        if r.documents.len() > 1 {
            let digests: Vec<DocIncidents> = r
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| DocIncidents::of(i, d))
                .collect();
            let corpus = merge(&digests);
            r.incidents = corpus.incidents;
            r.duplicates = corpus.duplicates;
        }
        r
    }
}

/// FNV-1a 64 of a text with line ends ("\r\n", "\r") and outer white space normalised and a
/// byte-order mark dropped, as 16 hex digits: the same text decoded from any encoding hashes
/// the same.
pub fn text_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let t = text.trim_start_matches('\u{FEFF}').trim();
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let mut x = b[i];
        if x == b'\r' {
            x = b'\n';
            if b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        }
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    format!("{h:016x}")
}

fn is_area(kind: PlaceKind) -> bool {
    matches!(
        kind,
        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Region
    )
}

/// Why two places are one event's place, or None.
fn same_place(a: &EventPlace, b: &EventPlace) -> Option<String> {
    if a.name.eq_ignore_ascii_case(&b.name)
        || (a.geonames_id.is_some() && a.geonames_id == b.geonames_id)
    {
        return Some(format!("same place ({})", a.name));
    }
    if let (Some(la), Some(lo), Some(lb), Some(ob)) = (a.lat, a.lon, b.lat, b.lon) {
        let km = crate::incidents::group::haversine_km((la, lo), (lb, ob));
        if km <= MERGE_KM && !is_area(a.kind) && !is_area(b.kind) {
            return Some(format!("{} and {} are {km:.0} km apart", a.name, b.name));
        }
    }
    let holds = |x: &EventPlace, y: &EventPlace| match x.kind {
        PlaceKind::Country => x.country.is_some() && x.country == y.country,
        PlaceKind::Admin1 => {
            x.country.is_some()
                && x.country == y.country
                && y.admin1
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(&x.name))
        }
        _ => false,
    };
    if holds(a, b) || holds(b, a) {
        let (outer, inner) = if holds(a, b) { (a, b) } else { (b, a) };
        return Some(format!("{} lies in {}", inner.name, outer.name));
    }
    None
}

fn date_of(s: &Option<String>) -> Option<Date> {
    s.as_deref().and_then(Date::parse_iso)
}

/// Why two sources' counts are one event's, or None (no shared category, or a shared
/// category whose counts are far apart).
fn compatible(
    a: &BTreeMap<Category, EventCount>,
    b: &BTreeMap<Category, crate::vocab::Total>,
) -> Option<String> {
    let mut why = Vec::new();
    for (cat, x) in a {
        if let Some(y) = b.get(cat) {
            let (lo, hi) = (x.min.min(y.value), x.max.max(y.value));
            if lo.saturating_mul(MERGE_RATIO) < hi {
                return None;
            }
            why.push(format!("{} {} vs {}", cat.as_str(), x.value, y.value));
        }
    }
    (!why.is_empty()).then(|| format!("compatible counts ({})", why.join(", ")))
}

/// Merges the incidents of several documents (see the module's rules).
pub fn merge(docs: &[DocIncidents]) -> Corpus {
    let mut out = Corpus::default();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    // Working clusters: the merged incident and its sources' documents.
    let mut clusters: Vec<(CorpusIncident, Vec<usize>)> = Vec::new();
    for d in docs {
        if let Some(h) = d.text_hash.as_deref() {
            if let Some(&(_, first)) = seen.iter().find(|(x, _)| *x == h) {
                out.duplicates.push(Duplicate {
                    document: d.document,
                    same_as: first,
                });
                continue;
            }
            seen.push((h, d.document));
        }
        for inc in &d.incidents {
            let fit = clusters.iter().position(|(c, docs_in)| {
                !docs_in.contains(&d.document) && reasons(c, inc).is_some()
            });
            match fit {
                Some(k) => {
                    let (c, docs_in) = &mut clusters[k];
                    let why = reasons(c, inc).unwrap_or_default();
                    absorb(c, inc, why);
                    docs_in.push(d.document);
                }
                None => clusters.push((start(clusters.len(), inc), vec![d.document])),
            }
        }
    }
    out.incidents = clusters.into_iter().map(|(c, _)| c).collect();
    out
}

/// Why a source incident is the cluster's event, or None.
fn reasons(c: &CorpusIncident, inc: &SourceIncident) -> Option<Vec<String>> {
    let place = match (&c.place, &inc.place) {
        (Some(a), Some(b)) => same_place(a, b)?,
        _ => return None,
    };
    let mut why = vec![place];
    match (date_of(&c.date), date_of(&inc.date)) {
        (Some(a), Some(b)) => {
            let days = (a.days() - b.days()).abs();
            if days > MERGE_DAYS {
                return None;
            }
            why.push(format!("dates {days} day(s) apart"));
        }
        _ => why.push("no date to compare".into()),
    }
    why.push(compatible(&c.totals, &inc.totals)?);
    Some(why)
}

/// A cluster of one source.
fn start(n: usize, inc: &SourceIncident) -> CorpusIncident {
    CorpusIncident {
        id: format!("E{}", n + 1),
        date: inc.date.clone(),
        date_precision: inc.date_precision,
        place: inc.place.clone(),
        totals: inc
            .totals
            .iter()
            .map(|(&cat, t)| {
                (
                    cat,
                    EventCount {
                        value: t.value,
                        min: t.value,
                        max: t.value,
                    },
                )
            })
            .collect(),
        sources: vec![SourceRef {
            document: inc.document,
            name: inc.name.clone(),
            incident: inc.incident,
        }],
        sentences: inc.sentences.clone(),
        why: Vec::new(),
    }
}

/// Adds a source to a cluster: highest count, range across sources, the most specific place
/// and the most precise date.
fn absorb(c: &mut CorpusIncident, inc: &SourceIncident, why: Vec<String>) {
    for (&cat, t) in &inc.totals {
        let e = c.totals.entry(cat).or_insert(EventCount {
            value: t.value,
            min: t.value,
            max: t.value,
        });
        e.value = e.value.max(t.value);
        e.min = e.min.min(t.value);
        e.max = e.max.max(t.value);
    }
    if let (Some(a), Some(b)) = (&c.place, &inc.place) {
        if crate::places::specificity(b.kind) < crate::places::specificity(a.kind) {
            c.place = inc.place.clone();
        }
    }
    let rank = |p: Option<Precision>| match p {
        Some(Precision::Day) => 0,
        Some(Precision::Week) => 1,
        Some(Precision::Month) => 2,
        None => 3,
    };
    if inc.date.is_some() && rank(inc.date_precision) < rank(c.date_precision) {
        c.date = inc.date.clone();
        c.date_precision = inc.date_precision;
    }
    c.sources.push(SourceRef {
        document: inc.document,
        name: inc.name.clone(),
        incident: inc.incident,
    });
    for s in &inc.sentences {
        if !c.sentences.contains(s) {
            c.sentences.push(s.clone());
        }
    }
    c.why.push(format!(
        "{} #{}: {}",
        inc.name,
        inc.incident,
        why.join("; ")
    ));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::report::model::{Category, Report};
    use crate::{Extractor, Options};

    fn report(texts: &[&str]) -> Report {
        let ex = Extractor::new(crate::Gazetteer::embedded(), Options::default());
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| ex.extract(&format!("d{i}.txt"), t))
            .collect();
        Report::merged(docs)
    }

    #[test]
    fn three_reports_of_one_bombing_are_one_incident_with_the_highest_toll() {
        let a = "Blast kills 13 in Kirkuk\n\nPublished 4 March 2024\n\nA car bomb killed 13 \
                 people at a market in Kirkuk on Monday, police said.\n";
        let b = "Kirkuk toll rises to 18\n\nPublished 5 March 2024\n\nThe death toll from a \
                 car bomb at a market in Kirkuk on Monday rose to 18, officials said.\n";
        let c = "Kirkuk bombing: 21 dead\n\nPublished 5 March 2024\n\nTwenty-one people were \
                 killed by a car bomb at a market in Kirkuk on Monday, a medic said.\n";
        // The first text again, with other line ends: recognised, not counted.
        let again = a.replace('\n', "\r\n");
        let r = report(&[a, b, c, &again]);
        assert_eq!(r.incidents.len(), 1, "{:?}", r.incidents);
        let e = &r.incidents[0];
        let k = &e.totals[&Category::Killed];
        assert_eq!((k.value, k.min, k.max), (21, 13, 21));
        assert_eq!(e.sources.len(), 3);
        assert!(!e.why.is_empty());
        assert_eq!(r.duplicates.len(), 1);
        assert_eq!(e.date.as_deref(), Some("2024-03-04"));
    }

    #[test]
    fn two_attacks_on_one_day_in_two_towns_stay_two() {
        let a = "Bomb kills 6 in Kirkuk\n\nPublished 4 March 2024\n\nA bomb killed six people \
                 in Kirkuk on Monday, police said.\n";
        let b = "Gunmen kill 7 in Basra\n\nPublished 4 March 2024\n\nGunmen killed seven \
                 people in Basra on Monday, police said.\n";
        let r = report(&[a, b]);
        assert_eq!(r.incidents.len(), 2);
    }

    #[test]
    fn a_war_wide_toll_never_enters_a_total() {
        let t = "Strike kills 9 in Kirkuk\n\nAn air strike killed nine people in Kirkuk on \
                 Monday, medics said. Residents buried the dead on Tuesday.\n\nThe conflict has \
                 killed more than 200,000 people since 2014.\n";
        let r = report(&[t]);
        let d = &r.documents[0];
        assert_eq!(d.totals[&Category::Killed].value, 9);
        assert_eq!(d.background.len(), 1);
    }

    #[test]
    fn a_situation_report_keeps_its_provinces_apart() {
        // The first section's place comes from its heading, not its own sentence.
        let t = "Floods in Kerala\n\nMore than 90,000 people have been affected, with 41 \
                 deaths reported. In Odisha, 23 people have reportedly been killed.\n";
        let r = report(&[t]);
        let d = &r.documents[0];
        assert_eq!(d.incidents.len(), 2, "{:?}", d.incidents);
        assert_eq!(d.totals[&Category::Killed].value, 64);
    }

    #[test]
    fn an_earlier_event_is_context_unless_the_story_reports_it() {
        let t = "Gunmen kill 3 soldiers\n\nGunmen shot dead three soldiers near a village in \
                 the south on Monday. The attack came ten days after a firefight that left 13 \
                 soldiers dead in the same province.\n";
        let r = report(&[t]);
        let d = &r.documents[0];
        assert_eq!(d.totals[&Category::Killed].value, 3);
        assert_eq!(d.background.len(), 1);
        // Reported on: an incident of its own; its missing captives are its kidnapped.
        let t = "Gunmen abduct 40 pupils\n\nGunmen abducted 40 pupils from a school in the \
                 north on Friday. The abduction came four days after bandits stormed another \
                 school, kidnapping 20 girls. Two of the girls have escaped, but 18 are still \
                 missing.\n";
        let r = report(&[t]);
        let d = &r.documents[0];
        assert_eq!(
            d.totals[&Category::Kidnapped].value,
            60,
            "{:?}",
            d.incidents
        );
        assert!(!d.totals.contains_key(&Category::Missing));
        // Counter-example: "hours after" a threat, the story's own attack.
        let t = "Bomb kills 9\n\nHours after the group threatened the police, a car bomb \
                 killed nine people outside the station on Monday.\n";
        let r = report(&[t]);
        assert_eq!(r.documents[0].totals[&Category::Killed].value, 9);
    }

    #[test]
    fn one_earthquake_is_one_incident_across_the_border() {
        let t = "Quake kills hundreds\n\nA magnitude 7.1 earthquake killed about 800 people in \
                 northern Pakistan on Saturday, officials said. The interior minister said 780 \
                 people died in the quake in Kashmir. India reported 40 killed.\n";
        let r = report(&[t]);
        let d = &r.documents[0];
        assert_eq!(d.incidents.len(), 1, "{:?}", d.incidents);
        // Pakistan's 800 and India's 40: the lead's count names Pakistan alone, so India's
        // adds (incidents/count.rs, one disaster in two countries).
        assert_eq!(d.totals[&Category::Killed].value, 840);
        // Counter-example: another landslide elsewhere is another incident.
        let t = "Quake kills 30 in Peru\n\nAn earthquake killed 30 people in Peru on Monday. \
                 Separately, 12 people were killed in a landslide in Bolivia.\n";
        let r = report(&[t]);
        assert_eq!(r.documents[0].totals[&Category::Killed].value, 42);
    }

    #[test]
    fn a_battle_told_after_a_bombing_is_another_incident() {
        let t = "Bombs kill 60 in Baghdad\n\nCar bombs killed 60 people in Baghdad on Monday, \
                 police said. Troops said they had killed 4 insurgents in clashes in Baghdad \
                 overnight.\n";
        let r = report(&[t]);
        let d = &r.documents[0];
        assert_eq!(d.incidents.len(), 2, "{:?}", d.incidents);
        assert_eq!(d.totals[&Category::Killed].value, 64);
        // Counter-example: the bombing's own toll told again stays in it.
        let t = "Bombs kill 60 in Baghdad\n\nCar bombs killed 60 people in Baghdad on Monday, \
                 police said. The blasts also wounded 90.\n";
        let r = report(&[t]);
        assert_eq!(r.documents[0].incidents.len(), 1);
    }

    #[test]
    fn the_same_text_hashes_the_same_whatever_its_line_ends() {
        assert_eq!(text_hash("a\r\nb\n"), text_hash("\u{FEFF}a\nb"));
        assert_ne!(text_hash("a b"), text_hash("a  b"));
    }
}
