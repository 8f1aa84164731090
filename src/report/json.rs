//! JSON writing straight into a caller's (reused) buffer: compact, or pretty-printed as
//! `serde_json::to_string_pretty` does but starting at a given depth (a document inside the
//! report's `documents` array), so no re-indenting copy is needed.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, Serializer};
use std::io::{self, Write};

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

#[cfg(test)]
mod tests {
    use super::{write_compact, write_pretty_at};
    use serde_json::json;

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
