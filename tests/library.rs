//! The library of scenarios' index and spaces (`save::library`), over one
//! in-memory store as tabs share localStorage: entries added, named,
//! renamed and deleted; a deletion removes exactly its space's keys; a
//! refused change changes nothing.
#![cfg(not(target_arch = "wasm32"))]

use certlink::save::library::{checked_name, space_of, Entry, Library, LibraryError, MAX_NAME};
use certlink::save::{KeyValue, MemoryKv, Stamp, Store};
use proptest::prelude::*;

fn own(name: Option<&str>) -> Entry {
    Entry { id: String::new(), name: name.map(str::to_string) }
}

#[test]
fn an_empty_library_holds_the_persons_own_scenario_unnamed() {
    let library = Library::new(MemoryKv::new(), "");
    assert_eq!(library.entries(), vec![own(None)]);
    assert_eq!(space_of(""), None);
}

#[test]
fn entries_are_added_in_order_with_distinct_ids_even_from_one_seed() {
    let kv = MemoryKv::new();
    let library = Library::new(kv.clone(), "");
    let a = library.add("  Monday demo ", 42).unwrap();
    let b = library.add("Tuesday demo", 42).unwrap();
    assert_ne!(a, b);
    let entries = library.entries();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[1], Entry { id: a.clone(), name: Some("Monday demo".into()) });
    assert_eq!(entries[2].name.as_deref(), Some("Tuesday demo"));
    // Another tab's view of the same store reads the same library.
    assert_eq!(Library::new(kv, "").entries(), entries);
    assert_eq!(space_of(&a), Some(format!("lib-{a}")));
}

#[test]
fn a_name_is_one_line_of_1_to_120_characters() {
    let library = Library::new(MemoryKv::new(), "");
    // Control characters alone, or around spaces, make no name: an entry so
    // named would not read back from the index, and its space would be
    // kept with no line to open or delete it by.
    for bad in ["", "   ", &"x".repeat(MAX_NAME + 1), "\u{1}", "\t\n", " \u{7f} \r"] {
        assert_eq!(library.add(bad, 1), Err(LibraryError::BadName), "{bad:?}");
    }
    assert_eq!(library.entries(), vec![own(None)], "a refused name adds nothing");
    assert_eq!(checked_name("two\nlines\tand tab"), Ok("two lines and tab".into()));
    assert_eq!(checked_name("\u{1}Monday\n"), Ok("Monday".into()));
    assert!(library.add(&"é".repeat(MAX_NAME), 1).is_ok());
}

proptest! {
    /// Whatever is typed or imported as a name: either it is refused and
    /// nothing is added, or the entry is listed under the name as kept.
    #[test]
    fn every_name_accepted_reads_back_from_the_index_as_it_was_kept(
        name in prop_oneof![any::<String>(), "[ \\t\\n\\r\\x00-\\x1f\\x7f\\u{85}a-zé]{0,8}"],
    ) {
        let library = Library::new(MemoryKv::new(), "");
        match (checked_name(&name), library.add(&name, 7)) {
            (Ok(kept), Ok(id)) => {
                let listed = library.entries().into_iter().find(|e| e.id == id).and_then(|e| e.name);
                prop_assert_eq!(listed, Some(kept));
            }
            (Err(refused), Err(added)) => {
                prop_assert_eq!(refused, added);
                prop_assert_eq!(library.entries(), vec![own(None)]);
            }
            (checked, added) => prop_assert!(false, "checked {:?} but added {:?}", checked, added),
        }
    }
}

#[test]
fn entries_are_renamed_the_persons_own_too_and_an_unknown_one_is_refused() {
    let library = Library::new(MemoryKv::new(), "");
    let id = library.add("Draft", 7).unwrap();
    library.rename(&id, "Final").unwrap();
    library.rename("", "Mine").unwrap();
    let entries = library.entries();
    assert_eq!(entries[0], own(Some("Mine")));
    assert_eq!(entries[1].name.as_deref(), Some("Final"));
    assert_eq!(library.rename("nope", "X"), Err(LibraryError::Unknown));
    assert_eq!(library.rename(&id, ""), Err(LibraryError::BadName));
    assert_eq!(library.entries(), entries);
}

#[test]
fn a_deletion_removes_the_entry_and_exactly_its_spaces_keys() {
    let kv = MemoryKv::new();
    let library = Library::new(kv.clone(), "");
    let a = library.add("A", 10).unwrap();
    let b = library.add("B", 11).unwrap();
    for key in [
        format!("lib-{a}:certlink.document"),
        format!("lib-{a}:certlink.part.1-x"),
        format!("lib-{a}:certlink.restore.0"),
        format!("lib-{b}:certlink.document"),
        "certlink.document".to_string(),
        "case:certlink.document".to_string(),
        format!("lib-{a}x:certlink.document"),
    ] {
        kv.set(&key, "text").unwrap();
    }
    library.delete(&a).unwrap();
    assert_eq!(library.entries().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), vec!["", b.as_str()]);
    let left: Vec<String> = kv.items().into_keys().collect();
    assert!(left.iter().all(|key| !key.starts_with(&format!("lib-{a}:"))), "{left:?}");
    for kept in ["certlink.document", "case:certlink.document"] {
        assert!(left.iter().any(|key| key == kept), "{kept} kept: {left:?}");
    }
    assert!(left.contains(&format!("lib-{b}:certlink.document")));
    assert!(left.contains(&format!("lib-{a}x:certlink.document")), "a longer id is another space");
}

#[test]
fn the_persons_own_scenario_stays_and_an_unknown_entry_is_refused_changing_nothing() {
    let kv = MemoryKv::new();
    let library = Library::new(kv.clone(), "");
    library.add("A", 1).unwrap();
    kv.set("certlink.document", "mine").unwrap();
    let before = kv.items();
    assert_eq!(library.delete(""), Err(LibraryError::OwnStays));
    assert_eq!(library.delete("zz"), Err(LibraryError::Unknown));
    assert_eq!(kv.items(), before);
}

#[test]
fn a_full_storage_refuses_a_change_and_keeps_the_library_as_it_was() {
    let kv = MemoryKv::new();
    let library = Library::new(kv.clone(), "");
    library.add("A", 1).unwrap();
    let before = kv.items();
    kv.set_quota(Some(before.iter().map(|(k, v)| k.len() + v.len()).sum()));
    assert_eq!(library.add("B", 2), Err(LibraryError::NotSaved));
    assert_eq!(kv.items(), before);
}

#[test]
fn a_malformed_or_repeated_index_line_is_left_out_and_an_embeds_library_is_its_own() {
    let kv = MemoryKv::new();
    kv.set("certlink.library", "abc\tGood\nno tab here\n\tEmpty id\nab-c\tBad id\nabc\tAgain\nown\t\n").unwrap();
    let library = Library::new(kv.clone(), "");
    assert_eq!(library.entries(), vec![own(None), Entry { id: "abc".into(), name: Some("Good".into()) }]);
    // Under ?storage=NAME, another library, another set of spaces.
    let embed = Library::new(kv.clone(), "intranet:");
    assert_eq!(embed.entries(), vec![own(None)]);
    let id = embed.add("Embed's", 5).unwrap();
    kv.set(&format!("intranet:lib-{id}:certlink.document"), "x").unwrap();
    embed.delete(&id).unwrap();
    assert!(kv.items().keys().all(|key| !key.starts_with("intranet:lib-")));
    assert_eq!(library.entries().len(), 2);
}

#[test]
fn lines_this_version_cannot_read_stay_in_the_index_through_every_change_and_keep_their_ids() {
    let kv = MemoryKv::new();
    let long = "x".repeat(MAX_NAME + 1);
    // A newer version's id, and an entry whose name was made too long by hand.
    let unread = format!("ab-c\tNewer's entry\n5\t{long}\n");
    kv.set("certlink.library", &format!("abc\tGood\n{unread}")).unwrap();
    kv.set("lib-5:certlink.document", "the long-named entry's save").unwrap();
    let library = Library::new(kv.clone(), "");
    // An id taken by a line not listed is not given again: its space holds that entry's save.
    let id = library.add("New", 5).unwrap();
    assert_eq!(id, "6");
    library.rename("abc", "Renamed").unwrap();
    library.delete(&id).unwrap();
    library.rename("", "Mine").unwrap();
    let index = kv.get("certlink.library").unwrap();
    assert!(index.ends_with(&unread), "the lines not read are gone: {index:?}");
    assert_eq!(library.entries(), vec![own(Some("Mine")), Entry { id: "abc".into(), name: Some("Renamed".into()) }]);
    assert_eq!(kv.get("lib-5:certlink.document").as_deref(), Some("the long-named entry's save"));
    // A line not read under the id of an entry deleted goes with it: the
    // index would list that entry still.
    kv.set("certlink.library", &format!("abc\tGood\nabc\t{long}\n")).unwrap();
    library.delete("abc").unwrap();
    assert!(!certlink::save::library::lists(&kv.get("certlink.library").unwrap(), "abc"));
}

#[test]
fn an_embed_named_like_a_space_of_the_default_one_keeps_keys_of_its_own() {
    use certlink::save::embed_prefix;
    assert_eq!(embed_prefix("team-a"), "team-a:", "an ordinary name keeps the keys it always had");
    let default_spaces = ["", "case:", "large-demo:", "lib-k3x:"];
    for name in ["case", "large-demo", "lib-k3x", "certlink.part.1", "certlink"] {
        let prefix = embed_prefix(name);
        for space in default_spaces {
            let kv = MemoryKv::new();
            let (embed, default) = (Store::new(kv.clone(), &prefix), Store::new(kv.clone(), space));
            embed
                .save(
                    "{\"app\":\"certlink\",\"schema\":2,\"revision\":1,\"saved_at\":\"x\"}",
                    &Stamp::default(),
                    "e",
                    None,
                    None,
                )
                .unwrap();
            assert_eq!(default.saved_text(), None, "{name:?} shares keys with the space {space:?}");
            assert!(default.backups().is_empty() && default.restore_points().is_empty());
            default.remove_stale_parts(None, u64::MAX);
            assert!(embed.saved_text().is_some(), "{name:?}'s save was removed by the space {space:?}");
        }
    }
}

#[test]
fn the_index_lists_an_entry_by_its_line_whatever_comes_after_the_tab() {
    use certlink::save::library::lists;
    let index = "own\tMy scenario\nk3x9\tMonday\nq7\t\n";
    assert!(lists(index, "k3x9") && lists(index, "own") && lists(index, "q7"));
    assert!(!lists(index, "k3") && !lists(index, "Monday") && !lists("", "k3x9"));
}
