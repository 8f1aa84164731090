//! HTML to text on arbitrary input: no panic, and the text never grows past the input.
#![no_main]

use casualty_lens::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let out = text::html::to_text(html);
    // Entities can expand (e.g. "&nGt;" is 3 bytes for 6 chars ... "&gesl;" 6 -> 6 bytes),
    // plus paragraph breaks: bound generously.
    assert!(
        out.len() <= html.len() * 3 + 16,
        "{} -> {}",
        html.len(),
        out.len()
    );
});
