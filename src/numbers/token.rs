//! A tiny on-demand tokenizer: the scanner walks words, digit runs and punctuation forwards
//! and backwards from any char boundary, so it never builds a token list for the whole text.

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

/// Is `c` white space between tokens (ASCII or Unicode: no-break and thin spaces)?
fn is_space(c: char) -> bool {
    c.is_whitespace()
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

/// The next token at or after byte `pos` (a char boundary).
pub fn next_token(text: &str, pos: usize) -> Option<Tok> {
    let bytes = text.as_bytes();
    let mut i = pos;
    let mut newlines = 0u32;
    // Skip white space, counting line breaks to notice blank lines.
    loop {
        let b = *bytes.get(i)?;
        if b == b'\n' {
            newlines += 1;
            i += 1;
        } else if b == b' ' || b == b'\t' || b == b'\r' {
            i += 1;
        } else if b < 0x80 {
            break;
        } else {
            let c = char_at(text, i)?;
            if is_space(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
    }
    let broken = newlines >= 2;
    let b = *bytes.get(i)?;
    let start = i;
    if b.is_ascii_digit() {
        while bytes.get(i).is_some_and(|b| b.is_ascii_digit()) {
            i += 1;
        }
        return Some(Tok {
            start,
            end: i,
            kind: TokKind::Digits,
            broken,
        });
    }
    if b.is_ascii_alphabetic() {
        // Fast path for ASCII words.
        while bytes.get(i).is_some_and(|b| b.is_ascii_alphabetic()) {
            i += 1;
        }
        if bytes.get(i).is_none_or(|b| *b < 0x80 && *b != b'\'') {
            return Some(Tok {
                start,
                end: i,
                kind: TokKind::Word,
                broken,
            });
        }
    }
    let c = char_at(text, i)?;
    if is_letter(c) || i > start {
        if i == start {
            i += c.len_utf8();
        }
        while let Some(c) = char_at(text, i) {
            let inner_apostrophe = is_apostrophe(c)
                && char_at(text, i + c.len_utf8()).is_some_and(|d| d.is_ascii_alphabetic());
            if !(is_letter(c) || inner_apostrophe) {
                break;
            }
            i += c.len_utf8();
        }
        return Some(Tok {
            start,
            end: i,
            kind: TokKind::Word,
            broken,
        });
    }
    Some(Tok {
        start,
        end: i + c.len_utf8(),
        kind: TokKind::Punct,
        broken,
    })
}

/// The token that ends at or before byte `pos` (a char boundary).
pub fn prev_token(text: &str, pos: usize) -> Option<Tok> {
    let bytes = text.as_bytes();
    let mut i = pos.min(bytes.len());
    let mut newlines = 0u32;
    loop {
        if i == 0 {
            return None;
        }
        let b = bytes[i - 1];
        if b == b'\n' {
            newlines += 1;
            i -= 1;
        } else if b == b' ' || b == b'\t' || b == b'\r' {
            i -= 1;
        } else if b < 0x80 {
            break;
        } else {
            let c = char_before(text, i)?;
            if is_space(c) {
                i -= c.len_utf8();
            } else {
                break;
            }
        }
    }
    let broken = newlines >= 2;
    let end = i;
    let b = bytes[i - 1];
    if b.is_ascii_digit() {
        while i > 0 && bytes[i - 1].is_ascii_digit() {
            i -= 1;
        }
        return Some(Tok {
            start: i,
            end,
            kind: TokKind::Digits,
            broken,
        });
    }
    let c = char_before(text, i)?;
    if is_letter(c) {
        i -= c.len_utf8();
        while let Some(c) = char_before(text, i) {
            if is_letter(c) {
                i -= c.len_utf8();
            } else if is_apostrophe(c) {
                let j = i - c.len_utf8();
                if char_before(text, j).is_some_and(|d| d.is_ascii_alphabetic()) {
                    i = j;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return Some(Tok {
            start: i,
            end,
            kind: TokKind::Word,
            broken,
        });
    }
    Some(Tok {
        start: i - c.len_utf8(),
        end,
        kind: TokKind::Punct,
        broken,
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

/// Matches `phrase` (words and punctuation, compared by token ignoring case and white space)
/// forwards from byte `pos`; returns the end of the match.
pub fn match_fwd(text: &str, pos: usize, phrase: &str) -> Option<usize> {
    let mut p = 0;
    let mut t = pos;
    loop {
        let Some(pt) = next_token(phrase, p) else {
            return Some(t);
        };
        let tt = next_token(text, t)?;
        if tt.broken || tt.kind != pt.kind || !same(tt.text(text), pt.text(phrase)) {
            return None;
        }
        p = pt.end;
        t = tt.end;
    }
}

/// Matches `phrase` backwards so that it ends right before byte `pos`; returns its start.
pub fn match_back(text: &str, pos: usize, phrase: &str) -> Option<usize> {
    let mut p = phrase.len();
    let mut t = pos;
    loop {
        let Some(pt) = prev_token(phrase, p) else {
            return Some(t);
        };
        let tt = prev_token(text, t)?;
        if tt.broken || tt.kind != pt.kind || !same(tt.text(text), pt.text(phrase)) {
            return None;
        }
        p = pt.start;
        t = tt.start;
    }
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

    #[test]
    fn walks_both_ways() {
        let t = "At least 1,633 o’clock—F-16s.";
        let mut toks = Vec::new();
        let mut p = 0;
        while let Some(k) = next_token(t, p) {
            toks.push(k.text(t).to_string());
            p = k.end;
        }
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
                "."
            ]
        );
        let mut back = Vec::new();
        let mut p = t.len();
        while let Some(k) = prev_token(t, p) {
            back.push(k.text(t).to_string());
            p = k.start;
        }
        back.reverse();
        assert_eq!(toks, back);
    }

    #[test]
    fn phrases() {
        let t = "killed AT  LEAST\n13 at 2 p.m. today";
        assert_eq!(match_back(t, 17, "at least"), Some(7));
        let pm = t.find("p.m.").unwrap_or(0);
        assert_eq!(match_fwd(t, pm - 1, "p.m."), Some(pm + 4));
        assert_eq!(match_fwd(t, pm - 1, "pm"), None);
        assert_eq!(match_back("one\n\nat least 5", 14, "one at least"), None);
    }
}
