//! The report of `../shared/corpus/SCHEMA.md` (`casualty-lens/1`): what the CLI writes and the
//! app exports. Offsets here are Unicode code point offsets, end exclusive.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// The shared vocabulary, defined on the ground floor (`crate::vocab`) so that the stages
// below the report need not import it.
pub use crate::vocab::{
    Candidate, Category, Considered, PlaceKind, PlaceWhy, Qualifier, ScoreParts, Total,
};

/// The schema tag every report carries.
pub const SCHEMA: &str = "casualty-lens/1";

/// A stretch of the document: code point offsets and the text they cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// One casualty figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Code point offset of the number expression (with its qualifier).
    pub start: usize,
    /// End (exclusive) of the number expression.
    pub end: usize,
    /// The number expression as written.
    pub text: String,
    /// Kind of harm.
    pub category: Category,
    /// The stated number (the low end for ranges and vague words).
    pub value: u64,
    /// How the number bounds the truth.
    pub qualifier: Qualifier,
    /// Lowest count the text allows, under the chosen coding policy; null where it sets none.
    pub min: Option<u64>,
    /// Highest count the text allows; null where it sets none.
    pub max: Option<u64>,
    /// Who was harmed, as written ("police officers"), or null.
    pub victims: Option<String>,
    /// The word(s) that say what harm was done.
    pub trigger: Span,
    /// Index into the document's `places`: where the harm happened.
    pub place: Option<usize>,
    /// Index into the document's `figures`: the total this one is a part of.
    pub part_of: Option<usize>,
    /// How sure the extractor is, 0..1.
    #[serde(serialize_with = "shortest")]
    pub confidence: f32,
    /// The sentence the figure was read from (extra key: the evidence the app shows).
    pub sentence: Span,
    /// A singular victim with no number word ("a civilian was killed"): value 1, the span is
    /// the noun phrase. Written only when true (SCHEMA.md).
    #[serde(default, skip_serializing_if = "is_false")]
    pub implicit: bool,
    /// Why the figure was read (extra key): the construction and the trigger row, one line
    /// (`attach.toll: 'death toll' (toll) — the toll rose to N`; `figures::rule`).
    #[serde(default)]
    pub rule: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Serialises an `f32` confidence as the `f64` its shortest decimal form names: JSON text is
/// unchanged ("0.85"), and serialisers that keep binary floats (Arrow, JavaScript, Python
/// objects) get 0.85 rather than the widened 0.8500000238418579.
pub(crate) fn shortest<S: serde::Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
    use std::fmt::Write;
    /// A stack buffer for the digits: an `f32`'s shortest form is at most ~50 bytes.
    struct Digits {
        buf: [u8; 64],
        len: usize,
    }
    impl Write for Digits {
        fn write_str(&mut self, part: &str) -> std::fmt::Result {
            let end = self.len + part.len();
            let slot = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
            slot.copy_from_slice(part.as_bytes());
            self.len = end;
            Ok(())
        }
    }
    let mut d = Digits {
        buf: [0; 64],
        len: 0,
    };
    let wide = match write!(d, "{v}") {
        Ok(()) => std::str::from_utf8(&d.buf[..d.len])
            .ok()
            .and_then(|t| t.parse::<f64>().ok())
            .unwrap_or(f64::from(*v)),
        Err(_) => f64::from(*v),
    };
    s.serialize_f64(wide)
}

/// A distinct real place the document names, with every mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Resolved (gazetteer) name.
    pub name: String,
    /// ISO 3166 alpha-2 country code.
    pub country: Option<String>,
    /// First-level region name.
    pub admin1: Option<String>,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// WGS84 latitude, or null where unknown.
    pub lat: Option<f64>,
    /// WGS84 longitude, or null where unknown.
    pub lon: Option<f64>,
    /// GeoNames id where the place came from the gazetteer.
    pub geonames_id: Option<u64>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
    /// The best other gazetteer readings of the name, best first (extra key, written only
    /// when [`crate::Options::candidates`] asks for it: the app shows them so a reader can
    /// choose another).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
    /// How the name was resolved: the candidates scored with their score parts, the winner
    /// first (extra key, written with [`Place::candidates`]; none for places found from
    /// context).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<PlaceWhy>,
}

/// One incident of a document (SCHEMA.md `incidents`): a harmful event the document reports
/// as news.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// The day of the harm (YYYY-MM-DD), where the text tells it.
    pub date: Option<String>,
    /// How precisely `date` is known: `day`, `week` or `month` (extra key).
    #[serde(default)]
    pub date_precision: Option<Precision>,
    /// Index into the document's `places`.
    pub place: Option<usize>,
    /// Count per category (`value`, `min`, `max`; extra keys `figures`, `history`).
    pub totals: BTreeMap<Category, Total>,
    /// Indices of the figures that make it (parts included).
    pub figures: Vec<usize>,
    /// How sure the grouping is, 0..1 (extra key).
    #[serde(default, serialize_with = "shortest")]
    pub confidence: f32,
}

pub use crate::incidents::dates::Precision;

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentReport {
    /// File name (or id) of the document.
    pub name: String,
    /// Publication date (YYYY-MM-DD) where the text gives one.
    pub date: Option<String>,
    /// Casualty figures in text order.
    pub figures: Vec<Figure>,
    /// Distinct places in order of first mention.
    pub places: Vec<Place>,
    /// Document totals per category: the sums of the incidents' counts.
    pub totals: BTreeMap<Category, Total>,
    /// The incidents the document reports as news.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Indices of background figures (a longer period's toll, an earlier event).
    #[serde(default)]
    pub background: Vec<usize>,
    /// Indices of figures that total several incidents.
    #[serde(default)]
    pub summary: Vec<usize>,
    /// A hash of the decoded text (16 hex digits, FNV-1a 64 over the text with line ends
    /// and outer white space normalised; extra key): the same text loaded twice, or in
    /// another encoding, has the same hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_hash: Option<String>,
    /// Set when the document could not be read (extra key); figures and places are then empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// For a PDF, the code point offset where each page starts (extra key, written only for
    /// documents with pages): an offset's page is `text::pdf::page_of(&pages, offset)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<usize>,
}

/// The whole report: schema tag and documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// One entry per input document, in input order.
    pub documents: Vec<DocumentReport>,
    /// Corpus-level incidents: the documents' incidents with those that are one event merged
    /// (extra key, written when the report covers more than one document).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<CorpusIncident>,
    /// Documents whose text repeats an earlier document's (extra key): not counted again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<Duplicate>,
}

impl Report {
    /// A report over the given documents (no corpus-level incidents).
    pub fn new(documents: Vec<DocumentReport>) -> Report {
        Report {
            schema: SCHEMA.to_string(),
            documents,
            incidents: Vec::new(),
            duplicates: Vec::new(),
        }
    }
}

/// Where a corpus-level incident's place is: the source incident's place, by value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    /// Resolved name.
    pub name: String,
    /// ISO 3166 alpha-2 country code.
    pub country: Option<String>,
    /// First-level region name.
    pub admin1: Option<String>,
    /// Second-level region name, where the place is one or lies in a known one.
    pub admin2: Option<String>,
    /// Precision of the place.
    pub kind: PlaceKind,
    /// WGS84 latitude.
    pub lat: Option<f64>,
    /// WGS84 longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
}

/// One document's incident as the cross-document merge sees it (no text offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceIncident {
    /// Index of the document in the report.
    pub document: usize,
    /// The document's name.
    pub name: String,
    /// Index of the incident in the document's `incidents`.
    pub incident: usize,
    /// The document's publication date.
    pub published: Option<String>,
    /// The incident's date and precision.
    pub date: Option<String>,
    /// How precisely `date` is known.
    pub date_precision: Option<Precision>,
    /// Its place.
    pub place: Option<EventPlace>,
    /// Its counts.
    pub totals: BTreeMap<Category, Total>,
    /// The sentences of its figures, in text order, each once.
    pub sentences: Vec<String>,
}

/// One document's incidents for the merge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocIncidents {
    /// Index of the document in the report.
    pub document: usize,
    /// The document's name.
    pub name: String,
    /// The hash of its text ([`DocumentReport::text_hash`]).
    pub text_hash: Option<String>,
    /// Its incidents.
    pub incidents: Vec<SourceIncident>,
}

impl DocIncidents {
    /// The incidents of document `index` of a report.
    pub fn of(index: usize, d: &DocumentReport) -> DocIncidents {
        let incidents = d
            .incidents
            .iter()
            .enumerate()
            .map(|(k, inc)| {
                let mut sentences: Vec<String> = Vec::new();
                for &fi in &inc.figures {
                    if let Some(f) = d.figures.get(fi) {
                        if !sentences.contains(&f.sentence.text) {
                            sentences.push(f.sentence.text.clone());
                        }
                    }
                }
                SourceIncident {
                    document: index,
                    name: d.name.clone(),
                    incident: k,
                    published: d.date.clone(),
                    date: inc.date.clone(),
                    date_precision: inc.date_precision,
                    place: inc.place.and_then(|p| d.places.get(p)).map(EventPlace::of),
                    totals: inc.totals.clone(),
                    sentences,
                }
            })
            .collect();
        DocIncidents {
            document: index,
            name: d.name.clone(),
            text_hash: d.text_hash.clone(),
            incidents,
        }
    }
}

impl EventPlace {
    /// A report place, by value.
    pub fn of(p: &Place) -> EventPlace {
        EventPlace {
            name: p.name.clone(),
            country: p.country.clone(),
            admin1: p.admin1.clone(),
            admin2: (p.kind == PlaceKind::Admin2).then(|| p.name.clone()),
            kind: p.kind,
            lat: p.lat,
            lon: p.lon,
            geonames_id: p.geonames_id,
        }
    }
}

/// A source of a corpus-level incident: which document's which incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Index of the document in the report's `documents`.
    pub document: usize,
    /// The document's name.
    pub name: String,
    /// Index into that document's `incidents`.
    pub incident: usize,
}

/// A corpus-level count: the highest consistent report, with the range across sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventCount {
    /// The highest count any source gives.
    pub value: u64,
    /// The lowest count any source gives.
    pub min: u64,
    /// The highest count any source gives.
    pub max: u64,
}

/// An incident across documents: every source's report of one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusIncident {
    /// Event id ("E1", "E2", ... in order of first source).
    pub id: String,
    /// The day of the harm, where a source tells it.
    pub date: Option<String>,
    /// How precisely `date` is known.
    pub date_precision: Option<Precision>,
    /// The most specific place its sources give.
    pub place: Option<EventPlace>,
    /// Count per category: highest consistent report, range across sources.
    pub totals: BTreeMap<Category, EventCount>,
    /// The documents' incidents it merges, in report order.
    pub sources: Vec<SourceRef>,
    /// The sentences its sources read the counts from.
    pub sentences: Vec<String>,
    /// Why its sources were merged (empty for a single source).
    pub why: Vec<String>,
}

/// A document whose text repeats an earlier one's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duplicate {
    /// Index of the repeating document.
    pub document: usize,
    /// Index of the earlier document with the same text.
    pub same_as: usize,
}

#[cfg(test)]
mod tests {
    use super::{Category, Qualifier};

    /// `as_str` names (CSV, Markdown, lookups) are serde's.
    #[test]
    fn as_str_is_the_serde_name() {
        let name = |v: serde_json::Value| v.as_str().map(str::to_string);
        for c in Category::ALL {
            assert_eq!(name(serde_json::json!(c)).as_deref(), Some(c.as_str()));
        }
        use Qualifier::*;
        for q in [
            Exact, About, AtLeast, MoreThan, AtMost, LessThan, Range, Vague,
        ] {
            assert_eq!(name(serde_json::json!(q)).as_deref(), Some(q.as_str()));
        }
    }
}
