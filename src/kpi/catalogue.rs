//! The KPI catalogue (`../shared/spec/kpis.md`) as one table: each KPI's id, label, unit, group on
//! the page, better direction, what it needs of the export and the settings, whether it has a
//! weekly series, and the function that computes it. Everything that lists KPIs reads this table —
//! `compute`, the report, the weekly series, the tables' gates, the Markdown report, the page's
//! cards and target settings — so a new KPI is one entry here and one function.
//!
//! The order is the page's (and the Markdown report's); the JSON's `kpis` is keyed by id, so the
//! order does not show there.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::requirements::Need::{self, BusinessHours, Column};
use super::requirements::{Reason, Requirement};
use super::{calls, customers, quality, satisfaction, sla, team, timing, volume};
use super::{Context, Kpi};
use crate::dataset::Dataset;
use crate::message::Message;
use crate::model::Field;

/// An enum whose variants are named once: `name()` is the JSON's (and the page's) name, `ALL`
/// lists the variants in declaration order, and serde reads and writes the name. Variants
/// compare and hash as their names do, so a map keyed by them lists them as the JSON always
/// has (by name) and is looked up by a name as well (`Borrow<str>`).
macro_rules! named {
    (
        $(#[$meta:meta])*
        pub enum $enum:ident { $($(#[$doc:meta])* $variant:ident = $name:literal,)* }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $enum { $($(#[$doc])* $variant,)* }

        impl Ord for $enum {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.name().cmp(other.name())
            }
        }

        impl PartialOrd for $enum {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl std::hash::Hash for $enum {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.name().hash(state)
            }
        }

        impl std::borrow::Borrow<str> for $enum {
            fn borrow(&self) -> &str {
                self.name()
            }
        }

        impl $enum {
            pub const ALL: &'static [$enum] = &[$($enum::$variant,)*];

            pub const fn name(self) -> &'static str {
                match self { $($enum::$variant => $name,)* }
            }

            pub fn from_name(name: &str) -> Option<$enum> {
                $enum::ALL.iter().copied().find(|v| v.name() == name)
            }
        }

        impl std::fmt::Display for $enum {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl Serialize for $enum {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> Deserialize<'de> for $enum {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$enum, D::Error> {
                let name = String::deserialize(d)?;
                $enum::from_name(&name).ok_or_else(|| {
                    serde::de::Error::unknown_variant(&name, &[$($name,)*])
                })
            }
        }
    };
}

named! {
    /// A KPI of the catalogue, in the catalogue's order.
    pub enum KpiId {
        TicketsCreated = "tickets_created",
        TicketsSolved = "tickets_solved",
        Backlog = "backlog",
        FirstResponseTime = "first_response_time",
        FirstResponseTimeBusiness = "first_response_time_business",
        ResolutionTime = "resolution_time",
        ResolutionTimeBusiness = "resolution_time_business",
        AverageHandleTime = "average_handle_time",
        SlaCompliance = "sla_compliance",
        FirstContactResolution = "first_contact_resolution",
        ReopenRate = "reopen_rate",
        RepliesPerTicket = "replies_per_ticket",
        EscalationRate = "escalation_rate",
        RepeatContactRate = "repeat_contact_rate",
        Csat = "csat",
        CsatResponseRate = "csat_response_rate",
        Nps = "nps",
        Ces = "ces",
        HappinessScore = "happiness_score",
        QualityScore = "quality_score",
        BotResolutionRate = "bot_resolution_rate",
        AverageSpeedOfAnswer = "average_speed_of_answer",
        AbandonRate = "abandon_rate",
        AverageTalkTime = "average_talk_time",
        CustomerRetentionRate = "customer_retention_rate",
        ChurnRate = "churn_rate",
        AgentUtilization = "agent_utilization",
        CostPerTicket = "cost_per_ticket",
    }
}

named! {
    /// What a KPI's headline counts or measures.
    pub enum Unit {
        Count = "count",
        Minutes = "minutes",
        Seconds = "seconds",
        Percent = "percent",
        /// Agent replies per ticket.
        Replies = "replies",
        /// A score on its own scale (NPS −100…100, CES 1–7, happiness −100…100).
        Score = "score",
        /// The settings' currency.
        Currency = "currency",
    }
}

/// A placeholder until a KPI names its unit: every KPI the report carries sets its own.
impl Default for Unit {
    fn default() -> Unit {
        Unit::Count
    }
}

named! {
    /// A group of cards on the page, in the page's order.
    pub enum Group {
        Volume = "volume",
        Speed = "speed",
        Effectiveness = "effectiveness",
        Satisfaction = "satisfaction",
        Calls = "calls",
        Customers = "customers",
        Team = "team",
    }
}

/// Which way a KPI should move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
    Neither,
}

/// One KPI's definition.
#[derive(Debug)]
pub struct Definition {
    pub id: KpiId,
    /// The English label of the Markdown report and the CSV; the page's come from its
    /// translations (`kpi.<id>`).
    pub label: &'static str,
    /// The headline's unit, null or not.
    pub unit: Unit,
    pub group: Group,
    pub better: Better,
    /// What the formula needs, checked in order: the first unmet gives the null's reason.
    pub requires: &'static [Requirement],
    /// Whether the KPI has a weekly series (the cards' sparklines): those whose week means
    /// something alone (a week's backlog or retention would not).
    pub trended: bool,
    /// The formula, run only where `requires` is met.
    pub formula: fn(&Dataset, &Context) -> Kpi,
}

impl Definition {
    /// Why the KPI cannot be had from these columns (and settings, where given), as the key of
    /// the message that says so; `None` when it can.
    pub fn unavailable(
        &self,
        dataset: &Dataset,
        context: Option<&Context>,
    ) -> Option<&'static str> {
        self.requires
            .iter()
            .find_map(|requirement| requirement.unmet(dataset, context))
    }

    /// The KPI over the dataset: null with the reason where a requirement is unmet.
    pub fn compute(&self, dataset: &Dataset, context: &Context) -> Kpi {
        match self.unavailable(dataset, Some(context)) {
            Some(reason) => Kpi::null(self.unit, Message::new(reason)),
            None => (self.formula)(dataset, context),
        }
    }
}

impl KpiId {
    /// The catalogue's entry for the KPI.
    pub fn definition(self) -> &'static Definition {
        // The table is in the enum's order (a test checks it).
        &CATALOGUE[self as usize]
    }
}

// Reasons shared by several entries (or read by a formula), as message keys
// (`src/i18n/engine/en.json`).
const NO_CREATED: &str = "timing.no_created";
const NO_HANDLE: &str = "team.no_handle";
const NO_REPLIES: &str = "quality.no_replies";
const NO_SATISFACTION: &str = "satisfaction.none";
const NO_CALLS: &str = "calls.none";
pub(super) const NO_AGENT_HOURS: &str = "team.set_hours";
pub(super) const NO_SUPPORT_COST: &str = "team.set_cost";

/// Every KPI, in the page's order.
pub const CATALOGUE: &[Definition] = &[
    Definition {
        id: KpiId::TicketsCreated,
        label: "Tickets created",
        unit: Unit::Count,
        group: Group::Volume,
        better: Better::Neither,
        requires: &[],
        trended: true,
        formula: |d, _| volume::tickets_created(d),
    },
    Definition {
        id: KpiId::TicketsSolved,
        label: "Tickets solved",
        unit: Unit::Count,
        group: Group::Volume,
        better: Better::Higher,
        requires: &[],
        trended: true,
        formula: |d, _| volume::tickets_solved(d),
    },
    Definition {
        id: KpiId::Backlog,
        label: "Backlog (unsolved)",
        unit: Unit::Count,
        group: Group::Volume,
        better: Better::Lower,
        requires: &[Requirement::AnyOf {
            ways: &[
                &[Column(Field::Status)],
                &[Column(Field::SolvedAt)],
                &[Column(Field::ClosedAt)],
            ],
            reasons: &[Reason::Otherwise("volume.no_status")],
        }],
        trended: false,
        formula: |d, c| volume::backlog(d, c.as_of),
    },
    Definition {
        id: KpiId::FirstResponseTime,
        label: "First response time (median)",
        unit: Unit::Minutes,
        group: Group::Speed,
        better: Better::Lower,
        requires: &[Requirement::AnyOf {
            ways: &[
                &[Column(Field::FirstResponseMinutes)],
                &[Column(Field::FirstResponseAt), Column(Field::CreatedAt)],
            ],
            reasons: &[
                Reason::If(Column(Field::FirstResponseAt), NO_CREATED),
                Reason::If(
                    Column(Field::FirstResponseBusinessMinutes),
                    "timing.business_only",
                ),
                Reason::Otherwise("timing.no_first_response"),
            ],
        }],
        trended: true,
        formula: |d, _| timing::first_response_time(d),
    },
    Definition {
        id: KpiId::FirstResponseTimeBusiness,
        label: "First response, business hours (median)",
        unit: Unit::Minutes,
        group: Group::Speed,
        better: Better::Lower,
        requires: &[Requirement::AnyOf {
            ways: &[
                &[Column(Field::FirstResponseBusinessMinutes)],
                &[
                    BusinessHours,
                    Column(Field::CreatedAt),
                    Column(Field::FirstResponseAt),
                ],
                &[
                    BusinessHours,
                    Column(Field::CreatedAt),
                    Column(Field::FirstResponseMinutes),
                ],
            ],
            reasons: &[Reason::Otherwise("timing.no_first_response_business")],
        }],
        trended: false,
        formula: timing::first_response_time_business,
    },
    Definition {
        id: KpiId::ResolutionTime,
        label: "Resolution time (median)",
        unit: Unit::Minutes,
        group: Group::Speed,
        better: Better::Lower,
        requires: &[Requirement::AnyOf {
            ways: &[
                &[Column(Field::ResolutionMinutes)],
                &[Column(Field::CreatedAt), Column(Field::SolvedAt)],
                &[Column(Field::CreatedAt), Column(Field::ClosedAt)],
            ],
            reasons: &[
                Reason::If(Column(Field::SolvedAt), NO_CREATED),
                Reason::Otherwise("timing.no_resolution"),
            ],
        }],
        trended: true,
        formula: |d, _| timing::resolution_time(d),
    },
    Definition {
        id: KpiId::ResolutionTimeBusiness,
        label: "Resolution, business hours (median)",
        unit: Unit::Minutes,
        group: Group::Speed,
        better: Better::Lower,
        requires: &[Requirement::AnyOf {
            ways: &[
                &[Column(Field::ResolutionBusinessMinutes)],
                &[
                    BusinessHours,
                    Column(Field::CreatedAt),
                    Column(Field::SolvedAt),
                ],
                &[
                    BusinessHours,
                    Column(Field::CreatedAt),
                    Column(Field::ClosedAt),
                ],
                &[
                    BusinessHours,
                    Column(Field::CreatedAt),
                    Column(Field::ResolutionMinutes),
                ],
            ],
            reasons: &[Reason::Otherwise("timing.no_resolution_business")],
        }],
        trended: false,
        formula: timing::resolution_time_business,
    },
    Definition {
        id: KpiId::AverageHandleTime,
        label: "Average handle time",
        unit: Unit::Minutes,
        group: Group::Speed,
        better: Better::Lower,
        requires: &[Requirement::One(Column(Field::HandleMinutes), NO_HANDLE)],
        trended: true,
        formula: |d, _| timing::average_handle_time(d),
    },
    Definition {
        id: KpiId::SlaCompliance,
        label: "SLA compliance",
        unit: Unit::Percent,
        group: Group::Speed,
        better: Better::Higher,
        requires: &[Requirement::AnyOf {
            ways: &[
                &[Need::SlaTargets],
                &[Column(Field::FirstResponseSla)],
                &[Column(Field::ResolutionSla)],
            ],
            reasons: &[Reason::Otherwise("sla.none")],
        }],
        trended: false,
        formula: sla::sla_compliance,
    },
    Definition {
        id: KpiId::FirstContactResolution,
        label: "First contact resolution",
        unit: Unit::Percent,
        group: Group::Effectiveness,
        better: Better::Higher,
        requires: &[Requirement::One(Column(Field::Replies), NO_REPLIES)],
        trended: true,
        formula: |d, _| quality::first_contact_resolution(d),
    },
    Definition {
        id: KpiId::ReopenRate,
        label: "Reopen rate",
        unit: Unit::Percent,
        group: Group::Effectiveness,
        better: Better::Lower,
        requires: &[Requirement::One(
            Column(Field::Reopens),
            "quality.no_reopens",
        )],
        trended: true,
        formula: |d, _| quality::reopen_rate(d),
    },
    Definition {
        id: KpiId::RepliesPerTicket,
        label: "Replies per solved ticket",
        unit: Unit::Replies,
        group: Group::Effectiveness,
        better: Better::Lower,
        requires: &[Requirement::One(Column(Field::Replies), NO_REPLIES)],
        trended: true,
        formula: |d, _| quality::replies_per_ticket(d),
    },
    Definition {
        id: KpiId::EscalationRate,
        label: "Escalation rate",
        unit: Unit::Percent,
        group: Group::Effectiveness,
        better: Better::Lower,
        requires: &[Requirement::AnyOf {
            ways: &[&[Column(Field::GroupStations)], &[Need::EscalationRule]],
            reasons: &[Reason::Otherwise("team.no_escalation")],
        }],
        trended: false,
        formula: team::escalation_rate,
    },
    Definition {
        id: KpiId::RepeatContactRate,
        label: "Repeat contact rate",
        unit: Unit::Percent,
        group: Group::Effectiveness,
        better: Better::Lower,
        requires: &[Requirement::AnyOf {
            ways: &[&[Column(Field::Requester), Column(Field::CreatedAt)]],
            reasons: &[Reason::Otherwise("team.no_requester")],
        }],
        trended: false,
        formula: team::repeat_contact_rate,
    },
    Definition {
        id: KpiId::Csat,
        label: "CSAT",
        unit: Unit::Percent,
        group: Group::Satisfaction,
        better: Better::Higher,
        requires: &[Requirement::One(
            Column(Field::Satisfaction),
            NO_SATISFACTION,
        )],
        trended: true,
        formula: |d, _| satisfaction::csat(d),
    },
    Definition {
        id: KpiId::CsatResponseRate,
        label: "CSAT response rate",
        unit: Unit::Percent,
        group: Group::Satisfaction,
        better: Better::Higher,
        requires: &[Requirement::One(
            Column(Field::Satisfaction),
            NO_SATISFACTION,
        )],
        trended: false,
        formula: |d, _| satisfaction::csat_response_rate(d),
    },
    Definition {
        id: KpiId::Nps,
        label: "NPS",
        unit: Unit::Score,
        group: Group::Satisfaction,
        better: Better::Higher,
        requires: &[Requirement::One(
            Column(Field::NpsScore),
            "satisfaction.no_nps",
        )],
        trended: true,
        formula: |d, _| satisfaction::nps(d),
    },
    Definition {
        id: KpiId::Ces,
        label: "Customer effort (CES)",
        unit: Unit::Score,
        group: Group::Satisfaction,
        better: Better::Higher,
        requires: &[Requirement::One(
            Column(Field::CesScore),
            "satisfaction.no_ces",
        )],
        trended: false,
        formula: satisfaction::ces,
    },
    Definition {
        id: KpiId::HappinessScore,
        label: "Happiness score",
        unit: Unit::Score,
        group: Group::Satisfaction,
        better: Better::Higher,
        // Told by the ratings themselves: the formula's null says when there are none.
        requires: &[],
        trended: false,
        formula: |d, _| satisfaction::happiness_score(d),
    },
    Definition {
        id: KpiId::QualityScore,
        label: "Quality score (QA)",
        unit: Unit::Percent,
        group: Group::Effectiveness,
        better: Better::Higher,
        requires: &[Requirement::One(
            Column(Field::QualityScore),
            "quality.no_qa",
        )],
        trended: false,
        formula: |d, _| quality::quality_score(d),
    },
    Definition {
        id: KpiId::BotResolutionRate,
        label: "Bot resolution rate",
        unit: Unit::Percent,
        group: Group::Effectiveness,
        better: Better::Higher,
        requires: &[Requirement::One(
            Column(Field::BotInvolved),
            "quality.no_bot_column",
        )],
        trended: false,
        formula: |d, _| quality::bot_resolution_rate(d),
    },
    Definition {
        id: KpiId::AverageSpeedOfAnswer,
        label: "Average speed of answer",
        unit: Unit::Seconds,
        group: Group::Calls,
        better: Better::Lower,
        requires: &[Requirement::One(Need::Calls, NO_CALLS)],
        trended: false,
        formula: |d, _| calls::average_speed_of_answer(d),
    },
    Definition {
        id: KpiId::AbandonRate,
        label: "Call abandon rate",
        unit: Unit::Percent,
        group: Group::Calls,
        better: Better::Lower,
        requires: &[Requirement::One(Need::Calls, NO_CALLS)],
        trended: false,
        formula: |d, _| calls::abandon_rate(d),
    },
    Definition {
        id: KpiId::AverageTalkTime,
        label: "Average talk time",
        unit: Unit::Seconds,
        group: Group::Calls,
        better: Better::Neither,
        requires: &[Requirement::One(Need::Calls, NO_CALLS)],
        trended: false,
        formula: |d, _| calls::average_talk_time(d),
    },
    Definition {
        id: KpiId::CustomerRetentionRate,
        label: "Customer retention",
        unit: Unit::Percent,
        group: Group::Customers,
        better: Better::Higher,
        // A date range, and customers or requesters: the formula says which is missing.
        requires: &[],
        trended: false,
        formula: customers::customer_retention_rate,
    },
    Definition {
        id: KpiId::ChurnRate,
        label: "Churn rate",
        unit: Unit::Percent,
        group: Group::Customers,
        better: Better::Lower,
        requires: &[],
        trended: false,
        formula: customers::churn_rate,
    },
    Definition {
        id: KpiId::AgentUtilization,
        label: "Agent utilisation",
        unit: Unit::Percent,
        group: Group::Team,
        better: Better::Higher,
        requires: &[
            Requirement::One(Need::AgentHours, NO_AGENT_HOURS),
            Requirement::One(Column(Field::HandleMinutes), NO_HANDLE),
        ],
        trended: false,
        formula: team::agent_utilization,
    },
    Definition {
        id: KpiId::CostPerTicket,
        label: "Cost per solved ticket",
        unit: Unit::Currency,
        group: Group::Team,
        better: Better::Lower,
        requires: &[Requirement::One(Need::SupportCost, NO_SUPPORT_COST)],
        trended: false,
        formula: team::cost_per_ticket,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::{context, dataset};

    #[test]
    fn the_table_is_in_the_enums_order_and_lists_each_kpi_once() {
        assert_eq!(CATALOGUE.len(), KpiId::ALL.len());
        for (at, definition) in CATALOGUE.iter().enumerate() {
            assert_eq!(definition.id as usize, at, "{}", definition.id);
            assert_eq!(KpiId::ALL[at], definition.id);
        }
    }

    #[test]
    fn names_read_back() {
        for id in KpiId::ALL {
            let json = serde_json::to_string(id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.name()));
            assert_eq!(serde_json::from_str::<KpiId>(&json).unwrap(), *id);
        }
        for unit in Unit::ALL {
            let json = serde_json::to_string(unit).unwrap();
            assert_eq!(serde_json::from_str::<Unit>(&json).unwrap(), *unit);
        }
        assert!(serde_json::from_str::<Unit>("\"furlongs\"").is_err());
    }

    #[test]
    fn a_map_keyed_by_kpi_lists_them_by_name_and_finds_them_by_name() {
        let map: std::collections::BTreeMap<KpiId, usize> =
            KpiId::ALL.iter().map(|&id| (id, id as usize)).collect();
        let names: Vec<&str> = map.keys().map(|id| id.name()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        let hashed: std::collections::HashMap<KpiId, usize> = map.clone().into_iter().collect();
        for id in KpiId::ALL {
            assert_eq!(map.get(id.name()), Some(&(*id as usize)));
            assert_eq!(hashed.get(id.name()), Some(&(*id as usize)));
        }
    }

    /// Each KPI's headline is in its entry's unit, null or not: over no tickets (every KPI
    /// null) and over the generated sample under settings that let every KPI have a value.
    #[test]
    fn every_kpi_is_in_its_entrys_unit() {
        let empty = dataset("Id\n1\n");
        let kpis = crate::kpi::compute(&empty, &context(&empty));
        let sample = crate::sample::zendesk_csv(2);
        let data =
            crate::dataset::Dataset::merge(vec![
                crate::ingest::read_export("z.csv", &sample).unwrap()
            ]);
        let settings = crate::settings::Settings {
            agent_hours_per_week: Some(40.0),
            support_cost: Some(1000.0),
            ..Default::default()
        };
        let compiled = settings.compile().unwrap();
        let context = Context::new(&compiled, data.as_of(), Some(30.0));
        let full = crate::kpi::compute(&data, &context);
        for definition in CATALOGUE {
            for kpis in [&kpis, &full] {
                let kpi = &kpis[definition.id.name()];
                assert_eq!(kpi.unit, definition.unit, "{}", definition.id);
            }
        }
        assert!(full["cost_per_ticket"].value.is_some());
    }
}
