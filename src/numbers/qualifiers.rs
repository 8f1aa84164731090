//! Qualifier phrases (GUIDELINES.md, "The value and the qualifier") and the additive words
//! ("another 13", "13 more"). Phrases are matched by token, ignoring case and white space.

use crate::vocab::Qualifier;
use Qualifier::*;

/// A phrase before the number that says how it bounds the truth; it belongs to the span.
pub struct QualifierPhrase {
    /// The phrase, lower case.
    pub phrase: &'static str,
    /// The qualifier it gives.
    pub qualifier: Qualifier,
    /// Sentences showing it (notation of `examples.rs`).
    pub examples: &'static [&'static str],
}

const fn q(
    phrase: &'static str,
    qualifier: Qualifier,
    examples: &'static [&'static str],
) -> QualifierPhrase {
    QualifierPhrase {
        phrase,
        qualifier,
        examples,
    }
}

/// Qualifiers written before the number; the longest phrase that matches wins.
pub const BEFORE: &[QualifierPhrase] = &[
    // about
    q(
        "about",
        About,
        &[
            "killing [[about 53]] people => 53 about",
            "[[ABOUT 20]] DEAD => 20 about",
        ],
    ),
    q("around", About, &["[[around 300]] people => 300 about"]),
    q(
        "approximately",
        About,
        &["[[approximately 1,200]] were displaced => 1200 about"],
    ),
    q("approx.", About, &["[[approx. 40]] people => 40 about"]),
    q("roughly", About, &["[[roughly 70]] families => 70 about"]),
    q(
        "some",
        About,
        &[
            "[[some 20]] villagers => 20 about",
            "[[Some 4,000]] people fled => 4000 about",
        ],
    ),
    q(
        "an estimated",
        About,
        &["[[an estimated 5,000]] people => 5000 about"],
    ),
    q("estimated", About, &["[[estimated 300]] dead => 300 about"]),
    q(
        "nearly",
        About,
        &[
            "a total of [[nearly 13,000]] people => 13000 about",
            "[[nearly a hundred]] were hurt => 100 about",
        ],
    ),
    q("almost", About, &["[[almost 90]] people => 90 about"]),
    q(
        "close to",
        About,
        &["[[close to 400]] were wounded => 400 about"],
    ),
    q("nearly as many as", About, &[]),
    q("perhaps", About, &["[[perhaps 30]] people => 30 about"]),
    q("as few as", About, &[]),
    q(
        "more or less",
        About,
        &["[[more or less 60]] people => 60 about"],
    ),
    q("an approximate", About, &[]),
    // at least
    q(
        "at least",
        AtLeast,
        &[
            "[[at least 13]] people => 13 at_least",
            "[[At least five]] people => 5 at_least",
            "[[AT LEAST 42]] DEAD => 42 at_least",
            "[[at least forty three]] soldiers => 43 at_least",
        ],
    ),
    q(
        "a minimum of",
        AtLeast,
        &["[[a minimum of 16]] people => 16 at_least"],
    ),
    q(
        "no fewer than",
        AtLeast,
        &["[[no fewer than 25]] people => 25 at_least"],
    ),
    q(
        "no less than",
        AtLeast,
        &["[[no less than 9]] people => 9 at_least"],
    ),
    q(
        "not less than",
        AtLeast,
        &["[[not less than 11]] people => 11 at_least"],
    ),
    q("not fewer than", AtLeast, &[]),
    // more than
    q(
        "more than",
        MoreThan,
        &[
            "[[more than 200]] people => 200 more_than",
            "[[MORE than 200]] people => 200 more_than",
            "[[more than a dozen]] were hurt => 12 more_than",
        ],
    ),
    q(
        "over",
        MoreThan,
        &[
            "a war that cost [[over a million]] lives => 1000000 more_than",
            "[[over 70]] were wounded => 70 more_than",
        ],
    ),
    q(
        "well over",
        MoreThan,
        &["[[well over 100]] people => 100 more_than"],
    ),
    q(
        "just over",
        MoreThan,
        &["[[just over 50]] people => 50 more_than"],
    ),
    q(
        "upwards of",
        MoreThan,
        &["[[upwards of 60]] people => 60 more_than"],
    ),
    q(
        "in excess of",
        MoreThan,
        &["[[in excess of 500]] people => 500 more_than"],
    ),
    q("above", MoreThan, &["[[above 30]] people => 30 more_than"]),
    q("well above", MoreThan, &[]),
    q("greater than", MoreThan, &[]),
    // at most
    q(
        "up to",
        AtMost,
        &["reported [[up to 200]] people dead => 200 at_most"],
    ),
    q(
        "as many as",
        AtMost,
        &["[[as many as 70]] people => 70 at_most"],
    ),
    q("at most", AtMost, &["[[at most 15]] people => 15 at_most"]),
    q(
        "no more than",
        AtMost,
        &["[[no more than 20]] people => 20 at_most"],
    ),
    q(
        "not more than",
        AtMost,
        &["[[not more than 8]] people => 8 at_most"],
    ),
    q(
        "a maximum of",
        AtMost,
        &["[[a maximum of 40]] people => 40 at_most"],
    ),
    q(
        "as high as",
        AtMost,
        &["could be [[as high as 300]] => 300 at_most"],
    ),
    // less than
    q(
        "fewer than",
        LessThan,
        &["[[fewer than 10]] people => 10 less_than"],
    ),
    q(
        "less than",
        LessThan,
        &["[[less than 100]] people => 100 less_than"],
    ),
    q("under", LessThan, &["[[under 50]] people => 50 less_than"]),
    q(
        "just under",
        LessThan,
        &["[[just under 60]] people => 60 less_than"],
    ),
    q("below", LessThan, &[]),
    // exact
    q("exactly", Exact, &["[[exactly 21]] people => 21 exact"]),
    q("precisely", Exact, &[]),
];

/// A phrase after the number that qualifies it ("130 or more"); it belongs to the span.
pub struct AfterPhrase {
    /// The phrase, lower case (a leading `-` means written straight after: "30-odd").
    pub phrase: &'static str,
    /// The qualifier it gives.
    pub qualifier: Qualifier,
    /// Sentences showing it.
    pub examples: &'static [&'static str],
}

const fn a(
    phrase: &'static str,
    qualifier: Qualifier,
    examples: &'static [&'static str],
) -> AfterPhrase {
    AfterPhrase {
        phrase,
        qualifier,
        examples,
    }
}

/// Qualifiers written after the number.
pub const AFTER: &[AfterPhrase] = &[
    a(
        "or more",
        AtLeast,
        &["injures [[130 or more]] => 130 at_least"],
    ),
    a(
        "or so",
        About,
        &[
            "[[30 or so]] people => 30 about",
            "[[a dozen or so]] => 12 about",
        ],
    ),
    a("-odd", About, &["[[40-odd]] people => 40 about"]),
    a("odd", About, &["[[40 odd]] people => 40 about"]),
    a("-plus", MoreThan, &["[[200-plus]] people => 200 more_than"]),
    a("plus", MoreThan, &["[[200 plus]] people => 200 more_than"]),
    a("+", MoreThan, &["[[200+]] people => 200 more_than"]),
    a(
        "or fewer",
        AtMost,
        &["[[12 or fewer]] people => 12 at_most"],
    ),
    a("or less", AtMost, &[]),
    a("at least", AtLeast, &[]),
];

/// Words before the number that make it add to a count already given; outside the span.
pub const ADDITIVE_BEFORE: &[(&str, &[&str])] = &[
    (
        "another",
        &[
            "another [[1,633]] were hurt => 1633 additive",
            "wounding another [[25]] => 25 additive",
        ],
    ),
    (
        "a further",
        &["A further [[13]] dead bodies => 13 additive"],
    ),
    (
        "an additional",
        &["an additional [[40]] people => 40 additive"],
    ),
    ("additional", &["[[12]] additional people => 12"]),
    ("yet another", &[]),
];

/// Words after the number that make it additive; outside the span.
pub const ADDITIVE_AFTER: &[(&str, &[&str])] = &[
    (
        "more",
        &[
            "injuring [[150]] more => 150 additive",
            "[[13]] more than expected => 13",
        ],
    ),
    ("others", &["[[83]] others were injured => 83 additive"]),
    ("other", &["[[two]] other men => 2 additive"]),
];
