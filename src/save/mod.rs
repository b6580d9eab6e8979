//! The save engine: how a scenario is kept in the browser's storage and
//! shared between tabs, in plain Rust over a small key-value trait
//! ([`kv::KeyValue`]), as pure as the rules: no leptos, web-sys, gloo or
//! wasm-bindgen here (tests/architecture.rs holds it so). The browser gives
//! it localStorage (`session::local::LocalKv`); native tests give it
//! [`kv::MemoryKv`] and play several tabs over one store.
//!
//! - [`store`]: one scenario space's keys and the checked writes across
//!   them (the document with its lineage, a large scenario's packed part,
//!   the backups of unreadable saves, the restore points).
//! - [`tab`]: one tab's side (which save it last read or wrote, its
//!   banner, the start-up lifecycle, taking another tab's save).
//! - [`library`]: the library's index of named scenarios and their spaces.
//! - [`kv`]: the key-value trait, and the map native tests play tabs over.

/// The keys' prefix of an embed's (`?storage=NAME`): `NAME:`, but for a
/// name the keys of the default embed begin with (its cases' space
/// `case:`, practice mode's `certlink-practice:`, its library's
/// `lib-<id>:`, the large demo's `large-demo:`, its own `certlink.…`), which gets a `%` before it, so that no embed shares
/// the default's keys. (Names are taken as written, so that an embed
/// keeps its keys: two odd names such as `%case` and `case`, or `team`
/// and `team:case`, can still meet.)
pub fn embed_prefix(name: &str) -> String {
    let reserved = name == "case" || name == "large-demo" || name.starts_with("lib-") || name.starts_with("certlink");
    if reserved {
        format!("%{name}:")
    } else {
        format!("{name}:")
    }
}

pub mod kv;
pub mod library;
pub mod store;
pub mod tab;

pub use kv::{Full, KeyValue, MemoryKv};
pub use store::{
    Backup, KeptPoint, Loaded, Replaced, RestorePoint, SaveError, Stamp, Store, LINEAGE, MAX_BACKUPS,
    MAX_RESTORE_POINTS, MAX_STORED_BYTES,
};
pub use tab::{
    Found, Keeping, Lifecycle, NotReplaced, PackJob, Part, PointNotKept, ReadNow, Reader, SaveState, Start, Tab, Todo,
    Update, REPACK_EVENTS, WHOLE_BYTES,
};
