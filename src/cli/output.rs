//! Output formats of `extract`, written as a stream: a head, one piece per document (rendered
//! in parallel, written in input order), a tail. Memory stays bounded on any corpus size.
//!
//! A format that needs the whole report at once can use [`Output::Whole`] instead (documents
//! are then kept in memory until the end).

use crate::report::build::DocumentView;
use crate::report::json;
use crate::report::model::{DocIncidents, DocumentReport, Report, SCHEMA};
use clap::ValueEnum;

/// The `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The report of SCHEMA.md, pretty-printed.
    Json,
    /// One document report (SCHEMA.md's `documents[i]`) a line.
    Jsonl,
    /// One row per figure.
    Csv,
    /// A FeatureCollection: a Point per place with coordinates.
    Geojson,
    /// Markdown tables of the figures and totals.
    Markdown,
    /// A self-contained printable HTML report.
    Html,
    /// One row per incident (merged across documents), CSV with a BOM.
    Events,
}

/// Writes a stream's tail from every document's incidents (in input order).
pub type CorpusTail = fn(&[DocIncidents]) -> Vec<u8>;

/// How a format is written.
pub enum Output {
    /// Streamed: `head`, then each document's piece (non-empty pieces joined by `sep`), `tail`.
    Stream {
        /// Written first.
        head: String,
        /// Between two non-empty pieces.
        sep: &'static str,
        /// Written last.
        tail: String,
        /// One document's piece (called in parallel).
        doc: fn(DocumentReport) -> Vec<u8>,
        /// The same piece written straight from the stages' results, appended to a buffer
        /// (formats that have it skip building the owned report and copying its text).
        view: Option<fn(&DocumentView, &mut Vec<u8>)>,
        /// Writes the tail from every document's incidents instead of `tail` (formats that
        /// carry the corpus-level merged incidents).
        corpus: Option<CorpusTail>,
    },
    /// The whole report at once, at the end.
    Whole(fn(&Report) -> String),
}

impl Format {
    /// How this format is written.
    pub fn output(self) -> Output {
        match self {
            Format::Json => Output::Stream {
                head: format!("{{\n  \"schema\": \"{SCHEMA}\",\n  \"documents\": ["),
                sep: ",",
                tail: "\n  ]\n}\n".into(),
                doc: json_doc,
                view: Some(json_view),
                corpus: Some(json_tail),
            },
            Format::Jsonl => Output::Stream {
                head: String::new(),
                sep: "",
                tail: String::new(),
                doc: jsonl_doc,
                view: Some(jsonl_view),
                corpus: None,
            },
            Format::Csv => Output::Stream {
                head: crate::report::csv::to_csv(&Report::new(Vec::new())),
                sep: "",
                tail: String::new(),
                doc: csv_doc,
                view: None,
                corpus: None,
            },
            Format::Geojson => Output::Stream {
                head: "{\"type\":\"FeatureCollection\",\"features\":[".into(),
                sep: ",",
                tail: "]}\n".into(),
                doc: geojson_doc,
                view: None,
                corpus: None,
            },
            Format::Markdown => Output::Whole(crate::report::markdown::to_markdown),
            Format::Html => Output::Whole(html_report),
            Format::Events => Output::Whole(events_report),
        }
    }
}

impl Output {
    /// Whether the tail needs every document's incidents.
    pub fn merges(&self) -> bool {
        matches!(
            self,
            Output::Stream {
                corpus: Some(_),
                ..
            }
        )
    }
}

/// The JSON report's tail: the `documents` array closed, then (for more than one document)
/// the corpus-level `incidents` and `duplicates` of [`Report::merged`], as it serialises them.
fn json_tail(digests: &[DocIncidents]) -> Vec<u8> {
    let mut out = b"\n  ]".to_vec();
    if digests.len() > 1 {
        let corpus = crate::report::merge::merge(digests);
        if !corpus.incidents.is_empty() {
            out.extend_from_slice(b",\n  \"incidents\": ");
            json::write_pretty_at(&corpus.incidents, 1, &mut out);
        }
        if !corpus.duplicates.is_empty() {
            out.extend_from_slice(b",\n  \"duplicates\": ");
            json::write_pretty_at(&corpus.duplicates, 1, &mut out);
        }
    }
    out.extend_from_slice(b"\n}\n");
    out
}

/// A document pretty-printed at the depth of `documents[i]`, after a line break.
fn json_piece<T: serde::Serialize + ?Sized>(doc: &T, out: &mut Vec<u8>) {
    out.extend_from_slice(b"\n    ");
    json::write_pretty_at(doc, 2, out);
}

fn json_doc(doc: DocumentReport) -> Vec<u8> {
    let mut out = Vec::new();
    json_piece(&doc, &mut out);
    out
}

fn json_view(doc: &DocumentView, out: &mut Vec<u8>) {
    out.extend_from_slice(b"\n    ");
    doc.write_json_pretty_at(2, out);
}

fn jsonl_piece<T: serde::Serialize + ?Sized>(doc: &T, out: &mut Vec<u8>) {
    json::write_compact(doc, out);
    out.push(b'\n');
}

fn jsonl_doc(doc: DocumentReport) -> Vec<u8> {
    let mut out = Vec::new();
    jsonl_piece(&doc, &mut out);
    out
}

fn jsonl_view(doc: &DocumentView, out: &mut Vec<u8>) {
    doc.write_json(out);
    out.push(b'\n');
}

/// The document's CSV rows (the header is the stream's head).
fn csv_doc(doc: DocumentReport) -> Vec<u8> {
    let mut all = crate::report::csv::to_csv(&Report::new(vec![doc])).into_bytes();
    match all.iter().position(|&b| b == b'\n') {
        Some(i) => {
            all.drain(..=i);
            all
        }
        None => Vec::new(),
    }
}

/// The document's GeoJSON features, comma-separated.
fn geojson_doc(doc: DocumentReport) -> Vec<u8> {
    let collection = crate::report::geojson::to_geojson(&Report::new(vec![doc]));
    match collection.get("features").and_then(|f| f.as_array()) {
        Some(features) => features
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join(",")
            .into_bytes(),
        None => Vec::new(),
    }
}

fn events_report(report: &Report) -> String {
    let merged = Report::merged(report.documents.clone());
    crate::report::events::to_events_csv(&merged)
}

fn html_report(report: &Report) -> String {
    crate::report::html::to_html(report, "Casualty Lens report")
}
