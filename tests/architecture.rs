//! Architecture invariants: nothing in `src/rules` or in the save engine
//! `src/save` knows about the browser, and nothing there reads the system
//! time (D1): "now" is always an input.

use std::fs;

/// The source files of `dir` with comments left out (doc comments may
/// name the browser crates to say they are absent).
fn code_of(dir: &str) -> Vec<(std::path::PathBuf, String)> {
    let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let text = fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            (path, text)
        })
        .collect()
}

fn assert_pure(dir: &str, at_least: usize) {
    let files = code_of(dir);
    for (path, text) in &files {
        for forbidden in ["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys", "Utc::now", "SystemTime", "Local::now"]
        {
            assert!(!text.contains(forbidden), "{} mentions {forbidden}", path.display());
        }
    }
    assert!(files.len() >= at_least, "expected {dir}'s files, found {}", files.len());
}

#[test]
fn rules_import_no_browser_crate_and_read_no_clock() {
    assert_pure("src/rules", 10);
}

#[test]
fn the_save_engine_imports_no_browser_crate_and_reads_no_clock() {
    assert_pure("src/save", 3);
}
