//! Getting documents in: a drop zone (files and folders), file pickers, a paste box and the
//! sample articles. Plain text files go to the worker untouched; HTML is reduced to text here
//! through an inert DOMParser document (workers have no DOMParser).

use super::helpers;
use super::samples::SAMPLES;
use super::state::{Action, AppState};
use crate::text;
use wasm_bindgen::JsCast;
use web_sys::File;
use yew::prelude::*;

/// The kind of file, from its name.
enum Kind {
    Text,
    Html,
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
        None => return Kind::Text,
    };
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => Kind::Text,
        "html" | "htm" | "xhtml" => Kind::Html,
        other => Kind::Unsupported(format!(
            "unsupported file type .{other}: use .txt, .md or .html"
        )),
    }
}

async fn html_file(file: &File) -> Result<String, String> {
    let bytes = helpers::wait(helpers::read_bytes(file))
        .await
        .map_err(|e| format!("cannot read: {e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    let html = text::decode::decode(&bytes).map_err(|e| e.to_string())?;
    helpers::html_to_text(&html).map_err(|e| format!("cannot read HTML: {e:?}"))
}

/// Sorts files by kind and hands them to the state.
pub fn take_files(files: Vec<File>, dispatch: &UseReducerDispatcher<AppState>) {
    let mut plain = Vec::new();
    let mut html = Vec::new();
    let mut bad = Vec::new();
    for f in files {
        match kind(&f.name()) {
            Kind::Text => plain.push(f),
            Kind::Html => html.push(f),
            Kind::Skip => {}
            Kind::Unsupported(reason) => bad.push((f.name(), reason)),
        }
    }
    if !plain.is_empty() {
        dispatch.dispatch(Action::AddFiles(plain));
    }
    if !bad.is_empty() {
        dispatch.dispatch(Action::AddFailed(bad));
    }
    if !html.is_empty() {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            for f in html {
                match html_file(&f).await {
                    Ok(t) => dispatch.dispatch(Action::AddTexts(vec![(f.name(), t)])),
                    Err(e) => dispatch.dispatch(Action::AddFailed(vec![(f.name(), e)])),
                }
            }
        });
    }
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
                <p class="hint">{ ".txt, .md, .html — many files or a folder" }</p>
                <div class="pickers">
                    <label class="button">
                        { "Choose files" }
                        <input type="file" class="visually-hidden" id="file-input" multiple={true}
                            accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
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
                <textarea id="paste-box" rows="5" placeholder="Paste an article…"
                    value={(*paste).clone()} {oninput} />
                <button type="button" onclick={onpaste_submit}>{ "Read pasted text" }</button>
            </details>
            <button type="button" class="samples" onclick={onsamples}>{ "Try sample articles" }</button>
            <p class="privacy">{ "Nothing is uploaded: files are read in this browser and kept only on this device." }</p>
        </section>
    }
}
