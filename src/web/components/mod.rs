//! Components: functions of their properties that only render.

mod cards;
mod charts;
mod messages;
mod sources;

pub use cards::Cards;
pub use charts::{ChannelChart, CreatedVsSolvedChart};
pub use messages::Messages;
pub use sources::Sources;

use yew::Properties;

use super::state::ReportRef;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: ReportRef,
}
