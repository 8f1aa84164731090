//! The Markdown and HTML exports: escaping, overlapping spans, non-ASCII offsets, empty reports.
#![cfg(not(target_arch = "wasm32"))]

use casualty_lens::report::html::{escape, to_html, to_html_with_texts, GEONAMES_CREDIT};
use casualty_lens::report::markdown::{cell, to_markdown};
use casualty_lens::report::model::{
    Category, DocumentReport, Figure, Place, PlaceKind, Qualifier, Report, Span, Total,
};
use std::collections::BTreeMap;

/// The code point span of the first occurrence of `needle` in `text`.
fn span(text: &str, needle: &str) -> Span {
    let b = text.find(needle).expect("needle in text");
    let start = text[..b].chars().count();
    Span {
        start,
        end: start + needle.chars().count(),
        text: needle.to_string(),
    }
}

fn figure(text: &str, number: &str, trigger: &str, sentence: &str, value: u64) -> Figure {
    let n = span(text, number);
    Figure {
        start: n.start,
        end: n.end,
        text: n.text,
        category: Category::Killed,
        value,
        qualifier: Qualifier::AtLeast,
        min: Some(value),
        max: None,
        victims: None,
        trigger: span(text, trigger),
        place: None,
        part_of: None,
        confidence: 0.9,
        sentence: span(text, sentence),
        implicit: false,
        rule: String::new(),
    }
}

fn place(text: &str, name: &str) -> Place {
    Place {
        name: name.to_string(),
        country: Some("ZZ".into()),
        admin1: None,
        kind: PlaceKind::City,
        lat: Some(10.5),
        lon: Some(-20.25),
        geonames_id: Some(1),
        mentions: vec![span(text, name)],
        candidates: Vec::new(),
        why: None,
    }
}

fn doc(name: &str, figures: Vec<Figure>, places: Vec<Place>) -> DocumentReport {
    let mut totals = BTreeMap::new();
    if let Some(f) = figures.first() {
        totals.insert(
            f.category,
            Total {
                value: f.value,
                min: f.min,
                max: f.max,
                figures: vec![0],
                history: vec![],
            },
        );
    }
    DocumentReport {
        name: name.to_string(),
        date: None,
        figures,
        places,
        totals,
        incidents: vec![],
        background: vec![],
        summary: vec![],
        text_hash: None,
        pages: Vec::new(),
        error: None,
    }
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_cell_escapes_table_breakers() {
    assert_eq!(cell("a|b"), "a\\|b");
    assert_eq!(
        cell("line one\nline two\r\n  three"),
        "line one line two three"
    );
    assert_eq!(cell("`code`"), "\\`code\\`");
    assert_eq!(cell("back\\slash|"), "back\\\\slash\\|");
    assert_eq!(cell("<b>&amp;</b>"), "\\<b\\>\\&amp;\\</b\\>");
    assert_eq!(cell("  padded\t"), "padded");
    assert_eq!(cell("naïve — Ωmega"), "naïve — Ωmega");
}

#[test]
fn markdown_rows_never_break() {
    let text = "Mayor | said:\n`at least 7` were killed in Fooville.";
    let mut f = figure(text, "at least 7", "killed", text, 7);
    f.victims = Some("guards|\nof the `gate`".into());
    f.place = Some(0);
    let mut d = doc("weird|name\n.txt", vec![f], vec![place(text, "Fooville")]);
    d.figures[0].sentence.text = text.to_string();
    let md = to_markdown(&Report::new(vec![d]));
    // Every table line starts and ends with a pipe and has the header's column count.
    let tables: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert!(!tables.is_empty());
    let figure_rows: Vec<&&str> = tables.iter().filter(|l| l.contains("weird")).collect();
    assert_eq!(figure_rows.len(), 2, "{md}"); // one figure row, one totals row
    for l in figure_rows {
        assert!(l.ends_with(" |"), "{l}");
        // Unescaped pipes = cell separators.
        let seps = l
            .char_indices()
            .filter(|&(i, c)| c == '|' && (i == 0 || !l[..i].ends_with('\\')))
            .count();
        let expected = if l.contains("at least") { 12 } else { 7 };
        assert_eq!(seps, expected, "{l}");
    }
    assert!(md.contains("Fooville (ZZ)"));
    assert!(md.contains("| killed | 7 |"));
    assert!(md.contains(GEONAMES_CREDIT));
}

#[test]
fn markdown_empty_report() {
    let md = to_markdown(&Report::new(vec![]));
    assert!(md.contains("0 document(s), 0 figure(s)"));
    assert!(md.contains("No casualty figures found."));
    assert!(md.contains("No totals."));
    assert!(!md.contains("GeoNames"));
}

#[test]
fn markdown_lists_unreadable_documents() {
    let mut d = doc("bad.bin", vec![], vec![]);
    d.error = Some("not UTF-8 | binary".into());
    let md = to_markdown(&Report::new(vec![d]));
    assert!(md.contains("- bad.bin: not UTF-8 \\| binary"), "{md}");
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_escape_covers_all_specials() {
    assert_eq!(
        escape("<a href='x' title=\"y\">&amp;</a>"),
        "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;"
    );
    assert_eq!(escape("nul\0bell\x07"), "nul\u{FFFD}bell\u{FFFD}");
}

/// Article text, names and errors full of markup: none of it may appear unescaped.
#[test]
fn html_document_content_cannot_inject() {
    let text =
        "<script>alert(1)</script> At least 9 were killed in <img src=x onerror=\"alert(2)\"> \
                Bar & 'Baz' \"town\".";
    let mut f = figure(text, "At least 9", "killed", text, 9);
    f.victims = Some("<b onmouseover='x'>guards</b>".into());
    f.place = Some(0);
    let mut p = place(text, "<img src=x onerror=\"alert(2)\">");
    p.name = "<svg/onload=alert(3)>".into();
    p.admin1 = Some("\"><script>alert(4)</script>".into());
    let mut d = doc("<iframe src=//evil>.txt", vec![f], vec![p]);
    d.date = Some("<i>2020</i>".into());
    d.error = Some("</p><script>alert(5)</script>".into());
    let report = Report::new(vec![d]);
    for html in [
        to_html_with_texts(&report, &[text], "<title> & \"x\""),
        to_html(&report, "t"),
    ] {
        let lower = html.to_lowercase();
        assert_eq!(lower.matches("<script").count(), 0, "{html}");
        assert!(!lower.contains("<img"));
        assert!(!lower.contains("<svg"));
        assert!(!lower.contains("<iframe"));
        assert!(!lower.contains("<b "));
        assert!(!lower.contains("<i>"));
        // onerror= appears only as escaped text, never inside a tag.
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or("");
            assert!(!tag.contains("onerror"), "attribute injected: <{tag}>");
            assert!(!tag.contains("onload"), "attribute injected: <{tag}>");
            assert!(!tag.contains("onmouseover"), "attribute injected: <{tag}>");
        }
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || !html.contains("alert(1)")
        );
        assert!(html.contains("Bar &amp; &#39;Baz&#39; &quot;town&quot;"));
        // No external requests, no scripts: only a CSP that forbids them.
        assert!(!lower.contains("http://") && !lower.contains("https://"));
        assert!(html.contains("default-src 'none'"));
        assert!(html.contains(GEONAMES_CREDIT));
    }
    let full = to_html_with_texts(&report, &[text], "<title> & \"x\"");
    assert!(full.contains("<title>&lt;title&gt; &amp; &quot;x&quot;</title>"));
    // The place mention is highlighted and its escaped text is inside the span.
    assert!(full.contains(
        "<span class=\"place\" data-place=\"0\">&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</span>"
    ));
}

/// A place inside a figure and a figure that overlaps another: segments nest properly.
#[test]
fn html_overlapping_spans_nest() {
    let text = "Officials said 12 Northtown residents died.";
    // The figure covers "12 Northtown" (an odd span, to force overlap with the place).
    let mut f = figure(text, "12 Northtown", "died", text, 12);
    f.place = Some(0);
    let g = figure(text, "Northtown residents", "died", text, 12);
    let d = doc("o.txt", vec![f, g], vec![place(text, "Northtown")]);
    let html = to_html_with_texts(&Report::new(vec![d]), &[text], "t");
    let body = html
        .split("<div class=\"text\">")
        .nth(1)
        .and_then(|s| s.split("</div>").next())
        .expect("text block");
    assert!(
        body.contains("<mark class=\"fig\" id=\"d0-f0\" data-figure=\"0\">12 </mark>"),
        "{body}"
    );
    assert!(body.contains(
        "<mark class=\"fig\" data-figure=\"0\"><mark class=\"fig\" id=\"d0-f1\" data-figure=\"1\">\
         <span class=\"place\" data-place=\"0\">Northtown</span></mark></mark><sup class=\"ref\" data-ref=\"0\"></sup>"
    ), "{body}");
    assert!(
        body.contains(
            "<mark class=\"fig\" data-figure=\"1\"> residents</mark><sup class=\"ref\" data-ref=\"1\"></sup>"
        ),
        "{body}"
    );
    assert!(body.contains("<span class=\"trigger\">died</span>"));
    assert_balanced(body);
}

/// Every opened mark/span is closed in order.
fn assert_balanced(html: &str) {
    let mut stack: Vec<&str> = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "mismatched </{name}> in {html}");
        } else {
            let name = tag.split(' ').next().unwrap_or("");
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?} in {html}");
}

#[test]
fn html_non_ascii_offsets() {
    let text = "Près de Šibenik 🚑, au moins 3 personnes ont été tuées. Über 5 injured in Łódź.";
    let mut f = figure(
        text,
        "au moins 3",
        "tuées",
        "Près de Šibenik 🚑, au moins 3 personnes ont été tuées.",
        3,
    );
    f.place = Some(0);
    let mut g = figure(text, "Über 5", "injured", "Über 5 injured in Łódź.", 5);
    g.category = Category::Injured;
    g.place = Some(1);
    let d = doc(
        "ü.txt",
        vec![f, g],
        vec![place(text, "Šibenik"), place(text, "Łódź")],
    );
    let report = Report::new(vec![d]);
    let html = to_html_with_texts(&report, &[text], "t");
    assert!(html.contains("<span class=\"place\" data-place=\"0\">Šibenik</span> 🚑"));
    assert!(html.contains("data-figure=\"0\">au moins 3</mark>"));
    assert!(html.contains("<span class=\"trigger\">tuées</span>"));
    assert!(html.contains("data-figure=\"1\">Über 5</mark>"));
    assert!(html.contains("<span class=\"place\" data-place=\"1\">Łódź</span>"));
    assert!(!html.contains("not shown"));
    // Sentence mode: the same highlights from the sentences alone.
    let s = to_html(&report, "t");
    assert!(s.contains("<span class=\"place\" data-place=\"0\">Šibenik</span> 🚑"));
    assert!(s.contains("data-figure=\"1\">Über 5</mark>"));
    assert!(s.contains("Sentences with figures"));
}

/// Offsets that do not match the supplied text are skipped and reported, never panicking.
#[test]
fn html_mismatched_offsets_are_skipped() {
    let text = "Five were killed in Eastburg.";
    let mut f = figure(text, "Five", "killed", text, 5);
    f.start = 1000;
    f.end = 1004;
    let mut p = place(text, "Eastburg");
    p.mentions[0].start += 1; // now covers "astburg." which is not "Eastburg"
    p.mentions[0].end += 1;
    let mut q = place(text, "Eastburg");
    q.mentions.push(Span {
        start: usize::MAX - 1,
        end: usize::MAX,
        text: "x".into(),
    });
    let d = doc("m.txt", vec![f], vec![p, q]);
    let html = to_html_with_texts(
        &Report::new(vec![d]),
        &["Five were killed in Eastburg."],
        "t",
    );
    assert!(html.contains("3 highlight(s) not shown"), "{html}");
    assert!(html.contains("<span class=\"place\" data-place=\"1\">Eastburg</span>"));
    // Sentence texts that lie about their length: left out, no panic.
    let mut f = figure(text, "Five", "killed", text, 5);
    f.sentence.end = usize::MAX;
    f.sentence.start = usize::MAX - 3;
    let _ = to_html(&Report::new(vec![doc("n.txt", vec![f], vec![])]), "t");
}

#[test]
fn html_empty_reports() {
    let html = to_html(&Report::new(vec![]), "Empty");
    assert!(html.contains("No documents."));
    assert!(html.contains(GEONAMES_CREDIT));
    assert!(html.contains("@media print"));
    let html = to_html_with_texts(
        &Report::new(vec![doc("e.txt", vec![], vec![])]),
        &[""],
        "Empty",
    );
    assert!(html.contains("No casualty figures found."));
    assert!(html.contains("No totals."));
    let html = to_html(&Report::new(vec![doc("e.txt", vec![], vec![])]), "Empty");
    assert!(!html.contains("class=\"text\""));
}

#[test]
fn html_has_tables_and_toc() {
    let t1 = "At least 4 were killed.";
    let t2 = "Two were killed.";
    let r = Report::new(vec![
        doc(
            "a.txt",
            vec![figure(t1, "At least 4", "killed", t1, 4)],
            vec![],
        ),
        doc("b.txt", vec![figure(t2, "Two", "killed", t2, 2)], vec![]),
    ]);
    let html = to_html_with_texts(&r, &[t1, t2], "Two docs");
    assert!(html.contains("<a href=\"#doc-1\">b.txt</a>"));
    assert!(html.contains("<a href=\"#d1-f0\">0</a>"));
    assert!(html.contains("<td class=\"n\">4</td>"));
    assert!(html.contains("<span class=\"cat killed\">killed</span>"));
    let body = html.split("<body>").nth(1).unwrap_or("");
    assert_balanced(body.split("</body>").next().unwrap_or(""));
}
