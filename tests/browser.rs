//! Browser tests: the shell mounted in real headless Chromium, read back
//! from the DOM. Run by `make test` (wasm-bindgen-test-runner + chromedriver).
#![cfg(target_arch = "wasm32")]

use certlink::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn shell_shows_my_profile_and_switches_language_live() {
    // Start from English whatever the browser's language or earlier tests.
    if let Some(storage) = web_sys::window().unwrap().local_storage().unwrap() {
        storage.set_item("certlink.lang", "en").unwrap();
    }
    // The runner's page may carry a hash of its own; start at home.
    web_sys::window().unwrap().location().set_hash("/").unwrap();
    leptos::mount::mount_to_body(|| leptos::view! { <App /> });
    leptos::task::tick().await;

    let profile = document().query_selector("header a.profile-button").unwrap().expect("the My Profile button");
    assert_eq!(profile.get_attribute("aria-label").as_deref(), Some("My Profile"));
    assert!(document().query_selector("main").unwrap().is_some(), "a main landmark");
    let english = text_of("main h1");
    assert_eq!(english, "Link or unlink your MCID, step by step");

    let select: web_sys::HtmlSelectElement =
        document().query_selector("header select").unwrap().unwrap().unchecked_into();
    select.set_value("fr");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;

    assert_eq!(text_of("main h1"), "Lier ou dissocier votre MCID, étape par étape");
    assert_eq!(profile.get_attribute("aria-label").as_deref(), Some("Mon profil"));
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("fr"));
    let remembered = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("certlink.lang").unwrap();
    assert_eq!(remembered.as_deref(), Some("fr"));
}
