//! Decoding arbitrary bytes: no panic; valid UTF-8 text without a BOM, NULs or control
//! bytes decodes to itself.
#![no_main]

use casualty_lens::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let decoded = text::decode::decode(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        let plain = !s.starts_with('\u{FEFF}')
            && !s.starts_with("%PDF-")
            && !s.starts_with("{\\rtf")
            && !s.starts_with("GIF8")
            && !s.starts_with("OggS")
            && !s.starts_with("wOF")
            && !s.starts_with("fLaC")
            && !s.starts_with("SQLite format 3")
            && !s.starts_with("BZh")
            && !s.bytes().any(|b| {
                (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | 0x1B)) || b == 0x7F
            });
        if plain {
            assert_eq!(decoded.as_deref(), Ok(s));
        }
    }
    let _ = text::load("fuzz", bytes);
});
