//! Casualty Lens as an ES module: the core built with wasm-bindgen (`scripts/build-js.sh`).
//!
//! One job: give JavaScript the core's reports, identical to the CLI's. A report is the core's
//! own compact JSON of the document (the CLI's `--format jsonl` line), handed over as plain JS
//! objects through `serde-wasm-bindgen` (numbers as JS numbers, maps as objects), so
//! `JSON.stringify` of a report equals the CLI's line up to key order.
//!
//! The gazetteer is not compiled in: the caller gives its bytes (`gazetteer.bin`, as the web
//! app fetches it; `casualty-lens gazetteer-asset FILE` writes it), or the JS wrapper
//! (`casualty-lens.mjs`) fetches it from a URL. It is checked (signature, checksum, offsets)
//! before use: damaged bytes are an error, never a crash later.

#![cfg(target_arch = "wasm32")]

use casualty_lens::{text, Gazetteer, Options, Policy};
use serde::Deserialize;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of `new Extractor(...)`. */
export interface ExtractorOptions {
  /** "literal" (the guidelines' bounds, default) or "acled" (ACLED-style conservative). */
  policy?: "literal" | "acled";
}
/** Options of one extraction. */
export interface ExtractOptions {
  /** The report's `name` (a `.html` name makes the text HTML). Default "". */
  name?: string;
}
/** A span of the text: code point offsets, end exclusive. */
export interface Span { start: number; end: number; text: string; }
export type Category = "killed" | "injured" | "missing" | "kidnapped" | "detained" | "displaced";
export type Qualifier = "exact" | "about" | "at_least" | "more_than" | "at_most" | "less_than" | "range" | "vague";
export interface Figure {
  start: number; end: number; text: string;
  category: Category; value: number; qualifier: Qualifier;
  min: number | null; max: number | null; victims: string | null;
  trigger: Span; place: number | null; part_of: number | null;
  confidence: number; sentence: Span; implicit?: boolean;
  /** Why it was read: construction and trigger row ("attach.toll: 'death toll' (toll) — ..."). */
  rule: string;
}
export interface Place {
  name: string; country: string | null; admin1: string | null;
  kind: "country" | "admin1" | "admin2" | "city" | "district" | "site" | "region" | "other";
  lat: number | null; lon: number | null; geonames_id: number | null; mentions: Span[];
}
export interface Total { value: number; min: number | null; max: number | null; figures: number[]; history?: number[]; }
export interface Incident {
  date: string | null; date_precision: "day" | "week" | "month" | null; place: number | null;
  totals: Partial<Record<Category, Total>>; figures: number[]; confidence: number;
}
/** One document's report: SCHEMA.md's document object. */
export interface DocumentReport {
  name: string; date: string | null; figures: Figure[]; places: Place[];
  totals: Partial<Record<Category, Total>>; incidents: Incident[];
  background: number[]; summary: number[]; text_hash: string | null; error?: string;
}
"#;

/// `new Extractor(gazetteer, options)`'s options.
#[derive(Deserialize, Default)]
struct ExtractorOptions {
    policy: Option<String>,
}

/// `extract(text, options)`'s options.
#[derive(Deserialize, Default)]
struct ExtractOptions {
    name: Option<String>,
}

/// Reads an options object (undefined or null: the defaults).
fn options<T: Default + for<'de> Deserialize<'de>>(value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("bad options: {e}")))
}

/// An extractor: a checked gazetteer and a coding policy. Make one and keep it: checking
/// and indexing the gazetteer takes a few hundred milliseconds.
#[wasm_bindgen]
pub struct Extractor {
    inner: casualty_lens::Extractor,
}

#[wasm_bindgen]
impl Extractor {
    /// An extractor over `gazetteer` (the bytes of `gazetteer.bin`). Throws on damaged bytes
    /// or an unknown policy.
    #[wasm_bindgen(constructor)]
    pub fn new(
        gazetteer: Vec<u8>,
        #[wasm_bindgen(unchecked_param_type = "ExtractorOptions | undefined")] options: JsValue,
    ) -> Result<Extractor, JsError> {
        let opts: ExtractorOptions = self::options(options)?;
        let policy = match opts.policy.as_deref() {
            None => Policy::Literal,
            Some(p) => Policy::parse(p).ok_or_else(|| {
                JsError::new(&format!(
                    "unknown policy {p:?}: expected \"literal\" or \"acled\""
                ))
            })?,
        };
        let gazetteer = Gazetteer::from_bytes(gazetteer)
            .map_err(|e| JsError::new(&format!("gazetteer: {e}")))?;
        Ok(Extractor {
            inner: casualty_lens::Extractor::new(
                gazetteer,
                Options {
                    policy,
                    ..Default::default()
                },
            ),
        })
    }

    /// One document's report as plain JS objects (`DocumentReport`).
    #[wasm_bindgen(unchecked_return_type = "DocumentReport")]
    pub fn extract(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "ExtractOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        let json = self.json(text, options)?;
        let value: serde_json::Value =
            serde_json::from_slice(&json).map_err(|e| JsError::new(&e.to_string()))?;
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// One document's report as compact JSON: the CLI's `--format jsonl` line.
    #[wasm_bindgen(js_name = extractJson)]
    pub fn extract_json(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "ExtractOptions | undefined")] options: JsValue,
    ) -> Result<String, JsError> {
        let json = self.json(text, options)?;
        String::from_utf8(json).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The number of names in the gazetteer.
    #[wasm_bindgen(getter, js_name = gazetteerSize)]
    pub fn gazetteer_size(&self) -> usize {
        self.inner.gazetteer().len()
    }
}

impl Extractor {
    /// The report's JSON bytes, prepared as the CLI prepares a JSONL line (HTML -> text).
    fn json(&self, text: &str, options: JsValue) -> Result<Vec<u8>, JsError> {
        let opts: ExtractOptions = self::options(options)?;
        let name = opts.name.unwrap_or_default();
        let text = text::prepare(&name, text.to_string());
        let analysis = self.inner.analyse(&text);
        let mut out = Vec::with_capacity(text.len().saturating_mul(6) + 256);
        analysis.view(&name).write_json(&mut out);
        Ok(out)
    }
}
