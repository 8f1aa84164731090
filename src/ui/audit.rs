//! The audit trail of the exports: every figure of every finished document with its review
//! state (machine, accepted, edited, added, rejected), the machine's reading where a reviewer
//! changed it, and when. Pure functions of the documents; the CSV is UTF-8 with a BOM so
//! spreadsheet programs read its accents and dashes right.

use super::model::{Doc, FigState, Status, Verdict};
use crate::report::model::{DocumentReport, Figure, Report};
use serde_json::{json, Value};
use std::rc::Rc;

/// Columns of the audit CSV, in order. `figure` is the 0-based index of the figure in its
/// document (what `part_of` refers to); `incident` is the figure's incident (1-based),
/// `background` or `summary`; `page` (1-based, where the figure starts) is empty for documents
/// without pages (all but PDF).
pub const CSV_HEADER: [&str; 27] = [
    "document",
    "figure",
    "start",
    "end",
    "text",
    "category",
    "value",
    "qualifier",
    "min",
    "max",
    "victims",
    "place",
    "country",
    "lat",
    "lon",
    "confidence",
    "part_of",
    "review_state",
    "machine_category",
    "machine_value",
    "machine_qualifier",
    "machine_min",
    "machine_max",
    "reviewed_at",
    "incident",
    "page",
    "sentence",
];

/// The byte order mark the CSV starts with.
pub const BOM: char = '\u{feff}';

/// Finished documents with their corrected report and review states, in list order.
fn finished(docs: &[Rc<Doc>]) -> impl Iterator<Item = (&DocumentReport, &[FigState], &Doc)> {
    docs.iter().filter_map(|d| match (&d.status, &d.eff) {
        (Status::Done, Some(r)) => Some((&**r, d.review.as_slice(), &**d)),
        _ => None,
    })
}

/// The extractor's figure a reviewed figure came from (None for added ones).
fn machine<'a>(doc: &'a Doc, st: &FigState) -> Option<&'a Figure> {
    if st.verdict == Verdict::Added {
        return None;
    }
    doc.raw
        .as_ref()?
        .figures
        .iter()
        .find(|f| f.start == st.start && f.end == st.end && f.category == st.category)
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The `incident` column: the figure's incident (1-based, as the reading view numbers
/// them), `background`, `summary`, or empty (in no incident).
fn incident_cell(r: &DocumentReport, i: usize) -> String {
    use super::incident_marks::{role, Role};
    match role(r, i) {
        Role::Incident(k) => (k + 1).to_string(),
        Role::Background => "background".into(),
        Role::Summary => "summary".into(),
        Role::None => String::new(),
    }
}

/// Whether the figures of `doc` have anything to export.
pub fn has_rows(docs: &[Rc<Doc>]) -> bool {
    finished(docs).any(|(r, _, _)| !r.figures.is_empty())
}

/// How many documents are finished (exports cover only these).
pub fn finished_count(docs: &[Rc<Doc>]) -> usize {
    finished(docs).count()
}

/// The audit CSV: a BOM, [`CSV_HEADER`], then one row per figure, rejected ones included
/// (their `review_state` says so; they are in no total).
pub fn to_csv(docs: &[Rc<Doc>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(CSV_HEADER);
    for (r, states, doc) in finished(docs) {
        for (i, f) in r.figures.iter().enumerate() {
            let st = states.get(i);
            let verdict = st.map(|s| s.verdict).unwrap_or(Verdict::Unreviewed);
            let place = f.place.and_then(|p| r.places.get(p));
            let orig = st
                .filter(|s| s.verdict == Verdict::Edited)
                .and_then(|s| machine(doc, s));
            let row = [
                r.name.clone(),
                i.to_string(),
                f.start.to_string(),
                f.end.to_string(),
                f.text.clone(),
                f.category.as_str().to_string(),
                f.value.to_string(),
                f.qualifier.as_str().to_string(),
                opt(f.min),
                opt(f.max),
                f.victims.clone().unwrap_or_default(),
                opt(place.map(|p| p.name.clone())),
                opt(place.and_then(|p| p.country.clone())),
                opt(place.and_then(|p| p.lat)),
                opt(place.and_then(|p| p.lon)),
                if verdict == Verdict::Added {
                    String::new()
                } else {
                    format!("{:.2}", f.confidence)
                },
                opt(f.part_of),
                verdict.as_str().to_string(),
                opt(orig.map(|o| o.category.as_str())),
                opt(orig.map(|o| o.value)),
                opt(orig.map(|o| o.qualifier.as_str())),
                opt(orig.and_then(|o| o.min)),
                opt(orig.and_then(|o| o.max)),
                opt(st.and_then(|s| s.at).map(super::time_text)),
                incident_cell(r, i),
                opt(doc.page_of(f.start)),
                f.sentence
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ];
            let _ = w.write_record(&row);
        }
    }
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("{BOM}{body}")
}

/// Each place's review in the JSON export: `state` is `chosen` where a reader chose another
/// of its candidates (then `machine` is the extractor's reading), else `machine`.
fn place_reviews(d: &Doc, eff: &DocumentReport) -> Vec<Value> {
    let raw = d.raw.as_deref();
    eff.places
        .iter()
        .enumerate()
        .map(|(i, p)| {
            match raw
                .and_then(|r| r.places.get(i))
                .filter(|m| m.name != p.name || m.geonames_id != p.geonames_id)
            {
                Some(m) => json!({"state": "chosen", "machine": {"name": m.name,
                    "country": m.country, "admin1": m.admin1, "lat": m.lat, "lon": m.lon,
                    "geonames_id": m.geonames_id}}),
                None => json!({"state": "machine", "machine": null}),
            }
        })
        .collect()
}

/// The JSON report (`casualty-lens/1`) of the corrected documents, every figure with a
/// `review` object: `state`, `at` (ISO time or null) and `machine` (the extractor's category,
/// value, qualifier and bounds where the reviewer edited it, else null). A figure added by
/// hand has `confidence: null`: no extractor vouched for it.
pub fn to_json(docs: &[Rc<Doc>]) -> String {
    let mut report = Report::new(Vec::new());
    let mut states: Vec<Vec<Value>> = Vec::new();
    let mut place_states: Vec<Vec<Value>> = Vec::new();
    for d in docs {
        match (&d.status, &d.eff) {
            (Status::Done, Some(r)) => {
                let mut r = (**r).clone();
                r.pages = d.pages.to_vec();
                place_states.push(place_reviews(d, &r));
                report.documents.push(r);
                states.push(
                    d.review
                        .iter()
                        .map(|s| {
                            let orig = (s.verdict == Verdict::Edited)
                                .then(|| machine(d, s))
                                .flatten()
                                .map(|o| {
                                    json!({"category": o.category.as_str(), "value": o.value,
                                        "qualifier": o.qualifier.as_str(), "min": o.min, "max": o.max})
                                });
                            json!({"state": s.verdict.as_str(),
                                "at": s.at.map(super::time_text), "machine": orig})
                        })
                        .collect(),
                );
            }
            (Status::Failed(e), _) => {
                report.documents.push(DocumentReport {
                    name: d.name.clone(),
                    date: None,
                    figures: Vec::new(),
                    places: Vec::new(),
                    totals: Default::default(),
                    incidents: Vec::new(),
                    background: Vec::new(),
                    summary: Vec::new(),
                    text_hash: None,
                    pages: Vec::new(),
                    error: Some(e.clone()),
                });
                states.push(Vec::new());
                place_states.push(Vec::new());
            }
            _ => {}
        }
    }
    // The corpus-level incidents, merged across documents (README "Schema addition").
    let report = Report::merged(report.documents);
    let mut v = serde_json::to_value(&report).unwrap_or(Value::Null);
    if let Some(ds) = v.get_mut("documents").and_then(Value::as_array_mut) {
        for (d, st) in ds.iter_mut().zip(&place_states) {
            if let Some(ps) = d.get_mut("places").and_then(Value::as_array_mut) {
                for (p, s) in ps.iter_mut().zip(st) {
                    p["review"] = s.clone();
                }
            }
        }
        for (d, st) in ds.iter_mut().zip(states) {
            if let Some(fs) = d.get_mut("figures").and_then(Value::as_array_mut) {
                for (f, s) in fs.iter_mut().zip(st) {
                    if s["state"] == "added" {
                        f["confidence"] = Value::Null;
                    }
                    f["review"] = s;
                }
            }
        }
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
