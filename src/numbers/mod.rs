//! Numbers stage: every number expression news uses, with its qualifier.
//!
//! The knowledge lives in tables that read like GUIDELINES.md, each row with examples:
//! [`words`] (number words), [`vague`] (vague quantities), [`qualifiers`] (qualifier and
//! additive phrases), [`kind`] (what makes a number a year, date, age, sum of money...).
//! [`scan`] walks the text with the on-demand tokenizer of [`token`] and reads each
//! expression; [`literal`] reads digit forms. `examples` runs every table example.

#[cfg(test)]
mod examples;
pub mod kind;
mod lexicon;
pub mod literal;
pub mod qualifiers;
mod scan;
#[cfg(test)]
mod tests;
pub mod token;
pub mod vague;
pub mod words;

use crate::report::model::Qualifier;
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
pub fn find(text: &str) -> Vec<NumberMention> {
    scan::find(text)
}
