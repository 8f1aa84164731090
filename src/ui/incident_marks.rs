//! What the reading view says about a figure's incident: which incident it belongs to
//! ("Incident 2: 21 killed, Kirkuk, 4 March 2024"), or that it is background (not counted in
//! totals) or a summary; and, in correction mode, the controls that move a figure into another
//! incident or a new one and merge two incidents (undoable corrections).

use super::model::{Doc, FigKey, IncidentEdit, Verdict};
use super::state::{Action, AppState};
use super::thousands;
use crate::report::model::DocumentReport;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A figure's part in the document's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// In incident `k` (0-based).
    Incident(usize),
    /// Background: a longer period's toll or an earlier event, never summed.
    Background,
    /// A figure that totals several incidents.
    Summary,
    /// In no incident (rejected, or not counted).
    None,
}

/// The role of figure `i` of `r`.
pub fn role(r: &DocumentReport, i: usize) -> Role {
    if let Some(k) = r.incidents.iter().position(|inc| inc.figures.contains(&i)) {
        Role::Incident(k)
    } else if r.background.contains(&i) {
        Role::Background
    } else if r.summary.contains(&i) {
        Role::Summary
    } else {
        Role::None
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2024-03-04" as "4 March 2024" (other text unchanged).
pub fn date_words(iso: &str) -> String {
    let mut it = iso.split('-');
    let (Some(y), Some(m), Some(d)) = (it.next(), it.next(), it.next()) else {
        return iso.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u8>()) {
        (Ok(m), Ok(d)) if (1..=12).contains(&m) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_string(),
    }
}

/// "Incident 2: 21 killed, 4 injured, Kirkuk, 4 March 2024" for incident `k` of `r`.
pub fn summary(r: &DocumentReport, k: usize) -> String {
    let Some(inc) = r.incidents.get(k) else {
        return format!("Incident {}", k + 1);
    };
    let mut parts: Vec<String> = inc
        .totals
        .iter()
        .map(|(c, t)| format!("{} {}", thousands(t.value), c.as_str()))
        .collect();
    if let Some(p) = inc.place.and_then(|p| r.places.get(p)) {
        parts.push(p.name.clone());
    }
    if let Some(d) = &inc.date {
        parts.push(date_words(d));
    }
    if parts.is_empty() {
        format!("Incident {}", k + 1)
    } else {
        format!("Incident {}: {}", k + 1, parts.join(", "))
    }
}

/// What the inspector says about a figure's role.
pub fn role_text(r: &DocumentReport, i: usize) -> String {
    match role(r, i) {
        Role::Incident(k) => summary(r, k),
        Role::Background => "background: not counted in totals".into(),
        Role::Summary => "summary of several incidents: not added again".into(),
        Role::None => "in no incident: not counted".into(),
    }
}

/// Props of [`IncidentEditor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The document.
    pub doc: Rc<Doc>,
    /// The figure in focus (index in the corrected report).
    pub index: usize,
    /// State changes.
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn select_value(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
}

/// Correction mode: move the figure in focus into another incident or a new one, and merge
/// its incident into another.
#[function_component(IncidentEditor)]
pub fn incident_editor(props: &EditorProps) -> Html {
    let move_to = use_state(String::new);
    let merge_into = use_state(String::new);
    let Some(r) = props.doc.eff.clone() else {
        return html! {};
    };
    let Some(st) = props.doc.review.get(props.index).copied() else {
        return html! {};
    };
    if st.verdict == Verdict::Rejected {
        return html! {};
    }
    let me = role(&r, props.index);
    // A figure of each incident stands for it in the correction.
    let anchor = |k: usize| -> Option<FigKey> {
        let f = *r.incidents.get(k)?.figures.first()?;
        props.doc.review.get(f).map(FigKey::of)
    };
    let others: Vec<usize> = (0..r.incidents.len())
        .filter(|k| me != Role::Incident(*k))
        .collect();
    let doc_id = props.doc.id;
    let fig = FigKey::of(&st);
    let on_move = {
        let d = props.dispatch.clone();
        let move_to = move_to.clone();
        let targets: Vec<(String, Option<FigKey>, String)> = others
            .iter()
            .map(|&k| (k.to_string(), anchor(k), format!("incident {}", k + 1)))
            .collect();
        Callback::from(move |_: MouseEvent| {
            let choice = (*move_to).clone();
            let (with, label) = match targets.iter().find(|t| t.0 == choice) {
                Some((_, Some(a), l)) => (Some(*a), format!("move of a figure into {l}")),
                Some((_, None, _)) => return,
                None if choice.is_empty() => {
                    (None, "split of a figure into a new incident".to_string())
                }
                None => return, // a choice of another figure's list: choose again
            };
            d.dispatch(Action::EditIncidents(
                doc_id,
                IncidentEdit::Move { fig, with },
                label,
            ));
        })
    };
    let on_merge = {
        let d = props.dispatch.clone();
        let merge_into = merge_into.clone();
        let from = match me {
            Role::Incident(k) => anchor(k).map(|a| (k, a)),
            _ => None,
        };
        let targets: Vec<(usize, Option<FigKey>)> =
            others.iter().map(|&k| (k, anchor(k))).collect();
        Callback::from(move |_: MouseEvent| {
            let Some((k_from, from)) = from else { return };
            let pick = merge_into
                .parse::<usize>()
                .ok()
                .or(targets.first().map(|t| t.0));
            let Some((k, Some(into))) = targets.iter().find(|t| Some(t.0) == pick).copied() else {
                return;
            };
            d.dispatch(Action::EditIncidents(
                doc_id,
                IncidentEdit::Merge { from, into },
                format!("merge of incident {} into incident {}", k_from + 1, k + 1),
            ));
        })
    };
    let set_move = {
        let move_to = move_to.clone();
        Callback::from(move |e: Event| move_to.set(select_value(&e).unwrap_or_default()))
    };
    let set_merge = {
        let merge_into = merge_into.clone();
        Callback::from(move |e: Event| merge_into.set(select_value(&e).unwrap_or_default()))
    };
    let option = |k: usize, chosen: &str| {
        html! { <option value={k.to_string()} selected={chosen == k.to_string()}>{ summary(&r, k) }</option> }
    };
    html! {
        <fieldset class="incident-editor">
            <legend>{ "Incident" }</legend>
            <label>{ "Move this figure to " }
                <select class="move-target" onchange={set_move}>
                    <option value="" selected={move_to.is_empty()}>{ "a new incident of its own" }</option>
                    { for others.iter().map(|&k| option(k, &move_to)) }
                </select>
            </label>
            <button type="button" class="move-figure" onclick={on_move}>{ "Move" }</button>
            if matches!(me, Role::Incident(_)) && !others.is_empty() {
                <label>{ "Merge its incident into " }
                    <select class="merge-target" onchange={set_merge}>
                        { for others.iter().map(|&k| option(k, &merge_into)) }
                    </select>
                </label>
                <button type="button" class="merge-incident" onclick={on_merge}>{ "Merge" }</button>
            }
        </fieldset>
    }
}
