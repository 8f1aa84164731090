//! The scanner: walks the text token by token; at each digit run or number word it reads the
//! whole expression (number, range, qualifier, additive words) and classifies its kind.

use super::lexicon::PhraseIndex;
use super::literal::{self, Literal};
use super::token::{self, is_word, lower, match_back, match_fwd, next_token, prev_token, touching};
use super::token::{word_back, word_fwd, Phrase, Src, Tok, TokKind};
use super::words::{self, Role, DIGIT_SCALE_SUFFIXES};
use super::{kind, qualifiers, vague, NumberKind, NumberMention};
use crate::vocab::Qualifier;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// A number read at one position, before qualifiers, ranges and kind.
#[derive(Debug, Clone, Copy)]
struct Num {
    start: usize,
    end: usize,
    value: u64,
    /// High end of a vague word.
    high: Option<u64>,
    vague: bool,
    /// The scale word or suffix applied (1 when none): lets "2 to 3 million" share it.
    scale: u64,
    /// Written in words.
    words: bool,
    ordinal: bool,
    /// The literal, for digits.
    lit: Option<Literal>,
    /// The kind its own form gives (time, date, ordinal suffix...).
    kind: Option<NumberKind>,
    /// Letters glued to the digits that no table knows ("4x4", "3D"): an identifier.
    glued: bool,
    /// A single "one".
    lone_one: bool,
    /// Its end is a hyphenated compound head ("10-point"): checked by `kind_after`.
    currency_before: bool,
}

impl Num {
    fn plain(start: usize, end: usize, value: u64) -> Num {
        Num {
            start,
            end,
            value,
            high: None,
            vague: false,
            scale: 1,
            words: false,
            ordinal: false,
            lit: None,
            kind: None,
            glued: false,
            lone_one: false,
            currency_before: false,
        }
    }
}

/// What reading at a token gave.
enum Read {
    /// Not a number: carry on after the token.
    Nothing,
    /// Not to be emitted (an identifier like "F-16"): carry on after this byte.
    Skip(usize),
    /// A number.
    Number(Num),
}

/// Words an expression may start with ("a hundred", "half a million") that the anchor
/// search finds by the word after them.
const LEAD_IN_TARGETS: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "dozen", "couple", "few", "lakh",
    "crore",
];

/// One automaton for every place an expression can start: digits, number words and the
/// first words of vague phrases ("a", "an" and "half" are found through the word after).
fn anchors() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let mut pats: Vec<&str> = words::NUMBER_WORDS
            .iter()
            .map(|w| w.word)
            .filter(|w| !matches!(*w, "a" | "an" | "half"))
            .collect();
        pats.extend(
            vague::VAGUE_WORDS
                .iter()
                .filter_map(|v| v.phrase.split(' ').next())
                .filter(|w| !matches!(*w, "a" | "an" | "half")),
        );
        pats.extend(LEAD_IN_TARGETS);
        pats.extend(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
        pats.sort_unstable();
        pats.dedup();
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A DFA: this automaton reads every byte of every document.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(pats)
            .unwrap_or_else(|_| AhoCorasick::new(["0"]).unwrap_or_else(|_| unreachable!()))
    })
}

/// Finds every number expression in `text`, in order.
pub fn find(text: &Src<'_>) -> Vec<NumberMention> {
    let mut out: Vec<NumberMention> = Vec::new();
    let bytes = text.as_bytes();
    let mut pos = 0;
    for m in anchors().find_iter(text.text()) {
        let (s, e) = (m.start(), m.end());
        if s < pos {
            continue;
        }
        let tok = if bytes.get(s).is_some_and(|b| b.is_ascii_digit()) {
            if s > 0 && bytes.get(s - 1).is_some_and(|b| b.is_ascii_digit()) {
                continue;
            }
            match next_token(text, s) {
                Some(t) => t,
                None => continue,
            }
        } else {
            // Whole words only: not "often", "tenant", "one's".
            if token::char_before(text, s).is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let Some(t) = next_token(text, s).filter(|t| t.end == e && t.start == s) else {
                continue;
            };
            match lead_in(text, t, pos) {
                Some(t) => t,
                None => continue,
            }
        };
        let floor = out.last().map_or(0, |m| m.span.end);
        pos = match expression(text, tok, floor, &mut out) {
            Some(end) => end.max(tok.end),
            None => tok.end,
        };
    }
    out
}

/// For "hundred", "dozen", "few"...: the "a", "an" or "half a" before it, where the
/// expression starts; `None` for "couple" and "few" without one.
fn lead_in(text: &Src<'_>, t: Tok, floor: usize) -> Option<Tok> {
    let w = low(text, Some(t));
    if !LEAD_IN_TARGETS.contains(&w.as_str()) {
        return Some(t);
    }
    let art = prev_token(text, t.start)
        .filter(|p| !t.broken && p.start >= floor && is_article(text, *p) && !p.broken);
    let Some(a) = art else {
        return if matches!(w.as_str(), "couple" | "few") {
            None
        } else {
            Some(t)
        };
    };
    let half = prev_token(text, a.start)
        .filter(|h| h.start >= floor && !h.broken && is_word(text, *h, "half"));
    Some(half.unwrap_or(a))
}

/// Lower-case text of a word token (empty if not a plain ASCII word).
fn low<'a>(text: &'a Src<'_>, tok: Option<Tok>) -> LowWord<'a> {
    let Some(t) = tok.filter(|t| t.kind != TokKind::Digits) else {
        return LowWord::Borrowed("");
    };
    let s = t.text(text);
    if token::is_plain_lower(s) {
        // Already lower case: borrowed, no copy and no UTF-8 check.
        return LowWord::Borrowed(s);
    }
    let mut buf = [0u8; 32];
    match lower(text, t, &mut buf).map(str::len) {
        Some(len) => LowWord::Owned(buf, len),
        None => LowWord::Borrowed(""),
    }
}

/// A lower-cased word: borrowed from the text when it is already lower case, else on the
/// stack.
enum LowWord<'a> {
    Borrowed(&'a str),
    Owned([u8; 32], usize),
}

impl<'a> LowWord<'a> {
    fn from(s: &'a str) -> LowWord<'a> {
        LowWord::Borrowed(s)
    }

    fn as_str(&self) -> &str {
        match self {
            LowWord::Borrowed(s) => s,
            LowWord::Owned(buf, len) => buf
                .get(..*len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            LowWord::Borrowed(s) => s.is_empty(),
            LowWord::Owned(_, len) => *len == 0,
        }
    }
}

/// The lookup key of a token: its lower-case text (punctuation as written).
fn key_of<'a>(text: &'a Src<'_>, tok: Option<Tok>) -> LowWord<'a> {
    let w = low(text, tok);
    if w.is_empty() {
        if let Some(t) = tok.filter(|t| t.kind == TokKind::Punct) {
            let p = t.text(text);
            if p.len() <= 32 {
                return LowWord::from(p);
            }
        }
    }
    w
}

/// The phrases of the tables, cut into pieces once ([`Phrase`], in table order), with the
/// indices that key them by the piece a match starts (or ends) with.
struct Tables {
    kind_after: Vec<Phrase>,
    kind_after_ix: PhraseIndex,
    kind_before: Vec<Phrase>,
    kind_before_ix: PhraseIndex,
    qualifier_before: Vec<Phrase>,
    qualifier_before_ix: PhraseIndex,
    qualifier_after: Vec<Phrase>,
    additive_before: Vec<Phrase>,
    additive_after: Vec<Phrase>,
    vague: Vec<Phrase>,
    /// Vague phrases by their first word.
    vague_ix: PhraseIndex,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let kind_after = Phrase::all(kind::AFTER.iter().map(|k| k.phrase));
        let kind_before = Phrase::all(kind::BEFORE.iter().map(|k| k.phrase));
        let qualifier_before = Phrase::all(qualifiers::BEFORE.iter().map(|q| q.phrase));
        Tables {
            kind_after_ix: PhraseIndex::from_keys(kind_after.iter().map(Phrase::first_key)),
            kind_after,
            kind_before_ix: PhraseIndex::from_keys(kind_before.iter().map(Phrase::last_key)),
            kind_before,
            qualifier_before_ix: PhraseIndex::from_keys(
                qualifier_before.iter().map(Phrase::last_key),
            ),
            qualifier_before,
            qualifier_after: Phrase::all(qualifiers::AFTER.iter().map(|a| a.phrase)),
            additive_before: Phrase::all(qualifiers::ADDITIVE_BEFORE.iter().map(|(p, _)| *p)),
            additive_after: Phrase::all(qualifiers::ADDITIVE_AFTER.iter().map(|(p, _)| *p)),
            vague: Phrase::all(vague::VAGUE_WORDS.iter().map(|v| v.phrase)),
            vague_ix: PhraseIndex::from_keys(
                vague::VAGUE_WORDS
                    .iter()
                    .map(|v| v.phrase.split(' ').next().map(str::to_string)),
            ),
        }
    })
}

/// The first kind phrase (of `kind::BEFORE`) that ends right before `at`, where `key` is
/// the key of the token before `at`.
fn kind_before(text: &Src<'_>, at: usize, key: &str) -> Option<&'static kind::KindPhrase> {
    let t = tables();
    t.kind_before_ix
        .candidates(key)
        .find(|&i| {
            t.kind_before
                .get(i)
                .is_some_and(|p| match_back(text, at, p).is_some())
        })
        .and_then(|i| kind::BEFORE.get(i))
}

fn role_of(text: &Src<'_>, tok: Tok) -> Option<Role> {
    if tok.kind != TokKind::Word {
        return None;
    }
    words::role(low(text, Some(tok)).as_str())
}

fn scale_of(text: &Src<'_>, tok: Tok) -> Option<u64> {
    match role_of(text, tok)? {
        Role::Hundred => Some(100),
        Role::Scale(s) => Some(s),
        _ => None,
    }
}

/// value * scale + frac * scale / 10^digits, saturating.
fn scaled(int: u64, frac: Option<(u64, u32)>, scale: u64) -> u64 {
    let mut v = u128::from(int) * u128::from(scale);
    if let Some((f, n)) = frac {
        let den = 10u128.checked_pow(n).unwrap_or(u128::MAX);
        v = v.saturating_add(u128::from(f) * u128::from(scale) / den.max(1));
    }
    u64::try_from(v).unwrap_or(u64::MAX)
}

/// Reads a number at a token.
fn read_number(text: &Src<'_>, tok: Tok) -> Read {
    match tok.kind {
        TokKind::Digits => read_digits(text, tok),
        TokKind::Word => {
            if let Some(n) = read_vague(text, tok) {
                Read::Number(n)
            } else {
                read_words(text, tok)
            }
        }
        TokKind::Punct => Read::Nothing,
    }
}

/// End of the run of letters and digits from `i` (for skipping identifiers like "M16A2").
fn alnum_end(text: &Src<'_>, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
        i += 1;
    }
    i
}

fn read_digits(text: &Src<'_>, tok: Tok) -> Read {
    let bytes = text.as_bytes();
    // Glued to letters before: "M16", "G8", "H1N1".
    if token::char_before(text, tok.start).is_some_and(|c| c.is_alphabetic()) {
        return Read::Skip(alnum_end(text, tok.end));
    }
    // After "F-", "AK-", "Covid-": an identifier, unless "mid-2013", "pre-1990".
    let mut year_prefix = false;
    if let Some(dash) = prev_token(text, tok.start).filter(|d| touching(*d, tok)) {
        if dash.kind == TokKind::Punct && dash.text(text) == "-" {
            if let Some(w) = prev_token(text, dash.start).filter(|w| touching(*w, dash)) {
                if w.kind == TokKind::Word {
                    let lw = low(text, Some(w));
                    if matches!(lw.as_str(), "mid" | "pre" | "post" | "early" | "late") {
                        year_prefix = true;
                    } else {
                        return Read::Skip(alnum_end(text, tok.end));
                    }
                }
            }
        }
    }
    let lit = literal::read(text, tok.start, tok.end);
    let mut n = Num::plain(tok.start, lit.end, lit.int);
    n.lit = Some(lit);
    n.kind = lit.kind;
    if year_prefix {
        n.kind = Some(NumberKind::Year);
    }
    let key = key_of(text, prev_token(text, tok.start));
    n.currency_before =
        kind_before(text, tok.start, key.as_str()).is_some_and(|k| k.kind == NumberKind::Money);
    if lit.kind.is_some() {
        return Read::Number(n);
    }
    // Letters glued after: "21st", "2.3m", "1.2bn", "1990s", "10km".
    if bytes.get(lit.end).is_some_and(|b| b.is_ascii_alphabetic()) {
        let Some(w) = next_token(text, lit.end) else {
            return Read::Number(n);
        };
        let lw = low(text, Some(w));
        let s = lw.as_str();
        let ends_word = !bytes.get(w.end).is_some_and(|b| b.is_ascii_digit());
        if matches!(s, "st" | "nd" | "rd" | "th") && lit.frac.is_none() && ends_word {
            n.end = w.end;
            n.ordinal = true;
            n.kind = Some(NumberKind::Ordinal);
            return Read::Number(n);
        }
        if s == "s" && ends_word {
            // "1990s", "1000s": a decade, or a loose plural; never an exact count.
            n.end = w.end;
            n.kind = Some(if lit.is_plain() && lit.first_digits == 4 {
                NumberKind::Year
            } else {
                NumberKind::Measure
            });
            return Read::Number(n);
        }
        if let Some((_, f)) = DIGIT_SCALE_SUFFIXES.iter().find(|(suf, _)| *suf == s) {
            let always = matches!(s, "bn" | "mn" | "mln");
            // "2m people", "5m refugees": a count noun after makes "m" a million, not metres.
            let counted = || {
                let after = low(text, next_token(text, w.end));
                kind::COUNT_AFTER.contains(&after.as_str())
            };
            if ends_word && (always || lit.frac.is_some() || n.currency_before || counted()) {
                n.end = w.end;
                n.value = scaled(lit.int, lit.frac, *f);
                n.scale = *f;
                return Read::Number(n);
            }
        }
        // Other glued letters: a unit ("10km", "4pm") or an identifier ("4x4"), decided by
        // the kind tables.
        n.glued = true;
        return Read::Number(n);
    }
    // A scale word after: "1.5 million", "3 thousand", "2 lakh".
    if let Some(next) = next_token(text, lit.end) {
        if !next.broken {
            if let Some(s) = scale_of(text, next) {
                n.end = next.end;
                n.value = scaled(lit.int, lit.frac, s);
                n.scale = s;
            }
        }
    }
    Read::Number(n)
}

/// The vague phrases whose first word is `first` (lower case), in table order, with their
/// pieces.
fn vague_by_first(
    first: &str,
) -> impl Iterator<Item = (&'static vague::VagueWord, &'static Phrase)> {
    let t = tables();
    t.vague_ix
        .candidates(first)
        .filter_map(|i| Some((vague::VAGUE_WORDS.get(i)?, t.vague.get(i)?)))
}

/// A vague phrase at this word ("dozens", "tens of thousands", "a few").
fn read_vague(text: &Src<'_>, tok: Tok) -> Option<Num> {
    let first = low(text, Some(tok));
    for (v, phrase) in vague_by_first(first.as_str()) {
        let Some(end) = match_fwd(text, tok.start, phrase) else {
            continue;
        };
        if v.needs_of && word_fwd(text, end, "of").is_none() {
            continue;
        }
        let mut n = Num::plain(tok.start, end, v.low);
        n.high = v.high;
        n.vague = true;
        n.words = true;
        return Some(n);
    }
    None
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Article,
    Unit,
    Ten,
    Hundred,
    Scale,
}

/// A number in words: "forty-three", "a hundred and forty", "one thousand two hundred",
/// "two dozen", "half a million", ordinals "twenty-first".
fn read_words(text: &Src<'_>, tok: Tok) -> Read {
    let Some(role) = role_of(text, tok) else {
        return Read::Nothing;
    };
    let mut n = Num::plain(tok.start, tok.end, 0);
    n.words = true;
    match role {
        Role::Ordinal(v) => {
            n.value = v;
            n.ordinal = true;
            n.kind = Some(NumberKind::Ordinal);
            return Read::Number(n);
        }
        Role::Half => {
            // "half a million" = 500000; "half a dozen" is in the vague table.
            let Some(a) = next_token(text, tok.end).filter(|t| is_article(text, *t)) else {
                return Read::Nothing;
            };
            let Some(s) = next_token(text, a.end) else {
                return Read::Nothing;
            };
            return match role_of(text, s) {
                Some(Role::Scale(f)) => {
                    n.end = s.end;
                    n.value = f / 2;
                    n.scale = f;
                    Read::Number(n)
                }
                Some(Role::Hundred) => {
                    n.end = s.end;
                    n.value = 50;
                    Read::Number(n)
                }
                _ => Read::Nothing,
            };
        }
        Role::Hundred | Role::Scale(_) | Role::Dozen => return Read::Nothing,
        _ => {}
    }
    let mut total: u64 = 0;
    let mut group: u64 = 0;
    let mut last = Last::Start;
    let mut min_scale = u64::MAX;
    let mut cur = tok;
    let mut end = tok.start;
    let mut count = 0;
    while let Some(r) = role_of(text, cur) {
        let ok = match (last, r) {
            (Last::Start, Role::Article) => {
                group = 1;
                last = Last::Article;
                true
            }
            (Last::Start | Last::Hundred | Last::Scale, Role::Unit(u)) => {
                if last == Last::Hundred && !group.is_multiple_of(100) {
                    false
                } else {
                    group += u;
                    last = Last::Unit;
                    true
                }
            }
            (Last::Start | Last::Hundred | Last::Scale, Role::Ten(t)) => {
                if last == Last::Hundred && !group.is_multiple_of(100) {
                    false
                } else {
                    group += t;
                    last = Last::Ten;
                    true
                }
            }
            (Last::Ten, Role::Unit(u)) if (1..=9).contains(&u) => {
                group += u;
                last = Last::Unit;
                true
            }
            (Last::Ten, Role::Ordinal(o)) if (1..=9).contains(&o) => {
                // "twenty-first"
                n.start = tok.start;
                n.end = cur.end;
                n.value = total.saturating_add(group + o);
                n.ordinal = true;
                n.kind = Some(NumberKind::Ordinal);
                return Read::Number(n);
            }
            (Last::Article | Last::Unit | Last::Ten, Role::Hundred) if group < 100 => {
                group *= 100;
                last = Last::Hundred;
                true
            }
            (Last::Article | Last::Unit | Last::Ten | Last::Hundred, Role::Scale(s))
                if s < min_scale =>
            {
                total = total.saturating_add(group.saturating_mul(s));
                group = 0;
                min_scale = s;
                n.scale = s;
                last = Last::Scale;
                true
            }
            (Last::Article | Last::Unit | Last::Ten, Role::Dozen) => {
                group = group.saturating_mul(12);
                n.vague = true;
                end = cur.end;
                count += 1;
                break;
            }
            _ => false,
        };
        if !ok {
            break;
        }
        end = cur.end;
        count += 1;
        // Connectors to the next word: a hyphen between tens and units, "and" after a
        // hundred or a scale word, or plain space.
        let Some(nx) = next_token(text, cur.end) else {
            break;
        };
        if nx.broken {
            break;
        }
        if nx.kind == TokKind::Punct && matches!(nx.text(text), "-" | "\u{2010}") {
            // "forty-three"; "three-hundred", "two-thousand" (a multiplier glued on).
            let multiplier = |t: Tok| {
                matches!(last, Last::Unit | Last::Ten | Last::Hundred)
                    && matches!(role_of(text, t), Some(Role::Hundred | Role::Scale(_)))
            };
            match next_token(text, nx.end) {
                Some(t)
                    if touching(cur, nx)
                        && touching(nx, t)
                        && (last == Last::Ten || multiplier(t)) =>
                {
                    cur = t
                }
                _ => break,
            }
        } else if nx.kind == TokKind::Word && is_word(text, nx, "and") {
            let Some(t) = next_token(text, nx.end) else {
                break;
            };
            if matches!(last, Last::Hundred | Last::Scale)
                && matches!(role_of(text, t), Some(Role::Unit(1..) | Role::Ten(_)))
            {
                cur = t;
            } else {
                break;
            }
        } else {
            cur = nx;
        }
    }
    if count == 0 || last == Last::Article {
        return Read::Nothing;
    }
    n.end = end;
    n.value = total.saturating_add(group);
    if n.vague {
        n.high = Some(n.value);
    }
    n.lone_one = count == 1 && n.value == 1 && !n.vague;
    Read::Number(n)
}

fn is_article(text: &Src<'_>, t: Tok) -> bool {
    is_word(text, t, "a") || is_word(text, t, "an")
}

/// Words that, right after "from X to Y"'s "from", make it a change, not a range
/// ("the toll rose from 10 to 15").
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rising",
    "rises",
    "increased",
    "increases",
    "increasing",
    "climbed",
    "climbing",
    "jumped",
    "up",
    "fell",
    "fallen",
    "dropped",
    "down",
    "revised",
    "raised",
    "lowered",
    "grew",
    "grown",
    "went",
    "soared",
    "doubled",
    "changed",
];

/// Words before "over" that make it a particle, not a qualifier ("handed over 20 bodies").
const OVER_PARTICLE_VERBS: &[&str] = &[
    "hand", "handed", "hands", "handing", "turn", "turned", "turns", "turning", "take", "took",
    "taken", "takes", "taking", "pass", "passed", "won", "win", "all", "left", "carried",
];

/// Words after a lone "one" that make it a pronoun or idiom, not a count
/// ("one of the", "one another", "one must", "one by one").
const ONE_NOT_AFTER: &[&str] = &[
    "another",
    "way",
    "side",
    "hand",
    "thing",
    "must",
    "should",
    "would",
    "can",
    "could",
    "may",
    "might",
    "will",
    "who",
    "whom",
    "which",
    "that",
    "by",
    "after",
    "else",
    "such",
    "point",
    "time",
    "'s",
    "s",
    "another's",
];

/// Words before a lone "one" that make it a pronoun ("no one", "the one", "any one").
const ONE_NOT_BEFORE: &[&str] = &[
    "no", "any", "every", "each", "the", "this", "that", "which", "such", "only", "last",
    "someone", "anyone", "little", "big", "new", "old", "right", "wrong", "no-", "at", "as",
    "like", "for", "is", "was", "with", "to",
];

/// The second number of a range after `n1`: "to", "or", "-", or "and" after "between".
/// Returns it with the byte where the connector starts.
fn range_second(text: &Src<'_>, n1: &Num, between: bool) -> Option<(Num, usize)> {
    if n1.vague || n1.ordinal || n1.kind.is_some() || n1.glued {
        return None;
    }
    let c = next_token(text, n1.end)?;
    if c.broken {
        return None;
    }
    let ct = c.text(text);
    let dash = c.kind == TokKind::Punct && matches!(ct, "-" | "\u{2013}" | "\u{2010}");
    let word = |w: &str| c.kind == TokKind::Word && is_word(text, c, w);
    let conn = if between {
        if !word("and") {
            return None;
        }
        "and"
    } else if word("to") {
        "to"
    } else if word("or") {
        "or"
    } else if dash && c.start == n1.end {
        "-"
    } else {
        return None;
    };
    let t2 = next_token(text, c.end)?;
    if t2.broken || (conn == "-" && !touching(c, t2)) {
        return None;
    }
    if conn == "-" && (n1.words || t2.kind != TokKind::Digits) {
        return None;
    }
    let Read::Number(mut n2) = read_number(text, t2) else {
        return None;
    };
    if n2.vague || n2.ordinal || n2.kind.is_some() || n2.glued {
        return None;
    }
    let mut lo = n1.value;
    // "2 to 3 million", "between 10 and 15 thousand": the scale word is shared.
    if n2.scale > 1 && n1.scale == 1 && lo.saturating_mul(n2.scale) < n2.value {
        lo = lo.saturating_mul(n2.scale);
    }
    if n2.value <= lo {
        return None;
    }
    if conn == "or" && n2.value > lo.saturating_mul(3).saturating_add(2) {
        return None;
    }
    let mut n = *n1;
    n.value = lo;
    n.high = Some(n2.value);
    n.end = n2.end;
    n2.start = n1.start;
    let _ = n2;
    Some((n, c.start))
}

/// The longest qualifier phrase that ends right before `at`, not reaching before `floor`.
fn qualifier_before(
    text: &Src<'_>,
    at: usize,
    key: &str,
    floor: usize,
) -> Option<(usize, Qualifier)> {
    let mut best: Option<(usize, Qualifier)> = None;
    let t = tables();
    for (q, phrase) in t
        .qualifier_before_ix
        .candidates(key)
        .filter_map(|i| Some((qualifiers::BEFORE.get(i)?, t.qualifier_before.get(i)?)))
    {
        if let Some(s) = match_back(text, at, phrase) {
            if s >= floor && best.is_none_or(|(b, _)| s < b) {
                best = Some((s, q.qualifier));
            }
        }
    }
    let (s, qual) = best?;
    // "handed over 20 bodies": a particle.
    if word_back(text, at, "over") == Some(s) {
        let p = low(text, prev_token(text, s));
        if OVER_PARTICLE_VERBS.contains(&p.as_str()) {
            return None;
        }
    }
    Some((s, qual))
}

/// Reads the expression at `tok` and pushes it; returns where scanning goes on.
fn expression(
    text: &Src<'_>,
    tok: Tok,
    floor: usize,
    out: &mut Vec<NumberMention>,
) -> Option<usize> {
    let n1 = match read_number(text, tok) {
        Read::Nothing => return None,
        Read::Skip(end) => return Some(end),
        Read::Number(n) => n,
    };
    let mut n = n1;
    let mut qualifier = if n.vague {
        Qualifier::Vague
    } else {
        Qualifier::Exact
    };
    let mut span_start = n.start;
    let mut additive = false;
    let mut ranged = false;
    // The words touching the number, looked up once: most checks below are gated on them.
    let prev = prev_token(text, n.start);
    let pkey = key_of(text, prev);
    let pk = pkey.as_str();

    // Ranges: "between 10 and 15", "from 10 to 15", "10 to 15", "10-15", "10 or 12".
    let between = if pk == "between" {
        word_back(text, n.start, "between").filter(|s| *s >= floor)
    } else {
        None
    };
    if let Some((r, _)) = range_second(text, &n1, between.is_some()) {
        n = r;
        ranged = true;
        qualifier = Qualifier::Range;
        if let Some(b) = between {
            span_start = b;
        } else if let Some(f) = prev
            .filter(|p| p.start >= floor && !p.broken && pk == "from")
            .map(|p| p.start)
        {
            let verb = low(text, prev_token(text, f));
            if CHANGE_VERBS.contains(&verb.as_str()) {
                // A change, not a range: the first number stands alone.
                n = n1;
                ranged = false;
                qualifier = Qualifier::Exact;
            } else {
                span_start = f;
            }
        }
    } else if let Some(dash) = next_token(text, n1.end).filter(|d| {
        d.start == n1.end && d.kind == TokKind::Punct && matches!(d.text(text), "-" | "\u{2013}")
    }) {
        // "3-1", "1990-95", "555-1234": not a range, not a count.
        if let Some(t2) = next_token(text, dash.end).filter(|t| {
            t.start == dash.end && t.kind == TokKind::Digits && n1.lit.is_some() && !n1.words
        }) {
            let lit2 = literal::read(text, t2.start, t2.end);
            let year = n1.lit.is_some_and(|l| l.is_plain() && l.first_digits == 4)
                && (1000..=2100).contains(&n1.value);
            out.push(NumberMention {
                span: n1.start..lit2.end,
                number: n1.start..lit2.end,
                kind: if year {
                    NumberKind::Year
                } else {
                    NumberKind::Measure
                },
                additive: false,
                value: n1.value,
                max: None,
                qualifier: Qualifier::Exact,
            });
            return Some(lit2.end);
        }
    }

    // Qualifiers and additive words before; qualifiers after.
    let fixed_vague = n.vague && n.high == Some(n.value);
    if !ranged && !n.ordinal && (!n.vague || fixed_vague) {
        if let Some((s, q)) = qualifier_before(text, n.start, pk, floor) {
            span_start = s;
            qualifier = q;
        }
    }
    let skey = if span_start == n.start {
        key_of(text, prev)
    } else {
        key_of(text, prev_token(text, span_start))
    };
    if !ranged && !n.ordinal && matches!(skey.as_str(), "another" | "further" | "additional") {
        additive = tables()
            .additive_before
            .iter()
            .any(|p| match_back(text, span_start, p).is_some());
    }
    let mut span_end = n.end;
    let next = next_token(text, n.end);
    let nkey = key_of(text, next);
    if !ranged
        && !n.ordinal
        && (!n.vague || fixed_vague)
        && span_start == n.start
        && matches!(nkey.as_str(), "or" | "-" | "odd" | "plus" | "+")
    {
        for (a, phrase) in qualifiers::AFTER.iter().zip(&tables().qualifier_after) {
            let glued = a.phrase.starts_with('-') || a.phrase == "+";
            if glued && text.as_bytes().get(n.end) != Some(&a.phrase.as_bytes()[0]) {
                continue;
            }
            if let Some(e) = match_fwd(text, n.end, phrase) {
                // "200 plus 30 others": arithmetic, not a qualifier.
                if a.phrase.ends_with("plus")
                    && next_token(text, e).is_some_and(|t| t.kind == TokKind::Digits)
                {
                    continue;
                }
                span_end = e;
                qualifier = a.qualifier;
                break;
            }
        }
    }
    let ekey = if span_end == n.end {
        key_of(text, next)
    } else {
        key_of(text, next_token(text, span_end))
    };
    if !ranged && !n.ordinal && !additive && matches!(ekey.as_str(), "more" | "others" | "other") {
        for ((p, _), phrase) in qualifiers::ADDITIVE_AFTER
            .iter()
            .zip(&tables().additive_after)
        {
            if let Some(e) = match_fwd(text, span_end, phrase) {
                if *p == "more" && word_fwd(text, e, "than").is_some() {
                    continue;
                }
                additive = true;
                break;
            }
        }
    }
    if qualifier != Qualifier::Vague && qualifier != Qualifier::Range {
        n.high = None;
    }

    // Kind.
    let near = Near {
        prev,
        skey: skey.as_str(),
        next,
        nkey: nkey.as_str(),
    };
    let kind = match classify(text, &n, span_start, span_end, qualifier, &near) {
        Some(k) => k,
        None => return Some(span_end.max(n.end)),
    };
    if n.lone_one && kind == NumberKind::Cardinal && !one_is_count(text, &n, span_start) {
        return Some(n.end);
    }
    out.push(NumberMention {
        span: span_start..span_end,
        number: n.start..n.end,
        kind,
        additive,
        value: n.value,
        max: n.high,
        qualifier,
    });
    Some(span_end)
}

/// Is a lone "one" a count ("one person", "killed one") rather than a pronoun?
fn one_is_count(text: &Src<'_>, n: &Num, span_start: usize) -> bool {
    let after = next_token(text, n.end);
    // "no-one", "one-third", "one-sided".
    if after.is_some_and(|a| a.start == n.end && a.text(text) == "-") {
        return false;
    }
    let aw = low(text, after);
    if aw.as_str() == "of" {
        return one_of_is_count(text, after);
    }
    if ONE_NOT_AFTER.contains(&aw.as_str()) {
        return false;
    }
    if span_start < n.start {
        // "at least one": a qualifier makes it a count.
        return true;
    }
    let before = prev_token(text, n.start);
    if before.is_some_and(|b| b.end == n.start && b.text(text) == "-") {
        return false;
    }
    let bw = low(text, before);
    // "only one man was hurt" counts one; "the only one" does not.
    if bw.as_str() == "only" {
        let b2 = low(text, before.and_then(|b| prev_token(text, b.start)));
        return !ONE_NOT_BEFORE.contains(&b2.as_str())
            && !["his", "her", "their", "its", "our", "my"].contains(&b2.as_str());
    }
    !ONE_NOT_BEFORE.contains(&bw.as_str())
}

/// "one of the guards was killed", "one of them died" count one person, as "two of the
/// hostages" counts two; "one of the deadliest attacks", "one of a series" do not.
fn one_of_is_count(text: &Src<'_>, of: Option<Tok>) -> bool {
    let Some(of) = of else { return false };
    let det = next_token(text, of.end);
    let dw = low(text, det);
    match dw.as_str() {
        "them" | "whom" | "us" | "you" => true,
        "the" | "his" | "her" | "their" | "its" | "our" | "my" | "these" | "those" => {
            let w = low(text, det.and_then(|d| next_token(text, d.end)));
            let w = w.as_str();
            !(w.is_empty()
                || w.ends_with("est")
                || ONE_OF_THE_NOT.contains(&w)
                || words::role(w).is_some())
        }
        _ => false,
    }
}

/// Words after "one of the" that make it a ranking, not a count ("one of the worst").
const ONE_OF_THE_NOT: &[&str] = &[
    "most",
    "least",
    "few",
    "many",
    "first",
    "last",
    "main",
    "only",
    "top",
    "major",
    "key",
    "leading",
    "best",
    "worst",
    "more",
    "other",
    "same",
    "very",
    "biggest",
    "largest",
    "deadliest",
    "bloodiest",
    "world's",
    "country's",
    "city's",
    "region's",
    "nation's",
];

/// The tokens touching a number and their keys.
struct Near<'a> {
    /// The token before the number.
    prev: Option<Tok>,
    /// Key of the token before the span (with its qualifier).
    skey: &'a str,
    /// The token after the number.
    next: Option<Tok>,
    /// Its key.
    nkey: &'a str,
}

/// The kind of a read number, or `None` if it must not be emitted (an identifier).
fn classify(
    text: &Src<'_>,
    n: &Num,
    span_start: usize,
    span_end: usize,
    qualifier: Qualifier,
    near: &Near,
) -> Option<NumberKind> {
    if n.ordinal {
        return Some(NumberKind::Ordinal);
    }
    if let Some(k) = n.kind {
        return Some(k);
    }
    // Money signs and age words before.
    if let Some(k) = kind_before(text, span_start, near.skey) {
        return Some(k.kind);
    }
    if n.currency_before {
        return Some(NumberKind::Money);
    }
    let before = near.prev;
    // Labels: "Resolution 1325", "Route 66", "No 3856".
    if let (Some(lit), Some(b)) = (n.lit, before) {
        let cue = b
            .text(text)
            .bytes()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase() || c == b'#' || c == b'.' || c >= 0x80);
        if cue && span_start == n.start && lit.is_plain() && !b.broken {
            let first_upper = b
                .text(text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
                || b.text(text) == "#";
            let bw = low(text, Some(b));
            let word = if b.kind == TokKind::Punct && b.text(text) == "." {
                // "No. 10"
                let w = low(text, prev_token(text, b.start));
                let mut s = w.as_str().to_string();
                s.push('.');
                s
            } else {
                bw.as_str().to_string()
            };
            let upper_ok = first_upper
                || (b.kind == TokKind::Punct
                    && prev_token(text, b.start).is_some_and(|p| {
                        p.text(text).chars().next().is_some_and(char::is_uppercase)
                    }));
            if upper_ok && kind::LABEL_NOUNS.iter().any(|(w, _)| *w == word) {
                return Some(NumberKind::Label);
            }
        }
    }
    // Dates: "May 22", "22 May", "Aug 88".
    let day_like = n.lit.is_some_and(|l| l.is_plain()) && (1..=31).contains(&n.value);
    if n.lit.is_some_and(|l| l.is_plain()) && span_start == n.start {
        if let Some(b) = before {
            if is_month(text, b)
                || (b.text(text) == "."
                    && prev_token(text, b.start).is_some_and(|p| is_month(text, p)))
            {
                return Some(if day_like {
                    NumberKind::Date
                } else {
                    NumberKind::Year
                });
            }
        }
    }
    if day_like {
        if let Some(a) = near.next {
            let a = if a.kind == TokKind::Word && is_word(text, a, "of") {
                next_token(text, a.end).unwrap_or(a)
            } else {
                a
            };
            if is_month(text, a) {
                return Some(NumberKind::Date);
            }
        }
    }
    // Units, currencies, times and durations after.
    for end in std::iter::once(n.end).chain((span_end != n.end).then_some(span_end)) {
        let key = if end == n.end {
            LowWord::from(near.nkey)
        } else {
            key_of(text, next_token(text, end))
        };
        let t = tables();
        for (k, phrase) in t
            .kind_after_ix
            .candidates(key.as_str())
            .filter_map(|i| Some((kind::AFTER.get(i)?, t.kind_after.get(i)?)))
        {
            if k.phrase.starts_with('-') && text.as_bytes().get(end) != Some(&b'-') {
                continue;
            }
            if k.phrase == "%"
                && !text
                    .get(end..)
                    .is_some_and(|s| s.trim_start().starts_with('%'))
            {
                continue;
            }
            // A one-letter unit must be glued to the number: "100m", not "2 M-60".
            if k.phrase.len() == 1
                && k.phrase.as_bytes()[0].is_ascii_alphabetic()
                && !text
                    .as_bytes()
                    .get(end)
                    .is_some_and(|b| b.eq_ignore_ascii_case(&k.phrase.as_bytes()[0]))
            {
                continue;
            }
            if let Some(e) = match_fwd(text, end, phrase) {
                // Not a unit when a model number follows: "M-60", "km-5".
                if !glued_dash_digit(text, e) {
                    return Some(k.kind);
                }
            }
        }
    }
    // Hyphenated compounds: "a 10-point plan", "a three-storey house", "one-third".
    if let Some(d) = near.next.filter(|d| d.start == n.end && near.nkey == "-") {
        if let Some(w) =
            next_token(text, d.end).filter(|w| w.start == d.end && w.kind == TokKind::Word)
        {
            let lw = low(text, Some(w));
            if !matches!(lw.as_str(), "odd" | "plus") && words::role(lw.as_str()).is_none() {
                return Some(NumberKind::Measure);
            }
        }
    }
    if n.glued {
        // "50wounded", "11people": a missing space before a word; "4x4", "3D": identifiers.
        let typo = near.next.is_some_and(|w| {
            let t = w.text(text);
            w.start == n.end && t.len() >= 4 && t.bytes().all(|b| b.is_ascii_lowercase())
        });
        if !typo {
            return None;
        }
    }
    if let Some(lit) = n.lit {
        if lit.frac.is_some() && n.scale == 1 {
            return Some(NumberKind::Measure);
        }
        if lit.is_plain() && lit.first_digits == 4 && n.scale == 1 {
            let hhmm = n.value <= 2359 && n.value % 100 < 60;
            if hhmm && (lit.leading_zero || clock_context(text, n, span_start)) {
                return Some(NumberKind::Time);
            }
            if (1000..=2099).contains(&n.value)
                && year_like(text, n, span_start, span_end, qualifier)
            {
                return Some(NumberKind::Year);
            }
        }
    }
    Some(NumberKind::Cardinal)
}

/// Is there "-<digit>" glued at `pos`?
fn glued_dash_digit(text: &Src<'_>, pos: usize) -> bool {
    let b = text.as_bytes();
    b.get(pos) == Some(&b'-') && b.get(pos + 1).is_some_and(|c| c.is_ascii_digit())
}

/// Words around a four-digit clock time: "at 2230", "2230 last night".
fn clock_context(text: &Src<'_>, n: &Num, span_start: usize) -> bool {
    let before = low(text, prev_token(text, span_start));
    if matches!(
        before.as_str(),
        "at" | "by" | "until" | "till" | "before" | "after"
    ) {
        return true;
    }
    let after = next_token(text, n.end);
    let aw = low(text, after);
    match aw.as_str() {
        "hours" | "hrs" | "h" | "tonight" | "today" | "yesterday" => true,
        "last" | "this" => after
            .and_then(|a| next_token(text, a.end))
            .is_some_and(|t| {
                let w = low(text, Some(t));
                matches!(w.as_str(), "night" | "morning" | "evening" | "afternoon")
            }),
        _ => false,
    }
}

/// Is a four-digit number a year here?
fn year_like(
    text: &Src<'_>,
    n: &Num,
    span_start: usize,
    span_end: usize,
    qualifier: Qualifier,
) -> bool {
    if qualifier != Qualifier::Exact && qualifier != Qualifier::Range {
        return false;
    }
    let after = low(text, next_token(text, span_end));
    if kind::COUNT_AFTER.contains(&after.as_str()) {
        return false;
    }
    let before = low(text, prev_token(text, span_start));
    if kind::YEAR_BEFORE.contains(&before.as_str()) {
        return true;
    }
    (1900..=2099).contains(&n.value)
}

fn is_month(text: &Src<'_>, t: Tok) -> bool {
    if t.kind != TokKind::Word {
        return false;
    }
    let w = low(text, Some(t));
    let w = w.as_str();
    if !kind::MONTHS.contains(&w) {
        return false;
    }
    // "May" the month has a capital; "may" the verb does not.
    if w == "may" || w == "mar" {
        return t
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase());
    }
    true
}
