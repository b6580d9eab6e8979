//! Every sentence a person reads, in English and French (D5).
//!
//! A typed table of our own rather than an i18n crate: each message is one
//! variant whose English and French stand side by side in one exhaustive
//! `match`, so a missing French string is a compile error, never a blank or a
//! silent fallback. Messages with values are functions taking them.
//! The source's own sentences live apart, in [`source`], so a trainer can
//! tell Partner Center's words from Certlink's.

pub mod dates;
pub mod events;
pub mod faq;
pub mod keeping;
pub mod pages;
pub mod practice;
pub mod reactive;
pub mod refusals;
pub mod source;

pub use dates::format_date;

/// The two languages of the source (D5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

/// The form a word takes after a count (CLDR's plural rules): English
/// counts only 1 as one, French 0 and 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The plural form `n` asks in this language.
    pub fn plural(self, n: u64) -> Plural {
        let one = match self {
            Lang::En => n == 1,
            Lang::Fr => n <= 1,
        };
        if one {
            Plural::One
        } else {
            Plural::Other
        }
    }

    /// `one` or `other`, as `n` asks in this language: every counted
    /// message agrees its words through this.
    pub fn count<T>(self, n: u64, one: T, other: T) -> T {
        match self.plural(n) {
            Plural::One => one,
            Plural::Other => other,
        }
    }

    /// The BCP 47 code, for `<html lang>` and the remembered preference.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Reads a code such as `fr`, `fr-CA` or `en-GB`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The language's name in itself, as a language switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// Picks the English or the French of a pair.
    pub fn pick<T>(self, en: T, fr: T) -> T {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

/// Certlink's own fixed sentences and labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Tagline,
    LanguageLabel,
    MyProfile,
    MainNavigation,
    NavHome,
    NavProfile,
    HomeHeading,
    HomeIntro,
    HomeAudience,
    HomeSourceHeading,
    LabelSeparator,
    SourceCaption,
    ProfileIntro,
    NotFoundHeading,
    NotFoundBody,
    Fetching,
    NotLoadedHeading,
    NotLoadedBody,
    TryAgain,
    ReaderNotLoaded,
    BackHome,
    FooterNote,
    NavData,
    NavPractice,
    EditorOrganisations,
    MpnIdLabel,
    OrganisationName,
    AddOrganisation,
    EditorAccounts,
    OrganisationLabel,
    AccountPassword,
    AddWorkAccount,
    EditorProfiles,
    McidLabel,
    HolderName,
    AddProfile,
    EditorExams,
    ProfileLabel,
    ExamCode,
    ExamTitle,
    ExamKind,
    KindExam,
    KindCertification,
    PassedOn,
    RecordExam,
    EditorLimits,
    AccountStateLabel,
    StateActive,
    StateInvited,
    StateDeleted,
    EditorPartnerUniversity,
    PuUsername,
    AddPuAccount,
    KindAssessment,
    PerYearLabel,
    CoolOffLabel,
    SetLimits,
    MemoryOnlyBanner,
    QuotaBanner,
    QuotaNothingKeptBanner,
    ScenarioLabel,
    TrainerToggle,
    ClockDate,
    PersonaLabel,
    PassedWho,
    PassedWhat,
    NavTimeline,
    FilterPerson,
    FilterOrg,
    LargeDemoBanner,
    ConflictBanner,
    UnreadBanner,
    SpaceDeletedBanner,
    SavingStatus,
    OpeningStatus,
    Reload,
    DownloadUnreadable,
    UpdatedElsewhere,
    Dismiss,
    ResetHeading,
    DeleteKeptHeading,
    DeleteKeptConfirm,
    ConfirmResetButton,
    SignIn,
    SignOut,
    NavSkillsReport,
    NavCompetency,
    NavUsers,
    NavFaq,
    NavSupport,
    SignInHeading,
    WorkEmail,
    Password,
    DemoAccounts,
    MicrosoftLearningUsername,
    MicrosoftLearningPassword,
    SearchFaq,
    Next,
    Met,
    NotMet,
    DisplayName,
    Role,
    TemporaryPassword,
    EmailAddressUsed,
    DeleteAccount,
    ConfirmDelete,
    ProblemStarted,
    TourFinish,
}

/// The sentence for `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    use Text::*;
    let (en, fr) = match text {
        Tagline => ("Partner Center MCID linking, rehearsed", "La liaison MCID de l’Espace partenaires, en répétition"),
        LanguageLabel => ("Language", "Langue"),
        MyProfile => ("My Profile", "Mon profil"),
        MainNavigation => ("Main", "Principale"),
        NavHome => ("Home", "Accueil"),
        NavProfile => ("My Profile", "Mon profil"),
        HomeHeading => (
            "Link or unlink your MCID, step by step",
            "Lier ou dissocier votre MCID, étape par étape",
        ),
        HomeIntro => (
            "Certlink reproduces the Partner Center flow of linking a Microsoft Certification profile ID (MCID) to a partner organisation, and of unlinking it. Everything runs in your browser, on demo data: nothing reaches Microsoft.",
            "Certlink reproduit le parcours de l’Espace partenaires pour lier un ID de profil de certification Microsoft (MCID) à une organisation partenaire, et pour l’en dissocier. Tout se passe dans votre navigateur, sur des données de démonstration\u{a0}: rien n’est envoyé à Microsoft.",
        ),
        HomeAudience => (
            "Use it to understand the flow, to rehearse it before doing it for real, or to demo it in front of a room.",
            "Servez-vous-en pour comprendre le parcours, le répéter avant de le faire pour de vrai, ou le présenter devant une salle.",
        ),
        HomeSourceHeading => ("What Partner Center says", "Ce que dit l’Espace partenaires"),
        // French sets a space before a colon.
        LabelSeparator => (": ", "\u{a0}: "),
        SourceCaption => (
            "From the Partner Center article, word for word",
            "Extrait de l’article de l’Espace partenaires, mot pour mot",
        ),
        ProfileIntro => (
            "Your profile is where you get Partner University access and associate your Microsoft Learning account. These are the steps Partner Center gives:",
            "Votre profil est l’endroit où vous obtenez l’accès à l’Université partenaire et associez votre compte Microsoft Learning. Voici les étapes que donne l’Espace partenaires\u{a0}:",
        ),
        NotFoundHeading => ("Page not found", "Page introuvable"),
        NotFoundBody => (
            "Certlink has no page at this address. Check the link, or start again from the home page.",
            "Certlink n’a pas de page à cette adresse. Vérifiez le lien ou repartez de la page d’accueil.",
        ),
        Fetching => ("Loading this part of Certlink…", "Chargement de cette partie de Certlink…"),
        NotLoadedHeading => ("This page did not load", "Cette page ne s’est pas chargée"),
        NotLoadedBody => (
            "This part of Certlink is fetched the first time it is shown, and the fetch failed: the network may be gone, or a newer Certlink was put in this one’s place. Check the connection, then try again; if it fails again, reload the page. Your scenario is unchanged.",
            "Cette partie de Certlink est récupérée la première fois qu’elle s’affiche, et la récupération a échoué\u{a0}: le réseau est peut-être coupé, ou une version plus récente de Certlink a pris la place de celle-ci. Vérifiez la connexion, puis réessayez\u{202f}; si cela échoue encore, rechargez la page. Votre scénario n’a pas changé.",
        ),
        TryAgain => ("Try again", "Réessayer"),
        ReaderNotLoaded => (
            "The part of Certlink that reads files did not load: the network may be gone, or a newer Certlink was put in this one’s place. Check the connection, then import the file again; if it fails again, reload the page. Your scenario is unchanged.",
            "La partie de Certlink qui lit les fichiers ne s’est pas chargée\u{a0}: le réseau est peut-être coupé, ou une version plus récente de Certlink a pris la place de celle-ci. Vérifiez la connexion, puis importez de nouveau le fichier\u{202f}; si cela échoue encore, rechargez la page. Votre scénario n’a pas changé.",
        ),
        BackHome => ("Go to the home page", "Aller à la page d’accueil"),
        FooterNote => (
            "Certlink is a rehearsal tool: demo data only, and nothing leaves this browser. Partner Center’s words are quoted from its public article.",
            "Certlink est un outil de répétition\u{a0}: données de démonstration uniquement, et rien ne quitte ce navigateur. Les phrases de l’Espace partenaires sont citées de son article public.",
        ),
        SignIn => ("Sign in", "Se connecter"),
        SignOut => ("Sign out", "Se déconnecter"),
        NavSkillsReport => ("Skills report", "Rapport des qualifications"),
        NavCompetency => ("Competency status", "État des compétences"),
        NavUsers => ("Users", "Utilisateurs"),
        NavFaq => ("FAQ", "FAQ"),
        NavSupport => ("Support", "Support"),
        SignInHeading => ("Sign in to Partner Center", "Se connecter à l’Espace partenaires"),
        WorkEmail => ("Work email", "Adresse e-mail professionnelle"),
        Password => ("Password", "Mot de passe"),
        DemoAccounts => ("Demo accounts", "Comptes de démonstration"),
        MicrosoftLearningUsername => ("Microsoft Learning username", "Nom d’utilisateur Microsoft Learning"),
        MicrosoftLearningPassword => ("Microsoft Learning password", "Mot de passe Microsoft Learning"),
        SearchFaq => ("Search the questions", "Rechercher dans les questions"),
        Next => ("Next", "Suivant"),
        Met => ("Met", "Exigence satisfaite"),
        NotMet => ("Not met", "Exigence non satisfaite"),
        DisplayName => ("Display name", "Nom affiché"),
        Role => ("Role", "Rôle"),
        TemporaryPassword => ("Temporary password (at least 8 characters)", "Mot de passe temporaire (au moins 8 caractères)"),
        EmailAddressUsed => ("Email address used (correct it if it is wrong)", "Adresse e-mail utilisée (corrigez-la si elle est erronée)"),
        DeleteAccount => ("Delete account", "Supprimer le compte"),
        ConfirmDelete => ("Yes, delete the account", "Oui, supprimer le compte"),
        ProblemStarted => ("When did it start?", "Depuis quand\u{202f}?"),
        NavData => ("Your data", "Vos données"),
        NavPractice => ("Practice", "S’entraîner"),
        EditorOrganisations => ("Organisations", "Organisations"),
        MpnIdLabel => ("MPN ID (digits)", "ID MPN (chiffres)"),
        OrganisationName => ("Organisation name", "Nom de l’organisation"),
        AddOrganisation => ("Add organisation", "Ajouter l’organisation"),
        EditorAccounts => ("Work accounts", "Comptes professionnels"),
        OrganisationLabel => ("Organisation", "Organisation"),
        AccountPassword => ("Password (at least 8 characters)", "Mot de passe (au moins 8 caractères)"),
        AddWorkAccount => ("Add work account", "Ajouter le compte"),
        EditorProfiles => ("Microsoft Certification profiles", "Profils de certification Microsoft"),
        McidLabel => ("MCID (digits)", "MCID (chiffres)"),
        HolderName => ("Holder’s name", "Nom du titulaire"),
        AddProfile => ("Add profile", "Ajouter le profil"),
        EditorExams => ("Exams, certifications and assessments passed", "Examens, certifications et évaluations réussis"),
        ProfileLabel => ("Passed by", "Réussi par"),
        ExamCode => ("Code", "Code"),
        ExamTitle => ("Title", "Intitulé"),
        ExamKind => ("Kind", "Type"),
        KindExam => ("Exam", "Examen"),
        KindCertification => ("Certification", "Certification"),
        PassedOn => ("Passed on", "Réussi le"),
        RecordExam => ("Record", "Enregistrer"),
        EditorLimits => ("Yearly limit", "Limite annuelle"),
        AccountStateLabel => ("State", "État"),
        StateActive => ("Active", "Actif"),
        StateInvited => ("Invited, no answer yet", "Invité, sans réponse"),
        StateDeleted => ("Deleted (left the company)", "Supprimé (a quitté la société)"),
        EditorPartnerUniversity => ("Partner University accounts", "Comptes Université partenaire"),
        PuUsername => ("Work email of the account", "Adresse e-mail professionnelle du compte"),
        AddPuAccount => ("Add Partner University account", "Ajouter le compte Université partenaire"),
        KindAssessment => ("Assessment (Partner University)", "Évaluation (Université partenaire)"),
        PerYearLabel => ("Associations a year (1 to 365)", "Associations par an (1 à 365)"),
        CoolOffLabel => ("Days between associations (0 to 365)", "Jours entre deux associations (0 à 365)"),
        SetLimits => ("Set the limit", "Fixer la limite"),
        MemoryOnlyBanner => ("This browser does not let Certlink keep data here: it runs in memory, and changes will not survive a reload. Export your data to keep it.", "Ce navigateur ne permet pas à Certlink de conserver des données ici\u{a0}: Certlink fonctionne donc en mémoire, et les modifications ne survivront pas à un rechargement. Exportez vos données pour les garder."),
        QuotaBanner => ("The last change could not be saved: this browser’s storage is full. It is kept in this tab, and the previous save is intact. Export your data to keep it.", "La dernière modification n’a pas pu être enregistrée\u{a0}: le stockage de ce navigateur est plein. Elle est conservée dans cet onglet et l’enregistrement précédent est intact. Exportez vos données pour les garder."),
        QuotaNothingKeptBanner => ("Your scenario could not be saved: this browser’s storage is full, and no earlier save of it is kept here. It is in this tab only, and a reload would lose it: export your data to keep it, or make room in Your data.", "Votre scénario n’a pas pu être enregistré\u{a0}: le stockage de ce navigateur est plein, et aucun enregistrement antérieur n’en est conservé ici. Il n’est que dans cet onglet, et un rechargement le perdrait\u{a0}: exportez vos données pour le garder, ou libérez de la place dans Vos données."),
        Reload => ("Reload", "Recharger"),
        DownloadUnreadable => ("Download the unreadable data", "Télécharger les données illisibles"),
        LargeDemoBanner => ("This is the 10,000-person demo. It is saved apart from your own scenario, which is still there without ?demo=large in the address.", "Ceci est la démonstration de 10 000 personnes. Elle est enregistrée séparément de votre propre scénario, qui vous attend toujours sans ?demo=large dans l’adresse."),
        TrainerToggle => ("Trainer", "Formateur"),
        ClockDate => ("Scenario date", "Date du scénario"),
        PersonaLabel => ("Work account", "Compte professionnel"),
        PassedWho => ("Microsoft Learning or Partner University account", "Compte Microsoft Learning ou Université partenaire"),
        PassedWhat => ("Exam or assessment", "Examen ou évaluation"),
        NavTimeline => ("Audit timeline", "Chronologie d’audit"),
        FilterPerson => ("Person", "Personne"),
        FilterOrg => ("Organisation", "Organisation"),
        ScenarioLabel => ("FAQ case", "Cas de la FAQ"),
        OpeningStatus => ("Opening the saved scenario… Wait for it before changing anything: a change made meanwhile is shown but not saved.", "Ouverture du scénario enregistré… Attendez la fin avant de modifier quoi que ce soit\u{a0}: une modification faite entre-temps est affichée mais pas enregistrée."),
        SavingStatus => ("Saving… Keep this tab open until it is saved.", "Enregistrement… Gardez cet onglet ouvert jusqu’à la fin de l’enregistrement."),
        ConflictBanner => ("Another tab changed this scenario at the same moment: your last change is shown here but not saved. Reload to continue from the saved scenario, or export this one to keep it.", "Un autre onglet a modifié ce scénario au même moment\u{a0}: votre dernière modification est affichée ici mais pas enregistrée. Rechargez pour reprendre le scénario enregistré, ou exportez celui-ci pour le garder."),
        SpaceDeletedBanner => ("This scenario was deleted from the library in another tab: what you see here is saved nowhere now. Keep it with Save a copy in the library, or Export it; Reload goes back to your own scenario.", "Ce scénario a été supprimé de la bibliothèque dans un autre onglet\u{a0}: ce que vous voyez ici n’est plus enregistré nulle part. Gardez-le avec Enregistrer une copie dans la bibliothèque, ou exportez-le\u{202f}; Recharger revient à votre propre scénario."),
        UnreadBanner => ("A save of this scenario (another tab’s, or the one just opened here) was not read yet: this tab was still fetching the part of Certlink that reads it. Your last change is shown here but not saved. Reload to continue from the saved scenario, or export this one to keep it.", "Un enregistrement de ce scénario (celui d’un autre onglet, ou celui qui vient d’être ouvert ici) n’était pas encore lu\u{a0}: cet onglet récupérait encore la partie de Certlink qui le lit. Votre dernière modification est affichée ici mais pas enregistrée. Rechargez pour reprendre le scénario enregistré, ou exportez celui-ci pour le garder."),
        UpdatedElsewhere => ("Updated with changes made in another tab.", "Mis à jour avec les modifications faites dans un autre onglet."),
        Dismiss => ("Dismiss", "Fermer"),
        ResetHeading => ("Reset to demo data", "Revenir aux données de démonstration"),
        DeleteKeptHeading => ("Delete a kept copy", "Supprimer une copie conservée"),
        DeleteKeptConfirm => ("Delete for good", "Supprimer définitivement"),
        ConfirmResetButton => ("Yes, reset", "Oui, réinitialiser"),
        TourFinish => ("Finish", "Terminer"),
    };
    lang.pick(en, fr)
}

/// `bytes` in megabytes, to the tenth above (so a size over a limit never
/// reads as the limit), with the language's decimal mark: "16.1", "16,1";
/// a whole number without one: "16".
pub fn megabytes(lang: Lang, bytes: usize) -> String {
    let tenths = (bytes as u64).saturating_mul(10).div_ceil(1024 * 1024);
    match tenths % 10 {
        0 => format!("{}", tenths / 10),
        tenth => format!("{}{}{tenth}", tenths / 10, lang.pick(".", ",")),
    }
}

/// `chars` kept in storage, in whole kilobytes rounded up (so a nearly
/// empty save is "1 KB", never "0 KB"), with the language's unit: "KB", "Ko".
pub fn kilobytes(lang: Lang, chars: usize) -> String {
    format!("{} {}", chars.div_ceil(1024), lang.pick("KB", "Ko"))
}

/// The banner of a scenario of `bytes`, over the `limit` Certlink reads back.
pub fn too_large_banner(lang: Lang, bytes: usize, limit: usize) -> String {
    let (size, limit) = (megabytes(lang, bytes), megabytes(lang, limit));
    lang.pick(
        format!("This scenario has grown to {size} MB, more than the {limit} MB Certlink can read back: your last change is shown here but not saved. Undo it (an import’s Restore, or Reset to demo data), or export what you see to keep a copy: a file this large does not import again."),
        format!("Ce scénario atteint {size} Mo, plus que les {limit} Mo que Certlink sait relire\u{a0}: votre dernière modification est affichée ici mais pas enregistrée. Annulez-la (Restaurer après un import, ou Revenir aux données de démonstration), ou exportez ce que vous voyez pour en garder une copie\u{a0}: un fichier aussi volumineux ne s’importe plus."),
    )
}

pub fn newer_version_banner(lang: Lang, found: u64, changed: bool) -> String {
    let (then_en, then_fr) = if changed {
        (
            " Your changes in this tab are not saved: export them (Your data) to keep a copy, then reload.",
            " Vos modifications dans cet onglet ne sont pas enregistrées\u{a0}: exportez-les (Vos données) pour en garder une copie, puis rechargez.",
        )
    } else {
        (
            " Reload to use the newer version; if this message comes back, close every Certlink tab, then open Certlink again.",
            " Rechargez pour utiliser la nouvelle version\u{202f}; si ce message revient, fermez tous les onglets Certlink, puis rouvrez Certlink.",
        )
    };
    lang.pick(
        format!("A newer version of Certlink (format {found}) saved data in this browser. This tab will not write over it.{then_en}"),
        format!("Une version plus récente de Certlink (format {found}) a enregistré des données dans ce navigateur. Cet onglet ne les écrasera pas.{then_fr}"),
    )
}

pub fn import_help(lang: Lang, limit_mb: usize) -> String {
    lang.pick(
        format!("Open a scenario exported from Certlink (a JSON file of at most {limit_mb} MB). It is checked completely before it replaces anything, and the import can be undone once."),
        format!("Ouvrez un scénario exporté de Certlink (un fichier JSON de {limit_mb} Mo au plus). Il est entièrement vérifié avant de remplacer quoi que ce soit, et l’importation peut être annulée une fois."),
    )
}

pub fn imported(lang: Lang, people: usize, events: usize) -> String {
    let (p, e) = (people as u64, events as u64);
    let [people, events] = [people, events].map(|n| grouped(lang, n));
    lang.pick(
        format!(
            "Imported: {people} {} and {events} {}.",
            lang.count(p, "work account", "work accounts"),
            lang.count(e, "recorded change", "recorded changes")
        ),
        format!(
            "Importé\u{a0}: {people} {} et {events} {}.",
            lang.count(p, "compte professionnel", "comptes professionnels"),
            lang.count(e, "modification enregistrée", "modifications enregistrées")
        ),
    )
}

/// The trainer panel's clock line: the scenario's time, and whether it is real.
pub fn clock_status(lang: Lang, now: chrono::DateTime<chrono::Utc>, real: bool) -> String {
    let at = dates::format_date_time(lang, now);
    match (lang, real) {
        (Lang::En, true) => format!("Scenario time: {at} (real time)"),
        (Lang::En, false) => format!("Scenario time: {at} (moved by the trainer)"),
        (Lang::Fr, true) => format!("Heure du scénario\u{a0}: {at} (heure réelle)"),
        (Lang::Fr, false) => format!("Heure du scénario\u{a0}: {at} (déplacée par le formateur)"),
    }
}

/// The skills report's CSV in `lang`: in English, the real report's column
/// names and a comma; in French, French words and the semicolon French
/// spreadsheets split on.
pub fn csv_words(lang: Lang) -> &'static crate::rules::reports::CsvWords {
    use crate::rules::reports::CsvWords;
    static EN: CsvWords = CsvWords {
        separator: ',',
        header: [
            "Name",
            "Work email",
            "MCID",
            "Source",
            "Type",
            "Code",
            "Title",
            "Passed on",
            "Associated in PMC",
            "Associated in PC",
            "Status",
            "Counts from",
            "Expected between",
            "Relevant for Competencies (Option) or Programs",
        ],
        yes: "Yes",
        no: "No",
        counts: "Counts",
        pending: "Pending",
        microsoft_learning: "Microsoft Learning",
        partner_university: "Partner University",
        exam: "Exam",
        certification: "Certification",
        assessment: "Assessment",
    };
    static FR: CsvWords = CsvWords {
        separator: ';',
        header: [
            "Nom",
            "E-mail professionnel",
            "MCID",
            "Source",
            "Type",
            "Code",
            "Intitulé",
            "Réussi le",
            "Associé dans PMC",
            "Associé dans l’Espace partenaires",
            "Statut",
            "Pris en compte depuis",
            "Attendu entre",
            "Utile pour les compétences (option) ou les programmes",
        ],
        yes: "Oui",
        no: "Non",
        counts: "Pris en compte",
        pending: "En attente",
        microsoft_learning: "Microsoft Learning",
        partner_university: "Université partenaire",
        exam: "Examen",
        certification: "Certification",
        assessment: "Évaluation",
    };
    lang.pick(&EN, &FR)
}

/// The skills report's file name, in `lang`.
pub fn skills_report_file(lang: Lang, org: &str, date: &str) -> String {
    lang.pick(format!("skills-report-{org}-{date}.csv"), format!("rapport-qualifications-{org}-{date}.csv"))
}

/// A built-in scenario's name: the FAQ case it shows, with its rule.
pub fn built_in_name(lang: Lang, built_in: crate::rules::demo::BuiltIn) -> String {
    use crate::rules::demo::BuiltIn::*;
    let (en, fr) = match built_in {
        FirstLink => ("First link of an MCID", "Première liaison d’un MCID"),
        PartnerUniversityAccess => ("Partner University access", "Accès à l’Université partenaire"),
        SameCredentials => ("Same credentials shortcut", "Raccourci des mêmes identifiants"),
        Unlink => ("Unlinking an MCID", "Dissocier un MCID"),
        MovingCompany => ("Moving from company A to company B", "Passer de la société A à la société B"),
        LeavingTheCompany => ("Leaving the company, removal from the report", "Quitter la société, retrait du rapport"),
        UnansweredInvitation => ("An unanswered invitation", "Une invitation sans réponse"),
        YearlyLimit => ("The yearly limit reached", "La limite annuelle atteinte"),
        McidMerge => ("An MCID merge question", "Une question de fusion de MCID"),
    };
    format!("{} ({})", lang.pick(en, fr), built_in.rule().code())
}

/// One line of a support ticket's evidence: the exported report of users.
pub fn user_report_line(lang: Lang, accounts: usize) -> String {
    let n = accounts as u64;
    let accounts = grouped(lang, accounts);
    lang.pick(
        format!(
            "The exported report of users (User management, Export report of users): {accounts} {}",
            lang.count(n, "account", "accounts")
        ),
        format!(
            "Le rapport des utilisateurs exporté (Gestion des utilisateurs, Exporter le rapport des utilisateurs)\u{a0}: {accounts} {}",
            lang.count(n, "compte", "comptes")
        ),
    )
}

/// "Step 3 of 7" in a guided tour.
pub fn tour_progress(lang: Lang, step: usize, steps: usize) -> String {
    lang.pick(format!("Step {step} of {steps}"), format!("Étape {step} sur {steps}"))
}

pub fn built_in_loaded(lang: Lang, name: &str, persona: &str) -> String {
    lang.pick(
        format!("Loaded: {name}. You are now {persona}; your own scenario is kept apart, as it was: Back to my scenario returns to it."),
        format!("Chargé\u{a0}: {name}. Vous êtes maintenant {persona}\u{202f}; votre propre scénario est conservé à part, tel quel\u{a0}: Revenir à mon scénario y ramène."),
    )
}

pub fn timeline_count(lang: Lang, shown: usize, total: usize) -> String {
    let (plural_total, plural_shown) = (total as u64, shown as u64);
    let [shown, total] = [shown, total].map(|n| grouped(lang, n));
    lang.pick(
        format!("{shown} of {total} {}", lang.count(plural_total, "change", "changes")),
        format!("{shown} {} sur {total}", lang.count(plural_shown, "modification", "modifications")),
    )
}

/// "Every work account's password is …": the sign-in page's hint.
pub fn demo_passwords(lang: Lang) -> String {
    use crate::rules::demo::{LEARN_PASSWORD, WORK_PASSWORD};
    lang.pick(
        format!("Every demo work account’s password is {WORK_PASSWORD}; Microsoft Learning accounts use {LEARN_PASSWORD}. Choose an account to fill the form."),
        format!("Le mot de passe de chaque compte professionnel de démonstration est {WORK_PASSWORD}\u{202f}; les comptes Microsoft Learning utilisent {LEARN_PASSWORD}. Choisissez un compte pour remplir le formulaire."),
    )
}

pub fn fill_demo_label(lang: Lang, email: &str) -> String {
    lang.pick(format!("Fill the form with {email}"), format!("Remplir le formulaire avec {email}"))
}

pub fn partner_university_since(lang: Lang, date: &str) -> String {
    lang.pick(
        format!("Your Partner University account has been associated with your Partner Center user account since {date}."),
        format!("Votre compte Université partenaire est associé à votre compte d’utilisateur de l’Espace partenaires depuis le {date}."),
    )
}

pub fn credential_line(lang: Lang, code: &str, title: &str, date: &str) -> String {
    lang.pick(format!("{code} {title}, passed {date}"), format!("{code} {title}, réussi le {date}"))
}

/// R9's button, with the person's own address.
pub fn use_email_to_associate(lang: Lang, email: &str) -> String {
    lang.pick(
        format!("Use {email} to associate my Microsoft Learning account"),
        format!("Utiliser {email} pour associer mon compte Microsoft Learning"),
    )
}

/// "association" or "associations" after `n`.
fn associations(lang: Lang, n: u32) -> &'static str {
    lang.count(n.into(), "association", "associations")
}

/// R15: associations used and the date from which a new one may start.
pub fn limit_status(lang: Lang, used: u32, per_year: u32, next: Option<String>) -> String {
    let count = lang.pick(
        format!("{used} of {per_year} {} used in the last 365 days.", associations(lang, per_year)),
        format!(
            "{used} {} sur {per_year} {} au cours des 365 derniers jours.",
            associations(lang, used),
            lang.count(used.into(), "utilisée", "utilisées")
        ),
    );
    let when = match next {
        None => lang.pick(
            "A new association may start now.".to_string(),
            "Une nouvelle association peut commencer dès maintenant.".to_string(),
        ),
        Some(date) => lang.pick(
            format!("A new association may start on {date}."),
            format!("Une nouvelle association pourra commencer le {date}."),
        ),
    };
    format!("{count} {when}")
}

/// D6: the numbers in force and where they come from.
pub fn limit_explained(lang: Lang, per_year: u32, cool_off_days: u32) -> String {
    lang.pick(
        format!("Certlink allows {per_year} {} in any rolling 365 days, and {cool_off_days} {} between associations from the start of the previous one. The article says only “a limited number”; 3 and 30 come from its 2021 revisions, and a scenario may change them (D6).", associations(lang, per_year), lang.count(cool_off_days.into(), "day", "days")),
        format!("Certlink autorise {per_year} {} sur 365 jours glissants, et {cool_off_days} {} entre deux associations à partir du début de la précédente. L’article dit seulement «\u{a0}un nombre limité\u{a0}»\u{202f}; 3 et 30 viennent de ses révisions de 2021, et un scénario peut les changer (D6).", associations(lang, per_year), lang.count(cool_off_days.into(), "jour", "jours")),
    )
}

pub fn next_association(lang: Lang, date: &str) -> String {
    lang.pick(
        format!("According to your profile, a new association may start on {date}. If you have problems associating after that date, come back to this page to open a ticket with Microsoft support."),
        format!("D’après votre profil, une nouvelle association pourra commencer le {date}. En cas de problème d’association après cette date, revenez sur cette page pour ouvrir un ticket auprès du support technique Microsoft."),
    )
}

/// `n` with its thousands grouped as the language writes them: 35,000;
/// 35 000 (a narrow no-break space, which never breaks the number).
pub fn grouped(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let mark = lang.pick(",", "\u{202f}");
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(mark);
        }
        out.push(digit);
    }
    out
}

pub fn rows_of(lang: Lang, first: usize, last: usize, total: usize) -> String {
    let [first, last, total] = [first, last, total].map(|n| grouped(lang, n));
    lang.pick(format!("Rows {first}-{last} of {total}"), format!("Lignes {first} à {last} sur {total}"))
}

pub fn page_of(lang: Lang, page: usize, pages: usize) -> String {
    let [page, pages] = [page, pages].map(|n| grouped(lang, n));
    lang.pick(format!("Page {page} of {pages}"), format!("Page {page} sur {pages}"))
}

pub fn counts_since(lang: Lang, date: &str) -> String {
    lang.pick(format!("Counts since {date}"), format!("Pris en compte depuis le {date}"))
}

/// D7: a pending row and the window it is expected in.
pub fn pending_between(lang: Lang, from: &str, to: &str) -> String {
    lang.pick(
        format!("Pending: expected between {from} and {to}"),
        format!("En attente\u{a0}: prévu entre le {from} et le {to}"),
    )
}

/// "Associated in PMC" and "Associated in PC", as the real report has them.
pub fn associated_flags(lang: Lang, pmc: bool, pc: bool) -> String {
    let yes_no = |b: bool| if b { lang.pick("yes", "oui") } else { lang.pick("no", "non") };
    lang.pick(
        format!("PMC: {}, PC: {}", yes_no(pmc), yes_no(pc)),
        format!("PMC\u{a0}: {}, Espace partenaires\u{a0}: {}", yes_no(pmc), yes_no(pc)),
    )
}

pub fn remove_from_report_label(lang: Lang, person: &str) -> String {
    // The visible text comes first, so the accessible name contains it.
    lang.pick(format!("Remove from report: {person}"), format!("Supprimer du rapport\u{a0}: {person}"))
}

/// R3: people counted against people needed.
pub fn people_counted(lang: Lang, counted: u32, needed: u32, pending: u32) -> String {
    let base = lang.pick(
        format!("{counted} of {needed} {} needed", lang.count(needed.into(), "person", "people")),
        format!(
            "{counted} {} sur {needed} {}",
            lang.count(counted.into(), "personne", "personnes"),
            lang.count(needed.into(), "nécessaire", "nécessaires")
        ),
    );
    if pending == 0 {
        base
    } else {
        lang.pick(format!("{base}; {pending} more pending"), format!("{base}\u{202f}; {pending} de plus en attente"))
    }
}

/// An invitation's line: when it was sent, how often resent, no response.
pub fn invited_on(lang: Lang, date: &str, resent: usize) -> String {
    match resent {
        0 => lang.pick(format!("sent {date}, no response"), format!("envoyée le {date}, sans réponse")),
        _ => lang.pick(
            format!("sent {date}, resent {resent} {}, no response", lang.count(resent as u64, "time", "times")),
            format!("envoyée le {date}, renvoyée {resent} fois, sans réponse"),
        ),
    }
}

pub fn remove_mcid_label(lang: Lang, mcid: &str) -> String {
    lang.pick(format!("Remove access for MCID {mcid}"), format!("Supprimer l’accès du MCID {mcid}"))
}

pub fn verify_label(lang: Lang, name: &str) -> String {
    lang.pick(format!("Verify email address: {name}"), format!("Vérifier l’adresse e-mail\u{a0}: {name}"))
}

pub fn resend_label(lang: Lang, name: &str) -> String {
    lang.pick(format!("Resend sign-in details to {name}"), format!("Renvoyer les détails de connexion à {name}"))
}

pub fn delete_account_label(lang: Lang, name: &str) -> String {
    lang.pick(format!("Delete account: {name}"), format!("Supprimer le compte\u{a0}: {name}"))
}

pub fn confirm_delete(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("Delete the account of {name}? They will no longer be able to sign in. Their MCID stays in the skills report until they ask to be removed from it."),
        format!("Supprimer le compte de {name}\u{202f}? Cette personne ne pourra plus se connecter. Son MCID reste dans le rapport des qualifications jusqu’à ce qu’elle demande à en être supprimée."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r15_the_yearly_count_agrees_in_number_in_each_language() {
        let fr = |used| limit_status(Lang::Fr, used, 3, None);
        assert!(fr(0).starts_with("0 association sur 3 utilisée au cours"), "{}", fr(0));
        assert!(fr(1).starts_with("1 association sur 3 utilisée au cours"), "{}", fr(1));
        assert!(fr(2).starts_with("2 associations sur 3 utilisées au cours"), "{}", fr(2));
        let en = limit_status(Lang::En, 1, 3, Some("1 March 2027".into()));
        assert_eq!(en, "1 of 3 associations used in the last 365 days. A new association may start on 1 March 2027.");
        assert!(limit_status(Lang::En, 0, 1, None).starts_with("0 of 1 association used"));
        assert!(limit_explained(Lang::En, 1, 30).starts_with("Certlink allows 1 association in"));
        assert!(limit_explained(Lang::Fr, 1, 30).starts_with("Certlink autorise 1 association sur"));
        assert!(limit_explained(Lang::Fr, 3, 30).starts_with("Certlink autorise 3 associations sur"));
    }

    #[test]
    fn d5_language_codes_round_trip_and_regional_variants_are_read() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn d5_english_and_french_differ_where_a_person_reads_them() {
        assert_eq!(t(Lang::En, Text::MyProfile), "My Profile");
        assert_eq!(t(Lang::Fr, Text::MyProfile), "Mon profil");
        assert_ne!(t(Lang::En, Text::HomeIntro), t(Lang::Fr, Text::HomeIntro));
    }
}
