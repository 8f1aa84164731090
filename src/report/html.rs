//! HTML export: one self-contained, printable page (inline CSS, no scripts, no external
//! requests) with each document's text highlighted, its figures, totals and places.
//!
//! Everything that comes from a document (text, names, file names, errors) goes through
//! [`escape`]; a Content-Security-Policy meta tag forbids scripts and remote loads as a second
//! line of defence. Highlights are built by cutting the text into segments at every span
//! boundary ([`super::segments::cut`], shared with the app's reading view), so overlapping
//! spans (a place inside a figure, two figures on the same words) nest properly: each segment
//! is wrapped on its own.
//!
//! The report does not carry the document texts. [`to_html_with_texts`] takes them (the app
//! has them); [`to_html`] shows the sentences the figures were read from instead.

use super::model::{Category, DocumentReport, Figure, Report, Span};
use super::segments;
use std::fmt::Write;
use std::ops::Range;

/// The credit line for place data (GeoNames, CC BY 4.0).
pub const GEONAMES_CREDIT: &str = "Place data © GeoNames (geonames.org), CC BY 4.0.";

/// Escapes text for HTML element content and (double- or single-quoted) attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // NUL and other C0 controls (but tab/newline) are invalid in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' && c != '\r' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// A self-contained HTML report with `title`, showing for each document the sentences that
/// carry figures (the report does not hold the full texts).
pub fn to_html(report: &Report, title: &str) -> String {
    to_html_with_texts(report, &[], title)
}

/// A self-contained HTML report with `title`. `texts[i]` is the full text of
/// `report.documents[i]` (as decoded, the text the offsets count code points in); where it is
/// missing the document's figure sentences are shown instead. A highlight whose offsets do not
/// match the text (its `text` differs from what the offsets cover) is skipped and counted.
pub fn to_html_with_texts(report: &Report, texts: &[&str], title: &str) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let nfig: usize = report.documents.iter().map(|d| d.figures.len()).sum();
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">\n<meta name=\"generator\" \
         content=\"Casualty Lens\">\n<title>",
    );
    push_escaped(&mut out, title);
    out.push_str("</title>\n<style>\n");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>");
    push_escaped(&mut out, title);
    let _ = write!(
        out,
        "</h1>\n<p class=\"meta\">{} document(s), {} figure(s). Schema <code>",
        report.documents.len(),
        nfig
    );
    push_escaped(&mut out, &report.schema);
    out.push_str("</code>.</p>\n");
    out.push_str(LEGEND);
    out.push_str("</header>\n");

    if report.documents.len() > 1 {
        out.push_str("<nav class=\"toc\"><h2>Documents</h2>\n<ol>\n");
        for (di, d) in report.documents.iter().enumerate() {
            let _ = write!(out, "<li><a href=\"#doc-{di}\">");
            push_escaped(&mut out, &d.name);
            let _ = writeln!(out, "</a> ({} figure(s))</li>", d.figures.len());
        }
        out.push_str("</ol>\n</nav>\n");
    }
    if report.documents.is_empty() {
        out.push_str("<p class=\"empty\">No documents.</p>\n");
    }
    for (di, d) in report.documents.iter().enumerate() {
        document(&mut out, di, d, texts.get(di).copied());
    }
    out.push_str("<footer>\n<p>");
    out.push_str(&escape(GEONAMES_CREDIT));
    out.push_str(
        "</p>\n<p>Made with Casualty Lens, offline: offsets are Unicode code points. \
         Check every figure against its source before publishing.</p>\n</footer>\n\
         </body>\n</html>\n",
    );
    out
}

/// One document's section.
fn document(out: &mut String, di: usize, d: &DocumentReport, text: Option<&str>) {
    let _ = write!(out, "<section class=\"doc\" id=\"doc-{di}\">\n<h2>");
    push_escaped(out, &d.name);
    out.push_str("</h2>\n");
    if let Some(date) = &d.date {
        out.push_str("<p class=\"meta\">Date: ");
        push_escaped(out, date);
        out.push_str("</p>\n");
    }
    if let Some(err) = &d.error {
        out.push_str("<p class=\"error\">Not read: ");
        push_escaped(out, err);
        out.push_str("</p>\n");
    }

    let excerpts = match text {
        Some(t) => vec![Excerpt {
            start: 0,
            text: t.to_string(),
        }],
        None => sentence_excerpts(d),
    };
    let spans = spans(d);
    let mut skipped = 0;
    if !excerpts.is_empty() {
        let _ = write!(
            out,
            "<h3>{}</h3>\n<div class=\"text\">\n",
            if text.is_some() {
                "Text"
            } else {
                "Sentences with figures"
            }
        );
        for (i, ex) in excerpts.iter().enumerate() {
            if i > 0 {
                out.push_str("<p class=\"gap\" aria-hidden=\"true\">…</p>\n");
            }
            out.push_str("<p>");
            skipped += highlight(out, di, ex, &spans, text.is_some());
            out.push_str("</p>\n");
        }
        out.push_str("</div>\n");
    }
    if skipped > 0 {
        let _ = writeln!(
            out,
            "<p class=\"error\">{skipped} highlight(s) not shown: their offsets do not match \
             the text.</p>"
        );
    }

    figures_table(out, di, d);
    totals_table(out, d);
    places_table(out, d);
    out.push_str("</section>\n");
}

/// A piece of the document shown as one paragraph: its first code point and its text.
struct Excerpt {
    start: usize,
    text: String,
}

/// The figures' sentences in text order, overlapping ones merged. Sentences whose text does
/// not have the length their offsets say are left out (they could not be highlighted safely).
fn sentence_excerpts(d: &DocumentReport) -> Vec<Excerpt> {
    let mut sents: Vec<&Span> = d
        .figures
        .iter()
        .map(|f| &f.sentence)
        .filter(|s| s.end > s.start && s.text.chars().count() == s.end - s.start)
        .collect();
    sents.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Excerpt> = Vec::new();
    for s in sents {
        if let Some(last) = out.last_mut() {
            let last_end = last.start.saturating_add(last.text.chars().count());
            if s.start < last_end {
                // Overlap: append the part of `s` past the current end.
                if s.end > last_end {
                    let tail: String = s.text.chars().skip(last_end - s.start).collect();
                    last.text.push_str(&tail);
                }
                continue;
            }
        }
        out.push(Excerpt {
            start: s.start,
            text: s.text.clone(),
        });
    }
    out
}

/// What a highlighted stretch is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// Figure `i` (its number expression).
    Figure(usize),
    /// The trigger words of figure `i`.
    Trigger(usize),
    /// A mention of place `i`.
    Place(usize),
}

/// One highlight: code point range and what it is, with the text it must cover.
struct Hl<'a> {
    start: usize,
    end: usize,
    kind: Kind,
    text: &'a str,
    /// A figure's rule (`data-rule`), else empty.
    rule: &'a str,
}

fn spans(d: &DocumentReport) -> Vec<Hl<'_>> {
    let mut v = Vec::new();
    for (i, f) in d.figures.iter().enumerate() {
        v.push(Hl {
            start: f.start,
            end: f.end,
            kind: Kind::Figure(i),
            text: &f.text,
            rule: &f.rule,
        });
        v.push(Hl {
            start: f.trigger.start,
            end: f.trigger.end,
            kind: Kind::Trigger(i),
            text: &f.trigger.text,
            rule: "",
        });
    }
    for (i, p) in d.places.iter().enumerate() {
        for m in &p.mentions {
            v.push(Hl {
                start: m.start,
                end: m.end,
                kind: Kind::Place(i),
                text: &m.text,
                rule: "",
            });
        }
    }
    v
}

/// Writes one excerpt with its highlights; returns how many highlights were skipped because
/// the text at their offsets differs from their recorded text, or (when `whole`, the excerpt
/// being the whole text) because they lie outside it.
fn highlight(out: &mut String, di: usize, ex: &Excerpt, spans: &[Hl], whole: bool) -> usize {
    // Code point -> byte offset within the excerpt (one entry past the end).
    let mut bytes: Vec<usize> = ex.text.char_indices().map(|(b, _)| b).collect();
    bytes.push(ex.text.len());
    let n = bytes.len() - 1;
    let (a, b) = (ex.start, ex.start.saturating_add(n));
    let slice = |s: usize, e: usize| -> &str {
        match (bytes.get(s - a), bytes.get(e - a)) {
            (Some(&x), Some(&y)) => ex.text.get(x..y).unwrap_or(""),
            _ => "",
        }
    };

    // Highlights wholly inside the excerpt whose recorded text matches.
    let mut skipped = 0;
    let mut live: Vec<&Hl> = Vec::new();
    for h in spans {
        if h.start >= h.end || h.start < a || h.end > b {
            skipped += usize::from(whole);
            continue;
        }
        if slice(h.start, h.end) != h.text {
            skipped += 1;
            continue;
        }
        live.push(h);
    }

    // Segments ([`super::segments::cut`]) of the highlights sorted by start: each segment is
    // wrapped in the highlights that cover it, in order of kind.
    live.sort_by_key(|h| (h.start, h.kind));
    let ranges: Vec<Range<usize>> = live.iter().map(|h| h.start..h.end).collect();
    let mut opened: Vec<usize> = Vec::new(); // figures whose anchor has been written
    for seg in segments::cut(a..b, &ranges) {
        let (s, e) = (seg.range.start, seg.range.end);
        let mut active: Vec<&Hl> = seg
            .marks
            .iter()
            .filter_map(|&i| live.get(i).copied())
            .collect();
        active.sort_by_key(|h| h.kind);
        for h in &active {
            open(out, di, h, &mut opened);
        }
        push_escaped(out, slice(s, e));
        for h in active.iter().rev() {
            out.push_str(match h.kind {
                Kind::Figure(_) => "</mark>",
                Kind::Trigger(_) | Kind::Place(_) => "</span>",
            });
        }
        // A reference number after each figure's last segment, for print.
        for h in &active {
            if let Kind::Figure(i) = h.kind {
                if h.end == e {
                    // The number is generated content, so copying the text never glues it onto the
                    // figure ("45" copied stays "45", not "450").
                    let _ = write!(out, "<sup class=\"ref\" data-ref=\"{i}\"></sup>");
                }
            }
        }
    }
    skipped
}

fn open(out: &mut String, di: usize, h: &Hl, opened: &mut Vec<usize>) {
    match h.kind {
        Kind::Figure(i) => {
            out.push_str("<mark class=\"fig\"");
            if !opened.contains(&i) {
                opened.push(i);
                let _ = write!(out, " id=\"d{di}-f{i}\"");
            }
            let _ = write!(out, " data-figure=\"{i}\"");
            // Why the figure was read (`figures::rule`), for a hover or a script.
            if !h.rule.is_empty() {
                out.push_str(" data-rule=\"");
                push_escaped(out, h.rule);
                out.push('"');
            }
            out.push('>');
        }
        Kind::Trigger(_) => out.push_str("<span class=\"trigger\">"),
        Kind::Place(i) => {
            let _ = write!(out, "<span class=\"place\" data-place=\"{i}\">");
        }
    }
}

fn opt_num(v: Option<u64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| v.to_string())
}

fn cat_class(c: Category) -> &'static str {
    c.as_str()
}

fn figures_table(out: &mut String, di: usize, d: &DocumentReport) {
    out.push_str("<h3>Figures</h3>\n");
    if d.figures.is_empty() {
        out.push_str("<p class=\"empty\">No casualty figures found.</p>\n");
        return;
    }
    out.push_str(
        "<table class=\"figures\">\n<thead><tr><th>#</th><th>Figure</th><th>Category</th>\
         <th class=\"n\">Value</th><th>Qualifier</th><th class=\"n\">Min</th>\
         <th class=\"n\">Max</th><th>Victims</th><th>Place</th><th>Sentence</th></tr></thead>\n\
         <tbody>\n",
    );
    for (i, f) in d.figures.iter().enumerate() {
        figure_row(out, di, i, d, f);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn figure_row(out: &mut String, di: usize, i: usize, d: &DocumentReport, f: &Figure) {
    let _ = write!(
        out,
        "<tr><td><a href=\"#d{di}-f{i}\">{i}</a></td><td class=\"fig-text\">"
    );
    push_escaped(out, &f.text);
    let _ = write!(
        out,
        "</td><td><span class=\"cat {c}\">{c}</span></td><td class=\"n\">{v}</td><td class=\"nw\">{q}</td>\
         <td class=\"n\">{min}</td><td class=\"n\">{max}</td><td>",
        c = cat_class(f.category),
        v = f.value,
        q = f.qualifier.as_str(),
        min = opt_num(f.min),
        max = opt_num(f.max),
    );
    push_escaped(out, f.victims.as_deref().unwrap_or("—"));
    out.push_str("</td><td>");
    match f.place.and_then(|p| d.places.get(p)) {
        Some(p) => {
            push_escaped(out, &p.name);
            if let Some(cc) = &p.country {
                out.push_str(" (");
                push_escaped(out, cc);
                out.push(')');
            }
        }
        None => out.push('—'),
    }
    out.push_str("</td><td class=\"sentence\">");
    let sentence: Vec<&str> = f.sentence.text.split_whitespace().collect();
    push_escaped(out, &sentence.join(" "));
    out.push_str("</td></tr>\n");
}

fn totals_table(out: &mut String, d: &DocumentReport) {
    out.push_str("<h3>Totals</h3>\n");
    if d.totals.is_empty() {
        out.push_str("<p class=\"empty\">No totals.</p>\n");
        return;
    }
    out.push_str(
        "<table class=\"totals\">\n<thead><tr><th>Category</th><th class=\"n\">Value</th>\
         <th class=\"n\">Min</th><th class=\"n\">Max</th><th>Figures</th></tr></thead>\n<tbody>\n",
    );
    for (c, t) in &d.totals {
        let figs: Vec<String> = t.figures.iter().map(|i| i.to_string()).collect();
        let _ = writeln!(
            out,
            "<tr><td><span class=\"cat {c}\">{c}</span></td><td class=\"n\">{v}</td>\
             <td class=\"n\">{min}</td><td class=\"n\">{max}</td><td>{figs}</td></tr>",
            c = cat_class(*c),
            v = t.value,
            min = opt_num(t.min),
            max = opt_num(t.max),
            figs = figs.join(", "),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn places_table(out: &mut String, d: &DocumentReport) {
    if d.places.is_empty() {
        return;
    }
    out.push_str(
        "<h3>Places</h3>\n<table class=\"places\">\n<thead><tr><th>Place</th><th>Country</th>\
         <th>Region</th><th class=\"n\">Lat</th><th class=\"n\">Lon</th>\
         <th class=\"n\">Mentions</th></tr></thead>\n<tbody>\n",
    );
    for p in &d.places {
        out.push_str("<tr><td>");
        push_escaped(out, &p.name);
        out.push_str("</td><td>");
        push_escaped(out, p.country.as_deref().unwrap_or("—"));
        out.push_str("</td><td>");
        push_escaped(out, p.admin1.as_deref().unwrap_or("—"));
        let coord = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{v:.4}"));
        let _ = writeln!(
            out,
            "</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            coord(p.lat),
            coord(p.lon),
            p.mentions.len()
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

const LEGEND: &str = "<p class=\"legend\"><mark class=\"fig\">figure</mark> \
<span class=\"trigger\">harm word</span> <span class=\"place\">place</span> \
<sup class=\"ref\">n</sup> = row n of the figures table; — = no bound / no value.</p>\n";

/// Print-friendly styles. Colours from the Okabe-Ito colour-blind-safe palette; highlights
/// also differ by shape (box, underline, dotted underline) so they survive greyscale printing.
const CSS: &str = r#":root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
  background: #fff; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #333; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.meta, .legend { color: #444; margin: .2rem 0; }
.error { color: #a33c00; font-weight: 600; }
.empty { color: #555; font-style: italic; }
.text { overflow-wrap: anywhere; border-left: 3px solid #bbb; padding: .2rem .9rem;
  margin: .5rem 0 1rem; }
.text p { margin: .4rem 0; white-space: pre-wrap; }
.text p.gap { color: #777; margin: 0; }
mark.fig { background: #ffe6a8; color: inherit; border-bottom: 2px solid #e69f00;
  padding: 0; }
.trigger { text-decoration: underline; text-decoration-color: #d55e00;
  text-decoration-thickness: 2px; text-underline-offset: 3px; }
.place { background: #d4ecfa; border-bottom: 2px dotted #0072b2; }
sup.ref { font-size: .7em; color: #555; padding-left: 1px; }
sup.ref::before { content: attr(data-ref); }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #eee; white-space: nowrap; }
td.nw { white-space: nowrap; }
td.fig-text { min-width: 6rem; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.sentence { font-size: .85rem; color: #333; min-width: 14rem; }
.cat { font-weight: 600; white-space: nowrap; }
.cat.killed { color: #000; }
.cat.injured { color: #a33c00; }
.cat.missing { color: #005f8f; }
.cat.kidnapped { color: #7a3f6b; }
.cat.detained { color: #00664d; }
.cat.displaced { color: #6b5d00; }
a { color: #0052a3; }
nav.toc ol { padding-left: 1.5rem; }
footer { margin-top: 2rem; border-top: 1px solid #bbb; color: #444; font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav.toc { display: none; }
  section.doc { break-before: page; }
  section.doc:first-of-type { break-before: auto; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .text { border-left-color: #999; }
}
"#;
