//! The `casualty-lens extract` command line, run as a process.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

mod common;
use common::{write, BIN};

fn tmpdir(test: &str) -> PathBuf {
    common::tmpdir("cli", test)
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the CLI");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("wait")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn names(report: &Value) -> Vec<String> {
    report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["name"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn json_report_follows_the_schema() {
    let dir = tmpdir("schema");
    let a = write(
        &dir,
        "a.txt",
        b"Officials said 14 people were killed in the blast.",
    );
    let out = run(&["extract", a.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json(&out);
    assert_eq!(r["schema"], "casualty-lens/1");
    let doc = &r["documents"][0];
    for key in ["name", "date", "figures", "places", "totals"] {
        assert!(doc.get(key).is_some(), "missing {key}: {doc}");
    }
    let f = &doc["figures"][0];
    for key in [
        "start",
        "end",
        "text",
        "category",
        "value",
        "qualifier",
        "min",
        "max",
        "victims",
        "trigger",
        "place",
        "part_of",
        "confidence",
    ] {
        assert!(f.get(key).is_some(), "missing {key}: {f}");
    }
    assert_eq!(f["category"], "killed");
    assert!(doc.get("error").is_none());
}

#[test]
fn directories_stdin_and_input_order() {
    let dir = tmpdir("dirs");
    write(&dir, "b.txt", b"3 were injured.");
    write(&dir, "a.md", b"5 were killed.");
    write(
        &dir,
        "c.html",
        b"<p>2 people were reported missing</p><script>var t = \"9 killed\";</script>",
    );
    // (PDFs are documents now: tests/hostile_input.rs and the PDF tests below.)
    write(&dir, "skip.png", b"\x89PNG");
    write(&dir, "skip.jsonl", b"{}");
    let other = tmpdir("dirs-single");
    let single = write(&other, "z.txt", b"nothing here");
    let out = run(
        &[
            "extract",
            single.to_str().unwrap(),
            dir.to_str().unwrap(),
            "-",
        ],
        Some(b"Police arrested 6 men."),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json(&out);
    let n = names(&r);
    assert_eq!(n[1..4], ["a.md", "b.txt", "c.html"]);
    assert_eq!(n[4], "-");
    assert_eq!(n.len(), 5);
    // The HTML file is read as HTML: the script's number is not a figure.
    let html = &r["documents"][3]["figures"];
    assert_eq!(html.as_array().map(Vec::len), Some(1), "{html}");
    assert_eq!(html[0]["value"], 2);
}

#[test]
fn many_files_keep_input_order_on_all_threads() {
    let dir = tmpdir("order");
    let mut args = vec!["extract".to_string(), "--threads".into(), "2".into()];
    // Names in an order that is neither sorted nor by size.
    for i in (0..300).rev() {
        let text = "word ".repeat(i % 37) + &format!("{i} people were killed.");
        let p = write(&dir, &format!("f{:03}.txt", (i * 7) % 300), text.as_bytes());
        args.push(p.to_str().unwrap().to_string());
    }
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&argv, None);
    assert!(out.status.success());
    let r = json(&out);
    let got = names(&r);
    let want: Vec<String> = args[3..].to_vec();
    assert_eq!(got, want);
    // Deterministic: byte-identical output on a second run.
    let again = run(&argv, None);
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn jsonl_in_jsonl_out_with_a_bad_line() {
    let input = b"{\"id\": \"one\", \"text\": \"4 aid workers were kidnapped.\"}\n\
        \n\
        {\"id\": \"two\", \"text\": 12}\n\
        not json at all\n\
        {\"id\": 3, \"text\": \"About 20 were wounded.\"}\n\
        {\"text\": \"No one was hurt.\"}\n";
    let out = run(
        &["extract", "--input", "jsonl", "--format", "jsonl", "-"],
        Some(input),
    );
    assert!(!out.status.success(), "bad lines make the exit non-zero");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 3"), "{stderr}");
    assert!(stderr.contains("line 4"), "{stderr}");
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let names: Vec<&str> = lines
        .iter()
        .map(|l| l["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        ["one", "stdin line 3", "stdin line 4", "3", "stdin line 6"]
    );
    assert_eq!(lines[0]["figures"][0]["category"], "kidnapped");
    assert!(lines[1]["error"].is_string());
    assert!(lines[3]["error"].is_null());
    assert_eq!(lines[3]["figures"][0]["value"], 20);
}

#[test]
fn jsonl_input_to_json_report() {
    let dir = tmpdir("jsonl-json");
    let p = write(
        &dir,
        "c.jsonl",
        b"{\"id\":\"x\",\"text\":\"7 were killed\"}\r\n{\"id\":\"y\",\"text\":\"8 were injured\"}",
    );
    let out = run(&["extract", "--input", "jsonl", p.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(names(&json(&out)), ["x", "y"]);
}

#[test]
fn unreadable_files_are_named_and_the_rest_is_reported() {
    let dir = tmpdir("unreadable");
    let good = write(&dir, "good.txt", b"9 soldiers were killed.");
    let pdf = write(&dir, "paper.txt", b"%PDF-1.5\n\x00\x01binary");
    let missing = dir.join("missing.txt");
    let out = run(
        &[
            "extract",
            pdf.to_str().unwrap(),
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].contains("paper.txt") && lines[0].contains("PDF"),
        "{stderr}"
    );
    assert!(lines[1].contains("missing.txt"), "{stderr}");
    let r = json(&out);
    assert_eq!(r["documents"].as_array().map(Vec::len), Some(3));
    assert!(r["documents"][0]["error"].is_string());
    assert_eq!(r["documents"][2]["figures"][0]["value"], 9);
}

#[test]
fn csv_geojson_and_out_file() {
    let dir = tmpdir("formats");
    let a = write(
        &dir,
        "a.txt",
        b"At least 12 were killed, and 3 were injured.",
    );
    let b = write(&dir, "b.txt", b"5 people are missing.");
    let csv_out = dir.join("out.csv");
    let out = run(
        &[
            "extract",
            "--format",
            "csv",
            "--out",
            csv_out.to_str().unwrap(),
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let csv = std::fs::read_to_string(&csv_out).expect("csv written");
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("document,start,end"), "{csv}");
    assert_eq!(rows.len(), 4, "{csv}");
    let out = run(
        &["extract", "--format", "geojson", a.to_str().unwrap()],
        None,
    );
    let g = json(&out);
    assert_eq!(g["type"], "FeatureCollection");
    assert!(g["features"].is_array());
}

#[test]
fn policy_and_bad_arguments() {
    let dir = tmpdir("policy");
    let a = write(&dir, "a.txt", b"Dozens were killed.");
    let ok = run(&["extract", "--policy", "acled", a.to_str().unwrap()], None);
    assert!(ok.status.success());
    let bad = run(&["extract", "--policy", "nope", a.to_str().unwrap()], None);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown policy"));
    let none = run(&["extract"], None);
    assert!(!none.status.success());
}

#[test]
fn stats_go_to_stderr() {
    let out = run(
        &["extract", "--stats", "--format", "jsonl", "-"],
        Some(b"2 were hurt."),
    );
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 documents (0 failed)") && stderr.contains("peak memory"),
        "{stderr}"
    );
}

/// Our own multi-article fixtures: three reports of one Kirkuk bombing (13 -> 18 -> 21 killed;
/// the first also gives the war's toll as background) and a report of two attacks on one day
/// in two towns.
const INCIDENT_FIXTURES: [&str; 4] = [
    "tests/fixtures/incidents/kirkuk-1.txt",
    "tests/fixtures/incidents/kirkuk-2.txt",
    "tests/fixtures/incidents/kirkuk-3.txt",
    "tests/fixtures/incidents/two-towns.txt",
];

fn fixture_args(format: &str) -> Vec<&str> {
    let mut args = vec!["extract", "--format", format];
    args.extend(INCIDENT_FIXTURES);
    args
}

#[test]
fn events_csv_has_a_bom_and_one_row_per_merged_incident() {
    let out = run(&fixture_args("events"), None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let body = text.strip_prefix('\u{FEFF}').expect("starts with a BOM");
    let mut rows = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = rows
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    for col in [
        "event_id",
        "date",
        "date_precision",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "killed",
        "killed_min",
        "killed_max",
        "sources",
        "source_sentences",
    ] {
        assert!(
            header.iter().any(|h| h == col),
            "no column {col}: {header:?}"
        );
    }
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.expect("row")).collect();
    // One bombing (three sources) + two attacks in two towns.
    assert_eq!(records.len(), 3, "{records:?}");
    let kirkuk = records
        .iter()
        .find(|r| &r[col("location")] == "Kirkuk")
        .expect("a Kirkuk row");
    assert_eq!(
        (
            &kirkuk[col("killed")],
            &kirkuk[col("killed_min")],
            &kirkuk[col("killed_max")]
        ),
        ("21", "13", "21")
    );
    assert_eq!(kirkuk[col("sources")].split("; ").count(), 3);
    assert_eq!(&kirkuk[col("date")], "2024-03-04");
    // The war's toll (200,000) is in no row.
    assert!(records.iter().all(|r| !r.iter().any(|c| c == "200000")));
}

#[test]
fn json_for_several_documents_carries_the_merged_incidents() {
    let out = run(&fixture_args("json"), None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    let incidents = report["incidents"].as_array().expect("top-level incidents");
    assert_eq!(incidents.len(), 3, "{incidents:#?}");
    let kirkuk = incidents
        .iter()
        .find(|e| e["place"]["name"] == "Kirkuk")
        .expect("the Kirkuk bombing");
    assert_eq!(kirkuk["totals"]["killed"]["value"], 21);
    assert_eq!(kirkuk["totals"]["killed"]["min"], 13);
    assert_eq!(kirkuk["totals"]["killed"]["max"], 21);
    let sources = kirkuk["sources"].as_array().expect("sources");
    assert_eq!(
        sources
            .iter()
            .map(|s| s["document"].clone())
            .collect::<Vec<_>>(),
        vec![Value::from(0), Value::from(1), Value::from(2)]
    );
    assert_eq!(kirkuk["why"].as_array().map(Vec::len), Some(2));
    let towns: Vec<&str> = incidents
        .iter()
        .filter(|e| e["place"]["name"] != "Kirkuk")
        .filter_map(|e| e["place"]["name"].as_str())
        .collect();
    assert_eq!(
        towns.len(),
        2,
        "two attacks in two towns stay two: {towns:?}"
    );
    // The war-wide toll is background and in no total.
    let first = &report["documents"][0];
    assert_eq!(first["totals"]["killed"]["value"], 13);
    assert_eq!(first["background"].as_array().map(Vec::len), Some(1));
}

#[test]
fn streamed_json_is_the_merged_report_and_one_document_has_no_corpus_keys() {
    let out = run(&fixture_args("json"), None);
    let lines = run(&fixture_args("jsonl"), None);
    let docs: Vec<casualty_lens::report::model::DocumentReport> =
        String::from_utf8_lossy(&lines.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a document a line"))
            .collect();
    let merged = casualty_lens::report::model::Report::merged(docs);
    let want = serde_json::to_string_pretty(&merged).expect("serialise") + "\n";
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    let one = json(&run(&["extract", INCIDENT_FIXTURES[0]], None));
    assert!(one.get("incidents").is_none() && one.get("duplicates").is_none());
}

#[test]
fn country_hint_and_other_candidates() {
    let dir = tmpdir("country");
    let story = write(
        &dir,
        "tripoli.txt",
        b"At least 5 people were killed in Tripoli on Monday, police said.",
    );
    let story = story.to_str().expect("path");
    let place = |out: &Output| json(out)["documents"][0]["places"][0].clone();
    // By default: the Libyan capital, and no candidates in the report (unchanged output).
    let plain = place(&run(&["extract", story], None));
    assert_eq!(plain["country"], "LY", "{plain}");
    assert!(plain.get("candidates").is_none(), "{plain}");
    // --candidates lists the others, best first, with scores; Lebanon's Tripoli among them.
    let with = place(&run(&["extract", "--candidates", story], None));
    assert_eq!(with["country"], "LY");
    let cands = with["candidates"].as_array().expect("candidates");
    assert!(!cands.is_empty() && cands.len() <= 4, "{with}");
    assert!(cands.iter().any(|c| c["country"] == "LB"), "{with}");
    let scores: Vec<f64> = cands.iter().filter_map(|c| c["score"].as_f64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // --country LB prefers the Lebanese city; a bad code is refused.
    let hinted = place(&run(&["extract", "--country", "lb", story], None));
    assert_eq!(hinted["country"], "LB", "{hinted}");
    let bad = run(&["extract", "--country", "Lebanon", story], None);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("country"));
}

#[test]
fn pdf_files_in_a_directory_are_read_with_their_pages() {
    let dir = tmpdir("pdf");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("e2e/fixtures/report.pdf");
    std::fs::copy(&fixture, dir.join("report.pdf")).expect("copy");
    let out = run(&["extract", dir.to_str().expect("path")], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    let doc = &report["documents"][0];
    assert_eq!(doc["name"], "report.pdf");
    assert_eq!(
        doc["pages"].as_array().map(Vec::len),
        Some(2),
        "{}",
        doc["pages"]
    );
    let killed: Vec<u64> = doc["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .filter(|f| f["category"] == "killed")
        .filter_map(|f| f["value"].as_u64())
        .collect();
    // Tarbela's 23 and Swabi's 4 once each: the running header's "7 people killed" is dropped.
    assert_eq!(killed, [23, 4], "{killed:?}");
}
