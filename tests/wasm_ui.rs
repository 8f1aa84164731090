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
