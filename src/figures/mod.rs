//! Figures stage: casualty figures read from number expressions and harm words, the way
//! GUIDELINES.md tells a human coder to read them.
//!
//! Per sentence that holds a count: tokens are classified once ([`tokens`], [`lexicon`],
//! [`triggers`]); counts that are never figures are set aside ([`nonfigures`]); each count
//! is attached to its harm word ([`attach`]); list items share their list's harm word; parts
//! are linked to their totals ([`parts`]). [`bounds`] turns value and qualifier into min/max.

pub mod attach;
pub mod bounds;
pub mod implicit;
pub mod lexicon;
pub mod nonfigures;
pub mod parts;
pub mod reach;
pub mod rule;
pub mod tokens;
pub mod triggers;
pub mod zero;

#[cfg(test)]
mod examples;
#[cfg(test)]
mod examples_data;

use crate::numbers::{self, NumberKind, NumberMention};
use crate::text::Document;
use crate::vocab::{Category, Qualifier};
use attach::{Attach, Cand, How};
use rule::{Construction, Rule};
use std::ops::Range;
use tokens::Tok;

/// A casualty figure before offsets are converted for the report (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct RawFigure {
    /// The number expression with its qualifier.
    pub span: Range<usize>,
    /// Kind of harm.
    pub category: Category,
    /// Stated number (low end for ranges and vague words).
    pub value: u64,
    /// High end stated by a range or implied by a vague word.
    pub max: Option<u64>,
    /// How the number bounds the truth.
    pub qualifier: Qualifier,
    /// Who was harmed, as written.
    pub victims: Option<Range<usize>>,
    /// The harm word(s).
    pub trigger: Range<usize>,
    /// Index of the figure this one is a part of.
    pub part_of: Option<usize>,
    /// 0..1.
    pub confidence: f32,
    /// "another 13", "13 more": adds to a count given before (for document totals).
    pub additive: bool,
    /// Index of the sentence the figure is in.
    pub sentence: usize,
    /// Figures of one list ("killing 6 Iranians and 1 Iraqi") share a group number.
    pub group: usize,
    /// A singular victim with no number word ("a civilian was killed"): value 1, the span is
    /// the noun phrase (SCHEMA.md `implicit`). Counts in totals; not a mention-level figure.
    pub implicit: bool,
    /// Why it was read: the construction and the trigger row ([`rule`]).
    pub rule: Rule,
}

/// Finds the casualty figures of a document, in text order.
pub fn extract(doc: &Document) -> Vec<RawFigure> {
    let (mentions, others): (Vec<NumberMention>, Vec<NumberMention>) =
        numbers::find_in(doc.text, doc.tokens())
            .into_iter()
            .filter(|m| m.span.start < m.span.end)
            .partition(|m| m.kind == NumberKind::Cardinal);
    let mut oi = 0;
    let mut out: Vec<RawFigure> = Vec::new();
    let mut hints: Vec<parts::Hint> = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    let mut cands: Vec<Cand> = Vec::new();
    let mut trig_end: Vec<Option<usize>> = Vec::new();
    let mut mi = 0;
    let mut group_base = 0;
    // Sentences that name one person (a possible singular victim): only these and those
    // with a number are tokenised.
    let person = implicit_sentences(doc);
    let mut victims: Vec<implicit::Victim> = Vec::new();
    let mut counted: Vec<(String, Category)> = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let seg = out.len();
        // The mentions inside this sentence.
        while mi < mentions.len() && mentions[mi].span.start < sent.start {
            mi += 1;
        }
        let m0 = mi;
        while mi < mentions.len() && mentions[mi].span.start < sent.end {
            mi += 1;
        }
        if m0 == mi && !person.get(si).copied().unwrap_or(false) {
            continue;
        }
        tokens::tokenize(doc, sent.clone(), &mut toks);
        // Numbers of other kinds (ages, years...) in this sentence.
        while oi < others.len() && others[oi].span.end <= sent.start {
            oi += 1;
        }
        let o0 = oi;
        let mut o1 = oi;
        while o1 < others.len() && others[o1].span.start < sent.end {
            o1 += 1;
        }
        let other_numbers: Vec<Range<usize>> =
            others[o0..o1].iter().map(|m| m.number.clone()).collect();
        trig_end.clear();
        trig_end.resize(toks.len() + 1, None);
        cands.clear();
        for (k, m) in mentions[m0..mi].iter().enumerate() {
            let a = toks.partition_point(|t| t.end <= m.span.start);
            let b = toks.partition_point(|t| t.start < m.span.end);
            if a >= b || b > toks.len() {
                continue;
            }
            for t in &mut toks[a..b] {
                t.number = true;
                t.trigger = None;
            }
            cands.push(Cand {
                mention: m0 + k,
                a,
                b,
                np: None,
                after: b,
                blocked: false,
                additive: m.additive,
                part_marker: false,
                partitive: false,
                among: false,
                total: false,
                attach: None,
                group: 0,
                captivity: false,
                captors: false,
            });
        }
        // Triggers that overlapped a number were cleared: rebuild their ends.
        trig_end.iter_mut().for_each(|x| *x = None);
        for i in 0..toks.len() {
            if let Some(tm) = toks[i].trigger {
                let e = i + usize::from(tm.len);
                if toks[i..e.min(toks.len())].iter().any(|t| t.number) {
                    toks[i].trigger = None;
                    continue;
                }
                if let Some(slot) = trig_end.get_mut(e) {
                    slot.get_or_insert(i);
                }
            }
        }
        // "aged 6 and 4", "in 2003 and 2004": a bare count joined to a number that is not a
        // count is not one either.
        for c in cands.iter_mut() {
            let joined_to_other = c.a >= 2
                && toks.get(c.a - 1).is_some_and(|t| {
                    t.is_punct(',') || lexicon::is(tokens::text_of(doc.text, t), "and")
                })
                && other_numbers
                    .iter()
                    .any(|r| toks.get(c.a - 2).is_some_and(|t| t.end == r.end));
            let bare = toks.get(c.b).is_none_or(|t| {
                t.shape != tokens::Shape::Word || t.trigger.is_some() || t.any(lexicon::AUX)
            });
            // "aged 19, 23 and 40": every number of a list of ages.
            let mut k = c.a;
            let mut in_ages = false;
            while k > 0 && c.a - k < 12 {
                let t = &toks[k - 1];
                let w = tokens::text_of(doc.text, t);
                if ["aged", "ages", "age"].iter().any(|x| lexicon::is(w, x)) {
                    in_ages = k < c.a;
                    break;
                }
                if !(t.shape == tokens::Shape::Digits || t.is_punct(',') || lexicon::is(w, "and")) {
                    break;
                }
                k -= 1;
            }
            if (joined_to_other || in_ages) && bare {
                c.blocked = true;
            }
        }
        // Rows that count only in a story of captives ("50 have escaped") look at this
        // sentence and its neighbours, only where such a row stands.
        if toks
            .iter()
            .any(|t| t.trigger.is_some_and(|m| m.row().needs_captors))
        {
            let captors = toks.iter().any(|t| {
                t.any(lexicon::CAPTOR) || lexicon::is(tokens::text_of(doc.text, t), "armed")
            });
            for c in cands.iter_mut() {
                c.captors = captors;
            }
        }
        if toks
            .iter()
            .any(|t| t.trigger.is_some_and(|m| m.row().needs_captivity))
        {
            let captivity = tells_of_captives(&toks)
                || [si.checked_sub(1), Some(si), Some(si + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| doc.sentences.get(k))
                    .any(|r| mentions_captives(doc.text.get(r.clone()).unwrap_or("")));
            for c in cands.iter_mut() {
                c.captivity = captivity;
            }
        }
        analyse_sentence(doc.text, &toks, &trig_end, &mut cands);
        for c in cands.iter_mut() {
            if c.attach.is_none() && !c.blocked {
                c.attach = to_hospital(doc.text, &toks, c);
            }
        }
        parts::link_sentence(doc.text, &toks, &mut cands, &out, &hints, si);
        for c in cands.iter() {
            let Some(mut at) = c.attach else { continue };
            let mut then_killed = false;
            // "14 people were kidnapped and killed": the harm that ends it is the count's.
            // "3 officers who were kidnapped last week were found dead": the main clause's.
            let after = killed_after(doc.text, &toks, at.trigger)
                .or_else(|| killed_after_relative(doc.text, &toks, at.trigger))
                .or_else(|| killed_predicate(doc.text, &toks, at.trigger));
            if let Some(end) = after {
                if at.category != Category::Killed && at.how != How::Part {
                    at.category = Category::Killed;
                    at.trigger = end;
                    then_killed = true;
                }
            }
            // "stabbed 2 guards to death": the words after the count's phrase finish the verb.
            let phrase_end = c.np.map_or(c.b, |(_, e)| e.max(c.b));
            if at.category == Category::Injured
                && at.trigger.1 <= c.a
                && to_death(doc.text, &toks, phrase_end)
            {
                at.category = Category::Killed;
                then_killed = true;
            }
            let m = &mentions[c.mention];
            let tr = (
                toks.get(at.trigger.0)
                    .map(|t| t.start)
                    .unwrap_or(m.span.start),
                toks.get(at.trigger.1.saturating_sub(1))
                    .map(|t| t.end)
                    .unwrap_or(m.span.end),
            );
            let victims =
                c.np.and_then(|(s, e)| Some(toks.get(s)?.start..toks.get(e.checked_sub(1)?)?.end));
            out.push(RawFigure {
                span: m.span.clone(),
                category: at.category,
                value: m.value,
                max: m.max,
                qualifier: m.qualifier,
                victims,
                trigger: tr.0.min(tr.1)..tr.1.max(tr.0),
                part_of: None,
                confidence: at.confidence.clamp(0.0, 1.0),
                // ("also" adds the first count of its harm word to the last count of its
                // kind, where that is the count before or stands in its sentence: "5 were
                // killed. 3 soldiers were also killed", "a major was killed and a
                // policeman injured. 2 insurgents were also killed"; not "25 dead. 17 were
                // also injured", which sets the injured beside the dead, nor the items of a
                // breakdown beside it, "17 people, including 11 civilians and 6 soldiers,
                // were also injured".)
                additive: c.additive
                    || (matches!(at.how, How::Forward | How::Backward)
                        && also_before(doc.text, &toks, at.trigger.0)
                        && out
                            .iter()
                            .rev()
                            .find(|p: &&RawFigure| p.category == at.category)
                            .is_some_and(|p| {
                                p.trigger != (tr.0.min(tr.1)..tr.1.max(tr.0))
                                    && out.last().is_some_and(|l| l.sentence == p.sentence)
                            })),
                sentence: si,
                group: group_base + c.group,
                implicit: false,
                rule: Rule {
                    construction: at.rule,
                    row: toks
                        .get(at.trigger.0)
                        .and_then(|t| t.trigger)
                        .map(|m| m.entry),
                    then_killed,
                },
            });
            hints.push(parts::Hint::from_cand(c));
        }
        group_base += cands.len() + 1;
        if person.get(si).copied().unwrap_or(false) {
            implicit::find(doc.text, &toks, &mut victims);
            for v in &victims {
                // "a policeman was kidnapped and later killed": the killing is their fate.
                let fate = (v.category != Category::Killed
                    && passive(doc.text, &toks, v.trigger.0))
                .then(|| killed_after(doc.text, &toks, v.trigger))
                .flatten();
                let (mut category, trigger) = match fate {
                    Some(t) => (Category::Killed, t),
                    None => (v.category, v.trigger),
                };
                // "stabbed an elderly man to death", "stabbed his neighbour, a police
                // officer, to death" (past an apposition).
                let apposition_end =
                    toks.get(v.noun + 1)
                        .filter(|t| t.is_punct(','))
                        .and_then(|_| {
                            (v.noun + 2..(v.noun + 10).min(toks.len()))
                                .find(|&k| toks[k].is_punct(','))
                        });
                let to_death = category == Category::Injured
                    && trigger.1 <= v.det
                    && (to_death(doc.text, &toks, v.noun + 1)
                        || apposition_end.is_some_and(|k| to_death(doc.text, &toks, k + 1)));
                if to_death {
                    category = Category::Killed;
                }
                // A named person after a count of their kind in an earlier sentence is one
                // of that count, told by name: "Two officers were assassinated ... Colonel
                // Darius Ikurakure, who ...".
                if v.titled
                    && out
                        .get(..seg)
                        .is_some_and(|before| before.iter().any(|f| f.category == category))
                {
                    continue;
                }
                let noun = tokens::text_of(doc.text, &toks[v.noun]).to_ascii_lowercase();
                let again = counted.iter().any(|(n, c)| *n == noun && *c == category);
                if again && implicit::definite(doc.text, &toks, v) {
                    continue;
                }
                counted.push((noun, category));
                let span = implicit::span(&toks, v.det, v.noun);
                out.push(RawFigure {
                    span: span.clone(),
                    category,
                    value: 1,
                    max: None,
                    qualifier: Qualifier::Exact,
                    // (None for "another" alone.)
                    victims: (v.det < v.noun).then(|| implicit::span(&toks, v.det + 1, v.noun)),
                    trigger: implicit::span(&toks, trigger.0, trigger.1.saturating_sub(1)),
                    part_of: None,
                    confidence: 0.7,
                    // "another policeman died", "a guard was also killed": one more.
                    additive: implicit::one_more(doc.text, &toks, v.det, trigger.0),
                    sentence: si,
                    group: group_base,
                    implicit: true,
                    rule: Rule {
                        row: toks.get(trigger.0).and_then(|t| t.trigger).map(|m| m.entry),
                        then_killed: fate.is_some() || to_death,
                        ..Rule::of(Construction::Implicit)
                    },
                });
                hints.push(parts::Hint {
                    part_marker: implicit::in_breakdown(doc.text, &toks, v.det),
                    ..parts::Hint::default()
                });
                group_base += 1;
            }
            // Text order within the sentence.
            if out.len() > seg + 1 {
                let mut both: Vec<(RawFigure, parts::Hint)> =
                    out.drain(seg..).zip(hints.drain(seg..)).collect();
                both.sort_by_key(|(f, _)| (f.span.start, f.span.end));
                for (f, h) in both {
                    out.push(f);
                    hints.push(h);
                }
            }
        }
    }
    parts::resolve(doc.text, &doc.sentences, &mut out, &hints);
    out
}

/// Per sentence: whether it names one person ([`lexicon::ONE_PERSON`], a whole word in any
/// case), found in one automaton pass over the text.
fn implicit_sentences(doc: &Document) -> Vec<bool> {
    use aho_corasick::AhoCorasick;
    use std::sync::OnceLock;
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let mut out = vec![false; doc.sentences.len()];
    let Some(ac) = AC
        .get_or_init(|| {
            // ("another" alone is one more person: "one was killed and another wounded".)
            let words: Vec<&str> = lexicon::table()
                .iter()
                .filter(|(_, c)| **c & (lexicon::ONE_PERSON | lexicon::TITLE) != 0)
                .map(|(w, _)| *w)
                .chain(["another"])
                .collect();
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                // A DFA: this automaton reads every byte of every document.
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(words)
                .ok()
        })
        .as_ref()
    else {
        return out;
    };
    let b = doc.text.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    for m in ac.find_iter(doc.text) {
        if m.start() > 0 && word(m.start() - 1) || word(m.end()) {
            continue;
        }
        if let Some(x) = out.get_mut(doc.sentence_of(m.start())) {
            *x = true;
        }
    }
    out
}

/// Whether a sentence's tokens tell of captives: an abduction word ("kidnapped",
/// "abducted", "taken hostage", "hostages"). Armed groups alone do not: "militants stormed
/// the prison and freed 900 inmates" frees detainees, not hostages.
fn tells_of_captives(toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        t.trigger.is_some_and(|m| {
            let r = m.row();
            r.category == Category::Kidnapped && !r.needs_captivity && !r.captor_sensitive
        })
    })
}

/// The same test over a neighbouring sentence's text (word stems, any case).
fn mentions_captives(s: &str) -> bool {
    const STEMS: &[&[u8]] = &[
        b"hostage", b"kidnap", b"abduct", b"captiv", b"captor", b"ransom",
    ];
    let b = s.as_bytes();
    STEMS
        .iter()
        .any(|st| b.windows(st.len()).any(|w| w.eq_ignore_ascii_case(st)))
}

/// Attaches every count of one sentence: own harm words first, then lists.
fn analyse_sentence(text: &str, toks: &[Tok], trig_end: &[Option<usize>], cands: &mut [Cand]) {
    // "Most of those killed were civilians, ...": the sentence breaks down a count before.
    let opens_partitive = (0..toks.len().min(6)).any(|i| {
        lexicon::is(tokens::text_of(text, &toks[i]), "of")
            && toks.get(i + 1).is_some_and(|t| {
                let w = tokens::text_of(text, t);
                lexicon::is(w, "those") || lexicon::is(w, "the")
            })
            && toks.get(i + 2).is_some_and(|t| t.trigger.is_some())
    });
    // The harm word of "Of the deaths, 17,388 were reported in the north": counts of the
    // sentence with no harm word of their own are parts of it.
    // The phrase is fronted: it opens the sentence and a comma closes it ("Of those
    // killed, 12 were children"), unlike "Most of the hostages were freed".
    let opener = (|| {
        let first = toks.first()?;
        let det = tokens::text_of(text, toks.get(1)?);
        (lexicon::is(tokens::text_of(text, first), "of")
            && (lexicon::is(det, "the") || lexicon::is(det, "those")))
        .then_some(())?;
        let m = toks.get(2)?.trigger?;
        toks.get(2 + usize::from(m.len))?
            .is_punct(',')
            .then_some((2, m))
    })();
    for c in cands.iter_mut() {
        attach::describe(text, toks, c);
        c.partitive |= opens_partitive;
        if c.blocked {
            continue;
        }
        let fwd = attach::forward(text, toks, c);
        let bwd = attach::backward(text, toks, c, trig_end);
        c.attach = match (fwd, bwd) {
            (Some(f), Some(b)) => {
                // "killing three people dead"? Prefer the harm word right next to the count.
                let fwd_noun = toks
                    .get(f.trigger.0)
                    .and_then(|t| t.trigger)
                    .is_some_and(|m| m.row().form == triggers::Form::Noun);
                let bwd_held = toks
                    .get(b.trigger.0)
                    .and_then(|t| t.trigger)
                    .is_some_and(|m| m.row().captor_sensitive);
                if fwd_noun && bwd_held {
                    // "the camp holds 550,000 refugees": the noun says who they are.
                    Some(f)
                } else if b.trigger.1 == c.a {
                    Some(b)
                } else {
                    Some(f)
                }
            }
            (f, b) => f.or(b),
        };
    }
    // Lists: each count's predecessor in its list (the count before it, or the one before
    // that across a bracket: "182 civilians (171 of them Muslims), twelve policemen").
    let mut link: Vec<Option<usize>> = vec![None; cands.len()];
    let mut group = 0;
    for i in 0..cands.len() {
        let prev = (i.saturating_sub(2)..i).rev().find(|&j| {
            !cands[i].blocked
                && !cands[j].blocked
                && attach::coordinated(text, toks, &cands[j], &cands[i])
        });
        match prev {
            Some(j) => {
                link[i] = Some(j);
                cands[i].group = cands[j].group;
            }
            None => {
                group += 1;
                cands[i].group = group;
            }
        }
    }
    // Left to right: "killing six Iranians and one Iraqi".
    for i in 0..cands.len() {
        let Some(j) = link[i] else { continue };
        if cands[i].attach.is_some() {
            continue;
        }
        if let Some(p) = cands[j].attach {
            if matches!(p.how, How::Backward | How::List | How::Part) && p.trigger.1 <= cands[j].a {
                cands[i].attach = Some(Attach {
                    how: How::List,
                    rule: Construction::ListBefore,
                    confidence: p.confidence - 0.1,
                    ..p
                });
                cands[i].part_marker |= cands[j].part_marker;
            }
        }
    }
    // The sentence's opener ("Of the deaths, ...") covers the counts left without a word.
    if let Some((k, m)) = opener {
        for c in cands.iter_mut() {
            if c.attach.is_none() && !c.blocked && c.a > k {
                c.attach = Some(Attach {
                    category: m.row().category,
                    trigger: (k, k + usize::from(m.len)),
                    how: How::Part,
                    rule: Construction::Opener,
                    confidence: 0.6,
                });
                c.part_marker = true;
            }
        }
    }
    // Right to left: "left 35 guerrillas and 5 soldiers dead".
    for i in (0..cands.len()).rev() {
        let Some(j) = link[i] else { continue };
        if cands[j].attach.is_some() {
            continue;
        }
        // "14 were killed, including five journalists, and 40 injured", "40 were killed,
        // including 12 children and over 100 others were injured": a part told after its
        // whole is that whole's (`parts.rs`), not the next count's.
        // (So is the rest of its list: "including 6 civilians and 9 police officers and
        // another 22 were wounded".)
        let mut head = j;
        while let Some(k) = link[head].filter(|&k| k < head && !cands[head].part_marker) {
            head = k;
        }
        if cands[head].part_marker {
            continue;
        }
        if let Some(p) = cands[i].attach {
            if p.trigger.0 >= cands[i].b && matches!(p.how, How::Forward | How::List) {
                cands[j].attach = Some(Attach {
                    how: How::List,
                    rule: Construction::ListAfter,
                    confidence: p.confidence - 0.1,
                    ..p
                });
            }
        }
    }
    // Counts that lean on an earlier one of the sentence for their harm word (not items
    // of a list of their own, which the parts stage gives their whole's word).
    for i in 0..cands.len() {
        if cands[i].attach.is_some()
            || cands[i].blocked
            || cands[i].part_marker
            || link[i].is_some()
        {
            continue;
        }
        let Some(j) = (0..i).rev().find(|&j| {
            cands[j]
                .attach
                .is_some_and(|p| p.trigger.1 <= cands[i].a || p.trigger.0 >= cands[j].b)
        }) else {
            continue;
        };
        let Some(p) = cands[j].attach else { continue };
        // "the 16th Brigade and 28 and 45 fronts": joined to a count that is not one.
        let joined_to_blocked = cands
            .get(i + 1)
            .is_some_and(|n| n.blocked && n.a == cands[i].after + 1);
        if joined_to_blocked {
            continue;
        }
        if attach::elided(text, toks, &cands[j], &cands[i]) {
            // "31 died in the capital, 12 in the north and 4 in the port"; the rest of its
            // own list follows it ("as well as 24 patients and 4 carers").
            let own = cands[i].group;
            let at = Attach {
                how: How::List,
                rule: Construction::Elided,
                confidence: p.confidence - 0.15,
                ..p
            };
            let (pm, g) = (cands[j].part_marker, cands[j].group);
            for c in cands[i..].iter_mut() {
                if c.group == own && c.attach.is_none() && !c.blocked {
                    c.attach = Some(at);
                    c.part_marker |= pm;
                    c.group = g;
                }
            }
        } else if attach::compared(text, toks, &cands[i]) {
            // "rose to 45 from the initially reported 18", "an increase of 5,400 people".
            cands[i].attach = Some(Attach {
                how: How::List,
                rule: Construction::Compared,
                confidence: p.confidence - 0.2,
                ..p
            });
        }
    }
}

/// Words that may stand between "and" and the killing word of [`killed_after`].
const THEN_WORDS: &[&str] = &["then", "later", "subsequently", "eventually", "also"];

/// How many tokens after the harm word [`killed_after`] looks for its "and".
const AND_REACH: usize = 10;

/// "kidnapped and killed", "abducted and later murdered", "kidnapped in the capital and
/// later shot dead", "captured, a policeman and a civilian, and then executed": a killing
/// word (a participle or a past; after a passive harm word also an intransitive, "was stabbed
/// and later died") joined by "and" to the clause of the harm word at tokens `trigger`,
/// within [`AND_REACH`] tokens, with only [`THEN_WORDS`], auxiliaries and commas between
/// "and" and it. Another count, another harm word or a clause's end (". ; :") before it stops
/// the search: "2 were kidnapped and 3 were killed" keeps both.
fn killed_after(text: &str, toks: &[Tok], trigger: (usize, usize)) -> Option<(usize, usize)> {
    let end = trigger.1;
    let is_passive = passive(text, toks, trigger.0);
    let then = |k: usize| {
        THEN_WORDS.iter().any(|w| attach::is_word(text, toks, k, w))
            || toks
                .get(k)
                .is_some_and(|t| t.any(lexicon::AUX) || t.is_punct(','))
    };
    let mut k = end;
    while k < end + AND_REACH {
        let t = toks.get(k)?;
        // "were abducted from their homes and killed": where they were taken from is no
        // harm of its own here.
        if let Some(m) = t.trigger.filter(|m| {
            m.row().category == Category::Displaced && m.row().form == triggers::Form::Adj
        }) {
            k += usize::from(m.len).max(1);
            continue;
        }
        if t.number || t.trigger.is_some() || t.is_punct('.') || t.is_punct(';') || t.is_punct(':')
        {
            return None;
        }
        // Past the word right after the harm word, only a passive harm word's subject is
        // the one killed: "a guard was wounded in the blast and later died" but not "the
        // gunman wounded a guard and was shot dead" (the gunman was).
        if attach::is_word(text, toks, k, "and") && (k == end || is_passive) {
            let mut j = k + 1;
            while then(j) && j < k + 4 {
                j += 1;
            }
            if let Some(m) = toks.get(j).and_then(|t| t.trigger) {
                // (Not a word that kills only with its own condition: "lost his leg".)
                let row = m.row();
                let form_ok = matches!(row.form, triggers::Form::Participle | triggers::Form::Past)
                    || (row.form == triggers::Form::Intrans && is_passive);
                let killing = row.category == Category::Killed
                    && form_ok
                    && !row.needs_person
                    && row.requires_before.is_empty();
                return killing.then_some((j, j + usize::from(m.len)));
            }
        }
        k += 1;
    }
    None
}

/// Whether "also" stands just before the harm word at token `at`: "three officers ... were
/// also found dead", "the blast also killed 3 soldiers" (a count on top of the one before).
fn also_before(text: &str, toks: &[Tok], at: usize) -> bool {
    (at.saturating_sub(2)..at).any(|k| attach::is_word(text, toks, k, "also"))
}

/// Whether the tokens at `at` read "to death" ("stabbed two guards to death").
fn to_death(text: &str, toks: &[Tok], at: usize) -> bool {
    attach::is_word(text, toks, at, "to") && attach::is_word(text, toks, at + 1, "death")
}

/// Forms of "be" and "get" that make a participle after them passive.
const PASSIVE_AUX: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "get", "got",
];

/// Whether the harm word at token `at` is passive: a form of [`PASSIVE_AUX`] before it, with
/// at most two adverbs between ("was seriously injured", "were later found shot dead").
fn passive(text: &str, toks: &[Tok], at: usize) -> bool {
    for k in (at.saturating_sub(3)..at).rev() {
        if PASSIVE_AUX
            .iter()
            .any(|w| attach::is_word(text, toks, k, w))
        {
            return true;
        }
        if !toks.get(k).is_some_and(|t| t.any(lexicon::AUX)) {
            return false;
        }
    }
    false
}

/// "3 officers who were recently kidnapped by militants were also found dead": a harm word
/// (tokens `trigger`) inside a relative clause ("who"/"that" + an auxiliary before it), then
/// the main clause's auxiliary and a killing word: that word's tokens.
fn killed_after_relative(
    text: &str,
    toks: &[Tok],
    trigger: (usize, usize),
) -> Option<(usize, usize)> {
    let word = |k: usize| attach::word(text, toks, k);
    // Back from the harm word: adverbs and auxiliaries, then "who" or "that".
    let mut k = trigger.0;
    let mut aux = false;
    while k > 0 && trigger.0 - k < 4 {
        let t = toks.get(k - 1)?;
        if lexicon::is(word(k - 1), "who") || lexicon::is(word(k - 1), "that") {
            break;
        } else if t.any(lexicon::AUX) {
            aux = true;
        } else if t.trigger.is_some() || t.number || t.shape != tokens::Shape::Word {
            return None;
        }
        k -= 1;
    }
    if !(aux && k > 0 && (lexicon::is(word(k - 1), "who") || lexicon::is(word(k - 1), "that"))) {
        return None;
    }
    // Forward: at most eight words of the clause (a hyphen may join two names: "on the
    // Mosul - Kirkuk road"), then an auxiliary, adverbs, a killing word.
    let mut j = trigger.1;
    while toks.get(j).is_some_and(|t| {
        (t.shape == tokens::Shape::Word && t.trigger.is_none() && !t.any(lexicon::AUX))
            || t.is_punct('-')
    }) && j - trigger.1 < 8
    {
        j += 1;
    }
    if !toks.get(j).is_some_and(|t| t.any(lexicon::AUX)) {
        return None;
    }
    j += 1;
    while toks
        .get(j)
        .is_some_and(|t| t.trigger.is_none() && t.shape == tokens::Shape::Word)
        && j - trigger.1 < 13
    {
        j += 1;
    }
    let m = toks.get(j)?.trigger?;
    let end = j + usize::from(m.len);
    if m.row().category == Category::Killed {
        return Some((j, end));
    }
    // "were shot and killed", "were beaten and then killed": the last harm word ends it.
    killed_after(text, toks, (j, end))
}

/// "Two hostages were executed", "the 5 captives were later found dead": a captive's noun
/// as the subject of a killing word (auxiliaries and adverbs between): the death is the
/// count's harm.
fn killed_predicate(text: &str, toks: &[Tok], trigger: (usize, usize)) -> Option<(usize, usize)> {
    let m = toks.get(trigger.0)?.trigger?;
    if m.row().form != triggers::Form::Noun || m.row().category == Category::Killed {
        return None;
    }
    let mut j = trigger.1;
    let mut aux = false;
    while let Some(t) = toks.get(j) {
        if t.trigger.is_some() || t.shape != tokens::Shape::Word || j - trigger.1 >= 4 {
            break;
        }
        let w = attach::word(text, toks, j);
        if !(t.any(lexicon::AUX) || (w.len() > 4 && w.ends_with("ly"))) {
            return None;
        }
        aux |= t.any(lexicon::AUX);
        j += 1;
    }
    let k = toks.get(j)?.trigger?;
    (aux && k.row().category == Category::Killed).then_some((j, j + usize::from(k.len)))
}

/// Verbs that take the hurt to hospital, each with an example of our own.
const TO_HOSPITAL_VERBS: &[(&str, &str)] = &[
    ("sending", "killing nine and sending another 29 to hospital"),
    ("sent", "the blast sent 40 people to hospital"),
    ("taken", "12 were taken to hospital"),
    ("rushed", "six were rushed to hospital"),
    (
        "transported",
        "12 other people being transported to hospital",
    ),
    ("admitted", "30 were admitted to hospital"),
    ("evacuated", "8 were evacuated to hospitals"),
    ("brought", "15 were brought to the hospital"),
];

/// "sending another 29 to hospital", "12 people being transported to hospital": a count the
/// harm takes to hospital is a count of injured (GUIDELINES.md: people treated in hospital
/// for injuries are injured).
fn to_hospital(text: &str, toks: &[Tok], c: &Cand) -> Option<Attach> {
    let word = |k: usize| attach::word(text, toks, k);
    let is_verb = |k: usize| {
        TO_HOSPITAL_VERBS
            .iter()
            .any(|(v, _)| lexicon::is(word(k), v))
    };
    // "to (the) hospital(s)" within a few words after the count.
    let end = (c.after..(c.after + 6).min(toks.len())).find(|&k| {
        lexicon::is(word(k), "to")
            && ["hospital", "hospitals"].iter().any(|h| {
                lexicon::is(word(k + 1), h)
                    || (lexicon::is(word(k + 1), "the") && lexicon::is(word(k + 2), h))
            })
    })?;
    let verb = (c.a.saturating_sub(3)..end).find(|&k| is_verb(k))?;
    // Only where the sentence tells of harm ("The ministry sent 40 doctors to the hospital"
    // does not).
    let harm = toks.iter().enumerate().any(|(k, t)| {
        t.trigger.is_some()
            || [
                "blast",
                "blasts",
                "bomb",
                "bombs",
                "explosion",
                "attack",
                "crash",
                "fire",
                "shooting",
                "stampede",
                "collapse",
            ]
            .iter()
            .any(|w| lexicon::is(word(k), w))
    });
    if !harm {
        return None;
    }
    Some(Attach {
        category: Category::Injured,
        trigger: (verb, verb + 1),
        how: if verb < c.a {
            How::Backward
        } else {
            How::Forward
        },
        rule: Construction::Hospital,
        confidence: 0.7,
    })
}
