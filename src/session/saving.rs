//! The browser's side of the save engine (`crate::save`): the engine
//! decides; this drives it with localStorage, the reader file, the
//! browser's deflate and the page's tasks, and shows its answers in the
//! signals views read.

use super::local::{self, LocalKv, Store};
use super::reader;
use super::{real_now, space_prefix, Ctx};
use crate::lazy::FetchFailed;
use crate::rules::{AccountId, Scenario};
use crate::save::{Found, Loaded, Part, Reader, Tab, Todo};
use crate::storage::document::{self, Document, DocumentError, Head, Stored};
use crate::storage::pack;
use crate::tasks::next_task;
use leptos::prelude::*;
use std::sync::Arc;

pub use crate::save::{REPACK_EVENTS, WHOLE_BYTES};

/// The reader file as the engine's [`Reader`]: nothing is read while it is
/// not here (the engine then asks for it, [`Todo::ReadLater`]).
pub struct ReaderFile;

impl Reader for ReaderFile {
    fn read(&self, text: String) -> Option<Result<Stored, DocumentError>> {
        reader::read_now(text)
    }

    fn join(&self, base: Arc<Document>, head: Head) -> Option<Result<Document, DocumentError>> {
        reader::join_now(base, head)
    }
}

thread_local! {
    /// What [`open_saved`] read before the app mounted.
    pub(super) static SAVE_READ_AT_START: std::cell::RefCell<Option<Found>> = const { std::cell::RefCell::new(None) };
    /// The last opening of a large save's part started ([`Todo::Open`]).
    static OPENING: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// Reads the saved scenario before the app mounts. A large one's packed
/// part is unpacked asynchronously (the browser inflates it), so the app
/// never starts on the demo data and then swaps. `main` awaits this, and
/// [`Ctx::new`] takes what it found. A save is read by the reader file,
/// fetched first (from the service worker's cache after one visit); if it
/// cannot come, the start fails here, and the save is left as it was.
pub async fn open_saved() -> Result<(), FetchFailed> {
    let Some(store) = local::open(&space_prefix()) else { return Ok(()) };
    // Another tab may save while the reader reads (a new part, the old
    // one removed): what was read is then not what is stored, and is read
    // again, never set aside for a part it no longer has. Saves coming
    // faster than it reads are read after the start, as any other tab's.
    let mut tries = 0;
    let (loaded, stamp, read_text) = loop {
        let Some(text) = store.saved_text() else { break (Loaded::Nothing, None, String::new()) };
        let stamp = store.stored_stamp().map(|(_, stamp)| stamp);
        let read = reader::read(text.clone()).await?;
        if store.saved_text().as_deref() == Some(text.as_str()) {
            break (store.loaded(read), stamp, text);
        }
        tries += 1;
        if tries == 5 {
            SAVE_READ_AT_START.with(|cell| *cell.borrow_mut() = Some(Found::Unread));
            return Ok(());
        }
    };
    // Parts are removed only beside a readable save: an unreadable one is
    // set aside with its part.
    let now_ms = js_sys::Date::now() as u64;
    match &loaded {
        Loaded::Nothing | Loaded::Document(_) => store.remove_stale_parts(None, now_ms),
        Loaded::Continues { head, .. } => store.remove_stale_parts(Some(&head.base.key), now_ms),
        Loaded::Corrupt { .. } | Loaded::Newer { .. } => {}
    }
    let found = match loaded {
        Loaded::Continues { head, packed } => match open_part(*head, &packed).await? {
            Ok((document, part)) => Found::Read(Loaded::Document(Box::new(document)), Some(part), stamp),
            // Said newer or set aside only while it is still the save there:
            // one another tab wrote meanwhile is read after the start.
            Err(_) if store.saved_text().as_deref() != Some(read_text.as_str()) => Found::Unread,
            Err(DocumentError::FutureSchema { found }) => Found::Read(Loaded::Newer { found }, None, None),
            Err(error) => Found::Read(store.set_aside(error), None, None),
        },
        loaded => Found::Read(loaded, None, stamp),
    };
    SAVE_READ_AT_START.with(|cell| *cell.borrow_mut() = Some(found));
    Ok(())
}

/// What is saved, read at once, for a start that [`open_saved`] did not
/// prepare (the browser tests mount the app directly).
pub(super) fn found_now(store: &Store) -> Found {
    match store.saved_text() {
        None => Found::Read(Loaded::Nothing, None, None),
        Some(text) => match ReaderFile.read(text) {
            Some(read) => Found::Read(store.loaded(read), None, store.stored_stamp().map(|(_, stamp)| stamp)),
            None => Found::Unread,
        },
    }
}

/// A head joined to its packed part: the whole document, checked. For
/// 10,000 people, the part's JSON, reading it, checking it, and joining
/// the head each take a task of their own, so that the page answers in
/// between.
async fn open_part(head: Head, packed: &str) -> Result<Result<(Document, Part), DocumentError>, FetchFailed> {
    let text = match pack::unpack(packed).await {
        Ok(text) => text,
        Err(error) => return Ok(Err(error)),
    };
    next_task().await;
    let whole_bytes = text.len();
    let whole = match reader::read_in_tasks(text).await?.and_then(document::whole) {
        Ok(whole) => Arc::new(whole),
        Err(error) => return Ok(Err(error)),
    };
    let part = Part { key: head.base.key.clone(), document: Arc::clone(&whole), whole_bytes };
    Ok(reader::join(whole, head).await?.map(|joined| (joined, part)))
}

/// Why a restore point was not restored; the scenario is as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreFailed {
    /// No longer kept (another tab's restore point took its place).
    Gone,
    /// The reader's file could not be fetched (offline, before a first visit).
    ReaderNotLoaded,
    /// Its document does not read (changed in storage by hand, say).
    Unreadable(DocumentError),
    /// Another scenario was opened while the point was read: the point
    /// belongs to the one left, and is not put in place of this one.
    OpenChanged,
    /// The scenario it would replace cannot be kept as a restore point in
    /// turn: nothing is replaced.
    NotKept(crate::save::PointNotKept),
}

/// An id for this tab's saves, unlike any other tab's.
pub(super) fn writer_id() -> String {
    format!("{:x}{:08x}", js_sys::Date::now() as u64, (js_sys::Math::random() * f64::from(u32::MAX)) as u32)
}

impl Ctx {
    /// Runs `f` on the engine and the scenario, then shows what changed.
    pub(super) fn with_engine<T>(&self, f: impl FnOnce(&mut Tab<LocalKv>, &mut Scenario) -> T) -> Option<T> {
        let mut out = None;
        self.engine.update_value(|tab| self.scenario.update_untracked(|scenario| out = Some(f(tab, scenario))));
        self.after_engine();
        out
    }

    /// [`Ctx::with_engine`] for what may write: a large scenario's pack is
    /// started too. Only the `later` file writes, so only it packs.
    pub(super) fn writing<T>(&self, f: impl FnOnce(&mut Tab<LocalKv>, &mut Scenario) -> T) -> Option<T> {
        self.engine.update_value(|tab| super::no_store_if_deleted(super::remembered_space().as_deref(), tab));
        let out = self.with_engine(f);
        self.start_pack();
        out
    }

    /// Packs in the background what the engine asks to, then hands it back.
    fn start_pack(&self) {
        let Some(job) = self.engine.try_update_value(Tab::take_pack).flatten() else { return };
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let packed = pack::pack(&job.whole).await;
            if ctx.engine.with_value(|tab| tab.waits_for(&job)) {
                // Not written under an entry another tab deleted meanwhile.
                ctx.engine.update_value(|tab| super::no_store_if_deleted(super::remembered_space().as_deref(), tab));
                ctx.with_engine(|tab, scenario| tab.packed(scenario, &ReaderFile, job, packed, real_now()));
            } else {
                super::pack_left_unsaved(job, packed);
                ctx.left_unsaved_changed();
            }
            ctx.start_pack();
        });
    }

    /// Shows the engine's answers (another tab's save taken, the banner,
    /// a pack under way) and starts the reading it asks for.
    pub(super) fn after_engine(&self) {
        let Some((todo, shown_anew, updated, save_state, saving, opening)) = self.engine.try_update_value(|tab| {
            let shown_anew = tab.take_shown_anew();
            let updated = tab.take_updated_elsewhere();
            (tab.take_todo(), shown_anew, updated, tab.save_state().clone(), tab.is_saving(), tab.is_opening())
        }) else {
            return;
        };
        if shown_anew {
            self.scenario.notify();
            // The person this tab signed in in this space, where the save
            // now shown has them, not deleted: a stand-in has no one, the
            // demo built on it may have someone the save does not, and
            // another tab may have deleted them (R13).
            let signed_in = self.session.get_untracked();
            let in_it = |id: &AccountId| self.scenario.with_untracked(|s| super::may_stay_signed_in(s.state(), id));
            if !signed_in.as_ref().is_some_and(in_it) {
                self.session.set(self.scenario.with_untracked(super::remembered_session));
            }
            self.clock_not_behind();
        }
        if let Some(update) = updated {
            self.updated_elsewhere.set(Some(update));
        }
        if self.save_state.get_untracked() != save_state {
            self.save_state.set(save_state);
        }
        if self.saving.get_untracked() != saving {
            self.saving.set(saving);
        }
        if self.opening.get_untracked() != opening {
            self.opening.set(opening);
        }
        for todo in todo {
            let ctx = *self;
            match todo {
                Todo::ReadLater => leptos::task::spawn_local(async move {
                    if reader::fetch().await.is_ok() {
                        ctx.take_newer_save();
                    }
                }),
                Todo::Open { head, packed } => {
                    let base = head.base.clone();
                    let running = wasm_bindgen_futures::future_to_promise(async move {
                        match open_part(*head, &packed).await {
                            Ok(opened) => {
                                ctx.with_engine(|tab, scenario| tab.opened(scenario, &base, opened));
                            }
                            Err(_) => {
                                ctx.with_engine(|tab, _| tab.open_put_off(&base));
                            }
                        }
                        Ok(wasm_bindgen::JsValue::UNDEFINED)
                    });
                    OPENING.with_borrow_mut(|opening| *opening = Some(running));
                }
            }
        }
    }

    /// Reads the save the scenario on screen stands in for, if it does
    /// ([`Tab::stands_in`]): a page drawn on the stand-in would show, and
    /// act on, a scenario that is not the one opened. Fails when the
    /// reader cannot be fetched; the stand-in then still stands in.
    pub async fn stand_in_replaced(self) -> Result<(), FetchFailed> {
        // A few rounds at most: another tab's large save may start an
        // opening of its own meanwhile.
        for _ in 0..3 {
            if !self.engine.with_value(Tab::stands_in) {
                break;
            }
            reader::fetch().await?;
            // Read now, or the part's opening started (or under way).
            self.take_newer_save();
            if let Some(running) = OPENING.with_borrow(Clone::clone) {
                let _ = wasm_bindgen_futures::JsFuture::from(running).await;
            }
        }
        Ok(())
    }

    /// Closing or reloading the page now would lose a change this page
    /// alone holds (said not saved, or kept aside for a case), or cut a
    /// save short while the page says Saving… (keep this tab open).
    pub fn holds_change_not_saved(&self) -> bool {
        self.saving.get_untracked()
            || self.left_unsaved.get_untracked()
            || self.engine.with_value(Tab::holds_unsaved_change)
    }

    /// Takes another tab's newer save, if there is one.
    pub fn take_newer_save(&self) {
        self.with_engine(|tab, scenario| tab.take_newer_save(scenario, &ReaderFile));
        // A save owed (this tab's head lost its part to another tab's
        // save, or its large save was set aside by another tab) is written
        // by the later file, which writes every save.
        if self.engine.with_value(Tab::owes_a_save) {
            leptos::task::spawn_local(self.prepare_later());
        }
    }

    /// True for the keys this scenario is saved under (storage events).
    pub fn is_scenario_key(&self, key: &str) -> bool {
        self.engine.with_value(|tab| tab.store().is_some_and(|store| store.is_scenario_key(key)))
    }

    /// A kept backup as a file to download: a large save's packed part
    /// unpacked, with the head's events joined where they read, is a whole
    /// document, importable; any other text as it was kept (a head that
    /// does not join, then its part, nothing of either left out).
    pub async fn backup_file(&self, key: String) -> Option<(&'static str, String)> {
        let (text, part) = self.backup_text(&key)?;
        let Some(packed) = part else { return Some(("certlink-unreadable-backup.txt", text)) };
        let Ok(whole) = pack::unpack(&packed).await else {
            return Some(("certlink-unreadable-backup.txt", format!("{text}\n\n{packed}")));
        };
        let joined = async {
            let base = reader::read(whole.clone()).await.ok()?.and_then(document::whole).ok()?;
            let Ok(Ok(Stored::Continues(head))) = reader::read(text.clone()).await else { return None };
            reader::join(Arc::new(base), head).await.ok()?.ok()
        };
        Some(match joined.await {
            Some(doc) => ("certlink-backup.json", doc.to_pretty_json()),
            None => ("certlink-unreadable-backup.txt", format!("{text}\n\n{whole}")),
        })
    }

    /// A kept backup's text and, for a large save, its packed part.
    pub fn backup_text(&self, key: &str) -> Option<(String, Option<String>)> {
        self.engine.with_value(|tab| tab.store()?.backup(key))
    }

    /// The unreadable saves kept here, oldest first, and one kept in place.
    pub fn backups(&self) -> Vec<crate::save::Backup> {
        self.engine.with_value(Tab::kept_saves)
    }

    /// Deletes a kept backup; the banner about it goes with the last one.
    /// An unreadable save kept in place for want of room is set aside in
    /// the room made, and the scenario on screen saved.
    pub fn delete_backup(&self, key: &str) {
        self.writing(|tab, scenario| tab.delete_backup(key, scenario, super::real_now()));
    }

    /// The scenario on screen is too large to be kept as a restore point.
    pub fn too_large_for_restore_point(&self) -> bool {
        self.engine.with_value(Tab::is_large)
    }

    /// The restore points kept in this space, newest first.
    pub fn restore_points(&self) -> Vec<crate::save::RestorePoint> {
        self.restore_points_changed.track();
        self.engine.with_value(|tab| tab.store().map(|store| store.restore_points()).unwrap_or_default())
    }

    /// Restores the scenario a restore point keeps (read and checked as an
    /// imported file is); the scenario it replaces becomes one in turn,
    /// unless `losing_it` (the person was told it cannot be, and went on).
    pub async fn restore(&self, key: String, losing_it: bool) -> Result<(), RestoreFailed> {
        let Some(text) = self.engine.with_value(|tab| tab.store()?.restore_point(&key)) else {
            return Err(RestoreFailed::Gone);
        };
        let space = super::space_prefix();
        let document = reader::read_file(text)
            .await
            .map_err(|_| RestoreFailed::ReaderNotLoaded)?
            .map_err(RestoreFailed::Unreadable)?;
        if super::space_prefix() != space {
            return Err(RestoreFailed::OpenChanged);
        }
        self.replace_keeping(document.scenario, false, super::keeping(crate::save::Replaced::Restore, losing_it))
            .map_err(|not| RestoreFailed::NotKept(not.why))?;
        // The point goes once its scenario is saved in its place; a save
        // refused (under its banner) keeps the point for another try.
        if self.engine.with_value(|tab| tab.is_saved()) {
            self.engine.with_value(|tab| tab.store().map(|store| store.delete_restore_point(&key)));
            self.restore_points_changed.update(|n| *n += 1);
        }
        Ok(())
    }

    /// Deletes a restore point the person no longer wants; the room made
    /// lets an unreadable save kept in place for want of it be set aside.
    pub fn delete_restore_point(&self, key: &str) {
        self.engine.with_value(|tab| tab.store().map(|store| store.delete_restore_point(key)));
        self.writing(|tab, scenario| tab.room_made(scenario, super::real_now()));
        self.restore_points_changed.update(|n| *n += 1);
    }
}
