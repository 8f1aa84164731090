//! The gazetteer: GeoNames-derived names -> candidate places.

use super::ResolvedPlace;

/// An index of place names (empty until the gazetteer issue lands the compiled index).
#[derive(Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// A gazetteer with no names (the app uses it while the real one loads).
    pub fn empty() -> Gazetteer {
        Gazetteer {}
    }

    /// Naive lookup used by the first slice.
    pub fn naive_find(&self, _text: &str) -> Vec<ResolvedPlace> {
        Vec::new()
    }
}
