//! Series over time: created vs solved per day.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::model::table::TicketTable;
use crate::model::time::calendar::day_of;
use crate::model::Timestamp;

/// One day of `created_vs_solved`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCount {
    pub date: NaiveDate,
    pub created: usize,
    pub solved: usize,
}

/// Created counted on the creation day, solved on the solve day (solved tickets only). Every day
/// from the first to the last is listed, zeros included, so that a chart's gaps are real.
pub fn created_vs_solved(dataset: &Dataset) -> Vec<DayCount> {
    let table = dataset.table();
    // Only days a date can name: a hand-built dataset may hold times no export could.
    let days = table.days();
    let days_of = |row: usize| [days.created(row), days.solved(row)];
    let rows = dataset.rows();
    // Counted into the days of the whole table (one pass, nothing kept per row), then cut to
    // the selection's first and last day; the selection's own days first where the table's
    // span too many.
    let span = table
        .day_span()
        .filter(|(first, last)| last - first < WIDEST_SPAN_DAYS)
        .or_else(|| {
            let mut days = rows.iter().flat_map(|&row| days_of(row as usize)).flatten();
            let first = days.next()?;
            Some(days.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
        });
    let Some((first, last)) = span else {
        return Vec::new();
    };
    let mut counts = vec![(0usize, 0usize); (last - first + 1) as usize];
    for &row in rows {
        let [created, solved] = days_of(row as usize);
        if let Some(day) = created {
            counts[(day - first) as usize].0 += 1;
        }
        if let Some(day) = solved {
            counts[(day - first) as usize].1 += 1;
        }
    }
    let counted = |c: &(usize, usize)| c.0 + c.1 > 0;
    let Some(start) = counts.iter().position(counted) else {
        return Vec::new();
    };
    let end = counts.iter().rposition(counted).unwrap_or(start);
    (start..=end)
        .filter_map(|at| {
            let (created, solved) = counts[at];
            Some(DayCount {
                date: day_of((first + at as i64) * DAY)?,
                created,
                solved,
            })
        })
        .collect()
}

/// The most days a table's span may cover for a series to be counted into all of them.
const WIDEST_SPAN_DAYS: i64 = 200_000;

/// Seconds in a day: timestamps are wall clock read as UTC (see `model`), so a day is a
/// division away.
const DAY: i64 = 86_400;

/// The first and the last day on which a ticket was created: the range the tickets span. The
/// days of `created_vs_solved` may reach further, to days with solves only.
pub fn created_span(days: &[DayCount]) -> Option<(NaiveDate, NaiveDate)> {
    let mut created = days.iter().filter(|d| d.created > 0).map(|d| d.date);
    let first = created.next()?;
    Some((first, created.next_back().unwrap_or(first)))
}

/// Created vs solved per ISO week (`2024-W09`, Monday first) or per month (`2024-03`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodCount {
    pub period: String,
    pub created: usize,
    pub solved: usize,
}

pub fn created_vs_solved_by(days: &[DayCount], label: fn(NaiveDate) -> String) -> Vec<PeriodCount> {
    let mut periods: Vec<PeriodCount> = Vec::new();
    for day in days {
        let period = label(day.date);
        match periods.last_mut() {
            Some(last) if last.period == period => {
                last.created += day.created;
                last.solved += day.solved;
            }
            _ => periods.push(PeriodCount {
                period,
                created: day.created,
                solved: day.solved,
            }),
        }
    }
    periods
}

pub fn week_label(day: NaiveDate) -> String {
    let week = day.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

pub fn month_label(day: NaiveDate) -> String {
    format!("{}-{:02}", day.year(), day.month())
}

/// Unsolved tickets at the end of one day, with their age profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BacklogDay {
    pub date: NaiveDate,
    pub open: usize,
    /// Open tickets by age at the end of the day: < 1 day, 1–3, 3–7, 7–30, > 30 days.
    pub ages: [usize; 5],
}

impl BacklogDay {
    /// A day's backlog from its counts by age (a count below zero, which no backlog has, as 0).
    fn of(date: NaiveDate, ages: [i64; 5]) -> BacklogDay {
        let ages = ages.map(|v| v.max(0) as usize);
        BacklogDay {
            date,
            open: ages.iter().sum(),
            ages,
        }
    }
}

const AGE_LIMITS_DAYS: [i64; 4] = [1, 3, 7, 30];

/// The age buckets' bounds in days, the last one open-ended.
const LIMITS: [i64; 6] = [
    0,
    AGE_LIMITS_DAYS[0],
    AGE_LIMITS_DAYS[1],
    AGE_LIMITS_DAYS[2],
    AGE_LIMITS_DAYS[3],
    i64::MAX / 4,
];

/// Ages below this many days fall in the first four buckets ("young"); the last bucket is the
/// rest of the open tickets.
const YOUNG: i64 = AGE_LIMITS_DAYS[3];

/// The days a backlog series counts into, first and last: up to the as-of day (else the latest
/// creation), from the table's first day. Ingest keeps dates within 1900–2100 (≈73 000 days); a
/// hand-built dataset may not, so no more than 80 000 days back. From the table's first day (no
/// later than the selection's), so that one pass over the rows does.
fn backlog_days(dataset: &Dataset, as_of: Option<Timestamp>) -> Option<(i64, i64)> {
    let table = dataset.table();
    let created = |row: &u32| table.created.at(*row as usize).get();
    let last = as_of
        .or_else(|| dataset.rows().iter().filter_map(created).max())?
        .div_euclid(DAY);
    let low = table.day_span()?.0.max(last - 80_000);
    (low <= last).then_some((low, last))
}

/// The backlog at the end of each day from the first creation to the as-of day: tickets created
/// by then and not solved by then. A ticket solved without a solve time counts as solved from
/// its creation; one open now counts as open until the as-of time.
///
/// One pass over the tickets, four additions each and no branch on a ticket's dates: a ticket
/// is open over a run of days, its age at the end of a day D being D − s (s: its creation day,
/// one day earlier when created exactly at midnight). The run goes into a difference array of
/// the open tickets, and, where young, into one of the young ages of tickets with the same s
/// (a row of `YOUNG` + 1 entries per day). The four young buckets of a day are then read from
/// the rows of the 30 days before it, and the last bucket is the open tickets less the young.
/// (Marks per bucket took a branch a bucket, mispredicted on most tickets.)
pub fn backlog_over_time(dataset: &Dataset, as_of: Option<Timestamp>) -> Vec<BacklogDay> {
    let table = dataset.table();
    let rows = dataset.rows();
    let created = |row: u32| table.created.at(row as usize).get();
    let Some((low, last)) = backlog_days(dataset, as_of) else {
        return Vec::new();
    };
    let days = (last - low + 1) as usize;
    // open[D − low]: +1 on a ticket's first open day, −1 on the day after its last.
    let mut open = vec![0i64; days + 1];
    // young[(s − low + YOUNG) · WIDTH + k]: +1 at the first young age k a ticket of day s is
    // open at, −1 after its last.
    const WIDTH: usize = YOUNG as usize + 1;
    let mut young = vec![0i32; (days + YOUNG as usize) * WIDTH];
    let mut first: Option<i64> = None;
    // Each row's days as the table keeps them (no 64-bit division a row); a time no date
    // names has none there, and is divided here.
    let row_days = table.days();
    for &row in rows {
        let Some(created) = created(row) else {
            continue;
        };
        let row = row as usize;
        let created_day = row_days
            .created(row)
            .unwrap_or_else(|| created.div_euclid(DAY));
        // Solved without a solve time: solved from its creation.
        let closed_day = table.solved[row].then(|| {
            row_days.solved(row).unwrap_or_else(|| {
                table
                    .solved_at
                    .at(row)
                    .get()
                    .map_or(created_day, |t| t.div_euclid(DAY))
            })
        });
        first = Some(first.map_or(created_day, |first| first.min(created_day)));
        if created_day > last {
            continue;
        }
        // Age at the end of day D is D − created_day, plus one when created exactly at midnight:
        // the time less its day's first second is its second of the day, which wrapping
        // arithmetic gives exactly even where the day's first second is beyond an i64 (a
        // checked product is a 128-bit multiplication in wasm).
        let second_of_day = created.wrapping_sub(created_day.wrapping_mul(DAY));
        let origin = created_day - i64::from(second_of_day == 0);
        let from = created_day.max(low);
        // Open at the end of D for D from the creation day to the day before the solve day;
        // a run that ends before it starts puts its −1 on its +1.
        let until = closed_day.map_or(last, |c| c - 1).min(last).max(from - 1);
        open[(from - low) as usize] += 1;
        open[(until + 1 - low) as usize] -= 1;
        // Only before the 80 000th day back can a ticket's first open day be old already.
        let youngest = from - origin;
        if youngest < YOUNG {
            let oldest = (until - origin).min(YOUNG - 1);
            let at = (origin - low + YOUNG) as usize * WIDTH;
            young[at + youngest as usize] += 1;
            young[at + (oldest + 1) as usize] -= 1;
        }
    }
    let Some(first) = first.filter(|&first| first <= last) else {
        return Vec::new();
    };
    // Each day's row of young ages, from differences to counts.
    for ages in young.chunks_exact_mut(WIDTH) {
        for k in 1..WIDTH {
            ages[k] += ages[k - 1];
        }
    }
    // Nothing is open before the selection's first day (or the 80 000th day back): the
    // series starts there.
    let first = first.max(last - 80_000);
    let mut running = 0i64;
    (0..days)
        .filter_map(|offset| {
            running += open[offset];
            let day = low + offset as i64;
            if day < first {
                return None;
            }
            let date = day_of(day * DAY)?;
            // Tickets of age k at the end of `day` were created on day − k.
            let aged = |k: i64| {
                i64::from(young[(offset as i64 + YOUNG - k) as usize * WIDTH + k as usize])
            };
            let mut ages = [0i64; AGE_LIMITS_DAYS.len() + 1];
            for (bucket, pair) in LIMITS.windows(2).take(AGE_LIMITS_DAYS.len()).enumerate() {
                ages[bucket] = (pair[0]..pair[1]).map(aged).sum();
            }
            ages[AGE_LIMITS_DAYS.len()] = running - ages.iter().sum::<i64>();
            Some(BacklogDay::of(date, ages))
        })
        .collect()
}

/// Ticket arrivals by weekday (Monday first) and hour of creation.
pub fn heat_map(dataset: &Dataset) -> [[usize; 24]; 7] {
    let table = dataset.table();
    let mut counts = HeatMap::default();
    for &row in dataset.rows() {
        counts.add(table, row as usize);
    }
    counts.0
}

/// `heat_map`'s counts, row by row: folded into another pass over the same rows (the report's
/// weekly one).
#[derive(Clone, Copy, Debug, Default)]
pub struct HeatMap(pub [[usize; 24]; 7]);

impl HeatMap {
    #[inline]
    pub fn add(&mut self, table: &TicketTable, row: usize) {
        if let Some(hour) = table.days().created_hour(row) {
            // Below 7 × 24: Monday's hours first, as the map's rows.
            self.0.as_flattened_mut()[hour] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn the_created_span_leaves_out_days_with_solves_only() {
        // Created Jan 2 and Jan 3; solved Jan 5: the series runs to Jan 5, the span to Jan 3.
        let data = dataset(
            "Id,Status,Created at,Solved at\n\
             1,Solved,2024-01-02 09:00,2024-01-05 10:00\n\
             2,Open,2024-01-03 09:00,\n",
        );
        let days = created_vs_solved(&data);
        let day = |d| NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
        assert_eq!(days.last().map(|d| d.date), Some(day(5)));
        assert_eq!(created_span(&days), Some((day(2), day(3))));
        // One day of creations: it is both ends. Solves only, or nothing: no span.
        assert_eq!(created_span(&days[..1]), Some((day(2), day(2))));
        assert_eq!(created_span(&days[2..]), None);
        assert_eq!(created_span(&[]), None);
    }

    #[test]
    fn counts_per_day_with_empty_days_filled() {
        // Created: Jan 1 ×2, Jan 3 ×1. Solved: ticket 1 on Jan 3; ticket 3 is open again and its
        // old solve time does not count.
        let data = dataset(
            "Id,Status,Created at,Solved at\n\
             1,Solved,2024-01-01 09:00,2024-01-03 10:00\n\
             2,Open,2024-01-01 23:59,\n\
             3,Open,2024-01-03 00:00,2024-01-03 05:00\n",
        );
        let series = created_vs_solved(&data);
        let day = |d| NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
        assert_eq!(
            series,
            vec![
                DayCount {
                    date: day(1),
                    created: 2,
                    solved: 0
                },
                DayCount {
                    date: day(2),
                    created: 0,
                    solved: 0
                },
                DayCount {
                    date: day(3),
                    created: 1,
                    solved: 1
                },
            ]
        );
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn weeks_months_backlog_and_heat_map() {
        // Fri Mar 1 (week 9), Mon Mar 4 (week 10) ×2; ticket 1 solved Mar 4, ticket 2 open.
        let data = dataset(
            "Id,Status,Created at,Solved at\n\
             1,Solved,2024-03-01 09:30,2024-03-04 12:00\n\
             2,Open,2024-03-04 10:15,\n\
             3,Solved,2024-03-04 10:45,2024-03-04 11:00\n",
        );
        let days = created_vs_solved(&data);
        let weeks = created_vs_solved_by(&days, week_label);
        assert_eq!(
            weeks,
            vec![
                PeriodCount {
                    period: "2024-W09".into(),
                    created: 1,
                    solved: 0
                },
                PeriodCount {
                    period: "2024-W10".into(),
                    created: 2,
                    solved: 2
                },
            ]
        );
        assert_eq!(created_vs_solved_by(&days, month_label).len(), 1);
        // End of Mar 1: ticket 1 open (age 0 days → first bucket). Mar 2, 3: still ticket 1
        // (1 and 2 days old → second bucket). Mar 4: ticket 1 and 3 solved, ticket 2 open.
        let backlog = backlog_over_time(&data, data.as_of());
        let open: Vec<usize> = backlog.iter().map(|d| d.open).collect();
        assert_eq!(open, vec![1, 1, 1, 1]);
        assert_eq!(backlog[0].ages, [1, 0, 0, 0, 0]);
        assert_eq!(backlog[2].ages, [0, 1, 0, 0, 0]);
        // Friday 09h once, Monday 10h twice.
        let map = heat_map(&data);
        assert_eq!(map[4][9], 1);
        assert_eq!(map[0][10], 2);
    }
}

/// The backlog as it was first written (marks per bucket, a branch each): the oracle the
/// series is checked against.
#[cfg(test)]
mod backlog_tests {
    use super::*;

    fn backlog_by_bucket_marks(dataset: &Dataset, as_of: Option<Timestamp>) -> Vec<BacklogDay> {
        let table = dataset.table();
        let rows = dataset.rows();
        let created = |row: u32| table.created.at(row as usize).get();
        let Some((low, last)) = backlog_days(dataset, as_of) else {
            return Vec::new();
        };
        let days = (last - low + 1) as usize;
        // marks[bucket][day]: +1 where a ticket enters the bucket, −1 the day after it leaves.
        let mut marks = vec![vec![0i64; days + 1]; AGE_LIMITS_DAYS.len() + 1];
        let mut first: Option<i64> = None;
        for &row in rows {
            let Some(created) = created(row) else {
                continue;
            };
            let row = row as usize;
            let closed =
                table.solved[row].then(|| table.solved_at.at(row).get().unwrap_or(created));
            let created_day = created.div_euclid(DAY);
            first = Some(first.map_or(created_day, |first| first.min(created_day)));
            // Age at the end of day D is D − created_day, plus one when created exactly at midnight.
            let midnight = i64::from(created.rem_euclid(DAY) == 0);
            // Open at the end of D for D from the creation day to the day before the solve day.
            let open_until = closed.map_or(last, |c| c.div_euclid(DAY) - 1).min(last);
            for (bucket, pair) in LIMITS.windows(2).enumerate() {
                let from = (created_day + pair[0] - midnight).max(created_day).max(low);
                // The buckets follow each other: none after this one is open either.
                if from > open_until {
                    break;
                }
                let to = (created_day + pair[1] - midnight - 1).min(open_until);
                if from > to {
                    continue;
                }
                marks[bucket][(from - low) as usize] += 1;
                marks[bucket][(to - low + 1) as usize] -= 1;
            }
        }
        let Some(first) = first.filter(|&first| first <= last) else {
            return Vec::new();
        };
        // No mark lies before the selection's first day (or the 80 000th day back): the running
        // sums are zero up to it.
        let first = first.max(last - 80_000);
        let mut running = [0i64; AGE_LIMITS_DAYS.len() + 1];
        (0..days)
            .filter_map(|offset| {
                for (bucket, value) in running.iter_mut().enumerate() {
                    *value += marks[bucket][offset];
                }
                let day = low + offset as i64;
                if day < first {
                    return None;
                }
                let date = day_of(day * DAY)?;
                Some(BacklogDay::of(date, running))
            })
            .collect()
    }

    /// Tickets of every kind a backlog meets: created at midnight or not, open, solved with and
    /// without a solve time, solved before their creation, solved years later, created after
    /// the as-of day; over the whole data, under other as-of days, and for parts of it.
    #[test]
    fn the_series_is_the_marks_per_bucket() {
        let mut state = 0x2545_f491_u64;
        let mut next = |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let time = |days: i64, minutes: i64| {
            let at = start.and_hms_opt(0, 0, 0).unwrap()
                + chrono::Duration::days(days)
                + chrono::Duration::minutes(minutes);
            at.format("%Y-%m-%d %H:%M").to_string()
        };
        let mut csv = String::from("Id,Status,Created at,Solved at\n");
        for id in 0..3000 {
            let day = next(120) as i64;
            // One in four at midnight exactly.
            let minute = if next(4) == 0 { 0 } else { next(1440) as i64 };
            let status = ["Open", "Solved", "Closed", "Pending"][next(4) as usize];
            let solved = match next(6) {
                0 => String::new(),
                1 => time(day - 1 - next(5) as i64, next(1440) as i64),
                2 => time(day + 40 + next(400) as i64, next(1440) as i64),
                _ => time(day + next(40) as i64, next(1440) as i64),
            };
            csv.push_str(&format!("{id},{status},{},{solved}\n", time(day, minute)));
        }
        let data = crate::kpi::tests::dataset(&csv);
        let as_ofs = [
            data.as_of(),
            Some(start.and_hms_opt(12, 0, 0).unwrap().and_utc().timestamp() + 60 * 86_400),
            Some(start.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp() - 86_400),
            None,
        ];
        let day = |d: u32| start.checked_add_days(chrono::Days::new(d.into()));
        let parts = [
            crate::selection::Selection::default(),
            crate::selection::Selection {
                from: day(30),
                to: day(70),
                ..Default::default()
            },
            crate::selection::Selection {
                from: day(119),
                ..Default::default()
            },
        ];
        for selection in &parts {
            let part = data.select(selection);
            for as_of in as_ofs {
                let series = backlog_over_time(&part, as_of);
                assert_eq!(series, backlog_by_bucket_marks(&part, as_of), "{as_of:?}");
            }
        }
        // Every bucket is met: some day has tickets of every age.
        let series = backlog_over_time(&data, data.as_of());
        assert!(series.iter().any(|d| d.ages.iter().all(|&n| n > 0)));
    }
}
