//! Practice mode in the session: the attempt under way ([`Run`]) and the
//! progress over the nine cases ([`Progress`]), kept in localStorage beside
//! the person's scenario (never in it), under this embed's prefix. The
//! attempt's scenario is a built-in case in practice mode's own space
//! (`super::PRACTICE`), so a task never touches the person's own scenario,
//! and no guided tour, Show me or trainer's case replaces it.
//!
//! Opened by a learning platform (SCORM 1.2, [`super::scorm`]), each
//! result is also reported to it, and the progress it kept is taken in.
//!
//! Read when a practice view first asks, not at the start: only the `later`
//! file's views ask, so none of this is in the first file.
//!
//! Every write first reads what another tab stored since this one last
//! read or wrote, and merges it ([`Progress::merge`]), so two tabs
//! practising do not lose each other's results. A write the browser refuses is shown, not dropped: the page
//! says the progress is not saved, and keeps it on screen.

use super::{storage_prefix, Ctx};
use crate::practice::{Hint, Outcome, Progress, Refused, Run};
use crate::rules::demo::BuiltIn;
use crate::rules::{Actor, Refusal};
use leptos::prelude::*;

/// What practice mode knows in this tab.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Practising {
    pub progress: Progress,
    /// The progress as this tab last read or stored it: what another
    /// tab's write is told apart from.
    base: Progress,
    /// The attempt under way, if any.
    pub run: Option<Run>,
    /// The last check of the attempt under way, or of the one it ended.
    pub last: Option<Checked>,
    /// The browser refused the last write: the page says so.
    pub unsaved: bool,
    /// The stored progress could not be read; it is kept apart, untouched.
    pub unreadable: bool,
    /// The learning platform's kept progress could not be read; the
    /// platform keeps it as it was.
    pub platform_unreadable: bool,
    /// The learning platform refused the last report; the next one sends
    /// everything again.
    pub platform_refused: bool,
    /// A learning platform's session that results no longer reach (it
    /// would not open again after a reload, or was finished as the page
    /// was left): the page says so.
    pub platform_closed: bool,
    /// The learning platform opened the course to preview or review it,
    /// and records no result: the page says so.
    pub platform_preview: bool,
}

/// A check of the learner's work, as the task bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub case: BuiltIn,
    pub outcome: Outcome,
    pub score: u8,
    pub hints: u32,
    pub refusals: u32,
}

/// The keys' end for the learner a learning platform names: on a browser
/// several learners share (a classroom's), each one's practice is kept
/// apart, and none starts with another's.
fn learner_suffix() -> String {
    LEARNER.with_borrow(|learner| learner.as_ref().map(|id| format!(".learner:{id}")).unwrap_or_default())
}

fn progress_key() -> String {
    format!("{}certlink.practice{}", storage_prefix(), learner_suffix())
}

fn run_key() -> String {
    format!("{}certlink.practice.run{}", storage_prefix(), learner_suffix())
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The progress another tab stored, if it reads.
fn stored_progress() -> Option<Result<Progress, String>> {
    let text = local()?.get_item(&progress_key()).ok().flatten()?;
    Some(Progress::from_text(&text).map_err(|_| text))
}

/// Moves stored progress this build cannot read (a newer Certlink's, or
/// damaged) to a key of its own, one each, never written over; true when
/// it is moved. Where it cannot be copied (no room), it stays in place,
/// and nothing is written over it.
fn set_aside_unreadable(text: &str) -> bool {
    let Some(storage) = local() else { return false };
    let free = (1..=100)
        .map(|n| match n {
            1 => format!("{}.unreadable", progress_key()),
            n => format!("{}.unreadable.{n}", progress_key()),
        })
        .find(|key| storage.get_item(key).ok().flatten().is_none());
    let copied = free.is_some_and(|key| storage.set_item(&key, text).is_ok());
    copied && storage.remove_item(&progress_key()).is_ok()
}

thread_local! {
    /// Practice mode's state, `None` until a practice view first asks. Not
    /// a field of [`Ctx`]: made here, by the `later` file's code, so that
    /// none of its code (its type's drop glue included) is in the first
    /// file. Reference-counted, not owned by the view that first asks, so
    /// it lives as long as the page.
    static PRACTICE: ArcRwSignal<Option<Practising>> = ArcRwSignal::new(None);
    /// Who a learning platform says the learner is, once it is opened.
    static LEARNER: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

impl Ctx {
    /// Practice mode's state, tracked where it is read.
    pub fn practice(&self) -> ArcRwSignal<Option<Practising>> {
        PRACTICE.with(ArcRwSignal::clone)
    }

    /// Reads practice mode's state, tracked; `None` before it is read.
    pub fn with_practising<T>(&self, f: impl FnOnce(&Practising) -> T) -> Option<T> {
        self.practice().with(|p| p.as_ref().map(f))
    }

    /// Practice mode's state, read from storage on first use.
    pub fn practising(&self) -> Practising {
        if self.practice().with_untracked(Option::is_none) {
            // Opened by a learning platform (or reloaded inside a session it
            // closed): its learner's own keys. A new attempt there
            // (`ab-initio`) starts from what the platform kept alone: what
            // this browser kept of the earlier one is taken as read, so no
            // write merges it back, and the first write replaces it. So
            // does every attempt of a learner the platform does not name:
            // their keys are every unnamed learner's.
            let platform = super::scorm::connect();
            let learner = platform.as_ref().map(|opened| opened.learner.clone());
            let learner = learner.or_else(super::scorm::closed_session_learner);
            LEARNER.with_borrow_mut(|kept| *kept = learner);
            let earlier_attempt =
                platform.as_ref().is_some_and(|opened| !opened.resumed || opened.learner.trim().is_empty());
            let mut read = Practising::default();
            match stored_progress() {
                Some(Ok(progress)) if earlier_attempt => read.base = progress,
                Some(Ok(progress)) => {
                    read.base = progress.clone();
                    read.progress = progress;
                }
                Some(Err(text)) => {
                    // Kept apart, or in place, never written over: nothing is lost.
                    read.unreadable = true;
                    set_aside_unreadable(&text);
                }
                None => {}
            }
            let run = local().and_then(|s| s.get_item(&run_key()).ok().flatten());
            read.run = run.filter(|_| !earlier_attempt).and_then(|text| Run::from_text(&text).ok());
            // What the platform kept joins what this browser kept, and both
            // are told the result at once.
            read.platform_unreadable = matches!(platform, Some(super::scorm::Opened { kept: Err(_), .. }));
            read.platform_closed = super::scorm::closed();
            read.platform_preview = platform.as_ref().is_some_and(|opened| opened.preview);
            self.practice().set(Some(read));
            match platform.map(|opened| opened.kept) {
                Some(Ok(kept)) => self.practice_update(false, |p| p.progress.merge(&Progress::new(), &kept)),
                // Told this browser's result all the same.
                Some(Err(_)) => self.practice_update(false, |_| {}),
                None => {}
            }
        }
        self.practice().get().unwrap_or_default()
    }

    /// Changes practice mode's state and stores it, merged with what
    /// another tab stored meanwhile (a `reset` writes without merging).
    fn practice_update(&self, reset: bool, change: impl FnOnce(&mut Practising)) {
        let mut now = self.practising();
        // The same attempt in another tab: its hints and refusals count,
        // in what this change does (a check's score) and in what it writes.
        if !reset {
            let stored_run = local().and_then(|s| s.get_item(&run_key()).ok().flatten());
            if let (Some(run), Some(Ok(other))) = (&mut now.run, stored_run.map(|text| Run::from_text(&text))) {
                run.merge(&other);
            }
        }
        change(&mut now);
        // Progress stored since that this build cannot read (another tab's,
        // a newer Certlink's) is set aside first; where it cannot be,
        // nothing is written over it, and the page says it unsaved.
        let stored = stored_progress();
        let in_the_way = match &stored {
            Some(Err(text)) => {
                now.unreadable = true;
                !set_aside_unreadable(text)
            }
            _ => false,
        };
        if let (false, Some(Ok(stored))) = (reset, stored) {
            now.progress.merge(&now.base, &stored);
        }
        let written = !in_the_way
            && local().is_some_and(|storage| {
                let run = match &now.run {
                    Some(run) => storage.set_item(&run_key(), &run.to_text()),
                    None => storage.remove_item(&run_key()),
                };
                run.is_ok() && storage.set_item(&progress_key(), &now.progress.to_text()).is_ok()
            });
        now.unsaved = !written;
        if written {
            now.base = now.progress.clone();
        }
        now.platform_refused = !super::scorm::report(&now.progress);
        now.platform_closed = super::scorm::closed();
        self.practice().set(Some(now));
    }

    /// Starts `case` as a practice task: its scenario in practice mode's
    /// cases' space, its persona signed in, no guided tour.
    pub fn start_practice(&self, case: BuiltIn) {
        self.tour.set(None);
        self.load_built_in_in(super::PRACTICE, case);
        let run = self.scenario.with_untracked(|scenario| Run::new(case, scenario));
        self.practice_update(false, |p| {
            p.progress.start(case);
            p.run = Some(run);
            p.last = None;
        });
        self.go(crate::route::Route::Home);
    }

    /// Goes back to the task under way, in practice mode's space, as it
    /// was left, whoever the learner had signed in (a task may be done as
    /// another person of the case); the persona where nobody is (another
    /// tab). Where that space holds another scenario (the task was started
    /// again in another tab), the case loads afresh and the attempt begins
    /// again on it, its hints and refusals still counted.
    pub fn resume_practice(&self) {
        let Some(run) = self.practising().run else { return };
        self.tour.set(None);
        if !super::is_in(super::PRACTICE) {
            // A task a build before practice mode's own space left in the
            // tours' space goes on where it was: as on screen here (with
            // who plays it and its clock), or else as saved there.
            let earlier = !super::Ctx::case_saved(super::PRACTICE);
            let on_screen = earlier
                && self.in_case.get_untracked()
                && self.scenario.with_untracked(|scenario| run.goes_on_in(scenario));
            let carried = on_screen
                .then(|| (self.scenario.get_untracked(), self.session.get_untracked(), self.clock.get_untracked()));
            if earlier && !on_screen {
                super::Ctx::copy_tours_case_to_practice();
            }
            self.enter_space(Some(super::PRACTICE));
            if let Some((scenario, session, clock)) = carried {
                self.replace(scenario);
                self.keep_clock(clock);
                if let Some(id) = session {
                    self.start_session(id);
                }
            }
        }
        if self.scenario.with_untracked(|scenario| run.goes_on_in(scenario)) {
            if self.session.get_untracked().is_none() {
                let persona = run.case.persona_id();
                if self.scenario.with_untracked(|s| s.sign_in_as(&Actor::Trainer, persona.as_str())).is_ok() {
                    self.start_session(persona);
                }
            }
        } else {
            self.load_built_in_in(super::PRACTICE, run.case);
            let start = self.scenario.get_untracked();
            self.practice_update(false, |p| {
                if let Some(run) = &mut p.run {
                    run.restart_on(&start);
                }
            });
        }
        self.go(crate::route::Route::Home);
    }

    /// A refusal met while a task runs, in its space: counted against its
    /// score. A guided tour runs in the tours' space, and is not the task.
    pub(super) fn practice_met(&self, actor: &Actor, refusal: &Refusal) {
        let running = self.practice().with_untracked(|p| {
            let run = p.as_ref().and_then(|p| p.run.as_ref());
            run.is_some_and(|run| self.scenario.with_untracked(|scenario| run.goes_on_in(scenario)))
        });
        let touring = self.tour.with_untracked(Option::is_some);
        if !running || touring || !super::is_in(super::PRACTICE) || !matches!(actor, Actor::Account(_)) {
            return;
        }
        let refused = Refused { actor: actor.clone(), refusal: refusal.clone() };
        self.practice_update(false, |p| {
            if let Some(run) = &mut p.run {
                run.met(&refused);
            }
        });
    }

    /// The task's next hint, counted against its score.
    pub fn practice_hint(&self) -> Option<Hint> {
        let mut hint = None;
        self.practice_update(false, |p| hint = p.run.as_mut().and_then(Run::next_hint));
        hint
    }

    /// Checks the learner's work: a goal reached ends the task with its
    /// score; one not reached says what is missing and the task goes on.
    pub fn check_practice(&self) {
        self.practice_update(false, |p| {
            let Some(run) = p.run.clone() else { return };
            let outcome = self.scenario.with_untracked(|scenario| run.check(scenario));
            let score = run.score(&outcome);
            let checked = Checked { case: run.case, outcome, score, hints: run.hints_used(), refusals: run.refusals() };
            if checked.outcome.is_passed() {
                p.progress.finish(run.case, score);
                p.run = None;
            }
            p.last = Some(checked);
        });
    }

    /// Ends the task under way unreached: it scores 0.
    pub fn give_up_practice(&self) {
        self.practice_update(false, |p| {
            if let Some(run) = p.run.take() {
                p.progress.finish(run.case, 0);
            }
            p.last = None;
        });
        self.leave_case();
        self.go(crate::route::Route::Practice);
    }

    /// Leaves the task as it is, to resume later; back to the scenario it
    /// was started from.
    pub fn leave_practice(&self) {
        self.practice_update(false, |p| p.last = None);
        self.leave_case();
        self.go(crate::route::Route::Practice);
    }

    /// Forgets every case's progress and the attempt under way; what the
    /// learning platform said of itself stays true.
    pub fn reset_practice(&self) {
        self.practice_update(true, |p| {
            *p = Practising {
                platform_unreadable: p.platform_unreadable,
                platform_preview: p.platform_preview,
                ..Practising::default()
            }
        });
    }
}
