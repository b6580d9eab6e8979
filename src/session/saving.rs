//! Saving the scenario: whole when it is small; as a packed part and a
//! head of the events since when it is large (storage schema 2); and taking
//! another tab's save. Start-up reads the save before the app mounts.

use super::reader::{self, FetchFailed};
use super::{keeping_when_saved, real_now, storage_prefix, Ctx, Keeping};
use crate::rules::Scenario;
use crate::storage::document::{self, BaseRef, Document, DocumentError, Head};
use crate::storage::local::{Loaded, SaveError, Store};
use crate::storage::pack;
use crate::tasks::next_task;
use leptos::prelude::*;
use std::sync::Arc;

/// A scenario whose whole document is larger than this is stored as a
/// packed part and a head of the events since (schema 2), so that a save
/// after a change writes kilobytes, not megabytes; smaller ones are stored
/// whole, as they always were.
pub const WHOLE_BYTES: usize = 512 * 1024;

/// After this many events since its part, a large scenario is packed anew,
/// so its head never grows without end.
pub const REPACK_EVENTS: usize = 2_000;

/// The packed part a large stored scenario continues, as this tab knows it:
/// its key, and the whole document packed there.
#[derive(Clone, Debug)]
pub struct Part {
    key: String,
    /// Shared with the reader, which joins heads to it (reader::join).
    document: Arc<Document>,
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

/// What a save writes besides the document key.
enum Saving {
    /// The whole scenario: any part saved before goes.
    Whole,
    /// The events since the part saved before.
    Events,
    /// A new part (its key and packed text), replacing the one before.
    Part(Box<Part>, String),
}

thread_local! {
    /// What [`open_saved`] read before the app mounted.
    pub(super) static OPENED: std::cell::RefCell<Option<(Loaded, Option<Part>)>> = const { std::cell::RefCell::new(None) };
}

/// Reads the saved scenario before the app mounts. A large one's packed
/// part is unpacked asynchronously (the browser inflates it), so the app
/// never starts on the demo data and then swaps. `main` awaits this, and
/// [`Ctx::new`] takes what it found. A save is read by the reader file,
/// fetched first (from the service worker's cache after one visit); if it
/// cannot come, the start fails here, and the save is left as it was.
pub async fn open_saved() -> Result<(), FetchFailed> {
    let Some(store) = Store::open(&storage_prefix()) else { return Ok(()) };
    let loaded = match store.saved_text() {
        None => Loaded::Nothing,
        Some(text) => store.loaded(reader::read(text).await?),
    };
    // Parts are removed only beside a readable save: an unreadable one may
    // still need its part.
    match &loaded {
        Loaded::Nothing | Loaded::Document(_) => store.remove_stale_parts(None, js_sys::Date::now()),
        Loaded::Continues { head, .. } => store.remove_stale_parts(Some(&head.base.key), js_sys::Date::now()),
        Loaded::Corrupt { .. } | Loaded::Newer { .. } => {}
    }
    let opened = match loaded {
        Loaded::Continues { head, packed } => match open_part(*head, &packed).await? {
            Ok((document, part)) => (Loaded::Document(Box::new(document)), Some(part)),
            Err(DocumentError::FutureSchema { found }) => (Loaded::Newer { found }, None),
            Err(error) => (store.set_aside(error), None),
        },
        loaded => (loaded, None),
    };
    OPENED.with(|cell| *cell.borrow_mut() = Some(opened));
    Ok(())
}

/// What is saved, read at once: `None` when there is a save but the
/// reader file is not here yet (the save is then left unread, untouched).
pub fn load_now(store: &Store) -> Option<Loaded> {
    match store.saved_text() {
        None => Some(Loaded::Nothing),
        Some(text) => reader::read_now(text).map(|read| store.loaded(read)),
    }
}

/// A head joined to its packed part: the whole document, checked. For
/// 10,000 people, the part's JSON, reading it, checking it, and joining
/// the head each take a task of their own, so that the page answers in
/// between (issue 7: one task of 350-520 ms before).
async fn open_part(head: Head, packed: &str) -> Result<Result<(Document, Part), DocumentError>, FetchFailed> {
    let text = match pack::unpack(packed).await {
        Ok(text) => text,
        Err(error) => return Ok(Err(error)),
    };
    next_task().await;
    let whole = match reader::read_in_tasks(text).await?.and_then(document::whole) {
        Ok(whole) => Arc::new(whole),
        Err(error) => return Ok(Err(error)),
    };
    let part = Part { key: head.base.key.clone(), document: Arc::clone(&whole) };
    Ok(reader::join(whole, head).await?.map(|joined| (joined, part)))
}

impl Ctx {
    /// Saves the scenario. A conflict (another tab saved first) changes no
    /// banner: the caller takes the other tab's scenario and re-runs. A
    /// large scenario whose part is stored saves only the events since; a
    /// new large one is packed first, in the background.
    pub(super) fn persist(&self) -> Result<(), SaveError> {
        let Some(store) = self.store.get_value() else { return Ok(()) };
        if matches!(self.keeping.get_untracked(), Keeping::NewerVersion { .. }) {
            return Ok(());
        }
        let base = self.revision.get_value();
        let now = real_now();
        let head = self.part.with_value(|part| {
            let part = part.as_ref()?;
            self.scenario.with_untracked(|s| {
                s.extends(&part.document.scenario).then(|| {
                    let json = document::to_json_continuing(s, &part.base(), part.events(), base + 1, now);
                    (json, s.trail().len() - part.events())
                })
            })
        });
        if let Some((json, since)) = head {
            let saved = self.commit(&store, &json, base, Saving::Events);
            if saved.is_ok() && since > REPACK_EVENTS && self.packing.with_value(Option::is_none) {
                let whole = self.scenario.with_untracked(|s| document::to_json(s, base + 1, now));
                self.pack(store, whole, base + 1);
            }
            return saved;
        }
        let packing_this =
            self.packing.with_value(|p| p.as_ref().is_some_and(|p| self.scenario.with_untracked(|s| s.extends(p))));
        if packing_this {
            // The pack under way saves these events with its head.
            return Ok(());
        }
        let whole = self.scenario.with_untracked(|s| document::to_json(s, base + 1, now));
        if whole.len() > WHOLE_BYTES {
            self.pack(store, whole, base + 1);
            return Ok(());
        }
        self.commit(&store, &whole, base, Saving::Whole)
    }

    /// Writes `json` over revision `base` and shows how it went. A save
    /// that does not continue the part saved before removes it.
    fn commit(&self, store: &Store, json: &str, base: u64, saving: Saving) -> Result<(), SaveError> {
        let old_key = self.part.with_value(|p| p.as_ref().map(|p| p.key.clone()));
        let (written, drop_part) = match &saving {
            Saving::Whole => (None, old_key.as_deref()),
            Saving::Events => (None, None),
            Saving::Part(part, packed) => (Some((part.key.as_str(), packed.as_str())), old_key.as_deref()),
        };
        match store.save(json, base, written, drop_part) {
            Ok(()) => {
                self.revision.set_value(base + 1);
                self.fresh_demo.set_value(false);
                match saving {
                    Saving::Whole => self.part.set_value(None),
                    Saving::Events => {}
                    Saving::Part(part, _) => self.part.set_value(Some(*part)),
                }
                // A save that fits again ends the quota message; the
                // corrupt-text banner stays (its download is still useful).
                if matches!(self.keeping.get_untracked(), Keeping::QuotaExceeded | Keeping::Conflict | Keeping::Unread)
                {
                    self.keeping.set(keeping_when_saved());
                }
                Ok(())
            }
            Err(SaveError::Quota) => {
                self.keeping.set(Keeping::QuotaExceeded);
                Err(SaveError::Quota)
            }
            Err(SaveError::Newer { found }) => {
                self.keeping.set(Keeping::NewerVersion { found });
                Err(SaveError::Newer { found })
            }
            // Another tab's save is there, and this tab cannot read it yet:
            // what it just did (a command, an undo, a tour's scenario) stays
            // on screen, said unsaved, never silently replaced by that save
            // when the reader comes. An untouched first demo may be.
            Err(conflict) if !reader::is_here() && !self.fresh_demo.get_value() => {
                self.keeping.set(Keeping::Unread);
                Err(conflict)
            }
            Err(conflict) => Err(conflict),
        }
    }

    /// Packs `whole` (the scenario now, as revision `revision`) in the
    /// background, then saves the part with a head of the events recorded
    /// meanwhile. A scenario replaced meanwhile has had its own save.
    fn pack(&self, store: Store, whole: String, revision: u64) {
        // Copying 10,000 people takes tens of milliseconds: the pack and
        // `packing` share one copy (issue 7, the `?demo=large` first save).
        let snapshot = Arc::new(self.scenario.get_untracked());
        self.packing.set_value(Some(Arc::clone(&snapshot)));
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let packed = pack::pack(&whole).await;
            ctx.packing.set_value(None);
            if !ctx.scenario.with_untracked(|s| s.extends(&snapshot)) {
                return;
            }
            let base = ctx.revision.get_value();
            let Ok(packed) = packed else {
                // No deflate in this browser: try it whole.
                let _ = ctx.commit(&store, &whole, base, Saving::Whole);
                return;
            };
            drop(whole);
            // `packing` let go of it above: unwrapping copies nothing.
            let snapshot = Arc::try_unwrap(snapshot).unwrap_or_else(|shared| Scenario::clone(&shared));
            let part =
                Part { key: store.new_part_key(), document: Arc::new(Document::new(snapshot, revision, real_now())) };
            let head = ctx
                .scenario
                .with_untracked(|s| document::to_json_continuing(s, &part.base(), part.events(), base + 1, real_now()));
            let events = part.events();
            if matches!(
                ctx.commit(&store, &head, base, Saving::Part(Box::new(part), packed)),
                Err(SaveError::Conflict { .. })
            ) {
                // Two tabs opened on an empty store each packed their demo:
                // the first one saved wins, as for the small demo. Anything
                // else is work of this tab's, which it keeps on screen.
                let untouched =
                    ctx.fresh_demo.get_value() && ctx.scenario.with_untracked(|s| s.trail().len() == events);
                if untouched {
                    ctx.sync();
                } else {
                    ctx.keeping.set(Keeping::Conflict);
                }
            }
        });
    }

    /// Takes another tab's newer save, if there is one; true when it did.
    /// A tab holding changes it could not save (full storage, a conflict)
    /// keeps them on screen rather than drop them: its banner already asks
    /// the person to export them or reload.
    pub fn sync(&self) -> bool {
        if matches!(self.keeping.get_untracked(), Keeping::QuotaExceeded | Keeping::Conflict | Keeping::Unread) {
            return false;
        }
        let Some(store) = self.store.get_value() else { return false };
        let Some((_, stored)) = store.stored_revision() else { return false };
        if stored <= self.revision.get_value() {
            return false;
        }
        let Some(loaded) = load_now(&store) else {
            // The reader file is not here yet: read the save once it is.
            let ctx = *self;
            leptos::task::spawn_local(async move {
                if reader::fetch().await.is_ok() {
                    ctx.sync();
                }
            });
            return false;
        };
        match loaded {
            // The revision key may be ahead of the document for a moment.
            Loaded::Document(doc) if doc.revision > self.revision.get_value() => {
                self.part.set_value(None);
                self.take(doc.scenario, doc.revision);
                true
            }
            Loaded::Continues { head, packed } if head.revision > self.revision.get_value() => {
                let revision = head.revision;
                let base = self.part.with_value(|part| {
                    part.as_ref().filter(|part| part.is(&head.base)).map(|part| Arc::clone(&part.document))
                });
                // The reader is here: it has just read the head.
                match base.map(|base| reader::join_now(base, *head.clone())) {
                    Some(Some(Ok(doc))) => {
                        self.take(doc.scenario, revision);
                        true
                    }
                    Some(Some(Err(_)) | None) => false,
                    None => {
                        self.open_in_background(*head, packed);
                        false
                    }
                }
            }
            Loaded::Newer { found } => {
                self.keeping.set(Keeping::NewerVersion { found });
                false
            }
            _ => false,
        }
    }

    /// Shows another tab's newer save.
    fn take(&self, scenario: Scenario, revision: u64) {
        self.demo_due.set_value(false);
        self.revision.set_value(revision);
        self.scenario.set(scenario);
        self.updated_elsewhere.set(true);
    }

    /// Another tab saved a large scenario with a part this tab has not
    /// read: it is unpacked in the background and shown when ready.
    fn open_in_background(&self, head: Head, packed: String) {
        if self.opening.with_value(|o| o.as_ref() == Some(&head.base)) {
            return;
        }
        self.opening.set_value(Some(head.base.clone()));
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let opened = open_part(head, &packed).await;
            ctx.opening.set_value(None);
            if let Ok(Ok((doc, part))) = opened {
                if doc.revision > ctx.revision.get_value() {
                    ctx.part.set_value(Some(part));
                    ctx.take(doc.scenario, doc.revision);
                }
            }
        });
    }
}
