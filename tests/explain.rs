//! Every decision explains itself: each figure's `rule` in the report and the HTML export,
//! and `casualty-lens explain FILE` run as a process.

use casualty_lens::report::html::to_html_with_texts;
use casualty_lens::{Extractor, Gazetteer, Options, Report};
use std::process::Command;

mod common;
use common::{write, BIN};

/// A story of our own wording with many constructions: counts before and after their harm
/// words, a toll, a list, a part, a label, a singular victim, a hospital count.
const VARIED: &str = "Floodwaters swept through three villages near Multan on Sunday. \
    The death toll from the flooding rose to 31 by Monday, officials said, and 4 fishermen \
    were missing. Rescuers pulled 12 survivors from the river. The rains killed 6 farmers \
    and 2 herders in the hills. Some 2,300 people are staying in relief camps. Another \
    40 people were injured, including 9 children. The collapse of a school sent 15 pupils \
    to hospital. A teacher was swept away and drowned. Injured: 3.";

#[test]
fn every_figure_has_a_rule() {
    let ex = Extractor::new(Gazetteer::embedded(), Options::default());
    let d = ex.extract("varied.txt", VARIED);
    assert!(d.figures.len() >= 8, "{:#?}", d.figures);
    for f in &d.figures {
        assert!(!f.rule.is_empty(), "no rule: {f:#?}");
        // A construction's short name, then what it reads.
        let (name, _) = f.rule.split_once(' ').expect("name and pattern");
        assert!(name.contains('.'), "{}", f.rule);
    }
    let rules: Vec<&str> = d.figures.iter().map(|f| f.rule.as_str()).collect();
    assert!(
        rules
            .iter()
            .any(|r| r.starts_with("attach.toll: 'death toll' (toll)")),
        "{rules:#?}"
    );
    assert!(
        rules.iter().any(|r| r.starts_with("list.before: 'killed'")),
        "{rules:#?}"
    );
    assert!(
        rules.iter().any(|r| r.starts_with("part.of_whole")),
        "{rules:#?}"
    );
    assert!(
        rules
            .iter()
            .any(|r| r.starts_with("attach.hospital: 'sent'")),
        "{rules:#?}"
    );
}

#[test]
fn rules_are_in_the_json_and_on_the_highlights() {
    let text = "Gunmen killed 7 miners near the quarry on Friday.";
    let ex = Extractor::new(Gazetteer::embedded(), Options::default());
    let d = ex.extract("q.txt", text);
    let json = serde_json::to_value(&d).expect("json");
    assert_eq!(
        json["figures"][0]["rule"],
        "attach.backward: 'killed' (participle) — HARM N"
    );
    let html = to_html_with_texts(&Report::new(vec![d]), &[text], "t");
    assert!(
        html.contains("data-rule=\"attach.backward: &#39;killed&#39; (participle) — HARM N\""),
        "{html}"
    );
}

#[test]
fn explain_names_the_rule_and_the_place_candidates() {
    let dir = common::tmpdir("explain", "cli");
    let file = write(
        &dir,
        "story.txt",
        "A roadside bomb killed 5 soldiers near Kandahar on Monday. \
         The blast also wounded 8 passers-by, including 2 children."
            .as_bytes(),
    );
    let out = Command::new(BIN)
        .arg("explain")
        .arg(&file)
        .output()
        .expect("run the CLI");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8_lossy(&out.stdout);
    // Figures: sentence, number, category, value and rule.
    assert!(s.contains("[0] \"5\": killed 5 (exact)"), "{s}");
    assert!(
        s.contains("sentence: A roadside bomb killed 5 soldiers near Kandahar on Monday."),
        "{s}"
    );
    assert!(
        s.contains("rule: attach.backward: 'killed' (participle) — HARM N"),
        "{s}"
    );
    assert!(s.contains("rule: part.of_whole"), "{s}");
    // Places: the mention, the choice and its candidates with score parts.
    assert!(s.contains("\"Kandahar\" -> Kandah"), "{s}");
    assert!(s.contains("candidate(s) scored"), "{s}");
    assert!(s.contains("* Kandah"), "{s}");
    assert!(s.contains("- Kandah"), "{s}");
    assert!(
        s.contains("kind ") && s.contains("population ") && s.contains(" = "),
        "{s}"
    );
    // Incidents: the figures and why they went together.
    assert!(s.contains("opens the incident"), "{s}");
    assert!(s.contains("part of figure 1"), "{s}");
}

#[test]
fn explain_reports_an_unreadable_file() {
    let out = Command::new(BIN)
        .args(["explain", "/nonexistent/story.txt"])
        .output()
        .expect("run the CLI");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("story.txt"));
}

#[test]
fn a_place_carries_its_resolution_trace_on_demand() {
    let text = "Gunmen killed 3 guards at a checkpoint in Jalalabad, in eastern Afghanistan.";
    // Off by default: the report is unchanged.
    let plain = Extractor::new(Gazetteer::embedded(), Options::default()).extract("a", text);
    assert!(plain.places.iter().all(|p| p.why.is_none()));
    let json = serde_json::to_string(&plain).expect("json");
    assert!(!json.contains("\"why\""));
    // With the candidates: the chosen entry first, then the others, parts adding up.
    let opts = Options {
        candidates: true,
        ..Options::default()
    };
    let d = Extractor::new(Gazetteer::embedded(), opts).extract("a", text);
    let p = d
        .places
        .iter()
        .find(|p| p.mentions.iter().any(|m| m.text == "Jalalabad"))
        .expect("Jalalabad");
    let why = p.why.as_ref().expect("a trace");
    assert_eq!(why.mention, "Jalalabad");
    assert!(why.considered >= why.candidates.len() && why.candidates.len() >= 2);
    let won = &why.candidates[0];
    assert_eq!(won.name, p.name);
    assert_eq!(won.country, p.country);
    for c in &why.candidates {
        let sum: f64 = c.parts.named().iter().map(|(_, v)| v).sum();
        assert!((sum - c.parts.total).abs() < 0.05, "{c:?}");
        assert!(won.parts.total >= c.parts.total, "{why:?}");
    }
    // The country focus (Afghanistan) is what put it ahead of its namesakes.
    assert!(won.parts.focus > 0.0, "{won:?}");
    // The same places with and without the trace.
    let names = |d: &casualty_lens::report::model::DocumentReport| {
        d.places.iter().map(|p| p.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&plain), names(&d));
}
