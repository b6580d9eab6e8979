//! The document in localStorage, through gloo-storage. gloo's
//! `LocalStorage` throws a JavaScript exception where storage is blocked
//! (sandboxed iframes, some private modes), so availability is probed
//! through web-sys first and gloo is used only once the probe passed.

use super::document::{peek, Document, DocumentError, Head, Stored, SCHEMA};
use gloo_storage::{LocalStorage, Storage};

/// The keys of one embed's state; `prefix` keeps two embeds on one origin
/// apart (`?storage=NAME`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    prefix: String,
}

/// What was found in storage at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    Document(Box<Document>),
    /// A large scenario's head; its part, packed under `head.base.key`,
    /// is read asynchronously ([`super::pack::unpack`]) and joined to it.
    Continues {
        head: Box<Head>,
        packed: String,
    },
    /// Unreadable text, kept under `backup_key`, never overwritten; when
    /// it could not be `moved` there, it is still under the document key.
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

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage is full; the last save is intact.
    Quota,
    /// Another tab saved a newer revision since this tab's last read.
    Conflict { stored: u64 },
    /// A newer Certlink saved here; this tab must not write over it.
    Newer { found: u64 },
}

/// True when localStorage can be read and written here.
pub fn available() -> bool {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else { return false };
    let probe = "certlink.probe";
    storage.set_item(probe, "1").is_ok() && storage.remove_item(probe).is_ok()
}

impl Store {
    /// The store for `prefix`, if storage is available.
    pub fn open(prefix: &str) -> Option<Store> {
        available().then(|| Store { prefix: prefix.to_string() })
    }

    pub fn document_key(&self) -> String {
        format!("{}certlink.document", self.prefix)
    }

    pub fn is_scenario_key(&self, key: &str) -> bool {
        key == self.document_key() || key == self.revision_key()
    }

    /// A key for a new packed part that no tab has used: two tabs packing
    /// at once never write the same key.
    pub fn new_part_key(&self) -> String {
        let unique = (js_sys::Date::now() as u64, (js_sys::Math::random() * 1e9) as u64);
        format!("{}certlink.part.{}-{}", self.prefix, unique.0, unique.1)
    }

    /// `schema:revision` of the saved document, written after it, so a
    /// tab compares revisions without reading megabytes.
    fn revision_key(&self) -> String {
        format!("{}certlink.revision", self.prefix)
    }

    /// A key no earlier unreadable text uses: `certlink.unreadable.1`, `.2`...
    fn free_backup_key(&self) -> String {
        (1..)
            .map(|n| format!("{}certlink.unreadable.{n}", self.prefix))
            .find(|k| self.read(k).is_none())
            .unwrap_or_default()
    }

    fn read(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    /// The saved document's text, if there is one.
    pub fn saved_text(&self) -> Option<String> {
        self.read(&self.document_key())
    }

    /// What the saved text holds, once read (`session::reader`: the code
    /// that reads comes in a file of its own); unreadable text is copied
    /// to the backup key first, so nothing is ever silently lost.
    pub fn loaded(&self, read: Result<Stored, DocumentError>) -> Loaded {
        match read {
            Ok(Stored::Whole(document)) => Loaded::Document(document),
            Ok(Stored::Continues(head)) => match self.read(&head.base.key) {
                Some(packed) => Loaded::Continues { head: Box::new(head), packed },
                None => self.set_aside(DocumentError::WrongShape { detail: "the packed part is missing".into() }),
            },
            Err(DocumentError::FutureSchema { found }) => Loaded::Newer { found },
            Err(error) => self.set_aside(error),
        }
    }

    /// Removes the packed parts no save uses any more (left by a tab closed
    /// between writing a part and its head): every part but `keep` written
    /// over a minute ago. Younger ones may be another tab's save under way.
    pub fn remove_stale_parts(&self, keep: Option<&str>, now_ms: f64) {
        let storage = LocalStorage::raw();
        let start = format!("{}certlink.part.", self.prefix);
        let keys: Vec<String> =
            (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect();
        for key in keys {
            let Some(written) = key.strip_prefix(&start).and_then(|rest| rest.split('-').next()?.parse::<u64>().ok())
            else {
                continue;
            };
            // Whole milliseconds: parsing a float would bring its parser
            // into the bundle (14 KB gzipped, measured).
            if Some(key.as_str()) != keep && now_ms - written as f64 > 60_000.0 {
                let _ = storage.remove_item(&key);
            }
        }
    }

    /// Keeps the unreadable document under a backup key, never silently
    /// lost; a large one's packed part stays under its own key.
    pub fn set_aside(&self, error: DocumentError) -> Loaded {
        let text = self.read(&self.document_key()).unwrap_or_default();
        let backup_key = self.free_backup_key();
        if LocalStorage::raw().set_item(&backup_key, &text).is_ok() {
            self.clear();
            Loaded::Corrupt { error, backup_key, moved: true }
        } else {
            // No room for a copy: the text stays where it is, and
            // this tab must not save over it.
            Loaded::Corrupt { error, backup_key: self.document_key(), moved: false }
        }
    }

    /// The unreadable text kept under `key`, for download.
    pub fn backup(&self, key: &str) -> Option<String> {
        self.read(key)
    }

    /// The schema and revision saved now, without reading the scenario
    /// (from the small revision key; from the document's first bytes if
    /// that key is missing).
    pub fn stored_revision(&self) -> Option<(u64, u64)> {
        let from_key = self.read(&self.revision_key()).and_then(|text| {
            let (schema, revision) = text.split_once(':')?;
            Some((schema.parse().ok()?, revision.parse().ok()?))
        });
        from_key.or_else(|| self.read(&self.document_key()).and_then(|text| peek(&text)))
    }

    /// Saves `json` if the stored revision is still `base` (the one this
    /// tab last read or wrote), with the packed `part` it continues if that
    /// is new, and removes the part it no longer uses (`drop_part`).
    /// setItem replaces a value whole and the part is written before the
    /// head that names it, so a failed save leaves the last one intact.
    pub fn save(
        &self,
        json: &str,
        base: u64,
        part: Option<(&str, &str)>,
        drop_part: Option<&str>,
    ) -> Result<(), SaveError> {
        match self.stored_revision() {
            Some((schema, _)) if schema > SCHEMA => return Err(SaveError::Newer { found: schema }),
            Some((_, stored)) if stored != base => return Err(SaveError::Conflict { stored }),
            _ => {}
        }
        if let Some((key, packed)) = part {
            LocalStorage::raw().set_item(key, packed).map_err(|_| SaveError::Quota)?;
        }
        if LocalStorage::raw().set_item(&self.document_key(), json).is_err() {
            if let Some((key, _)) = part {
                let _ = LocalStorage::raw().remove_item(key);
            }
            return Err(SaveError::Quota);
        }
        if let Some(old) = drop_part.filter(|old| part.is_none_or(|(new, _)| new != *old)) {
            let _ = LocalStorage::raw().remove_item(old);
        }
        // If this small write fails, the next save reads the document's own.
        let revision = peek(json).map_or(0, |(_, revision)| revision);
        if LocalStorage::raw().set_item(&self.revision_key(), &format!("{SCHEMA}:{revision}")).is_err() {
            let _ = LocalStorage::raw().remove_item(&self.revision_key());
        }
        Ok(())
    }

    /// Forgets the saved document (reset to demo data saves a new one).
    pub fn clear(&self) {
        let _ = LocalStorage::raw().remove_item(&self.document_key());
        let _ = LocalStorage::raw().remove_item(&self.revision_key());
    }
}
