//! Help: a short guide to reading the figures (qualifiers and bounds), the coding policies,
//! how totals and places are counted, and the keyboard keys.

use yew::prelude::*;

/// The review and navigation keys: (keys, what they do). Also what the reading view's hint
/// lists, so the two cannot drift apart.
pub const KEYS: [(&str, &str); 9] = [
    ("j or n", "next figure"),
    ("k or p", "previous figure"),
    ("a", "accept the figure in focus, then go to the next"),
    (
        "r or x",
        "reject it (it stays listed, struck through), then go to the next",
    ),
    (
        "e",
        "edit it: correction mode on, cursor in the value; Enter saves and goes to the next",
    ),
    (
        "u",
        "restore the machine's reading (undo a rejection or an edit of this figure)",
    ),
    ("Ctrl+Z", "undo the last correction, removal or Clear all"),
    ("Ctrl+Shift+Z or Ctrl+Y", "redo"),
    (
        "Tab",
        "move between highlights, places and controls; the first Tab offers a skip link",
    ),
];

/// The help panel.
#[function_component(Help)]
pub fn help() -> Html {
    html! {
        <div class="about help">
            <h2>{ "How to read and review the figures" }</h2>
            <h3>{ "Qualifiers and bounds" }</h3>
            <p>{ "Every figure has a value (the number as stated, the low end of a range) and bounds: the lowest and highest count the words allow." }</p>
            <dl class="help-list">
                <dt>{ "exact — “12 people”" }</dt><dd>{ "12 to 12." }</dd>
                <dt>{ "about — “about 200”" }</dt><dd>{ "within 10%: 180 to 220." }</dd>
                <dt>{ "at least — “at least 14”" }</dt><dd>{ "14 or more (no upper bound)." }</dd>
                <dt>{ "more than — “more than 30”" }</dt><dd>{ "31 or more: the value stays 30, the lower bound is 31." }</dd>
                <dt>{ "at most / less than" }</dt><dd>{ "no lower bound; up to the number (less than 10: up to 9)." }</dd>
                <dt>{ "range — “12 to 15”" }</dt><dd>{ "12 to 15." }</dd>
                <dt>{ "vague — “dozens”, “hundreds”" }</dt><dd>{ "the word's span under the coding policy (dozens: 24 to 99)." }</dd>
            </dl>
            <h3>{ "Coding policies (Settings)" }</h3>
            <p>{ "Literal follows the annotation guidelines: bounds as the words say. ACLED-conservative differs only for vague words: their lower bound becomes a fixed low count (several 3, dozens 12, hundreds 100, thousands 1,000); values and the other qualifiers are unchanged." }</p>
            <h3>{ "How totals are counted" }</h3>
            <ul>
                <li>{ "Each document has a total per category. Parts of a larger figure (“12 killed, including 3 children”) are not added to it." }</li>
                <li>{ "Counts in one sentence add up (“10 policemen and 2 civilians” is 12), and so do counts that say they come on top (“another 25”)." }</li>
                <li>{ "A story repeats and updates its counts, so across sentences the largest statement stands for the rest." }</li>
                <li>{ "Totals across documents add the documents' totals. A total shows its value inside its own bounds: two “more than 40” reports add to 80 but at least 82, shown “at least 82”." }</li>
                <li>{ "Rejected figures count nowhere; edited and added figures count with the reviewer's numbers." }</li>
                <li>{ "A document's total is the sum of its incidents: the harmful events it reports as news. Each figure shows its incident's number; background figures (a war's or period's toll, an earlier attack) are hatched and struck through and never summed. An implicit victim (“a civilian was killed”, dotted underline) counts as 1." }</li>
                <li>{ "The Incidents tab merges the incidents of all documents that are one event (same or nearby place, dates at most two days apart, compatible counts): the count is the highest consistent report, with the range across sources; expand a row to see its sources, their sentences and why they were merged. In correction mode, move a figure into another incident or a new one, or merge two incidents; undo reverses it." }</li>
            </ul>
            <h3>{ "Places and incidents" }</h3>
            <p>{ "Places are found with the GeoNames gazetteer and resolved to one reading (focus a place to see its region, country, coordinates, GeoNames id and the other candidates for its name; “Use this” moves every mention of the name, and its figures, to another candidate; “Country of this document” reads the document again preferring places in that country). Each figure is linked to the place where the harm happened, usually the nearest place in its sentence or the story's main place; the map adds up the counted figures per place. Correct a figure's place in correction mode." }</p>
            <h3>{ "PDF files" }</h3>
            <p>{ "Text-based PDFs are read in reading order (columns one after the other, table rows as rows); headers and footers repeated on every page are left out. A figure's details give its page, and the CSV has a page column. Scanned PDFs have no text to read: run them through OCR first." }</p>
            <h3>{ "Reviewing" }</h3>
            <p>{ "Turn on correction mode, then accept, reject, edit or add figures. Every document shows how many of its figures were reviewed; “Unreviewed only” makes j and k skip the others. Every export records each figure's review state, the machine's reading where it was edited, and when." }</p>
            <h3>{ "Keys" }</h3>
            <table class="data keys">
                <thead><tr><th scope="col">{ "Key" }</th><th scope="col">{ "Does" }</th></tr></thead>
                <tbody>
                    { for KEYS.iter().map(|(k, d)| html! { <tr><td><kbd>{ *k }</kbd></td><td>{ *d }</td></tr> }) }
                </tbody>
            </table>
            <p class="hint">{ "Letter keys work outside text fields; inside a field, Ctrl+Z undoes typing as usual." }</p>
        </div>
    }
}
