//! What a KPI needs before its formula can run: columns of the export, call records, settings.
//! Each catalogue entry lists its requirements, so a KPI's "no column" reason is written once,
//! beside its definition, and the tables and weekly series ask the same question the card does
//! (`Definition::unavailable`) instead of checking the columns again.

use super::Context;
use crate::dataset::Dataset;
use crate::model::Field;

/// One thing a KPI may need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// A column of the export (or of a survey file joined to it).
    Column(Field),
    /// A call export among the files.
    Calls,
    /// Business hours in the settings (the team's or a group's).
    BusinessHours,
    /// SLA targets in the settings.
    SlaTargets,
    /// Escalation tags or statuses in the settings.
    EscalationRule,
    /// Hours per agent per week in the settings, above zero.
    AgentHours,
    /// The support cost of the period in the settings.
    SupportCost,
}

impl Need {
    /// Whether the data (and the settings, where given) meet the need. Without a context a
    /// need of the settings is unmet: the tables and weekly series ask only about columns.
    pub fn met(self, dataset: &Dataset, context: Option<&Context>) -> bool {
        let settings = context.map(|c| c.settings);
        match self {
            Need::Column(field) => dataset.has(field),
            Need::Calls => !dataset.calls.is_empty(),
            Need::BusinessHours => context.is_some_and(Context::has_schedule),
            Need::SlaTargets => settings.is_some_and(|s| !s.sla.is_empty()),
            Need::EscalationRule => settings.is_some_and(|s| {
                !s.escalation.tags.is_empty() || !s.escalation.statuses.is_empty()
            }),
            Need::AgentHours => settings
                .and_then(|s| s.agent_hours_per_week)
                .is_some_and(|hours| hours > 0.0),
            Need::SupportCost => settings.is_some_and(|s| s.support_cost.is_some()),
        }
    }
}

/// A condition on the data and settings, and why the KPI is null when it fails: the key of
/// the message that says so (`message::Message`).
#[derive(Debug)]
pub enum Requirement {
    /// One need, and the reason without it.
    One(Need, &'static str),
    /// Several ways to the same figure (a duration column, or two timestamps to subtract): met
    /// when every need of one way is. Otherwise the reason is the first of `reasons` whose
    /// condition holds, so that the reason names what the export lacks given what it has.
    AnyOf {
        ways: &'static [&'static [Need]],
        reasons: &'static [Reason],
    },
}

/// Why a requirement of several ways is not met.
#[derive(Debug)]
pub enum Reason {
    /// This reason where the need is met (the export has a half of some way).
    If(Need, &'static str),
    /// This reason in any other case.
    Otherwise(&'static str),
}

impl Requirement {
    /// The reason the requirement is not met; `None` when it is.
    pub fn unmet(&self, dataset: &Dataset, context: Option<&Context>) -> Option<&'static str> {
        let met = |need: &Need| need.met(dataset, context);
        match self {
            Requirement::One(need, reason) => (!met(need)).then_some(*reason),
            Requirement::AnyOf { ways, reasons } => {
                if ways.iter().any(|way| way.iter().all(met)) {
                    return None;
                }
                reasons.iter().find_map(|reason| match reason {
                    Reason::If(need, text) => met(need).then_some(*text),
                    Reason::Otherwise(text) => Some(*text),
                })
            }
        }
    }
}
