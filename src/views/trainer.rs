//! The trainer panel: the scenario clock (D1), switching persona
//! in one click, marking an exam or assessment passed (D7), and large text
//! for projectors. It sits under the header, so the demo stays in view.

use crate::i18n::pages::{page_text, pr, PageText};
use crate::i18n::reactive::tr;
use crate::i18n::{built_in_loaded, built_in_name, clock_status, Text};
use crate::route::Route;
use crate::rules::audit::Holder;
use crate::rules::demo::BuiltIn;
use crate::rules::reports::PROOFS;
use crate::rules::{Actor, Command, Credential, ScenarioClock};
use crate::session::use_ctx;
use crate::tours::steps;
use crate::ui::{effect, handler, live, When};
use crate::views::common::Field;
use crate::views::common::{Choice, Outcome, OutcomeMessage};
use leptos::prelude::*;

#[component]
pub fn TrainerPanel(
    /// Set when the keyboard opened the panel: its first control takes the
    /// keyboard once drawn, and this is cleared.
    focus: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    if focus.get_untracked() {
        focus.set(false);
        request_animation_frame(|| {
            if let Ok(Some(first)) = document().query_selector("#trainer-panel select, #trainer-panel button") {
                // A select or a button: always an HTMLElement.
                let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&first).focus();
            }
        });
    }
    view! {
        <aside id="trainer-panel" class="trainer-panel" aria-label=pr(lang, PageText::TrainerPanelLabel)>
            <Scenarios />
            <Clock />
            <Persona />
            <Passed />
            <section class="trainer-tools">
                <label class="check">
                    <input type="checkbox" prop:checked=move || ctx.presenter.get() on:change=handler(move |_| ctx.presenter.update(|on| *on = !*on)) />
                    <span>{pr(lang, PageText::PresenterMode)}</span>
                </label>
                <a href=Route::Timeline.href()>{tr(lang, Text::NavTimeline)}</a>
                <a href=Route::Editor.href() id="open-editor">{pr(lang, PageText::EditorHeading)}</a>
            </section>
        </aside>
    }
}

/// The nine built-in scenarios (the FAQ's cases, Partner University access
/// and the same-credentials shortcut): load one, or load it again to start over.
#[component]
fn Scenarios() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let chosen = RwSignal::new(String::new());
    let loaded = RwSignal::new(None::<BuiltIn>);
    let options = Signal::derive(move || {
        let lang = lang.get();
        BuiltIn::ALL.iter().map(|&b| (b.rule().code().to_string(), built_in_name(lang, b))).collect()
    });
    let load = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(built_in) = BuiltIn::from_code(&chosen.get_untracked()) else { return };
        ctx.load_built_in(built_in);
        loaded.set(Some(built_in));
        // Where the case begins: its tour's first page.
        if let Some(first) = steps(built_in).first() {
            ctx.go(first.page.clone());
        }
    };
    let tour = move |_| {
        let Some(built_in) = BuiltIn::from_code(&chosen.get_untracked()) else { return };
        ctx.start_tour(built_in);
        loaded.set(Some(built_in));
    };
    // Said while the case is on screen: Back to my scenario leaves it.
    let message = move || {
        loaded.get().filter(|_| ctx.in_case.get()).map(|b| {
            let lang = lang.get();
            let text = built_in_loaded(lang, &built_in_name(lang, b), b.persona());
            view! { <p class="message done">{text}</p> }.into_any()
        })
    };
    view! {
        <section aria-labelledby="scenarios-heading">
            <h2 id="scenarios-heading">{pr(lang, PageText::ScenariosHeading)}</h2>
            <form class="inline-form" on:submit=handler(load)>
                <Choice label=Text::ScenarioLabel id="scenario" options value=chosen />
                <button type="submit" class="button">
                    {pr(lang, PageText::LoadScenario)}
                </button>
                <button type="button" class="button primary" id="start-tour" on:click=handler(tour)>
                    {pr(lang, PageText::StartTour)}
                </button>
            </form>
            // On the page before the message comes, so that screen readers say it.
            <div role="status">{live(message)}</div>
        </section>
    }
}

/// The scenario clock (D1): the reports and the yearly-limit date follow it.
#[component]
fn Clock() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let date = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let status = move || {
        let clock = ctx.clock.get();
        clock_status(lang.get(), ctx.now(), clock.is_real_time())
    };
    let set_date = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // An empty date is refused: the clock is never left as it was
        // without a word.
        let at = crate::views::common::entered_date("clock-date", &date.get_untracked())
            .unwrap_or(Err(crate::rules::Refusal::DateIncomplete));
        // The clock refuses a date out of range, or before the scenario's
        // last change (D1), and stays as it was: the refusal is shown,
        // nothing is remembered.
        let mut clock = ctx.clock.get_untracked();
        let moved =
            at.and_then(|at| clock.set(at, crate::session::real_now())).and_then(|()| ctx.set_clock(|c| *c = clock));
        outcome.set(moved.err().map(Outcome::Refused));
    };
    let move_clock = move |change: fn(&mut ScenarioClock)| {
        handler(move |_: leptos::ev::MouseEvent| outcome.set(ctx.set_clock(change).err().map(Outcome::Refused)))
    };
    view! {
        <section class="trainer-clock" aria-labelledby="clock-heading">
            <h2 id="clock-heading">{pr(lang, PageText::ClockHeading)}</h2>
            <p role="status">{live(status)}</p>
            <div class="actions">
                // The report's own windows (D7): each button moves past one.
                <button class="button" on:click=move_clock(|c| c.advance(crate::rules::reports::EXISTING_WITHIN))>
                    {pr(lang, PageText::Plus72Hours)}
                </button>
                <button class="button" on:click=move_clock(|c| c.advance(crate::rules::reports::NEWLY_PASSED_TO))>
                    {pr(lang, PageText::Plus10Days)}
                </button>
                <button class="button" on:click=move_clock(ScenarioClock::reset)>
                    {pr(lang, PageText::RealTime)}
                </button>
            </div>
            // The rules check the date (D1) and the panel words the refusal.
            <form class="inline-form" novalidate on:submit=handler(set_date)>
                <Field label=Text::ClockDate name="clock-date" kind="date" value=date required=true />
                <button type="submit" class="button">
                    {pr(lang, PageText::SetClockDate)}
                </button>
            </form>
            <OutcomeMessage outcome />
        </section>
    }
}

/// One click to be someone else of the scenario (the rules check who).
/// The list opens on who is signed in, marked so, and follows a sign-in
/// made elsewhere (the page, a tour, another persona).
#[component]
fn Persona() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let chosen = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    effect(move || {
        if let Some(id) = ctx.session.get() {
            chosen.set(id.to_string());
        }
    });
    let options = Signal::derive(move || {
        let signed_in = ctx.session.get();
        let mark = crate::i18n::keeping::kept(lang.get(), crate::i18n::keeping::Kept::SignedInMark);
        ctx.with_state(|s| {
            s.data()
                .accounts
                .values()
                .filter(|a| !a.is_deleted() && !a.is_invited())
                .map(|a| {
                    let text = match signed_in.as_ref() == Some(&a.id) {
                        true => format!("{} ({}) {mark}", a.display_name, a.id),
                        false => format!("{} ({})", a.display_name, a.id),
                    };
                    (a.id.to_string(), text)
                })
                .collect::<Vec<_>>()
        })
    });
    let switch = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match ctx.switch_persona(&chosen.get_untracked()) {
            Ok(_) => {
                outcome.set(None);
                ctx.go(Route::Profile);
            }
            Err(refusal) => outcome.set(Some(Outcome::Refused(refusal))),
        }
    };
    view! {
        <section aria-labelledby="persona-heading">
            <h2 id="persona-heading">{pr(lang, PageText::PersonaHeading)}</h2>
            <form class="inline-form" on:submit=handler(switch)>
                <Choice label=Text::PersonaLabel id="persona" options value=chosen />
                <button type="submit" class="button" prop:disabled=move || options.with(Vec::is_empty)>
                    {pr(lang, PageText::SwitchPersona)}
                </button>
            </form>
            // Nobody to play (an empty scenario): said, not refused later.
            <When when=Signal::derive(move || options.with(Vec::is_empty))>
                <p class="hint">{pr(lang, PageText::NoPersona)}</p>
            </When>
            <OutcomeMessage outcome />
        </section>
    }
}

/// D7: what the real system records elsewhere, done by the trainer.
#[component]
fn Passed() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let holder = RwSignal::new(String::new());
    let proof = RwSignal::new(PROOFS[0].0.to_string());
    let outcome = RwSignal::new(None::<Outcome>);
    let holders = Signal::derive(move || {
        let partner_university = page_text(lang.get(), PageText::PartnerUniversity);
        ctx.with_state(|s| {
            let mcids = s
                .data()
                .profiles
                .values()
                .map(|p| (format!("mcid:{}", p.mcid), format!("{} (MCID {})", p.holder_name, p.mcid)));
            let pu =
                s.data().partner_university.keys().map(|u| (format!("pu:{u}"), format!("{u} ({partner_university})")));
            mcids.chain(pu).collect::<Vec<_>>()
        })
    });
    let proofs = Signal::derive(|| {
        PROOFS.iter().map(|(code, title, _)| (code.to_string(), format!("{code} {title}"))).collect()
    });
    let mark = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = holder.get_untracked();
        let holder = match chosen.split_once(':') {
            Some(("pu", username)) => Holder::PartnerUniversity(username.to_string()),
            Some((_, mcid)) => Holder::Mcid(crate::rules::McidId(mcid.to_string())),
            None => Holder::Mcid(crate::rules::McidId(chosen)),
        };
        let code = proof.get_untracked();
        let Some(&(code, title, kind)) = PROOFS.iter().find(|(c, _, _)| *c == code) else { return };
        let credential = Credential { code: code.into(), title: title.into(), kind, passed_on: ctx.now() };
        outcome.set(Some(ctx.execute_as(&Actor::Trainer, Command::RecordPassed { holder, credential }).into()));
    };
    view! {
        <section aria-labelledby="passed-heading">
            <h2 id="passed-heading">{pr(lang, PageText::PassedHeading)}</h2>
            <form class="inline-form" on:submit=handler(mark)>
                <Choice label=Text::PassedWho id="passed-holder" options=holders value=holder />
                <Choice label=Text::PassedWhat id="passed-proof" options=proofs value=proof />
                <button type="submit" class="button">
                    {pr(lang, PageText::MarkPassed)}
                </button>
            </form>
            <OutcomeMessage outcome />
        </section>
    }
}
