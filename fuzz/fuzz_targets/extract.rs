//! The whole pipeline on arbitrary text: no panic, spans are the text at their offsets.
#![no_main]

use casualty_lens::{Extractor, Gazetteer, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    let doc = ex.extract("fuzz", text);
    let chars: Vec<char> = text.chars().collect();
    let at = |s: usize, e: usize| -> String {
        assert!(
            s <= e && e <= chars.len(),
            "span {s}..{e} of {}",
            chars.len()
        );
        chars[s..e].iter().collect()
    };
    for f in &doc.figures {
        assert_eq!(at(f.start, f.end), f.text);
        assert_eq!(at(f.trigger.start, f.trigger.end), f.trigger.text);
        assert_eq!(at(f.sentence.start, f.sentence.end), f.sentence.text);
    }
    for p in &doc.places {
        for m in &p.mentions {
            assert_eq!(at(m.start, m.end), m.text);
        }
    }
    assert!(doc.figures.windows(2).all(|w| w[0].start <= w[1].start));
});
