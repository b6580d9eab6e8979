//! Saves text as a file the person downloads (the skills report's CSV,
//! the exported scenario, a kept backup), through a Blob and a temporary
//! link.

use wasm_bindgen::JsCast;

/// Offers `contents` for download as `filename`; false where the browser refused.
pub fn download(filename: &str, mime: &str, contents: &str) -> bool {
    (|| -> Option<()> {
        let document = web_sys::window()?.document()?;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(filename);
        link.click();
        web_sys::Url::revoke_object_url(&url).ok()
    })()
    .is_some()
}
