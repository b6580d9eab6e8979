//! Every sentence a person reads, in English and French (D5).
//!
//! A typed table of our own rather than an i18n crate: each message is one
//! variant whose English and French stand side by side in one exhaustive
//! `match`, so a missing French string is a compile error, never a blank or a
//! silent fallback. Messages with values are functions taking them.
//! The source's own sentences live apart, in [`source`], so a trainer can
//! tell Partner Center's words from Certlink's.

pub mod dates;
pub mod source;

pub use dates::format_date;

/// The two languages of the source (D5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

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
    SourceCaption,
    ProfileHeading,
    ProfileIntro,
    NotFoundHeading,
    NotFoundBody,
    BackHome,
    FooterNote,
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
            "Certlink reproduit le parcours de l’Espace partenaires pour lier un ID de profil de certification Microsoft (MCID) à une organisation partenaire, et pour l’en dissocier. Tout se passe dans votre navigateur, sur des données de démonstration : rien n’est envoyé à Microsoft.",
        ),
        HomeAudience => (
            "Use it to understand the flow, to rehearse it before doing it for real, or to demo it in front of a room.",
            "Servez-vous-en pour comprendre le parcours, le répéter avant de le faire pour de vrai, ou le présenter devant une salle.",
        ),
        HomeSourceHeading => ("What Partner Center says", "Ce que dit l’Espace partenaires"),
        SourceCaption => (
            "From the Partner Center article, word for word",
            "Extrait de l’article de l’Espace partenaires, mot pour mot",
        ),
        ProfileHeading => ("My Profile", "Mon profil"),
        ProfileIntro => (
            "Your profile is where you get Partner University access and associate your Microsoft Learning account. These are the steps Partner Center gives:",
            "Votre profil est l’endroit où vous obtenez l’accès à l’Université partenaire et associez votre compte Microsoft Learning. Voici les étapes que donne l’Espace partenaires :",
        ),
        NotFoundHeading => ("Page not found", "Page introuvable"),
        NotFoundBody => (
            "Certlink has no page at this address. Check the link, or start again from the home page.",
            "Certlink n’a pas de page à cette adresse. Vérifiez le lien ou repartez de la page d’accueil.",
        ),
        BackHome => ("Go to the home page", "Aller à la page d’accueil"),
        FooterNote => (
            "Certlink is a rehearsal tool: demo data only, kept in this browser. Partner Center’s words are quoted from its public article.",
            "Certlink est un outil de répétition : données de démonstration uniquement, conservées dans ce navigateur. Les phrases de l’Espace partenaires sont citées de son article public.",
        ),
    };
    lang.pick(en, fr)
}

#[cfg(test)]
mod tests {
    use super::*;

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
