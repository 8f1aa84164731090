//! The reading view's highlights: sentences that hold figures, the figures inside them, the
//! place mentions inside those, search matches innermost. The tree is the core's
//! ([`crate::report::segments::tree`], the highlighter the HTML export shares): overlaps are
//! resolved by clipping, so a place partly inside a figure becomes two place pieces and the
//! tree stays well nested.

use crate::report::segments;

pub use crate::report::segments::{disjoint, tree as build};

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

/// A piece of the rendered text: plain text (a byte range into the document) or a highlight
/// around its children.
pub type Node = segments::Node<Mark>;

/// One layer of non-overlapping intervals (byte ranges), sorted by start.
pub type Layer = segments::Layer<Mark>;
