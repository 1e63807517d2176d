//! The tickets as typed columns: the one representation of the tickets that ingest writes and
//! every KPI, series, table and selection reads.
//!
//! A report over a selection touches a few fields of every selected ticket, once per KPI: read
//! from columns that is a walk over a few bytes a ticket. Ingest fills the table row by row
//! (`build.rs`: categories coded as they are read, a ticket met again merged into its row), and
//! `finish` works out the per-ticket durations once. A selection is a list of rows of it.

/// Runs `$do` on every column that `Sparse` or `Times` holds, borrowed as `(&)` or `(&mut)` and named
/// `$column`: the one list of them, for sizing, finishing and counting the table.
macro_rules! each_sparse_column {
    (($($borrow:tt)+) $table:expr, |$column:ident| $do:expr) => {{
        {
            let $column = $($borrow)+ $table.created;
            $do;
        }
        {
            let $column = $($borrow)+ $table.updated;
            $do;
        }
        {
            let $column = $($borrow)+ $table.solved_at;
            $do;
        }
        {
            let $column = $($borrow)+ $table.first_response_at;
            $do;
        }
        {
            let $column = $($borrow)+ $table.resolution_from_export;
            $do;
        }
        for $column in [
            $($borrow)+ $table.first_response_minutes,
            $($borrow)+ $table.resolution_minutes,
            $($borrow)+ $table.first_response_business_minutes,
            $($borrow)+ $table.resolution_business_minutes,
        ] {
            $do;
        }
        {
            let $column = $($borrow)+ $table.replies;
            $do;
        }
        {
            let $column = $($borrow)+ $table.reopens;
            $do;
        }
        {
            let $column = $($borrow)+ $table.satisfaction_score;
            $do;
        }
        {
            let $column = $($borrow)+ $table.nps_score;
            $do;
        }
        {
            let $column = $($borrow)+ $table.happiness;
            $do;
        }
        {
            let $column = $($borrow)+ $table.group_stations;
            $do;
        }
        {
            let $column = $($borrow)+ $table.first_response_sla_met;
            $do;
        }
        {
            let $column = $($borrow)+ $table.resolution_sla_met;
            $do;
        }
        {
            let $column = $($borrow)+ $table.handle_minutes;
            $do;
        }
        {
            let $column = $($borrow)+ $table.ces_score;
            $do;
        }
        {
            let $column = $($borrow)+ $table.quality_score;
            $do;
        }
        {
            let $column = $($borrow)+ $table.bot_involved;
            $do;
        }
        {
            let $column = $($borrow)+ $table.comments;
            $do;
        }
    }};
}

/// Runs `$do` on every `Vec` column of one entry a row that reading fills (the dates, flags,
/// minutes, category codes and tag lists), borrowed as `(&)` or `(&mut)` and named `$column`.
macro_rules! each_row_column {
    (($($borrow:tt)+) $table:expr, |$column:ident| $do:expr) => {{
        {
            let $column = $($borrow)+ $table.solved;
            $do;
        }
        {
            let $column = $($borrow)+ $table.satisfaction;
            $do;
        }
        {
            let $column = $($borrow)+ $table.tags.lists_of;
            $do;
        }
        for $column in [
            $($borrow)+ $table.status.codes,
            $($borrow)+ $table.channel.codes,
            $($borrow)+ $table.priority.codes,
            $($borrow)+ $table.ticket_type.codes,
            $($borrow)+ $table.group.codes,
            $($borrow)+ $table.agent.codes,
            $($borrow)+ $table.requester.codes,
        ] {
            $do;
        }
    }};
}

mod build;
mod column;
mod days;
mod narrow;
mod ranked;

use std::cell::OnceCell;

use rustc_hash::FxHashMap as HashMap;

use crate::model::time::calendar::has_day;
use crate::model::{Happiness, OptNumber, OptTime, Satisfaction, Text};
pub use build::Building;
pub use column::{Counts, Ids, Sparse, TextList};
pub use days::RowDays;
pub use narrow::{Minutes, Times};
pub use ranked::{Ranked, RankedRows, Sample};

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

/// Each ticket's tags as codes into `tags.names`: one list per distinct tag cell, shared by
/// the rows that hold it (a ticket met again may pool two of them).
#[derive(Debug)]
pub struct TagLists {
    /// Each row's list.
    pub lists_of: Vec<u32>,
    /// The lists; the first is the empty one.
    pub lists: Vec<Box<[u32]>>,
    /// The tags' names (`codes` unused).
    pub tags: Categories,
}

impl Default for TagLists {
    fn default() -> TagLists {
        TagLists {
            lists_of: Vec::new(),
            lists: vec![Box::new([])],
            tags: Categories::default(),
        }
    }
}

impl TagLists {
    #[inline]
    pub fn of(&self, row: usize) -> &[u32] {
        &self.lists[self.lists_of[row] as usize]
    }
}

/// The tickets, one entry per ticket in every column, in the order they were first read.
/// Columns most exports lack are `Sparse`: they take memory only when a file fills them.
#[derive(Debug, Default)]
pub struct TicketTable {
    pub ids: Ids,
    /// Times, 4 bytes a row (`Times`), no memory while an export has none.
    pub created: Times,
    pub updated: Times,
    pub solved_at: Times,
    pub first_response_at: Times,
    /// Solved per the catalogue: the status decides; only without a status does a solve time.
    pub solved: Vec<bool>,
    pub status: Categories,
    pub channel: Categories,
    pub priority: Categories,
    pub ticket_type: Categories,
    pub group: Categories,
    pub agent: Categories,
    pub requester: Categories,
    pub tags: TagLists,
    /// Calendar minutes to the first reply and to the final solve. While the table is read,
    /// the export's own columns; once finished, by the catalogue's timing source priority (the
    /// export's column, else the difference of the two times: `durations.rs`).
    pub first_response_minutes: Minutes,
    pub resolution_minutes: Minutes,
    /// Business minutes from the export's own columns (the schedule's are per settings).
    pub first_response_business_minutes: Minutes,
    pub resolution_business_minutes: Minutes,
    /// Rows whose resolution minutes are the export's own (not worked out from two times).
    pub resolution_from_export: Sparse<bool>,
    /// Rows left out of a timing KPI because their end comes before their creation.
    pub reply_before_creation: Vec<bool>,
    pub solve_before_creation: Vec<bool>,
    /// Public agent replies and reopens, where the export says.
    pub replies: Counts,
    pub reopens: Counts,
    pub satisfaction: Vec<Answer>,
    /// The rating's own score on numeric scales.
    pub satisfaction_score: Sparse<OptNumber>,
    /// 0–10, or `UNKNOWN_SCORE`.
    pub nps_score: Sparse<u8>,
    /// Help Scout's three-level rating.
    pub happiness: Sparse<Option<Happiness>>,
    /// Groups the ticket went through.
    pub group_stations: Counts,
    /// The export's own verdicts: were the first-response and resolution targets met?
    pub first_response_sla_met: Sparse<Option<bool>>,
    pub resolution_sla_met: Sparse<Option<bool>>,
    pub handle_minutes: Sparse<OptNumber>,
    /// Customer effort, on the scale of the settings.
    pub ces_score: Sparse<OptNumber>,
    /// QA review score, 0–100.
    pub quality_score: Sparse<OptNumber>,
    pub bot_involved: Sparse<Option<bool>>,
    /// The comment left with a rating: its number in `comment_texts`, 0 for none.
    pub comments: Sparse<u32>,
    pub comment_texts: TextList,
    /// Rows read again under an id already read (catalogue, "Conventions").
    pub duplicates: usize,
    /// What reading needs and a finished table does not (`build.rs`).
    building: Option<Box<Building>>,
    /// Seconds from each ticket's creation to the next ticket of its requester among all the
    /// table's tickets (`NO_NEXT_CONTACT` for none), for repeat contacts: worked out on first
    /// use.
    next_contact: OnceCell<Vec<u32>>,
    /// Each rated ticket's comment as its distinct terms, for feedback trends: on first use.
    comment_terms: OnceCell<TermLists>,
    /// The duration columns in value order, for medians (`Duration as usize`): on first use.
    ranked: [OnceCell<Ranked>; 4],
    /// The first and the last day of the tickets' times: on first use (`day_span`).
    day_span: OnceCell<Option<(i64, i64)>>,
    /// Each row's creation and solve day: on first use (`days`).
    days: OnceCell<RowDays>,
}

/// The duration columns of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duration {
    FirstResponse,
    Resolution,
    FirstResponseBusiness,
    ResolutionBusiness,
}

/// Seconds in a day: times are wall clock read as UTC, so a day is a division away.
const SECONDS_A_DAY: i64 = 86_400;

/// A ticket whose requester has no later ticket (or none known): `TicketTable::next_contact`.
pub const NO_NEXT_CONTACT: u32 = u32::MAX;

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
    /// Seconds from each row's creation to its requester's next ticket (`NO_NEXT_CONTACT` for
    /// none or unknown): the requester's creation times sorted once, each row's next found by halving.
    pub fn next_contact(&self) -> &[u32] {
        self.next_contact.get_or_init(|| {
            let mut times: Vec<Vec<i64>> = vec![Vec::new(); self.requester.names.len() + 1];
            for (row, &code) in self.requester.codes.iter().enumerate() {
                if let (true, Some(created)) = (code != 0, self.created.at(row).get()) {
                    times[code as usize].push(created);
                }
            }
            for list in &mut times {
                list.sort_unstable();
            }
            (0..self.len())
                .map(|row| {
                    let (code, Some(created)) =
                        (self.requester.codes[row], self.created.at(row).get())
                    else {
                        return NO_NEXT_CONTACT;
                    };
                    let list = &times[code as usize];
                    let next = list.partition_point(|&t| t <= created);
                    match (code, list.get(next)) {
                        // Seconds in 4 bytes: a gap of 136 years or more is kept as just under.
                        (1.., Some(&later)) => u32::try_from(later.saturating_sub(created))
                            .unwrap_or(NO_NEXT_CONTACT - 1)
                            .min(NO_NEXT_CONTACT - 1),
                        _ => NO_NEXT_CONTACT,
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
            for row in 0..self.len() {
                if let (true, Some(comment)) =
                    (self.satisfaction[row].is_rated(), self.comment(row))
                {
                    lists.commented.push(true);
                    let mut terms = crate::model::terms::terms(comment);
                    terms.sort_unstable();
                    terms.dedup();
                    for term in terms {
                        // A term met before is looked up, not copied first.
                        let code = match index.get(&term) {
                            Some(&code) => code,
                            None => {
                                let code = lists.terms.len() as u32;
                                index.insert(term.clone(), code);
                                lists.terms.push(term);
                                code
                            }
                        };
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

    /// The first and the last day (days since 1970-01-01) of every creation time and of the
    /// solve times of solved tickets that name a day: the days any day-by-day series of a
    /// selection lies in, so that a series can be counted into them in one pass and cut to its
    /// own days after. Worked out on first use.
    pub fn day_span(&self) -> Option<(i64, i64)> {
        *self.day_span.get_or_init(|| {
            let created = (0..self.len()).filter_map(|row| self.created.at(row).get());
            let solved = (0..self.len()).filter_map(|row| {
                let solved = self.solved_at.at(row).get();
                solved.filter(|&t| self.solved[row] && has_day(t))
            });
            let days = created.chain(solved).map(|t| t.div_euclid(SECONDS_A_DAY));
            days.fold(None, |span, day| match span {
                None => Some((day, day)),
                Some((first, last)) => Some((day.min(first), day.max(last))),
            })
        })
    }

    /// Each row's creation day and solve day (of solved rows), where their times name one:
    /// worked out on first use, for the series of every report after.
    pub fn days(&self) -> &RowDays {
        self.days.get_or_init(|| RowDays::of(self))
    }

    /// A duration column's minutes.
    pub fn minutes(&self, duration: Duration) -> &Minutes {
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
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.len() == 0
    }

    /// Bytes of memory the table holds: its columns, and what the reports worked out from them
    /// so far (ranks, next contacts, comment terms, days). Texts of categories are left out (a few
    /// thousand distinct values).
    pub fn heap_bytes(&self) -> usize {
        fn vec<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        let mut columns = vec(&self.reply_before_creation) + vec(&self.solve_before_creation);
        each_row_column!((&) self, |column| columns += vec(column));
        each_sparse_column!((&) self, |column| columns += column.heap_bytes());
        let tags = self
            .tags
            .lists
            .iter()
            .map(|l| l.len() * 4 + 16)
            .sum::<usize>();
        let comments = self.comment_texts.heap_bytes();
        let worked_out = self.next_contact.get().map_or(0, vec)
            + self
                .ranked
                .iter()
                .filter_map(OnceCell::get)
                .map(Ranked::heap_bytes)
                .sum::<usize>()
            + self
                .comment_terms
                .get()
                .map_or(0, |t| vec(&t.commented) + vec(&t.starts) + vec(&t.codes))
            + self.days.get().map_or(0, RowDays::heap_bytes);
        self.ids.heap_bytes() + columns + tags + comments + worked_out
    }

    /// The comment left with a row's rating.
    pub fn comment(&self, row: usize) -> Option<&str> {
        self.comment_texts.get(self.comments[row])
    }

    /// The latest time of the table: the data's as-of time (catalogue, `backlog`).
    pub fn latest(&self) -> Option<crate::model::Timestamp> {
        (0..self.len())
            .flat_map(|row| {
                [
                    self.created.at(row),
                    self.updated.at(row),
                    self.solved_at.at(row),
                    self.first_response_at.at(row),
                ]
            })
            .filter_map(OptTime::get)
            .max()
    }
}

#[cfg(test)]
mod tests {

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
        let table = data.table();
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
