//! Time: zones (the bundled tz database), business-hours schedules and calendar arithmetic on
//! the model's timestamps. Below ingest and the KPIs, which both count in it.

pub mod business_hours;
pub mod calendar;
pub mod zone;

pub use zone::Zone;
