//! The native command line: batch extraction and scoring over the same core.

mod gazetteer;

use crate::report::model::{DocumentReport, Report};
use crate::{text, Extractor, Gazetteer, Options, Policy};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
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
    /// .txt/.md/.html files).
    Extract {
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Write to this file instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Coding policy for min/max: literal (the guidelines) or acled (conservative).
        #[arg(long, default_value = "literal", value_parser = parse_policy)]
        policy: Policy,
        /// Input files or directories.
        #[arg(required = true)]
        inputs: Vec<String>,
    },
    /// Write the compiled gazetteer (the web app's `gazetteer.bin`) to OUT_FILE.
    GazetteerAsset {
        /// Where to write the asset.
        out_file: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Json,
    Csv,
    Geojson,
    Markdown,
    Html,
}

fn parse_policy(s: &str) -> Result<Policy, String> {
    Policy::parse(s).ok_or_else(|| format!("unknown policy {s:?}: use literal or acled"))
}

/// Runs the CLI with the process arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            format,
            out,
            policy,
            inputs,
        } => extract(format, out, policy, &inputs),
        Command::GazetteerAsset { out_file } => gazetteer::write_asset(&out_file),
    }
}

/// A document to read: its display name and where its bytes come from.
struct Input {
    name: String,
    path: Option<PathBuf>,
}

fn expand_inputs(inputs: &[String], failed: &mut bool) -> Vec<Input> {
    let mut out = Vec::new();
    for arg in inputs {
        if arg == "-" {
            out.push(Input {
                name: "-".into(),
                path: None,
            });
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut files: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.is_file() && is_document(p))
                        .collect();
                    files.sort();
                    out.extend(files.into_iter().map(|p| {
                        Input {
                            name: p
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default(),
                            path: Some(p),
                        }
                    }));
                }
                Err(e) => {
                    eprintln!("casualty-lens: {arg}: cannot read directory: {e}");
                    *failed = true;
                }
            }
        } else {
            out.push(Input {
                name: arg.clone(),
                path: Some(path.to_path_buf()),
            });
        }
    }
    out
}

fn is_document(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "md" | "html" | "htm")
    )
}

fn read_input(input: &Input) -> Result<String, String> {
    let bytes = match &input.path {
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            buf
        }
        Some(p) => std::fs::read(p).map_err(|e| format!("cannot read: {e}"))?,
    };
    text::decode::decode(&bytes).map_err(|e| e.to_string())
}

fn extract(format: Format, out: Option<PathBuf>, policy: Policy, inputs: &[String]) -> ExitCode {
    let mut failed = false;
    let extractor = Extractor::new(Gazetteer::embedded(), Options { policy });
    let docs: Vec<DocumentReport> = expand_inputs(inputs, &mut failed)
        .iter()
        .filter_map(|input| match read_input(input) {
            Ok(text) => Some(extractor.extract(&input.name, &text)),
            Err(e) => {
                eprintln!("casualty-lens: {}: {e}", input.name);
                failed = true;
                None
            }
        })
        .collect();
    let report = Report::new(docs);
    let body = match format {
        Format::Json => serde_json::to_string_pretty(&report).unwrap_or_default(),
        Format::Csv => crate::report::csv::to_csv(&report),
        Format::Geojson => crate::report::geojson::to_geojson(&report).to_string(),
        Format::Markdown => crate::report::markdown::to_markdown(&report),
        Format::Html => crate::report::html::to_html(&report, "Casualty Lens report"),
    };
    let written = match out {
        Some(path) => std::fs::write(&path, body + "\n")
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => writeln!(std::io::stdout().lock(), "{body}").map_err(|e| format!("stdout: {e}")),
    };
    if let Err(e) = written {
        eprintln!("casualty-lens: {e}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
