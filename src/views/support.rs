//! Support (R16): asks what the problem is and routes it. Problems the FAQ
//! answers go to its entry; linking or unlinking problems go to a Microsoft
//! support ticket; MCID merge questions go to Certification Support. The
//! ticket gathers the evidence the rules name, and tickets are listed.

use crate::i18n::faq::FaqEntry;
use crate::i18n::pages::{pr, PageText};
use crate::i18n::reactive::tr;
use crate::i18n::source::Source;
use crate::i18n::{format_date, Lang, Text};
use crate::route::Route;
use crate::rules::support::{route_support, Evidence, Problem, SupportRoute};
use crate::rules::{Command, Refusal};
use crate::session::use_ctx;
use crate::ui::{handler, live};
use crate::views::common::{mark_refused, Field, Outcome, OutcomeMessage, SignInPrompt, SourceQuote};
use leptos::prelude::*;

fn problem_label(lang: Lang, problem: Problem) -> &'static str {
    let (en, fr) = match problem {
        Problem::LinkingTechnical => {
            ("A technical problem linking my MCID", "Un problème technique pour lier mon MCID")
        }
        Problem::UnlinkingTechnical => {
            ("A technical problem unlinking my MCID", "Un problème technique pour dissocier mon MCID")
        }
        Problem::McidMerge => ("A question about merging MCIDs", "Une question sur la fusion de MCID"),
        Problem::AssociationLimited => {
            ("I was told my association is limited", "On m’indique que mon association est limitée")
        }
        Problem::StillInReportAfterLeaving => (
            "I left the company and still appear in its skills report",
            "J’ai quitté la société et j’apparais toujours dans son rapport des qualifications",
        ),
        Problem::NoResponseToInvitation => (
            "I sent sign-in details and heard nothing back",
            "J’ai envoyé des détails de connexion sans obtenir de réponse",
        ),
    };
    lang.pick(en, fr)
}

fn evidence_line(lang: Lang, evidence: &Evidence) -> String {
    match evidence {
        Evidence::UserReport { accounts, .. } => crate::i18n::user_report_line(lang, *accounts),
        Evidence::ProfileAssociation { mcid: Some(mcid), since, .. } => lang.pick(
            format!(
                "Your profile’s association: MCID {mcid}, linked since {}",
                since.map(|d| format_date(lang, d)).unwrap_or_default()
            ),
            format!(
                "L’association de votre profil\u{a0}: MCID {mcid}, lié depuis le {}",
                since.map(|d| format_date(lang, d)).unwrap_or_default()
            ),
        ),
        Evidence::ProfileAssociation { mcid: None, .. } => lang.pick(
            "Your profile’s association: no MCID linked".to_string(),
            "L’association de votre profil\u{a0}: aucun MCID lié".to_string(),
        ),
        Evidence::Transcript { mcid, codes } => lang.pick(
            format!("The Microsoft Certification official transcript of MCID {mcid}: {}", codes.join(", ")),
            format!("Le relevé officiel de certification Microsoft du MCID {mcid}\u{a0}: {}", codes.join(", ")),
        ),
        Evidence::AssessmentProof { codes } => lang.pick(
            format!("Proof of the Partner University assessments: {}", codes.join(", ")),
            format!("La preuve des évaluations de l’Université partenaire\u{a0}: {}", codes.join(", ")),
        ),
    }
}

/// The `data-tour` name of the advice for `route`: the R16 tour waits for
/// Certification Support's, not any advice.
fn tour_name(route: SupportRoute) -> &'static str {
    match route {
        SupportRoute::CertificationSupport => "advice-certification",
        SupportRoute::MicrosoftSupport => "advice-microsoft",
        SupportRoute::Faq(_) => "advice-faq",
    }
}

fn route_name(lang: Lang, route: SupportRoute) -> &'static str {
    match route {
        SupportRoute::MicrosoftSupport => lang.pick("Microsoft support", "Support technique Microsoft"),
        SupportRoute::CertificationSupport => {
            lang.pick("Certification Support", "Support technique des certifications")
        }
        SupportRoute::Faq(_) => lang.pick("The FAQ answers this", "Le Forum aux questions y répond"),
    }
}

#[component]
pub fn Support() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let problem = RwSignal::new(None::<Problem>);
    // What is typed in the ticket form lives here, so that choosing
    // another problem (another form) keeps it.
    let typed = Typed {
        details: RwSignal::new(String::new()),
        started: RwSignal::new(crate::rules::reports::iso_date(ctx.now())),
    };
    view! {
        <h1>{tr(lang, Text::NavSupport)}</h1>
        <SourceQuote sentences=&[Source::SupportHeading, Source::SupportTechnical, Source::SupportMerge] />
        {live(move || match ctx.session.get() {
            None => view! { <SignInPrompt /> }.into_any(),
            Some(_) => {
                view! {
                    <fieldset class="card problems" data-tour="problems">
                        <legend>{pr(lang, PageText::WhatIsTheProblem)}</legend>
                        {Problem::ALL
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <label class="choice">
                                        <input
                                            type="radio"
                                            name="problem"
                                            prop:checked=move || problem.get() == Some(p)
                                            on:change=handler(move |_| problem.set(Some(p)))
                                        />
                                        <span>{live(move || problem_label(lang.get(), p))}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    {live(move || problem.get().map(|p| view! { <Advice problem=p typed=typed /> }.into_any()))}
                    <Tickets />
                }
                    .into_any()
            }
        })}
    }
}

/// The ticket form's fields, as typed.
#[derive(Clone, Copy)]
struct Typed {
    details: RwSignal<String>,
    started: RwSignal<String>,
}

#[component]
fn Advice(problem: Problem, typed: Typed) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let outcome = RwSignal::new(None::<Outcome>);
    let Typed { details, started } = typed;
    // Drawn again only when the advice itself changes: a ticket opened, a
    // save in another tab or a clock move leave the form (and what is
    // being typed) and the message of the last ticket in place.
    let advice = Memo::new(move |_| ctx.actor().map(|a| ctx.with_state(|s| route_support(s, &a, ctx.now(), problem))));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // An empty date is today; a date out of the rules' range (D1) is
        // refused in the person's language and nothing is saved.
        let started_on = match crate::views::common::entered_date("started", &started.get_untracked()) {
            None => Ok(ctx.now()),
            Some(entered) => entered,
        };
        // The advice is drawn again with the form: the keyboard goes to the
        // list that now holds the ticket, not the top of the page.
        let result = match started_on {
            Ok(started_on) => {
                let command = Command::OpenTicket { problem, details: details.get_untracked(), started_on };
                crate::views::common::execute_handing_keyboard_to(ctx, command, "#tickets")
            }
            Err(refusal) => Outcome::Refused(refusal),
        };
        if matches!(result, Outcome::Done(_)) {
            details.set(String::new());
        }
        // The field refused is marked, named by the message, and given the
        // keyboard, as on every form.
        let field: &[&str] = match &result {
            Outcome::Refused(
                Refusal::DateIncomplete | Refusal::OutOfRange { .. } | Refusal::StartsInTheFuture { .. },
            ) => &["started"],
            Outcome::Refused(Refusal::TextTooLong { .. } | Refusal::TicketDetailsMissing) => &["details"],
            _ => &[],
        };
        mark_refused("form[data-tour=\"ticket-form\"]", "ticket-outcome", field);
        outcome.set(Some(result));
    };
    live(move || match advice.get() {
        None => ().into_any(),
        Some(Err(refusal)) => {
            let refused = RwSignal::new(Some(Outcome::Refused(refusal)));
            view! { <OutcomeMessage outcome=refused /> }.into_any()
        }
        Some(Ok(advice)) => {
            let route = advice.route;
            let next = advice.next_allowed;
            let evidence = advice.evidence.clone();
            view! {
                <section class="card advice" aria-labelledby="advice-heading" data-tour=tour_name(route)>
                    <h2 id="advice-heading">{live(move || route_name(lang.get(), route))} " (" {advice.rule.code()} ")"</h2>
                    {match route {
                        SupportRoute::Faq(rule) => {
                            let entry = FaqEntry::for_rule(rule).unwrap_or(FaqEntry::Support);
                            view! {
                                {next.map(|d| view! { <p>{live(move || crate::i18n::next_association(lang.get(), &crate::i18n::dates::format_from(lang.get(), d)))}</p> })}
                                <SourceQuote sentences=entry.answer() />
                                <p>
                                    <a href=Route::Faq(Some(entry)).href()>{live(move || entry.question(lang.get()))}</a>
                                </p>
                            }
                                .into_any()
                        }
                        _ => {
                            view! {
                                <h3>{pr(lang, PageText::EvidenceHeading)}</h3>
                                <ul class="evidence" data-tour="evidence">
                                    {evidence
                                        .iter()
                                        .map(|e| {
                                            let e = e.clone();
                                            view! { <li>{live(move || evidence_line(lang.get(), &e))}</li> }
                                        })
                                        .collect_view()}
                                </ul>
                                // The app checks the date (D1) and words its refusal in
                                // the person's language, not the browser's.
                                <form class="form" data-tour="ticket-form" novalidate on:submit=handler(submit)>
                                    <label>
                                        <span>{pr(lang, PageText::TicketDetails)}</span>
                                        <textarea name="details" rows="4" bind:value=details></textarea>
                                    </label>
                                    <Field label=Text::ProblemStarted name="started" kind="date" value=started />
                                    <button type="submit" class="button primary">
                                        {pr(lang, PageText::OpenTicket)}
                                    </button>
                                </form>
                                <div id="ticket-outcome">
                                    <OutcomeMessage outcome=outcome />
                                </div>
                            }
                                .into_any()
                        }
                    }}
                </section>
            }
                .into_any()
        }
    })
}

/// The tickets opened in this scenario, kept locally.
#[component]
fn Tickets() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let mine = move || {
        let me = ctx.session.get();
        ctx.with_state(|s| {
            s.data().tickets.iter().filter(|t| Some(&t.account) == me.as_ref()).cloned().collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="tickets" data-tour="tickets">
            <h2 id="tickets" tabindex="-1">{pr(lang, PageText::YourTickets)}</h2>
            {live(move || {
                let list = mine();
                if list.is_empty() {
                    view! { <p>{pr(lang, PageText::NoTickets)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="tickets">
                            {list
                                .into_iter()
                                .map(|ticket| {
                                    view! {
                                        <li>
                                            <strong>{format!("#{}", ticket.number)}</strong>
                                            " · "
                                            {live(move || route_name(lang.get(), ticket.route))}
                                            " · "
                                            {live(move || problem_label(lang.get(), ticket.problem))}
                                            " · "
                                            {live(move || format_date(lang.get(), ticket.opened_at))}
                                            <p class="sub">{ticket.details.clone()}</p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            })}
        </section>
    }
}
