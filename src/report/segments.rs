//! Text cut into highlight segments: one highlighter for the HTML export ([`super::html`]) and
//! the app's reading view (`ui::segments`).
//!
//! [`cut`] takes a range of a text and marked spans (any unit: bytes or code points) and returns
//! the ordered, non-overlapping segments that cover the range, each with the spans that cover
//! it; a span partly outside the range is clipped to it, an empty one is ignored. [`tree`]
//! nests the segments of several layers of disjoint spans (outermost first) into a tree, a
//! span of an inner layer that crosses an outer one being cut in two, so that every highlight
//! is well nested. Pure functions: no text is read, nothing panics, the output size is linear
//! in the number of segments times the number of layers.

use std::ops::Range;

/// A stretch between two boundaries and the spans that cover it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Offsets of the stretch.
    pub range: Range<usize>,
    /// Indices (into the spans given to [`cut`]) of the spans that cover the stretch, in order
    /// of start, then of index.
    pub marks: Vec<usize>,
}

/// Cuts `range` at every start and end of `spans` (clipped to `range`) into ordered,
/// non-overlapping segments that cover it, each with the spans that cover it.
///
/// ```
/// use casualty_lens::report::segments::cut;
/// let s = cut(0..10, &[2..5, 4..8]);
/// let got: Vec<_> = s.iter().map(|s| (s.range.clone(), s.marks.clone())).collect();
/// assert_eq!(got, [(0..2, vec![]), (2..4, vec![0]), (4..5, vec![0, 1]), (5..8, vec![1]), (8..10, vec![])]);
/// ```
pub fn cut(range: Range<usize>, spans: &[Range<usize>]) -> Vec<Segment> {
    let (a, b) = (range.start, range.end);
    // The spans clipped to the range, by start then index.
    let mut live: Vec<(usize, Range<usize>)> = spans
        .iter()
        .enumerate()
        .map(|(i, r)| (i, r.start.max(a)..r.end.min(b)))
        .filter(|(_, r)| r.start < r.end)
        .collect();
    live.sort_by_key(|(i, r)| (r.start, *i));

    // Segment boundaries: every start and end, plus the range's ends.
    let mut cuts: Vec<usize> = Vec::with_capacity(live.len() * 2 + 2);
    cuts.push(a);
    cuts.push(b);
    for (_, r) in &live {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    // Sweep: spans sorted by start enter, leave when their end is reached.
    let mut out = Vec::with_capacity(cuts.len().saturating_sub(1));
    let mut next = 0;
    let mut active: Vec<(usize, usize)> = Vec::new(); // (index, end)
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        active.retain(|&(_, end)| end > s);
        while let Some((i, r)) = live.get(next) {
            if r.start > s {
                break;
            }
            if r.end > s {
                active.push((*i, r.end));
            }
            next += 1;
        }
        out.push(Segment {
            range: s..e,
            marks: active.iter().map(|&(i, _)| i).collect(),
        });
    }
    out
}

/// A piece of highlighted text: plain, or a highlight around its pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node<M> {
    /// Plain text: its range.
    Text(Range<usize>),
    /// A highlight around its children.
    Wrap(M, Vec<Node<M>>),
}

/// One layer of marked spans, non-overlapping and sorted by start (see [`disjoint`]).
pub type Layer<M> = Vec<(Range<usize>, M)>;

/// Keeps the first of any overlapping spans (empty ones dropped), sorted by start.
pub fn disjoint<M>(mut items: Layer<M>) -> Layer<M> {
    items.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out: Layer<M> = Vec::with_capacity(items.len());
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

/// The highlight tree of `range` from `layers` (outermost first, each [`disjoint`]): a span of
/// an outer layer wraps the pieces of the inner layers inside it; an inner span that crosses
/// an outer span's end is cut there. Depth is bounded by the number of layers.
///
/// ```
/// use casualty_lens::report::segments::{tree, Node};
/// let layers = vec![vec![(0..6, 'S')], vec![(4..9, 'F')]];
/// assert_eq!(
///     tree(&layers, 0..10),
///     [
///         Node::Wrap('S', vec![Node::Text(0..4), Node::Wrap('F', vec![Node::Text(4..6)])]),
///         Node::Wrap('F', vec![Node::Text(6..9)]),
///         Node::Text(9..10),
///     ]
/// );
/// ```
pub fn tree<M: Copy>(layers: &[Layer<M>], range: Range<usize>) -> Vec<Node<M>> {
    let mut spans = Vec::new();
    let mut owner = Vec::new(); // (layer, mark) of each span
    for (d, layer) in layers.iter().enumerate() {
        // Only the spans that reach into the range: a disjoint layer's ends are sorted too, so
        // a block of a long text costs its own spans, not the whole text's.
        let first = layer.partition_point(|(r, _)| r.end <= range.start);
        let inside = layer.get(first..).unwrap_or_default();
        for (r, m) in inside.iter().take_while(|(r, _)| r.start < range.end) {
            spans.push(r.clone());
            owner.push((d, *m));
        }
    }
    // Per segment, the span of each layer that covers it (layers are disjoint: one at most).
    let rows: Vec<(Range<usize>, Vec<Option<usize>>)> = cut(range, &spans)
        .into_iter()
        .map(|s| {
            let mut by_layer = vec![None; layers.len()];
            for i in s.marks {
                if let Some(slot) = owner.get(i).and_then(|&(d, _)| by_layer.get_mut(d)) {
                    slot.get_or_insert(i);
                }
            }
            (s.range, by_layer)
        })
        .collect();
    nest(&rows, 0, &owner)
}

/// The nodes of consecutive segments `rows` from layer `depth` down: a run of segments under
/// one span of the layer is one wrap, a run under none goes on to the next layer.
fn nest<M: Copy>(
    rows: &[(Range<usize>, Vec<Option<usize>>)],
    depth: usize,
    owner: &[(usize, M)],
) -> Vec<Node<M>> {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Vec::new();
    };
    if depth >= first.1.len() {
        return vec![Node::Text(first.0.start..last.0.end)];
    }
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(row) = rows.get(i) {
        let id = row.1.get(depth).copied().flatten();
        let run = rows[i..]
            .iter()
            .take_while(|r| r.1.get(depth).copied().flatten() == id)
            .count();
        let inner = nest(&rows[i..i + run], depth + 1, owner);
        match id.and_then(|k| owner.get(k)) {
            Some(&(_, m)) => out.push(Node::Wrap(m, inner)),
            None => out.extend(inner),
        }
        i += run;
    }
    out
}

/// Cuts `text` into consecutive blocks of about `size` bytes that cover it, for showing a long
/// text piece by piece: a block ends after a line break between `size / 2` and `2 * size`
/// bytes from its start where there is one, else after a space past `size` bytes, else at
/// the first char boundary past `2 * size` bytes. A text of at most `size` bytes is one block;
/// an empty text has none.
///
/// ```
/// use casualty_lens::report::segments::blocks;
/// let text = "First paragraph.\n\nSecond one.\n\nThird.";
/// let b = blocks(text, 12);
/// assert_eq!(b, [0..18, 18..31, 31..37]);
/// assert_eq!(&text[b[1].clone()], "Second one.\n\n");
/// ```
pub fn blocks(text: &str, size: usize) -> Vec<Range<usize>> {
    let size = size.max(1);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / size + 1);
    let mut start = 0;
    while start < text.len() {
        let rest = text.len() - start;
        if rest <= size {
            out.push(start..text.len());
            break;
        }
        let lo = start + size / 2;
        let hi = (start + 2 * size).min(text.len());
        let window = bytes.get(lo..hi).unwrap_or_default();
        let end = match memchr::memchr(b'\n', window) {
            // After the run of line breaks, so a blank line stays with the paragraph above.
            Some(k) => {
                let mut e = lo + k + 1;
                while bytes.get(e) == Some(&b'\n') {
                    e += 1;
                }
                e
            }
            None => {
                let from = (start + size).min(hi);
                match memchr::memchr(b' ', bytes.get(from..hi).unwrap_or_default()) {
                    Some(k) => from + k + 1,
                    None => (hi..=text.len())
                        .find(|&e| text.is_char_boundary(e))
                        .unwrap_or(text.len()),
                }
            }
        };
        out.push(start..end);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `build` made it before [`tree`] was written on [`cut`]: the reference.
    fn reference<M: Copy>(layers: &[Layer<M>], range: Range<usize>) -> Vec<Node<M>> {
        let Some((layer, rest)) = layers.split_first() else {
            return if range.start < range.end {
                vec![Node::Text(range)]
            } else {
                Vec::new()
            };
        };
        let mut out = Vec::new();
        let mut at = range.start;
        let first = layer.partition_point(|(r, _)| r.end <= range.start);
        for (r, m) in &layer[first..] {
            if r.start >= range.end {
                break;
            }
            let s = r.start.max(range.start);
            let e = r.end.min(range.end);
            if s > at {
                out.extend(reference(rest, at..s));
            }
            if e > s {
                out.push(Node::Wrap(*m, reference(rest, s..e)));
            }
            at = at.max(e);
        }
        if at < range.end {
            out.extend(reference(rest, at..range.end));
        }
        out
    }

    #[test]
    fn segments_cover_the_range_in_order() {
        let s = cut(3..12, &[0..4, 6..6, 5..9, 8..20, 5..9]);
        let got: Vec<_> = s
            .iter()
            .map(|s| (s.range.clone(), s.marks.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (3..4, vec![0]),
                (4..5, vec![]),
                (5..8, vec![2, 4]),
                (8..9, vec![2, 4, 3]),
                (9..12, vec![3]),
            ]
        );
        assert!(cut(5..5, &[0..10, 2..7]).is_empty());
        assert_eq!(cut(0..2, &[]).len(), 1);
    }

    #[test]
    fn tree_matches_the_layered_builder() {
        // Small pseudo-random layers: every tree equals the recursive reference.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..500 {
            let len = 1 + next(40);
            let layers: Vec<Layer<(usize, usize)>> = (0..next(4))
                .map(|d| {
                    disjoint(
                        (0..next(6))
                            .map(|k| {
                                let s = next(len as u64 + 1);
                                (s..s + next(12), (d, k))
                            })
                            .collect(),
                    )
                })
                .collect();
            let from = next(len as u64 + 1);
            let range = from..(from + next(len as u64 + 1)).min(len);
            assert_eq!(tree(&layers, range.clone()), reference(&layers, range));
        }
    }

    #[test]
    fn blocks_cover_the_text_at_char_boundaries() {
        let para = "Three people were killed in Mosul.\n\n";
        let cases = [
            String::new(),
            "short".to_string(),
            para.repeat(40),
            // No line break at all: cut at spaces.
            "word ".repeat(300),
            // No space either, multi-byte chars: cut at a char boundary.
            "ĀĒĪŌŪ".repeat(200),
            format!("{}\n\n\n\n{}", "é".repeat(90), para.repeat(3)),
        ];
        for text in &cases {
            for size in [1, 7, 64, 256] {
                let b = blocks(text, size);
                let mut at = 0;
                for r in &b {
                    assert_eq!(r.start, at, "contiguous: {text:?} {size}");
                    assert!(r.start < r.end, "not empty");
                    assert!(text.is_char_boundary(r.end));
                    at = r.end;
                }
                assert_eq!(at, text.len(), "covers the text");
            }
        }
        // Paragraphs stay whole when they fit.
        let text = para.repeat(40);
        for r in blocks(&text, 256) {
            assert!(text[r].ends_with(".\n\n"));
        }
        // Each block is at most twice the size, plus the line breaks that close it.
        let spaced = "word ".repeat(300);
        assert!(blocks(&spaced, 64).iter().all(|r| r.len() <= 128));
    }
}
