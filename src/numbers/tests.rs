//! Unit tests for tricky cases and a property test: never panic, spans in order on char
//! boundaries inside the text.

use super::*;
use proptest::prelude::*;

fn one(text: &str) -> NumberMention {
    let found = find(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn spans_and_numbers() {
    let t = "Police said at least 13 people died.";
    let m = one(t);
    assert_eq!(&t[m.span.clone()], "at least 13");
    assert_eq!(&t[m.number.clone()], "13");
    assert_eq!(m.qualifier, Qualifier::AtLeast);
}

#[test]
fn range_number_part() {
    let t = "between 10 and 15 people";
    let m = one(t);
    assert_eq!(&t[m.span.clone()], "between 10 and 15");
    assert_eq!(&t[m.number.clone()], "10 and 15");
    assert_eq!((m.value, m.max), (10, Some(15)));
}

#[test]
fn several_in_order() {
    let t = "Two car bombs killed at least 13 and wounded 40 on 22 May 2013.";
    let found = find(t);
    let got: Vec<(&str, NumberKind)> = found.iter().map(|m| (&t[m.span.clone()], m.kind)).collect();
    assert_eq!(
        got,
        [
            ("Two", NumberKind::Cardinal),
            ("at least 13", NumberKind::Cardinal),
            ("40", NumberKind::Cardinal),
            ("22", NumberKind::Date),
            ("2013", NumberKind::Year),
        ]
    );
}

#[test]
fn huge_inputs_do_not_panic() {
    let digits = "9".repeat(2_000_000);
    let found = find(&digits);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value, u64::MAX);
    let words = "one hundred ".repeat(10_000);
    let _ = find(&words);
    let commas = "1,000,".repeat(10_000);
    let _ = find(&commas);
    let mix = "between 1 and 2 to 3 or 4-5–6 ".repeat(1000);
    let _ = find(&mix);
}

#[test]
fn multibyte_text() {
    let t = "Über 20 Menschen — ２０ — «12» – ’twelve’ ½ 5\u{a0}000 personnes";
    let found = find(t);
    for m in &found {
        assert!(t.is_char_boundary(m.span.start) && t.is_char_boundary(m.span.end));
    }
    assert!(found.iter().any(|m| m.value == 5000));
}

fn check_invariants(t: &str) {
    let found = find(t);
    let mut last = 0;
    for m in &found {
        assert!(m.span.start >= last, "overlap in {t:?}: {found:?}");
        assert!(m.span.start < m.span.end && m.span.end <= t.len());
        assert!(m.span.start <= m.number.start && m.number.end <= m.span.end);
        assert!(t.is_char_boundary(m.span.start) && t.is_char_boundary(m.span.end));
        assert!(t.is_char_boundary(m.number.start) && t.is_char_boundary(m.number.end));
        last = m.span.end;
    }
}

proptest! {
    #[test]
    fn never_panics_any_string(s in "\\PC{0,200}") {
        check_invariants(&s);
    }

    #[test]
    fn never_panics_number_soup(parts in proptest::collection::vec(prop_oneof![
        Just("at least "), Just("between "), Just(" and "), Just("-"), Just("–"), Just(" to "),
        Just(" or "), Just("more than "), Just("a "), Just("dozen "), Just("hundred "),
        Just("forty-"), Just("three "), Just("1,"), Just("000"), Just("."), Just("5"), Just(" "),
        Just("million "), Just("$"), Just("%"), Just("one "), Just("no "), Just("\n\n"),
        Just("F-"), Just("16"), Just("May "), Just("years old "), Just("é"), Just("’"),
        Just("tens of thousands "), Just("another "), Just("more "), Just("or more "),
    ], 0..40)) {
        check_invariants(&parts.concat());
    }
}
