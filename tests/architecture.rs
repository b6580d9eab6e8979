//! Architecture invariants: nothing in `src/rules`, in the save engine
//! `src/save` or in practice mode `src/practice.rs` knows about the
//! browser, and nothing there reads the system time (D1): "now" is always
//! an input. Practice mode reads the rules (and the tours) only.

use std::fs;

/// The source files of `dir` with comments left out (doc comments may
/// name the browser crates to say they are absent).
fn code_of(dir: &str) -> Vec<(std::path::PathBuf, String)> {
    let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
    fs::read_dir(dir).unwrap().map(|entry| code_of_file(entry.unwrap().path())).collect()
}

/// One source file with comments left out, as [`code_of`] reads each.
fn code_of_file(path: std::path::PathBuf) -> (std::path::PathBuf, String) {
    let text = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    (path, text)
}

fn assert_no_browser_nor_clock(path: &std::path::Path, text: &str) {
    for forbidden in ["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys", "Utc::now", "SystemTime", "Local::now"] {
        assert!(!text.contains(forbidden), "{} mentions {forbidden}", path.display());
    }
}

fn assert_pure(dir: &str, at_least: usize) {
    let files = code_of(dir);
    for (path, text) in &files {
        assert_no_browser_nor_clock(path, text);
    }
    assert!(files.len() >= at_least, "expected {dir}'s files, found {}", files.len());
}

/// [`assert_pure`] for a module that is one file.
fn assert_pure_file(file: &str) {
    let (path, text) = code_of_file(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")).into());
    assert!(!text.trim().is_empty(), "{file} has no code");
    assert_no_browser_nor_clock(&path, &text);
}

#[test]
fn rules_import_no_browser_crate_and_read_no_clock() {
    assert_pure("src/rules", 10);
}

#[test]
fn the_save_engine_imports_no_browser_crate_and_reads_no_clock() {
    assert_pure("src/save", 3);
}

#[test]
fn practice_imports_no_browser_crate_and_reads_no_clock() {
    assert_pure_file("src/practice.rs");
}

#[test]
fn practice_reads_the_rules_and_the_tours_only() {
    let (_, text) = code_of_file(format!("{}/src/practice.rs", env!("CARGO_MANIFEST_DIR")).into());
    // Every path into the crate starts at `crate::` (the module is at the
    // top, so `super::` would be the crate too).
    assert!(!text.contains("super::"), "src/practice.rs names the crate through super::");
    for (at, _) in text.match_indices("crate::") {
        let path = &text[at + "crate::".len()..];
        assert!(
            path.starts_with("rules") || path.starts_with("tours"),
            "src/practice.rs imports crate::{}",
            path.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("")
        );
    }
    assert!(text.contains("crate::rules"), "practice reads the rules");
}
