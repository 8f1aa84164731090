//! Vague quantities (GUIDELINES.md, "Vague quantities"): words with no stated number.
//! `value` is the low end, `max` the high end (None: open).

use super::lexicon::Index;
use std::sync::OnceLock;

/// One vague phrase.
pub struct VagueWord {
    /// The phrase, lower case, words separated by single spaces.
    pub phrase: &'static str,
    /// Low end (the figure's `value`).
    pub low: u64,
    /// High end (None: open).
    pub high: Option<u64>,
    /// The phrase counts only when "of" follows ("scores of villagers", not "the scores").
    /// The "of" stays outside the span, as in "[[dozens]] of others".
    pub needs_of: bool,
    /// Sentences showing it (notation of `examples.rs`).
    pub examples: &'static [&'static str],
}

const fn v(
    phrase: &'static str,
    low: u64,
    high: Option<u64>,
    needs_of: bool,
    examples: &'static [&'static str],
) -> VagueWord {
    VagueWord {
        phrase,
        low,
        high,
        needs_of,
        examples,
    }
}

/// The vague phrases, longest first where one starts another (matching takes the first hit).
pub const VAGUE_WORDS: &[VagueWord] = &[
    // The guidelines' table.
    v(
        "a couple of hundred",
        200,
        Some(200),
        false,
        &["[[a couple of hundred]] people => 200..200 vague"],
    ),
    v(
        "a couple hundred",
        200,
        Some(200),
        false,
        &["[[a couple hundred]] protesters => 200..200 vague"],
    ),
    v(
        "a couple",
        2,
        Some(2),
        true,
        &[
            "[[a couple]] of guards were hurt => 2..2 vague",
            "a couple were married => none",
        ],
    ),
    v(
        "a few dozen",
        24,
        Some(60),
        false,
        &["[[a few dozen]] people => 24..60 vague"],
    ),
    v(
        "a few hundred",
        200,
        Some(500),
        false,
        &["[[a few hundred]] families fled => 200..500 vague"],
    ),
    v(
        "a few thousand",
        2_000,
        Some(5_000),
        false,
        &["[[a few thousand]] refugees => 2000..5000 vague"],
    ),
    v(
        "a few",
        2,
        Some(5),
        false,
        &[
            "[[a few]] people were hurt => 2..5 vague",
            "only [[a few]] survived => 2..5 vague",
        ],
    ),
    v(
        "several dozen",
        36,
        Some(108),
        false,
        &["[[several dozen]] were detained => 36..108 vague"],
    ),
    v(
        "several hundred",
        300,
        Some(999),
        false,
        &["[[several hundred]] people => 300..999 vague"],
    ),
    v(
        "several thousand",
        3_000,
        Some(9_999),
        false,
        &["[[several thousand]] fled => 3000..9999 vague"],
    ),
    v(
        "several million",
        3_000_000,
        None,
        false,
        &["[[several million]] people => 3000000.. vague"],
    ),
    v(
        "several",
        3,
        Some(9),
        false,
        &[
            "[[several]] people were killed => 3..9 vague",
            "[[Several]] soldiers => 3..9 vague",
            "[[SEVERAL]] WOUNDED => 3..9 vague",
        ],
    ),
    v(
        "half a dozen",
        6,
        Some(6),
        false,
        &[
            "[[half a dozen]] were hurt => 6..6 vague",
            "[[Half a dozen]] people => 6..6 vague",
        ],
    ),
    v(
        "a dozen",
        12,
        Some(12),
        false,
        &[
            "[[a dozen]] people => 12..12 vague",
            "[[A dozen]] were hurt => 12..12 vague",
        ],
    ),
    v(
        "many dozens",
        24,
        Some(99),
        false,
        &["[[many dozens]] were hurt => 24..99 vague"],
    ),
    v(
        "dozens",
        24,
        Some(99),
        false,
        &[
            "[[dozens]] of others => 24..99 vague",
            "injuring [[dozens]] => 24..99 vague",
            "[[Dozens]] dead => 24..99 vague",
        ],
    ),
    v(
        "scores",
        24,
        Some(99),
        true,
        &[
            "[[scores]] of villagers fled => 24..99 vague",
            "the scores were level => none",
        ],
    ),
    v(
        "tens of thousands",
        20_000,
        Some(99_999),
        false,
        &[
            "[[tens of thousands]] fled => 20000..99999 vague",
            "[[Tens of thousands]] of people => 20000..99999 vague",
        ],
    ),
    v(
        "tens of millions",
        20_000_000,
        Some(99_999_999),
        false,
        &["[[tens of millions]] of people => 20000000..99999999 vague"],
    ),
    v(
        "tens",
        20,
        Some(99),
        true,
        &["[[tens]] of people died => 20..99 vague"],
    ),
    v(
        "hundreds of thousands",
        200_000,
        Some(999_999),
        false,
        &["[[Hundreds of thousands]] have fled => 200000..999999 vague"],
    ),
    v(
        "hundreds of millions",
        200_000_000,
        Some(999_999_999),
        false,
        &[],
    ),
    v(
        "many hundreds",
        200,
        Some(999),
        false,
        &["[[many hundreds]] of people => 200..999 vague"],
    ),
    v(
        "hundreds",
        200,
        Some(999),
        false,
        &[
            "[[Hundreds]] killed in attacks => 200..999 vague",
            "[[hundreds]] of people => 200..999 vague",
        ],
    ),
    v(
        "many thousands",
        2_000,
        Some(9_999),
        false,
        &["[[many thousands]] fled => 2000..9999 vague"],
    ),
    v(
        "thousands",
        2_000,
        Some(9_999),
        false,
        &[
            "[[thousands]] were displaced => 2000..9999 vague",
            "[[Thousands]] of families => 2000..9999 vague",
        ],
    ),
    v("many millions", 2_000_000, None, false, &[]),
    v(
        "millions",
        2_000_000,
        None,
        false,
        &["[[millions]] of people fled => 2000000.. vague"],
    ),
];

/// Does a vague phrase start with this lower-case word?
pub fn starts_phrase(word: &str) -> bool {
    static FIRST: OnceLock<Index<()>> = OnceLock::new();
    FIRST
        .get_or_init(|| {
            Index::new(
                VAGUE_WORDS
                    .iter()
                    .filter_map(|v| v.phrase.split(' ').next().map(|w| (w, ()))),
            )
        })
        .get(word)
        .is_some()
}
