//! Digit literals: "1,633", "10 000", "10.000", "1.5", "10:30", "5/22/2013", "2013-05-22".

use super::NumberKind;

/// A digit literal read from the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Literal {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The integer part (saturated).
    pub int: u64,
    /// Digits after a decimal point (at most 18 kept) and how many were kept.
    pub frac: Option<(u64, u32)>,
    /// Digits in the first group (before any separator).
    pub first_digits: usize,
    /// Thousands separators were used ("1,633", "10 000", "10.000").
    pub grouped: bool,
    /// Starts with a zero and has more digits ("0300").
    pub leading_zero: bool,
    /// A form that is never a count: a time ("10:30"), a date ("5/22/2013").
    pub kind: Option<NumberKind>,
}

impl Literal {
    /// A plain run of digits with no separator, point or other form.
    pub fn is_plain(&self) -> bool {
        !self.grouped && self.frac.is_none() && self.kind.is_none()
    }
}

fn digit(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(|b| b.is_ascii_digit())
}

/// Length of the digit run at `i`.
fn run(bytes: &[u8], i: usize) -> usize {
    bytes
        .get(i..)
        .map(|s| s.iter().take_while(|b| b.is_ascii_digit()).count())
        .unwrap_or(0)
}

/// Accumulates digits into a saturating u64.
fn value(bytes: &[u8], from: usize, to: usize, acc: u64) -> u64 {
    bytes.get(from..to).unwrap_or(&[]).iter().fold(acc, |v, b| {
        v.saturating_mul(10)
            .saturating_add(u64::from(b.wrapping_sub(b'0')))
    })
}

/// The width of a space that may separate thousands at `i` (space, no-break, thin spaces).
fn group_space(text: &str, i: usize) -> usize {
    let rest = text.as_bytes().get(i..).unwrap_or(&[]);
    if rest.first() == Some(&b' ') {
        1
    } else if rest.starts_with("\u{a0}".as_bytes()) {
        2
    } else if rest.starts_with("\u{202f}".as_bytes()) || rest.starts_with("\u{2009}".as_bytes()) {
        3
    } else {
        0
    }
}

/// Is there a group of exactly three digits at `i`, not followed by another digit?
fn group3(bytes: &[u8], i: usize) -> bool {
    run(bytes, i) == 3
}

/// Reads the literal starting with the digit run `start..run_end`. `decimal_hint` says the
/// words after favour a decimal reading of a single ".ddd" group ("1.500 km").
pub fn read(text: &str, start: usize, run_end: usize) -> Literal {
    let bytes = text.as_bytes();
    let first_digits = run_end - start;
    let mut lit = Literal {
        start,
        end: run_end,
        int: value(bytes, start, run_end, 0),
        frac: None,
        first_digits,
        grouped: false,
        leading_zero: bytes.get(start) == Some(&b'0') && first_digits > 1,
        kind: None,
    };
    let mut i = run_end;
    let sep = |i: usize| bytes.get(i).copied();
    // "1,633", "1,000,000".
    if first_digits <= 3 && sep(i) == Some(b',') && group3(bytes, i + 1) {
        while sep(i) == Some(b',') && group3(bytes, i + 1) {
            lit.int = value(bytes, i + 1, i + 4, lit.int);
            i += 4;
        }
        lit.grouped = true;
    } else if first_digits <= 3
        && lit.int > 0
        && sep(i) == Some(b'.')
        && group3(bytes, i + 1)
        && !(sep(i + 4) == Some(b'.') && digit(bytes, i + 5) && !group3(bytes, i + 5))
    {
        // "10.000", "1.000.000": European thousands. A single ".ddd" after one to three
        // digits reads as thousands; "1.500 km" is rare in casualty reporting.
        while sep(i) == Some(b'.') && group3(bytes, i + 1) {
            lit.int = value(bytes, i + 1, i + 4, lit.int);
            i += 4;
        }
        lit.grouped = true;
    } else if first_digits <= 3 {
        // "10 000": groups separated by spaces.
        let mut j = i;
        let mut int = lit.int;
        let mut groups = 0;
        loop {
            let w = group_space(text, j);
            if w == 0 || !group3(bytes, j + w) {
                break;
            }
            // Not "10 000.5" or "10 000,000" confusions: the group must end the literal.
            let after = j + w + 3;
            if matches!(sep(after), Some(b'.' | b',')) && digit(bytes, after + 1) {
                break;
            }
            int = value(bytes, j + w, after, int);
            j = after;
            groups += 1;
        }
        if groups > 0 {
            lit.int = int;
            lit.grouped = true;
            i = j;
        }
    }
    // Decimal part: "1.5", "2.3m". A second point makes a dotted date ("22.05.2013").
    if sep(i) == Some(b'.') && digit(bytes, i + 1) {
        let n = run(bytes, i + 1);
        let kept = n.min(18);
        let f = value(bytes, i + 1, i + 1 + kept, 0);
        lit.frac = Some((f, kept as u32));
        i += 1 + n;
        if sep(i) == Some(b'.') && digit(bytes, i + 1) && !lit.grouped {
            while sep(i) == Some(b'.') && digit(bytes, i + 1) {
                i += 1 + run(bytes, i + 1);
            }
            lit.kind = Some(NumberKind::Date);
        }
    }
    // "10:30", "10:30:15".
    if lit.kind.is_none() && !lit.grouped && sep(i) == Some(b':') && run(bytes, i + 1) == 2 {
        while sep(i) == Some(b':') && run(bytes, i + 1) == 2 {
            i += 3;
        }
        lit.kind = Some(NumberKind::Time);
    }
    // "5/22/2013", "9/11".
    if lit.kind.is_none() && !lit.grouped && sep(i) == Some(b'/') && digit(bytes, i + 1) {
        while sep(i) == Some(b'/') && digit(bytes, i + 1) {
            i += 1 + run(bytes, i + 1);
        }
        lit.kind = Some(NumberKind::Date);
    }
    // "2013-05-22".
    if lit.kind.is_none()
        && first_digits == 4
        && !lit.grouped
        && lit.frac.is_none()
        && sep(i) == Some(b'-')
        && run(bytes, i + 1) == 2
        && sep(i + 3) == Some(b'-')
        && run(bytes, i + 4) == 2
    {
        i += 6;
        lit.kind = Some(NumberKind::Date);
    }
    lit.end = i;
    lit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Literal {
        let end = s.bytes().take_while(|b| b.is_ascii_digit()).count();
        read(s, 0, end)
    }

    #[test]
    fn separators() {
        assert_eq!(lit("1,633 people").int, 1633);
        assert_eq!(lit("1,633 people").end, 5);
        assert_eq!(lit("1,000,000.").int, 1_000_000);
        assert_eq!(lit("10 000 people").int, 10_000);
        assert_eq!(lit("10\u{a0}000 people").int, 10_000);
        assert_eq!(lit("10.000 people").int, 10_000);
        assert_eq!(lit("1.000.000 people").int, 1_000_000);
        assert_eq!(lit("12,5").int, 12);
        assert_eq!(lit("12,5").end, 2);
        assert_eq!(lit("1234,567").end, 4);
        assert_eq!(lit("1.5 million").frac, Some((5, 1)));
        assert_eq!(lit("10:30 am").kind, Some(NumberKind::Time));
        assert_eq!(lit("5/22/2013").kind, Some(NumberKind::Date));
        assert_eq!(lit("5/22/2013").end, 9);
        assert_eq!(lit("2013-05-22").kind, Some(NumberKind::Date));
        assert_eq!(lit("22.05.2013").kind, Some(NumberKind::Date));
        assert!(lit("0300 GMT").leading_zero);
        assert_eq!(lit("99999999999999999999999").int, u64::MAX);
    }
}
