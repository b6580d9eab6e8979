//! SCORM 1.2's run-time, when a learning platform opened Certlink: the
//! platform's `API` object is found as the run-time's specification says
//! (this window and up to seven parents, then the opener and its parents),
//! initialised once, told each practice result, and finished when the page
//! goes. With no platform around nothing here runs: practice mode works as
//! on its own.
//!
//! What is reported comes from [`Progress`] ([`Progress::lesson_result`],
//! [`Progress::to_text`] for `cmi.suspend_data`); this module only carries
//! it to the platform's JavaScript object and back.

use crate::practice::{scorm_timespan, LessonStatus, Progress, ProgressError};
use js_sys::{Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// The platform's run-time, once initialised.
struct Platform {
    api: Object,
    /// When this session began (`performance.now()`), for
    /// `cmi.core.session_time`.
    started_ms: f64,
    /// The lesson status last reported, for `cmi.core.exit` at the end.
    status: LessonStatus,
    /// The platform kept a `cmi.suspend_data` that does not read (written
    /// by another version, or damaged): it is left as it was, never
    /// written over; the results are still reported.
    keeps_its_text: bool,
}

thread_local! {
    static PLATFORM: RefCell<Option<Platform>> = const { RefCell::new(None) };
}

/// The `API` object of `window`, if it has one it can be asked for (a
/// window of another origin answers with an error: no API there).
fn api_of(window: &JsValue) -> Option<Object> {
    Reflect::get(window, &JsValue::from_str("API")).ok().filter(JsValue::is_object).map(JsCast::unchecked_into)
}

/// A window's property that is itself a window (`parent`, `opener`), read
/// through `Reflect` as the API is, so no binding of its own is needed.
fn window_at(window: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(window, &JsValue::from_str(name)).ok().filter(JsValue::is_object)
}

/// SCORM 1.2's search: `window`, then its parents, at most seven up.
fn search_up(window: JsValue) -> Option<Object> {
    let mut at = window;
    for _ in 0..=7 {
        if let Some(api) = api_of(&at) {
            return Some(api);
        }
        let parent = window_at(&at, "parent")?;
        if parent == at {
            return None;
        }
        at = parent;
    }
    None
}

fn find_api() -> Option<Object> {
    let window: JsValue = web_sys::window()?.into();
    let opener = window_at(&window, "opener");
    search_up(window).or_else(|| opener.and_then(search_up))
}

/// Calls the run-time's `name` with one or two arguments (every call of
/// SCORM 1.2 takes one, but `LMSSetValue`); its answer as text ("" when it
/// has none or throws: a platform's failure never stops the page).
fn call(api: &Object, name: &str, args: &[&str]) -> String {
    let Ok(function) = Reflect::get(api, &JsValue::from_str(name)).and_then(|f| f.dyn_into::<Function>()) else {
        return String::new();
    };
    let arg = |i: usize| JsValue::from_str(args.get(i).copied().unwrap_or_default());
    let answer = match args.len() {
        2 => function.call2(api, &arg(0), &arg(1)),
        _ => function.call1(api, &arg(0)),
    };
    answer.ok().and_then(|answer| answer.as_string()).unwrap_or_default()
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Finds and initialises the platform's run-time, once per page; returns
/// the progress it kept (`cmi.suspend_data`), if there is a platform. A
/// kept text that does not read is left to the platform as it was (the
/// `Err`), and the practice goes on from this browser's own progress.
pub fn connect() -> Option<Result<Progress, ProgressError>> {
    if PLATFORM.with(|p| p.borrow().is_some()) {
        return None;
    }
    let api = find_api()?;
    if call(&api, "LMSInitialize", &[""]) != "true" {
        return None;
    }
    let kept = Progress::from_text(&call(&api, "LMSGetValue", &["cmi.suspend_data"]));
    let platform =
        Platform { api, started_ms: now_ms(), status: LessonStatus::Incomplete, keeps_its_text: kept.is_err() };
    PLATFORM.with(|p| *p.borrow_mut() = Some(platform));
    // Leaving the page finishes the session: its time, how it was left.
    // The listener lives as long as the page.
    let _ = leptos::prelude::window_event_listener_untyped("pagehide", |_| finish());
    Some(kept)
}

/// Tells the platform the practice's result and keeps the progress there,
/// then commits.
pub fn report(progress: &Progress) {
    PLATFORM.with(|p| {
        let mut platform = p.borrow_mut();
        let Some(platform) = platform.as_mut() else { return };
        let result = progress.lesson_result();
        let api = &platform.api;
        call(api, "LMSSetValue", &["cmi.core.lesson_status", result.status.as_scorm()]);
        call(api, "LMSSetValue", &["cmi.core.score.min", "0"]);
        call(api, "LMSSetValue", &["cmi.core.score.max", "100"]);
        call(api, "LMSSetValue", &["cmi.core.score.raw", &result.score.to_string()]);
        if !platform.keeps_its_text {
            call(api, "LMSSetValue", &["cmi.suspend_data", &progress.to_text()]);
        }
        call(api, "LMSCommit", &[""]);
        platform.status = result.status;
    });
}

/// Ends the session: its time, `suspend` when the lesson is not complete
/// (so the platform resumes it next time), a last commit, `LMSFinish`.
fn finish() {
    PLATFORM.with(|p| {
        let Some(platform) = p.borrow_mut().take() else { return };
        let api = &platform.api;
        let spent = (now_ms() - platform.started_ms).max(0.0) as u64;
        call(api, "LMSSetValue", &["cmi.core.session_time", &scorm_timespan(spent)]);
        let exit = if platform.status == LessonStatus::Incomplete { "suspend" } else { "" };
        call(api, "LMSSetValue", &["cmi.core.exit", exit]);
        call(api, "LMSCommit", &[""]);
        call(api, "LMSFinish", &[""]);
    });
}
