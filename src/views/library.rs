//! The library of scenarios (`session::library`): the scenarios kept in
//! this browser, the person's own among them, each opened, renamed or
//! deleted (with a confirmation); the open one saved as a copy or
//! exported; a file imported as a new one. The session keeps them, each
//! in a space of the save engine's; this page shows and asks.

use crate::i18n::keeping::{kept, kr, on_item, Kept};
use crate::i18n::pages::{pr, PageText};
use crate::session::{checked_name, use_ctx, Ctx, Entry, LibraryError, MAX_NAME};
use crate::ui::{escape_cancels, hand_keyboard_to, handler, live, When};
use crate::views::common::{export_scenario, file_input, mark_refused, read_import, Answer, Unchanged};
use leptos::prelude::*;

/// What the last change did, as the page says it.
fn said(result: Result<(), LibraryError>) -> Result<(), Unchanged> {
    result.map_err(Unchanged::Library)
}

/// A name refused is marked, named by the message, and given the keyboard,
/// as on every form; any other answer clears the mark.
fn mark_name(result: Result<(), LibraryError>, form: &str, field: &str) {
    let refused: &[&str] = if result == Err(LibraryError::BadName) { &[field] } else { &[] };
    mark_refused(form, "library-outcome", refused);
}

/// An entry's name as shown: "My scenario" for the person's own, unnamed.
fn entry_name(lang: crate::i18n::Lang, entry: &Entry) -> String {
    entry.name.clone().unwrap_or_else(|| kept(lang, Kept::MyScenario).to_string())
}

#[component]
pub fn Library() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let outcome = RwSignal::new(None::<Result<(), Unchanged>>);
    let reading = RwSignal::new(false);
    let lines = Lines { page: Owner::current().unwrap_or_default(), states: StoredValue::new(Vec::new()) };
    let copy_name = RwSignal::new(String::new());
    let save_copy = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = ctx.library_save_copy(&copy_name.get_untracked());
        if result.is_ok() {
            copy_name.set(String::new());
        }
        mark_name(result, "section[aria-labelledby=\"save-as\"]", "library-name");
        outcome.set(Some(said(result)));
    };
    let export = move |_| {
        if let Err(opening) = export_scenario(ctx) {
            outcome.set(Some(said(Err(opening))));
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = file_input(&ev) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        // The new entry is named after the file, as much of it as a name
        // holds; a file name with nothing to keep gives a name of its own.
        let name: String = file.name().trim_end_matches(".json").chars().take(MAX_NAME).collect();
        outcome.set(None);
        reading.set(true);
        leptos::task::spawn_local(async move {
            let lang = lang.get_untracked();
            let name = match checked_name(&name) {
                Ok(_) => name,
                Err(_) => kept(lang, Kept::ImportedName).to_string(),
            };
            let read = read_import(file).await;
            reading.set(false);
            outcome.set(Some(match read {
                Ok(doc) => said(ctx.library_import(&name, doc.scenario)),
                Err(why) => Err(why),
            }));
        });
    };
    let entries = live(move || {
        let open = ctx.library_open_id();
        ctx.library()
            .into_iter()
            .map(|entry| view! { <EntryLine entry=entry.clone() open=entry.id == open outcome lines=lines.clone() /> })
            .collect_view()
            .into_any()
    });
    view! {
        <h1 id="library-heading" tabindex="-1">{kr(lang, Kept::LibraryHeading)}</h1>
        <p>{kr(lang, Kept::LibraryHelp)}</p>
        <div id="library-outcome">
            <Answer answer=outcome done=|lang| kept(lang, Kept::LibraryDone) reading />
        </div>
        <ul class="backups library">{entries}</ul>
        <section class="card" aria-labelledby="save-as">
            <h2 id="save-as">{kr(lang, Kept::SaveAsHeading)}</h2>
            <form class="form" on:submit=handler(save_copy)>
                <label>
                    <span>{kr(lang, Kept::NameLabel)}</span>
                    <input type="text" name="library-name" bind:value=copy_name />
                </label>
                <button type="submit" class="button primary">
                    {kr(lang, Kept::SaveAs)}
                </button>
            </form>
            <p>
                <button class="button" id="library-export" on:click=handler(export)>
                    {kr(lang, Kept::ExportOpen)}
                </button>
            </p>
        </section>
        <section class="card" aria-labelledby="import-as-new">
            <h2 id="import-as-new">{kr(lang, Kept::ImportAsNew)}</h2>
            <label class="button file-button">
                <span>{pr(lang, PageText::ChooseFile)}</span>
                <input
                    class="visually-hidden"
                    type="file"
                    name="library-import"
                    accept=".json,application/json"
                    on:change=handler(on_pick)
                />
            </label>
        </section>
    }
}

/// What a line of the library is in the middle of: a rename being typed,
/// a deletion being asked.
#[derive(Clone, Copy)]
struct LineState {
    renaming: RwSignal<bool>,
    confirming: RwSignal<bool>,
    name: RwSignal<String>,
}

/// Each entry's [`LineState`], owned by the page, not by the line: the
/// lines are drawn anew whenever the library changes (another entry
/// renamed, a copy saved), and a half-typed name must survive that.
#[derive(Clone)]
struct Lines {
    page: Owner,
    states: StoredValue<Vec<(String, LineState)>>,
}

impl Lines {
    fn of(&self, key: &str, entry: &Entry) -> LineState {
        if let Some(state) = self.states.with_value(|s| s.iter().find(|(k, _)| k == key).map(|(_, state)| *state)) {
            return state;
        }
        let state = self.page.with(|| LineState {
            renaming: RwSignal::new(false),
            confirming: RwSignal::new(false),
            name: RwSignal::new(entry.name.clone().unwrap_or_default()),
        });
        self.states.update_value(|s| s.push((key.to_string(), state)));
        state
    }
}

/// One scenario of the library: its name, and what can be done with it.
#[component]
fn EntryLine(
    entry: Entry,
    open: bool,
    outcome: RwSignal<Option<Result<(), Unchanged>>>,
    lines: Lines,
) -> impl IntoView {
    let ctx: Ctx = use_ctx();
    let lang = ctx.lang;
    let id = entry.id.clone();
    let key = if id.is_empty() { "own".to_string() } else { id.clone() };
    let LineState { renaming, confirming, name } = lines.of(&key, &entry);
    let shown = entry.clone();
    let asked = entry.clone();
    let named = {
        let entry = entry.clone();
        move |action: Kept| {
            let entry = entry.clone();
            move || on_item(lang.get(), action, &entry_name(lang.get(), &entry))
        }
    };
    // The entry opened loses its Open button, and a rename its form: the
    // keyboard stays on the line, on its Rename button.
    let open_it = {
        let (id, key) = (id.clone(), key.clone());
        move |_| {
            let result = ctx.library_open(&id);
            if result.is_ok() {
                hand_keyboard_to(ctx, format!("#rename-{key}"));
            }
            outcome.set(Some(said(result)));
        }
    };
    let rename = {
        let (id, key) = (id.clone(), key.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = ctx.library_rename(&id, &name.get_untracked());
            if result.is_ok() {
                renaming.set(false);
                hand_keyboard_to(ctx, format!("#rename-{key}"));
            }
            mark_name(result, &format!("[data-entry=\"{key}\"]"), "library-rename");
            outcome.set(Some(said(result)));
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            confirming.set(false);
            let result = ctx.library_delete(&id);
            outcome.set(Some(said(result)));
            hand_keyboard_to(ctx, "#library-heading");
        }
    };
    let cancel = {
        let key = key.clone();
        move || {
            confirming.set(false);
            hand_keyboard_to(ctx, format!("#delete-{key}"));
        }
    };
    let question_id = format!("delete-question-{key}");
    let ask = {
        let key = key.clone();
        move |_| {
            confirming.set(true);
            hand_keyboard_to(ctx, format!("#cancel-{key}"));
        }
    };
    let held = {
        let id = id.clone();
        Signal::derive(move || !open && ctx.library_holds_unsaved(&id))
    };
    // A line drawn anew (another entry changed, here or in another tab)
    // with its question or its rename form open gives the keyboard back to
    // it where the redraw took it away with the line drawn before.
    let reopened = match (confirming.get_untracked(), renaming.get_untracked()) {
        (true, _) => Some(format!("#cancel-{key}")),
        (false, true) => Some(format!("[data-entry=\"{key}\"] input[name=\"library-rename\"]")),
        _ => None,
    };
    if let Some(target) = reopened {
        request_animation_frame(move || {
            if document().active_element().is_none_or(|active| active.tag_name() == "BODY") {
                hand_keyboard_to(ctx, target);
            }
        });
    }
    let deletable = !id.is_empty();
    let (open_id, rename_id, delete_id) = (format!("open-{key}"), format!("rename-{key}"), format!("delete-{key}"));
    let (confirm_id, cancel_id) = (format!("confirm-delete-{key}"), format!("cancel-{key}"));
    view! {
        <li class="library-entry" data-entry=key>
            <span>
                <strong>{live(move || entry_name(lang.get(), &shown))}</strong>
                {open.then(|| view! { " " <span class="sub">{kr(lang, Kept::OpenMark)}</span> })}
                <When when=held>
                    " "
                    <span class="sub">{kr(lang, Kept::HeldMark)}</span>
                </When>
            </span>
            {(!open).then(|| view! {
                <button class="button" id=open_id aria-label=named(Kept::OpenEntry) on:click=handler(open_it)>
                    {kr(lang, Kept::OpenEntry)}
                </button>
            })}
            <button
                class="button"
                id=rename_id
                aria-label=named(Kept::RenameEntry)
                aria-expanded=move || renaming.get().to_string()
                on:click=handler({
                    // The form opened takes the keyboard: the next Tab is
                    // not Delete.
                    let field = format!("[data-entry=\"{key}\"] input[name=\"library-rename\"]");
                    move |_| {
                        renaming.update(|on| *on = !*on);
                        if renaming.get_untracked() {
                            hand_keyboard_to(ctx, field.clone());
                        }
                    }
                })
            >
                {kr(lang, Kept::RenameEntry)}
            </button>
            {deletable.then(|| view! {
                <button class="button danger" id=delete_id aria-label=named(Kept::DeleteEntry) on:click=handler(ask)>
                    {kr(lang, Kept::DeleteEntry)}
                </button>
            })}
            <When when=renaming>
                <form class="form inline" on:submit=handler(rename.clone())>
                    <label>
                        <span>{kr(lang, Kept::NameLabel)}</span>
                        <input type="text" name="library-rename" bind:value=name />
                    </label>
                    <button type="submit" class="button primary">
                        {kr(lang, Kept::RenameEntry)}
                    </button>
                </form>
            </When>
            <When when=confirming>
                <div
                    class="confirm"
                    role="alertdialog"
                    aria-label=named(Kept::DeleteEntry)
                    aria-describedby=question_id.clone()
                    on:keydown=escape_cancels(cancel.clone())
                >
                    <p id=question_id.clone()>{live({
                        let asked = asked.clone();
                        move || crate::i18n::keeping::delete_entry_question(lang.get(), &entry_name(lang.get(), &asked))
                    })}</p>
                    <button class="button danger" id=confirm_id.clone() on:click=handler(delete.clone())>
                        {kr(lang, Kept::DeleteEntry)}
                    </button>
                    <button class="button cancel" id=cancel_id.clone() on:click=handler({
                        let cancel = cancel.clone();
                        move |_| cancel()
                    })>
                        {kr(lang, Kept::CancelEntry)}
                    </button>
                </div>
            </When>
        </li>
    }
}
