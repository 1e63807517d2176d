//! Series over time: created vs solved per day.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::ingest::datetime::day_of;
use crate::model::Ticket;

/// One day of `created_vs_solved`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub date: NaiveDate,
    pub created: usize,
    pub solved: usize,
}

/// Created counted on the creation day, solved on the solve day (solved tickets only). Every day
/// from the first to the last is listed, zeros included, so that a chart's gaps are real.
pub fn created_vs_solved(tickets: &[Ticket]) -> Vec<DayCount> {
    let mut days: BTreeMap<NaiveDate, (usize, usize)> = BTreeMap::new();
    for ticket in tickets {
        if let Some(day) = ticket.created_at.and_then(day_of) {
            days.entry(day).or_default().0 += 1;
        }
        if ticket.is_solved() {
            if let Some(day) = ticket.solved_at.and_then(day_of) {
                days.entry(day).or_default().1 += 1;
            }
        }
    }
    let (Some(&first), Some(&last)) = (days.keys().next(), days.keys().next_back()) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|day| *day <= last)
        .map(|date| {
            let (created, solved) = days.get(&date).copied().unwrap_or_default();
            DayCount {
                date,
                created,
                solved,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

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
        let series = created_vs_solved(&data.tickets);
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
