//! The native command line: batch extraction (and, later, scoring) over the same core.
//!
//! One subcommand a variant of [`Command`], each with its own argument struct and module;
//! [`run`] dispatches. Output formats live in `output` (one [`output::Format`] variant each).

mod eval;
mod explain;
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
    /// Explain one document: each figure's rule, each place's candidates with their score
    /// parts, and why each incident's figures went together, as readable text.
    Explain(explain::ExplainArgs),
    /// Write the compiled gazetteer (the web app's `gazetteer.bin`) to OUT_FILE.
    GazetteerAsset {
        /// Where to write the asset.
        out_file: std::path::PathBuf,
    },
    /// Score extraction against a gold directory (the metrics of score.py, same numbers).
    Eval(eval::EvalArgs),
    /// Compare document totals with coded killed/injured counts, and incident places with coded countries (JSON lines, .gz allowed).
    EvalTotals(eval::TotalsArgs),
}

/// Runs the CLI with the process arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli.command)
}

fn run(command: Command) -> ExitCode {
    match command {
        Command::Extract(args) => extract::run(args),
        Command::Explain(args) => explain::run(args),
        Command::GazetteerAsset { out_file } => gazetteer::write_asset(&out_file),
        Command::Eval(args) => eval::run_eval(args),
        Command::EvalTotals(args) => eval::run_totals(args),
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

/// An extractor over the default gazetteer with the given policy (for `eval` and friends).
pub(crate) fn new_extractor(policy: Policy) -> crate::Extractor {
    crate::Extractor::new(
        default_gazetteer(),
        crate::Options {
            policy,
            ..Default::default()
        },
    )
}

/// CPU time used so far by this process, all threads, in seconds (Linux `/proc/self/stat`,
/// assuming the usual 100 clock ticks a second), if the OS tells.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after ')'.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) as f64 / 100.0)
}
