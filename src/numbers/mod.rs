//! Numbers stage: every number expression news uses, with its qualifier.

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

/// Finds number expressions in `text`, in text order.
pub fn find(text: &str) -> Vec<NumberMention> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            let mut value: u64 = 0;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b',') {
                if bytes[i] != b',' {
                    value = value
                        .saturating_mul(10)
                        .saturating_add(u64::from(bytes[i] - b'0'));
                }
                i += 1;
            }
            let mut end = i;
            while end > start && bytes[end - 1] == b',' {
                end -= 1;
            }
            out.push(NumberMention {
                span: start..end,
                number: start..end,
                kind: NumberKind::Cardinal,
                additive: false,
                value,
                max: None,
                qualifier: Qualifier::Exact,
            });
        }
        i += 1;
    }
    out
}
