//! The tickets as typed columns: what a refilter walks instead of the ticket structs.
//!
//! A report over a selection touches a few fields of every selected ticket, once per KPI. Read
//! from 300-byte structs that is a walk over most of the memory each time; read from columns it
//! is a walk over a few bytes a ticket. The table is built once per dataset (categories interned
//! into codes, per-ticket durations worked out once), and a selection is a list of rows of it.

use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use crate::kpi::timing;
use crate::model::{OptNumber, OptTime, Text, Ticket};

/// A category as codes: `codes[row]` is 0 for a blank cell, else one more than the index of
/// its text in `names`. Two cells with the same text have the same code.
#[derive(Debug, Default)]
pub struct Categories {
    pub codes: Vec<u32>,
    pub names: Vec<Text>,
}

impl Categories {
    fn build<'t>(values: impl Iterator<Item = Option<&'t str>>) -> Categories {
        let mut index: HashMap<&str, u32> = HashMap::default();
        let mut names = Vec::new();
        let codes = values
            .map(|value| match value {
                None => 0,
                Some(text) => *index.entry(text).or_insert_with(|| {
                    names.push(Text::from(text));
                    names.len() as u32
                }),
            })
            .collect();
        Categories { codes, names }
    }

    /// The text of a code; `None` for blank.
    pub fn name(&self, code: u32) -> Option<&str> {
        let index = usize::try_from(code).ok()?.checked_sub(1)?;
        self.names.get(index).map(|name| &**name)
    }

    /// Which codes one of `wanted` names, ignoring ASCII case as the filters do; `None` when
    /// nothing is wanted (no filter).
    pub fn wanted(&self, wanted: &[String]) -> Option<Vec<bool>> {
        if wanted.is_empty() {
            return None;
        }
        let named = |name: &str| wanted.iter().any(|w| w.eq_ignore_ascii_case(name));
        Some(
            std::iter::once(false)
                .chain(self.names.iter().map(|name| named(name)))
                .collect(),
        )
    }
}

/// Each ticket's tags as codes: row `r` holds `codes[starts[r]..starts[r + 1]]`.
#[derive(Debug, Default)]
pub struct TagLists {
    pub starts: Vec<u32>,
    pub tags: Categories,
}

impl TagLists {
    pub fn of(&self, row: usize) -> &[u32] {
        &self.tags.codes[self.starts[row] as usize..self.starts[row + 1] as usize]
    }
}

/// The columns the refilter-heavy parts of the report read, one entry per ticket of the
/// dataset, in its order.
#[derive(Debug, Default)]
pub struct TicketTable {
    /// The tickets themselves, for what no column holds (the rarer KPIs, the schedule's
    /// business minutes): shared, not copied.
    pub tickets: Vec<Rc<Ticket>>,
    pub created: Vec<OptTime>,
    pub solved_at: Vec<OptTime>,
    /// Solved per the catalogue (`Ticket::is_solved`).
    pub solved: Vec<bool>,
    pub status: Categories,
    pub channel: Categories,
    pub priority: Categories,
    pub ticket_type: Categories,
    pub group: Categories,
    pub agent: Categories,
    pub tags: TagLists,
    /// Calendar minutes to the first reply and to the final solve, by the catalogue's timing
    /// source priority (`timing::calendar_first_response`, `timing::calendar_resolution`).
    pub first_response_minutes: Vec<OptNumber>,
    pub resolution_minutes: Vec<OptNumber>,
    /// Business minutes from the export's own columns (the schedule's are per settings).
    pub first_response_business_minutes: Vec<OptNumber>,
    pub resolution_business_minutes: Vec<OptNumber>,
    /// Rows left out of a timing KPI because their end comes before their creation.
    pub reply_before_creation: Vec<bool>,
    pub solve_before_creation: Vec<bool>,
}

impl TicketTable {
    /// The table of `tickets`, whose times are wall clock of `zone`.
    pub fn build(tickets: &[Rc<Ticket>], zone: Option<chrono_tz::Tz>) -> TicketTable {
        let column =
            |read: fn(&Ticket) -> Option<&str>| Categories::build(tickets.iter().map(|t| read(t)));
        let mut starts = Vec::with_capacity(tickets.len() + 1);
        starts.push(0);
        let tag_texts = tickets.iter().flat_map(|t| {
            starts.push(starts.last().copied().unwrap_or(0) + t.tags.len() as u32);
            t.tags.iter().map(|tag| Some(&**tag))
        });
        let tag_codes = Categories::build(tag_texts);
        TicketTable {
            created: tickets.iter().map(|t| t.created_at).collect(),
            solved_at: tickets.iter().map(|t| t.solved_at).collect(),
            solved: tickets.iter().map(|t| t.is_solved()).collect(),
            status: column(|t| t.status.as_ref().map(|s| s.as_str())),
            channel: column(|t| t.channel.as_deref()),
            priority: column(|t| t.priority.as_deref()),
            ticket_type: column(|t| t.ticket_type.as_deref()),
            group: column(|t| t.group.as_deref()),
            agent: column(|t| t.agent.as_deref()),
            tags: TagLists {
                starts,
                tags: tag_codes,
            },
            first_response_minutes: tickets
                .iter()
                .map(|t| timing::calendar_first_response(t, zone).into())
                .collect(),
            resolution_minutes: tickets
                .iter()
                .map(|t| timing::calendar_resolution(t, zone).into())
                .collect(),
            first_response_business_minutes: tickets
                .iter()
                .map(|t| t.first_response_business_minutes)
                .collect(),
            resolution_business_minutes: tickets
                .iter()
                .map(|t| t.resolution_business_minutes)
                .collect(),
            reply_before_creation: tickets.iter().map(timing::reply_before_creation).collect(),
            solve_before_creation: tickets.iter().map(timing::solve_before_creation).collect(),
            tickets: tickets.to_vec(),
        }
    }

    pub fn len(&self) -> usize {
        self.tickets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tickets.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn categories_share_codes_and_blank_is_zero() {
        let data = dataset(
            "Id,Status,Via,Created at,Tags\n\
             1,Solved,Mail,2024-01-01 09:00,vip billing\n\
             2,Open,Chat,2024-01-01 10:00,billing\n\
             3,Open,,2024-01-01 11:00,\n\
             4,Open,Mail,2024-01-01 12:00,vip\n",
        );
        let table = TicketTable::build(&data.tickets, None);
        assert_eq!(table.channel.codes, [1, 2, 0, 1]);
        assert_eq!(table.channel.name(1), Some("email"));
        assert_eq!(table.channel.name(0), None);
        assert_eq!(table.solved, [true, false, false, false]);
        // Tags: vip = 1, billing = 2.
        assert_eq!(table.tags.of(0), [1, 2]);
        assert_eq!(table.tags.of(1), [2]);
        assert_eq!(table.tags.of(2), [] as [u32; 0]);
        assert_eq!(table.tags.of(3), [1]);
        assert_eq!(
            table.channel.wanted(&["EMAIL".into()]),
            Some(vec![false, true, false])
        );
        assert_eq!(table.channel.wanted(&[]), None);
    }
}
