//! The scenario editor, from the trainer panel: start anew (empty, the
//! demo data, a built-in case), then add organisations, work accounts,
//! Microsoft Certification profiles, Partner University accounts and what
//! they passed, and set the yearly limit. Every edit is a command of the
//! rules, run as the trainer (`rules::setup`; D4: its edits are history,
//! the trainer's), shown with its outcome or its refusal; the editor
//! decides nothing itself.

use crate::i18n::events::role_name;
use crate::i18n::pages::{page_text, pr, PageText};
use crate::i18n::reactive::tr;
use crate::i18n::{built_in_name, format_date, Text};
use crate::rules::audit::Holder;
use crate::rules::demo::BuiltIn;
use crate::rules::setup::AccountSetup;
use crate::rules::{AccountState, Actor, Command, Credential, CredentialKind, McidId, MpnId, Scenario, State};
use crate::session::{use_ctx, Ctx};
use crate::ui::{hand_keyboard_to, handler, live};
use crate::views::common::{
    chosen_role, entered_date, mark_refused, new_salt, role_options, Answer, Choice, Field, Outcome, OutcomeMessage,
    Unchanged,
};
use leptos::prelude::*;

/// Runs `command` as the trainer; on success the form's fields are emptied
/// (and the caller gives the keyboard back to its first field, for the
/// next one). True when it was done.
fn run(ctx: Ctx, command: Command, outcome: RwSignal<Option<Outcome>>, clear: &[RwSignal<String>]) -> bool {
    let result: Outcome = ctx.execute_as(&Actor::Trainer, command).into();
    let done = matches!(result, Outcome::Done(_));
    if done {
        clear.iter().for_each(|field| field.set(String::new()));
    }
    outcome.set(Some(result));
    done
}

#[component]
pub fn Editor() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <h1>{pr(lang, PageText::EditorHeading)}</h1>
        <p>{pr(lang, PageText::EditorIntro)}</p>
        <StartFrom />
        <Organisations />
        <Accounts />
        <Profiles />
        <PartnerUniversity />
        <Exams />
        <Limits />
    }
}

/// Start anew: empty, the demo data, or a built-in case's scenario.
#[component]
fn StartFrom() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let started = RwSignal::new(None::<Result<(), Unchanged>>);
    // Started anyway, the scenario it replaced not kept: said so, not as kept.
    let started_unkept = RwSignal::new(None::<Result<(), Unchanged>>);
    let case = RwSignal::new(String::new());
    let cases = Signal::derive(move || {
        let lang = lang.get();
        BuiltIn::ALL.iter().map(|&b| (b.rule().code().to_string(), built_in_name(lang, b))).collect()
    });
    // The start refused for want of a restore point of the scenario open,
    // to make anyway once the person has read why.
    let refused = StoredValue::new(None::<Scenario>);
    let start_with = move |next: Scenario, losing_it: bool| {
        let newest_point = move || ctx.restore_points().first().map(|point| point.key.clone());
        let before = newest_point();
        let result = ctx.start_editing(next, losing_it).map_err(|not| {
            refused.set_value(Some(*not.next));
            Unchanged::NotKept(not.why)
        });
        let unkept = losing_it && result.is_ok() && newest_point() == before;
        started.set((!unkept).then_some(result));
        started_unkept.set(unkept.then_some(Ok(())));
    };
    let start = move |next: Scenario| start_with(next, false);
    let anyway = Callback::new(move |()| {
        if let Some(next) = refused.try_update_value(Option::take).flatten() {
            start_with(next, true);
        }
    });
    let open_case = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(built_in) = BuiltIn::from_code(&case.get_untracked()) {
            start(built_in.scenario(ctx.now()));
        }
    };
    view! {
        <section class="card" aria-labelledby="editor-start">
            <h2 id="editor-start">{pr(lang, PageText::EditorStartHeading)}</h2>
            <p class="sub">{pr(lang, PageText::EditorStartHelp)}</p>
            <p class="actions">
                <button class="button" id="start-empty" on:click=handler(move |_| start(Scenario::new(State::default())))>
                    {pr(lang, PageText::EditorStartEmpty)}
                </button>
                " "
                <button
                    class="button"
                    id="start-demo"
                    on:click=handler(move |_| start(crate::rules::demo::scenario(ctx.now())))
                >
                    {pr(lang, PageText::EditorStartDemo)}
                </button>
            </p>
            <form class="inline-form" on:submit=handler(open_case)>
                <Choice label=Text::ScenarioLabel id="editor-case" options=cases value=case />
                <button type="submit" class="button">
                    {pr(lang, PageText::EditorStartCase)}
                </button>
            </form>
            <Answer answer=started done=|lang| page_text(lang, PageText::EditorStarted) anyway />
            <Answer answer=started_unkept done=|lang| page_text(lang, PageText::EditorStartedUnkept) />
        </section>
    }
}

/// One field of an editor's form.
enum Input {
    /// A text input: its label, its `name`, its kind (`text`, `date`) and
    /// keyboard (`inputmode`).
    Text(Text, &'static str, &'static str, Option<&'static str>, RwSignal<String>),
    /// A choice: its label, the select's id, its options.
    Choice(Text, &'static str, Signal<Vec<(String, String)>>, RwSignal<String>),
}

/// One part of the editor: what the scenario holds (`lines`), a form of
/// `inputs` whose submit runs `command` as the trainer, and its outcome.
/// One component for every part, so that its drawing is compiled once
/// (the bundle's size: `crate::ui`).
#[component]
fn Part(
    heading: Text,
    id: &'static str,
    /// What the scenario holds, one line each, drawn live.
    #[prop(optional)]
    lines: Option<Box<dyn Fn() -> Vec<String> + Send + Sync>>,
    inputs: Vec<Input>,
    submit: Text,
    /// The command the form's fields make, or the refusal of a field
    /// checked before any command (a date out of range).
    command: Box<dyn Fn() -> Result<Command, crate::rules::Refusal> + Send + Sync>,
    /// The fields emptied once the command is done.
    clear: Vec<RwSignal<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let outcome = RwSignal::new(None::<Outcome>);
    let outcome_id = format!("{id}-outcome");
    let on_submit = {
        let outcome_id = outcome_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match command() {
                Ok(command) => {
                    if run(ctx, command, outcome, &clear) {
                        hand_keyboard_to(ctx, format!("[aria-labelledby=\"{id}\"] form :is(input, select)"));
                    }
                }
                Err(refusal) => outcome.set(Some(Outcome::Refused(refusal))),
            }
            let refused = outcome.with_untracked(|outcome| match outcome {
                Some(Outcome::Refused(refusal)) => Some(refusal.clone()),
                _ => None,
            });
            let names = refused.as_ref().map(refused_fields).unwrap_or_default();
            mark_refused(&format!("[aria-labelledby=\"{id}\"] form"), &outcome_id, names);
        }
    };
    let list = lines.map(|lines| live(move || lines_view(ctx, lines())));
    let inputs = inputs
        .into_iter()
        .map(|input| match input {
            Input::Text(label, name, kind, inputmode, value) => {
                view! { <Field label name kind inputmode=inputmode.unwrap_or("text") value autocomplete="off" /> }
                    .into_any()
            }
            Input::Choice(label, id, options, value) => view! { <Choice label id options value /> }.into_any(),
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby=id>
            <h2 id=id>{tr(lang, heading)}</h2>
            {list}
            // Certlink checks what is entered and says why, with its rule
            // (D1, D4), not the browser in its own words.
            <form class="form" novalidate on:submit=handler(on_submit)>
                {inputs}
                <button type="submit" class="button primary">
                    {tr(lang, submit)}
                </button>
            </form>
            <div id=outcome_id>
                <OutcomeMessage outcome=outcome />
            </div>
        </section>
    }
}

/// The fields of the editor's forms a refusal is about, by their `name`
/// (one form has one of them): the keyboard goes there, and the field is
/// marked invalid and described by the refusal.
fn refused_fields(refusal: &crate::rules::Refusal) -> &'static [&'static str] {
    use crate::rules::range::Range;
    use crate::rules::refusal::Field;
    use crate::rules::Refusal::*;
    let field = |field: &Field| -> &'static [&'static str] {
        match field {
            Field::MpnId => &["org-mpn-id"],
            Field::OrganisationName => &["org-name"],
            Field::DisplayName => &["account-name"],
            Field::Mcid => &["profile-mcid"],
            Field::HolderName => &["profile-holder"],
            Field::CredentialCode => &["exam-code"],
            Field::CredentialTitle => &["exam-title"],
            Field::Password => &["account-password", "profile-password"],
            Field::Email => &["account-email", "profile-username", "pu-username"],
            Field::TicketDetails
            | Field::WorkEmail
            | Field::WorkPassword
            | Field::LearningUsername
            | Field::LearningPassword => &[],
        }
    };
    match refusal {
        TextRequired { field: f } | TextTooLong { field: f, .. } | NotAnIdentifier { field: f } => field(f),
        OutOfRange { range } if *range == Range::PER_YEAR => &["limit-per-year"],
        OutOfRange { range } if *range == Range::COOL_OFF_DAYS => &["limit-cool-off"],
        OutOfRange { .. } | DateIncomplete | PassedInTheFuture { .. } => &["exam-date"],
        OrganisationExists { .. } => &["org-mpn-id"],
        UnknownOrganisation { .. } => &["account-org"],
        InvalidEmail { .. } => &["account-email", "profile-username", "pu-username"],
        AccountExists { .. } => &["account-email"],
        WeakTemporaryPassword { .. } | ShortPassword { .. } => &["account-password", "profile-password"],
        McidExists { .. } => &["profile-mcid"],
        UsernameTaken { .. } => &["profile-username", "pu-username"],
        PartnerUniversityAccountExists { .. } => &["pu-username"],
        UnknownHolder { .. } => &["exam-holder"],
        WrongPlaceForProof { .. } => &["exam-kind"],
        _ => &[],
    }
}

/// A list of what the scenario holds, or "None yet."
fn lines_view(ctx: Ctx, lines: Vec<String>) -> AnyView {
    if lines.is_empty() {
        view! { <p class="sub">{pr(ctx.lang, PageText::EditorNone)}</p> }.into_any()
    } else {
        view! { <ul class="editor-list">{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }
            .into_any()
    }
}

thread_local! {
    /// What is typed in the editor's forms and not sent yet, by field
    /// (and whether it is typed, not chosen from a list): kept for as long
    /// as the page is, so that a look at another page and back finds it as
    /// it was. A list, not a map: a few fields.
    static DRAFTS: std::cell::RefCell<Vec<(&'static str, bool, ArcRwSignal<String>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The text field named `name` (its `name` in the form), as it was left.
fn text_field(name: &'static str) -> RwSignal<String> {
    draft(name, true, "")
}

/// A choice's value (its select's id, or a date field's), as it was left;
/// `default` until the person chooses. A choice alone is not worth asking
/// before the page is left, but it comes back with the text typed beside
/// it: a role reset to User under a kept email would add the wrong account.
fn choice_field(id: &'static str, default: &str) -> RwSignal<String> {
    draft(id, false, default)
}

fn draft(name: &'static str, typed: bool, default: &str) -> RwSignal<String> {
    DRAFTS.with_borrow_mut(|drafts| {
        let draft = match drafts.iter().find(|(field, ..)| *field == name) {
            Some((.., draft)) => draft.clone(),
            None => {
                if drafts.is_empty() {
                    // Text typed and not sent: closing the page asks first,
                    // and a reload the person accepts finds it again.
                    crate::session::ask_before_leaving_while(|| {
                        DRAFTS.with_borrow(|drafts| {
                            drafts.iter().any(|(_, typed, draft)| *typed && !draft.with_untracked(String::is_empty))
                        })
                    });
                    let _ = leptos::prelude::window_event_listener_untyped("pagehide", |_| keep_drafts());
                }
                let draft = ArcRwSignal::new(kept_draft(name).unwrap_or_else(|| default.to_string()));
                drafts.push((name, typed, draft.clone()));
                draft
            }
        };
        RwSignal::from(draft)
    })
}

fn drafts_key() -> String {
    format!("{}certlink.editor-drafts", crate::session::storage_prefix())
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Between a field's name and its text, and between fields: characters no
/// one types in a one-line field.
const NAME_END: char = '\u{1f}';
const FIELD_END: char = '\u{1e}';

/// Keeps what is typed or chosen and not sent for this tab, as the page
/// goes (a reload): every field but the passwords, which stay in memory
/// only.
fn keep_drafts() {
    let kept: String = DRAFTS.with_borrow(|drafts| {
        drafts
            .iter()
            .filter(|(name, ..)| !name.ends_with("password"))
            .filter_map(|(name, _, draft)| {
                let text = draft.get_untracked();
                (!text.is_empty())
                    .then(|| format!("{name}{NAME_END}{}{FIELD_END}", text.replace([NAME_END, FIELD_END], "")))
            })
            .collect()
    });
    if let Some(storage) = session_storage() {
        let _ =
            if kept.is_empty() { storage.remove_item(&drafts_key()) } else { storage.set_item(&drafts_key(), &kept) };
    }
}

/// The text this tab kept for the field `name` before a reload.
fn kept_draft(name: &str) -> Option<String> {
    let kept = session_storage()?.get_item(&drafts_key()).ok().flatten()?;
    kept.split(FIELD_END)
        .find_map(|field| field.split_once(NAME_END).filter(|(n, _)| *n == name).map(|(_, text)| text.to_string()))
}

#[component]
fn Organisations() -> impl IntoView {
    let ctx = use_ctx();
    let (mpn_id, name) = (text_field("org-mpn-id"), text_field("org-name"));
    let lines = move || {
        ctx.with_state(|s| s.data().organisations.values().map(|o| format!("{} · {}", o.name, o.mpn_id)).collect())
    };
    view! {
        <Part
            heading=Text::EditorOrganisations
            id="editor-organisations"
            lines=Box::new(lines)
            inputs=vec![
                Input::Text(Text::MpnIdLabel, "org-mpn-id", "text", Some("numeric"), mpn_id),
                Input::Text(Text::OrganisationName, "org-name", "text", None, name),
            ]
            submit=Text::AddOrganisation
            command=Box::new(move || Ok(Command::AddOrganisation { mpn_id: mpn_id.get_untracked(), name: name.get_untracked() }))
            clear=vec![mpn_id, name]
        />
    }
}

#[component]
fn Accounts() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let (org, email, name, password) = (
        choice_field("account-org", ""),
        text_field("account-email"),
        text_field("account-name"),
        text_field("account-password"),
    );
    let (role, state) = (choice_field("account-role", "user"), choice_field("account-state", "active"));
    let states = Signal::derive(move || {
        let lang = lang.get();
        [("active", Text::StateActive), ("invited", Text::StateInvited), ("deleted", Text::StateDeleted)]
            .map(|(value, text)| (value.to_string(), crate::i18n::t(lang, text).to_string()))
            .to_vec()
    });
    let orgs = Signal::derive(move || {
        ctx.with_state(|s| {
            s.data()
                .organisations
                .values()
                .map(|o| (o.mpn_id.to_string(), format!("{} ({})", o.name, o.mpn_id)))
                .collect()
        })
    });
    let lines = move || {
        let lang = lang.get();
        ctx.with_state(|s| {
            s.data()
                .accounts
                .values()
                .map(|a| {
                    let org = s.organisation(&a.org).map_or_else(|| a.org.to_string(), |o| o.name.clone());
                    let state = match a.state {
                        AccountState::Active => Text::StateActive,
                        AccountState::Invited(_) => Text::StateInvited,
                        AccountState::Deleted { .. } => Text::StateDeleted,
                    };
                    let state = crate::i18n::t(lang, state);
                    format!("{} · {} · {} · {org} · {state}", a.display_name, a.id, role_name(lang, a.role))
                })
                .collect()
        })
    };
    let command = move || {
        let role = chosen_role(&role.get_untracked());
        Ok(Command::AddWorkAccount {
            org: MpnId(org.get_untracked()),
            email: email.get_untracked(),
            display_name: name.get_untracked(),
            role,
            password: password.get_untracked(),
            salt: new_salt(),
            state: match state.get_untracked().as_str() {
                "invited" => AccountSetup::Invited,
                "deleted" => AccountSetup::Deleted,
                _ => AccountSetup::Active,
            },
        })
    };
    view! {
        <Part
            heading=Text::EditorAccounts
            id="editor-accounts"
            lines=Box::new(lines)
            inputs=vec![
                Input::Choice(Text::OrganisationLabel, "account-org", orgs, org),
                Input::Text(Text::WorkEmail, "account-email", "text", Some("email"), email),
                Input::Text(Text::DisplayName, "account-name", "text", None, name),
                Input::Choice(Text::Role, "account-role", role_options(lang), role),
                Input::Choice(Text::AccountStateLabel, "account-state", states, state),
                Input::Text(Text::AccountPassword, "account-password", "text", None, password),
            ]
            submit=Text::AddWorkAccount
            command=Box::new(command)
            clear=vec![email, name, password]
        />
    }
}

/// What a holder passed, as the editor lists it: `AZ-900 (November 2, 2026), …`.
fn passed_list(lang: crate::i18n::Lang, passed: &[Credential]) -> String {
    passed.iter().map(|c| format!("{} ({})", c.code, format_date(lang, c.passed_on))).collect::<Vec<_>>().join(", ")
}

#[component]
fn Profiles() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let (mcid, username, password, holder) = (
        text_field("profile-mcid"),
        text_field("profile-username"),
        text_field("profile-password"),
        text_field("profile-holder"),
    );
    let lines = move || {
        let lang = lang.get();
        ctx.with_state(|s| {
            s.data()
                .profiles
                .values()
                .map(|p| {
                    format!("{} · {} · {} · {}", p.mcid, p.holder_name, p.username, passed_list(lang, &p.credentials))
                })
                .collect()
        })
    };
    let command = move || {
        Ok(Command::AddMcidProfile {
            mcid: mcid.get_untracked(),
            username: username.get_untracked(),
            password: password.get_untracked(),
            salt: new_salt(),
            holder_name: holder.get_untracked(),
        })
    };
    view! {
        <Part
            heading=Text::EditorProfiles
            id="editor-profiles"
            lines=Box::new(lines)
            inputs=vec![
                Input::Text(Text::McidLabel, "profile-mcid", "text", Some("numeric"), mcid),
                Input::Text(Text::MicrosoftLearningUsername, "profile-username", "text", Some("email"), username),
                Input::Text(Text::AccountPassword, "profile-password", "text", None, password),
                Input::Text(Text::HolderName, "profile-holder", "text", None, holder),
            ]
            submit=Text::AddProfile
            command=Box::new(command)
            clear=vec![mcid, username, password, holder]
        />
    }
}

/// Partner University accounts, for a work email: the one a person's
/// access associates (R6), with assessments that exist before it (D7).
#[component]
fn PartnerUniversity() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let username = text_field("pu-username");
    let lines = move || {
        let lang = lang.get();
        ctx.with_state(|s| {
            s.data()
                .partner_university
                .values()
                .map(|pu| format!("{} · {}", pu.username, passed_list(lang, &pu.assessments)))
                .collect()
        })
    };
    view! {
        <Part
            heading=Text::EditorPartnerUniversity
            id="editor-partner-university"
            lines=Box::new(lines)
            inputs=vec![Input::Text(Text::PuUsername, "pu-username", "text", Some("email"), username)]
            submit=Text::AddPuAccount
            command=Box::new(move || Ok(Command::AddPartnerUniversityAccount { username: username.get_untracked() }))
            clear=vec![username]
        />
    }
}

/// An exam or certification on a profile, or an assessment on a Partner
/// University account, passed on a given day.
#[component]
fn Exams() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let (holder, code, title) = (choice_field("exam-holder", ""), text_field("exam-code"), text_field("exam-title"));
    let kind = choice_field("exam-kind", "exam");
    // The field shows today on the scenario clock, drawn anew; the draft
    // keeps only another day chosen, so that a kept "today" never goes
    // stale after the clock moves or the page comes back another day.
    let chosen_day = choice_field("exam-date", "");
    let today = crate::rules::reports::iso_date(ctx.now());
    let kept = chosen_day.get_untracked();
    let passed_on = RwSignal::new(if kept.is_empty() { today.clone() } else { kept });
    crate::ui::effect(move || {
        let day = passed_on.get();
        chosen_day.set(if day == today { String::new() } else { day });
    });
    // A profile is `mcid:<MCID>`, a Partner University account `pu:<username>`.
    let holders = Signal::derive(move || {
        ctx.with_state(|s| {
            let profiles = s
                .data()
                .profiles
                .values()
                .map(|p| (format!("mcid:{}", p.mcid), format!("{} ({})", p.holder_name, p.mcid)));
            let accounts =
                s.data().partner_university.values().map(|pu| (format!("pu:{}", pu.username), pu.username.clone()));
            profiles.chain(accounts).collect()
        })
    });
    let kinds = Signal::derive(move || {
        let lang = lang.get();
        [("exam", Text::KindExam), ("certification", Text::KindCertification), ("assessment", Text::KindAssessment)]
            .map(|(value, text)| (value.to_string(), crate::i18n::t(lang, text).to_string()))
            .to_vec()
    });
    let command = move || {
        // An empty date is today's, on the scenario clock (D1).
        let at = entered_date("exam-date", &passed_on.get_untracked()).unwrap_or(Ok(ctx.now()))?;
        let kind = match kind.get_untracked().as_str() {
            "certification" => CredentialKind::Certification,
            "assessment" => CredentialKind::Assessment,
            _ => CredentialKind::Exam,
        };
        let chosen = holder.get_untracked();
        let holder = match chosen.split_once(':') {
            Some(("pu", username)) => Holder::PartnerUniversity(username.to_string()),
            Some((_, mcid)) => Holder::Mcid(McidId(mcid.to_string())),
            None => Holder::Mcid(McidId(chosen)),
        };
        let credential = Credential { code: code.get_untracked(), title: title.get_untracked(), kind, passed_on: at };
        Ok(Command::RecordPassedOn { holder, credential })
    };
    view! {
        <Part
            heading=Text::EditorExams
            id="editor-exams"
            inputs=vec![
                Input::Choice(Text::ProfileLabel, "exam-holder", holders, holder),
                Input::Text(Text::ExamCode, "exam-code", "text", None, code),
                Input::Text(Text::ExamTitle, "exam-title", "text", None, title),
                Input::Choice(Text::ExamKind, "exam-kind", kinds, kind),
                Input::Text(Text::PassedOn, "exam-date", "date", None, passed_on),
            ]
            submit=Text::RecordExam
            command=Box::new(command)
            clear=vec![code, title]
        />
    }
}

/// The yearly limit's two numbers (D6), each checked against its range by
/// the rules; what is not a number is out of that range too.
#[component]
fn Limits() -> impl IntoView {
    use crate::rules::range::Range;
    use crate::rules::{LimitSettings, Refusal};
    let ctx = use_ctx();
    let now = ctx.with_state(|s| s.data().limits);
    let per_year = RwSignal::new(now.per_year.to_string());
    let cool_off = RwSignal::new(now.cool_off_days.to_string());
    // Each field follows the limit stored (a start anew, another tab's
    // change) unless the person has typed in it: what they typed stays, and
    // the other field does not send back the value it showed before.
    let shown = StoredValue::new(now);
    crate::ui::effect(move || {
        let limits = ctx.with_state(|s| s.data().limits);
        let before = shown.get_value();
        let follow = |field: RwSignal<String>, was: u32, is: u32| {
            if was != is && field.get_untracked().trim() == was.to_string() {
                field.set(is.to_string());
            }
        };
        follow(per_year, before.per_year, limits.per_year);
        follow(cool_off, before.cool_off_days, limits.cool_off_days);
        shown.set_value(limits);
    });
    let number = |value: RwSignal<String>, range: Range| {
        value.get_untracked().trim().parse::<u32>().map_err(|_| Refusal::OutOfRange { range })
    };
    let lines = move || {
        let lang = ctx.lang.get();
        let limits = ctx.with_state(|s| s.data().limits);
        vec![crate::i18n::limit_explained(lang, limits.per_year, limits.cool_off_days)]
    };
    let command = move || {
        let settings = LimitSettings {
            per_year: number(per_year, Range::PER_YEAR)?,
            cool_off_days: number(cool_off, Range::COOL_OFF_DAYS)?,
        };
        Ok(Command::SetLimitSettings { settings })
    };
    view! {
        <Part
            heading=Text::EditorLimits
            id="editor-limits"
            lines=Box::new(lines)
            inputs=vec![
                Input::Text(Text::PerYearLabel, "limit-per-year", "text", Some("numeric"), per_year),
                Input::Text(Text::CoolOffLabel, "limit-cool-off", "text", Some("numeric"), cool_off),
            ]
            submit=Text::SetLimits
            command=Box::new(command)
            clear=vec![]
        />
    }
}
