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

/// `json` deflated and written as text for localStorage; `None` where the
/// browser cannot deflate.
pub async fn pack(json: &str) -> Option<String> {
    let stream = CompressionStream::new("deflate-raw").ok()?;
    let bytes = through(json.as_bytes(), PIECE, stream.readable(), stream.writable(), usize::MAX).await.ok()?;
    Some(format!("{PACKED}{}", base64::encode(&bytes)))
}

/// The JSON a [`pack`]ed text holds; a text cut short or edited is refused
/// as a document of the wrong shape (the start-up banner then says so); one
/// that inflates past what Certlink reads is refused as too large as soon
/// as it passes that size: a few kilobytes of hand-edited text can inflate
/// to gigabytes, which are never held.
pub async fn unpack(text: &str) -> Result<String, DocumentError> {
    let wrong = |wrong: Wrong| DocumentError::WrongShape { detail: wrong.here() };
    let bytes = text.strip_prefix(PACKED).and_then(base64::decode).ok_or_else(|| wrong(Wrong::NotPacked))?;
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| wrong(Wrong::CannotInflate))?;
    let (readable, writable) = (stream.readable_out(), stream.writable_in());
    let json = match through(&bytes, INFLATE_PIECE, readable, writable, MAX_IMPORT_BYTES).await {
        Ok(json) => json,
        Err(Stopped::Over(bytes)) => return Err(DocumentError::TooLarge { bytes, limit: MAX_IMPORT_BYTES }),
        Err(Stopped::Failed) => return Err(wrong(Wrong::Damaged)),
    };
    String::from_utf8(json).map_err(|_| wrong(Wrong::NotUtf8))
}

/// Why a transform stream's output stopped short.
enum Stopped {
    /// Past the limit, after this many bytes: the rest is never made.
    Over(usize),
    /// The input is not what the stream takes (damaged deflate data).
    Failed,
}

/// Bytes written to a transform stream per task: the browser (de)flates
/// each piece as it is written, on the page's thread, and a large
/// scenario's JSON at once would be one long task.
const PIECE: usize = 256 * 1024;

/// Bytes of packed text written to the inflating stream at a time: it
/// inflates a piece whole before its output can be read, and deflate
/// inflates at most 1,032 times, so one piece never holds much more than
/// what Certlink reads.
const INFLATE_PIECE: usize = MAX_IMPORT_BYTES / 1032;

/// `input` through a transform stream, written a piece per task beside
/// the reading (the stream gives out what it made only as it is read),
/// its output copied in as it comes, at most `limit` bytes: past it, the
/// stream is cancelled, and the writing fails with it.
async fn through(
    input: &[u8],
    piece: usize,
    readable: web_sys::ReadableStream,
    writable: web_sys::WritableStream,
    limit: usize,
) -> Result<Vec<u8>, Stopped> {
    use std::future::Future;
    use std::task::Poll;
    let mut write = std::pin::pin!(write_pieces(input, piece, &writable));
    let mut read = std::pin::pin!(read_at_most(readable, limit));
    let (mut written, mut out) = (None, None);
    // Both to their end, so that neither is dropped half way.
    std::future::poll_fn(|cx| {
        if written.is_none() {
            written = match write.as_mut().poll(cx) {
                Poll::Ready(done) => Some(done),
                Poll::Pending => None,
            };
        }
        if out.is_none() {
            out = match read.as_mut().poll(cx) {
                Poll::Ready(done) => Some(done),
                Poll::Pending => None,
            };
        }
        match written.is_some() && out.is_some() {
            true => Poll::Ready(()),
            false => Poll::Pending,
        }
    })
    .await;
    let out = out.unwrap_or(Err(Stopped::Failed))?;
    written.unwrap_or(Ok(())).map_err(|_| Stopped::Failed)?;
    Ok(out)
}

async fn read_at_most(readable: web_sys::ReadableStream, limit: usize) -> Result<Vec<u8>, Stopped> {
    let reader: web_sys::ReadableStreamDefaultReader = readable.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| Stopped::Failed)?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        if field("done").is_truthy() {
            return Ok(out);
        }
        // Cancelled on the way out, so that a write waiting on it ends too.
        let Ok(piece) = field("value").dyn_into::<js_sys::Uint8Array>() else {
            let _ = reader.cancel();
            return Err(Stopped::Failed);
        };
        let bytes = out.len().saturating_add(piece.length() as usize);
        if bytes > limit {
            let _ = reader.cancel();
            return Err(Stopped::Over(bytes));
        }
        let start = out.len();
        out.resize(bytes, 0);
        piece.copy_to(&mut out[start..]);
    }
}

/// `input` written `piece` bytes at a time, a task per [`PIECE`] bytes.
async fn write_pieces(input: &[u8], piece: usize, writable: &web_sys::WritableStream) -> Result<(), JsValue> {
    let writer = writable.get_writer()?;
    let per_task = (PIECE / piece).max(1);
    for (n, piece) in input.chunks(piece).enumerate() {
        JsFuture::from(writer.write_with_chunk(&js_sys::Uint8Array::from(piece))).await?;
        if (n + 1) % per_task == 0 {
            crate::tasks::next_task().await;
        }
    }
    JsFuture::from(writer.close()).await?;
    Ok(())
}
