//! The whole pipeline on arbitrary text, with the real gazetteer (so place detection and
//! resolution are fuzzed too): no panic, and the report is consistent with its text.
#![no_main]

use casualty_lens::report::check;
use casualty_lens::{Extractor, Gazetteer, Options};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(Gazetteer::embedded(), Options::default()))
}

fuzz_target!(|text: &str| {
    let doc = extractor().extract("fuzz", text);
    let problems = check::problems(text, &doc);
    assert!(problems.is_empty(), "{problems:?}");
});
