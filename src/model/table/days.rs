//! Each ticket's creation day and solve day, and the hour of the week it was created in,
//! worked out once. The day-by-day and week-by-week
//! series of every refilter count tickets by them, and each worked them out again from the
//! times (a time read, checked for a day and divided by the seconds of a day) for every row.

use super::{TicketTable, SECONDS_A_DAY};
use crate::model::time::calendar::has_day;
use crate::model::Timestamp;

/// A day not known: no time, a time no date names, or (for the solve day) not solved.
const NO_DAY: i32 = i32::MIN;

/// Days since 1970-01-01, 4 bytes a row each, and the hour of the week of the creation, 1 byte.
#[derive(Debug, Default)]
pub struct RowDays {
    created: Vec<i32>,
    solved: Vec<i32>,
    created_hour: Vec<u8>,
}

/// Hours in a day.
const HOURS: i64 = 24;

impl RowDays {
    pub(super) fn of(table: &TicketTable) -> RowDays {
        let known = |day: Option<i32>| day.unwrap_or(NO_DAY);
        let rows = 0..table.len();
        RowDays {
            created: rows
                .clone()
                .map(|row| known(day_number(table.created.at(row).get())))
                .collect(),
            solved: rows
                .map(|row| {
                    let solved_at = table.solved_at.at(row).get().filter(|_| table.solved[row]);
                    known(day_number(solved_at))
                })
                .collect(),
            created_hour: (0..table.len())
                .map(|row| {
                    let created = table.created.at(row).get().filter(|&t| has_day(t));
                    created.map_or(u8::MAX, hour_of_week)
                })
                .collect(),
        }
    }

    /// The hour of the week (from Monday 00:00) of a row's creation, where its creation time
    /// names a day.
    #[inline]
    pub fn created_hour(&self, row: usize) -> Option<usize> {
        Some(self.created_hour[row])
            .filter(|&hour| hour != u8::MAX)
            .map(usize::from)
    }

    /// The day of a row's creation, where its creation time names one.
    #[inline]
    pub fn created(&self, row: usize) -> Option<i64> {
        Some(self.created[row])
            .filter(|&day| day != NO_DAY)
            .map(i64::from)
    }

    /// The day of a solved row's solve time, where it names one.
    #[inline]
    pub fn solved(&self, row: usize) -> Option<i64> {
        Some(self.solved[row])
            .filter(|&day| day != NO_DAY)
            .map(i64::from)
    }

    pub fn heap_bytes(&self) -> usize {
        (self.created.capacity() + self.solved.capacity()) * 4 + self.created_hour.capacity()
    }
}

/// The hour of the week of a time that names a day: 1970-01-01 was a Thursday, three days after
/// a Monday.
fn hour_of_week(time: Timestamp) -> u8 {
    let weekday = (time.div_euclid(SECONDS_A_DAY) + 3).rem_euclid(7);
    let hour = time.rem_euclid(SECONDS_A_DAY) / 3600;
    // Below 7 × 24.
    (weekday * HOURS + hour) as u8
}

/// The day of a time that names one (`calendar::has_day`): the days of ±262 000 years, which
/// an `i32` holds.
fn day_number(time: Option<Timestamp>) -> Option<i32> {
    let time = time.filter(|&t| has_day(t))?;
    i32::try_from(time.div_euclid(SECONDS_A_DAY)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Status, Ticket};

    /// Each row's days are those its times give, divided as the series divided them: times
    /// before 1970, at midnight and a second before, none, beyond any date; solve times of
    /// tickets not solved, and solved tickets without one.
    #[test]
    fn the_days_are_the_times_divided() {
        const DAY: i64 = 86_400;
        let t2024 = 1_704_067_200;
        let ticket =
            |id: &str, created: Option<i64>, solved: bool, solved_at: Option<i64>| Ticket {
                id: id.into(),
                created_at: created.into(),
                solved_at: solved_at.into(),
                status: Some(if solved { Status::Solved } else { Status::Open }),
                ..Ticket::default()
            };
        let tickets = [
            ticket("1", Some(t2024), true, Some(t2024 + 3 * DAY + 5)),
            ticket("2", Some(t2024 - 1), false, Some(t2024 + DAY)),
            ticket("3", Some(-1), true, None),
            ticket("4", None, true, Some(-DAY - 1)),
            ticket("5", Some(i64::MAX / 2), true, Some(i64::MIN / 2)),
            ticket("6", Some(t2024 + 12 * 3600), true, Some(t2024 + DAY)),
        ];
        let table = TicketTable::of_tickets(&tickets, None);
        let days = RowDays::of(&table);
        let day = |time: Option<i64>| time.filter(|&t| has_day(t)).map(|t| t.div_euclid(DAY));
        // The heat map's weekday (Monday 0) and hour, as it worked them out.
        let hour = |time: Option<i64>| {
            let time = time.filter(|&t| has_day(t))?;
            let weekday = (time.div_euclid(DAY) + 3).rem_euclid(7) as usize;
            Some(weekday * 24 + (time.rem_euclid(DAY) / 3600) as usize)
        };
        for row in 0..table.len() {
            let solved_at = table.solved_at.at(row).get().filter(|_| table.solved[row]);
            let created = table.created.at(row).get();
            assert_eq!(days.created(row), day(created), "row {row}");
            assert_eq!(days.solved(row), day(solved_at), "row {row}");
            assert_eq!(days.created_hour(row), hour(created), "row {row}");
        }
        // 2024-01-01 was a Monday: its 00:00 is the week's first hour, its 12:00 the
        // thirteenth; 1969-12-31 23:59:59 is in a Wednesday's last hour.
        assert_eq!(days.created_hour(0), Some(0));
        assert_eq!(days.created_hour(5), Some(12));
        assert_eq!(days.created_hour(2), Some(2 * 24 + 23));
        assert_eq!(days.created_hour(4), None);
        let d2024 = t2024 / DAY;
        let all: Vec<_> = (0..table.len())
            .map(|row| (days.created(row), days.solved(row)))
            .collect();
        assert_eq!(
            all,
            [
                (Some(d2024), Some(d2024 + 3)),
                (Some(d2024 - 1), None),
                (Some(-1), None),
                (None, Some(-2)),
                (None, None),
                (Some(d2024), Some(d2024 + 1)),
            ]
        );
    }
}
