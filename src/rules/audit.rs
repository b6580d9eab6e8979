//! The audit trail (D4): every link, unlink, automatic unlink (R12), access
//! change, deletion and removal from a report is an [`Event`] with its
//! time, actor and rule. The state is the fold of these events, so the
//! trail replays to the same state, and the trainer's timeline reads it.

use super::clock::Time;
use super::model::*;
use super::refusal::Rule;
use super::support::Ticket;

/// Who did something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// A person signed in with this work account.
    Account(AccountId),
    /// The trainer, doing what the real system does elsewhere (an exam
    /// passed, the scenario's numbers).
    Trainer,
}

impl Actor {
    pub fn account(id: &str) -> Actor {
        Actor::Account(AccountId::from_email(id))
    }
}

/// One recorded change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub at: Time,
    pub actor: Actor,
    pub kind: EventKind,
}

/// What changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// R14: an invited person signed in with the details sent.
    InvitationAccepted { account: AccountId },
    /// R6.
    PartnerUniversityAccessGranted { account: AccountId },
    /// R7.
    PartnerUniversityAccessRemoved { account: AccountId },
    /// R8 or R9 (by `method`).
    McidLinked { mcid: McidId, account: AccountId, org: MpnId, method: LinkMethod },
    /// R12: linking with another membership unlinked this one.
    McidAutomaticallyUnlinked { mcid: McidId, account: AccountId, from_org: MpnId, to_org: MpnId },
    /// R11.
    McidUnlinked { mcid: McidId, account: AccountId, org: MpnId },
    /// R13.
    AccountDeleted { account: AccountId },
    /// R13: at the person's request, after they left.
    RemovedFromReport { mcid: McidId, account: AccountId, org: MpnId },
    /// R14.
    UserInvited {
        account: AccountId,
        display_name: String,
        org: MpnId,
        role: Role,
        password: crate::rules::credentials::PasswordHash,
    },
    /// R14: the admin checked the address used; `corrected_to` when it was wrong.
    InvitationEmailVerified { account: AccountId, corrected_to: Option<AccountId> },
    /// R14.
    InvitationResent { account: AccountId },
    /// D7: an exam or assessment passed, for the latency demo.
    CredentialPassed { holder: Holder, credential: Credential },
    /// D6: the scenario's yearly-limit numbers.
    LimitSettingsChanged { settings: LimitSettings },
    /// R16.
    TicketOpened { ticket: Ticket },
    /// D4: the trainer's setup (the scenario editor), history like any
    /// change: an organisation.
    OrganisationAdded { org: MpnId, name: String },
    /// D4: an active work account.
    WorkAccountAdded {
        account: AccountId,
        display_name: String,
        org: MpnId,
        role: Role,
        password: crate::rules::credentials::PasswordHash,
    },
    /// D4: a Partner University account, with no assessment yet.
    PartnerUniversityAccountAdded { username: String },
    /// D4: a Microsoft Certification profile, linked nowhere.
    McidProfileAdded {
        mcid: McidId,
        username: String,
        password: crate::rules::credentials::PasswordHash,
        holder_name: String,
    },
}

/// Whose exam or assessment was passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holder {
    Mcid(McidId),
    /// A Partner University account, by its username (a work email).
    PartnerUniversity(String),
}

impl EventKind {
    /// The rule behind this change.
    pub fn rule(&self) -> Rule {
        use EventKind::*;
        match self {
            InvitationAccepted { .. }
            | UserInvited { .. }
            | InvitationEmailVerified { .. }
            | InvitationResent { .. } => Rule::R14,
            PartnerUniversityAccessGranted { .. } => Rule::R6,
            PartnerUniversityAccessRemoved { .. } => Rule::R7,
            McidLinked { method: LinkMethod::McidCredentials, .. } => Rule::R8,
            McidLinked { method: LinkMethod::SameCredentials, .. } => Rule::R9,
            // Within one organisation the link can only have left a deleted
            // account (R4 refuses the move between two active ones).
            McidAutomaticallyUnlinked { from_org, to_org, .. } if from_org == to_org => Rule::R13,
            McidAutomaticallyUnlinked { .. } => Rule::R12,
            McidUnlinked { .. } => Rule::R11,
            AccountDeleted { .. } | RemovedFromReport { .. } => Rule::R13,
            CredentialPassed { .. } => Rule::D7,
            LimitSettingsChanged { .. } => Rule::D6,
            OrganisationAdded { .. }
            | WorkAccountAdded { .. }
            | McidProfileAdded { .. }
            | PartnerUniversityAccountAdded { .. } => Rule::D4,
            TicketOpened { .. } => Rule::R16,
        }
    }

    /// The work accounts this change concerns.
    pub fn accounts(&self) -> Vec<&AccountId> {
        use EventKind::*;
        match self {
            InvitationAccepted { account }
            | PartnerUniversityAccessGranted { account }
            | PartnerUniversityAccessRemoved { account }
            | McidLinked { account, .. }
            | McidAutomaticallyUnlinked { account, .. }
            | McidUnlinked { account, .. }
            | AccountDeleted { account }
            | RemovedFromReport { account, .. }
            | UserInvited { account, .. }
            | WorkAccountAdded { account, .. }
            | InvitationResent { account } => vec![account],
            InvitationEmailVerified { account, corrected_to } => {
                std::iter::once(account).chain(corrected_to.iter()).collect()
            }
            TicketOpened { ticket } => vec![&ticket.account],
            CredentialPassed { .. }
            | LimitSettingsChanged { .. }
            | OrganisationAdded { .. }
            | McidProfileAdded { .. }
            | PartnerUniversityAccountAdded { .. } => {
                vec![]
            }
        }
    }

    /// The MCID this change concerns, if any.
    pub fn mcid(&self) -> Option<&McidId> {
        use EventKind::*;
        match self {
            McidLinked { mcid, .. }
            | McidAutomaticallyUnlinked { mcid, .. }
            | McidUnlinked { mcid, .. }
            | RemovedFromReport { mcid, .. } => Some(mcid),
            CredentialPassed { holder: Holder::Mcid(mcid), .. } | McidProfileAdded { mcid, .. } => Some(mcid),
            _ => None,
        }
    }

    /// The organisations named by the change itself (both, for R12).
    pub fn named_orgs(&self) -> Vec<&MpnId> {
        use EventKind::*;
        match self {
            McidLinked { org, .. }
            | McidUnlinked { org, .. }
            | RemovedFromReport { org, .. }
            | UserInvited { org, .. }
            | OrganisationAdded { org, .. }
            | WorkAccountAdded { org, .. } => vec![org],
            McidAutomaticallyUnlinked { from_org, to_org, .. } => vec![from_org, to_org],
            _ => vec![],
        }
    }
}

/// A filter over the trail, as the trainer's timeline offers it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrailFilter {
    /// Events about this work account, or about the MCID it holds or held.
    pub person: Option<AccountId>,
    /// Events that name this organisation or concern one of its accounts.
    pub org: Option<MpnId>,
}

/// The work account a Partner University assessment was passed on: its
/// username is the work email it was opened with (R6).
fn assessment_account(kind: &EventKind) -> Option<AccountId> {
    match kind {
        EventKind::CredentialPassed { holder: Holder::PartnerUniversity(username), .. } => {
            Some(AccountId::from_email(username))
        }
        _ => None,
    }
}

/// The events of `trail` that `filter` keeps, in order.
pub fn filter_trail<'a>(state: &State, trail: &'a [Event], filter: &TrailFilter) -> Vec<&'a Event> {
    // A person is their work account and every address an invitation to
    // them was corrected from (R14), back to the first: the invitation was
    // sent there. An address counts up to its correction only: someone
    // else may be invited there later.
    let mut person_ids: Vec<(AccountId, usize)> = filter.person.iter().map(|p| (p.clone(), trail.len())).collect();
    let mut followed = 0;
    while followed < person_ids.len() {
        let to = person_ids[followed].0.clone();
        for (at, event) in trail.iter().enumerate() {
            if let EventKind::InvitationEmailVerified { account, corrected_to: Some(corrected) } = &event.kind {
                if *corrected == to && !person_ids.iter().any(|(id, _)| id == account) {
                    person_ids.push((account.clone(), at));
                }
            }
        }
        followed += 1;
    }
    let is_person = |id: &AccountId, at: usize| person_ids.iter().any(|(p, until)| p == id && at <= *until);
    let concerns_person = |at: usize, kind: &EventKind| {
        kind.accounts().into_iter().any(|a| is_person(a, at))
            || assessment_account(kind).is_some_and(|a| is_person(&a, at))
    };
    // The MCIDs linked now, as a scenario may start with them.
    let links = state.data().links.values();
    let person_mcids: Vec<&McidId> = trail
        .iter()
        .enumerate()
        .filter(|(at, e)| concerns_person(*at, &e.kind))
        .filter_map(|(_, e)| e.kind.mcid())
        .chain(links.clone().filter(|l| filter.person.as_ref() == Some(&l.account)).map(|l| &l.mcid))
        .collect();
    // An organisation's MCIDs: those linked to it now or before: an exam
    // passed on one is part of the organisation's history (D7), whether it
    // counts in its report today or not.
    // Looked up for passed exams only, a few events of the trail: a list.
    let org_mcids: Vec<&McidId> = filter
        .org
        .as_ref()
        .map(|org| {
            trail
                .iter()
                .filter(|e| e.kind.named_orgs().contains(&org))
                .filter_map(|e| e.kind.mcid())
                .chain(links.filter(|l| &l.org == org).map(|l| &l.mcid))
                .collect()
        })
        .unwrap_or_default();
    let in_org_now = |account: &AccountId, org: &MpnId| state.account(account).is_some_and(|acc| &acc.org == org);
    let in_org = |event: &Event, org: &MpnId| {
        event.kind.named_orgs().contains(&org)
            || event.kind.accounts().into_iter().any(|a| in_org_now(a, org))
            || assessment_account(&event.kind).is_some_and(|a| in_org_now(&a, org))
            || matches!(&event.kind, EventKind::CredentialPassed { holder: Holder::Mcid(m), .. } if org_mcids.contains(&m))
    };
    trail
        .iter()
        .enumerate()
        .filter(|(at, event)| {
            filter.person.is_none()
                || concerns_person(*at, &event.kind)
                || event.kind.mcid().is_some_and(|m| person_mcids.contains(&m))
        })
        .map(|(_, event)| event)
        .filter(|event| filter.org.as_ref().is_none_or(|org| in_org(event, org)))
        .collect()
}
