//! Why figures went together in an incident: each member's reason, read back from the
//! grouping of [`super::group`] along its own rules (a part joins its whole, a sentence
//! that names a compatible place joins that place's incident, a figure with no place of its
//! own goes on with the incident told last). It never changes a grouping; `casualty-lens
//! explain` prints it.

use super::group::{relation, Incident, Relation};
use crate::figures::RawFigure;
use crate::places::ResolvedPlace;
use crate::text::Document;

/// Why one figure is in its incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    /// The incident's first figure.
    Opens,
    /// A part of figure `i`, a member ("15 died, including 4 children").
    PartOf(usize),
    /// In the sentence of figure `i`, a member before it.
    SameSentence(usize),
    /// Its sentence names place `p`, the incident's place or one within or around it.
    SamePlace(usize),
    /// Its sentence names no place: it goes on with the incident told before (anaphora:
    /// "the attack", "the victims").
    GoesOn,
    /// Its sentence names a place apart from the incident's: the story keeps one event (a
    /// single disaster, or a place too vague to open an incident).
    OneEvent,
}

impl Joined {
    /// One line, naming figures by index and places by name.
    pub fn describe(&self, places: &[ResolvedPlace]) -> String {
        let name = |p: usize| places.get(p).map_or("?", |p| p.name.as_str());
        match *self {
            Joined::Opens => "opens the incident".into(),
            Joined::PartOf(i) => format!("part of figure {i}"),
            Joined::SameSentence(i) => format!("same sentence as figure {i}"),
            Joined::SamePlace(p) => format!("its sentence names {}, the incident's place", name(p)),
            Joined::GoesOn => "names no place of its own: goes on with the incident before".into(),
            Joined::OneEvent => "told as the same event (its place is not one apart)".into(),
        }
    }
}

/// Per member of `incident` (in its order): why it is there.
pub fn reasons(
    doc: &Document,
    figures: &[RawFigure],
    places: &[ResolvedPlace],
    links: &[Option<usize>],
    incident: &Incident,
) -> Vec<Joined> {
    // The place a figure's own sentence names for it.
    let explicit = |i: usize| {
        let f = figures.get(i)?;
        let sent = doc.sentences.get(f.sentence)?;
        links.get(i).copied().flatten().filter(|&p| {
            places.get(p).is_some_and(|pl| {
                pl.mentions
                    .iter()
                    .any(|m| m.start >= sent.start && m.end <= sent.end)
            })
        })
    };
    let anchor = incident.place.filter(|&p| p < places.len());
    let mut out = Vec::with_capacity(incident.figures.len());
    for (k, &i) in incident.figures.iter().enumerate() {
        let Some(f) = figures.get(i) else {
            out.push(Joined::GoesOn);
            continue;
        };
        let before = incident.figures.get(..k).unwrap_or(&[]);
        let why = if k == 0 {
            Joined::Opens
        } else if let Some(w) = f.part_of.filter(|w| before.contains(w)) {
            Joined::PartOf(w)
        } else if let Some(&j) = before
            .iter()
            .find(|&&j| figures.get(j).is_some_and(|g| g.sentence == f.sentence))
        {
            Joined::SameSentence(j)
        } else if let Some(p) = explicit(i) {
            let fits = anchor.is_none_or(|a| relation(&places[a], &places[p]) != Relation::Apart);
            if fits {
                Joined::SamePlace(p)
            } else {
                Joined::OneEvent
            }
        } else {
            Joined::GoesOn
        };
        out.push(why);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Extractor, Gazetteer, Options};

    #[test]
    fn members_say_why_they_are_together() {
        let text = "A car bomb killed 9 people in a market in the capital on Monday. \
                    Another 20 people were wounded in the attack, including 6 children.";
        let ex = Extractor::new(Gazetteer::embedded(), Options::default());
        let a = ex.analyse(text);
        let inc = a.incidents.list.first().expect("an incident");
        let why = reasons(&a.doc, &a.figures, &a.places, &a.links, inc);
        assert_eq!(why.len(), inc.figures.len());
        assert_eq!(why.first(), Some(&Joined::Opens));
        assert!(why.contains(&Joined::GoesOn), "{why:?}");
        assert!(
            why.iter()
                .any(|w| matches!(w, Joined::PartOf(_) | Joined::SameSentence(_))),
            "{why:?}"
        );
    }
}
