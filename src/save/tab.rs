//! One tab's side of saving: which save it last read or wrote, what its
//! banner says, what it is packing or opening, and the start-up lifecycle.
//! Views never see it; `session::Ctx` holds one and calls it with the
//! scenario its views read. Work the browser does asynchronously (packing
//! a large scenario, unpacking another tab's, fetching the reader file)
//! comes out as [`Todo`]s, which the caller does and reports back.

use super::kv::KeyValue;
use super::store::{Backup, KeptPoint, Loaded, Replaced, SaveError, Stamp, Store, MAX_STORED_BYTES};
use crate::rules::{Actor, Command, Event, Refusal, Scenario, Time};
use crate::storage::document::{self, BaseRef, Document, DocumentError, Head, Stored, SCHEMA};
use std::sync::Arc;

/// A scenario whose whole document is larger than this is stored as a
/// packed part and a head of the events since (schema 2), so that a save
/// after a change writes kilobytes, not megabytes.
pub const WHOLE_BYTES: usize = 512 * 1024;

/// After this many events since its part, a large scenario is packed anew,
/// so its head never grows without end.
pub const REPACK_EVENTS: usize = 2_000;

/// How close to [`MAX_STORED_BYTES`] a head's whole is measured exactly.
const NEAR_THE_LIMIT: usize = 1024 * 1024;

/// What the banner says about where the scenario is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Saved after every change.
    Saved,
    /// Storage is blocked here: changes will not survive a reload.
    MemoryOnly,
    /// `?demo=large`: the 10,000-person demo, saved apart (its own keys).
    LargeDemo,
    /// The saved text was unreadable: it is kept as a backup.
    Corrupt(DocumentError),
    /// The saved text was unreadable, and no backup could be made (the
    /// storage is full, or [`super::MAX_BACKUPS`] are kept): it stays where
    /// saves go, never written over, and changes are shown but not saved.
    /// Once room is made (a kept save or a restore point deleted, at once;
    /// any other way, at the next change) it is set aside and the scenario
    /// saved.
    CorruptInPlace(DocumentError),
    /// The last change did not fit: it is on screen only. `earlier_kept`:
    /// the save before it is still stored, and a reload shows that; false
    /// where the store holds no save of this scenario (none written yet,
    /// or the tab's save was set aside or cleared and is owed again).
    QuotaExceeded { earlier_kept: bool },
    /// A newer Certlink saved here; this tab does not write over it.
    /// `changed`: a change of the person's was made here since, which is
    /// on screen only.
    NewerVersion { found: u64, changed: bool },
    /// Another tab saved at the same moment, or wrote over this tab's save
    /// unseen, or something else wrote text in its place: the last change
    /// is shown here but not saved.
    Conflict,
    /// Another tab saved while this tab could not read it yet (the reader
    /// file on its way): the last change is shown here but not saved.
    Unread,
    /// The scenario is larger than Certlink reads back: the last change is
    /// shown here but not saved.
    TooLarge { bytes: usize },
    /// The space this tab saves in was deleted (a library entry, from
    /// another tab): the scenario on screen is saved nowhere, and this tab
    /// writes nothing more there.
    SpaceDeleted,
}

impl SaveState {
    /// A change is on screen that the store does not hold: this tab keeps
    /// it rather than take another tab's save over it.
    pub fn holds_unsaved(&self) -> bool {
        matches!(
            self,
            SaveState::QuotaExceeded { .. }
                | SaveState::Conflict
                | SaveState::Unread
                | SaveState::TooLarge { .. }
                | SaveState::SpaceDeleted
                | SaveState::CorruptInPlace(_)
                | SaveState::NewerVersion { changed: true, .. }
        )
    }
}

/// What a replacement keeps of the person's scenario it replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// Nothing: a built-in case's scenario, a library entry's first.
    Nothing,
    /// A restore point, saying why it was replaced; where none can be
    /// kept, nothing is replaced.
    Point(Replaced),
    /// A restore point where one can be kept: the person was told it may
    /// not be, and chose to replace it all the same.
    PointOrLoseIt(Replaced),
}

/// Why a restore point of the person's scenario could not be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointNotKept {
    /// Larger than a whole save: a restore point holds one.
    TooLarge,
    /// Storage has no room left for it.
    NoRoom,
    /// Nothing can be saved here now: storage is turned off, or another
    /// tab deleted the library entry open.
    NoStorage,
}

/// A replacement that did not take place, since the scenario it would
/// replace could not be kept (`why`); `next`, given back, is what would
/// have taken its place, for the person to replace it anyway.
#[derive(Debug, PartialEq)]
pub struct NotReplaced {
    pub why: PointNotKept,
    pub next: Box<Scenario>,
}

/// What another tab's save, taken here, changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Update {
    /// It went on from this tab's scenario: `changes` events, the last
    /// by `last`.
    Changes { changes: usize, last: Actor },
    /// It replaced the scenario whole (an import, a reset, a restore).
    Replaced,
}

/// Where a tab is in its start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifecycle {
    /// The start found nothing to show and left the demo to be built
    /// later: the scenario is empty meanwhile, and nothing is saved.
    DemoDue,
    /// The demo this tab started on, unchanged (saved or not): another
    /// tab's save may take its place.
    FreshDemo,
    /// A save this tab read, or a scenario the person made here.
    Own,
}

/// Reads stored text: `None` while the code that reads is not here (in
/// the browser, the reader's WebAssembly file on its way).
pub trait Reader {
    fn read(&self, text: String) -> Option<Result<Stored, DocumentError>>;
    fn join(&self, base: Arc<Document>, head: Head) -> Option<Result<Document, DocumentError>>;
}

/// The reader with every piece of code at hand (native tests, tools).
pub struct ReadNow;

impl Reader for ReadNow {
    fn read(&self, text: String) -> Option<Result<Stored, DocumentError>> {
        Some(document::parse_stored(&text))
    }

    fn join(&self, base: Arc<Document>, head: Head) -> Option<Result<Document, DocumentError>> {
        Some(document::join(&base, head))
    }
}

/// The packed part a large stored scenario continues, as this tab knows
/// it: its key, the whole document packed there, and that document's
/// length as JSON.
#[derive(Clone, Debug)]
pub struct Part {
    pub key: String,
    pub document: Arc<Document>,
    pub whole_bytes: usize,
}

impl Part {
    fn base(&self) -> BaseRef {
        BaseRef { key: self.key.clone(), revision: self.document.revision }
    }

    fn events(&self) -> usize {
        self.document.scenario.trail().len()
    }

    fn is(&self, base: &BaseRef) -> bool {
        self.key == base.key && self.document.revision == base.revision
    }
}

/// A large scenario to pack: its whole document's JSON, as of `snapshot`.
#[derive(Clone, Debug)]
pub struct PackJob {
    pub whole: String,
    snapshot: Arc<Scenario>,
    revision: u64,
}

/// Reading the caller does for the tab, then reports back. (A pack is
/// asked for apart, [`Tab::take_pack`]: only a write starts one, so the
/// code that packs is needed only where writes are.)
#[derive(Debug)]
pub enum Todo {
    /// Another tab's save waits for the reader: call [`Tab::take_newer_save`] once it
    /// is here.
    ReadLater,
    /// Another tab's large save: unpack `packed`, join `head` to it, then
    /// call [`Tab::opened`].
    Open { head: Box<Head>, packed: String },
}

/// What the start read from the store, for [`Tab::start`].
pub enum Found {
    /// Read completely (a large save joined to its part), with the stamp
    /// stored when its text was read: by the start, another tab may have
    /// saved in its place, even a save of the same number.
    Read(Loaded, Option<Part>, Option<Stamp>),
    /// A save is there that cannot be read yet.
    Unread,
}

/// What a tab starts on.
pub enum Start {
    /// The save it read.
    Saved(Box<Scenario>),
    /// The demo data (now, or later, as the caller decides).
    Demo,
}

/// What a save writes besides the document key.
enum Saving {
    /// The whole scenario: any part saved before goes.
    Whole,
    /// The events since the part saved before.
    Events,
    /// A new part (and its packed text), replacing the one before.
    Part(Box<Part>, String),
}

/// One tab's save engine over the key-value store `K`.
pub struct Tab<K> {
    /// `None` where storage is blocked: nothing is written then.
    store: Option<Store<K>>,
    /// An unreadable save that stays in place for want of room, and a
    /// fingerprint of its text (to tell whether it is still there): nothing
    /// is written until it is set aside.
    held: Option<(DocumentError, u64)>,
    writer: String,
    parts_made: u64,
    stamp: Stamp,
    part: Option<Part>,
    /// The scenario being packed, shared with the pack.
    packing: Option<Arc<Scenario>>,
    /// The pack under way repacks changes already saved as heads.
    repacking: bool,
    /// The length of trail before which no repack starts: one that found
    /// no room is tried again only this many events later.
    repack_after: usize,
    /// The save there is another tab's, which this tab did not show and
    /// kept as a restore point to replace on top of, and this tab's own
    /// save has not been written over it yet: that point may be its only
    /// copy, so no later point of this tab's pushes it out for room.
    save_only_in_point: bool,
    /// The save here is this tab's head over a part another tab removed,
    /// or this tab's large save another tab set aside for it: the whole is
    /// owed to the store ([`Tab::save_again`]) until a save is written.
    owes_a_save: bool,
    /// The length of the trail shown when that save became owed.
    owed_at: usize,
    /// The snapshot of the pack that writes that save ([`Tab::save_again`]):
    /// where another tab showing the same save wrote it again first, and
    /// this tab has changed nothing since, that save is taken, as there.
    owed_pack: Option<Arc<Scenario>>,
    /// The restore point a replacement still being packed kept, where it
    /// copies the save: taken back with the points it pushed out if the
    /// pack's save finds no room, as at once in [`Tab::replace`].
    point_for_pack: Option<(Arc<Scenario>, KeptPoint)>,
    /// A restore point taken back for want of room, of the save the
    /// replacement on screen is to go over: kept again before anything is
    /// saved over it (and, where it cannot be, nothing is).
    /// With it, the number of the next point when it was first due: points
    /// kept since, of later replacements, never give way to it.
    point_owed: Option<(Replaced, String, u64)>,
    /// The part of another tab's save being unpacked.
    opening: Option<BaseRef>,
    /// The stamp of that save, as stored when its head was read: by the
    /// time the part is open, another save of the same number may stand
    /// in its place (one written over a space set aside since).
    opening_stamp: Stamp,
    /// This tab's own stamp then: once it has moved on (another save
    /// taken, or its own written), the part opened is of an older save.
    opening_from: Stamp,
    /// The scenario shown stands in for the save the start found and could
    /// not read at once (the reader on its way, or a large save's part to
    /// unpack): nothing of the person's is on screen until that save is read.
    stands_in: bool,
    lifecycle: Lifecycle,
    save_state: SaveState,
    /// What the banner says while saves succeed.
    saved: SaveState,
    backup_key: Option<String>,
    updated_elsewhere: Option<Update>,
    /// A save read took the place of the scenario shown, since the last
    /// [`Tab::take_shown_anew`] (with or without a notice to give).
    shown_anew: bool,
    /// The last read found the reader missing.
    reader_missing: bool,
    todo: Vec<Todo>,
    /// A pack to start: its whole document's JSON.
    pack_job: Option<PackJob>,
    whole_bytes: usize,
}

impl<K: KeyValue> Tab<K> {
    /// A tab over `store` (`None`: storage is blocked), writing as `writer`
    /// (an id no other tab has). `saved` is the banner while saves succeed.
    pub fn new(store: Option<Store<K>>, writer: &str, saved: SaveState) -> Tab<K> {
        let save_state = if store.is_some() { saved.clone() } else { SaveState::MemoryOnly };
        Tab {
            store,
            held: None,
            writer: writer.to_string(),
            parts_made: 0,
            stamp: Stamp::default(),
            part: None,
            packing: None,
            repacking: false,
            owes_a_save: false,
            owed_at: 0,
            owed_pack: None,
            save_only_in_point: false,
            repack_after: 0,
            point_for_pack: None,
            point_owed: None,
            opening: None,
            opening_stamp: Stamp::default(),
            opening_from: Stamp::default(),
            stands_in: false,
            lifecycle: Lifecycle::FreshDemo,
            save_state,
            saved,
            backup_key: None,
            updated_elsewhere: None,
            shown_anew: false,
            reader_missing: false,
            todo: Vec::new(),
            pack_job: None,
            whole_bytes: WHOLE_BYTES,
        }
    }

    /// Stores scenarios whose whole JSON is over `bytes` as part and head
    /// (tests use a small size to play large scenarios).
    pub fn with_whole_bytes(mut self, bytes: usize) -> Tab<K> {
        self.whole_bytes = bytes;
        self
    }

    pub fn save_state(&self) -> &SaveState {
        &self.save_state
    }

    pub fn lifecycle(&self) -> Lifecycle {
        self.lifecycle
    }

    pub fn revision(&self) -> u64 {
        self.stamp.revision
    }

    pub fn store(&self) -> Option<&Store<K>> {
        self.store.as_ref()
    }

    /// Where the unreadable save found at the start (or since) is kept.
    pub fn backup_key(&self) -> Option<&str> {
        self.backup_key.as_deref()
    }

    /// The unreadable saves kept, oldest first, and last the one this tab
    /// keeps in place for want of room: each can be downloaded whole.
    pub fn kept_saves(&self) -> Vec<Backup> {
        let Some(store) = &self.store else { return Vec::new() };
        let mut kept = store.backups();
        if self.held.is_some() {
            if let Some((text, part)) = store.backup(&store.document_key()) {
                let chars = text.len() + part.as_ref().map_or(0, String::len);
                kept.push(Backup { key: store.document_key(), chars, has_part: part.is_some(), in_place: true });
            }
        }
        kept
    }

    /// The scenario is kept as a packed part (its JSON is over the whole
    /// save's size): too large to be kept as a restore point.
    pub fn is_large(&self) -> bool {
        self.part.is_some() || self.packing.is_some()
    }

    /// The space this tab saves in was deleted: the scenario on screen is
    /// kept, said saved nowhere, and nothing is written to that space
    /// again (it would be kept under keys no library entry names).
    pub fn space_deleted(&mut self) {
        self.store = None;
        // Nothing more is written: no copy of a pack's scenario is kept
        // for a save that will not come.
        self.packing = None;
        self.pack_job = None;
        self.owed_pack = None;
        self.point_for_pack = None;
        self.save_state = SaveState::SpaceDeleted;
    }

    /// A change of the person's is on screen and not written (being
    /// packed, said not saved, or with no store to write to): leaving this
    /// scenario would lose it. An unreadable save kept in place before any
    /// change holds none; nor does a repack of changes already saved, or
    /// an untouched demo's pack.
    pub fn holds_unsaved_change(&self) -> bool {
        self.packs_unwritten()
            || (self.lifecycle == Lifecycle::Own
                && (self.save_state.holds_unsaved() || self.store.is_none() || self.owes_a_save))
    }

    /// A pack under way holds a change of the person's that the store does
    /// not: the first pack of a scenario grown large, or one that does not
    /// go on from the stored part (an import, a reset). Its own save meets
    /// any other tab's and says so. A repack of changes already saved as
    /// heads, or an untouched demo's pack, holds none.
    fn packs_unwritten(&self) -> bool {
        self.packing.is_some() && !self.repacking && self.lifecycle == Lifecycle::Own
    }

    /// The scenario on screen is the one stored: nothing is said unsaved,
    /// being packed, or kept from a newer Certlink's save. A restore point
    /// is given up only then.
    pub fn is_saved(&self) -> bool {
        self.store.is_some()
            && self.packing.is_none()
            && !self.save_state.holds_unsaved()
            && !matches!(self.save_state, SaveState::NewerVersion { .. })
    }

    /// True while a large scenario is being packed: its change is not
    /// written until the pack is.
    pub fn is_saving(&self) -> bool {
        self.packing.is_some()
    }

    /// True while another tab's large save is being opened: a change made
    /// meanwhile meets that save and is said unsaved, so the page says so.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some() || self.stands_in
    }

    /// True while the scenario shown stands in for a save the start found
    /// and has not read yet: a page drawn now would show the wrong
    /// scenario, so the caller reads it first ([`Tab::take_newer_save`]).
    pub fn stands_in(&self) -> bool {
        self.stands_in
    }

    /// The reading the caller is to do, taken once.
    pub fn take_todo(&mut self) -> Vec<Todo> {
        std::mem::take(&mut self.todo)
    }

    /// The pack the caller is to do ([`Tab::packed`] when done), taken once.
    pub fn take_pack(&mut self) -> Option<PackJob> {
        self.pack_job.take()
    }

    /// What another tab's save taken since the last call changed, once.
    pub fn take_updated_elsewhere(&mut self) -> Option<Update> {
        self.updated_elsewhere.take()
    }

    /// True once after a save read took the place of the scenario shown:
    /// another tab's, or the one a stand-in stood for (which has no
    /// notice, [`Tab::take_updated_elsewhere`]). The page shows it anew.
    pub fn take_shown_anew(&mut self) -> bool {
        std::mem::take(&mut self.shown_anew)
    }

    /// The start: what the store held, or the demo. `demo_later` leaves
    /// the demo to be built by [`Tab::demo_built`].
    pub fn start(&mut self, found: Option<Found>, demo_later: bool) -> Start {
        let demo = if demo_later { Lifecycle::DemoDue } else { Lifecycle::FreshDemo };
        self.lifecycle = demo;
        let Some(found) = found.filter(|_| self.store.is_some()) else { return Start::Demo };
        match found {
            Found::Read(Loaded::Nothing, ..) => Start::Demo,
            Found::Read(Loaded::Document(doc), part, stamp) => {
                self.stamp = stamp_read(stamp, doc.revision);
                self.part = part;
                self.becomes_own();
                Start::Saved(Box::new(doc.scenario))
            }
            // A large save that was not joined here, or one the reader is
            // not here to read: it is read as another tab's would be.
            Found::Read(Loaded::Continues { head, packed }, _, stamp) => {
                self.opening = Some(head.base.clone());
                self.opening_stamp = stamp_read(stamp, head.revision);
                self.opening_from = self.stamp.clone();
                self.stands_in = true;
                self.todo.push(Todo::Open { head, packed });
                Start::Demo
            }
            Found::Unread => {
                self.stands_in = true;
                self.todo.push(Todo::ReadLater);
                Start::Demo
            }
            Found::Read(Loaded::Corrupt { error, backup_key, moved }, ..) => {
                self.set_aside(error, backup_key, moved);
                Start::Demo
            }
            Found::Read(Loaded::Newer { found }, ..) => {
                self.save_state = SaveState::NewerVersion { found, changed: false };
                Start::Demo
            }
        }
    }

    /// The scenario shown is the person's from now on (read, changed or
    /// replaced): no longer a stand-in.
    fn becomes_own(&mut self) {
        self.lifecycle = Lifecycle::Own;
        self.stands_in = false;
    }

    fn set_aside(&mut self, error: DocumentError, backup_key: String, moved: bool) {
        self.backup_key = Some(backup_key);
        // A part set aside with the text is no longer this tab's to go on
        // from: the next save is whole. One still stored is.
        if let (Some(part), Some(store)) = (&self.part, &self.store) {
            if !store.holds(&part.key) {
                self.part = None;
            }
        }
        if moved {
            self.save_state = SaveState::Corrupt(error);
        } else {
            // The unreadable text is still the document: never save over it.
            let fingerprint = self.store.as_ref().and_then(Store::saved_text).map_or(0, |text| fingerprint(&text));
            self.held = Some((error.clone(), fingerprint));
            self.save_state = SaveState::CorruptInPlace(error);
        }
    }

    /// [`Tab::set_aside`] for unreadable text written over this tab's save:
    /// moved aside, it leaves nothing of the scenario the tab shows, which
    /// is saved again ([`Tab::save_again`]) under the banner that says
    /// what was kept aside.
    fn set_aside_over_own(&mut self, scenario: &Scenario, error: DocumentError, backup_key: String, moved: bool) {
        self.set_aside(error, backup_key, moved);
        if moved && self.lifecycle == Lifecycle::Own {
            self.owe_a_save(scenario);
        }
    }

    /// Sets aside the unreadable save that stayed in place, where there is
    /// room now; true when nothing holds saving back any more.
    fn set_aside_held(&mut self) -> bool {
        let (Some((error, fingerprint)), Some(store)) = (self.held.clone(), &self.store) else { return true };
        let Some(text) = store.saved_text() else {
            // Set aside or cleared elsewhere, nothing saved in its place:
            // this tab's scenario may go there.
            self.held = None;
            self.backup_key = None;
            return true;
        };
        if self::fingerprint(&text) != fingerprint {
            // Another tab set it aside, and may have saved since: this tab
            // goes on as any other. Changes it made meanwhile were never
            // saved; they stay on screen, said so, rather than give way to
            // that save.
            self.held = None;
            self.backup_key = None;
            if self.lifecycle == Lifecycle::FreshDemo {
                self.save_state = self.saved.clone();
                return true;
            }
            self.save_state = SaveState::Conflict;
            return false;
        }
        match store.set_aside(error.clone()) {
            Loaded::Corrupt { error, backup_key, moved: true } => {
                self.held = None;
                self.backup_key = Some(backup_key);
                self.save_state = SaveState::Corrupt(error);
                true
            }
            _ => {
                self.save_state = SaveState::CorruptInPlace(error);
                false
            }
        }
    }

    /// The demo the start left for later, built: `scenario` becomes it,
    /// unless another tab's save took its place meanwhile. True when it did.
    pub fn demo_built(&mut self, scenario: &mut Scenario, demo: Scenario) -> bool {
        if self.lifecycle != Lifecycle::DemoDue {
            return false;
        }
        self.lifecycle = Lifecycle::FreshDemo;
        *scenario = demo;
        true
    }

    /// The first save of the demo this tab started on, if nothing is saved.
    pub fn save_demo(&mut self, scenario: &Scenario, now: Time) {
        let first = self.stamp.revision == 0
            && self.lifecycle == Lifecycle::FreshDemo
            && matches!(self.save_state, SaveState::Saved | SaveState::LargeDemo | SaveState::Corrupt(_));
        if first {
            let _ = self.persist(scenario, now);
        }
    }

    /// Runs `command` as `actor` on the newest save, and saves the result.
    /// If another tab saved in between, its scenario is taken and the
    /// command runs again on it, so neither tab's work is dropped; where
    /// that cannot be done, the change stays on screen under a banner.
    pub fn execute(
        &mut self,
        scenario: &mut Scenario,
        reader: &impl Reader,
        actor: &Actor,
        now: Time,
        command: &Command,
    ) -> Result<Vec<Event>, Refusal> {
        self.take_newer_save(scenario, reader);
        let result = scenario.execute(actor, now, command)?;
        self.becomes_own();
        if self.persist(scenario, now) != Err(SaveError::Conflict) {
            return Ok(result);
        }
        if !self.take_newer_save(scenario, reader) {
            if self.save_state != SaveState::Unread {
                self.save_state = SaveState::Conflict;
            }
            return Ok(result);
        }
        let again = scenario.execute(actor, now, command)?;
        if self.persist(scenario, now) == Err(SaveError::Conflict) {
            self.save_state = SaveState::Conflict;
        }
        Ok(again)
    }

    /// Signs in (R5) on the newest save, and saves the sign-in's event.
    pub fn sign_in(
        &mut self,
        scenario: &mut Scenario,
        reader: &impl Reader,
        now: Time,
        email: &str,
        password: &str,
    ) -> Result<crate::rules::AccountId, Refusal> {
        self.take_newer_save(scenario, reader);
        let events = scenario.trail().len();
        let id = scenario.sign_in(now, email, password)?;
        // A sign-in that records a change (an invitation accepted) makes
        // the scenario the person's, as any other change does.
        let changed = scenario.trail().len() > events;
        if changed {
            self.becomes_own();
        }
        // Under a newer Certlink's save nothing is written, and a sign-in
        // that records nothing is no change of the person's to say unsaved.
        if changed || !matches!(self.save_state, SaveState::NewerVersion { .. }) {
            let saved = self.persist(scenario, now);
            self.say_conflict(saved);
        }
        Ok(id)
    }

    /// Replaces the whole scenario (an import, a reset, an undo) on top of
    /// the newest save, saves it, and returns the one replaced. What it
    /// keeps of the person's scenario first, `keeping` says: a restore
    /// point that cannot be kept (larger than a whole save, or no room
    /// left for it) refuses the replacement, which gives `next` back and
    /// changes nothing, unless the person accepted losing it. An untouched
    /// demo is nothing of the person's, and a deleted space keeps nothing.
    /// Another tab's save that this tab could not take (its own change
    /// said unsaved) is kept as a restore point too, and the replacement
    /// goes on top of it.
    pub fn replace(
        &mut self,
        scenario: &mut Scenario,
        reader: &impl Reader,
        next: Scenario,
        now: Time,
        keeping: Keeping,
    ) -> Result<Scenario, NotReplaced> {
        self.take_newer_save(scenario, reader);
        let kept = match keeping {
            Keeping::Nothing => None,
            Keeping::Point(why) | Keeping::PointOrLoseIt(why) => Some(why),
        };
        // The point is a copy of the last save only where the scenario on
        // screen is the one stored; otherwise it is the only copy of the
        // person's work, whatever comes of the replacement's save.
        let point_copies_the_save = self.is_saved();
        // With nowhere to keep it, the person's scenario would be lost:
        // refused, as when there is no room, until they choose to lose it.
        if let (Keeping::Point(_), None, Lifecycle::Own) = (keeping, &self.store, self.lifecycle) {
            return Err(NotReplaced { why: PointNotKept::NoStorage, next: Box::new(next) });
        }
        let mut point = None;
        if let (Some(why), Some(store)) = (kept, &self.store) {
            if self.lifecycle == Lifecycle::Own {
                let json = document::to_json(scenario, self.stamp.revision, now);
                let kept = if json.len() > self.whole_bytes {
                    Err(PointNotKept::TooLarge)
                } else if self.save_only_in_point {
                    store.keep_restore_point_in_room(why, &json).map_err(|_| PointNotKept::NoRoom)
                } else {
                    store.keep_restore_point(why, &json).map_err(|_| PointNotKept::NoRoom)
                };
                match (kept, keeping) {
                    (Err(why), Keeping::Point(_)) => return Err(NotReplaced { why, next: Box::new(next) }),
                    (kept, _) => point = kept.ok(),
                }
            }
        }
        let replaced = std::mem::replace(scenario, next);
        self.becomes_own();
        // A save owed is no longer of the scenario shown: one another tab
        // writes of it is not this tab's to take in its place.
        self.owed_at = usize::MAX;
        self.owed_pack = None;
        // The person chose to replace what was unsaved (kept above). Where
        // that was another tab's save this tab has not taken, the save is
        // kept as a restore point too and the replacement goes on top of it.
        // A deleted space has no store: the replacement is saved nowhere
        // either, and the banner goes on saying so.
        if self.save_state.holds_unsaved() && self.save_state != SaveState::SpaceDeleted {
            if let (SaveState::Conflict | SaveState::Unread, Some(why), Some(store)) =
                (&self.save_state, kept, &self.store)
            {
                // Read where the reader is here; where it is not yet, a
                // text Your data can list is kept as it is.
                let reads =
                    |text: &str| reader.read(text.to_string()).is_none_or(|read| matches!(read, Ok(Stored::Whole(_))));
                if let Some(stamp) = store.keep_saved_as_restore_point(why, self.whole_bytes, reads) {
                    self.stamp = stamp;
                    self.save_only_in_point = true;
                }
            }
            self.save_state = self.saved.clone();
        }
        let saved = self.persist(scenario, now);
        // A replacement refused for want of room keeps the last save whole:
        // a point that copies it is not worth the older points it pushed
        // out. A large replacement's pack ends later, and so does its save.
        if let (Some(point), true) = (point, point_copies_the_save) {
            self.settle_point(&saved, point);
        }
        self.say_conflict(saved);
        Ok(replaced)
    }

    /// A save refused because another tab saved first, where that save
    /// could not be taken before (it waits for the reader, or is being
    /// opened): the change stays on screen, said unsaved.
    fn say_conflict(&mut self, saved: Result<(), SaveError>) {
        if saved == Err(SaveError::Conflict) && self.save_state != SaveState::Unread {
            self.save_state = SaveState::Conflict;
        }
    }

    /// Saves `scenario`. A conflict with a save another tab wrote first
    /// is left to the caller: [`Tab::execute`] takes that save and runs
    /// the command again; a replacement or a sign-in says it unsaved. (An
    /// unreadable save kept in place says its own banner.) A
    /// large scenario whose part is stored saves only the events since; a
    /// new large one is packed first ([`Tab::take_pack`]). A restore point
    /// owed ([`Tab::replace`] took it back for want of room) is kept first:
    /// where it still cannot be, nothing is saved over the save it holds,
    /// and the change stays on screen, said unsaved.
    pub fn persist(&mut self, scenario: &Scenario, now: Time) -> Result<(), SaveError> {
        let Some((why, json, spared)) = self.point_owed.take() else { return self.persist_now(scenario, now) };
        let point = match &self.store {
            Some(store) => store.keep_late_point(why, &json, spared),
            None => return self.persist_now(scenario, now),
        };
        let Ok(point) = point else {
            self.point_owed = Some((why, json, spared));
            self.save_state = self.storage_full();
            return Err(SaveError::Quota);
        };
        let saved = self.persist_now(scenario, now);
        self.settle_point(&saved, point);
        saved
    }

    /// A restore point that copies the save `saved` was to go over: taken
    /// back, and owed, where that save found no room; held while a pack
    /// started for it runs, to be settled when the pack's save is done.
    fn settle_point(&mut self, saved: &Result<(), SaveError>, point: KeptPoint) {
        let packing = self.pack_job.as_ref().filter(|_| self.packs_unwritten()).map(|job| Arc::clone(&job.snapshot));
        match (saved, packing, &self.store) {
            (Err(SaveError::Quota), _, Some(_)) => self.take_back_point(point),
            (Ok(()), Some(snapshot), _) => self.point_for_pack = Some((snapshot, point)),
            _ => {}
        }
    }

    /// The banner of a save that found no room: whether a reload would
    /// still show the save before it, or no save of this scenario at all.
    fn storage_full(&self) -> SaveState {
        SaveState::QuotaExceeded { earlier_kept: !self.owes_a_save && self.own_save_stored() }
    }

    /// The save stored is the one this tab last wrote or read, or one
    /// written over it, and a reload reads it: readable from its first
    /// bytes, of this Certlink's schema, not written over by something
    /// that is not one of this Certlink's tabs, and with the part its head
    /// names. (The lineage does not tell a replacement another tab wrote
    /// over it, an import say, from a change: both count.)
    fn own_save_stored(&self) -> bool {
        let Some(store) = &self.store else { return false };
        let readable =
            |schema: u64, stored: &Stamp| (1..=SCHEMA).contains(&schema) && !stored.is_unsigned_over(&self.stamp);
        store.stored_stamp().is_some_and(|(schema, stored)| {
            readable(schema, &stored)
                && (stored.is_same_save(&self.stamp) || self.descends_from_own(store))
                && store.saved_part_held()
        })
    }

    /// While the tab holds a change it could not save: a full storage's
    /// banner speaks of the save before the change only while the store
    /// holds it (another tab may write over it, or set it aside), and a
    /// store emptied meanwhile (another page cleared it, making room) is
    /// owed this tab's scenario at once. (A pack under way writes it
    /// itself.) No save another tab writes again is this tab's to take:
    /// none holds the change it could not save.
    fn check_earlier_kept(&mut self) {
        let Some(store) = &self.store else { return };
        let emptied = store.stored_stamp().is_none() && self.lifecycle == Lifecycle::Own;
        if emptied && !self.owes_a_save && self.packing.is_none() {
            self.owes_a_save = true;
            self.owed_at = usize::MAX;
        }
        if self.save_state == (SaveState::QuotaExceeded { earlier_kept: true }) && !self.own_save_stored() {
            self.save_state = SaveState::QuotaExceeded { earlier_kept: false };
        }
    }

    /// Takes back a point kept for a save that found no room, and owes it.
    fn take_back_point(&mut self, point: KeptPoint) {
        let Some(store) = &self.store else { return };
        let spared = point.spared();
        let owed = store.take_back_point(point);
        self.point_owed = owed.map(|(why, json)| (why, json, spared.unwrap_or_else(|| store.next_point_number())));
    }

    fn persist_now(&mut self, scenario: &Scenario, now: Time) -> Result<(), SaveError> {
        if self.store.is_none() {
            return Ok(());
        }
        if let SaveState::NewerVersion { changed, .. } = &mut self.save_state {
            *changed |= self.lifecycle == Lifecycle::Own;
            return Ok(());
        }
        if !self.set_aside_held() {
            return Err(if self.save_state == SaveState::Conflict { SaveError::Conflict } else { SaveError::Quota });
        }
        if self.lifecycle == Lifecycle::DemoDue {
            return Ok(());
        }
        let next = next_revision(self.stamp.revision);
        // A head goes on from the part this tab wrote or read, while it is
        // still stored: one removed since (another tab set it aside) is
        // packed anew rather than named by a head nothing can read.
        let stored = |part: &&Part| self.store.as_ref().is_some_and(|store| store.holds(&part.key));
        let head =
            self.part.as_ref().filter(|part| scenario.extends(&part.document.scenario)).filter(stored).map(|part| {
                let json = document::to_json_continuing(scenario, &part.base(), part.events(), next, now);
                // What a whole can grow by is bounded by twice its events
                // (each in the trail, and at most as much in the state):
                // measured exactly only within a margin of the limit.
                let near = part.whole_bytes + 2 * json.len() + NEAR_THE_LIMIT > MAX_STORED_BYTES;
                (json, scenario.trail().len() - part.events(), near)
            });
        if let Some((json, since, near_the_limit)) = head {
            // The whole a head makes with its part is what an export writes
            // and a reload reads: one past what Certlink reads back is not
            // saved, and said so, as a whole would be. Measured where it
            // can be near that, and for a repack.
            let repack = since > REPACK_EVENTS && self.packing.is_none() && scenario.trail().len() >= self.repack_after;
            let whole = (near_the_limit || repack).then(|| document::to_json(scenario, next, now));
            if let Some(whole) = whole.as_ref().filter(|whole| whole.len() > MAX_STORED_BYTES) {
                self.save_state = SaveState::TooLarge { bytes: whole.len() };
                return Err(SaveError::TooLarge { bytes: whole.len() });
            }
            let saved = self.commit(&json, Saving::Events);
            // A repack of what the heads already saved.
            if let Some(whole) = whole.filter(|_| saved.is_ok() && repack) {
                let _ = self.pack(scenario, whole, next);
                self.repacking = true;
            }
            return saved;
        }
        if self.packing.as_ref().is_some_and(|packing| scenario.extends(packing)) {
            // The pack under way saves these events with its head.
            return Ok(());
        }
        let whole = document::to_json(scenario, next, now);
        if whole.len() > self.whole_bytes {
            self.repacking = false;
            return self.pack(scenario, whole, next);
        }
        self.commit(&whole, Saving::Whole)
    }

    /// Starts packing `whole`, unless it is larger than Certlink reads back.
    fn pack(&mut self, scenario: &Scenario, whole: String, revision: u64) -> Result<(), SaveError> {
        if whole.len() > MAX_STORED_BYTES {
            self.save_state = SaveState::TooLarge { bytes: whole.len() };
            return Err(SaveError::TooLarge { bytes: whole.len() });
        }
        let snapshot = Arc::new(scenario.clone());
        self.packing = Some(Arc::clone(&snapshot));
        self.pack_job = Some(PackJob { whole, snapshot, revision });
        Ok(())
    }

    /// Whether `job` is the pack this tab waits for. A tab set aside while
    /// its pack runs (the person opened a case meanwhile) is not the one
    /// the page shows when the pack ends: the caller hands the pack to the
    /// tab that waits for it.
    pub fn waits_for(&self, job: &PackJob) -> bool {
        self.packing.as_ref().is_some_and(|packing| Arc::ptr_eq(packing, &job.snapshot))
    }

    /// A pack is done: `packed` is its text, `None` where this browser
    /// cannot pack (the whole document is then tried). Saves the part with
    /// a head of the events recorded meanwhile; a scenario replaced
    /// meanwhile has had its own save. A pack this tab does not wait for
    /// ([`Tab::waits_for`]: another tab's, or one a later pack replaced)
    /// changes nothing.
    pub fn packed(
        &mut self,
        scenario: &mut Scenario,
        reader: &impl Reader,
        job: PackJob,
        packed: Option<String>,
        now: Time,
    ) {
        if !self.waits_for(&job) {
            return;
        }
        self.packing = None;
        // Taken before the snapshot is unwrapped below, as the point is.
        let owed = self.owed_pack.take().is_some_and(|snapshot| Arc::ptr_eq(&snapshot, &job.snapshot));
        // Taken first: its copy of the snapshot would make the unwrapping
        // below copy the whole scenario.
        let point = self.point_for_pack.take().filter(|(snapshot, _)| Arc::ptr_eq(snapshot, &job.snapshot));
        let point = point.map(|(_, point)| point);
        if !scenario.extends(&job.snapshot) {
            return;
        }
        // What a repack's save found in the way, it says nothing new of:
        // the heads hold every change already.
        let repack = std::mem::take(&mut self.repacking).then(|| self.save_state.clone());
        let Some(packed) = packed else {
            // The events recorded during the pack are saved too: they were
            // left to it.
            let events = job.snapshot.trail().len();
            let whole = if scenario.trail().len() == events && job.revision == next_revision(self.stamp.revision) {
                job.whole
            } else {
                document::to_json(scenario, next_revision(self.stamp.revision), now)
            };
            let saved = self.commit(&whole, Saving::Whole);
            self.after_pack_saved(scenario, reader, (events, owed), saved, point, repack);
            return;
        };
        let Some(store) = &self.store else { return };
        self.parts_made += 1;
        let key =
            store.new_part_key(now.timestamp_millis().max(0) as u64, &format!("{}{}", self.writer, self.parts_made));
        let whole_bytes = job.whole.len();
        drop(job.whole);
        // The tab let go of its copy above: unwrapping copies nothing.
        let snapshot = Arc::try_unwrap(job.snapshot).unwrap_or_else(|shared| Scenario::clone(&shared));
        let part = Part { key, document: Arc::new(Document::new(snapshot, job.revision, now)), whole_bytes };
        let events = part.events();
        let head =
            document::to_json_continuing(scenario, &part.base(), events, next_revision(self.stamp.revision), now);
        let saved = self.commit(&head, Saving::Part(Box::new(part), packed));
        self.after_pack_saved(scenario, reader, (events, owed), saved, point, repack);
    }

    /// A pack's save is done. One that found no room takes back the point
    /// its replacement kept (`point`). One that met another tab's: two
    /// tabs opened on an empty store each packed their demo, and the first
    /// one saved wins, as for the small demo; anything else is work of
    /// this tab's, which it keeps on screen, said unsaved, but a save owed
    /// (`owed`: another tab showing the same save wrote it again first,
    /// nothing changed here since), which is taken. A repack (the
    /// save state before it, `repack`) holds no such work: one with no
    /// room leaves the heads as they are, to be tried again
    /// [`REPACK_EVENTS`] later; one that met another tab's save takes it.
    fn after_pack_saved(
        &mut self,
        scenario: &mut Scenario,
        reader: &impl Reader,
        (events, owed): (usize, bool),
        saved: Result<(), SaveError>,
        point: Option<KeptPoint>,
        repack: Option<SaveState>,
    ) {
        if let (Err(error @ (SaveError::Quota | SaveError::Conflict)), Some(before)) = (&saved, repack) {
            self.save_state = before;
            self.repack_after = scenario.trail().len() + REPACK_EVENTS;
            if matches!(error, SaveError::Conflict) {
                self.take_newer_save(scenario, reader);
            }
            return;
        }
        match saved {
            Err(SaveError::Quota) => {
                if let Some(point) = point {
                    self.settle_point(&saved, point);
                }
            }
            Err(SaveError::Conflict) if self.lifecycle == Lifecycle::FreshDemo && scenario.trail().len() == events => {
                self.take_newer_save(scenario, reader);
            }
            Err(SaveError::Conflict)
                if owed
                    && scenario.trail().len() == events
                    && events == self.owed_at
                    && self.store.as_ref().is_some_and(|store| self.descends_from_own(store)) =>
            {
                self.take_save_written_again(scenario, reader);
            }
            Err(SaveError::Conflict) => self.save_state = SaveState::Conflict,
            _ => {}
        }
    }

    /// Writes `json` over the save this tab last read or wrote, and shows
    /// how it went. A save that does not continue the part before drops it.
    fn commit(&mut self, json: &str, saving: Saving) -> Result<(), SaveError> {
        let Some(store) = &self.store else { return Ok(()) };
        let old_key = self.part.as_ref().map(|p| p.key.clone());
        let (written, drop_part) = match &saving {
            Saving::Whole => (None, old_key.as_deref()),
            Saving::Events => (None, None),
            Saving::Part(part, packed) => (Some((part.key.as_str(), packed.as_str())), old_key.as_deref()),
        };
        match store.save(json, &self.stamp, &self.writer, written, drop_part) {
            Ok(stamp) => {
                // An untouched demo stays one once saved: nothing of the
                // person's is in it yet.
                self.stamp = stamp;
                self.owes_a_save = false;
                self.save_only_in_point = false;
                // A repack put off (no room) was of the part a whole or a
                // new part replaces: the next part repacks in its own time.
                match saving {
                    Saving::Whole => (self.part, self.repack_after) = (None, 0),
                    Saving::Events => {}
                    Saving::Part(part, _) => (self.part, self.repack_after) = (Some(*part), 0),
                }
                if self.save_state.holds_unsaved() {
                    self.save_state = self.saved.clone();
                }
                Ok(())
            }
            Err(error) => {
                match &error {
                    // An untouched demo not saved holds nothing of the
                    // person's: no banner (their first change says it).
                    SaveError::Quota if self.lifecycle != Lifecycle::Own => {}
                    SaveError::Quota => self.save_state = self.storage_full(),
                    SaveError::Newer { found } => {
                        let changed = self.lifecycle == Lifecycle::Own;
                        self.save_state = SaveState::NewerVersion { found: *found, changed }
                    }
                    SaveError::TooLarge { bytes } => self.save_state = SaveState::TooLarge { bytes: *bytes },
                    // A save that waits for the reader: what this tab just
                    // did stays on screen, said unsaved, never silently
                    // replaced by that save when the reader comes. An
                    // untouched first demo may be.
                    SaveError::Conflict if self.lifecycle != Lifecycle::FreshDemo && self.reader_missing => {
                        self.save_state = SaveState::Unread
                    }
                    SaveError::Conflict => {}
                }
                Err(error)
            }
        }
    }

    /// True when the store holds nothing readable of this tab's last save
    /// (see [`Tab::take_newer_save`]): [`Tab::save_again`] is owed.
    pub fn owes_a_save(&self) -> bool {
        self.owes_a_save
    }

    /// Saves the scenario on screen whole again (packed where large), in
    /// place of this tab's head over a part another tab removed, or of its
    /// large save another tab set aside.
    pub fn save_again(&mut self, scenario: &mut Scenario, reader: &impl Reader, now: Time) -> Result<(), SaveError> {
        if !std::mem::take(&mut self.owes_a_save) {
            return Ok(());
        }
        // Another tab showing the same save wrote it again first: its save
        // goes on from this tab's, which has changed nothing since, and is
        // taken as any newer save.
        let went_on = self.store.as_ref().is_some_and(|store| self.descends_from_own(store));
        if went_on && scenario.trail().len() == self.owed_at {
            self.owed_pack = None;
            self.take_save_written_again(scenario, reader);
            return Ok(());
        }
        let saved = self.persist(scenario, now);
        self.owed_pack = if saved.is_ok() && self.packs_unwritten() { self.packing.clone() } else { None };
        // A save that found no room is still owed, and the banner says
        // that no save of this scenario is stored.
        if let (Err(SaveError::Quota), SaveState::QuotaExceeded { .. }) = (&saved, &self.save_state) {
            self.owes_a_save = true;
            self.save_state = self.storage_full();
        }
        self.say_conflict(saved.clone());
        saved
    }

    /// Takes the save another tab showing the same one wrote again first,
    /// in place of this tab's owed save of the same scenario: the banner
    /// that said it not saved (or not stored) goes; any other (what was
    /// kept aside) stays.
    fn take_save_written_again(&mut self, scenario: &mut Scenario, reader: &impl Reader) {
        if matches!(self.save_state, SaveState::Conflict | SaveState::QuotaExceeded { .. }) {
            self.save_state = self.saved.clone();
        }
        self.take_newer_save(scenario, reader);
    }

    /// The store holds nothing readable of what this tab shows, as of the
    /// scenario's `trail` now: a save is owed ([`Tab::save_again`]).
    fn owe_a_save(&mut self, scenario: &Scenario) {
        self.owes_a_save = true;
        self.owed_at = scenario.trail().len();
    }

    /// [`Tab::owe_a_save`] where the save the tab went on from is gone:
    /// said not saved until the whole is written again, no head over a
    /// part of its.
    fn owe_the_whole(&mut self, scenario: &Scenario) {
        self.part = None;
        self.save_state = SaveState::Conflict;
        self.owe_a_save(scenario);
    }

    /// Takes another tab's newer save, if there is one; true when it did.
    /// A tab holding a change it could not save keeps it on screen rather
    /// than drop it: its banner already asks the person to export or reload.
    pub fn take_newer_save(&mut self, scenario: &mut Scenario, reader: &impl Reader) -> bool {
        // A stand-in stays one only while its save is still to be read: a
        // change made on it, held unsaved, is the person's from then on.
        let stood_in = std::mem::take(&mut self.stands_in);
        if self.save_state.holds_unsaved() || self.packs_unwritten() {
            self.check_earlier_kept();
            return false;
        }
        let Some(store) = &self.store else { return false };
        let Some((schema, stored)) = store.stored_stamp() else {
            // The save this tab shows is gone, nothing in its place: another
            // tab set it aside, unreadable (a head written on a late view
            // names a part removed meanwhile), or the storage was cleared.
            // A reload would show the demo: what the tab shows is said not
            // saved until the caller saves it again, whole
            // ([`Tab::save_again`]). Every tab showing it does; the first
            // save wins, and the others say theirs is not saved.
            // (A tab that set it aside itself owes that save already.)
            if self.lifecycle == Lifecycle::Own && self.stamp.revision != 0 && !self.owes_a_save {
                self.owe_the_whole(scenario);
            }
            return false;
        };
        let unsigned = stored.is_unsigned_over(&self.stamp);
        if stored.is_same_save(&self.stamp) && !unsigned {
            if self.stamp.writer.is_empty() {
                self.stamp = stored;
            }
            // This tab's head was written on a view of the store that had
            // not yet seen another tab's save, which removed the part the
            // head names: the store holds nothing readable of it, and a
            // reload would lose it. Said not saved until the caller saves
            // the whole again ([`Tab::save_again`]).
            // (A head of this tab's, the save here, names this tab's part.)
            if self.part.as_ref().is_some_and(|part| !store.holds(&part.key)) {
                self.owe_the_whole(scenario);
            }
            return false;
        }
        if schema > SCHEMA {
            // No change of the person's is unsaved here (see above): none
            // is held yet.
            self.save_state = SaveState::NewerVersion { found: schema, changed: false };
            return false;
        }
        if self.lost_own_save(store) {
            self.save_state = SaveState::Conflict;
            return false;
        }
        if unsigned && stored.revision == self.stamp.revision {
            // Text of this tab's save's number that no tab of this Certlink
            // wrote: unreadable, it is set aside as at a start; readable, it
            // may lack this tab's last save, so both are kept, this tab's
            // said unsaved.
            if let Some(Some(Err(error))) = store.saved_text().map(|text| reader.read(text)) {
                if let Loaded::Corrupt { error, backup_key, moved } = store.loaded(Err(error)) {
                    self.set_aside_over_own(scenario, error, backup_key, moved);
                    return false;
                }
            }
            self.save_state = SaveState::Conflict;
            return false;
        }
        if !self.descends_from_own(store)
            && stored.revision <= self.stamp.revision
            && self.lifecycle != Lifecycle::FreshDemo
        {
            // Another tab's save was written over this tab's (an older
            // one, or one of the same number by another writer): both hold
            // work the other lacks. This tab keeps its own, said unsaved.
            // An untouched first demo holds nothing of the person's: it
            // takes the other save, as two tabs opened at once do.
            self.save_state = SaveState::Conflict;
            return false;
        }
        let Some(text) = store.saved_text() else { return false };
        let Some(read) = reader.read(text) else {
            self.stands_in = stood_in;
            self.reader_missing = true;
            self.todo.push(Todo::ReadLater);
            return false;
        };
        self.reader_missing = false;
        match store.loaded(read) {
            Loaded::Document(doc) => {
                self.part = None;
                self.show_other_save(scenario, doc.scenario, stored, !stood_in);
                true
            }
            Loaded::Continues { head, packed } => {
                let base = self.part.as_ref().filter(|part| part.is(&head.base)).map(|part| Arc::clone(&part.document));
                match base.map(|base| reader.join(base, (*head).clone())) {
                    Some(Some(Ok(doc))) => {
                        self.show_other_save(scenario, doc.scenario, stored, !stood_in);
                        true
                    }
                    Some(Some(Err(_)) | None) => false,
                    None => {
                        self.stands_in = stood_in;
                        if self.opening.as_ref() != Some(&head.base) {
                            self.opening = Some(head.base.clone());
                            self.opening_stamp = stored.clone();
                            self.opening_from = self.stamp.clone();
                            self.todo.push(Todo::Open { head, packed });
                        }
                        false
                    }
                }
            }
            Loaded::Newer { found } => {
                self.save_state = SaveState::NewerVersion { found, changed: false };
                false
            }
            Loaded::Corrupt { error, backup_key, moved } => {
                self.set_aside_over_own(scenario, error, backup_key, moved);
                false
            }
            Loaded::Nothing => false,
        }
    }

    /// True when the save this tab last read or wrote is not among those
    /// the save there now was written over: a tab that had not seen it
    /// wrote over it (a browser's storage seen late from another tab), and
    /// this tab may be the last to hold what it had. Where the lineage does
    /// not reach back that far, a save this tab wrote itself counts as
    /// lost: a banner too many is better than a change gone unsaid. (Where
    /// the numbers started again at 1 within the lineage, that reach is
    /// misjudged either way: only a save hand-edited to the last number
    /// does so.)
    fn lost_own_save(&self, store: &Store<K>) -> bool {
        if self.lifecycle != Lifecycle::Own || self.stamp.revision == 0 {
            return false;
        }
        let Some(lineage) = store.lineage() else { return false };
        if lineage.iter().any(|stamp| stamp.is_same_save(&self.stamp)) {
            return false;
        }
        let reaches = lineage.last().is_some_and(|oldest| oldest.revision <= self.stamp.revision);
        reaches || self.stamp.writer == self.writer
    }

    /// True when the save stored now was written over this tab's own, or
    /// over a save written over it, and so on: it holds all this tab
    /// saved, whatever its number (the numbers start again at 1 after
    /// [`document::MAX_REVISION`]).
    fn descends_from_own(&self, store: &Store<K>) -> bool {
        self.stamp.revision != 0
            && store
                .lineage()
                .is_some_and(|lineage| lineage.iter().skip(1).any(|stamp| stamp.is_same_save(&self.stamp)))
    }

    /// Another tab's large save, unpacked and joined by the caller
    /// ([`Todo::Open`]): shown, if it is still the newest.
    pub fn opened(
        &mut self,
        scenario: &mut Scenario,
        base: &BaseRef,
        opened: Result<(Document, Part), DocumentError>,
    ) -> bool {
        // An opening this tab no longer waits for: another space's (the
        // tab entered another since), or one a newer save took the place of.
        if self.opening.as_ref() != Some(base) {
            return false;
        }
        self.opening = None;
        let stood_in = std::mem::take(&mut self.stands_in);
        let (doc, part) = match opened {
            Ok(opened) => opened,
            Err(error) => {
                // A save written since in its place is read next (its
                // storage event, or the page's wait): a stand-in until then.
                self.stands_in = stood_in && !self.unreadable_at_start(base, error);
                return false;
            }
        };
        // The save opened was newer than this tab's when its head was read
        // (`take_newer_save` or the start judged it so); a tab that has
        // moved on since took or wrote a save after it. Work of this tab's
        // that the store does not hold yet (a pack under way, a change said
        // unsaved) is never replaced: its own save meets the other tab's
        // and says so.
        let older = self.stamp != std::mem::take(&mut self.opening_from);
        if older || self.packing.is_some() || self.save_state.holds_unsaved() {
            return false;
        }
        let stamp = stamp_read(Some(std::mem::take(&mut self.opening_stamp)), doc.revision);
        self.part = Some(part);
        self.show_other_save(scenario, doc.scenario, stamp, !stood_in);
        true
    }

    /// The save a stand-in stood for cannot be read (its part damaged, or
    /// written by a newer Certlink): as at a start, it is set aside with
    /// its banner, or said newer, unless another save has taken its place
    /// (false then).
    fn unreadable_at_start(&mut self, base: &BaseRef, error: DocumentError) -> bool {
        let Some(store) = self.store.as_ref().filter(|store| store.saved_over_part(&base.key)) else { return false };
        match error {
            DocumentError::FutureSchema { found } => {
                self.save_state = SaveState::NewerVersion { found, changed: false };
            }
            error => {
                if let Loaded::Corrupt { error, backup_key, moved } = store.set_aside(error) {
                    self.set_aside(error, backup_key, moved);
                }
            }
        }
        true
    }

    /// The engine is kept aside, its space left with a change the store
    /// does not hold: an opening under way will not come back to it (the
    /// engine on screen ignores it), and the next read once it is back
    /// starts one again if it is still needed.
    pub fn opening_given_up(&mut self) {
        self.opening = None;
    }

    /// The part of a save could not be opened for want of the reader (its
    /// fetch failed): a stand-in still stands in, and the next
    /// [`Tab::take_newer_save`] opens the part again.
    pub fn open_put_off(&mut self, base: &BaseRef) {
        if self.opening.as_ref() == Some(base) {
            self.opening = None;
        }
    }

    /// Deletes a kept backup; where an unreadable save stayed in place for
    /// want of room, the room made lets it be set aside now, and
    /// `scenario` is saved.
    pub fn delete_backup(&mut self, key: &str, scenario: &Scenario, now: Time) {
        let Some(store) = &self.store else { return };
        store.delete_backup(key);
        if self.backup_key.as_deref() == Some(key) {
            self.backup_key = None;
            if matches!(self.save_state, SaveState::Corrupt(_)) {
                self.save_state = self.saved.clone();
            }
        }
        self.room_made(scenario, now);
    }

    /// Room was made in the storage (a kept save or a restore point
    /// deleted): an unreadable save kept in place for want of it is set
    /// aside now, and `scenario` saved.
    pub fn room_made(&mut self, scenario: &Scenario, now: Time) {
        if self.held.is_some() {
            let _ = self.persist(scenario, now);
        }
    }

    /// Shows another tab's save; with `notice`, says what it changed. A
    /// save read in place of a stand-in is the one the person opened: no
    /// other tab's change to tell of.
    fn show_other_save(&mut self, scenario: &mut Scenario, next: Scenario, stamp: Stamp, notice: bool) {
        self.save_only_in_point = false;
        // Went on from this tab's scenario: its last event is where this
        // tab's is (compared by time and kind of actor only: a notice needs
        // no deep comparison of the trail).
        let (ours, theirs) = (scenario.trail(), next.trail());
        let went_on = theirs.len() > ours.len()
            && ours.last().map(|e| (e.at, matches!(e.actor, Actor::Trainer)))
                == ours
                    .len()
                    .checked_sub(1)
                    .and_then(|i| theirs.get(i))
                    .map(|e| (e.at, matches!(e.actor, Actor::Trainer)));
        let update = match next.trail().last().filter(|_| went_on) {
            Some(last) => {
                Update::Changes { changes: next.trail().len() - scenario.trail().len(), last: last.actor.clone() }
            }
            None => Update::Replaced,
        };
        // Two takes before the notice is read: it tells both.
        self.updated_elsewhere = match (notice, self.updated_elsewhere.take(), update) {
            (false, ..) => None,
            (true, Some(Update::Changes { changes: before, .. }), Update::Changes { changes, last }) => {
                Some(Update::Changes { changes: before + changes, last })
            }
            (true, _, update) => Some(update),
        };
        self.shown_anew = true;
        self.becomes_own();
        self.stamp = stamp;
        *scenario = next;
    }
}

/// The stamp of a save of `revision` read with `stamp` stored beside it;
/// one whose writer is not known where that stamp is another save's.
fn stamp_read(stamp: Option<Stamp>, revision: u64) -> Stamp {
    stamp.filter(|stamp| stamp.revision == revision).unwrap_or_else(|| Stamp::new(revision, ""))
}

/// The revision a save after `revision` carries, within what a document
/// keeps ([`document::MAX_REVISION`]). After the last, the numbers start
/// again at 1 rather than stay there: two saves of one number by one tab
/// would look like one, and the second would be written over unseen.
/// Tabs tell a save that went on from theirs by its lineage.
fn next_revision(revision: u64) -> u64 {
    if revision >= document::MAX_REVISION {
        1
    } else {
        revision + 1
    }
}

/// A fingerprint of a stored text, to tell whether it is still the same.
fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}
