//! The demo data a start leaves for later. A start on the demo data (a
//! first visit, storage blocked, an unreadable or newer save) does not
//! build it: home and the shell do not read the scenario. It is built on
//! the first pointer or keyboard move towards a link or a button
//! (`app::prefetch_on_intent`), or before the first later part is drawn
//! (`views::LaterView`: sign in, My Profile...), whichever comes first,
//! with the code of the lazily loaded `later` file: the demo, the
//! rules that play its history, and its first save, so none of them is in
//! the first file.
//! A guided tour's address resumed at the start (a shared link) loads its
//! case, in the cases' space, the same way; and a save the engine owes the
//! store (`Tab::save_again`) is written there too, since the later file
//! writes every save.

use super::{is_large_demo, real_now, Ctx, LARGE_DEMO_PEOPLE};
use crate::lazy::lazy_fn;
use crate::rules::demo::{BuiltIn, LargeOrganisation};
use crate::rules::Time;
use crate::tasks::next_task;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// Steps of the `?demo=large` organisation built per task: a slice short
/// enough for the page to answer in between (docs/performance.md).
const LARGE_DEMO_SLICE: usize = 1_000;

/// What is left to do before a later part is drawn.
enum Due {
    /// The demo data, as of `now`; the 10,000-person one when `large`.
    Demo {
        now: Time,
        large: bool,
    },
    /// The 10,000-person organisation, built a slice per task.
    Large(Box<LargeOrganisation>),
    /// A guided tour's case, resumed from the address.
    Tour(BuiltIn),
    /// The save this tab owes the store, whole (`Tab::save_again`).
    SaveAgain,
    Done,
}

// One step of what is due, lazily loaded in the `later` file: the code of
// the demo, of the rules that play its history and of its first save is
// there.
lazy_fn!(
    later,
    fn advance(ctx: Ctx, due: Due) -> Due {
        match due {
            Due::Demo { now, large: false } => {
                ctx.start_on_demo(crate::rules::demo::scenario(now));
                ctx.tour_due()
            }
            Due::Demo { now, large: true } => Due::Large(Box::new(LargeOrganisation::new(now, LARGE_DEMO_PEOPLE))),
            Due::Large(mut builder) => match builder.build(LARGE_DEMO_SLICE) {
                true => {
                    ctx.start_on_demo(builder.finish());
                    ctx.tour_due()
                }
                false => Due::Large(builder),
            },
            Due::Tour(built_in) => {
                ctx.tour_due.set_value(None);
                ctx.resume_case(built_in);
                Due::Done
            }
            Due::SaveAgain => {
                ctx.writing(|tab, scenario| tab.save_again(scenario, &super::saving::ReaderFile, real_now()));
                ctx.tour_due()
            }
            Due::Done => Due::Done,
        }
    }
);

thread_local! {
    /// The preparation under way: every later part drawn meanwhile awaits
    /// it, so none is drawn on the demo data not built yet.
    static PREPARING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

impl Ctx {
    /// Does what is due before a later part is drawn (see the module), once
    /// for every part that awaits it; at once when nothing is. A failed
    /// fetch leaves it due: drawing the part fetches again and says so.
    pub async fn prepare_later(self) {
        while let Some(running) = PREPARING.with(|p| p.borrow().clone()) {
            let _ = JsFuture::from(running).await;
        }
        // A tour resumed in the cases' space reads what is saved there.
        if self.tour_due.get_value().is_some() && Ctx::case_saved(super::CASES) {
            let _ = super::reader::fetch().await;
        }
        let due = match self.engine.with_value(|tab| tab.lifecycle() == crate::save::Lifecycle::DemoDue) {
            true => Due::Demo { now: real_now(), large: is_large_demo() },
            false if self.engine.with_value(crate::save::Tab::owes_a_save) => Due::SaveAgain,
            false => self.tour_due(),
        };
        if matches!(due, Due::Done) {
            return;
        }
        let ctx = self;
        let running = future_to_promise(async move {
            let mut due = due;
            while !matches!(due, Due::Done) {
                match advance(ctx, due).await {
                    Ok(next) => due = next,
                    Err(_) => break,
                }
                // The large organisation's slices: the page answers between them.
                next_task().await;
            }
            PREPARING.with(|p| *p.borrow_mut() = None);
            Ok(JsValue::UNDEFINED)
        });
        PREPARING.with(|p| *p.borrow_mut() = Some(running.clone()));
        let _ = JsFuture::from(running).await;
    }

    /// The tour case due, if any (loading it clears it).
    fn tour_due(&self) -> Due {
        self.tour_due.get_value().map_or(Due::Done, Due::Tour)
    }
}
