//! # Certlink
//!
//! A local-first Leptos app that reproduces and teaches the Partner Center
//! flow of linking or unlinking a Microsoft Certification profile ID (MCID)
//! to a partner organisation. The rules it follows are numbered R1-R16 and
//! D1-D7 in `docs/rules.md`; code, tests and refusals cite them.
//!
//! ## Code map
//! - [`rules`]: the pure domain. Organisations, work accounts, MCID
//!   profiles, links, the yearly limit, reports, support routing, the
//!   scenario clock and the audit trail. Commands take the state, the actor
//!   and "now", and return events or a typed [`rules::Refusal`] naming its
//!   rule. Tested natively with `cargo test`.
//! - [`i18n`]: every sentence a person reads, English and French side by
//!   side in exhaustive matches; the article's own sentences, verbatim, in
//!   [`i18n::source`]; dates worded per language.
//! - [`route`]: URL hash <-> [`route::Route`]; works on any static host.
//! - [`app`]: the shell (header, language switch, My Profile button, main,
//!   footer) and the context every view reads. Its `Later` parts (every
//!   page but home, the trainer panel, the tour overlay) are compiled, in
//!   the release build, into a second WebAssembly file, fetched when one
//!   is about to be shown (a pointer or the keyboard on a link or button).
//! - [`views`]: one file per page; they call the rules and show answers
//!   (`trainer` is the trainer panel, `timeline` the audit timeline, `data`
//!   export, import, reset and the storage banners).
//! - [`practice`]: practice mode's tasks, one per built-in scenario: the
//!   goal and hints as values, the check of a scenario's outcome (any
//!   valid path passes), the score, and the progress over the nine cases
//!   in a compact text for SCORM 1.2's `cmi.suspend_data`. Pure like
//!   [`rules`], which is all it reads.
//! - [`tours`]: the guided tours, one per built-in scenario: each step's
//!   page, control (`data-tour` name), the source's words, and what ends
//!   it; pure data, shown by `views::tour`.
//! - [`prefs`]: the remembered language and the address's parameters.
//! - [`session`]: the context every view reads (scenario, signed-in
//!   account, clock, language) and the one place commands run. It holds
//!   one [`save::Tab`] and drives it with the browser (`session::saving`);
//!   what reads a saved or imported text, `session::reader`, is a third
//!   WebAssembly file in the release build, which a returning visit
//!   awaits and a first visit fetches only when it has something to read;
//!   a start on the demo data leaves building it to the first later part
//!   drawn, in the `later` file (`session::demo`).
//! - [`save`]: the save engine, in plain Rust over a key-value trait:
//!   one scenario space's keys and checked writes (`save::store`), and one
//!   tab's side of saving and of taking other tabs' saves, with the
//!   start-up lifecycle (`save::tab`). Tested natively with several
//!   simulated tabs over one in-memory store.
//! - [`storage`]: the stored and exported document and its validation
//!   (`document`), its hand-written JSON form (`json`), and the packed
//!   part of a large scenario (`pack`: the browser's deflate, then
//!   `base64`). localStorage, as the engine's key-value store, is
//!   `session::local`.
//! - [`tasks`]: long work (the start, a large scenario's build, packing
//!   and reading) cut into the page's tasks, so that it answers input.
//!
//! ## Invariants
//! - Architecture invariant: nothing in `rules`, `save` or `practice`
//!   knows about the browser. They import no leptos, web-sys, gloo or
//!   wasm-bindgen (a native test reads their sources to keep it so), and
//!   never read the system time: "now" is always an input (D1).
//! - Arrows point one way: views -> rules, i18n; i18n -> rules; practice
//!   -> rules (and tours, at most). The rules import none of them.
//! - A refused command changes nothing; every refusal names its rule (D3).

pub mod app;
pub mod download;
pub mod i18n;
pub mod practice;
pub mod prefs;
pub mod route;
pub mod rules;
pub mod save;
pub mod session;
pub mod storage;
pub mod tasks;
pub mod tours;
pub mod views;
