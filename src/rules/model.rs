//! The domain model, in the source's words: partner organisations (MPN
//! memberships), Partner Center work accounts, Microsoft Certification
//! profiles (MCIDs), Partner University accounts, and the links between
//! them. [`State`] is the fold of the audit trail's events.

use super::clock::Time;
use super::credentials::PasswordHash;
use super::refusal::LimitReason;
use std::collections::{BTreeMap, HashMap};

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id!(
    /// An MPN ID, which names a partner organisation's membership.
    MpnId
);
id!(
    /// A work account, named by its work email in lower case.
    AccountId
);
id!(
    /// A Microsoft Certification profile ID.
    McidId
);

impl AccountId {
    /// The account id for a work email as typed: trimmed, lower case.
    pub fn from_email(email: &str) -> AccountId {
        AccountId(email.trim().to_lowercase())
    }
}

/// A partner organisation (an MPN membership).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    pub mpn_id: MpnId,
    pub name: String,
}

/// A Partner Center role (R1, R2, R13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Any Partner Center user: may link or unlink their own MCID (R1).
    User,
    /// May review competency status and download skills reports (R2).
    MpnPartnerAdmin,
    /// As an MPN Partner Admin, and deletes accounts of people who left (R13).
    GlobalAdmin,
}

impl Role {
    /// R2: the roles that may see competency status and skills reports.
    pub fn is_admin(self) -> bool {
        matches!(self, Role::MpnPartnerAdmin | Role::GlobalAdmin)
    }
}

/// Where a work account stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountState {
    /// Sign-in details were sent (R14) and not yet used.
    Invited(Invitation),
    Active,
    /// Deleted by the Global Admin after the person left (R13).
    Deleted {
        at: Time,
    },
}

/// An invitation: sign-in details sent by an admin for a work email (R14).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub invited_at: Time,
    pub invited_by: AccountId,
    /// When an admin last verified the email address used (R14's first step).
    pub email_verified_at: Option<Time>,
    /// Every time the details were sent again.
    pub resent_at: Vec<Time>,
}

/// A Partner Center user account (work account, Azure AD) (R5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkAccount {
    pub id: AccountId,
    pub display_name: String,
    pub org: MpnId,
    pub role: Role,
    pub state: AccountState,
    pub password: PasswordHash,
    /// Since when the Partner University account is associated (R6).
    pub partner_university_since: Option<Time>,
    /// The MCID linked through this account, if any (R8, R9).
    pub linked_mcid: Option<McidId>,
    /// The last MCID associated through this account, so the profile can
    /// show its yearly-limit date even after removing access (R15).
    pub last_mcid: Option<McidId>,
}

impl WorkAccount {
    pub fn is_deleted(&self) -> bool {
        matches!(self.state, AccountState::Deleted { .. })
    }
    pub fn is_invited(&self) -> bool {
        matches!(self.state, AccountState::Invited(_))
    }
}

/// What kind of proof of skill a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CredentialKind {
    Exam,
    Certification,
    /// A Partner University assessment.
    Assessment,
}

/// An exam, certification or assessment, with the day it was passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credential {
    pub code: String,
    pub title: String,
    pub kind: CredentialKind,
    pub passed_on: Time,
}

/// A Microsoft Certification profile, signed into with its own credentials (R8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McidProfile {
    pub mcid: McidId,
    /// The Microsoft Learning username (an email address).
    pub username: String,
    pub password: PasswordHash,
    pub holder_name: String,
    pub credentials: Vec<Credential>,
    /// The start of every association of this MCID, oldest first (R15).
    pub associations: Vec<Time>,
}

/// A Partner University account and its assessments (R6), named by the
/// work email it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerUniversityAccount {
    pub username: String,
    pub assessments: Vec<Credential>,
}

/// How an MCID was associated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkMethod {
    /// With the Microsoft Learning username and password (R8).
    McidCredentials,
    /// With "Use email@address", the Partner University credentials (R9).
    SameCredentials,
}

/// An MCID linked to one MPN membership (R4) through one work account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub mcid: McidId,
    pub account: AccountId,
    pub org: MpnId,
    pub since: Time,
    pub method: LinkMethod,
}

/// The yearly-limit numbers a scenario uses (D6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LimitSettings {
    pub per_year: u32,
    pub cool_off_days: u32,
}

impl Default for LimitSettings {
    /// The 2021 revisions of the article: 3 a year, 30 days apart.
    fn default() -> Self {
        LimitSettings { per_year: 3, cool_off_days: 30 }
    }
}

/// Everything the scenario holds, as stored and exported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StateData {
    pub organisations: BTreeMap<MpnId, Organisation>,
    pub accounts: BTreeMap<AccountId, WorkAccount>,
    pub profiles: BTreeMap<McidId, McidProfile>,
    pub partner_university: BTreeMap<String, PartnerUniversityAccount>,
    pub links: BTreeMap<McidId, Link>,
    pub limits: LimitSettings,
    pub tickets: Vec<super::support::Ticket>,
}

/// The scenario's state: its data plus look-up indexes rebuilt from it.
#[derive(Clone, Debug, Default)]
pub struct State {
    data: StateData,
    /// Microsoft Learning username (lower case) -> MCID, for sign-in (R8).
    mcid_by_username: HashMap<String, McidId>,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
    }
}
impl Eq for State {}

/// One thing a scenario holds, as a broken reference names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reference {
    Account(AccountId),
    Organisation(MpnId),
    Mcid(McidId),
    /// The link kept under this MCID.
    Link(McidId),
}

/// A broken invariant, found when checking a state (for example an import).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvariantViolation {
    /// A link or an account names something that does not exist.
    DanglingReference { from: Reference, to: Reference },
    /// R4: an MCID is linked to two memberships at once.
    McidLinkedTwice { mcid: McidId },
    /// R15/D6: more associations in a year, or closer together, than allowed.
    YearlyLimitExceeded { mcid: McidId, reason: LimitReason },
    /// An account and the links disagree about which MCID it holds.
    LinkMismatch { account: AccountId },
    /// D1: an event of the trail is older than the one before it.
    OutOfOrder { index: usize },
    /// D1 or D6: a date or a limit number outside the range Certlink keeps;
    /// `field` names its place in the document.
    OutOfRange { field: String, range: super::range::Range },
}

impl State {
    /// Builds the state around its data, rebuilding the indexes.
    pub fn from_data(data: StateData) -> State {
        let mcid_by_username = data.profiles.values().map(|p| (p.username.to_lowercase(), p.mcid.clone())).collect();
        State { data, mcid_by_username }
    }

    /// Read access to everything; changes go through events only.
    pub fn data(&self) -> &StateData {
        &self.data
    }

    pub(crate) fn data_mut(&mut self) -> &mut StateData {
        &mut self.data
    }

    pub fn account(&self, id: &AccountId) -> Option<&WorkAccount> {
        self.data.accounts.get(id)
    }

    pub fn organisation(&self, id: &MpnId) -> Option<&Organisation> {
        self.data.organisations.get(id)
    }

    pub fn profile(&self, id: &McidId) -> Option<&McidProfile> {
        self.data.profiles.get(id)
    }

    pub fn link(&self, mcid: &McidId) -> Option<&Link> {
        self.data.links.get(mcid)
    }

    /// The MCID profile whose Microsoft Learning username this is.
    pub fn profile_by_username(&self, username: &str) -> Option<&McidProfile> {
        self.mcid_by_username.get(&username.trim().to_lowercase()).and_then(|id| self.data.profiles.get(id))
    }

    /// The Partner University account of a work email.
    pub fn partner_university_account(&self, username: &str) -> Option<&PartnerUniversityAccount> {
        self.data.partner_university.get(&username.trim().to_lowercase())
    }

    /// Adds an organisation to a scenario's starting state.
    pub fn add_organisation(&mut self, org: Organisation) {
        self.data.organisations.insert(org.mpn_id.clone(), org);
    }

    /// Adds a work account to a scenario's starting state.
    pub fn add_account(&mut self, account: WorkAccount) {
        self.data.accounts.insert(account.id.clone(), account);
    }

    /// Adds a Microsoft Certification profile to a scenario's starting state.
    pub fn add_profile(&mut self, profile: McidProfile) {
        self.mcid_by_username.insert(profile.username.to_lowercase(), profile.mcid.clone());
        self.data.profiles.insert(profile.mcid.clone(), profile);
    }

    /// Adds a Partner University account to a scenario's starting state.
    pub fn add_partner_university_account(&mut self, account: PartnerUniversityAccount) {
        self.data.partner_university.insert(account.username.to_lowercase(), account);
    }

    /// Checks what every valid starting state keeps true: every date and
    /// limit number in range (D1, D6), its structure
    /// ([`State::check_structure`]), and no association history beyond the
    /// yearly limit (R15/D6) under its settings.
    pub fn check_invariants(&self) -> Result<(), InvariantViolation> {
        // First, so that no rule below computes with a value out of range.
        super::range::check_state(&self.data)?;
        self.check_structure()?;
        for profile in self.data.profiles.values() {
            if let Some(reason) = super::limit::history_breaks_limit(&profile.associations, self.data.limits) {
                return Err(InvariantViolation::YearlyLimitExceeded { mcid: profile.mcid.clone(), reason });
            }
        }
        Ok(())
    }

    /// No dangling reference, an MCID in one membership at most (R4), and
    /// accounts and links agreeing. The limit is checked against the
    /// settings in force at each association by `Scenario::check_invariants`.
    pub fn check_structure(&self) -> Result<(), InvariantViolation> {
        let d = &self.data;
        let dangling = |from, to| Err(InvariantViolation::DanglingReference { from, to });
        for account in d.accounts.values() {
            if !d.organisations.contains_key(&account.org) {
                return dangling(Reference::Account(account.id.clone()), Reference::Organisation(account.org.clone()));
            }
            for mcid in account.linked_mcid.iter().chain(account.last_mcid.iter()) {
                if !d.profiles.contains_key(mcid) {
                    return dangling(Reference::Account(account.id.clone()), Reference::Mcid(mcid.clone()));
                }
            }
            if let Some(mcid) = &account.linked_mcid {
                if d.links.get(mcid).map(|l| &l.account) != Some(&account.id) {
                    return Err(InvariantViolation::LinkMismatch { account: account.id.clone() });
                }
            }
        }
        for (key, link) in &d.links {
            if key != &link.mcid || !d.profiles.contains_key(&link.mcid) {
                return dangling(Reference::Link(key.clone()), Reference::Mcid(link.mcid.clone()));
            }
            let Some(account) = d.accounts.get(&link.account) else {
                return dangling(Reference::Link(key.clone()), Reference::Account(link.account.clone()));
            };
            // R4: the link's membership is its account's; one link per MCID is
            // the map's key, so a second membership shows up as a mismatch.
            if account.org != link.org {
                return Err(InvariantViolation::McidLinkedTwice { mcid: link.mcid.clone() });
            }
            if account.linked_mcid.as_ref() != Some(&link.mcid) {
                return Err(InvariantViolation::LinkMismatch { account: account.id.clone() });
            }
        }
        Ok(())
    }
}
