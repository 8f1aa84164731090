//! Adjectives of nationality (demonyms): product knowledge, kept as one table.
//!
//! GUIDELINES.md: adjectives ("Iraqi", "American") are not place names. They still say
//! something about places:
//!
//! | text (our own wording) | what the table makes of it |
//! |------------------------|----------------------------|
//! | "gunmen stormed a hotel in the Somali capital" | a mention of Mogadishu (not Ethiopia's Somali Region) |
//! | "officials in the Iraqi capital said" | a mention of Baghdad |
//! | "Somali troops", "Yemeni officials" | no place; a vote for Somalia, Yemen as the story's country |
//! | "a Saudi-led coalition" | a mention of Saudi Arabia (the form is also the country's short name, like "US-led") |
//! | counter-example: "Iranian-backed militias" | no place, only a vote for Iran |
//!
//! Each row: the forms (lower case; a plural in "-s" is matched too), the country's ISO code,
//! its capital as the gazetteer names it (empty where it is disputed or the capital is
//! rarely called so), and whether the form also names the country itself. A test checks
//! that "the {form} capital" resolves to that capital for every row.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// One row of [`DEMONYMS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Demonym {
    /// The forms, lower case ("somali"; two-word forms: "south sudanese").
    pub forms: &'static [&'static str],
    /// ISO 3166 alpha-2 code.
    pub country: &'static str,
    /// The capital as the gazetteer names it ("the Somali capital" -> "Mogadishu"), or "".
    pub capital: &'static str,
    /// The form also names the country ("Saudi-led" mentions Saudi Arabia).
    pub short_name: bool,
}

const fn row(
    forms: &'static [&'static str],
    country: &'static str,
    capital: &'static str,
) -> Demonym {
    Demonym {
        forms,
        country,
        capital,
        short_name: false,
    }
}

/// Demonym -> country and capital (see the module documentation for examples).
pub const DEMONYMS: &[Demonym] = &[
    row(&["afghan", "afghani"], "AF", "Kabul"),
    row(&["albanian"], "AL", "Tirana"),
    row(&["algerian"], "DZ", "Algiers"),
    row(&["american"], "US", "Washington"),
    row(&["angolan"], "AO", "Luanda"),
    row(
        &["argentine", "argentinian", "argentinean"],
        "AR",
        "Buenos Aires",
    ),
    row(&["armenian"], "AM", "Yerevan"),
    row(&["australian"], "AU", "Canberra"),
    row(&["austrian"], "AT", "Vienna"),
    row(&["azerbaijani", "azeri"], "AZ", "Baku"),
    row(&["bahraini"], "BH", "Manama"),
    row(&["bangladeshi"], "BD", "Dhaka"),
    row(&["belarusian"], "BY", "Minsk"),
    row(&["belgian"], "BE", "Brussels"),
    row(&["beninese"], "BJ", "Porto-Novo"),
    row(&["bolivian"], "BO", "Sucre"),
    row(&["bosnian"], "BA", "Sarajevo"),
    row(&["brazilian"], "BR", "Brasília"),
    row(&["british"], "GB", "London"),
    row(&["bulgarian"], "BG", "Sofia"),
    row(&["burkinabe"], "BF", "Ouagadougou"),
    row(&["burmese"], "MM", "Nay Pyi Taw"),
    row(&["burundian"], "BI", "Gitega"),
    row(&["cambodian"], "KH", "Phnom Penh"),
    row(&["cameroonian"], "CM", "Yaoundé"),
    row(&["canadian"], "CA", "Ottawa"),
    row(&["central african"], "CF", "Bangui"),
    row(&["chadian"], "TD", "N'Djamena"),
    row(&["chilean"], "CL", "Santiago"),
    row(&["chinese"], "CN", "Beijing"),
    row(&["colombian"], "CO", "Bogotá"),
    // (Both Congos share the adjective; news means the larger one far more often.)
    row(&["congolese"], "CD", ""),
    row(&["croatian", "croat"], "HR", "Zagreb"),
    row(&["cuban"], "CU", "Havana"),
    row(&["cypriot"], "CY", "Nicosia"),
    row(&["czech"], "CZ", "Prague"),
    row(&["danish"], "DK", "Copenhagen"),
    row(&["djiboutian"], "DJ", "Djibouti"),
    row(&["dominican"], "DO", "Santo Domingo"),
    row(&["dutch"], "NL", "Amsterdam"),
    row(&["ecuadorian", "ecuadorean"], "EC", "Quito"),
    row(&["egyptian"], "EG", "Cairo"),
    row(&["salvadoran", "salvadorean"], "SV", "San Salvador"),
    row(&["eritrean"], "ER", "Asmara"),
    row(&["estonian"], "EE", "Tallinn"),
    row(&["ethiopian"], "ET", "Addis Ababa"),
    row(&["filipino", "philippine"], "PH", "Manila"),
    row(&["finnish"], "FI", "Helsinki"),
    row(&["french"], "FR", "Paris"),
    row(&["gabonese"], "GA", "Libreville"),
    row(&["gambian"], "GM", "Banjul"),
    row(&["georgian"], "GE", "Tbilisi"),
    row(&["german"], "DE", "Berlin"),
    row(&["ghanaian"], "GH", "Accra"),
    row(&["greek"], "GR", "Athens"),
    row(&["guatemalan"], "GT", "Guatemala City"),
    row(&["guinean"], "GN", "Conakry"),
    row(&["haitian"], "HT", "Port-au-Prince"),
    row(&["honduran"], "HN", "Tegucigalpa"),
    row(&["hungarian"], "HU", "Budapest"),
    row(&["indian"], "IN", "New Delhi"),
    row(&["indonesian"], "ID", "Jakarta"),
    row(&["iranian"], "IR", "Tehran"),
    row(&["iraqi"], "IQ", "Baghdad"),
    row(&["irish"], "IE", "Dublin"),
    // (The capital is disputed: no capital row.)
    row(&["israeli"], "IL", ""),
    row(&["italian"], "IT", "Rome"),
    row(&["ivorian"], "CI", "Yamoussoukro"),
    row(&["jamaican"], "JM", "Kingston"),
    row(&["japanese"], "JP", "Tokyo"),
    row(&["jordanian"], "JO", "Amman"),
    row(&["kazakh", "kazakhstani"], "KZ", "Astana"),
    row(&["kenyan"], "KE", "Nairobi"),
    row(&["kosovar", "kosovan"], "XK", "Pristina"),
    row(&["kuwaiti"], "KW", "Kuwait City"),
    row(&["kyrgyz"], "KG", "Bishkek"),
    row(&["lao", "laotian"], "LA", "Vientiane"),
    row(&["latvian"], "LV", "Riga"),
    row(&["lebanese"], "LB", "Beirut"),
    row(&["liberian"], "LR", "Monrovia"),
    row(&["libyan"], "LY", "Tripoli"),
    row(&["lithuanian"], "LT", "Vilnius"),
    row(&["macedonian"], "MK", "Skopje"),
    row(&["malagasy"], "MG", "Antananarivo"),
    row(&["malawian"], "MW", "Lilongwe"),
    row(&["malaysian"], "MY", "Kuala Lumpur"),
    row(&["malian"], "ML", "Bamako"),
    row(&["mauritanian"], "MR", "Nouakchott"),
    row(&["mexican"], "MX", "Mexico City"),
    row(&["moldovan"], "MD", "Chisinau"),
    row(&["mongolian"], "MN", "Ulan Bator"),
    row(&["montenegrin"], "ME", "Podgorica"),
    row(&["moroccan"], "MA", "Rabat"),
    row(&["mozambican"], "MZ", "Maputo"),
    row(&["namibian"], "NA", "Windhoek"),
    row(&["nepalese", "nepali"], "NP", "Kathmandu"),
    row(&["nicaraguan"], "NI", "Managua"),
    row(&["nigerian"], "NG", "Abuja"),
    row(&["nigerien"], "NE", "Niamey"),
    row(&["north korean"], "KP", "Pyongyang"),
    row(&["norwegian"], "NO", "Oslo"),
    row(&["omani"], "OM", "Muscat"),
    row(&["pakistani"], "PK", "Islamabad"),
    // (No capital row: the gazetteer gives the territories none.)
    row(&["palestinian"], "PS", ""),
    row(&["panamanian"], "PA", "Panama City"),
    row(&["paraguayan"], "PY", "Asunción"),
    row(&["peruvian"], "PE", "Lima"),
    row(&["polish"], "PL", "Warsaw"),
    row(&["portuguese"], "PT", "Lisbon"),
    row(&["qatari"], "QA", "Doha"),
    row(&["romanian"], "RO", "Bucharest"),
    row(&["russian"], "RU", "Moscow"),
    row(&["rwandan"], "RW", "Kigali"),
    Demonym {
        forms: &["saudi"],
        country: "SA",
        capital: "Riyadh",
        short_name: true,
    },
    row(&["senegalese"], "SN", "Dakar"),
    row(&["serbian", "serb"], "RS", "Belgrade"),
    row(&["sierra leonean"], "SL", "Freetown"),
    row(&["slovak"], "SK", "Bratislava"),
    row(&["slovenian", "slovene"], "SI", "Ljubljana"),
    row(&["somali"], "SO", "Mogadishu"),
    row(&["south african"], "ZA", "Pretoria"),
    row(&["south korean"], "KR", "Seoul"),
    row(&["south sudanese"], "SS", "Juba"),
    row(&["spanish"], "ES", "Madrid"),
    row(&["sri lankan"], "LK", "Colombo"),
    row(&["sudanese"], "SD", "Khartoum"),
    row(&["swedish"], "SE", "Stockholm"),
    row(&["swiss"], "CH", "Bern"),
    row(&["syrian"], "SY", "Damascus"),
    row(&["taiwanese"], "TW", "Taipei"),
    row(&["tajik"], "TJ", "Dushanbe"),
    row(&["tanzanian"], "TZ", "Dodoma"),
    row(&["thai"], "TH", "Bangkok"),
    row(&["togolese"], "TG", "Lomé"),
    row(&["tunisian"], "TN", "Tunis"),
    row(&["turkish"], "TR", "Ankara"),
    row(&["turkmen"], "TM", "Ashgabat"),
    row(&["ugandan"], "UG", "Kampala"),
    row(&["ukrainian"], "UA", "Kyiv"),
    row(&["emirati"], "AE", "Abu Dhabi"),
    row(&["uruguayan"], "UY", "Montevideo"),
    row(&["uzbek"], "UZ", "Tashkent"),
    row(&["venezuelan"], "VE", "Caracas"),
    row(&["vietnamese"], "VN", "Hanoi"),
    row(&["yemeni"], "YE", "Sanaa"),
    row(&["zambian"], "ZM", "Lusaka"),
    row(&["zimbabwean"], "ZW", "Harare"),
];

/// Words that look like a demonym's plural but name a place: "Philippines" is the country,
/// not many "Philippine"s.
pub const NOT_PLURALS: &[&str] = &["philippines"];

/// The one-word forms and the last words of two-word forms ("sudanese" of "south
/// sudanese"), with their plurals: the word table the tokenizer marks
/// ([`super::words::DEMONYM`]).
pub fn last_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut v: Vec<&'static str> = Vec::new();
        for r in DEMONYMS {
            for f in r.forms {
                let last = f.rsplit(' ').next().unwrap_or(f);
                if !v.contains(&last) {
                    v.push(last);
                }
                let plural = format!("{last}s");
                if !last.ends_with('s')
                    && !last.ends_with("sh")
                    && !v.contains(&plural.as_str())
                    && !NOT_PLURALS.contains(&plural.as_str())
                {
                    // Leaked once, kept for the program's life by the table (only the
                    // plurals kept are leaked, so nothing becomes unreachable).
                    v.push(Box::leak(plural.into_boxed_str()));
                }
            }
        }
        v
    })
}

fn by_form() -> &'static FxHashMap<&'static str, usize> {
    static MAP: OnceLock<FxHashMap<&'static str, usize>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = FxHashMap::default();
        for (i, r) in DEMONYMS.iter().enumerate() {
            for f in r.forms {
                m.entry(*f).or_insert(i);
            }
        }
        m
    })
}

/// The row of a demonym as written, any case, singular or plural; `prev` is the word before
/// it, for two-word forms ("South Sudanese"). Returns the row and whether `prev` is part of
/// the form.
pub fn lookup(prev: Option<&str>, word: &str) -> Option<(&'static Demonym, bool)> {
    if word.len() > 24 || prev.is_some_and(|p| p.len() > 24) {
        return None;
    }
    let mut buf = String::with_capacity(40);
    let mut find = |two: bool| -> Option<&'static Demonym> {
        for strip in [false, true] {
            buf.clear();
            if two {
                buf.push_str(&prev?.to_lowercase());
                buf.push(' ');
            }
            buf.push_str(&word.to_lowercase());
            if strip {
                if !buf.ends_with('s') || NOT_PLURALS.contains(&buf.as_str()) {
                    return None;
                }
                buf.pop();
            }
            if let Some(&i) = by_form().get(buf.as_str()) {
                return DEMONYMS.get(i);
            }
        }
        None
    };
    if prev.is_some() {
        if let Some(r) = find(true) {
            return Some((r, true));
        }
    }
    find(false).map(|r| (r, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_lower_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for r in DEMONYMS {
            assert_eq!(r.country.len(), 2);
            for f in r.forms {
                assert_eq!(*f, f.to_lowercase());
                assert!(seen.insert(*f), "{f} twice");
            }
        }
        for w in last_words() {
            assert!(w.len() <= 16, "{w}");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup(None, "Somali").map(|r| r.0.country), Some("SO"));
        assert_eq!(lookup(None, "Somalis").map(|r| r.0.country), Some("SO"));
        assert_eq!(lookup(None, "IRAQI").map(|r| r.0.capital), Some("Baghdad"));
        assert_eq!(
            lookup(Some("South"), "Sudanese").map(|r| (r.0.country, r.1)),
            Some(("SS", true))
        );
        assert_eq!(
            lookup(Some("the"), "Sudanese").map(|r| (r.0.country, r.1)),
            Some(("SD", false))
        );
        // Counter-examples: place names and other words are no demonyms.
        assert!(lookup(None, "Somalia").is_none());
        assert!(lookup(None, "Philippines").is_none());
        assert_eq!(lookup(None, "Philippine").map(|r| r.0.country), Some("PH"));
        assert!(lookup(None, "Baghdad").is_none());
        assert!(lookup(None, "s").is_none());
    }
}
