//! The report as Markdown, for pasting into a wiki or a chat.

use std::fmt::Write;

use super::format::format_kpi_value;
use super::Report;
use crate::kpi::CATALOGUE;

pub fn to_markdown(report: &Report) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(report, &mut out);
    out
}

fn write_report(report: &Report, out: &mut String) -> std::fmt::Result {
    writeln!(out, "# Helpdesk KPI report\n")?;
    write!(out, "{} tickets", report.tickets)?;
    if let Some(as_of) = &report.as_of {
        write!(out, ", as of {as_of}")?;
    }
    if report.duplicates > 0 {
        write!(out, " ({} duplicate rows merged)", report.duplicates)?;
    }
    writeln!(out, ".\n")?;

    writeln!(out, "## KPIs\n")?;
    writeln!(out, "| KPI | value | n | detail |")?;
    writeln!(out, "|---|---:|---:|---|")?;
    for definition in CATALOGUE {
        let Some(kpi) = report.kpis.get(&definition.id) else {
            continue;
        };
        let n = kpi.n.map(|n| n.to_string()).unwrap_or_default();
        let detail = kpi.reason.as_deref().or(kpi.note.as_deref()).unwrap_or("");
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            definition.label,
            format_kpi_value(kpi),
            n,
            escape(detail)
        )?;
    }

    for (name, counts) in &report.breakdowns {
        writeln!(out, "\n## Tickets by {name}\n")?;
        writeln!(out, "| {name} | tickets |")?;
        writeln!(out, "|---|---:|")?;
        for (value, count) in counts {
            writeln!(out, "| {} | {count} |", escape(value))?;
        }
    }

    writeln!(out, "\n## Files\n")?;
    writeln!(out, "| file | format | rows | skipped |")?;
    writeln!(out, "|---|---|---:|---:|")?;
    for source in &report.sources {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape(&source.file),
            source.format_name,
            source.rows,
            source.skipped
        )?;
    }
    for source in report.sources.iter().filter(|s| s.skipped > 0) {
        writeln!(out, "\nSkipped rows in {}:\n", escape(&source.file))?;
        for row in &source.skipped_reasons {
            let column = row
                .column
                .as_deref()
                .map(|c| format!(", column '{c}'"))
                .unwrap_or_default();
            writeln!(
                out,
                "- line {}{}: {}",
                row.line,
                escape(&column),
                escape(&row.reason)
            )?;
        }
        if source.skipped > source.skipped_reasons.len() {
            writeln!(
                out,
                "- … and {} more",
                source.skipped - source.skipped_reasons.len()
            )?;
        }
    }
    for error in &report.errors {
        writeln!(
            out,
            "\n**{}** could not be read: {}",
            escape(&error.file),
            escape(&error.text())
        )?;
    }
    Ok(())
}

/// Keeps a cell's text from breaking the table or being read as markup.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut previous = ' ';
    for c in text.chars() {
        match c {
            // `](` starts a link's address.
            '(' if previous == ']' => escaped.push_str("\\("),
            // Markdown punctuation that could make a link, emphasis or code of a cell.
            '\\' | '|' | '[' | ']' | '*' | '_' | '`' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '<' => escaped.push_str("&lt;"),
            '\n' | '\r' => escaped.push(' '),
            c => escaped.push(c),
        }
        previous = c;
    }
    escaped
}
