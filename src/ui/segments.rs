//! Splits a document's text into nested highlight segments: sentences that hold figures, the
//! figures inside them, the place mentions inside those. Overlaps are resolved by clipping, so
//! a place partly inside a figure becomes two place pieces and the tree stays well nested.

use std::ops::Range;

/// What a highlight wraps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The sentence of one or more figures (index of the first figure).
    Sentence(usize),
    /// A figure (index into the report's figures).
    Figure(usize),
    /// A place mention (index into the report's places).
    Place(usize),
    /// A search match (its number in the document).
    Hit(usize),
}

/// A piece of the rendered text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Plain text: byte range into the document.
    Text(Range<usize>),
    /// A highlight around its children.
    Wrap(Mark, Vec<Node>),
}

/// One layer of non-overlapping intervals (byte ranges), sorted by start.
pub type Layer = Vec<(Range<usize>, Mark)>;

/// Keeps the first of any overlapping intervals, sorted by start.
pub fn disjoint(mut items: Layer) -> Layer {
    items.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out: Layer = Vec::with_capacity(items.len());
    for (r, m) in items {
        if r.start >= r.end {
            continue;
        }
        match out.last() {
            Some((last, _)) if r.start < last.end => {}
            _ => out.push((r, m)),
        }
    }
    out
}

/// Builds the tree for `range` from `layers` (outermost first). Depth is bounded by the
/// number of layers.
pub fn build(layers: &[Layer], range: Range<usize>) -> Vec<Node> {
    let Some((layer, rest)) = layers.split_first() else {
        return if range.start < range.end {
            vec![Node::Text(range)]
        } else {
            Vec::new()
        };
    };
    let mut out = Vec::new();
    let mut at = range.start;
    // First interval that may reach into the range.
    let first = layer.partition_point(|(r, _)| r.end <= range.start);
    for (r, m) in &layer[first..] {
        if r.start >= range.end {
            break;
        }
        let s = r.start.max(range.start);
        let e = r.end.min(range.end);
        if s > at {
            out.extend(build(rest, at..s));
        }
        if e > s {
            out.push(Node::Wrap(*m, build(rest, s..e)));
        }
        at = at.max(e);
    }
    if at < range.end {
        out.extend(build(rest, at..range.end));
    }
    out
}
