//! The counting cards' shared pass. First contact resolution, replies per ticket, the reopen
//! rate, the CSAT response rate and NPS count the same rows' small columns (reply and reopen
//! counts, survey answers, 0–10 scores): one pass counts them all, where five passes read the
//! rows five times. Each card's formula stays with its KPI (`quality.rs`, `satisfaction.rs`)
//! and takes these counts; a card asked for alone counts its own rows, the same counts.

use super::quality::{self, Reopens, SolvedReplies};
use super::satisfaction::{self, NpsAnswers, Offers};
use super::{Kpi, KpiId};
use crate::dataset::Dataset;

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
            let row = row as usize;
            counts.replies.add(table, row);
            counts.reopens.add(table, row);
            counts.offers.add(table.satisfaction[row]);
            counts.nps.add(table.nps_score[row]);
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
