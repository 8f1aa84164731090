//! Figures stage: casualty figures read from number expressions and trigger words.

pub mod bounds;

use crate::numbers;
use crate::report::model::{Category, Qualifier};
use crate::text::Document;
use std::ops::Range;

/// A casualty figure before offsets are converted for the report (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct RawFigure {
    /// The number expression with its qualifier.
    pub span: Range<usize>,
    /// Kind of harm.
    pub category: Category,
    /// Stated number (low end for ranges and vague words).
    pub value: u64,
    /// High end stated by a range or implied by a vague word.
    pub max: Option<u64>,
    /// How the number bounds the truth.
    pub qualifier: Qualifier,
    /// Who was harmed, as written.
    pub victims: Option<Range<usize>>,
    /// The harm word(s).
    pub trigger: Range<usize>,
    /// Index of the figure this one is a part of.
    pub part_of: Option<usize>,
    /// 0..1.
    pub confidence: f32,
}

/// Trigger words per category (first slice; the figures issue deepens this).
const TRIGGERS: &[(&str, Category)] = &[
    ("killed", Category::Killed),
    ("dead", Category::Killed),
    ("died", Category::Killed),
    ("wounded", Category::Injured),
    ("injured", Category::Injured),
    ("missing", Category::Missing),
    ("kidnapped", Category::Kidnapped),
    ("arrested", Category::Detained),
    ("displaced", Category::Displaced),
];

/// Finds the casualty figures of a document, in text order.
pub fn extract(doc: &Document) -> Vec<RawFigure> {
    let mut out = Vec::new();
    for n in numbers::find(doc.text) {
        let s = doc.sentence_of(n.span.start);
        let Some(sent) = doc.sentences.get(s) else {
            continue;
        };
        let window_end = (n.span.end + 40).min(sent.end);
        let mut window_end = window_end;
        while !doc.text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let after = &doc.text[n.span.end..window_end];
        let lower = after.to_ascii_lowercase();
        if let Some((pos, (word, cat))) = TRIGGERS
            .iter()
            .filter_map(|t| lower.find(t.0).map(|p| (p, t)))
            .min_by_key(|(p, _)| *p)
        {
            let t0 = n.span.end + pos;
            out.push(RawFigure {
                span: n.span.clone(),
                category: *cat,
                value: n.value,
                max: n.max,
                qualifier: n.qualifier,
                victims: None,
                trigger: t0..(t0 + word.len()).min(window_end),
                part_of: None,
                confidence: 0.5,
            });
        }
    }
    out
}
