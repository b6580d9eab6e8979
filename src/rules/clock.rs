//! The scenario clock (D1): every delay (R6, R15, D7) runs on it. Real time
//! by default, moved by hand in trainer mode. The rules never read the
//! system time: the caller passes the real time in, and the clock answers
//! the scenario's time, in UTC, so no machine time zone shifts a date.

use super::range;
use super::refusal::Refusal;
use chrono::{DateTime, Duration, Utc};

/// A moment on the scenario clock.
pub type Time = DateTime<Utc>;

/// How far the scenario's time is from real time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScenarioClock {
    /// Milliseconds added to real time; 0 is real time.
    offset_ms: i64,
}

impl ScenarioClock {
    /// A clock `offset_ms` from real time (as a tab remembers it).
    pub fn with_offset_ms(offset_ms: i64) -> ScenarioClock {
        ScenarioClock { offset_ms }
    }

    pub fn offset_ms(&self) -> i64 {
        self.offset_ms
    }

    /// The scenario's "now", given the real time: always a time Certlink
    /// keeps (D1, [`range`]), whatever offset a tab remembered, however
    /// far the clock was advanced and whatever the machine's time, so that
    /// every event recorded at it reads back from a save.
    pub fn now(&self, real: Time) -> Time {
        // try_milliseconds refuses only i64::MIN, one past its range.
        let offset = Duration::try_milliseconds(self.offset_ms).unwrap_or(Duration::MIN);
        range::clamp(range::saturating_add(real, offset))
    }

    /// Moves the scenario forward (or back) by `by`, e.g. "+72 hours".
    pub fn advance(&mut self, by: Duration) {
        self.offset_ms = self.offset_ms.saturating_add(by.num_milliseconds());
    }

    /// Sets the scenario's time to `at`, given the real time; a date out of
    /// Certlink's range is refused (D1) and the clock stays as it was.
    pub fn set(&mut self, at: Time, real: Time) -> Result<(), Refusal> {
        let at = range::check_time(at)?;
        self.offset_ms = (at - real).num_milliseconds();
        Ok(())
    }

    /// Back to real time.
    pub fn reset(&mut self) {
        self.offset_ms = 0;
    }

    /// True when the scenario runs on real time.
    pub fn is_real_time(&self) -> bool {
        self.offset_ms == 0
    }
}
