//! The one token stream of a document: words and punctuation with their byte ranges, shape
//! and sentence, found once per document ([`super::Document::tokens`], on first use). The stages read it
//! instead of scanning the text again: places take its words (`places::detect`), figures
//! the tokens of a sentence (`figures::tokens`), each adding its own word classes.
//!
//! A word is a run of letters and digits of any script, with a straight or curly apostrophe
//! between two of them ("Sana'a", "men's", "o’clock"); every other char but white space is a
//! punctuation token of its own, so a stage that joins more ("1,633", "forty-three",
//! "a‘b") joins touching tokens.

use std::ops::Range;

/// Shape bits of a token ([`Token::flags`]).
pub type Flags = u8;

/// A word that starts with an upper-case letter.
pub const CAP: Flags = 1 << 0;
/// A word whose letters are all upper case, two letters or more.
pub const CAPS: Flags = 1 << 1;
/// The whole token is ASCII (a word's possessive included).
pub const ASCII: Flags = 1 << 2;
/// A word that starts with an ASCII digit.
pub const DIGIT: Flags = 1 << 3;
/// A line break stands in the white space right before the token.
pub const NEWLINE_BEFORE: Flags = 1 << 4;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner apostrophes.
    Word,
    /// One other char that is not white space (as written).
    Punct(char),
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset after the token.
    pub end: usize,
    /// For a word, the end without a possessive "'s" ("Baghdad's" -> "Baghdad"); else `end`.
    pub stem_end: usize,
    /// Word or punctuation.
    pub kind: Kind,
    /// Shape bits: [`CAP`], [`CAPS`] (of the word without its possessive), [`ASCII`],
    /// [`DIGIT`], [`NEWLINE_BEFORE`].
    pub flags: Flags,
    /// Index of the sentence that holds its first byte.
    pub sentence: usize,
}

impl Token {
    /// Whether the token has the shape bit(s) `f`.
    #[inline]
    pub fn has(&self, f: Flags) -> bool {
        self.flags & f != 0
    }

    /// Whether the token is a word.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// Bytes that are ASCII letters and digits (one load per byte in the word loop).
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// [`ASCII_CLASS`] of a line break.
const NEWLINE: u8 = 1;
/// [`ASCII_CLASS`] of other white space (as `char::is_whitespace`: tab to carriage return,
/// space).
const SPACE: u8 = 2;
/// [`ASCII_CLASS`] of letters and digits.
const WORD: u8 = 3;

/// What each ASCII byte is to the tokenizer (0: punctuation).
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c == b'\n' {
            NEWLINE
        } else if matches!(c, b'\t' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Where sentence `sent` ends, the point where the next token's index moves on; never for
/// the last sentence, which holds the rest.
fn sentence_end(sentences: &[Range<usize>], sent: usize) -> usize {
    if sent + 1 < sentences.len() {
        sentences.get(sent).map_or(usize::MAX, |r| r.end)
    } else {
        usize::MAX
    }
}

/// The char at byte `i` and its length (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Whether `c` belongs to a word: a letter or digit of any script.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Splits `text` into tokens; `sentences` (in order, covering the text) give each its
/// sentence index.
pub fn tokenize(text: &str, sentences: &[Range<usize>]) -> Vec<Token> {
    let bytes = text.as_bytes();
    // News runs about one token per five bytes.
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    // The sentence of the next token, and the end of that sentence (past the last one:
    // never) where the index moves on.
    let mut sent = 0;
    let mut sent_end = sentence_end(sentences, sent);
    let mut newline = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII white space costs one table load; other chars are decoded.
        let (c, cl) = if b < 0x80 {
            match ASCII_CLASS[usize::from(b)] {
                SPACE => {
                    i += 1;
                    continue;
                }
                NEWLINE => {
                    newline = true;
                    i += 1;
                    continue;
                }
                _ => (char::from(b), 1),
            }
        } else {
            let Some((c, cl)) = char_at(text, i) else {
                break;
            };
            // (No line break outside ASCII.)
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            (c, cl)
        };
        if i >= sent_end {
            while sent + 1 < sentences.len() && sentences.get(sent).is_some_and(|r| r.end <= i) {
                sent += 1;
            }
            sent_end = sentence_end(sentences, sent);
        }
        let start = i;
        let mut flags = if newline { NEWLINE_BEFORE } else { 0 };
        newline = false;
        if !is_word_char(c) {
            if c.is_ascii() {
                flags |= ASCII;
            }
            i += cl;
            out.push(Token {
                start,
                end: i,
                stem_end: i,
                kind: Kind::Punct(c),
                flags,
                sentence: sent,
            });
            continue;
        }
        let mut ascii = c.is_ascii();
        let mut j = i + cl;
        loop {
            while bytes.get(j).is_some_and(|&b| ASCII_WORD[usize::from(b)]) {
                j += 1;
            }
            let Some((d, dl)) = char_at(text, j) else {
                break;
            };
            if !d.is_ascii() && d.is_alphanumeric() {
                ascii = false;
                j += dl;
            } else if (d == '\'' || d == '’')
                && char_at(text, j + dl).is_some_and(|(a, _)| is_word_char(a))
            {
                ascii &= d.is_ascii();
                j += dl;
            } else {
                break;
            }
        }
        i = j;
        let stem_end = possessive_stem(text, start, j);
        if ascii {
            flags |= ASCII;
        }
        if bytes.get(start).is_some_and(u8::is_ascii_digit) {
            flags |= DIGIT;
        }
        flags |= case(text.get(start..stem_end).unwrap_or(""), ascii);
        out.push(Token {
            start,
            end: j,
            stem_end,
            kind: Kind::Word,
            flags,
            sentence: sent,
        });
    }
    out
}

/// [`tokenize`] of a short text read as one sentence: a table phrase, a number typed into a
/// form, a line.
pub fn tokenize_one(text: &str) -> Vec<Token> {
    tokenize(text, std::slice::from_ref(&(0..text.len())))
}

/// The end of the word `text[start..end]` without a possessive "'s" (at least two chars
/// before it); `end` when it has none.
#[inline]
pub fn possessive_stem(text: &str, start: usize, end: usize) -> usize {
    // Only a word that ends in "s" can have one (this runs for every word).
    if !matches!(text.as_bytes().get(end.wrapping_sub(1)), Some(b's' | b'S')) {
        return end;
    }
    let word = text.get(start..end).unwrap_or("");
    for suffix in ["'s", "’s", "'S", "’S"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            return end - suffix.len();
        }
    }
    end
}

/// [`CAP`] and [`CAPS`] of a word; `ascii`: the word is ASCII (read without decoding).
#[inline]
pub fn case(word: &str, ascii: bool) -> Flags {
    let flag = |b: bool, f: Flags| if b { f } else { 0 };
    if ascii {
        let b = word.as_bytes();
        let first = b.first().copied().unwrap_or(b'a');
        if first.is_ascii_lowercase() {
            // Most words: neither capitalised nor in capitals.
            return 0;
        }
        let mut letters = 0;
        let mut lower = false;
        for &c in b {
            letters += usize::from(c.is_ascii_alphabetic());
            lower |= c.is_ascii_lowercase();
        }
        flag(first.is_ascii_uppercase(), CAP) | flag(letters >= 2 && !lower, CAPS)
    } else {
        let first = word.chars().next();
        let letters = word.chars().filter(|c| c.is_alphabetic());
        flag(first.is_some_and(char::is_uppercase), CAP)
            | flag(
                letters.clone().count() >= 2 && letters.clone().all(|c| !c.is_lowercase()),
                CAPS,
            )
    }
}

/// The words of a short slice `s` cut at their inner apostrophes: the runs of letters and
/// digits ("men's" gives "men", "s"). These are the stream's words of `s` so cut (a test
/// holds them equal) without building a token list: for a check that reads a few words of
/// one sentence or clause as plain strings.
pub fn alnum_runs(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// The tokens whose first byte lies in `range` (a slice of `tokens`, found by binary search).
pub fn within(tokens: &[Token], range: Range<usize>) -> &[Token] {
    let a = tokens.partition_point(|t| t.start < range.start);
    let b = tokens.partition_point(|t| t.start < range.end);
    tokens.get(a..b.max(a)).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        tokenize(s, &crate::text::sentences::split(s))
    }

    fn words(s: &str) -> Vec<&str> {
        toks(s)
            .iter()
            .map(|t| s.get(t.start..t.end).unwrap_or("?"))
            .collect()
    }

    #[test]
    fn ascii_classes_agree_with_char() {
        for b in 0u8..128 {
            let c = char::from(b);
            let class = ASCII_CLASS[usize::from(b)];
            assert_eq!(class == NEWLINE || class == SPACE, c.is_whitespace(), "{b}");
            assert_eq!(class == WORD, is_word_char(c), "{b}");
        }
    }

    #[test]
    fn words_punctuation_and_apostrophes() {
        assert_eq!(
            words("Sana'a: 1,633 men’s F-16s. Workers' o'clock"),
            vec![
                "Sana'a", ":", "1", ",", "633", "men’s", "F", "-", "16s", ".", "Workers", "'",
                "o'clock"
            ]
        );
        assert_eq!(
            words("Hawīja — 13 “dead”"),
            vec!["Hawīja", "—", "13", "“", "dead", "”"]
        );
    }

    #[test]
    fn alnum_runs_are_the_stream_words_cut_at_apostrophes() {
        for s in [
            "",
            "Sana'a: 1,633 men’s F-16s. Workers' o'clock",
            "Ça va? 12 morts à Gaza—déjà; x a\u{2019}b ١٢٣ 東京",
        ] {
            let cut: Vec<&str> = toks(s)
                .iter()
                .filter(|t| t.is_word())
                .filter_map(|t| s.get(t.start..t.end))
                .flat_map(|w| w.split(['\'', '’']))
                .collect();
            assert_eq!(alnum_runs(s).collect::<Vec<_>>(), cut, "{s:?}");
        }
    }

    #[test]
    fn shape_possessive_sentence_and_lines() {
        let s = "BAGHDAD\nIraq's 3 dead. Then";
        let t = toks(s);
        let get = |k: usize| t.get(k).copied();
        assert!(get(0).is_some_and(|t| t.has(CAP) && t.has(CAPS) && !t.has(NEWLINE_BEFORE)));
        let iraq = get(1).unwrap_or(t[0]);
        assert!(iraq.has(NEWLINE_BEFORE) && iraq.has(CAP) && !iraq.has(CAPS));
        assert_eq!(s.get(iraq.start..iraq.stem_end), Some("Iraq"));
        assert!(get(2).is_some_and(|t| t.has(DIGIT)));
        assert_eq!(get(5).map(|t| t.sentence), Some(1));
        assert_eq!(within(&t, 0..7).len(), 1);
    }
}
