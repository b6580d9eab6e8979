//! A stored or imported document's problems, worded: why an import was
//! refused, and why a saved scenario could not be read (`storage`'s
//! [`DocumentError`]). Here rather than in `i18n`, which imports only the
//! pure domain (the rules and practice mode), never `storage`.

use crate::i18n::Lang;
use crate::storage::document::DocumentError;

/// Why an import was refused, and that nothing changed.
pub fn document_error(lang: Lang, error: &DocumentError) -> String {
    let what = document_problem(lang, error);
    lang.pick(
        format!("This file was not imported: {what}. Nothing was changed."),
        format!("Ce fichier n’a pas été importé : {what}. Rien n’a été modifié."),
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
            format!("il a été enregistré par une version plus récente de Certlink (format {found}) ; mettez Certlink à jour pour l’ouvrir"),
        ),
        E::UnknownSchema => lang.pick("its format version is unknown".to_string(), "sa version de format est inconnue".to_string()),
        // The detail names the place in the file, in the file's own terms.
        E::WrongShape { detail } => lang.pick(
            format!("a part of it is missing or of the wrong kind ({detail})"),
            format!("une partie manque ou n’est pas du bon type ({detail})"),
        ),
        E::Invalid(V::McidLinkedTwice { mcid }) => lang.pick(
            format!("MCID {mcid} would be linked to two memberships (R4)"),
            format!("le MCID {mcid} serait lié à deux appartenances (R4)"),
        ),
        E::Invalid(V::YearlyLimitExceeded { mcid, .. }) => lang.pick(
            format!("MCID {mcid} has more associations than the yearly limit allows (R15)"),
            format!("le MCID {mcid} a plus d’associations que la limite annuelle ne le permet (R15)"),
        ),
        E::Invalid(V::DanglingReference { what }) => lang.pick(
            format!("it refers to something that does not exist ({what})"),
            format!("il fait référence à un élément qui n’existe pas ({what})"),
        ),
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
            format!("le nombre d’associations par an en {field} est hors de {min} à {max} (D6)"),
        ),
        E::Invalid(V::OutOfRange { field, range: Range::CoolOffDays { min, max } }) => lang.pick(
            format!("the days between associations at {field} are outside {min} to {max} (D6)"),
            format!("le nombre de jours entre deux associations en {field} est hors de {min} à {max} (D6)"),
        ),
    }
}

/// The banner of a saved scenario that could not be read and stays where
/// saves go, for want of room to set it aside.
pub fn corrupt_in_place_banner(lang: Lang, error: &DocumentError) -> String {
    let reason = document_problem(lang, error);
    lang.pick(
        format!("The saved scenario could not be read, and there is no room to set it aside: it is kept as it was, and your changes here are not saved. Download it, then make room on Your data: delete an unreadable save kept there (or, when the browser’s storage is full, a restore point), and Certlink sets this one aside and saves your scenario. (Why: {reason}.)"),
        format!("Le scénario enregistré n’a pas pu être lu, et il n’y a pas de place pour le mettre de côté : il est conservé tel quel, et vos modifications ici ne sont pas enregistrées. Téléchargez-le, puis faites de la place dans Vos données : supprimez un enregistrement illisible qui y est conservé (ou, quand le stockage du navigateur est plein, un point de restauration), et Certlink met celui-ci de côté et enregistre votre scénario. (Raison : {reason}.)"),
    )
}

/// The banner of a saved scenario that could not be read.
pub fn corrupt_banner(lang: Lang, error: &DocumentError) -> String {
    let reason = document_problem(lang, error);
    lang.pick(
        format!("The saved scenario could not be read, so Certlink started on the demo data. The unreadable data is kept in this browser and can be downloaded. (Why: {reason}.)"),
        format!("Le scénario enregistré n’a pas pu être lu : Certlink a démarré sur les données de démonstration. Les données illisibles sont conservées dans ce navigateur et peuvent être téléchargées. (Raison : {reason}.)"),
    )
}
