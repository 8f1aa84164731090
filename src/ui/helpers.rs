//! Bindings to `www/helpers.js` (`globalThis.clHelpers`): IndexedDB, drops, downloads. Every call is `catch`, so a missing helper or a browser refusal (private
//! mode without IndexedDB) becomes an error value, never a crash.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Stores document records `{id, name, text, error}`.
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = putDocs)]
    pub fn put_docs(docs: &js_sys::Array) -> Result<js_sys::Promise, JsValue>;
    /// Deletes one document record.
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = deleteDoc)]
    pub fn delete_doc(id: u32) -> Result<js_sys::Promise, JsValue>;
    /// Deletes every document record.
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = clearDocs)]
    pub fn clear_docs() -> Result<js_sys::Promise, JsValue>;
    /// All document records, by id.
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = getAllDocs)]
    pub fn get_all_docs() -> Result<js_sys::Promise, JsValue>;
    /// Stores a value under a key (settings, corrections).
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = putMeta)]
    pub fn put_meta(key: &str, value: &str) -> Result<js_sys::Promise, JsValue>;
    /// The value under a key, or null.
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = getMeta)]
    pub fn get_meta(key: &str) -> Result<js_sys::Promise, JsValue>;
    /// The files of a drop (folders expanded); call during the drop event.
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = collectDrop)]
    pub fn collect_drop(dt: &web_sys::DataTransfer) -> Result<js_sys::Promise, JsValue>;
    /// The files chosen in a file input.
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = inputFiles)]
    pub fn input_files(input: &web_sys::HtmlInputElement) -> Result<js_sys::Array, JsValue>;
    /// Saves text as a file (Blob + object URL).
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = download)]
    pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue>;
    /// Copies text to the clipboard.
    #[wasm_bindgen(catch, js_namespace = clHelpers, js_name = copyText)]
    pub fn copy_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

thread_local! {
    /// Storage writes started and not yet settled.
    static WRITES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Shows the number of unsettled storage writes as `data-saving` on the root element, so a
/// test (or a curious reader) can tell when everything is stored.
fn show_writes(delta: i32) {
    let n = WRITES.with(|w| {
        let n = w.get().saturating_add_signed(delta);
        w.set(n);
        n
    });
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-saving", &n.to_string());
    }
}

/// Runs a helper promise in the background, logging (not raising) a failure.
pub fn background(p: Result<js_sys::Promise, JsValue>) {
    match p {
        Ok(p) => {
            show_writes(1);
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = wasm_bindgen_futures::JsFuture::from(p).await {
                    web_sys::console::warn_2(&"casualty-lens storage:".into(), &e);
                }
                show_writes(-1);
            })
        }
        Err(e) => web_sys::console::warn_2(&"casualty-lens storage:".into(), &e),
    }
}

/// Awaits a helper promise.
pub async fn wait(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    wasm_bindgen_futures::JsFuture::from(p?).await
}
