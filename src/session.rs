//! The app's shared state, held in signals and handed down by context: the
//! scenario (the rules' truth), who is signed in, the scenario clock and
//! the language. Views read it and call [`Ctx::execute`]; the rules decide.

use crate::i18n::Lang;
use crate::route::Route;
use crate::rules::{AccountId, Actor, Command, Event, Refusal, Scenario, ScenarioClock, State, Time, WorkAccount};
use leptos::prelude::*;

/// The size of the `?demo=large` organisation, as in the rules benchmark.
pub const LARGE_DEMO_PEOPLE: usize = 10_000;

/// Everything a view may need, `Copy` so closures can hold it.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub scenario: RwSignal<Scenario>,
    pub session: RwSignal<Option<AccountId>>,
    pub clock: RwSignal<ScenarioClock>,
}

/// The real time, read from the browser (the rules never read it, D1).
pub fn real_now() -> Time {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

impl Ctx {
    /// A fresh context on the built-in demo scenario, or, with
    /// `?demo=large`, on the benchmarks' 10,000-person Contoso (sign in as
    /// `admin@contoso.com`) to see the views at that size.
    pub fn new(lang: Lang, route: Route) -> Ctx {
        let now = real_now();
        let scenario = match crate::prefs::address_param("demo").as_deref() {
            Some("large") => crate::rules::demo::large_organisation(now, LARGE_DEMO_PEOPLE),
            _ => crate::rules::demo::scenario(now),
        };
        Ctx {
            lang: RwSignal::new(lang),
            route: RwSignal::new(route),
            scenario: RwSignal::new(scenario),
            session: RwSignal::new(None),
            clock: RwSignal::new(ScenarioClock::default()),
        }
    }

    /// The scenario's "now" on its clock (D1).
    pub fn now(&self) -> Time {
        self.clock.get_untracked().now(real_now())
    }

    /// The signed-in person as an actor, if anyone is signed in.
    pub fn actor(&self) -> Option<Actor> {
        self.session.get().map(Actor::Account)
    }

    /// The signed-in work account, tracked.
    pub fn account(&self) -> Option<WorkAccount> {
        let id = self.session.get()?;
        self.scenario.with(|s| s.state().account(&id).cloned())
    }

    /// Reads the current state, tracked.
    pub fn with_state<T>(&self, f: impl FnOnce(&State) -> T) -> T {
        self.scenario.with(|s| f(s.state()))
    }

    /// Runs a command as the signed-in person. Views re-render only when it
    /// changed something: a refusal changes nothing and notifies nobody.
    pub fn execute(&self, command: Command) -> Result<Vec<Event>, Refusal> {
        let actor =
            self.session.get_untracked().map(Actor::Account).ok_or(Refusal::UnknownAccount { email: String::new() })?;
        self.execute_as(&actor, command)
    }

    /// Runs a command as `actor` (the trainer's, or a signed-in person's).
    pub fn execute_as(&self, actor: &Actor, command: Command) -> Result<Vec<Event>, Refusal> {
        let now = self.now();
        let result = self
            .scenario
            .try_update_untracked(|s| s.execute(actor, now, &command))
            .unwrap_or(Err(Refusal::UnknownAccount { email: String::new() }));
        if result.is_ok() {
            self.scenario.notify();
        }
        result
    }

    /// R5: signs in; the session starts only on success.
    pub fn sign_in(&self, email: &str, password: &str) -> Result<AccountId, Refusal> {
        let now = self.now();
        let result = self
            .scenario
            .try_update_untracked(|s| s.sign_in(now, email, password))
            .unwrap_or(Err(Refusal::WrongPassword));
        if let Ok(id) = &result {
            self.scenario.notify();
            self.session.set(Some(id.clone()));
        }
        result
    }

    pub fn sign_out(&self) {
        self.session.set(None);
    }

    /// Goes to `route` by changing the address, so history and reload work.
    pub fn go(&self, route: Route) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(route.href().trim_start_matches('#'));
        }
        self.route.set(route);
    }
}

/// The context, as every view takes it.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
