//! Statements that no one was harmed: not figures, but a zero document total.
//!
//! | text | zero for |
//! |------|----------|
//! | "no one was hurt", "nobody was injured", "no injuries were reported" | injured (and killed: no one was hurt at all) |
//! | "no one was killed", "there were no deaths", "no fatalities" | killed |
//! | "no casualties", "without casualties" | killed and injured |
//! | "no one was kidnapped", "no arrests were made" | kidnapped, detained |

use crate::vocab::Category;
use aho_corasick::AhoCorasick;
use std::ops::Range;
use std::sync::OnceLock;

/// A statement that no one came to harm of some kinds.
#[derive(Debug, Clone, PartialEq)]
pub struct Zero {
    /// The words that say so (byte offsets).
    pub span: Range<usize>,
    /// The categories it sets to zero.
    pub categories: &'static [Category],
}

const HURT: &[Category] = &[Category::Injured, Category::Killed];
const KILLED: &[Category] = &[Category::Killed];
const INJURED: &[Category] = &[Category::Injured];
const BOTH: &[Category] = &[Category::Killed, Category::Injured];
const KIDNAPPED: &[Category] = &[Category::Kidnapped];
const DETAINED: &[Category] = &[Category::Detained];

// The statements read, in order (words compared ignoring case; a space inside a word of a
// table is one space; "_" below is one or more white-space characters):
//
// 1. "no one" (or "no-one") | "nobody" | "none" | "no " + NOBODY_PEOPLE, then _,
//    optionally "else" _, optionally a word of BE, optionally white space, optionally a word
//    of SAID_SO followed by _ ("believed" may add "to have been" _), then a word of
//    HARM_VERBS (as a prefix: "no one was hurt").
//    "no one was hurt", "nobody else was killed", "no civilians were reported killed".
// 2. Else: a word of NONE, _, optionally a word of NO_KIND followed by _, then a whole word of
//    HARM_NOUNS. "no casualties", "without serious injuries", "no reports of deaths".

/// People after "no ": "no civilians were hurt", "no one else died".
const NOBODY_PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "civilians",
    "civilian",
    "passengers",
    "passenger",
    "soldiers",
    "soldier",
    "one else",
];

/// "no one [was] hurt".
const BE: &[&str] = &["was", "were", "has been", "had been", "is", "are", "got"];

/// "no one was [reported] killed", "nobody was [believed to have been] hurt": each word,
/// then white space, then optionally its second part and white space.
const SAID_SO: &[(&str, Option<&str>)] = &[
    ("reported", None),
    ("seriously", None),
    ("immediately", None),
    ("believed", Some("to have been")),
];

/// The harm after "no one was", with the categories it sets to zero ("no one was hurt":
/// no one was hurt at all, so no one was killed either).
const HARM_VERBS: &[(&str, &[Category])] = &[
    ("killed", KILLED),
    ("hurt", HURT),
    ("injured", INJURED),
    ("wounded", INJURED),
    ("harmed", HURT),
    ("died", KILLED),
    ("dead", KILLED),
    ("kidnapped", KIDNAPPED),
    ("abducted", KIDNAPPED),
    ("arrested", DETAINED),
    ("detained", DETAINED),
];

/// "[no] casualties", "[without] casualties", "[zero] deaths", "[nor any] injuries".
const NONE: &[&str] = &["no", "without", "zero", "nor any"];

/// "no [reported] casualties", "no [reports of] deaths", "without [serious] injuries".
const NO_KIND: &[&str] = &["reported", "immediate", "reports of", "serious", "human"];

/// The harm after "no", with the categories it sets to zero.
const HARM_NOUNS: &[(&str, &[Category])] = &[
    ("casualties", BOTH),
    ("injuries", INJURED),
    ("deaths", KILLED),
    ("fatalities", KILLED),
    ("dead", KILLED),
    ("injured", INJURED),
    ("wounded", INJURED),
    ("arrests", DETAINED),
];

/// Where a statement can start: the first words of both forms ("no" also starts "no one",
/// "nobody", "none" and "nor any").
fn starts() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["no", "without", "zero"])
            .unwrap_or_else(|_| AhoCorasick::new(["no"]).unwrap_or_else(|_| unreachable!()))
    })
}

/// The char at byte `i` (a char boundary) and its length.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// A char compared ignoring case: ASCII letters, and the two other letters whose simple
/// case folding is an ASCII letter (the Kelvin sign is "k", the long s is "s").
fn fold(c: char) -> char {
    match c {
        '\u{212A}' => 'k',
        '\u{17F}' => 's',
        _ => c.to_ascii_lowercase(),
    }
}

/// Is `c` a word character for word boundaries (letters, digits, marks, connectors)?
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || matches!(
            c,
            '\u{300}'..='\u{36F}' | '\u{200C}' | '\u{200D}' | '\u{203F}' | '\u{2040}'
        )
}

/// The end of `word` (lower case; a space matches one space) at byte `at`, ignoring case.
fn word(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut i = at;
    for w in word.chars() {
        let (c, n) = char_at(text, i)?;
        let same = if w == ' ' { c == ' ' } else { fold(c) == w };
        if !same {
            return None;
        }
        i += n;
    }
    Some(i)
}

/// The first word of `words` at `at` that `then` accepts, and where `then` ends.
fn first_of(
    text: &str,
    at: usize,
    words: &[&str],
    then: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    words.iter().find_map(|w| then(word(text, at, w)?))
}

/// The end of the white space at `at` (`at` itself if none).
fn spaces(text: &str, at: usize) -> usize {
    let mut i = at;
    while let Some((_, n)) = char_at(text, i).filter(|(c, _)| c.is_whitespace()) {
        i += n;
    }
    i
}

/// The end of one or more white-space characters at `at`.
fn some_spaces(text: &str, at: usize) -> Option<usize> {
    let e = spaces(text, at);
    (e > at).then_some(e)
}

/// Does a word end at `at` (a word boundary, as the next char is not a word char)?
fn word_ends(text: &str, at: usize) -> bool {
    char_at(text, at).is_none_or(|(c, _)| !is_word_char(c))
}

/// Form 1: "no one was hurt". Returns the end and the harm word's range.
fn nobody_harmed(text: &str, at: usize) -> Option<(usize, Range<usize>)> {
    let no_one = word(text, at, "no")
        .and_then(|i| {
            let (c, n) = char_at(text, i)?;
            (c.is_whitespace() || c == '-').then_some(i + n)
        })
        .and_then(|i| word(text, i, "one"));
    let no_people = word(text, at, "no ");
    // Who, in order; the first that reads on to a harm word wins.
    let whos = [no_one, word(text, at, "nobody"), word(text, at, "none")];
    let people = NOBODY_PEOPLE
        .iter()
        .map(|p| no_people.and_then(|i| word(text, i, p)));
    whos.into_iter()
        .chain(people)
        .flatten()
        .find_map(|who| nobody_harmed_after(text, who))
}

/// The rest of form 1 after who: "[ else] was reported killed".
fn nobody_harmed_after(text: &str, who: usize) -> Option<(usize, Range<usize>)> {
    let mut i = some_spaces(text, who)?;
    if let Some(e) = word(text, i, "else").and_then(|e| some_spaces(text, e)) {
        i = e;
    }
    if let Some(e) = BE.iter().find_map(|w| word(text, i, w)) {
        i = e;
    }
    i = spaces(text, i);
    let said = SAID_SO.iter().find_map(|(w, more)| {
        let e = some_spaces(text, word(text, i, w)?)?;
        let more = more.and_then(|m| some_spaces(text, word(text, e, m)?));
        Some(more.unwrap_or(e))
    });
    if let Some(e) = said {
        i = e;
    }
    let end = HARM_VERBS.iter().find_map(|(w, _)| word(text, i, w))?;
    Some((end, i..end))
}

/// Form 2: "no casualties". Returns the end and the harm word's range.
fn no_harm(text: &str, at: usize) -> Option<(usize, Range<usize>)> {
    let mut i = first_of(text, at, NONE, |e| some_spaces(text, e))?;
    if let Some(e) = first_of(text, i, NO_KIND, |e| some_spaces(text, e)) {
        i = e;
    }
    let end = HARM_NOUNS
        .iter()
        .find_map(|(w, _)| word(text, i, w).filter(|e| word_ends(text, *e)))?;
    Some((end, i..end))
}

/// Every statement in `text` that no one was harmed.
pub fn find(text: &str) -> Vec<Zero> {
    let mut out = Vec::new();
    let mut pos = 0;
    for m in starts().find_iter(text) {
        let at = m.start();
        if at < pos {
            continue;
        }
        // A statement starts a word.
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        if before.is_some_and(is_word_char) {
            continue;
        }
        let Some((end, harm)) = nobody_harmed(text, at).or_else(|| no_harm(text, at)) else {
            continue;
        };
        pos = end;
        // The harm word as written, in ASCII lower case, picks the categories.
        let written = text.get(harm).unwrap_or("").to_ascii_lowercase();
        let categories = HARM_VERBS
            .iter()
            .chain(HARM_NOUNS)
            .find(|(w, _)| *w == written)
            .map(|(_, c)| *c);
        if let Some(categories) = categories {
            out.push(Zero {
                span: at..end,
                categories,
            });
        }
    }
    out
}

/// The first words of the statements: "no (one)", "nobody", "none" (form 1), and those of
/// [`NONE`] (form 2): "nor (any)", "without", "zero".
const OPENERS: &[&str] = &["no", "nobody", "none", "nor", "without", "zero"];

/// Byte classes for the opener scan: 0 not a word byte, 1 a word byte, 2 the first letter
/// of an opener (n, w, z in either case).
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() || b == b'_' {
            t[i] = 1;
        }
        if matches!(b | 0x20, b'n' | b'w' | b'z') && b.is_ascii_alphabetic() {
            t[i] = 2;
        }
        i += 1;
    }
    t
};

/// Whether `hay` holds `needle`, ASCII case-insensitively.
fn contains_ci(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// The statements of [`find`]`(text)` that can set a category `wanted` accepts (a category
/// with no total yet), without running the pattern over the whole text. A statement opens with
/// one of [`OPENERS`] as a word and holds only letters, spaces and hyphens, so the
/// pattern runs only on the stretch from such a word to the next digit or ASCII
/// punctuation mark (plus one character either side, for its word boundaries), and only
/// where that stretch holds a harm word of a category without a total. (A harm word
/// spelt with non-ASCII look-alikes matches the pattern but sets nothing there either.)
pub fn find_for(text: &str, wanted: impl Fn(Category) -> bool) -> Vec<Zero> {
    let mut out = Vec::new();
    let wanted: Vec<&str> = HARM_VERBS
        .iter()
        .chain(HARM_NOUNS)
        .filter(|(_, cats)| cats.iter().any(|&c| wanted(c)))
        .map(|(w, _)| *w)
        .collect();
    if wanted.is_empty() {
        return out;
    }
    let b = text.as_bytes();
    // Bytes before this are already searched.
    let mut covered = 0;
    let mut prev_word = false;
    for (c, &x) in b.iter().enumerate() {
        let class = CLASS[usize::from(x)];
        let starts = class == 2 && !prev_word;
        prev_word = class != 0;
        if !starts || c < covered {
            continue;
        }
        let word_end = c + b[c..]
            .iter()
            .take_while(|&&x| CLASS[usize::from(x)] != 0)
            .count();
        let word = text.get(c..word_end).unwrap_or("");
        if !OPENERS.iter().any(|o| o.eq_ignore_ascii_case(word)) {
            continue;
        }
        let stop = b[word_end..]
            .iter()
            .position(|&x| x.is_ascii_digit() || (x.is_ascii_punctuation() && x != b'-'))
            .map_or(b.len(), |p| word_end + p + 1);
        covered = stop;
        if !wanted.iter().any(|w| contains_ci(&b[word_end..stop], w)) {
            continue;
        }
        let mut from = c.saturating_sub(1);
        while from > 0 && !text.is_char_boundary(from) {
            from -= 1;
        }
        let Some(window) = text.get(from..stop) else {
            continue;
        };
        for mut z in find(window) {
            z.span = z.span.start + from..z.span.end + from;
            out.push(z);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prefilter finds what the whole-text pattern finds, for the categories wanted.
    #[test]
    fn find_for_finds_what_find_finds() {
        use Category::*;
        let texts = [
            "A blast shook the depot. No one was hurt, officials said.",
            "NOBODY WAS KILLED in 2019; none were injured and there were no deaths.",
            "Snow one day, knowhow the next: nothing was hurt. Zero casualties.",
            "The raid ended without casualties\u{a0}and no\u{a0}one was abducted.",
            "Police said no-one else was seriously injured -- nor any arrests.",
            "No 4 people were hurt; nobody, we think, was killed.",
            "Ano one was hurt? éno one was hurt. no one was",
        ];
        for t in texts {
            assert_eq!(find_for(t, |_| true), find(t), "{t}");
        }
        // Only statements that can still set a total are looked for.
        let t = "No one was hurt. Nobody was arrested.";
        let got = find_for(t, |c| !matches!(c, Killed | Injured));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].categories, &[Detained]);
    }

    /// Every statement's first word is an opener of the prefilter.
    #[test]
    fn openers_cover_both_forms() {
        for first in ["no", "nobody", "none"]
            .into_iter()
            .chain(NONE.iter().filter_map(|w| w.split(' ').next()))
        {
            assert!(OPENERS.contains(&first), "{first}");
        }
    }

    #[test]
    fn finds_zero_statements() {
        let cats = |s: &str| {
            find(s)
                .into_iter()
                .flat_map(|z| z.categories.iter().copied())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            cats("The bomb exploded but no one was hurt."),
            HURT.to_vec()
        );
        assert_eq!(cats("Nobody was killed in the fire."), KILLED.to_vec());
        assert_eq!(cats("There were no casualties."), BOTH.to_vec());
        assert_eq!(cats("No injuries were reported."), INJURED.to_vec());
        assert_eq!(cats("No-one was injured in the blast"), INJURED.to_vec());
        assert!(cats("13 people were killed.").is_empty());
        assert!(cats("No group claimed the attack.").is_empty());
    }

    #[test]
    fn reads_every_form() {
        let spans = |s: &str| {
            find(s)
                .into_iter()
                .map(|z| s[z.span].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            spans("Nobody else was believed to have been hurt."),
            ["Nobody else was believed to have been hurt"]
        );
        assert_eq!(
            spans("There were no reports of deaths, nor any injuries."),
            ["no reports of deaths", "nor any injuries"]
        );
        assert_eq!(
            spans("The convoy passed without serious casualties"),
            ["without serious casualties"]
        );
        assert_eq!(
            spans("No civilians were reported killed; none dead."),
            ["No civilians were reported killed", "none dead"]
        );
        // A harm noun is a whole word; a harm verb may start a longer word.
        assert!(spans("no deathsx").is_empty());
        assert_eq!(spans("no one was hurtful"), ["no one was hurt"]);
        // Only at the start of a word.
        assert!(spans("the piano deaths").is_empty());
        assert!(spans("casino killed").is_empty());
    }
}
