//! Properties of the core on arbitrary and news-like input (proptest).
//!
//! No panic on any string (unicode, right-to-left, combining and zero-width characters);
//! offsets on char boundaries and in range; deterministic; figures in text order; a document
//! extracted twice in a row, or inside a larger text (separated by blank lines), gives the
//! same figures, shifted.

use casualty_lens::report::check;
use casualty_lens::report::model::DocumentReport;
use casualty_lens::{numbers, text, Extractor, Gazetteer, Options};
use proptest::prelude::*;

/// The real gazetteer, so that place detection and resolution are exercised too.
fn extractor() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| Extractor::new(Gazetteer::embedded(), Options::default()))
}

/// Every span is the text at its code point offsets; indices in range; figures in text order.
fn assert_consistent(text: &str, doc: &DocumentReport) -> Result<(), TestCaseError> {
    let problems = check::problems(text, doc);
    prop_assert!(problems.is_empty(), "{:?}", problems);
    Ok(())
}

/// Text made of news words, numbers, punctuation and awkward characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("killed".to_string()),
        Just("were killed".to_string()),
        Just("injured".to_string()),
        Just("wounded".to_string()),
        Just("missing".to_string()),
        Just("kidnapped".to_string()),
        Just("arrested".to_string()),
        Just("displaced".to_string()),
        Just("dead".to_string()),
        Just("people".to_string()),
        Just("at least".to_string()),
        Just("more than".to_string()),
        Just("about".to_string()),
        Just("between".to_string()),
        Just("and".to_string()),
        Just("dozens of".to_string()),
        Just("another".to_string()),
        Just("twenty-one".to_string()),
        Just("in Mosul".to_string()),
        Just("on May 3, 2014".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just(", ".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{200F}".to_string()),
        Just("\u{0301}".to_string()),
        Just("قتل".to_string()),
        Just("👩‍👩‍👧".to_string()),
        (0u64..100_000).prop_map(|n| n.to_string()),
        (1u64..1000).prop_map(|n| format!("{n},{:03}", n % 1000)),
        "[0-9]{1,25}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

/// A news-like paragraph that ends cleanly (for the embedding property).
fn paragraph() -> impl Strategy<Value = String> {
    let sentence = (
        prop_oneof![
            Just(""),
            Just("at least "),
            Just("more than "),
            Just("about ")
        ],
        1u64..5000,
        prop_oneof![
            Just("people were killed"),
            Just("civilians were injured"),
            Just("soldiers are missing"),
            Just("workers were kidnapped"),
            Just("men were arrested"),
            Just("families were displaced"),
        ],
        prop_oneof![
            Just(""),
            Just(" in the city"),
            Just(" on Monday"),
            Just(", police said")
        ],
    )
        .prop_map(|(q, n, what, tail)| format!("Officials said {q}{n} {what}{tail}."));
    prop::collection::vec(sentence, 1..5).prop_map(|v| v.join(" "))
}

type Key = (usize, usize, String, String, u64);

fn keys(doc: &DocumentReport, shift: usize) -> Vec<Key> {
    doc.figures
        .iter()
        .map(|f| {
            (
                f.start + shift,
                f.end + shift,
                f.text.clone(),
                f.category.as_str().to_string(),
                f.value,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic_and_stay_consistent(s in any::<String>()) {
        let ex = extractor();
        let doc = ex.extract("p", &s);
        assert_consistent(&s, &doc)?;
        prop_assert_eq!(&doc, &ex.extract("p", &s), "not deterministic");
    }

    #[test]
    fn newsy_strings_never_panic_and_stay_consistent(s in newsy()) {
        let ex = extractor();
        let doc = ex.extract("p", &s);
        assert_consistent(&s, &doc)?;
        prop_assert_eq!(&doc, &ex.extract("p", &s), "not deterministic");
    }

    #[test]
    fn number_mentions_are_in_range_on_boundaries_and_ordered(s in newsy()) {
        let found = numbers::find(&s);
        for n in &found {
            prop_assert!(n.span.start <= n.span.end && n.span.end <= s.len());
            prop_assert!(s.is_char_boundary(n.span.start) && s.is_char_boundary(n.span.end));
            prop_assert!(n.number.start >= n.span.start && n.number.end <= n.span.end);
            prop_assert!(s.is_char_boundary(n.number.start) && s.is_char_boundary(n.number.end));
        }
        prop_assert!(found.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    }

    #[test]
    fn sentences_cover_the_text(s in newsy()) {
        let parts = text::sentences::split(&s);
        let mut at = 0;
        for r in &parts {
            prop_assert_eq!(r.start, at);
            prop_assert!(r.end > r.start && s.is_char_boundary(r.end));
            at = r.end;
        }
        prop_assert_eq!(at, s.len());
    }

    #[test]
    fn a_document_twice_gives_its_figures_twice(d in paragraph()) {
        let ex = extractor();
        let one = ex.extract("p", &d);
        let both = format!("{d}\n\n{d}");
        let two = ex.extract("p", &both);
        assert_consistent(&both, &two)?;
        let shift = d.chars().count() + 2;
        let mut want = keys(&one, 0);
        want.extend(keys(&one, shift));
        prop_assert_eq!(keys(&two, 0), want);
    }

    #[test]
    fn a_document_inside_a_larger_text_keeps_its_figures(
        before in paragraph(), d in paragraph(), after in paragraph()
    ) {
        let ex = extractor();
        let whole = format!("{before}\n\n{d}\n\n{after}");
        let doc = ex.extract("p", &whole);
        assert_consistent(&whole, &doc)?;
        let shift = before.chars().count() + 2;
        let inner = keys(&ex.extract("p", &d), shift);
        let end = shift + d.chars().count();
        let got: Vec<Key> = keys(&doc, 0)
            .into_iter()
            .filter(|k| k.0 >= shift && k.1 <= end)
            .collect();
        prop_assert_eq!(got, inner);
    }

    #[test]
    fn html_to_text_never_panics(s in any::<String>()) {
        let _ = text::html::to_text(&s);
    }

    #[test]
    fn html_like_soup_never_panics(parts in prop::collection::vec(prop_oneof![
        Just("<p>"), Just("</p>"), Just("<div>"), Just("<script>"), Just("</script>"),
        Just("<!--"), Just("-->"), Just("<"), Just(">"), Just("&amp;"), Just("&#"),
        Just("<svg/>"), Just("<template>"), Just("</template>"), Just("'"), Just("\""),
        Just(" onclick="), Just("12 killed"), Just("\u{0}"), Just("<pre>"), Just("<br>"),
    ], 0..60)) {
        let html = parts.concat();
        let t = text::html::to_text(&html);
        prop_assert!(!t.contains("<script>") || html.contains("<plaintext"));
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = text::decode::decode(&bytes);
        let _ = text::load("x.html", &bytes);
    }

    #[test]
    fn decode_keeps_plain_utf8_text(s in "[^\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F\u{FEFF}]{0,300}") {
        prop_assume!(!s.starts_with("%PDF-") && !s.starts_with("{\\rtf") && !s.starts_with("GIF8"));
        prop_assert_eq!(text::decode::decode(s.as_bytes()), Ok(s.clone()));
    }
}
