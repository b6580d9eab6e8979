//! The library of scenarios in the browser (`save::library` keeps the
//! index and deletes a space's keys, over localStorage here). Which entry
//! a tab has open is this tab's (sessionStorage), as with the cases'
//! space; each entry's scenario is saved in its space by the save engine.
//!
//! Saving a copy, and importing a file as a new entry, write through the
//! engine: the tab goes to the new, empty space, and the scenario replaces
//! what is there, as a built-in case does in the cases' space.

use super::local::LocalKv;
use super::{storage_prefix, Ctx};
use crate::rules::Scenario;
use crate::save::library::{space_of, Library};
pub use crate::save::library::{Entry, LibraryError};
use leptos::prelude::*;

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
        let space = if self.in_case.get() { super::return_space() } else { super::current_space() };
        space.and_then(|space| space.strip_prefix("lib-").map(str::to_string)).unwrap_or_default()
    }

    /// Opens an entry in this tab.
    pub fn library_open(&self, id: &str) {
        self.tour.set(None);
        self.enter_space_named(space_of(id));
        self.library_changed.update(|n| *n += 1);
    }

    /// Keeps `scenario` as a new entry named `name`, and opens it.
    pub fn library_add(&self, name: &str, scenario: Scenario) -> Result<(), LibraryError> {
        let id = library()?.add(name, js_sys::Date::now() as u64)?;
        self.library_open(&id);
        self.replace(scenario, false, None);
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
                self.library_open("");
            }
        }
        library()?.delete(id)?;
        self.library_changed.update(|n| *n += 1);
        Ok(())
    }
}
