//! Every recorded change as a sentence in the person's language: the
//! confirmation a view shows after a command, and the audit timeline's
//! lines (D4). Each names its rule.

use super::{format_date, Lang};
use crate::rules::audit::Holder;
use crate::rules::support::SupportRoute;
use crate::rules::{EventKind, MpnId, Role, State};

fn org(state: &State, id: &MpnId) -> String {
    state.organisation(id).map_or_else(|| id.to_string(), |o| o.name.clone())
}

/// A role's name, as Partner Center words it.
pub fn role_name(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::User => lang.pick("User", "Utilisateur"),
        Role::MpnPartnerAdmin => lang.pick("MPN Partner Admin", "Administrateur de partenaire MPN"),
        Role::GlobalAdmin => lang.pick("Global Admin", "Administrateur général"),
    }
}

/// The change, worded, with its rule.
pub fn event_sentence(lang: Lang, kind: &EventKind, state: &State) -> String {
    use EventKind::*;
    let text = match kind {
        InvitationAccepted { account } => lang.pick(
            format!("{account} signed in with the details sent: the invitation is answered."),
            format!("{account} s’est connecté avec les détails envoyés\u{a0}: l’invitation a reçu une réponse."),
        ),
        PartnerUniversityAccessGranted { account } => lang.pick(
            format!("Partner University access granted to {account}. Assessments appear in the User Skills report within 72 hours."),
            format!("Accès à l’Université partenaire accordé à {account}. Les évaluations apparaissent dans le rapport des qualifications des utilisateurs dans les 72 heures."),
        ),
        PartnerUniversityAccessRemoved { account } => lang.pick(
            format!("Partner University access removed for {account}."),
            format!("Accès à l’Université partenaire supprimé pour {account}."),
        ),
        McidLinked { mcid, account, org: o, .. } => lang.pick(
            format!("MCID {mcid} is now linked to {} through {account}. Exams and certifications it already holds appear in the skills report within 72 hours; ones passed later, 7 to 10 days after they are passed.", org(state, o)),
            format!("Le MCID {mcid} est maintenant lié à {} par {account}. Ses examens et certifications existants apparaissent dans le rapport des qualifications dans les 72 heures\u{202f}; ceux réussis ensuite, 7 à 10 jours après leur réussite.", org(state, o)),
        ),
        McidAutomaticallyUnlinked { mcid, account, from_org, to_org } if from_org == to_org => lang.pick(
            format!("MCID {mcid} was automatically unlinked from the deleted account {account}: it is now linked with {} through another account.", org(state, to_org)),
            format!("Le MCID {mcid} a été automatiquement dissocié du compte supprimé {account}\u{a0}: il est maintenant lié à {} par un autre compte.", org(state, to_org)),
        ),
        McidAutomaticallyUnlinked { mcid, from_org, to_org, .. } => lang.pick(
            format!("MCID {mcid} was automatically unlinked from {} because it is now linked with {}.", org(state, from_org), org(state, to_org)),
            format!("Le MCID {mcid} a été automatiquement dissocié de {} car il est maintenant lié à {}.", org(state, from_org), org(state, to_org)),
        ),
        McidUnlinked { mcid, org: o, .. } => lang.pick(
            format!("MCID {mcid} is no longer linked to {}.", org(state, o)),
            format!("Le MCID {mcid} n’est plus lié à {}.", org(state, o)),
        ),
        AccountDeleted { account } => lang.pick(
            format!("The account {account} was deleted."),
            format!("Le compte {account} a été supprimé."),
        ),
        RemovedFromReport { mcid, org: o, .. } => lang.pick(
            format!("MCID {mcid} was removed from the skills report of {}.", org(state, o)),
            format!("Le MCID {mcid} a été supprimé du rapport des qualifications de {}.", org(state, o)),
        ),
        UserInvited { account, role, .. } => lang.pick(
            format!("Sign-in details were sent to {account} ({}).", role_name(lang, *role)),
            format!("Les détails de connexion ont été envoyés à {account} ({}).", role_name(lang, *role)),
        ),
        InvitationEmailVerified { account, corrected_to: None } => lang.pick(
            format!("The email address {account} was verified as the one intended."),
            format!("L’adresse e-mail {account} a été vérifiée\u{a0}: c’est bien celle prévue."),
        ),
        InvitationEmailVerified { account, corrected_to: Some(new) } => lang.pick(
            format!("The email address {account} was wrong; the invitation now goes to {new}."),
            format!("L’adresse e-mail {account} était erronée\u{202f}; l’invitation est maintenant adressée à {new}."),
        ),
        InvitationResent { account } => lang.pick(
            format!("Sign-in details were sent again to {account}. Contact the person to make sure they received them."),
            format!("Les détails de connexion ont été renvoyés à {account}. Contactez la personne pour vous assurer qu’elle les a reçus."),
        ),
        CredentialPassed { holder, credential } => {
            let who = match holder {
                Holder::Mcid(m) => m.to_string(),
                Holder::PartnerUniversity(u) => u.clone(),
            };
            lang.pick(
                format!("{who} passed {} on {}.", credential.code, format_date(lang, credential.passed_on)),
                format!("{who} a réussi {} le {}.", credential.code, format_date(lang, credential.passed_on)),
            )
        }
        LimitSettingsChanged { settings } => lang.pick(
            format!(
                "Yearly limit set to {} {} a year, {} {} apart.",
                settings.per_year,
                lang.count(settings.per_year.into(), "association", "associations"),
                settings.cool_off_days,
                lang.count(settings.cool_off_days.into(), "day", "days")
            ),
            format!(
                "Limite annuelle fixée à {} {} par an, {} de {} {}.",
                settings.per_year,
                lang.count(settings.per_year.into(), "association", "associations"),
                lang.count(settings.per_year.into(), "espacée", "espacées"),
                settings.cool_off_days,
                lang.count(settings.cool_off_days.into(), "jour", "jours")
            ),
        ),
        OrganisationAdded { org: o, name } => lang.pick(
            format!("The organisation {name} (MPN ID {o}) was added to the scenario."),
            format!("L’organisation {name} (ID MPN {o}) a été ajoutée au scénario."),
        ),
        WorkAccountAdded { account, display_name, org: o, role, .. } => lang.pick(
            format!("{display_name} ({account}, {}) was added to {}.", role_name(lang, *role), org(state, o)),
            format!("{display_name} ({account}, {}) a été ajouté(e) à {}.", role_name(lang, *role), org(state, o)),
        ),
        PartnerUniversityAccountAdded { username } => lang.pick(
            format!("A Partner University account for {username} was added to the scenario."),
            format!("Un compte Université partenaire pour {username} a été ajouté au scénario."),
        ),
        McidProfileAdded { mcid, holder_name, .. } => lang.pick(
            format!("The Microsoft Certification profile {mcid} of {holder_name} was added to the scenario."),
            format!("Le profil de certification Microsoft {mcid} de {holder_name} a été ajouté au scénario."),
        ),
        TicketOpened { ticket } => {
            let route = match ticket.route {
                SupportRoute::CertificationSupport => lang.pick("Certification Support", "support technique des certifications"),
                _ => lang.pick("Microsoft support", "support technique Microsoft"),
            };
            lang.pick(
                format!("Ticket {} opened with {route}.", ticket.number),
                format!("Ticket {} ouvert auprès du {route}.", ticket.number),
            )
        }
    };
    format!("{text} ({})", kind.rule().code())
}
