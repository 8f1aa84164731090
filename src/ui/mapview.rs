//! The Map view: the world map of every resolved place across the documents, above the figures
//! table. Choosing a marker filters the table by that place; clicking the background clears it.

use super::map::{MapMarker, WorldMap};
use super::model::{Docs, Status};
use super::table::FigureTable;
use super::thousands;
use crate::report::model::{Category, DocumentReport};
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The basemap, fetched by relative URL so the site works from any sub-path.
pub const BASEMAP_URL: &str = "basemap/countries-110m.json";

/// Fetches the basemap's text.
pub async fn fetch_basemap() -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(BASEMAP_URL))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "no response".to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let text = resp.text().map_err(|e| format!("{e:?}"))?;
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// Whether figure `fi` of `r` counts towards the document's total of `cat`: it is one of the
/// figures the total adds up (so repeated mentions count once) and not part of a larger figure.
fn counted(r: &DocumentReport, cat: Category, fi: usize) -> bool {
    r.totals.get(&cat).is_some_and(|t| t.figures.contains(&fi))
        && r.figures.get(fi).is_some_and(|f| f.part_of.is_none())
}

/// One marker per resolved place with coordinates, merged by name across documents: killed and
/// injured are the counted figures linked to the place (corrections applied, parts of a larger
/// figure skipped); `figures` lists every figure linked to it, with its document.
pub fn markers(reports: &[&DocumentReport]) -> Vec<MapMarker> {
    let mut by_name: BTreeMap<String, MapMarker> = BTreeMap::new();
    for r in reports {
        for p in &r.places {
            if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
                by_name.entry(p.name.clone()).or_insert_with(|| MapMarker {
                    name: p.name.clone(),
                    lat,
                    lon,
                    killed: 0,
                    injured: 0,
                    figures: Vec::new(),
                });
            }
        }
        for (fi, f) in r.figures.iter().enumerate() {
            let Some(place) = f.place.and_then(|p| r.places.get(p)) else {
                continue;
            };
            let Some(m) = by_name.get_mut(&place.name) else {
                continue; // no coordinates
            };
            if counted(r, f.category, fi) {
                match f.category {
                    Category::Killed => m.killed = m.killed.saturating_add(f.value),
                    Category::Injured => m.injured = m.injured.saturating_add(f.value),
                    _ => {}
                }
            }
            // Each line says whether it is in the counts above it, so the two never disagree.
            let part = if f.part_of.is_some() {
                " (part of a larger figure, not added)"
            } else if !counted(r, f.category, fi) {
                " (repeat of a figure already counted, not added)"
            } else if matches!(f.category, Category::Killed | Category::Injured) {
                ""
            } else {
                " (counted under its own category)"
            };
            m.figures.push(format!(
                "{} {} — {}{}",
                thousands(f.value),
                f.category.as_str(),
                r.name,
                part
            ));
        }
    }
    by_name.into_values().collect()
}

/// Props of [`MapView`].
#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    /// All documents.
    pub docs: Docs,
    /// Hidden categories (for the table).
    pub hidden: Vec<Category>,
    /// The basemap's TopoJSON text ("" while loading).
    pub basemap: AttrValue,
    /// Why the basemap could not be loaded, if it could not.
    pub basemap_error: Option<String>,
    /// The place the table is filtered by.
    pub place: Option<String>,
    /// One marker per incident (merged across documents) instead of one per place name.
    #[prop_or_default]
    pub by_incident: bool,
    /// Filter the table by a place (None: all places).
    pub on_place: Callback<Option<String>>,
    /// Markers per incident (true) or per place name.
    pub on_by_incident: Callback<bool>,
    /// Show a figure in the reading view (document id, figure index).
    pub on_reveal: Callback<(u32, usize)>,
}

/// The map view.
#[function_component(MapView)]
pub fn map_view(props: &MapViewProps) -> Html {
    let markers = use_memo(
        (props.docs.clone(), props.by_incident),
        |(docs, by_incident)| {
            if *by_incident {
                return super::corpus::CorpusView::of(&docs.0).markers();
            }
            // Published reports: rejected figures are not on the map.
            let published: Vec<std::borrow::Cow<DocumentReport>> = docs
                .0
                .iter()
                .filter(|d| d.status == Status::Done)
                .filter_map(|d| {
                    d.eff
                        .as_deref()
                        .map(|r| super::model::published(r, &d.review))
                })
                .collect();
            let reports: Vec<&DocumentReport> = published.iter().map(|r| r.as_ref()).collect();
            markers(&reports)
        },
    );
    // An incident marker ("E1 · Kirkuk") filters the table by its place.
    let on_select = {
        let by_incident = props.by_incident;
        props
            .on_place
            .reform(move |p: Option<String>| match (by_incident, p) {
                (true, Some(m)) => m.split_once(" · ").map(|(_, place)| place.to_string()),
                (_, p) => p,
            })
    };
    let selected = match (props.by_incident, &props.place) {
        (true, Some(p)) => markers
            .iter()
            .find(|m| m.name.split_once(" · ").is_some_and(|(_, x)| x == p))
            .map(|m| m.name.clone()),
        (_, p) => p.clone(),
    };
    let what = if props.by_incident {
        "incidents"
    } else {
        "places"
    };
    let hint = match (&props.basemap_error, markers.is_empty()) {
        (Some(e), _) => format!("Country outlines unavailable ({e}); places are still shown."),
        (None, true) => format!("No {what} with coordinates yet."),
        (None, false) => format!(
            "{} {what}. Choose one to show only its place's figures below; click the sea to show all.",
            markers.len()
        ),
    };
    let mode = |label: &'static str, on: bool| {
        html! {
            <button type="button" aria-pressed={(props.by_incident == on).to_string()}
                data-map-mode={if on { "incident" } else { "place" }}
                onclick={props.on_by_incident.reform(move |_: MouseEvent| on)}>
                { label }</button>
        }
    };
    html! {
        <div class="map-view">
            <div class="map-mode" role="group" aria-label="Markers">
                { mode("By place", false) }{ mode("By incident", true) }
            </div>
            <p class="hint">{ hint }</p>
            <WorldMap topology={props.basemap.clone()} markers={(*markers).clone()}
                selected={selected} on_select={on_select} />
            <FigureTable docs={props.docs.clone()} hidden={props.hidden.clone()}
                place={props.place.clone()} on_reveal={props.on_reveal.clone()}
                on_place={props.on_place.clone()} />
        </div>
    }
}
