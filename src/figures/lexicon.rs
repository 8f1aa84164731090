//! Word classes the figure rules look at: auxiliaries, prepositions, negation, things that are
//! not people... Each list says in its comment what the rules do with it. Also the word-keyed
//! maps ([`WordMap`], [`ByteMap`]) and the ASCII lower-casing ([`lower`]) the figure tables
//! are looked up with: the ground floor of the tokens ([`super::tokens`]) and the trigger
//! table ([`super::triggers`]), importing neither.

use std::sync::OnceLock;

/// A bit set of word classes.
pub type Class = u32;

/// Auxiliaries and adverbs that may stand between a count and a passive or adjectival
/// trigger: "13 [were] killed", "13 [have reportedly been] killed", "13 [remain] missing".
pub const AUX: Class = 1;
/// Prepositions: they end a victim noun phrase ("13 people [in] Basra").
pub const PREP: Class = 1 << 1;
/// Determiners and possessives ("the", "their").
pub const DET: Class = 1 << 2;
/// Negation: "[no] one was hurt", "did [not] kill".
pub const NEG: Class = 1 << 3;
/// Modals and intentions that make harm hypothetical: "[could] kill thousands",
/// "[threatened] to kill 20".
pub const MODAL: Class = 1 << 4;
/// Things counted that are not people: "13 [bombs]", "3 [days]", "18 [provinces]".
pub const THING: Class = 1 << 5;
/// Nouns for people ("civilians", "soldiers"): raise confidence in a victim phrase.
pub const PERSON: Class = 1 << 6;
/// Attackers: "about 40 [gunmen]" is not a figure unless they are harmed.
pub const ATTACKER: Class = 1 << 7;
/// Conjunctions that join the items of a list ("and", "or", "plus").
pub const CONJ: Class = 1 << 8;
/// Words that introduce a part of a count: "[including] two MPs", "[among] them".
pub const PART: Class = 1 << 9;
/// Verbs and other words that end a noun phrase ("said", "who", "that").
pub const STOP: Class = 1 << 10;
/// Words that may stand between an active trigger and its count:
/// "killed [another] 25", "wounding [a further] 8".
pub const GAP: Class = 1 << 11;
/// Agents whose captives are hostages: "held by [rebels]" is kidnapped, not detained.
pub const CAPTOR: Class = 1 << 12;
/// Month names: "[May] 22" is a date.
pub const MONTH: Class = 1 << 13;
/// Words after a count that make it a rate: "21 people [per] day".
pub const RATE: Class = 1 << 14;
/// Words that report what others say, ending a phrase ("said", "reported").
pub const SAY: Class = 1 << 15;
/// Verbs of what victims went through, before the harm they name: "21 civilians
/// [described] unlawful confinement", "40 detainees [endured] arbitrary detention".
pub const EXPERIENCE: Class = 1 << 16;
/// Verbs by which a shelter holds the displaced: "the relief camps are [serving] 11,600
/// people", "schools [hosting] 2,000 families".
pub const HOSTING: Class = 1 << 17;
/// Words that put a count beside an earlier one of the same kind, as its earlier value or
/// its change: "rose to 45 [from] 18", "[up] from 12", "an [increase] of 5,400".
pub const COMPARE: Class = 1 << 18;
/// Groups a count of them stands for, not people: "members of one [family]".
pub const GROUP: Class = 1 << 19;
/// One person named without a number, who can be a singular victim ([`super::implicit`]):
/// "a [civilian] was killed", "killing a [policeman]". Attackers are left out.
pub const ONE_PERSON: Class = 1 << 20;
/// Titles written before a person's name: "Colonel Yuri Budanov", "Mayor Ruiz", "Dr. Haddad"
/// (a named singular victim, `implicit.rs`).
pub const TITLE: Class = 1 << 21;
/// Adverbs of the degree of a harm: "40 were injured, [four] seriously", "a guard was
/// [critically] hurt". After a count and a comma they make it a part, not a list item.
pub const DEGREE: Class = 1 << 22;
/// Reflexive pronouns: "killing [himself] and two guards" (the victims after "and" share
/// the harm word).
pub const REFLEXIVE: Class = 1 << 23;

/// (class, words). Inflections are listed in full so the table reads as it matches.
#[rustfmt::skip]
const TABLE: &[(Class, &[&str])] = &[
    (AUX, &[
        "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "'s", "get", "got",
        "gets", "become", "became", "remain", "remained", "remains", "reportedly", "also",
        "allegedly", "later", "all", "both", "still", "then", "subsequently", "initially",
        "officially", "confirmed", "reported", "believed", "feared", "thought", "said", "known",
        "presumed", "now", "apparently", "left", "lay", "lie", "lying", "found", "either", "each",
        "seriously", "critically", "slightly", "badly", "severely", "gravely", "mortally",
        "fatally", "lightly", "fatally", "listed", "as", "to", "already", "since", "so", "far", "estimated",
        "among", "likely", "probably", "possibly", "too", "again", "just", "ultimately",
        "eventually", "themselves", "who", "which", "that",
    ]),
    (PREP, &[
        "in", "on", "at", "by", "from", "to", "for", "with", "near", "after", "during", "since",
        "when", "while", "as", "into", "across", "outside", "inside", "within", "throughout",
        "between", "against", "than", "along", "amid", "before", "behind", "beyond", "following",
        "like", "onto", "toward", "towards", "upon", "via", "without", "where", "because",
        "despite", "under", "through", "off", "aboard", "if", "per",
    ]),
    (DET, &[
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
        "your", "my", "whose",
    ]),
    (NEG, &[
        "no", "not", "never", "none", "nor", "neither", "nobody", "without", "n't", "didn't",
        "wasn't", "weren't", "hasn't", "haven't", "hadn't", "isn't", "aren't", "denied", "deny",
        "denies", "false", "rumours", "rumors", "unconfirmed",
    ]),
    (MODAL, &[
        "could", "would", "might", "may", "can", "should", "must", "shall", "threatened",
        "threatening", "threaten", "threatens", "threat", "plan", "planned", "planning", "plans",
        "plot", "plotted", "plotting", "aim", "aimed", "aiming", "aims", "tried", "trying", "try",
        "attempt", "attempted", "attempting", "intended", "intend", "intends", "potentially",
        "risk", "risked", "risking", "vowed", "vow", "warned", "warns", "warning", "enough",
        "capable", "able", "designed", "want", "wanted", "wants", "prepared", "ready", "expected",
        "if", "unless", "cannot", "avoid", "avoided", "prevent", "prevented", "ordered", "urged",
        "advised",
    ]),
    (THING, &[
        // Weapons and attacks.
        "bomb", "bombs", "bombing", "bombings", "attack", "attacks", "blast", "blasts", "explosion",
        "explosions", "explosive", "explosives", "device", "devices", "grenade", "grenades",
        "rocket", "rockets", "missile", "missiles", "mortar", "mortars", "shell", "shells", "mine",
        "mines", "landmine", "landmines", "rifle", "rifles", "gun", "guns", "weapon", "weapons",
        "round", "rounds", "shot", "shots", "bullet", "bullets", "raid", "raids", "strike",
        "strikes", "airstrike", "airstrikes", "incident", "incidents", "clash", "clashes", "ambush",
        "ambushes", "operation", "operations", "suicide", "car", "cars", "truck", "trucks", "bus",
        "buses", "vehicle", "vehicles", "tank", "tanks", "aircraft", "plane", "planes",
        "helicopter", "helicopters", "ship", "ships", "boat", "boats", "train", "trains", "jet",
        "jets", "drone", "drones",
        // Places and buildings.
        "building", "buildings", "house", "houses", "home", "homes", "village", "villages", "town",
        "towns", "city", "cities", "province", "provinces", "district", "districts", "state",
        "states", "country", "countries", "region", "regions", "mosque", "mosques", "church",
        "churches", "school", "schools", "hospital", "hospitals", "shop", "shops", "store",
        "stores", "office", "offices", "post", "posts", "base", "bases", "checkpoint",
        "checkpoints", "camp", "camps", "station", "stations", "market", "markets", "bridge",
        "bridges", "road", "roads", "floor", "floors", "tower", "towers", "hotel", "hotels", "inn",
        "inns", "embassy", "embassies", "prison", "prisons", "km", "kilometres", "kilometers",
        "kilometre", "kilometer", "mile", "miles", "metre", "metres", "meter", "meters", "m", "ft",
        "feet", "foot", "yards", "kg", "kilograms", "kilos", "pounds", "lb", "lbs", "tonnes",
        "tons", "ton", "tonne", "litres", "liters", "acres", "hectares",
        // Time.
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
        "month", "months", "year", "years", "decade", "decades", "century", "centuries", "am", "pm",
        "a.m", "p.m", "o'clock", "times", "time", "nights", "night", "morning", "mornings", "years-
        old", "year-old", "years-long", "year-long",
        // Money and measures.
        "dollars", "dollar", "euros", "euro", "pounds", "rupees", "yuan", "pesos", "percent", "per",
        "cent", "%", "million-dollar", "points", "votes", "seats", "billion", "budget",
        // Documents and organisations.
        "cases", "case", "infections", "infected", "tests", "doses", "laws", "articles", "pages",
        "letters", "reports", "units", "battalions", "brigades", "divisions", "companies", "groups",
        "organisations", "organizations", "parties", "factions", "teams", "squads", "cells",
        "fronts", "hectare", "head", "cattle", "animals", "cows", "sheep", "goats", "dogs",
        "horses", "camels", "donkeys", "mules", "pigs", "chickens", "birds", "livestock", "oxen",
        "buffaloes", "elephants", "rhinos",
        "square", "degrees", "storeys", "stories", "rooms", "flights", "lanes", "shacks", "huts",
        "tents",
        // Political events: "the toll sparked two coups".
        "coup", "coups", "elections", "election", "protests", "rallies", "uprisings", "revolts",
        "wars", "battles", "offensives", "sessions", "rounds", "goals", "matches", "games",
    ]),
    (PERSON, &[
        "people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "troops",
        "policemen", "policeman", "police", "officers", "officer", "guards", "guard", "children",
        "child", "women", "woman", "men", "man", "girls", "girl", "boys", "boy", "students",
        "student", "workers", "worker", "residents", "resident", "villagers", "villager",
        "peasants", "peasant", "farmers", "farmer", "pilgrims", "worshippers", "passengers",
        "tourists", "members", "member", "employees", "staff", "others", "other", "militants",
        "militant", "rebels", "rebel", "guerrillas", "guerrilla", "insurgents", "insurgent",
        "fighters", "fighter", "terrorists", "terrorist", "gunmen", "gunman", "attackers",
        "attacker", "suspects", "suspect", "journalists", "journalist", "reporters", "doctors",
        "nurses", "teachers", "protesters", "protestors", "demonstrators", "marines", "sailors",
        "servicemen", "personnel", "agents", "inmates", "prisoners", "detainees", "hostages",
        "victims", "bystanders", "shoppers", "miners", "crew", "diplomats", "engineers",
        "relatives", "family", "babies", "infants", "toddlers", "teenagers", "youths", "adults",
        "elderly", "individuals", "citizens", "nationals", "foreigners", "migrants", "refugees",
        "worshipers", "mourners", "guests", "customers", "commuters", "pedestrians", "officials",
        "official", "leaders", "commanders", "militiamen", "gendarmes", "recruits", "cadets",
        "volunteers", "contractors", "aid", "traffickers", "peacekeepers", "monks", "nuns",
        "priests", "clerics", "lawmakers", "MPs", "mps", "ministers", "judges", "lawyers",
        "patients", "caretakers", "carers", "caregivers", "pupils", "schoolchildren",
        "schoolgirls", "schoolboys", "parishioners", "fishermen", "herders", "labourers",
        "laborers", "drivers", "vendors", "traders", "medics", "paramedics", "firefighters",
        "rescuers", "survivors", "kids", "sons", "daughters", "brothers", "sisters", "wives",
        "husbands", "mothers", "fathers", "parents", "siblings", "cousins", "relatives",
        "neighbours", "neighbors", "friends", "colleagues",
        // South Asian English: "two jawans were killed" (soldiers, paramilitary police).
        "jawans", "jawan",
    ]),
    (ATTACKER, &[
        "gunmen", "gunman", "attackers", "attacker", "militants", "assailants", "assailant",
        "raiders", "hijackers", "kidnappers", "bombers", "bomber", "terrorists", "insurgents",
        "rebels", "guerrillas", "fighters", "troops", "soldiers", "police", "policemen", "officers",
        "agents", "forces", "men", "protesters", "protestors", "demonstrators", "marchers",
        "rioters", "mob", "crowd", "crowds",
    ]),
    (CONJ, &[
        "and", "or", "plus", "&",
    ]),
    (PART, &[
        "including", "include", "includes", "included", "among", "amongst", "whom", "them",
        "mostly", "mainly", "most",
    ]),
    (STOP, &[
        "said", "says", "say", "told", "according", "who", "whom", "which", "that", "what", "whose",
        "it", "they", "he", "she", "we", "i", "you", "there", "here", "was", "were", "is", "are",
        "be", "been", "being", "has", "have", "had", "will", "would", "could", "can", "may",
        "might", "should", "must", "did", "do", "does", "not", "no", "and", "or", "but", "if", "so",
        "yet", "also", "then", "than", "reportedly", "allegedly", "apparently", "including",
        "among", "while", "whereas", "today", "yesterday", "tonight", "last", "ago", "since",
        "each", "both", "all", "per", "every", "more", "alone", "aged", "too", "later", "earlier", "before",
        "after", "when", "where", "as", "because", "although", "though",
    ]),
    (GAP, &[
        "another", "a", "further", "an", "additional", "total", "of", "the", "some", "estimated",
        "at", "least", "reportedly", "also", "up", "to", "nearly", "almost", "about", "around",
        "roughly", "approximately", "more", "than", "over", "as", "many", "least", "all", "only",
        "just", "over", "off", "dead", "down", "outright", "instantly", "initially", "apparently",
        "allegedly", "still", "then", "now", "officially",
        // "killed his two sons", "injured other 5 girls".
        "his", "her", "their", "other",
    ]),
    (CAPTOR, &[
        "rebels", "rebel", "guerrillas", "guerrilla", "terrorists", "terrorist", "kidnappers",
        "kidnapper", "militants", "militant", "gunmen", "gunman", "hijackers", "hijacker",
        "insurgents", "pirates", "abductors", "captors", "militia", "militias", "jihadists",
        "extremists", "bandits", "separatists", "hostage", "hostages", "captive", "captives",
        "captivity", "ransom",
    ]),
    (MONTH, &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ]),
    (RATE, &[
        "per", "a", "each", "every", "daily", "weekly", "monthly", "annually", "yearly", "an",
    ]),
    (EXPERIENCE, &[
        "described", "recounted", "reported", "suffered", "endured", "experienced", "survived",
        "underwent", "faced", "face", "faces", "describe", "describes",
    ]),
    (HOSTING, &[
        "serving", "serve", "serves", "hosting", "host", "hosts", "housing", "house", "houses",
        "sheltering", "shelter", "shelters", "accommodating", "accommodate", "accommodates",
        "assisting", "supporting",
    ]),
    (COMPARE, &[
        "from", "up", "down", "increase", "rise", "decrease", "drop", "decline", "jump", "fall",
        "compared", "against", "versus", "initially", "originally", "previously", "earlier",
        "first", "initial", "original", "previous",
    ]),
    (ONE_PERSON, &[
        "civilian", "soldier", "policeman", "policewoman", "officer", "man", "woman", "boy",
        "girl", "child", "baby", "infant", "toddler", "teenager", "youth", "driver",
        "journalist", "reporter", "photographer", "cameraman", "teacher", "student", "pupil",
        "worker", "farmer", "guard", "pilot", "passenger", "resident", "villager", "priest",
        "imam", "pastor", "cleric", "monk", "nun", "judge", "lawyer", "official", "bystander",
        "nurse", "doctor", "medic", "paramedic", "firefighter", "tourist", "person",
        "shopkeeper", "trader", "vendor", "fisherman", "herder", "shepherd", "mother", "father",
        "son", "daughter", "wife", "husband", "brother", "sister", "grandmother",
        "grandfather", "commander", "colonel", "captain", "sergeant", "lieutenant", "mayor",
        "governor", "politician", "lawmaker", "minister", "activist", "diplomat", "engineer",
        "contractor", "peacekeeper", "gendarme", "marine", "sailor", "serviceman", "employee",
        "chief", "leader", "member", "prisoner", "inmate", "hostage", "pedestrian", "cyclist",
        "motorist", "pilgrim", "worshipper", "worshiper", "customer", "shopper", "volunteer",
        "businessman", "businesswoman", "councillor", "councilor", "trooper", "constable",
        "corporal", "detainee", "refugee", "migrant", "national", "citizen", "principal",
        "headmaster", "headmistress", "headteacher", "vice-principal", "jawan",
        // Trades, ranks and roles news names singular victims by.
        "paratrooper", "ranger", "commando", "recruit", "cadet", "conscript", "reservist",
        "airman", "seaman", "guardsman", "militiaman", "general", "brigadier", "major",
        "inspector", "superintendent", "commissioner", "warden", "bodyguard", "cop",
        "patrolman", "agent", "spokesman", "spokeswoman", "elder", "tribesman", "chieftain",
        "headman", "chairman", "councilman", "senator", "deputy", "ambassador", "consul",
        "envoy", "prosecutor", "magistrate", "administrator", "candidate", "sheikh", "mullah",
        "rabbi", "bishop", "missionary", "scholar", "professor", "lecturer", "researcher",
        "scientist", "writer", "poet", "blogger", "filmmaker", "artist", "singer", "athlete",
        "footballer", "translator", "interpreter", "expert", "technician", "mechanic",
        "electrician", "labourer", "laborer", "miner", "logger", "hunter", "porter", "hawker",
        "tailor", "pharmacist", "surgeon", "midwife", "dentist", "guide", "commuter",
        "traveller", "traveler", "motorcyclist", "visitor", "protester", "demonstrator",
        "voter", "owner", "manager", "director", "executive", "teen", "schoolboy",
        "schoolgirl", "newborn", "pensioner", "veteran", "neighbour", "neighbor", "relative",
        "cousin", "nephew", "niece", "uncle", "aunt", "grandson", "granddaughter", "figure",
        "caretaker", "janitor", "watchman", "cleaner", "cook", "waiter", "receptionist",
        "secretary", "clerk", "accountant", "banker", "cashier",
    ]),
    (DEGREE, &[
        "seriously", "critically", "badly", "severely", "gravely", "slightly", "lightly",
        "mortally",
    ]),
    (REFLEXIVE, &[
        "himself", "herself", "themselves",
    ]),
    (TITLE, &[
        "mr", "mrs", "ms", "dr", "col", "colonel", "gen", "general", "maj", "major", "capt",
        "captain", "lt", "lieutenant", "sgt", "sergeant", "cpl", "corporal", "brig",
        "brigadier", "mayor", "governor", "senator", "judge", "sheikh", "imam",
        "pastor", "father", "rev", "reverend", "bishop", "prince", "commander", "councillor",
        "councilor", "inspector", "constable", "professor", "prof", "ambassador",
    ]),
    (GROUP, &[
        "family", "families", "household", "households", "clan", "clans", "tribe", "tribes",
        "village", "villages",
    ]),
    (SAY, &[
        "said", "says", "say", "told", "reported", "reports", "stated", "claimed", "announced",
        "added", "confirmed", "according", "estimated", "estimates", "mentions", "mentioned",
        "noted", "noting", "revealed", "showed", "shows",
    ]),
];

/// The word -> classes table.
pub fn table() -> &'static WordMap<Class> {
    static T: OnceLock<WordMap<Class>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: WordMap<Class> = WordMap::default();
        for (class, words) in TABLE {
            for w in *words {
                *m.entry(*w).or_insert(0) |= *class;
            }
        }
        m
    })
}

/// The classes of one word (case-insensitive; 0 for unknown words).
pub fn classes(word: &str) -> Class {
    let mut buf = [0u8; 32];
    match lower(word, &mut buf) {
        Some(w) => table().get(w).copied().unwrap_or(0),
        None => 0,
    }
}

/// Case-insensitive word equality (no allocation).
#[inline]
pub fn is(word: &str, want: &str) -> bool {
    word.eq_ignore_ascii_case(want)
}

/// Lower-cases an ASCII word into `buf`; None for words too long or not ASCII.
pub fn lower<'a>(word: &str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// A fast hash for the short lower-case words the tables are keyed by (the default SipHash
/// is built for untrusted keys; these keys are our own tables).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time (the FxHash mix): table words are short.
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
}

/// A map keyed by the bytes of table words, hashed with [`Fnv`].
pub type ByteMap<V> =
    std::collections::HashMap<&'static [u8], V, std::hash::BuildHasherDefault<Fnv>>;

/// A map keyed by table words, hashed with [`Fnv`].
pub type WordMap<V> =
    std::collections::HashMap<&'static str, V, std::hash::BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_case_insensitive() {
        assert_ne!(classes("Were") & AUX, 0);
        assert_ne!(classes("BOMBS") & THING, 0);
        assert_ne!(classes("gunmen") & ATTACKER, 0);
        assert_eq!(classes("Basra"), 0);
        assert_eq!(classes("Hawīja"), 0);
    }
}
