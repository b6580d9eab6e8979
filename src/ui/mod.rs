//! What the shell and the pages share: the house view helpers, the
//! keyboard's hand-off when a control goes ([`hand_keyboard_to`]), and the
//! wording of answers from layers `i18n` stays below (a stored or imported
//! document's problems, [`document`]).
//!
//! The helpers exist for the bundle's size. Leptos compiles its rendering
//! code once per closure type, so the live parts of a view go through these
//! boxed types, each compiled once: `live(move || ..)` for a text or a view
//! that follows signals (giving a `String`, a `&'static str` or an
//! `AnyView`), `handler(..)` for every `on:` event, `<When>` instead of
//! `<Show>`, [`effect`] instead of `Effect::new`, and
//! `i18n::reactive::{tr, qt}` for fixed wordings. A view written with
//! Leptos's own generic forms works the same and costs a copy of that code
//! each time; the budget (`scripts/budget.mjs`) fails the build when they
//! add up.

pub mod document;

use leptos::prelude::*;

/// `Effect::new`, for every effect of the app. Leptos's effect (a task
/// and a channel) is generic over its closure, so each effect written
/// with it directly would bring its own copy of both; behind one boxed
/// closure there is a single copy.
pub fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

/// A live part of a view: a text, an attribute's value or a whole view
/// that follows the signals it reads. Leptos compiles its rendering code
/// (a render effect, its build and rebuild) once per closure type, so each
/// `move ||` written inline in a view would bring its own copy; boxed,
/// every live part with the same output shares one.
pub type Live<T> = Box<dyn FnMut() -> T + Send>;

/// Boxes `f` as a [`Live`] part of a view.
pub fn live<T>(f: impl FnMut() -> T + Send + 'static) -> Live<T> {
    Box::new(f)
}

/// An event handler, boxed: each handler written inline in a view is a
/// type of its own, with its own copy of Leptos's code to attach it and
/// to erase it among the element's attributes; boxed, every handler of
/// one event shares one.
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// A confirmation's keys: Escape does what its Cancel button does.
pub fn escape_cancels(cancel: impl Fn() + 'static) -> Box<dyn FnMut(leptos::ev::KeyboardEvent)> {
    handler(move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            cancel();
        }
    })
}

/// Shows `children` while `when` holds, and `fallback` otherwise. Leptos's
/// `Show` is generic over its condition and its children, so each use
/// brings its own memo and rendering code; this one is compiled
/// once. Like `Show`, the children are drawn again only when `when` changes.
#[component]
pub fn When(
    #[prop(into)] when: Signal<bool>,
    children: ChildrenFn,
    #[prop(optional, into)] fallback: ViewFn,
) -> impl IntoView {
    let when = Memo::new(move |_| when.get());
    live(move || if when.get() { children() } else { fallback.run() })
}

/// The heading of the page shown: where the keyboard goes when the control
/// that led to another page is gone (a sign-in, a sign-out, a reset).
pub const PAGE_HEADING: &str = "#main h1";

/// Hands the keyboard on when an action replaces the control it is on:
/// the control lets go at once (removing the focused element makes the
/// browser restyle the whole page there and then), and the element
/// `selector` names takes it once the new content is drawn, instead of the
/// top of the page. A page whose code comes later is drawn a few frames
/// on, so the element is looked for on each frame for a while; where it is
/// still not drawn (the list it was in is now empty), the page's heading
/// takes it. A guided tour under way keeps the keyboard for its dialog,
/// and a person who has put the keyboard somewhere meanwhile (a field
/// clicked, on a slow machine) keeps it there. The newest hand-off is the
/// one made: an older one still waiting for a frame (a page's heading,
/// when the person has already pressed a button on that page) gives way.
pub fn hand_keyboard_to(ctx: crate::session::Ctx, selector: impl Into<String>) {
    use wasm_bindgen::JsCast;
    if ctx.tour.with_untracked(Option::is_some) {
        return;
    }
    if let Some(active) = document().active_element() {
        let _ = active.unchecked_into::<web_sys::HtmlElement>().blur();
    }
    let handoff = HANDOFF.with(|newest| {
        newest.set(newest.get().wrapping_add(1));
        newest.get()
    });
    focus_when_drawn(selector.into(), 30, handoff);
}

thread_local! {
    /// The newest hand-off's number ([`hand_keyboard_to`]).
    static HANDOFF: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn focus_when_drawn(selector: String, frames: u8, handoff: u32) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        let taken = document().active_element().is_some_and(|active| active.tag_name() != "BODY");
        if taken || HANDOFF.with(std::cell::Cell::get) != handoff {
            return;
        }
        let found = |selector: &str| document().query_selector(selector).ok().flatten();
        let target = match found(&selector) {
            None if frames > 0 => return focus_when_drawn(selector, frames - 1, handoff),
            None => found(PAGE_HEADING),
            target => target,
        };
        if let Some(target) = target {
            let target = target.unchecked_into::<web_sys::HtmlElement>();
            // A heading takes the keyboard too (a page's, after the control
            // that led there is gone), out of the Tab order.
            if target.tab_index() < 0 && !target.has_attribute("tabindex") {
                let _ = target.set_attribute("tabindex", "-1");
            }
            let _ = target.focus();
        }
    });
}
