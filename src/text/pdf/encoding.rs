//! A font's character codes to text: its `ToUnicode` map ([`ToUnicode::parse`]: `bfchar` and
//! `bfrange` entries), or for a simple font without one, Windows-1252 with the `Differences`
//! of its encoding read through the common glyph names ([`glyph_char`]).
//!
//! Written here rather than through lopdf's encodings: theirs carry the whole Adobe glyph
//! list as code (over half a megabyte of the app's WebAssembly) for names that news reports'
//! fonts never use. Bounded (entries and range lengths are capped) and never panics.
//!
//! ```
//! use casualty_lens::text::pdf::encoding::ToUnicode;
//! let map = ToUnicode::parse(b"2 beginbfchar <0003> <0020> <0010> <0066006C> endbfchar
//!     1 beginbfrange <0024> <0026> <0041> endbfrange");
//! assert_eq!(map.get(3), Some(" "));
//! assert_eq!(map.get(0x10), Some("fl"));
//! assert_eq!(map.get(0x25), Some("B"));
//! assert_eq!(map.get(0x27), None);
//! ```

use std::collections::HashMap;

/// Most code-to-text entries read from one map.
pub const MAX_ENTRIES: usize = 1 << 17;
/// Longest `bfrange` read (a longer one is cut).
pub const MAX_RANGE: u32 = 1 << 16;

/// A `ToUnicode` CMap: character code -> text (the first entry for a code counts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToUnicode {
    map: HashMap<u32, String>,
}

/// A token of a CMap.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token<'a> {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(&'a [u8]),
}

/// The tokens of a CMap that the map needs: hex strings, `[`, `]` and words (keywords,
/// numbers, names). Comments, dictionaries' `<<` `>>` and literal strings are skipped.
fn tokens(src: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        match c {
            b'%' => {
                while i < src.len() && src[i] != b'\n' && src[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if src.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if src.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = src[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(src.len(), |p| i + p);
                let digits: Vec<u8> = src[i + 1..end]
                    .iter()
                    .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
                    .collect();
                out.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'(' => {
                // A literal string (nested parentheses, escapes): skipped.
                let mut depth = 0usize;
                while i < src.len() {
                    match src[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            c if c.is_ascii_whitespace() || c == b'{' || c == b'}' || c == b'>' => i += 1,
            _ => {
                let start = i;
                while i < src.len()
                    && !src[i].is_ascii_whitespace()
                    && !b"<>[]()%{}".contains(&src[i])
                {
                    i += 1;
                }
                out.push(Token::Word(&src[start..i.max(start + 1).min(src.len())]));
                i = i.max(start + 1);
            }
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |c, &b| c << 8 | u32::from(b))
}

/// UTF-16BE bytes to text (unpaired surrogates dropped).
fn utf16(bytes: &[u8]) -> String {
    let units = bytes
        .chunks(2)
        .map(|p| u16::from(p[0]) << 8 | u16::from(p.get(1).copied().unwrap_or(0)));
    char::decode_utf16(units).filter_map(Result::ok).collect()
}

impl ToUnicode {
    /// Reads a CMap's `bfchar` and `bfrange` sections (anything else is ignored).
    pub fn parse(src: &[u8]) -> ToUnicode {
        let toks = tokens(src);
        let mut map = HashMap::new();
        let mut i = 0;
        let mut mode = None;
        while i < toks.len() && map.len() < MAX_ENTRIES {
            match (&toks[i], mode) {
                (Token::Word(b"beginbfchar"), _) => mode = Some(false),
                (Token::Word(b"beginbfrange"), _) => mode = Some(true),
                (Token::Word(b"endbfchar" | b"endbfrange"), _) => mode = None,
                (Token::Hex(src), Some(false)) => {
                    match toks.get(i + 1) {
                        Some(Token::Hex(dst)) => {
                            map.entry(code_of(src)).or_insert_with(|| utf16(dst));
                        }
                        Some(Token::Word(name)) => {
                            if let Some(c) = name.strip_prefix(b"/").and_then(glyph_char) {
                                map.entry(code_of(src)).or_insert_with(|| c.to_string());
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                (Token::Hex(lo), Some(true)) => {
                    let (lo, hi) = match toks.get(i + 1) {
                        Some(Token::Hex(hi)) => (code_of(lo), code_of(hi)),
                        _ => {
                            i += 1;
                            continue;
                        }
                    };
                    let hi = hi.min(lo.saturating_add(MAX_RANGE));
                    match toks.get(i + 2) {
                        Some(Token::Hex(dst)) if !dst.is_empty() => {
                            // Each code after the first adds one to the last unit of the text.
                            let mut units: Vec<u16> = dst
                                .chunks(2)
                                .map(|p| {
                                    u16::from(p[0]) << 8 | u16::from(p.get(1).copied().unwrap_or(0))
                                })
                                .collect();
                            for code in lo..=hi {
                                if map.len() >= MAX_ENTRIES {
                                    break;
                                }
                                let text: String = char::decode_utf16(units.iter().copied())
                                    .filter_map(Result::ok)
                                    .collect();
                                map.entry(code).or_insert(text);
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                            i += 2;
                        }
                        Some(Token::Open) => {
                            let mut k = i + 3;
                            let mut code = lo;
                            while let Some(Token::Hex(dst)) = toks.get(k) {
                                if code <= hi && map.len() < MAX_ENTRIES {
                                    map.entry(code).or_insert_with(|| utf16(dst));
                                }
                                code = code.saturating_add(1);
                                k += 1;
                            }
                            i = k;
                        }
                        _ => i += 1,
                    }
                }
                _ => {}
            }
            i += 1;
        }
        ToUnicode { map }
    }

    /// The text of a code, if the map has it.
    pub fn get(&self, code: u32) -> Option<&str> {
        self.map.get(&code).map(String::as_str)
    }

    /// Whether the map is empty (a damaged or foreign stream).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// A simple font's encoding: Windows-1252 (as `WinAnsiEncoding`; close enough to
/// `StandardEncoding` for letters, digits and common punctuation) with `Differences`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Simple {
    differences: HashMap<u8, char>,
}

impl Simple {
    /// From a `Differences` array's items: a number sets the next code, each name gives the
    /// glyph of a code (names we do not know leave the code to the base encoding).
    pub fn with_differences<'a>(items: impl IntoIterator<Item = Difference<'a>>) -> Simple {
        let mut differences = HashMap::new();
        let mut code: u32 = 0;
        for item in items {
            match item {
                Difference::Code(c) => code = c,
                Difference::Name(name) => {
                    if let (Ok(b), Some(ch)) = (u8::try_from(code), glyph_char(name)) {
                        differences.insert(b, ch);
                    }
                    code = code.saturating_add(1);
                }
            }
        }
        Simple { differences }
    }

    /// The character of a one-byte code.
    pub fn char(&self, code: u8) -> char {
        match self.differences.get(&code) {
            Some(&c) => c,
            None => crate::text::decode::cp1252(code),
        }
    }
}

/// An item of a `Differences` array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference<'a> {
    /// The code of the next name.
    Code(u32),
    /// A glyph name (without the slash).
    Name(&'a [u8]),
}

/// The character of a glyph name: `uniXXXX`, `uXXXX[XX]`, a single letter or digit's own
/// name, or one of the common names of Latin text fonts ([`GLYPHS`]).
pub fn glyph_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    // "a.sc", "one.oldstyle": the part before the dot.
    let base = name.split('.').next().unwrap_or(name);
    if base.len() == 1 && base.is_ascii() {
        return base.chars().next().filter(char::is_ascii_alphabetic);
    }
    let hex = base
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            base.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        });
    if let Some(h) = hex {
        return u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
    }
    GLYPHS
        .binary_search_by(|(n, _)| n.cmp(&base))
        .ok()
        .map(|i| GLYPHS[i].1)
}

/// Common glyph names of Latin text fonts and their characters, sorted by name.
pub const GLYPHS: &[(&str, char)] = &[
    ("AE", 'Æ'),
    ("Aacute", 'Á'),
    ("Acircumflex", 'Â'),
    ("Adieresis", 'Ä'),
    ("Agrave", 'À'),
    ("Aring", 'Å'),
    ("Atilde", 'Ã'),
    ("Ccedilla", 'Ç'),
    ("Eacute", 'É'),
    ("Ecircumflex", 'Ê'),
    ("Edieresis", 'Ë'),
    ("Egrave", 'È'),
    ("Euro", '€'),
    ("Iacute", 'Í'),
    ("Icircumflex", 'Î'),
    ("Idieresis", 'Ï'),
    ("Igrave", 'Ì'),
    ("Ntilde", 'Ñ'),
    ("OE", 'Œ'),
    ("Oacute", 'Ó'),
    ("Ocircumflex", 'Ô'),
    ("Odieresis", 'Ö'),
    ("Ograve", 'Ò'),
    ("Oslash", 'Ø'),
    ("Otilde", 'Õ'),
    ("Scaron", 'Š'),
    ("Uacute", 'Ú'),
    ("Ucircumflex", 'Û'),
    ("Udieresis", 'Ü'),
    ("Ugrave", 'Ù'),
    ("Yacute", 'Ý'),
    ("Ydieresis", 'Ÿ'),
    ("Zcaron", 'Ž'),
    ("aacute", 'á'),
    ("acircumflex", 'â'),
    ("acute", '´'),
    ("adieresis", 'ä'),
    ("ae", 'æ'),
    ("agrave", 'à'),
    ("ampersand", '&'),
    ("aring", 'å'),
    ("asciicircum", '^'),
    ("asciitilde", '~'),
    ("asterisk", '*'),
    ("at", '@'),
    ("atilde", 'ã'),
    ("backslash", '\\'),
    ("bar", '|'),
    ("braceleft", '{'),
    ("braceright", '}'),
    ("bracketleft", '['),
    ("bracketright", ']'),
    ("bullet", '•'),
    ("ccedilla", 'ç'),
    ("cent", '¢'),
    ("colon", ':'),
    ("comma", ','),
    ("copyright", '©'),
    ("currency", '¤'),
    ("dagger", '†'),
    ("degree", '°'),
    ("dieresis", '¨'),
    ("divide", '÷'),
    ("dollar", '$'),
    ("eacute", 'é'),
    ("ecircumflex", 'ê'),
    ("edieresis", 'ë'),
    ("egrave", 'è'),
    ("eight", '8'),
    ("ellipsis", '…'),
    ("emdash", '—'),
    ("endash", '–'),
    ("equal", '='),
    ("eth", 'ð'),
    ("exclam", '!'),
    ("exclamdown", '¡'),
    ("ff", 'ﬀ'),
    ("fi", 'ﬁ'),
    ("five", '5'),
    ("fl", 'ﬂ'),
    ("four", '4'),
    ("germandbls", 'ß'),
    ("grave", '`'),
    ("greater", '>'),
    ("guillemotleft", '«'),
    ("guillemotright", '»'),
    ("hyphen", '-'),
    ("iacute", 'í'),
    ("icircumflex", 'î'),
    ("idieresis", 'ï'),
    ("igrave", 'ì'),
    ("less", '<'),
    ("minus", '−'),
    ("multiply", '×'),
    ("nine", '9'),
    ("ntilde", 'ñ'),
    ("numbersign", '#'),
    ("oacute", 'ó'),
    ("ocircumflex", 'ô'),
    ("odieresis", 'ö'),
    ("oe", 'œ'),
    ("ograve", 'ò'),
    ("one", '1'),
    ("ordfeminine", 'ª'),
    ("ordmasculine", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("paragraph", '¶'),
    ("parenleft", '('),
    ("parenright", ')'),
    ("percent", '%'),
    ("period", '.'),
    ("periodcentered", '·'),
    ("plus", '+'),
    ("plusminus", '±'),
    ("question", '?'),
    ("questiondown", '¿'),
    ("quotedbl", '"'),
    ("quotedblbase", '„'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("quoteleft", '‘'),
    ("quoteright", '’'),
    ("quotesinglbase", '‚'),
    ("quotesingle", '\''),
    ("registered", '®'),
    ("scaron", 'š'),
    ("section", '§'),
    ("semicolon", ';'),
    ("seven", '7'),
    ("six", '6'),
    ("slash", '/'),
    ("space", ' '),
    ("sterling", '£'),
    ("three", '3'),
    ("trademark", '™'),
    ("two", '2'),
    ("uacute", 'ú'),
    ("ucircumflex", 'û'),
    ("udieresis", 'ü'),
    ("ugrave", 'ù'),
    ("underscore", '_'),
    ("yacute", 'ý'),
    ("ydieresis", 'ÿ'),
    ("yen", '¥'),
    ("zcaron", 'ž'),
    ("zero", '0'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_table_is_sorted_and_names_read() {
        assert!(
            GLYPHS.windows(2).all(|w| w[0].0 < w[1].0),
            "GLYPHS must stay sorted"
        );
        assert_eq!(glyph_char(b"quoteright"), Some('’'));
        assert_eq!(glyph_char(b"uni00E9"), Some('é'));
        assert_eq!(glyph_char(b"u1F600"), Some('😀'));
        assert_eq!(glyph_char(b"a.sc"), Some('a'));
        assert_eq!(glyph_char(b"zero.oldstyle"), Some('0'));
        assert_eq!(glyph_char(b"g123"), None);
    }

    #[test]
    fn differences_override_windows_1252() {
        let enc = Simple::with_differences([
            Difference::Code(39),
            Difference::Name(b"quoteright"),
            Difference::Code(150),
            Difference::Name(b"nonsense"),
        ]);
        assert_eq!(enc.char(39), '’');
        assert_eq!(enc.char(b'A'), 'A');
        assert_eq!(enc.char(150), '–');
    }

    #[test]
    fn cmap_arrays_comments_and_hostile_ranges() {
        let map = ToUnicode::parse(
            b"%!PS comment <0001>\n/CIDInit /ProcSet findresource begin 12 dict begin\n\
              begincmap /CMapName /X def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              1 beginbfrange <0041> <0043> [<0061> <0062> <D83DDE00>] endbfrange\n\
              1 beginbfchar (lit<eral) <0099> <00E9> endbfchar\n\
              1 beginbfrange <0000> <FFFFFFFF> <0030> endbfrange endcmap",
        );
        assert_eq!(map.get(0x41), Some("a"));
        assert_eq!(map.get(0x43), Some("😀"));
        assert_eq!(map.get(0x99), Some("é"));
        assert_eq!(map.get(0x2), Some("2"));
        for junk in [
            &b"<"[..],
            b"beginbfrange <00",
            b"beginbfchar <01> [",
            b"((((",
            b"]]>>",
        ] {
            let _ = ToUnicode::parse(junk);
        }
    }
}
