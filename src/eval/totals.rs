//! Document totals against coded counts: rows `{"id","text","killed","injured",...}` (JSON
//! lines, as in `wiki-incidents.jsonl.gz`), compared with the report's
//! `totals.killed.value` / `totals.injured.value` (an absent total counts as 0).
//!
//! Rates are given on every row whose coded number is an integer, and on the rows whose coded
//! number (1 or more) *appears in the text*: written in digits as a whole number (a maximal
//! run of digits, thousands commas allowed: 1633 appears as "1633" or "1,633", not inside
//! "21633"), or, up to 999, in English words as whole words, any case, hyphen or space
//! between tens and units, "and" after "hundred" optional ("twenty-three", "Twenty three",
//! "one hundred and five"; 1 appears as "one", 100 also as "a hundred"). These are the rows
//! a reader could code from the text alone without adding numbers up.
//!
//! Places: each incident's place whose country differs from the row's coded country
//! (`place.country`, an English name, mapped to its code by the names the reports themselves
//! resolve to countries: [`CountryNames`]).

use serde_json::Value;

/// One coded row.
pub struct Row {
    /// The row's id.
    pub id: String,
    /// The incident description.
    pub text: String,
    /// Coded killed count (None: not an integer).
    pub killed: Option<u64>,
    /// Coded injured count (None: not an integer).
    pub injured: Option<u64>,
    /// Coded country of the incident, as a name ("Syria"), where the row has one
    /// (`place.country`).
    pub country: Option<String>,
}

/// Parses one JSON line; `None` if it is not an object with a string `text`.
pub fn parse_row(line: &str) -> Option<Row> {
    let v: Value = serde_json::from_str(line).ok()?;
    Some(Row {
        id: v
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        text: v.get("text")?.as_str()?.to_string(),
        killed: v.get("killed").and_then(Value::as_u64),
        injured: v.get("injured").and_then(Value::as_u64),
        country: v
            .get("place")
            .and_then(|p| p.get("country"))
            .and_then(Value::as_str)
            .map(str::to_string),
    })
}

/// Country names to ISO codes, learnt from the reports' own country places (a name the
/// extractor resolved to a country, most often to one code): the coded rows name countries
/// in English, as the gazetteer does.
#[derive(Default)]
pub struct CountryNames {
    seen: std::collections::BTreeMap<String, std::collections::BTreeMap<String, u64>>,
}

impl CountryNames {
    /// Records that `name` resolved to the country `code`.
    pub fn learn(&mut self, name: &str, code: &str) {
        *self
            .seen
            .entry(name.to_lowercase())
            .or_default()
            .entry(code.to_string())
            .or_default() += 1;
    }

    /// The code most often given to `name` (ties: the first code in order).
    pub fn code(&self, name: &str) -> Option<&str> {
        let codes = self.seen.get(&name.to_lowercase())?;
        let best = codes.values().copied().max()?;
        codes
            .iter()
            .find(|(_, &n)| n == best)
            .map(|(c, _)| c.as_str())
    }
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// English spellings of 1..=999 as space-separated lower-case words.
fn spellings(n: u64) -> Vec<String> {
    fn below_100(n: u64) -> String {
        match n {
            0..=19 => UNITS[n as usize].to_string(),
            _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
            _ => format!("{} {}", TENS[(n / 10) as usize], UNITS[(n % 10) as usize]),
        }
    }
    match n {
        1..=99 => vec![below_100(n)],
        100..=999 => {
            let h = UNITS[(n / 100) as usize];
            let rest = n % 100;
            let mut heads = vec![format!("{h} hundred")];
            if n / 100 == 1 {
                heads.push("a hundred".to_string());
            }
            if rest == 0 {
                heads
            } else {
                let r = below_100(rest);
                heads
                    .iter()
                    .flat_map(|hd| [format!("{hd} {r}"), format!("{hd} and {r}")])
                    .collect()
            }
        }
        _ => Vec::new(),
    }
}

/// The text lower-cased with every non-letter as a single space, padded with spaces.
fn word_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        if c.is_alphabetic() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.push(' ');
    out
}

/// Whole digit numbers in the text ("1,633" reads as 1633).
fn digit_numbers(text: &str) -> Vec<u64> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut v: u64 = 0;
        while i < b.len() {
            if b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u64::from(b[i] - b'0'));
                i += 1;
            } else if b[i] == b','
                && b.get(i + 1..i + 4)
                    .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
            {
                i += 1;
            } else {
                break;
            }
        }
        out.push(v);
    }
    out
}

/// Does the coded number appear in the text (see the module docs)?
pub fn appears(n: u64, digits: &[u64], words: &str) -> bool {
    if n == 0 {
        return false;
    }
    digits.contains(&n)
        || spellings(n)
            .iter()
            .any(|s| words.contains(&format!(" {s} ")))
}

/// Tallies for one category.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Rows with an integer coded number.
    pub rows: u64,
    /// Of those, rows where the report's total equals it.
    pub exact: u64,
    /// Rows whose coded number appears in the text.
    pub in_text: u64,
    /// Of those, rows where the report's total equals it.
    pub in_text_exact: u64,
    /// Rows coded 0.
    pub zero: u64,
    /// Of those, rows where the report's total is 0 too.
    pub zero_exact: u64,
}

impl Tally {
    /// Adds one row: the coded number, the extracted total, whether it appears in the text.
    pub fn add(&mut self, coded: Option<u64>, got: u64, in_text: bool) {
        let Some(coded) = coded else { return };
        self.rows += 1;
        self.exact += u64::from(coded == got);
        if in_text {
            self.in_text += 1;
            self.in_text_exact += u64::from(coded == got);
        }
        if coded == 0 {
            self.zero += 1;
            self.zero_exact += u64::from(got == 0);
        }
    }
}

/// A rate as a fraction with 4 decimals ("0.7312"), or "-" when there are no rows.
pub fn rate(a: u64, b: u64) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.4}", a as f64 / b as f64)
    }
}

/// Precomputed forms of a text for [`appears`].
pub struct TextForms {
    /// Whole digit numbers.
    pub digits: Vec<u64>,
    /// Lower-case words separated by single spaces.
    pub words: String,
}

impl TextForms {
    /// Computes the forms of `text`.
    pub fn new(text: &str) -> TextForms {
        TextForms {
            digits: digit_numbers(text),
            words: word_text(text),
        }
    }

    /// Does `n` appear in the text?
    pub fn has(&self, n: u64) -> bool {
        appears(n, &self.digits, &self.words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_names_take_their_most_frequent_code() {
        let mut n = CountryNames::default();
        n.learn("Georgia", "GE");
        n.learn("Georgia", "US");
        n.learn("georgia", "US");
        n.learn("Syria", "SY");
        assert_eq!(n.code("GEORGIA"), Some("US"));
        assert_eq!(n.code("Syria"), Some("SY"));
        assert_eq!(n.code("Atlantis"), None);
    }

    #[test]
    fn rows_read_their_coded_country() {
        let r = parse_row(r#"{"id":"a","text":"t","killed":2,"place":{"country":"Iraq"}}"#);
        assert_eq!(r.and_then(|r| r.country).as_deref(), Some("Iraq"));
        let r = parse_row(r#"{"id":"b","text":"t"}"#);
        assert!(r.is_some_and(|r| r.country.is_none()));
    }

    #[test]
    fn appearing_numbers() {
        let f = TextForms::new(
            "Twenty-three people died; 1,633 were hurt in 2013. One Hundred and five fled.",
        );
        assert!(f.has(23));
        assert!(f.has(1633));
        assert!(f.has(2013));
        assert!(f.has(105));
        assert!(f.has(1));
        assert!(!f.has(4));
        assert!(!f.has(633));
        assert!(!f.has(0));
        let g = TextForms::new("a hundred were hurt");
        assert!(g.has(100));
    }
}
