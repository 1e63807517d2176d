//! The selection: a date range on `created_at` and categorical filters, applied in the engine so
//! the page and the CLI select the same tickets (catalogue, "Conventions").

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::table::TicketTable;
use crate::model::time::calendar::day_of;
use crate::model::{Call, SurveyAnswer, Timestamp};

/// Which tickets the KPIs are computed over. Empty lists select everything; several values in
/// one list are alternatives (channel is email OR chat); different lists must all match.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Selection {
    /// First creation day included.
    pub from: Option<NaiveDate>,
    /// Last creation day included.
    pub to: Option<NaiveDate>,
    pub channel: Vec<String>,
    pub group: Vec<String>,
    pub agent: Vec<String>,
    pub priority: Vec<String>,
    #[serde(rename = "type")]
    pub ticket_type: Vec<String>,
    pub tag: Vec<String>,
}

impl Selection {
    /// Within the date range (everything when none is set; nothing without a time when one is).
    fn in_range(&self, time: Option<Timestamp>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(day) = time.and_then(day_of) else {
            return false;
        };
        !(self.from.is_some_and(|from| day < from) || self.to.is_some_and(|to| day > to))
    }

    /// Ticket-only filters are set: channel, group, priority, type or tag.
    fn filters_tickets_only(&self) -> bool {
        !(self.channel.is_empty()
            && self.group.is_empty()
            && self.priority.is_empty()
            && self.ticket_type.is_empty()
            && self.tag.is_empty())
    }

    /// Calls by their start and agent.
    pub fn matches_call(&self, call: &Call) -> bool {
        self.in_range(call.started_at)
            && (self.agent.is_empty()
                || call
                    .agent
                    .as_ref()
                    .is_some_and(|a| self.agent.iter().any(|w| w.eq_ignore_ascii_case(a))))
    }

    /// Survey answers that name no ticket of the data count by their date, and only while no
    /// ticket filter is set (they belong to no channel, group, agent, ...).
    pub fn matches_answer(&self, answer: &SurveyAnswer) -> bool {
        self.in_range(answer.answered_at) && !self.filters_tickets_only() && self.agent.is_empty()
    }

    /// The selection compiled against a table's codes: which rows it keeps, by comparing
    /// numbers instead of texts.
    pub fn row_filter(&self, table: &TicketTable) -> RowFilter {
        let midnight = |day: NaiveDate| day.and_time(chrono::NaiveTime::MIN).and_utc().timestamp();
        let range = (self.from.is_some() || self.to.is_some()).then(|| {
            let start = self.from.map_or(i64::MIN, midnight);
            let end = self
                .to
                .and_then(|to| to.succ_opt())
                .map_or(i64::MAX, midnight);
            (start, end)
        });
        RowFilter {
            range,
            categories: [
                table.channel.wanted(&self.channel),
                table.group.wanted(&self.group),
                table.agent.wanted(&self.agent),
                table.priority.wanted(&self.priority),
                table.ticket_type.wanted(&self.ticket_type),
            ],
            tags: table.tags.tags.wanted(&self.tag),
        }
    }

    /// The values of the filter `name` (`channel`, `group`, `agent`, `priority`, `type`, `tag`
    /// as the CLI's flags name them); `None` for a field the selection cannot filter by.
    pub fn filter_mut(&mut self, name: &str) -> Option<&mut Vec<String>> {
        match name {
            "channel" => Some(&mut self.channel),
            "group" => Some(&mut self.group),
            "agent" => Some(&mut self.agent),
            "priority" => Some(&mut self.priority),
            "type" => Some(&mut self.ticket_type),
            "tag" => Some(&mut self.tag),
            _ => None,
        }
    }

    /// Days in the range, when both ends are set.
    pub fn days(&self) -> Option<i64> {
        Some((self.to? - self.from?).num_days() + 1).filter(|d| *d > 0)
    }

    /// The same filters over the range of the same length just before this one.
    pub fn previous(&self) -> Option<Selection> {
        let days = self.days()?;
        let from = self.from?.checked_sub_signed(Duration::days(days))?;
        let to = self.from?.pred_opt()?;
        Some(Selection {
            from: Some(from),
            to: Some(to),
            ..self.clone()
        })
    }

    /// A date range is set or filters are: the report says so.
    pub fn is_everything(&self) -> bool {
        *self == Selection::default()
    }
}

/// A selection as a table's codes: which codes each filter keeps, and the range in seconds.
pub struct RowFilter {
    /// Created at or after the first, before the second.
    range: Option<(Timestamp, Timestamp)>,
    /// Channel, group, agent, priority and type: `wanted[code]`, or `None` for no filter.
    categories: [Option<Vec<bool>>; 5],
    tags: Option<Vec<bool>>,
}

impl RowFilter {
    /// The rows of `rows` that pass every filter, in order: one pass per filter set, each over
    /// the rows the ones before it kept.
    pub fn select(&self, table: &TicketTable, rows: &[u32]) -> Vec<u32> {
        let mut kept = rows.to_vec();
        if let Some((start, end)) = self.range {
            let created = &table.created;
            narrow(&mut kept, |row| {
                created
                    .at(row)
                    .get()
                    .is_some_and(|created| start <= created && created < end)
            });
        }
        let columns = [
            &table.channel,
            &table.group,
            &table.agent,
            &table.priority,
            &table.ticket_type,
        ];
        for (wanted, column) in self.categories.iter().zip(columns) {
            if let Some(wanted) = wanted {
                let codes = &column.codes;
                narrow(&mut kept, |row| wanted[codes[row] as usize]);
            }
        }
        if let Some(wanted) = &self.tags {
            narrow(&mut kept, |row| {
                table.tags.of(row).iter().any(|&tag| wanted[tag as usize])
            });
        }
        kept
    }
}

/// Keeps the rows `keep` says, in order. Every row is written and the count moved on for the
/// kept ones, not branched on: a filter keeps rows in no pattern a branch predictor could learn.
fn narrow(rows: &mut Vec<u32>, keep: impl Fn(usize) -> bool) {
    let mut kept = 0;
    for at in 0..rows.len() {
        let row = rows[at];
        rows[kept] = row;
        kept += usize::from(keep(row as usize));
    }
    rows.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Ticket;

    /// The selection's choice written over a ticket's texts: the oracle the row filter is
    /// checked against.
    fn matches(selection: &Selection, ticket: &Ticket) -> bool {
        let this = selection;
        if !this.in_range(ticket.created_at.get()) {
            return false;
        }
        let any = |wanted: &[String], value: Option<&str>| {
            wanted.is_empty()
                || value.is_some_and(|v| wanted.iter().any(|w| w.eq_ignore_ascii_case(v)))
        };
        any(&this.channel, ticket.channel.as_deref())
            && any(&this.group, ticket.group.as_deref())
            && any(&this.agent, ticket.agent.as_deref())
            && any(&this.priority, ticket.priority.as_deref())
            && any(&this.ticket_type, ticket.ticket_type.as_deref())
            && (this.tag.is_empty()
                || ticket
                    .tags
                    .iter()
                    .any(|t| this.tag.iter().any(|w| w.eq_ignore_ascii_case(t))))
    }

    /// Whether the selection's row filter keeps a table of this one ticket.
    fn keeps(selection: &Selection, ticket: Ticket) -> bool {
        let table = TicketTable::of_tickets(&[ticket], None);
        !selection.row_filter(&table).select(&table, &[0]).is_empty()
    }

    fn ticket(day: u32, channel: &str, tags: &[&str]) -> Ticket {
        let created = NaiveDate::from_ymd_opt(2024, 3, day)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp();
        Ticket {
            // One ticket per day and channel in these tests.
            id: format!("{day} {channel}"),
            created_at: Some(created).into(),
            channel: Some(channel.into()),
            tags: tags.iter().map(|&t| t.into()).collect(),
            ..Ticket::default()
        }
    }

    #[test]
    fn range_is_inclusive_and_filters_combine() {
        let day = |d| NaiveDate::from_ymd_opt(2024, 3, d);
        let selection = Selection {
            from: day(2),
            to: day(4),
            channel: vec!["Email".into(), "chat".into()],
            ..Selection::default()
        };
        assert!(!keeps(&selection, ticket(1, "email", &[])));
        assert!(keeps(&selection, ticket(2, "email", &[])));
        assert!(keeps(&selection, ticket(4, "chat", &[])));
        assert!(!keeps(&selection, ticket(4, "phone", &[])));
        assert!(!keeps(&selection, ticket(5, "email", &[])));
        let tagged = Selection {
            tag: vec!["vip".into()],
            ..Selection::default()
        };
        assert!(keeps(&tagged, ticket(1, "email", &["vip", "billing"])));
        assert!(!keeps(&tagged, ticket(1, "email", &["billing"])));
        let mut by_name = Selection::default();
        by_name.filter_mut("type").unwrap().push("incident".into());
        assert_eq!(by_name.ticket_type, ["incident"]);
        assert!(by_name.filter_mut("status").is_none());
    }

    #[test]
    fn the_row_filter_keeps_what_matches_keeps() {
        let tickets: [Ticket; 5] = [
            ticket(1, "email", &["vip"]),
            ticket(2, "Email", &["billing", "VIP"]),
            ticket(4, "chat", &[]),
            ticket(5, "phone", &["vip"]),
            Ticket {
                id: "no time, no channel".into(),
                ..Ticket::default()
            },
        ];
        let table = TicketTable::of_tickets(&tickets, None);
        let day = |d| NaiveDate::from_ymd_opt(2024, 3, d);
        let selections = [
            Selection::default(),
            Selection {
                from: day(2),
                to: day(4),
                ..Selection::default()
            },
            Selection {
                to: day(1),
                ..Selection::default()
            },
            Selection {
                from: day(5),
                ..Selection::default()
            },
            Selection {
                channel: vec!["EMAIL".into(), "phone".into()],
                tag: vec!["vip".into()],
                ..Selection::default()
            },
            Selection {
                channel: vec!["sms".into()],
                ..Selection::default()
            },
        ];
        let all: Vec<u32> = (0..tickets.len() as u32).collect();
        for selection in selections {
            let filter = selection.row_filter(&table);
            let expected: Vec<u32> = all
                .iter()
                .copied()
                .filter(|&row| matches(&selection, &tickets[row as usize]))
                .collect();
            assert_eq!(filter.select(&table, &all), expected, "{selection:?}");
            // From a part of the rows: the same choice among them.
            let odd: Vec<u32> = all.iter().copied().filter(|row| row % 2 == 1).collect();
            let expected_odd: Vec<u32> = expected.into_iter().filter(|row| row % 2 == 1).collect();
            assert_eq!(filter.select(&table, &odd), expected_odd, "{selection:?}");
        }
    }

    #[test]
    fn previous_period_has_the_same_length() {
        let day = |d| NaiveDate::from_ymd_opt(2024, 3, d);
        // Mar 8–14 (7 days) → Mar 1–7.
        let selection = Selection {
            from: day(8),
            to: day(14),
            ..Selection::default()
        };
        let previous = selection.previous().unwrap();
        assert_eq!((previous.from, previous.to), (day(1), day(7)));
        assert_eq!(Selection::default().previous(), None);
    }
}
