//! Getting documents in: a drop zone (files and folders), file pickers, a paste box and the
//! sample articles. Files go to the worker untouched: it reads, decodes and (for HTML) reduces
//! them to text with the core, off the main thread.

use super::helpers;
use super::samples::SAMPLES;
use super::state::{Action, AppState};
use wasm_bindgen::JsCast;
use web_sys::File;
use yew::prelude::*;

/// Files handed over per task: a thousand dropped files are taken in slices, each in its own
/// task, so the page never blocks while they are registered.
const SLICE: usize = 50;

/// The kind of file, from its name.
enum Kind {
    Document,
    Skip,
    Unsupported(String),
}

fn kind(name: &str) -> Kind {
    let base = name.rsplit('/').next().unwrap_or(name);
    if base.starts_with('.') {
        return Kind::Skip; // .DS_Store and friends inside dropped folders
    }
    let ext = match base.rsplit_once('.') {
        Some((_, e)) => e.to_ascii_lowercase(),
        None => return Kind::Document,
    };
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml" | "docx" | "docm" | "odt"
        | "pdf" => Kind::Document,
        other => Kind::Unsupported(format!(
            "unsupported file type .{other}: use .txt, .md, .html, .docx, .odt or .pdf"
        )),
    }
}

async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Sorts files by kind and hands them to the state, a slice per task.
pub fn take_files(files: Vec<File>, dispatch: &UseReducerDispatcher<AppState>) {
    let mut docs = Vec::new();
    let mut bad = Vec::new();
    for f in files {
        match kind(&f.name()) {
            Kind::Document => docs.push(f),
            Kind::Skip => {}
            Kind::Unsupported(reason) => bad.push((f.name(), reason)),
        }
    }
    if !bad.is_empty() {
        dispatch.dispatch(Action::AddFailed(bad));
    }
    let dispatch = dispatch.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let mut rest = docs;
        while !rest.is_empty() {
            let tail = rest.split_off(rest.len().min(SLICE));
            dispatch.dispatch(Action::AddFiles(rest));
            rest = tail;
            if !rest.is_empty() {
                next_task().await;
            }
        }
    });
}
/// Whether pasted text is only a web address.
pub fn is_link(t: &str) -> bool {
    let t = t.trim();
    !t.contains(char::is_whitespace)
        && ["http://", "https://", "www."]
            .iter()
            .any(|p| t.to_ascii_lowercase().starts_with(p))
}

fn files_of(arr: js_sys::Array) -> Vec<File> {
    arr.iter()
        .filter_map(|v| v.dyn_into::<File>().ok())
        .collect()
}

/// Props of [`Input`].
#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// Where documents go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Drop zone, file pickers, paste box, samples.
#[function_component(Input)]
pub fn input(props: &InputProps) -> Html {
    let over = use_state(|| false);
    let paste = use_state(String::new);
    let pasted_count = use_mut_ref(|| 0u32);
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let over = over.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            let Some(dt) = e.data_transfer() else { return };
            let dispatch = dispatch.clone();
            // Entries must be taken during the event; the helper does that synchronously.
            let promise = helpers::collect_drop(&dt);
            wasm_bindgen_futures::spawn_local(async move {
                match helpers::wait(promise).await {
                    Ok(v) => take_files(files_of(js_sys::Array::from(&v)), &dispatch),
                    Err(e) => web_sys::console::warn_2(&"drop:".into(), &e),
                }
            });
        })
    };
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(arr) = helpers::input_files(&input) {
                take_files(files_of(arr), &dispatch);
            }
            input.set_value("");
        })
    };
    let oninput = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            paste.set(el.value());
        })
    };
    let onpaste_submit = {
        let paste = paste.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if paste.trim().is_empty() {
                return;
            }
            let n = {
                let mut c = pasted_count.borrow_mut();
                *c += 1;
                *c
            };
            let stamp = js_sys::Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default();
            let name = format!(
                "pasted-{}-{n}.txt",
                stamp.get(..19).unwrap_or("").replace(':', "-")
            );
            dispatch.dispatch(Action::AddTexts(vec![(name, (*paste).clone())]));
            paste.set(String::new());
        })
    };
    let url_note = use_state(|| false);
    // Pasted text opens at once; a pasted link is explained, not fetched.
    let onpaste = {
        let dispatch = props.dispatch.clone();
        let url_note = url_note.clone();
        Callback::from(move |e: Event| {
            let e: web_sys::ClipboardEvent = e.unchecked_into();
            let Some(text) = e.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
                return;
            };
            let t = text.trim();
            if t.is_empty() {
                return;
            }
            e.prevent_default();
            if is_link(t) {
                url_note.set(true);
                return;
            }
            url_note.set(false);
            let stamp = js_sys::Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default();
            let name = format!(
                "pasted-{}.txt",
                stamp.get(..19).unwrap_or("").replace(':', "-")
            );
            dispatch.dispatch(Action::AddPasted(name, text));
        })
    };
    let onsamples = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::AddTexts(
                SAMPLES
                    .iter()
                    .map(|(n, t)| (n.to_string(), t.to_string()))
                    .collect(),
            ))
        })
    };
    html! {
        <section class="input" aria-label="Add documents">
            <div class={classes!("dropzone", (*over).then_some("over"))} data-dropzone=""
                {ondragover} {ondragleave} {ondrop}>
                <p><strong>{ "Drop articles here" }</strong></p>
                <p class="hint">{ ".txt, .md, .html, .docx, .odt, .pdf — many files or a folder" }</p>
                <div class="pickers">
                    <label class="button">
                        { "Choose files" }
                        <input type="file" class="visually-hidden" id="file-input" multiple={true}
                            accept=".txt,.text,.md,.markdown,.html,.htm,.docx,.odt,.pdf,application/pdf,text/plain,text/markdown,text/html"
                            onchange={onchange.clone()} />
                    </label>
                    <label class="button">
                        { "Choose a folder" }
                        <input type="file" class="visually-hidden" id="folder-input"
                            webkitdirectory={true} multiple={true} onchange={onchange} />
                    </label>
                </div>
            </div>
            <details class="paste">
                <summary>{ "Paste text" }</summary>
                <label for="paste-box" class="visually-hidden">{ "Article text" }</label>
                <textarea id="paste-box" rows="5" placeholder="Paste an article: it opens at once"
                    value={(*paste).clone()} {oninput} {onpaste} />
                if *url_note {
                    <p class="url-note" role="alert">{ "That is a link. Casualty Lens never fetches anything from the internet, by design: nothing you read leaves this browser, and no site learns what you read. Open the page, copy the article's text and paste it here, or save the page and drop the file." }</p>
                }
                <button type="button" onclick={onpaste_submit}>{ "Read pasted text" }</button>
            </details>
            <button type="button" class="samples" onclick={onsamples}>{ "Try sample articles" }</button>
            <p class="privacy">{ "Nothing is uploaded: files are read in this browser and kept only on this device." }</p>
        </section>
    }
}
