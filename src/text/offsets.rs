//! Byte offsets -> Unicode code point offsets (the report's unit).

/// Maps byte offsets of one text to code point offsets in O(log n).
pub struct CharIndex {
    /// For every non-ASCII char: its byte offset, the code points before it, its byte width.
    marks: Vec<(usize, usize, usize)>,
    len_bytes: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut marks = Vec::new();
        if !text.is_ascii() {
            for (n, (b, c)) in text.char_indices().enumerate() {
                if !c.is_ascii() {
                    marks.push((b, n, c.len_utf8()));
                }
            }
        }
        CharIndex {
            marks,
            len_bytes: text.len(),
        }
    }

    /// The code point offset of byte offset `byte` (clamped to the text; a byte inside a
    /// multi-byte char maps to that char's start).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // The last non-ASCII char that starts before `byte`; all after it is ASCII.
        let i = self.marks.partition_point(|&(b, _, _)| b < byte);
        if i == 0 {
            return byte;
        }
        let (b, n, w) = self.marks[i - 1];
        if byte < b + w {
            n
        } else {
            n + 1 + (byte - b - w)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn maps_every_char_boundary() {
        for text in [
            "",
            "plain ascii",
            "Kɑbul — 13 killed in Hawīja 😀 ok",
            "ééé",
        ] {
            let idx = CharIndex::new(text);
            for (n, (b, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.char_offset(b), n, "{text:?} byte {b}");
            }
            assert_eq!(idx.char_offset(text.len()), text.chars().count());
            assert_eq!(idx.char_offset(text.len() + 10), text.chars().count());
        }
    }
}
