//! The tickets as typed columns: what a refilter walks instead of the ticket structs.
//!
//! A report over a selection touches a few fields of every selected ticket, once per KPI. Read
//! from 300-byte structs that is a walk over most of the memory each time; read from columns it
//! is a walk over a few bytes a ticket. The table is built once per dataset (categories interned
//! into codes, per-ticket durations worked out once), and a selection is a list of rows of it.

mod ranked;

use std::cell::OnceCell;
use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use crate::kpi::timing;
use crate::model::{Happiness, OptNumber, OptTime, Satisfaction, Text, Ticket};
pub use ranked::{Ranked, Sample};

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
    /// Public agent replies and reopens, where the export says (any `u32` is a count an export
    /// may hold, so none can stand for "unknown").
    pub replies: Vec<Option<u32>>,
    pub reopens: Vec<Option<u32>>,
    pub satisfaction: Vec<Answer>,
    /// The rating's own score on numeric scales.
    pub satisfaction_score: Vec<OptNumber>,
    /// 0–10, or `UNKNOWN_SCORE`.
    pub nps_score: Vec<u8>,
    pub requester: Categories,
    /// Help Scout's three-level rating.
    pub happiness: Vec<Option<Happiness>>,
    /// Groups the ticket went through.
    pub group_stations: Vec<Option<u32>>,
    /// Seconds from each ticket's creation to the next ticket of its requester among all the
    /// table's tickets (`i64::MAX` for none), for repeat contacts: worked out on first use.
    next_contact: OnceCell<Vec<i64>>,
    /// Each rated ticket's comment as its distinct terms, for feedback trends: on first use.
    comment_terms: OnceCell<TermLists>,
    /// The duration columns in value order, for medians (`Duration as usize`): on first use.
    ranked: [OnceCell<Ranked>; 4],
}

/// The duration columns of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duration {
    FirstResponse,
    Resolution,
    FirstResponseBusiness,
    ResolutionBusiness,
}

/// An NPS answer the export does not give.
pub const UNKNOWN_SCORE: u8 = u8::MAX;

/// A ticket's satisfaction survey, as the CSAT KPIs count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    None,
    /// Offered, not answered.
    Unanswered,
    Satisfied,
    Unsatisfied,
}

impl Answer {
    pub fn of(satisfaction: Option<&Satisfaction>) -> Answer {
        match satisfaction {
            None => Answer::None,
            Some(Satisfaction::Unanswered) => Answer::Unanswered,
            Some(Satisfaction::Rated {
                satisfied: true, ..
            }) => Answer::Satisfied,
            Some(Satisfaction::Rated {
                satisfied: false, ..
            }) => Answer::Unsatisfied,
        }
    }

    pub fn is_rated(self) -> bool {
        matches!(self, Answer::Satisfied | Answer::Unsatisfied)
    }
}

/// Each row's distinct comment terms as codes into `terms`: row `r` holds
/// `codes[starts[r]..starts[r + 1]]`.
#[derive(Debug, Default)]
pub struct TermLists {
    /// Rated with a comment (which may hold no term).
    pub commented: Vec<bool>,
    pub starts: Vec<u32>,
    pub codes: Vec<u32>,
    pub terms: Vec<String>,
}

impl TermLists {
    pub fn of(&self, row: usize) -> &[u32] {
        &self.codes[self.starts[row] as usize..self.starts[row + 1] as usize]
    }
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
            replies: tickets.iter().map(|t| t.replies).collect(),
            reopens: tickets.iter().map(|t| t.reopens).collect(),
            satisfaction: tickets
                .iter()
                .map(|t| Answer::of(t.satisfaction.as_ref()))
                .collect(),
            satisfaction_score: tickets
                .iter()
                .map(|t| match &t.satisfaction {
                    Some(Satisfaction::Rated { score, .. }) => (*score).into(),
                    _ => OptNumber::NONE,
                })
                .collect(),
            nps_score: tickets
                .iter()
                .map(|t| t.nps_score.unwrap_or(UNKNOWN_SCORE))
                .collect(),
            requester: column(|t| t.requester.as_deref()),
            happiness: tickets.iter().map(|t| t.happiness).collect(),
            group_stations: tickets.iter().map(|t| t.group_stations).collect(),
            next_contact: OnceCell::new(),
            comment_terms: OnceCell::new(),
            ranked: Default::default(),
            tickets: tickets.to_vec(),
        }
    }

    /// Seconds from each row's creation to its requester's next ticket (`i64::MAX` for none or
    /// unknown): the requester's creation times sorted once, each row's next found by halving.
    pub fn next_contact(&self) -> &[i64] {
        self.next_contact.get_or_init(|| {
            let mut times: Vec<Vec<i64>> = vec![Vec::new(); self.requester.names.len() + 1];
            for (row, &code) in self.requester.codes.iter().enumerate() {
                if let (true, Some(created)) = (code != 0, self.created[row].get()) {
                    times[code as usize].push(created);
                }
            }
            for list in &mut times {
                list.sort_unstable();
            }
            (0..self.len())
                .map(|row| {
                    let (code, Some(created)) =
                        (self.requester.codes[row], self.created[row].get())
                    else {
                        return i64::MAX;
                    };
                    let list = &times[code as usize];
                    let next = list.partition_point(|&t| t <= created);
                    match (code, list.get(next)) {
                        (1.., Some(&later)) => later.saturating_sub(created),
                        _ => i64::MAX,
                    }
                })
                .collect()
        })
    }

    /// Each row's distinct rating-comment terms (`feedback::terms`), for rated rows.
    pub fn comment_terms(&self) -> &TermLists {
        self.comment_terms.get_or_init(|| {
            let mut index: HashMap<String, u32> = HashMap::default();
            let mut lists = TermLists {
                starts: vec![0],
                ..TermLists::default()
            };
            for (row, ticket) in self.tickets.iter().enumerate() {
                if let (true, Some(comment)) =
                    (self.satisfaction[row].is_rated(), &ticket.rating_comment)
                {
                    lists.commented.push(true);
                    let mut terms = crate::kpi::terms(comment);
                    terms.sort();
                    terms.dedup();
                    for term in terms {
                        let next = index.len() as u32;
                        let code = *index.entry(term.clone()).or_insert_with(|| {
                            lists.terms.push(term);
                            next
                        });
                        lists.codes.push(code);
                    }
                } else {
                    lists.commented.push(false);
                }
                lists.starts.push(lists.codes.len() as u32);
            }
            lists
        })
    }

    /// A duration column's minutes.
    pub fn minutes(&self, duration: Duration) -> &[OptNumber] {
        match duration {
            Duration::FirstResponse => &self.first_response_minutes,
            Duration::Resolution => &self.resolution_minutes,
            Duration::FirstResponseBusiness => &self.first_response_business_minutes,
            Duration::ResolutionBusiness => &self.resolution_business_minutes,
        }
    }

    /// A duration column in value order: sorted on first use.
    pub fn ranked(&self, duration: Duration) -> &Ranked {
        self.ranked[duration as usize].get_or_init(|| Ranked::of(self.minutes(duration)))
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
