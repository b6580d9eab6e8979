//! A scenario: the starting state, the audit trail since, and the state
//! they fold to. `execute` decides a command, applies its events and
//! records them; a refusal leaves all three untouched.

use super::audit::{Actor, Event, EventKind, Holder};
use super::clock::Time;
use super::command::{decide, Command};
use super::model::*;
use super::refusal::Refusal;
use std::sync::Arc;

/// The starting state, the audit trail (D4) and the current state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// Shared by the scenario's copies, so [`Scenario::extends`] knows a
    /// copy's start without comparing 10,000 people.
    initial: Arc<State>,
    trail: Vec<Event>,
    state: State,
}

impl Scenario {
    /// A scenario that starts from `initial` with an empty trail.
    pub fn new(initial: State) -> Scenario {
        Scenario { state: initial.clone(), initial: Arc::new(initial), trail: Vec::new() }
    }

    /// Rebuilds the current state by folding `trail` over `initial`.
    pub fn replay(initial: State, trail: Vec<Event>) -> Scenario {
        let mut state = State::clone(&initial);
        for event in &trail {
            apply(&mut state, event);
        }
        Scenario { initial: Arc::new(initial), trail, state }
    }

    /// [`Scenario::replay`] checked as [`Scenario::check_invariants`]
    /// checks, in one fold, so that reading a stored scenario does not
    /// replay its trail and then replay it again to check it (10,000
    /// people: 15,000 events, twice).
    pub fn replay_checked(initial: State, trail: Vec<Event>) -> Result<Scenario, InvariantViolation> {
        initial.check_invariants()?;
        let state = checked_fold(State::clone(&initial), None, &trail)?;
        Ok(Scenario { initial: Arc::new(initial), trail, state })
    }

    /// This scenario with `events` recorded after its own, checked as
    /// [`Scenario::check_invariants`] would check the whole. Only `events`
    /// are folded, over this scenario's state, which must have been checked
    /// itself (read with [`Scenario::replay_checked`], or recorded by the
    /// rules); the starting state stays shared with this one.
    pub fn continued_checked(&self, events: Vec<Event>) -> Result<Scenario, InvariantViolation> {
        let state = checked_fold(self.state.clone(), Some(self.trail.as_slice()), &events)?;
        let mut trail = Vec::with_capacity(self.trail.len() + events.len());
        trail.extend_from_slice(&self.trail);
        trail.extend(events);
        Ok(Scenario { initial: Arc::clone(&self.initial), trail, state })
    }

    /// True when this scenario is `earlier` with events recorded since: the
    /// very same starting state (a copy of `earlier`, or one continued from
    /// it) and `earlier`'s trail the start of this one's. An equal start
    /// built apart does not count: comparing 10,000 people on every save
    /// would cost what the check saves, and the deep comparison the bundle.
    pub fn extends(&self, earlier: &Scenario) -> bool {
        Arc::ptr_eq(&self.initial, &earlier.initial) && self.trail.starts_with(&earlier.trail)
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn initial(&self) -> &State {
        &self.initial
    }

    /// The audit trail, oldest first (D4).
    pub fn trail(&self) -> &[Event] {
        &self.trail
    }

    /// Checks a scenario as an import must: the starting state's invariants,
    /// the trail in time order (D1), every association allowed by the limit
    /// in force when it was made (R15/D6), and the final structure (R4).
    pub fn check_invariants(&self) -> Result<(), InvariantViolation> {
        self.initial.check_invariants()?;
        checked_fold(State::clone(&self.initial), None, &self.trail).map(|_| ())
    }

    /// The time of the last recorded event, if any.
    pub fn last_event_at(&self) -> Option<Time> {
        self.trail.last().map(|e| e.at)
    }

    /// Decides `command` for `actor` at `now`; on success applies and
    /// records its events and returns them. A refusal changes nothing.
    pub fn execute(&mut self, actor: &Actor, now: Time, command: &Command) -> Result<Vec<Event>, Refusal> {
        self.check_clock(now)?;
        let kinds = decide(&self.state, actor, now, command)?;
        Ok(self.record(actor, now, kinds))
    }

    /// R5: signs in with a work email and password. An invited person's
    /// first sign-in accepts the invitation (R14), which is recorded.
    pub fn sign_in(&mut self, now: Time, email: &str, password: &str) -> Result<AccountId, Refusal> {
        self.check_clock(now)?;
        let (account, kinds) = super::profile::sign_in(&self.state, email, password)?;
        self.record(&Actor::Account(account.clone()), now, kinds);
        Ok(account)
    }

    /// The trainer switches persona in one click: signed in as `email`
    /// without its password. Only the trainer may (D7's trainer actions),
    /// and only into an active account: a deleted one stays out (R13), an
    /// invited one waits for its own first sign-in (R14).
    pub fn sign_in_as(&self, actor: &Actor, email: &str) -> Result<AccountId, Refusal> {
        if *actor != Actor::Trainer {
            return Err(Refusal::TrainerOnly);
        }
        let id = AccountId::from_email(email);
        super::profile::acting_account(&self.state, &Actor::Account(id.clone()))?;
        Ok(id)
    }

    /// Whether the trainer may move the clock from `from` to `to` (D1): not
    /// back to before the last recorded change, where every change would
    /// then be refused ([`Refusal::ClockBehindTrail`]). Forward is always
    /// allowed, even while still behind (a scenario imported from a clock
    /// further on): it is the way out.
    pub fn check_clock_move(&self, from: Time, to: Time) -> Result<(), Refusal> {
        match self.last_event_at() {
            Some(last) if to < last && to < from => Err(Refusal::ClockMovedBehindTrail { last_event: last }),
            _ => Ok(()),
        }
    }

    fn check_clock(&self, now: Time) -> Result<(), Refusal> {
        // D1: every event is recorded at a time a save can hold.
        super::range::check_time(now)?;
        // D1: events stay in time order, so the trail replays as it happened.
        match self.last_event_at() {
            Some(last) if now < last => Err(Refusal::ClockBehindTrail { last_event: last }),
            _ => Ok(()),
        }
    }

    fn record(&mut self, actor: &Actor, now: Time, kinds: Vec<EventKind>) -> Vec<Event> {
        let events: Vec<Event> = kinds.into_iter().map(|kind| Event { at: now, actor: actor.clone(), kind }).collect();
        for event in &events {
            apply(&mut self.state, event);
        }
        self.trail.extend(events.iter().cloned());
        events
    }
}

/// Folds `events` over `state` (reached by the `before` events, if given),
/// checking what [`Scenario::check_invariants`] checks: every date and limit
/// number in range (D1, D6), events in time order (D1), every association allowed by the limit in force when it was made
/// (R15/D6), then the final structure (R4). Gives the state reached.
fn checked_fold(mut state: State, before: Option<&[Event]>, events: &[Event]) -> Result<State, InvariantViolation> {
    let offset = before.map_or(0, <[Event]>::len);
    let mut last = before.and_then(<[Event]>::last).map(|e| e.at);
    for (index, event) in events.iter().enumerate() {
        // First, so that no rule below computes with a value out of range.
        super::range::check_event(event, offset + index)?;
        if last.is_some_and(|at| event.at < at) {
            return Err(InvariantViolation::OutOfOrder { index: offset + index });
        }
        last = Some(event.at);
        if let EventKind::McidLinked { mcid, .. } = &event.kind {
            let history = state.profile(mcid).map(|p| p.associations.as_slice()).unwrap_or_default();
            if let Err(Refusal::AssociationLimited { reason, .. }) =
                super::limit::check_association_allowed(history, state.data().limits, event.at)
            {
                return Err(InvariantViolation::YearlyLimitExceeded { mcid: mcid.clone(), reason });
            }
        }
        apply(&mut state, event);
    }
    state.check_structure()?;
    Ok(state)
}

/// A work account as an event brings it: with no Partner University
/// access and no MCID yet.
fn new_account(
    account: &AccountId,
    display_name: &str,
    org: &MpnId,
    role: Role,
    password: &crate::rules::credentials::PasswordHash,
    state: AccountState,
) -> WorkAccount {
    WorkAccount {
        id: account.clone(),
        display_name: display_name.to_string(),
        org: org.clone(),
        role,
        state,
        password: password.clone(),
        partner_university_since: None,
        linked_mcid: None,
        last_mcid: None,
    }
}

/// Folds one event into the state. Events were decided against the state
/// they apply to, so applying never fails; an event that names something
/// missing (a hand-edited file) changes nothing rather than panicking.
pub fn apply(state: &mut State, event: &Event) {
    use EventKind::*;
    let at = event.at;
    if let McidProfileAdded { mcid, username, password, holder_name } = &event.kind {
        // Through `add_profile`, which keeps the index of usernames (R8's sign-in).
        state.add_profile(McidProfile {
            mcid: mcid.clone(),
            username: username.clone(),
            password: password.clone(),
            holder_name: holder_name.clone(),
            credentials: Vec::new(),
            associations: Vec::new(),
        });
        return;
    }
    let data = state.data_mut();
    match &event.kind {
        InvitationAccepted { account } => {
            if let Some(acc) = data.accounts.get_mut(account) {
                acc.state = AccountState::Active;
            }
        }
        PartnerUniversityAccessGranted { account } => {
            if let Some(acc) = data.accounts.get_mut(account) {
                acc.partner_university_since = Some(at);
            }
            let username = account.as_str().to_string();
            data.partner_university
                .entry(username.clone())
                .or_insert(PartnerUniversityAccount { username, assessments: Vec::new() });
        }
        PartnerUniversityAccessRemoved { account } => {
            if let Some(acc) = data.accounts.get_mut(account) {
                acc.partner_university_since = None;
            }
        }
        McidLinked { mcid, account, org, method } => {
            data.links.insert(
                mcid.clone(),
                Link { mcid: mcid.clone(), account: account.clone(), org: org.clone(), since: at, method: *method },
            );
            if let Some(acc) = data.accounts.get_mut(account) {
                acc.linked_mcid = Some(mcid.clone());
                acc.last_mcid = Some(mcid.clone());
            }
            if let Some(profile) = data.profiles.get_mut(mcid) {
                profile.associations.push(at);
            }
        }
        McidAutomaticallyUnlinked { mcid, account, .. }
        | McidUnlinked { mcid, account, .. }
        | RemovedFromReport { mcid, account, .. } => {
            data.links.remove(mcid);
            if let Some(acc) = data.accounts.get_mut(account) {
                acc.linked_mcid = None;
            }
        }
        AccountDeleted { account } => {
            if let Some(acc) = data.accounts.get_mut(account) {
                acc.state = AccountState::Deleted { at };
            }
        }
        UserInvited { account, display_name, org, role, password } => {
            let invited_by = match &event.actor {
                Actor::Account(id) => id.clone(),
                Actor::Trainer => AccountId(String::new()),
            };
            let state = AccountState::Invited(Invitation {
                invited_at: at,
                invited_by,
                email_verified_at: None,
                resent_at: Vec::new(),
            });
            data.accounts.insert(account.clone(), new_account(account, display_name, org, *role, password, state));
        }
        InvitationEmailVerified { account, corrected_to } => {
            if let Some(mut acc) = data.accounts.remove(account) {
                if let AccountState::Invited(invitation) = &mut acc.state {
                    invitation.email_verified_at = Some(at);
                }
                if let Some(new_id) = corrected_to {
                    acc.id = new_id.clone();
                }
                data.accounts.insert(acc.id.clone(), acc);
            }
        }
        InvitationResent { account } => {
            if let Some(AccountState::Invited(invitation)) = data.accounts.get_mut(account).map(|a| &mut a.state) {
                invitation.resent_at.push(at);
            }
        }
        CredentialPassed { holder, credential } => match holder {
            Holder::Mcid(mcid) => {
                if let Some(profile) = data.profiles.get_mut(mcid) {
                    profile.credentials.push(credential.clone());
                }
            }
            Holder::PartnerUniversity(username) => {
                if let Some(pu) = data.partner_university.get_mut(&username.to_lowercase()) {
                    pu.assessments.push(credential.clone());
                }
            }
        },
        LimitSettingsChanged { settings } => data.limits = *settings,
        TicketOpened { ticket } => data.tickets.push(ticket.clone()),
        OrganisationAdded { org, name } => {
            data.organisations.insert(org.clone(), Organisation { mpn_id: org.clone(), name: name.clone() });
        }
        WorkAccountAdded { account, display_name, org, role, password } => {
            let state = AccountState::Active;
            data.accounts.insert(account.clone(), new_account(account, display_name, org, *role, password, state));
        }
        // Applied above, through the index of usernames.
        McidProfileAdded { .. } => {}
        PartnerUniversityAccountAdded { username } => {
            let username = username.to_lowercase();
            data.partner_university
                .entry(username.clone())
                .or_insert(PartnerUniversityAccount { username, assessments: Vec::new() });
        }
    }
}
