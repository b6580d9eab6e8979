//! Architecture invariants: nothing in `src/rules`, in the save engine
//! `src/save` or in practice mode `src/practice.rs` knows about the
//! browser, and nothing there reads the system time (D1): "now" is always
//! an input. Practice mode reads the rules only.

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

/// Every source file under `src/`, recursively, with its code (comments
/// left out) and its top-level module (`app` for `src/app.rs` and
/// `src/app/home.rs`; the file's own name for `lib.rs` and `main.rs`).
fn crate_files() -> Vec<(String, String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                out.push(path);
            }
        }
    }
    let root = std::path::PathBuf::from(format!("{}/src", env!("CARGO_MANIFEST_DIR")));
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            let module = relative.split('/').next().unwrap().trim_end_matches(".rs").to_string();
            let code = fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            (relative, module, code)
        })
        .collect()
}

/// The top-level modules a file's code names as `crate::name`.
fn crate_paths(code: &str) -> Vec<String> {
    code.match_indices("crate::")
        .filter(|(at, _)| !code[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        .map(|(at, _)| code[at + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect())
        .filter(|name: &String| !name.is_empty())
        .collect()
}

#[test]
fn the_first_file_reaches_the_later_pages_only_through_their_lazily_loaded_entry() {
    // `views` is the `later` file: outside it, the only names of it are its
    // one lazily loaded function (`draw`), what that function takes, and
    // the file's loader.
    let mut checked = 0;
    for (path, module, code) in crate_files() {
        if module == "views" {
            continue;
        }
        checked += 1;
        for (at, _) in code.match_indices("views::") {
            let rest = &code[at + "views::".len()..];
            let named: Vec<&str> = match rest.strip_prefix('{') {
                Some(list) => list.split('}').next().unwrap().split(',').map(str::trim).collect(),
                None => vec![rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap()],
            };
            for name in named {
                assert!(
                    ["draw", "LaterView", "fetch_later", "self"].contains(&name),
                    "{path} names views::{name}: a page of the `later` file in the first file"
                );
            }
        }
    }
    assert!(checked > 20, "expected the crate's files, found {checked}");
}

#[test]
fn i18n_imports_only_the_pure_domain() {
    let files: Vec<_> = crate_files().into_iter().filter(|(_, module, _)| module == "i18n").collect();
    for (path, _, code) in &files {
        for name in crate_paths(code) {
            assert!(
                ["rules", "practice", "i18n"].contains(&name.as_str()),
                "{path} imports crate::{name}: i18n stays below it"
            );
        }
    }
    assert!(files.len() >= 5, "expected i18n's files, found {}", files.len());
}

#[test]
fn the_top_level_modules_import_each_other_without_a_cycle() {
    use std::collections::{BTreeMap, BTreeSet};
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, module, code) in crate_files() {
        let names = imports.entry(module.clone()).or_default();
        names.extend(crate_paths(&code).into_iter().filter(|name| *name != module));
    }
    // Depth-first, with the path walked so far: a module met again on it
    // closes a cycle, which the message names.
    fn visit(
        module: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if let Some(start) = path.iter().position(|m| m == module) {
            panic!("a cycle of imports: {} -> {module}", path[start..].join(" -> "));
        }
        if !done.insert(module.to_string()) {
            return;
        }
        path.push(module.to_string());
        for next in imports.get(module).into_iter().flatten() {
            visit(next, imports, path, done);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for module in imports.keys() {
        visit(module, &imports, &mut Vec::new(), &mut done);
    }
    assert!(imports.len() > 10, "expected the crate's modules, found {}", imports.len());
}

/// The arrows ARCHITECTURE.md states, module by module, from its block
/// of `module -> imports` lines.
fn stated_arrows() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let text = fs::read_to_string(format!("{}/ARCHITECTURE.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let block = text
        .split("Arrows point one way")
        .nth(1)
        .and_then(|rest| rest.split("```text\n").nth(1))
        .and_then(|rest| rest.split("```").next())
        .expect("ARCHITECTURE.md's block of arrows, under \"Arrows point one way\"");
    block
        .lines()
        .filter_map(|line| line.split_once("->"))
        .map(|(module, imports)| (module.trim().to_string(), imports.split_whitespace().map(str::to_string).collect()))
        .collect()
}

#[test]
fn every_module_imports_exactly_what_architecture_md_states() {
    use std::collections::{BTreeMap, BTreeSet};
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, module, code) in crate_files() {
        let names: BTreeSet<String> = crate_paths(&code).into_iter().filter(|name| *name != module).collect();
        if !names.is_empty() {
            imports.entry(module).or_default().extend(names);
        }
    }
    let stated = stated_arrows();
    assert!(stated.len() > 5, "ARCHITECTURE.md's block of arrows is missing");
    for module in imports.keys().chain(stated.keys()).collect::<BTreeSet<_>>() {
        let (drawn, said) =
            (imports.get(module).cloned().unwrap_or_default(), stated.get(module).cloned().unwrap_or_default());
        let unstated: Vec<_> = drawn.difference(&said).collect();
        let undrawn: Vec<_> = said.difference(&drawn).collect();
        assert!(unstated.is_empty(), "{module} imports {unstated:?}, which ARCHITECTURE.md does not state");
        assert!(undrawn.is_empty(), "ARCHITECTURE.md states {module} -> {undrawn:?}, which no code of it imports");
    }
}

#[test]
fn practice_imports_no_browser_crate_and_reads_no_clock() {
    assert_pure_file("src/practice.rs");
}

#[test]
fn practice_reads_the_rules_only() {
    let (_, text) = code_of_file(format!("{}/src/practice.rs", env!("CARGO_MANIFEST_DIR")).into());
    // Every path into the crate starts at `crate::` (the module is at the
    // top, so `super::` would be the crate too).
    assert!(!text.contains("super::"), "src/practice.rs names the crate through super::");
    for (at, _) in text.match_indices("crate::") {
        let path = &text[at + "crate::".len()..];
        assert!(
            path.starts_with("rules"),
            "src/practice.rs imports crate::{}",
            path.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("")
        );
    }
    assert!(text.contains("crate::rules"), "practice reads the rules");
}
