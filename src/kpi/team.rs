//! Team and cost: escalations, repeat contacts, utilisation, cost per ticket.

use std::collections::BTreeSet;

use super::catalogue::{NO_AGENT_HOURS, NO_SUPPORT_COST};
use super::timing::Mean;
use super::{Context, Extra, Kpi, CURRENCY, PERCENT};
use crate::dataset::Dataset;
use crate::message::Message;
use crate::model::table::NO_NEXT_CONTACT;
use crate::model::Timestamp;
use crate::settings::DEFAULT_REPEAT_WINDOW_DAYS;

/// `escalation_rate`: escalated tickets ÷ tickets. Escalated: more than one group station, or a
/// tag or status the settings name as escalation.
pub fn escalation_rate(dataset: &Dataset, context: &Context) -> Kpi {
    let rule = &context.settings.escalation;
    let by_rule = !rule.tags.is_empty() || !rule.statuses.is_empty();
    let table = dataset.table();
    // The rule's tags and statuses as codes, matched without regard to ASCII case.
    let by_tag = table.tags.tags.wanted(&rule.tags);
    let by_status = table.status.wanted(&rule.statuses);
    let (mut escalated, mut known) = (0, 0);
    if !by_rule {
        // The usual case, the group stations alone: counted without a branch on a row's count
        // (a branch per row on counts that come in no order is mispredicted often).
        for &row in dataset.rows() {
            let stations = table.group_stations.at(row as usize);
            known += usize::from(stations.is_some());
            escalated += usize::from(stations.is_some_and(|s| s > 1));
        }
        return Kpi::percent(escalated, known, Message::new("team.no_ticket"));
    }
    for &row in dataset.rows() {
        let row = row as usize;
        let stations = table.group_stations.at(row);
        known += 1;
        let tagged = by_tag
            .as_ref()
            .is_some_and(|wanted| table.tags.of(row).iter().any(|&t| wanted[t as usize]));
        let by_status = by_status
            .as_ref()
            .is_some_and(|wanted| wanted[table.status.codes[row] as usize]);
        if stations.is_some_and(|s| s > 1) || tagged || by_status {
            escalated += 1;
        }
    }
    Kpi::percent(escalated, known, Message::new("team.no_ticket"))
}

/// `repeat_contact_rate`: tickets followed by another ticket from the same requester within the
/// window (7 days unless set) of their creation ÷ tickets with a known requester.
pub fn repeat_contact_rate(dataset: &Dataset, context: &Context) -> Kpi {
    let window_days = context
        .settings
        .repeat_contact_window_days
        .unwrap_or(DEFAULT_REPEAT_WINDOW_DAYS);
    let window = (window_days * 86_400.0) as i64;
    // The next contact is looked for among all the table's tickets: all the data the selection
    // was made from (the report's population; tickets made a dataset of their own are their own).
    let table = dataset.table();
    let next_contact = table.next_contact();
    let (mut repeated, mut known) = (0, 0);
    for &row in dataset.rows() {
        let row = row as usize;
        if table.requester.codes[row] == 0 || table.created.at(row).is_none() {
            continue;
        }
        known += 1;
        let next = next_contact[row];
        if next != NO_NEXT_CONTACT && i64::from(next) <= window {
            repeated += 1;
        }
    }
    Kpi::percent(repeated, known, Message::new("team.no_requester_ticket"))
        .with_note(Some(Message::new("team.window").with("days", window_days)))
}

/// `agent_utilization`: summed handle time ÷ summed available time (hours per agent per week ×
/// weeks in the selection × agents with tickets); the target band is 70–85 %.
pub fn agent_utilization(dataset: &Dataset, context: &Context) -> Kpi {
    // The catalogue's `AgentHours` need: always met here.
    let Some(hours_per_week) = context.settings.agent_hours_per_week.filter(|h| *h > 0.0) else {
        return Kpi::null(PERCENT, Message::new(NO_AGENT_HOURS));
    };
    let Some(days) = context.period_days.or_else(|| data_days(dataset)) else {
        return Kpi::null(PERCENT, Message::new("team.no_dates"));
    };
    let table = dataset.table();
    let agents: BTreeSet<u32> = dataset
        .rows()
        .iter()
        .map(|&row| table.agent.codes[row as usize])
        .filter(|&code| code != 0)
        .collect();
    let mut handled = Mean::default();
    for &row in dataset.rows() {
        handled.add(table.handle_minutes[row as usize].get());
    }
    utilization(hours_per_week, agents.len(), handled.sum, days)
}

/// `agent_utilization` of `agents` who handled `handled` minutes over `days` days.
pub(crate) fn utilization(hours_per_week: f64, agents: usize, handled: f64, days: f64) -> Kpi {
    let available = agents as f64 * hours_per_week * 60.0 * days / 7.0;
    if available <= 0.0 {
        return Kpi::null(PERCENT, Message::new("team.no_agent"));
    }
    let mut kpi = Kpi {
        value: Some(100.0 * handled / available),
        unit: PERCENT,
        n: Some(agents),
        ..Kpi::default()
    };
    kpi.extras.insert(Extra::BandLow, 70.0);
    kpi.extras.insert(Extra::BandHigh, 85.0);
    kpi
}

/// `cost_per_ticket`: the support cost of the selection (settings) ÷ tickets solved.
pub fn cost_per_ticket(dataset: &Dataset, context: &Context) -> Kpi {
    // The catalogue's `SupportCost` need: always met here.
    let Some(cost) = context.settings.support_cost else {
        return Kpi::null(CURRENCY, Message::new(NO_SUPPORT_COST));
    };
    let table = dataset.table();
    let solved = dataset
        .rows()
        .iter()
        .filter(|&&row| table.solved[row as usize])
        .count();
    if solved == 0 {
        return Kpi::null(CURRENCY, Message::new("team.no_solved"));
    }
    let currency = context.settings.currency.clone().map_or_else(
        || Message::new("team.currency_units"),
        |code| Message::new(&code),
    );
    Kpi {
        value: Some(cost / solved as f64),
        unit: CURRENCY,
        n: Some(solved),
        ..Kpi::default()
    }
    .with_note(Some(
        Message::new("team.currency").with_message("msg_currency", &currency),
    ))
}

/// Days from the first to the last creation day, both included.
fn data_days(dataset: &Dataset) -> Option<f64> {
    let created = &dataset.table().created;
    let mut span = DaySpan::default();
    for &row in dataset.rows() {
        span.add(created.at(row as usize).get());
    }
    span.days()
}

/// The first and the last creation day met, row by row.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DaySpan(Option<(i64, i64)>);

impl DaySpan {
    pub fn add(&mut self, created: Option<Timestamp>) {
        if let Some(day) = created.map(|c| c.div_euclid(86_400)) {
            self.0 = Some(
                self.0
                    .map_or((day, day), |(lo, hi)| (lo.min(day), hi.max(day))),
            );
        }
    }

    /// Days from the first to the last, both included.
    pub fn days(&self) -> Option<f64> {
        self.0.map(|(first, last)| (last - first + 1) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::{context, dataset};
    use crate::settings::Settings;

    #[test]
    fn escalations_by_group_stations_and_by_tag() {
        let data = dataset(
            "Id,Status,Created at,Group stations,Tags\n\
             1,Open,2024-03-01 08:00,1,billing\n\
             2,Open,2024-03-01 08:00,2,billing\n\
             3,Open,2024-03-01 08:00,1,tier2 vip\n\
             4,Open,2024-03-01 08:00,3,\n\
             5,Open,2024-03-01 08:00,,\n",
        );
        // More than one station: 2 and 4 of the 4 with a count (5 has none) → 50 %.
        assert_eq!(escalation_rate(&data, &context(&data)).value, Some(50.0));
        // With the tag "tier2" as escalation too, every ticket counts: 2, 3, 4 of 5 → 60 %.
        let settings: Settings =
            serde_json::from_str(r#"{"escalation": {"tags": ["Tier2"]}}"#).unwrap();
        let compiled = settings.compile().unwrap();
        let with_tag = Context::new(&compiled, None, None);
        assert_eq!(escalation_rate(&data, &with_tag).value, Some(60.0));
    }

    #[test]
    fn repeat_contacts_within_seven_days() {
        // Requester a: Mar 1, Mar 5 (4 days later: Mar 1 is a repeat), Mar 20 (15 days: no).
        // Requester b: Mar 1 only. Ticket 5 has no requester: not counted.
        let data = dataset(
            "Id,Status,Created at,Requester id\n\
             1,Open,2024-03-01 08:00,a\n\
             2,Open,2024-03-05 08:00,a\n\
             3,Open,2024-03-20 08:00,a\n\
             4,Open,2024-03-01 09:00,b\n\
             5,Open,2024-03-01 09:00,\n",
        );
        // 1 of 4 tickets with a requester.
        assert_eq!(
            repeat_contact_rate(&data, &context(&data)).value,
            Some(25.0)
        );
    }

    #[test]
    fn utilisation_and_cost() {
        // Two agents over Mar 4–10 (7 days = 1 week) at 2 h/week each: 240 available minutes.
        // Handled: 60 + 30 + 90 = 180 → 75 %.
        let data = dataset(
            "Ticket ID,Status,Created time,Resolved time,Agent,Time tracked\n\
             1,Resolved,2024-03-04 09:00,2024-03-04 10:00,Ann,1\n\
             2,Resolved,2024-03-10 09:00,2024-03-10 10:00,Ann,0.5\n\
             3,Open,2024-03-06 09:00,,Bob,1.5\n",
        );
        let settings = Settings {
            agent_hours_per_week: Some(2.0),
            support_cost: Some(500.0),
            currency: Some("EUR".into()),
            ..Settings::default()
        };
        let compiled = settings.compile().unwrap();
        let context = Context::new(&compiled, data.as_of(), None);
        assert_eq!(agent_utilization(&data, &context).value, Some(75.0));
        // 500 EUR over 2 solved tickets.
        let cost = cost_per_ticket(&data, &context);
        assert_eq!(cost.value, Some(250.0));
        assert_eq!(cost.note.as_deref(), Some("in EUR"));
    }
}
