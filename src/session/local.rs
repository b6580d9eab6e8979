//! localStorage as the save engine's key-value store, through
//! gloo-storage. gloo's `LocalStorage` throws a JavaScript exception where
//! storage is blocked (sandboxed iframes, some private modes), so
//! availability is probed through web-sys first and gloo is used only once
//! the probe passed: a [`LocalKv`] exists only after it.

use crate::save::{Full, KeyValue};
use gloo_storage::{LocalStorage, Storage};

/// localStorage, known to be available.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalKv(());

/// One scenario space in localStorage.
pub type Store = crate::save::Store<LocalKv>;

/// True when localStorage is here to read and write. A storage that is
/// full refuses the probe's write too, but holds keys: it is here, and
/// its saves are read; a write it refuses is said not saved, as any
/// other. One that holds nothing and refuses a write is turned off.
pub fn available() -> bool {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else { return false };
    let probe = "certlink.probe";
    let writes = storage.set_item(probe, "1").is_ok() && storage.remove_item(probe).is_ok();
    writes || storage.length().is_ok_and(|keys| keys > 0)
}

impl LocalKv {
    /// localStorage, if it is available.
    pub fn open() -> Option<LocalKv> {
        available().then_some(LocalKv(()))
    }
}

/// The store for `prefix`, if storage is available.
pub fn open(prefix: &str) -> Option<Store> {
    LocalKv::open().map(|kv| Store::new(kv, prefix))
}

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Full> {
        LocalStorage::raw().set_item(key, value).map_err(|_| Full)
    }

    fn remove(&self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let storage = LocalStorage::raw();
        (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
    }
}
