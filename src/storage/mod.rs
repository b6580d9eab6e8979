//! Local-first storage: one versioned document in the browser's storage,
//! written after every change and restored on reload; export and import of
//! the same document as a file. [`document`] is pure (tested natively):
//! the format, its schema versions and its validation. [`local`] talks to
//! localStorage through gloo-storage, after probing that it is there.

pub mod base64;
pub mod document;
pub mod json;
pub mod local;
pub mod pack;
