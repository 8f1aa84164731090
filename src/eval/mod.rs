//! Evaluation inside the project (native only): the metrics of `score.py` over a gold
//! directory, computed identically ([`score`]), and document totals against coded counts
//! ([`totals`]). The CLI's `eval` and `eval-totals` subcommands sit on top.

pub mod gold;
pub mod py;
pub mod score;
pub mod totals;

pub use gold::{load_gold, GoldDoc};
pub use score::{score, Metric, Metrics};

use crate::report::model::Report;
use crate::{text, Extractor};
use rayon::prelude::*;
use serde_json::Value;
use std::path::Path;

/// Runs `extractor` over every gold document's text file in `dir` (read and decoded as the
/// CLI's `extract` does) and returns the report as JSON.
pub fn extract_report(dir: &Path, docs: &[GoldDoc], extractor: &Extractor) -> Value {
    let reports: Vec<_> = docs
        .par_iter()
        .map(|d| {
            let text = std::fs::read(dir.join(&d.name))
                .map_err(|e| e.to_string())
                .and_then(|b| text::decode::decode(&b).map_err(|e| e.to_string()))
                .unwrap_or_else(|_| d.text.clone());
            extractor.extract(&d.name, &text)
        })
        .collect();
    serde_json::to_value(Report::new(reports)).unwrap_or(Value::Null)
}
