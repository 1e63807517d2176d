//! The page's one state and the actions that change it. The report is recomputed from the
//! loaded data whenever the selection or the settings change — no file is read again.

use std::rc::Rc;

use yew::Reducible;

use crate::dataset::Dataset;
use crate::ingest::IngestError;
use crate::report::Report;
use crate::selection::Selection;
use crate::settings::Settings;

#[derive(Clone, Debug, Default)]
pub struct AppState {
    /// Names of the files behind the dashboard, in order.
    pub files: Vec<String>,
    /// The files as read, kept to read them again when the report's time zone changes.
    pub raw: Rc<Vec<(String, Vec<u8>)>>,
    pub dataset: Option<Rc<Dataset>>,
    pub ingest_errors: Vec<IngestError>,
    pub report: Option<Rc<Report>>,
    pub is_sample: bool,
    pub selection: Selection,
    pub settings: Settings,
    /// Files that could not be read: (file name, what to do).
    pub errors: Vec<(String, String)>,
    /// Why the last settings were refused.
    pub settings_error: Option<String>,
    pub busy: bool,
}

pub enum Action {
    Reading,
    Loaded {
        raw: Rc<Vec<(String, Vec<u8>)>>,
        dataset: Box<Dataset>,
        ingest_errors: Vec<IngestError>,
        is_sample: bool,
        /// Files the browser could not read at all.
        read_errors: Vec<(String, String)>,
    },
    /// No dropped file could be read: the dashboard keeps what it showed.
    Failed {
        errors: Vec<(String, String)>,
    },
    Select(Selection),
    SetSettings(Settings),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Reading => next.busy = true,
            Action::Failed { errors } => {
                next.errors = errors;
                next.busy = false;
            }
            Action::Loaded {
                raw,
                dataset,
                ingest_errors,
                is_sample,
                read_errors,
            } => {
                next.raw = raw;
                next.files = dataset.sources.iter().map(|s| s.file.clone()).collect();
                next.errors = read_errors;
                next.errors.extend(
                    ingest_errors
                        .iter()
                        .map(|e| (e.file.clone(), e.message.clone())),
                );
                next.dataset = Some(Rc::new(*dataset));
                next.ingest_errors = ingest_errors;
                next.is_sample = is_sample;
                next.selection = Selection::default();
                next.busy = false;
                next.recompute();
            }
            Action::Select(selection) => {
                next.selection = selection;
                next.recompute();
            }
            Action::SetSettings(settings) => {
                let zone_changed = settings.time_zone != next.settings.time_zone
                    || settings.csat_scale_max != next.settings.csat_scale_max;
                let previous = std::mem::replace(&mut next.settings, settings);
                if zone_changed {
                    next.reload();
                }
                if !next.recompute() {
                    next.settings = previous;
                }
            }
        }
        Rc::new(next)
    }
}

impl AppState {
    /// Reads the kept files again in the report's time zone (instants become its wall clock).
    fn reload(&mut self) {
        let Ok(options) = self.settings.read_options() else {
            return; // `recompute` reports the bad zone.
        };
        if self.raw.is_empty() {
            return;
        }
        let (dataset, errors) = crate::load_in(
            self.raw.iter().map(|(n, b)| (n.as_str(), b.as_slice())),
            &options,
        );
        self.dataset = Some(Rc::new(dataset));
        self.ingest_errors = errors;
    }

    /// Recomputes the report; false (and the reason kept) when the settings are refused.
    fn recompute(&mut self) -> bool {
        let Some(dataset) = &self.dataset else {
            return true;
        };
        match Report::build_with(
            dataset,
            self.ingest_errors.clone(),
            &self.settings,
            &self.selection,
        ) {
            Ok(report) => {
                self.report = Some(Rc::new(report));
                self.settings_error = None;
                true
            }
            Err(message) => {
                self.settings_error = Some(message);
                false
            }
        }
    }
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.files == other.files
            && self.busy == other.busy
            && self.errors == other.errors
            && self.selection == other.selection
            && self.settings == other.settings
            && self.settings_error == other.settings_error
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
