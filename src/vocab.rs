//! The ground floor: the vocabulary every stage shares (the kinds of harm, qualifiers, kinds
//! of place, coding policies and counts). It imports nothing of the crate, so every stage can
//! use it without importing the stages above it; `report::model` re-exports it for the schema.

use serde::{Deserialize, Serialize};

/// The six kinds of harm a casualty figure counts (GUIDELINES.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// killed, dead, died, death toll, bodies found...
    Killed,
    /// injured, wounded, hurt...
    Injured,
    /// missing, unaccounted for
    Missing,
    /// kidnapped, abducted, taken hostage
    Kidnapped,
    /// arrested, detained, held
    Detained,
    /// displaced, fled, refugees
    Displaced,
}

impl Category {
    /// All categories, in the order the guidelines list them.
    pub const ALL: [Category; 6] = [
        Category::Killed,
        Category::Injured,
        Category::Missing,
        Category::Kidnapped,
        Category::Detained,
        Category::Displaced,
    ];

    /// The lower-case name used in reports and data attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Killed => "killed",
            Category::Injured => "injured",
            Category::Missing => "missing",
            Category::Kidnapped => "kidnapped",
            Category::Detained => "detained",
            Category::Displaced => "displaced",
        }
    }

    /// Parses a category name as written in reports.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// How the stated number bounds the truth (GUIDELINES.md, "The value and the qualifier").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "140 people"
    Exact,
    /// about, around, nearly, some...
    About,
    /// at least, no fewer than
    AtLeast,
    /// more than, over
    MoreThan,
    /// up to, as many as
    AtMost,
    /// fewer than, under
    LessThan,
    /// "between 10 and 15": value is the low end, max the high end
    Range,
    /// a word with no stated number ("dozens"): value is the table's low end
    Vague,
}

impl Qualifier {
    /// The snake_case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// Precision of a resolved place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A sovereign country.
    Country,
    /// A first-level region (province, governorate, state).
    Admin1,
    /// A second-level region (district).
    Admin2,
    /// A town or city.
    City,
    /// A neighbourhood or district of a city.
    District,
    /// A named site (hospital, mosque, airport...).
    Site,
    /// A larger region (Darfur, the Sahel).
    Region,
    /// Anything else.
    Other,
}

/// A document-level count for one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Total {
    /// The count (sum of the low ends of the figures that make it).
    pub value: u64,
    /// Lowest count under the coding policy.
    pub min: Option<u64>,
    /// Highest count, or null where open.
    pub max: Option<u64>,
    /// Indices of the figures this total adds up (extra key: the evidence).
    #[serde(default)]
    pub figures: Vec<usize>,
    /// An incident's count: the values its figures stated, in text order ("18 -> 45"; extra
    /// key, written only when not empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<u64>,
}

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

/// Another reading of a place name: a gazetteer entry the resolution scored lower.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// Gazetteer name.
    pub name: String,
    /// ISO 3166 alpha-2 country code.
    pub country: Option<String>,
    /// First-level region name.
    pub admin1: Option<String>,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// WGS84 latitude.
    pub lat: Option<f64>,
    /// WGS84 longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// Its resolution score in this document (higher is likelier; the chosen reading scored
    /// at least as much; `places::resolve::Weights` explains the parts).
    pub score: f64,
}
