//! Numbers that are never casualty figures, whatever harm word stands near them.
//!
//! The numbers stage flags years, dates, times, money, percentages, ordinals, ages, measures
//! and durations in `NumberMention::kind`; these rules look at the words around the count as
//! well, so figures stay right whatever the numbers stage knows:
//!
//! | rule | example (not a figure) |
//! |------|------------------------|
//! | a year | "killed in 2003", "since 1980" |
//! | a date | "on May 22", "22 May" |
//! | a clock time | "at 10:30" |
//! | money | "$5 million", "500 dollars" |
//! | a percentage | "25 percent of those killed", "25%" |
//! | an ordinal or a unit glued to digits | "the 21st", "80km", "the 1980s" |
//! | an age | "aged 25", "a 23-year-old", "18 year-old girl", "his sister Mona, 6." |
//! | a rate | "21 people per day", "13 a week" |
//! | negation | "no one was hurt", "not 13 as first reported" |
//! | a label | "No. 13", "Resolution 1244", "Route 1" |
//! | groups of people | "members of one family", "relatives of 3 households" |

use super::lexicon::*;
use super::tokens::{starts_upper, text_of, Shape, Tok};

fn w<'a>(text: &'a str, toks: &[Tok], i: usize) -> &'a str {
    toks.get(i).map(|t| text_of(text, t)).unwrap_or("")
}

/// Whether the count at tokens `[a, b)` (victims at `np`) is not a figure.
pub fn blocked(text: &str, toks: &[Tok], a: usize, b: usize, np: Option<(usize, usize)>) -> bool {
    let Some(first) = toks.get(a) else {
        return true;
    };
    let last = toks.get(b.saturating_sub(1)).unwrap_or(first);
    let num = text_of(text, last);
    let prev = if a > 0 { w(text, toks, a - 1) } else { "" };
    let next = w(text, toks, b);
    let next_tok = toks.get(b);
    // Digits with letters glued on: "21st", "80km", "1980s", "3rd".
    if last.shape == Shape::Digits && num.bytes().any(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    // Years: four digits from 1800 to 2100 without thousands separator.
    if last.shape == Shape::Digits && num.len() == 4 && num.bytes().all(|c| c.is_ascii_digit()) {
        let v: u32 = num.parse().unwrap_or(0);
        if (1800..=2100).contains(&v) {
            return true;
        }
    }
    // Dates: "May 22", "22 May", "22/05".
    if toks
        .get(a.wrapping_sub(1))
        .is_some_and(|t| t.any(MONTH) && starts_upper(prev))
        || next_tok.is_some_and(|t| t.any(MONTH) && starts_upper(next))
    {
        return true;
    }
    // Times, dates and scores glued by punctuation: "10:30", "22/05", "3-1".
    if let Some(t) = next_tok {
        if (t.is_punct(':') || t.is_punct('/') || t.is_punct('.'))
            && toks
                .get(b + 1)
                .is_some_and(|n| n.shape == Shape::Digits && n.start == t.end)
            && t.start == last.end
        {
            return true;
        }
    }
    if a > 0 {
        if let Some(p) = toks.get(a - 1) {
            if (p.is_punct(':') || p.is_punct('/')) && p.end == first.start {
                return true;
            }
            // Money: "$5", "£10", "€3".
            if matches!(
                p.shape,
                Shape::Punct('$') | Shape::Punct('£') | Shape::Punct('€') | Shape::Punct('¥')
            ) {
                return true;
            }
            // Labels: "No. 13", "#13", "Route 1", "Resolution 1244".
            if p.is_punct('#') || is(prev, "no.") {
                return true;
            }
        }
    }
    if [
        "us$",
        "usd",
        "rs",
        "aged",
        "age",
        "ages",
        "number",
        "no",
        "route",
        "resolution",
        "article",
        "flight",
        "highway",
        "km",
        "kilometre",
        "kilometer",
    ]
    .iter()
    .any(|x| is(prev, x))
    {
        // "number 13" is a label; "no 13" a negation.
        return true;
    }
    // Percentages and ages after the count.
    if next_tok.is_some_and(|t| t.is_punct('%'))
        || [
            "percent",
            "pc",
            "per",
            "year-old",
            "years-old",
            "yr-old",
            "-year-old",
        ]
        .iter()
        .any(|x| is(next, x))
    {
        // "per cent" and "per day" both end here.
        return true;
    }
    if is(next, "year") || is(next, "years") {
        // "18 year-old girl", "25 years old" read as an age.
        let after = w(text, toks, b + 1);
        if is(after, "old") || after.starts_with('-') {
            return true;
        }
    }
    // Rates: "21 people per day", "13 a week".
    let after_np = np.map(|(_, e)| e).unwrap_or(b);
    if toks.get(after_np).is_some_and(|t| t.any(RATE))
        && toks.get(after_np + 1).is_some_and(|t| t.any(THING))
    {
        let unit = w(text, toks, after_np + 1);
        if ["day", "week", "month", "year", "hour", "minute", "night"]
            .iter()
            .any(|x| is(unit, x))
        {
            return true;
        }
    }
    // An age in apposition: "The man, 34, was arrested".
    if a >= 2
        && toks.get(a - 1).is_some_and(|t| t.is_punct(','))
        && next_tok.is_some_and(|t| t.is_punct(','))
        && toks.get(a - 2).is_some_and(|t| t.shape == Shape::Word)
        && last.shape == Shape::Digits
        && num.len() <= 3
    {
        return true;
    }
    // An age after a name at the end of a phrase: "his sister Fatma, 6.", "Ali, 9)".
    if a >= 2
        && toks.get(a - 1).is_some_and(|t| t.is_punct(','))
        && toks.get(a - 2).is_some_and(|t| {
            t.shape == Shape::Word && starts_upper(text_of(text, t)) && !t.any(PERSON)
        })
        && last.shape == Shape::Digits
        && num.len() <= 2
        && next_tok.is_none_or(|t| t.is_punct('.') || t.is_punct(')') || t.is_punct(';'))
    {
        return true;
    }
    // A count of groups inside a phrase about their members: "25 members of one family",
    // "relatives of 3 households", "seven people from one family", "5 people in one village".
    if (is(prev, "of") || is(prev, "from") || is(prev, "in"))
        && toks.get(a.wrapping_sub(2)).is_some_and(|t| t.any(PERSON))
        && next_tok.is_some_and(|t| t.any(GROUP))
    {
        return true;
    }
    // Negated: "no one", "not 13", "none of the 13".
    if toks.get(a.wrapping_sub(1)).is_some_and(|t| t.any(NEG)) {
        return true;
    }
    false
}
