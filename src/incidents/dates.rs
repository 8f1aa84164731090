//! Dates: the document's publication date (from a dateline, byline or an ISO or written date
//! near the top) and the day an incident happened, from the relative expressions of its
//! sentences ("on Friday", "yesterday", "on 3 March") read against the publication date.
//!
//! Plain civil-calendar arithmetic (proleptic Gregorian), no dependencies, no panics.

use crate::text::tokens::{self, Kind};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (e.g. 2024).
    pub year: i32,
    /// Month 1..=12.
    pub month: u8,
    /// Day 1..=31.
    pub day: u8,
}

/// How precisely an incident's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// The day itself ("on Friday", "yesterday", "on 3 March").
    Day,
    /// Some day of a week ("this week", "last week"): the date is the week's reference day.
    Week,
    /// Some day of a month ("in March", "last month"): the date is the month's first day.
    Month,
}

impl Precision {
    /// The snake_case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or None.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            s.get(0..4)?.parse().ok()?,
            s.get(5..7)?.parse().ok()?,
            s.get(8..10)?.parse().ok()?,
        )
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (`civil_from_days`).
    pub fn from_days(z: i64) -> Option<Date> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(
            i32::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days().checked_add(n)?)
    }

    /// Day of the week, 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u8
    }
}

/// Month names and abbreviations, with their number (examples: "March", "Mar.", "Sept").
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names, 0 = Monday (examples: "on Friday", "Friday's clash", "late Sunday").
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month number of a word ("March", "mar", "Sept."), if it names one.
pub fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    // Most words are no month: rule them out by length and first letter before the table.
    let first = w.as_bytes().first()?.to_ascii_lowercase();
    if !(3..=9).contains(&w.len()) || !b"jfmasond".contains(&first) {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(w))
        .map(|&(_, m)| m)
}

/// The weekday number (0 = Monday) of a word ("Friday", "Friday's").
pub fn weekday_of(word: &str) -> Option<u8> {
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(w))
        .and_then(|i| u8::try_from(i).ok())
}

/// One word of a text with its byte offset.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
}

/// The words of `text` (letters, digits, apostrophes and hyphens), with their offsets:
/// runs of touching tokens of the one token stream ([`tokens::tokenize`]) that are words,
/// hyphens or apostrophes, so ordinal suffixes stay with their number ("25th") and
/// "mid-March", "Jean-Luc" are one word.
fn words<'a>(text: &'a str) -> Vec<Word<'a>> {
    let toks = tokens::tokenize_one(text);
    let mut out: Vec<Word<'a>> = Vec::with_capacity(toks.len());
    // The run being read: its start and end.
    let mut run: Option<(usize, usize)> = None;
    let close = |run: Option<(usize, usize)>, out: &mut Vec<Word<'a>>| {
        if let Some((s, e)) = run {
            out.push(Word {
                text: text.get(s..e).unwrap_or(""),
                start: s,
            });
        }
    };
    for t in &toks {
        let joins = match t.kind {
            Kind::Word => true,
            Kind::Punct(c) => matches!(c, '\'' | '\u{2019}' | '-'),
        };
        if !joins {
            close(run.take(), &mut out);
            continue;
        }
        run = match run {
            Some((s, e)) if e == t.start => Some((s, t.end)),
            other => {
                close(other, &mut out);
                Some((t.start, t.end))
            }
        };
    }
    close(run, &mut out);
    out
}

/// The last `n` words of `text` (as [`words`] cuts them).
fn last_words(text: &str, n: usize) -> Vec<Word<'_>> {
    let mut ws = words(text);
    ws.drain(..ws.len().saturating_sub(n));
    ws
}

/// A day number written "3", "03", "3rd", "25th" (1..=31).
fn day_number(w: &str) -> Option<u8> {
    if !w.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year 1900..=2099.
fn year_number(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..=2099).contains(y))
}

/// A written date found in a text: where it starts and what it says (year may be missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Byte offset of its first word.
    pub start: usize,
    /// Year, where written.
    pub year: Option<i32>,
    /// Month.
    pub month: u8,
    /// Day of the month, where written ("in March" has none).
    pub day: Option<u8>,
}

/// Written dates of a text, in order: ISO "2024-10-25", "25 October 2024", "25th Oct, 2024",
/// "October 25, 2024", "Oct. 25", "3 March", and months alone ("in March", "March 2019").
pub fn written_dates(text: &str) -> Vec<Written> {
    dates_of_words(&words(text))
}

/// [`written_dates`] of a text cut into words.
fn dates_of_words(ws: &[Word<'_>]) -> Vec<Written> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        // ISO 2024-10-25 (one word: hyphens stay inside words).
        if w.text.len() == 10 {
            if let Some(d) = Date::parse_iso(w.text) {
                out.push(Written {
                    start: w.start,
                    year: Some(d.year),
                    month: d.month,
                    day: Some(d.day),
                });
                i += 1;
                continue;
            }
        }
        let next = |k: usize| ws.get(i + k).map(|w| w.text).unwrap_or("");
        // "25 October 2024", "25th Oct, 2024"
        if let (Some(d), Some(m)) = (day_number(w.text), month_of(next(1))) {
            let y = year_number(next(2));
            out.push(Written {
                start: w.start,
                year: y,
                month: m,
                day: Some(d),
            });
            i += 2 + usize::from(y.is_some());
            continue;
        }
        if let Some(m) = month_of(w.text) {
            // "May" as a month only before a number, or capitalised after "in"/"of"/"since".
            let capital = w.text.starts_with(|c: char| c.is_ascii_uppercase());
            if !capital {
                i += 1;
                continue;
            }
            if let Some(d) = day_number(next(1)) {
                let y = year_number(next(2));
                out.push(Written {
                    start: w.start,
                    year: y,
                    month: m,
                    day: Some(d),
                });
                i += 2 + usize::from(y.is_some());
                continue;
            }
            let y = year_number(next(1));
            let before = if i > 0 { ws[i - 1].text } else { "" };
            let after_prep = ["in", "of", "since", "early", "late", "mid", "until", "by"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(before) || before.eq_ignore_ascii_case("mid-"));
            if y.is_some() || (m != 5 && after_prep) {
                out.push(Written {
                    start: w.start,
                    year: y,
                    month: m,
                    day: None,
                });
                i += 1 + usize::from(y.is_some());
                continue;
            }
        }
        // "mid-August"
        if let Some(rest) = w.text.strip_prefix("mid-") {
            if let Some(m) = month_of(rest) {
                out.push(Written {
                    start: w.start,
                    year: None,
                    month: m,
                    day: None,
                });
            }
        }
        i += 1;
    }
    out
}

/// Words that, just before a date on its line, make it the publication date (a byline):
/// "Published October 25, 2024", "Updated: 3 May 2021", "Posted on 21 Jul 2014".
const BYLINE_WORDS: &[&str] = &["published", "updated", "posted", "date", "dated"];

/// Lines of at most this many characters that hold a full date are bylines or date lines
/// ("Jean Doe 22 May 2013", "Tuesday, 3 February, 2009 - 15:19").
const SHORT_LINE: usize = 70;

/// How far into the text the publication date is looked for.
const TOP_BYTES: usize = 1500;

/// The document's publication date: a full date (day, month, year) on a byline or date line
/// near the top ("Published 5:18 PM, November 17, 2018", a line "20 December, 2017", an ISO
/// date), or inside a wire dateline's brackets ("(Agency - 25th Oct, 2024)"). A date in
/// running text ("killed on 22 September 2016", "the Oct. 11, 2011 elections") is an event's,
/// not the document's.
pub fn publication_date(text: &str) -> Option<Date> {
    let mut end = text.len().min(TOP_BYTES);
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    let top = text.get(..end)?;
    for line in top.split('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        for w in written_dates(line) {
            let (Some(year), Some(day)) = (w.year, w.day) else {
                continue;
            };
            let Some(date) = Date::new(year, w.month, day) else {
                continue;
            };
            let before = line.get(..w.start).unwrap_or("");
            let iso = line
                .get(w.start..)
                .and_then(|t| t.get(..10))
                .is_some_and(|t| Date::parse_iso(t).is_some());
            let byline = last_words(before, 6)
                .iter()
                .rev()
                .take(6)
                .any(|x| BYLINE_WORDS.iter().any(|b| b.eq_ignore_ascii_case(x.text)));
            let bracket = before
                .rfind('(')
                .is_some_and(|o| !before[o..].contains(')'))
                && before.contains(" - ");
            let short = trimmed.chars().count() <= SHORT_LINE && !ends_like_sentence(trimmed);
            if iso || byline || bracket || short {
                return Some(date);
            }
        }
    }
    None
}

/// Whether a line reads as a sentence of running text (ends with a full stop after a word).
fn ends_like_sentence(line: &str) -> bool {
    line.ends_with('.') && line.split_whitespace().count() > 6
}

/// Words that make a date the day something was said, not the day of the harm, when they
/// come just before it: "officials said on Monday", "told AFP on Sunday".
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "added",
    "confirmed",
    "stated",
    "tweeted",
    "statement",
];

/// Relative words, the days they move back from the publication date, and the precision
/// they give. Examples: "killed yesterday", "the blast last night", "attacked this morning",
/// "raids earlier today", "clashes this week", "arrested last week".
const RELATIVE: &[(&str, i64, Precision)] = &[
    ("today", 0, Precision::Day),
    ("this morning", 0, Precision::Day),
    ("this afternoon", 0, Precision::Day),
    ("this evening", 0, Precision::Day),
    ("tonight", 0, Precision::Day),
    ("yesterday", -1, Precision::Day),
    ("last night", -1, Precision::Day),
    ("this week", 0, Precision::Week),
    ("last week", -7, Precision::Week),
];

/// The date of the harm a sentence reports, against the publication date `pub_date`
/// (None: only fully written dates are read). Order: a written date with its day ("on 3
/// March", "on 22 September 2016"), a weekday ("on Friday": the last such day on or before
/// the publication date), a relative word ("yesterday", "last night", "this week"), a month
/// alone ("in March", "last month"). Dates right after a speech verb ("said on Monday") are
/// skipped: they are when it was reported.
pub fn sentence_date(sentence: &str, pub_date: Option<Date>) -> Option<(Date, Precision)> {
    let ws = words(sentence);
    let spoken = |start: usize| {
        let k = ws.partition_point(|w| w.start < start);
        ws[..k]
            .iter()
            .rev()
            .take(3)
            .any(|w| SPEECH.iter().any(|s| s.eq_ignore_ascii_case(w.text)))
    };
    let mut month_only = None;
    for w in dates_of_words(&ws) {
        if spoken(w.start) {
            continue;
        }
        match (w.day, w.year, pub_date) {
            (Some(d), Some(y), _) => {
                if let Some(date) = Date::new(y, w.month, d) {
                    return Some((date, Precision::Day));
                }
            }
            (Some(d), None, Some(p)) => {
                // The last such day on or before publication.
                let mut y = p.year;
                if (w.month, d) > (p.month, p.day) {
                    y -= 1;
                }
                if let Some(date) = Date::new(y, w.month, d) {
                    return Some((date, Precision::Day));
                }
            }
            (None, y, p) => {
                let year = y.or_else(|| {
                    p.map(|p| {
                        if w.month > p.month {
                            p.year - 1
                        } else {
                            p.year
                        }
                    })
                });
                if month_only.is_none() {
                    month_only = year.and_then(|y| Date::new(y, w.month, 1));
                }
            }
            _ => {}
        }
    }
    if let Some(p) = pub_date {
        for w in &ws {
            if let Some(d) = weekday_of(w.text) {
                if spoken(w.start) {
                    continue;
                }
                let back = (i64::from(p.weekday()) - i64::from(d)).rem_euclid(7);
                if let Some(date) = p.add_days(-back) {
                    return Some((date, Precision::Day));
                }
            }
        }
        let lower = sentence.to_ascii_lowercase();
        for &(phrase, days, precision) in RELATIVE {
            if let Some(at) = find_phrase(&lower, phrase) {
                if spoken(at) {
                    continue;
                }
                if let Some(date) = p.add_days(days) {
                    return Some((date, precision));
                }
            }
        }
        if find_phrase(&lower, "last month").is_some() {
            let (y, m) = if p.month == 1 {
                (p.year - 1, 12)
            } else {
                (p.year, p.month - 1)
            };
            if let Some(date) = Date::new(y, m, 1) {
                return Some((date, Precision::Month));
            }
        }
    }
    month_only.map(|d| (d, Precision::Month))
}

/// The byte offset of `phrase` in `lower` as whole words.
pub fn find_phrase(lower: &str, phrase: &str) -> Option<usize> {
    // Sentences are short: look for the first byte and compare, rather than build a
    // substring searcher for each phrase.
    let (b, p) = (lower.as_bytes(), phrase.as_bytes());
    let first = *p.first()?;
    memchr::memchr_iter(first, b).find(|&at| {
        let end = at + p.len();
        b.get(at..end) == Some(p)
            && (at == 0 || !b[at - 1].is_ascii_alphanumeric())
            && (end >= b.len() || !b[end].is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap_or(Date {
            year: 1,
            month: 1,
            day: 1,
        })
    }

    #[test]
    fn words_are_the_runs_of_word_chars_hyphens_and_apostrophes() {
        let texts = [
            "",
            "one",
            "Published on: 3 May",
            "  By Jean-Luc O\u{2019}Neil, staff writer -- posted   ",
            "\u{e9}t\u{e9} \u{2014} d\u{e9}j\u{e0}, 12th-floor (AP) updated",
            "'quoted' mid-March\n\n25th Oct., 2024 \u{663}\u{664}",
            "a b c d e f g h i j",
        ];
        let inside = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-');
        for t in texts {
            let want: Vec<(usize, &str)> = t
                .char_indices()
                .filter(|&(i, c)| {
                    inside(c)
                        && !t
                            .get(..i)
                            .and_then(|b| b.chars().next_back())
                            .is_some_and(inside)
                })
                .map(|(i, _)| {
                    let rest = t.get(i..).unwrap_or("");
                    let len = rest.find(|c: char| !inside(c)).unwrap_or(rest.len());
                    (i, rest.get(..len).unwrap_or(""))
                })
                .collect();
            let got: Vec<(usize, &str)> = words(t).iter().map(|w| (w.start, w.text)).collect();
            assert_eq!(got, want, "{t:?}");
            let tail: Vec<&str> = last_words(t, 3).iter().map(|w| w.text).collect();
            let all: Vec<&str> = want.iter().map(|w| w.1).collect();
            assert_eq!(tail, all[all.len().saturating_sub(3)..], "{t:?}");
        }
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(
            Date::from_days(d("2024-02-29").days()),
            Some(d("2024-02-29"))
        );
        assert_eq!(d("2024-03-01").add_days(-1), Some(d("2024-02-29")));
        // 2024-10-25 was a Friday (4).
        assert_eq!(d("2024-10-25").weekday(), 4);
        assert_eq!(Date::new(2023, 2, 29), None);
    }

    #[test]
    fn publication_dates_from_bylines_and_date_lines() {
        let cases = [
            ("Floods hit the valley\n\nBy Jo Bloggs\nPublished 9:10 AM, March 4, 2021\n\nRain fell.", "2021-03-04"),
            ("Blast in port town\n\n14 June, 2019\n\nA bomb went off.", "2019-06-14"),
            ("Headline here\n\n2020-02-03\n\nText.", "2020-02-03"),
            ("Ana Ruiz 9 May 2015\n\nThe storm killed four.", "2015-05-09"),
            ("Port Town, (Wire - Agency - 7th Aug, 2012) A ferry sank.", "2012-08-07"),
        ];
        for (text, want) in cases {
            assert_eq!(publication_date(text), Some(d(want)), "{text}");
        }
    }

    #[test]
    fn event_dates_in_running_text_are_not_publication_dates() {
        let t = "Five killed in raid\n\nAt least five villagers were killed on 2 March 2018 in \
                 an attack on a market in the north of the country, a local official said.";
        assert_eq!(publication_date(t), None);
        let t =
            "The council met after the Oct. 11, 2011 vote to count the ballots again and again.";
        assert_eq!(publication_date(t), None);
    }

    #[test]
    fn a_date_followed_by_a_wide_character_is_read_without_slicing_it() {
        // Found by the fuzzer: a thin space (3 bytes) inside the ten bytes after the day.
        for t in [
            "3 May\u{2009}2014.",
            "Report 3 May\u{2009}2014",
            "1 May 2014\u{2009}x",
        ] {
            let _ = publication_date(t);
        }
        assert_eq!(
            publication_date("By Staff, 3 May 2014\u{2009}"),
            Some(d("2014-05-03"))
        );
    }

    #[test]
    fn incident_days_from_relative_words() {
        let p = Some(d("2024-10-25")); // a Friday
        let day = |s: &str| sentence_date(s, p).map(|(x, pr)| (x.to_string(), pr));
        assert_eq!(
            day("A strike hit a house on Friday."),
            Some(("2024-10-25".into(), Precision::Day))
        );
        assert_eq!(
            day("Gunmen attacked a bus on Wednesday."),
            Some(("2024-10-23".into(), Precision::Day))
        );
        assert_eq!(
            day("Thursday's blast killed six."),
            Some(("2024-10-24".into(), Precision::Day))
        );
        assert_eq!(
            day("Two died in a fire yesterday."),
            Some(("2024-10-24".into(), Precision::Day))
        );
        assert_eq!(
            day("The blasts last night killed nine."),
            Some(("2024-10-24".into(), Precision::Day))
        );
        assert_eq!(
            day("Troops clashed with rebels on 3 October."),
            Some(("2024-10-03".into(), Precision::Day))
        );
        assert_eq!(
            day("Raids this week left 12 dead."),
            Some(("2024-10-25".into(), Precision::Week))
        );
        assert_eq!(
            day("In March, floods displaced hundreds."),
            Some(("2024-03-01".into(), Precision::Month))
        );
        // A December date before an October publication is last year's.
        assert_eq!(
            day("on 5 December a mine collapsed"),
            Some(("2023-12-05".into(), Precision::Day))
        );
    }

    #[test]
    fn report_dates_are_not_incident_dates() {
        let p = Some(d("2024-10-25"));
        assert_eq!(
            sentence_date("Four were hurt, officials said on Monday.", p),
            None
        );
        assert_eq!(
            sentence_date("The mayor told reporters on Tuesday that 3 died.", p),
            None
        );
        // Without a publication date only a full written date is read.
        assert_eq!(sentence_date("A bomb exploded on Friday.", None), None);
        assert_eq!(
            sentence_date("Seven were killed on 22 September 2016 in the town.", None),
            Some((d("2016-09-22"), Precision::Day))
        );
    }
}
