//! Native tests of practice mode: for each built-in case, its task passes
//! along the path its guided tour takes, along another path that reaches
//! the same outcome, and not on a plausible wrong end, which names what is
//! missing and its rule. Then the score's bounds and the progress text.
//! Commands run through the rules as the pages run them, on the case's own
//! scenario (`BuiltIn::scenario`).
#![cfg(not(target_arch = "wasm32"))]

use certlink::practice::*;
use certlink::rules::demo::{self, BuiltIn, LEARN_PASSWORD, WORK_PASSWORD};
use certlink::rules::profile::profile_limit;
use certlink::rules::support::Problem;
use certlink::rules::*;
use certlink::tours::{steps, Advance, Check};
use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;

fn now() -> Time {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

fn id(email: &str) -> AccountId {
    AccountId::from_email(email)
}

fn contoso() -> MpnId {
    MpnId(demo::CONTOSO.into())
}

fn fabrikam() -> MpnId {
    MpnId(demo::FABRIKAM.into())
}

fn link(email: &str, username: &str) -> Command {
    Command::LinkMcid { account: id(email), username: username.into(), password: LEARN_PASSWORD.into() }
}

/// One attempt at a case: its start, the scenario since, the refusals met.
struct Attempt {
    case: BuiltIn,
    start: Scenario,
    now: Scenario,
    refused: Vec<Refused>,
}

impl Attempt {
    fn new(case: BuiltIn) -> Attempt {
        let start = case.scenario(now());
        Attempt { case, now: start.clone(), start, refused: Vec::new() }
    }

    /// Runs `command` as `email` at `at`, as a page does: a
    /// refusal is kept for the check and the score, and changes nothing.
    fn run_at(&mut self, email: &str, at: Time, command: Command) -> Result<(), Refusal> {
        let actor = Actor::account(email);
        self.now
            .execute(&actor, at, &command)
            .map(|_| ())
            .inspect_err(|refusal| self.refused.push(Refused { actor, refusal: refusal.clone() }))
    }

    fn run(&mut self, email: &str, command: Command) -> Result<(), Refusal> {
        self.run_at(email, now(), command)
    }

    /// Runs a command the path needs to succeed.
    fn does(&mut self, email: &str, command: Command) -> &mut Attempt {
        if let Err(refusal) = self.run(email, command) {
            panic!("{:?}: refused on the way: {refusal} ({refusal:?})", self.case);
        }
        self
    }

    fn outcome(&self) -> Outcome {
        check(self.case, &self.start, &self.now, &self.refused)
    }

    fn persona(&self) -> &'static str {
        self.case.persona()
    }
}

fn missing(outcome: Outcome) -> Vec<Missing> {
    match outcome {
        Outcome::Passed => vec![],
        Outcome::NotYet(missing) => missing,
    }
}

/// What the person does on the page at a step that waits for them, as
/// tests/tours.rs plays it; `None` where the page only shows something.
fn the_persons_action(case: BuiltIn, check: Check, state: &State) -> Option<Command> {
    let me = id(case.persona());
    Some(match (case, check) {
        (BuiltIn::FirstLink, Check::McidLinked) => link(case.persona(), "priya.patel@outlook.com"),
        (BuiltIn::MovingCompany, Check::McidLinked) => link(case.persona(), "mia.moreau@outlook.com"),
        (BuiltIn::SameCredentials, Check::McidLinked) => Command::LinkMcidWithSameCredentials { account: me },
        (_, Check::PartnerUniversityAccess) => Command::GetPartnerUniversityAccess { account: me },
        (_, Check::McidUnlinked) => Command::RemoveAccess { account: me },
        (_, Check::AccountDeleted(email)) => Command::DeleteAccount { account: id(email) },
        (_, Check::OffTheReport(email)) => {
            Command::RemoveFromReport { mcid: state.account(&id(email))?.linked_mcid.clone()? }
        }
        (_, Check::InvitationVerified) => Command::VerifyInvitationEmail {
            account: id(demo::UNANSWERED_INVITATION),
            corrected: Some("noah@contoso.com".into()),
        },
        (_, Check::InvitationResent) => Command::ResendInvitation { account: id("noah@contoso.com") },
        (_, Check::TicketOpened) => {
            Command::OpenTicket { problem: Problem::McidMerge, details: "Two MCIDs".into(), started_on: now() }
        }
        // R15's form: the association the page refuses, showing the refusal.
        (BuiltIn::YearlyLimit, Check::Shown("refusal R15")) => link(case.persona(), "lena.lindqvist@outlook.com"),
        (_, Check::Shown(_)) => return None,
        other => panic!("no action for {other:?}"),
    })
}

/// The case's guided tour, played through the rules by its persona.
fn along_the_tour(case: BuiltIn) -> Attempt {
    let mut attempt = Attempt::new(case);
    for step in steps(case) {
        let Advance::When(check) = step.advance else { continue };
        if let Some(command) = the_persons_action(case, check, attempt.now.state()) {
            // R15's tour meets its refusal on purpose; every other step is done.
            let _ = attempt.run(attempt.persona(), command);
        }
    }
    attempt
}

#[test]
fn every_case_passes_along_its_guided_tour() {
    for case in BuiltIn::ALL {
        let attempt = along_the_tour(case);
        assert_eq!(attempt.outcome(), Outcome::Passed, "{case:?}");
        let expected_refusals = usize::from(case == BuiltIn::YearlyLimit);
        assert_eq!(attempt.refused.len(), expected_refusals, "{case:?}: {:?}", attempt.refused);
    }
}

#[test]
fn every_case_starts_not_yet_passed_and_says_what_is_missing() {
    for case in BuiltIn::ALL {
        let attempt = Attempt::new(case);
        let missing = missing(attempt.outcome());
        assert!(!missing.is_empty(), "{case:?} passes untouched");
        // What is missing concerns the rules the task practises.
        let goal = task(case).goal;
        assert!(missing.iter().all(|m| goal.rules().contains(&m.rule())), "{case:?}: {missing:?}");
    }
}

#[test]
fn every_task_has_its_cases_persona_goal_and_at_most_three_hints() {
    for case in BuiltIn::ALL {
        let task = task(case);
        assert_eq!(task.case, case);
        assert_eq!(task.persona, id(case.persona()));
        assert_eq!(task.goal.rules().first(), Some(&case.rule()), "{case:?}: the case's own rule first");
        assert!((1..=MAX_HINTS).contains(&task.hints.len()), "{case:?}: {} hints", task.hints.len());
        for hint in task.hints {
            assert!(!hint.rules().is_empty(), "{hint:?} cites no rule");
        }
    }
    let goals: Vec<Goal> = BuiltIn::ALL.into_iter().map(|c| task(c).goal).collect();
    assert!(goals.iter().enumerate().all(|(i, g)| !goals[..i].contains(g)), "one goal per case");
}

#[test]
fn each_missing_outcome_cites_its_rule() {
    let cases = [
        (Missing::McidNotLinkedTo(contoso()), Rule::R8),
        (Missing::NotLinkedByThePerson, Rule::R10),
        (Missing::NotLinkedWithSameCredentials, Rule::R9),
        (Missing::NoPartnerUniversityAccess, Rule::R6),
        (Missing::McidStillLinkedTo(contoso()), Rule::R11),
        (Missing::NotUnlinkedByThePerson, Rule::R10),
        (Missing::OldLinkNotEndedAutomatically(contoso()), Rule::R12),
        (Missing::AccountNotDeleted(id("leo@contoso.com")), Rule::R13),
        (Missing::McidStillInReport(contoso()), Rule::R13),
        (Missing::InvitationAddressNotCorrected(id(demo::UNANSWERED_INVITATION)), Rule::R14),
        (Missing::InvitationNotSentAgain, Rule::R14),
        (Missing::YearlyLimitNotMet, Rule::R15),
        (Missing::NoCertificationSupportTicket, Rule::R16),
        (Missing::NotFromThisStart, Rule::D4),
    ];
    for (missing, rule) in cases {
        assert_eq!(missing.rule(), rule, "{missing:?}");
    }
}

#[test]
fn a_scenario_that_does_not_continue_the_start_is_not_this_attempt() {
    let done = along_the_tour(BuiltIn::FirstLink);
    // Another start: the demo a day later, where the same link is made.
    let mut elsewhere = BuiltIn::FirstLink.scenario(now() + Duration::days(1));
    elsewhere
        .execute(
            &Actor::account("priya@contoso.com"),
            now() + Duration::days(1),
            &link("priya@contoso.com", "priya.patel@outlook.com"),
        )
        .unwrap();
    assert_eq!(
        check(BuiltIn::FirstLink, &done.start, &elsewhere, &[]),
        Outcome::NotYet(vec![Missing::NotFromThisStart])
    );
    // The start itself, checked against the attempt's end, is not its continuation either.
    assert_eq!(
        check(BuiltIn::FirstLink, &done.now, &done.start, &[]),
        Outcome::NotYet(vec![Missing::NotFromThisStart])
    );
}

#[test]
fn an_attempt_begun_again_on_its_case_loaded_afresh_keeps_its_hints_and_is_checked_there() {
    let first = BuiltIn::FirstLink.scenario(now());
    let mut run = Run::new(BuiltIn::FirstLink, &first);
    assert!(run.goes_on_in(&first));
    run.next_hint().unwrap();
    // The cases' space held something else since (a guided tour's case):
    // the case is loaded afresh, a minute later.
    let mut again = BuiltIn::FirstLink.scenario(now() + Duration::minutes(1));
    assert!(!run.goes_on_in(&again), "another start is not this attempt's");
    run.restart_on(&again);
    assert!(run.goes_on_in(&again));
    assert_eq!(run.hints_used(), 1, "the hint taken still counts");
    again
        .execute(
            &Actor::account("priya@contoso.com"),
            now() + Duration::minutes(2),
            &link("priya@contoso.com", "priya.patel@outlook.com"),
        )
        .unwrap();
    assert!(run.goes_on_in(&again));
    let outcome = run.check(&again);
    assert_eq!(outcome, Outcome::Passed);
    assert!(run.score(&outcome) < 100, "the hint costs points");
}

#[test]
fn the_same_attempt_in_two_tabs_keeps_the_hints_and_refusals_of_both() {
    let start = BuiltIn::FirstLink.scenario(now());
    let (mut here, mut there) = (Run::new(BuiltIn::FirstLink, &start), Run::new(BuiltIn::FirstLink, &start));
    there.next_hint().unwrap();
    there.next_hint().unwrap();
    here.met(&Refused { actor: Actor::account("priya@contoso.com"), refusal: Refusal::WrongMcidCredentials });
    let empty = Refusal::TextRequired { field: certlink::rules::refusal::Field::LearningPassword };
    here.met(&Refused { actor: Actor::account("priya@contoso.com"), refusal: empty });
    assert_eq!(here.refusals(), 1, "a field left empty is not a refusal met");
    here.merge(&there);
    assert_eq!((here.hints_used(), here.refusals()), (2, 1), "both tabs' counts");
    assert_eq!(here.rules_met(), [Rule::R8]);
    let passed = Outcome::Passed;
    assert!(here.score(&passed) < there.score(&passed), "the other tab's hints cost points here too");
    // Another attempt (the case begun again later) changes nothing.
    let mut later = Run::new(BuiltIn::FirstLink, &BuiltIn::FirstLink.scenario(now() + Duration::hours(1)));
    later.merge(&here);
    assert_eq!((later.hints_used(), later.refusals()), (0, 0));
}

#[test]
fn an_attempt_read_back_from_a_save_is_still_checked() {
    // A save is read back as a new copy of the start: compared, not shared.
    let done = along_the_tour(BuiltIn::MovingCompany);
    let start = Scenario::replay(done.start.initial().clone(), done.start.trail().to_vec());
    let now = Scenario::replay(done.now.initial().clone(), done.now.trail().to_vec());
    assert!(!now.extends(&start));
    assert_eq!(check(BuiltIn::MovingCompany, &start, &now, &[]), Outcome::Passed);
}

// FirstLink (R8, R10).

#[test]
fn first_link_passes_when_priya_gets_partner_university_access_first_and_types_her_username_loosely() {
    let mut attempt = Attempt::new(BuiltIn::FirstLink);
    attempt
        .does("priya@contoso.com", Command::GetPartnerUniversityAccess { account: id("priya@contoso.com") })
        .does("priya@contoso.com", link("priya@contoso.com", "  Priya.Patel@Outlook.com "));
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn first_link_is_not_done_by_an_admin_linking_priyas_mcid_for_her() {
    let mut attempt = Attempt::new(BuiltIn::FirstLink);
    let refusal = attempt.run("adam@contoso.com", link("priya@contoso.com", "priya.patel@outlook.com")).unwrap_err();
    assert_eq!(refusal.rule(), Rule::R10);
    assert_eq!(missing(attempt.outcome()), vec![Missing::McidNotLinkedTo(contoso())]);
}

#[test]
fn first_link_is_not_done_when_a_colleague_links_priyas_mcid_through_his_own_account() {
    // Sam knows Priya's Microsoft Learning credentials: the rules accept
    // the link (they are the credentials), but it is not Priya's.
    let mut attempt = Attempt::new(BuiltIn::FirstLink);
    attempt.does("sam@contoso.com", link("sam@contoso.com", "priya.patel@outlook.com"));
    assert_eq!(missing(attempt.outcome()), vec![Missing::NotLinkedByThePerson]);
}

// PartnerUniversityAccess (R6).

#[test]
fn partner_university_access_passes_when_removed_and_granted_again() {
    let sam = || Command::GetPartnerUniversityAccess { account: id("sam@contoso.com") };
    let mut attempt = Attempt::new(BuiltIn::PartnerUniversityAccess);
    attempt
        .does("sam@contoso.com", sam())
        .does("sam@contoso.com", Command::RemovePartnerUniversityAccess { account: id("sam@contoso.com") })
        .does("sam@contoso.com", sam());
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn partner_university_access_is_not_done_when_granted_then_removed() {
    let mut attempt = Attempt::new(BuiltIn::PartnerUniversityAccess);
    attempt
        .does("sam@contoso.com", Command::GetPartnerUniversityAccess { account: id("sam@contoso.com") })
        .does("sam@contoso.com", Command::RemovePartnerUniversityAccess { account: id("sam@contoso.com") });
    assert_eq!(missing(attempt.outcome()), vec![Missing::NoPartnerUniversityAccess]);
}

#[test]
fn partner_university_access_is_not_done_by_an_admin_granting_it_for_sam() {
    let mut attempt = Attempt::new(BuiltIn::PartnerUniversityAccess);
    let refusal = attempt
        .run("grace@contoso.com", Command::GetPartnerUniversityAccess { account: id("sam@contoso.com") })
        .unwrap_err();
    assert_eq!(refusal.rule(), Rule::R10);
    assert_eq!(missing(attempt.outcome()), vec![Missing::NoPartnerUniversityAccess]);
}

// SameCredentials (R9).

#[test]
fn same_credentials_passes_after_partner_university_access_is_removed_and_granted_again() {
    let sam = id("sam@contoso.com");
    let mut attempt = Attempt::new(BuiltIn::SameCredentials);
    attempt
        .does("sam@contoso.com", Command::RemovePartnerUniversityAccess { account: sam.clone() })
        .does("sam@contoso.com", Command::GetPartnerUniversityAccess { account: sam.clone() })
        .does("sam@contoso.com", Command::LinkMcidWithSameCredentials { account: sam });
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn same_credentials_is_not_done_by_typing_the_credentials_into_the_associate_form() {
    // Sam's Microsoft Learning credentials are his work ones (R9): the
    // form accepts them, but the case is the shortcut.
    let mut attempt = Attempt::new(BuiltIn::SameCredentials);
    attempt.does(
        "sam@contoso.com",
        Command::LinkMcid {
            account: id("sam@contoso.com"),
            username: "sam@contoso.com".into(),
            password: WORK_PASSWORD.into(),
        },
    );
    assert_eq!(missing(attempt.outcome()), vec![Missing::NotLinkedWithSameCredentials]);
}

#[test]
fn same_credentials_is_not_done_when_the_shortcut_is_refused_without_partner_university_access() {
    let sam = id("sam@contoso.com");
    let mut attempt = Attempt::new(BuiltIn::SameCredentials);
    attempt.does("sam@contoso.com", Command::RemovePartnerUniversityAccess { account: sam.clone() });
    let refusal = attempt.run("sam@contoso.com", Command::LinkMcidWithSameCredentials { account: sam }).unwrap_err();
    assert_eq!(refusal.rule(), Rule::R9);
    assert_eq!(missing(attempt.outcome()), vec![Missing::NotLinkedWithSameCredentials]);
}

// Unlink (R11, R10).

#[test]
fn unlink_passes_when_chen_removes_partner_university_access_too() {
    let chen = id("chen@contoso.com");
    let mut attempt = Attempt::new(BuiltIn::Unlink);
    attempt
        .does("chen@contoso.com", Command::RemovePartnerUniversityAccess { account: chen.clone() })
        .does("chen@contoso.com", Command::RemoveAccess { account: chen });
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn unlink_is_not_done_by_removing_partner_university_access_alone() {
    let mut attempt = Attempt::new(BuiltIn::Unlink);
    attempt.does("chen@contoso.com", Command::RemovePartnerUniversityAccess { account: id("chen@contoso.com") });
    assert_eq!(missing(attempt.outcome()), vec![Missing::McidStillLinkedTo(contoso())]);
}

#[test]
fn unlink_is_not_done_when_chen_links_again_afterwards() {
    let chen = id("chen@contoso.com");
    let mut attempt = Attempt::new(BuiltIn::Unlink);
    attempt
        .does("chen@contoso.com", Command::RemoveAccess { account: chen })
        .does("chen@contoso.com", link("chen@contoso.com", "chen.li@outlook.com"));
    assert_eq!(missing(attempt.outcome()), vec![Missing::McidStillLinkedTo(contoso())]);
}

#[test]
fn unlink_is_not_done_by_the_global_admin_deleting_chen_and_removing_him_from_the_report() {
    let chen = id("chen@contoso.com");
    let mut attempt = Attempt::new(BuiltIn::Unlink);
    let mcid = attempt.now.state().account(&chen).unwrap().linked_mcid.clone().unwrap();
    // While Chen has his account, only he unlinks (R10).
    let refusal = attempt.run("grace@contoso.com", Command::RemoveFromReport { mcid: mcid.clone() }).unwrap_err();
    assert_eq!(refusal.rule(), Rule::R10);
    attempt
        .does("grace@contoso.com", Command::DeleteAccount { account: chen })
        .does("grace@contoso.com", Command::RemoveFromReport { mcid });
    assert_eq!(missing(attempt.outcome()), vec![Missing::NotUnlinkedByThePerson]);
}

// MovingCompany (R12).

#[test]
fn moving_company_passes_when_mia_gets_partner_university_access_at_fabrikam_first() {
    let mut attempt = Attempt::new(BuiltIn::MovingCompany);
    attempt
        .does("mia@fabrikam.com", Command::GetPartnerUniversityAccess { account: id("mia@fabrikam.com") })
        .does("mia@fabrikam.com", link("mia@fabrikam.com", "MIA.MOREAU@outlook.com"));
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn moving_company_is_not_done_by_unlinking_from_contoso_by_hand_first() {
    // The MCID ends up with Fabrikam, but the point of R12 is that linking
    // with Fabrikam ends the Contoso link by itself.
    let mut attempt = Attempt::new(BuiltIn::MovingCompany);
    attempt
        .does("mia@contoso.com", Command::RemoveAccess { account: id("mia@contoso.com") })
        .does("mia@fabrikam.com", link("mia@fabrikam.com", "mia.moreau@outlook.com"));
    assert_eq!(attempt.now.state().link(&McidId("985006789".into())).map(|l| l.org.clone()), Some(fabrikam()));
    assert_eq!(missing(attempt.outcome()), vec![Missing::OldLinkNotEndedAutomatically(contoso())]);
}

#[test]
fn moving_company_is_not_done_when_mia_removes_access_at_fabrikam_afterwards() {
    let mut attempt = Attempt::new(BuiltIn::MovingCompany);
    attempt
        .does("mia@fabrikam.com", link("mia@fabrikam.com", "mia.moreau@outlook.com"))
        .does("mia@fabrikam.com", Command::RemoveAccess { account: id("mia@fabrikam.com") });
    assert_eq!(missing(attempt.outcome()), vec![Missing::McidNotLinkedTo(fabrikam())]);
}

#[test]
fn moving_company_untouched_misses_both_the_new_link_and_the_automatic_unlink() {
    assert_eq!(
        missing(Attempt::new(BuiltIn::MovingCompany).outcome()),
        vec![Missing::McidNotLinkedTo(fabrikam()), Missing::OldLinkNotEndedAutomatically(contoso())]
    );
}

// LeavingTheCompany (R13).

#[test]
fn leaving_passes_when_leo_unlinks_himself_before_his_account_is_deleted() {
    let mut attempt = Attempt::new(BuiltIn::LeavingTheCompany);
    attempt
        .does("leo@contoso.com", Command::RemoveAccess { account: id("leo@contoso.com") })
        .does("grace@contoso.com", Command::DeleteAccount { account: id("leo@contoso.com") });
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn leaving_is_not_done_while_leos_mcid_still_shows_in_contosos_report() {
    let mut attempt = Attempt::new(BuiltIn::LeavingTheCompany);
    attempt.does("grace@contoso.com", Command::DeleteAccount { account: id("leo@contoso.com") });
    assert_eq!(missing(attempt.outcome()), vec![Missing::McidStillInReport(contoso())]);
}

#[test]
fn leaving_is_not_done_by_removing_leo_from_the_report_while_he_still_has_his_account() {
    let mut attempt = Attempt::new(BuiltIn::LeavingTheCompany);
    let refusal =
        attempt.run("grace@contoso.com", Command::RemoveFromReport { mcid: McidId("985003456".into()) }).unwrap_err();
    assert_eq!(refusal.rule(), Rule::R10);
    assert_eq!(
        missing(attempt.outcome()),
        vec![Missing::AccountNotDeleted(id("leo@contoso.com")), Missing::McidStillInReport(contoso())]
    );
}

// UnansweredInvitation (R14).

fn verify(corrected: Option<&str>) -> Command {
    Command::VerifyInvitationEmail { account: id(demo::UNANSWERED_INVITATION), corrected: corrected.map(Into::into) }
}

fn resend(email: &str) -> Command {
    Command::ResendInvitation { account: id(email) }
}

#[test]
fn unanswered_invitation_passes_when_checked_first_then_corrected_as_typed_and_resent_twice() {
    let mut attempt = Attempt::new(BuiltIn::UnansweredInvitation);
    attempt
        .does("adam@contoso.com", verify(None))
        .does("adam@contoso.com", verify(Some(" Noah@Contoso.com ")))
        .does("adam@contoso.com", resend("noah@contoso.com"))
        .does("adam@contoso.com", resend("noah@contoso.com"));
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn unanswered_invitation_passes_when_the_global_admin_does_it() {
    let mut attempt = Attempt::new(BuiltIn::UnansweredInvitation);
    attempt
        .does("grace@contoso.com", verify(Some("noah@contoso.com")))
        .does("grace@contoso.com", resend("noah@contoso.com"));
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn unanswered_invitation_is_not_done_when_corrected_resent_then_moved_to_another_address() {
    let mut attempt = Attempt::new(BuiltIn::UnansweredInvitation);
    let moved_on = Command::VerifyInvitationEmail {
        account: id("noah@contoso.com"),
        corrected: Some("noah.n@contoso.com".into()),
    };
    attempt
        .does("adam@contoso.com", verify(Some("noah@contoso.com")))
        .does("adam@contoso.com", resend("noah@contoso.com"))
        .does("adam@contoso.com", moved_on);
    assert_eq!(
        missing(attempt.outcome()),
        vec![Missing::InvitationAddressNotCorrected(id(demo::UNANSWERED_INVITATION))]
    );
}

#[test]
fn unanswered_invitation_is_not_done_by_resending_to_the_mistyped_address() {
    let mut attempt = Attempt::new(BuiltIn::UnansweredInvitation);
    attempt.does("adam@contoso.com", verify(None)).does("adam@contoso.com", resend(demo::UNANSWERED_INVITATION));
    assert_eq!(
        missing(attempt.outcome()),
        vec![Missing::InvitationAddressNotCorrected(id(demo::UNANSWERED_INVITATION)), Missing::InvitationNotSentAgain]
    );
}

#[test]
fn unanswered_invitation_is_not_done_when_resent_before_the_correction() {
    let mut attempt = Attempt::new(BuiltIn::UnansweredInvitation);
    // A resend before the address is verified is refused (R14's order).
    let refused = attempt.run("adam@contoso.com", resend(demo::UNANSWERED_INVITATION)).unwrap_err();
    assert_eq!(refused, Refusal::VerifyAddressFirst { email: id(demo::UNANSWERED_INVITATION) });
    attempt.does("adam@contoso.com", verify(Some("noah@contoso.com")));
    assert_eq!(missing(attempt.outcome()), vec![Missing::InvitationNotSentAgain]);
}

#[test]
fn unanswered_invitation_is_not_done_by_inviting_the_right_address_anew() {
    let mut attempt = Attempt::new(BuiltIn::UnansweredInvitation);
    attempt
        .does(
            "adam@contoso.com",
            Command::InviteUser {
                email: "noah@contoso.com".into(),
                display_name: "Noah Nakamura".into(),
                role: Role::User,
                temporary_password: WORK_PASSWORD.into(),
                salt: "noah@contoso.com".into(),
            },
        )
        .does("adam@contoso.com", Command::VerifyInvitationEmail { account: id("noah@contoso.com"), corrected: None })
        .does("adam@contoso.com", resend("noah@contoso.com"));
    // The new invitation is sent, but the mistyped one is still there.
    assert_eq!(
        missing(attempt.outcome()),
        vec![Missing::InvitationAddressNotCorrected(id(demo::UNANSWERED_INVITATION))]
    );
}

// YearlyLimit (R15).

#[test]
fn yearly_limit_passes_when_lena_waits_for_the_date_in_her_profile_and_associates_again() {
    let mut attempt = Attempt::new(BuiltIn::YearlyLimit);
    let date = profile_limit(attempt.now.state(), &id("lena@contoso.com"), now()).unwrap().next_allowed.unwrap();
    attempt.run_at("lena@contoso.com", date, link("lena@contoso.com", "lena.lindqvist@outlook.com")).unwrap();
    assert!(attempt.refused.is_empty());
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn yearly_limit_is_not_met_by_a_wrong_password() {
    let mut attempt = Attempt::new(BuiltIn::YearlyLimit);
    let wrong = Command::LinkMcid {
        account: id("lena@contoso.com"),
        username: "lena.lindqvist@outlook.com".into(),
        password: "not her password".into(),
    };
    assert_eq!(attempt.run("lena@contoso.com", wrong).unwrap_err().rule(), Rule::R8);
    assert_eq!(missing(attempt.outcome()), vec![Missing::YearlyLimitNotMet]);
}

#[test]
fn yearly_limit_is_not_met_by_raising_the_limit_and_associating_before_the_date() {
    let mut attempt = Attempt::new(BuiltIn::YearlyLimit);
    let settings = LimitSettings { per_year: 10, cool_off_days: 0 };
    attempt.now.execute(&Actor::Trainer, now(), &Command::SetLimitSettings { settings }).unwrap();
    attempt.does("lena@contoso.com", link("lena@contoso.com", "lena.lindqvist@outlook.com"));
    assert_eq!(missing(attempt.outcome()), vec![Missing::YearlyLimitNotMet]);
}

#[test]
fn yearly_limit_is_not_met_by_someone_elses_refusal() {
    // Another person's R15 refusal, handed to the check, is not Lena's.
    let mut attempt = Attempt::new(BuiltIn::YearlyLimit);
    let _ = attempt.run("lena@contoso.com", link("lena@contoso.com", "lena.lindqvist@outlook.com"));
    for refused in &mut attempt.refused {
        refused.actor = Actor::account("priya@contoso.com");
    }
    assert_eq!(missing(attempt.outcome()), vec![Missing::YearlyLimitNotMet]);
}

// McidMerge (R16).

fn ticket(problem: Problem) -> Command {
    Command::OpenTicket { problem, details: "My two MCIDs".into(), started_on: now() - Duration::days(3) }
}

#[test]
fn mcid_merge_passes_when_the_merge_ticket_follows_a_technical_one() {
    let mut attempt = Attempt::new(BuiltIn::McidMerge);
    attempt
        .does("chen@contoso.com", ticket(Problem::LinkingTechnical))
        .does("chen@contoso.com", ticket(Problem::McidMerge));
    assert_eq!(attempt.outcome(), Outcome::Passed);
}

#[test]
fn mcid_merge_is_not_done_by_a_ticket_to_microsoft_support() {
    let mut attempt = Attempt::new(BuiltIn::McidMerge);
    attempt.does("chen@contoso.com", ticket(Problem::LinkingTechnical));
    assert_eq!(missing(attempt.outcome()), vec![Missing::NoCertificationSupportTicket]);
}

#[test]
fn mcid_merge_is_not_done_by_someone_elses_merge_ticket() {
    let mut attempt = Attempt::new(BuiltIn::McidMerge);
    attempt.does("priya@contoso.com", ticket(Problem::McidMerge));
    assert_eq!(missing(attempt.outcome()), vec![Missing::NoCertificationSupportTicket]);
}

// The score.

#[test]
fn a_clean_pass_scores_100_and_hints_and_refusals_take_off_down_to_40() {
    assert_eq!(score(true, 0, 0), 100);
    assert_eq!(score(true, 1, 0), 90);
    assert_eq!(score(true, 2, 0), MASTERY, "two hints still pass");
    assert!(score(true, 3, 0) < MASTERY, "three hints do not");
    assert_eq!(score(true, 0, 4), MASTERY, "four refusals still pass");
    assert!(score(true, 0, 5) < MASTERY);
    assert_eq!(score(true, 3, 10), 40);
    assert_eq!(score(true, u32::MAX, u32::MAX), 40);
    assert_eq!(score(false, 0, 0), 0);
    assert_eq!(score(false, u32::MAX, 0), 0);
}

#[test]
fn the_tours_path_scores_a_pass_and_the_yearly_limit_refusal_costs_little() {
    for case in BuiltIn::ALL {
        let attempt = along_the_tour(case);
        let refusals = u32::try_from(attempt.refused.len()).unwrap();
        assert!(score(attempt.outcome().is_passed(), 0, refusals) >= MASTERY, "{case:?}");
    }
}

proptest! {
    #[test]
    fn score_stays_within_bounds_and_never_rises_with_hints_or_refusals(
        hints in 0u32..50, refusals in 0u32..50, more in 1u32..5,
    ) {
        let reached = score(true, hints, refusals);
        prop_assert!((40..=100).contains(&reached));
        prop_assert!(reached > score(false, hints, refusals), "reaching the goal always scores more");
        prop_assert!(score(false, hints, refusals) <= 30);
        prop_assert!(score(true, hints + more, refusals) <= reached);
        prop_assert!(score(true, hints, refusals + more) <= reached);
        prop_assert!(score(false, hints + more, refusals + more) <= score(false, hints, refusals));
    }
}

// Progress.

#[test]
fn progress_passes_a_case_at_mastery_and_keeps_the_pass_and_the_best_score() {
    let mut progress = Progress::new();
    let case = BuiltIn::MovingCompany;
    assert_eq!(progress.get(case).state(), CaseState::NotStarted);
    progress.start(case);
    assert_eq!(progress.get(case).state(), CaseState::InProgress);
    progress.finish(case, 70);
    assert_eq!((progress.get(case).state(), progress.get(case).best()), (CaseState::Failed, 70));
    progress.start(case);
    progress.finish(case, 90);
    assert_eq!((progress.get(case).state(), progress.get(case).best()), (CaseState::Passed, 90));
    progress.start(case);
    assert_eq!(progress.get(case).state(), CaseState::Passed, "a new attempt does not take the pass away");
    progress.finish(case, 40);
    assert_eq!((progress.get(case).state(), progress.get(case).best()), (CaseState::Passed, 90));
    assert_eq!(progress.get(BuiltIn::FirstLink), CaseProgress::default());
}

#[test]
fn progress_text_names_each_case_by_its_rule() {
    let mut progress = Progress::new();
    assert_eq!(progress.to_text(), "p1");
    progress.finish(BuiltIn::FirstLink, 90);
    progress.start(BuiltIn::MovingCompany);
    progress.finish(BuiltIn::McidMerge, 35);
    assert_eq!(progress.to_text(), "p1;R8:P90;R12:I0;R16:F35");
    assert_eq!(Progress::from_text("p1;R16:F35;R12:I0;R8:P90"), Ok(progress), "in any order");
    assert_eq!(Progress::from_text(""), Ok(Progress::new()), "an LMS's empty suspend_data is a new start");
}

#[test]
fn progress_text_of_all_nine_at_their_longest_stays_far_under_scorm_suspend_data() {
    let mut progress = Progress::new();
    for case in BuiltIn::ALL {
        progress.finish(case, 100);
    }
    let text = progress.to_text();
    assert_eq!(Progress::from_text(&text), Ok(progress));
    assert!(text.chars().count() <= SUSPEND_DATA_MAX / 40, "{} characters: {text}", text.len());
    assert!(text.is_ascii());
}

#[test]
fn malformed_progress_text_is_refused_with_its_reason() {
    use ProgressError::*;
    let refusals: [(&str, ProgressError); 20] = [
        ("p2", UnknownVersion),
        ("P1", UnknownVersion),
        (";R8:P90", UnknownVersion),
        ("R8:P90", UnknownVersion),
        ("p1;", MalformedEntry { index: 0 }),
        ("p1;R8", MalformedEntry { index: 0 }),
        ("p1;R8:", MalformedEntry { index: 0 }),
        ("p1;R8:P", MalformedEntry { index: 0 }),
        ("p1;R8:X90", MalformedEntry { index: 0 }),
        ("p1;R8:P090", MalformedEntry { index: 0 }),
        ("p1;R8:P+90", MalformedEntry { index: 0 }),
        ("p1;R8:P9 0", MalformedEntry { index: 0 }),
        ("p1;R8:P90;R6:I-1", MalformedEntry { index: 1 }),
        ("p1;R99:P90", UnknownCase { code: "R99".into() }),
        ("p1;r8:P90", UnknownCase { code: "r8".into() }),
        ("p1;R8:P90;R8:P95", RepeatedCase { case: BuiltIn::FirstLink }),
        ("p1;R8:P79", Inconsistent { case: BuiltIn::FirstLink }),
        ("p1;R8:P101", Inconsistent { case: BuiltIn::FirstLink }),
        ("p1;R8:F80", Inconsistent { case: BuiltIn::FirstLink }),
        ("p1;R8:N5", Inconsistent { case: BuiltIn::FirstLink }),
    ];
    for (text, error) in refusals {
        assert_eq!(Progress::from_text(text), Err(error), "{text:?}");
    }
    assert_eq!(Progress::from_text("p1;R8:P99999999999999999999"), Err(Inconsistent { case: BuiltIn::FirstLink }));
    let long = format!("p1{}", ";R8:P90".repeat(600));
    assert_eq!(Progress::from_text(&long), Err(TooLong { chars: long.len() }));
    assert_eq!(Progress::from_text("p1;R8:N0"), Ok(Progress::new()), "a case written as not started reads so");
}

/// A progress reached by a person's attempts: starts and finishes in any order.
fn progress_from(moves: &[(usize, Option<u8>)]) -> Progress {
    let mut progress = Progress::new();
    for &(case, finished) in moves {
        let case = BuiltIn::ALL[case % BuiltIn::ALL.len()];
        match finished {
            None => progress.start(case),
            Some(score) => progress.finish(case, score),
        }
    }
    progress
}

proptest! {
    #[test]
    fn progress_reads_back_what_it_wrote(moves in proptest::collection::vec((0usize..9, proptest::option::of(any::<u8>())), 0..40)) {
        let progress = progress_from(&moves);
        let text = progress.to_text();
        prop_assert!(text.chars().count() <= SUSPEND_DATA_MAX);
        prop_assert_eq!(Progress::from_text(&text), Ok(progress));
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in "(p1)?[;:RNIPF0-9a-z+\\- ]{0,40}") {
        if let Ok(progress) = Progress::from_text(&text) {
            // What is read is a progress the methods could have made.
            prop_assert_eq!(Progress::from_text(&progress.to_text()), Ok(progress));
        }
    }

    #[test]
    fn arbitrary_unicode_is_read_or_refused_without_panicking(text in "\\PC{0,60}") {
        let _ = Progress::from_text(&text);
    }
}

// A run: the attempt under way, as the practice page keeps it across reloads.

/// The attempt's refusals, met by a run begun on its start.
fn run_of(attempt: &Attempt) -> Run {
    let mut run = Run::new(attempt.case, &attempt.start);
    attempt.refused.iter().for_each(|refused| run.met(refused));
    run
}

#[test]
fn a_run_checks_as_the_attempt_does_for_every_case_and_survives_its_text() {
    for case in BuiltIn::ALL {
        let attempt = along_the_tour(case);
        let run = run_of(&attempt);
        assert_eq!(run.check(&attempt.now), Outcome::Passed, "{case:?}");
        let read = Run::from_text(&run.to_text()).unwrap();
        assert_eq!(read, run, "{case:?}: {}", run.to_text());
        assert_eq!(read.check(&attempt.now), Outcome::Passed, "{case:?} read back");
        assert!(!Run::new(case, &attempt.start).check(&attempt.start).is_passed(), "{case:?} untouched");
    }
}

#[test]
fn a_run_read_back_remembers_lenas_limit_met() {
    // R15's refusal changes nothing in the scenario: only the run keeps it.
    let attempt = along_the_tour(BuiltIn::YearlyLimit);
    assert!(attempt.refused.iter().any(|r| r.refusal.rule() == Rule::R15));
    let read = Run::from_text(&run_of(&attempt).to_text()).unwrap();
    // Meeting it is the goal: not counted as a wrong move.
    assert_eq!(read.refusals(), 0);
    assert_eq!(read.rules_met(), &[] as &[Rule]);
    assert_eq!(read.score(&Outcome::Passed), 100);
    assert_eq!(read.check(&attempt.now), Outcome::Passed);
    let forgotten = Run::from_text(&read.to_text().replace(";L", ";-")).unwrap();
    assert_eq!(missing(forgotten.check(&attempt.now)), vec![Missing::YearlyLimitNotMet]);
}

#[test]
fn a_run_begun_after_earlier_events_checks_only_its_own() {
    // Mia linked with Fabrikam before the run began: the run's own events
    // hold no automatic unlink, so it is not done yet.
    let mut before = Attempt::new(BuiltIn::MovingCompany);
    before.does("mia@fabrikam.com", link("mia@fabrikam.com", "mia.moreau@outlook.com"));
    let run = Run::new(BuiltIn::MovingCompany, &before.now);
    assert!(!run.check(&before.now).is_passed());
    // A scenario with fewer events than the run began on is not its own.
    assert_eq!(missing(run.check(&before.start)), vec![Missing::NotFromThisStart]);
}

#[test]
fn another_case_put_in_the_tasks_place_is_not_checked_as_the_task() {
    // A task on R6 (Partner University access) is under way; a guided tour
    // of R9 loads its own case in the task's place a minute later, where
    // Sam already has that access. It does not pass R6's task.
    let start = BuiltIn::PartnerUniversityAccess.scenario(now());
    let run = Run::new(BuiltIn::PartnerUniversityAccess, &start);
    let tour = BuiltIn::SameCredentials.scenario(now() + Duration::minutes(1));
    assert!(tour.trail().len() > start.trail().len(), "the access is an event past the task's start");
    assert_eq!(missing(run.check(&tour)), vec![Missing::NotFromThisStart]);
    let read = Run::from_text(&run.to_text()).unwrap();
    assert_eq!(missing(read.check(&tour)), vec![Missing::NotFromThisStart], "after a reload too");
    // The task's own scenario, with the access got, passes.
    assert_eq!(
        run_of(&along_the_tour(BuiltIn::PartnerUniversityAccess))
            .check(&along_the_tour(BuiltIn::PartnerUniversityAccess).now),
        Outcome::Passed
    );
    // An `r1` run text, which has no start time, reads too.
    let older = run.to_text().rsplit_once(';').unwrap().0.replacen("r2;", "r1;", 1);
    assert!(Run::from_text(&older).is_ok(), "{older}");
}

#[test]
fn hints_are_given_in_order_counted_once_each_and_cost_points() {
    let attempt = along_the_tour(BuiltIn::FirstLink);
    let mut run = run_of(&attempt);
    assert_eq!(run.score(&Outcome::Passed), 100);
    let hints = task(BuiltIn::FirstLink).hints;
    for (shown, hint) in hints.iter().enumerate() {
        assert_eq!(run.hints_shown().len(), shown);
        assert_eq!(run.next_hint(), Some(*hint));
    }
    assert_eq!(run.next_hint(), None, "no hint past the last");
    assert_eq!(run.hints_shown(), hints);
    assert_eq!(run.hints_used(), hints.len() as u32);
    assert_eq!(run.score(&Outcome::Passed), 100 - 10 * hints.len() as u8);
    assert_eq!(Run::from_text(&run.to_text()).unwrap(), run);
}

#[test]
fn refusals_are_counted_each_time_and_their_rules_kept_once() {
    let mut attempt = Attempt::new(BuiltIn::Unlink);
    for _ in 0..2 {
        let _ = attempt.run("chen@contoso.com", link("chen@contoso.com", "someone.else@outlook.com"));
    }
    let _ = attempt.run("chen@contoso.com", Command::DeleteAccount { account: id("leo@contoso.com") });
    let run = run_of(&attempt);
    assert_eq!(run.refusals(), 3);
    assert_eq!(run.rules_met().len(), 2, "{:?}", run.rules_met());
    attempt.does("chen@contoso.com", Command::RemoveAccess { account: id("chen@contoso.com") });
    assert_eq!(run.check(&attempt.now), Outcome::Passed);
    assert_eq!(run.score(&Outcome::Passed), 85);
    assert_eq!(run.score(&Outcome::NotYet(vec![Missing::NotFromThisStart])), 0);
}

#[test]
fn a_run_text_out_of_range_or_malformed_is_refused_whole() {
    let good = run_of(&along_the_tour(BuiltIn::YearlyLimit)).to_text();
    assert!(Run::from_text(&good).is_ok());
    for bad in [
        "",
        "r2;R15;0;0;1;R15;L",
        "r1;R3;0;0;0;;-",       // no case for R3
        "r1;R15;0;4;0;;-",      // more hints than the task has
        "r1;R15;0;0;1001;R8;-", // more refusals than a run counts
        "r1;R15;01;0;0;;-",     // not a number as written
        "r1;R15;-1;0;0;;-",
        "r1;R15;99999999999;0;0;;-",
        "r1;R15;0;0;1;R8,R8;-", // a rule twice
        "r1;R15;0;0;0;R8;-",    // a rule met with no refusal
        "r1;R15;0;0;1;R99;-",
        "r1;R15;0;0;0;;x",
        "r1;R15;0;0;0;;-;more",
        "r2;R15;0;0;0;;-;",    // no time of the start
        "r2;R15;0;0;0;;-;017", // not a number as written
        "r2;R15;0;0;0;;-;-0",
        "r2;R15;0;0;0;;-;--5",
        "r2;R15;0;0;0;;-;9223372036854775808",
    ] {
        assert_eq!(Run::from_text(bad), Err(RunTextError), "{bad:?}");
    }
}

proptest! {
    #[test]
    fn any_run_text_is_read_or_refused_never_panics(text in ".{0,60}") {
        if let Ok(run) = Run::from_text(&text) {
            prop_assert_eq!(Run::from_text(&run.to_text()), Ok(run));
        }
    }
}

#[test]
fn merging_two_tabs_progress_keeps_what_each_changed_and_the_best_of_what_both_changed() {
    let mut base = Progress::new();
    base.start(BuiltIn::Unlink);
    base.start(BuiltIn::FirstLink);
    // This tab: passes FirstLink, gives Unlink up.
    let mut here = base.clone();
    here.finish(BuiltIn::FirstLink, 90);
    here.finish(BuiltIn::Unlink, 0);
    // Another tab meanwhile: FirstLink at 50, McidMerge passed.
    let mut there = base.clone();
    there.finish(BuiltIn::FirstLink, 50);
    there.finish(BuiltIn::McidMerge, 85);
    here.merge(&base, &there);
    assert_eq!(here.get(BuiltIn::FirstLink).state(), CaseState::Passed);
    assert_eq!(here.get(BuiltIn::FirstLink).best(), 90);
    // Only this tab changed Unlink: its own giving up stands, not the
    // attempt the other tab still saw under way.
    assert_eq!(here.get(BuiltIn::Unlink).state(), CaseState::Failed);
    assert_eq!(here.get(BuiltIn::McidMerge).state(), CaseState::Passed);
    assert_eq!(here.get(BuiltIn::YearlyLimit).state(), CaseState::NotStarted);
}

proptest! {
    #[test]
    fn a_merge_is_a_progress_the_methods_could_make_and_either_order_gives_it(
        base in proptest::collection::vec((0usize..9, proptest::option::of(any::<u8>())), 0..10),
        a in proptest::collection::vec((0usize..9, proptest::option::of(any::<u8>())), 0..20),
        b in proptest::collection::vec((0usize..9, proptest::option::of(any::<u8>())), 0..20),
    ) {
        let then = |moves: &[(usize, Option<u8>)]| progress_from(&[&base[..], moves].concat());
        let start = progress_from(&base);
        let (mut ab, mut ba) = (then(&a), then(&b));
        ab.merge(&start, &then(&b));
        ba.merge(&start, &then(&a));
        prop_assert_eq!(&ab, &ba);
        prop_assert_eq!(Progress::from_text(&ab.to_text()), Ok(ab.clone()));
        for case in BuiltIn::ALL {
            let best = then(&a).get(case).best().max(then(&b).get(case).best());
            prop_assert_eq!(ab.get(case).best(), best);
        }
        // Nothing changed on the other side: a merge changes nothing.
        let mut alone = then(&a);
        alone.merge(&start, &start);
        prop_assert_eq!(alone, then(&a));
    }
}

// What a learning platform is told (SCORM 1.2).

#[test]
fn the_lesson_is_incomplete_until_every_case_is_finished_then_passed_or_failed_at_mastery() {
    let mut progress = Progress::new();
    assert_eq!(progress.lesson_result(MASTERY), LessonResult { status: LessonStatus::Incomplete, score: 0 });
    progress.finish(BuiltIn::FirstLink, 100);
    progress.finish(BuiltIn::PartnerUniversityAccess, 100);
    // Two cases of nine at 100: 22, not a pass on its way.
    assert_eq!(progress.lesson_result(MASTERY), LessonResult { status: LessonStatus::Incomplete, score: 22 });
    for case in BuiltIn::ALL {
        progress.finish(case, 80);
    }
    assert_eq!(progress.lesson_result(MASTERY), LessonResult { status: LessonStatus::Passed, score: 84 });
    let mut failed = Progress::new();
    for case in BuiltIn::ALL {
        failed.finish(case, if case == BuiltIn::McidMerge { 0 } else { 85 });
    }
    // Eight at 85, one at 0: 75, under the mastery score.
    assert_eq!(failed.lesson_result(MASTERY), LessonResult { status: LessonStatus::Failed, score: 75 });
    // A new attempt under way makes the lesson incomplete again.
    failed.start(BuiltIn::McidMerge);
    assert_eq!(failed.lesson_result(MASTERY).status, LessonStatus::Incomplete);
    assert_eq!(
        [LessonStatus::Incomplete, LessonStatus::Passed, LessonStatus::Failed].map(LessonStatus::as_scorm),
        ["incomplete", "passed", "failed"]
    );
}

#[test]
fn the_lesson_passes_at_the_mastery_score_the_platform_gives() {
    let mut progress = Progress::new();
    for case in BuiltIn::ALL {
        progress.finish(case, if case == BuiltIn::McidMerge { 100 } else { 60 });
    }
    // Eight at 60, one at 100: 64. Under the manifest's 80; over a
    // platform's 60, and at a platform's 64.
    assert_eq!(progress.lesson_result(MASTERY), LessonResult { status: LessonStatus::Failed, score: 64 });
    assert_eq!(progress.lesson_result(60), LessonResult { status: LessonStatus::Passed, score: 64 });
    assert_eq!(progress.lesson_result(64).status, LessonStatus::Passed);
    assert_eq!(progress.lesson_result(65).status, LessonStatus::Failed);
    // Not finished stays incomplete, whatever the mastery score.
    progress.start(BuiltIn::FirstLink);
    assert_eq!(progress.lesson_result(0).status, LessonStatus::Incomplete);
    // The platform's value reads as its scores do; none, or not a number,
    // leaves the manifest's.
    assert_eq!(whole_score("60"), Some(60));
    assert_eq!(whole_score(" 72.5 "), Some(72));
    assert_eq!(whole_score("250"), Some(100));
    for none in ["", "  ", "abc", "-5", "1e2"] {
        assert_eq!(whole_score(none), None, "{none:?}");
    }
}

#[test]
fn a_session_time_is_written_as_scorm_1_2_timespans_are() {
    assert_eq!(scorm_timespan(0), "00:00:00.00");
    assert_eq!(scorm_timespan(125_409), "00:02:05.40");
    assert_eq!(scorm_timespan(36_000_000 + 61_000), "10:01:01.00");
    assert_eq!(scorm_timespan(u64::MAX), "9999:59:59.99");
}

#[test]
fn a_platform_is_never_told_less_than_it_recorded() {
    use LessonStatus::*;
    let result = |status, score| LessonResult { status, score };
    // Nothing recorded yet: every result is told.
    for now in [result(Incomplete, 0), result(Failed, 40), result(Passed, 90)] {
        assert_eq!(now.to_report(result(Incomplete, 0)), Some(now));
    }
    // A reset, or a failed case tried again, after the lesson passed or
    // failed on the platform: the record stays.
    assert_eq!(result(Incomplete, 0).to_report(result(Passed, 92)), None);
    assert_eq!(result(Incomplete, 50).to_report(result(Failed, 70)), None);
    assert_eq!(result(Failed, 75).to_report(result(Passed, 80)), None);
    assert_eq!(result(Passed, 85).to_report(result(Passed, 92)), None);
    // Better is told.
    assert_eq!(result(Passed, 81).to_report(result(Failed, 79)), Some(result(Passed, 81)));
    assert_eq!(result(Passed, 95).to_report(result(Passed, 92)), Some(result(Passed, 95)));
    // What a platform holds reads as this course reports it.
    assert_eq!(LessonResult::recorded("passed", "92.5"), result(Passed, 92));
    assert_eq!(LessonResult::recorded("failed", "100"), result(Failed, 100));
    assert_eq!(LessonResult::recorded("failed", "1000"), result(Failed, 100), "over 100 reads as 100");
    for raw in ["", "  ", "abc", "-5", "1e2"] {
        assert_eq!(LessonResult::recorded("incomplete", raw), result(Incomplete, 0), "{raw:?}");
    }
    assert_eq!(LessonStatus::from_scorm("passed"), Passed);
    assert_eq!(LessonStatus::from_scorm("failed"), Failed);
    // A lesson the platform holds as completed (its administrator marked
    // it so) is never told incomplete or failed; a pass is told.
    let completed = LessonResult::recorded("completed", "");
    assert_eq!(completed, result(Completed, 0));
    assert_eq!(result(Incomplete, 60).to_report(completed), None);
    assert_eq!(result(Incomplete, 0).to_report(completed), None);
    assert_eq!(result(Failed, 40).to_report(completed), None);
    assert_eq!(result(Failed, 100).to_report(completed), None);
    assert_eq!(result(Passed, 90).to_report(completed), Some(result(Passed, 90)));
    for other in ["not attempted", "incomplete", "browsed", ""] {
        assert_eq!(LessonStatus::from_scorm(other), Incomplete, "{other}");
    }
}

#[test]
fn a_field_left_empty_costs_no_points_whichever_form_it_is_on() {
    let mut attempt = Attempt::new(BuiltIn::UnansweredInvitation);
    let ticket = Command::OpenTicket { problem: Problem::McidMerge, details: "  ".into(), started_on: now() };
    let empties = [
        ("adam@contoso.com", verify(Some(""))),
        ("adam@contoso.com", verify(Some("   "))),
        ("adam@contoso.com", ticket),
        (
            "priya@contoso.com",
            Command::LinkMcid { account: id("priya@contoso.com"), username: "".into(), password: "".into() },
        ),
    ];
    let mut run = Run::new(BuiltIn::UnansweredInvitation, &attempt.start);
    for (email, command) in empties {
        let refusal = attempt.run(email, command).expect_err("an empty field is refused");
        run.met(&Refused { actor: Actor::account(email), refusal });
    }
    assert_eq!((run.refusals(), run.rules_met()), (0, &[][..]), "{:?}", attempt.refused);
    // A field filled wrongly still counts.
    let refusal = attempt.run("adam@contoso.com", verify(Some("not an address"))).unwrap_err();
    run.met(&Refused { actor: Actor::account("adam@contoso.com"), refusal });
    assert_eq!(run.refusals(), 1);
}
