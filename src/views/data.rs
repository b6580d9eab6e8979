//! Your data: export to a file, import from a file (picker or drag and drop),
//! validated completely before anything changes and undoable once, reset
//! to the demo data, restore points and the kept unreadable saves; and the
//! notices of a built-in case and of what another tab's save changed.

use crate::i18n::keeping::{kept, kr, on_item, Kept};
use crate::i18n::pages::{pr, PageText};
use crate::i18n::reactive::tr;
use crate::i18n::Text;
use crate::session::use_ctx;
use crate::storage::document::MAX_IMPORT_BYTES;
use crate::ui::{hand_keyboard_to, handler, live, When, PAGE_HEADING};
use crate::views::common::{
    asked_across_redraws, file_input, read_import, reading_file, Answer, Confirm, Unchanged, UnchangedMessage,
};
use leptos::prelude::*;

/// What another tab's save changed, and who changed it last: a part of
/// the `later` file, which words the sentence.
#[component]
pub fn WhatChanged() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    move || {
        let update = ctx.updated_elsewhere.get()?;
        Some(ctx.with_state(|state| what_changed(lang.get(), &update, state)))
    }
}

/// While a built-in case or a tour runs: the person's own scenario is
/// apart, and the way back to it. A part of the `later` file: its buttons
/// write, and only that file writes.
#[component]
pub fn CaseBanner() -> impl IntoView {
    let ctx = use_ctx();
    // A practice task's bar takes the banner's place while the task runs
    // on the scenario on screen (not a guided tour's, ended on its case),
    // or shows its result; it reads the practice state on first draw.
    ctx.practising();
    let practising = Signal::derive(move || {
        let on_screen = |run: &crate::practice::Run| ctx.scenario.with(|s| run.goes_on_in(s));
        ctx.tour.with(Option::is_none)
            && ctx
                .practice()
                .with(|p| p.as_ref().is_some_and(|p| p.run.as_ref().is_some_and(on_screen) || p.last.is_some()))
    });
    view! {
        <When when=practising fallback=move || view! { <CaseNotice /> }>
            <crate::views::practice::PracticeBar />
        </When>
    }
}

/// The case banner's own notice: the person's scenario is kept apart.
#[component]
fn CaseNotice() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let not_kept = RwSignal::new(None::<Unchanged>);
    let keep_case = move |losing_it| {
        let result = ctx.keep_case_as_own(losing_it);
        if result.is_ok() {
            hand_keyboard_to(ctx, PAGE_HEADING);
        }
        not_kept.set(result.err().map(Unchanged::OwnNotKept));
    };
    let anyway = Callback::new(move |()| keep_case(true));
    // The shell's status region says it (app.rs).
    view! {
        <div class="banner info">
            <p>{move || kept(lang.get(), if ctx.return_holds_unsaved() { Kept::CaseBannerUnsaved } else { Kept::CaseBanner })}</p>
            <button
                class="button"
                id="back-to-own"
                on:click=handler(move |_| {
                    ctx.leave_case();
                    hand_keyboard_to(ctx, PAGE_HEADING);
                })
            >
                {kr(lang, Kept::BackToOwn)}
            </button>
            <button class="button" id="keep-case" on:click=handler(move |_| keep_case(false))>
                {kr(lang, Kept::KeepCase)}
            </button>
            {move || not_kept.get().map(|why| view! { <UnchangedMessage why anyway /> })}
        </div>
    }
}

/// What the last import did.
#[derive(Clone, Debug, PartialEq)]
enum ImportOutcome {
    Imported {
        people: usize,
        events: usize,
    },
    Refused(Unchanged),
    /// The undo, refused: the scenario it would replace cannot be kept.
    UndoRefused(Unchanged),
    Undone,
}

#[component]
pub fn Data() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let outcome = RwSignal::new(None::<ImportOutcome>);
    let confirming = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let reading = RwSignal::new(false);
    let deleted = RwSignal::new(None::<String>);

    // Said beside Export, apart from what an import did.
    let export_refused = RwSignal::new(None::<Unchanged>);
    let export = move |_| {
        export_refused.set(crate::views::common::export_scenario(ctx).err().map(Unchanged::Library));
    };
    // The import a refusal to replace the scenario would make, once the
    // person has read that the scenario replaced cannot be kept.
    let retry = StoredValue::new(None::<crate::rules::Scenario>);
    let imported = move |scenario: crate::rules::Scenario, losing_it: bool| {
        let people = scenario.state().data().accounts.len();
        let events = scenario.trail().len();
        match ctx.import(scenario, losing_it) {
            Ok(()) => ImportOutcome::Imported { people, events },
            Err(not) => {
                retry.set_value(Some(*not.next));
                ImportOutcome::Refused(Unchanged::NotKept(not.why))
            }
        }
    };
    // Reads the file whole, validates it whole, and only then replaces the
    // scenario; any refusal leaves everything as it was. The file replaces
    // the scenario open when it was chosen, never another opened while it
    // was read (the reader's file may be on its way).
    let import_file = move |file: web_sys::File| {
        let open = untrack(|| ctx.library_open_id());
        outcome.set(None);
        reading.set(true);
        leptos::task::spawn_local(async move {
            let read = read_import(file).await;
            reading.set(false);
            let same = untrack(|| ctx.library_open_id()) == open;
            outcome.set(Some(match read {
                Ok(_) if !same => ImportOutcome::Refused(Unchanged::OpenChanged),
                Ok(doc) => imported(doc.scenario, false),
                Err(why) => ImportOutcome::Refused(why),
            }));
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = file_input(&ev) else { return };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            import_file(file);
        }
        // The same file may be chosen again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0)) {
            import_file(file);
        }
    };
    let undo = move |losing_it: bool| {
        outcome.set(Some(match ctx.undo_import(losing_it) {
            Ok(()) => {
                // Its button is gone with the scenario it brought back.
                hand_keyboard_to(ctx, "#import");
                ImportOutcome::Undone
            }
            Err(why) => ImportOutcome::UndoRefused(Unchanged::NotKept(why)),
        }));
    };
    let anyway = Callback::new(move |()| {
        if let Some(scenario) = retry.try_update_value(Option::take).flatten() {
            outcome.set(Some(imported(scenario, true)));
        }
    });
    let undo_anyway = Callback::new(move |()| undo(true));
    // A scenario too large for a restore point is said so before the
    // reset; a lack of room shows only when the point is written: the
    // dialog then asks again, saying so.
    let refused = RwSignal::new(None::<crate::save::PointNotKept>);
    let reset = move || {
        let losing_it = refused.get_untracked().is_some() || ctx.too_large_for_restore_point();
        if let Err(why) = ctx.reset_to_demo(losing_it) {
            refused.set(Some(why));
            return;
        }
        confirming.set(false);
        refused.set(None);
        outcome.set(None);
        ctx.go(crate::route::Route::SignIn);
        hand_keyboard_to(ctx, PAGE_HEADING);
    };
    view! {
        <h1>{tr(lang, Text::NavData)}</h1>
        <p>
            <a href=crate::route::Route::Library.href() id="open-library">
                {kr(lang, Kept::LibraryLink)}
            </a>
        </p>
        <section class="card" aria-labelledby="export">
            <h2 id="export">{kr(lang, Kept::ExportHeading)}</h2>
            <p>{kr(lang, Kept::ExportHelp)}</p>
            <button class="button primary" on:click=handler(export)>
                {kr(lang, Kept::ExportButton)}
            </button>
            {live(move || export_refused.get().map(|why| view! { <UnchangedMessage why /> }))}
        </section>
        <section class="card" aria-labelledby="import">
            <h2 id="import">{kr(lang, Kept::ImportHeading)}</h2>
            <p>{live(move || crate::i18n::import_help(lang.get(), MAX_IMPORT_BYTES / (1024 * 1024)))}</p>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=handler(move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                })
                on:dragleave=handler(move |_| dragging.set(false))
                on:drop=handler(on_drop)
            >
                // The browser's own file control is hidden but focusable:
                // its label is the button, worded in the page's language.
                <label class="button file-button">
                    <span>{pr(lang, PageText::ChooseFile)}</span>
                    <input class="visually-hidden" type="file" accept=".json,application/json" on:change=handler(on_pick) />
                </label>
                <p class="sub">{kr(lang, Kept::DropHere)}</p>
            </div>
            {live(move || match outcome.get() {
                Some(ImportOutcome::Refused(why)) => view! { <UnchangedMessage why anyway /> }.into_any(),
                Some(ImportOutcome::UndoRefused(why)) => {
                    view! { <UnchangedMessage why anyway=undo_anyway /> }.into_any()
                }
                _ => ().into_any(),
            })}
            // On the page before what is done comes into it, so that screen
            // readers say it.
            <div role="status">
                {live(move || {
                    let lang = lang.get();
                    match outcome.get() {
                        _ if reading.get() => reading_file(lang).into_any(),
                        Some(ImportOutcome::Imported { people, events }) => {
                            view! { <p class="message done">{crate::i18n::imported(lang, people, events)}</p> }
                                .into_any()
                        }
                        Some(ImportOutcome::Undone) => {
                            view! { <p class="message done">{kept(lang, Kept::ImportUndone)}</p> }.into_any()
                        }
                        _ => ().into_any(),
                    }
                })}
            </div>
            <When when=Signal::derive(move || ctx.replaced_scenario.with(Option::is_some))>
                <button class="button" on:click=handler(move |_| undo(false))>
                    {kr(lang, Kept::UndoImport)}
                </button>
            </When>
        </section>
        <section class="card" aria-labelledby="reset">
            <h2 id="reset">{tr(lang, Text::ResetHeading)}</h2>
            <p>{kr(lang, Kept::ResetHelp)}</p>
            <When when=Signal::derive(move || !confirming.get())>
                <button
                    class="button danger"
                    id="reset-button"
                    on:click=handler(move |_| {
                        refused.set(None);
                        confirming.set(true);
                    })
                >
                    {kr(lang, Kept::ResetButton)}
                </button>
            </When>
            <Confirm
                label=Text::ResetHeading
                question=Signal::derive(move || {
                    let lang = lang.get();
                    match refused.get() {
                        Some(crate::save::PointNotKept::NoRoom) => kept(lang, Kept::ConfirmResetNoRoom).to_string(),
                        Some(crate::save::PointNotKept::NoStorage) => kept(lang, Kept::ConfirmResetNoStorage).to_string(),
                        Some(crate::save::PointNotKept::TooLarge) => kept(lang, Kept::ConfirmResetLarge).to_string(),
                        None if ctx.too_large_for_restore_point() => kept(lang, Kept::ConfirmResetLarge).to_string(),
                        None => kept(lang, Kept::ConfirmReset).to_string(),
                    }
                })
                confirm=Text::ConfirmResetButton
                on_confirm=Callback::new(move |()| reset())
                open=confirming
                name="reset".to_string()
                opener="#reset-button".to_string()
            />
        </section>
        // What a deletion below did, said in a region on the page before
        // it: the line, or its whole list, is gone with its button.
        <div role="status">
            <When when=Signal::derive(move || deleted.with(Option::is_some))>
                <p class="message done">
                    {live(move || {
                        let item = deleted.get().unwrap_or_default();
                        crate::i18n::keeping::deleted_kept(lang.get(), &item)
                    })}
                </p>
            </When>
        </div>
        <RestorePoints deleted />
        <Backups deleted />
    }
}

/// The scenarios imports, resets and kept cases replaced, each to restore
/// or delete; they survive a reload.
#[component]
fn RestorePoints(deleted: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let message = RwSignal::new(None::<Result<(), Unchanged>>);
    // The point whose restore was refused for want of a restore point of
    // the scenario open, to restore anyway once the person has read why.
    let refused_point = StoredValue::new(None::<String>);
    let restore_point = move |key: String, losing_it: bool| {
        let pressed = document().active_element();
        leptos::task::spawn_local(async move {
            let restored = ctx.restore(key.clone(), losing_it).await.map_err(Unchanged::from);
            // The list is drawn anew without the button the keyboard was on;
            // a person who has moved on while the file was read keeps the
            // keyboard where they put it.
            let still = document().active_element();
            let stayed = still == pressed || still.is_some_and(|active| active.tag_name() == "BODY");
            if restored.is_ok() && stayed {
                hand_keyboard_to(ctx, "#restore-points");
            }
            refused_point.set_value(matches!(restored, Err(Unchanged::NotKept(_))).then_some(key));
            message.set(Some(restored));
        });
    };
    let anyway = Callback::new(move |()| {
        if let Some(key) = refused_point.try_update_value(Option::take).flatten() {
            restore_point(key, true);
        }
    });
    let points = move || ctx.restore_points();
    let asked = StoredValue::new(None::<String>);
    view! {
        <When when=Signal::derive(move || !points().is_empty() || message.with(Option::is_some))>
            <section class="card" aria-labelledby="restore-points">
                <h2 id="restore-points">{kr(lang, Kept::RestorePointsHeading)}</h2>
                <p>{kr(lang, Kept::RestorePointsHelp)}</p>
                <ul class="backups">
                    {move || {
                        points()
                            .into_iter()
                            .enumerate()
                            .map(|(n, point)| {
                                let lang_now = lang.get();
                                let why = kept(
                                    lang_now,
                                    match point.replaced {
                                        crate::save::Replaced::Import => Kept::BeforeImport,
                                        crate::save::Replaced::Reset => Kept::BeforeReset,
                                        crate::save::Replaced::Case => Kept::BeforeCase,
                                        crate::save::Replaced::Restore => Kept::BeforeRestore,
                                        crate::save::Replaced::Editor => Kept::BeforeEditor,
                                    },
                                );
                                let when = crate::storage::json::parse_time(&point.kept_at)
                                    .map(|at| crate::i18n::dates::format_date_time(lang_now, at))
                                    .unwrap_or_default();
                                let (restore, delete, key) = (point.key.clone(), point.key.clone(), point.key.clone());
                                let size = crate::i18n::kilobytes(lang_now, point.chars);
                                let item = format!("{why} · {when}");
                                let (restore_label, delete_label) =
                                    (on_item(lang_now, Kept::RestorePoint, &item), on_item(lang_now, Kept::DeleteBackup, &item));
                                view! {
                                    <li>
                                        <span>{format!("{item} · {size}")}</span>
                                        <button
                                            class="button"
                                            aria-label=restore_label
                                            on:click=handler(move |_| {
                                                let key = restore.clone();
                                                restore_point(key, false);
                                            })
                                        >
                                            {kr(lang, Kept::RestorePoint)}
                                        </button>
                                        <DeleteKept
                                            id=format!("delete-point-{n}")
                                            label=delete_label
                                            item=item.clone()
                                            point=true
                                            key=key
                                            asked=asked
                                            on_delete={
                                                let item = item.clone();
                                                Callback::new(move |()| {
                                                    ctx.delete_restore_point(&delete);
                                                    deleted.set(Some(item.clone()));
                                                    hand_keyboard_to(ctx, "#restore-points");
                                                })
                                            }
                                        />
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <Answer answer=message done=|lang| kept(lang, Kept::RestorePointBack) anyway />
            </section>
        </When>
    }
}

/// The unreadable saves kept, each to download or delete.
#[component]
fn Backups(deleted: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let changed = RwSignal::new(0u32);
    let asked = StoredValue::new(None::<String>);
    let backups = move || {
        changed.track();
        ctx.save_state.track();
        ctx.backups()
    };
    view! {
        <When when=Signal::derive(move || !backups().is_empty())>
            <section class="card" aria-labelledby="backups">
                <h2 id="backups">{kr(lang, Kept::BackupsHeading)}</h2>
                <p>{kr(lang, Kept::BackupsHelp)}</p>
                <ul class="backups">
                    {move || {
                        // Drawn anew in the language chosen: a few lines.
                        let lang_now = lang.get();
                        backups()
                            .into_iter()
                            .enumerate()
                            .map(|(n, backup)| {
                                let (download, delete, key) = (backup.key.clone(), backup.key.clone(), backup.key.clone());
                                let number = format!("#{}", n + 1);
                                let (download_label, delete_label) = (
                                    on_item(lang_now, Kept::DownloadBackup, &number),
                                    on_item(lang_now, Kept::DeleteBackup, &number),
                                );
                                // The one in place is the document: deleting
                                // another makes room to set it aside.
                                let size = crate::i18n::kilobytes(lang_now, backup.chars);
                                let item = format!("{number} · {size}");
                                let delete = (!backup.in_place)
                                    .then(|| {
                                        view! {
                                            <DeleteKept
                                                id=format!("delete-backup-{n}")
                                                label=delete_label
                                                item=item.clone()
                                                point=false
                                                key=key
                                                asked=asked
                                                on_delete={
                                                    let item = item.clone();
                                                    Callback::new(move |()| {
                                                        ctx.delete_backup(&delete);
                                                        changed.update(|n| *n += 1);
                                                        deleted.set(Some(item.clone()));
                                                        hand_keyboard_to(ctx, "#backups");
                                                    })
                                                }
                                            />
                                        }
                                    });
                                let label = match backup.in_place {
                                    true => format!("{number} · {size} · {}", kept(lang_now, Kept::KeptInPlace)),
                                    false => format!("{number} · {size}"),
                                };
                                view! {
                                    <li>
                                        <span>{label}</span>
                                        <button
                                            class="button"
                                            aria-label=download_label
                                            on:click=handler(move |_| download_backup_file(ctx, download.clone()))
                                        >
                                            {kr(lang, Kept::DownloadBackup)}
                                        </button>
                                        {delete}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </When>
    }
}

/// A kept copy's Delete (a restore point's, or an unreadable save's, as
/// `point` says), asked first: `on_delete` runs once it is confirmed.
#[component]
fn DeleteKept(
    id: String,
    label: String,
    item: String,
    point: bool,
    /// The key of the one kept asked about, for a list drawn anew.
    key: String,
    asked: StoredValue<Option<String>>,
    on_delete: Callback<()>,
) -> impl IntoView {
    let lang = use_ctx().lang;
    let asking = asked_across_redraws(asked, key, true);
    view! {
        <button class="button danger" id=id.clone() aria-label=label on:click=handler(move |_| asking.set(true))>
            {kr(lang, Kept::DeleteBackup)}
        </button>
        <Confirm
            label=Text::DeleteKeptHeading
            question=Signal::derive(move || crate::i18n::keeping::delete_kept_question(lang.get(), &item, point))
            confirm=Text::DeleteKeptConfirm
            on_confirm=Callback::new(move |()| {
                asking.set(false);
                on_delete.run(());
            })
            open=asking
            name=id.clone()
            opener=format!("#{id}")
        />
    }
}

/// Downloads the kept backup under `key` as a file (see `Ctx::backup_file`).
fn download_backup_file(ctx: crate::session::Ctx, key: String) {
    leptos::task::spawn_local(async move {
        if let Some((name, text)) = ctx.backup_file(key).await {
            let kind = if name.ends_with(".json") { "application/json" } else { "text/plain;charset=utf-8" };
            crate::download::download(name, kind, &text);
        }
    });
}

/// What another tab's save changed, after "Updated with changes made in
/// another tab.": how many changes, and who made the last one.
pub fn what_changed(lang: crate::i18n::Lang, update: &crate::save::Update, state: &crate::rules::State) -> String {
    use crate::rules::Actor;
    use crate::save::Update;
    match update {
        Update::Replaced => lang.pick(
            "The other tab replaced the whole scenario (an import, a reset or a restore).".to_string(),
            "L’autre onglet a remplacé tout le scénario (un import, une réinitialisation ou une restauration)."
                .to_string(),
        ),
        Update::Changes { changes, last } => {
            let who = match last {
                Actor::Account(id) => {
                    let name = state.account(id).map(|a| a.display_name.clone()).unwrap_or_default();
                    format!("{name} ({id})")
                }
                Actor::Trainer => lang.pick("the trainer".to_string(), "le formateur".to_string()),
            };
            match (lang, lang.plural(*changes as u64)) {
                (crate::i18n::Lang::En, crate::i18n::Plural::One) => format!("{changes} change, by {who}."),
                (crate::i18n::Lang::En, crate::i18n::Plural::Other) => format!("{changes} changes, the last by {who}."),
                (crate::i18n::Lang::Fr, crate::i18n::Plural::One) => format!("{changes} modification, par {who}."),
                (crate::i18n::Lang::Fr, crate::i18n::Plural::Other) => {
                    format!("{changes} modifications, la dernière par {who}.")
                }
            }
        }
    }
}
