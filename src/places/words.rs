//! Which word tables a word belongs to, found with one hashed look-up per token, and the word
//! tables of name detection ([`super::detect`]) and places from context ([`super::context`]).
//!
//! Those rules read the tables only through this index: every token of a text gets the set of
//! tables its word is in ([`super::detect::Token::classes`]), so that a rule asks a bit
//! instead of scanning a list. The tables of aliases and demonyms stay in
//! [`super::aliases`] and [`super::demonyms`], which do not depend on the index. A word is in
//! a table when, lower-cased exactly as `str::to_lowercase` does, it equals one of the
//! table's words, and it is at most [`MAX_LEN`] bytes long as written.

use super::aliases;
use crate::vocab::PlaceKind;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// A set of tables, one bit each.
pub type Classes = u32;

/// [`aliases::TITLES`]: "President", "Gen".
pub const TITLE: Classes = 1 << 0;
/// [`aliases::FREE_BEFORE`]: "In", "Northern", "Wednesday".
pub const FREE_BEFORE: Classes = 1 << 1;
/// [`aliases::CONNECTORS`]: "and", "de", "al".
pub const CONNECTOR: Classes = 1 << 2;
/// [`aliases::ORG_HEADS`]: "Party", "Front".
pub const ORG_HEAD: Classes = 1 << 3;
/// [`aliases::REGION_WORDS`]: "province".
pub const REGION_WORD: Classes = 1 << 4;
/// [`aliases::NOT_PLACES`] and the month names: never a place alone.
pub const NOT_A_PLACE: Classes = 1 << 5;
/// [`PARTICLES`]: "al" of "Moqtada al-Sadr".
pub const PARTICLE: Classes = 1 << 6;
/// [`LOCATIVES`]: "in", "near", "village".
pub const LOCATIVE: Classes = 1 << 7;
/// [`ARTICLES`]: "al" of "al-Hawija".
pub const ARTICLE: Classes = 1 << 8;
/// [`ORG_LINKS`]: "in" of "Al Qaeda in Iraq".
pub const ORG_LINK: Classes = 1 << 9;
/// [`ORG_INNER_WORDS`]: small words inside an organisation's name.
pub const ORG_INNER: Classes = 1 << 10;
/// [`PLACE_WORDS`]: "district", "village".
pub const PLACE_WORD: Classes = 1 << 11;
/// [`FACILITY_WORDS`]: "Prison", "Airport".
pub const FACILITY: Classes = 1 << 12;
/// [`LOWER_FACILITY_WORDS`]: "volcano", "river".
pub const LOWER_FACILITY: Classes = 1 << 13;
/// [`NOT_NAMES`]: "Sunni", "Old".
pub const NOT_NAME: Classes = 1 << 14;
/// [`LOCATIVES_BEFORE_NAME`]: "in", "at", "near".
pub const IN_AT_NEAR: Classes = 1 << 15;
/// [`THE_WORD`]: "the".
pub const THE: Classes = 1 << 16;
/// [`OF_WORD`]: "of".
pub const OF: Classes = 1 << 17;
/// [`IN_WORD`]: "in".
pub const IN: Classes = 1 << 18;
/// [`ONE_OF_A_KIND_WORDS`]: "a", "another".
pub const ONE_OF_A_KIND: Classes = 1 << 19;
/// [`LEADS`]: words before a name and a place word.
pub const LEAD: Classes = 1 << 20;
/// [`super::NEIGHBOURHOOD_WORDS`]: "neighborhood", "suburb".
pub const NEIGHBOURHOOD: Classes = 1 << 21;
/// [`super::demonyms::last_words`]: "Somali", "Iraqis", "Sudanese".
pub const DEMONYM: Classes = 1 << 22;
/// [`aliases::KIN_WORDS`]: "family", "clan".
pub const KIN: Classes = 1 << 23;
/// [`AIR_WORD`]: "air" of "air base".
pub const AIR: Classes = 1 << 24;
/// [`aliases::GROUP_WORDS`]: "cartel", "gang".
pub const GROUP: Classes = 1 << 25;
/// [`aliases::PROVINCE_WORDS`]: "province", "oblast" (each also a [`REGION_WORD`]).
pub const PROVINCE_WORD: Classes = 1 << 26;

/// Longest word (bytes as written) a table can match.
pub const MAX_LEN: usize = 20;

// The word tables of name detection (`detect.rs`).

/// Lower-case particles inside personal names ("Moqtada al-Sadr", "Osama bin Laden").
pub(crate) const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "da", "van", "von", "del",
];

/// Locative words that make a common word a place ("a blast in Most").
pub(crate) const LOCATIVES: &[&str] = &[
    "in", "at", "near", "outside", "from", "into", "across", "around", "toward", "towards",
    "inside", "village", "town", "city",
];

/// Lower-case articles that belong to the name after a hyphen ("al-Hawija").
pub(crate) const ARTICLES: &[&str] = &["al", "el"];

/// Words between an organisation's name and a place: "Al Qaeda in Iraq", "Islamic State of
/// Iraq", "National Union for the Total Independence of Angola".
pub(crate) const ORG_LINKS: &[&str] = &["in", "of", "for"];

/// Small words inside an organisation's name ("National Union for the Total Independence").
pub(crate) const ORG_INNER_WORDS: &[&str] = &["for", "the", "of", "and", "in"];

// The word tables of places from context (`context.rs`).

/// Place words after or before a name, with the kind of place they make.
pub(crate) const PLACE_WORDS: &[(&str, PlaceKind)] = &[
    ("district", PlaceKind::District),
    ("neighbourhood", PlaceKind::District),
    ("neighborhood", PlaceKind::District),
    ("suburb", PlaceKind::District),
    ("quarter", PlaceKind::District),
    ("area", PlaceKind::District),
    ("village", PlaceKind::City),
    ("town", PlaceKind::City),
    ("hamlet", PlaceKind::City),
    ("city", PlaceKind::City),
    ("township", PlaceKind::City),
    ("municipality", PlaceKind::Admin2),
    ("county", PlaceKind::Admin2),
    ("territory", PlaceKind::Admin2),
    ("province", PlaceKind::Admin1),
    ("governorate", PlaceKind::Admin1),
    ("department", PlaceKind::Admin1),
    ("region", PlaceKind::Region),
    ("camp", PlaceKind::Site),
];

/// Words that end a facility's name (capitalised: "Lurigancho Prison").
pub(crate) const FACILITY_WORDS: &[&str] = &[
    "hospital",
    "mosque",
    "shrine",
    "airport",
    "airbase",
    "airfield",
    "university",
    "prison",
    "jail",
    "street",
    "avenue",
    "road",
    "bridge",
    "highway",
    "building",
    "synagogue",
    "church",
    "cathedral",
    "market",
    "square",
    "stadium",
    "hotel",
    "zone",
    "base",
    "barracks",
    "embassy",
    "station",
    "school",
    "temple",
    "palace",
    "checkpoint",
    "park",
    "mall",
    "plaza",
    "boulevard",
    "port",
    "harbour",
    "harbor",
    "refinery",
    "dam",
    "river",
    "lake",
    "mountain",
    "mountains",
    "valley",
    "canal",
    "volcano",
    "bazaar",
    "compound",
    "complex",
    "tower",
    "towers",
    "centre",
    "center",
    "clinic",
    "college",
    "academy",
    "monastery",
    "cemetery",
];

/// Facilities that take the name of the place they serve, so that a capitalised one after a
/// place name leaves the name a place (the facility is made from context around it, inside
/// that place): "Kabul International Airport", "Kandahar Airfield", "Bagram Air Base",
/// "Mosul Dam", "Garissa University". Not streets, hotels, embassies or squares, often named
/// after somewhere else ("Palestine Hotel" in Baghdad, "the Pakistan Embassy" in Kabul).
/// Each row: the words between the name and the facility word, then the facility word.
pub(crate) const NAMED_FOR_THEIR_PLACE: &[(&[&str], &str)] = &[
    (&[], "airport"),                // "Jalalabad Airport"
    (&["international"], "airport"), // "Kabul International Airport"
    (&[], "airfield"),               // "Kandahar Airfield"
    (&[], "airbase"),                // "Asad Airbase"
    (&["air"], "base"),              // "Bagram Air Base"
    (&[], "dam"),                    // "Badush Dam"
    (&[], "university"),             // "Garissa University"
];

/// Facility words that make a place in lower case too, after a name and a word that leads
/// to it: "the Erta Ale volcano", "near Kabul airport", "at the Ramadi hospital". Not after
/// "a" ("a Kabul hospital" is one of a kind), nor without a lead ("Kabul hospitals said").
pub(crate) const LOWER_FACILITY_WORDS: &[&str] = &[
    "volcano", "river", "mosque", "shrine", "hospital", "airport", "airbase", "prison", "dam",
    "mountain", "lake", "bridge", "refinery",
];

/// The word before a lower-case "base" that makes it a facility: "near Bagram air base".
pub(crate) const AIR_WORD: &[&str] = &["air"];

/// Capitalised words that describe people, not places ("the Sunni district").
pub(crate) const NOT_NAMES: &[&str] = &[
    "sunni",
    "shia",
    "shiite",
    "shi'ite",
    "christian",
    "kurdish",
    "muslim",
    "arab",
    "jewish",
    "catholic",
    "protestant",
    "alawite",
    "druze",
    "yazidi",
    "turkmen",
    "old",
    "new",
    "main",
    "central",
    "national",
    "international",
    "military",
    "police",
    "army",
    "government",
    "federal",
    "local",
    "city",
    "state",
    "provincial",
    "regional",
    "public",
    "general",
    "private",
    "royal",
    "grand",
    "holy",
    "great",
    "big",
    "local",
    "special",
];

/// Locative words before a name that a comma and a known place follow ("in El Tomate,
/// Canaletes Municipality").
pub(crate) const LOCATIVES_BEFORE_NAME: &[&str] = &["in", "at", "near"];

/// The article before a lower-case facility word ("the Erta Ale volcano").
pub(crate) const THE_WORD: &[&str] = &["the"];

/// "the town of Tal Afar".
pub(crate) const OF_WORD: &[&str] = &["of"];

/// "in" before a known place after a comma ("El Tomate, in Canaletes").
pub(crate) const IN_WORD: &[&str] = &["in"];

/// Words before a facility that make it one of a kind, not a named place ("a Mormon church").
pub(crate) const ONE_OF_A_KIND_WORDS: &[&str] = &["a", "an", "another", "every", "each"];

/// Words before a name and a place word that let it be a place ("the Sadriya district",
/// "in Maiwand district").
pub(crate) const LEADS: &[&str] = &[
    "the", "in", "at", "near", "of", "from", "outside", "a", "to", "into", "across", "nearby",
];

/// The tables and their bits.
fn tables() -> [(Classes, &'static [&'static str]); 27] {
    [
        (TITLE, aliases::TITLES),
        (FREE_BEFORE, aliases::FREE_BEFORE),
        (CONNECTOR, aliases::CONNECTORS),
        (ORG_HEAD, aliases::ORG_HEADS),
        (REGION_WORD, aliases::REGION_WORDS),
        (NOT_A_PLACE, aliases::NOT_PLACES),
        (NOT_A_PLACE, crate::numbers::kind::MONTHS),
        (PARTICLE, PARTICLES),
        (LOCATIVE, LOCATIVES),
        (ARTICLE, ARTICLES),
        (ORG_LINK, ORG_LINKS),
        (ORG_INNER, ORG_INNER_WORDS),
        (FACILITY, FACILITY_WORDS),
        (LOWER_FACILITY, LOWER_FACILITY_WORDS),
        (NOT_NAME, NOT_NAMES),
        (IN_AT_NEAR, LOCATIVES_BEFORE_NAME),
        (THE, THE_WORD),
        (OF, OF_WORD),
        (IN, IN_WORD),
        (ONE_OF_A_KIND, ONE_OF_A_KIND_WORDS),
        (LEAD, LEADS),
        (NEIGHBOURHOOD, super::NEIGHBOURHOOD_WORDS),
        (DEMONYM, super::demonyms::last_words()),
        (KIN, aliases::KIN_WORDS),
        (AIR, AIR_WORD),
        (GROUP, aliases::GROUP_WORDS),
        (PROVINCE_WORD, aliases::PROVINCE_WORDS),
    ]
}

/// Longest table word in bytes: table words are keyed by their bytes in one `u128`.
const KEY_LEN: usize = 16;

struct Index {
    /// Lower-case word (its bytes, zero-padded, as one number) -> its tables.
    map: FxHashMap<u128, Classes>,
    /// A quick "no" for most words in no table: per length in bytes and first letter, the
    /// second letters of the table words (see [`starts`]).
    starts: [[u32; 32]; KEY_LEN + 1],
}

/// Where a lower-case word's length and first two bytes fall in [`Index::starts`]: the
/// length, the first byte's row and the second byte's bit (letters map one to one; digits
/// and apostrophes share a few places, which only costs a look-up).
#[inline]
fn starts(len: usize, b0: u8, b1: u8) -> (usize, usize, u32) {
    let b1 = if len > 1 { b1 } else { 0 };
    (len, usize::from(b0 & 31), 1 << (b1 & 31))
}

fn key(lower: &[u8]) -> Option<u128> {
    let mut buf = [0u8; KEY_LEN];
    buf.get_mut(..lower.len())?.copy_from_slice(lower);
    Some(u128::from_le_bytes(buf))
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ix = Index {
            map: FxHashMap::default(),
            starts: [[0; 32]; KEY_LEN + 1],
        };
        let mut add = |w: &'static str, bit: Classes| {
            // (A test checks that every table word fits a key.)
            if let Some(k) = key(w.as_bytes()) {
                *ix.map.entry(k).or_default() |= bit;
                let b = w.as_bytes();
                let (len, row, second) = starts(
                    b.len(),
                    b.first().copied().unwrap_or(0),
                    b.get(1).copied().unwrap_or(0),
                );
                if let Some(r) = ix.starts.get_mut(len).and_then(|s| s.get_mut(row)) {
                    *r |= second;
                }
            }
        };
        for (bit, list) in tables() {
            for w in list {
                add(w, bit);
            }
        }
        for (w, _) in PLACE_WORDS {
            add(w, PLACE_WORD);
        }
        ix
    })
}

/// The tables `word` (any case) is in.
pub fn classes(word: &str) -> Classes {
    if word.len() > MAX_LEN {
        return 0;
    }
    let lookup = |lower: &[u8]| key(lower).map_or(0, |k| index().map.get(&k).copied().unwrap_or(0));
    if word.is_ascii() {
        let mut buf = [0u8; MAX_LEN];
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        return lookup(b);
    }
    // Rare: lower-casing may change the length (and a few signs lower-case to ASCII).
    lookup(word.to_lowercase().as_bytes())
}

/// [`classes`] of a word of ASCII letters, digits and apostrophes (a token's word), which
/// starts at byte `start` of `text`: no look-up at all for most words that are in no table.
#[inline]
pub fn classes_of_ascii_word(text: &[u8], start: usize, len: usize) -> Classes {
    let ix = index();
    // Letters, digits, ' and ` all have bit 0x20 set once lower case.
    let b0 = text.get(start).map_or(0, |b| b | 0x20);
    let b1 = text.get(start + 1).map_or(0, |b| b | 0x20);
    let (_, row, second) = starts(len, b0, b1);
    if ix
        .starts
        .get(len)
        .and_then(|s| s.get(row))
        .is_none_or(|r| r & second == 0)
    {
        return 0;
    }
    // The key: the word's bytes, lower case, zero-padded (one load where the text allows).
    let mask = u128::MAX >> (8 * (KEY_LEN - len));
    let raw = match text.get(start..start + KEY_LEN) {
        Some(s) => u128::from_le_bytes(s.try_into().unwrap_or([0; KEY_LEN])),
        None => {
            let mut k = 0u128;
            for (i, &b) in text
                .get(start..start + len)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                k |= u128::from(b) << (8 * i);
            }
            k
        }
    };
    let key = (raw | u128::from_le_bytes([0x20; KEY_LEN])) & mask;
    ix.map.get(&key).copied().unwrap_or(0)
}

/// Whether a country's name qualifies the people or arms after it: "a U.S. soldier was
/// killed in Nangarhar", "a US drone hit a car in Datta Khel", "near the US embassy in Lima"
/// (whose people, not where): not the harm's place (`incidents::link`), and no vote for the
/// story's country in resolution.
/// (Countries only: "a Bangkok military-run hospital" is in Bangkok.)
pub fn attributive(text: &str, span: &Range<usize>) -> bool {
    let rest = text.get(span.end..).unwrap_or("");
    // "US-backed forces", "Saudi-led coalition": whose backing, not where.
    if let Some(t) = rest.strip_prefix('-') {
        let w = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        return HYPHEN_ATTRIBUTIVE.iter().any(|h| h.eq_ignore_ascii_case(w));
    }
    let next = rest
        .strip_prefix(' ')
        .and_then(|t| t.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or("");
    // (Capitalised too: "U.S. Army personnel", "US Special Forces".)
    !next.is_empty() && ATTRIBUTIVE.iter().any(|w| w.eq_ignore_ascii_case(next))
}

/// Words after a country's name and a hyphen that say whose backing or lead, not where:
/// "US-backed forces", "a Saudi-led coalition", "Iranian-trained militia".
pub const HYPHEN_ATTRIBUTIVE: &[&str] = &[
    "backed",
    "led",
    "funded",
    "trained",
    "armed",
    "supported",
    "sponsored",
    "allied",
    "brokered",
    "made",
    "built",
    "owned",
];

/// Lower-case words after a country's name that make it say whose people or arms they are,
/// not where: "a U.S. soldier", "US troops", "a US drone strike".
pub const ATTRIBUTIVE: &[&str] = &[
    "soldier",
    "soldiers",
    "troops",
    "service",
    "servicemen",
    "servicemembers",
    "marine",
    "marines",
    "forces",
    "military",
    "army",
    "navy",
    "citizen",
    "citizens",
    "national",
    "nationals",
    "contractor",
    "contractors",
    "civilian",
    "civilians",
    "diplomat",
    "diplomats",
    "ambassador",
    "envoy",
    "embassy",
    "consulate",
    "official",
    "officials",
    "journalist",
    "journalists",
    "tourist",
    "tourists",
    "aid",
    "drone",
    "drones",
    "warplanes",
    "jets",
    "aircraft",
    "helicopter",
    "helicopters",
    "airstrike",
    "airstrikes",
    "peacekeeper",
    "peacekeepers",
    "engineer",
    "engineers",
    "worker",
    "workers",
    "pilot",
    "pilots",
    "personnel",
    "special",
    "air",
    "missile",
    "missiles",
    "warplane",
    "jet",
    "strike",
    "strikes",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_the_tables() {
        for (bit, list) in tables() {
            for w in list {
                assert_ne!(classes(w) & bit, 0, "{w}");
                assert_ne!(classes(&w.to_uppercase()) & bit, 0, "{w}");
                assert!(aliases::contains(list, w));
            }
        }
        assert_eq!(classes("Baghdad"), 0);
        assert_ne!(classes("President") & TITLE, 0);
        assert_ne!(classes("JUNE") & NOT_A_PLACE, 0);
        assert_eq!(classes(""), 0);
        // The Kelvin sign lower-cases to an ASCII "k", as `str::to_lowercase` says.
        assert_ne!(classes("\u{212A}ing") & TITLE, 0);
        assert_eq!(classes(&"a".repeat(21)), 0);
        for w in [
            "Baghdad",
            "PRESIDENT",
            "in",
            "June",
            "don't",
            "a",
            "neighbourhoods",
            "x1",
        ] {
            assert_eq!(
                classes_of_ascii_word(w.as_bytes(), 0, w.len()),
                classes(w),
                "{w}"
            );
            let t = format!("{w} and a long tail of text");
            assert_eq!(
                classes_of_ascii_word(t.as_bytes(), 0, w.len()),
                classes(w),
                "{w}"
            );
        }
    }

    #[test]
    fn table_words_fit_a_key() {
        for (_, list) in tables() {
            for w in list {
                assert!(w.len() <= KEY_LEN && w.is_ascii() && !w.is_empty(), "{w}");
            }
        }
    }
}
