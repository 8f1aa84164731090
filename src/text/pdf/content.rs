//! A page's content stream to positioned pieces of text: runs the text operators (`BT`, `Tf`,
//! `Tm`, `Td`, `TJ`, ...) with the graphics state's matrix, decodes each character code through
//! its font (`ToUnicode` map or simple encoding) and advances by the font's widths. Images and
//! paths are ignored. Errors in a font or an operator cost that text only; nothing panics.

use super::encoding::{Difference, Simple, ToUnicode};
use super::layout::Piece;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

/// Most decoded content read from one page (a decompression bomb stops here).
pub const MAX_PAGE_CONTENT: usize = 32 << 20;
/// Most pieces kept from one page.
pub const MAX_PIECES: usize = 200_000;

/// A 2D affine matrix `[a b c d e f]` as PDF writes them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (PDF's `self × other`).
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }
}

/// What the page needs of a font: how to cut a string into codes, decode and measure them.
struct Font {
    /// The font's `ToUnicode` map, if it has one.
    map: Option<ToUnicode>,
    /// A simple font's encoding (codes the map lacks).
    simple: Simple,
    /// Composite (Type0) fonts use two-byte codes here (Identity-H and its kin).
    two_byte: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
}

impl Font {
    fn new(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        // (A composite font without a ToUnicode map has codes with no known characters.)
        let map = dict
            .get_deref(b"ToUnicode", doc)
            .and_then(Object::as_stream)
            .and_then(|s| s.get_plain_content_with_limit(MAX_PAGE_CONTENT))
            .ok()
            .map(|bytes| ToUnicode::parse(&bytes))
            .filter(|m| !m.is_empty());
        let simple = match dict.get_deref(b"Encoding", doc) {
            Ok(Object::Dictionary(enc)) => match enc.get_deref(b"Differences", doc) {
                Ok(Object::Array(items)) => {
                    Simple::with_differences(items.iter().filter_map(|o| match o {
                        Object::Integer(c) => Some(Difference::Code((*c).clamp(0, 255) as u32)),
                        Object::Name(n) => Some(Difference::Name(n)),
                        _ => None,
                    }))
                }
                _ => Simple::default(),
            },
            _ => Simple::default(),
        };
        let mut widths = HashMap::new();
        let mut default_width = 500.0;
        if two_byte {
            default_width = 1000.0;
            let descendant = dict
                .get_deref(b"DescendantFonts", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            if let Some(cid) = descendant {
                if let Ok(dw) = cid.get(b"DW").and_then(Object::as_float) {
                    default_width = dw;
                }
                if let Ok(w) = cid.get_deref(b"W", doc).and_then(Object::as_array) {
                    read_cid_widths(doc, w, &mut widths);
                }
            }
        } else {
            let first = dict.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0);
            if let Ok(w) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
                for (i, o) in w.iter().enumerate().take(256) {
                    if let Ok(v) = deref(doc, o).as_float() {
                        widths.insert((first.clamp(0, 255) as u32).saturating_add(i as u32), v);
                    }
                }
            }
        }
        Font {
            map,
            simple,
            two_byte,
            widths,
            default_width,
        }
    }

    fn width(&self, code: u32) -> f32 {
        let w = self
            .widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width);
        if w.is_finite() {
            w / 1000.0
        } else {
            0.0
        }
    }

    fn decode(&self, code: u32, bytes: &[u8]) -> String {
        let text = match self.map.as_ref().and_then(|m| m.get(code)) {
            Some(t) => t.to_string(),
            None if self.two_byte => String::new(),
            None => bytes.iter().map(|&b| self.simple.char(b)).collect(),
        };
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '\u{FFFD}' | '\0' => {}
                // Typographic ligatures, so that "ﬁrst" reads as "first".
                '\u{FB00}' => out.push_str("ff"),
                '\u{FB01}' => out.push_str("fi"),
                '\u{FB02}' => out.push_str("fl"),
                '\u{FB03}' => out.push_str("ffi"),
                '\u{FB04}' => out.push_str("ffl"),
                '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
                c => out.push(c),
            }
        }
        out
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

/// The `W` array of a CID font: `c [w1 w2 ...]` and `cfirst clast w` entries.
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    const MAX_ENTRIES: usize = 1 << 16;
    let mut i = 0;
    while i < w.len() && out.len() < MAX_ENTRIES {
        let Ok(first) = deref(doc, &w[i]).as_i64() else {
            return;
        };
        let first = first.clamp(0, u32::MAX as i64) as u32;
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate().take(MAX_ENTRIES) {
                    if let Ok(v) = deref(doc, v).as_float() {
                        out.insert(first.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Ok(last), Some(Ok(v))) = (
                    last.as_i64(),
                    w.get(i + 2).map(|o| deref(doc, o).as_float()),
                ) else {
                    return;
                };
                let last = last.clamp(0, u32::MAX as i64) as u32;
                for c in first..=last.min(first.saturating_add(MAX_ENTRIES as u32)) {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => return,
        }
    }
}

/// The text state of the interpreter.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    font: Option<Vec<u8>>,
    size: f32,
}

impl Default for State {
    fn default() -> State {
        State {
            ctm: Matrix::IDENTITY,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            size: 0.0,
        }
    }
}

fn nums(ops: &[Object]) -> Vec<f32> {
    ops.iter().filter_map(|o| o.as_float().ok()).collect()
}

/// The pieces of text of one page, or nothing when its content cannot be read.
pub fn page_pieces(doc: &Document, page: ObjectId) -> Vec<Piece> {
    let Ok(bytes) = doc.get_page_content_with_limit(page, MAX_PAGE_CONTENT) else {
        return Vec::new();
    };
    let Ok(content) = Content::decode(&bytes) else {
        return Vec::new();
    };
    let font_dicts = doc.get_page_fonts(page).unwrap_or_default();
    let mut fonts: HashMap<Vec<u8>, Font> = HashMap::new();
    let mut pieces = Vec::new();
    let mut state = State::default();
    let mut stack: Vec<State> = Vec::new();
    let (mut tm, mut tlm) = (Matrix::IDENTITY, Matrix::IDENTITY);
    for op in &content.operations {
        let args = &op.operands;
        match op.operator.as_str() {
            "q" if stack.len() < 64 => stack.push(state.clone()),
            "Q" => state = stack.pop().unwrap_or_default(),
            "cm" => {
                if let [a, b, c, d, e, f] = nums(args)[..] {
                    state.ctm = Matrix([a, b, c, d, e, f]).then(state.ctm);
                }
            }
            "BT" => {
                tm = Matrix::IDENTITY;
                tlm = Matrix::IDENTITY;
            }
            "Tf" => {
                if let (Some(name), Some(size)) = (
                    args.first().and_then(|o| o.as_name().ok()),
                    args.get(1).and_then(|o| o.as_float().ok()),
                ) {
                    state.font = Some(name.to_vec());
                    state.size = size;
                    if !fonts.contains_key(name) {
                        if let Some(dict) = font_dicts.get(name) {
                            fonts.insert(name.to_vec(), Font::new(doc, dict));
                        }
                    }
                }
            }
            "Tc" => state.char_spacing = nums(args).first().copied().unwrap_or(0.0),
            "Tw" => state.word_spacing = nums(args).first().copied().unwrap_or(0.0),
            "Tz" => state.scale = nums(args).first().copied().unwrap_or(100.0) / 100.0,
            "TL" => state.leading = nums(args).first().copied().unwrap_or(0.0),
            "Ts" => state.rise = nums(args).first().copied().unwrap_or(0.0),
            "Td" | "TD" => {
                if let [x, y] = nums(args)[..] {
                    if op.operator == "TD" {
                        state.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
            }
            "Tm" => {
                if let [a, b, c, d, e, f] = nums(args)[..] {
                    tlm = Matrix([a, b, c, d, e, f]);
                    tm = tlm;
                }
            }
            "T*" => {
                tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                tm = tlm;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "'" || op.operator == "\"" {
                    if op.operator == "\"" {
                        if let [w, c, ..] = nums(args)[..] {
                            state.word_spacing = w;
                            state.char_spacing = c;
                        }
                    }
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                }
                let font = state.font.as_ref().and_then(|f| fonts.get(f));
                let Some(font) = font else { continue };
                let mut show = |bytes: &[u8], tm: &mut Matrix| {
                    show_string(font, &state, bytes, tm, &mut pieces);
                };
                match args.last() {
                    Some(Object::Array(items)) => {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => show(bytes, &mut tm),
                                other => {
                                    if let Ok(n) = other.as_float() {
                                        let tx = -n / 1000.0 * state.size * state.scale;
                                        tm = Matrix::translate(tx, 0.0).then(tm);
                                    }
                                }
                            }
                        }
                    }
                    Some(Object::String(bytes, _)) => show(bytes, &mut tm),
                    _ => {}
                }
                if pieces.len() > MAX_PIECES {
                    break;
                }
            }
            _ => {}
        }
    }
    pieces
}

/// Shows one string: a piece per character code, advancing the text matrix.
fn show_string(font: &Font, state: &State, bytes: &[u8], tm: &mut Matrix, out: &mut Vec<Piece>) {
    let step = if font.two_byte { 2 } else { 1 };
    for code_bytes in bytes.chunks(step) {
        let code = code_bytes.iter().fold(0u32, |c, &b| c << 8 | b as u32);
        let text = font.decode(code, code_bytes);
        let mut advance = font.width(code) * state.size + state.char_spacing;
        if step == 1 && code == 32 {
            advance += state.word_spacing;
        }
        advance *= state.scale;
        let render = Matrix([
            state.size * state.scale,
            0.0,
            0.0,
            state.size,
            0.0,
            state.rise,
        ])
        .then(*tm)
        .then(state.ctm);
        let (x0, y) = render.apply(0.0, 0.0);
        let end = Matrix::translate(advance, 0.0).then(*tm).then(state.ctm);
        let (x1, _) = end.apply(0.0, state.rise);
        let [_, _, c, d, _, _] = render.0;
        let size = (c * c + d * d).sqrt();
        if !text.is_empty() {
            out.push(Piece {
                x0,
                x1,
                y,
                size,
                text,
            });
        }
        *tm = Matrix::translate(advance, 0.0).then(*tm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_as_pdf_does() {
        let m = Matrix::translate(10.0, 20.0).then(Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]));
        assert_eq!(m.apply(1.0, 1.0), (22.0, 42.0));
        assert_eq!(Matrix::IDENTITY.then(m), m);
    }
}
