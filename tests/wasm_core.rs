//! The core and the app's pure logic, run as WebAssembly in headless Chromium.
#![cfg(target_arch = "wasm32")]

use casualty_lens::report::model::{Category, Qualifier};
use casualty_lens::ui::model::{aggregate, apply, Added, DocCorrections, Edit, Review, Verdict};
use casualty_lens::ui::segments::{build, disjoint, Mark, Node};
use casualty_lens::{text, Extractor, Gazetteer, Options, Policy};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// The second sentence has a number but no harm word: the extractor leaves it, a reader may add it.
const TEXT: &str =
    "Officials said 12 people were killed in the blast. Doctors at the clinic counted 30 by noon.";

#[wasm_bindgen_test]
fn extracts_in_the_browser() {
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    let r = ex.extract("a.txt", TEXT);
    assert!(r
        .figures
        .iter()
        .any(|f| f.category == Category::Killed && f.value == 12));
    // Offsets are code points and name the figure's text.
    for f in &r.figures {
        let s: String = TEXT.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(s, f.text);
    }
}

#[wasm_bindgen_test]
fn never_panics_on_odd_text() {
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    for t in [
        "",
        "١٢ killed",
        "💥 3 killed 💥",
        "9,,,, dead",
        "\u{feff}5 injured\r\n",
    ] {
        let _ = ex.extract("odd", t);
    }
}

#[wasm_bindgen_test]
fn decodes_utf16_and_cp1252() {
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "5 killed".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(text::decode::decode(&utf16).unwrap(), "5 killed");
    assert_eq!(text::decode::decode(b"caf\xe9").unwrap(), "café");
}

#[wasm_bindgen_test]
fn corrections_reject_edit_add_and_recount() {
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    let raw = ex.extract("a.txt", TEXT);
    let f = raw
        .figures
        .iter()
        .find(|f| f.value == 12)
        .cloned()
        .expect("12 killed");
    let mut corr = DocCorrections::default();
    corr.set_review(Review {
        start: f.start,
        end: f.end,
        category: f.category,
        rejected: false,
        edit: Some(Edit {
            category: Category::Killed,
            value: 13,
            max: None,
            qualifier: Qualifier::AtLeast,
            place: Some("Testville".into()),
        }),
        at: None,
    });
    let (eff, states) = apply(&raw, TEXT, Some(&corr), Policy::Literal);
    let e = eff.figures.iter().find(|g| g.start == f.start).unwrap();
    assert_eq!((e.value, e.min, e.max), (13, Some(13), None));
    assert_eq!(eff.places[e.place.unwrap()].name, "Testville");
    assert_eq!(eff.totals[&Category::Killed].value, 13);
    assert!(states.iter().any(|s| s.verdict == Verdict::Edited));

    // Reject it and add a hand-made figure over "30".
    let start = TEXT.find("30").unwrap();
    let mut corr = DocCorrections::default();
    corr.set_review(Review {
        start: f.start,
        end: f.end,
        category: f.category,
        rejected: true,
        edit: None,
        at: None,
    });
    corr.added.push(Added {
        start,
        end: start + 2,
        edit: Edit {
            category: Category::Injured,
            value: 30,
            max: None,
            qualifier: Qualifier::Exact,
            place: None,
        },
        at: None,
    });
    let (eff, states) = apply(&raw, TEXT, Some(&corr), Policy::Literal);
    // The rejected figure stays listed (as rejected) but counts in no total.
    let rej = eff.figures.iter().position(|g| g.value == 12).unwrap();
    assert_eq!(states[rej].verdict, Verdict::Rejected);
    let added = eff.figures.iter().position(|g| g.text == "30").unwrap();
    assert_eq!(states[added].verdict, Verdict::Added);
    // The core's sentence (`text::sentences::around`), as the report gives a found figure.
    assert_eq!(
        eff.figures[added].sentence.text,
        "Doctors at the clinic counted 30 by noon."
    );
    assert_eq!(eff.totals[&Category::Injured].value, 30);
    assert!(!eff.totals.contains_key(&Category::Killed));
}

#[wasm_bindgen_test]
fn aggregate_uses_totals_only() {
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    let a = ex.extract("a", "At the market 4 people were killed.");
    let b = ex.extract("b", "Elsewhere 6 people were killed.");
    let agg = aggregate(&[&a, &b]);
    assert_eq!(agg.by_category[&Category::Killed].value, 10);
}

#[wasm_bindgen_test]
fn segments_nest_a_place_inside_a_figure() {
    // "at least 40 Foo" : figure 0..11, place 9..15 crosses the figure's end.
    let layers = vec![
        disjoint(vec![(0..20, Mark::Sentence(0))]),
        disjoint(vec![(0..11, Mark::Figure(0))]),
        disjoint(vec![(9..15, Mark::Place(0))]),
    ];
    let tree = build(&layers, 0..20);
    let Node::Wrap(Mark::Sentence(0), kids) = &tree[0] else {
        panic!("sentence first: {tree:?}")
    };
    let Node::Wrap(Mark::Figure(0), fig) = &kids[0] else {
        panic!("figure: {kids:?}")
    };
    assert_eq!(fig[1], Node::Wrap(Mark::Place(0), vec![Node::Text(9..11)]));
    assert_eq!(
        kids[1],
        Node::Wrap(Mark::Place(0), vec![Node::Text(11..15)])
    );
    assert_eq!(kids[2], Node::Text(15..20));
}
