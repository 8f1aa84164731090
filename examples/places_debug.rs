//! Prints the place mentions, context places and resolved places of a text file (a
//! development aid): `cargo run --example places_debug -- FILE`.

use casualty_lens::places::{self, context, detect};
use casualty_lens::text::Document;
use casualty_lens::Gazetteer;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let gaz = Gazetteer::embedded();
    let doc = Document::new(&text);
    let tokens = detect::tokenize(&doc);
    let mentions = detect::find_mentions(&doc, &tokens, &gaz);
    for m in &mentions {
        let names: Vec<String> = m
            .candidates
            .iter()
            .take(3)
            .filter_map(|&c| gaz.entry(c))
            .map(|e| format!("{} ({:?} {})", e.name, e.country, e.population))
            .collect();
        println!("M {:?} {:?} {:?}", &text[m.span.clone()], m.key, names);
    }
    for c in context::find(&text, &tokens, &mentions) {
        println!("C {:?} {:?}", c.name, c.kind);
    }
    for p in places::find(&doc, &gaz) {
        println!(
            "P {} {:?} {:?} {:?},{:?} x{}",
            p.name,
            p.kind,
            p.country,
            p.lat,
            p.lon,
            p.mentions.len()
        );
    }
}
