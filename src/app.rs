//! The shell: header (product name, language switch, the blue My Profile
//! icon button), the routed main region and the footer. It owns the two
//! signals every view reads through context: the language and the route.

use crate::i18n::{t, Lang, Text};
use crate::route::Route;
use crate::views;
use leptos::prelude::*;

/// The whole app, as `main.rs` mounts it.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(crate::prefs::initial_lang());
    provide_context(lang);

    let current = || Route::parse(&leptos::prelude::location_hash().unwrap_or_default());
    let route = RwSignal::new(current());
    // The root lives as long as the page, so the listener is never removed.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| route.set(current()));

    // `<html lang>` follows the language so screen readers pronounce it right.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        crate::prefs::save_lang(lang);
    });

    view! {
        <Header />
        <main id="main" class="page">
            {move || match route.get() {
                Route::Home => view! { <views::home::Home /> }.into_any(),
                Route::Profile => view! { <views::profile::Profile /> }.into_any(),
                Route::NotFound(_) => view! { <views::not_found::NotFound /> }.into_any(),
            }}
        </main>
        <Footer />
    }
}

/// The language the person reads, from the shell's context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

#[component]
fn Header() -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="topbar">
            <a class="brand" href=Route::Home.href()>
                <span class="brand-name">"Certlink"</span>
                <span class="brand-tagline">{move || t(lang.get(), Text::Tagline)}</span>
            </a>
            <div class="topbar-end">
                <LanguageSwitch />
                <a
                    class="profile-button"
                    href=Route::Profile.href()
                    aria-label=move || t(lang.get(), Text::MyProfile)
                    title=move || t(lang.get(), Text::MyProfile)
                >
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <circle cx="12" cy="8.5" r="4" />
                        <path d="M4 20.5c0-4.1 3.6-6.5 8-6.5s8 2.4 8 6.5" />
                    </svg>
                </a>
            </div>
        </header>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let on_change = move |ev| {
        if let Some(chosen) = Lang::from_code(&event_target_value(&ev)) {
            lang.set(chosen);
        }
    };
    view! {
        <label class="lang-switch">
            <span class="lang-label">{move || t(lang.get(), Text::LanguageLabel)}</span>
            <select on:change=on_change prop:value=move || lang.get().code()>
                {Lang::ALL
                    .into_iter()
                    .map(|option| {
                        view! {
                            <option value=option.code() lang=option.code()>
                                {option.endonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="footer">
            <p>{move || t(lang.get(), Text::FooterNote)}</p>
        </footer>
    }
}
