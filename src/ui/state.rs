//! The app state and every change to it (a Yew reducer). The reducer is pure: persistence and
//! worker requests are recorded, next to the change that needs them, as effects in the state's
//! [`Outbox`], and the app runs them after rendering ([`super::effects::run`]).

use super::bridge::{GazStatus, Item, ResultItem, WorkerEvent};
use super::effects::{Effect, Outbox, Record};
use super::model::{
    effective, Added, Corrections, Doc, Docs, IncidentEdit, PlaceChoice, Review, Status, Verdict,
};
use super::search::Search;
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
    /// The incidents across documents.
    Incidents,
    /// The world map of places, above the figures table.
    Map,
    /// Settings.
    Settings,
    /// About and privacy.
    About,
    /// The guide: bounds, policies, totals, keys.
    Help,
}

/// Throughput of the worker so far.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    /// Bytes of text extracted.
    pub bytes: f64,
    /// Time spent extracting (ms).
    pub ms: f64,
}

/// How an undo step changes the documents list.
#[derive(Clone)]
pub enum DocsChange {
    /// Corrections only.
    Keep,
    /// Put these documents back at these positions (ascending).
    Reinsert(Vec<(usize, Rc<Doc>)>),
    /// Take these documents out again.
    RemoveIds(Vec<u32>),
}

/// One undoable change, as the state to go back to: the corrections before it and what it did
/// to the documents list. Undoing a step gives the step that redoes it.
#[derive(Clone)]
pub struct Step {
    /// What it was ("rejection of “14” in a.txt").
    pub label: String,
    /// The corrections to restore.
    pub corrections: Rc<Corrections>,
    /// The documents to put back or take out.
    pub docs: DocsChange,
}

/// Undo and redo stacks (most recent last), each at most [`HISTORY`] steps.
#[derive(Clone, Default)]
pub struct History {
    /// Steps to undo.
    pub undo: Vec<Step>,
    /// Steps to redo.
    pub redo: Vec<Step>,
}

/// Undo steps kept.
pub const HISTORY: usize = 200;

/// A review key in the reading view, applied to the figure in focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewKey {
    /// Confirm as extracted.
    Accept,
    /// Reject (an added figure is removed).
    Reject,
    /// Back to the machine's reading (forget the review).
    Restore,
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
    /// Effects recorded by the reducer, for the app to run (worker requests, storage).
    pub outbox: Outbox,
    /// Undo and redo.
    pub history: History,
    /// A short message about the last change ("Undone: removal of a.txt").
    pub notice: Option<String>,
    /// Review queue: j/k and the review keys visit only figures nobody reviewed.
    pub unreviewed_only: bool,
    /// Bumped to move focus into the correction form (the edit key).
    pub edit_seq: u32,
    /// Bumped when the user chooses a document (brings its text into view on a phone).
    pub select_seq: u32,
    /// The search whose matches are highlighted.
    pub search: Option<Search>,
    /// The map shows one marker per incident rather than per place name.
    pub map_by_incident: bool,
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
            outbox: Outbox::default(),
            history: History::default(),
            notice: None,
            unreviewed_only: false,
            edit_seq: 0,
            select_seq: 0,
            search: None,
            map_by_incident: false,
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
    /// A PDF's page starts.
    pub pages: Vec<usize>,
}

/// Changes to the state.
pub enum Action {
    /// Saved work from IndexedDB.
    Restore(Vec<Stored>, Corrections, Option<Settings>),
    /// Files the worker should read.
    AddFiles(Vec<web_sys::File>),
    /// Texts (name, text) ready for extraction.
    AddTexts(Vec<(String, String)>),
    /// A pasted text (name, text): added and opened at once.
    AddPasted(String, String),
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
    /// Forget the review of an extracted figure (document, start, end, original category):
    /// back to the machine's reading, e.g. to restore a rejected figure.
    ClearReview(u32, usize, usize, Category),
    /// A review key on the figure in focus, at a time (ms since the epoch); then the next one.
    ReviewActive(ReviewKey, f64),
    /// The edit key: correction mode on, focus in the form.
    EditActive,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Review queue on/off.
    SetUnreviewedOnly(bool),
    /// Show (or clear) a short message.
    Notice(Option<String>),
    /// Search (None clears).
    SetSearch(Option<Search>),
    /// Correction mode on/off.
    SetCorrecting(bool),
    /// Page of the documents list.
    SetDocPage(usize),
    /// Choose another reading for a place name of a document (every mention follows).
    ChoosePlace(u32, PlaceChoice),
    /// Back to the extractor's reading of a place name (document, the machine's name).
    RestorePlace(u32, String),
    /// Set (or clear) a document's country hint: the document is read again preferring
    /// places in that country.
    SetCountry(u32, Option<String>),
    /// Show only one place's figures in the table (None: all places).
    FilterPlace(Option<String>),
    /// Split or merge incidents of a document (an undoable correction), with its label
    /// ("merge of incident 2 into incident 1").
    EditIncidents(u32, IncidentEdit, String),
    /// The map's markers: one per incident (true) or one per place name.
    SetMapByIncident(bool),
}

/// A document record to store.
fn doc_record(
    id: u32,
    name: &str,
    text: &Rc<str>,
    error: Option<&str>,
    pages: &Rc<Vec<usize>>,
) -> Record {
    Record {
        id,
        name: name.to_string(),
        text: text.clone(),
        error: error.map(str::to_string),
        pages: pages.clone(),
    }
}

impl AppState {
    /// Records that the settings are to be stored.
    fn save_settings(&self) {
        if let Ok(json) = serde_json::to_string(&self.settings) {
            self.outbox.push(Effect::SaveMeta("settings", json));
        }
    }

    /// Records that the corrections are to be stored.
    fn save_corrections(&self) {
        if let Ok(json) = serde_json::to_string(&*self.corrections) {
            self.outbox.push(Effect::SaveMeta("corrections", json));
        }
    }

    /// Records documents to store.
    fn save(&self, records: Vec<Record>) {
        self.outbox.push(Effect::SaveDocs(records));
    }

    /// Records documents for the worker to read under the current policy.
    fn extract(&self, items: Vec<Item>) {
        self.outbox.push(Effect::Extract {
            policy: self.settings.policy,
            items,
            corrections: self.corrections.clone(),
        });
    }

    /// Records an undoable change about to happen to the corrections (and the documents).
    fn record(&mut self, label: String, docs: DocsChange) {
        self.history.undo.push(Step {
            label,
            corrections: self.corrections.clone(),
            docs,
        });
        if self.history.undo.len() > HISTORY {
            self.history.undo.remove(0);
        }
        self.history.redo.clear();
        self.notice = None;
    }

    /// Applies a step and returns the step that reverses it.
    fn swap_step(&mut self, step: Step) -> Step {
        let before = std::mem::replace(&mut self.corrections, step.corrections);
        let mut names: Vec<String> = before
            .keys()
            .chain(self.corrections.keys())
            .filter(|n| before.get(*n) != self.corrections.get(*n))
            .cloned()
            .collect();
        let docs = match step.docs {
            DocsChange::Keep => DocsChange::Keep,
            DocsChange::Reinsert(list) => {
                let ids = list.iter().map(|(_, d)| d.id).collect();
                let mut records = Vec::new();
                let mut items = Vec::new();
                let l = Rc::make_mut(&mut self.docs.0);
                for (pos, mut d) in list {
                    if d.status == Status::Reading && d.text.is_empty() {
                        // Its file was never read; the File itself is gone.
                        Rc::make_mut(&mut d).status =
                            Status::Failed("removed before it was read: add the file again".into());
                    }
                    match &d.status {
                        Status::Failed(e) => {
                            records.push(doc_record(d.id, &d.name, &d.text, Some(e), &d.pages))
                        }
                        _ => {
                            records.push(doc_record(d.id, &d.name, &d.text, None, &d.pages));
                            // Read again: the policy or the gazetteer may have changed meanwhile.
                            items.push(Item::Text {
                                id: d.id,
                                name: d.name.clone(),
                                text: d.text.clone(),
                            });
                        }
                    }
                    names.push(d.name.clone());
                    l.insert(pos.min(l.len()), d);
                }
                self.save(records);
                self.extract(items);
                if self.selected.is_none() {
                    self.selected = self.docs.0.first().map(|d| d.id);
                }
                DocsChange::RemoveIds(ids)
            }
            DocsChange::RemoveIds(ids) => {
                let l = Rc::make_mut(&mut self.docs.0);
                let out: Vec<(usize, Rc<Doc>)> = l
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| ids.contains(&d.id))
                    .map(|(i, d)| (i, d.clone()))
                    .collect();
                l.retain(|d| !ids.contains(&d.id));
                for id in &ids {
                    self.outbox.push(Effect::DeleteDoc(*id));
                }
                if self.selected.is_some_and(|s| ids.contains(&s)) {
                    self.selected = self.docs.0.first().map(|d| d.id);
                    self.active = None;
                }
                DocsChange::Reinsert(out)
            }
        };
        self.pending = self
            .docs
            .0
            .iter()
            .filter(|d| d.status == Status::Reading)
            .count();
        self.save_corrections();
        names.sort_unstable();
        names.dedup();
        for n in &names {
            self.reapply(n);
        }
        // A changed country hint takes a new reading by the worker.
        let hint = |c: &Corrections, n: &String| c.get(n).and_then(|d| d.country.clone());
        let rehinted: Vec<String> = names
            .iter()
            .filter(|n| hint(&before, n) != hint(&self.corrections, n))
            .cloned()
            .collect();
        if !rehinted.is_empty() {
            self.reread(&rehinted);
        }
        Step {
            label: step.label,
            corrections: before,
            docs,
        }
    }

    /// The name of document `id`.
    fn doc_name(&self, id: u32) -> Option<String> {
        self.docs
            .0
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.name.clone())
    }

    /// “14” (the text of the figure at `start..end` of document `id`), for undo labels.
    fn fig_text(&self, id: u32, start: usize, end: usize) -> String {
        self.docs
            .0
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| d.eff.clone())
            .and_then(|r| {
                r.figures
                    .iter()
                    .find(|f| f.start == start && f.end == end)
                    .map(|f| format!("“{}”", f.text))
            })
            .unwrap_or_else(|| "a figure".into())
    }

    /// Chooses another reading of a place name (an undoable step).
    fn choose_place(&mut self, doc: u32, choice: PlaceChoice) {
        let Some(name) = self.doc_name(doc) else {
            return;
        };
        let label = format!(
            "place “{}” read as {}{} in {name}",
            choice.machine,
            choice.chosen.name,
            choice
                .chosen
                .country
                .as_deref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default()
        );
        self.record(label, DocsChange::Keep);
        Rc::make_mut(&mut self.corrections)
            .entry(name.clone())
            .or_default()
            .choose_place(choice);
        self.save_corrections();
        self.reapply(&name);
    }

    /// Forgets the reading chosen for a place name (an undoable step).
    fn restore_place(&mut self, doc: u32, machine: &str) {
        let Some(name) = self.doc_name(doc) else {
            return;
        };
        let chosen = self
            .corrections
            .get(&name)
            .is_some_and(|c| c.places.iter().any(|p| p.machine == machine));
        if !chosen {
            return;
        }
        self.record(
            format!("place “{machine}” back to the machine's reading in {name}"),
            DocsChange::Keep,
        );
        if let Some(c) = Rc::make_mut(&mut self.corrections).get_mut(&name) {
            c.places.retain(|p| p.machine != machine);
        }
        self.save_corrections();
        self.reapply(&name);
    }

    /// Sets a document's country hint (an undoable step) and reads it again.
    fn set_country(&mut self, doc: u32, country: Option<String>) {
        let Some(name) = self.doc_name(doc) else {
            return;
        };
        let country = country
            .filter(|c| c.len() == 2)
            .map(|c| c.to_ascii_uppercase());
        let now = self.corrections.get(&name).and_then(|c| c.country.clone());
        if now == country {
            return;
        }
        self.record(
            match &country {
                Some(c) => format!("country hint {c} for {name}"),
                None => format!("no country hint for {name}"),
            },
            DocsChange::Keep,
        );
        Rc::make_mut(&mut self.corrections)
            .entry(name.clone())
            .or_default()
            .country = country;
        self.save_corrections();
        self.reread(&[name]);
    }

    /// Sends documents (by name) to the worker again, with their country hints.
    fn reread(&mut self, names: &[String]) {
        let items: Vec<Item> = self
            .docs
            .0
            .iter()
            .filter(|d| names.contains(&d.name))
            .filter(|d| !matches!(d.status, Status::Failed(_)) && !d.text.is_empty())
            .map(|d| Item::Text {
                id: d.id,
                name: d.name.clone(),
                text: d.text.clone(),
            })
            .collect();
        self.extract(items);
    }

    /// Sets a review (an undoable step); nothing happens when it is already the review.
    fn review(&mut self, doc: u32, review: Review) {
        let Some(name) = self.doc_name(doc) else {
            return;
        };
        let same = self
            .corrections
            .get(&name)
            .is_some_and(|c| c.reviews.contains(&review));
        if same {
            return;
        }
        let verb = match (&review.rejected, &review.edit) {
            (true, _) => "rejection",
            (false, Some(_)) => "correction",
            (false, None) => "acceptance",
        };
        let label = format!(
            "{verb} of {} in {name}",
            self.fig_text(doc, review.start, review.end)
        );
        self.record(label, DocsChange::Keep);
        Rc::make_mut(&mut self.corrections)
            .entry(name.clone())
            .or_default()
            .set_review(review);
        self.save_corrections();
        self.reapply(&name);
    }

    /// Forgets a review (an undoable step).
    fn clear_review(&mut self, doc: u32, start: usize, end: usize, category: Category) {
        let Some(name) = self.doc_name(doc) else {
            return;
        };
        let has = self.corrections.get(&name).is_some_and(|c| {
            c.reviews
                .iter()
                .any(|r| r.start == start && r.end == end && r.category == category)
        });
        if !has {
            return;
        }
        let label = format!("restoring {} in {name}", self.fig_text(doc, start, end));
        self.record(label, DocsChange::Keep);
        if let Some(c) = Rc::make_mut(&mut self.corrections).get_mut(&name) {
            c.clear_review(start, end, category);
        }
        self.save_corrections();
        self.reapply(&name);
    }

    /// Adds an incident split or merge (an undoable step).
    fn edit_incidents(&mut self, doc: u32, edit: IncidentEdit, label: String) {
        let Some(name) = self.doc_name(doc) else {
            return;
        };
        self.record(format!("{label} in {name}"), DocsChange::Keep);
        Rc::make_mut(&mut self.corrections)
            .entry(name.clone())
            .or_default()
            .incidents
            .push(edit);
        self.save_corrections();
        self.reapply(&name);
        self.notice = Some(format!("Done: {label}. Undo (Ctrl+Z) reverses it."));
    }

    /// Removes an added figure (an undoable step).
    fn remove_added(&mut self, doc: u32, start: usize, end: usize) {
        let Some(name) = self.doc_name(doc) else {
            return;
        };
        let has = self
            .corrections
            .get(&name)
            .is_some_and(|c| c.added.iter().any(|a| a.start == start && a.end == end));
        if !has {
            return;
        }
        let label = format!("removal of {} in {name}", self.fig_text(doc, start, end));
        self.record(label, DocsChange::Keep);
        if let Some(c) = Rc::make_mut(&mut self.corrections).get_mut(&name) {
            c.added.retain(|a| !(a.start == start && a.end == end));
        }
        self.save_corrections();
        self.reapply(&name);
        self.active = None;
    }

    /// Moves to the next (+1) or previous (-1) visible figure.
    fn step(&mut self, dir: i32) {
        let vis = self.visible_figures();
        if !vis.is_empty() {
            let next = match self.active {
                None if dir >= 0 => vis[0],
                None => vis[vis.len() - 1],
                Some(a) if dir >= 0 => vis.iter().copied().find(|i| *i > a).unwrap_or(vis[0]),
                Some(a) => vis
                    .iter()
                    .rev()
                    .copied()
                    .find(|i| *i < a)
                    .unwrap_or(vis[vis.len() - 1]),
            };
            self.active = Some(next);
            self.focus_seq += 1;
        }
    }

    /// The selected document.
    pub fn selected_doc(&self) -> Option<Rc<Doc>> {
        let id = self.selected?;
        self.docs.0.iter().find(|d| d.id == id).cloned()
    }

    fn resubmit_all(&self) {
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
        self.extract(items);
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
                d.pages = Rc::new(it.pages.unwrap_or_default());
                if d.text.trim().is_empty() {
                    let e = "this file is empty: there is no text to read".to_string();
                    records.push(doc_record(d.id, &d.name, &"".into(), Some(&e), &d.pages));
                    d.status = Status::Failed(e);
                    continue;
                }
                records.push(doc_record(d.id, &d.name, &d.text, None, &d.pages));
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
                    records.push(doc_record(d.id, &d.name, &d.text, Some(&e), &d.pages));
                    d.status = Status::Failed(e);
                }
            }
        }
        self.save(records);
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
            .filter(|(i, _)| {
                !self.unreviewed_only
                    || doc
                        .review
                        .get(*i)
                        .is_some_and(|s| s.verdict == Verdict::Unreviewed)
            })
            .map(|(i, _)| i)
            .collect()
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = Rc::unwrap_or_clone(self);
        match action {
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
                    d.pages = Rc::new(st.pages);
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
                s.extract(items);
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
                s.extract(items);
            }
            Action::AddTexts(texts) => {
                let mut docs = Vec::new();
                let mut items = Vec::new();
                let mut records = Vec::new();
                for (name, text) in texts {
                    let id = s.next_id;
                    s.next_id += 1;
                    let text: Rc<str> = text.into();
                    records.push(doc_record(id, &name, &text, None, &Rc::default()));
                    items.push(Item::Text {
                        id,
                        name: name.clone(),
                        text: text.clone(),
                    });
                    docs.push(Doc::new(id, name, text));
                }
                s.save(records);
                s.add_docs(docs);
                s.extract(items);
            }
            Action::AddPasted(name, text) => {
                let id = s.next_id;
                s = Rc::unwrap_or_clone(Rc::new(s).reduce(Action::AddTexts(vec![(name, text)])));
                s.selected = Some(id);
                s.active = None;
                s.view = View::Read;
                s.select_seq += 1;
            }
            Action::AddFailed(failed) => {
                let mut docs = Vec::new();
                let mut records = Vec::new();
                for (name, reason) in failed {
                    let id = s.next_id;
                    s.next_id += 1;
                    records.push(doc_record(
                        id,
                        &name,
                        &"".into(),
                        Some(&reason),
                        &Rc::default(),
                    ));
                    let mut d = Doc::new(id, name, "".into());
                    d.status = Status::Failed(reason);
                    docs.push(d);
                }
                s.save(records);
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
                s.select_seq += 1;
            }
            Action::Remove(id) => {
                if let Some(name) = s.doc_name(id) {
                    // The removal is a step: undo puts the document (and its corrections) back.
                    let step = Step {
                        label: format!("removal of {name}"),
                        corrections: s.corrections.clone(),
                        docs: DocsChange::RemoveIds(vec![id]),
                    };
                    let inverse = s.swap_step(step);
                    s.history.undo.push(inverse);
                    s.history.redo.clear();
                    s.notice = Some(format!("Removed {name}. Undo (Ctrl+Z) puts it back."));
                }
            }
            Action::ClearAll => {
                if !s.docs.0.is_empty() || !s.corrections.is_empty() {
                    let ids = s.docs.0.iter().map(|d| d.id).collect();
                    let step = Step {
                        label: "Clear all".into(),
                        corrections: Rc::new(Corrections::new()),
                        docs: DocsChange::RemoveIds(ids),
                    };
                    let inverse = s.swap_step(step);
                    s.history.undo.push(inverse);
                    s.history.redo.clear();
                    s.notice =
                        Some("Cleared every document. Undo (Ctrl+Z) brings them back.".into());
                }
                s.outbox.push(Effect::ClearDocs);
                s.selected = None;
                s.active = None;
                s.pending = 0;
                s.run_total = 0;
                s.doc_page = 0;
                s.place_filter = None;
            }
            Action::SetView(v) => s.view = v,
            Action::SetPolicy(p) => {
                if s.settings.policy != p {
                    s.settings.policy = p;
                    s.save_settings();
                    s.resubmit_all();
                }
            }
            Action::ToggleCategory(c) => {
                if let Some(i) = s.settings.hidden.iter().position(|h| *h == c) {
                    s.settings.hidden.remove(i);
                } else {
                    s.settings.hidden.push(c);
                }
                s.save_settings();
            }
            Action::SetTheme(t) => {
                s.settings.theme = t;
                s.save_settings();
            }
            Action::Activate(i) => s.active = i,
            Action::Step(dir) => s.step(dir),
            Action::Reveal(doc, fig) => {
                s.selected = Some(doc);
                s.view = View::Read;
                s.active = Some(fig);
                s.flash_seq += 1;
                s.focus_seq += 1;
            }
            Action::Review(doc, review) => s.review(doc, review),
            Action::ChoosePlace(doc, choice) => s.choose_place(doc, choice),
            Action::RestorePlace(doc, machine) => s.restore_place(doc, &machine),
            Action::SetCountry(doc, country) => s.set_country(doc, country),
            Action::AddFigure(doc, added) => {
                let same = s.doc_name(doc).is_some_and(|n| {
                    s.corrections
                        .get(&n)
                        .is_some_and(|c| c.added.contains(&added))
                });
                if let Some(name) = s.doc_name(doc).filter(|_| !same) {
                    let label = format!("added figure “{}” in {name}", {
                        let t: String = s
                            .docs
                            .0
                            .iter()
                            .find(|d| d.id == doc)
                            .map(|d| {
                                d.text
                                    .chars()
                                    .skip(added.start)
                                    .take(added.end.saturating_sub(added.start))
                                    .collect()
                            })
                            .unwrap_or_default();
                        t
                    });
                    s.record(label, DocsChange::Keep);
                    let c = Rc::make_mut(&mut s.corrections)
                        .entry(name.clone())
                        .or_default();
                    c.added
                        .retain(|a| !(a.start == added.start && a.end == added.end));
                    let (start, end) = (added.start, added.end);
                    c.added.push(added);
                    s.save_corrections();
                    s.reapply(&name);
                    s.active = s.selected_doc().and_then(|d| {
                        d.review
                            .iter()
                            .position(|f| f.start == start && f.end == end)
                    });
                }
            }
            Action::RemoveAdded(doc, start, end) => s.remove_added(doc, start, end),
            Action::ClearReview(doc, start, end, cat) => s.clear_review(doc, start, end, cat),
            Action::ReviewActive(key, at) => {
                let target = s.selected_doc().and_then(|d| {
                    let i = s.active?;
                    d.review.get(i).copied().map(|st| (d.id, st))
                });
                if let (View::Read, Some((doc, st))) = (s.view, target) {
                    let review = |rejected| Review {
                        start: st.start,
                        end: st.end,
                        category: st.category,
                        rejected,
                        edit: None,
                        at: Some(at),
                    };
                    match (key, st.verdict) {
                        (ReviewKey::Accept, Verdict::Added) => {}
                        (ReviewKey::Reject, Verdict::Added) => {
                            s.remove_added(doc, st.start, st.end)
                        }
                        (ReviewKey::Restore, Verdict::Added) => {}
                        (ReviewKey::Accept, _) => s.review(doc, review(false)),
                        (ReviewKey::Reject, _) => s.review(doc, review(true)),
                        (ReviewKey::Restore, _) => {
                            s.clear_review(doc, st.start, st.end, st.category)
                        }
                    }
                    if key != ReviewKey::Restore {
                        s.step(1);
                    }
                }
            }
            Action::EditActive => {
                if s.view == View::Read && s.active.is_some() {
                    s.correcting = true;
                    s.edit_seq += 1;
                }
            }
            Action::Undo => {
                if let Some(step) = s.history.undo.pop() {
                    let inv = s.swap_step(step);
                    s.notice = Some(format!("Undone: {}", inv.label));
                    s.history.redo.push(inv);
                }
            }
            Action::Redo => {
                if let Some(step) = s.history.redo.pop() {
                    let inv = s.swap_step(step);
                    s.notice = Some(format!("Redone: {}", inv.label));
                    s.history.undo.push(inv);
                }
            }
            Action::SetUnreviewedOnly(on) => s.unreviewed_only = on,
            Action::Notice(n) => s.notice = n,
            Action::SetSearch(q) => s.search = q,
            Action::SetCorrecting(on) => s.correcting = on,
            Action::SetDocPage(p) => s.doc_page = p,
            Action::FilterPlace(p) => s.place_filter = p.filter(|p| !p.is_empty()),
            Action::EditIncidents(doc, edit, label) => s.edit_incidents(doc, edit, label),
            Action::SetMapByIncident(on) => s.map_by_incident = on,
        }
        Rc::new(s)
    }
}
