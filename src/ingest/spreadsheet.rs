//! Workbooks (XLSX, XLSM, XLSB, XLS, ODS) read with `calamine`, a pure-Rust reader that builds for
//! wasm32, and SpreadsheetML 2003 XML (`xml`): the sheet chosen, else the one that holds the ticket
//! table (`choice`), becomes CSV text for the same pipeline as a CSV export. Excel's date cells
//! become `YYYY-MM-DD HH:MM:SS`; whole numbers lose Excel's `.0`.

// In the page's module the readers below are left out (`parts`): only the sniff is used there.
#![cfg_attr(wasm_page, allow(dead_code, unused_imports))]

mod choice;
mod xml;

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Range, Reader};

use choice::Table;

use crate::message::Message;

/// One sheet of a workbook, as CSV text.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Sheet {
    pub csv: String,
    /// "XLSX sheet 'Tickets'", shown where a CSV shows its encoding.
    pub description: String,
    /// The sheet read.
    pub name: String,
    /// Every sheet of the workbook, in order.
    pub names: Vec<String>,
    /// Which sheet was read and why, and the title rows passed over above its header.
    pub warnings: Vec<Message>,
}

/// Whether the bytes open like a workbook (a zip, an old Excel file, SpreadsheetML XML).
pub fn is_workbook(bytes: &[u8]) -> bool {
    workbook_kind(bytes).is_some()
}

/// The kind of workbook, as the key of its name in the catalogue.
fn workbook_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("file.kind_xlsx")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("file.kind_old_xls")
    } else if xml::is_spreadsheet_xml(bytes) {
        Some(xml::KIND)
    } else {
        None
    }
}

/// The sheet `read_export` would read with no sheet chosen: `None` when the bytes are no
/// workbook; an error message when they look like one but cannot be read.
#[cfg(test)]
pub fn first_sheet(bytes: &[u8]) -> Option<Result<Sheet, Message>> {
    sheet(bytes, None)
}

/// The sheet named `name`, else the one that holds the ticket table, as `first_sheet` (read
/// through `parts`: in the page, by the workbook module).
pub fn sheet(bytes: &[u8], name: Option<&str>) -> Option<Result<Sheet, Message>> {
    workbook_kind(bytes)?;
    Some(super::parts::sheet(bytes, name))
}

/// The sheet named `name`, else the one that holds the ticket table, of a workbook.
pub fn read_sheet(bytes: &[u8], name: Option<&str>) -> Result<Sheet, Message> {
    match workbook_kind(bytes) {
        Some(xml::KIND) => read_xml(bytes, name),
        Some(kind) => read(bytes, kind, name),
        // What the page's sniff would have said of bytes that are no workbook.
        None => Err(Message::new("file.binary")),
    }
}

/// The sheet named `wanted`: its exact name first, then the same name in another case.
fn find_name(names: &[String], wanted: &str, kind: &str) -> Result<usize, Message> {
    names
        .iter()
        .position(|n| n.as_str() == wanted)
        .or_else(|| {
            names
                .iter()
                .position(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
        })
        .ok_or_else(|| {
            Message::new("file.no_such_sheet")
                .with_message("msg_kind", &Message::new(kind))
                .with("sheet", wanted)
                .with("sheets", listed(names.iter()))
        })
}

fn listed<'a>(names: impl Iterator<Item = &'a String>) -> String {
    names
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A sheet looked at for the ticket table.
struct Candidate {
    at: usize,
    table: Option<Table>,
    score: f64,
}

impl Candidate {
    fn of(at: usize, head: &[Vec<String>], data_rows: impl FnOnce(usize) -> usize) -> Self {
        let table = choice::find_table(head);
        let score = table.map_or(0.0, |t| choice::score(t, data_rows(t.header_at + 1)));
        Candidate { at, table, score }
    }

    /// Whether `self` beats `best` (the first sheet keeps a tie).
    fn beats(&self, best: Option<&Candidate>) -> bool {
        best.is_none_or(|b| self.score > b.score)
    }
}

/// What to tell about the sheet read, when the workbook has others.
fn choice_warning(names: &[String], at: usize, chosen: bool, scored: bool) -> Option<Message> {
    let name = names.get(at)?;
    if names.len() < 2 {
        return None;
    }
    let sheets = listed(
        names
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != at)
            .map(|(_, n)| n),
    );
    let key = if chosen {
        "warning.sheet_chosen"
    } else if scored {
        "warning.sheet_ticket_table"
    } else {
        "warning.sheet_first"
    };
    Some(Message::new(key).with("sheet", name).with("sheets", sheets))
}

fn read(bytes: &[u8], kind: &str, wanted: Option<&str>) -> Result<Sheet, Message> {
    let kind_message = Message::new(kind);
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
        Message::new("file.workbook_unreadable")
            .with_message("msg_kind", &kind_message)
            .with("error", e)
    })?;
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err(Message::new("file.workbook_no_sheet").with_message("msg_kind", &kind_message));
    }
    let unreadable = |name: &str, e: calamine::Error| {
        Message::new("file.sheet_unreadable")
            .with("sheet", name)
            .with("error", e)
    };
    let (at, range, table) = match wanted {
        Some(wanted) => {
            let at = find_name(&names, wanted, kind)?;
            let range = workbook
                .worksheet_range(&names[at])
                .map_err(|e| unreadable(&names[at], e))?;
            let table = choice::find_table(&head_of(&range));
            (at, range, table)
        }
        None => {
            // Every sheet is read to be scored; only the best one's cells are kept.
            let mut best: Option<(Candidate, Range<Data>)> = None;
            let mut first_error = None;
            for (at, name) in names.iter().enumerate() {
                let range = match workbook.worksheet_range(name) {
                    Ok(range) => range,
                    Err(e) => {
                        first_error.get_or_insert_with(|| unreadable(name, e));
                        continue;
                    }
                };
                let candidate = Candidate::of(at, &head_of(&range), |from| {
                    range
                        .rows()
                        .skip(from)
                        .filter(|r| r.iter().any(|c| !cell_text(c).trim().is_empty()))
                        .count()
                });
                if candidate.beats(best.as_ref().map(|(b, _)| b)) {
                    best = Some((candidate, range));
                }
            }
            match best {
                Some((candidate, range)) => (candidate.at, range, candidate.table),
                None => {
                    return Err(first_error.unwrap_or_else(|| {
                        Message::new("file.workbook_no_sheet")
                            .with_message("msg_kind", &kind_message)
                    }))
                }
            }
        }
    };
    // Line numbers of the CSV are the sheet's row numbers: calamine's range starts at its first
    // filled row.
    let offset = range.start().map_or(0, |(row, _)| row as usize);
    let rows = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect::<Vec<_>>());
    Ok(finish(
        kind,
        names,
        at,
        wanted.is_some(),
        table,
        offset,
        rows,
    ))
}
fn read_xml(bytes: &[u8], wanted: Option<&str>) -> Result<Sheet, Message> {
    let mut sheets = xml::worksheets(bytes)?;
    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    if sheets.is_empty() {
        return Err(Message::new("file.workbook_no_sheet")
            .with_message("msg_kind", &Message::new(xml::KIND)));
    }
    let head =
        |rows: &[Vec<String>]| choice::find_table(&rows[..rows.len().min(choice::HEAD_ROWS + 1)]);
    let (at, table) = match wanted {
        Some(wanted) => {
            let at = find_name(&names, wanted, xml::KIND)?;
            (at, head(&sheets[at].rows))
        }
        None => {
            let mut best: Option<Candidate> = None;
            for (at, sheet) in sheets.iter().enumerate() {
                let rows = &sheet.rows;
                let candidate =
                    Candidate::of(at, &rows[..rows.len().min(choice::HEAD_ROWS + 1)], |from| {
                        rows.iter()
                            .skip(from)
                            .filter(|r| !choice::is_blank(r))
                            .count()
                    });
                if candidate.beats(best.as_ref()) {
                    best = Some(candidate);
                }
            }
            let best = best.unwrap_or(Candidate {
                at: 0,
                table: None,
                score: 0.0,
            });
            (best.at, best.table)
        }
    };
    let mut rows = std::mem::take(&mut sheets[at].rows);
    // An XML row ends at its last filled cell; the CSV reader wants every row as wide as the
    // header, as calamine's rectangular ranges are.
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    Ok(finish(
        xml::KIND,
        names,
        at,
        wanted.is_some(),
        table,
        0,
        rows.into_iter(),
    ))
}

/// The first rows of a sheet, as text: enough to find its header.
fn head_of(range: &Range<Data>) -> Vec<Vec<String>> {
    range
        .rows()
        .take(choice::HEAD_ROWS + 1)
        .map(|r| r.iter().map(cell_text).collect())
        .collect()
}

/// The sheet at `at` as CSV text from its header on. The rows above the header (title, blank)
/// become empty lines, which the CSV reader passes over, so each data row keeps its line number;
/// `offset` more empty lines stand for the rows the sheet's cells start below.
fn finish(
    kind: &str,
    names: Vec<String>,
    at: usize,
    chosen: bool,
    table: Option<Table>,
    offset: usize,
    rows: impl Iterator<Item = Vec<String>>,
) -> Sheet {
    let scored = table.is_some_and(|t| t.recognised > 0);
    let mut warnings: Vec<Message> = choice_warning(&names, at, chosen, scored)
        .into_iter()
        .collect();
    let header_at = table.map_or(0, |t| t.header_at);
    let mut csv = "\n".repeat(offset + header_at);
    let mut title = Vec::new();
    // Flexible: a strict writer would refuse a row of another length half-written.
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for (i, row) in rows.enumerate() {
        if i < header_at {
            if !choice::is_blank(&row) {
                title.push(crate::ingest::values::quoted(row.join(" ").trim()));
            }
            continue;
        }
        // Writing to memory cannot fail, and a flexible writer takes rows of any length.
        let _ = writer.write_record(&row);
    }
    if !title.is_empty() {
        // As the CSV reader says of a text file's title lines.
        warnings.push(
            Message::new("warning.title_lines")
                .with("count", title.len())
                .with("lines", title.join(", ")),
        );
    }
    csv.push_str(
        &writer
            .into_inner()
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default(),
    );
    let chosen = names.get(at).cloned().unwrap_or_default();
    Sheet {
        csv,
        description: format!("{} sheet '{chosen}'", Message::new(kind).text()),
        name: chosen,
        names,
        warnings,
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        Data::Float(number) => number.to_string(),
        Data::Int(number) => number.to_string(),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(excel) if excel.is_duration() => excel
            .as_duration()
            .map(|d| {
                let seconds = d.num_seconds();
                format!(
                    "{}:{:02}:{:02}",
                    seconds / 3600,
                    seconds / 60 % 60,
                    seconds % 60
                )
            })
            .unwrap_or_default(),
        Data::DateTime(excel) => excel
            .as_datetime()
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/exports/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn the_ticket_table_is_read_over_a_pivot_and_a_summary() {
        let sheet = first_sheet(&export("pivot_then_tickets.xlsx"))
            .unwrap()
            .unwrap();
        assert_eq!(sheet.name, "Tickets");
        assert_eq!(sheet.names, vec!["Pivot", "Summary", "Tickets"]);
        assert_eq!(
            sheet.warnings[0].text(),
            "the sheet 'Tickets' was read: it holds the ticket table; the workbook also has \
             'Pivot', 'Summary'"
        );
        // The title row and the blank row become empty lines: the header keeps its line, 3.
        assert!(
            sheet.csv.starts_with("\n\nId,Requester id,Group,Status"),
            "{}",
            sheet.csv
        );
        assert!(sheet.warnings[1]
            .text()
            .contains("'Zendesk tickets, 29 April to 2 June 2025'"));
        // A chosen sheet still wins, however little it holds.
        let pivot = sheet_named(&export("pivot_then_tickets.xlsx"), "pivot");
        assert_eq!(pivot.name, "Pivot");
        assert!(pivot.warnings[0]
            .text()
            .starts_with("the sheet 'Pivot' was read, as chosen"));
    }

    fn sheet_named(bytes: &[u8], name: &str) -> Sheet {
        sheet(bytes, Some(name)).unwrap().unwrap()
    }

    #[test]
    fn a_header_below_a_title_a_subtitle_and_a_blank_row_is_found() {
        let sheet = first_sheet(&export("title_rows_sheet.xlsx"))
            .unwrap()
            .unwrap();
        assert!(
            sheet
                .csv
                .starts_with("\n\n\nTicket ID,Subject,Status,Priority,Channel,Assigned to"),
            "{}",
            sheet.csv
        );
        assert!(sheet
            .csv
            .contains("\nT-1,Printer offline,Resolved,Normal,Email,Ana,2025-05-02 09:00:00,"));
        assert_eq!(sheet.warnings.len(), 1, "one sheet: no word on the choice");
        assert!(sheet.warnings[0]
            .text()
            .starts_with("the 2 line(s) above the header"));
    }

    #[test]
    fn freshdesk_spreadsheetml_reads_as_its_csv() {
        let bytes = export("freshdesk_spreadsheetml.xls");
        assert!(is_workbook(&bytes));
        let sheet = first_sheet(&bytes).unwrap().unwrap();
        assert_eq!(
            sheet.description,
            "SpreadsheetML 2003 (XML .xls) workbook sheet 'Tickets'"
        );
        let lines: Vec<&str> = sheet.csv.lines().collect();
        assert_eq!(lines.len(), 11);
        assert!(lines[0].starts_with("Ticket ID,Subject,Status,Priority,Source,Type,Agent"));
        // Ticket 102 has no closed time: the cell left out is an empty field, and every row is
        // as wide as the header.
        assert!(lines[2].starts_with(
            "102,Invoice shows the wrong VAT,Resolved,Medium,Portal,Question,Tom Becker,\
             Billing,2025-05-02 10:00:00,2025-05-03 10:00:00,2025-05-02 13:30:00,,"
        ));
        assert!(lines.iter().all(|l| csv_width(l) == 23), "{lines:?}");
        assert!(sheet
            .csv
            .contains("107,\"Question about the \"\"Pro\"\" plan\""));
        assert!(sheet.csv.contains("2025-05-15 11:44:18"));
        let bad = b"<?xml version=\"1.0\"?><Workbook><Worksheet ss:Name=\"T\"></Workbook>";
        let message = first_sheet(bad).unwrap().unwrap_err().text();
        assert!(message.contains("save it as \"CSV UTF-8\""), "{message}");
    }

    fn csv_width(line: &str) -> usize {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes())
            .records()
            .next()
            .and_then(Result::ok)
            .map_or(0, |r| r.len())
    }

    #[test]
    fn the_public_xlsx_reads_as_its_csv() {
        // The same data directory as tests/reference: HELPDESK_KPI_DATA, else ../shared/data.
        let data = std::env::var("HELPDESK_KPI_DATA")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").into());
        let path = std::path::Path::new(&data).join("zendesk-insurer/tickets.xlsx");
        let Ok(bytes) = std::fs::read(&path) else {
            panic!(
                "{} is missing: the public data sets live in ../shared/data (or set \
                 HELPDESK_KPI_DATA)",
                path.display()
            );
        };
        let sheet = first_sheet(&bytes).unwrap().unwrap();
        assert!(
            sheet.csv.starts_with("Id,Requester id,Group,Status"),
            "{}",
            &sheet.csv[..200]
        );
        assert!(sheet.description.contains("sheet"));
        assert!(first_sheet(b"Id,Status\n").is_none());
        assert!(first_sheet(b"PK\x03\x04not a zip").unwrap().is_err());
    }
}
