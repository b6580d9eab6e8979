//! Typed refusals (D3). Each variant carries its rule number and the data a
//! message needs (a date, an organisation); the wording belongs to the view
//! and the person's language.

use super::clock::Time;
use super::model::{AccountId, McidId, MpnId};
use super::range::Range;

/// A rule of the source (R1-R16) or a product decision (D1-D7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R7,
    R8,
    R9,
    R10,
    R11,
    R12,
    R13,
    R14,
    R15,
    R16,
    D1,
    D2,
    D3,
    D4,
    D5,
    D6,
    D7,
}

impl Rule {
    pub const ALL: [Rule; 23] = {
        use Rule::*;
        [R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15, R16, D1, D2, D3, D4, D5, D6, D7]
    };

    /// The rule of a code as [`Rule::code`] writes it.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.code() == code)
    }

    /// `R4`, `D6`: the label code, tests and messages cite.
    pub fn code(self) -> &'static str {
        use Rule::*;
        match self {
            R1 => "R1",
            R2 => "R2",
            R3 => "R3",
            R4 => "R4",
            R5 => "R5",
            R6 => "R6",
            R7 => "R7",
            R8 => "R8",
            R9 => "R9",
            R10 => "R10",
            R11 => "R11",
            R12 => "R12",
            R13 => "R13",
            R14 => "R14",
            R15 => "R15",
            R16 => "R16",
            D1 => "D1",
            D2 => "D2",
            D3 => "D3",
            D4 => "D4",
            D5 => "D5",
            D6 => "D6",
            D7 => "D7",
        }
    }
}

/// Which of the two yearly-limit numbers (D6) stopped an association.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitReason {
    /// Fewer days than the cool-off since the previous association started.
    CoolOff,
    /// The yearly number of associations is used up.
    YearlyCount,
}

/// Why a command was refused. A refused command changes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// R2: only an MPN Partner Admin or a Global Admin may see this.
    AdminOnly,
    /// R5: no Partner Center account with this work email.
    UnknownAccount { email: String },
    /// R5: the password does not match the work account's (nothing changes, D2).
    WrongPassword,
    /// R5: the account belongs to another partner organisation.
    NotInOrganisation { org: MpnId },
    /// R6: this account already has Partner University access.
    AlreadyHasPartnerUniversityAccess,
    /// R7: there is no Partner University access to remove.
    NoPartnerUniversityAccess,
    /// R8: the Microsoft Learning username or password is wrong (D2: nothing changes).
    WrongMcidCredentials,
    /// R4: this MCID is already linked to this account's membership.
    AlreadyLinked { mcid: McidId, org: MpnId },
    /// R11: another MCID is associated with this account; remove access first.
    AnotherMcidLinked { mcid: McidId },
    /// R9: the shortcut needs Partner University access and a Microsoft
    /// Learning account with the same credentials.
    SameCredentialsUnavailable,
    /// R10: nobody links or unlinks someone else's MCID, admins included.
    NotYourOwn { owner: AccountId },
    /// R11: no MCID is linked to this account.
    NothingLinked,
    /// R13: only a Global Admin may do this.
    GlobalAdminOnly,
    /// R13: the account was deleted by the Global Admin.
    AccountDeleted { email: AccountId },
    /// R13: a Global Admin cannot delete the account they are signed in with.
    CannotDeleteSelf,
    /// R13: the MCID is not linked to this organisation, so it is not in its report.
    NotInReport { mcid: McidId },
    /// R10 + R13: the person still has their account: they unlink themselves.
    StillEmployed { account: AccountId },
    /// R14: not a valid work email address.
    InvalidEmail { email: String },
    /// R14: an account with this work email already exists.
    AccountExists { email: AccountId },
    /// R14: this account has accepted its invitation already (or never had one).
    NotAnInvitation { email: AccountId },
    /// R14: the invitation has not been answered yet: sign in with the details sent.
    InvitationPending { email: AccountId },
    /// R14: the admin first verifies the email address used, then
    /// contacts the person: no resend to an address not verified.
    VerifyAddressFirst { email: AccountId },
    /// R14: the temporary password is too short to send.
    WeakTemporaryPassword { min_len: usize },
    /// R14, as for a temporary password: a password the editor gives an
    /// account or a Microsoft Learning profile is too short.
    ShortPassword { min_len: usize },
    /// R15/D6: the yearly limit; `next_allowed` is the date from which a new
    /// association may start.
    AssociationLimited { reason: LimitReason, next_allowed: Time, used: u32, per_year: u32, cool_off_days: u32 },
    /// D1 or D6: a date, or a limit number, outside the range Certlink
    /// keeps ([`super::range`]); the range says which and its bounds.
    OutOfRange { range: Range },
    /// D1: a date field left empty where a date is needed, or holding one
    /// the browser cannot read (a part left blank, a 30 February).
    DateIncomplete,
    /// R16: the FAQ answers this problem; no ticket is opened.
    AnsweredByFaq { rule: Rule },
    /// R16: a ticket needs a description of the problem.
    TicketDetailsMissing,
    /// D1: the scenario clock is behind the last recorded event.
    ClockBehindTrail { last_event: Time },
    /// D1: the trainer moves the clock back to before the last recorded
    /// event; it stays where it was.
    ClockMovedBehindTrail { last_event: Time },
    /// D7: only the trainer does this (marking exams passed, the limits,
    /// the editor's setup); it cites D7 in every case.
    TrainerOnly,
    /// D7: no Microsoft Learning or Partner University account by that name.
    UnknownHolder { holder: String },
    /// D7: exams are passed on a Microsoft Learning account (MCID),
    /// assessments at Partner University, not the other way round.
    WrongPlaceForProof { code: String },
    /// This field is empty: D4 in the scenario editor, R5 in the sign-in
    /// form, R8 in the association form (see [`Field::rule`]).
    TextRequired { field: Field },
    /// D4: this text is longer than the trail keeps (the editor's, an
    /// invitation's or a ticket's field).
    TextTooLong { field: Field, max: usize },
    /// D4: an MPN ID or an MCID is 1 to 12 digits.
    NotAnIdentifier { field: Field },
    /// D4: an organisation with this MPN ID exists already.
    OrganisationExists { org: MpnId },
    /// D4: no organisation has this MPN ID.
    UnknownOrganisation { org: MpnId },
    /// D4: a profile with this MCID exists already.
    McidExists { mcid: McidId },
    /// D4: another profile signs in with this Microsoft Learning username.
    UsernameTaken { username: String },
    /// D4: this work email has a Partner University account already.
    PartnerUniversityAccountExists { username: String },
    /// D1: a pass date after the scenario's "now".
    PassedInTheFuture { on: Time },
    /// D1: a ticket's problem said to start after the scenario's "now".
    StartsInTheFuture { on: Time },
}

/// The field of a form a refusal names: the scenario editor's, an
/// invitation's, a support ticket's (D4), the sign-in form's (R5), the
/// association form's (R8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    MpnId,
    OrganisationName,
    DisplayName,
    Mcid,
    HolderName,
    CredentialCode,
    CredentialTitle,
    Password,
    Email,
    TicketDetails,
    WorkEmail,
    WorkPassword,
    LearningUsername,
    LearningPassword,
}

impl Field {
    /// The rule of the form this field belongs to.
    pub fn rule(self) -> Rule {
        match self {
            Field::WorkEmail | Field::WorkPassword => Rule::R5,
            Field::LearningUsername | Field::LearningPassword => Rule::R8,
            _ => Rule::D4,
        }
    }
}

impl Refusal {
    /// A field left empty: a slip of the form, not a rule met.
    pub fn is_an_empty_field(&self) -> bool {
        match self {
            Refusal::TextRequired { .. } | Refusal::TicketDetailsMissing => true,
            Refusal::InvalidEmail { email } => email.trim().is_empty(),
            _ => false,
        }
    }

    /// The rule this refusal cites (D3).
    pub fn rule(&self) -> Rule {
        use Refusal::*;
        match self {
            AdminOnly => Rule::R2,
            UnknownAccount { .. } | WrongPassword | NotInOrganisation { .. } => Rule::R5,
            AlreadyHasPartnerUniversityAccess => Rule::R6,
            NoPartnerUniversityAccess => Rule::R7,
            WrongMcidCredentials => Rule::R8,
            AlreadyLinked { .. } => Rule::R4,
            AnotherMcidLinked { .. } | NothingLinked => Rule::R11,
            SameCredentialsUnavailable => Rule::R9,
            NotYourOwn { .. } | StillEmployed { .. } => Rule::R10,
            GlobalAdminOnly | AccountDeleted { .. } | CannotDeleteSelf | NotInReport { .. } => Rule::R13,
            InvalidEmail { .. }
            | AccountExists { .. }
            | NotAnInvitation { .. }
            | InvitationPending { .. }
            | VerifyAddressFirst { .. }
            | WeakTemporaryPassword { .. }
            | ShortPassword { .. } => Rule::R14,
            AssociationLimited { .. } => Rule::R15,
            OutOfRange { range } => range.rule(),
            AnsweredByFaq { rule } => *rule,
            TicketDetailsMissing => Rule::R16,
            ClockBehindTrail { .. } | ClockMovedBehindTrail { .. } | DateIncomplete => Rule::D1,
            TrainerOnly | UnknownHolder { .. } | WrongPlaceForProof { .. } => Rule::D7,
            TextRequired { field } => field.rule(),
            TextTooLong { .. }
            | NotAnIdentifier { .. }
            | OrganisationExists { .. }
            | UnknownOrganisation { .. }
            | McidExists { .. }
            | UsernameTaken { .. }
            | PartnerUniversityAccountExists { .. } => Rule::D4,
            PassedInTheFuture { .. } | StartsInTheFuture { .. } => Rule::D1,
        }
    }
}

impl std::fmt::Display for Refusal {
    /// A terse form for logs; people read the view's worded sentence
    /// instead. (No `Debug` here: it would pull every type's `Debug` into
    /// the wasm bundle.)
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "refused by {}", self.rule().code())
    }
}

impl std::error::Error for Refusal {}
