//! The `eval` scorer on a tiny gold directory written for this test.

use casualty_lens::eval::{load_gold, score, Metric};
use serde_json::json;
use std::path::PathBuf;

fn gold_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("casualty-lens-eval-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let write = |name: &str, body: &str| std::fs::write(dir.join(name), body).expect("write");
    write(
        "a.txt",
        "A bomb in Testville killed at least 13 people and wounded 40.\n",
    );
    write(
        "a.gold.json",
        &json!({
            "id": "a", "date": null,
            "figures": [
                {"at": "killed [[at least 13]] people", "category": "killed", "value": 13,
                 "qualifier": "at_least", "victims": "people", "place": "Testville",
                 "alt_places": [], "part_of": null},
                {"at": "wounded [[40]].", "category": "injured", "value": 40,
                 "qualifier": "exact", "victims": null, "place": "Testville", "part_of": null}
            ],
            "places": [{"name": "Testville", "aliases": [], "country": "IQ", "lat": 33.0, "lon": 44.0}]
        })
        .to_string(),
    );
    write(
        "b.txt",
        "Gunmen kidnapped two engineers, including one Peruvian, near Otherton.\n",
    );
    write(
        "b.gold.json",
        &json!({
            "id": "b", "date": null,
            "figures": [
                {"at": "kidnapped [[two]] engineers", "category": "kidnapped", "value": 2,
                 "qualifier": "exact", "victims": "engineers", "place": "Otherton", "part_of": null},
                {"at": "including [[one]] Peruvian", "category": "kidnapped", "value": 1,
                 "qualifier": "exact", "victims": "Peruvian", "place": null, "part_of": 0}
            ],
            "places": [{"name": "Otherton", "aliases": ["Other Town"], "country": "PE", "lat": -12.0, "lon": -75.0}]
        })
        .to_string(),
    );
    dir
}

fn float(m: Option<Metric>) -> f64 {
    match m {
        Some(Metric::Float(x)) => x,
        other => panic!("not a float: {other:?}"),
    }
}

#[test]
fn metrics_on_a_tiny_gold_dir() {
    let dir = gold_dir();
    let docs = load_gold(&dir).expect("gold loads");
    assert_eq!(docs.len(), 2);
    // Offsets are code points: "at least 13" starts after "A bomb in Testville killed ".
    assert_eq!(docs[0].spans[0], (27, 38));
    let report = json!({"schema": "casualty-lens/1", "documents": [
        {"name": "/some/path/a.txt",
         "figures": [
            {"start": 27, "end": 38, "category": "killed", "value": 13, "qualifier": "at_least", "place": 0, "part_of": null},
            {"start": 58, "end": 60, "category": "injured", "value": 41, "qualifier": "exact", "place": null, "part_of": null},
            {"start": 2, "end": 6, "category": "killed", "value": 1, "qualifier": "exact", "place": null, "part_of": null}
         ],
         "places": [{"name": "Testville", "lat": 33.5, "lon": 44.2, "mentions": [{"start": 10, "end": 19, "text": "Testville"}]}]},
        {"name": "b.txt",
         "figures": [
            {"start": 17, "end": 20, "category": "kidnapped", "value": 2, "qualifier": "exact", "place": 0, "part_of": null},
            {"start": 42, "end": 45, "category": "kidnapped", "value": 1, "qualifier": "exact", "place": null, "part_of": 0}
         ],
         "places": [
            {"name": "Other Town", "lat": 10.0, "lon": 10.0, "mentions": []},
            {"name": "Nowhere", "lat": null, "lon": null, "mentions": []}
         ]}
    ]});
    let (m, lines) = score(&docs, &report);
    assert_eq!(m.get("docs"), Some(Metric::Int(2)));
    assert_eq!(m.get("figures_gold"), Some(Metric::Int(4)));
    // 4 of 4 gold found, 1 extra: P 0.8, R 1.0.
    assert_eq!(float(m.get("figure_detect_p")), 0.8);
    assert_eq!(float(m.get("figure_detect_r")), 1.0);
    assert_eq!(float(m.get("figure_detect_f1")), 0.8889);
    // One value wrong (41 for 40): strict 3 of 5 predicted, 3 of 4 gold.
    assert_eq!(float(m.get("figure_strict_p")), 0.6);
    assert_eq!(float(m.get("figure_strict_r")), 0.75);
    assert_eq!(float(m.get("value_acc")), 0.75);
    assert_eq!(float(m.get("qualifier_acc")), 1.0);
    // Places of figures: Testville right; 40 has none; "Other Town" is only an alias of the
    // gold place, and a figure's place must match `place` or `alt_places`.
    assert_eq!(float(m.get("figure_place_acc")), 0.3333);
    assert_eq!(float(m.get("part_of_acc")), 1.0);
    // Places: 2 of 3 predicted match, both gold found; one within 161 km.
    assert_eq!(float(m.get("place_p")), 0.6667);
    assert_eq!(float(m.get("place_r")), 1.0);
    assert_eq!(float(m.get("place_acc_161km")), 0.5);
    assert!(lines
        .iter()
        .any(|l| l == "  VALUE a.txt: '40' gold 40 exact got 41 exact"));
    assert!(lines.iter().any(|l| l == "  EXTRA a.txt: 'bomb' killed 1"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("  GEO b.txt: Otherton gold -12.0,-75.0 got 10.0,10.0")));
    let _ = std::fs::remove_dir_all(&dir);
}
