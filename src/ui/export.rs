//! Exports of the corrected report: CSV, JSON (SCHEMA.md), GeoJSON, printable HTML (downloaded
//! through a Blob) and a Markdown table (copied).

use super::helpers;
use super::model::report;
use super::state::Docs;
use crate::report::{csv, geojson, html, markdown};
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
    /// A self-contained printable HTML report with the highlighted texts.
    Html,
    /// A Markdown table (copied to the clipboard).
    Markdown,
}

/// The file name, MIME type and content of an export of `docs`.
pub fn render(format: Format, docs: &Docs) -> (String, &'static str, String) {
    let r = report(&docs.0);
    match format {
        Format::Html => {
            // The texts in the report's document order (failed documents have none).
            let texts: Vec<&str> = r
                .documents
                .iter()
                .map(|d| {
                    docs.0
                        .iter()
                        .find(|x| x.name == d.name)
                        .map(|x| &*x.text)
                        .unwrap_or("")
                })
                .collect();
            (
                "casualty-lens-report.html".into(),
                "text/html",
                html::to_html_with_texts(&r, &texts, "Casualty Lens report"),
            )
        }
        Format::Markdown => (
            "casualty-lens.md".into(),
            "text/markdown",
            markdown::to_markdown(&r),
        ),
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
    let md = {
        let docs = props.docs.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, mime, body) = render(Format::Markdown, &docs);
            let p = helpers::copy_text(&body);
            wasm_bindgen_futures::spawn_local(async move {
                if helpers::wait(p).await.is_err() {
                    let _ = helpers::download(&name, mime, &body);
                }
            });
        })
    };
    html! {
        <div class="exports" role="group" aria-label="Export (corrections included)">
            <span class="exports-label">{ "Export" }</span>
            { button("CSV", Format::Csv) }
            { button("JSON", Format::Json) }
            { button("GeoJSON", Format::GeoJson) }
            { button("HTML", Format::Html) }
            <button type="button" data-export="markdown" title="Copy the figures as a Markdown table"
                onclick={md}>{ "Copy Markdown" }</button>
        </div>
    }
}
