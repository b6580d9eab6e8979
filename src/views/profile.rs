//! My Profile (R5-R12, R15): the Your Learning field (Partner University
//! access), the Microsoft exams and certifications field (associate a
//! Microsoft Learning account, or remove access), and the yearly limit.

use crate::i18n::pages::{page_text, pr, PageText};
use crate::i18n::reactive::{qt, tr};
use crate::i18n::source::Source;
use crate::i18n::{format_date, Text};
use crate::rules::profile::{profile_limit, same_credentials_profile};
use crate::rules::refusal::{Field as RefusedField, Refusal};
use crate::rules::{AccountId, Command};
use crate::session::use_ctx;
use crate::ui::{escape_cancels, hand_keyboard_to, handler, live, When};
use crate::views::common::{
    execute_handing_keyboard_to, mark_refused, Field, Outcome, OutcomeMessage, SignInPrompt, SourceQuote,
};
use leptos::prelude::*;

#[component]
pub fn Profile() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <h1>{pr(lang, PageText::ProfileHeading)}</h1>
        {live(move || match ctx.session.get() {
            None => {
                view! {
                    <SignInPrompt />
                    <ProfileHelp />
                }
                    .into_any()
            }
            Some(id) => {
                view! {
                    <Identity id=id.clone() />
                    <YourLearning id=id.clone() />
                    <ExamsAndCertifications id=id.clone() />
                    <YearlyLimit id=id />
                }
                    .into_any()
            }
        })}
    }
}

/// Who is signed in, and where.
#[component]
fn Identity(id: AccountId) -> impl IntoView {
    let ctx = use_ctx();
    let details = live(move || {
        ctx.with_state(|s| {
            s.account(&id)
                .map(|a| {
                    let org = s.organisation(&a.org).map(|o| o.name.clone()).unwrap_or_default();
                    format!("{} · {} · {}", a.display_name, a.id, org)
                })
                .unwrap_or_default()
        })
    });
    view! { <p class="identity">{details}</p> }
}

/// The Your Learning field: Partner University access (R6, R7).
#[component]
fn YourLearning(id: AccountId) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let outcome = RwSignal::new(None::<Outcome>);
    let since = {
        let id = id.clone();
        Memo::new(move |_| ctx.with_state(|s| s.account(&id).and_then(|a| a.partner_university_since)))
    };
    let get = {
        let id = id.clone();
        move |_| {
            outcome.set(Some(execute_handing_keyboard_to(
                ctx,
                Command::GetPartnerUniversityAccess { account: id.clone() },
                "#your-learning",
            )))
        }
    };
    let remove = move |_| {
        outcome.set(Some(execute_handing_keyboard_to(
            ctx,
            Command::RemovePartnerUniversityAccess { account: id.clone() },
            "#your-learning",
        )))
    };
    view! {
        <section class="card field" aria-labelledby="your-learning">
            <h2 id="your-learning" tabindex="-1">{pr(lang, PageText::YourLearning)}</h2>
            {live(move || match since.get() {
                None => {
                    view! {
                        <p>{pr(lang, PageText::NoPartnerUniversityAccess)}</p>
                        <button class="button primary" data-tour="get-pu-access" on:click=handler(get.clone())>
                            {pr(lang, PageText::GetPartnerUniversityAccess)}
                        </button>
                    }
                        .into_any()
                }
                Some(at) => {
                    view! {
                        <p data-tour="pu-since">
                            {live(move || {
                                crate::i18n::partner_university_since(lang.get(), &format_date(lang.get(), at))
                            })}
                        </p>
                        <SourceQuote sentences=&[
                            Source::PuStep3Associated,
                            Source::PuStep3Within72h,
                            Source::PuStep3NewlyPassed,
                        ] />
                        <button
                            class="button"
                            data-tour="remove-pu-access"
                            on:click=handler(remove.clone())
                            aria-label=pr(lang, PageText::RemovePuAccessLabel)
                        >
                            {pr(lang, PageText::RemoveAccess)}
                        </button>
                    }
                        .into_any()
                }
            })}
            <OutcomeMessage outcome=outcome />
        </section>
    }
}

/// The Microsoft exams and certifications field (R8, R9, R11, R12).
#[component]
fn ExamsAndCertifications(id: AccountId) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let outcome = RwSignal::new(None::<Outcome>);
    // A memo: another tab's save taken redraws the field only when the
    // link itself changed, so a form being filled in keeps what was typed.
    let linked = {
        let id = id.clone();
        Memo::new(move |_| ctx.with_state(|s| s.account(&id).and_then(|a| a.linked_mcid.clone())))
    };
    view! {
        <section class="card field" aria-labelledby="exams" data-tour="exams">
            <h2 id="exams" tabindex="-1">{pr(lang, PageText::ExamsAndCertifications)}</h2>
            {live(move || match linked.get() {
                Some(mcid) => view! { <LinkedMcid id=id.clone() mcid=mcid outcome=outcome /> }.into_any(),
                None => view! { <Associate id=id.clone() outcome=outcome /> }.into_any(),
            })}
            <div id="exams-outcome">
                <OutcomeMessage outcome=outcome />
            </div>
        </section>
    }
}

/// The linked MCID, its exams and certifications, and Remove access (R11).
#[component]
fn LinkedMcid(id: AccountId, mcid: crate::rules::McidId, outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let credentials = {
        let mcid = mcid.clone();
        move || ctx.with_state(|s| s.profile(&mcid).map(|p| p.credentials.clone()).unwrap_or_default())
    };
    let remove = move |_| {
        outcome.set(Some(execute_handing_keyboard_to(ctx, Command::RemoveAccess { account: id.clone() }, "#exams")))
    };
    let mcid_shown = mcid.to_string();
    view! {
        <p data-tour="linked-mcid">
            {pr(lang, PageText::LinkedMcid)} " " <strong class="mcid">{mcid.to_string()}</strong>
        </p>
        <ul class="credentials">
            {live(move || {
                credentials()
                    .into_iter()
                    .map(|c| {
                        let line = live(move || {
                            crate::i18n::credential_line(lang.get(), &c.code, &c.title, &format_date(lang.get(), c.passed_on))
                        });
                        view! { <li>{line}</li> }
                    })
                    .collect_view()
                    .into_any()
            })}
        </ul>
        // Named apart from Partner University's Remove access, on the same
        // page for someone who has both.
        <button
            class="button"
            data-tour="remove-access"
            on:click=handler(remove)
            aria-label=move || crate::i18n::remove_mcid_label(lang.get(), &mcid_shown)
        >
            {pr(lang, PageText::RemoveAccess)}
        </button>
    }
}

/// Associate Microsoft Learning account: the prompt for the MCID's
/// credentials (R8), and the same-credentials shortcut when it applies (R9).
#[component]
fn Associate(id: AccountId, outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let prompting = RwSignal::new(false);
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let shortcut_email = {
        let id = id.clone();
        move || {
            ctx.with_state(|s| s.account(&id).and_then(|a| same_credentials_profile(s, a).map(|_| a.id.to_string())))
        }
    };
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let command = Command::LinkMcid {
                account: id.clone(),
                username: username.get_untracked(),
                password: password.get_untracked(),
            };
            let result = execute_handing_keyboard_to(ctx, command, "#exams");
            // The field to change is marked, described by the refusal, and
            // has the keyboard.
            let field: &[&str] = match &result {
                Outcome::Done(_) => {
                    prompting.set(false);
                    &[]
                }
                Outcome::Refused(Refusal::TextRequired { field: RefusedField::LearningUsername }) => &["mcid-username"],
                Outcome::Refused(Refusal::TextRequired { field: RefusedField::LearningPassword })
                | Outcome::Refused(Refusal::WrongMcidCredentials) => &["mcid-password"],
                Outcome::Refused(_) => &[],
            };
            mark_refused("[data-tour=\"mcid-form\"]", "exams-outcome", field);
            // A password the rules looked at is not kept in the form; one
            // beside an empty username was not looked at.
            if !matches!(result, Outcome::Refused(Refusal::TextRequired { field: RefusedField::LearningUsername })) {
                password.set(String::new());
            }
            outcome.set(Some(result));
        }
    };
    let shortcut = move |_| {
        outcome.set(Some(execute_handing_keyboard_to(
            ctx,
            Command::LinkMcidWithSameCredentials { account: id.clone() },
            "#exams",
        )))
    };
    let prompt = move |open: bool| {
        prompting.set(open);
        if !open {
            // Cancelled: no password left in the form, no answer to it.
            password.set(String::new());
            outcome.set(None);
        }
        hand_keyboard_to(ctx, if open { "[name=mcid-username]" } else { "#associate" });
    };
    view! {
        <p>{pr(lang, PageText::NoMcidLinked)}</p>
        {live(move || {
            shortcut_email()
                .map(|email| {
                    view! {
                        <button class="button primary" data-tour="same-credentials" on:click=handler(shortcut.clone())>
                            {live(move || crate::i18n::use_email_to_associate(lang.get(), &email))}
                        </button>
                    }
                        .into_any()
                })
                .into_any()
        })}
        <When
            when=prompting
            fallback=move || {
                view! {
                    <button class="button" id="associate" data-tour="associate" on:click=handler(move |_| prompt(true))>
                        {pr(lang, PageText::AssociateMicrosoftLearningAccount)}
                    </button>
                }
            }
        >
            // The rules check the fields (R8), in the page's language.
            <form class="form" novalidate on:submit=handler(submit.clone()) on:keydown=escape_cancels(move || prompt(false))>
                <p>{qt(lang, Source::MlStep3)}</p>
                // A guided tour points at the fields and buttons only: its
                // dialog quotes the sentence above, and on a phone both fit.
                <div class="form" data-tour="mcid-form">
                <Field
                    label=Text::MicrosoftLearningUsername
                    name="mcid-username"
                    kind="email"
                    autocomplete="off"
                    required=true
                    value=username
                />
                <Field
                    label=Text::MicrosoftLearningPassword
                    name="mcid-password"
                    kind="password"
                    autocomplete="off"
                    required=true
                    value=password
                />
                <div class="actions">
                    <button type="submit" class="button primary">
                        {pr(lang, PageText::Associate)}
                    </button>
                    <button type="button" class="button" on:click=handler(move |_| prompt(false))>
                        {pr(lang, PageText::Cancel)}
                    </button>
                </div>
                </div>
            </form>
        </When>
    }
}

/// The yearly limit (R15, D6): associations counted and the next date.
#[component]
fn YearlyLimit(id: AccountId) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let status = move || ctx.with_state(|s| profile_limit(s, &id, ctx.now()));
    view! {
        <section class="card field" aria-labelledby="yearly-limit" data-tour="yearly-limit">
            <h2 id="yearly-limit">{pr(lang, PageText::YearlyLimit)}</h2>
            <p>
                {live(move || {
                    let lang = lang.get();
                    match status() {
                        None => page_text(lang, PageText::NoAssociationYet).to_string(),
                        Some(status) => {
                            crate::i18n::limit_status(
                                lang,
                                status.used,
                                status.per_year,
                                status.next_allowed.map(|d| crate::i18n::dates::format_from(lang, d)),
                            )
                        }
                    }
                })}
            </p>
            <p class="note">
                {live(move || {
                    let limits = ctx.with_state(|s| s.data().limits);
                    crate::i18n::limit_explained(lang.get(), limits.per_year, limits.cool_off_days)
                })}
            </p>
        </section>
    }
}

/// The two procedures the article gives for this page, for people not
/// signed in yet.
#[component]
fn ProfileHelp() -> impl IntoView {
    let lang = use_ctx().lang;
    let q = move |sentence| qt(lang, sentence);
    view! {
        <p>{tr(lang, Text::ProfileIntro)}</p>
        <section class="card" aria-labelledby="pu-heading">
            <h2 id="pu-heading">{q(Source::PuHeading)}</h2>
            <SourceQuote sentences=&[Source::PuWorkAccount, Source::PuProcedure] />
            <ol class="source-steps">
                <li>{q(Source::PuStep1)}</li>
                <li>{q(Source::PuStep2)}</li>
                <li>{q(Source::PuStep3)}</li>
                <li>{q(Source::PuStep4)}</li>
            </ol>
        </section>
        <section class="card" aria-labelledby="ml-heading">
            <h2 id="ml-heading">{q(Source::MlHeading)}</h2>
            <SourceQuote sentences=&[Source::MlProcedure] />
            <ol class="source-steps">
                <li>{q(Source::MlStep1)}</li>
                <li>{q(Source::MlStep2)}</li>
                <li>{q(Source::MlStep3)}</li>
            </ol>
            <h3>{q(Source::NotesHeading)}</h3>
            <SourceQuote sentences=&[Source::MlSameCredentials] />
        </section>
    }
}
