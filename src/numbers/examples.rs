//! Runs every example of the tables (and the general examples below) through [`find`].
//!
//! Notation (`text::marked`, shared by every stage's corpus): `"text with [[the span]] =>
//! expectation"`. The expectation lists, in any order:
//! the value (`43`), or low and high ends (`10..15`, or `2000000..` for an open high end); a
//! qualifier (`exact` when left out: `about`, `at_least`, `more_than`, `at_most`,
//! `less_than`, `range`, `vague`); a kind (`cardinal` when left out: `year`, `date`, `time`,
//! `money`, `percent`, `ordinal`, `age`, `measure`, `duration`, `label`); `additive`.
//! `none` means no number expression may overlap the bracketed text.

use super::{find, kind, qualifiers, vague, words, NumberKind};
use crate::text::marked::unmark;
use crate::vocab::Qualifier;

/// General examples: forms, tricky cases and non-figures, written for these tests.
const GENERAL: &[&str] = &[
    // Digits and separators.
    "police said [[1,633]] people were hurt => 1633",
    "[[10 000]] people fled the town => 10000",
    "[[10.000]] people fled => 10000",
    "[[1.000.000]] residents => 1000000",
    "[[12]] people died => 12",
    "a total of [[227]] people => 227",
    "[[2.3m]] people were displaced => 2300000",
    "[[1.2bn]] people => 1200000000",
    "[[2m]] people have fled => 2000000",
    "[[5m]] refugees => 5000000",
    "a [[5]]m drop => measure",
    "[[3 million]] refugees => 3000000",
    "[[1,500,000]] displaced => 1500000",
    "[[4.5 million]] need aid => 4500000",
    "[[2 lakh]] people => 200000",
    // Words.
    "[[forty three]] soldiers => 43",
    "[[Forty-Three]] Killed => 43",
    "[[a hundred and forty]] people => 140",
    "[[one thousand two hundred]] people => 1200",
    "[[one million]] people => 1000000",
    "[[A million]] people fled => 1000000",
    "[[two hundred and fifty]] people => 250",
    "[[nineteen hundred]] people => 1900",
    "[[one hundred thousand]] people => 100000",
    "[[ONE HUNDRED]] DEAD => 100",
    "killing [[one]] and wounding [[two]] => 1",
    "[[one]] person was killed => 1",
    "[[One]] victim was a child => 1",
    "injured [[one]] police officer => 1",
    "and [[one]] Austrian => 1",
    // "one" that is not a count.
    "[[one]] of the guards was killed => 1",
    "[[One]] of them died => 1",
    "[[one]] of the deadliest attacks => none",
    "[[one]] of the most violent days => none",
    "[[one]] of a series of bombings => none",
    "killing three and wounding [[one]]. => 1",
    "injures [[one]] at the hotel => 1",
    "4 dead and another [[one]] seriously injured => 1 additive",
    "stabbed [[one]] in the neck => 1",
    "killed and [[one]], a teacher, was hurt => 1",
    "[[no one]] was hurt => none",
    "Only [[one]] guard was hurt => 1",
    "she was the only [[one]] => none",
    "[[No one]] was killed => none",
    "[[no-one]] died => none",
    "they killed [[one another]] => none",
    "[[one]] must remember => none",
    "the [[one]] who fled => none",
    "[[one]] by one => none",
    "at [[one]] point => none",
    "a civilian was killed => none",
    "[[a]] man was shot => none",
    "[[a number of]] people => none",
    // Vague words.
    "[[dozens]] were injured => 24..99 vague",
    "[[Scores]] of people => 24..99 vague",
    "[[several]] insurgents in the city => 3..9 vague",
    "[[Millions]] fled => 2000000.. vague",
    "[[a few]] were hurt => 2..5 vague",
    // Qualifiers.
    "[[more than a dozen]] were hurt => 12 more_than",
    "[[about a dozen]] people => 12 about",
    "[[nearly half a dozen]] => 6 about",
    "[[over a million]] lives => 1000000 more_than",
    "[[some 300]] families => 300 about",
    "[[up to 10]] people => 10 at_most",
    "[[as many as 300]] => 300 at_most",
    "[[Nearly 2,000]] people => 2000 about",
    "[[no more than 12]] => 12 at_most",
    "[[at least one]] person died => 1 at_least",
    "[[at least 1.5 million]] people => 1500000 at_least",
    "[[more than 550,000]] refugees => 550000 more_than",
    "[[about 12,000]] people => 12000 about",
    "[[130 or more]] people => 130 at_least",
    "they handed over [[20]] bodies => 20",
    "[[dozens]] more were hurt => 24..99 vague additive",
    // Ranges.
    "injured [[between 10 and 12]] => 10..12 range",
    "[[between ten and fifteen]] people => 10..15 range",
    "[[10 to 15]] people => 10..15 range",
    "[[10-15]] people => 10..15 range",
    "[[10–15]] people => 10..15 range",
    "[[10 or 12]] people => 10..12 range",
    "[[one or two]] people => 1..2 range",
    "[[two or three]] soldiers => 2..3 range",
    "[[from 10 to 15]] people => 10..15 range",
    "[[2 to 3 million]] people => 2000000..3000000 range",
    "[[two to three thousand]] people => 2000..3000 range",
    "the toll rose from [[10]] to [[15]] => 10",
    "the toll rose from 10 to [[15]] => 15",
    "a [[3-1]] win => measure",
    "[[5]] or 50 => 5",
    "[[1990-95]] => year",
    "[[between 1990 and 1995]] => 1990..1995 range year",
    // Additive.
    "another [[13]] were wounded => 13 additive",
    "a further [[13]] died => 13 additive",
    "[[13]] more were wounded => 13 additive",
    "[[13]] others were hurt => 13 additive",
    "killing [[five]] more => 5 additive",
    "[[5]] more than last year => 5",
    "the other [[four]] were freed => 4",
    // Years.
    "in [[1990]] => year",
    "since [[2003]] => year",
    "[[2013]] was a bad year => year",
    "the [[1980s]] => year",
    "mid-[[2013]] => year",
    "[[2000]] people were killed => 2000",
    "[[1500]] people => 1500",
    "[[about 2000]] people => 2000 about",
    "from [[2011]] => year",
    "in [[1848]] => year",
    // Dates.
    "on May [[22]] => date",
    "on [[22]] May => date",
    "on [[22]] May [[2013]] => date",
    "on May 22, [[2013]] => year",
    "[[5/22/2013]] => date",
    "[[22.05.2013]] => date",
    "[[2013-05-22]] => date",
    "on [[23]] Aug 88 => date",
    "on 23 Aug [[88]] => year",
    "[[9/11]] => date",
    "on Jan. [[5]] => date",
    "the [[22nd]] of May => ordinal",
    "may [[2]] people be hurt => 2",
    "on March [[3]] => date",
    // Times.
    "at [[10:30]] => time",
    "at [[2]] p.m. => time",
    "at [[2]]pm => time",
    "at [[0300]] GMT => time",
    "at [[0300]] => time",
    "at [[10.30]] am => time",
    "at [[approximately 2230]] last night => 2230 about time",
    "the bomb went off at [[2230]]. => time",
    "beginning at [[1700]], after => time",
    "[[2]] M-60 machineguns => 2",
    "a [[100]]m wall => measure",
    "[[2230]] people fled => 2230",
    // Money.
    "$[[5 million]] => 5000000 money",
    "US$[[2 billion]] => 2000000000 money",
    "[[500]] dollars => money",
    "Rs [[200]] => money",
    "£[[1.2m]] in damages => 1200000 money",
    "$[[40,000]] => 40000 money",
    "€[[3bn]] => 3000000000 money",
    "[[5 million]] dollars => 5000000 money",
    // Percent.
    "[[25]]% => percent",
    "[[25]] per cent => percent",
    "[[12]] percent => percent",
    // Ordinals.
    "the [[21st]] century => ordinal",
    "the [[2nd]] attack => ordinal",
    "[[3rd]] => ordinal",
    "the [[twenty-first]] century => 21 ordinal",
    "[[THIRD]] BLAST => ordinal",
    // Ages.
    "aged [[25]] => age",
    "a [[23]]-year-old => age",
    "a [[seventy]]-year-old man => age",
    "[[25]] years old => age",
    "[[25]]-year-old => age",
    "children aged [[between 5 and 12]] => 5..12 range age",
    // Measures.
    "[[5]] km => measure",
    "[[10]] kilograms => measure",
    "[[300]] metres => measure",
    "[[80]]km north => measure",
    "a [[30,000]]-strong army => measure",
    "a [[500]]-pound bomb => measure",
    "a [[three]]-storey building => measure",
    "[[two]]-thirds of => measure",
    "a [[6.5]] earthquake => measure",
    "[[3.5]] people => measure",
    "a [[10]]-point plan => measure",
    // Durations.
    "[[three]] days later => duration",
    "[[10]] years => duration",
    "a [[20]]-year sentence => duration",
    "[[two]] hours => duration",
    "[[a few]] days later => 2..5 vague duration",
    "[[several]] months => 3..9 vague duration",
    "[[48]] hours => duration",
    "[[one]] day later => duration",
    // Identifiers and labels.
    "an [[F-16]] jet => none",
    "an F-[[16]] jet => none",
    "[[M16]] rifles => none",
    "[[UH-1]] helicopter => none",
    "[[AK-47]] rifles => none",
    "the [[G8]] summit => none",
    "[[H1N1]] flu => none",
    "[[Covid-19]] cases => none",
    "[[4x4]] vehicles => none",
    "a [[3D]] map => none",
    "24 dead and [[50]]wounded => 50",
    "killing [[11]]people => 11",
    "Resolution [[1325]] => label",
    "Route [[66]] => label",
    "Flight [[93]] crashed => label",
    "No. [[10]] => label",
    // Capitals and layout.
    "[[AT LEAST 13]] PEOPLE WERE KILLED => 13 at_least",
    "[[MORE THAN 200]] => 200 more_than",
    "[[FORTY-THREE]] KILLED => 43",
    "[[HUNDREDS]] DEAD => 200..999 vague",
    "killed [[at\nleast 13]] people => 13 at_least",
    "[[twenty\nthree]] people => 23",
    "[[twelve]]\n\nthousand => 12",
    // Qualifier words that are not qualifiers here.
    "around the city [[12]] died => 12",
    "[[under 18]] => 18 less_than",
    "[[almost a hundred]] => 100 about",
    "[[an estimated 2.5 million]] => 2500000 about",
    // Huge and odd numbers.
    "[[99999999999999999999999]] => 18446744073709551615",
    "[[0]] casualties => 0",
    "[[007]] => 7",
];

/// Every example string with where it comes from.
fn all_examples() -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    for w in words::NUMBER_WORDS {
        out.extend(w.examples.iter().map(|e| ("words", *e)));
    }
    for v in vague::VAGUE_WORDS {
        out.extend(v.examples.iter().map(|e| ("vague", *e)));
    }
    for q in qualifiers::BEFORE {
        out.extend(q.examples.iter().map(|e| ("qualifiers::BEFORE", *e)));
    }
    for q in qualifiers::AFTER {
        out.extend(q.examples.iter().map(|e| ("qualifiers::AFTER", *e)));
    }
    for (_, ex) in qualifiers::ADDITIVE_BEFORE
        .iter()
        .chain(qualifiers::ADDITIVE_AFTER)
    {
        out.extend(ex.iter().map(|e| ("qualifiers::ADDITIVE", *e)));
    }
    for k in kind::AFTER.iter().chain(kind::BEFORE) {
        out.extend(k.examples.iter().map(|e| ("kind", *e)));
    }
    for (_, ex) in kind::LABEL_NOUNS {
        out.extend(ex.iter().map(|e| ("kind::LABEL_NOUNS", *e)));
    }
    out.extend(GENERAL.iter().map(|e| ("GENERAL", *e)));
    out
}

struct Expect {
    text: String,
    span: std::ops::Range<usize>,
    none: bool,
    value: Option<u64>,
    max: Option<Option<u64>>,
    qualifier: Qualifier,
    kind: NumberKind,
    additive: bool,
}

fn parse(example: &str) -> Result<Expect, String> {
    let (left, right) = example
        .rsplit_once(" => ")
        .ok_or_else(|| "no ` => `".to_string())?;
    // A `none` example may leave the brackets out: then nothing may be found anywhere.
    let left = if !left.contains("[[") && right.trim() == "none" {
        format!("[[{left}]]")
    } else {
        left.to_string()
    };
    if !left.contains("]]") {
        return Err("no ]]".into());
    }
    // The first bracket is the expression; further ones only mark other spans.
    let (text, spans) = unmark(&left);
    let span = spans.first().cloned().ok_or("no [[")?;
    let mut e = Expect {
        text,
        span,
        none: false,
        value: None,
        max: None,
        qualifier: Qualifier::Exact,
        kind: NumberKind::Cardinal,
        additive: false,
    };
    for t in right.split_whitespace() {
        match t {
            "none" => e.none = true,
            "additive" => e.additive = true,
            "exact" => e.qualifier = Qualifier::Exact,
            "about" => e.qualifier = Qualifier::About,
            "at_least" => e.qualifier = Qualifier::AtLeast,
            "more_than" => e.qualifier = Qualifier::MoreThan,
            "at_most" => e.qualifier = Qualifier::AtMost,
            "less_than" => e.qualifier = Qualifier::LessThan,
            "range" => e.qualifier = Qualifier::Range,
            "vague" => e.qualifier = Qualifier::Vague,
            "cardinal" => e.kind = NumberKind::Cardinal,
            "year" => e.kind = NumberKind::Year,
            "date" => e.kind = NumberKind::Date,
            "time" => e.kind = NumberKind::Time,
            "money" => e.kind = NumberKind::Money,
            "percent" => e.kind = NumberKind::Percent,
            "ordinal" => e.kind = NumberKind::Ordinal,
            "age" => e.kind = NumberKind::Age,
            "measure" => e.kind = NumberKind::Measure,
            "duration" => e.kind = NumberKind::Duration,
            "label" => e.kind = NumberKind::Label,
            v => {
                if let Some((lo, hi)) = v.split_once("..") {
                    e.value = Some(lo.parse().map_err(|_| format!("bad value {v}"))?);
                    e.max = Some(if hi.is_empty() {
                        None
                    } else {
                        Some(hi.parse().map_err(|_| format!("bad value {v}"))?)
                    });
                } else {
                    e.value = Some(v.parse().map_err(|_| format!("bad token {v}"))?);
                }
            }
        }
    }
    Ok(e)
}

fn check(example: &str) -> Result<(), String> {
    let e = parse(example)?;
    let found = find(&e.text);
    if e.none {
        return match found
            .iter()
            .find(|m| m.span.start < e.span.end && e.span.start < m.span.end)
        {
            Some(m) => Err(format!("expected nothing, got {m:?}")),
            None => Ok(()),
        };
    }
    let Some(m) = found.iter().find(|m| m.span == e.span) else {
        return Err(format!("no mention with span {:?}; got {found:?}", e.span));
    };
    let mut errs = Vec::new();
    if let Some(v) = e.value {
        if m.value != v {
            errs.push(format!("value {} != {v}", m.value));
        }
    }
    match e.max {
        Some(mx) if m.max != mx => errs.push(format!("max {:?} != {mx:?}", m.max)),
        None if !matches!(e.qualifier, Qualifier::Vague | Qualifier::Range) && m.max.is_some() => {
            errs.push(format!("max {:?} != None", m.max))
        }
        _ => {}
    }
    if m.qualifier != e.qualifier {
        errs.push(format!("qualifier {:?} != {:?}", m.qualifier, e.qualifier));
    }
    if m.kind != e.kind {
        errs.push(format!("kind {:?} != {:?}", m.kind, e.kind));
    }
    if m.additive != e.additive {
        errs.push(format!("additive {} != {}", m.additive, e.additive));
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs.join(", "))
    }
}

#[test]
fn every_example_holds() {
    let all = all_examples();
    let failures: Vec<String> = all
        .iter()
        .filter_map(|(from, ex)| check(ex).err().map(|e| format!("{from}: {ex:?}: {e}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} examples fail:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn there_are_enough_examples() {
    assert!(all_examples().len() >= 250, "{}", all_examples().len());
}
