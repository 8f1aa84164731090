//! `casualty-lens gazetteer-asset OUT_FILE`: writes the compiled gazetteer for the web app.

use crate::Gazetteer;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Writes the embedded gazetteer asset to `out` and prints its raw and gzipped sizes.
pub fn write_asset(out: &Path) -> ExitCode {
    let bytes = Gazetteer::embedded_bytes();
    if let Err(e) = std::fs::write(out, bytes) {
        eprintln!("casualty-lens: {}: cannot write: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let gz_len = gz
        .write_all(bytes)
        .and_then(|_| gz.finish())
        .map(|v| v.len())
        .unwrap_or(0);
    println!(
        "{}: {} bytes raw, {} bytes gzipped",
        out.display(),
        bytes.len(),
        gz_len
    );
    ExitCode::SUCCESS
}
