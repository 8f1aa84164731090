//! Sentence boundaries: a conservative splitter that knows news abbreviations.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "u.s", "u.n",
    "u.k", "e.g", "i.e", "gov", "sen", "rep", "rev", "prof", "inc", "corp", "co", "ltd", "jr",
    "sr", "approx", "km", "mt", "ft",
];

/// The longest entry of [`ABBREVIATIONS`] in bytes (checked by a test).
const MAX_ABBREVIATION: usize = 6;

/// Splits `text` into sentence byte ranges that cover it without overlap.
///
/// A sentence ends at `.`, `!` or `?` (with closing quotes/brackets) followed by white space
/// and an upper-case letter, digit or quote, unless the word before is a known abbreviation
/// or a single initial; and at a blank line or a line break before an all-caps headline.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // News sentences run ~100 bytes or more: one allocation for most documents.
    let mut out = Vec::with_capacity(bytes.len() / 96 + 1);
    let mut start = 0;
    let mut i = 0;
    // Only line breaks and sentence-final punctuation can end a sentence: the next of each
    // is found with memchr (SIMD) and kept until `i` passes it.
    let after = |from: usize| bytes.get(from..).unwrap_or_default();
    let find_nl =
        |from: usize| memchr::memchr(b'\n', after(from)).map_or(bytes.len(), |k| from + k);
    let find_stop = |from: usize| {
        memchr::memchr3(b'.', b'!', b'?', after(from)).map_or(bytes.len(), |k| from + k)
    };
    let (mut next_nl, mut next_stop) = (find_nl(0), find_stop(0));
    while i < bytes.len() {
        if next_nl < i {
            next_nl = find_nl(i);
        }
        if next_stop < i {
            next_stop = find_stop(i);
        }
        i = next_nl.min(next_stop);
        let Some(&b) = bytes.get(i) else {
            break;
        };
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
    // The word starts after the last white space, '(' or '"'. Only words of up to
    // `MAX_ABBREVIATION` bytes can match (an initial is one char, at most 4 bytes), so the
    // backwards scan stops there: this runs at every full stop.
    let mut word = before;
    for (k, c) in before.char_indices().rev() {
        if c.is_whitespace() || c == '(' || c == '"' {
            word = &before[k + c.len_utf8()..];
            break;
        }
        if before.len() - k > MAX_ABBREVIATION {
            return false;
        }
    }
    let mut chars = word.chars();
    if matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase()) {
        return true;
    }
    // No allocation: compare ASCII case-insensitively.
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The sentence of `text` that holds byte offset `at`, as [`split`] cuts the text (the last
/// sentence for an offset at or past the end; `0..0` for an empty text). The same sentence as
/// `Document::sentence_of` picks, for one offset without keeping the split.
pub fn around(text: &str, at: usize) -> Range<usize> {
    let sentences = split(text);
    let i = sentences
        .partition_point(|r| r.end <= at)
        .min(sentences.len().saturating_sub(1));
    sentences.get(i).cloned().unwrap_or(0..0)
}

#[cfg(test)]
mod tests {
    use super::{around, split};

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
    fn abbreviations_fit_the_backwards_scan() {
        for a in super::ABBREVIATIONS {
            assert!(a.len() <= super::MAX_ABBREVIATION, "{a}");
        }
        assert_eq!(
            sentences("They met St. Anne. Approx. 40 came. A longword. Then more."),
            vec![
                "They met St. Anne.",
                "Approx. 40 came.",
                "A longword.",
                "Then more."
            ]
        );
        assert_eq!(
            sentences("Sgt.\u{a0}Vale (J. Doe) left. É. Ruiz said no."),
            vec!["Sgt.\u{a0}Vale (J. Doe) left.", "É. Ruiz said no."]
        );
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(split("").is_empty());
    }

    #[test]
    fn around_is_the_sentence_of_the_document() {
        let text = "Gunmen killed 7 people in Basra. Police said 2.5 km away, U.S. troops \
                    came.\n\nA bomb hurt 4 more! Was it 5?";
        let doc = crate::text::Document::new(text);
        for at in 0..=text.len() + 2 {
            let want = doc
                .sentences
                .get(doc.sentence_of(at))
                .cloned()
                .unwrap_or(0..0);
            assert_eq!(around(text, at), want, "at {at}");
        }
        assert_eq!(around(text, 40), doc.sentences[1]);
        assert!(text[around(text, 40)].starts_with("Police said 2.5 km"));
        assert_eq!(around("", 0), 0..0);
    }
}
