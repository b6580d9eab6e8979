//! The trainer's setup of a scenario (D4), as the scenario editor drives
//! it: a small organisation built from empty through commands, then used
//! as Partner Center is (sign in, link the MCID, R5 and R8); every setup
//! refusal, each naming its rule and changing nothing (D3); and a built
//! scenario that the document reads back as it was written.
#![cfg(not(target_arch = "wasm32"))]

use certlink::rules::audit::Holder;
use certlink::rules::range::MAX_TEXT;
use certlink::rules::refusal::Field;
use certlink::rules::setup::AccountSetup;
use certlink::rules::*;
use certlink::storage::document;
use chrono::{Duration, TimeZone, Utc};

fn now() -> Time {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

const ORG: &str = "4200001";
const PASSWORD: &str = "Northwind#1";
const LEARN: &str = "Learn#Northwind";

fn add_org(mpn_id: &str, name: &str) -> Command {
    Command::AddOrganisation { mpn_id: mpn_id.into(), name: name.into() }
}

fn add_account(email: &str, name: &str, role: Role) -> Command {
    Command::AddWorkAccount {
        org: MpnId(ORG.into()),
        email: email.into(),
        display_name: name.into(),
        role,
        password: PASSWORD.into(),
        salt: format!("salt-{email}"),
        state: AccountSetup::Active,
    }
}

fn add_profile(mcid: &str, username: &str) -> Command {
    Command::AddMcidProfile {
        mcid: mcid.into(),
        username: username.into(),
        password: LEARN.into(),
        salt: "salt-profile".into(),
        holder_name: "Ines Ito".into(),
    }
}

fn exam(on: Time) -> Credential {
    Credential { code: "AZ-900".into(), title: "Azure Fundamentals".into(), kind: CredentialKind::Exam, passed_on: on }
}

fn record(mcid: &str, credential: Credential) -> Command {
    Command::RecordPassedOn { holder: Holder::Mcid(McidId(mcid.into())), credential }
}

/// Northwind from empty: two people, one MCID with an exam passed a month ago.
fn northwind() -> Scenario {
    let mut scenario = Scenario::new(State::default());
    for command in [
        add_org(ORG, "Northwind Traders"),
        add_account("ines@northwind.example", "Ines Ito", Role::User),
        add_account("omar@northwind.example", "Omar Olsen", Role::GlobalAdmin),
        add_profile("990001", "ines.ito@outlook.com"),
        record("990001", exam(now() - Duration::days(30))),
    ] {
        scenario.execute(&Actor::Trainer, now(), &command).unwrap_or_else(|r| panic!("refused: {r}"));
    }
    scenario
}

#[test]
fn d4_a_small_organisation_built_from_empty_is_used_as_partner_center_is() {
    let mut scenario = northwind();
    scenario.check_invariants().unwrap();
    // Every edit is in the trail, as the trainer's.
    assert_eq!(scenario.trail().len(), 5);
    assert!(scenario.trail().iter().all(|e| e.actor == Actor::Trainer));
    let ines = scenario.sign_in(now(), "Ines@Northwind.example", PASSWORD).unwrap();
    let link =
        Command::LinkMcid { account: ines.clone(), username: "ines.ito@outlook.com".into(), password: LEARN.into() };
    scenario.execute(&Actor::Account(ines.clone()), now(), &link).unwrap();
    let state = scenario.state();
    assert_eq!(state.link(&McidId("990001".into())).map(|l| l.org.clone()), Some(MpnId(ORG.into())));
    let profile = state.profile(&McidId("990001".into())).unwrap();
    assert_eq!(profile.credentials[0].passed_on, now() - Duration::days(30), "the day given, not the day recorded");
    assert_eq!(state.account(&ines).unwrap().role, Role::User);
}

#[test]
fn d4_a_built_scenario_reads_back_as_it_was_written() {
    let scenario = northwind();
    let text = document::to_json(&scenario, 1, now());
    let read = document::parse(&text).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(read.scenario.initial(), scenario.initial());
    assert_eq!(read.scenario.trail(), scenario.trail());
    assert_eq!(read.scenario.state(), scenario.state());
    // The MCID's sign-in works on what was read (the usernames' index).
    assert!(read.scenario.state().profile_by_username("INES.ITO@outlook.com").is_some());
}

/// `command` as the trainer on Northwind: refused with `expected`, citing `rule`, changing nothing.
fn refused(command: Command, expected: Refusal, rule: Rule) {
    let mut scenario = northwind();
    let before = scenario.clone();
    let refusal = scenario.execute(&Actor::Trainer, now(), &command).unwrap_err();
    assert_eq!(refusal, expected);
    assert_eq!(refusal.rule(), rule, "{refusal}");
    assert_eq!(scenario.state(), before.state(), "D3: a refusal changes nothing");
    assert_eq!(scenario.trail().len(), before.trail().len());
}

#[test]
fn d4_only_the_trainer_sets_a_scenario_up() {
    let mut scenario = northwind();
    let omar = Actor::account("omar@northwind.example");
    for command in [add_org("4200002", "Other"), add_profile("990002", "x@outlook.com"), record("990001", exam(now()))]
    {
        assert_eq!(scenario.execute(&omar, now(), &command), Err(Refusal::TrainerOnly));
    }
}

#[test]
fn d4_an_organisation_needs_a_new_mpn_id_of_digits_and_a_name() {
    refused(add_org(ORG, "Again"), Refusal::OrganisationExists { org: MpnId(ORG.into()) }, Rule::D4);
    for id in ["", "42a", "1234567890123", "-1"] {
        refused(add_org(id, "X"), Refusal::NotAnIdentifier { field: Field::MpnId }, Rule::D4);
    }
    refused(add_org("4200002", "   "), Refusal::TextRequired { field: Field::OrganisationName }, Rule::D4);
    let long = "N".repeat(MAX_TEXT + 1);
    refused(
        add_org("4200002", &long),
        Refusal::TextTooLong { field: Field::OrganisationName, max: MAX_TEXT },
        Rule::D4,
    );
    // At the bound, accepted, and trimmed.
    let mut scenario = northwind();
    scenario.execute(&Actor::Trainer, now(), &add_org(" 4200002 ", &"N".repeat(MAX_TEXT))).unwrap();
    assert!(scenario.state().organisation(&MpnId("4200002".into())).is_some());
}

#[test]
fn d4_a_work_account_needs_its_organisation_a_new_valid_email_a_name_and_a_password() {
    let mut other_org = add_account("new@northwind.example", "New", Role::User);
    if let Command::AddWorkAccount { org, .. } = &mut other_org {
        *org = MpnId("999".into());
    }
    refused(other_org, Refusal::UnknownOrganisation { org: MpnId("999".into()) }, Rule::D4);
    refused(
        add_account("OMAR@northwind.example", "Omar again", Role::User),
        Refusal::AccountExists { email: AccountId::from_email("omar@northwind.example") },
        Rule::R14,
    );
    refused(
        add_account("not an email", "X", Role::User),
        Refusal::InvalidEmail { email: "not an email".into() },
        Rule::R14,
    );
    refused(
        add_account("new@northwind.example", "", Role::User),
        Refusal::TextRequired { field: Field::DisplayName },
        Rule::D4,
    );
    let mut weak = add_account("new@northwind.example", "New", Role::User);
    if let Command::AddWorkAccount { password, .. } = &mut weak {
        *password = "short".into();
    }
    refused(weak, Refusal::ShortPassword { min_len: 8 }, Rule::R14);
}

#[test]
fn d4_a_profile_needs_a_new_mcid_of_digits_and_a_username_no_other_profile_has() {
    refused(add_profile("990001", "new@outlook.com"), Refusal::McidExists { mcid: McidId("990001".into()) }, Rule::D4);
    refused(add_profile("99x", "new@outlook.com"), Refusal::NotAnIdentifier { field: Field::Mcid }, Rule::D4);
    refused(
        add_profile("990002", "Ines.Ito@Outlook.com"),
        Refusal::UsernameTaken { username: "Ines.Ito@Outlook.com".into() },
        Rule::D4,
    );
    refused(add_profile("990002", "nope"), Refusal::InvalidEmail { email: "nope".into() }, Rule::R14);
    // Left empty, a username or a work email is a field to fill, not a
    // work email the invitation asks for.
    refused(add_profile("990002", "  "), Refusal::TextRequired { field: Field::Email }, Rule::D4);
    refused(add_account("", "Nina", Role::User), Refusal::TextRequired { field: Field::Email }, Rule::D4);
    let pu = Command::AddPartnerUniversityAccount { username: String::new() };
    refused(pu, Refusal::TextRequired { field: Field::Email }, Rule::D4);
}

#[test]
fn d1_a_pass_date_is_today_at_the_latest_and_within_the_dates_kept() {
    let tomorrow = now() + Duration::days(1);
    refused(record("990001", exam(tomorrow)), Refusal::PassedInTheFuture { on: tomorrow }, Rule::D1);
    let far = Utc.with_ymd_and_hms(10_000, 1, 1, 0, 0, 0).unwrap();
    refused(record("990001", exam(far)), Refusal::OutOfRange { range: certlink::rules::range::Range::DATE }, Rule::D1);
    // Today itself is accepted.
    let mut scenario = northwind();
    scenario.execute(&Actor::Trainer, now(), &record("990001", exam(now()))).unwrap();
}

#[test]
fn an_exam_goes_on_an_existing_profile_and_an_assessment_at_partner_university() {
    // The trainer's passed exams' own refusals, as for the latency demo (D7).
    refused(record("990009", exam(now())), Refusal::UnknownHolder { holder: "990009".into() }, Rule::D7);
    let assessment = Credential { kind: CredentialKind::Assessment, ..exam(now()) };
    refused(record("990001", assessment), Refusal::WrongPlaceForProof { code: "AZ-900".into() }, Rule::D7);
    let untitled = Credential { title: " ".into(), ..exam(now()) };
    refused(record("990001", untitled), Refusal::TextRequired { field: Field::CredentialTitle }, Rule::D4);
}

#[test]
fn d4_a_partner_university_account_takes_assessments_and_is_added_once() {
    let mut scenario = northwind();
    let add = Command::AddPartnerUniversityAccount { username: "Ines@Northwind.example".into() };
    scenario.execute(&Actor::Trainer, now(), &add).unwrap();
    let assessment = Credential {
        code: "PU-SEC-101".into(),
        title: "Security foundations".into(),
        kind: CredentialKind::Assessment,
        passed_on: now() - Duration::days(3),
    };
    let holder = Holder::PartnerUniversity("ines@northwind.example".into());
    scenario.execute(&Actor::Trainer, now(), &Command::RecordPassedOn { holder, credential: assessment }).unwrap();
    let account = scenario.state().partner_university_account("ines@northwind.example").unwrap();
    assert_eq!(account.assessments.len(), 1);
    assert_eq!(account.assessments[0].passed_on, now() - Duration::days(3));
    // Read back as written.
    let read = document::parse(&document::to_json(&scenario, 1, now())).unwrap();
    assert_eq!(read.scenario.state(), scenario.state());
    // A second account for the same work email is refused; so is a non-email.
    let mut again = scenario.clone();
    let before = again.state().clone();
    let refusal = again.execute(&Actor::Trainer, now(), &add).unwrap_err();
    assert_eq!(refusal, Refusal::PartnerUniversityAccountExists { username: "ines@northwind.example".into() });
    assert_eq!(refusal.rule(), Rule::D4);
    assert_eq!(again.state(), &before);
    let bad = Command::AddPartnerUniversityAccount { username: "nobody".into() };
    assert_eq!(again.execute(&Actor::Trainer, now(), &bad), Err(Refusal::InvalidEmail { email: "nobody".into() }));
}

#[test]
fn d4_an_account_added_invited_answers_its_invitation_and_one_added_deleted_cannot_sign_in() {
    let mut scenario = northwind();
    let with_state = |email: &str, state| {
        let mut command = add_account(email, "Someone", Role::User);
        if let Command::AddWorkAccount { state: s, .. } = &mut command {
            *s = state;
        }
        command
    };
    scenario.execute(&Actor::Trainer, now(), &with_state("noor@northwind.example", AccountSetup::Invited)).unwrap();
    scenario.execute(&Actor::Trainer, now(), &with_state("leah@northwind.example", AccountSetup::Deleted)).unwrap();
    let noor = AccountId::from_email("noor@northwind.example");
    assert!(scenario.state().account(&noor).unwrap().is_invited());
    assert!(scenario.state().account(&AccountId::from_email("leah@northwind.example")).unwrap().is_deleted());
    // R14: the invited person signs in with the details sent, and is active.
    scenario.sign_in(now(), "noor@northwind.example", PASSWORD).unwrap();
    assert!(!scenario.state().account(&noor).unwrap().is_invited());
    // R13: a deleted account cannot sign in.
    let refusal = scenario.sign_in(now(), "leah@northwind.example", PASSWORD).unwrap_err();
    assert_eq!(refusal.rule(), Rule::R13);
    // Both read back as written.
    let read = document::parse(&document::to_json(&scenario, 1, now())).unwrap();
    assert_eq!(read.scenario.state(), scenario.state());
}

#[test]
fn d7_a_credential_recorded_with_nobody_chosen_says_to_choose_or_add_someone_first() {
    use certlink::i18n::refusals::refusal_sentence;
    use certlink::i18n::Lang;
    let mut scenario = Scenario::new(State::default());
    // The editor's choice of who passed it, left empty on an empty scenario.
    let refusal = scenario.execute(&Actor::Trainer, now(), &record("", exam(now()))).unwrap_err();
    assert_eq!(refusal, Refusal::UnknownHolder { holder: String::new() });
    let (en, fr) = (
        refusal_sentence(Lang::En, &refusal, scenario.state()),
        refusal_sentence(Lang::Fr, &refusal, scenario.state()),
    );
    assert!(en.starts_with("Choose who passed it.") && en.contains("add a Microsoft Certification profile"), "{en}");
    assert!(fr.starts_with("Choisissez qui l’a obtenu.") && fr.contains("ajoutez d’abord"), "{fr}");
    // The same for an account with no organisation chosen.
    let refusal = Refusal::UnknownOrganisation { org: MpnId(String::new()) };
    let en = refusal_sentence(Lang::En, &refusal, scenario.state());
    assert!(en.starts_with("Choose an organisation.") && !en.contains("MPN ID ."), "{en}");
}

#[test]
fn the_skills_report_lists_people_alphabetically_accents_and_case_aside() {
    let mut scenario = northwind();
    let people = [
        ("zoe@northwind.example", "Zoe Zhang", "990010"),
        ("elodie@northwind.example", "Élodie Durand", "990011"),
        ("devries@northwind.example", "de Vries", "990012"),
        ("ines@northwind.example", "Ines Ito", "990001"),
    ];
    for (email, name, mcid) in people {
        if mcid != "990001" {
            for command in [
                add_account(email, name, Role::User),
                add_profile(mcid, &format!("{mcid}@outlook.com")),
                record(mcid, exam(now() - Duration::days(30))),
            ] {
                scenario.execute(&Actor::Trainer, now(), &command).unwrap_or_else(|r| panic!("refused: {r}"));
            }
        }
        let username =
            if mcid == "990001" { "ines.ito@outlook.com".to_string() } else { format!("{mcid}@outlook.com") };
        let link = Command::LinkMcid { account: AccountId::from_email(email), username, password: LEARN.into() };
        scenario.execute(&Actor::account(email), now(), &link).unwrap_or_else(|r| panic!("refused: {r}"));
    }
    let omar = Actor::account("omar@northwind.example");
    let report = reports::skills_report(scenario.state(), &omar, &MpnId(ORG.into()), now()).unwrap();
    let mut names: Vec<&str> = report.rows.iter().map(|r| r.person.as_str()).collect();
    names.dedup();
    assert_eq!(names, ["de Vries", "Élodie Durand", "Ines Ito", "Zoe Zhang"]);
}

#[test]
fn r14_an_editor_password_too_short_or_a_deleted_accounts_address_is_refused_in_the_editors_words() {
    use certlink::i18n::refusals::refusal_sentence;
    use certlink::i18n::Lang;
    let mut scenario = northwind();
    let mut profile = add_profile("990002", "new@outlook.com");
    if let Command::AddMcidProfile { password, .. } = &mut profile {
        *password = "short".into();
    }
    let mut account = add_account("new@northwind.example", "New", Role::User);
    if let Command::AddWorkAccount { password, .. } = &mut account {
        *password = "short".into();
    }
    // A profile's Microsoft Learning password and an active account's are
    // no temporary passwords: the sentence does not call them so.
    for command in [profile, account] {
        let refusal = scenario.execute(&Actor::Trainer, now(), &command).unwrap_err();
        assert_eq!(refusal, Refusal::ShortPassword { min_len: 8 });
        assert_eq!(refusal.rule(), Rule::R14);
        let (en, fr) = (
            refusal_sentence(Lang::En, &refusal, scenario.state()),
            refusal_sentence(Lang::Fr, &refusal, scenario.state()),
        );
        assert!(en.starts_with("The password needs at least 8 characters.") && !en.contains("temporary"), "{en}");
        assert!(
            fr.starts_with("Le mot de passe doit comporter au moins 8 caractères.") && !fr.contains("temporaire"),
            "{fr}"
        );
    }
    // A deleted account's address, added again in the editor: no word of
    // an invitation, which the editor does not send.
    let mut deleted = add_account("leah@northwind.example", "Leah", Role::User);
    if let Command::AddWorkAccount { state, .. } = &mut deleted {
        *state = AccountSetup::Deleted;
    }
    scenario.execute(&Actor::Trainer, now(), &deleted).unwrap();
    let refusal = scenario.execute(&Actor::Trainer, now(), &add_account("leah@northwind.example", "Leah", Role::User));
    let refusal = refusal.unwrap_err();
    let (en, fr) = (
        refusal_sentence(Lang::En, &refusal, scenario.state()),
        refusal_sentence(Lang::Fr, &refusal, scenario.state()),
    );
    assert!(
        en.contains("was deleted") && en.contains("Use another work email address") && !en.contains("nvite"),
        "{en}"
    );
    assert!(fr.contains("a été supprimé") && fr.contains("Utilisez une autre adresse") && !fr.contains("nvit"), "{fr}");
}

#[test]
fn r9_the_shortcut_is_offered_only_for_the_same_credentials_username_and_password_in_either_order() {
    use certlink::rules::profile::same_credentials_profile;
    let profile_with = |mcid: &str, username: &str, password: &str| Command::AddMcidProfile {
        mcid: mcid.into(),
        username: username.into(),
        password: password.into(),
        salt: format!("salt-{mcid}"),
        holder_name: "Ines Ito".into(),
    };
    let get_access = |email: &str| Command::GetPartnerUniversityAccess { account: AccountId::from_email(email) };
    let shortcut = |scenario: &Scenario, email: &str| {
        let account = scenario.state().account(&AccountId::from_email(email)).unwrap();
        same_credentials_profile(scenario.state(), account).map(|p| p.mcid.0.clone())
    };
    let mut scenario = northwind();
    // Ines's Learning account at her work address, with another password:
    // not the same credentials.
    scenario.execute(&Actor::Trainer, now(), &profile_with("990002", "ines@northwind.example", "Other#pass1")).unwrap();
    // Omar's, with his work password: the same.
    scenario.execute(&Actor::Trainer, now(), &profile_with("990003", "omar@northwind.example", PASSWORD)).unwrap();
    for email in ["ines@northwind.example", "omar@northwind.example"] {
        scenario.execute(&Actor::account(email), now(), &get_access(email)).unwrap();
    }
    assert_eq!(shortcut(&scenario, "ines@northwind.example"), None);
    let ines = Command::LinkMcidWithSameCredentials { account: AccountId::from_email("ines@northwind.example") };
    assert_eq!(
        scenario.execute(&Actor::account("ines@northwind.example"), now(), &ines).unwrap_err(),
        Refusal::SameCredentialsUnavailable
    );
    assert_eq!(shortcut(&scenario, "omar@northwind.example").as_deref(), Some("990003"));
    let omar = Command::LinkMcidWithSameCredentials { account: AccountId::from_email("omar@northwind.example") };
    scenario.execute(&Actor::account("omar@northwind.example"), now(), &omar).unwrap();
    // The other order: the Learning account first, then the work account
    // with the same password.
    scenario.execute(&Actor::Trainer, now(), &profile_with("990004", "pia@northwind.example", PASSWORD)).unwrap();
    scenario.execute(&Actor::Trainer, now(), &add_account("pia@northwind.example", "Pia Park", Role::User)).unwrap();
    scenario.execute(&Actor::account("pia@northwind.example"), now(), &get_access("pia@northwind.example")).unwrap();
    assert_eq!(shortcut(&scenario, "pia@northwind.example").as_deref(), Some("990004"));
    // Saved and read back, the same.
    let read = document::parse(&document::to_json(&scenario, 1, now())).unwrap().scenario;
    assert_eq!(shortcut(&read, "pia@northwind.example").as_deref(), Some("990004"));
    assert_eq!(shortcut(&read, "ines@northwind.example"), None);
}
