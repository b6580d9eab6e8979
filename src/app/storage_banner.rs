//! The banner every page shows when the scenario is not simply saved:
//! saving under way, storage blocked or full, a save of another tab or of
//! a newer Certlink, a scenario too large, or an unreadable save kept as a
//! backup.

use crate::i18n::{t, Text};
use crate::session::{use_ctx, SaveState};
use crate::ui::{handler, live};
use leptos::prelude::*;

/// A banner whose way out is to reload the page: another tab saved a
/// newer scenario, or a newer Certlink wrote the stored one.
fn reload_banner(lang: crate::i18n::Lang, message: String) -> AnyView {
    view! {
        <div class="banner" role="alert">
            <p>{message}</p>
            <button class="button" on:click=handler(move |_| { let _ = window().location().reload(); })>
                {t(lang, Text::Reload)}
            </button>
        </div>
    }
    .into_any()
}

/// A banner about an unreadable save, with its download.
fn unreadable_banner(
    lang: crate::i18n::Lang,
    message: String,
    download: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> AnyView {
    view! {
        <div class="banner" role="alert">
            <p>{message}</p>
            <button class="button" on:click=handler(download)>
                {t(lang, Text::DownloadUnreadable)}
            </button>
        </div>
    }
    .into_any()
}

/// The banner that says where the scenario is kept, when it is not simply saved.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    // A small save downloads as it was kept; a large one's part is
    // unpacked into an importable file by Your data's list of kept saves,
    // which lists one kept in place too.
    let download_backup = move |_| {
        let Some(key) = ctx.unreadable_backup() else { return };
        match ctx.backup_text(&key) {
            Some((text, None)) => {
                crate::download::download("certlink-unreadable-backup.txt", "text/plain;charset=utf-8", &text);
            }
            _ => ctx.go(crate::route::Route::Data),
        }
    };
    // The status region is on the page before its message comes, as
    // screen readers say only what changes inside one.
    let progress = live(move || {
        let lang = lang.get();
        let saving = ctx.saving.get().then(|| view! { <p class="banner info">{t(lang, Text::SavingStatus)}</p> });
        let opening = ctx.opening.get().then(|| view! { <p class="banner info">{t(lang, Text::OpeningStatus)}</p> });
        (saving, opening)
    });
    view! {
        <div role="status">{progress}</div>
        {live(move || {
            let lang = lang.get();
            match ctx.save_state.get() {
                SaveState::Saved => ().into_any(),
                SaveState::MemoryOnly => {
                    view! { <p class="banner" role="alert">{t(lang, Text::MemoryOnlyBanner)}</p> }.into_any()
                }
                SaveState::QuotaExceeded { earlier_kept } => {
                    let said = if earlier_kept { Text::QuotaBanner } else { Text::QuotaNothingKeptBanner };
                    view! { <p class="banner" role="alert">{t(lang, said)}</p> }.into_any()
                }
                SaveState::LargeDemo => {
                    view! { <p class="banner" role="status">{t(lang, Text::LargeDemoBanner)}</p> }.into_any()
                }
                SaveState::Conflict => reload_banner(lang, t(lang, Text::ConflictBanner).to_string()),
                SaveState::TooLarge { bytes } => {
                    view! { <p class="banner" role="alert">{crate::i18n::too_large_banner(lang, bytes, crate::save::MAX_STORED_BYTES)}</p> }
                        .into_any()
                }
                SaveState::Unread => reload_banner(lang, t(lang, Text::UnreadBanner).to_string()),
                SaveState::SpaceDeleted => reload_banner(lang, t(lang, Text::SpaceDeletedBanner).to_string()),
                SaveState::NewerVersion { found, changed } => {
                    reload_banner(lang, crate::i18n::newer_version_banner(lang, found, changed))
                }
                SaveState::Corrupt(error) => {
                    unreadable_banner(lang, crate::ui::document::corrupt_banner(lang, &error), download_backup)
                }
                SaveState::CorruptInPlace(error) => {
                    unreadable_banner(lang, crate::ui::document::corrupt_in_place_banner(lang, &error), download_backup)
                }
            }
        })}
    }
}
