//! The guided tour overlay: a labelled dialog beside the control
//! a step points at, a shade that takes every click but the control's, and
//! the keyboard kept in the dialog and the control while the tour lasts;
//! everything else on the page is inert meanwhile, so a screen reader's
//! virtual cursor does not wander behind the shade either.
//!
//! The steps come from [`crate::tours`]; this file only finds their
//! controls on the page, follows them as the page scrolls or reflows, and
//! moves on when the person does the step.

use crate::i18n::pages::{pr, PageText};
use crate::i18n::source::quote;
use crate::i18n::{built_in_name, tour_progress, Lang, Text};
use crate::session::{use_ctx, Ctx};
use crate::tours::{steps, Advance, Check, TourAt};
use crate::ui::{effect, handler, live};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A box in viewport pixels.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
struct Rect {
    top: f64,
    left: f64,
    width: f64,
    height: f64,
}

/// Space between the control, its ring, the dialog and the screen's edge.
const GAP: f64 = 8.0;
/// How often the overlay looks for its control: it may appear late (another
/// page drawing) or move without a scroll or resize event (a reflow).
const TICK_MS: u64 = 120;
/// About 1.5 s without the control: the step cannot be done from here.
const MISSING_TICKS: u32 = 13;
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

fn find(name: &str) -> Option<Element> {
    document().query_selector(&format!("[data-tour=\"{name}\"]")).ok().flatten()
}

fn rect_of(el: &Element) -> Rect {
    let r = el.get_bounding_client_rect();
    Rect { top: r.top(), left: r.left(), width: r.width(), height: r.height() }
}

fn viewport() -> (f64, f64) {
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    (size(window().inner_width()), size(window().inner_height()))
}

/// Whether the step's check holds now: the rules say for the state, the
/// page for what it shows.
fn holds(ctx: Ctx, check: Check) -> bool {
    if let Check::Shown(name) = check {
        return find(name).is_some();
    }
    let Some(person) = ctx.session.get_untracked() else { return false };
    ctx.scenario.with_untracked(|s| check.holds(s.state(), &person)).unwrap_or(false)
}

/// Below this, a dialog squeezed beside its control cannot be read.
const MIN_DIALOG_HEIGHT: f64 = 120.0;

/// The dialog's top, left and, when it must scroll inside to stay clear of
/// its control, its greatest height: below the control if it fits, else
/// above, else beside it, else in the larger space left, scrolling. It
/// never covers the control; it is centred while there is none.
fn place(target: Option<Rect>, (vw, vh): (f64, f64), (dw, dh): (f64, f64)) -> (f64, f64, Option<f64>) {
    let Some(r) = target else { return (((vh - dh) / 2.0).max(GAP), ((vw - dw) / 2.0).max(GAP), None) };
    let clamp_left = |left: f64| left.min(vw - dw - GAP).max(GAP);
    let clamp_top = |top: f64| top.min(vh - dh - GAP).max(GAP);
    let below = r.top + r.height + GAP;
    let above = r.top - GAP - dh;
    let (space_below, space_above) = (vh - GAP - below, r.top - 2.0 * GAP);
    if dh <= space_below {
        (below, clamp_left(r.left), None)
    } else if dh <= space_above {
        (above, clamp_left(r.left), None)
    } else if r.left + r.width + GAP + dw <= vw - GAP {
        (clamp_top(r.top), r.left + r.width + GAP, None)
    } else if r.left - GAP - dw >= GAP {
        (clamp_top(r.top), r.left - GAP - dw, None)
    } else if space_below >= space_above && space_below >= MIN_DIALOG_HEIGHT {
        (below, clamp_left(r.left), Some(space_below))
    } else if space_above >= MIN_DIALOG_HEIGHT {
        (GAP, clamp_left(r.left), Some(space_above))
    } else {
        // A control taller than the screen: the person scrolls it past.
        (clamp_top(below), clamp_left(r.left), None)
    }
}

/// The four shades around the control (top, bottom, left, right), padded
/// by the ring; one shade over everything while there is no control.
fn shades(target: Option<Rect>, (vw, vh): (f64, f64)) -> [Rect; 4] {
    let none = Rect::default();
    let Some(r) = target else { return [Rect { top: 0.0, left: 0.0, width: vw, height: vh }, none, none, none] };
    let (top, bottom) = ((r.top - 4.0).max(0.0), (r.top + r.height + 4.0).min(vh));
    let (left, right) = ((r.left - 4.0).max(0.0), (r.left + r.width + 4.0).min(vw));
    [
        Rect { top: 0.0, left: 0.0, width: vw, height: top },
        Rect { top: bottom, left: 0.0, width: vw, height: (vh - bottom).max(0.0) },
        Rect { top, left: 0.0, width: left, height: bottom - top },
        Rect { top, left: right, width: (vw - right).max(0.0), height: bottom - top },
    ]
}

/// A length in whole pixels (no float formatting code in the bundle).
fn px(v: f64) -> String {
    format!("{}px", v as i32)
}

/// Puts the shades, the ring and the dialog in place for a control at
/// `target`.
fn paint(
    boxes: &[NodeRef<leptos::html::Div>; 5],
    dialog: NodeRef<leptos::html::Div>,
    target: Option<Rect>,
    size: (f64, f64),
    dialog_size: (f64, f64),
) {
    let set = |el: &HtmlElement, r: Rect| {
        let style = el.style();
        for (name, v) in [("top", r.top), ("left", r.left), ("width", r.width), ("height", r.height)] {
            let _ = style.set_property(name, &px(v.round()));
        }
    };
    for (node, r) in boxes.iter().zip(shades(target, size)) {
        if let Some(el) = node.get_untracked() {
            set(&el, r);
        }
    }
    if let Some(ring) = boxes[4].get_untracked() {
        ring.set_hidden(target.is_none());
        let r = target.unwrap_or_default();
        set(&ring, Rect { top: r.top - 4.0, left: r.left - 4.0, width: r.width + 8.0, height: r.height + 8.0 });
    }
    if let Some(d) = dialog.get_untracked() {
        let (top, left, max_height) = place(target, size, dialog_size);
        let style = HtmlElement::style(&d);
        let _ = style.set_property("top", &px(top.round()));
        let _ = style.set_property("left", &px(left.round()));
        let _ = match max_height {
            Some(h) => style.set_property("max-height", &px(h.floor())),
            None => style.remove_property("max-height").map(drop),
        };
    }
}

/// The focusable controls in `root`, `root` first if it is one.
fn focusables(root: &Element, into: &mut Vec<HtmlElement>) {
    if root.matches(FOCUSABLE).unwrap_or(false) {
        into.push(root.clone().unchecked_into());
    }
    if let Ok(list) = root.query_selector_all(FOCUSABLE) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                // Hidden controls cannot take the keyboard.
                if el.get_client_rects().length() > 0 {
                    into.push(el);
                }
            }
        }
    }
}

/// Makes every element of the page inert but those of `keep`, their
/// ancestors and their content: the siblings of each element on the way
/// from the body down to a kept one. `inert` holds what this made inert;
/// only the difference changes, so a step that keeps its control changes
/// nothing, and an element no longer to be inert is given back.
fn isolate(keep: &[Element], inert: &mut Vec<Element>) {
    let Some(body) = document().body() else { return };
    let body: Element = body.into();
    let mut path = Vec::new();
    for el in keep {
        let mut at = Some(el.clone());
        while let Some(el) = at.filter(|el| *el != body) {
            at = el.parent_element();
            path.push(el);
        }
    }
    let mut wanted = Vec::new();
    for el in &path {
        let mut sibling = el.parent_element().and_then(|parent| parent.first_element_child());
        while let Some(other) = sibling {
            sibling = other.next_element_sibling();
            if !path.contains(&other) && !wanted.contains(&other) {
                wanted.push(other);
            }
        }
    }
    for el in inert.iter().filter(|el| !wanted.contains(el)) {
        let _ = el.remove_attribute("inert");
    }
    for el in wanted.iter().filter(|el| !inert.contains(el)) {
        let _ = el.set_attribute("inert", "");
    }
    *inert = wanted;
}

/// Gives the keyboard to the element with `id` once it is on the page
/// (going back to the page it was on takes a frame or two).
fn focus_when_present(id: String, tries: u32) {
    request_animation_frame(move || match document().get_element_by_id(&id) {
        Some(el) => {
            let _ = el.unchecked_into::<HtmlElement>().focus();
        }
        None if tries > 0 => focus_when_present(id, tries - 1),
        None => {}
    });
}

/// The address shows the tour's step, without a new history entry per step.
fn show_in_address(ctx: Ctx) {
    let address = ctx.address(&ctx.route.get_untracked());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

/// Moves to step `to` of the tour at `at`, or ends it past the last step.
fn go_to(ctx: Ctx, at: TourAt, to: usize) {
    if ctx.tour.get_untracked() != Some(at) {
        return;
    }
    if to < steps(at.tour).len() {
        ctx.tour.set(Some(TourAt { step: to, ..at }));
    } else {
        end(ctx, false);
    }
}

/// Ends the tour (`left` before its end, or finished); the keyboard goes
/// back to where it was before, or to the page's heading for a tour this
/// tab did not start (a reload, a shared address): never to nowhere, as
/// the dialog that had it is gone.
fn end(ctx: Ctx, left: bool) {
    let back_to = ctx.end_tour(left);
    show_in_address(ctx);
    match back_to {
        Some(id) => focus_when_present(id, 30),
        None => crate::ui::hand_keyboard_to(ctx, crate::ui::PAGE_HEADING),
    }
}

#[component]
pub fn TourOverlay() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    // The control is not on the page (yet): the dialog says so.
    let waiting = RwSignal::new(true);
    // Next is on: the step needs no action, or its action is done.
    let done = RwSignal::new(false);
    // The control never came and no other step can bring it: the scenario
    // changed under the tour (a link to a step already done here).
    let stuck = RwSignal::new(false);
    let dialog = NodeRef::<leptos::html::Div>::new();
    let boxes = [(); 5].map(|()| NodeRef::<leptos::html::Div>::new());
    // Per step: the control found, how long it has been missing, whether
    // it was scrolled to, and whether the step was already done on entry
    // (then it does not move on by itself: the person came back to it).
    let target = StoredValue::new_local(None::<Element>);
    let missing = StoredValue::new(0u32);
    let scrolled = StoredValue::new(false);
    let done_on_entry = StoredValue::new(false);
    // What `isolate` made inert, given back when the tour ends.
    let inert = StoredValue::new_local(Vec::<Element>::new());
    // The dialog and the shade stay reachable, with the step's control.
    let isolate_but = move |control: Option<&Element>| {
        let mut keep: Vec<Element> = control.into_iter().cloned().collect();
        keep.extend(dialog.get_untracked().map(Element::from));
        keep.extend(boxes[0].get_untracked().and_then(|shade| shade.parent_element()));
        inert.update_value(|inert| isolate(&keep, inert));
    };

    // The height its content asks for, even while it is held shorter.
    let dialog_size = move || {
        dialog.get_untracked().map_or((320.0, 220.0), |d| (rect_of(&d).width, f64::from(d.scroll_height()) + 2.0))
    };

    let tick = move || {
        let Some(at) = ctx.tour.get_untracked() else { return };
        let step = at.current();
        let size = viewport();
        let dialog_size = dialog_size();
        if let Advance::When(check) = step.advance {
            let now = holds(ctx, check);
            if now && !done_on_entry.get_value() {
                return go_to(ctx, at, at.step + 1);
            }
            if done.get_untracked() != now {
                done.set(now);
            }
        }
        let on_page = ctx.route.get_untracked() == step.page;
        match on_page.then(|| find(step.target)).flatten() {
            Some(el) => {
                missing.set_value(0);
                if !scrolled.get_value() {
                    scrolled.set_value(true);
                    scroll_to(&el, dialog_size.1, size.1);
                }
                paint(&boxes, dialog, Some(rect_of(&el)), size, dialog_size);
                isolate_but(Some(&el));
                if waiting.get_untracked() {
                    waiting.set(false);
                    stuck.set(false);
                }
                target.set_value(Some(el));
            }
            None => {
                paint(&boxes, dialog, None, size, dialog_size);
                isolate_but(None);
                if !waiting.get_untracked() {
                    waiting.set(true);
                }
                target.set_value(None);
                missing.update_value(|n| *n += 1);
                if missing.get_value() < MISSING_TICKS {
                    return;
                }
                // Never a step pointing at nothing: back to the step's page,
                // else on past a step already done, else back to the step
                // that brings the control (a reload closed the form).
                missing.set_value(0);
                if !on_page {
                    ctx.go(step.page.clone());
                } else if matches!(step.advance, Advance::When(check) if holds(ctx, check)) {
                    go_to(ctx, at, at.step + 1);
                } else if at.step > 0 {
                    go_to(ctx, at, at.step - 1);
                } else if !stuck.get_untracked() {
                    stuck.set(true);
                    // Starting again is the only way on: the keyboard goes
                    // there once it shows, unless the person moved it.
                    let on_dialog =
                        dialog.get_untracked().is_some_and(|d| document().active_element() == Some(d.into()));
                    if on_dialog {
                        focus_when_present("tour-restart".into(), 1);
                    }
                }
            }
        }
    };

    // When the dialog's words change its size (the stuck hint, the other
    // language), it is put back in place before that frame is painted, not
    // at the next tick: a button that has just appeared must not move under
    // the pointer (a click there would land beside it).
    let repaint = Closure::<dyn Fn()>::new(move || {
        let control = target.with_value(|el| el.as_ref().filter(|el| el.is_connected()).map(rect_of));
        paint(&boxes, dialog, control, viewport(), dialog_size());
    })
    .into_js_value();
    let resized = web_sys::ResizeObserver::new(repaint.unchecked_ref()).ok();
    let observed = resized.clone();

    // A new step: go to its page, put it in the address, and give the
    // dialog the keyboard so the step is read out.
    effect(move || {
        let Some(at) = ctx.tour.get() else { return };
        let step = at.current();
        missing.set_value(0);
        scrolled.set_value(false);
        target.set_value(None);
        stuck.set(false);
        let already = match step.advance {
            Advance::When(check) => holds(ctx, check),
            _ => false,
        };
        done_on_entry.set_value(already);
        done.set(step.advance == Advance::Next || already);
        if ctx.route.get_untracked() != step.page {
            ctx.go(step.page);
        }
        show_in_address(ctx);
        let observed = observed.clone();
        // The overlay may be gone before this frame (the tour ended at
        // once, by Escape): nothing is left to focus or to place then.
        request_animation_frame(move || {
            let Some(dialog) = dialog.try_get_untracked() else { return };
            if let Some(d) = dialog {
                let _ = d.focus();
                // From the first step on; the same dialog again is a no-op.
                observed.inspect(|observer| observer.observe(&d));
            }
            tick();
        });
    });

    let interval = set_interval_with_handle(tick, std::time::Duration::from_millis(TICK_MS)).ok();
    let on_resize = window_event_listener(leptos::ev::resize, move |_| tick());
    // Scrolling anything (the page, the report's table) moves the control;
    // scroll events do not bubble, so listen while they go down.
    let on_scroll = Closure::<dyn Fn()>::new(tick).into_js_value();
    let _ = window().add_event_listener_with_callback_and_bool("scroll", on_scroll.unchecked_ref(), true);
    // The person clicking the control does the step.
    let on_click = window_event_listener(leptos::ev::click, move |ev| {
        let Some(at) = ctx.tour.get_untracked() else { return };
        let step = at.current();
        let Some(el) = target.get_value() else { return };
        let clicked = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let is_control = el.matches("a, button").unwrap_or(false);
        if !matches!(step.advance, Advance::When(_)) && is_control && el.contains(clicked.as_ref()) {
            // After the page has handled the click.
            request_animation_frame(move || go_to(ctx, at, at.step + 1));
        }
    });
    // Tab goes round the dialog and the control only; Escape ends the tour.
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| match ev.key().as_str() {
        // An Escape a confirmation on the page took (it cancels that
        // confirmation) is not also the tour's: one key, the innermost thing.
        "Escape" if ev.default_prevented() => {}
        "Escape" => {
            ev.prevent_default();
            end(ctx, true);
        }
        "Tab" => {
            let mut ring = Vec::new();
            if let Some(el) = target.get_value() {
                focusables(&el, &mut ring);
            }
            if let Some(d) = dialog.get_untracked() {
                focusables(&d, &mut ring);
            }
            if ring.is_empty() {
                return;
            }
            ev.prevent_default();
            let active = document().active_element();
            let at = ring.iter().position(|el| active.as_ref() == Some(el.unchecked_ref::<Element>()));
            let n = ring.len();
            let next = match (at, ev.shift_key()) {
                (Some(i), false) => (i + 1) % n,
                (Some(i), true) => (i + n - 1) % n,
                (None, false) => 0,
                (None, true) => n - 1,
            };
            let _ = ring[next].focus();
        }
        _ => {}
    });
    on_cleanup(move || {
        inert.try_update_value(|inert| isolate(&[], inert));
        if let Some(handle) = interval {
            handle.clear();
        }
        if let Some(observer) = resized {
            observer.disconnect();
        }
        on_resize.remove();
        on_click.remove();
        on_key.remove();
        let _ = window().remove_event_listener_with_callback_and_bool("scroll", on_scroll.unchecked_ref(), true);
    });

    let step = move || ctx.tour.get().map(|at| (at, at.current()));
    let count = move || ctx.tour.get().map_or(0, |at| steps(at.tour).len());
    // The source's words for the step, then Certlink's, in the current language.
    let quoted = move || {
        let lang = lang.get();
        step().map(|(_, s)| s.says.iter().map(|&q| quote(lang, q)).collect::<Vec<_>>().join(" ")).unwrap_or_default()
    };
    let noted = move || step().and_then(|(_, s)| s.note).map(|n| tour_note(lang.get(), n)).unwrap_or_default();
    let next = move |_| {
        if let Some(at) = ctx.tour.get_untracked() {
            go_to(ctx, at, at.step + 1);
        }
    };
    // Back skips the steps whose control is gone because they were done
    // (the form Associate opened replaces the button).
    let back = move |_| {
        let Some(at) = ctx.tour.get_untracked() else { return };
        let all = steps(at.tour);
        let here = ctx.route.get_untracked();
        let mut to = at.step;
        while to > 0 {
            to -= 1;
            let s = &all[to];
            if s.advance == Advance::Next || s.page != here || find(s.target).is_some() {
                break;
            }
        }
        go_to(ctx, at, to);
    };
    // The tour's scenario again, from step 1 (the way back from `stuck`).
    let restart = move |_| {
        if let Some(at) = ctx.tour.get_untracked() {
            ctx.load_built_in(at.tour);
            ctx.tour.set(Some(TourAt { step: 0, ..at }));
        }
    };
    let other_lang = move || match lang.get() {
        Lang::En => Lang::Fr,
        Lang::Fr => Lang::En,
    };
    view! {
        <div class="tour" aria-hidden="true">
            <div class="tour-shade" node_ref=boxes[0]></div>
            <div class="tour-shade" node_ref=boxes[1]></div>
            <div class="tour-shade" node_ref=boxes[2]></div>
            <div class="tour-shade" node_ref=boxes[3]></div>
            <div class="tour-ring" node_ref=boxes[4]></div>
        </div>
        <div
            class="tour-dialog"
            role="dialog"
            aria-labelledby="tour-title"
            aria-describedby="tour-progress tour-text"
            tabindex="-1"
            node_ref=dialog
        >
            <p id="tour-progress" class="tour-progress">
                {live(move || step().map(|(at, _)| tour_progress(lang.get(), at.step + 1, count())).unwrap_or_default())}
            </p>
            <h2 id="tour-title">{live(move || step().map(|(at, _)| built_in_name(lang.get(), at.tour)).unwrap_or_default())}</h2>
            <div id="tour-text">
                // Plain text closures: the cheapest views to build (bundle size).
                <blockquote hidden=move || quoted().is_empty()>
                    <p>{live(quoted)}</p>
                </blockquote>
                <p hidden=move || noted().is_empty()>{live(noted)}</p>
                <p class="tour-hint" hidden=move || !waiting.get() || stuck.get()>
                    {pr(lang, PageText::TourWaiting)}
                </p>
                <p id="tour-stuck" class="tour-hint" hidden=move || !stuck.get()>
                    {pr(lang, PageText::TourStuck)}
                </p>
                <p class="tour-hint" hidden=move || done.get()>
                    {pr(lang, PageText::TourDoIt)}
                </p>
            </div>
            <div class="actions">
                <button
                    id="tour-restart"
                    class="button primary"
                    aria-describedby="tour-stuck"
                    hidden=move || !stuck.get()
                    on:click=handler(restart)
                >
                    {pr(lang, PageText::TourRestart)}
                </button>
                <button class="button" disabled=move || step().is_none_or(|(at, _)| at.step == 0) on:click=handler(back)>
                    {pr(lang, PageText::TourBack)}
                </button>
                <button class="button primary" disabled=move || !done.get() on:click=handler(next)>
                    {live(move || {
                        let last = step().is_some_and(|(at, _)| at.step + 1 == count());
                        crate::i18n::t(lang.get(), if last { Text::TourFinish } else { Text::Next })
                    })}
                </button>
                <button class="button" on:click=handler(move |_| end(ctx, true))>
                    {pr(lang, PageText::TourExit)}
                </button>
                <button class="link-button" lang=move || other_lang().code() on:click=handler(move |_| lang.set(other_lang()))>
                    {live(move || other_lang().endonym())}
                </button>
            </div>
        </div>
    }
}

/// Brings the control into view (inside scrolled boxes too), then scrolls
/// the page so the control and a dialog of height `dh` both fit if they can.
fn scroll_to(el: &Element, dh: f64, vh: f64) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    let r = rect_of(el);
    let together = r.height + GAP + dh;
    let wanted_top = if together + 2.0 * GAP <= vh { (vh - together) / 2.0 } else { GAP };
    window().scroll_by_with_x_and_y(0.0, r.top - wanted_top);
}

/// Certlink's words for a tour step where the source has none.
pub fn tour_note(lang: Lang, note: crate::tours::Note) -> String {
    use crate::tours::Note::*;
    match note {
        Credentials(username) => lang.pick(
            format!("In this demo: username {username}, password {}.", crate::rules::demo::LEARN_PASSWORD),
            format!("Dans cette démonstration\u{a0}: nom d’utilisateur {username}, mot de passe {}.", crate::rules::demo::LEARN_PASSWORD),
        ),
        CorrectAddress { from, to } => lang.pick(
            format!("The invitation went to {from}: correct the address used to {to} and confirm it."),
            format!("L’invitation est partie à {from}\u{a0}: corrigez l’adresse utilisée en {to} et confirmez-la."),
        ),
        Resend => lang.pick(
            "Then contact the person: Resend sends the sign-in details again, to the verified address.".to_string(),
            "Contactez ensuite la personne\u{a0}: Renvoyer envoie de nouveau les détails de connexion, à l’adresse vérifiée.".to_string(),
        ),
        AutomaticUnlinkKept => lang.pick(
            "The audit timeline keeps the automatic unlink, with both organisations and the rule behind it (D4).".to_string(),
            "La chronologie d’audit garde la dissociation automatique, avec les deux organisations et la règle appliquée (D4).".to_string(),
        ),
        OffTheReport => lang.pick(
            "The person who left no longer appears in the organisation’s skills report (R13).".to_string(),
            "La personne partie n’apparaît plus dans le rapport des qualifications de l’organisation (R13).".to_string(),
        ),
        Evidence => lang.pick(
            "From the scenario, Certlink gathers the evidence that support asks for.".to_string(),
            "Certlink rassemble depuis le scénario les preuves que le support demande.".to_string(),
        ),
        OpenTicket => lang.pick(
            "Describe the question, then open the ticket.".to_string(),
            "Décrivez la question, puis ouvrez le ticket.".to_string(),
        ),
        TicketListed => lang.pick(
            "The ticket is listed here, kept with the scenario.".to_string(),
            "Le ticket figure ici, conservé avec le scénario.".to_string(),
        ),
    }
}
