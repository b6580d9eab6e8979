//! Local-first storage: one versioned document in the browser's storage,
//! written after every change and restored on reload; export and import of
//! the same document as a file. [`document`] is pure (tested natively):
//! the format, its schema versions and its validation; [`json`] the codec
//! and [`base64`] its text form of bytes. [`local`] talks to localStorage
//! through gloo-storage, after probing that it is there. A large scenario
//! (10,000 people) is stored as a part [`pack`]ed by the browser's deflate
//! and a head of the events since, so a change rewrites only the head.

pub mod base64;
pub mod document;
pub mod json;
pub mod local;
pub mod pack;
