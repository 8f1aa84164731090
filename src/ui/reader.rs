//! The reading view: the document as text with figure and place highlights, a legend that
//! toggles categories, an inspector for the figure in focus (value, bounds, qualifier, victims,
//! trigger, place, confidence, its sentence) and, in correction mode, the review controls.
//! Document text is only ever rendered as text nodes.

use super::incident_marks::{role, role_text, IncidentEditor, Role};
use super::model::{
    bounds_text, parse_qualifier, progress, qualifier_label, Added, Doc, Edit, Review, Verdict,
    QUALIFIERS,
};
use super::place_panel::{kind_label, PlacePanel};
use super::segments::{build, disjoint, Layer, Mark, Node};
use super::state::{Action, AppState};
use super::thousands;
use crate::numbers;
use crate::report::model::{Category, DocumentReport, Figure};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The document.
    pub doc: Rc<Doc>,
    /// Hidden categories.
    pub hidden: Vec<Category>,
    /// Figure in focus.
    pub active: Option<usize>,
    /// Bumped to move focus to `active`.
    pub focus_seq: u32,
    /// Bumped to flash `active`'s sentence.
    pub flash_seq: u32,
    /// Correction mode.
    pub correcting: bool,
    /// Review queue: only figures nobody reviewed are visited (the others are dimmed).
    #[prop_or_default]
    pub unreviewed_only: bool,
    /// Bumped to move focus into the correction form.
    #[prop_or_default]
    pub edit_seq: u32,
    /// The search whose matches are highlighted.
    #[prop_or_default]
    pub search: Option<super::search::Search>,
    /// The document's country hint (for the place inspector).
    #[prop_or_default]
    pub country: Option<String>,
    /// State changes.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Short description of a category for the legend.
pub fn category_label(c: Category) -> &'static str {
    match c {
        Category::Killed => "Killed",
        Category::Injured => "Injured",
        Category::Missing => "Missing",
        Category::Kidnapped => "Kidnapped",
        Category::Detained => "Detained",
        Category::Displaced => "Displaced",
    }
}

/// The highlight layers (byte ranges): sentences of figures, figures, place mentions, search
/// matches.
fn layers(text: &str, r: &DocumentReport, hits: &[std::ops::Range<usize>]) -> Vec<Layer> {
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let b = |cp: usize| starts.get(cp).copied().unwrap_or(text.len());
    let sentences: Layer = r
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| (b(f.sentence.start)..b(f.sentence.end), Mark::Sentence(i)))
        .collect();
    let figures: Layer = r
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| (b(f.start)..b(f.end), Mark::Figure(i)))
        .collect();
    let places: Layer = r
        .places
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m.start, m.end, i)))
        .map(|(s, e, i)| (b(s)..b(e), Mark::Place(i)))
        .collect();
    let hits: Layer = hits
        .iter()
        .enumerate()
        .map(|(k, h)| (h.clone(), Mark::Hit(k)))
        .collect();
    vec![
        disjoint(sentences),
        disjoint(figures),
        disjoint(places),
        disjoint(hits),
    ]
}

fn figure_title(f: &Figure, r: &DocumentReport, rejected: bool) -> String {
    let place = f
        .place
        .and_then(|p| r.places.get(p))
        .map(|p| format!(" · {}", p.name))
        .unwrap_or_default();
    format!(
        "{}{}: {} ({}, {}){}{}",
        if rejected { "rejected — " } else { "" },
        f.category.as_str(),
        thousands(f.value),
        qualifier_label(f.qualifier),
        bounds_text(f.min, f.max),
        place,
        if f.implicit {
            " · implicit (no number word)"
        } else {
            ""
        }
    )
}

struct Ctx<'a> {
    text: &'a str,
    report: &'a DocumentReport,
    props: &'a ReaderProps,
    /// A place highlight was focused or clicked (its index).
    on_place: Callback<usize>,
}

fn render(nodes: &[Node], cx: &Ctx) -> Html {
    nodes.iter().map(|n| render_node(n, cx)).collect()
}

fn render_node(n: &Node, cx: &Ctx) -> Html {
    match n {
        Node::Text(r) => html! { { cx.text.get(r.clone()).unwrap_or("") } },
        Node::Wrap(Mark::Sentence(i), kids) => {
            let start = cx
                .report
                .figures
                .get(*i)
                .map(|f| f.sentence.start)
                .unwrap_or(0);
            html! { <span class="sent" data-sent={start.to_string()}>{ render(kids, cx) }</span> }
        }
        Node::Wrap(Mark::Hit(k), kids) => {
            html! { <mark class="hit" data-hit={k.to_string()}>{ render(kids, cx) }</mark> }
        }
        Node::Wrap(Mark::Place(i), kids) => {
            let name = cx
                .report
                .places
                .get(*i)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            let i = *i;
            let pick = cx.on_place.clone();
            let pick2 = cx.on_place.clone();
            html! { <span class="place" data-place={name.clone()} data-place-index={i.to_string()}
            tabindex="0" title={format!("Place: {name}")}
            onfocus={Callback::from(move |_: FocusEvent| pick.emit(i))}
            onclick={Callback::from(move |e: MouseEvent| { e.stop_propagation(); pick2.emit(i) })}>
            { render(kids, cx) }</span> }
        }
        Node::Wrap(Mark::Figure(i), kids) => {
            let Some(f) = cx.report.figures.get(*i) else {
                return render(kids, cx);
            };
            let i = *i;
            let hidden = cx.props.hidden.contains(&f.category);
            let verdict = cx
                .props
                .doc
                .review
                .get(i)
                .map(|s| s.verdict)
                .unwrap_or(Verdict::Unreviewed);
            let vclass = match verdict {
                Verdict::Unreviewed => None,
                Verdict::Accepted => Some("accepted"),
                Verdict::Edited => Some("edited"),
                Verdict::Added => Some("added"),
                Verdict::Rejected => Some("rejected"),
            };
            let dim = cx.props.unreviewed_only && verdict != Verdict::Unreviewed;
            let role = role(cx.report, i);
            let (incident, bg) = match role {
                Role::Incident(k) => (Some((k + 1).to_string()), false),
                Role::Background => (None, true),
                _ => (None, false),
            };
            let title = match role {
                Role::Incident(k) => format!(
                    "{} · incident {}",
                    figure_title(f, cx.report, verdict == Verdict::Rejected),
                    k + 1
                ),
                Role::Background => format!(
                    "{} · background: not counted in totals",
                    figure_title(f, cx.report, verdict == Verdict::Rejected)
                ),
                _ => figure_title(f, cx.report, verdict == Verdict::Rejected),
            };
            let activate = {
                let d = cx.props.dispatch.clone();
                Callback::from(move |_: FocusEvent| d.dispatch(Action::Activate(Some(i))))
            };
            let hover = {
                let d = cx.props.dispatch.clone();
                Callback::from(move |_: MouseEvent| d.dispatch(Action::Activate(Some(i))))
            };
            html! {
                <mark class={classes!("fig", format!("cat-{}", f.category.as_str()), hidden.then_some("off"),
                        (cx.props.active == Some(i)).then_some("active"), vclass, dim.then_some("dim"),
                        bg.then_some("bg"), f.implicit.then_some("implicit"))}
                    data-review={verdict.as_str()}
                    data-category={f.category.as_str()} data-value={f.value.to_string()}
                    data-incident={incident.clone()} data-background={bg.then_some("true")}
                    data-implicit={f.implicit.then_some("true")}
                    data-fig={i.to_string()} tabindex="0" title={title.clone()}
                    aria-label={title}
                    onfocus={activate} onmouseenter={hover}>
                    { render(kids, cx) }
                    if let Some(n) = incident {
                        // The incident's number, drawn by CSS from the attribute (not text).
                        <span class="inc-tag" data-n={n} aria-hidden="true" />
                    }
                </mark>
            }
        }
    }
}

fn legend(props: &ReaderProps, r: &DocumentReport) -> Html {
    Category::ALL
        .into_iter()
        .map(|c| {
            // Rejected figures are listed but not counted.
            let n = r
                .figures
                .iter()
                .enumerate()
                .filter(|(i, f)| {
                    f.category == c
                        && props.doc.review.get(*i).map(|s| s.verdict) != Some(Verdict::Rejected)
                })
                .count();
            let on = !props.hidden.contains(&c);
            let d = props.dispatch.clone();
            html! {
                <button type="button" class={classes!("legend-item", format!("cat-{}", c.as_str()), (!on).then_some("off"))}
                    aria-pressed={on.to_string()} data-legend={c.as_str()}
                    title={if on { "Hide this category" } else { "Show this category" }}
                    onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::ToggleCategory(c)))}>
                    <span class={classes!("swatch", format!("cat-{}", c.as_str()))} aria-hidden="true" />
                    { format!("{} ({n})", category_label(c)) }
                </button>
            }
        })
        .chain(std::iter::once(html! {
            <span class="place-key" title="Places are outlined like this; focus one to inspect it">
                { "Key: " }<span class="place-sample">{ "place" }</span>
                { " " }<span class="bg-sample" data-legend-key="background"
                    title="A war's or period's toll, or an earlier event: never summed">{ "background" }</span>
                { " " }<span class="implicit-sample" data-legend-key="implicit"
                    title="A singular victim with no number word (“a civilian was killed”): counts as 1">{ "implicit (1)" }</span>
                { " " }<span class="inc-sample" data-legend-key="incident"
                    title="The small number after a figure is its incident">{ "incident " }<span class="inc-tag" data-n="1" aria-hidden="true" /></span>
            </span>
        }))
        .collect()
}

fn inspector(props: &ReaderProps, r: &DocumentReport) -> Html {
    let Some(i) = props.active else {
        return html! {
            <div class="inspector empty-inspector">
                <p>{ "Hover or focus a highlighted number to see how it was read. Keys: j / n next figure, k / p previous; a accept, r reject, e edit, u restore; Ctrl+Z undo." }</p>
            </div>
        };
    };
    let Some(f) = r.figures.get(i) else {
        return html! {};
    };
    let place = f.place.and_then(|p| r.places.get(p));
    let place_text = match place {
        Some(p) => {
            let mut s = format!("{} — {}", p.name, kind_label(p.kind));
            if let Some(a) = &p.admin1 {
                s.push_str(&format!(", {a}"));
            }
            if let Some(c) = &p.country {
                s.push_str(&format!(", {c}"));
            }
            if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
                s.push_str(&format!(" ({lat:.3}, {lon:.3})"));
            }
            if let Some(id) = p.geonames_id {
                s.push_str(&format!(" · GeoNames {id}"));
            }
            s
        }
        None => "not linked to a place".to_string(),
    };
    let part = f
        .part_of
        .and_then(|p| r.figures.get(p))
        .map(|p| format!("part of “{}” ({})", p.text, p.category.as_str()));
    let state = props.doc.review.get(i).copied();
    html! {
        <div class="inspector" aria-live="polite" data-inspect={i.to_string()}>
            <h3>
                <span class={classes!("swatch", format!("cat-{}", f.category.as_str()))} aria-hidden="true" />
                { format!("“{}” — {}", f.text, f.category.as_str()) }
            </h3>
            <dl>
                <dt>{ "Value" }</dt><dd>{ thousands(f.value) }</dd>
                <dt>{ "Qualifier" }</dt><dd>{ qualifier_label(f.qualifier) }</dd>
                <dt>{ "Bounds" }</dt><dd>{ format!("min {} · max {}",
                    f.min.map(thousands).unwrap_or_else(|| "none".into()),
                    f.max.map(thousands).unwrap_or_else(|| "open".into())) }</dd>
                <dt>{ "Victims" }</dt><dd>{ f.victims.clone().unwrap_or_else(|| "not stated".into()) }</dd>
                <dt>{ "Trigger" }</dt><dd>{ if f.trigger.text.is_empty() { "—".to_string() } else { format!("“{}”", f.trigger.text) } }</dd>
                <dt>{ "Place" }</dt><dd>{ place_text }</dd>
                <dt>{ "Incident" }</dt><dd data-inspect-incident="">{ role_text(r, i) }</dd>
                if f.implicit {
                    <dt>{ "Implicit" }</dt><dd data-inspect-implicit="">{ "implicit: a singular victim with no number word (counts as 1)" }</dd>
                }
                if let Some(n) = props.doc.page_of(f.start) {
                    <dt>{ "Page" }</dt><dd data-page={n.to_string()}>{ format!("page {n} of {}", props.doc.pages.len()) }</dd>
                }
                if let Some(p) = part { <dt>{ "Part of" }</dt><dd>{ p }</dd> }
                if !f.rule.is_empty() {
                    <dt>{ "Why" }</dt><dd data-inspect-rule="">{ &f.rule }</dd>
                }
                <dt>{ "Confidence" }</dt><dd>{ if state.is_some_and(|s| s.verdict == Verdict::Added) {
                    "none (added by hand)".to_string() } else { format!("{:.0}%", f.confidence * 100.0) } }</dd>
                if let Some(s) = state {
                    <dt>{ "Review" }</dt><dd data-review-state={s.verdict.as_str()}>{ match s.verdict {
                        Verdict::Unreviewed => "not reviewed", Verdict::Accepted => "accepted",
                        Verdict::Edited => "edited", Verdict::Added => "added by hand",
                        Verdict::Rejected => "rejected (not counted; u or Restore brings it back)" } }
                        { s.at.map(|t| format!(" · {}", super::time_text(t))).unwrap_or_default() }</dd>
                }
            </dl>
            <blockquote class="evidence">{ &f.sentence.text }</blockquote>
            if props.correcting {
                <Corrector doc={props.doc.clone()} index={i} edit_seq={props.edit_seq}
                    dispatch={props.dispatch.clone()} />
                <IncidentEditor doc={props.doc.clone()} index={i} dispatch={props.dispatch.clone()} />
            }
        </div>
    }
}

/// The reading view.
#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let text_ref = use_node_ref();
    // Move keyboard focus to the active figure when asked (j/k, table clicks).
    {
        let text_ref = text_ref.clone();
        use_effect_with((props.focus_seq, props.active), move |(_, active)| {
            if let (Some(i), Some(root)) = (active, text_ref.cast::<web_sys::Element>()) {
                if let Ok(Some(el)) = root.query_selector(&format!("[data-fig=\"{i}\"]")) {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let doc_focused = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.active_element())
                            .map(|a| a.is_same_node(Some(&el)))
                            .unwrap_or(false);
                        if !doc_focused {
                            let _ = el.focus();
                        }
                    }
                }
            }
        });
    }
    // Flash the sentence of the active figure (table clicks).
    {
        let text_ref = text_ref.clone();
        let start = props
            .active
            .and_then(|i| props.doc.eff.as_ref().and_then(|r| r.figures.get(i)))
            .map(|f| f.sentence.start);
        use_effect_with(props.flash_seq, move |seq| {
            if *seq == 0 {
                return;
            }
            if let (Some(s), Some(root)) = (start, text_ref.cast::<web_sys::Element>()) {
                if let Ok(Some(el)) = root.query_selector(&format!("[data-sent=\"{s}\"]")) {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                    let cl = el.class_list();
                    let _ = cl.remove_1("flash");
                    if let Ok(h) = el.clone().dyn_into::<web_sys::HtmlElement>() {
                        let _ = h.offset_width(); // restart the animation
                    }
                    let _ = cl.add_1("flash");
                }
            }
        });
    }
    let doc = &props.doc;
    let place_sel = use_state(|| None::<usize>);
    {
        let place_sel = place_sel.clone();
        use_effect_with(doc.id, move |_| place_sel.set(None));
    }
    let on_place = {
        let place_sel = place_sel.clone();
        Callback::from(move |i: usize| place_sel.set(Some(i)))
    };
    let close_place = {
        let place_sel = place_sel.clone();
        Callback::from(move |_: MouseEvent| place_sel.set(None))
    };
    let close_sheet = {
        let d = props.dispatch.clone();
        let place_sel = place_sel.clone();
        Callback::from(move |_: MouseEvent| {
            place_sel.set(None);
            d.dispatch(Action::Activate(None));
        })
    };
    let (reviewed, total) = progress(&doc.review);
    let queue = {
        let d = props.dispatch.clone();
        let on = props.unreviewed_only;
        Callback::from(move |_: Event| d.dispatch(Action::SetUnreviewedOnly(!on)))
    };
    let toggle_correct = {
        let d = props.dispatch.clone();
        let on = props.correcting;
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetCorrecting(!on)))
    };
    let add_from_selection = {
        let d = props.dispatch.clone();
        let text_ref = text_ref.clone();
        let id = doc.id;
        let text = doc.text.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(added) = selection_figure(&text_ref, &text) {
                d.dispatch(Action::AddFigure(id, added));
            }
        })
    };
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let body = match (&doc.status, &doc.eff) {
        (super::model::Status::Failed(e), _) => html! {
            <p class="error" role="alert">{ format!("This document could not be read: {e}") }</p>
        },
        (_, Some(r)) => {
            let cx = Ctx {
                text: &doc.text,
                report: r,
                props,
                on_place: on_place.clone(),
            };
            let open = props.active.is_some() || place_sel.is_some();
            let (hits, more) = props
                .search
                .as_ref()
                .map(|s| super::search::hits(s, &doc.text))
                .unwrap_or_default();
            let nodes = build(&layers(&doc.text, r, &hits), 0..doc.text.len());
            let hit_note = props.search.as_ref().map(|_| {
                format!(
                    "{}{} match{} in this document",
                    hits.len(),
                    if more { "+" } else { "" },
                    if hits.len() == 1 { "" } else { "es" }
                )
            });
            html! {
                <div class="reading">
                    <div class="legend" role="group" aria-label="Categories (click to show or hide)">
                        { legend(props, r) }
                    </div>
                    if let Some(n) = hit_note {
                        <p class="hit-note" data-hits={hits.len().to_string()}>{ n }</p>
                    }
                    if !props.hidden.is_empty() {
                        <p class="hidden-note" data-hidden-note="">{ format!(
                            "Hidden: {} (your choice, remembered in this browser). Click a category above to show it again.",
                            props.hidden.iter().map(|c| category_label(*c)).collect::<Vec<_>>().join(", ")) }</p>
                    }
                    <div class="reading-body">
                        <article class="doc-text" ref={text_ref.clone()} aria-label={format!("Text of {}", doc.name)}
                            data-doc-text={doc.name.clone()}>
                            { render(&nodes, &cx) }
                        </article>
                        <aside class={classes!("side-panel", open.then_some("open"))} aria-label="Figure details">
                            if open {
                                <button type="button" class="sheet-close" onclick={close_sheet}
                                    aria-label="Close the details">{ "Close" }</button>
                            }
                            if let Some(pi) = *place_sel {
                                <PlacePanel doc={doc.clone()} index={pi} country={props.country.clone()}
                                    on_close={close_place.clone()} dispatch={props.dispatch.clone()} />
                            }
                            { inspector(props, r) }
                        </aside>
                    </div>
                </div>
            }
        }
        _ => html! { <p class="loading" role="status">{ "Reading…" }</p> },
    };
    html! {
        <div class="reader">
            <div class="reader-head">
                <h2>
                    if let Some(h) = super::model::headline(&doc.text) {
                        { h }<span class="doc-file">{ &doc.name }</span>
                    } else {
                        { &doc.name }
                    }
                </h2>
                if total > 0 {
                    <div class="review-progress">
                        <progress max={total.to_string()} value={reviewed.to_string()} aria-hidden="true" />
                        <span data-progress={format!("{reviewed}/{total}")}>{ format!("{reviewed} of {total} reviewed") }</span>
                        <label class="queue"><input type="checkbox" checked={props.unreviewed_only} onchange={queue} />
                            { " Unreviewed only" }</label>
                    </div>
                }
                <div class="reader-tools">
                    <button type="button" aria-pressed={props.correcting.to_string()}
                        class={classes!("correct-toggle", props.correcting.then_some("on"))}
                        onclick={toggle_correct}>
                        { if props.correcting { "Correction mode: on" } else { "Correction mode: off" } }
                    </button>
                    if props.correcting {
                        <button type="button" class="add-selection" onmousedown={keep_selection}
                            onclick={add_from_selection}
                            title="Select the number in the text, then press this to add a missed figure">
                            { "Add figure from selection" }
                        </button>
                    }
                </div>
            </div>
            { body }
        </div>
    }
}

/// The selected text inside the document as a new figure (code point offsets), its value read
/// by the core's number reader.
fn selection_figure(root: &NodeRef, text: &str) -> Option<Added> {
    let root = root.cast::<web_sys::Element>()?;
    let window = web_sys::window()?;
    let doc = window.document()?;
    let sel = window.get_selection().ok()??;
    if sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let container = range.start_container().ok()?;
    if !root.contains(Some(&container)) {
        return None;
    }
    let pre = doc.create_range().ok()?;
    pre.set_start(&root, 0).ok()?;
    pre.set_end(&container, range.start_offset().ok()?).ok()?;
    let start = String::from(pre.to_string()).chars().count();
    let picked = String::from(range.to_string());
    let lead = picked.chars().take_while(|c| c.is_whitespace()).count();
    let trimmed = picked.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = start + lead;
    let end = start + trimmed.chars().count();
    // Make sure the offsets really point at the selected text.
    let check: String = text.chars().skip(start).take(end - start).collect();
    if check != trimmed {
        return None;
    }
    let n = numbers::find(trimmed).into_iter().next();
    Some(Added {
        start,
        end,
        edit: Edit {
            category: Category::Killed,
            value: n.as_ref().map(|n| n.value).unwrap_or(0),
            max: n.as_ref().and_then(|n| n.max),
            qualifier: n.map(|n| n.qualifier).unwrap_or(crate::Qualifier::Exact),
            place: None,
        },
        at: Some(js_sys::Date::now()),
    })
}

/// Props of [`Corrector`].
#[derive(Properties, PartialEq)]
pub struct CorrectorProps {
    /// The document.
    pub doc: Rc<Doc>,
    /// Figure index in the corrected report.
    pub index: usize,
    /// Bumped to move focus to the value field (the edit key).
    #[prop_or_default]
    pub edit_seq: u32,
    /// State changes.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Accept / reject / edit controls for one figure.
#[function_component(Corrector)]
pub fn corrector(props: &CorrectorProps) -> Html {
    let fig = props
        .doc
        .eff
        .as_ref()
        .and_then(|r| r.figures.get(props.index).cloned());
    let state = props.doc.review.get(props.index).copied();
    let place_name = props.doc.eff.as_ref().and_then(|r| {
        fig.as_ref()
            .and_then(|f| f.place)
            .and_then(|p| r.places.get(p))
            .map(|p| p.name.clone())
    });
    let init = fig.as_ref().map(|f| Edit {
        category: f.category,
        value: f.value,
        max: if matches!(
            f.qualifier,
            crate::Qualifier::Range | crate::Qualifier::Vague
        ) {
            f.max
        } else {
            None
        },
        qualifier: f.qualifier,
        place: place_name.clone(),
    });
    let form = use_state(|| init.clone());
    {
        let form = form.clone();
        use_effect_with(
            (props.index, props.doc.id, init.clone()),
            move |(_, _, init)| {
                form.set(init.clone());
            },
        );
    }
    let value_ref = use_node_ref();
    {
        let value_ref = value_ref.clone();
        use_effect_with(props.edit_seq, move |seq| {
            if *seq > 0 {
                if let Some(el) = value_ref.cast::<web_sys::HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            }
        });
    }
    let (Some(_fig), Some(state), Some(edit)) = (fig, state, (*form).clone()) else {
        return html! {};
    };
    let rejected = state.verdict == Verdict::Rejected;
    let id = props.doc.id;
    let d = props.dispatch.clone();
    let is_added = state.verdict == Verdict::Added;
    let review = move |rejected: bool, edit: Option<Edit>| Review {
        start: state.start,
        end: state.end,
        category: state.category,
        rejected,
        edit,
        at: Some(js_sys::Date::now()),
    };
    let accept = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Review(id, review(false, None))))
    };
    let reject = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            if is_added {
                d.dispatch(Action::RemoveAdded(id, state.start, state.end))
            } else {
                d.dispatch(Action::Review(id, review(true, None)))
            }
        })
    };
    let restore = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::ClearReview(
                id,
                state.start,
                state.end,
                state.category,
            ))
        })
    };
    let save = {
        let d = d.clone();
        let edit = edit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if is_added {
                d.dispatch(Action::AddFigure(
                    id,
                    Added {
                        start: state.start,
                        end: state.end,
                        edit: edit.clone(),
                        at: Some(js_sys::Date::now()),
                    },
                ))
            } else {
                d.dispatch(Action::Review(id, review(false, Some(edit.clone()))))
            }
            d.dispatch(Action::Step(1)); // keyboard-first: on to the next figure
        })
    };
    let set = |f: fn(&mut Edit, String)| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target()
                .and_then(|t| {
                    t.clone()
                        .dyn_into::<web_sys::HtmlInputElement>()
                        .map(|i| i.value())
                        .or_else(|_| {
                            t.dyn_into::<web_sys::HtmlSelectElement>()
                                .map(|s| s.value())
                        })
                        .ok()
                })
                .unwrap_or_default();
            if let Some(mut ed) = (*form).clone() {
                f(&mut ed, v);
                form.set(Some(ed));
            }
        })
    };
    let places: Html = props
        .doc
        .eff
        .as_ref()
        .map(|r| {
            r.places
                .iter()
                .map(|p| html! { <option value={p.name.clone()} /> })
                .collect()
        })
        .unwrap_or_default();
    html! {
        <form class="corrector" onsubmit={save} aria-label="Correct this figure">
            <div class="corrector-actions">
                if !is_added {
                    <button type="button" class="accept" onclick={accept} title="Accept (a)">{ "Accept" }</button>
                }
                // Disabled once rejected, so a double click cannot reach another figure.
                <button type="button" class="reject" onclick={reject} disabled={rejected}
                    title="Reject (r)">{ if is_added { "Remove" } else if rejected { "Rejected" } else { "Reject" } }</button>
                if rejected || matches!(state.verdict, Verdict::Accepted | Verdict::Edited) {
                    <button type="button" class="restore" onclick={restore}
                        title="Back to the machine's reading (u)">{ if rejected { "Restore" } else { "Reset" } }</button>
                }
            </div>
            <label>{ "Category" }
                <select onchange={set(|e, v| if let Some(c) = Category::parse(&v) { e.category = c })}>
                    { for Category::ALL.into_iter().map(|c| html! {
                        <option value={c.as_str()} selected={c == edit.category}>{ c.as_str() }</option>
                    }) }
                </select>
            </label>
            <label>{ "Value" }
                <input type="number" min="0" value={edit.value.to_string()} ref={value_ref}
                    onchange={set(|e, v| if let Ok(n) = v.trim().parse() { e.value = n })} />
            </label>
            <label>{ "Qualifier" }
                <select onchange={set(|e, v| if let Some(q) = parse_qualifier(&v) { e.qualifier = q })}>
                    { for QUALIFIERS.into_iter().map(|q| html! {
                        <option value={q.as_str()} selected={q == edit.qualifier}>{ qualifier_label(q) }</option>
                    }) }
                </select>
            </label>
            <label>{ "High end (ranges)" }
                <input type="number" min="0" value={edit.max.map(|m| m.to_string()).unwrap_or_default()}
                    onchange={set(|e, v| e.max = v.trim().parse().ok())} />
            </label>
            <label>{ "Place" }
                <input type="text" list="place-names" value={edit.place.clone().unwrap_or_default()}
                    onchange={set(|e, v| e.place = Some(v).filter(|s| !s.trim().is_empty()))} />
                <datalist id="place-names">{ places }</datalist>
            </label>
            <button type="submit" class="save">{ "Save correction" }</button>
        </form>
    }
}
