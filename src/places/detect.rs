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

use super::aliases;
use super::demonyms;
use super::fold;
use super::gazetteer::{Gazetteer, Hit};
use super::words::{self, *};
use crate::text::tokens as text_tokens;
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
    /// The word tables the word is in ([`words`]).
    pub classes: words::Classes,
}

impl Token {
    /// Whether the word is in one of the tables `classes`.
    #[inline]
    pub fn is(&self, classes: words::Classes) -> bool {
        self.classes & classes != 0
    }
}

/// Splits the text into words: the document's word tokens ([`crate::text::tokens`]), joined
/// across the other apostrophes ("a‘b", "a`b"); a possessive "'s" stays outside
/// [`Token::end`].
pub fn tokenize(doc: &Document) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(doc, &mut out);
    out
}

/// [`tokenize`] into a buffer (cleared first), to reuse its memory from text to text.
pub fn tokenize_into(doc: &Document, out: &mut Vec<Token>) {
    out.clear();
    let text = doc.text;
    let toks = doc.tokens();
    out.reserve(toks.len());
    // The sentence of the word before, and a line break since it: the next word is initial.
    let mut last_sentence = usize::MAX;
    let mut newline_since = true;
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        k += 1;
        newline_since |= t.has(text_tokens::NEWLINE_BEFORE);
        if !t.is_word() {
            continue;
        }
        // The text layer joins words only across ' and ’; a name also across the other
        // apostrophes between two words. An apostrophe with no word after it closes the
        // word: "Workers'" (the apostrophe belongs to the word but not its name).
        let mut end = t.end;
        let mut joined = false;
        let mut cut = None;
        while let Some(p) = toks.get(k).filter(|p| p.start == end) {
            if !matches!(p.kind, text_tokens::Kind::Punct(c) if fold::is_apostrophe(c)) {
                break;
            }
            match toks.get(k + 1).filter(|q| q.is_word() && q.start == p.end) {
                Some(q) => {
                    end = q.end;
                    joined = true;
                    k += 2;
                }
                None => {
                    cut = Some(p.end);
                    k += 1;
                    break;
                }
            }
        }
        let (name_end, full_end) = match cut {
            Some(e) => (end, e),
            None if joined => (text_tokens::possessive_stem(text, t.start, end), end),
            None => (t.stem_end, t.end),
        };
        // The text layer's shape is that of the word without its possessive: read again
        // for the rare name that ends elsewhere.
        let (ascii, shape) = if joined || name_end != t.stem_end {
            let ascii = text.get(t.start..end).is_some_and(str::is_ascii);
            let name = text.get(t.start..name_end).unwrap_or("");
            (ascii, text_tokens::case(name, ascii))
        } else {
            (t.has(text_tokens::ASCII), t.flags)
        };
        let word = text.get(t.start..name_end).unwrap_or("");
        let classes = if ascii {
            words::classes_of_ascii_word(text.as_bytes(), t.start, word.len())
        } else {
            words::classes(word)
        };
        let initial = last_sentence != t.sentence || newline_since;
        last_sentence = t.sentence;
        newline_since = false;
        out.push(Token {
            start: t.start,
            end: name_end,
            full_end,
            cap: shape & text_tokens::CAP != 0,
            caps: shape & text_tokens::CAPS != 0,
            initial,
            sentence: t.sentence,
            classes,
        });
    }
}

/// A gazetteer name found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range of the mention (possessive excluded, "province" included).
    pub span: Range<usize>,
    /// Folded name that matched.
    pub key: String,
    /// Candidate entries, best-known first.
    pub candidates: Vec<u32>,
    /// A region word followed ("Anbar province", "Mon district"): prefer areas.
    pub region_word: bool,
    /// That region word names a first-level division ("province", not "district"): prefer
    /// first-level regions more strongly ([`super::aliases::PROVINCE_WORDS`]).
    pub province_word: bool,
    /// Token indices the mention covers (first, last).
    pub tokens: (usize, usize),
}

impl Mention {
    /// The last token of the name itself, without the region word the mention holds
    /// ("Nawa" of "Nawa district").
    pub fn name_last(&self) -> usize {
        self.tokens.1 - usize::from(self.region_word && self.tokens.1 > self.tokens.0)
    }

    /// The byte range of the name itself, without its region word.
    pub fn name_span(&self, tokens: &[Token]) -> Range<usize> {
        let end = tokens
            .get(self.name_last())
            .map_or(self.span.end, |t| t.end);
        self.span.start..end.max(self.span.start)
    }
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

/// Finds gazetteer name mentions in text order (non-overlapping).
pub fn find_mentions(doc: &Document, tokens: &[Token], gaz: &Gazetteer) -> Vec<Mention> {
    let text = doc.text;
    let mut out: Vec<Mention> = Vec::with_capacity(16);
    let Some(root) = gaz.cursor() else {
        return out;
    };
    let mut i = 0;
    let mut key = String::new();
    let mut persons: Vec<String> = Vec::new();
    let mut lower_words = LowerWords::default();
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
        // "the Somali capital": the capital; "Saudi-led": the country ([`demonyms`]).
        if t.is(DEMONYM) {
            if let Some(m) = demonym_mention(doc, tokens, i, gaz) {
                let next = m.tokens.1 + 1;
                out.push(m);
                i = next;
                continue;
            }
        }
        // Longest gazetteer name from here: (last token, fst value, key length).
        let mut cur = root;
        let mut best: Option<(usize, u64, usize)> = None;
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
                // (A lower-case word after a hyphen may go on a name the gazetteer holds:
                // "Pakistan-controlled Kashmir", "Indian-administered Kashmir".)
                if !tj.cap && !tj.is(CONNECTOR) && gap(text, prev, tj) != "-" {
                    break;
                }
            }
            match gaz.step_word(cur, w, j > i, &mut key) {
                Some(c) => cur = c,
                None => break,
            }
            if tj.cap {
                if let Some(v) = gaz.name_value(cur) {
                    best = Some((j, v, key.len()));
                }
            }
            j += 1;
        }
        let Some((last, hit, k)) = best.and_then(|(last, v, klen)| {
            let hit = gaz.decode_value(v)?;
            Some((last, hit, key.get(..klen)?))
        }) else {
            i += 1;
            continue;
        };
        if accept(
            k,
            doc,
            tokens,
            i,
            last,
            &hit,
            gaz,
            &mut persons,
            &mut lower_words,
        ) {
            let mut first = i;
            // "al-Hawija": the lower-case article belongs to the mention.
            if i > 0 {
                let p = &tokens[i - 1];
                if p.is(ARTICLE) && gap(text, p, t) == "-" {
                    first = i - 1;
                }
            }
            let mut end_tok = last;
            let mut region_word = false;
            let mut province_word = false;
            if let Some(n) = tokens.get(last + 1) {
                let l = &tokens[last];
                if l.end == l.full_end && n.is(REGION_WORD) && soft_gap(gap(text, l, n)) {
                    end_tok = last + 1;
                    region_word = true;
                    province_word = n.is(PROVINCE_WORD);
                }
            }
            out.push(Mention {
                span: tokens[first].start..tokens[end_tok].end,
                key: k.to_string(),
                candidates: hit.candidates,
                region_word,
                province_word,
                tokens: (first, end_tok),
            });
            i = end_tok + 1;
        } else {
            i = last + 1;
        }
    }
    share_plural_region_words(text, tokens, &mut out);
    out
}

/// A plural region word after coordinated names belongs to each of them: "the Kyiv and
/// Chernihiv regions", "Anbar, Nineveh and Salahuddin provinces" (the earlier names keep
/// their spans; only what the word says of them is shared).
fn share_plural_region_words(text: &str, tokens: &[Token], out: &mut [Mention]) {
    // The plural word being shared (its province_word), while the list goes on leftwards.
    let mut shared: Option<bool> = None;
    for b in (1..out.len()).rev() {
        let (head, tail) = out.split_at_mut(b);
        let next = &tail[0];
        let plural = next.region_word
            && tokens
                .get(next.tokens.1)
                .is_some_and(|w| word(text, w).ends_with('s'));
        if plural {
            shared = Some(next.province_word);
        }
        let a = &mut head[b - 1];
        let between = text.get(a.span.end..next.span.start).unwrap_or("");
        match shared {
            Some(province)
                if !a.region_word && matches!(between, " and " | ", " | ", and " | " or ") =>
            {
                a.region_word = true;
                a.province_word = province;
            }
            _ => shared = None,
        }
    }
}

/// The words a text writes in lower case (read once, on first need).
#[derive(Default)]
struct LowerWords<'t>(Option<rustc_hash::FxHashSet<&'t str>>);

impl<'t> LowerWords<'t> {
    /// Whether `word` (capitalised) is also written in lower case as a word of the text.
    fn has(&mut self, text: &'t str, tokens: &[Token], word: &str) -> bool {
        let set = self.0.get_or_insert_with(|| {
            tokens
                .iter()
                .filter(|t| !t.cap)
                .filter_map(|t| text.get(t.start..t.end))
                .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                .collect()
        });
        fold::with_lower(word, |l| set.contains(l))
    }
}

/// Whether a name match from token `i` to `last` is a place mention (the rules above).
#[allow(clippy::too_many_arguments)]
fn accept<'t>(
    key: &str,
    doc: &Document<'t>,
    tokens: &[Token],
    i: usize,
    last: usize,
    hit: &Hit,
    gaz: &Gazetteer,
    persons: &mut Vec<String>,
    lower_words: &mut LowerWords<'t>,
) -> bool {
    use super::index_format::feature;
    let text = doc.text;
    let t = &tokens[i];
    let w = word(text, t);
    let single = i == last;
    // A name that is also a connector ("Beni" of "Beni Suef") stands alone as a place only
    // after a locative word or a place word and "of", with four letters or more: "an attack
    // in Beni", "the territory of Beni" (the town in Congo); not "Bani said" or "De" alone.
    let locative_connector = || {
        let before = |k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
        let lower_before = |p: &Token| !p.cap && p.sentence == t.sentence;
        w.len() >= 4
            && before(1).is_some_and(|p| {
                lower_before(p)
                    && gap(text, p, t) == " "
                    && (p.is(LOCATIVE)
                        || p.is(OF)
                            && before(2)
                                .is_some_and(|q| lower_before(q) && q.is(PLACE_WORD | REGION_WORD)))
            })
    };
    if single
        && (t.is(FREE_BEFORE | TITLE | NOT_A_PLACE)
            || t.is(CONNECTOR) && !locative_connector()
            || w.chars().filter(|c| c.is_alphabetic()).count() < 3)
    {
        return false;
    }
    // An adjective of nationality is never a place ("Somali" is not Ethiopia's Somali
    // Region); a longer name that starts with one may be ("Iraqi Kurdistan").
    if single && t.is(DEMONYM) && demonyms::lookup(None, w).is_some() {
        return false;
    }
    // (The facts below about the candidates are read only where a rule needs them.)
    let level = || {
        let mut best = 0;
        for &c in hit.candidates.iter().take(10) {
            best = best.max(prominence(gaz, c, key).unwrap_or(0));
            if best >= 3 {
                break;
            }
        }
        best
    };
    let country = || {
        hit.candidates
            .first()
            .and_then(|&c| gaz.feature(c))
            .is_some_and(|f| f == feature::COUNTRY)
    };
    if single
        && !persons.is_empty()
        && fold::with_lower(w, |l| persons.iter().any(|p| p == l))
        && !country()
    {
        return false;
    }
    // Dateline and headline capitals: the whole line is in capitals.
    // (The text's first word: only as a dateline, "BAGHDAD (Wire) -", "KABUL:"; not an
    // acronym that opens a sentence, "ETA detonated a bomb".)
    let opens_dateline = || {
        let after = text.get(tokens[last].full_end..).unwrap_or("");
        [",", " (", " -", " —", " –", ":", "\n"]
            .iter()
            .any(|p| after.starts_with(p))
    };
    let line_in_caps = match i.checked_sub(1).and_then(|p| tokens.get(p)) {
        None => opens_dateline(),
        Some(p) => p.caps || p.initial && p.sentence != t.sentence,
    } || tokens.get(last + 1).is_some_and(|n| n.caps);
    let caps_context = t.caps && line_in_caps;
    // Short acronyms in mixed-case text.
    if single && t.caps && !caps_context && w.chars().count() <= 4 {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
    let prev_joined = prev.is_some_and(|p| {
        p.sentence == t.sentence && soft_gap(gap(text, p, t)) && !gap(text, p, t).is_empty()
    });
    if let Some(p) = prev {
        // "Moqtada al-Sadr": look through a lower-case particle to the name before it.
        let (p, prev_joined) = match i.checked_sub(2).and_then(|q| tokens.get(q)) {
            Some(q)
                if !p.cap
                    && p.is(PARTICLE)
                    && q.sentence == t.sentence
                    && soft_gap(gap(text, q, p))
                    && (soft_gap(gap(text, p, t)) || gap(text, p, t) == "-") =>
            {
                (q, true)
            }
            _ => (p, prev_joined),
        };
        if prev_joined {
            if p.is(TITLE) {
                remember_person(text, tokens, last, persons);
                return false;
            }
            // "Michael Jordan", "Daniel Ortega": a first name before it.
            if p.cap
                && !p.caps
                && !p.is(FREE_BEFORE | CONNECTOR | NOT_A_PLACE)
                && p.end == p.full_end
                && !caps_context
            {
                remember_person(text, tokens, last, persons);
                return false;
            }
        }
        if p.is(TITLE) && gap(text, p, t) == ". " {
            remember_person(text, tokens, last, persons);
            return false;
        }
        // "Al Qaeda in Iraq", "Islamic State of Iraq", "National Union for the Total
        // Independence of Angola": a name with an organisation word runs into it.
        if prev_joined && p.is(ORG_LINK) && org_before(text, tokens, i - 1) {
            return false;
        }
    }
    // A word that opens a sentence and is written in lower case elsewhere in the text is
    // that common word ("Monsoon rains have caused floods" beside "torrential monsoon
    // rains"), unless it is one of the best-known places.
    if single && t.initial && !t.caps && lower_words.has(text, tokens, w) && level() < 3 {
        return false;
    }
    // A piece of a compound name the gazetteer lacks: "Qala-e-Naw", "Dera-i-Ismail" are
    // not "Qala", "Dera" or "Ismail" ([`COMPOUND_LINKS`]).
    if text
        .get(tokens[last].end..)
        .is_some_and(|r| COMPOUND_LINKS.iter().any(|l| r.starts_with(l)))
        || text
            .get(..t.start)
            .is_some_and(|r| COMPOUND_LINKS.iter().any(|l| r.ends_with(l)))
    {
        return false;
    }
    // Common words: at the start of a sentence only the best-known places ("Turkey said"),
    // inside one also those after a locative word ("a blast in Most") or before a stated
    // container ("Karma, in Anbar province").
    if hit.common && single {
        // ("the eastern city of Benghazi", "the town of Reading": a place word and "of".)
        let place_word_of = prev_joined
            && prev.is_some_and(|p| fold::ascii_lower_eq(word(text, p), "of"))
            && i.checked_sub(2)
                .and_then(|q| tokens.get(q))
                .is_some_and(|q| !q.cap && q.is(LOCATIVE | PLACE_WORD));
        let locative = prev_joined && prev.is_some_and(|p| p.is(LOCATIVE)) || place_word_of;
        let rest = text.get(tokens[last].full_end..).unwrap_or("");
        let rest = rest.strip_prefix(',').unwrap_or(rest);
        let contained = ["in ", "near "].iter().any(|p| {
            rest.trim_start()
                .strip_prefix(p)
                .and_then(|r| r.trim_start_matches("the ").chars().next())
                .is_some_and(char::is_uppercase)
        });
        if !locative && !contained && level() < 3 {
            return false;
        }
    }
    // "the Haddad family": a family's name ([`aliases::KIN_WORDS`]).
    let l = &tokens[last];
    if let Some(n) = tokens.get(last + 1) {
        // (Through a hyphenated article: "the al-Haddad family".)
        let before = match prev {
            Some(p) if p.is(ARTICLE) && gap(text, p, t) == "-" => {
                i.checked_sub(2).and_then(|q| tokens.get(q))
            }
            p => p,
        };
        if before.is_some_and(|b| b.is(THE))
            && !n.cap
            && n.is(KIN)
            && soft_gap(gap(text, l, n))
            && l.end == l.full_end
        {
            return false;
        }
    }
    // "the Sinaloa cartel", "Sinaloa and Jalisco cartels": a group's name
    // ([`aliases::GROUP_WORDS`]).
    let group_after = |k: usize| {
        tokens.get(k).is_some_and(|g| {
            !g.cap
                && g.is(GROUP)
                && tokens
                    .get(k - 1)
                    .is_some_and(|p| p.end == p.full_end && soft_gap(gap(text, p, g)))
        })
    };
    if group_after(last + 1)
        || tokens.get(last + 1).is_some_and(|n| {
            n.is(CONNECTOR)
                && !n.cap
                && soft_gap(gap(text, l, n))
                && tokens.get(last + 2).is_some_and(|m| m.cap)
                && group_after(last + 3)
        })
    {
        return false;
    }
    // A capitalised word right after: a longer name ("Belfast Telegraph").
    if let Some(n) = tokens.get(last + 1) {
        let g = gap(text, l, n);
        if l.end == l.full_end
            && n.sentence == l.sentence
            && n.cap
            && !caps_context
            && (!n.is(FREE_BEFORE | REGION_WORD | CONNECTOR) || hyphen_prefix(text, n))
            && (soft_gap(g) || g == "-")
            // (A facility named for a known place: "Kabul International Airport", not
            // "Jinnah International Airport", named for a person and a village's namesake,
            // nor "La Guardia Airport", whose name starts before the place name.)
            && !(named_for_its_place(text, tokens, last + 1)
                && level() >= 2
                && !i.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(|p| {
                    p.cap && p.sentence == t.sentence && soft_gap(gap(text, p, t))
                }))
        {
            return false;
        }
    }
    true
}

/// Whether the capitalised words from token `at` name a facility after the place before it
/// ([`words::NAMED_FOR_THEIR_PLACE`]: "Kabul International Airport").
fn named_for_its_place(text: &str, tokens: &[Token], at: usize) -> bool {
    words::NAMED_FOR_THEIR_PLACE
        .iter()
        .any(|(between, facility)| {
            let words = between.iter().chain(std::iter::once(facility));
            words.enumerate().all(|(k, w)| {
                tokens
                    .get(at + k)
                    .is_some_and(|t| t.cap && word(text, t).eq_ignore_ascii_case(w))
            })
        })
}

/// Prefixes that stand before a place only with a hyphen ("post-war", "anti-Kabul"): as a
/// capitalised word after a place they continue a name ("The Jerusalem Post").
pub(crate) const HYPHEN_PREFIXES: &[&str] = &["post", "pre", "anti", "pro", "ex", "non"];

/// Hyphenated links inside compound names of the Persian and Arabic world ("Qala-e-Naw",
/// "Mazar-i-Sharif", "Dera-i-Ismail", "Pul-e-Khumri"): a name that ends right before one
/// is cut from a longer name.
const COMPOUND_LINKS: &[&str] = &["-e-", "-i-", "-ye-", "-ul-", "-ud-", "-ur-", "-al-", "-el-"];

fn hyphen_prefix(text: &str, t: &Token) -> bool {
    let w = word(text, t);
    HYPHEN_PREFIXES.iter().any(|p| fold::ascii_lower_eq(w, p))
        && !text.get(t.end..).is_some_and(|r| r.starts_with('-'))
}

/// Whether the capitalised name that ends right before token `at` ("in"/"of") holds an
/// organisation word.
fn org_before(text: &str, tokens: &[Token], at: usize) -> bool {
    let mut k = at;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        let q = &tokens[k - 1];
        if !(q.sentence == tokens[at].sentence && soft_gap(gap(text, q, &tokens[k]))) {
            return false;
        }
        if q.cap && q.is(ORG_HEAD) {
            // A head word alone that opens its sentence is capitalised by its place, not as
            // a name: "Police in Kabul found 12 bodies", "Forces in Mosul pushed on" name
            // Kabul and Mosul ("Al Qaeda in Iraq" and "University of X" keep their name).
            let link_in = fold::ascii_lower_eq(word(text, &tokens[at]), "in");
            // A building "in" a place is in it: "Saint Mark's Church in Alexandria" ("the
            // Church of England" keeps its name).
            return !(q.initial && k == at && link_in || link_in && q.is(FACILITY));
        }
        if !(q.cap || q.is(ORG_INNER)) {
            return false;
        }
        k -= 1;
        steps += 1;
    }
    false
}

/// How well known a place is: 3 countries, capitals, cities of a million and regions
/// under their own name; 2 region seats and cities of 100,000; 0 the rest.
fn prominence(gaz: &Gazetteer, id: u32, key: &str) -> Option<u8> {
    use super::index_format::feature;
    let f = gaz.feature(id)?;
    let own_name = || {
        gaz.name(id).is_some_and(|name| {
            let n = fold::fold_name(name);
            n == key
                || n.len() > key.len()
                    && (n.starts_with(key) && n.as_bytes().get(key.len()) == Some(&b' ')
                        || n.ends_with(key)
                            && n.as_bytes().get(n.len() - key.len() - 1) == Some(&b' '))
        })
    };
    let population = || gaz.population(id).unwrap_or(0);
    Some(match f {
        feature::COUNTRY | feature::CAPITAL => 3,
        feature::ADMIN1 | feature::REGION if own_name() => 3,
        _ if population() >= 1_000_000 => 3,
        feature::SEAT1 => 2,
        _ if population() >= 100_000 => 2,
        _ => 0,
    })
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
    let first = rest.as_bytes().first()?;
    for (abbr, code) in aliases::COUNTRY_ABBREVIATIONS {
        if abbr.as_bytes().first() != Some(first) || !rest.starts_with(abbr) {
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
            province_word: false,
            tokens: (i, last),
        });
    }
    None
}

/// The demonym row at token `i` ("Somali", or "South Sudanese" with the word before), with
/// the index of the form's first token.
pub fn demonym_at(
    text: &str,
    tokens: &[Token],
    i: usize,
) -> Option<(&'static demonyms::Demonym, usize)> {
    let t = tokens.get(i)?;
    if !t.is(DEMONYM) {
        return None;
    }
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p)).filter(|p| {
        p.cap && p.sentence == t.sentence && p.end == p.full_end && gap(text, p, t) == " "
    });
    let (row, two) = demonyms::lookup(prev.map(|p| word(text, p)), word(text, t))?;
    Some((row, if two { i - 1 } else { i }))
}

/// A mention made by an adjective of nationality ([`demonyms`]): "the Somali capital" is a
/// mention of Mogadishu (span "Somali capital"), "Saudi-led" of Saudi Arabia (a form that is
/// also the country's short name, like "US-led"). Other demonyms make no mention.
fn demonym_mention(doc: &Document, tokens: &[Token], i: usize, gaz: &Gazetteer) -> Option<Mention> {
    use super::index_format::feature;
    let text = doc.text;
    let (row, first) = demonym_at(text, tokens, i)?;
    let t = tokens.get(i)?;
    let next = tokens.get(i + 1);
    let capital = next.filter(|n| {
        !row.capital.is_empty()
            && !n.cap
            && t.end == t.full_end
            && n.sentence == t.sentence
            && soft_gap(gap(text, t, n))
            && fold::ascii_lower_eq(word(text, n), "capital")
    });
    if capital.is_some() {
        let hit = gaz.lookup(row.capital)?;
        let of_country = |id: &u32| {
            gaz.entry(*id)
                .is_some_and(|e| e.country == Some(row.country))
        };
        let id = hit
            .candidates
            .iter()
            .find(|id| of_country(id) && gaz.feature(**id) == Some(feature::CAPITAL))
            .or_else(|| hit.candidates.iter().find(|id| of_country(id)))
            .copied()?;
        return Some(Mention {
            span: tokens.get(first)?.start..tokens.get(i + 1)?.end,
            key: fold::fold_name(row.capital),
            candidates: vec![id],
            region_word: false,
            province_word: false,
            tokens: (first, i + 1),
        });
    }
    let after = text.get(t.end..).unwrap_or("");
    if row.short_name
        && t.end == t.full_end
        && ["-led", "-backed"].iter().any(|s| after.starts_with(s))
    {
        let id = gaz.country(row.country)?;
        return Some(Mention {
            span: t.start..t.end,
            key: fold::fold_name(gaz.name(id)?),
            candidates: vec![id],
            region_word: false,
            province_word: false,
            tokens: (i, i),
        });
    }
    None
}

/// The countries the story's words point to without naming a place: adjectives of
/// nationality ([`demonym_votes`]) and armed groups ([`super::actors`]); evidence for
/// resolution, not places.
pub fn country_votes(text: &str, tokens: &[Token]) -> Vec<([u8; 2], u32)> {
    let mut votes = demonym_votes(text, tokens);
    super::actors::add_votes(text, &mut votes);
    votes
}

/// The countries the story's adjectives of nationality point to ("Somali troops",
/// "Colombian police"), each with how often; evidence for resolution, not places.
pub fn demonym_votes(text: &str, tokens: &[Token]) -> Vec<([u8; 2], u32)> {
    let mut out: Vec<([u8; 2], u32)> = Vec::new();
    for i in 0..tokens.len() {
        if !tokens[i].is(DEMONYM) || !tokens[i].cap {
            continue;
        }
        let Some((row, _)) = demonym_at(text, tokens, i) else {
            continue;
        };
        let Ok(code) = <[u8; 2]>::try_from(row.country.as_bytes()) else {
            continue;
        };
        match out.iter_mut().find(|(c, _)| *c == code) {
            Some(e) => e.1 += 1,
            None => out.push((code, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_from_the_text_tokens() {
        let s = "Workers' a‘b's Baghdad’s\nKIRKUK Sana'a";
        let doc = Document::new(s);
        let got: Vec<(&str, &str, bool, bool, bool)> = tokenize(&doc)
            .iter()
            .map(|t| {
                (
                    s.get(t.start..t.end).unwrap_or("?"),
                    s.get(t.start..t.full_end).unwrap_or("?"),
                    t.cap,
                    t.caps,
                    t.initial,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Workers", "Workers'", true, false, true),
                ("a‘b", "a‘b's", false, false, false),
                ("Baghdad", "Baghdad’s", true, false, false),
                ("KIRKUK", "KIRKUK", true, true, true),
                ("Sana'a", "Sana'a", true, false, false),
            ]
        );
    }
}
