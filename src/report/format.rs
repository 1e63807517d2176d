//! How KPI values read to a person: the catalogue's labels and display rounding. The JSON keeps
//! the raw values; rounding is for display only.

use super::Kpi;

/// Which way a KPI should move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
    Neither,
}

/// A KPI's place on the page and in the Markdown report.
#[derive(Debug)]
pub struct KpiInfo {
    pub id: &'static str,
    pub label: &'static str,
    /// volume, speed, effectiveness, satisfaction, team
    pub group: &'static str,
    pub better: Better,
}

const fn info(
    id: &'static str,
    label: &'static str,
    group: &'static str,
    better: Better,
) -> KpiInfo {
    KpiInfo {
        id,
        label,
        group,
        better,
    }
}

/// Catalogue order, grouped as the page shows them.
pub const CATALOGUE: &[KpiInfo] = &[
    info(
        "tickets_created",
        "Tickets created",
        "volume",
        Better::Neither,
    ),
    info("tickets_solved", "Tickets solved", "volume", Better::Higher),
    info("backlog", "Backlog (unsolved)", "volume", Better::Lower),
    info(
        "first_response_time",
        "First response time (median)",
        "speed",
        Better::Lower,
    ),
    info(
        "first_response_time_business",
        "First response, business hours (median)",
        "speed",
        Better::Lower,
    ),
    info(
        "resolution_time",
        "Resolution time (median)",
        "speed",
        Better::Lower,
    ),
    info(
        "resolution_time_business",
        "Resolution, business hours (median)",
        "speed",
        Better::Lower,
    ),
    info(
        "average_handle_time",
        "Average handle time",
        "speed",
        Better::Lower,
    ),
    info("sla_compliance", "SLA compliance", "speed", Better::Higher),
    info(
        "first_contact_resolution",
        "First contact resolution",
        "effectiveness",
        Better::Higher,
    ),
    info("reopen_rate", "Reopen rate", "effectiveness", Better::Lower),
    info(
        "replies_per_ticket",
        "Replies per solved ticket",
        "effectiveness",
        Better::Lower,
    ),
    info(
        "escalation_rate",
        "Escalation rate",
        "effectiveness",
        Better::Lower,
    ),
    info(
        "repeat_contact_rate",
        "Repeat contact rate",
        "effectiveness",
        Better::Lower,
    ),
    info("csat", "CSAT", "satisfaction", Better::Higher),
    info(
        "csat_response_rate",
        "CSAT response rate",
        "satisfaction",
        Better::Higher,
    ),
    info("nps", "NPS", "satisfaction", Better::Higher),
    info(
        "ces",
        "Customer effort (CES)",
        "satisfaction",
        Better::Higher,
    ),
    info(
        "happiness_score",
        "Happiness score",
        "satisfaction",
        Better::Higher,
    ),
    info(
        "quality_score",
        "Quality score (QA)",
        "effectiveness",
        Better::Higher,
    ),
    info(
        "bot_resolution_rate",
        "Bot resolution rate",
        "effectiveness",
        Better::Higher,
    ),
    info(
        "average_speed_of_answer",
        "Average speed of answer",
        "calls",
        Better::Lower,
    ),
    info("abandon_rate", "Call abandon rate", "calls", Better::Lower),
    info(
        "average_talk_time",
        "Average talk time",
        "calls",
        Better::Neither,
    ),
    info(
        "customer_retention_rate",
        "Customer retention",
        "customers",
        Better::Higher,
    ),
    info("churn_rate", "Churn rate", "customers", Better::Lower),
    info(
        "agent_utilization",
        "Agent utilisation",
        "team",
        Better::Higher,
    ),
    info(
        "cost_per_ticket",
        "Cost per solved ticket",
        "team",
        Better::Lower,
    ),
];

/// The headline as shown: "1,234", "2 h 05 min", "87.5 %", "1.6"; "—" for null.
pub fn format_kpi_value(kpi: &Kpi) -> String {
    let Some(value) = kpi.value else {
        return "—".to_string();
    };
    match kpi.unit {
        "count" => group_thousands(value.round() as i64),
        "minutes" => format_minutes(value),
        "percent" => format!("{value:.1} %"),
        "score" => format!("{value:+.0}"),
        "currency" => format!("{value:.2}"),
        "seconds" => format_minutes(value / 60.0),
        _ => format!("{value:.2}"),
    }
}

/// Minutes as "45 min", "2 h 05 min", "3 d 4 h".
pub fn format_minutes(minutes: f64) -> String {
    let total = minutes.round() as i64;
    if total < 60 {
        format!("{minutes:.0} min")
    } else if total < 24 * 60 {
        format!("{} h {:02} min", total / 60, total % 60)
    } else {
        let hours = total / 60;
        format!("{} d {} h", hours / 24, hours % 24)
    }
}

pub fn group_thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_forms() {
        assert_eq!(format_minutes(42.4), "42 min");
        assert_eq!(format_minutes(125.0), "2 h 05 min");
        assert_eq!(format_minutes(3.0 * 1440.0 + 250.0), "3 d 4 h");
        assert_eq!(group_thousands(16476), "16,476");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(-1234567), "-1,234,567");
        let percent = Kpi {
            value: Some(87.46),
            unit: "percent",
            ..Kpi::default()
        };
        assert_eq!(format_kpi_value(&percent), "87.5 %");
        assert_eq!(format_kpi_value(&Kpi::null("percent", "none")), "—");
    }

    #[test]
    fn the_catalogue_lists_every_computed_kpi() {
        let dataset = crate::dataset::Dataset::default();
        let computed = crate::kpi::compute(&dataset, &crate::kpi::tests::context(&dataset));
        let listed: Vec<&str> = CATALOGUE.iter().map(|k| k.id).collect();
        let mut computed_ids: Vec<&str> = computed.keys().map(String::as_str).collect();
        let mut listed_sorted = listed.clone();
        listed_sorted.sort();
        computed_ids.sort();
        assert_eq!(listed_sorted, computed_ids);
    }
}
