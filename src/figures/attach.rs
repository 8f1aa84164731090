//! Number <-> trigger attachment inside one sentence: the constructions a count takes.
//!
//! * forward: the count comes first, the harm word after it, with its victims and
//!   auxiliaries between ("13 people were killed", "150 injured", "13 dead bodies").
//! * backward: the harm word comes first ("killed 13", "killing three", "the death toll
//!   rose to 13", "the killing of 124").
//! * lists: items joined by commas and "and" share the harm word of the list
//!   ("killing six Iranians and one Iraqi", "left 35 guerrillas and 5 soldiers dead").

use super::implicit;
use super::lexicon::*;
use super::nonfigures;
use super::reach::{confidence, reaches, TOLL_GAP};
use super::rule::Construction;
use super::tokens::{starts_upper, text_of, Shape, Tok};
use super::triggers::{Form, TriggerMatch};
use crate::vocab::Category;

/// How a count got its harm word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The harm word follows the count.
    Forward,
    /// The harm word comes before the count.
    Backward,
    /// From a neighbour in a list.
    List,
    /// From the count it is a part of ("including two MPs").
    Part,
}

/// A harm word a count was attached to.
#[derive(Debug, Clone, Copy)]
pub struct Attach {
    /// Kind of harm.
    pub category: Category,
    /// Token range of the harm word(s).
    pub trigger: (usize, usize),
    /// How.
    pub how: How,
    /// The construction that found it (the figure's [`super::rule::Rule`]).
    pub rule: Construction,
    /// Confidence 0..1.
    pub confidence: f32,
}

/// A count in the sentence and what was learnt about it.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Index of the number mention.
    pub mention: usize,
    /// Token range of the number expression.
    pub a: usize,
    /// End (exclusive).
    pub b: usize,
    /// Token range of the victim noun phrase.
    pub np: Option<(usize, usize)>,
    /// First token after the count and its victims.
    pub after: usize,
    /// Not a figure whatever follows (a year, "3 bombs", "21 per day"...).
    pub blocked: bool,
    /// "another 13", "13 more".
    pub additive: bool,
    /// "13 of them", "13 of whom", "including 13", "(13": part of the count before.
    pub part_marker: bool,
    /// "13 of the hostages", "the other 13", "the remaining 13": part of an earlier,
    /// larger count of the same kind.
    pub partitive: bool,
    /// "13 soldiers were among the dead": a part of the toll told before, which may stand a
    /// few sentences back.
    pub among: bool,
    /// "a total of 13", "making a total of 13", "this brings to 13": the whole of the
    /// counts of its kind around it.
    pub total: bool,
    /// The harm word found.
    pub attach: Option<Attach>,
    /// Coordination group (list) inside the sentence.
    pub group: usize,
    /// The sentence, or the one before or after it, tells of captives (a captor, hostage or
    /// abduction word): rows that need it ([`Trigger::needs_captivity`]) count only then.
    ///
    /// [`Trigger::needs_captivity`]: super::triggers::Trigger::needs_captivity
    pub captivity: bool,
    /// The sentence names armed captors (gunmen, rebels, "armed men"): rows that need them
    /// ([`Trigger::needs_captors`]) count only then.
    ///
    /// [`Trigger::needs_captors`]: super::triggers::Trigger::needs_captors
    pub captors: bool,
}

pub(crate) fn word<'a>(text: &'a str, toks: &[Tok], i: usize) -> &'a str {
    toks.get(i).map(|t| text_of(text, t)).unwrap_or("")
}

pub(crate) fn is_word(text: &str, toks: &[Tok], i: usize, w: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.shape == Shape::Word && is(text_of(text, t), w))
}

/// A quotation mark, straight or curly (the tokenizer reads curly double quotes as '"').
fn is_quote(t: &Tok) -> bool {
    t.is_punct('"') || t.is_punct('\'') || t.is_punct('«') || t.is_punct('»')
}

/// The be-forms that make a participle passive.
fn is_be(w: &str) -> bool {
    [
        "was", "were", "is", "are", "be", "been", "being", "get", "got", "gets",
    ]
    .iter()
    .any(|b| is(w, b))
}

/// After "and" in a victim phrase: the end of a second noun phrase with no number or
/// determiner of its own ("pro-government fighters") when an auxiliary or a harm word follows
/// it at once, so that both nouns share the count.
fn coordinated_noun_end(toks: &[Tok], from: usize) -> Option<usize> {
    let mut k = from;
    while let Some(t) = toks.get(k) {
        let plain = (t.shape == Shape::Word
            && t.trigger.is_none()
            && !t.number
            && !t.any(AUX | STOP | PREP | CONJ | NEG | DET))
            || t.is_punct('-');
        if !plain || k - from >= 4 {
            break;
        }
        k += 1;
    }
    let next = toks.get(k)?;
    (k > from && (next.any(AUX) || next.trigger.is_some())).then_some(k)
}

/// Reads the victim phrase after a count and whether it is blocked, partitive...
pub fn describe(text: &str, toks: &[Tok], c: &mut Cand) {
    let n = toks.len();
    let mut k = c.b;
    // A count in quotes: believed to hold '[[less than 10]]' hostages.
    if toks.get(k).is_some_and(is_quote) {
        k += 1;
    }
    // "13 more", "13 others" (others is the victim phrase itself).
    if is_word(text, toks, k, "more") {
        c.additive = true;
        k += 1;
    }
    // "13 of them", "13 of whom": a part of the count before; "13 of the hostages".
    if is_word(text, toks, k, "of") {
        let next = word(text, toks, k + 1);
        if is(next, "them") || is(next, "whom") || is(next, "us") {
            c.part_marker = true;
            k += 2;
        } else if toks.get(k + 1).is_some_and(|t| t.any(DET)) {
            c.partitive = true;
            k += 2;
        }
    }
    // "dozens of others", "hundreds of Sunni civilians", "hundreds of bodies".
    if !c.partitive
        && !c.part_marker
        && is_word(text, toks, k, "of")
        && toks.get(k + 1).is_some_and(|t| {
            t.shape == Shape::Word
                && !t.any(DET | PREP | STOP)
                && t.trigger
                    .is_none_or(|m| matches!(m.row().form, Form::Noun | Form::NounOf))
        })
    {
        k += 1;
    }
    // "50 of the more than 300 pupils abducted", "1 of the 22 killings": the inner count
    // belongs to the whole; the victims follow it.
    if c.partitive {
        while toks.get(k).is_some_and(|t| t.number) {
            k += 1;
        }
    }
    let np0 = k;
    while k < n && k - np0 < 6 {
        let t = &toks[k];
        // "13 of the hostages": the noun names the people, not the harm.
        // "2 of the kidnapped officers": a harm word used as an adjective.
        let partitive_noun = c.partitive
            && k == np0
            && t.trigger.is_some_and(|m| {
                m.row().form == Form::Noun
                    || toks.get(k + 1).is_some_and(|nx| {
                        nx.shape == Shape::Word
                            && nx.trigger.is_none()
                            && !nx.any(AUX | STOP | PREP)
                    })
                    // "one of the released was killed", "3 of the wounded died": a
                    // participle used as a noun, with the clause's verb after it.
                    || (m.row().form == Form::Participle
                        && m.len == 1
                        && toks
                            .get(k + 1)
                            .is_some_and(|nx| nx.trigger.is_some() || is_be(text_of(text, nx))))
            });
        if partitive_noun {
            k += 1;
            continue;
        }
        // "5 displaced civilians were killed": a participle describing the people, with the
        // clause's own harm word after them, belongs to the victims.
        let modifier = k == np0
            && t.trigger
                .is_some_and(|m| m.row().form == Form::Participle && m.len == 1)
            && toks.get(k + 1).is_some_and(|x| x.any(PERSON))
            && toks.get(k + 2..(k + 6).min(n)).is_some_and(|r| {
                r.iter().any(|x| {
                    x.trigger
                        .is_some_and(|m| m.row().category == Category::Killed)
                })
            });
        if modifier {
            k += 1;
            continue;
        }
        if t.shape != Shape::Word || t.trigger.is_some() || t.number {
            break;
        }
        // "10 soldiers and pro-government fighters were killed": one count, two nouns, then
        // the verb.
        if k > np0 && is(text_of(text, t), "and") {
            if let Some(v) = coordinated_noun_end(toks, k + 1) {
                k = v;
            }
            break;
        }
        if t.any(STOP | PREP | CONJ | NEG | DET) || is(text_of(text, t), "of") {
            break;
        }
        // "men belonging to the militia": a participle phrase ends the victims; so does a
        // verb of what they went through ("soldiers sustained bullet wounds").
        let w = text_of(text, t);
        if t.any(EXPERIENCE) || SUSTAIN.iter().any(|s| is(w, s)) {
            break;
        }
        if k > np0
            && (w.ends_with("ing") || w.ends_with("ed"))
            && toks
                .get(k + 1)
                .is_some_and(|x| x.any(PREP | DET) || is(text_of(text, x), "of"))
        {
            break;
        }
        if t.any(AUX) {
            // "165 presumed terrorists": an auxiliary-looking word that modifies a noun.
            let modifies = toks.get(k + 1).is_some_and(|nx| {
                nx.shape == Shape::Word
                    && nx.trigger.is_none()
                    && !nx.number
                    && !nx.any(AUX | STOP | PREP | CONJ | DET)
            });
            if !modifies {
                break;
            }
        }
        k += 1;
    }
    if k > np0 {
        c.np = Some((np0, k));
        // The head of the phrase says what is counted: "3 car bombs", "5 days".
        if toks[k - 1].any(THING) || (k - np0 == 1 && toks[np0].any(THING)) {
            c.blocked = true;
        }
    } else if toks
        .get(k)
        .is_some_and(|t| t.any(THING) && t.trigger.is_none())
    {
        c.blocked = true;
    }
    c.after = k;
    if nonfigures::blocked(text, toks, c.a, c.b, c.np) {
        c.blocked = true;
    }
    // "another 13", "a further 13", "an additional 13"; "the other 13", "the remaining 13".
    if c.a >= 1 {
        let p = word(text, toks, c.a - 1);
        if is(p, "another") || is(p, "further") || is(p, "additional") {
            c.additive = true;
        }
        if is(p, "other") || is(p, "remaining") {
            c.partitive = true;
        }
    }
    // "2 Germans were among the kidnapped": a part of the count of the kidnapped; "killed
    // 22 people, at least five children among them".
    let among_at = (c.after..(c.after + 4).min(toks.len()))
        .take_while(|&i| toks[i].shape == Shape::Word)
        .find(|&i| is_word(text, toks, i, "among"));
    if among_at.is_some() {
        c.part_marker = true;
        c.among = true;
    }
    // "a total of 13", "bringing the total to 13", "this brings to 13".
    let lo = c.a.saturating_sub(4);
    c.total = (lo..c.a).any(|i| {
        let w = word(text, toks, i);
        is(w, "total") || is(w, "brings") || is(w, "bringing") || is(w, "altogether")
    });
    // "including 13", "among them 13", "(13", "of whom 13".
    let mut j = c.a;
    let mut steps = 0;
    while j > 0 && steps < 10 {
        let t = &toks[j - 1];
        let w = text_of(text, t);
        if t.any(PART)
            && (is(w, "including") || is(w, "included") || is(w, "include") || is(w, "includes"))
        {
            c.part_marker = true;
            break;
        }
        if (is(w, "them") || is(w, "whom"))
            && j >= 2
            && (is(word(text, toks, j - 2), "among") || is(word(text, toks, j - 2), "of"))
        {
            c.part_marker = true;
            break;
        }
        // "including a farmer and four officers": words of the same breakdown.
        let plain_word = t.shape == Shape::Word
            && t.trigger.is_none()
            && !t.number
            && (!t.any(STOP) || t.any(CONJ))
            && !t.any(PREP | NEG | MODAL);
        // "including an American, an Italian and 4 Indians": the commas of the list too.
        if t.any(DET) || is(w, "another") || is(w, "further") || plain_word || t.is_punct(',') {
            j -= 1;
            steps += 1;
            continue;
        }
        break;
    }
}

/// Whether a modal, a negation or an intention stands in tokens `[from, to)`.
fn hypothetical(text: &str, toks: &[Tok], from: usize, to: usize) -> bool {
    // "May" the month is told from "may" by the tokenizer's case-blind classes: a month
    // name that is also a modal counts only in lower case (see `Tok::month_like`). "Tried"
    // is an attempt only before "to": "tried for the killing of 124" is a trial.
    let to = to.min(toks.len());
    (from..to).any(|k| {
        let t = &toks[k];
        let w = text_of(text, t);
        let trial = ["tried", "trying", "tries"].iter().any(|x| is(w, x))
            && !is_word(text, toks, k + 1, "to");
        t.any(MODAL | NEG) && !t.month_like && !trial
    })
}

/// Whether the token after an active participle is its object (so the count before it is
/// the doer: "3 gunmen killed 13 people").
fn has_object(text: &str, toks: &[Tok], at: usize) -> bool {
    // "2 men stabbed and injured a soldier": the object after a second harm word.
    if is_word(text, toks, at, "and") {
        if let Some(m) = toks.get(at + 1).and_then(|t| t.trigger) {
            if matches!(m.row().form, Form::Participle | Form::Past) {
                let next = at + 1 + usize::from(m.len);
                return !is_word(text, toks, next, "and") && has_object(text, toks, next);
            }
        }
    }
    match toks.get(at) {
        None => false,
        Some(t) if t.number => true,
        Some(t) if t.shape == Shape::Digits => true,
        Some(t) if t.shape == Shape::Word => {
            let w = text_of(text, t);
            t.any(DET | PERSON) && !t.any(PREP) && !is(w, "that") && !is(w, "as")
        }
        _ => false,
    }
}

/// The category of a trigger at token range `tr`, resolving "held"/"captured" by captors.
fn category_of(
    tm: &TriggerMatch,
    toks: &[Tok],
    tr: (usize, usize),
    np: Option<(usize, usize)>,
) -> Category {
    let row = tm.row();
    if !row.captor_sensitive {
        return row.category;
    }
    let lo = tr.0.saturating_sub(10);
    let hi = (tr.1 + 10).min(toks.len());
    for (i, t) in toks.iter().enumerate().take(hi).skip(lo) {
        if np.is_some_and(|(s, e)| i >= s && i < e) {
            continue;
        }
        if t.any(CAPTOR) {
            return Category::Kidnapped;
        }
    }
    Category::Detained
}

fn requires_ok(text: &str, toks: &[Tok], tm: &TriggerMatch, a: usize) -> bool {
    let req = tm.row().requires_before;
    if req.is_empty() {
        return true;
    }
    let lo = a.saturating_sub(4);
    (lo..a).any(|i| req.iter().any(|r| is_word(text, toks, i, r)))
}

/// Verbs by which victims took injuries: "three sustained bullet wounds", "four got light
/// injuries" (with [`EXPERIENCE`]'s "suffered").
const SUSTAIN: &[&str] = &["sustained", "received", "got", "sustaining", "suffering"];

/// Nouns of injuries such a verb takes.
const INJURY_NOUNS: &[&str] = &["injuries", "injury", "wounds", "wound", "burns"];

/// Skips one aside after a count's victims: a bracket, a comma or dash pair, or a place
/// phrase, when what follows it continues the clause (an auxiliary or a harm word).
fn skip_aside(text: &str, toks: &[Tok], k: usize) -> usize {
    let n = toks.len();
    let Some(t) = toks.get(k) else { return k };
    let continues = |j: usize| {
        toks.get(j)
            .is_some_and(|x| x.trigger.is_some() || (x.any(AUX) && x.shape == Shape::Word))
    };
    let close = if t.is_punct('(') {
        Some(')')
    } else if t.is_punct(',') {
        Some(',')
    } else if t.is_punct('—') {
        Some('—')
    } else {
        None
    };
    // "The remaining 17 policemen--taken by the rebels in May--are still held": a
    // typewriter dash pair.
    if t.is_punct('-') && toks.get(k + 1).is_some_and(|x| x.is_punct('-')) {
        for j in k + 2..(k + 30).min(n.saturating_sub(1)) {
            if toks[j].is_punct('-') && toks[j + 1].is_punct('-') {
                return if continues(j + 2) { j + 2 } else { k };
            }
        }
        return k;
    }
    // "Ten guards, including two soldiers were killed": the breakdown after a comma.
    if t.is_punct(',')
        && toks
            .get(k + 1)
            .is_some_and(|x| is(text_of(text, x), "including"))
    {
        let j = skip_aside(text, toks, k + 1);
        if j > k + 1 {
            return j;
        }
    }
    // "Three victims, aged 19, 23 and 40, were killed": an age list between commas.
    if t.is_punct(',') && is_word(text, toks, k + 1, "aged") {
        let mut j = k + 2;
        while j < n
            && j < k + 14
            && (toks[j].shape == Shape::Digits
                || (toks[j].is_punct(',')
                    && toks.get(j + 1).is_some_and(|x| x.shape == Shape::Digits))
                || is(text_of(text, &toks[j]), "and"))
        {
            j += 1;
        }
        if toks.get(j).is_some_and(|x| x.is_punct(','))
            && toks
                .get(j + 1)
                .is_some_and(|x| x.trigger.is_some() || (x.any(AUX) && x.shape == Shape::Word))
        {
            return j + 1;
        }
    }
    // "Three security personnel, were killed": a stray comma before the passive.
    if t.is_punct(',')
        && toks
            .get(k + 1)
            .is_some_and(|x| x.shape == Shape::Word && is_be(text_of(text, x)))
    {
        return k + 1;
    }
    // "Three soldiers, who were wounded in an attack on Tuesday, have died": a relative
    // clause between commas; the harm word after it is the count's, else the clause's own
    // ("four policemen, who were hurt in the blast, said ...").
    if t.is_punct(',') && (is_word(text, toks, k + 1, "who") || is_word(text, toks, k + 1, "whom"))
    {
        let end = (k + 16).min(n);
        if let Some(j) = (k + 2..end).find(|&j| toks[j].is_punct(',')) {
            let harm_after = (j + 1..(j + 7).min(n))
                .take_while(|&x| toks[x].shape == Shape::Word)
                .any(|x| toks[x].trigger.is_some());
            return if continues(j + 1) && harm_after {
                j + 1
            } else {
                k + 1
            };
        }
    }
    if let Some(cl) = close {
        let limit = if cl == ')' { 30 } else { 12 };
        for (j, x) in toks.iter().enumerate().take((k + limit).min(n)).skip(k + 1) {
            // "13 people, mostly homeless, died": a harm word that describes the people
            // ("mostly", "mainly", "all" before it) is no harm of the aside.
            let describes = toks.get(j.wrapping_sub(1)).is_some_and(|p| {
                ["mostly", "mainly", "largely", "all", "many", "most"]
                    .iter()
                    .any(|w| is(text_of(text, p), w))
            });
            if x.trigger.is_some() && cl != ')' && !describes {
                return long_subject(text, toks, k);
            }
            if x.is_punct(cl) {
                return if continues(j + 1) {
                    j + 1
                } else {
                    long_subject(text, toks, k)
                };
            }
        }
        return k;
    }
    let w = text_of(text, t);
    // "three men who were working on the road were killed": a relative clause with no harm
    // word of its own, then the count's be-form (a harm word inside the clause is the
    // count's: "who were kidnapped last week were found dead", read from it).
    if (is(w, "who") || is(w, "that")) && t.shape == Shape::Word {
        let mut own_verb = false;
        for (j, x) in toks.iter().enumerate().take((k + 14).min(n)).skip(k + 1) {
            if x.trigger.is_some() || x.number || (x.is_any_punct() && !x.is_punct('-')) {
                return k;
            }
            let xw = text_of(text, x);
            if own_verb && x.shape == Shape::Word && is_be(xw) {
                return j;
            }
            own_verb |= x.shape == Shape::Word && !x.any(AUX);
        }
        return k;
    }
    // "11 officials including 7 soldiers were killed", "6 people including a woman were
    // killed": the breakdown stands between the count and its passive.
    if is(w, "including") {
        // "13 people including civilians, cadets and a bomber have been killed".
        // "15 people including an officer and a local official died outside": the
        // breakdown stands before an intransitive or reduced harm word too.
        for (j, x) in toks.iter().enumerate().take((k + 14).min(n)).skip(k + 1) {
            if x.shape == Shape::Word && x.any(AUX) && is_be(text_of(text, x)) {
                return j;
            }
            let own_verb = x.trigger.is_some_and(|m| {
                matches!(m.row().form, Form::Intrans | Form::Adj | Form::Participle)
            });
            if own_verb && j > k + 1 && !toks[j - 1].is_punct(',') {
                return j;
            }
            if (x.is_any_punct() && !x.is_punct(',')) || x.trigger.is_some() || x.any(NEG | MODAL) {
                return k;
            }
        }
        return k;
    }
    // "Two girls aged 6 and 4 are killed": an age between the count and its passive.
    if is(w, "aged") {
        let mut j = k + 1;
        while j < n
            && j < k + 6
            && (toks[j].shape == Shape::Digits
                || toks[j].is_punct(',')
                || is(text_of(text, &toks[j]), "and"))
        {
            j += 1;
        }
        if j > k + 1
            && toks
                .get(j)
                .is_some_and(|x| x.any(AUX) || x.trigger.is_some())
        {
            return j;
        }
        return k;
    }
    // A place phrase or a participle phrase before a passive: "two guards at the embassy
    // were killed", "five men belonging to the militia were executed".
    let participle = t.trigger.is_none()
        && t.class & (AUX | STOP | PREP) == 0
        && (w.ends_with("ing") || w.ends_with("ed"))
        && toks.get(k + 1).is_some_and(|x| x.any(PREP) || x.any(DET));
    if t.shape == Shape::Word
        && (participle
            || [
                "at", "in", "of", "from", "on", "near", "inside", "outside", "as", "with", "for",
            ]
            .iter()
            .any(|p| is(w, p)))
    {
        for (j, x) in toks.iter().enumerate().take((k + 8).min(n)).skip(k + 1) {
            if x.shape == Shape::Word && x.any(AUX) && is_be(text_of(text, x)) {
                return if j > k + 1 { j } else { k };
            }
            // "two officers guarding a church in the town died".
            if j > k + 1 && predicate_harm(toks, j) {
                return j;
            }
            // (A count of groups is part of the phrase: "seven people from one family".)
            let group_count = x.number && toks.get(j + 1).is_some_and(|y| y.any(GROUP));
            if x.shape != Shape::Word
                || x.trigger.is_some()
                || (x.number && !group_count)
                || x.any(STOP | NEG | MODAL)
            {
                return long_subject(text, toks, k);
            }
        }
    }
    long_subject(text, toks, k)
}

/// Whether token `j` is an intransitive or adjective harm word that a subject before it
/// takes as its predicate ("... died", "... dead"), not "the dead" named as people ("with
/// the dead bodies of ...").
fn predicate_harm(toks: &[Tok], j: usize) -> bool {
    toks.get(j)
        .and_then(|t| t.trigger)
        .is_some_and(|m| matches!(m.row().form, Form::Intrans | Form::Adj))
        && j.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_none_or(|p| !p.any(DET | PREP))
}

/// Digits with an ordinal's ending: "3rd", "45th", "21st".
fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let tail = w.get(digits..).unwrap_or("");
    digits > 0
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| tail.eq_ignore_ascii_case(s))
}

/// A long subject before its passive: "Three members of the Rural Police Corps driving
/// home were killed", "Five guards of a party office have been killed", "Seven Border
/// Force (BF) personnel are killed", "One U.S. soldier was wounded", "over 100 men, women
/// and children were hurt". Words (no harm word, number, negation, modal or clause word such
/// as "who", "where", "said") up to a be-form, or "has/have/had been"; commas and "and"
/// only inside a plain list of people.
fn long_subject(text: &str, toks: &[Tok], k: usize) -> usize {
    let n = toks.len();
    let end = (k + 14).min(n);
    let mut people_only = true;
    let mut j = k;
    while j < end {
        let x = &toks[j];
        // "members of the 3rd Brigade", "officers from the 45th precinct": an ordinal is a
        // word of the subject's name.
        if !x.number && x.shape == Shape::Digits && is_ordinal(text_of(text, x)) {
            people_only = false;
            j += 1;
            continue;
        }
        if x.number {
            // "members of one family": a count inside the subject's own phrase.
            if !(j > k && is(text_of(text, &toks[j - 1]), "of")) {
                return k;
            }
            people_only = false;
            j += 1;
            continue;
        }
        if x.shape == Shape::Word {
            let w = text_of(text, x);
            let have = is(w, "has") || is(w, "have") || is(w, "had");
            if is_be(w) || (have && is_word(text, toks, j + 1, "been")) {
                return if j > k { j } else { k };
            }
            // "25 members of one family, ... killed by an air strike": a reduced passive
            // (headlines, bullet lines) ends the subject at its participle.
            let reduced = x.trigger.is_some_and(|m| m.row().form == Form::Participle)
                && j > k
                && toks
                    .get(j + usize::from(x.trigger.map_or(1, |m| m.len)))
                    .is_none_or(|y| y.is_any_punct() || y.any(PREP));
            if reduced {
                return j;
            }
            // "At least one member of the mission (MINUSMA) died": an intransitive or
            // adjective harm word ends the subject too.
            if j > k && predicate_harm(toks, j) {
                return j;
            }
            if x.trigger.is_some() || x.any(NEG | MODAL) {
                return k;
            }
            if x.any(CONJ) {
                // "men, women and children": the list goes on with people; "the Faculty of
                // Law and Economics": a conjunction inside a name.
                let in_name = j > k
                    && starts_upper(text_of(text, &toks[j - 1]))
                    && toks
                        .get(j + 1)
                        .is_some_and(|y| starts_upper(text_of(text, y)));
                let people_list = people_only && toks.get(j + 1).is_some_and(|y| y.any(PERSON));
                if !(in_name || people_list) {
                    return k;
                }
            } else if x.any(STOP) {
                return k;
            }
            people_only &= x.any(PERSON);
        } else if x.is_punct(',') {
            // "Two men belonging to the Border Guard, were shot": a stray comma before the
            // passive.
            let stray = toks
                .get(j + 1)
                .is_some_and(|y| y.shape == Shape::Word && is_be(text_of(text, y)));
            // ", including 18 children,": a breakdown between commas is an aside.
            if is_word(text, toks, j + 1, "including") {
                match (j + 2..end).find(|&e| toks[e].is_punct(',')) {
                    Some(e) => {
                        j = e + 1;
                        continue;
                    }
                    None => return k,
                }
            }
            if !people_only && !stray {
                return k;
            }
        } else if x.is_punct('(') {
            // "Two guards (one Briton and one Kenyan) were killed": a bracket is an aside,
            // whatever it holds. A closing bracket met first ends a breakdown in brackets
            // ("(three guards and one civilian) were killed"), not a subject of its own.
            match (j + 1..end).find(|&e| toks[e].is_punct(')')) {
                Some(e) => j = e,
                None => return k,
            }
        } else if !(x.is_punct('.') || x.is_punct('-')) {
            return k;
        }
        j += 1;
    }
    k
}

/// The harm word after the count: "13 (people) (were) killed".
pub fn forward(text: &str, toks: &[Tok], c: &Cand) -> Option<Attach> {
    let n = toks.len();
    let mut k = c.after;
    // "five terrorists and an Army corporal were killed": a one-person item joins the list.
    if is_word(text, toks, k, "and")
        && toks
            .get(k + 1)
            .is_some_and(|t| is(text_of(text, t), "a") || is(text_of(text, t), "an"))
    {
        let mut j = k + 2;
        while j < n
            && j - k < 6
            && toks[j].shape == Shape::Word
            && toks[j].class & (STOP | PREP | AUX) == 0
            && toks[j].trigger.is_none()
        {
            j += 1;
        }
        k = j;
    }
    // "13 people, including 4 children, were killed", "2 guards at the embassy were killed",
    // "11 people (including the ambassador) hostage": skip an aside or a place phrase.
    let aside = k;
    k = skip_aside(text, toks, k);
    let aside = (aside, k);
    // "This brings to 24 the number of soldiers held by rebels".
    if is_word(text, toks, k, "the")
        && is_word(text, toks, k + 1, "number")
        && is_word(text, toks, k + 2, "of")
    {
        let lo = k + 3;
        let hit = (lo..(lo + 7).min(n)).find(|&j| {
            toks[j]
                .trigger
                .is_some_and(|m| matches!(m.row().form, Form::Participle | Form::Adj | Form::Noun))
        });
        if let Some(j) = hit {
            if (lo..j).all(|x| toks[x].shape == Shape::Word && toks[x].trigger.is_none()) {
                let tm = toks[j].trigger?;
                let tr = (j, j + usize::from(tm.len));
                return Some(Attach {
                    category: category_of(&tm, toks, tr, Some((lo, j))),
                    trigger: tr,
                    how: How::Forward,
                    rule: Construction::NumberOf,
                    confidence: confidence::FAR,
                });
            }
        }
    }
    let chain0 = k;
    let mut be = false;
    let mut among = false;
    // Through a place word to a shelter ("18,000 people inside relief camps"), or through a
    // verb of experience to the harm the victims tell of ("described unlawful confinement").
    let mut via_place = false;
    let mut via_experience = false;
    while k < n && k - chain0 < 6 {
        let t = &toks[k];
        if t.trigger.is_some() || t.shape != Shape::Word {
            break;
        }
        let w = text_of(text, t);
        let placeword = [
            "in",
            "inside",
            "at",
            "sheltering",
            "staying",
            "living",
            "housed",
        ]
        .iter()
        .any(|p| is(w, p));
        let sustain = SUSTAIN.iter().any(|s| is(w, s));
        if placeword || t.any(EXPERIENCE) || sustain {
            let hit = (k + 1..(k + 4).min(n)).find(|&j| toks[j].trigger.is_some());
            let ok_between = |j: usize| {
                (k + 1..j).all(|x| toks[x].shape == Shape::Word && !toks[x].any(STOP | NEG))
            };
            if let Some(j) = hit.filter(|&j| ok_between(j)) {
                let row = toks[j].trigger.map(|m| m.row());
                if placeword && row.is_some_and(|r| r.form == Form::Shelter) {
                    via_place = true;
                    k = j;
                    break;
                }
                let told = row.is_some_and(|r| {
                    r.form == Form::Adj
                        && matches!(r.category, Category::Detained | Category::Kidnapped)
                });
                // "three sustained bullet wounds", "four got light injuries".
                let wound = INJURY_NOUNS.iter().any(|x| is_word(text, toks, j, x));
                if (t.any(EXPERIENCE) && told) || ((t.any(EXPERIENCE) || sustain) && wound) {
                    via_experience = true;
                    k = j;
                    break;
                }
            }
        }
        // "are expected to be released": modality is read below (a presupposing verb
        // keeps its count, any other harm word loses it).
        if t.any(MODAL) && !t.month_like {
            k += 1;
            continue;
        }
        if t.any(AUX) {
            be |= is_be(w);
            among |= is(w, "among");
            k += 1;
            continue;
        }
        if among && is(w, "the") {
            k += 1;
            continue;
        }
        // "were partially injured", "were ambushed and killed".
        if w.len() > 4 && w.ends_with("ly") {
            k += 1;
            continue;
        }
        if be && w.ends_with("ed") && is_word(text, toks, k + 1, "and") {
            k += 2;
            continue;
        }
        // "were dragged from their car and killed", "were taken to a field and shot": the
        // participle's short place phrase, then "and".
        if be
            && (w.ends_with("ed") || is(w, "taken"))
            && toks.get(k + 1).is_some_and(|p| p.any(PREP))
        {
            let and = (k + 2..(k + 6).min(n)).find(|&j| is_word(text, toks, j, "and"));
            let plain = |j: usize| {
                toks[j].shape == Shape::Word && toks[j].trigger.is_none() && !toks[j].number
            };
            if let Some(a) = and.filter(|&a| (k + 2..a).all(plain)) {
                k = a + 1;
                continue;
            }
        }
        break;
    }
    let Some(tm) = toks.get(k).and_then(|t| t.trigger) else {
        return partitive_noun(toks, c);
    };
    let tr = (k, k + usize::from(tm.len));
    let row = tm.row();
    let direct = k == chain0;
    // "all the four injured soldiers were evacuated", "the 12 kidnapped girls": a
    // participle right after the count that describes the people named after it.
    let adjectival = c.np.is_none()
        && k == c.b
        && toks.get(tr.1).is_some_and(|t| t.any(PERSON) && !t.any(DET))
        && toks
            .get(tr.1 + 1)
            .is_none_or(|t| !t.number && t.shape != Shape::Digits && !t.any(DET | THING));
    let ok = match row.form {
        _ if via_experience => true,
        Form::Shelter => via_place,
        Form::Adj | Form::Intrans => true,
        // ("77 confirmed deaths": a word of record between.)
        Form::Noun | Form::NounOf => {
            let recorded = k == chain0 + 1
                && ["confirmed", "reported", "recorded", "known", "registered"]
                    .iter()
                    .any(|w| is_word(text, toks, chain0, w));
            (direct || (recorded && row.form == Form::Noun)) && requires_ok(text, toks, &tm, c.a)
        }
        Form::Participle => be || adjectival || !has_object(text, toks, tr.1),
        _ => false,
    };
    if !ok || !row_fits(text, toks, &tm, c) {
        return None;
    }
    // "could kill" before the count: "thousands could die", "may leave 13 dead".
    // A modal inside the aside belongs to its own clause: "four policemen, who tried to
    // stop the car, were wounded".
    if !row.presupposed
        && (hypothetical(text, toks, c.b, aside.0)
            || hypothetical(text, toks, aside.1, k)
            || hypothetical(text, toks, c.a.saturating_sub(3), c.a))
    {
        return None;
    }
    let mut conf: f32 = if direct {
        confidence::BESIDE
    } else {
        confidence::CLOSE
    };
    if !c
        .np
        .is_some_and(|(s, e)| toks[s..e].iter().any(|t| t.any(PERSON)))
        && c.np.is_some()
    {
        conf -= confidence::NOT_PEOPLE;
    }
    Some(Attach {
        category: category_of(&tm, toks, tr, c.np),
        trigger: tr,
        how: How::Forward,
        rule: if via_place {
            Construction::Shelter
        } else if via_experience {
            Construction::Experience
        } else {
            Construction::Forward
        },
        confidence: conf,
    })
}

/// Whether a row's conditions hold for a count: people named where the row needs them
/// ("lost 9 relatives"), a story of captives where the row needs one ("50 have escaped").
fn row_fits(text: &str, toks: &[Tok], tm: &TriggerMatch, c: &Cand) -> bool {
    let row = tm.row();
    if (row.needs_captivity && !c.captivity) || (row.needs_captors && !c.captors) {
        return false;
    }
    if row.needs_person {
        // A noun of people, or a people's name in the plural: "stabbed two Israelis".
        let people = c.np.is_some_and(|(s, e)| {
            toks.get(s..e).is_some_and(|v| {
                v.iter().any(|t| t.any(PERSON))
                    || v.last().is_some_and(|t| {
                        let w = text_of(text, t);
                        starts_upper(w)
                            && w.len() > 3
                            && w.ends_with('s')
                            && w.bytes().skip(1).any(|b| b.is_ascii_lowercase())
                    })
            })
        });
        if !people {
            return false;
        }
    }
    true
}

/// "2 of the hostages escaped": with no harm word of its own, a partitive count takes the
/// kind its noun names (hostages are kidnapped, refugees displaced).
fn partitive_noun(toks: &[Tok], c: &Cand) -> Option<Attach> {
    if !c.partitive {
        return None;
    }
    let (s, e) = c.np?;
    let k = (s..e).find(|&k| {
        toks[k]
            .trigger
            .is_some_and(|m| matches!(m.row().form, Form::Noun | Form::Participle))
    })?;
    let tm = toks[k].trigger?;
    Some(Attach {
        category: tm.row().category,
        trigger: (k, k + usize::from(tm.len)),
        how: How::Forward,
        rule: Construction::Partitive,
        confidence: confidence::PARTITIVE,
    })
}

/// Words a running count may pass before its number: "the death toll (from the blast in
/// the capital) rose to 13".
fn toll_gap_ok(t: &Tok) -> bool {
    t.shape == Shape::Word || t.is_punct(':') || t.is_punct('-')
}

/// Where a person named after a capitalised title ends right before token `end` ("Mayor
/// Ruiz", "Col. Yuri Petrov"): the title's index.
fn titled_before(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    (end.saturating_sub(5)..end)
        .rev()
        .find(|&t| implicit::titled_name(text, toks, t) == Some(end))
}

/// The harm word before the count: "killed (at least) 13", "the death toll rose to 13".
pub fn backward(text: &str, toks: &[Tok], c: &Cand, trig_end: &[Option<usize>]) -> Option<Attach> {
    let mut j = c.a;
    let mut gap = 0usize;
    let mut strict = true;
    let mut crossed_number = false;
    loop {
        if let Some(Some(s)) = trig_end.get(j) {
            let s = *s;
            let tm = toks.get(s)?.trigger?;
            let row = tm.row();
            let tr = (s, j);
            let the_before = s > 0 && {
                let w = word(text, toks, s - 1);
                is(w, "the") || is(w, "those")
            };
            let passive = s > 0 && is_be(word(text, toks, s - 1)) && row.form == Form::Participle;
            // "Killed: 12", "• Injured - 40": a label opening a line or bullet.
            let label = gap == 1
                && toks
                    .get(c.a - 1)
                    .is_some_and(|t| t.is_punct(':') || t.is_punct('-') || t.is_punct('—'))
                && (s == 0 || toks.get(s - 1).is_some_and(|t| t.is_any_punct()));
            // "the number of people displaced ... stands at 140,000": a running count.
            let counted = matches!(row.form, Form::Participle | Form::Adj | Form::Noun)
                && number_of_before(text, toks, s);
            let ok = match row.form {
                _ if crossed_number && row.form != Form::Toll => false,
                _ if label => true,
                _ if counted => gap <= TOLL_GAP,
                Form::Participle if passive && !the_before => false,
                // How far each form reaches is data (`reach::BACKWARD`); these add the
                // conditions on the words themselves.
                Form::Toll => {
                    reaches(row.form, gap, strict, the_before)
                        && !toll_verb_mismatch(text, toks, c.a)
                }
                // "the relief camps in the district are serving 11,600 people".
                Form::Shelter => {
                    reaches(row.form, gap, strict, the_before)
                        && c.a >= 1
                        && toks.get(c.a - 1).is_some_and(|t| t.any(HOSTING))
                }
                _ => reaches(row.form, gap, strict, the_before),
            };
            if !ok || !row_fits(text, toks, &tm, c) {
                return None;
            }
            if !row.presupposed && hypothetical(text, toks, s.saturating_sub(3), s) {
                return None;
            }
            let conf = if gap == 0 {
                confidence::BESIDE
            } else if strict {
                confidence::CLOSE
            } else {
                confidence::FAR
            };
            let rule = match row.form {
                _ if label => Construction::Label,
                _ if counted => Construction::Running,
                Form::Toll => Construction::Toll,
                Form::Shelter => Construction::Hosting,
                Form::Adj | Form::Noun => Construction::TheHarmed,
                Form::Participle if the_before => Construction::TheHarmed,
                _ => Construction::Backward,
            };
            return Some(Attach {
                category: category_of(&tm, toks, tr, c.np),
                trigger: tr,
                how: How::Backward,
                rule,
                confidence: conf,
            });
        }
        if j == 0 || gap >= TOLL_GAP {
            return None;
        }
        let t = &toks[j - 1];
        // "killing a policeman and two civilians": a singular victim before the count
        // shares its harm word.
        if gap == 0 && is(text_of(text, t), "and") {
            // "killing himself and two guards": so does the doer's own death.
            if j >= 2 && toks[j - 2].any(REFLEXIVE) {
                j -= 2;
                gap += 1;
                continue;
            }
            let det = (j.saturating_sub(6)..j.saturating_sub(1)).rev().find(|&d| {
                ["a", "an", "another"]
                    .iter()
                    .any(|x| is_word(text, toks, d, x))
            });
            let person = det.is_some_and(|d| {
                toks.get(j - 2).is_some_and(|x| x.any(ONE_PERSON))
                    && toks[d + 1..j - 1].iter().all(|x| {
                        x.shape == Shape::Word && x.trigger.is_none() && !x.any(STOP | PREP)
                    })
            });
            if let (Some(d), true) = (det, person) {
                j = d;
                gap += 1;
                continue;
            }
            // ... or a person named after a title: "killing Mayor Ruiz and two bodyguards".
            if let Some(d) = titled_before(text, toks, j - 1) {
                j = d;
                gap += 1;
                continue;
            }
        }
        // "believed to hold 'less than 10' hostages": quotes are transparent.
        if is_quote(t) {
            j -= 1;
            continue;
        }
        // "the death toll from the two truck bombs rose to 31": only a running count may
        // reach over another number (a count of things inside its phrase).
        if (t.number || t.shape == Shape::Digits)
            && toks
                .get(j)
                .is_some_and(|n| n.shape == Shape::Word && !n.number)
            && j < c.a
        {
            crossed_number = true;
            strict = false;
            j -= 1;
            gap += 1;
            continue;
        }
        if t.number || t.shape == Shape::Digits || !toll_gap_ok(t) {
            return None;
        }
        if t.trigger.is_some() {
            // Inside a multi-word trigger: trig_end points at its end only.
        }
        // ("injuring critically 5 others": a degree stands where "another" may.)
        if !t.any(GAP | DEGREE) {
            strict = false;
        }
        j -= 1;
        gap += 1;
    }
}

/// Verbs that report a running count's number: "the toll rose to 45", "the number of dead
/// reached 30". Another verb in "-ed" right before the count makes the toll its subject
/// only: "the mounting toll sparked two coups".
const TOLL_VERBS: &[&str] = &[
    "rose",
    "risen",
    "reached",
    "climbed",
    "jumped",
    "increased",
    "stood",
    "hit",
    "passed",
    "topped",
    "exceeded",
    "surpassed",
    "doubled",
    "soared",
    "mounted",
    "revised",
    "raised",
    "updated",
    "numbered",
    "included",
    "lowered",
    "reduced",
    "fell",
    "dropped",
    "totalled",
    "totaled",
    "stabilised",
    "stabilized",
    "confirmed",
    "estimated",
    "reported",
    "put",
];

fn toll_verb_mismatch(text: &str, toks: &[Tok], a: usize) -> bool {
    let Some(t) = a.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    let w = text_of(text, t);
    t.shape == Shape::Word
        && w.len() > 3
        && w.ends_with("ed")
        && !t.any(GAP)
        && !TOLL_VERBS.iter().any(|v| is(w, v))
}

/// Whether "number of" (with "people" and an adverb between) stands just before the
/// harm word at token `s`: "the number of people (temporarily) displaced".
fn number_of_before(text: &str, toks: &[Tok], s: usize) -> bool {
    let lo = s.saturating_sub(6);
    (lo..s).rev().any(|i| {
        is_word(text, toks, i, "of")
            && i >= 1
            && is_word(text, toks, i - 1, "number")
            && toks[i + 1..s]
                .iter()
                .all(|t| t.shape == Shape::Word || t.is_punct('/'))
    })
}

/// Whether `y` is an item of a list whose harm word stood with an earlier count `x` and is
/// left out after it ("31 died in the capital, 12 in the north and 4 in the port", "14 staff
/// were killed, as well as 24 patients and 4 carers", "28 have been killed, 17 in the past
/// week"): `y` follows a joiner, names people or no one, and has no verb of its own.
pub fn elided(text: &str, toks: &[Tok], x: &Cand, y: &Cand) -> bool {
    // ("injuring five, one in critical condition": a degree, read by `parts.rs`.)
    if y.a <= x.b || degree_after(text, toks, y.b) {
        return false;
    }
    // The joiner right before the count: ",", "and", ", and", "as well as", "another".
    let mut k = y.a;
    while k > x.b && (is_word(text, toks, k - 1, "another") || is_word(text, toks, k - 1, "a")) {
        k -= 1;
    }
    let joined = k > x.b
        && toks.get(k - 1).is_some_and(|t| {
            t.is_punct(',') || t.is_punct(';') || is(text_of(text, t), "and") || {
                is(text_of(text, t), "as")
                    && k >= 3
                    && is_word(text, toks, k - 2, "well")
                    && is_word(text, toks, k - 3, "as")
            }
        });
    if !joined {
        return false;
    }
    // Who: no one named, "more", or people (a phrase that does not end in a thing).
    let people = y.np.is_none_or(|(s, e)| {
        toks.get(s..e).is_some_and(|v| {
            v.iter().any(|t| t.any(PERSON))
                || v.iter().all(|t| t.any(GAP))
                || v.iter()
                    .all(|t| !t.any(THING) && !text_of(text, t).ends_with("ed"))
        })
    });
    if !people {
        return false;
    }
    // No verb of its own: the clause goes on with a place or time phrase, a bracket, the
    // next item, or ends.
    match toks.get(y.after) {
        None => true,
        Some(t) if t.is_any_punct() => true,
        Some(t) if t.any(CONJ) => toks
            .get(y.after + 1)
            .is_none_or(|u| u.number || u.is_any_punct() || u.any(PREP)),
        Some(t) => {
            t.any(PREP)
                || ["last", "this", "overnight", "yesterday", "today", "more"]
                    .iter()
                    .any(|w| is(text_of(text, t), w))
        }
    }
}

/// Whether the count at `y` gives an earlier value or the change of a count before it in
/// its sentence: "rose to 45 from the initially reported 18", "a decline of 3% from
/// 32,814", "up from 12", "an increase of 5,400 people", "updated it to 21".
pub fn compared(text: &str, toks: &[Tok], y: &Cand) -> bool {
    let people = y.np.is_none_or(|(s, e)| {
        toks.get(s..e)
            .is_some_and(|v| v.iter().any(|t| t.any(PERSON)))
    });
    if !people {
        return false;
    }
    let lo = y.a.saturating_sub(5);
    for k in (lo..y.a).rev() {
        let t = &toks[k];
        let w = text_of(text, t);
        if t.any(COMPARE) {
            return true;
        }
        // "updated it to 21", "revised it to 30".
        if is(w, "it") && k >= 1 && TOLL_VERBS.iter().any(|v| is_word(text, toks, k - 1, v)) {
            return true;
        }
        let filler = [
            "the",
            "of",
            "to",
            "at",
            "an",
            "a",
            "reported",
            "estimated",
            "figure",
        ]
        .iter()
        .any(|f| is(w, f));
        if !(filler && t.shape == Shape::Word) {
            return false;
        }
    }
    false
}

/// Conditions a degree of harm names after a count: "one in critical condition".
const CONDITIONS: &[&str] = &["critical", "serious", "severe", "grave", "stable"];

/// Whether a degree of harm follows the count ending at token `b`, then the end of its
/// clause: "[four] seriously", "[one] in critical condition", "[two] critically and ...".
pub(crate) fn degree_after(text: &str, toks: &[Tok], b: usize) -> bool {
    let end = if toks.get(b).is_some_and(|t| t.any(DEGREE)) {
        b + 1
    } else if is_word(text, toks, b, "in")
        && toks
            .get(b + 1)
            .is_some_and(|t| CONDITIONS.iter().any(|c| is(text_of(text, t), c)))
        && is_word(text, toks, b + 2, "condition")
    {
        b + 3
    } else {
        return false;
    };
    toks.get(end)
        .is_none_or(|t| t.is_any_punct() || is(text_of(text, t), "and"))
}

/// Whether candidates `x` (earlier) and `y` are items of one list: only commas, "and",
/// dashes and place phrases ("in Baghdad") stand between them.
pub fn coordinated(text: &str, toks: &[Tok], x: &Cand, y: &Cand) -> bool {
    let from = x.after.max(x.b);
    // "26 people, 4 of whom are policemen": a part, not a list item.
    if from > y.a || y.part_marker {
        return false;
    }
    // "injuring nine others, three critically": a degree of harm makes a part of the count
    // before (`parts.rs`), not another item of its list.
    if degree_after(text, toks, y.b) {
        return false;
    }
    let mut joined = false;
    let mut k = from;
    while k < y.a {
        let t = &toks[k];
        let w = text_of(text, t);
        if t.is_punct('(') {
            // "182 civilians (171 of them farmers), twelve policemen".
            match (k + 1..y.a).find(|&j| toks[j].is_punct(')')) {
                Some(j) => {
                    k = j + 1;
                    continue;
                }
                None => return false,
            }
        }
        if t.is_punct(',') || t.any(CONJ) {
            joined = true;
            k += 1;
            continue;
        }
        if is(w, "as") && is_word(text, toks, k + 1, "well") && is_word(text, toks, k + 2, "as") {
            joined = true;
            k += 3;
            continue;
        }
        // "of whom 121 are children and 59 women": the predicate of a breakdown.
        if x.part_marker && t.shape == Shape::Word && is_be(w) {
            k += 1;
            while k < y.a && toks[k].any(PERSON) {
                k += 1;
            }
            continue;
        }
        // A place phrase: "in Baghdad", "at the Karma checkpoint", "across East Africa".
        let place_prep = [
            "in",
            "at",
            "near",
            "on",
            "across",
            "throughout",
            "inside",
            "outside",
        ]
        .iter()
        .any(|p| is(w, p));
        if place_prep && k + 1 < y.a {
            let mut m = k + 1;
            while m < y.a
                && (is(word(text, toks, m), "the") || starts_upper(text_of(text, &toks[m])))
            {
                m += 1;
            }
            if m > k + 1 {
                k = m;
                continue;
            }
            return false;
        }
        if is(w, "another") || is(w, "a") || is(w, "further") || is(w, "the") {
            k += 1;
            continue;
        }
        return false;
    }
    joined
}
