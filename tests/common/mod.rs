//! Helpers shared by the integration tests that run the CLI on files of their own.
#![allow(dead_code)] // each test crate uses its own subset

use std::path::{Path, PathBuf};

/// The CLI binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_casualty-lens");

/// A fresh, empty temporary directory for one test (`suite` keeps test crates apart).
pub fn tmpdir(suite: &str, test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cl-{suite}-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}
