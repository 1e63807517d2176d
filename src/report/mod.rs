//! The report: what the CLI prints and the page draws. Its JSON shape is fixed by the catalogue
//! (`../shared/spec/kpis.md`, "Machine-readable output"); more fields are welcome.

pub mod format;
mod markdown;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dataset::Dataset;
use crate::ingest::datetime::format_timestamp;
use crate::ingest::{IngestError, SourceReport};
use crate::kpi::{self, DayCount, Kpi};
pub use format::{format_kpi_value, KpiInfo, CATALOGUE};
pub use markdown::to_markdown;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Tickets after de-duplication.
    pub tickets: usize,
    pub duplicates: usize,
    /// The latest timestamp in the data, `YYYY-MM-DDTHH:MM:SS`.
    pub as_of: Option<String>,
    pub sources: Vec<SourceReport>,
    /// Files that could not be read at all.
    pub errors: Vec<IngestError>,
    pub kpis: BTreeMap<String, Kpi>,
    pub breakdowns: BTreeMap<String, BTreeMap<String, usize>>,
    pub series: Series,
}

#[derive(Clone, Debug, Serialize)]
pub struct Series {
    pub created_vs_solved: Vec<DayCount>,
}

impl Report {
    pub fn build(dataset: &Dataset, errors: Vec<IngestError>) -> Report {
        Report {
            tickets: dataset.tickets.len(),
            duplicates: dataset.duplicates,
            as_of: dataset.as_of().map(format_timestamp),
            sources: dataset.sources.clone(),
            errors,
            kpis: kpi::compute(dataset),
            breakdowns: kpi::breakdowns(dataset),
            series: Series {
                created_vs_solved: kpi::created_vs_solved(&dataset.tickets),
            },
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising plain structs of numbers and strings cannot fail; NaN never enters a KPI.
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}
