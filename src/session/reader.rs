//! Reading a saved or imported text: serde_json's parser, the codec's
//! readers (`storage::json`'s `read_*`) and the checked replay, also of
//! a large save's head over its packed part ([`join`]). Saving
//! needs none of them, and a first visit has nothing to read. So
//! `advance`, and the code only it reaches, is lazily loaded
//! ([`crate::lazy`]): the `reader` file, out of the first load. A returning visit awaits it
//! before reading its save ([`super::open_saved`]); a first visit fetches
//! it only to read another tab's save, an imported file, a tour's case to
//! resume, or a library entry or the person's own scenario opened again,
//! so that its
//! compiling stays out of the start (docs/performance.md has the
//! figures).
//!
//! Until it has loaded, nothing can be read: a save is never written over
//! unread. [`read_now`] then says so, and the engine asks for it
//! (`save::Todo::ReadLater`) and reads once it comes.

use crate::lazy::{self, lazy_fn, FetchFailed, File};
use crate::storage::document::{self, Document, DocumentError, Head, Stored, Unchecked};
use crate::tasks::next_task;
use serde_json::Value;
use std::ops::ControlFlow;
use std::sync::Arc;

/// A text on its way to a checked document, one step at a time, so that
/// a large one's steps can run in tasks of their own; or a head on its way
/// to the whole document its packed part and it make.
enum Step {
    Text(String),
    Json(Value),
    Shaped(Unchecked),
    Checked(Stored),
    Join(Arc<Document>, Box<Head>),
    Joined(Box<Document>),
}

// The next step of reading; a checked text stays checked. One lazily
// loaded function, so every step waits for the same file.
lazy_fn!(
    reader,
    loader fetch_reader,
    fn advance(step: Step) -> Result<Step, DocumentError> {
        match step {
            Step::Text(text) => document::json_value(&text).map(Step::Json),
            Step::Json(value) => document::read_stored(value).map(Step::Shaped),
            Step::Shaped(read) => read.check().map(Step::Checked),
            Step::Join(base, head) => document::join(&base, *head).map(|whole| Step::Joined(Box::new(whole))),
            done @ (Step::Checked(_) | Step::Joined(_)) => Ok(done),
        }
    }
);

/// Fetches the reader file, the first time; at once after that.
pub async fn fetch() -> Result<(), FetchFailed> {
    File::Reader.fetch(fetch_reader()).await
}

async fn step(step: Step) -> Result<Result<Step, DocumentError>, FetchFailed> {
    fetch().await?;
    advance(step).await
}

/// The next step at once, or `None` while the reader file is not loaded.
fn step_now(step: Step) -> Option<Result<Step, DocumentError>> {
    lazy::now(File::Reader, advance(step))
}

/// Reads and checks a stored text, as `document::parse_stored` does,
/// fetching the reader file first if it is not here yet.
pub async fn read(text: String) -> Result<Result<Stored, DocumentError>, FetchFailed> {
    read_stepping(text, false).await
}

/// [`read`] with each step in a task of its own: for a large scenario's
/// part, each is tens of milliseconds, which would block the page.
pub async fn read_in_tasks(text: String) -> Result<Result<Stored, DocumentError>, FetchFailed> {
    read_stepping(text, true).await
}

async fn read_stepping(text: String, in_tasks: bool) -> Result<Result<Stored, DocumentError>, FetchFailed> {
    drive(Step::Text(text), in_tasks, checked).await
}

/// Reads and checks a stored text at once; `None` while the reader file is
/// not here (the text is still in storage, to be read when it comes).
pub fn read_now(text: String) -> Option<Result<Stored, DocumentError>> {
    drive_now(Step::Text(text), checked)
}

/// A large save's head joined to its packed part, `base`: the whole
/// document, its events since checked over the part's state
/// (`document::join`), fetching the reader file first if it is not here.
pub async fn join(base: Arc<Document>, head: Head) -> Result<Result<Document, DocumentError>, FetchFailed> {
    drive(Step::Join(base, Box::new(head)), false, joined).await
}

/// [`join`] at once; `None` while the reader file is not here.
pub fn join_now(base: Arc<Document>, head: Head) -> Option<Result<Document, DocumentError>> {
    drive_now(Step::Join(base, Box::new(head)), joined)
}

/// The end of reading a text, or the step it is at.
fn checked(step: Step) -> ControlFlow<Stored, Step> {
    match step {
        Step::Checked(stored) => ControlFlow::Break(stored),
        step => ControlFlow::Continue(step),
    }
}

/// The end of joining a head, or the step it is at.
fn joined(step: Step) -> ControlFlow<Document, Step> {
    match step {
        Step::Joined(whole) => ControlFlow::Break(*whole),
        step => ControlFlow::Continue(step),
    }
}

/// Steps from `first` until `end` takes the step reached, each step in a
/// task of its own when `in_tasks`.
async fn drive<T>(
    first: Step,
    in_tasks: bool,
    end: fn(Step) -> ControlFlow<T, Step>,
) -> Result<Result<T, DocumentError>, FetchFailed> {
    let mut next = first;
    loop {
        next = match end(next) {
            ControlFlow::Break(done) => return Ok(Ok(done)),
            ControlFlow::Continue(unfinished) => match step(unfinished).await? {
                Ok(next) => next,
                Err(error) => return Ok(Err(error)),
            },
        };
        if in_tasks {
            next_task().await;
        }
    }
}

/// [`drive`] at once; `None` while the reader file is not here.
fn drive_now<T>(first: Step, end: fn(Step) -> ControlFlow<T, Step>) -> Option<Result<T, DocumentError>> {
    let mut next = first;
    loop {
        next = match end(next) {
            ControlFlow::Break(done) => return Some(Ok(done)),
            ControlFlow::Continue(unfinished) => match step_now(unfinished)? {
                Ok(next) => next,
                Err(error) => return Some(Err(error)),
            },
        };
    }
}

/// Reads and checks an imported file, as `document::parse` does: a whole
/// document, never a stored head.
pub async fn read_file(text: String) -> Result<Result<document::Document, DocumentError>, FetchFailed> {
    Ok(read(text).await?.and_then(document::whole))
}
