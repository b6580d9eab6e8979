//! The save engine (`certlink::save`), natively, in the rules' style:
//! given a store holding X, when tab A does Y, then... Tabs are played
//! over one in-memory store ([`MemoryKv`]), as tabs share localStorage;
//! a property test plays two or three of them with random commands and
//! storage events delivered late, out of order or not at all.
#![cfg(not(target_arch = "wasm32"))]

use certlink::rules::demo;
use certlink::rules::support::Problem;
use certlink::rules::*;
use certlink::save::*;
use certlink::storage::document::{self, Document, DocumentError, Head, Stored};
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use std::sync::Arc;

fn now() -> Time {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn priya() -> Actor {
    Actor::Account(AccountId::from_email("priya@contoso.com"))
}

/// A command that always succeeds and leaves a trace named `details`.
fn ticket(details: &str) -> Command {
    Command::OpenTicket { problem: Problem::McidMerge, details: details.into(), started_on: now() }
}

fn has_ticket(scenario: &Scenario, details: &str) -> bool {
    scenario.state().data().tickets.iter().any(|t| t.details == details)
}

/// A tab whose scenario replaced three others, each kept as a restore point.
fn three_restore_points(kv: &MemoryKv) -> Sim {
    three_restore_points_over(kv, SMALL)
}

/// [`three_restore_points`], storing scenarios over `whole_bytes` packed.
fn three_restore_points_over(kv: &MemoryKv, whole_bytes: usize) -> Sim {
    let mut a = Sim::open(kv, "a", whole_bytes);
    for n in 0..3 {
        a.execute(&ticket(&format!("work {n}"))).unwrap();
        let kept = Keeping::Point(Replaced::Import);
        a.tab.replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), kept).unwrap();
    }
    a
}

/// The demo with `n` more tickets: an import larger than it by as much.
fn demo_with_tickets(n: usize) -> Scenario {
    let mut larger = demo::scenario(now());
    for n in 0..n {
        larger.execute(&Actor::account("chen@contoso.com"), now(), &ticket(&format!("imported {n}"))).unwrap();
    }
    larger
}

/// The store takes only `bytes` more than it holds now.
fn room_left(kv: &MemoryKv, bytes: usize) {
    let used: usize = kv.items().iter().map(|(k, v)| k.len() + v.len()).sum();
    kv.set_quota(Some(used + bytes));
}

/// Another page of the site clears the storage (`localStorage.clear()`),
/// which leaves room again.
fn clear_storage(kv: &MemoryKv) {
    kv.set_quota(None);
    for key in kv.items().into_keys() {
        kv.remove(&key);
    }
}

/// Tabs A and B show one save (A's, with a ticket "mine"), which is then
/// gone from the store: both owe it again, and A's save of it finds the
/// storage full (left full).
fn two_tabs_owing_a_save_the_first_finding_no_room(kv: &MemoryKv) -> (Sim, Sim) {
    let mut a = Sim::open(kv, "a", SMALL);
    a.execute(&ticket("mine")).unwrap();
    let mut b = Sim::open(kv, "b", SMALL);
    kv.remove("certlink.document");
    for sim in [&mut a, &mut b] {
        sim.view.refresh();
        sim.tab.take_newer_save(&mut sim.scenario, &ReadNow);
    }
    room_left(kv, 0);
    assert_eq!(a.tab.save_again(&mut a.scenario, &ReadNow, now()), Err(SaveError::Quota));
    (a, b)
}

/// Tab A saved a ticket "saved", then made a change ("does not fit") the
/// storage, full since, refused: its banner says the earlier save is kept
/// (storage left full).
fn a_change_the_full_storage_refused(kv: &MemoryKv) -> Sim {
    let mut a = Sim::open(kv, "a", SMALL);
    a.execute(&ticket("saved")).unwrap();
    room_left(kv, 0);
    a.execute(&ticket("does not fit")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true });
    a
}

/// The scenario of the newest restore point kept.
fn newest_point(kv: &MemoryKv) -> Scenario {
    let store = Store::new(kv.clone(), "");
    let points = store.restore_points();
    document::parse(&store.restore_point(&points[0].key).expect("a restore point")).expect("it reads").scenario
}

/// A tab whose large scenario is stored as a part and a head holding one
/// change (`details`); with the part's key.
fn packed_with_a_head(kv: &MemoryKv, details: &str) -> (Sim, String) {
    let mut a = Sim::open(kv, "a", PACKED);
    a.finish_all();
    a.execute(&ticket(details)).unwrap();
    let part = kv.items().into_keys().find(|k| k.starts_with("certlink.part.")).expect("a part is stored");
    (a, part)
}

/// What the browser does for a tab, in its own time.
enum Work {
    Pack(PackJob),
    Read(Todo),
}

/// A tab's view of the shared store, as a browser keeps one per page: its
/// own writes are in it at once, other tabs' only once it is refreshed
/// (their storage event delivered). Writes go through to the store.
#[derive(Clone)]
struct CachedKv {
    shared: MemoryKv,
    cache: std::rc::Rc<std::cell::RefCell<std::collections::BTreeMap<String, String>>>,
}

impl CachedKv {
    fn over(shared: &MemoryKv) -> CachedKv {
        CachedKv { shared: shared.clone(), cache: std::rc::Rc::new(std::cell::RefCell::new(shared.items())) }
    }

    fn refresh(&self) {
        *self.cache.borrow_mut() = self.shared.items();
    }
}

impl KeyValue for CachedKv {
    fn get(&self, key: &str) -> Option<String> {
        self.cache.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Full> {
        self.shared.set(key, value)?;
        self.cache.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.shared.remove(key);
        self.cache.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.cache.borrow().keys().cloned().collect()
    }
}

/// One simulated tab: its engine and the scenario its views show.
struct Sim {
    tab: Tab<CachedKv>,
    view: CachedKv,
    scenario: Scenario,
    /// Work the engine asked for, not done yet (a pack, a read).
    pending: Vec<Work>,
}

impl Sim {
    /// A tab opened over `kv`, starting as the app does.
    fn open(kv: &MemoryKv, writer: &str, whole_bytes: usize) -> Sim {
        Sim::open_in(kv, "", writer, whole_bytes)
    }

    /// A tab opened on the space whose keys begin with `prefix` (a case's,
    /// a library entry's).
    fn open_in(kv: &MemoryKv, prefix: &str, writer: &str, whole_bytes: usize) -> Sim {
        let view = CachedKv::over(kv);
        let store = Store::new(view.clone(), prefix);
        let found = match store.saved_text() {
            None => Found::Read(Loaded::Nothing, None, None),
            Some(text) => Found::Read(store.loaded(document::parse_stored(&text)), None, stamp(&store)),
        };
        let mut tab = Tab::new(Some(store), writer, SaveState::Saved).with_whole_bytes(whole_bytes);
        let scenario = match tab.start(Some(found), false) {
            Start::Saved(scenario) => *scenario,
            Start::Demo => demo::scenario(now()),
        };
        let mut sim = Sim { tab, view, scenario, pending: Vec::new() };
        sim.tab.save_demo(&sim.scenario, now());
        sim.collect();
        sim
    }

    /// A tab opened on a space as the app opens a library entry or a
    /// case's: the save read at once where `reader` can, the demo left
    /// for later, an empty scenario meanwhile.
    fn open_as_the_app_enters_a_space(kv: &MemoryKv, writer: &str, reader: &impl Reader, whole_bytes: usize) -> Sim {
        let view = CachedKv::over(kv);
        let store = Store::new(view.clone(), "");
        let found = match store.saved_text() {
            None => Found::Read(Loaded::Nothing, None, None),
            Some(text) => match reader.read(text) {
                Some(read) => Found::Read(store.loaded(read), None, stamp(&store)),
                None => Found::Unread,
            },
        };
        let mut tab = Tab::new(Some(store), writer, SaveState::Saved).with_whole_bytes(whole_bytes);
        let scenario = match tab.start(Some(found), true) {
            Start::Saved(scenario) => *scenario,
            Start::Demo => Scenario::new(State::default()),
        };
        let mut sim = Sim { tab, view, scenario, pending: Vec::new() };
        sim.collect();
        sim
    }

    fn collect(&mut self) {
        self.pending.extend(self.tab.take_pack().map(Work::Pack));
        self.pending.extend(self.tab.take_todo().into_iter().map(Work::Read));
    }

    fn execute(&mut self, command: &Command) -> Result<Vec<Event>, Refusal> {
        self.view.refresh();
        self.execute_on_its_view(command)
    }

    /// Acts on what this tab has seen of the store, which may be late.
    fn execute_on_its_view(&mut self, command: &Command) -> Result<Vec<Event>, Refusal> {
        let result = self.tab.execute(&mut self.scenario, &ReadNow, &priya(), now(), command);
        self.collect();
        result
    }

    /// A storage event from another tab arrives; a save it finds owed is
    /// made, as the app's later file makes it.
    fn storage_event(&mut self) {
        self.view.refresh();
        self.tab.take_newer_save(&mut self.scenario, &ReadNow);
        if self.tab.owes_a_save() {
            let _ = self.tab.save_again(&mut self.scenario, &ReadNow, now());
        }
        self.collect();
    }

    /// Does the oldest work the engine asked for, as the browser would.
    fn finish_one(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        self.view.refresh();
        match self.pending.remove(0) {
            Work::Pack(job) => {
                let packed = Some(pack(&job.whole));
                self.tab.packed(&mut self.scenario, &ReadNow, job, packed, now());
            }
            Work::Read(Todo::ReadLater) => {
                // The reader is here: the save is read, or, where there is
                // none, the demo the start left for later is built.
                self.tab.take_newer_save(&mut self.scenario, &ReadNow);
                if self.tab.demo_built(&mut self.scenario, demo::scenario(now())) {
                    self.tab.save_demo(&self.scenario, now());
                }
            }
            Work::Read(Todo::Open { head, packed }) => {
                let base = head.base.clone();
                let opened = unpack(&packed).and_then(|text| {
                    let base = std::sync::Arc::new(document::parse(&text)?);
                    let part = Part { key: head.base.key.clone(), document: base.clone(), whole_bytes: text.len() };
                    Ok((document::join(&base, *head)?, part))
                });
                self.tab.opened(&mut self.scenario, &base, opened);
            }
        }
        self.collect();
    }

    fn finish_all(&mut self) {
        while !self.pending.is_empty() {
            self.finish_one();
        }
    }

    /// The tab shows a change the store may not hold, and says so.
    fn says_unsaved(&self) -> bool {
        self.tab.save_state().holds_unsaved() || self.tab.is_saving()
    }
}

/// The stamp stored beside the text just read.
fn stamp<K: KeyValue>(store: &Store<K>) -> Option<Stamp> {
    store.stored_stamp().map(|(_, stamp)| stamp)
}

/// The reader while its file is still on its way: nothing can be read.
struct ReaderOnItsWay;

impl Reader for ReaderOnItsWay {
    fn read(&self, _: String) -> Option<Result<Stored, DocumentError>> {
        None
    }

    fn join(&self, _: Arc<Document>, _: Head) -> Option<Result<Document, DocumentError>> {
        None
    }
}

/// The browser deflates; here a part is its JSON behind a marker, which
/// is all the engine needs to tell a part from a head.
fn pack(json: &str) -> String {
    format!("packed:{json}")
}

fn unpack(packed: &str) -> Result<String, DocumentError> {
    packed.strip_prefix("packed:").map(str::to_string).ok_or(DocumentError::Empty)
}

/// What a new tab would read from the store now: the whole scenario.
fn stored(kv: &MemoryKv) -> Option<Scenario> {
    let store = Store::new(kv.clone(), "");
    let text = store.saved_text()?;
    match document::parse_stored(&text).expect("the store always reads back") {
        document::Stored::Whole(doc) => Some(doc.scenario),
        document::Stored::Continues(head) => {
            let packed = kv.get(&head.base.key).expect("a head's part is stored");
            let base = document::parse(&unpack(&packed).unwrap()).expect("the part reads back");
            Some(document::join(&base, head).expect("the head joins its part").scenario)
        }
    }
}

const SMALL: usize = WHOLE_BYTES;
/// Small enough that the demo is stored as a part and a head.
const PACKED: usize = 1_000;

#[test]
fn a_change_written_on_a_late_view_never_names_a_part_another_tab_removed() {
    let kv = MemoryKv::new();
    let (mut a, part) = packed_with_a_head(&kv, "from a");
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    // A replaces the scenario: a new part, and the one both read removed.
    a.view.refresh();
    a.tab.replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Nothing).unwrap();
    a.collect();
    a.finish_all();
    assert!(kv.get(&part).is_none(), "the replaced part is removed");
    // B acts before its view of the store has A's save, then hears of it.
    b.execute_on_its_view(&ticket("from b")).unwrap();
    b.storage_event();
    b.finish_all();
    // B saves its whole again (packed: the browser's work): what a
    // reload reads has its change.
    b.finish_all();
    let stored_now = stored(&kv).expect("a save");
    assert!(has_ticket(&stored_now, "from b"));
    assert!(!b.says_unsaved(), "{:?}", b.tab.save_state());
    // Its next change is saved as any other.
    b.execute(&ticket("again from b")).unwrap();
    b.finish_all();
    let stored = stored(&kv).expect("a save");
    assert!(has_ticket(&stored, "from b") && has_ticket(&stored, "again from b"));
    assert!(!b.says_unsaved());
}

#[test]
fn a_change_in_one_tab_is_taken_by_the_other_on_its_storage_event() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    let mut b = Sim::open(&kv, "b", SMALL);
    a.execute(&ticket("from a")).unwrap();
    b.storage_event();
    assert!(has_ticket(&b.scenario, "from a"));
    assert_eq!(
        b.tab.take_updated_elsewhere(),
        Some(Update::Changes { changes: 1, last: priya() }),
        "the other tab says what changed, and who changed it"
    );
    a.tab
        .replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(Replaced::Reset))
        .expect("the replacement takes place");
    b.storage_event();
    assert_eq!(b.tab.take_updated_elsewhere(), Some(Update::Replaced));
}

#[test]
fn two_tabs_acting_one_after_the_other_without_events_both_keep_their_change() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    let mut b = Sim::open(&kv, "b", SMALL);
    a.execute(&ticket("from a")).unwrap();
    // b never heard of a's save: its command still runs on it.
    b.execute(&ticket("from b")).unwrap();
    let saved = stored(&kv).unwrap();
    assert!(has_ticket(&saved, "from a") && has_ticket(&saved, "from b"));
}

#[test]
fn a_refused_command_changes_neither_the_scenario_nor_the_store() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    let before = (a.scenario.clone(), kv.items());
    assert!(a.execute(&ticket("   ")).is_err());
    assert_eq!((a.scenario.clone(), kv.items()), before);
}

#[test]
fn a_revision_stamp_left_without_its_document_does_not_block_saving() {
    let kv = MemoryKv::new();
    kv.set("certlink.revision", "2:41:gone").unwrap();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("after a clean-up")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::Saved);
    assert!(has_ticket(&stored(&kv).unwrap(), "after a clean-up"));
    // And across a reload.
    let mut again = Sim::open(&kv, "a2", SMALL);
    again.execute(&ticket("after the reload")).unwrap();
    assert_eq!(again.tab.save_state(), &SaveState::Saved);
}

#[test]
fn a_full_storage_keeps_the_change_on_screen_under_its_banner_and_the_last_save_whole() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    let before = stored(&kv).unwrap();
    kv.set_quota(Some(10));
    a.execute(&ticket("does not fit")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true });
    assert!(has_ticket(&a.scenario, "does not fit"));
    assert_eq!(stored(&kv).unwrap(), before);
    kv.set_quota(None);
    a.execute(&ticket("fits again")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::Saved);
    let saved = stored(&kv).unwrap();
    assert!(has_ticket(&saved, "does not fit") && has_ticket(&saved, "fits again"));
}

#[test]
fn a_large_scenario_is_saved_as_a_part_and_a_head_and_reads_back() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", PACKED);
    assert!(a.tab.is_saving(), "the demo is being packed, and the tab says so");
    a.execute(&ticket("while packing")).unwrap();
    a.finish_all();
    assert!(!a.tab.is_saving());
    a.execute(&ticket("after packing")).unwrap();
    let saved = stored(&kv).unwrap();
    assert!(has_ticket(&saved, "while packing") && has_ticket(&saved, "after packing"));
    assert!(kv.items().keys().any(|k| k.starts_with("certlink.part.")));
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    assert!(has_ticket(&b.scenario, "after packing"));
}

#[test]
fn an_unreadable_large_save_is_set_aside_with_its_part_and_downloads_whole() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", PACKED);
    a.finish_all();
    a.execute(&ticket("in the head")).unwrap();
    let head = kv.get("certlink.document").unwrap();
    kv.set("certlink.document", &head[..head.len() - 3]).unwrap();
    let b = Sim::open(&kv, "b", PACKED);
    assert!(matches!(b.tab.save_state(), SaveState::Corrupt(_)));
    let store = Store::new(kv.clone(), "");
    let backups = store.backups();
    assert_eq!(backups.len(), 1);
    assert!(backups[0].has_part);
    let (_, part) = store.backup(&backups[0].key).unwrap();
    let whole = document::parse(&unpack(&part.unwrap()).unwrap()).expect("the backup's part is an importable file");
    assert!(!whole.scenario.trail().is_empty());
    // No later start removes it as a stale part.
    store.remove_stale_parts(None, u64::MAX);
    assert!(store.backup(&backups[0].key).unwrap().1.is_some());
}

#[test]
fn an_unreadable_large_save_kept_in_place_is_listed_and_downloads_with_its_part() {
    let kv = MemoryKv::new();
    for n in 0..3 {
        kv.set(&format!("certlink.unreadable.{}", n + 1), "not json").unwrap();
    }
    let mut a = Sim::open(&kv, "a", PACKED);
    a.finish_all();
    a.execute(&ticket("in the head")).unwrap();
    let head = kv.get("certlink.document").unwrap();
    kv.set("certlink.document", &head[..head.len() - 3]).unwrap();
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    assert!(matches!(b.tab.save_state(), SaveState::CorruptInPlace(_)));
    // Your data lists it last, not to be deleted on its own.
    let kept = b.tab.kept_saves();
    assert_eq!(kept.len(), MAX_BACKUPS + 1);
    let in_place = kept.last().unwrap();
    assert!(in_place.in_place && in_place.has_part && kept[..MAX_BACKUPS].iter().all(|k| !k.in_place));
    // Its download has the packed part: the scenario, not a head alone.
    let (_, part) = b.tab.store().unwrap().backup(&in_place.key).unwrap();
    let whole = document::parse(&unpack(&part.expect("the part its head names")).unwrap()).unwrap();
    assert!(!whole.scenario.trail().is_empty());
    // Deleting another makes room: it is set aside with its part, and
    // listed as any kept save.
    let scenario = b.scenario.clone();
    b.tab.delete_backup(&kept[0].key, &scenario, now());
    let kept = b.tab.kept_saves();
    assert_eq!(kept.len(), MAX_BACKUPS);
    assert!(kept.iter().all(|k| !k.in_place) && kept.last().unwrap().has_part, "set aside last: {kept:?}");
}

#[test]
fn at_most_three_backups_are_kept_and_a_fourth_unreadable_save_stays_in_place_unwritten() {
    let kv = MemoryKv::new();
    for n in 0..4 {
        kv.set("certlink.document", &format!("not json {n}")).unwrap();
        let mut tab = Sim::open(&kv, "t", SMALL);
        tab.execute(&ticket("a change")).unwrap();
        if n < 3 {
            assert!(matches!(tab.tab.save_state(), SaveState::Corrupt(_)));
        } else {
            // No room for a fourth backup: the change is shown, said unsaved.
            assert!(matches!(tab.tab.save_state(), SaveState::CorruptInPlace(_)));
            assert!(tab.says_unsaved());
        }
    }
    let store = Store::new(kv.clone(), "");
    assert_eq!(store.backups().len(), MAX_BACKUPS);
    assert_eq!(kv.get("certlink.document").as_deref(), Some("not json 3"), "never written over");
    store.delete_backup(&store.backups()[0].key);
    let mut tab = Sim::open(&kv, "t", SMALL);
    tab.execute(&ticket("saved again")).unwrap();
    assert!(has_ticket(&stored(&kv).unwrap(), "saved again"));
    assert_eq!(store.backups().len(), MAX_BACKUPS);
}

/// A store holding the three unreadable saves kept at most, each set aside
/// by a tab that opened on it, and a fourth unreadable save in place.
fn three_backups_kept_and_a_fourth_unreadable_save() -> MemoryKv {
    let kv = MemoryKv::new();
    for n in 0..3 {
        kv.set("certlink.document", &format!("not json {n}")).unwrap();
        Sim::open(&kv, "t", SMALL);
    }
    kv.set("certlink.document", "not json, the fourth").unwrap();
    kv
}

#[test]
fn a_tab_whose_space_was_deleted_keeps_its_scenario_on_screen_and_writes_nothing_there_again() {
    let kv = MemoryKv::new();
    let mut tab = Sim::open(&kv, "t", SMALL);
    tab.execute(&ticket("before the deletion")).unwrap();
    // Another tab deletes the library entry: its keys go.
    clear_storage(&kv);
    tab.tab.space_deleted();
    tab.execute(&ticket("after the deletion")).unwrap();
    assert!(kv.items().is_empty(), "nothing written under keys no entry names");
    assert_eq!(tab.tab.save_state(), &SaveState::SpaceDeleted);
    assert!(tab.says_unsaved() && tab.tab.holds_unsaved_change());
    assert!(has_ticket(&tab.scenario, "before the deletion") && has_ticket(&tab.scenario, "after the deletion"));
    // An import, a reset or a restore there would lose the scenario, which
    // no restore point can keep: refused until the person chooses to lose
    // it; then saved nowhere either, and the banner still says so.
    for why in [Replaced::Import, Replaced::Reset, Replaced::Restore] {
        let before = tab.scenario.clone();
        let refused = tab.tab.replace(&mut tab.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(why));
        assert_eq!(refused.map(|_| ()).map_err(|not| not.why), Err(PointNotKept::NoStorage), "{why:?}");
        assert_eq!(tab.scenario, before, "nothing replaced: {why:?}");
        tab.tab
            .replace(&mut tab.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::PointOrLoseIt(why))
            .expect("the replacement takes place, chosen");
        assert_eq!(tab.tab.save_state(), &SaveState::SpaceDeleted, "{why:?}");
        assert!(tab.says_unsaved() && tab.tab.holds_unsaved_change(), "{why:?}");
    }
    assert!(kv.items().is_empty(), "nothing written under keys no entry names");
}

#[test]
fn an_unreadable_save_kept_in_place_holds_no_change_of_the_persons_until_one_is_made() {
    let kv = three_backups_kept_and_a_fourth_unreadable_save();
    let mut tab = Sim::open(&kv, "t", SMALL);
    assert!(matches!(tab.tab.save_state(), SaveState::CorruptInPlace(_)));
    // The demo on screen is nothing of the person's: leaving it loses nothing.
    assert!(!tab.tab.holds_unsaved_change());
    tab.execute(&ticket("a change")).unwrap();
    assert!(tab.tab.holds_unsaved_change(), "this change is on screen only");
}

#[test]
fn an_unreadable_save_kept_in_place_is_set_aside_when_a_backup_is_deleted_and_the_changes_since_are_saved() {
    let kv = three_backups_kept_and_a_fourth_unreadable_save();
    let mut tab = Sim::open(&kv, "t", SMALL);
    tab.execute(&ticket("made while it stayed in place")).unwrap();
    assert!(matches!(tab.tab.save_state(), SaveState::CorruptInPlace(_)));
    // The kept saves are listed and deleted through the tab, as Your data does.
    let backups = tab.tab.store().expect("the tab lists the kept saves").backups();
    assert_eq!(backups.len(), MAX_BACKUPS);
    let scenario = tab.scenario.clone();
    tab.tab.delete_backup(&backups[0].key, &scenario, now());
    // Set aside in the room made, and the change saved.
    assert!(matches!(tab.tab.save_state(), SaveState::Corrupt(_)));
    assert!(!tab.says_unsaved());
    assert!(has_ticket(&stored(&kv).unwrap(), "made while it stayed in place"));
    let store = Store::new(kv.clone(), "");
    let kept: Vec<String> = store.backups().iter().map(|b| store.backup(&b.key).unwrap().0).collect();
    assert!(kept.contains(&"not json, the fourth".to_string()), "{kept:?}");
    // A reload finds the change.
    let again = Sim::open(&kv, "u", SMALL);
    assert!(has_ticket(&again.scenario, "made while it stayed in place"));
}

#[test]
fn in_a_full_storage_an_unreadable_save_is_set_aside_once_a_restore_point_makes_room() {
    let kv = MemoryKv::new();
    let store = Store::new(kv.clone(), "");
    let point = format!("{{\"saved_at\":\"2026-01-01T00:00:00Z\",\"work\":\"{}\"}}", "x".repeat(60_000));
    store.keep_restore_point(Replaced::Import, &point).unwrap();
    kv.set("certlink.document", "not json, in a full storage").unwrap();
    room_left(&kv, 0);
    let mut tab = Sim::open(&kv, "t", SMALL);
    tab.execute(&ticket("made in a full storage")).unwrap();
    assert!(matches!(tab.tab.save_state(), SaveState::CorruptInPlace(_)));
    let key = store.restore_points()[0].key.clone();
    store.delete_restore_point(&key);
    let scenario = tab.scenario.clone();
    tab.tab.room_made(&scenario, now());
    assert!(matches!(tab.tab.save_state(), SaveState::Corrupt(_)));
    assert!(has_ticket(&stored(&kv).unwrap(), "made in a full storage"));
    assert_eq!(
        store.backup(&store.backups()[0].key).map(|(text, _)| text).as_deref(),
        Some("not json, in a full storage")
    );
}

#[test]
fn another_tabs_save_kept_for_a_replacement_never_gives_way_the_point_kept_just_before() {
    let kv = MemoryKv::new();
    Sim::open(&kv, "t", SMALL);
    let store = Store::new(kv.clone(), "");
    // The point the replacement kept first: the tab's own unsaved scenario.
    let own = format!("{{\"saved_at\":\"2026-01-01T00:00:00Z\",\"work\":\"{}\"}}", "x".repeat(60_000));
    store.keep_restore_point(Replaced::Import, &own).unwrap();
    room_left(&kv, 0);
    // No room for the other tab's save beside it: it is not kept, and the
    // tab's own point stays (it would have made the room).
    assert_eq!(store.keep_saved_as_restore_point(Replaced::Import, usize::MAX, |_| true), None);
    let points: Vec<String> = store.restore_points().iter().map(|p| store.restore_point(&p.key).unwrap()).collect();
    assert_eq!(points, vec![own]);
}

#[test]
fn a_tab_waiting_on_an_unreadable_save_never_sets_aside_the_save_another_tab_wrote_in_its_place() {
    let kv = three_backups_kept_and_a_fourth_unreadable_save();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("a's change")).unwrap();
    assert!(matches!(a.tab.save_state(), SaveState::CorruptInPlace(_)));
    // Another tab makes room, sets the unreadable save aside and saves.
    let store = Store::new(kv.clone(), "");
    store.delete_backup(&store.backups()[0].key);
    let mut b = Sim::open(&kv, "b", SMALL);
    b.execute(&ticket("b's change")).unwrap();
    assert!(has_ticket(&stored(&kv).unwrap(), "b's change"));
    // a's changes were never saved: they stay on a's screen, said unsaved,
    // and b's save stays where it is, neither set aside nor written over.
    a.execute(&ticket("a's next change")).unwrap();
    assert!(a.says_unsaved());
    assert_eq!(a.tab.save_state(), &SaveState::Conflict);
    assert!(has_ticket(&a.scenario, "a's change") && has_ticket(&a.scenario, "a's next change"));
    let saved = stored(&kv).unwrap();
    assert!(has_ticket(&saved, "b's change") && !has_ticket(&saved, "a's change"));
    assert!(store.backups().iter().all(|b| !store.backup(&b.key).unwrap().0.contains("b's change")));
}

/// Tab a, hearing of tab b's large save ("b's change") over `kv`, and
/// opening its part.
fn opening_another_tabs_large_save(kv: &MemoryKv) -> Sim {
    let mut a = Sim::open(kv, "a", SMALL);
    let mut b = Sim::open(kv, "b", PACKED);
    b.execute(&ticket("b's change")).unwrap();
    b.finish_all();
    a.storage_event();
    a
}

#[test]
fn an_import_while_another_tabs_large_save_is_being_opened_stays_on_screen_said_unsaved() {
    let kv = MemoryKv::new();
    let mut a = opening_another_tabs_large_save(&kv);
    assert!(!a.pending.is_empty(), "the part is being opened");
    assert!(a.tab.is_opening(), "and the page says so");
    let mut imported = demo::scenario(now());
    imported.execute(&priya(), now(), &ticket("imported")).unwrap();
    a.tab
        .replace(&mut a.scenario, &ReadNow, imported, now(), Keeping::Point(Replaced::Import))
        .expect("the replacement takes place");
    assert_eq!(a.tab.save_state(), &SaveState::Conflict, "not saved, and said so");
    // The part opened later does not take the import's place.
    a.finish_all();
    assert!(!a.tab.is_opening());
    assert!(has_ticket(&a.scenario, "imported"));
    assert!(a.says_unsaved());
    assert!(has_ticket(&stored(&kv).unwrap(), "b's change"));
}

#[test]
fn where_the_browser_cannot_pack_the_whole_is_saved_with_the_changes_made_during_the_pack() {
    let kv = MemoryKv::new();
    // The demo's first save is a pack; two changes are made while it runs.
    let mut a = Sim::open(&kv, "a", PACKED);
    a.execute(&ticket("first change")).unwrap();
    a.execute(&ticket("during the pack")).unwrap();
    let job = a
        .pending
        .iter()
        .position(|work| matches!(work, Work::Pack(_)))
        .map(|at| a.pending.remove(at))
        .and_then(|work| if let Work::Pack(job) = work { Some(job) } else { None })
        .expect("a pack under way");
    a.tab.packed(&mut a.scenario, &ReadNow, job, None, now());
    a.finish_all();
    let saved = stored(&kv).unwrap();
    assert!(has_ticket(&saved, "first change") && has_ticket(&saved, "during the pack"));
    assert!(!a.says_unsaved());
}

#[test]
fn two_tabs_opened_at_once_where_the_browser_cannot_pack_the_first_save_wins_and_nothing_conflicts() {
    let kv = MemoryKv::new();
    let (mut a, mut b) = (Sim::open(&kv, "a", PACKED), Sim::open(&kv, "b", PACKED));
    let unpacked = |sim: &mut Sim| {
        while let Some(at) = sim.pending.iter().position(|work| matches!(work, Work::Pack(_))) {
            let Work::Pack(job) = sim.pending.remove(at) else { unreachable!() };
            sim.view.refresh();
            sim.tab.packed(&mut sim.scenario, &ReadNow, job, None, now());
            sim.collect();
        }
    };
    unpacked(&mut b);
    unpacked(&mut a);
    a.finish_all();
    assert!(!a.says_unsaved() && !b.says_unsaved(), "{:?} {:?}", a.tab.save_state(), b.tab.save_state());
    a.execute(&ticket("after both opened")).unwrap();
    unpacked(&mut a);
    b.storage_event();
    b.finish_all();
    assert!(has_ticket(&b.scenario, "after both opened"));
}

#[test]
fn two_tabs_whose_first_packs_land_at_the_same_instant_end_on_one_save_and_nothing_conflicts() {
    let kv = MemoryKv::new();
    let (mut a, mut b) = (Sim::open(&kv, "a", PACKED), Sim::open(&kv, "b", PACKED));
    // Each packs its own demo and writes it, neither having seen the
    // other's write: B's first, then A's over it. Both are revision 1.
    let packed_unseen = |sim: &mut Sim| {
        let Some(Work::Pack(job)) = sim.pending.pop() else { panic!("a pack under way") };
        let packed = Some(pack(&job.whole));
        sim.tab.packed(&mut sim.scenario, &ReadNow, job, packed, now());
        sim.collect();
    };
    packed_unseen(&mut b);
    packed_unseen(&mut a);
    // B, its demo untouched, opens A's save when it hears of it.
    b.storage_event();
    b.finish_all();
    assert!(!b.says_unsaved(), "{:?}", b.tab.save_state());
    // A change of either is saved, and the other takes it.
    b.execute(&ticket("b's first change")).unwrap();
    assert!(!b.says_unsaved(), "{:?}", b.tab.save_state());
    assert!(has_ticket(&stored(&kv).unwrap(), "b's first change"));
    a.storage_event();
    a.finish_all();
    assert!(has_ticket(&a.scenario, "b's first change") && !a.says_unsaved());
}

#[test]
fn nothing_larger_than_what_certlink_reads_back_is_written() {
    let kv = MemoryKv::new();
    let store = Store::new(kv.clone(), "");
    let huge = format!("{{\"app\":\"certlink\",\"schema\":2,\"revision\":1,{}", " ".repeat(MAX_STORED_BYTES));
    assert!(matches!(store.save(&huge, &Stamp::default(), "a", None, None), Err(SaveError::TooLarge { .. })));
    assert!(kv.items().is_empty());
}

#[test]
fn an_older_save_written_over_this_tabs_is_said_not_saved() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    let older = kv.items();
    a.execute(&ticket("overwritten")).unwrap();
    // A tab with a stale view writes its older save over a's.
    for (key, value) in older {
        kv.set(&key, &value).unwrap();
    }
    a.storage_event();
    assert_eq!(a.tab.save_state(), &SaveState::Conflict);
    assert!(has_ticket(&a.scenario, "overwritten"), "kept on screen, not replaced");
}

/// The lost update a loaded browser can show: a tab that has not yet seen
/// another tab's save writes over it, then saves again on top.
/// Tab a's change ("priya's link"), written over by tab b, which had not
/// seen it ("sam's access"), then saved on top of ("sam again").
fn a_change_written_over(kv: &MemoryKv) -> (Sim, Sim) {
    let mut a = Sim::open(kv, "a", SMALL);
    let mut b = Sim::open(kv, "b", SMALL);
    a.execute(&ticket("priya's link")).unwrap();
    b.execute_on_its_view(&ticket("sam's access")).unwrap();
    b.execute(&ticket("sam again")).unwrap();
    (a, b)
}

#[test]
fn a_save_written_over_by_a_tab_that_had_not_seen_it_is_said_not_saved_even_under_a_newer_save() {
    let kv = MemoryKv::new();
    let (mut a, _) = a_change_written_over(&kv);
    assert!(!has_ticket(&stored(&kv).unwrap(), "priya's link"), "the store lost it");
    a.storage_event();
    assert_eq!(a.tab.save_state(), &SaveState::Conflict, "the tab says its change is not saved");
    assert!(has_ticket(&a.scenario, "priya's link"), "and keeps it on screen");
}

#[test]
fn an_import_chosen_under_a_conflict_is_saved_and_both_scenarios_it_replaces_are_kept_as_restore_points() {
    let kv = MemoryKv::new();
    let (mut a, mut b) = a_change_written_over(&kv);
    a.storage_event();
    assert_eq!(a.tab.save_state(), &SaveState::Conflict);
    let mut imported = demo::scenario(now());
    imported.execute(&priya(), now(), &ticket("imported")).unwrap();
    a.view.refresh();
    a.tab
        .replace(&mut a.scenario, &ReadNow, imported, now(), Keeping::Point(Replaced::Import))
        .expect("the replacement takes place");
    a.collect();
    // The import is saved: the person chose it, and a reload finds it.
    assert!(!a.says_unsaved(), "{:?}", a.tab.save_state());
    assert!(has_ticket(&stored(&kv).unwrap(), "imported"));
    assert!(has_ticket(&Sim::open(&kv, "c", SMALL).scenario, "imported"));
    // Neither the change a held unsaved nor b's save it went over is lost.
    let store = Store::new(kv.clone(), "");
    let points: Vec<String> = store.restore_points().iter().map(|p| kv.get(&p.key).unwrap()).collect();
    assert_eq!(points.len(), 2);
    assert!(points.iter().any(|p| p.contains("priya's link") && !p.contains("sam again")), "a's own, unsaved");
    assert!(points.iter().any(|p| p.contains("sam again")), "b's save");
    for point in store.restore_points() {
        let json = store.restore_point(&point.key).unwrap();
        document::parse(&json).expect("each restore point restores");
    }
    // b hears of it and shows the import, with no conflict.
    b.storage_event();
    assert!(has_ticket(&b.scenario, "imported") && !b.says_unsaved());
}

/// A tab whose reader has not come yet.
struct NotLoaded;

impl Reader for NotLoaded {
    fn read(&self, _: String) -> Option<Result<Stored, DocumentError>> {
        None
    }

    fn join(&self, _: Arc<Document>, _: Head) -> Option<Result<Document, DocumentError>> {
        None
    }
}

#[test]
fn a_reset_chosen_while_another_tabs_save_waits_for_the_reader_is_saved_on_top_of_it_and_keeps_it() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    let mut b = Sim::open(&kv, "b", SMALL);
    b.execute(&ticket("b's change")).unwrap();
    a.view.refresh();
    a.tab.execute(&mut a.scenario, &NotLoaded, &priya(), now(), &ticket("a's change")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::Unread);
    a.tab
        .replace(&mut a.scenario, &NotLoaded, demo::scenario(now()), now(), Keeping::Point(Replaced::Reset))
        .expect("the replacement takes place");
    a.collect();
    assert!(!a.says_unsaved(), "{:?}", a.tab.save_state());
    let saved = stored(&kv).unwrap();
    assert!(!has_ticket(&saved, "b's change") && !has_ticket(&saved, "a's change"), "the demo data");
    let store = Store::new(kv.clone(), "");
    let points: Vec<String> = store.restore_points().iter().map(|p| store.restore_point(&p.key).unwrap()).collect();
    assert!(points.iter().any(|p| p.contains("b's change")), "b's save kept");
    assert!(points.iter().any(|p| p.contains("a's change")), "a's own kept");
    a.finish_all();
    assert!(!a.says_unsaved());
}

#[test]
fn a_change_being_packed_is_not_replaced_by_another_tabs_save() {
    let kv = MemoryKv::new();
    let mut b = Sim::open(&kv, "b", SMALL);
    // A reads B's save, then a change of A's makes it large: it is packed
    // before anything of it is written.
    let mut a = Sim::open(&kv, "a", PACKED);
    a.finish_all();
    a.execute(&ticket("in the pack")).unwrap();
    assert!(a.tab.is_saving());
    // Meanwhile B saves a change of its own, and A hears of it.
    b.execute(&ticket("b's")).unwrap();
    a.storage_event();
    assert!(has_ticket(&a.scenario, "in the pack"), "A's change stays on screen");
    a.finish_all();
    // Its pack meets B's save: A's change is kept on screen, said unsaved.
    assert!(has_ticket(&a.scenario, "in the pack"));
    assert!(a.says_unsaved() && a.tab.holds_unsaved_change());
    assert!(has_ticket(&stored(&kv).unwrap(), "b's"), "B's save is not written over");
}

#[test]
fn a_pack_that_ends_after_the_person_opened_a_case_is_saved_in_the_space_it_was_made_in() {
    let kv = MemoryKv::new();
    Sim::open(&kv, "b", SMALL);
    // A change makes the person's scenario large: it is packed before
    // anything of it is written.
    let mut own = Sim::open(&kv, "a", PACKED);
    own.finish_all();
    own.execute(&ticket("in the pack")).unwrap();
    let Some(Work::Pack(job)) = own.pending.pop() else { panic!("a first pack is asked for") };
    // The person opens a case while it runs: the page's engine is now the
    // case's, which packs a change of its own.
    Sim::open_in(&kv, "case:", "b", SMALL);
    let mut case = Sim::open_in(&kv, "case:", "a", PACKED);
    case.finish_all();
    case.execute(&ticket("in the case")).unwrap();
    assert!(case.tab.is_saving());
    // The first pack ends. It is not the case's: the case's engine changes
    // nothing and still says Saving… for its own.
    assert!(!case.tab.waits_for(&job) && own.tab.waits_for(&job));
    let packed = Some(pack(&job.whole));
    case.tab.packed(&mut case.scenario, &ReadNow, job.clone(), packed.clone(), now());
    assert!(case.tab.is_saving(), "the case's own pack is still awaited");
    assert!(!has_ticket(&case.scenario, "in the pack"));
    // The tab set aside takes it: the person's change is saved in their space.
    own.tab.packed(&mut own.scenario, &ReadNow, job, packed, now());
    assert!(!own.says_unsaved() && !own.tab.holds_unsaved_change());
    assert!(has_ticket(&stored(&kv).unwrap(), "in the pack"));
    case.finish_all();
    assert!(!case.says_unsaved());
    let mut reopened = Sim::open_in(&kv, "case:", "c", PACKED);
    reopened.finish_all();
    assert!(has_ticket(&reopened.scenario, "in the case") && !has_ticket(&reopened.scenario, "in the pack"));
    assert!(!has_ticket(&stored(&kv).unwrap(), "in the case"), "the case's change stays in its space");
}

#[test]
fn only_a_pack_of_the_persons_unwritten_change_holds_a_change_leaving_would_lose() {
    let kv = MemoryKv::new();
    // An untouched demo being packed: leaving loses nothing of the person's.
    let mut fresh = Sim::open(&kv, "a", PACKED);
    assert!(fresh.tab.is_saving() && !fresh.tab.holds_unsaved_change());
    fresh.finish_all();
    // A repack of changes already saved as heads: the heads hold them.
    for n in 0..=REPACK_EVENTS {
        fresh.execute(&ticket(&format!("saved {n}"))).unwrap();
    }
    assert!(fresh.tab.is_saving(), "the heads are packed anew");
    assert!(!fresh.tab.holds_unsaved_change());
    assert!(has_ticket(&stored(&kv).unwrap(), &format!("saved {REPACK_EVENTS}")));
    fresh.finish_all();
    // The first pack of a change that made a scenario large: nothing of it
    // is written until the pack is.
    let other = MemoryKv::new();
    Sim::open(&other, "b", SMALL);
    let mut grown = Sim::open(&other, "a", PACKED);
    grown.finish_all();
    grown.execute(&ticket("in the pack")).unwrap();
    assert!(grown.tab.is_saving() && grown.tab.holds_unsaved_change());
    grown.finish_all();
    assert!(!grown.tab.holds_unsaved_change());
}

/// The invitation Noah accepts by signing in (a change a sign-in records).
fn accepted(scenario: &Scenario) -> bool {
    scenario.trail().iter().any(|e| matches!(e.kind, EventKind::InvitationAccepted { .. }))
}

#[test]
fn a_sign_in_that_accepts_an_invitation_is_the_persons_change_and_never_given_way() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    let mut b = Sim::open(&kv, "b", SMALL);
    // A, untouched so far, signs in as the invited Noah: the acceptance is saved.
    a.tab.sign_in(&mut a.scenario, &ReadNow, now(), demo::UNANSWERED_INVITATION, demo::WORK_PASSWORD).unwrap();
    assert!(accepted(&stored(&kv).unwrap()));
    // B, which has not seen it, saves over it. A keeps its change on
    // screen, said unsaved, as it does for any change of its own.
    b.execute_on_its_view(&ticket("b's")).unwrap();
    a.storage_event();
    assert!(accepted(&a.scenario), "the acceptance stays on screen");
    assert!(a.says_unsaved() && a.tab.holds_unsaved_change());
}

#[test]
fn a_restore_where_a_newer_certlink_saved_is_not_saved_and_says_so() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    kv.set("certlink.document", "{\"app\":\"certlink\",\"schema\":99,\"revision\":7}").unwrap();
    a.view.refresh();
    a.execute(&ticket("not over it")).unwrap();
    a.tab
        .replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(Replaced::Restore))
        .expect("the replacement takes place");
    assert!(kv.get("certlink.document").unwrap().contains("\"schema\":99"));
    // Nothing was written: the restore point stays for another try.
    assert!(!a.tab.is_saved());
}

#[test]
fn a_newer_certlinks_save_is_never_written_over() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    kv.set("certlink.document", "{\"app\":\"certlink\",\"schema\":99,\"revision\":7}").unwrap();
    kv.remove("certlink.revision");
    a.execute(&ticket("not over it")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::NewerVersion { found: 99, changed: true });
    assert!(kv.get("certlink.document").unwrap().contains("\"schema\":99"));
    // The change is on screen only: leaving this scenario would lose it.
    assert!(a.tab.holds_unsaved_change() && a.says_unsaved());
    a.execute(&ticket("nor this one")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::NewerVersion { found: 99, changed: true });
}

#[test]
fn a_tab_that_starts_on_a_newer_certlinks_save_holds_nothing_until_a_change_is_made_there() {
    let kv = MemoryKv::new();
    kv.set("certlink.document", "{\"app\":\"certlink\",\"schema\":99,\"revision\":7}").unwrap();
    let mut a = Sim::open(&kv, "a", SMALL);
    assert_eq!(a.tab.save_state(), &SaveState::NewerVersion { found: 99, changed: false });
    assert!(!a.tab.holds_unsaved_change(), "the demo on screen is nothing of the person's");
    a.execute(&ticket("made here")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::NewerVersion { found: 99, changed: true });
    assert!(a.tab.holds_unsaved_change());
    assert!(kv.get("certlink.document").unwrap().contains("\"schema\":99"));
}

/// What a simulated person or browser does next.
#[derive(Clone, Debug)]
enum Step {
    Execute(usize),
    StorageEvent(usize),
    FinishWork(usize),
    Quota(bool),
    Reload(usize),
    /// A tab acts before the other tabs' last saves reached it.
    ExecuteUnseen(usize),
    /// A tab acts and is closed after that many of its writes (between a
    /// part and its head, a stamp and its document...), then opened again.
    Crash(usize, usize),
    /// A tab imports a scenario, keeping the one it replaces as a restore
    /// point (or refused where it cannot).
    Import(usize),
    /// A tab restores one of the restore points kept, as Your data does.
    Restore(usize, usize),
    /// Something outside Certlink writes unreadable text over the save.
    Damage,
    /// A tab acts, or hears of another's save, while its reader's file is
    /// still on its way (it comes with the tab's next work).
    ExecuteBeforeReader(usize),
    StorageEventBeforeReader(usize),
    /// A tab reloads and starts before its reader's file has come.
    ReloadBeforeReader(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..3usize).prop_map(Step::Execute),
        3 => (0..3usize).prop_map(Step::StorageEvent),
        3 => (0..3usize).prop_map(Step::FinishWork),
        1 => any::<bool>().prop_map(Step::Quota),
        1 => (0..3usize).prop_map(Step::Reload),
        1 => (0..3usize, 0..4usize).prop_map(|(t, writes)| Step::Crash(t, writes)),
    ]
}

/// The same, with imports, restores and damaged saves among them.
fn step_with_replacements() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => step(),
        1 => (0..3usize).prop_map(Step::Import),
        1 => (0..3usize, 0..3usize).prop_map(|(t, point)| Step::Restore(t, point)),
        1 => Just(Step::Damage),
        1 => (0..3usize).prop_map(Step::ExecuteBeforeReader),
        1 => (0..3usize).prop_map(Step::StorageEventBeforeReader),
        1 => (0..3usize).prop_map(Step::ReloadBeforeReader),
    ]
}

/// The same, with tabs that may act on a late view of the store.
fn step_with_late_views() -> impl Strategy<Value = Step> {
    prop_oneof![4 => step(), 2 => (0..3usize).prop_map(Step::ExecuteUnseen)]
}

/// Late views, imports, restores and damaged saves together. No tab
/// reloads before its reader: such a tab shows nothing of the save until
/// it is read, and a save that no tab shows, a tab acting on a late view
/// may write over unseen (what a late view of localStorage allows; only a
/// tab showing the save can tell, by its lineage).
fn step_with_late_views_and_replacements() -> impl Strategy<Value = Step> {
    let replacement = prop_oneof![
        1 => (0..3usize).prop_map(Step::Import),
        1 => (0..3usize, 0..3usize).prop_map(|(t, point)| Step::Restore(t, point)),
        1 => Just(Step::Damage),
        1 => (0..3usize).prop_map(Step::ExecuteBeforeReader),
        1 => (0..3usize).prop_map(Step::StorageEventBeforeReader),
    ];
    prop_oneof![6 => step(), 2 => replacement, 3 => (0..3usize).prop_map(Step::ExecuteUnseen)]
}

/// Plays `steps` over `tabs` tabs; checks that each change a person made
/// is in the store, or shown in its tab with a banner that says it is not
/// saved, and that the store reads back: after every step where every tab
/// sees the store as it is; where tabs may act on a late view, once each
/// tab has had the storage events it was owed (before then, it cannot know).
fn play(tabs: usize, whole_bytes: usize, steps: &[Step]) -> Result<(), TestCaseError> {
    let late_views = steps.iter().any(|step| matches!(step, Step::ExecuteUnseen(_)));
    let kv = MemoryKv::new();
    let mut sims: Vec<Sim> = (0..tabs).map(|n| Sim::open(&kv, &format!("w{n}-"), whole_bytes)).collect();
    let mut made: Vec<(usize, String)> = Vec::new();
    // The unreadable texts written over the save: each is kept, where it
    // was written or as a backup, till the test itself writes over it.
    let mut damaged: Vec<String> = Vec::new();
    let mut reloads = 0;
    for (n, step) in steps.iter().enumerate() {
        // A new restore point (a replacement's, or one it left owed) may
        // push the oldest out (three are kept): what only that point held
        // may go with it.
        let only_in_points: Vec<(usize, String)> =
            made.iter().filter(|(t, details)| !is_live(&kv, &sims, *t, details)).cloned().collect();
        let points_before = point_keys(&kv);
        match step {
            Step::Execute(t) => {
                let details = format!("change {n}");
                if sims[t % tabs].execute(&ticket(&details)).is_ok() {
                    made.push((t % tabs, details));
                }
            }
            Step::ExecuteUnseen(t) => {
                let details = format!("change {n}");
                if sims[t % tabs].execute_on_its_view(&ticket(&details)).is_ok() {
                    made.push((t % tabs, details));
                }
            }
            Step::Crash(t, writes) => {
                let t = t % tabs;
                kv.stop_after(Some(*writes));
                let _ = sims[t].execute(&ticket(&format!("change {n}")));
                sims[t].finish_all();
                kv.stop_after(None);
                // What only the closed tab held went with it.
                let saved = stored_or_unreadable(&kv);
                made.retain(|(tab, details)| {
                    *tab != t || saved.as_ref().is_some_and(|s| has_ticket(s, details)) || in_points(&kv, details)
                });
                reloads += 1;
                sims[t] = Sim::open(&kv, &format!("r{reloads}-"), whole_bytes);
                if late_views {
                    // A late view may write over a save no tab shows yet
                    // (see `step_with_late_views_and_replacements`): the
                    // tab opened again reads its save first.
                    sims[t].finish_all();
                }
            }
            Step::Import(t) => {
                let t = t % tabs;
                let details = format!("import {n}");
                let mut next = demo::scenario(now());
                next.execute(&priya(), now(), &ticket(&details)).unwrap();
                let sim = &mut sims[t];
                sim.view.refresh();
                let kept = Keeping::Point(Replaced::Import);
                if sim.tab.replace(&mut sim.scenario, &ReadNow, next, now(), kept).is_ok() {
                    made.push((t, details));
                }
                sim.collect();
            }
            Step::Restore(t, point) => {
                let sim = &mut sims[t % tabs];
                sim.view.refresh();
                let store = Store::new(kv.clone(), "");
                let points = store.restore_points();
                if let Some(point) = points.get(point % points.len().max(1)) {
                    let doc = document::parse(&store.restore_point(&point.key).unwrap());
                    let doc = doc.map_err(|e| TestCaseError::fail(format!("a restore point reads: {e:?}")))?;
                    let kept = Keeping::Point(Replaced::Restore);
                    if sim.tab.replace(&mut sim.scenario, &ReadNow, doc.scenario, now(), kept).is_ok()
                        && sim.tab.is_saved()
                    {
                        store.delete_restore_point(&point.key);
                    }
                    sim.collect();
                }
            }
            Step::Damage => {
                let key = "certlink.document";
                let before = kv.get(key);
                // Damaged from its first bytes, or after a header that
                // names no writer (a number a tab may hold).
                let text = match n % 2 {
                    0 => format!("damaged {n}"),
                    _ => format!("{{\"app\":\"certlink\",\"schema\":2,\"revision\":{},\"damaged\"", n % 4),
                };
                if kv.set(key, &text).is_ok() {
                    // What the store alone held went with the save written over.
                    made.retain(|(t, details)| shown_unsaved(&sims, *t, details) || in_points(&kv, details));
                    damaged.retain(|d| Some(d) != before.as_ref());
                    damaged.push(text);
                }
            }
            Step::ExecuteBeforeReader(t) => {
                let details = format!("change {n}");
                let sim = &mut sims[t % tabs];
                sim.view.refresh();
                if sim.tab.execute(&mut sim.scenario, &ReaderOnItsWay, &priya(), now(), &ticket(&details)).is_ok() {
                    made.push((t % tabs, details));
                }
                sim.collect();
            }
            Step::StorageEventBeforeReader(t) => {
                let sim = &mut sims[t % tabs];
                sim.view.refresh();
                sim.tab.take_newer_save(&mut sim.scenario, &ReaderOnItsWay);
                sim.collect();
            }
            Step::ReloadBeforeReader(t) => {
                let t = t % tabs;
                if late_views {
                    sims[t].storage_event();
                }
                if !sims[t].says_unsaved() {
                    reloads += 1;
                    let writer = format!("r{reloads}-");
                    sims[t] = Sim::open_as_the_app_enters_a_space(&kv, &writer, &ReaderOnItsWay, whole_bytes);
                }
            }
            Step::StorageEvent(t) => sims[t % tabs].storage_event(),
            Step::FinishWork(t) => sims[t % tabs].finish_one(),
            Step::Quota(full) => kv.set_quota(full.then_some(kv.items().iter().map(|(k, v)| k.len() + v.len()).sum())),
            Step::Reload(t) => {
                // A tab that says nothing is unsaved may reload, once the
                // storage events it was owed have come.
                let t = t % tabs;
                if late_views {
                    sims[t].storage_event();
                }
                if !sims[t].says_unsaved() {
                    reloads += 1;
                    sims[t] = Sim::open(&kv, &format!("r{reloads}-"), whole_bytes);
                    if late_views {
                        sims[t].finish_all();
                    }
                }
            }
        }
        // (A tab closed between giving way a point and writing the new one
        // loses the point given way, as it would have been.)
        if matches!(step, Step::Crash(..)) || point_keys(&kv).iter().any(|key| !points_before.contains(key)) {
            made.retain(|entry| !only_in_points.contains(entry) || in_points(&kv, &entry.1));
        }
        if !late_views {
            check(&kv, &sims, &made, &steps[..=n])?;
        }
        // (A tab acting on a view that has not seen the damage writes over
        // it unread: no tab can know it was there.)
        let values: Vec<String> = kv.items().into_values().collect();
        for text in damaged.iter().filter(|_| !late_views) {
            prop_assert!(values.contains(text), "the damaged save {text} is kept after {:?}", &steps[..=n]);
        }
    }
    // The work left, and the storage events owed, may keep a restore point
    // too (one owed for want of room), pushing the oldest out.
    let only_in_points: Vec<(usize, String)> =
        made.iter().filter(|(t, details)| !is_live(&kv, &sims, *t, details)).cloned().collect();
    let points_before = point_keys(&kv);
    for sim in &mut sims {
        sim.finish_all();
        sim.storage_event();
    }
    if point_keys(&kv).iter().any(|key| !points_before.contains(key)) {
        made.retain(|entry| !only_in_points.contains(entry) || in_points(&kv, &entry.1));
    }
    // Once every tab has heard of every save, a full storage's banner
    // speaks of an earlier save only where one can be read back.
    for (t, sim) in sims.iter().enumerate() {
        if sim.tab.save_state() == &(SaveState::QuotaExceeded { earlier_kept: true }) {
            prop_assert!(stored_or_unreadable(&kv).is_some(), "tab {t} says its earlier save is kept after {steps:?}");
        }
    }
    check(&kv, &sims, &made, steps)
}

fn check(kv: &MemoryKv, sims: &[Sim], made: &[(usize, String)], steps: &[Step]) -> Result<(), TestCaseError> {
    for (t, details) in made {
        prop_assert!(
            is_live(kv, sims, *t, details) || in_points(kv, details),
            "{details} (tab {t}) is neither stored, nor shown unsaved, nor in a restore point after {steps:?}"
        );
    }
    Ok(())
}

/// The change is in the store's scenario, or shown in its tab under a
/// banner that says it is not saved.
fn is_live(kv: &MemoryKv, sims: &[Sim], t: usize, details: &str) -> bool {
    let in_store = stored_or_unreadable(kv).is_some_and(|s| has_ticket(&s, details));
    in_store || shown_unsaved(sims, t, details)
}

fn shown_unsaved(sims: &[Sim], t: usize, details: &str) -> bool {
    sims[t].says_unsaved() && has_ticket(&sims[t].scenario, details)
}

/// [`stored`], or nothing where the save is unreadable: damaged, or (on a
/// late view) a head naming a part another tab removed, until its tab
/// hears of it and saves its whole again.
fn stored_or_unreadable(kv: &MemoryKv) -> Option<Scenario> {
    let text = Store::new(kv.clone(), "").saved_text()?;
    if let document::Stored::Continues(head) = document::parse_stored(&text).ok()? {
        kv.get(&head.base.key)?;
    }
    stored(kv)
}

fn point_keys(kv: &MemoryKv) -> Vec<String> {
    Store::new(kv.clone(), "").restore_points().into_iter().map(|point| point.key).collect()
}

/// Some restore point kept holds the change.
fn in_points(kv: &MemoryKv, details: &str) -> bool {
    let store = Store::new(kv.clone(), "");
    store.restore_points().iter().any(|point| {
        let doc = store.restore_point(&point.key).and_then(|text| document::parse(&text).ok());
        doc.is_some_and(|doc| has_ticket(&doc.scenario, details))
    })
}

/// `make test` plays `default` cases of each; `PROPTEST_CASES=20000
/// cargo test --release --test save_engine` searches harder.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn no_change_is_lost_between_two_tabs(steps in prop::collection::vec(step(), 1..40)) {
        play(2, SMALL, &steps)?;
    }

    #[test]
    fn no_change_is_lost_between_tabs_that_see_each_others_saves_late(steps in prop::collection::vec(step_with_late_views(), 1..40)) {
        play(2, SMALL, &steps)?;
    }

    #[test]
    fn no_change_is_lost_between_two_tabs_through_imports_restores_and_damaged_saves(steps in prop::collection::vec(step_with_replacements(), 1..40)) {
        play(2, SMALL, &steps)?;
    }

    #[test]
    fn no_change_is_lost_between_tabs_that_see_saves_late_through_imports_restores_and_damaged_saves(steps in prop::collection::vec(step_with_late_views_and_replacements(), 1..40)) {
        play(3, PACKED, &steps)?;
    }

    #[test]
    fn no_change_is_lost_between_three_tabs_with_large_scenarios_through_imports_restores_and_damaged_saves(steps in prop::collection::vec(step_with_replacements(), 1..40)) {
        play(3, PACKED, &steps)?;
    }

    #[test]
    fn no_change_is_lost_between_three_tabs_with_large_scenarios(steps in prop::collection::vec(step(), 1..40)) {
        play(3, PACKED, &steps)?;
    }
}

#[test]
fn a_document_read_back_is_the_document_saved() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("round trip")).unwrap();
    let text = kv.get("certlink.document").unwrap();
    let doc: Document = document::parse(&text).unwrap();
    assert_eq!(doc.scenario, a.scenario);
}

#[test]
fn an_import_keeps_the_scenario_it_replaces_as_a_restore_point_that_survives_a_reload() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("before the import")).unwrap();
    let mine = a.scenario.clone();
    a.tab
        .replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(Replaced::Import))
        .expect("the replacement takes place");
    let b = Sim::open(&kv, "b", SMALL);
    let store = b.tab.store().unwrap();
    let points = store.restore_points();
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].replaced, Replaced::Import);
    let kept = document::parse(&store.restore_point(&points[0].key).unwrap()).expect("reads as an imported file");
    assert_eq!(kept.scenario, mine);
}

#[test]
fn a_restore_point_the_full_storage_refuses_loses_none_of_those_kept() {
    let kv = MemoryKv::new();
    let store = Store::new(kv.clone(), "");
    let doc = |n: u32| format!("{{\"saved_at\":\"2026-0{n}-01T00:00:00Z\",\"work\":\"{}\"}}", "x".repeat(100));
    for n in 1..=3 {
        store.keep_restore_point(Replaced::Import, &doc(n)).unwrap();
    }
    // No room for a fourth: the oldest gives way to it, the two newer stay.
    room_left(&kv, 10);
    store.keep_restore_point(Replaced::Reset, &doc(4)).unwrap();
    let kept: Vec<String> = store.restore_points().iter().map(|p| p.kept_at.clone()).collect();
    assert_eq!(kept, ["2026-04-01T00:00:00Z", "2026-03-01T00:00:00Z", "2026-02-01T00:00:00Z"]);
    // A point larger than the whole storage: refused, and all three stay.
    let huge = format!("{{\"saved_at\":\"2026-05-01T00:00:00Z\",\"work\":\"{}\"}}", "x".repeat(2_000));
    assert_eq!(store.keep_restore_point(Replaced::Reset, &huge).err(), Some(SaveError::Quota));
    assert_eq!(store.restore_points().len(), 3, "every point the storage had room for");
}

#[test]
fn at_most_three_restore_points_are_kept_newest_first_and_an_untouched_demo_is_not_one() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.tab
        .replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(Replaced::Reset))
        .expect("the replacement takes place");
    assert!(Store::new(kv.clone(), "").restore_points().is_empty(), "the untouched demo held nothing");
    for (n, replaced) in [Replaced::Import, Replaced::Reset, Replaced::Case, Replaced::Restore].into_iter().enumerate()
    {
        a.execute(&ticket(&format!("work {n}"))).unwrap();
        a.tab
            .replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(replaced))
            .expect("the replacement takes place");
    }
    let points = Store::new(kv.clone(), "").restore_points();
    let kinds: Vec<Replaced> = points.iter().map(|p| p.replaced).collect();
    assert_eq!(kinds, [Replaced::Restore, Replaced::Case, Replaced::Reset]);
}

#[test]
fn a_replacement_that_cannot_keep_the_persons_large_scenario_as_a_restore_point_changes_nothing() {
    // PACKED: the demo is larger than a whole save, so no restore point holds it.
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", PACKED);
    a.finish_all();
    a.execute(&ticket("large work")).unwrap();
    let before = (a.scenario.clone(), kv.items());
    for why in [Replaced::Import, Replaced::Restore, Replaced::Editor, Replaced::Case, Replaced::Reset] {
        let next = Scenario::new(State::default());
        let refused = a.tab.replace(&mut a.scenario, &ReadNow, next.clone(), now(), Keeping::Point(why));
        let what_comes_back = Err(NotReplaced { why: PointNotKept::TooLarge, next: Box::new(next) });
        assert_eq!(refused, what_comes_back, "{why:?}: what would have replaced it comes back");
        assert_eq!((a.scenario.clone(), kv.items()), before, "{why:?}: nothing replaced, nothing written");
        assert!(a.tab.is_saved(), "{why:?}");
    }
    // A person told it cannot be kept, who goes on, replaces it.
    let anyway = Keeping::PointOrLoseIt(Replaced::Reset);
    a.tab.replace(&mut a.scenario, &ReadNow, Scenario::new(State::default()), now(), anyway).expect("replaced");
    assert!(!has_ticket(&a.scenario, "large work"));
}

#[test]
fn a_replacement_with_no_room_for_the_restore_point_changes_nothing_and_gives_way_no_point() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("first work")).unwrap();
    a.tab
        .replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(Replaced::Import))
        .expect("room");
    a.execute(&ticket("work with no room left")).unwrap();
    room_left(&kv, 10);
    let before = (a.scenario.clone(), kv.items());
    let refused =
        a.tab.replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(Replaced::Restore));
    assert_eq!(refused.map_err(|not| not.why), Err(PointNotKept::NoRoom));
    assert_eq!((a.scenario.clone(), kv.items()), before, "nothing replaced; the older point still kept");
    assert!(has_ticket(&a.scenario, "work with no room left") && a.tab.is_saved());
    // Room made, the same replacement keeps it and goes on.
    kv.set_quota(None);
    a.tab
        .replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(Replaced::Restore))
        .expect("room");
    let points = Store::new(kv.clone(), "").restore_points();
    assert_eq!(points.len(), 2);
    let kept = document::parse(&Store::new(kv.clone(), "").restore_point(&points[0].key).unwrap()).unwrap();
    assert!(has_ticket(&kept.scenario, "work with no room left"));
}

#[test]
fn a_stored_head_naming_a_key_that_is_not_its_own_part_is_set_aside_and_that_key_left_alone() {
    let kv = MemoryKv::new();
    let (_a, part) = packed_with_a_head(&kv, "in the head");
    let head = kv.get("certlink.document").unwrap();
    // A head edited by hand, or written by something else, naming another
    // key of the browser: the library's index, an entry's save, progress.
    for (n, foreign) in ["certlink.library", "lib-1:certlink.document", "certlink.practice"].into_iter().enumerate() {
        kv.set(foreign, "someone else's text").unwrap();
        kv.set("certlink.document", &head.replace(&part, foreign)).unwrap();
        let mut b = Sim::open(&kv, "b", PACKED);
        b.finish_all();
        assert_eq!(kv.get(foreign).as_deref(), Some("someone else's text"), "{foreign} is neither read nor moved");
        let backups = Store::new(kv.clone(), "").backups();
        assert_eq!(backups.len(), n + 1, "the head itself is kept, as unreadable");
        assert!(kv.get(&format!("{}.part", backups[n].key)).is_none(), "nothing of {foreign} kept beside it");
    }
}

#[test]
fn a_change_after_the_part_was_removed_by_another_tab_is_packed_anew_never_saved_as_a_head_naming_it() {
    let kv = MemoryKv::new();
    let (mut a, part) = packed_with_a_head(&kv, "saved in a head");
    // Another tab, opening while A repacked, set A's save aside as unreadable.
    let store = Store::new(kv.clone(), "");
    kv.set("certlink.unreadable.1", &kv.get("certlink.document").unwrap()).unwrap();
    kv.remove(&part);
    store.clear();
    a.execute(&ticket("made after")).unwrap();
    a.finish_all();
    let saved = stored(&kv).expect("what is stored reads back");
    assert!(has_ticket(&saved, "saved in a head") && has_ticket(&saved, "made after"));
    assert!(a.tab.is_saved());
}

#[test]
fn a_replacement_with_no_room_to_be_saved_takes_back_its_restore_point_and_the_older_ones_come_back() {
    let kv = MemoryKv::new();
    let mut a = three_restore_points(&kv);
    a.execute(&ticket("current work")).unwrap();
    let store = Store::new(kv.clone(), "");
    let before = kv.items();
    assert_eq!(store.restore_points().len(), 3);
    // Room for a point only once the oldest gives way, and none for a larger replacement.
    room_left(&kv, 20);
    let larger = demo_with_tickets(20);
    a.tab
        .replace(&mut a.scenario, &ReadNow, larger, now(), Keeping::Point(Replaced::Import))
        .expect("replaced on screen");
    assert_eq!(
        a.tab.save_state(),
        &SaveState::QuotaExceeded { earlier_kept: true },
        "the replacement is said not saved"
    );
    assert_eq!(kv.items(), before, "the last save whole, and the three points as they were");
    // Room made, the next change saves the import, and the save it goes
    // over is kept as a restore point first, as the import promised.
    kv.set_quota(None);
    a.execute(&ticket("after room was made")).unwrap();
    assert!(a.tab.is_saved());
    let saved = stored(&kv).unwrap();
    assert!(has_ticket(&saved, "imported 0") && has_ticket(&saved, "after room was made"));
    assert!(has_ticket(&newest_point(&kv), "current work"), "the scenario the import replaced is a restore point");
}

#[test]
fn a_change_after_a_replacement_refused_for_want_of_room_still_finds_none_and_writes_nothing() {
    let kv = MemoryKv::new();
    let mut a = three_restore_points(&kv);
    a.execute(&ticket("current work")).unwrap();
    room_left(&kv, 20);
    let larger = demo_with_tickets(20);
    a.tab.replace(&mut a.scenario, &ReadNow, larger, now(), Keeping::Point(Replaced::Import)).unwrap();
    let before = kv.items();
    // A change with still no room: nothing is written, the change is said unsaved.
    a.execute(&ticket("made with no room")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true });
    assert_eq!(kv.items(), before, "the last save and the points as they were");
    assert!(has_ticket(&a.scenario, "made with no room"), "the change stays on screen");
}

#[test]
fn a_large_replacement_whose_pack_finds_no_room_takes_back_its_restore_point_and_the_older_ones_come_back() {
    let kv = MemoryKv::new();
    // An import large enough to be packed, over scenarios stored whole.
    let larger = demo_with_tickets(40);
    let mut a = three_restore_points_over(&kv, document::to_json(&larger, 1, now()).len() - 1);
    a.execute(&ticket("current work")).unwrap();
    let store = Store::new(kv.clone(), "");
    assert_eq!(store.restore_points().len(), 3);
    let before = kv.items();
    // Room for a point only once the oldest gives way, and none for the pack.
    room_left(&kv, 20);
    a.tab
        .replace(&mut a.scenario, &ReadNow, larger, now(), Keeping::Point(Replaced::Import))
        .expect("replaced on screen");
    a.collect();
    assert!(a.tab.is_saving(), "the import is being packed");
    a.finish_all();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true }, "the import is said not saved");
    assert_eq!(kv.items(), before, "the last save whole, and the three points as they were");
    // Room made, the next change packs the import again; the save it goes
    // over is kept as a restore point first.
    kv.set_quota(None);
    a.execute(&ticket("after room was made")).unwrap();
    a.finish_all();
    assert!(a.tab.is_saved());
    assert!(has_ticket(&newest_point(&kv), "current work"), "the scenario the import replaced is a restore point");
}

#[test]
fn a_sign_in_that_records_nothing_is_no_unsaved_change_under_a_newer_certlinks_save() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("saved before")).unwrap();
    kv.set("certlink.document", "{\"app\":\"certlink\",\"schema\":99,\"revision\":7}").unwrap();
    a.view.refresh();
    a.tab.sign_in(&mut a.scenario, &ReadNow, now(), "grace@contoso.com", demo::WORK_PASSWORD).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::NewerVersion { found: 99, changed: false });
    assert!(!a.tab.holds_unsaved_change(), "nothing of the person's is on screen only");
}

#[test]
fn a_restore_point_holding_the_only_copy_of_unsaved_work_stays_when_the_replacement_finds_no_room() {
    let kv = MemoryKv::new();
    let mut a = three_restore_points(&kv);
    room_left(&kv, 20);
    a.execute(&ticket("work the full storage refused")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true });
    // An import far larger than the room the oldest points make.
    let larger = demo_with_tickets(100);
    a.tab
        .replace(&mut a.scenario, &ReadNow, larger, now(), Keeping::Point(Replaced::Import))
        .expect("replaced on screen");
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true });
    let store = Store::new(kv.clone(), "");
    let kept = store.restore_points().into_iter().filter_map(|p| store.restore_point(&p.key)).collect::<Vec<_>>();
    assert!(
        kept.iter().any(|text| text.contains("work the full storage refused")),
        "the point is the only copy of that work: it stays"
    );
}

#[test]
fn a_space_opened_before_the_reader_stands_in_for_its_save_until_the_save_is_read() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("the entry's work")).unwrap();
    let b = &mut Sim::open_as_the_app_enters_a_space(&kv, "b", &ReaderOnItsWay, SMALL);
    assert!(b.tab.stands_in(), "the empty scenario is no one's: pages wait for the save");
    assert!(b.tab.is_opening(), "and the banner says the scenario is being opened");
    assert!(!has_ticket(&b.scenario, "the entry's work"));
    // The reader comes: the save takes the stand-in's place, the one the
    // person opened, with no notice of another tab's change.
    b.finish_all();
    assert!(has_ticket(&b.scenario, "the entry's work"));
    assert!(b.tab.take_shown_anew(), "the page shows the save anew");
    assert_eq!(b.tab.take_updated_elsewhere(), None);
    assert!(!b.tab.stands_in() && !b.tab.is_opening());
    assert_eq!(b.tab.save_state(), &SaveState::Saved);
}

#[test]
fn a_change_made_on_a_stand_in_is_said_unsaved_and_the_save_it_stood_for_is_left_as_it_was() {
    // The change small enough to be saved whole, or packed first.
    for whole_bytes in [SMALL, PACKED] {
        change_on_a_stand_in(whole_bytes);
    }
}

fn change_on_a_stand_in(whole_bytes: usize) {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("the entry's work")).unwrap();
    let mut b = Sim::open_as_the_app_enters_a_space(&kv, "b", &ReaderOnItsWay, whole_bytes);
    // The demo built on the stand-in, then a change before the reader comes.
    let built = b.tab.demo_built(&mut b.scenario, demo::scenario(now()));
    assert!(built);
    assert!(b.tab.stands_in(), "the demo built meanwhile still stands in");
    b.tab.execute(&mut b.scenario, &ReaderOnItsWay, &priya(), now(), &ticket("made on the stand-in")).unwrap();
    b.collect();
    b.finish_all();
    assert!(b.says_unsaved(), "shown, said not saved, with Reload");
    assert!(!b.tab.stands_in(), "the change is the person's: no longer a stand-in");
    assert!(has_ticket(&b.scenario, "made on the stand-in"), "the reader's coming does not drop it");
    let saved = stored(&kv).unwrap();
    assert!(has_ticket(&saved, "the entry's work") && !has_ticket(&saved, "made on the stand-in"));
}

#[test]
fn a_large_save_opened_on_entering_its_space_stands_in_until_its_part_is_opened_even_after_a_failed_fetch() {
    let kv = MemoryKv::new();
    let (mut a, _) = packed_with_a_head(&kv, "the head's change");
    a.finish_all();
    let mut b = Sim::open_as_the_app_enters_a_space(&kv, "b", &ReadNow, SMALL);
    assert!(b.tab.stands_in() && b.tab.is_opening());
    assert!(matches!(b.pending.as_slice(), [Work::Read(Todo::Open { .. })]), "the part is to be opened");
    // The reader's fetch fails while the part is opened: put off, and the
    // stand-in still stands in.
    let Some(Work::Read(Todo::Open { head, .. })) = b.pending.pop() else { unreachable!() };
    b.tab.open_put_off(&head.base);
    assert!(b.tab.stands_in());
    // Read again (the page's Try again): the part is opened this time.
    b.tab.take_newer_save(&mut b.scenario, &ReadNow);
    b.collect();
    assert!(matches!(b.pending.as_slice(), [Work::Read(Todo::Open { .. })]), "opened again");
    b.finish_all();
    assert!(has_ticket(&b.scenario, "the head's change"));
    assert!(!b.tab.stands_in() && !b.tab.is_opening());
    assert_eq!(b.tab.take_updated_elsewhere(), None, "no other tab changed anything");
}

#[test]
fn a_scenario_put_in_place_of_a_stand_in_is_the_persons_and_the_save_it_stood_for_stays() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("the entry's work")).unwrap();
    let mut b = Sim::open_as_the_app_enters_a_space(&kv, "b", &ReaderOnItsWay, SMALL);
    let mut imported = demo::scenario(now());
    imported.execute(&priya(), now(), &ticket("imported")).unwrap();
    b.tab.replace(&mut b.scenario, &ReaderOnItsWay, imported, now(), Keeping::Nothing).expect("replaced");
    b.collect();
    assert!(!b.tab.stands_in(), "pages are drawn on the import, not held for the save");
    b.finish_all();
    assert!(has_ticket(&b.scenario, "imported"));
    assert!(b.says_unsaved());
    assert!(has_ticket(&stored(&kv).unwrap(), "the entry's work"));
}

#[test]
fn a_parts_opening_that_ends_after_the_tab_entered_another_space_is_not_shown_there() {
    let kv_a = MemoryKv::new();
    let (mut a, _) = packed_with_a_head(&kv_a, "entry a's change");
    a.finish_all();
    // Written by another tab: its part's key is its own.
    let kv_b = MemoryKv::new();
    let mut b = Sim::open(&kv_b, "b", PACKED);
    b.finish_all();
    b.execute(&ticket("entry b's change")).unwrap();
    b.finish_all();
    // The tab enters entry A: its part is being opened...
    let mut in_a = Sim::open_as_the_app_enters_a_space(&kv_a, "t", &ReadNow, SMALL);
    let Some(Work::Read(Todo::Open { head, packed })) = in_a.pending.pop() else { unreachable!() };
    // ...and enters entry B before that ends: B's own engine and stand-in.
    let mut in_b = Sim::open_as_the_app_enters_a_space(&kv_b, "t", &ReadNow, SMALL);
    let text = unpack(&packed).unwrap();
    let base = Arc::new(document::parse(&text).unwrap());
    let part = Part { key: head.base.key.clone(), document: base.clone(), whole_bytes: text.len() };
    let a_opened = document::join(&base, (*head).clone()).map(|doc| (doc, part));
    assert!(!in_b.tab.opened(&mut in_b.scenario, &head.base, a_opened), "A's save is not B's");
    assert!(!has_ticket(&in_b.scenario, "entry a's change"));
    assert!(in_b.tab.stands_in(), "B still waits for its own save");
    in_b.finish_all();
    assert!(has_ticket(&in_b.scenario, "entry b's change"));
    in_b.execute(&ticket("on b")).unwrap();
    in_b.finish_all();
    let saved_b = stored(&kv_b).unwrap();
    assert!(has_ticket(&saved_b, "entry b's change") && has_ticket(&saved_b, "on b"));
    assert!(!has_ticket(&saved_b, "entry a's change"));
}

#[test]
fn a_stand_in_for_a_large_save_whose_part_is_damaged_sets_it_aside_as_a_start_does() {
    let kv = MemoryKv::new();
    let (mut a, part_key) = packed_with_a_head(&kv, "the head's change");
    a.finish_all();
    kv.set(&part_key, "packed:{damaged").unwrap();
    let mut b = Sim::open_as_the_app_enters_a_space(&kv, "b", &ReadNow, SMALL);
    b.finish_all();
    assert!(!b.tab.stands_in());
    assert!(matches!(b.tab.save_state(), SaveState::Corrupt(_)), "the banner says so: {:?}", b.tab.save_state());
    let store = Store::new(kv.clone(), "");
    assert_eq!(store.backups().len(), 1, "kept as a backup, with its part");
    assert!(store.saved_text().is_none(), "nothing unreadable left to write over");
}

#[test]
fn an_engine_set_aside_while_opening_another_tabs_part_does_not_say_opening_forever_once_back() {
    let kv = MemoryKv::new();
    // A change made while b's large save is being opened meets that save
    // and is said unsaved.
    let mut a = opening_another_tabs_large_save(&kv);
    assert!(a.tab.is_opening());
    a.tab.execute(&mut a.scenario, &ReadNow, &priya(), now(), &ticket("a's change")).unwrap();
    assert!(a.says_unsaved());
    // The person opens a case: a's engine is kept aside, and the opening's
    // result goes to the case's engine, which ignores it.
    a.tab.opening_given_up();
    a.pending.clear();
    // Back on a's space: nothing is being opened, and the change is still
    // there, said unsaved (Reload), never replaced.
    a.storage_event();
    assert!(!a.tab.is_opening(), "no \"Opening…\" banner left with nothing running");
    assert!(has_ticket(&a.scenario, "a's change") && a.says_unsaved());
}

#[test]
fn a_stand_in_whose_part_fails_after_another_save_took_its_place_waits_for_that_save() {
    let kv = MemoryKv::new();
    let (mut a, part_key) = packed_with_a_head(&kv, "the head's change");
    a.finish_all();
    let mut b = Sim::open_as_the_app_enters_a_space(&kv, "b", &ReadNow, SMALL);
    let Some(Work::Read(Todo::Open { head, .. })) = b.pending.pop() else { unreachable!() };
    // Another tab saves a whole scenario in its place, and the old part
    // then fails to open: nothing is set aside, and b still waits.
    let mut c = Sim::open(&kv, "c", SMALL);
    c.finish_all();
    let mut other = demo::scenario(now());
    other.execute(&priya(), now(), &ticket("c's save")).unwrap();
    c.tab.replace(&mut c.scenario, &ReadNow, other, now(), Keeping::Nothing).unwrap();
    c.finish_all();
    assert!(!kv.items().contains_key(&part_key) || !Store::new(kv.clone(), "").saved_over_part(&part_key));
    b.view.refresh();
    assert!(!b.tab.opened(&mut b.scenario, &head.base, Err(DocumentError::Empty)));
    assert!(b.tab.stands_in(), "the empty scenario is still no one's");
    assert_eq!(Store::new(kv.clone(), "").backups().len(), 0, "nothing set aside");
    b.storage_event();
    b.finish_all();
    assert!(!b.tab.stands_in());
    assert!(has_ticket(&b.scenario, "c's save"));
}

#[test]
fn with_storage_turned_off_only_the_persons_scenario_asks_before_it_is_replaced() {
    let mut tab: Tab<MemoryKv> = Tab::new(None, "t", SaveState::Saved);
    let mut scenario = match tab.start(None, false) {
        Start::Demo => demo::scenario(now()),
        Start::Saved(_) => unreachable!("nothing is stored"),
    };
    // The demo the tab started on is no one's: replaced without a question,
    // whatever is asked; and a replacement that keeps nothing never asks.
    tab.replace(&mut scenario, &ReadNow, demo_with_tickets(1), now(), Keeping::Point(Replaced::Import))
        .expect("the untouched demo is replaced");
    tab.execute(&mut scenario, &ReadNow, &priya(), now(), &ticket("the person's")).unwrap();
    tab.replace(&mut scenario, &ReadNow, demo_with_tickets(2), now(), Keeping::Nothing)
        .expect("a case's scenario, kept nowhere, asks nothing");
    tab.execute(&mut scenario, &ReadNow, &priya(), now(), &ticket("the person's again")).unwrap();
    // The person's own: refused, nothing replaced, until they choose.
    let refused = tab.replace(&mut scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Point(Replaced::Reset));
    assert_eq!(refused.map(|_| ()).map_err(|not| not.why), Err(PointNotKept::NoStorage));
    assert!(has_ticket(&scenario, "the person's again"));
    tab.replace(&mut scenario, &ReadNow, demo::scenario(now()), now(), Keeping::PointOrLoseIt(Replaced::Reset))
        .expect("chosen");
    assert!(!has_ticket(&scenario, "the person's again"));
    assert_eq!(tab.save_state(), &SaveState::MemoryOnly);
}

#[test]
fn a_large_scenario_grown_past_what_certlink_reads_back_through_its_heads_is_said_not_saved() {
    use certlink::storage::document::MAX_IMPORT_BYTES;
    // The demo with as many long tickets as keep it just under the limit.
    let long = |n: usize| ticket(&format!("{n:04} {}", "x".repeat(3_990)));
    let mut near = demo::scenario(now());
    let base = document::to_json(&near, 1, now()).len();
    near.execute(&Actor::account("chen@contoso.com"), now(), &long(0)).unwrap();
    let each = document::to_json(&near, 1, now()).len() - base;
    for n in 1..(MAX_IMPORT_BYTES - base - 20_000) / each {
        near.execute(&Actor::account("chen@contoso.com"), now(), &long(n)).unwrap();
    }
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", PACKED);
    a.finish_all();
    a.tab.replace(&mut a.scenario, &ReadNow, near, now(), Keeping::Nothing).unwrap();
    a.collect();
    a.finish_all();
    assert_eq!(a.tab.save_state(), &SaveState::Saved);
    // A first small change fits, in a head.
    a.execute(&ticket("small")).unwrap();
    a.finish_all();
    assert!(has_ticket(&stored(&kv).unwrap(), "small"));
    // Long ones take it past the limit: shown, said not saved, and what is
    // stored is the scenario before them, whole, under the limit.
    for n in 0..3 {
        let _ = a.execute(&ticket(&format!("{n} {}", "é".repeat(3_990))));
        a.finish_all();
    }
    assert!(matches!(a.tab.save_state(), SaveState::TooLarge { .. }), "{:?}", a.tab.save_state());
    assert!(a.says_unsaved());
    assert!(has_ticket(&a.scenario, &format!("2 {}", "é".repeat(3_990))));
    let kept = stored(&kv).unwrap();
    assert!(has_ticket(&kept, "small"));
    assert!(document::to_json(&kept, 1, now()).len() <= MAX_IMPORT_BYTES);
    // Undone (a ticket cannot be: the scenario goes back to one that fits),
    // it saves again.
    let fits = kept.clone();
    a.tab.replace(&mut a.scenario, &ReadNow, fits, now(), Keeping::Nothing).unwrap();
    a.collect();
    a.finish_all();
    assert_eq!(a.tab.save_state(), &SaveState::Saved);
}

#[test]
fn a_repack_with_no_room_says_nothing_is_unsaved_and_waits_before_it_is_tried_again() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", PACKED);
    a.finish_all();
    for n in 0..REPACK_EVENTS {
        a.execute(&ticket(&format!("saved {n}"))).unwrap();
    }
    a.finish_all();
    // Room for one more head, not for a second part beside the first.
    room_left(&kv, 2_000);
    a.execute(&ticket("last")).unwrap();
    assert!(a.pending.iter().any(|work| matches!(work, Work::Pack(_))), "a repack starts");
    a.finish_all();
    assert_eq!(a.tab.save_state(), &SaveState::Saved, "every change is in the heads");
    assert!(!a.says_unsaved());
    assert!(has_ticket(&stored(&kv).unwrap(), "last"));
    // The next change is saved as a head, with no repack tried again yet.
    room_left(&kv, 4_000);
    a.execute(&ticket("after")).unwrap();
    assert!(a.pending.is_empty(), "no repack on every change");
    assert!(has_ticket(&stored(&kv).unwrap(), "after"));
    // And the tab still takes another tab's change.
    kv.set_quota(None);
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    b.execute(&ticket("from b")).unwrap();
    b.finish_all();
    a.storage_event();
    a.finish_all();
    assert!(has_ticket(&a.scenario, "from b"));
    // A new part (another scenario put in place) repacks in its own time:
    // the repack put off was the old part's.
    a.tab.replace(&mut a.scenario, &ReadNow, demo::scenario(now()), now(), Keeping::Nothing).unwrap();
    a.collect();
    a.finish_all();
    for n in 0..=REPACK_EVENTS {
        a.execute(&ticket(&format!("new part {n}"))).unwrap();
    }
    assert!(a.pending.iter().any(|work| matches!(work, Work::Pack(_))), "the new part repacks");
}

#[test]
fn a_repack_that_meets_another_tab_s_save_takes_it_and_saves_on() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", PACKED);
    a.finish_all();
    for n in 0..=REPACK_EVENTS {
        a.execute(&ticket(&format!("saved {n}"))).unwrap();
    }
    assert!(a.pending.iter().any(|work| matches!(work, Work::Pack(_))), "a repack starts");
    // Another tab saves while it runs.
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    b.execute(&ticket("from b")).unwrap();
    b.finish_all();
    a.finish_all();
    assert!(!a.says_unsaved(), "{:?}", a.tab.save_state());
    assert!(has_ticket(&a.scenario, "from b"));
    a.execute(&ticket("a again")).unwrap();
    a.finish_all();
    let kept = stored(&kv).unwrap();
    assert!(has_ticket(&kept, "from b") && has_ticket(&kept, "a again"));
}

/// A save whose revision was edited by hand to the last a document keeps.
fn hand_edited_to_the_last_revision(kv: &MemoryKv, whole_bytes: usize) {
    let mut first = Sim::open(kv, "first", whole_bytes);
    first.execute(&ticket("before the edit")).unwrap();
    first.finish_all();
    let text = kv.get("certlink.document").unwrap();
    let start = text.find("\"revision\":").unwrap() + "\"revision\":".len();
    let end = start + text[start..].find(|c: char| !c.is_ascii_digit()).unwrap();
    let edited = format!("{}{}{}", &text[..start], document::MAX_REVISION - 1, &text[end..]);
    kv.set("certlink.document", &edited).unwrap();
}

#[test]
fn two_tabs_over_a_save_numbered_the_last_a_document_keeps_go_on_saving_each_others_changes() {
    for whole_bytes in [SMALL, PACKED] {
        let kv = MemoryKv::new();
        hand_edited_to_the_last_revision(&kv, whole_bytes);
        let mut a = Sim::open(&kv, "a", whole_bytes);
        let mut b = Sim::open(&kv, "b", whole_bytes);
        a.finish_all();
        b.finish_all();
        let mut made = Vec::new();
        for n in 0..3 {
            // One tab saves twice running, the other then acts on what it
            // has seen: it must take both saves first.
            for (in_a, details) in [(true, format!("a {n}")), (true, format!("a {n} again")), (false, format!("b {n}"))]
            {
                let sim = if in_a { &mut a } else { &mut b };
                sim.execute(&ticket(&details)).unwrap();
                sim.finish_all();
                made.push(details);
            }
            a.storage_event();
            a.finish_all();
            b.storage_event();
            b.finish_all();
        }
        let saved = stored(&kv).unwrap();
        for details in &made {
            assert!(has_ticket(&saved, details), "{details} is stored ({whole_bytes} bytes a whole)");
        }
        assert_eq!(a.tab.save_state(), &SaveState::Saved, "no conflict said in a");
        assert_eq!(b.tab.save_state(), &SaveState::Saved, "no conflict said in b");
        assert!(a.tab.revision() < 10, "the numbers started again: {}", a.tab.revision());
    }
}

/// Tab 0 opens tab 1's large save while that save is set aside (damaged)
/// and tab 1, reloaded, saves anew from revision 1: by the time the part
/// is open, a save of the same number but another stands in its place.
/// Tab 0 must not take that one for the one it opened and write over it.
#[test]
fn a_large_save_opened_after_another_of_its_number_took_its_place_is_not_written_over() {
    use Step::*;
    let steps = [
        FinishWork(1),
        Execute(1),
        FinishWork(0),
        Damage,
        Reload(1),
        FinishWork(1),
        Execute(1),
        FinishWork(0),
        Execute(0),
    ];
    play(3, PACKED, &steps).unwrap();
}

/// In a full storage, an import's save finds no room: the point of the
/// save it goes over is owed, and the import stays on screen, unsaved. A
/// second import keeps that unsaved import as a point; the owed point,
/// kept after it, must not push it out to make room.
#[test]
fn a_restore_point_owed_never_pushes_out_a_point_kept_after_it_was_due() {
    use Step::*;
    let steps = [
        StorageEvent(0),
        Execute(1),
        FinishWork(0),
        Import(1),
        Damage,
        StorageEvent(0),
        Import(2),
        Import(2),
        Execute(1),
        Quota(true),
        Import(2),
        Import(0),
    ];
    play(2, SMALL, &steps).unwrap();
}

/// Text with this tab's save's number but no writer (edited by hand,
/// damaged after its first bytes) is set aside when the tab next acts,
/// never saved over as if it were the tab's own save.
#[test]
fn unreadable_text_with_a_tabs_save_number_is_set_aside_not_written_over() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("saved")).unwrap();
    let revision = a.tab.revision();
    let damaged = format!("{{\"app\":\"certlink\",\"schema\":2,\"revision\":{revision},\"scenario\":");
    kv.set("certlink.document", &damaged).unwrap();
    a.execute(&ticket("after the damage")).unwrap();
    assert!(matches!(a.tab.save_state(), SaveState::Corrupt(_)), "{:?}", a.tab.save_state());
    assert!(kv.items().values().any(|value| *value == damaged), "the damaged text is kept");
    assert!(has_ticket(&stored(&kv).unwrap(), "after the damage"));
}

/// A tab starting on a large save reads its head, then opens its part in
/// tasks of its own; meanwhile a tab acting on a late view writes another
/// save of the same number in its place. The starting tab must hold the
/// stamp of the save it read, not of the one stored by the time it starts.
#[test]
fn a_tab_starting_on_a_large_save_holds_the_stamp_of_the_save_it_read_not_of_one_written_meanwhile() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", PACKED);
    a.finish_all();
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    a.execute(&ticket("from a")).unwrap();
    // C reads a's head and joins it to its part.
    let view = CachedKv::over(&kv);
    let store = Store::new(view.clone(), "");
    let read_with = stamp(&store);
    let Loaded::Continues { head, packed } = store.loaded(document::parse_stored(&store.saved_text().unwrap())) else {
        panic!("a large save is a head and a part")
    };
    let text = unpack(&packed).unwrap();
    let base = Arc::new(document::parse(&text).unwrap());
    let part = Part { key: head.base.key.clone(), document: Arc::clone(&base), whole_bytes: text.len() };
    let joined = document::join(&base, *head).unwrap();
    // Meanwhile b, not having seen a's save, writes its own of that number.
    b.execute_on_its_view(&ticket("from b")).unwrap();
    view.refresh();
    let mut tab = Tab::new(Some(store), "c", SaveState::Saved).with_whole_bytes(PACKED);
    let Start::Saved(scenario) =
        tab.start(Some(Found::Read(Loaded::Document(Box::new(joined)), Some(part), read_with)), false)
    else {
        panic!("c starts on the save it read")
    };
    let mut c = Sim { tab, view, scenario: *scenario, pending: Vec::new() };
    c.execute(&ticket("from c")).unwrap();
    c.finish_all();
    for sim in [&mut a, &mut b, &mut c] {
        sim.storage_event();
        sim.finish_all();
    }
    let saved = stored(&kv).unwrap();
    for (sim, details) in [(&a, "from a"), (&b, "from b"), (&c, "from c")] {
        assert!(
            has_ticket(&saved, details) || (sim.says_unsaved() && has_ticket(&sim.scenario, details)),
            "{details} is neither stored nor shown unsaved"
        );
    }
}

/// A tab opening the part of another's large save takes a newer save
/// meanwhile, and saves a change on it: the part's opening, when it ends,
/// is of an older save and must not take the place of the tab's own.
#[test]
fn a_large_save_whose_part_opens_after_the_tab_moved_on_never_takes_the_place_of_the_newer_one() {
    let kv = MemoryKv::new();
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.finish_all();
    let mut c = Sim::open(&kv, "c", SMALL);
    c.finish_all();
    b.view.refresh();
    b.tab.replace(&mut b.scenario, &ReadNow, demo_with_tickets(1), now(), Keeping::Nothing).unwrap();
    b.collect();
    b.finish_all();
    // A starts opening b's new part, and leaves it under way.
    a.view.refresh();
    a.tab.take_newer_save(&mut a.scenario, &ReadNow);
    a.collect();
    assert!(a.tab.is_opening());
    c.storage_event();
    c.finish_all();
    c.view.refresh();
    c.tab.replace(&mut c.scenario, &ReadNow, demo_with_tickets(2), now(), Keeping::Nothing).unwrap();
    c.collect();
    c.finish_all();
    a.storage_event();
    a.execute(&ticket("from a")).unwrap();
    c.execute(&ticket("from c")).unwrap();
    a.finish_all();
    assert!(has_ticket(&a.scenario, "from a"), "a went back to an older save");
    a.storage_event();
    assert_eq!(a.tab.save_state(), &SaveState::Saved);
    assert!(has_ticket(&a.scenario, "from c"), "and takes c's change on its own");
}

/// Tab 2, on a late view, writes a head naming the part tab 0's import
/// removed; tab 1 reads that head first and sets it aside, unreadable.
/// Tab 2, its save gone, saves what it shows again, whole.
#[test]
fn a_head_set_aside_by_another_tab_for_its_missing_part_is_saved_again_whole_by_its_tab() {
    use Step::*;
    let steps = [FinishWork(0), Import(0), FinishWork(2), FinishWork(2), FinishWork(0), ExecuteUnseen(2)];
    play(3, PACKED, &steps).unwrap();
}

/// An import's save finds no room: the point of the save it goes over (s0)
/// is owed. A second import keeps the first, unsaved, as a point, and its
/// own save finds no room either, so s0's point is owed again: it must
/// still spare the first import's point, the only copy of it.
#[test]
fn a_restore_point_owed_twice_still_spares_the_points_kept_since_it_was_first_due() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("s0")).unwrap();
    // A point's key, its reason's code and line break, and its document.
    let point = |s: &Scenario| "certlink.restore.1".len() + 2 + document::to_json(s, 9, now()).len();
    let mut import_a = demo_with_tickets(20);
    import_a.execute(&priya(), now(), &ticket("import a")).unwrap();
    room_left(&kv, point(&a.scenario));
    a.tab.replace(&mut a.scenario, &ReadNow, import_a.clone(), now(), Keeping::Point(Replaced::Import)).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true }, "the first import is not saved");
    let s0 = stored(&kv).unwrap();
    room_left(&kv, point(&import_a) + point(&s0));
    a.tab.replace(&mut a.scenario, &ReadNow, demo_with_tickets(3), now(), Keeping::Point(Replaced::Import)).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true }, "nor the second");
    assert!(in_points(&kv, "import a"));
    room_left(&kv, point(&s0) - 1);
    let _ = a.execute(&ticket("after"));
    assert!(in_points(&kv, "import a"), "the only copy of the first import is kept");
}

/// A large save set aside by another tab: the tabs showing it save it
/// again; the first save wins, and nothing more is owed.
#[test]
fn a_large_save_set_aside_elsewhere_is_saved_again_by_the_tabs_showing_it() {
    let kv = MemoryKv::new();
    let (mut a, _) = packed_with_a_head(&kv, "from a");
    a.finish_all();
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    assert!(has_ticket(&b.scenario, "from a"));
    Store::new(kv.clone(), "").set_aside(DocumentError::Empty);
    a.storage_event();
    b.storage_event();
    a.finish_all();
    b.storage_event();
    b.finish_all();
    assert!(has_ticket(&stored(&kv).unwrap(), "from a"), "saved again");
    assert_eq!(a.tab.save_state(), &SaveState::Saved);
    assert!(!a.tab.owes_a_save(), "nothing more is owed once saved");
    // B, whose save came second, takes A's (the same scenario), and a
    // change of its own is saved on it.
    assert_eq!(b.tab.save_state(), &SaveState::Saved);
    b.execute(&ticket("b after")).unwrap();
    b.finish_all();
    assert!(has_ticket(&stored(&kv).unwrap(), "b after") && has_ticket(&stored(&kv).unwrap(), "from a"));
}

/// Two tabs showing one large save hear that the storage was cleared: both
/// pack it again, and the one whose pack ends second takes the first's
/// save (the same scenario), with no banner.
#[test]
fn two_tabs_packing_again_a_large_save_cleared_elsewhere_end_on_one_save_and_no_banner() {
    let kv = MemoryKv::new();
    let (mut a, _) = packed_with_a_head(&kv, "from a");
    a.finish_all();
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    clear_storage(&kv);
    a.storage_event();
    b.storage_event();
    assert!(a.tab.is_saving() && b.tab.is_saving(), "both pack it again");
    a.finish_all();
    b.finish_all();
    assert!(has_ticket(&stored(&kv).unwrap(), "from a"));
    assert_eq!((a.tab.save_state(), b.tab.save_state()), (&SaveState::Saved, &SaveState::Saved));
    assert!(!a.tab.holds_unsaved_change() && !b.tab.holds_unsaved_change());
    // B goes on from that save.
    b.execute(&ticket("b after")).unwrap();
    b.finish_all();
    assert!(has_ticket(&stored(&kv).unwrap(), "b after") && has_ticket(&stored(&kv).unwrap(), "from a"));
    assert_eq!(b.tab.save_state(), &SaveState::Saved);
}

/// Unreadable text written over a large save two tabs show, its part gone
/// too: the tab that
/// set it aside keeps the banner that says so when it takes the save the
/// other tab packed again first.
#[test]
fn a_tab_that_set_aside_a_large_save_keeps_saying_so_when_it_takes_the_save_packed_again_elsewhere() {
    let kv = MemoryKv::new();
    let (mut a, part) = packed_with_a_head(&kv, "from a");
    a.finish_all();
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    kv.set("certlink.document", "damaged").unwrap();
    kv.remove(&part);
    a.storage_event();
    assert!(matches!(a.tab.save_state(), SaveState::Corrupt(_)), "{:?}", a.tab.save_state());
    b.storage_event();
    assert!(a.tab.is_saving() && b.tab.is_saving(), "both pack it again");
    b.finish_all();
    a.finish_all();
    assert!(has_ticket(&stored(&kv).unwrap(), "from a"));
    assert!(matches!(a.tab.save_state(), SaveState::Corrupt(_)), "{:?}", a.tab.save_state());
    assert!(kv.items().values().any(|value| value == "damaged"), "the damaged text is kept");
}

/// The same, where B changed its scenario while its pack ran: B's change
/// is not in A's save, and B says it is not saved.
#[test]
fn a_tab_that_changed_its_scenario_while_packing_again_does_not_take_the_other_tabs_save() {
    let kv = MemoryKv::new();
    let (mut a, _) = packed_with_a_head(&kv, "from a");
    a.finish_all();
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    clear_storage(&kv);
    a.storage_event();
    b.storage_event();
    a.finish_all();
    let _ = b.execute_on_its_view(&ticket("b meanwhile"));
    b.finish_all();
    assert!(has_ticket(&b.scenario, "b meanwhile"));
    assert!(b.says_unsaved() || has_ticket(&stored(&kv).unwrap(), "b meanwhile"));
}

/// The tab that wrote a large save reloaded (a new writer), then another
/// tab set the save aside: the tabs showing it still save it again.
#[test]
fn a_large_save_set_aside_after_its_writer_reloaded_is_saved_again_by_the_tabs_showing_it() {
    let kv = MemoryKv::new();
    let (mut a, _) = packed_with_a_head(&kv, "from a");
    a.finish_all();
    let mut a = Sim::open(&kv, "a2", PACKED);
    a.finish_all();
    let mut b = Sim::open(&kv, "b", PACKED);
    b.finish_all();
    Store::new(kv.clone(), "").set_aside(DocumentError::Empty);
    for sim in [&mut a, &mut b] {
        sim.storage_event();
        sim.finish_all();
    }
    assert!(stored(&kv).is_some_and(|s| has_ticket(&s, "from a")), "saved again");
}

/// Unreadable text kept in place over a large save (no room to set it
/// aside): once room is made, the tab goes on over its part, still stored,
/// rather than pack a second one.
#[test]
fn a_large_save_written_over_in_place_goes_on_over_its_part_once_room_is_made() {
    let kv = MemoryKv::new();
    let (mut a, part) = packed_with_a_head(&kv, "mine");
    a.finish_all();
    for n in 1..=MAX_BACKUPS {
        kv.set(&format!("certlink.unreadable.{n}"), "kept").unwrap();
    }
    kv.set("certlink.document", "damaged").unwrap();
    a.storage_event();
    assert!(matches!(a.tab.save_state(), SaveState::CorruptInPlace(_)));
    let scenario = a.scenario.clone();
    a.tab.delete_backup("certlink.unreadable.1", &scenario, now());
    a.collect();
    a.finish_all();
    assert!(has_ticket(&stored(&kv).unwrap(), "mine"));
    let parts = kv.items().into_keys().filter(|k| k.starts_with("certlink.part.")).count();
    assert_eq!(parts, 1, "goes on over {part}");
}

/// A tab that sets aside unreadable text over its own large save says so,
/// and its next change is saved whole under that banner, not a conflict.
#[test]
fn a_tab_that_set_aside_text_written_over_its_large_save_keeps_saying_so() {
    let kv = MemoryKv::new();
    let (mut a, _) = packed_with_a_head(&kv, "mine");
    a.finish_all();
    kv.set("certlink.document", "damaged").unwrap();
    a.storage_event();
    assert!(matches!(a.tab.save_state(), SaveState::Corrupt(_)));
    a.execute(&ticket("after")).unwrap();
    a.finish_all();
    assert!(matches!(a.tab.save_state(), SaveState::Corrupt(_)), "{:?}", a.tab.save_state());
    assert!(has_ticket(&stored(&kv).unwrap(), "after"));
    assert!(kv.items().values().any(|value| value == "damaged"), "the damaged text is kept");
}

/// Three replacements whose saves each find no room keep the scenarios
/// they replaced as points; the point of the save they all go over, owed
/// since the first, is older than those three: never a fourth point, and
/// never one of the three pushed out for it.
#[test]
fn a_restore_point_owed_behind_three_kept_since_is_not_kept_and_the_three_stay() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("s0")).unwrap();
    let point = |s: &Scenario| "certlink.restore.1".len() + 2 + document::to_json(s, 9, now()).len();
    let s0 = stored(&kv).unwrap();
    room_left(&kv, point(&s0));
    for n in 1..=4 {
        let mut import = demo_with_tickets(n * 40);
        import.execute(&priya(), now(), &ticket(&format!("import {n}"))).unwrap();
        let kept = Keeping::Point(Replaced::Import);
        let _ = a.tab.replace(&mut a.scenario, &ReadNow, import, now(), kept);
        a.collect();
        assert!(Store::new(kv.clone(), "").restore_points().len() <= MAX_RESTORE_POINTS, "after import {n}");
        // Room for the next point, and for s0's, never for a save.
        room_left(&kv, point(&a.scenario) + point(&s0));
    }
    for n in 1..=3 {
        assert!(in_points(&kv, &format!("import {n}")), "import {n} is kept");
    }
}

/// Found by the property test: under a conflict, a restore keeps the
/// other tab's save as a point and its own save finds no room; the import
/// that follows must not give that point way for room and then write over
/// the save it kept.
#[test]
fn a_replacement_never_pushes_out_for_room_the_point_that_holds_the_only_copy_of_the_save_it_goes_over() {
    use Step::*;
    let steps = [
        ExecuteBeforeReader(2),
        Damage,
        Reload(1),
        ExecuteBeforeReader(2),
        Import(0),
        Restore(0, 2),
        Damage,
        StorageEvent(1),
        ExecuteBeforeReader(1),
        Quota(true),
        ExecuteBeforeReader(2),
        Restore(2, 1),
        Import(2),
    ];
    play(2, SMALL, &steps).unwrap();
}

/// Unreadable text written over a tab's save is set aside when the tab
/// hears of it, and the scenario the tab shows, the one the store lost,
/// is saved again at once: a reload finds it, not the demo.
#[test]
fn a_save_written_over_with_unreadable_text_is_saved_again_by_the_tab_showing_it() {
    for whole_bytes in [SMALL, PACKED] {
        let kv = MemoryKv::new();
        let mut a = Sim::open(&kv, "a", whole_bytes);
        a.execute(&ticket("mine")).unwrap();
        a.finish_all();
        kv.set("certlink.document", "damaged").unwrap();
        a.storage_event();
        a.finish_all();
        assert!(matches!(a.tab.save_state(), SaveState::Corrupt(_)), "the banner says what was kept aside");
        assert!(stored(&kv).is_some_and(|s| has_ticket(&s, "mine")), "saved again ({whole_bytes} bytes a whole)");
        assert!(kv.items().values().any(|value| value == "damaged"), "the damaged text is kept");
    }
}

/// Between hearing that its save was set aside and saving it again (the
/// later file does), the tab holds a change the store does not: leaving
/// the page or the space asks first. A change made meanwhile keeps the
/// banner that says what was kept aside.
#[test]
fn a_save_owed_after_a_set_aside_is_a_change_not_saved_until_written() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("mine")).unwrap();
    kv.set("certlink.document", "damaged").unwrap();
    a.view.refresh();
    a.tab.take_newer_save(&mut a.scenario, &ReadNow);
    assert!(stored(&kv).is_none() && a.tab.owes_a_save());
    assert!(a.tab.holds_unsaved_change(), "closing now would lose it");
    a.execute(&ticket("next")).unwrap();
    assert!(matches!(a.tab.save_state(), SaveState::Corrupt(_)), "{:?}", a.tab.save_state());
    assert!(has_ticket(&stored(&kv).unwrap(), "mine") && has_ticket(&stored(&kv).unwrap(), "next"));
    assert!(!a.tab.holds_unsaved_change());
}

/// A save owed after a set-aside that finds the storage full says that no
/// save of the scenario is stored (a reload would lose it), not that the
/// previous one is intact; so does every change until one is written, and
/// the next change once there is room saves it all.
#[test]
fn a_save_owed_that_finds_the_storage_full_is_said_not_stored_at_all() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("mine")).unwrap();
    kv.set("certlink.document", "damaged").unwrap();
    a.view.refresh();
    a.tab.take_newer_save(&mut a.scenario, &ReadNow);
    room_left(&kv, 0);
    assert_eq!(a.tab.save_again(&mut a.scenario, &ReadNow, now()), Err(SaveError::Quota));
    assert!(stored(&kv).is_none(), "nothing of it is stored");
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: false });
    assert!(a.tab.owes_a_save() && a.tab.holds_unsaved_change(), "still owed: leaving asks first");
    a.execute(&ticket("next")).unwrap();
    assert_eq!(
        a.tab.save_state(),
        &SaveState::QuotaExceeded { earlier_kept: false },
        "a change does not say it either"
    );
    kv.set_quota(None);
    a.execute(&ticket("with room")).unwrap();
    let saved = stored(&kv).expect("saved once there is room");
    assert!(["mine", "next", "with room"].iter().all(|details| has_ticket(&saved, details)));
    assert!(!a.tab.owes_a_save() && !a.tab.holds_unsaved_change());
}

/// A full storage's banner says the save before the change is kept only
/// while it is: written over with text no Certlink reads (from the first
/// bytes, or a header naming no writer), it is said gone once heard of.
#[test]
fn a_full_storage_stops_saying_the_earlier_save_is_kept_once_it_is_written_over() {
    for damage in ["damaged", "{\"app\":\"certlink\",\"schema\":2,\"revision\":1,\"damaged\""] {
        let kv = MemoryKv::new();
        let mut a = a_change_the_full_storage_refused(&kv);
        kv.set("certlink.document", damage).unwrap();
        a.storage_event();
        assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: false }, "after {damage}");
        assert!(has_ticket(&a.scenario, "does not fit") && a.tab.holds_unsaved_change());
    }
}

/// A large save set aside elsewhere is owed whole again; where its pack
/// then finds no room, the banner says no save of it is stored.
#[test]
fn a_large_save_owed_whose_pack_finds_no_room_is_said_not_stored_at_all() {
    let kv = MemoryKv::new();
    let (mut a, part) = packed_with_a_head(&kv, "mine");
    kv.remove("certlink.document");
    kv.remove(&part);
    a.view.refresh();
    a.tab.take_newer_save(&mut a.scenario, &ReadNow);
    assert!(a.tab.owes_a_save());
    room_left(&kv, 0);
    let _ = a.tab.save_again(&mut a.scenario, &ReadNow, now());
    a.collect();
    a.finish_all();
    assert!(stored(&kv).is_none());
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: false });
    assert!(a.tab.holds_unsaved_change());
}

/// Unreadable text with the tab's own save number, heard of in a storage
/// event, is set aside and the tab's scenario saved again at once, not at
/// its next change (until then a reload, or closing the tab, lost it).
#[test]
fn unreadable_text_with_a_tabs_save_number_heard_of_is_set_aside_and_the_save_written_again() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("saved")).unwrap();
    let revision = a.tab.revision();
    let damaged = format!("{{\"app\":\"certlink\",\"schema\":2,\"revision\":{revision},\"scenario\":");
    kv.set("certlink.document", &damaged).unwrap();
    a.storage_event();
    assert!(matches!(a.tab.save_state(), SaveState::Corrupt(_)), "{:?}", a.tab.save_state());
    assert!(kv.items().values().any(|value| *value == damaged), "the damaged text is kept");
    assert!(stored(&kv).is_some_and(|s| has_ticket(&s, "saved")), "saved again at once");
}

/// Two tabs owe one save set aside; the first finds no room, the second
/// writes it once there is: the first takes that save (it is its own
/// scenario), and its banner goes.
#[test]
fn a_save_owed_that_found_no_room_is_taken_from_the_tab_that_wrote_it_later() {
    let kv = MemoryKv::new();
    let (mut a, mut b) = two_tabs_owing_a_save_the_first_finding_no_room(&kv);
    kv.set_quota(None);
    b.storage_event();
    assert!(stored(&kv).is_some_and(|s| has_ticket(&s, "mine")));
    a.storage_event();
    assert_eq!(a.tab.save_state(), &SaveState::Saved);
    assert!(!a.tab.holds_unsaved_change() && has_ticket(&a.scenario, "mine"));
}

/// The same, where the first tab changed its scenario meanwhile: the save
/// the second wrote lacks that change, and the first says so (another
/// tab's save is there), not that no save is stored.
#[test]
fn a_save_owed_and_changed_since_meets_the_save_another_tab_wrote_as_a_conflict() {
    let kv = MemoryKv::new();
    let (mut a, mut b) = two_tabs_owing_a_save_the_first_finding_no_room(&kv);
    a.execute(&ticket("meanwhile")).unwrap();
    kv.set_quota(None);
    b.storage_event();
    a.storage_event();
    assert_eq!(a.tab.save_state(), &SaveState::Conflict);
    assert!(has_ticket(&a.scenario, "meanwhile") && a.tab.holds_unsaved_change());
}

/// Another tab's save written over this tab's holds the save before the
/// change the full storage refused: a reload shows it, and the banner
/// goes on saying so.
#[test]
fn a_full_storage_says_the_earlier_save_is_kept_while_another_tabs_save_holds_it() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("saved")).unwrap();
    let mut b = Sim::open(&kv, "b", SMALL);
    let a_view = a.view.clone();
    a_view.refresh();
    let full = kv.items().iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
    kv.set_quota(Some(full));
    a.execute_on_its_view(&ticket("does not fit")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true });
    kv.set_quota(None);
    b.execute(&ticket("from b")).unwrap();
    a.storage_event();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: true });
    assert!(stored(&kv).is_some_and(|s| has_ticket(&s, "saved") && has_ticket(&s, "from b")));
}

/// A large save's head whose part another tab removed is owed whole
/// again; where that finds no room, the head left names a part that is
/// gone, and the banner does not call it a save kept.
#[test]
fn a_head_whose_part_is_gone_is_not_called_a_save_kept_when_its_save_again_finds_no_room() {
    let kv = MemoryKv::new();
    let (mut a, part) = packed_with_a_head(&kv, "mine");
    kv.remove(&part);
    a.view.refresh();
    a.tab.take_newer_save(&mut a.scenario, &ReadNow);
    assert!(a.tab.owes_a_save());
    room_left(&kv, 0);
    let _ = a.tab.save_again(&mut a.scenario, &ReadNow, now());
    a.collect();
    a.finish_all();
    assert!(stored_or_unreadable(&kv).is_none(), "what is stored does not read back");
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: false });
}

/// A tab owing a save replaces its scenario (an import) while the storage
/// is full; another tab then writes the owed save again: the import stays
/// on screen, said not saved, and is not swapped for that save.
#[test]
fn a_replacement_made_while_a_save_is_owed_is_not_swapped_for_the_owed_save_written_elsewhere() {
    let kv = MemoryKv::new();
    let (mut a, mut b) = two_tabs_owing_a_save_the_first_finding_no_room(&kv);
    // An import of as many events as the scenario owed.
    let mut import = demo::scenario(now());
    import.execute(&priya(), now(), &ticket("imported")).unwrap();
    assert_eq!(import.trail().len(), a.scenario.trail().len());
    let kept = Keeping::PointOrLoseIt(Replaced::Import);
    a.tab.replace(&mut a.scenario, &ReadNow, import, now(), kept).unwrap();
    kv.set_quota(None);
    b.storage_event();
    a.storage_event();
    assert!(has_ticket(&a.scenario, "imported"), "the import is still shown");
    assert!(a.tab.holds_unsaved_change() || stored(&kv).is_some_and(|s| has_ticket(&s, "imported")));
}

/// A tab holding a change the full storage refused; another page of the
/// site clears the storage: the tab's scenario is saved at once.
#[test]
fn a_storage_cleared_elsewhere_takes_the_scenario_a_full_storage_refused_at_once() {
    let kv = MemoryKv::new();
    let mut a = a_change_the_full_storage_refused(&kv);
    clear_storage(&kv);
    a.storage_event();
    assert!(stored(&kv).is_some_and(|s| has_ticket(&s, "saved") && has_ticket(&s, "does not fit")));
    assert!(!a.tab.holds_unsaved_change());
}

/// Two tabs hear that the storage was cleared: the one holding a change
/// the full storage refused never takes, in its place, the save the other
/// writes again (which lacks it); it says the change is not saved.
#[test]
fn a_change_the_full_storage_refused_is_not_swapped_for_a_save_written_again_after_a_clear() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("saved")).unwrap();
    let mut b = Sim::open(&kv, "b", SMALL);
    room_left(&kv, 0);
    a.execute(&ticket("does not fit")).unwrap();
    clear_storage(&kv);
    a.view.refresh();
    a.tab.take_newer_save(&mut a.scenario, &ReadNow);
    assert!(a.tab.owes_a_save());
    b.storage_event();
    assert!(stored(&kv).is_some_and(|s| has_ticket(&s, "saved")), "b wrote its save again");
    a.view.refresh();
    let _ = a.tab.save_again(&mut a.scenario, &ReadNow, now());
    assert!(has_ticket(&a.scenario, "does not fit"), "the change is still shown");
    assert_eq!(a.tab.save_state(), &SaveState::Conflict);
}

/// An unreadable save kept in place (no room to set it aside) that is
/// then cleared from the storage holds nothing back: the tab's scenario
/// is saved in its place.
#[test]
fn an_unreadable_save_kept_in_place_then_cleared_lets_the_scenario_be_saved() {
    let kv = MemoryKv::new();
    let mut a = Sim::open(&kv, "a", SMALL);
    a.execute(&ticket("saved")).unwrap();
    kv.set("certlink.document", "damaged").unwrap();
    room_left(&kv, 0);
    a.execute(&ticket("after the damage")).unwrap();
    assert!(matches!(a.tab.save_state(), SaveState::CorruptInPlace(_)), "{:?}", a.tab.save_state());
    clear_storage(&kv);
    a.storage_event();
    assert!(stored(&kv).is_some_and(|s| has_ticket(&s, "saved") && has_ticket(&s, "after the damage")));
    assert!(!a.tab.holds_unsaved_change());
}

/// A first change in a browser whose storage was full from the start: no
/// save was ever written, and the banner does not speak of one.
#[test]
fn a_first_change_that_finds_the_storage_full_is_said_not_stored_at_all() {
    let kv = MemoryKv::new();
    kv.set_quota(Some(0));
    let mut a = Sim::open(&kv, "a", SMALL);
    assert!(stored(&kv).is_none());
    assert_eq!(a.tab.save_state(), &SaveState::Saved, "an untouched demo not saved holds nothing of the person's");
    a.execute(&ticket("first")).unwrap();
    assert_eq!(a.tab.save_state(), &SaveState::QuotaExceeded { earlier_kept: false });
    assert!(has_ticket(&a.scenario, "first") && a.tab.holds_unsaved_change());
}

/// Two tabs showing one save that is set aside both owe it again: the one
/// whose save comes second takes the first's, with no banner, whichever
/// it is.
#[test]
fn two_tabs_saving_again_a_save_set_aside_end_on_one_save_and_no_banner() {
    for first_a in [true, false] {
        let kv = MemoryKv::new();
        let mut a = Sim::open(&kv, "a", SMALL);
        a.execute(&ticket("mine")).unwrap();
        let mut b = Sim::open(&kv, "b", SMALL);
        kv.set("certlink.document", "damaged").unwrap();
        a.view.refresh();
        a.tab.take_newer_save(&mut a.scenario, &ReadNow);
        b.view.refresh();
        b.tab.take_newer_save(&mut b.scenario, &ReadNow);
        let (first, second) = if first_a { (&mut a, &mut b) } else { (&mut b, &mut a) };
        for sim in [first, second] {
            sim.view.refresh();
            let _ = sim.tab.save_again(&mut sim.scenario, &ReadNow, now());
            sim.collect();
        }
        a.storage_event();
        b.storage_event();
        assert!(has_ticket(&stored(&kv).unwrap(), "mine"));
        assert!(!a.says_unsaved() && !b.says_unsaved(), "{:?} {:?}", a.tab.save_state(), b.tab.save_state());
        assert!(has_ticket(&a.scenario, "mine") && has_ticket(&b.scenario, "mine"));
    }
}

/// Found by the property test: a restore under a full storage leaves a
/// point owed, kept at the end of play, where the oldest point gives way
/// to it (as to any new point); nothing else the person did is lost.
#[test]
fn a_restore_point_owed_and_kept_at_the_end_of_play_loses_nothing_else() {
    use Step::*;
    let steps = [
        Execute(0),
        Import(0),
        Execute(0),
        Execute(0),
        ExecuteBeforeReader(0),
        Execute(0),
        Execute(0),
        Restore(0, 0),
        ReloadBeforeReader(1),
        Import(2),
        Execute(0),
        Execute(2),
        Restore(2, 0),
        Restore(0, 0),
        Execute(0),
        Restore(1, 0),
        Quota(true),
        StorageEvent(0),
        Damage,
        Restore(1, 0),
        Damage,
    ];
    play(2, SMALL, &steps).unwrap();
}
