//! Background figures (GUIDELINES.md "Incidents and document totals"): tolls of a longer war
//! or period than the document's incidents, and earlier events given as context. They stay in
//! the report, marked, but belong to no incident and never enter a total.
//!
//! A figure is background when its sentence says so:
//! * a **strong** cue ([`STRONG`], "since" + a year or month, a year before the document's
//!   own) marks it anywhere, even in the lead;
//! * a **weak** cue ([`WEAK`], a month named alone, "this year", "last week") marks it outside
//!   the lead (the headline and first reporting sentences, whose period is the story's own:
//!   a weekly round-up's "in the past week" is its incident);
//! * outside the lead, a count far above the lead's ([`FAR_ABOVE`] times), or above it
//!   ([`ABOVE`] times) in the perfect tense ("have been killed"), is a war's or period's toll;
//! * a sentence that goes on about the background just before ("The attacks included ...",
//!   "Most of those killed ...", [`ANAPHORA`]) is background too.

use std::sync::LazyLock;

use super::dates::{find_phrase, written_dates, Date};
use crate::figures::RawFigure;
use crate::text::phrases::Phrases;
use crate::text::tokens::alnum_runs;
use crate::text::Document;
use crate::vocab::Qualifier;

/// What a figure is to the document's incidents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Part of an incident the document reports as news.
    Incident,
    /// A toll of a longer period or an earlier event given as context.
    Background,
    /// A candidate total of several incidents ("in two attacks"): a summary where the
    /// document reports the incidents themselves, else an incident of its own.
    Summary,
}

/// Strong cues: background wherever they stand. Each row: the phrase (whole words, any case)
/// and an example in our own wording.
pub const STRONG: &[(&str, &str)] = &[
    ("decade-long", "thousands died in a decade-long insurgency"),
    ("years-long", "the years-long war has killed 9,000"),
    (
        "decades-long",
        "a decades-long conflict that killed tens of thousands",
    ),
    (
        "the conflict has",
        "the conflict has killed more than 5,000",
    ),
    ("the war has", "the war has displaced two million"),
    ("the insurgency has", "the insurgency has cost 800 lives"),
    ("a war that", "a war that cost over a million lives"),
    ("the war that", "the war that killed 300,000"),
    (
        "conflict that",
        "a sectarian conflict that killed thousands",
    ),
    ("insurgency that", "an insurgency that has killed 2,000"),
    ("since the war", "400 have died since the war began"),
    (
        "since the conflict",
        "3,000 killed since the conflict erupted",
    ),
    (
        "since the start",
        "1,200 dead since the start of the uprising",
    ),
    (
        "since the beginning",
        "900 killed since the beginning of the year",
    ),
    ("deadliest since", "the deadliest since 2017, when 500 died"),
    (
        "worst since",
        "the worst since 2015, when a blast killed 40",
    ),
    ("bloodiest since", "the bloodiest since March, when 60 died"),
    ("years ago", "two years ago a similar blast killed 30"),
    ("months ago", "six months ago 25 were abducted there"),
    ("a week ago", "just over a week ago a bomb killed eight"),
    ("weeks ago", "three weeks ago 12 were killed nearby"),
    (
        "in past years",
        "violence that killed thousands in past years",
    ),
    (
        "in recent years",
        "hundreds have been kidnapped in recent years",
    ),
    ("war began", "the war began in 2023 and has killed 1,500"),
    // A group's standing count of captives is no event of the story.
    (
        "believed to hold",
        "the group is believed to hold fewer than 10 hostages",
    ),
    ("still holds", "the militia still holds 112 of the girls"),
    ("still holding", "the rebels are still holding 30 captives"),
    (
        "continues to hold",
        "the cartel continues to hold 5 engineers",
    ),
    ("for years", "thousands have been locked up for years"),
    ("for decades", "the group has held hostages for decades"),
    ("over the years", "over the years 300 were abducted"),
    (
        "outbreak, which",
        "the 2014 outbreak, which killed 4000 people",
    ),
];

/// Weak cues: background outside the lead. Each row: phrase and an example.
pub const WEAK: &[(&str, &str)] = &[
    ("this year", "the militia has killed 90 people this year"),
    (
        "last year",
        "more than 300 were killed last year around the town",
    ),
    ("past year", "450 arrests over the past year"),
    ("this month", "airstrikes killed 115 civilians this month"),
    ("last month", "a raid last month left 20 dead"),
    ("past week", "28 soldiers have died, 17 in the past week"),
    ("previous week", "the previous week 50 were killed"),
    ("last week", "a similar attack last week killed nine"),
    (
        "over the last",
        "accused of killing 400 people over the last 10 months",
    ),
    (
        "over the past",
        "over the past three years 10,000 have died",
    ),
    (
        "so far this",
        "so far this year 2,000 have been displaced by the fighting",
    ),
    ("various attacks", "40 people died in various attacks"),
    (
        "a series of",
        "a series of attacks that killed six soldiers",
    ),
    (
        "previously",
        "it previously recorded 10 executions in another town",
    ),
    (
        "dates back",
        "the last massacre dates back to August, when 50 died",
    ),
    ("nationwide", "police have detained 700 people nationwide"),
    (
        "across the country",
        "1,500 killed across the country since the vote",
    ),
];

/// Openers of a sentence that goes on about the one before: "The attacks included a strike
/// that killed 43", "Most of those killed were civilians, including 161 police officers".
pub const ANAPHORA: &[&str] = &[
    "the attacks",
    "these attacks",
    "those attacks",
    "the strikes",
    "the raids",
    "these",
    "those",
    "most of those",
    "most of them",
    "it has",
    "the group has",
    "the rebel group",
    "similarly",
    "likewise",
    "in addition",
    "additionally",
];

/// The automata of [`STRONG`], [`WEAK`] and [`ANAPHORA`].
static STRONG_SET: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(STRONG.iter().map(|r| r.0)));
static WEAK_SET: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(WEAK.iter().map(|r| r.0)));
static ANAPHORA_SET: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(ANAPHORA.iter().copied()));

/// Outside the lead, a count at least this many times the lead's largest is background.
pub const FAR_ABOVE: u64 = 10;
/// ... and at least this many times, in the perfect tense ("have been killed").
pub const ABOVE: u64 = 3;

/// Participles after "have"/"has" that make a count a running toll ("have been killed",
/// "has claimed", "have fled").
const PERFECT: &[&str] = &[
    "been",
    "killed",
    "died",
    "fled",
    "claimed",
    "left",
    "displaced",
    "lost",
    "caused",
    "wounded",
    "injured",
];

/// Openers of the headline-and-lead: how many figure sentences from the top are the lead.
const LEAD_SENTENCES: usize = 2;

/// The role of each figure (see the module's rules). `pub_date` sets the document's year;
/// without it, the year of the first full date in the lead does, else the first month and
/// year of a figure's sentence.
pub fn roles(doc: &Document, figures: &[RawFigure], pub_date: Option<Date>) -> Vec<Role> {
    let text = doc.text;
    let sentence_text = |si: usize| {
        doc.sentences
            .get(si)
            .and_then(|r| text.get(r.clone()))
            .unwrap_or("")
    };
    // The lead: the first figure sentences.
    let mut fig_sents: Vec<usize> = figures.iter().map(|f| f.sentence).collect();
    fig_sents.dedup();
    fig_sents.sort_unstable();
    fig_sents.dedup();
    let in_lead = |si: usize| fig_sents.iter().take(LEAD_SENTENCES).any(|&s| s == si);
    let ref_year = pub_date
        .map(|d| d.year)
        .or_else(|| {
            fig_sents
                .iter()
                .filter(|&&s| in_lead(s))
                .flat_map(|&s| written_dates(sentence_text(s)))
                .find_map(|w| w.year.filter(|_| w.day.is_some()))
        })
        .or_else(|| {
            // No full date in the lead (a situation report: "since 19 July"): the first
            // month and year a figure's sentence gives ("From January to the end of July
            // 2017, 173,000 were displaced"), so that "compared with 2016, when 845,000
            // were displaced" is the past.
            fig_sents
                .iter()
                .flat_map(|&s| written_dates(sentence_text(s)))
                .find_map(|w| w.year)
        });
    // Per sentence: its cue verdict, computed once.
    let mut verdict: rustc_hash::FxHashMap<usize, Option<bool>> = Default::default();
    let mut cue_of = |si: usize| -> Option<bool> {
        *verdict
            .entry(si)
            .or_insert_with(|| sentence_cue(sentence_text(si), ref_year, pub_date))
    };
    // Per sentence: whether it sums several events, read once (figures are in text order).
    let mut summary_memo: Option<(usize, bool)> = None;
    let mut summary_of = |si: usize| match summary_memo {
        Some((s, yes)) if s == si => yes,
        _ => {
            let yes = is_summary(sentence_text(si));
            summary_memo = Some((si, yes));
            yes
        }
    };
    let mut roles = vec![Role::Incident; figures.len()];
    for (i, f) in figures.iter().enumerate() {
        let lead = in_lead(f.sentence);
        match cue_of(f.sentence) {
            // "In the first bombing since the war began, a bomber wounded 40"; "The blast,
            // which killed 45, was the deadliest since 2017, when 500 died": the count told
            // before a superlative's "since" is the story's own event.
            Some(true) if before_superlative_since(doc, f) => {}
            Some(true) => roles[i] = Role::Background,
            Some(false) if !lead => roles[i] = Role::Background,
            _ => {}
        }
        // A sentence with no count of its own that sets a period for the next ("April was
        // the bloodiest month since 2008. 712 people were killed"): outside the lead, its
        // strong cue carries over. (Not an earlier year merely named: "Aid is a third
        // higher than in 2019. 2 more were killed" is no period of the next count.)
        if !lead
            && f.sentence > 0
            // (Figures are in text order.)
            && figures
                .get(figures.partition_point(|g| g.sentence + 1 < f.sentence))
                .is_none_or(|g| g.sentence + 1 != f.sentence)
            && cue_of(f.sentence - 1) == Some(true)
            && sentence_cue(sentence_text(f.sentence - 1), None, pub_date) == Some(true)
        {
            roles[i] = Role::Background;
        }
        if roles[i] == Role::Incident && summary_of(f.sentence) {
            roles[i] = Role::Summary;
        }
    }
    // The lead's largest count per category, for the magnitude rules (a flood's thousands
    // displaced are no war toll beside its forty dead: only like is compared with like).
    let mut lead_max: rustc_hash::FxHashMap<crate::vocab::Category, u64> = Default::default();
    for (f, r) in figures.iter().zip(&roles) {
        // (Not a singular victim's unstated 1: "a colonel was shot dead" sets no scale.)
        if *r != Role::Background && in_lead(f.sentence) && f.part_of.is_none() && !f.implicit {
            let m = lead_max.entry(f.category).or_insert(0);
            *m = (*m).max(f.value);
        }
    }
    let maxima: Vec<Option<u64>> = figures
        .iter()
        .map(|f| lead_max.get(&f.category).copied().filter(|&m| m > 0))
        .collect();
    {
        let mut far: rustc_hash::FxHashSet<usize> = Default::default();
        for (i, f) in figures.iter().enumerate() {
            if roles[i] == Role::Background || in_lead(f.sentence) || f.part_of.is_some() {
                continue;
            }
            let Some(lead_max) = maxima[i] else { continue };
            let s = sentence_text(f.sentence);
            let vague_large = f.qualifier == Qualifier::Vague && f.value >= 1000;
            if f.value >= lead_max.saturating_mul(FAR_ABOVE)
                || (f.value >= lead_max.saturating_mul(ABOVE) && (perfect(s) || vague_large))
            {
                roles[i] = Role::Background;
                far.insert(f.sentence);
            }
        }
        // The other counts of such a sentence ("Thousands have been killed and two million
        // have fled") go with it.
        for (i, f) in figures.iter().enumerate() {
            if far.contains(&f.sentence) {
                roles[i] = Role::Background;
            }
        }
    }
    // Parts follow their whole.
    for i in 0..figures.len() {
        if let Some(p) = figures[i].part_of {
            if roles.get(p) == Some(&Role::Background) {
                roles[i] = Role::Background;
            }
        }
    }
    // A sentence that goes on about the background before it.
    for i in 0..figures.len() {
        let si = figures[i].sentence;
        if roles[i] == Role::Background || in_lead(si) || si == 0 {
            continue;
        }
        // (Figures are in text order: the previous sentence's are one run.)
        let from = figures.partition_point(|g| g.sentence + 1 < si);
        let to = figures.partition_point(|g| g.sentence < si);
        let prev_bg = from < to
            && roles
                .get(from..to)
                .is_some_and(|rs| rs.iter().all(|r| *r == Role::Background));
        if prev_bg && ANAPHORA_SET.starts(sentence_text(si).trim_start()) {
            roles[i] = Role::Background;
        }
    }
    roles
}

/// Superlatives that compare the story's event with earlier ones: "the first ... since",
/// "the deadliest ... since".
const SUPERLATIVES: &[&str] = &[
    "first",
    "deadliest",
    "worst",
    "bloodiest",
    "biggest",
    "largest",
    "heaviest",
];

/// Whether the figure stands before a superlative's "since" in its sentence, with no other
/// period or earlier-event cue before it ("In the first bombing since the war began, a
/// bomber wounded 40" is the event's own count).
fn before_superlative_since(doc: &Document, f: &RawFigure) -> bool {
    let Some(r) = doc.sentences.get(f.sentence) else {
        return false;
    };
    let Some(s) = doc.text.get(r.clone()) else {
        return false;
    };
    let lower = s.to_ascii_lowercase();
    let Some(since) = find_phrase(&lower, "since") else {
        return false;
    };
    let head = lower.get(..since).unwrap_or("");
    let superlative = SUPERLATIVES
        .iter()
        .any(|w| find_phrase(head, w).is_some_and(|at| head[at..].split_whitespace().count() <= 7));
    // The figure's place relative to the sentence: before "since", or after the clause that
    // holds it ends (a comma after "since ...", as in "since the war began, a bomber ...").
    let at = f.span.start.saturating_sub(r.start);
    let clause_end = lower
        .get(since..)
        .and_then(|t| t.find([',', ';']))
        .map(|k| since + k);
    let outside =
        at < since || clause_end.is_some_and(|e| at > e && !lower[e..].contains(" when "));
    superlative && outside
}

/// A sentence's cue: Some(true) strong, Some(false) weak, None none.
fn sentence_cue(s: &str, ref_year: Option<i32>, pub_date: Option<Date>) -> Option<bool> {
    let lower = s.to_ascii_lowercase();
    if STRONG_SET.any_in(s) {
        return Some(true);
    }
    let dates = written_dates(s);
    // "since" + a year or a month: a period's toll.
    for w in &dates {
        let before = lower.get(..w.start).unwrap_or("").trim_end();
        if before.ends_with("since") && (w.year.is_some() || w.day.is_none()) {
            return Some(true);
        }
    }
    // Years: one before the document's own, and none of its own.
    let years = years_in(s);
    if let Some(ry) = ref_year {
        if years.iter().any(|&y| y < ry) && !years.iter().any(|&y| y >= ry) {
            return Some(true);
        }
    }
    if WEAK_SET.any_in(s) {
        return Some(false);
    }
    // A month named alone: another month than the document's, or opening the sentence
    // ("In October, 500 were killed").
    for w in &dates {
        if w.day.is_some() {
            continue;
        }
        let other_month =
            pub_date.is_some_and(|p| p.month != w.month || w.year.is_some_and(|y| y != p.year));
        let opens = lower.get(..w.start).is_some_and(|t| {
            let t = t.trim();
            t.is_empty() || t == "in" || t == "by" || t.ends_with("mid-")
        });
        if other_month || (pub_date.is_none() && (opens || lower.contains("mid-"))) {
            return Some(false);
        }
    }
    None
}

/// Four-digit years 1900..=2099 standing as words ("in 2016", "2014-16", not "21,2016").
fn years_in(s: &str) -> Vec<i32> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let before = if i > 0 { b[i - 1] } else { b' ' };
        if run == 4 && before != b',' && before != b'.' && !before.is_ascii_alphanumeric() {
            if let Some(y) = s
                .get(i..i + 4)
                .and_then(|t| t.parse::<i32>().ok())
                .filter(|y| (1900..=2099).contains(y))
            {
                let after = b.get(i + 4).copied().unwrap_or(b' ');
                if after != b',' || b.get(i + 5).is_none_or(|c| !c.is_ascii_digit()) {
                    out.push(y);
                }
            }
        }
        i += run;
    }
    out
}

/// "have"/"has" + a participle of harm: a running toll.
fn perfect(s: &str) -> bool {
    let mut prev_aux = false;
    for w in alnum_runs(s) {
        if prev_aux && PERFECT.iter().any(|p| p.eq_ignore_ascii_case(w)) {
            return true;
        }
        prev_aux = w.eq_ignore_ascii_case("have") || w.eq_ignore_ascii_case("has");
    }
    false
}

/// Counts of events that make a figure a total of several incidents: "in two attacks",
/// "in 3 bombings", "in several raids", "in separate strikes".
const EVENTS: &[&str] = &[
    "attacks",
    "bombings",
    "blasts",
    "strikes",
    "airstrikes",
    "raids",
    "explosions",
    "incidents",
    "assaults",
    "ambushes",
    "shootings",
    "bombs",
];
const MANY: &[&str] = &[
    "two", "three", "four", "five", "six", "several", "multiple", "separate", "twin",
];

/// Words that gather events into one told total: "in a [series] of attacks", "a [wave] of
/// bombings", "a [number] of bombings and shootings".
const SERIES: &[&str] = &["series", "string", "wave", "spate", "spree", "number"];

/// Words after events that spread them over an area: "bombings [across] the country".
const SPREAD: &[&str] = &["across", "throughout"];

/// Whether a sentence states a total of several events ("22 civilians were killed in two
/// attacks", "in a series of attacks", "died in bombings across the country"). Not: "in an
/// attack", "in attacks on Monday" (no count of events), "a series of raids" without a
/// plural event word nearby.
pub fn is_summary(s: &str) -> bool {
    let ws: Vec<&str> = alnum_runs(s).collect();
    let event = |w: &str| EVENTS.iter().any(|e| e.eq_ignore_ascii_case(w));
    let counted = ws.windows(3).any(|w| {
        w[0].eq_ignore_ascii_case("in")
            && (MANY.iter().any(|m| m.eq_ignore_ascii_case(w[1]))
                || w[1].bytes().all(|b| b.is_ascii_digit()))
            && event(w[2])
    });
    // "a series of (roadside) bombings", "a string of bombs and shootings".
    let series = ws.windows(2).enumerate().any(|(i, w)| {
        SERIES.iter().any(|x| x.eq_ignore_ascii_case(w[0]))
            && w[1].eq_ignore_ascii_case("of")
            && ws.iter().skip(i + 2).take(3).any(|w| event(w))
    });
    // "bombings across the country", "attacks and shootings throughout the north".
    let spread = ws
        .windows(2)
        .any(|w| event(w[0]) && SPREAD.iter().any(|x| x.eq_ignore_ascii_case(w[1])));
    counted || series || spread
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::extract;

    fn roles_of(text: &str, pub_date: Option<&str>) -> Vec<(u64, Role)> {
        let doc = Document::new(text);
        let figs = extract(&doc);
        let p = pub_date.and_then(Date::parse_iso);
        roles(&doc, &figs, p)
            .into_iter()
            .zip(&figs)
            .map(|(r, f)| (f.value, r))
            .collect()
    }

    fn role_of(text: &str, value: u64) -> Option<Role> {
        roles_of(text, None)
            .into_iter()
            .find(|(v, _)| *v == value)
            .map(|(_, r)| r)
    }

    #[test]
    fn cue_tables_have_examples_that_hold_their_phrase() {
        for (p, ex) in STRONG.iter().chain(WEAK) {
            assert!(
                find_phrase(&ex.to_ascii_lowercase(), p).is_some(),
                "{p}: {ex}"
            );
        }
    }

    #[test]
    fn war_wide_tolls_are_background() {
        let t = "Airstrike kills 9 in Northtown\n\nAn airstrike killed nine people in Northtown \
                 on Monday, medics said. The conflict has killed more than 20,000 people since \
                 2016.";
        assert_eq!(role_of(t, 9), Some(Role::Incident));
        assert_eq!(role_of(t, 20_000), Some(Role::Background));
    }

    #[test]
    fn earlier_events_given_as_context_are_background() {
        let t = "Bomb kills 12 at a bus stop\n\nA bomb killed 12 people at a bus stop in \
                 Eastport on Friday. In June, more than 300 people were killed in a truck \
                 bombing in the same city.";
        assert_eq!(role_of(t, 12), Some(Role::Incident));
        assert_eq!(role_of(t, 300), Some(Role::Background));
        let t = "Gunmen kill 6 guards\n\nGunmen killed six guards at a mine on Tuesday. It \
                 was the deadliest since 2019, when 40 miners were killed.";
        assert_eq!(role_of(t, 40), Some(Role::Background));
    }

    #[test]
    fn a_far_larger_running_toll_is_background() {
        let t = "Four killed in clashes\n\nFour villagers were killed in clashes near the \
                 river on Sunday. Residents reported the attack to police. Thousands have \
                 been killed in the region and many have fled.";
        assert_eq!(role_of(t, 4), Some(Role::Incident));
        assert_eq!(role_of(t, 2000), Some(Role::Background));
    }

    #[test]
    fn counter_examples_stay_in_the_incident() {
        // A revised toll of the same attack is no background, nor is the lead's own period.
        let t = "Blast kills 13\n\nA blast killed 13 people in a market on Monday. The death \
                 toll rose to 21 on Tuesday, officials said.";
        assert_eq!(role_of(t, 21), Some(Role::Incident));
        let t = "In the past week, more than 150 people have been killed in car bombings \
                 across the city. Twelve died on Monday alone.";
        // (A total over bombings across the city: a summary where the story tells two
        // incidents of its own, else the incident's count; never background.)
        assert_ne!(role_of(t, 150), Some(Role::Background));
    }

    #[test]
    fn a_sentence_going_on_about_the_background_is_background() {
        let t = "Strike kills 7\n\nA strike killed seven people in Hilltown on Monday. The UN \
                 said strikes killed 90 civilians this month. The attacks included a raid on a \
                 jail that killed 31.";
        assert_eq!(role_of(t, 90), Some(Role::Background));
        assert_eq!(role_of(t, 31), Some(Role::Background));
    }

    #[test]
    fn a_period_set_by_the_sentence_before_carries_over() {
        let t = "Bomb kills 6\n\nA bomb killed six people in Lowtown on Monday, police said. \
                 Officials said March was the deadliest month since May 2019. 480 people were \
                 killed and another 900 wounded. Similarly, most of those wounded were \
                 civilians, including 120 police officers. Thousands have been detained for \
                 years.";
        assert_eq!(role_of(t, 480), Some(Role::Background));
        assert_eq!(role_of(t, 900), Some(Role::Background));
        assert_eq!(role_of(t, 120), Some(Role::Background));
        assert_eq!(role_of(t, 2000), Some(Role::Background));
        // Counter-examples: an earlier year merely named sets no period for the next count
        // ...
        let t = "Bomb kills 6\n\nA bomb killed six people in Lowtown on 4 March 2024, police \
                 said. Aid to the town is a third higher than in 2019. Police said 2 more \
                 people were killed later.";
        assert_eq!(role_of(t, 2), Some(Role::Incident));
        // ... and without the period, the next count stays in the incident.
        let t = "Bomb kills 6\n\nA bomb killed six people in Lowtown on Monday, police said. \
                 Officials said the market was crowded. Another 2 people were killed later.";
        assert_eq!(role_of(t, 2), Some(Role::Incident));
    }

    #[test]
    fn the_event_compared_with_earlier_ones_is_the_story_s_own() {
        let t = "Bomber strikes cafe\n\nIn the first suicide bombing since the start of the \
                 war, a bomber blew himself up outside a cafe, wounding nearly 40 people.";
        assert_eq!(role_of(t, 40), Some(Role::Incident));
        let t = "Blast kills 45\n\nThe blast, which killed 45 people, was the deadliest \
                 since 2017, when 500 died in a truck bombing.";
        assert_eq!(role_of(t, 45), Some(Role::Incident));
        assert_eq!(role_of(t, 500), Some(Role::Background));
    }

    #[test]
    fn a_singular_victim_in_the_lead_sets_no_scale() {
        // The lead's only killed count is an unstated 1: the later 12 is no far-larger toll.
        let t = "Attacks\n\nA rocket hit the airport on Monday, wounding 2 guards. Gunmen shot \
                 dead a colonel outside his home. A suicide bomber blew himself up in \
                 Eastport, killing 12.";
        assert_eq!(role_of(t, 12), Some(Role::Incident));
    }

    #[test]
    fn without_a_full_date_the_first_month_and_year_set_the_document_s_year() {
        // A situation report: no day-dated lead, a period in 2025, a comparison with 2024.
        let t = "Floods update\n\nSince 3 August, floods have displaced 9,000 people in the \
                 delta. From January to the end of August 2025, 61,000 people were displaced. \
                 Displacement is lower than in 2024, when 95,000 people were displaced.";
        assert_eq!(role_of(t, 95_000), Some(Role::Background));
        assert_eq!(role_of(t, 9_000), Some(Role::Incident));
    }

    #[test]
    fn summaries_of_several_events() {
        assert!(is_summary(
            "22 civilians were killed in two attacks on Monday"
        ));
        assert!(is_summary("At least 30 died in 3 bombings"));
        assert!(is_summary(
            "Nine were killed in a series of raids on the villages"
        ));
        assert!(is_summary("A wave of roadside bombs killed 20 people"));
        assert!(is_summary(
            "Bombings and shootings across the province left 14 dead"
        ));
        assert!(!is_summary("A series of photos showed the 12 victims"));
        assert!(!is_summary("The attack across the border killed 7"));
        assert!(!is_summary("Five were killed in an attack on a bus"));
        assert!(!is_summary("Five were killed in attacks on Monday"));
    }

    #[test]
    fn years_as_words() {
        assert_eq!(
            years_in("in 2016 and the 2014-16 outbreak"),
            vec![2016, 2014]
        );
        assert!(years_in("killed 1,9000 and 12,2016 people").is_empty());
    }
}
