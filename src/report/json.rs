//! JSON writing straight into a caller's (reused) buffer: compact, or pretty-printed as
//! `serde_json::to_string_pretty` does but starting at a given depth (a document inside the
//! report's `documents` array), so no re-indenting copy is needed.
//!
//! [`JsonWriter`] drives serde_json's own formatters call by call, as its serializer does,
//! for writers that walk their data by hand (the report's hot path): same bytes, without
//! serde's per-key overhead, and strings without escapes are copied in one go.

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, Serializer};
use std::io::{self, Write};
use std::ops::Range;

/// Appends `value` as compact JSON to `out`.
pub fn write_compact<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    let mut ser = Serializer::with_formatter(out, CompactFormatter);
    // Writing into a Vec cannot fail; the report types always serialise.
    let _ = value.serialize(&mut ser);
}

/// Appends `value` pretty-printed (two spaces an indent) as if nested `depth` levels deep:
/// its inner lines are indented by `depth + 1` steps, its closing bracket by `depth`.
pub fn write_pretty_at<T: Serialize + ?Sized>(value: &T, depth: usize, out: &mut Vec<u8>) {
    let mut ser = Serializer::with_formatter(
        out,
        Pretty {
            depth,
            has_value: false,
        },
    );
    let _ = value.serialize(&mut ser);
}

/// `serde_json::ser::PrettyFormatter` with indent "  " and a starting depth.
pub struct Pretty {
    depth: usize,
    has_value: bool,
}

const INDENT: &[u8] = b"  ";

fn indent<W: ?Sized + Write>(w: &mut W, n: usize) -> io::Result<()> {
    for _ in 0..n {
        w.write_all(INDENT)?;
    }
    Ok(())
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            indent(w, self.depth)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent(w, self.depth)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            indent(w, self.depth)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent(w, self.depth)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes JSON into a buffer as serde_json writes it, compact (`PRETTY = false`) or as its
/// pretty printer does (`PRETTY = true`, from a starting depth): the calls mirror the
/// serializer's formatter calls (`first` says whether a key or element is its container's
/// first), numbers and escapes go through serde_json's own formatter, so the output is byte
/// for byte what serialising the same data gives (tested against it).
pub struct JsonWriter<'o, const PRETTY: bool> {
    out: &'o mut Vec<u8>,
    /// Pretty only: the nesting depth and whether the current container has a value.
    depth: usize,
    has_value: bool,
    /// The last f32 written (its bits) and its text: confidences repeat a few values.
    last_f32: Option<(u32, Range<usize>)>,
}

/// Writing into a `Vec` never fails: the formatters' `io::Result`s are all `Ok`.
macro_rules! ok {
    ($e:expr) => {
        let _: io::Result<()> = $e;
    };
}

impl<'o> JsonWriter<'o, false> {
    /// A writer of compact JSON appending to `out`.
    pub fn compact(out: &'o mut Vec<u8>) -> Self {
        JsonWriter {
            out,
            depth: 0,
            has_value: false,
            last_f32: None,
        }
    }
}

impl<'o> JsonWriter<'o, true> {
    /// A writer of pretty JSON appending to `out`, as nested `depth` levels deep (see
    /// [`write_pretty_at`]).
    pub fn pretty_at(out: &'o mut Vec<u8>, depth: usize) -> Self {
        JsonWriter {
            out,
            depth,
            has_value: false,
            last_f32: None,
        }
    }
}

/// Bytes serde_json escapes in strings: control bytes, `"` and `\`.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any of the 8 bytes of `w` needs escaping (SWAR: a byte below 0x20, or equal to
/// `"` or `\`).
fn word_needs_escape(w: u64) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let below_0x20 = w.wrapping_sub(LO * 0x20) & !w & HI;
    (below_0x20 | zero(w ^ (LO * u64::from(b'"'))) | zero(w ^ (LO * u64::from(b'\\')))) != 0
}

/// The length of the leading run of `bytes` that needs no escaping.
fn plain_prefix(bytes: &[u8]) -> usize {
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        if word_needs_escape(u64::from_le_bytes(w)) {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !needs_escape(bytes[i]) {
        i += 1;
    }
    i
}

impl<const PRETTY: bool> JsonWriter<'_, PRETTY> {
    #[inline]
    fn newline_indent(&mut self) {
        self.out.push(b'\n');
        for _ in 0..self.depth {
            self.out.extend_from_slice(INDENT);
        }
    }

    /// `{`
    #[inline]
    pub fn begin_object(&mut self) {
        if PRETTY {
            self.depth += 1;
            self.has_value = false;
        }
        self.out.push(b'{');
    }

    /// A key and what goes between it and its value. `key` must need no escaping (the
    /// report's keys and category names).
    #[inline]
    pub fn key(&mut self, first: bool, key: &str) {
        debug_assert!(plain_prefix(key.as_bytes()) == key.len());
        if !first {
            self.out.push(b',');
        }
        if PRETTY {
            self.newline_indent();
        }
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out
            .extend_from_slice(if PRETTY { b"\": " } else { b"\":" });
    }

    /// After a key's value.
    #[inline]
    pub fn end_value(&mut self) {
        if PRETTY {
            self.has_value = true;
        }
    }

    /// `}`
    #[inline]
    pub fn end_object(&mut self) {
        if PRETTY {
            self.depth -= 1;
            if self.has_value {
                self.newline_indent();
            }
        }
        self.out.push(b'}');
    }

    /// `[`
    #[inline]
    pub fn begin_array(&mut self) {
        if PRETTY {
            self.depth += 1;
            self.has_value = false;
        }
        self.out.push(b'[');
    }

    /// Before an element.
    #[inline]
    pub fn element(&mut self, first: bool) {
        if !first {
            self.out.push(b',');
        }
        if PRETTY {
            self.newline_indent();
        }
    }

    /// After an element.
    #[inline]
    pub fn end_element(&mut self) {
        if PRETTY {
            self.has_value = true;
        }
    }

    /// `]`
    #[inline]
    pub fn end_array(&mut self) {
        if PRETTY {
            self.depth -= 1;
            if self.has_value {
                self.newline_indent();
            }
        }
        self.out.push(b']');
    }

    /// `null`
    #[inline]
    pub fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    /// An unsigned integer.
    #[inline]
    pub fn u64(&mut self, v: u64) {
        ok!(CompactFormatter.write_u64(self.out, v));
    }

    /// An index or offset.
    pub fn usize(&mut self, v: usize) {
        // serde serialises usize as u64.
        self.u64(v as u64);
    }

    /// A float (null when not finite, as serde_json writes it).
    pub fn f32(&mut self, v: f32) {
        if v.is_finite() {
            if let Some((bits, at)) = &self.last_f32 {
                if *bits == v.to_bits() {
                    let at = at.clone();
                    self.repeat(at);
                    return;
                }
            }
            let start = self.out.len();
            ok!(CompactFormatter.write_f32(self.out, v));
            self.last_f32 = Some((v.to_bits(), start..self.out.len()));
        } else {
            self.null();
        }
    }

    /// A double (null when not finite, as serde_json writes it).
    pub fn f64(&mut self, v: f64) {
        if v.is_finite() {
            ok!(CompactFormatter.write_f64(self.out, v));
        } else {
            self.null();
        }
    }

    /// A string, escaped as serde_json escapes it.
    #[inline]
    pub fn str(&mut self, s: &str) {
        self.out.push(b'"');
        let plain = plain_prefix(s.as_bytes());
        if plain == s.len() {
            self.out.extend_from_slice(s.as_bytes());
        } else {
            self.escaped(s, plain);
        }
        self.out.push(b'"');
    }

    /// A string (as [`Self::str`]); returns where its JSON was written, for [`Self::repeat`].
    #[inline]
    pub fn str_at(&mut self, s: &str) -> Range<usize> {
        let start = self.out.len();
        self.str(s);
        start..self.out.len()
    }

    /// Writes again what was written at `at` (a value from [`Self::str_at`]).
    #[inline]
    pub fn repeat(&mut self, at: Range<usize>) {
        if at.start <= at.end && at.end <= self.out.len() {
            self.out.extend_from_within(at);
        }
    }

    /// The contents of a string that needs escapes; its first `plain` bytes need none.
    #[cold]
    fn escaped(&mut self, s: &str, plain: usize) {
        let mut rest = s;
        let mut n = plain;
        loop {
            // `n` is at a char boundary: it stops at an ASCII byte or at the end.
            let (run, tail) = rest.split_at_checked(n).unwrap_or((rest, ""));
            self.out.extend_from_slice(run.as_bytes());
            let Some(&b) = tail.as_bytes().first() else {
                break;
            };
            let escape = match b {
                b'"' => CharEscape::Quote,
                b'\\' => CharEscape::ReverseSolidus,
                0x08 => CharEscape::Backspace,
                0x0C => CharEscape::FormFeed,
                b'\n' => CharEscape::LineFeed,
                b'\r' => CharEscape::CarriageReturn,
                b'\t' => CharEscape::Tab,
                _ => CharEscape::AsciiControl(b),
            };
            ok!(CompactFormatter.write_char_escape(self.out, escape));
            rest = tail.get(1..).unwrap_or("");
            n = plain_prefix(rest.as_bytes());
        }
    }

    /// An optional unsigned integer.
    pub fn opt_u64(&mut self, v: Option<u64>) {
        match v {
            Some(v) => self.u64(v),
            None => self.null(),
        }
    }

    /// An optional index.
    pub fn opt_usize(&mut self, v: Option<usize>) {
        self.opt_u64(v.map(|v| v as u64));
    }

    /// An optional double.
    pub fn opt_f64(&mut self, v: Option<f64>) {
        match v {
            Some(v) => self.f64(v),
            None => self.null(),
        }
    }

    /// An optional string.
    pub fn opt_str(&mut self, v: Option<&str>) {
        match v {
            Some(v) => self.str(v),
            None => self.null(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{write_compact, write_pretty_at, JsonWriter};
    use serde_json::json;

    #[test]
    fn strings_escape_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é — \"quoted\" back\\slash\u{7f}\u{2028} 😀 end of a long plain run");
        for s in [
            "",
            "plain",
            "12345678",
            "1234567\"",
            "\"",
            "tab\there",
            all.as_str(),
        ] {
            for cut in 0..=s.len() {
                let Some(s) = s.get(cut..) else { continue };
                let mut out = Vec::new();
                JsonWriter::compact(&mut out).str(s);
                assert_eq!(
                    String::from_utf8(out).ok(),
                    serde_json::to_string(s).ok(),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_and_nulls_as_serde_json_writes_them() {
        let floats = [
            0.0f32,
            0.85,
            0.85,
            1.0,
            1e-7,
            1e-7,
            3.4e38,
            f32::NAN,
            f32::INFINITY,
            1.0,
        ];
        let mut out = Vec::new();
        let mut w = JsonWriter::compact(&mut out);
        for v in floats {
            w.f32(v);
            w.element(false);
        }
        let want: String = floats
            .iter()
            .map(|v| serde_json::to_string(v).unwrap_or_default() + ",")
            .collect();
        assert_eq!(String::from_utf8(out).ok(), Some(want));
        for v in [
            Some(-33.312),
            Some(0.0),
            Some(44.5e10),
            None,
            Some(f64::NAN),
        ] {
            let mut out = Vec::new();
            JsonWriter::compact(&mut out).opt_f64(v);
            assert_eq!(String::from_utf8(out).ok(), serde_json::to_string(&v).ok());
        }
        let mut out = Vec::new();
        JsonWriter::compact(&mut out).u64(u64::MAX);
        assert_eq!(out, u64::MAX.to_string().as_bytes());
    }

    #[test]
    fn pretty_at_depth_zero_is_serde_jsons_pretty() {
        let v = json!({"a": [1, {"b": null, "c": []}, {}], "d": "x\ny", "e": {"f": [[]]}});
        let mut out = Vec::new();
        write_pretty_at(&v, 0, &mut out);
        assert_eq!(
            String::from_utf8(out).ok(),
            serde_json::to_string_pretty(&v).ok()
        );
    }

    #[test]
    fn pretty_at_depth_two_is_reindented_pretty() {
        let v = json!({"a": [1, 2], "b": {"c": "d"}, "e": []});
        let mut out = Vec::new();
        write_pretty_at(&v, 2, &mut out);
        let want = serde_json::to_string_pretty(&v)
            .unwrap_or_default()
            .replace('\n', "\n    ");
        assert_eq!(String::from_utf8(out).ok(), Some(want));
    }

    #[test]
    fn compact_appends() {
        let mut out = b"x".to_vec();
        write_compact(&json!({"a": [1, "b"]}), &mut out);
        assert_eq!(out, br#"x{"a":[1,"b"]}"#);
    }
}
