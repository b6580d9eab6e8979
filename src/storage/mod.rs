//! Local-first storage. [`document`] is the versioned document that is
//! stored and exported, its schema versions and its validation: pure, and
//! tested natively. The browser side (localStorage through gloo-storage,
//! tabs, banners) is not wired into the app yet: see the closing note of
//! the storage issue for why (bundle size).

pub mod document;
