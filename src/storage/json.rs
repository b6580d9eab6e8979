//! The scenario as JSON: a compact array-of-rows form of our own, written
//! row by row (strings through serde_json's string writer) and read
//! through `serde_json::Value` with a check of every cell.
//!
//! Why not `#[derive(Serialize, Deserialize)]`: the derived code for the
//! whole model is several times the size of this module in the bundle, and
//! its object-per-row form would make a 10,000-person scenario about twice
//! as large, over the browser's storage quota (docs/performance.md has the
//! figures). Here each table is an array of rows (the column names are written
//! once, under `columns`), a proof's title is written once per code
//! (`titles`), and a password is its salt and SHA-256 only (D2). Reading
//! goes through `serde_json::Value`, one small parser, and checks every
//! cell, naming where a file is wrong.

use crate::rules::audit::Holder;
use crate::rules::credentials::PasswordHash;
use crate::rules::support::{Evidence, Problem, SupportRoute, Ticket};
use crate::rules::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// The columns of each table, written into every document so a reader of
/// an export knows what each row holds.
pub const COLUMNS: &str = r#"{"organisations":"mpn_id, name","accounts":"id, display_name, org, role, state, password, partner_university_since, linked_mcid, last_mcid","profiles":"mcid, username, password, holder_name, credentials, associations","partner_university":"username, assessments","links":"mcid, account, org, since, method","limits":"per_year, cool_off_days","credential":"code, kind, passed_on, title if not the one in titles","trail":"at, actor (null: the trainer), kind, details..."}"#;

// ---------------------------------------------------------------- writing

/// Appends `value` as JSON to `out`.
pub trait Write {
    fn write(&self, out: &mut String);
}

/// Writes `[a,b,...]`.
macro_rules! row {
    ($out:expr; $($cell:expr),* $(,)?) => {{
        let out: &mut String = $out;
        out.push('[');
        let mut _first = true;
        $(
            if !_first { out.push(','); }
            _first = false;
            Write::write($cell, out);
        )*
        out.push(']');
    }};
}

/// Writes cells separated by commas, without brackets (`after`: each cell
/// preceded by a comma, to continue a row).
macro_rules! row_cells {
    ($out:expr; $first:expr $(, $cell:expr)*) => {{
        Write::write($first, $out);
        $( $out.push(','); Write::write($cell, $out); )*
    }};
    ($out:expr, after; $($cell:expr),*) => {{
        $( $out.push(','); Write::write($cell, $out); )*
    }};
}

impl Write for str {
    fn write(&self, out: &mut String) {
        // Most text needs no escaping: copied whole. The rest goes through
        // serde_json's string writer, which escapes what JSON asks (a `str`
        // always serialises).
        if self.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
            if let Ok(text) = serde_json::to_string(self) {
                out.push_str(&text);
            }
        } else {
            out.push('"');
            out.push_str(self);
            out.push('"');
        }
    }
}

impl Write for String {
    fn write(&self, out: &mut String) {
        self.as_str().write(out)
    }
}

impl Write for u64 {
    fn write(&self, out: &mut String) {
        let digits = self.checked_ilog10().unwrap_or(0) as usize + 1;
        push_digits(out, *self, digits, 10);
    }
}

impl Write for u32 {
    fn write(&self, out: &mut String) {
        u64::from(*self).write(out)
    }
}

impl<T: Write> Write for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(value) => value.write(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Write> Write for [T] {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write(out);
        }
        out.push(']');
    }
}

impl<T: Write> Write for Vec<T> {
    fn write(&self, out: &mut String) {
        self.as_slice().write(out)
    }
}

impl<T: Write + ?Sized> Write for &T {
    fn write(&self, out: &mut String) {
        (**self).write(out)
    }
}

/// `n` in `base`, left-padded with zeros to `width` digits.
fn push_digits(out: &mut String, n: u64, width: usize, base: u64) {
    let mut buf = [b'0'; 20];
    let (mut n, mut i) = (n, buf.len());
    while n > 0 || i == buf.len() {
        i -= 1;
        buf[i] = b"0123456789abcdef"[(n % base) as usize];
        n /= base;
    }
    for _ in (buf.len() - i)..width {
        out.push('0');
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// RFC 3339 in UTC, `2026-11-27T09:00:00Z`, with milliseconds or
/// nanoseconds only when the time has them (real clicks do). Computed from
/// the timestamp (a save writes tens of thousands of these; chrono's
/// calendar accessors would be most of a 10,000-person save's time).
impl Write for Time {
    fn write(&self, out: &mut String) {
        let seconds = self.timestamp();
        let (days, of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400) as u64);
        let (year, month, day) = civil_from_days(days);
        out.push('"');
        push_digits(out, year.max(0) as u64, 4, 10);
        for (sep, n) in [('-', month), ('-', day), ('T', of_day / 3600), (':', of_day / 60 % 60), (':', of_day % 60)] {
            out.push(sep);
            out.push(char::from(b'0' + (n / 10) as u8));
            out.push(char::from(b'0' + (n % 10) as u8));
        }
        let nanos = u64::from(self.timestamp_subsec_nanos());
        if nanos % 1_000_000 == 0 && nanos > 0 {
            out.push('.');
            push_digits(out, nanos / 1_000_000, 3, 10);
        } else if nanos > 0 {
            out.push('.');
            push_digits(out, nanos, 9, 10);
        }
        out.push_str("Z\"");
    }
}

/// The proleptic Gregorian date of a day number (0 = 1970-01-01), after
/// Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, u64, u64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u64;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u64;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Enums without data, written as their variant's name.
macro_rules! names {
    ($ty:ty { $($variant:ident),* $(,)? }) => {
        impl Write for $ty {
            fn write(&self, out: &mut String) {
                match self { $(<$ty>::$variant => stringify!($variant).write(out)),* }
            }
        }
        impl Read for $ty {
            fn read(value: &Value) -> Result<Self, ShapeError> {
                match value.as_str() {
                    $(Some(stringify!($variant)) => Ok(<$ty>::$variant),)*
                    _ => Err(Wrong::Unknown { value: value.to_string() }.here()),
                }
            }
        }
    };
}

names!(Role { User, MpnPartnerAdmin, GlobalAdmin });
names!(CredentialKind { Exam, Certification, Assessment });
names!(LinkMethod { McidCredentials, SameCredentials });
names!(Problem {
    LinkingTechnical,
    UnlinkingTechnical,
    McidMerge,
    AssociationLimited,
    StillInReportAfterLeaving,
    NoResponseToInvitation
});
names!(Rule { R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15, R16, D1, D2, D3, D4, D5, D6, D7 });

macro_rules! ids {
    ($($ty:ident),*) => {$(
        impl Write for $ty {
            fn write(&self, out: &mut String) {
                self.0.write(out)
            }
        }
        impl Read for $ty {
            fn read(value: &Value) -> Result<Self, ShapeError> {
                String::read(value).map($ty)
            }
        }
    )*};
}

ids!(MpnId, McidId);

impl Write for AccountId {
    fn write(&self, out: &mut String) {
        self.0.write(out)
    }
}

impl Read for AccountId {
    /// Read as the rules look it up (`AccountId::from_email`: trimmed, in
    /// lower case), so that an address written otherwise in a file (by
    /// hand, or by a build that kept it so) names the same account.
    fn read(value: &Value) -> Result<Self, ShapeError> {
        String::read(value).map(|text| AccountId::from_email(&text))
    }
}

/// `sha256` alone when the salt is the owner's name (as every demo
/// account's is), else `salt:sha256`: the salt never holds the password.
fn write_password(out: &mut String, hash: &PasswordHash, owner: &str) {
    if hash.salt() == owner {
        hash.sha256().write(out)
    } else {
        format!("{}:{}", hash.salt(), hash.sha256()).write(out)
    }
}

/// The compact JSON of `scenario` (its starting state and audit trail; the
/// current state is replayed on reading, never trusted from a file).
pub fn write_scenario(out: &mut String, scenario: &Scenario) {
    let data = scenario.initial().data();
    let titles = titles(scenario);
    out.push_str("{\"columns\":");
    out.push_str(COLUMNS);
    out.push_str(",\"titles\":");
    write_titles(out, &titles);
    out.push_str(",\"initial\":{\"organisations\":[");
    for (i, org) in data.organisations.values().enumerate() {
        comma(out, i);
        row!(out; &org.mpn_id, &org.name);
    }
    out.push_str("],\"accounts\":[");
    for (i, acc) in data.accounts.values().enumerate() {
        comma(out, i);
        out.push('[');
        row_cells!(out; &acc.id, &acc.display_name, &acc.org, &acc.role);
        out.push(',');
        write_account_state(out, &acc.state);
        out.push(',');
        write_password(out, &acc.password, acc.id.as_str());
        row_cells!(out, after; &acc.partner_university_since, &acc.linked_mcid, &acc.last_mcid);
        out.push(']');
    }
    out.push_str("],\"profiles\":[");
    for (i, profile) in data.profiles.values().enumerate() {
        comma(out, i);
        out.push('[');
        row_cells!(out; &profile.mcid, &profile.username);
        out.push(',');
        write_password(out, &profile.password, &profile.username.to_lowercase());
        row_cells!(out, after; &profile.holder_name);
        out.push(',');
        write_credentials(out, &profile.credentials, &titles);
        row_cells!(out, after; &profile.associations);
        out.push(']');
    }
    out.push_str("],\"partner_university\":[");
    for (i, pu) in data.partner_university.values().enumerate() {
        comma(out, i);
        out.push('[');
        pu.username.write(out);
        out.push(',');
        write_credentials(out, &pu.assessments, &titles);
        out.push(']');
    }
    out.push_str("],\"links\":[");
    for (i, link) in data.links.values().enumerate() {
        comma(out, i);
        row!(out; &link.mcid, &link.account, &link.org, &link.since, &link.method);
    }
    out.push_str("],\"limits\":");
    row!(out; &data.limits.per_year, &data.limits.cool_off_days);
    out.push_str(",\"tickets\":[");
    for (i, ticket) in data.tickets.iter().enumerate() {
        comma(out, i);
        write_ticket(out, ticket);
    }
    out.push_str("]},\"trail\":");
    write_trail(out, scenario.trail(), &titles);
    out.push('}');
}

/// Events recorded after a packed part (see `document::Stored`), with the
/// titles of the proofs they pass written once, as in a whole scenario.
pub fn write_events(out: &mut String, events: &[Event]) {
    let titles = first_titles(BTreeMap::new(), events);
    out.push_str("{\"titles\":");
    write_titles(out, &titles);
    out.push_str(",\"trail\":");
    write_trail(out, events, &titles);
    out.push('}');
}

/// Reads what [`write_events`] wrote.
pub fn read_events(value: &Value) -> Result<Vec<Event>, ShapeError> {
    read_trail(value, &read_titles(value)?)
}

fn write_titles(out: &mut String, titles: &BTreeMap<&str, &str>) {
    out.push('{');
    for (i, (code, title)) in titles.iter().enumerate() {
        comma(out, i);
        code.write(out);
        out.push(':');
        title.write(out);
    }
    out.push('}');
}

fn write_trail(out: &mut String, events: &[Event], titles: &BTreeMap<&str, &str>) {
    out.push('[');
    for (i, event) in events.iter().enumerate() {
        comma(out, i);
        write_event(out, event, titles);
    }
    out.push(']');
}

/// The code and title of each proof passed in `events`.
fn passed_titles(events: &[Event]) -> impl Iterator<Item = (&str, &str)> {
    events.iter().filter_map(|e| match &e.kind {
        EventKind::CredentialPassed { credential, .. } => Some((credential.code.as_str(), credential.title.as_str())),
        _ => None,
    })
}

fn comma(out: &mut String, index: usize) {
    if index > 0 {
        out.push(',');
    }
}

/// The first title seen for each code, so each is written once.
fn titles(scenario: &Scenario) -> BTreeMap<&str, &str> {
    let data = scenario.initial().data();
    let mut titles = BTreeMap::new();
    let held = data.profiles.values().flat_map(|p| &p.credentials);
    let assessed = data.partner_university.values().flat_map(|p| &p.assessments);
    for credential in held.chain(assessed) {
        titles.entry(credential.code.as_str()).or_insert(credential.title.as_str());
    }
    first_titles(titles, scenario.trail())
}

/// `titles`, plus the first title of each other code passed in `events`.
fn first_titles<'a>(mut titles: BTreeMap<&'a str, &'a str>, events: &'a [Event]) -> BTreeMap<&'a str, &'a str> {
    for (code, title) in passed_titles(events) {
        titles.entry(code).or_insert(title);
    }
    titles
}

fn write_credential(out: &mut String, credential: &Credential, titles: &BTreeMap<&str, &str>) {
    out.push('[');
    row_cells!(out; &credential.code, &credential.kind, &credential.passed_on);
    if titles.get(credential.code.as_str()) != Some(&credential.title.as_str()) {
        row_cells!(out, after; &credential.title);
    }
    out.push(']');
}

fn write_credentials(out: &mut String, credentials: &[Credential], titles: &BTreeMap<&str, &str>) {
    out.push('[');
    for (i, credential) in credentials.iter().enumerate() {
        comma(out, i);
        write_credential(out, credential, titles);
    }
    out.push(']');
}

fn write_account_state(out: &mut String, state: &AccountState) {
    match state {
        AccountState::Active => "Active".write(out),
        AccountState::Deleted { at } => row!(out; "Deleted", at),
        AccountState::Invited(inv) => {
            row!(out; "Invited", &inv.invited_at, &inv.invited_by, &inv.email_verified_at, &inv.resent_at)
        }
    }
}

fn write_ticket(out: &mut String, t: &Ticket) {
    out.push('[');
    row_cells!(out; &u64::from(t.number), &t.account, &t.problem);
    out.push(',');
    match &t.route {
        SupportRoute::MicrosoftSupport => "MicrosoftSupport".write(out),
        SupportRoute::CertificationSupport => "CertificationSupport".write(out),
        SupportRoute::Faq(rule) => row!(out; "Faq", rule),
    }
    row_cells!(out, after; &t.details, &t.started_on, &t.opened_at);
    out.push_str(",[");
    for (i, evidence) in t.evidence.iter().enumerate() {
        comma(out, i);
        match evidence {
            Evidence::UserReport { org, accounts } => row!(out; "UserReport", org, &(*accounts as u64)),
            Evidence::ProfileAssociation { mcid, org, since } => row!(out; "ProfileAssociation", mcid, org, since),
            Evidence::Transcript { mcid, codes } => row!(out; "Transcript", mcid, codes),
            Evidence::AssessmentProof { codes } => row!(out; "AssessmentProof", codes),
        }
    }
    out.push_str("]]");
}

fn write_event(out: &mut String, event: &Event, titles: &BTreeMap<&str, &str>) {
    use EventKind::*;
    out.push('[');
    event.at.write(out);
    out.push(',');
    match &event.actor {
        Actor::Account(id) => id.write(out),
        Actor::Trainer => out.push_str("null"),
    }
    out.push(',');
    match &event.kind {
        InvitationAccepted { account } => row_cells!(out; "InvitationAccepted", account),
        PartnerUniversityAccessGranted { account } => row_cells!(out; "PartnerUniversityAccessGranted", account),
        PartnerUniversityAccessRemoved { account } => row_cells!(out; "PartnerUniversityAccessRemoved", account),
        McidLinked { mcid, account, org, method } => row_cells!(out; "McidLinked", mcid, account, org, method),
        McidAutomaticallyUnlinked { mcid, account, from_org, to_org } => {
            row_cells!(out; "McidAutomaticallyUnlinked", mcid, account, from_org, to_org)
        }
        McidUnlinked { mcid, account, org } => row_cells!(out; "McidUnlinked", mcid, account, org),
        AccountDeleted { account } => row_cells!(out; "AccountDeleted", account),
        RemovedFromReport { mcid, account, org } => row_cells!(out; "RemovedFromReport", mcid, account, org),
        UserInvited { account, display_name, org, role, password } => {
            row_cells!(out; "UserInvited", account, display_name, org, role);
            out.push(',');
            write_password(out, password, account.as_str());
        }
        InvitationEmailVerified { account, corrected_to } => {
            row_cells!(out; "InvitationEmailVerified", account, corrected_to)
        }
        InvitationResent { account } => row_cells!(out; "InvitationResent", account),
        CredentialPassed { holder, credential } => {
            match holder {
                Holder::Mcid(mcid) => row_cells!(out; "CredentialPassed", "Mcid", mcid),
                Holder::PartnerUniversity(username) => {
                    row_cells!(out; "CredentialPassed", "PartnerUniversity", username)
                }
            }
            out.push(',');
            write_credential(out, credential, titles);
        }
        LimitSettingsChanged { settings } => {
            row_cells!(out; "LimitSettingsChanged", &settings.per_year, &settings.cool_off_days)
        }
        TicketOpened { ticket } => {
            "TicketOpened".write(out);
            out.push(',');
            write_ticket(out, ticket);
        }
        OrganisationAdded { org, name } => row_cells!(out; "OrganisationAdded", org, name),
        PartnerUniversityAccountAdded { username } => row_cells!(out; "PartnerUniversityAccountAdded", username),
        WorkAccountAdded { account, display_name, org, role, password } => {
            row_cells!(out; "WorkAccountAdded", account, display_name, org, role);
            out.push(',');
            write_password(out, password, account.as_str());
        }
        McidProfileAdded { mcid, username, password, holder_name } => {
            row_cells!(out; "McidProfileAdded", mcid, username, holder_name);
            out.push(',');
            write_password(out, password, &username.to_lowercase());
        }
    }
    out.push(']');
}

// ---------------------------------------------------------------- reading

/// What is wrong with a file at one place: `at` names the place in the
/// file's own terms (`accounts[2].state`; empty for the file as a whole),
/// `wrong` what is wrong there. `ui::document` words both in the person's
/// language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    pub at: String,
    pub wrong: Wrong,
}

impl ShapeError {
    /// The same problem, inside `segment` (a member's name, or `[i]`).
    pub fn within(mut self, segment: &str) -> ShapeError {
        self.at = match (self.at.is_empty(), self.at.starts_with('[')) {
            (true, _) => segment.to_string(),
            (false, true) => format!("{segment}{}", self.at),
            (false, false) => format!("{segment}.{}", self.at),
        };
        self
    }
}

/// What is wrong at a place of a file (see [`ShapeError`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wrong {
    /// The member `at` names is not there.
    Missing,
    Expected {
        what: Kind,
        found: Kind,
    },
    /// A number over what Certlink keeps there.
    TooLarge {
        value: u64,
    },
    NotUtcDate {
        text: String,
    },
    Cells {
        expected: usize,
        found: usize,
    },
    /// An event of kind `event` with another number of details.
    Details {
        event: String,
        expected: usize,
    },
    /// D2: a password kept otherwise than as its salted SHA-256.
    PasswordInClear,
    NoTitle {
        code: String,
    },
    /// A name Certlink does not know there (a kind of event, a role…).
    Unknown {
        value: String,
    },
    /// A row's key given by an earlier row too.
    Twice {
        key: String,
    },
    /// A large scenario's packed part (in the browser's storage): not
    /// deflate-raw in base64, not inflatable here, damaged, not UTF-8,
    /// gone, or another save's.
    NotPacked,
    CannotInflate,
    Damaged,
    NotUtf8,
    PartMissing,
    PartOfAnotherSave,
    /// A stored head of a large scenario, given as a file to import.
    NotAnExport,
}

impl Wrong {
    /// This problem, at the place being read (its caller names it).
    pub fn here(self) -> ShapeError {
        ShapeError { at: String::new(), wrong: self }
    }
}

/// The kinds of JSON value, as a problem names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Nothing,
    TrueOrFalse,
    Number,
    WholeNumber,
    Text,
    Date,
    List,
    Object,
}

/// Builds a value from JSON, or says what is wrong with it.
pub trait Read: Sized {
    fn read(value: &Value) -> Result<Self, ShapeError>;
}

impl Read for String {
    fn read(value: &Value) -> Result<Self, ShapeError> {
        value.as_str().map(str::to_string).ok_or_else(|| expected(Kind::Text, value))
    }
}

impl Read for u64 {
    fn read(value: &Value) -> Result<Self, ShapeError> {
        value.as_u64().ok_or_else(|| expected(Kind::WholeNumber, value))
    }
}

impl Read for u32 {
    fn read(value: &Value) -> Result<Self, ShapeError> {
        u64::read(value).and_then(|n| u32::try_from(n).map_err(|_| Wrong::TooLarge { value: n }.here()))
    }
}

impl<T: Read> Read for Option<T> {
    fn read(value: &Value) -> Result<Self, ShapeError> {
        if value.is_null() {
            Ok(None)
        } else {
            T::read(value).map(Some)
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(value: &Value) -> Result<Self, ShapeError> {
        array(value)?
            .iter()
            .enumerate()
            .map(|(i, item)| T::read(item).map_err(|e| e.within(&format!("[{i}]"))))
            .collect()
    }
}

impl Read for Time {
    fn read(value: &Value) -> Result<Self, ShapeError> {
        let text = value.as_str().ok_or_else(|| expected(Kind::Date, value))?;
        parse_time(text).ok_or_else(|| Wrong::NotUtcDate { text: text.to_string() }.here())
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, as [`Write for Time`] writes it.
/// A year of five or six digits (which a date input accepts) is read too,
/// so that the rules refuse it by its range (D1) with the date's place in
/// the file, rather than as a shape this reader does not know.
pub fn parse_time(text: &str) -> Option<Time> {
    let text = text.as_bytes();
    let year_digits = text.iter().take_while(|d| d.is_ascii_digit()).count();
    if !(4..=6).contains(&year_digits) {
        return None;
    }
    let year = std::str::from_utf8(&text[..year_digits]).ok()?.parse::<i32>().ok()?;
    // The rest, laid out as after a four-digit year.
    let b = &text[year_digits - 4..];
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = b.get(range)?;
        digits.iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let seps = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if b.len() < 20 || b.last() != Some(&b'Z') || seps.iter().any(|&(i, c)| b[i] != c) {
        return None;
    }
    let fraction = &b[19..b.len() - 1];
    let nanos = match fraction {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            num(20..19 + fraction.len())? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    let date = chrono::NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)?;
    Some(date.and_hms_nano_opt(num(11..13)?, num(14..16)?, num(17..19)?, nanos)?.and_utc())
}

/// `what` was expected where `value` is.
fn expected(what: Kind, value: &Value) -> ShapeError {
    let found = match value {
        Value::Null => Kind::Nothing,
        Value::Bool(_) => Kind::TrueOrFalse,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::Text,
        Value::Array(_) => Kind::List,
        Value::Object(_) => Kind::Object,
    };
    Wrong::Expected { what, found }.here()
}

fn array(value: &Value) -> Result<&[Value], ShapeError> {
    value.as_array().map(Vec::as_slice).ok_or_else(|| expected(Kind::List, value))
}

/// The `N` cells of a row (`optional` more may follow, read by the caller).
fn cells<const N: usize>(value: &Value, optional: usize) -> Result<(&[Value; N], &[Value]), ShapeError> {
    let row = array(value)?;
    let wrong = || Wrong::Cells { expected: N, found: row.len() }.here();
    if row.len() < N || row.len() > N + optional {
        return Err(wrong());
    }
    let (head, rest) = row.split_at(N);
    Ok((head.try_into().map_err(|_| wrong())?, rest))
}

/// Reads cell `index` of a row, naming the column if it is wrong.
fn cell<T: Read>(row: &[Value], index: usize, column: &str) -> Result<T, ShapeError> {
    T::read(row.get(index).unwrap_or(&Value::Null)).map_err(|e| e.within(column))
}

fn field<'a>(object: &'a Value, name: &str) -> Result<&'a Value, ShapeError> {
    object.get(name).ok_or_else(|| Wrong::Missing.here().within(name))
}

fn read_password(value: &Value, owner: &str) -> Result<PasswordHash, ShapeError> {
    let text = String::read(value)?;
    let (salt, sha256) = text.rsplit_once(':').unwrap_or((owner, &text));
    let is_sha256 = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
    if !is_sha256 {
        return Err(Wrong::PasswordInClear.here());
    }
    Ok(PasswordHash::from_stored(salt, sha256))
}

fn read_credential(value: &Value, titles: &BTreeMap<String, String>) -> Result<Credential, ShapeError> {
    let (row, rest) = cells::<3>(value, 1)?;
    let code: String = cell(row, 0, "code")?;
    let title = match rest.first() {
        Some(title) => String::read(title).map_err(|e| e.within("title"))?,
        None => titles.get(&code).cloned().ok_or_else(|| Wrong::NoTitle { code: code.clone() }.here())?,
    };
    Ok(Credential { title, kind: cell(row, 1, "kind")?, passed_on: cell(row, 2, "passed_on")?, code })
}

fn read_credentials(value: &Value, titles: &BTreeMap<String, String>) -> Result<Vec<Credential>, ShapeError> {
    let each = |(i, c): (usize, &Value)| read_credential(c, titles).map_err(|e| e.within(&format!("[{i}]")));
    array(value)?.iter().enumerate().map(each).collect()
}

fn read_account_state(value: &Value) -> Result<AccountState, ShapeError> {
    if value.as_str() == Some("Active") {
        return Ok(AccountState::Active);
    }
    let row = array(value)?;
    match row.first().and_then(Value::as_str) {
        Some("Deleted") if row.len() == 2 => Ok(AccountState::Deleted { at: cell(row, 1, "deleted at")? }),
        Some("Invited") if row.len() == 5 => Ok(AccountState::Invited(Invitation {
            invited_at: cell(row, 1, "invited_at")?,
            invited_by: cell(row, 2, "invited_by")?,
            email_verified_at: cell(row, 3, "email_verified_at")?,
            resent_at: cell(row, 4, "resent_at")?,
        })),
        _ => Err(Wrong::Unknown { value: value.to_string() }.here()),
    }
}

fn read_ticket(value: &Value) -> Result<Ticket, ShapeError> {
    let (row, _) = cells::<8>(value, 0)?;
    let route = match &row[3] {
        Value::String(s) if s == "MicrosoftSupport" => SupportRoute::MicrosoftSupport,
        Value::String(s) if s == "CertificationSupport" => SupportRoute::CertificationSupport,
        other => match array(other).map_err(|e| e.within("route"))? {
            [tag, rule] if tag == "Faq" => SupportRoute::Faq(Rule::read(rule).map_err(|e| e.within("route"))?),
            _ => return Err(Wrong::Unknown { value: other.to_string() }.here().within("route")),
        },
    };
    let evidence = array(&row[7])
        .map_err(|e| e.within("evidence"))?
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let one = || -> Result<Evidence, ShapeError> {
                let cells = array(e)?;
                match cells.first().and_then(Value::as_str) {
                    Some("UserReport") => Ok(Evidence::UserReport {
                        org: cell(cells, 1, "org")?,
                        accounts: usize::try_from(cell::<u32>(cells, 2, "accounts")?)
                            .map_err(|_| Wrong::TooLarge { value: u64::MAX }.here().within("accounts"))?,
                    }),
                    Some("ProfileAssociation") => Ok(Evidence::ProfileAssociation {
                        mcid: cell(cells, 1, "mcid")?,
                        org: cell(cells, 2, "org")?,
                        since: cell(cells, 3, "since")?,
                    }),
                    Some("Transcript") => {
                        Ok(Evidence::Transcript { mcid: cell(cells, 1, "mcid")?, codes: cell(cells, 2, "codes")? })
                    }
                    Some("AssessmentProof") => Ok(Evidence::AssessmentProof { codes: cell(cells, 1, "codes")? }),
                    _ => Err(Wrong::Unknown { value: e.to_string() }.here()),
                }
            };
            one().map_err(|err| err.within(&format!("[{i}]")))
        })
        .collect::<Result<_, ShapeError>>()
        .map_err(|e| e.within("evidence"))?;
    Ok(Ticket {
        number: cell(row, 0, "number")?,
        account: cell(row, 1, "account")?,
        problem: cell(row, 2, "problem")?,
        route,
        details: cell(row, 4, "details")?,
        started_on: cell(row, 5, "started_on")?,
        opened_at: cell(row, 6, "opened_at")?,
        evidence,
    })
}

fn read_event(value: &Value, titles: &BTreeMap<String, String>) -> Result<Event, ShapeError> {
    use EventKind::*;
    let row = array(value)?;
    let at = cell(row, 0, "at")?;
    let actor = match row.get(1) {
        Some(Value::Null) => Actor::Trainer,
        _ => Actor::Account(cell(row, 1, "actor")?),
    };
    let name: String = cell(row, 2, "kind")?;
    let d = &row[3.min(row.len())..];
    let expect = |n: usize| {
        (d.len() == n).then_some(()).ok_or_else(|| Wrong::Details { event: name.clone(), expected: n }.here())
    };
    let kind = match name.as_str() {
        "InvitationAccepted" => expect(1).and_then(|_| Ok(InvitationAccepted { account: cell(d, 0, "account")? })),
        "PartnerUniversityAccessGranted" => {
            expect(1).and_then(|_| Ok(PartnerUniversityAccessGranted { account: cell(d, 0, "account")? }))
        }
        "PartnerUniversityAccessRemoved" => {
            expect(1).and_then(|_| Ok(PartnerUniversityAccessRemoved { account: cell(d, 0, "account")? }))
        }
        "McidLinked" => expect(4).and_then(|_| {
            Ok(McidLinked {
                mcid: cell(d, 0, "mcid")?,
                account: cell(d, 1, "account")?,
                org: cell(d, 2, "org")?,
                method: cell(d, 3, "method")?,
            })
        }),
        "McidAutomaticallyUnlinked" => expect(4).and_then(|_| {
            Ok(McidAutomaticallyUnlinked {
                mcid: cell(d, 0, "mcid")?,
                account: cell(d, 1, "account")?,
                from_org: cell(d, 2, "from_org")?,
                to_org: cell(d, 3, "to_org")?,
            })
        }),
        "McidUnlinked" => expect(3).and_then(|_| {
            Ok(McidUnlinked { mcid: cell(d, 0, "mcid")?, account: cell(d, 1, "account")?, org: cell(d, 2, "org")? })
        }),
        "AccountDeleted" => expect(1).and_then(|_| Ok(AccountDeleted { account: cell(d, 0, "account")? })),
        "RemovedFromReport" => expect(3).and_then(|_| {
            Ok(RemovedFromReport {
                mcid: cell(d, 0, "mcid")?,
                account: cell(d, 1, "account")?,
                org: cell(d, 2, "org")?,
            })
        }),
        "UserInvited" => expect(5).and_then(|_| {
            let account: AccountId = cell(d, 0, "account")?;
            let password = read_password(&d[4], account.as_str()).map_err(|e| e.within("password"))?;
            Ok(UserInvited {
                display_name: cell(d, 1, "display_name")?,
                org: cell(d, 2, "org")?,
                role: cell(d, 3, "role")?,
                password,
                account,
            })
        }),
        "InvitationEmailVerified" => expect(2).and_then(|_| {
            Ok(InvitationEmailVerified { account: cell(d, 0, "account")?, corrected_to: cell(d, 1, "corrected_to")? })
        }),
        "InvitationResent" => expect(1).and_then(|_| Ok(InvitationResent { account: cell(d, 0, "account")? })),
        "CredentialPassed" => expect(3).and_then(|_| {
            let holder = match d[0].as_str() {
                Some("Mcid") => Holder::Mcid(cell(d, 1, "mcid")?),
                Some("PartnerUniversity") => Holder::PartnerUniversity(cell(d, 1, "username")?),
                _ => return Err(Wrong::Unknown { value: d[0].to_string() }.here().within("holder")),
            };
            Ok(CredentialPassed {
                holder,
                credential: read_credential(&d[2], titles).map_err(|e| e.within("credential"))?,
            })
        }),
        "LimitSettingsChanged" => expect(2).and_then(|_| {
            Ok(LimitSettingsChanged {
                settings: LimitSettings {
                    per_year: cell(d, 0, "per_year")?,
                    cool_off_days: cell(d, 1, "cool_off_days")?,
                },
            })
        }),
        "TicketOpened" => {
            expect(1).and_then(|_| Ok(TicketOpened { ticket: read_ticket(&d[0]).map_err(|e| e.within("ticket"))? }))
        }
        "OrganisationAdded" => {
            expect(2).and_then(|_| Ok(OrganisationAdded { org: cell(d, 0, "org")?, name: cell(d, 1, "name")? }))
        }
        "PartnerUniversityAccountAdded" => {
            expect(1).and_then(|_| Ok(PartnerUniversityAccountAdded { username: cell(d, 0, "username")? }))
        }
        "WorkAccountAdded" => expect(5).and_then(|_| {
            let account: AccountId = cell(d, 0, "account")?;
            let password = read_password(&d[4], account.as_str()).map_err(|e| e.within("password"))?;
            Ok(WorkAccountAdded {
                display_name: cell(d, 1, "display_name")?,
                org: cell(d, 2, "org")?,
                role: cell(d, 3, "role")?,
                password,
                account,
            })
        }),
        "McidProfileAdded" => expect(4).and_then(|_| {
            let username: String = cell(d, 1, "username")?;
            let password = read_password(&d[3], &username.to_lowercase()).map_err(|e| e.within("password"))?;
            Ok(McidProfileAdded {
                mcid: cell(d, 0, "mcid")?,
                holder_name: cell(d, 2, "holder_name")?,
                password,
                username,
            })
        }),
        _ => Err(Wrong::Unknown { value: name.clone() }.here().within("kind")),
    }?;
    Ok(Event { at, actor, kind })
}

/// Reads one table: each row through `read`, keyed by `key`; a key twice
/// is refused (the second row would silently replace the first).
fn table<K: Ord + std::fmt::Display, T>(
    initial: &Value,
    name: &str,
    read: impl Fn(&Value) -> Result<T, ShapeError>,
    key: impl Fn(&T) -> K,
) -> Result<BTreeMap<K, T>, ShapeError> {
    let mut map = BTreeMap::new();
    let rows = array(field(initial, name)?).map_err(|e| e.within(name))?;
    for (i, value) in rows.iter().enumerate() {
        let item = read(value).map_err(|e| e.within(&format!("{name}[{i}]")))?;
        let k = key(&item);
        if map.contains_key(&k) {
            return Err(Wrong::Twice { key: k.to_string() }.here().within(&format!("{name}[{i}]")));
        }
        map.insert(k, item);
    }
    Ok(map)
}

/// Reads what [`write_scenario`] wrote: the starting state and the trail,
/// not yet replayed nor checked ([`Scenario::replay_checked`] does both).
pub fn read_scenario(value: &Value) -> Result<(State, Vec<Event>), ShapeError> {
    let titles = read_titles(value)?;
    let initial = field(value, "initial")?;
    let organisations = table(
        initial,
        "organisations",
        |v| {
            let ([mpn_id, name], _) = cells::<2>(v, 0)?;
            Ok(Organisation { mpn_id: MpnId::read(mpn_id)?, name: String::read(name)? })
        },
        |o| o.mpn_id.clone(),
    )?;
    let accounts = table(
        initial,
        "accounts",
        |v| {
            let (row, _) = cells::<9>(v, 0)?;
            // A password's salt is its owner as the file writes it.
            let written: String = cell(row, 0, "id")?;
            let id = AccountId::from_email(&written);
            Ok(WorkAccount {
                display_name: cell(row, 1, "display_name")?,
                org: cell(row, 2, "org")?,
                role: cell(row, 3, "role")?,
                state: read_account_state(&row[4]).map_err(|e| e.within("state"))?,
                password: read_password(&row[5], &written).map_err(|e| e.within("password"))?,
                partner_university_since: cell(row, 6, "partner_university_since")?,
                linked_mcid: cell(row, 7, "linked_mcid")?,
                last_mcid: cell(row, 8, "last_mcid")?,
                id,
            })
        },
        |a| a.id.clone(),
    )?;
    let profiles = table(
        initial,
        "profiles",
        |v| {
            let (row, _) = cells::<6>(v, 0)?;
            let username: String = cell(row, 1, "username")?;
            Ok(McidProfile {
                mcid: cell(row, 0, "mcid")?,
                password: read_password(&row[2], &username.to_lowercase()).map_err(|e| e.within("password"))?,
                holder_name: cell(row, 3, "holder_name")?,
                credentials: read_credentials(&row[4], &titles).map_err(|e| e.within("credentials"))?,
                associations: cell(row, 5, "associations")?,
                username,
            })
        },
        |p| p.mcid.clone(),
    )?;
    let partner_university = table(
        initial,
        "partner_university",
        |v| {
            let ([username, assessments], _) = cells::<2>(v, 0)?;
            Ok(PartnerUniversityAccount {
                // As the rules look it up, as an account's id is.
                username: AccountId::from_email(&String::read(username)?).as_str().to_string(),
                assessments: read_credentials(assessments, &titles).map_err(|e| e.within("assessments"))?,
            })
        },
        |p| p.username.clone(),
    )?;
    let links = table(
        initial,
        "links",
        |v| {
            let (row, _) = cells::<5>(v, 0)?;
            Ok(Link {
                mcid: cell(row, 0, "mcid")?,
                account: cell(row, 1, "account")?,
                org: cell(row, 2, "org")?,
                since: cell(row, 3, "since")?,
                method: cell(row, 4, "method")?,
            })
        },
        |l| l.mcid.clone(),
    )?;
    let (limits, _) = cells::<2>(field(initial, "limits")?, 0).map_err(|e| e.within("limits"))?;
    let in_limits = |e: ShapeError| e.within("limits");
    let limits = LimitSettings {
        per_year: cell(limits, 0, "per_year").map_err(in_limits)?,
        cool_off_days: cell(limits, 1, "cool_off_days").map_err(in_limits)?,
    };
    let tickets = array(field(initial, "tickets")?)
        .map_err(|e| e.within("tickets"))?
        .iter()
        .enumerate()
        .map(|(i, t)| read_ticket(t).map_err(|e| e.within(&format!("tickets[{i}]"))))
        .collect::<Result<_, ShapeError>>()?;
    let trail = read_trail(value, &titles)?;
    let data = StateData { organisations, accounts, profiles, partner_university, links, limits, tickets };
    Ok((State::from_data(data), trail))
}

/// The `titles` member: each proof's code and its title.
fn read_titles(value: &Value) -> Result<BTreeMap<String, String>, ShapeError> {
    let titles = field(value, "titles")?;
    titles
        .as_object()
        .ok_or_else(|| expected(Kind::Object, titles).within("titles"))?
        .iter()
        .map(|(code, title)| {
            String::read(title).map(|t| (code.clone(), t)).map_err(|e| e.within(code).within("titles"))
        })
        .collect()
}

/// The `trail` member, oldest event first.
fn read_trail(value: &Value, titles: &BTreeMap<String, String>) -> Result<Vec<Event>, ShapeError> {
    array(field(value, "trail")?)
        .map_err(|e| e.within("trail"))?
        .iter()
        .enumerate()
        .map(|(i, e)| read_event(e, titles).map_err(|e| e.within(&format!("trail[{i}]"))))
        .collect()
}
