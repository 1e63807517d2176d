//! What the reader could not be sure of, carried onto the KPIs it feeds: a status vocabulary
//! it does not know, satisfaction answers it cannot read, a duration unit no header named. A
//! KPI built mostly on what the reader could not read is null with a reason that says what to
//! fix; one touched by it carries a note. Never a confident figure over a guess.

use std::collections::BTreeMap;

use crate::ingest::field::Field;
use crate::ingest::{SourceReport, ValueReading};
use crate::kpi::Kpi;

/// KPIs that count on telling solved tickets from the others.
const ON_STATUS: &[&str] = &[
    "tickets_solved",
    "backlog",
    "resolution_time",
    "resolution_time_business",
    "first_contact_resolution",
    "reopen_rate",
    "replies_per_ticket",
    "cost_per_ticket",
];

/// Of those, the ones that are only a count of solved or unsolved tickets.
const COUNTS_OF_STATUS: &[&str] = &["tickets_solved", "backlog"];

const ON_ANSWERS: &[&str] = &["csat", "csat_response_rate"];

/// The KPIs a duration field feeds.
fn fed_by(field: Field) -> &'static [&'static str] {
    match field {
        Field::FirstResponseMinutes => &["first_response_time"],
        Field::FirstResponseBusinessMinutes => &["first_response_time_business"],
        Field::ResolutionMinutes => &["resolution_time"],
        Field::ResolutionBusinessMinutes => &["resolution_time_business"],
        Field::HandleMinutes => &["average_handle_time", "agent_utilization"],
        _ => &[],
    }
}

/// Rows whose value is unknown, all rows, and a few unknown values, over every source.
fn unknown<'a>(lists: impl Iterator<Item = &'a Vec<ValueReading>>) -> (usize, usize, Vec<String>) {
    let (mut unknown, mut total, mut values) = (0, 0, Vec::new());
    for list in lists {
        for value in list {
            total += value.rows;
            if value.read_as.is_none() {
                unknown += value.rows;
                if values.len() < 4 {
                    values.push(format!("'{}'", value.value));
                }
            }
        }
    }
    (unknown, total, values)
}

fn add_note(kpi: &mut Kpi, note: &str) {
    kpi.note = Some(match kpi.note.take() {
        Some(before) if !before.contains(note) => format!("{before}; {note}"),
        Some(before) => before,
        None => note.to_string(),
    });
}

/// Puts the sources' doubts on the KPIs.
pub fn apply(sources: &[SourceReport], kpis: &mut BTreeMap<String, Kpi>) {
    let (unknown_rows, total, values) = unknown(sources.iter().map(|s| &s.statuses));
    if unknown_rows > 0 {
        let values = values.join(", ");
        let most = unknown_rows * 2 > total;
        for id in ON_STATUS {
            let Some(kpi) = kpis.get_mut(*id) else {
                continue;
            };
            if most && COUNTS_OF_STATUS.contains(id) {
                *kpi = Kpi::null(
                    kpi.unit,
                    format!(
                        "most rows ({unknown_rows} of {total}) have a status this tool does \
                         not know ({values}), so solved ones cannot be told from open ones: say \
                         what each status means in the page or with status_values"
                    ),
                );
            } else if kpi.value.is_some() {
                add_note(
                    kpi,
                    &format!(
                        "{unknown_rows} of {total} rows have a status this tool does not know \
                         ({values}) and are counted as unsolved"
                    ),
                );
            }
        }
    }
    let (unknown_rows, total, values) = unknown(sources.iter().map(|s| &s.answers));
    if unknown_rows > 0 {
        let values = values.join(", ");
        let most = unknown_rows * 2 > total;
        for id in ON_ANSWERS {
            let Some(kpi) = kpis.get_mut(*id) else {
                continue;
            };
            if most {
                *kpi = Kpi::null(
                    kpi.unit,
                    format!(
                        "most satisfaction answers ({unknown_rows} of {total}) are words this \
                         tool does not know ({values}): say what each means in the page or with \
                         answer_values"
                    ),
                );
            } else if kpi.value.is_some() {
                add_note(
                    kpi,
                    &format!(
                        "{unknown_rows} of {total} satisfaction answers are words this tool does \
                         not know ({values}) and are left out"
                    ),
                );
            }
        }
    }
    for source in sources {
        for (field, note) in &source.field_notes {
            for id in fed_by(*field) {
                if let Some(kpi) = kpis.get_mut(*id).filter(|k| k.value.is_some()) {
                    add_note(kpi, note);
                }
            }
        }
    }
}
