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
pub mod vocab;

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
pub use report::model::{Figure, Place, Report};
pub use vocab::{Category, Policy, Qualifier};

/// Settings of one extraction run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// The coding policy for bounds and totals.
    pub policy: Policy,
    /// A reader's hint for the document's country (ISO alpha-2, upper case): place
    /// resolution prefers candidates there (`places::resolve::Weights::country_hint`).
    #[serde(default)]
    pub country: Option<[u8; 2]>,
    /// Whether the report lists each place's other candidates (`Place::candidates`; off by
    /// default, so the CLI's reports are unchanged; the app turns it on).
    #[serde(default)]
    pub candidates: bool,
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
        let a = self.analyse(text);
        report::build::document(
            name,
            &a.doc,
            &a.figures,
            &a.places,
            &a.links,
            a.totals,
            &a.incidents,
            self.options,
        )
    }

    /// [`Extractor::extract`] with every decision's reason: each figure's rule (as always),
    /// each place's resolution trace (the candidates with their score parts) and why each
    /// incident's figures went together. Places and figures are the same as `extract`'s.
    pub fn explain(&self, name: &str, text: &str) -> Explanation {
        let ex = Extractor {
            gazetteer: self.gazetteer.clone(),
            options: Options {
                candidates: true,
                ..self.options
            },
        };
        let a = ex.analyse(text);
        let joined = a
            .incidents
            .list
            .iter()
            .map(|inc| {
                incidents::why::reasons(&a.doc, &a.figures, &a.places, &a.links, inc)
                    .iter()
                    .map(|w| w.describe(&a.places))
                    .collect()
            })
            .collect();
        Explanation {
            report: report::build::document(
                name,
                &a.doc,
                &a.figures,
                &a.places,
                &a.links,
                a.totals.clone(),
                &a.incidents,
                ex.options,
            ),
            joined,
        }
    }

    /// Runs the stages over one document's text, stopping before the report is built: for
    /// writers that serialise [`Analysis::view`] straight into a buffer (no text copies).
    pub fn analyse<'a>(&self, text: &'a str) -> Analysis<'a> {
        let doc = text::Document::new(text);
        let mut figures = figures::extract(&doc);
        // (With the candidates, each place's resolution trace: the app's "Why" line.)
        let places = if self.options.candidates {
            places::find_traced(&doc, &self.gazetteer, self.options.country)
        } else {
            places::find_with(&doc, &self.gazetteer, self.options.country)
        };
        let links = incidents::link::link_places(&doc, &figures, &places);
        incidents::place_parts::place_parts(&doc, &mut figures, &places, &links);
        let mut incidents =
            incidents::analyse(&doc, &figures, &places, &links, self.options.policy);
        let totals = std::mem::take(&mut incidents.totals);
        Analysis {
            doc,
            figures,
            places,
            links,
            totals,
            incidents,
            options: self.options,
        }
    }
}

/// A document's report with the reason of each decision, from [`Extractor::explain`].
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The report, each place with its other candidates and its resolution trace
    /// ([`Place::why`]); each figure has its `rule`.
    pub report: DocumentReport,
    /// Per incident of the report, per member figure (in the incident's order): why it is in
    /// the incident ([`incidents::why`]).
    pub joined: Vec<Vec<String>>,
}

/// One document's stage results (byte offsets), from [`Extractor::analyse`].
pub struct Analysis<'a> {
    /// The text and its sentences.
    pub doc: text::Document<'a>,
    /// Casualty figures in text order.
    pub figures: Vec<figures::RawFigure>,
    /// Resolved places in order of first mention.
    pub places: Vec<places::ResolvedPlace>,
    /// Per figure: the index of its place.
    pub links: Vec<Option<usize>>,
    /// Document totals per category (the sums of the incidents' counts).
    pub totals: std::collections::BTreeMap<Category, report::model::Total>,
    /// Incidents, background and summary figures, publication date.
    pub incidents: incidents::Incidents,
    /// The settings they were made with.
    pub options: Options,
}

impl Analysis<'_> {
    /// The document's report as a borrowed view: serialises exactly as
    /// [`Extractor::extract`]'s report.
    pub fn view<'b>(&'b self, name: &'b str) -> report::build::DocumentView<'b> {
        report::build::view(
            name,
            &self.doc,
            &self.figures,
            &self.places,
            &self.links,
            &self.totals,
            &self.incidents,
            self.options,
        )
    }
}
