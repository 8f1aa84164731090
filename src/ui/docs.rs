//! The documents list: one entry per document with its status and totals, paged so a thousand
//! documents never make a long render.

use super::model::{headline, progress, Docs, Status};
use super::thousands;
use yew::prelude::*;

/// Documents per page.
pub const PAGE: usize = 50;

/// Props of [`DocList`].
#[derive(Properties, PartialEq)]
pub struct DocListProps {
    /// All documents.
    pub docs: Docs,
    /// The open document.
    pub selected: Option<u32>,
    /// Page shown.
    pub page: usize,
    /// A document was chosen (its id).
    pub on_select: Callback<u32>,
    /// A document's remove button (its id).
    pub on_remove: Callback<u32>,
    /// Clear all.
    pub on_clear: Callback<()>,
    /// Another page of the list.
    pub on_page: Callback<usize>,
}

/// The documents list.
#[function_component(DocList)]
pub fn doc_list(props: &DocListProps) -> Html {
    let docs = &props.docs.0;
    let pages = docs.len().div_ceil(PAGE).max(1);
    let page = props.page.min(pages - 1);
    // No confirmation dialog: Clear all is undoable (Ctrl+Z or the Undo button).
    let clear = props.on_clear.reform(|_: MouseEvent| ());
    let items = docs
        .iter()
        .skip(page * PAGE)
        .take(PAGE)
        .map(|doc| {
            let id = doc.id;
            let select = props.on_select.reform(move |_: MouseEvent| id);
            let remove = props.on_remove.reform(move |e: MouseEvent| {
                e.stop_propagation();
                id
            });
            let (status, detail) = match &doc.status {
                Status::Reading => ("reading", "reading…".to_string()),
                Status::Done => ("done", String::new()),
                Status::Failed(e) => ("failed", format!("failed: {e}")),
            };
            let totals = doc
                .eff
                .as_ref()
                .map(|r| {
                    // The document totals: sums of its incidents (background never summed).
                    let incidents = match r.incidents.len() {
                        0 => String::new(),
                        1 => " (1 incident)".to_string(),
                        n => format!(" ({n} incidents)"),
                    };
                    if r.totals.is_empty() {
                        "no figures".to_string()
                    } else {
                        r.totals
                            .iter()
                            .map(|(c, t)| format!("{} {}", thousands(t.value), c.as_str()))
                            .collect::<Vec<_>>()
                            .join(" · ")
                            + &incidents
                    }
                })
                .unwrap_or_default();
            let is_sel = props.selected == Some(id);
            let (reviewed, total) = progress(&doc.review);
            html! {
                <li key={id} data-doc={doc.name.clone()} data-status={status}
                    class={classes!("doc", status, is_sel.then_some("selected"))} onclick={select}>
                    <button type="button" class="doc-name" aria-current={is_sel.then_some("true")}>
                        if let Some(h) = headline(&doc.text) {
                            <span class="doc-title">{ h }</span>
                            <span class="doc-file">{ &doc.name }</span>
                        } else {
                            { &doc.name }
                        }
                    </button>
                    <span class="doc-meta">
                        if !detail.is_empty() { <span class="doc-status">{ detail }</span> }
                        <span class="doc-totals">{ totals }</span>
                        if total > 0 {
                            <span class="doc-progress" data-progress={format!("{reviewed}/{total}")}>
                                { format!("{reviewed} of {total} reviewed") }</span>
                        }
                    </span>
                    <button type="button" class="remove" aria-label={format!("Remove {}", doc.name)}
                        title="Remove" onclick={remove}>{ "×" }</button>
                </li>
            }
        })
        .collect::<Html>();
    let pager = if pages > 1 {
        let prev = props
            .on_page
            .reform(move |_: MouseEvent| page.saturating_sub(1));
        let next = props.on_page.reform(move |_: MouseEvent| page + 1);
        html! {
            <div class="pager">
                <button type="button" disabled={page == 0} onclick={prev} aria-label="Previous page">{ "‹" }</button>
                <span>{ format!("{}–{} of {}", page * PAGE + 1, (page * PAGE + PAGE).min(docs.len()), docs.len()) }</span>
                <button type="button" disabled={page + 1 >= pages} onclick={next} aria-label="Next page">{ "›" }</button>
            </div>
        }
    } else {
        html! {}
    };
    html! {
        <section class="docs" aria-label="Documents">
            <div class="docs-head">
                <h2>{ format!("Documents ({})", docs.len()) }</h2>
                if !docs.is_empty() {
                    <button type="button" class="clear" onclick={clear}>{ "Clear all" }</button>
                }
            </div>
            if docs.len() > 1 {
                <a class="skip skip-docs" href="#panel">{ format!("Skip past the {} documents", docs.len()) }</a>
            }
            <ul class="doc-list">{ items }</ul>
            { pager }
        </section>
    }
}
