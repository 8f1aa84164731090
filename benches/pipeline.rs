//! Pipeline throughput: prints figures, asserts nothing.
//!
//! `cargo bench --bench pipeline` measures, over a generated corpus (>= 10 MB, seeded, our own
//! templates): each stage's MB/s on one core, the whole pipeline on one core, and the CLI's
//! multi-core throughput and peak memory on a JSONL corpus (100 MB by default).
//! `CASUALTY_LENS_BENCH_JSONL_MB=1024` sets the size of the CLI run (e.g. the 1 GB run).
//! `CASUALTY_LENS_BENCH_MB` sets the in-memory corpus size (default 12).
//! `CASUALTY_LENS_BENCH_ONLY=sentences,json` runs only the lines whose label holds one of
//! the comma-separated words (`cli` for the CLI run).

#[path = "support/corpus.rs"]
mod corpus;

use casualty_lens::text::{self, Document};
use casualty_lens::{figures, incidents, numbers, places, report, Extractor, Options};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn env_mb(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// This thread's CPU time in ns (Linux schedstat): unlike wall time, it does not count time
/// the thread waited for a core, so it stays meaningful on a loaded machine.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Whether the line `label` is selected by `CASUALTY_LENS_BENCH_ONLY` (all are by default).
fn selected(label: &str) -> bool {
    match std::env::var("CASUALTY_LENS_BENCH_ONLY") {
        Ok(only) => only
            .split(',')
            .any(|w| !w.is_empty() && label.to_lowercase().contains(&w.to_lowercase())),
        Err(_) => true,
    }
}

/// Best MB/s over runs of `f` (at least 3 runs and 1.5 s), by wall time and by CPU time.
fn measure(label: &str, bytes: usize, mut f: impl FnMut()) -> f64 {
    if !selected(label) {
        return 0.0;
    }
    let mut best = Duration::MAX;
    let mut best_cpu = u64::MAX;
    let started = Instant::now();
    let mut runs = 0;
    while runs < 3 || started.elapsed() < Duration::from_millis(1500) {
        let c = thread_cpu_ns();
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        if let (Some(c0), Some(c1)) = (c, thread_cpu_ns()) {
            best_cpu = best_cpu.min(c1.saturating_sub(c0).max(1));
        }
        runs += 1;
    }
    let mbs = bytes as f64 / 1e6 / best.as_secs_f64();
    let cpu = if best_cpu == u64::MAX {
        "?".to_string()
    } else {
        format!("{:.1}", bytes as f64 / 1e6 / (best_cpu as f64 / 1e9))
    };
    println!(
        "{label:<36} {mbs:>9.1} MB/s wall {cpu:>9} MB/s cpu   ({:.1} ms for {:.1} MB, best of {runs})",
        best.as_secs_f64() * 1e3,
        bytes as f64 / 1e6
    );
    mbs
}

fn main() {
    // `cargo bench` passes `--bench`; ignore arguments.
    let mb = env_mb("CASUALTY_LENS_BENCH_MB", 12);
    let docs = corpus::articles(42, (mb as usize) << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let raw: Vec<Vec<u8>> = docs.iter().map(|d| d.clone().into_bytes()).collect();
    let gazetteer = casualty_lens::cli::default_gazetteer();
    let extractor = Extractor::new(casualty_lens::cli::default_gazetteer(), Options::default());
    println!(
        "corpus: {} documents, {:.1} MB (generated, seed 42)\n\nper stage, one core:",
        docs.len(),
        bytes as f64 / 1e6
    );

    measure("decode (bytes -> text)", bytes, || {
        for r in &raw {
            black_box(text::decode::decode(black_box(r)).ok());
        }
    });
    measure("sentences", bytes, || {
        for d in &docs {
            black_box(text::sentences::split(black_box(d)));
        }
    });
    let parsed: Vec<Document> = docs.iter().map(|d| Document::new(d)).collect();
    measure("tokens (the one stream)", bytes, || {
        for d in &parsed {
            black_box(text::tokens::tokenize(black_box(d.text), &d.sentences));
        }
    });
    measure("numbers (on the stream)", bytes, || {
        for d in &parsed {
            black_box(numbers::find_in(black_box(d.text), d.tokens()));
        }
    });
    measure("figures (numbers + triggers)", bytes, || {
        for d in &parsed {
            black_box(figures::extract(black_box(d)));
        }
    });
    measure("places", bytes, || {
        for d in &parsed {
            black_box(places::find(black_box(d), &gazetteer));
        }
    });
    let staged: Vec<_> = parsed
        .iter()
        .map(|d| (figures::extract(d), places::find(d, &gazetteer)))
        .collect();
    measure("links", bytes, || {
        for (d, (figs, pls)) in parsed.iter().zip(&staged) {
            black_box(incidents::link::link_places(d, figs, pls));
        }
    });
    let links: Vec<_> = parsed
        .iter()
        .zip(&staged)
        .map(|(d, (figs, pls))| incidents::link::link_places(d, figs, pls))
        .collect();
    measure("incidents and totals", bytes, || {
        for ((d, (figs, pls)), links) in parsed.iter().zip(&staged).zip(&links) {
            black_box(incidents::analyse(d, figs, pls, links, Default::default()));
        }
    });
    let linked: Vec<_> = parsed
        .iter()
        .zip(&staged)
        .zip(links)
        .map(|((d, (figs, pls)), links)| {
            let inc = incidents::analyse(d, figs, pls, &links, Default::default());
            (links, inc)
        })
        .collect();
    measure("report build (owned, the app's)", bytes, || {
        for ((d, (figs, pls)), (links, inc)) in parsed.iter().zip(&staged).zip(&linked) {
            black_box(report::build::document(
                "x",
                d,
                figs,
                pls,
                links,
                inc.totals.clone(),
                inc,
                Options::default(),
            ));
        }
    });
    // The CLI's path: the report written from the stages' results into a reused buffer.
    let mut buf = Vec::new();
    let mut json_bytes = 0;
    measure("JSON (view -> buffer, the CLI's)", bytes, || {
        json_bytes = 0;
        for ((d, (figs, pls)), (links, inc)) in parsed.iter().zip(&staged).zip(&linked) {
            buf.clear();
            let view = report::build::view(
                "x",
                d,
                figs,
                pls,
                links,
                &inc.totals,
                inc,
                Options::default(),
            );
            view.write_json(&mut buf);
            json_bytes += buf.len();
            black_box(&buf);
        }
    });
    println!(
        "  (JSON output {:.1} MB, {:.1}x the text)",
        json_bytes as f64 / 1e6,
        json_bytes as f64 / bytes as f64
    );
    let figures: usize = staged.iter().map(|(f, _)| f.len()).sum();
    println!(
        "  ({figures} figures found in the corpus: {:.2} a KB, one per {:.0} bytes)",
        figures as f64 / (bytes as f64 / 1e3),
        bytes as f64 / figures.max(1) as f64
    );
    dev_density(&extractor);
    println!("\nwhole pipeline, one core:");
    measure("decode + extract + JSON", bytes, || {
        for r in &raw {
            let text = text::load("x.txt", r).unwrap_or_default();
            let analysis = extractor.analyse(&text);
            buf.clear();
            analysis.view("x").write_json(&mut buf);
            black_box(&buf);
        }
    });
    let html: Vec<String> = docs
        .iter()
        .map(|d| {
            let body: String = d
                .split("\n\n")
                .map(|p| format!("<p class=\"story\">{p}</p>\n"))
                .collect();
            format!("<!doctype html><html><head><title>t</title><script>var x=1;</script></head><body><article>{body}</article></body></html>")
        })
        .collect();
    let html_bytes: usize = html.iter().map(String::len).sum();
    measure("html -> text", html_bytes, || {
        for h in &html {
            black_box(text::html::to_text(black_box(h)));
        }
    });
    drop(parsed);
    real_text(&extractor);

    if selected("cli") {
        cli_run(env_mb("CASUALTY_LENS_BENCH_JSONL_MB", 100));
    }
}

/// The whole pipeline (load + extract + JSON, one core) on real text from `../shared/corpus`
/// (`CASUALTY_LENS_SHARED_DIR` elsewhere; skipped when absent): the wiki-incidents texts as
/// many small documents (dense: a figure and a place in nearly every sentence) and as one
/// document, and the dev set's news texts cycled to about 10 MB.
fn real_text(extractor: &Extractor) {
    use std::io::Read;
    let dir = std::env::var("CASUALTY_LENS_SHARED_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus").to_string());
    println!("\nreal text, whole pipeline (load + extract + JSON), one core:");
    let mut wiki = String::new();
    let read = std::fs::File::open(format!("{dir}/wiki-incidents.jsonl.gz"))
        .and_then(|f| flate2::read::GzDecoder::new(f).read_to_string(&mut wiki));
    let texts: Vec<String> = match read {
        Ok(_) => wiki
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut buf = Vec::new();
    let mut run = |label: &str, docs: &[String]| {
        let bytes: usize = docs.iter().map(String::len).sum();
        if bytes == 0 {
            println!("  ({label}: no text at {dir})");
            return;
        }
        measure(label, bytes, || {
            for d in docs {
                let analysis = extractor.analyse(d);
                buf.clear();
                analysis.view("x").write_json(&mut buf);
                black_box(&buf);
            }
        });
    };
    run("wiki-incidents, one doc a text", &texts);
    run("wiki-incidents, one document", &[texts.join("\n\n")]);
    let mut news: Vec<String> = std::fs::read_dir(format!("{dir}/dev"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    news.sort();
    let one: usize = news.iter().map(String::len).sum();
    let cycled: Vec<String> = match 10_000_000usize.checked_div(one) {
        Some(times) => news
            .iter()
            .cycle()
            .take(news.len() * times.max(1))
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    run("dev news texts, cycled", &cycled);
}

/// Prints the dev set's figure density (gold and found), to judge the generated corpus by:
/// real news has long stretches of prose between figures. The dev set lives next to the
/// repository (`../shared/corpus/dev`, `CASUALTY_LENS_DEV_DIR` elsewhere); skipped if absent.
fn dev_density(extractor: &Extractor) {
    let dir = std::env::var("CASUALTY_LENS_DEV_DIR").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev").to_string()
    });
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("  (no dev set at {dir} to compare the density with)");
        return;
    };
    let (mut bytes, mut gold, mut found) = (0usize, 0usize, 0usize);
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(name) = path.to_str().and_then(|p| p.strip_suffix(".gold.json")) else {
            continue;
        };
        let (Ok(g), Ok(text)) = (
            std::fs::read_to_string(&path),
            std::fs::read_to_string(format!("{name}.txt")),
        ) else {
            continue;
        };
        let figures = serde_json::from_str::<serde_json::Value>(&g)
            .ok()
            .and_then(|v| v.get("figures").and_then(|f| f.as_array()).map(Vec::len));
        gold += figures.unwrap_or(0);
        found += extractor.extract("x", &text).figures.len();
        bytes += text.len();
    }
    let kb = (bytes as f64 / 1e3).max(1e-9);
    println!(
        "  (dev set: {gold} gold figures in {kb:.1} KB: {:.2} a KB, one per {:.0} bytes; {:.2} a KB found)",
        gold as f64 / kb,
        bytes as f64 / gold.max(1) as f64,
        found as f64 / kb
    );
}

/// Runs the CLI binary on a generated JSONL corpus of `mb` MB on all cores.
fn cli_run(mb: u64) {
    let dir = std::env::temp_dir().join(format!("casualty-lens-bench-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        println!("cannot create {}", dir.display());
        return;
    }
    let path = dir.join("corpus.jsonl");
    let t = Instant::now();
    let written = std::fs::File::create(&path).and_then(|f| {
        let mut w = std::io::BufWriter::new(f);
        corpus::write_jsonl(&mut w, 7, mb << 20)
    });
    let Ok((n_docs, text_bytes)) = written else {
        println!("cannot write {}", path.display());
        return;
    };
    let file_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "\nCLI, all cores ({} threads): {} documents, {:.1} MB of JSONL ({:.1} MB of text), generated in {:.1} s",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        n_docs,
        file_bytes as f64 / 1e6,
        text_bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casualty-lens"))
        .args([
            "extract", "--input", "jsonl", "--format", "jsonl", "--stats",
        ])
        .arg("--out")
        .arg(dir.join("out.jsonl"))
        .arg(&path)
        .output();
    let secs = t.elapsed().as_secs_f64();
    match out {
        Ok(o) => {
            let out_bytes = std::fs::metadata(dir.join("out.jsonl"))
                .map(|m| m.len())
                .unwrap_or(0);
            println!(
                "{:<36} {:>9.1} MB/s wall   ({secs:.1} s, {}, {:.1} MB written)",
                "extract --input jsonl --format jsonl",
                file_bytes as f64 / 1e6 / secs,
                o.status,
                out_bytes as f64 / 1e6
            );
            print!("{}", String::from_utf8_lossy(&o.stderr));
        }
        Err(e) => println!("cannot run the CLI: {e}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
