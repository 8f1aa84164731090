//! The page's side of the extraction worker: starts `worker.js` as a module worker, holds
//! requests until the worker says it is ready, and turns its messages into [`WorkerEvent`]s.

use super::model::Corrections;
use super::protocol::{get_array, get_f64, get_str, message, set};
use crate::report::model::DocumentReport;
use crate::Policy;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

/// A document to extract.
pub enum Item {
    /// A file the worker reads and decodes itself.
    File {
        /// Document id.
        id: u32,
        /// File name.
        name: String,
        /// The file.
        file: web_sys::File,
    },
    /// Text already decoded (paste, sample, HTML reduced on the page, restored document).
    Text {
        /// Document id.
        id: u32,
        /// Name.
        name: String,
        /// The text.
        text: Rc<str>,
    },
}

/// The worker's result for one document.
pub struct ResultItem {
    /// Document id.
    pub id: u32,
    /// Decoded text, for files.
    pub text: Option<String>,
    /// Page starts of a PDF's text.
    pub pages: Option<Vec<usize>>,
    /// The report, or why the document could not be read.
    pub report: Result<DocumentReport, String>,
}

/// How far the gazetteer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazStatus {
    /// Still fetching.
    Loading,
    /// Place names in use.
    Ready,
    /// Not available: extraction runs without places.
    Failed,
}

/// What the worker reports.
pub enum WorkerEvent {
    /// A batch of results with the bytes extracted and the time it took (ms).
    Results(Vec<ResultItem>, f64, f64),
    /// Gazetteer progress and a line for the status bar.
    Gazetteer(GazStatus, String),
    /// The worker could not start.
    Fatal(String),
}

struct Inner {
    worker: Worker,
    ready: Cell<bool>,
    queue: RefCell<Vec<JsValue>>,
}

/// Handle on the extraction worker.
pub struct Bridge {
    inner: Rc<Inner>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

/// A parse that took longer than this (ms) hands its event to a task of its own.
const SLOW_PARSE_MS: f64 = 40.0;

/// Events waiting for a task of their own, in arrival order.
#[derive(Default)]
struct Later {
    events: RefCell<VecDeque<WorkerEvent>>,
}

impl Later {
    /// Emits `ev` now, or, after a slow parse (`slow`) or behind events already waiting, in a
    /// later main-thread task (a zero-delay timer): reading a big report (about 150 ms for 5 MB
    /// of text) and showing it are then two tasks, neither long enough to freeze the page, and
    /// events keep their order.
    fn emit(self: &Rc<Self>, on_event: &Callback<WorkerEvent>, ev: WorkerEvent, slow: bool) {
        if !slow && self.events.borrow().is_empty() {
            on_event.emit(ev);
            return;
        }
        let first = {
            let mut q = self.events.borrow_mut();
            q.push_back(ev);
            q.len() == 1
        };
        if first {
            self.arm(on_event);
        }
    }

    /// Schedules the emission of the oldest waiting event, one event a task.
    fn arm(self: &Rc<Self>, on_event: &Callback<WorkerEvent>) {
        let later = {
            let (this, cb) = (self.clone(), on_event.clone());
            Closure::once_into_js(move || {
                let next = this.events.borrow_mut().pop_front();
                if let Some(ev) = next {
                    cb.emit(ev);
                }
                if !this.events.borrow().is_empty() {
                    this.arm(&cb);
                }
            })
        };
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0)
                .ok()
        });
        if timer.is_none() {
            // No timer (no window): at once rather than never.
            let waiting: Vec<WorkerEvent> = self.events.borrow_mut().drain(..).collect();
            for ev in waiting {
                on_event.emit(ev);
            }
        }
    }
}

/// The `pages` array of a worker result or a saved document, if any.
pub fn pages_of(obj: &JsValue) -> Option<Vec<usize>> {
    let arr = get_array(obj, "pages");
    (arr.length() > 0).then(|| {
        arr.iter()
            .filter_map(|v| v.as_f64())
            .map(|v| v.max(0.0) as usize)
            .collect()
    })
}

fn parse_results(data: &JsValue) -> WorkerEvent {
    let items = get_array(data, "items")
        .iter()
        .map(|it| {
            let id = get_f64(&it, "id").unwrap_or(-1.0) as u32;
            let report = match (get_str(&it, "report"), get_str(&it, "error")) {
                (Some(json), _) => serde_json::from_str::<DocumentReport>(&json)
                    .map_err(|e| format!("internal error: {e}")),
                (None, Some(e)) => Err(e),
                (None, None) => Err("no result".to_string()),
            };
            ResultItem {
                id,
                text: get_str(&it, "text"),
                pages: pages_of(&it),
                report,
            }
        })
        .collect();
    WorkerEvent::Results(
        items,
        get_f64(data, "bytes").unwrap_or(0.0),
        get_f64(data, "ms").unwrap_or(0.0),
    )
}

impl Bridge {
    /// Starts the worker; `on_event` receives its reports.
    pub fn new(on_event: Callback<WorkerEvent>) -> Result<Bridge, String> {
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        opts.set_name("casualty-lens-extractor");
        let worker =
            Worker::new_with_options("./worker.js", &opts).map_err(|e| format!("{e:?}"))?;
        let inner = Rc::new(Inner {
            worker,
            ready: Cell::new(false),
            queue: RefCell::new(Vec::new()),
        });
        let onmessage = {
            let inner = inner.clone();
            let on_event = on_event.clone();
            let later = Rc::new(Later::default());
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                match get_str(&data, "type").as_deref() {
                    Some("ready") => {
                        inner.ready.set(true);
                        for m in inner.queue.borrow_mut().drain(..) {
                            let _ = inner.worker.post_message(&m);
                        }
                    }
                    Some("results") => {
                        let t0 = js_sys::Date::now();
                        let ev = parse_results(&data);
                        let slow = js_sys::Date::now() - t0 > SLOW_PARSE_MS;
                        later.emit(&on_event, ev, slow)
                    }
                    Some("gazetteer") => {
                        let status = match get_str(&data, "status").as_deref() {
                            Some("ready") => GazStatus::Ready,
                            Some("loading") => GazStatus::Loading,
                            _ => GazStatus::Failed,
                        };
                        later.emit(
                            &on_event,
                            WorkerEvent::Gazetteer(
                                status,
                                get_str(&data, "detail").unwrap_or_default(),
                            ),
                            false,
                        )
                    }
                    Some("fatal") => later.emit(
                        &on_event,
                        WorkerEvent::Fatal(get_str(&data, "error").unwrap_or_default()),
                        false,
                    ),
                    _ => {}
                }
            })
        };
        let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
            on_event.emit(WorkerEvent::Fatal(
                "the extraction worker failed to start".into(),
            ))
        });
        inner
            .worker
            .set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        inner
            .worker
            .set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Ok(Bridge {
            inner,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    fn send(&self, msg: JsValue) {
        if self.inner.ready.get() {
            let _ = self.inner.worker.post_message(&msg);
        } else {
            self.inner.queue.borrow_mut().push(msg);
        }
    }

    /// Sends documents to be read and extracted under `policy`, each with its country hint
    /// from `corrections` (by document name).
    pub fn extract(&self, policy: Policy, items: Vec<Item>, corrections: &Corrections) {
        if items.is_empty() {
            return;
        }
        let m = message("extract");
        set(
            &m,
            "policy",
            match policy {
                Policy::Literal => "literal",
                Policy::AcledConservative => "acled",
            },
        );
        let arr = js_sys::Array::new();
        for it in items {
            let o = js_sys::Object::new();
            match it {
                Item::File { id, name, file } => {
                    set(&o, "id", id);
                    set(&o, "name", name);
                    set(&o, "file", file);
                }
                Item::Text { id, name, text } => {
                    if let Some(c) = corrections.get(&name).and_then(|c| c.country.as_deref()) {
                        set(&o, "country", c);
                    }
                    set(&o, "id", id);
                    set(&o, "name", name);
                    set(&o, "text", &*text);
                }
            }
            arr.push(&o);
        }
        set(&m, "items", arr);
        self.send(m.into());
    }
}

impl Drop for Bridge {
    fn drop(&mut self) {
        self.inner.worker.terminate();
    }
}
