//! Hash routes <-> [`Route`]. Hash routes survive reloads and deep links on
//! any static host, under any sub-path, with no server rewrite rules.

/// A page of the app, as its URL hash names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Profile,
    /// Any hash Certlink does not know; shown as a "page not found" page.
    NotFound(String),
}

impl Route {
    /// Reads a hash such as `#/profile` (with or without the `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.trim_end_matches('/');
        match path {
            "" => Route::Home,
            "profile" => Route::Profile,
            other => Route::NotFound(other.to_string()),
        }
    }

    /// The hash that leads to this page, for `href`s.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Profile => "#/profile".to_string(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_routes_round_trip() {
        for route in [Route::Home, Route::Profile] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/profile/"), Route::Profile);
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
    }
}
