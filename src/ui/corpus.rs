//! The corpus view behind the Incidents view, the Map view's incident markers and the events
//! export: the finished documents' published reports (rejected figures left out) merged across
//! documents by the core's `Report::merged`, and how to find each source's figures again.

use super::map::MapMarker;
use super::model::{published, Doc, Status, Verdict};
use super::thousands;
use crate::report::model::{Category, CorpusIncident, EventCount, Report};
use std::rc::Rc;

/// The merged incidents of the finished documents and how to find their figures again.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusView {
    /// The published reports merged (`documents[i]` is the i-th finished document).
    pub report: Report,
    /// App document id of `report.documents[i]`.
    pub ids: Vec<u32>,
    /// Per document, the index in the corrected report (`Doc::eff`) of each published figure.
    pub eff_index: Vec<Vec<usize>>,
}

/// One sentence of a source: the figure it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// App document id.
    pub doc: u32,
    /// Figure index in the corrected report (what `Action::Reveal` takes).
    pub figure: usize,
    /// The figure as written ("13 people").
    pub text: String,
    /// Its sentence.
    pub sentence: String,
}

impl CorpusView {
    /// Merges the finished documents' published reports.
    pub fn of(docs: &[Rc<Doc>]) -> CorpusView {
        let mut ids = Vec::new();
        let mut eff_index = Vec::new();
        let mut reports = Vec::new();
        for d in docs.iter().filter(|d| d.status == Status::Done) {
            let Some(r) = &d.eff else { continue };
            ids.push(d.id);
            eff_index.push(
                (0..r.figures.len())
                    .filter(|&i| d.review.get(i).map(|s| s.verdict) != Some(Verdict::Rejected))
                    .collect(),
            );
            reports.push(published(r, &d.review).into_owned());
        }
        CorpusView {
            report: Report::merged(reports),
            ids,
            eff_index,
        }
    }

    /// The corpus-level incidents: merged ones, or the single document's own.
    pub fn incidents(&self) -> Vec<CorpusIncident> {
        if self.report.documents.len() > 1 {
            return self.report.incidents.clone();
        }
        let digests: Vec<_> = self
            .report
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| crate::report::model::DocIncidents::of(i, d))
            .collect();
        crate::report::merge::merge(&digests).incidents
    }

    /// The figures of one source incident, each with its sentence.
    pub fn lines(&self, document: usize, incident: usize) -> Vec<SourceLine> {
        let Some(d) = self.report.documents.get(document) else {
            return Vec::new();
        };
        let Some(inc) = d.incidents.get(incident) else {
            return Vec::new();
        };
        inc.figures
            .iter()
            .filter_map(|&fi| {
                let f = d.figures.get(fi)?;
                Some(SourceLine {
                    doc: *self.ids.get(document)?,
                    figure: *self.eff_index.get(document)?.get(fi)?,
                    text: f.text.clone(),
                    sentence: f.sentence.text.trim().to_string(),
                })
            })
            .collect()
    }

    /// One map marker per incident with coordinates: identity "E1 · Kirkuk", sized by its
    /// killed and injured; the popup lists its counts and sources.
    pub fn markers(&self) -> Vec<MapMarker> {
        self.incidents()
            .iter()
            .filter_map(|e| {
                let p = e.place.as_ref()?;
                let value = |c: Category| e.totals.get(&c).map(|t| t.value).unwrap_or(0);
                let mut figures: Vec<String> = e
                    .totals
                    .iter()
                    .map(|(c, t)| format!("{} {}", count_text(t), c.as_str()))
                    .collect();
                if let Some(d) = &e.date {
                    figures.insert(0, date_text(d, e));
                }
                figures.extend(e.sources.iter().map(|s| format!("source: {}", s.name)));
                Some(MapMarker {
                    name: format!("{} · {}", e.id, p.name),
                    lat: p.lat?,
                    lon: p.lon?,
                    killed: value(Category::Killed),
                    injured: value(Category::Injured),
                    figures,
                })
            })
            .collect()
    }
}

/// "21 (13–21)" for a count whose sources differ, "21" when they agree.
pub fn count_text(t: &EventCount) -> String {
    if t.min == t.max {
        thousands(t.value)
    } else {
        format!(
            "{} ({}–{})",
            thousands(t.value),
            thousands(t.min),
            thousands(t.max)
        )
    }
}

/// A date with its precision when the text gives one: "2024-03-04 (day)".
pub fn date_text(d: &str, e: &CorpusIncident) -> String {
    match e.date_precision {
        Some(p) => format!("{d} ({})", p.as_str()),
        None => d.to_string(),
    }
}
