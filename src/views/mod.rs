//! One file per page. Views read the context, call the rules and show their
//! answers; they decide nothing themselves.

pub mod common;
pub mod competency;
pub mod data;
pub mod faq;
pub mod home;
pub mod not_found;
pub mod profile;
pub mod sign_in;
pub mod skills_report;
pub mod support;
pub mod timeline;
pub mod tour;
pub mod trainer;
pub mod users;
