//! The Incidents view: the corpus-level incidents (the finished documents' incidents merged
//! across documents by the core's `Report::merged`, corrections applied, rejected figures
//! left out), one row each with date, place, counts and their range across sources, and the
//! number of sources; a row expands to its sources, their sentences (a click opens the figure
//! in the reading view) and why the sources were merged.

use super::map::MapMarker;
use super::model::{published, Doc, Status, Verdict};
use super::state::{Action, AppState, Docs};
use super::thousands;
use crate::report::model::{Category, CorpusIncident, EventCount, Report};
use std::rc::Rc;
use yew::prelude::*;

/// The merged incidents of the finished documents and how to find their figures again.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusView {
    /// The published reports merged (`documents[i]` is the i-th finished document).
    pub report: Report,
    /// App document id of `report.documents[i]`.
    pub ids: Vec<u32>,
    /// Per document, the index in the corrected report (`Doc::eff`) of each published figure.
    pub eff_index: Vec<Vec<usize>>,
}

/// One sentence of a source: the figure it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// App document id.
    pub doc: u32,
    /// Figure index in the corrected report (what `Action::Reveal` takes).
    pub figure: usize,
    /// The figure as written ("13 people").
    pub text: String,
    /// Its sentence.
    pub sentence: String,
}

impl CorpusView {
    /// Merges the finished documents' published reports.
    pub fn of(docs: &[Rc<Doc>]) -> CorpusView {
        let mut ids = Vec::new();
        let mut eff_index = Vec::new();
        let mut reports = Vec::new();
        for d in docs.iter().filter(|d| d.status == Status::Done) {
            let Some(r) = &d.eff else { continue };
            ids.push(d.id);
            eff_index.push(
                (0..r.figures.len())
                    .filter(|&i| d.review.get(i).map(|s| s.verdict) != Some(Verdict::Rejected))
                    .collect(),
            );
            reports.push(published(r, &d.review).into_owned());
        }
        CorpusView {
            report: Report::merged(reports),
            ids,
            eff_index,
        }
    }

    /// The corpus-level incidents: merged ones, or the single document's own.
    pub fn incidents(&self) -> Vec<CorpusIncident> {
        if self.report.documents.len() > 1 {
            return self.report.incidents.clone();
        }
        let digests: Vec<_> = self
            .report
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| crate::report::model::DocIncidents::of(i, d))
            .collect();
        crate::report::merge::merge(&digests).incidents
    }

    /// The figures of one source incident, each with its sentence.
    pub fn lines(&self, document: usize, incident: usize) -> Vec<SourceLine> {
        let Some(d) = self.report.documents.get(document) else {
            return Vec::new();
        };
        let Some(inc) = d.incidents.get(incident) else {
            return Vec::new();
        };
        inc.figures
            .iter()
            .filter_map(|&fi| {
                let f = d.figures.get(fi)?;
                Some(SourceLine {
                    doc: *self.ids.get(document)?,
                    figure: *self.eff_index.get(document)?.get(fi)?,
                    text: f.text.clone(),
                    sentence: f.sentence.text.trim().to_string(),
                })
            })
            .collect()
    }

    /// One map marker per incident with coordinates: identity "E1 · Kirkuk", sized by its
    /// killed and injured; the popup lists its counts and sources.
    pub fn markers(&self) -> Vec<MapMarker> {
        self.incidents()
            .iter()
            .filter_map(|e| {
                let p = e.place.as_ref()?;
                let value = |c: Category| e.totals.get(&c).map(|t| t.value).unwrap_or(0);
                let mut figures: Vec<String> = e
                    .totals
                    .iter()
                    .map(|(c, t)| format!("{} {}", count_text(t), c.as_str()))
                    .collect();
                if let Some(d) = &e.date {
                    figures.insert(0, date_text(d, e));
                }
                figures.extend(e.sources.iter().map(|s| format!("source: {}", s.name)));
                Some(MapMarker {
                    name: format!("{} · {}", e.id, p.name),
                    lat: p.lat?,
                    lon: p.lon?,
                    killed: value(Category::Killed),
                    injured: value(Category::Injured),
                    figures,
                })
            })
            .collect()
    }
}

/// "21 (13–21)" for a count whose sources differ, "21" when they agree.
pub fn count_text(t: &EventCount) -> String {
    if t.min == t.max {
        thousands(t.value)
    } else {
        format!(
            "{} ({}–{})",
            thousands(t.value),
            thousands(t.min),
            thousands(t.max)
        )
    }
}

fn date_text(d: &str, e: &CorpusIncident) -> String {
    match e.date_precision {
        Some(p) => format!("{d} ({})", p.as_str()),
        None => d.to_string(),
    }
}

/// Props of [`IncidentsView`].
#[derive(Properties, PartialEq)]
pub struct IncidentsProps {
    /// All documents.
    pub docs: Docs,
    /// State changes.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The Incidents view.
#[function_component(IncidentsView)]
pub fn incidents_view(props: &IncidentsProps) -> Html {
    let view = use_memo(props.docs.clone(), |docs| CorpusView::of(&docs.0));
    let open = use_state(Vec::<String>::new);
    let list = view.incidents();
    if list.is_empty() {
        return html! {
            <div class="incidents-view empty">
                <h2>{ "Incidents" }</h2>
                <p>{ "No incidents yet. An incident is a harmful event a document reports as news; figures that give a war's or period's toll are background and make none." }</p>
            </div>
        };
    }
    let cats: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| list.iter().any(|e| e.totals.contains_key(c)))
        .collect();
    let rows = list.iter().map(|e| {
        let expanded = open.contains(&e.id);
        let toggle = {
            let open = open.clone();
            let id = e.id.clone();
            Callback::from(move |_: MouseEvent| {
                let mut v = (*open).clone();
                match v.iter().position(|x| *x == id) {
                    Some(i) => {
                        v.remove(i);
                    }
                    None => v.push(id.clone()),
                }
                open.set(v);
            })
        };
        let place = e.place.as_ref().map(|p| match &p.country {
            Some(c) => format!("{}, {c}", p.name),
            None => p.name.clone(),
        });
        let detail_id = format!("incident-{}-detail", e.id);
        let detail = expanded.then(|| {
            let sources = e.sources.iter().map(|s| {
                let lines = view.lines(s.document, s.incident).into_iter().map(|l| {
                    let d = props.dispatch.clone();
                    let (doc, fig) = (l.doc, l.figure);
                    html! {
                        <li>
                            <button type="button" class="source-sentence" data-reveal-doc={doc.to_string()}
                                data-reveal-fig={fig.to_string()} title="Show this figure in the text"
                                onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::Reveal(doc, fig)))}>
                                <mark class="fig-quote">{ l.text }</mark>{ " — " }{ l.sentence }
                            </button>
                        </li>
                    }
                }).collect::<Html>();
                html! {
                    <li class="source" data-source={s.name.clone()}>
                        <span class="source-name">{ format!("{} · incident {} (#{} below)", s.name, s.incident + 1, s.incident) }</span>
                        <ul class="source-lines">{ lines }</ul>
                    </li>
                }
            }).collect::<Html>();
            html! {
                <tr class="incident-detail" id={detail_id.clone()}>
                    <td colspan={(cats.len() + 4).to_string()}>
                        <h4>{ "Sources" }</h4>
                        <ul class="sources">{ sources }</ul>
                        if e.why.is_empty() {
                            <p class="why">{ "One source: nothing was merged." }</p>
                        } else {
                            <h4>{ "Why these reports were merged" }</h4>
                            <ul class="why">{ for e.why.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                        }
                    </td>
                </tr>
            }
        });
        html! {
            <tbody key={e.id.clone()} data-incident={e.id.clone()}>
                <tr class="incident-row">
                    <th scope="row">
                        <button type="button" class="expand" aria-expanded={expanded.to_string()}
                            aria-controls={detail_id.clone()} onclick={toggle}>
                            { if expanded { "▾ " } else { "▸ " } }{ &e.id }
                        </button>
                    </th>
                    <td class="date" data-label="Date">{ e.date.as_deref().map(|d| date_text(d, e)).unwrap_or_else(|| "unknown".into()) }</td>
                    <td class="inc-place" data-label="Place">{ place.unwrap_or_else(|| "unknown".into()) }</td>
                    { for cats.iter().map(|c| html! {
                        <td class="num" data-cat={c.as_str()} data-label={super::reader::category_label(*c)}>{ e.totals.get(c).map(count_text).unwrap_or_default() }</td>
                    }) }
                    <td class="num sources-n" data-label="Sources">{ e.sources.len() }</td>
                </tr>
                { detail.unwrap_or_default() }
            </tbody>
        }
    }).collect::<Html>();
    let dupes = view.report.duplicates.iter().map(|d| {
        let name = |i: usize| view.report.documents.get(i).map(|x| x.name.clone()).unwrap_or_default();
        html! { <li>{ format!("{} repeats {}: not counted again", name(d.document), name(d.same_as)) }</li> }
    }).collect::<Html>();
    let events = {
        let docs = props.docs.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, mime, body) = super::export::render(super::export::Format::Events, &docs);
            if let Err(e) = super::helpers::download(&name, mime, &body) {
                web_sys::console::warn_2(&"download:".into(), &e);
            }
        })
    };
    html! {
        <div class="incidents-view">
            <div class="incidents-head">
                <h2>{ format!("Incidents ({})", list.len()) }</h2>
                <button type="button" class="events-csv" onclick={events}>{ "Download events CSV" }</button>
            </div>
            <p class="hint">{ "One row per event, merged across documents: the count is the highest consistent report, with the range across sources. Background figures (a war's toll, an earlier attack) are in no incident." }</p>
            <div class="table-wrap">
                <table class="data incidents">
                    <caption class="visually-hidden">{ "Incidents across the documents" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Event" }</th>
                        <th scope="col">{ "Date" }</th>
                        <th scope="col">{ "Place" }</th>
                        { for cats.iter().map(|c| html! { <th scope="col" class="num">{ super::reader::category_label(*c) }</th> }) }
                        <th scope="col" class="num">{ "Sources" }</th>
                    </tr></thead>
                    { rows }
                </table>
            </div>
            if !view.report.duplicates.is_empty() {
                <ul class="duplicates">{ dupes }</ul>
            }
        </div>
    }
}
