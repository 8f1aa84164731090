//! Pipeline results (byte offsets) -> the report's document (code point offsets).

use super::model::{Category, DocumentReport, Figure, Place, Span, Total};
use crate::figures::{bounds::bounds, RawFigure};
use crate::places::ResolvedPlace;
use crate::text::offsets::CharIndex;
use crate::text::Document;
use crate::Options;
use std::collections::BTreeMap;
use std::ops::Range;

/// Builds one document's report from the stages' results.
pub fn document(
    name: &str,
    doc: &Document,
    figures: &[RawFigure],
    places: &[ResolvedPlace],
    links: &[Option<usize>],
    totals: BTreeMap<Category, Total>,
    options: Options,
) -> DocumentReport {
    let idx = CharIndex::new(doc.text);
    let span = |r: &Range<usize>| Span {
        start: idx.char_offset(r.start),
        end: idx.char_offset(r.end),
        text: doc.text.get(r.clone()).unwrap_or("").to_string(),
    };
    let figures = figures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (min, max) = bounds(f.value, f.qualifier, f.max, options.policy);
            let s = span(&f.span);
            let sentence = doc
                .sentences
                .get(doc.sentence_of(f.span.start))
                .cloned()
                .unwrap_or(0..0);
            Figure {
                start: s.start,
                end: s.end,
                text: s.text,
                category: f.category,
                value: f.value,
                qualifier: f.qualifier,
                min,
                max,
                victims: f
                    .victims
                    .as_ref()
                    .and_then(|v| doc.text.get(v.clone()))
                    .map(str::to_string),
                trigger: span(&f.trigger),
                place: links.get(i).copied().flatten(),
                part_of: f.part_of,
                confidence: f.confidence,
                sentence: span(&sentence),
            }
        })
        .collect();
    let places = places
        .iter()
        .map(|p| Place {
            name: p.name.clone(),
            country: p.country.clone(),
            admin1: p.admin1.clone(),
            kind: p.kind,
            lat: p.lat,
            lon: p.lon,
            geonames_id: p.geonames_id,
            mentions: p.mentions.iter().map(span).collect(),
        })
        .collect();
    DocumentReport {
        name: name.to_string(),
        date: None,
        figures,
        places,
        totals,
        error: None,
    }
}
