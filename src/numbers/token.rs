//! Numbers' view of the document's one token stream ([`crate::text::tokens`]): the scanner
//! walks it forwards and backwards from any char boundary, reading each stream word as the
//! finer pieces number grammar needs ("F-16s" is the stream's "F", "-", "16s"; here "16s" is
//! the digits "16" and the letters "s"). No token list of its own: a piece is cut from the
//! stream token that holds it when the walk reaches it.
//!
//! The pieces of a stream word: runs of ASCII digits; runs of letters (ASCII or not) with
//! an apostrophe inside when an ASCII letter follows it (walking forwards) or precedes it
//! (backwards), as in "o'clock", "l'Aquila"; any other char (a digit of another script, an
//! apostrophe after a digit) alone. Punctuation tokens are pieces as they are.

use crate::text::tokens::{self, Token};
use std::cell::Cell;
use std::ops::Deref;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (ASCII or not), with inner apostrophes ("o'clock").
    Word,
    /// ASCII digits only; separators are read by the literal lexer.
    Digits,
    /// One other character.
    Punct,
}

/// A token: byte range into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its class.
    pub kind: TokKind,
    /// A blank line separates this token from the one the walk came from.
    pub broken: bool,
}

impl Tok {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A text with its token stream, as the scanner reads it. Derefs to the text, so the
/// literal lexer and the kind tables read it as a `&str`.
pub struct Src<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The index of the stream token the last walk ended in: walks stay near each other,
    /// so most steps find their token without a search.
    hint: Cell<usize>,
}

impl Deref for Src<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.text
    }
}

impl<'a> Src<'a> {
    /// The text `text` read through its token stream `toks` (from
    /// [`crate::text::tokens::tokenize`] of the same text).
    pub fn new(text: &'a str, toks: &'a [Token]) -> Src<'a> {
        Src {
            text,
            toks,
            hint: Cell::new(0),
        }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Index of the first stream token that ends after byte `pos` (`toks.len()` if none).
    fn first_ending_after(&self, pos: usize) -> usize {
        let toks = self.toks;
        let fits = |i: usize| {
            toks.get(i).is_some_and(|t| t.end > pos)
                && (i == 0 || toks.get(i - 1).is_some_and(|t| t.end <= pos))
        };
        let h = self.hint.get();
        let i = if fits(h) {
            h
        } else if fits(h + 1) {
            h + 1
        } else if h > 0 && fits(h - 1) {
            h - 1
        } else {
            toks.partition_point(|t| t.end <= pos)
        };
        self.hint.set(i);
        i
    }
}

/// Is `c` a letter that belongs to a word?
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The char starting at byte `i` (which must be a char boundary), if any.
pub fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char ending at byte `i` (a char boundary), if any.
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Two line breaks or more in `text[a..b]` (white space between two tokens).
fn blank_line(text: &str, a: usize, b: usize) -> bool {
    text.as_bytes()
        .get(a..b)
        .is_some_and(|s| s.iter().filter(|&&c| c == b'\n').nth(1).is_some())
}

/// The piece of a stream token that starts at byte `from`, ending by `end` (the token's end).
fn piece_from(text: &str, from: usize, end: usize) -> (usize, TokKind) {
    let bytes = text.as_bytes();
    let mut i = from;
    if bytes.get(i).is_some_and(u8::is_ascii_digit) {
        while i < end && bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        return (i, TokKind::Digits);
    }
    let Some(c) = char_at(text, i) else {
        return (end, TokKind::Punct);
    };
    if !is_letter(c) {
        return (i + c.len_utf8(), TokKind::Punct);
    }
    i += c.len_utf8();
    while i < end {
        // ASCII letters without decoding: most words.
        if bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        let inner_apostrophe = is_apostrophe(c)
            && char_at(text, i + c.len_utf8()).is_some_and(|d| d.is_ascii_alphabetic());
        if !(is_letter(c) || inner_apostrophe) {
            break;
        }
        i += c.len_utf8();
    }
    (i, TokKind::Word)
}

/// The piece of a stream token that ends at byte `to`, starting at `start` or after it.
fn piece_to(text: &str, start: usize, to: usize) -> (usize, TokKind) {
    let bytes = text.as_bytes();
    let mut i = to;
    if i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit) {
        while i > start && bytes.get(i - 1).is_some_and(u8::is_ascii_digit) {
            i -= 1;
        }
        return (i, TokKind::Digits);
    }
    let Some(c) = char_before(text, i) else {
        return (start, TokKind::Punct);
    };
    i -= c.len_utf8();
    if !is_letter(c) {
        return (i, TokKind::Punct);
    }
    while i > start {
        let Some(c) = char_before(text, i) else {
            break;
        };
        let inner_apostrophe = is_apostrophe(c)
            && char_before(text, i - c.len_utf8()).is_some_and(|d| d.is_ascii_alphabetic());
        if !(is_letter(c) || inner_apostrophe) {
            break;
        }
        i -= c.len_utf8();
    }
    (i, TokKind::Word)
}

/// The next token at or after byte `pos` (a char boundary).
pub fn next_token(src: &Src<'_>, pos: usize) -> Option<Tok> {
    let t = src.toks.get(src.first_ending_after(pos))?;
    let from = t.start.max(pos);
    let (end, kind) = piece_from(src.text, from, t.end);
    Some(Tok {
        start: from,
        end,
        kind,
        broken: blank_line(src.text, pos, from),
    })
}

/// The token that ends at or before byte `pos` (a char boundary).
pub fn prev_token(src: &Src<'_>, pos: usize) -> Option<Tok> {
    let i = src.first_ending_after(pos);
    // The token holding `pos` inside it, else the one before.
    let t = match src.toks.get(i) {
        Some(t) if t.start < pos => t,
        _ => src.toks.get(i.checked_sub(1)?)?,
    };
    let to = t.end.min(pos);
    let (start, kind) = piece_to(src.text, t.start, to);
    Some(Tok {
        start,
        end: to,
        kind,
        broken: blank_line(src.text, to, pos),
    })
}

/// Lower-cases an ASCII word into `buf` (curly apostrophes become `'`); `None` if the word
/// is too long or not ASCII, which no table word is.
pub fn lower<'b>(text: &'b str, tok: Tok, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let s = text.get(tok.start..tok.end)?;
    // Most words are already lower-case ASCII: borrow them, no copy.
    if is_plain_lower(s) {
        return Some(s);
    }
    let mut n = 0;
    for c in s.chars() {
        let b = if c == '\u{2019}' {
            b'\''
        } else if c.is_ascii() {
            (c as u8).to_ascii_lowercase()
        } else {
            return None;
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

/// Is `s` lower-case ASCII without a curly apostrophe, short enough for [`lower`]'s buffer
/// (then it is its own lower-case form)?
pub fn is_plain_lower(s: &str) -> bool {
    s.len() <= 32 && s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Does the token's text equal `word` (ASCII, lower case), ignoring case?
#[inline]
pub fn is_word(text: &str, tok: Tok, word: &str) -> bool {
    let t = tok.text(text);
    t.len() == word.len() && t.eq_ignore_ascii_case(word)
}

/// Are two tokens touching (no white space between)?
pub fn touching(a: Tok, b: Tok) -> bool {
    a.end == b.start
}

/// A table phrase cut into the pieces a text is read in ("p.m." is "p", ".", "m", "."),
/// once, so matching it costs a comparison per piece.
#[derive(Debug, Clone)]
pub struct Phrase {
    pieces: Box<[(TokKind, Box<str>)]>,
}

impl Phrase {
    /// Cuts `phrase` as a text is cut: its stream tokens, then their pieces.
    pub fn new(phrase: &str) -> Phrase {
        let toks = tokens::tokenize_one(phrase);
        let src = Src::new(phrase, &toks);
        let mut pieces = Vec::new();
        let mut p = 0;
        while let Some(t) = next_token(&src, p) {
            pieces.push((t.kind, t.text(phrase).into()));
            p = t.end;
        }
        Phrase {
            pieces: pieces.into(),
        }
    }

    /// Compiles every phrase of a table, in table order.
    pub fn all<'p>(phrases: impl IntoIterator<Item = &'p str>) -> Vec<Phrase> {
        phrases.into_iter().map(Phrase::new).collect()
    }

    /// Its first piece, lower case (curly apostrophes straight): a lookup key.
    pub fn first_key(&self) -> Option<String> {
        self.pieces.first().map(|(_, s)| key(s))
    }

    /// Its last piece as a lookup key.
    pub fn last_key(&self) -> Option<String> {
        self.pieces.last().map(|(_, s)| key(s))
    }
}

fn key(s: &str) -> String {
    s.to_lowercase().replace('\u{2019}', "'")
}

/// Matches `phrase` (compared by piece ignoring case and white space, not across a blank
/// line) forwards from byte `pos`; returns the end of the match.
pub fn match_fwd(src: &Src<'_>, pos: usize, phrase: &Phrase) -> Option<usize> {
    let mut t = pos;
    for (kind, piece) in phrase.pieces.iter() {
        let tt = next_token(src, t)?;
        if tt.broken || tt.kind != *kind || !same(tt.text(src.text), piece) {
            return None;
        }
        t = tt.end;
    }
    Some(t)
}

/// Matches `phrase` backwards so that it ends right before byte `pos`; returns its start.
pub fn match_back(src: &Src<'_>, pos: usize, phrase: &Phrase) -> Option<usize> {
    let mut t = pos;
    for (kind, piece) in phrase.pieces.iter().rev() {
        let tt = prev_token(src, t)?;
        if tt.broken || tt.kind != *kind || !same(tt.text(src.text), piece) {
            return None;
        }
        t = tt.start;
    }
    Some(t)
}

/// The word `word` (ASCII, lower case) right after `pos`, not past a blank line: its end.
pub fn word_fwd(src: &Src<'_>, pos: usize, word: &str) -> Option<usize> {
    next_token(src, pos)
        .filter(|t| !t.broken && t.kind == TokKind::Word && same(t.text(src.text), word))
        .map(|t| t.end)
}

/// The word `word` (ASCII, lower case) right before `pos`, not past a blank line: its start.
pub fn word_back(src: &Src<'_>, pos: usize, word: &str) -> Option<usize> {
    prev_token(src, pos)
        .filter(|t| !t.broken && t.kind == TokKind::Word && same(t.text(src.text), word))
        .map(|t| t.start)
}

/// Case-insensitive comparison that treats a curly apostrophe as a straight one.
fn same(a: &str, b: &str) -> bool {
    if a.len() == b.len() {
        return a.eq_ignore_ascii_case(b);
    }
    let mut x = a.chars().map(norm_apos);
    let mut y = b.chars().map(norm_apos);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(c), Some(d)) if c.eq_ignore_ascii_case(&d) => {}
            _ => return false,
        }
    }
}

fn norm_apos(c: char) -> char {
    if c == '\u{2019}' {
        '\''
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_src<R>(t: &str, f: impl FnOnce(&Src<'_>) -> R) -> R {
        let toks = tokens::tokenize_one(t);
        f(&Src::new(t, &toks))
    }

    fn forwards(src: &Src<'_>, from: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut p = from;
        while let Some(k) = next_token(src, p) {
            out.push(k.text(src).to_string());
            p = k.end;
        }
        out
    }

    fn backwards(src: &Src<'_>, to: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut p = to;
        while let Some(k) = prev_token(src, p) {
            out.push(k.text(src).to_string());
            p = k.start;
        }
        out.reverse();
        out
    }

    #[test]
    fn walks_both_ways() {
        let t = "At least 1,633 o’clock—F-16s. 1990's Hawīja ٣";
        with_src(t, |src| {
            let toks = forwards(src, 0);
            assert_eq!(
                toks,
                [
                    "At",
                    "least",
                    "1",
                    ",",
                    "633",
                    "o’clock",
                    "—",
                    "F",
                    "-",
                    "16",
                    "s",
                    ".",
                    "1990",
                    "'",
                    "s",
                    "Hawīja",
                    "٣"
                ]
            );
            assert_eq!(toks, backwards(src, t.len()));
        });
    }

    #[test]
    fn starts_inside_a_stream_word_and_in_white_space() {
        let t = "the F16s and  2.3m";
        with_src(t, |src| {
            assert_eq!(forwards(src, 5), ["16", "s", "and", "2", ".", "3", "m"]);
            assert_eq!(backwards(src, 7), ["the", "F", "16"]);
            // From inside the white space.
            assert_eq!(forwards(src, 13), ["2", ".", "3", "m"]);
            assert_eq!(backwards(src, 13), ["the", "F", "16", "s", "and"]);
        });
    }

    #[test]
    fn blank_lines_break_the_walk() {
        let t = "one\n\nat least 5\nmore";
        with_src(t, |src| {
            let at = next_token(src, 3);
            assert!(at.is_some_and(|k| k.broken && k.text(t) == "at"));
            let five = t.find('5').unwrap_or(0);
            assert!(next_token(src, five + 1).is_some_and(|k| !k.broken));
            assert!(prev_token(src, 5).is_some_and(|k| k.broken && k.text(t) == "one"));
        });
    }

    #[test]
    fn phrases() {
        let t = "killed AT  LEAST\n13 at 2 p.m. today";
        with_src(t, |src| {
            assert_eq!(match_back(src, 17, &Phrase::new("at least")), Some(7));
            let pm = t.find("p.m.").unwrap_or(0);
            assert_eq!(match_fwd(src, pm - 1, &Phrase::new("p.m.")), Some(pm + 4));
            assert_eq!(match_fwd(src, pm - 1, &Phrase::new("pm")), None);
            assert_eq!(word_back(src, 17, "least"), Some(11));
            assert_eq!(word_fwd(src, 17, "13"), None);
        });
        with_src("one\n\nat least 5", |src| {
            assert_eq!(match_back(src, 14, &Phrase::new("one at least")), None);
            assert_eq!(match_back(src, 14, &Phrase::new("at least")), Some(5));
        });
        let p = Phrase::new("o’clock");
        assert_eq!(p.first_key().as_deref(), Some("o'clock"));
    }
}
