//! The FAQ: six questions in Certlink's words, each answered with the
//! source's sentences verbatim, then support; searchable, and each entry
//! deep-linkable at `#/faq/<slug>`.

use crate::i18n::faq::FaqEntry;
use crate::i18n::pages::{page_text, pr, PageText};
use crate::i18n::reactive::{qt, tr};
use crate::i18n::source::{quote, Source};
use crate::i18n::{Lang, Text};
use crate::route::Route;
use crate::rules::demo::BuiltIn;
use crate::session::use_ctx;
use crate::ui::{effect, handler, live};
use crate::views::common::{Field, SourceQuote};
use leptos::prelude::*;

/// True when every word of `query` appears in the entry's text in `lang`,
/// whatever the case, the accents and the apostrophe typed (a keyboard's
/// ' for the text's ’).
pub fn matches(entry: FaqEntry, lang: Lang, query: &str) -> bool {
    let text = crate::rules::folded(
        &std::iter::once(entry.question(lang))
            .chain(entry.answer().iter().map(|&s| quote(lang, s)))
            .collect::<Vec<_>>()
            .join(" "),
    );
    crate::rules::folded(query).split_whitespace().all(|word| text.contains(word))
}

#[component]
pub fn Faq(selected: Option<FaqEntry>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let query = RwSignal::new(String::new());
    // A deep link scrolls its entry into view once the page is drawn.
    effect(move || {
        if let Some(entry) = selected {
            if let Some(el) = document().get_element_by_id(entry.slug()) {
                el.scroll_into_view();
            }
        }
    });
    let visible = move || {
        let lang = lang.get();
        let q = query.get();
        FaqEntry::ALL.into_iter().filter(|&e| matches(e, lang, &q)).collect::<Vec<_>>()
    };
    view! {
        <h1>{qt(lang, Source::FaqHeading)}</h1>
        <p id="show-me-help" class="sub">{pr(lang, PageText::ShowMeHelp)}</p>
        <div class="card search" role="search">
            <Field label=Text::SearchFaq name="search" kind="search" value=query />
        </div>
        // On the page before a search finds nothing, so that screen
        // readers say it when it does.
        <p role="status">
            {live(move || if visible().is_empty() { page_text(lang.get(), PageText::NoFaqMatch) } else { "" })}
        </p>
        {live(move || {
            visible()
                .into_iter()
                .map(|entry| view! { <FaqItem entry=entry selected=selected == Some(entry) /> })
                .collect_view()
                .into_any()
        })}
        <section class="card" aria-labelledby="next-steps">
            <h2 id="next-steps">{qt(lang, Source::NextSteps)}</h2>
            <ul>
                <li>
                    <a href=Route::Profile.href()>{tr(lang, Text::NavProfile)}</a>
                </li>
                <li>
                    <a href=Route::Support.href()>{tr(lang, Text::NavSupport)}</a>
                </li>
            </ul>
        </section>
    }
}

#[component]
fn FaqItem(entry: FaqEntry, selected: bool) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    // Each question's guided tour: the built-in scenario of its rule.
    let built_in = BuiltIn::ALL.into_iter().find(|b| b.rule() == entry.rule());
    let heading_id = format!("{}-q", entry.slug());
    let labelled_by = heading_id.clone();
    view! {
        <section
            class="card faq-entry"
            class:selected=selected
            id=entry.slug()
            aria-labelledby=labelled_by
        >
            <h2 id=heading_id>
                {live(move || {
                    if entry == FaqEntry::Support {
                        quote(lang.get(), Source::SupportHeading)
                    } else {
                        entry.question(lang.get())
                    }
                })}
            </h2>
            <SourceQuote sentences=entry.answer() />
            <p class="faq-links">
                {built_in.map(|b| {
                    view! {
                        <button
                            class="button"
                            id=format!("show-me-{}", entry.slug())
                            aria-describedby="show-me-help"
                            on:click=handler(move |_| ctx.start_tour(b))
                        >
                            {pr(lang, PageText::ShowMe)}
                        </button>
                    }
                })}
                <a href=Route::Faq(Some(entry)).href()>
                    {pr(lang, PageText::LinkToQuestion)} " (" {entry.rule().code()} ")"
                </a>
            </p>
        </section>
    }
}
