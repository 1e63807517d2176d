//! SpreadsheetML 2003 ("XML Spreadsheet 2003"): the XML workbook Excel wrote before XLSX, and
//! what Freshdesk still sends as its ".xls" download. No zip and no binary records: one XML
//! document of `<Worksheet ss:Name>` → `<Table>` → `<Row>` → `<Cell>` → `<Data ss:Type>`. Its
//! cells become the same text as calamine's (dates `YYYY-MM-DD HH:MM:SS`, whole numbers without
//! `.0`), so the CSV pipeline cannot tell the two apart.

use std::borrow::Cow;

use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use quick_xml::XmlVersion;

use crate::message::Message;

/// One `<Worksheet>`: its name and its cells as text, gaps (`ss:Index`, `ss:MergeAcross`) filled
/// with empty cells so that each value stays under its header.
#[derive(Debug, Default, PartialEq)]
pub struct Worksheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// What the message calls this format.
pub const KIND: &str = "file.kind_spreadsheet_ml";

const NAMESPACE: &str = "urn:schemas-microsoft-com:office:spreadsheet";

/// How far into the file the namespace or the `<Workbook` root is looked for: the declaration and
/// Excel's `<?mso-application?>` line come first, then the root.
const SNIFF_BYTES: usize = 4096;

/// Whether the bytes are a SpreadsheetML document: after a byte-order mark and blank space,
/// `<?xml` or `<Workbook`, and the spreadsheet namespace or a `<Workbook` root near the start.
pub fn is_spreadsheet_xml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    // A UTF-16 pair cut at the end decodes as U+FFFD: harmless for a sniff.
    let text = decode(head).unwrap_or_default();
    let text = text.trim_start();
    (text.starts_with("<?xml") || text.starts_with("<Workbook") || text.starts_with("<ss:Workbook"))
        && (text.contains(NAMESPACE) || text.contains("<Workbook") || text.contains("<ss:Workbook"))
}

/// The document's text: UTF-16 or UTF-8 by its byte-order mark, else UTF-8, else the encoding the
/// declaration names. `None` when none of these reads it.
fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return Some(crate::ingest::parts::decode_whole(
            encoding,
            &bytes[bom_len..],
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(Cow::Borrowed(text));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let declared = head
        .split_once("encoding=")
        .and_then(|(_, rest)| rest.get(1..))
        .and_then(|rest| rest.split(['"', '\'']).next())?;
    let encoding = encoding_rs::Encoding::for_label(declared.as_bytes())?;
    Some(crate::ingest::parts::decode_whole(encoding, bytes))
}

/// Every worksheet of the document, in order; the error says what to do.
pub fn worksheets(bytes: &[u8]) -> Result<Vec<Worksheet>, Message> {
    let kind = Message::new(KIND);
    let text = decode(bytes)
        .ok_or_else(|| Message::new("file.xml_encoding").with_message("msg_kind", &kind))?;
    let mut reader = Reader::from_str(&text);
    let mut book = Book::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            Message::new("file.xml_malformed")
                .with_message("msg_kind", &kind)
                .with("error", e)
                .with("byte", reader.error_position())
        })?;
        match event {
            Event::Start(tag) => book.open(&tag, false),
            Event::Empty(tag) => book.open(&tag, true),
            Event::End(tag) => book.close(tag.local_name().as_ref()),
            Event::Text(text) => book.text(&text.xml10_content()),
            Event::CData(text) => book.text(&text.xml10_content()),
            Event::GeneralRef(entity) => {
                let resolved = match entity.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => resolve_xml_entity(&entity).map(str::to_string),
                };
                book.text(resolved.as_deref().unwrap_or(""));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if book.depth != 0 || !book.ended {
        return Err(Message::new("file.xml_cut_short").with_message("msg_kind", &kind));
    }
    Ok(book.sheets)
}

/// The reader's place in the document.
#[derive(Default)]
struct Book {
    sheets: Vec<Worksheet>,
    /// Open elements, to tell a complete document from a cut one.
    depth: usize,
    /// `</Workbook>` was seen.
    ended: bool,
    /// Inside a `<Worksheet>`.
    in_sheet: bool,
    /// The open cell: its text, its `ss:Type`, the columns it spans after itself.
    cell: Option<Cell>,
    /// Inside `<Data>` (not a `<Comment>`'s): its text is the cell's.
    in_data: bool,
    /// Inside a `<Comment>`: a note pinned to the cell, not its value.
    comment_depth: usize,
}

#[derive(Default)]
struct Cell {
    text: String,
    kind: String,
    merge_across: usize,
}

/// The `ss:`-prefixed (or unprefixed) attribute `name` of `tag`.
fn attribute(tag: &BytesStart<'_>, name: &str) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.trim().to_string())
        })
}

/// A 1-based `ss:Index` as a 0-based position; nonsense reads as absent.
fn index(tag: &BytesStart<'_>) -> Option<usize> {
    attribute(tag, "Index")?
        .parse::<usize>()
        .ok()?
        .checked_sub(1)
}

impl Book {
    fn open(&mut self, tag: &BytesStart<'_>, empty: bool) {
        let name = tag.local_name();
        let name = name.as_ref();
        if !empty {
            self.depth += 1;
        }
        if self.comment_depth > 0 || (name == "Comment" && self.cell.is_some()) {
            if !empty {
                self.comment_depth += 1;
            }
            return;
        }
        match name {
            "Worksheet" => {
                self.sheets.push(Worksheet {
                    name: attribute(tag, "Name").unwrap_or_default(),
                    rows: Vec::new(),
                });
                self.in_sheet = !empty;
            }
            "Row" if self.in_sheet => {
                if let Some(sheet) = self.sheets.last_mut() {
                    if let Some(at) = index(tag) {
                        // Rows skipped by `ss:Index` are blank rows.
                        while sheet.rows.len() < at {
                            sheet.rows.push(Vec::new());
                        }
                    }
                    sheet.rows.push(Vec::new());
                }
            }
            "Cell" if self.in_sheet => {
                if let Some(row) = self.sheets.last_mut().and_then(|s| s.rows.last_mut()) {
                    if let Some(at) = index(tag) {
                        while row.len() < at {
                            row.push(String::new());
                        }
                    }
                }
                self.cell = Some(Cell {
                    merge_across: attribute(tag, "MergeAcross")
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(0),
                    ..Cell::default()
                });
                if empty {
                    self.finish_cell();
                }
            }
            "Data" => {
                if let Some(cell) = self.cell.as_mut() {
                    cell.kind = attribute(tag, "Type").unwrap_or_default();
                    self.in_data = !empty;
                }
            }
            // Rich text in `<ss:Data>` (`<Font>`, `<B>`, `<Sup>` ...): its text is the cell's.
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        if self.comment_depth > 0 {
            self.comment_depth -= 1;
            return;
        }
        match name {
            "Workbook" => self.ended = true,
            "Worksheet" => self.in_sheet = false,
            "Data" => self.in_data = false,
            "Cell" => self.finish_cell(),
            _ => {}
        }
    }

    fn finish_cell(&mut self) {
        self.in_data = false;
        let Some(cell) = self.cell.take() else { return };
        if let Some(row) = self.sheets.last_mut().and_then(|s| s.rows.last_mut()) {
            row.push(cell_text(&cell.kind, &cell.text));
            // A merged cell's value sits in its first column, as Excel's own CSV has it.
            row.extend(std::iter::repeat_n(String::new(), cell.merge_across));
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_data && self.comment_depth == 0 {
            if let Some(cell) = self.cell.as_mut() {
                cell.text.push_str(text);
            }
        }
    }
}

/// A `<Data>` value as calamine writes the same cell of an XLSX.
fn cell_text(kind: &str, text: &str) -> String {
    match kind {
        "DateTime" => date_time(text.trim()),
        "Number" => match text.trim().parse::<f64>() {
            Ok(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
                format!("{}", number as i64)
            }
            Ok(number) => number.to_string(),
            Err(_) => text.to_string(),
        },
        "Boolean" => match text.trim() {
            "1" => "true".to_string(),
            "0" => "false".to_string(),
            other => other.to_string(),
        },
        _ => text.to_string(),
    }
}

/// `2025-05-15T11:44:18.000` → `2025-05-15 11:44:18`; Excel's times of day and durations sit on
/// its day zero (`1899-12-31T08:30:00.000`) → `08:30:00`. Anything else is kept as written.
fn date_time(text: &str) -> String {
    let (Some(date), Some(time)) = (text.get(..10), text.get(11..19)) else {
        return text.to_string();
    };
    if text.as_bytes().get(10) != Some(&b'T') {
        return text.to_string();
    }
    if date == "1899-12-31" {
        time.to_string()
    } else {
        format!("{date} {time}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(rows: &str) -> String {
        format!(
            "\u{feff}<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n\
             <Workbook xmlns=\"{NAMESPACE}\" xmlns:ss=\"{NAMESPACE}\">\n\
             <Worksheet ss:Name=\"Tickets\"><Table>{rows}</Table></Worksheet>\n</Workbook>\n"
        )
    }

    #[test]
    fn cells_land_under_their_header_across_index_gaps_and_merges() {
        let text = book(
            "<Row><Cell><Data ss:Type=\"String\">Id</Data></Cell>\
               <Cell><Data ss:Type=\"String\">Status</Data></Cell>\
               <Cell><Data ss:Type=\"String\">Created</Data></Cell>\
               <Cell><Data ss:Type=\"String\">Note</Data></Cell></Row>\
             <Row ss:Index=\"3\"><Cell><Data ss:Type=\"Number\">7</Data></Cell>\
               <Cell ss:Index=\"3\"><Data ss:Type=\"DateTime\">2025-05-15T11:44:18.000</Data></Cell>\
               <Cell><Data ss:Type=\"String\">a, &quot;b&quot; &amp; c&#10;d</Data></Cell></Row>\
             <Row><Cell ss:MergeAcross=\"1\"><Data ss:Type=\"String\">wide</Data></Cell>\
               <Cell/><Cell><ss:Data ss:Type=\"String\" xmlns=\"http://www.w3.org/TR/REC-html40\">\
               <Font html:Color=\"#FF0000\">red</Font> text</ss:Data></Cell></Row>",
        );
        assert!(is_spreadsheet_xml(text.as_bytes()));
        let sheets = worksheets(text.as_bytes()).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(sheets[0].name, "Tickets");
        assert_eq!(
            sheets[0].rows,
            vec![
                vec!["Id", "Status", "Created", "Note"],
                vec![],
                vec!["7", "", "2025-05-15 11:44:18", "a, \"b\" & c\nd"],
                vec!["wide", "", "", "red text"],
            ]
        );
    }

    #[test]
    fn numbers_dates_and_booleans_read_as_calamine_writes_them() {
        assert_eq!(cell_text("Number", "12.0"), "12");
        assert_eq!(cell_text("Number", "1.25"), "1.25");
        assert_eq!(cell_text("Number", "n/a"), "n/a");
        assert_eq!(cell_text("Boolean", "1"), "true");
        assert_eq!(
            cell_text("DateTime", "2025-05-01T00:00:00.000"),
            "2025-05-01 00:00:00"
        );
        assert_eq!(cell_text("DateTime", "1899-12-31T08:30:00.000"), "08:30:00");
        assert_eq!(cell_text("DateTime", "soon"), "soon");
    }

    #[test]
    fn a_comment_is_not_the_cell_value() {
        let text = book(
            "<Row><Cell><Comment ss:Author=\"me\"><ss:Data>check this</ss:Data></Comment>\
             <Data ss:Type=\"String\">Open</Data></Cell></Row>",
        );
        assert_eq!(
            worksheets(text.as_bytes()).unwrap()[0].rows,
            vec![vec!["Open"]]
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let text = book("<Row><Cell><Data ss:Type=\"String\">Čaj</Data></Cell></Row>");
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.trim_start_matches('\u{feff}').encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert!(is_spreadsheet_xml(&bytes));
        assert_eq!(worksheets(&bytes).unwrap()[0].rows, vec![vec!["Čaj"]]);
    }

    #[test]
    fn broken_or_cut_xml_says_to_save_as_csv() {
        let text = book("<Row><Cell><Data ss:Type=\"String\">Id</Cell></Row>");
        let message = worksheets(text.as_bytes()).unwrap_err().text();
        assert!(message.contains("not well-formed XML"), "{message}");
        assert!(message.ends_with("save it as \"CSV UTF-8\""), "{message}");
        let text = book("<Row><Cell><Data ss:Type=\"String\">Id</Data></Cell></Row>");
        let cut = &text[..text.len() / 2 + 40];
        let message = worksheets(cut.as_bytes()).unwrap_err().text();
        assert!(message.contains("CSV UTF-8"), "{message}");
    }

    #[test]
    fn other_xml_and_csv_are_not_spreadsheets() {
        assert!(!is_spreadsheet_xml(b"<?xml version=\"1.0\"?><rss></rss>"));
        assert!(!is_spreadsheet_xml(b"Id,Status\n1,Open\n"));
        assert!(is_spreadsheet_xml(
            b"  <?xml version=\"1.0\"?>\r\n<Workbook>"
        ));
    }
}
