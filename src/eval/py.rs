//! The few Python behaviours `score.py` relies on, reproduced so the Rust scorer prints the
//! same numbers and lines: `norm()`, float `repr`/`round`, string `repr`, `==` on JSON values,
//! slicing by code points.

use serde_json::Value;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Python's `str.isspace()` (what `\s` matches in a `str` regex).
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `score.py`'s `norm()`: NFKD, drop combining marks, lower case, straight apostrophes, drop
/// a leading "the"/"al"/"el"/"al-"/"el-" (no word boundary, as the regex has none), collapse
/// non-alphanumerics to single spaces, strip, then drop suffixes like " province" in order.
pub fn norm(s: Option<&str>) -> String {
    let Some(s) = s else {
        return String::new();
    };
    let s: String = s
        .nfkd()
        .filter(|c| canonical_combining_class(*c) == 0)
        .collect::<String>()
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'");
    // re.sub(r"^(the|al|el|al-|el-)\s*", "", s): the alternation tries "al" before "al-".
    let rest = ["the", "al", "el", "al-", "el-"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .map(|r| r.trim_start_matches(py_space))
        .unwrap_or(&s);
    let mut out = String::with_capacity(rest.len());
    let mut gap = false;
    for c in rest.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    // `.strip()` after the substitution: gaps at either end are never written.
    for suffix in [
        " province",
        " governorate",
        " district",
        " city",
        " region",
        " state",
    ] {
        if out.ends_with(suffix) {
            out.truncate(out.len() - suffix.len());
        }
    }
    out
}

/// Python's `repr()` of a float.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Shortest round-trip digits and exponent, as Python's repr uses.
    let sci = format!("{:e}", x.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let body = if exp >= 0 {
            let e = exp as usize;
            let mut int = digits.chars().take(e + 1).collect::<String>();
            while int.len() < e + 1 {
                int.push('0');
            }
            let frac: String = digits.chars().skip(e + 1).collect();
            format!("{int}.{}", if frac.is_empty() { "0" } else { &frac })
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        };
        format!("{sign}{body}")
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let m = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let es = if exp < 0 { "-" } else { "+" };
        format!("{sign}{m}e{es}{:02}", exp.abs())
    }
}

/// Python's `round(x, 4)` for a float (correctly rounded to the nearest, ties to even).
pub fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// Python's `str(v)` / f-string of a JSON value as `json.load` gives it.
pub fn value_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::Bool(b)) => if *b { "True" } else { "False" }.into(),
        Some(Value::Number(n)) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                float_repr(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Is `c` printable for Python's `repr()` (not a control, format or separator character)?
fn printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'
        | '\u{e000}'..='\u{f8ff}')
}

/// Python's `repr()` of a string.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `==` between two values `json.load` produced (numbers compare by value).
pub fn py_eq(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a.unwrap_or(&Value::Null), b.unwrap_or(&Value::Null)) {
        (Value::Number(x), Value::Number(y)) => match (as_int(x), as_int(y)) {
            (Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Bool(x), Value::Number(y)) | (Value::Number(y), Value::Bool(x)) => {
            as_int(y) == Some(i128::from(*x))
        }
        (x, y) => x == y,
    }
}

fn as_int(n: &serde_json::Number) -> Option<i128> {
    n.as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
}

/// A JSON number as f64 (bools count as 0/1, as in Python), or `None`.
pub fn num(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        _ => None,
    }
}

/// Python's `text[s:e]` on a string held as chars.
pub fn slice(chars: &[char], s: i64, e: i64) -> String {
    let n = chars.len() as i64;
    let fix = |i: i64| if i < 0 { (n + i).max(0) } else { i.min(n) };
    let (s, e) = (fix(s), fix(e));
    if s >= e {
        return String::new();
    }
    chars
        .get(s as usize..e as usize)
        .map(|c| c.iter().collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_like_python() {
        assert_eq!(norm(Some("Al-Anbar Province")), "anbar");
        assert_eq!(norm(Some("The Hague")), "hague");
        assert_eq!(norm(Some("Alexandria")), "exandria");
        assert_eq!(norm(Some("Bogotá")), "bogota");
        assert_eq!(norm(Some("  Saint-Denis  ")), "saint denis");
        assert_eq!(norm(Some("Nineveh Governorate")), "nineveh");
        assert_eq!(norm(None), "");
    }

    #[test]
    fn floats_like_python() {
        assert_eq!(float_repr(0.8123), "0.8123");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(47.0), "47.0");
        assert_eq!(float_repr(30.508), "30.508");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(round4(2.0 / 3.0), 0.6667);
    }

    #[test]
    fn reprs_like_python() {
        assert_eq!(str_repr("at least 13"), "'at least 13'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb\u{a0}c’"), "'a\\nb\\xa0c’'");
    }
}
