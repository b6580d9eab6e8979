//! Any hash Certlink does not know: a clear page, never a blank one.

use crate::app::use_lang;
use crate::i18n::reactive::tr;
use crate::i18n::Text;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{tr(lang, Text::NotFoundHeading)}</h1>
        <p>{tr(lang, Text::NotFoundBody)}</p>
        <p>
            <a href=Route::Home.href()>{tr(lang, Text::BackHome)}</a>
        </p>
    }
}
