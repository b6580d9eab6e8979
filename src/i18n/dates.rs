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

/// A date with its time of day (UTC), for clocks and audit entries.
pub fn format_date_time(lang: Lang, at: DateTime<Utc>) -> String {
    match lang {
        Lang::En => format!("{} at {:02}:{:02} UTC", format_date(lang, at), at.hour(), at.minute()),
        Lang::Fr => format!("{} à {:02} h {:02} UTC", format_date(lang, at), at.hour(), at.minute()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn d5_dates_are_worded_per_language() {
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 5, 0).unwrap();
        assert_eq!(format_date(Lang::En, at), "November 27, 2026");
        assert_eq!(format_date(Lang::Fr, at), "27 novembre 2026");
        assert_eq!(format_date_time(Lang::Fr, at), "27 novembre 2026 à 09 h 05 UTC");
        let first = Utc.with_ymd_and_hms(2027, 5, 1, 0, 0, 0).unwrap();
        assert_eq!(format_date(Lang::Fr, first), "1er mai 2027");
        assert_eq!(format_date(Lang::En, first), "May 1, 2027");
    }
}
