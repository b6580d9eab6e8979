//! The app's shared state, held in signals and handed down by context: the
//! scenario (the rules' truth), who is signed in, the scenario clock, the
//! language, and where the scenario is kept. Views read it and call
//! [`Ctx::execute`]; the rules decide; every accepted change is saved.

use crate::i18n::Lang;
use crate::route::Route;
use crate::rules::{AccountId, Actor, Command, Event, Refusal, Scenario, ScenarioClock, State, Time, WorkAccount};
use crate::storage::document::{BaseRef, Document, DocumentError};
use crate::storage::local::{Loaded, SaveError, Store};
use crate::tasks::next_task;
use crate::tours::TourAt;
use leptos::prelude::*;
use saving::{Part, OPENED};
use std::sync::Arc;

mod demo;
pub mod reader;
mod saving;
pub use saving::{load_now, open_saved, REPACK_EVENTS, WHOLE_BYTES};

/// The size of the `?demo=large` organisation, as in the rules benchmark.
pub const LARGE_DEMO_PEOPLE: usize = 10_000;

/// Where the scenario is kept, as the banner tells the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// Saved after every change.
    Saved,
    /// Storage is blocked here: changes will not survive a reload.
    MemoryOnly,
    /// `?demo=large`: the 10,000-person demo, saved apart (its own keys).
    LargeDemo,
    /// The saved text was unreadable: started on demo data, text kept.
    Corrupt(DocumentError),
    /// The last save did not fit; the previous save is intact.
    QuotaExceeded,
    /// A newer Certlink saved here; this tab does not write over it.
    NewerVersion { found: u64 },
    /// Another tab saved at the same moment twice running: the last change
    /// is shown here but not saved.
    Conflict,
    /// Another tab saved while this tab was still fetching the reader file
    /// (`reader`): the last change is shown here but not saved.
    Unread,
}

/// Everything a view may need, `Copy` so closures can hold it.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub scenario: RwSignal<Scenario>,
    pub session: RwSignal<Option<AccountId>>,
    pub clock: RwSignal<ScenarioClock>,
    pub keeping: RwSignal<Keeping>,
    /// Set when another tab's save replaced this tab's scenario.
    pub updated_elsewhere: RwSignal<bool>,
    /// The scenario an import replaced, for one undo.
    pub before_import: RwSignal<Option<Scenario>>,
    /// Trainer mode: the panel is open.
    pub trainer_open: RwSignal<bool>,
    /// Large text for projectors.
    pub presenter: RwSignal<bool>,
    /// The guided tour under way, if any (its step is in the address too).
    pub tour: RwSignal<Option<TourAt>>,
    /// Where the keyboard was when the tour started: the page and the id
    /// of the control, to go back to when it ends.
    tour_return: StoredValue<Option<(Route, String)>>,
    /// The scenario is a built-in case (loaded, perhaps changed since):
    /// loading another keeps the person's own scenario for the restore.
    on_built_in: StoredValue<bool>,
    store: StoredValue<Option<Store>>,
    /// Where the unreadable text found at start-up is kept.
    backup_key: StoredValue<Option<String>>,
    /// The revision this tab last read or wrote.
    revision: StoredValue<u64>,
    /// The packed part of the large scenario saved here, if it is one.
    part: StoredValue<Option<Part>>,
    /// The scenario being packed, while the browser deflates it; shared
    /// with the pack, which keeps it for the part (one copy, not two).
    packing: StoredValue<Option<Arc<Scenario>>>,
    /// The part another tab saved that this tab is unpacking.
    opening: StoredValue<Option<BaseRef>>,
    /// The scenario is the demo this tab started on, with nothing saved
    /// yet: another tab's first save may take its place.
    fresh_demo: StoredValue<bool>,
    /// The start left the demo data to the `later` file (session::demo):
    /// until it is built, the scenario is empty and nobody is signed in.
    demo_due: StoredValue<bool>,
    /// The guided tour whose case the address asked for, not loaded yet
    /// (session::demo).
    tour_due: StoredValue<Option<crate::rules::demo::BuiltIn>>,
}

/// The real time, read from the browser (the rules never read it, D1).
pub fn real_now() -> Time {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// `?storage=NAME` keeps an embed's state apart from another's on one
/// origin; `?demo=large` keeps the 10,000-person demo apart from the
/// person's own scenario.
pub fn storage_prefix() -> String {
    let name = crate::prefs::address_param("storage").map(|name| format!("{name}:")).unwrap_or_default();
    if is_large_demo() {
        format!("{name}large-demo:")
    } else {
        name
    }
}

fn is_large_demo() -> bool {
    crate::prefs::address_param("demo").as_deref() == Some("large")
}

/// The built-in demo data (the 10,000-person Contoso under `?demo=large`).
fn demo(now: Time) -> Scenario {
    match is_large_demo() {
        true => crate::rules::demo::large_organisation(now, LARGE_DEMO_PEOPLE),
        false => crate::rules::demo::scenario(now),
    }
}

/// The scenario a start on the demo data begins with: the demo, or, when
/// the `later` file builds it (session::demo), an empty one meanwhile.
fn start_demo(now: Time) -> Scenario {
    match demo::LATER {
        true => Scenario::new(State::default()),
        false => demo(now),
    }
}

/// The account this tab had signed in before a reload, if `scenario` has it.
fn remembered_session(scenario: &Scenario) -> Option<AccountId> {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(&format!("{}certlink.session", storage_prefix())).ok().flatten())
        .map(AccountId)
        .filter(|id| scenario.state().account(id).is_some_and(|a| !a.is_deleted()))
}

/// What the banner says while saves succeed.
fn keeping_when_saved() -> Keeping {
    if is_large_demo() {
        Keeping::LargeDemo
    } else {
        Keeping::Saved
    }
}

impl Ctx {
    /// The saved scenario, else the built-in demo (or, with `?demo=large`,
    /// the benchmarks' 10,000-person Contoso, saved apart), which the
    /// release build leaves to the first later part drawn (session::demo).
    pub fn new(lang: Lang, route: Route) -> Ctx {
        let now = real_now();
        let mut store = Store::open(&storage_prefix());
        let mut backup_key = None;
        let (opened, part) = OPENED.with(|cell| cell.borrow_mut().take()).unzip();
        let mut unopened = false;
        let (scenario, revision, keeping) = match store.as_ref().map(|s| opened.or_else(|| load_now(s))) {
            None => (start_demo(now), 0, Keeping::MemoryOnly),
            Some(Some(Loaded::Nothing)) => (start_demo(now), 0, keeping_when_saved()),
            Some(Some(Loaded::Document(doc))) => (doc.scenario, doc.revision, keeping_when_saved()),
            // Mounted without `open_saved` (the browser tests): the large
            // scenario arrives in the background, as another tab's would;
            // so does a save that the reader file is not here to read yet.
            // Meanwhile the demo is shown, never saved over it.
            Some(Some(Loaded::Continues { .. }) | None) => {
                unopened = true;
                (start_demo(now), 0, keeping_when_saved())
            }
            Some(Some(Loaded::Corrupt { error, backup_key: key, moved })) => {
                if !moved {
                    // The unreadable text is still the document: never save over it.
                    store = None;
                }
                backup_key = Some(key);
                (start_demo(now), 0, Keeping::Corrupt(error))
            }
            Some(Some(Loaded::Newer { found })) => (start_demo(now), 0, Keeping::NewerVersion { found }),
        };
        let demo_due = demo::LATER && revision == 0;
        let session = remembered_session(&scenario);
        let ctx = Ctx {
            lang: RwSignal::new(lang),
            route: RwSignal::new(route),
            scenario: RwSignal::new(scenario),
            session: RwSignal::new(session),
            clock: RwSignal::new(remembered_clock()),
            keeping: RwSignal::new(keeping),
            updated_elsewhere: RwSignal::new(false),
            before_import: RwSignal::new(None),
            trainer_open: RwSignal::new(false),
            presenter: RwSignal::new(false),
            tour: RwSignal::new(None),
            tour_return: StoredValue::new(None),
            on_built_in: StoredValue::new(false),
            store: StoredValue::new(store),
            backup_key: StoredValue::new(backup_key),
            revision: StoredValue::new(revision),
            part: StoredValue::new(part.flatten()),
            packing: StoredValue::new(None),
            opening: StoredValue::new(None),
            fresh_demo: StoredValue::new(revision == 0),
            demo_due: StoredValue::new(demo_due),
            tour_due: StoredValue::new(None),
        };
        if unopened {
            ctx.sync();
        } else if !demo::LATER {
            // Else the first later part does it (session::demo), and the
            // first file has no writer.
            ctx.save_first_demo();
        }
        ctx
    }

    /// The demo data the start left for later, built: taken with the
    /// session this tab had, and saved. Another tab's save taken meanwhile
    /// (`sync`) has taken its place: then it is dropped.
    fn start_on_demo(&self, scenario: Scenario) {
        if !self.demo_due.get_value() {
            return;
        }
        self.demo_due.set_value(false);
        let session = remembered_session(&scenario);
        self.scenario.set(scenario);
        self.session.set(session);
        self.save_first_demo();
    }

    /// The first save of the demo a start is on. A failed save shows in
    /// `keeping`; the demo runs anyway.
    fn save_first_demo(&self) {
        let first = self.revision.get_value() == 0
            && matches!(self.keeping.get_untracked(), Keeping::Saved | Keeping::LargeDemo | Keeping::Corrupt(_));
        if !first {
            return;
        }
        if is_large_demo() {
            // Writing 10,000 people takes a task of its own (issue 7).
            let ctx = *self;
            wasm_bindgen_futures::spawn_local(async move {
                next_task().await;
                let _ = ctx.persist();
            });
        } else {
            let _ = self.persist();
        }
    }

    /// The scenario's "now" on its clock (D1), tracked: what a view
    /// computes from it follows the trainer's clock.
    pub fn now(&self) -> Time {
        self.clock.get().now(real_now())
    }

    /// Moves the scenario clock (D1) and remembers it for this tab.
    pub fn set_clock(&self, change: impl FnOnce(&mut ScenarioClock)) {
        self.clock.update(change);
        let offset = self.clock.get_untracked().offset_ms();
        if let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let _ = storage.set_item(&format!("{}certlink.clock", storage_prefix()), &offset.to_string());
        }
    }

    /// The trainer takes a persona in one click (the rules check it may).
    pub fn switch_persona(&self, email: &str) -> Result<AccountId, Refusal> {
        let id = self.scenario.with_untracked(|s| s.sign_in_as(&Actor::Trainer, email))?;
        self.start_session(id.clone());
        Ok(id)
    }

    fn start_session(&self, id: AccountId) {
        self.remember_session(Some(&id));
        self.session.set(Some(id));
    }

    /// The signed-in person as an actor, if anyone is signed in.
    pub fn actor(&self) -> Option<Actor> {
        self.session.get().map(Actor::Account)
    }

    /// The signed-in work account, tracked.
    pub fn account(&self) -> Option<WorkAccount> {
        let id = self.session.get()?;
        self.scenario.with(|s| s.state().account(&id).cloned())
    }

    /// Reads the current state, tracked.
    pub fn with_state<T>(&self, f: impl FnOnce(&State) -> T) -> T {
        self.scenario.with(|s| f(s.state()))
    }

    /// Runs a command as the signed-in person.
    pub fn execute(&self, command: Command) -> Result<Vec<Event>, Refusal> {
        let actor =
            self.session.get_untracked().map(Actor::Account).ok_or(Refusal::UnknownAccount { email: String::new() })?;
        self.execute_as(&actor, command)
    }

    /// Runs a command as `actor`, on the newest saved scenario, and saves
    /// the result. Views re-render only when it changed something. If
    /// another tab saved in between, its scenario is taken and the command
    /// runs again on it, so neither tab's work is dropped.
    pub fn execute_as(&self, actor: &Actor, command: Command) -> Result<Vec<Event>, Refusal> {
        self.sync();
        let result = self.run(actor, &command)?;
        if !matches!(self.persist(), Err(SaveError::Conflict { .. })) {
            return Ok(result);
        }
        // Only on the other tab's scenario does the command run again.
        if !self.sync() {
            // A save this tab could not read yet keeps its own banner.
            if self.keeping.get_untracked() != Keeping::Unread {
                self.keeping.set(Keeping::Conflict);
            }
            return Ok(result);
        }
        let again = self.run(actor, &command)?;
        if matches!(self.persist(), Err(SaveError::Conflict { .. })) {
            self.keeping.set(Keeping::Conflict);
        }
        Ok(again)
    }

    /// Decides and applies `command` in memory; the rules decide.
    fn run(&self, actor: &Actor, command: &Command) -> Result<Vec<Event>, Refusal> {
        let now = self.now();
        let mut result = Err(Refusal::UnknownAccount { email: String::new() });
        self.scenario.update_untracked(|s| result = s.execute(actor, now, command));
        if result.is_ok() {
            self.scenario.notify();
        }
        result
    }

    /// R5: signs in; the session starts only on success.
    pub fn sign_in(&self, email: &str, password: &str) -> Result<AccountId, Refusal> {
        self.sync();
        let now = self.now();
        let result = self
            .scenario
            .try_update_untracked(|s| s.sign_in(now, email, password))
            .unwrap_or(Err(Refusal::WrongPassword));
        if let Ok(id) = &result {
            self.scenario.notify();
            let _ = self.persist();
            self.start_session(id.clone());
        }
        result
    }

    pub fn sign_out(&self) {
        self.remember_session(None);
        self.session.set(None);
    }

    /// The signed-in account survives a reload of this tab (sessionStorage:
    /// two tabs may be two people).
    fn remember_session(&self, id: Option<&AccountId>) {
        if let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let key = format!("{}certlink.session", storage_prefix());
            let _ = match id {
                Some(id) => storage.set_item(&key, id.as_str()),
                None => storage.remove_item(&key),
            };
        }
    }

    /// Replaces the whole scenario, on top of the newest save, and saves
    /// it; when `undoable`, the replaced one is kept for one restore. The
    /// new scenario is not a built-in case unless `load_built_in` says so.
    fn replace(&self, next: Scenario, undoable: bool) {
        self.sync();
        self.before_import.set(undoable.then(|| self.scenario.get_untracked()));
        self.scenario.set(next);
        self.on_built_in.set_value(false);
        self.fresh_demo.set_value(false);
        self.demo_due.set_value(false);
        let _ = self.persist();
    }

    /// Replaces the scenario with an imported one, undoable once.
    pub fn import(&self, doc: Document) {
        self.replace(doc.scenario, true);
    }

    /// Loads (or reloads) a built-in scenario and plays its persona; the
    /// replaced scenario is kept for one undo, as an import's is. From one
    /// built-in case to another (two tours in a row), the one kept is still
    /// the person's own scenario, not the case before.
    ///
    /// It cannot be refused: every built-in case's persona is an active
    /// account of its scenario (tests/rules.rs,
    /// `every_built_in_scenario_starts_valid_with_an_active_persona`), so
    /// no caller has a refusal to show or to drop.
    pub fn load_built_in(&self, built_in: crate::rules::demo::BuiltIn) {
        let own = self.before_import.get_untracked().filter(|_| self.on_built_in.get_value());
        self.replace(built_in.scenario(self.now()), true);
        if own.is_some() {
            self.before_import.set(own);
        }
        self.on_built_in.set_value(true);
        self.start_session(AccountId::from_email(built_in.persona()));
    }

    /// Starts the guided tour of `built_in` on its scenario, from step 1;
    /// the control that started it gets the keyboard back at the end.
    pub fn start_tour(&self, built_in: crate::rules::demo::BuiltIn) {
        let started_from = document().active_element().map(|el| el.id()).filter(|id| !id.is_empty());
        self.tour_return.set_value(started_from.map(|id| (self.route.get_untracked(), id)));
        self.load_built_in(built_in);
        self.tour.set(Some(TourAt { tour: built_in, step: 0 }));
    }

    /// The tour and step an address names (a reload, a shared link, history
    /// moving between steps). Another tour than the one under way, in a
    /// browser where its persona is not signed in, loads its scenario first.
    pub fn resume_tour(&self, at: TourAt) {
        let now = self.tour.get_untracked();
        if now == Some(at) {
            return;
        }
        let persona = AccountId::from_email(at.tour.persona());
        let same_tour = now.is_some_and(|now| now.tour == at.tour);
        if !same_tour && self.session.get_untracked().as_ref() != Some(&persona) {
            match demo::LATER {
                // Loaded by the `later` file, before the tour's page and
                // dialog are drawn (they are later parts).
                true => {
                    self.tour_due.set_value(Some(at.tour));
                    leptos::task::spawn_local(self.prepare_later());
                }
                false => self.load_built_in(at.tour),
            }
        }
        self.tour.set(Some(at));
    }

    /// Ends the tour; returns the id of the control to give the keyboard
    /// back to, after going back to its page if it is not on this one.
    pub fn end_tour(&self) -> Option<String> {
        self.tour.set(None);
        let (route, id) = self.tour_return.try_update_value(Option::take).flatten()?;
        if document().get_element_by_id(&id).is_none() && self.route.get_untracked() != route {
            self.go(route);
        }
        Some(id)
    }

    /// Restores the scenario the last import or built-in load replaced.
    pub fn undo_import(&self) {
        if let Some(previous) = self.before_import.get_untracked() {
            self.replace(previous, false);
        }
    }

    /// Starts again from the built-in demo data.
    pub fn reset_to_demo(&self) {
        self.replace(demo(real_now()), false);
        self.sign_out();
    }

    /// The current scenario as the readable document an export downloads.
    pub fn export(&self) -> String {
        let revision = self.revision.get_value();
        self.scenario.with_untracked(|s| Document::new(s.clone(), revision, real_now()).to_pretty_json())
    }

    /// The unreadable text kept at start-up, if any.
    pub fn unreadable_backup(&self) -> Option<String> {
        let key = self.backup_key.get_value()?;
        Store::open(&storage_prefix())?.backup(&key)
    }

    /// True for the keys this scenario is saved under (storage events).
    pub fn is_scenario_key(&self, key: &str) -> bool {
        self.store.get_value().is_some_and(|s| s.is_scenario_key(key))
    }

    /// Goes to `route` by changing the address, so history and reload work.
    /// A guided tour under way stays in the address.
    pub fn go(&self, route: Route) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(self.address(&route).trim_start_matches('#'));
        }
        self.route.set(route);
    }

    /// The hash for `route`, with the guided tour's step if one is under way.
    pub fn address(&self, route: &Route) -> String {
        let tour = self.tour.get_untracked().map(TourAt::query).unwrap_or_default();
        format!("{}{tour}", route.href())
    }
}

/// The scenario clock this tab had before a reload.
fn remembered_clock() -> ScenarioClock {
    let offset = web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(&format!("{}certlink.clock", storage_prefix())).ok().flatten())
        .and_then(|text| text.parse().ok())
        .unwrap_or(0);
    ScenarioClock::with_offset_ms(offset)
}

/// The context, as every view takes it.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
