//! The harm words of each category (GUIDELINES.md table and hard cases), with the way each
//! one takes its count. Every row is matched case-insensitively on whole words.

use crate::vocab::Category::{self, *};
use std::sync::OnceLock;

/// How a trigger takes its count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A past participle: before the count when active ("killed 13"), after it when
    /// passive or reduced ("13 were killed", "13 killed in").
    Participle,
    /// A simple past with its object after: "slew 13".
    Past,
    /// A gerund with its object after: "killing 13".
    Gerund,
    /// A present tense with its object after: "kills 13".
    Finite,
    /// An intransitive verb after its subject: "13 died", "10,000 have fled".
    Intrans,
    /// An adjective after the count: "13 dead", "13 were missing", "left 13 dead".
    Adj,
    /// A noun right after the count: "13 deaths", "ten hostages", "208 guerrilla casualties".
    Noun,
    /// A noun with "of" before the count: "the killing of 124", "the death of 6".
    NounOf,
    /// A running count before its number: "the death toll rose to 13", "the dead included 2".
    Toll,
    /// A shelter for the displaced, after a place word ("18,000 people inside relief camps")
    /// or before a hosting verb ("the relief camps are serving 11,600 people"); never the
    /// count of shelters itself ("58 relief camps").
    Shelter,
}

/// One trigger phrase.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    /// The words, lower case, separated by single spaces.
    pub phrase: &'static str,
    /// The kind of harm.
    pub category: Category,
    /// How it takes its count.
    pub form: Form,
    /// Detained unless the captors are rebels or the like, then kidnapped ("held by rebels").
    pub captor_sensitive: bool,
    /// One of these words must come shortly before the count ("cost 13 lives").
    pub requires_before: &'static [&'static str],
    /// The count must name people: "the family lost 9 relatives", not "the party lost 3
    /// seats"; "gunmen took 20 passengers", not "the bus took 20 minutes".
    pub needs_person: bool,
    /// Only in a story of captives (a captor, a hostage or an abduction word in the sentence
    /// or the one before or after it): "4 of the students have escaped", "5 soldiers are to
    /// be freed", but not "4 prisoners escaped from the jail".
    pub needs_captivity: bool,
    /// The verb presupposes the harm, so modality does not cancel it: hostages "expected to
    /// be released" were still kidnapped (GUIDELINES.md, hostages).
    pub presupposed: bool,
    /// Only where armed captors are named in the sentence (gunmen, rebels, bandits, "armed
    /// men"): "gunmen raided the school, taking 87 pupils", not "the bus took 40 children".
    pub needs_captors: bool,
}

const fn t(phrase: &'static str, category: Category, form: Form) -> Trigger {
    Trigger {
        phrase,
        category,
        form,
        captor_sensitive: false,
        requires_before: &[],
        needs_person: false,
        needs_captivity: false,
        presupposed: false,
        needs_captors: false,
    }
}

const fn held(phrase: &'static str, form: Form) -> Trigger {
    Trigger {
        captor_sensitive: true,
        ..t(phrase, Detained, form)
    }
}

impl Trigger {
    /// The row counts only people ([`Trigger::needs_person`]).
    const fn person(self) -> Trigger {
        Trigger {
            needs_person: true,
            ..self
        }
    }

    /// The row counts only where captors are named ([`Trigger::needs_captors`]).
    const fn by_captors(self) -> Trigger {
        Trigger {
            needs_captors: true,
            ..self
        }
    }

    /// The row counts only in a story of captives ([`Trigger::needs_captivity`]); the harm
    /// is presupposed ([`Trigger::presupposed`]).
    const fn captives(self) -> Trigger {
        Trigger {
            needs_captivity: true,
            presupposed: true,
            ..self
        }
    }
}

use Form::*;

/// Words before "lives" that make it a death count ("cost 13 lives", not "saved 13 lives").
const LIVES_VERBS: &[&str] = &[
    "cost", "costing", "costs", "claimed", "claiming", "claims", "claim", "lost", "losing", "took",
    "taking", "takes", "take",
];

/// The trigger table. Examples of each construction are in `examples.rs`.
pub const TRIGGERS: &[Trigger] = &[
    // killed: "killed 13", "13 were killed", "13 dead", "13 deaths", "death toll rose to 13",
    // "13 bodies were found", "cost 13 lives", "feared dead" (dead after an auxiliary).
    t("killed", Killed, Participle),
    t("slain", Killed, Participle),
    t("murdered", Killed, Participle),
    t("executed", Killed, Participle),
    t("massacred", Killed, Participle),
    t("assassinated", Killed, Participle),
    t("slaughtered", Killed, Participle),
    t("butchered", Killed, Participle),
    t("lynched", Killed, Participle),
    t("beheaded", Killed, Participle),
    t("decapitated", Killed, Participle),
    t("crucified", Killed, Participle),
    t("strangled", Killed, Participle),
    t("martyred", Killed, Participle),
    t("shot dead", Killed, Participle),
    t("gunned down", Killed, Participle),
    // "fatally" / "mortally": the harm was deadly ("militants fatally shot 2 policemen",
    // "3 were fatally wounded": killed, not injured).
    t("fatally shot", Killed, Participle),
    t("fatally stabbed", Killed, Participle),
    t("fatally wounded", Killed, Participle),
    t("fatally injured", Killed, Participle),
    t("fatally beaten", Killed, Participle),
    t("mortally wounded", Killed, Participle),
    t("shot and killed", Killed, Participle),
    t("hacked to death", Killed, Participle),
    t("beaten to death", Killed, Participle),
    t("stabbed to death", Killed, Participle),
    t("burned to death", Killed, Participle),
    t("burnt to death", Killed, Participle),
    t("stoned to death", Killed, Participle),
    t("shot to death", Killed, Participle),
    t("crushed to death", Killed, Participle),
    t("tortured to death", Killed, Participle),
    t("boiled to death", Killed, Participle),
    t("burned alive", Killed, Participle),
    t("burnt alive", Killed, Participle),
    t("hanged", Killed, Participle),
    t("confirmed dead", Killed, Participle),
    t("declared dead", Killed, Participle),
    t("pronounced dead", Killed, Participle),
    t("slew", Killed, Past),
    // "gunmen took down 7 passengers" (shot), not an abduction.
    t("took down", Killed, Past).person(),
    t("killing", Killed, Gerund),
    t("murdering", Killed, Gerund),
    t("executing", Killed, Gerund),
    t("massacring", Killed, Gerund),
    t("slaying", Killed, Gerund),
    t("slaughtering", Killed, Gerund),
    t("assassinating", Killed, Gerund),
    t("beheading", Killed, Gerund),
    t("decapitating", Killed, Gerund),
    t("crucifying", Killed, Gerund),
    t("shooting dead", Killed, Gerund),
    t("fatally shooting", Killed, Gerund),
    t("fatally stabbing", Killed, Gerund),
    t("fatally wounding", Killed, Gerund),
    t("gunning down", Killed, Gerund),
    t("kill", Killed, Finite),
    t("kills", Killed, Finite),
    t("murders", Killed, Finite),
    // "gangs murder 12 farmers" (headline present tense).
    t("murder", Killed, Finite),
    t("executes", Killed, Finite),
    t("slay", Killed, Finite),
    t("slays", Killed, Finite),
    t("massacres", Killed, Finite),
    t("massacre", Killed, Finite),
    t("assassinates", Killed, Finite),
    t("assassinate", Killed, Finite),
    t("shoots dead", Killed, Finite),
    t("shoot dead", Killed, Finite),
    t("guns down", Killed, Finite),
    t("died", Killed, Intrans),
    t("die", Killed, Intrans),
    t("dies", Killed, Intrans),
    t("perished", Killed, Intrans),
    t("perish", Killed, Intrans),
    t("drowned", Killed, Intrans),
    t("succumbed", Killed, Intrans),
    t("lost their lives", Killed, Intrans),
    t("had their heads cut off", Killed, Intrans),
    t("lost their life", Killed, Intrans),
    t("dead", Killed, Adj),
    t("to death", Killed, Adj),
    t("deaths", Killed, Noun),
    t("fatalities", Killed, Noun),
    t("bodies", Killed, Noun),
    t("corpses", Killed, Noun),
    t("martyrs", Killed, Noun),
    Trigger {
        requires_before: LIVES_VERBS,
        ..t("lives", Killed, Noun)
    },
    // "the family lost 9 relatives", "the unit lost 12 soldiers" (people only).
    t("lost", Killed, Past).person(),
    // Counted events: "31,615 killings", "22 summary executions", "9 unlawful killings".
    t("killings", Killed, Noun),
    t("executions", Killed, Noun),
    t("murders", Killed, Noun),
    t("homicides", Killed, Noun),
    t("assassinations", Killed, Noun),
    // Burials count the dead: "a mass burial of 150", "the funerals of 12 victims".
    t("burial of", Killed, NounOf),
    t("burials of", Killed, NounOf),
    t("funeral of", Killed, NounOf),
    t("funerals of", Killed, NounOf),
    t("killing of", Killed, NounOf),
    t("killings of", Killed, NounOf),
    t("death of", Killed, NounOf),
    t("deaths of", Killed, NounOf),
    t("murder of", Killed, NounOf),
    t("murders of", Killed, NounOf),
    t("massacre of", Killed, NounOf),
    t("execution of", Killed, NounOf),
    t("executions of", Killed, NounOf),
    t("assassination of", Killed, NounOf),
    t("slaying of", Killed, NounOf),
    // "militants slit the throats of 4 farmers".
    t("slit the throats of", Killed, NounOf),
    t("cut the throats of", Killed, NounOf),
    t("lives of", Killed, NounOf),
    t("bodies of", Killed, NounOf),
    // "the remains of 160 people were found" (counts of people only: not "the remains of
    // 3 vehicles").
    t("remains of", Killed, NounOf).person(),
    t("corpses of", Killed, NounOf),
    t("death toll", Killed, Toll),
    t("toll", Killed, Toll),
    t("number of dead", Killed, Toll),
    t("number of deaths", Killed, Toll),
    t("number of people killed", Killed, Toll),
    t("number of those killed", Killed, Toll),
    t("number killed", Killed, Toll),
    t("number of fatalities", Killed, Toll),
    t("number of victims", Killed, Toll),
    t("fatality toll", Killed, Toll),
    // injured: "wounded 40", "150 injured", "13 casualties", "treated in hospital".
    t("injured", Injured, Participle),
    t("wounded", Injured, Participle),
    t("hurt", Injured, Participle),
    t("maimed", Injured, Participle),
    // A stabbing that does not say it killed: "a man stabbed 3 people", "2 were stabbed"
    // ("stabbed to death" and "fatally stabbed" are deaths, above).
    t("stabbed", Injured, Participle).person(),
    t("stabbing", Injured, Gerund).person(),
    t("stabs", Injured, Finite).person(),
    t("crippled", Injured, Participle),
    t("hospitalised", Injured, Participle),
    t("hospitalized", Injured, Participle),
    t("treated in hospital", Injured, Participle),
    t("treated at hospital", Injured, Participle),
    t("treated in hospitals", Injured, Participle),
    t("treated at hospitals", Injured, Participle),
    t("treated for injuries", Injured, Participle),
    t("treated for wounds", Injured, Participle),
    t("treated for heatstroke", Injured, Participle),
    t("taken to hospital", Injured, Participle),
    t("rushed to hospital", Injured, Participle),
    t("admitted to hospital", Injured, Participle),
    t("taken to hospitals", Injured, Participle),
    // "700 people have been treated at the hospital", "40 are receiving treatment".
    t("treated at the hospital", Injured, Participle),
    t("treated in the hospital", Injured, Participle),
    t("treated at a hospital", Injured, Participle),
    t("treated in a hospital", Injured, Participle),
    t("treated at local hospitals", Injured, Participle),
    t("treated for their injuries", Injured, Participle),
    t("taken to the hospital", Injured, Participle),
    t("rushed to the hospital", Injured, Participle),
    t("admitted to the hospital", Injured, Participle),
    t("receiving treatment", Injured, Adj),
    t("being treated", Injured, Adj),
    t("in hospital", Injured, Adj),
    t("injuring", Injured, Gerund),
    t("wounding", Injured, Gerund),
    t("maiming", Injured, Gerund),
    t("injures", Injured, Finite),
    t("injure", Injured, Finite),
    t("wounds", Injured, Finite),
    t("wound", Injured, Finite),
    t("casualties", Injured, Noun),
    t("injuries", Injured, Noun),
    // "causing five deaths and injuries to 15 others".
    t("injuries to", Injured, NounOf),
    t("injury of", Injured, NounOf),
    t("injuries of", Injured, NounOf),
    t("injuring of", Injured, NounOf),
    t("wounding of", Injured, NounOf),
    t("number of injured", Injured, Toll),
    t("number of wounded", Injured, Toll),
    t("number of casualties", Injured, Toll),
    t("casualty toll", Injured, Toll),
    t("injury toll", Injured, Toll),
    // missing: "110 missing", "six were unaccounted for".
    t("missing", Missing, Adj),
    t("unaccounted for", Missing, Adj),
    t("disappeared", Missing, Intrans),
    t("vanished", Missing, Intrans),
    t("went missing", Missing, Intrans),
    t("number of missing", Missing, Toll),
    t("disappearance of", Missing, NounOf),
    // "6 enforced disappearances" (counted events).
    t("disappearances", Missing, Noun),
    // kidnapped: "kidnapped 32", "took 11 people hostage", "ten hostages", "held by rebels".
    t("kidnapped", Kidnapped, Participle),
    t("abducted", Kidnapped, Participle),
    t("taken hostage", Kidnapped, Participle),
    t("held hostage", Kidnapped, Participle),
    t("taken as hostages", Kidnapped, Participle),
    t("taken as hostage", Kidnapped, Participle),
    t("taken captive", Kidnapped, Participle),
    t("held captive", Kidnapped, Participle),
    t("seized", Kidnapped, Participle),
    t("snatched", Kidnapped, Participle),
    t("kidnapping", Kidnapped, Gerund),
    t("abducting", Kidnapped, Gerund),
    t("seizing", Kidnapped, Gerund),
    t("kidnap", Kidnapped, Finite),
    t("kidnaps", Kidnapped, Finite),
    t("abduct", Kidnapped, Finite),
    t("abducts", Kidnapped, Finite),
    t("seize", Kidnapped, Finite),
    t("seizes", Kidnapped, Finite),
    t("hostage", Kidnapped, Noun),
    t("hostages", Kidnapped, Noun),
    t("captives", Kidnapped, Noun),
    // "6 kidnappings", "12 abductions" (counted events).
    t("kidnappings", Kidnapped, Noun),
    t("abductions", Kidnapped, Noun),
    // Group abductions: "the gunmen raided the school, taking 303 pupils" (people only,
    // where captors are named: "the bus took 20 children to school" is not one).
    t("taking", Kidnapped, Gerund).person().by_captors(),
    t("took", Kidnapped, Past).person().by_captors(),
    // Captives who get out are still counted as kidnapped (GUIDELINES.md, hostages):
    // "50 of the abducted pupils have escaped", "4 soldiers are to be released".
    t("escaped", Kidnapped, Intrans).captives(),
    t("freed", Kidnapped, Participle).captives(),
    t("released", Kidnapped, Participle).captives(),
    t("rescued", Kidnapped, Participle).captives(),
    t("kidnapping of", Kidnapped, NounOf),
    t("kidnappings of", Kidnapped, NounOf),
    t("abduction of", Kidnapped, NounOf),
    t("abductions of", Kidnapped, NounOf),
    t("number of abducted", Kidnapped, Toll),
    t("number of hostages", Kidnapped, Toll),
    t("number of kidnapped", Kidnapped, Toll),
    // detained: "arrested 13", "13 were taken into custody"; "captured" by troops or police.
    t("arrested", Detained, Participle),
    t("detained", Detained, Participle),
    t("imprisoned", Detained, Participle),
    t("jailed", Detained, Participle),
    t("locked up", Detained, Participle),
    t("taken into custody", Detained, Participle),
    t("rounded up", Detained, Participle),
    t("apprehended", Detained, Participle),
    t("incarcerated", Detained, Participle),
    t("interned", Detained, Participle),
    t("taken prisoner", Detained, Participle),
    held("held", Participle),
    held("captured", Participle),
    t("arresting", Detained, Gerund),
    t("detaining", Detained, Gerund),
    t("jailing", Detained, Gerund),
    t("rounding up", Detained, Gerund),
    held("holding", Gerund),
    held("capturing", Gerund),
    t("arrest", Detained, Finite),
    t("detain", Detained, Finite),
    t("detains", Detained, Finite),
    held("hold", Finite),
    held("holds", Finite),
    held("capture", Finite),
    held("captures", Finite),
    t("detainees", Detained, Noun),
    t("arrests", Detained, Noun),
    t("into custody", Detained, Adj),
    t("in custody", Detained, Adj),
    t("behind bars", Detained, Adj),
    t("arrest of", Detained, NounOf),
    t("arrests of", Detained, NounOf),
    t("detention of", Detained, NounOf),
    t("capture of", Detained, NounOf),
    t("number of detainees", Detained, Toll),
    t("number of arrests", Detained, Toll),
    // displaced: "10,000 have fled their homes", "550,000 refugees", "left homeless".
    t("displaced", Displaced, Participle),
    t("evacuated", Displaced, Participle),
    t("uprooted", Displaced, Participle),
    t("forced from their homes", Displaced, Participle),
    t("driven from their homes", Displaced, Participle),
    t("forced to flee", Displaced, Participle),
    t("made homeless", Displaced, Participle),
    t("left homeless", Displaced, Participle),
    t("displacing", Displaced, Gerund),
    t("displaces", Displaced, Finite),
    t("fled", Displaced, Intrans),
    t("flee", Displaced, Intrans),
    t("flees", Displaced, Intrans),
    t("fleeing", Displaced, Intrans),
    t("homeless", Displaced, Adj),
    t("from their homes", Displaced, Adj),
    t("refugees", Displaced, Noun),
    // Internally displaced people: "100,000 IDPs".
    t("idps", Displaced, Noun),
    t("internally displaced", Displaced, Participle),
    // People sheltering in camps: "18,000 people inside relief camps", "2,000 families
    // in evacuation centres" (see `attach::forward`: a place phrase before the noun).
    t("relief camps", Displaced, Shelter),
    t("relief camp", Displaced, Shelter),
    t("evacuation centres", Displaced, Shelter),
    t("evacuation centers", Displaced, Shelter),
    t("displacement camps", Displaced, Shelter),
    t("idp camps", Displaced, Shelter),
    t("temporary shelters", Displaced, Shelter),
    // Detention as the victims tell it: "21 civilians described unlawful confinement"
    // (after a verb of experience, see `attach::forward`), "12 remain in detention".
    t("confinement", Detained, Adj),
    t("in detention", Detained, Adj),
    t("in captivity", Kidnapped, Adj),
    // "14 soldiers killed and 21 others captive".
    t("captive", Kidnapped, Adj),
    t("evacuees", Displaced, Noun),
    t("displacement of", Displaced, NounOf),
    t("number of displaced", Displaced, Toll),
    t("number of refugees", Displaced, Toll),
];

/// A trigger found at a token: its row and how many tokens it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerMatch {
    /// Index into [`TRIGGERS`].
    pub entry: u16,
    /// Number of tokens the phrase covers.
    pub len: u8,
}

impl TriggerMatch {
    /// The row of the trigger table.
    pub fn row(&self) -> &'static Trigger {
        &TRIGGERS[usize::from(self.entry) % TRIGGERS.len()]
    }
}

/// The rows grouped by first word, each group longest phrase first, each row with its
/// words after the first: the trigger table indexed once, matched token by token.
type Groups = Vec<(&'static str, Vec<(u16, Vec<&'static str>)>)>;

/// First word -> rows starting with it (longest phrase first, then table order), with the
/// words that follow the first.
pub fn groups() -> &'static Groups {
    static G: OnceLock<Groups> = OnceLock::new();
    G.get_or_init(|| {
        let mut g: Groups = Vec::new();
        for (i, t) in TRIGGERS.iter().enumerate() {
            let mut words = t.phrase.split(' ');
            let first = words.next().unwrap_or("");
            let row = (i as u16, words.collect());
            match g.iter_mut().find(|(w, _)| *w == first) {
                Some((_, rows)) => rows.push(row),
                None => g.push((first, vec![row])),
            }
        }
        for (_, rows) in g.iter_mut() {
            rows.sort_by_key(|&(i, _)| std::cmp::Reverse(TRIGGERS[usize::from(i)].phrase.len()));
        }
        g
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_lower_case_single_spaced() {
        for t in TRIGGERS {
            assert_eq!(t.phrase, t.phrase.to_lowercase(), "{}", t.phrase);
            assert!(!t.phrase.contains("  ") && !t.phrase.starts_with(' '));
        }
        assert!(TRIGGERS.len() < u16::MAX as usize);
    }
}
