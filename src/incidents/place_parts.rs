//! Breakdowns by place (GUIDELINES.md `part_of`: "victim types, places, days of one
//! incident"): "712 people were killed in Iraq in April ... Baghdad bore the brunt: 211 were
//! killed". A count at a place that lies within the place of a larger count of its kind told
//! in the few sentences before is a part of the largest such count. Runs once the figures have places ([`super::link`]).

use super::group::{relation, Relation};
use crate::figures::RawFigure;
use crate::places::ResolvedPlace;
use crate::text::Document;

/// How many sentences back the larger count may stand.
pub const SENTENCES_BACK: usize = 5;

/// Sets `part_of` on counts that break a larger count down by place (see the module's rule).
/// `links`: per figure, the index of its place. Only a place named in the count's own
/// sentence counts (not one carried over from the story).
pub fn place_parts(
    doc: &Document,
    figures: &mut [RawFigure],
    places: &[ResolvedPlace],
    links: &[Option<usize>],
) {
    let place = |i: usize| links.get(i).copied().flatten().and_then(|p| places.get(p));
    let named_in_sentence = |si: usize, p: &ResolvedPlace| {
        let Some(s) = doc.sentences.get(si) else {
            return false;
        };
        // (Mentions are sorted by start.)
        let k = p.mentions.partition_point(|m| m.start < s.start);
        p.mentions.get(k).is_some_and(|m| m.end <= s.end)
    };
    for i in 0..figures.len() {
        let me = &figures[i];
        if me.part_of.is_some() || me.implicit || me.additive {
            continue;
        }
        // An item of a list ("303 children and 12 teachers") adds up with its list, not
        // into an earlier count.
        // (A list's items stand next to each other in text order.)
        let same_list = |j: usize| {
            figures.get(j).is_some_and(|g| {
                g.sentence == me.sentence && g.group == me.group && g.category == me.category
            })
        };
        let in_list = i.checked_sub(1).is_some_and(same_list) || same_list(i + 1);
        if in_list {
            continue;
        }
        let Some(here) = place(i).filter(|p| named_in_sentence(me.sentence, p)) else {
            continue;
        };
        // The largest such count: the period's total rather than one of its other parts
        // ("712 killed in Iraq ... 290 security forces were killed ... Baghdad: 211").
        let whole = (0..i)
            .rev()
            .take_while(|&j| figures[j].sentence + SENTENCES_BACK >= me.sentence)
            .filter(|&j| {
                let f = &figures[j];
                f.category == me.category
                    && f.part_of.is_none()
                    && !f.implicit
                    && f.value > me.value
                    && f.sentence < me.sentence
                    && f.sentence + SENTENCES_BACK >= me.sentence
                    && place(j).is_some_and(|p| relation(p, here) == Relation::Holds)
            })
            .max_by_key(|&j| (figures[j].value, j));
        if let Some(j) = whole {
            figures[i].part_of = Some(j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::find;
    use crate::Gazetteer;

    fn parts(text: &str) -> Vec<(u64, Option<u64>)> {
        let doc = Document::new(text);
        let mut figs = crate::figures::extract(&doc);
        let gaz = Gazetteer::embedded();
        let places = find(&doc, &gaz);
        let links = super::super::link::link_places(&doc, &figs, &places);
        place_parts(&doc, &mut figs, &places, &links);
        figs.iter()
            .map(|f| (f.value, f.part_of.map(|p| figs[p].value)))
            .collect()
    }

    #[test]
    fn a_count_in_a_town_of_the_country_is_a_part() {
        let t = "The UN said 700 people were killed in Iraq in March. Baghdad bore the brunt \
                 of the violence: 210 were killed in the capital.";
        assert_eq!(parts(t), vec![(700, None), (210, Some(700))]);
        let t = "The UN said 700 people were killed in Iraq in March. Another 250 soldiers \
                 were killed in Iraq. Baghdad bore the brunt of the violence: 210 were killed \
                 in the capital.";
        assert_eq!(parts(t), vec![(700, None), (250, None), (210, Some(700))]);
    }

    #[test]
    fn counter_examples_stay_whole() {
        // Another town is no part of the first town's count.
        let t = "A bomb killed 12 people in Kirkuk on Monday. In Baghdad, 5 were killed by \
                 gunmen.";
        assert_eq!(parts(t), vec![(12, None), (5, None)]);
        // An item of a list is no part.
        let t = "Police said 300 people were abducted in Nigeria. Gunmen raided a school in \
                 Kaduna, taking 240 children and 12 teachers.";
        assert_eq!(parts(t), vec![(300, None), (240, None), (12, None)]);
        // A larger count in the town is no part of the country's.
        let t = "Police said 4 people were killed in Iraq. In Baghdad, 9 were killed.";
        assert_eq!(parts(t), vec![(4, None), (9, None)]);
    }
}
