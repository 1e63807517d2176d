//! How KPI values read to a person: the catalogue's labels and display rounding. The JSON keeps
//! the raw values; rounding is for display only.

use super::Kpi;

/// A KPI's place on the page and in the Markdown report.
#[derive(Debug)]
pub struct KpiInfo {
    pub id: &'static str,
    pub label: &'static str,
    /// speed, effectiveness, satisfaction, volume
    pub group: &'static str,
}

/// Catalogue order, grouped as the page shows them.
pub const CATALOGUE: &[KpiInfo] = &[
    KpiInfo {
        id: "tickets_created",
        label: "Tickets created",
        group: "volume",
    },
    KpiInfo {
        id: "tickets_solved",
        label: "Tickets solved",
        group: "volume",
    },
    KpiInfo {
        id: "backlog",
        label: "Backlog (unsolved)",
        group: "volume",
    },
    KpiInfo {
        id: "first_response_time",
        label: "First response time (median)",
        group: "speed",
    },
    KpiInfo {
        id: "first_response_time_business",
        label: "First response, business hours (median)",
        group: "speed",
    },
    KpiInfo {
        id: "resolution_time",
        label: "Resolution time (median)",
        group: "speed",
    },
    KpiInfo {
        id: "resolution_time_business",
        label: "Resolution, business hours (median)",
        group: "speed",
    },
    KpiInfo {
        id: "average_handle_time",
        label: "Average handle time",
        group: "speed",
    },
    KpiInfo {
        id: "first_contact_resolution",
        label: "First contact resolution",
        group: "effectiveness",
    },
    KpiInfo {
        id: "reopen_rate",
        label: "Reopen rate",
        group: "effectiveness",
    },
    KpiInfo {
        id: "replies_per_ticket",
        label: "Replies per solved ticket",
        group: "effectiveness",
    },
    KpiInfo {
        id: "csat",
        label: "CSAT",
        group: "satisfaction",
    },
    KpiInfo {
        id: "csat_response_rate",
        label: "CSAT response rate",
        group: "satisfaction",
    },
    KpiInfo {
        id: "nps",
        label: "NPS",
        group: "satisfaction",
    },
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
        let computed = crate::kpi::compute(&crate::dataset::Dataset::default());
        let listed: Vec<&str> = CATALOGUE.iter().map(|k| k.id).collect();
        let mut computed_ids: Vec<&str> = computed.keys().map(String::as_str).collect();
        let mut listed_sorted = listed.clone();
        listed_sorted.sort();
        computed_ids.sort();
        assert_eq!(listed_sorted, computed_ids);
    }
}
