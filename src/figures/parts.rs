//! `part_of`: breakdowns linked to the count they break down.
//!
//! | marker | example | the part |
//! |--------|---------|----------|
//! | including, included | "killing 8 people, including [[two]] MPs" | of the count before |
//! | among them, of whom, of them | "26 people, [[four]] of whom are policemen" | of the count before |
//! | a list after a colon or bracket | "1,922 died: [[1,393]] civilians, [[380]] soldiers" | of the count before the colon |
//! | a degree of harm | "40 were injured, [[four]] seriously" | of the count before |
//! | partitive, the other, the remaining | "[[Four]] of the guerrillas were captured" | of an earlier, larger count |
//!
//! Parts are never linked across categories; the items of one list share one whole.

use super::attach::{Attach, Cand, How};
use super::lexicon::{self, is, PERSON};
use super::rule::Construction;
use super::tokens::{text_of, Tok};
use super::triggers::{Form, TriggerMatch};
use super::RawFigure;
use std::ops::Range;

/// What a figure's own words say about being a part (kept beside each emitted figure).
#[derive(Debug, Clone, Copy, Default)]
pub struct Hint {
    /// "including 13", "13 of whom", a list after a colon.
    pub part_marker: bool,
    /// "13 of the hostages", "the other 13".
    pub partitive: bool,
    /// "13 soldiers were among the dead".
    pub among: bool,
    /// "a total of 13": the whole of the counts of its kind around it.
    pub total: bool,
}

impl Hint {
    /// The hint of a candidate.
    pub fn from_cand(c: &Cand) -> Hint {
        Hint {
            part_marker: c.part_marker,
            partitive: c.partitive,
            among: c.among,
            total: c.total,
        }
    }
}

/// How many tokens back a part looks for a harm word in its own sentence.
const TOKEN_REACH: usize = 40;

/// The nearest harm word in the `TOKEN_REACH` tokens before token `a`.
fn harm_word_before(toks: &[Tok], a: usize) -> Option<(usize, TriggerMatch)> {
    let lo = a.saturating_sub(TOKEN_REACH);
    (lo..a.min(toks.len()))
        .rev()
        .find_map(|k| toks[k].trigger.map(|m| (k, m)))
}

/// Possessives between "along with" and its count: "along with his two sons".
pub(crate) const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our"];

/// The recent figure that "the N" before token `a` names again ("the 14 included nine
/// children" after "14 people were killed ... a raid killed another six").
fn named_again<'f>(
    text: &str,
    toks: &[Tok],
    a: usize,
    before: &'f [RawFigure],
) -> Option<&'f RawFigure> {
    let head = toks.get(..a)?;
    let n = head.windows(2).find_map(|w| {
        (is(text_of(text, &w[0]), "the") && w[1].number)
            .then(|| text_of(text, &w[1]).replace(',', "").parse::<u64>().ok())
            .flatten()
    })?;
    before.iter().rev().take(8).find(|f| f.value == n)
}

/// Gives a category to counts of one sentence that have no harm word of their own but are
/// parts of a count before them ("including 8 children", "1,922 died: 1,393 civilians").
pub fn link_sentence(
    text: &str,
    toks: &[Tok],
    cands: &mut [Cand],
    before: &[RawFigure],
    _hints: &[Hint],
    sentence: usize,
) {
    // "13 bodies were found, including 8 police officers kidnapped last week": what the
    // parts are included in decides their kind, not a participle that describes them.
    for i in 0..cands.len() {
        let Some(own) = cands[i].attach else { continue };
        let including = cands[i].a >= 1
            && toks
                .get(cands[i].a - 1)
                .is_some_and(|t| is(text_of(text, t), "including"));
        let bare = own.how == How::Forward
            && own.trigger.0 == cands[i].after
            && toks
                .get(own.trigger.0)
                .and_then(|t| t.trigger)
                .is_some_and(|m| m.row().form == Form::Participle);
        if !(including && bare) {
            continue;
        }
        let head = cands[i.saturating_sub(LOOKBACK)..i]
            .iter()
            .rev()
            .find_map(|h| h.attach);
        if let Some(h) = head.filter(|h| h.category != own.category) {
            cands[i].attach = Some(Attach {
                how: How::Part,
                rule: Construction::PartOfWhole,
                confidence: 0.6,
                ..h
            });
        }
    }
    for i in 0..cands.len() {
        // "2 Germans were among the kidnapped together with 2 Ethiopians": the harm word
        // of the count before covers the one joined to it.
        let c = &cands[i];
        // (Through a possessive: "along with his two sons".)
        let with_at = match c.a.checked_sub(1).map(|k| text_of(text, &toks[k])) {
            Some(w) if POSSESSIVES.iter().any(|p| is(w, p)) => c.a.checked_sub(2),
            _ => c.a.checked_sub(1),
        };
        let joined = !c.blocked
            && with_at.is_some_and(|k| {
                k >= 1
                    && is(text_of(text, &toks[k]), "with")
                    && ["together", "along"]
                        .iter()
                        .any(|w| is(text_of(text, &toks[k - 1]), w))
            });
        // ...unless the joined count has its own harm word after it: "11 were killed along
        // with 27 wounded".
        // (A harm word borrowed from a later count of a list is not its own: "killed along
        // with three officers and four policemen were wounded".)
        let own_after = c
            .attach
            .is_some_and(|a| a.trigger.0 >= c.b && a.how != How::List);
        // "The commander was killed along with three other officers": with no count before,
        // the harm word right before "along with" covers the joined count.
        let harm_before = || {
            let along = with_at? - 1;
            // (The harm word ends right before "along": "shot dead along with".)
            let (k, m) = (along.saturating_sub(3)..along).find_map(|k| {
                toks.get(k)?
                    .trigger
                    .filter(|m| k + usize::from(m.len) == along)
                    .map(|m| (k, m))
            })?;
            Some(Attach {
                category: m.row().category,
                trigger: (k, along),
                how: How::List,
                rule: Construction::Joined,
                confidence: 0.65,
            })
        };
        if joined && !own_after {
            let before = (i.saturating_sub(LOOKBACK)..i)
                .rev()
                .find(|&j| cands[j].attach.is_some());
            if before.is_none() {
                if let Some(h) = harm_before() {
                    cands[i].attach = Some(h);
                    continue;
                }
            }
            if let Some(j) = before {
                let (h, pm) = (cands[j].attach, cands[j].part_marker);
                cands[i].attach = h.map(|h| Attach {
                    how: How::List,
                    rule: Construction::Joined,
                    confidence: 0.65,
                    ..h
                });
                cands[i].part_marker = pm;
                cands[i].group = cands[j].group;
                continue;
            }
        }
        if cands[i].attach.is_some() || cands[i].blocked {
            continue;
        }
        let c = &cands[i];
        let prev_tok = c.a.checked_sub(1).and_then(|p| toks.get(p));
        let dashes = c.a >= 2 && toks[c.a - 1].is_punct('-') && toks[c.a - 2].is_punct('-');
        let colon = dashes
            || prev_tok.is_some_and(|t| t.is_punct(':') || t.is_punct('(') || t.is_punct('—'));
        let degree = super::attach::degree_after(text, toks, c.b);
        if c.total {
            // "..., making a total of 595": a running count of the kind of the sentence.
            let head = cands[i.saturating_sub(LOOKBACK)..i]
                .iter()
                .rev()
                .find_map(|h| h.attach)
                .or_else(|| {
                    harm_word_before(toks, c.a).map(|(k, m)| Attach {
                        category: m.row().category,
                        trigger: (k, k + usize::from(m.len)),
                        how: How::Part,
                        rule: Construction::PartTotal,
                        confidence: 0.6,
                    })
                });
            if let Some(h) = head {
                cands[i].attach = Some(Attach {
                    how: How::Part,
                    rule: Construction::PartTotal,
                    confidence: 0.6,
                    ..h
                });
            }
            continue;
        }
        if !(c.part_marker || colon || degree) {
            continue;
        }
        // The head: the nearest attached count before it in this sentence...
        let head = cands[i.saturating_sub(LOOKBACK)..i]
            .iter()
            .rev()
            .find_map(|h| h.attach.filter(|_| h.group != c.group || !colon));
        // A figure of the last two sentences that the count is a part of, by `rule`.
        let part_of_recent = |f: Option<&RawFigure>, rule| {
            f.filter(|f| f.sentence + 2 >= sentence).map(|f| Attach {
                category: f.category,
                trigger: (c.a, c.b),
                how: How::Part,
                rule,
                confidence: 0.6,
            })
        };
        let attach = match head {
            Some(h) => Some(Attach {
                how: How::Part,
                rule: Construction::PartOfWhole,
                confidence: 0.7,
                ..h
            }),
            // ...or a harm word before it in the sentence ("most of those wounded were
            // civilians, including 290 police officers")...
            None if c.part_marker && harm_word_before(toks, c.a).is_some() => {
                harm_word_before(toks, c.a).map(|(k, m)| Attach {
                    category: m.row().category,
                    trigger: (k, k + usize::from(m.len)),
                    how: How::Part,
                    rule: Construction::PartHarmBefore,
                    confidence: 0.6,
                })
            }
            // ...or the last figure of the sentence before, when the sentence opens with
            // the marker ("Among them were 2 children") or names that figure again ("He
            // said the 14 included nine children").
            None if c.part_marker && c.a > 4 => part_of_recent(
                named_again(text, toks, c.a, before),
                Construction::PartNamedAgain,
            ),
            // ("Three of them were children" tells of the people counted before; "three of
            // them have a criminal record" tells nothing of the harm.)
            None if c.part_marker && !of_them_then_other_verb(text, toks, c.b) => {
                part_of_recent(before.last(), Construction::PartPrevious)
            }
            None => None,
        };
        if let Some(at) = attach {
            let g = cands[i].group;
            cands[i].attach = Some(at);
            cands[i].part_marker = true;
            // The rest of its list follows it.
            for c2 in cands[i + 1..].iter_mut().take(LOOKBACK) {
                if c2.group == g && c2.attach.is_none() && !c2.blocked {
                    c2.attach = Some(Attach {
                        how: How::List,
                        rule: Construction::PartList,
                        ..at
                    });
                    c2.part_marker = true;
                }
            }
        }
    }
}

/// Whether "of them" after the count at `b` goes on with a verb other than a be-form or
/// "included": "three of them have a criminal record".
fn of_them_then_other_verb(text: &str, toks: &[Tok], b: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| text_of(text, t));
    if !(is(w(b), "of") && (is(w(b + 1), "them") || is(w(b + 1), "whom"))) {
        return false;
    }
    [
        "have", "has", "had", "own", "owned", "live", "lived", "belong", "belonged",
    ]
    .iter()
    .any(|v| is(w(b + 2), v))
}

/// Whether "all" (or "all the") stands right before a count's span: "all twelve people".
fn all_before(text: &str, span: &Range<usize>) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let before = before
        .strip_suffix("the")
        .filter(|b| b.ends_with(char::is_whitespace))
        .map_or(before, str::trim_end);
    before
        .get(before.len().saturating_sub(4)..)
        .is_some_and(|w| {
            w.eq_ignore_ascii_case(" all") || (before.len() == 3 && w.eq_ignore_ascii_case("all"))
        })
}

/// Whether a figure's victims are a noun of people right before a comma: "six men, ...".
fn people_then_comma(text: &str, f: &RawFigure) -> bool {
    let Some(v) = f.victims.clone() else {
        return false;
    };
    let head = text
        .get(v.clone())
        .and_then(|w| w.split_whitespace().last());
    head.is_some_and(|w| lexicon::classes(w) & PERSON != 0)
        && text.get(v.end..).is_some_and(|rest| rest.starts_with(','))
}

/// Whether a figure's victims name a kind of people, not people of their own: "four
/// Sunni", "six Kurds" (not "four women": a list of other people may add up by chance).
fn a_kind(text: &str, f: &RawFigure) -> bool {
    f.victims
        .clone()
        .and_then(|v| text.get(v))
        .is_some_and(|w| {
            w.split_whitespace()
                .all(|w| lexicon::classes(w) & PERSON == 0)
        })
}

/// The head noun of a figure's victims, without a plural "s" ("soldiers" -> "soldier").
/// The last word of a figure's victim phrase ("police officers" -> "officers").
/// A count whose harm word is its noun ("ten bodies", "a burial of 150") has that noun as
/// its head.
pub fn head_noun<'a>(text: &'a str, f: &RawFigure) -> Option<&'a str> {
    let Some(victims) = f.victims.clone() else {
        let words: Vec<&str> = text.get(f.trigger.clone())?.split_whitespace().collect();
        let word = match words.as_slice() {
            [.., w, of] if of.eq_ignore_ascii_case("of") => *w,
            [.., w] => *w,
            [] => return None,
        };
        let noun = ["bodies", "corpses", "remains", "burial", "burials"]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(word));
        // "ten bodies", or "a mass burial of 150".
        let next_to = if f.trigger.start >= f.span.end {
            text.get(f.span.end..f.trigger.start)?.trim().is_empty()
        } else {
            let gap = text.get(f.trigger.end..f.span.start)?.trim();
            gap.is_empty() || gap.eq_ignore_ascii_case("of")
        };
        return (noun && next_to).then(|| word.strip_suffix('s').unwrap_or(word));
    };
    let v = text.get(victims)?;
    let last = v
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?;
    Some(last.strip_suffix('s').unwrap_or(last))
}

/// Rebels by any other name: these heads count the same people.
const SAME_PEOPLE: &[&[&str]] = &[
    &[
        "rebel",
        "guerrilla",
        "insurgent",
        "militant",
        "fighter",
        "terrorist",
    ],
    &[
        "policemen",
        "policeman",
        "police officer",
        "officer",
        "police",
        "agent",
    ],
    &["soldier", "troop", "servicemen", "serviceman"],
    // The dead counted as bodies, corpses or burials.
    &["bodie", "corpse", "remain", "burial"],
];

/// How many sentences back "N were among the dead" looks for the toll.
const AMONG_REACH: usize = 12;

/// How many figures back a detail looks for the count it details.
const LOOKBACK: usize = 40;

/// Victim heads that say nothing of who the people are.
const GENERIC: &[&str] = &[
    "people",
    "person",
    "individual",
    "other",
    "more",
    "civilian",
    "victim",
];

fn same_people(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || SAME_PEOPLE.iter().any(|g| {
            g.iter().any(|x| x.eq_ignore_ascii_case(a))
                && g.iter().any(|x| x.eq_ignore_ascii_case(b))
        })
}

/// Sets `part_of`: from the figures' own markers first, then from the story's structure.
///
/// * a marked part (including, of whom, a colon list, "four seriously") belongs to the
///   nearest count of its kind before it, outside its own list;
/// * a partitive ("4 of the guerrillas", "the other 9") to an earlier, larger count;
/// * a count marked as a total ("a total of 6", "this brings to 24") is the whole of the
///   smaller counts of its kind in the story;
/// * a later, smaller count of the same people (same victim noun: "17 guerrillas" after
///   "35 guerrillas") is a detail of the earlier one.
pub fn resolve(text: &str, sentences: &[Range<usize>], figs: &mut [RawFigure], hints: &[Hint]) {
    marked(text, figs, hints);
    // "including ten policemen and seven soldiers, were killed": the next item of a marked
    // part's list is a part of the same whole.
    for i in 1..figs.len() {
        let (prev, me) = (&figs[i - 1], &figs[i]);
        if me.part_of.is_none()
            && prev.part_of.is_some()
            && prev.group == me.group
            && prev.sentence == me.sentence
            && prev.category == me.category
            && !me.additive
        {
            figs[i].part_of = figs[i - 1].part_of;
        }
    }
    // Totals: the smaller counts of its kind, before or after, not yet parts of anything.
    for t in 0..figs.len() {
        if !hints.get(t).is_some_and(|h| h.total) {
            continue;
        }
        // Its parts stand in its own sentence or the one before: a window, never the
        // whole document.
        let lo = figs[..t].partition_point(|f| f.sentence + 1 < figs[t].sentence);
        let hi = t + figs[t..].partition_point(|f| f.sentence <= figs[t].sentence);
        for i in lo..hi {
            if i == t || figs[i].category != figs[t].category || figs[t].part_of == Some(i) {
                continue;
            }
            // "including 161 police officers, making a total of 595": the total of its own
            // sentence is the nearer whole.
            let same_sentence_before = figs[i].sentence == figs[t].sentence && i < t;
            if figs[i].part_of.is_some() && !same_sentence_before {
                continue;
            }
            // Its parts stand in its own sentence or the one before.
            let near =
                figs[i].sentence <= figs[t].sentence && figs[i].sentence + 1 >= figs[t].sentence;
            if near && figs[i].value < figs[t].value && hints.get(i).is_some_and(|h| !h.total) {
                figs[i].part_of = Some(t);
            }
        }
    }
    // Details of the same people told later.
    for i in 0..figs.len() {
        // "another 2 soldiers died", "3 more soldiers": said to come on top, not a detail.
        if figs[i].part_of.is_some() || figs[i].additive {
            continue;
        }
        let Some(mine) = head_noun(text, &figs[i]) else {
            continue;
        };
        // "people" could be anyone: only a named group ties two counts together.
        if GENERIC.iter().any(|g| g.eq_ignore_ascii_case(mine)) {
            continue;
        }
        // Look back a bounded number of figures: linear in the document.
        let found = (i.saturating_sub(LOOKBACK)..i).rev().find(|&j| {
            let f = &figs[j];
            f.category == figs[i].category
                && f.part_of.is_none()
                && f.sentence < figs[i].sentence
                && f.value > figs[i].value
                && f.group != figs[i].group
                && head_noun(text, f).is_some_and(|h| same_people(h, mine))
        });
        if let Some(j) = found {
            figs[i].part_of = Some(j);
        }
    }
    // "Twelve people were killed ... caused the deaths of all twelve people": "all" and the
    // same number of the same kind name the count before again.
    for i in 0..figs.len() {
        if figs[i].part_of.is_some() || figs[i].additive || !all_before(text, &figs[i].span) {
            continue;
        }
        let found = (i.saturating_sub(LOOKBACK)..i).rev().find(|&j| {
            let f = &figs[j];
            f.category == figs[i].category
                && f.value == figs[i].value
                && f.part_of.is_none()
                && f.sentence < figs[i].sentence
        });
        if let Some(j) = found {
            figs[i].part_of = Some(j);
        }
    }
    casualty_wholes(text, figs);
    parallel_parts(text, figs);
    included_parts(text, sentences, figs);
    sums(text, sentences, figs);
}

/// "Some 215 soldiers were among the dead, and 414 soldiers were injured": a count of the
/// same people right after a part of another kind is a part too, of the toll of its own kind
/// (the largest count of that kind before the sentence).
fn parallel_parts(text: &str, figs: &mut [RawFigure]) {
    for i in 1..figs.len() {
        let (prev, me) = (&figs[i - 1], &figs[i]);
        if me.part_of.is_some()
            || me.additive
            || me.implicit
            || prev.part_of.is_none()
            || prev.sentence != me.sentence
            || prev.category == me.category
        {
            continue;
        }
        let (Some(a), Some(b)) = (head_noun(text, prev), head_noun(text, me)) else {
            continue;
        };
        if !same_people(a, b) || GENERIC.iter().any(|g| g.eq_ignore_ascii_case(b)) {
            continue;
        }
        // The toll of its kind: the largest count before (not a nearer part-count of one
        // place).
        let whole = (i.saturating_sub(LOOKBACK)..i)
            .filter(|&j| {
                let f = &figs[j];
                f.category == me.category
                    && f.part_of.is_none()
                    && f.sentence < me.sentence
                    && f.value > me.value
            })
            .max_by_key(|&j| (figs[j].value, j));
        if let Some(j) = whole {
            figs[i].part_of = Some(j);
        }
    }
}

/// Openers that say the sentence lists what the one before counted: "The attacks included
/// a strike on a prison that killed 43", "These included 12 children".
const INCLUDED_OPENERS: &[&str] = &[
    "included",
    "include",
    "includes",
    "among them",
    "among those",
];

/// A sentence that opens by saying it lists what the one before counted: its counts with no
/// whole of their own are parts of the largest count of their kind in the sentence before
/// that has counts (a few sentences back at most).
fn included_parts(text: &str, sentences: &[Range<usize>], figs: &mut [RawFigure]) {
    for i in 0..figs.len() {
        let me = &figs[i];
        if me.part_of.is_some() || me.implicit || me.sentence == 0 {
            continue;
        }
        let Some(s) = sentences.get(me.sentence).and_then(|r| text.get(r.clone())) else {
            continue;
        };
        // The opener: the words up to the first count, at most six of them.
        let head: Vec<String> = s
            .split_whitespace()
            .take(6)
            .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase()
            })
            .collect();
        let joined = head.join(" ");
        let opens = INCLUDED_OPENERS.iter().any(|o| {
            joined
                .match_indices(o)
                .any(|(k, _)| k == 0 || joined.as_bytes().get(k - 1) == Some(&b' '))
        });
        if !opens {
            continue;
        }
        // The sentence before with counts, a few sentences back at most.
        // (Figures are in text order: the first one back in an earlier sentence.)
        let Some(before) = figs[..i]
            .iter()
            .rev()
            .map(|f| f.sentence)
            .find(|&s| s < me.sentence)
            .filter(|&s| s + 3 >= me.sentence)
        else {
            continue;
        };
        let whole = (i.saturating_sub(LOOKBACK)..i)
            .filter(|&j| {
                let f = &figs[j];
                f.sentence == before
                    && f.category == me.category
                    && f.part_of.is_none()
                    && f.value > me.value
            })
            .max_by_key(|&j| figs[j].value);
        if let Some(j) = whole {
            figs[i].part_of = Some(j);
        }
    }
}

/// "12 people were killed ...: 10 were shot and another 2 were burnt to death": counts of
/// the same kind right after a count, in its sentence, that add up to it exactly are its
/// breakdown; so are the items of a list the count's harm word runs on to ("at least 72
/// migrants were executed, 58 men and 14 women").
fn sums(text: &str, sentences: &[Range<usize>], figs: &mut [RawFigure]) {
    use super::rule::Construction;
    for h in 0..figs.len() {
        if figs[h].part_of.is_some()
            || !matches!(
                figs[h].qualifier,
                crate::Qualifier::Exact | crate::Qualifier::AtLeast | crate::Qualifier::About
            )
        {
            continue;
        }
        let mut total = 0u64;
        let mut run = Vec::new();
        // "killing six men, four Sunni and two Shia": after a comma, a list of the count's
        // own people by kind (no noun of people of its own) adding up to it breaks it down;
        // so does any list of people after a count of anyone ("at least four people, one
        // soldier and three civilians").
        let by_kind = people_then_comma(text, &figs[h]);
        let generic_whole = head_noun(text, &figs[h])
            .is_some_and(|n| GENERIC.iter().any(|g| g.eq_ignore_ascii_case(n)));
        for i in h + 1..figs.len().min(h + 1 + LOOKBACK) {
            let f = &figs[i];
            if f.sentence != figs[h].sentence || total >= figs[h].value {
                break;
            }
            // (An elided item names its own people, "58 men", not a place: "killed 10 in
            // Kabul, 6 in Herat and 4 in Kunduz" is 20. And small sums meet by chance: "all
            // three occupants and two tourists, one Filipina and one Chinese" is 5.)
            let breakdown_item = f.rule.construction == Construction::Elided
                && f.victims.is_some()
                && figs[h].value >= BREAKDOWN_MIN;
            let same_list = f.group == figs[h].group
                && !breakdown_item
                && !(by_kind && (generic_whole || a_kind(text, f)));
            if f.category != figs[h].category || f.part_of.is_some() || same_list {
                continue;
            }
            total = total.saturating_add(f.value);
            run.push(i);
        }
        if run.len() >= 2 && total == figs[h].value {
            for i in run {
                figs[i].part_of = Some(h);
            }
        }
    }
    // Breakdowns told over the next sentences: "At least 20 were killed in the strikes. 14
    // died in one house, and a raid killed another 6"; "Some 30 died this summer. Four died
    // before the heatwave. The other 26 died during it." A run of counts of the whole's kind
    // in the [`BREAKDOWN_SENTENCES`] after it that adds up to it exactly is its breakdown. A
    // count first taken as a part of a sibling ("the other 13" of "the other 21") moves to
    // the whole the sum proves; the details of a run's own counts are skipped.
    for h in 0..figs.len() {
        if !breakdown_whole(&figs[h]) {
            continue;
        }
        let cat = figs[h].category;
        let last = figs[h].sentence + BREAKDOWN_SENTENCES;
        let cands: Vec<usize> = (h + 1..figs.len().min(h + 1 + LOOKBACK))
            .take_while(|&i| figs[i].sentence <= last)
            .filter(|&i| {
                let f = &figs[i];
                f.category == cat
                    && f.sentence > figs[h].sentence
                    && !f.implicit
                    && f.qualifier != crate::Qualifier::Vague
                    && f.value < figs[h].value
                    && !opens_another_event(text, sentences, f.sentence)
            })
            .collect();
        let mut s = 0;
        while s < cands.len() {
            let mut total = 0u64;
            let mut run: Vec<usize> = Vec::new();
            for &i in &cands[s..] {
                match figs[i].part_of {
                    Some(p) if run.contains(&p) => continue,
                    Some(p) if p == h || figs[p].part_of == Some(h) => {}
                    Some(_) => break,
                    None => {}
                }
                total = total.saturating_add(figs[i].value);
                run.push(i);
                if total >= figs[h].value {
                    break;
                }
            }
            if run.len() >= 2 && total == figs[h].value {
                // The whole is the last restatement of the count before the run (the body's
                // "Some 23" rather than the headline's "23").
                let whole = (h..run[0])
                    .rev()
                    .find(|&j| {
                        figs[j].category == cat
                            && figs[j].value == figs[h].value
                            && figs[j].part_of.is_none()
                            && breakdown_whole(&figs[j])
                    })
                    .unwrap_or(h);
                for &i in &run {
                    figs[i].part_of = Some(whole);
                }
                let end = run.last().copied().unwrap_or(h);
                s = cands.iter().position(|&c| c > end).unwrap_or(cands.len());
            } else {
                s += 1;
            }
        }
    }
}

/// How many sentences after a whole its breakdown may run.
const BREAKDOWN_SENTENCES: usize = 6;

/// The smallest whole a breakdown over several sentences is looked for (small sums meet by
/// chance).
const BREAKDOWN_MIN: u64 = 6;

/// Openers of a sentence that tells another event: its counts are no breakdown of the one
/// before ("Separately, 2 died in the north and 3 in the south").
const ANOTHER_EVENT: &[&str] = &[
    "separately",
    "elsewhere",
    "meanwhile",
    "in another",
    "in a separate",
    "also on",
    "earlier",
    "later",
];

/// A count stated as a number (not vague, not implicit, not a part) big enough to be a whole.
fn breakdown_whole(f: &RawFigure) -> bool {
    f.part_of.is_none()
        && !f.implicit
        && f.value >= BREAKDOWN_MIN
        && matches!(
            f.qualifier,
            crate::Qualifier::Exact | crate::Qualifier::AtLeast | crate::Qualifier::About
        )
}

/// Whether sentence `si` opens with a word that tells another event ([`ANOTHER_EVENT`]).
fn opens_another_event(text: &str, sentences: &[Range<usize>], si: usize) -> bool {
    let Some(s) = sentences.get(si).and_then(|r| text.get(r.clone())) else {
        return false;
    };
    let head: String = s
        .trim_start()
        .chars()
        .take(24)
        .collect::<String>()
        .to_ascii_lowercase();
    ANOTHER_EVENT.iter().any(|w| {
        head.starts_with(w) && !head[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
    })
}

/// "208 guerrilla casualties ... 93 guerrillas were killed and 115 wounded": the dead and
/// the wounded told right after a count of casualties are its parts (GUIDELINES.md hard
/// cases: casualties are the dead plus the wounded).
fn casualty_wholes(text: &str, figs: &mut [RawFigure]) {
    use crate::vocab::Category::{Injured, Killed};
    for c in 0..figs.len() {
        let is_casualties = text
            .get(figs[c].trigger.clone())
            .is_some_and(|w| w.eq_ignore_ascii_case("casualties"));
        if !is_casualties || figs[c].part_of.is_some() {
            continue;
        }
        let whole = head_noun(text, &figs[c]);
        let mut matched_group = None;
        for i in c + 1..figs.len().min(c + 1 + LOOKBACK) {
            if figs[i].sentence > figs[c].sentence + 2 {
                break;
            }
            if figs[i].part_of.is_some()
                || !matches!(figs[i].category, Killed | Injured)
                || figs[i].value >= figs[c].value
            {
                continue;
            }
            let same = match (whole, head_noun(text, &figs[i])) {
                (Some(w), Some(h)) => same_people(w, h),
                _ => false,
            };
            if same || matched_group == Some(figs[i].sentence) {
                figs[i].part_of = Some(c);
                matched_group = Some(figs[i].sentence);
            }
        }
    }
}

fn marked(text: &str, figs: &mut [RawFigure], hints: &[Hint]) {
    for i in 0..figs.len() {
        let Some(h) = hints.get(i).copied() else {
            continue;
        };
        if !(h.part_marker || h.partitive) {
            continue;
        }
        let me = &figs[i];
        // "50 of the more than 300 pupils abducted": the count inside the partitive is the
        // whole.
        if h.partitive {
            let inner = figs.get(i + 1).filter(|n| {
                n.sentence == me.sentence
                    && n.category == me.category
                    && n.value > me.value
                    && text.get(me.span.end..n.span.start).is_some_and(|between| {
                        let b = between.trim();
                        b.eq_ignore_ascii_case("of the") || b.eq_ignore_ascii_case("of")
                    })
            });
            if inner.is_some() {
                figs[i].part_of = Some(i + 1);
                continue;
            }
        }
        // "the remaining 17" may look back further than "including 17".
        // "among the dead" names the toll it is part of, wherever it was told.
        let reach = if h.among {
            AMONG_REACH
        } else if h.part_marker {
            2
        } else {
            8
        };
        let mut found = None;
        for j in (0..i).rev() {
            let f = &figs[j];
            if f.sentence + reach < me.sentence {
                break;
            }
            if f.category != me.category || f.group == me.group {
                continue;
            }
            if h.partitive && !h.part_marker && f.value <= me.value {
                continue;
            }
            if f.max.unwrap_or(f.value) < me.value && f.qualifier != crate::Qualifier::MoreThan {
                continue;
            }
            // A part's whole is a whole: climb to it when the nearest is itself a part of a
            // larger count of the same list ("including 147 civilians, 165 ...").
            found = Some(j);
            break;
        }
        if let Some(j) = found {
            figs[i].part_of = Some(j);
        }
    }
}
