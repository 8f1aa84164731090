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

/// A place candidate's resolution score, part by part: the parts `places::resolve::W`
/// weighs, each already weighted, and their sum (the score the resolution compared).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreParts {
    /// What kind of place (a country 5, a capital 4, a region 3, ... a town 0.5).
    pub kind: f64,
    /// Weighted log10 of the population.
    pub population: f64,
    /// The entry's own name is the name written.
    pub own_name: f64,
    /// A region word after the name ("Anbar province") favours areas.
    pub region_word: f64,
    /// The reader's country hint.
    pub hint: f64,
    /// The document's country focus (the other names' countries).
    pub focus: f64,
    /// A region the document names contains it.
    pub region_named: f64,
    /// Other places of the story nearby.
    pub near: f64,
    /// Far from every other place of the story (negative).
    pub far: f64,
    /// Relations stated in the text: "a in b", "a, 80 km north of b".
    pub relations: f64,
    /// The sum.
    pub total: f64,
}

impl ScoreParts {
    /// The named parts, in order.
    pub fn named(&self) -> [(&'static str, f64); 10] {
        [
            ("kind", self.kind),
            ("population", self.population),
            ("own name", self.own_name),
            ("region word", self.region_word),
            ("country hint", self.hint),
            ("focus", self.focus),
            ("region named", self.region_named),
            ("near", self.near),
            ("far", self.far),
            ("relations", self.relations),
        ]
    }

    /// The parts that are not zero and the total, one line:
    /// `kind 0.5 + population 2.8 + focus 4.0 = 7.3`.
    ///
    /// ```
    /// use casualty_lens::vocab::ScoreParts;
    /// let p = ScoreParts { kind: 0.5, focus: 4.0, total: 4.5, ..Default::default() };
    /// assert_eq!(p.describe(), "kind 0.5 + focus 4.0 = 4.5");
    /// ```
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .named()
            .iter()
            .filter(|(_, v)| *v != 0.0)
            .map(|(n, v)| format!("{n} {v:.1}"))
            .collect();
        let sum = if parts.is_empty() {
            "0".to_string()
        } else {
            parts.join(" + ").replace("+ far -", "- far ")
        };
        format!("{sum} = {:.1}", self.total)
    }

    /// Every part rounded to two decimals (as the report writes scores).
    pub fn rounded(mut self) -> ScoreParts {
        for v in [
            &mut self.kind,
            &mut self.population,
            &mut self.own_name,
            &mut self.region_word,
            &mut self.hint,
            &mut self.focus,
            &mut self.region_named,
            &mut self.near,
            &mut self.far,
            &mut self.relations,
            &mut self.total,
        ] {
            *v = (*v * 100.0).round() / 100.0;
        }
        self
    }
}

/// A gazetteer entry the resolution considered for a name, with the parts of its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Considered {
    /// Gazetteer name.
    pub name: String,
    /// ISO 3166 alpha-2 country code.
    pub country: Option<String>,
    /// First-level region name.
    pub admin1: Option<String>,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Population as the gazetteer gives it (0: unknown).
    pub population: u64,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// Its score, part by part.
    pub parts: ScoreParts,
}

/// How a place's name was resolved: the best candidates the resolution scored, best first;
/// the first one won.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaceWhy {
    /// The name as first written.
    pub mention: String,
    /// How many gazetteer entries the name had (the best of them are listed).
    pub considered: usize,
    /// The best candidates, the winner first.
    pub candidates: Vec<Considered>,
}
