//! What the KPIs need besides the tickets: settings, the as-of time, compiled schedules.

use std::cell::RefCell;

use chrono::NaiveDate;

use crate::dataset::Dataset;
use crate::model::table::TicketTable;
use crate::model::time::business_hours::Schedule;
use crate::model::Timestamp;
use crate::settings::{CompiledSettings, Settings, SlaTarget};

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
    compiled: &'a CompiledSettings,
    /// Each group code's schedule and each priority code's SLA target, of the table they were
    /// last asked of: worked out once per code, not once per row.
    by_group: RefCell<ByCode<Option<&'a Schedule>>>,
    by_priority: RefCell<ByCode<Option<&'a SlaTarget>>>,
}

/// Values by category code, for one table (named by its address).
struct ByCode<T> {
    table: usize,
    values: Vec<T>,
}

impl<T> Default for ByCode<T> {
    fn default() -> ByCode<T> {
        ByCode {
            table: 0,
            values: Vec::new(),
        }
    }
}

impl<'a> Context<'a> {
    pub fn new(
        compiled: &'a CompiledSettings,
        as_of: Option<Timestamp>,
        period_days: Option<f64>,
    ) -> Context<'a> {
        Context {
            settings: &compiled.settings,
            as_of,
            period_days,
            range: None,
            zone: None,
            population: None,
            compiled,
            by_group: RefCell::default(),
            by_priority: RefCell::default(),
        }
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
    pub fn schedule_for(&self, table: &TicketTable, row: usize) -> Option<&'a Schedule> {
        let compiled = self.compiled;
        by_code(&self.by_group, table, row, &table.group, |name| {
            name.and_then(|g| compiled.group_schedules.get(&g.to_lowercase()))
                .or(compiled.schedule.as_ref())
        })
    }

    /// The SLA target of a row's priority (lower-cased), else the settings' `"*"` one.
    pub fn sla_target_for(&self, table: &TicketTable, row: usize) -> Option<&'a SlaTarget> {
        let sla = &self.compiled.settings.sla;
        by_code(&self.by_priority, table, row, &table.priority, |name| {
            name.and_then(|p| sla.get(&p.to_lowercase()))
                .or_else(|| sla.get("*"))
        })
    }

    pub fn has_schedule(&self) -> bool {
        self.compiled.schedule.is_some() || !self.compiled.group_schedules.is_empty()
    }
}

/// A row's value by its code in `categories`, each code's worked out by `of` once per table.
fn by_code<T: Copy>(
    cache: &RefCell<ByCode<T>>,
    table: &TicketTable,
    row: usize,
    categories: &crate::model::table::Categories,
    of: impl Fn(Option<&str>) -> T,
) -> T {
    let address = table as *const TicketTable as usize;
    let code = categories.codes[row] as usize;
    {
        let cache = cache.borrow();
        if cache.table == address {
            if let Some(&value) = cache.values.get(code) {
                return value;
            }
        }
    }
    let values: Vec<T> = (0..=categories.names.len())
        .map(|code| of(categories.name(code as u32)))
        .collect();
    let value = values[code];
    *cache.borrow_mut() = ByCode {
        table: address,
        values,
    };
    value
}
