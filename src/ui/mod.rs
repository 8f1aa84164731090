//! The Yew web app (wasm32 only). The same module runs in two places: on the page it mounts the
//! app; inside the dedicated worker (`www/worker.js`, no `window`) it runs the extraction.

pub mod about;
pub mod app;
pub mod audit;
pub mod bridge;
pub mod corpus;
pub mod docs;
pub mod effects;
pub mod export;
pub mod help;
pub mod helpers;
pub mod incident_marks;
pub mod incidents;
pub mod input;
pub mod map;
pub mod mapview;
pub mod model;
pub mod place_panel;
pub mod projection;
pub mod protocol;
pub mod reader;
pub mod samples;
pub mod search;
pub mod segments;
pub mod settings;
pub mod state;
pub mod table;
pub mod topo;
pub mod worker;

/// Entry point of the wasm module: the app on a page, the extractor in a worker.
pub fn start() {
    if web_sys::window().is_some() {
        yew::Renderer::<app::App>::new().render();
    } else {
        worker::start();
    }
}

/// Formats a count with thousands separators ("12,500").
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A time (ms since the Unix epoch) as "2026-12-05T09:30:12Z" (UTC, to the second).
pub fn time_text(ms: f64) -> String {
    let iso = String::from(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).to_iso_string());
    match iso.split_once('.') {
        Some((head, _)) => format!("{head}Z"),
        None => iso,
    }
}
