//! Tables built from the KPI definitions: the agent leaderboard and per-channel performance.
//! Each row is the catalogue's KPIs computed over that agent's (channel's) tickets, so a figure
//! here always agrees with the card of the same name.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{quality, satisfaction, team, timing, Context};
use crate::dataset::Dataset;
use crate::ingest::Field;
use crate::table::Categories;

/// One agent's line of the leaderboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgentRow {
    pub agent: String,
    pub tickets: usize,
    pub solved: usize,
    pub median_first_response_minutes: Option<f64>,
    pub median_resolution_minutes: Option<f64>,
    pub csat: Option<f64>,
    pub first_contact_resolution: Option<f64>,
    pub replies_per_ticket: Option<f64>,
    pub average_handle_minutes: Option<f64>,
    /// Handle time ÷ available time (settings: hours per agent per week).
    pub utilization: Option<f64>,
}

/// Per agent, most solved first.
pub fn agent_leaderboard(dataset: &Dataset, context: &Context) -> Vec<AgentRow> {
    let table = dataset.table();
    let mut rows: Vec<AgentRow> = group_by(dataset, &table.agent)
        .into_iter()
        .map(|(agent, subset)| AgentRow {
            agent,
            tickets: subset.len(),
            solved: subset
                .rows()
                .iter()
                .filter(|&&row| table.solved[row as usize])
                .count(),
            median_first_response_minutes: timing::first_response_time(&subset).value,
            median_resolution_minutes: timing::resolution_time(&subset).value,
            csat: satisfaction::csat(&subset).value,
            first_contact_resolution: quality::first_contact_resolution(&subset).value,
            replies_per_ticket: quality::replies_per_ticket(&subset).value,
            average_handle_minutes: timing::average_handle_time(&subset).value,
            utilization: team::agent_utilization(&subset, context).value,
        })
        .collect();
    rows.sort_by(|a, b| b.solved.cmp(&a.solved).then(a.agent.cmp(&b.agent)));
    rows
}

/// One channel's performance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelRow {
    pub channel: String,
    pub tickets: usize,
    pub median_first_response_minutes: Option<f64>,
    pub median_resolution_minutes: Option<f64>,
    pub csat: Option<f64>,
}

/// Per channel, busiest first.
pub fn channel_performance(dataset: &Dataset) -> Vec<ChannelRow> {
    let mut rows: Vec<ChannelRow> = group_by(dataset, &dataset.table().channel)
        .into_iter()
        .map(|(channel, subset)| ChannelRow {
            channel,
            tickets: subset.len(),
            median_first_response_minutes: timing::first_response_time(&subset).value,
            median_resolution_minutes: timing::resolution_time(&subset).value,
            csat: satisfaction::csat(&subset).value,
        })
        .collect();
    rows.sort_by(|a, b| b.tickets.cmp(&a.tickets).then(a.channel.cmp(&b.channel)));
    rows
}

/// The tickets of each value of `key` (tickets without one are left out), as datasets with the
/// same columns as the whole, but for channel and priority: a row shows each KPI's value only, so
/// the per-channel and per-priority breakdowns of every agent's KPIs would be work thrown away.
fn group_by(dataset: &Dataset, category: &Categories) -> BTreeMap<String, Dataset> {
    let mut template = dataset.part();
    template.fields.remove(&Field::Channel);
    template.fields.remove(&Field::Priority);
    // By code while grouping (a code is one text), named once at the end.
    let mut groups: Vec<Option<Dataset>> = (0..=category.names.len()).map(|_| None).collect();
    for &row in dataset.rows() {
        let code = category.codes[row as usize];
        if code != 0 {
            groups[code as usize]
                .get_or_insert_with(|| template.part())
                .push_row(row);
        }
    }
    groups
        .into_iter()
        .enumerate()
        .filter_map(|(code, group)| Some((category.name(code as u32)?.to_string(), group?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn leaderboard_rows_use_the_kpi_definitions() {
        // Ann: solved 1 (reply 10, 1 reply, Good) and 2 (reply 30, 2 replies, Bad); Bob: open 3.
        let data = dataset(
            "Id,Status,Via,Assignee,Created at,First reply time in minutes,Replies,Reopens,Satisfaction Score\n\
             1,Solved,Mail,Ann,2024-03-01 08:00,10,1,0,Good\n\
             2,Solved,Chat,Ann,2024-03-01 09:00,30,2,0,Bad\n\
             3,Open,Mail,Bob,2024-03-01 10:00,50,1,0,\n",
        );
        let rows = agent_leaderboard(&data, &crate::kpi::tests::context(&data));
        assert_eq!(rows[0].agent, "Ann");
        assert_eq!((rows[0].tickets, rows[0].solved), (2, 2));
        // Median of 10 and 30.
        assert_eq!(rows[0].median_first_response_minutes, Some(20.0));
        assert_eq!(rows[0].csat, Some(50.0));
        // One of two solved with exactly one reply.
        assert_eq!(rows[0].first_contact_resolution, Some(50.0));
        assert_eq!(rows[1].agent, "Bob");
        assert_eq!(rows[1].solved, 0);
        assert_eq!(rows[1].first_contact_resolution, None);
        let channels = channel_performance(&data);
        // email: tickets 1 and 3 → replies 10, 50 → median 30.
        assert_eq!(channels[0].channel, "email");
        assert_eq!(channels[0].median_first_response_minutes, Some(30.0));
    }
}
