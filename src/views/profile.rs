//! My Profile. Until the Partner Center views land, it shows the two
//! procedures the article gives for this page, quoted.

use crate::app::use_lang;
use crate::i18n::source::{quote, Source};
use crate::i18n::{t, Text};
use leptos::prelude::*;

#[component]
pub fn Profile() -> impl IntoView {
    let lang = use_lang();
    let q = move |sentence| move || quote(lang.get(), sentence);
    view! {
        <h1>{move || t(lang.get(), Text::ProfileHeading)}</h1>
        <p>{move || t(lang.get(), Text::ProfileIntro)}</p>
        <section class="card" aria-labelledby="pu-heading">
            <h2 id="pu-heading">{q(Source::PuHeading)}</h2>
            <ol>
                <li>{q(Source::PuStep1)}</li>
                <li>{q(Source::PuStep2)}</li>
                <li>{q(Source::PuStep3)}</li>
                <li>{q(Source::PuStep4)}</li>
            </ol>
        </section>
        <section class="card" aria-labelledby="ml-heading">
            <h2 id="ml-heading">{q(Source::MlHeading)}</h2>
            <ol>
                <li>{q(Source::MlStep1)}</li>
                <li>{q(Source::MlStep2)}</li>
                <li>{q(Source::MlStep3)}</li>
            </ol>
            <p class="note">{q(Source::MlSameCredentials)}</p>
        </section>
    }
}
