//! Figure -> place: the place where the harm happened (GUIDELINES.md "place").

use crate::figures::RawFigure;
use crate::places::ResolvedPlace;
use crate::text::Document;

/// For each figure, the index of the place where the harm happened, or None.
///
/// Same sentence first (nearest mention), then the story so far (the most recent mention).
pub fn link_places(
    doc: &Document,
    figures: &[RawFigure],
    places: &[ResolvedPlace],
) -> Vec<Option<usize>> {
    figures
        .iter()
        .map(|f| {
            let s = doc.sentence_of(f.span.start);
            let sent = doc.sentences.get(s).cloned().unwrap_or(0..0);
            let mut best: Option<(usize, usize)> = None; // (distance, place)
            for (pi, p) in places.iter().enumerate() {
                for m in &p.mentions {
                    let d = if m.start >= sent.start && m.end <= sent.end {
                        m.start.abs_diff(f.span.start)
                    } else if m.end <= f.span.start {
                        1_000_000 + (f.span.start - m.end)
                    } else {
                        continue;
                    };
                    if best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, pi));
                    }
                }
            }
            best.map(|(_, p)| p)
        })
        .collect()
}
