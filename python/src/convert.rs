//! A report's JSON -> Python objects (dicts, lists, str, int, float, bool, None), keeping the
//! keys in the order the core writes them.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;
use serde_json::Value;

/// A document report (compact JSON from the core) as a dict.
pub fn report_dict<'py>(py: Python<'py>, json: &[u8]) -> PyResult<Bound<'py, PyDict>> {
    let value: Value = serde_json::from_slice(json)
        .map_err(|e| PyValueError::new_err(format!("report is not JSON: {e}")))?;
    match value {
        Value::Object(_) => Ok(to_py(py, &value)?.cast_into::<PyDict>()?),
        _ => Err(PyValueError::new_err("report is not a JSON object")),
    }
}

/// One JSON value as a Python object.
fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    match v {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(b) => b.into_bound_py_any(py),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)
            } else if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)
            }
        }
        Value::String(s) => s.into_bound_py_any(py),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, to_py(py, item)?)?;
            }
            Ok(dict.into_any())
        }
    }
}
