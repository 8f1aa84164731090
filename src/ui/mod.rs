//! The Yew web app (wasm32 only).

pub mod map;
pub mod projection;
pub mod topo;

use crate::{Extractor, Gazetteer, Options};
use yew::prelude::*;

/// Mounts the app on the page body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}

#[function_component(App)]
fn app() -> Html {
    let text = use_state(String::new);
    let report = {
        let ex = Extractor::new(Gazetteer::empty(), Options::default());
        ex.extract("pasted", &text)
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(el.value());
        })
    };
    html! {
        <main>
            <h1>{ "Casualty Lens" }</h1>
            <textarea {oninput} />
            <p>{ format!("{} figures", report.figures.len()) }</p>
        </main>
    }
}
