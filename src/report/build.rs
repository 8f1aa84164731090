//! Pipeline results (byte offsets) -> the report's document (code point offsets).
//!
//! [`view`] borrows the stages' results and serialises as the report's document without
//! copying any text (the CLI's JSON path); [`document`] builds the owned
//! [`DocumentReport`] (the app's path) from the same per-item views, so both agree.

use super::json;
use super::model::{
    Candidate, Category, DocumentReport, Figure, Incident, Place, PlaceKind, PlaceWhy, Qualifier,
    Span, Total,
};
use crate::figures::{bounds::bounds, RawFigure};
use crate::incidents::Incidents;
use crate::places::ResolvedPlace;
use crate::text::offsets::CharIndex;
use crate::text::Document;
use crate::Options;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::ops::Range;

/// Builds one document's report from the stages' results.
#[allow(clippy::too_many_arguments)]
pub fn document(
    name: &str,
    doc: &Document,
    figures: &[RawFigure],
    places: &[ResolvedPlace],
    links: &[Option<usize>],
    totals: BTreeMap<Category, Total>,
    incidents: &Incidents,
    options: Options,
) -> DocumentReport {
    let empty = BTreeMap::new();
    let v = view(
        name, doc, figures, places, links, &empty, incidents, options,
    );
    DocumentReport {
        name: name.to_string(),
        date: incidents.date.map(|d| d.to_string()),
        incidents: incident_reports(incidents),
        background: incidents.background.clone(),
        summary: incidents.summary.clone(),
        text_hash: Some(v.text_hash.clone()),
        pages: Vec::new(),
        figures: (0..figures.len())
            .filter_map(|i| v.figure(i))
            .map(FigureRef::into_owned)
            .collect(),
        places: places.iter().map(|p| v.place(p).to_owned()).collect(),
        totals,
        error: None,
    }
}

/// A document's incidents as the report shows them.
pub fn incident_reports(incidents: &Incidents) -> Vec<Incident> {
    incidents
        .list
        .iter()
        .map(|inc| Incident {
            date: inc.date.map(|(d, _)| d.to_string()),
            date_precision: inc.date.map(|(_, p)| p),
            place: inc.place,
            totals: inc.counts.clone(),
            figures: inc.figures.clone(),
            confidence: inc.confidence,
        })
        .collect()
}

/// One document's report borrowed from the stages' results: serialises exactly as the
/// [`DocumentReport`] [`document`] builds (same keys, order and values).
#[allow(clippy::too_many_arguments)]
pub fn view<'a>(
    name: &'a str,
    doc: &'a Document<'a>,
    figures: &'a [RawFigure],
    places: &'a [ResolvedPlace],
    links: &'a [Option<usize>],
    totals: &'a BTreeMap<Category, Total>,
    incidents: &'a Incidents,
    options: Options,
) -> DocumentView<'a> {
    DocumentView {
        name,
        doc,
        figures,
        places,
        links,
        totals,
        incidents,
        text_hash: crate::report::merge::text_hash(doc.text),
        options,
        idx: CharIndex::new(doc.text),
    }
}

/// A document's report as a view over the stages' results (see [`view`]).
pub struct DocumentView<'a> {
    name: &'a str,
    doc: &'a Document<'a>,
    figures: &'a [RawFigure],
    places: &'a [ResolvedPlace],
    links: &'a [Option<usize>],
    totals: &'a BTreeMap<Category, Total>,
    incidents: &'a Incidents,
    text_hash: String,
    options: Options,
    idx: CharIndex,
}

impl<'a> DocumentView<'a> {
    fn span(&self, r: &Range<usize>) -> SpanRef<'a> {
        SpanRef {
            start: self.idx.char_offset(r.start),
            end: self.idx.char_offset(r.end),
            text: self.doc.text.get(r.clone()).unwrap_or(""),
        }
    }

    /// Figure `i` as the report shows it.
    fn figure(&self, i: usize) -> Option<FigureRef<'a>> {
        let f = self.figures.get(i)?;
        let (min, max) = bounds(f.value, f.qualifier, f.max, self.options.policy);
        let s = self.span(&f.span);
        let sentence = self
            .doc
            .sentences
            .get(self.doc.sentence_of(f.span.start))
            .cloned()
            .unwrap_or(0..0);
        Some(FigureRef {
            start: s.start,
            end: s.end,
            text: s.text,
            category: f.category,
            value: f.value,
            qualifier: f.qualifier,
            min,
            max,
            victims: f
                .victims
                .as_ref()
                .and_then(|v| self.doc.text.get(v.clone())),
            trigger: self.span(&f.trigger),
            place: self.links.get(i).copied().flatten(),
            part_of: f.part_of,
            confidence: f.confidence,
            sentence: self.span(&sentence),
            implicit: f.implicit,
            rule: f
                .rule
                .describe(self.doc.text.get(f.trigger.clone()).unwrap_or("")),
        })
    }

    fn place<'b>(&'b self, p: &'a ResolvedPlace) -> PlaceRef<'a, 'b> {
        PlaceRef {
            name: &p.name,
            country: p.country.as_deref(),
            admin1: p.admin1.as_deref(),
            kind: p.kind,
            lat: p.lat,
            lon: p.lon,
            geonames_id: p.geonames_id,
            mentions: Mentions {
                view: self,
                mentions: &p.mentions,
            },
            candidates: if self.options.candidates {
                &p.candidates
            } else {
                &[]
            },
            why: p.why.as_ref().filter(|_| self.options.candidates),
        }
    }
}

impl DocumentView<'_> {
    /// The document's incidents for the cross-document merge (`document`: its index in the
    /// report), without building the whole owned report.
    pub fn digest(&self, document: usize) -> super::model::DocIncidents {
        let incidents = incident_reports(self.incidents);
        // A slim report: the incidents' figures only, indices remapped (linear: a figure's
        // membership and new index are looked up, not searched).
        let n = self.figures.len();
        let mut member = vec![false; n];
        for &i in incidents.iter().flat_map(|inc| inc.figures.iter()) {
            if let Some(m) = member.get_mut(i) {
                *m = true;
            }
        }
        let keep: Vec<usize> = (0..n).filter(|&i| member.get(i) == Some(&true)).collect();
        let figures: Vec<Figure> = keep
            .iter()
            .filter_map(|&i| self.figure(i).map(FigureRef::into_owned))
            .collect();
        let mut new_index = vec![None; n];
        for (k, &i) in keep.iter().enumerate() {
            if let Some(slot) = new_index.get_mut(i) {
                *slot = Some(k);
            }
        }
        let remap = |i: usize| new_index.get(i).copied().flatten();
        let slim = DocumentReport {
            name: self.name.to_string(),
            date: self.incidents.date.map(|d| d.to_string()),
            figures,
            places: self
                .places
                .iter()
                .map(|p| {
                    let mut owned = self.place(p).to_owned();
                    owned.mentions.clear();
                    owned
                })
                .collect(),
            totals: BTreeMap::new(),
            incidents: incidents
                .into_iter()
                .map(|mut inc| {
                    inc.figures = inc.figures.iter().filter_map(|&i| remap(i)).collect();
                    inc
                })
                .collect(),
            background: Vec::new(),
            summary: Vec::new(),
            text_hash: Some(self.text_hash.clone()),
            pages: Vec::new(),
            error: None,
        };
        super::model::DocIncidents::of(document, &slim)
    }

    /// Appends the document as compact JSON: the bytes `serde_json::to_writer` writes for it
    /// (or for the [`DocumentReport`] [`document`] builds).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::write_compact(self, out);
    }

    /// Appends the document pretty-printed as nested `depth` levels deep (see
    /// [`json::write_pretty_at`]).
    pub fn write_json_pretty_at(&self, depth: usize, out: &mut Vec<u8>) {
        json::write_pretty_at(self, depth, out);
    }
}

impl Serialize for DocumentView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The keys of `DocumentReport`, in its order (`error` is never set here).
        let mut s = serializer.serialize_struct("DocumentReport", 9)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("date", &self.incidents.date.map(|d| d.to_string()))?;
        s.serialize_field("figures", &Figures(self))?;
        s.serialize_field("places", &Places(self))?;
        s.serialize_field("totals", self.totals)?;
        s.serialize_field("incidents", &incident_reports(self.incidents))?;
        s.serialize_field("background", &self.incidents.background)?;
        s.serialize_field("summary", &self.incidents.summary)?;
        s.serialize_field("text_hash", &self.text_hash)?;
        s.end()
    }
}

/// The figures of a view, as a sequence.
struct Figures<'v, 'a>(&'v DocumentView<'a>);

impl Serialize for Figures<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.figures.len()))?;
        for i in 0..self.0.figures.len() {
            if let Some(f) = self.0.figure(i) {
                seq.serialize_element(&f)?;
            }
        }
        seq.end()
    }
}

/// The places of a view, as a sequence.
struct Places<'v, 'a>(&'v DocumentView<'a>);

impl Serialize for Places<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.places.len()))?;
        for p in self.0.places {
            seq.serialize_element(&self.0.place(p))?;
        }
        seq.end()
    }
}

/// [`Span`], borrowed.
#[derive(Serialize)]
struct SpanRef<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl SpanRef<'_> {
    fn to_owned(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
        }
    }
}

/// [`Figure`], borrowed: the same fields in the same order.
#[derive(Serialize)]
struct FigureRef<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    category: Category,
    value: u64,
    qualifier: Qualifier,
    min: Option<u64>,
    max: Option<u64>,
    victims: Option<&'a str>,
    trigger: SpanRef<'a>,
    place: Option<usize>,
    part_of: Option<usize>,
    #[serde(serialize_with = "super::model::shortest")]
    confidence: f32,
    sentence: SpanRef<'a>,
    #[serde(skip_serializing_if = "is_false")]
    implicit: bool,
    rule: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl FigureRef<'_> {
    fn into_owned(self) -> Figure {
        Figure {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            category: self.category,
            value: self.value,
            qualifier: self.qualifier,
            min: self.min,
            max: self.max,
            victims: self.victims.map(str::to_string),
            trigger: self.trigger.to_owned(),
            place: self.place,
            part_of: self.part_of,
            confidence: self.confidence,
            sentence: self.sentence.to_owned(),
            implicit: self.implicit,
            rule: self.rule,
        }
    }
}

/// [`Place`], borrowed: the same fields in the same order.
#[derive(Serialize)]
struct PlaceRef<'a, 'b> {
    name: &'a str,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    kind: PlaceKind,
    lat: Option<f64>,
    lon: Option<f64>,
    geonames_id: Option<u64>,
    mentions: Mentions<'a, 'b>,
    #[serde(skip_serializing_if = "<[Candidate]>::is_empty")]
    candidates: &'a [Candidate],
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<&'a PlaceWhy>,
}

impl PlaceRef<'_, '_> {
    fn to_owned(&self) -> Place {
        Place {
            name: self.name.to_string(),
            country: self.country.map(str::to_string),
            admin1: self.admin1.map(str::to_string),
            kind: self.kind,
            lat: self.lat,
            lon: self.lon,
            geonames_id: self.geonames_id,
            mentions: self
                .mentions
                .mentions
                .iter()
                .map(|r| self.mentions.view.span(r).to_owned())
                .collect(),
            candidates: self.candidates.to_vec(),
            why: self.why.cloned(),
        }
    }
}

/// A place's mentions as spans, converted while serialising.
struct Mentions<'a, 'b> {
    view: &'b DocumentView<'a>,
    mentions: &'a [Range<usize>],
}

impl Serialize for Mentions<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.mentions.len()))?;
        for r in self.mentions {
            seq.serialize_element(&self.view.span(r))?;
        }
        seq.end()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::report::json;
    use crate::{Extractor, Options, Policy};

    /// The hand-walked writers give serde's bytes for the owned report, compact and pretty.
    #[test]
    fn view_json_is_the_reports_json() {
        let ex = Extractor::new(crate::Gazetteer::embedded(), Options::default());
        let acled = Extractor::new(
            crate::Gazetteer::embedded(),
            Options {
                policy: Policy::AcledConservative,
                ..Options::default()
            },
        );
        for text in [
            "",
            "No numbers here.",
            "KABUL, May 3 - At least 12 people were killed and dozens wounded in Kabul on \
             Friday, police said. \u{201C}We found 4 bodies,\u{201D} a medic in Herat said.\n\n\
             Another 3 soldiers remain missing near Kandahar.",
            "Tabs\tand \"quotes\" and back\\slashes: 7 miners died in Peru.\r\n\u{1}Gunmen \
             abducted 20 students in Kaduna state; 15 were later freed. Über 5 verletzt.",
        ] {
            for ex in [&ex, &acled] {
                let a = ex.analyse(text);
                let owned = ex.extract("doc \"1\"", text);
                let v = a.view("doc \"1\"");
                let mut out = Vec::new();
                v.write_json(&mut out);
                assert_eq!(
                    String::from_utf8(out).ok(),
                    serde_json::to_string(&owned).ok()
                );
                let mut out = Vec::new();
                v.write_json_pretty_at(2, &mut out);
                let mut want = Vec::new();
                json::write_pretty_at(&owned, 2, &mut want);
                assert_eq!(out, want);
                assert_eq!(
                    serde_json::to_string(&v).ok(),
                    serde_json::to_string(&owned).ok()
                );
            }
        }
    }

    /// Confidences (f32) reach binary serialisers as the f64 of their decimal form, and the
    /// JSON text stays the f32's shortest form.
    #[test]
    fn confidences_serialise_as_their_decimal_form() {
        let ex = Extractor::new(crate::Gazetteer::embedded(), Options::default());
        let text = "At least 12 people were killed in Kabul on Friday, police said.";
        let a = ex.analyse(text);
        let value = serde_json::to_value(a.view("d")).unwrap_or_default();
        let figures = value["figures"].as_array().cloned().unwrap_or_default();
        assert!(!figures.is_empty());
        for f in figures {
            let c = f["confidence"].as_f64().unwrap_or(f64::NAN);
            let decimal: f64 = format!("{}", c as f32).parse().unwrap_or(f64::NAN);
            assert_eq!(c, decimal, "{c}");
        }
        let mut out = Vec::new();
        a.view("d").write_json(&mut out);
        let json = String::from_utf8(out).unwrap_or_default();
        assert!(!json.contains("00000"), "{json}");
    }
}
