//! Every counted message reads right at 0, 1 and 2, in English and in
//! French (D5): the words after a count agree with it through one plural
//! rule (`Lang::count`), English counting only 1 as one and French 0 and 1.

use certlink::i18n::events::event_sentence;
use certlink::i18n::refusals::refusal_sentence;
use certlink::i18n::{self, Lang};
use certlink::rules::audit::EventKind;
use certlink::rules::refusal::LimitReason;
use certlink::rules::{demo, LimitSettings, Refusal, State};
use chrono::{TimeZone, Utc};

fn state() -> State {
    demo::scenario(Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()).state().clone()
}

/// What each counted message says at `n`, in `lang`.
fn messages(lang: Lang, n: u32) -> Vec<String> {
    let state = state();
    let at = Utc.with_ymd_and_hms(2026, 12, 27, 9, 0, 0).unwrap();
    let limited =
        |reason| Refusal::AssociationLimited { reason, next_allowed: at, used: n, per_year: n, cool_off_days: n };
    let update = certlink::save::Update::Changes { changes: n as usize, last: certlink::rules::Actor::Trainer };
    vec![
        i18n::imported(lang, n as usize, n as usize),
        i18n::timeline_count(lang, n as usize, n as usize),
        i18n::limit_status(lang, n, n, None),
        i18n::limit_explained(lang, n, n),
        i18n::people_counted(lang, n, n, 0),
        i18n::user_report_line(lang, n as usize),
        refusal_sentence(lang, &limited(LimitReason::CoolOff), &state),
        refusal_sentence(lang, &limited(LimitReason::YearlyCount), &state),
        refusal_sentence(lang, &Refusal::WeakTemporaryPassword { min_len: n as usize }, &state),
        event_sentence(
            lang,
            &EventKind::LimitSettingsChanged { settings: LimitSettings { per_year: n, cool_off_days: n } },
            &state,
        ),
        certlink::views::data::what_changed(lang, &update, &state),
        certlink::i18n::practice::passed(lang, 100, n, n),
        certlink::i18n::practice::results_line(lang, at, n as usize, 9, 50),
        refusal_sentence(lang, &Refusal::ShortPassword { min_len: n as usize }, &state),
    ]
}

/// The words that may never follow the count `n` in `lang`: a plural after
/// one, a singular after many.
fn wrong_after(lang: Lang, n: u32) -> &'static [&'static str] {
    match (lang, lang.plural(n.into())) {
        (Lang::En, i18n::Plural::One) => {
            &["days", "changes", "accounts", "people", "associations", "characters", "days are", "hints", "refusals"]
        }
        (Lang::En, i18n::Plural::Other) => &[
            "day ",
            "day.",
            "change,",
            "change ",
            "account ",
            "account.",
            "person",
            "association ",
            "character.",
            "day is",
            "hint ",
            "refusal ",
        ],
        (Lang::Fr, i18n::Plural::One) => &[
            "jours",
            "modifications",
            "comptes",
            "personnes",
            "associations",
            "caractères",
            "nécessaires",
            "utilisées",
            "espacées",
            "enregistrées",
            "indices",
            "cas réussis",
        ],
        (Lang::Fr, i18n::Plural::Other) => &[
            "jour ",
            "jour.",
            "modification ",
            "modification,",
            "compte ",
            "compte.",
            "personne ",
            "association ",
            "caractère.",
            "nécessaire ",
            "utilisée ",
            "espacée ",
            "enregistrée.",
            "indice ",
            "cas réussi ",
        ],
    }
}

#[test]
fn english_counts_only_one_as_one_and_french_zero_and_one() {
    assert_eq!(Lang::En.count(0, "day", "days"), "days");
    assert_eq!(Lang::En.count(1, "day", "days"), "day");
    assert_eq!(Lang::En.count(2, "day", "days"), "days");
    assert_eq!(Lang::Fr.count(0, "jour", "jours"), "jour");
    assert_eq!(Lang::Fr.count(1, "jour", "jours"), "jour");
    assert_eq!(Lang::Fr.count(2, "jour", "jours"), "jours");
}

#[test]
fn every_counted_message_agrees_with_its_count_at_zero_one_and_two_in_both_languages() {
    for lang in Lang::ALL {
        for n in [0, 1, 2] {
            for message in messages(lang, n) {
                // Only the words right after the count matter: `{n} word`.
                let counted: Vec<&str> = message
                    .match_indices(&format!("{n} "))
                    .filter(|(at, _)| !message[..*at].ends_with(|c: char| c.is_ascii_digit()))
                    .map(|(at, _)| &message[at + 2..])
                    .collect();
                assert!(!counted.is_empty(), "{lang:?} {n}: no count in {message:?}");
                for after in counted {
                    let head: String = after.chars().take(24).collect();
                    for wrong in wrong_after(lang, n) {
                        assert!(!head.starts_with(wrong), "{lang:?} at {n}: {message:?} says {n} {head}…");
                    }
                }
            }
        }
    }
}

#[test]
fn the_counts_read_as_a_person_expects() {
    let one = |lang| messages(lang, 1);
    assert!(one(Lang::En)[3].contains("and 1 day between associations"), "{}", one(Lang::En)[3]);
    assert!(one(Lang::Fr)[4].starts_with("1 personne sur 1 nécessaire"), "{}", one(Lang::Fr)[4]);
    assert_eq!(one(Lang::Fr)[1], "1 modification sur 1");
    assert!(one(Lang::Fr)[0].contains("1 compte professionnel et 1 modification enregistrée."), "{}", one(Lang::Fr)[0]);
    assert!(messages(Lang::Fr, 0)[1].starts_with("0 modification sur 0"));
    assert!(messages(Lang::En, 0)[0].contains("0 work accounts and 0 recorded changes"));
    assert!(messages(Lang::En, 2)[6].contains("2 days are required"), "{}", messages(Lang::En, 2)[6]);
    assert!(one(Lang::En)[6].contains("1 day is required"), "{}", one(Lang::En)[6]);
    assert!(one(Lang::Fr)[6].contains("1 jour est nécessaire"), "{}", one(Lang::Fr)[6]);
    assert!(one(Lang::En)[11].contains("1 hint (−10), 1 refusal (−5)"), "{}", one(Lang::En)[11]);
    assert!(messages(Lang::Fr, 2)[11].contains("2 indices (−20), 2 refus (−10)"), "{}", messages(Lang::Fr, 2)[11]);
    assert!(one(Lang::Fr)[12].contains("1 cas réussi sur 9"), "{}", one(Lang::Fr)[12]);
    assert!(messages(Lang::En, 2)[12].contains("2 of 9 cases passed"), "{}", messages(Lang::En, 2)[12]);
}

#[test]
fn a_size_over_a_limit_never_reads_as_the_limit() {
    const MB: usize = 1024 * 1024;
    assert_eq!(i18n::megabytes(Lang::En, 16 * MB), "16");
    assert_eq!(i18n::megabytes(Lang::En, 16 * MB + 1), "16.1");
    assert_eq!(i18n::megabytes(Lang::Fr, 16 * MB + MB / 2), "16,5");
    assert_eq!(i18n::megabytes(Lang::En, MB / 3), "0.4");
    assert_eq!(i18n::megabytes(Lang::En, 0), "0");
    let banner = i18n::too_large_banner(Lang::En, 16 * MB + 1, 16 * MB);
    assert!(banner.contains("grown to 16.1 MB, more than the 16 MB"), "{banner}");
}

#[test]
fn a_kept_save_is_sized_in_the_language_s_unit_and_never_reads_as_empty() {
    assert_eq!(i18n::kilobytes(Lang::En, 8), "1 KB");
    assert_eq!(i18n::kilobytes(Lang::Fr, 8), "1 Ko");
    assert_eq!(i18n::kilobytes(Lang::En, 2048), "2 KB");
    assert_eq!(i18n::kilobytes(Lang::Fr, 2049), "3 Ko");
}

#[test]
fn an_invitation_says_how_often_it_was_resent_in_words_that_agree() {
    assert_eq!(i18n::invited_on(Lang::En, "1 Dec 2026", 0), "sent 1 Dec 2026, no response");
    assert_eq!(i18n::invited_on(Lang::En, "1 Dec 2026", 1), "sent 1 Dec 2026, resent 1 time, no response");
    assert_eq!(i18n::invited_on(Lang::En, "1 Dec 2026", 2), "sent 1 Dec 2026, resent 2 times, no response");
    assert_eq!(i18n::invited_on(Lang::Fr, "1 déc. 2026", 0), "envoyée le 1 déc. 2026, sans réponse");
    assert_eq!(i18n::invited_on(Lang::Fr, "1 déc. 2026", 2), "envoyée le 1 déc. 2026, renvoyée 2 fois, sans réponse");
}

#[test]
fn a_score_at_its_floor_says_why_the_points_taken_do_not_add_up() {
    use certlink::i18n::practice::passed;
    // 1 hint and 13 refusals take 75 points; the score stays at its floor.
    let floor = certlink::practice::score(true, 1, 13);
    assert_eq!(floor, certlink::practice::SCORE_FLOOR);
    assert!(passed(Lang::En, floor, 1, 13).ends_with("(−65). A goal reached scores at least 40."));
    assert!(passed(Lang::Fr, floor, 1, 13).ends_with("Un objectif atteint rapporte au moins 40."));
    // Where the sum adds up, nothing more is said.
    assert!(passed(Lang::En, certlink::practice::score(true, 1, 1), 1, 1).ends_with("(−5)."));
}

#[test]
fn large_counts_are_grouped_as_each_language_writes_them() {
    assert_eq!(i18n::rows_of(Lang::En, 9_951, 10_000, 35_000), "Rows 9,951-10,000 of 35,000");
    assert_eq!(i18n::rows_of(Lang::Fr, 1, 50, 35_000), "Lignes 1 à 50 sur 35\u{202f}000");
    assert_eq!(i18n::page_of(Lang::En, 2, 700), "Page 2 of 700");
    assert_eq!(
        i18n::timeline_count(Lang::Fr, 1_000, 1_234_567),
        "1\u{202f}000 modifications sur 1\u{202f}234\u{202f}567"
    );
    assert!(i18n::imported(Lang::En, 10_000, 0).starts_with("Imported: 10,000 work accounts"));
    assert_eq!(i18n::grouped(Lang::En, 0), "0");
    assert_eq!(i18n::grouped(Lang::En, 999), "999");
}
