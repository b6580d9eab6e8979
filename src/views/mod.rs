//! The pages and parts of the lazily loaded `later` file: every page but
//! home, the trainer panel, the tour overlay, and the notices of a
//! built-in case and of another tab's save. Views read the context, call
//! the rules and show their answers; they decide nothing themselves.
//!
//! The line between the first file and `later` is this directory: the
//! shell (`app`) draws what is here only through [`draw`], this
//! directory's one lazily loaded function ([`crate::lazy`]), and fetches the
//! file ahead through its loader, `fetch_later`, so the code of these
//! pages is in no other file. `tests/architecture.rs` holds it so.
//! The house view helpers they use are `crate::ui`'s.

pub mod common;
pub mod competency;
pub mod data;
pub mod editor;
pub mod faq;
pub mod library;
pub mod practice;
pub mod profile;
pub mod sign_in;
pub mod skills_report;
pub mod support;
pub mod timeline;
pub mod tour;
pub mod trainer;
pub mod users;

use crate::lazy::lazy_fn;
use crate::route::Route;
use leptos::prelude::*;

/// A part of the page drawn from the `later` file.
#[derive(Clone)]
pub enum LaterView {
    /// A page: any route but home and the page for an unknown address.
    Page(Route),
    /// The trainer panel, with whether it takes the keyboard when drawn.
    TrainerPanel(RwSignal<bool>),
    TourOverlay,
    /// The banner of a built-in case (the session's cases' space).
    CaseBanner,
    /// What another tab's save changed: drawn once the file is here, with
    /// no message meanwhile (the shell's notice says enough without it).
    WhatChanged,
}

lazy_fn!(
    later,
    loader fetch_later,
    /// Draws a part of the `later` file.
    pub fn draw(part: LaterView) -> AnyView {
        match part {
            LaterView::Page(route) => match route {
                Route::SkillsReport => view! { <skills_report::SkillsReport /> }.into_any(),
                Route::Competency => view! { <competency::Competency /> }.into_any(),
                Route::Users => view! { <users::Users /> }.into_any(),
                Route::Faq(entry) => view! { <faq::Faq selected=entry /> }.into_any(),
                Route::Support => view! { <support::Support /> }.into_any(),
                Route::Data => view! { <data::Data /> }.into_any(),
                Route::Timeline => view! { <timeline::Timeline /> }.into_any(),
                Route::SignIn => view! { <sign_in::SignIn /> }.into_any(),
                Route::Profile => view! { <profile::Profile /> }.into_any(),
                Route::Practice => view! { <practice::Practice /> }.into_any(),
                Route::Editor => view! { <editor::Editor /> }.into_any(),
                Route::Library => view! { <library::Library /> }.into_any(),
                Route::Handout(case) => view! { <practice::Handout case /> }.into_any(),
                // Never asked of this file (the shell draws them).
                Route::Home | Route::NotFound(_) => ().into_any(),
            },
            LaterView::TrainerPanel(focus) => view! { <trainer::TrainerPanel focus /> }.into_any(),
            LaterView::TourOverlay => view! { <tour::TourOverlay /> }.into_any(),
            LaterView::CaseBanner => view! { <data::CaseBanner /> }.into_any(),
            LaterView::WhatChanged => view! { <data::WhatChanged /> }.into_any(),
        }
    }
);
