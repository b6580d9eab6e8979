//! Hash routes <-> [`Route`]. Hash routes survive reloads and deep links on
//! any static host, under any sub-path, with no server rewrite rules.

use crate::i18n::faq::FaqEntry;
use crate::rules::demo::BuiltIn;

/// A page of the app, as its URL hash names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    SignIn,
    Profile,
    SkillsReport,
    Competency,
    Users,
    /// The FAQ, scrolled to one entry when the address names it.
    Faq(Option<FaqEntry>),
    Support,
    /// Your data: export, import, reset.
    Data,
    /// The audit timeline (D4), from the trainer panel.
    Timeline,
    /// Practice mode: the nine cases as tasks, their progress and results.
    Practice,
    /// A case's one-page handout, for a trainer to print.
    Handout(BuiltIn),
    /// The trainer's scenario editor.
    Editor,
    /// The library of scenarios kept in this browser.
    Library,
    /// Any hash Certlink does not know; shown as a "page not found" page.
    NotFound(String),
}

impl Route {
    /// The page the browser's address names now.
    pub fn current() -> Route {
        Route::parse(&leptos::prelude::location_hash().unwrap_or_default())
    }

    /// Reads a hash such as `#/profile` (with or without the `#`); a query
    /// after it (`?tour=r8&step=2`, a guided tour) is not part of the page.
    pub fn parse(hash: &str) -> Route {
        let path = hash.split('?').next().unwrap_or_default();
        let path = path.trim_start_matches('#').trim_start_matches('/').trim_end_matches('/');
        match path {
            "" => Route::Home,
            "sign-in" => Route::SignIn,
            "profile" => Route::Profile,
            "skills-report" => Route::SkillsReport,
            "competency" => Route::Competency,
            "users" => Route::Users,
            "faq" => Route::Faq(None),
            "support" => Route::Support,
            "data" => Route::Data,
            "timeline" => Route::Timeline,
            "practice" => Route::Practice,
            "editor" => Route::Editor,
            "library" => Route::Library,
            other => {
                if let Some(entry) = other.strip_prefix("faq/").and_then(FaqEntry::from_slug) {
                    Route::Faq(Some(entry))
                } else if let Some(case) = other.strip_prefix("practice/").and_then(BuiltIn::from_code) {
                    Route::Handout(case)
                } else {
                    Route::NotFound(other.to_string())
                }
            }
        }
    }

    /// The hash that leads to this page, for `href`s.
    pub fn href(&self) -> String {
        let path = match self {
            Route::Home => "",
            Route::SignIn => "sign-in",
            Route::Profile => "profile",
            Route::SkillsReport => "skills-report",
            Route::Competency => "competency",
            Route::Users => "users",
            Route::Faq(None) => "faq",
            Route::Faq(Some(entry)) => return format!("#/faq/{}", entry.slug()),
            Route::Support => "support",
            Route::Data => "data",
            Route::Timeline => "timeline",
            Route::Practice => "practice",
            Route::Editor => "editor",
            Route::Library => "library",
            Route::Handout(case) => return format!("#/practice/{}", case.rule().code().to_ascii_lowercase()),
            Route::NotFound(path) => path,
        };
        format!("#/{path}")
    }

    /// The sign-in page's address from a page that needs someone signed
    /// in (R5): it names that page, to go back to after signing in.
    pub fn sign_in_then(self) -> String {
        format!("#/sign-in?then={}", self.href().trim_start_matches("#/"))
    }

    /// The page a sign-in address from [`Route::sign_in_then`] names, if
    /// it is one of the pages that ask for a sign-in (R5); an admin page
    /// the account may not see then says why (R2), as it would have.
    pub fn asked_before_sign_in(hash: &str) -> Option<Route> {
        match Route::parse(query_param(hash, "then")?) {
            route @ (Route::Profile | Route::SkillsReport | Route::Competency | Route::Users | Route::Support) => {
                Some(route)
            }
            _ => None,
        }
    }
}

/// The value of `name` in the query after a hash route (`?tour=r8&step=2`).
pub fn query_param<'a>(hash: &'a str, name: &str) -> Option<&'a str> {
    let (_, query) = hash.split_once('?')?;
    query.split('&').find_map(|pair| pair.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_routes_round_trip() {
        let mut routes = vec![
            Route::Home,
            Route::SignIn,
            Route::Profile,
            Route::SkillsReport,
            Route::Competency,
            Route::Users,
            Route::Faq(None),
            Route::Support,
            Route::Data,
            Route::Timeline,
            Route::Practice,
            Route::Editor,
            Route::Library,
        ];
        routes.extend(FaqEntry::ALL.into_iter().map(|e| Route::Faq(Some(e))));
        routes.extend(BuiltIn::ALL.into_iter().map(Route::Handout));
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/profile/"), Route::Profile);
        assert_eq!(Route::parse("#/faq/r12-moving-company"), Route::Faq(Some(FaqEntry::MovingCompany)));
        assert_eq!(Route::parse("#/faq/nope"), Route::NotFound("faq/nope".into()));
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
        assert_eq!(Route::parse("#/users?tour=r14&step=2"), Route::Users);
        assert_eq!(Route::parse("#/practice/r12"), Route::Handout(BuiltIn::MovingCompany));
        assert_eq!(Route::parse("#/practice/R12"), Route::Handout(BuiltIn::MovingCompany));
        assert_eq!(Route::parse(&Route::Users.sign_in_then()), Route::SignIn);
        assert_eq!(Route::parse("#/practice/r3"), Route::NotFound("practice/r3".into()));
    }

    #[test]
    fn sign_in_goes_back_to_the_page_that_asked_for_it() {
        for route in [Route::Profile, Route::SkillsReport, Route::Competency, Route::Users, Route::Support] {
            assert_eq!(Route::asked_before_sign_in(&route.clone().sign_in_then()), Some(route));
        }
        // Pages that ask no one to sign in are not gone back to.
        for route in [Route::Data, Route::Faq(Some(FaqEntry::MovingCompany)), Route::Editor, Route::Home] {
            assert_eq!(Route::asked_before_sign_in(&route.sign_in_then()), None);
        }
        assert_eq!(Route::asked_before_sign_in("#/sign-in"), None);
        assert_eq!(Route::asked_before_sign_in("#/sign-in?then="), None);
        assert_eq!(Route::asked_before_sign_in("#/sign-in?then=sign-in"), None);
        assert_eq!(Route::asked_before_sign_in("#/sign-in?then=nowhere"), None);
        assert_eq!(Route::asked_before_sign_in("#/sign-in?tour=r8&step=1"), None);
    }
}
