//! Local-first storage. [`document`] is the versioned document that is
//! stored and exported, its schema versions and its validation, and
//! [`json`] its hand-written JSON form: pure, and tested natively. The
//! browser side is not wired into the app yet.

pub mod document;
pub mod json;
