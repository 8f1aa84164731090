//! `casualty_lens._native`: the Casualty Lens core as a Python extension module (PyO3, abi3),
//! which is also a compiled Polars plugin ([`plugin`]).
//!
//! One job: hand Python the core's reports, the same as the CLI writes them.
//! - Every report is the core's own serialisation of a document
//!   ([`casualty_lens::Analysis::view`]): dicts are `json.loads` of the compact JSON the CLI's
//!   `--format jsonl` writes; the Arrow, Polars and Spark forms feed the same `Serialize` to
//!   `arrow-json`'s decoder. No path can drift from the CLI.
//! - Texts are prepared as the CLI prepares a JSONL line (HTML is turned into text).
//! - Extraction runs with the GIL released, on rayon's threads (or Polars' own).
//! - Errors are Python exceptions: `ValueError` for bad arguments or data, `TypeError` for
//!   wrong types; the core itself never panics.

mod arrow;
mod convert;
mod plugin;
mod run;

use casualty_lens::{text, Extractor, Gazetteer, Options, Policy};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use run::{in_pool, Threads};
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

/// The text the core analyses for a document named `name`: HTML becomes text (as the CLI does
/// for a JSONL line); anything else is borrowed as is.
pub(crate) fn prepared<'a>(name: &str, text: &'a str) -> Cow<'a, str> {
    if text::is_html(name, text) {
        Cow::Owned(text::html::to_text(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// One document's report as compact JSON, appended to `out` (the CLI's JSONL line, without
/// its line end).
pub(crate) fn report_json(extractor: &Extractor, name: &str, text: &str, out: &mut Vec<u8>) {
    let text = prepared(name, text);
    let analysis = extractor.analyse(&text);
    analysis.view(name).write_json(out);
}

/// Parses a policy name as the CLI's `--policy` does.
fn parse_policy(policy: &str) -> PyResult<Policy> {
    Policy::parse(policy).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown policy {policy:?}: expected \"literal\" or \"acled\""
        ))
    })
}

/// The shared extractor of a policy: the embedded gazetteer is loaded once per process.
pub(crate) fn shared(policy: Policy) -> Arc<Extractor> {
    static LITERAL: OnceLock<Arc<Extractor>> = OnceLock::new();
    static ACLED: OnceLock<Arc<Extractor>> = OnceLock::new();
    let cell = match policy {
        Policy::Literal => &LITERAL,
        Policy::AcledConservative => &ACLED,
    };
    cell.get_or_init(|| {
        Arc::new(Extractor::new(
            Gazetteer::embedded(),
            Options {
                policy,
                ..Default::default()
            },
        ))
    })
    .clone()
}

/// Checks a `YYYY-MM-DD` date.
fn check_date(date: &str) -> PyResult<()> {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && (1..=12).contains(&date[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&date[8..10].parse::<u8>().unwrap_or(0));
    if ok {
        Ok(())
    } else {
        Err(PyValueError::new_err(format!(
            "date {date:?} is not a YYYY-MM-DD date"
        )))
    }
}

/// An extractor: the embedded gazetteer (loaded once, shared by every `Extractor` of the
/// process) and a coding policy.
///
/// `Extractor(policy="literal")`; `policy` is `"literal"` (the guidelines' bounds) or
/// `"acled"` (ACLED-style conservative bounds). Safe to share between threads.
#[pyclass(frozen, module = "casualty_lens._native", name = "Extractor")]
struct PyExtractor {
    inner: Arc<Extractor>,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (policy = "literal"))]
    fn new(policy: &str) -> PyResult<Self> {
        Ok(PyExtractor {
            inner: shared(parse_policy(policy)?),
        })
    }

    /// The coding policy: `"literal"` or `"acled"`.
    #[getter]
    fn policy(&self) -> &'static str {
        match self.inner.options().policy {
            Policy::Literal => "literal",
            Policy::AcledConservative => "acled",
        }
    }

    fn __repr__(&self) -> String {
        format!("Extractor(policy={:?})", self.policy())
    }

    /// One document's report, as a dict (`SCHEMA.md`'s document object).
    #[pyo3(signature = (text, *, name = None, date = None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        name: Option<&str>,
        date: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        if let Some(d) = date {
            check_date(d)?;
        }
        let name = name.unwrap_or("");
        let mut json = Vec::with_capacity(text.len().saturating_mul(6) + 256);
        py.detach(|| report_json(&self.inner, name, text, &mut json));
        let dict = convert::report_dict(&convert::loads(py)?, &json)?;
        if let Some(d) = date {
            if dict.get_item("date")?.is_none_or(|v| v.is_none()) {
                dict.set_item("date", d)?;
            }
        }
        Ok(dict)
    }

    /// Many documents' reports, as dicts, in input order, on all cores (GIL released).
    #[pyo3(signature = (texts, *, names = None, threads = None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        names: Option<Vec<String>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        if let Some(n) = &names {
            if n.len() != texts.len() {
                return Err(PyValueError::new_err(format!(
                    "{} names for {} texts",
                    n.len(),
                    texts.len()
                )));
            }
        }
        let extractor = &self.inner;
        let names = names.as_deref();
        let reports: Vec<Vec<u8>> = py.detach(|| {
            in_pool(threads, || {
                texts
                    .par_iter()
                    .enumerate()
                    .map(|(i, text)| {
                        let index;
                        let name = match names {
                            Some(n) => n[i].as_str(),
                            None => {
                                index = i.to_string();
                                index.as_str()
                            }
                        };
                        let mut out = Vec::with_capacity(text.len().saturating_mul(6) + 256);
                        report_json(extractor, name, text, &mut out);
                        out
                    })
                    .collect()
            })
        })?;
        let loads = convert::loads(py)?;
        convert::without_gc(py, || {
            reports
                .iter()
                .map(|json| convert::report_dict(&loads, json))
                .collect()
        })
    }

    /// One document's report as compact JSON text: the CLI's `--format jsonl` line.
    #[pyo3(signature = (text, *, name = None))]
    fn extract_json(&self, py: Python<'_>, text: &str, name: Option<&str>) -> PyResult<String> {
        let mut json = Vec::with_capacity(text.len().saturating_mul(6) + 256);
        py.detach(|| report_json(&self.inner, name.unwrap_or(""), text, &mut json));
        String::from_utf8(json).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// Reports of an Arrow string array (zero-copy), as a `pyarrow.StructArray`.
    #[pyo3(signature = (texts, ids = None, *, threads = None))]
    fn extract_arrow<'py>(
        &self,
        py: Python<'py>,
        texts: pyo3_arrow::PyArray,
        ids: Option<pyo3_arrow::PyArray>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let out = py.detach(|| {
            arrow::reports(
                &self.inner,
                texts.array(),
                ids.as_ref().map(|a| a.array()),
                Threads::Pool(threads),
            )
        })?;
        let out = pyo3_arrow::PyArray::new(out, Arc::new(arrow::report_field("report")));
        py.import("pyarrow")?
            .getattr("array")?
            .call1((out.into_pyobject(py)?,))
    }

    /// One row per figure of an Arrow string array's documents, as a `pyarrow.RecordBatch`.
    #[pyo3(signature = (texts, ids = None, *, threads = None))]
    fn extract_figures<'py>(
        &self,
        py: Python<'py>,
        texts: pyo3_arrow::PyArray,
        ids: Option<pyo3_arrow::PyArray>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let batch = py.detach(|| {
            arrow::figures(
                &self.inner,
                texts.array(),
                ids.as_ref().map(|a| a.array()),
                Threads::Pool(threads),
            )
        })?;
        pyo3_arrow::PyRecordBatch::new(batch).into_pyarrow(py)
    }
}

/// The Arrow type of a report (`extract_arrow`'s struct), as a `pyarrow.Schema` of its fields.
#[pyfunction]
fn report_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    pyo3_arrow::PySchema::new(Arc::new(arrow::report_schema())).into_pyarrow(py)
}

/// The schema of `extract_figures`' table, as a `pyarrow.Schema`.
#[pyfunction]
fn figures_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    pyo3_arrow::PySchema::new(arrow::figures_schema()).into_pyarrow(py)
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add_function(wrap_pyfunction!(report_schema, m)?)?;
    m.add_function(wrap_pyfunction!(figures_schema, m)?)?;
    m.add("SCHEMA", casualty_lens::report::model::SCHEMA)?;
    Ok(())
}
