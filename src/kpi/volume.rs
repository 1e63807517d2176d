//! Volume: how many tickets came, were solved, and wait.

use super::{Extra, Kpi};
use crate::dataset::Dataset;
use crate::model::Timestamp;
use crate::stats;

const SECONDS_PER_DAY: f64 = 86_400.0;

/// `tickets_created`: tickets in the selection.
pub fn tickets_created(dataset: &Dataset) -> Kpi {
    Kpi::count(dataset.len())
}

/// `tickets_solved`: solved tickets in the selection (status solved or closed).
pub fn tickets_solved(dataset: &Dataset) -> Kpi {
    let solved = &dataset.table().solved;
    Kpi::count(
        dataset
            .rows()
            .iter()
            .filter(|&&row| solved[row as usize])
            .count(),
    )
}

/// `backlog`: unsolved tickets, with `median_age_days` at the as-of time.
pub fn backlog(dataset: &Dataset, as_of: Option<Timestamp>) -> Kpi {
    let table = dataset.table();
    let unsolved: Vec<usize> = dataset
        .rows()
        .iter()
        .map(|&row| row as usize)
        .filter(|&row| !table.solved[row])
        .collect();
    let mut kpi = Kpi::count(unsolved.len());
    if let Some(as_of) = as_of {
        let mut ages: Vec<f64> = unsolved
            .iter()
            .filter_map(|&row| table.created.at(row).get())
            .map(|created| as_of.saturating_sub(created) as f64 / SECONDS_PER_DAY)
            .collect();
        ages.sort_by(f64::total_cmp);
        if let Some(median) = stats::percentile(&ages, 0.5) {
            kpi.extras.insert(Extra::MedianAgeDays, median);
        }
    }
    kpi
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn counts_and_backlog_age() {
        let data = dataset(
            "Id,Status,Created at,Updated at\n\
             1,Open,2024-01-01 00:00,2024-01-01 00:00\n\
             2,Pending,2024-01-03 00:00,2024-01-03 00:00\n\
             3,Solved,2024-01-02 00:00,2024-01-05 00:00\n\
             4,Closed,2024-01-02 00:00,2024-01-04 00:00\n\
             5,Escalated,2024-01-04 12:00,2024-01-04 12:00\n",
        );
        assert_eq!(tickets_created(&data).value, Some(5.0));
        // Solved or closed: tickets 3 and 4.
        assert_eq!(tickets_solved(&data).value, Some(2.0));
        // As of the latest timestamp, 2024-01-05 00:00. Unsolved 1, 2 and 5 (an unknown status
        // is unsolved) are 4, 2 and 0.5 days old: median 2.
        let kpi = backlog(&data, data.as_of());
        assert_eq!(kpi.value, Some(3.0));
        assert_eq!(kpi.extras.get(&Extra::MedianAgeDays), Some(&2.0));
    }

    #[test]
    fn without_status_the_solve_time_decides() {
        let data = dataset(
            "Ticket ID,Created,Resolved\n\
             1,2024-01-01,2024-01-02\n\
             2,2024-01-01,\n",
        );
        assert_eq!(tickets_solved(&data).value, Some(1.0));
        assert_eq!(backlog(&data, data.as_of()).value, Some(1.0));
    }
}
