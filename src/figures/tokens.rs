//! Word tokens of one sentence, classified once: word classes and trigger matches.
//!
//! Only sentences that hold a number are tokenised, into a buffer reused between sentences,
//! so the cost follows the numbers, not the length of the text.

use super::lexicon::{self, is, ByteMap, Class};
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

/// The char at byte `i` of `s` (a char boundary) and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits `text[range]` into tokens (appended to `out`, which is cleared first).
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    out.clear();
    let Some(s) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some((c, cl)) = char_at(s, i) {
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if c.is_alphanumeric() {
            let digits = c.is_ascii_digit();
            let mut end = i + cl;
            loop {
                // ASCII letters and digits run on without decoding.
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let Some((d, dl)) = char_at(s, end) else {
                    break;
                };
                if d.is_alphanumeric() {
                    end += dl;
                    continue;
                }
                // Inner joiners: "forty-three", "1,633", "2.5", "U.S.", "men's".
                if matches!(d, '-' | '\'' | '’' | ',' | '.') {
                    let after = char_at(s, end + dl).map(|(a, _)| a);
                    let joins = match (d, after) {
                        (',', Some(a)) => digits && a.is_ascii_digit(),
                        ('.', Some(a)) => a.is_alphanumeric() && (digits == a.is_ascii_digit()),
                        (_, Some(a)) => a.is_alphanumeric(),
                        _ => false,
                    };
                    if joins {
                        end += dl;
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
                month_like: false,
                starts_trigger: false,
                trigger_rows: 0,
            });
            i = end;
        } else {
            out.push(Tok {
                start: base + i,
                end: base + i + cl,
                shape: Shape::Punct(normalise_punct(c)),
                class: 0,
                trigger: None,
                number: false,
                month_like: false,
                starts_trigger: false,
                trigger_rows: 0,
            });
            i += cl;
        }
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
