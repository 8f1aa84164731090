//! CSV export: one row per figure.

use super::model::Report;

/// The CSV header, in column order.
pub const HEADER: [&str; 15] = [
    "document",
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
    "sentence",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Writes every figure of the report as CSV (RFC 4180 quoting).
pub fn to_csv(report: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing into a Vec cannot fail; errors would only come from the sink.
    let _ = w.write_record(HEADER);
    for d in &report.documents {
        for f in &d.figures {
            let place = f.place.and_then(|i| d.places.get(i));
            let row = [
                d.name.clone(),
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
                f.sentence
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ];
            let _ = w.write_record(&row);
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
