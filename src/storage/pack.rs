//! The packed part of a large scenario: deflated by the browser's own
//! `CompressionStream` (no compression code in the bundle), then base64,
//! as localStorage holds text: a large scenario's JSON packs to about a
//! quarter of its size (docs/performance.md). Both ways are asynchronous:
//! the browser streams.

use super::base64;
use super::document::{DocumentError, MAX_IMPORT_BYTES};
use super::json::Wrong;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// What every packed text starts with, so it says how to read it.
const PACKED: &str = "deflate-raw;base64,";

// web-sys has these only behind `web_sys_unstable_apis`, which would
// change the flags of every build: the three members used are bound here.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> web_sys::WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter, js_name = readable)]
    fn readable_out(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter, js_name = writable)]
    fn writable_in(this: &DecompressionStream) -> web_sys::WritableStream;
}

/// `json` deflated and written as text for localStorage.
pub async fn pack(json: &str) -> Result<String, JsValue> {
    let stream = CompressionStream::new("deflate-raw")?;
    let bytes = through(json.as_bytes(), stream.readable(), stream.writable()).await?;
    Ok(format!("{PACKED}{}", base64::encode(&bytes.to_vec())))
}

/// The JSON a [`pack`]ed text holds; a text cut short or edited is refused
/// as a document of the wrong shape (the start-up banner then says so); one
/// that inflates past what Certlink reads is refused as too large, before
/// it is copied into the WebAssembly's memory.
pub async fn unpack(text: &str) -> Result<String, DocumentError> {
    let wrong = |wrong: Wrong| DocumentError::WrongShape { detail: wrong.here() };
    let bytes = text.strip_prefix(PACKED).and_then(base64::decode).ok_or_else(|| wrong(Wrong::NotPacked))?;
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| wrong(Wrong::CannotInflate))?;
    let json = through(&bytes, stream.readable_out(), stream.writable_in()).await.map_err(|_| wrong(Wrong::Damaged))?;
    if json.length() as usize > MAX_IMPORT_BYTES {
        return Err(DocumentError::TooLarge { bytes: json.length() as usize, limit: MAX_IMPORT_BYTES });
    }
    String::from_utf8(json.to_vec()).map_err(|_| wrong(Wrong::NotUtf8))
}

/// Bytes written to a transform stream per task: the browser (de)flates
/// each piece as it is written, on the page's thread, and a large
/// scenario's JSON at once would be one long task.
const PIECE: usize = 256 * 1024;

/// `input` through a transform stream, written a piece per task, collected
/// on the JavaScript side (the caller copies it in).
async fn through(
    input: &[u8],
    readable: web_sys::ReadableStream,
    writable: web_sys::WritableStream,
) -> Result<js_sys::Uint8Array, JsValue> {
    let collected = web_sys::Response::new_with_opt_readable_stream(Some(&readable))?.array_buffer()?;
    let written = write_pieces(input, &writable).await;
    // Awaited even when writing failed, so its rejection is handled.
    let collected = JsFuture::from(collected).await;
    written?;
    Ok(js_sys::Uint8Array::new(&collected?))
}

async fn write_pieces(input: &[u8], writable: &web_sys::WritableStream) -> Result<(), JsValue> {
    let writer = writable.get_writer()?;
    for piece in input.chunks(PIECE) {
        JsFuture::from(writer.write_with_chunk(&js_sys::Uint8Array::from(piece))).await?;
        crate::tasks::next_task().await;
    }
    JsFuture::from(writer.close()).await?;
    Ok(())
}
