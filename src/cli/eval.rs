//! `eval` and `eval-totals`: measuring the extractor from the command line.

use crate::eval::totals::{self, Tally, TextForms};
use crate::eval::{self, Metrics};
use crate::report::model::Category;
use crate::Policy;
use clap::Args;
use rayon::prelude::*;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Directory of NAME.txt + NAME.gold.json pairs.
    gold_dir: PathBuf,
    /// Coding policy for min/max: literal (the guidelines) or acled (conservative).
    #[arg(long, default_value = "literal", value_parser = super::parse_policy)]
    policy: Policy,
    /// Score this report (JSON) instead of running the extractor.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Print every miss, extra and wrong value before the metrics (as score.py --verbose).
    #[arg(long)]
    verbose: bool,
    /// Print the metrics as one JSON object (as score.py --json).
    #[arg(long)]
    json: bool,
}

/// Arguments of `eval-totals`.
#[derive(Args, Debug)]
pub struct TotalsArgs {
    /// JSON lines with id, text, killed, injured (optionally gzipped: .gz).
    file: PathBuf,
    /// Coding policy for totals: literal or acled.
    #[arg(long, default_value = "literal", value_parser = super::parse_policy)]
    policy: Policy,
    /// Print each row whose coded number appears in the text but was not matched.
    #[arg(long)]
    verbose: bool,
}

/// `casualty-lens eval GOLD_DIR`: the metrics of score.py, computed the same way.
pub fn run_eval(args: EvalArgs) -> ExitCode {
    let docs = match eval::load_gold(&args.gold_dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("casualty-lens: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = match &args.report {
        Some(path) => {
            let parsed = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()));
            match parsed {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("casualty-lens: {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            }
        }
        None => eval::extract_report(&args.gold_dir, &docs, &super::new_extractor(args.policy)),
    };
    let (metrics, lines): (Metrics, Vec<String>) = eval::score(&docs, &report);
    if args.verbose {
        println!("{}", lines.join("\n"));
    }
    if args.json {
        println!("{}", metrics.json());
    } else {
        print!("{}", metrics.table());
    }
    ExitCode::SUCCESS
}

fn open_lines(path: &PathBuf) -> Result<Box<dyn BufRead>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let gz = path.extension().is_some_and(|e| e == "gz");
    let reader: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    Ok(Box::new(BufReader::new(reader)))
}

/// `casualty-lens eval-totals FILE`: exact-match rates of document totals.
pub fn run_totals(args: TotalsArgs) -> ExitCode {
    let reader = match open_lines(&args.file) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("casualty-lens: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut rows = Vec::new();
    let mut bad = 0u64;
    for line in reader.lines() {
        match line {
            Ok(l) if l.trim().is_empty() => {}
            Ok(l) => match totals::parse_row(&l) {
                Some(r) => rows.push(r),
                None => bad += 1,
            },
            Err(e) => {
                eprintln!("casualty-lens: {}: {e}", args.file.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let extractor = super::new_extractor(args.policy);
    // Per row: totals, whether the coded numbers appear in the text, the countries the
    // document resolved names to (name, code), and each incident's place (name, code).
    type Placed = Vec<(String, String)>;
    let results: Vec<(u64, u64, bool, bool, Placed, Placed)> = rows
        .par_iter()
        .map(|r| {
            let doc = extractor.extract(&r.id, &r.text);
            let total = |c: Category| doc.totals.get(&c).map_or(0, |t| t.value);
            let forms = TextForms::new(&r.text);
            let countries = doc
                .places
                .iter()
                .filter(|p| p.kind == crate::vocab::PlaceKind::Country)
                .filter_map(|p| Some((p.name.clone(), p.country.clone()?)))
                .collect();
            let incident_places = doc
                .incidents
                .iter()
                .filter_map(|i| doc.places.get(i.place?))
                .filter_map(|p| Some((p.name.clone(), p.country.clone()?)))
                .collect();
            (
                total(Category::Killed),
                total(Category::Injured),
                r.killed.is_some_and(|n| forms.has(n)),
                r.injured.is_some_and(|n| forms.has(n)),
                countries,
                incident_places,
            )
        })
        .collect();
    let mut names = totals::CountryNames::default();
    for (_, _, _, _, countries, _) in &results {
        for (name, code) in countries {
            names.learn(name, code);
        }
    }
    // Incident places in another country than the coded one.
    let (mut placed, mut elsewhere, mut unnamed) = (0u64, 0u64, 0u64);
    let (mut killed, mut injured) = (Tally::default(), Tally::default());
    for (r, (k, i, k_in, i_in, _, incident_places)) in rows.iter().zip(&results) {
        killed.add(r.killed, *k, *k_in);
        injured.add(r.injured, *i, *i_in);
        match r.country.as_deref().map(|c| names.code(c)) {
            Some(Some(coded)) => {
                for (name, code) in incident_places {
                    placed += 1;
                    if code != coded {
                        elsewhere += 1;
                        if args.verbose {
                            println!("  COUNTRY {}: coded {coded} got {name} ({code})", r.id);
                        }
                    }
                }
            }
            Some(None) => unnamed += 1,
            None => {}
        }
        if args.verbose {
            if *k_in && r.killed != Some(*k) {
                println!(
                    "  KILLED {}: coded {:?} got {k}",
                    r.id,
                    r.killed.unwrap_or(0)
                );
            }
            if *i_in && r.injured != Some(*i) {
                println!(
                    "  INJURED {}: coded {:?} got {i}",
                    r.id,
                    r.injured.unwrap_or(0)
                );
            }
        }
    }
    println!("{:24} {}", "rows", rows.len());
    if bad > 0 {
        println!("{:24} {bad}", "unreadable_rows");
    }
    for (name, t) in [("killed", killed), ("injured", injured)] {
        for (what, hit, of) in [
            ("exact", t.exact, t.rows),
            ("exact_in_text", t.in_text_exact, t.in_text),
            ("exact_coded_0", t.zero_exact, t.zero),
        ] {
            println!(
                "{:24} {} of {} rows = {}",
                format!("{name}_{what}"),
                hit,
                of,
                totals::rate(hit, of)
            );
        }
    }
    println!(
        "{:24} {} of {} incident places = {} (rows whose coded country no report names: {})",
        "incident_other_country",
        elsewhere,
        placed,
        totals::rate(elsewhere, placed),
        unnamed
    );
    ExitCode::SUCCESS
}
