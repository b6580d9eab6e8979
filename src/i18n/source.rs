//! The Partner Center article's own sentences, word for word, French and
//! English as the source pairs them (D5). Certlink's wording lives in the
//! parent module; these are quoted, never rephrased, so that what a trainer
//! shows matches Partner Center. A native test checks each against the
//! source text.

use super::Lang;

/// One sentence (or heading, or list item) of the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Title,
    RolesHeading,
    RolesAllUsers,
    Intro,
    AdminRoles,
    Competency,
    OneMembership,
    PuHeading,
    PuWorkAccount,
    PuSignInWorkAccount,
    PuProcedure,
    PuStep1,
    PuStep2,
    PuStep3,
    PuStep3Associated,
    PuStep3Within72h,
    PuStep3NewlyPassed,
    PuStep4,
    MlHeading,
    MlProcedure,
    MlStep1,
    MlStep2,
    MlStep3,
    NotesHeading,
    MlSameCredentials,
    FaqHeading,
    FaqLinkAnswer,
    FaqLinkCredentials,
    FaqLinkPrivacy,
    FaqUnlinkAnswer,
    FaqUnlinkPrivacy,
    FaqMoveAnswer,
    FaqMoveAutomatic,
    FaqLeaveDelete,
    FaqLeaveReport,
    FaqNoResponseCase,
    FaqNoResponseAnswer,
    FaqLimitedCase,
    FaqLimitedAbuse,
    FaqLimitedDate,
    FaqLimitedSupport,
    SupportHeading,
    SupportTechnical,
    SupportMerge,
    NextSteps,
}

impl Source {
    /// Every sentence, in the source's order.
    pub const ALL: [Source; 45] = {
        use Source::*;
        [
            Title,
            RolesHeading,
            RolesAllUsers,
            Intro,
            AdminRoles,
            Competency,
            OneMembership,
            PuHeading,
            PuWorkAccount,
            PuSignInWorkAccount,
            PuProcedure,
            PuStep1,
            PuStep2,
            PuStep3,
            PuStep3Associated,
            PuStep3Within72h,
            PuStep3NewlyPassed,
            PuStep4,
            MlHeading,
            MlProcedure,
            MlStep1,
            MlStep2,
            MlStep3,
            NotesHeading,
            MlSameCredentials,
            FaqHeading,
            FaqLinkAnswer,
            FaqLinkCredentials,
            FaqLinkPrivacy,
            FaqUnlinkAnswer,
            FaqUnlinkPrivacy,
            FaqMoveAnswer,
            FaqMoveAutomatic,
            FaqLeaveDelete,
            FaqLeaveReport,
            FaqNoResponseCase,
            FaqNoResponseAnswer,
            FaqLimitedCase,
            FaqLimitedAbuse,
            FaqLimitedDate,
            FaqLimitedSupport,
            SupportHeading,
            SupportTechnical,
            SupportMerge,
            NextSteps,
        ]
    };
}

/// The article's introduction, as the home page quotes it: a table of its
/// own, so that the home page, in the first WebAssembly file, does not
/// carry the rest of the article, which only the later pages quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Introduction {
    Title,
    RolesHeading,
    RolesAllUsers,
    Intro,
    Competency,
    OneMembership,
}

/// The introduction's `sentence` in `lang`, verbatim ([`quote`] gives the
/// same for its [`Source`] twin).
pub fn introduction(lang: Lang, sentence: Introduction) -> &'static str {
    use Introduction::*;
    let (en, fr) = match sentence {
        Title => (
            "Link or unlink a Microsoft Certification profile ID (MCID) to a Microsoft Partner Network (MPN) account",
            "Lier ou dissocier un ID de profil de certification Microsoft (MCID) à un compte Microsoft Partner Network (MPN)",
        ),
        RolesHeading => ("Appropriate roles", "Rôles appropriés"),
        RolesAllUsers => ("All Partner Center users", "Tous les utilisateurs de l’Espace partenaires"),
        Intro => (
            "This article describes how customers holding active certifications in the Microsoft Certification Program can link or unlink their Microsoft Certification profile ID (MCID) with a Microsoft Partner Network (MPN) organization.",
            "Cet article explique comment les clients titulaires de certifications actives dans le programme de certification Microsoft peuvent lier ou dissocier leur ID de profil de certification Microsoft (MCID) avec une organisation Microsoft Partner Network (MPN).",
        ),
        Competency => (
            "The partner organization meets competency requirements by having individuals with linked MCIDs associated to their organization.",
            "L’organisation partenaire répond aux conditions de compétence en ayant des personnes avec des MCID liés associées à leur organisation.",
        ),
        OneMembership => (
            "An MCID can only be linked to a single MPN membership at a time.",
            "Un MCID peut être lié à une seule appartenance MPN à la fois.",
        ),
    };
    lang.pick(en, fr)
}

/// The source's sentence in `lang`, verbatim.
pub fn quote(lang: Lang, sentence: Source) -> &'static str {
    use Source::*;
    let (en, fr) = match sentence {
        Title => return introduction(lang, Introduction::Title),
        RolesHeading => return introduction(lang, Introduction::RolesHeading),
        RolesAllUsers => return introduction(lang, Introduction::RolesAllUsers),
        Intro => return introduction(lang, Introduction::Intro),
        AdminRoles => (
            "You must be an MPN Partner Admin or Global Admin to review competency (sign-in required) status for exams, or to download skills reports for reviewing associated exams.",
            "Vous devez être administrateur de partenaire MPN ou administrateur général pour passer en revue l’état des compétences (connexion nécessaire) pour les examens ou télécharger des rapports des qualifications pour passer en revue les examens associés.",
        ),
        Competency => return introduction(lang, Introduction::Competency),
        OneMembership => return introduction(lang, Introduction::OneMembership),
        PuHeading => ("Get Partner University access", "Obtenir l’accès à l’Université partenaire"),
        PuWorkAccount => (
            "In order to associate your Microsoft Certification, you must have a Partner Center account (Active AD) associated to your partner organization.",
            "Pour pouvoir associer votre certification Microsoft, vous devez disposer d’un compte Espace partenaires (Azure\u{a0}AD) associé à votre organisation partenaire.",
        ),
        PuSignInWorkAccount => (
            "Members of MPN partner organizations should use their MPN partner organization work username and password (work account) to sign into Partner Center.",
            "Les membres des organisations partenaires MPN doivent utiliser le nom d’utilisateur et le mot de passe de leur organisation partenaire MPN (compte professionnel) pour se connecter à l’Espace partenaires.",
        ),
        PuProcedure => (
            "Use the procedure below to get access to Partner University.",
            "Utilisez la procédure ci-dessous pour obtenir l’accès à l’Université partenaire.",
        ),
        PuStep1 => ("Sign into the Partner Center dashboard.", "Connectez-vous au tableau de bord de l’Espace partenaires."),
        PuStep2 => (
            "Select the blue My Profile icon in the upper-right corner",
            "Sélectionnez l’icône bleue Mon profil dans le coin supérieur droit",
        ),
        PuStep3 => (
            "In the Your Learning field, select Get Partner University Access.",
            "Dans le champ Votre apprentissage, sélectionnez Obtenir l’accès à l’Université partenaire.",
        ),
        PuStep3Associated => (
            "Your Partner university account will now be associated to your Partner Center user account.",
            "Votre compte Université partenaire sera désormais associé à votre compte d’utilisateur de l’Espace partenaires.",
        ),
        PuStep3Within72h => (
            "Your assessments will be reflected in the Partner Center User Skills report within 72hrs.",
            "Vos évaluations apparaîtront dans le rapport des qualifications des utilisateurs de l’Espace partenaires dans les 72\u{a0}heures.",
        ),
        PuStep3NewlyPassed => (
            "Newly passed assessments may take 7-10 days to reflect in the report.",
            "Les évaluations récemment transmises peuvent prendre jusqu’à 7 à 10\u{a0}jours pour figurer dans le rapport.",
        ),
        PuStep4 => (
            "To remove the association, select Remove access.",
            "Pour supprimer l’association, sélectionnez Supprimer l’accès.",
        ),
        MlHeading => ("Associate a Microsoft Learning account", "Associer un compte Microsoft Learning"),
        MlProcedure => (
            "Use the following procedure to associate a Microsoft Learning account.",
            "Utilisez la procédure suivante pour associer un compte Microsoft Learning.",
        ),
        MlStep1 => ("Sign into the Partner Center dashboard.", "Connectez-vous au tableau de bord de l’Espace partenaires."),
        MlStep2 => (
            "In your profile page, scroll down to the Microsoft exams and certifications field, and select Associate Microsoft Learning account.",
            "Dans la page de votre profil, faites défiler jusqu’au champ Examens et certifications Microsoft, puis sélectionnez Associer un compte Microsoft Learning.",
        ),
        MlStep3 => (
            "When prompted, enter the credentials you use to sign into your Microsoft certification profile (your MCID).",
            "Quand vous y êtes invité, entrez les informations d’identification que vous utilisez pour vous connecter à votre profil de certification Microsoft (votre MCID).",
        ),
        NotesHeading => ("Notes", "Notes"),
        MlSameCredentials => (
            "If the Microsoft Learning account credentials are the same as the Partner University account credentials, select Use email@address to associate my Microsoft Learning account.",
            "Si les informations d’identification du compte Microsoft Learning sont identiques aux informations d’identification du compte Université partenaire, sélectionnez Utiliser email@address pour associer mon compte Microsoft Learning.",
        ),
        FaqHeading => ("Frequently asked questions about linking accounts", "Forum aux questions sur la liaison de comptes"),
        FaqLinkAnswer => (
            "Users should sign in to Partner Center and navigate to My profile and then select either Get Partner University account or Associate Microsoft Learning account and enter their credentials.",
            "Les utilisateurs doivent se connecter à l’Espace partenaires et accéder à Mon profil, puis sélectionner Obtenir l’accès à l’Université partenaire ou Associer un compte Microsoft Learning, et entrer leurs informations d’identification.",
        ),
        FaqLinkCredentials => (
            "To associate to a Microsoft Learning account the user will need to input the username and password used to sign in to their Microsoft Certification profile (MCID).",
            "Pour associer à un compte Microsoft Learning, l’utilisateur doit entrer le nom d’utilisateur et le mot de passe utilisés pour se connecter à son profil de certification Microsoft (MCID).",
        ),
        FaqLinkPrivacy => (
            "Due to privacy considerations, users must complete the account linking process themselves.",
            "En raison de considérations relatives à la confidentialité, les utilisateurs doivent effectuer eux-mêmes le processus de liaison de compte.",
        ),
        FaqUnlinkAnswer => (
            "Sign in to Partner Center, navigate to My Profile then select Remove access.",
            "Connectez-vous à l’Espace partenaires, accédez à Mon profil, puis sélectionnez Supprimer l’accès.",
        ),
        FaqUnlinkPrivacy => (
            "Due to privacy considerations, the user must complete the account linking process themselves.",
            "En raison de considérations relatives à la confidentialité, l’utilisateur doit effectuer lui-même le processus de liaison de compte.",
        ),
        FaqMoveAnswer => (
            "The user must link their MCID with the company B by by following the procedure above.",
            "L’utilisateur doit lier son MCID à la société B en suivant la procédure ci-dessus.",
        ),
        FaqMoveAutomatic => (
            "Once the user links their MCID with company B, they will automatically be unlinked from company A.",
            "Une fois que l’utilisateur a lié son MCID à la société B, il est automatiquement dissocié de la société A.",
        ),
        FaqLeaveDelete => (
            "The user’s account must be deleted by the Global Admin after they leave the company.",
            "Le compte de l’utilisateur doit être supprimé par l’administrateur général une fois qu’il a quitté la société.",
        ),
        FaqLeaveReport => (
            "If the user’s MCID still appears as linked to the company in the skill report, the user must request that the Global Admin remove them from the report.",
            "Si le MCID de l’utilisateur apparaît toujours comme étant lié à la société dans le rapport des qualifications, l’utilisateur doit demander à l’administrateur général de le supprimer du rapport.",
        ),
        FaqNoResponseCase => (
            "The Admin provided sign-in details for a work email account to a user and they have had no response.",
            "L’administrateur a fourni les détails de connexion pour un compte e-mail professionnel à un utilisateur et il n’a pas obtenu de réponse.",
        ),
        FaqNoResponseAnswer => (
            "The Admin should first verify the email address used, and then should contact the user to which the account information was provided.",
            "L’administrateur doit d’abord vérifier l’adresse e-mail utilisée, puis contacter l’utilisateur auquel les informations de compte ont été fournies.",
        ),
        FaqLimitedCase => (
            "A user tries to associate their MCP Learning account to their profile in Partner Center and receives a message that their association is limited.",
            "Un utilisateur tente d’associer son compte MCP Learning à son profil dans l’Espace partenaires et reçoit un message indiquant que son association est limitée.",
        ),
        FaqLimitedAbuse => (
            "To protect against abuse, an MCP individual has a limited number of associations allowed each year.",
            "Pour éviter les abus, une personne MCP a un nombre limité d’associations autorisées chaque année.",
        ),
        FaqLimitedDate => (
            "Each user can check the date in their profile to see when they can start a new association.",
            "Chaque utilisateur peut vérifier la date dans son profil pour voir quand il peut effectuer une nouvelle association.",
        ),
        FaqLimitedSupport => (
            "If the user has problems associating after that date, they should contact support.",
            "Si l’utilisateur a des problèmes pour effectuer une association après cette date, il doit contacter le support technique.",
        ),
        SupportHeading => ("How to get support", "Comment obtenir un support technique"),
        SupportTechnical => (
            "For technical issues linking or unlinking MCIDs with MPN partner organizations that are not addressed in the FAQ, open a ticket with Microsoft support.",
            "Pour les problèmes techniques de liaison ou de dissociation de MCID avec des organisations partenaires MPN qui ne sont pas traités dans le Forum aux questions, ouvrez un ticket avec le support technique Microsoft.",
        ),
        SupportMerge => (
            "For questions related to the Microsoft Certification profile (MCID) merge process, contact Certification Support.",
            "Pour les questions relatives au processus de fusion du profil de certification Microsoft (MCID), contactez le support technique des certifications.",
        ),
        NextSteps => ("Next steps", "Étapes suivantes"),
    };
    lang.pick(en, fr)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE_TEXT: &str = include_str!("../../tests/fixtures/mcid-linking-fr-en.txt");

    #[test]
    fn d5_every_quoted_sentence_is_word_for_word_in_the_source() {
        for sentence in Source::ALL {
            for lang in Lang::ALL {
                let text = quote(lang, sentence);
                assert!(SOURCE_TEXT.contains(text), "{sentence:?} in {lang:?} is not verbatim: {text}");
            }
        }
    }
}
