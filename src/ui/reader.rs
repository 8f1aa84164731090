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
use crate::report::segments::blocks;
use std::collections::BTreeSet;
use std::ops::Range;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
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
fn layers(text: &str, r: &DocumentReport, hits: &[Range<usize>]) -> Vec<Layer> {
    // Code point -> byte offsets: the identity for ASCII text, else a table of char starts.
    let starts: Vec<usize> = if text.is_ascii() {
        Vec::new()
    } else {
        text.char_indices().map(|(b, _)| b).collect()
    };
    let b = |cp: usize| {
        if starts.is_empty() {
            cp.min(text.len())
        } else {
            starts.get(cp).copied().unwrap_or(text.len())
        }
    };
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

/// Texts up to this many bytes are rendered whole; longer ones block by block ([`Block`]),
/// with highlights only in the blocks near the screen, so that opening a long document never
/// holds the page for long.
const WHOLE: usize = 256 * 1024;
/// Bytes per block of a long text (about three screens).
const BLOCK: usize = 8 * 1024;
/// How far beyond the screen a block gets its highlights (the observer's root margin).
const NEAR: &str = "1500px 0px";

/// What every block of one document's text reads: the text, its report, its highlight layers
/// and blocks (made once per report and search), and the review state. Compared by pointer.
struct Shared {
    text: Rc<str>,
    report: Rc<DocumentReport>,
    layers: Vec<Layer>,
    /// The byte ranges of the blocks (one block for a text of at most [`WHOLE`] bytes).
    blocks: Vec<Range<usize>>,
    /// Byte offset of each figure's start (its block).
    figure_at: Vec<usize>,
    hits: usize,
    more_hits: bool,
}

impl Shared {
    fn new(
        text: Rc<str>,
        report: Rc<DocumentReport>,
        search: Option<&super::search::Search>,
    ) -> Shared {
        let (hits, more_hits) = search
            .map(|s| super::search::hits(s, &text))
            .unwrap_or_default();
        let layers = layers(&text, &report, &hits);
        let blocks = if text.len() <= WHOLE {
            std::iter::once(0..text.len()).collect()
        } else {
            blocks(&text, BLOCK)
        };
        let figure_at = layers
            .get(1)
            .map(|figs| {
                let mut at = vec![usize::MAX; report.figures.len()];
                for (r, m) in figs {
                    if let Mark::Figure(i) = m {
                        if let Some(slot) = at.get_mut(*i) {
                            *slot = r.start;
                        }
                    }
                }
                at
            })
            .unwrap_or_default();
        Shared {
            text,
            report,
            layers,
            blocks,
            figure_at,
            hits: hits.len(),
            more_hits,
        }
    }

    /// The block that holds figure `i`'s start.
    fn block_of_figure(&self, i: usize) -> Option<usize> {
        let at = *self.figure_at.get(i).filter(|&&b| b != usize::MAX)?;
        Some(self.blocks.partition_point(|r| r.end <= at)).filter(|&k| k < self.blocks.len())
    }
}

/// What the blocks render with besides the text: review state and the reader's choices.
/// Made again when one of them changes (all live blocks then render again).
struct Look {
    shared: Rc<Shared>,
    review: Rc<Vec<super::model::FigState>>,
    hidden: Vec<Category>,
    unreviewed_only: bool,
    dispatch: UseReducerDispatcher<AppState>,
    /// A place highlight was focused or clicked (its index).
    on_place: Callback<usize>,
}

struct Ctx<'a> {
    text: &'a str,
    report: &'a DocumentReport,
    look: &'a Look,
    /// The figure in focus.
    active: Option<usize>,
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
            let pick = cx.look.on_place.clone();
            let pick2 = cx.look.on_place.clone();
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
            let hidden = cx.look.hidden.contains(&f.category);
            let verdict = cx
                .look
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
            let dim = cx.look.unreviewed_only && verdict != Verdict::Unreviewed;
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
                let d = cx.look.dispatch.clone();
                Callback::from(move |_: FocusEvent| d.dispatch(Action::Activate(Some(i))))
            };
            let hover = {
                let d = cx.look.dispatch.clone();
                Callback::from(move |_: MouseEvent| d.dispatch(Action::Activate(Some(i))))
            };
            html! {
                <mark class={classes!("fig", format!("cat-{}", f.category.as_str()), hidden.then_some("off"),
                        (cx.active == Some(i)).then_some("active"), vclass, dim.then_some("dim"),
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

/// Props of [`Block`].
#[derive(Properties)]
struct BlockProps {
    /// The block's number in [`Shared::blocks`].
    index: usize,
    /// Highlighted (near the screen, or holding the figure in focus) or plain text.
    live: bool,
    /// The figure in focus, when it lies in this block.
    active: Option<usize>,
    look: Rc<Look>,
}

impl PartialEq for BlockProps {
    fn eq(&self, o: &BlockProps) -> bool {
        // By pointer: a block renders again only when its own state or the look changed.
        self.index == o.index
            && self.live == o.live
            && self.active == o.active
            && Rc::ptr_eq(&self.look, &o.look)
    }
}

/// One block of the text: its highlights when live, else its plain text (a single text node:
/// cheap, still found by the browser's find and counted by a selection's offsets).
#[function_component(Block)]
fn block(p: &BlockProps) -> Html {
    let sh = &p.look.shared;
    let range = sh.blocks.get(p.index).cloned().unwrap_or(0..0);
    let body = if p.live {
        let cx = Ctx {
            text: &sh.text,
            report: &sh.report,
            look: &p.look,
            active: p.active,
        };
        render(&build(&sh.layers, range.clone()), &cx)
    } else {
        html! { { sh.text.get(range.clone()).unwrap_or("") } }
    };
    // A block of a long text is laid out only near the screen (CSS `content-visibility`;
    // no `style` attribute: the page's Content-Security-Policy allows none).
    let long = sh.blocks.len() > 1;
    html! {
        <div class={classes!("blk", long.then_some("long"))} data-block={p.index.to_string()} data-live={p.live.then_some("")}>
            { body }
        </div>
    }
}

/// The blocks near the screen, as the intersection observer reports them.
#[derive(Default, PartialEq)]
struct Near {
    /// The document they belong to.
    doc: u32,
    blocks: BTreeSet<usize>,
}

/// Blocks that came near the screen (true) or left it (false), of one document.
struct Seen(u32, Vec<(usize, bool)>);

impl Reducible for Near {
    type Action = Seen;
    fn reduce(self: Rc<Self>, Seen(doc, changes): Seen) -> Rc<Self> {
        let mut blocks = if doc == self.doc {
            self.blocks.clone()
        } else {
            BTreeSet::new()
        };
        for (k, near) in changes {
            if near {
                blocks.insert(k);
            } else {
                blocks.remove(&k);
            }
        }
        Rc::new(Near { doc, blocks })
    }
}

/// Watches the blocks of a long text under `root` and reports which are near the screen.
/// Returns what stops it.
fn watch_blocks(
    root: &NodeRef,
    doc: u32,
    near: UseReducerDispatcher<Near>,
) -> Option<impl FnOnce()> {
    let root = root.cast::<web_sys::Element>()?;
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let changes: Vec<(usize, bool)> = entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            .filter_map(|e| {
                let k = e.target().get_attribute("data-block")?.parse().ok()?;
                Some((k, e.is_intersecting()))
            })
            .collect();
        if !changes.is_empty() {
            near.dispatch(Seen(doc, changes));
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(NEAR);
    let observer =
        web_sys::IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &init)
            .ok()?;
    if let Ok(blocks) = root.query_selector_all("[data-block]") {
        for k in 0..blocks.length() {
            if let Some(el) = blocks
                .item(k)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                observer.observe(&el);
            }
        }
    }
    Some(move || {
        observer.disconnect();
        drop(on_change);
    })
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
    // The highlight layers and blocks, made once per report and search.
    let shared = {
        let key = (
            Rc::as_ptr(&doc.text) as *const u8 as usize,
            doc.eff.as_ref().map(|r| Rc::as_ptr(r) as usize),
            props.search.clone(),
        );
        let (text, eff, search) = (doc.text.clone(), doc.eff.clone(), props.search.clone());
        use_memo(key, move |_| {
            eff.map(|r| Rc::new(Shared::new(text, r, search.as_ref())))
        })
    };
    // The look of the highlights: made again when the review or the reader's choices change.
    let look = {
        let key = (
            shared.as_ref().as_ref().map(|s| Rc::as_ptr(s) as usize),
            Rc::as_ptr(&doc.review) as usize,
            props.hidden.clone(),
            props.unreviewed_only,
        );
        let shared = (*shared).clone();
        let review = doc.review.clone();
        let hidden = props.hidden.clone();
        let unreviewed_only = props.unreviewed_only;
        let dispatch = props.dispatch.clone();
        let pick = place_sel.setter();
        use_memo(key, move |_| {
            shared.map(|shared| {
                Rc::new(Look {
                    shared,
                    review,
                    hidden,
                    unreviewed_only,
                    dispatch,
                    on_place: Callback::from(move |i: usize| pick.set(Some(i))),
                })
            })
        })
    };
    // Which blocks of a long text are near the screen.
    let near = use_reducer(Near::default);
    {
        let root = text_ref.clone();
        let d = near.dispatcher();
        let (n, ptr) = shared
            .as_ref()
            .as_ref()
            .map_or((0, 0), |s| (s.blocks.len(), Rc::as_ptr(s) as usize));
        use_effect_with((doc.id, n, ptr), move |&(id, n, _)| {
            let stop = if n > 1 {
                watch_blocks(&root, id, d)
            } else {
                None
            };
            move || {
                if let Some(stop) = stop {
                    stop()
                }
            }
        });
    }
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
        (_, Some(_)) if look.is_some() => {
            let (Some(look), Some(sh)) = ((*look).clone(), (*shared).clone()) else {
                return html! {};
            };
            let r = &*sh.report;
            let open = props.active.is_some() || place_sel.is_some();
            let (hits, more) = (sh.hits, sh.more_hits);
            let hit_note = props.search.as_ref().map(|_| {
                format!(
                    "{}{} match{} in this document",
                    hits,
                    if more { "+" } else { "" },
                    if hits == 1 { "" } else { "es" }
                )
            });
            // Live blocks: all of a short text; of a long one, those near the screen (the
            // first two until the observer has reported) and the one holding the figure in
            // focus.
            let active_block = props.active.and_then(|i| sh.block_of_figure(i));
            let whole = sh.blocks.len() == 1;
            let reported = near.doc == doc.id && !near.blocks.is_empty();
            let blocks: Html = (0..sh.blocks.len())
                .map(|k| {
                    let live = whole
                        || active_block == Some(k)
                        || if reported {
                            near.blocks.contains(&k)
                        } else {
                            k < 2
                        };
                    let active = props.active.filter(|_| whole || active_block == Some(k));
                    html! { <Block key={k} index={k} {live} {active} look={look.clone()} /> }
                })
                .collect();
            html! {
                <div class="reading">
                    <div class="legend" role="group" aria-label="Categories (click to show or hide)">
                        { legend(props, r) }
                    </div>
                    if let Some(n) = hit_note {
                        <p class="hit-note" data-hits={hits.to_string()}>{ n }</p>
                    }
                    if !props.hidden.is_empty() {
                        <p class="hidden-note" data-hidden-note="">{ format!(
                            "Hidden: {} (your choice, remembered in this browser). Click a category above to show it again.",
                            props.hidden.iter().map(|c| category_label(*c)).collect::<Vec<_>>().join(", ")) }</p>
                    }
                    <div class="reading-body">
                        <article class="doc-text" ref={text_ref.clone()} aria-label={format!("Text of {}", doc.name)}
                            data-doc-text={doc.name.clone()}>
                            { blocks }
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
