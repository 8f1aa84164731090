//! Casualty Lens: finds casualty figures and places in news articles.
//!
//! The pipeline, one module a stage:
//! [`text`] (decode, sentences, offsets) -> [`numbers`] (number expressions) ->
//! [`figures`] (casualty figures) -> [`places`] (gazetteer, detection, resolution) ->
//! [`incidents`] (figure -> place links, document totals) -> [`report`] (the JSON/CSV/GeoJSON
//! report). The web UI (`ui`, wasm32 only) and the CLI (`cli`, native only) sit on top.
//!
//! The core has no web dependencies and never panics on any input.

pub mod figures;
pub mod incidents;
pub mod numbers;
pub mod places;
pub mod report;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;

/// The web app (wasm32 only): the Yew UI on a page, the extraction worker in a worker.
#[cfg(target_arch = "wasm32")]
pub mod ui;

use report::model::DocumentReport;
use serde::{Deserialize, Serialize};

pub use places::gazetteer::Gazetteer;
pub use report::model::{Category, Figure, Place, Qualifier, Report};

/// How `min`/`max` are derived from a figure's value and qualifier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// The guidelines' literal bounds (default): "dozens" is 24..99, "more than 200" is 201..open.
    #[default]
    Literal,
    /// ACLED-style conservative coding: vague words take a fixed low count
    /// (several = 3, tens = 10, dozens = 12, hundreds = 100, thousands = 1000).
    AcledConservative,
}

impl Policy {
    /// Parses `literal` or `acled` (as the CLI's `--policy` takes it).
    pub fn parse(s: &str) -> Option<Policy> {
        match s {
            "literal" => Some(Policy::Literal),
            "acled" | "acled-conservative" | "acled_conservative" => {
                Some(Policy::AcledConservative)
            }
            _ => None,
        }
    }
}

/// Settings of one extraction run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// The coding policy for bounds and totals.
    pub policy: Policy,
}

/// The extractor: a gazetteer plus settings. Cheap to share between threads.
pub struct Extractor {
    gazetteer: Gazetteer,
    options: Options,
}

impl Extractor {
    /// An extractor over the given gazetteer.
    pub fn new(gazetteer: Gazetteer, options: Options) -> Extractor {
        Extractor { gazetteer, options }
    }

    /// The settings in force.
    pub fn options(&self) -> Options {
        self.options
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Runs the whole pipeline over one document's text.
    pub fn extract(&self, name: &str, text: &str) -> DocumentReport {
        let doc = text::Document::new(text);
        let figures = figures::extract(&doc);
        let places = places::find(&doc, &self.gazetteer);
        let links = incidents::link::link_places(&doc, &figures, &places);
        let totals = incidents::totals::totals(&doc, &figures, self.options.policy);
        report::build::document(name, &doc, &figures, &places, &links, totals, self.options)
    }
}
