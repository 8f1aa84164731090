//! A report's consistency with its text: what the fuzz targets, the property tests and the
//! hostile-input tests assert, in one place.
//!
//! Every span (figure, trigger, sentence, place mention) must be the text at its code point
//! offsets; indices (a figure's place and `part_of`) must point inside the report; confidence
//! lies in 0..=1; figures come in text order.

use super::model::DocumentReport;

/// What is inconsistent in `report` with respect to `text` (empty: consistent).
pub fn problems(text: &str, report: &DocumentReport) -> Vec<String> {
    let mut out = Vec::new();
    // Code point index -> byte offset, once for the whole text.
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut span =
        |what: &str, s: usize, e: usize, expected: &str| match (starts.get(s), starts.get(e)) {
            (Some(&bs), Some(&be)) if s <= e => {
                let got = text.get(bs..be).unwrap_or_default();
                if got != expected {
                    out.push(format!(
                        "{what} {s}..{e} is {got:?} in the text, {expected:?} in the report"
                    ));
                }
            }
            _ => out.push(format!(
                "{what} {s}..{e} is outside the text's {} characters",
                starts.len() - 1
            )),
        };
    for (i, f) in report.figures.iter().enumerate() {
        span(&format!("figure {i}"), f.start, f.end, &f.text);
        span(
            &format!("figure {i}'s trigger"),
            f.trigger.start,
            f.trigger.end,
            &f.trigger.text,
        );
        span(
            &format!("figure {i}'s sentence"),
            f.sentence.start,
            f.sentence.end,
            &f.sentence.text,
        );
    }
    for (i, p) in report.places.iter().enumerate() {
        for m in &p.mentions {
            span(&format!("place {i}'s mention"), m.start, m.end, &m.text);
        }
    }
    for (i, f) in report.figures.iter().enumerate() {
        if f.place.is_some_and(|p| p >= report.places.len()) {
            out.push(format!(
                "figure {i}'s place {:?} is not in the report",
                f.place
            ));
        }
        if f.part_of
            .is_some_and(|p| p >= report.figures.len() || p == i)
        {
            out.push(format!(
                "figure {i}'s part_of {:?} is not another figure",
                f.part_of
            ));
        }
        if !(0.0..=1.0).contains(&f.confidence) {
            out.push(format!(
                "figure {i}'s confidence {} is not in 0..=1",
                f.confidence
            ));
        }
    }
    if let Some(w) = report
        .figures
        .windows(2)
        .position(|w| w[0].start > w[1].start)
    {
        out.push(format!("figures {w} and {} are out of text order", w + 1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Extractor, Gazetteer, Options};

    #[test]
    fn an_extracted_report_is_consistent_and_a_moved_span_is_caught() {
        let text = "Café bombing: 12 people were killed and 3 injured in Mosul, Iraq.";
        let ex = Extractor::new(Gazetteer::embedded(), Options::default());
        let mut r = ex.extract("t", text);
        assert!(r.figures.len() >= 2 && !r.places.is_empty());
        assert_eq!(problems(text, &r), Vec::<String>::new());

        r.figures[0].start += 1;
        r.places[0].mentions[0].end = 10_000;
        r.figures[1].part_of = Some(1);
        let p = problems(text, &r);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].starts_with("figure 0 "), "{p:?}");
        assert!(p[1].contains("outside the text"), "{p:?}");
        assert!(p[2].contains("part_of"), "{p:?}");
    }
}
