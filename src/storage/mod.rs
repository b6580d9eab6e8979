//! The stored and exported document and its text forms. [`document`] is
//! pure (tested natively): the format, its schema versions and its
//! validation; [`json`] the codec and [`base64`] its text form of bytes.
//! A large scenario (10,000 people) is stored as a part [`pack`]ed by the
//! browser's deflate and a head of the events since, so a change rewrites
//! only the head. What is written where, and when, is the save engine's
//! (`crate::save`); localStorage is `session::local`.

pub mod base64;
pub mod document;
pub mod json;
pub mod pack;
