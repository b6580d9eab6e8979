//! The skills report's CSV download (R2), read back as a spreadsheet would
//! read it: with a comma, a semicolon (the French default) or a tab as the
//! separator. Whatever people are called, no cell starts a formula, and
//! their names come back whole.
#![cfg(not(target_arch = "wasm32"))]

use certlink::i18n::{csv_words, Lang};
use certlink::rules::demo;
use certlink::rules::reports::{skills_report, skills_report_csv, SkillsReport, FORMULA_PREFIXES};
use certlink::rules::*;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;

const HOSTILE: &str = "Leo;=1+1;@SUM(A1)";

/// The separators a spreadsheet may split the file on.
const SEPARATORS: [char; 3] = [',', ';', '\t'];

/// Contoso's report in the demo, as Adam (an admin) downloads it.
fn report() -> SkillsReport {
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let s = demo::scenario(now);
    let report = skills_report(s.state(), &Actor::account("adam@contoso.com"), &MpnId(demo::CONTOSO.into()), now);
    let report = report.unwrap();
    assert!(report.rows.len() >= 2, "the demo's report has rows to work on");
    report
}

/// The report with the first row's person renamed `name`.
fn csv_with_name(name: &str) -> String {
    let mut report = report();
    report.rows[0].person = name.to_string();
    skills_report_csv(&report, csv_words(Lang::En))
}

/// A small RFC 4180 reader splitting on `sep`: a cell that starts with a
/// quote runs to the next lone quote, with `""` read as one quote; records
/// end at a line break outside quotes. RFC 4180 says nothing of text after
/// a closing quote (it happens when the file is split on a separator it was
/// not written with): it joins the cell as it is, quotes included, up to
/// the next separator, as Python's csv module reads it. That is the reading
/// least kind to the writer, since the rest of the record is then read
/// without quotes. A leading byte order mark is skipped, as spreadsheets do.
fn read(text: &str, sep: char) -> Vec<Vec<String>> {
    let mut chars = text.strip_prefix('\u{feff}').unwrap_or(text).chars().peekable();
    let (mut records, mut record, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if at_start && c == '"' {
            at_start = false;
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(c) => cell.push(c),
                    None => panic!("a quoted cell runs to the end of the file: {text:?}"),
                }
            }
            continue;
        }
        at_start = false;
        if c == sep {
            record.push(std::mem::take(&mut cell));
            at_start = true;
        } else if c == '\r' || c == '\n' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            record.push(std::mem::take(&mut cell));
            records.push(std::mem::take(&mut record));
            at_start = true;
        } else {
            cell.push(c);
        }
    }
    if !at_start || !cell.is_empty() || !record.is_empty() {
        record.push(cell);
        records.push(record);
    }
    records
}

/// What the cell of `value` must read back as with the file's own
/// separator: NULs gone, and a quote mark first where `value` (without its
/// NULs) starts with a formula prefix.
fn expected(value: &str) -> String {
    let value = value.replace('\0', "");
    if value.starts_with(FORMULA_PREFIXES) {
        format!("'{value}")
    } else {
        value
    }
}

/// Panics, naming it, on any cell that starts with a formula prefix.
fn assert_no_formula(records: &[Vec<String>], sep: char) {
    for (r, record) in records.iter().enumerate() {
        for cell in record {
            assert!(!cell.starts_with(FORMULA_PREFIXES), "split on {sep:?}, record {r} has the formula cell {cell:?}");
        }
    }
}

#[test]
fn r2_csv_is_rfc_4180_every_field_quoted_crlf_with_its_header() {
    let report = report();
    let csv = skills_report_csv(&report, csv_words(Lang::En));
    let body = csv.strip_prefix('\u{feff}').expect("a byte order mark, so spreadsheets read accents right");
    assert!(body.starts_with("\"Name\",\"Work email\",\"MCID\",\"Source\","));
    let lines: Vec<&str> = body.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), report.rows.len() + 1, "one header, then one record per row, each ended by CRLF");
    assert!(body.ends_with("\r\n") && !body.replace("\r\n", "").contains('\n'));
    for line in &lines {
        assert!(line.starts_with('"') && line.ends_with('"'), "every field quoted: {line}");
    }
    let records = read(&csv, ',');
    assert_eq!(records.len(), report.rows.len() + 1);
    assert_eq!(records[0][0], "Name");
    assert!(records.iter().all(|r| r.len() == records[0].len()), "every record has the header's columns");
    let chen = records.iter().find(|r| r[0] == "Chen Li").expect("Chen Li's row");
    assert_eq!(&chen[..4], ["Chen Li", "chen@contoso.com", "985005678", "Microsoft Learning"]);
}

#[test]
fn r2_the_french_csv_has_french_words_and_the_semicolon_french_spreadsheets_split_on() {
    let report = report();
    let csv = skills_report_csv(&report, csv_words(Lang::Fr));
    let records = read(&csv, ';');
    assert_eq!(records.len(), report.rows.len() + 1);
    assert_eq!(&records[0][..4], ["Nom", "E-mail professionnel", "MCID", "Source"]);
    assert!(records.iter().all(|r| r.len() == records[0].len()), "every record has the header's columns");
    let chen = records.iter().find(|r| r[0] == "Chen Li").expect("Chen Li's row");
    assert_eq!(&chen[..5], ["Chen Li", "chen@contoso.com", "985005678", "Microsoft Learning", "Certification"]);
    assert!(chen[8] == "Oui" || chen[8] == "Non", "yes and no in French: {chen:?}");
    assert!(chen[10] == "Pris en compte" || chen[10] == "En attente", "the status in French: {chen:?}");
    // Nothing of the English file is left in it but the words both share.
    let shared = ["MCID", "Source", "Type", "Code"];
    let english = csv_words(Lang::En).header.iter().chain(&["Yes", "No", "Counts", "Pending", "Exam", "Assessment"]);
    for word in english.filter(|word| !shared.contains(word)) {
        assert!(!csv.contains(&format!("\"{word}\"")), "{word} in the French file");
    }
    // A hostile name is one cell there too, and never a formula.
    let mut hostile = report.clone();
    hostile.rows[0].person = HOSTILE.to_string();
    let records = read(&skills_report_csv(&hostile, csv_words(Lang::Fr)), ';');
    assert_eq!(records[1][0], HOSTILE);
    assert_no_formula(&records, ';');
}

#[test]
fn r2_a_name_made_of_formulas_comes_back_as_one_cell_on_every_separator() {
    let csv = csv_with_name(HOSTILE);
    assert!(csv.contains("\r\n\"Leo;=1+1;@SUM(A1)\","), "the name is one quoted field: {csv}");
    for sep in SEPARATORS {
        let records = read(&csv, sep);
        assert_no_formula(&records, sep);
        let cell = &records[1][0];
        if sep == ',' {
            assert_eq!(cell, HOSTILE, "it starts with a letter, so no quote mark is added");
        } else {
            assert!(cell.starts_with(HOSTILE), "split on {sep:?}, the name stays in one cell: {cell:?}");
        }
    }
}

#[test]
fn r2_a_name_starting_with_a_formula_prefix_is_shown_as_text() {
    for name in ["=1+1;@SUM(A1)", "+33 1 23", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\0=1", "=HYPERLINK(\"http://x\")"] {
        let csv = csv_with_name(name);
        for sep in SEPARATORS {
            let records = read(&csv, sep);
            assert_no_formula(&records, sep);
            assert!(records[1][0].starts_with(&expected(name)), "split on {sep:?}: {:?}", records[1][0]);
        }
        assert_eq!(read(&csv, ',')[1][0], expected(name));
        assert!(expected(name).starts_with('\''));
    }
}

#[test]
fn r2_quotes_separators_line_breaks_and_nul_in_any_field_round_trip() {
    let mut report = report();
    let row = &mut report.rows[0];
    row.person = "Mia \"Mimi\" Moreau, Jr.\r\nsecond line".into();
    row.account = AccountId("a,b;c\td@contoso.com".into());
    row.mcid = Some(McidId("-985\u{0}005678".into()));
    row.code = "AZ-\u{0}104\n=1".into();
    row.title = "\"quoted\"".into();
    let (person, account, code, title) =
        (row.person.clone(), row.account.0.clone(), row.code.clone(), row.title.clone());
    let csv = skills_report_csv(&report, csv_words(Lang::En));
    assert!(!csv.contains('\0'), "NUL characters are dropped");
    let records = read(&csv, ',');
    assert_eq!(records.len(), report.rows.len() + 1, "line breaks inside a field do not start a record");
    let cells = &records[1];
    assert_eq!(cells.len(), records[0].len());
    assert_eq!(cells[0], person);
    assert_eq!(cells[1], account);
    assert_eq!(cells[2], "'-985005678", "a leading minus is neutralised too; the NUL is gone");
    assert_eq!(cells[5], "AZ-104\n=1");
    assert_eq!(cells[5], expected(&code));
    assert_eq!(cells[6], title);
    assert_no_formula(&records, ',');
}

/// Names as people might type them, with the characters that matter here
/// drawn often: formula prefixes, separators, quotes, line breaks, NUL.
fn name() -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(vec!['=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', '\'', '\0', ' ']);
    let one = prop_oneof![2 => tricky, 1 => any::<char>(), 1 => prop::char::range('a', 'z')];
    prop::collection::vec(one, 0..16).prop_map(String::from_iter)
}

proptest! {
    #[test]
    fn r2_any_name_comes_back_as_typed_minus_nul_and_never_as_a_formula(name in name()) {
        let csv = csv_with_name(&name);
        let records = read(&csv, ',');
        prop_assert_eq!(&records[1][0], &expected(&name));
        prop_assert_eq!(records[1].len(), records[0].len());
        for sep in SEPARATORS {
            let records = read(&csv, sep);
            for record in &records {
                for cell in record {
                    prop_assert!(!cell.starts_with(FORMULA_PREFIXES), "split on {:?}: {:?}", sep, cell);
                }
            }
            prop_assert!(records[1][0].starts_with(&expected(&name)));
        }
    }
}
