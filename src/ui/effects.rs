//! What a change to the app state asks of the world, as data: the reducer ([`super::state`])
//! records [`Effect`]s in the state's [`Outbox`] and does no I/O itself; the app runs them after
//! each render ([`run`]): worker requests and IndexedDB writes. So the reducer is a pure
//! function of (state, action), testable without a worker or a database, and every write sits
//! next to the change that needs it.

use super::bridge::{Bridge, Item};
use super::helpers;
use super::model::Corrections;
use super::protocol::set;
use crate::Policy;
use std::cell::RefCell;
use std::rc::Rc;

/// A document record as IndexedDB keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Document id (the key).
    pub id: u32,
    /// Name.
    pub name: String,
    /// Decoded text.
    pub text: Rc<str>,
    /// Why it could not be read.
    pub error: Option<String>,
    /// A PDF's page starts (code points).
    pub pages: Rc<Vec<usize>>,
}

/// One thing to do outside the state.
pub enum Effect {
    /// Ask the worker to read these documents under this policy (each with its country hint
    /// from the corrections).
    Extract {
        /// The coding policy.
        policy: Policy,
        /// The documents.
        items: Vec<Item>,
        /// The corrections in force (for the country hints).
        corrections: Rc<Corrections>,
    },
    /// Store document records.
    SaveDocs(Vec<Record>),
    /// Delete one stored document.
    DeleteDoc(u32),
    /// Delete every stored document.
    ClearDocs,
    /// Store a value under a key ("settings", "corrections": JSON).
    SaveMeta(&'static str, String),
}

impl Effect {
    /// A short name, for tests and logs.
    pub fn kind(&self) -> &'static str {
        match self {
            Effect::Extract { .. } => "extract",
            Effect::SaveDocs(_) => "save-docs",
            Effect::DeleteDoc(_) => "delete-doc",
            Effect::ClearDocs => "clear-docs",
            Effect::SaveMeta(..) => "save-meta",
        }
    }
}

/// The effects recorded since they were last run. Clones share the queue, so the state can be
/// cloned by the reducer and the app still finds what it recorded.
#[derive(Clone, Default)]
pub struct Outbox(Rc<RefCell<Vec<Effect>>>);

impl Outbox {
    /// Records an effect (an `Extract` or `SaveDocs` with nothing in it is dropped).
    pub fn push(&self, e: Effect) {
        let empty = match &e {
            Effect::Extract { items, .. } => items.is_empty(),
            Effect::SaveDocs(r) => r.is_empty(),
            _ => false,
        };
        if !empty {
            self.0.borrow_mut().push(e);
        }
    }

    /// Takes every recorded effect, oldest first.
    pub fn take(&self) -> Vec<Effect> {
        std::mem::take(&mut *self.0.borrow_mut())
    }

    /// The kinds of the recorded effects, oldest first (they stay recorded).
    pub fn kinds(&self) -> Vec<&'static str> {
        self.0.borrow().iter().map(Effect::kind).collect()
    }
}

/// Does one effect: a worker request through `bridge` (dropped when there is no worker: the
/// documents are read when the gazetteer is ready, see `AppState::resubmit_all`), or a
/// background IndexedDB write whose failure is logged, never raised.
pub fn run(e: Effect, bridge: Option<&Bridge>) {
    match e {
        Effect::Extract {
            policy,
            items,
            corrections,
        } => {
            if let Some(b) = bridge {
                b.extract(policy, items, &corrections);
            }
        }
        Effect::SaveDocs(records) => {
            let arr = js_sys::Array::new();
            for r in &records {
                arr.push(&record_object(r));
            }
            helpers::background(helpers::put_docs(&arr));
        }
        Effect::DeleteDoc(id) => helpers::background(helpers::delete_doc(id)),
        Effect::ClearDocs => helpers::background(helpers::clear_docs()),
        Effect::SaveMeta(key, json) => helpers::background(helpers::put_meta(key, &json)),
    }
}

/// A record as the JS object `www/helpers.js` stores: `{id, name, text, error?, pages?}`.
fn record_object(r: &Record) -> js_sys::Object {
    let o = js_sys::Object::new();
    set(&o, "id", r.id);
    set(&o, "name", r.name.as_str());
    set(&o, "text", &*r.text);
    if let Some(e) = &r.error {
        set(&o, "error", e.as_str());
    }
    if !r.pages.is_empty() {
        let arr: js_sys::Array = r
            .pages
            .iter()
            .map(|&p| wasm_bindgen::JsValue::from(p as f64))
            .collect();
        set(&o, "pages", arr);
    }
    o
}
