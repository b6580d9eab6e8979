//! The later pages' own sentences (the editor, the FAQ's Show me, the
//! reports, the timeline, the trainer panel and its tours, My Profile,
//! Users), English and French. Apart from [`super::Text`]: only the
//! `later` file's views say them, so they travel in that file, not in the
//! first load.

use super::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageText {
    EditorIntro,
    ShowMeHelp,
    NoSkillsData,
    NoPersona,
    TourStuck,
    TimelineHelp,
    EditorStartHelp,
    NoPartnerUniversityAccess,
    NoAssociationYet,
    EditorStarted,
    EditorStartedUnkept,
    NoMcidLinked,
    LinkedMcid,
    TimelineEmpty,
    NoFaqMatch,
    NoPendingInvitation,
    TourDoIt,
    TourWaiting,
}

/// `text` in `lang`.
pub fn page_text(lang: Lang, text: PageText) -> &'static str {
    use PageText::*;
    let (en, fr) = match text {
        EditorIntro => ("Build the scenario you show: its organisations, people, Microsoft Certification profiles and exams. Each edit is checked by the rules and recorded in the audit timeline as the trainer’s; an edit that would break the scenario is refused and says why.", "Construisez le scénario que vous montrez\u{a0}: ses organisations, ses personnes, ses profils de certification Microsoft et ses examens. Chaque modification est vérifiée par les règles et consignée dans la chronologie d’audit comme celle du formateur\u{202f}; une modification qui casserait le scénario est refusée et dit pourquoi."),
        ShowMeHelp => ("Show me loads the demo scenario of the question and guides you through it, step by step. Your own scenario is kept apart, as it was: Back to my scenario returns to it.", "Montrez-moi charge le scénario de démonstration de la question et vous guide étape par étape. Votre propre scénario est conservé à part, tel quel\u{a0}: Revenir à mon scénario y ramène."),
        NoSkillsData => ("No users with skills data were found. Users should check that they associated their Microsoft Learning or Partner University accounts.", "Aucun utilisateur avec des données de qualifications n’a été trouvé. Les utilisateurs doivent vérifier qu’ils ont associé leur compte Microsoft Learning ou Université partenaire."),
        NoPersona => ("This scenario has no active work account to play: add one in the Scenario editor (its link is at the foot of this panel), then switch.", "Ce scénario n’a aucun compte professionnel actif à incarner\u{a0}: ajoutez-en un dans l’Éditeur de scénario (son lien est au bas de ce panneau), puis changez de persona."),
        TourStuck => ("This step’s control is not on the page: the scenario changed since the tour was made for it. Start again to load the case’s scenario.", "La commande de cette étape n’est pas sur la page\u{a0}: le scénario a changé depuis la création de cette visite. Recommencez pour charger le scénario du cas."),
        TimelineHelp => ("Every change of the scenario, oldest first, with who made it, when, and the rule behind it (D4).", "Chaque modification du scénario, de la plus ancienne à la plus récente, avec son auteur, sa date et la règle qui la fonde (D4)."),
        EditorStartHelp => ("Starting anew replaces your scenario; the one it replaces is kept as a restore point (Your data).", "Repartir remplace votre scénario\u{202f}; celui qu’il remplace est conservé comme point de restauration (Vos données)."),
        NoPartnerUniversityAccess => ("Your Partner University account is not associated with this Partner Center account yet.", "Votre compte Université partenaire n’est pas encore associé à ce compte Espace partenaires."),
        NoAssociationYet => ("No association yet: you may associate a Microsoft Learning account now.", "Aucune association pour l’instant\u{a0}: vous pouvez associer un compte Microsoft Learning dès maintenant."),
        EditorStarted => ("Started anew. The scenario it replaced is kept as a restore point on Your data.", "Nouveau départ. Le scénario remplacé est conservé comme point de restauration dans Vos données."),
        EditorStartedUnkept => ("Started anew. The scenario it replaced was not kept, as you chose.", "Nouveau départ. Le scénario remplacé n’a pas été conservé, comme vous l’avez choisi."),
        NoMcidLinked => ("No Microsoft Learning account is associated with this profile.", "Aucun compte Microsoft Learning n’est associé à ce profil."),
        LinkedMcid => ("Linked Microsoft Certification profile ID (MCID):", "ID de profil de certification Microsoft (MCID) lié\u{a0}:"),
        TimelineEmpty => ("No change matches these filters.", "Aucune modification ne correspond à ces filtres."),
        NoFaqMatch => ("No question matches your search.", "Aucune question ne correspond à votre recherche."),
        NoPendingInvitation => ("Every invitation has been answered.", "Toutes les invitations ont reçu une réponse."),
        TourDoIt => ("Do this step on the page to go on.", "Faites cette étape sur la page pour continuer."),
        TourWaiting => ("Opening the page for this step…", "Ouverture de la page de cette étape…"),
    };
    lang.pick(en, fr)
}

/// [`page_text`] in the language chosen now, for a view: a
/// [`super::reactive::Wording`], as every fixed sentence is.
pub fn pr(lang: leptos::prelude::RwSignal<Lang>, text: PageText) -> super::reactive::Wording {
    use leptos::prelude::Get;
    Box::new(move || page_text(lang.get(), text))
}
