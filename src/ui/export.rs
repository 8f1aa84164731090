//! Exports of the corrected report: CSV and JSON with the review audit trail ([`super::audit`]),
//! GeoJSON, printable HTML (downloaded through a Blob) and a Markdown table (copied). The last
//! three publish: rejected figures are left out. With nothing finished, nothing is downloaded and
//! the page says why.

use super::audit;
use super::helpers;
use super::model::report;
use super::model::Docs;
use crate::report::{geojson, html, markdown};
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
    /// One row per incident, merged across documents (CSV with a BOM).
    Events,
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
        Format::Csv => (
            "casualty-lens.csv".into(),
            "text/csv;charset=utf-8",
            audit::to_csv(&docs.0),
        ),
        Format::Json => (
            "casualty-lens.json".into(),
            "application/json",
            audit::to_json(&docs.0),
        ),
        Format::Events => (
            "casualty-lens-events.csv".into(),
            "text/csv;charset=utf-8",
            crate::report::events::to_events_csv(&super::corpus::CorpusView::of(&docs.0).report),
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
    /// Says what happened (copied, or nothing to export).
    pub on_notice: Callback<String>,
}

/// Why an export of `docs` would be empty, if it would.
pub fn nothing_to_export(docs: &Docs) -> Option<&'static str> {
    if docs.0.is_empty() {
        Some("Nothing to export yet: add documents first.")
    } else if audit::finished_count(&docs.0) == 0 {
        Some("Nothing to export yet: no document has been read.")
    } else {
        None
    }
}

/// The export buttons.
#[function_component(ExportBar)]
pub fn export_bar(props: &ExportProps) -> Html {
    let button = |label: &str, f: Format| {
        let docs = props.docs.clone();
        let notice = props.on_notice.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(why) = nothing_to_export(&docs) {
                notice.emit(why.into());
                return;
            }
            let (name, mime, body) = render(f, &docs);
            if let Err(e) = helpers::download(&name, mime, &body) {
                web_sys::console::warn_2(&"download:".into(), &e);
            }
        });
        html! { <button type="button" data-export={label.to_lowercase()} {onclick}>{ label }</button> }
    };
    let copied = use_state(|| false);
    {
        // "Copied ✓" describes the documents as they were: any change resets it.
        let copied = copied.clone();
        use_effect_with(props.docs.clone(), move |_| copied.set(false));
    }
    let md = {
        let docs = props.docs.clone();
        let notice = props.on_notice.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(why) = nothing_to_export(&docs) {
                notice.emit(why.into());
                return;
            }
            let (name, mime, body) = render(Format::Markdown, &docs);
            let p = helpers::copy_text(&body);
            let notice = notice.clone();
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if helpers::wait(p).await.is_err() {
                    let _ = helpers::download(&name, mime, &body);
                    notice.emit(
                        "The clipboard refused: the Markdown table was downloaded instead.".into(),
                    );
                } else {
                    copied.set(true);
                    notice.emit("Copied the Markdown table to the clipboard.".into());
                }
            });
        })
    };
    html! {
        <div class="exports" role="group" aria-label="Export (corrections included)">
            <span class="exports-label">{ "Export" }</span>
            { button("CSV", Format::Csv) }
            { button("JSON", Format::Json) }
            { button("Events", Format::Events) }
            { button("GeoJSON", Format::GeoJson) }
            { button("HTML", Format::Html) }
            <button type="button" data-export="markdown" title="Copy the figures as a Markdown table"
                data-copied={copied.to_string()} onclick={md}>{ if *copied { "Copied ✓" } else { "Copy Markdown" } }</button>
        </div>
    }
}
