//! Live wording for views: one closure type for every fixed sentence, so
//! the view code is compiled once for all of them instead of once per
//! sentence (each inline `move ||` closure is a new type for Leptos to
//! render, and the wasm bundle grows with every one).

use super::source::{introduction, quote, Introduction, Source};
use super::{t, Lang, Text};
use leptos::prelude::*;

/// A live wording: the same type as `crate::ui::Live<&'static str>`,
/// so every live `&'static str` of the views shares Leptos's code for it.
pub type Wording = Box<dyn FnMut() -> &'static str + Send>;

/// `text` in the current language, following the language switch.
pub fn tr(lang: RwSignal<Lang>, text: Text) -> Wording {
    Box::new(move || t(lang.get(), text))
}

/// The source's `sentence` in the current language, verbatim.
pub fn qt(lang: RwSignal<Lang>, sentence: Source) -> Wording {
    Box::new(move || quote(lang.get(), sentence))
}

/// The article's introduction (the home page), in the current language.
pub fn qi(lang: RwSignal<Lang>, sentence: Introduction) -> Wording {
    Box::new(move || introduction(lang.get(), sentence))
}
