//! # Certlink
//!
//! A local-first Leptos app that reproduces and teaches the Partner Center
//! flow of linking or unlinking a Microsoft Certification profile ID (MCID)
//! to a partner organisation. The rules it follows are numbered R1-R16 and
//! D1-D7 in `docs/rules.md`; code, tests and refusals cite them.
//! `ARCHITECTURE.md` at the repository's root is the full map: entry
//! points, invariants, the three WebAssembly files, storage and tabs.
//!
//! ## Code map
//! - [`rules`]: the pure domain; commands give events or a typed
//!   [`rules::Refusal`] naming its rule. Tested natively.
//! - [`i18n`]: every sentence, English and French side by side; the
//!   article's own in [`i18n::source`]. Imports only the pure domain
//!   (`rules`, `practice`).
//! - [`storage`]: the stored and exported document, its JSON form, a large
//!   scenario's packed part.
//! - [`save`]: the save engine, plain Rust over a key-value trait; native
//!   tests play several tabs over one store.
//! - [`session`]: [`session::Ctx`], the context views read and the one
//!   place commands run and are saved, driving the engine with the browser.
//! - [`lazy`]: the lazily loaded WebAssembly files; the one module that
//!   knows the release build is split.
//! - [`app`]: the shell and home, in the first file.
//! - [`views`]: every other page, the trainer panel, the tour overlay and
//!   two notices, in the `later` file, drawn only through [`views::draw`].
//! - [`practice`]: practice mode's tasks, one per built-in case: goal and
//!   hints as values, the check of a scenario's outcome (any valid path
//!   passes), the score, the attempt under way, the progress over the nine
//!   cases and what a learning platform is told (SCORM 1.2). Pure like the
//!   rules, which is all it reads.
//! - [`ui`]: the house view helpers both share, and a document's problems
//!   worded.
//! - [`route`], [`tours`], [`prefs`], [`tasks`], [`download`]: hash routes,
//!   the guided tours as data, remembered preferences, long work cut into
//!   tasks, files to download.
//!
//! ## Invariants (held by `tests/architecture.rs` and the rules' tests)
//! - Nothing in `rules`, `save` or `practice` knows about the browser or reads the
//!   system time: "now" is always an input (D1).
//! - Arrows point one way, with no cycle: `i18n` imports only `rules` and
//!   `practice`; the
//!   shell names no later page.
//! - A refused command changes nothing; every refusal names its rule (D3).

pub mod app;
pub mod download;
pub mod i18n;
pub mod lazy;
pub mod practice;
pub mod prefs;
pub mod route;
pub mod rules;
pub mod save;
pub mod session;
pub mod storage;
pub mod tasks;
pub mod tours;
pub mod ui;
pub mod views;
