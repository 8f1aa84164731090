//! The app shell: header with status and exports, the input and documents sidebar, and the
//! tabbed main panel. Starts the worker, restores saved work and installs the keyboard keys.

use super::about::About;
use super::bridge::{Bridge, GazStatus, WorkerEvent};
use super::docs::DocList;
use super::export::ExportBar;
use super::help::Help;
use super::helpers;
use super::incidents::IncidentsView;
use super::input::Input;
use super::mapview::{fetch_basemap, MapView};
use super::model::{Corrections, Status};
use super::protocol::{get_f64, get_str};
use super::reader::Reader;
use super::search::SearchBar;
use super::settings::SettingsPanel;
use super::state::{Action, AppState, ReviewKey, Settings, Stored, Theme, View};
use super::table::FigureTable;
use crate::report::model::Category;
use crate::Policy;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

async fn restore(dispatch: UseReducerDispatcher<AppState>) {
    let docs = helpers::wait(helpers::get_all_docs()).await;
    let settings = helpers::wait(helpers::get_meta("settings"))
        .await
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|s| serde_json::from_str::<Settings>(&s).ok());
    let corrections = helpers::wait(helpers::get_meta("corrections"))
        .await
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|s| serde_json::from_str::<Corrections>(&s).ok())
        .unwrap_or_default();
    let stored = match docs {
        Ok(v) => js_sys::Array::from(&v)
            .iter()
            .map(|r| Stored {
                id: get_f64(&r, "id").unwrap_or(0.0) as u32,
                name: get_str(&r, "name").unwrap_or_default(),
                text: get_str(&r, "text").unwrap_or_default(),
                error: get_str(&r, "error"),
                pages: super::bridge::pages_of(&r).unwrap_or_default(),
            })
            .collect(),
        Err(e) => {
            web_sys::console::warn_2(&"casualty-lens: saved work unavailable".into(), &e);
            Vec::new()
        }
    };
    dispatch.dispatch(Action::Restore(stored, corrections, settings));
}

fn install_keys(dispatch: UseReducerDispatcher<AppState>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let handler = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            })
            .unwrap_or(false);
        if typing || e.alt_key() {
            return; // text fields keep their own undo and letters
        }
        let key = e.key().to_lowercase();
        if e.ctrl_key() || e.meta_key() {
            let action = match key.as_str() {
                "z" if e.shift_key() => Action::Redo,
                "z" => Action::Undo,
                "y" => Action::Redo,
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(action);
            return;
        }
        let now = js_sys::Date::now();
        let action = match key.as_str() {
            "j" | "n" => Action::Step(1),
            "k" | "p" => Action::Step(-1),
            "a" => Action::ReviewActive(ReviewKey::Accept, now),
            "r" | "x" => Action::ReviewActive(ReviewKey::Reject, now),
            "u" => Action::ReviewActive(ReviewKey::Restore, now),
            "e" => Action::EditActive,
            _ => return,
        };
        if key == "e" {
            e.prevent_default(); // the "e" must not land in the form it opens
        }
        dispatch.dispatch(action);
    });
    let _ = doc.add_event_listener_with_callback("keydown", handler.as_ref().unchecked_ref());
    handler.forget();
}

fn tab(label: &str, view: View, current: View, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let d = dispatch.clone();
    let selected = view == current;
    let id = format!("tab-{}", label.to_lowercase());
    html! {
        <button role="tab" id={id} class={classes!("tab", selected.then_some("on"))}
            aria-selected={selected.to_string()} aria-controls="panel"
            onclick={Callback::from(move |_| d.dispatch(Action::SetView(view)))}>
            { label }
        </button>
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let dispatch = state.dispatcher();
    // The worker, started once; the reducer never holds it (it records effects instead).
    let bridge = use_mut_ref(|| None::<Bridge>);
    {
        let dispatch = dispatch.clone();
        let bridge = bridge.clone();
        use_effect_with((), move |_| {
            let d = dispatch.clone();
            match Bridge::new(Callback::from(move |ev: WorkerEvent| {
                d.dispatch(Action::Worker(ev))
            })) {
                Ok(b) => *bridge.borrow_mut() = Some(b),
                Err(e) => dispatch.dispatch(Action::Worker(WorkerEvent::Fatal(e))),
            }
            wasm_bindgen_futures::spawn_local(restore(dispatch.clone()));
            install_keys(dispatch);
        });
    }
    // The views' narrow callbacks, made once: each says what happened; the app turns it into
    // an action.
    let on_reveal = use_callback(dispatch.clone(), |(doc, fig): (u32, usize), d| {
        d.dispatch(Action::Reveal(doc, fig))
    });
    let on_place = use_callback(dispatch.clone(), |p: Option<String>, d| {
        d.dispatch(Action::FilterPlace(p))
    });
    let on_by_incident = use_callback(dispatch.clone(), |on: bool, d| {
        d.dispatch(Action::SetMapByIncident(on))
    });
    let on_policy = use_callback(dispatch.clone(), |p: Policy, d| {
        d.dispatch(Action::SetPolicy(p))
    });
    let on_theme = use_callback(dispatch.clone(), |t: Theme, d| {
        d.dispatch(Action::SetTheme(t))
    });
    let on_toggle = use_callback(dispatch.clone(), |c: Category, d| {
        d.dispatch(Action::ToggleCategory(c))
    });
    let on_select = use_callback(dispatch.clone(), |id: u32, d| {
        d.dispatch(Action::Select(id))
    });
    let on_remove = use_callback(dispatch.clone(), |id: u32, d| {
        d.dispatch(Action::Remove(id))
    });
    let on_clear = use_callback(dispatch.clone(), |_: (), d| d.dispatch(Action::ClearAll));
    let on_page = use_callback(dispatch.clone(), |p: usize, d| {
        d.dispatch(Action::SetDocPage(p))
    });
    // After every render: what the changes asked for (worker requests, storage), in order.
    {
        let outbox = state.outbox.clone();
        let bridge = bridge.clone();
        use_effect(move || {
            for e in outbox.take() {
                super::effects::run(e, bridge.borrow().as_ref());
            }
        });
    }
    // The basemap, fetched once, the first time the map is shown.
    let basemap = use_state(|| (AttrValue::Static(""), None::<String>));
    let basemap_asked = use_mut_ref(|| false);
    {
        let basemap = basemap.clone();
        use_effect_with(state.view == View::Map, move |on_map| {
            if *on_map && !*basemap_asked.borrow() {
                *basemap_asked.borrow_mut() = true;
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_basemap().await {
                        Ok(t) => basemap.set((AttrValue::from(t), None)),
                        Err(e) => basemap.set((AttrValue::Static(""), Some(e))),
                    }
                });
            }
        });
    }
    // On a narrow screen the documents list sits above the text: choosing a document brings
    // its text into view.
    use_effect_with(state.select_seq, |seq| {
        if *seq == 0 {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        let narrow = w
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .is_some_and(|px| px <= 860.0);
        if let (true, Some(el)) = (
            narrow,
            w.document().and_then(|d| d.get_element_by_id("panel")),
        ) {
            el.scroll_into_view();
        }
    });
    use_effect_with(state.settings.theme, |theme| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let v = match theme {
                Theme::System => "system",
                Theme::Light => "light",
                Theme::Dark => "dark",
            };
            let _ = root.set_attribute("data-theme", v);
        }
    });

    let docs = &state.docs.0;
    let done = docs.iter().filter(|d| d.status == Status::Done).count();
    let failed = docs
        .iter()
        .filter(|d| matches!(d.status, Status::Failed(_)))
        .count();
    let figures: usize = docs
        .iter()
        .filter_map(|d| d.eff.as_ref())
        .map(|r| r.figures.len())
        .sum();
    let mbps = if state.stats.ms > 0.0 {
        state.stats.bytes / 1_000_000.0 / (state.stats.ms / 1000.0)
    } else {
        0.0
    };
    let gaz_class = match state.gazetteer.0 {
        GazStatus::Loading => "gaz loading",
        GazStatus::Ready => "gaz ready",
        GazStatus::Failed => "gaz failed",
    };
    let progress = if state.pending > 0 {
        let total = state.run_total.max(state.pending);
        html! {
            <div class="progress">
                <progress max={total.to_string()} value={(total - state.pending).to_string()}
                    aria-label="Reading documents" />
                <span>{ format!("Reading {} of {}", total - state.pending, total) }</span>
            </div>
        }
    } else {
        html! {}
    };
    let selected = state.selected_doc();
    let panel_tab = match state.view {
        View::Read => "tab-read",
        View::Table => "tab-table",
        View::Incidents => "tab-incidents",
        View::Map => "tab-map",
        View::Settings => "tab-settings",
        View::About => "tab-about",
        View::Help => "tab-help",
    };
    let undo_label = state.history.undo.last().map(|s| s.label.clone());
    let redo_label = state.history.redo.last().map(|s| s.label.clone());
    let panel = match state.view {
        View::Read => match selected {
            Some(doc) => {
                let country = state
                    .corrections
                    .get(&doc.name)
                    .and_then(|c| c.country.clone());
                html! {
                <Reader doc={doc} hidden={state.settings.hidden.clone()} active={state.active}
                    focus_seq={state.focus_seq} flash_seq={state.flash_seq}
                    correcting={state.correcting} unreviewed_only={state.unreviewed_only}
                    edit_seq={state.edit_seq} search={state.search.clone()} dispatch={dispatch.clone()}
                    country={country} />
                }
            }
            None => html! {
                <div class="empty">
                    <h2>{ "No document open" }</h2>
                    <p>{ "Drop news articles (.txt, .md, .html) on the drop zone, choose files, paste text, or try the sample articles. Everything stays in this browser." }</p>
                </div>
            },
        },
        View::Table => html! {
            <FigureTable docs={state.docs.clone()} hidden={state.settings.hidden.clone()}
                place={state.place_filter.clone()} on_reveal={on_reveal.clone()}
                on_place={on_place.clone()} />
        },
        View::Incidents => html! {
            <IncidentsView docs={state.docs.clone()} on_reveal={on_reveal.clone()} />
        },
        View::Map => html! {
            <MapView docs={state.docs.clone()} hidden={state.settings.hidden.clone()}
                by_incident={state.map_by_incident}
                basemap={basemap.0.clone()} basemap_error={basemap.1.clone()}
                place={state.place_filter.clone()} on_place={on_place.clone()}
                on_by_incident={on_by_incident.clone()} on_reveal={on_reveal.clone()} />
        },
        View::Settings => html! {
            <SettingsPanel settings={state.settings.clone()} on_policy={on_policy.clone()}
                on_theme={on_theme.clone()} on_toggle={on_toggle.clone()} />
        },
        View::About => html! { <About /> },
        View::Help => html! { <Help /> },
    };
    html! {
        <div class="app">
            <a class="skip" href="#panel">{ "Skip to the document" }</a>
            <header class="top">
                <div class="brand">
                    <img src="favicon.svg" alt="" width="28" height="28" />
                    <h1>{ "Casualty Lens" }</h1>
                </div>
                <p class="status" role="status" aria-live="polite"
                    data-mbps={format!("{mbps:.3}")} data-bytes={format!("{}", state.stats.bytes)}
                    data-ms={format!("{:.3}", state.stats.ms)} data-pending={state.pending.to_string()}>
                    { format!("{} documents · {} read · {} failed · {} figures", docs.len(), done, failed, figures) }
                    if state.stats.bytes > 200_000.0 {
                        { format!(" · extraction {mbps:.1} MB/s") }
                    }
                    <span class={gaz_class} title={state.gazetteer.1.clone()}>
                        // The details (size, load time) in the tooltip; the bar stays short.
                        { format!(" · {}", state.gazetteer.1.split(" (").next().unwrap_or_default()) }
                    </span>
                </p>
                { progress }
                if let Some(e) = &state.error {
                    <p class="error" role="alert">{ e }</p>
                }
                <div class="history" role="group" aria-label="Undo and redo">
                    <button type="button" class="undo" disabled={undo_label.is_none()}
                        title={undo_label.clone().map(|l| format!("Undo {l} (Ctrl+Z)")).unwrap_or_else(|| "Nothing to undo".into())}
                        onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::Undo)) }}>
                        { "↶ Undo" }
                    </button>
                    <button type="button" class="redo" disabled={redo_label.is_none()}
                        title={redo_label.clone().map(|l| format!("Redo {l} (Ctrl+Shift+Z)")).unwrap_or_else(|| "Nothing to redo".into())}
                        onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::Redo)) }}>
                        { "↷ Redo" }
                    </button>
                </div>
                <ExportBar docs={state.docs.clone()}
                    on_notice={{ let d = dispatch.clone(); Callback::from(move |m: String| d.dispatch(Action::Notice(Some(m)))) }} />
                <p class="notice" role="status" aria-live="polite">{ state.notice.clone().unwrap_or_default() }</p>
            </header>
            <aside class="side" aria-label="Input and documents">
                <Input dispatch={dispatch.clone()} />
                <DocList docs={state.docs.clone()} selected={state.selected}
                    page={state.doc_page} {on_select} {on_remove} {on_clear} {on_page} />
            </aside>
            <main class="main">
                <SearchBar docs={state.docs.clone()} search={state.search.clone()}
                    on_search={{ let d = dispatch.clone(); Callback::from(move |s| d.dispatch(Action::SetSearch(s))) }}
                    on_open={{ let d = dispatch.clone(); Callback::from(move |id| d.dispatch(Action::Select(id))) }} />
                <nav class="tabs" role="tablist" aria-label="Views">
                    { tab("Read", View::Read, state.view, &dispatch) }
                    { tab("Table", View::Table, state.view, &dispatch) }
                    { tab("Incidents", View::Incidents, state.view, &dispatch) }
                    { tab("Map", View::Map, state.view, &dispatch) }
                    { tab("Settings", View::Settings, state.view, &dispatch) }
                    { tab("Help", View::Help, state.view, &dispatch) }
                    { tab("About", View::About, state.view, &dispatch) }
                </nav>
                <section id="panel" role="tabpanel" class="panel" tabindex="-1" aria-labelledby={panel_tab}>
                    { panel }
                </section>
            </main>
        </div>
    }
}
