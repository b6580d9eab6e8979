//! The trainer's setup of a scenario, as the scenario editor makes it.
//! Each edit is a command, trainer only, recorded in the trail like any
//! other change (D4: the setup is history too, the trainer's), and refused
//! with a typed refusal where it would break an invariant the rules, the
//! save or an import holds: an MPN ID, a work email, an MCID or a
//! Microsoft Learning username used twice, a membership that does not
//! exist, a text empty or longer than [`MAX_TEXT`] (these cite D4); an
//! email address or a password the invitation's rules refuse (R14, for a
//! Microsoft Learning username and a profile's password too); a pass date
//! in the scenario's future (D1); a yearly limit out of range (D6); an
//! actor other than the trainer (D7). An edit the rules accept is one every reader
//! of the scenario (the save, an export, an import) reads back.

use super::audit::EventKind;
use super::clock::Time;
use super::command::trainer_only;
use super::credentials::PasswordHash;
use super::model::{AccountId, Credential, McidId, MpnId, Role, State};
use super::range::{check_time, entered_text, MAX_TEXT};
use super::refusal::{Field, Refusal};
use super::users::entered_email;

/// The shortest password the editor gives an account or a profile.
pub const MIN_PASSWORD: usize = 8;

/// `text` trimmed, or the refusal saying it is empty or too long.
fn text(field: Field, text: &str) -> Result<String, Refusal> {
    match entered_text(field, text, MAX_TEXT)? {
        "" => Err(Refusal::TextRequired { field }),
        text => Ok(text.to_string()),
    }
}

/// A work email or a username: an empty one is a field to fill (D4); the
/// invitation's wording of an empty address speaks of a work email only.
fn address(value: &str) -> Result<&str, Refusal> {
    if value.trim().is_empty() {
        return Err(Refusal::TextRequired { field: Field::Email });
    }
    entered_email(value)
}

/// An MPN ID or an MCID: digits only, 1 to 12 of them.
fn digits(field: Field, value: &str) -> Result<String, Refusal> {
    let value = value.trim();
    if value.is_empty() || value.len() > 12 || !value.chars().all(|c| c.is_ascii_digit()) {
        Err(Refusal::NotAnIdentifier { field })
    } else {
        Ok(value.to_string())
    }
}

fn password(value: &str) -> Result<(), Refusal> {
    if value.chars().count() < MIN_PASSWORD {
        Err(Refusal::ShortPassword { min_len: MIN_PASSWORD })
    } else if value.chars().count() > MAX_TEXT {
        Err(Refusal::TextTooLong { field: Field::Password, max: MAX_TEXT })
    } else {
        Ok(())
    }
}

/// A partner organisation (an MPN membership), by its MPN ID and name.
pub fn add_organisation(
    state: &State,
    actor: &super::audit::Actor,
    mpn_id: &str,
    name: &str,
) -> Result<Vec<EventKind>, Refusal> {
    trainer_only(actor)?;
    let org = MpnId(digits(Field::MpnId, mpn_id)?);
    let name = text(Field::OrganisationName, name)?;
    if state.organisation(&org).is_some() {
        return Err(Refusal::OrganisationExists { org });
    }
    Ok(vec![EventKind::OrganisationAdded { org, name }])
}

/// Where a work account the editor adds stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountSetup {
    Active,
    /// Its sign-in details sent and not answered yet (R14), the password
    /// given being the temporary one.
    Invited,
    /// Deleted by the Global Admin after the person left (R13).
    Deleted,
}

/// What a new work account holds.
pub struct NewAccount<'a> {
    pub org: &'a MpnId,
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub password: &'a str,
    /// A fresh salt for the password's hash (D2).
    pub salt: &'a str,
    pub state: AccountSetup,
}

/// A work account of an existing organisation: active, invited with no
/// answer yet (R14) or deleted after leaving (R13), as `new.state` says.
pub fn add_work_account(
    state: &State,
    actor: &super::audit::Actor,
    new: &NewAccount,
) -> Result<Vec<EventKind>, Refusal> {
    trainer_only(actor)?;
    if state.organisation(new.org).is_none() {
        return Err(Refusal::UnknownOrganisation { org: new.org.clone() });
    }
    let email = address(new.email)?;
    let account = AccountId::from_email(email);
    if state.account(&account).is_some() {
        return Err(Refusal::AccountExists { email: account });
    }
    let display_name = text(Field::DisplayName, new.display_name)?;
    password(new.password)?;
    // The same credentials as the Microsoft Learning account of this
    // address are kept as its very hash: R9's shortcut compares the two.
    let same = state.profile_by_username(account.as_str()).map(|profile| &profile.password);
    let password = PasswordHash::new_or_same(new.password, new.salt, same);
    let org = new.org.clone();
    let role = new.role;
    // An invitation and a deletion are the events the rules record for them
    // (R14, R13), made by the trainer.
    Ok(match new.state {
        AccountSetup::Active => vec![EventKind::WorkAccountAdded { account, display_name, org, role, password }],
        AccountSetup::Invited => vec![EventKind::UserInvited { account, display_name, org, role, password }],
        AccountSetup::Deleted => vec![
            EventKind::WorkAccountAdded { account: account.clone(), display_name, org, role, password },
            EventKind::AccountDeleted { account },
        ],
    })
}

/// What a new Microsoft Certification profile holds.
pub struct NewProfile<'a> {
    pub mcid: &'a str,
    pub username: &'a str,
    pub password: &'a str,
    pub salt: &'a str,
    pub holder_name: &'a str,
}

/// A Microsoft Certification profile (MCID) with its Microsoft Learning
/// sign-in, linked nowhere yet.
pub fn add_mcid_profile(
    state: &State,
    actor: &super::audit::Actor,
    new: &NewProfile,
) -> Result<Vec<EventKind>, Refusal> {
    trainer_only(actor)?;
    let mcid = McidId(digits(Field::Mcid, new.mcid)?);
    if state.profile(&mcid).is_some() {
        return Err(Refusal::McidExists { mcid });
    }
    let username = address(new.username)?;
    if state.profile_by_username(username).is_some() {
        return Err(Refusal::UsernameTaken { username: username.to_string() });
    }
    let holder_name = text(Field::HolderName, new.holder_name)?;
    password(new.password)?;
    // As for a work account: the same credentials, the same hash (R9).
    let same = state.account(&AccountId::from_email(username)).map(|account| &account.password);
    let password = PasswordHash::new_or_same(new.password, new.salt, same);
    Ok(vec![EventKind::McidProfileAdded { mcid, username: username.to_string(), password, holder_name }])
}

/// A Partner University account for a work email, with no assessment
/// yet: the one a person's access (R6) then associates, whose assessments
/// the skills report shows within 72 hours of it (D7).
pub fn add_partner_university_account(
    state: &State,
    actor: &super::audit::Actor,
    username: &str,
) -> Result<Vec<EventKind>, Refusal> {
    trainer_only(actor)?;
    let username = address(username)?.to_lowercase();
    if state.partner_university_account(&username).is_some() {
        return Err(Refusal::PartnerUniversityAccountExists { username });
    }
    Ok(vec![EventKind::PartnerUniversityAccountAdded { username }])
}

/// An exam or certification a profile passed on a given day, or an
/// assessment of a Partner University account: on or before the
/// scenario's "now" (D1), within the dates Certlink keeps.
pub fn record_passed_on(
    state: &State,
    actor: &super::audit::Actor,
    now: Time,
    holder: &super::audit::Holder,
    credential: &Credential,
) -> Result<Vec<EventKind>, Refusal> {
    trainer_only(actor)?;
    let passed_on = check_time(credential.passed_on)?;
    if passed_on > now {
        return Err(Refusal::PassedInTheFuture { on: passed_on });
    }
    let code = text(Field::CredentialCode, &credential.code)?;
    let title = text(Field::CredentialTitle, &credential.title)?;
    let credential = Credential { code, title, kind: credential.kind, passed_on };
    let mut events = super::command::record_passed(state, actor, now, holder, &credential)?;
    // `record_passed` records "now" (the latency demo's); the editor keeps the day given.
    for event in &mut events {
        if let EventKind::CredentialPassed { credential: recorded, .. } = event {
            recorded.passed_on = passed_on;
        }
    }
    Ok(events)
}
