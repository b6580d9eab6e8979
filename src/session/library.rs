//! The library of scenarios in the browser (`save::library` keeps the
//! index and deletes a space's keys, over localStorage here). Which entry
//! a tab has open is this tab's (held by the page, carried over a reload
//! by sessionStorage), as with the cases' spaces; each entry's scenario
//! is saved in its space by the save engine.
//!
//! Saving a copy, and importing a file as a new entry, write through the
//! engine: the tab goes to the new, empty space, and the scenario replaces
//! what is there, as a built-in case does in the cases' space.

use super::local::LocalKv;
use super::{storage_prefix, Ctx};
use crate::lazy::lazy_fn;
use crate::rules::Scenario;
pub use crate::save::library::{checked_name, Entry, LibraryError, MAX_NAME};
use crate::save::library::{space_of, Library};
use leptos::prelude::*;

lazy_fn!(
    later,
    fn follow_library(ctx: Ctx) -> () {
        ctx.library_changed.update(|n| *n += 1);
        let deleted = |space: &str| space.starts_with("lib-") && !has_space(space);
        if super::remembered_space().is_some_and(|space| deleted(&space)) {
            ctx.with_engine(|tab, _| tab.space_deleted());
        }
        super::left_spaces_deleted(deleted);
        ctx.left_unsaved_changed();
    }
);

fn library() -> Result<Library<LocalKv>, LibraryError> {
    LocalKv::open().map(|kv| Library::new(kv, &storage_prefix())).ok_or(LibraryError::NotSaved)
}

/// `space` (`lib-<id>`) is an entry of the library still.
pub(super) fn has_space(space: &str) -> bool {
    let entries = library().map(|l| l.entries()).unwrap_or_default();
    entries.iter().any(|entry| space_of(&entry.id).as_deref() == Some(space))
}

impl Ctx {
    /// The library's entries, the person's own scenario first; with
    /// storage blocked, the person's own alone.
    pub fn library(&self) -> Vec<Entry> {
        self.library_changed.track();
        library().map(|l| l.entries()).unwrap_or_else(|_| vec![Entry { id: String::new(), name: None }])
    }

    /// The id of the entry this tab has open (`""`: the person's own); in
    /// a built-in case, of the one it goes back to.
    pub fn library_open_id(&self) -> String {
        self.library_changed.track();
        // A tab on an entry deleted in another tab has none of the listed
        // ones open.
        let deleted = self.save_state.with(|state| *state == crate::save::SaveState::SpaceDeleted);
        let space = match (self.in_case.get(), deleted) {
            (true, _) => super::return_space(),
            (false, true) => super::remembered_space(),
            (false, false) => super::current_space(),
        };
        space.and_then(|space| space.strip_prefix("lib-").map(str::to_string)).unwrap_or_default()
    }

    /// The library changed in another tab: this tab lists it anew, and if
    /// the entry it has open was deleted there, keeps the scenario on
    /// screen, said saved nowhere, and writes nothing more in its space.
    /// In the later file, with the library's code (a tab that cannot fetch
    /// it has no library page to act on either).
    pub fn library_changed_elsewhere(&self) {
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let _ = follow_library(ctx).await;
        });
    }

    /// The key of the library's index, whose change in another tab
    /// [`Ctx::library_changed_elsewhere`] follows.
    pub fn is_library_key(&self, key: &str) -> bool {
        key == crate::save::library::index_key(&storage_prefix())
    }

    /// Entry `id` was left for a case with a change not saved, kept in
    /// this tab's memory until the tab opens it again.
    pub fn library_holds_unsaved(&self, id: &str) -> bool {
        self.left_unsaved.track();
        super::left_holds(space_of(id).as_deref())
    }

    /// Opens an entry in this tab, unless it is gone or the scenario open
    /// holds a change not written yet.
    pub fn library_open(&self, id: &str) -> Result<(), LibraryError> {
        if space_of(id).is_some_and(|space| !has_space(&space)) {
            return Err(LibraryError::Unknown);
        }
        self.may_leave(false)?;
        self.enter_entry(id);
        Ok(())
    }

    /// Goes to entry `id`'s space in this tab, out of any tour.
    fn enter_entry(&self, id: &str) {
        self.tour.set(None);
        self.enter_space_named(space_of(id));
        self.library_changed.update(|n| *n += 1);
    }

    /// Leaving the scenario open for another space waits for a change
    /// being saved, and never drops one said not saved; but a copy of the
    /// scenario on screen (`copies_it`) keeps that change, in the copy.
    fn may_leave(&self, copies_it: bool) -> Result<(), LibraryError> {
        let (saving, unsaved) = self.engine.with_value(|tab| (tab.is_saving(), tab.holds_unsaved_change()));
        match saving || (unsaved && !copies_it) {
            true => Err(LibraryError::Unsaved),
            false => Ok(()),
        }
    }

    /// Refused while the scenario open is still being read: what is on
    /// screen is a stand-in, no one's scenario to copy or export.
    pub fn not_opening(&self) -> Result<(), LibraryError> {
        match self.engine.with_value(crate::save::Tab::stands_in) {
            true => Err(LibraryError::Opening),
            false => Ok(()),
        }
    }

    /// Keeps the scenario on screen as a new entry named `name`, and opens it.
    pub fn library_save_copy(&self, name: &str) -> Result<(), LibraryError> {
        self.not_opening()?;
        self.may_leave(true)?;
        let scenario = self.scenario.get_untracked();
        self.library_add(name, scenario)
    }

    /// Keeps an imported scenario as a new entry named `name`, and opens it.
    pub fn library_import(&self, name: &str, scenario: Scenario) -> Result<(), LibraryError> {
        self.may_leave(false)?;
        self.library_add(name, scenario)
    }

    fn library_add(&self, name: &str, scenario: Scenario) -> Result<(), LibraryError> {
        let id = library()?.add(name, js_sys::Date::now() as u64)?;
        self.enter_entry(&id);
        self.replace(scenario);
        Ok(())
    }

    /// Names an entry (the person's own scenario too).
    pub fn library_rename(&self, id: &str, name: &str) -> Result<(), LibraryError> {
        library()?.rename(id, name)?;
        self.library_changed.update(|n| *n += 1);
        Ok(())
    }

    /// Deletes an entry and everything its space keeps. A tab that has it
    /// open goes back to the person's own scenario first; one in a case
    /// started from it stays in the case, and goes back to the person's own
    /// when it leaves.
    pub fn library_delete(&self, id: &str) -> Result<(), LibraryError> {
        if !id.is_empty() && self.library_open_id() == id {
            if self.in_case.get_untracked() {
                super::remember_return_space(None);
            } else {
                self.library_open("")?;
            }
        }
        library()?.delete(id)?;
        if let Some(space) = space_of(id) {
            super::forget_left(&space);
            self.left_unsaved_changed();
        }
        self.library_changed.update(|n| *n += 1);
        Ok(())
    }
}
