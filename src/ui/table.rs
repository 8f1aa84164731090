//! The figures table across documents (sortable, filterable, paged) and the totals per
//! category and per place, added up from each document's `totals` only.

use super::model::{
    aggregate, bounds_text, qualifier_label, total_text, Docs, Status, Sum, Verdict,
};
use super::reader::category_label;
use super::thousands;
use crate::report::model::{Category, DocumentReport, Figure};
use std::cmp::Ordering;
use yew::prelude::*;

/// Rows per page.
pub const ROWS: usize = 100;

/// Sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    /// Document, then position.
    Doc,
    /// Category.
    Category,
    /// Value.
    Value,
    /// Place name.
    Place,
    /// Confidence.
    Confidence,
}

/// Props of [`FigureTable`].
#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// All documents.
    pub docs: Docs,
    /// Hidden categories.
    pub hidden: Vec<Category>,
    /// Only this place's figures (the app state's place filter, shared with the map).
    #[prop_or_default]
    pub place: Option<String>,
    /// Show a figure in the reading view (document id, figure index).
    pub on_reveal: Callback<(u32, usize)>,
    /// Filter by a place (None: all places).
    pub on_place: Callback<Option<String>>,
}

/// One figure of one document, as a row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// Document id.
    pub doc_id: u32,
    /// Document name.
    pub doc: &'a str,
    /// Index of the figure in the document's (corrected) report.
    pub index: usize,
    /// The figure.
    pub fig: &'a Figure,
    /// Its place's name ("" when it has none).
    pub place: &'a str,
    /// Its review state.
    pub verdict: Verdict,
}

/// The table's choices: filters and order ("" in a text filter: any).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// Only this category (`Category::as_str`).
    pub category: String,
    /// Only this place name.
    pub place: String,
    /// Only this document name.
    pub doc: String,
    /// Review state and confidence.
    pub review: ReviewFilter,
    /// Sort column.
    pub sort: Option<Col>,
    /// Descending instead of ascending.
    pub descending: bool,
}

/// Every figure of the documents read so far, except hidden categories, in document order.
pub fn all_rows<'a>(docs: &'a Docs, hidden: &[Category]) -> Vec<Row<'a>> {
    docs.0
        .iter()
        .filter(|d| d.status == Status::Done)
        .filter_map(|d| d.eff.as_deref().map(|r| (d, r)))
        .flat_map(|(d, r)| {
            let states = d.review.as_slice();
            r.figures.iter().enumerate().map(move |(i, f)| Row {
                verdict: states
                    .get(i)
                    .map(|s| s.verdict)
                    .unwrap_or(Verdict::Unreviewed),
                doc_id: d.id,
                doc: &r.name,
                index: i,
                fig: f,
                place: f
                    .place
                    .and_then(|p| r.places.get(p))
                    .map(|p| p.name.as_str())
                    .unwrap_or(""),
            })
        })
        .filter(|r| !hidden.contains(&r.fig.category))
        .collect()
}

/// The rows `q` keeps, in its order (document order when it names no column; ties keep
/// document order).
pub fn select<'a>(mut rows: Vec<Row<'a>>, q: &Query) -> Vec<Row<'a>> {
    rows.retain(|r| {
        (q.category.is_empty() || r.fig.category.as_str() == q.category)
            && (q.place.is_empty() || r.place == q.place)
            && (q.doc.is_empty() || r.doc == q.doc)
            && q.review.keeps(r.verdict, r.fig.confidence)
    });
    let col = q.sort.unwrap_or(Col::Doc);
    rows.sort_by(|a, b| {
        let o = match col {
            Col::Doc => a.doc.cmp(b.doc).then(a.index.cmp(&b.index)),
            Col::Category => a.fig.category.cmp(&b.fig.category),
            Col::Value => a.fig.value.cmp(&b.fig.value),
            Col::Place => a.place.cmp(b.place),
            Col::Confidence => a
                .fig
                .confidence
                .partial_cmp(&b.fig.confidence)
                .unwrap_or(Ordering::Equal),
        };
        if q.descending {
            o.reverse()
        } else {
            o
        }
    });
    rows
}

/// The review filters of the figures table.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ReviewFilter {
    /// Only this review state (None: any).
    pub state: Option<Verdict>,
    /// Only figures whose confidence is below this (None: any). Figures added by hand have no
    /// confidence and never match a confidence filter.
    pub below: Option<f32>,
}

impl ReviewFilter {
    /// Whether a figure with this review state and confidence passes.
    pub fn keeps(&self, verdict: Verdict, confidence: f32) -> bool {
        self.state.is_none_or(|s| s == verdict)
            && self
                .below
                .is_none_or(|b| verdict != Verdict::Added && confidence < b)
    }
}

/// The confidence filter's choices: (label, threshold).
pub const CONFIDENCE: [(&str, Option<f32>); 4] = [
    ("any", None),
    ("below 90%", Some(0.9)),
    ("below 75%", Some(0.75)),
    ("below 50%", Some(0.5)),
];

fn select_value(e: &Event) -> String {
    let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
    el.value()
}

fn sum_text(s: &Sum) -> String {
    total_text(s.value, s.min, s.max)
}

/// The table view.
#[function_component(FigureTable)]
pub fn figure_table(props: &TableProps) -> Html {
    let sort = use_state(|| (Col::Doc, true));
    let cat = use_state(String::new);
    let place: &str = props.place.as_deref().unwrap_or("");
    let doc_f = use_state(String::new);
    let review = use_state(ReviewFilter::default);
    let page = use_state(|| 0usize);
    {
        // A new place filter (possibly from the map) starts again at the first page.
        let page = page.clone();
        use_effect_with(props.place.clone(), move |_| page.set(0));
    }

    let reports: Vec<&DocumentReport> = props
        .docs
        .0
        .iter()
        .filter(|d| d.status == Status::Done)
        .filter_map(|d| d.eff.as_deref())
        .collect();
    let rows = all_rows(&props.docs, &props.hidden);
    let mut place_names: Vec<&str> = rows
        .iter()
        .map(|r| r.place)
        .filter(|p| !p.is_empty())
        .collect();
    if !place.is_empty() {
        // A place picked on the map may have no (visible) figures: keep it selectable.
        place_names.push(place);
    }
    place_names.sort_unstable();
    place_names.dedup();
    let (col, asc) = *sort;
    let rows = select(
        rows,
        &Query {
            category: (*cat).clone(),
            place: place.to_string(),
            doc: (*doc_f).clone(),
            review: *review,
            sort: Some(col),
            descending: !asc,
        },
    );
    let pages = rows.len().div_ceil(ROWS).max(1);
    let pg = (*page).min(pages - 1);

    let header = |label: &str, c: Col| {
        let sort = sort.clone();
        let (cur, asc) = *sort;
        let aria = if cur == c {
            if asc {
                "ascending"
            } else {
                "descending"
            }
        } else {
            "none"
        };
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort" onclick={Callback::from(move |_: MouseEvent| {
                    let (cur, asc) = *sort;
                    sort.set((c, if cur == c { !asc } else { true }));
                })}>{ label }{ if cur == c { if asc { " ▲" } else { " ▼" } } else { "" } }</button>
            </th>
        }
    };
    let body: Html = rows
        .iter()
        .skip(pg * ROWS)
        .take(ROWS)
        .map(|r| {
            let (doc_id, index) = (r.doc_id, r.index);
            let reveal = props.on_reveal.reform(move |_: MouseEvent| (doc_id, index));
            let f = r.fig;
            html! {
                <tr data-row="" data-category={f.category.as_str()} data-value={f.value.to_string()}
                    data-place={r.place.to_string()} data-review={r.verdict.as_str()}
                    class={classes!((r.verdict == Verdict::Rejected).then_some("rejected"))}>
                    <td><button type="button" class="linkish" onclick={reveal}
                        title="Show in the text">{ r.doc }</button></td>
                    <td class="num">{ &f.text }</td>
                    <td><span class={classes!("swatch", format!("cat-{}", f.category.as_str()))} aria-hidden="true" />{ f.category.as_str() }</td>
                    <td class="num">{ thousands(f.value) }</td>
                    <td>{ qualifier_label(f.qualifier) }</td>
                    <td class="num">{ bounds_text(f.min, f.max) }</td>
                    <td>{ if r.place.is_empty() { "—" } else { r.place } }</td>
                    <td class="num">{ if r.verdict == Verdict::Added { "—".to_string() } else { format!("{:.0}%", f.confidence * 100.0) } }</td>
                    <td>{ r.verdict.as_str() }</td>
                    <td class="sentence">{ &f.sentence.text }</td>
                </tr>
            }
        })
        .collect();

    let agg = aggregate(&reports);
    let cat_totals: Html = agg
        .by_category
        .iter()
        .filter(|(c, _)| !props.hidden.contains(c))
        .map(|(c, s)| html! {
            <tr data-total-category={c.as_str()} data-total={s.value.to_string()}>
                <th scope="row"><span class={classes!("swatch", format!("cat-{}", c.as_str()))} aria-hidden="true" />{ category_label(*c) }</th>
                <td class="num">{ sum_text(s) }</td>
                <td class="num">{ s.docs }</td>
            </tr>
        })
        .collect();
    let shown: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| !props.hidden.contains(c))
        .collect();
    let place_totals: Html = agg
        .by_place
        .iter()
        .map(|(p, cats)| html! {
            <tr data-total-place={p.clone()}>
                <th scope="row">{ if p.is_empty() { "(no place)" } else { p.as_str() } }</th>
                { for shown.iter().map(|c| html! {
                    <td class="num">{ cats.get(c).map(|s| thousands(s.value)).unwrap_or_default() }</td>
                }) }
            </tr>
        })
        .collect();

    let on_cat = {
        let (cat, page) = (cat.clone(), page.clone());
        Callback::from(move |e: Event| {
            cat.set(select_value(&e));
            page.set(0);
        })
    };
    let on_place = {
        let (pick, page) = (props.on_place.clone(), page.clone());
        Callback::from(move |e: Event| {
            pick.emit(Some(select_value(&e)));
            page.set(0);
        })
    };
    let on_doc = {
        let (doc_f, page) = (doc_f.clone(), page.clone());
        Callback::from(move |e: Event| {
            doc_f.set(select_value(&e));
            page.set(0);
        })
    };
    let on_review = {
        let (review, page) = (review.clone(), page.clone());
        Callback::from(move |e: Event| {
            review.set(ReviewFilter {
                state: Verdict::parse(&select_value(&e)),
                ..*review
            });
            page.set(0);
        })
    };
    let on_conf = {
        let (review, page) = (review.clone(), page.clone());
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            review.set(ReviewFilter {
                below: CONFIDENCE
                    .iter()
                    .find(|(l, _)| *l == v)
                    .and_then(|(_, b)| *b),
                ..*review
            });
            page.set(0);
        })
    };
    let prev = {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(pg.saturating_sub(1)))
    };
    let next = {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(pg + 1))
    };
    let mut doc_names: Vec<&str> = reports.iter().map(|r| r.name.as_str()).collect();
    doc_names.sort_unstable();
    doc_names.dedup();
    html! {
        <div class="table-view">
            <section aria-label="Totals" class="totals">
                <h2>{ "Totals across documents" }</h2>
                <p class="hint">{ "From each document's totals: repeated mentions and parts of a larger figure are counted once, rejected figures not at all. The number shown always lies within its bounds (in brackets): “more than 200” counts as at least 201." }</p>
                <div class="totals-grid">
                    <table class="data" tabindex="0">
                        <caption>{ "By category" }</caption>
                        <thead><tr><th scope="col">{ "Category" }</th><th scope="col">{ "Total (bounds)" }</th><th scope="col">{ "Documents" }</th></tr></thead>
                        <tbody>{ cat_totals }</tbody>
                    </table>
                    <table class="data" tabindex="0">
                        <caption>{ "By place" }</caption>
                        <thead><tr><th scope="col">{ "Place" }</th>
                            { for shown.iter().map(|c| html! { <th scope="col">{ c.as_str() }</th> }) }
                        </tr></thead>
                        <tbody>{ place_totals }</tbody>
                    </table>
                </div>
            </section>
            <section aria-label="Figures" class="figures">
                <h2>{ format!("Figures ({})", rows.len()) }</h2>
                <div class="filters">
                    <label>{ "Category " }
                        <select onchange={on_cat} id="filter-category">
                            <option value="" selected={cat.is_empty()}>{ "all" }</option>
                            { for shown.iter().map(|c| html! {
                                <option value={c.as_str()} selected={*cat == c.as_str()}>{ c.as_str() }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ "Place " }
                        <select onchange={on_place} id="filter-place">
                            <option value="" selected={place.is_empty()}>{ "all" }</option>
                            { for place_names.iter().map(|p| html! {
                                <option value={p.to_string()} selected={place == *p}>{ *p }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ "Document " }
                        <select onchange={on_doc} id="filter-doc">
                            <option value="" selected={doc_f.is_empty()}>{ "all" }</option>
                            { for doc_names.iter().map(|p| html! {
                                <option value={p.to_string()} selected={*doc_f == *p}>{ *p }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ "Review " }
                        <select onchange={on_review} id="filter-review">
                            <option value="" selected={review.state.is_none()}>{ "any" }</option>
                            { for Verdict::ALL.into_iter().map(|v| html! {
                                <option value={v.as_str()} selected={review.state == Some(v)}>{
                                    if v == Verdict::Unreviewed { "unreviewed (machine)" } else { v.as_str() } }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ "Confidence " }
                        <select onchange={on_conf} id="filter-confidence">
                            { for CONFIDENCE.iter().map(|(l, b)| html! {
                                <option value={*l} selected={review.below == *b}>{ *l }</option>
                            }) }
                        </select>
                    </label>
                </div>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Figures table (scrolls sideways)">
                    <table class="data figures-table">
                        <thead><tr>
                            { header("Document", Col::Doc) }
                            <th scope="col">{ "Text" }</th>
                            { header("Category", Col::Category) }
                            { header("Value", Col::Value) }
                            <th scope="col">{ "Qualifier" }</th>
                            <th scope="col">{ "Bounds" }</th>
                            { header("Place", Col::Place) }
                            { header("Confidence", Col::Confidence) }
                            <th scope="col">{ "Review" }</th>
                            <th scope="col">{ "Sentence" }</th>
                        </tr></thead>
                        <tbody>{ body }</tbody>
                    </table>
                </div>
                if pages > 1 {
                    <div class="pager">
                        <button type="button" disabled={pg == 0} onclick={prev} aria-label="Previous page">{ "‹" }</button>
                        <span>{ format!("page {} of {}", pg + 1, pages) }</span>
                        <button type="button" disabled={pg + 1 >= pages} onclick={next} aria-label="Next page">{ "›" }</button>
                    </div>
                }
            </section>
        </div>
    }
}
