//! Architecture invariant: nothing in `src/rules` knows about the browser,
//! and nothing there reads the system time (D1).

use std::fs;

#[test]
fn rules_import_no_browser_crate_and_read_no_clock() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules");
    let mut checked = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        // Doc comments may name the browser crates to say they are absent.
        let text: String = fs::read_to_string(&path)
            .unwrap()
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for forbidden in ["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys", "Utc::now", "SystemTime", "Local::now"]
        {
            assert!(!text.contains(forbidden), "{} mentions {forbidden}", path.display());
        }
        checked += 1;
    }
    assert!(checked >= 10, "expected the rules' files, found {checked}");
}
