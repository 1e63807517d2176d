//! Ingest: one exported file (bytes) → canonical tickets and a report of what was read.
//!
//! The steps are: decode the text (`decode`), find the delimiter (`delimiter`), recognise the
//! vendor from the header row (`vendor`), settle each column's form (`columns`: datetime form,
//! rating scale), then turn each row into a `Ticket` (`row`). A row that cannot be read is
//! skipped and kept in `SourceReport::skipped_reasons` with its line, column and reason.

pub mod choices;
mod columns;
pub mod datetime;
mod decode;
pub mod delimiter;
pub mod field;
pub mod lexicon;
pub mod parts;
mod profile;
mod readings;
mod records;
mod row;
mod spreadsheet;
pub mod stream;
pub mod values;
pub mod vendor;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::message::Message;
use crate::model::table::TicketTable;
use crate::model::{Call, Customer, SurveyAnswer, Ticket};
pub use choices::{Choices, FileChoices};
pub use columns::Evidence;
pub use datetime::DateOrder;
pub use field::Field;
pub use values::ReadBy;
use vendor::RecordKind;

/// At most this many skipped rows are kept with their reasons; all are counted.
pub const MAX_SKIPPED_REASONS: usize = 1000;

/// What was read from one file.
#[derive(Debug)]
pub struct Export {
    /// The file's tickets, as columns, merged by id as they were read (not yet finished: the
    /// dataset merges the files and finishes the table).
    pub tickets: TicketTable,
    pub calls: Vec<Call>,
    pub surveys: Vec<SurveyAnswer>,
    pub customers: Vec<Customer>,
    pub source: SourceReport,
}

/// The report's `sources[]` entry for one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceReport {
    pub file: String,
    /// Vendor id: `zendesk`, `freshdesk`, ..., `generic` (see `vendor::VENDORS`).
    pub format: String,
    /// What the rows are: `tickets`, `calls`, `surveys` or `customers`.
    pub kind: String,
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
    /// Things the person should know that did not cost a row, in English.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The same as messages, one for each, in order: what the page translates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warning_keys: Vec<Message>,
    /// The header row, as written: what a field can be fed from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
    /// A fingerprint of the header row (`choices::header_signature`), under which the page
    /// remembers column choices.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub header_signature: String,
    /// A few values of each mapped column as read (`columns::preview`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub preview: BTreeMap<Field, Vec<String>>,
    /// A workbook's sheets, and the one read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Date columns whose values leave day and month first open (no day above 12), and the
    /// order they were read in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_date_order: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    /// Each mapped field's column, what says so (`yours`, `vendor`, `header`, `content`) and how
    /// sure the reader is (0–1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<Field, Evidence>,
    /// Each distinct status value, how many rows hold it and how it was read (`read_as` null:
    /// a value the reader does not know, counted as unsolved).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<ValueReading>,
    /// Each distinct satisfaction answer word, likewise (scores are read by the column's scale).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<ValueReading>,
    /// Cells that could not be read: their field is unknown for their ticket, which is kept.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub set_aside: usize,
    /// The set-aside cells by column header.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub set_aside_by_column: BTreeMap<String, usize>,
    /// The first `MAX_SKIPPED_REASONS` of them, with line, column and reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside_cells: Vec<SkippedRow>,
    /// Fields read on an assumption the KPIs they feed must carry as a note (a duration unit
    /// no header named).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_notes: BTreeMap<Field, String>,
    /// The same as messages.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_note_keys: BTreeMap<Field, Message>,
}

impl SourceReport {
    /// Adds a warning: its English text and its message.
    pub fn warn(&mut self, warning: Message) {
        self.warnings.push(warning.text());
        self.warning_keys.push(warning);
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One distinct value of a status or satisfaction column, and how the reader took it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValueReading {
    /// As written (trimmed).
    pub value: String,
    pub rows: usize,
    /// `open`, `solved`, … for statuses; `satisfied`, `unsatisfied`, `unanswered`,
    /// `not_offered` for answers; `null` when unknown.
    pub read_as: Option<String>,
    pub by: ReadBy,
}

/// At most this many distinct values are listed per column.
pub const MAX_VALUES_LISTED: usize = 60;

/// A row that was not read (or a cell set aside), and why: in English, and as the key and
/// arguments of its message (what the page translates).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SkippedRow {
    pub line: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub reason: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason_key: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reason_args: BTreeMap<String, String>,
}

impl SkippedRow {
    /// Line `line` (and the column headed `column`) not read, for `reason`.
    pub fn new(line: u64, column: Option<String>, reason: Message) -> SkippedRow {
        SkippedRow {
            line,
            column,
            reason: reason.text(),
            reason_key: reason.key,
            reason_args: reason.args,
        }
    }

    /// The reason as a message.
    pub fn message(&self) -> Message {
        Message {
            key: self.reason_key.clone(),
            args: self.reason_args.clone(),
        }
    }
}

/// A file that could not be read at all: which file, where when one place is to blame, and
/// what went wrong. Its message says what to do; the JSON carries it in English and as its
/// catalogue key and arguments (`message::Message`), which the page translates.
#[derive(Clone, Debug, PartialEq)]
pub struct IngestError {
    pub file: String,
    /// The line of the file to blame, where one is.
    pub line: Option<u64>,
    /// The column to blame, by its header, where one is.
    pub column: Option<String>,
    pub kind: ErrorKind,
}

/// What kept a file from being read.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The source failed (the file gone, no permission): the system's words.
    Unreadable(String),
    /// Nothing but perhaps a BOM and blank lines.
    Empty,
    /// A workbook or other document where a CSV file was expected: which kind (a message).
    NotCsv(Message),
    /// Binary data, not text.
    Binary,
    NoHeader,
    /// A quote in the header row that is never closed: the whole file reads as one header.
    UnclosedHeaderQuote,
    /// A header and no rows.
    HeaderOnly,
    /// No column feeds a ticket field: the first headers found.
    NoTicketColumn {
        found: String,
    },
    /// An encoding chosen by a name this tool does not know.
    UnknownEncoding(String),
    /// What the workbook reader or the page said, as a message.
    Said(Message),
}

impl ErrorKind {
    /// The message of the catalogue that says it.
    pub fn message(&self) -> Message {
        match self {
            ErrorKind::Unreadable(error) => Message::new("file.unreadable").with("error", error),
            ErrorKind::Empty => Message::new("file.empty"),
            ErrorKind::NotCsv(kind) => Message::new("file.workbook").with_message("msg_kind", kind),
            ErrorKind::Binary => Message::new("file.binary"),
            ErrorKind::NoHeader => Message::new("file.no_header"),
            ErrorKind::UnclosedHeaderQuote => Message::new("file.unclosed_header_quote"),
            ErrorKind::HeaderOnly => Message::new("file.header_only"),
            ErrorKind::NoTicketColumn { found } => {
                Message::new("file.no_ticket_column").with("columns", found)
            }
            ErrorKind::UnknownEncoding(label) => Message::new("file.encoding_unknown")
                .with("label", label)
                .with("list", choices::ENCODINGS.join(", ")),
            ErrorKind::Said(message) => message.clone(),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.text())
    }
}

impl std::error::Error for IngestError {}

/// An I/O error that says what went wrong as a message (the page's file reader uses it): a file
/// whose first bytes fail so gets that message, not the system's words.
#[derive(Debug)]
pub struct SaidError(pub Message);

impl fmt::Display for SaidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.text())
    }
}

impl std::error::Error for SaidError {}

impl IngestError {
    pub fn new(file: &str, kind: ErrorKind) -> IngestError {
        IngestError {
            file: file.to_string(),
            line: None,
            column: None,
            kind,
        }
    }

    /// The same, blaming one line.
    pub fn at_line(mut self, line: u64) -> IngestError {
        self.line = Some(line);
        self
    }

    /// The message, in English.
    pub fn text(&self) -> String {
        self.kind.message().text()
    }
}

/// How an error is written in the JSON: `file`, `line` and `column` where known, `message` in
/// English, and the message's `key` and `args`.
#[derive(Serialize, Deserialize)]
struct ErrorJson {
    file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    column: Option<String>,
    message: String,
    #[serde(flatten)]
    said: Message,
}

impl Serialize for IngestError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let said = self.kind.message();
        ErrorJson {
            file: self.file.clone(),
            line: self.line,
            column: self.column.clone(),
            message: said.text(),
            said,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for IngestError {
    /// Read back (by the page) as the message it says.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<IngestError, D::Error> {
        let json = ErrorJson::deserialize(d)?;
        Ok(IngestError {
            file: json.file,
            line: json.line,
            column: json.column,
            // A text from outside the engine, without a key, is a message of no catalogue
            // key, which is shown as written.
            kind: ErrorKind::Said(match json.said.key.is_empty() {
                true => Message::new(&json.message),
                false => json.said,
            }),
        })
    }
}

/// What the settings and the person's choices tell the reader.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadOptions {
    /// The report's time zone: instants (times with an offset, Unix times) become its wall
    /// clock. UTC when `None`.
    pub zone: Option<crate::model::time::zone::Zone>,
    /// The scale of numeric satisfaction scores; settled from the largest score when `None`.
    pub csat_scale: Option<values::RatingScale>,
    /// Day or month first where a date column's values leave it open; day first when `None`.
    pub date_order: Option<DateOrder>,
    /// Columns, encoding, sheet and date order chosen for every file or for one.
    pub choices: Choices,
    /// The file's size in bytes, where known: the ticket table is then sized once for the
    /// rows the file will give, instead of growing (and copying) as it is read.
    pub size_hint: Option<u64>,
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
    let options = ReadOptions {
        size_hint: Some(bytes.len() as u64),
        ..options.clone()
    };
    read_export_from(file, bytes, &options, &mut |_| {})
}

/// How far the reading of a file has come: for a progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    /// Bytes of the file read so far.
    pub bytes: u64,
    /// Data rows read so far.
    pub rows: usize,
}

/// How many rows settle each column's form (datetime form, rating scale) before the rest are
/// read one by one. A later row that does not fit is skipped with its reason, like any other
/// (DuckDB's CSV sniffer samples about as many).
pub const SETTLE_ROWS: usize = 20_000;

/// Title lines looked past, at most, to find the header.
const TITLE_LINES: usize = 5;

/// How often (in rows) `progress` is told.
const PROGRESS_ROWS: usize = 16_384;

/// Reads one exported file from `source` in chunks, holding the tickets it makes but never the
/// whole file (workbooks excepted: a zip must be whole to be read).
pub fn read_export_from(
    file: &str,
    mut source: impl std::io::Read,
    options: &ReadOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Export, IngestError> {
    let fail = |kind: ErrorKind| IngestError::new(file, kind);
    let unreadable =
        |error: std::io::Error| match error.get_ref().and_then(|e| e.downcast_ref::<SaidError>()) {
            Some(said) => fail(ErrorKind::Said(said.0.clone())),
            None => fail(ErrorKind::Unreadable(error.to_string())),
        };
    let first = stream::read_chunk(&mut source).map_err(unreadable)?;
    let chosen = options.choices.for_file(file);
    // A workbook (SpreadsheetML XML too) is read whole, as one sheet's CSV: the chosen sheet, else
    // the one holding the ticket table; anything else is decoded as it comes.
    if spreadsheet::is_workbook(&first) {
        let mut bytes = first;
        source.read_to_end(&mut bytes).map_err(unreadable)?;
        let sheet = match spreadsheet::sheet(&bytes, chosen.sheet.as_deref()) {
            Some(Ok(sheet)) => sheet,
            Some(Err(message)) => return Err(fail(ErrorKind::Said(message))),
            None => return Err(fail(ErrorKind::Said(Message::new("file.workbook_changed")))),
        };
        let reader =
            stream::DecodedReader::new(&[][..], encoding_rs::UTF_8, sheet.csv.as_bytes(), 0);
        let mut export = read_text(
            file,
            reader,
            sheet.description,
            sheet.warnings,
            options,
            &chosen,
            progress,
        )?;
        export.source.sheet = Some(sheet.name);
        export.source.sheets = sheet.names;
        return Ok(export);
    }
    let complete = first.len() < stream::CHUNK;
    let sniffed = match chosen.encoding.as_deref() {
        Some(label) => {
            let encoding = choices::encoding(label)
                .map_err(|_| fail(ErrorKind::UnknownEncoding(label.to_string())))?;
            decode::forced(&first, encoding)
        }
        None => decode::sniff(&first, complete).map_err(|e| fail(e.kind()))?,
    };
    parts::ready(sniffed.encoding).map_err(|why| fail(ErrorKind::Said(why)))?;
    let reader = stream::DecodedReader::new(source, sniffed.encoding, &first, sniffed.bom_len);
    if reader.is_finished() && reader.peek().trim().is_empty() {
        // A BOM alone (or with blank lines) is an empty file too, not one without a header.
        return Err(fail(ErrorKind::Empty));
    }
    let encoding = sniffed.encoding.name().to_string();
    read_text(
        file,
        reader,
        encoding,
        Vec::new(),
        options,
        &chosen,
        progress,
    )
}

/// One CSV record, sorted.
enum Taken<'r> {
    /// A row of data, and its line.
    Row(u64, row::Record<'r>),
    Blank,
    /// Not a row of data: a repeated header, or what the CSV reader could not read.
    Skipped(SkippedRow),
}

/// The CSV text of a file → its records; after the first `SETTLE_ROWS`, row by row.
fn read_text<R: std::io::Read>(
    file: &str,
    mut reader: stream::DecodedReader<R>,
    encoding: String,
    sheet_warnings: Vec<Message>,
    options: &ReadOptions,
    chosen: &FileChoices,
    progress: &mut dyn FnMut(Progress),
) -> Result<Export, IngestError> {
    let fail = |kind: ErrorKind| IngestError::new(file, kind);
    let (delimiter, sep_line) = {
        let head = reader.peek();
        match delimiter::excel_separator_line(&head) {
            Some((delimiter, rest)) => (delimiter, head.len() - rest.len()),
            None => (delimiter::sniff_delimiter(&head), 0),
        }
    };
    reader.skip(sep_line);
    let lines = reader.lines();
    let bytes_read = std::rc::Rc::clone(&reader.bytes_read);
    let mut csv_reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);

    // The first records are kept (the header, the rows that settle the columns) as text: a
    // damaged byte read as U+FFFD, as a decoder would have.
    let mut records = csv_reader
        .byte_records()
        .map(|record| record.map(mended_text));
    // Reports often open with a title line or two ("Tickets report, March 2024") above the
    // header: lines of one cell followed, within a few lines, by a line of several.
    let mut ahead = Vec::new();
    for record in records.by_ref() {
        let cells = record
            .as_ref()
            .map_or(0, |r| r.iter().filter(|c| !c.trim().is_empty()).count());
        ahead.push(record);
        if cells != 1 || ahead.len() == TITLE_LINES + 1 {
            break;
        }
    }
    let header_at = match ahead.last() {
        Some(Ok(last))
            if ahead.len() > 1 && last.iter().filter(|c| !c.trim().is_empty()).count() > 1 =>
        {
            ahead.len() - 1
        }
        _ => 0,
    };
    let mut ahead = ahead.into_iter();
    let title: Vec<String> = ahead
        .by_ref()
        .take(header_at)
        .filter_map(|r| r.ok())
        .map(|r| r.iter().collect::<Vec<_>>().join(" ").trim().to_string())
        .collect();
    let header = match ahead.next() {
        Some(Ok(header)) => header,
        _ => return Err(fail(ErrorKind::NoHeader)),
    };
    let mut records = ahead.chain(records);
    let mut sheet_warnings = sheet_warnings;
    if !title.is_empty() {
        sheet_warnings.push(
            Message::new("warning.title_lines")
                .with("count", title.len())
                .with(
                    "lines",
                    title
                        .iter()
                        .map(|t| values::quoted(t))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
        );
    }
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let mut skipped = Skipped::default();
    // A record whose UTF-8 `take` had to mend.
    let mut mended = csv::StringRecord::new();
    let mut first_rows = Vec::new();
    for record in records.by_ref() {
        match take(
            record.as_ref().map(|r| r.as_byte_record()),
            &mut mended,
            &mut lines.borrow_mut(),
            &headers,
        ) {
            Taken::Row(line, _) => {
                if let Ok(record) = record {
                    first_rows.push((line, record));
                }
            }
            Taken::Blank => {}
            Taken::Skipped(row) => skipped.push(row),
        }
        if first_rows.len() == SETTLE_ROWS {
            break;
        }
    }
    // Only an unclosed quote lets a header cell hold a line break and swallow the rows.
    if first_rows.is_empty() && headers.iter().any(|h| h.contains(['\n', '\r'])) {
        return Err(fail(ErrorKind::UnclosedHeaderQuote).at_line(1));
    }
    if first_rows.is_empty() && skipped.count == 0 {
        return Err(fail(ErrorKind::HeaderOnly));
    }

    let vendor = vendor::recognise(&headers);
    let signature = choices::header_signature(&headers);
    let mut choice_warnings = Vec::new();
    let columns_chosen = choices::resolve_columns(
        &headers,
        &chosen.columns,
        options.choices.remembered.get(&signature),
        &mut choice_warnings,
    );
    let date_order = chosen.date_order.or(options.date_order).unwrap_or_default();
    let mut layout = columns::settle(vendor, &headers, &first_rows, &columns_chosen, date_order);
    layout.warnings.extend(choice_warnings);
    layout.zone = options.zone;
    if options.csat_scale.is_some() && layout.get(Field::Satisfaction).is_some() {
        layout.rating_scale = options.csat_scale;
    }
    if layout.is_useless() {
        return Err(fail(ErrorKind::NoTicketColumn {
            found: preview_headers(&headers),
        }));
    }

    let preview = columns::preview(&layout, &first_rows);
    // Rows: data rows read or skipped, repeated headers and unreadable records included.
    let mut rows = skipped.count;
    let (mut calls, mut surveys, mut customers) = (Vec::new(), Vec::new(), Vec::new());
    // The rows to come, guessed from the bytes the first rows took (where the last of them
    // starts, not what the reader has fetched ahead): the table's columns are sized once, a
    // little over (a column that doubles as it grows holds up to twice what it needs).
    let expected_rows = options.size_hint.map_or(0, |size| {
        let rows_so_far = first_rows.len() as u64;
        let taken = first_rows
            .last()
            .and_then(|(_, record)| record.position())
            .map_or(0, |p| p.byte());
        let per_row = taken / rows_so_far.saturating_sub(1).max(1);
        let rows = match per_row {
            0 => rows_so_far,
            per_row => (size / per_row).max(rows_so_far),
        };
        (rows + rows / 50 + 16) as usize
    });
    let mut tickets = TicketTable::for_reading(match vendor.kind {
        RecordKind::Tickets => expected_rows,
        _ => 0,
    });
    // One ticket reused for every row: read into, then written into the table's columns.
    let mut ticket = Ticket::default();
    let mut texts = row::Texts::default();
    let values_chosen = chosen.values_with(options.choices.remembered_values.get(&signature));
    let (your_statuses, your_answers) = values_chosen.compile(&mut layout.warnings);
    texts.your_statuses = your_statuses;
    texts.your_answers = your_answers;
    let mut set_aside = Skipped::default();
    let mut by_column: BTreeMap<String, usize> = BTreeMap::new();
    let mut cells_aside = Vec::new();
    let mut read_row = |line: u64, record: row::Record| -> Result<(), SkippedRow> {
        let cells = records::Cells {
            record,
            headers: &headers,
            layout: &layout,
            line,
        };
        match vendor.kind {
            RecordKind::Tickets => {
                let read = row::read_ticket(
                    &mut ticket,
                    &mut texts,
                    file,
                    line,
                    record,
                    &headers,
                    &layout,
                    vendor,
                    &mut cells_aside,
                )
                .map(|()| tickets.push(&ticket));
                for cell in cells_aside.drain(..) {
                    *by_column
                        .entry(cell.column.clone().unwrap_or_default())
                        .or_default() += 1;
                    set_aside.push(cell);
                }
                read
            }
            RecordKind::Calls => records::read_call(file, &cells).map(|c| calls.push(c)),
            RecordKind::Surveys => records::read_survey(&cells).map(|s| surveys.push(s)),
            RecordKind::Customers => records::read_customer(&cells).map(|c| customers.push(c)),
        }
    };
    for (line, record) in first_rows.drain(..) {
        rows += 1;
        let read = read_row(line, row::Record::from(&record));
        if let Err(row) = read {
            skipped.push(row);
        }
    }
    // The rows after the first: read into one record, not a new one each, as bytes (`Record`
    // checks a record's UTF-8 once).
    drop(records);
    let mut record = csv::ByteRecord::new();
    loop {
        let taken = match csv_reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => take(Ok(&record), &mut mended, &mut lines.borrow_mut(), &headers),
            Err(error) => take(Err(&error), &mut mended, &mut lines.borrow_mut(), &headers),
        };
        match taken {
            Taken::Row(line, record) => {
                rows += 1;
                if let Err(row) = read_row(line, record) {
                    skipped.push(row);
                }
                if rows % PROGRESS_ROWS == 0 {
                    progress(Progress {
                        bytes: bytes_read.get(),
                        rows,
                    });
                }
            }
            Taken::Blank => {}
            Taken::Skipped(row) => {
                rows += 1;
                skipped.push(row);
            }
        }
    }
    progress(Progress {
        bytes: bytes_read.get(),
        rows,
    });
    let Skipped { count, mut reasons } = skipped;
    reasons.sort_by_key(|s| s.line);
    reasons.truncate(MAX_SKIPPED_REASONS);
    let Skipped {
        count: aside_count,
        reasons: mut aside_cells,
    } = set_aside;
    aside_cells.sort_by_key(|s| s.line);
    aside_cells.truncate(MAX_SKIPPED_REASONS);
    let statuses = readings::statuses(&texts);
    let answers = readings::answers(&texts);
    let mut warnings: Vec<Message> = layout.warnings.clone();
    warnings.extend(readings::warnings(
        &statuses,
        &answers,
        texts.without_created,
        &headers,
        &layout,
    ));
    warnings.extend(sheet_warnings);
    let field_note_keys: BTreeMap<Field, Message> = layout
        .columns
        .iter()
        .filter(|c| c.unit_assumed)
        .map(|c| {
            let note = Message::new("note.unit_assumed").with("column", &headers[c.index]);
            (c.field, note)
        })
        .collect();

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
            }
            .to_string(),
            format_name: vendor.name.to_string(),
            encoding,
            delimiter: delimiter::delimiter_name(delimiter).to_string(),
            rows,
            skipped: count,
            skipped_reasons: reasons,
            columns: layout.describe(&headers),
            warnings: warnings.iter().map(Message::text).collect(),
            warning_keys: warnings,
            date_order: (!layout.open_order.is_empty()).then_some(date_order),
            open_date_order: layout.open_order.clone(),
            headers: headers.clone(),
            header_signature: signature,
            preview,
            sheets: Vec::new(),
            sheet: None,
            evidence: layout.evidence(&headers),
            statuses,
            answers,
            set_aside: aside_count,
            set_aside_by_column: by_column,
            set_aside_cells: aside_cells,
            field_notes: field_note_keys
                .iter()
                .map(|(field, note)| (*field, note.text()))
                .collect(),
            field_note_keys,
        },
    })
}

/// What a record is: a row of data, a blank line, or one to skip (a repeated header, a totals
/// line, what the CSV reader could not read).
fn take<'r>(
    record: Result<&'r csv::ByteRecord, &csv::Error>,
    mended: &'r mut csv::StringRecord,
    lines: &mut stream::LineWindow,
    headers: &[String],
) -> Taken<'r> {
    let record = match record {
        Ok(record) => record,
        Err(error) => {
            return Taken::Skipped(SkippedRow::new(
                lines.line_of(error.position().map_or(0, |p| p.byte())),
                None,
                Message::new("row.csv").with("error", error),
            ))
        }
    };
    let line = lines.line_of(record.position().map_or(0, |p| p.byte()));
    // UTF-8 with a damaged byte: read as a decoder would have, with U+FFFD.
    let record = row::Record::of(record).unwrap_or_else(|_| {
        *mended = mended_text(record.clone());
        row::Record::from(&*mended)
    });
    // The first filled cell answers the three questions below: most rows open with one.
    let Some((at, first)) = record
        .iter()
        .map(values::trim)
        .enumerate()
        .find(|(_, cell)| !cell.is_empty())
    else {
        return Taken::Blank;
    };
    // Exports joined with `cat` repeat the header; read as data it makes a ticket whose id
    // is "Id" wherever no date column catches it.
    if record.len() == headers.len()
        && headers[..at].iter().all(|h| h.is_empty())
        && first == headers[at]
        && record
            .iter()
            .zip(headers)
            .skip(at + 1)
            .all(|(cell, h)| values::trim(cell) == h)
    {
        return Taken::Skipped(SkippedRow::new(
            line,
            None,
            Message::new("row.repeated_header"),
        ));
    }
    if is_totals_cell(first) {
        return Taken::Skipped(SkippedRow::new(line, None, Message::new("row.totals")));
    }
    Taken::Row(line, record)
}

/// A record as text, each damaged byte of its UTF-8 read as U+FFFD; where it lies kept.
fn mended_text(record: csv::ByteRecord) -> csv::StringRecord {
    let position = record.position().cloned();
    let mut text = csv::StringRecord::from_byte_record_lossy(record);
    text.set_position(position);
    text
}

/// Skipped rows: all counted, the first `MAX_SKIPPED_REASONS` (by line) kept with their reasons,
/// so that a broken 1 GB file cannot fill the memory with reasons.
#[derive(Default)]
struct Skipped {
    count: usize,
    reasons: Vec<SkippedRow>,
}

impl Skipped {
    fn push(&mut self, row: SkippedRow) {
        self.count += 1;
        self.reasons.push(row);
        if self.reasons.len() >= 2 * MAX_SKIPPED_REASONS {
            self.reasons.sort_by_key(|s| s.line);
            self.reasons.truncate(MAX_SKIPPED_REASONS);
        }
    }
}

/// Reports end with a line of sums: its first filled cell is a word like "Total", whole.
fn is_totals_cell(cell: &str) -> bool {
    const WORDS: [&str; 12] = [
        "total",
        "totals",
        "grand total",
        "sum",
        "summe",
        "gesamt",
        "razem",
        "suma",
        "spolu",
        "celkom",
        "合计",
        "总计",
    ];
    // Most rows open with an id: no word of the list is longer, or opens with a digit.
    if cell.len() > 12 || cell.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let cell = cell.trim_end_matches(':').to_lowercase();
    WORDS.contains(&cell.as_str())
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

    #[test]
    fn an_error_is_written_as_english_and_as_its_key_and_read_back_as_what_it_says() {
        let error = IngestError::new(
            "a.csv",
            ErrorKind::NoTicketColumn {
                found: "'x'".into(),
            },
        )
        .at_line(3);
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(
            json,
            r#"{"file":"a.csv","line":3,"message":"no column was recognised as a ticket field (found: 'x'): export tickets from your helpdesk, or rename the columns to names like 'Created at', 'Status', 'Solved at'","key":"file.no_ticket_column","args":{"columns":"'x'"}}"#
        );
        let back: IngestError = serde_json::from_str(&json).unwrap();
        assert_eq!(back.kind.message(), error.kind.message());
        assert_eq!((back.line, back.text()), (Some(3), error.text()));
        // What the worker's script writes itself: a text alone.
        let plain: IngestError =
            serde_json::from_str(r#"{"file":"b.csv","message":"out of memory"}"#).unwrap();
        assert_eq!(plain.text(), "out of memory");
        assert!(!crate::message::is_known(&plain.kind.message().key));
    }

    /// Each kind of error is a message of the catalogue (whose English template every
    /// language has, as a test of `i18n::engine_text` checks), with its holes filled.
    #[test]
    fn every_error_kind_is_a_message_of_the_catalogue() {
        let kinds = [
            ErrorKind::Unreadable("gone".into()),
            ErrorKind::Empty,
            ErrorKind::NotCsv(Message::new("file.kind_pdf")),
            ErrorKind::Binary,
            ErrorKind::NoHeader,
            ErrorKind::UnclosedHeaderQuote,
            ErrorKind::HeaderOnly,
            ErrorKind::NoTicketColumn {
                found: "'x'".into(),
            },
            ErrorKind::UnknownEncoding("klingon".into()),
            ErrorKind::Said(Message::new("file.workbook_changed")),
        ];
        for kind in kinds {
            let message = kind.message();
            assert!(crate::message::is_known(&message.key), "{kind:?}");
            let text = message.text();
            assert!(!text.is_empty() && !text.contains('{'), "{kind:?}: {text}");
        }
        assert_eq!(
            ErrorKind::NotCsv(Message::new("file.kind_pdf"))
                .message()
                .text(),
            "this is a PDF document, not a CSV file: open it in your spreadsheet program and \
             save it as \"CSV UTF-8\", or export CSV from your helpdesk"
        );
    }

    /// A reader that fails at once, with a message.
    struct Failing;

    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other(SaidError(Message::new(
                "file.browser_unreadable",
            ))))
        }
    }

    #[test]
    fn a_source_that_fails_with_a_message_gives_that_message() {
        let error =
            read_export_from("a.csv", Failing, &ReadOptions::default(), &mut |_| {}).unwrap_err();
        assert_eq!(error.kind.message().key, "file.browser_unreadable");
    }
    use crate::model::Text;

    /// The lines of the rows skipped and of the cells set aside.
    fn skipped_lines(text: &str) -> Vec<u64> {
        let export = read_export("t.csv", text.as_bytes()).unwrap();
        let source = export.source;
        let mut lines: Vec<u64> = source
            .skipped_reasons
            .iter()
            .chain(&source.set_aside_cells)
            .map(|s| s.line)
            .collect();
        lines.sort_unstable();
        lines
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

    /// A reader that hands out a few bytes at a time, as a slow disk or a browser might.
    struct Trickle<'a>(&'a [u8]);

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(4093);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_file_of_many_chunks_is_read_row_by_row_with_its_line_numbers() {
        // 30 000 tickets (≈6 MB: six chunks, beyond the rows that settle the columns), CRLF line
        // ends, a blank line and then a bad date on the last line.
        let mut bytes = Vec::new();
        crate::sample::write_zendesk_csv(&mut bytes, 3, Some(30_000)).unwrap();
        let text = String::from_utf8(bytes).unwrap().replace('\n', "\r\n");
        let header = text.lines().next().unwrap().to_string();
        let bad_row = header
            .split(',')
            .map(|h| if h == "Created at" { "not a date" } else { "1" })
            .collect::<Vec<_>>()
            .join(",");
        // Header + 30 000 rows, a blank line, the bad row.
        let last_line = 30_003;
        let text = format!("{text}\r\n{bad_row}\r\n");
        assert!(text.len() > 5 * stream::CHUNK);

        let mut seen = Vec::new();
        let export = read_export_from(
            "big.csv",
            Trickle(text.as_bytes()),
            &ReadOptions::default(),
            &mut |p| seen.push(p),
        )
        .unwrap();
        // The bad date is set aside; its ticket is kept.
        assert_eq!(export.tickets.len(), 30_001);
        assert_eq!(export.source.rows, 30_001);
        assert_eq!(export.source.skipped, 0);
        let mut lines: Vec<u64> = export
            .source
            .set_aside_cells
            .iter()
            .map(|s| s.line)
            .collect();
        lines.dedup();
        assert_eq!(lines, vec![last_line]);
        // Progress grows and ends at the whole file.
        assert!(seen
            .windows(2)
            .all(|w| w[0].bytes <= w[1].bytes && w[0].rows <= w[1].rows));
        assert_eq!(seen.last().map(|p| p.bytes), Some(text.len() as u64));
        assert_eq!(seen.last().map(|p| p.rows), Some(30_001));
    }

    #[test]
    fn a_damaged_utf8_byte_reads_as_a_replacement_character_wherever_it_is() {
        // In the header, in a row that settles the columns, and in a row of the second chunk
        // (after `SETTLE_ROWS`): the UTF-8 is handed to the CSV reader unchecked.
        let mut text =
            b"Id,Agent,Created at,Note \xFF\n1,Zo\xC3\xAB M\xFFller,2024-01-01 10:00,\n".to_vec();
        for id in 2..=SETTLE_ROWS + 5 {
            text.extend(
                format!("{id},Ann Exämple of a rather long agent name,2024-01-01 10:00,\n").bytes(),
            );
        }
        assert!(text.len() > stream::CHUNK);
        text.extend_from_slice(b"999999,caf\xFF\xC3,2024-01-01 10:00,\n");
        let export = read_export("t.csv", &text).unwrap();
        assert_eq!(export.source.encoding, "UTF-8");
        assert_eq!(export.source.skipped, 0);
        assert_eq!(export.source.headers[3], "Note \u{fffd}");
        let agent_of = |id: &str| {
            let row = export.tickets.tickets().find(|t| t.id == id)?;
            Some(row.agent?.to_string())
        };
        assert_eq!(agent_of("1").as_deref(), Some("Zoë M\u{fffd}ller"));
        assert_eq!(agent_of("999999").as_deref(), Some("caf\u{fffd}\u{fffd}"));
        assert_eq!(export.tickets.len(), SETTLE_ROWS + 6);
    }

    #[test]
    fn a_legacy_code_page_cut_between_chunks() {
        // windows-1250 text whose non-ASCII letters fall on chunk boundaries somewhere.
        let row = "1;Zamknięte;żółty\n";
        let mut text = String::from("Id;Status;Tags\n");
        while text.len() < 3 * stream::CHUNK {
            text.push_str(row);
        }
        let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(&text);
        let export = read_export("pl.csv", &bytes).unwrap();
        assert_eq!(export.source.encoding, "windows-1250");
        assert_eq!(export.source.skipped, 0);
        assert!(export
            .tickets
            .tickets()
            .all(|t| *t.tags == [Text::from("żółty")]));
    }

    #[test]
    fn title_lines_above_the_header_are_passed_over_and_said() {
        // A report's title, padded by the spreadsheet, a blank line, then the header on line 4.
        let export = read_export(
            "t.csv",
            b"Tickets report,,\r\nMarch 2024,,\r\n\r\nId,Status,Created at\r\n1,Open,2024-03-01\r\n2,Open,bad\r\n",
        )
        .unwrap();
        assert_eq!(export.tickets.len(), 2);
        assert_eq!(export.source.set_aside_cells[0].line, 6);
        assert!(
            export.source.warnings.iter().any(|w| w.contains("2 line(s) above the header")
                && w.contains("'Tickets report'")),
            "{:?}",
            export.source.warnings
        );
        // Each warning is a message too, with the same English text.
        let said: Vec<String> = export
            .source
            .warning_keys
            .iter()
            .map(Message::text)
            .collect();
        assert_eq!(said, export.source.warnings);
        assert!(export
            .source
            .warning_keys
            .iter()
            .any(|w| w.key == "warning.title_lines" && w.args["count"] == "2"));
        // A file of one column has no title to find.
        let export = read_export(
            "t.csv",
            b"Status\nOpen\nSolved\nOpen\nOpen\nOpen\nOpen\nOpen\n",
        );
        if let Ok(export) = export {
            assert!(export.source.warnings.iter().all(|w| !w.contains("title")));
            assert_eq!(export.source.rows, 7);
        }
    }

    #[test]
    fn a_totals_row_is_left_out_and_named() {
        let export = read_export(
            "t.csv",
            "Id,Status,Replies\n1,Open,2\n2,Solved,3\nTotal:,,5\n合计,,5\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(export.tickets.len(), 2);
        let lines: Vec<u64> = export
            .source
            .skipped_reasons
            .iter()
            .map(|s| s.line)
            .collect();
        assert_eq!(lines, vec![4, 5]);
        assert!(export.source.skipped_reasons[0]
            .reason
            .contains("totals row"));
        assert_eq!(export.source.skipped_reasons[0].reason_key, "row.totals");
        // A ticket whose first cell merely starts with the word is a ticket.
        let export = read_export("t.csv", b"Subject,Status\nTotal refund,Open\n").unwrap();
        assert_eq!(export.tickets.len(), 1);
    }

    #[test]
    fn a_repeated_header_is_skipped_not_read_as_a_ticket() {
        let export = read_export(
            "t.csv",
            b"Id,Status,Priority\n1,Open,High\nId,Status,Priority\n2,Open,Low\n",
        )
        .unwrap();
        let ids: Vec<String> = export.tickets.tickets().map(|t| t.id).collect();
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
        assert!(error.text().contains("never closed"), "{}", error.text());
    }

    #[test]
    fn excel_sep_line_and_blank_header_names() {
        let export = read_export("t.csv", b"sep=;\r\nId;Status\r\n1;Open\r\n").unwrap();
        assert_eq!(export.source.delimiter, "semicolon");
        assert_eq!(export.tickets.len(), 1);
        let error = read_export("t.csv", b",,\n1,2,3\n").unwrap_err();
        assert!(
            error.text().contains("(found: '', '', '')"),
            "{}",
            error.text()
        );
    }

    fn read_with(text: &[u8], choices: Choices) -> Export {
        let options = ReadOptions {
            choices,
            ..ReadOptions::default()
        };
        read_export_with("t.csv", text, &options).unwrap()
    }

    fn for_all(columns: &[(Field, Option<&str>)]) -> Choices {
        let mut choices = Choices::default();
        choices.all.columns = columns
            .iter()
            .map(|(f, h)| (*f, h.map(str::to_string)))
            .collect();
        choices
    }

    const TWO_TIMES: &[u8] =
        b"Id,Status,Created at,Opened,Channel\n1,Open,2024-03-01 10:00,2024-02-01 09:00,Mail\n";

    #[test]
    fn a_chosen_column_feeds_its_field_and_none_feeds_none() {
        let export = read_export("t.csv", TWO_TIMES).unwrap();
        assert_eq!(export.source.columns[&Field::CreatedAt], "Created at");
        // "Opened" chosen for the creation time: 1 February; "none" for the channel.
        let export = read_with(
            TWO_TIMES,
            for_all(&[(Field::CreatedAt, Some("Opened")), (Field::Channel, None)]),
        );
        assert_eq!(export.source.columns[&Field::CreatedAt], "Opened");
        assert!(!export.source.columns.contains_key(&Field::Channel));
        let created = export
            .tickets
            .ticket(0)
            .created_at
            .get()
            .and_then(|t| chrono::DateTime::from_timestamp(t, 0));
        assert_eq!(
            created.map(|t| t.to_string()).as_deref(),
            Some("2024-02-01 09:00:00 UTC")
        );
        assert_eq!(
            export.source.preview[&Field::CreatedAt],
            vec!["2024-02-01T09:00:00"]
        );
        // A column chosen for a date that holds none is said and not used.
        let export = read_with(TWO_TIMES, for_all(&[(Field::SolvedAt, Some("Channel"))]));
        assert!(!export.source.columns.contains_key(&Field::SolvedAt));
        assert!(
            export.source.warnings[0].contains("'Channel' chosen for solved_at holds no dates"),
            "{:?}",
            export.source.warnings
        );
    }

    #[test]
    fn column_choices_remembered_by_header_signature_apply_to_the_same_header_only() {
        let signature = read_export("t.csv", TWO_TIMES)
            .unwrap()
            .source
            .header_signature;
        let mut choices = Choices::default();
        // Column 3 ("Opened") for the creation time.
        choices.remembered.insert(
            signature,
            BTreeMap::from([(Field::CreatedAt, Some(3)), (Field::Channel, None)]),
        );
        let export = read_with(TWO_TIMES, choices.clone());
        assert_eq!(export.source.columns[&Field::CreatedAt], "Opened");
        assert!(!export.source.columns.contains_key(&Field::Channel));
        // Another header row: not touched.
        let other = b"Id,Status,Created at,Opened\n1,Open,2024-03-01 10:00,2024-02-01 09:00\n";
        let export = read_with(other, choices.clone());
        assert_eq!(export.source.columns[&Field::CreatedAt], "Created at");
        // The file's own choice goes over the remembered one.
        choices.files.insert(
            "t.csv".into(),
            FileChoices {
                columns: BTreeMap::from([(Field::CreatedAt, Some("Created at".into()))]),
                ..FileChoices::default()
            },
        );
        let export = read_with(TWO_TIMES, choices);
        assert_eq!(export.source.columns[&Field::CreatedAt], "Created at");
        assert!(!export.source.columns.contains_key(&Field::Channel));
    }

    #[test]
    fn a_chosen_encoding_is_read_whatever_the_detector_says() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode("Id;Status;Group\r\n1;Open;Čaj\r\n");
        let detected = read_export("t.csv", &bytes).unwrap();
        // Too little text: the detector takes windows-1252.
        assert_eq!(detected.source.encoding, "windows-1252");
        assert_eq!(detected.tickets.ticket(0).group.as_deref(), Some("Èaj"));
        let mut choices = Choices::default();
        choices.all.encoding = Some("cp1250".into());
        let export = read_with(&bytes, choices);
        assert_eq!(export.source.encoding, "windows-1250");
        assert_eq!(export.tickets.ticket(0).group.as_deref(), Some("Čaj"));
        // UTF-16LE with its BOM, chosen: the BOM is still skipped.
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(
            "Id,Status\n1,Open\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let mut choices = Choices::default();
        choices.all.encoding = Some("UTF-16LE".into());
        let export = read_with(&utf16, choices);
        assert_eq!(export.source.columns[&Field::Id], "Id");
    }

    #[test]
    fn the_date_order_no_value_settles_comes_from_the_choice_then_the_setting() {
        let text = b"Id,Created at\n1,03/04/2024\n2,05/06/2024\n";
        let day = |export: &Export| {
            export
                .tickets
                .ticket(0)
                .created_at
                .get()
                .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                .map(|t| t.format("%Y-%m-%d").to_string())
        };
        let export = read_export("t.csv", text).unwrap();
        assert_eq!(day(&export).as_deref(), Some("2024-04-03"));
        assert_eq!(export.source.open_date_order, vec!["Created at"]);
        assert_eq!(export.source.date_order, Some(DateOrder::DayFirst));
        let mut options = ReadOptions {
            date_order: Some(DateOrder::MonthFirst),
            ..ReadOptions::default()
        };
        let export = read_export_with("t.csv", text, &options).unwrap();
        assert_eq!(day(&export).as_deref(), Some("2024-03-04"));
        assert_eq!(export.source.date_order, Some(DateOrder::MonthFirst));
        options.choices.files.insert(
            "t.csv".into(),
            FileChoices {
                date_order: Some(DateOrder::DayFirst),
                ..FileChoices::default()
            },
        );
        let export = read_export_with("t.csv", text, &options).unwrap();
        assert_eq!(day(&export).as_deref(), Some("2024-04-03"));
        // 13/04 settles it: nothing is asked.
        let export = read_export_with(
            "t.csv",
            b"Id,Created at\n1,03/04/2024\n2,13/04/2024\n",
            &options,
        )
        .unwrap();
        assert!(export.source.open_date_order.is_empty());
        assert_eq!(export.source.date_order, None);
    }

    #[test]
    fn a_chosen_sheet_is_read_and_the_others_named() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/workbook_two_sheets.xlsx"
        ))
        .unwrap();
        let export = read_export("w.xlsx", &bytes).unwrap();
        assert_eq!(export.source.sheet.as_deref(), Some("Tickets"));
        assert_eq!(export.source.sheets, vec!["Tickets", "March"]);
        let mut choices = Choices::default();
        choices.all.sheet = Some("March".into());
        let options = ReadOptions {
            choices,
            ..ReadOptions::default()
        };
        let export = read_export_with("w.xlsx", &bytes, &options).unwrap();
        assert_eq!(export.source.sheet.as_deref(), Some("March"));
        assert_eq!(export.tickets.len(), 2);
        assert!(
            export.source.warnings[0]
                .contains("the sheet 'March' was read, as chosen; the workbook also has 'Tickets'"),
            "{:?}",
            export.source.warnings
        );
        // The fuzz seed's second sheet is a note, not tickets: said as such.
        let seed = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fuzz/seeds/ingest/zendesk_small.xlsx"
        ))
        .unwrap();
        let mut options = options;
        options.choices.all.sheet = Some("Notes".into());
        assert!(read_export_with("w.xlsx", &seed, &options).is_err());
    }
}
