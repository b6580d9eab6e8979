//! The skills report (R2, R6, R13, D7): one row per person and proof,
//! pending rows with their window, Download skills report (CSV), and
//! Remove from report for the Global Admin. Paginated, so a 10,000-person
//! organisation renders one page at a time.

use crate::i18n::pages::{page_text, pr, PageText};
use crate::i18n::reactive::tr;
use crate::i18n::source::Source;
use crate::i18n::{format_date, Text};
use crate::rules::reports::{skills_report, skills_report_csv, RowStatus, SkillSource, SkillsRow};
use crate::rules::users::can_remove_from_report;
use crate::rules::{Actor, Command, Refusal};
use crate::session::use_ctx;
use crate::ui::{handler, live};
use crate::views::common::{
    execute_handing_keyboard_to, NotAllowed, Outcome, OutcomeMessage, Pager, SignInPrompt, SourceQuote, PAGE_SIZE,
};
use leptos::prelude::*;

#[component]
pub fn SkillsReport() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let page = RwSignal::new(0usize);
    let outcome = RwSignal::new(None::<Outcome>);
    // "Now" moves on with real time (D1) while nothing else changes: the
    // download takes the report as of its click, and the page shows that.
    let as_of_click = RwSignal::new(0_u32);
    let report = Memo::new(move |_| {
        as_of_click.track();
        let actor = ctx.actor()?;
        let org = ctx.account()?.org;
        Some(ctx.with_state(|s| skills_report(s, &actor, &org, ctx.now())))
    });
    let download = move |_| {
        as_of_click.update(|n| *n = n.wrapping_add(1));
        report.with_untracked(|report| {
            if let Some(Ok(report)) = report {
                let lang = lang.get_untracked();
                let date = crate::rules::reports::iso_date(report.at);
                let name = crate::i18n::skills_report_file(lang, &report.org.to_string(), &date);
                let csv = skills_report_csv(report, crate::i18n::csv_words(lang));
                crate::download::download(&name, "text/csv;charset=utf-8", &csv);
            }
        })
    };
    // The part of the page a change of rows does not redraw: the status
    // regions stay on the page, so that screen readers say what comes
    // into them (a removal, even of the last row; the rows now shown).
    // The number of pages of rows (0: no rows), or NO_ONE / REFUSED: a
    // number, so that the memo's code is the timeline's pages' own.
    let shape = Memo::new(move |_| {
        report.with(|report| match report {
            None => NO_ONE,
            Some(Err(_)) => REFUSED,
            Some(Ok(r)) => r.rows.len().div_ceil(PAGE_SIZE),
        })
    });
    let total = move || report.with(|report| report.as_ref().and_then(|r| r.as_ref().ok()).map_or(0, |r| r.rows.len()));
    // The first row of the page shown (past the last page, the last).
    let first = move || page.get().min(total().div_ceil(PAGE_SIZE).max(1) - 1) * PAGE_SIZE;
    // The rows of the page shown, each saying whether it is its person's
    // first here (the one with Remove from report).
    let shown = move || {
        let first = first();
        report.with(|report| {
            let Some(Ok(r)) = report else { return Vec::new() };
            let rows = &r.rows[first..(first + PAGE_SIZE).min(r.rows.len())];
            rows.iter()
                .enumerate()
                .map(|(i, row)| (row.clone(), i == 0 || rows[i - 1].account != row.account))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1>{tr(lang, Text::NavSkillsReport)}</h1>
        <OutcomeMessage outcome=outcome />
        {live(move || match shape.get() {
            NO_ONE => view! { <SignInPrompt /> }.into_any(),
            // The refusal follows the report's: R2 for a user, R13 once the
            // account is deleted, R14 for an invitation not answered.
            REFUSED => {
                live(move || {
                    report.with(|r| match r {
                        Some(Err(refusal)) => view! { <NotAllowed refusal=refusal.clone() /> }.into_any(),
                        _ => ().into_any(),
                    })
                })
                    .into_any()
            }
            0 => {
                view! {
                    <p class="card" role="status" data-tour="report">
                        {pr(lang, PageText::NoSkillsData)}
                    </p>
                }
                    .into_any()
            }
            pages => {
                view! {
                    <SourceQuote sentences=&[Source::AdminRoles, Source::PuStep3Within72h, Source::PuStep3NewlyPassed] />
                    // A guided tour points here: a screen-sized target, unlike the table.
                    <div class="toolbar" data-tour="report">
                        <button class="button primary" on:click=handler(download)>
                            {pr(lang, PageText::DownloadSkillsReport)}
                        </button>
                        <span role="status">
                            {live(move || {
                                let (first, total) = (first(), total());
                                crate::i18n::rows_of(lang.get(), first + 1, (first + PAGE_SIZE).min(total), total)
                            })}
                        </span>
                    </div>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="report-caption">
                        <table class="report">
                            <caption id="report-caption">
                                {tr(lang, Text::NavSkillsReport)}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{pr(lang, PageText::ColPerson)}</th>
                                    <th scope="col">"MCID"</th>
                                    <th scope="col">{pr(lang, PageText::ColProof)}</th>
                                    <th scope="col">{pr(lang, PageText::ColPassedOn)}</th>
                                    <th scope="col">{pr(lang, PageText::ColAssociated)}</th>
                                    <th scope="col">{pr(lang, PageText::ColStatus)}</th>
                                    <th scope="col">{pr(lang, PageText::ColRelevantFor)}</th>
                                    <th scope="col">{pr(lang, PageText::ColActions)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {live(move || {
                                    shown()
                                        .into_iter()
                                        .map(|(row, removes)| view! { <ReportRow row=row removes=removes outcome=outcome /> })
                                        .collect_view()
                                        .into_any()
                                })}
                            </tbody>
                        </table>
                    </div>
                    <Pager page=page pages=pages />
                }
                    .into_any()
            }
        })}
    }
}

/// No one signed in: no report.
const NO_ONE: usize = usize::MAX;
/// The report refused (R2).
const REFUSED: usize = usize::MAX - 1;

/// A row of the report; `removes`: the person's first row on the page,
/// the one with their Remove from report (R13), which removes them all.
#[component]
fn ReportRow(row: SkillsRow, removes: bool, outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let SkillsRow { person, account, mcid, source, code, title, passed_on, status, .. } = row.clone();
    let source_name = move || match source {
        SkillSource::MicrosoftLearning => "Microsoft Learning",
        SkillSource::PartnerUniversity => page_text(lang.get(), PageText::PartnerUniversity),
    };
    let status_text = move || {
        let lang = lang.get();
        match status {
            RowStatus::Counts { since } => crate::i18n::counts_since(lang, &format_date(lang, since)),
            RowStatus::Pending { from, to, .. } => {
                crate::i18n::pending_between(lang, &format_date(lang, from), &format_date(lang, to))
            }
        }
    };
    let associated = move || {
        let lang = lang.get();
        crate::i18n::associated_flags(lang, row.associated_in_pmc, row.associated_in_pc)
    };
    let removable = {
        let mcid = mcid.clone();
        move || {
            removes
                && mcid.as_ref().is_some_and(|m| {
                    ctx.actor().is_some_and(|a: Actor| ctx.with_state(|s| can_remove_from_report(s, &a, m)))
                })
        }
    };
    let remove = {
        let mcid = mcid.clone();
        move |_| {
            if let Some(mcid) = mcid.clone() {
                // The report is drawn again without this row: the keyboard
                // goes back to the table, never to the next person's Remove.
                let command = Command::RemoveFromReport { mcid };
                outcome.set(Some(execute_handing_keyboard_to(ctx, command, "#main .table-wrap")));
            } else {
                outcome.set(Some(Outcome::Refused(Refusal::GlobalAdminOnly)));
            }
        }
    };
    view! {
        <tr class:pending=matches!(status, RowStatus::Pending { .. })>
            <th scope="row">
                <span class="person">{person.clone()}</span>
                <span class="sub">{account.to_string()}</span>
            </th>
            <td class="mcid">{mcid.as_ref().map(|m| m.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td>
                <strong>{code}</strong>
                " "
                {title}
                <span class="sub">{live(source_name)}</span>
            </td>
            <td class="date">{live(move || format_date(lang.get(), passed_on))}</td>
            <td>{live(associated)}</td>
            <td>{live(status_text)}</td>
            <td>{row.relevant_for.join(", ")}</td>
            <td>
                {live(move || {
                    let (remove, person) = (remove.clone(), person.clone());
                    removable()
                        .then(|| {
                            view! {
                                <button
                                    class="button danger"
                                    data-tour=format!("remove-from-report {account}")
                                    on:click=handler(remove)
                                    aria-label=move || crate::i18n::remove_from_report_label(lang.get(), &person)
                                >
                                    {pr(lang, PageText::RemoveFromReport)}
                                </button>
                            }
                                .into_any()
                        })
                })}
            </td>
        </tr>
    }
}
