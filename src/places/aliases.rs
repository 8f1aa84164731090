//! Word tables for place detection. The gazetteer's own alias table (names GeoNames lacks)
//! is `data/aliases.tsv`, compiled into the index by `build.rs`; these are the case-sensitive
//! abbreviations and the small word lists the rules read.

use super::fold;

/// Abbreviations that name a country, matched with case and dots exactly as written:
/// "US-led forces" and "U.S. troops" mention the United States; "UN" is an organisation,
/// not a place, and is deliberately absent. Value: ISO alpha-2 code.
pub const COUNTRY_ABBREVIATIONS: &[(&str, &str)] = &[
    ("U.S.A.", "US"),
    ("U.S.", "US"),
    ("USA", "US"),
    ("US", "US"),
    ("U.K.", "GB"),
    ("UK", "GB"),
    ("UAE", "AE"),
    ("U.A.E.", "AE"),
    ("DRC", "CD"),
    ("DR Congo", "CD"),
];

/// Words after a title that start a person's name: "President Obama" is a person, not
/// Obama in Japan.
pub const TITLES: &[&str] = &[
    "president",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "gen",
    "general",
    "senator",
    "sen",
    "rep",
    "representative",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "sheik",
    "imam",
    "pope",
    "minister",
    "secretary",
    "governor",
    "gov",
    "mayor",
    "colonel",
    "col",
    "captain",
    "capt",
    "lt",
    "lieutenant",
    "sgt",
    "sergeant",
    "judge",
    "justice",
    "ayatollah",
    "cardinal",
    "bishop",
    "father",
    "brother",
    "sister",
    "chancellor",
    "premier",
    "commander",
    "major",
    "maj",
    "admiral",
    "adm",
    "professor",
    "prof",
    "sir",
    "lord",
    "lady",
    "emir",
    "sultan",
    "mullah",
    "cleric",
    "spokesman",
    "spokeswoman",
    "officer",
    "private",
    "pvt",
    "corporal",
    "cpl",
    "ambassador",
    "envoy",
    "deputy",
    "chief",
    "director",
    "coach",
    "saint",
];

/// Capitalised words that may stand before a place without making it part of a longer
/// name: "In Baghdad", "Northern Iraq", "Wednesday Kabul" is not a person.
pub const FREE_BEFORE: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "at",
    "on",
    "from",
    "to",
    "for",
    "of",
    "and",
    "but",
    "or",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "since",
    "after",
    "before",
    "during",
    "while",
    "when",
    "as",
    "by",
    "with",
    "into",
    "over",
    "under",
    "between",
    "around",
    "both",
    "also",
    "then",
    "meanwhile",
    "elsewhere",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "this",
    "that",
    "these",
    "those",
    "last",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "via",
    "where",
    "if",
    "although",
    "though",
    "like",
    "unlike",
    "all",
    "rural",
    "urban",
    "greater",
    "upper",
    "lower",
    "downtown",
    "neighbouring",
    "neighboring",
    "nearby",
    "war-torn",
    "about",
    "against",
    "toward",
    "towards",
    "beyond",
    "within",
    "through",
    "along",
    "among",
    "amid",
    "despite",
    "i",
    "we",
    "they",
    "he",
    "she",
    "it",
    "its",
    "their",
    "our",
    "his",
    "her",
    "both",
    "whole",
    "entire",
    "said",
    "says",
    "told",
    "reported",
    "where",
    "here",
    "there",
    "not",
    "only",
    "just",
    "mainly",
    "mostly",
    "including",
    "especially",
    "even",
    "than",
    "because",
    "so",
    "yet",
    "once",
    "later",
    "earlier",
    "however",
    "instead",
    "separately",
    "overall",
    "further",
    "furthermore",
    "moreover",
    "again",
    "finally",
    "already",
    "recently",
    "previously",
    "initially",
    "subsequently",
    "eventually",
    "currently",
    "overnight",
    "tomorrow",
    "soon",
    "many",
    "some",
    "most",
    "several",
    "few",
    "other",
    "others",
    "every",
    "each",
    "no",
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
    "troops",
    "police",
    "residents",
    "officials",
    "witnesses",
    "attacks",
    "fighting",
    "clashes",
    "violence",
    "bombings",
    "post",
    "pre",
    "anti",
    "pro",
    "ex",
    "non",
];

/// Words that may join the words of one place name: "Bosnia and Herzegovina",
/// "Sierra Nevada de Santa Marta", "Ras al-Ain".
pub const CONNECTORS: &[&str] = &[
    "and", "of", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "des", "la", "le",
    "les", "el", "al", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "es", "y", "e",
    "upon", "on", "am", "im", "sur", "sous", "bin", "ibn", "bint", "bani", "beni", "abu", "the",
    "van", "von", "der", "den", "ul", "ol",
];

/// Lower-case words after "the" and a name that make the name a family's, not a place's:
/// "the Haddad family home was hit", "elders of the Barakzai clan". Counter-example: "a
/// Gaza family" (no "the": the family of a place) keeps Gaza.
pub const KIN_WORDS: &[&str] = &["family", "families", "clan", "clans", "tribe", "household"];

/// Lower-case words after a name that make it a criminal group's name: "the Sinaloa cartel",
/// "Gulf and Juarez cartels", "a Tijuana gang". Counter-example: "cartel violence in
/// Sinaloa" (the word before the name) keeps Sinaloa.
pub const GROUP_WORDS: &[&str] = &["cartel", "cartels", "gang", "gangs"];

/// Words before "in"/"of" that make the phrase an organisation's or armed group's name:
/// "Al Qaeda in Iraq", "Islamic State of Iraq", "Bank of Jordan" hold no place mention.
pub const ORG_HEADS: &[&str] = &[
    "qaeda",
    "qaida",
    "state",
    "party",
    "front",
    "movement",
    "army",
    "council",
    "bank",
    "organization",
    "organisation",
    "union",
    "church",
    "brigade",
    "brigades",
    "forces",
    "committee",
    "times",
    "news",
    "post",
    "telegraph",
    "herald",
    "journal",
    "radio",
    "television",
    "tv",
    "agency",
    "company",
    "corporation",
    "association",
    "league",
    "federation",
    "authority",
    "commission",
    "institute",
    "mission",
    "fund",
    "society",
    "group",
    "network",
    "alliance",
    "coalition",
    "club",
    "team",
    "university",
    "college",
    "academy",
    "foundation",
    "centre",
    "center",
    "office",
    "bureau",
    "service",
    "services",
    "corps",
    "command",
    "battalion",
    "regiment",
    "division",
    "police",
    "guard",
];

/// Generic words after a region's name that belong to the mention: "Anbar province",
/// "Mon district", "Kabul city". They favour an area of the name over a town of it
/// ([`crate::places::resolve::Weights::region_word_area`]).
pub const REGION_WORDS: &[&str] = &[
    "province",
    "governorate",
    "state",
    "region",
    "department",
    "district",
    "county",
    "oblast",
    "prefecture",
    "municipality",
    "city",
    "provinces",
    "governorates",
    "states",
    "departments",
    "districts",
    "regions",
];

/// The region words that name a first-level division, and so the gazetteer's first-level
/// region of the name, over a town of it that other places of the story lie near:
/// "the Kyiv region" is Kyiv Oblast, "Konya province" the province, "Aden governorate" the
/// governorate. Not "district", "county", "municipality" or "city": "Nagaland's Mon
/// district" is the district around the town of Mon (India), not Mon State of Myanmar, and
/// "Kabul city" is the city ([`crate::places::resolve::Weights::province_word_area`]).
pub const PROVINCE_WORDS: &[&str] = &[
    "province",
    "governorate",
    "state",
    "region",
    "department",
    "oblast",
    "prefecture",
    "provinces",
    "governorates",
    "states",
    "departments",
    "regions",
];

/// What each country calls its first-level divisions, as news writes them after a name:
/// "Plateau state" is Nigeria's (Benin has a Plateau department), "Bolívar state"
/// Venezuela's (Colombia's Bolívar is a department), "Anbar governorate" Iraq's. A
/// first-level region of the name in a listed country gains
/// [`crate::places::resolve::Weights::division_word`]. (Singular words; plurals are read
/// as their singular.)
pub const DIVISION_WORDS: &[(&str, &[&str])] = &[
    // Nigeria, India, the US, Mexico, Brazil, Venezuela, Sudan, South Sudan, Malaysia,
    // Australia, Myanmar (states and regions), Somalia (federal member states).
    (
        "state",
        &[
            "NG", "IN", "US", "MX", "BR", "VE", "SD", "SS", "MY", "AU", "MM", "SO",
        ],
    ),
    // Colombia, Bolivia, Paraguay, Uruguay, Honduras, Guatemala, El Salvador, Nicaragua,
    // Peru (until 2002), Benin, Cameroon (second level there, but named so in news of the
    // regions), Niger, Senegal, France, Haiti.
    (
        "department",
        &[
            "CO", "BO", "PY", "UY", "HN", "GT", "SV", "NI", "PE", "BJ", "CM", "NE", "SN", "FR",
            "HT",
        ],
    ),
    // The Arab states with governorates.
    (
        "governorate",
        &[
            "IQ", "SY", "EG", "YE", "JO", "LB", "TN", "KW", "BH", "OM", "PS",
        ],
    ),
    // Afghanistan, Iran, Iraq (also "province"), Pakistan, Turkey, the Philippines, China,
    // Indonesia, Thailand, South Korea, Canada, South Africa, Argentina, DR Congo,
    // Mozambique, Zambia, Cuba, Ecuador, Panama, the Dominican Republic, Rwanda, Burundi,
    // Burkina Faso (provinces below its regions), Saudi Arabia.
    (
        "province",
        &[
            "AF", "IR", "IQ", "PK", "TR", "PH", "CN", "ID", "TH", "KR", "CA", "ZA", "AR", "CD",
            "MZ", "ZM", "CU", "EC", "PA", "DO", "RW", "BI", "BF", "SA",
        ],
    ),
    ("oblast", &["UA", "RU", "KZ", "KG", "BG", "BY"]),
    ("prefecture", &["JP", "GR", "CF", "TG", "GN"]),
];

/// Capitalised words that are never a place on their own, though some town bears the name:
/// months and days ("June" is not Junee), faiths and peoples ("Sunni", "Shi'a"), armed
/// groups ("al-Shabab", "Hamas").
/// Month names come from the numbers stage's table ([`crate::numbers::kind::MONTHS`]).
pub const NOT_PLACES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "sunni",
    "sunnis",
    "shia",
    "shi'a",
    "shiite",
    "shiites",
    "shi'ite",
    "christian",
    "christians",
    "muslim",
    "muslims",
    "kurd",
    "kurds",
    "arab",
    "arabs",
    "jew",
    "jews",
    "druze",
    "alawite",
    "yazidi",
    "islam",
    "allah",
    "god",
    "christ",
    "jesus",
    "shabab",
    "shabaab",
    "qaeda",
    "qaida",
    "nusra",
    "taliban",
    "hezbollah",
    "hizbollah",
    "hamas",
    "fatah",
    "houthi",
    "houthis",
    "isis",
    "isil",
    "daesh",
    // "Islamic State of Iraq and the Levant": the group's name, not a town in Maine.
    "levant",
    "farc",
    "eln",
    "fmln",
    "reuters",
    "xinhua",
    "efe",
    "acan",
    "afp",
    "ap",
    "bbc",
    "cnn",
    "internet",
    "twitter",
    "facebook",
    "english",
    "spanish",
    "french",
    "arabic",
    "easter",
    "christmas",
    "ramadan",
    "eid",
];

/// Whether `word` (any case) is in `list` (lower case).
pub fn contains(list: &[&str], word: &str) -> bool {
    word.len() <= 20
        && if word.is_ascii() {
            list.iter().any(|l| fold::ascii_lower_eq(word, l))
        } else {
            let lower = word.to_lowercase();
            list.contains(&lower.as_str())
        }
}

/// Whether a word is never a place on its own: a month, a faith or people, an armed group.
pub fn not_a_place(w: &str) -> bool {
    contains(NOT_PLACES, w) || contains(crate::numbers::kind::MONTHS, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_words_are_province_words_with_country_codes() {
        for (word, countries) in DIVISION_WORDS {
            assert!(PROVINCE_WORDS.contains(word), "{word}");
            for c in *countries {
                assert!(
                    c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()),
                    "{c}"
                );
            }
        }
    }

    #[test]
    fn tables_are_lower_case_and_un_is_absent() {
        for list in [
            TITLES,
            FREE_BEFORE,
            CONNECTORS,
            ORG_HEADS,
            REGION_WORDS,
            PROVINCE_WORDS,
            NOT_PLACES,
        ] {
            for w in list {
                assert_eq!(*w, w.to_lowercase());
            }
        }
        assert!(!COUNTRY_ABBREVIATIONS.iter().any(|(a, _)| *a == "UN"));
        assert!(contains(TITLES, "President"));
    }
}
