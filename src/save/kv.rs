//! The one thing the save engine asks of a browser's storage: text under
//! text keys. localStorage is one (`session::local::LocalKv`); [`MemoryKv`]
//! is another, shared by the simulated tabs of the native tests.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A write the storage refused: it is full (QuotaExceededError).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Full;

/// Text under text keys, as localStorage keeps it: a `set` replaces a
/// value whole or not at all.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), Full>;
    fn remove(&self, key: &str);
    /// Every key, in no particular order.
    fn keys(&self) -> Vec<String>;
}

/// An in-memory store; clones share it, as tabs share localStorage.
/// `quota` bounds the characters it holds, as a browser's quota does;
/// `stop_after` makes it drop every write after that many, as a tab
/// closed in the middle of a save would.
#[derive(Clone, Debug, Default)]
pub struct MemoryKv {
    inner: Rc<RefCell<Memory>>,
}

#[derive(Debug, Default)]
struct Memory {
    items: BTreeMap<String, String>,
    quota: Option<usize>,
    writes_left: Option<usize>,
}

impl MemoryKv {
    pub fn new() -> MemoryKv {
        MemoryKv::default()
    }

    /// At most `chars` characters in keys and values together (`None`: no bound).
    pub fn set_quota(&self, chars: Option<usize>) {
        self.inner.borrow_mut().quota = chars;
    }

    /// Drops every write (set or remove) after the next `writes`.
    pub fn stop_after(&self, writes: Option<usize>) {
        self.inner.borrow_mut().writes_left = writes;
    }

    /// Every key and value, for a test's assertions.
    pub fn items(&self) -> BTreeMap<String, String> {
        self.inner.borrow().items.clone()
    }

    fn may_write(&self) -> bool {
        let mut inner = self.inner.borrow_mut();
        match &mut inner.writes_left {
            Some(0) => false,
            Some(left) => {
                *left -= 1;
                true
            }
            None => true,
        }
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.inner.borrow().items.get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Full> {
        if !self.may_write() {
            return Ok(());
        }
        let mut inner = self.inner.borrow_mut();
        if let Some(quota) = inner.quota {
            let others: usize = inner.items.iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum();
            if others + key.len() + value.len() > quota {
                return Err(Full);
            }
        }
        inner.items.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        if self.may_write() {
            self.inner.borrow_mut().items.remove(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        self.inner.borrow().items.keys().cloned().collect()
    }
}
