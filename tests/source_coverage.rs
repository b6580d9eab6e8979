//! Every sentence of the source, in both languages, appears somewhere in
//! the app: each `Source` sentence is quoted by a view, by the
//! FAQ's answers, or by the shell.

use certlink::i18n::source::Source;
use std::fs;

#[test]
fn every_source_sentence_is_shown_by_some_view() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut code = String::new();
    for dir in ["src/views", "src/app", "src/i18n"] {
        for entry in fs::read_dir(format!("{root}/{dir}")).unwrap() {
            let path = entry.unwrap().path();
            // source.rs defines the sentences; it does not show them.
            if !path.ends_with("source.rs") {
                code.push_str(&fs::read_to_string(path).unwrap());
            }
        }
    }
    let words: Vec<&str> = code.split(|c: char| !c.is_alphanumeric() && c != '_').collect();
    let missing: Vec<String> =
        Source::ALL.iter().map(|s| format!("{s:?}")).filter(|name| !words.contains(&name.as_str())).collect();
    assert!(missing.is_empty(), "source sentences no view shows: {missing:?}");
}
