//! The messages between the page and the extraction worker, as plain JS objects.
//!
//! page -> worker: `{type: "extract", policy, items: [{id, name, file | text}]}`
//! worker -> page: `{type: "ready"}`, `{type: "gazetteer", status, detail}`,
//! `{type: "results", items: [{id, text?, report?, error?}], bytes, ms}` where `report` is the
//! document's report as JSON and `text` the decoded text of a file.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Sets `obj[key] = value` (cannot fail on a plain object).
pub fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// `obj[key]` or undefined.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key]` as a string, if it is one.
pub fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}

/// `obj[key]` as a number, if it is one.
pub fn get_f64(obj: &JsValue, key: &str) -> Option<f64> {
    get(obj, key).as_f64()
}

/// A new object with its `type`.
pub fn message(kind: &str) -> Object {
    let o = Object::new();
    set(&o, "type", kind);
    o
}

/// `obj[key]` as an array (empty when it is not one).
pub fn get_array(obj: &JsValue, key: &str) -> js_sys::Array {
    get(obj, key)
        .dyn_into::<js_sys::Array>()
        .unwrap_or_default()
}
