//! `casualty-lens explain FILE`: one document's findings with the reason of each decision,
//! as readable text: per figure its sentence, number, category, value and rule; per place
//! the mention, the choice and the candidates with their score parts; per incident its
//! figures and why they went together ([`crate::Extractor::explain`]).

use super::extract::{parse_country, read_bytes};
use super::{default_gazetteer, parse_policy};
use crate::report::model::{DocumentReport, Place};
use crate::{text, Explanation, Extractor, Options, Policy};
use clap::Args;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// Coding policy for min/max: literal (the guidelines) or acled (conservative).
    #[arg(long, default_value = "literal", value_parser = parse_policy)]
    policy: Policy,
    /// Prefer places in this country (ISO alpha-2 code), as `extract --country`.
    #[arg(long, value_parser = parse_country)]
    country: Option<[u8; 2]>,
    /// The document (text, Markdown, HTML, Word, OpenDocument or PDF; `-` reads stdin).
    file: String,
}

/// Runs `explain`: the explanation on stdout, a message on stderr if the file cannot be read.
pub fn run(args: ExplainArgs) -> ExitCode {
    let path = (args.file != "-").then(|| PathBuf::from(&args.file));
    let loaded = read_bytes(path.as_deref()).and_then(|bytes| {
        text::load(&args.file, &bytes).map_err(|e| format!("cannot decode: {e}"))
    });
    let text = match loaded {
        Ok(t) => t,
        Err(e) => {
            eprintln!("casualty-lens: {}: {e}", args.file);
            return ExitCode::FAILURE;
        }
    };
    let name = path
        .as_deref()
        .and_then(Path::file_name)
        .map_or_else(|| args.file.clone(), |n| n.to_string_lossy().into_owned());
    let ex = Extractor::new(
        default_gazetteer(),
        Options {
            policy: args.policy,
            country: args.country,
            candidates: true,
        },
    );
    let out = render(&ex.explain(&name, &text));
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The explanation as readable text.
pub fn render(e: &Explanation) -> String {
    let d = &e.report;
    let mut s = String::new();
    let _ = writeln!(s, "{}", d.name);
    let _ = writeln!(s, "\nFigures ({})", d.figures.len());
    for (i, f) in d.figures.iter().enumerate() {
        let _ = writeln!(
            s,
            "  [{i}] {:?}: {} {} ({}){}",
            f.text,
            f.category.as_str(),
            f.value,
            f.qualifier.as_str(),
            if f.implicit { ", implicit" } else { "" }
        );
        let _ = writeln!(s, "      sentence: {}", one_line(&f.sentence.text));
        let _ = writeln!(s, "      harm word: {:?}", f.trigger.text);
        let _ = writeln!(s, "      rule: {}", f.rule);
        if let Some(p) = f.place.and_then(|p| d.places.get(p)) {
            let _ = writeln!(s, "      place: {}", p.name);
        }
        if let Some(w) = f.part_of {
            let _ = writeln!(s, "      part of: figure {w}");
        }
    }
    let _ = writeln!(s, "\nPlaces ({})", d.places.len());
    for (i, p) in d.places.iter().enumerate() {
        place(&mut s, i, p);
    }
    let _ = writeln!(s, "\nIncidents ({})", d.incidents.len());
    for k in 0..d.incidents.len() {
        incident(&mut s, d, e, k);
    }
    if !d.background.is_empty() {
        let _ = writeln!(s, "\nBackground figures: {:?}", d.background);
    }
    if !d.summary.is_empty() {
        let _ = writeln!(s, "Summary figures: {:?}", d.summary);
    }
    s
}

fn place(s: &mut String, i: usize, p: &Place) {
    let mention = p
        .why
        .as_ref()
        .map(|w| w.mention.clone())
        .or_else(|| p.mentions.first().map(|m| m.text.clone()))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "  [{i}] {mention:?} -> {} ({}{}), {} mention(s)",
        p.name,
        kind(&p.kind),
        p.country
            .as_deref()
            .map(|c| format!(", {c}"))
            .unwrap_or_default(),
        p.mentions.len()
    );
    let Some(why) = &p.why else {
        let _ = writeln!(
            s,
            "      found from the words around it (no gazetteer choice)"
        );
        return;
    };
    let _ = writeln!(
        s,
        "      {} candidate(s) scored; the best, the chosen one first:",
        why.considered
    );
    for (k, c) in why.candidates.iter().enumerate() {
        let _ = writeln!(
            s,
            "      {} {}{}{} ({}, population {}): {}",
            if k == 0 { "*" } else { "-" },
            c.name,
            c.admin1
                .as_deref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
            c.country
                .as_deref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
            kind(&c.kind),
            c.population,
            c.parts.describe()
        );
    }
}

fn incident(s: &mut String, d: &DocumentReport, e: &Explanation, k: usize) {
    let Some(inc) = d.incidents.get(k) else {
        return;
    };
    let place = inc
        .place
        .and_then(|p| d.places.get(p))
        .map_or("no place", |p| p.name.as_str());
    let counts: Vec<String> = inc
        .totals
        .iter()
        .map(|(c, t)| format!("{} {}", c.as_str(), t.value))
        .collect();
    let _ = writeln!(
        s,
        "  [{k}] {} at {place}{}: figures {:?}",
        counts.join(", "),
        inc.date
            .as_deref()
            .map(|d| format!(" on {d}"))
            .unwrap_or_default(),
        inc.figures
    );
    let reasons = e.joined.get(k);
    for (m, &i) in inc.figures.iter().enumerate() {
        let text = d.figures.get(i).map_or("", |f| f.text.as_str());
        let why = reasons.and_then(|r| r.get(m)).map_or("", String::as_str);
        let _ = writeln!(s, "      figure {i} {text:?}: {why}");
    }
}

fn kind(k: &crate::vocab::PlaceKind) -> String {
    format!("{k:?}").to_lowercase()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
