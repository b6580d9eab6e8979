//! Practice mode: each built-in case as a task the person does on their
//! own, a check of the outcome it asks for, a score, and the progress over
//! the nine cases in a form an LMS keeps (SCORM 1.2's `cmi.suspend_data`).
//!
//! As pure as [`crate::rules`]: no browser crate and no system time ("now"
//! is the scenario's, an input, D1). It reads the rules' state, trail and
//! refusals and decides nothing the rules decide. Goals, hints and what is
//! still missing are values, each citing the rules it concerns
//! (`docs/rules.md`); their wording belongs to the i18n layer.
//!
//! A check looks at the outcome, not at the clicks: any order of commands
//! that reaches it passes. Where a case's point is how the outcome came
//! about (R12's automatic unlink, R10's "the person themselves"), the
//! check reads it in the audit trail (D4), which records who did what.

use crate::rules::demo::{BuiltIn, CONTOSO, FABRIKAM, UNANSWERED_INVITATION};
use crate::rules::limit::association_limit;
use crate::rules::support::SupportRoute;
use crate::rules::{AccountId, Actor, Event, EventKind, LinkMethod, McidId, MpnId, Refusal, Rule, Scenario, State};

/// What a case asks the person to bring about, one variant per case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// Priya's MCID linked to Contoso, by Priya herself.
    FirstLink,
    /// Sam's Partner University account associated with his work account.
    PartnerUniversityAccess,
    /// Sam's MCID linked with the "Use email@address" shortcut.
    SameCredentials,
    /// Chen's MCID unlinked from Contoso by Chen, with Remove access.
    Unlink,
    /// Mia's MCID linked with Fabrikam, its Contoso link ended by that link.
    MovingCompany,
    /// Leo, who left, deleted from Contoso and gone from its skills report.
    LeavingTheCompany,
    /// Noah's invitation sent again to the right address.
    UnansweredInvitation,
    /// Lena knows from when her MCID may be associated again.
    YearlyLimit,
    /// Chen's question on merging MCIDs with Certification Support.
    McidMerge,
}

impl Goal {
    /// The rules this goal puts into practice, the case's own first.
    pub fn rules(self) -> &'static [Rule] {
        match self {
            Goal::FirstLink => &[Rule::R8, Rule::R1, Rule::R10],
            Goal::PartnerUniversityAccess => &[Rule::R6],
            Goal::SameCredentials => &[Rule::R9, Rule::R6],
            // "Remove access" is R11's control and R7's: the goal is R11's.
            Goal::Unlink => &[Rule::R11, Rule::R7, Rule::R10],
            Goal::MovingCompany => &[Rule::R12, Rule::R4, Rule::R8],
            Goal::LeavingTheCompany => &[Rule::R13, Rule::R10],
            Goal::UnansweredInvitation => &[Rule::R14],
            Goal::YearlyLimit => &[Rule::R15, Rule::D6],
            Goal::McidMerge => &[Rule::R16],
        }
    }
}

/// A hint a person may ask for: a pointer to the article's words, not the
/// steps themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// The blue My Profile icon at the top right.
    OpenMyProfile,
    /// Your Learning holds Get Partner University Access.
    YourLearning,
    /// Exams and certifications: Associate Microsoft Learning account.
    AssociateLearningAccount,
    /// The username and password asked for are the Microsoft Learning ones.
    LearningCredentials,
    /// The shortcut shows when the Learning and Partner University credentials are the same.
    SameCredentialsShortcut,
    /// Remove access, in My Profile, unlinks.
    RemoveAccessUnlinks,
    /// Nobody else, an admin included, links or unlinks someone's MCID.
    OnlyThePerson,
    /// Link with the new company the usual way.
    LinkWithTheNewCompany,
    /// Linking with the new company ends the old link by itself.
    OldLinkEndsByItself,
    /// The Global Admin deletes the account of someone who left.
    GlobalAdminDeletes,
    /// Someone who left and still shows in the skills report asks to be removed.
    RemovedFromTheReportOnRequest,
    /// First check the email address the details were sent to.
    CheckTheAddress,
    /// Then get in touch again: the details go out once more.
    SendAgain,
    /// Associations are limited each year.
    AssociationsAreLimited,
    /// Trying to associate gives the date from which a new association
    /// can start (as the profile shows it): the try is what the check sees.
    DateInTheProfile,
    /// Merging MCIDs is not a Microsoft support ticket.
    MergeIsForCertificationSupport,
    /// The support page routes a problem and gathers its evidence.
    SupportPage,
}

impl Hint {
    /// The rules the hint points at.
    pub fn rules(self) -> &'static [Rule] {
        use Hint::*;
        match self {
            OpenMyProfile | YourLearning => &[Rule::R6],
            AssociateLearningAccount | LearningCredentials => &[Rule::R8],
            SameCredentialsShortcut => &[Rule::R9],
            RemoveAccessUnlinks => &[Rule::R11, Rule::R7],
            OnlyThePerson => &[Rule::R10],
            LinkWithTheNewCompany => &[Rule::R12, Rule::R8],
            OldLinkEndsByItself => &[Rule::R12, Rule::R4],
            GlobalAdminDeletes => &[Rule::R13],
            RemovedFromTheReportOnRequest => &[Rule::R13, Rule::R10],
            CheckTheAddress | SendAgain => &[Rule::R14],
            AssociationsAreLimited => &[Rule::R15, Rule::D6],
            DateInTheProfile => &[Rule::R15],
            MergeIsForCertificationSupport | SupportPage => &[Rule::R16],
        }
    }
}

/// The most hints a task offers.
pub const MAX_HINTS: usize = 3;

/// A built-in case as a practice task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    pub case: BuiltIn,
    pub goal: Goal,
    /// The work account the person plays.
    pub persona: AccountId,
    /// In the order they are offered; at most [`MAX_HINTS`].
    pub hints: &'static [Hint],
}

/// The task of a built-in case.
pub fn task(case: BuiltIn) -> Task {
    use Hint::*;
    let (goal, hints): (Goal, &'static [Hint]) = match case {
        BuiltIn::FirstLink => (Goal::FirstLink, &[OpenMyProfile, AssociateLearningAccount, LearningCredentials]),
        BuiltIn::PartnerUniversityAccess => (Goal::PartnerUniversityAccess, &[OpenMyProfile, YourLearning]),
        BuiltIn::SameCredentials => (Goal::SameCredentials, &[OpenMyProfile, SameCredentialsShortcut]),
        BuiltIn::Unlink => (Goal::Unlink, &[OpenMyProfile, RemoveAccessUnlinks, OnlyThePerson]),
        BuiltIn::MovingCompany => {
            (Goal::MovingCompany, &[LinkWithTheNewCompany, AssociateLearningAccount, OldLinkEndsByItself])
        }
        BuiltIn::LeavingTheCompany => {
            (Goal::LeavingTheCompany, &[GlobalAdminDeletes, RemovedFromTheReportOnRequest, OnlyThePerson])
        }
        BuiltIn::UnansweredInvitation => (Goal::UnansweredInvitation, &[CheckTheAddress, SendAgain]),
        BuiltIn::YearlyLimit => {
            (Goal::YearlyLimit, &[AssociationsAreLimited, AssociateLearningAccount, DateInTheProfile])
        }
        BuiltIn::McidMerge => (Goal::McidMerge, &[SupportPage, MergeIsForCertificationSupport]),
    };
    Task { case, goal, persona: case.persona_id(), hints }
}

/// Something the goal needs that does not hold yet. It names the outcome,
/// not the control that brings it about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The person's MCID is not linked to this organisation through their account.
    McidNotLinkedTo(MpnId),
    /// The MCID is linked, but through someone else's work account.
    NotLinkedByThePerson,
    /// The MCID is not linked with the same-credentials shortcut (linked
    /// otherwise, or not at all).
    NotLinkedWithSameCredentials,
    /// The persona has no Partner University access.
    NoPartnerUniversityAccess,
    /// The MCID is still linked to this organisation.
    McidStillLinkedTo(MpnId),
    /// The MCID's link ended, but not by the person's own unlink.
    NotUnlinkedByThePerson,
    /// The link with this organisation did not end by the automatic unlink.
    OldLinkNotEndedAutomatically(MpnId),
    /// This account, of someone who left, is not deleted.
    AccountNotDeleted(AccountId),
    /// The MCID of someone who left still shows in this organisation's skills report.
    McidStillInReport(MpnId),
    /// The invitation to this address was never corrected to the right one.
    InvitationAddressNotCorrected(AccountId),
    /// The sign-in details did not go out again after the correction.
    InvitationNotSentAgain,
    /// The person neither met the yearly limit nor associated again once it allowed.
    YearlyLimitNotMet,
    /// No ticket of the person's with Certification Support.
    NoCertificationSupportTicket,
    /// The scenario checked does not continue the case's start: its
    /// history is not this attempt's.
    NotFromThisStart,
}

impl Missing {
    /// The rule whose outcome is missing.
    pub fn rule(&self) -> Rule {
        use Missing::*;
        match self {
            McidNotLinkedTo(_) => Rule::R8,
            NotLinkedByThePerson | NotUnlinkedByThePerson => Rule::R10,
            NotLinkedWithSameCredentials => Rule::R9,
            NoPartnerUniversityAccess => Rule::R6,
            McidStillLinkedTo(_) => Rule::R11,
            OldLinkNotEndedAutomatically(_) => Rule::R12,
            AccountNotDeleted(_) | McidStillInReport(_) => Rule::R13,
            InvitationAddressNotCorrected(_) | InvitationNotSentAgain => Rule::R14,
            YearlyLimitNotMet => Rule::R15,
            NoCertificationSupportTicket => Rule::R16,
            NotFromThisStart => Rule::D4,
        }
    }
}

/// Whether a task's goal holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    /// What still does not hold, in the order the goal names it; never empty.
    NotYet(Vec<Missing>),
}

impl Outcome {
    pub fn is_passed(&self) -> bool {
        matches!(self, Outcome::Passed)
    }

    fn of(missing: Vec<Missing>) -> Outcome {
        if missing.is_empty() {
            Outcome::Passed
        } else {
            Outcome::NotYet(missing)
        }
    }
}

/// A command refused during an attempt, and who asked. A refusal changes
/// nothing (D3), so the trail does not keep it; the caller that runs the
/// commands keeps these instead, as it counts them for the score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub actor: Actor,
    pub refusal: Refusal,
}

/// The Microsoft Learning usernames of the demo's people whose MCID a case
/// is about, as `rules::demo` makes them: the check needs the MCID itself,
/// which a case may start with linked nowhere (Priya's).
const PRIYA_LEARNING: &str = "priya.patel@outlook.com";
const SAM_LEARNING: &str = "sam@contoso.com";
const CHEN_LEARNING: &str = "chen.li@outlook.com";
const MIA_LEARNING: &str = "mia.moreau@outlook.com";
const LEO_LEARNING: &str = "leo.laurent@outlook.com";
const LENA_LEARNING: &str = "lena.lindqvist@outlook.com";
/// Leo, who leaves Contoso (R13).
const LEAVER: &str = "leo@contoso.com";
/// The address Noah's invitation should have gone to: the mistyped one's
/// domain is Contoso's own, misspelled (R14).
const INVITATION_CORRECTED: &str = "noah@contoso.com";

/// Whether the goal of `case` holds in `now`, an attempt that started at
/// `start`, in which the commands refused are `refused`.
///
/// `now` must continue `start` (the same start, its trail begun with
/// start's): the events since are the attempt's. Each case's check:
/// - FirstLink (R8, R10): Priya's MCID is linked to Contoso through her
///   own account.
/// - PartnerUniversityAccess (R6): Sam has Partner University access.
/// - SameCredentials (R9): Sam's MCID is linked to Contoso through his
///   account, by the shortcut (the link's method): one made with the
///   Associate form's credentials (R8) does not count.
/// - Unlink (R11, R10): Chen's MCID is linked nowhere, and its link ended
///   by Chen's own unlink in the attempt.
/// - MovingCompany (R12): Mia's MCID is linked to Fabrikam through her
///   Fabrikam account, and the attempt's trail holds the automatic unlink
///   from the organisation it started linked to (not a manual one).
/// - LeavingTheCompany (R13): Leo's account is deleted and his MCID is not
///   linked to Contoso, so Contoso's skills report does not show it.
/// - UnansweredInvitation (R14): the invitation was verified with its
///   address corrected to Noah's real one, and resent after that.
/// - YearlyLimit (R15): Lena met her R15 refusal, which gives the date
///   from which a new association may start (D6), or her MCID was
///   associated again through her account once the limit the case started
///   with allowed it. A refused command changes nothing and so is not in
///   the trail: the caller passes the refusals it met as `refused`.
/// - McidMerge (R16): Chen opened a ticket that went to Certification
///   Support (a Microsoft support ticket does not count).
pub fn check(case: BuiltIn, start: &Scenario, now: &Scenario, refused: &[Refused]) -> Outcome {
    let Some(events) = attempt_events(start, now) else {
        return Outcome::NotYet(vec![Missing::NotFromThisStart]);
    };
    let persona = case.persona_id();
    let me = Actor::Account(persona.clone());
    let limit_met = refused.iter().any(|r| r.actor == me && matches!(r.refusal, Refusal::AssociationLimited { .. }));
    let at = Attempt { start: start.state(), now: now.state(), events, limit_met, persona };
    at.outcome(case)
}

impl Attempt<'_> {
    fn outcome(&self, case: BuiltIn) -> Outcome {
        let at = self;
        Outcome::of(match case {
            BuiltIn::FirstLink => at.linked_by_persona(PRIYA_LEARNING, &contoso(), false),
            BuiltIn::PartnerUniversityAccess => at.partner_university_access(),
            BuiltIn::SameCredentials => at.linked_by_persona(SAM_LEARNING, &contoso(), true),
            BuiltIn::Unlink => at.unlinked_by_persona(),
            BuiltIn::MovingCompany => at.moved_company(),
            BuiltIn::LeavingTheCompany => at.left_the_company(),
            BuiltIn::UnansweredInvitation => at.invitation_corrected_and_resent(),
            BuiltIn::YearlyLimit => at.yearly_limit_met(),
            BuiltIn::McidMerge => at.merge_ticket(),
        })
    }
}

/// The events `now` recorded since `start`, if it continues it.
fn attempt_events<'a>(start: &Scenario, now: &'a Scenario) -> Option<&'a [Event]> {
    // `extends` answers at once for a copy of the start; a scenario read
    // back from a save is a new copy, so it is compared in full.
    let continues = now.extends(start) || (now.initial() == start.initial() && now.trail().starts_with(start.trail()));
    continues.then(|| now.trail().get(start.trail().len()..)).flatten()
}

fn contoso() -> MpnId {
    MpnId(CONTOSO.into())
}

fn fabrikam() -> MpnId {
    MpnId(FABRIKAM.into())
}

/// One attempt, as the checks read it.
struct Attempt<'a> {
    start: &'a State,
    now: &'a State,
    /// The events since the start, oldest first.
    events: &'a [Event],
    /// The persona met R15's refusal in the attempt (the only refusal a
    /// check reads).
    limit_met: bool,
    persona: AccountId,
}

impl Attempt<'_> {
    /// The MCID of a Microsoft Learning username, as the start knows it.
    fn mcid(&self, learning_username: &str) -> Option<McidId> {
        self.start.profile_by_username(learning_username).map(|p| p.mcid.clone())
    }

    fn by_persona(&self, event: &Event) -> bool {
        event.actor == Actor::Account(self.persona.clone())
    }

    /// R8/R9, R10: the MCID linked to `org` through the persona's own
    /// account (only its owner can do that, R10); with the R9 shortcut
    /// (the link's method) when `shortcut`, which that case then names as
    /// missing, linked otherwise or not at all: it is what the case practises.
    fn linked_by_persona(&self, learning_username: &str, org: &MpnId, shortcut: bool) -> Vec<Missing> {
        let link = self.mcid(learning_username).and_then(|m| self.now.link(&m)).filter(|l| &l.org == org);
        match link {
            Some(link) if link.account != self.persona => vec![Missing::NotLinkedByThePerson],
            Some(link) if !shortcut || link.method == LinkMethod::SameCredentials => vec![],
            _ if shortcut => vec![Missing::NotLinkedWithSameCredentials],
            _ => vec![Missing::McidNotLinkedTo(org.clone())],
        }
    }

    /// R6: the persona has Partner University access now. The case starts
    /// without it, so having it means it was granted in the attempt.
    fn partner_university_access(&self) -> Vec<Missing> {
        let has = self.now.account(&self.persona).is_some_and(|a| a.partner_university_since.is_some());
        if has {
            vec![]
        } else {
            vec![Missing::NoPartnerUniversityAccess]
        }
    }

    /// R11, R10: the persona's MCID linked nowhere, its last link ended by
    /// the persona's own unlink (not a removal from the report, R13).
    fn unlinked_by_persona(&self) -> Vec<Missing> {
        let Some(mcid) = self.mcid(CHEN_LEARNING) else { return vec![Missing::McidStillLinkedTo(contoso())] };
        if let Some(link) = self.now.link(&mcid) {
            return vec![Missing::McidStillLinkedTo(link.org.clone())];
        }
        let ended = self.events.iter().rev().find(|e| match &e.kind {
            EventKind::McidUnlinked { mcid: m, .. }
            | EventKind::McidAutomaticallyUnlinked { mcid: m, .. }
            | EventKind::RemovedFromReport { mcid: m, .. } => m == &mcid,
            _ => false,
        });
        let by_persona = ended.is_some_and(|e| {
            self.by_persona(e) && matches!(&e.kind, EventKind::McidUnlinked { account, .. } if account == &self.persona)
        });
        if by_persona {
            vec![]
        } else {
            vec![Missing::NotUnlinkedByThePerson]
        }
    }

    /// R12: linked to Fabrikam through the persona, and the link the case
    /// started with ended by the automatic unlink that link records.
    fn moved_company(&self) -> Vec<Missing> {
        let mut missing = self.linked_by_persona(MIA_LEARNING, &fabrikam(), false);
        let mcid = self.mcid(MIA_LEARNING);
        let old_org = mcid.as_ref().and_then(|m| self.start.link(m)).map_or_else(contoso, |l| l.org.clone());
        let automatic = self.events.iter().any(|e| {
            matches!(&e.kind, EventKind::McidAutomaticallyUnlinked { mcid: m, from_org, to_org, .. }
                if Some(m) == mcid.as_ref() && from_org == &old_org && to_org == &fabrikam())
        });
        if !automatic {
            missing.push(Missing::OldLinkNotEndedAutomatically(old_org));
        }
        missing
    }

    /// R13: the leaver's account deleted, and their MCID out of Contoso's
    /// skills report, which lists the MCIDs linked to Contoso, a deleted
    /// account's included, until removed. Whether the person unlinked
    /// before leaving or the Global Admin removed them after, both count.
    fn left_the_company(&self) -> Vec<Missing> {
        let leaver = AccountId::from_email(LEAVER);
        let mut missing = Vec::new();
        if !self.now.account(&leaver).is_some_and(|a| a.is_deleted()) {
            missing.push(Missing::AccountNotDeleted(leaver));
        }
        let in_report = self.mcid(LEO_LEARNING).and_then(|m| self.now.link(&m)).is_some_and(|l| l.org == contoso());
        if in_report {
            missing.push(Missing::McidStillInReport(contoso()));
        }
        missing
    }

    /// R14: a verification that left the invitation at the right address
    /// (correcting it then, or at an earlier verification), then a resend
    /// to that address after it.
    fn invitation_corrected_and_resent(&self) -> Vec<Missing> {
        let right = AccountId::from_email(INVITATION_CORRECTED);
        let corrected_at = self.events.iter().rposition(|e| {
            matches!(&e.kind, EventKind::InvitationEmailVerified { account, corrected_to }
                if corrected_to.as_ref().unwrap_or(account) == &right)
        });
        let resent_after = corrected_at.is_some_and(|i| {
            self.events
                .iter()
                .skip(i + 1)
                .any(|e| matches!(&e.kind, EventKind::InvitationResent { account } if account == &right))
        });
        // And the invitation is still there at the end, not moved on since
        // to another address by a later correction.
        // Corrected, not invited anew beside the mistyped invitation.
        let mistyped = AccountId::from_email(UNANSWERED_INVITATION);
        let still_there = self.now.account(&right).is_some() && self.now.account(&mistyped).is_none();
        let mut missing = Vec::new();
        if corrected_at.is_none() || !still_there {
            missing.push(Missing::InvitationAddressNotCorrected(AccountId::from_email(UNANSWERED_INVITATION)));
        }
        if !resent_after {
            missing.push(Missing::InvitationNotSentAgain);
        }
        missing
    }

    /// R15: the goal is that Lena learns from when her MCID may be
    /// associated again. A refused association changes nothing and is not
    /// in the trail, so the state alone cannot tell that she tried; the
    /// goal holds when either:
    /// - the attempt's refusals hold her R15 refusal (the limit met; the
    ///   refusal gives the next allowed date, D6, as her profile does), or
    /// - her MCID was associated again through her account at a time the
    ///   limit in force at the start allows: she waited for the date her
    ///   profile showed. Measured against the start's numbers, so that
    ///   changing the numbers (D6, the trainer's) does not count as waiting.
    fn yearly_limit_met(&self) -> Vec<Missing> {
        let met = self.limit_met;
        let profile = self.start.profile_by_username(LENA_LEARNING);
        let waited = profile.is_some_and(|p| {
            self.events.iter().any(|e| {
                matches!(&e.kind, EventKind::McidLinked { mcid, account, .. }
                    if mcid == &p.mcid && account == &self.persona)
                    && association_limit(&p.associations, self.start.data().limits, e.at).next_allowed.is_none()
            })
        });
        if met || waited {
            vec![]
        } else {
            vec![Missing::YearlyLimitNotMet]
        }
    }

    /// R16: a ticket of the persona's, opened in the attempt, that went to
    /// Certification Support.
    fn merge_ticket(&self) -> Vec<Missing> {
        let opened = self.events.iter().any(|e| {
            matches!(&e.kind, EventKind::TicketOpened { ticket }
                if ticket.account == self.persona && ticket.route == SupportRoute::CertificationSupport)
        });
        if opened {
            vec![]
        } else {
            vec![Missing::NoCertificationSupportTicket]
        }
    }
}

/// An attempt under way, as the practice page keeps it across reloads (one
/// line of text, [`Run::to_text`]): the case, where the attempt's events
/// begin in the scenario's trail, the hints used, and the refusals met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub case: BuiltIn,
    /// The trail's length when the attempt began.
    start_events: usize,
    /// When the start's last event happened, in milliseconds: a case's
    /// start is built at the moment it loads, so another scenario put in
    /// its place (another case, a guided tour) has other times.
    start_last_ms: Option<i64>,
    hints_used: u32,
    refusals: u32,
    /// The rules of the refusals met, each once, in the order first met.
    rules_met: Vec<Rule>,
    /// The persona met R15's refusal (the YearlyLimit check reads it).
    limit_met: bool,
}

/// Why a run's text was refused. Nothing is read from a refused text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunTextError;

/// The run text's version: it starts every run text.
const RUN_VERSION: &str = "r2";

/// The most refusals a run counts; the score is at its floor long before.
const MAX_REFUSALS: u32 = 1_000;

impl Run {
    /// An attempt at `case` that begins on `start`.
    pub fn new(case: BuiltIn, start: &Scenario) -> Run {
        Run {
            case,
            start_events: start.trail().len(),
            start_last_ms: start.trail().last().map(|event| event.at.timestamp_millis()),
            hints_used: 0,
            refusals: 0,
            rules_met: vec![],
            limit_met: false,
        }
    }

    /// Counts a refusal the person met during the attempt: a wrong move,
    /// unless it is the one the goal asks to meet (the persona's own R15
    /// refusal in the YearlyLimit case), which is remembered, not counted.
    pub fn met(&mut self, refused: &Refused) {
        if refused.refusal.is_an_empty_field() {
            return;
        }
        let persona = Actor::Account(self.case.persona_id());
        if refused.actor == persona && matches!(refused.refusal, Refusal::AssociationLimited { .. }) {
            self.limit_met = true;
            if self.case == BuiltIn::YearlyLimit {
                return;
            }
        }
        self.refusals = (self.refusals + 1).min(MAX_REFUSALS);
        let rule = refused.refusal.rule();
        if !self.rules_met.contains(&rule) {
            self.rules_met.push(rule);
        }
    }

    /// Takes in what another tab counted of the same attempt (the same case
    /// begun on the same start): the hints shown and refusals met there
    /// count too, so that no tab writes them away. Another attempt's count
    /// is not this one's, and changes nothing.
    pub fn merge(&mut self, other: &Run) {
        let same =
            (self.case, self.start_events, self.start_last_ms) == (other.case, other.start_events, other.start_last_ms);
        if !same {
            return;
        }
        self.hints_used = self.hints_used.max(other.hints_used);
        self.refusals = self.refusals.max(other.refusals);
        self.limit_met |= other.limit_met;
        for rule in &other.rules_met {
            if !self.rules_met.contains(rule) {
                self.rules_met.push(*rule);
            }
        }
    }

    /// How many refusals the attempt met.
    pub fn refusals(&self) -> u32 {
        self.refusals
    }

    /// The rules of the refusals met, each once, in the order first met.
    pub fn rules_met(&self) -> &[Rule] {
        &self.rules_met
    }

    /// The hints shown so far, in the order given.
    pub fn hints_shown(&self) -> &'static [Hint] {
        let hints = task(self.case).hints;
        &hints[..(self.hints_used as usize).min(hints.len())]
    }

    /// Shows the next hint, counted in the score; `None` once every hint
    /// of the task is shown (nothing is counted then).
    pub fn next_hint(&mut self) -> Option<Hint> {
        let hint = task(self.case).hints.get(self.hints_used as usize).copied()?;
        self.hints_used += 1;
        Some(hint)
    }

    /// Whether the goal holds in `now`, the scenario the attempt goes on
    /// in. The start is `now` as it was when the attempt began: its first
    /// events replayed on its initial state, the last of them at the time
    /// the attempt's start had.
    pub fn check(&self, now: &Scenario) -> Outcome {
        if !self.goes_on_in(now) {
            return Outcome::NotYet(vec![Missing::NotFromThisStart]);
        }
        let before = &now.trail()[..self.start_events];
        let start = Scenario::replay(now.initial().clone(), before.to_vec());
        let events = &now.trail()[self.start_events..];
        let persona = self.case.persona_id();
        let at = Attempt { start: start.state(), now: now.state(), events, limit_met: self.limit_met, persona };
        at.outcome(self.case)
    }

    /// Whether `now` goes on from the attempt's start: the case it began
    /// on, not another scenario put in its place (another case, a guided
    /// tour's, the case loaded afresh).
    pub fn goes_on_in(&self, now: &Scenario) -> bool {
        now.trail().get(..self.start_events).is_some_and(|before| {
            self.start_last_ms.is_none_or(|ms| before.last().map(|event| event.at.timestamp_millis()) == Some(ms))
        })
    }

    /// The attempt begun again on `start`, its case loaded afresh, with the
    /// hints and refusals it has counted so far.
    pub fn restart_on(&mut self, start: &Scenario) {
        let fresh = Run::new(self.case, start);
        self.start_events = fresh.start_events;
        self.start_last_ms = fresh.start_last_ms;
    }

    /// The attempt's score, were it to end with `outcome` now.
    pub fn score(&self, outcome: &Outcome) -> u8 {
        score(outcome.is_passed(), self.hints_used, self.refusals)
    }

    /// The hints used, as the score counts them.
    pub fn hints_used(&self) -> u32 {
        self.hints_used
    }

    /// One line: `r2`, the case's rule code, the start's trail length, the
    /// hints used, the refusals met, the rules met (`,` between), `L` when
    /// R15's limit was met, and the time of the start's last event in
    /// milliseconds (`-` for none), `;` between, e.g.
    /// `r2;R15;12;1;2;R8,R15;L;1796560537389`. An `r1` line (the same
    /// without the time) reads too.
    pub fn to_text(&self) -> String {
        let rules: Vec<&str> = self.rules_met.iter().map(|r| r.code()).collect();
        let limit = if self.limit_met { "L" } else { "-" };
        let start_last = self.start_last_ms.map_or("-".to_string(), |ms| ms.to_string());
        format!(
            "{RUN_VERSION};{};{};{};{};{};{limit};{start_last}",
            self.case.rule().code(),
            self.start_events,
            self.hints_used,
            self.refusals,
            rules.join(",")
        )
    }

    /// Reads [`Run::to_text`]'s form; anything else, or a number outside
    /// what a run counts, is refused whole.
    pub fn from_text(text: &str) -> Result<Run, RunTextError> {
        let parts: Vec<&str> = text.split(';').collect();
        let (case, start, hints, refusals, rules, limit, start_last) = match parts[..] {
            ["r1", case, start, hints, refusals, rules, limit] => (case, start, hints, refusals, rules, limit, "-"),
            [RUN_VERSION, case, start, hints, refusals, rules, limit, start_last] => {
                (case, start, hints, refusals, rules, limit, start_last)
            }
            _ => return Err(RunTextError),
        };
        let case = BuiltIn::ALL.into_iter().find(|c| c.rule().code() == case).ok_or(RunTextError)?;
        let number = |digits: &str, max: u64| {
            let canonical = !digits.is_empty()
                && digits.len() <= 19
                && digits.chars().all(|c| c.is_ascii_digit())
                && (digits == "0" || !digits.starts_with('0'));
            canonical.then(|| digits.parse::<u64>().ok()).flatten().filter(|n| *n <= max).ok_or(RunTextError)
        };
        let mut rules_met = Vec::new();
        for code in rules.split(',').filter(|code| !code.is_empty()) {
            let rule = Rule::from_code(code).ok_or(RunTextError)?;
            if rules_met.contains(&rule) {
                return Err(RunTextError);
            }
            rules_met.push(rule);
        }
        let run = Run {
            case,
            start_events: usize::try_from(number(start, u32::MAX as u64)?).map_err(|_| RunTextError)?,
            start_last_ms: match start_last {
                "-" => None,
                digits => {
                    let magnitude = number(digits.strip_prefix('-').unwrap_or(digits), i64::MAX as u64)?;
                    let ms = i64::try_from(magnitude).map_err(|_| RunTextError)?;
                    match digits.starts_with('-') {
                        true if ms == 0 => return Err(RunTextError),
                        true => Some(-ms),
                        false => Some(ms),
                    }
                }
            },
            hints_used: number(hints, task(case).hints.len() as u64)? as u32,
            refusals: number(refusals, MAX_REFUSALS as u64)? as u32,
            rules_met,
            limit_met: match limit {
                "L" => true,
                "-" => false,
                _ => return Err(RunTextError),
            },
        };
        let consistent = (run.refusals as usize) >= run.rules_met.len();
        consistent.then_some(run).ok_or(RunTextError)
    }
}

/// The score a person passes a task with ([`MASTERY`] or more).
pub const MASTERY: u8 = 80;

/// The score of one attempt, 0 to 100.
///
/// - Goal reached: 100, minus 10 for each hint used and 5 for each refusal
///   met, never below 40: a reached goal always scores above one not
///   reached. With no hint, up to 4 refusals still pass ([`MASTERY`]); each
///   hint counts for two refusals.
/// - Goal not reached: 0. The check vouches for the outcome only, so a
///   score without it would measure nothing it can stand behind.
///
/// The score never rises with more hints or more refusals.
pub fn score(reached: bool, hints_used: u32, refusals: u32) -> u8 {
    if !reached {
        return 0;
    }
    let lost = hints_used.saturating_mul(10).saturating_add(refusals.saturating_mul(5));
    let kept = 100u32.saturating_sub(lost).max(u32::from(SCORE_FLOOR));
    u8::try_from(kept).unwrap_or(100)
}

/// The least a reached goal scores, however many hints and refusals.
pub const SCORE_FLOOR: u8 = 40;

/// Where a person stands on one case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CaseState {
    /// No attempt yet.
    #[default]
    NotStarted,
    /// An attempt under way, and no pass before it.
    InProgress,
    /// An attempt scored [`MASTERY`] or more; passing is kept whatever
    /// later attempts score.
    Passed,
    /// Every attempt finished so far scored under [`MASTERY`].
    Failed,
}

impl CaseState {
    fn letter(self) -> char {
        match self {
            CaseState::NotStarted => 'N',
            CaseState::InProgress => 'I',
            CaseState::Passed => 'P',
            CaseState::Failed => 'F',
        }
    }

    fn from_letter(letter: char) -> Option<CaseState> {
        match letter {
            'N' => Some(CaseState::NotStarted),
            'I' => Some(CaseState::InProgress),
            'P' => Some(CaseState::Passed),
            'F' => Some(CaseState::Failed),
            _ => None,
        }
    }
}

/// One case's state and best score. Only [`Progress`]'s methods change it,
/// so the two always agree: a case passed has a best score of
/// [`MASTERY`] or more, any other under it, one not started 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CaseProgress {
    state: CaseState,
    best: u8,
}

impl CaseProgress {
    pub fn state(self) -> CaseState {
        self.state
    }

    /// The best score of the attempts finished, 0 before any.
    pub fn best(self) -> u8 {
        self.best
    }

    fn is_consistent(self) -> bool {
        match self.state {
            CaseState::NotStarted => self.best == 0,
            CaseState::Passed => (MASTERY..=100).contains(&self.best),
            CaseState::InProgress | CaseState::Failed => self.best < MASTERY,
        }
    }
}

/// The person's progress over the nine built-in cases.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// In [`BuiltIn::ALL`]'s order.
    cases: [CaseProgress; BuiltIn::ALL.len()],
}

/// Why a progress text was refused. Nothing is read from a refused text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressError {
    /// Longer than SCORM 1.2's `cmi.suspend_data` holds.
    TooLong { chars: usize },
    /// Not a progress text of a version this reads.
    UnknownVersion,
    /// The entry at this place (from 0, after the version) is not
    /// `code:` followed by a state's letter and a score.
    MalformedEntry { index: usize },
    /// No built-in case has this rule code.
    UnknownCase { code: String },
    /// The case has two entries.
    RepeatedCase { case: BuiltIn },
    /// The case's state and score disagree (a pass under [`MASTERY`], a
    /// score above 100, a case not started with a score).
    Inconsistent { case: BuiltIn },
}

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgressError::TooLong { chars } => write!(f, "progress text of {chars} characters"),
            ProgressError::UnknownVersion => f.write_str("not a progress text"),
            ProgressError::MalformedEntry { index } => write!(f, "progress entry {index} is malformed"),
            ProgressError::UnknownCase { code } => write!(f, "no case {code}"),
            ProgressError::RepeatedCase { case } => write!(f, "{} twice", case.rule().code()),
            ProgressError::Inconsistent { case } => write!(f, "{}'s state and score disagree", case.rule().code()),
        }
    }
}

impl std::error::Error for ProgressError {}

/// What SCORM 1.2's `cmi.suspend_data` holds, in characters.
pub const SUSPEND_DATA_MAX: usize = 4096;

/// The progress text's version: it starts every text but the empty one.
const VERSION: &str = "p1";

impl Progress {
    /// Nothing started.
    pub fn new() -> Progress {
        Progress::default()
    }

    pub fn get(&self, case: BuiltIn) -> CaseProgress {
        self.cases[index(case)]
    }

    /// An attempt at `case` begins. A case passed stays passed.
    pub fn start(&mut self, case: BuiltIn) {
        let entry = &mut self.cases[index(case)];
        if entry.state != CaseState::Passed {
            entry.state = CaseState::InProgress;
        }
    }

    /// An attempt at `case` ends with `score` (above 100 counts as 100):
    /// the best score kept, passed at [`MASTERY`] or once passed before.
    pub fn finish(&mut self, case: BuiltIn, score: u8) {
        let entry = &mut self.cases[index(case)];
        entry.best = entry.best.max(score.min(100));
        entry.state = if entry.best >= MASTERY { CaseState::Passed } else { CaseState::Failed };
    }

    /// Takes in `theirs`, the progress another tab (or the LMS) stored
    /// since this one last read or wrote `base`, so that neither loses
    /// what the other recorded. A case only one side changed takes that
    /// side's; a case both changed keeps the best score of the two, and is
    /// passed if either passed, else in progress if either has an attempt
    /// under way, else failed if either failed.
    pub fn merge(&mut self, base: &Progress, theirs: &Progress) {
        for ((mine, base), theirs) in self.cases.iter_mut().zip(base.cases).zip(theirs.cases) {
            if theirs == base {
                continue;
            }
            if *mine == base {
                *mine = theirs;
                continue;
            }
            let best = mine.best.max(theirs.best);
            let either = |state| mine.state == state || theirs.state == state;
            let state = if best >= MASTERY {
                CaseState::Passed
            } else if either(CaseState::InProgress) {
                CaseState::InProgress
            } else if either(CaseState::Failed) {
                CaseState::Failed
            } else {
                CaseState::NotStarted
            };
            *mine = CaseProgress { state, best };
        }
    }

    /// The compact text, for `cmi.suspend_data`: `p1`, then for each case
    /// started, `;` its rule code, `:`, its state's letter (N, I, P, F) and
    /// best score, e.g. `p1;R8:P90;R12:F35`. Cases not started are left
    /// out, so a case added later reads as not started from an older text.
    pub fn to_text(&self) -> String {
        let mut text = String::from(VERSION);
        for (case, entry) in BuiltIn::ALL.into_iter().zip(self.cases) {
            if entry != CaseProgress::default() {
                text.push_str(&format!(";{}:{}{}", case.rule().code(), entry.state.letter(), entry.best));
            }
        }
        text
    }

    /// Reads [`Progress::to_text`]'s form; the empty text (an LMS's
    /// `cmi.suspend_data` before anything is stored) is nothing started.
    /// Anything else malformed is refused, whole.
    pub fn from_text(text: &str) -> Result<Progress, ProgressError> {
        let chars = text.chars().count();
        if chars > SUSPEND_DATA_MAX {
            return Err(ProgressError::TooLong { chars });
        }
        if text.is_empty() {
            return Ok(Progress::new());
        }
        let mut parts = text.split(';');
        if parts.next() != Some(VERSION) {
            return Err(ProgressError::UnknownVersion);
        }
        let mut progress = Progress::new();
        let mut seen = [false; BuiltIn::ALL.len()];
        for (index_in_text, entry) in parts.enumerate() {
            let malformed = ProgressError::MalformedEntry { index: index_in_text };
            let (code, value) = entry.split_once(':').ok_or(malformed.clone())?;
            let case = BuiltIn::ALL
                .into_iter()
                .find(|c| c.rule().code() == code)
                .ok_or_else(|| ProgressError::UnknownCase { code: code.to_string() })?;
            let mut value_chars = value.chars();
            let state = value_chars.next().and_then(CaseState::from_letter).ok_or(malformed.clone())?;
            let best = parse_score(value_chars.as_str()).ok_or(malformed)?;
            let i = index(case);
            if std::mem::replace(&mut seen[i], true) {
                return Err(ProgressError::RepeatedCase { case });
            }
            let entry = best.map(|best| CaseProgress { state, best }).filter(|e| e.is_consistent());
            progress.cases[i] = entry.ok_or(ProgressError::Inconsistent { case })?;
        }
        Ok(progress)
    }
}

/// A score as written: decimal digits, no sign, no leading zero. `None`
/// when it is not written so; `Some(None)` when it is, but too large for a
/// `u8` (the consistency check then refuses it as above 100).
fn parse_score(digits: &str) -> Option<Option<u8>> {
    let canonical =
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'));
    // Over 3 digits is over 100 whatever it says, and would not fit a u8.
    canonical.then(|| if digits.len() > 3 { None } else { digits.parse::<u8>().ok() })
}

/// The place of `case` in [`BuiltIn::ALL`], the order of [`Progress`]'s cases.
fn index(case: BuiltIn) -> usize {
    BuiltIn::ALL.iter().position(|c| *c == case).unwrap_or(0)
}

/// What a learning platform is told (SCORM 1.2's `cmi.core.lesson_status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonStatus {
    /// A case is not finished yet.
    Incomplete,
    /// Every case finished, and the score is the mastery score or more.
    Passed,
    /// Every case finished, and the score is under the mastery score.
    Failed,
    /// What a platform may hold without this course having said it (its
    /// administrator marked the lesson done, or another course version
    /// did): never taken back to incomplete.
    Completed,
}

impl LessonStatus {
    /// A `cmi.core.lesson_status` a platform holds: passed, failed,
    /// completed, or (anything else: not attempted, browsed) not finished.
    pub fn from_scorm(status: &str) -> LessonStatus {
        match status {
            "passed" => LessonStatus::Passed,
            "failed" => LessonStatus::Failed,
            "completed" => LessonStatus::Completed,
            _ => LessonStatus::Incomplete,
        }
    }

    /// Not finished; failed; completed; passed: the order a record only
    /// goes up. A platform's completed (its administrator marked the lesson
    /// done) meets a platform's completion rule as passed does: only a pass
    /// is told over it.
    fn rank(self) -> u8 {
        match self {
            LessonStatus::Incomplete => 0,
            LessonStatus::Failed => 1,
            LessonStatus::Completed => 2,
            LessonStatus::Passed => 3,
        }
    }

    /// The vocabulary SCORM 1.2 gives `cmi.core.lesson_status`.
    pub fn as_scorm(self) -> &'static str {
        match self {
            LessonStatus::Incomplete => "incomplete",
            LessonStatus::Passed => "passed",
            LessonStatus::Failed => "failed",
            LessonStatus::Completed => "completed",
        }
    }
}

/// The whole practice's result, as a learning platform records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonResult {
    pub status: LessonStatus,
    /// 0 to 100: the mean over the nine cases of each one's best finished
    /// score (0 before any), rounded down (so 80 means every case counts).
    pub score: u8,
}

impl LessonResult {
    /// What a platform holds (`cmi.core.lesson_status` and
    /// `cmi.core.score.raw`), as this course reports it (a score of 0 for
    /// nothing yet).
    pub fn recorded(status: &str, raw_score: &str) -> LessonResult {
        LessonResult { status: LessonStatus::from_scorm(status), score: whole_score(raw_score).unwrap_or(0) }
    }

    /// What a platform that has recorded `recorded` is told of this
    /// result: nothing that takes back what it recorded. A practice reset,
    /// or a failed case tried again, makes the lesson incomplete here, but
    /// a platform's passed or failed stays, and so does a finished score
    /// higher than this one. `None`: the record stays as it is.
    pub fn to_report(self, recorded: LessonResult) -> Option<LessonResult> {
        let (now, then) = (self.status.rank(), recorded.status.rank());
        let better = now > then || (now == then && (now == 0 || self.score >= recorded.score));
        better.then_some(self)
    }
}

/// A score as SCORM 1.2 writes one (`cmi.core.score.raw`,
/// `cmi.student_data.mastery_score`): a decimal from 0 to 100, read to its
/// whole part (over 100 reads as 100) without a float parser, which would
/// weigh more in the WebAssembly than all of SCORM's glue. `None` for an
/// empty value or one that is not a number.
pub fn whole_score(raw: &str) -> Option<u8> {
    let whole = raw.trim().split('.').next().unwrap_or_default();
    whole.parse::<u64>().ok().map(|score| score.min(100) as u8)
}

impl Progress {
    /// The result a learning platform is told: incomplete until every case
    /// is passed or failed (a failed case tried again is under way until
    /// that attempt ends; a passed one stays passed), then passed or
    /// failed against `mastery`: the platform's mastery score where it
    /// gives one (its administrator may set another), else [`MASTERY`],
    /// the one the package's manifest states.
    pub fn lesson_result(&self, mastery: u8) -> LessonResult {
        let total: u32 = self.cases.iter().map(|c| u32::from(c.best)).sum();
        let score = u8::try_from(total / self.cases.len() as u32).unwrap_or(100);
        let finished = self.cases.iter().all(|c| matches!(c.state, CaseState::Passed | CaseState::Failed));
        let status = match (finished, score >= mastery) {
            (false, _) => LessonStatus::Incomplete,
            (true, true) => LessonStatus::Passed,
            (true, false) => LessonStatus::Failed,
        };
        LessonResult { status, score }
    }
}

/// A duration as SCORM 1.2's CMITimespan writes it, `HHHH:MM:SS.SS`
/// (hours on two to four digits), e.g. `00:02:05.40`; past 9999 hours it
/// stays at the most the format holds.
pub fn scorm_timespan(milliseconds: u64) -> String {
    const MOST: u64 = (9_999 * 3_600 + 59 * 60 + 59) * 100 + 99;
    let hundredths = (milliseconds / 10).min(MOST);
    let (hours, rest) = (hundredths / 360_000, hundredths % 360_000);
    let (minutes, rest) = (rest / 6_000, rest % 6_000);
    format!("{hours:02}:{minutes:02}:{:02}.{:02}", rest / 100, rest % 100)
}
