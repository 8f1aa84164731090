//! Number words: units, tens, scales, "dozen" and ordinals, with examples of each.
//!
//! Examples use the notation of `examples.rs`: the expected span in `[[ ]]`, then `=>` and the
//! expected value, qualifier and kind (exact cardinal when left out).

use super::lexicon::Index;
use std::sync::OnceLock;

/// What a number word does in a number expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// zero .. nineteen: adds its value.
    Unit(u64),
    /// twenty .. ninety: adds its value; a unit may follow ("forty-three", "forty three").
    Ten(u64),
    /// hundred: multiplies the group so far.
    Hundred,
    /// thousand, million, billion...: closes a group ("two hundred thousand").
    Scale(u64),
    /// dozen: twelve times the number before it ("two dozen").
    Dozen,
    /// first .. ninetieth: an ordinal, never a count.
    Ordinal(u64),
    /// "a"/"an" before hundred, thousand, million, dozen: one.
    Article,
    /// "half" in "half a million", "half a dozen".
    Half,
}

/// One number word.
pub struct NumberWord {
    /// The word, lower case.
    pub word: &'static str,
    /// Its role.
    pub role: Role,
    /// Sentences showing it (see `examples.rs` for the notation).
    pub examples: &'static [&'static str],
}

const fn w(word: &'static str, role: Role, examples: &'static [&'static str]) -> NumberWord {
    NumberWord {
        word,
        role,
        examples,
    }
}

use Role::*;

/// Every number word, matched case-insensitively ("FORTY-THREE", "Forty-three").
pub const NUMBER_WORDS: &[NumberWord] = &[
    w("zero", Unit(0), &["[[zero]] deaths were reported => 0"]),
    w(
        "one",
        Unit(1),
        &[
            "[[one]] person died => 1",
            "[[One]] policeman was hurt => 1",
        ],
    ),
    w(
        "two",
        Unit(2),
        &["[[two]] soldiers were hurt => 2", "[[TWO]] KILLED => 2"],
    ),
    w("three", Unit(3), &["gunmen shot [[three]] guards => 3"]),
    w("four", Unit(4), &["[[Four]] of the miners => 4"]),
    w("five", Unit(5), &["[[five]] were detained => 5"]),
    w("six", Unit(6), &["the [[six]] hostages => 6"]),
    w("seven", Unit(7), &["[[seven]] bodies were found => 7"]),
    w("eight", Unit(8), &["[[eight]] villagers fled => 8"]),
    w("nine", Unit(9), &["[[nine]] people were arrested => 9"]),
    w("ten", Unit(10), &["[[ten]] farmers went missing => 10"]),
    w("eleven", Unit(11), &["[[Eleven]] were wounded => 11"]),
    w("twelve", Unit(12), &["[[twelve]] pilgrims died => 12"]),
    w("thirteen", Unit(13), &["[[thirteen]] people => 13"]),
    w("fourteen", Unit(14), &["[[Fourteen]] students => 14"]),
    w("fifteen", Unit(15), &["[[fifteen]] were hurt => 15"]),
    w("sixteen", Unit(16), &["[[sixteen]] dead => 16"]),
    w("seventeen", Unit(17), &["[[seventeen]] injured => 17"]),
    w("eighteen", Unit(18), &["[[eighteen]] workers => 18"]),
    w("nineteen", Unit(19), &["[[nineteen]] passengers => 19"]),
    w(
        "twenty",
        Ten(20),
        &["[[twenty]] people => 20", "[[twenty one]] were hurt => 21"],
    ),
    w("thirty", Ten(30), &["[[thirty-two]] soldiers => 32"]),
    w(
        "forty",
        Ten(40),
        &["[[forty-three]] died => 43", "[[FORTY-THREE]] KILLED => 43"],
    ),
    w("fourty", Ten(40), &["[[fourty]] people => 40"]),
    w("fifty", Ten(50), &["[[Fifty-five]] were arrested => 55"]),
    w("sixty", Ten(60), &["[[sixty]] families fled => 60"]),
    w("seventy", Ten(70), &["[[seventy nine]] people => 79"]),
    w("eighty", Ten(80), &["[[eighty]] wounded => 80"]),
    w("ninety", Ten(90), &["[[ninety-nine]] people => 99"]),
    w(
        "hundred",
        Hundred,
        &[
            "[[a hundred]] people => 100",
            "[[one hundred and forty]] people => 140",
            "[[two hundred]] were killed => 200",
            "[[three hundred and twelve]] dead => 312",
            "[[Five Hundred]] Displaced => 500",
            // A multiplier glued on with a hyphen.
            "[[Three-hundred]] migrants were executed => 300",
            "[[One-hundred and five]] were killed => 105",
        ],
    ),
    w(
        "thousand",
        Scale(1_000),
        &[
            "[[a thousand]] families => 1000",
            "[[one thousand two hundred]] people => 1200",
            "[[Thirteen thousand]] people fled => 13000",
            "[[two hundred thousand]] refugees => 200000",
            "[[3 thousand]] people => 3000",
            "[[Twenty-five-thousand]] people fled => 25000",
        ],
    ),
    w(
        "million",
        Scale(1_000_000),
        &[
            "[[one million]] people fled => 1000000",
            "[[1.5 million]] people => 1500000",
            "[[half a million]] refugees => 500000",
            "[[two million]] displaced => 2000000",
        ],
    ),
    w(
        "billion",
        Scale(1_000_000_000),
        &["[[1.2 billion]] people => 1200000000"],
    ),
    w("trillion", Scale(1_000_000_000_000), &[]),
    w("lakh", Scale(100_000), &["[[two lakh]] people => 200000"]),
    w("lakhs", Scale(100_000), &["[[3 lakhs]] people => 300000"]),
    w(
        "crore",
        Scale(10_000_000),
        &["[[1.5 crore]] people => 15000000"],
    ),
    w(
        "dozen",
        Dozen,
        &[
            "[[two dozen]] people => 24..24 vague",
            "[[half a dozen]] were hurt => 6..6 vague",
            "[[three dozen]] people => 36..36 vague",
        ],
    ),
    w("a", Article, &["[[a hundred]] people => 100"]),
    w("an", Article, &[]),
    w("half", Half, &["[[half a million]] people => 500000"]),
    w("first", Ordinal(1), &["the [[first]] victim => 1 ordinal"]),
    w("second", Ordinal(2), &["a [[second]] blast => 2 ordinal"]),
    w("third", Ordinal(3), &["the [[third]] attack => 3 ordinal"]),
    w("fourth", Ordinal(4), &["the [[fourth]] day => 4 ordinal"]),
    w("fifth", Ordinal(5), &["its [[fifth]] year => 5 ordinal"]),
    w("sixth", Ordinal(6), &[]),
    w("seventh", Ordinal(7), &[]),
    w("eighth", Ordinal(8), &[]),
    w("ninth", Ordinal(9), &[]),
    w("tenth", Ordinal(10), &["a [[tenth]] victim => 10 ordinal"]),
    w("eleventh", Ordinal(11), &[]),
    w("twelfth", Ordinal(12), &[]),
    w("thirteenth", Ordinal(13), &[]),
    w("fourteenth", Ordinal(14), &[]),
    w("fifteenth", Ordinal(15), &[]),
    w("sixteenth", Ordinal(16), &[]),
    w("seventeenth", Ordinal(17), &[]),
    w("eighteenth", Ordinal(18), &[]),
    w("nineteenth", Ordinal(19), &[]),
    w(
        "twentieth",
        Ordinal(20),
        &["the [[twentieth]] century => 20 ordinal"],
    ),
    w("thirtieth", Ordinal(30), &[]),
    w("fortieth", Ordinal(40), &[]),
    w("fiftieth", Ordinal(50), &[]),
    w("sixtieth", Ordinal(60), &[]),
    w("seventieth", Ordinal(70), &[]),
    w("eightieth", Ordinal(80), &[]),
    w("ninetieth", Ordinal(90), &[]),
    w("hundredth", Ordinal(100), &[]),
    w("thousandth", Ordinal(1000), &[]),
];

/// Number word roles by lower-case word.
pub fn index() -> &'static Index<Role> {
    static INDEX: OnceLock<Index<Role>> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(NUMBER_WORDS.iter().map(|w| (w.word, w.role))))
}

/// The role of a lower-case word.
pub fn role(word: &str) -> Option<Role> {
    index().get(word)
}

/// Scale words written straight after digits ("2.3m", "1.2bn", "5k"): letters and factor.
/// "m" alone reads as million only after a decimal point or a currency sign, else metres.
pub const DIGIT_SCALE_SUFFIXES: &[(&str, u64)] = &[
    ("bn", 1_000_000_000),
    ("b", 1_000_000_000),
    ("mn", 1_000_000),
    ("mln", 1_000_000),
    ("m", 1_000_000),
    ("k", 1_000),
];
