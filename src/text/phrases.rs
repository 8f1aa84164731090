//! Word-list search: which phrases of a table occur in a text as whole words, in one pass.
//!
//! The cue tables of the later stages ("since the war began", "last week", "another") are
//! searched in every sentence. One Aho-Corasick automaton per table reads a sentence once
//! instead of once per phrase, and compares ASCII letters ignoring case, so the sentence need
//! not be lower-cased first.
//!
//! A match is a whole-word match: the bytes just before and after it are not ASCII letters
//! or digits ("war" is in "the war began", not in "warned" or "postwar").
//!
//! | call | text | phrases | answer |
//! |------|------|---------|--------|
//! | [`Phrases::any_in`] | "Since the war began, 40 died" | "since the war", "last week" | true |
//! | [`Phrases::any_in`] | "He warned of 40 deaths" | "war" | false |
//! | [`Phrases::starts`] | "These attacks killed 9" | "these attacks" | true |
//! | [`Phrases::each`] | "a second blast and a fire" | "blast", "fire", "flood" | row 0 at 9, row 1 at 21 |

use aho_corasick::{AhoCorasick, MatchKind};

/// A table of phrases (lower case, ASCII letters compared ignoring case) to find as whole
/// words.
pub struct Phrases {
    phrases: Vec<&'static str>,
    /// `None` only if the automaton could not be built (it always can for word tables): the
    /// phrases are then searched one by one, with the same answers.
    ac: Option<AhoCorasick>,
}

impl Phrases {
    /// The automaton of `phrases`.
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> Phrases {
        let phrases: Vec<&'static str> = phrases.into_iter().collect();
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&phrases)
            .ok();
        Phrases { phrases, ac }
    }

    /// Whether any phrase occurs in `text` as whole words.
    pub fn any_in(&self, text: &str) -> bool {
        let mut found = false;
        self.each(text, |_, _| {
            found = true;
            false
        });
        found
    }

    /// Whether `text` begins with one of the phrases as whole words.
    pub fn starts(&self, text: &str) -> bool {
        let mut found = false;
        self.each(text, |_, at| {
            found = at == 0;
            !found
        });
        found
    }

    /// Calls `f(row, byte offset)` for each whole-word occurrence of each phrase (overlapping
    /// ones included; in no promised order) until it returns false.
    pub fn each(&self, text: &str, mut f: impl FnMut(usize, usize) -> bool) {
        let b = text.as_bytes();
        let whole = |at: usize, end: usize| {
            (at == 0 || !b[at - 1].is_ascii_alphanumeric())
                && (end >= b.len() || !b[end].is_ascii_alphanumeric())
        };
        match &self.ac {
            Some(ac) => {
                for m in ac.find_overlapping_iter(text) {
                    if whole(m.start(), m.end()) && !f(m.pattern().as_usize(), m.start()) {
                        return;
                    }
                }
            }
            None => {
                let lower = text.to_ascii_lowercase();
                for (row, p) in self.phrases.iter().enumerate() {
                    let mut from = 0;
                    while let Some(i) = lower.get(from..).and_then(|t| t.find(p)) {
                        let at = from + i;
                        if whole(at, at + p.len()) && !f(row, at) {
                            return;
                        }
                        from = at + 1;
                        while from < lower.len() && !lower.is_char_boundary(from) {
                            from += 1;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Phrases;

    #[test]
    fn whole_words_ignoring_ascii_case() {
        let p = Phrases::new(["since the war", "last week", "war"]);
        assert!(p.any_in("Since the war began, 40 died"));
        assert!(p.any_in("40 died LAST WEEK."));
        assert!(!p.any_in("He warned of a postwar toll"));
        assert!(!p.any_in(""));
        // Non-ASCII letters are not folded and do not join words.
        assert!(p.any_in("la war\u{e9}"));
        assert!(!p.any_in("W\u{c4}R"));
    }

    #[test]
    fn starts_only_at_the_first_byte() {
        let p = Phrases::new(["these", "these attacks", "most of them"]);
        assert!(p.starts("These attacks killed 9"));
        assert!(p.starts("most of them were civilians"));
        assert!(!p.starts("Of these, 9 died"));
        assert!(!p.starts("Theses were written"));
    }

    #[test]
    fn each_row_and_offset() {
        let p = Phrases::new(["blast", "fire", "flood", "a fire"]);
        let mut found = Vec::new();
        p.each("a second blast and a fire; firefighters", |row, at| {
            found.push((row, at));
            true
        });
        found.sort_unstable();
        assert_eq!(found, [(0, 9), (1, 21), (3, 19)]);
    }

    /// `any_in`, `starts` and the rows with offsets, for one text.
    type Answers = (bool, bool, Vec<(usize, usize)>);

    /// The fallback (no automaton) answers as the automaton does.
    #[test]
    fn fallback_agrees() {
        let mut p = Phrases::new(["since the war", "week", "a"]);
        let texts = [
            "Since the war began",
            "a week ago",
            "weeks, aa, A.",
            "\u{e9}a\u{e9} week",
        ];
        let rows = |p: &Phrases, t: &str| {
            let mut r = Vec::new();
            p.each(t, |row, at| {
                r.push((row, at));
                true
            });
            r.sort_unstable();
            r
        };
        let with: Vec<Answers> = texts
            .iter()
            .map(|t| (p.any_in(t), p.starts(t), rows(&p, t)))
            .collect();
        p.ac = None;
        let without: Vec<Answers> = texts
            .iter()
            .map(|t| (p.any_in(t), p.starts(t), rows(&p, t)))
            .collect();
        assert_eq!(with, without);
    }
}
