//! helpdesk-kpi: support KPIs from helpdesk exports, computed where the data is.
//!
//! The pipeline shows in the modules: `ingest` (bytes → tickets) → `dataset` (files merged) →
//! `kpi` (the catalogue's definitions) → `report` (JSON / Markdown). The engine has no web
//! dependency; `web` (the Yew page, wasm32 only) and `main.rs` (the CLI) are shells around it.

pub mod dataset;
pub mod ingest;
pub mod kpi;
pub mod model;
pub mod report;
pub mod sample;

#[cfg(target_arch = "wasm32")]
mod web;

use dataset::Dataset;
use report::Report;

/// Reads every file and computes the report over their union. A file that cannot be read at all
/// is listed in `Report::errors`; the others still count.
pub fn analyze<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Report {
    let mut exports = Vec::new();
    let mut errors = Vec::new();
    for (name, bytes) in files {
        match ingest::read_export(name, bytes) {
            Ok(export) => exports.push(export),
            Err(error) => errors.push(error),
        }
    }
    Report::build(&Dataset::merge(exports), errors)
}
