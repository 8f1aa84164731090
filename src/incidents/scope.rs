//! Figures about a whole country over a period: national tolls ("since 1980", "the
//! bloodiest month", "so far this year"). Such a figure with no place of its own belongs to
//! the country, not to the city the report was filed from.
//!
//! | words in the figure's clause | example (our own wording) |
//! |------------------------------|---------------------------|
//! | "since" + a year, "since the beginning/start" | "300 have died since 2004" |
//! | a year or month as a whole: "this year", "past year", "last year", "each year" | "killed 90 people so far this year" |
//! | a bloody period: "bloodiest month", "deadliest year", "bloody month" | "March was the deadliest month, with 212 dead" |
//! | the country itself: "nationwide", "across the country", "throughout the country" | "40 were arrested nationwide" |
//! | many events: "various", "several", "multiple", "separate" + (one word +) "attacks", "raids", "clashes", "incidents", "bombings", "strikes" | "30 died in several militant raids" |
//!
//! Not scope words: "last month", "on Monday", "since Monday's attack" (one incident's time).

use crate::text::tokens::Token;
use std::ops::Range;
use std::sync::LazyLock;

/// Phrases that make a count a toll over a whole period or the whole country.
const PHRASES: &[&str] = &[
    "since the beginning",
    "since the start",
    "this year",
    "past year",
    "last year",
    "each year",
    "every year",
    "a year",
    "past decade",
    "nationwide",
    "across the country",
    "throughout the country",
    "around the country",
];

/// Words of number that, before a plural event word, make a count span several events
/// ("in various attacks", "in several jihadist raids"): not one incident's toll.
const MANY: &[&str] = &["various", "several", "multiple", "separate", "numerous"];

/// Plural event words after [`MANY`].
const EVENTS: &[&str] = &[
    "attacks",
    "raids",
    "clashes",
    "incidents",
    "bombings",
    "strikes",
    "ambushes",
    "assaults",
];

/// Adjectives that, before "month" or "year", make it a period's toll.
const BLOODY: &[&str] = &["bloody", "bloodiest", "deadly", "deadliest", "violent"];

/// Whether the words of a clause (`text[clause]`, `tokens` the document's stream) say its count is a national or whole-period toll (no
/// allocation: a window of the last three words).
pub fn is_national(text: &str, tokens: &[Token], clause: Range<usize>) -> bool {
    let mut w: [&str; 3] = [""; 3];
    for word in words(text, tokens, clause) {
        w = [w[1], w[2], word];
        // Every rule below needs its last word among a few: most words need no more look.
        if !closes_a_rule(word) {
            continue;
        }
        if PHRASE_WORDS.iter().any(|p| ends_with(&w, p)) {
            return true;
        }
        let (a, b) = (w[1], w[2]);
        let year = b.len() == 4 && b.bytes().all(|x| x.is_ascii_digit());
        let period = PERIODS.iter().any(|p| p.eq_ignore_ascii_case(b));
        if (a.eq_ignore_ascii_case("since") && year)
            || (period && BLOODY.iter().any(|x| x.eq_ignore_ascii_case(a)))
        {
            return true;
        }
        let is_in = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
        if is_in(EVENTS, b) && (is_in(MANY, a) || is_in(MANY, w[0])) {
            return true;
        }
    }
    false
}

/// The runs of alphanumeric chars of `text[clause]` (what `split(|c| !c.is_alphanumeric())`
/// keeps of it, empty pieces dropped), read from the document's token stream `tokens`: its
/// words inside the clause, cut at their inner apostrophes.
fn words<'a>(
    text: &'a str,
    tokens: &'a [Token],
    clause: Range<usize>,
) -> impl Iterator<Item = &'a str> + 'a {
    let first = tokens.partition_point(|t| t.end <= clause.start);
    tokens
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |t| t.start < clause.end)
        .filter(|t| t.is_word())
        .filter_map(move |t| text.get(t.start.max(clause.start)..t.end.min(clause.end)))
        .flat_map(|w| w.split(['\'', '\u{2019}']))
        .filter(|w| !w.is_empty())
}

/// Period words that, after a word of [`BLOODY`], make a period's toll.
const PERIODS: &[&str] = &["month", "year", "week"];

/// Whether `word` can be the last word of a rule of [`is_national`]: a year ("since 1995")
/// or, ignoring ASCII case, the last word of a [`PHRASES`] row, a [`PERIODS`] word or an
/// [`EVENTS`] word.
fn closes_a_rule(word: &str) -> bool {
    if word.len() == 4 && word.bytes().all(|x| x.is_ascii_digit()) {
        return true;
    }
    let mut buf = [0u8; 16];
    let Some(low) = buf.get_mut(..word.len()) else {
        return false; // longer than any of them
    };
    for (d, s) in low.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    LAST_WORDS.binary_search(&&*low).is_ok()
}

/// The words that can close a rule (see [`closes_a_rule`]), lower case, sorted.
static LAST_WORDS: LazyLock<Vec<&'static [u8]>> = LazyLock::new(|| {
    let mut v: Vec<&'static [u8]> = PHRASES
        .iter()
        .filter_map(|p| p.rsplit(' ').next())
        .chain(PERIODS.iter().copied())
        .chain(EVENTS.iter().copied())
        .map(str::as_bytes)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// [`PHRASES`] cut into words, once.
static PHRASE_WORDS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| PHRASES.iter().map(|p| p.split(' ').collect()).collect());

/// Whether the last words of `w` are the words of `phrase`.
fn ends_with(w: &[&str; 3], phrase: &[&str]) -> bool {
    let n = phrase.len();
    n <= w.len()
        && phrase
            .iter()
            .rev()
            .zip(w.iter().rev())
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
}

#[cfg(test)]
mod tests {
    use crate::text::tokens::tokenize_one;

    fn national(clause: &str) -> bool {
        let toks = tokenize_one(clause);
        super::is_national(clause, &toks, 0..clause.len())
    }

    #[test]
    fn words_are_the_alphanumeric_runs() {
        for t in [
            "",
            "  ",
            "since 1995, 300 have died",
            "Ça va? 12 morts à Gaza—déjà; x",
            "a\u{2019}b c-d ١٢٣ 東京 ok",
            "trailing word",
        ] {
            let want: Vec<&str> = t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let toks = tokenize_one(t);
            assert_eq!(
                super::words(t, &toks, 0..t.len()).collect::<Vec<_>>(),
                want,
                "{t:?}"
            );
            // A clause that cuts words keeps their inner parts.
            if let Some(cut) = t.char_indices().nth(3).map(|(i, _)| i) {
                let inner = t.get(cut..t.len()).unwrap_or("");
                let want: Vec<&str> = inner
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let got: Vec<&str> = super::words(t, &toks, cut..t.len()).collect();
                assert_eq!(got, want, "{t:?} from {cut}");
            }
        }
    }

    #[test]
    fn only_a_rule_word_is_looked_at_further() {
        use super::{closes_a_rule, LAST_WORDS};
        // The table words are lower case, as the look-up assumes.
        assert!(LAST_WORDS
            .iter()
            .all(|w| w.iter().all(|b| !b.is_ascii_uppercase())));
        for w in ["Year", "NATIONWIDE", "1995", "attacks", "beginning", "week"] {
            assert!(closes_a_rule(w), "{w}");
        }
        for w in ["said", "years", "195", "Mosul", "", "incidentsincidents"] {
            assert!(!closes_a_rule(w), "{w}");
        }
    }

    #[test]
    fn period_and_country_tolls() {
        assert!(national("some 900 people have died since 1995"));
        assert!(national(
            "that left 57 dead since the beginning of the uprising"
        ));
        assert!(national("June was the deadliest month, with 310 killed"));
        assert!(national("police detained 75 people nationwide"));
        assert!(national("road crashes killed 4,000 this year"));
        assert!(national("30 people died in several militant raids"));
        assert!(national("gunmen killed 12 in various attacks"));
    }

    #[test]
    fn one_incident_is_not_a_national_toll() {
        assert!(!national("a bomb killed 12 people last month"));
        assert!(!national("the toll has risen to 30 since Monday's blast"));
        assert!(!national("gunmen wounded 6 guards on Friday"));
        assert!(!national("the 1995 flood killed 40"));
        assert!(!national("12 died in two attacks on a market"));
        assert!(!national("several gunmen killed 9 in the attack"));
    }
}
