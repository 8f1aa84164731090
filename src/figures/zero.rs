//! Statements that no one was harmed: not figures, but a zero document total.
//!
//! | text | zero for |
//! |------|----------|
//! | "no one was hurt", "nobody was injured", "no injuries were reported" | injured (and killed: no one was hurt at all) |
//! | "no one was killed", "there were no deaths", "no fatalities" | killed |
//! | "no casualties", "without casualties" | killed and injured |
//! | "no one was kidnapped", "no arrests were made" | kidnapped, detained |

use crate::report::model::Category;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A statement that no one came to harm of some kinds.
#[derive(Debug, Clone, PartialEq)]
pub struct Zero {
    /// The words that say so (byte offsets).
    pub span: Range<usize>,
    /// The categories it sets to zero.
    pub categories: &'static [Category],
}

const HURT: &[Category] = &[Category::Injured, Category::Killed];
const KILLED: &[Category] = &[Category::Killed];
const INJURED: &[Category] = &[Category::Injured];
const BOTH: &[Category] = &[Category::Killed, Category::Injured];
const KIDNAPPED: &[Category] = &[Category::Kidnapped];
const DETAINED: &[Category] = &[Category::Detained];

fn re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?ix)\b(?:
              (?:no[\s-]one|nobody|none|no\ (?:people|persons?|civilians?|passengers?|soldiers?|one\ else))
                \s+(?:else\s+)?(?:was|were|has\ been|had\ been|is|are|got)?\s*(?:reported\s+|seriously\s+|immediately\s+|believed\s+(?:to\ have\ been\s+)?)?
                (?P<v>killed|hurt|injured|wounded|harmed|died|dead|kidnapped|abducted|arrested|detained)
            | (?:no|without|zero|nor\ any)\s+(?:reported\s+|immediate\s+|reports\ of\s+|serious\s+|human\s+)?
                (?P<n>casualties|injuries|deaths|fatalities|dead|injured|wounded|arrests)\b
            )",
        )
        .expect("the zero-statement pattern is valid")
    })
}

/// Every statement in `text` that no one was harmed.
pub fn find(text: &str) -> Vec<Zero> {
    let mut out = Vec::new();
    for c in re().captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let word = c
            .name("v")
            .or_else(|| c.name("n"))
            .map(|w| w.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let categories = match word.as_str() {
            "hurt" | "harmed" => HURT,
            "killed" | "died" | "dead" | "deaths" | "fatalities" => KILLED,
            "injured" | "wounded" | "injuries" => INJURED,
            "casualties" => BOTH,
            "kidnapped" | "abducted" => KIDNAPPED,
            "arrested" | "detained" | "arrests" => DETAINED,
            _ => continue,
        };
        out.push(Zero {
            span: m.range(),
            categories,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_zero_statements() {
        let cats = |s: &str| {
            find(s)
                .into_iter()
                .flat_map(|z| z.categories.iter().copied())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            cats("The bomb exploded but no one was hurt."),
            HURT.to_vec()
        );
        assert_eq!(cats("Nobody was killed in the fire."), KILLED.to_vec());
        assert_eq!(cats("There were no casualties."), BOTH.to_vec());
        assert_eq!(cats("No injuries were reported."), INJURED.to_vec());
        assert_eq!(cats("No-one was injured in the blast"), INJURED.to_vec());
        assert!(cats("13 people were killed.").is_empty());
        assert!(cats("No group claimed the attack.").is_empty());
    }
}
