//! Output formats of `extract`, written as a stream: a head, one piece per document (rendered
//! in parallel, written in input order), a tail. Memory stays bounded on any corpus size.
//!
//! A format that needs the whole report at once can use [`Output::Whole`] instead (documents
//! are then kept in memory until the end).

use crate::report::model::{DocumentReport, Report, SCHEMA};
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
}

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
        doc: fn(DocumentReport) -> String,
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
            },
            Format::Jsonl => Output::Stream {
                head: String::new(),
                sep: "",
                tail: String::new(),
                doc: jsonl_doc,
            },
            Format::Csv => Output::Stream {
                head: crate::report::csv::to_csv(&Report::new(Vec::new())),
                sep: "",
                tail: String::new(),
                doc: csv_doc,
            },
            Format::Geojson => Output::Stream {
                head: "{\"type\":\"FeatureCollection\",\"features\":[".into(),
                sep: ",",
                tail: "]}\n".into(),
                doc: geojson_doc,
            },
            Format::Markdown => Output::Whole(crate::report::markdown::to_markdown),
            Format::Html => Output::Whole(html_report),
        }
    }
}

/// A document pretty-printed at the depth of `documents[i]` (JSON strings hold no raw line
/// breaks, so indenting every line is safe).
fn json_doc(doc: DocumentReport) -> String {
    let body = serde_json::to_string_pretty(&doc).unwrap_or_default();
    format!("\n    {}", body.replace('\n', "\n    "))
}

fn jsonl_doc(doc: DocumentReport) -> String {
    let mut line = serde_json::to_string(&doc).unwrap_or_default();
    line.push('\n');
    line
}

/// The document's CSV rows (the header is the stream's head).
fn csv_doc(doc: DocumentReport) -> String {
    let all = crate::report::csv::to_csv(&Report::new(vec![doc]));
    match all.find('\n') {
        Some(i) => all[i + 1..].to_string(),
        None => String::new(),
    }
}

/// The document's GeoJSON features, comma-separated.
fn geojson_doc(doc: DocumentReport) -> String {
    let collection = crate::report::geojson::to_geojson(&Report::new(vec![doc]));
    match collection.get("features").and_then(|f| f.as_array()) {
        Some(features) => features
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join(","),
        None => String::new(),
    }
}

fn html_report(report: &Report) -> String {
    crate::report::html::to_html(report, "Casualty Lens report")
}
