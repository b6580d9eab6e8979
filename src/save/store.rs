//! The keys one scenario space is kept under, and the checked writes
//! across them: the document (a whole scenario, or the head of a large
//! one), the packed part a head continues, the backups of unreadable
//! saves, and the restore points.
//!
//! The document is the truth: its header names the tab that wrote it and
//! the saves it was written over (its lineage), in the one write of the
//! document. A `certlink.revision` key (a `schema:revision` pair that
//! older stored data may hold beside the document) is never read, and the
//! next save removes it.

use super::kv::KeyValue;
use crate::storage::document::{peek, Document, DocumentError, Head, Stored, MAX_IMPORT_BYTES, SCHEMA};
use crate::storage::json::Wrong;

/// The largest text the engine writes under one key: what the reader
/// accepts ([`MAX_IMPORT_BYTES`]), so that every save reads back.
pub const MAX_STORED_BYTES: usize = MAX_IMPORT_BYTES;

/// How many saves a document's lineage names: the save itself and those
/// it was written over.
pub const LINEAGE: usize = 32;

/// How many restore points are kept: the scenarios the last imports,
/// resets, kept cases and restores replaced. A new one beyond that takes
/// the oldest one's place.
pub const MAX_RESTORE_POINTS: usize = 3;

/// What replaced the scenario a restore point keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replaced {
    Import,
    Reset,
    /// A built-in case, kept as the person's own scenario.
    Case,
    /// Another restore point, restored.
    Restore,
    /// The scenario editor started a scenario anew.
    Editor,
}

impl Replaced {
    fn code(self) -> char {
        match self {
            Replaced::Import => 'i',
            Replaced::Reset => 'r',
            Replaced::Case => 'c',
            Replaced::Restore => 'b',
            Replaced::Editor => 'e',
        }
    }

    fn from_code(code: char) -> Option<Replaced> {
        [Replaced::Import, Replaced::Reset, Replaced::Case, Replaced::Restore, Replaced::Editor]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

/// A restore point just kept, and the points that gave way to it (their
/// keys and texts), to take back where the replacement is not saved.
#[derive(Debug)]
pub struct KeptPoint {
    key: String,
    given_way: Vec<(String, String)>,
    /// For a point kept late, the number from which the points kept since
    /// it was due are numbered ([`Store::keep_late_point`]).
    spared: Option<u64>,
}

impl KeptPoint {
    /// Where it is taken back to be owed again: the points it spares, the
    /// ones kept since it was first due, or, owed for the first time, the
    /// ones kept from now on.
    pub fn spared(&self) -> Option<u64> {
        self.spared
    }
}

/// A scenario kept before something replaced it, as Your data lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestorePoint {
    pub key: String,
    pub replaced: Replaced,
    /// When it was kept (its document's `saved_at`), as stored.
    pub kept_at: String,
    pub chars: usize,
}

/// How many unreadable saves are kept at most. With that many kept, a
/// further unreadable save stays where it is, and nothing writes over it
/// until the person deletes one (on Your data).
pub const MAX_BACKUPS: usize = 3;

/// A packed part no head names is removed once it is older than this: a
/// younger one may be another tab's save under way.
pub const STALE_PART_MS: u64 = 60_000;

/// Which save a tab last read or wrote: its revision, and the tab that
/// wrote it, so that two saves of one number are told apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    pub revision: u64,
    /// Empty where the writer is not known: a save whose header names no
    /// lineage (a legacy one, or text not written by Certlink's tabs), or
    /// a lineage that does not begin with its own revision (edited).
    pub writer: String,
}

impl Stamp {
    pub fn new(revision: u64, writer: &str) -> Stamp {
        Stamp { revision, writer: writer.to_string() }
    }

    /// True when both name one save: the same revision, by the same tab
    /// where both writers are known.
    pub fn is_same_save(&self, other: &Stamp) -> bool {
        self.revision == other.revision
            && (self.writer.is_empty() || other.writer.is_empty() || self.writer == other.writer)
    }

    /// True where this, a stored save's stamp, names no writer while
    /// `own`, a tab's, does: something other than this Certlink's tabs (a
    /// hand, an older Certlink) wrote it in place of the tab's save.
    pub fn is_unsigned_over(&self, own: &Stamp) -> bool {
        self.writer.is_empty() && !own.writer.is_empty()
    }
}

/// What a space holds, once read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    Document(Box<Document>),
    /// A large scenario's head; its part, packed under `head.base.key`,
    /// is unpacked (asynchronously, in the browser) and joined to it.
    Continues {
        head: Box<Head>,
        packed: String,
    },
    /// Unreadable text, kept under `backup_key` (with its part, if it
    /// named one), never overwritten; when it could not be `moved` there,
    /// it is still under the document key.
    Corrupt {
        error: DocumentError,
        backup_key: String,
        moved: bool,
    },
    /// Saved by a newer Certlink: this tab must not write over it.
    Newer {
        found: u64,
    },
}

/// Why a save did not happen. Each leaves the store as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage is full.
    Quota,
    /// Another tab saved since this tab's last read.
    Conflict,
    /// A newer Certlink saved here; this tab must not write over it.
    Newer { found: u64 },
    /// Larger than what Certlink reads back ([`MAX_STORED_BYTES`]).
    TooLarge { bytes: usize },
}

/// A kept unreadable save, as Your data lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    /// Characters kept, its part included.
    pub chars: usize,
    /// A large save's head keeps the packed part it names beside it.
    pub has_part: bool,
    /// Still the document, for want of room to set it aside: it cannot be
    /// deleted apart from the others (deleting one of them makes room).
    pub in_place: bool,
}

/// One scenario space's keys in a key-value store. `prefix` keeps spaces
/// apart: an embed's (`?storage=NAME`), the large demo's, the cases'
/// (built-in cases and guided tours, `case:`).
#[derive(Clone, Debug)]
pub struct Store<K> {
    kv: K,
    prefix: String,
}

impl<K: KeyValue> Store<K> {
    pub fn new(kv: K, prefix: &str) -> Store<K> {
        Store { kv, prefix: prefix.to_string() }
    }

    pub fn document_key(&self) -> String {
        format!("{}certlink.document", self.prefix)
    }

    /// The legacy key of `schema:revision`; a save removes it, as
    /// the document says it itself.
    fn legacy_revision_key(&self) -> String {
        format!("{}certlink.revision", self.prefix)
    }

    fn restore_prefix(&self) -> String {
        format!("{}certlink.restore.", self.prefix)
    }

    /// Keeps `json` (a whole document, which the reader reads as a file)
    /// as a restore point, before `replaced` takes its place. The new point
    /// is written before the oldest goes; where it needs the room, the
    /// oldest points give way to it one by one, and come back if even all
    /// of them do not make enough: a refused point loses none kept. What it
    /// took the place of comes back too with [`Store::take_back_point`].
    pub fn keep_restore_point(&self, replaced: Replaced, json: &str) -> Result<KeptPoint, SaveError> {
        self.keep_point(replaced, json, u64::MAX, false)
    }

    /// [`Store::keep_restore_point`] for a point that was due earlier
    /// (taken back for want of room): it never gives way the points kept
    /// since, numbered `spared` ([`Store::next_point_number`] then) or
    /// more, and counts as older than they are among the three kept. (A
    /// point the person deleted meanwhile frees its number: a point kept
    /// after that may be numbered under `spared`, and counts as older.)
    pub fn keep_late_point(&self, replaced: Replaced, json: &str, spared: u64) -> Result<KeptPoint, SaveError> {
        self.keep_point(replaced, json, spared, true)
    }

    /// [`Store::keep_restore_point`] where the save there is not a copy of
    /// the scenario the point keeps (the tab's change was not saved): the
    /// points kept may hold the only copy of that save, and none gives
    /// way to make room (the count of three still holds).
    pub fn keep_restore_point_in_room(&self, replaced: Replaced, json: &str) -> Result<KeptPoint, SaveError> {
        self.keep_point(replaced, json, 0, false)
    }

    /// The number the next restore point kept takes: every point kept from
    /// now on is numbered it or more.
    pub fn next_point_number(&self) -> u64 {
        self.numbered(&self.restore_prefix()).pop().map_or(1, |last| last.saturating_add(1))
    }

    /// [`Store::keep_restore_point`], never giving way the points numbered
    /// `spared` or more for room; a `late` point counts as older than them.
    fn keep_point(&self, replaced: Replaced, json: &str, spared: u64, late: bool) -> Result<KeptPoint, SaveError> {
        if json.len() > MAX_STORED_BYTES {
            return Err(SaveError::TooLarge { bytes: json.len() });
        }
        // A point kept late behind three kept since would be the oldest of
        // four: it is not kept at all (and owes nothing more).
        let mut numbers = self.numbered(&self.restore_prefix());
        let since = numbers.iter().filter(|n| **n >= spared).count();
        if late && since >= MAX_RESTORE_POINTS {
            return Ok(KeptPoint { key: String::new(), given_way: Vec::new(), spared: Some(spared) });
        }
        // Numbered after every point kept; none past the last number, so
        // that no point is written over.
        let next = match numbers.pop() {
            Some(last) => last.checked_add(1).ok_or(SaveError::Quota)?,
            None => 1,
        };
        let key = format!("{}{next}", self.restore_prefix());
        let text = format!("{}\n{json}", replaced.code());
        let mut given_way: Vec<(String, String)> = Vec::new();
        while self.kv.set(&key, &text).is_err() {
            let oldest = self.numbered(&self.restore_prefix()).first().copied().filter(|n| *n < spared);
            let oldest = oldest.map(|n| format!("{}{n}", self.restore_prefix()));
            let oldest = oldest.and_then(|key| Some((self.kv.get(&key)?, key)));
            let Some((kept, oldest)) = oldest else {
                for (old_key, old_text) in &given_way {
                    let _ = self.kv.set(old_key, old_text);
                }
                return Err(SaveError::Quota);
            };
            self.kv.remove(&oldest);
            given_way.push((oldest, kept));
        }
        // At most three, the oldest going first. A point kept late is older
        // than the points kept since it was due, whatever their numbers
        // (fewer than three, above): the older ones go before it.
        let mut points = self.restore_points();
        if late {
            let number = |point: &RestorePoint| point.key[self.restore_prefix().len()..].parse::<u64>().unwrap_or(0);
            let age = |point: &RestorePoint| if point.key == key { (spared, 0) } else { (number(point), 1) };
            let newest_first = crate::rules::in_order(points.len(), &|a, b| age(&points[b]).cmp(&age(&points[a])));
            points = newest_first.into_iter().map(|i| points[i].clone()).collect();
        }
        for old in points.iter().skip(MAX_RESTORE_POINTS) {
            if let Some(text) = self.kv.get(&old.key) {
                given_way.push((old.key.clone(), text));
            }
            self.delete_restore_point(&old.key);
        }
        Ok(KeptPoint { key, given_way, spared: late.then_some(spared) })
    }

    /// Takes back a point kept for a replacement that was not saved after
    /// all (no room for it): the scenario it holds is still the one saved,
    /// and the points it took the place of come back. Returns why it was
    /// kept and what it held, to keep again before anything is saved over
    /// that save.
    pub fn take_back_point(&self, kept: KeptPoint) -> Option<(Replaced, String)> {
        let text = self.kv.get(&kept.key);
        self.kv.remove(&kept.key);
        for (key, text) in kept.given_way {
            let _ = self.kv.set(&key, &text);
        }
        let (code, json) = text?.split_once('\n').map(|(code, json)| (code.to_string(), json.to_string()))?;
        Some((Replaced::from_code(code.chars().next()?)?, json))
    }

    /// Keeps the save there now as a restore point, so that a replacement
    /// the person chose can go on top of a save their tab has not taken
    /// (another tab's): its stamp, to write on top of, where it is a whole
    /// document of at most `max_bytes` that `reads` (the caller's reader;
    /// true where it cannot tell) and that Your data can list. A large
    /// save's head (its scenario is in a part) or an unreadable text is
    /// not kept; nor is it where room would mean giving way the newest
    /// point, which the same replacement has just kept.
    pub fn keep_saved_as_restore_point(
        &self,
        replaced: Replaced,
        max_bytes: usize,
        reads: impl FnOnce(&str) -> bool,
    ) -> Option<Stamp> {
        let (schema, stamp) = self.stored_stamp()?;
        let text = self.saved_text()?;
        let listable = text.contains("\"saved_at\":\"");
        if schema == 0 || schema > SCHEMA || text.len() > max_bytes || part_named(&text).is_some() || !listable {
            return None;
        }
        if !reads(&text) {
            return None;
        }
        let spared = self.numbered(&self.restore_prefix()).pop().unwrap_or(u64::MAX);
        self.keep_point(replaced, &text, spared, false).ok().map(|_| stamp)
    }

    /// The numbers of the keys `start` then a number, as Certlink writes
    /// them (no sign, no leading zero, so that each names one key),
    /// smallest first.
    fn numbered(&self, start: &str) -> Vec<u64> {
        let canonical = |rest: &str| !rest.starts_with('0') && rest.bytes().all(|b| b.is_ascii_digit());
        let numbers: Vec<u64> = self
            .kv
            .keys()
            .iter()
            .filter_map(|key| key.strip_prefix(start).filter(|rest| canonical(rest))?.parse().ok())
            .collect();
        let order = crate::rules::in_order(numbers.len(), &|a, b| numbers[a].cmp(&numbers[b]));
        order.into_iter().map(|i| numbers[i]).collect()
    }

    /// The restore points kept, newest first.
    pub fn restore_points(&self) -> Vec<RestorePoint> {
        self.numbered(&self.restore_prefix())
            .into_iter()
            .rev()
            .filter_map(|n| {
                let key = format!("{}{n}", self.restore_prefix());
                let text = self.kv.get(&key)?;
                let (code, json) = text.split_once('\n')?;
                let replaced = Replaced::from_code(code.chars().next()?)?;
                let kept_at = json.split("\"saved_at\":\"").nth(1)?.split('"').next()?.to_string();
                Some(RestorePoint { key, replaced, kept_at, chars: json.len() })
            })
            .collect()
    }

    /// A restore point's document, to read as an imported file is.
    pub fn restore_point(&self, key: &str) -> Option<String> {
        let text = self.kv.get(key).filter(|_| key.starts_with(&self.restore_prefix()))?;
        Some(text.split_once('\n')?.1.to_string())
    }

    pub fn delete_restore_point(&self, key: &str) {
        if key.starts_with(&self.restore_prefix()) {
            self.kv.remove(key);
        }
    }

    fn part_prefix(&self) -> String {
        format!("{}certlink.part.", self.prefix)
    }

    /// The save here names no part, or one that is stored: a reload can
    /// read it whole.
    pub fn saved_part_held(&self) -> bool {
        self.saved_text().and_then(|text| part_named(&text)).is_none_or(|key| self.holds(&key))
    }

    /// Whether a value is stored under `key` (a part a head is to name),
    /// without reading it.
    pub fn holds(&self, key: &str) -> bool {
        self.kv.keys().iter().any(|k| k == key)
    }

    /// The save here, where it is whole (a head needs its part, which is
    /// another space's to keep or remove): to copy to another space.
    pub fn saved_whole_text(&self) -> Option<String> {
        self.saved_text().filter(|text| part_named(text).is_none())
    }

    /// True while the save here is a head over the part `key`.
    pub fn saved_over_part(&self, key: &str) -> bool {
        self.saved_text().and_then(|text| part_named(&text)).is_some_and(|named| named == key)
    }

    /// `key`, where it is one of this space's parts.
    fn own_part(&self, key: &str) -> Option<String> {
        key.starts_with(&self.part_prefix()).then(|| key.to_string())
    }

    fn backup_prefix(&self) -> String {
        format!("{}certlink.unreadable.", self.prefix)
    }

    /// True for the keys whose change means another tab saved (storage events).
    pub fn is_scenario_key(&self, key: &str) -> bool {
        key == self.document_key()
    }

    /// A key for a new packed part that no tab has used: `unique` is the
    /// writing tab's id and a count of its own.
    pub fn new_part_key(&self, now_ms: u64, unique: &str) -> String {
        format!("{}{now_ms}-{unique}", self.part_prefix())
    }

    /// The saved document's text, if there is one.
    pub fn saved_text(&self) -> Option<String> {
        self.kv.get(&self.document_key())
    }

    /// The schema and stamp of the save there now, without reading the
    /// scenario. A document whose first bytes are not Certlink's gets a
    /// stamp no tab holds, so that nothing writes over it unread.
    pub fn stored_stamp(&self) -> Option<(u64, Stamp)> {
        Some(stamp_in(&self.saved_text()?))
    }

    /// The save there now and the ones it was written over, newest first
    /// (at most [`LINEAGE`]); `None` where the save does not say (one
    /// a legacy save, or unreadable).
    pub fn lineage(&self) -> Option<Vec<Stamp>> {
        lineage_in(&self.saved_text()?)
    }

    /// What the saved text holds, once read by `read` (the reader's code
    /// comes in a file of its own in the browser); unreadable text is set
    /// aside first, so nothing is ever silently lost.
    pub fn loaded(&self, read: Result<Stored, DocumentError>) -> Loaded {
        match read {
            Ok(Stored::Whole(document)) => Loaded::Document(document),
            // A head names a part of this space's, or none: a key of
            // anything else (a library's index, another space's document)
            // is neither read nor, set aside, moved.
            Ok(Stored::Continues(head)) => match self.own_part(&head.base.key).and_then(|key| self.kv.get(&key)) {
                Some(packed) => Loaded::Continues { head: Box::new(head), packed },
                None => self.set_aside(DocumentError::WrongShape { detail: Wrong::PartMissing.here() }),
            },
            Err(DocumentError::FutureSchema { found }) => Loaded::Newer { found },
            Err(error) => self.set_aside(error),
        }
    }

    /// Keeps the unreadable document under a backup key, with the packed
    /// part it names (if any) beside it, and clears the document. Where no
    /// backup can be made (the storage is full, or [`MAX_BACKUPS`] are
    /// kept), the text stays under the document key (`moved: false`).
    pub fn set_aside(&self, error: DocumentError) -> Loaded {
        let text = self.saved_text().unwrap_or_default();
        let in_place = Loaded::Corrupt { error: error.clone(), backup_key: self.document_key(), moved: false };
        let Some(key) = self.free_backup_key() else { return in_place };
        let part = part_named(&text)
            .and_then(|part_key| self.own_part(&part_key))
            .and_then(|part_key| Some((part_key.clone(), self.kv.get(&part_key)?)));
        if let Some((_, packed)) = &part {
            if self.kv.set(&format!("{key}.part"), packed).is_err() {
                return in_place;
            }
        }
        if self.kv.set(&key, &text).is_err() {
            self.kv.remove(&format!("{key}.part"));
            return in_place;
        }
        if let Some((part_key, _)) = part {
            self.kv.remove(&part_key);
        }
        self.clear();
        Loaded::Corrupt { error, backup_key: key, moved: true }
    }

    /// A key numbered after every kept backup's (so that the list stays
    /// oldest first), while fewer than [`MAX_BACKUPS`] are kept.
    fn free_backup_key(&self) -> Option<String> {
        let start = self.backup_prefix();
        let mut kept = self.numbered(&start);
        if kept.len() >= MAX_BACKUPS {
            return None;
        }
        let next = match kept.pop() {
            Some(n) => n.checked_add(1)?,
            None => 1,
        };
        Some(format!("{start}{next}"))
    }

    /// The unreadable saves kept, oldest first.
    pub fn backups(&self) -> Vec<Backup> {
        let start = self.backup_prefix();
        self.numbered(&start)
            .into_iter()
            .filter_map(|n| {
                let key = format!("{start}{n}");
                let text = self.kv.get(&key)?;
                let part = self.kv.get(&format!("{key}.part"));
                let chars = text.len() + part.as_ref().map_or(0, String::len);
                Some(Backup { key, chars, has_part: part.is_some(), in_place: false })
            })
            .collect()
    }

    /// A kept save's text and, for a large one, its packed part. The
    /// document's key gives an unreadable save kept in place, whose part is
    /// still the one its head names.
    pub fn backup(&self, key: &str) -> Option<(String, Option<String>)> {
        let text = self.kv.get(key)?;
        let part = if key == self.document_key() {
            part_named(&text).and_then(|part_key| self.own_part(&part_key)).and_then(|part_key| self.kv.get(&part_key))
        } else {
            self.kv.get(&format!("{key}.part"))
        };
        Some((text, part))
    }

    /// Deletes a kept backup (the person asked, on Your data).
    pub fn delete_backup(&self, key: &str) {
        if key.starts_with(&self.backup_prefix()) {
            self.kv.remove(&format!("{key}.part"));
            self.kv.remove(key);
        }
    }

    /// Removes the packed parts no save uses (left by a tab closed between
    /// writing a part and its head): every part but `keep` written over
    /// [`STALE_PART_MS`] ago.
    pub fn remove_stale_parts(&self, keep: Option<&str>, now_ms: u64) {
        let start = self.part_prefix();
        for key in self.kv.keys() {
            let Some(written) = key.strip_prefix(&start).and_then(|rest| rest.split('-').next()?.parse::<u64>().ok())
            else {
                continue;
            };
            if Some(key.as_str()) != keep && now_ms.saturating_sub(written) > STALE_PART_MS {
                self.kv.remove(&key);
            }
        }
    }

    /// Saves `json` if the save there is still `base` (the one this tab
    /// last read or wrote), with the packed `part` it continues if that is
    /// new, and removes the part it no longer uses (`drop_part`). A value
    /// is replaced whole or not at all, and the part is written before the
    /// head that names it, so a refused save leaves the last one whole.
    /// Returns the stamp of the save written.
    pub fn save(
        &self,
        json: &str,
        base: &Stamp,
        writer: &str,
        part: Option<(&str, &str)>,
        drop_part: Option<&str>,
    ) -> Result<Stamp, SaveError> {
        // The text there, read once: its stamp, then its lineage.
        let there = self.saved_text();
        match there.as_deref().map(stamp_in) {
            Some((schema, _)) if schema > SCHEMA => return Err(SaveError::Newer { found: schema }),
            Some((_, stored)) if !stored.is_same_save(base) || stored.is_unsigned_over(base) => {
                return Err(SaveError::Conflict)
            }
            _ => {}
        }
        let revision = peek(json).map_or(0, |(_, revision)| revision);
        // The document names its writer and the saves it was written
        // over, so that a tab can tell its own save was written over by a
        // tab that had not seen it: one write, the document's own.
        let mut lineage = format!("{revision}:{writer}");
        // Over nothing (the save there set aside, or cleared), a save goes
        // on from the one its tab last read or wrote: other tabs showing
        // that one take this one as its continuation.
        let earlier = match there.as_deref() {
            Some(text) => lineage_in(text).unwrap_or_default(),
            None => (base.revision != 0).then(|| base.clone()).into_iter().collect(),
        };
        for earlier in earlier.iter().take(LINEAGE - 1) {
            lineage.push_str(&format!(";{}:{}", earlier.revision, earlier.writer));
        }
        let json = with_lineage(json, &lineage);
        // Measured as stored, lineage included: the next start reads it back.
        if json.len() > MAX_STORED_BYTES {
            return Err(SaveError::TooLarge { bytes: json.len() });
        }
        if let Some((key, packed)) = part {
            self.kv.set(key, packed).map_err(|_| SaveError::Quota)?;
        }
        if self.kv.set(&self.document_key(), &json).is_err() {
            if let Some((key, _)) = part {
                self.kv.remove(key);
            }
            return Err(SaveError::Quota);
        }
        self.kv.remove(&self.legacy_revision_key());
        if let Some(old) = drop_part.filter(|old| part.is_none_or(|(new, _)| new != *old)) {
            self.kv.remove(old);
        }
        Ok(Stamp::new(revision, writer))
    }

    /// Forgets the saved document (and the legacy revision key).
    pub fn clear(&self) {
        self.kv.remove(&self.document_key());
        self.kv.remove(&self.legacy_revision_key());
    }
}

/// `revision:writer`, as a document's lineage names each save.
fn parse_stamp(text: &str) -> Option<Stamp> {
    let (revision, writer) = text.split_once(':')?;
    Some(Stamp::new(revision.parse().ok()?, writer))
}

/// The member a stored document carries after its revision:
/// `"lineage":"revision:writer;revision:writer…"`, newest first. Readers
/// of documents pass over members they do not know.
const LINEAGE_MEMBER: &str = "\"lineage\":\"";

/// `json` (a document's text, whose header [`peek`] reads) with
/// `lineage` after its revision.
fn with_lineage(json: &str, lineage: &str) -> String {
    let Some(at) = json.find(",\"saved_at\":") else { return json.to_string() };
    let mut out = String::with_capacity(json.len() + lineage.len() + 16);
    out.push_str(&json[..at]);
    out.push(',');
    out.push_str(LINEAGE_MEMBER);
    out.push_str(lineage);
    out.push('"');
    out.push_str(&json[at..]);
    out
}

/// The schema and stamp a stored text's header names (see
/// [`Store::stored_stamp`]).
fn stamp_in(text: &str) -> (u64, Stamp) {
    let Some((schema, revision)) = peek(text) else {
        return (0, Stamp::new(u64::MAX, "unreadable"));
    };
    let writer = lineage_in(text).and_then(|lineage| lineage.into_iter().next()).map(|stamp| stamp.writer);
    (schema, Stamp { revision, writer: writer.unwrap_or_default() })
}

/// The lineage a stored document's header names, if it names one.
fn lineage_in(text: &str) -> Option<Vec<Stamp>> {
    let header = &text[..text.find(",\"saved_at\":")?];
    let start = header.find(LINEAGE_MEMBER)? + LINEAGE_MEMBER.len();
    let list = header[start..].strip_suffix('"')?;
    let lineage: Vec<Stamp> = list.split(';').map(parse_stamp).collect::<Option<_>>()?;
    // A lineage that does not begin with the document's own revision (one
    // edited by hand) says nothing true of the saves before it: the
    // document is taken for what it is, by a writer not known.
    let (_, revision) = peek(text)?;
    if lineage.first()?.revision != revision {
        return Some(vec![Stamp::new(revision, "")]);
    }
    Some(lineage)
}

/// The part key a stored head names, read from its text without parsing
/// it (a head's text may be unreadable as a whole).
fn part_named(text: &str) -> Option<String> {
    let rest = &text[text.find("\"continues\":{\"key\":\"")? + "\"continues\":{\"key\":\"".len()..];
    Some(rest[..rest.find('"')?].to_string())
}
