//! The library of scenarios: the person's own scenario and the ones they
//! keep beside it, each in a scenario space of its own (`lib-<id>:` before
//! the engine's keys, so each is saved and shared between tabs like the
//! person's own), and the index of their names, one key. Plain Rust over
//! [`KeyValue`], as the rest of the engine, so native tests play it over
//! one in-memory store.
//!
//! The index is one line an entry, `<id>\t<name>`; the person's own
//! scenario is `own` when named. A line that does not read so (a newer
//! version's, or one edited by hand) is left out of the list, kept as it is
//! when the index is written again, and the space it names left untouched.

use super::kv::KeyValue;

/// The longest name kept, in characters.
pub const MAX_NAME: usize = 120;

/// An entry: `id` is `""` for the person's own scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// `None` for the person's own scenario until it is named.
    pub name: Option<String>,
}

/// Why a change was not made. Nothing changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryError {
    /// A name is 1 to [`MAX_NAME`] characters (control characters become spaces).
    BadName,
    /// No entry has this id.
    Unknown,
    /// The person's own scenario stays in the library.
    OwnStays,
    /// The storage refused the index (full or blocked).
    NotSaved,
    /// The scenario open holds a change not written yet (being saved, or
    /// said not saved): leaving it now would lose the change.
    Unsaved,
    /// The scenario open is still being read (an empty stand-in shown
    /// meanwhile): a copy or an export now would keep the stand-in.
    Opening,
}

/// The key of the index of the library under `prefix`: another tab's
/// change to it reaches this tab as a storage event on it.
pub fn index_key(prefix: &str) -> String {
    format!("{prefix}certlink.library")
}

/// Whether the index `text` has a line for entry `id`, read from its
/// lines alone, without checking their names as [`Library::entries`] does:
/// what a tab's start can afford to know.
pub fn lists(text: &str, id: &str) -> bool {
    text.lines().any(|line| line.split_once('\t').is_some_and(|(line_id, _)| line_id == id))
}

/// The library under `prefix` (the embed's storage prefix, `""` by default).
pub struct Library<K: KeyValue> {
    kv: K,
    prefix: String,
}

/// A name as kept: trimmed, on one line, 1 to [`MAX_NAME`] characters.
pub fn checked_name(name: &str) -> Result<String, LibraryError> {
    // Control characters become spaces before the trim, so that a name
    // made of them is empty, as the index would read it back.
    let spaced: String = name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let name = spaced.trim().to_string();
    let count = name.chars().count();
    if count == 0 || count > MAX_NAME {
        Err(LibraryError::BadName)
    } else {
        Ok(name)
    }
}

/// The space (as `session` names it, `lib-<id>`) of an entry; none for the
/// person's own scenario.
pub fn space_of(id: &str) -> Option<String> {
    (!id.is_empty()).then(|| format!("lib-{id}"))
}

/// An index line as an entry's id and name, when it reads as one: a
/// name [`checked_name`] keeps as it is, and `own` or a letters-and-digits
/// id.
fn read_line(line: &str) -> Option<(&str, String)> {
    let (id, name) = line.split_once('\t')?;
    let name = checked_name(name).ok()?;
    let id_reads = id == "own" || (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()));
    id_reads.then_some((id, name))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(char::from(DIGITS[(n % 36) as usize]));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

impl<K: KeyValue> Library<K> {
    pub fn new(kv: K, prefix: &str) -> Library<K> {
        Library { kv, prefix: prefix.to_string() }
    }

    fn index_key(&self) -> String {
        index_key(&self.prefix)
    }

    /// The entries, the person's own first, then in the order added.
    pub fn entries(&self) -> Vec<Entry> {
        let text = self.kv.get(&self.index_key()).unwrap_or_default();
        let mut own = Entry { id: String::new(), name: None };
        let mut others: Vec<Entry> = Vec::new();
        for (id, name) in text.lines().filter_map(read_line) {
            if id == "own" {
                own.name = Some(name);
            } else if others.iter().all(|e| e.id != id) {
                others.push(Entry { id: id.to_string(), name: Some(name) });
            }
        }
        std::iter::once(own).chain(others).collect()
    }

    /// Writes the index of `entries`, followed by the lines of the index
    /// as stored that do not read as an entry: this version cannot list
    /// them, and rewriting the index must not lose them for the version
    /// that can.
    fn write(&self, entries: &[Entry]) -> Result<(), LibraryError> {
        self.write_without(entries, None)
    }

    /// [`Library::write`], with no line of id `deleted` kept, read or not:
    /// a line kept under a deleted entry's id would list it still.
    fn write_without(&self, entries: &[Entry], deleted: Option<&str>) -> Result<(), LibraryError> {
        let stored = self.kv.get(&self.index_key()).unwrap_or_default();
        let mut text: String = entries
            .iter()
            .filter_map(|e| {
                let id = if e.id.is_empty() { "own" } else { &e.id };
                e.name.as_ref().map(|name| format!("{id}\t{name}\n"))
            })
            .collect();
        let deleted_line = |line: &str| deleted.is_some_and(|id| lists(line, id));
        for line in
            stored.lines().filter(|line| !line.trim().is_empty() && read_line(line).is_none() && !deleted_line(line))
        {
            text.push_str(line);
            text.push('\n');
        }
        self.kv.set(&self.index_key(), &text).map_err(|_| LibraryError::NotSaved)
    }

    /// Adds an entry named `name`; its id comes from `seed` (the time, in
    /// the browser), the next free one when taken. Returns the id.
    pub fn add(&self, name: &str, seed: u64) -> Result<String, LibraryError> {
        let name = checked_name(name)?;
        let mut entries = self.entries();
        let stored = self.kv.get(&self.index_key()).unwrap_or_default();
        let mut n = seed;
        let id = loop {
            let id = radix36(n);
            // Not the id of a line this version cannot read either: its
            // space may hold that entry's saves.
            if entries.iter().all(|e| e.id != id) && !lists(&stored, &id) {
                break id;
            }
            n = n.wrapping_add(1);
        };
        entries.push(Entry { id: id.clone(), name: Some(name) });
        self.write(&entries)?;
        Ok(id)
    }

    /// Names an entry, the person's own scenario too.
    pub fn rename(&self, id: &str, name: &str) -> Result<(), LibraryError> {
        let name = checked_name(name)?;
        let mut entries = self.entries();
        let entry = entries.iter_mut().find(|e| e.id == id).ok_or(LibraryError::Unknown)?;
        entry.name = Some(name);
        self.write(&entries)
    }

    /// Removes an entry and every key of its space (saves, parts, restore
    /// points, kept unreadable saves). The index goes first: a stop between
    /// the two leaves keys no entry names, never an entry without its keys.
    pub fn delete(&self, id: &str) -> Result<(), LibraryError> {
        let space = space_of(id).ok_or(LibraryError::OwnStays)?;
        let entries = self.entries();
        if entries.iter().all(|e| e.id != id) {
            return Err(LibraryError::Unknown);
        }
        let kept: Vec<Entry> = entries.into_iter().filter(|e| e.id != id).collect();
        self.write_without(&kept, Some(id))?;
        let prefix = format!("{}{space}:", self.prefix);
        for key in self.kv.keys().into_iter().filter(|key| key.starts_with(&prefix)) {
            self.kv.remove(&key);
        }
        Ok(())
    }
}
