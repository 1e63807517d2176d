//! What the KPIs need besides the tickets: settings, the as-of time, compiled schedules.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::dataset::Dataset;
use crate::model::table::TicketTable;
use crate::model::time::business_hours::Schedule;
use crate::model::Timestamp;
use crate::settings::Settings;

pub struct Context<'a> {
    pub settings: &'a Settings,
    /// For backlog ages and open SLA clocks.
    pub as_of: Option<Timestamp>,
    /// Days in the selected period, for utilisation.
    pub period_days: Option<f64>,
    /// The zone whose wall clock the timestamps are (UTC when `None`).
    pub zone: Option<crate::model::time::zone::Zone>,
    /// The selected date range, for retention and churn.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// All the data, where follow-ups are looked for (repeat contacts, returning customers);
    /// the selection itself when not given.
    pub population: Option<&'a Dataset>,
    schedule: Option<Schedule>,
    group_schedules: BTreeMap<String, Schedule>,
}

impl<'a> Context<'a> {
    pub fn new(
        settings: &'a Settings,
        as_of: Option<Timestamp>,
        period_days: Option<f64>,
    ) -> Result<Context<'a>, String> {
        let schedule = settings
            .business_hours
            .as_ref()
            .map(|spec| spec.compile())
            .transpose()?;
        let mut group_schedules = BTreeMap::new();
        for (group, spec) in &settings.group_business_hours {
            group_schedules.insert(group.to_lowercase(), spec.compile()?);
        }
        Ok(Context {
            settings,
            as_of,
            period_days,
            range: None,
            zone: None,
            population: None,
            schedule,
            group_schedules,
        })
    }

    pub fn with_population(mut self, data: &'a Dataset) -> Context<'a> {
        self.population = Some(data);
        self
    }

    pub fn with_zone(mut self, zone: Option<crate::model::time::zone::Zone>) -> Context<'a> {
        self.zone = zone;
        self
    }

    pub fn with_range(mut self, from: NaiveDate, to: NaiveDate) -> Context<'a> {
        self.range = Some((from, to));
        self
    }

    /// The schedule of a row's group, else the team's.
    pub fn schedule_for(&self, table: &TicketTable, row: usize) -> Option<&Schedule> {
        table
            .group
            .name(table.group.codes[row])
            .and_then(|g| self.group_schedules.get(&g.to_lowercase()))
            .or(self.schedule.as_ref())
    }

    pub fn has_schedule(&self) -> bool {
        self.schedule.is_some() || !self.group_schedules.is_empty()
    }
}
