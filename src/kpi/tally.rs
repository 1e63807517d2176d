//! KPIs of many groups at once (agents, channels, weeks): one pass over a selection, each row
//! folded into its group's counts. The counts are the ones the KPI functions make over their
//! own rows (`Ratings`, `SolvedReplies`, `Reopens`, `NpsAnswers`, `Mean`, `DaySpan`, the timing
//! samples), so a group's figure is the card's over that group's tickets: one definition each.
//! A pass per group and KPI instead read each column once per group.

use super::timing;
use super::KpiId;
use crate::dataset::Dataset;
use crate::model::table::{Duration, RankedRows, TicketTable};

/// Which KPIs the dataset's columns (and the settings) allow: a KPI that is null for want of a
/// column is null in every group too. Each is its catalogue entry's requirements.
pub(crate) struct Gates {
    pub first_response: bool,
    pub resolution: bool,
    pub satisfaction: bool,
    pub nps: bool,
    pub replies: bool,
    pub reopens: bool,
    /// Handle times are read (from the tickets themselves: no column holds them).
    pub handle: bool,
    /// Set, and handle times known: utilisation is worked out.
    pub hours_per_week: Option<f64>,
}

impl Gates {
    /// `hours_per_week`: the settings' hours per agent (utilisation).
    pub fn of(dataset: &Dataset, hours_per_week: Option<f64>) -> Gates {
        let available = |id: KpiId| id.definition().unavailable(dataset, None).is_none();
        let handle = available(KpiId::AverageHandleTime);
        Gates {
            first_response: available(KpiId::FirstResponseTime),
            resolution: available(KpiId::ResolutionTime),
            satisfaction: available(KpiId::Csat),
            nps: available(KpiId::Nps),
            replies: available(KpiId::RepliesPerTicket),
            reopens: available(KpiId::ReopenRate),
            handle,
            hours_per_week: hours_per_week.filter(|h| *h > 0.0 && handle),
        }
    }
}

/// A timing KPI's median over a group: its rows' ranks, or `None` (no column for it).
pub(crate) struct Median<'t>(Option<RankedRows<'t>>);

impl<'t> Median<'t> {
    /// No rows yet of a duration column, or none where the KPI cannot be had.
    pub fn of(table: &'t TicketTable, wanted: bool, duration: Duration) -> Median<'t> {
        let column = (table.ranked(duration), table.minutes(duration));
        Median(wanted.then(|| RankedRows::new(column.0, column.1)))
    }

    /// A row as `first_response_time` counts it: replied (with a first response time).
    #[inline]
    pub fn add_first_response(&mut self, row: usize) {
        if let Some(rows) = &mut self.0 {
            rows.push(row);
        }
    }

    /// A row as `resolution_time` counts it: solved, with a resolution time.
    #[inline]
    pub fn add_resolution(&mut self, table: &TicketTable, row: usize) {
        if let Some(rows) = &mut self.0 {
            if timing::resolution_counts(table, row) {
                rows.push(row);
            }
        }
    }

    pub fn median(self) -> Option<f64> {
        self.0?.median()
    }
}
