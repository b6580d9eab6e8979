//! Any hash Certlink does not know: a clear page, never a blank one.

use crate::app::use_lang;
use crate::i18n::{t, Text};
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{move || t(lang.get(), Text::NotFoundHeading)}</h1>
        <p>{move || t(lang.get(), Text::NotFoundBody)}</p>
        <p>
            <a href=Route::Home.href()>{move || t(lang.get(), Text::BackHome)}</a>
        </p>
    }
}
