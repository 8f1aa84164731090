//! Bytes -> text.
//!
//! In order: a byte order mark decides (UTF-8, UTF-16 LE/BE); known binary formats (PDF, ZIP,
//! PNG...) are refused; BOM-less UTF-16 is recognised by its NUL pattern; other NUL bytes or
//! many control bytes mean binary data; valid UTF-8 is taken as is; mostly-valid UTF-8 with a
//! few broken bytes is decoded lossily; anything else is Windows-1252 (a superset of
//! Latin-1 for printable text).
//!
//! The text is returned exactly as decoded (only the BOM is dropped): line ends are NOT
//! normalised, so offsets in a report point into the same text a reader decodes.

use std::fmt;

/// How many leading bytes the binary and UTF-16 sniffers look at.
const SNIFF_LEN: usize = 8192;

/// Above this share of control bytes (in the sniffed prefix) a file is binary.
const MAX_CONTROL_SHARE: f64 = 0.10;

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look like a binary file; `kind` names the format when its magic number is known.
    Binary {
        /// "PDF document", "ZIP archive (.docx, .xlsx, .odt...)", ... or None.
        kind: Option<&'static str>,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { kind: Some(kind) } => {
                write!(
                    f,
                    "not a text file ({kind}); convert it to text or HTML first"
                )
            }
            DecodeError::Binary { kind: None } => write!(f, "not a text file (binary data)"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Known binary formats: (magic prefix, what to call it).
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF document"),
    (
        b"PK\x03\x04",
        "ZIP archive (.zip, .docx, .xlsx, .odt, .epub...)",
    ),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1F\x8B", "gzip archive"),
    (b"\xFD7zXZ\x00", "xz archive"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    (b"\x28\xB5\x2F\xFD", "zstd archive"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "legacy Office document (.doc, .xls)",
    ),
    (b"{\\rtf", "RTF document"),
    (b"\x7FELF", "executable (ELF)"),
    (b"MZ\x90\x00", "executable (Windows)"),
    (b"\x00asm", "WebAssembly module"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x1A\x45\xDF\xA3", "Matroska/WebM video"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
];

/// Decodes a file's bytes to text, dropping any byte order mark.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(utf8(rest));
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Ok(utf16(Endian::Little, &bytes[2..]));
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Ok(utf16(Endian::Big, &bytes[2..]));
    }
    if let Some(kind) = magic(bytes) {
        return Err(DecodeError::Binary { kind: Some(kind) });
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return match bomless_utf16(head) {
            Some(enc) => {
                let text = utf16(enc, bytes);
                if looks_binary(text.as_bytes()) {
                    Err(DecodeError::Binary { kind: None })
                } else {
                    Ok(text)
                }
            }
            None => Err(DecodeError::Binary { kind: None }),
        };
    }
    if looks_binary(head) {
        return Err(DecodeError::Binary { kind: None });
    }
    Ok(utf8(bytes))
}

/// UTF-8, or lossy UTF-8 when broken bytes are rare, or else Windows-1252.
fn utf8(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    // Count valid multi-byte characters against broken sequences: a UTF-8 file with a stray
    // bad byte stays UTF-8; a Latin-1 file (every accent is "broken") becomes Windows-1252.
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    if good > bad.saturating_mul(4) {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        windows_1252(bytes)
    }
}

/// Byte order of UTF-16 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endian {
    Little,
    Big,
}

/// UTF-16 to UTF-8; unpaired surrogates and an odd last byte become U+FFFD (as the WHATWG
/// decoder does).
fn utf16(endian: Endian, bytes: &[u8]) -> String {
    let units = bytes.chunks_exact(2).map(|p| match endian {
        Endian::Little => u16::from_le_bytes([p[0], p[1]]),
        Endian::Big => u16::from_be_bytes([p[0], p[1]]),
    });
    let mut out: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    out
}

/// Windows-1252 (which browsers also use for "Latin-1") to UTF-8, per the WHATWG table:
/// 0x80-0x9F are the typographic characters below (the five unassigned bytes map to the C1
/// control of the same value); every other byte is the code point of the same value.
/// Written out here rather than through `encoding_rs`, whose every-encoding tables would
/// add ~200 KB to the app's WebAssembly for the one single-byte table we need.
fn windows_1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1252(b)).collect()
}

/// One Windows-1252 byte as a character (see [`windows_1252`]; PDF fonts' `WinAnsiEncoding`).
pub(crate) fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn magic(bytes: &[u8]) -> Option<&'static str> {
    // Short magics that could start a text are checked with the byte that follows them.
    match bytes {
        [b'B', b'Z', b'h', b'1'..=b'9', 0x31, 0x41, ..] => return Some("bzip2 archive"),
        [b'I', b'D', b'3', 2..=4, ..] => return Some("MP3 audio"),
        _ => {}
    }
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, kind)| *kind)
}

/// BOM-less UTF-16: text in Latin scripts has a NUL in every other byte (the high byte),
/// at odd positions for little endian, even positions for big endian.
fn bomless_utf16(head: &[u8]) -> Option<Endian> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Most high bytes NUL on one side, (almost) none on the other.
    if odd * 10 >= pairs * 6 && even * 20 <= pairs {
        Some(Endian::Little)
    } else if even * 10 >= pairs * 6 && odd * 20 <= pairs {
        Some(Endian::Big)
    } else {
        None
    }
}

/// Many control bytes (other than tab, line feed, form feed, carriage return, escape) or NULs.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.is_empty() {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| {
            (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | 0x1B)) || b == 0x7F
        })
        .count();
    controls as f64 > head.len() as f64 * MAX_CONTROL_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        out
    }

    fn utf16be(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFE, 0xFF] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        out
    }

    const SAMPLE: &str = "Some 14 villagers were hurt in Tōkyō on Friday.\r\nNobody died.";

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).as_deref(), Ok(SAMPLE));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom).as_deref(), Ok(SAMPLE));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        for bytes in [
            utf16le(SAMPLE, true),
            utf16be(SAMPLE, true),
            utf16le(SAMPLE, false),
            utf16be(SAMPLE, false),
        ] {
            assert_eq!(decode(&bytes).as_deref(), Ok(SAMPLE));
        }
    }

    #[test]
    fn windows_1252_and_latin1() {
        // "café – “12 hurt”" in Windows-1252: é = E9, en dash = 96, curly quotes = 93/94.
        let bytes = b"caf\xE9 \x96 \x9312 hurt\x94";
        assert_eq!(decode(bytes).as_deref(), Ok("café – “12 hurt”"));
        assert_eq!(decode(b"Bogot\xE1").as_deref(), Ok("Bogotá"));
    }

    #[test]
    fn windows_1252_table_matches_whatwg() {
        // Every byte decodes to exactly one character; spot checks across 0x80-0x9F
        // (typographic and the five unassigned bytes) and Latin-1 identity elsewhere.
        let all: Vec<u8> = (0u8..=255).collect();
        let text = windows_1252(&all);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars.len(), 256);
        for (b, c) in [
            (0x80, '€'),
            (0x81, '\u{81}'),
            (0x8A, 'Š'),
            (0x8D, '\u{8D}'),
            (0x96, '–'),
            (0x99, '™'),
            (0x9D, '\u{9D}'),
            (0x9F, 'Ÿ'),
        ] {
            assert_eq!(chars[b], c, "byte {b:#x}");
        }
        for b in (0..0x80).chain(0xA0..=0xFF) {
            assert_eq!(u32::from(chars[b]), b as u32, "byte {b:#x}");
        }
    }

    #[test]
    fn utf16_broken_units_become_replacement_characters() {
        // A lone high surrogate, then "ok", then an odd trailing byte.
        let bytes = [0x00, 0xD8, b'o', 0, b'k', 0, 0x41];
        assert_eq!(utf16(Endian::Little, &bytes), "\u{FFFD}ok\u{FFFD}");
        assert_eq!(utf16(Endian::Big, &[0, b'h', 0, b'i']), "hi");
    }

    #[test]
    fn utf8_with_a_stray_bad_byte_stays_utf8() {
        let bytes = "Ağrı, Şırnak, Muş and Iğdır \u{2014} 4 dead "
            .as_bytes()
            .iter()
            .copied()
            .chain([0xFF, b'!'])
            .collect::<Vec<u8>>();
        let text = decode(&bytes).unwrap_or_default();
        assert!(text.starts_with("Ağrı, Şırnak"), "{text}");
        assert!(text.ends_with("\u{FFFD}!"), "{text}");
    }

    #[test]
    fn binary_is_refused_with_its_kind() {
        assert_eq!(
            decode(b"%PDF-1.7\n%\xE2\xE3"),
            Err(DecodeError::Binary {
                kind: Some("PDF document")
            })
        );
        assert!(matches!(
            decode(b"PK\x03\x04\x14\x00\x06\x00"),
            Err(DecodeError::Binary { kind: Some(_) })
        ));
        assert_eq!(
            decode(b"abc\x00\x01\x02\x03\x00\xFFdef\x00\x00\x00"),
            Err(DecodeError::Binary { kind: None })
        );
        let controls: Vec<u8> = (0..1000u32).map(|i| (i % 31 + 1) as u8).collect();
        assert_eq!(decode(&controls), Err(DecodeError::Binary { kind: None }));
        assert!(DecodeError::Binary { kind: None }
            .to_string()
            .contains("not a text file"));
    }

    #[test]
    fn empty_and_tiny_inputs() {
        assert_eq!(decode(b"").as_deref(), Ok(""));
        assert_eq!(decode(b"\xEF\xBB\xBF").as_deref(), Ok(""));
        assert_eq!(decode(b"\xFF\xFE").as_deref(), Ok(""));
        assert_eq!(decode(b"7").as_deref(), Ok("7"));
        assert_eq!(decode(b"\xFF").as_deref(), Ok("ÿ"));
    }
}
