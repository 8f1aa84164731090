//! Text stage: decoding bytes to text, HTML to text, sentence boundaries and offsets.

pub mod decode;
pub mod offsets;
pub mod sentences;

use std::ops::Range;

/// A document's text with its sentence boundaries (byte ranges into `text`).
///
/// Every stage works in byte offsets; [`offsets::CharIndex`] turns them into the code point
/// offsets the report uses.
pub struct Document<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Sentence byte ranges, in order, covering the text without overlap.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Document<'a> {
    /// Splits `text` into sentences.
    pub fn new(text: &'a str) -> Document<'a> {
        Document {
            text,
            sentences: sentences::split(text),
        }
    }

    /// Index of the sentence that holds byte offset `at` (the last one if past the end).
    pub fn sentence_of(&self, at: usize) -> usize {
        match self.sentences.binary_search_by(|r| {
            if r.end <= at {
                std::cmp::Ordering::Less
            } else if r.start > at {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.min(self.sentences.len().saturating_sub(1)),
        }
    }
}
