//! Property tests of the ranges (D1 dates, D6 limit numbers): any date,
//! from far outside to inside the range, and any limit number a u32 holds,
//! entering through each entry point, is either refused with the typed
//! refusal (changing nothing) or kept, and then the scenario reads back
//! exactly from its save and its export. Never a panic.
#![cfg(not(target_arch = "wasm32"))]

use certlink::rules::demo;
use certlink::rules::range::{self, Range, EARLIEST, LATEST};
use certlink::rules::support::Problem;
use certlink::rules::*;
use certlink::storage::document::{parse, to_json, Document, DocumentError};
use certlink::storage::json::Write;
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;

fn start() -> Time {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

/// Any time chrono holds, weighted towards the range and its two edges.
fn time() -> impl Strategy<Value = Time> {
    let (lo, hi) = (EARLIEST.timestamp(), LATEST.timestamp());
    let (min, max) = (Time::MIN_UTC.timestamp(), Time::MAX_UTC.timestamp());
    let secs = prop_oneof![lo..=hi, min..=max, (lo - 90_000)..=(lo + 90_000), (hi - 90_000)..=(hi + 90_000)];
    let nanos = prop_oneof![Just(0u32), Just(999_999_999u32), 0u32..1_000_000_000];
    (secs, nanos).prop_filter_map("a time chrono holds", |(s, n)| DateTime::from_timestamp(s, n))
}

/// Any u32, weighted towards the limit numbers' bounds and u32's own.
fn number() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..=400, any::<u32>(), (u32::MAX - 2)..=u32::MAX, Just(4_000_000_000u32)]
}

fn limits_in_range(settings: LimitSettings) -> bool {
    (1..=range::MAX_PER_YEAR).contains(&settings.per_year) && settings.cool_off_days <= range::MAX_COOL_OFF_DAYS
}

/// The save and the export of `scenario` read back to it exactly.
fn round_trips(scenario: &Scenario, saved_at: Time) -> Result<(), TestCaseError> {
    let saved = parse(&to_json(scenario, 2, saved_at));
    prop_assert!(saved.is_ok(), "a save was refused: {:?}", saved.err());
    prop_assert_eq!(saved.map(|d| d.scenario).ok(), Some(scenario.clone()));
    let exported = parse(&Document::new(scenario.clone(), 2, saved_at).to_pretty_json());
    prop_assert!(exported.is_ok(), "an export was refused: {:?}", exported.err());
    prop_assert_eq!(exported.map(|d| d.scenario).ok(), Some(scenario.clone()));
    Ok(())
}

/// `command` at `now`: kept (then the scenario reads back), or refused with
/// `expected` and nothing changed.
fn enters(
    s: &mut Scenario,
    actor: &Actor,
    now: Time,
    command: &Command,
    in_range: bool,
    expected: Range,
) -> Result<(), TestCaseError> {
    let before = s.clone();
    match s.execute(actor, now, command) {
        Ok(_) => {
            prop_assert!(in_range, "a value out of range was kept");
            round_trips(s, now)?;
        }
        Err(refusal) => {
            prop_assert_eq!(&*s, &before, "a refusal changed the scenario");
            if !in_range {
                prop_assert_eq!(refusal, Refusal::OutOfRange { range: expected });
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn d6_limit_numbers_enter_only_in_range(per_year in number(), cool_off_days in number(), later in time()) {
        let mut s = demo::scenario(start());
        let settings = LimitSettings { per_year, cool_off_days };
        let expected = if (1..=range::MAX_PER_YEAR).contains(&per_year) { Range::COOL_OFF_DAYS } else { Range::PER_YEAR };
        let command = Command::SetLimitSettings { settings };
        enters(&mut s, &Actor::Trainer, start(), &command, limits_in_range(settings), expected)?;
        // Whatever the numbers kept, the limit answers at any time.
        for profile in s.state().data().profiles.values() {
            let _ = limit::association_limit(&profile.associations, s.state().data().limits, later);
        }
    }

    #[test]
    fn any_text_typed_survives_a_save_and_an_export(details in any::<String>()) {
        // Quotes, backslashes, control characters and any Unicode: the
        // codec's strings read back exactly as typed.
        let mut s = demo::scenario(start());
        let command = Command::OpenTicket { problem: Problem::McidMerge, details, started_on: start() };
        if s.execute(&Actor::account("chen@contoso.com"), start(), &command).is_ok() {
            round_trips(&s, start())?;
        }
    }

    #[test]
    fn d1_support_start_dates_enter_only_in_range(started_on in time()) {
        let mut s = demo::scenario(start());
        let command = Command::OpenTicket { problem: Problem::McidMerge, details: "Two MCIDs".into(), started_on };
        let actor = Actor::account("chen@contoso.com");
        enters(&mut s, &actor, start(), &command, range::time_in_range(started_on), Range::DATE)?;
    }

    #[test]
    fn d1_changes_are_recorded_only_at_times_in_range(now in time()) {
        let mut s = demo::scenario(start());
        let command = Command::OpenTicket { problem: Problem::McidMerge, details: "Two MCIDs".into(), started_on: start() };
        let actor = Actor::account("chen@contoso.com");
        enters(&mut s, &actor, now, &command, range::time_in_range(now), Range::DATE)?;
    }

    #[test]
    fn d1_the_clock_takes_only_dates_in_range_and_always_answers_one(
        at in time(),
        real in time(),
        offset in prop_oneof![any::<i64>(), Just(i64::MIN), Just(i64::MAX)],
    ) {
        let mut clock = ScenarioClock::with_offset_ms(offset);
        prop_assert!(range::time_in_range(clock.now(real)));
        let before = clock;
        match clock.set(at, real) {
            Ok(()) => prop_assert!(range::time_in_range(at)),
            Err(refusal) => {
                prop_assert!(!range::time_in_range(at));
                prop_assert_eq!(refusal, Refusal::OutOfRange { range: Range::DATE });
                prop_assert_eq!(clock, before);
            }
        }
        prop_assert!(range::time_in_range(clock.now(real)));
        // What the clock answers is a time every change may be recorded at.
        let mut s = demo::scenario(start());
        let at = clock.now(real).max(start());
        let command = Command::OpenTicket { problem: Problem::McidMerge, details: "Two MCIDs".into(), started_on: at };
        prop_assert!(s.execute(&Actor::account("chen@contoso.com"), at, &command).is_ok());
        round_trips(&s, clock.now(real))?;
    }

    #[test]
    fn imported_limits_and_dates_are_kept_or_refused_typed(per_year in number(), cool_off_days in number(), at in time()) {
        let mut s = demo::scenario(start());
        let marker = Utc.with_ymd_and_hms(2026, 11, 28, 10, 11, 12).unwrap();
        let command = Command::OpenTicket { problem: Problem::McidMerge, details: "Two MCIDs".into(), started_on: marker };
        s.execute(&Actor::account("chen@contoso.com"), marker, &command).unwrap();
        let mut date = String::new();
        at.write(&mut date);
        let text = to_json(&s, 1, start())
            .replacen("\"limits\":[3,30]", &format!("\"limits\":[{per_year},{cool_off_days}]"), 1)
            .replace("\"2026-11-28T10:11:12Z\"", &date);
        let settings = LimitSettings { per_year, cool_off_days };
        match parse(&text) {
            Ok(document) => {
                prop_assert!(limits_in_range(settings) && range::time_in_range(at));
                round_trips(&document.scenario, start())?;
            }
            Err(DocumentError::Invalid(InvariantViolation::OutOfRange { field, range })) => {
                if !limits_in_range(settings) {
                    prop_assert_eq!(field, "limits");
                    prop_assert_eq!(range.rule(), Rule::D6);
                } else {
                    prop_assert!(!range::time_in_range(at));
                    prop_assert_eq!(range, Range::DATE);
                }
            }
            // Another typed refusal: the start history under lower limits
            // (R15), a date before the trail's last (D1), a year no date holds.
            Err(other) => prop_assert!(
                limits_in_range(settings)
                    && matches!(other, DocumentError::Invalid(_) | DocumentError::WrongShape { .. }),
                "{:?}", other
            ),
        }
    }
}
