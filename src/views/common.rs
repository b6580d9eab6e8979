//! Small pieces several views share: the outcome of a command (a refusal
//! worded with its rule, or the changes made), the source's quoted words,
//! and the prompt to sign in.

use crate::i18n::events::event_sentence;
use crate::i18n::pages::{pr, PageText};
use crate::i18n::reactive::tr;
use crate::i18n::refusals::refusal_sentence;
use crate::i18n::source::{quote, Source};
use crate::i18n::Text;
use crate::route::Route;
use crate::rules::{Command, Event, EventKind, Refusal};
use crate::session::{use_ctx, Ctx};
use crate::ui::{effect, escape_cancels, hand_keyboard_to, handler, live, When};
use leptos::prelude::*;

/// What the last command of a view did.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Refused(Refusal),
    Done(Vec<EventKind>),
}

impl From<Result<Vec<Event>, Refusal>> for Outcome {
    fn from(result: Result<Vec<Event>, Refusal>) -> Self {
        match result {
            Ok(events) => Outcome::Done(events.into_iter().map(|e| e.kind).collect()),
            Err(refusal) => Outcome::Refused(refusal),
        }
    }
}

/// Runs `command`; when it is done, the keyboard goes to `then`, since the
/// page is drawn again without the control it was on (a refusal leaves it
/// where it is, to correct the form).
pub fn execute_handing_keyboard_to(ctx: Ctx, command: Command, then: impl Into<String>) -> Outcome {
    let result: Outcome = ctx.execute(command).into();
    if matches!(result, Outcome::Done(_)) {
        hand_keyboard_to(ctx, then);
    }
    result
}

/// Shows an outcome in the current language: a refusal as an alert, the
/// changes as a status message. Worded live, so switching language rewords
/// it. The status region is on the page before any change comes into it,
/// as screen readers announce only what changes inside a live region.
#[component]
pub fn OutcomeMessage(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let ctx = use_ctx();
    let refused = live(move || {
        let lang = ctx.lang.get();
        match outcome.get() {
            Some(Outcome::Refused(refusal)) => {
                let text = ctx.with_state(|s| refusal_sentence(lang, &refusal, s));
                // Named with its rule: a tour waits for one refusal, not any.
                view! {
                    <p class="message refused" role="alert" data-tour=format!("refusal {}", refusal.rule().code())>
                        {text}
                    </p>
                }
                .into_any()
            }
            _ => ().into_any(),
        }
    });
    let done = live(move || {
        let lang = ctx.lang.get();
        match outcome.get() {
            Some(Outcome::Done(kinds)) => {
                let lines = ctx.with_state(|s| kinds.iter().map(|k| event_sentence(lang, k, s)).collect::<Vec<_>>());
                view! {
                    <div class="message done" data-tour="outcome">
                        {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                    </div>
                }
                .into_any()
            }
            _ => ().into_any(),
        }
    });
    view! {
        {refused}
        <div role="status">{done}</div>
    }
}

/// The answer to an action that changes something, or changes nothing and
/// says why: the refusal as an alert, drawn when it comes (offering
/// `anyway` where the scenario open could not be kept); what was done,
/// `done` in the language chosen, in a status region on the page before it
/// comes, so that screen readers say it.
#[component]
pub fn Answer(
    answer: RwSignal<Option<Result<(), Unchanged>>>,
    done: fn(crate::i18n::Lang) -> &'static str,
    #[prop(optional)] anyway: Option<Callback<()>>,
    #[prop(optional)] reading: Option<RwSignal<bool>>,
) -> impl IntoView {
    let lang = use_ctx().lang;
    let refused = live(move || match (answer.get(), anyway) {
        (Some(Err(why)), Some(anyway)) => view! { <UnchangedMessage why anyway /> }.into_any(),
        (Some(Err(why)), None) => view! { <UnchangedMessage why /> }.into_any(),
        _ => ().into_any(),
    });
    let said = live(move || match answer.get() {
        _ if reading.is_some_and(|reading| reading.get()) => reading_file(lang.get()).into_any(),
        Some(Ok(())) => view! { <p class="message done">{done(lang.get())}</p> }.into_any(),
        _ => ().into_any(),
    });
    view! {
        {refused}
        <div role="status">{said}</div>
    }
}

/// Said while a chosen file is read: on a first visit the reader's file
/// comes first, and a large file takes a moment.
pub fn reading_file(lang: crate::i18n::Lang) -> impl IntoView {
    view! { <p class="message">{crate::i18n::keeping::kept(lang, crate::i18n::keeping::Kept::ReadingFile)}</p> }
}

/// Marks the first field of `form` (a CSS selector) that `names` name as
/// invalid, described by the refusal in `outcome_id`, and gives it the
/// keyboard, to be corrected there; any field of the form marked before is
/// unmarked (an empty `names`, after a change made, only unmarks).
pub fn mark_refused(form: &str, outcome_id: &str, names: &[&str]) {
    if let Ok(marked) = document().query_selector_all(&format!("{form} [aria-invalid]")) {
        for n in 0..marked.length() {
            if let Some(element) =
                marked.item(n).and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
            {
                let _ = element.remove_attribute("aria-invalid");
                let _ = element.remove_attribute("aria-describedby");
            }
        }
    }
    let field = names.iter().find_map(|name| {
        document().query_selector(&format!("{form} [name=\"{name}\"], {form} #{name}")).ok().flatten()
    });
    if let Some(field) = field {
        let _ = field.set_attribute("aria-invalid", "true");
        let _ = field.set_attribute("aria-describedby", outcome_id);
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(field).focus();
    }
}

/// The source's sentences, quoted word for word and marked as such.
#[component]
pub fn SourceQuote(sentences: &'static [Source]) -> impl IntoView {
    let lang = use_ctx().lang;
    view! {
        <figure class="source-quote">
            <blockquote>
                {sentences.iter().map(|&s| view! { <p>{live(move || quote(lang.get(), s))}</p> }).collect_view()}
            </blockquote>
            <figcaption>{tr(lang, Text::SourceCaption)}</figcaption>
        </figure>
    }
}

/// Why an import, a restore, a start anew or a library change changed
/// nothing: a value, so that the page words it live, in the language
/// chosen now.
#[derive(Clone, Debug, PartialEq)]
pub enum Unchanged {
    /// The file does not read.
    Unreadable(crate::storage::document::DocumentError),
    /// The restore point does not read.
    PointUnreadable(crate::storage::document::DocumentError),
    /// The reader's file could not be fetched (offline, before a first visit).
    ReaderNotLoaded,
    /// The browser could not read the file chosen (a folder, or a file
    /// moved or changed since it was chosen).
    FileNotRead,
    /// Another scenario was opened while the file was read: the file is
    /// not put in its place.
    OpenChanged,
    /// The restore point is no longer kept.
    PointGone,
    /// Another scenario was opened while the restore point was read.
    RestoreOpenChanged,
    /// The scenario it would replace cannot be kept as a restore point.
    NotKept(crate::save::PointNotKept),
    /// The person's own scenario, which the case on screen would replace,
    /// cannot be kept as a restore point.
    OwnNotKept(crate::save::PointNotKept),
    Library(crate::save::library::LibraryError),
}

impl From<crate::session::RestoreFailed> for Unchanged {
    fn from(failed: crate::session::RestoreFailed) -> Self {
        use crate::session::RestoreFailed;
        match failed {
            RestoreFailed::Gone => Unchanged::PointGone,
            RestoreFailed::ReaderNotLoaded => Unchanged::ReaderNotLoaded,
            RestoreFailed::Unreadable(error) => Unchanged::PointUnreadable(error),
            RestoreFailed::NotKept(why) => Unchanged::NotKept(why),
            RestoreFailed::OpenChanged => Unchanged::RestoreOpenChanged,
        }
    }
}

/// `unchanged` worded in `lang`, with what to do next.
pub fn unchanged(lang: crate::i18n::Lang, unchanged: &Unchanged) -> String {
    use crate::i18n::keeping::{kept, Kept};
    use crate::save::library::LibraryError;
    use crate::save::PointNotKept;
    let text = match unchanged {
        Unchanged::Unreadable(error) => return crate::ui::document::document_error(lang, error),
        Unchanged::PointUnreadable(error) => return crate::ui::document::restore_point_error(lang, error),
        Unchanged::ReaderNotLoaded => return crate::i18n::t(lang, Text::ReaderNotLoaded).to_string(),
        Unchanged::PointGone => Kept::RestorePointGone,
        Unchanged::NotKept(PointNotKept::TooLarge) => Kept::NotKeptTooLarge,
        Unchanged::NotKept(PointNotKept::NoRoom) => Kept::NotKeptNoRoom,
        Unchanged::NotKept(PointNotKept::NoStorage) => Kept::NotKeptNoStorage,
        Unchanged::OwnNotKept(PointNotKept::TooLarge) => Kept::OwnNotKeptTooLarge,
        Unchanged::OwnNotKept(PointNotKept::NoRoom) => Kept::OwnNotKeptNoRoom,
        Unchanged::OwnNotKept(PointNotKept::NoStorage) => Kept::OwnNotKeptNoStorage,
        Unchanged::Library(LibraryError::BadName) => Kept::LibraryBadName,
        Unchanged::Library(LibraryError::NotSaved) => Kept::LibraryNotSaved,
        Unchanged::Library(LibraryError::Unsaved) => Kept::LibraryUnsaved,
        Unchanged::Library(LibraryError::Opening) => Kept::LibraryOpening,
        Unchanged::FileNotRead => Kept::FileNotRead,
        Unchanged::OpenChanged => Kept::ImportOpenChanged,
        Unchanged::RestoreOpenChanged => Kept::RestoreOpenChanged,
        // Deleting the person's own is not offered; another tab may have
        // deleted an entry this page still lists.
        Unchanged::Library(LibraryError::Unknown | LibraryError::OwnStays) => Kept::LibraryGone,
    };
    kept(lang, text).to_string()
}

/// Downloads the scenario open as a Certlink file (Your data, the
/// library), unless it is still being read: a stand-in is no one's.
pub fn export_scenario(ctx: crate::session::Ctx) -> Result<(), crate::save::library::LibraryError> {
    ctx.not_opening()?;
    let name = format!("certlink-scenario-{}.json", crate::rules::reports::iso_date(ctx.now()));
    crate::download::download(&name, "application/json", &ctx.export());
    Ok(())
}

/// Reads a file a person chose or dropped, whole, and checks it whole
/// through the reader file. Nothing changes here: the caller decides what
/// the document replaces (Your data's scenario, a new entry of the
/// library).
pub async fn read_import(file: web_sys::File) -> Result<crate::storage::document::Document, Unchanged> {
    use crate::storage::document::{DocumentError, MAX_IMPORT_BYTES};
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        return Err(Unchanged::Unreadable(DocumentError::TooLarge { bytes: size, limit: MAX_IMPORT_BYTES }));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
    let Some(text) = text else { return Err(Unchanged::FileNotRead) };
    let result = crate::session::reader::read_file(text).await;
    match result {
        Err(_) => Err(Unchanged::ReaderNotLoaded),
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(error)) => Err(Unchanged::Unreadable(error)),
    }
}

/// A refusal of [`Unchanged`], worded live as an alert. Where the scenario
/// open could not be kept as a restore point, `anyway` (when given)
/// replaces it all the same, once the person has read what it loses.
#[component]
pub fn UnchangedMessage(why: Unchanged, #[prop(optional)] anyway: Option<Callback<()>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let label = match why {
        Unchanged::OwnNotKept(_) => Some(crate::i18n::keeping::Kept::KeepCaseAnyway),
        Unchanged::NotKept(_) => Some(crate::i18n::keeping::Kept::ReplaceAnyway),
        _ => None,
    };
    let anyway = anyway.zip(label).map(|(anyway, label)| {
        // The button goes with its message: the keyboard goes to the page.
        let replace = move |_| {
            anyway.run(());
            hand_keyboard_to(ctx, crate::ui::PAGE_HEADING);
        };
        view! {
            <button class="button danger" on:click=handler(replace)>
                {crate::i18n::keeping::kr(lang, label)}
            </button>
        }
    });
    view! {
        <div class="message refused" role="alert">
            <p>{live(move || unchanged(lang.get(), &why))}</p>
            {anyway}
        </div>
    }
}

/// The file input an event came from, if it is one.
pub fn file_input(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    ev.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
}

/// The roles a form offers (R1, R2, R13), as a `Choice`'s options.
const ROLES: [(&str, crate::rules::Role); 3] = [
    ("user", crate::rules::Role::User),
    ("admin", crate::rules::Role::MpnPartnerAdmin),
    ("global", crate::rules::Role::GlobalAdmin),
];

/// The roles as a `Choice`'s options, worded in the current language.
pub fn role_options(lang: RwSignal<crate::i18n::Lang>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let lang = lang.get();
        ROLES.map(|(value, role)| (value.to_string(), crate::i18n::events::role_name(lang, role).to_string())).to_vec()
    })
}

/// The role a `Choice` of [`role_options`] holds (a user's, when none).
pub fn chosen_role(value: &str) -> crate::rules::Role {
    ROLES.into_iter().find(|(v, _)| *v == value).map_or(crate::rules::Role::User, |(_, role)| role)
}

/// A fresh salt for a password's hash (D2), from the browser's random source.
pub fn new_salt() -> String {
    (0..4).map(|_| format!("{:08x}", (js_sys::Math::random() * f64::from(u32::MAX)) as u32)).collect()
}

/// For pages that need someone signed in (R5).
#[component]
pub fn SignInPrompt() -> impl IntoView {
    let lang = use_ctx().lang;
    let sign_in = Route::current().sign_in_then();
    view! {
        <div class="card">
            <p>{pr(lang, PageText::SignInNeeded)}</p>
            <p>
                <a class="button primary" href=sign_in>
                    {tr(lang, Text::SignIn)}
                </a>
            </p>
        </div>
    }
}

/// True where the browser holds what was typed in `input` but cannot read
/// it as a value: a date with a part left blank, or a 30 February. Its
/// value is empty then, as if nothing had been typed.
fn unreadable(input: &wasm_bindgen::JsValue) -> bool {
    use js_sys::Reflect;
    let validity = Reflect::get(input, &"validity".into()).ok();
    validity.and_then(|v| Reflect::get(&v, &"badInput".into()).ok()).and_then(|b| b.as_bool()) == Some(true)
}

/// The date typed in the date field named `name`, as the rules read it
/// (D1): `None` where it is empty. A date the browser cannot read is
/// refused, never taken for an empty field's default.
pub fn entered_date(name: &str, value: &str) -> Option<Result<crate::rules::Time, Refusal>> {
    let input = document().query_selector(&format!("input[name=\"{name}\"]")).ok().flatten();
    if input.is_some_and(|input| unreadable(&input)) {
        return Some(Err(Refusal::DateIncomplete));
    }
    crate::rules::range::entered_date(value)
}

/// A labelled text input bound to `value`: one component for every field,
/// so each form is compiled once per field kind, not once per field. A
/// date's picker offers the range of dates the rules keep (D1); the rules
/// check it still.
#[component]
pub fn Field(
    label: Text,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let lang = use_ctx().lang;
    // Bound both ways, but a date the browser cannot read yet (typed part
    // by part) is left on screen as typed: writing its empty value back
    // would wipe every part of it. The form refuses it if sent so.
    let typed = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if !unreadable(&input) {
            value.set(input.value());
        }
    };
    view! {
        <label>
            <span>{tr(lang, label)}</span>
            <input
                type=kind
                name=name
                autocomplete=autocomplete
                inputmode=inputmode
                required=required
                min=(kind == "date").then_some(crate::rules::range::EARLIEST_DATE)
                max=(kind == "date").then_some(crate::rules::range::LATEST_DATE)
                prop:value=value
                on:input=typed
            />
        </label>
    }
}

/// A refusal that stops a whole page (R2 for admin views): a clear page,
/// never a blank one.
#[component]
pub fn NotAllowed(refusal: Refusal) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let text = live(move || ctx.with_state(|s| refusal_sentence(lang.get(), &refusal, s)));
    view! {
        <h2>{pr(lang, PageText::NotAllowedHeading)}</h2>
        <p class="message refused" role="alert">
            {text}
        </p>
        <SourceQuote sentences=&[Source::AdminRoles] />
        <p>
            <a href=Route::Home.href()>{tr(lang, Text::BackHome)}</a>
        </p>
    }
}

/// A labelled choice among `options` (value, label), bound to `value`; the
/// first option is chosen while `value` names none of them.
#[component]
pub fn Choice(
    label: Text,
    /// The select's id, which its label names (a wrapping label would make
    /// the chosen option part of the control's accessible name).
    id: &'static str,
    options: Signal<Vec<(String, String)>>,
    value: RwSignal<String>,
) -> impl IntoView {
    let lang = use_ctx().lang;
    effect(move || {
        options.with(|options| {
            // A value no longer offered gives way to the first one, or to
            // none where nothing is offered (the form then says to add one).
            if !options.iter().any(|(v, _)| *v == value.get_untracked()) {
                value.set(options.first().map(|(first, _)| first.clone()).unwrap_or_default());
            }
        })
    });
    view! {
        <div class="choice">
            <label for=id>{tr(lang, label)}</label>
            <select id=id on:change=handler(move |ev| value.set(event_target_value(&ev))) prop:value=move || value.get()>
                // Each option says whether it is the one chosen: when the
                // list changes (a holder added before the chosen one), the
                // options are patched in place, and the one shown stays
                // the one the form submits.
                {live(move || {
                    let chosen = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = v == chosen;
                            view! { <option value=v prop:selected=selected>{text}</option> }
                        })
                        .collect_view()
                        .into_any()
                })}
            </select>
        </div>
    }
}

/// Whether the confirmation of one line of a list is open, for a list
/// drawn anew by another tab's change or a language switch: the line
/// asked about is remembered in `asked`, outside the list, so that the
/// line drawn again asks again instead of closing the question, while the
/// question `still_asks` (its action still allowed: not where another tab
/// deleted the account, say).
pub fn asked_across_redraws(asked: StoredValue<Option<String>>, key: String, still_asks: bool) -> RwSignal<bool> {
    let open = RwSignal::new(still_asks && asked.with_value(|a| a.as_ref() == Some(&key)));
    crate::ui::effect(move || {
        if open.get() {
            asked.set_value(Some(key.clone()));
        } else if asked.with_value(|a| a.as_ref() == Some(&key)) {
            asked.set_value(None);
        }
    });
    open
}

/// The confirmation a destructive action asks for: the question, the
/// action's button and Cancel, shown while `open` is set.
#[component]
pub fn Confirm(
    /// The dialog's name (what is being confirmed).
    label: Text,
    question: Signal<String>,
    confirm: Text,
    on_confirm: Callback<()>,
    open: RwSignal<bool>,
    /// Tells this dialog from the page's others, for the keyboard.
    name: String,
    /// The control that opened the dialog (a CSS selector): Cancel gives
    /// the keyboard back to it.
    opener: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let cancel = format!("[data-confirm=\"{name}\"] .cancel");
    // Opening the dialog puts the keyboard on Cancel, the harmless choice;
    // so does a dialog drawn open again where a redraw of its list took
    // the keyboard away with the dialog drawn before.
    let mut was_open = None;
    effect(move || {
        let is_open = open.get();
        let keyboard_lost = || document().active_element().is_none_or(|active| active.tag_name() == "BODY");
        if is_open && (was_open == Some(false) || was_open.is_none() && keyboard_lost()) {
            hand_keyboard_to(ctx, cancel.clone());
        }
        was_open = Some(is_open);
    });
    let close = move || {
        open.set(false);
        hand_keyboard_to(ctx, opener.clone());
    };
    let question_id = format!("{name}-question");
    view! {
        <When when=open>
            <div
                class="confirm"
                role="alertdialog"
                aria-label=tr(lang, label)
                aria-describedby=question_id.clone()
                data-confirm=name.clone()
                on:keydown=escape_cancels(close.clone())
            >
                // Asked again, said so (a reset with no room for its point).
                <p id=question_id.clone() aria-live="polite">
                    {question}
                </p>
                <button class="button danger" data-tour="confirm" on:click=handler(move |_| on_confirm.run(()))>
                    {tr(lang, confirm)}
                </button>
                <button class="button cancel" on:click=handler({
                    let close = close.clone();
                    move |_| close()
                })>
                    {pr(lang, PageText::Cancel)}
                </button>
            </div>
        </When>
    }
}

/// The rows a long list shows at a time (the skills report, the users).
pub const PAGE_SIZE: usize = 50;

/// Previous / next page buttons, with where we are. The page asked for
/// may be past the last, once rows are gone (removed here, or by another
/// tab): it counts as the last, as the rows shown do.
#[component]
pub fn Pager(page: RwSignal<usize>, pages: usize) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let at = move || page.get().min(pages.saturating_sub(1));
    // The keyboard stays on the button pressed, or goes to the other one
    // where the end is reached (a disabled button cannot keep it).
    let turn = move |forward: bool| {
        let to = if forward { at() + 1 } else { at().saturating_sub(1) };
        page.set(to);
        let at_end = if forward { to + 1 >= pages } else { to == 0 };
        hand_keyboard_to(ctx, if forward != at_end { "#pager-next" } else { "#pager-previous" });
    };
    view! {
        <nav class="pager" aria-label=pr(lang, PageText::Pages)>
            <button class="button" id="pager-previous" disabled=move || at() == 0 on:click=handler(move |_| turn(false))>
                {pr(lang, PageText::Previous)}
            </button>
            <span>{live(move || crate::i18n::page_of(lang.get(), at() + 1, pages))}</span>
            <button class="button" id="pager-next" disabled=move || { at() + 1 >= pages } on:click=handler(move |_| turn(true))>
                {tr(lang, Text::Next)}
            </button>
        </nav>
    }
}
