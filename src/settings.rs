//! Settings: everything a support lead tells the engine that the export does not say. One serde
//! type, read by the CLI (`--settings FILE`) and kept by the page; unknown keys are refused so
//! that a typo does not silently do nothing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ingest::values::RatingScale;
use crate::message::Message;
use crate::model::time::business_hours::Schedule;
use crate::model::time::business_hours::ScheduleSpec;
use crate::model::time::Zone;
use crate::model::Timestamp;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The time zone of the report (IANA name, e.g. Europe/Warsaw): times without an offset are
    /// read as its wall clock, times with one are turned into it, days are counted in it, and
    /// durations across a DST change are exact. UTC when absent.
    pub time_zone: Option<String>,
    /// The as-of time for backlog ages and open SLA clocks, `YYYY-MM-DDTHH:MM:SS`; default: the
    /// latest timestamp in the data.
    pub as_of: Option<String>,
    /// The support team's business hours, used where the export has no business-hours column.
    pub business_hours: Option<ScheduleSpec>,
    /// Business hours of particular groups (by the export's group name), overriding the above.
    pub group_business_hours: BTreeMap<String, ScheduleSpec>,
    /// SLA targets by priority (lower-cased, as the report shows them); `"*"` for any other.
    pub sla: BTreeMap<String, SlaTarget>,
    /// A target per KPI id (headline value), shown as met or missed.
    pub targets: BTreeMap<String, f64>,
    /// Days within which another ticket from the same requester counts as a repeat contact.
    pub repeat_contact_window_days: Option<f64>,
    /// Support cost of the selected period, in `currency`.
    pub support_cost: Option<f64>,
    pub currency: Option<String>,
    /// Contracted hours per agent per week, for utilisation.
    pub agent_hours_per_week: Option<f64>,
    /// What counts as an escalation besides more than one group station.
    pub escalation: EscalationRule,
    /// The top of the CES scale (1–7 unless set; the top is the easiest).
    pub ces_scale_max: Option<f64>,
    /// The top of the CSAT scale of numeric scores: 5 (1–5), 7 (1–7) or 10 (0–10). Without it
    /// the largest score in the column decides.
    pub csat_scale_max: Option<f64>,
    /// Dates like 03/04/2024 in a column where no day is above 12: `day_first` (3 April) or
    /// `month_first` (March 4). The page's default follows the browser's language (month first
    /// in the United States), the command line's is day first.
    pub date_order: Option<crate::ingest::DateOrder>,
    /// What status values mean where the vendor's table and the lexicon do not know them (or
    /// know them otherwise): `{"Fechado": "closed", "Parked": "on_hold"}`.
    pub status_values: BTreeMap<String, String>,
    /// What satisfaction answers mean: `{"Slightly dissatisfied": "unsatisfied"}`.
    pub answer_values: BTreeMap<String, String>,
}

/// First-response and resolution targets for one priority, in minutes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SlaTarget {
    pub first_response_minutes: Option<f64>,
    pub resolution_minutes: Option<f64>,
    /// Measured in business minutes (needs business hours) rather than calendar minutes.
    pub business_hours: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EscalationRule {
    /// Tags (lower-cased) that mark an escalated ticket.
    pub tags: Vec<String>,
    /// Statuses (canonical or the export's own word, lower-cased) that mark one.
    pub statuses: Vec<String>,
}

/// Default CES scale: 1–7 (catalogue, `ces`).
pub const DEFAULT_CES_SCALE_MAX: f64 = 7.0;

/// Default window of `repeat_contact_rate` (catalogue: 7 days).
pub const DEFAULT_REPEAT_WINDOW_DAYS: f64 = 7.0;

impl Settings {
    /// Reads settings from JSON; the message names the problem and the place (serde's words
    /// for the problem).
    pub fn from_json(text: &str) -> Result<Settings, Message> {
        let settings: Settings = serde_json::from_str(text).map_err(|e| {
            Message::new("settings.invalid")
                .with("error", &e)
                .with("line", e.line())
                .with("column", e.column())
        })?;
        settings.validate()?;
        Ok(settings)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report's time zone, checked.
    pub fn zone(&self) -> Result<Option<crate::model::time::zone::Zone>, Message> {
        self.time_zone
            .as_deref()
            .map(|name| {
                name.parse()
                    .map_err(|_| Message::new("settings.zone").with("zone", name))
            })
            .transpose()
    }

    /// What the reader needs to know: the time zone and the declared CSAT scale.
    pub fn read_options(&self) -> Result<crate::ingest::ReadOptions, Message> {
        let csat_scale = match self.csat_scale_max {
            None => None,
            Some(max) if [5.0, 7.0, 10.0].contains(&max) => RatingScale::from_max(max),
            Some(max) => {
                return Err(Message::new("settings.csat_scale").with("max", max));
            }
        };
        Ok(crate::ingest::ReadOptions {
            zone: self.zone()?,
            csat_scale,
            date_order: self.date_order,
            choices: crate::ingest::Choices {
                all: crate::ingest::FileChoices {
                    status_values: self.status_values.clone(),
                    answer_values: self.answer_values.clone(),
                    ..Default::default()
                },
                ..Default::default()
            },
            size_hint: None,
        })
    }

    /// Checks what serde cannot: zones, times and numbers that make sense.
    pub fn validate(&self) -> Result<(), Message> {
        self.compile().map(|_| ())
    }

    /// The settings checked and compiled once, for every report made with them.
    pub fn compile(&self) -> Result<CompiledSettings, Message> {
        let read_options = self.read_options()?;
        let as_of = match &self.as_of {
            Some(as_of) => Some(
                crate::ingest::datetime::parse_setting_time(as_of)
                    .ok_or_else(|| Message::new("settings.as_of").with("value", as_of))?,
            ),
            None => None,
        };
        let schedule = self
            .business_hours
            .as_ref()
            .map(|spec| spec.compile())
            .transpose()?;
        let mut group_schedules = BTreeMap::new();
        for (group, spec) in &self.group_business_hours {
            group_schedules.insert(group.to_lowercase(), spec.compile()?);
        }
        for (priority, target) in &self.sla {
            for minutes in [target.first_response_minutes, target.resolution_minutes]
                .into_iter()
                .flatten()
            {
                if !(minutes.is_finite() && minutes > 0.0) {
                    return Err(Message::new("settings.sla_target").with("priority", priority));
                }
            }
        }
        for (name, value) in [
            (
                "repeat_contact_window_days",
                self.repeat_contact_window_days,
            ),
            ("support_cost", self.support_cost),
            ("agent_hours_per_week", self.agent_hours_per_week),
        ] {
            if let Some(value) = value {
                if !(value.is_finite() && value >= 0.0) {
                    return Err(Message::new("settings.not_negative").with("name", name));
                }
            }
        }
        Ok(CompiledSettings {
            settings: self.clone(),
            zone: read_options.zone,
            read_options,
            as_of,
            schedule,
            group_schedules,
        })
    }
}

/// Settings as every report reads them: checked, with the business-hours schedules compiled,
/// the zone looked up and the as-of time read, once rather than for each report. The default
/// is the default settings compiled.
#[derive(Debug, Default)]
pub struct CompiledSettings {
    pub settings: Settings,
    pub read_options: crate::ingest::ReadOptions,
    pub zone: Option<Zone>,
    /// The as-of time the settings give (the data's latest time when `None`).
    pub as_of: Option<Timestamp>,
    /// The team's business hours.
    pub schedule: Option<Schedule>,
    /// Business hours of particular groups, by lower-cased group name.
    pub group_schedules: BTreeMap<String, Schedule>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_compile_once_into_what_every_report_reads() {
        let settings = Settings::from_json(
            r#"{"time_zone": "Europe/Warsaw", "as_of": "2024-03-31T17:00:00",
                "business_hours": {"time_zone": "UTC", "hours": {"mon": ["09:00-17:00"]}},
                "group_business_hours": {"Billing": {"time_zone": "UTC"}}}"#,
        )
        .unwrap();
        let compiled = settings.compile().unwrap();
        assert_eq!(compiled.settings, settings);
        assert_eq!(
            compiled.zone.map(|z| z.to_string()).as_deref(),
            Some("Europe/Warsaw")
        );
        // 2024-03-31T17:00:00 as written: 1 711 904 400 s after the epoch.
        assert_eq!(compiled.as_of, Some(1_711_904_400));
        assert!(compiled.schedule.is_some());
        // Looked up by the group's lower-cased name, as the export's may be written otherwise.
        assert_eq!(
            compiled.group_schedules.keys().collect::<Vec<_>>(),
            ["billing"]
        );
        let wrong = Settings {
            as_of: Some("yesterday".into()),
            ..Settings::default()
        };
        assert_eq!(
            wrong.compile().unwrap_err().text(),
            "as_of 'yesterday' is not a time like 2024-03-31T17:00:00"
        );
        assert!(Settings::default().compile().is_ok());
    }
}
