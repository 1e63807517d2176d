//! The page's one state and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

use crate::report::Report;

#[derive(Clone, Debug, Default)]
pub struct AppState {
    /// Names of the files the report was computed from, in order.
    pub files: Vec<String>,
    pub report: Option<Rc<Report>>,
    pub is_sample: bool,
    /// Files that could not be read: (file name, what to do).
    pub errors: Vec<(String, String)>,
    pub busy: bool,
}

pub enum Action {
    Reading,
    Loaded {
        files: Vec<String>,
        report: Box<Report>,
        is_sample: bool,
        errors: Vec<(String, String)>,
    },
    /// No dropped file could be read: the dashboard keeps what it showed.
    Failed {
        errors: Vec<(String, String)>,
    },
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Reading => Rc::new(AppState {
                busy: true,
                ..(*self).clone()
            }),
            Action::Loaded {
                files,
                report,
                is_sample,
                errors,
            } => Rc::new(AppState {
                files,
                report: Some(Rc::new(*report)),
                is_sample,
                errors,
                busy: false,
            }),
            Action::Failed { errors } => Rc::new(AppState {
                errors,
                busy: false,
                ..(*self).clone()
            }),
        }
    }
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.files == other.files
            && self.busy == other.busy
            && self.errors == other.errors
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
