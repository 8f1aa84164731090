//! The app state and every change to it (a Yew reducer). Persistence and worker requests are
//! issued here, next to the change that needs them, so they can never drift apart.

use super::bridge::{Bridge, GazStatus, Item, ResultItem, WorkerEvent};
use super::helpers;
use super::model::{effective, Added, Corrections, Doc, Review, Status};
use super::protocol::set;
use crate::report::model::Category;
use crate::Policy;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::prelude::*;

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// The user's settings (persisted).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// Coding policy for bounds and totals.
    pub policy: Policy,
    /// Categories the user hid.
    pub hidden: Vec<Category>,
    /// Colour theme.
    pub theme: Theme,
}

/// Which panel is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The reading view of the selected document.
    Read,
    /// The figures table with totals.
    Table,
    /// The world map of places, above the figures table.
    Map,
    /// Settings.
    Settings,
    /// About and privacy.
    About,
}

/// The documents, compared by pointer so unchanged lists skip re-rendering.
#[derive(Clone, Default)]
pub struct Docs(pub Rc<Vec<Rc<Doc>>>);

impl PartialEq for Docs {
    fn eq(&self, other: &Docs) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Throughput of the worker so far.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    /// Bytes of text extracted.
    pub bytes: f64,
    /// Time spent extracting (ms).
    pub ms: f64,
}

/// Everything the app shows.
#[derive(Clone)]
pub struct AppState {
    /// Documents in input order.
    pub docs: Docs,
    /// Next document id.
    pub next_id: u32,
    /// The document in the reading view.
    pub selected: Option<u32>,
    /// Panel shown.
    pub view: View,
    /// Settings.
    pub settings: Settings,
    /// Reviewer corrections by document name.
    pub corrections: Rc<Corrections>,
    /// Gazetteer state and status line.
    pub gazetteer: (GazStatus, String),
    /// Worker throughput.
    pub stats: Stats,
    /// Documents of the current run still being read, and the run's size.
    pub pending: usize,
    /// Size of the current run.
    pub run_total: usize,
    /// The figure in focus in the reading view.
    pub active: Option<usize>,
    /// Bumped to move keyboard focus to `active`.
    pub focus_seq: u32,
    /// Bumped to flash `active`'s sentence.
    pub flash_seq: u32,
    /// Correction mode on.
    pub correcting: bool,
    /// Page of the documents list.
    pub doc_page: usize,
    /// The figures table shows only this place (picked in the table or on the map).
    pub place_filter: Option<String>,
    /// A problem to show (worker failure...).
    pub error: Option<String>,
    /// The worker.
    pub bridge: Option<Rc<Bridge>>,
}

impl Default for AppState {
    fn default() -> AppState {
        AppState {
            docs: Docs::default(),
            next_id: 1,
            selected: None,
            view: View::Read,
            settings: Settings::default(),
            corrections: Rc::new(Corrections::new()),
            gazetteer: (GazStatus::Loading, "Loading place names…".into()),
            stats: Stats::default(),
            pending: 0,
            run_total: 0,
            active: None,
            focus_seq: 0,
            flash_seq: 0,
            correcting: false,
            doc_page: 0,
            place_filter: None,
            error: None,
            bridge: None,
        }
    }
}

/// A document record as stored in IndexedDB.
pub struct Stored {
    /// Id.
    pub id: u32,
    /// Name.
    pub name: String,
    /// Text.
    pub text: String,
    /// Failure reason.
    pub error: Option<String>,
}

/// Changes to the state.
pub enum Action {
    /// The worker is up.
    Init(Rc<Bridge>),
    /// Saved work from IndexedDB.
    Restore(Vec<Stored>, Corrections, Option<Settings>),
    /// Files the worker should read.
    AddFiles(Vec<web_sys::File>),
    /// Texts (name, text) ready for extraction.
    AddTexts(Vec<(String, String)>),
    /// Files that could not be taken (name, reason).
    AddFailed(Vec<(String, String)>),
    /// A message from the worker.
    Worker(WorkerEvent),
    /// Show a document.
    Select(u32),
    /// Remove a document.
    Remove(u32),
    /// Remove every document and correction.
    ClearAll,
    /// Show a panel.
    SetView(View),
    /// Change the coding policy (re-extracts).
    SetPolicy(Policy),
    /// Show or hide a category.
    ToggleCategory(Category),
    /// Change the theme.
    SetTheme(Theme),
    /// Focus a figure of the selected document (None clears).
    Activate(Option<usize>),
    /// Move to the next (+1) or previous (-1) visible figure.
    Step(i32),
    /// Show a figure in the reading view and flash its sentence.
    Reveal(u32, usize),
    /// Set a review of an extracted figure of a document.
    Review(u32, Review),
    /// Add a figure to a document (replacing an added one with the same span).
    AddFigure(u32, Added),
    /// Remove an added figure (document, start, end).
    RemoveAdded(u32, usize, usize),
    /// Correction mode on/off.
    SetCorrecting(bool),
    /// Page of the documents list.
    SetDocPage(usize),
    /// Show only one place's figures in the table (None: all places).
    FilterPlace(Option<String>),
}

fn stored_record(id: u32, name: &str, text: &str, error: Option<&str>) -> js_sys::Object {
    let o = js_sys::Object::new();
    set(&o, "id", id);
    set(&o, "name", name);
    set(&o, "text", text);
    if let Some(e) = error {
        set(&o, "error", e);
    }
    o
}

fn save(records: &[js_sys::Object]) {
    if records.is_empty() {
        return;
    }
    let arr = js_sys::Array::new();
    for r in records {
        arr.push(r);
    }
    helpers::background(helpers::put_docs(&arr));
}

fn save_settings(s: &Settings) {
    if let Ok(json) = serde_json::to_string(s) {
        helpers::background(helpers::put_meta("settings", &json));
    }
}

fn save_corrections(c: &Corrections) {
    if let Ok(json) = serde_json::to_string(c) {
        helpers::background(helpers::put_meta("corrections", &json));
    }
}

impl AppState {
    /// The selected document.
    pub fn selected_doc(&self) -> Option<Rc<Doc>> {
        let id = self.selected?;
        self.docs.0.iter().find(|d| d.id == id).cloned()
    }

    fn resubmit_all(&self) {
        let Some(bridge) = &self.bridge else { return };
        let items: Vec<Item> = self
            .docs
            .0
            .iter()
            .filter(|d| !matches!(d.status, Status::Failed(_)) && !d.text.is_empty())
            .map(|d| Item::Text {
                id: d.id,
                name: d.name.clone(),
                text: d.text.clone(),
            })
            .collect();
        bridge.extract(self.settings.policy, items);
    }

    /// Recomputes the corrected report of every document called `name`.
    fn reapply(&mut self, name: &str) {
        let corr = self.corrections.get(name).cloned();
        let policy = self.settings.policy;
        let docs = Rc::make_mut(&mut self.docs.0);
        for d in docs.iter_mut().filter(|d| d.name == name) {
            if let Some(raw) = &d.raw {
                let (eff, review) = effective(raw, &d.text, corr.as_ref(), policy);
                let dm = Rc::make_mut(d);
                dm.eff = Some(eff);
                dm.review = Rc::new(review);
            }
        }
    }

    fn add_docs(&mut self, docs: Vec<Doc>) {
        if docs.is_empty() {
            return;
        }
        if self.pending == 0 {
            self.run_total = 0;
        }
        let list = Rc::make_mut(&mut self.docs.0);
        for d in docs {
            if d.status == Status::Reading {
                self.pending += 1;
                self.run_total += 1;
            }
            list.push(Rc::new(d));
        }
    }

    fn results(&mut self, items: Vec<ResultItem>, bytes: f64, ms: f64) {
        self.stats.bytes += bytes;
        self.stats.ms += ms;
        let policy = self.settings.policy;
        let corrections = self.corrections.clone();
        let mut records = Vec::new();
        let mut first_done = None;
        let list = Rc::make_mut(&mut self.docs.0);
        for it in items {
            let Some(d) = list.iter_mut().find(|d| d.id == it.id) else {
                continue; // removed meanwhile
            };
            let d = Rc::make_mut(d);
            if d.status == Status::Reading {
                self.pending = self.pending.saturating_sub(1);
            }
            if let Some(t) = it.text {
                d.text = t.into();
                records.push(stored_record(d.id, &d.name, &d.text, None));
            }
            match it.report {
                Ok(raw) => {
                    let raw = Rc::new(raw);
                    let (eff, review) = effective(&raw, &d.text, corrections.get(&d.name), policy);
                    d.raw = Some(raw);
                    d.eff = Some(eff);
                    d.review = Rc::new(review);
                    d.status = Status::Done;
                    first_done.get_or_insert(d.id);
                }
                Err(e) => {
                    records.push(stored_record(d.id, &d.name, &d.text, Some(&e)));
                    d.status = Status::Failed(e);
                }
            }
        }
        save(&records);
        if self.selected.is_none() {
            self.selected = first_done;
        }
    }

    fn visible_figures(&self) -> Vec<usize> {
        let Some(doc) = self.selected_doc() else {
            return Vec::new();
        };
        let Some(r) = &doc.eff else {
            return Vec::new();
        };
        r.figures
            .iter()
            .enumerate()
            .filter(|(_, f)| !self.settings.hidden.contains(&f.category))
            .map(|(i, _)| i)
            .collect()
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = Rc::unwrap_or_clone(self);
        match action {
            Action::Init(bridge) => s.bridge = Some(bridge),
            Action::Restore(stored, corrections, settings) => {
                if let Some(settings) = settings {
                    s.settings = settings;
                }
                s.corrections = Rc::new(corrections);
                let mut docs = Vec::new();
                let mut items = Vec::new();
                for st in stored {
                    s.next_id = s.next_id.max(st.id.saturating_add(1));
                    let mut d = Doc::new(st.id, st.name, st.text.into());
                    match st.error {
                        Some(e) => d.status = Status::Failed(e),
                        None => items.push(Item::Text {
                            id: d.id,
                            name: d.name.clone(),
                            text: d.text.clone(),
                        }),
                    }
                    docs.push(d);
                }
                s.add_docs(docs);
                if let Some(b) = &s.bridge {
                    b.extract(s.settings.policy, items);
                }
            }
            Action::AddFiles(files) => {
                let mut docs = Vec::new();
                let mut items = Vec::new();
                for file in files {
                    let id = s.next_id;
                    s.next_id += 1;
                    docs.push(Doc::new(id, file.name(), "".into()));
                    items.push(Item::File {
                        id,
                        name: file.name(),
                        file,
                    });
                }
                s.add_docs(docs);
                if let Some(b) = &s.bridge {
                    b.extract(s.settings.policy, items);
                }
            }
            Action::AddTexts(texts) => {
                let mut docs = Vec::new();
                let mut items = Vec::new();
                let mut records = Vec::new();
                for (name, text) in texts {
                    let id = s.next_id;
                    s.next_id += 1;
                    let text: Rc<str> = text.into();
                    records.push(stored_record(id, &name, &text, None));
                    items.push(Item::Text {
                        id,
                        name: name.clone(),
                        text: text.clone(),
                    });
                    docs.push(Doc::new(id, name, text));
                }
                save(&records);
                s.add_docs(docs);
                if let Some(b) = &s.bridge {
                    b.extract(s.settings.policy, items);
                }
            }
            Action::AddFailed(failed) => {
                let mut docs = Vec::new();
                let mut records = Vec::new();
                for (name, reason) in failed {
                    let id = s.next_id;
                    s.next_id += 1;
                    records.push(stored_record(id, &name, "", Some(&reason)));
                    let mut d = Doc::new(id, name, "".into());
                    d.status = Status::Failed(reason);
                    docs.push(d);
                }
                save(&records);
                s.add_docs(docs);
            }
            Action::Worker(WorkerEvent::Results(items, bytes, ms)) => s.results(items, bytes, ms),
            Action::Worker(WorkerEvent::Gazetteer(status, detail)) => {
                let was = s.gazetteer.0;
                s.gazetteer = (status, detail);
                if status == GazStatus::Ready && was != GazStatus::Ready {
                    s.resubmit_all();
                }
            }
            Action::Worker(WorkerEvent::Fatal(e)) => s.error = Some(e),
            Action::Select(id) => {
                if s.selected != Some(id) {
                    s.active = None;
                }
                s.selected = Some(id);
                s.view = View::Read;
            }
            Action::Remove(id) => {
                let list = Rc::make_mut(&mut s.docs.0);
                if let Some(pos) = list.iter().position(|d| d.id == id) {
                    if list[pos].status == Status::Reading {
                        s.pending = s.pending.saturating_sub(1);
                    }
                    list.remove(pos);
                }
                helpers::background(helpers::delete_doc(id));
                if s.selected == Some(id) {
                    s.selected = s.docs.0.first().map(|d| d.id);
                    s.active = None;
                }
            }
            Action::ClearAll => {
                s.docs = Docs::default();
                s.corrections = Rc::new(Corrections::new());
                s.selected = None;
                s.active = None;
                s.pending = 0;
                s.run_total = 0;
                s.doc_page = 0;
                s.place_filter = None;
                helpers::background(helpers::clear_docs());
                save_corrections(&s.corrections);
            }
            Action::SetView(v) => s.view = v,
            Action::SetPolicy(p) => {
                if s.settings.policy != p {
                    s.settings.policy = p;
                    save_settings(&s.settings);
                    s.resubmit_all();
                }
            }
            Action::ToggleCategory(c) => {
                if let Some(i) = s.settings.hidden.iter().position(|h| *h == c) {
                    s.settings.hidden.remove(i);
                } else {
                    s.settings.hidden.push(c);
                }
                save_settings(&s.settings);
            }
            Action::SetTheme(t) => {
                s.settings.theme = t;
                save_settings(&s.settings);
            }
            Action::Activate(i) => s.active = i,
            Action::Step(dir) => {
                let vis = s.visible_figures();
                if !vis.is_empty() {
                    let next = match s.active {
                        None if dir >= 0 => vis[0],
                        None => vis[vis.len() - 1],
                        Some(a) if dir >= 0 => {
                            vis.iter().copied().find(|i| *i > a).unwrap_or(vis[0])
                        }
                        Some(a) => vis
                            .iter()
                            .rev()
                            .copied()
                            .find(|i| *i < a)
                            .unwrap_or(vis[vis.len() - 1]),
                    };
                    s.active = Some(next);
                    s.focus_seq += 1;
                }
            }
            Action::Reveal(doc, fig) => {
                s.selected = Some(doc);
                s.view = View::Read;
                s.active = Some(fig);
                s.flash_seq += 1;
                s.focus_seq += 1;
            }
            Action::Review(doc, review) => {
                if let Some(name) = s
                    .docs
                    .0
                    .iter()
                    .find(|d| d.id == doc)
                    .map(|d| d.name.clone())
                {
                    Rc::make_mut(&mut s.corrections)
                        .entry(name.clone())
                        .or_default()
                        .set_review(review);
                    save_corrections(&s.corrections);
                    s.reapply(&name);
                }
            }
            Action::AddFigure(doc, added) => {
                if let Some(name) = s
                    .docs
                    .0
                    .iter()
                    .find(|d| d.id == doc)
                    .map(|d| d.name.clone())
                {
                    let c = Rc::make_mut(&mut s.corrections)
                        .entry(name.clone())
                        .or_default();
                    c.added
                        .retain(|a| !(a.start == added.start && a.end == added.end));
                    let (start, end) = (added.start, added.end);
                    c.added.push(added);
                    save_corrections(&s.corrections);
                    s.reapply(&name);
                    s.active = s.selected_doc().and_then(|d| {
                        d.review
                            .iter()
                            .position(|f| f.start == start && f.end == end)
                    });
                }
            }
            Action::RemoveAdded(doc, start, end) => {
                if let Some(name) = s
                    .docs
                    .0
                    .iter()
                    .find(|d| d.id == doc)
                    .map(|d| d.name.clone())
                {
                    if let Some(c) = Rc::make_mut(&mut s.corrections).get_mut(&name) {
                        c.added.retain(|a| !(a.start == start && a.end == end));
                    }
                    save_corrections(&s.corrections);
                    s.reapply(&name);
                    s.active = None;
                }
            }
            Action::SetCorrecting(on) => s.correcting = on,
            Action::SetDocPage(p) => s.doc_page = p,
            Action::FilterPlace(p) => s.place_filter = p.filter(|p| !p.is_empty()),
        }
        Rc::new(s)
    }
}
