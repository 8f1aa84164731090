//! The places corpus: our own sentences, one class of construction at a time, in the
//! notation of `text::marked` (the figures corpus is `figures/examples_data.rs`). Each
//! bracket is a place mention, with the country (ISO alpha-2) and kind it must resolve to; a
//! text must give no place outside its brackets.

use super::{find, Gazetteer};
use crate::text::marked::{assert_all, overlaps, unmark, verdict};
use crate::text::Document;
use crate::vocab::PlaceKind::{self, *};

/// One example: the text with its place mentions bracketed, and per bracket its country and
/// kind ("" for a place of no one country: a sea, a continent).
struct Ex {
    text: &'static str,
    places: &'static [(&'static str, PlaceKind)],
}

const fn ex(text: &'static str, places: &'static [(&'static str, PlaceKind)]) -> Ex {
    Ex { text, places }
}

/// A text that names no place.
const fn none(text: &'static str) -> Ex {
    Ex { text, places: &[] }
}

const EXAMPLES: &[Ex] = &[
    // --- Towns and capitals named where the harm happened.
    ex(
        "A car bomb killed 9 people in [[Kabul]] on Monday.",
        &[("AF", City)],
    ),
    ex(
        "Shelling of [[Aleppo]] wounded 31 civilians.",
        &[("SY", City)],
    ),
    ex(
        "Gunmen stormed a church in [[Maiduguri]], killing 4.",
        &[("NG", City)],
    ),
    ex(
        "Two blasts rocked [[Peshawar]] and [[Quetta]] overnight.",
        &[("PK", City), ("PK", City)],
    ),
    ex("Police in [[Mosul]] found 12 bodies.", &[("IQ", City)]),
    // --- Countries and first-level regions.
    ex(
        "Floods displaced 3,000 people across [[Malawi]].",
        &[("MW", Country)],
    ),
    ex(
        "Fighting in [[Helmand]] province killed 12 soldiers.",
        &[("AF", Admin1)],
    ),
    ex(
        "Rebels kidnapped 20 workers in [[Borno]] state.",
        &[("NG", Admin1)],
    ),
    // --- A name that several countries hold, settled by the country beside it.
    ex(
        "Shelling hit [[Tripoli]], in northern [[Lebanon]], wounding 5.",
        &[("LB", City), ("LB", Country)],
    ),
    ex(
        "Police in [[Hyderabad]], [[Pakistan]], arrested 14 men.",
        &[("PK", City), ("PK", Country)],
    ),
    // --- ... or by the other places of the story.
    ex(
        "Troops left [[Baghdad]] for [[Ramadi]], where a bomb killed 6.",
        &[("IQ", City), ("IQ", City)],
    ),
    // --- "the town of X": a town the gazetteer may not rank high.
    ex(
        "Gunmen attacked the town of [[Bama]] in [[Borno]] state.",
        &[("NG", City), ("NG", Admin1)],
    ),
    // --- Datelines in capitals.
    ex(
        "[[MOGADISHU]] (Wire) - A blast at a checkpoint killed 4.",
        &[("SO", City)],
    ),
    // --- Possessives and hyphens keep the name.
    ex("[[Kandahar]]'s governor said 8 died.", &[("AF", City)]),
    // --- A common word that opens the sentence before "in" is no organisation's name.
    ex("Police in [[Kano]] said 3 were arrested.", &[("NG", City)]),
    ex(
        "Forces in [[Mosul]] pushed on; 7 soldiers died.",
        &[("IQ", City)],
    ),
    // --- A first-level region word makes the name the region, even where the story's
    //     towns lie around the town of that name ...
    ex(
        "Shelling of [[Bucha]] and [[Irpin]] killed 7; across the [[Kyiv]] region 20 were hurt.",
        &[("UA", City), ("UA", City), ("UA", Admin1)],
    ),
    ex(
        "Gunmen shot 3 traders in [[Aden]], the port city of [[Aden]] governorate.",
        &[("YE", City), ("YE", Admin1)],
    ),
    // --- ... and a plural one every name of its list.
    ex(
        "Convoys moved between [[Kunduz]], [[Baghlan]] and [[Takhar]] provinces.",
        &[("AF", Admin1), ("AF", Admin1), ("AF", Admin1)],
    ),
    // --- "district" and "city" favour areas less: a district takes its town's name, and
    //     "X city" is the city.
    ex(
        "Militants ambushed a patrol in [[Nagaland]]'s [[Mon]] district.",
        &[("IN", Admin1), ("IN", City)],
    ),
    ex(
        "One bomb in [[Kabul]] city and one in [[Kabul]] province killed 5.",
        &[("AF", City), ("AF", Admin1)],
    ),
    // --- A sea is the sea, not a namesake province of another country.
    ex(
        "Airstrikes hit the [[Red Sea]] port of [[Hodeidah]] in [[Yemen]].",
        &[("", Region), ("YE", City), ("YE", Country)],
    ),
    // --- Hyphenated names with lower-case inner words are one name.
    ex(
        "Blasts hit [[Mazar-i-Sharif]] and [[Pul-i-Alam]] on Monday.",
        &[("AF", City), ("AF", City)],
    ),
    ex(
        "The quake killed 40 in [[Pakistan-controlled Kashmir]] and 12 in \
         [[Indian-administered Kashmir]].",
        &[("PK", Admin1), ("IN", Admin1)],
    ),
    // --- A place the text puts in a region or country of another country than its
    //     namesake is that region's own place ...
    ex(
        "Ten policemen were killed in [[Nawa]] district in [[Helmand]] province.",
        &[("AF", Admin2), ("AF", Admin1)],
    ),
    // (... also a part of it: "of southern", "in northern".)
    ex(
        "A roadside bomb killed 6 policemen in [[Nawa]] district of southern [[Helmand]].",
        &[("AF", Admin2), ("AF", Admin1)],
    ),
    ex(
        "Bombings in [[El Wak]], [[Somalia]] killed 2 and injured 6.",
        &[("SO", City), ("SO", Country)],
    ),
    // ... and what a possessive says a city holds, but not a facility named after a saint.
    ex(
        "A suicide bomber blew himself up in [[Mosul]]'s [[Old City]], killing 12.",
        &[("IQ", City), ("IQ", District)],
    ),
    ex(
        "A bomb went off outside [[Saint Mark's Church]] in [[Alexandria]], wounding 6.",
        &[("EG", Site), ("EG", City)],
    ),
    // ... and what a comma puts in a far city of a million, or in a region the gazetteer
    //     knows as its seat's namesake.
    ex(
        "A gunman killed 11 worshippers in [[Kenilworth]], [[Cape Town]].",
        &[("ZA", City), ("ZA", City)],
    ),
    ex(
        "Gunmen killed three people in [[Jema'a]], [[Kaduna]].",
        &[("NG", City), ("NG", City)],
    ),
    // ... but not a source after the comma, nor a capital.
    ex(
        "Rockets hit [[Gaza]], [[Israel]] said.",
        &[("PS", City), ("IL", Country)],
    ),
    // --- Hand-kept districts the gazetteer lacks (Pakistan's former tribal agencies).
    ex(
        "A drone strike killed 5 militants in [[North Waziristan]] on Tuesday.",
        &[("PK", Admin2)],
    ),
    ex(
        "A roadside bomb wounded 4 soldiers in the [[Kurram]] tribal district.",
        &[("PK", Admin2)],
    ),
    // --- A hand-kept region over a small namesake town abroad.
    ex(
        "Militants in northern [[Sinai]] shelled a home, killing a family of five.",
        &[("EG", Region)],
    ),
    // --- Pieces of compound names are not places.
    ex(
        "Tahrir-al-Sham fighters shelled the outskirts of [[Idlib]], killing 4 soldiers.",
        &[("SY", City)],
    ),
    none("Taliban fighters ambushed a convoy in Qala-e-Naw, killing 4 soldiers."),
    none("Islamic State of Iraq and the Levant militants killed 8 people."),
    // --- A facility named for a known place lies in it; one named for a person lies where
    // the text puts it.
    ex(
        "A rocket hit [[Kabul International Airport]] on Monday, wounding 2 guards.",
        &[("AF", Site)],
    ),
    ex(
        "Mortar rounds struck [[Kandahar Airfield]], killing a contractor.",
        &[("AF", Site)],
    ),
    ex(
        "Gunmen stormed [[Garissa University]] and killed 14 students.",
        &[("KE", Site)],
    ),
    ex(
        "Militants attacked [[Jinnah International Airport]] in [[Karachi]], killing 10.",
        &[("PK", Site), ("PK", City)],
    ),
    // --- An armed group votes for the countries it fights in (`actors.rs`), as an
    //     adjective of nationality does, and more strongly ...
    ex(
        "FARC rebels bombed a bridge near [[Chita]], wounding 2 soldiers.",
        &[("CO", City)],
    ),
    ex(
        "Boko Haram attacked a market in [[Borno]], killing 9 traders.",
        &[("NG", Admin1)],
    ),
    // ... but a stated country still decides.
    ex(
        "Taliban envoys met officials in [[Doha]], [[Qatar]], a day after a bomb killed 3.",
        &[("QA", City), ("QA", Country)],
    ),
    // --- A country that says whose people or building ("US troops", "the US embassy") is
    //     no vote for where the story is.
    ex(
        "A car bomb went off near the [[US]] embassy in [[Lima]], killing 9 people.",
        &[("US", Country), ("PE", City)],
    ),
    ex(
        "[[US]] military officials said four [[US]] personnel died in a blast in [[Manbij]].",
        &[("US", Country), ("US", Country), ("SY", City)],
    ),
    ex(
        "Three [[US]] soldiers were wounded in [[Haditha]].",
        &[("US", Country), ("IQ", City)],
    ),
    // --- A building "in" a place is in it (an organisation "of" a place keeps its name).
    ex(
        "Gunmen attacked the [[American University]] in [[Kabul]], killing 7 students.",
        &[("AF", Site), ("AF", City)],
    ),
    // --- A word that opens a sentence and is written in lower case elsewhere is that word.
    ex(
        "Monsoon rains have flooded 40 villages in [[Myanmar]]; the monsoon is not over.",
        &[("MM", Country)],
    ),
    // --- A name spelled as written beats one that only folds alike (doubled letters).
    ex(
        "A bomb in central [[Samarra]] wounded 10 pilgrims.",
        &[("IQ", City)],
    ),
    // --- A place word and "of" make a common word a place, as a locative does.
    ex(
        "Militias shelled the eastern city of [[Benghazi]] overnight.",
        &[("LY", City)],
    ),
    // --- A foreign region that only an alternate name matches is a word in a story set
    // elsewhere.
    ex(
        "Two officers were shot in the Capital of [[Somalia]], [[Mogadishu]], and 3 \
         more in [[Kismayo]].",
        &[("SO", Country), ("SO", City), ("SO", City)],
    ),
    // --- "in the northern Mozambican province of X": a place the text puts in another
    // country's region is that region's own place, not a namesake abroad.
    ex(
        "Gunmen raided [[Mocimboa]], a town in the district of [[Palma]] in the northern \
         Mozambican province of [[Cabo Delgado]].",
        &[("MZ", City), ("MZ", City), ("MZ", Admin1)],
    ),
    // --- A small town abroad that the text puts beside or in a town far from it, or a
    // neighbourhood of a foreign namesake put in a town, is the story's own place.
    ex(
        "A bomb went off in the [[al-Shaab district]] northeast of [[Baghdad]], killing 2.",
        &[("IQ", Admin2), ("IQ", City)],
    ),
    ex(
        "Mortars hit [[Sha'ab]], a neighbourhood of [[Baghdad]], wounding 4.",
        &[("IQ", City), ("IQ", City)],
    ),
    ex(
        "Snipers fired into the [[Old City]] of [[Mosul]], wounding 3.",
        &[("IQ", District), ("IQ", City)],
    ),
    // --- The word a country uses for its first-level divisions picks the region:
    // Nigeria's states, Venezuela's states (Benin and Colombia have departments).
    ex(
        "Herders killed 19 farmers in [[Plateau state]], police said.",
        &[("NG", Admin1)],
    ),
    ex(
        "Gunmen killed 4 miners in [[Bolívar state]].",
        &[("VE", Admin1)],
    ),
    // --- "US-backed", "Saudi-led": whose backing, not where the story is.
    ex(
        "Five [[US]]-backed fighters were killed in [[Manbij]] overnight.",
        &[("US", Country), ("SY", City)],
    ),
    // --- Not places: people, organisations, common words in capitals.
    none("The University of California said 2 students were hurt."),
    none("Al Qaeda in Iraq claimed the attack."),
    none("President Obama met Michael Jordan and Bush."),
    none("The Jerusalem Post reported the attack."),
    none("MORE than 50 people were hurt."),
    none("Most residents left early, officials said."),
];

fn check(ex: &Ex) -> Result<(), String> {
    let (text, spans) = unmark(ex.text);
    if spans.len() != ex.places.len() {
        return Err(format!(
            "{:?}: {} brackets, {} answers",
            ex.text,
            spans.len(),
            ex.places.len()
        ));
    }
    let doc = Document::new(&text);
    let found = find(&doc, Gazetteer::embedded_shared());
    let mentions: Vec<(&std::ops::Range<usize>, &super::ResolvedPlace)> = found
        .iter()
        .flat_map(|p| p.mentions.iter().map(move |m| (m, p)))
        .collect();
    let mut errs = Vec::new();
    for (sp, &(country, kind)) in spans.iter().zip(ex.places) {
        match mentions.iter().find(|(m, _)| overlaps(m, sp)) {
            None => errs.push(format!("missed [[{}]]", &text[sp.clone()])),
            Some((_, p)) if p.country.as_deref().unwrap_or("") != country || p.kind != kind => errs
                .push(format!(
                    "[[{}]] got {} {:?} {:?}, want {country} {kind:?}",
                    &text[sp.clone()],
                    p.name,
                    p.country,
                    p.kind
                )),
            Some(_) => {}
        }
    }
    for (m, p) in &mentions {
        if !spans.iter().any(|sp| overlaps(m, sp)) {
            errs.push(format!("extra {:?} ({})", &text[(*m).clone()], p.name));
        }
    }
    verdict(ex.text, &errs)
}

#[test]
fn examples() {
    assert_all("place", EXAMPLES, check);
}
