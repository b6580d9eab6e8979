//! The app's shared state, held in signals and handed down by context: the
//! scenario (the rules' truth), who is signed in, the scenario clock, the
//! language, and where the scenario is kept. Views read it and call
//! [`Ctx::execute`]; the rules decide; every accepted change is saved.

use crate::i18n::Lang;
use crate::route::Route;
use crate::rules::{AccountId, Actor, Command, Event, Refusal, Scenario, ScenarioClock, State, Time, WorkAccount};
use crate::save::{Keeping, NotReplaced, PointNotKept, Replaced, Start, Tab};
use crate::storage::document::Document;
use crate::tours::TourAt;
use leptos::prelude::*;
use local::LocalKv;
use saving::{found_now, writer_id, ReaderFile, SAVE_READ_AT_START};

mod demo;
mod library;
pub mod local;
mod practising;
pub mod reader;
mod saving;
mod scorm;
pub use crate::save::SaveState;
pub use library::{checked_name, Entry, LibraryError, MAX_NAME};
pub use practising::{Checked, Practising};
pub use saving::{open_saved, RestoreFailed, REPACK_EVENTS, WHOLE_BYTES};

/// The size of the `?demo=large` organisation, as in the rules benchmark.
pub const LARGE_DEMO_PEOPLE: usize = 10_000;

/// Everything a view may need, `Copy` so closures can hold it.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub scenario: RwSignal<Scenario>,
    pub session: RwSignal<Option<AccountId>>,
    pub clock: RwSignal<ScenarioClock>,
    pub save_state: RwSignal<SaveState>,
    /// Set when another tab's save replaced this tab's scenario.
    pub updated_elsewhere: RwSignal<Option<crate::save::Update>>,
    /// The scenario an import or a kept case replaced, for one undo.
    pub replaced_scenario: RwSignal<Option<Scenario>>,
    /// Trainer mode: the panel is open.
    pub trainer_open: RwSignal<bool>,
    /// Large text for projectors.
    pub presenter: RwSignal<bool>,
    /// The guided tour under way, if any (its step is in the address too).
    pub tour: RwSignal<Option<TourAt>>,
    /// Where the keyboard was when the tour started: the page and the id
    /// of the control, to go back to when it ends.
    tour_return: StoredValue<Option<(Route, String)>>,
    /// This tab is in a space of built-in cases ([`space_prefix`]): a
    /// built-in case, a guided tour or a practice task runs, the person's
    /// own scenario kept apart.
    pub in_case: RwSignal<bool>,
    /// This tab's save engine: every save and every read of another
    /// tab's save goes through it.
    engine: StoredValue<Tab<LocalKv>>,
    /// A large scenario is being packed: its change is not written yet.
    pub saving: RwSignal<bool>,
    /// A space this tab left for a case holds a change not written yet
    /// ([`LEFT_UNSAVED`]): closing the page asks first, and what reads
    /// which one ([`Ctx::return_holds_unsaved`], the library's list)
    /// follows it.
    pub left_unsaved: RwSignal<bool>,
    /// Another tab's large save is being opened (unpacked and joined).
    pub opening: RwSignal<bool>,
    /// Bumped when the restore points kept may have changed.
    pub restore_points_changed: RwSignal<u32>,
    /// Bumped when the library's entries, or the one open, may have changed.
    library_changed: RwSignal<u32>,
    /// The guided tour whose case the address asked for, not loaded yet
    /// (session::demo).
    tour_due: StoredValue<Option<crate::rules::demo::BuiltIn>>,
}

thread_local! {
    /// The spaces this tab left for a case while each held a change the
    /// store does not (being packed, said unsaved, or kept in memory only),
    /// one entry a space: its engine and scenario as they were, given back
    /// when the tab returns there, so a case or a tour never costs the
    /// person that change. (From a case the tab may open a library entry,
    /// and leave that one for a case in turn: both are kept.) Kept out of
    /// [`Ctx`], which the first file builds: only the `later` file enters
    /// a case.
    static LEFT_UNSAVED: std::cell::RefCell<Vec<LeftUnsaved>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Whether a form holds text typed and not sent (the editor's, which
    /// the `later` file draws and tells here): leaving the page asks then.
    static TYPED_UNSENT: std::cell::RefCell<Option<Box<dyn Fn() -> bool>>> = const { std::cell::RefCell::new(None) };
}

/// Tells the page how to know that a form holds text typed and not sent.
pub fn ask_before_leaving_while(typed_unsent: impl Fn() -> bool + 'static) {
    TYPED_UNSENT.with_borrow_mut(|check| *check = Some(Box::new(typed_unsent)));
}

/// True where a form holds text typed and not sent.
pub fn typed_unsent() -> bool {
    TYPED_UNSENT.with_borrow(|check| check.as_ref().is_some_and(|check| check()))
}

struct LeftUnsaved {
    space: Option<String>,
    tab: Tab<LocalKv>,
    scenario: Scenario,
}

/// A pack that ended for a space left for a case ([`LEFT_UNSAVED`]) is
/// saved there, by the engine that waits for it; once that space holds
/// no change the store does not, it is read from the store on the way
/// back, with what other tabs saved there meanwhile. A pack no tab waits
/// for (a case's, left with the case) is dropped.
fn pack_left_unsaved(job: crate::save::PackJob, packed: Option<String>) {
    LEFT_UNSAVED.with_borrow_mut(|left| {
        if let Some(aside) = left.iter_mut().find(|aside| aside.tab.waits_for(&job)) {
            no_store_if_deleted(aside.space.as_deref(), &mut aside.tab);
            aside.tab.packed(&mut aside.scenario, &ReaderFile, job, packed, real_now());
        }
        left.retain(|aside| aside.tab.holds_unsaved_change());
    });
}

/// Before an engine writes in `space`: a library entry deleted in another
/// tab, maybe before this tab heard of it (the storage event, then the
/// library's code, come later), is said saved nowhere, so nothing is
/// written under keys no entry names.
fn no_store_if_deleted(space: Option<&str>, tab: &mut Tab<LocalKv>) {
    if space.is_some_and(|space| !indexed(space)) {
        tab.space_deleted();
    }
}

/// `space` (`None`: the person's own) was left for a case holding a
/// change: the way back goes there even once its library entry is
/// deleted, so the person can keep that change (Save a copy, Export), and
/// the library marks it.
fn left_holds(space: Option<&str>) -> bool {
    LEFT_UNSAVED.with_borrow(|left| left.iter().any(|aside| aside.space.as_deref() == space))
}

impl Ctx {
    /// The scenario a case goes back to was left holding a change not
    /// saved: the case's notice and practice mode's bar say so (another
    /// space left so is marked in the library's list).
    pub fn return_holds_unsaved(&self) -> bool {
        self.left_unsaved.track();
        left_holds(return_space().as_deref())
    }

    /// [`LEFT_UNSAVED`] changed: what reads it follows.
    fn left_unsaved_changed(&self) {
        self.left_unsaved.set(LEFT_UNSAVED.with_borrow(|left| !left.is_empty()));
    }
}

/// Library entries deleted in another tab: the engines of those left for
/// a case write nothing there again and keep the change, said saved
/// nowhere, as the engine on screen does ([`Tab::space_deleted`]).
fn left_spaces_deleted(deleted: impl Fn(&str) -> bool) {
    LEFT_UNSAVED.with_borrow_mut(|left| {
        for aside in left.iter_mut().filter(|aside| aside.space.as_deref().is_some_and(&deleted)) {
            aside.tab.space_deleted();
        }
        left.retain(|aside| aside.tab.holds_unsaved_change());
    });
}

/// The person deleted the library entry of `space` in this tab: a change
/// of it left for a case goes with it.
fn forget_left(space: &str) {
    LEFT_UNSAVED.with_borrow_mut(|left| left.retain(|aside| aside.space.as_deref() != Some(space)));
}

/// The real time, read from the browser (the rules never read it, D1).
pub fn real_now() -> Time {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// `?storage=NAME` keeps an embed's state apart from another's on one
/// origin; `?demo=large` keeps the 10,000-person demo apart from the
/// person's own scenario.
pub fn storage_prefix() -> String {
    let name = crate::prefs::address_param("storage").map(|name| crate::save::embed_prefix(&name)).unwrap_or_default();
    if is_large_demo() {
        format!("{name}large-demo:")
    } else {
        name
    }
}

/// The keys of the scenario space this tab is in: the person's own, or,
/// while a built-in case or a guided tour runs, the cases' space beside
/// it (practice mode's own while a task runs), so that no case is ever
/// saved over the person's scenario; or an entry of the library's
/// (`lib-<id>`, `session::library`).
pub fn space_prefix() -> String {
    let own = storage_prefix();
    match current_space() {
        Some(space) if is_case_space(&space) || space.starts_with("lib-") => format!("{own}{space}:"),
        _ => own,
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

fn trainer_key() -> String {
    format!("{}certlink.trainer", storage_prefix())
}

/// The trainer panel as this tab had it before a reload (open; presenter
/// mode's large text): a reload in front of a room keeps both.
fn remembered_trainer() -> (bool, bool) {
    let kept = session_storage().and_then(|s| s.get_item(&trainer_key()).ok().flatten()).unwrap_or_default();
    (kept.contains("open"), kept.contains("presenter"))
}

/// Remembers the trainer panel's state for this tab ([`remembered_trainer`]).
pub fn remember_trainer(open: bool, presenter: bool) {
    if let Some(storage) = session_storage() {
        let kept = [(open, "open"), (presenter, "presenter")].map(|(on, word)| if on { word } else { "" }).join(" ");
        let _ = storage.set_item(&trainer_key(), kept.trim());
    }
}

/// The space this tab is in, other than the person's own: [`CASES`],
/// [`PRACTICE`] or a library entry's `lib-<id>` (it survives a reload of
/// this tab; another tab starts in the person's own). An entry deleted since is none: a
/// reload goes back to the person's own.
fn current_space() -> Option<String> {
    remembered_space().filter(|space| indexed(space))
}

/// A library entry's space (`lib-<id>`) is still in the library's index;
/// any other space is. Read from the index's lines alone: the start reads
/// it, and does not carry the library's code (the later file does).
fn indexed(space: &str) -> bool {
    let Some(id) = space.strip_prefix("lib-") else { return true };
    let index = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(&crate::save::library::index_key(&storage_prefix())).ok().flatten());
    index.is_some_and(|text| crate::save::library::lists(&text, id))
}

/// The space this tab remembers being in, an entry deleted since included.
fn remembered_space() -> Option<String> {
    recall(&format!("{}certlink.space", storage_prefix()))
}

/// The cases' space: guided tours, Show me and the trainer's cases.
pub(super) const CASES: &str = "case";
/// Practice mode's own cases' space, apart from the tours' so that a tour,
/// Show me or a trainer's case (in this tab or another) never replaces a
/// task under way. Its name begins with `certlink`, which no embed's keys
/// begin with (`save::embed_prefix`).
pub(super) const PRACTICE: &str = "certlink-practice";

/// A space of built-in cases: the tours' or practice mode's.
fn is_case_space(space: &str) -> bool {
    space == CASES || space == PRACTICE
}

/// This tab is in a space of built-in cases.
fn in_case_space() -> bool {
    current_space().is_some_and(|space| is_case_space(&space))
}

/// This tab is in `space` (one of the cases' spaces).
fn is_in(space: &str) -> bool {
    current_space().as_deref() == Some(space)
}

fn remember_space(space: Option<&str>) {
    remember(&format!("{}certlink.space", storage_prefix()), space);
}

/// The space a tab in the cases' space goes back to: the library entry it
/// came from, or (none) the person's own.
fn return_space() -> Option<String> {
    recall(&format!("{}certlink.space.return", storage_prefix()))
}

fn remember_return_space(space: Option<&str>) {
    remember(&format!("{}certlink.space.return", storage_prefix()), space);
}

thread_local! {
    /// What [`remember`] was told, as this page holds it: the space a tab
    /// is in decides which keys it writes, so it must not hang on
    /// sessionStorage, which may refuse a write (full) or be missing while
    /// localStorage works. sessionStorage carries it over a reload.
    static REMEMBERED: std::cell::RefCell<Vec<(String, Option<String>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn remember(key: &str, value: Option<&str>) {
    REMEMBERED.with_borrow_mut(|kept| {
        kept.retain(|(kept_key, _)| kept_key != key);
        kept.push((key.to_string(), value.map(str::to_string)));
    });
    if let Some(storage) = session_storage() {
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}

/// What this tab remembers under `key`: told this page ([`remember`]), or
/// kept by sessionStorage from before a reload.
fn recall(key: &str) -> Option<String> {
    REMEMBERED
        .with_borrow(|kept| kept.iter().find(|(kept_key, _)| kept_key == key).map(|(_, value)| value.clone()))
        .unwrap_or_else(|| session_storage().and_then(|s| s.get_item(key).ok().flatten()))
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

/// The scenario a start on the demo data shows until the `later` file
/// has built the demo (session::demo): an empty one.
fn start_demo() -> Scenario {
    Scenario::new(State::default())
}

/// The account this tab had signed in before a reload, if `scenario` has it.
fn remembered_session(scenario: &Scenario) -> Option<AccountId> {
    recall(&format!("{}certlink.session", space_prefix()))
        .map(AccountId)
        .filter(|id| may_stay_signed_in(scenario.state(), id))
}

/// Whether `id` may stay signed in where `state` is shown: the rules take
/// it as the one acting (there, not deleted, R13; not an invitation still
/// waiting for its first sign-in, R14), else every action is refused.
fn may_stay_signed_in(state: &State, id: &AccountId) -> bool {
    crate::rules::profile::acting_account(state, &Actor::Account(id.clone())).is_ok()
}

/// What the banner says while saves succeed.
fn save_state_when_saved() -> SaveState {
    if is_large_demo() {
        SaveState::LargeDemo
    } else {
        SaveState::Saved
    }
}

impl Ctx {
    /// The saved scenario, else the built-in demo (or, with `?demo=large`,
    /// the benchmarks' 10,000-person Contoso, saved apart), which the
    /// start leaves to the first later part drawn (session::demo).
    pub fn new(lang: Lang, route: Route) -> Ctx {
        let store = local::open(&space_prefix());
        let found = SAVE_READ_AT_START.with(|cell| cell.borrow_mut().take()).or_else(|| store.as_ref().map(found_now));
        let mut tab = Tab::new(store, &writer_id(), save_state_when_saved());
        let scenario = match tab.start(found, true) {
            Start::Saved(scenario) => *scenario,
            Start::Demo => start_demo(),
        };
        let save_state = tab.save_state().clone();
        let session = remembered_session(&scenario);
        let (trainer_open, presenter) = remembered_trainer();
        let ctx = Ctx {
            lang: RwSignal::new(lang),
            route: RwSignal::new(route),
            scenario: RwSignal::new(scenario),
            session: RwSignal::new(session),
            clock: RwSignal::new(remembered_clock()),
            save_state: RwSignal::new(save_state),
            updated_elsewhere: RwSignal::new(None),
            replaced_scenario: RwSignal::new(None),
            trainer_open: RwSignal::new(trainer_open),
            presenter: RwSignal::new(presenter),
            tour: RwSignal::new(None),
            tour_return: StoredValue::new(None),
            in_case: RwSignal::new(in_case_space()),
            engine: StoredValue::new(tab),
            saving: RwSignal::new(false),
            left_unsaved: RwSignal::new(false),
            opening: RwSignal::new(false),
            restore_points_changed: RwSignal::new(0),
            library_changed: RwSignal::new(0),
            tour_due: StoredValue::new(None),
        };
        // The first later part builds the demo and saves it (session::demo).
        ctx.after_engine();
        ctx.clock_not_behind();
        ctx
    }

    /// The demo data the start left for later, built: taken with the
    /// session this tab had, and saved. Another tab's save taken meanwhile
    /// has taken its place: then it is dropped.
    fn start_on_demo(&self, demo: Scenario) {
        if self.with_engine(|tab, scenario| tab.demo_built(scenario, demo)) != Some(true) {
            return;
        }
        self.scenario.notify();
        self.session.set(self.scenario.with_untracked(remembered_session));
        self.save_first_demo();
    }

    /// The first save of the demo a start is on. A failed save shows in
    /// `save_state`; the demo runs anyway.
    fn save_first_demo(&self) {
        if is_large_demo() {
            // Writing 10,000 people's JSON takes a task of its own.
            let ctx = *self;
            wasm_bindgen_futures::spawn_local(async move {
                crate::tasks::next_task().await;
                ctx.writing(|tab, scenario| tab.save_demo(scenario, real_now()));
            });
        } else {
            self.writing(|tab, scenario| tab.save_demo(scenario, real_now()));
        }
    }

    /// The scenario's "now" on its clock (D1), tracked: what a view
    /// computes from it follows the trainer's clock.
    pub fn now(&self) -> Time {
        self.clock.get().now(real_now())
    }

    /// Moves the scenario clock (D1) and remembers it for this tab's
    /// space; a move back to before the scenario's last change is refused
    /// (the rules say why) and the clock stays.
    pub fn set_clock(&self, change: impl FnOnce(&mut ScenarioClock)) -> Result<(), Refusal> {
        let mut clock = self.clock.get_untracked();
        change(&mut clock);
        let real = real_now();
        let from = self.clock.get_untracked().now(real);
        self.scenario.with_untracked(|s| s.check_clock_move(from, clock.now(real)))?;
        self.keep_clock(clock);
        Ok(())
    }

    /// A scenario put in place here (a copy, an import, a restore, another
    /// tab's save, the editor's start) may have been recorded on a clock
    /// further on than this space's: the clock moves forward to its last
    /// change (D1 allows forward), or every change would be refused.
    pub(super) fn clock_not_behind(&self) {
        let Some(last) = self.scenario.with_untracked(Scenario::last_event_at) else { return };
        let mut clock = self.clock.get_untracked();
        // In milliseconds, as the clock keeps its offset: no calendar code.
        let behind = last.timestamp_millis() - clock.now(real_now()).timestamp_millis();
        if behind > 0 {
            clock.advance(chrono::Duration::milliseconds(behind));
            self.keep_clock(clock);
        }
    }

    /// Shows `clock` and remembers it for this tab's space: each space's
    /// scenario has its own, as its trail runs on it.
    fn keep_clock(&self, clock: ScenarioClock) {
        self.clock.set(clock);
        remember(&format!("{}certlink.clock", space_prefix()), Some(&clock.offset_ms().to_string()));
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
    /// the result (the engine's `Tab::execute`). Views re-render only when
    /// it changed something.
    pub fn execute_as(&self, actor: &Actor, command: Command) -> Result<Vec<Event>, Refusal> {
        self.clock_not_behind();
        let now = self.now();
        let result = self
            .writing(|tab, scenario| tab.execute(scenario, &ReaderFile, actor, now, &command))
            .unwrap_or(Err(Refusal::UnknownAccount { email: String::new() }));
        match &result {
            Ok(_) => {
                self.scenario.notify();
                self.after_a_change();
            }
            Err(refusal) => self.practice_met(actor, refusal),
        }
        result
    }

    /// Once the scenario an import (or a kept case, or the editor) put in
    /// place is changed, putting the one it replaced back would lose that
    /// change: the one-click restore goes, and the restore point remains.
    fn after_a_change(&self) {
        if self.replaced_scenario.with_untracked(Option::is_some) {
            self.replaced_scenario.set(None);
        }
    }

    /// R5: signs in; the session starts only on success.
    pub fn sign_in(&self, email: &str, password: &str) -> Result<AccountId, Refusal> {
        self.clock_not_behind();
        let now = self.now();
        let result = self
            .writing(|tab, scenario| tab.sign_in(scenario, &ReaderFile, now, email, password))
            .unwrap_or(Err(Refusal::WrongPassword));
        if let Ok(id) = &result {
            self.scenario.notify();
            self.after_a_change();
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
        remember(&format!("{}certlink.session", space_prefix()), id.map(AccountId::as_str));
    }

    /// Replaces the whole scenario, on top of the newest save, and saves
    /// it; when `undoable`, the replaced one is kept for one restore in
    /// this tab; as `keeping` says, it is also kept as a restore point that
    /// Your data lists across reloads, and where it cannot be, nothing is
    /// replaced ([`Tab::replace`]).
    fn replace_keeping(&self, next: Scenario, undoable: bool, keeping: Keeping) -> Result<(), NotReplaced> {
        let now = real_now();
        // An empty stand-in for a save not read yet (its reader on the way)
        // is no scenario to bring back: the save is kept by the engine.
        let stand_in = self.engine.with_value(|tab| tab.lifecycle() == crate::save::Lifecycle::DemoDue);
        let replaced =
            self.writing(|tab, scenario| tab.replace(scenario, &ReaderFile, next, now, keeping)).transpose()?;
        self.scenario.notify();
        self.clock_not_behind();
        // An import, an undo or a restore may not have the person signed
        // in, or have them deleted.
        let stays = self.session.with_untracked(|id| {
            id.as_ref().is_none_or(|id| self.scenario.with_untracked(|s| may_stay_signed_in(s.state(), id)))
        });
        if !stays {
            self.sign_out();
        }
        self.replaced_scenario.set(replaced.filter(|_| undoable && !stand_in));
        self.restore_points_changed.update(|n| *n += 1);
        Ok(())
    }

    /// [`Ctx::replace_keeping`] with no restore point asked for: a
    /// built-in case's scenario in the cases' space, an entry's first in
    /// the library. Only a restore point that cannot be kept refuses a
    /// replacement, so nothing refuses this one.
    pub(crate) fn replace(&self, next: Scenario) {
        let _ = self.replace_keeping(next, false, Keeping::Nothing);
    }

    /// Replaces the scenario with an imported one, undoable once. From a
    /// built-in case, it is the scenario the case was started from that
    /// the import replaces (the case's space is not the person's). With
    /// `losing_it` (the person was told the scenario replaced cannot be
    /// kept as a restore point, and went on), no point is asked for.
    pub fn import(&self, scenario: Scenario, losing_it: bool) -> Result<(), NotReplaced> {
        self.leave_case();
        self.replace_keeping(scenario, true, keeping(Replaced::Import, losing_it))
    }

    /// Loads (or reloads) a built-in scenario, in the cases' space, and
    /// plays its persona. The person's own scenario stays as it was, in its
    /// own space, until [`Ctx::leave_case`] goes back to it.
    ///
    /// It cannot be refused: every built-in case's persona is an active
    /// account of its scenario (tests/rules.rs,
    /// `every_built_in_scenario_starts_valid_with_an_active_persona`), so
    /// no caller has a refusal to show or to drop.
    pub fn load_built_in(&self, built_in: crate::rules::demo::BuiltIn) {
        self.load_built_in_in(CASES, built_in);
    }

    /// [`Ctx::load_built_in`] in `space`: the tours' cases' space, or
    /// practice mode's.
    pub(super) fn load_built_in_in(&self, space: &'static str, built_in: crate::rules::demo::BuiltIn) {
        if !is_in(space) {
            self.enter_space(Some(space));
        }
        // A case starts on real time, even loaded again after its clock
        // was moved: its setup is dated from now.
        self.keep_clock(ScenarioClock::default());
        self.replace(built_in.scenario(self.now()));
        self.start_session(built_in.persona_id());
    }

    /// Back, as it is saved, to the scenario the case was started from:
    /// the person's own, or the library entry that was open (the person's
    /// own if another tab has deleted it since).
    pub fn leave_case(&self) {
        if self.in_case.get_untracked() {
            self.enter_space(None);
        }
    }

    /// The case on screen replaces the scenario it was started from (the
    /// trainer asked for it); the one it replaces can be restored once.
    /// Where that one cannot be kept as a restore point, the tab goes back
    /// to the case as it was, unless `losing_it`.
    pub fn keep_case_as_own(&self, losing_it: bool) -> Result<(), PointNotKept> {
        if !self.in_case.get_untracked() {
            return Ok(());
        }
        let case = self.scenario.get_untracked();
        let persona = self.session.get_untracked();
        // The case's trail runs on the case's clock, which comes with it.
        let clock = self.clock.get_untracked();
        let case_space = if is_in(PRACTICE) { PRACTICE } else { CASES };
        self.enter_space(None);
        let refused = self.replace_keeping(case, true, keeping(Replaced::Case, losing_it)).err();
        if let Some(not) = &refused {
            // Back to the case as it was on screen, saved again in its
            // space (or said unsaved there): nothing of it is lost, nor who
            // plays it (with no storage, nothing of it is read back).
            self.enter_space(Some(case_space));
            self.replace((*not.next).clone());
        }
        self.keep_clock(clock);
        if let Some(id) = persona {
            self.start_session(id);
        }
        refused.map_or(Ok(()), |not| Err(not.why))
    }

    /// Moves this tab to a space of built-in cases ([`CASES`],
    /// [`PRACTICE`]) or (`None`) back to the space it came from, and shows
    /// what is saved there.
    pub(super) fn enter_space(&self, case: Option<&'static str>) {
        let space = match case {
            Some(case) => Some(case.to_string()),
            None => return_space().filter(|space| library::has_space(space) || left_holds(Some(space))),
        };
        self.enter_space_named(space);
    }

    /// Moves this tab to a space (`None`: the person's own; [`CASES`];
    /// [`PRACTICE`]; a library entry's `lib-<id>`), and shows what is saved
    /// there.
    fn enter_space_named(&self, space: Option<String>) {
        // The space on screen, even an entry another tab deleted: its
        // change, kept apart, is filed under its own space.
        let from = remembered_space();
        let from_a_case = from.as_deref().is_some_and(is_case_space);
        match space.as_deref() {
            // From one case's space to the other, the way back stays.
            Some(to) if is_case_space(to) && from_a_case => {}
            Some(to) if is_case_space(to) => remember_return_space(from.as_deref()),
            _ => remember_return_space(None),
        }
        remember_space(space.as_deref());
        // The space's own clock: its trail was recorded on it.
        self.clock.set(remembered_clock());
        self.in_case.set(space.as_deref().is_some_and(is_case_space));
        let back = match space.as_deref() {
            Some(to) if is_case_space(to) => None,
            // Kept until the tab goes back to that very space.
            _ => LEFT_UNSAVED.with_borrow_mut(|left| {
                let at = left.iter().position(|left| left.space == space)?;
                Some(left.swap_remove(at))
            }),
        };
        let (tab, scenario) = match back {
            Some(left) => (left.tab, left.scenario),
            None => {
                let store = local::open(&space_prefix());
                let found = store.as_ref().map(found_now);
                let mut tab = Tab::new(store, &writer_id(), save_state_when_saved());
                let scenario = match tab.start(found, true) {
                    Start::Saved(scenario) => *scenario,
                    Start::Demo => start_demo(),
                };
                (tab, scenario)
            }
        };
        let demo_due = tab.lifecycle() == crate::save::Lifecycle::DemoDue;
        let left = self.engine.try_update_value(|old| std::mem::replace(old, tab));
        self.session.set(remembered_session(&scenario));
        let left_scenario = self.scenario.try_update(|old| std::mem::replace(old, scenario));
        self.clock_not_behind();
        // A tab still packing is kept too: its pack, when it ends, goes to
        // it here ([`pack_left_unsaved`]).
        let keep = |tab: &Tab<LocalKv>| !from_a_case && tab.holds_unsaved_change();
        if let (Some(mut tab), Some(scenario)) = (left.filter(keep), left_scenario) {
            tab.opening_given_up();
            LEFT_UNSAVED.with_borrow_mut(|left| left.push(LeftUnsaved { space: from, tab, scenario }));
        }
        self.left_unsaved_changed();
        self.replaced_scenario.set(None);
        self.after_engine();
        if demo_due {
            leptos::task::spawn_local(self.prepare_later());
        } else {
            self.save_first_demo();
        }
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
    /// tab where its persona is not signed in to the cases' space, goes to
    /// that space first ([`Ctx::resume_case`]).
    pub fn resume_tour(&self, at: TourAt) {
        let now = self.tour.get_untracked();
        if now == Some(at) {
            return;
        }
        let persona = at.tour.persona_id();
        let same_tour = now.is_some_and(|now| now.tour == at.tour);
        let on_case = is_in(CASES) && self.session.get_untracked().as_ref() == Some(&persona);
        if !same_tour && !on_case {
            // Done by the `later` file, before the tour's page and dialog
            // are drawn (they are later parts).
            self.tour_due.set_value(Some(at.tour));
            leptos::task::spawn_local(self.prepare_later());
        }
        self.tour.set(Some(at));
    }

    /// Goes to the cases' space for `built_in`'s tour: where its persona is
    /// signed in there, the case goes on as it was left; else it loads.
    fn resume_case(&self, built_in: crate::rules::demo::BuiltIn) {
        if !is_in(CASES) {
            self.enter_space(Some(CASES));
        }
        if self.session.get_untracked() != Some(built_in.persona_id()) {
            self.load_built_in(built_in);
        }
    }

    /// True when a space of built-in cases ([`CASES`], [`PRACTICE`])
    /// holds a save (to read before resuming there).
    pub(super) fn case_saved(space: &str) -> bool {
        local::open(&format!("{}{space}:", storage_prefix())).is_some_and(|store| store.stored_stamp().is_some())
    }

    /// Copies the tours' space's save, where whole (a built-in case is
    /// small), to practice mode's space, which has none: a task an earlier
    /// build kept there goes on (the attempt tells its own case from
    /// another, and begins again on one that is not it).
    pub(super) fn copy_tours_case_to_practice() {
        let Some(kv) = local::LocalKv::open() else { return };
        let cases = crate::save::Store::new(kv, &format!("{}{CASES}:", storage_prefix()));
        let practice = crate::save::Store::new(kv, &format!("{}{PRACTICE}:", storage_prefix()));
        if let Some(text) = cases.saved_whole_text() {
            // Not copied where the storage has no room: the task begins again.
            let _ = crate::save::KeyValue::set(&kv, &practice.document_key(), &text);
        }
    }

    /// Ends the tour; returns the id of the control to give the keyboard
    /// back to, after going back to its page if it is not on this one. A
    /// tour `left` before its end goes back to the scenario it was started
    /// from;
    /// a finished one stays on its case, so that its outcome can be shown
    /// (the case's banner leads back).
    pub fn end_tour(&self, left: bool) -> Option<String> {
        self.tour.set(None);
        if left {
            self.leave_case();
        }
        let (route, id) = self.tour_return.try_update_value(Option::take).flatten()?;
        if document().get_element_by_id(&id).is_none() && self.route.get_untracked() != route {
            self.go(route);
        }
        Some(id)
    }

    /// Restores the scenario the last import or kept case replaced (with
    /// `losing_it`, asking no restore point of the one it replaces).
    pub fn undo_import(&self, losing_it: bool) -> Result<(), PointNotKept> {
        match self.replaced_scenario.get_untracked() {
            Some(previous) => {
                self.replace_keeping(previous, false, keeping(Replaced::Restore, losing_it)).map_err(|not| not.why)
            }
            None => Ok(()),
        }
    }

    /// The scenario editor starts the scenario this tab has open anew (the
    /// person's own or a library entry's; from a case, the one the case
    /// was started from): empty, the demo data, a built-in case's. The one
    /// it replaces is kept as a
    /// restore point and can be restored once. Nobody is signed in to the
    /// new one: its people are the trainer's to choose.
    pub fn start_editing(&self, next: Scenario, losing_it: bool) -> Result<(), NotReplaced> {
        self.tour.set(None);
        if self.in_case.get_untracked() {
            self.enter_space(None);
        }
        self.replace_keeping(next, true, keeping(Replaced::Editor, losing_it))?;
        self.sign_out();
        Ok(())
    }

    /// Starts again from the built-in demo data (from a built-in case, the
    /// scenario the case was started from does). The scenario replaced is
    /// kept as a restore point; where it cannot be, the reset is refused
    /// unless `losing_it` (the person was told so, and went on).
    pub fn reset_to_demo(&self, losing_it: bool) -> Result<(), PointNotKept> {
        self.leave_case();
        self.replace_keeping(demo(real_now()), false, keeping(Replaced::Reset, losing_it)).map_err(|not| not.why)?;
        self.sign_out();
        Ok(())
    }

    /// The current scenario as the readable document an export downloads.
    pub fn export(&self) -> String {
        let revision = self.engine.with_value(Tab::revision);
        self.scenario.with_untracked(|s| Document::new(s.clone(), revision, real_now()).to_pretty_json())
    }

    /// Where the unreadable save found at start-up (or since) is kept.
    pub fn unreadable_backup(&self) -> Option<String> {
        self.engine.with_value(|tab| tab.backup_key().map(str::to_string))
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
    let offset = recall(&format!("{}certlink.clock", space_prefix())).and_then(|text| text.parse().ok()).unwrap_or(0);
    ScenarioClock::with_offset_ms(offset)
}

/// The context, as every view takes it.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// What a replacement the person asked for keeps: a restore point of the
/// scenario replaced, `why` it was; with `losing_it` (they were told it
/// cannot be kept, and went on), one where it can be.
fn keeping(why: Replaced, losing_it: bool) -> Keeping {
    if losing_it {
        Keeping::PointOrLoseIt(why)
    } else {
        Keeping::Point(why)
    }
}
