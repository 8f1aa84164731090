//! Search within the open document and across all documents: plain words or a regular
//! expression, case-insensitive. Uses the `regex` crate, whose matching is linear in the text
//! whatever the pattern, so nothing a user types can hang the page; compiled programs are
//! capped in size, so a huge repetition is refused, not built.

use regex::{Regex, RegexBuilder};
use std::ops::Range;
use std::rc::Rc;

/// Matches kept per document (the count says when there were more).
pub const MAX_HITS: usize = 1000;

/// A compiled search, compared by what was typed.
#[derive(Debug, Clone)]
pub struct Search {
    /// What the user typed.
    pub pattern: String,
    /// Typed as a regular expression (else as plain words).
    pub regex: bool,
    /// The compiled pattern.
    pub re: Rc<Regex>,
}

impl PartialEq for Search {
    fn eq(&self, o: &Search) -> bool {
        self.pattern == o.pattern && self.regex == o.regex
    }
}

/// Compiles what the user typed. Plain words match literally (punctuation included);
/// a regular expression uses the `regex` crate's syntax. Both ignore case. An empty pattern
/// is `Ok(None)`; an invalid one says why.
pub fn compile(pattern: &str, regex: bool) -> Result<Option<Search>, String> {
    if pattern.trim().is_empty() {
        return Ok(None);
    }
    let source = if regex {
        pattern.to_string()
    } else {
        regex::escape(pattern.trim())
    };
    RegexBuilder::new(&source)
        .case_insensitive(true)
        .size_limit(1 << 20)
        .nest_limit(64)
        .build()
        .map(|re| {
            Some(Search {
                pattern: pattern.to_string(),
                regex,
                re: Rc::new(re),
            })
        })
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(_) => "pattern too large".to_string(),
            e => e
                .to_string()
                .lines()
                .last()
                .unwrap_or("invalid pattern")
                .trim()
                .to_string(),
        })
}

/// The byte ranges of the non-empty matches in `text`, at most [`MAX_HITS`], and whether
/// there were more.
pub fn hits(s: &Search, text: &str) -> (Vec<Range<usize>>, bool) {
    let mut out = Vec::new();
    for m in s.re.find_iter(text).filter(|m| !m.is_empty()) {
        if out.len() == MAX_HITS {
            return (out, true);
        }
        out.push(m.range());
    }
    (out, false)
}

use super::model::Docs;
use yew::prelude::*;

/// Matches per document: (document id, name, matches, more than counted).
pub fn across(s: &Search, docs: &Docs) -> Vec<(u32, String, usize, bool)> {
    docs.0
        .iter()
        .filter(|d| !d.text.is_empty())
        .filter_map(|d| {
            let (h, more) = hits(s, &d.text);
            (!h.is_empty()).then(|| (d.id, d.name.clone(), h.len(), more))
        })
        .collect()
}

/// Props of [`SearchBar`].
#[derive(Properties, PartialEq)]
pub struct SearchProps {
    /// All documents.
    pub docs: Docs,
    /// The search in force.
    pub search: Option<Search>,
    /// A new search (None clears).
    pub on_search: Callback<Option<Search>>,
    /// Open a document.
    pub on_open: Callback<u32>,
}

fn input_value(e: &Event) -> String {
    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
    el.value()
}

/// The search box and its results across documents.
#[function_component(SearchBar)]
pub fn search_bar(props: &SearchProps) -> Html {
    let text = use_state(String::new);
    let regex = use_state(|| false);
    let error = use_state(|| None::<String>);
    let run = {
        let (on_search, error) = (props.on_search.clone(), error.clone());
        move |pattern: &str, re: bool| match compile(pattern, re) {
            Ok(s) => {
                error.set(None);
                on_search.emit(s);
            }
            Err(e) => {
                error.set(Some(e));
                on_search.emit(None);
            }
        }
    };
    let oninput = {
        let (text, regex, run) = (text.clone(), regex.clone(), run.clone());
        Callback::from(move |e: InputEvent| {
            let v = input_value(&e);
            run(&v, *regex);
            text.set(v);
        })
    };
    let ontoggle = {
        let (text, regex) = (text.clone(), regex.clone());
        Callback::from(move |_: Event| {
            let on = !*regex;
            run(&text, on);
            regex.set(on);
        })
    };
    let results = use_memo((props.docs.clone(), props.search.clone()), |(docs, s)| {
        s.as_ref().map(|s| across(s, docs)).unwrap_or_default()
    });
    let total: usize = results.iter().map(|r| r.2).sum();
    let summary = match (&*error, &props.search) {
        (Some(e), _) => {
            html! { <span class="search-error" role="alert">{ format!("Not a valid pattern: {e}") }</span> }
        }
        (None, None) => html! {},
        (None, Some(_)) => html! {
            <span class="search-count" data-search-total={total.to_string()}>{ format!(
                "{total} match{} in {} document{}", if total == 1 { "" } else { "es" },
                results.len(), if results.len() == 1 { "" } else { "s" }) }</span>
        },
    };
    html! {
        <form class="search" role="search" aria-label="Search the documents"
            onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label class="visually-hidden" for="search-input">{ "Search the documents" }</label>
            <input id="search-input" type="search" placeholder="Search the documents…"
                value={(*text).clone()} {oninput} autocomplete="off" spellcheck="false" />
            <label class="search-re"><input type="checkbox" checked={*regex} onchange={ontoggle} />{ " Regular expression" }</label>
            { summary }
            if !results.is_empty() {
                <ul class="search-results">
                    { for results.iter().take(20).map(|(id, name, n, more)| {
                        let (open, id) = (props.on_open.clone(), *id);
                        html! { <li><button type="button" class="linkish" data-search-doc={name.clone()}
                            onclick={Callback::from(move |_: MouseEvent| open.emit(id))}>
                            { format!("{name} ({n}{})", if *more { "+" } else { "" }) }</button></li> }
                    }) }
                    if results.len() > 20 { <li>{ format!("… {} more documents", results.len() - 20) }</li> }
                </ul>
            }
        </form>
    }
}
