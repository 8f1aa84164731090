//! Word tokens of one sentence, classified once: word classes and trigger matches.
//!
//! Only sentences that hold a number are tokenised, into a buffer reused between sentences,
//! so the cost follows the numbers, not the length of the text.

use super::lexicon::{self, Class};
use super::triggers::{self, TriggerMatch};
use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Letters (may hold digits, hyphens, apostrophes, inner full stops).
    Word,
    /// Starts with a digit ("13", "1,633", "2.5").
    Digits,
    /// One punctuation character.
    Punct(char),
}

/// One token with its byte range and what the lexicon knows of it.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Word, digits or punctuation.
    pub shape: Shape,
    /// Word classes (bit set of [`Class`]).
    pub class: Class,
    /// The longest trigger phrase that starts here.
    pub trigger: Option<TriggerMatch>,
    /// Whether the token lies inside a number mention.
    pub number: bool,
}

impl Tok {
    /// Whether the token is the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.shape == Shape::Punct(c)
    }

    /// Whether the token is any punctuation.
    pub fn is_any_punct(&self) -> bool {
        matches!(self.shape, Shape::Punct(_))
    }

    /// Whether the token has all of the classes in `c`.
    pub fn has(&self, c: Class) -> bool {
        self.class & c == c && c != 0
    }

    /// Whether the token has any of the classes in `c`.
    pub fn any(&self, c: Class) -> bool {
        self.class & c != 0
    }
}

/// Splits `text[range]` into tokens (appended to `out`, which is cleared first).
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    out.clear();
    let Some(s) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let digits = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // Inner joiners: "forty-three", "1,633", "2.5", "U.S.", "men's".
                if matches!(d, '-' | '\'' | '’' | ',' | '.') {
                    let after = s[j + d.len_utf8()..].chars().next();
                    let joins = match (d, after) {
                        (',', Some(a)) => digits && a.is_ascii_digit(),
                        ('.', Some(a)) => a.is_alphanumeric() && (digits == a.is_ascii_digit()),
                        (_, Some(a)) => a.is_alphanumeric(),
                        _ => false,
                    };
                    if joins {
                        it.next();
                        continue;
                    }
                }
                break;
            }
            out.push(Tok {
                start: base + i,
                end: base + end,
                shape: if digits { Shape::Digits } else { Shape::Word },
                class: 0,
                trigger: None,
                number: false,
            });
        } else {
            out.push(Tok {
                start: base + i,
                end: base + i + c.len_utf8(),
                shape: Shape::Punct(normalise_punct(c)),
                class: 0,
                trigger: None,
                number: false,
            });
        }
    }
    for t in out.iter_mut() {
        if t.shape == Shape::Word {
            t.class = lexicon::classes(&text[t.start..t.end]);
        }
    }
    for i in 0..out.len() {
        if out[i].shape == Shape::Word {
            let m = triggers::match_at(text, out, i);
            if let Some(t) = out.get_mut(i) {
                t.trigger = m;
            }
        }
    }
}

/// Dashes of every width read as one; curly quotes as straight ones.
fn normalise_punct(c: char) -> char {
    match c {
        '–' | '—' | '―' | '‒' => '—',
        '“' | '”' | '„' => '"',
        '‘' | '’' => '\'',
        _ => c,
    }
}

/// Lower-cases an ASCII word into `buf`; None for words too long or not ASCII.
pub fn lower<'a>(word: &str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// FNV-1a: a fast hash for the short lower-case words the tables are keyed by (the
/// default SipHash is built for untrusted keys; these keys are our own tables).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map keyed by table words, hashed with [`Fnv`].
pub type WordMap<V> =
    std::collections::HashMap<&'static str, V, std::hash::BuildHasherDefault<Fnv>>;

/// The token text, or "" when out of range.
pub fn text_of<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.start..t.end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, 0..s.len(), &mut v);
        v.iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn keeps_numbers_and_hyphenated_words_whole() {
        assert_eq!(
            words("forty-three killed, 1,633 hurt; U.S. men's 2.5."),
            vec![
                "forty-three",
                "killed",
                ",",
                "1,633",
                "hurt",
                ";",
                "U.S",
                ".",
                "men's",
                "2.5",
                "."
            ]
        );
    }

    #[test]
    fn handles_non_ascii() {
        assert_eq!(
            words("Hawīja — 13 “dead”"),
            vec!["Hawīja", "—", "13", "“", "dead", "”"]
        );
    }
}
