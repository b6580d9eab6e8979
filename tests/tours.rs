//! Native tests of the guided tours: every control a step points
//! at is named by a view, every tour starts on its scenario's persona, and
//! every step that waits for the person can be done through the rules:
//! its check is false when the step starts and true after the command the
//! page runs. The browser runs (tests/e2e/tours.spec.ts) drive the same
//! tours through the UI.

use certlink::rules::demo::{BuiltIn, LEARN_PASSWORD};
use certlink::rules::support::Problem;
use certlink::rules::*;
use certlink::tours::{steps, Advance, Check};
use chrono::{TimeZone, Utc};

fn now() -> Time {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

fn id(email: &str) -> AccountId {
    AccountId::from_email(email)
}

/// Every view's source text (and the shell's), where `data-tour` names are
/// written; not `src/tours.rs`, which names them too.
fn view_sources() -> String {
    let mut all = std::fs::read_to_string("src/app.rs").unwrap();
    for entry in std::fs::read_dir("src/views").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tour.rs") {
            all.push_str(&std::fs::read_to_string(path).unwrap());
        }
    }
    all
}

#[test]
fn every_step_points_at_a_control_a_view_names() {
    let sources = view_sources();
    let named = |name: &str| match name.split_once(' ') {
        // A control of one person, e.g. "delete leo@contoso.com": named as
        // `data-tour=format!("delete {id}")` or similar.
        Some((kind, _)) => sources.contains(&format!("data-tour=format!(\"{kind} {{")),
        // Written as `data-tour="name"`, or returned by a function the
        // attribute calls: the quoted name is in a view's source either way.
        None => sources.contains(&format!("\"{name}\"")) && sources.contains("data-tour="),
    };
    for tour in BuiltIn::ALL {
        let all = steps(tour);
        assert!(all.len() >= 3, "{tour:?} has {} steps", all.len());
        for (i, step) in all.iter().enumerate() {
            assert!(named(step.target), "{tour:?} step {}: no view names data-tour {:?}", i + 1, step.target);
            assert!(!step.says.is_empty() || step.note.is_some(), "{tour:?} step {} says nothing", i + 1);
            if let Advance::When(Check::Shown(name)) = step.advance {
                assert!(named(name), "{tour:?} step {} waits for {name:?}, which no view shows", i + 1);
            }
        }
    }
}

/// What the person does on the page at a step that waits for them, as the
/// rules command the page runs.
fn the_persons_action(tour: BuiltIn, check: Check) -> (Actor, Command) {
    let me = id(tour.persona());
    let as_me = Actor::Account(me.clone());
    let username =
        |u: &str| Command::LinkMcid { account: me.clone(), username: u.into(), password: LEARN_PASSWORD.into() };
    let command = match (tour, check) {
        (BuiltIn::FirstLink, Check::McidLinked) => username("priya.patel@outlook.com"),
        (BuiltIn::MovingCompany, Check::McidLinked) => username("mia.moreau@outlook.com"),
        (BuiltIn::SameCredentials, Check::McidLinked) => Command::LinkMcidWithSameCredentials { account: me.clone() },
        (_, Check::PartnerUniversityAccess) => Command::GetPartnerUniversityAccess { account: me.clone() },
        (_, Check::McidUnlinked) => Command::RemoveAccess { account: me.clone() },
        (_, Check::AccountDeleted(email)) => Command::DeleteAccount { account: id(email) },
        (_, Check::InvitationVerified) => Command::VerifyInvitationEmail {
            account: id("noah@contso.com"),
            corrected: Some("noah@contoso.com".into()),
        },
        (_, Check::InvitationResent) => Command::ResendInvitation { account: id("noah@contoso.com") },
        (_, Check::TicketOpened) => {
            Command::OpenTicket { problem: Problem::McidMerge, details: "Two MCIDs".into(), started_on: now() }
        }
        other => panic!("no action for {other:?}"),
    };
    (as_me, command)
}

#[test]
fn every_step_waiting_for_the_person_can_be_done_through_the_rules() {
    for tour in BuiltIn::ALL {
        let mut scenario = tour.scenario(now());
        let me = scenario.sign_in_as(&Actor::Trainer, tour.persona()).expect("the persona can be played");
        for (i, step) in steps(tour).iter().enumerate() {
            let Advance::When(check) = step.advance else { continue };
            // R13's report step: removing the person who left from the report.
            if let Check::OffTheReport(email) = check {
                let mcid =
                    scenario.state().account(&id(email)).and_then(|a| a.linked_mcid.clone()).expect("still linked");
                assert_eq!(check.holds(scenario.state(), &me), Some(false), "{tour:?} step {}", i + 1);
                scenario.execute(&Actor::Account(me.clone()), now(), &Command::RemoveFromReport { mcid }).unwrap();
                assert_eq!(check.holds(scenario.state(), &me), Some(true), "{tour:?} step {}", i + 1);
                continue;
            }
            // What the page shows is the page's to check (the browser tests do).
            if matches!(check, Check::Shown(_)) {
                assert_eq!(check.holds(scenario.state(), &me), None);
                continue;
            }
            assert_eq!(
                check.holds(scenario.state(), &me),
                Some(false),
                "{tour:?} step {} is done before it starts",
                i + 1
            );
            let (actor, command) = the_persons_action(tour, check);
            scenario.execute(&actor, now(), &command).unwrap_or_else(|r| panic!("{tour:?} step {}: {r}", i + 1));
            assert_eq!(
                check.holds(scenario.state(), &me),
                Some(true),
                "{tour:?} step {} not done by its action",
                i + 1
            );
        }
    }
}

#[test]
fn the_yearly_limit_tour_meets_the_r15_refusal() {
    // Its second step waits for the refusal the page shows: the rules give it.
    let mut scenario = BuiltIn::YearlyLimit.scenario(now());
    let lena = id("lena@contoso.com");
    let link = Command::LinkMcid {
        account: lena.clone(),
        username: "lena.lindqvist@outlook.com".into(),
        password: LEARN_PASSWORD.into(),
    };
    let refusal = scenario.execute(&Actor::Account(lena), now(), &link).unwrap_err();
    assert_eq!(refusal.rule(), Rule::R15);
}

#[test]
fn every_faq_question_has_its_tour() {
    use certlink::i18n::faq::FaqEntry;
    for entry in FaqEntry::ALL {
        assert!(BuiltIn::ALL.iter().any(|b| b.rule() == entry.rule()), "{entry:?} has no tour");
    }
}
