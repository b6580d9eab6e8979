//! Sign in with a work account (R5), with the demo accounts listed for a
//! one-click fill.

use crate::i18n::events::role_name;
use crate::i18n::source::Source;
use crate::i18n::Text;
use crate::route::Route;
use crate::rules::demo::{ACCOUNTS, WORK_PASSWORD};
use crate::rules::refusal::{Field as RefusedField, Refusal};
use crate::session::use_ctx;
use crate::ui::{hand_keyboard_to, handler, live, When, PAGE_HEADING};
use crate::views::common::{mark_refused, Field, Outcome, OutcomeMessage, SourceQuote};
use leptos::prelude::*;

#[component]
pub fn SignIn() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match ctx.sign_in(&email.get_untracked(), &password.get_untracked()) {
            Ok(_) => {
                let hash = leptos::prelude::location_hash().unwrap_or_default();
                ctx.go(Route::asked_before_sign_in(&hash).unwrap_or(Route::Profile));
                hand_keyboard_to(ctx, PAGE_HEADING);
            }
            Err(refusal) => {
                // The field to change is marked, described by the refusal,
                // and has the keyboard; a password the rules looked at is
                // not kept in the form.
                let field: &[&str] = match refusal {
                    Refusal::TextRequired { field: RefusedField::WorkPassword } => &["password"],
                    Refusal::WrongPassword => {
                        password.set(String::new());
                        &["password"]
                    }
                    Refusal::TextRequired { .. }
                    | Refusal::UnknownAccount { .. }
                    | Refusal::InvalidEmail { .. }
                    | Refusal::AccountDeleted { .. } => &["email"],
                    _ => &[],
                };
                mark_refused("#sign-in-form", "sign-in-outcome", field);
                outcome.set(Some(Outcome::Refused(refusal)));
            }
        }
    };
    // The demo accounts the scenario open has, active, with their
    // organisation as it is now: a scenario made in the editor, or one
    // another tab changed, may have some of them deleted, or none. Drawn
    // anew only when that list changes, not with every change of the
    // scenario (the keyboard may be on one of its buttons).
    let listed = Memo::new(move |_| {
        ACCOUNTS
            .iter()
            .filter_map(|demo| {
                let org = ctx.with_state(|s| {
                    let id = crate::rules::AccountId::from_email(demo.email);
                    let active = s.account(&id).is_some_and(|a| !a.is_deleted() && !a.is_invited());
                    active.then(|| s.organisation(&crate::rules::MpnId(demo.org.into())).map(|o| o.name.clone()))
                })?;
                Some((*demo, org.unwrap_or_default()))
            })
            .collect::<Vec<_>>()
    });
    let any_demo = Signal::derive(move || listed.with(|listed| !listed.is_empty()));
    let demo_accounts = move || {
        listed
            .get()
            .into_iter()
            .map(|(demo, org)| {
                let fill = move |_| {
                    email.set(demo.email.to_string());
                    password.set(WORK_PASSWORD.to_string());
                    outcome.set(None);
                };
                view! {
                    <li>
                        <button
                            type="button"
                            class="button"
                            on:click=handler(fill)
                            aria-label=move || crate::i18n::fill_demo_label(lang.get(), demo.email)
                        >
                            {demo.email}
                        </button>
                        <span>
                            {demo.name} " · " {org} " · " {live(move || role_name(lang.get(), demo.role))} " · "
                            {demo.shows.code()}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let tr = move |text| crate::i18n::reactive::tr(lang, text);
    view! {
        <h1>{tr(Text::SignInHeading)}</h1>
        <SourceQuote sentences=&[Source::PuSignInWorkAccount] />
        // The rules check the fields (R5), in the page's language; the
        // browser's own check would speak the browser's.
        <form class="card form" id="sign-in-form" novalidate on:submit=handler(submit)>
            <Field label=Text::WorkEmail name="email" kind="email" autocomplete="username" required=true value=email />
            <Field
                label=Text::Password
                name="password"
                kind="password"
                autocomplete="current-password"
                required=true
                value=password
            />
            <div id="sign-in-outcome">
                <OutcomeMessage outcome=outcome />
            </div>
            <button type="submit" class="button primary">
                {tr(Text::SignIn)}
            </button>
        </form>
        <When when=any_demo>
            <section aria-labelledby="demo-accounts">
                <h2 id="demo-accounts">{tr(Text::DemoAccounts)}</h2>
                <p>{live(move || crate::i18n::demo_passwords(lang.get()))}</p>
                <ul class="demo-accounts">{demo_accounts}</ul>
            </section>
        </When>
    }
}
