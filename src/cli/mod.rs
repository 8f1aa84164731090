//! The native command line: batch extraction (and, later, scoring) over the same core.
//!
//! One subcommand a variant of [`Command`], each with its own argument struct and module;
//! [`run`] dispatches. Output formats live in `output` (one [`output::Format`] variant each).

mod extract;
mod gazetteer;
pub mod output;

use crate::{Gazetteer, Policy};
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Casualty Lens: casualty figures and places in news articles.
#[derive(Parser, Debug)]
#[command(name = "casualty-lens", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract figures and places from files (`-` reads stdin; a directory means its
    /// .txt/.md/.html files; `--input jsonl` reads one {"id", "text"} document a line).
    Extract(extract::ExtractArgs),
    /// Write the compiled gazetteer (the web app's `gazetteer.bin`) to OUT_FILE.
    GazetteerAsset {
        /// Where to write the asset.
        out_file: std::path::PathBuf,
    },
}

/// Runs the CLI with the process arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli.command)
}

fn run(command: Command) -> ExitCode {
    match command {
        Command::Extract(args) => extract::run(args),
        Command::GazetteerAsset { out_file } => gazetteer::write_asset(&out_file),
    }
}

/// The gazetteer the CLI and the benchmarks use.
///
/// The GeoNames gazetteer compiled into the binary.
pub fn default_gazetteer() -> Gazetteer {
    Gazetteer::embedded()
}

pub(crate) fn parse_policy(s: &str) -> Result<Policy, String> {
    Policy::parse(s).ok_or_else(|| format!("unknown policy {s:?}: use literal or acled"))
}

/// Peak resident memory of this process in bytes (Linux `VmHWM`), if the OS tells.
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}
