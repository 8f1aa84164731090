//! Detection: the words of a text -> mentions of gazetteer names, with the case, person,
//! organisation and common-word rules of GUIDELINES.md ("Places").
//!
//! A mention starts at a capitalised word (or an all-capitals dateline word) and is the
//! longest run of words whose folded form is a gazetteer name. It is dropped when:
//! - it is a common English word that is not a major place, unless a locative word stands
//!   before it ("Most people" no; "a blast in Most" yes);
//! - a title or another capitalised word stands before it ("President Obama",
//!   "Michael Jordan");
//! - a capitalised word follows it ("Belfast Telegraph", "Kurdistan Workers' Party");
//! - it closes an organisation's name ("Al Qaeda in Iraq", "Islamic State of Iraq");
//! - it is a short all-capitals acronym in mixed-case text ("ISIL").

use super::aliases::{self, contains};
use super::fold;
use super::gazetteer::{Gazetteer, Hit};
use crate::text::Document;
use std::ops::Range;

/// One word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset after the word, without a possessive "'s" or a trailing apostrophe.
    pub end: usize,
    /// Byte offset after everything the word holds (possessive included).
    pub full_end: usize,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// All letters upper case (two or more letters).
    pub caps: bool,
    /// First word of its sentence or line.
    pub initial: bool,
    /// Index of its sentence.
    pub sentence: usize,
}

/// Splits the text into words: letters and digits, with apostrophes inside a word
/// ("Sana'a"); a possessive "'s" stays outside [`Token::end`].
pub fn tokenize(doc: &Document) -> Vec<Token> {
    let text = doc.text;
    let mut out: Vec<Token> = Vec::new();
    let mut iter = text.char_indices().peekable();
    let mut sent = 0usize;
    let mut last_sentence = usize::MAX;
    let mut newline_since = true;
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            if c == '\n' {
                newline_since = true;
            }
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
            } else if fold::is_apostrophe(d) {
                // Keep an apostrophe only between letters.
                let after = text.get(j + d.len_utf8()..).and_then(|s| s.chars().next());
                if after.is_some_and(|a| a.is_alphanumeric()) {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    // "Workers'": the apostrophe belongs to the word but not its name.
                    iter.next();
                    let full = j + d.len_utf8();
                    push(
                        &mut out,
                        text,
                        start,
                        end,
                        full,
                        doc,
                        &mut sent,
                        &mut last_sentence,
                        &mut newline_since,
                    );
                    end = usize::MAX;
                    break;
                }
            } else {
                break;
            }
        }
        if end == usize::MAX {
            continue;
        }
        // Possessive: "Baghdad's" -> "Baghdad".
        let word = text.get(start..end).unwrap_or("");
        let mut name_end = end;
        for suffix in ["'s", "’s", "'S", "’S"] {
            if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                name_end = end - suffix.len();
            }
        }
        push(
            &mut out,
            text,
            start,
            name_end,
            end,
            doc,
            &mut sent,
            &mut last_sentence,
            &mut newline_since,
        );
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Token>,
    text: &str,
    start: usize,
    end: usize,
    full_end: usize,
    doc: &Document,
    sent: &mut usize,
    last_sentence: &mut usize,
    newline_since: &mut bool,
) {
    while *sent + 1 < doc.sentences.len()
        && doc.sentences.get(*sent).is_some_and(|r| r.end <= start)
    {
        *sent += 1;
    }
    let word = text.get(start..end).unwrap_or("");
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first = word.chars().next();
    let cap = first.is_some_and(|c| c.is_uppercase());
    let caps = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && letters.all(|c| !c.is_lowercase());
    let initial = *last_sentence != *sent || *newline_since;
    *last_sentence = *sent;
    *newline_since = false;
    out.push(Token {
        start,
        end,
        full_end,
        cap,
        caps,
        initial,
        sentence: *sent,
    });
}

/// Lower-case particles inside personal names ("Moqtada al-Sadr", "Osama bin Laden").
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "da", "van", "von", "del",
];

/// A gazetteer name found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range of the mention (possessive excluded, "province" included).
    pub span: Range<usize>,
    /// Folded name that matched.
    pub key: String,
    /// Candidate entries, best-known first.
    pub candidates: Vec<u32>,
    /// A region word followed ("Anbar province"): prefer regions.
    pub region_word: bool,
    /// Token indices the mention covers (first, last).
    pub tokens: (usize, usize),
}

/// Whether a gap is plain white space within one paragraph (a line break of wrapped text
/// included): the words on both sides belong together.
pub fn soft_gap(g: &str) -> bool {
    !g.is_empty()
        && g.len() <= 8
        && g.chars().all(char::is_whitespace)
        && g.matches('\n').count() <= 1
}

/// The text between two tokens.
pub fn gap<'t>(text: &'t str, a: &Token, b: &Token) -> &'t str {
    text.get(a.full_end..b.start).unwrap_or("")
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.start..t.end).unwrap_or("")
}

/// Whether two words of one name may be joined by this gap ("Sierra Nevada", "Ras al-Ain",
/// "St. Louis").
fn joins(gap: &str, prev_word: &str) -> bool {
    match gap {
        " " | "-" | "‑" => true,
        ". " | "." => prev_word.chars().count() <= 3,
        _ => {
            gap.len() <= 3
                && gap.chars().all(|c| c == ' ' || c == '\n')
                && gap.matches('\n').count() <= 1
        }
    }
}

/// Whether the token is a locative word ("in", "at", "near"...) that makes a common word
/// a place.
fn is_locative(w: &str) -> bool {
    contains(
        &[
            "in", "at", "near", "outside", "from", "into", "across", "around", "toward", "towards",
            "inside", "village", "town", "city",
        ],
        w,
    )
}

/// Finds gazetteer name mentions in text order (non-overlapping).
pub fn find_mentions(doc: &Document, tokens: &[Token], gaz: &Gazetteer) -> Vec<Mention> {
    let text = doc.text;
    let mut out: Vec<Mention> = Vec::new();
    let Some(root) = gaz.cursor() else {
        return out;
    };
    let mut i = 0;
    let mut key = String::new();
    let mut persons: Vec<String> = Vec::new();
    while i < tokens.len() {
        let t = &tokens[i];
        if !t.cap {
            i += 1;
            continue;
        }
        // Abbreviations with case and dots ("US-led", "U.S. troops").
        if let Some(m) = abbreviation(doc, tokens, i, gaz) {
            let next = m.tokens.1 + 1;
            out.push(m);
            i = next;
            continue;
        }
        // Longest gazetteer name from here.
        let mut cur = root;
        let mut best: Option<(usize, Hit, String)> = None;
        key.clear();
        let mut j = i;
        while j < tokens.len() && j < i + 8 {
            let tj = &tokens[j];
            let w = word(text, tj);
            if j > i {
                let prev = &tokens[j - 1];
                if prev.end != prev.full_end || !joins(gap(text, prev, tj), word(text, prev)) {
                    break;
                }
                if !tj.cap && !contains(aliases::CONNECTORS, w) {
                    break;
                }
                match gaz.step(cur, b" ") {
                    Some(c) => cur = c,
                    None => break,
                }
                key.push(' ');
            }
            let start = key.len();
            fold::fold_word(w, &mut key);
            match gaz.step(cur, key.get(start..).unwrap_or("").as_bytes()) {
                Some(c) => cur = c,
                None => break,
            }
            if tj.cap {
                if let Some(hit) = gaz.at_name(cur) {
                    best = Some((j, hit, key.clone()));
                }
            }
            j += 1;
        }
        let Some((last, hit, k)) = best else {
            i += 1;
            continue;
        };
        if accept(&k, doc, tokens, i, last, &hit, gaz, &mut persons) {
            let mut first = i;
            // "al-Hawija": the lower-case article belongs to the mention.
            if i > 0 {
                let p = &tokens[i - 1];
                if contains(&["al", "el"], word(text, p)) && gap(text, p, t) == "-" {
                    first = i - 1;
                }
            }
            let mut end_tok = last;
            let mut region_word = false;
            if let Some(n) = tokens.get(last + 1) {
                let l = &tokens[last];
                if l.end == l.full_end
                    && soft_gap(gap(text, l, n))
                    && contains(aliases::REGION_WORDS, word(text, n))
                {
                    end_tok = last + 1;
                    region_word = true;
                }
            }
            out.push(Mention {
                span: tokens[first].start..tokens[end_tok].end,
                key: k,
                candidates: hit.candidates,
                region_word,
                tokens: (first, end_tok),
            });
            i = end_tok + 1;
        } else {
            i = last + 1;
        }
    }
    out
}

/// Whether a name match from token `i` to `last` is a place mention (the rules above).
#[allow(clippy::too_many_arguments)]
fn accept(
    key: &str,
    doc: &Document,
    tokens: &[Token],
    i: usize,
    last: usize,
    hit: &Hit,
    gaz: &Gazetteer,
    persons: &mut Vec<String>,
) -> bool {
    let text = doc.text;
    let t = &tokens[i];
    let w = word(text, t);
    let single = i == last;
    if single
        && (contains(aliases::FREE_BEFORE, w)
            || contains(aliases::TITLES, w)
            || contains(aliases::CONNECTORS, w)
            || aliases::not_a_place(w)
            || w.chars().filter(|c| c.is_alphabetic()).count() < 3)
    {
        return false;
    }
    let level = hit
        .candidates
        .iter()
        .take(10)
        .filter_map(|&c| gaz.entry(c))
        .map(|e| prominence(&e, key))
        .max()
        .unwrap_or(0);
    let country = hit
        .candidates
        .first()
        .and_then(|&c| gaz.entry(c))
        .is_some_and(|e| e.feature == super::index_format::feature::COUNTRY);
    if single && !country && fold::with_lower(w, |l| persons.iter().any(|p| p == l)) {
        return false;
    }
    // Dateline and headline capitals: the whole line is in capitals.
    let caps_context = t.caps
        && (i == 0
            || tokens[i - 1].caps
            || tokens[i - 1].initial && tokens[i - 1].sentence != t.sentence)
        || t.caps && tokens.get(last + 1).is_some_and(|n| n.caps);
    // Short acronyms in mixed-case text.
    if single && t.caps && !caps_context && w.chars().count() <= 4 {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
    let prev_word = prev.map(|p| word(text, p)).unwrap_or("");
    let prev_joined = prev.is_some_and(|p| {
        p.sentence == t.sentence && soft_gap(gap(text, p, t)) && !gap(text, p, t).is_empty()
    });
    if let Some(p) = prev {
        // "Moqtada al-Sadr": look through a lower-case particle to the name before it.
        let (p, prev_word, prev_joined) = match i.checked_sub(2).and_then(|q| tokens.get(q)) {
            Some(q)
                if !p.cap
                    && contains(PARTICLES, prev_word)
                    && q.sentence == t.sentence
                    && soft_gap(gap(text, q, p))
                    && (soft_gap(gap(text, p, t)) || gap(text, p, t) == "-") =>
            {
                (q, word(text, q), true)
            }
            _ => (p, prev_word, prev_joined),
        };
        if prev_joined {
            if contains(aliases::TITLES, prev_word) {
                remember_person(text, tokens, last, persons);
                return false;
            }
            // "Michael Jordan", "Daniel Ortega": a first name before it.
            if p.cap
                && !p.caps
                && !contains(aliases::FREE_BEFORE, prev_word)
                && !contains(aliases::CONNECTORS, prev_word)
                && !aliases::not_a_place(prev_word)
                && p.end == p.full_end
                && !caps_context
            {
                remember_person(text, tokens, last, persons);
                return false;
            }
        }
        if gap(text, p, t) == ". " && contains(aliases::TITLES, prev_word) {
            remember_person(text, tokens, last, persons);
            return false;
        }
        // "Al Qaeda in Iraq", "Islamic State of Iraq", "National Union for the Total
        // Independence of Angola": a name with an organisation word runs into it.
        if prev_joined
            && contains(&["in", "of", "for"], prev_word)
            && org_before(text, tokens, i - 1)
        {
            return false;
        }
    }
    // Common words: at the start of a sentence only the best-known places ("Turkey said"),
    // inside one also those after a locative word ("a blast in Most") or before a stated
    // container ("Karma, in Anbar province").
    if hit.common && single {
        let locative = prev_joined && is_locative(prev_word);
        let rest = text.get(tokens[last].full_end..).unwrap_or("");
        let rest = rest.strip_prefix(',').unwrap_or(rest);
        let contained = ["in ", "near "].iter().any(|p| {
            rest.trim_start()
                .strip_prefix(p)
                .and_then(|r| r.trim_start_matches("the ").chars().next())
                .is_some_and(char::is_uppercase)
        });
        if level < 3 && !locative && !contained {
            return false;
        }
    }
    // A capitalised word right after: a longer name ("Belfast Telegraph").
    let l = &tokens[last];
    if let Some(n) = tokens.get(last + 1) {
        let g = gap(text, l, n);
        let nw = word(text, n);
        if l.end == l.full_end
            && n.sentence == l.sentence
            && (soft_gap(g) || g == "-")
            && n.cap
            && !caps_context
            && !contains(aliases::FREE_BEFORE, nw)
            && !contains(aliases::REGION_WORDS, nw)
            && !contains(aliases::CONNECTORS, nw)
        {
            return false;
        }
    }
    true
}

/// Whether the capitalised name that ends right before token `at` ("in"/"of") holds an
/// organisation word.
fn org_before(text: &str, tokens: &[Token], at: usize) -> bool {
    let mut k = at;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        let q = &tokens[k - 1];
        let w = word(text, q);
        if !(q.sentence == tokens[at].sentence && soft_gap(gap(text, q, &tokens[k]))) {
            return false;
        }
        if q.cap && contains(aliases::ORG_HEADS, w) {
            return true;
        }
        if !(q.cap || contains(&["for", "the", "of", "and", "in"], w)) {
            return false;
        }
        k -= 1;
        steps += 1;
    }
    false
}

/// How well known a place is: 3 countries, capitals, cities of a million and regions
/// under their own name; 2 region seats and cities of 100,000; 0 the rest.
fn prominence(e: &super::gazetteer::Entry, key: &str) -> u8 {
    use super::index_format::feature;
    let own_name = || {
        let n = fold::fold_name(e.name);
        n == key || n.starts_with(&format!("{key} ")) || n.ends_with(&format!(" {key}"))
    };
    match e.feature {
        feature::COUNTRY | feature::CAPITAL => 3,
        feature::ADMIN1 | feature::REGION if own_name() => 3,
        _ if e.population >= 1_000_000 => 3,
        feature::SEAT1 => 2,
        _ if e.population >= 100_000 => 2,
        _ => 0,
    }
}

/// Remembers the last word of a person's name ("Ortega" of "Daniel Ortega") so that it is not
/// taken for a place when it stands alone later.
fn remember_person(text: &str, tokens: &[Token], last: usize, persons: &mut Vec<String>) {
    if let Some(t) = tokens.get(last) {
        let w = word(text, t).to_lowercase();
        if persons.len() < 256 && !persons.contains(&w) {
            persons.push(w);
        }
    }
}

/// A country abbreviation at token `i` ("US", "U.S.", "UK").
fn abbreviation(doc: &Document, tokens: &[Token], i: usize, gaz: &Gazetteer) -> Option<Mention> {
    let text = doc.text;
    let t = tokens.get(i)?;
    let rest = text.get(t.start..)?;
    for (abbr, code) in aliases::COUNTRY_ABBREVIATIONS {
        if !rest.starts_with(abbr) {
            continue;
        }
        let end = t.start + abbr.len();
        let after = text.get(end..).and_then(|s| s.chars().next());
        if after.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        // "TOLD US" in a capitals headline is the pronoun.
        if i > 0
            && tokens[i - 1].caps
            && tokens[i - 1].sentence == t.sentence
            && !abbr.contains('.')
        {
            continue;
        }
        let rec = gaz.country(code)?;
        let mut last = i;
        while last + 1 < tokens.len() && tokens[last + 1].start < end {
            last += 1;
        }
        return Some(Mention {
            span: t.start..end,
            key: fold::fold_name(abbr),
            candidates: vec![rec],
            region_word: false,
            tokens: (i, last),
        });
    }
    None
}
