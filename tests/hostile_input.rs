//! Hostile and odd input: every case gets a correct result or a clear message naming the
//! file, and one file's failure never affects the others. Through the CLI binary and the
//! library.

use casualty_lens::report::check;
use casualty_lens::report::model::DocumentReport;
use casualty_lens::{text, Extractor, Gazetteer, Options};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

mod common;
use common::{write, BIN};

fn tmpdir(test: &str) -> PathBuf {
    common::tmpdir("hostile", test)
}

fn cli(args: &[&Path]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(["extract", "--format", "jsonl"]);
    for a in args {
        cmd.arg(a);
    }
    cmd.output().expect("run the CLI")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSONL"))
        .collect()
}

fn extract(text: &str) -> DocumentReport {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| Extractor::new(Gazetteer::embedded(), Options::default()))
        .extract("t", text)
}

/// Every span in the report is the text at its code point offsets; indices in range.
fn check_offsets(text: &str, doc: &DocumentReport) {
    let problems = check::problems(text, doc);
    assert!(problems.is_empty(), "{problems:?}");
}

fn figures_of(doc: &Value) -> Vec<(String, String, u64)> {
    doc["figures"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| {
                    (
                        f["text"].as_str().unwrap_or("").to_string(),
                        f["category"].as_str().unwrap_or("").to_string(),
                        f["value"].as_u64().unwrap_or(0),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

const STORY: &str = "Officials in Bogotá said 17 people were killed and 40 were injured.\n\n\
    Another 5 are missing, the mayor’s office said on Tuesday.";

#[test]
fn binary_files_are_refused_by_name_and_others_still_work() {
    let dir = tmpdir("binary");
    let pdf = write(&dir, "report.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    let png = write(&dir, "photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let zip = write(&dir, "story.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00");
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let junk = write(&dir, "junk.txt", &noise);
    let good = write(&dir, "good.txt", STORY.as_bytes());
    let out = cli(&[&pdf, &png, &zip, &good, &junk]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let msgs: Vec<&str> = stderr.lines().collect();
    assert_eq!(msgs.len(), 4, "{stderr}");
    assert!(
        msgs[0].contains("report.txt") && msgs[0].contains("PDF"),
        "{stderr}"
    );
    assert!(
        msgs[1].contains("photo.html") && msgs[1].contains("PNG"),
        "{stderr}"
    );
    assert!(
        // Word documents are read now: a damaged one says so.
        msgs[2].contains("story.docx") && msgs[2].to_lowercase().contains("zip"),
        "{stderr}"
    );
    assert!(
        msgs[3].contains("junk.txt") && msgs[3].contains("binary"),
        "{stderr}"
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 5);
    assert!(docs[3]["error"].is_null());
    assert_eq!(figures_of(&docs[3]).len(), 3);
}

#[test]
fn empty_file_is_an_empty_document() {
    let dir = tmpdir("empty");
    let empty = write(&dir, "empty.txt", b"");
    let blank = write(&dir, "blank.txt", b"\n\r\n  \t\n");
    let out = cli(&[&empty, &blank]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for d in lines(&out) {
        assert_eq!(d["figures"].as_array().map(Vec::len), Some(0));
    }
}

#[test]
fn every_encoding_gives_the_same_figures() {
    let dir = tmpdir("encodings");
    let utf8 = write(&dir, "utf8.txt", STORY.as_bytes());
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(STORY.as_bytes());
    let bom = write(&dir, "bom.txt", &bom);
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(STORY.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(STORY.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let le_nobom: Vec<u8> = STORY.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let le = write(&dir, "le.txt", &le);
    let be = write(&dir, "be.txt", &be);
    let le_nobom = write(&dir, "le-nobom.txt", &le_nobom);
    // Windows-1252: á = E1, ’ = 92.
    let cp1252: Vec<u8> = STORY
        .chars()
        .map(|c| match c {
            'á' => 0xE1,
            '’' => 0x92,
            c => c as u8,
        })
        .collect();
    let cp1252 = write(&dir, "cp1252.txt", &cp1252);
    let out = cli(&[&utf8, &bom, &le, &be, &le_nobom, &cp1252]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    let want = figures_of(&docs[0]);
    assert_eq!(want.len(), 3);
    for d in &docs {
        assert_eq!(figures_of(d), want, "{}", d["name"]);
        // Offsets are code points of the decoded text (no BOM), identical in every encoding.
        assert_eq!(d["figures"][0]["start"], docs[0]["figures"][0]["start"]);
    }
    let text = text::load("x.txt", STORY.as_bytes()).expect("text");
    check_offsets(&text, &extract(&text));
}

#[test]
fn crlf_offsets_match_the_decoded_text() {
    let text = STORY.replace('\n', "\r\n") + "\r\nPolice said 8 were arrested.\r\n";
    let doc = extract(&text);
    check_offsets(&text, &doc);
    assert_eq!(doc.figures.len(), 4);
    let dir = tmpdir("crlf");
    let p = write(&dir, "crlf.txt", text.as_bytes());
    let out = cli(&[&p]);
    let docs = lines(&out);
    let f = &docs[0]["figures"][3];
    let start = f["start"].as_u64().unwrap_or(0) as usize;
    let got: String = text.chars().skip(start).take(1).collect();
    assert_eq!(got, "8");
}

#[test]
fn html_scripts_handlers_and_malformed_markup() {
    let dir = tmpdir("html");
    let page = "<!DOCTYPE html><html><head><title>12 killed</title><style>p{x:1}</style>\
        <script>document.write('99 killed')</script></head>\
        <body onload=\"alert('77 killed')\"><h1>Clashes</h1>\
        <p onclick=\"steal()\">At least 6 people were killed &amp; 2&nbsp;injured.</p>\
        <!-- 55 killed --><img src=x onerror=\"alert('44 killed')\">\
        <template><p>33 killed</p></template></body></html>";
    let p = write(&dir, "page.html", page.as_bytes());
    let deep =
        "<div><b><i>".repeat(200_000) + "4 people were wounded" + &"</i></b></div>".repeat(1000);
    let deep = write(&dir, "deep.html", deep.as_bytes());
    let broken = write(
        &dir,
        "broken.html",
        b"<p>9 were killed<p <<>> </div></div><a href='x>3 injured<script>unclosed 8 killed",
    );
    let out = cli(&[&p, &deep, &broken]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    let values: Vec<u64> = figures_of(&docs[0]).iter().map(|f| f.2).collect();
    assert_eq!(values, [6, 2], "{}", docs[0]);
    assert_eq!(figures_of(&docs[1]).len(), 1);
    let broken_values: Vec<u64> = figures_of(&docs[2]).iter().map(|f| f.2).collect();
    assert!(
        broken_values.contains(&9) && !broken_values.contains(&8),
        "{broken_values:?}"
    );
}

#[test]
fn rtl_zero_width_and_combining_characters() {
    let samples = [
        "قالت الشرطة إن 12 شخصا قتلوا. Officials said 12 people were killed in \u{202B}حلب\u{202C}.",
        "\u{200F}Police said 7\u{200B} people were\u{200D} killed.\u{FEFF} Then 3 were injured\u{2060}.",
        "Cafe\u{301}s: 5 were inju\u{0308}red and 6 were killed; e\u{301}\u{302}\u{303} 9 missing.",
        "שוטרים אמרו כי 4 נהרגו. 4 people were killed, \u{1F525} 2 injured 👩‍👩‍👧.",
    ];
    for s in samples {
        let doc = extract(s);
        check_offsets(s, &doc);
        assert!(!doc.figures.is_empty(), "{s}");
    }
}

#[test]
fn a_two_megabyte_line_of_digits() {
    let digits: String = (0..2_000_000)
        .map(|i| char::from(b'0' + (i % 10) as u8))
        .collect();
    let text = format!("{digits} people were killed.\n{digits}");
    let t = Instant::now();
    let doc = extract(&text);
    check_offsets(&text, &doc);
    assert!(t.elapsed().as_secs() < 30, "took {:?}", t.elapsed());
    let dir = tmpdir("digits");
    let p = write(&dir, "digits.txt", text.as_bytes());
    let out = cli(&[&p]);
    assert!(out.status.success());
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn ten_thousand_tiny_files() {
    let dir = tmpdir("tiny");
    for i in 0..10_000 {
        let body = match i % 4 {
            0 => format!("{i} were killed."),
            1 => String::new(),
            2 => format!("{} injured", i % 50),
            _ => "x".to_string(),
        };
        write(&dir, &format!("{i:05}.txt"), body.as_bytes());
    }
    let out = Command::new(BIN)
        .args(["extract", "--format", "jsonl"])
        .arg(&dir)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 10_000);
    assert_eq!(docs[0]["name"], "00000.txt");
    assert_eq!(docs[9_999]["name"], "09999.txt");
    assert_eq!(docs[4]["figures"][0]["value"], 4);
    let _ = std::fs::remove_dir_all(&dir);
}

#[path = "../benches/support/corpus.rs"]
mod corpus;

/// A 100 MB single document through the CLI: correct, and memory stays a small multiple of it.
///
/// Ignored by default: ~90 s with a debug build (run `cargo test --release -- --ignored`).
#[test]
#[ignore = "slow in debug builds (> 60 s)"]
fn a_hundred_megabyte_file() {
    let dir = tmpdir("huge");
    let mut rng = corpus::Rng::new(9);
    let mut text = String::with_capacity(101 << 20);
    while text.len() < 100 << 20 {
        text.push_str(&corpus::article(&mut rng));
        text.push('\n');
    }
    let p = write(&dir, "huge.txt", text.as_bytes());
    drop(text);
    let t = Instant::now();
    let out = Command::new(BIN)
        .args(["extract", "--format", "jsonl", "--stats"])
        .arg(&p)
        .output()
        .expect("run");
    let secs = t.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "100 MB file: {secs:.1} s; {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["figures"].as_array().map(Vec::len).unwrap_or(0) > 100_000);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The PDF fixtures of the e2e tests (scripts/make-pdf-fixtures.sh).
fn pdf_fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("e2e/fixtures")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn damaged_pdfs_are_errors_or_text_never_panics() {
    // Cut short at every few hundred bytes, and with bytes overwritten here and there: the
    // reader returns an error or some text, with page starts that fit the text.
    let good = pdf_fixture("report.pdf");
    let mut cases: Vec<Vec<u8>> = (0..good.len())
        .step_by(997)
        .map(|n| good[..n].to_vec())
        .collect();
    for k in 1..40usize {
        let mut bad = good.clone();
        for j in 0..k {
            let at = (k * 7919 + j * 104_729) % bad.len();
            bad[at] = bad[at].wrapping_mul(31).wrapping_add(k as u8);
        }
        cases.push(bad);
    }
    cases.push(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>"
            .to_vec(),
    );
    cases
        .push(b"%PDF-1.4\n1 0 obj << /Length 99999999999 >> stream\nxx\nendstream endobj".to_vec());
    for bytes in &cases {
        if let Ok(t) = text::pdf::to_text(bytes) {
            let n = t.text.chars().count();
            assert!(t.pages.windows(2).all(|w| w[0] <= w[1]));
            assert!(t.pages.iter().all(|&p| p <= n));
        }
    }
}

#[test]
fn pdfs_through_the_cli_scans_and_broken_files_are_named() {
    let dir = tmpdir("pdf");
    let report = write(&dir, "report.pdf", &pdf_fixture("report.pdf"));
    let scan = write(&dir, "scan.pdf", &pdf_fixture("scan.pdf"));
    let broken = write(&dir, "broken.pdf", &pdf_fixture("broken.pdf"));
    let good = write(&dir, "good.txt", STORY.as_bytes());
    let out = cli(&[&scan, &report, &broken, &good]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let msgs: Vec<&str> = stderr.lines().collect();
    assert_eq!(msgs.len(), 2, "{stderr}");
    assert!(
        msgs[0].contains("scan.pdf") && msgs[0].contains("no text layer"),
        "{stderr}"
    );
    assert!(
        msgs[1].contains("broken.pdf") && msgs[1].contains("not a readable PDF"),
        "{stderr}"
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 4);
    assert!(docs[1]["error"].is_null());
    // Two pages; the figure of the second page starts after the second page does.
    let pages: Vec<u64> = docs[1]["pages"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    assert_eq!(pages.len(), 2, "{}", docs[1]["pages"]);
    let wall = docs[1]["figures"]
        .as_array()
        .and_then(|fs| {
            fs.iter().find(|f| {
                f["sentence"]["text"]
                    .as_str()
                    .is_some_and(|s| s.contains("wall collapsed"))
            })
        })
        .expect("the figure of page 2");
    assert!(wall["start"].as_u64() > Some(pages[1]));
    assert!(docs[1]["figures"]
        .as_array()
        .is_some_and(|fs| fs.iter().all(|f| f["value"] != 7)));
    assert_eq!(figures_of(&docs[3]).len(), 3);
}
