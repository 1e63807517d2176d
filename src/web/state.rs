//! The page's one state and the actions that change it. The data lives in the engine worker
//! (`engine.rs`); the state holds the report it last sent and what the person chose.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use crate::ingest::choices::ValueChoices;
use crate::ingest::{Choices, DateOrder, Field, SourceReport};
use crate::message::Message;
use crate::report::Report;
use crate::selection::Selection;
use crate::settings::Settings;

/// How far the reading has come, for the progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LoadProgress {
    pub bytes: f64,
    pub total: f64,
    pub rows: f64,
}

/// How long the last load took in the worker (read + first report), for the benchmark.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LoadTiming {
    pub ms: f64,
    /// Of `ms`, reading the files.
    pub read_ms: f64,
    pub bytes: f64,
    /// The engine's peak memory in bytes.
    pub memory: f64,
}

#[derive(Clone, Debug, Default)]
pub struct AppState {
    /// Names of the files behind the dashboard, in order.
    pub files: Vec<String>,
    pub report: Option<Rc<Report>>,
    pub is_sample: bool,
    pub selection: Selection,
    pub settings: Settings,
    /// The settings of the report shown: what a refused change goes back to.
    pub applied_settings: Settings,
    /// Files that could not be read: (file name, what to do).
    pub errors: Vec<(String, Message)>,
    /// Why the last settings were refused.
    pub settings_error: Option<Message>,
    pub busy: bool,
    pub progress: Option<LoadProgress>,
    pub timing: Option<LoadTiming>,
    /// The worker's milliseconds for the latest report of any kind (a refilter's included), for
    /// benchmarks.
    pub report_ms: Option<f64>,
    /// Whether the load under way is the sample (the banner follows when it arrives).
    pub loading_sample: bool,
    /// How the files are read where the person chose: columns remembered by header signature,
    /// encoding, sheet and date order by file.
    pub choices: Choices,
}

/// One reading choice the person made on a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    /// The column (by position in the header) that feeds a field; `None`: no column.
    Column(Field, Option<usize>),
    /// Back to the columns as recognised.
    ResetColumns,
    Encoding(String),
    Sheet(String),
    DateOrder(DateOrder),
    /// What a status value means (`open`, `closed`, …); `None`: as the reader knows it.
    StatusValue(String, Option<String>),
    /// What a satisfaction answer word means (`satisfied`, …); `None`: as the reader knows it.
    AnswerValue(String, Option<String>),
}

/// `choices` with `choice` made on `source`'s file. Column choices and value readings are kept
/// by header signature, so that the next file of the same shape reads the same.
pub fn apply_choice(choices: &Choices, source: &SourceReport, choice: Choice) -> Choices {
    let mut next = choices.clone();
    let file = || source.file.clone();
    match choice {
        Choice::Column(field, index) => {
            next.remembered
                .entry(source.header_signature.clone())
                .or_default()
                .insert(field, index);
        }
        Choice::ResetColumns => {
            next.remembered.remove(&source.header_signature);
            next.remembered_values.remove(&source.header_signature);
        }
        Choice::StatusValue(value, reading) => {
            remember_value(&mut next, source, |v| &mut v.status_values, value, reading);
        }
        Choice::AnswerValue(value, reading) => {
            remember_value(&mut next, source, |v| &mut v.answer_values, value, reading);
        }
        Choice::Encoding(name) => next.files.entry(file()).or_default().encoding = Some(name),
        Choice::Sheet(name) => next.files.entry(file()).or_default().sheet = Some(name),
        Choice::DateOrder(order) => next.files.entry(file()).or_default().date_order = Some(order),
    }
    next
}

/// Sets (or, with `None`, drops) one value's reading in the readings remembered for `source`'s
/// header row; an emptied entry goes, so that storage keeps nothing it does not need.
fn remember_value(
    choices: &mut Choices,
    source: &SourceReport,
    list: fn(&mut ValueChoices) -> &mut BTreeMap<String, String>,
    value: String,
    reading: Option<String>,
) {
    let signature = &source.header_signature;
    let values = choices
        .remembered_values
        .entry(signature.clone())
        .or_default();
    match reading {
        Some(reading) => {
            list(values).insert(value, reading);
        }
        None => {
            list(values).remove(&value);
        }
    }
    if values.status_values.is_empty() && values.answer_values.is_empty() {
        choices.remembered_values.remove(signature);
    }
}

pub enum Action {
    Reading {
        sample: bool,
    },
    Progress(LoadProgress),
    /// A report from the worker; `loaded` when it follows a new load (files or sample),
    /// `reread` when the same files were read again. No `timing` for the sample's report the
    /// page was built with (nothing was computed).
    Report {
        report: Box<Report>,
        loaded: bool,
        reread: bool,
        timing: Option<LoadTiming>,
    },
    /// No dropped file could be read: the dashboard keeps what it showed.
    Failed {
        errors: Vec<(String, Message)>,
    },
    /// The worker refused the settings: why.
    Refused(Message),
    Select(Selection),
    SetSettings(Settings),
    SetChoices(Choices),
    Cancelled,
    /// "Forget everything": no data, default settings, nothing loading.
    Forget,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Reading { sample } => {
                next.busy = true;
                next.loading_sample = sample;
                next.progress = None;
            }
            Action::Progress(progress) => next.progress = Some(progress),
            Action::Failed { errors } => {
                next.errors = errors;
                next.busy = false;
                next.progress = None;
            }
            Action::Report {
                report,
                loaded,
                reread,
                timing,
            } => {
                if reread {
                    next.errors = report
                        .errors
                        .iter()
                        .map(|e| (e.file.clone(), e.kind.message()))
                        .collect();
                }
                if loaded {
                    next.files = report.sources.iter().map(|s| s.file.clone()).collect();
                    next.errors = report
                        .errors
                        .iter()
                        .map(|e| (e.file.clone(), e.kind.message()))
                        .collect();
                    next.selection = Selection::default();
                    next.timing = timing;
                    next.is_sample = next.loading_sample;
                }
                // Why settings were refused (or a shared link's were not used) stays said until
                // other settings are applied: the first report of the page, with the settings it
                // opened with, must not wipe a link's reason before it can be read.
                if next.applied_settings != next.settings {
                    next.settings_error = None;
                }
                next.applied_settings = next.settings.clone();
                next.report_ms = timing.map(|t| t.ms);
                next.report = Some(Rc::new(*report));
                next.busy = false;
                next.progress = None;
            }
            Action::Refused(message) => {
                next.settings = next.applied_settings.clone();
                next.settings_error = Some(message);
                next.busy = false;
                next.progress = None;
            }
            Action::Select(selection) => next.selection = selection,
            Action::SetSettings(settings) => next.settings = settings,
            Action::SetChoices(choices) => next.choices = choices,
            Action::Cancelled => {
                next.busy = false;
                next.progress = None;
            }
            Action::Forget => {
                return Rc::new(AppState {
                    // A new state, not a cleared one: nothing of the data can stay behind.
                    ..AppState::default()
                });
            }
        }
        Rc::new(next)
    }
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.files == other.files
            && self.busy == other.busy
            && self.progress == other.progress
            && self.errors == other.errors
            && self.selection == other.selection
            && self.settings == other.settings
            && self.settings_error == other.settings_error
            && self.choices == other.choices
            && match (&self.report, &other.report) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// A shared report as a component property: equal when it is the same report.
#[derive(Clone, Debug)]
pub struct ReportRef(pub Rc<Report>);

impl PartialEq for ReportRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
