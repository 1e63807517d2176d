//! The report's tables as CSV, for spreadsheets. A cell that a spreadsheet would run as a formula
//! (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`,
//! so that a subject like `=HYPERLINK(...)` opens as text (OWASP "CSV injection").

use super::Report;
use crate::kpi::CATALOGUE;

/// The tables a person can download.
pub const TABLES: [&str; 5] = [
    "kpis",
    "agents",
    "channels",
    "created_vs_solved",
    "skipped_rows",
];

/// One table as CSV text; `None` for an unknown name.
pub fn table_csv(report: &Report, name: &str) -> Option<String> {
    let rows: Vec<Vec<String>> = match name {
        "kpis" => kpi_rows(report),
        "agents" => agent_rows(report),
        "channels" => channel_rows(report),
        "created_vs_solved" => {
            let mut rows = vec![cells(&["date", "created", "solved"])];
            rows.extend(report.series.created_vs_solved.iter().map(|d| {
                vec![
                    d.date.to_string(),
                    d.created.to_string(),
                    d.solved.to_string(),
                ]
            }));
            rows
        }
        // Rows skipped and cells set aside (their ticket kept), in one list: what was not read.
        "skipped_rows" => {
            let mut rows = vec![cells(&["file", "line", "column", "reason", "ticket"])];
            for source in &report.sources {
                let skipped = source.skipped_reasons.iter().map(|s| (s, "skipped"));
                let aside = source.set_aside_cells.iter().map(|s| (s, "kept"));
                let mut all: Vec<_> = skipped.chain(aside).collect();
                all.sort_by_key(|(s, _)| s.line);
                rows.extend(all.into_iter().map(|(s, ticket)| {
                    vec![
                        source.file.clone(),
                        s.line.to_string(),
                        s.column.clone().unwrap_or_default(),
                        s.reason.clone(),
                        ticket.to_string(),
                    ]
                }));
            }
            rows
        }
        _ => return None,
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let safe: Vec<String> = row.iter().map(|cell| neutralise(cell)).collect();
        // Writing to memory cannot fail.
        let _ = writer.write_record(&safe);
    }
    writer
        .into_inner()
        .ok()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Prefixes a cell that a spreadsheet would evaluate. Plain negative numbers stay numbers.
pub fn neutralise(cell: &str) -> String {
    let dangerous = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if dangerous && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn cells(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn kpi_rows(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![cells(&[
        "id",
        "label",
        "value",
        "unit",
        "n",
        "mean",
        "median",
        "p90",
        "previous",
        "delta",
        "target",
        "target_met",
        "reason",
        "note",
    ])];
    for definition in CATALOGUE {
        let Some(kpi) = report.kpis.get(&definition.id) else {
            continue;
        };
        rows.push(vec![
            definition.id.to_string(),
            definition.label.to_string(),
            number(kpi.value),
            kpi.unit.to_string(),
            kpi.n.map(|n| n.to_string()).unwrap_or_default(),
            number(kpi.mean),
            number(kpi.median),
            number(kpi.p90),
            number(kpi.previous),
            number(kpi.delta),
            number(kpi.target),
            kpi.target_met.map(|m| m.to_string()).unwrap_or_default(),
            kpi.reason.clone().unwrap_or_default(),
            kpi.note.clone().unwrap_or_default(),
        ]);
    }
    rows
}

fn agent_rows(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![cells(&[
        "agent",
        "tickets",
        "solved",
        "median_first_response_minutes",
        "median_resolution_minutes",
        "csat",
        "first_contact_resolution",
        "replies_per_ticket",
        "average_handle_minutes",
        "utilization",
    ])];
    rows.extend(report.agents.iter().map(|a| {
        vec![
            a.agent.clone(),
            a.tickets.to_string(),
            a.solved.to_string(),
            number(a.median_first_response_minutes),
            number(a.median_resolution_minutes),
            number(a.csat),
            number(a.first_contact_resolution),
            number(a.replies_per_ticket),
            number(a.average_handle_minutes),
            number(a.utilization),
        ]
    }));
    rows
}

fn channel_rows(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![cells(&[
        "channel",
        "tickets",
        "median_first_response_minutes",
        "median_resolution_minutes",
        "csat",
    ])];
    rows.extend(report.channels.iter().map(|c| {
        vec![
            c.channel.clone(),
            c.tickets.to_string(),
            number(c.median_first_response_minutes),
            number(c.median_resolution_minutes),
            number(c.csat),
        ]
    }));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("+1+2"), "'+1+2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tcmd"), "'\tcmd");
        assert_eq!(neutralise("-12.5"), "-12.5");
        assert_eq!(neutralise("Ann"), "Ann");
    }

    #[test]
    fn agent_names_that_look_like_formulas_are_exported_as_text() {
        let csv = "Id,Status,Assignee,Created at\n1,Solved,=cmd|' /C calc'!A0,2024-03-01 08:00\n";
        let report = crate::analyze([("t.csv", csv.as_bytes())]);
        let table = table_csv(&report, "agents").unwrap();
        assert!(table.contains("'=cmd|' /C calc'!A0"), "{table}");
        assert!(table_csv(&report, "kpis")
            .unwrap()
            .starts_with("id,label,value"));
        assert_eq!(table_csv(&report, "nope"), None);
    }
}
