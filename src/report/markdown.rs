//! Markdown export: a table of every figure and a table of the totals per category.
//!
//! Every cell goes through [`cell`], which escapes what would break a GitHub-flavoured
//! Markdown table (`|`, newlines) or turn article text into markup (backticks, `*`, `_`, `[`,
//! `<`, `&`...), so a cell can never leak into its neighbours or inject HTML when rendered.

use super::model::{DocumentReport, Figure, Report};
use std::fmt::Write;

/// Header of the figures table, in column order.
pub const FIGURE_HEADER: [&str; 11] = [
    "document",
    "#",
    "figure",
    "category",
    "value",
    "qualifier",
    "min",
    "max",
    "victims",
    "place",
    "sentence",
];

/// Header of the totals table, in column order.
pub const TOTAL_HEADER: [&str; 6] = ["document", "category", "value", "min", "max", "figures"];

/// What a cell shows where the report has no value (null bound, no place...).
const NONE: &str = "—";

/// Escapes text for one Markdown table cell: whitespace runs (including newlines) become one
/// space, control characters are dropped, and Markdown punctuation is backslash-escaped
/// (CommonMark allows a backslash before any ASCII punctuation).
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c.is_control() {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if matches!(
            c,
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '#' | '!' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn opt_num(v: Option<u64>) -> String {
    v.map_or_else(|| NONE.to_string(), |v| v.to_string())
}

fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(if c.is_empty() { NONE } else { c });
        out.push_str(" |");
    }
    out.push('\n');
}

fn header(out: &mut String, names: &[&str], numeric: &[usize]) {
    let cells: Vec<String> = names.iter().map(|s| cell(s)).collect();
    row(out, &cells);
    out.push('|');
    for i in 0..names.len() {
        out.push_str(if numeric.contains(&i) {
            " ---: |"
        } else {
            " --- |"
        });
    }
    out.push('\n');
}

fn place_name(d: &DocumentReport, f: &Figure) -> String {
    match f.place.and_then(|i| d.places.get(i)) {
        Some(p) => match &p.country {
            Some(cc) => format!("{} ({})", cell(&p.name), cell(cc)),
            None => cell(&p.name),
        },
        None => NONE.to_string(),
    }
}

/// The whole report as Markdown: a figures table (one row per figure, all documents) and a
/// totals table (one row per document and category). Documents that could not be read are
/// listed with their error.
pub fn to_markdown(report: &Report) -> String {
    let mut out = String::new();
    let nfig: usize = report.documents.iter().map(|d| d.figures.len()).sum();
    let _ = writeln!(out, "# Casualty figures\n");
    let _ = writeln!(
        out,
        "{} document(s), {} figure(s). Schema `{}`. Offsets are Unicode code points; \
         {NONE} means the text sets no bound (or gives no value).\n",
        report.documents.len(),
        nfig,
        cell(&report.schema),
    );

    out.push_str("## Figures\n\n");
    if nfig == 0 {
        out.push_str("No casualty figures found.\n\n");
    } else {
        header(&mut out, &FIGURE_HEADER, &[1, 4, 6, 7]);
        for d in &report.documents {
            for (i, f) in d.figures.iter().enumerate() {
                row(
                    &mut out,
                    &[
                        cell(&d.name),
                        i.to_string(),
                        cell(&f.text),
                        f.category.as_str().to_string(),
                        f.value.to_string(),
                        cell(f.qualifier.as_str()),
                        opt_num(f.min),
                        opt_num(f.max),
                        f.victims.as_deref().map(cell).unwrap_or_default(),
                        place_name(d, f),
                        cell(&f.sentence.text),
                    ],
                );
            }
        }
        out.push('\n');
    }

    out.push_str("## Totals per category\n\n");
    let ntot: usize = report.documents.iter().map(|d| d.totals.len()).sum();
    if ntot == 0 {
        out.push_str("No totals.\n\n");
    } else {
        header(&mut out, &TOTAL_HEADER, &[2, 3, 4]);
        for d in &report.documents {
            // BTreeMap order is the guidelines' category order.
            for (cat, t) in &d.totals {
                let figs: Vec<String> = t.figures.iter().map(|i| i.to_string()).collect();
                row(
                    &mut out,
                    &[
                        cell(&d.name),
                        cat.as_str().to_string(),
                        t.value.to_string(),
                        opt_num(t.min),
                        opt_num(t.max),
                        figs.join(", "),
                    ],
                );
            }
        }
        out.push('\n');
    }

    let errors: Vec<&DocumentReport> = report
        .documents
        .iter()
        .filter(|d| d.error.is_some())
        .collect();
    if !errors.is_empty() {
        out.push_str("## Documents not read\n\n");
        for d in errors {
            let _ = writeln!(
                out,
                "- {}: {}",
                cell(&d.name),
                cell(d.error.as_deref().unwrap_or(""))
            );
        }
        out.push('\n');
    }

    if report
        .documents
        .iter()
        .any(|d| d.places.iter().any(|p| p.geonames_id.is_some()))
    {
        out.push_str("Place data © GeoNames (geonames.org), CC BY 4.0.\n");
    }
    out
}
