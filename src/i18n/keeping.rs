//! The sentences of what Certlink keeps for the person (built-in cases
//! apart, restore points, unreadable saves, the library, Your data's
//! export, import and reset), English and French. Apart from
//! [`super::Text`]: only the `later` file's views say them, so they travel
//! in that file.

use super::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    CaseBanner,
    CaseBannerUnsaved,
    PracticeLeftUnsaved,
    BackToOwn,
    KeepCase,
    BackupsHeading,
    BackupsHelp,
    DownloadBackup,
    DeleteBackup,
    KeptInPlace,
    RestorePointsHeading,
    RestorePointsHelp,
    RestorePoint,
    BeforeImport,
    BeforeReset,
    BeforeCase,
    BeforeRestore,
    RestorePointBack,
    RestorePointGone,
    NotKeptTooLarge,
    NotKeptNoRoom,
    OwnNotKeptTooLarge,
    OwnNotKeptNoRoom,
    NotKeptNoStorage,
    OwnNotKeptNoStorage,
    ReplaceAnyway,
    KeepCaseAnyway,
    ConfirmResetNoRoom,
    ConfirmResetNoStorage,
    BeforeEditor,
    /// After the signed-in account in the trainer's persona list.
    SignedInMark,
    LibraryHeading,
    LibraryHelp,
    LibraryLink,
    MyScenario,
    OpenMark,
    HeldMark,
    OpenEntry,
    RenameEntry,
    DeleteEntry,
    CancelEntry,
    NameLabel,
    SaveAsHeading,
    SaveAs,
    ExportOpen,
    ImportAsNew,
    LibraryBadName,
    LibraryNotSaved,
    LibraryDone,
    LibraryGone,
    /// While a chosen file is read, before it is checked.
    ReadingFile,
    // Your data's own sentences.
    ExportHeading,
    ExportHelp,
    ExportButton,
    ImportHeading,
    DropHere,
    UndoImport,
    ImportUndone,
    ResetHelp,
    ResetButton,
    ConfirmReset,
    ConfirmResetLarge,
    LibraryUnsaved,
    LibraryOpening,
    FileNotRead,
    ImportOpenChanged,
    RestoreOpenChanged,
    ImportedName,
}

/// `text` in `lang`.
pub fn kept(lang: Lang, text: Kept) -> &'static str {
    use Kept::*;
    let (en, fr) = match text {
        CaseBanner => ("You are in a built-in case. Your own scenario is kept as it was, apart: nothing done here changes it.", "Vous êtes dans un cas intégré. Votre propre scénario est conservé tel quel, à part\u{a0}: rien de ce qui est fait ici ne le modifie."),
        CaseBannerUnsaved => ("You are in a built-in case. Your own scenario is kept apart, with your last change to it, which is not saved yet: Back to my scenario shows it again, under its banner. Closing or reloading this page loses it.", "Vous êtes dans un cas intégré. Votre propre scénario est conservé à part, avec votre dernière modification, qui n’est pas encore enregistrée\u{a0}: Revenir à mon scénario la réaffiche, sous son bandeau. Fermer ou recharger cette page la perd."),
        PracticeLeftUnsaved => ("Your own scenario is kept apart, with your last change to it, which is not saved yet: Leave for now shows it again, under its banner. Closing or reloading this page loses it.", "Votre propre scénario est conservé à part, avec votre dernière modification, qui n’est pas encore enregistrée\u{a0}: Laisser pour l’instant la réaffiche, sous son bandeau. Fermer ou recharger cette page la perd."),
        BackToOwn => ("Back to my scenario", "Revenir à mon scénario"),
        KeepCase => ("Keep this case as my scenario", "Garder ce cas comme mon scénario"),
        BackupsHeading => ("Unreadable saves kept", "Enregistrements illisibles conservés"),
        BackupsHelp => ("Certlink keeps a save it could not read, at most three. Download one to keep it (a large scenario’s comes as an importable file), then delete it to make room.", "Certlink conserve un enregistrement qu’il n’a pas pu lire, trois au plus. Téléchargez-en un pour le garder (celui d’un grand scénario est un fichier importable), puis supprimez-le pour faire de la place."),
        DownloadBackup => ("Download", "Télécharger"),
        DeleteBackup => ("Delete", "Supprimer"),
        KeptInPlace => ("still in place: delete another kept save (or, when the browser’s storage is full, a restore point) to make room for it", "toujours en place\u{a0}: supprimez un autre enregistrement conservé (ou, quand le stockage du navigateur est plein, un point de restauration) pour lui faire de la place"),
        RestorePointsHeading => ("Restore points", "Points de restauration"),
        RestorePointsHelp => ("Before an import, a reset or a built-in case replaces your scenario, Certlink keeps it here, the last three, also after a reload. Restoring one keeps the scenario it replaces here in turn.", "Avant qu’un import, une réinitialisation ou un cas intégré remplace votre scénario, Certlink le conserve ici, les trois derniers, même après un rechargement. En restaurer un conserve ici, à son tour, le scénario qu’il remplace."),
        RestorePoint => ("Restore", "Restaurer"),
        BeforeImport => ("Before an import", "Avant un import"),
        BeforeReset => ("Before a reset to the demo data", "Avant un retour aux données de démonstration"),
        BeforeCase => ("Before a built-in case became your scenario", "Avant qu’un cas intégré devienne votre scénario"),
        BeforeRestore => ("Before a restore", "Avant une restauration"),
        BeforeEditor => ("Before the scenario editor started anew", "Avant un nouveau départ dans l’éditeur de scénario"),
        RestorePointGone => ("This restore point is no longer kept (another tab may have replaced it). Your scenario is as it was.", "Ce point de restauration n’est plus conservé (un autre onglet l’a peut-être remplacé). Votre scénario est tel qu’il était."),
        NotKeptTooLarge => ("Nothing was replaced: the scenario open now is too large to be kept as a restore point, so replacing it would lose it. Export it first to keep a copy (Your data, Export to a file), then replace it anyway.", "Rien n’a été remplacé\u{a0}: le scénario ouvert est trop volumineux pour être conservé comme point de restauration, et le remplacer le perdrait. Exportez-le d’abord pour en garder une copie (Vos données, Exporter dans un fichier), puis remplacez-le malgré tout."),
        NotKeptNoRoom => ("Nothing was replaced: there is no room left to keep the scenario open now as a restore point, so replacing it would lose it. Make room (delete a restore point, an unreadable save kept or a library entry) and try again; or export it to keep a copy, then replace it anyway.", "Rien n’a été remplacé\u{a0}: il n’y a plus de place pour conserver le scénario ouvert comme point de restauration, et le remplacer le perdrait. Libérez de la place (supprimez un point de restauration, un enregistrement illisible conservé ou une entrée de la bibliothèque) et réessayez\u{202f}; ou exportez-le pour en garder une copie, puis remplacez-le malgré tout."),
        OwnNotKeptTooLarge => ("Nothing was replaced: your own scenario is too large to be kept as a restore point, so keeping this case would lose it. To keep a copy, go Back to my scenario and export it; then keep the case anyway.", "Rien n’a été remplacé\u{a0}: votre propre scénario est trop volumineux pour être conservé comme point de restauration, et garder ce cas le perdrait. Pour en garder une copie, revenez à votre scénario et exportez-le\u{202f}; puis gardez le cas malgré tout."),
        NotKeptNoStorage => ("Nothing was replaced: nothing can be saved in this browser now (storage is turned off, or this library entry was deleted in another tab), so the scenario open cannot be kept as a restore point, and replacing it would lose it. Export it first to keep a copy (Your data, Export to a file), then replace it anyway.", "Rien n’a été remplacé\u{a0}: rien ne peut être enregistré dans ce navigateur pour l’instant (stockage désactivé, ou cette entrée de la bibliothèque supprimée dans un autre onglet), donc le scénario ouvert ne peut pas être conservé comme point de restauration, et le remplacer le perdrait. Exportez-le d’abord pour en garder une copie (Vos données, Exporter dans un fichier), puis remplacez-le malgré tout."),
        OwnNotKeptNoStorage => ("Nothing was replaced: nothing can be saved in this browser now (storage is turned off, or the library entry was deleted in another tab), so your own scenario cannot be kept as a restore point, and keeping this case would lose it. Keep the case anyway, or go Back to my scenario to keep yours (export it there for a copy); the case can then be loaded again from its start.", "Rien n’a été remplacé\u{a0}: rien ne peut être enregistré dans ce navigateur pour l’instant (stockage désactivé, ou l’entrée de la bibliothèque supprimée dans un autre onglet), donc votre propre scénario ne peut pas être conservé comme point de restauration, et garder ce cas le perdrait. Gardez le cas malgré tout, ou revenez à votre scénario pour garder le vôtre (exportez-le alors pour en avoir une copie)\u{202f}; le cas pourra ensuite être rechargé depuis son début."),
        OwnNotKeptNoRoom => ("Nothing was replaced: there is no room left to keep your own scenario as a restore point, so keeping this case would lose it. Make room on Your data and try again; or go Back to my scenario and export it, then keep the case anyway.", "Rien n’a été remplacé\u{a0}: il n’y a plus de place pour conserver votre propre scénario comme point de restauration, et garder ce cas le perdrait. Libérez de la place dans Vos données et réessayez\u{202f}; ou revenez à votre scénario et exportez-le, puis gardez le cas malgré tout."),
        ReplaceAnyway => ("Replace it anyway", "Le remplacer malgré tout"),
        KeepCaseAnyway => ("Keep the case anyway", "Garder le cas malgré tout"),
        ConfirmResetNoStorage => ("Nothing can be saved in this browser now (storage is turned off, or this library entry was deleted in another tab), so the current scenario cannot be kept as a restore point: export it first to keep a copy. Replace it with the demo data anyway? This cannot be undone.", "Rien ne peut être enregistré dans ce navigateur pour l’instant (stockage désactivé, ou cette entrée de la bibliothèque supprimée dans un autre onglet), donc le scénario actuel ne peut pas être conservé comme point de restauration\u{a0}: exportez-le d’abord pour en garder une copie. Le remplacer malgré tout par les données de démonstration\u{202f}? Cette action est irréversible."),
        ConfirmResetNoRoom => ("There is no room left to keep the current scenario as a restore point: export it first to keep a copy. Replace it with the demo data anyway? This cannot be undone.", "Il n’y a plus de place pour conserver le scénario actuel comme point de restauration\u{a0}: exportez-le d’abord pour en garder une copie. Le remplacer malgré tout par les données de démonstration\u{202f}? Cette action est irréversible."),
        RestorePointBack => ("The scenario of that restore point is back.", "Le scénario de ce point de restauration est de retour."),
        SignedInMark => ("(signed in)", "(session ouverte)"),
        LibraryHeading => ("Library of scenarios", "Bibliothèque de scénarios"),
        LibraryHelp => ("Scenarios kept in this browser, each saved apart, your own among them. The one open is the one every page shows, in this tab.", "Des scénarios conservés dans ce navigateur, chacun enregistré à part, le vôtre parmi eux. Celui qui est ouvert est celui que montrent toutes les pages, dans cet onglet."),
        LibraryLink => ("Library of scenarios: keep several, open one", "Bibliothèque de scénarios\u{a0}: en garder plusieurs, en ouvrir un"),
        MyScenario => ("My scenario", "Mon scénario"),
        OpenMark => ("(open)", "(ouvert)"),
        HeldMark => ("(a change not saved yet, kept in this tab: open it to see it)", "(une modification pas encore enregistrée, conservée dans cet onglet\u{a0}: ouvrez-le pour la voir)"),
        OpenEntry => ("Open", "Ouvrir"),
        RenameEntry => ("Rename", "Renommer"),
        DeleteEntry => ("Delete", "Supprimer"),
        CancelEntry => ("Cancel", "Annuler"),
        NameLabel => ("Name", "Nom"),
        SaveAsHeading => ("Save the open scenario as a new one", "Enregistrer le scénario ouvert comme un nouveau"),
        SaveAs => ("Save a copy", "Enregistrer une copie"),
        ExportOpen => ("Export the open scenario", "Exporter le scénario ouvert"),
        ImportAsNew => ("Import a file as a new scenario", "Importer un fichier comme nouveau scénario"),
        LibraryBadName => ("A name has 1 to 120 characters. Enter one.", "Un nom compte de 1 à 120 caractères. Saisissez-en un."),
        LibraryNotSaved => ("This browser’s storage refused the change (full or turned off). Nothing changed. Make room (delete a restore point, an unreadable save kept or a library entry), then try again.", "Le stockage de ce navigateur a refusé la modification (plein ou désactivé). Rien n’a changé. Libérez de la place (supprimez un point de restauration, un enregistrement illisible conservé ou une entrée de la bibliothèque), puis réessayez."),
        LibraryUnsaved => ("The scenario open is not saved yet, and this would leave it. Wait while it says Saving…, or keep it with Save a copy, which opens the copy; or Export it, then reload the page, which drops what is not saved. Nothing changed.", "Le scénario ouvert n’est pas encore enregistré, et ceci le quitterait. Attendez tant qu’il est indiqué Enregistrement…, ou gardez-le avec Enregistrer une copie, qui ouvre la copie\u{202f}; ou exportez-le, puis rechargez la page, ce qui abandonne ce qui n’est pas enregistré. Rien n’a changé."),
        FileNotRead => ("This file could not be read: it may be a folder, or a file moved or changed since it was chosen. Choose the file again. Nothing was changed.", "Ce fichier n’a pas pu être lu\u{a0}: c’est peut-être un dossier, ou un fichier déplacé ou modifié depuis qu’il a été choisi. Choisissez de nouveau le fichier. Rien n’a été modifié."),
        ImportOpenChanged => ("Another scenario was opened while the file was read: nothing was imported, and nothing changed. Import the file again if it is meant for the scenario open now.", "Un autre scénario a été ouvert pendant la lecture du fichier\u{a0}: rien n’a été importé, et rien n’a changé. Importez de nouveau le fichier s’il est destiné au scénario ouvert maintenant."),
        RestoreOpenChanged => ("Another scenario was opened while the restore point was read: nothing was restored, and nothing changed. The point belongs to the scenario left: open it again to restore the point there.", "Un autre scénario a été ouvert pendant la lecture du point de restauration\u{a0}: rien n’a été restauré, et rien n’a changé. Le point appartient au scénario quitté\u{a0}: rouvrez-le pour y restaurer le point."),
        LibraryOpening => ("The scenario is still being opened: what is shown is not it yet. Wait until the banner “Opening the saved scenario…” is gone, then try again. Nothing changed.", "Le scénario est encore en cours d’ouverture\u{a0}: ce qui est affiché n’est pas encore lui. Attendez que le bandeau «\u{a0}Ouverture du scénario enregistré…\u{a0}» disparaisse, puis réessayez. Rien n’a changé."),
        ImportedName => ("Imported scenario", "Scénario importé"),
        ExportHeading => ("Export", "Exporter"),
        ExportHelp => ("Download the whole scenario as a readable JSON file, to keep it or to give it to another trainer. Passwords are in it only as salted hashes.", "Téléchargez tout le scénario dans un fichier JSON lisible, pour le garder ou le donner à un autre formateur. Les mots de passe n’y figurent que sous forme de hachages salés."),
        ExportButton => ("Export to a file", "Exporter dans un fichier"),
        ImportHeading => ("Import", "Importer"),
        DropHere => ("or drop it here", "ou déposez-le ici"),
        UndoImport => ("Restore the previous scenario", "Restaurer le scénario précédent"),
        ImportUndone => ("The previous scenario is back, as it was before the import or the built-in case replaced it.", "Le scénario précédent est revenu, tel qu’il était avant que l’importation ou le cas intégré ne le remplace."),
        ResetHelp => ("Start again from Certlink’s built-in demo data. The scenario it replaces is kept as a restore point, below, until three newer ones take its place.", "Repartir des données de démonstration de Certlink. Le scénario remplacé est conservé comme point de restauration, ci-dessous, jusqu’à ce que trois plus récents prennent sa place."),
        ResetButton => ("Reset to demo data", "Revenir aux données de démonstration"),
        ConfirmReset => ("Replace the current scenario with the demo data? Certlink keeps it as a restore point on this page where the browser has room for it; export it first to be sure of a copy.", "Remplacer le scénario actuel par les données de démonstration\u{202f}? Certlink le conserve comme point de restauration sur cette page si le navigateur a la place\u{202f}; exportez-le d’abord pour être sûr d’en garder une copie."),
        ConfirmResetLarge => ("Replace the current scenario with the demo data? It is too large to be kept as a restore point: export it first to keep a copy. This cannot be undone.", "Remplacer le scénario actuel par les données de démonstration\u{202f}? Il est trop volumineux pour être conservé comme point de restauration\u{a0}: exportez-le d’abord pour en garder une copie. Cette action est irréversible."),
        ReadingFile => ("Reading the file… Nothing changes until it is checked.", "Lecture du fichier… Rien ne change tant qu’il n’est pas vérifié."),
        LibraryGone => ("That scenario is no longer in the library (another tab may have deleted it). Nothing changed.", "Ce scénario n’est plus dans la bibliothèque (un autre onglet l’a peut-être supprimé). Rien n’a changé."),
        LibraryDone => ("Done. The scenario open is the one shown.", "C’est fait. Le scénario ouvert est celui affiché."),
    };
    lang.pick(en, fr)
}

/// What Your data says once `item`, a restore point or an unreadable save
/// kept, is deleted.
pub fn deleted_kept(lang: Lang, item: &str) -> String {
    lang.pick(format!("Deleted: {item}."), format!("Supprimé\u{a0}: {item}."))
}

/// The library's question before deleting `name`: the entry named, so that
/// nobody confirms the deletion of another one.
pub fn delete_entry_question(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("Delete “{name}” and everything kept with it? This cannot be undone; export it first to keep a copy."),
        format!("Supprimer «\u{a0}{name}\u{a0}» et tout ce qui est conservé avec lui\u{202f}? C’est définitif\u{202f}; exportez-le d’abord pour en garder une copie."),
    )
}

/// Your data's question before deleting a restore point (`point`) or an
/// unreadable save kept, `item` as its line says it, with the way to keep
/// a copy of that kind.
pub fn delete_kept_question(lang: Lang, item: &str, point: bool) -> String {
    match point {
        true => lang.pick(
            format!("Delete “{item}”? This cannot be undone: to keep a copy, restore it and export it first."),
            format!("Supprimer «\u{a0}{item}\u{a0}»\u{202f}? C’est définitif\u{a0}: pour en garder une copie, restaurez-le et exportez-le d’abord."),
        ),
        false => lang.pick(
            format!("Delete “{item}”? This cannot be undone: download it first to keep a copy."),
            format!("Supprimer «\u{a0}{item}\u{a0}»\u{202f}? C’est définitif\u{a0}: téléchargez-le d’abord pour en garder une copie."),
        ),
    }
}

/// The accessible name of a button that acts on one item of a list
/// ("Delete: Team A"), so that a screen reader's list of buttons tells
/// the items apart; it begins with the words the button shows.
pub fn on_item(lang: Lang, action: Kept, item: &str) -> String {
    lang.pick(format!("{}: {item}", kept(lang, action)), format!("{}\u{a0}: {item}", kept(lang, action)))
}

/// `text` in the current language, as views draw it: a
/// [`super::reactive::Wording`], as every fixed sentence is.
pub fn kr(lang: leptos::prelude::RwSignal<Lang>, text: Kept) -> super::reactive::Wording {
    use leptos::prelude::Get;
    Box::new(move || kept(lang.get(), text))
}
