//! The remembered language. Storage may be blocked (sandboxed iframe,
//! file://, some private modes): web-sys returns an error there instead of
//! throwing, so a blocked store just means the choice is not remembered.

use crate::i18n::Lang;

const LANG_KEY: &str = "certlink.lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value of `?name=value` in the page's address, if present.
pub fn address_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| match pair.split_once('=') {
        Some((key, value)) if key == name => Some(value.to_string()),
        _ => None,
    })
}

/// `?lang=fr` in the page's address: an intranet page or a trainer's link
/// can open Certlink in a chosen language.
fn lang_in_address() -> Option<Lang> {
    address_param("lang").and_then(|code| Lang::from_code(&code))
}

/// The address's language, else the remembered one, else the browser's,
/// else English.
pub fn initial_lang() -> Lang {
    let remembered =
        local_storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten()).and_then(|code| Lang::from_code(&code));
    let browser = || web_sys::window().and_then(|w| w.navigator().language()).and_then(|code| Lang::from_code(&code));
    lang_in_address().or(remembered).or_else(browser).unwrap_or_default()
}

/// Remembers the language; returns false where storage refused it.
pub fn save_lang(lang: Lang) -> bool {
    local_storage().is_some_and(|s| s.set_item(LANG_KEY, lang.code()).is_ok())
}
