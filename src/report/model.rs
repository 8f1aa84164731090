//! The report of `../shared/corpus/SCHEMA.md` (`casualty-lens/1`): what the CLI writes and the
//! app exports. Offsets here are Unicode code point offsets, end exclusive.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema tag every report carries.
pub const SCHEMA: &str = "casualty-lens/1";

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

/// A stretch of the document: code point offsets and the text they cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// One casualty figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Code point offset of the number expression (with its qualifier).
    pub start: usize,
    /// End (exclusive) of the number expression.
    pub end: usize,
    /// The number expression as written.
    pub text: String,
    /// Kind of harm.
    pub category: Category,
    /// The stated number (the low end for ranges and vague words).
    pub value: u64,
    /// How the number bounds the truth.
    pub qualifier: Qualifier,
    /// Lowest count the text allows, under the chosen coding policy; null where it sets none.
    pub min: Option<u64>,
    /// Highest count the text allows; null where it sets none.
    pub max: Option<u64>,
    /// Who was harmed, as written ("police officers"), or null.
    pub victims: Option<String>,
    /// The word(s) that say what harm was done.
    pub trigger: Span,
    /// Index into the document's `places`: where the harm happened.
    pub place: Option<usize>,
    /// Index into the document's `figures`: the total this one is a part of.
    pub part_of: Option<usize>,
    /// How sure the extractor is, 0..1.
    pub confidence: f32,
    /// The sentence the figure was read from (extra key: the evidence the app shows).
    pub sentence: Span,
    /// A singular victim with no number word ("a civilian was killed"): value 1, the span is
    /// the noun phrase. Written only when true (SCHEMA.md).
    #[serde(default, skip_serializing_if = "is_false")]
    pub implicit: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
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

/// A distinct real place the document names, with every mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Resolved (gazetteer) name.
    pub name: String,
    /// ISO 3166 alpha-2 country code.
    pub country: Option<String>,
    /// First-level region name.
    pub admin1: Option<String>,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// WGS84 latitude, or null where unknown.
    pub lat: Option<f64>,
    /// WGS84 longitude, or null where unknown.
    pub lon: Option<f64>,
    /// GeoNames id where the place came from the gazetteer.
    pub geonames_id: Option<u64>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
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
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentReport {
    /// File name (or id) of the document.
    pub name: String,
    /// Publication date (YYYY-MM-DD) where the text gives one.
    pub date: Option<String>,
    /// Casualty figures in text order.
    pub figures: Vec<Figure>,
    /// Distinct places in order of first mention.
    pub places: Vec<Place>,
    /// Document totals per category.
    pub totals: BTreeMap<Category, Total>,
    /// Set when the document could not be read (extra key); figures and places are then empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The whole report: schema tag and documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// One entry per input document, in input order.
    pub documents: Vec<DocumentReport>,
}

impl Report {
    /// A report over the given documents.
    pub fn new(documents: Vec<DocumentReport>) -> Report {
        Report {
            schema: SCHEMA.to_string(),
            documents,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Category, Qualifier};

    /// `as_str` names (CSV, Markdown, lookups) are serde's.
    #[test]
    fn as_str_is_the_serde_name() {
        let name = |v: serde_json::Value| v.as_str().map(str::to_string);
        for c in Category::ALL {
            assert_eq!(name(serde_json::json!(c)).as_deref(), Some(c.as_str()));
        }
        use Qualifier::*;
        for q in [
            Exact, About, AtLeast, MoreThan, AtMost, LessThan, Range, Vague,
        ] {
            assert_eq!(name(serde_json::json!(q)).as_deref(), Some(q.as_str()));
        }
    }
}
