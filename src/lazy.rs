//! The lazily loaded parts of the WebAssembly: the one place that knows
//! the release build splits it into files.
//!
//! The release build (the `split` feature, which index.html turns on) cuts
//! the program into three files: the first one, which the first load
//! fetches; `later`, every page but home and the page for an unknown
//! address, with the trainer panel, the tour overlay, the notices of a
//! built-in case and of another tab's save, the building of the demo
//! data, and following another tab's change to the library; and `reader`, what reads a
//! saved or imported text. wasm-split moves a function marked with
//! [`lazy_fn!`] into its file, with all the code only it reaches; a call
//! of it fetches the file first, the first time.
//!
//! Every lazily loaded function is `async` and returns
//! `Result<_, FetchFailed>` in both builds. Without `split` (native tests,
//! the wasm-bindgen browser tests) the same functions are `async` too and
//! ready at their first poll: the program takes the same deferred path,
//! with no wait, so the browser tests run the program people run.
//!
//! Why not Leptos's `#[lazy]`: it puts each function in a file of its own
//! (Certlink groups all later pages, the demo's building and following
//! the library into one), it
//! aborts the whole program when a fetch fails (Certlink says so and
//! offers to fetch again), and it always splits in a client build, so a
//! build without wasm-split (the browser tests) would not link. Underneath
//! it is the same split point, `leptos::wasm_split::wasm_split`, used here
//! with its `fallible` option.

use std::cell::Cell;
use std::future::Future;

/// A failed fetch of a lazily loaded file; nothing else can fail there.
/// Without `split` there is no fetch, so nothing can fail.
#[cfg(feature = "split")]
pub type FetchFailed = leptos::wasm_split::SplitLoaderError;
#[cfg(not(feature = "split"))]
pub type FetchFailed = std::convert::Infallible;

/// Declares a function whose code lives in a lazily loaded file:
/// `lazy_fn!(later, fn name(arg: Type) -> Output { body })` makes
/// `async fn name(arg: Type) -> Result<Output, FetchFailed>`, which fetches
/// the file first (the first time) in the release build, and runs at once
/// otherwise. Its arguments and output are concrete types (wasm-split's
/// rule), and it never panics (a panic cannot cross into another file).
///
/// `lazy_fn!(later, loader fetch_later, fn ...)` also makes
/// `async fn fetch_later() -> Result<(), FetchFailed>`, which fetches and
/// loads the file without calling into it. Each lazily loaded function
/// waits on a loader of its own (wasm-split's); a function whose call must
/// answer at once once its file is here ([`now`]) is the one whose loader
/// [`File::fetch`] awaited.
macro_rules! lazy_fn {
    ($file:ident, loader $loader:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $output:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($file, wasm_split_path = ::leptos::wasm_split, fallible, preload($loader))]
        $vis fn $name($($arg: $ty),*) -> Result<$output, $crate::lazy::FetchFailed> {
            Ok($body)
        }
        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$output, $crate::lazy::FetchFailed> {
            Ok($body)
        }
        /// Fetches and loads the file without calling into it.
        #[cfg(not(feature = "split"))]
        $vis async fn $loader() -> Result<(), $crate::lazy::FetchFailed> {
            Ok(())
        }
    };
    ($file:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $output:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($file, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$output, $crate::lazy::FetchFailed> {
            Ok($body)
        }
        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$output, $crate::lazy::FetchFailed> {
            Ok($body)
        }
    };
}
pub(crate) use lazy_fn;

/// A lazily loaded file of the release build's WebAssembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum File {
    /// Every page but home, the trainer panel, the tour overlay, the
    /// notices of a built-in case and of another tab's save, the building
    /// of the demo data a start leaves for later, and following another
    /// tab's change to the library.
    Later,
    /// Reading a saved or imported text (`session::reader`).
    Reader,
}

thread_local! {
    /// The files fetched and loaded so far, by [`File::bit`].
    static LOADED: Cell<u8> = const { Cell::new(0) };
}

impl File {
    fn bit(self) -> u8 {
        match self {
            File::Later => 1,
            File::Reader => 2,
        }
    }

    /// Awaits `load`, the file's loader (see [`lazy_fn!`]): the fetch, the
    /// first time, at once after that. A failure is not kept: the next
    /// call fetches again.
    pub async fn fetch(self, load: impl Future<Output = Result<(), FetchFailed>>) -> Result<(), FetchFailed> {
        load.await?;
        LOADED.with(|loaded| loaded.set(loaded.get() | self.bit()));
        Ok(())
    }

    /// True once the file has loaded through [`File::fetch`].
    pub fn is_loaded(self) -> bool {
        LOADED.with(|loaded| loaded.get() & self.bit() != 0)
    }

    /// Starts fetching the file, if it is not loaded yet, without waiting
    /// for it: a failure is not kept, and the part that needs the file
    /// fetches again and says so if it fails.
    pub fn prefetch(self, load: impl Future<Output = Result<(), FetchFailed>> + 'static) {
        if !self.is_loaded() {
            leptos::task::spawn_local(async move {
                let _ = self.fetch(load).await;
            });
        }
    }
}

/// What a call of a lazily loaded function of `file` gives, at once:
/// `None` while the file has not loaded. Once [`File::fetch`] has awaited
/// the function's own loader, that loader is ready at the first poll, so
/// one poll runs the call.
pub fn now<T>(file: File, call: impl Future<Output = Result<T, FetchFailed>>) -> Option<T> {
    if !file.is_loaded() {
        return None;
    }
    let mut call = std::pin::pin!(call);
    match call.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(Ok(value)) => Some(value),
        _ => None,
    }
}
