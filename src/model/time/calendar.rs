//! Calendar arithmetic on timestamps: wall clock and instant in a zone, the plausible range,
//! a timestamp's day and its JSON form.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone};

use super::Zone;
use crate::model::Timestamp;

/// The wall-clock time of `zone` at an instant, as a timestamp (see `model`).
pub fn wall_clock(instant: Timestamp, zone: Zone) -> Timestamp {
    DateTime::from_timestamp(instant, 0)
        .map(|t| t.with_timezone(&zone).naive_local().and_utc().timestamp())
        .unwrap_or(instant)
}

/// The instant of a wall-clock time of `zone`. A time in the hour skipped in spring is read an
/// hour later (as clocks that were not moved yet); one in the hour repeated in autumn is the
/// earlier of the two.
pub fn instant(wall: Timestamp, zone: Option<Zone>) -> Timestamp {
    let Some(zone) = zone else {
        return wall;
    };
    let Some(local) = DateTime::from_timestamp(wall, 0).map(|t| t.naive_utc()) else {
        return wall;
    };
    let resolve = |local: NaiveDateTime| match zone.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.timestamp()),
        LocalResult::None => None,
    };
    resolve(local)
        .or_else(|| resolve(local + Duration::hours(1)))
        .unwrap_or(wall)
}

/// 1900-01-01T00:00:00: the earliest time a ticket may carry. Excel writes its blank date as
/// 1900-01-01 (real Zendesk exports hold it in "Solved at"), so that year is kept.
pub const EARLIEST: Timestamp = -2_208_988_800;
/// 2100-12-31T23:59:59: the latest.
pub const LATEST: Timestamp = 4_133_980_799;

/// Whether a parsed time can belong to a ticket. chrono reads years 0, 9999 and +12345; kept,
/// they would stretch the daily series over millennia and make durations absurd.
pub fn is_plausible(timestamp: Timestamp) -> bool {
    (EARLIEST..=LATEST).contains(&timestamp)
}

/// Formats a timestamp as the JSON report writes it.
pub fn format_timestamp(timestamp: Timestamp) -> String {
    DateTime::from_timestamp(timestamp, 0)
        .map(|t| t.naive_utc().format("%Y-%m-%dT%H:%M:%S").to_string())
        .unwrap_or_default()
}

/// The calendar day of a timestamp, `YYYY-MM-DD`.
pub fn day_of(timestamp: Timestamp) -> Option<NaiveDate> {
    DateTime::from_timestamp(timestamp, 0).map(|t| t.date_naive())
}

/// The first and the last second that have a calendar day.
pub(crate) const DAYS_FROM: Timestamp = DateTime::<chrono::Utc>::MIN_UTC.timestamp();
pub(crate) const DAYS_TO: Timestamp = DateTime::<chrono::Utc>::MAX_UTC.timestamp();

/// Whether `day_of` names the timestamp's day: a range check, for loops over every ticket that
/// need the day as a number only (`timestamp.div_euclid(86_400)`).
pub fn has_day(timestamp: Timestamp) -> bool {
    (DAYS_FROM..=DAYS_TO).contains(&timestamp)
}

/// Minutes from `start` to `end` (wall-clock times of `zone`, so a DST change counts); `None`
/// when either is missing or the end comes first.
pub fn minutes_between(
    zone: Option<Zone>,
    start: Option<Timestamp>,
    end: Option<Timestamp>,
) -> Option<f64> {
    let (start, end) = (instant(start?, zone), instant(end?, zone));
    // In i128: a hand-built dataset may hold times no export could.
    let seconds = i128::from(end) - i128::from(start);
    (seconds >= 0).then(|| seconds as f64 / 60.0)
}
