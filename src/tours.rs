//! Guided tours: for each built-in scenario, the steps a person
//! takes through the app, each pointing at one control by its `data-tour`
//! name and quoting the source's words for that step.
//!
//! Pure data and pure checks, with no browser crate: the overlay in
//! [`crate::views::tour`] shows them. Native tests check that every target
//! is named by a view and that every step waiting for an action can be
//! completed through the rules.

use crate::i18n::source::Source;
use crate::route::Route;
use crate::rules::demo::BuiltIn;
use crate::rules::{AccountId, AccountState, State};

/// One step of a tour.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The page the control is on; the tour goes there first.
    pub page: Route,
    /// The `data-tour` name of the control to use.
    pub target: &'static str,
    /// The source's words for this step, quoted.
    pub says: &'static [Source],
    /// Certlink's own words, where the source has none for this step.
    pub note: Option<Note>,
    pub advance: Advance,
}

/// How a step ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advance {
    /// Next (or a click on the control) moves on.
    Next,
    /// The person clicks the control; the next step needs what it opens.
    Click,
    /// The person does the step until `Check` holds; then the tour moves on.
    When(Check),
}

/// What a step waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The signed-in person has an MCID linked (R8, R9, R12).
    McidLinked,
    /// The signed-in person has no MCID linked (R11).
    McidUnlinked,
    /// The signed-in person has Partner University access (R6).
    PartnerUniversityAccess,
    /// This account is deleted (R13).
    AccountDeleted(&'static str),
    /// No MCID is linked to this account any more (R13).
    OffTheReport(&'static str),
    /// An invitation of the person's organisation has its address verified (R14).
    InvitationVerified,
    /// An invitation of the person's organisation was sent again (R14).
    InvitationResent,
    /// The signed-in person opened a support ticket (R16).
    TicketOpened,
    /// The control with this `data-tour` name is on the page (a refusal
    /// shown, an answer routed): the page, not the state, shows it.
    Shown(&'static str),
}

/// Certlink's words for a step (worded in `views::tour`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// The demo credentials to type: this username, the demo password.
    Credentials(&'static str),
    /// The mistyped address, and the one to verify instead.
    CorrectAddress { from: &'static str, to: &'static str },
    /// Resend sends the details again.
    Resend,
    /// The audit trail keeps the automatic unlink with both organisations.
    AutomaticUnlinkKept,
    /// The person who left is no longer in the report.
    OffTheReport,
    /// Support gathers the evidence from the scenario.
    Evidence,
    /// Describe the question and open the ticket.
    OpenTicket,
    /// The ticket is listed in the scenario.
    TicketListed,
}

impl Check {
    /// Whether the check holds in `state` for the signed-in `person`.
    /// `Shown` is the page's to answer, so it is `None` here.
    pub fn holds(self, state: &State, person: &AccountId) -> Option<bool> {
        let me = state.account(person);
        let org_invitations = || {
            state.data().accounts.values().filter_map(move |a| match &a.state {
                AccountState::Invited(invitation) if me.is_some_and(|m| m.org == a.org) => Some(invitation),
                _ => None,
            })
        };
        Some(match self {
            Check::McidLinked => me.is_some_and(|a| a.linked_mcid.is_some()),
            Check::McidUnlinked => me.is_some_and(|a| a.linked_mcid.is_none()),
            Check::PartnerUniversityAccess => me.is_some_and(|a| a.partner_university_since.is_some()),
            Check::AccountDeleted(email) => {
                state.account(&AccountId::from_email(email)).is_some_and(|a| a.is_deleted())
            }
            Check::OffTheReport(email) => {
                let id = AccountId::from_email(email);
                !state.data().links.values().any(|link| link.account == id)
            }
            Check::InvitationVerified => org_invitations().any(|i| i.email_verified_at.is_some()),
            Check::InvitationResent => org_invitations().any(|i| !i.resent_at.is_empty()),
            Check::TicketOpened => state.data().tickets.iter().any(|t| &t.account == person),
            Check::Shown(_) => return None,
        })
    }
}

fn step(page: Route, target: &'static str, says: &'static [Source], advance: Advance) -> Step {
    Step { page, target, says, note: None, advance }
}

fn noted(page: Route, target: &'static str, says: &'static [Source], note: Note, advance: Advance) -> Step {
    Step { page, target, says, note: Some(note), advance }
}

/// The tour of `built_in`, in order.
pub fn steps(built_in: BuiltIn) -> Vec<Step> {
    use Advance::*;
    use Route::{Profile, SkillsReport, Support, Timeline, Users};
    use Source::*;
    match built_in {
        BuiltIn::FirstLink => vec![
            step(Profile, "profile-button", &[PuStep2], Next),
            step(Profile, "associate", &[MlStep2], Click),
            noted(
                Profile,
                "mcid-form",
                &[MlStep3],
                Note::Credentials("priya.patel@outlook.com"),
                When(Check::McidLinked),
            ),
            step(Profile, "linked-mcid", &[Competency, FaqLinkPrivacy], Next),
        ],
        BuiltIn::PartnerUniversityAccess => vec![
            step(Profile, "profile-button", &[PuStep2], Next),
            step(Profile, "get-pu-access", &[PuStep3], When(Check::PartnerUniversityAccess)),
            step(Profile, "pu-since", &[PuStep3Associated, PuStep3Within72h, PuStep3NewlyPassed], Next),
            step(Profile, "remove-pu-access", &[PuStep4], Next),
        ],
        BuiltIn::SameCredentials => vec![
            step(Profile, "pu-since", &[PuStep3Associated], Next),
            step(Profile, "same-credentials", &[MlSameCredentials], When(Check::McidLinked)),
            step(Profile, "linked-mcid", &[Competency], Next),
        ],
        BuiltIn::MovingCompany => vec![
            step(Profile, "exams", &[FaqMoveAnswer], Next),
            step(Profile, "associate", &[MlStep2], Click),
            noted(
                Profile,
                "mcid-form",
                &[MlStep3],
                Note::Credentials("mia.moreau@outlook.com"),
                When(Check::McidLinked),
            ),
            step(Profile, "outcome", &[FaqMoveAutomatic], Next),
            noted(Timeline, "auto-unlink", &[], Note::AutomaticUnlinkKept, Next),
        ],
        BuiltIn::LeavingTheCompany => vec![
            step(Users, "delete leo@contoso.com", &[FaqLeaveDelete], Click),
            step(Users, "confirm", &[FaqLeaveDelete], When(Check::AccountDeleted("leo@contoso.com"))),
            step(
                SkillsReport,
                "remove-from-report leo@contoso.com",
                &[FaqLeaveReport],
                When(Check::OffTheReport("leo@contoso.com")),
            ),
            noted(SkillsReport, "report", &[], Note::OffTheReport, Next),
        ],
        BuiltIn::UnansweredInvitation => vec![
            step(Users, "invitations", &[FaqNoResponseCase], Next),
            step(Users, "verify noah@contso.com", &[FaqNoResponseAnswer], Click),
            noted(
                Users,
                "verify-form",
                &[],
                Note::CorrectAddress { from: "noah@contso.com", to: "noah@contoso.com" },
                When(Check::InvitationVerified),
            ),
            noted(
                Users,
                "resend noah@contoso.com",
                &[FaqNoResponseAnswer],
                Note::Resend,
                When(Check::InvitationResent),
            ),
        ],
        BuiltIn::YearlyLimit => vec![
            step(Profile, "associate", &[FaqLimitedCase], Click),
            noted(
                Profile,
                "mcid-form",
                &[MlStep3],
                Note::Credentials("lena.lindqvist@outlook.com"),
                When(Check::Shown("refusal R15")),
            ),
            step(Profile, "yearly-limit", &[FaqLimitedAbuse, FaqLimitedDate], Next),
            step(Support, "problems", &[FaqLimitedSupport], Next),
        ],
        BuiltIn::McidMerge => vec![
            step(Support, "problems", &[SupportMerge], When(Check::Shown("advice-certification"))),
            noted(Support, "evidence", &[SupportMerge], Note::Evidence, Next),
            noted(Support, "ticket-form", &[], Note::OpenTicket, When(Check::TicketOpened)),
            noted(Support, "tickets", &[], Note::TicketListed, Next),
        ],
        BuiltIn::Unlink => vec![
            // PuStep4's Remove access is Partner University's; the FAQ's
            // answer is the MCID's.
            step(Profile, "profile-button", &[PuStep2], Next),
            step(Profile, "remove-access", &[FaqUnlinkAnswer], When(Check::McidUnlinked)),
            step(Profile, "exams", &[FaqUnlinkPrivacy], Next),
        ],
    }
}

/// How many steps `built_in`'s tour has, as [`steps`] lists them; an
/// address is checked against it in the first WebAssembly file, which does
/// not carry the steps themselves (a test holds the two together).
pub fn step_count(built_in: BuiltIn) -> usize {
    match built_in {
        BuiltIn::SameCredentials | BuiltIn::Unlink => 3,
        BuiltIn::MovingCompany => 5,
        _ => 4,
    }
}

/// A tour under way: which, and the step (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TourAt {
    pub tour: BuiltIn,
    pub step: usize,
}

impl TourAt {
    /// Reads `?tour=r12&step=3` after a hash route (steps count from 1 in
    /// the address, as on screen). An unknown tour or step is `None`.
    pub fn from_hash(hash: &str) -> Option<TourAt> {
        let param = |name: &str| crate::route::query_param(hash, name);
        let code = param("tour")?;
        let tour = BuiltIn::from_code(code)?;
        let step = param("step").map_or(Some(1), |s| s.parse::<usize>().ok())?;
        (1..=step_count(tour)).contains(&step).then(|| TourAt { tour, step: step - 1 })
    }

    /// The step the tour is at.
    pub fn current(self) -> Step {
        steps(self.tour).swap_remove(self.step)
    }

    /// The query a hash route carries for this tour and step.
    pub fn query(self) -> String {
        format!("?tour={}&step={}", self.tour.rule().code().to_ascii_lowercase(), self.step + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_count_is_the_number_of_steps_of_each_tour() {
        for tour in BuiltIn::ALL {
            assert_eq!(step_count(tour), steps(tour).len(), "{tour:?}");
        }
    }

    #[test]
    fn tour_and_step_round_trip_through_the_address() {
        for tour in BuiltIn::ALL {
            for step in 0..steps(tour).len() {
                let at = TourAt { tour, step };
                assert_eq!(TourAt::from_hash(&format!("#/profile{}", at.query())), Some(at));
            }
        }
        assert_eq!(TourAt::from_hash("#/profile"), None);
        assert_eq!(TourAt::from_hash("#/profile?tour=r99&step=1"), None);
        assert_eq!(TourAt::from_hash("#/profile?tour=r8&step=0"), None);
        assert_eq!(TourAt::from_hash("#/profile?tour=r8&step=99"), None);
        assert_eq!(TourAt::from_hash("#/profile?tour=R8"), Some(TourAt { tour: BuiltIn::FirstLink, step: 0 }));
    }
}
