//! Singular victims with no number word (SCHEMA.md `implicit`): value 1, exact, the span is
//! the noun phrase. They count in totals (GTD, ACLED and IBC code "a civilian was killed" as
//! 1) but lie outside the gold's mention-level scope (GUIDELINES.md, hard cases).
//!
//! | construction | example | victims |
//! |--------------|---------|---------|
//! | passive, intransitive or adjective after the noun | "[a civilian] was killed", "[a woman] died", "left [a guard] dead" | 1 |
//! | reduced passive | "[a policeman] killed in the crossfire" | 1 |
//! | object of an active harm verb | "gunmen shot dead [a farmer]", "killing [a policeman] and wounding two" | 1 |
//! | the noun of a "death of" phrase | "the killing of [a journalist]" | 1 |
//! | coordinated | "[a soldier] and [a civilian] were killed", "killed [a guard] and [a driver]" | 2 |
//! | "another" alone | "one was killed and [another] injured", "wounding [another]" | 1 |
//!
//! Not victims: the doer ("a soldier killed 3 people"), the agent ("killed by a soldier"),
//! attackers ("a gunman was killed": not in [`ONE_PERSON`]), a part of a count ("8 people,
//! including a child, died": the comma ends the phrase), a re-mention ("the policeman" after
//! "a policeman"), a hypothetical or a denial ("a guard could be hurt", "no soldier died"),
//! the modifier of another noun ("a civilian convoy was hit").

use super::lexicon::*;
use super::tokens::{starts_upper, text_of, Shape, Tok};
use super::triggers::Form;
use crate::vocab::Category;
use std::ops::Range;

/// Determiners that open a singular victim's phrase; the definite ones may name someone
/// the story already counted, so they count only once per noun.
const INDEFINITE: &[&str] = &["a", "an", "another"];
const DEFINITE: &[&str] = &["the", "his", "her", "its", "their"];

/// Words before "of" that speak of someone who died before the story: "mourners of a
/// patrolman slain in a holdup", "the funeral of a soldier killed last week".
const REMEMBERED: &[&str] = &[
    "mourners",
    "funeral",
    "burial",
    "widow",
    "widower",
    "memory",
    "memorial",
    "anniversary",
    "grave",
    "killers",
    "killer",
    "murderer",
    "murderers",
];

/// One singular victim found in a sentence (token indices).
#[derive(Debug, Clone, Copy)]
pub struct Victim {
    /// The determiner.
    pub det: usize,
    /// The head noun (inclusive).
    pub noun: usize,
    /// The harm word(s).
    pub trigger: (usize, usize),
    /// Its kind.
    pub category: Category,
    /// Named after a title ("Colonel Yuri Budanov") rather than by a noun.
    pub titled: bool,
}

fn w<'a>(text: &'a str, toks: &[Tok], i: usize) -> &'a str {
    toks.get(i).map(|t| text_of(text, t)).unwrap_or("")
}

fn one_of(word: &str, set: &[&str]) -> bool {
    set.iter().any(|s| is(word, s))
}

/// A noun phrase "det (modifiers) NOUN" whose head is at `noun`: the determiner's index.
fn phrase_start(text: &str, toks: &[Tok], noun: usize) -> Option<usize> {
    let mut i = noun;
    for _ in 0..4 {
        let d = i.checked_sub(1)?;
        let t = toks.get(d)?;
        let word = text_of(text, t);
        if one_of(word, INDEFINITE) || one_of(word, DEFINITE) {
            return Some(d);
        }
        // Modifiers: "a local police officer", "a 32-year-old man", "a Kenyan-born nurse".
        let modifier = (t.shape == Shape::Word
            && t.trigger.is_none()
            && !t.number
            && !t.any(STOP | PREP | CONJ | NEG | AUX | DET))
            || (t.shape == Shape::Digits && word.contains('-'));
        if !modifier {
            return None;
        }
        i = d;
    }
    None
}

/// Whether the token at `noun` ends its phrase (so it is the head: not "a civilian convoy").
fn is_head(text: &str, toks: &[Tok], noun: usize) -> bool {
    match toks.get(noun + 1) {
        None => true,
        Some(t) if t.shape != Shape::Word => !t.is_punct('\'') && !t.is_punct('-'),
        Some(t) => {
            t.trigger.is_some()
                || t.any(AUX | PREP | CONJ | STOP | NEG | MODAL)
                || w(text, toks, noun + 1).ends_with("ed")
        }
    }
}

/// The harm word after a phrase ending at `end` (exclusive): "(was) (also) killed", "died",
/// "dead"; a place phrase or another victim may stand between ("a man from the village was
/// killed", "a soldier and two civilians were killed").
fn after(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize, Category)> {
    let n = toks.len();
    let mut k = end;
    // "and a civilian", "and two civilians": the next item of the subject.
    if is(w(text, toks, k), "and") {
        let mut j = k + 1;
        let opener = toks.get(j).is_some_and(|t| {
            t.number || one_of(text_of(text, t), INDEFINITE) || one_of(text_of(text, t), DEFINITE)
        });
        if !opener {
            return None;
        }
        j += 1;
        while j < n
            && j < k + 6
            && toks[j].shape == Shape::Word
            && toks[j].trigger.is_none()
            && !toks[j].any(AUX | STOP | PREP)
        {
            j += 1;
        }
        k = j;
    }
    // "a man, 34, was arrested": an age between commas.
    if toks.get(k).is_some_and(|t| t.is_punct(','))
        && toks.get(k + 1).is_some_and(|t| t.shape == Shape::Digits)
        && toks.get(k + 2).is_some_and(|t| t.is_punct(','))
    {
        k += 3;
    }
    // "a man from the village was killed": a short place phrase before a be-form.
    if toks
        .get(k)
        .is_some_and(|t| t.any(PREP) && t.shape == Shape::Word)
    {
        let j = (k + 1..(k + 6).min(n)).find(|&j| {
            toks[j].shape != Shape::Word || toks[j].any(AUX) || toks[j].trigger.is_some()
        })?;
        if !toks[j].any(AUX) || toks[k + 1..j].iter().any(|t| t.any(STOP | NEG)) {
            return None;
        }
        k = j;
    }
    let chain0 = k;
    let mut be = false;
    while k < n && k < chain0 + 5 {
        let t = &toks[k];
        if t.trigger.is_some() || t.shape != Shape::Word {
            break;
        }
        if t.any(NEG) || (t.any(MODAL) && !t.month_like) {
            return None;
        }
        // "another lightly wounded", "a guard was seriously hurt" ("mortally wounded" is a
        // harm word of its own, met above).
        if t.any(DEGREE) {
            k += 1;
            continue;
        }
        // "the 9th person to be arrested": an infinitive is no event.
        if !t.any(AUX) || is(text_of(text, t), "to") {
            return None;
        }
        be |= [
            "was", "were", "is", "are", "been", "be", "got", "gets", "get",
        ]
        .iter()
        .any(|b| is(text_of(text, t), b));
        k += 1;
    }
    let m = toks.get(k)?.trigger?;
    let row = m.row();
    let tr = (k, k + usize::from(m.len));
    let next = toks.get(tr.1);
    let ok = match row.form {
        Form::Adj | Form::Intrans => true,
        // Passive ("was killed") or reduced ("killed in the crossfire"), never the doer of
        // an active verb ("a soldier killed 3 people", "a man shot dead his wife").
        Form::Participle => {
            // ("A guard shot dead at least six colleagues": "at least" opens its object.)
            be || next.is_none_or(|t| t.is_any_punct() || (t.any(PREP) && !t.any(DET) && !t.number))
        }
        _ => false,
    };
    (ok && !row.needs_captivity && !row.needs_captors && !row.captor_sensitive).then_some((
        tr.0,
        tr.1,
        row.category,
    ))
}

/// The active harm word right before the phrase opening at `det`: "killing a policeman",
/// "shot dead a farmer", "the killing of a journalist", "killed a guard and a driver".
fn before(text: &str, toks: &[Tok], det: usize) -> Option<(usize, usize, Category)> {
    // "killing himself and a guard": the doer's own death stands between.
    let reflexive = det >= 2 && is(w(text, toks, det - 1), "and") && toks[det - 2].any(REFLEXIVE);
    let end = if reflexive { det - 2 } else { det };
    let s = (end.saturating_sub(4)..end).find(|&s| {
        toks[s]
            .trigger
            .is_some_and(|m| s + usize::from(m.len) == end)
    })?;
    let m = toks[s].trigger?;
    let row = m.row();
    if row.needs_captivity || row.needs_captors || row.captor_sensitive {
        return None;
    }
    let passive = s > 0
        && ["was", "were", "is", "are", "been", "be"]
            .iter()
            .any(|b| is(w(text, toks, s - 1), b));
    let ok = match row.form {
        Form::Past | Form::Gerund | Form::Finite | Form::NounOf => true,
        Form::Participle => !passive,
        _ => false,
    };
    let hypothetical = toks
        .get(s.saturating_sub(3)..s)
        .is_some_and(|r| r.iter().any(|t| t.any(MODAL | NEG) && !t.month_like));
    (ok && !hypothetical).then_some((s, s + usize::from(m.len), row.category))
}

/// The singular victims of one tokenised sentence, in text order.
pub fn find(text: &str, toks: &[Tok], out: &mut Vec<Victim>) {
    out.clear();
    for noun in 0..toks.len() {
        let t = &toks[noun];
        if t.shape != Shape::Word || t.number || !t.any(ONE_PERSON) || !is_head(text, toks, noun) {
            continue;
        }
        // "a guard, a driver" or "a soldier's": the head is this word only.
        let Some(det) = phrase_start(text, toks, noun) else {
            continue;
        };
        if toks[det..=noun].iter().any(|t| t.number) {
            continue;
        }
        // The complement of a count's "of" is not the subject of the harm word after it:
        // "nine members of the National Guard injured", "two of the guards were hurt" (the
        // count is; "a member of the guard was killed" still counts one).
        // So is the person a word of remembrance is about: "mourners of a patrolman slain
        // in a holdup" died before the story.
        let complement = det >= 2
            && is(w(text, toks, det - 1), "of")
            && toks.get(det - 2).is_some_and(|t| {
                t.number || is(text_of(text, t), "members") || one_of(text_of(text, t), REMEMBERED)
            });
        // "Vail, a former councillor, was killed": the phrase names the person before it;
        // the harm word follows the apposition's closing comma.
        let apposition = det >= 2
            && toks[det - 1].is_punct(',')
            && toks[det - 2].shape == Shape::Word
            && starts_upper(w(text, toks, det - 2))
            // (Not a count's people: "leaving one Israeli, a rabbi, dead".)
            && !toks[det.saturating_sub(4)..det - 1].iter().any(|t| t.number)
            && toks.get(noun + 1).is_some_and(|t| t.is_punct(','));
        // "killed 3 people including a boy and a woman and 9 others were injured": an item
        // of a breakdown is no subject of the clause after its list.
        let breakdown_then_and =
            is(w(text, toks, noun + 1), "and") && in_breakdown(text, toks, det);
        // "killed a judge and a clerk and 5 were injured": the next item of an active harm
        // word's objects shares its word, whatever follows it.
        let object_list = out.last().filter(|prev| {
            det >= 1
                && prev.noun + 2 == det
                && is(w(text, toks, det - 1), "and")
                && prev.trigger.1 <= prev.det
        });
        if let Some(prev) = object_list {
            let (trigger, category) = (prev.trigger, prev.category);
            out.push(Victim {
                det,
                noun,
                trigger,
                category,
                titled: false,
            });
            continue;
        }
        let hit = (!complement && !breakdown_then_and)
            .then(|| after(text, toks, noun + 1))
            .flatten()
            .or_else(|| apposition.then(|| after(text, toks, noun + 2)).flatten())
            .or_else(|| before(text, toks, det));
        // "killed a guard and a driver", "a clerk, an officer and a guard": a later item
        // shares the first one's word.
        let hit = hit.or_else(|| {
            let prev = out.last()?;
            (det >= 1
                && prev.noun + 2 == det
                && (is(w(text, toks, det - 1), "and")
                    // (After a comma, an item the list's "and" follows; not an
                    // apposition: "his neighbour, a retired teacher, ...".)
                    || toks[det - 1].is_punct(',') && is(w(text, toks, noun + 1), "and")))
            .then_some((prev.trigger.0, prev.trigger.1, prev.category))
        });
        if let Some((a, b, category)) = hit {
            out.push(Victim {
                det,
                noun,
                trigger: (a, b),
                category,
                titled: false,
            });
        }
    }
    // A named person after a title: "Colonel Yuri Budanov was shot dead", "gunmen killed
    // Mayor Ruiz". (Not a title of a count's item: "two guards and Mayor Ruiz" is the list's.)
    for k in 0..toks.len() {
        if let Some(v) = titled(text, toks, k) {
            if !out.iter().any(|o| o.det <= v.noun && v.det <= o.noun) {
                out.push(v);
            }
        }
    }
    // "another" alone, one more of the people just told of: "one soldier was killed and
    // another injured", "another was wounded", "killing one guard and wounding another".
    let before_len = out.len();
    for k in 0..toks.len() {
        if !is(w(text, toks, k), "another") || out.iter().any(|v| v.det <= k && k <= v.noun) {
            continue;
        }
        let next = toks.get(k + 1);
        let hit = if next.is_some_and(|t| t.trigger.is_some() || t.any(AUX | DEGREE)) {
            after(text, toks, k + 1)
        } else if next.is_none_or(|t| t.is_any_punct()) {
            before(text, toks, k)
        } else {
            None // "another soldier" (above), "another 5", "another attack"
        };
        if let Some((a, b, category)) = hit {
            out.push(Victim {
                det: k,
                noun: k,
                trigger: (a, b),
                category,
                titled: false,
            });
        }
    }
    if out.len() > before_len {
        out.sort_by_key(|v| v.det);
    }
}

/// A person named after a capitalised title at `k` ("Colonel Yuri Budanov", "Dr. Sami
/// Haddad", at most three name words) who is the subject of a passive harm word or the
/// object of an active one.
fn titled(text: &str, toks: &[Tok], k: usize) -> Option<Victim> {
    // (Not a rank of a count's people: "two Colonel ...".)
    if k > 0 && toks[k - 1].number {
        return None;
    }
    let j = titled_name(text, toks, k)?;
    let noun = j - 1;
    // (After a preposition, only the harm word before it: "the killing of General X", not
    // "the government of General X" as the subject of what follows.)
    let after_prep = k > 0 && toks[k - 1].any(PREP);
    let (a, b, category) = (!after_prep)
        .then(|| after(text, toks, j))
        .flatten()
        .or_else(|| before(text, toks, k))?;
    Some(Victim {
        det: k,
        noun,
        trigger: (a, b),
        category,
        titled: true,
    })
}

/// Where a person's name after a capitalised title at `k` ends ("Colonel Yuri Budanov",
/// "Dr. Sami Haddad": at most three capitalised name words, no harm or function word): the
/// index after its last word. A title alone ("the Mayor said") names no one.
pub(super) fn titled_name(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    if t.shape != Shape::Word || !t.any(TITLE) || !starts_upper(text_of(text, t)) {
        return None;
    }
    let mut j = k + 1;
    if toks.get(j).is_some_and(|t| t.is_punct('.')) {
        j += 1;
    }
    let first = j;
    while j < toks.len()
        && j < first + 3
        && toks[j].shape == Shape::Word
        && toks[j].trigger.is_none()
        && !toks[j].any(TITLE | AUX | STOP | PREP | CONJ)
        && starts_upper(text_of(text, &toks[j]))
    {
        j += 1;
    }
    (j > first).then_some(j)
}

/// Whether a singular victim comes on top of those told before: its determiner is "another"
/// ("another policeman died", "and another injured"), or "also" stands just before its harm
/// word ("a guard was also killed").
pub fn one_more(text: &str, toks: &[Tok], det: usize, trigger: usize) -> bool {
    is(w(text, toks, det), "another")
        || (trigger.saturating_sub(2)..trigger).any(|k| k > det && is(w(text, toks, k), "also"))
}

/// Whether a victim's determiner names someone the story may have counted already.
pub fn definite(text: &str, toks: &[Tok], v: &Victim) -> bool {
    one_of(w(text, toks, v.det), DEFINITE)
}

/// The byte range of a token range (inclusive ends).
pub fn span(toks: &[Tok], a: usize, b_incl: usize) -> Range<usize> {
    let s = toks.get(a).map_or(0, |t| t.start);
    let e = toks.get(b_incl).map_or(s, |t| t.end);
    s..e.max(s)
}

/// Whether the phrase opening at `det` is an item of a breakdown ("4 people, including three
/// soldiers and a civilian, were killed"): then it is a part of the count before.
pub fn in_breakdown(text: &str, toks: &[Tok], det: usize) -> bool {
    let lo = det.saturating_sub(10);
    for k in (lo..det).rev() {
        let t = &toks[k];
        let word = text_of(text, t);
        if ["including", "among", "includes", "included"]
            .iter()
            .any(|x| is(word, x))
        {
            return true;
        }
        let plain = t.number
            || (t.shape == Shape::Word && t.trigger.is_none() && !t.any(STOP | PREP | NEG))
            || t.any(CONJ)
            || t.is_punct(',');
        if !plain {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::figures::extract;
    use crate::text::Document;
    use crate::vocab::Category::{self, *};

    /// (text, the singular victims as (phrase, category), in order).
    const EXAMPLES: &[(&str, &[(&str, Category)])] = &[
        (
            "A civilian was killed and the driver was injured.",
            &[("A civilian", Killed), ("the driver", Injured)],
        ),
        (
            "Gunmen shot and killed a farmer near the well.",
            &[("a farmer", Killed)],
        ),
        (
            "The bomb went off, killing a policeman and wounding two.",
            &[("a policeman", Killed)],
        ),
        (
            "A soldier and a civilian were killed on Monday.",
            &[("A soldier", Killed), ("a civilian", Killed)],
        ),
        (
            "The raid killed a guard and a driver.",
            &[("a guard", Killed), ("a driver", Killed)],
        ),
        (
            "A local police officer died in hospital.",
            &[("A local police officer", Killed)],
        ),
        (
            "A man from the village was abducted overnight.",
            &[("A man", Kidnapped)],
        ),
        // The objects of an active harm word share it, whatever clause follows them.
        (
            "The raid killed a judge and a clerk and 5 were injured.",
            &[("a judge", Killed), ("a clerk", Killed)],
        ),
        // An item of a breakdown is no subject of the clause after its list.
        (
            "A shell killed 3 people including a boy and a girl and 9 others were hurt.",
            &[],
        ),
        // The doer of an active harm word is no victim, even before a qualified count.
        (
            "A constable shot dead at least four colleagues at the depot.",
            &[],
        ),
        // The doer's own death, then a singular victim who shares its harm word.
        (
            "The bomber detonated his belt, killing himself and a shopkeeper.",
            &[("a shopkeeper", Killed)],
        ),
        // "another" alone: one more of the people just told of.
        (
            "A guard was killed and another injured near the gate.",
            &[("A guard", Killed), ("another", Injured)],
        ),
        (
            "The mine killed a farmer and wounded another.",
            &[("a farmer", Killed), ("another", Injured)],
        ),
        // Not the complement of "of": the count before it is the victims.
        ("Nine members of the National Guard were injured.", &[]),
        // Not "another" before a noun or a number, nor a hypothetical one.
        ("Another raid left 3 dead; another could be hurt.", &[]),
        (
            "A knifeman stabbed a shopkeeper to death.",
            &[("a shopkeeper", Killed)],
        ),
        (
            "A man stabbed his neighbour, a retired teacher, to death on Sunday.",
            &[("his neighbour", Killed)],
        ),
        (
            "A ranger was killed and two others were wounded near the border.",
            &[("A ranger", Killed)],
        ),
        (
            "A paratrooper died when a landmine exploded under his vehicle.",
            &[("A paratrooper", Killed)],
        ),
        (
            "The attack killed a clerk, a police officer and a soldier at the gate.",
            &[
                ("a clerk", Killed),
                ("a police officer", Killed),
                ("a soldier", Killed),
            ],
        ),
        // A person named with an apposition.
        (
            "Vail, a former councillor, was killed and one of his aides was injured.",
            &[("a former councillor", Killed)],
        ),
        (
            "Ahmed Salim, a local official, said 5 people were killed.",
            &[],
        ),
        ("The shooting left one Israeli, a rabbi, dead.", &[]),
        // A person named after a title.
        (
            "Gunmen shot dead Colonel Yuri Petrov outside his home.",
            &[("Colonel Yuri Petrov", Killed)],
        ),
        (
            "Dr. Sami Haddad was kidnapped on his way to the clinic.",
            &[("Dr. Sami Haddad", Kidnapped)],
        ),
        // ... not one of a count told before, nor one the sentence only mentions.
        (
            "Two officers were assassinated on Tuesday. Colonel Darius Ikuru was shot outside \
             his home.",
            &[],
        ),
        (
            "Two aides who worked for General Anastasio Ruiz were shot dead.",
            &[],
        ),
        (
            "One Israeli was killed and another lightly wounded by the gunmen.",
            &[("another", Injured)],
        ),
        // Counter-example: someone who died before the story.
        (
            "A bomb exploded outside a church, showering mourners of a patrolman slain in a \
             holdup; no one was hurt.",
            &[],
        ),
        (
            "A guard was stabbed and later died in hospital.",
            &[("A guard", Killed)],
        ),
        // A victim kidnapped and later killed: the killing is their fate.
        (
            "A policeman was kidnapped on the road and later shot dead.",
            &[("A policeman", Killed)],
        ),
        (
            "Police arrested a man, 34, at the scene.",
            &[("a man", Detained)],
        ),
        (
            "A nurse killed in the shelling was buried today.",
            &[("A nurse", Killed)],
        ),
        ("The shelling left a child dead.", &[("a child", Killed)]),
        (
            "The killing of a journalist shocked the town.",
            &[("a journalist", Killed)],
        ),
        // A re-mention counts once; another victim of the same kind counts again.
        (
            "A teacher was shot dead. The teacher was killed outside his school.",
            &[("A teacher", Killed)],
        ),
        (
            "A guard was killed. Another guard was killed an hour later.",
            &[("A guard", Killed), ("Another guard", Killed)],
        ),
        // Not victims.
        ("A soldier killed 3 people at the checkpoint.", &[]),
        ("The man was killed by a soldier.", &[("The man", Killed)]),
        ("A gunman was killed by the guards.", &[]),
        ("A civilian convoy was hit by a mine.", &[]),
        ("No soldier died in the attack.", &[]),
        (
            "Gunmen stormed the school, killing the principal.",
            &[("the principal", Killed)],
        ),
        (
            "Gunmen stormed the school, killing its vice-principal.",
            &[("its vice-principal", Killed)],
        ),
        (
            "Gunmen stormed the college, killing the school's headmaster.",
            &[("the school's headmaster", Killed)],
        ),
        ("A guard could be hurt if the wall falls.", &[]),
        ("A spokesman said the talks had failed.", &[]),
        ("The bus took a tourist to the airport.", &[]),
        ("He was the 21st person to be arrested.", &[]),
    ];

    #[test]
    fn singular_victims() {
        let mut errs = Vec::new();
        for (text, want) in EXAMPLES {
            let doc = Document::new(text);
            let got: Vec<(&str, Category)> = extract(&doc)
                .iter()
                .filter(|f| f.implicit)
                .map(|f| (&text[f.span.clone()], f.category))
                .collect();
            if got != *want {
                errs.push(format!("{text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(errs.is_empty(), "{}", errs.join("\n"));
    }

    #[test]
    fn implicit_figures_are_value_one_and_exact() {
        let text = "Gunmen killed a policeman and two civilians.";
        let figs = extract(&Document::new(text));
        let imp: Vec<_> = figs.iter().filter(|f| f.implicit).collect();
        assert_eq!(imp.len(), 1);
        assert_eq!(
            (imp[0].value, imp[0].qualifier),
            (1, crate::vocab::Qualifier::Exact)
        );
        // The count after the singular victim keeps the harm word.
        assert!(figs
            .iter()
            .any(|f| !f.implicit && f.value == 2 && f.category == Killed));
        // A part of a breakdown is not added to its whole.
        let text = "Five people, including two soldiers and a civilian, were killed.";
        let figs = extract(&Document::new(text));
        assert!(figs
            .iter()
            .filter(|f| f.implicit)
            .all(|f| f.part_of.is_some()));
    }
}
