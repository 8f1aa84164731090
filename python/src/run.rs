//! How a call runs: on which threads, and how it fails (before a failure becomes a Python
//! exception or a Polars plugin error).

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::PyErr;
use rayon::prelude::*;
use std::fmt;

/// Why a call failed.
#[derive(Debug)]
pub enum Failure {
    /// An argument of the wrong type (`TypeError` in Python).
    Type(String),
    /// A bad value or bad data (`ValueError` in Python).
    Value(String),
}

impl Failure {
    /// An Arrow error as a bad value.
    pub fn arrow(e: arrow_schema::ArrowError) -> Failure {
        Failure::Value(e.to_string())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Type(m) | Failure::Value(m) => f.write_str(m),
        }
    }
}

impl From<Failure> for PyErr {
    fn from(e: Failure) -> PyErr {
        match e {
            Failure::Type(m) => PyTypeError::new_err(m),
            Failure::Value(m) => PyValueError::new_err(m),
        }
    }
}

/// Where a batch of documents is extracted.
#[derive(Debug, Clone, Copy)]
pub enum Threads {
    /// On the calling thread: the caller (Polars' engine) parallelises.
    Caller,
    /// On rayon's threads: `None` is the global pool (one thread per core), `Some(n)` a pool
    /// of `n` threads.
    Pool(Option<usize>),
}

impl Threads {
    /// `f(0..n)` in order, on these threads.
    pub fn map<T: Send>(
        self,
        n: usize,
        f: impl Fn(usize) -> T + Sync + Send,
    ) -> Result<Vec<T>, Failure> {
        match self {
            Threads::Caller => Ok((0..n).map(f).collect()),
            Threads::Pool(threads) => in_pool(threads, || (0..n).into_par_iter().map(f).collect()),
        }
    }
}

/// Runs `f` on a rayon pool of `threads` threads (None: the global pool, one per core).
pub fn in_pool<T: Send>(
    threads: Option<usize>,
    f: impl FnOnce() -> T + Send,
) -> Result<T, Failure> {
    match threads {
        None => Ok(f()),
        Some(0) => Err(Failure::Value("threads must be at least 1".into())),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(|pool| pool.install(f))
            .map_err(|e| Failure::Value(format!("cannot start {n} threads: {e}"))),
    }
}
