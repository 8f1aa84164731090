//! The incidents corpus: our own short reports, one class of construction at a time, in the
//! notation of `text::marked`. Brackets mark the **background** figures (a war's toll, an
//! earlier event: in no incident, never in a total); beside each text, how many incidents a
//! coder would enter and the document totals.

use super::{analyse, link, place_parts};
use crate::places;
use crate::places::gazetteer::Gazetteer;
use crate::text::marked::{assert_all, overlaps, unmark, verdict};
use crate::text::Document;
use crate::vocab::Category::{self, *};
use crate::Policy;

/// One example: the text (background figures bracketed), its number of incidents and its
/// totals per category.
struct Ex {
    text: &'static str,
    incidents: usize,
    totals: &'static [(Category, u64)],
}

const fn ex(text: &'static str, incidents: usize, totals: &'static [(Category, u64)]) -> Ex {
    Ex {
        text,
        incidents,
        totals,
    }
}

const EXAMPLES: &[Ex] = &[
    // --- One event told several times is counted once; the latest toll stands.
    ex(
        "Bomb kills 12 in Kirkuk\n\nA car bomb killed 12 people and wounded 30 in Kirkuk on \
         Sunday, police said. The 12 dead included four children.",
        1,
        &[(Killed, 12), (Injured, 30)],
    ),
    ex(
        "A mortar attack on a market in Goma killed 6 people on Tuesday. By Wednesday the \
         death toll had risen to 9, hospital staff said.",
        1,
        &[(Killed, 9)],
    ),
    // --- A war's toll or a period's is background, never summed.
    ex(
        "An airstrike killed 7 people in Idlib on Friday, rescuers said. The war has killed \
         [[more than 300,000]] people since 2011.",
        1,
        &[(Killed, 7)],
    ),
    ex(
        "Gunmen killed 5 farmers in Borno state on Monday. Insurgents have killed \
         [[about 40,000]] people in the region over the years.",
        1,
        &[(Killed, 5)],
    ),
    // --- An earlier event given as context is background.
    ex(
        "Militants stormed a school in Kano, kidnapping 30 pupils. The raid came a week after \
         gunmen attacked another school, kidnapping [[25]].",
        1,
        &[(Kidnapped, 30)],
    ),
    // --- Two events in two places are two incidents, and the totals add them.
    ex(
        "A suicide bomber killed 11 people in Kabul on Monday. In a separate attack in \
         Kandahar, a roadside bomb killed 4 soldiers.",
        2,
        &[(Killed, 15)],
    ),
    // --- A total over a series of events is a summary: the incidents told after it hold
    // its parts, and the totals add the incidents (GUIDELINES.md, summary).
    ex(
        "At least 20 people were killed in a wave of bombings across the south on Friday. \
         In the deadliest, a truck bomb killed 9 people in Basra. Gunmen killed 4 police \
         officers in Nasiriyah.",
        2,
        &[(Killed, 13)],
    ),
    // --- A heading that names a place opens a section: a figure under it with no place
    //     of its own is that place's, not the incident before.
    ex(
        "Floods: situation report\n\nASSAM\n\nFloods in Assam have killed 31 people and \
         displaced 9,000, officials said.\n\nNEPAL\n\nHeavy rains have caused landslides \
         across the hill districts.\nAbout 2,500 people were still displaced on Monday, the \
         authorities said.\n",
        2,
        &[(Killed, 31), (Displaced, 11_500)],
    ),
    // --- A singular victim harmed "along with" a count adds to it.
    ex(
        "A peacekeeper was killed along with two civilians when their convoy was attacked \
         near Gao on Sunday.",
        1,
        &[(Killed, 3)],
    ),
    // --- One disaster in two countries: each country's count adds, unless a count names
    //     both.
    ex(
        "A powerful earthquake struck Pakistan and India on Saturday, killing about 9,500 \
         people. Officials said 9,136 people died and 12,397 were injured in northern \
         Pakistan. India reported 360 killed and 900 injured.",
        1,
        &[(Killed, 9_500), (Injured, 13_297)],
    ),
    // --- A singular victim in South Asian English counts like any other.
    ex(
        "A jawan was killed and three others were injured when militants ambushed a patrol \
         in Manipur.",
        1,
        &[(Killed, 1), (Injured, 3)],
    ),
    // --- "also" after a count of its kind adds to it (separate sub-counts, no total) ...
    ex(
        "Four soldiers were killed by militants near Kidal on Monday. Twelve militants were \
         also killed.",
        1,
        &[(Killed, 16)],
    ),
    // ... not after a count of another kind, nor inside a breakdown.
    ex(
        "A building collapsed in Savar, killing 82 people and injuring 700. The death toll is \
         now 82, a doctor said. At least 700 people have also been treated at the hospital.",
        1,
        &[(Killed, 82), (Injured, 700)],
    ),
    ex(
        "The raid in Jaghori left 25 people dead, including 15 civilians and 10 police. 17 \
         people, including 11 civilians and 6 police, were also injured in the raid.",
        1,
        &[(Killed, 25), (Injured, 17)],
    ),
    // --- Parts never add to their whole.
    ex(
        "The blast in Quetta killed 20 people, including 6 policemen and 3 children.",
        1,
        &[(Killed, 20)],
    ),
    // --- "No one was hurt": no figure, so no incident, but a zero total.
    ex(
        "A bomb exploded outside a bank in Mogadishu on Sunday, but no one was hurt, police \
         said.",
        0,
        &[(Injured, 0), (Killed, 0)],
    ),
];

fn check(ex: &Ex) -> Result<(), String> {
    let (text, marks) = unmark(ex.text);
    let doc = Document::new(&text);
    let mut figures = crate::figures::extract(&doc);
    let found = places::find(&doc, Gazetteer::embedded_shared());
    let links = link::link_places(&doc, &figures, &found);
    place_parts::place_parts(&doc, &mut figures, &found, &links);
    let got = analyse(&doc, &figures, &found, &links, Policy::Literal);
    let mut errs = Vec::new();
    if got.list.len() != ex.incidents {
        errs.push(format!(
            "{} incidents, want {}",
            got.list.len(),
            ex.incidents
        ));
    }
    let totals: Vec<(Category, u64)> = got.totals.iter().map(|(c, t)| (*c, t.value)).collect();
    let mut want = ex.totals.to_vec();
    want.sort();
    if totals != want {
        errs.push(format!("totals {totals:?}, want {want:?}"));
    }
    // Background: exactly the bracketed figures.
    let background: Vec<&std::ops::Range<usize>> = got
        .background
        .iter()
        .filter_map(|&i| figures.get(i))
        .map(|f| &f.span)
        .collect();
    for m in &marks {
        if !background.iter().any(|b| overlaps(b, m)) {
            errs.push(format!("[[{}]] is not background", &text[m.clone()]));
        }
    }
    for b in &background {
        if !marks.iter().any(|m| overlaps(b, m)) {
            errs.push(format!("{:?} is background", &text[(*b).clone()]));
        }
    }
    verdict(ex.text, &errs)
}

#[test]
fn examples() {
    assert_all("incident", EXAMPLES, check);
}
