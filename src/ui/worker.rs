//! The extraction worker: the same wasm module, started in a dedicated module worker
//! (`www/worker.js`). Reads files, runs the core, posts results in batches so the page gets
//! steady small updates instead of one huge one.

use super::protocol::{get, get_array, get_str, message, set};
use crate::{text, Extractor, Gazetteer, Options, Policy};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Largest file the worker reads (bigger ones fail with a reason instead of exhausting memory).
pub const MAX_FILE_BYTES: f64 = 32.0 * 1024.0 * 1024.0;
/// A batch of results goes out after this much work (ms) or this much report JSON (bytes),
/// whichever comes first. The first document of a request goes out alone (the first
/// highlight should not wait for the others); then batches double up to the largest sizes,
/// because every batch costs the page a render, and the page parses each batch in one task,
/// which must stay well under 50 ms.
const BATCH_MS: (f64, f64) = (4.0, 32.0);
const BATCH_BYTES: (usize, usize) = (48_000, 256_000);

#[derive(Default)]
struct State {
    /// The gazetteer once loaded. It is checked and indexed once (a few hundred ms in wasm);
    /// clones share it, so a policy change rebuilds only the cheap extractor around it.
    gazetteer: Option<Gazetteer>,
    extractor: Option<(Options, Extractor)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(msg: &JsValue) {
    let _ = scope().post_message(msg);
}

fn now() -> f64 {
    scope().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Installs the message handler, says ready, and starts loading the gazetteer.
pub fn start() {
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| on_message(e.data()));
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    post(&message("ready"));
    warm_up();
    wasm_bindgen_futures::spawn_local(load_gazetteer());
}

/// Runs the pipeline once over a sample article so that its tables (automata, lexicons),
/// built on first use, are ready before the user's first document: that first use costs a
/// few hundred ms in wasm and would otherwise delay the first highlight. The page's messages
/// wait in the worker's queue meanwhile, and are handled right after.
fn warm_up() {
    if let Some((name, text)) = super::samples::SAMPLES.first() {
        with_extractor(Options::default(), |ex| {
            std::hint::black_box(ex.extract(name, text));
        });
    }
}

fn gazetteer_status(status: &str, detail: &str) {
    let m = message("gazetteer");
    set(&m, "status", status);
    set(&m, "detail", detail);
    post(&m);
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = wasm_bindgen_futures::JsFuture::from(scope().fetch_with_str(url))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "no response".to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let buf = resp.array_buffer().map_err(|e| format!("{e:?}"))?;
    let buf = wasm_bindgen_futures::JsFuture::from(buf)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

async fn load_gazetteer() {
    gazetteer_status("loading", "Loading place names…");
    let t0 = now();
    match fetch_bytes("gazetteer.bin").await {
        Err(e) => gazetteer_status("failed", &format!("Place names unavailable ({e})")),
        Ok(bytes) => match (bytes.len(), now(), Gazetteer::from_bytes(bytes)) {
            (_, _, Err(e)) => gazetteer_status("failed", &format!("Place names unavailable ({e})")),
            (size, t1, Ok(gazetteer)) => {
                let t2 = now();
                STATE.with(|s| {
                    let mut s = s.borrow_mut();
                    let options = s.extractor.as_ref().map(|(o, _)| *o).unwrap_or_default();
                    s.extractor = Some((options, Extractor::new(gazetteer.clone(), options)));
                    s.gazetteer = Some(gazetteer);
                });
                // The place tables are built on their first use with a gazetteer.
                warm_up();
                // Size and load time, for the status bar's tooltip and the benchmark notes.
                gazetteer_status(
                    "ready",
                    &format!(
                        "Place names loaded ({:.1} MB: fetched in {:.0} ms, checked and indexed in {:.0} ms)",
                        size as f64 / 1e6,
                        t1 - t0,
                        t2 - t1
                    ),
                );
            }
        },
    }
}

fn with_extractor<R>(options: Options, f: impl FnOnce(&Extractor) -> R) -> R {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.extractor.as_ref().map(|(o, _)| *o) != Some(options) {
            let gaz = s.gazetteer.clone().unwrap_or_else(Gazetteer::empty);
            s.extractor = Some((options, Extractor::new(gaz, options)));
        }
        match &s.extractor {
            Some((_, ex)) => f(ex),
            // Unreachable: set just above; an empty extractor keeps it panic-free anyway.
            None => f(&Extractor::new(Gazetteer::empty(), options)),
        }
    })
}

/// A document's country hint as the worker receives it ("LB"), if it is two letters.
fn country_hint(item: &JsValue) -> Option<[u8; 2]> {
    let c = get_str(item, "country")?.to_ascii_uppercase();
    let b: [u8; 2] = c.as_bytes().try_into().ok()?;
    b.iter().all(u8::is_ascii_alphabetic).then_some(b)
}

/// Reads a File synchronously (allowed in workers) and loads it with the core's
/// [`text::read`], as the CLI does: decoding, HTML to text by the core's reader (no DOM
/// involved, so nothing in the file can run), Word, OpenDocument and PDF (with its page
/// starts).
fn read_file(file: &web_sys::File) -> Result<text::Loaded, String> {
    if file.size() > MAX_FILE_BYTES {
        return Err(format!(
            "file too large ({:.0} MB; the limit is {:.0} MB)",
            file.size() / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576.0
        ));
    }
    let reader = web_sys::FileReaderSync::new().map_err(|e| format!("cannot read: {e:?}"))?;
    let buf = reader
        .read_as_array_buffer(file)
        .map_err(|e| format!("cannot read: {e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    // The core's loader, as the CLI reads files: the same text for the same bytes.
    text::read(&file.name(), &bytes).map_err(|e| e.to_string())
}

fn on_message(data: JsValue) {
    if get_str(&data, "type").as_deref() != Some("extract") {
        return;
    }
    let policy = get_str(&data, "policy")
        .and_then(|p| Policy::parse(&p))
        .unwrap_or_default();
    let items = get_array(&data, "items");
    let mut batch = js_sys::Array::new();
    let (mut bytes, mut ms) = (0.0f64, 0.0f64);
    let mut json_bytes = 0usize;
    let mut json = Vec::new();
    let mut last_post = now();
    let (mut batch_ms, mut batch_bytes) = (BATCH_MS.0, BATCH_BYTES.0);
    let mut first = true;
    for item in items.iter() {
        let out = js_sys::Object::new();
        set(&out, "id", get(&item, "id"));
        let name = get_str(&item, "name").unwrap_or_default();
        let text = match get_str(&item, "text") {
            Some(t) => Ok(t),
            None => match get(&item, "file").dyn_into::<web_sys::File>() {
                Ok(file) => {
                    let t = read_file(&file);
                    if let Ok(t) = &t {
                        set(&out, "text", t.text.as_str());
                        if !t.pages.is_empty() {
                            let pages: js_sys::Array =
                                t.pages.iter().map(|&p| JsValue::from(p as f64)).collect();
                            set(&out, "pages", pages);
                        }
                    }
                    t.map(|l| l.text)
                }
                Err(_) => Err("nothing to read".to_string()),
            },
        };
        match text {
            Ok(t) => {
                let t0 = now();
                // The report's JSON straight from the stages' results (as the CLI writes it).
                json.clear();
                // The app shows each place's other candidates, and a document may carry a
                // reader's country hint.
                let options = Options {
                    policy,
                    country: country_hint(&item),
                    candidates: true,
                };
                with_extractor(options, |ex| {
                    ex.analyse(&t).view(&name).write_json(&mut json)
                });
                ms += now() - t0;
                bytes += t.len() as f64;
                json_bytes += json.len();
                match std::str::from_utf8(&json) {
                    Ok(report) => set(&out, "report", report),
                    Err(e) => set(&out, "error", format!("internal error: {e}")),
                }
            }
            Err(e) => set(&out, "error", e),
        }
        batch.push(&out);
        if first || now() - last_post >= batch_ms || json_bytes >= batch_bytes {
            send_batch(&batch, bytes, ms);
            batch = js_sys::Array::new();
            bytes = 0.0;
            ms = 0.0;
            json_bytes = 0;
            last_post = now();
            if !first {
                batch_ms = (batch_ms * 2.0).min(BATCH_MS.1);
                batch_bytes = (batch_bytes * 2).min(BATCH_BYTES.1);
            }
            first = false;
        }
    }
    if batch.length() > 0 {
        send_batch(&batch, bytes, ms);
    }
}

fn send_batch(items: &js_sys::Array, bytes: f64, ms: f64) {
    let m = message("results");
    set(&m, "items", items);
    set(&m, "bytes", bytes);
    set(&m, "ms", ms);
    post(&m);
}
