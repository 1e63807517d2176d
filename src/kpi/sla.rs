//! `sla_compliance`: tickets whose first response and resolution both met their targets ÷ tickets
//! with a target. Targets per priority come from the settings, else the export's own SLA status
//! columns (Freshdesk "First response status" / "Resolution status") decide.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::timing::{business_first_response, business_resolution};
use super::{Context, Kpi, BLANK};
use crate::dataset::Dataset;
use crate::message::Message;
use crate::model::table::TicketTable;
use crate::model::time::calendar::instant;
use crate::model::Field;
use crate::settings::SlaTarget;

/// A ticket that missed a target, for the breach list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlaBreach {
    pub id: String,
    pub priority: Option<String>,
    /// The first response's target, the resolution's, or both.
    pub missed: Vec<Target>,
}

/// The two targets of an SLA.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    FirstResponse,
    Resolution,
}

impl Target {
    /// The key of the target's name in the page's languages.
    pub fn label_key(self) -> &'static str {
        match self {
            Target::FirstResponse => "settings.sla_first_response",
            Target::Resolution => "settings.sla_resolution",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Outcome {
    Met,
    Breached,
    /// A target is still running: not counted yet.
    Open,
}

pub fn sla_compliance(dataset: &Dataset, context: &Context) -> Kpi {
    let uses_settings = !context.settings.sla.is_empty();
    let mut by_priority: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut met, mut decided) = (0, 0);
    let table = dataset.table();
    for &row in dataset.rows() {
        let row = row as usize;
        let Some((outcome, _)) = judge(table, row, context) else {
            continue;
        };
        if outcome == Outcome::Open {
            continue;
        }
        decided += 1;
        let entry = by_priority
            .entry(priority(table, row).unwrap_or(BLANK).to_string())
            .or_default();
        entry.1 += 1;
        if outcome == Outcome::Met {
            met += 1;
            entry.0 += 1;
        }
    }
    let mut kpi = Kpi::percent(met, decided, Message::new("sla.no_decided"));
    kpi.by_priority = by_priority
        .into_iter()
        // Each priority listed has a decided ticket: never null.
        .map(|(priority, (met, decided))| {
            let kpi = Kpi::percent(met, decided, Message::new("sla.no_decided"));
            (priority, kpi)
        })
        .collect();
    let source = match uses_settings {
        true => Message::new("sla.from_settings"),
        false => Message::new("sla.from_export"),
    };
    kpi.with_note(Some(
        Message::new("sla.running").with_message("msg_source", &source),
    ))
}

/// The breaching tickets of the selection, in the export's order.
pub fn sla_breaches(dataset: &Dataset, context: &Context) -> Vec<SlaBreach> {
    let has_columns = dataset.has(Field::FirstResponseSla) || dataset.has(Field::ResolutionSla);
    if context.settings.sla.is_empty() && !has_columns {
        // No target anywhere: no ticket can have breached one.
        return Vec::new();
    }
    let table = dataset.table();
    dataset
        .rows()
        .iter()
        .map(|&row| row as usize)
        .filter_map(|row| match judge(table, row, context)? {
            (Outcome::Breached, missed) => Some(SlaBreach {
                id: table.ids.get(row).to_string(),
                priority: priority(table, row).map(str::to_string),
                missed,
            }),
            _ => None,
        })
        .collect()
}

fn priority(table: &TicketTable, row: usize) -> Option<&str> {
    table.priority.name(table.priority.codes[row])
}

/// A row's outcome and the targets it missed; `None` when it has no target.
fn judge(table: &TicketTable, row: usize, context: &Context) -> Option<(Outcome, Vec<Target>)> {
    let verdicts: Vec<(Target, Outcome)> = if context.settings.sla.is_empty() {
        [
            (Target::FirstResponse, table.first_response_sla_met[row]),
            (Target::Resolution, table.resolution_sla_met[row]),
        ]
        .into_iter()
        .filter_map(|(name, met)| {
            met.map(|m| (name, if m { Outcome::Met } else { Outcome::Breached }))
        })
        .collect()
    } else {
        let target = context.sla_target_for(table, row)?;
        target_verdicts(table, row, target, context)
    };
    if verdicts.is_empty() {
        return None;
    }
    let missed: Vec<Target> = verdicts
        .iter()
        .filter(|(_, o)| *o == Outcome::Breached)
        .map(|(name, _)| *name)
        .collect();
    let outcome = if !missed.is_empty() {
        Outcome::Breached
    } else if verdicts.iter().all(|(_, o)| *o == Outcome::Met) {
        Outcome::Met
    } else {
        Outcome::Open
    };
    Some((outcome, missed))
}

fn target_verdicts(
    table: &TicketTable,
    row: usize,
    target: &SlaTarget,
    context: &Context,
) -> Vec<(Target, Outcome)> {
    let mut verdicts = Vec::new();
    let elapsed = || -> Option<f64> {
        let (created, as_of) = (table.created.at(row).get()?, context.as_of?);
        let (created, as_of) = (instant(created, context.zone), instant(as_of, context.zone));
        if target.business_hours {
            context
                .schedule_for(table, row)?
                .business_minutes_between(created, as_of)
        } else {
            let seconds = i128::from(as_of) - i128::from(created);
            (seconds >= 0).then(|| seconds as f64 / 60.0)
        }
    };
    let mut judge = |name, limit: Option<f64>, actual: Option<f64>, finished: bool| {
        let Some(limit) = limit else { return };
        let outcome = match (actual, finished) {
            (Some(actual), _) => Some(if actual <= limit {
                Outcome::Met
            } else {
                Outcome::Breached
            }),
            // Not done yet: breached once the clock has passed the target.
            (None, false) => elapsed().map(|e| {
                if e > limit {
                    Outcome::Breached
                } else {
                    Outcome::Open
                }
            }),
            (None, true) => None,
        };
        if let Some(outcome) = outcome {
            verdicts.push((name, outcome));
        }
    };
    let (first_response, resolution) = if target.business_hours {
        (
            business_first_response(table, row, context),
            business_resolution(table, row, context),
        )
    } else {
        // Worked out as wall clock of the dataset's zone, the context's.
        (
            table.first_response_minutes.at(row).get(),
            table.resolution_minutes.at(row).get(),
        )
    };
    let replied = first_response.is_some() || table.replies.at(row).is_some_and(|r| r > 0);
    judge(
        Target::FirstResponse,
        target.first_response_minutes,
        first_response,
        replied,
    );
    let solved = table.solved[row];
    let resolution = resolution.filter(|_| solved);
    judge(
        Target::Resolution,
        target.resolution_minutes,
        resolution,
        solved,
    );
    verdicts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::{context, dataset};
    use crate::settings::Settings;

    #[test]
    fn targets_by_priority_from_the_settings() {
        let settings: Settings = serde_json::from_str(
            r#"{"sla": {"high": {"first_response_minutes": 60, "resolution_minutes": 480},
                        "*": {"first_response_minutes": 240}}}"#,
        )
        .unwrap();
        // As of 2024-03-01 20:00 (ticket 5's creation is the latest time).
        // 1 high: reply 30 ≤ 60, solved in 300 ≤ 480 → met.
        // 2 high: reply 90 > 60 → breached (first response).
        // 3 high: reply 10, open for 11 h (> 480 min) → breached (resolution, clock passed).
        // 4 low: reply 200 ≤ 240 → met (no resolution target for "*").
        // 5 low: no reply yet, created 20:00 = as of → clock at 0 → open, not counted.
        let data = dataset(
            "Id,Status,Priority,Created at,First reply time in minutes,Full resolution time in minutes\n\
             1,Solved,High,2024-03-01 08:00,30,300\n\
             2,Solved,High,2024-03-01 08:00,90,120\n\
             3,Open,High,2024-03-01 09:00,10,\n\
             4,Open,Low,2024-03-01 09:00,200,\n\
             5,New,Low,2024-03-01 20:00,,\n",
        );
        let compiled = settings.compile().unwrap();
        let context = Context::new(&compiled, data.as_of(), None);
        let kpi = sla_compliance(&data, &context);
        // Met 1 and 4 of 4 decided → 50 %.
        assert_eq!(kpi.value, Some(50.0));
        assert_eq!(kpi.n, Some(4));
        // High: 1 of 3; low: 1 of 1.
        assert_eq!(kpi.by_priority["high"].value, Some(100.0 / 3.0));
        assert_eq!(kpi.by_priority["low"].value, Some(100.0));
        let breaches = sla_breaches(&data, &context);
        let ids: Vec<(&str, Vec<Target>)> = breaches
            .iter()
            .map(|b| (b.id.as_str(), b.missed.clone()))
            .collect();
        assert_eq!(
            ids,
            vec![
                ("2", vec![Target::FirstResponse]),
                ("3", vec![Target::Resolution])
            ]
        );
    }

    #[test]
    fn the_exports_own_verdicts_without_settings() {
        // Verdicts: 1 both within → met; 2 resolution violated → breached; 3 none → no target.
        let data = dataset(
            "Ticket ID,Status,Created time,Agent interactions,First response status,Resolution status\n\
             1,Resolved,2024-05-06 09:00,1,Within SLA,Within SLA\n\
             2,Resolved,2024-05-06 09:00,1,Within SLA,SLA Violated\n\
             3,Open,2024-05-06 09:00,0,,\n",
        );
        let kpi = sla_compliance(&data, &context(&data));
        assert_eq!(kpi.value, Some(50.0));
        assert_eq!(kpi.n, Some(2));
    }
}
