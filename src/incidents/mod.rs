//! Incidents stage: which place each figure happened at ([`link`]), which figures are
//! background ([`background`]), the incidents the document reports as news ([`group`],
//! [`count`], [`dates`]), breakdowns by place ([`place_parts`]) and the document totals as their sums ([`totals`]). The merge
//! across documents and the incidents re-formed after corrections work on the report's types:
//! they are `report::merge` and `report::regroup`.

pub mod background;
pub mod count;
pub mod dates;
#[cfg(test)]
mod examples;
pub mod group;
pub mod link;
pub mod place_parts;
pub mod scope;
pub mod totals;
pub mod why;

use crate::figures::RawFigure;
use crate::places::ResolvedPlace;
use crate::text::Document;
use crate::vocab::{Category, Total};
use crate::Policy;
use background::Role;
use std::collections::BTreeMap;

pub use group::Incident;

/// A document's incidents, background and summary figures, and totals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Incidents {
    /// The document's publication date, where the text gives it.
    pub date: Option<dates::Date>,
    /// The incidents, in order of first figure.
    pub list: Vec<Incident>,
    /// Indices of background figures.
    pub background: Vec<usize>,
    /// Indices of figures that total several incidents.
    pub summary: Vec<usize>,
    /// Document totals per category: the sums of the incidents' counts (plus zero totals
    /// where the text says no one was harmed).
    pub totals: BTreeMap<Category, Total>,
}

/// Runs the incident rules over one document's figures and places (`links`: per figure, the
/// index of its place).
pub fn analyse(
    doc: &Document,
    figures: &[RawFigure],
    places: &[ResolvedPlace],
    links: &[Option<usize>],
    policy: Policy,
) -> Incidents {
    let date = dates::publication_date(doc.text);
    let mut roles = background::roles(doc, figures, date);
    let list = group::group(doc, figures, places, links, &mut roles, date, policy);
    let pick = |want: Role| -> Vec<usize> {
        roles
            .iter()
            .enumerate()
            .filter(|(_, r)| **r == want)
            .map(|(i, _)| i)
            .collect()
    };
    let totals = totals::from_incidents(doc.text, &list);
    Incidents {
        date,
        background: pick(Role::Background),
        summary: pick(Role::Summary),
        list,
        totals,
    }
}
