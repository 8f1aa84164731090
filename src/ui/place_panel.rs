//! The place inspector: what a place name was resolved to (name, region, country,
//! coordinates, GeoNames id), the other candidates the extractor scored, a button to choose
//! one (every mention of the name in the document follows; undoable, in the audit trail) and
//! the document's country hint (the worker reads the document again preferring places there).

use super::model::{Doc, PlaceChoice};
use super::state::{Action, AppState};
use crate::report::model::{Candidate, Considered, Place, PlaceKind};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`PlacePanel`].
#[derive(Properties, PartialEq)]
pub struct PlacePanelProps {
    /// The document.
    pub doc: Rc<Doc>,
    /// The place's index in the corrected report.
    pub index: usize,
    /// The document's country hint.
    #[prop_or_default]
    pub country: Option<String>,
    /// Closes the panel.
    pub on_close: Callback<MouseEvent>,
    /// State changes.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Words for a place's kind.
pub fn kind_label(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Admin1 => "region (admin 1)",
        PlaceKind::Admin2 => "district (admin 2)",
        PlaceKind::City => "town or city",
        PlaceKind::District => "neighbourhood",
        PlaceKind::Site => "site",
        PlaceKind::Region => "region",
        PlaceKind::Other => "place (added by hand)",
    }
}

/// One line about a candidate: "Tripoli, North Governorate, LB (34.4367, 35.8497)".
pub fn candidate_text(c: &Candidate) -> String {
    let mut s = c.name.clone();
    for part in [&c.admin1, &c.country].into_iter().flatten() {
        s.push_str(", ");
        s.push_str(part);
    }
    if let (Some(a), Some(b)) = (c.lat, c.lon) {
        s.push_str(&format!(" ({a:.4}, {b:.4})"));
    }
    s
}

/// The "Why" of a place: the winning candidate and the runner-up, each with its score
/// parts ("Kandahār, AF: kind 2.5 + population 3.4 + focus 4.0 = 9.9"), when the extractor's
/// reading is the place shown (not a reader's choice).
pub fn why_lines(p: &Place) -> Option<(String, Option<String>)> {
    let why = p.why.as_ref()?;
    let line = |c: &Considered| {
        let mut s = c.name.clone();
        for part in [&c.admin1, &c.country].into_iter().flatten() {
            s.push_str(", ");
            s.push_str(part);
        }
        format!("{s}: {}", c.parts.describe())
    };
    let won = why.candidates.first().filter(|c| c.name == p.name)?;
    Some((line(won), why.candidates.get(1).map(line)))
}

fn as_candidate(p: &Place) -> Candidate {
    Candidate {
        name: p.name.clone(),
        country: p.country.clone(),
        admin1: p.admin1.clone(),
        kind: p.kind,
        lat: p.lat,
        lon: p.lon,
        geonames_id: p.geonames_id,
        score: 0.0,
    }
}

/// The place inspector.
#[function_component(PlacePanel)]
pub fn place_panel(props: &PlacePanelProps) -> Html {
    // (Hooks first: they run on every render.)
    let hint_ref = use_node_ref();
    let doc = &props.doc;
    let (Some(eff), Some(raw)) = (&doc.eff, &doc.raw) else {
        return html! {};
    };
    let Some(p) = eff.places.get(props.index) else {
        return html! {};
    };
    // The extractor's reading of the same place (choices keep the places' order).
    let machine = raw.places.get(props.index);
    let chosen = machine.filter(|m| m.name != p.name || m.geonames_id != p.geonames_id);
    let linked = eff
        .figures
        .iter()
        .filter(|f| f.place == Some(props.index))
        .count();
    let none = || "not known".to_string();
    let choose = |c: &Candidate| {
        let d = props.dispatch.clone();
        let id = doc.id;
        let choice = PlaceChoice {
            machine: machine.map_or_else(|| p.name.clone(), |m| m.name.clone()),
            chosen: c.clone(),
            at: None,
        };
        Callback::from(move |_: MouseEvent| {
            let mut choice = choice.clone();
            choice.at = Some(js_sys::Date::now());
            d.dispatch(Action::ChoosePlace(id, choice));
        })
    };
    let restore = chosen.map(|m| {
        let d = props.dispatch.clone();
        let (id, name) = (doc.id, m.name.clone());
        Callback::from(move |_: MouseEvent| d.dispatch(Action::RestorePlace(id, name.clone())))
    });
    let set_hint = {
        let d = props.dispatch.clone();
        let id = doc.id;
        let hint_ref = hint_ref.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let v = hint_ref
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value().trim().to_ascii_uppercase())
                .unwrap_or_default();
            d.dispatch(Action::SetCountry(id, (v.len() == 2).then_some(v)));
        })
    };
    let clear_hint = {
        let d = props.dispatch.clone();
        let id = doc.id;
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetCountry(id, None)))
    };
    // Countries to suggest: those of the document's places and their candidates.
    let mut countries: Vec<String> = eff
        .places
        .iter()
        .flat_map(|p| {
            std::iter::once(p.country.clone()).chain(p.candidates.iter().map(|c| c.country.clone()))
        })
        .flatten()
        .collect();
    countries.sort();
    countries.dedup();
    html! {
        <div class="inspector place-inspector" data-place-inspect={p.name.clone()}>
            <h3>{ format!("Place: {}", p.name) }
                <button type="button" class="close" aria-label="Close place details" onclick={props.on_close.clone()}>{ "×" }</button>
            </h3>
            <dl>
                <dt>{ "Resolved as" }</dt><dd>{ format!("{} — {}", p.name, kind_label(p.kind)) }</dd>
                <dt>{ "Region" }</dt><dd>{ p.admin1.clone().unwrap_or_else(none) }</dd>
                <dt>{ "Country" }</dt><dd data-place-country={p.country.clone().unwrap_or_default()}>{ p.country.clone().unwrap_or_else(none) }</dd>
                <dt>{ "Coordinates" }</dt><dd>{ match (p.lat, p.lon) {
                    (Some(a), Some(b)) => format!("{a:.4}, {b:.4}"), _ => "none".into() } }</dd>
                <dt>{ "GeoNames id" }</dt><dd>{ match p.geonames_id {
                    Some(id) => id.to_string(), None => "none".into() } }</dd>
                <dt>{ "Mentions" }</dt><dd>{ p.mentions.len() }</dd>
                <dt>{ "Figures here" }</dt><dd>{ linked }</dd>
                if let Some((won, runner_up)) = why_lines(p) {
                    <dt>{ "Why" }</dt>
                    <dd data-place-why="">
                        { format!("chosen: {won}") }
                        if let Some(r) = runner_up { <><br />{ format!("runner-up: {r}") }</> }
                    </dd>
                }
            </dl>
            if let (Some(m), Some(restore)) = (chosen, restore) {
                <p class="place-chosen" data-place-chosen="">
                    { format!("Your choice. The extractor read “{}” as {}. ", m.name, candidate_text(&as_candidate(m))) }
                    <button type="button" class="restore-place" onclick={restore}>{ "Back to the extractor's reading" }</button>
                </p>
            }
            <h4>{ "Other candidates" }</h4>
            if p.candidates.is_empty() {
                <p class="no-candidates">{ "None: the gazetteer has no other place of this name (or the place was found from the words around it)." }</p>
            } else {
                <p class="hint">{ "Choosing one moves every mention of this name in the document, and its figures, there." }</p>
                <ol class="candidates">
                    { for p.candidates.iter().map(|c| html! {
                        <li data-candidate={c.geonames_id.map(|g| g.to_string()).unwrap_or_default()}
                            data-candidate-country={c.country.clone().unwrap_or_default()}>
                            <span class="cand-text">{ candidate_text(c) }</span>
                            <span class="cand-meta">{ format!("{} · score {:.2}{}", kind_label(c.kind), c.score,
                                c.geonames_id.map(|g| format!(" · GeoNames {g}")).unwrap_or_default()) }</span>
                            <button type="button" class="choose-place" onclick={choose(c)}
                                aria-label={format!("Use {}", candidate_text(c))}>{ "Use this" }</button>
                        </li>
                    }) }
                </ol>
            }
            <form class="country-hint" onsubmit={set_hint}>
                <label for="country-hint">{ "Country of this document" }</label>
                <input id="country-hint" ref={hint_ref} type="text" maxlength="2" size="3"
                    autocomplete="off" list="hint-countries" placeholder="LB"
                    value={props.country.clone().unwrap_or_default()} pattern="[A-Za-z]{2}"
                    aria-describedby="country-hint-help" />
                <datalist id="hint-countries">
                    { for countries.iter().map(|c| html! { <option value={c.clone()} /> }) }
                </datalist>
                <button type="submit" class="set-country">{ "Prefer places there" }</button>
                if props.country.is_some() {
                    <button type="button" class="clear-country" onclick={clear_hint}>{ "No hint" }</button>
                }
                <p id="country-hint-help" class="hint">{ "Two-letter code (ISO 3166). The document is read again: ambiguous names go to places in that country." }</p>
            </form>
        </div>
    }
}
