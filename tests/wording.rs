//! The sentences a person reads use the typographic apostrophe (’) in both
//! languages, as French requires and the English sentences do too: a
//! straight one (') between two letters of a string is a slip. French
//! keeps its high punctuation on the line of the word before it.

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

/// The string literals of `src` where `slip` holds, as `path:line:
/// literal` (files `skip` names left out): only inside a literal, between a
/// quote and the next, and not on a comment's line.
fn literals_where(skip: impl Fn(&Path) -> bool, slip: impl Fn(&[char]) -> bool) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut slips = Vec::new();
    for path in files.iter().filter(|path| !skip(path)) {
        let text = fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for literal in code.split('"').skip(1).step_by(2) {
                if slip(&literal.chars().collect::<Vec<char>>()) {
                    slips.push(format!("{}:{}: {literal}", path.display(), n + 1));
                }
            }
        }
    }
    slips
}

#[test]
fn no_sentence_has_a_straight_apostrophe_between_letters() {
    let slips = literals_where(
        |_| false,
        |chars| chars.windows(3).any(|w| w[0].is_alphabetic() && w[1] == '\'' && w[2].is_alphabetic()),
    );
    assert!(slips.is_empty(), "straight apostrophes in sentences:\n{}", slips.join("\n"));
}

#[test]
fn french_punctuation_is_never_left_alone_at_the_start_of_a_line() {
    // French sets a space before : ; ? ! and inside « »: a no-break one, so
    // that a narrow screen never wraps the mark onto a line of its own.
    // The article's own sentences (i18n/source.rs) are quoted as written.
    let breaks_before = |w: &[char]| {
        w[0] != ' ' && w[1] == ' ' && ":;?!»".contains(w[2]) && (w[3] == ' ' || w[3] == '\\' || w[3] == '{')
    };
    let ends = |chars: &[char]| {
        chars.len() >= 3
            && breaks_before(&[chars[chars.len() - 3], chars[chars.len() - 2], chars[chars.len() - 1], ' '])
    };
    let opens = |chars: &[char]| chars.windows(2).any(|w| w == ['«', ' ']);
    let slips = literals_where(
        |path| path.ends_with("i18n/source.rs"),
        |chars| chars.windows(4).any(breaks_before) || ends(chars) || opens(chars),
    );
    assert!(slips.is_empty(), "a plain space before French punctuation:\n{}", slips.join("\n"));
}

/// Every way a file can be misshapen, and every broken reference, is
/// worded in French with no English left in it (and in English too): the
/// place in the file stays in the file's own terms.
#[test]
fn why_a_file_was_refused_is_worded_whole_in_each_language() {
    use certlink::i18n::Lang;
    use certlink::rules::{AccountId, InvariantViolation, McidId, MpnId, Reference};
    use certlink::storage::document::DocumentError;
    use certlink::storage::json::{Kind, Wrong};
    use certlink::ui::document::document_error;
    let wrongs = [
        Wrong::Missing,
        Wrong::Expected { what: Kind::WholeNumber, found: Kind::Text },
        Wrong::Expected { what: Kind::List, found: Kind::Nothing },
        Wrong::Expected { what: Kind::Date, found: Kind::TrueOrFalse },
        Wrong::Expected { what: Kind::Object, found: Kind::Number },
        Wrong::TooLarge { value: 4_294_967_297 },
        Wrong::NotUtcDate { text: "2026-13-01".into() },
        Wrong::Cells { expected: 9, found: 8 },
        Wrong::Details { event: "McidLinked".into(), expected: 4 },
        Wrong::Details { event: "AccountDeleted".into(), expected: 1 },
        Wrong::PasswordInClear,
        Wrong::NoTitle { code: "AZ-900".into() },
        Wrong::Unknown { value: "\"Admin\"".into() },
        Wrong::Twice { key: "leo@contoso.com".into() },
        Wrong::NotPacked,
        Wrong::CannotInflate,
        Wrong::Damaged,
        Wrong::NotUtf8,
        Wrong::PartMissing,
        Wrong::PartOfAnotherSave,
        Wrong::NotAnExport,
    ];
    // A new kind of problem must be added above: this match says so.
    for wrong in &wrongs {
        match wrong {
            Wrong::Missing
            | Wrong::Expected { .. }
            | Wrong::TooLarge { .. }
            | Wrong::NotUtcDate { .. }
            | Wrong::Cells { .. }
            | Wrong::Details { .. }
            | Wrong::PasswordInClear
            | Wrong::NoTitle { .. }
            | Wrong::Unknown { .. }
            | Wrong::Twice { .. }
            | Wrong::NotPacked
            | Wrong::CannotInflate
            | Wrong::Damaged
            | Wrong::NotUtf8
            | Wrong::PartMissing
            | Wrong::PartOfAnotherSave
            | Wrong::NotAnExport => {}
        }
    }
    let account = || Reference::Account(AccountId::from_email("leo@contoso.com"));
    let mut errors: Vec<DocumentError> = wrongs
        .into_iter()
        .map(|wrong| DocumentError::WrongShape { detail: wrong.here().within("[2]").within("accounts") })
        .collect();
    for (from, to) in [
        (account(), Reference::Organisation(MpnId("9999999".into()))),
        (account(), Reference::Mcid(McidId("985000001".into()))),
        (Reference::Link(McidId("985000001".into())), account()),
    ] {
        errors.push(DocumentError::Invalid(InvariantViolation::DanglingReference { from, to }));
    }
    const ENGLISH: [&str; 10] =
        ["expected", "found", "missing", "unknown", "twice", "packed", "refers", "does not", "the ", "is not"];
    const FRENCH: [&str; 6] = ["il faut", "manque", "compress", "fait référence", "figure", "n’est"];
    for error in &errors {
        let (en, fr) = (document_error(Lang::En, error), document_error(Lang::Fr, error));
        let shaped = matches!(error, DocumentError::WrongShape { .. });
        assert!(
            !shaped || (en.contains("accounts[2]") && fr.contains("accounts[2]")),
            "the place, in both: {en} / {fr}"
        );
        let english_left: Vec<_> = ENGLISH.iter().filter(|word| fr.to_lowercase().contains(*word)).collect();
        assert!(english_left.is_empty(), "English in French: {english_left:?} in {fr}");
        assert!(!fr.contains("à le "), "contracted as French has it (au): {fr}");
        assert!(!en.contains(" 1 details") && !fr.contains(" 1 détails"), "one detail: {en} / {fr}");
        let french_left: Vec<_> = FRENCH.iter().filter(|word| en.contains(*word)).collect();
        assert!(french_left.is_empty(), "French in English: {french_left:?} in {en}");
    }
}

#[test]
fn the_faq_search_finds_words_typed_with_a_plain_apostrophe_and_no_accents() {
    use certlink::i18n::faq::FaqEntry;
    use certlink::i18n::Lang;
    use certlink::views::faq::matches;
    let found = |lang, query| FaqEntry::ALL.into_iter().filter(|&e| matches(e, lang, query)).count();
    for (lang, typed, as_written) in [
        (Lang::Fr, "l'organisation", "l’organisation"),
        (Lang::Fr, "j'ai quitte", "j’ai quitté"),
        (Lang::Fr, "limitee", "limitée"),
    ] {
        assert!(found(lang, as_written) > 0, "the text holds {as_written:?}");
        assert_eq!(found(lang, typed), found(lang, as_written), "{typed:?} finds what {as_written:?} finds");
    }
    assert_eq!(found(Lang::En, "no such words here"), 0);
}

#[test]
fn a_refused_file_or_restore_point_says_what_to_do_next_in_each_language() {
    use certlink::i18n::Lang;
    use certlink::storage::document::DocumentError;
    use certlink::ui::document::{document_error, restore_point_error};
    let errors = [
        DocumentError::Empty,
        DocumentError::NotJson { line: 3, column: 7 },
        DocumentError::NotCertlink,
        DocumentError::TooLarge { bytes: 17 << 20, limit: 16 << 20 },
    ];
    for error in &errors {
        let (en, fr) = (document_error(Lang::En, error), document_error(Lang::Fr, error));
        assert!(
            en.ends_with("Choose a file Certlink exported (Your data, Export to a file), or correct this one."),
            "{en}"
        );
        assert!(fr.ends_with("Choisissez un fichier exporté par Certlink (Vos données, Exporter dans un fichier), ou corrigez celui-ci."), "{fr}");
        let (en, fr) = (restore_point_error(Lang::En, error), restore_point_error(Lang::Fr, error));
        assert!(
            en.starts_with("This restore point cannot be restored") && en.ends_with("Delete it to make room."),
            "{en}"
        );
        assert!(
            fr.starts_with("Ce point de restauration ne peut pas être restauré") && !fr.contains("importé"),
            "{fr}"
        );
    }
    // A newer Certlink's file or restore point says its own way on, and
    // only that one.
    let newer = DocumentError::FutureSchema { found: 9 };
    let file = document_error(Lang::En, &newer);
    assert!(file.contains("update Certlink to open it") && !file.contains("Choose a file"), "{file}");
    let point = restore_point_error(Lang::En, &newer);
    assert!(point.contains("update Certlink to open it") && !point.contains("Delete it"), "{point}");
}
