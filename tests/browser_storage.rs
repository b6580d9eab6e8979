//! Browser tests of local-first storage (issue 5), in real headless
//! Chromium: every path of `storage::local` against the real localStorage.
//! Each test uses its own key prefix, so tests never see each other's data.
#![cfg(target_arch = "wasm32")]

use certlink::rules::{demo, AccountId, Actor, Command, Scenario, Time};
use certlink::storage::document::{to_json, DocumentError, SCHEMA};
use certlink::storage::local::{available, Loaded, SaveError, Store};
use chrono::{TimeZone, Utc};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> Time {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The demo with one change made, so a saved scenario differs from a fresh demo.
fn changed_demo() -> Scenario {
    let mut scenario = demo::scenario(now());
    let priya = AccountId::from_email("priya@contoso.com");
    let command = Command::LinkMcid {
        account: priya.clone(),
        username: "priya.patel@outlook.com".into(),
        password: demo::LEARN_PASSWORD.into(),
    };
    scenario.execute(&Actor::Account(priya), now(), &command).unwrap();
    scenario
}

#[wasm_bindgen_test]
fn a_saved_scenario_loads_back_exactly() {
    let store = Store::open("round-trip:").expect("storage is available in the test browser");
    store.clear();
    let scenario = changed_demo();
    store.save(&to_json(&scenario, 1, now()), 0).unwrap();
    match store.load() {
        Loaded::Document(doc) => {
            assert_eq!(doc.revision, 1);
            assert_eq!(doc.scenario, scenario);
        }
        other => panic!("expected the saved document, got {other:?}"),
    }
    assert_eq!(store.stored_revision(), Some((SCHEMA, 1)));
}

#[wasm_bindgen_test]
fn corrupt_text_is_kept_under_a_backup_key_and_never_overwritten() {
    let store = Store::open("corrupt:").unwrap();
    store.clear();
    let key = store.document_key();
    for text in ["{\"app\":\"certlink\",\"schema\":1,\"revis", "not json at all", "{\"app\":\"certlink\",\"schema\":1}"]
    {
        local_storage().set_item(&key, text).unwrap();
        let Loaded::Corrupt { error, backup_key, moved } = store.load() else { panic!("{text} was not refused") };
        assert!(moved);
        assert_ne!(error, DocumentError::Empty);
        assert_eq!(store.backup(&backup_key).as_deref(), Some(text), "the unreadable text is kept whole");
        assert_eq!(local_storage().get_item(&key).unwrap(), None, "the next save may use the key");
        // A later save does not touch the kept text.
        store.save(&to_json(&changed_demo(), 1, now()), 0).unwrap();
        assert_eq!(store.backup(&backup_key).as_deref(), Some(text));
        store.clear();
    }
    // Three unreadable texts, three backups: none replaced another.
    let kept = (0..local_storage().length().unwrap())
        .filter_map(|i| local_storage().key(i).unwrap())
        .filter(|k| k.starts_with("corrupt:certlink.unreadable."))
        .count();
    assert_eq!(kept, 3);
}

#[wasm_bindgen_test]
fn a_newer_schema_is_never_written_over() {
    let store = Store::open("newer:").unwrap();
    store.clear();
    let newer = to_json(&changed_demo(), 4, now()).replacen("\"schema\":1", "\"schema\":2", 1);
    local_storage().set_item(&store.document_key(), &newer).unwrap();
    assert_eq!(store.load(), Loaded::Newer { found: 2 });
    assert_eq!(store.save(&to_json(&demo::scenario(now()), 5, now()), 4), Err(SaveError::Newer { found: 2 }));
    assert_eq!(local_storage().get_item(&store.document_key()).unwrap().as_deref(), Some(newer.as_str()));
}

#[wasm_bindgen_test]
fn the_committed_schema_1_export_loads_from_storage() {
    // The migration path: a document saved by the first schema, read by this build.
    let store = Store::open("schema-1:").unwrap();
    store.clear();
    local_storage().set_item(&store.document_key(), include_str!("fixtures/import/valid-v1.json")).unwrap();
    let Loaded::Document(doc) = store.load() else { panic!("the schema 1 fixture did not load") };
    assert_eq!((doc.schema, doc.revision), (1, 7));
}

#[wasm_bindgen_test]
fn a_save_over_another_tabs_newer_save_is_refused() {
    let store = Store::open("tabs:").unwrap();
    store.clear();
    store.save(&to_json(&demo::scenario(now()), 1, now()), 0).unwrap();
    // Another tab saved revision 2 since this tab read revision 1.
    store.save(&to_json(&changed_demo(), 2, now()), 1).unwrap();
    assert_eq!(store.save(&to_json(&demo::scenario(now()), 2, now()), 1), Err(SaveError::Conflict { stored: 2 }));
    let Loaded::Document(doc) = store.load() else { panic!() };
    assert_eq!(doc.scenario, changed_demo(), "the newer save is intact");
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_save_and_keeps_the_last_one_whole() {
    let store = Store::open("quota:").unwrap();
    store.clear();
    let first = to_json(&demo::scenario(now()), 1, now());
    store.save(&first, 0).unwrap();
    // Fill the origin's quota with filler until a write throws.
    let mut filler = Vec::new();
    let chunk = "x".repeat(512 * 1024);
    for i in 0.. {
        let key = format!("quota:filler.{i}");
        if local_storage().set_item(&key, &chunk).is_err() {
            break;
        }
        filler.push(key);
    }
    let big = to_json(&demo::large_organisation(now(), 2_000), 2, now());
    let result = store.save(&big, 1);
    for key in &filler {
        local_storage().remove_item(key).unwrap();
    }
    assert_eq!(result, Err(SaveError::Quota));
    assert_eq!(local_storage().get_item(&store.document_key()).unwrap(), Some(first), "never half a write");
    assert_eq!(store.stored_revision(), Some((SCHEMA, 1)));
}

#[wasm_bindgen_test]
fn blocked_storage_is_detected_before_gloo_is_used() {
    // As in a sandboxed iframe: reading window.localStorage throws.
    let window = web_sys::window().unwrap();
    // On the global object the attribute is the window's own property.
    let original = js_sys::Object::get_own_property_descriptor(&window, &"localStorage".into());
    let throwing = js_sys::Function::new_no_args("throw new DOMException('blocked', 'SecurityError')");
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"get".into(), &throwing).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    js_sys::Object::define_property(&window, &"localStorage".into(), &descriptor);
    let (is_available, store) = (available(), Store::open("blocked:"));
    js_sys::Object::define_property(&window, &"localStorage".into(), original.unchecked_ref());
    assert!(!is_available);
    assert!(store.is_none(), "no store: the app runs in memory");
    assert!(available(), "storage is back once the page allows it");
}
