//! The counting cards' shared pass. First contact resolution, replies per ticket, the reopen
//! rate, the CSAT response rate and NPS count the same rows' small columns (reply and reopen
//! counts, survey answers, 0–10 scores): one pass counts them all, where five passes read the
//! rows five times. Each card's formula stays with its KPI (`quality.rs`, `satisfaction.rs`)
//! and takes these counts; a card asked for alone counts its own rows, the same counts. A report
//! takes them from its weekly pass, which reads the same columns row by row for the weeks: the
//! weeks' counts added up (`Counts::of_parts`) are the rows' counts, and a pass is spared.

use super::quality::{self, Reopens, SolvedReplies};
use super::satisfaction::{self, NpsAnswers, Offers};
use super::{Kpi, KpiId};
use crate::dataset::Dataset;
use crate::model::table::TicketTable;

/// The rows' counts of every counting card.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Counts {
    replies: SolvedReplies,
    reopens: Reopens,
    offers: Offers,
    nps: NpsAnswers,
}

impl Counts {
    pub fn of(dataset: &Dataset) -> Counts {
        let table = dataset.table();
        let mut counts = Counts::default();
        for &row in dataset.rows() {
            counts.add(table, row as usize);
        }
        counts
    }

    #[inline]
    pub fn add(&mut self, table: &TicketTable, row: usize) {
        self.replies.add(table, row);
        self.reopens.add(table, row);
        self.offers.add(table.satisfaction[row]);
        self.nps.add(table.nps_score[row]);
    }

    /// The counts of rows counted in parts (the weekly series' weeks): `parts` gives each part's
    /// reply, reopen and 0–10 counts, `offers` the survey offers of the parts' rows, `rest` the
    /// counts of the rows in no part. Counts add up exactly: the same as one pass over the rows.
    pub fn of_parts<'a>(
        parts: impl Iterator<Item = (&'a SolvedReplies, &'a Reopens, &'a NpsAnswers)>,
        offers: Offers,
        rest: Counts,
    ) -> Counts {
        let mut counts = Counts { offers, ..rest };
        counts.offers.absorb(&rest.offers);
        for (replies, reopens, nps) in parts {
            counts.replies.absorb(replies);
            counts.reopens.absorb(reopens);
            counts.nps.absorb(nps);
        }
        counts
    }
}

/// Whether `id` is a counting card.
pub(crate) fn counts(id: KpiId) -> bool {
    matches!(
        id,
        KpiId::FirstContactResolution
            | KpiId::RepliesPerTicket
            | KpiId::ReopenRate
            | KpiId::CsatResponseRate
            | KpiId::Nps
    )
}

/// The card `id` from the rows' counts, where it is a counting card (`counts`).
pub(crate) fn card(id: KpiId, counts: &Counts, dataset: &Dataset) -> Option<Kpi> {
    Some(match id {
        KpiId::FirstContactResolution => {
            quality::first_contact_resolution_of(&counts.replies, dataset)
        }
        KpiId::RepliesPerTicket => counts.replies.replies_per_ticket(),
        KpiId::ReopenRate => counts.reopens.reopen_rate(),
        KpiId::CsatResponseRate => counts.offers.csat_response_rate(dataset),
        KpiId::Nps => satisfaction::nps_of(counts.nps, dataset),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_export;
    use crate::kpi::tests::{context, dataset};
    use crate::kpi::{add_counted, compute, compute_uncounted, fold_weeks};
    use crate::selection::Selection;

    /// The counts the weekly pass adds up from its weeks, the rows in no week and every row's
    /// offer are those of one pass over the rows, and so is every card made from them: rows
    /// without a creation time or with one no date names, unjoined survey answers (counted by
    /// the cards apart), the generated sample and a channel of it.
    #[test]
    fn the_weeks_counts_are_the_rows_counts() {
        let odd = dataset(
            "Id,Status,Created at,Replies,Reopens,Satisfaction Score,NPS\n\
             1,Solved,2024-03-01 08:00,1,0,Good,10\n\
             2,Solved,,2,1,Offered,6\n\
             3,Closed,2024-03-12 09:00,1,,Bad,8\n\
             4,Solved,,1,0,Unoffered,\n\
             5,Solved,2024-04-01 10:00,,2,,9\n",
        );
        let read = |name: &str, bytes: &[u8]| read_export(name, bytes).unwrap();
        let with_surveys = Dataset::merge(vec![
            read(
                "z.csv",
                &std::fs::read("tests/fixtures/zendesk_small.csv").unwrap(),
            ),
            read(
                "s.csv",
                &std::fs::read("tests/fixtures/vendors/survey.csv").unwrap(),
            ),
        ]);
        let sample = Dataset::merge(vec![read("sample.csv", &crate::sample::zendesk_csv(3))]);
        let chat = sample.select(&Selection {
            channel: vec!["chat".into()],
            ..Selection::default()
        });
        for (name, data) in [
            ("odd", &odd),
            ("surveys", &with_surveys),
            ("sample", &sample),
            ("chat", &chat),
        ] {
            let fold = fold_weeks(data, |_| {});
            let counts = fold.counts;
            assert_eq!(
                format!("{counts:?}"),
                format!("{:?}", Counts::of(data)),
                "{name}"
            );
            let context = context(data);
            let mut kpis = compute_uncounted(data, &context);
            add_counted(&mut kpis, data, &context, &counts);
            assert_eq!(kpis, compute(data, &context), "{name}");
        }
    }
}
