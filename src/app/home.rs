//! The home page: what Certlink is, and the article's own introduction.

use crate::app::use_lang;
use crate::i18n::source::Introduction;
use crate::i18n::Text;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    // The shared closures of i18n::reactive: one type for every sentence.
    let tr = move |text| crate::i18n::reactive::tr(lang, text);
    let q = move |sentence| crate::i18n::reactive::qi(lang, sentence);
    view! {
        <h1>{tr(Text::HomeHeading)}</h1>
        <p class="lead">{tr(Text::HomeIntro)}</p>
        <p>{tr(Text::HomeAudience)}</p>
        <p class="actions">
            <a class="button primary" href=Route::SignIn.href()>{tr(Text::SignIn)}</a>
            <a class="button" href=Route::Faq(None).href()>{tr(Text::NavFaq)}</a>
        </p>
        <section class="source-quote" aria-labelledby="home-source">
            <h2 id="home-source">{tr(Text::HomeSourceHeading)}</h2>
            <figure>
                <blockquote>
                    <p class="source-title">{q(Introduction::Title)}</p>
                    <p>
                        <strong>{q(Introduction::RolesHeading)}</strong>
                        {tr(Text::LabelSeparator)}
                        {q(Introduction::RolesAllUsers)}
                    </p>
                    <p>{q(Introduction::Intro)}</p>
                    <p>{q(Introduction::Competency)}</p>
                    <p>{q(Introduction::OneMembership)}</p>
                </blockquote>
                <figcaption>{tr(Text::SourceCaption)}</figcaption>
            </figure>
        </section>
    }
}
