//! Sentence boundaries: a conservative splitter that knows news abbreviations.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "u.s", "u.n",
    "u.k", "e.g", "i.e", "gov", "sen", "rep", "rev", "prof", "inc", "corp", "co", "ltd", "jr",
    "sr", "approx", "km", "mt", "ft",
];

/// Splits `text` into sentence byte ranges that cover it without overlap.
///
/// A sentence ends at `.`, `!` or `?` (with closing quotes/brackets) followed by white space
/// and an upper-case letter, digit or quote, unless the word before is a known abbreviation
/// or a single initial; and at a blank line or a line break before an all-caps headline.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let mut cut = None;
        if b == b'\n' {
            // A blank line always ends a sentence.
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' && !continues_after_blank(text, i, j + 1) {
                cut = Some(j + 1);
            }
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            // Closing curly quotes (U+201D, U+2019) are 3 bytes: E2 80 9D / E2 80 99.
            while j + 2 < bytes.len()
                && bytes[j] == 0xE2
                && bytes[j + 1] == 0x80
                && (bytes[j + 2] == 0x9D || bytes[j + 2] == 0x99)
            {
                j += 3;
            }
            let ws_start = j;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j > ws_start && (j >= bytes.len() || starts_sentence(&text[j..])) {
                if b != b'.' || !is_abbreviation(&text[start..i]) {
                    cut = Some(j);
                }
            } else if j >= bytes.len() {
                cut = Some(j);
            }
        }
        if let Some(end) = cut {
            if end > start {
                out.push(start..end);
            }
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether a blank line at `nl` splits a sentence in two rather than ending it: the line
/// before ends without a full stop and the text after goes on in lower case ("and another
/// 1,633\n\nwounded"), as scraped text often breaks.
fn continues_after_blank(text: &str, nl: usize, after: usize) -> bool {
    let before = text.get(..nl).unwrap_or("").trim_end();
    let last = before.chars().next_back();
    let next = text.get(after..).unwrap_or("").trim_start().chars().next();
    matches!(last, Some(c) if c.is_alphanumeric() || c == ',')
        && matches!(next, Some(c) if c.is_lowercase())
}

fn starts_sentence(rest: &str) -> bool {
    match rest.chars().next() {
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '“' | '‘' | '(')
        }
        None => true,
    }
}

/// Whether the word ending at the end of `before` is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_ascii_lowercase();
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::split;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| text[r].trim()).collect()
    }

    #[test]
    fn splits_on_full_stops_but_not_abbreviations() {
        assert_eq!(
            sentences("Gen. Smith said 13 died. Another 4 were hurt. Mr. Jones fled."),
            vec![
                "Gen. Smith said 13 died.",
                "Another 4 were hurt.",
                "Mr. Jones fled."
            ]
        );
        assert_eq!(
            sentences("The U.S. said so. Then it rained."),
            vec!["The U.S. said so.", "Then it rained."]
        );
    }

    #[test]
    fn splits_on_blank_lines_and_covers_the_text() {
        let text = "Headline here\n\nBody starts. Body ends";
        let parts = split(text);
        assert_eq!(parts.first().map(|r| r.start), Some(0));
        assert_eq!(parts.last().map(|r| r.end), Some(text.len()));
        assert_eq!(
            sentences(text),
            vec!["Headline here", "Body starts.", "Body ends"]
        );
    }

    #[test]
    fn a_blank_line_inside_a_sentence_does_not_split_it() {
        assert_eq!(
            sentences("712 were killed and another 1,633\n\nwounded in April.\n\nNext one."),
            vec![
                "712 were killed and another 1,633\n\nwounded in April.",
                "Next one."
            ]
        );
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(split("").is_empty());
    }
}
