#![forbid(unsafe_code)]
//! helpdesk-kpi: support KPIs from helpdesk exports, computed where the data is.
//!
//! The pipeline shows in the modules: `ingest` (bytes → tickets) → `dataset` (files merged) →
//! `kpi` (the catalogue's definitions) → `report` (JSON / Markdown). The engine has no web
//! dependency; `web` (the Yew page, wasm32 only) and `main.rs` (the CLI) are shells around it.

pub mod dataset;
pub mod i18n;
pub mod ingest;
pub mod kpi;
pub mod message;
pub mod model;
pub mod protocol;
pub mod report;
pub mod sample;
pub mod selection;
pub mod settings;
pub mod stats;

#[cfg(all(
    target_arch = "wasm32",
    any(
        feature = "part-text",
        feature = "part-workbook",
        feature = "part-zones"
    )
))]
mod part;
#[cfg(wasm_page)]
mod web;

use dataset::Dataset;
use ingest::IngestError;
use report::Report;
use selection::Selection;
use settings::Settings;

/// Reads every file and computes the report over their union with default settings. A file that
/// cannot be read at all is listed in `Report::errors`; the others still count.
pub fn analyze<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Report {
    let (dataset, errors) = load(files);
    Report::build(&dataset, errors)
}

/// The same with settings and a selection; fails only for settings that make no sense.
pub fn analyze_with<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    settings: &Settings,
    selection: &Selection,
) -> Result<Report, message::Message> {
    let (dataset, errors) = load_in(files, &settings.read_options()?);
    Report::build_with(&dataset, errors, settings, selection)
}

/// Reads and merges the files, times as written.
pub fn load<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> (Dataset, Vec<IngestError>) {
    load_in(files, &ingest::ReadOptions::default())
}

/// Reads and merges the files with the settings' options (time zone, CSAT scale).
pub fn load_in<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    options: &ingest::ReadOptions,
) -> (Dataset, Vec<IngestError>) {
    let files = files
        .into_iter()
        .map(|(name, bytes)| (name, bytes, Some(bytes.len() as u64)));
    load_sized(files, options, &mut |_, _| {})
}

/// The same from any byte sources (open files, a browser's `File`), read in chunks: memory
/// holds the tickets, not the files. `progress` hears of each file's progress by its index.
pub fn load_from<N: AsRef<str>, R: std::io::Read>(
    files: impl IntoIterator<Item = (N, R)>,
    options: &ingest::ReadOptions,
    progress: &mut dyn FnMut(usize, ingest::Progress),
) -> (Dataset, Vec<IngestError>) {
    let files = files.into_iter().map(|(name, source)| (name, source, None));
    load_sized(files, options, progress)
}

/// The same with each file's size where it is known (`ReadOptions::size_hint`).
pub fn load_sized<N: AsRef<str>, R: std::io::Read>(
    files: impl IntoIterator<Item = (N, R, Option<u64>)>,
    options: &ingest::ReadOptions,
    progress: &mut dyn FnMut(usize, ingest::Progress),
) -> (Dataset, Vec<IngestError>) {
    let mut exports = Vec::new();
    let mut errors = Vec::new();
    for (index, (name, source, size)) in files.into_iter().enumerate() {
        let options = ingest::ReadOptions {
            size_hint: size,
            ..options.clone()
        };
        let read =
            ingest::read_export_from(name.as_ref(), source, &options, &mut |p| progress(index, p));
        match read {
            Ok(export) => exports.push(export),
            Err(error) => errors.push(error),
        }
    }
    (Dataset::merge_in(exports, options.zone), errors)
}
