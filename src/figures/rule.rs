//! Why a figure was read: the construction that gave its count a harm word, and the row of
//! the trigger table ([`super::triggers::TRIGGERS`]) that word matched.
//!
//! Every figure carries a [`Rule`]; the report writes it as one line
//! ([`Rule::describe`]: `attach.toll: 'death toll' (toll) — the toll rose to N`), the HTML
//! export puts it on the highlight as `data-rule`, and `casualty-lens explain` prints it.
//! The constructions are a table ([`CONSTRUCTIONS`]): a stable short name, the pattern it
//! reads, and an example of our own wording that the tests run through the extractor and
//! expect to come out under that name.

use super::triggers::{Form, TRIGGERS};

/// How a count got its harm word. Each variant is one row of [`CONSTRUCTIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Construction {
    /// The harm word after the count: "9 villagers were killed" (`attach.rs`, `forward`).
    Forward,
    /// "brings to 14 the number of farmers abducted".
    NumberOf,
    /// Through a place word to a shelter: "2,300 people staying in relief camps".
    Shelter,
    /// Through a verb of experience: "11 men had suffered unlawful confinement".
    Experience,
    /// A partitive count takes its noun's kind: "3 of the hostages".
    Partitive,
    /// The harm word before the count: "killed 7 miners" (`attach.rs`, `backward`).
    Backward,
    /// A label opening a line: "Injured: 40".
    Label,
    /// "the number of people displaced stands at 9,500".
    Running,
    /// A running count: "the death toll rose to 31".
    Toll,
    /// "the injured numbered 25".
    TheHarmed,
    /// A shelter before a hosting verb: "the relief camps are hosting 4,000 people".
    Hosting,
    /// Taken to hospital: "sent 18 people to hospital" (`figures/mod.rs`, `to_hospital`).
    Hospital,
    /// From the count before it in a list: "killed 4 soldiers and 2 medics" (the 2).
    ListBefore,
    /// From the count after it in a list: "left 6 rebels and 3 police dead" (the 6).
    ListAfter,
    /// The verb left out: "20 died in the capital, 8 in the port" (the 8).
    Elided,
    /// A number compared with the count before: "rose to 40 from 22" (the 22).
    Compared,
    /// A fronted "Of the dead, 12 were children".
    Opener,
    /// Joined to a count before: "2 engineers were among the kidnapped together with 3
    /// drivers" (the 3; `parts.rs`).
    Joined,
    /// A part takes its whole's harm word: "15 people died, including 4 children".
    PartOfWhole,
    /// A running total of the sentence's kind: "bringing the total to 60".
    PartTotal,
    /// A part after a harm word: "most of those wounded were students, including 30 girls".
    PartHarmBefore,
    /// A part of a figure named again: "the 16 included five children".
    PartNamedAgain,
    /// A part of the last figure before: "They included 3 children".
    PartPrevious,
    /// The rest of a part's list: "including 4 children and 2 women" (the 2).
    PartList,
    /// A singular victim with no number: "a shopkeeper was shot dead" (`implicit.rs`).
    Implicit,
    /// A figure read back from a report (corrections re-form incidents from it).
    Given,
}

/// One construction: its name, what it reads and an example of it.
#[derive(Debug, Clone, Copy)]
pub struct ConstructionRow {
    /// The construction.
    pub construction: Construction,
    /// Stable short name, `module.construction`.
    pub name: &'static str,
    /// The pattern it reads, N the count.
    pub reads: &'static str,
    /// A text of our own wording and the count in it that comes out under this construction
    /// (empty for [`Construction::Given`], which no text makes).
    pub example: (&'static str, &'static str),
}

const fn row(
    construction: Construction,
    name: &'static str,
    reads: &'static str,
    example: (&'static str, &'static str),
) -> ConstructionRow {
    ConstructionRow {
        construction,
        name,
        reads,
        example,
    }
}

use Construction::*;

/// The constructions, each with an example run by the tests below.
pub const CONSTRUCTIONS: &[ConstructionRow] = &[
    row(
        Forward,
        "attach.forward",
        "N (people) (were) HARM",
        (
            "Nine villagers were killed when the bridge gave way.",
            "Nine",
        ),
    ),
    row(
        NumberOf,
        "attach.number_of",
        "brings to N the number of HARMED",
        (
            "The latest raid brings to 14 the number of farmers abducted this year.",
            "14",
        ),
    ),
    row(
        Shelter,
        "attach.shelter",
        "N people in SHELTER",
        (
            "Some 2,300 people are staying in relief camps near the river.",
            "Some 2,300",
        ),
    ),
    row(
        Experience,
        "attach.experience",
        "N people (had) suffered HARM",
        ("Eleven men had suffered unlawful confinement.", "Eleven"),
    ),
    row(
        Partitive,
        "attach.partitive",
        "N of the HARMED",
        (
            "Officials said that 3 of the hostages appeared in a new video.",
            "3",
        ),
    ),
    row(
        Backward,
        "attach.backward",
        "HARM N",
        ("Gunmen killed 7 miners on the road to the quarry.", "7"),
    ),
    row(Label, "attach.label", "HARM: N", ("Injured: 40.", "40")),
    row(
        Running,
        "attach.running",
        "the number of HARMED ... stands at N",
        (
            "The number of people displaced by the storm now stands at 9,500.",
            "9,500",
        ),
    ),
    row(
        Toll,
        "attach.toll",
        "the toll rose to N",
        (
            "The death toll from the flooding rose to 31 on Sunday.",
            "31",
        ),
    ),
    row(
        TheHarmed,
        "attach.the_harmed",
        "the HARMED numbered N",
        (
            "After the crash the injured numbered 25, a nurse said.",
            "25",
        ),
    ),
    row(
        Hosting,
        "attach.hosting",
        "SHELTER are hosting N",
        (
            "The relief camps in the valley are hosting 4,000 people.",
            "4,000",
        ),
    ),
    row(
        Hospital,
        "attach.hospital",
        "sent N to hospital",
        (
            "The explosion at the depot sent 18 people to hospital.",
            "18",
        ),
    ),
    row(
        ListBefore,
        "list.before",
        "HARM N X and M Y (M)",
        (
            "The shelling killed 4 soldiers and 2 medics near the bridge.",
            "2",
        ),
    ),
    row(
        ListAfter,
        "list.after",
        "N X and M Y HARM (N)",
        ("The ambush left 6 rebels and 3 police dead.", "6"),
    ),
    row(
        Elided,
        "list.elided",
        "N HARM in X, M in Y (M)",
        (
            "Twenty died in the capital, 8 in the port and 5 in the hills.",
            "8",
        ),
    ),
    row(
        Compared,
        "list.compared",
        "the toll rose to N from M (M)",
        ("By Monday the toll had risen to 52, up from 30.", "30"),
    ),
    row(
        Opener,
        "attach.opener",
        "Of the HARMED, N ...",
        ("Of the dead, 12 were children.", "12"),
    ),
    row(
        Joined,
        "list.joined",
        "N X ... HARM together with M Y (M)",
        (
            "Two engineers were among the kidnapped together with 3 drivers.",
            "3",
        ),
    ),
    row(
        PartOfWhole,
        "part.of_whole",
        "N HARM, including M (M)",
        ("Fifteen people died, including 4 children.", "4"),
    ),
    row(
        PartTotal,
        "part.total",
        "HARM ..., bringing the total to N",
        (
            "Rebels killed another 12 villagers, bringing the total to 60.",
            "60",
        ),
    ),
    row(
        PartHarmBefore,
        "part.harm_before",
        "those HARMED ..., including N",
        (
            "Most of those wounded were students, including 30 girls.",
            "30",
        ),
    ),
    row(
        PartNamedAgain,
        "part.named_again",
        "N HARM. ... the N included M (M)",
        (
            "Sixteen people were killed in the raid. Police said the 16 included five children.",
            "five",
        ),
    ),
    row(
        PartPrevious,
        "part.previous",
        "N HARM. They included M (M)",
        (
            "Nine people were killed in the blast. They included 3 children.",
            "3",
        ),
    ),
    row(
        PartList,
        "part.list",
        "N HARM, including M X and K Y (K)",
        (
            "Fifteen people died, including 4 children and 2 women.",
            "2",
        ),
    ),
    row(
        Implicit,
        "implicit.singular",
        "a PERSON was HARMED",
        (
            "A shopkeeper was shot dead outside his store.",
            "A shopkeeper",
        ),
    ),
    row(Given, "report.given", "a figure of a report", ("", "")),
];

impl Construction {
    /// The construction's row of [`CONSTRUCTIONS`].
    pub fn row(self) -> &'static ConstructionRow {
        CONSTRUCTIONS
            .iter()
            .find(|r| r.construction == self)
            .unwrap_or(&CONSTRUCTIONS[0])
    }

    /// Stable short name: `attach.toll`.
    pub fn name(self) -> &'static str {
        self.row().name
    }
}

/// Why a figure was read: its construction and the trigger row of its harm word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule {
    /// How the count got its harm word.
    pub construction: Construction,
    /// Index into [`TRIGGERS`] of the harm word's row (None where the harm word is no row:
    /// a hospital verb, a count named again).
    pub row: Option<u16>,
    /// "kidnapped and killed": a killing word right after made it a death.
    pub then_killed: bool,
}

impl Rule {
    /// A rule with no trigger row.
    pub const fn of(construction: Construction) -> Rule {
        Rule {
            construction,
            row: None,
            then_killed: false,
        }
    }

    /// One line: the construction's name, the trigger row's phrase and form (or, without a
    /// row, the harm word as written, `trigger`), then the pattern read.
    ///
    /// ```
    /// use casualty_lens::figures::rule::{Construction, Rule};
    /// let r = Rule::of(Construction::Hospital);
    /// assert_eq!(r.describe("sent"), "attach.hospital: 'sent' — sent N to hospital");
    /// ```
    pub fn describe(&self, trigger: &str) -> String {
        let c = self.construction.row();
        let word = match self.row.and_then(|r| TRIGGERS.get(usize::from(r))) {
            Some(t) => format!("'{}' ({})", t.phrase, form_name(t.form)),
            // (Those take the number itself as their harm word.)
            None if trigger.is_empty()
                || matches!(self.construction, PartNamedAgain | PartPrevious) =>
            {
                String::new()
            }
            None => format!("'{trigger}'"),
        };
        let mut s = String::with_capacity(64);
        s.push_str(c.name);
        if !word.is_empty() {
            s.push_str(": ");
            s.push_str(&word);
        }
        s.push_str(" — ");
        s.push_str(c.reads);
        if self.then_killed {
            s.push_str(" + then killed");
        }
        s
    }
}

/// A trigger form's short name.
fn form_name(f: Form) -> &'static str {
    match f {
        Form::Participle => "participle",
        Form::Past => "past",
        Form::Gerund => "gerund",
        Form::Finite => "finite verb",
        Form::Intrans => "intransitive",
        Form::Adj => "adjective",
        Form::Noun => "noun",
        Form::NounOf => "noun of",
        Form::Toll => "toll",
        Form::Shelter => "shelter",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    #[test]
    fn names_are_unique_and_every_variant_has_a_row() {
        let mut names: Vec<&str> = CONSTRUCTIONS.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CONSTRUCTIONS.len());
        for r in CONSTRUCTIONS {
            assert_eq!(r.construction.row().name, r.name);
        }
    }

    /// Every row's example comes out under its construction.
    #[test]
    fn every_example_is_read_by_its_construction() {
        let mut bad = Vec::new();
        for r in CONSTRUCTIONS.iter().filter(|r| !r.example.0.is_empty()) {
            let (text, count) = r.example;
            let doc = Document::new(text);
            let figs = super::super::extract(&doc);
            let hit = figs
                .iter()
                .find(|f| text.get(f.span.clone()) == Some(count));
            let got = hit.map(|f| f.rule.construction.name());
            if got != Some(r.name) {
                let all: Vec<String> = figs
                    .iter()
                    .map(|f| {
                        format!(
                            "{:?}={}",
                            text.get(f.span.clone()).unwrap_or(""),
                            f.rule.construction.name()
                        )
                    })
                    .collect();
                bad.push(format!("{}: {text:?} gave {got:?}; all: {all:?}", r.name));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn describes_the_trigger_row() {
        let text = "The death toll from the flooding rose to 31 on Sunday.";
        let figs = super::super::extract(&Document::new(text));
        let f = figs.first().expect("a figure");
        assert_eq!(
            f.rule.describe(text.get(f.trigger.clone()).unwrap_or("")),
            "attach.toll: 'death toll' (toll) — the toll rose to N"
        );
    }

    #[test]
    fn a_killing_after_the_harm_word_is_told() {
        let text = "Rebels said 14 aid workers were kidnapped and killed.";
        let figs = super::super::extract(&Document::new(text));
        let f = figs.first().expect("a figure");
        assert!(f.rule.then_killed, "{f:?}");
        assert!(f.rule.describe("").ends_with("+ then killed"));
    }
}
