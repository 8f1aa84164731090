//! Events CSV: one row per incident, in the shape conflict-data coders import (UTF-8 with a
//! byte-order mark, so spreadsheets read it as UTF-8). Incidents are the corpus-level ones
//! (merged across documents), or each document's where the report has none.

use super::model::{Category, CorpusIncident, DocIncidents, Report};

/// The header, in column order.
pub fn header() -> Vec<String> {
    let mut h: Vec<String> = [
        "event_id",
        "date",
        "date_precision",
        "country",
        "admin1",
        "admin2",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for c in Category::ALL {
        h.push(c.as_str().to_string());
        h.push(format!("{}_min", c.as_str()));
        h.push(format!("{}_max", c.as_str()));
    }
    h.push("sources".into());
    h.push("source_sentences".into());
    h
}

/// The report's incidents: merged ones, or each document's when not merged.
fn incidents(report: &Report) -> Vec<CorpusIncident> {
    if !report.incidents.is_empty() || report.documents.len() > 1 {
        return report.incidents.clone();
    }
    let digests: Vec<DocIncidents> = report
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| DocIncidents::of(i, d))
        .collect();
    crate::report::merge::merge(&digests).incidents
}

/// The events CSV of a report (with a leading BOM).
pub fn to_events_csv(report: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header());
    for inc in incidents(report) {
        let p = inc.place.as_ref();
        let mut row: Vec<String> = vec![
            inc.id.clone(),
            inc.date.clone().unwrap_or_default(),
            inc.date_precision
                .map(|x| x.as_str().to_string())
                .unwrap_or_default(),
            p.and_then(|p| p.country.clone()).unwrap_or_default(),
            p.and_then(|p| p.admin1.clone()).unwrap_or_default(),
            p.and_then(|p| p.admin2.clone()).unwrap_or_default(),
            p.map(|p| p.name.clone()).unwrap_or_default(),
            p.and_then(|p| p.lat)
                .map(|x| x.to_string())
                .unwrap_or_default(),
            p.and_then(|p| p.lon)
                .map(|x| x.to_string())
                .unwrap_or_default(),
            p.map(|p| format!("{:?}", p.kind).to_lowercase())
                .unwrap_or_default(),
        ];
        for c in Category::ALL {
            match inc.totals.get(&c) {
                Some(t) => {
                    row.push(t.value.to_string());
                    row.push(t.min.to_string());
                    row.push(t.max.to_string());
                }
                None => row.extend([String::new(), String::new(), String::new()]),
            }
        }
        row.push(
            inc.sources
                .iter()
                .map(|s| format!("{}#{}", s.name, s.incident))
                .collect::<Vec<_>>()
                .join("; "),
        );
        row.push(inc.sentences.join(" | "));
        let _ = w.write_record(&row);
    }
    let body = w.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&body))
}
