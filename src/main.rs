//! Starts Certlink in place of the static first screen that index.html
//! shows while the WebAssembly loads (the loader fetches it once that screen
//! has been shown: scripts/build/loader-to-file.mjs).
//!
//! The start is cut into tasks, so the page answers input between them
//! (and Lighthouse's total blocking time stays low): read the saved scenario, if any, once
//! the reader file has come (`session::reader`; a large one is unpacked
//! asynchronously); make the session; draw the app's frame, then its
//! header, held out of sight; draw the page, then show the app and remove
//! the first screen in the same task, with no frame in between. A start on
//! the demo data leaves it to the first later page (`session::demo`; the
//! 10,000 people of `?demo=large` are built there a slice per task).

use certlink::app::App;
use certlink::route::Route;
use certlink::session::Ctx;
use certlink::tasks::next_task;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    std::panic::set_hook(Box::new(|_| show_crashed()));
    // The session may start tasks (packing a large scenario) before the
    // mount would start Leptos's executor.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    wasm_bindgen_futures::spawn_local(async {
        // A later page (sign in, My Profile...) as the first page: its
        // file comes while the save is read, not after.
        if certlink::app::is_later(&Route::current()) {
            certlink::app::prefetch_later();
        }
        if certlink::session::open_saved().await.is_err() {
            // The reader file did not come: the save stays unread and
            // untouched, and the first screen says the start failed.
            start_failed();
            return;
        }
        next_task().await;
        let ctx = Ctx::new(certlink::prefs::initial_lang(), Route::current());
        next_task().await;
        let header_ready = RwSignal::new(false);
        let page_ready = RwSignal::new(false);
        let app = move || view! { <App ctx header_ready page_ready /> };
        let Some(root) = document().get_element_by_id("app").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            // A page without index.html's holder: mount at once.
            header_ready.set(true);
            page_ready.set(true);
            leptos::mount::mount_to_body(app);
            return;
        };
        leptos::mount::mount_to(root.clone(), app).forget();
        next_task().await;
        header_ready.set(true);
        next_task().await;
        page_ready.set(true);
        root.set_hidden(false);
        // The first screen, and its message for a failed start: an error
        // of some other script before now may have shown it.
        for id in ["shell", "start-failed"] {
            if let Some(element) = document().get_element_by_id(id) {
                element.remove();
            }
        }
    });
}

/// Shows the first screen's message for a failed start (assets/shell.js).
fn start_failed() {
    let failed = js_sys::Reflect::get(&window(), &"certlinkFailed".into());
    if let Ok(failed) = failed.and_then(|failed| failed.dyn_into::<js_sys::Function>()) {
        let _ = failed.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// What a panic leaves on the page. The release build aborts right after
/// this hook, so the app answers nothing more, and nothing after the panic
/// writes to storage: the saved scenario stays as the last save left it.
/// Static text (both languages; style/forms.css shows the page's), so the
/// hook formats nothing. Before the app has mounted, the first screen's own
/// message for a failed start says it instead.
fn show_crashed() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(failed) = document.get_element_by_id("start-failed") {
        let _ = failed.remove_attribute("hidden");
    } else if let Some(body) = document.body() {
        let _ = body.insert_adjacent_html("afterbegin", CRASHED);
    }
}

const CRASHED: &str = "<div class=\"banner crashed\" role=\"alert\">\
<p lang=\"en\">Certlink hit an unexpected error. Your saved scenario is untouched: reload the page.</p>\
<p lang=\"fr\">Certlink a rencontré une erreur inattendue. Votre scénario enregistré est intact\u{a0}: rechargez la page.</p>\
</div>";
