//! One file per page. Views read the context, call the rules and show their
//! answers; they decide nothing themselves.
//!
//! How a view is written, for the bundle's size: Leptos compiles
//! its rendering code once per closure type, so the live parts of a view
//! go through `common`'s boxed types, each compiled once: `live(move || ..)`
//! for a text or a view that follows signals (giving a `String`, a
//! `&'static str` or an `AnyView`), `handler(..)` for every `on:` event,
//! `<When>` instead of `<Show>`, `common::effect` instead of `Effect::new`,
//! and `i18n::reactive::{tr, qt}` for fixed wordings. Forgotten ones add
//! up, and the budget (`scripts/budget.mjs`) fails the build.

pub mod common;
pub mod competency;
pub mod data;
pub mod faq;
pub mod home;
pub mod not_found;
pub mod not_loaded;
pub mod profile;
pub mod sign_in;
pub mod skills_report;
pub mod support;
pub mod timeline;
pub mod tour;
pub mod trainer;
pub mod users;
