//! Not a test: the in-browser benchmark of a full save (issue 5), run by
//! `make bench-storage` in headless Chromium, release build. It prints the
//! median of several runs; `make test` does not run it (timings are not
//! pass/fail material).
#![cfg(target_arch = "wasm32")]

use certlink::rules::demo;
use certlink::storage::document::{parse, to_json};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = performance.now();
            f();
            performance.now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn report(line: String) {
    web_sys::console::log_1(&line.into());
}

#[wasm_bindgen_test]
fn full_save_of_large_organisations() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let now = chrono::DateTime::from_timestamp(1_795_770_000, 0).unwrap();
    for people in [1_000, 5_000, 10_000] {
        let scenario = demo::large_organisation(now, people);
        let mut json = String::new();
        let serialise = median_ms(7, || json = to_json(&scenario, 1, now));
        let mut saved = true;
        let save = median_ms(7, || {
            let json = to_json(&scenario, 1, now);
            saved = storage.set_item("bench:certlink.document", &json).is_ok();
        });
        let read = median_ms(3, || {
            let _ = parse(&json);
        });
        storage.remove_item("bench:certlink.document").unwrap();
        report(format!(
            "storage bench: {people} people: {:.2} MB, serialise {serialise:.1} ms, serialise + setItem {save:.1} ms ({}), parse + validate {read:.1} ms (median)",
            json.len() as f64 / 1e6,
            if saved { "stored" } else { "refused: over the storage quota" },
        ));
    }
}
