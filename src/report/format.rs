//! How KPI values read to a person: display rounding. The JSON keeps the raw values; rounding is
//! for display only. The labels are the catalogue's (`kpi::CATALOGUE`).

use crate::kpi::{Kpi, Unit};

/// The headline as shown: "1,234", "2 h 05 min", "87.5 %", "1.6"; "—" for null.
pub fn format_kpi_value(kpi: &Kpi) -> String {
    let Some(value) = kpi.value else {
        return "—".to_string();
    };
    match kpi.unit {
        Unit::Count => group_thousands(value.round() as i64),
        Unit::Minutes => format_minutes(value),
        Unit::Percent => format!("{value:.1} %"),
        Unit::Score => format!("{value:+.0}"),
        Unit::Currency | Unit::Replies => format!("{value:.2}"),
        Unit::Seconds => format_minutes(value / 60.0),
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
            unit: Unit::Percent,
            ..Kpi::default()
        };
        assert_eq!(format_kpi_value(&percent), "87.5 %");
        assert_eq!(
            format_kpi_value(&Kpi::null(
                Unit::Percent,
                crate::message::Message::new("team.no_ticket")
            )),
            "—"
        );
    }
}
