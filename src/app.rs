//! The shell: header (product name, navigation, who is signed in, language
//! switch, the blue My Profile icon button), the routed main region and the
//! footer, the storage banner and notices, and `later`, which draws the
//! `later` file's parts. It provides the [`Ctx`] every view reads through
//! context (made by `main.rs`, or here when absent).

pub mod home;
pub mod not_found;
pub mod not_loaded;
pub mod storage_banner;

use crate::i18n::reactive::tr;
use crate::i18n::{t, Lang, Text};
use crate::lazy::File;
use crate::route::Route;
use crate::session::{use_ctx, Ctx};
use crate::tours::TourAt;
use crate::ui::{effect, handler, live, When};
use crate::views::{self, LaterView};
use home::Home;
use leptos::prelude::*;
use not_found::NotFound;
use not_loaded::NotLoaded;
use storage_banner::StorageBanner;
use wasm_bindgen::JsCast;

/// The whole app. `main.rs` makes its context, then draws the app's frame
/// (banners, footer), its header and its page, each in a task of its own,
/// so that the start is no long task: most of each part's time
/// is the browser compiling, on first use, the code that draws it. Without
/// them (the browser tests) it does all at once.
#[component]
pub fn App(
    /// The session, made beforehand; made here when absent.
    #[prop(optional)]
    ctx: Option<Ctx>,
    /// False while the header is held back; true when absent.
    #[prop(optional, into)]
    header_ready: Option<Signal<bool>>,
    /// False while the routed page is held back; true when absent.
    #[prop(optional, into)]
    page_ready: Option<Signal<bool>>,
) -> impl IntoView {
    let ctx = ctx.unwrap_or_else(|| Ctx::new(crate::prefs::initial_lang(), Route::current()));
    let header_ready = header_ready.unwrap_or(Signal::stored(true));
    let page_ready = page_ready.unwrap_or(Signal::stored(true));
    provide_context(ctx);
    provide_context(ctx.lang);
    // A shared or reloaded address with a guided tour's step resumes it;
    // so does one pasted here later, or history moving between steps.
    let follow_tour = move || {
        if let Some(at) = TourAt::from_hash(&leptos::prelude::location_hash().unwrap_or_default()) {
            ctx.resume_tour(at);
        }
    };
    follow_tour();
    // The root lives as long as the page, so the listener is never removed.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        // The same page again (the app's own `go`) is not drawn again: that
        // would replace the control the keyboard is on. Another page (a
        // link followed, history) takes the keyboard to its heading, which
        // says where the person now is (an FAQ question's own, which it
        // scrolls to); a link left focused would be gone with its page, or
        // say nothing of the new one.
        let route = Route::current();
        if route != ctx.route.get_untracked() {
            let heading = match &route {
                Route::Faq(Some(entry)) => format!("#{}-q", entry.slug()),
                _ => crate::ui::PAGE_HEADING.to_string(),
            };
            ctx.route.set(route);
            crate::ui::hand_keyboard_to(ctx, heading);
        }
        follow_tour();
    });
    // Another tab saved: take its scenario (the event never fires in the
    // tab that wrote). A save writes one key, the document, which names
    // its writer; `take_newer_save` reads it. An event with no key is a
    // page of this origin clearing the storage: the save and the library
    // may both be gone, and a save gone is written again at once.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key();
        if key.as_deref().is_none_or(|key| ctx.is_scenario_key(key)) {
            ctx.take_newer_save();
        }
        if key.as_deref().is_none_or(|key| ctx.is_library_key(key)) {
            ctx.library_changed_elsewhere();
        }
    });
    // A save another tab wrote while this one started (before the listener
    // was there) is taken now, not at the next change.
    ctx.take_newer_save();
    // A change this page alone holds (being saved, said not saved, kept
    // aside for a case), or text typed in a form and not sent, is lost
    // with the page: leaving then asks first.
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if ctx.holds_change_not_saved() || crate::session::typed_unsent() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });

    prefetch_on_intent(ctx);

    // Trainer mode's shortcut, Alt+Shift+T, from anywhere on the page.
    // From the keyboard, the keyboard goes to the panel it opened, once
    // the panel is drawn (its code may still be on its way: `LaterView`).
    let focus_panel = RwSignal::new(false);
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key() && ev.shift_key() && ev.code() == "KeyT" {
            ev.prevent_default();
            ctx.trainer_open.update(|open| *open = !*open);
            focus_panel.set(ctx.trainer_open.get_untracked());
            // Closed from inside, the panel hands the keyboard to its toggle.
            let inside = document().active_element().and_then(|active| active.closest("#trainer-panel").ok().flatten());
            if inside.is_some() && !ctx.trainer_open.get_untracked() {
                crate::ui::hand_keyboard_to(ctx, ".trainer-toggle");
            }
        }
    });
    // `?embed=1`: inside an intranet's iframe, the page around it already
    // says what this is, so the brand and the footer step aside.
    if crate::prefs::address_param("embed").as_deref() == Some("1") {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embed");
        }
    }
    // Presenter mode: larger text everywhere, for projectors. It and the
    // panel's being open survive a reload of the tab.
    effect(move || {
        let on = ctx.presenter.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("presenter", on);
        }
        crate::session::remember_trainer(ctx.trainer_open.get(), on);
    });

    // `<html lang>` follows the language so screen readers pronounce it right.
    effect(move || {
        let lang = ctx.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        crate::prefs::save_lang(lang);
    });

    view! {
        <When when=header_ready>
            <Header />
        </When>
        <When when=ctx.trainer_open>
            {later(LaterView::TrainerPanel(focus_panel))}
        </When>
        <StorageBanner />
        // Another tab's save taken: said here, with what it changed (a
        // later part, which words it), in a status region on the page
        // before it.
        <div role="status">
            <When when=Signal::derive(move || ctx.updated_elsewhere.with(Option::is_some))>
                <div class="banner info">
                    <p>{tr(ctx.lang, Text::UpdatedElsewhere)} " " {later(LaterView::WhatChanged)}</p>
                    <button class="button" on:click=handler(move |_| {
                        ctx.updated_elsewhere.set(None);
                        crate::ui::hand_keyboard_to(ctx, crate::ui::PAGE_HEADING);
                    })>
                        {tr(ctx.lang, Text::Dismiss)}
                    </button>
                </div>
            </When>
        </div>
        // Said in a status region on the page before it.
        <div role="status">
            <When when=ctx.in_case>
                {later(LaterView::CaseBanner)}
            </When>
        </div>
        <main id="main" class="page">
            {live(move || page_ready.get().then(|| {
                request_animation_frame(show_current_tab);
                page(ctx.route.get())
            }))}
        </main>
        <Footer />
        // A tour starts once the page is drawn and shown: it looks for its
        // control there, and its dialog takes the keyboard (a hidden page,
        // as main.rs holds it while starting, cannot take it).
        <When when=Signal::derive(move || page_ready.get() && ctx.tour.with(Option::is_some))>
            {later(LaterView::TourOverlay)}
        </When>
    }
}

/// The language the person reads, from the shell's context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

#[component]
fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <header class="topbar">
            <a class="brand" href=Route::Home.href()>
                <span class="brand-name">"Certlink"</span>
                <span class="brand-tagline">{tr(lang, Text::Tagline)}</span>
            </a>
            <div class="topbar-end">
                <Who />
                <button
                    class="link-button trainer-toggle"
                    aria-expanded=move || ctx.trainer_open.get().to_string()
                    aria-controls="trainer-panel"
                    aria-keyshortcuts="Alt+Shift+T"
                    title=move || lang.get().pick("Alt+Shift+T", "Alt+Maj+T")
                    on:click=handler(move |_| ctx.trainer_open.update(|open| *open = !*open))
                >
                    {tr(lang, Text::TrainerToggle)}
                </button>
                <LanguageSwitch />
                <a
                    class="profile-button"
                    data-tour="profile-button"
                    href=Route::Profile.href()
                    aria-label=tr(lang, Text::MyProfile)
                    title=tr(lang, Text::MyProfile)
                >
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <circle cx="12" cy="8.5" r="4" />
                        <path d="M4 20.5c0-4.1 3.6-6.5 8-6.5s8 2.4 8 6.5" />
                    </svg>
                </a>
            </div>
        </header>
        <Nav />
    }
}

/// The signed-in person and organisation, always visible, or a sign-in link.
#[component]
fn Who() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    live(move || match ctx.account() {
        Some(account) => {
            let org = ctx.with_state(|s| s.organisation(&account.org).map(|o| o.name.clone())).unwrap_or_default();
            view! {
                <div class="who">
                    <span class="who-name">{account.display_name.clone()}</span>
                    <span class="who-org">{org}</span>
                    <button
                        class="link-button"
                        on:click=handler(move |_| {
                            ctx.sign_out();
                            ctx.go(Route::SignIn);
                            crate::ui::hand_keyboard_to(ctx, crate::ui::PAGE_HEADING);
                        })
                    >
                        {tr(lang, Text::SignOut)}
                    </button>
                </div>
            }
            .into_any()
        }
        None => view! {
            <a class="who sign-in-link" href=Route::SignIn.href()>
                {tr(lang, Text::SignIn)}
            </a>
        }
        .into_any(),
    })
}

/// The page a route names. Home (and the page for an unknown address) are
/// in the WebAssembly the page starts with; the others, sign in and My
/// Profile too, are [`LaterView`]s.
fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home /> }.into_any(),
        Route::NotFound(_) => view! { <NotFound /> }.into_any(),
        route => later(LaterView::Page(route)),
    }
}

/// Whether [`page`] draws this route from the `later` file.
pub fn is_later(route: &Route) -> bool {
    !matches!(route, Route::Home | Route::NotFound(_))
}

/// Draws a part of the lazily loaded `later` file: at once once the file
/// is here; the first time, after its fetch, saying meanwhile that it is
/// loading; or, when the fetch failed, a message with a button that
/// fetches again. What the start left for later (the demo data, a tour's
/// case: `session::demo`) is done first.
fn later(part: LaterView) -> AnyView {
    let lang = use_lang();
    let attempt = RwSignal::new(0_u32);
    let page = matches!(part, LaterView::Page(_));
    let quiet = matches!(part, LaterView::WhatChanged);
    // The case notice is drawn inside a status region of its own, which
    // says its "Loading…" too: one region inside another is said twice.
    let in_a_status = matches!(part, LaterView::CaseBanner);
    let fetching = RwSignal::new(!quiet);
    let ctx = use_ctx();
    let drawn = live(move || {
        attempt.track();
        let drawn = views::draw(part.clone());
        Suspend::new(async move {
            // Never drawn on a stand-in for a save still being read.
            let read = send_wrapper::SendWrapper::new(ctx.stand_in_replaced()).await.is_ok();
            send_wrapper::SendWrapper::new(ctx.prepare_later()).await;
            let view = match (read, drawn.await) {
                (true, Ok(view)) => view,
                _ if quiet => ().into_any(),
                _ => view! { <NotLoaded attempt page /> }.into_any(),
            };
            fetching.set(false);
            view
        })
        .into_any()
    });
    // Leptos's <Suspense> would say so too, but brings its own code into the
    // first load (docs/performance.md).
    // The status region is there before its message, as screen readers
    // say only what changes inside one.
    view! {
        <div role=(!in_a_status).then_some("status")>
            <When when=fetching>
                <p class="fetching">{tr(lang, Text::Fetching)}</p>
            </When>
        </div>
        {drawn}
    }
    .into_any()
}

/// Starts fetching the `later` file, if it is not here yet, so that the
/// page the person is about to open does not wait for it: `main` calls
/// this at the start when the address is a later page, and
/// [`prefetch_on_intent`] when a pointer or the keyboard reaches a link
/// or button.
pub fn prefetch_later() {
    File::Later.prefetch(views::fetch_later());
}

/// The first time a pointer comes over a link or a button, or the keyboard
/// reaches one, the `later` file is fetched, and the demo data a start
/// left for later is built: by the click, both are done (a pointer is over
/// a link some 100 ms or more before its click). Lighthouse does neither,
/// so the first load it measures is the first file alone.
fn prefetch_on_intent(ctx: Ctx) {
    let handles = StoredValue::new(Vec::<WindowListenerHandle>::new());
    let listen = |name| {
        window_event_listener_untyped(name, move |ev| {
            let towards = ev.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok());
            if towards.is_some_and(|element| element.closest("a[href], button").ok().flatten().is_some()) {
                prefetch_later();
                leptos::task::spawn_local(ctx.prepare_later());
                handles.update_value(|handles| handles.drain(..).for_each(WindowListenerHandle::remove));
            }
        })
    };
    handles.set_value(vec![listen("pointerover"), listen("focusin")]);
}

/// On a narrow screen the navigation scrolls sideways: the current page's
/// tab is brought into it (a deep link to Your data, a tour's step) without
/// moving the page itself. Called once each page is drawn.
fn show_current_tab() {
    let Ok(Some(current)) = document().query_selector(".nav [aria-current=page]") else { return };
    let Some(nav) = current.closest(".nav").ok().flatten() else { return };
    let (outer, inner) = (nav.get_bounding_client_rect(), current.get_bounding_client_rect());
    let by = if inner.left() < outer.left() {
        inner.left() - outer.left()
    } else {
        (inner.right() - outer.right()).max(0.0)
    };
    nav.set_scroll_left(nav.scroll_left() + by as i32);
}

#[component]
fn Nav() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let link = move |route: Route, text: Text| {
        let href = route.href();
        let current = move || {
            let here = ctx.route.get();
            let same = here == route
                || matches!((&here, &route), (Route::Faq(_), Route::Faq(_)) | (Route::Handout(_), Route::Practice));
            same.then_some("page")
        };
        view! {
            <li>
                <a href=href aria-current=current>
                    {live(move || t(lang.get(), text))}
                </a>
            </li>
        }
    };
    view! {
        <nav class="nav" aria-label=tr(lang, Text::MainNavigation)>
            <ul>
                {link(Route::Home, Text::NavHome)}
                {link(Route::Profile, Text::NavProfile)}
                {link(Route::SkillsReport, Text::NavSkillsReport)}
                {link(Route::Competency, Text::NavCompetency)}
                {link(Route::Users, Text::NavUsers)}
                {link(Route::Faq(None), Text::NavFaq)}
                {link(Route::Support, Text::NavSupport)}
                {link(Route::Practice, Text::NavPractice)}
                {link(Route::Data, Text::NavData)}
            </ul>
        </nav>
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
            <span class="lang-label">{tr(lang, Text::LanguageLabel)}</span>
            <select on:change=handler(on_change) prop:value=move || lang.get().code()>
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
            <p>{tr(lang, Text::FooterNote)}</p>
        </footer>
    }
}
