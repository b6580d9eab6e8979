//! Dates worded per language: `November 27, 2026` / `27 novembre 2026`.
//! Hand-written month names: chrono's locale tables would cost far more
//! bundle than two arrays of twelve words.

use super::Lang;
use chrono::{DateTime, Datelike, Timelike, Utc};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A calendar date in the person's language. The scenario clock is UTC (D1),
/// so the machine's time zone never shifts a date.
pub fn format_date(lang: Lang, at: DateTime<Utc>) -> String {
    let month = at.month0() as usize;
    match lang {
        Lang::En => format!("{} {}, {}", MONTHS_EN[month], at.day(), at.year()),
        Lang::Fr => {
            // French writes the first of the month as an ordinal: « 1er mai ».
            let day = if at.day() == 1 { "1er".to_string() } else { at.day().to_string() };
            format!("{} {} {}", day, MONTHS_FR[month], at.year())
        }
    }
}

/// The first whole minute from `at` on, with its date: when a wait ends
/// (R15's next association). A day alone would be refused on that day
/// until the hour the wait ends; a minute rounded down, for its last
/// seconds.
pub fn format_from(lang: Lang, at: DateTime<Utc>) -> String {
    let into_minute = i64::from(at.second()) * 1_000_000_000 + i64::from(at.nanosecond());
    let up = if into_minute > 0 {
        chrono::Duration::nanoseconds(60_000_000_000 - into_minute)
    } else {
        chrono::Duration::zero()
    };
    format_date_time(lang, at.checked_add_signed(up).unwrap_or(at))
}

/// A date with its time of day (UTC), for clocks and audit entries.
pub fn format_date_time(lang: Lang, at: DateTime<Utc>) -> String {
    match lang {
        Lang::En => format!("{} at {:02}:{:02} UTC", format_date(lang, at), at.hour(), at.minute()),
        Lang::Fr => format!("{} à {} h {:02} UTC", format_date(lang, at), at.hour(), at.minute()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn r15_a_wait_ends_at_the_first_whole_minute_from_it() {
        let at = Utc.with_ymd_and_hms(2027, 1, 31, 23, 59, 30).unwrap();
        assert_eq!(format_from(Lang::En, at), "February 1, 2027 at 00:00 UTC");
        let on_the_minute = Utc.with_ymd_and_hms(2027, 1, 31, 15, 0, 0).unwrap();
        assert_eq!(format_from(Lang::Fr, on_the_minute), "31 janvier 2027 à 15 h 00 UTC");
        let a_nanosecond_in = on_the_minute + chrono::Duration::nanoseconds(1);
        assert_eq!(format_from(Lang::En, a_nanosecond_in), "January 31, 2027 at 15:01 UTC");
    }

    #[test]
    fn d5_dates_are_worded_per_language() {
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 5, 0).unwrap();
        assert_eq!(format_date(Lang::En, at), "November 27, 2026");
        assert_eq!(format_date(Lang::Fr, at), "27 novembre 2026");
        assert_eq!(format_date_time(Lang::Fr, at), "27 novembre 2026 à 9 h 05 UTC");
        let first = Utc.with_ymd_and_hms(2027, 5, 1, 0, 0, 0).unwrap();
        assert_eq!(format_date(Lang::Fr, first), "1er mai 2027");
        assert_eq!(format_date(Lang::En, first), "May 1, 2027");
    }
}
