//! A report's incidents re-formed from a figure -> incident assignment: what the app computes
//! after a reviewer corrects figures, or moves figures between incidents (split, merge).
//!
//! The grouping rules ([`crate::incidents::group`]) decide which figures are one incident;
//! here the caller decides, and each incident's counts and the document totals are recomputed
//! with the same counting rules as the extractor ([`crate::incidents::group::counts_of`],
//! [`crate::incidents::totals::from_incidents`]): parts never add to their whole, a revised toll
//! replaces the earlier one, background figures are in no incident and never summed.
//! Never panics; indices out of range are ignored.

use crate::figures::RawFigure;
use crate::incidents::dates::Date;
use crate::incidents::group::{counts_of, geo_of, Incident as Group};
use crate::incidents::totals::from_incidents;
use crate::report::model::{DocumentReport, Figure, Incident};
use crate::text::Document;
use crate::Policy;
use std::collections::BTreeMap;

/// Code point range -> byte range of `text` (clamped to the text).
fn byte_range(starts: &[usize], len: usize, start: usize, end: usize) -> std::ops::Range<usize> {
    let at = |cp: usize| starts.get(cp).copied().unwrap_or(len);
    let s = at(start);
    s..at(end).max(s)
}

/// The report's figures as the counting rules read them (each figure its own list, none
/// additive: the report keeps neither).
pub fn raw_figures(doc: &Document, figures: &[Figure]) -> Vec<RawFigure> {
    let starts: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
    raw_figures_at(doc, &starts, figures)
}

/// [`raw_figures`] with the byte offset of each code point of the text given.
fn raw_figures_at(doc: &Document, starts: &[usize], figures: &[Figure]) -> Vec<RawFigure> {
    let len = doc.text.len();
    figures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let span = byte_range(starts, len, f.start, f.end);
            RawFigure {
                sentence: doc.sentence_of(span.start),
                span,
                category: f.category,
                value: f.value,
                max: f.max,
                qualifier: f.qualifier,
                victims: None,
                trigger: byte_range(starts, len, f.trigger.start, f.trigger.end),
                part_of: f.part_of.filter(|&p| p < figures.len()),
                confidence: f.confidence,
                additive: false,
                group: i,
                implicit: f.implicit,
                rule: crate::figures::rule::Rule::of(crate::figures::rule::Construction::Given),
            }
        })
        .collect()
}

/// Sets `report.incidents`, `report.totals` and `report.background` from an assignment:
/// `members[i]` is the label of figure `i`'s incident (None: in no incident), `templates`
/// gives a label its date, place and confidence (a label with none takes the place most of
/// its figures name, and no date), and `background` lists the figures to mark as background.
/// Incidents come out in order of their first figure; labels with no figure disappear.
pub fn regroup(
    text: &str,
    report: &mut DocumentReport,
    members: &[Option<usize>],
    templates: &BTreeMap<usize, Incident>,
    background: Vec<usize>,
    policy: Policy,
) {
    let doc = Document::new(text);
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let raws = raw_figures_at(&doc, &starts, &report.figures);
    let starts = &starts;
    let geo = geo_of(
        &doc,
        &raws,
        |i| {
            let p = report.figures.get(i)?.place?;
            report.places.get(p)?.country.as_deref()
        },
        report
            .places
            .iter()
            .filter(|p| p.kind == crate::vocab::PlaceKind::Country)
            .filter_map(|p| Some((p.country.as_deref()?, &p.mentions)))
            .flat_map(|(c, ms)| {
                ms.iter()
                    .map(move |m| (c, byte_range(starts, text.len(), m.start, m.end).start))
            }),
    );
    // label -> figures, labels in order of first figure.
    let mut order: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, m) in members.iter().enumerate().take(raws.len()) {
        let Some(label) = *m else { continue };
        match order.iter_mut().find(|(l, _)| *l == label) {
            Some((_, figs)) => figs.push(i),
            None => order.push((label, vec![i])),
        }
    }
    let groups: Vec<Group> = order
        .iter()
        .map(|(label, figs)| {
            let t = templates.get(label);
            let date = t.and_then(|t| {
                let d = Date::parse_iso(t.date.as_deref()?)?;
                Some((d, t.date_precision?))
            });
            Group {
                counts: counts_of(&doc, &raws, figs, policy, &geo),
                place: t
                    .and_then(|t| t.place)
                    .or_else(|| common_place(report, figs)),
                date,
                figures: figs.clone(),
                confidence: t.map(|t| t.confidence).unwrap_or(1.0),
            }
        })
        .collect();
    report.totals = from_incidents(text, &groups);
    report.incidents = groups
        .into_iter()
        .map(|g| Incident {
            date: g.date.map(|(d, _)| d.to_string()),
            date_precision: g.date.map(|(_, p)| p),
            place: g.place,
            totals: g.counts,
            figures: g.figures,
            confidence: g.confidence,
        })
        .collect();
    let n = report.figures.len();
    report.background = background.into_iter().filter(|&i| i < n).collect();
    report.background.sort_unstable();
    report.background.dedup();
}

/// The place most of `figs` name (the first on a tie).
fn common_place(report: &DocumentReport, figs: &[usize]) -> Option<usize> {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for p in figs.iter().filter_map(|&i| report.figures.get(i)?.place) {
        match seen.iter_mut().find(|(q, _)| *q == p) {
            Some(e) => e.1 += 1,
            None => seen.push((p, 1)),
        }
    }
    let best = seen.iter().map(|e| e.1).max()?;
    seen.iter().find(|e| e.1 == best).map(|e| e.0)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::vocab::Category;
    use crate::{Extractor, Options};

    const TEXT: &str = "Attacks in Iraq\n\nPublished 4 March 2024\n\nGunmen killed seven \
                        people in Basra on Monday, police said.\n\nA roadside bomb killed five \
                        soldiers near Mosul on Monday, the army said.\n\nThe war has killed more \
                        than 200,000 people since 2003.\n";

    fn report() -> DocumentReport {
        let ex = Extractor::new(crate::Gazetteer::embedded(), Options::default());
        ex.extract("a.txt", TEXT)
    }

    fn members(r: &DocumentReport) -> Vec<Option<usize>> {
        (0..r.figures.len())
            .map(|i| r.incidents.iter().position(|inc| inc.figures.contains(&i)))
            .collect()
    }

    fn templates(r: &DocumentReport) -> BTreeMap<usize, Incident> {
        r.incidents.iter().cloned().enumerate().collect()
    }

    #[test]
    fn the_extractors_own_assignment_gives_its_own_incidents_and_totals() {
        let r = report();
        assert_eq!(r.incidents.len(), 2, "{:?}", r.incidents);
        let mut again = r.clone();
        regroup(
            TEXT,
            &mut again,
            &members(&r),
            &templates(&r),
            r.background.clone(),
            Policy::Literal,
        );
        assert_eq!(again, r);
        assert_eq!(r.totals[&Category::Killed].value, 12);
    }

    #[test]
    fn merging_two_incidents_leaves_one_counted_by_the_incident_rules() {
        let r = report();
        let mut m = members(&r);
        for x in m.iter_mut().flatten() {
            *x = 0;
        }
        let mut merged = r.clone();
        regroup(
            TEXT,
            &mut merged,
            &m,
            &templates(&r),
            r.background.clone(),
            Policy::Literal,
        );
        assert_eq!(merged.incidents.len(), 1);
        // One event told twice: its count is the first statement (7), not a sum.
        assert_eq!(merged.incidents[0].totals[&Category::Killed].value, 7);
        assert_eq!(merged.totals[&Category::Killed].value, 7);
        assert_eq!(merged.incidents[0].figures.len(), 2);
    }

    #[test]
    fn moving_a_background_figure_into_an_incident_counts_it_and_a_new_label_splits() {
        let r = report();
        let bg = r.background.clone();
        assert_eq!(bg.len(), 1);
        let mut m = members(&r);
        m[bg[0]] = Some(7); // a new incident of its own, no template
        let mut moved = r.clone();
        regroup(
            TEXT,
            &mut moved,
            &m,
            &templates(&r),
            Vec::new(),
            Policy::Literal,
        );
        assert_eq!(moved.incidents.len(), 3);
        assert!(moved.background.is_empty());
        assert_eq!(moved.totals[&Category::Killed].value, 200_012);
        assert_eq!(moved.incidents[2].date, None);
        // Out-of-range members and background indices are ignored.
        let mut odd = r.clone();
        regroup(
            TEXT,
            &mut odd,
            &[Some(0); 99],
            &BTreeMap::new(),
            vec![99],
            Policy::Literal,
        );
        assert_eq!(odd.incidents.len(), 1);
        assert!(odd.background.is_empty());
    }
}
