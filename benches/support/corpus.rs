//! A synthetic news corpus for benchmarks and stress tests, generated deterministically from
//! a seed and templates of our own wording: casualty figures of every category and qualifier,
//! places, and the numbers that are NOT figures (years, dates, money, ages, times, measures).
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

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One article: a headline, a dateline and 3..10 paragraphs of 2..5 sentences.
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
    for p in 0..rng.range(3, 10) {
        if p > 0 {
            out.push_str("\n\n");
        }
        for s in 0..rng.range(2, 5) {
            if s > 0 {
                out.push(' ');
            }
            out.push_str(&sentence(rng));
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
