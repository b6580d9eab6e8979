//! Native tests of the rules: one or more per rule R1-R16 and decision
//! D1-D7, named after it, asserting what a person would see. They run on
//! the built-in demo scenario (see `src/rules/demo.rs`).

use certlink::rules::audit::{filter_trail, Holder, TrailFilter};
use certlink::rules::demo::{self, LEARN_PASSWORD, WORK_PASSWORD};
use certlink::rules::limit::YEAR;
use certlink::rules::refusal::LimitReason;
use certlink::rules::reports::{competency_status, skills_report, RowStatus, SkillSource};
use certlink::rules::support::{route_support, Evidence, Problem, SupportRoute};
use certlink::rules::*;
use chrono::{Duration, TimeZone, Timelike, Utc};

fn now() -> Time {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

fn demo() -> Scenario {
    demo::scenario(now())
}

fn id(email: &str) -> AccountId {
    AccountId::from_email(email)
}

fn who(email: &str) -> Actor {
    Actor::account(email)
}

fn contoso() -> MpnId {
    MpnId(demo::CONTOSO.into())
}

fn fabrikam() -> MpnId {
    MpnId(demo::FABRIKAM.into())
}

fn link(email: &str, username: &str, password: &str) -> Command {
    Command::LinkMcid { account: id(email), username: username.into(), password: password.into() }
}

/// Runs a command that must be refused, and checks it changed nothing.
fn refused(s: &mut Scenario, actor: &Actor, at: Time, command: &Command) -> Refusal {
    let before = s.clone();
    let refusal = s.execute(actor, at, command).expect_err("the command should be refused");
    assert_eq!(*s, before, "a refused command must change nothing");
    refusal
}

/// Lena, at her yearly limit in the demo, associates her MCID again (R15).
fn lena_links() -> Command {
    link("lena@contoso.com", "lena.lindqvist@outlook.com", LEARN_PASSWORD)
}

fn report_people(s: &Scenario, admin: &str, org: &MpnId, at: Time) -> Vec<String> {
    let report = skills_report(s.state(), &who(admin), org, at).unwrap();
    let mut people: Vec<String> = report.rows.iter().map(|r| r.person.clone()).collect();
    people.dedup();
    people
}

#[test]
fn demo_history_is_valid_and_complete() {
    let s = demo();
    s.check_invariants().unwrap();
    // Every history line was accepted: 6 for Lena, 1 Leo, 2 Chen, 1 Mia, 1 invitation.
    assert_eq!(s.trail().len(), 11);
}

#[test]
fn the_large_organisation_built_a_slice_at_a_time_is_the_one_built_at_once() {
    let at_once = demo::large_organisation(now(), 25);
    let mut builder = demo::LargeOrganisation::new(now(), 25);
    let mut slices = 1;
    while !builder.build(7) {
        slices += 1;
    }
    // 25 people in 4 slices, the last ending with the start of their
    // history; then 25 histories in 4.
    assert_eq!(slices, 8);
    let sliced = builder.finish();
    assert!(sliced == at_once, "the sliced organisation differs");
    // The whole organisation: every person linked, every other one with
    // Partner University access.
    let state = sliced.state();
    let person = |i: usize| state.account(&id(&demo::large_email(i))).expect("person in the organisation");
    assert!((0..25).all(|i| person(i).linked_mcid.is_some()));
    assert_eq!((0..25).filter(|&i| person(i).partner_university_since.is_some()).count(), 13);
}

#[test]
fn r1_every_partner_center_user_may_link_their_own_mcid() {
    let mut s = demo();
    let events = s
        .execute(
            &who("priya@contoso.com"),
            now(),
            &link("priya@contoso.com", "priya.patel@outlook.com", LEARN_PASSWORD),
        )
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind.rule(), Rule::R8);
    let priya = s.state().account(&id("priya@contoso.com")).unwrap();
    assert_eq!(priya.role, Role::User);
    assert_eq!(priya.linked_mcid, Some(McidId("985001234".into())));
}

#[test]
fn r2_only_admins_review_skills_reports_and_competency() {
    let s = demo();
    let refusal = skills_report(s.state(), &who("priya@contoso.com"), &contoso(), now()).unwrap_err();
    assert_eq!(refusal, Refusal::AdminOnly);
    assert_eq!(refusal.rule(), Rule::R2);
    assert_eq!(
        competency_status(s.state(), &who("priya@contoso.com"), &contoso(), now()).unwrap_err().rule(),
        Rule::R2
    );
    assert!(skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now()).is_ok());
    assert!(skills_report(s.state(), &who("grace@contoso.com"), &contoso(), now()).is_ok());
}

#[test]
fn r2_r5_an_admin_cannot_read_another_organisations_report() {
    let s = demo();
    let refusal = skills_report(s.state(), &who("adam@contoso.com"), &fabrikam(), now()).unwrap_err();
    assert_eq!(refusal, Refusal::NotInOrganisation { org: fabrikam() });
    assert_eq!(refusal.rule(), Rule::R5);
}

#[test]
fn r3_competency_is_met_by_people_with_linked_mcids() {
    let mut s = demo();
    let status = competency_status(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    let cloud = status.iter().find(|c| c.requirement.name == "Cloud Platform").unwrap();
    // Only Chen counts: Cloud Platform needs two people.
    assert_eq!((cloud.people_counted, cloud.met), (1, false));
    // Priya links an MCID with AZ-104; once it appears (D7), the competency is met.
    s.execute(&who("priya@contoso.com"), now(), &link("priya@contoso.com", "priya.patel@outlook.com", LEARN_PASSWORD))
        .unwrap();
    let soon = competency_status(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    let cloud = soon.iter().find(|c| c.requirement.name == "Cloud Platform").unwrap();
    assert_eq!((cloud.people_counted, cloud.people_pending, cloud.met), (1, 1, false));
    let later =
        competency_status(s.state(), &who("adam@contoso.com"), &contoso(), now() + Duration::hours(72)).unwrap();
    let cloud = later.iter().find(|c| c.requirement.name == "Cloud Platform").unwrap();
    assert_eq!((cloud.people_counted, cloud.met), (2, true));
}

#[test]
fn r4_an_mcid_is_linked_to_a_single_membership_at_a_time() {
    let mut s = demo();
    let mia = McidId("985006789".into());
    assert_eq!(s.state().link(&mia).unwrap().org, contoso());
    assert_eq!(s.state().account(&id("mia@contoso.com")).unwrap().linked_mcid, Some(mia.clone()));
    assert!(report_people(&s, "adam@contoso.com", &contoso(), now()).contains(&"Mia Moreau".to_string()));
    s.execute(&who("mia@fabrikam.com"), now(), &link("mia@fabrikam.com", "mia.moreau@outlook.com", LEARN_PASSWORD))
        .unwrap();
    // Linked with Fabrikam, it is no longer Contoso's: her Contoso account
    // shows no MCID, and Contoso's report no longer lists her.
    assert_eq!(s.state().account(&id("mia@contoso.com")).unwrap().linked_mcid, None);
    assert!(!report_people(&s, "adam@contoso.com", &contoso(), now()).contains(&"Mia Moreau".to_string()));
    assert_eq!(s.state().account(&id("mia@fabrikam.com")).unwrap().linked_mcid, Some(mia.clone()));
    assert_eq!(s.state().link(&mia).unwrap().org, fabrikam());
    // Linking it again where it already is: refused, citing R4.
    let refusal = refused(
        &mut s,
        &who("mia@fabrikam.com"),
        now(),
        &link("mia@fabrikam.com", "mia.moreau@outlook.com", LEARN_PASSWORD),
    );
    assert_eq!(refusal, Refusal::AlreadyLinked { mcid: mia, org: fabrikam() });
    assert_eq!(refusal.rule(), Rule::R4);
}

#[test]
fn r5_sign_in_needs_the_work_account_and_its_password() {
    let mut s = demo();
    assert_eq!(s.sign_in(now(), " Priya@Contoso.com ", WORK_PASSWORD).unwrap(), id("priya@contoso.com"));
    let before = s.clone();
    assert_eq!(s.sign_in(now(), "priya@contoso.com", "wrong").unwrap_err(), Refusal::WrongPassword);
    let unknown = s.sign_in(now(), "nobody@contoso.com", WORK_PASSWORD).unwrap_err();
    assert_eq!(unknown.rule(), Rule::R5);
    assert_eq!(s, before, "a failed sign-in changes nothing");
}

#[test]
fn r5_an_empty_sign_in_field_is_named_before_the_account_is_looked_up() {
    use certlink::rules::refusal::Field;
    let mut s = demo();
    let before = s.clone();
    for (email, password, field) in [
        ("", WORK_PASSWORD, Field::WorkEmail),
        ("   ", "", Field::WorkEmail),
        ("priya@contoso.com", "", Field::WorkPassword),
        ("nobody@contoso.com", "", Field::WorkPassword),
    ] {
        let refusal = s.sign_in(now(), email, password).unwrap_err();
        assert_eq!(refusal, Refusal::TextRequired { field }, "{email:?} / {password:?}");
        assert_eq!(refusal.rule(), Rule::R5);
    }
    assert_eq!(s, before, "an empty field changes nothing");
}

#[test]
fn r5_a_user_cannot_act_in_an_organisation_they_are_not_in() {
    let mut s = demo();
    let refusal =
        refused(&mut s, &who("adam@contoso.com"), now(), &Command::DeleteAccount { account: id("felix@fabrikam.com") });
    // Adam is no Global Admin: R13 speaks first; Grace is, but not in Fabrikam.
    assert_eq!(refusal.rule(), Rule::R13);
    let refusal = refused(
        &mut s,
        &who("grace@contoso.com"),
        now(),
        &Command::DeleteAccount { account: id("felix@fabrikam.com") },
    );
    assert_eq!(refusal, Refusal::NotInOrganisation { org: fabrikam() });
}

#[test]
fn the_skills_report_gives_a_person_their_mcid_on_every_row_of_theirs() {
    let s = demo();
    let report = skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    let chen: Vec<_> = report.rows.iter().filter(|r| r.account == id("chen@contoso.com")).collect();
    let sources: Vec<_> = chen.iter().map(|r| r.source).collect();
    assert!(sources.contains(&SkillSource::PartnerUniversity) && sources.contains(&SkillSource::MicrosoftLearning));
    // "Associated in PMC" is the person's, whichever the proof's source.
    assert!(chen.iter().all(|r| r.mcid == Some(McidId("985005678".into())) && r.associated_in_pmc), "{chen:?}");
    // Someone with no MCID linked has none on their assessments' rows.
    let mut s = demo();
    s.execute(&who("sam@contoso.com"), now(), &Command::GetPartnerUniversityAccess { account: id("sam@contoso.com") })
        .unwrap();
    let report = skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    let sam: Vec<_> = report.rows.iter().filter(|r| r.account == id("sam@contoso.com")).collect();
    assert!(!sam.is_empty(), "Sam's assessment is in the report");
    assert!(sam.iter().all(|r| r.mcid.is_none() && !r.associated_in_pmc), "{sam:?}");
}

#[test]
fn r6_partner_university_access_fills_the_report_within_72_hours() {
    let mut s = demo();
    s.execute(&who("sam@contoso.com"), now(), &Command::GetPartnerUniversityAccess { account: id("sam@contoso.com") })
        .unwrap();
    let report = skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    let sam: Vec<_> = report.rows.iter().filter(|r| r.account == id("sam@contoso.com")).collect();
    assert_eq!(sam.len(), 1);
    assert_eq!(sam[0].source, SkillSource::PartnerUniversity);
    let RowStatus::Pending { from, to, .. } = sam[0].status else { panic!("pending until its moment") };
    assert_eq!((from, to), (now(), now() + Duration::hours(72)));
    let later = skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now() + Duration::hours(72)).unwrap();
    let sam_later: Vec<_> = later.rows.iter().filter(|r| r.account == id("sam@contoso.com")).collect();
    assert!(!sam_later.is_empty() && sam_later.iter().all(|r| r.counts()), "{sam_later:?}");
    // Asking twice is refused with R6.
    let again = refused(
        &mut s,
        &who("sam@contoso.com"),
        now(),
        &Command::GetPartnerUniversityAccess { account: id("sam@contoso.com") },
    );
    assert_eq!(again.rule(), Rule::R6);
}

#[test]
fn r6_newly_passed_assessments_take_7_to_10_days() {
    let mut s = demo();
    let t0 = now();
    s.execute(&who("chen@contoso.com"), t0, &Command::GetPartnerUniversityAccess { account: id("chen@contoso.com") })
        .unwrap_err();
    let passed = t0 + Duration::days(1);
    let credential = Credential {
        code: "PU-SEC-101".into(),
        title: "Security foundations".into(),
        kind: CredentialKind::Assessment,
        passed_on: passed,
    };
    s.execute(
        &Actor::Trainer,
        passed,
        &Command::RecordPassed { holder: Holder::PartnerUniversity("chen@contoso.com".into()), credential },
    )
    .unwrap();
    let row_at = |at| {
        skills_report(s.state(), &who("adam@contoso.com"), &contoso(), at)
            .unwrap()
            .rows
            .into_iter()
            .find(|r| r.code == "PU-SEC-101")
            .unwrap()
    };
    assert!(matches!(row_at(passed + Duration::days(7) - Duration::minutes(1)).status, RowStatus::Pending { .. }));
    assert!(row_at(passed + Duration::days(10)).counts());
}

#[test]
fn r7_remove_access_ends_the_partner_university_association() {
    let mut s = demo();
    let before = skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    assert!(before.rows.iter().any(|r| r.person == "Chen Li" && r.source == SkillSource::PartnerUniversity));
    s.execute(
        &who("chen@contoso.com"),
        now(),
        &Command::RemovePartnerUniversityAccess { account: id("chen@contoso.com") },
    )
    .unwrap();
    let report = skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    // Chen's rows from his MCID stay; none from Partner University is left.
    assert!(report.rows.iter().any(|r| r.person == "Chen Li"), "{report:?}");
    assert!(report.rows.iter().all(|r| r.source != SkillSource::PartnerUniversity));
    let again = refused(
        &mut s,
        &who("chen@contoso.com"),
        now(),
        &Command::RemovePartnerUniversityAccess { account: id("chen@contoso.com") },
    );
    assert_eq!(again, Refusal::NoPartnerUniversityAccess);
    assert_eq!(again.rule(), Rule::R7);
}

#[test]
fn r8_associating_needs_the_mcid_credentials_and_wrong_ones_change_nothing() {
    let mut s = demo();
    let wrong = refused(
        &mut s,
        &who("priya@contoso.com"),
        now(),
        &link("priya@contoso.com", "priya.patel@outlook.com", "Learn#2025"),
    );
    assert_eq!(wrong, Refusal::WrongMcidCredentials);
    assert_eq!(wrong.rule(), Rule::R8);
    let unknown = refused(
        &mut s,
        &who("priya@contoso.com"),
        now(),
        &link("priya@contoso.com", "nobody@outlook.com", LEARN_PASSWORD),
    );
    assert_eq!(unknown, wrong, "an unknown username and a wrong password read the same");
    use certlink::rules::refusal::Field;
    for (username, password, field) in [
        (" ", LEARN_PASSWORD, Field::LearningUsername),
        ("", "", Field::LearningUsername),
        ("priya.patel@outlook.com", "", Field::LearningPassword),
    ] {
        let empty = refused(&mut s, &who("priya@contoso.com"), now(), &link("priya@contoso.com", username, password));
        assert_eq!(empty, Refusal::TextRequired { field }, "{username:?} / {password:?}");
        assert_eq!(empty.rule(), Rule::R8);
    }
    s.execute(&who("priya@contoso.com"), now(), &link("priya@contoso.com", "PRIYA.PATEL@outlook.com", LEARN_PASSWORD))
        .unwrap();
    assert_eq!(s.state().link(&McidId("985001234".into())).unwrap().account, id("priya@contoso.com"));
}

#[test]
fn r9_same_credentials_shortcut_needs_partner_university_access() {
    let mut s = demo();
    let shortcut = Command::LinkMcidWithSameCredentials { account: id("sam@contoso.com") };
    let early = refused(&mut s, &who("sam@contoso.com"), now(), &shortcut);
    assert_eq!(early, Refusal::SameCredentialsUnavailable);
    assert_eq!(early.rule(), Rule::R9);
    s.execute(&who("sam@contoso.com"), now(), &Command::GetPartnerUniversityAccess { account: id("sam@contoso.com") })
        .unwrap();
    let events = s.execute(&who("sam@contoso.com"), now(), &shortcut).unwrap();
    assert_eq!(events[0].kind.rule(), Rule::R9);
    assert_eq!(s.state().link(&McidId("985002345".into())).unwrap().method, LinkMethod::SameCredentials);
    // Priya has no Microsoft Learning account under her work email.
    s.execute(
        &who("priya@contoso.com"),
        now(),
        &Command::GetPartnerUniversityAccess { account: id("priya@contoso.com") },
    )
    .unwrap();
    let none = refused(
        &mut s,
        &who("priya@contoso.com"),
        now(),
        &Command::LinkMcidWithSameCredentials { account: id("priya@contoso.com") },
    );
    assert_eq!(none.rule(), Rule::R9);
}

#[test]
fn r10_nobody_links_or_unlinks_someone_elses_mcid_admins_included() {
    let mut s = demo();
    for admin in ["grace@contoso.com", "adam@contoso.com", "priya@contoso.com"] {
        let by_admin =
            refused(&mut s, &who(admin), now(), &link("chen@contoso.com", "priya.patel@outlook.com", LEARN_PASSWORD));
        assert_eq!(by_admin, Refusal::NotYourOwn { owner: id("chen@contoso.com") });
        let unlink = refused(&mut s, &who(admin), now(), &Command::RemoveAccess { account: id("chen@contoso.com") });
        assert_eq!(unlink.rule(), Rule::R10);
        let pu = refused(
            &mut s,
            &who(admin),
            now(),
            &Command::RemovePartnerUniversityAccess { account: id("chen@contoso.com") },
        );
        assert_eq!(pu.rule(), Rule::R10);
    }
    // Nor may the Global Admin remove a current employee from the report.
    let refusal = refused(
        &mut s,
        &who("grace@contoso.com"),
        now(),
        &Command::RemoveFromReport { mcid: McidId("985005678".into()) },
    );
    assert_eq!(refusal, Refusal::StillEmployed { account: id("chen@contoso.com") });
    assert_eq!(refusal.rule(), Rule::R10);
}

#[test]
fn r11_remove_access_unlinks_the_mcid() {
    let mut s = demo();
    let events =
        s.execute(&who("chen@contoso.com"), now(), &Command::RemoveAccess { account: id("chen@contoso.com") }).unwrap();
    assert_eq!(events[0].kind.rule(), Rule::R11);
    assert!(s.state().link(&McidId("985005678".into())).is_none());
    // Only the MCID's rows leave the report; Chen's Partner University rows stay.
    let report = skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    let chen: Vec<_> = report.rows.iter().filter(|r| r.person == "Chen Li").collect();
    assert!(!chen.is_empty() && chen.iter().all(|r| r.source == SkillSource::PartnerUniversity));
    let nothing =
        refused(&mut s, &who("chen@contoso.com"), now(), &Command::RemoveAccess { account: id("chen@contoso.com") });
    assert_eq!(nothing, Refusal::NothingLinked);
    assert_eq!(nothing.rule(), Rule::R11);
}

#[test]
fn r12_linking_to_b_unlinks_from_a() {
    let mut s = demo();
    assert!(report_people(&s, "adam@contoso.com", &contoso(), now()).contains(&"Mia Moreau".to_string()));
    let events = s
        .execute(&who("mia@fabrikam.com"), now(), &link("mia@fabrikam.com", "mia.moreau@outlook.com", LEARN_PASSWORD))
        .unwrap();
    assert_eq!(events.len(), 2, "both the automatic unlink and the link are recorded");
    assert_eq!(
        events[0].kind,
        EventKind::McidAutomaticallyUnlinked {
            mcid: McidId("985006789".into()),
            account: id("mia@contoso.com"),
            from_org: contoso(),
            to_org: fabrikam(),
        }
    );
    assert_eq!(events[0].kind.rule(), Rule::R12);
    assert!(!report_people(&s, "adam@contoso.com", &contoso(), now()).contains(&"Mia Moreau".to_string()));
    let later = now() + Duration::hours(72);
    assert!(report_people(&s, "felix@fabrikam.com", &fabrikam(), later).contains(&"Mia Moreau".to_string()));
}

#[test]
fn r13_global_admin_deletes_a_leaver_then_removes_them_from_the_report_on_request() {
    let mut s = demo();
    let leo_mcid = McidId("985003456".into());
    // Only the Global Admin deletes accounts.
    let by_admin =
        refused(&mut s, &who("adam@contoso.com"), now(), &Command::DeleteAccount { account: id("leo@contoso.com") });
    assert_eq!(by_admin, Refusal::GlobalAdminOnly);
    s.execute(&who("grace@contoso.com"), now(), &Command::DeleteAccount { account: id("leo@contoso.com") }).unwrap();
    // Leo can no longer sign in, and his MCID still appears in the report.
    assert_eq!(s.sign_in(now(), "leo@contoso.com", WORK_PASSWORD).unwrap_err().rule(), Rule::R13);
    let report = skills_report(s.state(), &who("grace@contoso.com"), &contoso(), now()).unwrap();
    let leo: Vec<_> = report.rows.iter().filter(|r| r.person == "Leo Laurent").collect();
    assert!(!leo.is_empty() && leo.iter().all(|r| r.associated_in_pmc && !r.associated_in_pc));
    // At his request, the Global Admin removes him from the report.
    let events =
        s.execute(&who("grace@contoso.com"), now(), &Command::RemoveFromReport { mcid: leo_mcid.clone() }).unwrap();
    assert_eq!(events[0].kind.rule(), Rule::R13);
    assert!(!report_people(&s, "grace@contoso.com", &contoso(), now()).contains(&"Leo Laurent".to_string()));
    let twice =
        refused(&mut s, &who("grace@contoso.com"), now(), &Command::RemoveFromReport { mcid: leo_mcid.clone() });
    assert_eq!(twice, Refusal::NotInReport { mcid: leo_mcid });
    let self_delete =
        refused(&mut s, &who("grace@contoso.com"), now(), &Command::DeleteAccount { account: id("grace@contoso.com") });
    assert_eq!(self_delete, Refusal::CannotDeleteSelf);
    // Inviting his address again is refused, and the refusal says the way
    // on (the list has nothing to do for a deleted account).
    let again = Command::InviteUser {
        email: "leo@contoso.com".into(),
        display_name: "Leo Laurent".into(),
        role: Role::User,
        temporary_password: "Temp#12345".into(),
        salt: "s".into(),
    };
    let refusal = refused(&mut s, &who("grace@contoso.com"), now(), &again);
    use certlink::i18n::{refusals::refusal_sentence, Lang};
    assert!(refusal_sentence(Lang::En, &refusal, s.state()).contains("was deleted"));
    assert!(refusal_sentence(Lang::En, &refusal, s.state()).contains("another work email address"));
    assert!(refusal_sentence(Lang::Fr, &refusal, s.state()).contains("a été supprimé"));
}

#[test]
fn r14_unanswered_invitation_is_verified_corrected_and_resent() {
    let mut s = demo();
    let pending = certlink::rules::users::invitations_without_response(s.state(), &who("adam@contoso.com")).unwrap();
    assert_eq!(pending.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), vec![demo::UNANSWERED_INVITATION]);
    // Verifying shows the typo; the admin corrects it, then resends.
    let verify = Command::VerifyInvitationEmail {
        account: id(demo::UNANSWERED_INVITATION),
        corrected: Some("noah@contoso.com".into()),
    };
    // An address box left empty is refused, not taken as the old address
    // confirmed: nothing is recorded.
    let trail = s.trail().len();
    for empty in ["", "   "] {
        let blank =
            Command::VerifyInvitationEmail { account: id(demo::UNANSWERED_INVITATION), corrected: Some(empty.into()) };
        assert_eq!(
            refused(&mut s, &who("adam@contoso.com"), now(), &blank),
            Refusal::InvalidEmail { email: String::new() }
        );
    }
    assert_eq!(s.trail().len(), trail);
    s.execute(&who("adam@contoso.com"), now(), &verify).unwrap();
    assert!(s.state().account(&id(demo::UNANSWERED_INVITATION)).is_none());
    s.execute(&who("adam@contoso.com"), now(), &Command::ResendInvitation { account: id("noah@contoso.com") }).unwrap();
    // Noah answers: signing in with the details accepts the invitation.
    assert_eq!(
        refused(&mut s, &who("noah@contoso.com"), now(), &Command::RemoveAccess { account: id("noah@contoso.com") })
            .rule(),
        Rule::R14
    );
    s.sign_in(now(), "noah@contoso.com", WORK_PASSWORD).unwrap();
    assert_eq!(s.state().account(&id("noah@contoso.com")).unwrap().state, AccountState::Active);
    assert!(certlink::rules::users::invitations_without_response(s.state(), &who("adam@contoso.com"))
        .unwrap()
        .is_empty());
    let bad = refused(
        &mut s,
        &who("adam@contoso.com"),
        now(),
        &Command::InviteUser {
            email: "not an email".into(),
            display_name: "X".into(),
            role: Role::User,
            temporary_password: "Temp#12345".into(),
            salt: "s".into(),
        },
    );
    assert_eq!(bad.rule(), Rule::R14);
    let plain = refused(
        &mut s,
        &who("priya@contoso.com"),
        now(),
        &Command::ResendInvitation { account: id("noah@contoso.com") },
    );
    assert_eq!(plain.rule(), Rule::R2);
}

#[test]
fn r15_the_limited_user_sees_the_date_a_new_association_may_start() {
    let mut s = demo();
    let refusal = refused(&mut s, &who("lena@contoso.com"), now(), &lena_links());
    let first = now() - Duration::days(300);
    assert_eq!(
        refusal,
        Refusal::AssociationLimited {
            reason: LimitReason::YearlyCount,
            next_allowed: first + YEAR,
            used: 3,
            per_year: 3,
            cool_off_days: 30,
        }
    );
    assert_eq!(refusal.rule(), Rule::R15);
    let status = certlink::rules::profile::profile_limit(s.state(), &id("lena@contoso.com"), now()).unwrap();
    assert_eq!((status.used, status.next_allowed), (3, Some(first + YEAR)));
    // The moment said is the one it works from: on that day at midnight it
    // is still refused, so the day alone would mislead; from the minute
    // said, it works.
    use certlink::i18n::{dates::format_from, Lang};
    let said = format_from(Lang::En, first + YEAR);
    let day_start = (first + YEAR).date_naive().and_hms_opt(0, 0, 0).unwrap().and_utc();
    assert!(said.contains(" at ") && said.ends_with(" UTC"), "{said}");
    refused(&mut s, &who("lena@contoso.com"), day_start, &lena_links());
    // (The demo's wait ends on a whole minute; src/i18n/dates.rs tests the
    // rounding of one that does not.)
    assert_eq!((first + YEAR).second(), 0);
    assert!(said.contains(&format!("{:02}:{:02} UTC", (first + YEAR).hour(), (first + YEAR).minute())));
    s.execute(&who("lena@contoso.com"), first + YEAR, &lena_links()).unwrap();
}

#[test]
fn r16_merge_questions_go_to_certification_support_and_technical_ones_to_microsoft() {
    let s = demo();
    let merge = route_support(s.state(), &who("chen@contoso.com"), now(), Problem::McidMerge).unwrap();
    assert_eq!(merge.route, SupportRoute::CertificationSupport);
    assert!(matches!(merge.evidence.as_slice(), [Evidence::Transcript { .. }]));
    let tech = route_support(s.state(), &who("chen@contoso.com"), now(), Problem::LinkingTechnical).unwrap();
    assert_eq!(tech.route, SupportRoute::MicrosoftSupport);
    let kinds: Vec<_> = tech.evidence.iter().map(std::mem::discriminant).collect();
    assert_eq!(kinds.len(), 4, "user report, profile association, transcript, assessment proof");
    let limited = route_support(s.state(), &who("lena@contoso.com"), now(), Problem::AssociationLimited).unwrap();
    assert_eq!(limited.route, SupportRoute::Faq(Rule::R15));
    let after = route_support(s.state(), &who("lena@contoso.com"), now() + YEAR, Problem::AssociationLimited).unwrap();
    assert_eq!(after.route, SupportRoute::MicrosoftSupport);
}

#[test]
fn r16_tickets_are_opened_only_where_the_faq_does_not_answer() {
    let mut s = demo();
    let faq = refused(
        &mut s,
        &who("leo@contoso.com"),
        now(),
        &Command::OpenTicket {
            problem: Problem::StillInReportAfterLeaving,
            details: "Still listed".into(),
            started_on: now(),
        },
    );
    assert_eq!(faq, Refusal::AnsweredByFaq { rule: Rule::R13 });
    let empty = refused(
        &mut s,
        &who("chen@contoso.com"),
        now(),
        &Command::OpenTicket { problem: Problem::McidMerge, details: "  ".into(), started_on: now() },
    );
    assert_eq!(empty.rule(), Rule::R16);
    s.execute(
        &who("chen@contoso.com"),
        now(),
        &Command::OpenTicket {
            problem: Problem::McidMerge,
            details: "Two MCIDs to merge".into(),
            started_on: now() - Duration::days(3),
        },
    )
    .unwrap();
    assert_eq!(s.state().data().tickets[0].route, SupportRoute::CertificationSupport);
    // D1: a problem that starts after the scenario's today is refused,
    // and no ticket is opened; today itself is a start.
    let tomorrow = now() + Duration::days(1);
    let future = refused(
        &mut s,
        &who("chen@contoso.com"),
        now(),
        &Command::OpenTicket { problem: Problem::McidMerge, details: "Not yet".into(), started_on: tomorrow },
    );
    assert_eq!(future, Refusal::StartsInTheFuture { on: tomorrow });
    assert_eq!(future.rule(), Rule::D1);
    assert_eq!(s.state().data().tickets.len(), 1);
    s.execute(
        &who("chen@contoso.com"),
        now(),
        &Command::OpenTicket { problem: Problem::McidMerge, details: "Today".into(), started_on: now() },
    )
    .unwrap();
    assert_eq!(s.state().data().tickets.len(), 2);
}

#[test]
fn r4_an_mcid_linked_to_the_membership_through_another_account_is_refused_not_moved() {
    let mut s = demo();
    // Leo's MCID counts for Contoso through his account; Priya, at Contoso
    // too, types its credentials.
    let leo_mcid = s.state().account(&id("leo@contoso.com")).unwrap().linked_mcid.clone().unwrap();
    let refusal = refused(
        &mut s,
        &who("priya@contoso.com"),
        now(),
        &link("priya@contoso.com", "leo.laurent@outlook.com", LEARN_PASSWORD),
    );
    assert_eq!(refusal, Refusal::AlreadyLinked { mcid: leo_mcid.clone(), org: contoso() });
    assert_eq!(refusal.rule(), Rule::R4);
    assert_eq!(s.state().link(&leo_mcid).unwrap().account, id("leo@contoso.com"), "it stays where it was");
    // Leo's account deleted (R13), then Leo rehired under a new address:
    // his MCID is his to link again, from the deleted account's link.
    s.execute(&who("grace@contoso.com"), now(), &Command::DeleteAccount { account: id("leo@contoso.com") }).unwrap();
    let rehired = Command::InviteUser {
        email: "leo.laurent@contoso.com".into(),
        display_name: "Leo Laurent".into(),
        role: Role::User,
        temporary_password: "Temp#12345".into(),
        salt: "s".into(),
    };
    s.execute(&who("grace@contoso.com"), now(), &rehired).unwrap();
    s.sign_in(now(), "leo.laurent@contoso.com", "Temp#12345").unwrap();
    let events = s
        .execute(
            &who("leo.laurent@contoso.com"),
            now(),
            &link("leo.laurent@contoso.com", "leo.laurent@outlook.com", LEARN_PASSWORD),
        )
        .unwrap();
    assert_eq!(s.state().link(&leo_mcid).unwrap().account, id("leo.laurent@contoso.com"));
    // The link left a deleted account of the same organisation: R13, not a
    // move of company (R12).
    let unlinked = events.iter().find(|e| matches!(e.kind, EventKind::McidAutomaticallyUnlinked { .. })).unwrap();
    assert_eq!(unlinked.kind.rule(), Rule::R13);
    let said = certlink::i18n::events::event_sentence(certlink::i18n::Lang::En, &unlinked.kind, s.state());
    assert!(
        said.contains("from the deleted account leo@contoso.com") && !said.contains("unlinked from Contoso"),
        "{said}"
    );
}

#[test]
fn d1_the_scenario_clock_moves_without_the_machine_clock() {
    let mut clock = ScenarioClock::default();
    let real = now();
    assert_eq!(clock.now(real), real);
    clock.advance(Duration::hours(72));
    assert_eq!(clock.now(real), real + Duration::hours(72));
    clock.set(Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(), real).unwrap();
    assert_eq!(clock.now(real + Duration::hours(1)), Utc.with_ymd_and_hms(2027, 1, 1, 1, 0, 0).unwrap());
    clock.reset();
    assert!(clock.is_real_time());
    // Events never go back in time: a clock behind the trail is refused.
    let mut s = demo();
    let refusal = refused(
        &mut s,
        &who("priya@contoso.com"),
        now() - Duration::days(30),
        &Command::RemoveAccess { account: id("priya@contoso.com") },
    );
    assert_eq!(refusal.rule(), Rule::D1);
}

#[test]
fn d1_the_trainer_cannot_move_the_clock_back_before_the_last_change_but_may_always_move_it_forward() {
    let mut s = demo();
    let later = now() + Duration::hours(72);
    s.execute(&who("priya@contoso.com"), later, &link("priya@contoso.com", "priya.patel@outlook.com", LEARN_PASSWORD))
        .unwrap();
    // Back to real time, from +72 hours: the link would be in the future.
    let back = s.check_clock_move(later, now()).unwrap_err();
    assert_eq!(back, Refusal::ClockMovedBehindTrail { last_event: later });
    assert_eq!(back.rule(), Rule::D1);
    // Back, but not past the link; forward; the same time.
    assert_eq!(s.check_clock_move(later + Duration::days(1), later), Ok(()));
    assert_eq!(s.check_clock_move(later, later + Duration::days(10)), Ok(()));
    assert_eq!(s.check_clock_move(later, later), Ok(()));
    // A clock still behind the trail (a scenario imported from a clock
    // further on) may go forward, even if not yet past it: that is the
    // way out. It may not go further back.
    assert_eq!(s.check_clock_move(now(), now() + Duration::hours(1)), Ok(()));
    assert!(s.check_clock_move(now(), now() - Duration::hours(1)).is_err());
}

#[test]
fn d2_credentials_never_appear_in_clear_and_wrong_ones_change_nothing() {
    let s = demo();
    let exported = certlink::storage::document::to_json(&s, 1, now());
    assert!(!exported.contains(WORK_PASSWORD) && !exported.contains(LEARN_PASSWORD));
    let mut s2 = s.clone();
    assert_eq!(s2.sign_in(now(), "priya@contoso.com", LEARN_PASSWORD).unwrap_err(), Refusal::WrongPassword);
    assert_eq!(s2, s);
}

#[test]
fn d3_every_refusal_names_its_rule_in_the_person_s_language() {
    use certlink::i18n::refusals::refusal_sentence;
    use certlink::i18n::Lang;
    let mut s = demo();
    let priya = who("priya@contoso.com");
    let blank_ticket = Command::OpenTicket { problem: Problem::McidMerge, details: "  ".into(), started_on: now() };
    let resend = Command::ResendInvitation { account: id(demo::UNANSWERED_INVITATION) };
    let limits = Command::SetLimitSettings { settings: LimitSettings { per_year: 5, cool_off_days: 7 } };
    let unlink = Command::RemoveAccess { account: id("priya@contoso.com") };
    // Refusals as people meet them, each with the rule it must cite.
    let samples = [
        (skills_report(s.state(), &priya, &contoso(), now()).unwrap_err(), "R2"),
        (refused(&mut s, &priya, now(), &link("priya@contoso.com", "priya.patel@outlook.com", "wrong")), "R8"),
        (refused(&mut s, &priya, now(), &unlink), "R11"),
        (
            refused(
                &mut s,
                &who("chen@contoso.com"),
                now(),
                &link("chen@contoso.com", "priya.patel@outlook.com", LEARN_PASSWORD),
            ),
            "R11",
        ),
        (
            refused(
                &mut s,
                &who("adam@contoso.com"),
                now(),
                &Command::DeleteAccount { account: id("leo@contoso.com") },
            ),
            "R13",
        ),
        (refused(&mut s, &who("adam@contoso.com"), now(), &resend), "R14"),
        (refused(&mut s, &who("lena@contoso.com"), now(), &lena_links()), "R15"),
        (refused(&mut s, &who("chen@contoso.com"), now(), &blank_ticket), "R16"),
        (refused(&mut s, &priya, now() - Duration::days(30), &unlink), "D1"),
        (refused(&mut s, &who("grace@contoso.com"), now(), &limits), "D7"),
    ];
    for (refusal, code) in &samples {
        let cited = format!("({code})");
        let en = refusal_sentence(Lang::En, refusal, s.state());
        let fr = refusal_sentence(Lang::Fr, refusal, s.state());
        assert!(en.contains(&cited), "{refusal:?} in English: {en}");
        assert!(fr.contains(&cited), "{refusal:?} in French: {fr}");
        assert_ne!(en, fr, "{refusal:?} reads the same in both languages");
        // More than the rule's number: a sentence saying what happened.
        assert!(en.len() > cited.len() + 20 && fr.len() > cited.len() + 20, "{en} / {fr}");
    }
    // The terse form for logs names it too.
    assert_eq!(samples[0].0.to_string(), "refused by R2");
}

#[test]
fn d4_the_audit_trail_keeps_every_change_with_time_actor_and_rule() {
    let mut s = demo();
    let at = now();
    s.execute(&who("mia@fabrikam.com"), at, &link("mia@fabrikam.com", "mia.moreau@outlook.com", LEARN_PASSWORD))
        .unwrap();
    let last_two = &s.trail()[s.trail().len() - 2..];
    assert!(last_two.iter().all(|e| e.at == at && e.actor == who("mia@fabrikam.com")));
    assert_eq!(last_two.iter().map(|e| e.kind.rule()).collect::<Vec<_>>(), vec![Rule::R12, Rule::R8]);
    // Filters: Contoso's timeline shows the automatic unlink; Mia's shows both accounts' events.
    let contoso_events = filter_trail(s.state(), s.trail(), &TrailFilter { person: None, org: Some(contoso()) });
    assert!(contoso_events.iter().any(|e| e.kind.rule() == Rule::R12));
    let mia = filter_trail(s.state(), s.trail(), &TrailFilter { person: Some(id("mia@fabrikam.com")), org: None });
    assert_eq!(mia.len(), 3, "Mia's old Contoso link, its automatic unlink, and the Fabrikam link");
    // The trail replays to the same state.
    assert_eq!(Scenario::replay(s.initial().clone(), s.trail().to_vec()), s);
}

#[test]
fn d4_the_timeline_filters_find_passed_exams_and_assessments_and_corrected_invitations() {
    let mut s = demo();
    let passed = |code: &str, kind| Credential { code: code.into(), title: code.into(), kind, passed_on: now() };
    // An exam on Chen's MCID (linked to Contoso from the start), an
    // assessment on Chen's Partner University account.
    let exam = Command::RecordPassed {
        holder: Holder::Mcid(McidId("985005678".into())),
        credential: passed("AZ-900", CredentialKind::Exam),
    };
    let assessment = Command::RecordPassed {
        holder: Holder::PartnerUniversity("Chen@Contoso.com".into()),
        credential: passed("PU-SEC-101", CredentialKind::Assessment),
    };
    s.execute(&Actor::Trainer, now(), &exam).unwrap();
    s.execute(&Actor::Trainer, now(), &assessment).unwrap();
    let codes = |filter: TrailFilter| -> Vec<String> {
        filter_trail(s.state(), s.trail(), &filter)
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::CredentialPassed { credential, .. } => Some(credential.code.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(codes(TrailFilter { person: None, org: Some(contoso()) }), ["AZ-900", "PU-SEC-101"]);
    assert!(codes(TrailFilter { person: None, org: Some(fabrikam()) }).is_empty());
    assert_eq!(codes(TrailFilter { person: Some(id("chen@contoso.com")), org: None }), ["AZ-900", "PU-SEC-101"]);
    assert!(codes(TrailFilter { person: Some(id("priya@contoso.com")), org: None }).is_empty());
    // An invitation sent to a mistyped address, then corrected: the
    // person's timeline starts with the invitation.
    let invite = Command::InviteUser {
        email: "zoe@contso.com".into(),
        display_name: "Zoe Zhang".into(),
        role: Role::User,
        temporary_password: "Temp#12345".into(),
        salt: "s".into(),
    };
    s.execute(&who("adam@contoso.com"), now(), &invite).unwrap();
    let verify =
        Command::VerifyInvitationEmail { account: id("zoe@contso.com"), corrected: Some("zoe@contoso.com".into()) };
    s.execute(&who("adam@contoso.com"), now(), &verify).unwrap();
    let zoe = filter_trail(s.state(), s.trail(), &TrailFilter { person: Some(id("zoe@contoso.com")), org: None });
    assert!(matches!(zoe.first().map(|e| &e.kind), Some(EventKind::UserInvited { .. })), "{zoe:?}");
    assert_eq!(zoe.len(), 2);
    // Corrected twice: the first address's invitation is still hers.
    let again = Command::VerifyInvitationEmail {
        account: id("zoe@contoso.com"),
        corrected: Some("zoe.zhang@contoso.com".into()),
    };
    s.execute(&who("adam@contoso.com"), now(), &again).unwrap();
    // Someone else is then invited at the first, freed address.
    let other = Command::InviteUser {
        email: "zoe@contso.com".into(),
        display_name: "Zoltan Zeller".into(),
        role: Role::User,
        temporary_password: "Temp#12345".into(),
        salt: "s".into(),
    };
    s.execute(&who("adam@contoso.com"), now(), &other).unwrap();
    let zoe = filter_trail(s.state(), s.trail(), &TrailFilter { person: Some(id("zoe.zhang@contoso.com")), org: None });
    let invited: Vec<&str> = zoe
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::UserInvited { display_name, .. } => Some(display_name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(invited, ["Zoe Zhang"], "her invitation, and not the next person's at the freed address");
    assert_eq!(zoe.len(), 3, "the invitation and its two corrections");
}

#[test]
fn d5_a_refusal_carries_its_date_and_each_language_words_it() {
    use certlink::i18n::{format_date, Lang};
    let mut s = demo();
    let refusal = refused(&mut s, &who("lena@contoso.com"), now(), &lena_links());
    let Refusal::AssociationLimited { next_allowed, .. } = refusal else { panic!("R15 refusal expected") };
    assert_eq!(format_date(Lang::En, next_allowed), "January 31, 2027");
    assert_eq!(format_date(Lang::Fr, next_allowed), "31 janvier 2027");
}

#[test]
fn d6_a_scenario_can_change_both_limit_numbers() {
    let mut s = demo();
    let settings = LimitSettings { per_year: 5, cool_off_days: 7 };
    refused(&mut s, &who("grace@contoso.com"), now(), &Command::SetLimitSettings { settings });
    assert_eq!(
        refused(
            &mut s,
            &Actor::Trainer,
            now(),
            &Command::SetLimitSettings { settings: LimitSettings { per_year: 0, cool_off_days: 7 } }
        )
        .rule(),
        Rule::D6
    );
    s.execute(&Actor::Trainer, now(), &Command::SetLimitSettings { settings }).unwrap();
    // Lena's 3 in a year are now within 5, and 10 days since her last start exceed 7.
    s.execute(&who("lena@contoso.com"), now(), &lena_links()).unwrap();
    s.execute(&who("lena@contoso.com"), now(), &Command::RemoveAccess { account: id("lena@contoso.com") }).unwrap();
    let cool = refused(&mut s, &who("lena@contoso.com"), now() + Duration::days(6), &lena_links());
    assert!(
        matches!(cool, Refusal::AssociationLimited { reason: LimitReason::CoolOff, next_allowed, .. } if next_allowed == now() + Duration::days(7))
    );
    s.check_invariants().unwrap();
}

#[test]
fn d7_the_skills_report_shows_pending_rows_with_their_window() {
    let mut s = demo();
    s.execute(&who("priya@contoso.com"), now(), &link("priya@contoso.com", "priya.patel@outlook.com", LEARN_PASSWORD))
        .unwrap();
    let report = skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    let priya: Vec<_> = report.rows.iter().filter(|r| r.person == "Priya Patel").collect();
    assert_eq!(priya.len(), 2);
    for row in &priya {
        let RowStatus::Pending { from, to, expected } = row.status else { panic!("pending") };
        assert!(from == now() && to == now() + Duration::hours(72) && expected < to);
    }
    // Same inputs, same moment.
    let again = skills_report(s.state(), &who("adam@contoso.com"), &contoso(), now()).unwrap();
    assert_eq!(report, again);
}

#[test]
fn empty_skills_report_for_an_organisation_nobody_linked() {
    let s = demo();
    let report = skills_report(s.state(), &who("felix@fabrikam.com"), &fabrikam(), now()).unwrap();
    assert!(report.is_empty());
}

#[test]
fn scenario_survives_a_json_round_trip() {
    let mut s = demo();
    s.execute(&who("priya@contoso.com"), now(), &link("priya@contoso.com", "priya.patel@outlook.com", LEARN_PASSWORD))
        .unwrap();
    let json = certlink::storage::document::to_json(&s, 1, now());
    let back = certlink::storage::document::parse(&json).unwrap().scenario;
    assert_eq!(back, s);
    assert_eq!(back.state().profile_by_username("priya.patel@outlook.com").unwrap().mcid, McidId("985001234".into()));
}

#[test]
fn d7_only_the_trainer_switches_persona_and_only_into_active_accounts() {
    let mut s = demo();
    assert_eq!(s.sign_in_as(&Actor::Trainer, " Priya@Contoso.com "), Ok(id("priya@contoso.com")));
    assert_eq!(s.sign_in_as(&who("grace@contoso.com"), "priya@contoso.com"), Err(Refusal::TrainerOnly));
    assert_eq!(Refusal::TrainerOnly.rule(), Rule::D7);
    let invited = s.sign_in_as(&Actor::Trainer, demo::UNANSWERED_INVITATION).unwrap_err();
    assert_eq!(invited.rule(), Rule::R14);
    s.execute(&who("grace@contoso.com"), now(), &Command::DeleteAccount { account: id("leo@contoso.com") }).unwrap();
    assert_eq!(s.sign_in_as(&Actor::Trainer, "leo@contoso.com").unwrap_err().rule(), Rule::R13);
    assert_eq!(s.sign_in_as(&Actor::Trainer, "nobody@contoso.com").unwrap_err().rule(), Rule::R5);
}

#[test]
fn d7_the_trainer_can_mark_passed_every_proof_a_requirement_names() {
    use certlink::rules::reports::{CATALOGUE, PROOFS};
    for requirement in CATALOGUE {
        for code in requirement.any_of {
            assert!(PROOFS.iter().any(|(c, _, _)| c == code), "{code} of {} has no title", requirement.name);
        }
    }
}

#[test]
fn d7_an_exam_is_passed_on_an_mcid_and_an_assessment_at_partner_university() {
    let mut s = demo();
    let proof = |code: &str, kind| Credential { code: code.into(), title: code.into(), kind, passed_on: now() };
    let on_pu = Holder::PartnerUniversity("chen@contoso.com".into());
    let exam_at_pu = Command::RecordPassed { holder: on_pu.clone(), credential: proof("AZ-104", CredentialKind::Exam) };
    assert_eq!(refused(&mut s, &Actor::Trainer, now(), &exam_at_pu).rule(), Rule::D7);
    let assessment =
        Command::RecordPassed { holder: on_pu, credential: proof("PU-SEC-101", CredentialKind::Assessment) };
    assert!(s.execute(&Actor::Trainer, now(), &assessment).is_ok());
}

#[test]
fn every_built_in_scenario_starts_valid_with_an_active_persona() {
    use certlink::rules::demo::BuiltIn;
    let mut rules: Vec<Rule> = BuiltIn::ALL.iter().map(|b| b.rule()).collect();
    rules.sort_by_key(|r| r.code());
    rules.dedup();
    assert_eq!(rules.len(), BuiltIn::ALL.len(), "one case each");
    assert_eq!(rules.len(), 9, "the six FAQ cases, support, and the R6 and R9 procedures");
    for built_in in BuiltIn::ALL {
        let s = built_in.scenario(now());
        assert_eq!(s.check_invariants(), Ok(()), "{built_in:?}");
        assert!(s.sign_in_as(&Actor::Trainer, built_in.persona()).is_ok(), "{built_in:?}");
    }
    // R9 needs Partner University access first: the case starts with it.
    let s = BuiltIn::SameCredentials.scenario(now());
    assert!(same_credentials_ready(&s, "sam@contoso.com"));
    assert!(!same_credentials_ready(&demo(), "sam@contoso.com"));
}

fn same_credentials_ready(s: &Scenario, email: &str) -> bool {
    let account = s.state().account(&id(email)).unwrap();
    certlink::rules::profile::same_credentials_profile(s.state(), account).is_some()
}

/// D4: a stored scenario is read by replaying its trail once, checked as it
/// goes, and gives what a replay gives, or the refusal the check gives.
#[test]
fn d4_a_checked_replay_is_the_replay_or_the_checks_refusal() {
    let mut s = demo();
    s.execute(&who("priya@contoso.com"), now(), &link("priya@contoso.com", "priya.patel@outlook.com", LEARN_PASSWORD))
        .unwrap();
    assert_eq!(Scenario::replay_checked(s.initial().clone(), s.trail().to_vec()), Ok(s.clone()));
    // D1: the last event moved before the first is out of order, where it stands.
    let mut trail = s.trail().to_vec();
    let last = trail.len() - 1;
    trail[last].at = trail[0].at - Duration::days(1);
    let refusal = Scenario::replay_checked(s.initial().clone(), trail.clone()).unwrap_err();
    assert_eq!(refusal, InvariantViolation::OutOfOrder { index: last });
    assert_eq!(Err(refusal), Scenario::replay(s.initial().clone(), trail).check_invariants());
}

/// D4: a large scenario's head continues its packed part; only the head's
/// events are checked, over the part's state, as strictly as the whole.
#[test]
fn d4_events_continuing_a_checked_scenario_are_checked_as_the_whole_would_be() {
    let base = demo();
    let mut later = base.clone();
    later
        .execute(&who("mia@fabrikam.com"), now(), &link("mia@fabrikam.com", "mia.moreau@outlook.com", LEARN_PASSWORD))
        .unwrap();
    let events = later.trail()[base.trail().len()..].to_vec();
    assert_eq!(events.len(), 2, "R12: the automatic unlink from Contoso, then the link with Fabrikam");
    assert_eq!(base.continued_checked(events.clone()), Ok(later));
    // D1: a head's event before the part's last one is out of order, at its place in the whole trail.
    let mut early = events.clone();
    early[0].at = base.last_event_at().unwrap() - Duration::seconds(1);
    assert_eq!(base.continued_checked(early), Err(InvariantViolation::OutOfOrder { index: base.trail().len() }));
    // R15: Lena's fourth association in a year, recorded where a scenario allowed 5 (D6), breaks
    // the demo's limit of 3 when it continues the demo.
    let mut allowed = base.clone();
    let settings = LimitSettings { per_year: 5, cool_off_days: 7 };
    allowed.execute(&Actor::Trainer, now(), &Command::SetLimitSettings { settings }).unwrap();
    allowed.execute(&who("lena@contoso.com"), now(), &lena_links()).unwrap();
    let lena = allowed.trail().last().cloned().unwrap();
    assert!(matches!(lena.kind, EventKind::McidLinked { .. }));
    assert!(matches!(base.continued_checked(vec![lena]), Err(InvariantViolation::YearlyLimitExceeded { .. })));
}

#[test]
fn each_built_in_persona_id_is_its_email_as_an_account_id() {
    for case in certlink::rules::demo::BuiltIn::ALL {
        assert_eq!(case.persona_id(), AccountId::from_email(case.persona()), "{case:?}");
    }
}

#[test]
fn refusals_that_give_the_source_s_reason_quote_it_word_for_word_in_each_language() {
    use certlink::i18n::refusals::refusal_sentence;
    use certlink::i18n::source::{quote, Source};
    use certlink::i18n::Lang;
    let s = demo();
    let already = Refusal::AlreadyLinked { mcid: McidId("985001234".into()), org: contoso() };
    let not_own = Refusal::NotYourOwn { owner: id("priya@contoso.com") };
    let employed = Refusal::StillEmployed { account: id("priya@contoso.com") };
    for lang in [Lang::En, Lang::Fr] {
        // The source's sentence without its full stop: the refusal goes on.
        let one_membership = quote(lang, Source::OneMembership).trim_end_matches('.');
        assert!(refusal_sentence(lang, &already, s.state()).contains(one_membership), "{lang:?}");
        let privacy = quote(lang, Source::FaqLinkPrivacy).split(',').next().unwrap();
        for refusal in [&not_own, &employed] {
            let sentence = refusal_sentence(lang, refusal, s.state()).to_lowercase();
            assert!(sentence.contains(&privacy.to_lowercase()), "{lang:?}: {sentence}");
        }
    }
}

#[test]
fn a_holder_that_is_gone_is_named_with_the_next_step_in_each_language() {
    use certlink::i18n::refusals::refusal_sentence;
    use certlink::i18n::Lang;
    let s = demo();
    let gone = Refusal::UnknownHolder { holder: "zoe@contoso.com".into() };
    assert!(refusal_sentence(Lang::En, &gone, s.state()).contains("Choose who passed it from the list"));
    assert!(refusal_sentence(Lang::Fr, &gone, s.state()).contains("Choisissez dans la liste qui l’a obtenu"));
}

#[test]
fn r14_an_invitation_is_resent_only_once_its_address_is_verified_first() {
    use certlink::i18n::refusals::refusal_sentence;
    use certlink::i18n::Lang;
    let mut s = demo();
    let adam = who("adam@contoso.com");
    let mistyped = id(demo::UNANSWERED_INVITATION);
    let resend = |account: &AccountId| Command::ResendInvitation { account: account.clone() };
    let trail = s.trail().len();
    let refusal = refused(&mut s, &adam, now(), &resend(&mistyped));
    assert_eq!(refusal, Refusal::VerifyAddressFirst { email: mistyped.clone() });
    assert_eq!(refusal.rule(), Rule::R14);
    assert_eq!(s.trail().len(), trail, "nothing sent");
    assert!(refusal_sentence(Lang::En, &refusal, s.state()).contains("First verify the email address used"));
    assert!(refusal_sentence(Lang::Fr, &refusal, s.state()).contains("Vérifiez d’abord l’adresse e-mail utilisée"));
    // Verified as it is (the address was right after all), it may be sent again, and again.
    let verify = Command::VerifyInvitationEmail { account: mistyped.clone(), corrected: None };
    s.execute(&adam, now(), &verify).unwrap();
    s.execute(&adam, now(), &resend(&mistyped)).unwrap();
    s.execute(&adam, now(), &resend(&mistyped)).unwrap();
    // A new invitation, sent a moment ago, is verified before it is sent again too.
    let invite = Command::InviteUser {
        email: "zoe@contoso.com".into(),
        display_name: "Zoe".into(),
        role: Role::User,
        temporary_password: "Temp#12345".into(),
        salt: "s".into(),
    };
    s.execute(&adam, now(), &invite).unwrap();
    assert_eq!(
        refused(&mut s, &adam, now(), &resend(&id("zoe@contoso.com"))),
        Refusal::VerifyAddressFirst { email: id("zoe@contoso.com") }
    );
}

#[test]
fn r14_an_invitation_cannot_be_corrected_to_the_address_of_an_existing_account() {
    let mut s = demo();
    let adam = who("adam@contoso.com");
    let pending = id(demo::UNANSWERED_INVITATION);
    let invitation = s.state().account(&pending).unwrap().clone();
    let trail = s.trail().len();
    // Adam "corrects" the mistyped address to Priya's, who has an account.
    for typed in ["priya@contoso.com", " Priya@Contoso.com "] {
        let onto_priya = Command::VerifyInvitationEmail { account: pending.clone(), corrected: Some(typed.into()) };
        let refusal = refused(&mut s, &adam, now(), &onto_priya);
        assert_eq!(refusal, Refusal::AccountExists { email: id("priya@contoso.com") }, "{typed:?}");
        assert_eq!(refusal.rule(), Rule::R14);
    }
    assert_eq!(s.trail().len(), trail, "nothing recorded");
    // The invitation is as it was: at its address, unanswered, not verified.
    let still = s.state().account(&pending).unwrap();
    assert_eq!(*still, invitation);
    assert!(matches!(&still.state, AccountState::Invited(i) if i.email_verified_at.is_none()));
    // Priya keeps her account: active, hers, and she signs in with her password.
    let priya = s.state().account(&id("priya@contoso.com")).unwrap();
    assert_eq!(
        (priya.state.clone(), priya.display_name.as_str(), priya.role),
        (AccountState::Active, "Priya Patel", Role::User)
    );
    assert_eq!(s.sign_in(now(), "priya@contoso.com", WORK_PASSWORD), Ok(id("priya@contoso.com")));
    assert_eq!(s.trail().len(), trail, "an active account's sign-in records nothing");
}

#[test]
fn r13_only_a_global_admin_invites_a_global_admin() {
    let mut s = demo();
    let invite = |email: &str, role| Command::InviteUser {
        email: email.into(),
        display_name: "Zoe Zhang".into(),
        role,
        temporary_password: "Temp#12345".into(),
        salt: "s".into(),
    };
    let adam = who("adam@contoso.com");
    assert_eq!(s.state().account(&id("adam@contoso.com")).unwrap().role, Role::MpnPartnerAdmin);
    let refusal = refused(&mut s, &adam, now(), &invite("zoe@contoso.com", Role::GlobalAdmin));
    assert_eq!(refusal, Refusal::GlobalAdminOnly);
    assert_eq!(refusal.rule(), Rule::R13);
    assert!(s.state().account(&id("zoe@contoso.com")).is_none(), "no invitation sent");
    // Adam may invite the same person with another role: only the role is refused.
    s.execute(&adam, now(), &invite("zoe@contoso.com", Role::MpnPartnerAdmin)).unwrap();
    // Grace, the Global Admin, invites a Global Admin.
    s.execute(&who("grace@contoso.com"), now(), &invite("yara@contoso.com", Role::GlobalAdmin)).unwrap();
    let yara = s.state().account(&id("yara@contoso.com")).unwrap();
    assert_eq!((yara.role, &yara.org), (Role::GlobalAdmin, &contoso()));
    assert!(yara.is_invited());
}

#[test]
fn r14_verify_and_resend_are_refused_for_an_account_with_no_pending_invitation() {
    let mut s = demo();
    let adam = who("adam@contoso.com");
    // Zoe is invited, then signs in: her invitation is answered.
    let invite = Command::InviteUser {
        email: "zoe@contoso.com".into(),
        display_name: "Zoe Zhang".into(),
        role: Role::User,
        temporary_password: "Temp#12345".into(),
        salt: "s".into(),
    };
    s.execute(&adam, now(), &invite).unwrap();
    s.sign_in(now(), "zoe@contoso.com", "Temp#12345").unwrap();
    let trail = s.trail().len();
    // Priya never had one; Zoe's is answered.
    for account in [id("priya@contoso.com"), id("zoe@contoso.com")] {
        for command in [
            Command::VerifyInvitationEmail { account: account.clone(), corrected: None },
            Command::VerifyInvitationEmail { account: account.clone(), corrected: Some("someone@contoso.com".into()) },
            Command::ResendInvitation { account: account.clone() },
        ] {
            let refusal = refused(&mut s, &adam, now(), &command);
            assert_eq!(refusal, Refusal::NotAnInvitation { email: account.clone() }, "{command:?}");
            assert_eq!(refusal.rule(), Rule::R14);
        }
        assert_eq!(s.state().account(&account).unwrap().state, AccountState::Active);
    }
    assert_eq!(s.trail().len(), trail, "nothing recorded in the trail");
    assert!(s.state().account(&id("someone@contoso.com")).is_none());
}

#[test]
fn d7_only_the_trainer_marks_an_exam_passed() {
    let mut s = demo();
    let chen_mcid = McidId("985005678".into());
    let exam =
        Credential { code: "AZ-900".into(), title: "AZ-900".into(), kind: CredentialKind::Exam, passed_on: now() };
    let mark = Command::RecordPassed { holder: Holder::Mcid(chen_mcid.clone()), credential: exam };
    let has_az900 =
        |s: &Scenario| s.state().profile(&chen_mcid).unwrap().credentials.iter().any(|c| c.code == "AZ-900");
    assert!(!has_az900(&s));
    // Neither the holder, nor an admin, nor the Global Admin.
    for person in ["chen@contoso.com", "adam@contoso.com", "grace@contoso.com"] {
        let refusal = refused(&mut s, &who(person), now(), &mark);
        assert_eq!(refusal, Refusal::TrainerOnly, "{person}");
        assert_eq!(refusal.rule(), Rule::D7);
    }
    assert!(!has_az900(&s), "no exam recorded");
    s.execute(&Actor::Trainer, now(), &mark).unwrap();
    assert!(has_az900(&s));
}

#[test]
fn r11_someone_with_an_mcid_linked_removes_access_before_linking_another() {
    let mut s = demo();
    let chen = who("chen@contoso.com");
    let first = McidId("985005678".into());
    // Chen has a second Microsoft Certification profile.
    let second = Command::AddMcidProfile {
        mcid: "985009999".into(),
        username: "chen.li@hotmail.com".into(),
        password: LEARN_PASSWORD.into(),
        salt: "s".into(),
        holder_name: "Chen Li".into(),
    };
    s.execute(&Actor::Trainer, now(), &second).unwrap();
    let link_second = link("chen@contoso.com", "chen.li@hotmail.com", LEARN_PASSWORD);
    let refusal = refused(&mut s, &chen, now(), &link_second);
    assert_eq!(refusal, Refusal::AnotherMcidLinked { mcid: first.clone() });
    assert_eq!(refusal.rule(), Rule::R11);
    use certlink::i18n::{refusals::refusal_sentence, Lang};
    assert!(refusal_sentence(Lang::En, &refusal, s.state()).contains("Remove access"));
    // He keeps his first link, and the second MCID is linked nowhere.
    assert_eq!(s.state().account(&id("chen@contoso.com")).unwrap().linked_mcid, Some(first.clone()));
    assert_eq!(s.state().link(&first).unwrap().account, id("chen@contoso.com"));
    assert!(s.state().link(&McidId("985009999".into())).is_none());
    // Remove access first, then the second links.
    s.execute(&chen, now(), &Command::RemoveAccess { account: id("chen@contoso.com") }).unwrap();
    s.execute(&chen, now(), &link_second).unwrap();
    assert_eq!(s.state().account(&id("chen@contoso.com")).unwrap().linked_mcid, Some(McidId("985009999".into())));
}
