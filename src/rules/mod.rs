//! The pure domain of Certlink: the Partner Center linking system of the
//! source article, numbered R1-R16 and D1-D7 in `docs/rules.md`.
//!
//! Architecture invariant: nothing here knows about the browser. No leptos,
//! web-sys, gloo or wasm-bindgen; "now" is always an input (D1).
//!
//! Shape: commands are functions from (state, actor, now, input) to events
//! or a typed [`Refusal`] naming its rule (D3); the [`State`] is the fold of
//! its events ([`State::apply`]), so the audit trail (D4) replays to the
//! same state. [`Scenario`] ties them: it decides, applies and records.
//!
//! One file per topic, named after the source's words:
//! - [`model`]: organisations, work accounts, MCID profiles, Partner
//!   University accounts, links, the state and its invariants.
//! - [`clock`]: the scenario clock (D1).
//! - [`credentials`]: salted password hashes (D2).
//! - [`profile`]: sign in (R5), Partner University access (R6, R7), link an
//!   MCID (R8, R9), unlink (R11), the automatic unlink (R4, R12), privacy
//!   (R10).
//! - [`limit`]: the yearly limit on associations (R15, D6).
//! - [`users`]: invitations (R14), account deletion and removal from the
//!   skills report (R13).
//! - [`reports`]: the skills report with its latency (R2, R6, D7) and
//!   competency status (R3).
//! - [`support`]: support routing and tickets (R16).
//! - [`command`]: every command as one enum, for replay, trainers and tests.
//! - [`audit`]: events, actors, and the audit trail's filters (D4).
//! - [`range`]: the one range of every value that enters (D1 dates, D4
//!   texts, D6 limit numbers), checked where it enters.
//! - [`setup`]: the trainer's setup of a scenario, as the scenario editor
//!   makes it (D4).
//! - [`refusal`]: the typed refusals and the rule each cites.
//! - [`demo`]: the built-in demo scenario (Contoso and Fabrikam).

pub mod audit;
pub mod clock;
pub mod command;
pub mod credentials;
pub mod demo;
pub mod limit;
pub mod model;
pub mod profile;
pub mod range;
pub mod refusal;
pub mod reports;
pub mod scenario;
pub mod setup;
pub mod support;
pub mod users;

pub use audit::{Actor, Event, EventKind};
pub use clock::{ScenarioClock, Time};
pub use command::Command;
pub use model::*;
pub use refusal::{Refusal, Rule};
pub use scenario::Scenario;

/// `text` in lower case, without the accents of French and with one
/// apostrophe: for a search, and for alphabetical order ("Élodie"
/// among the E, "de Vries" among the D).
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.to_lowercase().chars() {
        match c {
            '’' | '‘' | 'ʼ' => out.push('\''),
            'à' | 'â' | 'ä' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' => out.push('i'),
            'ô' | 'ö' => out.push('o'),
            'ù' | 'û' | 'ü' => out.push('u'),
            'ç' => out.push('c'),
            'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            c => out.push(c),
        }
    }
    out
}

/// The positions `0..len` in the order `cmp` gives, stably. Every order
/// Certlink sorts (the report's two, the save engine's numbered keys) goes
/// through this one sort, so that the WebAssembly holds one sort's code,
/// not one per order.
pub fn in_order(len: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}
