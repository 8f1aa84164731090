//! `casualty-lens extract`: documents in, one report out.
//!
//! Documents are processed in chunks: a chunk is extracted on all cores (rayon) while the next
//! one is read, then written in input order. So output order is deterministic and memory is
//! bounded by the chunk size, whatever the corpus size. A document that cannot be read or
//! decoded gets a one-line message on stderr naming it and an entry with `error` in the
//! report; the others are unaffected, and the exit status is non-zero.

use super::output::{Format, Output};
use super::{default_gazetteer, parse_policy, peak_memory_bytes};
use crate::report::model::{DocIncidents, DocumentReport, Report};
use crate::{text, Extractor, Options, Policy};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Larger documents (a file, or one JSONL line) are refused with a message: split them.
const MAX_DOC_BYTES: u64 = 512 << 20;
/// A JSONL chunk ends after this many bytes of lines ...
const CHUNK_BYTES: usize = 16 << 20;
/// ... or this many documents per worker thread.
const CHUNK_DOCS_PER_THREAD: usize = 64;

/// Arguments of `extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Write to this file instead of stdout.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Coding policy for min/max: literal (the guidelines) or acled (conservative).
    #[arg(long, default_value = "literal", value_parser = parse_policy)]
    policy: Policy,
    /// How the inputs hold documents: `files` (one document a file: text, Markdown or HTML)
    /// or `jsonl` (one {"id": ..., "text": ...} document a line).
    #[arg(long, value_enum, default_value = "files")]
    input: InputKind,
    /// Prefer places in this country (ISO alpha-2 code, e.g. `LB`) where a name has
    /// candidates there: a reader's hint for documents about one country.
    #[arg(long, value_parser = parse_country)]
    country: Option<[u8; 2]>,
    /// List each place's other gazetteer candidates with their scores (`candidates`).
    #[arg(long)]
    candidates: bool,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Print documents, bytes, throughput and peak memory to stderr at the end.
    #[arg(long)]
    stats: bool,
    /// Input files or directories (`-` reads stdin).
    #[arg(required = true)]
    inputs: Vec<String>,
}

pub(crate) fn parse_country(s: &str) -> Result<[u8; 2], String> {
    let up = s.to_ascii_uppercase();
    match up.as_bytes() {
        &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Ok([a, b]),
        _ => Err(format!("not a two-letter country code: {s:?}")),
    }
}

/// The `--input` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputKind {
    /// One document a file (a directory means its .txt/.md/.html files).
    Files,
    /// One JSON object {"id", "text"} a line (a directory means its .jsonl files).
    Jsonl,
}

/// Runs `extract`; the exit status is non-zero when any document or output failed.
pub fn run(args: ExtractArgs) -> ExitCode {
    match args.threads {
        Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(pool) => pool.install(|| run_in_pool(&args)),
            Err(e) => {
                eprintln!("casualty-lens: cannot start {n} threads: {e}");
                ExitCode::FAILURE
            }
        },
        None => run_in_pool(&args),
    }
}

/// One document to process.
enum Job {
    /// A file (None: stdin) to read, decode and extract.
    File { name: String, path: Option<PathBuf> },
    /// Text already read (a JSONL line).
    Text { name: String, text: String },
    /// A document that failed before extraction (a bad JSONL line, an unreadable input).
    Failed { name: String, error: String },
}

/// One processed document.
struct Done {
    /// The rendered piece (streamed formats).
    piece: Option<Vec<u8>>,
    /// The document itself (whole-report formats).
    doc: Option<DocumentReport>,
    /// Its incidents for the corpus-level merge (streamed JSON; `document` is set on writing).
    digest: Option<DocIncidents>,
    /// The stderr message when it failed.
    error: Option<String>,
    /// Input bytes.
    bytes: u64,
}

fn run_in_pool(args: &ExtractArgs) -> ExitCode {
    let started = Instant::now();
    let mut failed = false;
    let extractor = Extractor::new(
        default_gazetteer(),
        Options {
            policy: args.policy,
            country: args.country,
            candidates: args.candidates,
        },
    );
    let output = args.format.output();
    let per_chunk = CHUNK_DOCS_PER_THREAD * rayon::current_num_threads().max(1);
    let mut source: Box<dyn Source> = match args.input {
        InputKind::Files => Box::new(Files {
            jobs: expand_inputs(&args.inputs, is_document, &mut failed)
                .into_iter()
                .map(|(name, path)| Job::File { name, path })
                .collect::<Vec<_>>()
                .into_iter(),
            per_chunk,
        }),
        InputKind::Jsonl => Box::new(Jsonl {
            inputs: expand_inputs(&args.inputs, is_jsonl, &mut failed).into(),
            current: None,
            per_chunk,
            buf: Vec::new(),
        }),
    };
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(BufWriter::with_capacity(1 << 20, f)),
            Err(e) => {
                eprintln!("casualty-lens: {}: cannot write: {e}", path.display());
                return ExitCode::FAILURE;
            }
        },
        None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    };
    let mut writer = Writer {
        sink,
        wrote_piece: false,
        docs: Vec::new(),
        digests: Vec::new(),
    };
    let (mut n_docs, mut n_failed, mut n_bytes) = (0u64, 0u64, 0u64);
    let result = (|| -> io::Result<()> {
        if let Output::Stream { head, .. } = &output {
            writer.sink.write_all(head.as_bytes())?;
        }
        let mut chunk = source.next_chunk();
        while !chunk.is_empty() {
            // Extract this chunk on all cores while the next one is read.
            let (done, next) = rayon::join(
                || {
                    chunk
                        .into_par_iter()
                        .map(|job| process(job, &extractor, &output))
                        .collect::<Vec<Done>>()
                },
                || source.next_chunk(),
            );
            for d in done {
                n_docs += 1;
                n_bytes += d.bytes;
                if let Some(e) = &d.error {
                    eprintln!("casualty-lens: {e}");
                    n_failed += 1;
                    failed = true;
                }
                writer.write(&output, d)?;
            }
            chunk = next;
        }
        writer.finish(&output)
    })();
    if let Err(e) = result {
        let to = args
            .out
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "stdout".into());
        eprintln!("casualty-lens: {to}: cannot write: {e}");
        return ExitCode::FAILURE;
    }
    if args.stats {
        let secs = started.elapsed().as_secs_f64();
        let mb = n_bytes as f64 / 1e6;
        let cpu = super::cpu_seconds().unwrap_or(0.0);
        eprintln!(
            "casualty-lens: {n_docs} documents ({n_failed} failed), {mb:.1} MB in {secs:.2} s: \
             {:.1} MB/s on {} threads; {cpu:.2} s CPU ({:.1} MB per CPU-second); \
             peak memory {:.1} MB",
            mb / secs.max(1e-9),
            rayon::current_num_threads(),
            mb / cpu.max(1e-9),
            peak_memory_bytes().unwrap_or(0) as f64 / 1e6,
        );
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes pieces in order (or keeps documents for a whole-report format).
struct Writer {
    sink: Box<dyn Write>,
    wrote_piece: bool,
    docs: Vec<DocumentReport>,
    /// The documents' incidents, in input order (streamed JSON: merged at the end).
    digests: Vec<DocIncidents>,
}

impl Writer {
    fn write(&mut self, output: &Output, done: Done) -> io::Result<()> {
        if let Some(mut digest) = done.digest {
            digest.document = self.digests.len();
            for inc in &mut digest.incidents {
                inc.document = digest.document;
            }
            self.digests.push(digest);
        }
        if let (Output::Stream { sep, .. }, Some(piece)) = (output, done.piece) {
            if piece.is_empty() {
                return Ok(());
            }
            if self.wrote_piece {
                self.sink.write_all(sep.as_bytes())?;
            }
            self.wrote_piece = true;
            self.sink.write_all(&piece)?;
        } else if let Some(doc) = done.doc {
            self.docs.push(doc);
        }
        Ok(())
    }

    fn finish(&mut self, output: &Output) -> io::Result<()> {
        match output {
            Output::Stream { tail, corpus, .. } => {
                let tail = match corpus {
                    Some(write) => write(&self.digests),
                    None => tail.as_bytes().to_vec(),
                };
                self.sink.write_all(&tail)?
            }
            Output::Whole(render) => {
                let report = Report::new(std::mem::take(&mut self.docs));
                self.sink.write_all(render(&report).as_bytes())?;
            }
        }
        self.sink.flush()
    }
}

fn process(job: Job, extractor: &Extractor, output: &Output) -> Done {
    // Messages name the file by its path (a directory's files are reported by file name).
    let mut label = None;
    let (name, loaded, bytes) = match job {
        Job::File { name, path } => {
            label = path.as_ref().map(|p| p.display().to_string());
            match read_bytes(path.as_deref()) {
                Ok(bytes) => {
                    let n = bytes.len() as u64;
                    let loaded = text::read(&name, &bytes).map_err(|e| e.to_string());
                    (name, loaded, n)
                }
                Err(e) => (name, Err(e), 0),
            }
        }
        Job::Text { name, text } => {
            let n = text.len() as u64;
            let text = text::prepare(&name, text);
            let pages = Vec::new();
            (name, Ok(text::Loaded { text, pages }), n)
        }
        Job::Failed { name, error } => (name, Err(error), 0),
    };
    let (doc, error) = match loaded {
        Ok(text::Loaded { text, pages }) => {
            // (A PDF's page starts are not in the borrowed view: it takes the owned report.)
            if let (
                Output::Stream {
                    view: Some(write), ..
                },
                true,
            ) = (output, pages.is_empty())
            {
                // The fast path: no owned report, the JSON written from the stages' results.
                let analysis = extractor.analyse(&text);
                // Reports run ~5x the text (each figure carries its sentence).
                let mut piece = Vec::with_capacity(text.len().saturating_mul(6) + 256);
                let view = analysis.view(&name);
                write(&view, &mut piece);
                return Done {
                    piece: Some(piece),
                    doc: None,
                    digest: output.merges().then(|| view.digest(0)),
                    error: None,
                    bytes,
                };
            }
            let mut doc = extractor.extract(&name, &text);
            doc.pages = pages;
            (doc, None)
        }
        Err(e) => {
            let message = format!("{}: {e}", label.as_deref().unwrap_or(&name));
            (failed_document(name, e), Some(message))
        }
    };
    let digest = output.merges().then(|| DocIncidents::of(0, &doc));
    let (piece, doc) = match output {
        Output::Stream { doc: render, .. } => (Some(render(doc)), None),
        Output::Whole(_) => (None, Some(doc)),
    };
    Done {
        piece,
        doc,
        digest,
        error,
        bytes,
    }
}

/// The report entry of a document that could not be read: no figures, `error` set.
fn failed_document(name: String, error: String) -> DocumentReport {
    DocumentReport {
        name,
        date: None,
        figures: Vec::new(),
        places: Vec::new(),
        totals: BTreeMap::new(),
        incidents: Vec::new(),
        background: Vec::new(),
        summary: Vec::new(),
        text_hash: None,
        pages: Vec::new(),
        error: Some(error),
    }
}

/// A file's bytes (None: stdin), refusing documents over [`MAX_DOC_BYTES`].
pub(crate) fn read_bytes(path: Option<&Path>) -> Result<Vec<u8>, String> {
    let too_large = |n: u64| {
        format!(
            "too large ({} MB; the limit is {} MB a document): split it",
            n >> 20,
            MAX_DOC_BYTES >> 20
        )
    };
    let mut buf = Vec::new();
    match path {
        None => {
            io::stdin()
                .lock()
                .take(MAX_DOC_BYTES + 1)
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
        }
        Some(p) => {
            let f = File::open(p).map_err(|e| format!("cannot read: {e}"))?;
            let len = f.metadata().map(|m| m.len()).unwrap_or(0);
            if f.metadata().is_ok_and(|m| m.is_dir()) {
                return Err("is a directory".into());
            }
            if len > MAX_DOC_BYTES {
                return Err(too_large(len));
            }
            buf.reserve(len as usize);
            f.take(MAX_DOC_BYTES + 1)
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read: {e}"))?;
        }
    }
    if buf.len() as u64 > MAX_DOC_BYTES {
        return Err(too_large(buf.len() as u64));
    }
    Ok(buf)
}

/// Inputs as (name, path); a directory stands for its files that `keep` accepts, sorted.
fn expand_inputs(
    inputs: &[String],
    keep: fn(&Path) -> bool,
    failed: &mut bool,
) -> Vec<(String, Option<PathBuf>)> {
    let mut out = Vec::new();
    for arg in inputs {
        if arg == "-" {
            out.push(("-".to_string(), None));
            continue;
        }
        let path = Path::new(arg);
        if !path.is_dir() {
            out.push((arg.clone(), Some(path.to_path_buf())));
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && keep(p))
                    .collect();
                files.sort();
                out.extend(files.into_iter().map(|p| {
                    let name = p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    (name, Some(p))
                }));
            }
            Err(e) => {
                eprintln!("casualty-lens: {arg}: cannot read directory: {e}");
                *failed = true;
            }
        }
    }
    out
}

fn extension(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
}

fn is_document(p: &Path) -> bool {
    matches!(
        extension(p).as_deref(),
        Some("txt" | "md" | "html" | "htm" | "docx" | "odt" | "pdf")
    )
}

fn is_jsonl(p: &Path) -> bool {
    matches!(extension(p).as_deref(), Some("jsonl" | "ndjson"))
}

/// Where jobs come from, a chunk at a time (an empty chunk: the end).
trait Source: Send {
    fn next_chunk(&mut self) -> Vec<Job>;
}

/// One document a file.
struct Files {
    jobs: std::vec::IntoIter<Job>,
    per_chunk: usize,
}

impl Source for Files {
    fn next_chunk(&mut self) -> Vec<Job> {
        self.jobs.by_ref().take(self.per_chunk).collect()
    }
}

/// One document a line of JSONL files.
struct Jsonl {
    inputs: VecDeque<(String, Option<PathBuf>)>,
    /// The open input: its name, reader and the number of the last line read.
    current: Option<(String, Box<dyn BufRead + Send>, u64)>,
    per_chunk: usize,
    buf: Vec<u8>,
}

/// One JSONL line: the document's id (or `name`) and text.
#[derive(Deserialize)]
struct Line {
    #[serde(default, alias = "name")]
    id: Option<serde_json::Value>,
    text: String,
}

impl Source for Jsonl {
    fn next_chunk(&mut self) -> Vec<Job> {
        let mut jobs = Vec::new();
        let mut bytes = 0usize;
        while jobs.len() < self.per_chunk && bytes < CHUNK_BYTES {
            let Some((file, reader, line_no)) = self.current.as_mut() else {
                let Some((name, path)) = self.inputs.pop_front() else {
                    break;
                };
                match open(path.as_deref()) {
                    Ok(reader) => self.current = Some((name, reader, 0)),
                    Err(e) => jobs.push(Job::Failed {
                        name: name.clone(),
                        error: format!("cannot read: {e}"),
                    }),
                }
                continue;
            };
            *line_no += 1;
            let at = format!(
                "{} line {line_no}",
                if file == "-" { "stdin" } else { file }
            );
            match read_line_bounded(reader, &mut self.buf, MAX_DOC_BYTES) {
                Ok(None) => self.current = None,
                Err(e) => {
                    jobs.push(Job::Failed {
                        name: at,
                        error: format!("cannot read: {e}"),
                    });
                    self.current = None;
                }
                Ok(Some(false)) => jobs.push(Job::Failed {
                    name: at,
                    error: format!(
                        "line too long (over {} MB): split the document",
                        MAX_DOC_BYTES >> 20
                    ),
                }),
                Ok(Some(true)) => {
                    bytes += self.buf.len();
                    if let Some(job) = parse_line(&self.buf, at) {
                        jobs.push(job);
                    }
                }
            }
        }
        jobs
    }
}

fn open(path: Option<&Path>) -> io::Result<Box<dyn BufRead + Send>> {
    Ok(match path {
        None => Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
        Some(p) => Box::new(BufReader::with_capacity(1 << 20, File::open(p)?)),
    })
}

/// One line's job: None for a blank line.
fn parse_line(raw: &[u8], at: String) -> Option<Job> {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if raw.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let line: Line = match serde_json::from_slice(raw) {
        Ok(line) => line,
        Err(e) => {
            return Some(Job::Failed {
                name: at,
                error: format!("not a JSON object with a \"text\" string: {e}"),
            })
        }
    };
    let name = match line.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => at,
        Some(other) => other.to_string(),
    };
    Some(Job::Text {
        name,
        text: line.text,
    })
}

/// Reads one line (with its `\n`) into `buf`: None at the end, Some(false) when the line is
/// longer than `max` (the rest of it is skipped), Some(true) otherwise.
fn read_line_bounded(
    reader: &mut Box<dyn BufRead + Send>,
    buf: &mut Vec<u8>,
    max: u64,
) -> io::Result<Option<bool>> {
    buf.clear();
    let n = Read::take(&mut **reader, max + 1).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.len() as u64 <= max || buf.ends_with(b"\n") {
        return Ok(Some(true));
    }
    buf.clear();
    loop {
        let avail = reader.fill_buf()?;
        if avail.is_empty() {
            break;
        }
        match avail.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                break;
            }
            None => {
                let n = avail.len();
                reader.consume(n);
            }
        }
    }
    Ok(Some(false))
}
