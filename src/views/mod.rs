//! One file per page. Views read the language from context and only show
//! what the rules answer; they decide nothing themselves.

pub mod home;
pub mod not_found;
pub mod profile;
