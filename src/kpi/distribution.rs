//! How first-response and resolution times spread: the share answered within the hour, within a
//! day, after a week. A median hides the long tail a support lead has to chase; these buckets
//! show it. Each ticket is measured as `first_response_time` and `resolution_time` measure it, so
//! the counts add up to those KPIs' `n`.

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::model::table::{Duration, Ranked, TicketTable};

/// Bucket edges in minutes: 1 h, 4 h, 8 h, 24 h, 3 d, 7 d — a support lead's usual steps.
pub const EDGES_MINUTES: [u32; 6] = [60, 240, 480, 1440, 4320, 10080];

/// Tickets whose time is at least `from_minutes` and below `to_minutes` (no upper end: `null`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    pub from_minutes: u32,
    pub to_minutes: Option<u32>,
    pub count: usize,
}

/// Histograms of the calendar first-response time (replied tickets) and the calendar resolution
/// time (solved tickets only), in the buckets of `EDGES_MINUTES`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Distributions {
    pub first_response: Vec<Bucket>,
    pub resolution: Vec<Bucket>,
}

/// Both histograms in one pass over the rows, of the same minutes as the timing KPIs.
pub fn distributions(dataset: &Dataset) -> Distributions {
    let table = dataset.table();
    let mut counts = DistributionCounts::new(table);
    for &row in dataset.rows() {
        counts.add(table, row as usize);
    }
    counts.distributions()
}

/// Both histograms' counts, row by row: `distributions` folded into another pass over the
/// same rows (the report's weekly one).
pub struct DistributionCounts<'t> {
    first_response: Histogram<'t>,
    resolution: Histogram<'t>,
}

impl<'t> DistributionCounts<'t> {
    pub fn new(table: &'t TicketTable) -> DistributionCounts<'t> {
        DistributionCounts {
            first_response: Histogram::new(table, Duration::FirstResponse),
            resolution: Histogram::new(table, Duration::Resolution),
        }
    }

    #[inline]
    pub fn add(&mut self, table: &TicketTable, row: usize) {
        self.first_response.add(row);
        if table.solved[row] {
            self.resolution.add(row);
        }
    }

    pub fn distributions(&self) -> Distributions {
        Distributions {
            first_response: buckets(self.first_response.counts),
            resolution: buckets(self.resolution.counts),
        }
    }
}

/// One duration's counts by bucket. A row's bucket is found by its rank in the ranked column:
/// the number of edges whose first place (in value order) it reaches, the same as the number
/// of edges at or below its minutes, without working the minutes out.
struct Histogram<'t> {
    ranked: &'t Ranked,
    /// The first place of a value at or above each edge.
    starts: [u32; EDGES_MINUTES.len()],
    counts: [usize; EDGES_MINUTES.len() + 1],
}

impl<'t> Histogram<'t> {
    fn new(table: &'t TicketTable, duration: Duration) -> Histogram<'t> {
        let (ranked, minutes) = (table.ranked(duration), table.minutes(duration));
        Histogram {
            ranked,
            starts: EDGES_MINUTES.map(|edge| ranked.places_below(minutes, f64::from(edge))),
            counts: [0; EDGES_MINUTES.len() + 1],
        }
    }

    /// Counted rather than searched, so that it compiles without branches a random time would
    /// mispredict.
    #[inline]
    fn add(&mut self, row: usize) {
        if let Some(rank) = self.ranked.rank(row) {
            let bucket: usize = self.starts.iter().map(|&s| usize::from(rank >= s)).sum();
            self.counts[bucket] += 1;
        }
    }
}

fn buckets(counts: [usize; EDGES_MINUTES.len() + 1]) -> Vec<Bucket> {
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| Bucket {
            from_minutes: if i == 0 { 0 } else { EDGES_MINUTES[i - 1] },
            to_minutes: EDGES_MINUTES.get(i).copied(),
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;
    use crate::kpi::timing;

    fn counts(buckets: &[Bucket]) -> Vec<usize> {
        buckets.iter().map(|b| b.count).collect()
    }

    #[test]
    fn tickets_fall_in_the_bucket_of_their_time() {
        // First response (created 09:00 on Jan 1 unless said):
        //   1: column 30 min                       → < 1 h
        //   2: reply 10:00, exactly 60 min          → 1–4 h (a bucket includes its lower edge)
        //   3: reply 17:30, 510 min                 → 8–24 h
        //   4: reply Jan 5 09:00, 4 days            → 3–7 d
        //   5: no reply                             → not counted
        //   6: reply before creation                → not counted (the KPI leaves it out too)
        // Resolution, solved tickets only:
        //   1: solved Jan 1 12:00, 180 min          → 1–4 h
        //   2: solved Jan 9 09:00, 8 days           → > 7 d
        //   3: open, solved-at kept from before     → not counted
        //   4: column 1440 min (exactly 24 h)       → 1–3 d
        //   5: closed Jan 1 09:10, 10 min           → < 1 h
        let data = dataset(
            "Id,Status,Created at,First response at,First reply time in minutes,Solved at,\
             Full resolution time in minutes\n\
             1,Solved,2024-01-01 09:00,,30,2024-01-01 12:00,\n\
             2,Solved,2024-01-01 09:00,2024-01-01 10:00,,2024-01-09 09:00,\n\
             3,Open,2024-01-01 09:00,2024-01-01 17:30,,2024-01-02 09:00,\n\
             4,Solved,2024-01-01 09:00,2024-01-05 09:00,,2024-01-06 09:00,1440\n\
             5,Closed,2024-01-01 09:00,,,2024-01-01 09:10,\n\
             6,Open,2024-01-01 09:00,2024-01-01 08:00,,,\n",
        );
        let result = distributions(&data);
        assert_eq!(counts(&result.first_response), vec![1, 1, 0, 1, 0, 1, 0]);
        assert_eq!(counts(&result.resolution), vec![1, 1, 0, 0, 1, 0, 1]);
        // The same tickets as the KPIs: 4 replied, 4 solved with a time.
        assert_eq!(timing::first_response_time(&data).n, Some(4));
        assert_eq!(timing::resolution_time(&data).n, Some(4));
        let edges: Vec<(u32, Option<u32>)> = result
            .first_response
            .iter()
            .map(|b| (b.from_minutes, b.to_minutes))
            .collect();
        assert_eq!(edges[0], (0, Some(60)));
        assert_eq!(edges[3], (480, Some(1440)));
        assert_eq!(edges[6], (10080, None));
    }

    #[test]
    fn a_time_exactly_at_an_edge_falls_in_the_bucket_that_starts_there() {
        // 4 h, 8 h, 24 h, 3 d and 7 d to the minute: buckets 2 to 6, one ticket each; a
        // minute less stays in the bucket below.
        let data = dataset(
            "Id,Status,Created at,First reply time in minutes
             1,Open,2024-01-01 09:00,240
             2,Open,2024-01-01 09:00,480
             3,Open,2024-01-01 09:00,1440
             4,Open,2024-01-01 09:00,4320
             5,Open,2024-01-01 09:00,10080
",
        );
        let result = distributions(&data);
        assert_eq!(counts(&result.first_response), vec![0, 0, 1, 1, 1, 1, 1]);
        for (i, &edge) in EDGES_MINUTES.iter().enumerate() {
            assert_eq!(result.first_response[i + 1].from_minutes, edge);
        }
        // A minute less than each edge (59 … 10079): one ticket in each bucket below.
        let less: String = EDGES_MINUTES
            .iter()
            .enumerate()
            .map(|(i, edge)| format!("{i},Open,2024-01-01 09:00,{}\n", edge - 1))
            .collect();
        let data = dataset(&format!(
            "Id,Status,Created at,First reply time in minutes\n{less}"
        ));
        let result = distributions(&data);
        assert_eq!(counts(&result.first_response), vec![1, 1, 1, 1, 1, 1, 0]);
    }

    #[test]
    fn no_timing_columns_means_empty_buckets() {
        let result = distributions(&dataset("Id,Status\n1,Open\n"));
        assert_eq!(counts(&result.first_response), vec![0; 7]);
        assert_eq!(counts(&result.resolution), vec![0; 7]);
    }
}
