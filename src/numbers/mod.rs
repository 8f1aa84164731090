//! Numbers stage: every number expression news uses, with its qualifier.
//!
//! The knowledge lives in tables that read like GUIDELINES.md, each row with examples:
//! [`words`] (number words), [`vague`] (vague quantities), [`qualifiers`] (qualifier and
//! additive phrases), [`kind`] (what makes a number a year, date, age, sum of money...).
//! `scan` finds where expressions can start (digits, number words, vague words) with one
//! Aho-Corasick automaton, then reads each expression walking the document's token stream
//! through [`token`] (which cuts a stream word into digit and letter pieces): the number ([`literal`] reads digit forms), a range, qualifiers before and
//! after, additive words, and the kind from the words touching it. Lookups are keyed by the
//! touching token, so the cost per number is a handful of table probes (about 90 MB/s on one
//! core on the number-dense dev corpus). `examples` runs every table example through
//! [`find`]; `tests` holds tricky cases and property tests (no panic, spans in order on char
//! boundaries).
//!
//! Conventions: `span` is the expression as GUIDELINES.md brackets it ("at least 13",
//! "between 10 and 15", "130 or more", "Hundreds of thousands"), without additive words
//! ("another", "more", "others") or the victims; `number` is the number part. A lone "one"
//! is emitted only as a count ("one person", "killed one", "one of the guards", not "no
//! one", "one of the deadliest", "one must"). Numbers inside identifiers ("F-16", "M16",
//! "Covid-19", "4x4") are not emitted; numbers naming things ("Resolution 1325", "Flight
//! 93") are emitted as [`NumberKind::Label`].

#[cfg(test)]
mod examples;
pub mod kind;
mod lexicon;
pub mod literal;
pub mod qualifiers;
mod scan;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
pub mod token;
pub mod vague;
pub mod words;

use crate::vocab::Qualifier;
use std::ops::Range;

/// What a number expression is, judged from its own form and the words touching it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A count that could be a casualty figure ("13", "forty-three", "dozens").
    Cardinal,
    /// A year ("1990", "in 2013").
    Year,
    /// Part of a date ("May 22", "22/05/2013").
    Date,
    /// A clock time ("10:30", "2 p.m.").
    Time,
    /// Money ("$5 million", "500 dollars").
    Money,
    /// A percentage ("25%", "25 per cent").
    Percent,
    /// An ordinal ("third", "21st").
    Ordinal,
    /// An age ("aged 25", "23-year-old").
    Age,
    /// A measure with a unit (km, kg, miles, tonnes...).
    Measure,
    /// A duration ("three days", "10 years in prison").
    Duration,
    /// A number that names something ("Resolution 1325", "Route 66", "No. 10").
    Label,
}

/// A number expression found in the text (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// The expression with its qualifier ("at least 13", "between 10 and 15").
    pub span: Range<usize>,
    /// Just the number words or digits ("13").
    pub number: Range<usize>,
    /// What kind of number it is.
    pub kind: NumberKind,
    /// "another 13", "a further 13", "13 more", "13 others": adds to a count already given.
    pub additive: bool,
    /// The stated number (low end for ranges and vague words).
    pub value: u64,
    /// High end for ranges and vague words.
    pub max: Option<u64>,
    /// How it bounds the truth.
    pub qualifier: Qualifier,
}

/// Finds number expressions in `text`, in text order (byte offsets, never overlapping).
/// Tokenizes the text first: a document's stages call [`find_in`] with the stream they share.
pub fn find(text: &str) -> Vec<NumberMention> {
    let tokens = crate::text::tokens::tokenize_one(text);
    find_in(text, &tokens)
}

/// [`find`] reading `tokens`, the token stream of `text` ([`crate::text::Document::tokens`]).
pub fn find_in(text: &str, tokens: &[crate::text::tokens::Token]) -> Vec<NumberMention> {
    scan::find(&token::Src::new(text, tokens))
}
