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

/// Codes a category while its table is built. Reading shares one `Text` per distinct cell of
/// a file, so a cell is looked up by where its text lies first (two words hashed), and by the
/// text itself only the first time a place is met: hashing every cell's text was a tenth of
/// loading a file. The same place and length, borrowed for `'t`, is the same text.
struct Interner<'t> {
    by_place: HashMap<(usize, usize), u32>,
    by_text: HashMap<&'t str, u32>,
    categories: Categories,
}

impl<'t> Interner<'t> {
    fn with_capacity(rows: usize) -> Interner<'t> {
        Interner {
            by_place: HashMap::default(),
            by_text: HashMap::default(),
            categories: Categories {
                codes: Vec::with_capacity(rows),
                names: Vec::new(),
            },
        }
    }

    fn push(&mut self, value: Option<&'t str>) {
        let code = match value {
            None => 0,
            Some(text) => {
                let place = (text.as_ptr() as usize, text.len());
                match self.by_place.get(&place) {
                    Some(&code) => code,
                    None => {
                        let names = &mut self.categories.names;
                        let code = *self.by_text.entry(text).or_insert_with(|| {
                            names.push(Text::from(text));
                            names.len() as u32
                        });
                        // Texts not shared (a copy per cell) would only grow this map.
                        if self.by_place.len() < 4 * self.categories.names.len() + 1024 {
                            self.by_place.insert(place, code);
                        }
                        code
                    }
                }
            }
        };
        self.categories.codes.push(code);
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
    /// The table of `tickets`, whose times are wall clock of `zone`. One pass over the tickets,
    /// every column filled from each: a pass per column read each ticket's memory twenty times
    /// over, a third of a second for 500 000 tickets.
    pub fn build(
        tickets: &[Rc<Ticket>],
        zone: Option<crate::model::time::zone::Zone>,
    ) -> TicketTable {
        let n = tickets.len();
        let mut table = TicketTable {
            created: Vec::with_capacity(n),
            solved_at: Vec::with_capacity(n),
            solved: Vec::with_capacity(n),
            first_response_minutes: Vec::with_capacity(n),
            resolution_minutes: Vec::with_capacity(n),
            first_response_business_minutes: Vec::with_capacity(n),
            resolution_business_minutes: Vec::with_capacity(n),
            reply_before_creation: Vec::with_capacity(n),
            solve_before_creation: Vec::with_capacity(n),
            replies: Vec::with_capacity(n),
            reopens: Vec::with_capacity(n),
            satisfaction: Vec::with_capacity(n),
            satisfaction_score: Vec::with_capacity(n),
            nps_score: Vec::with_capacity(n),
            happiness: Vec::with_capacity(n),
            group_stations: Vec::with_capacity(n),
            tickets: tickets.to_vec(),
            ..TicketTable::default()
        };
        let [mut status, mut channel, mut priority, mut ticket_type, mut group, mut agent, mut requester, mut tags] =
            std::array::from_fn(|_| Interner::with_capacity(n));
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        for t in tickets {
            table.created.push(t.created_at);
            table.solved_at.push(t.solved_at);
            table.solved.push(t.is_solved());
            status.push(t.status.as_ref().map(|s| s.as_str()));
            channel.push(t.channel.as_deref());
            priority.push(t.priority.as_deref());
            ticket_type.push(t.ticket_type.as_deref());
            group.push(t.group.as_deref());
            agent.push(t.agent.as_deref());
            requester.push(t.requester.as_deref());
            for tag in t.tags.iter() {
                tags.push(Some(tag));
            }
            starts.push(tags.categories.codes.len() as u32);
            table
                .first_response_minutes
                .push(t.calendar_first_response(zone).into());
            table
                .resolution_minutes
                .push(t.calendar_resolution(zone).into());
            table
                .first_response_business_minutes
                .push(t.first_response_business_minutes);
            table
                .resolution_business_minutes
                .push(t.resolution_business_minutes);
            table.reply_before_creation.push(t.reply_before_creation());
            table.solve_before_creation.push(t.solve_before_creation());
            table.replies.push(t.replies);
            table.reopens.push(t.reopens);
            table.satisfaction.push(Answer::of(t.satisfaction.as_ref()));
            table.satisfaction_score.push(match &t.satisfaction {
                Some(Satisfaction::Rated { score, .. }) => (*score).into(),
                _ => OptNumber::NONE,
            });
            table.nps_score.push(t.nps_score.unwrap_or(UNKNOWN_SCORE));
            table.happiness.push(t.happiness);
            table.group_stations.push(t.group_stations);
        }
        table.status = status.categories;
        table.channel = channel.categories;
        table.priority = priority.categories;
        table.ticket_type = ticket_type.categories;
        table.group = group.categories;
        table.agent = agent.categories;
        table.requester = requester.categories;
        table.tags = TagLists {
            starts,
            tags: tags.categories,
        };
        table
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
                    let mut terms = crate::model::terms::terms(comment);
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
