//! Places the gazetteer lacks, found from the words around them:
//! - a name before a place word: "the Sadriya district", "in Maiwand district",
//!   "the Zahra neighbourhood", "near Kafr Nabl village";
//! - a place word, "of", a name: "the town of Tal Afar", "the village of El Tomate";
//! - a named facility (GUIDELINES.md: named facilities are places): "Lurigancho Prison",
//!   "La Guardia Airport", "the Imam Ali Mosque", "Bridge Street".
//!
//! Such a place has no coordinates of its own: it takes those of the place that contains
//! it (see `super::find`).

use super::detect::{gap, soft_gap, Mention, Token};
use super::fold;
use super::words::*;
use crate::vocab::PlaceKind;
use std::ops::Range;

/// A place made from context.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextPlace {
    /// Byte range of the mention.
    pub span: Range<usize>,
    /// The name as written (with the facility word: "Lurigancho Prison").
    pub name: String,
    /// What kind of place the words make it.
    pub kind: PlaceKind,
    /// Index of a gazetteer mention inside the name ("Basra Airport" holds Basra).
    pub inner: Option<usize>,
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.start..t.end).unwrap_or("")
}

/// The kind of place a token's word names, if it is a place word.
fn place_kind(text: &str, t: &Token) -> Option<PlaceKind> {
    if t.is(PLACE_WORD) {
        place_word(word(text, t))
    } else {
        None
    }
}

fn place_word(w: &str) -> Option<PlaceKind> {
    if !w.is_ascii() {
        let lower = w.to_lowercase();
        return PLACE_WORDS
            .iter()
            .find(|(p, _)| *p == lower)
            .map(|(_, k)| *k);
    }
    PLACE_WORDS
        .iter()
        .find(|(p, _)| super::fold::ascii_lower_eq(w, p))
        .map(|(_, k)| *k)
}

/// Whether a capitalised word may be part of a made-up place name.
fn name_word(text: &str, t: &Token) -> bool {
    t.cap && !t.caps && !t.is(FREE_BEFORE | TITLE | NOT_NAME | ORG_HEAD) && {
        let w = word(text, t);
        !looks_demonym(w) && w.chars().next().is_some_and(|c| c.is_alphabetic())
    }
}

/// "Iraqi", "Afghan", "Colombian": adjectives of nationality are not names of places.
fn looks_demonym(w: &str) -> bool {
    super::fold::with_lower(w, |l| {
        ["ian", "ese", "ish", "ean", "stani", "qi", "li", "ni"]
            .iter()
            .any(|s| l.ends_with(s) && l.len() > s.len() + 2)
            && !l.ends_with("ali")
    })
}

/// Finds places from context. `covered` marks tokens already in gazetteer mentions.
pub fn find(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<ContextPlace> {
    let mut covered = vec![None; tokens.len()];
    for (mi, m) in mentions.iter().enumerate() {
        for c in covered.iter_mut().take(m.tokens.1 + 1).skip(m.tokens.0) {
            *c = Some(mi);
        }
    }
    let joined = |a: &Token, b: &Token| {
        let g = gap(text, a, b);
        a.end == a.full_end && (soft_gap(g) || g == "-") && a.sentence == b.sentence
    };
    let mut out: Vec<ContextPlace> = Vec::new();
    let mut taken = vec![false; tokens.len()];
    // The few tokens the rules below start from, found in one pass.
    let heads: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is(IN_AT_NEAR | PLACE_WORD | FACILITY | LOWER_FACILITY))
        .map(|(k, _)| k)
        .collect();
    // "in El Tomate, Canaletes Municipality": a name between a locative word and a comma
    // that a known place follows is a place inside it.
    for &k in &heads {
        if !tokens[k].is(IN_AT_NEAR) {
            continue;
        }
        let mut last = k;
        let mut j = k + 1;
        while j < tokens.len() && j <= k + 4 && joined(&tokens[j - 1], &tokens[j]) {
            let t = &tokens[j];
            if covered[j].is_some() || taken[j] {
                break;
            }
            if name_word(text, t) {
                last = j;
            } else if !(last > k && t.is(CONNECTOR)) {
                break;
            }
            j += 1;
        }
        if last == k || last + 1 >= tokens.len() {
            continue;
        }
        let (l, n) = (&tokens[last], &tokens[last + 1]);
        let g = gap(text, l, n);
        if l.end != l.full_end || g.trim() != "," || n.sentence != l.sentence {
            continue;
        }
        let known = |i: usize| {
            covered.get(i).is_some_and(Option::is_some)
                || tokens
                    .get(i)
                    .is_some_and(|t| t.is(PLACE_WORD | REGION_WORD))
        };
        let follows = known(last + 1)
            || (last + 2..last + 4).any(known) && name_word(text, n)
            || n.is(IN) && (last + 2..last + 6).any(known);
        if !follows {
            continue;
        }
        let span = tokens[k + 1].start..l.end;
        out.push(ContextPlace {
            name: text.get(span.clone()).unwrap_or("").to_string(),
            span,
            kind: PlaceKind::City,
            inner: None,
        });
        taken[k + 1..=last].iter_mut().for_each(|t| *t = true);
    }
    for &h in heads.iter().filter(|&&h| h >= 1) {
        let head = &tokens[h];
        if !head.is(PLACE_WORD | FACILITY | LOWER_FACILITY) {
            continue;
        }
        // "the Erta Ale volcano", "near Kabul airport": a few facility words also count in
        // lower case; "air base" is one of them in two words.
        let air_base = !head.cap
            && fold::ascii_lower_eq(word(text, head), "base")
            && tokens
                .get(h - 1)
                .is_some_and(|a| !a.cap && a.is(AIR) && joined(a, head));
        let lower_facility = !head.cap && head.is(LOWER_FACILITY) || air_base;
        let is_facility = head.cap && head.is(FACILITY) || lower_facility;
        let kind = place_kind(text, head);
        if !is_facility && kind.is_none() {
            continue;
        }
        // The name ends before `top` (the head, or "air" of "air base").
        let top = if air_base { h - 1 } else { h };
        // Name words before the head: up to four capitalised words (with connectors; in a
        // facility's name also a people word and a possessive after a name word: "Saint
        // Anne's Catholic School").
        let mut first = top;
        let mut k = top;
        while k > 0 && top - k < 5 {
            let p = &tokens[k - 1];
            let possessive_inside = is_facility
                && p.end != p.full_end
                && text
                    .get(p.end..p.full_end)
                    .is_some_and(|g| g.chars().count() <= 2)
                && k >= 2
                && tokens[k - 2].cap
                && joined(&tokens[k - 2], p)
                && soft_gap(gap(text, p, &tokens[k]));
            if !joined(p, &tokens[k]) && !possessive_inside {
                break;
            }
            let inner_connector = p.is(CONNECTOR) && k - 1 > 0 && first < top;
            let inner_people_word = is_facility && p.cap && !p.caps && p.is(NOT_NAME);
            if name_word(text, p) || (is_facility && covered[k - 1].is_some() && p.cap) {
                first = k - 1;
            } else if !(inner_connector && !p.cap && is_facility || inner_people_word) {
                break;
            }
            k -= 1;
        }
        if first == top || taken[first..h].iter().any(|&t| t) {
            continue;
        }
        // "the Public Security Military Academy": a name that a people or office word opens
        // is not cut short to a place.
        if first.checked_sub(1).is_some_and(|b| {
            tokens[b].cap && tokens[b].is(NOT_NAME) && joined(&tokens[b], &tokens[first])
        }) {
            continue;
        }
        // The first word of a sentence is capitalised anyway: not enough for a name alone.
        if tokens[first].initial && first + 1 == h {
            continue;
        }
        let inner = covered[first..h].iter().flatten().next().copied();
        // A lower-case facility word needs a word that leads to a name before it ("the",
        // "near", "at"): "Kabul hospitals said" is no named place.
        if lower_facility
            && !first
                .checked_sub(1)
                .is_some_and(|b| tokens[b].is(LEAD) && !tokens[b].cap)
        {
            continue;
        }
        if is_facility {
            // "a Mormon church": one of a kind, not a named place.
            if first
                .checked_sub(1)
                .is_some_and(|b| tokens[b].is(ONE_OF_A_KIND))
            {
                continue;
            }
            if tokens[h].end != tokens[h].full_end
                || h + 1 < tokens.len()
                    && tokens[h + 1].cap
                    && joined(head, &tokens[h + 1])
                    && !tokens[h + 1].is(FREE_BEFORE)
            {
                // "Baghdad Airport Road": the last facility word ends the name.
                continue;
            }
            let span = tokens[first].start..head.end;
            out.push(ContextPlace {
                name: text.get(span.clone()).unwrap_or("").to_string(),
                span,
                kind: PlaceKind::Site,
                inner,
            });
            taken[first..=h].iter_mut().for_each(|t| *t = true);
            continue;
        }
        // A place word after a name not in the gazetteer: "the Sadriya district".
        if inner.is_some() || covered[first..h].iter().any(Option::is_some) {
            continue;
        }
        let before = first.checked_sub(1).map(|b| &tokens[b]);
        let lead_ok = before.is_some_and(|b| {
            b.is(LEAD)
                || covered[first - 1].is_some() && b.end != b.full_end
                || gap(text, b, &tokens[first]).trim() == ","
                    && (covered[first - 1].is_some() || taken[first - 1])
        });
        if !lead_ok {
            continue;
        }
        let span = tokens[first].start..tokens[h - 1].end;
        out.push(ContextPlace {
            name: text.get(span.clone()).unwrap_or("").to_string(),
            span,
            kind: kind.unwrap_or(PlaceKind::Other),
            inner: None,
        });
        taken[first..h].iter_mut().for_each(|t| *t = true);
    }
    // "the town of Tal Afar", "the village of El Tomate"
    for &h in heads
        .iter()
        .filter(|&&h| h < tokens.len().saturating_sub(2))
    {
        let Some(kind) = place_kind(text, &tokens[h]) else {
            continue;
        };
        if tokens[h].cap || !tokens[h + 1].is(OF) {
            continue;
        }
        let mut last = h + 1;
        let mut k = h + 2;
        while k < tokens.len() && k < h + 6 {
            let t = &tokens[k];
            if !joined(&tokens[k - 1], t) {
                break;
            }
            if name_word(text, t) {
                last = k;
            } else if !(k > h + 2 && !t.cap && t.is(CONNECTOR)) {
                break;
            }
            k += 1;
        }
        if last == h + 1
            || taken[h + 2..=last].iter().any(|&t| t)
            || covered[h + 2..=last].iter().any(Option::is_some)
        {
            continue;
        }
        let span = tokens[h + 2].start..tokens[last].end;
        out.push(ContextPlace {
            name: text.get(span.clone()).unwrap_or("").to_string(),
            span,
            kind,
            inner: None,
        });
        taken[h + 2..=last].iter_mut().for_each(|t| *t = true);
    }
    out.sort_by_key(|c| c.span.start);
    out
}
