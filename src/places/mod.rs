//! Places stage: detect place names, resolve them against the gazetteer.

pub mod gazetteer;

use crate::report::model::PlaceKind;
use crate::text::Document;
use gazetteer::Gazetteer;
use std::ops::Range;

/// A distinct resolved place with its mentions (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedPlace {
    /// Resolved name.
    pub name: String,
    /// ISO 3166 alpha-2 code.
    pub country: Option<String>,
    /// First-level region name.
    pub admin1: Option<String>,
    /// Precision.
    pub kind: PlaceKind,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// Mentions in text order.
    pub mentions: Vec<Range<usize>>,
}

/// Finds and resolves the places a document names, in order of first mention.
pub fn find(doc: &Document, gazetteer: &Gazetteer) -> Vec<ResolvedPlace> {
    gazetteer.naive_find(doc.text)
}
