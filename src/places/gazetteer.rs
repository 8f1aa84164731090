//! The gazetteer: GeoNames-derived names -> candidate places.

use super::ResolvedPlace;
use std::fmt;

/// Why gazetteer bytes could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError(pub String);

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gazetteer: {}", self.0)
    }
}

impl std::error::Error for GazetteerError {}

/// An index of place names (empty until the gazetteer issue lands the compiled index).
#[derive(Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// A gazetteer with no names (the app uses it while the real one loads).
    pub fn empty() -> Gazetteer {
        Gazetteer {}
    }

    /// Loads the compiled gazetteer asset (`gazetteer.bin`, as the app fetches it).
    pub fn from_bytes(_bytes: Vec<u8>) -> Result<Gazetteer, GazetteerError> {
        Err(GazetteerError("not built yet".into()))
    }

    /// Naive lookup used by the first slice.
    pub fn naive_find(&self, _text: &str) -> Vec<ResolvedPlace> {
        Vec::new()
    }
}
