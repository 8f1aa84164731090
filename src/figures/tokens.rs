//! Word tokens of one sentence, classified once: word classes and trigger matches.
//!
//! The tokens are the document's ([`crate::text::tokens`]) with the joiners of figures
//! applied ("1,633", "forty-three"). Only sentences that hold a number are classified, into a
//! buffer reused between sentences, so the cost follows the numbers, not the length of the
//! text.

use super::lexicon::{self, is, ByteMap, Class};
use super::triggers::{self, TriggerMatch};
use crate::text::tokens as text_tokens;
use crate::text::Document;
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
    /// A capitalised month name ("May"), never the modal "may".
    pub month_like: bool,
    /// Some trigger phrase starts with this word.
    pub starts_trigger: bool,
    /// 1 + the index of the trigger rows starting with this word in
    /// [`triggers::groups`] (0: none).
    pub trigger_rows: u16,
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

/// The tokens of `doc.text[range]` (a sentence), appended to `out` (cleared first): the
/// document's tokens ([`crate::text::tokens`]) with touching words joined across inner
/// joiners ("forty-three", "1,633", "2.5", "U.S"), then classified.
pub fn tokenize(doc: &Document, range: Range<usize>, out: &mut Vec<Tok>) {
    out.clear();
    let text = doc.text;
    let toks = text_tokens::within(doc.tokens(), range);
    let blank = |start: usize, end: usize, shape: Shape| Tok {
        start,
        end,
        shape,
        class: 0,
        trigger: None,
        number: false,
        month_like: false,
        starts_trigger: false,
        trigger_rows: 0,
    };
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        k += 1;
        let text_tokens::Kind::Punct(c) = t.kind else {
            let digits = t.has(text_tokens::DIGIT);
            let mut end = t.end;
            // A joiner between two touching words: a hyphen always, a comma between digits,
            // a full stop between digits or between letters.
            while let (Some(p), Some(q)) = (toks.get(k), toks.get(k + 1)) {
                let text_tokens::Kind::Punct(d) = p.kind else {
                    break;
                };
                let q_digit = q.has(text_tokens::DIGIT);
                let joins = match d {
                    ',' => digits && q_digit,
                    '.' => digits == q_digit,
                    '-' | '\'' | '’' => true,
                    _ => false,
                };
                if !(joins && p.start == end && q.start == p.end && q.is_word()) {
                    break;
                }
                end = q.end;
                k += 2;
            }
            let shape = if digits { Shape::Digits } else { Shape::Word };
            out.push(blank(t.start, end, shape));
            continue;
        };
        out.push(blank(t.start, t.end, Shape::Punct(normalise_punct(c))));
    }
    // One lower-casing and one look-up per word: its classes, and whether a trigger phrase
    // starts with it (only those words are matched against the trigger table).
    let mut starts = false;
    for t in out.iter_mut() {
        if t.shape == Shape::Word {
            let w = text.get(t.start..t.end).unwrap_or("");
            let mut buf = [0u8; 32];
            if let Some(&(class, rows)) = lower_bytes(w, &mut buf).and_then(|l| words().get(l)) {
                t.class = class;
                t.month_like = t.class & lexicon::MONTH != 0 && w.starts_with(char::is_uppercase);
                t.starts_trigger = rows != 0;
                t.trigger_rows = rows;
                starts |= rows != 0;
            }
        }
    }
    if !starts {
        return;
    }
    for i in 0..out.len() {
        if out[i].starts_trigger {
            let m = match_at(text, out, i);
            if let Some(t) = out.get_mut(i) {
                t.trigger = m;
            }
        }
    }
}

/// Every table word: its classes, and (1 + the index of) the group of trigger rows that
/// start with it in [`triggers::groups`] (0: none).
fn words() -> &'static ByteMap<(lexicon::Class, u16)> {
    static W: std::sync::OnceLock<ByteMap<(lexicon::Class, u16)>> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        let mut m: ByteMap<(lexicon::Class, u16)> = ByteMap::default();
        for (w, c) in lexicon::table() {
            m.entry(w.as_bytes()).or_default().0 |= *c;
        }
        for (g, (w, _)) in triggers::groups().iter().enumerate() {
            m.entry(w.as_bytes()).or_default().1 = u16::try_from(g + 1).unwrap_or(0);
        }
        m
    })
}

/// Lower-cases a word's ASCII letters into `buf` (other bytes are kept, so a word that is
/// not ASCII matches no table key); None for words longer than any table word.
fn lower_bytes<'a>(word: &str, buf: &'a mut [u8; 32]) -> Option<&'a [u8]> {
    let b = word.as_bytes();
    let dst = buf.get_mut(..b.len())?;
    for (d, s) in dst.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(dst)
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

/// The longest trigger phrase starting at token `i` (whose `trigger_rows` names the rows
/// that start with its word).
pub fn match_at(text: &str, toks: &[Tok], i: usize) -> Option<TriggerMatch> {
    let first = toks.get(i)?;
    let rows = &triggers::groups()
        .get(usize::from(first.trigger_rows).checked_sub(1)?)?
        .1;
    'rows: for (r, rest) in rows {
        for (k, word) in rest.iter().enumerate() {
            let Some(tok) = toks.get(i + 1 + k) else {
                continue 'rows;
            };
            if tok.shape != Shape::Word || !is(text.get(tok.start..tok.end)?, word) {
                continue 'rows;
            }
        }
        return Some(TriggerMatch {
            entry: *r,
            len: (rest.len() + 1) as u8,
        });
    }
    None
}

/// Whether a word starts with an upper-case letter ("Mayor", "Ruiz").
#[inline]
pub fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The token text, or "" when out of range.
#[inline]
pub fn text_of<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.start..t.end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(&Document::new(s), 0..s.len(), &mut v);
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
