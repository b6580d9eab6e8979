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

use crate::practice::{scorm_timespan, whole_score, LessonResult, LessonStatus, Progress, ProgressError, MASTERY};
use js_sys::{Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// The platform's run-time, once initialised.
struct Platform {
    api: Object,
    /// When this session began (`performance.now()`), for
    /// `cmi.core.session_time`.
    started_ms: f64,
    /// The lesson status of the progress last reported, for
    /// `cmi.core.exit` at the end.
    status: LessonStatus,
    /// What the platform has recorded (read at the start, then as told):
    /// what is reported never takes it back.
    recorded: LessonResult,
    /// The mastery score the platform gives (`cmi.student_data.mastery_score`),
    /// the manifest's when it gives none: the lesson passes at it.
    mastery: u8,
    /// The platform kept a `cmi.suspend_data` that does not read (written
    /// by another version, or damaged): it is left as it was, never
    /// written over; the results are still reported.
    keeps_its_text: bool,
}

thread_local! {
    static PLATFORM: RefCell<Option<Platform>> = const { RefCell::new(None) };
    /// A platform's run-time was found but is not open: it refused to
    /// initialise (this page was reloaded inside a session it finished),
    /// or the session was finished as the page was left. Nothing reaches
    /// the platform any more, and the page says so.
    static CLOSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The page was left while a report held the platform (its commit
    /// closed the course): the report finishes the session once done.
    static FINISH_OWED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A platform's session, once opened.
pub struct Opened {
    /// The progress it kept (`cmi.suspend_data`); a text that does not
    /// read is left to the platform as it was (the `Err`).
    pub kept: Result<Progress, ProgressError>,
    /// Who the platform says the learner is (`cmi.core.student_id`): a
    /// browser shared by several learners keeps each one's progress apart.
    pub learner: String,
    /// The platform goes on with an attempt (`cmi.core.entry` other than
    /// `ab-initio`); otherwise it starts a new one, from what it kept alone.
    pub resumed: bool,
    /// The platform opened the course to preview or review it
    /// (`cmi.core.lesson_mode` `browse` or `review`, or `cmi.core.credit`
    /// `no-credit`): it does not record the results, and the page says so.
    pub preview: bool,
}

/// Whether a platform's run-time was found that results no longer reach.
pub fn closed() -> bool {
    CLOSED.with(std::cell::Cell::get)
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
    // Some platforms answer with JavaScript's true and false, not text.
    let answer = answer.ok().map(|answer| answer.as_string().or_else(|| answer.as_bool().map(|b| b.to_string())));
    answer.flatten().unwrap_or_default()
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Finds and initialises the platform's run-time, once per page; what it
/// kept, if there is a platform.
pub fn connect() -> Option<Opened> {
    if PLATFORM.with(|p| p.borrow().is_some()) {
        return None;
    }
    let api = find_api()?;
    if call(&api, "LMSInitialize", &[""]) != "true" {
        CLOSED.with(|closed| closed.set(true));
        return None;
    }
    // Some platforms answer an empty value as JavaScript's null or
    // undefined, which reach here as text.
    let suspended = call(&api, "LMSGetValue", &["cmi.suspend_data"]);
    let suspended = if matches!(suspended.trim(), "null" | "undefined") { "" } else { suspended.trim() };
    let kept = Progress::from_text(suspended);
    let learner = call(&api, "LMSGetValue", &["cmi.core.student_id"]);
    // Only `ab-initio` starts a new attempt; `resume` and an empty entry
    // (a return not suspended) go on with the same one.
    let resumed = call(&api, "LMSGetValue", &["cmi.core.entry"]) != "ab-initio";
    let recorded = LessonResult::recorded(
        &call(&api, "LMSGetValue", &["cmi.core.lesson_status"]),
        &call(&api, "LMSGetValue", &["cmi.core.score.raw"]),
    );
    let mastery = whole_score(&call(&api, "LMSGetValue", &["cmi.student_data.mastery_score"])).unwrap_or(MASTERY);
    let mode = call(&api, "LMSGetValue", &["cmi.core.lesson_mode"]);
    let preview =
        matches!(mode.as_str(), "browse" | "review") || call(&api, "LMSGetValue", &["cmi.core.credit"]) == "no-credit";
    let platform = Platform {
        api,
        started_ms: now_ms(),
        status: LessonStatus::Incomplete,
        recorded,
        mastery,
        keeps_its_text: kept.is_err(),
    };
    PLATFORM.with(|p| *p.borrow_mut() = Some(platform));
    // Leaving the page finishes the session: its time, how it was left.
    // The time goes once, at the end: some platforms add each one they are
    // given to the learner's total. The listener lives as long as the page.
    let _ = leptos::prelude::window_event_listener_untyped("pagehide", |_| finish());
    remember_learner(&learner);
    Some(Opened { kept, learner, resumed, preview })
}

const LEARNER_KEY: &str = "certlink.scorm.learner";

/// The learner a platform named, kept for this tab: a reload inside the
/// session it finished still keeps that learner's practice apart.
fn remember_learner(learner: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = storage.set_item(LEARNER_KEY, learner);
    }
}

/// The learner of a session that is closed ([`closed`]), if this tab
/// opened one before.
pub fn closed_session_learner() -> Option<String> {
    if !closed() {
        return None;
    }
    web_sys::window()?.session_storage().ok().flatten()?.get_item(LEARNER_KEY).ok().flatten()
}

/// The session's time so far (`cmi.core.session_time`).
fn set_session_time(platform: &Platform) {
    let spent = (now_ms() - platform.started_ms).max(0.0) as u64;
    call(&platform.api, "LMSSetValue", &["cmi.core.session_time", &scorm_timespan(spent)]);
}

/// How the session is left (`cmi.core.exit`): `suspend` until the lesson
/// is passed, so that a platform resumes it, progress kept, rather than
/// start a new attempt (a failed case can still be tried again).
fn exit(status: LessonStatus) -> &'static str {
    if status == LessonStatus::Passed {
        ""
    } else {
        "suspend"
    }
}

/// Tells the platform the practice's result, unless it would take back
/// what the platform recorded, and keeps the progress there, then commits.
/// The score goes with a finished lesson only: a platform may compare it
/// with the manifest's mastery score and set passed or failed itself.
/// False when the platform refused a value or the commit (the page says
/// so; the next report sends everything again), or when its session is
/// closed ([`closed`]); true with no platform.
pub fn report(progress: &Progress) -> bool {
    let accepted = PLATFORM.with(|p| {
        // The platform's JavaScript runs inside this borrow; one that calls
        // back in (a commit that dispatches `pagehide`, say) finds it taken
        // and is let through rather than stop the page.
        let Ok(mut platform) = p.try_borrow_mut() else { return true };
        let Some(platform) = platform.as_mut() else { return !closed() };
        let result = progress.lesson_result(platform.mastery);
        let api = &platform.api;
        let mut accepted = true;
        let mut set = |element: &str, value: &str| accepted &= call(api, "LMSSetValue", &[element, value]) == "true";
        let told = result.to_report(platform.recorded);
        if let Some(told) = told {
            set("cmi.core.lesson_status", told.status.as_scorm());
            if told.status != LessonStatus::Incomplete {
                set("cmi.core.score.min", "0");
                set("cmi.core.score.max", "100");
                set("cmi.core.score.raw", &told.score.to_string());
            }
        }
        if !platform.keeps_its_text {
            set("cmi.suspend_data", &progress.to_text());
        }
        set("cmi.core.exit", exit(result.status));
        accepted &= call(api, "LMSCommit", &[""]) == "true";
        if let Some(told) = told.filter(|_| accepted) {
            platform.recorded = told;
        }
        platform.status = result.status;
        accepted
    });
    if FINISH_OWED.take() {
        finish();
    }
    accepted
}

/// Ends the session: its time, how it is left ([`exit`]), a last commit,
/// `LMSFinish`; left to the report under way where the page is left
/// during one. A page shown again from the browser's cache finds the
/// session closed at its next report, and says so.
fn finish() {
    PLATFORM.with(|p| {
        let Ok(mut held) = p.try_borrow_mut() else {
            FINISH_OWED.set(true);
            return;
        };
        let Some(platform) = held.take() else { return };
        drop(held);
        let api = &platform.api;
        set_session_time(&platform);
        call(api, "LMSSetValue", &["cmi.core.exit", exit(platform.status)]);
        call(api, "LMSCommit", &[""]);
        call(api, "LMSFinish", &[""]);
        CLOSED.with(|closed| closed.set(true));
    });
}
