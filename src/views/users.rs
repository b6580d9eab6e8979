//! Users of the organisation (R2, R13, R14): invite by work email, the
//! invitations with no response (verify the email address, resend), and
//! Delete account for the Global Admin, with confirmation.

use crate::i18n::events::role_name;
use crate::i18n::pages::{page_text, pr, PageText};
use crate::i18n::reactive::tr;
use crate::i18n::source::Source;
use crate::i18n::{format_date, Text};
use crate::rules::refusal::{Field as RefusedField, Refusal};
use crate::rules::users::{can_delete_account, organisation_users};
use crate::rules::{AccountId, AccountState, Command, WorkAccount};
use crate::session::use_ctx;
use crate::ui::{hand_keyboard_to, handler, live, When};
use crate::views::common::{
    asked_across_redraws, chosen_role, execute_handing_keyboard_to, mark_refused, new_salt, role_options, Choice,
    Confirm, Field, NotAllowed, Outcome, OutcomeMessage, Pager, SignInPrompt, SourceQuote, PAGE_SIZE,
};
use leptos::prelude::*;

#[component]
pub fn Users() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let outcome = RwSignal::new(None::<Outcome>);
    let users = Memo::new(move |_| {
        let actor = ctx.actor()?;
        Some(
            ctx.with_state(|s| organisation_users(s, &actor).map(|list| list.into_iter().cloned().collect::<Vec<_>>())),
        )
    });
    // What is typed in the invitation form, and in each invitation's
    // address check, lives here, outside the part that a change to the
    // list (another tab's save, a resend) redraws, so that it is never lost.
    let typed = InviteFields::default();
    // Invitations without a response are few: a list is searched as fast
    // as a map, with less code.
    let checks = StoredValue::new(Vec::<(AccountId, AddressCheck)>::new());
    // The line whose Delete account question is open, asked again when the
    // list is redrawn.
    let deleting = StoredValue::new(None::<String>);
    // A page of the list at a time: each line follows the scenario (its
    // Delete button, R13), so a change costs what the lines drawn cost.
    let page = RwSignal::new(0usize);
    view! {
        <h1>{tr(lang, Text::NavUsers)}</h1>
        // Outside the part a change redraws: screen readers say only what
        // comes into a status region already on the page.
        <div id="users-outcome">
            <OutcomeMessage outcome=outcome />
        </div>
        {live(move || match users.get() {
            None => view! { <SignInPrompt /> }.into_any(),
            Some(Err(refusal)) => view! { <NotAllowed refusal=refusal /> }.into_any(),
            Some(Ok(list)) => {
                let (invited, others): (Vec<WorkAccount>, Vec<WorkAccount>) =
                    list.into_iter().partition(|a| a.is_invited());
                view! {
                    <InviteForm outcome=outcome typed=typed />
                    <section class="card" aria-labelledby="no-response">
                        <h2 id="no-response">{pr(lang, PageText::InvitationsWithoutResponse)}</h2>
                        <SourceQuote sentences=&[Source::FaqNoResponseCase, Source::FaqNoResponseAnswer] />
                        {if invited.is_empty() {
                            view! { <p>{pr(lang, PageText::NoPendingInvitation)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="invitations" data-tour="invitations">
                                    {invited
                                        .into_iter()
                                        .map(|a| {
                                            let check = checks.try_update_value(|checks| {
                                                if let Some((_, check)) = checks.iter().find(|(id, _)| *id == a.id) {
                                                    return check.clone();
                                                }
                                                let check = AddressCheck::new(&a.id);
                                                checks.push((a.id.clone(), check.clone()));
                                                check
                                            });
                                            let check = check.unwrap_or_else(|| AddressCheck::new(&a.id));
                                            view! { <Invitation account=a outcome=outcome check=check /> }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                    </section>
                    <section class="card" aria-labelledby="all-users">
                        <h2 id="all-users" tabindex="-1">{pr(lang, PageText::AllUsers)}</h2>
                        <SourceQuote sentences=&[Source::FaqLeaveDelete] />
                        {users_page(lang, others, page, outcome, deleting)}
                    </section>
                }
                    .into_any()
            }
        })}
    }
}

/// The page of the users list `page` asks for (past the last, the last),
/// with where it is in the list and, for a long one, the pager. A turn of
/// the page draws its lines and its count anew, not the count's status
/// region: screen readers say the rows now shown.
fn users_page(
    lang: RwSignal<crate::i18n::Lang>,
    others: Vec<WorkAccount>,
    page: RwSignal<usize>,
    outcome: RwSignal<Option<Outcome>>,
    deleting: StoredValue<Option<String>>,
) -> impl IntoView {
    let total = others.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let first = move || page.get().min(pages - 1) * PAGE_SIZE;
    let others = std::sync::Arc::new(others);
    view! {
        {(pages > 1).then(|| view! {
            <p role="status">
                {live(move || {
                    let first = first();
                    crate::i18n::rows_of(lang.get(), first + 1, (first + PAGE_SIZE).min(total), total)
                })}
            </p>
        })}
        <ul class="users">
            {live(move || {
                let first = first();
                let shown = &others[first..(first + PAGE_SIZE).min(total)];
                // A question whose line is on no page shown is not asked
                // again on the way back.
                if !deleting.with_value(|d| d.as_ref().is_none_or(|d| shown.iter().any(|a| a.id.as_str() == d))) {
                    deleting.set_value(None);
                }
                shown
                    .iter()
                    .map(|a| view! { <UserLine account=a.clone() outcome=outcome deleting=deleting /> })
                    .collect_view()
                    .into_any()
            })}
        </ul>
        {(pages > 1).then(|| view! { <Pager page=page pages=pages /> })}
    }
}

/// The invitation form's fields.
#[derive(Clone, Copy)]
struct InviteFields {
    email: RwSignal<String>,
    name: RwSignal<String>,
    password: RwSignal<String>,
    role: RwSignal<String>,
}

impl Default for InviteFields {
    fn default() -> InviteFields {
        InviteFields {
            email: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            role: RwSignal::new("user".to_string()),
        }
    }
}

#[component]
fn InviteForm(outcome: RwSignal<Option<Outcome>>, typed: InviteFields) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let InviteFields { email, name, password, role } = typed;
    let roles = role_options(lang);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let role = chosen_role(&role.get_untracked());
        let command = Command::InviteUser {
            email: email.get_untracked(),
            display_name: name.get_untracked(),
            role,
            temporary_password: password.get_untracked(),
            salt: new_salt(),
        };
        // The page is drawn again with the new invitation: the keyboard
        // goes to the emptied form's first field, for the next one.
        let result = execute_handing_keyboard_to(ctx, command, "input[name=\"invite-email\"]");
        if matches!(result, Outcome::Done(_)) {
            email.set(String::new());
            name.set(String::new());
            password.set(String::new());
        }
        // A refused field is marked, described by the refusal, and has the
        // keyboard, as on the other forms.
        let field: &[&str] = match &result {
            Outcome::Refused(Refusal::TextRequired { field: RefusedField::DisplayName })
            | Outcome::Refused(Refusal::TextTooLong { field: RefusedField::DisplayName, .. }) => &["invite-name"],
            Outcome::Refused(
                Refusal::TextRequired { .. }
                | Refusal::TextTooLong { .. }
                | Refusal::InvalidEmail { .. }
                | Refusal::AccountExists { .. },
            ) => &["invite-email"],
            Outcome::Refused(Refusal::WeakTemporaryPassword { .. }) => &["invite-password"],
            Outcome::Refused(Refusal::GlobalAdminOnly) => &["invite-role"],
            _ => &[],
        };
        mark_refused("form[aria-labelledby=\"invite\"]", "users-outcome", field);
        outcome.set(Some(result));
    };
    view! {
        <form class="card form" on:submit=handler(submit) aria-labelledby="invite">
            <h2 id="invite">{pr(lang, PageText::InviteUser)}</h2>
            <Field label=Text::WorkEmail name="invite-email" inputmode="email" value=email />
            <Field label=Text::DisplayName name="invite-name" value=name />
            <Choice label=Text::Role id="invite-role" options=roles value=role />
            <Field label=Text::TemporaryPassword name="invite-password" autocomplete="off" value=password />
            <button type="submit" class="button primary">
                {pr(lang, PageText::SendInvitation)}
            </button>
        </form>
    }
}

/// An invitation's address check: open or not, and the address typed.
/// Reference-counted, so that it outlives the line drawn from it.
#[derive(Clone)]
struct AddressCheck {
    open: ArcRwSignal<bool>,
    address: ArcRwSignal<String>,
}

impl AddressCheck {
    fn new(id: &AccountId) -> AddressCheck {
        AddressCheck { open: ArcRwSignal::new(false), address: ArcRwSignal::new(id.to_string()) }
    }
}

/// An invitation with no response: verify the address used, then resend (R14).
#[component]
fn Invitation(account: WorkAccount, outcome: RwSignal<Option<Outcome>>, check: AddressCheck) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let verifying = RwSignal::from(check.open);
    let corrected = RwSignal::from(check.address);
    let id = account.id.clone();
    let AccountState::Invited(invitation) = account.state.clone() else { return ().into_any() };
    let sent = move || {
        crate::i18n::invited_on(lang.get(), &format_date(lang.get(), invitation.invited_at), invitation.resent_at.len())
    };
    let verify = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let address = corrected.get_untracked();
            let command = Command::VerifyInvitationEmail { account: id.clone(), corrected: Some(address.clone()) };
            // R14's next step: resend to the address now confirmed.
            let result = execute_handing_keyboard_to(ctx, command, resend_button(&AccountId::from_email(&address)));
            if matches!(result, Outcome::Done(_)) {
                verifying.set(false);
            }
            outcome.set(Some(result));
        }
    };
    let resend = {
        let id = id.clone();
        move |_| {
            let command = Command::ResendInvitation { account: id.clone() };
            outcome.set(Some(execute_handing_keyboard_to(ctx, command, resend_button(&id))));
        }
    };
    let label = account.display_name.clone();
    view! {
        <li class="invitation">
            <p>
                <strong>{account.display_name.clone()}</strong>
                " · "
                <span class="mcid">{id.to_string()}</span>
                " · "
                {live(sent)}
            </p>
            <div class="actions">
                <button
                    class="button"
                    data-tour=format!("verify {id}")
                    on:click=handler({
                        // The form opened takes the keyboard: the next Tab
                        // is not Resend, to the address not yet checked.
                        let field = format!("li:has([data-tour=\"verify {id}\"]) input[name=\"verify-email\"]");
                        move |_| {
                            verifying.update(|v| *v = !*v);
                            if verifying.get_untracked() {
                                hand_keyboard_to(ctx, field.clone());
                            }
                        }
                    })
                    aria-expanded=move || verifying.get().to_string()
                    aria-label={
                        let label = label.clone();
                        move || crate::i18n::verify_label(lang.get(), &label)
                    }
                >
                    {pr(lang, PageText::VerifyEmailAddress)}
                </button>
                <button
                    class="button"
                    data-tour=format!("resend {id}")
                    on:click=handler(resend)
                    aria-label=move || crate::i18n::resend_label(lang.get(), &label)
                >
                    {pr(lang, PageText::Resend)}
                </button>
            </div>
            <When when=verifying>
                <form class="form inline" data-tour="verify-form" on:submit=handler(verify.clone())>
                    <Field label=Text::EmailAddressUsed name="verify-email" inputmode="email" value=corrected />
                    <button type="submit" class="button primary">
                        {pr(lang, PageText::ConfirmAddress)}
                    </button>
                </form>
            </When>
        </li>
    }
    .into_any()
}

/// An invitation's Resend button, where the keyboard goes after a change
/// to the invitation draws the page again.
fn resend_button(id: &AccountId) -> String {
    format!("[data-tour=\"resend {id}\"]")
}

/// A user with, for the Global Admin, Delete account behind a confirmation (R13).
#[component]
fn UserLine(
    account: WorkAccount,
    outcome: RwSignal<Option<Outcome>>,
    deleting: StoredValue<Option<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let id: AccountId = account.id.clone();
    let deletable = {
        let id = id.clone();
        move || ctx.actor().is_some_and(|a| ctx.with_state(|s| can_delete_account(s, &a, &id)))
    };
    let confirming = asked_across_redraws(deleting, id.to_string(), untrack(deletable.clone()));
    let delete = {
        let id = id.clone();
        move || {
            confirming.set(false);
            // The line's Delete button is gone with the account (R13).
            let command = Command::DeleteAccount { account: id.clone() };
            outcome.set(Some(execute_handing_keyboard_to(ctx, command, "#all-users")));
        }
    };
    let deleted = account.is_deleted();
    let role = account.role;
    let name = account.display_name.clone();
    let name_for_label = name.clone();
    let name_for_confirm = name.clone();
    let delete_button = format!("delete {id}");
    view! {
        <li class="user" class:deleted=deleted>
            <span>
                <strong>{name}</strong>
                " · "
                {id.to_string()}
                " · "
                {live(move || role_name(lang.get(), role))}
                {live(move || if deleted { format!(" · {}", page_text(lang.get(), PageText::Deleted)) } else { String::new() })}
            </span>
            {live(move || {
                let name = name_for_label.clone();
                deletable()
                    .then(|| {
                        view! {
                            <button
                                class="button danger"
                                data-tour=format!("delete {id}")
                                on:click=handler(move |_| confirming.set(true))
                                aria-label=move || crate::i18n::delete_account_label(lang.get(), &name)
                            >
                                {tr(lang, Text::DeleteAccount)}
                            </button>
                        }
                            .into_any()
                    })
            })}
            <Confirm
                label=Text::DeleteAccount
                question=Signal::derive(move || crate::i18n::confirm_delete(lang.get(), &name_for_confirm))
                confirm=Text::ConfirmDelete
                on_confirm=Callback::new(move |()| delete())
                open=confirming
                opener=format!("[data-tour=\"{delete_button}\"]")
                name=delete_button
            />
        </li>
    }
}
