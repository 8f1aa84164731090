//! The example notation shared by the corpora of every stage (numbers, figures, places,
//! incidents): a text with its expected items written in `[[...]]`, the answers beside it in
//! order, as Duckling keeps a corpus per rule.
//!
//! | written | text | marks |
//! |---------|------|-------|
//! | `"Gunmen killed [[13]] in [[Kirkuk]]."` | "Gunmen killed 13 in Kirkuk." | 14..16, 20..26 |
//! | `"No figure here."` | "No figure here." | none |

use std::ops::Range;

/// The text without its brackets, and the bracketed spans (byte offsets into that text).
pub fn unmark(s: &str) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(s.len());
    let mut spans = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("[[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("]]").unwrap_or(after.len());
        let start = out.len();
        out.push_str(&after[..j]);
        spans.push(start..out.len());
        rest = after.get(j + 2..).unwrap_or("");
    }
    out.push_str(rest);
    (out, spans)
}

/// Whether two byte ranges overlap.
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A checked example's verdict: `Ok` without errors, else the written example and its errors.
pub fn verdict(written: &str, errs: &[String]) -> Result<(), String> {
    if errs.is_empty() {
        Ok(())
    } else {
        Err(format!("{written:?}: {}", errs.join("; ")))
    }
}

/// Runs `check` over a corpus, prints every failure and fails if there is one (`what`
/// names the corpus in the message).
pub fn assert_all<E>(what: &str, examples: &[E], check: impl Fn(&E) -> Result<(), String>) {
    let failed: Vec<String> = examples.iter().filter_map(|e| check(e).err()).collect();
    for f in &failed {
        println!("FAILED: {f}");
    }
    assert!(
        failed.is_empty(),
        "{} of {} {what} examples failed",
        failed.len(),
        examples.len()
    );
}

#[cfg(test)]
mod tests {
    use super::unmark;

    #[test]
    fn brackets_become_spans() {
        let (t, s) = unmark("Gunmen killed [[13]] in [[Kirkuk]].");
        assert_eq!(t, "Gunmen killed 13 in Kirkuk.");
        assert_eq!(s, [14..16, 20..26]);
        assert_eq!(
            unmark("No figure here."),
            ("No figure here.".into(), vec![])
        );
        // An unclosed bracket runs to the end.
        assert_eq!(unmark("a [[b").1, vec![2..3]);
    }
}
