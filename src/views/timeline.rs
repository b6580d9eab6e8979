//! The audit timeline (D4): every event of the scenario in order, with its
//! actor, time and rule (both organisations for an automatic unlink, R12),
//! filtered by person and organisation with the rules' own filter.

use crate::i18n::dates::format_date_time;
use crate::i18n::events::event_sentence;
use crate::i18n::pages::{page_text, pr, PageText};
use crate::i18n::reactive::tr;
use crate::i18n::{timeline_count, Text};
use crate::rules::audit::{filter_trail, TrailFilter};
use crate::rules::{AccountId, Actor, EventKind, MpnId};
use crate::session::use_ctx;
use crate::ui::{effect, handler, live};
use crate::views::common::{Choice, Pager, PAGE_SIZE};
use leptos::prelude::*;

#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    // "" is everyone / every organisation.
    let person = RwSignal::new(String::new());
    let org = RwSignal::new(String::new());
    let people = Signal::derive(move || {
        let everyone = (String::new(), page_text(lang.get(), PageText::Everyone).to_string());
        let accounts = ctx.with_state(|s| {
            s.data()
                .accounts
                .values()
                .map(|a| (a.id.to_string(), format!("{} ({})", a.display_name, a.id)))
                .collect::<Vec<_>>()
        });
        std::iter::once(everyone).chain(accounts).collect()
    });
    let orgs = Signal::derive(move || {
        let every = (String::new(), page_text(lang.get(), PageText::EveryOrg).to_string());
        let orgs = ctx.with_state(|s| {
            s.data().organisations.values().map(|o| (o.mpn_id.to_string(), o.name.clone())).collect::<Vec<_>>()
        });
        std::iter::once(every).chain(orgs).collect()
    });
    // A page of the trail at a time: a scenario of 10,000 people has tens
    // of thousands of changes. A new filter starts at its first page.
    let page = RwSignal::new(0usize);
    let filter = move || TrailFilter {
        person: Some(person.get()).filter(|p| !p.is_empty()).map(AccountId),
        org: Some(org.get()).filter(|o| !o.is_empty()).map(MpnId),
    };
    effect(move || {
        filter();
        page.set(0);
    });
    // How many changes the filter keeps, of how many: the trail is filtered
    // again for each use, a pass over references, cheaper than a memo's code.
    let counts = move || {
        let filter = filter();
        ctx.scenario.with(|s| (filter_trail(s.state(), s.trail(), &filter).len(), s.trail().len()))
    };
    // A memo: the pager is drawn anew only when the number of pages changes.
    let pages = Memo::new(move |_| counts().0.div_ceil(PAGE_SIZE).max(1));
    let count = move || {
        let lang = lang.get();
        match counts() {
            (0, _) => page_text(lang, PageText::TimelineEmpty).to_string(),
            (shown, all) => timeline_count(lang, shown, all),
        }
    };
    let rows = move || {
        let lang = lang.get();
        let first = page.get().min(pages.get() - 1) * PAGE_SIZE;
        let filter = filter();
        ctx.scenario.with(|s| {
            filter_trail(s.state(), s.trail(), &filter)
                .into_iter()
                .skip(first)
                .take(PAGE_SIZE)
                .map(|event| {
                    let who = match &event.actor {
                        Actor::Account(id) => id.to_string(),
                        Actor::Trainer => page_text(lang, PageText::TheTrainer).to_string(),
                    };
                    let rule = event.kind.rule().code();
                    // A guided tour points at the automatic unlink (R12).
                    let tour =
                        matches!(event.kind, EventKind::McidAutomaticallyUnlinked { .. }).then_some("auto-unlink");
                    view! {
                        <li data-tour=tour>
                            <p class="when">
                                <time>{format_date_time(lang, event.at)}</time>
                                " · "
                                {page_text(lang, PageText::ByWho)}
                                " "
                                {who}
                                " · "
                                <span class="rule">{rule}</span>
                            </p>
                            <p>{event_sentence(lang, &event.kind, s.state())}</p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h1>{tr(lang, Text::NavTimeline)}</h1>
        <p>{pr(lang, PageText::TimelineHelp)}</p>
        <form class="inline-form filters" on:submit=handler(|ev: leptos::ev::SubmitEvent| ev.prevent_default())>
            <Choice label=Text::FilterPerson id="filter-person" options=people value=person />
            <Choice label=Text::FilterOrg id="filter-org" options=orgs value=org />
        </form>
        // The status region stays on the page, so that screen readers say
        // the count a filter or a change brings.
        <p class="sub" role="status">{live(count)}</p>
        <ol class="timeline">{live(move || rows().into_any())}</ol>
        {live(move || {
            let pages = pages.get();
            (pages > 1).then(|| view! { <Pager page=page pages=pages /> }.into_any())
        })}
    }
}
