//! Users of an organisation, as admins manage them: invitations and the
//! "no response" case (R14), and what happens when someone leaves: the
//! Global Admin deletes the account and, at the person's request, removes
//! them from the skills report (R13).

use super::audit::{Actor, EventKind};
use super::credentials::PasswordHash;
use super::model::*;
use super::profile::acting_account;
use super::range::{entered_text, MAX_TEXT};
use super::refusal::{Field, Refusal};

/// The shortest temporary password an admin may send (R14).
pub const MIN_TEMPORARY_PASSWORD: usize = 8;

/// R2: the acting account, if it is an admin of its organisation.
pub fn acting_admin<'a>(state: &'a State, actor: &Actor) -> Result<&'a WorkAccount, Refusal> {
    let acc = acting_account(state, actor)?;
    if !acc.role.is_admin() {
        return Err(Refusal::AdminOnly);
    }
    Ok(acc)
}

fn acting_global_admin<'a>(state: &'a State, actor: &Actor) -> Result<&'a WorkAccount, Refusal> {
    let acc = acting_account(state, actor)?;
    if acc.role != Role::GlobalAdmin {
        return Err(Refusal::GlobalAdminOnly);
    }
    Ok(acc)
}

/// R5: `target` must be an account of the admin's own organisation.
fn account_in_org<'a>(state: &'a State, admin: &WorkAccount, target: &AccountId) -> Result<&'a WorkAccount, Refusal> {
    let acc = state.account(target).ok_or_else(|| Refusal::UnknownAccount { email: target.to_string() })?;
    if acc.org != admin.org {
        return Err(Refusal::NotInOrganisation { org: acc.org.clone() });
    }
    Ok(acc)
}

/// A plausible email address: one `@`, a dotted domain, no spaces.
pub fn is_valid_email(email: &str) -> bool {
    let email = email.trim();
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// An email address as a form gives it: trimmed, at most
/// [`MAX_TEXT`](super::range::MAX_TEXT) characters (D4), well formed
/// (R14). The length is checked first, so that a refusal never repeats a
/// pasted page of text.
pub fn entered_email(email: &str) -> Result<&str, Refusal> {
    let email = super::range::entered_text(Field::Email, email, super::range::MAX_TEXT)?;
    if is_valid_email(email) {
        Ok(email)
    } else {
        Err(Refusal::InvalidEmail { email: email.to_string() })
    }
}

/// R14: an admin sends sign-in details for a new work account.
pub fn invite_user(
    state: &State,
    actor: &Actor,
    email: &str,
    display_name: &str,
    role: Role,
    temporary_password: &str,
    salt: &str,
) -> Result<Vec<EventKind>, Refusal> {
    let admin = acting_admin(state, actor)?;
    let email = entered_email(email)?;
    let display_name = entered_text(Field::DisplayName, display_name, MAX_TEXT)?;
    let account = AccountId::from_email(email);
    if state.account(&account).is_some() {
        return Err(Refusal::AccountExists { email: account });
    }
    if temporary_password.chars().count() < MIN_TEMPORARY_PASSWORD {
        return Err(Refusal::WeakTemporaryPassword { min_len: MIN_TEMPORARY_PASSWORD });
    }
    // Only a Global Admin may create another Global Admin.
    if role == Role::GlobalAdmin && admin.role != Role::GlobalAdmin {
        return Err(Refusal::GlobalAdminOnly);
    }
    let display_name = match display_name {
        "" => account.as_str().to_string(),
        name => name.to_string(),
    };
    // As the editor does: the same credentials as a Microsoft Learning
    // account of this address are its very hash (R9).
    let same = state.profile_by_username(account.as_str()).map(|profile| &profile.password);
    let password = PasswordHash::new_or_same(temporary_password, salt, same);
    Ok(vec![EventKind::UserInvited { account, display_name, org: admin.org.clone(), role, password }])
}

/// R14: the invitations of the admin's organisation still without answer.
pub fn invitations_without_response<'a>(state: &'a State, actor: &Actor) -> Result<Vec<&'a WorkAccount>, Refusal> {
    let admin = acting_admin(state, actor)?;
    Ok(state.data().accounts.values().filter(|a| a.org == admin.org && a.is_invited()).collect())
}

fn pending_invitation<'a>(
    state: &'a State,
    admin: &WorkAccount,
    target: &AccountId,
) -> Result<&'a WorkAccount, Refusal> {
    let acc = account_in_org(state, admin, target)?;
    if !acc.is_invited() {
        return Err(Refusal::NotAnInvitation { email: target.clone() });
    }
    Ok(acc)
}

/// R14, first step: the admin verifies the email address used, and
/// corrects it when it was wrong.
pub fn verify_invitation_email(
    state: &State,
    actor: &Actor,
    target: &AccountId,
    corrected: Option<&str>,
) -> Result<Vec<EventKind>, Refusal> {
    let admin = acting_admin(state, actor)?;
    pending_invitation(state, admin, target)?;
    // An address left empty is refused (R14 needs the one the invitation
    // went to), never taken as the old one confirmed.
    let corrected_to = match corrected.map(str::trim) {
        None => None,
        Some(email) => {
            let email = entered_email(email)?;
            let id = AccountId::from_email(email);
            if &id == target {
                None
            } else if state.account(&id).is_some() {
                return Err(Refusal::AccountExists { email: id });
            } else {
                Some(id)
            }
        }
    };
    Ok(vec![EventKind::InvitationEmailVerified { account: target.clone(), corrected_to }])
}

/// R14, then: the details are sent again so the person can answer, once
/// the address they go to has been verified ("first verify the email
/// address used, and then contact the user").
pub fn resend_invitation(state: &State, actor: &Actor, target: &AccountId) -> Result<Vec<EventKind>, Refusal> {
    let admin = acting_admin(state, actor)?;
    let acc = pending_invitation(state, admin, target)?;
    if !matches!(&acc.state, AccountState::Invited(invitation) if invitation.email_verified_at.is_some()) {
        return Err(Refusal::VerifyAddressFirst { email: target.clone() });
    }
    Ok(vec![EventKind::InvitationResent { account: target.clone() }])
}

/// R13: the Global Admin deletes the account of someone who left. Their
/// MCID link stays until they unlink or ask to be removed from the report.
pub fn delete_account(state: &State, actor: &Actor, target: &AccountId) -> Result<Vec<EventKind>, Refusal> {
    let admin = acting_global_admin(state, actor)?;
    let acc = account_in_org(state, admin, target)?;
    if acc.id == admin.id {
        return Err(Refusal::CannotDeleteSelf);
    }
    if acc.is_deleted() {
        return Err(Refusal::AccountDeleted { email: acc.id.clone() });
    }
    Ok(vec![EventKind::AccountDeleted { account: target.clone() }])
}

/// R13: at the request of someone who left, the Global Admin removes their
/// MCID from the organisation's skills report. While the person still has
/// their account, only they may unlink it (R10).
pub fn remove_from_report(state: &State, actor: &Actor, mcid: &McidId) -> Result<Vec<EventKind>, Refusal> {
    let admin = acting_global_admin(state, actor)?;
    let link =
        state.link(mcid).filter(|l| l.org == admin.org).ok_or_else(|| Refusal::NotInReport { mcid: mcid.clone() })?;
    if state.account(&link.account).is_some_and(|a| !a.is_deleted()) {
        return Err(Refusal::StillEmployed { account: link.account.clone() });
    }
    Ok(vec![EventKind::RemovedFromReport { mcid: mcid.clone(), account: link.account.clone(), org: link.org.clone() }])
}

/// Whether `actor` may remove `mcid` from the report now (R13), so a view
/// offers the button only where the rules would accept it.
pub fn can_remove_from_report(state: &State, actor: &Actor, mcid: &McidId) -> bool {
    remove_from_report(state, actor, mcid).is_ok()
}

/// Whether `actor` may delete `target`'s account (R13).
pub fn can_delete_account(state: &State, actor: &Actor, target: &AccountId) -> bool {
    delete_account(state, actor, target).is_ok()
}

/// The users of the admin's organisation, for the Users view (R2).
pub fn organisation_users<'a>(state: &'a State, actor: &Actor) -> Result<Vec<&'a WorkAccount>, Refusal> {
    let admin = acting_admin(state, actor)?;
    Ok(state.data().accounts.values().filter(|a| a.org == admin.org).collect())
}

#[cfg(test)]
mod tests {
    use super::is_valid_email;

    #[test]
    fn r14_email_addresses_are_checked_before_sending() {
        assert!(is_valid_email("ana.lopez@contoso.com"));
        assert!(is_valid_email("  ana@contoso.co.uk "));
        for bad in ["", "ana", "ana@", "@contoso.com", "ana@contoso", "a b@contoso.com", "a@b@contoso.com", "ana@.com"]
        {
            assert!(!is_valid_email(bad), "{bad:?} should be refused");
        }
    }
}
