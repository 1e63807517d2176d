//! Speed: first response, resolution and handle time, in minutes. Timing source priority
//! (catalogue): the export's own duration column, else the difference of two timestamps.

use super::timing_cards::{self, Measure, PerRow, Rows};
use super::{Context, Kpi, KpiId, MINUTES};
use crate::dataset::Dataset;
use crate::message::Message;
use crate::model::table::{Duration, TicketTable};
use crate::model::time::calendar::instant;

/// `first_response_time`: created → first public agent reply, replied tickets only; per-channel
/// and per-priority breakdowns.
pub fn first_response_time(dataset: &Dataset) -> Kpi {
    card(dataset, calendar(KpiId::FirstResponseTime, dataset.table()))
}

/// `first_response_time_business`: the same in business minutes — the export's own column where it
/// has one, else the business-hours schedule of the settings.
pub fn first_response_time_business(dataset: &Dataset, context: &Context) -> Kpi {
    let id = KpiId::FirstResponseTimeBusiness;
    card(dataset, business(id, dataset.table(), context))
}

/// Business minutes to a row's first reply: the export's figure, else the schedule's.
pub(crate) fn business_first_response(
    table: &TicketTable,
    row: usize,
    context: &Context,
) -> Option<f64> {
    table
        .first_response_business_minutes
        .at(row)
        .get()
        .or_else(|| {
            let schedule = context.schedule_for(table, row)?;
            let (start, end) = (table.created.at(row).get()?, table.replied_at(row)?);
            schedule
                .business_minutes_between(instant(start, context.zone), instant(end, context.zone))
        })
}

/// Business minutes to a row's final solve: the export's figure, else the schedule's.
pub(crate) fn business_resolution(
    table: &TicketTable,
    row: usize,
    context: &Context,
) -> Option<f64> {
    table.resolution_business_minutes.at(row).get().or_else(|| {
        let schedule = context.schedule_for(table, row)?;
        let (start, end) = (table.created.at(row).get()?, table.solve_time(row)?);
        schedule.business_minutes_between(instant(start, context.zone), instant(end, context.zone))
    })
}

/// `resolution_time`: created → final solve ("full resolution time"), solved tickets only.
pub fn resolution_time(dataset: &Dataset) -> Kpi {
    card(dataset, calendar(KpiId::ResolutionTime, dataset.table()))
}

/// Whether a row's resolution minutes count: solved tickets only.
pub(crate) fn resolution_counts(table: &TicketTable, row: usize) -> bool {
    table.solved[row]
}

/// `resolution_time_business`: the same in business minutes, from the export's own column or
/// the settings' schedule.
pub fn resolution_time_business(dataset: &Dataset, context: &Context) -> Kpi {
    let id = KpiId::ResolutionTimeBusiness;
    card(dataset, business(id, dataset.table(), context))
}

/// The measure of a timing card (`timing_cards` folds them in one pass); `None` for a KPI that
/// is not one.
pub(crate) fn measure<'a>(
    id: KpiId,
    table: &'a TicketTable,
    context: &'a Context,
) -> Option<Measure<'a>> {
    calendar(id, table).or_else(|| business(id, table, context))
}

/// The calendar timing cards' measures: what each counts, and its rows noted as left out.
fn calendar(id: KpiId, table: &TicketTable) -> Option<Measure<'_>> {
    let (duration, rows, inconsistent) = match id {
        // Replied tickets are those with a first response time: no further filter.
        KpiId::FirstResponseTime => (
            Duration::FirstResponse,
            Rows::Timed,
            &table.reply_before_creation,
        ),
        KpiId::ResolutionTime => (
            Duration::Resolution,
            Rows::Solved,
            &table.solve_before_creation,
        ),
        _ => return None,
    };
    Some(Measure::calendar(duration, rows, inconsistent))
}

/// The business-hours timing cards' measures: the export's column, else the schedule's minutes.
fn business<'a>(id: KpiId, table: &'a TicketTable, context: &'a Context) -> Option<Measure<'a>> {
    let (duration, rows, per_row): (_, _, PerRow) = match id {
        KpiId::FirstResponseTimeBusiness => (
            Duration::FirstResponseBusiness,
            Rows::Timed,
            business_first_response,
        ),
        KpiId::ResolutionTimeBusiness => (
            Duration::ResolutionBusiness,
            Rows::Solved,
            business_resolution,
        ),
        _ => return None,
    };
    Some(Measure::business(duration, rows, (table, context), per_row))
}

/// A timing card over the dataset's rows, alone.
fn card(dataset: &Dataset, measure: Option<Measure>) -> Kpi {
    measure.map_or_else(Kpi::default, |measure| timing_cards::one(dataset, measure))
}

/// `average_handle_time`: mean agent time per ticket, tickets that have it.
pub fn average_handle_time(dataset: &Dataset) -> Kpi {
    let table = dataset.table();
    let mut handle = Mean::default();
    for &row in dataset.rows() {
        handle.add(table.handle_minutes[row as usize].get());
    }
    handle.average_handle_time()
}

/// A sum and a count, in row order: `average_handle_time` (and utilisation's handled minutes)
/// row by row.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Mean {
    pub sum: f64,
    pub n: usize,
}

impl Mean {
    pub fn add(&mut self, value: Option<f64>) {
        if let Some(value) = value {
            self.sum += value;
            self.n += 1;
        }
    }

    pub fn average_handle_time(&self) -> Kpi {
        Kpi::mean_from(
            MINUTES,
            self.sum,
            self.n,
            Message::new("timing.no_handle_time"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::{card, context, dataset};
    use crate::kpi::KpiId;

    #[test]
    fn export_column_first_then_timestamps() {
        // Ticket 1: the column says 30 (the timestamps would say 60): 30 is used.
        // Ticket 2: no column value, timestamps 09:00 → 11:00: 120.
        // Ticket 3: never replied: left out. Ticket 4: reply before creation: left out, noted.
        let data = dataset(
            "Id,Status,Via,Created at,First response at,First reply time in minutes\n\
             1,Open,Mail,2024-01-01 09:00,2024-01-01 10:00,30\n\
             2,Open,Chat,2024-01-01 09:00,2024-01-01 11:00,\n\
             3,Open,Mail,2024-01-01 09:00,,\n\
             4,Open,Mail,2024-01-01 09:00,2024-01-01 08:00,\n",
        );
        let kpi = first_response_time(&data);
        // Values 30, 120: median 75, mean 75, p90 = 30 + 0.9·90 = 111.
        assert_eq!(kpi.value, Some(75.0));
        assert_eq!(kpi.n, Some(2));
        assert_eq!(kpi.p90, Some(111.0));
        assert_eq!(kpi.by_channel["email"].value, Some(30.0));
        assert_eq!(kpi.by_channel["chat"].value, Some(120.0));
        assert!(kpi.note.unwrap().starts_with("1 tickets left out"));
    }

    #[test]
    fn resolution_counts_solved_tickets_only() {
        // Solved: 1 (2 days = 2880), 3 (1 hour = 60), 4 (column 500). Open 2 is left out.
        let data = dataset(
            "Id,Status,Priority,Created at,Solved at,Full resolution time in minutes\n\
             1,Solved,High,2024-01-01 09:00,2024-01-03 09:00,\n\
             2,Open,High,2024-01-01 09:00,2024-01-02 09:00,\n\
             3,Closed,Low,2024-01-01 09:00,2024-01-01 10:00,\n\
             4,Solved,Low,2024-01-01 09:00,2024-01-09 09:00,500\n",
        );
        let kpi = resolution_time(&data);
        // Sorted 60, 500, 2880: median 500; mean 3440/3; p90: h = 1.8 → 500 + 0.8·2380 = 2404.
        assert_eq!(kpi.value, Some(500.0));
        assert_eq!(kpi.mean, Some(3440.0 / 3.0));
        assert!((kpi.p90.unwrap() - 2404.0).abs() < 1e-9);
        assert_eq!(kpi.by_priority["high"].value, Some(2880.0));
        // Low: 60 and 500 → median 280.
        assert_eq!(kpi.by_priority["low"].value, Some(280.0));
    }

    #[test]
    fn null_with_a_reason_without_a_creation_time() {
        let data = dataset("Ticket ID,Status,First Response Time\n1,Open,2024-01-01 10:00\n");
        let kpi = card(KpiId::FirstResponseTime, &data);
        assert_eq!(kpi.value, None);
        assert!(kpi.reason.unwrap().contains("no creation time"));
    }

    #[test]
    fn business_hours_from_the_export_column() {
        let data = dataset(
            "Id,Status,Created at,First reply time in minutes within business hours\n\
             1,Open,2024-01-01 09:00,10\n\
             2,Open,2024-01-01 09:00,40\n\
             3,Open,2024-01-01 09:00,\n",
        );
        assert_eq!(
            first_response_time_business(&data, &context(&data)).value,
            Some(25.0)
        );
        let calendar = card(KpiId::FirstResponseTime, &data);
        assert_eq!(calendar.value, None);
        assert!(calendar.reason.unwrap().contains("only the business-hours"));
    }
}

#[cfg(test)]
mod schedule_tests {
    use super::*;
    use crate::kpi::tests::dataset;
    use crate::settings::Settings;

    #[test]
    fn business_minutes_from_the_schedule_where_the_export_has_none() {
        // Mon–Fri 09:00–17:00 UTC (the default schedule).
        let settings = Settings {
            business_hours: Some(Default::default()),
            ..Settings::default()
        };
        // Ticket 1: Fri 2024-03-01 16:00, reply Mon 10:00 → 60 + 60 = 120 business minutes.
        // Ticket 2: Mon 2024-03-04 09:30, reply after 30 calendar minutes → 30.
        // Ticket 3: the export's own business figure, 7, wins.
        let data = dataset(
            "Id,Status,Created at,First response at,First reply time in minutes,\
             First reply time in minutes within business hours\n\
             1,Open,2024-03-01 16:00,2024-03-04 10:00,,\n\
             2,Open,2024-03-04 09:30,,30,\n\
             3,Open,2024-03-04 09:30,,30,7\n",
        );
        let compiled = settings.compile().unwrap();
        let context = Context::new(&compiled, data.as_of(), None);
        let kpi = first_response_time_business(&data, &context);
        // 7, 30, 120 → median 30.
        assert_eq!(kpi.value, Some(30.0));
        assert_eq!(kpi.n, Some(3));
        assert_eq!(kpi.mean, Some(157.0 / 3.0));
    }
}
