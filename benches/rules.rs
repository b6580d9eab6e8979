//! Rules benchmarks with a 10,000-person organisation (the targets:
//! the skills report under 50 ms natively, at least 100,000 commands a
//! second). Run with `make bench-rules` or `cargo bench --bench rules`.

use certlink::rules::demo;
use certlink::rules::reports::{competency_status, skills_report};
use certlink::rules::*;
use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

const PEOPLE: usize = 10_000;

fn big_org() -> (Scenario, chrono::DateTime<Utc>) {
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    (certlink::rules::demo::large_organisation(now, PEOPLE), now)
}

fn reports(c: &mut Criterion) {
    let (scenario, now) = big_org();
    let admin = Actor::account(demo::LARGE_ADMIN);
    let org = MpnId(demo::CONTOSO.into());
    let rows = skills_report(scenario.state(), &admin, &org, now).unwrap().rows.len();
    println!("skills report: {PEOPLE} people, {rows} rows");
    c.bench_function("skills_report 10k people", |b| {
        b.iter(|| skills_report(scenario.state(), &admin, &org, now + Duration::hours(1)).unwrap())
    });
    c.bench_function("competency_status 10k people", |b| {
        b.iter(|| competency_status(scenario.state(), &admin, &org, now + Duration::hours(1)).unwrap())
    });
}

fn commands(c: &mut Criterion) {
    let (scenario, now) = big_org();
    // One link and one remove access per person: 2 commands each.
    let batch: Vec<(Actor, Command, Command)> = (0..1_000)
        .map(|i| {
            let email = demo::large_email(i);
            let account = AccountId::from_email(&email);
            (
                Actor::Account(account.clone()),
                Command::RemoveAccess { account: account.clone() },
                Command::LinkMcid { account, username: demo::large_username(i), password: demo::LEARN_PASSWORD.into() },
            )
        })
        .collect();
    let mut group = c.benchmark_group("commands");
    group.throughput(Throughput::Elements((batch.len() * 2) as u64));
    group.bench_function("remove access + link, 10k-person state", |b| {
        b.iter_batched(
            || scenario.clone(),
            |mut s| {
                let later = now + Duration::days(400);
                for (actor, unlink, link) in &batch {
                    s.execute(actor, later, unlink).unwrap();
                    s.execute(actor, later, link).unwrap();
                }
                s
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = reports, commands
}
criterion_main!(benches);
