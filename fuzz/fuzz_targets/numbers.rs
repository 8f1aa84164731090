//! Number parsing on arbitrary text: no panic, spans on char boundaries, in range, ordered.
#![no_main]

use casualty_lens::numbers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let found = numbers::find(text);
    for n in &found {
        assert!(n.span.start <= n.span.end && n.span.end <= text.len());
        assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
        assert!(n.number.start >= n.span.start && n.number.end <= n.span.end);
    }
    assert!(found.windows(2).all(|w| w[0].span.start <= w[1].span.start));
});
