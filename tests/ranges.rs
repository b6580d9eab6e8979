//! One range for every value that enters (D1 dates, D6 limit numbers, D4
//! texts kept in the trail): each entry point refuses a value out of range
//! with the typed refusal and changes nothing; values at the bounds are kept and read back exactly;
//! an imported or stored document holding one out of range is refused with
//! a typed error naming its place, never a crash.

use certlink::i18n::refusals::refusal_sentence;
use certlink::i18n::Lang;
use certlink::rules::demo;
use certlink::rules::range::{self, Range, EARLIEST, LATEST, MAX_COOL_OFF_DAYS, MAX_PER_YEAR};
use certlink::rules::refusal::Field;
use certlink::rules::support::Problem;
use certlink::rules::*;
use certlink::storage::document::{parse, to_json, Document, DocumentError};
use certlink::ui::document::document_error;
use chrono::{Duration, TimeZone, Utc};

fn now() -> Time {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

fn year_10000() -> Time {
    Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).unwrap()
}

fn just_before_earliest() -> Time {
    EARLIEST - Duration::nanoseconds(1)
}

fn just_after_latest() -> Time {
    LATEST + Duration::nanoseconds(1)
}

fn limits(per_year: u32, cool_off_days: u32) -> Command {
    Command::SetLimitSettings { settings: LimitSettings { per_year, cool_off_days } }
}

fn ticket(started_on: Time) -> Command {
    Command::OpenTicket { problem: Problem::McidMerge, details: "Two MCIDs to merge".into(), started_on }
}

fn chen() -> Actor {
    Actor::account("chen@contoso.com")
}

/// Runs a command that must be refused as out of `range`, citing `rule`,
/// and checks it changed nothing.
fn refused_out_of(s: &mut Scenario, actor: &Actor, at: Time, command: &Command, range: Range, rule: Rule) {
    let before = s.clone();
    let refusal = s.execute(actor, at, command).expect_err("the value should be refused");
    assert_eq!(refusal, Refusal::OutOfRange { range });
    assert_eq!(refusal.rule(), rule);
    assert_eq!(*s, before, "a refused value must change nothing");
}

/// A save of `scenario`, read back; and its export, read back.
fn round_trips(scenario: &Scenario) {
    let saved = parse(&to_json(scenario, 4, now())).expect("the save reads back");
    assert_eq!(saved, Document::new(scenario.clone(), 4, now()));
    let exported = parse(&Document::new(scenario.clone(), 4, now()).to_pretty_json()).expect("the export reads back");
    assert_eq!(exported.scenario, *scenario);
}

#[test]
fn d6_limit_numbers_out_of_range_are_refused_and_change_nothing() {
    let mut s = demo::scenario(now());
    let per_year = Range::PerYear { min: 1, max: MAX_PER_YEAR };
    let cool_off = Range::CoolOffDays { min: 0, max: MAX_COOL_OFF_DAYS };
    for (p, c, range) in [
        (0, 30, per_year),
        (MAX_PER_YEAR + 1, 30, per_year),
        (u32::MAX, 30, per_year),
        (3, MAX_COOL_OFF_DAYS + 1, cool_off),
        (3, 4_000_000_000, cool_off),
        (3, u32::MAX, cool_off),
    ] {
        refused_out_of(&mut s, &Actor::Trainer, now(), &limits(p, c), range, Rule::D6);
    }
}

#[test]
fn d6_limit_numbers_at_their_bounds_are_kept_and_read_back() {
    for (p, c) in [(1, 0), (MAX_PER_YEAR, MAX_COOL_OFF_DAYS), (1, MAX_COOL_OFF_DAYS), (MAX_PER_YEAR, 0)] {
        let mut s = demo::scenario(now());
        s.execute(&Actor::Trainer, now(), &limits(p, c)).unwrap();
        assert_eq!(s.state().data().limits, LimitSettings { per_year: p, cool_off_days: c });
        // The limit still answers on every profile, and the scenario reads back.
        for profile in s.state().data().profiles.values() {
            let _ = limit::association_limit(&profile.associations, s.state().data().limits, LATEST);
        }
        round_trips(&s);
    }
}

#[test]
fn d1_a_support_start_date_out_of_range_is_refused_and_changes_nothing() {
    let mut s = demo::scenario(now());
    for started_on in [year_10000(), just_after_latest(), just_before_earliest(), Time::MIN_UTC, Time::MAX_UTC] {
        refused_out_of(&mut s, &chen(), now(), &ticket(started_on), Range::DATE, Rule::D1);
    }
}

#[test]
fn d1_support_start_dates_at_the_bounds_are_kept_and_read_back() {
    let mut s = demo::scenario(now());
    s.execute(&chen(), now(), &ticket(EARLIEST)).unwrap();
    // A start is today at the latest: the last day kept, on a clock there.
    s.execute(&chen(), LATEST, &ticket(LATEST)).unwrap();
    let started: Vec<Time> = s.state().data().tickets.iter().map(|t| t.started_on).collect();
    assert_eq!(started, [EARLIEST, LATEST]);
    round_trips(&s);
}

#[test]
fn d1_the_scenario_clock_refuses_a_date_out_of_range_and_stays_put() {
    let mut clock = ScenarioClock::default();
    clock.advance(Duration::hours(72));
    let before = clock;
    for at in [year_10000(), just_after_latest(), just_before_earliest()] {
        assert_eq!(clock.set(at, now()), Err(Refusal::OutOfRange { range: Range::DATE }));
        assert_eq!(clock, before);
    }
    clock.set(LATEST, now()).unwrap();
    assert!(clock.now(now()) <= LATEST);
    clock.set(EARLIEST, now()).unwrap();
    assert_eq!(clock.now(now()), EARLIEST);
}

#[test]
fn d1_the_scenario_clock_answers_a_time_in_range_whatever_its_offset() {
    // A tab may remember any offset; the machine may say any time.
    for offset in [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX] {
        for real in [Time::MIN_UTC, EARLIEST, now(), LATEST, Time::MAX_UTC] {
            let at = ScenarioClock::with_offset_ms(offset).now(real);
            assert!(range::time_in_range(at), "offset {offset} at {real:?} gave {at:?}");
        }
    }
    let mut far = ScenarioClock::default();
    far.advance(Duration::MAX);
    far.advance(Duration::MAX);
    assert_eq!(far.now(now()), LATEST);
}

#[test]
fn d1_no_change_is_recorded_at_a_time_out_of_range() {
    let mut s = demo::scenario(now());
    let remove = Command::RemoveAccess { account: AccountId::from_email("priya@contoso.com") };
    refused_out_of(&mut s, &Actor::account("priya@contoso.com"), year_10000(), &remove, Range::DATE, Rule::D1);
    let before = s.clone();
    assert_eq!(
        s.sign_in(just_after_latest(), "priya@contoso.com", demo::WORK_PASSWORD),
        Err(Refusal::OutOfRange { range: Range::DATE })
    );
    assert_eq!(s, before);
    // The last moment is still a moment: a change made then reads back.
    s.execute(&chen(), LATEST, &ticket(now())).unwrap();
    round_trips(&s);
}

#[test]
fn d3_the_range_refusals_say_the_bounds_and_the_rule_in_each_language() {
    let state = demo::initial_state(now());
    let date = Refusal::OutOfRange { range: Range::DATE };
    let en = refusal_sentence(Lang::En, &date, &state);
    assert!(en.contains("Choose a date from the year 1 to the year 9999") && en.ends_with("(D1)"), "{en}");
    let fr = refusal_sentence(Lang::Fr, &date, &state);
    assert!(fr.contains("de l’an 1 à l’an 9999") && fr.ends_with("(D1)"), "{fr}");
    let days = Refusal::OutOfRange { range: Range::COOL_OFF_DAYS };
    let en = refusal_sentence(Lang::En, &days, &state);
    assert!(en.contains("from 0 to 365 days") && en.ends_with("(D6)"), "{en}");
    let fr = refusal_sentence(Lang::Fr, &Refusal::OutOfRange { range: Range::PER_YEAR }, &state);
    assert!(fr.contains("de 1 à 365 associations") && fr.ends_with("(D6)"), "{fr}");
}

/// The demo's save with `from` replaced by `to` in its text.
fn edited(scenario: &Scenario, from: &str, to: &str) -> String {
    let text = to_json(scenario, 1, now());
    assert!(text.contains(from), "{from} is not in the save");
    text.replacen(from, to, 1)
}

fn out_of_range(text: &str) -> (String, Range) {
    match parse(text) {
        Err(DocumentError::Invalid(InvariantViolation::OutOfRange { field, range })) => (field, range),
        other => panic!("expected an out-of-range refusal, got {other:?}"),
    }
}

#[test]
fn d6_an_imported_cool_off_of_four_billion_days_is_refused_not_a_crash() {
    let s = demo::scenario(now());
    let text = edited(&s, "\"limits\":[3,30]", "\"limits\":[3,4000000000]");
    assert_eq!(out_of_range(&text), ("limits".to_string(), Range::COOL_OFF_DAYS));
    let text = edited(&s, "\"limits\":[3,30]", "\"limits\":[4294967295,30]");
    assert_eq!(out_of_range(&text), ("limits".to_string(), Range::PER_YEAR));
    // In the trail too: a change of the limits recorded later.
    let mut s = s;
    s.execute(&Actor::Trainer, now(), &limits(2, 20)).unwrap();
    let text = edited(&s, "\"LimitSettingsChanged\",2,20", "\"LimitSettingsChanged\",2,4000000000");
    let (field, range) = out_of_range(&text);
    assert!(field.starts_with("trail[") && field.ends_with("].settings"), "{field}");
    assert_eq!(range, Range::COOL_OFF_DAYS);
    // The import view words it, naming the place, in each language.
    let error = parse(&text).unwrap_err();
    let en = document_error(Lang::En, &error);
    assert!(en.contains(&field) && en.contains("0 to 365") && en.contains("(D6)"), "{en}");
    let fr = document_error(Lang::Fr, &error);
    assert!(fr.contains(&field) && fr.contains("(D6)"), "{fr}");
}

#[test]
fn d1_an_imported_date_in_year_10000_is_refused_not_a_crash() {
    let mut s = demo::scenario(now());
    s.execute(&chen(), LATEST, &ticket(now())).unwrap();
    let latest = "9999-12-31T23:59:59.999999999Z";
    // The event's time, then the ticket's own dates.
    let text = edited(&s, latest, "10000-01-01T00:00:00Z");
    let (field, range) = out_of_range(&text);
    assert!(field.starts_with("trail[") && field.ends_with("].at"), "{field}");
    assert_eq!(range, Range::DATE);
    let text = to_json(&s, 1, now()).replace(latest, "10000-01-01T00:00:00Z");
    assert!(out_of_range(&text).0.starts_with("trail["));
    let en = document_error(Lang::En, &parse(&text).unwrap_err());
    assert!(en.contains("years 1 to 9999") && en.contains("(D1)"), "{en}");
    // A date before the first year the codec writes, and the header's.
    let text = edited(&s, latest, "0000-12-31T23:59:59Z");
    assert_eq!(out_of_range(&text).1, Range::DATE);
    let saved = to_json(&s, 1, now());
    let header = saved.replacen("\"saved_at\":\"2026-11-27T09:00:00Z\"", "\"saved_at\":\"99999-01-01T00:00:00Z\"", 1);
    assert_eq!(out_of_range(&header), ("saved_at".to_string(), Range::DATE));
    // A year beyond any date is refused as a shape, still typed.
    let text = edited(&s, latest, "999999-01-01T00:00:00Z");
    assert!(matches!(parse(&text), Err(DocumentError::WrongShape { .. })));
}

#[test]
fn d1_a_starting_state_out_of_range_is_refused_with_its_place() {
    let s = demo::scenario(now());
    let first = to_json(&s, 1, now());
    // Any date of the starting state: the first one the save writes after "initial".
    let at = first.find("\"initial\"").unwrap();
    let date_at = at + first[at..].find("\"20").unwrap() + 1;
    let text = format!("{}10000{}", &first[..date_at], &first[date_at + 4..]);
    let (field, range) = out_of_range(&text);
    assert_eq!(range, Range::DATE);
    assert!(!field.starts_with("trail"), "{field}");
}

#[test]
fn d1_a_saved_at_out_of_range_is_written_within_it() {
    let s = demo::scenario(now());
    for saved_at in [Time::MIN_UTC, year_10000(), Time::MAX_UTC] {
        let doc = parse(&to_json(&s, 1, saved_at)).expect("a save always reads back");
        assert_eq!(doc.saved_at, range::clamp(saved_at));
    }
}

#[test]
fn d1_the_demo_loaded_at_the_first_dates_keeps_its_past_in_range() {
    for built_in in demo::BuiltIn::ALL {
        let s = built_in.scenario(EARLIEST);
        assert_eq!(s.check_invariants(), Ok(()));
        round_trips(&s);
    }
    let large = demo::large_organisation(EARLIEST + Duration::days(3), 4);
    round_trips(&large);
    // Anywhere else, the demo is where the clock is.
    assert_eq!(demo::scenario(LATEST).last_event_at().map(|at| at <= LATEST), Some(true));
    round_trips(&demo::scenario(LATEST));
}

fn invite(email: &str, display_name: &str) -> Command {
    Command::InviteUser {
        email: email.into(),
        display_name: display_name.into(),
        role: Role::User,
        temporary_password: "Temp#12345".into(),
        salt: "s".into(),
    }
}

/// Runs a command that must be refused as a text longer than `max` in
/// `field`, and checks it changed nothing.
fn refused_too_long(s: &mut Scenario, actor: &Actor, command: &Command, field: Field, max: usize) {
    let before = s.clone();
    let refusal = s.execute(actor, now(), command).expect_err("the text should be refused");
    assert_eq!(refusal, Refusal::TextTooLong { field, max });
    assert_eq!(refusal.rule(), Rule::D4);
    assert_eq!(*s, before, "a refused text must change nothing");
}

#[test]
fn d4_every_text_a_form_puts_into_the_trail_is_bounded_and_kept_whole_at_its_bound() {
    // The trail keeps a text for good: one pasted page too many would leave
    // a scenario that can no longer be saved, nor exported and imported back.
    let adam = Actor::account("adam@contoso.com");
    let mut s = demo::scenario(now());
    let long_name = "N".repeat(range::MAX_TEXT + 1);
    let long_email = format!("{}@contoso.com", "a".repeat(range::MAX_TEXT));
    let long_details = "log line\n".repeat(range::MAX_DETAILS / 9 + 1);
    refused_too_long(&mut s, &adam, &invite("new@contoso.com", &long_name), Field::DisplayName, range::MAX_TEXT);
    refused_too_long(&mut s, &adam, &invite(&long_email, "New"), Field::Email, range::MAX_TEXT);
    let noah = AccountId::from_email(demo::UNANSWERED_INVITATION);
    let correct = Command::VerifyInvitationEmail { account: noah.clone(), corrected: Some(long_email.clone()) };
    refused_too_long(&mut s, &adam, &correct, Field::Email, range::MAX_TEXT);
    let details = Command::OpenTicket { problem: Problem::McidMerge, details: long_details, started_on: now() };
    refused_too_long(&mut s, &chen(), &details, Field::TicketDetails, range::MAX_DETAILS);

    // The refusal is worded with its rule, without repeating the pasted text.
    for lang in [Lang::En, Lang::Fr] {
        let refusal = Refusal::TextTooLong { field: Field::Email, max: range::MAX_TEXT };
        let sentence = refusal_sentence(lang, &refusal, s.state());
        assert!(sentence.contains("120") && sentence.ends_with("(D4)"), "{sentence}");
    }

    // At the bound, each is kept whole and read back.
    let name = "N".repeat(range::MAX_TEXT);
    let email = format!("{}@contoso.com", "b".repeat(range::MAX_TEXT - "@contoso.com".len()));
    s.execute(&adam, now(), &invite(&email, &name)).expect("a name and an address at the bound are kept");
    let details = "d".repeat(range::MAX_DETAILS);
    let ticket = Command::OpenTicket { problem: Problem::McidMerge, details: details.clone(), started_on: now() };
    s.execute(&chen(), now(), &ticket).expect("a description at the bound is kept");
    let invited = s.state().account(&AccountId::from_email(&email)).expect("the invitation is recorded");
    assert_eq!(invited.display_name, name);
    assert!(s.state().data().tickets.iter().any(|t| t.details == details));
    round_trips(&s);
}
