//! `WorldMap` mounted in headless Chromium: the basemap draws, every marker is there with its
//! data attribute, and clicking or pressing Enter on a marker reports the place.
#![cfg(target_arch = "wasm32")]

use casualty_lens::ui::map::{MapMarker, WorldMap};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const BASEMAP: &str = include_str!("../www/basemap/countries-110m.json");

thread_local! {
    static SELECTED: RefCell<Vec<Option<String>>> = const { RefCell::new(Vec::new()) };
}

fn markers() -> Vec<MapMarker> {
    vec![
        MapMarker {
            name: "Northtown \"<b>\"".into(),
            lat: 33.3,
            lon: 44.4,
            killed: 12,
            injured: 7,
            figures: vec!["12 killed — a.txt".into(), "7 injured — a.txt".into()],
        },
        MapMarker {
            name: "Southport".into(),
            lat: -17.8,
            lon: 178.4,
            killed: 0,
            injured: 0,
            figures: vec![],
        },
    ]
}

#[function_component(Harness)]
fn harness() -> Html {
    let on_select = Callback::from(|p: Option<String>| SELECTED.with(|s| s.borrow_mut().push(p)));
    html! {
        <WorldMap topology={AttrValue::Static(BASEMAP)} markers={markers()}
                  selected={Some("Southport".to_string())} {on_select} />
    }
}

async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

#[wasm_bindgen_test]
async fn world_map_renders_markers_and_reports_clicks() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root(root.clone()).render();
    tick().await;

    // The basemap: 177 countries, drawn once.
    let countries = root
        .query_selector_all("path.map-country")
        .unwrap()
        .length();
    assert_eq!(countries, 177);
    assert!(root
        .query_selector("path[data-country=\"Iraq\"]")
        .unwrap()
        .is_some());

    // Both markers, found by their data attribute (the name is an attribute, never markup).
    assert_eq!(
        root.query_selector_all("[data-marker]").unwrap().length(),
        2
    );
    let north = root
        .query_selector("circle[data-marker=\"Northtown \\\"<b>\\\"\"]")
        .unwrap()
        .expect("Northtown marker");
    let south = root
        .query_selector("circle[data-marker=\"Southport\"]")
        .unwrap()
        .expect("Southport marker");
    assert!(root.query_selector("b").unwrap().is_none());
    assert_eq!(north.get_attribute("role").as_deref(), Some("button"));
    assert_eq!(north.get_attribute("tabindex").as_deref(), Some("0"));
    assert!(north
        .get_attribute("aria-label")
        .unwrap_or_default()
        .contains("12 killed, 7 injured"));
    assert!(north
        .text_content()
        .unwrap_or_default()
        .contains("7 injured — a.txt"));
    // Sizes: sqrt scale with a floor; the selected marker is flagged.
    let r = |e: &web_sys::Element| -> f64 {
        e.get_attribute("r")
            .and_then(|r| r.parse().ok())
            .unwrap_or(0.0)
    };
    assert!(r(&north) > r(&south) && r(&south) > 0.0);
    let class = south.get_attribute("class").unwrap_or_default();
    assert!(class.contains("selected"), "{class}");
    assert!(class.contains("zero"), "{class}");
    assert_eq!(south.get_attribute("aria-pressed").as_deref(), Some("true"));

    // Focusing a marker shows its tooltip and keeps focus (the map is not re-inserted).
    let focus: js_sys::Function = js_sys::Reflect::get(&north, &"focus".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    focus.call0(&north).unwrap();
    tick().await;
    let tip = root
        .query_selector(".map-tooltip")
        .unwrap()
        .expect("tooltip");
    assert!(tip
        .text_content()
        .unwrap_or_default()
        .contains("12 killed — a.txt"));
    let active = document
        .active_element()
        .and_then(|e| e.get_attribute("data-marker"));
    assert_eq!(active.as_deref(), Some("Northtown \"<b>\""));

    // Click a marker: its name; click the selected one: clear; Enter on a marker: its name.
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    north.dispatch_event(&click).unwrap();
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    south.dispatch_event(&click).unwrap();
    let kinit = web_sys::KeyboardEventInit::new();
    kinit.set_bubbles(true);
    kinit.set_key("Enter");
    let enter =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &kinit).unwrap();
    north.dispatch_event(&enter).unwrap();
    // A click on the map background clears the selection.
    let svg = root.query_selector("svg.map-svg").unwrap().unwrap();
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    svg.dispatch_event(&click).unwrap();
    tick().await;
    let got = SELECTED.with(|s| s.borrow().clone());
    assert_eq!(
        got,
        vec![
            Some("Northtown \"<b>\"".to_string()),
            None,
            Some("Northtown \"<b>\"".to_string()),
            None
        ]
    );

    // Zoom buttons change only the transform of the zoom group.
    let g = root.query_selector("g.map-zoom").unwrap().unwrap();
    let before = g.get_attribute("transform");
    let plus = root
        .query_selector("button.map-zoom-in")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    plus.click();
    tick().await;
    assert_ne!(g.get_attribute("transform"), before);
    assert_eq!(
        root.query_selector_all("path.map-country")
            .unwrap()
            .length(),
        177
    );
}
