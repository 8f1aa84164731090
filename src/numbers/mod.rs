//! Numbers stage: every number expression news uses, with its qualifier.

use crate::report::model::Qualifier;
use std::ops::Range;

/// A number expression found in the text (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// The expression with its qualifier ("at least 13").
    pub span: Range<usize>,
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
                value,
                max: None,
                qualifier: Qualifier::Exact,
            });
        }
        i += 1;
    }
    out
}
