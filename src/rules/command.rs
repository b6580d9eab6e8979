//! Every command as one enum, so a scenario, a trainer's script and the
//! property tests drive the rules the same way. Each variant calls the
//! function named after the source's words in its topic's file.

use super::audit::{Actor, EventKind, Holder};
use super::clock::Time;
use super::model::*;
use super::refusal::Refusal;
use super::support::Problem;
use super::{profile, setup, support, users};

/// Something a person (or the trainer) asks the system to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// R6.
    GetPartnerUniversityAccess { account: AccountId },
    /// R7.
    RemovePartnerUniversityAccess { account: AccountId },
    /// R8.
    LinkMcid { account: AccountId, username: String, password: String },
    /// R9.
    LinkMcidWithSameCredentials { account: AccountId },
    /// R11.
    RemoveAccess { account: AccountId },
    /// R14.
    InviteUser { email: String, display_name: String, role: Role, temporary_password: String, salt: String },
    /// R14.
    VerifyInvitationEmail { account: AccountId, corrected: Option<String> },
    /// R14.
    ResendInvitation { account: AccountId },
    /// R13.
    DeleteAccount { account: AccountId },
    /// R13.
    RemoveFromReport { mcid: McidId },
    /// R16.
    OpenTicket { problem: Problem, details: String, started_on: Time },
    /// D7, trainer only: an exam or assessment passed now.
    RecordPassed { holder: Holder, credential: Credential },
    /// D6, trainer only: the scenario's yearly-limit numbers.
    SetLimitSettings { settings: LimitSettings },
    /// D4, trainer only (the scenario editor's setup): a partner organisation.
    AddOrganisation { mpn_id: String, name: String },
    /// D4, trainer only: an active work account of an organisation.
    AddWorkAccount {
        org: MpnId,
        email: String,
        display_name: String,
        role: Role,
        password: String,
        salt: String,
        state: setup::AccountSetup,
    },
    /// D4, trainer only: a Microsoft Certification profile (MCID).
    AddMcidProfile { mcid: String, username: String, password: String, salt: String, holder_name: String },
    /// D4, trainer only: a Partner University account for a work email.
    AddPartnerUniversityAccount { username: String },
    /// D4, trainer only: an exam, certification or assessment passed on a
    /// given day, at the latest the scenario's "now" (D1).
    RecordPassedOn { holder: Holder, credential: Credential },
}

/// Decides `command`: the events it causes, or the refusal and its rule.
pub fn decide(state: &State, actor: &Actor, now: Time, command: &Command) -> Result<Vec<EventKind>, Refusal> {
    use Command::*;
    match command {
        GetPartnerUniversityAccess { account } => profile::get_partner_university_access(state, actor, account),
        RemovePartnerUniversityAccess { account } => profile::remove_partner_university_access(state, actor, account),
        LinkMcid { account, username, password } => profile::link_mcid(state, actor, now, account, username, password),
        LinkMcidWithSameCredentials { account } => profile::link_mcid_with_same_credentials(state, actor, now, account),
        RemoveAccess { account } => profile::remove_access(state, actor, account),
        InviteUser { email, display_name, role, temporary_password, salt } => {
            users::invite_user(state, actor, email, display_name, *role, temporary_password, salt)
        }
        VerifyInvitationEmail { account, corrected } => {
            users::verify_invitation_email(state, actor, account, corrected.as_deref())
        }
        ResendInvitation { account } => users::resend_invitation(state, actor, account),
        DeleteAccount { account } => users::delete_account(state, actor, account),
        RemoveFromReport { mcid } => users::remove_from_report(state, actor, mcid),
        OpenTicket { problem, details, started_on } => {
            support::open_ticket(state, actor, now, *problem, details, *started_on)
        }
        RecordPassed { holder, credential } => record_passed(state, actor, now, holder, credential),
        SetLimitSettings { settings } => set_limit_settings(actor, *settings),
        AddOrganisation { mpn_id, name } => setup::add_organisation(state, actor, mpn_id, name),
        AddWorkAccount { org, email, display_name, role, password, salt, state: standing } => {
            let new = setup::NewAccount { org, email, display_name, role: *role, password, salt, state: *standing };
            setup::add_work_account(state, actor, &new)
        }
        AddMcidProfile { mcid, username, password, salt, holder_name } => {
            setup::add_mcid_profile(state, actor, &setup::NewProfile { mcid, username, password, salt, holder_name })
        }
        RecordPassedOn { holder, credential } => setup::record_passed_on(state, actor, now, holder, credential),
        AddPartnerUniversityAccount { username } => setup::add_partner_university_account(state, actor, username),
    }
}

pub(super) fn trainer_only(actor: &Actor) -> Result<(), Refusal> {
    match actor {
        Actor::Trainer => Ok(()),
        Actor::Account(_) => Err(Refusal::TrainerOnly),
    }
}

/// D7: the trainer marks an exam or assessment passed now, to show latency.
pub(super) fn record_passed(
    state: &State,
    actor: &Actor,
    now: Time,
    holder: &Holder,
    credential: &Credential,
) -> Result<Vec<EventKind>, Refusal> {
    trainer_only(actor)?;
    let known = match holder {
        Holder::Mcid(mcid) => state.profile(mcid).is_some(),
        Holder::PartnerUniversity(username) => state.partner_university_account(username).is_some(),
    };
    if !known {
        let name = match holder {
            Holder::Mcid(m) => m.to_string(),
            Holder::PartnerUniversity(u) => u.clone(),
        };
        return Err(Refusal::UnknownHolder { holder: name });
    }
    let at_partner_university = matches!(holder, Holder::PartnerUniversity(_));
    if at_partner_university != (credential.kind == CredentialKind::Assessment) {
        return Err(Refusal::WrongPlaceForProof { code: credential.code.clone() });
    }
    let credential = Credential { passed_on: now, ..credential.clone() };
    Ok(vec![EventKind::CredentialPassed { holder: holder.clone(), credential }])
}

/// D6: a scenario may change both numbers, each within its range.
fn set_limit_settings(actor: &Actor, settings: LimitSettings) -> Result<Vec<EventKind>, Refusal> {
    trainer_only(actor)?;
    let settings = super::range::check_limits(settings)?;
    Ok(vec![EventKind::LimitSettingsChanged { settings }])
}
