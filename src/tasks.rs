//! Long work cut into the page's tasks: between two tasks the
//! browser handles input and draws, so the page never stops for long.

/// Resolves in a new task, letting the browser handle input and draw.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let set = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
        if !matches!(set, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
