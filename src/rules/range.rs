//! One range for every value that enters the rules from a person or a file:
//! dates and times (D1) and the yearly limit's numbers (D6). A value is
//! checked where it enters (a command, the scenario clock, a read
//! document) and refused there with [`Refusal::OutOfRange`]; past entry,
//! the rules' arithmetic holds every value in range without overflow.
//!
//! Why these bounds:
//! - Dates: the document codec writes and reads four-digit years, so a
//!   time from 1 January of year 1 to the last nanosecond of 9999 reads
//!   back exactly, and a date input offers the same years. Beyond them a
//!   save would be written that the next start cannot read.
//! - Associations a year: at least one (none would block every link for
//!   good), at most one a day, the same 365 as the cool-off's bound. The
//!   yearly count's window (`per_year + 1` associations) then never
//!   overflows a 32-bit `usize`.
//! - Days between associations: at most a year. The latest date plus the
//!   cool-off, or plus the rolling year, stays far inside chrono's range
//!   (year 262,143), so no limit date can overflow.
//! - Texts a person types that the trail keeps (names, addresses, titles,
//!   a ticket's description): bounded, refused with
//!   [`Refusal::TextTooLong`] (D4). The trail keeps every one for good,
//!   so a single pasted megabyte would leave a scenario too large to save
//!   or to export and import back, with no way to take it out.

use super::clock::Time;
use super::model::{LimitSettings, StateData};
use super::refusal::{Field, Refusal, Rule};
use chrono::{DateTime, TimeDelta};

/// The first moment Certlink keeps: 0001-01-01T00:00:00Z.
pub const EARLIEST: Time = match DateTime::from_timestamp(-62_135_596_800, 0) {
    Some(at) => at,
    None => panic!("0001-01-01 is a chrono date"),
};

/// The last moment Certlink keeps: 9999-12-31T23:59:59.999999999Z.
pub const LATEST: Time = match DateTime::from_timestamp(253_402_300_799, 999_999_999) {
    Some(at) => at,
    None => panic!("9999-12-31 is a chrono date"),
};

/// [`EARLIEST`]'s day as a date input writes it, for its `min`.
pub const EARLIEST_DATE: &str = "0001-01-01";
/// [`LATEST`]'s day as a date input writes it, for its `max`.
pub const LATEST_DATE: &str = "9999-12-31";

/// The fewest associations a year a scenario may allow (D6).
pub const MIN_PER_YEAR: u32 = 1;
/// The most associations a year a scenario may allow (D6).
pub const MAX_PER_YEAR: u32 = 365;
/// The most days between associations a scenario may ask (D6); 0 is none.
pub const MAX_COOL_OFF_DAYS: u32 = 365;

/// The longest name, address, title or identifier a person types, in
/// characters: far more than any real one, and short enough for every
/// page to show.
pub const MAX_TEXT: usize = 120;
/// The longest description of a problem a support ticket keeps, in
/// characters: a few screens of text, a log's lines included.
pub const MAX_DETAILS: usize = 4_000;

/// `text` trimmed, when it has at most `max` characters; otherwise the
/// refusal naming `field` (D4). An empty text is the caller's to judge.
pub fn entered_text(field: Field, text: &str, max: usize) -> Result<&str, Refusal> {
    let text = text.trim();
    if text.chars().count() > max {
        Err(Refusal::TextTooLong { field, max })
    } else {
        Ok(text)
    }
}

/// Which value is out of its range, and the range, so a message can say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// D1: a date or time outside `earliest..=latest`.
    Date { earliest: Time, latest: Time },
    /// D6: associations a year outside `min..=max`.
    PerYear { min: u32, max: u32 },
    /// D6: days between associations outside `min..=max`.
    CoolOffDays { min: u32, max: u32 },
}

impl Range {
    pub const DATE: Range = Range::Date { earliest: EARLIEST, latest: LATEST };
    pub const PER_YEAR: Range = Range::PerYear { min: MIN_PER_YEAR, max: MAX_PER_YEAR };
    pub const COOL_OFF_DAYS: Range = Range::CoolOffDays { min: 0, max: MAX_COOL_OFF_DAYS };

    /// The rule the range belongs to: D1 for time, D6 for the limit.
    pub fn rule(self) -> Rule {
        match self {
            Range::Date { .. } => Rule::D1,
            Range::PerYear { .. } | Range::CoolOffDays { .. } => Rule::D6,
        }
    }
}

/// True when `at` is a time Certlink keeps.
pub fn time_in_range(at: Time) -> bool {
    (EARLIEST..=LATEST).contains(&at)
}

/// D1: `at`, or the refusal naming the range of dates.
pub fn check_time(at: Time) -> Result<Time, Refusal> {
    if time_in_range(at) {
        Ok(at)
    } else {
        Err(Refusal::OutOfRange { range: Range::DATE })
    }
}

/// D1: the date a date input holds (`YYYY-MM-DD`, midnight UTC): `None`
/// when it is empty, else the date or the refusal naming the range. A date
/// input's value is empty or a whole date, so any other text is a year
/// beyond what a date can hold here, refused by the same range.
pub fn entered_date(value: &str) -> Option<Result<Time, Refusal>> {
    if value.trim().is_empty() {
        return None;
    }
    let at = super::reports::parse_iso_date(value.trim());
    Some(at.ok_or(Refusal::OutOfRange { range: Range::DATE }).and_then(check_time))
}

/// D6: `settings`, or the refusal naming the number out of its range.
pub fn check_limits(settings: LimitSettings) -> Result<LimitSettings, Refusal> {
    match limits_out_of_range(settings) {
        Some(range) => Err(Refusal::OutOfRange { range }),
        None => Ok(settings),
    }
}

fn limits_out_of_range(settings: LimitSettings) -> Option<Range> {
    if !(MIN_PER_YEAR..=MAX_PER_YEAR).contains(&settings.per_year) {
        Some(Range::PER_YEAR)
    } else if settings.cool_off_days > MAX_COOL_OFF_DAYS {
        Some(Range::COOL_OFF_DAYS)
    } else {
        None
    }
}

/// The nearest time Certlink keeps: the scenario clock's answer, whatever
/// offset a tab remembered and whatever time the machine says.
pub fn clamp(at: Time) -> Time {
    at.clamp(EARLIEST, LATEST)
}

/// `at + by`, saturating at chrono's own bounds instead of panicking.
pub fn saturating_add(at: Time, by: TimeDelta) -> Time {
    at.checked_add_signed(by).unwrap_or(if by < TimeDelta::zero() { Time::MIN_UTC } else { Time::MAX_UTC })
}

/// `days` days, for any count a limit number can hold.
pub fn days(days: u32) -> TimeDelta {
    // u32::MAX days is far inside TimeDelta's range: this never fails.
    TimeDelta::try_days(days.into()).unwrap_or(TimeDelta::MAX)
}

/// A value of a read document outside its range: where it is, and which
/// range. `field` names the place in the document's own terms.
fn out_of_range(field: impl FnOnce() -> String, range: Range) -> super::model::InvariantViolation {
    super::model::InvariantViolation::OutOfRange { field: field(), range }
}

/// Checks every time and limit number a starting state holds, so that a
/// read document with one out of range is refused before any rule
/// computes with it.
pub fn check_state(data: &StateData) -> Result<(), super::model::InvariantViolation> {
    use super::model::AccountState;
    let time = |at: &Time, field: &dyn Fn() -> String| {
        if time_in_range(*at) {
            Ok(())
        } else {
            Err(out_of_range(field, Range::DATE))
        }
    };
    if let Some(range) = limits_out_of_range(data.limits) {
        return Err(out_of_range(|| "limits".into(), range));
    }
    for account in data.accounts.values() {
        let field = |part: &str| format!("accounts[{}].{part}", account.id);
        match &account.state {
            AccountState::Deleted { at } => time(at, &|| field("state"))?,
            AccountState::Invited(invitation) => {
                let times = [&invitation.invited_at].into_iter().chain(&invitation.email_verified_at);
                for at in times.chain(&invitation.resent_at) {
                    time(at, &|| field("state"))?;
                }
            }
            AccountState::Active => {}
        }
        if let Some(at) = &account.partner_university_since {
            time(at, &|| field("partner_university_since"))?;
        }
    }
    for profile in data.profiles.values() {
        let field = |part: &str| format!("profiles[{}].{part}", profile.mcid);
        for credential in &profile.credentials {
            time(&credential.passed_on, &|| field("credentials"))?;
        }
        for at in &profile.associations {
            time(at, &|| field("associations"))?;
        }
    }
    for account in data.partner_university.values() {
        for credential in &account.assessments {
            time(&credential.passed_on, &|| format!("partner_university[{}].assessments", account.username))?;
        }
    }
    for link in data.links.values() {
        time(&link.since, &|| format!("links[{}].since", link.mcid))?;
    }
    for (index, ticket) in data.tickets.iter().enumerate() {
        check_ticket(ticket, &|| format!("tickets[{index}]"))?;
    }
    Ok(())
}

fn check_ticket(
    ticket: &super::support::Ticket,
    field: &dyn Fn() -> String,
) -> Result<(), super::model::InvariantViolation> {
    use super::support::Evidence;
    let since = ticket.evidence.iter().filter_map(|e| match e {
        Evidence::ProfileAssociation { since, .. } => since.as_ref(),
        _ => None,
    });
    let times = [&ticket.started_on, &ticket.opened_at].into_iter().chain(since);
    for at in times {
        if !time_in_range(*at) {
            return Err(out_of_range(field, Range::DATE));
        }
    }
    Ok(())
}

/// Checks an event's time and what it carries (a proof's date, limit
/// numbers, a ticket), `index` being its place in the trail.
pub fn check_event(event: &super::audit::Event, index: usize) -> Result<(), super::model::InvariantViolation> {
    use super::audit::EventKind;
    let field = |part: &str| format!("trail[{index}].{part}");
    if !time_in_range(event.at) {
        return Err(out_of_range(|| field("at"), Range::DATE));
    }
    match &event.kind {
        EventKind::CredentialPassed { credential, .. } if !time_in_range(credential.passed_on) => {
            Err(out_of_range(|| field("credential"), Range::DATE))
        }
        EventKind::LimitSettingsChanged { settings } => match limits_out_of_range(*settings) {
            Some(range) => Err(out_of_range(|| field("settings"), range)),
            None => Ok(()),
        },
        EventKind::TicketOpened { ticket } => check_ticket(ticket, &|| field("ticket")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Timelike};

    #[test]
    fn d1_the_bounds_are_the_first_and_last_moments_of_four_digit_years() {
        assert_eq!((EARLIEST.year(), EARLIEST.month(), EARLIEST.day(), EARLIEST.hour()), (1, 1, 1, 0));
        assert_eq!((LATEST.year(), LATEST.month(), LATEST.day()), (9999, 12, 31));
        assert_eq!((LATEST.hour(), LATEST.minute(), LATEST.second(), LATEST.nanosecond()), (23, 59, 59, 999_999_999));
    }

    #[test]
    fn d1_a_date_input_is_read_within_the_range() {
        assert_eq!(super::super::reports::iso_date(EARLIEST), EARLIEST_DATE);
        assert_eq!(super::super::reports::iso_date(LATEST), LATEST_DATE);
        assert_eq!(entered_date(""), None);
        assert_eq!(entered_date(EARLIEST_DATE), Some(Ok(EARLIEST)));
        let refused = Some(Err(Refusal::OutOfRange { range: Range::DATE }));
        assert_eq!(entered_date("10000-01-01"), refused);
        assert_eq!(entered_date("275760-09-13"), refused);
        assert_eq!(entered_date("0000-12-31"), refused);
    }

    #[test]
    fn d6_the_limit_dates_of_the_bounds_stay_inside_chrono() {
        let far = saturating_add(LATEST, days(MAX_COOL_OFF_DAYS) + super::super::limit::YEAR);
        assert!(far > LATEST && far < Time::MAX_UTC);
        assert_eq!(saturating_add(LATEST, days(u32::MAX)), Time::MAX_UTC);
        assert_eq!(saturating_add(EARLIEST, -days(u32::MAX)), Time::MIN_UTC);
    }
}
