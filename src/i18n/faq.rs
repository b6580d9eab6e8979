//! The FAQ: the six questions docs/rules.md lists, in Certlink's own words, each
//! answered with the source's sentences verbatim, then the support section.

use super::source::Source;
use super::Lang;
use crate::rules::Rule;

/// One FAQ entry, deep-linkable by its slug.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaqEntry {
    Link,
    Unlink,
    MovingCompany,
    Leaving,
    NoResponse,
    Limited,
    Support,
}

impl FaqEntry {
    pub const ALL: [FaqEntry; 7] = [
        FaqEntry::Link,
        FaqEntry::Unlink,
        FaqEntry::MovingCompany,
        FaqEntry::Leaving,
        FaqEntry::NoResponse,
        FaqEntry::Limited,
        FaqEntry::Support,
    ];

    /// The address part after `#/faq/`.
    pub fn slug(self) -> &'static str {
        match self {
            FaqEntry::Link => "r8-link-mcid",
            FaqEntry::Unlink => "r11-unlink",
            FaqEntry::MovingCompany => "r12-moving-company",
            FaqEntry::Leaving => "r13-leaving",
            FaqEntry::NoResponse => "r14-no-response",
            FaqEntry::Limited => "r15-association-limited",
            FaqEntry::Support => "r16-support",
        }
    }

    pub fn from_slug(slug: &str) -> Option<FaqEntry> {
        FaqEntry::ALL.into_iter().find(|e| e.slug() == slug)
    }

    /// The FAQ entry that answers a rule, for refusals and support routing.
    pub fn for_rule(rule: Rule) -> Option<FaqEntry> {
        Some(match rule {
            Rule::R8 | Rule::R9 | Rule::R10 => FaqEntry::Link,
            Rule::R11 => FaqEntry::Unlink,
            Rule::R4 | Rule::R12 => FaqEntry::MovingCompany,
            Rule::R13 => FaqEntry::Leaving,
            Rule::R14 => FaqEntry::NoResponse,
            Rule::R15 => FaqEntry::Limited,
            Rule::R16 => FaqEntry::Support,
            _ => return None,
        })
    }

    /// The question, in Certlink's words (the source lost its headings).
    pub fn question(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            FaqEntry::Link => (
                "How do I link my MCID with the MPN organisation I work for?",
                "Comment lier mon MCID à l’organisation MPN pour laquelle je travaille\u{202f}?",
            ),
            FaqEntry::Unlink => (
                "How do I unlink my MCID from that organisation?",
                "Comment dissocier mon MCID de cette organisation\u{202f}?",
            ),
            FaqEntry::MovingCompany => (
                "I left company A and now work for company B. How do I link my MCID with B?",
                "J’ai quitté la société A et je travaille maintenant pour la société B. Comment lier mon MCID à B\u{202f}?",
            ),
            FaqEntry::Leaving => (
                "I left company A, no longer have Partner Center access, and want to unlink from A without linking elsewhere. What happens?",
                "J’ai quitté la société A, je n’ai plus accès à l’Espace partenaires et je veux me dissocier de A sans me lier ailleurs. Que se passe-t-il\u{202f}?",
            ),
            FaqEntry::NoResponse => (
                "I am an admin: I sent sign-in details for a work email account and heard nothing. What should I do?",
                "Je suis administrateur\u{a0}: j’ai envoyé des détails de connexion pour un compte e-mail professionnel et je n’ai pas eu de réponse. Que faire\u{202f}?",
            ),
            FaqEntry::Limited => (
                "I tried to associate my account and was told my association is limited. Why?",
                "J’ai essayé d’associer mon compte et un message indique que mon association est limitée. Pourquoi\u{202f}?",
            ),
            FaqEntry::Support => ("How do I get support?", "Comment obtenir de l’aide\u{202f}?"),
        };
        lang.pick(en, fr)
    }

    /// The source's answer, sentence by sentence.
    pub fn answer(self) -> &'static [Source] {
        use Source::*;
        match self {
            FaqEntry::Link => &[FaqLinkAnswer, FaqLinkCredentials, FaqLinkPrivacy],
            FaqEntry::Unlink => &[FaqUnlinkAnswer, FaqUnlinkPrivacy],
            FaqEntry::MovingCompany => &[FaqMoveAnswer, FaqMoveAutomatic],
            FaqEntry::Leaving => &[FaqLeaveDelete, FaqLeaveReport],
            FaqEntry::NoResponse => &[FaqNoResponseCase, FaqNoResponseAnswer],
            FaqEntry::Limited => &[FaqLimitedCase, FaqLimitedAbuse, FaqLimitedDate, FaqLimitedSupport],
            FaqEntry::Support => &[SupportTechnical, SupportMerge],
        }
    }

    /// The rule the entry explains.
    pub fn rule(self) -> Rule {
        match self {
            FaqEntry::Link => Rule::R8,
            FaqEntry::Unlink => Rule::R11,
            FaqEntry::MovingCompany => Rule::R12,
            FaqEntry::Leaving => Rule::R13,
            FaqEntry::NoResponse => Rule::R14,
            FaqEntry::Limited => Rule::R15,
            FaqEntry::Support => Rule::R16,
        }
    }
}
