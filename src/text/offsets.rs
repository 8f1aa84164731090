//! Byte offsets -> Unicode code point offsets (the report's unit).

/// Bytes per block of the index: one `u64` bit mask a block.
const BLOCK: usize = 64;

/// Maps byte offsets of one text to code point offsets in O(1).
///
/// For a non-ASCII text it keeps, per 64-byte block, the code points before the block and a
/// bit per byte that is a UTF-8 continuation byte; an offset is then the block's count plus
/// the char starts before it in its block (one popcount). An ASCII text needs no index.
pub struct CharIndex {
    /// (code points before the block, continuation-byte mask); empty for ASCII text.
    blocks: Vec<(usize, u64)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharIndex {
                blocks: Vec::new(),
                len_bytes: bytes.len(),
                len_chars: bytes.len(),
            };
        }
        let mut blocks = Vec::with_capacity(bytes.len().div_ceil(BLOCK));
        let mut chars = 0;
        for chunk in bytes.chunks(BLOCK) {
            let mut mask = 0u64;
            let mut words = chunk.chunks_exact(8);
            for (k, word) in words.by_ref().enumerate() {
                let mut w = [0u8; 8];
                w.copy_from_slice(word);
                mask |= continuation_bits(u64::from_le_bytes(w)) << (8 * k);
            }
            let done = chunk.len() - words.remainder().len();
            for (k, &b) in words.remainder().iter().enumerate() {
                mask |= u64::from(b & 0xC0 == 0x80) << (done + k);
            }
            blocks.push((chars, mask));
            chars += chunk.len() - mask.count_ones() as usize;
        }
        CharIndex {
            blocks,
            len_bytes: bytes.len(),
            len_chars: chars,
        }
    }

    /// The code point offset of byte offset `byte` (clamped to the text; a byte inside a
    /// multi-byte char maps to that char's start).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        if self.blocks.is_empty() {
            return byte;
        }
        let Some(&(before, mask)) = self.blocks.get(byte / BLOCK) else {
            // The end of a text whose length is a multiple of the block size.
            return self.len_chars;
        };
        let bit = byte % BLOCK;
        let continuations = (mask & ((1u64 << bit) - 1)).count_ones() as usize;
        // Char starts before `byte`; inside a char, that char's start is one of them.
        let starts = before + bit - continuations;
        if (mask >> bit) & 1 == 1 {
            starts.saturating_sub(1)
        } else {
            starts
        }
    }
}

/// A bit per byte of the little-endian word `w` (byte k -> bit k): whether it is a UTF-8
/// continuation byte (0b10xx_xxxx). ASCII words, the common case, cost one test.
fn continuation_bits(w: u64) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    if w & HI == 0 {
        return 0;
    }
    // High bit set and the next bit clear, moved to bit 0 of each byte, then gathered.
    let cont = (w & !(w << 1) & HI) >> 7;
    cont.wrapping_mul(0x0102_0408_1020_4080) >> 56
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    /// The reference: the chars that end at or before `byte` (inside a char: its index).
    fn slow(text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        text.char_indices()
            .take_while(|&(b, c)| b + c.len_utf8() <= byte)
            .count()
    }

    #[test]
    fn maps_every_char_boundary() {
        let long = "ab — ĉ ".repeat(40);
        for text in [
            "",
            "plain ascii",
            "Kɑbul — 13 killed in Hawīja 😀 ok",
            "ééé",
            long.as_str(),
        ] {
            let idx = CharIndex::new(text);
            for (n, (b, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.char_offset(b), n, "{text:?} byte {b}");
            }
            assert_eq!(idx.char_offset(text.len()), text.chars().count());
            assert_eq!(idx.char_offset(text.len() + 10), text.chars().count());
        }
    }

    #[test]
    fn continuation_bits_match_a_byte_loop() {
        for text in [
            "abcdefgh",
            "é—😀xyzé",
            "\u{80}\u{800}\u{10000}ab",
            "😀😀",
            "ÿÿÿÿ",
        ] {
            let b = text.as_bytes();
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[..8]);
            let want = (0..8).fold(0u64, |m, k| m | (u64::from(b[k] & 0xC0 == 0x80) << k));
            assert_eq!(
                super::continuation_bits(u64::from_le_bytes(w)),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn bytes_inside_a_char_map_to_its_start() {
        // Block edges fall inside multi-byte chars here (a 3-byte dash every 7 bytes).
        let text = "x — 😀 é".repeat(30);
        let idx = CharIndex::new(&text);
        for b in 0..=text.len() + 1 {
            assert_eq!(idx.char_offset(b), slow(&text, b), "byte {b}");
        }
        // A 64-byte text of 2-byte chars ends exactly at a block edge.
        let even = "é".repeat(32);
        assert_eq!(CharIndex::new(&even).char_offset(64), 32);
        assert_eq!(CharIndex::new(&even).char_offset(63), 31);
    }
}
