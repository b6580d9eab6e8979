//! Every refusal of the rules as a sentence in the person's language, with
//! the next step the source gives and the rule it cites (D3), e.g.
//! "… (R15)". The rules carry the data; the wording lives here.

use super::{format_date, Lang};
use crate::rules::range::Range;
use crate::rules::refusal::LimitReason;
use crate::rules::{MpnId, Refusal, State};
use chrono::Datelike;

fn org_name(state: &State, org: &MpnId) -> String {
    state.organisation(org).map_or_else(|| org.to_string(), |o| o.name.clone())
}

/// The refusal, worded: what happened, then what to do next, then the rule.
pub fn refusal_sentence(lang: Lang, refusal: &Refusal, state: &State) -> String {
    use Refusal::*;
    let date = |at| format_date(lang, at);
    // When a wait ends (R15) or the clock may be set (D1), to the minute: a
    // day alone is refused on that day until the hour.
    let from = |at| super::dates::format_from(lang, at);
    let text = match refusal {
        AdminOnly => lang.pick(
            "Only an MPN Partner Admin or a Global Admin can review competency status, skills reports and users. Ask one of them to do it for you, or sign in with an admin account.".to_string(),
            "Seul un administrateur de partenaire MPN ou un administrateur général peut consulter l’état des compétences, les rapports des qualifications et les utilisateurs. Demandez à l’un d’eux de le faire pour vous, ou connectez-vous avec un compte administrateur.".to_string(),
        ),
        UnknownAccount { email } if email.is_empty() => lang.pick(
            "Sign in with your work account first.".to_string(),
            "Connectez-vous d’abord avec votre compte professionnel.".to_string(),
        ),
        UnknownAccount { email } => lang.pick(
            format!("There is no Partner Center account for {email}. Check the work email address, or ask your admin to invite you."),
            format!("Aucun compte Espace partenaires n’existe pour {email}. Vérifiez l’adresse e-mail professionnelle ou demandez à votre administrateur de vous inviter."),
        ),
        WrongPassword => lang.pick(
            "The work email or password is not right. Nothing was changed. Try again with your work account’s password.".to_string(),
            "L’adresse e-mail professionnelle ou le mot de passe est incorrect. Rien n’a été modifié. Réessayez avec le mot de passe de votre compte professionnel.".to_string(),
        ),
        NotInOrganisation { org } => lang.pick(
            format!("That belongs to {}, an organisation your account is not in. Sign in with an account of {} to do this.", org_name(state, org), org_name(state, org)),
            format!("Cela appartient à {}, une organisation dont votre compte ne fait pas partie. Connectez-vous avec un compte de {} pour le faire.", org_name(state, org), org_name(state, org)),
        ),
        AlreadyHasPartnerUniversityAccess => lang.pick(
            "You already have Partner University access. To end it, select Remove access.".to_string(),
            "Vous avez déjà accès à l’Université partenaire. Pour y mettre fin, sélectionnez Supprimer l’accès.".to_string(),
        ),
        NoPartnerUniversityAccess => lang.pick(
            "You have no Partner University access to remove. Select Get Partner University access first.".to_string(),
            "Vous n’avez pas d’accès à l’Université partenaire à supprimer. Sélectionnez d’abord Obtenir l’accès à l’Université partenaire.".to_string(),
        ),
        WrongMcidCredentials => lang.pick(
            "Those Microsoft Learning credentials did not work. Nothing was changed. Enter the username and password you use to sign in to your Microsoft Certification profile (MCID).".to_string(),
            "Ces informations d’identification Microsoft Learning n’ont pas fonctionné. Rien n’a été modifié. Entrez le nom d’utilisateur et le mot de passe de votre profil de certification Microsoft (MCID).".to_string(),
        ),
        AlreadyLinked { mcid, org } => lang.pick(
            format!("MCID {mcid} is already linked to {}. An MCID can only be linked to a single MPN membership at a time; there is nothing more to do.", org_name(state, org)),
            format!("Le MCID {mcid} est déjà lié à {}. Un MCID peut être lié à une seule appartenance MPN à la fois\u{202f}; il n’y a rien d’autre à faire.", org_name(state, org)),
        ),
        AnotherMcidLinked { mcid } => lang.pick(
            format!("Your account already has MCID {mcid} associated. To associate another one, select Remove access first."),
            format!("Le MCID {mcid} est déjà associé à votre compte. Pour en associer un autre, sélectionnez d’abord Supprimer l’accès."),
        ),
        SameCredentialsUnavailable => lang.pick(
            "The shortcut works only when you have Partner University access and your Microsoft Learning account uses the same credentials. Get Partner University access, or enter your Microsoft Learning credentials.".to_string(),
            "Ce raccourci ne fonctionne que si vous avez accès à l’Université partenaire et que votre compte Microsoft Learning utilise les mêmes informations d’identification. Obtenez l’accès à l’Université partenaire ou entrez vos informations d’identification Microsoft Learning.".to_string(),
        ),
        NotYourOwn { owner } => lang.pick(
            format!("Due to privacy considerations, only {owner} can link or unlink their MCID: not even an admin can do it for them. Ask them to do it from their profile."),
            format!("En raison de considérations relatives à la confidentialité, seule la personne titulaire ({owner}) peut lier ou dissocier son MCID\u{a0}: pas même un administrateur ne peut le faire à sa place. Demandez-lui de le faire depuis son profil."),
        ),
        NothingLinked => lang.pick(
            "No MCID is linked to your account, so there is nothing to remove. Select Associate Microsoft Learning account to link one.".to_string(),
            "Aucun MCID n’est lié à votre compte, il n’y a donc rien à supprimer. Sélectionnez Associer un compte Microsoft Learning pour en lier un.".to_string(),
        ),
        GlobalAdminOnly => lang.pick(
            "Only the Global Admin can do this. Ask your organisation’s Global Admin.".to_string(),
            "Seul l’administrateur général peut le faire. Adressez-vous à l’administrateur général de votre organisation.".to_string(),
        ),
        AccountDeleted { email } => lang.pick(
            format!("The account {email} was deleted by the Global Admin. If its MCID still appears in the skills report, ask the Global Admin to remove it from the report."),
            format!("Le compte {email} a été supprimé par l’administrateur général. Si son MCID apparaît toujours dans le rapport des qualifications, demandez à l’administrateur général de le supprimer du rapport."),
        ),
        CannotDeleteSelf => lang.pick(
            "You cannot delete the account you are signed in with. Another Global Admin can.".to_string(),
            "Vous ne pouvez pas supprimer le compte avec lequel vous êtes connecté. Un autre administrateur général le peut.".to_string(),
        ),
        NotInReport { mcid } => lang.pick(
            format!("MCID {mcid} is not linked to your organisation, so it is not in its skills report. Nothing to remove."),
            format!("Le MCID {mcid} n’est pas lié à votre organisation, il ne figure donc pas dans son rapport des qualifications. Rien à supprimer."),
        ),
        StillEmployed { account } => lang.pick(
            format!("{account} still has their Partner Center account: due to privacy considerations, they unlink their MCID themselves (My Profile, Remove access). Removal from the report is for people who left."),
            format!("{account} a toujours son compte Espace partenaires\u{a0}: en raison de considérations relatives à la confidentialité, la personne dissocie elle-même son MCID (Mon profil, Supprimer l’accès). Le retrait du rapport est réservé aux personnes qui ont quitté la société."),
        ),
        InvalidEmail { email } if email.trim().is_empty() => lang.pick(
            "The email address is empty. Type the person’s work email address, then try again.".to_string(),
            "L’adresse e-mail est vide. Saisissez l’adresse e-mail professionnelle de la personne, puis réessayez.".to_string(),
        ),
        InvalidEmail { email } => lang.pick(
            format!("“{email}” is not a valid email address. Check it and try again."),
            format!("«\u{a0}{email}\u{a0}» n’est pas une adresse e-mail valide. Vérifiez-la et réessayez."),
        ),
        // A deleted account stays in the list, marked deleted (R13), with
        // nothing to do there: the way on is another address (on Users'
        // invitation and in the editor alike).
        AccountExists { email } if state.account(email).is_some_and(|a| a.is_deleted()) => lang.pick(
            format!("The account for {email} was deleted, and its address cannot be used again here. Use another work email address for the person."),
            format!("Le compte de {email} a été supprimé, et son adresse ne peut pas être réutilisée ici. Utilisez une autre adresse e-mail professionnelle pour la personne."),
        ),
        AccountExists { email } => lang.pick(
            format!("An account for {email} already exists. Check the address, or find that user in the list."),
            format!("Un compte existe déjà pour {email}. Vérifiez l’adresse ou retrouvez cet utilisateur dans la liste."),
        ),
        NotAnInvitation { email } => lang.pick(
            format!("{email} has no invitation waiting for an answer. Nothing to verify or resend."),
            format!("{email} n’a pas d’invitation en attente de réponse. Rien à vérifier ni à renvoyer."),
        ),
        VerifyAddressFirst { email } => lang.pick(
            format!("First verify the email address used: the details would go to {email}, which no one has checked yet. Select Verify email address, confirm or correct it, then resend."),
            format!("Vérifiez d’abord l’adresse e-mail utilisée\u{a0}: les détails partiraient à {email}, que personne n’a encore vérifiée. Sélectionnez Vérifier l’adresse e-mail, confirmez-la ou corrigez-la, puis renvoyez."),
        ),
        InvitationPending { email } => lang.pick(
            format!("The invitation for {email} has not been answered yet: sign in with the sign-in details that were sent."),
            format!("L’invitation pour {email} n’a pas encore reçu de réponse\u{a0}: connectez-vous avec les détails de connexion envoyés."),
        ),
        WeakTemporaryPassword { min_len } => lang.pick(
            format!("The temporary password needs at least {min_len} {}.", lang.count(*min_len as u64, "character", "characters")),
            format!("Le mot de passe temporaire doit comporter au moins {min_len} {}.", lang.count(*min_len as u64, "caractère", "caractères")),
        ),
        ShortPassword { min_len } => lang.pick(
            format!("The password needs at least {min_len} {}. Type a longer one, then try again.", lang.count(*min_len as u64, "character", "characters")),
            format!("Le mot de passe doit comporter au moins {min_len} {}. Saisissez-en un plus long, puis réessayez.", lang.count(*min_len as u64, "caractère", "caractères")),
        ),
        AssociationLimited { reason, next_allowed, used, per_year, cool_off_days } => match reason {
            LimitReason::CoolOff => lang.pick(
                format!("Your association is limited: {cool_off_days} {} required between associations. A new association may start on {}. If you have problems associating after that date, contact support.", lang.count((*cool_off_days).into(), "day is", "days are"), from(*next_allowed)),
                format!("Votre association est limitée\u{a0}: {cool_off_days} {} entre deux associations. Une nouvelle association pourra commencer le {}. En cas de problème après cette date, contactez le support technique.", lang.count((*cool_off_days).into(), "jour est nécessaire", "jours sont nécessaires"), from(*next_allowed)),
            ),
            LimitReason::YearlyCount => lang.pick(
                format!("Your association is limited: you have used {used} of the {per_year} {} allowed in a year. A new association may start on {}. If you have problems associating after that date, contact support.", lang.count((*per_year).into(), "association", "associations"), from(*next_allowed)),
                format!("Votre association est limitée\u{a0}: vous avez utilisé {}. Une nouvelle association pourra commencer le {}. En cas de problème après cette date, contactez le support technique.", lang.count((*per_year).into(), format!("{used} association sur {per_year} autorisée par an"), format!("{used} des {per_year} associations autorisées par an")), from(*next_allowed)),
            ),
        },
        DateIncomplete => lang.pick(
            "Enter a whole date, with its day, month and year: this one is incomplete or does not exist.".to_string(),
            "Saisissez une date complète, avec le jour, le mois et l’année\u{a0}: celle-ci est incomplète ou n’existe pas.".to_string(),
        ),
        OutOfRange { range: Range::Date { earliest, latest } } => lang.pick(
            format!("That date is outside the dates Certlink keeps. Choose a date from the year {} to the year {}.", earliest.year(), latest.year()),
            format!("Cette date est en dehors des dates que Certlink conserve. Choisissez une date de l’an {} à l’an {}.", earliest.year(), latest.year()),
        ),
        OutOfRange { range: Range::PerYear { min, max } } => lang.pick(
            format!("A scenario allows from {min} to {max} associations a year. Choose a number in that range."),
            format!("Un scénario autorise de {min} à {max} associations par an. Choisissez un nombre dans cet intervalle."),
        ),
        OutOfRange { range: Range::CoolOffDays { min, max } } => lang.pick(
            format!("A scenario asks from {min} to {max} days between associations. Choose a number in that range."),
            format!("Un scénario demande de {min} à {max} jours entre deux associations. Choisissez un nombre dans cet intervalle."),
        ),
        AnsweredByFaq { .. } => lang.pick(
            "The FAQ answers this problem: follow its steps; no ticket is needed.".to_string(),
            "Le Forum aux questions répond à ce problème\u{a0}: suivez ses étapes\u{202f}; aucun ticket n’est nécessaire.".to_string(),
        ),
        TicketDetailsMissing => lang.pick(
            "Describe the problem before opening a ticket.".to_string(),
            "Décrivez le problème avant d’ouvrir un ticket.".to_string(),
        ),
        ClockBehindTrail { last_event } => lang.pick(
            format!("The scenario clock is before the last recorded change ({}). Move the clock forward, then try again.", from(*last_event)),
            format!("L’horloge du scénario est antérieure à la dernière modification enregistrée ({}). Avancez l’horloge, puis réessayez.", from(*last_event)),
        ),
        ClockMovedBehindTrail { last_event } => lang.pick(
            format!("The clock stays where it is: that time is before the scenario’s last recorded change ({}), and its changes stay in time order. Choose a time after it.", from(*last_event)),
            format!("L’horloge reste où elle est\u{a0}: ce moment est antérieur à la dernière modification enregistrée du scénario ({}), et ses modifications restent dans l’ordre du temps. Choisissez un moment postérieur.", from(*last_event)),
        ),
        TrainerOnly => lang.pick(
            "Only the trainer can do this, from the trainer panel.".to_string(),
            "Seul le formateur peut le faire, depuis le panneau du formateur.".to_string(),
        ),
        // The editor's choice left empty: nobody to name yet.
        UnknownHolder { holder } if holder.is_empty() => lang.pick(
            "Choose who passed it. If the list is empty, add a Microsoft Certification profile or a Partner University account first.".to_string(),
            "Choisissez qui l’a obtenu. Si la liste est vide, ajoutez d’abord un profil de certification Microsoft ou un compte Université partenaire.".to_string(),
        ),
        UnknownHolder { holder } => lang.pick(
            format!("No Microsoft Learning or Partner University account is named {holder} (another tab may have removed it). Choose who passed it from the list, or add their profile or account first."),
            format!("Aucun compte Microsoft Learning ou Université partenaire ne s’appelle {holder} (un autre onglet l’a peut-être supprimé). Choisissez dans la liste qui l’a obtenu, ou ajoutez d’abord son profil ou son compte."),
        ),
        TextRequired { field } => lang.pick(
            format!("Enter {}: it cannot be empty.", setup_field(lang, *field)),
            format!("Saisissez {}\u{a0}: ce champ ne peut pas être vide.", setup_field(lang, *field)),
        ),
        TextTooLong { field, max } => lang.pick(
            format!("{} is too long: at most {max} characters. Shorten it.", capitalised(setup_field(lang, *field))),
            format!("{} ne peut pas dépasser {max} caractères. Raccourcissez ce texte.", capitalised(setup_field(lang, *field))),
        ),
        NotAnIdentifier { field } => lang.pick(
            format!("{} is written with digits only, 1 to 12 of them.", capitalised(setup_field(lang, *field))),
            format!("{} s’écrit avec des chiffres seulement, de 1 à 12.", capitalised(setup_field(lang, *field))),
        ),
        OrganisationExists { org } => lang.pick(
            format!("An organisation with MPN ID {org} is already in the scenario ({}). Use another MPN ID.", org_name(state, org)),
            format!("Une organisation d’ID MPN {org} existe déjà dans le scénario ({}). Utilisez un autre ID MPN.", org_name(state, org)),
        ),
        UnknownOrganisation { org } if org.to_string().is_empty() => lang.pick(
            "Choose an organisation. If the list is empty, add an organisation first.".to_string(),
            "Choisissez une organisation. Si la liste est vide, ajoutez d’abord une organisation.".to_string(),
        ),
        UnknownOrganisation { org } => lang.pick(
            format!("No organisation has MPN ID {org}. Add the organisation first."),
            format!("Aucune organisation n’a l’ID MPN {org}. Ajoutez d’abord l’organisation."),
        ),
        McidExists { mcid } => lang.pick(
            format!("A Microsoft Certification profile with MCID {mcid} is already in the scenario. Use another MCID."),
            format!("Un profil de certification Microsoft de MCID {mcid} existe déjà dans le scénario. Utilisez un autre MCID."),
        ),
        UsernameTaken { username } => lang.pick(
            format!("Another profile signs in to Microsoft Learning as {username}. Use another username."),
            format!("Un autre profil se connecte à Microsoft Learning avec {username}. Utilisez un autre nom d’utilisateur."),
        ),
        PartnerUniversityAccountExists { username } => lang.pick(
            format!("{username} has a Partner University account already. Add its assessments to it."),
            format!("{username} a déjà un compte Université partenaire. Ajoutez-y ses évaluations."),
        ),
        PassedInTheFuture { on } => lang.pick(
            format!("{} is after the scenario’s today: a pass date is today at the latest. Choose an earlier date, or move the scenario clock.", date(*on)),
            format!("Le {} est postérieur à aujourd’hui dans le scénario\u{a0}: une date de réussite est au plus tard aujourd’hui. Choisissez une date antérieure ou avancez l’horloge du scénario.", date(*on)),
        ),
        StartsInTheFuture { on } => lang.pick(
            format!("{} is after the scenario’s today: a problem has started today at the latest. Choose an earlier date, or move the scenario clock.", date(*on)),
            format!("Le {} est postérieur à aujourd’hui dans le scénario\u{a0}: un problème a commencé au plus tard aujourd’hui. Choisissez une date antérieure ou avancez l’horloge du scénario.", date(*on)),
        ),
        WrongPlaceForProof { code } => lang.pick(
            format!("{code} cannot be recorded there: exams and certifications are passed on a Microsoft Learning account (MCID), assessments on a Partner University account. Choose the matching account, or change the kind."),
            format!("{code} ne peut pas être enregistré là\u{a0}: les examens et certifications se passent sur un compte Microsoft Learning (MCID), les évaluations sur un compte de l’Université partenaire. Choisissez le compte correspondant, ou changez le type."),
        ),
    };
    format!("{text} ({})", refusal.rule().code())
}

/// The editor's field, as a sentence names it ("the MPN ID").
fn setup_field(lang: Lang, field: crate::rules::refusal::Field) -> &'static str {
    use crate::rules::refusal::Field::*;
    let (en, fr) = match field {
        MpnId => ("the MPN ID", "l’ID MPN"),
        OrganisationName => ("the organisation’s name", "le nom de l’organisation"),
        DisplayName => ("the person’s name", "le nom de la personne"),
        Mcid => ("the MCID", "le MCID"),
        HolderName => ("the holder’s name", "le nom du titulaire"),
        CredentialCode => ("the exam’s code", "le code de l’examen"),
        CredentialTitle => ("the exam’s title", "l’intitulé de l’examen"),
        Password => ("the password", "le mot de passe"),
        Email => ("the email address", "l’adresse e-mail"),
        TicketDetails => ("the description of the problem", "la description du problème"),
        WorkEmail => ("your work email address", "votre adresse e-mail professionnelle"),
        WorkPassword => ("your work account’s password", "le mot de passe de votre compte professionnel"),
        LearningUsername => ("your Microsoft Learning username", "votre nom d’utilisateur Microsoft Learning"),
        LearningPassword => ("your Microsoft Learning password", "votre mot de passe Microsoft Learning"),
    };
    lang.pick(en, fr)
}

/// `text` with its first letter in capitals, to open a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::refusal::LimitReason;
    use chrono::TimeZone;

    #[test]
    fn d3_a_refusal_reads_as_a_sentence_citing_its_rule_in_each_language() {
        let state = crate::rules::demo::initial_state(chrono::Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap());
        let next = chrono::Utc.with_ymd_and_hms(2027, 1, 31, 9, 0, 0).unwrap();
        let limited = Refusal::AssociationLimited {
            reason: LimitReason::YearlyCount,
            next_allowed: next,
            used: 3,
            per_year: 3,
            cool_off_days: 30,
        };
        let en = refusal_sentence(Lang::En, &limited, &state);
        assert!(en.contains("January 31, 2027") && en.ends_with("(R15)") && en.contains("contact support"), "{en}");
        let fr = refusal_sentence(Lang::Fr, &limited, &state);
        assert!(fr.contains("31 janvier 2027") && fr.ends_with("(R15)"), "{fr}");
        let other = Refusal::NotInOrganisation { org: crate::rules::MpnId("7654321".into()) };
        assert!(refusal_sentence(Lang::En, &other, &state).contains("Fabrikam"));
        let empty = Refusal::TextRequired { field: crate::rules::refusal::Field::WorkEmail };
        let en = refusal_sentence(Lang::En, &empty, &state);
        assert!(en.starts_with("Enter your work email address") && en.ends_with("(R5)"), "{en}");
        let fr = refusal_sentence(Lang::Fr, &empty, &state);
        assert!(fr.starts_with("Saisissez votre adresse e-mail professionnelle") && fr.ends_with("(R5)"), "{fr}");
    }
}
