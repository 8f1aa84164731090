//! Exports of the corrected report: CSV, JSON (SCHEMA.md), GeoJSON, downloaded through a Blob.

use super::helpers;
use super::model::report;
use super::state::Docs;
use crate::report::{csv, geojson};
use yew::prelude::*;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One row per figure.
    Csv,
    /// The report (`casualty-lens/1`).
    Json,
    /// Places as points with their figures.
    GeoJson,
}

/// The file name, MIME type and content of an export of `docs`.
pub fn render(format: Format, docs: &Docs) -> (String, &'static str, String) {
    let r = report(&docs.0);
    match format {
        Format::Csv => ("casualty-lens.csv".into(), "text/csv", csv::to_csv(&r)),
        Format::Json => (
            "casualty-lens.json".into(),
            "application/json",
            serde_json::to_string_pretty(&r).unwrap_or_default(),
        ),
        Format::GeoJson => (
            "casualty-lens.geojson".into(),
            "application/geo+json",
            geojson::to_geojson(&r).to_string(),
        ),
    }
}

/// Props of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// All documents.
    pub docs: Docs,
}

/// The export buttons.
#[function_component(ExportBar)]
pub fn export_bar(props: &ExportProps) -> Html {
    let button = |label: &str, f: Format| {
        let docs = props.docs.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let (name, mime, body) = render(f, &docs);
            if let Err(e) = helpers::download(&name, mime, &body) {
                web_sys::console::warn_2(&"download:".into(), &e);
            }
        });
        html! { <button type="button" data-export={label.to_lowercase()} {onclick}>{ label }</button> }
    };
    html! {
        <div class="exports" role="group" aria-label="Export (corrections included)">
            <span class="exports-label">{ "Export" }</span>
            { button("CSV", Format::Csv) }
            { button("JSON", Format::Json) }
            { button("GeoJSON", Format::GeoJson) }
        </div>
    }
}
