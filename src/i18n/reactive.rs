//! Live wording for views: one closure type for every fixed sentence, so
//! the view code is compiled once for all of them instead of once per
//! sentence (each inline `move ||` closure is a new type for Leptos to
//! render, and the wasm bundle grows with every one).

use super::source::{quote, Source};
use super::{t, Lang, Text};
use leptos::prelude::*;

/// `text` in the current language, following the language switch.
pub fn tr(lang: RwSignal<Lang>, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || t(lang.get(), text)
}

/// The source's `sentence` in the current language, verbatim.
pub fn qt(lang: RwSignal<Lang>, sentence: Source) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || quote(lang.get(), sentence)
}
