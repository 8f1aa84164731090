//! A report's JSON -> a Python dict, by CPython's own `json.loads` (C code, keys kept in the
//! order the core writes them). It is the fastest way here: about 40% of the time the core
//! takes to write the JSON, against 70% for building the objects from a `serde_json::Value`.
//! A report's objects are about three bytes of JSON per byte of text, so dicts cost what the
//! extraction costs again in part; the Arrow forms do not.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// `json.loads`, looked up once per call site.
pub fn loads(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    py.import("json")?.getattr("loads")
}

/// A document report (compact JSON from the core) as a dict.
pub fn report_dict<'py>(loads: &Bound<'py, PyAny>, json: &[u8]) -> PyResult<Bound<'py, PyDict>> {
    let value = loads.call1((PyBytes::new(loads.py(), json),))?;
    value
        .cast_into::<PyDict>()
        .map_err(|_| PyValueError::new_err("report is not a JSON object"))
}

/// Runs `f` with CPython's cyclic garbage collector paused (restored after, also on error).
///
/// The reports are trees of fresh dicts and lists, with no cycles to find, but every few
/// hundred of them start a collection that walks all the objects still young: about 15% of
/// `extract_many`'s time on news text.
pub fn without_gc<'py, T>(py: Python<'py>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let gc = py.import("gc")?;
    let was_enabled = gc.call_method0("isenabled")?.is_truthy()?;
    if was_enabled {
        gc.call_method0("disable")?;
    }
    let out = f();
    if was_enabled {
        gc.call_method0("enable")?;
    }
    out
}
