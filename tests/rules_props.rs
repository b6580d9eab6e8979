//! Property tests: random sequences of commands by random actors, on the
//! demo scenario, never leave an MCID linked to two memberships (R4), never
//! exceed the yearly limit (R15/D6), never change anything on a refusal,
//! and the audit trail always replays to the same state (D4) and survives
//! a save and a read of the stored document.
#![cfg(not(target_arch = "wasm32"))]

use certlink::rules::audit::Holder;
use certlink::rules::demo::{self, LEARN_PASSWORD, WORK_PASSWORD};
use certlink::rules::support::Problem;
use certlink::rules::*;
use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;

const USERNAMES: [&str; 7] = [
    "priya.patel@outlook.com",
    "sam@contoso.com",
    "leo.laurent@outlook.com",
    "lena.lindqvist@outlook.com",
    "chen.li@outlook.com",
    "mia.moreau@outlook.com",
    "nobody@outlook.com",
];

fn account(i: usize) -> AccountId {
    let emails: Vec<&str> = demo::ACCOUNTS.iter().map(|a| a.email).chain([demo::UNANSWERED_INVITATION]).collect();
    AccountId::from_email(emails[i % emails.len()])
}

fn actor(i: usize) -> Actor {
    if i % 13 == 12 {
        Actor::Trainer
    } else {
        Actor::Account(account(i))
    }
}

fn command(kind: u8, a: usize, b: usize, right_password: bool) -> Command {
    let password = if right_password { LEARN_PASSWORD } else { "wrong" };
    let mcid = |i: usize| McidId(format!("98500{}", 1234 + 1111 * (i % 6)));
    match kind % 12 {
        0..=2 => Command::LinkMcid {
            account: account(a),
            username: USERNAMES[b % USERNAMES.len()].into(),
            password: password.into(),
        },
        3 => Command::LinkMcidWithSameCredentials { account: account(a) },
        4 => Command::RemoveAccess { account: account(a) },
        5 => Command::GetPartnerUniversityAccess { account: account(a) },
        6 => Command::RemovePartnerUniversityAccess { account: account(a) },
        7 => Command::DeleteAccount { account: account(a) },
        8 => Command::RemoveFromReport { mcid: mcid(b) },
        9 => Command::SetLimitSettings {
            settings: LimitSettings { per_year: (b % 4) as u32, cool_off_days: (a % 45) as u32 },
        },
        10 => Command::RecordPassed {
            holder: Holder::Mcid(mcid(b)),
            credential: Credential {
                code: "AZ-104".into(),
                title: "Azure Administrator".into(),
                kind: CredentialKind::Exam,
                passed_on: Utc.timestamp_opt(0, 0).unwrap(),
            },
        },
        _ => Command::OpenTicket {
            problem: Problem::ALL[b % Problem::ALL.len()],
            details: "details".into(),
            started_on: Utc.timestamp_opt(0, 0).unwrap(),
        },
    }
}

fn steps() -> impl Strategy<Value = Vec<(usize, u8, usize, usize, bool, u32)>> {
    prop::collection::vec((0usize..13, any::<u8>(), 0usize..13, 0usize..7, any::<bool>(), 0u32..40), 1..60)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn random_commands_keep_every_invariant(steps in steps()) {
        let start = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
        let mut scenario = demo::scenario(start);
        let mut now = start;
        for (who, kind, a, b, right, days) in steps {
            // Mostly no time passes, so limits bite; sometimes days or months.
            now += Duration::days(match days { 0..20 => 0, 20..35 => (days - 19).into(), _ => (days * 8).into() });
            if kind % 17 == 0 {
                // Sometimes the actor signs in first (accepting an invitation).
                let _ = scenario.sign_in(now, account(who).as_str(), WORK_PASSWORD);
            }
            let before = scenario.clone();
            // Mostly people act on their own account, so commands get through.
            let target = if a % 4 == 0 { a } else { who };
            match scenario.execute(&actor(who), now, &command(kind, target, b, right)) {
                Ok(events) => prop_assert!(!events.is_empty(), "an accepted command records what it did"),
                Err(_) => prop_assert_eq!(&scenario, &before, "a refusal changed the state"),
            }
            prop_assert_eq!(scenario.check_invariants(), Ok(()));
            // R4 directly: each account's link agrees with the one link per MCID.
            let data = scenario.state().data();
            for link in data.links.values() {
                prop_assert_eq!(data.accounts[&link.account].org.clone(), link.org.clone());
            }
        }
        let replayed = Scenario::replay(scenario.initial().clone(), scenario.trail().to_vec());
        prop_assert_eq!(&replayed, &scenario);
        // Whatever state the commands reached, a save reads back exactly.
        let saved = certlink::storage::document::to_json(&scenario, 1, now);
        let read = certlink::storage::document::parse(&saved);
        prop_assert!(read.is_ok(), "a saved scenario was refused: {:?}", read.err());
        prop_assert_eq!(read.map(|d| d.scenario).ok(), Some(scenario));
    }
}
