//! The Incidents view: the corpus-level incidents (the finished documents' incidents merged
//! across documents by the core's `Report::merged`, corrections applied, rejected figures
//! left out), one row each with date, place, counts and their range across sources, and the
//! number of sources; a row expands to its sources, their sentences (a click opens the figure
//! in the reading view) and why the sources were merged.

use super::corpus::{count_text, date_text, CorpusView};
use super::model::Docs;
use crate::report::model::Category;
use yew::prelude::*;

/// Props of [`IncidentsView`].
#[derive(Properties, PartialEq)]
pub struct IncidentsProps {
    /// All documents.
    pub docs: Docs,
    /// Show a figure in the reading view (document id, figure index).
    pub on_reveal: Callback<(u32, usize)>,
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
                    let (doc, fig) = (l.doc, l.figure);
                    html! {
                        <li>
                            <button type="button" class="source-sentence" data-reveal-doc={doc.to_string()}
                                data-reveal-fig={fig.to_string()} title="Show this figure in the text"
                                onclick={props.on_reveal.reform(move |_: MouseEvent| (doc, fig))}>
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
