//! Armed groups and the countries they fight in: product knowledge, kept as one table.
//!
//! A group's name is no place (GUIDELINES.md), but like an adjective of nationality it says
//! where the story is. Each name is a vote for its countries, read as a demonym's vote is
//! (both are read by [`super::detect::country_votes`]): a namesake town in the group's country gains a little
//! in resolution, and a stray namesake abroad is not taken for the story's place.
//!
//! | text (our own wording) | votes |
//! |------------------------|-------|
//! | "Boko Haram fighters stormed Baga at dawn" | Nigeria, Cameroon, Niger, Chad |
//! | "the Taliban overran a checkpoint in Zhari district" | Afghanistan, Pakistan |
//! | "FARC rebels bombed a bridge near Chita" | Colombia |
//! | counter-example: "the Islamic State claimed it" | none: the group fights in too many countries to say |
//!
//! Only names that mean the group and nothing else in news text: not "ETA", "IRA" or "ADF"
//! (also a time of arrival, a retirement account, a defence force), not "Maoists" (India,
//! Nepal, Peru).

use crate::text::phrases::Phrases;
use std::sync::OnceLock;

/// One row of [`ACTORS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// The names, lower case, as whole words ("boko haram", "al-shabaab").
    pub names: &'static [&'static str],
    /// ISO 3166 alpha-2 codes of the countries it fights in, its home first.
    pub countries: &'static [&'static str],
    /// A sentence of our own wording.
    pub example: &'static str,
}

const fn row(
    names: &'static [&'static str],
    countries: &'static [&'static str],
    example: &'static str,
) -> Actor {
    Actor {
        names,
        countries,
        example,
    }
}

/// The table.
pub const ACTORS: &[Actor] = &[
    row(
        &["boko haram", "iswap"],
        &["NG", "CM", "NE", "TD"],
        "Boko Haram fighters stormed Baga at dawn, killing 12 fishermen.",
    ),
    row(
        &["taliban"],
        &["AF", "PK"],
        "The Taliban overran a checkpoint in Zhari district, killing 4 policemen.",
    ),
    row(
        &["tehrik-i-taliban", "tehreek-e-taliban"],
        &["PK"],
        "Tehrik-i-Taliban gunmen killed 3 soldiers in Bannu.",
    ),
    row(
        &["farc", "eln", "revolutionary armed forces of colombia"],
        &["CO"],
        "FARC rebels bombed a bridge near Chita, wounding 2 soldiers.",
    ),
    row(
        &["al-shabaab", "al-shabab", "al shabaab", "al shabab"],
        &["SO", "KE"],
        "Al-Shabaab militants attacked a base near Buloburde, killing 9 soldiers.",
    ),
    row(
        &["houthi", "houthis", "ansar allah"],
        &["YE", "SA"],
        "Houthi shelling of Taiz killed 5 civilians.",
    ),
    row(
        &["hezbollah"],
        &["LB"],
        "Hezbollah said 3 of its fighters were killed near Bint Jbeil.",
    ),
    row(
        &["hamas"],
        &["PS", "IL"],
        "Hamas said 6 people were killed in Khan Younis.",
    ),
    row(
        &["pkk"],
        &["TR", "IQ"],
        "PKK militants killed 2 soldiers in Hakkari.",
    ),
    row(
        &["abu sayyaf", "new people's army"],
        &["PH"],
        "Abu Sayyaf gunmen kidnapped 5 fishermen off Jolo.",
    ),
    row(
        &["lashkar-e-taiba", "jaish-e-mohammed", "hizbul mujahideen"],
        &["IN", "PK"],
        "Jaish-e-Mohammed militants attacked a camp in Uri, killing 17 soldiers.",
    ),
    row(
        &["naxal", "naxals", "naxalite", "naxalites"],
        &["IN"],
        "Naxals ambushed a patrol in Sukma, killing 6 jawans.",
    ),
    row(
        &["shining path", "sendero luminoso"],
        &["PE"],
        "Shining Path rebels killed 7 soldiers in the VRAEM valley.",
    ),
    row(
        &["tamil tigers", "ltte"],
        &["LK"],
        "The Tamil Tigers shelled Vavuniya, killing 4.",
    ),
    row(
        &["ansar dine", "jnim", "aqim"],
        &["ML", "BF", "NE"],
        "JNIM fighters attacked a post near Boni, killing 8 soldiers.",
    ),
    row(
        &["aqap"],
        &["YE"],
        "AQAP gunmen killed 4 soldiers in Shabwa.",
    ),
    row(
        &["allied democratic forces", "m23"],
        &["CD", "UG"],
        "M23 rebels shelled Sake, wounding 11 displaced people.",
    ),
    row(
        &["janjaweed", "rapid support forces"],
        &["SD"],
        "Rapid Support Forces shelled El Fasher, killing 15.",
    ),
    row(
        &["anti-balaka", "seleka"],
        &["CF"],
        "Anti-balaka militiamen killed 9 herders near Bossangoa.",
    ),
    row(
        &["lord's resistance army"],
        &["UG", "CD", "CF", "SS"],
        "The Lord's Resistance Army abducted 30 children near Dungu.",
    ),
];

/// One automaton over every name of the table, and each name's row.
fn names() -> &'static (Phrases, Vec<usize>) {
    static P: OnceLock<(Phrases, Vec<usize>)> = OnceLock::new();
    P.get_or_init(|| {
        let mut rows = Vec::new();
        let mut all = Vec::new();
        for (r, a) in ACTORS.iter().enumerate() {
            for n in a.names {
                all.push(*n);
                rows.push(r);
            }
        }
        (Phrases::new(all), rows)
    })
}

/// Votes a group's name gives each of its countries: two, where an adjective of nationality
/// gives one. "Somali" may name victims far from home; a group fights where the story is.
pub const VOTES_PER_NAME: u32 = 2;

/// Adds [`VOTES_PER_NAME`] votes for each country of each group the text names, per
/// mention, to `votes` (country code, count).
pub fn add_votes(text: &str, votes: &mut Vec<([u8; 2], u32)>) {
    let (phrases, rows) = names();
    phrases.each(text, |name, _| {
        let countries = rows
            .get(name)
            .and_then(|&r| ACTORS.get(r))
            .map_or(&[][..], |a| a.countries);
        for c in countries {
            let Ok(code) = <[u8; 2]>::try_from(c.as_bytes()) else {
                continue;
            };
            match votes.iter_mut().find(|(k, _)| *k == code) {
                Some(e) => e.1 += VOTES_PER_NAME,
                None => votes.push((code, VOTES_PER_NAME)),
            }
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(text: &str) -> Vec<([u8; 2], u32)> {
        let mut v = Vec::new();
        add_votes(text, &mut v);
        v.sort_unstable();
        v
    }

    #[test]
    fn every_example_names_its_group_and_votes_for_its_home() {
        for a in ACTORS {
            let home = a.countries.first().map(|c| c.as_bytes());
            let v = votes(a.example);
            assert!(
                v.iter().any(|(c, _)| Some(&c[..]) == home),
                "{}: {v:?}",
                a.example
            );
        }
    }

    #[test]
    fn whole_names_only_and_each_mention_counts() {
        assert_eq!(votes("The Talibanisation of politics"), vec![]);
        assert_eq!(votes("the Islamic State claimed it"), vec![]);
        assert_eq!(
            votes("FARC and ELN rebels; the FARC said"),
            vec![(*b"CO", 3 * VOTES_PER_NAME)]
        );
    }
}
