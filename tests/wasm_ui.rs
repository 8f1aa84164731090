//! One UI component (the reading view) mounted in headless Chromium: highlights carry their
//! data attributes, places nest inside figures, and document text stays inert text.
#![cfg(target_arch = "wasm32")]

use casualty_lens::report::model::{Category, DocumentReport, Place, PlaceKind, Span};
use casualty_lens::ui::model::{apply, Doc, Status};
use casualty_lens::ui::reader::Reader;
use casualty_lens::ui::state::AppState;
use casualty_lens::{Extractor, Gazetteer, Options, Policy};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">\n\
Rescuers said 12 people were killed in Northtown on Monday, and 7 were injured.";

fn doc() -> Rc<Doc> {
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    let mut raw: DocumentReport = ex.extract("t.txt", TEXT);
    // A hand-made place whose mention overlaps the figure "12 people" would be unusual; put one
    // on "Northtown" and one spanning the end of "12" to exercise the nesting.
    let cp = |s: &str| TEXT[..TEXT.find(s).unwrap()].chars().count();
    let n = cp("Northtown");
    let twelve = cp("12 people");
    raw.places.push(Place {
        name: "Northtown".into(),
        country: None,
        admin1: None,
        kind: PlaceKind::City,
        lat: None,
        lon: None,
        geonames_id: None,
        candidates: Vec::new(),
        why: None,
        mentions: vec![
            Span {
                start: n,
                end: n + 9,
                text: "Northtown".into(),
            },
            Span {
                start: twelve + 1,
                end: twelve + 4,
                text: "2 p".into(),
            },
        ],
    });
    let (eff, review) = apply(&raw, TEXT, None, Policy::Literal);
    let mut d = Doc::new(1, "t.txt".into(), TEXT.into());
    d.status = Status::Done;
    d.raw = Some(Rc::new(raw));
    d.eff = Some(Rc::new(eff));
    d.review = Rc::new(review);
    Rc::new(d)
}

#[function_component(Harness)]
fn harness() -> Html {
    let state = use_reducer(AppState::default);
    html! {
        <Reader doc={doc()} hidden={vec![Category::Detained]} active={None::<usize>} focus_seq={0}
            flash_seq={0} correcting={true} dispatch={state.dispatcher()} />
    }
}

async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn reader_renders_highlights_as_inert_text() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root(root.clone()).render();
    tick().await;

    let killed = root
        .query_selector("mark[data-category=\"killed\"][data-value=\"12\"]")
        .unwrap()
        .expect("killed highlight");
    // The place piece inside the figure and the one after it both carry data-place.
    assert!(killed
        .query_selector("[data-place=\"Northtown\"]")
        .unwrap()
        .is_some());
    assert!(
        root.query_selector_all("[data-place=\"Northtown\"]")
            .unwrap()
            .length()
            >= 3
    );
    // The text is intact and inert: no script or img element was created from it.
    let article = root.query_selector("article.doc-text").unwrap().unwrap();
    assert_eq!(article.text_content().unwrap(), TEXT);
    assert!(article.query_selector("script, img").unwrap().is_none());
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    // Legend toggles and the correction controls are there.
    assert_eq!(
        root.query_selector_all("[data-legend]").unwrap().length(),
        6
    );
    let detained = root
        .query_selector("[data-legend=\"detained\"]")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    assert_eq!(
        detained.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert!(root.query_selector(".add-selection").unwrap().is_some());
}

/// A document of TEXT with its first figure rejected and its second edited.
fn reviewed_doc() -> Rc<Doc> {
    use casualty_lens::ui::model::{DocCorrections, Edit, Review};
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    let raw: DocumentReport = ex.extract("t.txt", TEXT);
    assert!(raw.figures.len() >= 2, "{:?}", raw.figures);
    let (f0, f1) = (&raw.figures[0], &raw.figures[1]);
    let corr = DocCorrections {
        reviews: vec![
            Review {
                start: f0.start,
                end: f0.end,
                category: f0.category,
                rejected: true,
                edit: None,
                at: Some(1_764_900_000_000.0),
            },
            Review {
                start: f1.start,
                end: f1.end,
                category: f1.category,
                rejected: false,
                edit: Some(Edit {
                    category: f1.category,
                    value: 9,
                    max: None,
                    qualifier: f1.qualifier,
                    place: None,
                }),
                at: None,
            },
        ],
        added: Vec::new(),
        ..Default::default()
    };
    let (eff, review) = apply(&raw, TEXT, Some(&corr), Policy::Literal);
    let mut d = Doc::new(1, "t.txt".into(), TEXT.into());
    d.status = Status::Done;
    d.raw = Some(Rc::new(raw));
    d.eff = Some(Rc::new(eff));
    d.review = Rc::new(review);
    Rc::new(d)
}

#[wasm_bindgen_test]
fn rejected_figures_stay_listed_but_count_nowhere() {
    use casualty_lens::ui::model::{progress, published, Verdict};
    let d = reviewed_doc();
    let eff = d.eff.as_ref().unwrap();
    let raw = d.raw.as_ref().unwrap();
    assert_eq!(eff.figures.len(), raw.figures.len());
    assert_eq!(d.review[0].verdict, Verdict::Rejected);
    assert_eq!(d.review[1].verdict, Verdict::Edited);
    assert_eq!(progress(&d.review), (2, raw.figures.len()));
    // No total lists the rejected figure; the published report drops it and remaps indices.
    assert!(eff.totals.values().all(|t| !t.figures.contains(&0)));
    let p = published(eff, &d.review);
    assert_eq!(p.figures.len(), eff.figures.len() - 1);
    assert_eq!(p.figures[0].value, 9);
    assert!(p
        .totals
        .values()
        .all(|t| t.figures.iter().all(|i| *i < p.figures.len())));
}

#[wasm_bindgen_test]
fn audit_exports_carry_review_states() {
    use casualty_lens::ui::audit::{to_csv, to_json, CSV_HEADER};
    let docs = vec![reviewed_doc()];
    let csv = to_csv(&docs);
    assert!(csv.starts_with('\u{feff}'));
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(lines.next().unwrap(), CSV_HEADER.join(","));
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    let col = |name: &str| CSV_HEADER.iter().position(|h| *h == name).unwrap();
    assert_eq!(rows[0][col("review_state")], "rejected");
    assert_eq!(rows[0][col("reviewed_at")], "2025-12-05T02:00:00Z");
    assert_eq!(rows[1][col("review_state")], "edited");
    assert_eq!(rows[1][col("value")], "9");
    assert_eq!(rows[1][col("machine_value")], "7");
    let json: serde_json::Value = serde_json::from_str(&to_json(&docs)).unwrap();
    let f = &json["documents"][0]["figures"];
    assert_eq!(f[0]["review"]["state"], "rejected");
    assert_eq!(f[1]["review"]["machine"]["value"], 7);
}

#[wasm_bindgen_test]
fn totals_never_shown_below_their_bounds_and_filters() {
    use casualty_lens::ui::model::{total_text, Verdict};
    use casualty_lens::ui::table::ReviewFilter;
    assert_eq!(total_text(217_807, 217_814, None), "at least 217,814");
    assert_eq!(total_text(300, 201, None), "300 (at least 201)");
    assert_eq!(total_text(12, 12, Some(12)), "12");
    assert_eq!(total_text(10, 12, Some(99)), "12 (12–99)");
    let f = ReviewFilter {
        state: Some(Verdict::Unreviewed),
        below: Some(0.75),
    };
    assert!(f.keeps(Verdict::Unreviewed, 0.5));
    assert!(!f.keeps(Verdict::Unreviewed, 0.8));
    assert!(!f.keeps(Verdict::Accepted, 0.5));
    let added = ReviewFilter {
        state: None,
        below: Some(0.9),
    };
    assert!(!added.keeps(Verdict::Added, 0.0));
}

/// Splits and merges of incidents (correction mode) recompute the incidents and the totals
/// with the core's rules, and rejected figures leave their incident.
#[wasm_bindgen_test]
fn incident_splits_and_merges_recompute_incidents_and_totals() {
    use casualty_lens::ui::model::{DocCorrections, FigKey, IncidentEdit, Review};
    const T: &str = "Gunmen killed 7 people in a village on Monday, police said. A roadside \
                     bomb killed 5 soldiers on Monday, the army said.";
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    let raw: DocumentReport = ex.extract("s.txt", T);
    assert_eq!(raw.figures.len(), 2, "{:?}", raw.figures);
    let key = |i: usize| FigKey {
        start: raw.figures[i].start,
        end: raw.figures[i].end,
        category: raw.figures[i].category,
    };
    let killed = |r: &DocumentReport| r.totals.get(&Category::Killed).map(|t| t.value);
    // Merge whatever the extractor grouped into one incident, then split the second figure.
    let mut corr = DocCorrections {
        incidents: vec![IncidentEdit::Move {
            fig: key(1),
            with: Some(key(0)),
        }],
        ..DocCorrections::default()
    };
    let (one, _) = apply(&raw, T, Some(&corr), Policy::Literal);
    assert_eq!(one.incidents.len(), 1, "{:?}", one.incidents);
    assert_eq!(one.incidents[0].figures, vec![0, 1]);
    assert_eq!(killed(&one), Some(7), "one event told twice counts once");
    corr.incidents.push(IncidentEdit::Move {
        fig: key(1),
        with: None,
    });
    let (two, _) = apply(&raw, T, Some(&corr), Policy::Literal);
    assert_eq!(two.incidents.len(), 2, "{:?}", two.incidents);
    assert_eq!(killed(&two), Some(12));
    corr.incidents.push(IncidentEdit::Merge {
        from: key(1),
        into: key(0),
    });
    let (merged, _) = apply(&raw, T, Some(&corr), Policy::Literal);
    assert_eq!(merged.incidents.len(), 1);
    // A rejected figure leaves its incident and the totals.
    corr.incidents.pop();
    corr.reviews.push(Review {
        start: raw.figures[0].start,
        end: raw.figures[0].end,
        category: raw.figures[0].category,
        rejected: true,
        edit: None,
        at: None,
    });
    let (rej, _) = apply(&raw, T, Some(&corr), Policy::Literal);
    assert_eq!(rej.incidents.len(), 1);
    assert_eq!(rej.incidents[0].figures, vec![1]);
    assert_eq!(killed(&rej), Some(5));
}

#[wasm_bindgen_test]
fn every_figure_and_place_says_why() {
    use casualty_lens::report::model::{Considered, PlaceWhy, ScoreParts};
    use casualty_lens::ui::place_panel::why_lines;
    // Figures: the rule the inspector's "Why" line shows.
    let d = doc();
    let raw = d.raw.clone().expect("a report");
    assert!(!raw.figures.is_empty());
    assert!(raw.figures.iter().all(|f| !f.rule.is_empty()));
    // Places: the chosen candidate and the runner-up with their score parts.
    let cand = |name: &str, country: &str, focus: f64, total: f64| Considered {
        name: name.into(),
        country: Some(country.into()),
        admin1: None,
        kind: PlaceKind::City,
        population: 1000,
        geonames_id: None,
        parts: ScoreParts {
            kind: 0.5,
            focus,
            total,
            ..ScoreParts::default()
        },
    };
    let mut p = raw.places[0].clone();
    p.why = Some(PlaceWhy {
        mention: "Northtown".into(),
        considered: 3,
        candidates: vec![
            cand("Northtown", "ZZ", 4.0, 4.5),
            cand("Northtown", "YY", 0.0, 0.5),
        ],
    });
    let (won, runner_up) = why_lines(&p).expect("a why");
    assert_eq!(won, "Northtown, ZZ: kind 0.5 + focus 4.0 = 4.5");
    assert_eq!(runner_up.as_deref(), Some("Northtown, YY: kind 0.5 = 0.5"));
    // A reader's choice is not the extractor's reading: no "Why".
    p.name = "Southtown".into();
    assert!(why_lines(&p).is_none());
}

/// The reducer does no I/O: each change records what it needs done (worker requests, storage)
/// in the outbox, in order, and the app runs them after rendering.
#[wasm_bindgen_test]
fn the_reducer_records_effects_and_does_no_io() {
    use casualty_lens::ui::state::Action;
    let s = Rc::new(AppState::default());
    let s = s.reduce(Action::AddTexts(vec![
        ("a.txt".into(), "Five people were killed.".into()),
        ("b.txt".into(), "Two were injured.".into()),
    ]));
    assert_eq!(s.docs.0.len(), 2);
    assert_eq!(s.outbox.kinds(), ["save-docs", "extract"]);
    let fx = s.outbox.take();
    match &fx[1] {
        casualty_lens::ui::effects::Effect::Extract { items, policy, .. } => {
            assert_eq!(items.len(), 2);
            assert_eq!(*policy, Policy::Literal);
        }
        _ => panic!("the second effect is the worker request"),
    }
    assert!(s.outbox.kinds().is_empty(), "taken effects are gone");
    // Settings and corrections are stored through effects too.
    let s = s.reduce(Action::ToggleCategory(Category::Injured));
    assert_eq!(s.outbox.kinds(), ["save-meta"]);
    s.outbox.take();
    // Removing a document deletes its record; undo stores it again and reads it again.
    let id = s.docs.0[0].id;
    let s = s.reduce(Action::Remove(id));
    assert_eq!(s.docs.0.len(), 1);
    assert_eq!(s.outbox.kinds(), ["delete-doc", "save-meta"]);
    s.outbox.take();
    let s = s.reduce(Action::Undo);
    assert_eq!(s.docs.0.len(), 2);
    assert_eq!(s.outbox.kinds(), ["save-docs", "extract", "save-meta"]);
    // A change that touches nothing outside records nothing.
    s.outbox.take();
    let s = s.reduce(Action::Activate(Some(0)));
    assert!(s.outbox.kinds().is_empty());
}

/// A text longer than the reader renders whole: many paragraphs with a figure each.
fn long_doc() -> (Rc<Doc>, String) {
    let mut text = String::new();
    let mut k = 0;
    while text.len() < 400_000 {
        k += 1;
        text.push_str(&format!(
            "On day {k}, officials said {} people were killed when a bomb went off near the \
             market. Roads were closed for hours while ambulances came and went.\n\n",
            k % 30 + 2
        ));
    }
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    let raw: DocumentReport = ex.extract("long.txt", &text);
    let (eff, review) = apply(&raw, &text, None, Policy::Literal);
    let mut d = Doc::new(2, "long.txt".into(), text.as_str().into());
    d.status = Status::Done;
    d.raw = Some(Rc::new(raw));
    d.eff = Some(Rc::new(eff));
    d.review = Rc::new(review);
    (Rc::new(d), text)
}

#[derive(Properties, PartialEq)]
struct LongProps {
    doc: Rc<Doc>,
    active: Option<usize>,
}

#[function_component(LongHarness)]
fn long_harness(p: &LongProps) -> Html {
    let state = use_reducer(AppState::default);
    html! {
        <Reader doc={p.doc.clone()} hidden={Vec::<Category>::new()} active={p.active} focus_seq={0}
            flash_seq={0} correcting={false} dispatch={state.dispatcher()} />
    }
}

/// A long text is cut into blocks: all of its text is in the page, but only the blocks near the
/// screen and the one holding the figure in focus carry highlights.
#[wasm_bindgen_test]
async fn a_long_text_renders_highlights_only_where_needed() {
    let (doc, text) = long_doc();
    let figures = doc.eff.as_ref().unwrap().figures.len();
    assert!(figures > 1000, "{figures}");
    let last = figures - 1;
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<LongHarness>::with_root_and_props(
        root.clone(),
        LongProps {
            doc,
            active: Some(last),
        },
    )
    .render();
    tick().await;
    tick().await;
    let article = root.query_selector("article.doc-text").unwrap().unwrap();
    assert_eq!(article.text_content().unwrap(), text);
    let blocks = article.query_selector_all("[data-block]").unwrap().length();
    let live = article
        .query_selector_all("[data-block][data-live]")
        .unwrap()
        .length();
    assert!(blocks > 20, "{blocks} blocks");
    assert!(live >= 1 && live < blocks / 4, "{live} of {blocks} live");
    let marks = article
        .query_selector_all("mark[data-fig]")
        .unwrap()
        .length() as usize;
    assert!(marks < figures / 4, "{marks} of {figures} highlighted");
    // The figure in focus is highlighted even though it is far from the screen.
    let focus = article
        .query_selector(&format!("mark[data-fig=\"{last}\"]"))
        .unwrap()
        .expect("the active figure's block is live");
    assert!(focus.class_list().contains("active"));
    root.remove();
}

/// The table's rows are a pure function of the documents and the query: filters, then order.
#[wasm_bindgen_test]
fn table_rows_filter_and_sort() {
    use casualty_lens::ui::model::{Docs, Verdict};
    use casualty_lens::ui::table::{all_rows, select, Col, Query, ReviewFilter};
    let reviewed = reviewed_doc(); // figure 0 rejected, figure 1 edited to 9
    let ex = Extractor::new(Gazetteer::empty(), Options::default());
    let text = "Officials said 40 people were killed and 3 were wounded; 12 were abducted.";
    let raw: DocumentReport = ex.extract("b.txt", text);
    let (eff, review) = apply(&raw, text, None, Policy::Literal);
    let mut b = Doc::new(2, "b.txt".into(), text.into());
    b.status = Status::Done;
    b.raw = Some(Rc::new(raw));
    b.eff = Some(Rc::new(eff));
    b.review = Rc::new(review);
    let docs = Docs(Rc::new(vec![reviewed, Rc::new(b)]));

    let all = all_rows(&docs, &[]);
    let n_b = docs.0[1].eff.as_ref().unwrap().figures.len();
    assert_eq!(
        all.len(),
        docs.0[0].eff.as_ref().unwrap().figures.len() + n_b
    );
    // Hidden categories are not rows at all.
    assert!(all_rows(&docs, &[Category::Killed])
        .iter()
        .all(|r| r.fig.category != Category::Killed));
    // Largest value first.
    let by_value = select(
        all.clone(),
        &Query {
            sort: Some(Col::Value),
            descending: true,
            ..Query::default()
        },
    );
    let values: Vec<u64> = by_value.iter().map(|r| r.fig.value).collect();
    let mut sorted = values.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(values, sorted);
    assert_eq!(values[0], 40);
    // One document, one category; the review filter keeps only rejected figures.
    let b_killed = select(
        all.clone(),
        &Query {
            doc: "b.txt".into(),
            category: "killed".into(),
            ..Query::default()
        },
    );
    assert_eq!(b_killed.len(), 1);
    assert_eq!(b_killed[0].doc_id, 2);
    let rejected = select(
        all,
        &Query {
            review: ReviewFilter {
                state: Some(Verdict::Rejected),
                below: None,
            },
            ..Query::default()
        },
    );
    assert_eq!(rejected.len(), 1);
    assert_eq!((rejected[0].doc_id, rejected[0].index), (1, 0));
}
