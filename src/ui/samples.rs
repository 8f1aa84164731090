//! Sample articles for "Try sample articles": invented reports written for this app (no real
//! events), covering each category, qualifiers, vague words and places.

/// (file name, text) of each sample.
pub const SAMPLES: [(&str, &str); 3] = [
    (
        "sample-flood-and-clashes.txt",
        "SAMPLE ARTICLE (invented for demonstration)\n\n\
Clashes and floods strain relief efforts in northern Nigeria\n\n\
KANO, Nigeria — At least 14 people were killed and more than 30 injured when gunmen \
attacked a cattle market near Kano on Tuesday, local officials said.\n\n\
A police spokesman said 6 suspects had been arrested after the attack. Residents said \
about 200 families fled to the nearby town of Wudil.\n\n\
Separately, heavy rains in Maiduguri left dozens of people missing, according to the \
state emergency agency, which said nearly 2,500 residents had been displaced by the \
floods. Two children were among the dead in Kano, the officials added.\n",
    ),
    (
        "sample-market-bombing.txt",
        "SAMPLE ARTICLE (invented for demonstration)\n\n\
Car bomb hits Baghdad market\n\n\
BAGHDAD — A car bomb exploded in a crowded market in Baghdad on Friday evening, killing \
27 people and wounding between 40 and 50 others, hospital sources said.\n\n\
Police said 3 men had been detained for questioning. In a separate incident in Mosul, \
gunmen kidnapped four aid workers from their convoy, the agency that employs them said.\n\n\
No one was hurt in a second explosion near Basra, officials said.\n",
    ),
    (
        "sample-camp-report.txt",
        "SAMPLE ARTICLE (invented for demonstration)\n\n\
Thousands shelter in camps after fighting near Goma\n\n\
GOMA, Democratic Republic of Congo — Fighting between rival armed groups north of Goma has \
forced thousands of people from their homes, aid groups said on Monday.\n\n\
The clashes near Rutshuru killed at least 9 civilians, and several others were wounded. \
Local leaders said 12 villagers had been abducted and up to 40 were still unaccounted for.\n",
    ),
];
