//! Tables built from the KPI definitions: the agent leaderboard and per-channel performance.
//! Each row is the catalogue's KPIs computed over that agent's (channel's) tickets, so a figure
//! here always agrees with the card of the same name.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::quality::SolvedReplies;
use super::satisfaction::Ratings;
use super::tally::{Gates, Median};
use super::team::{self, DaySpan};
use super::timing::{self, Mean};
use super::{Context, Kpi};
use crate::dataset::Dataset;
use crate::model::table::{Categories, Duration, TicketTable};
use crate::model::Field;

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
    let mut board = AgentBoard::new(dataset, context);
    for &row in dataset.rows() {
        board.add(row as usize);
    }
    board.rows()
}

/// The agent leaderboard folded row by row: `add` each row of the dataset once, then `rows`.
pub struct AgentBoard<'t, 'c> {
    dataset: &'t Dataset,
    context: &'t Context<'c>,
    gates: Gates,
    tallies: Tallies<'t>,
}

impl<'t, 'c> AgentBoard<'t, 'c> {
    pub fn new(dataset: &'t Dataset, context: &'t Context<'c>) -> AgentBoard<'t, 'c> {
        let gates = Gates::of(dataset, context.settings.agent_hours_per_week);
        AgentBoard {
            dataset,
            context,
            tallies: Tallies::new(dataset, &dataset.table().agent),
            gates,
        }
    }

    #[inline]
    pub fn add(&mut self, row: usize) {
        self.tallies.add(row, &self.gates);
    }

    /// The leaderboard of the rows added.
    pub fn rows(self) -> Vec<AgentRow> {
        let (gates, context) = (&self.gates, self.context);
        let table = self.dataset.table();
        let mut rows: Vec<AgentRow> = self
            .tallies
            .named(&table.agent)
            .into_iter()
            .map(|(agent, tally)| {
                // An agent's tickets are those of one agent.
                let utilization = gates.hours_per_week.and_then(|hours| {
                    let days = context.period_days.or_else(|| tally.days.days())?;
                    team::utilization(hours, 1, tally.handle.sum, days).value
                });
                AgentRow {
                    agent,
                    tickets: tally.tickets,
                    solved: tally.solved,
                    median_first_response_minutes: tally.first_response.median(),
                    median_resolution_minutes: tally.resolution.median(),
                    csat: csat(&tally.ratings, gates),
                    first_contact_resolution: gates
                        .replies
                        .then(|| tally.replies.first_contact_resolution(gates.reopens).value)
                        .flatten(),
                    replies_per_ticket: gates
                        .replies
                        .then(|| tally.replies.replies_per_ticket().value)
                        .flatten(),
                    average_handle_minutes: gates
                        .handle
                        .then(|| tally.handle.average_handle_time().value)
                        .flatten(),
                    utilization,
                }
            })
            .collect();
        rows.sort_by(|a, b| b.solved.cmp(&a.solved).then(a.agent.cmp(&b.agent)));
        rows
    }
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
    let gates = Gates::of(dataset, None);
    let first_response = gates
        .first_response
        .then(|| timing::first_response_time(dataset));
    let resolution = gates.resolution.then(|| timing::resolution_time(dataset));
    channel_performance_with(dataset, first_response.as_ref(), resolution.as_ref())
}

/// The same, given the selection's `first_response_time` and `resolution_time` cards (`None`
/// where the data cannot have them): their medians per channel are the rows' medians (the same
/// samples of the same rows), so only the tickets and ratings are counted here, not the times
/// again.
pub fn channel_performance_with(
    dataset: &Dataset,
    first_response: Option<&Kpi>,
    resolution: Option<&Kpi>,
) -> Vec<ChannelRow> {
    // No handle time in these rows: not read.
    let gates = Gates {
        handle: false,
        ..Gates::of(dataset, None)
    };
    let table = dataset.table();
    let channel = &table.channel;
    let mut rows: Vec<ChannelRow> = if dataset.has(Field::Channel) {
        let mut counts = vec![(0usize, Ratings::default()); channel.names.len() + 1];
        for &row in dataset.rows() {
            let row = row as usize;
            let (tickets, ratings) = &mut counts[channel.codes[row] as usize];
            *tickets += 1;
            ratings.add(table.satisfaction[row]);
        }
        let median = |card: Option<&Kpi>, name: &str| {
            card.and_then(|kpi| kpi.by_channel.get(name))
                .and_then(|kpi| kpi.value)
        };
        counts
            .iter()
            .enumerate()
            .filter(|(_, (tickets, _))| *tickets > 0)
            .filter_map(|(code, (tickets, ratings))| {
                let name = channel.name(code as u32)?;
                Some(ChannelRow {
                    channel: name.to_string(),
                    tickets: *tickets,
                    median_first_response_minutes: median(first_response, name),
                    median_resolution_minutes: median(resolution, name),
                    csat: csat(ratings, &gates),
                })
            })
            .collect()
    } else {
        // Channels without a channel column (none of the cards' breakdowns): tallied.
        tally_by(dataset, channel, &gates)
            .into_iter()
            .map(|(channel, tally)| ChannelRow {
                channel,
                tickets: tally.tickets,
                median_first_response_minutes: tally.first_response.median(),
                median_resolution_minutes: tally.resolution.median(),
                csat: csat(&tally.ratings, &gates),
            })
            .collect()
    };
    rows.sort_by(|a, b| b.tickets.cmp(&a.tickets).then(a.channel.cmp(&b.channel)));
    rows
}

/// One group's rows folded into the counts of the KPIs the tables show: the same counts the
/// KPI functions make over their rows (`Ratings`, `SolvedReplies`, `Mean`, the timing samples),
/// so that a row of a table is the card over that group.
struct Tally<'t> {
    tickets: usize,
    solved: usize,
    first_response: Median<'t>,
    resolution: Median<'t>,
    ratings: Ratings,
    replies: SolvedReplies,
    handle: Mean,
    days: DaySpan,
}

/// `csat` of a group's ratings, where the export has them.
fn csat(ratings: &Ratings, gates: &Gates) -> Option<f64> {
    gates.satisfaction.then(|| ratings.csat().value).flatten()
}

/// The rows of each value of `key` (rows without one are left out) folded into a tally, in one
/// pass over the dataset's rows: one pass per group and KPI read each column once per group.
fn tally_by<'t>(
    dataset: &'t Dataset,
    category: &'t Categories,
    gates: &Gates,
) -> BTreeMap<String, Tally<'t>> {
    let mut tallies = Tallies::new(dataset, category);
    for &row in dataset.rows() {
        tallies.add(row as usize, gates);
    }
    tallies.named(category)
}

/// Each code's tally of a category, filled row by row.
struct Tallies<'t> {
    table: &'t TicketTable,
    codes: &'t [u32],
    /// By code while counting (a code is one text), named once at the end.
    groups: Vec<Option<Tally<'t>>>,
}

impl<'t> Tallies<'t> {
    fn new(dataset: &'t Dataset, category: &'t Categories) -> Tallies<'t> {
        Tallies {
            table: dataset.table(),
            codes: &category.codes,
            groups: (0..=category.names.len()).map(|_| None).collect(),
        }
    }

    #[inline]
    fn add(&mut self, row: usize, gates: &Gates) {
        let table = self.table;
        let code = self.codes[row] as usize;
        if code == 0 {
            return;
        }
        let tally = self.groups[code].get_or_insert_with(|| Tally {
            tickets: 0,
            solved: 0,
            first_response: Median::of(table, gates.first_response, Duration::FirstResponse),
            resolution: Median::of(table, gates.resolution, Duration::Resolution),
            ratings: Ratings::default(),
            replies: SolvedReplies::default(),
            handle: Mean::default(),
            days: DaySpan::default(),
        });
        tally.tickets += 1;
        tally.solved += usize::from(table.solved[row]);
        tally.first_response.add_first_response(row);
        tally.resolution.add_resolution(table, row);
        tally.ratings.add(table.satisfaction[row]);
        tally.replies.add(table, row);
        if gates.handle {
            tally.handle.add(table.handle_minutes[row].get());
            tally.days.add(table.created.at(row).get());
        }
    }

    fn named(self, category: &Categories) -> BTreeMap<String, Tally<'t>> {
        self.groups
            .into_iter()
            .enumerate()
            .filter_map(|(code, tally)| Some((category.name(code as u32)?.to_string(), tally?)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;
    use crate::kpi::KpiId;
    use crate::selection::Selection;
    use crate::settings::Settings;

    /// Each row of both tables equals the KPI functions over that agent's (channel's) tickets,
    /// selected as the filter selects them: on the generated sample (every column but handle
    /// time, several thousand tickets, big groups counted in buckets) and on a Freshdesk export
    /// (handle time, utilisation, no reopen count).
    #[test]
    fn every_row_is_the_card_over_its_tickets() {
        let sample = crate::ingest::read_export("z.csv", &crate::sample::zendesk_csv(5)).unwrap();
        let freshdesk = std::fs::read("tests/fixtures/freshdesk_small.csv").unwrap();
        let freshdesk = crate::ingest::read_export("f.csv", &freshdesk).unwrap();
        let settings = Settings {
            agent_hours_per_week: Some(10.0),
            ..Settings::default()
        };
        // An open ticket with a resolution time (reopened after a solve): not a resolution.
        let reopened = crate::ingest::read_export(
            "r.csv",
            b"Id,Status,Via,Assignee,Created at,First reply time in minutes,Full resolution time in minutes,Replies\n\
              1,Solved,Mail,Ann,2024-03-01 08:00,10,60,1\n\
              2,Open,Mail,Ann,2024-03-01 09:00,20,5,2\n\
              3,Solved,Chat,Bob,2024-03-01 10:00,,90,\n",
        )
        .unwrap();
        for export in [sample, freshdesk, reopened] {
            let data = Dataset::merge(vec![export]);
            let compiled = settings.compile().unwrap();
            let context = Context::new(&compiled, data.as_of(), None);
            let agents = agent_leaderboard(&data, &context);
            assert!(agents.len() > 1);
            for row in &agents {
                let part = data.select(&Selection {
                    agent: vec![row.agent.clone()],
                    ..Selection::default()
                });
                let card = |id: KpiId| id.definition().compute(&part, &context).value;
                let expected = AgentRow {
                    agent: row.agent.clone(),
                    tickets: part.len(),
                    solved: part
                        .rows()
                        .iter()
                        .filter(|&&r| part.table().solved[r as usize])
                        .count(),
                    median_first_response_minutes: card(KpiId::FirstResponseTime),
                    median_resolution_minutes: card(KpiId::ResolutionTime),
                    csat: card(KpiId::Csat),
                    first_contact_resolution: card(KpiId::FirstContactResolution),
                    replies_per_ticket: card(KpiId::RepliesPerTicket),
                    average_handle_minutes: card(KpiId::AverageHandleTime),
                    utilization: card(KpiId::AgentUtilization),
                };
                assert_eq!(row, &expected);
            }
            for row in channel_performance(&data) {
                let part = data.select(&Selection {
                    channel: vec![row.channel.clone()],
                    ..Selection::default()
                });
                let card = |id: KpiId| id.definition().compute(&part, &context).value;
                assert_eq!(row.tickets, part.len());
                assert_eq!(
                    row.median_first_response_minutes,
                    card(KpiId::FirstResponseTime)
                );
                assert_eq!(row.median_resolution_minutes, card(KpiId::ResolutionTime));
                assert_eq!(row.csat, card(KpiId::Csat));
            }
        }
    }

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
