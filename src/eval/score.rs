//! A line-for-line port of `score.py`'s `score()`: figure detection and strict P/R/F1,
//! value and qualifier accuracy, figure-to-place and part_of accuracy, place P/R/F1 and
//! accuracy within 161 km. Reports are read as JSON values so missing keys behave as in
//! Python's `dict.get`.

use super::gold::GoldDoc;
use super::py::{float_repr, norm, num, py_eq, round4, slice, str_repr, value_str};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A metric's value: a count or a rounded rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Metric {
    /// A count.
    Int(u64),
    /// A rate rounded to 4 decimals.
    Float(f64),
}

impl std::fmt::Display for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Metric::Int(n) => write!(f, "{n}"),
            Metric::Float(x) => write!(f, "{}", float_repr(*x)),
        }
    }
}

/// The metrics in `score.py`'s order.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics(pub Vec<(&'static str, Metric)>);

impl Metrics {
    /// A metric by name.
    pub fn get(&self, name: &str) -> Option<Metric> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }

    /// The table `score.py` prints (`f"{k:20} {v}"` per line).
    pub fn table(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| format!("{k:20} {v}\n"))
            .collect()
    }

    /// `json.dumps(m)` as `score.py --json` prints it.
    pub fn json(&self) -> String {
        let body: Vec<String> = self
            .0
            .iter()
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect();
        format!("{{{}}}", body.join(", "))
    }
}

#[derive(Default)]
struct Counts {
    det_tp: u64,
    det_fp: u64,
    det_fn: u64,
    strict_tp: u64,
    value_ok: u64,
    qual_ok: u64,
    place_ok: u64,
    place_gold: u64,
    part_ok: u64,
    part_gold: u64,
    pl_tp: u64,
    pl_fp: u64,
    pl_fn: u64,
    geo_ok: u64,
    geo_n: u64,
    missing_docs: u64,
}

fn f1(tp: u64, fp: u64, fn_: u64) -> (f64, f64, f64) {
    let (tp, fp, fn_) = (tp as f64, fp as f64, fn_ as f64);
    let p = if tp + fp != 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ != 0.0 {
        tp / (tp + fn_)
    } else {
        0.0
    };
    let f = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let ((lat1, lon1), (lat2, lon2)) = (a, b);
    let r = 6371.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

fn arr(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn s(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str)
}

/// Python truthiness of a JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// Offsets as Python compares them (`p.get("start", -1)`).
fn off(p: &Value, key: &str, default: f64) -> f64 {
    match p.get(key) {
        None => default,
        v => num(v).unwrap_or(default),
    }
}

fn place_names(p: &Value) -> HashSet<String> {
    let mut names: HashSet<String> = HashSet::new();
    names.insert(norm(s(p.get("name"))));
    for a in arr(p.get("aliases")) {
        names.insert(norm(a.as_str()));
    }
    names.remove("");
    names
}

fn pred_place_name(doc: &Value, idx: Option<&Value>) -> BTreeSet<String> {
    let places = arr(doc.get("places"));
    let Some(i) = idx.and_then(Value::as_i64) else {
        return BTreeSet::new();
    };
    let Some(p) = usize::try_from(i).ok().and_then(|i| places.get(i)) else {
        return BTreeSet::new();
    };
    let mut names = BTreeSet::new();
    names.insert(norm(s(p.get("name"))));
    for m in arr(p.get("mentions")) {
        names.insert(norm(s(m.get("text"))));
    }
    for key in ["admin1", "admin2"] {
        if truthy(p.get(key)) {
            names.insert(norm(s(p.get(key))));
        }
    }
    names.remove("");
    names
}

/// Python's list repr of sorted strings: `['a', 'b']`.
fn list_repr(v: &BTreeSet<String>) -> String {
    let items: Vec<String> = v.iter().map(|x| str_repr(x)).collect();
    format!("[{}]", items.join(", "))
}

/// Python's `os.path.basename`.
fn basename(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// Scores `report` (a `casualty-lens/1` report as JSON) against the gold documents; returns
/// the metrics and the `--verbose` lines, both as `score.py` computes them.
pub fn score(docs: &[GoldDoc], report: &Value) -> (Metrics, Vec<String>) {
    let mut by_name: HashMap<&str, &Value> = HashMap::new();
    for d in arr(report.get("documents")) {
        by_name.insert(basename(s(d.get("name")).unwrap_or("")), d);
    }
    let empty = serde_json::json!({"figures": [], "places": []});
    let mut c = Counts::default();
    let mut lines = Vec::new();
    for doc in docs {
        let name = doc.name.as_str();
        let gold = &doc.gold;
        let text = &doc.chars;
        let pred = match by_name.get(name) {
            Some(p) => *p,
            None => {
                c.missing_docs += 1;
                &empty
            }
        };
        let gfigs = arr(gold.get("figures"));
        let pfigs = arr(pred.get("figures"));
        let mut used: HashSet<usize> = HashSet::new();
        let mut matched: HashMap<usize, usize> = HashMap::new();
        for (gi, g) in gfigs.iter().enumerate() {
            let (gs, ge) = doc.spans.get(gi).copied().unwrap_or((0, 0));
            let mut cats: HashSet<&str> = HashSet::new();
            cats.extend(s(g.get("category")));
            cats.extend(
                arr(g.get("alt_categories"))
                    .iter()
                    .filter_map(Value::as_str),
            );
            let mut best = None;
            for (pi, p) in pfigs.iter().enumerate() {
                if used.contains(&pi) || is_implicit(p) {
                    continue;
                }
                let (ps, pe) = (off(p, "start", -1.0), off(p, "end", -1.0));
                if !(ps < ge as f64 && (gs as f64) < pe) {
                    continue;
                }
                if s(p.get("category")).is_some_and(|pc| cats.contains(pc)) {
                    best = Some(pi);
                    break;
                }
            }
            let gtext = str_repr(&slice(text, gs, ge));
            let gcat = value_str(g.get("category"));
            let gval = value_str(g.get("value"));
            let Some(best) = best else {
                c.det_fn += 1;
                lines.push(format!("  MISS {name}: {gtext} {gcat} {gval}"));
                continue;
            };
            used.insert(best);
            matched.insert(gi, best);
            let p = &pfigs[best];
            c.det_tp += 1;
            let vok = py_eq(p.get("value"), g.get("value"))
                || (p.get("value").is_some_and(Value::is_number)
                    && match (num(p.get("value")), num(g.get("value"))) {
                        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                        _ => false,
                    });
            let mut quals: HashSet<&str> = HashSet::new();
            quals.extend(s(g.get("qualifier")));
            quals.extend(
                arr(g.get("alt_qualifiers"))
                    .iter()
                    .filter_map(Value::as_str),
            );
            let mut qok = s(p.get("qualifier")).is_some_and(|q| quals.contains(q));
            if s(g.get("qualifier")) == Some("range") && g.get("max").is_some_and(|m| !m.is_null())
            {
                qok = qok && py_eq(p.get("max"), g.get("max"));
            }
            c.value_ok += u64::from(vok);
            c.qual_ok += u64::from(qok);
            if vok && qok {
                c.strict_tp += 1;
            } else {
                lines.push(format!(
                    "  VALUE {name}: {gtext} gold {gval} {} got {} {}",
                    value_str(g.get("qualifier")),
                    value_str(p.get("value")),
                    value_str(p.get("qualifier"))
                ));
            }
            if truthy(g.get("place")) {
                c.place_gold += 1;
                let mut want: HashSet<String> = HashSet::new();
                want.insert(norm(s(g.get("place"))));
                for a in arr(g.get("alt_places")) {
                    want.insert(norm(a.as_str()));
                }
                let got = pred_place_name(pred, p.get("place"));
                if got.iter().any(|x| want.contains(x)) {
                    c.place_ok += 1;
                } else {
                    lines.push(format!(
                        "  PLACE {name}: {gtext} gold {} got {}",
                        value_str(g.get("place")),
                        list_repr(&got)
                    ));
                }
            }
        }
        for (pi, p) in pfigs.iter().enumerate() {
            if !used.contains(&pi) && !is_implicit(p) {
                c.det_fp += 1;
                let (ps, pe) = (off(p, "start", 0.0), off(p, "end", 0.0));
                lines.push(format!(
                    "  EXTRA {name}: {} {} {}",
                    str_repr(&slice(text, ps as i64, pe as i64)),
                    value_str(p.get("category")),
                    value_str(p.get("value"))
                ));
            }
        }
        for (gi, g) in gfigs.iter().enumerate() {
            let Some(part) = g.get("part_of").filter(|v| !v.is_null()) else {
                continue;
            };
            let Some(&pm) = matched.get(&gi) else {
                continue;
            };
            c.part_gold += 1;
            let want = part
                .as_u64()
                .and_then(|w| matched.get(&(w as usize)))
                .copied();
            if let Some(w) = want {
                if py_eq(pfigs[pm].get("part_of"), Some(&Value::from(w))) {
                    c.part_ok += 1;
                }
            }
        }
        // Places, as distinct sets per document.
        let gplaces = arr(gold.get("places"));
        let pplaces = arr(pred.get("places"));
        let mut gused: HashSet<usize> = HashSet::new();
        for p in pplaces {
            let mut pn: HashSet<String> = HashSet::new();
            pn.insert(norm(s(p.get("name"))));
            for m in arr(p.get("mentions")) {
                pn.insert(norm(s(m.get("text"))));
            }
            pn.remove("");
            let hit = gplaces
                .iter()
                .enumerate()
                .find(|(gi, g)| {
                    !gused.contains(gi) && place_names(g).iter().any(|n| pn.contains(n))
                })
                .map(|(gi, _)| gi);
            let Some(hit) = hit else {
                c.pl_fp += 1;
                lines.push(format!(
                    "  EXTRA-PLACE {name}: {}",
                    value_str(p.get("name"))
                ));
                continue;
            };
            gused.insert(hit);
            c.pl_tp += 1;
            let g = &gplaces[hit];
            let (glat, glon) = (g.get("lat"), g.get("lon"));
            if glat.is_some_and(|v| !v.is_null()) && glon.is_some_and(|v| !v.is_null()) {
                c.geo_n += 1;
                let ok = match (num(glat), num(glon), num(p.get("lat")), num(p.get("lon"))) {
                    (Some(a), Some(b), Some(x), Some(y)) => haversine_km((a, b), (x, y)) <= 161.0,
                    _ => false,
                };
                if ok {
                    c.geo_ok += 1;
                } else {
                    lines.push(format!(
                        "  GEO {name}: {} gold {},{} got {},{}",
                        value_str(g.get("name")),
                        value_str(glat),
                        value_str(glon),
                        value_str(p.get("lat")),
                        value_str(p.get("lon"))
                    ));
                }
            }
        }
        for (gi, g) in gplaces.iter().enumerate() {
            if !gused.contains(&gi) {
                c.pl_fn += 1;
                lines.push(format!("  MISS-PLACE {name}: {}", value_str(g.get("name"))));
            }
        }
    }
    (metrics(&c, docs.len()), lines)
}

fn metrics(c: &Counts, ndocs: usize) -> Metrics {
    let det = f1(c.det_tp, c.det_fp, c.det_fn);
    let strict = f1(
        c.strict_tp,
        c.det_fp + c.det_tp - c.strict_tp,
        c.det_fn + c.det_tp - c.strict_tp,
    );
    let pl = f1(c.pl_tp, c.pl_fp, c.pl_fn);
    let rate = |a: u64, b: u64| {
        if b != 0 {
            round4(a as f64 / b as f64)
        } else {
            0.0
        }
    };
    let f = |x: f64| Metric::Float(round4(x));
    Metrics(vec![
        ("docs", Metric::Int(ndocs as u64)),
        ("missing_docs", Metric::Int(c.missing_docs)),
        ("figures_gold", Metric::Int(c.det_tp + c.det_fn)),
        ("figure_detect_p", f(det.0)),
        ("figure_detect_r", f(det.1)),
        ("figure_detect_f1", f(det.2)),
        ("figure_strict_p", f(strict.0)),
        ("figure_strict_r", f(strict.1)),
        ("figure_strict_f1", f(strict.2)),
        ("value_acc", Metric::Float(rate(c.value_ok, c.det_tp))),
        ("qualifier_acc", Metric::Float(rate(c.qual_ok, c.det_tp))),
        (
            "figure_place_acc",
            Metric::Float(rate(c.place_ok, c.place_gold)),
        ),
        ("part_of_acc", Metric::Float(rate(c.part_ok, c.part_gold))),
        ("place_p", f(pl.0)),
        ("place_r", f(pl.1)),
        ("place_f1", f(pl.2)),
        ("place_acc_161km", Metric::Float(rate(c.geo_ok, c.geo_n))),
    ])
}

/// A singular victim with no number word (`"implicit": true`): outside the gold's
/// mention-level scope, so score.py neither matches nor counts it as extra.
fn is_implicit(p: &Value) -> bool {
    p.get("implicit").and_then(Value::as_bool).unwrap_or(false)
}
