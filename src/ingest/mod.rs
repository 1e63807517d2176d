//! Ingest: one exported file (bytes) → canonical tickets and a report of what was read.
//!
//! The steps are: decode the text (`decode`), find the delimiter (`delimiter`), recognise the
//! vendor from the header row (`vendor`), settle each column's form (`columns`: datetime form,
//! rating scale), then turn each row into a `Ticket` (`row`). A row that cannot be read is
//! skipped and kept in `SourceReport::skipped_reasons` with its line, column and reason.

mod columns;
pub mod datetime;
mod decode;
pub mod delimiter;
pub mod field;
mod records;
mod row;
mod spreadsheet;
pub mod values;
pub mod vendor;

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::model::{Call, Customer, SurveyAnswer, Ticket};
pub use field::Field;
use vendor::RecordKind;

/// At most this many skipped rows are kept with their reasons; all are counted.
pub const MAX_SKIPPED_REASONS: usize = 1000;

/// What was read from one file.
#[derive(Debug)]
pub struct Export {
    pub tickets: Vec<Ticket>,
    pub calls: Vec<Call>,
    pub surveys: Vec<SurveyAnswer>,
    pub customers: Vec<Customer>,
    pub source: SourceReport,
}

/// The report's `sources[]` entry for one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceReport {
    pub file: String,
    /// Vendor id: `zendesk`, `freshdesk`, ..., `generic` (see `vendor::VENDORS`).
    pub format: String,
    /// What the rows are: `tickets`, `calls`, `surveys` or `customers`.
    pub kind: &'static str,
    /// What the page shows: "Zendesk Support ticket export".
    pub format_name: String,
    pub encoding: String,
    pub delimiter: String,
    /// Data rows in the file (header excluded), read or skipped.
    pub rows: usize,
    pub skipped: usize,
    pub skipped_reasons: Vec<SkippedRow>,
    /// Which column feeds each canonical field.
    pub columns: BTreeMap<Field, String>,
    /// Things the person should know that did not cost a row.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A row that was not read, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkippedRow {
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub reason: String,
}

/// A file that could not be read at all. The message says what to do.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IngestError {
    pub file: String,
    pub message: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for IngestError {}

/// What the settings tell the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ReadOptions {
    /// The report's time zone: instants (times with an offset, Unix times) become its wall
    /// clock. UTC when `None`.
    pub zone: Option<chrono_tz::Tz>,
    /// The scale of numeric satisfaction scores; settled from the largest score when `None`.
    pub csat_scale: Option<values::RatingScale>,
}

/// Reads one exported file, times as written (UTC for instants).
pub fn read_export(file: &str, bytes: &[u8]) -> Result<Export, IngestError> {
    read_export_with(file, bytes, &ReadOptions::default())
}

/// Reads one exported file with the settings' options.
pub fn read_export_with(
    file: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<Export, IngestError> {
    let fail = |message: String| IngestError {
        file: file.to_string(),
        message,
    };
    // A workbook is read as its first sheet's CSV; anything else is decoded as text.
    let mut sheet_warnings = Vec::new();
    let (decoded_text, encoding) = match spreadsheet::first_sheet(bytes) {
        Some(Ok(sheet)) => {
            if !sheet.others.is_empty() {
                sheet_warnings.push(format!(
                    "only the first sheet was read; the workbook also has {}",
                    sheet.others.join(", ")
                ));
            }
            (sheet.csv, sheet.description)
        }
        Some(Err(message)) => return Err(fail(message)),
        None => {
            let decoded = decode::decode(bytes).map_err(|e| fail(e.message()))?;
            (decoded.text, decoded.encoding.to_string())
        }
    };
    let (delimiter, text) = match delimiter::excel_separator_line(&decoded_text) {
        Some((delimiter, rest)) => (delimiter, rest),
        None => (delimiter::sniff_delimiter(&decoded_text), &decoded_text[..]),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        _ => {
            return Err(fail(
                "the file has no header row: export it again".to_string(),
            ))
        }
    };
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();

    let mut skipped = Vec::new();
    let mut rows = Vec::new();
    let mut line_counter = LineCounter::new(text);
    for record in records {
        match record {
            Ok(record) => {
                let line = line_counter.line_of(record.position().map_or(0, |p| p.byte()));
                if record.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                // Exports joined with `cat` repeat the header; read as data it makes a ticket
                // whose id is "Id" wherever no date column catches it.
                if record.len() == headers.len()
                    && record
                        .iter()
                        .zip(&headers)
                        .all(|(cell, h)| cell.trim() == h)
                {
                    skipped.push(SkippedRow {
                        line,
                        column: None,
                        reason: "the row repeats the header: two exports were joined into one \
                                 file; each one's rows are still read"
                            .to_string(),
                    });
                    continue;
                }
                rows.push((line, record));
            }
            Err(error) => skipped.push(SkippedRow {
                line: line_counter.line_of(error.position().map_or(0, |p| p.byte())),
                column: None,
                reason: format!("the row cannot be read as CSV: {error}"),
            }),
        }
    }
    // Only an unclosed quote lets a header cell hold a line break and swallow the rows.
    if rows.is_empty() && headers.iter().any(|h| h.contains(['\n', '\r'])) {
        return Err(fail(
            "the header row has a quote (\") that is never closed, so the whole file reads as \
             one header: fix the quote on line 1, or export the file again"
                .to_string(),
        ));
    }
    if rows.is_empty() && skipped.is_empty() {
        return Err(fail(
            "the file has a header but no ticket rows: widen the date range of the export"
                .to_string(),
        ));
    }

    let vendor = vendor::recognise(&headers);
    let mut layout = columns::settle(vendor, &headers, &rows);
    layout.zone = options.zone;
    if options.csat_scale.is_some() && layout.get(Field::Satisfaction).is_some() {
        layout.rating_scale = options.csat_scale;
    }
    if layout.is_useless() {
        return Err(fail(format!(
            "no column was recognised as a ticket field (found: {}): export tickets from your \
             helpdesk, or rename the columns to names like 'Created at', 'Status', 'Solved at'",
            preview_headers(&headers)
        )));
    }

    let total_rows = rows.len() + skipped.len();
    let mut tickets = Vec::new();
    let mut calls = Vec::new();
    let mut surveys = Vec::new();
    let mut customers = Vec::new();
    for (line, record) in &rows {
        let cells = records::Cells {
            record,
            headers: &headers,
            layout: &layout,
            line: *line,
        };
        let read = match vendor.kind {
            RecordKind::Tickets => row::read_ticket(file, *line, record, &headers, &layout, vendor)
                .map(|t| tickets.push(t)),
            RecordKind::Calls => records::read_call(file, &cells).map(|c| calls.push(c)),
            RecordKind::Surveys => records::read_survey(&cells).map(|s| surveys.push(s)),
            RecordKind::Customers => records::read_customer(&cells).map(|c| customers.push(c)),
        };
        if let Err(skip) = read {
            skipped.push(skip);
        }
    }
    skipped.sort_by_key(|s| s.line);
    let skipped_count = skipped.len();
    skipped.truncate(MAX_SKIPPED_REASONS);

    Ok(Export {
        tickets,
        calls,
        surveys,
        customers,
        source: SourceReport {
            file: file.to_string(),
            format: vendor.id.to_string(),
            kind: match vendor.kind {
                RecordKind::Tickets => "tickets",
                RecordKind::Calls => "calls",
                RecordKind::Surveys => "surveys",
                RecordKind::Customers => "customers",
            },
            format_name: vendor.name.to_string(),
            encoding,
            delimiter: delimiter::delimiter_name(delimiter).to_string(),
            rows: total_rows,
            skipped: skipped_count,
            skipped_reasons: skipped,
            columns: layout.describe(&headers),
            warnings: layout
                .warnings
                .iter()
                .cloned()
                .chain(sheet_warnings)
                .collect(),
        },
    })
}

/// Line numbers of records, from their byte offsets. The csv crate's own `Position::line` is
/// wrong after CRLF (every record gets the previous record's line) and after blank lines: a
/// record's position there is the end of the record before it, so the line breaks between are
/// skipped here and counted.
struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    /// The line on which the record reported at `byte` starts. Offsets come in file order.
    fn line_of(&mut self, byte: u64) -> u64 {
        let target = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .clamp(self.byte, self.text.len());
        while self.byte < target {
            self.step();
        }
        // No record starts with a line break outside quotes: these are terminators and blank
        // lines before it.
        while matches!(self.text.get(self.byte), Some(b'\r' | b'\n')) {
            self.step();
        }
        self.line
    }

    fn step(&mut self) {
        if self.at_line_break() {
            self.line += 1;
        }
        self.byte += 1;
    }

    /// `\n`, or a `\r` not followed by `\n` (old Mac files).
    fn at_line_break(&self) -> bool {
        match self.text.get(self.byte) {
            Some(b'\n') => true,
            Some(b'\r') => self.text.get(self.byte + 1) != Some(&b'\n'),
            _ => false,
        }
    }
}

/// The first header names, quoted so that blank ones show ("found: '', ''").
fn preview_headers(headers: &[String]) -> String {
    let shown: Vec<String> = headers.iter().take(6).map(|h| values::quoted(h)).collect();
    let more = headers.len().saturating_sub(shown.len());
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped_lines(text: &str) -> Vec<u64> {
        let export = read_export("t.csv", text.as_bytes()).unwrap();
        export
            .source
            .skipped_reasons
            .iter()
            .map(|s| s.line)
            .collect()
    }

    #[test]
    fn line_numbers_survive_crlf_blank_lines_and_quoted_breaks() {
        // Line 5 is the bad date in each; csv's own Position::line said 3 (CRLF) and 3 (LF).
        let crlf = "Id,Created at\r\n1,2024-01-01\r\n2,2024-01-02\r\n3,2024-01-03\r\n4,bad\r\n";
        assert_eq!(skipped_lines(crlf), vec![5]);
        let blank = "Id,Created at\n1,2024-01-01\n\n\n4,bad\n";
        assert_eq!(skipped_lines(blank), vec![5]);
        let quoted = "Id,Created at,Subject\n1,2024-01-01,\"a\r\nb\"\n\r\n4,bad,x\n";
        assert_eq!(skipped_lines(quoted), vec![5]);
        let leading = "\n\nId,Created at\n1,2024-01-01\n2,bad\n";
        assert_eq!(skipped_lines(leading), vec![5]);
        let old_mac = "Id,Created at\r1,2024-01-01\r2,bad\r";
        assert_eq!(skipped_lines(old_mac), vec![3]);
    }

    #[test]
    fn a_repeated_header_is_skipped_not_read_as_a_ticket() {
        let export = read_export(
            "t.csv",
            b"Id,Status,Priority\n1,Open,High\nId,Status,Priority\n2,Open,Low\n",
        )
        .unwrap();
        let ids: Vec<&str> = export.tickets.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, vec!["1", "2"]);
        assert_eq!(export.source.skipped_reasons[0].line, 3);
        assert!(export.source.skipped_reasons[0]
            .reason
            .contains("repeats the header"));
    }

    #[test]
    fn an_unclosed_quote_in_the_header_is_named() {
        let error =
            read_export("t.csv", b"Id,\"Status,Created at\n1,Open,2024-01-01\n").unwrap_err();
        assert!(error.message.contains("never closed"), "{}", error.message);
    }

    #[test]
    fn excel_sep_line_and_blank_header_names() {
        let export = read_export("t.csv", b"sep=;\r\nId;Status\r\n1;Open\r\n").unwrap();
        assert_eq!(export.source.delimiter, "semicolon");
        assert_eq!(export.tickets.len(), 1);
        let error = read_export("t.csv", b",,\n1,2,3\n").unwrap_err();
        assert!(
            error.message.contains("(found: '', '', '')"),
            "{}",
            error.message
        );
    }
}
