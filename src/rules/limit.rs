//! The yearly limit on associations (R15), with the numbers of D6: by
//! default 3 associations in a rolling 365 days, and 30 days between
//! associations counted from the start of the previous one. The
//! next-allowed date is the later of (previous + cool-off) and, once the
//! yearly number is used, (the association that must roll off + 365 days).

use super::clock::Time;
use super::model::LimitSettings;
use super::range::{days, saturating_add};
use super::refusal::{LimitReason, Refusal};
use chrono::Duration;

/// The year is rolling, not calendar (a product choice, D6).
pub const YEAR: Duration = Duration::days(365);

/// What a profile page shows about the limit (R15).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LimitStatus {
    /// Associations counted in the last 365 days.
    pub used: u32,
    pub per_year: u32,
    pub cool_off_days: u32,
    /// The date from which a new association may start; `None` when one may
    /// start now.
    pub next_allowed: Option<Time>,
    /// Which number sets `next_allowed`.
    pub reason: Option<LimitReason>,
}

/// The limit's status for an MCID whose associations started at
/// `associations` (oldest first), at `now`.
pub fn association_limit(associations: &[Time], settings: LimitSettings, now: Time) -> LimitStatus {
    // Saturating: the dates and numbers that pass entry (`range`) never
    // reach chrono's bounds, and nothing here panics on any other.
    let year_ago = saturating_add(now, -YEAR);
    let counted: Vec<Time> = associations.iter().copied().filter(|&at| at > year_ago).collect();
    let used = u32::try_from(counted.len()).unwrap_or(u32::MAX);
    let cool_off = associations.last().map(|&last| saturating_add(last, days(settings.cool_off_days)));
    // Once the yearly number is used, the next start waits until enough of
    // the counted associations roll off to leave room for one more.
    let yearly = (used >= settings.per_year && settings.per_year > 0)
        .then(|| counted.get((used - settings.per_year) as usize).map(|&at| saturating_add(at, YEAR)))
        .flatten();
    let candidates = [(cool_off, LimitReason::CoolOff), (yearly, LimitReason::YearlyCount)];
    let (next, reason) = candidates
        .into_iter()
        .filter_map(|(date, reason)| date.filter(|&d| d > now).map(|d| (d, reason)))
        .max_by_key(|&(d, _)| d)
        .map_or((None, None), |(d, r)| (Some(d), Some(r)));
    LimitStatus { used, per_year: settings.per_year, cool_off_days: settings.cool_off_days, next_allowed: next, reason }
}

/// R15: a refusal when a new association may not start at `now`.
pub fn check_association_allowed(associations: &[Time], settings: LimitSettings, now: Time) -> Result<(), Refusal> {
    let status = association_limit(associations, settings, now);
    match (status.next_allowed, status.reason) {
        (Some(next_allowed), Some(reason)) => Err(Refusal::AssociationLimited {
            reason,
            next_allowed,
            used: status.used,
            per_year: status.per_year,
            cool_off_days: status.cool_off_days,
        }),
        _ => Ok(()),
    }
}

/// Whether a recorded history breaks the limit: two starts closer than the
/// cool-off, or more than the yearly number inside any 365 days. For
/// checking imported files; `None` when the history is valid.
pub fn history_breaks_limit(associations: &[Time], settings: LimitSettings) -> Option<LimitReason> {
    let cool_off = days(settings.cool_off_days);
    if associations.windows(2).any(|w| w[1] < w[0] || w[1] - w[0] < cool_off) {
        return Some(LimitReason::CoolOff);
    }
    // A window of `per_year + 1` starts: saturating, for a 32-bit usize.
    let per_year = settings.per_year as usize;
    let too_many = associations.len() > per_year
        && associations.windows(per_year.saturating_add(1)).any(|w| w[per_year] - w[0] < YEAR);
    too_many.then_some(LimitReason::YearlyCount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(n: i64) -> Time {
        chrono::Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap() + Duration::days(n)
    }

    #[test]
    fn d6_fourth_association_waits_for_the_oldest_to_roll_off() {
        let history = [day(0), day(40), day(80)];
        let status = association_limit(&history, LimitSettings::default(), day(200));
        assert_eq!(status.used, 3);
        assert_eq!(status.next_allowed, Some(day(365)));
        assert_eq!(status.reason, Some(LimitReason::YearlyCount));
        assert!(check_association_allowed(&history, LimitSettings::default(), day(365)).is_ok());
    }

    #[test]
    fn d6_cool_off_counts_from_the_start_of_the_previous_association() {
        let status = association_limit(&[day(0)], LimitSettings::default(), day(10));
        assert_eq!(status.next_allowed, Some(day(30)));
        assert_eq!(status.reason, Some(LimitReason::CoolOff));
        assert_eq!(association_limit(&[day(0)], LimitSettings::default(), day(30)).next_allowed, None);
    }

    #[test]
    fn d6_a_lowered_yearly_number_waits_for_enough_to_roll_off() {
        let settings = LimitSettings { per_year: 1, cool_off_days: 0 };
        let status = association_limit(&[day(0), day(100), day(200)], settings, day(250));
        assert_eq!(status.next_allowed, Some(day(200) + YEAR));
    }

    #[test]
    fn d6_history_checks_find_both_breaches() {
        let s = LimitSettings::default();
        assert_eq!(history_breaks_limit(&[day(0), day(10)], s), Some(LimitReason::CoolOff));
        assert_eq!(history_breaks_limit(&[day(0), day(40), day(80), day(120)], s), Some(LimitReason::YearlyCount));
        assert_eq!(history_breaks_limit(&[day(0), day(40), day(80), day(365)], s), None);
    }
}
