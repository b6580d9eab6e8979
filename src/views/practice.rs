//! Practice mode's views: the practice page (the nine cases, their state
//! and best score, printable as results), a case's printable handout, and
//! the task bar shown while a task runs. The checks and the score are
//! `crate::practice`'s; the session keeps the progress
//! (`session::practising`); these only show their answers.

use crate::i18n::faq::FaqEntry;
use crate::i18n::keeping::{kr, Kept};
use crate::i18n::pages::{pr, PageText};
use crate::i18n::practice::{
    best_score, case_state, dr, drill, goal, hint, missing, passed, replace_question, results_line, Drill,
};
use crate::i18n::reactive::tr;
use crate::i18n::source::{quote, Source};
use crate::i18n::{built_in_name, Lang, Text};
use crate::practice::{task, CaseState, Outcome, MASTERY};
use crate::route::Route;
use crate::rules::demo::BuiltIn;
use crate::rules::Rule;
use crate::session::{real_now, use_ctx, Checked, Ctx, Practising};
use crate::tours::{steps, Note};
use crate::ui::{escape_cancels, hand_keyboard_to, handler, live, When, PAGE_HEADING};
use crate::views::common::SourceQuote;
use crate::views::tour::tour_note;
use leptos::prelude::*;

/// The article's sentences behind a rule, where it has some: what a
/// refusal met during a task points back to.
fn rule_words(rule: Rule) -> &'static [Source] {
    match FaqEntry::for_rule(rule) {
        Some(entry) => entry.answer(),
        None => match rule {
            Rule::R1 | Rule::R2 => &[Source::AdminRoles],
            Rule::R3 => &[Source::Competency],
            Rule::R5 => &[Source::PuSignInWorkAccount],
            Rule::R6 => &[Source::PuStep3],
            Rule::R7 => &[Source::PuStep4],
            _ => &[],
        },
    }
}

/// The name of the page a handout's step is on.
fn page_name(route: &Route) -> Text {
    match route {
        Route::SkillsReport => Text::NavSkillsReport,
        Route::Users => Text::NavUsers,
        Route::Support => Text::NavSupport,
        Route::Timeline => Text::NavTimeline,
        _ => Text::NavProfile,
    }
}

/// The demo's Microsoft Learning credentials a case's person needs, as its
/// guided tour gives them: the learner has no other way to know them.
fn credentials(lang: Lang, case: BuiltIn) -> Option<String> {
    let note = steps(case).into_iter().find_map(|step| step.note.filter(|n| matches!(n, Note::Credentials(_))))?;
    Some(tour_note(lang, note))
}

/// "Handout: …", with French's space before the colon.
fn titled(lang: Lang, what: Drill, name: String) -> String {
    format!("{}{} {name}", drill(lang, what), lang.pick(":", "\u{a0}:"))
}

fn print_page() {
    let _ = window().print();
}

/// The practice page: how it works, the nine cases with their state and
/// best score, and the results to print.
#[component]
pub fn Practice() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    ctx.practising();
    let confirming = RwSignal::new(false);
    // The task asked for in place of one not finished, until the learner
    // says which.
    let replacing = RwSignal::new(None::<(BuiltIn, BuiltIn)>);
    let rows = live(move || {
        let practising = ctx.practice().get().unwrap_or_default();
        let running = practising.run.as_ref().map(|run| run.case);
        BuiltIn::ALL
            .into_iter()
            .map(|case| {
                let entry = practising.progress.get(case);
                let code = case.rule().code().to_ascii_lowercase();
                let (action, resume) = match (running == Some(case), entry.state()) {
                    (true, _) => (Drill::Resume, true),
                    (false, CaseState::NotStarted) => (Drill::Start, false),
                    (false, _) => (Drill::TryAgain, false),
                };
                let start = move |_| {
                    if resume {
                        ctx.resume_practice();
                    } else if let Some(left) = running {
                        replacing.set(Some((left, case)));
                        hand_keyboard_to(ctx, "#practice-replace-cancel");
                        return;
                    } else {
                        ctx.start_practice(case);
                    }
                    hand_keyboard_to(ctx, "#practice-task");
                };
                let name = live(move || built_in_name(lang.get(), case));
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td class="goal">{live(move || goal(lang.get(), task(case).goal))}</td>
                        <td>
                            <span class="state">{live(move || case_state(lang.get(), entry.state()))}</span>
                            <span class="sub best">{best_score(entry.best(), entry.state())}</span>
                        </td>
                        <td class="no-print">
                            <button class="button primary" id=format!("practice-start-{code}") on:click=handler(start)>
                                {dr(lang, action)}
                            </button>
                            " "
                            <a href=Route::Handout(case).href() id=format!("handout-{code}")>
                                {dr(lang, Drill::Handout)}
                            </a>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    });
    let summary = live(move || {
        let practising = ctx.practice().get().unwrap_or_default();
        let passed =
            BuiltIn::ALL.into_iter().filter(|c| practising.progress.get(*c).state() == CaseState::Passed).count();
        let score = practising.progress.lesson_result(MASTERY).score;
        results_line(lang.get(), real_now(), passed, BuiltIn::ALL.len(), score)
    });
    let reset = move |_| {
        ctx.reset_practice();
        confirming.set(false);
        hand_keyboard_to(ctx, "#practice-reset");
    };
    let cancel = move || {
        confirming.set(false);
        hand_keyboard_to(ctx, "#practice-reset");
    };
    let keep_left = move || {
        if let Some((_, next)) = replacing.get_untracked() {
            hand_keyboard_to(ctx, format!("#practice-start-{}", next.rule().code().to_ascii_lowercase()));
        }
        replacing.set(None);
    };
    let replace = move |_| {
        if let Some((_, next)) = replacing.get_untracked() {
            replacing.set(None);
            ctx.start_practice(next);
            hand_keyboard_to(ctx, "#practice-task");
        }
    };
    let replace_asked = Signal::derive(move || replacing.get().is_some());
    view! {
        <h1>{dr(lang, Drill::Heading)}</h1>
        <p class="no-print">{dr(lang, Drill::Intro)}</p>
        <p id="score-rules">{dr(lang, Drill::ScoreRules)}</p>
        <PracticeNotices />
        <p class="results-line" role="status">{summary}</p>
        <div class="table-wrap">
            <table class="report practice-cases">
                <thead>
                    <tr>
                        <th scope="col">{dr(lang, Drill::CaseColumn)}</th>
                        <th scope="col" class="goal">{dr(lang, Drill::GoalColumn)}</th>
                        <th scope="col">{dr(lang, Drill::StateColumn)}</th>
                        <td class="no-print"></td>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <When when=replace_asked>
            <Question
                name="replace"
                label=Drill::StartAnyway
                question=Signal::derive(move || {
                    let lang = lang.get();
                    let names = replacing.get().map(|(left, next)| (built_in_name(lang, left), built_in_name(lang, next)));
                    names.map(|(left, next)| replace_question(lang, &left, &next)).unwrap_or_default()
                })
                confirm=Drill::StartAnyway
                on_confirm=Callback::new(replace)
                on_cancel=Callback::new(move |()| keep_left())
            />
        </When>
        <p class="actions no-print">
            <button class="button" id="practice-print" on:click=handler(move |_| print_page())>
                {dr(lang, Drill::PrintResults)}
            </button>
            " "
            <button
                class="button"
                id="practice-reset"
                aria-expanded=move || confirming.get().to_string()
                on:click=handler(move |_| {
                    confirming.set(true);
                    hand_keyboard_to(ctx, "#practice-reset-cancel");
                })
            >
                {dr(lang, Drill::ResetProgress)}
            </button>
        </p>
        <When when=confirming>
            <Question
                name="reset"
                label=Drill::ResetProgress
                question=Signal::derive(move || drill(lang.get(), Drill::ResetQuestion).to_string())
                confirm=Drill::ResetConfirm
                on_confirm=Callback::new(reset)
                on_cancel=Callback::new(move |()| cancel())
            />
        </When>
    }
}

/// A question the page asks before a change that loses something: its
/// words, the button that goes on, and Cancel (or Escape), which keeps
/// things as they are; `practice-{name}-cancel` is Cancel's id, which the
/// keyboard is handed to when the question opens.
#[component]
fn Question(
    name: &'static str,
    label: Drill,
    question: Signal<String>,
    confirm: Drill,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let lang = use_ctx().lang;
    let question_id = format!("practice-{name}-question");
    view! {
        <div
            class="confirm no-print"
            role="alertdialog"
            aria-label=dr(lang, label)
            aria-describedby=question_id
            on:keydown=escape_cancels(move || on_cancel.run(()))
        >
            <p id=format!("practice-{name}-question")>{move || question.get()}</p>
            <button class="button danger" id=format!("practice-{name}-confirm") on:click=handler(move |_| on_confirm.run(()))>
                {dr(lang, confirm)}
            </button>
            <button class="button cancel" id=format!("practice-{name}-cancel") on:click=handler(move |_| on_cancel.run(()))>
                {pr(lang, PageText::Cancel)}
            </button>
        </div>
    }
}

/// What the page says when the progress could not be kept or read, or
/// does not reach a learning platform.
#[component]
fn PracticeNotices() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    // One notice each, shown while `shown` holds of practice mode's state.
    let notice = move |shown: fn(&Practising) -> bool, text: Drill, class: &'static str, role: &'static str| {
        let when = Signal::derive(move || ctx.practice().with(|p| p.as_ref().is_some_and(shown)));
        view! {
            <When when=when>
                <p class=class role=role>{dr(lang, text)}</p>
            </When>
        }
        .into_any()
    };
    [
        notice(|p| p.unsaved, Drill::NotSaved, "banner", "alert"),
        notice(|p| p.unreadable, Drill::UnreadableKept, "banner", "alert"),
        notice(|p| p.platform_unreadable, Drill::PlatformUnreadableKept, "banner", "alert"),
        notice(|p| p.platform_refused && !p.platform_closed, Drill::PlatformRefused, "banner", "alert"),
        notice(|p| p.platform_closed, Drill::PlatformClosed, "banner", "alert"),
        notice(|p| p.platform_preview, Drill::PlatformPreview, "banner info", "status"),
    ]
    .into_iter()
    .collect_view()
}

/// A case's one-page handout: its goal, the steps its guided tour takes,
/// with the article's words for each, and the article's answer.
#[component]
pub fn Handout(case: BuiltIn) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let steps = steps(case)
        .into_iter()
        .map(|step| {
            let page = page_name(&step.page);
            let says = step.says;
            let note = step.note;
            view! {
                <li>
                    <strong>{tr(lang, page)}</strong>
                    {says.iter().map(|&s| view! { <p>{live(move || quote(lang.get(), s))}</p> }).collect_view()}
                    {note.map(|note| view! { <p class="sub">{live(move || tour_note(lang.get(), note))}</p> })}
                </li>
            }
        })
        .collect_view();
    let answer = FaqEntry::for_rule(case.rule()).map_or(&[][..], FaqEntry::answer);
    view! {
        <article class="handout">
            <h1>{live(move || titled(lang.get(), Drill::Handout, built_in_name(lang.get(), case)))}</h1>
            <p class="goal">
                <strong>{live(move || titled(lang.get(), Drill::GoalColumn, String::new()))}</strong>
                {live(move || goal(lang.get(), task(case).goal))}
            </p>
            <h2>{dr(lang, Drill::HandoutSteps)}</h2>
            <ol class="handout-steps">{steps}</ol>
            <h2>{dr(lang, Drill::HandoutWords)}</h2>
            <SourceQuote sentences=answer />
            <p class="actions no-print">
                <button class="button primary" id="handout-print" on:click=handler(move |_| print_page())>
                    {dr(lang, Drill::PrintHandout)}
                </button>
                " "
                <a href=Route::Practice.href()>{dr(lang, Drill::BackToPractice)}</a>
            </p>
        </article>
    }
}

/// The task bar, while a practice task runs in practice mode's space (or just
/// ended, with its result): the goal, Check my work, hints on request,
/// the refusals met with their rule and the article's words, and the way
/// out. Drawn in place of the case banner.
#[component]
pub fn PracticeBar() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let case =
        move || ctx.with_practising(|p| p.run.as_ref().map(|r| r.case).or(p.last.as_ref().map(|c| c.case))).flatten();
    let running = Signal::derive(move || ctx.with_practising(|p| p.run.is_some()).unwrap_or_default());
    let heading = live(move || {
        let name = case().map(|c| built_in_name(lang.get(), c)).unwrap_or_default();
        titled(lang.get(), Drill::TaskLabel, name)
    });
    let goal_text = live(move || case().map(|c| goal(lang.get(), task(c).goal)).unwrap_or_default());
    let details = live(move || case().and_then(|c| credentials(lang.get(), c)).unwrap_or_default());
    let result = live(move || {
        let last = ctx.with_practising(|p| p.last.clone()).flatten();
        last.map(|checked| result_view(ctx, checked)).unwrap_or_else(|| ().into_any())
    });
    let hints = live(move || {
        let shown = ctx.with_practising(|p| p.run.as_ref().map(|r| r.hints_shown())).flatten().unwrap_or_default();
        if shown.is_empty() {
            return ().into_any();
        }
        view! {
            <h3>{dr(lang, Drill::HintsHeading)}</h3>
            <ol class="hints">
                {shown.iter().map(|&h| view! { <li>{live(move || hint(lang.get(), h))}</li> }).collect_view()}
            </ol>
        }
        .into_any()
    });
    // The newest hint, said by screen readers as it comes: the list above
    // is drawn anew with each, and the keyboard stays on the button.
    let newest_hint = live(move || {
        let newest = ctx.with_practising(|p| p.run.as_ref().and_then(|r| r.hints_shown().last().copied())).flatten();
        newest.map(|h| hint(lang.get(), h)).unwrap_or_default()
    });
    let hints_left = Signal::derive(move || {
        ctx.with_practising(|p| p.run.as_ref().is_some_and(|r| r.hints_shown().len() < task(r.case).hints.len()))
            .unwrap_or_default()
    });
    let refusals = live(move || {
        let (count, rules) = ctx
            .with_practising(|p| p.run.as_ref().map(|r| (r.refusals(), r.rules_met().to_vec())))
            .flatten()
            .unwrap_or_default();
        if count == 0 {
            return ().into_any();
        }
        view! {
            <h3>{dr(lang, Drill::RefusalsHeading)} " (" {count} ")"</h3>
            <ul class="refusals-met">
                {rules
                    .into_iter()
                    .map(|rule| {
                        let question = FaqEntry::for_rule(rule);
                        view! {
                            <li>
                                <details>
                                    <summary>
                                        <strong>{rule.code()}</strong>
                                        {question.map(|q| view! { " " {live(move || q.question(lang.get()))} })}
                                    </summary>
                                    <SourceQuote sentences=rule_words(rule) />
                                </details>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    });
    // The controls that go with what they did hand the keyboard on: the
    // last hint's button to Check my work, a task passed to Back to
    // practice, a task left to the practice page.
    let show_hint = move |_| {
        let _ = ctx.practice_hint();
        if !hints_left.get_untracked() {
            hand_keyboard_to(ctx, "#check-my-work");
        }
    };
    let check = move |_| {
        ctx.check_practice();
        if !running.get_untracked() {
            hand_keyboard_to(ctx, "#back-to-practice");
        }
    };
    let leave = move |_| {
        ctx.leave_practice();
        hand_keyboard_to(ctx, PAGE_HEADING);
    };
    view! {
        <section class="banner info practice-bar" aria-labelledby="practice-task">
            <h2 id="practice-task" tabindex="-1">{heading}</h2>
            <p class="goal">{goal_text}</p>
            <p class="sub">{details}</p>
            <When when=Signal::derive(move || ctx.return_holds_unsaved())>
                <p class="sub">{kr(lang, Kept::PracticeLeftUnsaved)}</p>
            </When>
            <div role="status" class="practice-result">{result}</div>
            <When when=running>
                <p class="actions">
                    <button class="button primary" id="check-my-work" on:click=handler(check)>
                        {dr(lang, Drill::CheckMyWork)}
                    </button>
                    " "
                    <When
                        when=hints_left
                        fallback=move || view! { <span class="sub">{dr(lang, Drill::NoMoreHints)}</span> }
                    >
                        <button class="button" id="show-hint" on:click=handler(show_hint)>
                            {dr(lang, Drill::ShowHint)}
                        </button>
                    </When>
                    " "
                    <button class="button" id="leave-practice" on:click=handler(leave)>
                        {dr(lang, Drill::LeaveForNow)}
                    </button>
                    " "
                    <button class="button" id="give-up" on:click=handler(move |_| {
                        ctx.give_up_practice();
                        hand_keyboard_to(ctx, PAGE_HEADING);
                    })>
                        {dr(lang, Drill::GiveUp)}
                    </button>
                </p>
            </When>
            {hints}
            <p class="visually-hidden" role="status">{newest_hint}</p>
            {refusals}
            <When when=Signal::derive(move || !running.get())>
                <p class="actions">
                    <button class="button primary" id="back-to-practice" on:click=handler(leave)>
                        {dr(lang, Drill::BackToPractice)}
                    </button>
                </p>
            </When>
        </section>
    }
}

/// The last check: passed with its score explained, or what is missing.
fn result_view(ctx: Ctx, checked: Checked) -> AnyView {
    let lang = ctx.lang;
    match checked.outcome {
        Outcome::Passed => {
            let Checked { score, hints, refusals, .. } = checked;
            view! { <p class="message done">{live(move || passed(lang.get(), score, hints, refusals))}</p> }.into_any()
        }
        Outcome::NotYet(list) => view! {
            <div class="message refused">
                <p>{dr(lang, Drill::NotYet)}</p>
                <ul class="missing">
                    {list
                        .into_iter()
                        .map(|m| view! { <li>{live(move || ctx.with_state(|s| missing(lang.get(), &m, s)))}</li> })
                        .collect_view()}
                </ul>
            </div>
        }
        .into_any(),
    }
}
