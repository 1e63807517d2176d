//! Components: functions of their properties that only render and emit.

mod breakdown_chart;
mod cards;
mod chart_caption;
mod chart_download;
mod charts;
mod distribution_chart;
mod empty_state;
mod exports;
mod feedback;
mod file_reading;
mod filters;
mod leaderboard;
mod messages;
mod reading_doubts;
mod satisfaction_chart;
mod settings_field;
mod settings_form;
mod settings_panel;
mod settings_targets;
mod sources;
mod sparkline;
mod tables;
mod value_readings;

pub use breakdown_chart::BreakdownChart;
pub use cards::Cards;
pub use chart_caption::{describe as describe_selection, ChartSelection};
pub use charts::{BacklogChart, CreatedVsSolvedChart, HeatMap};
pub use distribution_chart::DistributionChart;
pub use empty_state::{Emptiness, EmptyState};
pub use exports::Exports;
pub use feedback::Feedback;
pub use file_reading::reveal as reveal_reading;
pub use filters::FilterBar;
pub use leaderboard::Leaderboard;
pub use messages::Messages;
pub use reading_doubts::ReadingDoubts;
pub use satisfaction_chart::SatisfactionChart;
pub use settings_panel::SettingsPanel;
pub use sources::Sources;
pub use tables::{ChannelTable, SlaBreaches};

use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::{Event, Properties};

use super::state::ReportRef;

/// The new value of the select an event came from.
fn select_value(event: &Event) -> Option<String> {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
}

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: ReportRef,
}
