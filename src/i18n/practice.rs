//! Practice mode's words, English and French: each task's goal in the
//! learner's words, its hints, what is still missing, and the practice
//! page's and task bar's own sentences. Apart from [`super::Text`]: only
//! the `later` file's views say them, so they travel in that file.

use super::{format_date, Lang};
use crate::practice::{CaseState, Goal, Hint, Missing};
use crate::rules::{AccountId, MpnId, State};

/// The practice page's and the task bar's sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drill {
    Heading,
    Intro,
    ScoreRules,
    CaseColumn,
    GoalColumn,
    StateColumn,
    Start,
    Resume,
    TryAgain,
    ResetProgress,
    ResetQuestion,
    ResetConfirm,
    /// Starts another task, losing the one left for now.
    StartAnyway,
    PrintResults,
    Handout,
    TaskLabel,
    CheckMyWork,
    ShowHint,
    NoMoreHints,
    HintsHeading,
    RefusalsHeading,
    LeaveForNow,
    GiveUp,
    BackToPractice,
    NotYet,
    NotSaved,
    UnreadableKept,
    PlatformUnreadableKept,
    PlatformRefused,
    PlatformClosed,
    PlatformPreview,
    HandoutSteps,
    HandoutWords,
    PrintHandout,
    Persona,
}

/// `text` in `lang`.
pub fn drill(lang: Lang, text: Drill) -> &'static str {
    use Drill::*;
    let (en, fr) = match text {
        Heading => ("Practice", "Entraînement"),
        Intro => ("Each case is a task to do on your own, on the normal pages, with nothing highlighted. When you think it is done, select Check my work: Certlink checks the outcome in the scenario, whatever way you took to reach it. A task runs in the cases’ space: your own scenario is kept apart, as it was.", "Chaque cas est une tâche à faire seul, sur les pages habituelles, sans rien de mis en évidence. Quand vous pensez avoir terminé, sélectionnez Vérifier mon travail\u{a0}: Certlink vérifie le résultat dans le scénario, quel que soit le chemin pris pour y arriver. Une tâche se déroule dans l’espace des cas\u{a0}: votre propre scénario est conservé à part, tel quel."),
        ScoreRules => ("How a task is scored: a goal reached scores 100, minus 10 for each hint and 5 for each refusal met, never below 40; a goal not reached scores 0. A case is passed at 80 or more, and stays passed.", "Calcul du score\u{a0}: un objectif atteint vaut 100, moins 10 par indice et 5 par refus rencontré, jamais moins de 40\u{202f}; un objectif non atteint vaut 0. Un cas est réussi à partir de 80, et le reste."),
        CaseColumn => ("Case", "Cas"),
        GoalColumn => ("Goal", "Objectif"),
        StateColumn => ("State, best score", "État, meilleur score"),
        Start => ("Start", "Commencer"),
        Resume => ("Resume", "Reprendre"),
        TryAgain => ("Try again", "Recommencer"),
        ResetProgress => ("Reset my progress", "Réinitialiser ma progression"),
        ResetQuestion => ("Forget every case’s state and best score? Your own scenario is not touched.", "Oublier l’état et le meilleur score de chaque cas\u{202f}? Votre propre scénario n’est pas modifié."),
        ResetConfirm => ("Reset", "Réinitialiser"),
        StartAnyway => ("Start it anyway", "Commencer malgré tout"),
        PrintResults => ("Print my results", "Imprimer mes résultats"),
        Handout => ("Handout", "Fiche"),
        TaskLabel => ("Practice task", "Tâche d’entraînement"),
        CheckMyWork => ("Check my work", "Vérifier mon travail"),
        ShowHint => ("Show a hint (−10 points)", "Afficher un indice (−10 points)"),
        NoMoreHints => ("No more hints for this task.", "Plus d’indice pour cette tâche."),
        HintsHeading => ("Hints", "Indices"),
        RefusalsHeading => ("Refusals met", "Refus rencontrés"),
        LeaveForNow => ("Leave for now", "Laisser pour l’instant"),
        GiveUp => ("Give up (scores 0)", "Abandonner (score de 0)"),
        BackToPractice => ("Back to practice", "Retour à l’entraînement"),
        NotYet => ("Not yet. Still missing:", "Pas encore. Il manque encore\u{a0}:"),
        NotSaved => ("Your practice progress could not be saved in this browser (its storage is full or turned off). It is kept on this page until you leave it.", "Votre progression d’entraînement n’a pas pu être enregistrée dans ce navigateur (son stockage est plein ou désactivé). Elle est conservée sur cette page jusqu’à ce que vous la quittiez."),
        UnreadableKept => ("The practice progress stored in this browser could not be read. It is kept apart, untouched, and the practice starts again from nothing.", "La progression d’entraînement stockée dans ce navigateur n’a pas pu être lue. Elle est conservée à part, intacte, et l’entraînement repart de zéro."),
        PlatformRefused => ("Your learning platform did not accept your latest result. Your progress is kept in this browser and sent again with your next result; if this message stays, tell whoever runs the platform.", "Votre plateforme de formation n’a pas accepté votre dernier résultat. Votre progression est conservée dans ce navigateur et lui sera renvoyée avec votre prochain résultat\u{202f}; si ce message reste, prévenez la personne qui gère la plateforme."),
        PlatformUnreadableKept => ("The progress your learning platform kept for this course could not be read (another version of Certlink may have written it). The platform keeps it as it was; your results are still reported to it, and your progress is kept in this browser.", "La progression que votre plateforme de formation a conservée pour ce cours n’a pas pu être lue (une autre version de Certlink l’a peut-être écrite). La plateforme la garde telle quelle\u{202f}; vos résultats lui sont toujours transmis, et votre progression est conservée dans ce navigateur."),
        PlatformClosed => ("Your learning platform’s session for this course is closed: your results no longer reach it. Your progress is kept in this browser; close the course and open it again from the platform to send it.", "La session de votre plateforme de formation pour ce cours est fermée\u{a0}: vos résultats ne lui parviennent plus. Votre progression est conservée dans ce navigateur\u{202f}; fermez le cours et rouvrez-le depuis la plateforme pour la lui transmettre."),
        PlatformPreview => ("Your learning platform opened this course to preview or review it: it does not record your results here. Your progress is kept in this browser.", "Votre plateforme de formation a ouvert ce cours en aperçu ou en révision\u{a0}: elle n’enregistre pas vos résultats ici. Votre progression est conservée dans ce navigateur."),
        HandoutSteps => ("The steps", "Les étapes"),
        HandoutWords => ("The article’s words", "Les mots de l’article"),
        PrintHandout => ("Print this handout", "Imprimer cette fiche"),
        Persona => ("You play", "Vous jouez"),
    };
    lang.pick(en, fr)
}

/// `text` in the current language, as views draw it.
pub fn dr(lang: leptos::prelude::RwSignal<Lang>, text: Drill) -> super::reactive::Wording {
    use leptos::prelude::Get;
    Box::new(move || drill(lang.get(), text))
}

/// The goal, as the learner reads it: what to bring about, not how.
pub fn goal(lang: Lang, goal: Goal) -> &'static str {
    use Goal::*;
    let (en, fr) = match goal {
        FirstLink => ("You are Priya Patel, at Contoso. Make your Microsoft certifications count for Contoso.", "Vous êtes Priya Patel, chez Contoso. Faites compter vos certifications Microsoft pour Contoso."),
        PartnerUniversityAccess => ("You are Sam Sato, at Contoso. Get into Partner University with your work account.", "Vous êtes Sam Sato, chez Contoso. Accédez à l’Université partenaire avec votre compte professionnel."),
        SameCredentials => ("You are Sam Sato. Your Microsoft Learning and Partner University sign-ins are the same: associate your MCID with Contoso the shortest way.", "Vous êtes Sam Sato. Vos identifiants Microsoft Learning et Université partenaire sont les mêmes\u{a0}: associez votre MCID à Contoso par le chemin le plus court."),
        Unlink => ("You are Chen Li, at Contoso. Your certifications should no longer count for Contoso: end the link of your MCID.", "Vous êtes Chen Li, chez Contoso. Vos certifications ne doivent plus compter pour Contoso\u{a0}: mettez fin à la liaison de votre MCID."),
        MovingCompany => ("You are Mia Moreau. You moved from Contoso to Fabrikam. Make your certifications count for Fabrikam, and let the move itself end their link with Contoso.", "Vous êtes Mia Moreau. Vous êtes passée de Contoso à Fabrikam. Faites compter vos certifications pour Fabrikam, et laissez le changement lui-même mettre fin à leur liaison avec Contoso."),
        LeavingTheCompany => ("You are Grace Garcia, Contoso’s Global Admin. Leo Laurent has left Contoso: make sure he is no longer part of Contoso, nor of its skills report.", "Vous êtes Grace Garcia, administratrice générale de Contoso. Leo Laurent a quitté Contoso\u{a0}: faites en sorte qu’il ne fasse plus partie de Contoso, ni de son rapport des qualifications."),
        UnansweredInvitation => ("You are Adam Adebayo, an admin at Contoso. Noah Nakamura never answered his invitation. Find out why, and get his sign-in details to him.", "Vous êtes Adam Adebayo, administrateur chez Contoso. Noah Nakamura n’a jamais répondu à son invitation. Trouvez pourquoi, et faites-lui parvenir ses détails de connexion."),
        YearlyLimit => ("You are Lena Lindqvist, at Contoso. Associate your MCID with Contoso again; if you may not yet, the answer tells you from when.", "Vous êtes Lena Lindqvist, chez Contoso. Associez de nouveau votre MCID à Contoso\u{202f}; si vous ne le pouvez pas encore, la réponse vous dit à partir de quand."),
        McidMerge => ("You are Chen Li. You have two MCIDs and want them merged into one. Ask the people who can do it.", "Vous êtes Chen Li. Vous avez deux MCID et voulez les fusionner en un seul. Adressez-vous à ceux qui peuvent le faire."),
    };
    lang.pick(en, fr)
}

/// A hint: where to look, in the article's terms, not the steps.
pub fn hint(lang: Lang, hint: Hint) -> &'static str {
    use Hint::*;
    let (en, fr) = match hint {
        OpenMyProfile => ("What concerns your own MCID starts from the blue My Profile icon at the top right.", "Ce qui concerne votre propre MCID part de l’icône bleue Mon profil, en haut à droite."),
        YourLearning => ("In My Profile, the Your Learning field is where Partner University access is.", "Dans Mon profil, le champ Votre apprentissage donne l’accès à l’Université partenaire."),
        AssociateLearningAccount => ("Under Microsoft exams and certifications, a Microsoft Learning account is associated.", "Sous Examens et certifications Microsoft, on associe un compte Microsoft Learning."),
        LearningCredentials => ("The username and password asked for are the ones of the Microsoft Learning account, not of the work account.", "Le nom d’utilisateur et le mot de passe demandés sont ceux du compte Microsoft Learning, pas ceux du compte professionnel."),
        SameCredentialsShortcut => ("When the Microsoft Learning and Partner University credentials are the same, Partner Center offers a shortcut once you have Partner University access.", "Quand les identifiants Microsoft Learning et Université partenaire sont les mêmes, l’Espace partenaires propose un raccourci une fois l’accès à l’Université partenaire obtenu."),
        RemoveAccessUnlinks => ("In My Profile, Remove access ends what links you.", "Dans Mon profil, Supprimer l’accès met fin à ce qui vous lie."),
        OnlyThePerson => ("Nobody else, not even an admin, links or unlinks a person’s MCID: only that person.", "Personne d’autre, pas même un administrateur, ne lie ou ne dissocie le MCID d’une personne\u{a0}: seulement cette personne."),
        LinkWithTheNewCompany => ("Link with the new company the usual way, signed in with its work account.", "Liez-vous à la nouvelle société de la manière habituelle, en étant connecté(e) avec le compte professionnel de cette société."),
        OldLinkEndsByItself => ("Linking with the new company ends the link with the old one by itself: there is nothing to undo by hand first.", "Se lier à la nouvelle société met fin d’elle-même à la liaison avec l’ancienne\u{a0}: il n’y a rien à défaire à la main d’abord."),
        GlobalAdminDeletes => ("The Global Admin deletes the work account of someone who left, from Users.", "L’administrateur général supprime le compte professionnel de quelqu’un qui est parti, depuis Utilisateurs."),
        RemovedFromTheReportOnRequest => ("Someone who left and still shows in the skills report can be removed from it on their request.", "Quelqu’un qui est parti et figure encore dans le rapport des qualifications peut en être retiré à sa demande."),
        CheckTheAddress => ("First check the email address the sign-in details were sent to.", "Vérifiez d’abord l’adresse e-mail à laquelle les détails de connexion ont été envoyés."),
        SendAgain => ("Then get in touch again: the sign-in details go out once more.", "Puis reprenez contact\u{a0}: les détails de connexion repartent une nouvelle fois."),
        AssociationsAreLimited => ("Associations of an MCID are limited each year, to prevent abuse.", "Les associations d’un MCID sont limitées chaque année, pour éviter les abus."),
        DateInTheProfile => ("Try to associate again: the answer gives the date from which a new association can start, as My Profile does.", "Essayez d’associer de nouveau\u{a0}: la réponse donne la date à partir de laquelle une nouvelle association peut commencer, comme Mon profil."),
        MergeIsForCertificationSupport => ("Merging MCIDs is not a Partner Center support ticket: Certification Support handles it.", "La fusion de MCID n’est pas une demande de support de l’Espace partenaires\u{a0}: le support technique des certifications s’en charge."),
        SupportPage => ("The Support page sends a problem to the right place and gathers what it needs.", "La page Support envoie un problème au bon endroit et rassemble ce qu’il lui faut."),
    };
    lang.pick(en, fr)
}

fn org_name(state: &State, org: &MpnId) -> String {
    state.organisation(org).map_or_else(|| org.to_string(), |o| o.name.clone())
}

fn person_name(state: &State, account: &AccountId) -> String {
    state.account(account).map_or_else(|| account.as_str().to_string(), |a| a.display_name.clone())
}

/// What is still missing, as an outcome, with the rule it concerns.
pub fn missing(lang: Lang, missing: &Missing, state: &State) -> String {
    use Missing::*;
    let text = match missing {
        McidNotLinkedTo(org) => lang.pick(
            format!("The MCID is not linked to {} through the person’s own work account.", org_name(state, org)),
            format!("Le MCID n’est pas lié à {} par le compte professionnel de la personne elle-même.", org_name(state, org)),
        ),
        NotLinkedByThePerson => lang.pick(
            "The MCID is linked, but through another person’s work account.".to_string(),
            "Le MCID est lié, mais par le compte professionnel d’une autre personne.".to_string(),
        ),
        NotLinkedWithSameCredentials => lang.pick(
            "The MCID is not associated by the same-credentials shortcut.".to_string(),
            "Le MCID n’est pas associé par le raccourci des mêmes identifiants.".to_string(),
        ),
        NoPartnerUniversityAccess => lang.pick(
            "There is no Partner University access yet.".to_string(),
            "Il n’y a pas encore d’accès à l’Université partenaire.".to_string(),
        ),
        McidStillLinkedTo(org) => lang.pick(
            format!("The MCID is still linked to {}.", org_name(state, org)),
            format!("Le MCID est toujours lié à {}.", org_name(state, org)),
        ),
        NotUnlinkedByThePerson => lang.pick(
            "The link ended, but not by the person themselves.".to_string(),
            "La liaison a pris fin, mais pas par la personne elle-même.".to_string(),
        ),
        OldLinkNotEndedAutomatically(org) => lang.pick(
            format!("The link with {} did not end the way a move ends it.", org_name(state, org)),
            format!("La liaison avec {} n’a pas pris fin comme un changement de société la termine.", org_name(state, org)),
        ),
        AccountNotDeleted(account) => lang.pick(
            format!("{}’s work account is still there.", person_name(state, account)),
            format!("Le compte professionnel de {} existe toujours.", person_name(state, account)),
        ),
        McidStillInReport(org) => lang.pick(
            format!("{}’s skills report still shows the MCID of the person who left.", org_name(state, org)),
            format!("Le rapport des qualifications de {} montre toujours le MCID de la personne partie.", org_name(state, org)),
        ),
        InvitationAddressNotCorrected(account) => lang.pick(
            format!("The address the invitation went to, {}, was not checked and corrected.", account.as_str()),
            format!("L’adresse à laquelle l’invitation est partie, {}, n’a pas été vérifiée ni corrigée.", account.as_str()),
        ),
        InvitationNotSentAgain => lang.pick(
            "The sign-in details have not gone out again since the correction.".to_string(),
            "Les détails de connexion ne sont pas repartis depuis la correction.".to_string(),
        ),
        YearlyLimitNotMet => lang.pick(
            "You have not found out from when the MCID may be associated again, nor associated it once allowed.".to_string(),
            "Vous n’avez ni trouvé à partir de quand le MCID peut de nouveau être associé, ni associé le MCID une fois que c’était permis.".to_string(),
        ),
        NoCertificationSupportTicket => lang.pick(
            "Nobody who can merge MCIDs has been asked yet.".to_string(),
            "Personne pouvant fusionner des MCID n’a encore été sollicité.".to_string(),
        ),
        NotFromThisStart => lang.pick(
            "This scenario is not the one the task started on (an import, a reset, another case or a guided tour replaced it). Start the task again.".to_string(),
            "Ce scénario n’est pas celui sur lequel la tâche a commencé (un import, une réinitialisation, un autre cas ou une visite guidée l’a remplacé). Recommencez la tâche.".to_string(),
        ),
    };
    format!("{text} ({})", missing.rule().code())
}

/// A case's state, as the practice page lists it.
/// Asked before a task starts in place of `left`, one not finished.
pub fn replace_question(lang: Lang, left: &str, next: &str) -> String {
    lang.pick(
        format!("The case “{left}” is not finished: starting “{next}” ends that attempt, and its work, hints and refusals are lost. Resume “{left}” to finish it first, or start “{next}” anyway."),
        format!("Le cas «\u{a0}{left}\u{a0}» n’est pas terminé\u{a0}: commencer le cas «\u{a0}{next}\u{a0}» met fin à cette tentative, et son travail, ses indices et ses refus sont perdus. Reprenez «\u{a0}{left}\u{a0}» pour le terminer d’abord, ou commencez «\u{a0}{next}\u{a0}» malgré tout."),
    )
}

pub fn case_state(lang: Lang, state: CaseState) -> &'static str {
    let (en, fr) = match state {
        CaseState::NotStarted => ("Not started", "Pas commencé"),
        CaseState::InProgress => ("In progress", "En cours"),
        CaseState::Passed => ("Passed", "Réussi"),
        CaseState::Failed => ("Failed", "Échoué"),
    };
    lang.pick(en, fr)
}

/// "Done: the goal holds. Score 80 / 100: 1 hint (−10), 2 refusals (−10)."
pub fn passed(lang: Lang, score: u8, hints: u32, refusals: u32) -> String {
    let hints_text = lang.count(u64::from(hints), "hint", "hints");
    let refusals_text = lang.count(u64::from(refusals), "refusal", "refusals");
    let indices = lang.count(u64::from(hints), "indice", "indices");
    let refus = lang.count(u64::from(refusals), "refus", "refus");
    // Where the points taken pass the floor, the sum would not add up: it
    // says why.
    let lost = u64::from(hints) * 10 + u64::from(refusals) * 5;
    let floor = crate::practice::SCORE_FLOOR;
    let (floor_en, floor_fr) = match lost > u64::from(100 - floor) {
        true => (
            format!(" A goal reached scores at least {floor}."),
            format!(" Un objectif atteint rapporte au moins {floor}."),
        ),
        false => (String::new(), String::new()),
    };
    lang.pick(
        format!("Done: the goal holds. Score {score} / 100: {hints} {hints_text} (−{}), {refusals} {refusals_text} (−{}).{floor_en}", hints * 10, refusals * 5),
        format!("Terminé\u{a0}: l’objectif est atteint. Score {score} / 100\u{a0}: {hints} {indices} (−{}), {refusals} {refus} (−{}).{floor_fr}", hints * 10, refusals * 5),
    )
}

/// A case's best score as the results list it, "—" before any.
pub fn best_score(score: u8, state: CaseState) -> String {
    match state {
        CaseState::NotStarted => "—".to_string(),
        _ => format!("{score} / 100"),
    }
}

/// "Results on December 6, 2026: 3 of 9 cases passed; overall score
/// 33 / 100." The overall score is the one a learning platform records.
pub fn results_line(lang: Lang, at: chrono::DateTime<chrono::Utc>, passed: usize, total: usize, score: u8) -> String {
    let date = format_date(lang, at);
    lang.pick(
        format!("Results on {date}: {passed} of {total} cases passed; overall score {score} / 100."),
        format!(
            "Résultats au {date}\u{a0}: {passed} {} sur {total}\u{202f}; score d’ensemble {score} / 100.",
            lang.count(passed as u64, "cas réussi", "cas réussis")
        ),
    )
}
