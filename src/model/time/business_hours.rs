//! Business hours: a weekly schedule in a time zone, with holidays and short days, turns any
//! span of time into business minutes. DST-correct: local opening times become instants through
//! the tz database (jiff's bundled copy, `crate::model::time::zone`), so a day that loses an hour loses it
//! here too.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone};
use serde::{Deserialize, Serialize};

use crate::message::Message;
use crate::model::time::zone::Zone;
use crate::model::Timestamp;

/// Spans longer than this are not measured (an absurd date, not a ticket).
const MAX_SPAN_DAYS: i64 = 3660;
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A schedule as settings write it:
/// `{"time_zone": "Europe/Warsaw", "hours": {"mon": ["09:00-17:00"], ...},
///   "holidays": ["2024-12-25"], "special_days": {"2024-12-24": ["09:00-13:00"]}}`.
/// An interval whose end is before its start runs overnight into the next day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScheduleSpec {
    pub time_zone: String,
    pub hours: BTreeMap<String, Vec<String>>,
    pub holidays: Vec<NaiveDate>,
    pub special_days: BTreeMap<NaiveDate, Vec<String>>,
}

impl Default for ScheduleSpec {
    /// Monday to Friday, 09:00–17:00 UTC.
    fn default() -> Self {
        ScheduleSpec {
            time_zone: "UTC".to_string(),
            hours: WEEKDAYS[..5]
                .iter()
                .map(|day| (day.to_string(), vec!["09:00-17:00".to_string()]))
                .collect(),
            holidays: Vec::new(),
            special_days: BTreeMap::new(),
        }
    }
}

/// Minutes after local midnight; `end` may pass 1440 for an overnight interval.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Interval {
    start: u32,
    end: u32,
}

/// A compiled schedule.
#[derive(Clone, Debug)]
pub struct Schedule {
    zone: Zone,
    weekly: [Vec<Interval>; 7],
    holidays: BTreeSet<NaiveDate>,
    special_days: BTreeMap<NaiveDate, Vec<Interval>>,
}

impl ScheduleSpec {
    /// Checks and compiles; the message says which entry is wrong.
    pub fn compile(&self) -> Result<Schedule, Message> {
        let zone: Zone = self
            .time_zone
            .parse()
            .map_err(|_| Message::new("settings.zone_schedule").with("zone", &self.time_zone))?;
        let mut weekly: [Vec<Interval>; 7] = Default::default();
        for (day, intervals) in &self.hours {
            let index = WEEKDAYS
                .iter()
                .position(|d| *d == day.to_lowercase())
                .ok_or_else(|| Message::new("settings.weekday").with("day", day))?;
            weekly[index] = parse_intervals(intervals)?;
        }
        let mut special_days = BTreeMap::new();
        for (date, intervals) in &self.special_days {
            special_days.insert(*date, parse_intervals(intervals)?);
        }
        Ok(Schedule {
            zone,
            weekly,
            holidays: self.holidays.iter().copied().collect(),
            special_days,
        })
    }

    /// Moves when each day of `hours` opens (`start`: the start of its first hours) or closes
    /// (`end`: the end of its last), keeping the breaks in between; a day without hours gets
    /// 09:00–17:00 first. Holidays and special days are left as they are. Nothing changes when
    /// a day would refuse the new time.
    pub fn set_opening_hours(
        &mut self,
        start: Option<&str>,
        end: Option<&str>,
    ) -> Result<(), Message> {
        let mut hours = self.hours.clone();
        for intervals in hours.values_mut() {
            if intervals.is_empty() {
                intervals.push("09:00-17:00".to_string());
            }
            let bounds = |interval: &String| {
                let (from, to) = interval.split_once('-').unwrap_or(("09:00", "17:00"));
                (from.to_string(), to.to_string())
            };
            let last = intervals.len() - 1;
            let (first_start, first_end) = bounds(&intervals[0]);
            let (last_start, last_end) = bounds(&intervals[last]);
            let from = start.unwrap_or(&first_start).to_string();
            let to = end.unwrap_or(&last_end).to_string();
            if last == 0 {
                // One interval: an end before the start is an overnight shift.
                if from == to {
                    return Err(Message::new("settings.end_is_start"));
                }
                intervals[0] = format!("{from}-{to}");
                continue;
            }
            // Several: the first must still end, and the last begin, where the JSON says.
            let before = |a: &str, b: &str| match (clock_minutes(a), clock_minutes(b)) {
                (Some(a), Some(b)) => a < b,
                _ => true,
            };
            if !before(&from, &first_end) {
                return Err(Message::new("settings.start_past_break").with("time", first_end));
            }
            if !before(&last_start, &to) {
                return Err(Message::new("settings.end_before_break").with("time", last_start));
            }
            intervals[0] = format!("{from}-{first_end}");
            intervals[last] = format!("{last_start}-{to}");
        }
        self.hours = hours;
        Ok(())
    }
}

fn parse_intervals(texts: &[String]) -> Result<Vec<Interval>, Message> {
    texts.iter().map(|text| parse_interval(text)).collect()
}

/// "09:00-17:00"; "22:00-06:00" runs overnight; "00:00-24:00" is the whole day.
fn parse_interval(text: &str) -> Result<Interval, Message> {
    let invalid = || Message::new("settings.hours").with("text", text);
    let (start, end) = text.split_once('-').ok_or_else(invalid)?;
    let start = clock_minutes(start).ok_or_else(invalid)?;
    let end = clock_minutes(end).ok_or_else(invalid)?;
    if start >= 1440 || start == end {
        return Err(invalid());
    }
    let end = if end < start { end + 1440 } else { end };
    Ok(Interval { start, end })
}

fn clock_minutes(text: &str) -> Option<u32> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0))).then_some(hours * 60 + minutes)
}

impl Schedule {
    /// Business minutes from `start` to `end` (instants, seconds since the epoch). `None` when
    /// the end comes first or the span is absurdly long.
    pub fn business_minutes_between(&self, start: Timestamp, end: Timestamp) -> Option<f64> {
        if end < start || (end - start) / 86_400 > MAX_SPAN_DAYS {
            return None;
        }
        let first_day = self.local_date(start)?.pred_opt()?; // an overnight shift from the day before
        let last_day = self.local_date(end)?;
        // Open spans clipped to [start, end]; merged before summing, so overlapping intervals
        // (two on one day, or last night's shift running into this morning's) count once.
        let mut spans = Vec::new();
        for day in first_day.iter_days().take_while(|d| *d <= last_day) {
            for interval in self.intervals_on(day) {
                let open = self.instant(day, interval.start)?.max(start);
                let close = self.instant(day, interval.end)?.min(end);
                if close > open {
                    spans.push((open, close));
                }
            }
        }
        spans.sort_unstable();
        let (mut seconds, mut covered_until) = (0i64, start);
        for (open, close) in spans {
            let open = open.max(covered_until);
            if close > open {
                seconds += close - open;
                covered_until = close;
            }
        }
        Some(seconds as f64 / 60.0)
    }

    fn intervals_on(&self, day: NaiveDate) -> &[Interval] {
        if let Some(special) = self.special_days.get(&day) {
            special
        } else if self.holidays.contains(&day) {
            &[]
        } else {
            &self.weekly[day.weekday().num_days_from_monday() as usize]
        }
    }

    fn local_date(&self, instant: Timestamp) -> Option<NaiveDate> {
        let utc = DateTime::from_timestamp(instant, 0)?;
        Some(utc.with_timezone(&self.zone).date_naive())
    }

    /// The instant of `minutes` after local midnight of `day`. A local time that does not exist
    /// (the hour skipped in spring) is the instant the clocks jumped to; an ambiguous one (the
    /// hour repeated in autumn) is the earlier.
    fn instant(&self, day: NaiveDate, minutes: u32) -> Option<Timestamp> {
        let local: NaiveDateTime = day.and_hms_opt(0, 0, 0)? + Duration::minutes(minutes.into());
        match self.zone.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.timestamp()),
            LocalResult::None => {
                let later = local + Duration::hours(1);
                let after = self.zone.from_local_datetime(&later).earliest()?;
                // The gap's end: the wall time an hour later, less that hour.
                Some(after.timestamp() - 3600)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> Timestamp {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
            .and_utc()
            .timestamp()
    }

    fn schedule(json: &str) -> Schedule {
        let spec: ScheduleSpec = serde_json::from_str(json).unwrap();
        spec.compile().unwrap()
    }

    #[test]
    fn weekends_do_not_count() {
        let office = ScheduleSpec::default().compile().unwrap();
        // Fri 2024-03-01 16:00 → Mon 03-04 10:00: 60 on Friday + 60 on Monday.
        let minutes =
            office.business_minutes_between(utc(2024, 3, 1, 16, 0), utc(2024, 3, 4, 10, 0));
        assert_eq!(minutes, Some(120.0));
        // Within one night: nothing.
        assert_eq!(
            office.business_minutes_between(utc(2024, 3, 4, 18, 0), utc(2024, 3, 5, 8, 0)),
            Some(0.0)
        );
    }

    #[test]
    fn holidays_and_short_days() {
        let office = schedule(
            r#"{"time_zone": "UTC", "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"],
                "fri": ["09:00-17:00"]}, "holidays": ["2024-03-04"],
                "special_days": {"2024-03-05": ["09:00-13:00"]}}"#,
        );
        // Fri 16:00 → Tue 18:00: Friday 60, Monday a holiday, Tuesday a short day 09–13: 240.
        let minutes =
            office.business_minutes_between(utc(2024, 3, 1, 16, 0), utc(2024, 3, 5, 18, 0));
        assert_eq!(minutes, Some(300.0));
    }

    #[test]
    fn overlapping_intervals_count_once() {
        // Found by the property test: 09–17 with 10–12 on top, and Sunday's night shift running
        // into Monday's 00:00–08:00, are still 8 hours each, not 10.
        let office = schedule(
            r#"{"time_zone": "UTC", "hours": {"mon": ["00:00-08:00", "09:00-17:00", "10:00-12:00"],
                "sun": ["20:00-04:00"]}}"#,
        );
        let monday = office.business_minutes_between(utc(2024, 3, 4, 9, 0), utc(2024, 3, 4, 17, 0));
        assert_eq!(monday, Some(480.0));
        let night = office.business_minutes_between(utc(2024, 3, 3, 20, 0), utc(2024, 3, 4, 8, 0));
        assert_eq!(night, Some(720.0));
    }

    #[test]
    fn overnight_shift_runs_into_the_next_day() {
        let night = schedule(r#"{"time_zone": "UTC", "hours": {"mon": ["22:00-06:00"]}}"#);
        // Mon 2024-03-04 23:00 → Tue 05:00: all inside Monday's 22:00–06:00 shift: 360.
        let minutes = night.business_minutes_between(utc(2024, 3, 4, 23, 0), utc(2024, 3, 5, 5, 0));
        assert_eq!(minutes, Some(360.0));
        // Tue 05:00 → Tue 23:00: one hour of Monday's shift left, Tuesday has none: 60.
        let minutes = night.business_minutes_between(utc(2024, 3, 5, 5, 0), utc(2024, 3, 5, 23, 0));
        assert_eq!(minutes, Some(60.0));
    }

    #[test]
    fn spring_forward_day_is_an_hour_short() {
        // Warsaw, Sun 2024-03-31: 02:00 CET jumps to 03:00 CEST.
        let always = schedule(
            r#"{"time_zone": "Europe/Warsaw", "hours": {"sat": ["00:00-24:00"],
                "sun": ["00:00-24:00"]}}"#,
        );
        // Sat 12:00 local (11:00 UTC) → Sun 12:00 local (10:00 UTC): 23 real hours = 1380.
        let minutes =
            always.business_minutes_between(utc(2024, 3, 30, 11, 0), utc(2024, 3, 31, 10, 0));
        assert_eq!(minutes, Some(1380.0));
        // Sun 01:00–04:00 local: 01:00 CET = 00:00 UTC, 04:00 CEST = 02:00 UTC: 120, not 180.
        let early =
            schedule(r#"{"time_zone": "Europe/Warsaw", "hours": {"sun": ["01:00-04:00"]}}"#);
        let minutes =
            early.business_minutes_between(utc(2024, 3, 30, 12, 0), utc(2024, 3, 31, 12, 0));
        assert_eq!(minutes, Some(120.0));
    }

    #[test]
    fn fall_back_day_is_an_hour_long() {
        // Warsaw, Sun 2024-10-27: 03:00 CEST falls back to 02:00 CET. 01:00–04:00 local is
        // 23:00 UTC (Sat) → 03:00 UTC: 240 minutes.
        let early =
            schedule(r#"{"time_zone": "Europe/Warsaw", "hours": {"sun": ["01:00-04:00"]}}"#);
        let minutes =
            early.business_minutes_between(utc(2024, 10, 26, 12, 0), utc(2024, 10, 27, 12, 0));
        assert_eq!(minutes, Some(240.0));
    }

    #[test]
    fn opening_hours_move_the_first_start_and_the_last_end_and_keep_the_breaks() {
        let mut spec: ScheduleSpec = serde_json::from_str(
            r#"{"hours": {"mon": ["09:00-12:00", "13:00-17:00"], "tue": ["08:00-16:00"],
                          "wed": []}}"#,
        )
        .unwrap();
        let hours = |spec: &ScheduleSpec, day: &str| spec.hours[day].join(" ");
        spec.set_opening_hours(Some("08:30"), None).unwrap();
        assert_eq!(hours(&spec, "mon"), "08:30-12:00 13:00-17:00");
        assert_eq!(hours(&spec, "tue"), "08:30-16:00");
        assert_eq!(hours(&spec, "wed"), "08:30-17:00");
        spec.set_opening_hours(None, Some("18:00")).unwrap();
        assert_eq!(hours(&spec, "mon"), "08:30-12:00 13:00-18:00");
        assert_eq!(hours(&spec, "tue"), "08:30-18:00");
        // Past Monday's lunch break the start would swallow it: refused, nothing changed.
        let before = spec.clone();
        let refused = spec.set_opening_hours(Some("12:30"), None).unwrap_err();
        assert!(refused.text().contains("before 12:00"), "{refused}");
        let refused = spec.set_opening_hours(None, Some("12:30")).unwrap_err();
        assert!(refused.text().contains("after 13:00"), "{refused}");
        assert_eq!(spec, before);
        // One interval may run overnight, but not end where it starts.
        let mut night: ScheduleSpec =
            serde_json::from_str(r#"{"hours": {"fri": ["09:00-17:00"]}}"#).unwrap();
        night
            .set_opening_hours(Some("22:00"), Some("06:00"))
            .unwrap();
        assert_eq!(hours(&night, "fri"), "22:00-06:00");
        assert!(night.set_opening_hours(None, Some("22:00")).is_err());
        assert!(night.compile().is_ok());
    }

    #[test]
    fn bad_schedules_say_what_is_wrong() {
        let spec = |json: &str| {
            serde_json::from_str::<ScheduleSpec>(json)
                .unwrap()
                .compile()
        };
        assert!(spec(r#"{"time_zone": "Mars/Olympus"}"#)
            .unwrap_err()
            .text()
            .contains("time zone"));
        assert!(spec(r#"{"hours": {"funday": ["09:00-17:00"]}}"#)
            .unwrap_err()
            .text()
            .contains("weekday"));
        assert!(spec(r#"{"hours": {"mon": ["9-5"]}}"#)
            .unwrap_err()
            .text()
            .contains("09:00-17:00"));
    }

    #[test]
    fn reversed_or_absurd_spans_are_not_measured() {
        let office = ScheduleSpec::default().compile().unwrap();
        assert_eq!(
            office.business_minutes_between(utc(2024, 3, 2, 0, 0), utc(2024, 3, 1, 0, 0)),
            None
        );
        assert_eq!(
            office.business_minutes_between(utc(1000, 1, 1, 0, 0), utc(2024, 3, 1, 0, 0)),
            None
        );
    }
}
