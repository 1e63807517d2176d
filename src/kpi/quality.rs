//! Effectiveness: first contact resolution, reopens, replies.

use super::{Kpi, REPLIES};
use crate::dataset::Dataset;
use crate::ingest::Field;
use crate::message::Message;
use crate::model::table::TicketTable;

/// The key of the message: no solved ticket in the selection has a reply count.
const NO_SOLVED_WITH_REPLIES: &str = "quality.no_reply_count";

/// Solved rows with a known reply count, and those with exactly one reply and no reopen:
/// `first_contact_resolution`'s and `replies_per_ticket`'s counts, row by row.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SolvedReplies {
    known: usize,
    one_touch: usize,
    replies: u64,
}

impl SolvedReplies {
    // Always: left a call, it was a call a row in the weekly pass and the leaderboard (6 % of a
    // refilter's time in V8's profile).
    #[inline(always)]
    pub fn add(&mut self, table: &TicketTable, row: usize) {
        let Some(replies) = table.replies.at(row).filter(|_| table.solved[row]) else {
            return;
        };
        self.known += 1;
        self.replies += u64::from(replies);
        // An unknown reopen count counts as none. Both tests are made (`&`, not `&&`): a branch
        // on a reply count a row in two mispredicts.
        self.one_touch +=
            usize::from(replies == 1) & usize::from(table.reopens.at(row).unwrap_or(0) == 0);
    }

    /// Another part's counts added to these (a whole from its weeks).
    pub fn absorb(&mut self, other: &SolvedReplies) {
        self.known += other.known;
        self.one_touch += other.one_touch;
        self.replies += other.replies;
    }

    fn of(dataset: &Dataset) -> SolvedReplies {
        let table = dataset.table();
        let mut counts = SolvedReplies::default();
        for &row in dataset.rows() {
            counts.add(table, row as usize);
        }
        counts
    }

    /// `first_contact_resolution` of the rows counted; `has_reopens`: the export has a reopen
    /// count (else the reply count alone decides, and the KPI says so).
    pub fn first_contact_resolution(&self, has_reopens: bool) -> Kpi {
        let note = (!has_reopens).then(|| Message::new("quality.replies_alone"));
        Kpi::percent(
            self.one_touch,
            self.known,
            Message::new(NO_SOLVED_WITH_REPLIES),
        )
        .with_note(note)
    }

    /// `replies_per_ticket` of the rows counted. Reply counts add up exactly in a `u64`, as
    /// they do as floats: the mean is the same either way.
    pub fn replies_per_ticket(&self) -> Kpi {
        Kpi::mean_from(
            REPLIES,
            self.replies as f64,
            self.known,
            Message::new(NO_SOLVED_WITH_REPLIES),
        )
    }
}

/// `first_contact_resolution`: solved tickets with exactly one agent reply and no reopen ÷ solved
/// tickets with a known reply count. Without a reopen count the reply count alone decides.
pub fn first_contact_resolution(dataset: &Dataset) -> Kpi {
    first_contact_resolution_of(&SolvedReplies::of(dataset), dataset)
}

/// The same from the rows' counts (`counting_cards`).
pub(crate) fn first_contact_resolution_of(counts: &SolvedReplies, dataset: &Dataset) -> Kpi {
    counts.first_contact_resolution(dataset.has(Field::Reopens))
}

/// `reopen_rate`: solved tickets reopened at least once ÷ solved tickets with a known reopen count.
pub fn reopen_rate(dataset: &Dataset) -> Kpi {
    let table = dataset.table();
    let mut counts = Reopens::default();
    for &row in dataset.rows() {
        counts.add(table, row as usize);
    }
    counts.reopen_rate()
}

/// Solved rows with a known reopen count, and the reopened among them: `reopen_rate`'s counts.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Reopens {
    known: usize,
    reopened: usize,
}

impl Reopens {
    #[inline]
    pub fn add(&mut self, table: &TicketTable, row: usize) {
        if let Some(reopens) = table.reopens.at(row).filter(|_| table.solved[row]) {
            self.known += 1;
            self.reopened += usize::from(reopens >= 1);
        }
    }

    /// Another part's counts added to these.
    pub fn absorb(&mut self, other: &Reopens) {
        self.known += other.known;
        self.reopened += other.reopened;
    }

    pub fn reopen_rate(&self) -> Kpi {
        Kpi::percent(
            self.reopened,
            self.known,
            Message::new("quality.no_reopen_count"),
        )
    }
}

/// `replies_per_ticket`: mean agent replies per solved ticket with a known reply count.
pub fn replies_per_ticket(dataset: &Dataset) -> Kpi {
    SolvedReplies::of(dataset).replies_per_ticket()
}

/// `quality_score`: the mean QA review score (percent) of the tickets that have one.
pub fn quality_score(dataset: &Dataset) -> Kpi {
    let table = dataset.table();
    let scores: Vec<f64> = dataset
        .rows()
        .iter()
        .filter_map(|&row| table.quality_score[row as usize].get())
        .collect();
    Kpi::mean_of(super::PERCENT, &scores, Message::new("quality.no_reviewed"))
}

/// `bot_resolution_rate`: conversations a bot touched that were closed without a human reply ÷
/// conversations a bot touched (with a known reply count).
pub fn bot_resolution_rate(dataset: &Dataset) -> Kpi {
    let table = dataset.table();
    let touched: Vec<usize> = dataset
        .rows()
        .iter()
        .map(|&row| row as usize)
        .filter(|&row| table.bot_involved[row] == Some(true) && table.replies.at(row).is_some())
        .collect();
    let by_bot = touched
        .iter()
        .filter(|&&row| table.solved[row] && table.replies.at(row) == Some(0))
        .count();
    Kpi::percent(by_bot, touched.len(), Message::new("quality.no_bot"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn the_largest_count_is_a_count_not_unknown() {
        // 4294967295 replies is absurd but readable (the hostile corpus has it): it counts.
        let data = dataset(
            "Id,Status,Created at,Replies\n\
             1,Solved,2024-01-01 09:00,4294967295\n\
             2,Solved,2024-01-01 09:00,2\n",
        );
        let kpi = replies_per_ticket(&data);
        assert_eq!(kpi.n, Some(2));
        assert_eq!(kpi.value, Some((4_294_967_295.0 + 2.0) / 2.0));
    }

    #[test]
    fn one_touch_reopens_and_replies() {
        // Solved: 1 (1 reply, 0 reopens: one-touch), 2 (1 reply, 1 reopen), 3 (3 replies),
        // 4 (no reply count: left out). Open 5 (1 reply) is not solved.
        let data = dataset(
            "Id,Status,Created at,Replies,Reopens\n\
             1,Solved,2024-01-01 09:00,1,0\n\
             2,Closed,2024-01-01 09:00,1,1\n\
             3,Solved,2024-01-01 09:00,3,0\n\
             4,Solved,2024-01-01 09:00,,\n\
             5,Open,2024-01-01 09:00,1,0\n",
        );
        // FCR: 1 of 3 solved with a reply count.
        let fcr = first_contact_resolution(&data);
        assert_eq!(fcr.value, Some(100.0 / 3.0));
        assert_eq!(fcr.n, Some(3));
        assert_eq!(fcr.note, None);
        // Reopened: ticket 2 of the 3 solved with a reopen count.
        assert_eq!(reopen_rate(&data).value, Some(100.0 / 3.0));
        // Replies: (1 + 1 + 3) / 3.
        assert_eq!(replies_per_ticket(&data).value, Some(5.0 / 3.0));
    }

    #[test]
    fn quality_and_bot_resolution() {
        // Bot on 1 (solved, 0 human replies: the bot resolved it), 2 (solved, 1 reply),
        // 3 (open, 0 replies); 4 without a bot. → 1 of 3.
        // QA scores 80, 90 % and 0.7 (= 70 %) → mean 80.
        let data = dataset(
            "Id,Status,Created at,Replies,Bot involved,QA score\n\
             1,Solved,2024-01-01 09:00,0,yes,80\n\
             2,Solved,2024-01-01 09:00,1,yes,90 %\n\
             3,Open,2024-01-01 09:00,0,Fin,0.7\n\
             4,Solved,2024-01-01 09:00,1,no,\n",
        );
        assert_eq!(bot_resolution_rate(&data).value, Some(100.0 / 3.0));
        assert_eq!(quality_score(&data).value, Some(80.0));
    }

    #[test]
    fn without_reopens_the_reply_count_decides_and_says_so() {
        let data = dataset(
            "Ticket ID,Status,Created time,Resolved time,Agent interactions\n\
             1,Resolved,2024-01-01 09:00,2024-01-01 10:00,1\n\
             2,Closed,2024-01-01 09:00,2024-01-01 10:00,2\n",
        );
        let fcr = first_contact_resolution(&data);
        assert_eq!(fcr.value, Some(50.0));
        assert!(fcr.note.unwrap().contains("no reopen count"));
        assert_eq!(reopen_rate(&data).value, None);
    }
}
