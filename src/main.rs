//! Mounts Certlink into the page's body, once the saved scenario is read
//! (a large one is unpacked asynchronously, before the first paint).

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        certlink::session::open_saved().await;
        leptos::mount::mount_to_body(certlink::app::App);
    });
}
