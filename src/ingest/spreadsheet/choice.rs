//! Which sheet of a workbook holds the tickets, and where its header row sits. People export a
//! workbook they have worked on: a pivot table or a summary often comes first, and a report's
//! title rows sit above the header. A sheet is scored by how many of its headers the reader
//! recognises (the vendor tables' column names), weighted by its data rows.

use crate::ingest::field::normalize_header;
use crate::ingest::vendor;

/// Rows looked through for the header, as a text file's title lines are.
pub const HEAD_ROWS: usize = 10;

/// A sheet's table: where its header is and how much of it the reader knows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Table {
    /// 0-based row of the header among the sheet's rows.
    pub header_at: usize,
    /// Headers that feed a canonical field.
    pub recognised: usize,
}

fn filled(row: &[String]) -> usize {
    row.iter().filter(|c| !c.trim().is_empty()).count()
}

/// Whether a row has no text at all.
pub fn is_blank(row: &[String]) -> bool {
    filled(row) == 0
}

/// How many of `headers` the recognised vendor's table (or the generic one) names.
pub fn recognised(headers: &[String]) -> usize {
    let vendor = vendor::recognise(headers);
    headers
        .iter()
        .map(|h| normalize_header(h))
        .filter(|h| {
            [vendor, vendor::FALLBACK]
                .iter()
                .flat_map(|v| v.columns)
                .any(|c| c.names.contains(&h.as_str()))
        })
        .count()
}

/// The header among the first `HEAD_ROWS` of `head` (which may hold one row more, to see what
/// follows): a row of several cells, with a non-blank row after it and only narrower rows (titles,
/// blanks) above it, so that a data row under a header is never taken for one. The row the reader
/// knows most of wins, then the first: a title of two cells loses to a header the reader knows.
/// `None` when no row qualifies.
pub fn find_table(head: &[Vec<String>]) -> Option<Table> {
    let mut best: Option<Table> = None;
    let mut widest_above = 0;
    for (at, row) in head.iter().enumerate().take(HEAD_ROWS) {
        let cells = filled(row);
        let followed = head[at + 1..].iter().any(|r| !is_blank(r));
        let below_titles = cells > widest_above;
        widest_above = widest_above.max(cells);
        if cells < 2 || !followed || !below_titles {
            continue;
        }
        let table = Table {
            header_at: at,
            recognised: recognised(row),
        };
        if best.is_none_or(|b| table.recognised > b.recognised) {
            best = Some(table);
        }
    }
    best
}

/// How much a sheet looks like the ticket table: recognised headers first, data rows second
/// (logarithmically, so that a long list of two known columns does not outweigh a ticket table
/// of ten). 0 for a sheet the reader knows nothing of.
pub fn score(table: Table, data_rows: usize) -> f64 {
    table.recognised as f64 * (1.0 + data_rows as f64).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&str]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn the_header_is_found_below_a_title_a_subtitle_and_a_blank_row() {
        let sheet = rows(&[
            "Tickets report,,,",
            "May 2025,,,",
            ",,,",
            "Id,Status,Created at,Solved at",
            "1,Open,2025-05-01,",
            "2,Solved,2025-05-02,2025-05-03",
        ]);
        let table = find_table(&sheet).unwrap();
        assert_eq!(table.header_at, 3);
        assert_eq!(table.recognised, 4);
    }

    #[test]
    fn a_pivot_table_loses_to_the_ticket_table() {
        let pivot = rows(&[
            "Row Labels,Count of Ticket ID",
            "Open,3",
            "Solved,5",
            "Grand Total,8",
        ]);
        let pivot_table = find_table(&pivot).unwrap();
        assert_eq!(pivot_table.recognised, 0);
        let tickets = rows(&[
            "Id,Status,Priority,Created at,Solved at",
            "1,open,high,2025-05-01,",
            "2,solved,low,2025-05-02,2025-05-03",
        ]);
        let ticket_table = find_table(&tickets).unwrap();
        assert!(score(ticket_table, 2) > score(pivot_table, 3));
        assert_eq!(score(pivot_table, 3), 0.0);
    }

    #[test]
    fn a_lone_row_or_a_column_of_words_has_no_header() {
        assert_eq!(find_table(&rows(&["Id,Status"])), None);
        assert_eq!(find_table(&rows(&["Notes", "Exported by Ana", "ok"])), None);
    }
}
