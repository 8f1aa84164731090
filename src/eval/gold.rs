//! Gold documents: NAME.txt + NAME.gold.json pairs (GUIDELINES.md, "The file"), with each
//! figure's `at` context resolved to code point offsets exactly as `score.py` does.

use serde_json::Value;
use std::path::Path;

/// The categories and qualifiers a gold file may use.
const CATEGORIES: &[&str] = &[
    "killed",
    "injured",
    "missing",
    "kidnapped",
    "detained",
    "displaced",
];
const QUALIFIERS: &[&str] = &[
    "exact",
    "about",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
    "vague",
];

/// One gold document.
pub struct GoldDoc {
    /// The text file's name ("NAME.txt"): how reports name the document.
    pub name: String,
    /// The text as Python reads it (UTF-8, universal newlines).
    pub text: String,
    /// The same text as code points, for offsets.
    pub chars: Vec<char>,
    /// The gold JSON.
    pub gold: Value,
    /// Code point span of each gold figure, in `figures` order.
    pub spans: Vec<(i64, i64)>,
}

/// Reads `path` as Python's `open(path, encoding="utf-8").read()` does: strict UTF-8 (BOM
/// kept) with "\r\n" and "\r" read as "\n".
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let s = String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    })
}

/// Where `re.search(r"\[\[(.+?)\]\]", at)` matches: (match start, group start, group end,
/// match end) in bytes. `.` does not match a line break, as in Python.
fn find_brackets(at: &str) -> Option<(usize, usize, usize, usize)> {
    let mut from = 0;
    while let Some(p) = at.get(from..).and_then(|s| s.find("[[")).map(|i| i + from) {
        let g0 = p + 2;
        let rest = at.get(g0..).unwrap_or("");
        // The group needs one character at least, then the shortest run up to "]]".
        let first = rest.chars().next();
        if let Some(c) = first.filter(|c| *c != '\n') {
            let mut j = c.len_utf8();
            loop {
                if rest.get(j..).is_some_and(|r| r.starts_with("]]")) {
                    return Some((p, g0, g0 + j, g0 + j + 2));
                }
                match rest.get(j..).and_then(|r| r.chars().next()) {
                    Some(c) if c != '\n' => j += c.len_utf8(),
                    _ => break,
                }
            }
        }
        from = p + 1;
    }
    None
}

/// `score.py`'s `resolve_span`: the code point span of the bracketed text.
pub fn resolve_span(text: &str, at: &str, what: &str) -> Result<(i64, i64), String> {
    let (m0, g0, g1, m1) =
        find_brackets(at).ok_or_else(|| format!("{what}: 'at' has no [[...]]: {at:?}"))?;
    let group = &at[g0..g1];
    let plain = format!("{}{}{}", &at[..m0], group, &at[m1..]);
    let first = text
        .find(&plain)
        .ok_or_else(|| format!("{what}: context not found: {plain:?}"))?;
    // Python's find(plain, first + 1) starts one code point later.
    let next = first + text[first..].chars().next().map_or(1, char::len_utf8);
    if text.get(next..).is_some_and(|t| t.contains(&plain)) {
        return Err(format!("{what}: context occurs more than once: {plain:?}"));
    }
    let start = text[..first].chars().count() + at[..m0].chars().count();
    let len = group.chars().count();
    Ok((start as i64, (start + len) as i64))
}

/// `score.py`'s `load_gold`: every NAME.gold.json in `dir` (sorted) with its NAME.txt.
pub fn load_gold(dir: &Path) -> Result<Vec<GoldDoc>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".gold.json"))
        .collect();
    names.sort();
    let mut docs = Vec::with_capacity(names.len());
    for fname in names {
        let stem = &fname[..fname.len() - ".gold.json".len()];
        let text = read_text(&dir.join(format!("{stem}.txt")))?;
        let gold: Value = serde_json::from_str(&read_text(&dir.join(&fname))?)
            .map_err(|e| format!("{fname}: {e}"))?;
        let figs = gold
            .get("figures")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut spans = Vec::with_capacity(figs.len());
        for (i, fig) in figs.iter().enumerate() {
            let what = format!("{fname} figure {i}");
            let at = fig.get("at").and_then(Value::as_str).unwrap_or("");
            spans.push(resolve_span(&text, at, &what)?);
            let cat = fig.get("category").and_then(Value::as_str).unwrap_or("");
            if !CATEGORIES.contains(&cat) {
                return Err(format!("{what}: bad category {cat}"));
            }
            let q = fig.get("qualifier").and_then(Value::as_str).unwrap_or("");
            if !QUALIFIERS.contains(&q) {
                return Err(format!("{what}: bad qualifier {q}"));
            }
            if let Some(p) = fig.get("part_of").filter(|p| !p.is_null()) {
                if p.as_u64().is_none_or(|p| (p as usize) >= figs.len()) {
                    return Err(format!("{what}: part_of out of range"));
                }
            }
        }
        docs.push(GoldDoc {
            name: format!("{stem}.txt"),
            chars: text.chars().collect(),
            text,
            gold,
            spans,
        });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_in_code_points() {
        let text = "Él dijo: two car bombs killed at least 13 and wounded 40.";
        let at = "bombs killed [[at least 13]] and";
        let (s, e) = resolve_span(text, at, "t").unwrap_or((0, 0));
        let got: String = text
            .chars()
            .skip(s as usize)
            .take((e - s) as usize)
            .collect();
        assert_eq!(got, "at least 13");
        assert!(resolve_span("a b a b", "[[a]] b", "t").is_err());
        assert!(resolve_span("x", "[[\n]]", "t").is_err());
    }
}
