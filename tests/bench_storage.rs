//! Not a test: the in-browser benchmark of saving a large organisation,
//! run by `make bench-storage` and `make bench` in
//! headless Chromium, release build. It prints medians; `make test` does
//! not run it (timings are not pass/fail material).
//!
//! What the app does, step by step: a large scenario is packed once (the
//! whole document serialised, deflated by the browser, base64), then each
//! change saves only a head with the events since (`save::tab`, `Tab::persist`).
#![cfg(target_arch = "wasm32")]

use certlink::rules::{demo, AccountId, Actor, Command};
use certlink::storage::document::{join, parse, to_json, to_json_continuing, BaseRef};
use certlink::storage::pack::{pack, unpack};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn report(line: String) {
    web_sys::console::log_1(&line.into());
}

#[wasm_bindgen_test]
async fn saving_large_organisations() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let now = chrono::DateTime::from_timestamp(1_795_770_000, 0).unwrap();
    for people in [1_000, 5_000, 10_000] {
        let base = demo::large_organisation(now, people);
        let (mut whole, mut packed) = (String::new(), String::new());
        let (mut serialise, mut packing) = (Vec::new(), Vec::new());
        for _ in 0..5 {
            let start = now_ms();
            whole = to_json(&base, 1, now);
            serialise.push(now_ms() - start);
            packed = pack(&whole).await.unwrap();
            packing.push(now_ms() - start);
        }
        let part = BaseRef { key: "bench:certlink.part".into(), revision: 1 };
        storage.set_item(&part.key, &packed).unwrap();
        // Each change as the app saves it: check the part is still its
        // start, write the head of the events since, store it.
        let mut scenario = base.clone();
        let mut saves = Vec::new();
        let mut head = String::new();
        for i in 0..21 {
            let person = AccountId::from_email(&demo::large_email(i));
            scenario.execute(&Actor::Account(person.clone()), now, &Command::RemoveAccess { account: person }).unwrap();
            let start = now_ms();
            assert!(scenario.extends(&base));
            head = to_json_continuing(&scenario, &part, base.trail().len(), 2 + i as u64, now);
            storage.set_item("bench:certlink.document", &head).unwrap();
            saves.push(now_ms() - start);
        }
        let mut opens = Vec::new();
        for _ in 0..3 {
            let start = now_ms();
            let whole = parse(&unpack(&packed).await.unwrap()).unwrap();
            let certlink::storage::document::Stored::Continues(read) =
                certlink::storage::document::parse_stored(&head).unwrap()
            else {
                panic!("not a head")
            };
            assert_eq!(join(&whole, read).unwrap().scenario, scenario);
            opens.push(now_ms() - start);
        }
        // Another tab's change, as `take_newer_save` takes it: its head joined to the
        // part this tab already holds.
        let held = parse(&unpack(&packed).await.unwrap()).unwrap();
        let mut takes = Vec::new();
        for _ in 0..5 {
            let start = now_ms();
            let certlink::storage::document::Stored::Continues(read) =
                certlink::storage::document::parse_stored(&head).unwrap()
            else {
                panic!("not a head")
            };
            let _ = join(&held, read).unwrap();
            takes.push(now_ms() - start);
        }
        storage.remove_item(&part.key).unwrap();
        storage.remove_item("bench:certlink.document").unwrap();
        report(format!(
            "storage bench: {people} people: stored {:.2} MB ({:.2} MB of JSON packed), save after a change {:.1} ms (median of 21), packing the whole {:.1} ms (serialise {:.1} ms, median of 5), reading it back {:.1} ms (median of 3), taking another tab's change {:.1} ms (median of 5)",
            (packed.len() + head.len()) as f64 / 1e6,
            whole.len() as f64 / 1e6,
            median(saves),
            median(packing),
            median(serialise),
            median(opens),
            median(takes),
        ));
    }
}
