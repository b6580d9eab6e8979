//! The sentences a person reads use the typographic apostrophe (’) in both
//! languages, as French requires and the English sentences do too: a
//! straight one (') between two letters of a string is a slip.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_sentence_has_a_straight_apostrophe_between_letters() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut slips = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            // Only inside a string literal: between a quote and the next.
            for literal in code.split('"').skip(1).step_by(2) {
                let chars: Vec<char> = literal.chars().collect();
                if chars.windows(3).any(|w| w[0].is_alphabetic() && w[1] == '\'' && w[2].is_alphabetic()) {
                    slips.push(format!("{}:{}: {literal}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(slips.is_empty(), "straight apostrophes in sentences:\n{}", slips.join("\n"));
}
