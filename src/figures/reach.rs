//! How far a harm word may stand from its count, per form of the trigger, and how sure an
//! attachment is by how the two stand: the columns of the attachment constructions
//! (`attach.rs`), kept as data.
//!
//! **Backward reach** (the harm word before its count), in words between the two:
//!
//! | form | function words only | after "the"/"those" | any words | example (our own wording) |
//! |------|---------------------|---------------------|-----------|---------------------------|
//! | participle | 3 | 8 | - | "killed at least 13"; "the injured numbered 13" |
//! | past, gerund, finite | 3 | - | - | "slew 13", "killing some 13", "kills 13" |
//! | noun with "of" | 3 | - | - | "the killing of 124" |
//! | adjective | - | 8 | - | "the dead included 2 children" |
//! | noun | - | 8, not function words only | - | "the deaths in the town reached 13" |
//! | running count | - | - | 16 | "the death toll from twin car bombs in the capital on Friday rose to 45" |
//! | shelter | - | - | 8, after a hosting verb | "the relief camps are serving 11,600 people" |
//! | intransitive | - | - | - | never before its count ("died 13" is no figure) |

use super::triggers::Form;

/// The backward reach of one form: how many words may stand between the harm word and the
/// count after it. `None`: not in that position.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    /// The form of the trigger.
    pub form: Form,
    /// When every word between is a function word ("at least", "some").
    pub function_words: Option<usize>,
    /// When "the" or "those" stands before the harm word.
    pub after_the: Option<usize>,
    /// ... and then only when some word between is not a function word.
    pub after_the_needs_content: bool,
    /// Whatever the words between.
    pub any: Option<usize>,
    /// An example in our own wording.
    pub example: &'static str,
}

const fn reach(
    form: Form,
    function_words: Option<usize>,
    after_the: Option<usize>,
    any: Option<usize>,
    example: &'static str,
) -> Reach {
    Reach {
        form,
        function_words,
        after_the,
        after_the_needs_content: false,
        any,
        example,
    }
}

/// How many words a running count may stand from its number: "the death toll from twin
/// car bombs in the capital on Friday rose to 45" (12 words).
pub const TOLL_GAP: usize = 16;

/// The backward reach of each form (see the module's table).
pub const BACKWARD: &[Reach] = &[
    reach(
        Form::Participle,
        Some(3),
        Some(8),
        None,
        "the injured numbered 13",
    ),
    reach(
        Form::Past,
        Some(3),
        None,
        None,
        "militants slew some 13 villagers",
    ),
    reach(Form::Gerund, Some(3), None, None, "killing at least 13"),
    reach(Form::Finite, Some(3), None, None, "blast kills 13"),
    reach(
        Form::NounOf,
        Some(3),
        None,
        None,
        "the killing of 124 protesters",
    ),
    reach(
        Form::Adj,
        None,
        Some(8),
        None,
        "the dead included 2 children",
    ),
    Reach {
        after_the_needs_content: true,
        ..reach(
            Form::Noun,
            None,
            Some(8),
            None,
            "the deaths in the town reached 13",
        )
    },
    reach(
        Form::Toll,
        None,
        None,
        Some(TOLL_GAP),
        "the death toll from the blast rose to 45",
    ),
    reach(
        Form::Shelter,
        None,
        None,
        Some(8),
        "the relief camps are serving 11,600 people",
    ),
    reach(Form::Intrans, None, None, None, "(never: 'died 13')"),
];

/// Whether a harm word of `form` reaches a count `gap` words after it (`function_words`:
/// every word between is a function word; `the_before`: "the"/"those" before the harm word).
pub fn reaches(form: Form, gap: usize, function_words: bool, the_before: bool) -> bool {
    let Some(r) = BACKWARD.iter().find(|r| r.form == form) else {
        return false;
    };
    if let Some(n) = r.any {
        return gap <= n;
    }
    if the_before {
        if let Some(n) = r.after_the {
            return gap <= n && !(r.after_the_needs_content && function_words);
        }
    }
    r.function_words.is_some_and(|n| function_words && gap <= n)
}

/// How sure an attachment is, by how the harm word stands to its count.
pub mod confidence {
    /// The harm word right beside the count: "killed 13", "13 were killed".
    pub const BESIDE: f32 = 0.9;
    /// Only function words between: "killed at least 13"; forward through the noun:
    /// "13 people were killed".
    pub const CLOSE: f32 = 0.85;
    /// Other words between: "the death toll from the blast rose to 13"; "the number of
    /// people killed ... 13".
    pub const FAR: f32 = 0.75;
    /// Through a partitive: "13 of the dead".
    pub const PARTITIVE: f32 = 0.7;
    /// Taken off when the noun after the count names no people: "13 vehicles were hit".
    pub const NOT_PEOPLE: f32 = 0.1;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every form has one row.
    #[test]
    fn one_row_per_form() {
        let forms = [
            Form::Participle,
            Form::Past,
            Form::Gerund,
            Form::Finite,
            Form::Intrans,
            Form::Adj,
            Form::Noun,
            Form::NounOf,
            Form::Toll,
            Form::Shelter,
        ];
        for f in forms {
            assert_eq!(BACKWARD.iter().filter(|r| r.form == f).count(), 1, "{f:?}");
        }
    }

    #[test]
    fn reach_by_form() {
        // "killed at least 13": function words only.
        assert!(reaches(Form::Participle, 2, true, false));
        assert!(!reaches(Form::Participle, 4, true, false));
        // "the injured in the blast numbered 13".
        assert!(reaches(Form::Participle, 5, false, true));
        assert!(!reaches(Form::Past, 5, false, true));
        // "the dead included 2": adjectives only after "the".
        assert!(reaches(Form::Adj, 1, false, true));
        assert!(!reaches(Form::Adj, 1, true, false));
        // Nouns after "the" need a content word between.
        assert!(reaches(Form::Noun, 3, false, true));
        assert!(!reaches(Form::Noun, 3, true, true));
        // Running counts reach far, whatever stands between.
        assert!(reaches(Form::Toll, TOLL_GAP, false, false));
        assert!(!reaches(Form::Toll, TOLL_GAP + 1, false, false));
        assert!(!reaches(Form::Intrans, 0, true, true));
    }
}
