//! A synthetic news corpus for benchmarks and stress tests, generated deterministically from
//! a seed and templates of our own wording: casualty figures of every category and qualifier,
//! places, and the numbers that are NOT figures (years, dates, money, ages, times, measures).
//!
//! Like real reports, most of an article is not casualty figures: background paragraphs,
//! quotes, reactions and context run between them, so the figure density (about 4 a KB)
//! matches the dev set's (185 gold figures in 46.8 KB). The benchmark prints both.
#![allow(dead_code)]

/// splitmix64: small, seeded, deterministic.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in lo..=hi.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// One of the items.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PLACES: &[&str] = &[
    "Mosul",
    "Kabul",
    "Aleppo",
    "Mogadishu",
    "Kandahar",
    "Benghazi",
    "Sanaa",
    "Maiduguri",
    "Goma",
    "Juba",
    "Gao",
    "Peshawar",
    "Quetta",
    "Homs",
    "Tikrit",
    "Kirkuk",
    "Idlib",
    "Bamako",
    "Tripoli",
    "Aden",
    "Khartoum",
    "Kismayo",
    "Bunia",
    "Timbuktu",
    "Lahore",
    "Karachi",
    "Baghdad",
    "Basra",
    "Raqqa",
    "Deir ez-Zor",
    "Hodeidah",
    "Ouagadougou",
];
const REGIONS: &[&str] = &[
    "Nineveh province",
    "Helmand province",
    "the north of the country",
    "Borno state",
    "North Kivu",
    "the capital",
    "a border district",
    "the eastern hills",
];
const VICTIMS: &[&str] = &[
    "people",
    "civilians",
    "soldiers",
    "police officers",
    "children",
    "villagers",
    "fighters",
    "aid workers",
    "passengers",
    "worshippers",
    "students",
    "miners",
];
const NUMBER_WORDS: &[&str] = &[
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
    "fifteen",
    "twenty",
    "thirty-one",
    "forty",
];
const QUALIFIERS: &[&str] = &[
    "",
    "at least ",
    "more than ",
    "about ",
    "nearly ",
    "some ",
    "up to ",
    "over ",
    "as many as ",
    "around ",
];
const VAGUE: &[&str] = &[
    "dozens of",
    "hundreds of",
    "scores of",
    "several",
    "thousands of",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const ATTACKS: &[&str] = &[
    "a car bomb",
    "a roadside blast",
    "an air strike",
    "shelling",
    "a suicide attack",
    "clashes between rival groups",
    "a mortar barrage",
    "a raid on a checkpoint",
    "heavy flooding",
    "a landslide",
];
const SOURCES: &[&str] = &[
    "a police spokesman said",
    "officials told reporters",
    "the health ministry said",
    "local residents said",
    "a hospital director told our correspondent",
    "the provincial governor said",
    "according to a statement from the army",
];

fn count(rng: &mut Rng) -> String {
    match rng.range(0, 9) {
        0..=4 => format!("{}{}", rng.pick(QUALIFIERS), rng.range(2, 240)),
        5 => format!("{}{}", rng.pick(QUALIFIERS), rng.pick(NUMBER_WORDS)),
        6 => format!("between {} and {}", rng.range(3, 20), rng.range(21, 60)),
        7 => rng.pick(VAGUE).to_string(),
        8 => format!("{},{:03}", rng.range(1, 9), rng.range(0, 999)),
        _ => format!("{}{}", rng.pick(QUALIFIERS), rng.range(1, 30)),
    }
}

/// One sentence: a casualty figure or a sentence of numbers that are not figures.
fn sentence(rng: &mut Rng) -> String {
    let place = rng.pick(PLACES);
    let n = count(rng);
    let who = rng.pick(VICTIMS);
    match rng.range(0, 15) {
        0 => format!("{n} {who} were killed in {} in {place}, {}.", rng.pick(ATTACKS), rng.pick(SOURCES)),
        1 => format!("The attack near {place} left {n} {who} dead and {} wounded.", count(rng)),
        2 => format!("{} {who} were injured when {} hit a market in {place} on {}.",
            capitalise(&n), rng.pick(ATTACKS), rng.pick(WEEKDAYS)),
        3 => format!("Rescuers said {n} {who} remain missing after {} in {}.", rng.pick(ATTACKS), rng.pick(REGIONS)),
        4 => format!("Gunmen kidnapped {n} {who} on the road from {place} to {}.", rng.pick(PLACES)),
        5 => format!("Security forces arrested {n} suspects in {place} overnight, {}.", rng.pick(SOURCES)),
        6 => format!("The fighting has displaced {n} families from {} since {} {}.",
            rng.pick(REGIONS), rng.pick(MONTHS), rng.range(1990, 2024)),
        7 => format!("The death toll rose to {} on {} {}, {}.", rng.range(5, 400), rng.pick(MONTHS), rng.range(1, 28), rng.pick(SOURCES)),
        8 => format!("A {}-year-old shopkeeper said the blast happened at {}:{:02} a.m. about {} km from {place}.",
            rng.range(18, 80), rng.range(1, 12), rng.range(0, 59), rng.range(2, 90)),
        9 => format!("The government pledged ${} million in aid, about {}% more than in {}.",
            rng.range(2, 900), rng.range(2, 60), rng.range(2001, 2023)),
        10 => format!("Route {} was closed for {} days and {} checkpoints were set up around {place}.",
            rng.range(1, 99), rng.range(2, 14), rng.range(2, 30)),
        11 => format!("\u{201C}We counted {n} bodies,\u{201D} said a volunteer in {place}."),
        12 => format!("No one was hurt in a second explosion in {place}, {}.", rng.pick(SOURCES)),
        13 => format!("Of the {} {who} killed, {} were women and {} were children.",
            rng.range(20, 90), rng.range(2, 9), rng.range(2, 9)),
        14 => format!("It was the {} such attack in {} this year; {} of {} schools stayed shut.",
            rng.pick(&["third", "fifth", "12th", "21st"]), rng.pick(REGIONS), rng.range(2, 40), rng.range(41, 90)),
        _ => format!("Witnesses in {place} described scenes of chaos after {}.", rng.pick(ATTACKS)),
    }
}

const GROUPS: &[&str] = &[
    "the armed group",
    "the separatist movement",
    "the rebel coalition",
    "a local militia",
    "the insurgents",
    "the opposition alliance",
];
const OFFICIALS: &[&str] = &[
    "the interior minister",
    "a senior diplomat",
    "the regional governor",
    "an army spokesman",
    "the mayor",
    "a United Nations envoy",
    "a spokeswoman for the aid agency",
    "the head of the local council",
];
const TOPICS: &[&str] = &[
    "fuel prices",
    "the harvest",
    "the disputed election",
    "water shortages",
    "the peace talks",
    "the reopening of schools",
    "a new curfew",
    "the border crossings",
];

/// One sentence of the prose around the figures: background, quotes, reactions, context.
/// Some hold numbers that are not casualty figures (years, sums, distances, times).
fn prose_sentence(rng: &mut Rng) -> String {
    let place = rng.pick(PLACES);
    let group = rng.pick(GROUPS);
    let official = rng.pick(OFFICIALS);
    let topic = rng.pick(TOPICS);
    match rng.range(0, 17) {
        0 => format!("Tensions in {place} have simmered for years over {topic}, and talks brokered by neighbouring states stalled last spring."),
        1 => format!("\u{201C}We will not be intimidated, and we will rebuild what was destroyed,\u{201D} {official} told a news conference in {place} on {}.", rng.pick(WEEKDAYS)),
        2 => format!("{} has denied any role in the violence and accused the authorities of using the unrest as a pretext to delay a vote on {topic}.", capitalise(group)),
        3 => format!("Shops in the old quarter of {place} stayed shuttered on {}, and long queues formed outside the few bakeries that opened.", rng.pick(WEEKDAYS)),
        4 => format!("The region has a long history of disputes over land and grazing rights, which analysts say were made worse by a drought that began in {}.", rng.range(2009, 2022)),
        5 => "Residents said they had heard gunfire through the night and that mobile phone networks were cut for several hours.".to_string(),
        6 => format!("In a statement, {official} called for calm and promised an independent inquiry, though critics noted that earlier inquiries had never published their findings."),
        7 => format!("The road between {place} and {} is the main supply route for the area, and traders say convoys have been delayed for weeks.", rng.pick(PLACES)),
        8 => "\u{201C}Nobody tells us anything. We just wait and hope,\u{201D} said a teacher who asked not to be named for fear of reprisals.".to_string(),
        9 => format!("Aid agencies have warned that funding for the response is running short, with only {}% of this year's appeal met so far.", rng.range(12, 48)),
        10 => format!("{} was formed in {} and controls parts of {}, according to researchers who track the conflict.", capitalise(group), rng.range(1994, 2019), rng.pick(REGIONS)),
        11 => format!("Diplomats said the matter would be raised at a meeting of regional leaders scheduled for {} {}.", rng.pick(MONTHS), rng.range(1, 28)),
        12 => format!("Local radio stations reported that a curfew would be in force from {} p.m. until dawn, and that checkpoints had been reinforced on the ring road.", rng.range(6, 10)),
        13 => format!("The government says it has made progress against {group}, but independent observers describe a stalemate in the countryside around {place}."),
        14 => format!("Prices of flour and cooking gas in {place} have roughly doubled since {}, according to a market survey by a local charity.", rng.pick(MONTHS)),
        15 => format!("It was not immediately possible to verify the accounts, and journalists' access to the area has been restricted since {}.", rng.range(2015, 2024)),
        16 => format!("Opposition lawmakers walked out of parliament in protest, saying they had not been consulted on {topic}."),
        _ => format!("Several families said they planned to stay with relatives in {place} until the situation became clearer."),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One article: a headline, a dateline and 4..12 paragraphs of 2..6 sentences. Most
/// paragraphs report (casualty sentences mixed with prose); the others are background, quotes
/// and reactions, as in real reports.
pub fn article(rng: &mut Rng) -> String {
    let place = rng.pick(PLACES);
    let mut out = format!(
        "{} dead in {} near {place}\n\n{}, {} {} ({}) - ",
        rng.range(3, 90),
        rng.pick(ATTACKS),
        place.to_uppercase(),
        rng.pick(MONTHS),
        rng.range(1, 28),
        rng.pick(&["Reuters", "AP", "AFP", "Staff"]),
    );
    for p in 0..rng.range(4, 12) {
        if p > 0 {
            out.push_str("\n\n");
        }
        // The lead paragraph always reports; later ones do two times in three.
        let reporting = p == 0 || rng.range(0, 2) != 0;
        for s in 0..rng.range(2, 6) {
            if s > 0 {
                out.push(' ');
            }
            if reporting && rng.range(0, 5) != 0 {
                out.push_str(&sentence(rng));
            } else {
                out.push_str(&prose_sentence(rng));
            }
        }
    }
    out.push('\n');
    out
}

/// Articles adding up to at least `bytes` bytes.
pub fn articles(seed: u64, bytes: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(&mut rng);
        total += a.len();
        out.push(a);
    }
    out
}

/// Writes at least `bytes` bytes of JSONL ({"id", "text"} a line) to `w`; returns the
/// number of documents and of text bytes.
pub fn write_jsonl(
    w: &mut dyn std::io::Write,
    seed: u64,
    bytes: u64,
) -> std::io::Result<(u64, u64)> {
    let mut rng = Rng::new(seed);
    let (mut docs, mut text_bytes, mut written) = (0u64, 0u64, 0u64);
    while written < bytes {
        let a = article(&mut rng);
        let line = serde_json::json!({"id": format!("doc-{docs}"), "text": a}).to_string();
        w.write_all(line.as_bytes())?;
        w.write_all(b"\n")?;
        written += line.len() as u64 + 1;
        text_bytes += a.len() as u64;
        docs += 1;
    }
    Ok((docs, text_bytes))
}
