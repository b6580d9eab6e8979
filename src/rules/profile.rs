//! My Profile: signing in (R5), Partner University access (R6, R7),
//! associating a Microsoft Learning account (R8, R9), removing it (R11),
//! the automatic unlink when linking elsewhere (R4, R12), and privacy: only
//! the person acts on their own MCID (R10).

use super::audit::{Actor, EventKind};
use super::clock::Time;
use super::limit::{association_limit, check_association_allowed, LimitStatus};
use super::model::*;
use super::refusal::{Field, Refusal};

/// R5: the work account for `email` and `password`, with the event that
/// accepts a pending invitation (R14) on first sign-in.
pub fn sign_in(state: &State, email: &str, password: &str) -> Result<(AccountId, Vec<EventKind>), Refusal> {
    required(Field::WorkEmail, email.trim())?;
    required(Field::WorkPassword, password)?;
    let id = AccountId::from_email(email);
    let account = state.account(&id).ok_or_else(|| Refusal::UnknownAccount { email: email.trim().to_string() })?;
    if account.is_deleted() {
        return Err(Refusal::AccountDeleted { email: id });
    }
    if !account.password.verify(password) {
        return Err(Refusal::WrongPassword);
    }
    let events =
        if account.is_invited() { vec![EventKind::InvitationAccepted { account: id.clone() }] } else { vec![] };
    Ok((id, events))
}

/// A form's field left empty is refused before anything is looked up: the
/// person is told which field to fill, not that the account is unknown.
fn required(field: Field, value: &str) -> Result<(), Refusal> {
    if value.is_empty() {
        Err(Refusal::TextRequired { field })
    } else {
        Ok(())
    }
}

/// The signed-in, active work account behind `actor` (R5, R13, R14).
pub fn acting_account<'a>(state: &'a State, actor: &Actor) -> Result<&'a WorkAccount, Refusal> {
    let Actor::Account(id) = actor else {
        return Err(Refusal::UnknownAccount { email: String::new() });
    };
    let account = state.account(id).ok_or_else(|| Refusal::UnknownAccount { email: id.to_string() })?;
    match account.state {
        AccountState::Deleted { .. } => Err(Refusal::AccountDeleted { email: id.clone() }),
        AccountState::Invited(_) => Err(Refusal::InvitationPending { email: id.clone() }),
        AccountState::Active => Ok(account),
    }
}

/// R10: the actor must be the owner of `account`, whatever their role.
fn own_account<'a>(state: &'a State, actor: &Actor, account: &AccountId) -> Result<&'a WorkAccount, Refusal> {
    let acting = acting_account(state, actor)?;
    if &acting.id != account {
        return Err(Refusal::NotYourOwn { owner: account.clone() });
    }
    Ok(acting)
}

/// R6: Get Partner University access.
pub fn get_partner_university_access(
    state: &State,
    actor: &Actor,
    account: &AccountId,
) -> Result<Vec<EventKind>, Refusal> {
    let acc = own_account(state, actor, account)?;
    if acc.partner_university_since.is_some() {
        return Err(Refusal::AlreadyHasPartnerUniversityAccess);
    }
    Ok(vec![EventKind::PartnerUniversityAccessGranted { account: account.clone() }])
}

/// R7: Remove access (Partner University).
pub fn remove_partner_university_access(
    state: &State,
    actor: &Actor,
    account: &AccountId,
) -> Result<Vec<EventKind>, Refusal> {
    let acc = own_account(state, actor, account)?;
    if acc.partner_university_since.is_none() {
        return Err(Refusal::NoPartnerUniversityAccess);
    }
    Ok(vec![EventKind::PartnerUniversityAccessRemoved { account: account.clone() }])
}

/// R8: Associate Microsoft Learning account, with the MCID's credentials.
pub fn link_mcid(
    state: &State,
    actor: &Actor,
    now: Time,
    account: &AccountId,
    username: &str,
    password: &str,
) -> Result<Vec<EventKind>, Refusal> {
    let acc = own_account(state, actor, account)?;
    required(Field::LearningUsername, username.trim())?;
    required(Field::LearningPassword, password)?;
    // D2: one answer for an unknown username and a wrong password, and
    // nothing changes either way.
    let profile = state
        .profile_by_username(username)
        .filter(|p| p.password.verify(password))
        .ok_or(Refusal::WrongMcidCredentials)?;
    associate(state, acc, profile, now, LinkMethod::McidCredentials)
}

/// R9: "Use email@address to associate my Microsoft Learning account", when
/// the Microsoft Learning credentials are the Partner University ones.
pub fn link_mcid_with_same_credentials(
    state: &State,
    actor: &Actor,
    now: Time,
    account: &AccountId,
) -> Result<Vec<EventKind>, Refusal> {
    let acc = own_account(state, actor, account)?;
    let profile = same_credentials_profile(state, acc).ok_or(Refusal::SameCredentialsUnavailable)?;
    associate(state, acc, profile, now, LinkMethod::SameCredentials)
}

/// R9: the MCID profile the shortcut would associate, if it applies: the
/// account has Partner University access, and a Microsoft Learning account
/// signs in with the same credentials: the same username (the Partner
/// University account's, which is the work email shown on the button) and
/// the same password (kept as one hash: `setup` stores it so).
pub fn same_credentials_profile<'a>(state: &'a State, account: &WorkAccount) -> Option<&'a McidProfile> {
    account.partner_university_since?;
    state.profile_by_username(account.id.as_str()).filter(|profile| profile.password == account.password)
}

fn associate(
    state: &State,
    acc: &WorkAccount,
    profile: &McidProfile,
    now: Time,
    method: LinkMethod,
) -> Result<Vec<EventKind>, Refusal> {
    if let Some(current) = &acc.linked_mcid {
        return Err(if current == &profile.mcid {
            Refusal::AlreadyLinked { mcid: current.clone(), org: acc.org.clone() }
        } else {
            Refusal::AnotherMcidLinked { mcid: current.clone() }
        });
    }
    // R4: linked to this membership already, through another of its
    // active accounts: it already counts here, and moving it between two
    // accounts of one organisation would use an association for nothing.
    // A deleted account's link (R13) is no one's to keep: it moves.
    let held_here = |link: &&super::model::Link| {
        link.org == acc.org && state.account(&link.account).is_some_and(|holder| !holder.is_deleted())
    };
    if let Some(previous) = state.link(&profile.mcid).filter(held_here) {
        return Err(Refusal::AlreadyLinked { mcid: profile.mcid.clone(), org: previous.org.clone() });
    }
    check_association_allowed(&profile.associations, state.data().limits, now)?;
    let mut events = Vec::with_capacity(2);
    // R4 + R12: one membership at a time, so linking here unlinks it from
    // wherever it was, and both changes are recorded.
    if let Some(previous) = state.link(&profile.mcid) {
        events.push(EventKind::McidAutomaticallyUnlinked {
            mcid: profile.mcid.clone(),
            account: previous.account.clone(),
            from_org: previous.org.clone(),
            to_org: acc.org.clone(),
        });
    }
    events.push(EventKind::McidLinked {
        mcid: profile.mcid.clone(),
        account: acc.id.clone(),
        org: acc.org.clone(),
        method,
    });
    Ok(events)
}

/// R11: Remove access: unlinks the account's MCID.
pub fn remove_access(state: &State, actor: &Actor, account: &AccountId) -> Result<Vec<EventKind>, Refusal> {
    let acc = own_account(state, actor, account)?;
    let mcid = acc.linked_mcid.clone().ok_or(Refusal::NothingLinked)?;
    Ok(vec![EventKind::McidUnlinked { mcid, account: acc.id.clone(), org: acc.org.clone() }])
}

/// R15: the yearly-limit status a profile page shows: for the MCID linked
/// through this account, or the last one it associated.
pub fn profile_limit(state: &State, account: &AccountId, now: Time) -> Option<LimitStatus> {
    let acc = state.account(account)?;
    let mcid = acc.linked_mcid.as_ref().or(acc.last_mcid.as_ref())?;
    let profile = state.profile(mcid)?;
    Some(association_limit(&profile.associations, state.data().limits, now))
}
