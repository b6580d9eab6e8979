//! A part of Certlink whose code did not arrive (`views::LaterView`: a page,
//! the trainer panel or a tour): a clear message with the way forward,
//! never a blank.

use crate::app::use_lang;
use crate::i18n::reactive::tr;
use crate::i18n::Text;
use crate::route::Route;
use crate::ui::handler;
use leptos::prelude::*;

#[component]
pub fn NotLoaded(
    /// Counts the fetches; the button's increment fetches again.
    attempt: RwSignal<u32>,
    /// In place of a page: a page's heading and a way home. Otherwise (the
    /// trainer panel, a tour) a banner, as the storage's are.
    page: bool,
) -> impl IntoView {
    let lang = use_lang();
    let try_again = move || {
        view! {
            <button class="button" on:click=handler(move |_| attempt.update(|n| *n += 1))>
                {tr(lang, Text::TryAgain)}
            </button>
        }
    };
    if !page {
        return view! {
            <div class="banner" role="alert">
                <p>{tr(lang, Text::NotLoadedBody)}</p>
                {try_again()}
            </div>
        }
        .into_any();
    }
    view! {
        <h1>{tr(lang, Text::NotLoadedHeading)}</h1>
        <p role="alert">{tr(lang, Text::NotLoadedBody)}</p>
        <p>{try_again()}</p>
        <p>
            <a href=Route::Home.href()>{tr(lang, Text::BackHome)}</a>
        </p>
    }
    .into_any()
}
