//! What the reader could not be sure of, carried onto the KPIs it feeds: a status vocabulary
//! it does not know, satisfaction answers it cannot read, a duration unit no header named. A
//! KPI built mostly on what the reader could not read is null with a reason that says what to
//! fix; one touched by it carries a note. Never a confident figure over a guess.

use std::collections::BTreeMap;

use crate::dataset::Dataset;
use crate::ingest::{SourceReport, ValueReading};
use crate::kpi::{Kpi, KpiId};
use crate::message::Message;
use crate::model::Field;
use crate::model::Status;

/// KPIs that count on telling solved tickets from the others.
const ON_STATUS: &[KpiId] = &[
    KpiId::TicketsSolved,
    KpiId::Backlog,
    KpiId::ResolutionTime,
    KpiId::ResolutionTimeBusiness,
    KpiId::FirstContactResolution,
    KpiId::ReopenRate,
    KpiId::RepliesPerTicket,
    KpiId::CostPerTicket,
];

/// Of those, the ones that are only a count of solved or unsolved tickets.
const COUNTS_OF_STATUS: &[KpiId] = &[KpiId::TicketsSolved, KpiId::Backlog];

const ON_ANSWERS: &[KpiId] = &[KpiId::Csat, KpiId::CsatResponseRate];

/// The KPIs a duration field feeds.
fn fed_by(field: Field) -> &'static [KpiId] {
    match field {
        Field::FirstResponseMinutes => &[KpiId::FirstResponseTime],
        Field::FirstResponseBusinessMinutes => &[KpiId::FirstResponseTimeBusiness],
        Field::ResolutionMinutes => &[KpiId::ResolutionTime],
        Field::ResolutionBusinessMinutes => &[KpiId::ResolutionTimeBusiness],
        Field::HandleMinutes => &[KpiId::AverageHandleTime, KpiId::AgentUtilization],
        _ => &[],
    }
}

/// A few of the values no source could read, quoted.
fn unknown_values<'a>(lists: impl Iterator<Item = &'a Vec<ValueReading>>) -> String {
    let mut values: Vec<String> = Vec::new();
    for value in lists.flatten().filter(|v| v.read_as.is_none()) {
        let quoted = format!("'{}'", value.value);
        if values.len() < 4 && !values.contains(&quoted) {
            values.push(quoted);
        }
    }
    values.join(", ")
}

/// The share (0–1) of answer rows no source could read; the same for a file read twice.
fn unknown_answer_share(sources: &[SourceReport]) -> f64 {
    let (mut unknown, mut total) = (0, 0);
    for value in sources.iter().flat_map(|s| &s.answers) {
        total += value.rows;
        if value.read_as.is_none() {
            unknown += value.rows;
        }
    }
    if total == 0 {
        0.0
    } else {
        unknown as f64 / total as f64
    }
}

/// Puts the sources' doubts on the KPIs of the selection `current`.
pub fn apply(sources: &[SourceReport], current: &Dataset, kpis: &mut BTreeMap<KpiId, Kpi>) {
    // Tickets, not rows: the rows of one ticket in two files are one ticket.
    let (mut unknown_tickets, mut total) = (0usize, 0usize);
    let table = current.table();
    // Which status codes are words this tool does not know (`Status::Other`).
    let unknown: Vec<bool> = std::iter::once(false)
        .chain(
            table
                .status
                .names
                .iter()
                .map(|name| matches!(Status::from_name(name), Status::Other(_))),
        )
        .collect();
    for &row in current.rows() {
        match table.status.codes[row as usize] {
            0 => {}
            code if unknown[code as usize] => {
                unknown_tickets += 1;
                total += 1;
            }
            _ => total += 1,
        }
    }
    if unknown_tickets > 0 {
        let values = unknown_values(sources.iter().map(|s| &s.statuses));
        let most = unknown_tickets * 2 > total;
        for id in ON_STATUS {
            let Some(kpi) = kpis.get_mut(id) else {
                continue;
            };
            if most && COUNTS_OF_STATUS.contains(id) {
                *kpi = Kpi::null(
                    kpi.unit,
                    Message::new("reason.unknown_statuses")
                        .with("unknown", unknown_tickets)
                        .with("total", total)
                        .with("values", &values),
                );
            } else if kpi.value.is_some() {
                kpi.add_note(
                    Message::new("note.unknown_statuses")
                        .with("unknown", unknown_tickets)
                        .with("total", total)
                        .with("values", &values),
                );
            }
        }
    }
    let share = unknown_answer_share(sources);
    if share > 0.0 {
        let values = unknown_values(sources.iter().map(|s| &s.answers));
        let percent = (share * 100.0).round();
        for id in ON_ANSWERS {
            let Some(kpi) = kpis.get_mut(id) else {
                continue;
            };
            if share > 0.5 {
                *kpi = Kpi::null(
                    kpi.unit,
                    Message::new("reason.unknown_answers")
                        .with("percent", percent)
                        .with("values", &values),
                );
            } else if kpi.value.is_some() {
                kpi.add_note(
                    Message::new("note.unknown_answers")
                        .with("percent", percent)
                        .with("values", &values),
                );
            }
        }
    }
    for source in sources {
        for (field, note) in &source.field_note_keys {
            for id in fed_by(*field) {
                if let Some(kpi) = kpis.get_mut(id).filter(|k| k.value.is_some()) {
                    kpi.add_note(note.clone());
                }
            }
        }
    }
}
