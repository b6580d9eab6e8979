//! Browser tests of local-first storage, in real headless
//! Chromium: every path of `session::local` and the save engine against the real localStorage.
//! Each test uses its own key prefix, so tests never see each other's data.
#![cfg(target_arch = "wasm32")]

use certlink::rules::{demo, AccountId, Actor, Command, Scenario, Time};
use certlink::save::{Loaded, SaveError, Stamp};
use certlink::session::local::{self, available, Store};
use certlink::storage::document::{parse_stored, to_json, DocumentError, MAX_IMPORT_BYTES, SCHEMA};
use chrono::{TimeZone, Utc};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> Time {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

/// What is saved, read as the app reads it.
fn load(store: &Store) -> Loaded {
    match store.saved_text() {
        None => Loaded::Nothing,
        Some(text) => store.loaded(parse_stored(&text)),
    }
}

/// The save of revision `revision`, by any writer.
fn stamp(revision: u64) -> Stamp {
    Stamp::new(revision, "")
}

/// The schema and revision stored now.
fn stored_revision(store: &Store) -> Option<(u64, u64)> {
    store.stored_stamp().map(|(schema, stamp)| (schema, stamp.revision))
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
    let store = local::open("round-trip:").expect("storage is available in the test browser");
    store.clear();
    let scenario = changed_demo();
    store.save(&to_json(&scenario, 1, now()), &stamp(0), "t", None, None).unwrap();
    match load(&store) {
        Loaded::Document(doc) => {
            assert_eq!(doc.revision, 1);
            assert_eq!(doc.scenario, scenario);
        }
        other => panic!("expected the saved document, got {other:?}"),
    }
    assert_eq!(stored_revision(&store), Some((SCHEMA, 1)));
}

#[wasm_bindgen_test]
fn corrupt_text_is_kept_under_a_backup_key_and_never_overwritten() {
    let store = local::open("corrupt:").unwrap();
    store.clear();
    let key = store.document_key();
    for text in ["{\"app\":\"certlink\",\"schema\":1,\"revis", "not json at all", "{\"app\":\"certlink\",\"schema\":1}"]
    {
        local_storage().set_item(&key, text).unwrap();
        let Loaded::Corrupt { error, backup_key, moved } = load(&store) else { panic!("{text} was not refused") };
        assert!(moved);
        assert_ne!(error, DocumentError::Empty);
        assert_eq!(
            store.backup(&backup_key).map(|(text, _)| text).as_deref(),
            Some(text),
            "the unreadable text is kept whole"
        );
        assert_eq!(local_storage().get_item(&key).unwrap(), None, "the next save may use the key");
        // A later save does not touch the kept text.
        store.save(&to_json(&changed_demo(), 1, now()), &stamp(0), "t", None, None).unwrap();
        assert_eq!(store.backup(&backup_key).map(|(text, _)| text).as_deref(), Some(text));
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
    let store = local::open("newer:").unwrap();
    store.clear();
    let newer = to_json(&changed_demo(), 4, now()).replacen(&format!("\"schema\":{SCHEMA}"), "\"schema\":3", 1);
    local_storage().set_item(&store.document_key(), &newer).unwrap();
    assert_eq!(load(&store), Loaded::Newer { found: 3 });
    assert_eq!(
        store.save(&to_json(&demo::scenario(now()), 5, now()), &stamp(4), "t", None, None),
        Err(SaveError::Newer { found: 3 })
    );
    assert_eq!(local_storage().get_item(&store.document_key()).unwrap().as_deref(), Some(newer.as_str()));
}

#[wasm_bindgen_test]
fn the_committed_schema_1_export_loads_from_storage() {
    // The migration path: a document saved by the first schema, read by this build.
    let store = local::open("schema-1:").unwrap();
    store.clear();
    local_storage().set_item(&store.document_key(), include_str!("fixtures/import/valid-v1.json")).unwrap();
    let Loaded::Document(doc) = load(&store) else { panic!("the schema 1 fixture did not load") };
    assert_eq!((doc.schema, doc.revision), (1, 7));
}

#[wasm_bindgen_test]
fn a_save_over_another_tabs_newer_save_is_refused() {
    let store = local::open("tabs:").unwrap();
    store.clear();
    store.save(&to_json(&demo::scenario(now()), 1, now()), &stamp(0), "t", None, None).unwrap();
    // Another tab saved revision 2 since this tab read revision 1.
    store.save(&to_json(&changed_demo(), 2, now()), &stamp(1), "t", None, None).unwrap();
    assert_eq!(
        store.save(&to_json(&demo::scenario(now()), 2, now()), &stamp(1), "t", None, None),
        Err(SaveError::Conflict)
    );
    let Loaded::Document(doc) = load(&store) else { panic!() };
    assert_eq!(doc.scenario, changed_demo(), "the newer save is intact");
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_save_and_keeps_the_last_one_whole() {
    let store = local::open("quota:").unwrap();
    store.clear();
    let first = to_json(&demo::scenario(now()), 1, now());
    store.save(&first, &stamp(0), "t", None, None).unwrap();
    let saved = local_storage().get_item(&store.document_key()).unwrap();
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
    let result = store.save(&big, &stamp(1), "t", None, None);
    for key in &filler {
        local_storage().remove_item(key).unwrap();
    }
    assert_eq!(result, Err(SaveError::Quota));
    let kept = local_storage().get_item(&store.document_key()).unwrap();
    assert!(kept == saved, "never half a write");
    assert_eq!(stored_revision(&store), Some((SCHEMA, 1)));
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
    let (is_available, store) = (available(), local::open("blocked:"));
    js_sys::Object::define_property(&window, &"localStorage".into(), original.unchecked_ref());
    assert!(!is_available);
    assert!(store.is_none(), "no store: the app runs in memory");
    assert!(available(), "storage is back once the page allows it");
}

#[wasm_bindgen_test]
async fn a_packed_part_unpacks_to_the_same_text_and_damage_is_refused() {
    use certlink::storage::pack::{pack, unpack};
    let json = to_json(&changed_demo(), 3, now());
    let packed = pack(&json).await.unwrap();
    assert!(packed.len() < json.len() / 2, "deflated: {} of {} bytes", packed.len(), json.len());
    assert_eq!(unpack(&packed).await.unwrap(), json);
    let cut = &packed[..packed.len() / 2];
    for damaged in ["", "not packed", cut, &packed.replacen("base64,", "base64,AAAA", 1)] {
        assert!(matches!(unpack(damaged).await, Err(DocumentError::WrongShape { .. })), "{damaged:.40}");
    }
}

#[wasm_bindgen_test]
async fn a_packed_part_that_inflates_past_what_certlink_reads_is_refused_before_it_is_copied_in() {
    use certlink::storage::pack::{pack, unpack};
    // 17 MB of spaces deflate to a few kilobytes, as a crafted part would.
    let packed = pack(&" ".repeat(MAX_IMPORT_BYTES + 1024 * 1024)).await.unwrap();
    assert!(packed.len() < 100_000, "{} bytes", packed.len());
    assert!(matches!(unpack(&packed).await, Err(DocumentError::TooLarge { limit: MAX_IMPORT_BYTES, .. })));
}

/// Raw deflate, built by hand as a crafted part would be: one space, then
/// `repeats` copies of the 258 bytes before (13 bits each), so a few
/// hundred kilobytes inflate to hundreds of times as much.
fn deflate_bomb(repeats: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut bit = 0;
    let mut put = |value: u32, len: u32, huffman: bool| {
        for i in 0..len {
            let b = if huffman { (value >> (len - 1 - i)) & 1 } else { (value >> i) & 1 };
            if bit % 8 == 0 {
                bytes.push(0u8);
            }
            *bytes.last_mut().unwrap() |= (b as u8) << (bit % 8);
            bit += 1;
        }
    };
    put(1, 1, false); // the last block
    put(1, 2, false); // fixed Huffman codes
    put(0x30 + u32::from(b' '), 8, true);
    for _ in 0..repeats {
        put(0xC0 + 5, 8, true); // length 258
        put(0, 5, true); // distance 1
    }
    put(0, 7, true); // end of block
    bytes
}

#[wasm_bindgen_test]
async fn a_packed_part_that_inflates_to_many_times_the_limit_is_refused_once_past_it_never_inflated_whole() {
    use certlink::storage::pack::unpack;
    let inflates_to = 1 + 258 * 300_000;
    assert!(inflates_to > 4 * MAX_IMPORT_BYTES);
    let packed = format!("deflate-raw;base64,{}", certlink::storage::base64::encode(&deflate_bomb(300_000)));
    assert!(packed.len() < 700_000, "{} bytes", packed.len());
    match unpack(&packed).await {
        // Stopped within a piece or two of the limit, far short of the whole.
        Err(DocumentError::TooLarge { bytes, limit }) => {
            assert_eq!(limit, MAX_IMPORT_BYTES);
            assert!(bytes < 2 * MAX_IMPORT_BYTES, "{bytes} bytes inflated of {inflates_to}");
        }
        other => panic!("refused as too large, not {:?}", other.map(|json| json.len())),
    }
}

#[wasm_bindgen_test]
async fn a_large_scenario_is_stored_as_a_packed_part_and_a_head_in_under_200_bytes_a_person() {
    use certlink::storage::document::{join, parse, to_json_continuing, BaseRef, Document};
    use certlink::storage::pack::{pack, unpack};
    let store = local::open("large:").unwrap();
    store.clear();
    let people = 2_000;
    let base = demo::large_organisation(now(), people);
    let packed = pack(&to_json(&base, 1, now())).await.unwrap();
    // A change after packing: Person 7 removes access (R11).
    let mut later = base.clone();
    let person = AccountId::from_email(&demo::large_email(7));
    later.execute(&Actor::Account(person.clone()), now(), &Command::RemoveAccess { account: person }).unwrap();
    assert!(later.extends(&base));
    let part = BaseRef { key: store.new_part_key(1, "t"), revision: 1 };
    let head = to_json_continuing(&later, &part, base.trail().len(), 2, now());
    store.save(&head, &stamp(0), "t", Some((&part.key, &packed)), None).unwrap();
    let stored = packed.len() + head.len();
    assert!(stored < people * 200, "{stored} bytes for {people} people");
    // Read back as a reload does: the head, then its part unpacked and joined.
    let Loaded::Continues { head, packed } = load(&store) else { panic!("no head stored") };
    let whole = parse(&unpack(&packed).await.unwrap()).unwrap();
    assert_eq!(join(&whole, *head).unwrap(), Document { schema: SCHEMA, ..Document::new(later, 2, now()) });
    // A head whose part has gone is set aside, never read as something else.
    local_storage().remove_item(&part.key).unwrap();
    assert!(matches!(load(&store), Loaded::Corrupt { moved: true, .. }));
    store.clear();
}

#[wasm_bindgen_test]
fn parts_no_save_uses_are_removed_after_a_minute_and_no_sooner() {
    let store = local::open("stale:").unwrap();
    let now_ms: u64 = 1_800_000_000_000;
    let [used, orphan, young] = [now_ms - 3_600_000, now_ms - 120_000, now_ms - 5_000]
        .map(|written| format!("stale:certlink.part.{written}-1"));
    for key in [&used, &orphan, &young] {
        local_storage().set_item(key, "deflate-raw;base64,").unwrap();
    }
    store.remove_stale_parts(Some(&used), now_ms);
    let left = |key: &str| local_storage().get_item(key).unwrap().is_some();
    assert!(left(&used), "the part the save continues stays");
    assert!(!left(&orphan), "an orphan written two minutes ago goes");
    assert!(left(&young), "a part written 5 s ago may be another tab's save under way");
    local_storage().remove_item(&used).unwrap();
    local_storage().remove_item(&young).unwrap();
}

/// The start reads a save again when another tab replaced it while it
/// read; saves replaced faster than it reads are left to be read after
/// the start, as another tab's, never set aside on what a read found.
/// Here every read finds another head whose part is not stored, while
/// the save under them is whole and readable: it must stay where it is.
#[wasm_bindgen_test]
async fn a_start_outpaced_by_other_tabs_saves_sets_nothing_aside() {
    use certlink::storage::document::{to_json_continuing, BaseRef};
    let store = local::open("").unwrap();
    let scenario = changed_demo();
    let good = to_json(&scenario, 1, now());
    local_storage().set_item("certlink.document", &good).unwrap();
    let part = BaseRef { key: store.new_part_key(1, "gone"), revision: 1 };
    let head = to_json_continuing(&scenario, &part, scenario.trail().len(), 2, now());
    // Each read of the save, while the test asks, finds another head.
    let outpace = js_sys::Function::new_with_args(
        "head",
        "const get = Storage.prototype.getItem; let n = 0; globalThis.certlinkGet = get;
         Storage.prototype.getItem = function (key) {
           if (key === 'certlink.document') { n += 1; return head + ' '.repeat(n); }
           return get.call(this, key);
         };",
    );
    outpace.call1(&JsValue::NULL, &JsValue::from_str(&head)).unwrap();
    let started = certlink::session::open_saved().await;
    let restore = js_sys::Function::new_no_args("Storage.prototype.getItem = globalThis.certlinkGet;");
    restore.call0(&JsValue::NULL).unwrap();
    assert!(started.is_ok());
    assert_eq!(
        local_storage().get_item("certlink.document").unwrap().as_deref(),
        Some(good.as_str()),
        "the save stays"
    );
    let keys: Vec<String> =
        (0..local_storage().length().unwrap()).filter_map(|i| local_storage().key(i).unwrap()).collect();
    assert!(!keys.iter().any(|key| key.starts_with("certlink.unreadable")), "nothing set aside: {keys:?}");
    local_storage().remove_item("certlink.document").unwrap();
}
