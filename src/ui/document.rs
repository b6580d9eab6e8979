//! A stored or imported document's problems, worded: why an import was
//! refused, and why a saved scenario could not be read (`storage`'s
//! [`DocumentError`]). Here rather than in `i18n`, which imports only the
//! pure domain (the rules and practice mode), never `storage`.

use crate::i18n::Lang;
use crate::storage::document::DocumentError;

/// Why an import was refused, that nothing changed, and what to do next
/// (a file saved by a newer Certlink says its own: update Certlink).
pub fn document_error(lang: Lang, error: &DocumentError) -> String {
    let what = document_problem(lang, error);
    let next = match error {
        DocumentError::FutureSchema { .. } => "",
        _ => lang.pick(
            " Choose a file Certlink exported (Your data, Export to a file), or correct this one.",
            " Choisissez un fichier exporté par Certlink (Vos données, Exporter dans un fichier), ou corrigez celui-ci.",
        ),
    };
    lang.pick(
        format!("This file was not imported: {what}. Nothing was changed.{next}"),
        format!("Ce fichier n’a pas été importé\u{a0}: {what}. Rien n’a été modifié.{next}"),
    )
}

/// Why a restore point was not restored, that nothing changed, and what
/// to do next.
pub fn restore_point_error(lang: Lang, error: &DocumentError) -> String {
    let what = document_problem(lang, error);
    // One a newer Certlink wrote is restored once Certlink is updated
    // (its clause says so): not one to delete.
    let next = match error {
        DocumentError::FutureSchema { .. } => "",
        _ => lang.pick(" Delete it to make room.", " Supprimez-le pour faire de la place."),
    };
    lang.pick(
        format!("This restore point cannot be restored: {what}. Nothing was changed.{next}"),
        format!("Ce point de restauration ne peut pas être restauré\u{a0}: {what}. Rien n’a été modifié.{next}"),
    )
}

/// What is wrong with a document, as a clause: "it is not valid JSON (…)".
fn document_problem(lang: Lang, error: &DocumentError) -> String {
    use crate::rules::range::Range;
    use crate::rules::InvariantViolation as V;
    use chrono::Datelike;
    use DocumentError as E;
    match error {
        E::Empty => lang.pick("the file is empty".to_string(), "le fichier est vide".to_string()),
        E::TooLarge { bytes, limit } => {
            let (size, limit) = (crate::i18n::megabytes(lang, *bytes), crate::i18n::megabytes(lang, *limit));
            lang.pick(
                format!("the file is {size} MB, over the {limit} MB limit"),
                format!("le fichier fait {size} Mo, au-delà de la limite de {limit} Mo"),
            )
        }
        E::NotJson { line, column } => lang.pick(
            format!("it is not valid JSON (line {line}, column {column})"),
            format!("ce n’est pas du JSON valide (ligne {line}, colonne {column})"),
        ),
        E::NotCertlink => lang.pick("it is not a Certlink file".to_string(), "ce n’est pas un fichier Certlink".to_string()),
        E::FutureSchema { found } => lang.pick(
            format!("it was saved by a newer Certlink (format {found}); update Certlink to open it"),
            format!("il a été enregistré par une version plus récente de Certlink (format {found})\u{202f}; mettez Certlink à jour pour l’ouvrir"),
        ),
        E::UnknownSchema => lang.pick("its format version is unknown".to_string(), "sa version de format est inconnue".to_string()),
        E::WrongShape { detail } => {
            let detail = shape(lang, detail);
            lang.pick(
                format!("a part of it is missing or of the wrong kind ({detail})"),
                format!("une partie manque ou n’est pas du bon type ({detail})"),
            )
        }
        E::Invalid(V::McidLinkedTwice { mcid }) => lang.pick(
            format!("MCID {mcid} would be linked to two memberships (R4)"),
            format!("le MCID {mcid} serait lié à deux appartenances (R4)"),
        ),
        E::Invalid(V::YearlyLimitExceeded { mcid, .. }) => lang.pick(
            format!("MCID {mcid} has more associations than the yearly limit allows (R15)"),
            format!("le MCID {mcid} a plus d’associations que la limite annuelle ne le permet (R15)"),
        ),
        E::Invalid(V::DanglingReference { from, to }) => {
            let (from, to) = (reference(lang, from, false), reference(lang, to, true));
            lang.pick(
                format!("{from} refers to {to}, which does not exist"),
                format!("{from} fait référence {to}, qui n’existe pas"),
            )
        }
        E::Invalid(V::LinkMismatch { account }) => lang.pick(
            format!("the account {account} and the links disagree (R4)"),
            format!("le compte {account} et les liaisons ne concordent pas (R4)"),
        ),
        E::Invalid(V::OutOfOrder { index }) => lang.pick(
            format!("its history goes back in time at event {index} (D1)"),
            format!("son historique remonte le temps à l’événement {index} (D1)"),
        ),
        // The field names the place in the file, in the file's own terms.
        E::Invalid(V::OutOfRange { field, range: Range::Date { earliest, latest } }) => lang.pick(
            format!("the date at {field} is outside the years {} to {} that Certlink keeps (D1)", earliest.year(), latest.year()),
            format!("la date en {field} est hors des années {} à {} que Certlink conserve (D1)", earliest.year(), latest.year()),
        ),
        E::Invalid(V::OutOfRange { field, range: Range::PerYear { min, max } }) => lang.pick(
            format!("the associations a year at {field} are outside {min} to {max} (D6)"),
            format!("le nombre d’associations par an en {field} n’est pas compris entre {min} et {max} (D6)"),
        ),
        E::Invalid(V::OutOfRange { field, range: Range::CoolOffDays { min, max } }) => lang.pick(
            format!("the days between associations at {field} are outside {min} to {max} (D6)"),
            format!("le nombre de jours entre deux associations en {field} n’est pas compris entre {min} et {max} (D6)"),
        ),
    }
}

/// The banner of a saved scenario that could not be read and stays where
/// saves go, for want of room to set it aside.
pub fn corrupt_in_place_banner(lang: Lang, error: &DocumentError) -> String {
    let reason = document_problem(lang, error);
    lang.pick(
        format!("The saved scenario could not be read, and there is no room to set it aside: it is kept as it was, and your changes here are not saved. Download it, then make room on Your data: delete an unreadable save kept there (or, when the browser’s storage is full, a restore point), and Certlink sets this one aside and saves your scenario. (Why: {reason}.)"),
        format!("Le scénario enregistré n’a pas pu être lu, et il n’y a pas de place pour le mettre de côté\u{a0}: il est conservé tel quel, et vos modifications ici ne sont pas enregistrées. Téléchargez-le, puis faites de la place dans Vos données\u{a0}: supprimez un enregistrement illisible qui y est conservé (ou, quand le stockage du navigateur est plein, un point de restauration), et Certlink met celui-ci de côté et enregistre votre scénario. (Raison\u{a0}: {reason}.)"),
    )
}

/// The banner of a saved scenario that could not be read.
pub fn corrupt_banner(lang: Lang, error: &DocumentError) -> String {
    let reason = document_problem(lang, error);
    lang.pick(
        format!("The saved scenario could not be read, so Certlink started on the demo data. The unreadable data is kept in this browser and can be downloaded. (Why: {reason}.)"),
        format!("Le scénario enregistré n’a pas pu être lu\u{a0}: Certlink a démarré sur les données de démonstration. Les données illisibles sont conservées dans ce navigateur et peuvent être téléchargées. (Raison\u{a0}: {reason}.)"),
    )
}

/// One thing a scenario holds, named as a broken reference names it; in
/// French, `after_a` names it after "fait référence" ("au compte …").
fn reference(lang: Lang, reference: &crate::rules::Reference, after_a: bool) -> String {
    use crate::rules::Reference as R;
    let (en, fr_subject, fr_after_a) = match reference {
        R::Account(id) => (format!("the account {id}"), format!("le compte {id}"), format!("au compte {id}")),
        R::Organisation(id) => {
            (format!("the organisation {id}"), format!("l’organisation {id}"), format!("à l’organisation {id}"))
        }
        R::Mcid(id) => (format!("the MCID {id}"), format!("le MCID {id}"), format!("au MCID {id}")),
        R::Link(id) => {
            (format!("the link of MCID {id}"), format!("la liaison du MCID {id}"), format!("à la liaison du MCID {id}"))
        }
    };
    lang.pick(en, if after_a { fr_after_a } else { fr_subject })
}

/// Where a file is misshapen and how: the place in the file's own terms
/// (`accounts[2].state`), then what is wrong there.
fn shape(lang: Lang, error: &crate::storage::json::ShapeError) -> String {
    use crate::storage::json::Wrong as W;
    let at = &error.at;
    let what = match &error.wrong {
        W::Missing => return lang.pick(format!("{at} is missing"), format!("{at} manque")),
        W::Expected { what, found } => {
            let (what, found) = (kind(lang, *what), kind(lang, *found));
            lang.pick(format!("expected {what}, found {found}"), format!("il faut {what}, pas {found}"))
        }
        W::TooLarge { value } => lang.pick(format!("{value} is too large"), format!("{value} est trop grand")),
        W::NotUtcDate { text } => lang.pick(
            format!("not a UTC date and time: “{text}”"),
            format!("pas une date et une heure UTC\u{a0}: «\u{a0}{text}\u{a0}»"),
        ),
        W::Cells { expected, found } => lang.pick(
            format!("expected {expected} cells, found {found}"),
            format!("il faut {expected} cellules, pas {found}"),
        ),
        W::Details { event, expected } => {
            let details = lang.count(*expected as u64, lang.pick("detail", "détail"), lang.pick("details", "détails"));
            lang.pick(
                format!("expected {expected} {details} for {event}"),
                format!("il faut {expected} {details} pour {event}"),
            )
        }
        W::PasswordInClear => lang.pick(
            "a password must be kept as its salted SHA-256 (D2)".to_string(),
            "un mot de passe doit être conservé sous forme de SHA-256 salé (D2)".to_string(),
        ),
        W::NoTitle { code } => lang.pick(format!("no title for {code}"), format!("aucun titre pour {code}")),
        W::Unknown { value } => lang.pick(
            format!("{value} is not something Certlink knows here"),
            format!("{value} n’est pas une valeur que Certlink connaît ici"),
        ),
        W::Twice { key } => lang.pick(format!("{key} is listed twice"), format!("{key} figure deux fois")),
        W::NotPacked => lang.pick(
            "the packed part is not deflate-raw in base64".to_string(),
            "la partie compressée n’est pas en deflate-raw base64".to_string(),
        ),
        W::CannotInflate => lang.pick(
            "this browser cannot inflate the packed part".to_string(),
            "ce navigateur ne sait pas décompresser la partie compressée".to_string(),
        ),
        W::Damaged => {
            lang.pick("the packed part is damaged".to_string(), "la partie compressée est endommagée".to_string())
        }
        W::NotUtf8 => lang.pick(
            "the packed part is not UTF-8 text".to_string(),
            "la partie compressée n’est pas du texte UTF-8".to_string(),
        ),
        W::PartMissing => {
            lang.pick("the packed part is missing".to_string(), "la partie compressée manque".to_string())
        }
        W::PartOfAnotherSave => lang.pick(
            "the packed part is another save’s".to_string(),
            "la partie compressée est celle d’un autre enregistrement".to_string(),
        ),
        W::NotAnExport => lang.pick(
            "it is a part of the browser’s storage, not an export".to_string(),
            "c’est une partie du stockage du navigateur, pas un export".to_string(),
        ),
    };
    match at.is_empty() {
        true => what,
        false => lang.pick(format!("{at}: {what}"), format!("{at}\u{a0}: {what}")),
    }
}

/// A kind of JSON value, as a problem names it.
fn kind(lang: Lang, kind: crate::storage::json::Kind) -> &'static str {
    use crate::storage::json::Kind as K;
    let (en, fr) = match kind {
        K::Nothing => ("null", "null"),
        K::TrueOrFalse => ("true or false", "vrai ou faux"),
        K::Number => ("a number", "un nombre"),
        K::WholeNumber => ("a whole number", "un nombre entier"),
        K::Text => ("text", "du texte"),
        K::Date => ("a date", "une date"),
        K::List => ("a list", "une liste"),
        K::Object => ("an object", "un objet"),
    };
    lang.pick(en, fr)
}
