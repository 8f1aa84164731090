//! PDF to text on arbitrary bytes: no panic, and page starts that fit the text.
#![no_main]

use casualty_lens::text::pdf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(t) = pdf::to_text(bytes) {
        let n = t.text.chars().count();
        assert!(t.pages.windows(2).all(|w| w[0] <= w[1]));
        assert!(t.pages.iter().all(|&p| p <= n));
    }
});
